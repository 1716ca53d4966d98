/* stats.c — Wilson intervals, type-7 quantiles, average ranks and Spearman's
 * rho, and the exact merge of per-block samples (see stats.h). */
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ====================================================================== */
/* P(met)                                                                */
/* ====================================================================== */

int dc_wilson(uint64_t k, uint64_t n, double z, double *lo, double *hi) {
  if (n == 0 || k > n) return -1;
  double nn = (double)n, p = (double)k / nn, z2 = z * z;
  double denom = 1 + z2 / nn;
  double centre = (p + z2 / (2 * nn)) / denom;
  double half = z * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / denom;
  /* at k = 0 and k = n the bound is 0 or 1 exactly; rounding would leave 1e-17 */
  *lo = k == 0 ? 0 : fmax(0, centre - half);
  *hi = k == n ? 1 : fmin(1, centre + half);
  return 0;
}

/* ====================================================================== */
/* quantiles                                                             */
/* ====================================================================== */

double dc_quantile_sorted(const double *x, size_t n, double p) {
  if (n == 0 || !(p >= 0 && p <= 1)) return NAN;
  double h = (double)(n - 1) * p;
  size_t i = (size_t)h;
  if (i >= n - 1) return x[n - 1];
  double f = h - (double)i, d = x[i + 1] - x[i];
  /* NumPy's lerp: from the nearer end, so that f near 1 lands on x[i+1] */
  return f >= 0.5 ? x[i + 1] - d * (1 - f) : x[i] + d * f;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int dc_stats_sort(double *x, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (isnan(x[i])) return -1;
  qsort(x, n, sizeof *x, cmp_double);
  return 0;
}

/* ====================================================================== */
/* samples of blocks                                                     */
/* ====================================================================== */

static int reserve(dc_samples *a, size_t more) {
  if (more > SIZE_MAX / sizeof(double) - a->n) return -1;
  size_t need = a->n + more;
  if (need <= a->cap) return 0;
  size_t cap = a->cap ? a->cap : 64;
  while (cap < need) cap = cap > SIZE_MAX / sizeof(double) / 2 ? need : cap * 2;
  double *v = realloc(a->v, cap * sizeof *v);
  if (!v) return -1;
  a->v = v;
  a->cap = cap;
  return 0;
}

int dc_samples_push(dc_samples *a, double v) {
  if (reserve(a, 1) < 0) return -1;
  a->v[a->n++] = v;
  return 0;
}

int dc_samples_merge(dc_samples *a, const dc_samples *b) {
  if (a->n && b->first != a->first + a->n) return -1;
  if (b->n && reserve(a, b->n) < 0) return -1;
  if (a->n == 0) a->first = b->first;
  if (b->n) memcpy(a->v + a->n, b->v, b->n * sizeof *b->v);
  a->n += b->n;
  return 0;
}

void dc_samples_free(dc_samples *a) {
  free(a->v);
  memset(a, 0, sizeof *a);
}

int dc_samples_quantiles(const dc_samples *a, const double *ps, size_t np, double *out) {
  if (a->n == 0) return -1;
  for (size_t j = 0; j < np; j++)
    if (!(ps[j] >= 0 && ps[j] <= 1)) return -1;
  double *x = malloc(a->n * sizeof *x);
  if (!x) return -1;
  memcpy(x, a->v, a->n * sizeof *x);
  int rc = dc_stats_sort(x, a->n);
  for (size_t j = 0; rc == 0 && j < np; j++) out[j] = dc_quantile_sorted(x, a->n, ps[j]);
  free(x);
  return rc;
}

/* ====================================================================== */
/* ranks and Spearman                                                    */
/* ====================================================================== */

typedef struct ranked {
  double v;
  size_t i;
} ranked;

/* by value, then by position: a total order, so qsort's result is fixed */
static int cmp_ranked(const void *a, const void *b) {
  const ranked *x = a, *y = b;
  if (x->v != y->v) return x->v < y->v ? -1 : 1;
  return (x->i > y->i) - (x->i < y->i);
}

int dc_stats_ranks(const double *x, size_t n, double *r) {
  if (n > SIZE_MAX / sizeof(ranked)) return -1;
  ranked *t = malloc((n ? n : 1) * sizeof *t);
  if (!t) return -1;
  for (size_t i = 0; i < n; i++) {
    if (isnan(x[i])) {
      free(t);
      return -1;
    }
    t[i] = (ranked){x[i], i};
  }
  qsort(t, n, sizeof *t, cmp_ranked);
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && t[j].v == t[i].v) j++;
    double avg = 0.5 * (double)(i + 1 + j); /* mean of positions i+1 .. j */
    for (size_t k = i; k < j; k++) r[t[k].i] = avg;
    i = j;
  }
  free(t);
  return 0;
}

/* Pearson's r of two series, centred first (two passes: no cancellation) */
static double pearson(const double *x, const double *y, size_t n) {
  double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < n; i++) mx += x[i], my += y[i];
  mx /= (double)n, my /= (double)n;
  for (size_t i = 0; i < n; i++) {
    double dx = x[i] - mx, dy = y[i] - my;
    sxy += dx * dy, sxx += dx * dx, syy += dy * dy;
  }
  if (sxx == 0 || syy == 0) return NAN;
  double r = sxy / sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

double dc_spearman(const double *x, const double *y, size_t n) {
  if (n < 2 || n > SIZE_MAX / (2 * sizeof(double))) return NAN;
  double *rx = malloc(2 * n * sizeof *rx);
  if (!rx) return NAN;
  double *ry = rx + n, rho = NAN;
  if (dc_stats_ranks(x, n, rx) == 0 && dc_stats_ranks(y, n, ry) == 0) rho = pearson(rx, ry, n);
  free(rx);
  return rho;
}

/* ====================================================================== */
/* drivers                                                               */
/* ====================================================================== */

typedef struct driver {
  double strength; /* |rho|, -1 for NaN */
  size_t j;
} driver;

static int cmp_driver(const void *a, const void *b) {
  const driver *x = a, *y = b;
  if (x->strength != y->strength) return x->strength > y->strength ? -1 : 1;
  return (x->j > y->j) - (x->j < y->j);
}

int dc_stats_drivers(const double *x, size_t k, const double *y, size_t n, double *rho,
                     size_t *order) {
  if (n > SIZE_MAX / (2 * sizeof(double)) || k > SIZE_MAX / sizeof(driver)) return -1;
  double *ry = malloc((n ? 2 * n : 1) * sizeof *ry);
  driver *d = malloc((k ? k : 1) * sizeof *d);
  int rc = ry && d && dc_stats_ranks(y, n, ry) == 0 ? 0 : -1;
  double *rx = ry ? ry + n : NULL;
  for (size_t j = 0; rc == 0 && j < k; j++) {
    /* the margin is ranked once; each input in turn */
    rho[j] = n >= 2 && dc_stats_ranks(x + j * n, n, rx) == 0 ? pearson(rx, ry, n) : NAN;
    d[j] = (driver){isnan(rho[j]) ? -1 : fabs(rho[j]), j};
  }
  if (rc == 0) {
    qsort(d, k, sizeof *d, cmp_driver);
    for (size_t j = 0; j < k; j++) order[j] = d[j].j;
  }
  free(ry);
  free(d);
  return rc;
}
