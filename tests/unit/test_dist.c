/* test_dist.c — cmocka tests of stdlib/dist.c: Φ^-1 against published
 * values, the round trip through Φ, each distribution's quantiles in closed
 * form, moments and a Kolmogorov-Smirnov check of draws through the
 * generator, and every refusal with its message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dist.h"
#include "random.h"

static void near_rel(double got, double want, double rel) {
  if (!(fabs(got - want) <= rel * fabs(want) + 1e-300))
    fail_msg("%.17g != %.17g (rel %g)", got, want, rel);
}

/* ---- the standard normal ---- */

static void norm_quantile_published(void **st) {
  (void)st;
  /* Φ^-1 to 16 digits: 1.959963984540054 and 1.6448536269514722 as published
     (R's qnorm, SciPy's ndtri); the others from Python 3.11's
     statistics.NormalDist.inv_cdf, itself AS 241, so the tails are also
     checked by the round trip below */
  static const double table[][2] = {
    {0.975, 1.959963984540054},      {0.95, 1.6448536269514722},
    {0.025, -1.959963984540054},     {0.05, -1.6448536269514722},
    {0.999, 3.090232306167813},      {0.3, -0.5244005127080407},
    {0.02425, -1.9729610513118845},  {0.97575, 1.9729610513118847},
    {0.8413447460685429, 1.0},       {1e-10, -6.361340902404056},
    {1e-20, -9.262340089798408},     {1e-300, -37.0470962993612},
    {1 - 1e-12, 7.0344869100478356},
  };
  for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
    double rel = table[i][0] < 1e-5 || table[i][0] > 1 - 1e-5 ? 1e-13 : 2e-15;
    near_rel(dc_norm_quantile(table[i][0]), table[i][1], rel);
  }
  assert_true(dc_norm_quantile(0.5) == 0);
  assert_true(dc_norm_quantile(0) == -INFINITY);
  assert_true(dc_norm_quantile(1) == INFINITY);
  assert_true(isnan(dc_norm_quantile(-0.1)));
  assert_true(isnan(dc_norm_quantile(1.5)));
  assert_true(isnan(dc_norm_quantile(NAN)));
  assert_true(isfinite(dc_norm_quantile(DBL_TRUE_MIN)));
  assert_true(dc_norm_quantile(DBL_TRUE_MIN) < -38);
  near_rel(DC_Z95, dc_norm_quantile(0.95), 2e-15);
}

/* Φ(Φ^-1(p)) = p from 1e-300 up, to what the condition allows: an error of
 * k ulps in x moves Φ by about k ulps times x^2 relatively (8 ulps here);
 * and Φ^-1 is odd and strictly increasing on a fine grid */
static void norm_round_trip(void **st) {
  (void)st;
  for (double p = 1e-300; p < 0.5; p *= 1.7) {
    double x = dc_norm_quantile(p);
    near_rel(dc_norm_cdf(x), p, 8 * DBL_EPSILON * (1 + x * x));
  }
  double prev = -INFINITY;
  for (int i = 1; i < 100000; i++) {
    double p = i / 100000.0, x = dc_norm_quantile(p);
    if (!(x > prev)) fail_msg("not increasing at p = %g", p);
    prev = x;
    if (p >= 0.5) assert_true(x == -dc_norm_quantile(1 - p)); /* 1 - p exact here */
    near_rel(dc_norm_cdf(x), p, 8 * DBL_EPSILON * (1 + x * x));
  }
}

/* ---- making distributions ---- */

static dc_dist make(dc_dist_kind k, double c, double lo, double hi) {
  dc_dist d;
  char err[300];
  if (dc_dist_make(&d, k, c, lo, hi, NULL, NULL, err, sizeof err) < 0) fail_msg("%s", err);
  return d;
}

static void refuse(dc_dist_kind k, double c, double lo, double hi, const char *msg) {
  dc_dist d;
  char err[300];
  assert_int_equal(dc_dist_make(&d, k, c, lo, hi, NULL, NULL, err, sizeof err), -1);
  assert_string_equal(err, msg);
}

static void refusals(void **st) {
  (void)st;
  refuse(DC_DIST_TRIANGULAR, 100, 130, 150,
         "low = 130 is above CENTRAL 100: give low <= CENTRAL <= high");
  refuse(DC_DIST_UNIFORM, 100, 80, 90, "high = 90 is below CENTRAL 100: give low <= CENTRAL <= high");
  refuse(DC_DIST_TRIANGULAR, NAN, 0, 1,
         "CENTRAL, low and high must be finite (got nan, low = 0, high = 1)");
  refuse(DC_DIST_UNIFORM, 1, 0, INFINITY,
         "CENTRAL, low and high must be finite (got 1, low = 0, high = inf)");
  refuse(DC_DIST_NORMAL, 100, 80, 130,
         "a normal needs low and high about equally far from CENTRAL (got low = 80, CENTRAL "
         "100, high = 130; the distances may differ by 5 %): use dist = \"triangular\" or "
         "\"lognormal\" for a skewed range");
  refuse(DC_DIST_LOGNORMAL, 1, 0, 2,
         "a lognormal needs low > 0 (got low = 0): use dist = \"triangular\" or \"normal\" for "
         "a range that reaches 0 or below");
  refuse(DC_DIST_LOGNORMAL, 150, 50, 200,
         "a lognormal's CENTRAL is its median, the geometric mean of low and high (here 100, "
         "got CENTRAL 150; they may differ by 5 % in logs): change CENTRAL or use dist = "
         "\"triangular\"");
  dc_dist d;
  char err[200];
  assert_int_equal(dc_dist_make_sd(&d, 100, -5, NULL, NULL, err, sizeof err), -1);
  assert_string_equal(err, "sd must be a finite value >= 0 (got sd = -5)");
  assert_int_equal(dc_dist_make_sd(&d, 100, NAN, NULL, NULL, err, sizeof err), -1);
  assert_int_equal(dc_dist_make(&d, DC_DIST_NKINDS, 1, 0, 2, NULL, NULL, err, sizeof err), -1);
  assert_string_equal(err, "unknown distribution");
  /* the symmetry allowance: 19.5 below and 20 above differ by 0.5, within 5 % of
     their mean 19.75; 19 and 20 differ by 1, more than 5 % of 19.5 */
  assert_int_equal(dc_dist_make(&d, DC_DIST_NORMAL, 100, 80.5, 120, NULL, NULL, err, sizeof err), 0);
  assert_int_equal(dc_dist_make(&d, DC_DIST_NORMAL, 100, 81, 120, NULL, NULL, err, sizeof err), -1);
}

/* the caller's formatter writes the values of a message */
static size_t in_mw(char *buf, size_t size, double v, void *ctx) {
  return (size_t)snprintf(buf, size, "%g %s", v / 1e6, (const char *)ctx);
}

static void messages_use_the_formatter(void **st) {
  (void)st;
  dc_dist d;
  char err[200];
  assert_int_equal(dc_dist_make(&d, DC_DIST_TRIANGULAR, 5e6, 6e6, 7e6, in_mw, "MW", err, sizeof err), -1);
  assert_string_equal(err, "low = 6 MW is above CENTRAL 5 MW: give low <= CENTRAL <= high");
}

static void names(void **st) {
  (void)st;
  dc_dist_kind k;
  for (int i = 0; i < DC_DIST_NKINDS; i++) {
    assert_int_equal(dc_dist_parse(dc_dist_name((dc_dist_kind)i), &k), 0);
    assert_int_equal(k, i);
  }
  assert_int_equal(dc_dist_parse("Normal", &k), -1);
  assert_int_equal(dc_dist_parse("gauss", &k), -1);
  assert_string_equal(dc_dist_name(DC_DIST_NKINDS), "?");
}

/* ---- quantiles in closed form ---- */

static void closed_form_quantiles(void **st) {
  (void)st;
  dc_dist t = make(DC_DIST_TRIANGULAR, 100, 80, 130);
  near_rel(dc_dist_quantile(&t, 0), 80, 0);
  near_rel(dc_dist_quantile(&t, 1), 130, 0);
  near_rel(dc_dist_quantile(&t, 0.4), 100, 1e-15); /* F(mode) = 20/50 */
  near_rel(dc_dist_quantile(&t, 0.1), 80 + sqrt(0.1 * 50 * 20), 1e-15);
  near_rel(dc_dist_quantile(&t, 0.9), 130 - sqrt(0.1 * 50 * 30), 1e-15);
  dc_dist u = make(DC_DIST_UNIFORM, 100, 0, 200);
  near_rel(dc_dist_quantile(&u, 0.25), 50, 0);
  near_rel(dc_dist_quantile(&u, 1), 200, 0);
  dc_dist n = make(DC_DIST_NORMAL, 100, 80, 120);
  near_rel(dc_dist_quantile(&n, 0.05), 80, 1e-14);
  near_rel(dc_dist_quantile(&n, 0.95), 120, 1e-14);
  assert_true(dc_dist_quantile(&n, 0.5) == 100);
  near_rel(n.sigma, 20 / DC_Z95, 1e-15);
  assert_true(isnan(dc_dist_quantile(&n, 0)));
  assert_true(isnan(dc_dist_quantile(&n, 1)));
  dc_dist l = make(DC_DIST_LOGNORMAL, 100, 50, 200);
  near_rel(dc_dist_quantile(&l, 0.05), 50, 1e-14);
  near_rel(dc_dist_quantile(&l, 0.95), 200, 1e-14);
  near_rel(dc_dist_quantile(&l, 0.5), 100, 1e-15);
  dc_dist s;
  char err[100];
  assert_int_equal(dc_dist_make_sd(&s, 10, 2, NULL, NULL, err, sizeof err), 0);
  near_rel(dc_dist_quantile(&s, 0.975), 10 + 2 * 1.959963984540054, 1e-15);
  near_rel(s.low, 10 - 2 * DC_Z95, 1e-15);
  /* degenerate ranges: always CENTRAL */
  dc_dist z = make(DC_DIST_TRIANGULAR, 7, 7, 7), zn = make(DC_DIST_LOGNORMAL, 7, 7, 7);
  assert_true(dc_dist_quantile(&z, 0.3) == 7 && dc_dist_quantile(&zn, 0.3) == 7);
  assert_int_equal(dc_dist_make_sd(&s, 10, 0, NULL, NULL, err, sizeof err), 0);
  assert_true(dc_dist_quantile(&s, 0.01) == 10);
  /* a mode at a bound */
  dc_dist edge = make(DC_DIST_TRIANGULAR, 0, 0, 10);
  near_rel(dc_dist_quantile(&edge, 0.75), 10 - sqrt(0.25 * 100), 1e-15);
  assert_true(isnan(dc_dist_quantile(&t, -0.01)) && isnan(dc_dist_quantile(&t, 1.01)));
}

/* ---- draws through the generator ---- */

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* N draws at a fixed seed: sample mean within 5 standard errors of the
 * mean, variance within 5 %, and the Kolmogorov-Smirnov distance below
 * 1.95 / sqrt(N) (its 99.9 % critical value) */
static void check_draws(const dc_dist *d, uint64_t seed) {
  enum { N = 50000 };
  static double x[N];
  double sum = 0, sum2 = 0;
  for (uint64_t i = 0; i < N; i++) {
    x[i] = dc_dist_quantile(d, dc_random_uniform(seed, i, 3));
    sum += x[i];
    sum2 += x[i] * x[i];
  }
  double m = sum / N, v = (sum2 - sum * m) / (N - 1);
  double em = dc_dist_mean(d), ev = dc_dist_variance(d);
  if (fabs(m - em) > 5 * sqrt(ev / N)) fail_msg("%s: mean %g, expected %g", dc_dist_name(d->kind), m, em);
  if (fabs(v / ev - 1) > 0.05) fail_msg("%s: variance %g, expected %g", dc_dist_name(d->kind), v, ev);
  qsort(x, N, sizeof *x, cmp);
  double ks = 0;
  for (size_t i = 0; i < N; i++) {
    double F = dc_dist_cdf(d, x[i]);
    ks = fmax(ks, fmax(F - (double)i / N, (double)(i + 1) / N - F));
  }
  if (ks > 1.95 / sqrt((double)N)) fail_msg("%s: KS distance %g", dc_dist_name(d->kind), ks);
}

static void draws_follow_the_distribution(void **st) {
  (void)st;
  dc_dist ds[] = {make(DC_DIST_TRIANGULAR, 100, 80, 130), make(DC_DIST_UNIFORM, 50, 0, 200),
                  make(DC_DIST_NORMAL, 100, 80, 120), make(DC_DIST_LOGNORMAL, 100, 50, 200),
                  make(DC_DIST_TRIANGULAR, 10, 0, 10)};
  for (size_t i = 0; i < sizeof ds / sizeof *ds; i++) {
    check_draws(&ds[i], 1);
    check_draws(&ds[i], 987654321);
  }
}

static void cdf_inverts_quantile(void **st) {
  (void)st;
  dc_dist ds[] = {make(DC_DIST_TRIANGULAR, 100, 80, 130), make(DC_DIST_UNIFORM, 50, 0, 200),
                  make(DC_DIST_NORMAL, 100, 80, 120), make(DC_DIST_LOGNORMAL, 100, 50, 200)};
  for (size_t i = 0; i < sizeof ds / sizeof *ds; i++)
    for (double u = 0.001; u < 1; u += 0.0137) {
      double F = dc_dist_cdf(&ds[i], dc_dist_quantile(&ds[i], u));
      if (fabs(F - u) > 1e-12) fail_msg("%s: F(Q(%g)) = %.17g", dc_dist_name(ds[i].kind), u, F);
    }
}

/* many at once: the values of one at a time, bit for bit (NaN outside) */
static void quantiles_in_batch(void **st) {
  (void)st;
  dc_dist d[5];
  char err[200];
  assert_int_equal(dc_dist_make(&d[0], DC_DIST_TRIANGULAR, 100, 80, 130, NULL, NULL, err, sizeof err), 0);
  assert_int_equal(dc_dist_make(&d[1], DC_DIST_TRIANGULAR, 80, 80, 130, NULL, NULL, err, sizeof err), 0);
  assert_int_equal(dc_dist_make(&d[2], DC_DIST_UNIFORM, 1, 0, 2, NULL, NULL, err, sizeof err), 0);
  assert_int_equal(dc_dist_make(&d[3], DC_DIST_NORMAL, 100, 80, 120, NULL, NULL, err, sizeof err), 0);
  assert_int_equal(dc_dist_make(&d[4], DC_DIST_TRIANGULAR, 5, 5, 5, NULL, NULL, err, sizeof err), 0);
  double u[1003];
  for (int k = 0; k < 1000; k++) u[k] = (k + 0.5) / 1000;
  u[1000] = 0, u[1001] = 1, u[1002] = -0.5;
  for (int i = 0; i < 5; i++) {
    double v[1003];
    memcpy(v, u, sizeof u);
    dc_dist_quantiles(&d[i], v, 1003);
    for (int k = 0; k < 1003; k++) {
      double w = dc_dist_quantile(&d[i], u[k]);
      if (isnan(w) ? !isnan(v[k]) : memcmp(&w, &v[k], sizeof w) != 0)
        fail_msg("dist %d, u = %g: %.17g, one at a time %.17g", i, u[k], v[k], w);
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(norm_quantile_published),
    cmocka_unit_test(norm_round_trip),
    cmocka_unit_test(refusals),
    cmocka_unit_test(messages_use_the_formatter),
    cmocka_unit_test(names),
    cmocka_unit_test(closed_form_quantiles),
    cmocka_unit_test(draws_follow_the_distribution),
    cmocka_unit_test(cdf_inverts_quantile),
    cmocka_unit_test(quantiles_in_batch),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
