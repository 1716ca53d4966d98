/* csv.h — a strict RFC 4180 reader: quoted fields with "" escapes, CRLF or LF
 * line ends, a leading UTF-8 BOM skipped, UTF-8 checked, every field's
 * line:column kept for error messages. Reads whole texts; no Lua, no writing. */
#ifndef DC_CSV_H
#define DC_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

/* Largest text dc_csv_read_file accepts. */
#define DC_CSV_MAX_BYTES ((size_t)64 << 20)

typedef struct dc_csv dc_csv;

/* Where and what went wrong; line and col are 1-based (col counts UTF-8
 * characters), both 0 for errors with no position (a file that cannot be
 * opened, out of memory). */
typedef dc_err dc_csv_error; /* the cores' one error type (err.h) */

/* Parses len bytes. Rules: every record has as many fields as the first
 * (the header); wholly empty lines are skipped; a final line end is
 * optional; a quote may only open a field, and a closing quote must be
 * followed by a comma or a line end. Returns 0 with *out set (free with
 * dc_csv_free), or -1 with *err filled. */
int dc_csv_parse(const char *text, size_t len, dc_csv **out, dc_csv_error *err);
/* Reads and parses a file (at most DC_CSV_MAX_BYTES). */
int dc_csv_read_file(const char *path, dc_csv **out, dc_csv_error *err);
/* As dc_csv_read_file from an open file, which it closes. */
int dc_csv_read_stream(FILE *f, dc_csv **out, dc_csv_error *err);
void dc_csv_free(dc_csv *c);

/* Records, including the header (record 0). */
size_t dc_csv_rows(const dc_csv *c);
/* Fields per record (the same for every record). */
size_t dc_csv_cols(const dc_csv *c);
/* The field's text (NUL-terminated; may contain any UTF-8), or NULL when
 * out of range. */
const char *dc_csv_cell(const dc_csv *c, size_t row, size_t col);
/* Where a field starts in the text (1-based line and column). */
void dc_csv_where(const dc_csv *c, size_t row, size_t col, int *line, int *column);
/* Index of the header field named name (exact match), or -1. */
int dc_csv_find(const dc_csv *c, const char *name);

#endif
