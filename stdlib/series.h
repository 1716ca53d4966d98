/* series.h — the plain-C core of year series: one unit, a first year and one
 * SI value per year. Construction (points with linear/step/growth
 * interpolation, growth from a start value), extend rules, unit-checked
 * arithmetic over the overlap, and reductions. Knows nothing of Lua. */
#ifndef DC_SERIES_H
#define DC_SERIES_H

#include <stdbool.h>
#include <stddef.h>

#include "units.h"

/* Years a series may hold; a series holds at most DC_SERIES_MAX_YEARS. */
#define DC_SERIES_YEAR_MIN 0
#define DC_SERIES_YEAR_MAX 9999
#define DC_SERIES_MAX_YEARS (DC_SERIES_YEAR_MAX - DC_SERIES_YEAR_MIN + 1)

/* How values between two given years are filled. */
typedef enum dc_interp {
  DC_INTERP_LINEAR, /* straight line between the points (the default) */
  DC_INTERP_STEP,   /* a point's value holds until the next point */
  DC_INTERP_GROWTH  /* geometric: constant annual growth rate between points */
} dc_interp;

/* What a read outside the stored years gives. */
typedef enum dc_extend {
  DC_EXTEND_NONE,     /* an error (the default) */
  DC_EXTEND_CONSTANT, /* the first / last value */
  DC_EXTEND_LINEAR,   /* the straight line through the first / last two years */
  DC_EXTEND_GROWTH    /* the growth rate of the first / last two years, kept up
                         (series.growth without `to` is open-ended this way) */
} dc_extend;

typedef enum dc_series_op { DC_SERIES_ADD, DC_SERIES_SUB, DC_SERIES_MUL, DC_SERIES_DIV } dc_series_op;

typedef struct dc_series {
  int y0;           /* first year */
  int n;            /* number of years, 1 .. DC_SERIES_MAX_YEARS */
  dc_extend extend; /* rule for years outside y0 .. y0+n-1 */
  dc_dims dims;
  dc_display disp;  /* unit to show values in (empty label: preferred unit) */
  double v[];       /* n SI values, year y0 first */
} dc_series;

/* ---- storage ---- */
/* Bytes needed for a series of n years (0 when n is out of range). The Lua
 * binding allocates that much as userdata; C callers use dc_series_new. */
size_t dc_series_bytes(int n);
/* Sets the header of s (values untouched). disp may be NULL (no label). */
void dc_series_init(dc_series *s, int y0, int n, dc_dims dims, const dc_display *disp);
/* malloc'd series of n years with values set to 0; NULL when out of range or
 * out of memory. Free with dc_series_free. */
dc_series *dc_series_new(int y0, int n, dc_dims dims, const dc_display *disp);
void dc_series_free(dc_series *s);
/* 0 when y0 .. y1 is a valid range (y0 <= y1, both within the year limits),
 * else -1 with a message in err. */
int dc_series_check_range(int y0, int y1, dc_err *err);
static inline int dc_series_last(const dc_series *s) { return s->y0 + s->n - 1; }

/* ---- construction ---- */
/* Fills s (already spanning years[0] .. years[np-1]) from np points with
 * strictly increasing years and SI values. GROWTH needs every pair of
 * neighbouring values to be non-zero and of the same sign. 0 or -1 with err. */
int dc_series_fill_points(dc_series *s, const int *years, const double *si, size_t np,
                          dc_interp mode, dc_err *err);
/* v[i] = start * (1 + rate)^i. rate must be > -1. 0 or -1 with err. */
int dc_series_fill_growth(dc_series *s, double start, double rate, dc_err *err);

/* 0 when rule e can extend s (GROWTH needs two years at each end with
 * non-zero values of one sign), else -1 with a message in err. */
int dc_series_check_extend(const dc_series *s, dc_extend e, dc_err *err);

/* ---- reading ---- */
/* The SI value at year: stored, or by the series' extend rule. 0, or -1 when
 * the year is outside the stored years and the rule is DC_EXTEND_NONE, or
 * DC_EXTEND_GROWTH where the two end values have no growth rate (a zero, or
 * a change of sign). */
int dc_series_at(const dc_series *s, int year, double *out);
/* Fills out[0 .. y1-y0] with the values at y0 .. y1 (dc_series_at for each).
 * 0, or -1 when one of the years cannot be read. */
int dc_series_span(const dc_series *s, int y0, int y1, double *out);

/* ---- arithmetic ---- */
/* Years both cover: 0 with *y0, *y1 set, or -1 when they do not overlap. */
int dc_series_overlap(const dc_series *a, const dc_series *b, int *y0, int *y1);
/* Dimensions of a op b: 0, or -1 with a message naming both units when ADD /
 * SUB get different dimensions or an exponent overflows. The names come from
 * the displays (may be NULL). */
int dc_series_op_dims(dc_series_op op, dc_dims a, const dc_display *da, dc_dims b,
                      const dc_display *db, dc_dims *out, dc_err *err);
/* out[i] = a[i] op b[i] for n values (the element-wise kernel); out must
 * not overlap a or b. */
void dc_series_kernel(dc_series_op op, const double *a, const double *b, double *out, int n);
/* out[i] = a[i] op k (k_left false) or k op a[i] (k_left true). */
void dc_series_kernel_scalar(dc_series_op op, const double *a, double k, bool k_left,
                             double *out, int n);
/* out = a op b over out's years (which both a and b must cover: use the
 * overlap). out->dims must already be the result's (dc_series_op_dims). */
void dc_series_arith(dc_series_op op, const dc_series *a, const dc_series *b, dc_series *out);
/* out[i] = a[i]^p, dims are the caller's business. */
void dc_series_pow(const dc_series *a, double p, dc_series *out);

/* ---- reductions ---- */
/* Per-year values summed over y1 .. y2 (inclusive). When the series has a
 * per-time dimension (a rate such as tCO2/yr), every value is multiplied by
 * year_s seconds first (see dc_series_is_rate), so the sum is an amount
 * (tCO2); *dims gets the
 * result's dimensions. 0, or -1 with err when a year cannot be read. */
int dc_series_sum(const dc_series *s, int y1, int y2, double year_s, double *out,
                  dc_dims *dims, dc_err *err);
/* True when sum/cumsum multiply by a year: the unit is per time beyond what
 * an energy carries (tCO2/yr, t/yr, yuan/yr, MW = GWh/yr are rates; GWh,
 * tCO2, kgCO2/kWh, h are not). */
bool dc_series_is_rate(dc_dims d);
/* Running sums from the first year, with dc_series_sum's rule; out spans s's
 * years and its dims are set. */
void dc_series_cumsum(const dc_series *s, double year_s, dc_series *out);
/* Smallest / largest value and the first year it occurs. */
void dc_series_min(const dc_series *s, int *year, double *v);
void dc_series_max(const dc_series *s, int *year, double *v);
/* Compound annual growth rate between y1 and y2 (y1 < y2): (v2/v1)^(1/(y2-y1)) - 1.
 * 0, or -1 with err when a year is missing or v1, v2 are not both positive
 * or both negative. */
int dc_series_cagr(const dc_series *s, int y1, int y2, double *out, dc_err *err);
/* Year-over-year change: out spans y0+1 .. last (s needs two years). */
void dc_series_diff(const dc_series *s, dc_series *out);

/* ---- names ---- */
const char *dc_interp_name(dc_interp m);
const char *dc_extend_name(dc_extend e);
/* 0 and *out set, or -1 for an unknown name. */
int dc_interp_parse(const char *name, dc_interp *out);
int dc_extend_parse(const char *name, dc_extend *out);

/* ---- display ---- */
/* The unit label values are shown in: the display's label, or else the
 * preferred unit of the dimension chosen once for the whole series (by its
 * largest magnitude), "" when dimensionless. *scale gets the SI value of one
 * of that unit. */
void dc_series_unit(const dc_series *s, char *label, size_t size, double *scale);
/* Compact one-line text: "series 2020..2035 (GWh): 2020 2100, 2021 2184, ...".
 * At most `shown` years are listed (0 = all); when there are more the first
 * and last halves are shown around "...". Returns the length, as snprintf. */
size_t dc_series_format(const dc_series *s, char *buf, size_t size, int shown);

#endif
