/* test_seek.c — cmocka tests of stdlib/seek.c against closed-form
 * functions: roots to the relative tolerance on the met side, evaluation
 * counts, a step (bisection's case), expansion, unreachable, always met,
 * not monotone, failure, the evaluation limit and bad ranges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>

#include "seek.h"

static int calls;
static double linear(double x, void *c) { (void)c; calls++; return 2 * x - 3; }
static double falling_cube(double x, void *c) { (void)c; calls++; return 5 - x * x * x; }
static double square(double x, void *c) { (void)c; calls++; return x * x - 2; }
static double step(double x, void *c) { (void)c; calls++; return x >= 0.37 ? 1 : -1; }
static double shifted(double x, void *c) { return x - *(double *)c; }
static double parabola(double x, void *c) { (void)c; return (x - 3) * (x - 3) - 1; }
static double fails(double x, void *c) { (void)c; return x > 4 ? NAN : x - 6; }
/* a plan-like margin: abatement ramps in with the scale, need 50 of 200 */
static double margin(double s, void *c) { (void)c; calls++; return 200 * s * (1 - exp(-3 * s)) / (1 - exp(-3.0)) - 50; }

static void found_within(dc_seek_fn f, void *ctx, double lo, double hi, double root, int max_calls) {
  dc_seek_result r;
  calls = 0;
  assert_int_equal(dc_seek(f, ctx, lo, hi, NULL, &r), DC_SEEK_FOUND);
  if (!(fabs(r.x - root) <= 1e-6 * fabs(root) + 1e-9))
    fail_msg("x = %.17g, root %.17g", r.x, root);
  assert_true(r.fx >= 0); /* the met side */
  assert_true(r.fx == f(r.x, ctx));
  if (ctx == NULL) assert_int_equal(r.evals, calls - 1); /* the check above called once more */
  if (r.evals > max_calls) fail_msg("%d evaluations (at most %d expected)", r.evals, max_calls);
  printf("    seek: root %.9g in %d evaluations\n", root, r.evals);
}

static void closed_form_roots(void **st) {
  (void)st;
  found_within(linear, NULL, 0, 10, 1.5, 12);
  found_within(falling_cube, NULL, 0, 3, cbrt(5), 20);
  found_within(square, NULL, 0, 4, sqrt(2), 20);
  found_within(margin, NULL, 0, 1, 0.3598126943452146, 20); /* by 200 bisections in Python */
  double at = 1e-3; /* near 0: the relative tolerance still holds */
  found_within(shifted, &at, 0, 10, 1e-3, 60);
  double zero = 0;
  dc_seek_result r;
  assert_int_equal(dc_seek(shifted, &zero, -1, 1, NULL, &r), DC_SEEK_FOUND);
  assert_true(r.x >= 0 && r.x < 1e-11);
}

static void step_bisects(void **st) {
  (void)st;
  dc_seek_result r;
  calls = 0;
  assert_int_equal(dc_seek(step, NULL, 0, 10, NULL, &r), DC_SEEK_FOUND);
  assert_true(r.x >= 0.37 && r.x - 0.37 <= 1e-6 * 0.37 + 1e-11);
  assert_true(r.evals < 100);
  /* the same function twice: the same calls, the same bits */
  dc_seek_result again;
  dc_seek(step, NULL, 0, 10, NULL, &again);
  assert_true(again.x == r.x && again.evals == r.evals);
  /* a small budget runs out: LIMIT with the best met end so far */
  dc_seek_opts o = {.max_evals = 8};
  assert_int_equal(dc_seek(step, NULL, 0, 10, &o, &r), DC_SEEK_LIMIT);
  assert_int_equal(r.evals, 8);
  assert_true(r.x >= 0.37 && r.fx == 1);
}

static void unreachable_and_expansion(void **st) {
  (void)st;
  double at = 20;
  dc_seek_result r;
  assert_int_equal(dc_seek(shifted, &at, 0, 10, NULL, &r), DC_SEEK_UNREACHABLE);
  assert_true(r.f_lo == -20 && r.f_hi == -10 && r.hi == 10);
  assert_int_equal(r.evals, 5);
  assert_string_equal(dc_seek_status_name(r.status), "unreachable");
  /* allowed to grow to 100: 20 is met exactly, the first point tried past 10 */
  dc_seek_opts o = {.hi_max = 100};
  assert_int_equal(dc_seek(shifted, &at, 0, 10, &o, &r), DC_SEEK_FOUND);
  assert_true(r.x == 20 && r.hi == 20 && r.evals == 6);
  at = 30; /* then [0, 40], bracket [20, 40] */
  assert_int_equal(dc_seek(shifted, &at, 0, 10, &o, &r), DC_SEEK_FOUND);
  assert_true(fabs(r.x - 30) <= 30e-6 && r.x >= 30 && r.hi == 40);
  /* growth stops at hi_max */
  o.hi_max = 15, at = 20;
  assert_int_equal(dc_seek(shifted, &at, 0, 10, &o, &r), DC_SEEK_UNREACHABLE);
  assert_true(r.hi == 15 && r.f_hi == -5);
  /* a falling margin is not expanded upwards */
  at = -1;
  assert_int_equal(dc_seek(falling_cube, NULL, 2, 3, &o, &r), DC_SEEK_UNREACHABLE);
  assert_true(r.hi == 3);
  /* met everywhere */
  assert_int_equal(dc_seek(shifted, &at, 0, 10, NULL, &r), DC_SEEK_ALWAYS_MET);
  assert_true(r.x == 0 && r.fx == 1);
}

static void not_monotone(void **st) {
  (void)st;
  dc_seek_result r;
  assert_int_equal(dc_seek(parabola, NULL, 0, 10, NULL, &r), DC_SEEK_NOT_MONOTONE);
  /* probes 0, 2.5, 5: f 8, -0.75, 3 — the middle one is below both */
  assert_true(r.bad[0].x == 0 && r.bad[1].x == 2.5 && r.bad[2].x == 5);
  assert_true(r.bad[1].f < r.bad[0].f && r.bad[1].f < r.bad[2].f);
  assert_string_equal(dc_seek_status_name(r.status), "not monotone");
}

static void failures_and_bad_ranges(void **st) {
  (void)st;
  dc_seek_result r;
  assert_int_equal(dc_seek(fails, NULL, 0, 10, NULL, &r), DC_SEEK_FAILED);
  assert_true(r.x == 5 && isnan(r.fx));
  assert_int_equal(dc_seek(linear, NULL, 1, 1, NULL, &r), DC_SEEK_BAD_RANGE);
  assert_int_equal(dc_seek(linear, NULL, 2, 1, NULL, &r), DC_SEEK_BAD_RANGE);
  assert_int_equal(dc_seek(linear, NULL, NAN, 1, NULL, &r), DC_SEEK_BAD_RANGE);
  assert_int_equal(dc_seek(linear, NULL, 0, INFINITY, NULL, &r), DC_SEEK_BAD_RANGE);
  dc_seek_opts o = {.probes = 1};
  assert_int_equal(dc_seek(linear, NULL, 0, 1, &o, &r), DC_SEEK_BAD_RANGE);
  o = (dc_seek_opts){.max_evals = DC_SEEK_MAX_EVALS + 1};
  assert_int_equal(dc_seek(linear, NULL, 0, 1, &o, &r), DC_SEEK_BAD_RANGE);
  o = (dc_seek_opts){.rtol = -1};
  assert_int_equal(dc_seek(linear, NULL, 0, 1, &o, &r), DC_SEEK_BAD_RANGE);
  assert_int_equal(r.evals, 0);
  assert_string_equal(dc_seek_status_name(DC_SEEK_BAD_RANGE), "bad range");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(closed_form_roots),
    cmocka_unit_test(step_bisects),
    cmocka_unit_test(unreachable_and_expansion),
    cmocka_unit_test(not_monotone),
    cmocka_unit_test(failures_and_bad_ranges),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
