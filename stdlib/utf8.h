/* utf8.h — the one measure of how wide text is on a terminal.
 * Every aligned column of decarb (reports, `decarb units`, `decarb factors`,
 * the REPL's :units) pads by these widths, never by bytes or by characters. */
#ifndef DC_UTF8_H
#define DC_UTF8_H

#include <stddef.h>
#include <stdio.h>

/* Columns the code point cp takes, as wcwidth(3) in a UTF-8 terminal:
 * 2 for East Asian Wide and Fullwidth (CJK ideographs, kana, Hangul,
 * full-width forms, most emoji), 0 for combining marks and zero-width
 * characters, 1 otherwise (control characters included: decarb never
 * aligns them). */
int dc_utf8_cp_width(unsigned long cp);

/* Columns the first n bytes of s take (the whole of s up to its NUL when
 * n is (size_t)-1; NULL is 0). A byte that starts no valid sequence counts
 * as one column, as terminals show a replacement character. */
int dc_utf8_width_n(const char *s, size_t n);
int dc_utf8_width(const char *s);

/* Writes s to f padded with spaces to `width` columns: on the right (the
 * text left-aligned), or on the left when right_align. Returns 0, or EOF
 * on a write error. */
int dc_utf8_pad(FILE *f, const char *s, int width, int right_align);

#endif
