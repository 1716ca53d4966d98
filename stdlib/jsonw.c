/* jsonw.c — the JSON emitter (see jsonw.h). Objects whose keys it sorts
 * are built in a buffer of their own and copied, sorted, into the enclosing
 * buffer at their end; everything else goes straight into the output
 * buffer, written to the stream in blocks. No stdio call per value. */
#include "jsonw.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

typedef struct {
  char *p;
  size_t n, cap;
} jbuf;

typedef struct {
  size_t koff, voff; /* key in keys, value in text (up to the next voff) */
  int brk;
} jmember;

typedef struct {
  char kind;      /* '{' or '[' */
  int lines;      /* DC_JSONW_LINES */
  int tight;      /* DC_JSONW_TIGHT */
  int sorted;     /* an object held in text until its end */
  int line;       /* indentation of the line it opened on */
  size_t n;       /* members or elements so far */
  int want_value; /* an object's key was given, its value not yet */
  int brk;        /* the current member of an ordered object starts a line */
  jbuf text, keys; /* sorted: the values and the keys; ordered: keys = the last key */
  jmember *m;
  size_t mcap;
} jframe;

struct dc_jsonw {
  FILE *f;
  int compact, err, done;
  jbuf out;
  jframe *st; /* frames keep their buffers when popped, for reuse */
  size_t depth, cap;
  int sink;   /* index of the innermost sorted frame, -1: out */
  const char **order; /* scratch of dc_jsonw_end */
  size_t ordcap;
};

#define FLUSH_AT 65536

/* ---- buffers ---- */

static int reserve(dc_jsonw *w, jbuf *b, size_t more) {
  if (b->cap - b->n >= more) return 1;
  size_t cap = b->cap ? b->cap : 256;
  while (cap - b->n < more) {
    if (cap > ((size_t)-1) / 2) {
      w->err = DC_JSONW_ENOMEM;
      return 0;
    }
    cap *= 2;
  }
  char *p = realloc(b->p, cap);
  if (!p) {
    w->err = DC_JSONW_ENOMEM;
    return 0;
  }
  b->p = p;
  b->cap = cap;
  return 1;
}

static void flush(dc_jsonw *w);

static void put(dc_jsonw *w, jbuf *b, const char *s, size_t n) {
  if (b == &w->out && n >= FLUSH_AT) { /* a big piece goes to the stream as it is */
    flush(w);
    if (fwrite(s, 1, n, w->f) != n && !w->err) w->err = DC_JSONW_EWRITE;
    return;
  }
  if (!reserve(w, b, n)) return;
  memcpy(b->p + b->n, s, n);
  b->n += n;
}

static void putc1(dc_jsonw *w, jbuf *b, char c) {
  if (!reserve(w, b, 1)) return;
  b->p[b->n++] = c;
}

/* a newline and `ind` spaces, unless compact */
static void newline(dc_jsonw *w, jbuf *b, int ind) {
  if (w->compact || !reserve(w, b, (size_t)ind + 1)) return;
  b->p[b->n++] = '\n';
  memset(b->p + b->n, ' ', (size_t)ind);
  b->n += (size_t)ind;
}

static jbuf *sink(dc_jsonw *w) { return w->sink < 0 ? &w->out : &w->st[w->sink].text; }

static void flush(dc_jsonw *w) {
  if (w->out.n && fwrite(w->out.p, 1, w->out.n, w->f) != w->out.n && !w->err) w->err = DC_JSONW_EWRITE;
  w->out.n = 0;
}

/* ---- strings ---- */

/* The length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static int utf8_len(const unsigned char *s, size_t left) {
  if (s[0] < 0x80) return 1;
  int n = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 && s[0] < 0xf0 ? 3 : s[0] >= 0xc2 && s[0] < 0xe0 ? 2 : 0;
  if (!n || (size_t)n > left) return 0;
  for (int i = 1; i < n; i++)
    if ((s[i] & 0xc0) != 0x80) return 0;
  unsigned cp = s[0] & (0x7fu >> n);
  for (int i = 1; i < n; i++) cp = cp << 6 | (s[i] & 0x3fu);
  if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
    return 0;
  return n;
}

/* "s" into b; at most 6 bytes out for a byte in (\u00XX) */
static void put_str(dc_jsonw *w, jbuf *b, const char *str, size_t len) {
  if (len > ((size_t)-1 - 2) / 6) {
    w->err = DC_JSONW_ENOMEM;
    return;
  }
  if (!reserve(w, b, len * 6 + 2)) return;
  static const char hex[] = "0123456789abcdef";
  const unsigned char *s = (const unsigned char *)str, *end = s + len;
  char *o = b->p + b->n;
  *o++ = '"';
  while (s < end) {
    const unsigned char *run = s; /* plain ASCII copies as a run */
    while (s < end && *s >= 0x20 && *s < 0x7f && *s != '"' && *s != '\\') s++;
    memcpy(o, run, (size_t)(s - run));
    o += s - run;
    if (s == end) break;
    unsigned char c = *s;
    if (c == '"' || c == '\\') {
      *o++ = '\\';
      *o++ = (char)c;
      s++;
    } else if (c == '\n') {
      *o++ = '\\';
      *o++ = 'n';
      s++;
    } else if (c == '\t') {
      *o++ = '\\';
      *o++ = 't';
      s++;
    } else if (c < 0x20 || c == 0x7f) {
      memcpy(o, "\\u00", 4);
      o[4] = hex[c >> 4];
      o[5] = hex[c & 15];
      o += 6;
      s++;
    } else {
      int n = utf8_len(s, (size_t)(end - s));
      if (!n) {
        memcpy(o, "\xef\xbf\xbd", 3); /* U+FFFD for the byte */
        o += 3;
        s++;
      } else {
        memcpy(o, s, (size_t)n);
        o += n;
        s += n;
      }
    }
  }
  *o++ = '"';
  b->n = (size_t)(o - b->p);
}

void dc_jsonw_fput_str(FILE *f, const char *s) {
  dc_jsonw tmp = {.f = f, .sink = -1};
  if (s) put_str(&tmp, &tmp.out, s, strlen(s));
  else put(&tmp, &tmp.out, "null", 4);
  flush(&tmp);
  free(tmp.out.p);
}

/* ---- structure ---- */

dc_jsonw *dc_jsonw_open(FILE *f, int flags) {
  dc_jsonw *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  w->f = f;
  w->compact = (flags & DC_JSONW_COMPACT) != 0;
  w->sink = -1;
  return w;
}

int dc_jsonw_error(const dc_jsonw *w) { return w->err; }

int dc_jsonw_close(dc_jsonw *w) {
  if (!w) return DC_JSONW_ENOMEM;
  if (!w->err && (w->depth || !w->done)) w->err = DC_JSONW_EUSAGE;
  if (!w->err) flush(w);
  if (!w->err && (fflush(w->f) != 0 || ferror(w->f))) w->err = DC_JSONW_EWRITE;
  int err = w->err;
  for (size_t i = 0; i < w->cap; i++) {
    free(w->st[i].text.p);
    free(w->st[i].keys.p);
    free(w->st[i].m);
  }
  free(w->st);
  free(w->out.p);
  free(w->order);
  free(w);
  return err;
}

static jframe *top(dc_jsonw *w) { return w->depth ? &w->st[w->depth - 1] : NULL; }

/* The separator before item i of frame t (its comma already written). */
static void separate(dc_jsonw *w, jbuf *b, const jframe *t, size_t i, int brk) {
  if (t->lines) newline(w, b, t->line + 2);
  else if (brk) newline(w, b, t->line + 1);
  else if (i > 0) putc1(w, b, ' ');
}

/* Before any value: checks it may come here, writes what goes before it
 * and gives the indentation of its line (for a container it opens). */
static int begin_value(dc_jsonw *w, int *line) {
  if (w->err) return 0;
  jframe *t = top(w);
  *line = 0;
  if (!t) {
    if (w->done) {
      w->err = DC_JSONW_EUSAGE;
      return 0;
    }
    w->done = 1;
    return 1;
  }
  if (t->kind == '{') {
    if (!t->want_value) {
      w->err = DC_JSONW_EUSAGE;
      return 0;
    }
    t->want_value = 0;
    int brk = t->sorted ? t->m[t->n - 1].brk : t->brk;
    *line = t->lines ? t->line + 2 : t->line + (brk ? 1 : 0);
    return 1;
  }
  jbuf *b = sink(w);
  if (t->n) putc1(w, b, ',');
  separate(w, b, t, t->n, 0);
  t->n++;
  *line = t->lines ? t->line + 2 : t->line;
  return 1;
}

static void after_value(dc_jsonw *w) {
  if (w->sink < 0 && w->out.n >= FLUSH_AT) flush(w);
}

static void open_container(dc_jsonw *w, char kind, int layout) {
  int line;
  if (!begin_value(w, &line)) return;
  if (w->depth == w->cap) {
    size_t cap = w->cap ? w->cap * 2 : 8;
    jframe *st = realloc(w->st, cap * sizeof *st);
    if (!st) {
      w->err = DC_JSONW_ENOMEM;
      return;
    }
    memset(st + w->cap, 0, (cap - w->cap) * sizeof *st);
    w->st = st;
    w->cap = cap;
  }
  jframe *t = &w->st[w->depth];
  t->kind = kind;
  t->lines = (layout & DC_JSONW_LINES) != 0;
  t->tight = (layout & DC_JSONW_TIGHT) != 0;
  t->sorted = kind == '{' && !(layout & DC_JSONW_ORDERED);
  t->line = line;
  t->n = 0;
  t->want_value = t->brk = 0;
  t->text.n = t->keys.n = 0;
  if (!t->sorted) putc1(w, sink(w), kind);
  w->depth++;
  if (t->sorted) w->sink = (int)w->depth - 1;
}

void dc_jsonw_object(dc_jsonw *w, int layout) { open_container(w, '{', layout); }
void dc_jsonw_array(dc_jsonw *w, int layout) { open_container(w, '[', layout & ~DC_JSONW_ORDERED); }

static void key(dc_jsonw *w, const char *k, int brk) {
  jframe *t = top(w);
  if (w->err) return;
  if (!t || t->kind != '{' || t->want_value || !k) {
    w->err = DC_JSONW_EUSAGE;
    return;
  }
  size_t len = strlen(k);
  if (t->sorted) {
    if (t->n == t->mcap) {
      size_t cap = t->mcap ? t->mcap * 2 : 16;
      jmember *m = realloc(t->m, cap * sizeof *m);
      if (!m) {
        w->err = DC_JSONW_ENOMEM;
        return;
      }
      t->m = m;
      t->mcap = cap;
    }
    t->m[t->n] = (jmember){t->keys.n, t->text.n, brk};
    put(w, &t->keys, k, len + 1);
  } else {
    if (t->n && strcmp(t->keys.p, k) >= 0) {
      w->err = DC_JSONW_EUSAGE; /* an ordered object's keys must ascend */
      return;
    }
    t->keys.n = 0;
    put(w, &t->keys, k, len + 1);
    jbuf *b = sink(w);
    if (t->n) putc1(w, b, ',');
    separate(w, b, t, t->n, brk);
    put_str(w, b, k, len);
    put(w, b, ": ", 2);
    t->brk = brk;
  }
  t->n++;
  t->want_value = 1;
}

void dc_jsonw_key(dc_jsonw *w, const char *k) { key(w, k, 0); }
void dc_jsonw_key_break(dc_jsonw *w, const char *k) { key(w, k, 1); }

static int cmp_key(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* A sorted object's text, members in key order, into the enclosing sink. */
static void write_sorted(dc_jsonw *w, jframe *t) {
  if (t->n > w->ordcap) {
    const char **o = realloc(w->order, t->n * sizeof *o);
    if (!o) {
      w->err = DC_JSONW_ENOMEM;
      return;
    }
    w->order = o;
    w->ordcap = t->n;
  }
  /* keys point at their own text; the member is found back from the
     offset (koff values are ascending in member order) */
  const char **ord = w->order;
  for (size_t i = 0; i < t->n; i++) ord[i] = t->keys.p + t->m[i].koff;
  int in_order = 1;
  for (size_t i = 1; i < t->n && in_order; i++) in_order = strcmp(ord[i - 1], ord[i]) < 0;
  if (!in_order) qsort(ord, t->n, sizeof *ord, cmp_key);
  for (size_t i = 1; !in_order && i < t->n; i++)
    if (strcmp(ord[i - 1], ord[i]) == 0) {
      w->err = DC_JSONW_EUSAGE; /* a key twice */
      return;
    }
  jbuf *b = sink(w);
  putc1(w, b, '{');
  for (size_t i = 0; i < t->n && !w->err; i++) {
    size_t lo = in_order ? i : 0, hi = in_order ? i + 1 : t->n, koff = (size_t)(ord[i] - t->keys.p);
    while (hi - lo > 1) { /* the member whose key starts at koff */
      size_t mid = (lo + hi) / 2;
      if (t->m[mid].koff <= koff) lo = mid;
      else hi = mid;
    }
    const jmember *m = &t->m[lo];
    size_t vend = lo + 1 < t->n ? t->m[lo + 1].voff : t->text.n;
    if (i) putc1(w, b, ',');
    separate(w, b, t, i, m->brk);
    put_str(w, b, ord[i], strlen(ord[i]));
    put(w, b, ": ", 2);
    put(w, b, t->text.p + m->voff, vend - m->voff);
  }
  if (t->lines && !t->tight && t->n) newline(w, b, t->line);
  putc1(w, b, '}');
}

void dc_jsonw_end(dc_jsonw *w) {
  jframe *t = top(w);
  if (w->err) return;
  if (!t || t->want_value) {
    w->err = DC_JSONW_EUSAGE;
    return;
  }
  w->depth--;
  if (t->sorted) {
    w->sink = -1;
    for (size_t i = w->depth; i-- > 0;)
      if (w->st[i].sorted) {
        w->sink = (int)i;
        break;
      }
    write_sorted(w, t);
  } else {
    jbuf *b = sink(w);
    if (t->lines && !t->tight && t->n) newline(w, b, t->line);
    putc1(w, b, t->kind == '{' ? '}' : ']');
  }
  after_value(w);
}

/* ---- values ---- */

static void scalar(dc_jsonw *w, const char *s, size_t n) {
  int line;
  if (!begin_value(w, &line)) return;
  put(w, sink(w), s, n);
  after_value(w);
}

void dc_jsonw_strn(dc_jsonw *w, const char *s, size_t n) {
  int line;
  if (!begin_value(w, &line)) return;
  put_str(w, sink(w), s, n);
  after_value(w);
}

void dc_jsonw_str(dc_jsonw *w, const char *s) {
  if (s) dc_jsonw_strn(w, s, strlen(s));
  else scalar(w, "null", 4);
}

void dc_jsonw_num(dc_jsonw *w, double v) {
  if (!isfinite(v)) {
    scalar(w, "null", 4);
    return;
  }
  int line;
  if (!begin_value(w, &line)) return;
  jbuf *b = sink(w);
  if (!reserve(w, b, 40)) return;
  b->n += dc_fmt_shortest(b->p + b->n, 40, v);
  after_value(w);
}

void dc_jsonw_int(dc_jsonw *w, long long v) {
  char rev[24], out[24];
  unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
  size_t k = 0, n = 0;
  do rev[k++] = (char)('0' + u % 10); while ((u /= 10) > 0);
  if (v < 0) out[n++] = '-';
  while (k) out[n++] = rev[--k];
  scalar(w, out, n);
}

void dc_jsonw_bool(dc_jsonw *w, int v) { scalar(w, v ? "true" : "false", v ? 4 : 5); }
void dc_jsonw_null(dc_jsonw *w) { scalar(w, "null", 4); }

void dc_jsonw_kstr(dc_jsonw *w, const char *k, const char *s) {
  key(w, k, 0);
  dc_jsonw_str(w, s);
}
void dc_jsonw_knum(dc_jsonw *w, const char *k, double v) {
  key(w, k, 0);
  dc_jsonw_num(w, v);
}
void dc_jsonw_kint(dc_jsonw *w, const char *k, long long v) {
  key(w, k, 0);
  dc_jsonw_int(w, v);
}
void dc_jsonw_kbool(dc_jsonw *w, const char *k, int v) {
  key(w, k, 0);
  dc_jsonw_bool(w, v);
}
