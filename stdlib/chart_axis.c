/* chart_axis.c — the small parts every chart shares: the output buffer, XML
 * escaping, nice 1-2-5 ticks, the SI prefix of an axis, tick labels with
 * thousands separators and text-width estimates. No drawing here (chart.c,
 * chart_term.c). */
#include "chart.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ====================================================================== */
/* buffer                                                                  */
/* ====================================================================== */

void dc_chart_buf_free(dc_chart_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
  b->failed = 0;
}

/* Room for n more bytes and a NUL; sets failed when there is none. */
static int buf_reserve(dc_chart_buf *b, size_t n) {
  if (b->failed) return 0;
  if (n > (size_t)-1 / 2 - b->len) {
    b->failed = 1;
    return 0;
  }
  size_t need = b->len + n + 1;
  if (b->max && need > b->max + 1) {
    b->failed = 1;
    return 0;
  }
  if (need <= b->cap) return 1;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < need) cap *= 2;
  char *p = realloc(b->data, cap);
  if (!p) {
    b->failed = 1;
    return 0;
  }
  b->data = p;
  b->cap = cap;
  return 1;
}

void dc_chart_buf_add(dc_chart_buf *b, const char *s, size_t n) {
  if (!buf_reserve(b, n)) return;
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void dc_chart_buf_puts(dc_chart_buf *b, const char *s) { dc_chart_buf_add(b, s, strlen(s)); }

void dc_chart_buf_printf(dc_chart_buf *b, const char *fmt, ...) {
  char tmp[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) {
    b->failed = 1;
    return;
  }
  if ((size_t)n < sizeof tmp) {
    dc_chart_buf_add(b, tmp, (size_t)n);
    return;
  }
  if (!buf_reserve(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

/* ====================================================================== */
/* UTF-8 and XML text                                                      */
/* ====================================================================== */

/* Decodes one strict UTF-8 sequence at s; returns its length (>= 1) and sets
 * *cp, or -1 in *cp for an invalid sequence of the returned length. */
static int utf8_next(const unsigned char *s, long *cp) {
  unsigned c = s[0];
  int len;
  long v, min;
  if (c < 0x80) {
    *cp = (long)c;
    return 1;
  } else if (c >= 0xC2 && c <= 0xDF) {
    len = 2, v = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, v = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, v = c & 0x07, min = 0x10000;
  } else {
    *cp = -1;
    return 1;
  }
  for (int i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *cp = -1;
      return i;
    }
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = -1;
  *cp = v;
  return len;
}

void dc_chart_buf_xml(dc_chart_buf *b, const char *s) {
  if (!s) return;
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    long cp;
    int n = utf8_next(p, &cp);
    switch (cp) {
    case '&': dc_chart_buf_puts(b, "&amp;"); break;
    case '<': dc_chart_buf_puts(b, "&lt;"); break;
    case '>': dc_chart_buf_puts(b, "&gt;"); break;
    case '"': dc_chart_buf_puts(b, "&quot;"); break;
    case '\'': dc_chart_buf_puts(b, "&#39;"); break;
    case '\t':
    case '\n':
    case '\r': dc_chart_buf_puts(b, " "); break;
    default:
      if (cp < 0 || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF)
        dc_chart_buf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD */
      else
        dc_chart_buf_add(b, (const char *)p, (size_t)n);
    }
    p += n;
  }
}

/* The width of code point cp in em of the chart's font: a wide (CJK) one a
 * full em, a zero-width one (combining mark) nothing, others 0.6 em; the
 * columns are utf8.h's, as on a terminal. An invalid sequence (cp < 0)
 * shows as one narrow replacement character. */
static double cp_em(long cp) {
  int cols = cp < 0 ? 1 : dc_utf8_cp_width((unsigned long)cp);
  return cols == 2 ? 1.0 : cols == 1 ? 0.6 : 0.0;
}

double dc_chart_text_width(const char *s, double font_px) {
  if (!s) return 0;
  double em = 0;
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    long cp;
    p += utf8_next(p, &cp);
    em += cp_em(cp);
  }
  return em * font_px;
}

int dc_chart_fit_text(char *out, size_t size, const char *s, double max_px, double font_px) {
  static const char ellipsis[] = "\xE2\x80\xA6";
  out[0] = '\0';
  if (!s) return 0;
  if (dc_chart_text_width(s, font_px) <= max_px && strlen(s) < size) {
    memcpy(out, s, strlen(s) + 1);
    return 0;
  }
  const unsigned char *p = (const unsigned char *)s;
  size_t o = 0;
  double w = 0.6 * font_px; /* the ellipsis */
  while (*p) {
    long cp;
    int n = utf8_next(p, &cp);
    double cw = cp_em(cp) * font_px;
    if (w + cw > max_px || o + (size_t)n + sizeof ellipsis > size) break;
    memcpy(out + o, p, (size_t)n);
    o += (size_t)n, w += cw, p += n;
  }
  memcpy(out + o, ellipsis, sizeof ellipsis);
  return 1;
}

/* ====================================================================== */
/* ticks, prefixes, tick labels                                            */
/* ====================================================================== */

const char *dc_chart_strerror(int code) {
  switch (code) {
  case DC_CHART_OK: return "ok";
  case DC_CHART_ENOMEM: return "out of memory while drawing a chart";
  case DC_CHART_EINVAL: return "a chart needs 1 to 10000 strictly increasing years and 0 to 1000 series";
  default: return "unknown chart error";
  }
}

#define LIM 1e300

static double clampd(double v) {
  if (!isfinite(v)) return 0;
  return v > LIM ? LIM : v < -LIM ? -LIM : v;
}

double dc_chart_tick_value(const dc_chart_ticks *t, int i) {
  double k = (double)(t->k0 + i) * t->mant;
  if (t->exp10 >= 0) return k * pow(10, t->exp10);
  return k / pow(10, -t->exp10); /* division by an exact power: nearest double */
}

dc_chart_ticks dc_chart_nice_ticks(double lo, double hi, int max_ticks) {
  static const int mants[] = {1, 2, 5};
  dc_chart_ticks t;
  if (max_ticks < 3) max_ticks = 3; /* a range across zero needs three */
  if (!isfinite(lo) || !isfinite(hi)) lo = 0, hi = 1;
  lo = clampd(lo), hi = clampd(hi);
  if (lo > hi) {
    double s = lo;
    lo = hi, hi = s;
  }
  if (lo == hi) {
    double d = lo == 0 ? 1 : fabs(lo) * 0.1;
    if (lo == 0) hi = 1;
    else lo -= d, hi += d;
  }
  double maxabs = fmax(fabs(lo), fabs(hi));
  /* no step finer than 1e-12 of the magnitude: k0 stays well inside long long */
  double raw = fmax((hi - lo) / (max_ticks - 1), maxabs * 1e-12);
  int e = (int)floor(log10(raw));
  for (int mi = 0;; mi++) {
    if (mi == 3) mi = 0, e++;
    int m = mants[mi];
    double step = e >= 0 ? m * pow(10, e) : m / pow(10, -e);
    if (step < raw * (1 - 1e-9)) continue;
    /* first tick <= lo and last >= hi, within 1e-6 of a step (0.3/0.1 is 2.9999…) */
    double kf = floor(lo / step + 1e-9), kl = ceil(hi / step - 1e-9);
    if (kf * step > lo + step * 1e-6) kf -= 1;
    if (kl * step < hi - step * 1e-6) kl += 1;
    if (kl - kf + 1 > max_ticks) continue;
    t.k0 = (long long)kf;
    t.mant = m;
    t.exp10 = e;
    t.n = (int)(kl - kf) + 1;
    t.step = step;
    t.decimals = e < 0 ? -e : 0;
    t.first = dc_chart_tick_value(&t, 0);
    return t;
  }
}

int dc_chart_prefix(double maxabs, const char **label) {
  static const char *names[] = {"n", "\xC2\xB5", "m", "", "k", "M", "G", "T", "P", "E"};
  int p = 0;
  if (isfinite(maxabs) && maxabs > 0) {
    p = 3 * (int)floor(log10(maxabs) / 3);
    while (p < 18 && maxabs / pow(10, p) >= 1000) p += 3;
    while (p > -9 && maxabs / pow(10, p) < 1) p -= 3;
    if (p < -9) p = -9;
    if (p > 18) p = 18;
  }
  if (label) *label = names[(p + 9) / 3];
  return p;
}

size_t dc_chart_fmt_tick(char *buf, size_t size, double v, int decimals) {
  char tmp[420], out[560];
  if (!isfinite(v)) return (size_t)snprintf(buf, size, "\xE2\x80\x94");
  if (decimals < 0) decimals = 0;
  if (decimals > 20) decimals = 20;
  snprintf(tmp, sizeof tmp, "%.*f", decimals, clampd(v));
  for (char *s = tmp; *s; s++)
    if (*s == ',') *s = '.'; /* a locale's decimal comma */
  int nonzero = 0;
  for (const char *s = tmp; *s; s++)
    if (*s >= '1' && *s <= '9') nonzero = 1;
  const char *s = tmp;
  size_t o = 0;
  if (*s == '-') {
    if (nonzero) out[o++] = '-';
    s++;
  }
  size_t intlen = strcspn(s, ".");
  for (size_t i = 0; i < intlen; i++) {
    if (i > 0 && (intlen - i) % 3 == 0) out[o++] = ',';
    out[o++] = s[i];
  }
  snprintf(out + o, sizeof out - o, "%s", s + intlen);
  return (size_t)snprintf(buf, size, "%s", out);
}
