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

/* Type 7 between a (sorted position i = floor(h)) and b (position i + 1),
 * NumPy's lerp: from the nearer end, so that f near 1 lands on b */
static inline double type7(double h, size_t i, double a, double b) {
  double f = h - (double)i, d = b - a;
  return f >= 0.5 ? b - d * (1 - f) : a + d * f;
}

double dc_quantile_sorted(const double *x, size_t n, double p) {
  if (n == 0 || !(p >= 0 && p <= 1)) return NAN;
  double h = (double)(n - 1) * p;
  size_t i = (size_t)h;
  if (i >= n - 1) return x[n - 1];
  return type7(h, i, x[i], x[i + 1]);
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

static inline void swap_d(double *a, double *b) {
  double t = *a;
  *a = *b;
  *b = t;
}

/* Puts in x[pos[i]] (pos ascending, within [lo, hi)) the value the sorted
 * order would put there: quickselect on every wanted position at once,
 * three-way partitions (equal values are placed at once), a sort after
 * `depth` rounds so that no input is quadratic. */
static void select_at(double *x, size_t lo, size_t hi, const size_t *pos, size_t np, int depth) {
  while (np && hi - lo > 16) {
    if (depth-- <= 0) {
      qsort(x + lo, hi - lo, sizeof *x, cmp_double);
      return;
    }
    double a = x[lo], b = x[lo + (hi - lo) / 2], c = x[hi - 1];
    double pv = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
    size_t lt = lo, i = lo, gt = hi;
    while (i < gt) {
      if (x[i] < pv) swap_d(&x[lt++], &x[i++]);
      else if (x[i] > pv) swap_d(&x[i], &x[--gt]);
      else i++;
    }
    size_t a1 = 0, b1;
    while (a1 < np && pos[a1] < lt) a1++;
    for (b1 = a1; b1 < np && pos[b1] < gt; b1++) {}
    select_at(x, lo, lt, pos, a1, depth);
    lo = gt;
    pos += b1;
    np -= b1;
  }
  if (!np) return;
  for (size_t i = lo + 1; i < hi; i++) /* a few values: insertion */
    for (size_t j = i; j > lo && x[j - 1] > x[j]; j--) swap_d(&x[j - 1], &x[j]);
}

/* The bucket of x for bucket_select and bucket_sort: (x - mn) * sc, at
 * most nb - 1 (an order-preserving map: x <= y puts x in the same or an
 * earlier bucket) */
static inline size_t bucket_of(double x, double mn, double sc, size_t nb) {
  size_t q = (size_t)((x - mn) * sc);
  return q >= nb ? nb - 1 : q;
}

/* The buckets of x[0..n-1] that hold the sorted positions pos[0..np-1]
 * (ascending): their ids into wq, where they start in the sorted order
 * into ws, their sizes into wc; returns how many (<= np). c: nb counts. */
static size_t wanted_buckets(const double *x, size_t n, double mn, double sc, size_t nb, uint32_t *c,
                             const size_t *pos, size_t np, size_t *wq, size_t *ws, size_t *wc) {
  for (size_t i = 0; i < n; i++) c[bucket_of(x[i], mn, sc, nb)]++;
  size_t nw = 0, start = 0, j = 0;
  for (size_t q = 0; q < nb && j < np; q++) {
    size_t end = start + c[q];
    if (pos[j] < end) {
      wq[nw] = q, ws[nw] = start, wc[nw++] = c[q];
      while (j < np && pos[j] < end) j++;
    }
    start = end;
  }
  return nw;
}

/* The values at the sorted positions pos[0..np-1] (ascending, distinct,
 * np <= 32) of x[0..n-1] (no NaN) into v, x unchanged: n / 4 buckets over
 * [min, max] counted, then the values of only the buckets that hold a
 * wanted position gathered and sorted. Three passes with no unpredictable
 * branch, where selection's partitions mispredict every other value. 1
 * when it gives up (few values, all equal, a -0, whose place among +0s
 * selection leaves open, too many values in the wanted buckets: values
 * bunched by a far outlier; no memory), 0 done. */
static int bucket_select(const double *x, size_t n, const size_t *pos, size_t np, double *v) {
  if (n < 256 || n >= UINT32_MAX || np > 32) return 1; /* counts in 32 bits */
  double mn = x[0], mx = x[0];
  int negz = 0;
  for (size_t i = 0; i < n; i++) {
    mn = x[i] < mn ? x[i] : mn;
    mx = x[i] > mx ? x[i] : mx;
    negz |= x[i] == 0 && signbit(x[i]);
  }
  size_t nb = n / 4, wq[32], ws[32], wc[32], got = 0;
  double sc = (double)nb / (mx - mn);
  if (negz || !(mx > mn) || !isfinite(mx - mn) || !isfinite(sc)) return 1;
  uint32_t *c = calloc(nb, sizeof *c);
  if (!c) return 1;
  size_t nw = wanted_buckets(x, n, mn, sc, nb, c, pos, np, wq, ws, wc);
  for (size_t w = 0; w < nw; w++) got += wc[w];
  double *buf = got <= n / 32 + 32 ? malloc((got ? got : 1) * sizeof *buf) : NULL;
  if (!buf) {
    free(c);
    return 1;
  }
  /* c[q] becomes 1 + where bucket q's values go in buf, 0 for the rest */
  memset(c, 0, nb * sizeof *c);
  for (size_t w = 0, at = 0; w < nw; at += wc[w++]) c[wq[w]] = (uint32_t)at + 1;
  for (size_t i = 0; i < n; i++) {
    uint32_t *slot = &c[bucket_of(x[i], mn, sc, nb)];
    if (*slot) buf[(*slot)++ - 1] = x[i];
  }
  for (size_t w = 0, at = 0, j = 0; w < nw; at += wc[w++]) {
    double *b = buf + at;
    for (size_t i = 1; i < wc[w]; i++) /* a few values: insertion */
      for (size_t k = i; k > 0 && b[k - 1] > b[k]; k--) swap_d(&b[k - 1], &b[k]);
    for (; j < np && pos[j] < ws[w] + wc[w]; j++) v[j] = b[pos[j] - ws[w]];
  }
  free(buf);
  free(c);
  return 0;
}

int dc_stats_quantiles(double *x, size_t n, const double *ps, size_t np, double *out) {
  if (n == 0 || np > 16) return -1;
  size_t pos[32], k = 0;
  for (size_t j = 0; j < np; j++) {
    if (!(ps[j] >= 0 && ps[j] <= 1)) return -1;
    size_t i = (size_t)((double)(n - 1) * ps[j]); /* as dc_quantile_sorted reads them */
    if (i >= n - 1) pos[k++] = n - 1;
    else pos[k++] = i, pos[k++] = i + 1;
  }
  for (size_t i = 0; i < n; i++)
    if (isnan(x[i])) return -1;
  for (size_t i = 1; i < k; i++) /* ascending, no repeats */
    for (size_t j = i; j > 0 && pos[j - 1] > pos[j]; j--) {
      size_t t = pos[j];
      pos[j] = pos[j - 1];
      pos[j - 1] = t;
    }
  size_t u = 0;
  for (size_t i = 0; i < k; i++)
    if (!u || pos[u - 1] != pos[i]) pos[u++] = pos[i];
  double v[32];
  if (bucket_select(x, n, pos, u, v) == 0) {
    for (size_t j = 0; j < np; j++) { /* as dc_quantile_sorted, from the values at pos */
      double h = (double)(n - 1) * ps[j];
      size_t i = (size_t)h, a = 0;
      while (pos[a] < (i >= n - 1 ? n - 1 : i)) a++;
      out[j] = i >= n - 1 ? v[a] : type7(h, i, v[a], v[a + 1]);
    }
    return 0;
  }
  int depth = 2;
  for (size_t m = n; m > 1; m >>= 1) depth += 2;
  select_at(x, 0, n, pos, u, depth);
  for (size_t j = 0; j < np; j++) out[j] = dc_quantile_sorted(x, n, ps[j]);
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
  int rc = np <= 16 ? dc_stats_quantiles(x, a->n, ps, np, out) : dc_stats_sort(x, a->n);
  for (size_t j = 0; np > 16 && rc == 0 && j < np; j++) out[j] = dc_quantile_sorted(x, a->n, ps[j]);
  free(x);
  return rc;
}

/* ====================================================================== */
/* ranks and Spearman                                                    */
/* ====================================================================== */

struct dc_ranker {
  size_t cap;
  uint64_t *key[2];
  uint32_t *idx[2];
  double *val;
  uint32_t *bkt; /* 2 cap + 1 */
  uint32_t cnt[6][2048];
};

dc_ranker *dc_ranker_new(size_t n) {
  if (n >= UINT32_MAX / 2 || n > SIZE_MAX / (2 * sizeof(uint64_t) + 3 * sizeof(uint32_t))) return NULL;
  dc_ranker *rk = calloc(1, sizeof *rk);
  if (!rk) return NULL;
  size_t m = n ? n : 1;
  rk->cap = n;
  rk->key[0] = malloc(2 * m * sizeof(uint64_t));
  rk->idx[0] = malloc(2 * m * sizeof(uint32_t));
  rk->val = malloc(m * sizeof(double));
  rk->bkt = malloc((2 * m + 1) * sizeof(uint32_t));
  if (!rk->key[0] || !rk->idx[0] || !rk->val || !rk->bkt) {
    dc_ranker_free(rk);
    return NULL;
  }
  rk->key[1] = rk->key[0] + m;
  rk->idx[1] = rk->idx[0] + m;
  return rk;
}

void dc_ranker_free(dc_ranker *rk) {
  if (!rk) return;
  free(rk->key[0]);
  free(rk->idx[0]);
  free(rk->val);
  free(rk->bkt);
  free(rk);
}

/* A double's bits as an unsigned key in the same order (-0 as +0). */
static inline uint64_t order_key(double v) {
  uint64_t b;
  if (v == 0) v = 0;
  memcpy(&b, &v, sizeof b);
  return b >> 63 ? ~b : b | (uint64_t)1 << 63;
}

/* Sorts the first n keys (key[0], with their indices idx[0]) by LSD radix;
 * returns which buffer holds the result. */
static int radix(dc_ranker *rk, size_t n) {
  int cur = 0;
  for (int d = 0; d < 6; d++) {
    uint32_t *c = rk->cnt[d];
    if (!n || c[(rk->key[0][0] >> (11 * d)) & 2047] == n) continue; /* every value has this digit */
    uint32_t sum = 0;
    for (int b = 0; b < 2048; b++) {
      uint32_t t = c[b];
      c[b] = sum;
      sum += t;
    }
    const uint64_t *ks = rk->key[cur];
    const uint32_t *is = rk->idx[cur];
    uint64_t *kd = rk->key[!cur];
    uint32_t *id = rk->idx[!cur];
    for (size_t i = 0; i < n; i++) {
      uint32_t at = c[(ks[i] >> (11 * d)) & 2047]++;
      kd[at] = ks[i];
      id[at] = is[i];
    }
    cur = !cur;
  }
  return cur;
}

/* the keys of x[0..n-1] and their digits' counts; -1 on a NaN */
static int load_keys(dc_ranker *rk, const double *x, size_t n) {
  memset(rk->cnt, 0, sizeof rk->cnt);
  uint64_t *k = rk->key[0];
  uint32_t *ix = rk->idx[0];
  for (size_t i = 0; i < n; i++) {
    if (isnan(x[i])) return -1;
    uint64_t key = order_key(x[i]);
    k[i] = key;
    ix[i] = (uint32_t)i;
    for (int d = 0; d < 6; d++) rk->cnt[d][(key >> (11 * d)) & 2047]++;
  }
  return 0;
}

/* x[0..n-1] sorted into rk->val, their indices into ix, by a bucket sort:
 * nb buckets (at most twice the ranker's size), value v in bucket (v - mn)
 * * sc (an order-preserving map: x <= y puts x in the same or an earlier
 * bucket; sc is nb over the range), then one insertion pass over the whole
 * array, which finds the buckets already in order and moves values only
 * within one. Draws of a smooth distribution put a value or two in each
 * bucket, so this is a few passes, and the insertion pass's test is
 * mostly "in order" (a loop per bucket instead mispredicts its length
 * about once a bucket: twice the time). 1 when it gives up (too many moves:
 * values bunched in a few buckets; with distinct, two values tie), 0 done. */
static int bucket_sort(dc_ranker *rk, const double *x, size_t n, double mn, double sc, size_t nb, uint32_t *ix,
                       int distinct) {
  uint32_t *c = rk->bkt, *b = rk->idx[1];
  double *v = rk->val;
  memset(c, 0, (nb + 1) * sizeof *c);
  for (size_t i = 0; i < n; i++) {
    b[i] = (uint32_t)bucket_of(x[i], mn, sc, nb);
    c[b[i] + 1]++;
  }
  for (size_t q = 0; q < nb; q++) c[q + 1] += c[q];
  for (size_t i = 0; i < n; i++) {
    uint32_t at = c[b[i]]++;
    v[at] = x[i];
    ix[at] = (uint32_t)i;
  }
  size_t moves = 0;
  for (size_t i = 1; i < n; i++) {
    double t = v[i];
    if (t > v[i - 1]) continue;
    uint32_t ti = ix[i];
    size_t j = i;
    for (; j > 0 && v[j - 1] > t; j--) {
      v[j] = v[j - 1];
      ix[j] = ix[j - 1];
    }
    if (distinct && j > 0 && v[j - 1] == t) return 1;
    v[j] = t;
    ix[j] = ti;
    if ((moves += i - j) > 4 * n) return 1;
  }
  return 0;
}

/* Average ranks by bucket_sort over [min, max]; 1 when it gives up, -1 on
 * a NaN, 0 done. */
static int bucket_ranks(dc_ranker *rk, const double *x, size_t n, double *r) {
  double mn = INFINITY, mx = -INFINITY;
  for (size_t i = 0; i < n; i++) {
    if (isnan(x[i])) return -1;
    if (x[i] < mn) mn = x[i];
    if (x[i] > mx) mx = x[i];
  }
  if (!(mx > mn)) { /* all equal */
    for (size_t i = 0; i < n; i++) r[i] = 0.5 * (double)(1 + n);
    return 0;
  }
  double sc = (double)n / (mx - mn);
  if (!isfinite(sc) || !isfinite(mx - mn)) return 1;
  uint32_t *ix = rk->idx[0];
  const double *v = rk->val;
  if (bucket_sort(rk, x, n, mn, sc, n, ix, 0)) return 1;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && v[j] == v[i]) j++;
    double avg = 0.5 * (double)(i + 1 + j); /* mean of positions i+1 .. j */
    for (size_t q = i; q < j; q++) r[ix[q]] = avg;
    i = j;
  }
  return 0;
}

int dc_ranker_ranks(dc_ranker *rk, const double *x, size_t n, double *r) {
  if (n > rk->cap) return -1;
  int rc = bucket_ranks(rk, x, n, r);
  if (rc <= 0) return rc;
  if (load_keys(rk, x, n)) return -1;
  int cur = radix(rk, n);
  const uint64_t *k = rk->key[cur];
  const uint32_t *ix = rk->idx[cur];
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && k[j] == k[i]) j++;
    double avg = 0.5 * (double)(i + 1 + j); /* mean of positions i+1 .. j */
    for (size_t q = i; q < j; q++) r[ix[q]] = avg;
    i = j;
  }
  return 0;
}

int dc_ranker_unit_order(dc_ranker *rk, const double *u, size_t n, double *r, uint32_t *order) {
  if (n > rk->cap || !n) return 1;
  for (size_t i = 0; i < n; i++)
    if (!(u[i] >= 0 && u[i] < 1)) return 1;
  if (bucket_sort(rk, u, n, 0, 2 * (double)n, 2 * n, order, 1)) return 1; /* 2n buckets: few hold two */
  for (size_t i = 0; i < n; i++) r[order[i]] = (double)(i + 1);
  return 0;
}

int dc_ranker_sort(dc_ranker *rk, double *x, size_t n) {
  if (n > rk->cap || load_keys(rk, x, n)) return -1;
  int cur = radix(rk, n);
  const uint32_t *ix = rk->idx[cur];
  /* by index: -0 stays -0 (its key is +0's) */
  double *tmp = (double *)rk->key[!cur];
  for (size_t i = 0; i < n; i++) tmp[i] = x[ix[i]];
  memcpy(x, tmp, n * sizeof *x);
  return 0;
}

int dc_stats_ranks(const double *x, size_t n, double *r) {
  dc_ranker *rk = dc_ranker_new(n);
  if (!rk) return -1;
  int rc = dc_ranker_ranks(rk, x, n, r);
  dc_ranker_free(rk);
  return rc;
}

/* Pearson's r of two series, centred first (two passes: no cancellation) */
double dc_stats_pearson(const double *x, const double *y, size_t n) {
  double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < n; i++) mx += x[i], my += y[i];
  mx /= (double)n, my /= (double)n;
  for (size_t i = 0; i < n; i++) {
    double dx = x[i] - mx, dy = y[i] - my;
    sxy += dx * dy, sxx += dx * dx, syy += dy * dy;
  }
  return dc_stats_rho(sxy, sxx, syy);
}

double dc_stats_centre(const double *x, size_t n, double *dx) {
  double mx = 0, sxx = 0;
  for (size_t i = 0; i < n; i++) mx += x[i];
  mx /= (double)n;
  for (size_t i = 0; i < n; i++) {
    dx[i] = x[i] - mx;
    sxx += dx[i] * dx[i];
  }
  return sxx;
}

double dc_stats_rho(double sxy, double sxx, double syy) {
  if (sxx == 0 || syy == 0) return NAN;
  double r = sxy / sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

double dc_spearman(const double *x, const double *y, size_t n) {
  if (n < 2 || n > SIZE_MAX / (2 * sizeof(double))) return NAN;
  double *rx = malloc(2 * n * sizeof *rx);
  if (!rx) return NAN;
  double *ry = rx + n, rho = NAN;
  if (dc_stats_ranks(x, n, rx) == 0 && dc_stats_ranks(y, n, ry) == 0) rho = dc_stats_pearson(rx, ry, n);
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

int dc_stats_order_drivers(const double *rho, size_t k, size_t *order) {
  if (k > SIZE_MAX / sizeof(driver)) return -1;
  driver *d = malloc((k ? k : 1) * sizeof *d);
  if (!d) return -1;
  for (size_t j = 0; j < k; j++) d[j] = (driver){isnan(rho[j]) ? -1 : fabs(rho[j]), j};
  qsort(d, k, sizeof *d, cmp_driver);
  for (size_t j = 0; j < k; j++) order[j] = d[j].j;
  free(d);
  return 0;
}

int dc_stats_drivers(const double *x, size_t k, const double *y, size_t n, double *rho,
                     size_t *order) {
  if (n > SIZE_MAX / (2 * sizeof(double))) return -1;
  double *ry = malloc((n ? 2 * n : 1) * sizeof *ry);
  dc_ranker *rk = dc_ranker_new(n);
  int rc = ry && rk && dc_ranker_ranks(rk, y, n, ry) == 0 ? 0 : -1;
  double *rx = ry ? ry + n : NULL;
  for (size_t j = 0; rc == 0 && j < k; j++)
    /* the margin is ranked once; each input in turn */
    rho[j] = n >= 2 && dc_ranker_ranks(rk, x + j * n, n, rx) == 0 ? dc_stats_pearson(rx, ry, n) : NAN;
  if (rc == 0) rc = dc_stats_order_drivers(rho, k, order);
  free(ry);
  dc_ranker_free(rk);
  return rc;
}
