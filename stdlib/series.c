/* series.c — the plain-C core of year series (see series.h): storage,
 * interpolation, extend rules, element-wise arithmetic and reductions.
 * No Lua here; the binding is series_lua.c. */
#include "series.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

/* ======================================================================
 * storage
 * ====================================================================== */

size_t dc_series_bytes(int n) {
  if (n < 1 || n > DC_SERIES_MAX_YEARS) return 0;
  return sizeof(dc_series) + (size_t)n * sizeof(double);
}

void dc_series_init(dc_series *s, int y0, int n, dc_dims dims, const dc_display *disp) {
  s->y0 = y0;
  s->n = n;
  s->extend = DC_EXTEND_NONE;
  s->dims = dims;
  if (disp) {
    s->disp = *disp;
    s->disp.label[DC_LABEL_MAX - 1] = '\0';
  } else {
    memset(&s->disp, 0, sizeof s->disp);
    s->disp.scale = 1;
  }
}

dc_series *dc_series_new(int y0, int n, dc_dims dims, const dc_display *disp) {
  size_t bytes = dc_series_bytes(n);
  if (!bytes || y0 < DC_SERIES_YEAR_MIN || y0 > DC_SERIES_YEAR_MAX - (n - 1)) return NULL;
  dc_series *s = calloc(1, bytes);
  if (!s) return NULL;
  dc_series_init(s, y0, n, dims, disp);
  return s;
}

void dc_series_free(dc_series *s) { free(s); }

int dc_series_check_range(int y0, int y1, dc_err *err) {
  if (y0 < DC_SERIES_YEAR_MIN || y0 > DC_SERIES_YEAR_MAX || y1 < DC_SERIES_YEAR_MIN ||
      y1 > DC_SERIES_YEAR_MAX) {
    dc_err_set(err, DC_ERR_INPUT, "year out of range (years are %d..%d)", DC_SERIES_YEAR_MIN,
             DC_SERIES_YEAR_MAX);
    return -1;
  }
  if (y1 < y0) {
    dc_err_set(err, DC_ERR_INPUT, "empty year range %d..%d (the last year is before the first)", y0, y1);
    return -1;
  }
  return 0;
}

/* ======================================================================
 * construction
 * ====================================================================== */

int dc_series_fill_points(dc_series *s, const int *years, const double *si, size_t np,
                          dc_interp mode, dc_err *err) {
  if (np == 0) {
    dc_err_set(err, DC_ERR_INPUT, "a series needs at least one year");
    return -1;
  }
  if (years[0] != s->y0 || years[np - 1] != dc_series_last(s)) {
    dc_err_set(err, DC_ERR_INPUT, "points %d..%d do not span the series %d..%d", years[0],
             years[np - 1], s->y0, dc_series_last(s));
    return -1;
  }
  for (size_t k = 0; k < np; k++) {
    if (!isfinite(si[k])) {
      dc_err_set(err, DC_ERR_INPUT, "value at %d is not a finite number", years[k]);
      return -1;
    }
    if (k > 0 && years[k] <= years[k - 1]) {
      dc_err_set(err, DC_ERR_INPUT, "years must increase: %d after %d", years[k], years[k - 1]);
      return -1;
    }
  }
  if (mode == DC_INTERP_GROWTH) {
    for (size_t k = 1; k < np; k++) {
      if (si[k - 1] == 0 || si[k] == 0 || (si[k - 1] < 0) != (si[k] < 0)) {
        dc_err_set(err, DC_ERR_INPUT,
                 "growth interpolation between %d and %d needs two non-zero values of the "
                 "same sign (use interp = \"linear\")",
                 years[k - 1], years[k]);
        return -1;
      }
    }
  }
  s->v[0] = si[0];
  for (size_t k = 1; k < np; k++) {
    int ya = years[k - 1], yb = years[k];
    double a = si[k - 1], b = si[k], span = (double)(yb - ya);
    for (int y = ya + 1; y <= yb; y++) {
      double t = (double)(y - ya), v;
      if (y == yb) v = b;
      else if (mode == DC_INTERP_STEP) v = a;
      else if (mode == DC_INTERP_GROWTH) v = a * pow(b / a, t / span);
      else v = a + (b - a) * (t / span);
      s->v[y - s->y0] = v;
    }
  }
  return 0;
}

int dc_series_fill_growth(dc_series *s, double start, double rate, dc_err *err) {
  if (!isfinite(start) || !isfinite(rate) || rate <= -1) {
    dc_err_set(err, DC_ERR_INPUT, "growth needs a finite start value and a rate above -1 (-100 %%)");
    return -1;
  }
  /* pow per year, not repeated multiplication, so that 15 years of 4 % is the
   * same number however it was reached */
  for (int i = 0; i < s->n; i++) s->v[i] = start * pow(1 + rate, i);
  return 0;
}

/* ======================================================================
 * reading
 * ====================================================================== */

int dc_series_at(const dc_series *s, int year, double *out) {
  int last = dc_series_last(s);
  if (year >= s->y0 && year <= last) {
    *out = s->v[year - s->y0];
    return 0;
  }
  switch (s->extend) {
  case DC_EXTEND_CONSTANT:
    *out = year < s->y0 ? s->v[0] : s->v[s->n - 1];
    return 0;
  case DC_EXTEND_LINEAR:
    if (s->n == 1) {
      *out = s->v[0];
    } else if (year < s->y0) {
      *out = s->v[0] - (s->v[1] - s->v[0]) * (double)(s->y0 - year);
    } else {
      *out = s->v[s->n - 1] + (s->v[s->n - 1] - s->v[s->n - 2]) * (double)(year - last);
    }
    return 0;
  case DC_EXTEND_GROWTH: {
    if (s->n < 2) break;
    /* the ratio of the two end values, kept up year after year */
    double a = year < s->y0 ? s->v[1] : s->v[s->n - 2];
    double b = year < s->y0 ? s->v[0] : s->v[s->n - 1];
    if (a == 0 || b == 0 || (a < 0) != (b < 0)) break;
    int steps = year < s->y0 ? s->y0 - year : year - last;
    *out = b * pow(b / a, (double)steps);
    return 0;
  }
  case DC_EXTEND_NONE:
    break;
  }
  return -1;
}

int dc_series_check_extend(const dc_series *s, dc_extend e, dc_err *err) {
  if (e != DC_EXTEND_GROWTH) return 0;
  if (s->n < 2) {
    dc_err_set(err, DC_ERR_INPUT, "extend = \"growth\" needs at least two years (it keeps up "
                           "the growth rate of the two end years)");
    return -1;
  }
  const double ends[2][2] = {{s->v[0], s->v[1]}, {s->v[s->n - 2], s->v[s->n - 1]}};
  for (int i = 0; i < 2; i++) {
    double a = ends[i][0], b = ends[i][1];
    if (a == 0 || b == 0 || (a < 0) != (b < 0)) {
      dc_err_set(err, DC_ERR_INPUT, "extend = \"growth\" needs non-zero values of one sign in the "
                             "two %s years (there is no growth rate through zero)",
               i ? "last" : "first");
      return -1;
    }
  }
  return 0;
}

int dc_series_span(const dc_series *s, int y0, int y1, double *out) {
  if (y0 >= s->y0 && y1 <= dc_series_last(s)) {
    if (y1 >= y0) memcpy(out, s->v + (y0 - s->y0), (size_t)(y1 - y0 + 1) * sizeof(double));
    return 0;
  }
  for (int y = y0; y <= y1; y++)
    if (dc_series_at(s, y, &out[y - y0]) != 0) return -1;
  return 0;
}

/* ======================================================================
 * arithmetic
 * ====================================================================== */

int dc_series_overlap(const dc_series *a, const dc_series *b, int *y0, int *y1) {
  int lo = a->y0 > b->y0 ? a->y0 : b->y0;
  int la = dc_series_last(a), lb = dc_series_last(b);
  int hi = la < lb ? la : lb;
  if (hi < lo) return -1;
  *y0 = lo;
  *y1 = hi;
  return 0;
}

static void describe(char *buf, size_t size, dc_dims d, const dc_display *disp) {
  char name[120];
  dc_dims_name(d, name, sizeof name);
  if (disp && disp->label[0]) snprintf(buf, size, "%s (%s)", disp->label, name);
  else snprintf(buf, size, "%s", name);
}

int dc_series_op_dims(dc_series_op op, dc_dims a, const dc_display *da, dc_dims b,
                      const dc_display *db, dc_dims *out, dc_err *err) {
  char sa[200], sb[200];
  switch (op) {
  case DC_SERIES_ADD:
  case DC_SERIES_SUB:
    if (!dc_dims_eq(a, b)) {
      describe(sa, sizeof sa, a, da);
      describe(sb, sizeof sb, b, db);
      dc_err_set(err, DC_ERR_INPUT, "cannot %s %s and %s", op == DC_SERIES_ADD ? "add" : "subtract",
               sa, sb);
      return -1;
    }
    *out = a;
    return 0;
  case DC_SERIES_MUL:
    if (dc_dims_mul(a, b, out)) return 0;
    break;
  case DC_SERIES_DIV:
    if (dc_dims_div(a, b, out)) return 0;
    break;
  }
  dc_err_set(err, DC_ERR_INPUT, "unit exponent out of range");
  return -1;
}

/* restrict lets the compiler vectorise; out may not alias a or b here
 * (callers always write a fresh series) */
static void k_add(const double *restrict a, const double *restrict b, double *restrict o, int n) {
  for (int i = 0; i < n; i++) o[i] = a[i] + b[i];
}
static void k_sub(const double *restrict a, const double *restrict b, double *restrict o, int n) {
  for (int i = 0; i < n; i++) o[i] = a[i] - b[i];
}
static void k_mul(const double *restrict a, const double *restrict b, double *restrict o, int n) {
  for (int i = 0; i < n; i++) o[i] = a[i] * b[i];
}
static void k_div(const double *restrict a, const double *restrict b, double *restrict o, int n) {
  for (int i = 0; i < n; i++) o[i] = a[i] / b[i];
}

void dc_series_kernel(dc_series_op op, const double *a, const double *b, double *out, int n) {
  switch (op) {
  case DC_SERIES_ADD: k_add(a, b, out, n); break;
  case DC_SERIES_SUB: k_sub(a, b, out, n); break;
  case DC_SERIES_MUL: k_mul(a, b, out, n); break;
  case DC_SERIES_DIV: k_div(a, b, out, n); break;
  }
}

void dc_series_kernel_scalar(dc_series_op op, const double *a, double k, bool k_left,
                             double *out, int n) {
  switch (op) {
  case DC_SERIES_ADD:
    for (int i = 0; i < n; i++) out[i] = a[i] + k;
    break;
  case DC_SERIES_SUB:
    if (k_left) for (int i = 0; i < n; i++) out[i] = k - a[i];
    else for (int i = 0; i < n; i++) out[i] = a[i] - k;
    break;
  case DC_SERIES_MUL:
    for (int i = 0; i < n; i++) out[i] = a[i] * k;
    break;
  case DC_SERIES_DIV:
    if (k_left) for (int i = 0; i < n; i++) out[i] = k / a[i];
    else for (int i = 0; i < n; i++) out[i] = a[i] / k;
    break;
  }
}

void dc_series_arith(dc_series_op op, const dc_series *a, const dc_series *b, dc_series *out) {
  dc_series_kernel(op, a->v + (out->y0 - a->y0), b->v + (out->y0 - b->y0), out->v, out->n);
}

void dc_series_pow(const dc_series *a, double p, dc_series *out) {
  for (int i = 0; i < out->n; i++) out->v[i] = pow(a->v[i + (out->y0 - a->y0)], p);
}

/* ======================================================================
 * reductions
 * ====================================================================== */

bool dc_series_is_rate(dc_dims d) {
  /* In SI an energy already has time^-2 (kg m2 s-2), so count time against
   * what the energy part carries: kWh, kgCO2/kWh and yuan/kWh are not rates,
   * MW (= GWh/yr), tCO2/yr, t/yr and yuan/yr are. */
  int k = d.e[DC_DIM_MASS], t = d.e[DC_DIM_TIME];
  if (k != 0 && d.e[DC_DIM_LENGTH] == 2 * k) t += 2 * k;
  return t < 0;
}

int dc_series_sum(const dc_series *s, int y1, int y2, double year_s, double *out,
                  dc_dims *dims, dc_err *err) {
  if (y2 < y1) {
    dc_err_set(err, DC_ERR_INPUT, "sum from %d to %d: the last year is before the first", y1, y2);
    return -1;
  }
  double total = 0, v;
  for (int y = y1; y <= y2; y++) {
    if (dc_series_at(s, y, &v) != 0) {
      dc_err_set(err, DC_ERR_INPUT, "sum from %d to %d: the series has no value for %d (it covers %d..%d)",
               y1, y2, y, s->y0, dc_series_last(s));
      return -1;
    }
    total += v;
  }
  *dims = s->dims;
  if (dc_series_is_rate(s->dims)) {
    total *= year_s;
    dims->e[DC_DIM_TIME]++;
  }
  *out = total;
  return 0;
}

void dc_series_cumsum(const dc_series *s, double year_s, dc_series *out) {
  double k = 1, total = 0;
  out->dims = s->dims;
  if (dc_series_is_rate(s->dims)) {
    k = year_s;
    out->dims.e[DC_DIM_TIME]++;
  }
  for (int i = 0; i < s->n; i++) {
    total += s->v[i];
    out->v[i] = total * k;
  }
}

static void extreme(const dc_series *s, int sign, int *year, double *v) {
  int best = 0;
  for (int i = 1; i < s->n; i++)
    if (sign * s->v[i] > sign * s->v[best]) best = i;
  *year = s->y0 + best;
  *v = s->v[best];
}

void dc_series_min(const dc_series *s, int *year, double *v) { extreme(s, -1, year, v); }
void dc_series_max(const dc_series *s, int *year, double *v) { extreme(s, 1, year, v); }

int dc_series_cagr(const dc_series *s, int y1, int y2, double *out, dc_err *err) {
  double a, b;
  if (y2 <= y1) {
    dc_err_set(err, DC_ERR_INPUT, "cagr needs a first year before the last (got %d, %d)", y1, y2);
    return -1;
  }
  if (dc_series_at(s, y1, &a) != 0 || dc_series_at(s, y2, &b) != 0) {
    dc_err_set(err, DC_ERR_INPUT, "cagr from %d to %d: the series covers %d..%d", y1, y2, s->y0,
             dc_series_last(s));
    return -1;
  }
  if (a == 0 || b == 0 || (a < 0) != (b < 0)) {
    dc_err_set(err, DC_ERR_INPUT,
             "cagr from %d to %d needs two non-zero values of the same sign", y1, y2);
    return -1;
  }
  *out = pow(b / a, 1.0 / (double)(y2 - y1)) - 1;
  return 0;
}

void dc_series_diff(const dc_series *s, dc_series *out) {
  for (int i = 1; i < s->n; i++) out->v[i - 1] = s->v[i] - s->v[i - 1];
}

/* ======================================================================
 * names
 * ====================================================================== */

static const char *const interp_names[] = {"linear", "step", "growth"};
static const char *const extend_names[] = {"none", "constant", "linear", "growth"};

const char *dc_interp_name(dc_interp m) { return interp_names[m]; }
const char *dc_extend_name(dc_extend e) { return extend_names[e]; }

int dc_interp_parse(const char *name, dc_interp *out) {
  for (int i = 0; i < 3; i++)
    if (strcmp(name, interp_names[i]) == 0) {
      *out = (dc_interp)i;
      return 0;
    }
  return -1;
}

int dc_extend_parse(const char *name, dc_extend *out) {
  for (int i = 0; i < 4; i++)
    if (strcmp(name, extend_names[i]) == 0) {
      *out = (dc_extend)i;
      return 0;
    }
  return -1;
}

/* ======================================================================
 * display
 * ====================================================================== */

void dc_series_unit(const dc_series *s, char *label, size_t size, double *scale) {
  if (s->disp.label[0]) {
    snprintf(label, size, "%s", s->disp.label);
    *scale = s->disp.scale != 0 ? s->disp.scale : 1;
    return;
  }
  *scale = 1;
  label[0] = '\0';
  if (dc_dims_none(s->dims)) return;
  /* the preferred unit, with the prefix that suits the largest magnitude, so
   * that every year is shown in the same unit */
  double big = 0;
  for (int i = 0; i < s->n; i++)
    if (isfinite(s->v[i]) && fabs(s->v[i]) > big) big = fabs(s->v[i]);
  if (big == 0) big = 1;
  dc_display d;
  dc_units_choose_display(s->dims, big, s->disp.co2e, &d); /* CO2 or CO2e */
  snprintf(label, size, "%s", d.label);
  *scale = d.scale;
}

size_t dc_series_format(const dc_series *s, char *buf, size_t size, int shown) {
  char label[DC_LABEL_MAX + 8], num[64];
  double scale, offset = s->disp.label[0] ? s->disp.offset : 0;
  size_t len = 0;
  dc_series_unit(s, label, sizeof label, &scale);
  /* append without overrunning: len counts what would have been written */
#define PUT(...)                                                                    \
  do {                                                                              \
    int k_ = snprintf(len < size ? buf + len : NULL, len < size ? size - len : 0,   \
                      __VA_ARGS__);                                                 \
    if (k_ > 0) len += (size_t)k_;                                                  \
  } while (0)
  if (size) buf[0] = '\0';
  PUT("series %d..%d", s->y0, dc_series_last(s));
  if (label[0]) PUT(" (%s)", label);
  PUT(":");
  int head = s->n, tail = 0;
  if (shown > 0 && s->n > shown) {
    head = (shown + 1) / 2;
    tail = shown - head;
  }
  for (int i = 0; i < s->n; i++) {
    if (i >= head && i < s->n - tail) {
      if (i == head) PUT(" ...,");
      continue;
    }
    dc_fmt_number(num, sizeof num, (s->v[i] - offset) / scale, 0);
    PUT(" %d %s%s", s->y0 + i, num, i + 1 < s->n ? "," : "");
  }
  /* a series that reads beyond its years says so */
  if (s->extend != DC_EXTEND_NONE) PUT(" (extends: %s)", dc_extend_name(s->extend));
#undef PUT
  return len;
}
