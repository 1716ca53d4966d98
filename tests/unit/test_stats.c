/* test_stats.c — cmocka tests of stdlib/stats.c: Wilson intervals against
 * values computed by hand from the formula, type-7 quantiles against NumPy
 * 1.24's np.quantile, average ranks and Spearman's rho with ties, and the
 * exact merge of sample blocks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "dist.h"
#include "random.h"
#include "stats.h"

#define Z975 1.959963984540054

static void near(double got, double want, double tol) {
  if (!(fabs(got - want) <= tol)) fail_msg("%.17g != %.17g", got, want);
}

static void wilson(void **st) {
  (void)st;
  double lo, hi;
  /* 75 of 100 at 95 %: centre (p + z²/2n) / (1 + z²/n), half-width
     z sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n), evaluated in Python */
  assert_int_equal(dc_wilson(75, 100, Z975, &lo, &hi), 0);
  near(lo, 0.656955364519384, 1e-15);
  near(hi, 0.8245478863771232, 1e-15);
  assert_int_equal(dc_wilson(0, 10, Z975, &lo, &hi), 0);
  assert_true(lo == 0);
  near(hi, 0.27753279986288915, 1e-15);
  assert_int_equal(dc_wilson(10, 10, Z975, &lo, &hi), 0);
  near(lo, 0.7224672001371109, 1e-15);
  assert_true(hi == 1);
  assert_int_equal(dc_wilson(1, 1, Z975, &lo, &hi), 0);
  near(lo, 0.20654931437723745, 1e-15);
  /* symmetric: k of n mirrors n - k */
  double lo2, hi2;
  dc_wilson(30, 1000, Z975, &lo, &hi);
  dc_wilson(970, 1000, Z975, &lo2, &hi2);
  near(lo, 1 - hi2, 1e-15);
  near(hi, 1 - lo2, 1e-15);
  assert_int_equal(dc_wilson(0, 0, Z975, &lo, &hi), -1);
  assert_int_equal(dc_wilson(11, 10, Z975, &lo, &hi), -1);
}

static void tallies_merge(void **st) {
  (void)st;
  dc_tally all = {0}, a = {0}, b = {0};
  for (int i = 0; i < 1000; i++) {
    int met = dc_random_uniform(9, (uint64_t)i, 0) < 0.75;
    dc_tally_add(&all, met);
    dc_tally_add(i < 400 ? &a : &b, met);
  }
  dc_tally_merge(&a, &b);
  assert_true(a.met == all.met && a.n == all.n && all.n == 1000);
}

/* The core of P(met) end to end: abatement uniform on [0, 200] against a
 * need of 50 is met with P = 0.75. For several seeds the estimate's 99.9 %
 * Wilson interval holds 0.75, and blocks 0:5000 + 5000:10000 give the
 * single run's counts. */
static void p_met_closed_form(void **st) {
  (void)st;
  dc_dist d;
  char err[200];
  assert_int_equal(dc_dist_make(&d, DC_DIST_UNIFORM, 100, 0, 200, NULL, NULL, err, sizeof err), 0);
  double z = dc_norm_quantile(1 - 0.001 / 2);
  for (uint64_t seed = 1; seed <= 5; seed++) {
    dc_tally all = {0}, b1 = {0}, b2 = {0};
    for (uint64_t i = 0; i < 10000; i++) {
      int met = dc_dist_quantile(&d, dc_random_uniform(seed, i, 0)) >= 50;
      dc_tally_add(&all, met);
      dc_tally_add(i < 5000 ? &b1 : &b2, met);
    }
    dc_tally_merge(&b1, &b2);
    assert_true(b1.met == all.met && b1.n == all.n);
    double lo, hi;
    assert_int_equal(dc_wilson(all.met, all.n, z, &lo, &hi), 0);
    if (!(lo <= 0.75 && 0.75 <= hi)) fail_msg("seed %llu: P = %g, interval [%g, %g]", (unsigned long long)seed, (double)all.met / all.n, lo, hi);
  }
}

static void quantiles_as_numpy(void **st) {
  (void)st;
  /* np.quantile(x, p) with NumPy 1.24 (method "linear", Hyndman-Fan 7) */
  double x[] = {3.5, -1.25, 7.0, 2.0, 2.0, 10.5, 0.125, 4.75, 6.0, -3.0, 8.25};
  static const double want[][2] = {{0, -3.0},    {0.05, -2.125}, {0.25, 1.0625},
                                   {0.5, 3.5},   {0.75, 6.5},    {0.95, 9.375},
                                   {1.0, 10.5},  {0.999, 10.477500000000001}};
  size_t n = sizeof x / sizeof *x;
  assert_int_equal(dc_stats_sort(x, n), 0);
  for (size_t i = 0; i < sizeof want / sizeof *want; i++)
    if (dc_quantile_sorted(x, n, want[i][0]) != want[i][1])
      fail_msg("p = %g: %.17g, NumPy %.17g", want[i][0], dc_quantile_sorted(x, n, want[i][0]), want[i][1]);
  double one = 4;
  assert_true(dc_quantile_sorted(&one, 1, 0.3) == 4);
  assert_true(isnan(dc_quantile_sorted(x, n, 1.5)) && isnan(dc_quantile_sorted(x, 0, 0.5)));
  double withnan[] = {1, NAN, 2};
  assert_int_equal(dc_stats_sort(withnan, 3), -1);
}

/* 10,000 samples in one run, or as blocks 0:5000 + 5000:10000, or in three
 * uneven blocks: the merged values and quantiles are the same bits */
static void blocks_merge_exactly(void **st) {
  (void)st;
  static const double ps[] = {0.05, 0.25, 0.5, 0.75, 0.95};
  double q1[5], q2[5], q3[5];
  dc_samples one = {0}, merged = {0}, three = {0};
  for (uint64_t i = 0; i < 10000; i++) assert_int_equal(dc_samples_push(&one, dc_random_uniform(5, i, 1)), 0);
  dc_samples b1 = {.first = 0}, b2 = {.first = 5000};
  for (uint64_t i = 0; i < 5000; i++) dc_samples_push(&b1, dc_random_uniform(5, i, 1));
  for (uint64_t i = 5000; i < 10000; i++) dc_samples_push(&b2, dc_random_uniform(5, i, 1));
  assert_int_equal(dc_samples_merge(&merged, &b1), 0);
  assert_int_equal(dc_samples_merge(&merged, &b2), 0);
  assert_int_equal(merged.n, 10000);
  assert_memory_equal(merged.v, one.v, 10000 * sizeof(double));
  const uint64_t cut[] = {0, 17, 6001, 10000};
  for (int k = 0; k < 3; k++) {
    dc_samples b = {.first = cut[k]};
    for (uint64_t i = cut[k]; i < cut[k + 1]; i++) dc_samples_push(&b, dc_random_uniform(5, i, 1));
    assert_int_equal(dc_samples_merge(&three, &b), 0);
    dc_samples_free(&b);
  }
  assert_int_equal(dc_samples_quantiles(&one, ps, 5, q1), 0);
  assert_int_equal(dc_samples_quantiles(&merged, ps, 5, q2), 0);
  assert_int_equal(dc_samples_quantiles(&three, ps, 5, q3), 0);
  assert_memory_equal(q1, q2, sizeof q1);
  assert_memory_equal(q1, q3, sizeof q1);
  near(q1[2], 0.5, 0.02); /* uniforms: the median near 1/2 */
  /* blocks that do not meet are refused and leave the target alone */
  dc_samples gap = {.first = 10001};
  dc_samples_push(&gap, 1.0);
  assert_int_equal(dc_samples_merge(&merged, &gap), -1);
  assert_int_equal(merged.n, 10000);
  assert_int_equal(dc_samples_merge(&merged, &b1), -1); /* overlaps */
  double bad = 2;
  assert_int_equal(dc_samples_quantiles(&one, &bad, 1, q1), -1);
  dc_samples empty = {0};
  assert_int_equal(dc_samples_quantiles(&empty, ps, 5, q1), -1);
  dc_samples_free(&one), dc_samples_free(&merged), dc_samples_free(&three);
  dc_samples_free(&b1), dc_samples_free(&b2), dc_samples_free(&gap);
  assert_null(one.v);
}

static void ranks_and_spearman(void **st) {
  (void)st;
  double a[] = {1, 2, 2, 3, 5, 5, 5, 8, 9, 10}, b[] = {2, 1, 4, 4, 6, 3, 9, 9, 8, 12};
  double ra[10], rb[10];
  static const double want_a[] = {1, 2.5, 2.5, 4, 6, 6, 6, 8, 9, 10};
  static const double want_b[] = {2, 1, 4.5, 4.5, 6, 3, 8.5, 8.5, 7, 10};
  assert_int_equal(dc_stats_ranks(a, 10, ra), 0);
  assert_int_equal(dc_stats_ranks(b, 10, rb), 0);
  assert_memory_equal(ra, want_a, sizeof ra);
  assert_memory_equal(rb, want_b, sizeof rb);
  /* numpy.corrcoef of the average ranks above */
  near(dc_spearman(a, b, 10), 0.8328532615141301, 1e-15);
  /* any increasing map gives 1, a decreasing one -1 */
  double x[50], y[50], z[50];
  for (int i = 0; i < 50; i++) {
    x[i] = dc_random_uniform(3, (uint64_t)i, 0);
    y[i] = exp(5 * x[i]);
    z[i] = -x[i] * x[i] * x[i];
  }
  near(dc_spearman(x, y, 50), 1, 1e-15);
  near(dc_spearman(x, z, 50), -1, 1e-15);
  double c[] = {1, 1, 1};
  assert_true(isnan(dc_spearman(c, a, 3)));
  assert_true(isnan(dc_spearman(a, b, 1)));
  double n[] = {1, NAN, 3};
  assert_true(isnan(dc_spearman(n, a, 3)));
}

/* independent draws: rho near 0, within 4 / sqrt(n) */
static void spearman_of_independent_draws(void **st) {
  (void)st;
  enum { N = 5000 };
  static double x[N], y[N];
  for (uint64_t i = 0; i < N; i++) x[i] = dc_random_uniform(11, i, 0), y[i] = dc_random_uniform(11, i, 1);
  assert_true(fabs(dc_spearman(x, y, N)) < 4 / sqrt((double)N));
}

/* the margin = 3 x0 - x1 + a little x3; x2 does not enter and x4 is constant:
 * the order is x0, x1, x3, x2, x4, with the signs of the effects */
static void drivers_ranked(void **st) {
  (void)st;
  enum { N = 4000, K = 5 };
  static double x[K * N], y[N];
  double rho[K];
  size_t order[K];
  for (uint64_t i = 0; i < N; i++) {
    for (uint64_t j = 0; j < K; j++) x[j * N + i] = j == 4 ? 1 : dc_random_uniform(21, i, j);
    y[i] = 3 * x[i] - x[N + i] + 0.3 * x[3 * N + i];
  }
  assert_int_equal(dc_stats_drivers(x, K, y, N, rho, order), 0);
  static const size_t want[K] = {0, 1, 3, 2, 4};
  assert_memory_equal(order, want, sizeof want);
  assert_true(rho[0] > 0.8 && rho[1] < -0.2 && rho[3] > 0.05);
  assert_true(fabs(rho[2]) < 4 / sqrt((double)N) && isnan(rho[4]));
  near(rho[0], dc_spearman(x, y, N), 0); /* the same figure as one by one */
  y[7] = NAN;
  assert_int_equal(dc_stats_drivers(x, K, y, N, rho, order), -1);
}

/* The ranker (bucket sort, radix sort when values bunch) and the
 * selection quantiles against the definitions: average ranks counted by
 * brute force, quantiles of a fully sorted copy; on smooth draws, heavy
 * tails (the radix fallback), few distinct values (ties), signed zeros and
 * infinities. */
static void ranker_and_selection(void **st) {
  (void)st;
  enum { NN = 700 };
  static double x[NN], r[NN], sorted[NN], sel[NN];
  dc_ranker *rk = dc_ranker_new(NN);
  assert_non_null(rk);
  uint64_t z = 88172645463325252u;
  for (int shape = 0; shape < 6; shape++) {
    for (int i = 0; i < NN; i++) {
      z ^= z << 13, z ^= z >> 7, z ^= z << 17;
      double u = (double)(z >> 11) * 0x1p-53;
      x[i] = shape == 0 ? u * 10 - 3
             : shape == 1 ? exp(40 * u)              /* heavy tail: buckets bunch */
             : shape == 2 ? floor(u * 5) + 2020      /* years: ties */
             : shape == 3 ? (i % 3 == 0 ? 0.0 : i % 3 == 1 ? -0.0 : u)
             : shape == 4 ? (i == 5 ? INFINITY : i == 9 ? -INFINITY : u)
                          : 7.5;                     /* constant */
    }
    int n = shape == 4 ? 300 : NN;
    int rc = dc_ranker_ranks(rk, x, (size_t)n, r);
    assert_int_equal(rc, 0);
    for (int i = 0; i < n; i++) {
      int less = 0, eq = 0;
      for (int j = 0; j < n; j++) less += x[j] < x[i], eq += x[j] == x[i];
      double want = less + 0.5 * (eq + 1);
      if (r[i] != want) fail_msg("shape %d, value %d: rank %g, want %g", shape, i, r[i], want);
    }
    memcpy(sorted, x, sizeof x);
    assert_int_equal(dc_stats_sort(sorted, (size_t)n), 0);
    memcpy(sel, x, sizeof x);
    double ps[5] = {0.05, 0.25, 0.5, 0.75, 0.95}, q[5];
    assert_int_equal(dc_stats_quantiles(sel, (size_t)n, ps, 5, q), 0);
    for (int k = 0; k < 5; k++) {
      double want = dc_quantile_sorted(sorted, (size_t)n, ps[k]);
      if (want != 0) assert_memory_equal(&q[k], &want, sizeof want); /* the same bits */
      else assert_true(q[k] == 0); /* -0 or +0: equal values in either order */
    }
    memcpy(sel, x, sizeof x);
    assert_int_equal(dc_ranker_sort(rk, sel, (size_t)n), 0);
    for (int i = 0; i < n; i++) assert_true(sel[i] == sorted[i]);
  }
  x[3] = NAN;
  assert_int_equal(dc_ranker_ranks(rk, x, NN, r), -1);
  assert_int_equal(dc_ranker_ranks(rk, x, NN + 1, r), -1); /* beyond its size */
  dc_ranker_free(rk);
}

/* The quantiles of many sizes and shapes, as the bucket counts find them
 * (smooth values), as selection does (bunched ones, ties), bit for bit
 * those of a sorted copy, at the ends and between: sums of uniforms, a
 * lognormal-like tail, a far outlier, values on a grid (ties within a
 * wanted bucket), positions 0 and n - 1. */
static void quantiles_by_buckets(void **st) {
  (void)st;
  enum { NMAX = 12000 };
  static double x[NMAX], sorted[NMAX], sel[NMAX];
  const size_t sizes[] = {255, 256, 257, 1000, 4097, 10000, NMAX};
  const double ps[8] = {0, 0.001, 0.05, 0.25, 0.5, 0.75, 0.999, 1};
  uint64_t z = 0x9E3779B97F4A7C15u;
  for (size_t si = 0; si < sizeof sizes / sizeof *sizes; si++)
    for (int shape = 0; shape < 5; shape++) {
      size_t n = sizes[si];
      for (size_t i = 0; i < n; i++) {
        double u[3];
        for (int k = 0; k < 3; k++) {
          z ^= z << 13, z ^= z >> 7, z ^= z << 17;
          u[k] = ((double)(z >> 11) + 0.5) * 0x1p-53;
        }
        double t = u[0] + u[1] + u[2];
        x[i] = shape == 0 ? 310000 + 4000 * t
               : shape == 1 ? exp(3 * t)
               : shape == 2 ? (i == n / 2 ? 1e12 : t)     /* one outlier: the rest bunch */
               : shape == 3 ? floor(t * 40) / 8            /* a grid: ties */
                            : -250 + 0.001 * u[0];
      }
      memcpy(sorted, x, n * sizeof *x);
      assert_int_equal(dc_stats_sort(sorted, n), 0);
      memcpy(sel, x, n * sizeof *x);
      double q[8];
      assert_int_equal(dc_stats_quantiles(sel, n, ps, 8, q), 0);
      for (int k = 0; k < 8; k++) {
        double want = dc_quantile_sorted(sorted, n, ps[k]);
        if (memcmp(&q[k], &want, sizeof want) != 0)
          fail_msg("n %zu, shape %d, p %g: %.17g, sorted %.17g", n, shape, ps[k], q[k], want);
      }
    }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(wilson),
    cmocka_unit_test(tallies_merge),
    cmocka_unit_test(p_met_closed_form),
    cmocka_unit_test(quantiles_as_numpy),
    cmocka_unit_test(blocks_merge_exactly),
    cmocka_unit_test(ranks_and_spearman),
    cmocka_unit_test(spearman_of_independent_draws),
    cmocka_unit_test(drivers_ranked),
    cmocka_unit_test(ranker_and_selection),
    cmocka_unit_test(quantiles_by_buckets),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
