/* dist.c — triangular, uniform, normal and lognormal distributions given as
 * (CENTRAL, low, high), their quantile functions and the standard normal's
 * inverse (see dist.h; formulas in docs/uncertainty.md). Own code, written
 * from the published formulas; no GSL (GPL) so decarb's licence stays open. */
#include "dist.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"

/* ====================================================================== */
/* the standard normal                                                   */
/* ====================================================================== */

#define SQRT_2PI 2.50662827463100050242 /* sqrt(2 pi) */

double dc_norm_cdf(double x) { return 0.5 * erfc(-x / sqrt(2.0)); }

/* Acklam's rational approximation of Φ^-1 (P. J. Acklam, "An algorithm for
 * computing the inverse normal cumulative distribution function", 2003;
 * relative error below 1.15e-9), for p <= 0.5 only. */
static double acklam_lower(double p) {
  static const double a[6] = {-3.969683028665376e+01, 2.209460984245205e+02,
                              -2.759285104469687e+02, 1.383577518672690e+02,
                              -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[5] = {-5.447609879822406e+01, 1.615858368580409e+02,
                              -1.556989798598866e+02, 6.680131188771972e+01,
                              -1.328068155288572e+01};
  static const double c[6] = {-7.784894002430293e-03, -3.223964580411365e-01,
                              -2.400758277161838e+00, -2.549732539343734e+00,
                              4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[4] = {7.784695709041462e-03, 3.224671290700398e-01,
                              2.445134137142996e+00, 3.754408661907416e+00};
  if (p < 0.02425) { /* the lower tail */
    double q = sqrt(-2 * log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  double q = p - 0.5, r = q * q; /* the central region */
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/* One Halley step on Φ(x) - p = 0, with Φ from libm's erfc (accurate to
 * relative precision in the lower tail, where it is used): cubic
 * convergence takes Acklam's 1e-9 to the last bits. */
static double halley(double x, double p) {
  double pdf = exp(-0.5 * x * x) / SQRT_2PI;
  if (pdf == 0) return x; /* beyond ~38.5 sd: nothing to refine in a double */
  double u = (dc_norm_cdf(x) - p) / pdf;
  return x - u / (1 + 0.5 * x * u);
}

double dc_norm_quantile(double p) {
  if (!(p >= 0 && p <= 1)) return NAN;
  if (p == 0) return -INFINITY;
  if (p == 1) return INFINITY;
  /* work in the lower half, where erfc keeps relative precision; 1 - p is
     exact for p in [0.5, 1] (Sterbenz) */
  if (p > 0.5) return -halley(acklam_lower(1 - p), 1 - p);
  return halley(acklam_lower(p), p);
}

/* ====================================================================== */
/* making a distribution                                                 */
/* ====================================================================== */

static const char *const dist_names[DC_DIST_NKINDS] = {"triangular", "uniform", "normal",
                                                       "lognormal"};

const char *dc_dist_name(dc_dist_kind kind) {
  return (unsigned)kind < DC_DIST_NKINDS ? dist_names[kind] : "?";
}

int dc_dist_parse(const char *name, dc_dist_kind *kind) {
  for (int k = 0; k < DC_DIST_NKINDS; k++)
    if (strcmp(name, dist_names[k]) == 0) {
      *kind = (dc_dist_kind)k;
      return 0;
    }
  return -1;
}

/* a value as the caller shows it, in one of a few rotating buffers so that
   one message can hold several */
typedef struct shown {
  dc_dist_fmt fmt;
  void *ctx;
  char buf[4][96];
  int next;
} shown;

static const char *show(shown *s, double v) {
  char *b = s->buf[s->next++ & 3];
  if (s->fmt) s->fmt(b, sizeof s->buf[0], v, s->ctx);
  else dc_fmt_number(b, sizeof s->buf[0], v, 0);
  return b;
}

static int fail(char *err, size_t size, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (size) vsnprintf(err, size, fmt, ap);
  va_end(ap);
  return -1;
}

/* |hi_gap - lo_gap| within DC_DIST_SYMMETRY of their mean */
static int symmetric(double lo_gap, double hi_gap) {
  return fabs(hi_gap - lo_gap) <= DC_DIST_SYMMETRY * 0.5 * (hi_gap + lo_gap);
}

static int check_order(double central, double low, double high, shown *s, char *err,
                       size_t size) {
  if (!isfinite(central) || !isfinite(low) || !isfinite(high))
    return fail(err, size, "CENTRAL, low and high must be finite (got %s, low = %s, high = %s)",
                show(s, central), show(s, low), show(s, high));
  if (low > central)
    return fail(err, size, "low = %s is above CENTRAL %s: give low <= CENTRAL <= high",
                show(s, low), show(s, central));
  if (high < central)
    return fail(err, size, "high = %s is below CENTRAL %s: give low <= CENTRAL <= high",
                show(s, high), show(s, central));
  return 0;
}

static int make_normal(dc_dist *d, shown *s, char *err, size_t size) {
  double below = d->central - d->low, above = d->high - d->central;
  if (!symmetric(below, above))
    return fail(err, size,
                "a normal needs low and high about equally far from CENTRAL (got low = %s, "
                "CENTRAL %s, high = %s; the distances may differ by %g %%): use dist = "
                "\"triangular\" or \"lognormal\" for a skewed range",
                show(s, d->low), show(s, d->central), show(s, d->high), 100 * DC_DIST_SYMMETRY);
  d->mu = d->central;
  d->sigma = (d->high - d->low) / (2 * DC_Z95);
  return 0;
}

static int make_lognormal(dc_dist *d, shown *s, char *err, size_t size) {
  if (!(d->low > 0))
    return fail(err, size,
                "a lognormal needs low > 0 (got low = %s): use dist = \"triangular\" or "
                "\"normal\" for a range that reaches 0 or below",
                show(s, d->low));
  double below = log(d->central / d->low), above = log(d->high / d->central);
  if (!symmetric(below, above))
    return fail(err, size,
                "a lognormal's CENTRAL is its median, the geometric mean of low and high "
                "(here %s, got CENTRAL %s; they may differ by %g %% in logs): change CENTRAL or "
                "use dist = \"triangular\"",
                show(s, sqrt(d->low) * sqrt(d->high)), show(s, d->central),
                100 * DC_DIST_SYMMETRY);
  d->mu = log(d->central);
  d->sigma = (log(d->high) - log(d->low)) / (2 * DC_Z95);
  return 0;
}

int dc_dist_make(dc_dist *d, dc_dist_kind kind, double central, double low, double high,
                 dc_dist_fmt fmt, void *ctx, char *err, size_t errsize) {
  shown s = {.fmt = fmt, .ctx = ctx};
  memset(d, 0, sizeof *d);
  if ((unsigned)kind >= DC_DIST_NKINDS) return fail(err, errsize, "unknown distribution");
  d->kind = kind;
  d->central = central, d->low = low, d->high = high;
  if (check_order(central, low, high, &s, err, errsize) < 0) return -1;
  if (kind == DC_DIST_NORMAL) return make_normal(d, &s, err, errsize);
  if (kind == DC_DIST_LOGNORMAL) return make_lognormal(d, &s, err, errsize);
  return 0;
}

int dc_dist_make_sd(dc_dist *d, double central, double sd, dc_dist_fmt fmt, void *ctx,
                    char *err, size_t errsize) {
  shown s = {.fmt = fmt, .ctx = ctx};
  memset(d, 0, sizeof *d);
  d->kind = DC_DIST_NORMAL;
  if (!isfinite(central)) return fail(err, errsize, "CENTRAL must be finite");
  if (!(sd >= 0) || !isfinite(sd))
    return fail(err, errsize, "sd must be a finite value >= 0 (got sd = %s)", show(&s, sd));
  d->central = d->mu = central;
  d->sigma = sd;
  d->low = central - DC_Z95 * sd;
  d->high = central + DC_Z95 * sd;
  d->has_sd = 1;
  return 0;
}

/* ====================================================================== */
/* quantiles, CDF, moments                                               */
/* ====================================================================== */

static double triangular_quantile(const dc_dist *d, double u) {
  double a = d->low, b = d->high, c = d->central;
  if (b == a) return c;
  if (u * (b - a) < c - a) return a + sqrt(u * (b - a) * (c - a));
  return b - sqrt((1 - u) * (b - a) * (b - c));
}

double dc_dist_quantile(const dc_dist *d, double u) {
  if (!(u >= 0 && u <= 1)) return NAN;
  switch (d->kind) {
  case DC_DIST_TRIANGULAR: return triangular_quantile(d, u);
  case DC_DIST_UNIFORM: {
    double x = d->low + u * (d->high - d->low);
    return x > d->high ? d->high : x; /* rounding must not leave the bounds */
  }
  case DC_DIST_NORMAL:
    if (u == 0 || u == 1) return NAN;
    return d->sigma == 0 ? d->central : d->mu + d->sigma * dc_norm_quantile(u);
  case DC_DIST_LOGNORMAL:
    if (u == 0 || u == 1) return NAN;
    return d->sigma == 0 ? d->central : exp(d->mu + d->sigma * dc_norm_quantile(u));
  default: return NAN;
  }
}

double dc_dist_cdf(const dc_dist *d, double x) {
  double a = d->low, b = d->high, c = d->central;
  switch (d->kind) {
  case DC_DIST_TRIANGULAR:
    if (x < a) return 0;
    if (x >= b) return 1;
    if (x <= c) return c == a ? 0 : (x - a) * (x - a) / ((b - a) * (c - a));
    return 1 - (b - x) * (b - x) / ((b - a) * (b - c));
  case DC_DIST_UNIFORM:
    if (x < a) return 0;
    if (x >= b) return 1;
    return (x - a) / (b - a);
  case DC_DIST_NORMAL:
    if (d->sigma == 0) return x >= c ? 1 : 0;
    return dc_norm_cdf((x - d->mu) / d->sigma);
  case DC_DIST_LOGNORMAL:
    if (d->sigma == 0) return x >= c ? 1 : 0;
    return x <= 0 ? 0 : dc_norm_cdf((log(x) - d->mu) / d->sigma);
  default: return NAN;
  }
}

double dc_dist_mean(const dc_dist *d) {
  switch (d->kind) {
  case DC_DIST_TRIANGULAR: return (d->low + d->high + d->central) / 3;
  case DC_DIST_UNIFORM: return 0.5 * (d->low + d->high);
  case DC_DIST_NORMAL: return d->mu;
  case DC_DIST_LOGNORMAL: return exp(d->mu + 0.5 * d->sigma * d->sigma);
  default: return NAN;
  }
}

double dc_dist_variance(const dc_dist *d) {
  double a = d->low, b = d->high, c = d->central, s2 = d->sigma * d->sigma;
  switch (d->kind) {
  case DC_DIST_TRIANGULAR: return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
  case DC_DIST_UNIFORM: return (b - a) * (b - a) / 12;
  case DC_DIST_NORMAL: return s2;
  case DC_DIST_LOGNORMAL: return expm1(s2) * exp(2 * d->mu + s2);
  default: return NAN;
  }
}
