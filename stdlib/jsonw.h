/* jsonw.h — a small JSON emitter for every JSON decarb writes (reports,
 * and explain, diff, seek as they come). It sorts the keys of each object
 * itself, always writes valid UTF-8 and never a NaN; the caller says only
 * what to write and how it should be laid out. Plain C, no Lua.
 *
 *   dc_jsonw *w = dc_jsonw_open(f, 0);
 *   dc_jsonw_object(w, DC_JSONW_LINES);
 *   dc_jsonw_key(w, "name"); dc_jsonw_str(w, "Zhangye");
 *   dc_jsonw_key(w, "met");  dc_jsonw_bool(w, 1);
 *   dc_jsonw_end(w);
 *   if (dc_jsonw_close(w) < 0) ...   -> {"met": true, "name": "Zhangye"}
 *
 * Keys: an object's members come out sorted by the bytes of their keys
 * (UTF-8 byte order is code point order), whatever order they were given
 * in; the object is held in memory until its end. An object opened with
 * DC_JSONW_ORDERED is written as it comes instead, for a document too big
 * to hold (a report of 1,000 plans): its keys must then be given in
 * ascending order, and the writer fails (DC_JSONW_EUSAGE) if they are not.
 * A key given twice in one object is also a usage error.
 *
 * Strings: valid UTF-8 is copied as it is (no \u escapes for non-ASCII);
 * '"' and '\' are escaped, newline and tab as \n and \t, every other
 * control character (and DEL) as \u00XX. Each byte that does not begin a
 * valid UTF-8 sequence (a stray continuation byte, a truncated or overlong
 * sequence, a surrogate, a code point above U+10FFFF) is written as U+FFFD,
 * one U+FFFD per such byte, so the output is valid UTF-8 whatever the input
 * bytes. Keys are escaped the same way. A NULL string is written as null.
 *
 * Numbers: the shortest text that reads back as the same double
 * (dc_fmt_shortest); NaN and infinities are written as null.
 *
 * Layout: DC_JSONW_LINES puts each member or element on a line of its own,
 * indented two spaces past the line the container opened on, and the
 * closing bracket on a line of its own; DC_JSONW_INLINE keeps the
 * container on its line ({"a": 1, "b": [2, 3]}). dc_jsonw_key_break
 * starts a member of an inline object on a new line, one space past the
 * object's line; DC_JSONW_LINES | DC_JSONW_TIGHT leaves the closing
 * bracket at the end of the last line. With DC_JSONW_COMPACT every line break and its
 * indentation are left out (JSON lines: one value a line).
 *
 * Errors are sticky: after the first one every call does nothing, and
 * dc_jsonw_close returns it. */
#ifndef DC_JSONW_H
#define DC_JSONW_H

#include <stdio.h>

typedef struct dc_jsonw dc_jsonw;

/* dc_jsonw_open flags */
#define DC_JSONW_COMPACT 1

/* Container layouts; DC_JSONW_ORDERED may be or-ed into an object's. */
#define DC_JSONW_INLINE 0
#define DC_JSONW_LINES 1
#define DC_JSONW_ORDERED 2
#define DC_JSONW_TIGHT 4 /* with LINES: the closing bracket stays on the last line */

/* dc_jsonw_close results */
#define DC_JSONW_OK 0
#define DC_JSONW_ENOMEM (-1)
#define DC_JSONW_EWRITE (-2) /* the stream reported an error */
#define DC_JSONW_EUSAGE (-3) /* unbalanced, a value without key, keys out of order, ... */

/* A writer of one JSON value to f; NULL when out of memory. */
dc_jsonw *dc_jsonw_open(FILE *f, int flags);
/* Writes what is left and flushes the stream, frees w; returns
 * DC_JSONW_OK or the first error (DC_JSONW_EWRITE if the stream failed).
 * Every container must be ended and exactly one value written. */
int dc_jsonw_close(dc_jsonw *w);
/* The first error so far (DC_JSONW_OK if none). */
int dc_jsonw_error(const dc_jsonw *w);

void dc_jsonw_object(dc_jsonw *w, int layout);
void dc_jsonw_array(dc_jsonw *w, int layout);
void dc_jsonw_end(dc_jsonw *w); /* ends the innermost object or array */
/* The key of the next member (the current container must be an object). */
void dc_jsonw_key(dc_jsonw *w, const char *key);
void dc_jsonw_key_break(dc_jsonw *w, const char *key);

void dc_jsonw_str(dc_jsonw *w, const char *s); /* NULL: null */
void dc_jsonw_strn(dc_jsonw *w, const char *s, size_t n);
void dc_jsonw_num(dc_jsonw *w, double v); /* not finite: null */
void dc_jsonw_int(dc_jsonw *w, long long v);
void dc_jsonw_bool(dc_jsonw *w, int v);
void dc_jsonw_null(dc_jsonw *w);

/* A member in one call: dc_jsonw_key then the value. */
void dc_jsonw_kstr(dc_jsonw *w, const char *key, const char *s);
void dc_jsonw_knum(dc_jsonw *w, const char *key, double v);
void dc_jsonw_kint(dc_jsonw *w, const char *key, long long v);
void dc_jsonw_kbool(dc_jsonw *w, const char *key, int v);

/* Writes s as a JSON string ("..." as above) to f, unbuffered by any
 * writer: for formats that quote a string here and there. */
void dc_jsonw_fput_str(FILE *f, const char *s);

#endif
