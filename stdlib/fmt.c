/* fmt.c — the one number formatter (see fmt.h).
 * Not a general printf: it only turns doubles into stable, locale-free text. */
#include "fmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
