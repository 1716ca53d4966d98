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

double dc_norm_cdf(double x) { return 0.5 * erfc(-x / sqrt(2.0)); }

/* Φ^-1 by Wichura's algorithm AS 241, PPND16 (M. J. Wichura, "The
 * percentage points of the normal distribution", Applied Statistics 37(3),
 * 1988, 477-484): three rational approximations of degree 7, accurate to
 * about 1 part in 10^16, with the coefficients of the paper. The central one
 * is pure arithmetic (the same bits on every IEEE machine); the tails take
 * one log and one sqrt. */
static double poly7(const double c[8], double r) {
  return ((((((c[7] * r + c[6]) * r + c[5]) * r + c[4]) * r + c[3]) * r + c[2]) * r + c[1]) * r + c[0];
}

static const double as241_a[8] = {3.3871328727963666080e0, 1.3314166789178437745e+2,
                                  1.9715909503065514427e+3, 1.3731693765509461125e+4,
                                  4.5921953931549871457e+4, 6.7265770927008700853e+4,
                                  3.3430575583588128105e+4, 2.5090809287301226727e+3};
static const double as241_b[8] = {1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2,
                                  5.3941960214247511077e+3, 2.1213794301586595867e+4,
                                  3.9307895800092710610e+4, 2.8729085735721942674e+4,
                                  5.2264952788528545610e+3};
static const double as241_c[8] = {1.42343711074968357734e0, 4.63033784615654529590e0,
                                  5.76949722146069140550e0, 3.64784832476320460504e0,
                                  1.27045825245236838258e0, 2.41780725177450611770e-1,
                                  2.27238449892691845833e-2, 7.74545014278341407640e-4};
static const double as241_d[8] = {1.0, 2.05319162663775882187e0, 1.67638483018380384940e0,
                                  6.89767334985100004550e-1, 1.48103976427480074590e-1,
                                  1.51986665636164571966e-2, 5.47593808499534494600e-4,
                                  1.05075007164441684324e-9};
static const double as241_e[8] = {6.65790464350110377720e0, 5.46378491116411436990e0,
                                  1.78482653991729133580e0, 2.96560571828504891230e-1,
                                  2.65321895265761230930e-2, 1.24266094738807843860e-3,
                                  2.71155556874348757815e-5, 2.01033439929228813265e-7};
static const double as241_f[8] = {1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1,
                                  1.48753612908506148525e-2, 7.86869131145613259100e-4,
                                  1.84631831751005468180e-5, 1.42151175831644588870e-7,
                                  2.04426310338993978564e-15};

double dc_norm_quantile(double p) {
  if (!(p >= 0 && p <= 1)) return NAN;
  if (p == 0) return -INFINITY;
  if (p == 1) return INFINITY;
  double q = p - 0.5;
  if (fabs(q) <= 0.425) { /* 0.075 <= p <= 0.925 */
    double r = 0.180625 - q * q;
    return q * poly7(as241_a, r) / poly7(as241_b, r);
  }
  /* the tails: r = sqrt(-log(min(p, 1 - p))); 1 - p is exact for p > 0.5 */
  double r = sqrt(-log(q < 0 ? p : 1 - p)), x;
  if (r <= 5) {
    r -= 1.6;
    x = poly7(as241_c, r) / poly7(as241_d, r);
  } else { /* p below about 1.4e-11 */
    r -= 5;
    x = poly7(as241_e, r) / poly7(as241_f, r);
  }
  return q < 0 ? -x : x;
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

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang_analyzer__)
#include <immintrin.h>
/* The triangular loop below, four values at a time in AVX2 registers: the
   same operations in the same order, each rounded as the scalar one
   (square roots included), hence the same bits. Returns how many it did. */
__attribute__((target("avx2"))) static size_t triangular_avx2(double a, double b, double ba, double ca, double bc,
                                                              double *u, size_t n) {
  const __m256d A = _mm256_set1_pd(a), B = _mm256_set1_pd(b), BA = _mm256_set1_pd(ba), CA = _mm256_set1_pd(ca),
                BC = _mm256_set1_pd(bc), one = _mm256_set1_pd(1), zero = _mm256_setzero_pd(), nan = _mm256_set1_pd(NAN);
  size_t k = 0;
  for (; k + 4 <= n; k += 4) {
    __m256d v = _mm256_loadu_pd(u + k);
    __m256d ok = _mm256_and_pd(_mm256_cmp_pd(v, zero, _CMP_GE_OQ), _mm256_cmp_pd(v, one, _CMP_LE_OQ));
    __m256d vba = _mm256_mul_pd(v, BA);
    __m256d low = _mm256_cmp_pd(vba, CA, _CMP_LT_OQ);
    __m256d arg = _mm256_blendv_pd(_mm256_mul_pd(_mm256_mul_pd(_mm256_sub_pd(one, v), BA), BC), _mm256_mul_pd(vba, CA), low);
    __m256d r = _mm256_sqrt_pd(arg);
    __m256d x = _mm256_blendv_pd(_mm256_sub_pd(B, r), _mm256_add_pd(A, r), low);
    _mm256_storeu_pd(u + k, _mm256_blendv_pd(nan, x, ok));
  }
  return k;
}
#define DC_TRI_AVX2 1
#endif

void dc_dist_quantiles(const dc_dist *d, double *u, size_t n) {
  if (d->kind == DC_DIST_TRIANGULAR && d->high != d->low) {
    /* one square root, its argument and sign chosen without a branch to
       mispredict (the same values as triangular_quantile) */
    const double a = d->low, b = d->high, c = d->central, ba = b - a, ca = c - a, bc = b - c;
    size_t k0 = 0;
#ifdef DC_TRI_AVX2
    if (n >= 4 && __builtin_cpu_supports("avx2")) k0 = triangular_avx2(a, b, ba, ca, bc, u, n);
#endif
    for (size_t k = k0; k < n; k++) {
      double v = u[k];
      if (!(v >= 0 && v <= 1)) {
        u[k] = NAN;
        continue;
      }
      int low = v * ba < ca;
      double r = sqrt(low ? v * ba * ca : (1 - v) * ba * bc);
      u[k] = low ? a + r : b - r;
    }
    return;
  }
  for (size_t k = 0; k < n; k++) u[k] = dc_dist_quantile(d, u[k]);
}

double dc_dist_order_gap(const dc_dist *d) {
  /* s: the smallest slope of the quantile (1 / the largest density); m:
     the largest magnitude its rounding scales with (of the log, for
     lognormal, whose slope is then relative) */
  double s, m;
  switch (d->kind) {
  case DC_DIST_TRIANGULAR:
  case DC_DIST_UNIFORM:
    s = (d->high - d->low) * (d->kind == DC_DIST_TRIANGULAR ? 0.5 : 1);
    m = fmax(fabs(d->low), fabs(d->high));
    break;
  case DC_DIST_NORMAL:
  case DC_DIST_LOGNORMAL:
    s = d->sigma * 2.5066282746310002; /* sqrt(2 pi) */
    m = fabs(d->mu) + 9 * d->sigma + (d->kind == DC_DIST_LOGNORMAL);
    break;
  default: return INFINITY;
  }
  if (!(s > 0) || !isfinite(s) || !isfinite(m)) return INFINITY;
  double g = 1024 * m * 0x1p-52 / s;
  return isfinite(g) ? g : INFINITY;
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
