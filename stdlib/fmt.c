/* fmt.c — the one number formatter (see fmt.h).
 * Not a general printf: it only turns doubles into stable, locale-free text. */
#include "fmt.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "units.h"

/* Replace a locale decimal comma, if any printf produced one, by a point. */
static void fix_point(char *s) {
  for (; *s; s++)
    if (*s == ',') *s = '.';
}

/* Drop trailing zeros of the fraction ("1.500" -> "1.5", "2.000" -> "2"),
 * keeping any exponent suffix in place. */
static void trim_zeros(char *s) {
  char *dot = strchr(s, '.');
  if (!dot) return;
  char *exp = strpbrk(dot, "eE");
  char tail[16] = "";
  if (exp) {
    snprintf(tail, sizeof tail, "%s", exp);
    *exp = '\0';
  }
  size_t n = strlen(s);
  while (n > 0 && s[n - 1] == '0') s[--n] = '\0';
  if (n > 0 && s[n - 1] == '.') s[--n] = '\0';
  strcat(s, tail);
}

size_t dc_fmt_number(char *buf, size_t size, double v, int digits) {
  char tmp[64];
  if (digits <= 0) digits = DC_FMT_DIGITS;
  if (digits > 17) digits = 17;
  if (isnan(v)) {
    snprintf(tmp, sizeof tmp, "nan");
  } else if (isinf(v)) {
    snprintf(tmp, sizeof tmp, "%s", v < 0 ? "-inf" : "inf");
  } else if (v == 0) {
    snprintf(tmp, sizeof tmp, "0");
  } else {
    double a = fabs(v);
    /* round to `digits` significant digits first, so that 999999.7 with six
       digits becomes 1000000 rather than "999999.7" or "1e+06" */
    char probe[64];
    snprintf(probe, sizeof probe, "%.*e", digits - 1, v);
    fix_point(probe);
    double r = strtod(probe, NULL);
    a = fabs(r);
    if (a >= 1e-4 && a < 1e15) {
      int mag = (int)floor(log10(a));
      int decimals = digits - 1 - mag;
      if (decimals < 0) decimals = 0;
      snprintf(tmp, sizeof tmp, "%.*f", decimals, r);
      fix_point(tmp);
      trim_zeros(tmp);
    } else {
      snprintf(tmp, sizeof tmp, "%s", probe);
      trim_zeros(tmp);
    }
    if (strcmp(tmp, "-0") == 0) snprintf(tmp, sizeof tmp, "0");
  }
  return (size_t)snprintf(buf, size, "%s", tmp);
}

size_t dc_fmt_fixed(char *buf, size_t size, double v, int decimals) {
  char tmp[400];
  if (decimals < 0) decimals = 0;
  if (decimals > 12) decimals = 12;
  if (isnan(v)) return (size_t)snprintf(buf, size, "nan");
  if (isinf(v)) return (size_t)snprintf(buf, size, "%s", v < 0 ? "-inf" : "inf");
  snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
  fix_point(tmp);
  /* "-0.00" is zero to the reader */
  int allzero = 1;
  for (const char *p = tmp; *p; p++)
    if (*p >= '1' && *p <= '9') allzero = 0;
  if (allzero && tmp[0] == '-') memmove(tmp, tmp + 1, strlen(tmp));
  return (size_t)snprintf(buf, size, "%s", tmp);
}

/* Lays out the digits dig[0..n) (no trailing zeros) of a number
 * d.ddd x 10^e as dc_fmt_number would: plain or with an exponent. */
static size_t layout(char *out, int neg, const char *dig, int n, int e, int plain) {
  char *o = out;
  if (neg) *o++ = '-';
  if (!plain) {
    *o++ = dig[0];
    if (n > 1) {
      *o++ = '.';
      memcpy(o, dig + 1, (size_t)n - 1);
      o += n - 1;
    }
    o += sprintf(o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
  } else if (e < 0) {
    *o++ = '0';
    *o++ = '.';
    for (int i = 0; i < -e - 1; i++) *o++ = '0';
    memcpy(o, dig, (size_t)n);
    o += n;
  } else {
    for (int i = 0; i <= e || i < n; i++) {
      if (i == e + 1) *o++ = '.';
      *o++ = i < n ? dig[i] : '0';
    }
  }
  *o = '\0';
  return (size_t)(o - out);
}

/* Writes "DDDDe-12" (the digits as an integer times 10^x) to out. */
static void int_form(char *out, const char *dig, int n, int x) {
  memcpy(out, dig, (size_t)n);
  char *o = out + n;
  *o++ = 'e';
  if (x < 0) {
    *o++ = '-';
    x = -x;
  }
  char rev[8];
  int k = 0;
  do rev[k++] = (char)('0' + x % 10); while ((x /= 10) && k < 8);
  while (k) *o++ = rev[--k];
  *o = '\0';
}

/* Exact powers of ten (10^22 is the last a double holds exactly). */
static const double pow10_exact[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                       1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* The common case without printf or strtod: the 15 (else 16) significant
 * digits of a (1e-8 <= a < 1e15) from one multiplication by an exact power
 * of ten, checked exactly: an integer below 2^53 over an exact power of ten
 * is correctly rounded (the fast path of every strtod), so a candidate
 * reads back as a if and only if that quotient equals a. At most one
 * 15-digit number reads back as a (their spacing is wider than a double's
 * rounding interval) and a shorter text that reads back is that number
 * with trailing zeros dropped, so a 15-digit success is the shortest. The
 * 16-digit try needs the product to 64 bits (x87 long double) to know the
 * nearest candidate, which is the one the general path picks, and leaves
 * a product near a half to it. 0 when these fail (17 digits, near a half,
 * the candidate at or above 2^53). */
#if LDBL_MANT_DIG >= 64
#define WIDE_DIGITS 16
typedef long double wide;
#else
#define WIDE_DIGITS 15
typedef double wide;
#endif

static int fast_digits(double a, int e, int nd, long long *out) {
  int k = nd - 1 - e; /* a x 10^k has nd digits before the point */
  if (k < 0 || k > 22) return 0;
  wide p = (wide)a * (wide)pow10_exact[k];
  if (p < (wide)pow10_exact[nd - 1] || p >= (wide)9007199254740992.0) return 0;
  /* p + 0.5 is exact (p < 2^53, and a wide or double has room for the
     half below 2^50, where 15 digits end): truncating rounds to nearest */
  long long x = (long long)(p + (wide)0.5);
  wide frac = p - (wide)x; /* -0.5 .. 0.5 */
  if (nd > 15 && (frac > (wide)0.44 || frac < (wide)-0.44)) return 0;
  if ((double)x >= pow10_exact[nd] || (double)x / pow10_exact[k] != a) return 0;
  *out = x;
  return 1;
}

static size_t shortest_fast(char *buf, size_t size, double v, double a) {
  int b2;
  frexp(a, &b2);
  int e = (int)floor((b2 - 1) * 0.30102999566398120); /* log10(a), maybe one short */
  if (e + 1 >= 0 ? a >= pow10_exact[e + 1] : a * pow10_exact[-(e + 1)] >= 1) e++; /* (a product may
     round across a power of ten: the digits then fall outside their range, and the general path
     takes the number) */
  for (int nd = 15; nd <= WIDE_DIGITS; nd++) {
    long long x;
    if (!fast_digits(a, e, nd, &x)) continue;
    char dig[17];
    for (int i = nd - 1; i >= 0; i--, x /= 10) dig[i] = (char)('0' + x % 10);
    int m = nd;
    while (m > 1 && dig[m - 1] == '0') m--;
    char out[48];
    size_t n = layout(out, v < 0, dig, m, e, a >= 1e-4);
    if (size) {
      size_t c = n < size ? n : size - 1;
      memcpy(buf, out, c);
      buf[c] = '\0';
    }
    return n;
  }
  return 0;
}

/* |v| = a, a whole number below 1e15: its digits, exact. */
static size_t whole_number(char *buf, size_t size, double v, double a) {
  char rev[24], *o = rev;
  long long k = (long long)a;
  do *o++ = (char)('0' + k % 10); while ((k /= 10) > 0);
  size_t n = 0;
  char out[24];
  if (v < 0) out[n++] = '-';
  while (o > rev) out[n++] = *--o;
  out[n] = '\0';
  return (size_t)snprintf(buf, size, "%s", out);
}

/* A subnormal a carries fewer digits: the shortest of every length that
 * reads back, as digits d (m of them, returned; 0 when none) and exponent
 * *ex. Rare and slow. */
static int subnormal_digits(double a, char d[18], int *ex) {
  for (int n = 1; n <= 17; n++) {
    char t[40];
    snprintf(t, sizeof t, "%.*e", n - 1, a);
    fix_point(t);
    if (strtod(t, NULL) == a) {
      int m = 0;
      for (const char *c = t; *c && *c != 'e'; c++)
        if (*c >= '0' && *c <= '9') d[m++] = *c;
      while (m > 1 && d[m - 1] == '0') m--;
      *ex = atoi(strchr(t, 'e') + 1);
      return m;
    }
  }
  return 0;
}

/* The 17 digits dig (exponent e) of a rounded to n = from..16 digits, the
 * first that reads back as a: its digits in d (trailing zeros dropped; m
 * returned, 0 when none) and exponent *ex. */
static int rounded_digits(const char *dig, int e, int from, double a, char d[18], int *ex) {
  char probe[40];
  for (int n = from; n <= 16; n++) {
    /* the dropped digits: a clear case rounds one way; "5" then zeros
       (the 17 digits are themselves rounded) tries both ways */
    int half = dig[n] == '5', up = dig[n] >= '5';
    for (int i = n + 1; i < 17; i++) half &= dig[i] == '0';
    for (int way = 0; way < (half ? 2 : 1); way++) {
      *ex = e;
      memcpy(d, dig, (size_t)n);
      if (half ? way == 1 : up) { /* round up, carrying */
        int i = n - 1;
        while (i >= 0 && d[i] == '9') d[i--] = '0';
        if (i >= 0) d[i]++;
        else {
          d[0] = '1'; /* 99..9 became 100..0 */
          ++*ex;
        }
      }
      int m = n;
      while (m > 1 && d[m - 1] == '0') m--;
      int_form(probe, d, m, *ex - (m - 1));
      if (strtod(probe, NULL) == a) return m;
    }
  }
  return 0;
}

size_t dc_fmt_shortest(char *buf, size_t size, double v) {
  if (isnan(v)) return (size_t)snprintf(buf, size, "nan");
  if (isinf(v)) return (size_t)snprintf(buf, size, "%s", v < 0 ? "-inf" : "inf");
  if (v == 0) return (size_t)snprintf(buf, size, "0");
  double a = fabs(v);
  if (a < 1e15 && a == floor(a)) return whole_number(buf, size, v, a); /* exact as integers */
  if (a >= 1e-8 && a < 1e15) {
    size_t n = shortest_fast(buf, size, v, a);
    if (n) return n;
  }
  /* 17 significant digits always read back; shorter candidates are those
     digits rounded to 15 and 16, tried first (and their trailing zeros
     dropped, so 0.1 is "0.1") */
  char e17[40];
  snprintf(e17, sizeof e17, "%.16e", a);
  fix_point(e17);
  char dig[18];
  dig[0] = e17[0];
  memcpy(dig + 1, e17 + 2, 16);
  dig[17] = '\0';
  int e = atoi(e17 + 19);
  int subnormal = a < 2.2250738585072014e-308, ex = e, m = 0;
  char d[18], out[48];
  if (subnormal) m = subnormal_digits(a, d, &ex);
  if (!m) m = rounded_digits(dig, e, subnormal ? 1 : 15, a, d, &ex);
  if (!m) { /* the 17 digits */
    memcpy(d, dig, sizeof d);
    for (m = 17; m > 1 && d[m - 1] == '0';) m--;
    ex = e;
  }
  layout(out, v < 0, d, m, ex, a >= 1e-4 && a < 1e15);
  return (size_t)snprintf(buf, size, "%s", out);
}

size_t dc_fmt_quantity(char *buf, size_t size, double si, const dc_display *d, int digits) {
  char num[64];
  if (isnan(si)) return (size_t)snprintf(buf, size, "—");
  dc_fmt_number(num, sizeof num, (si - d->offset) / d->scale, digits);
  if (!d->label[0]) return (size_t)snprintf(buf, size, "%s", num);
  return (size_t)snprintf(buf, size, "%s %s", num, d->label);
}
