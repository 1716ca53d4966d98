/* csv.c — strict RFC 4180 reader (see csv.h). Parses a whole text into one
 * buffer of NUL-terminated fields plus their positions; errors carry the
 * line and column (in UTF-8 characters) where the problem is. */
#include "csv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cell {
  size_t off; /* into text */
  int line, col;
} cell;

struct dc_csv {
  char *text; /* fields, each NUL-terminated */
  size_t tlen, tcap;
  cell *cells;
  size_t ncells, ccap;
  size_t cols;
};

/* ======================================================================
 * growing buffers
 * ====================================================================== */

static int grow(void **p, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return 0;
  size_t nc = *cap ? *cap : 64;
  while (nc < need) {
    if (nc > SIZE_MAX / 2 / elem) return -1;
    nc *= 2;
  }
  void *np = realloc(*p, nc * elem);
  if (!np) return -1;
  *p = np;
  *cap = nc;
  return 0;
}

static int put_byte(dc_csv *c, char b) {
  if (grow((void **)&c->text, &c->tcap, c->tlen + 1, 1)) return -1;
  c->text[c->tlen++] = b;
  return 0;
}

/* ======================================================================
 * the parser
 * ====================================================================== */

typedef struct parser {
  const unsigned char *s;
  size_t len, pos;
  int line, col;
  dc_csv *c;
  dc_csv_error *err;
} parser;

static int fail(parser *p, int line, int col, const char *fmt, ...) {
  va_list ap;
  p->err->code = DC_ERR_INPUT;
  p->err->line = line;
  p->err->col = col;
  va_start(ap, fmt);
  vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
  va_end(ap);
  return -1;
}

/* Length of the valid UTF-8 sequence at s (rem bytes left), or 0. */
static size_t utf8_len(const unsigned char *s, size_t rem) {
  unsigned char b = s[0];
  size_t n;
  uint32_t cp;
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) n = 2, cp = b & 0x1F;
  else if (b >= 0xE0 && b <= 0xEF) n = 3, cp = b & 0x0F;
  else if (b >= 0xF0 && b <= 0xF4) n = 4, cp = b & 0x07;
  else return 0;
  if (rem < n) return 0;
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

/* Copies one character (a whole UTF-8 sequence) into the field and moves
 * on; a line feed starts a new line. */
static int take_char(parser *p) {
  const unsigned char *s = p->s + p->pos;
  if (*s == '\0') return fail(p, p->line, p->col, "NUL byte in the text");
  size_t n = utf8_len(s, p->len - p->pos);
  if (n == 0) return fail(p, p->line, p->col, "invalid UTF-8 byte 0x%02X", *s);
  for (size_t i = 0; i < n; i++)
    if (put_byte(p->c, (char)s[i])) return fail(p, 0, 0, "out of memory");
  p->pos += n;
  if (*s == '\n') {
    p->line++;
    p->col = 1;
  } else {
    p->col++;
  }
  return 0;
}

static int at_eol(const parser *p) {
  if (p->pos >= p->len) return 1;
  unsigned char b = p->s[p->pos];
  return b == '\n' || (b == '\r' && p->pos + 1 < p->len && p->s[p->pos + 1] == '\n');
}

static void skip_eol(parser *p) {
  if (p->pos < p->len && p->s[p->pos] == '\r') p->pos++;
  if (p->pos < p->len && p->s[p->pos] == '\n') p->pos++;
  p->line++;
  p->col = 1;
}

static int field(parser *p) {
  dc_csv *c = p->c;
  if (grow((void **)&c->cells, &c->ccap, c->ncells + 1, sizeof(cell)))
    return fail(p, 0, 0, "out of memory");
  cell *f = &c->cells[c->ncells];
  f->off = c->tlen;
  f->line = p->line;
  f->col = p->col;
  if (p->pos < p->len && p->s[p->pos] == '"') {
    int ql = p->line, qc = p->col;
    p->pos++;
    p->col++;
    for (;;) {
      if (p->pos >= p->len)
        return fail(p, ql, qc, "quoted field opened here is never closed");
      if (p->s[p->pos] == '"') {
        if (p->pos + 1 < p->len && p->s[p->pos + 1] == '"') {
          if (put_byte(c, '"')) return fail(p, 0, 0, "out of memory");
          p->pos += 2;
          p->col += 2;
          continue;
        }
        p->pos++;
        p->col++;
        break;
      }
      if (take_char(p)) return -1;
    }
    if (!at_eol(p) && p->s[p->pos] != ',')
      return fail(p, p->line, p->col,
                  "unexpected text after a closing quote (expected a comma or a line end)");
  } else {
    while (!at_eol(p) && p->s[p->pos] != ',') {
      unsigned char b = p->s[p->pos];
      if (b == '"')
        return fail(p, p->line, p->col,
                    "quote inside an unquoted field (quote the whole field and double "
                    "the quote: \"\"\"\")");
      if (b == '\r')
        return fail(p, p->line, p->col, "carriage return not followed by a line feed");
      if (take_char(p)) return -1;
    }
  }
  if (put_byte(c, '\0')) return fail(p, 0, 0, "out of memory");
  c->ncells++;
  return 0;
}

int dc_csv_parse(const char *text, size_t len, dc_csv **out, dc_csv_error *err) {
  dc_csv *c = calloc(1, sizeof *c);
  parser p = {(const unsigned char *)text, len, 0, 1, 1, c, err};
  memset(err, 0, sizeof *err);
  *out = NULL;
  if (!c) return fail(&p, 0, 0, "out of memory");
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) p.pos = 3;
  size_t first_cell = 0;
  while (p.pos < len) {
    if (at_eol(&p)) { /* an empty line */
      skip_eol(&p);
      continue;
    }
    int rl = p.line, rc = p.col;
    first_cell = c->ncells;
    for (;;) {
      if (field(&p)) goto bad;
      if (p.pos < len && p.s[p.pos] == ',') {
        p.pos++;
        p.col++;
        continue;
      }
      break;
    }
    size_t n = c->ncells - first_cell;
    if (first_cell == 0) {
      c->cols = n;
    } else if (n != c->cols) {
      fail(&p, rl, rc, "record has %zu field%s, the header has %zu", n, n == 1 ? "" : "s",
           c->cols);
      goto bad;
    }
    if (p.pos < len) skip_eol(&p);
  }
  if (c->ncells == 0) {
    fail(&p, 1, 1, "no header line (the text is empty)");
    goto bad;
  }
  *out = c;
  return 0;
bad:
  dc_csv_free(c);
  return -1;
}

int dc_csv_read_file(const char *path, dc_csv **out, dc_csv_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    memset(err, 0, sizeof *err);
    *out = NULL;
    dc_err_set(err, DC_ERR_IO, "cannot open: %s", strerror(errno));
    return -1;
  }
  return dc_csv_read_stream(f, out, err);
}

int dc_csv_read_stream(FILE *f, dc_csv **out, dc_csv_error *err) {
  memset(err, 0, sizeof *err);
  *out = NULL;
  char *buf = NULL;
  size_t len = 0, cap = 0;
  for (;;) {
    if (grow((void **)&buf, &cap, len + 65536, 1)) {
      dc_err_set(err, DC_ERR_MEM, "out of memory");
      goto fail;
    }
    size_t got = fread(buf + len, 1, cap - len, f);
    len += got;
    if (len > DC_CSV_MAX_BYTES) {
      dc_err_set(err, DC_ERR_INPUT, "file larger than %zu MiB", DC_CSV_MAX_BYTES >> 20);
      goto fail;
    }
    if (got == 0) break;
  }
  if (ferror(f)) {
    dc_err_set(err, DC_ERR_IO, "read error: %s", strerror(errno));
    goto fail;
  }
  fclose(f);
  int rc = dc_csv_parse(buf ? buf : "", len, out, err);
  free(buf);
  return rc;
fail:
  fclose(f);
  free(buf);
  return -1;
}

void dc_csv_free(dc_csv *c) {
  if (!c) return;
  free(c->text);
  free(c->cells);
  free(c);
}

/* ======================================================================
 * access
 * ====================================================================== */

size_t dc_csv_rows(const dc_csv *c) { return c->cols ? c->ncells / c->cols : 0; }
size_t dc_csv_cols(const dc_csv *c) { return c->cols; }

const char *dc_csv_cell(const dc_csv *c, size_t row, size_t col) {
  if (col >= c->cols || row >= dc_csv_rows(c)) return NULL;
  return c->text + c->cells[row * c->cols + col].off;
}

void dc_csv_where(const dc_csv *c, size_t row, size_t col, int *line, int *column) {
  if (col >= c->cols || row >= dc_csv_rows(c)) {
    *line = *column = 0;
    return;
  }
  *line = c->cells[row * c->cols + col].line;
  *column = c->cells[row * c->cols + col].col;
}

int dc_csv_find(const dc_csv *c, const char *name) {
  for (size_t i = 0; i < c->cols; i++)
    if (strcmp(dc_csv_cell(c, 0, i), name) == 0) return (int)i;
  return -1;
}
