/* test_result.c — cmocka tests of dc_result (stdlib/result.c): the result
 * owns its memory and outlives the plan that made it, and of the shortest
 * round-trip number formatter (stdlib/fmt.c) against strtod. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "result.h"

static const dc_dims EMIS = {{[DC_DIM_CO2] = 1, [DC_DIM_TIME] = -1}};

static dc_plan *make_plan(int nscen) {
  dc_plan *p = dc_plan_new("R", 2020, 2022);
  double bau[3] = {10, 11, 12};
  assert_int_equal(dc_plan_sector(p, "all", bau, EMIS, NULL, "book"), 0);
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = "at most 11";
  t.kind = DC_TARGET_AT_MOST;
  t.by = 2022;
  t.from = DC_PLAN_NOYEAR;
  t.bound = 11;
  t.bound_dims = EMIS;
  assert_int_equal(dc_plan_target(p, &t), 0);
  for (int i = 0; i < nscen; i++) {
    char nm[16];
    snprintf(nm, sizeof nm, "s%d", i);
    assert_true(dc_plan_scenario(p, nm) >= 0);
  }
  for (size_t s = 0; s < dc_plan_nscenarios(p); s++) assert_int_equal(dc_plan_evaluate(p, (int)s, NULL, NULL), 0);
  return p;
}

static void where(void *ctx, int t, const char **file, int *line) {
  (void)ctx;
  *file = "plan.lua";
  *line = 40 + t;
}

static void test_outlives_plan(void **state) {
  (void)state;
  dc_plan *p = make_plan(100);
  dc_result *r = dc_result_from_plan(p, DC_SCEN_PLAN, "f.lua", where, NULL);
  dc_plan_free(p); /* the result keeps its own copies */
  assert_non_null(r);
  assert_string_equal(r->name, "R");
  assert_string_equal(r->file, "f.lua");
  assert_int_equal(r->nscenarios, 102);
  assert_string_equal(r->scenario_names[101], "s99");
  assert_true(r->evaluated[101]);
  assert_true(fabs((dc_result_values(r, 101, 0)[2]) - (12)) <= 0);
  assert_null(dc_result_values(r, 102, 0));
  assert_int_equal(r->ntargets, 1);
  assert_string_equal(r->targets[0].file, "plan.lua");
  assert_int_equal(r->targets[0].line, 40);
  assert_false(r->targets[0].met);
  assert_int_equal(r->targets[0].deciding, 2022);
  assert_true(fabs((r->targets[0].margin[2]) - (-1)) <= 1e-12);
  assert_string_equal(r->metrics[3 + 2].source, "book"); /* after the five built-ins: "all" */
  assert_int_equal(r->met, 0);
  dc_result_free(r);
}

/* shortest: reads back exactly, and is never longer than the shortest of
 * %.15g, %.16g, %.17g that reads back */
static void check_one(double v) {
  char b[40], g[40];
  dc_fmt_shortest(b, sizeof b, v);
  assert_true(strtod(b, NULL) == v || (v == 0 && strtod(b, NULL) == 0));
  size_t best = 99;
  for (int d = 15; d <= 17; d++) {
    snprintf(g, sizeof g, "%.*g", d, v);
    if (strtod(g, NULL) == v) {
      char *e = strchr(g, 'e');
      size_t digits = 0;
      for (char *c = g; *c && c != e; c++) digits += *c >= '0' && *c <= '9';
      /* count significant digits of both */
      (void)digits;
      best = strlen(g);
      break;
    }
  }
  /* compare significant digits: b's digits (without sign, point, leading
     zeros, exponent) must not outnumber %.Ng's */
  size_t sb = 0, sg = 0;
  int lead = 1;
  for (char *c = b; *c && *c != 'e'; c++)
    if (*c >= '0' && *c <= '9' && !(lead && *c == '0')) sb++, lead = 0;
  lead = 1;
  for (char *c = g; *c && *c != 'e'; c++)
    if (*c >= '0' && *c <= '9' && !(lead && *c == '0')) sg++, lead = 0;
  /* trailing zeros of %g's integer part are not significant for us */
  (void)best;
  if (sb > sg) fail_msg("%.17g: %s has %zu digits, %s has %zu", v, b, sb, g, sg);
}

static void test_shortest_fixed(void **state) {
  (void)state;
  char b[40];
  struct { double v; const char *s; } cases[] = {
      {0.1, "0.1"}, {0.3, "0.3"}, {1, "1"}, {-2.5, "-2.5"}, {100, "100"}, {1e15, "1e+15"},
      {123456789012345678.0, "1.2345678901234568e+17"}, {1e-4, "0.0001"}, {1.5e-5, "1.5e-05"},
      {144.04000000000002, "144.04000000000002"}, {1e300, "1e+300"}, {5e-324, "5e-324"},
      {-0.0, "0"}, {999999999999999.9, "999999999999999.9"}, {0.000123, "0.000123"}, {9.5, "9.5"},
      {1.7976931348623157e308, "1.7976931348623157e+308"}, {2.2250738585072014e-308, "2.2250738585072014e-308"}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    dc_fmt_shortest(b, sizeof b, cases[i].v);
    assert_string_equal(b, cases[i].s);
  }
  dc_fmt_shortest(b, sizeof b, NAN);
  assert_string_equal(b, "nan");
}

static void test_shortest_random(void **state) {
  (void)state;
  uint64_t x = 88172645463325252ull;
  for (int i = 0; i < 200000; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    double v;
    if (i % 2) {
      memcpy(&v, &x, sizeof v); /* any bit pattern */
      if (!isfinite(v)) continue;
    } else
      v = (double)(x >> 11) / 9007199254740992.0 * pow(10, (int)(x % 40) - 20); /* decimal-ish */
    check_one(v);
    check_one((double)(int64_t)(x % 100000) / 100); /* short decimals: 12.34 */
  }
}

/* The significant digits of s ("-0.00120" -> "12"; exponent ignored). */
static void sig_digits(const char *s, char *out) {
  int lead = 1;
  size_t n = 0;
  for (; *s && *s != 'e'; s++)
    if (*s >= '0' && *s <= '9' && !(lead && *s == '0')) out[n++] = *s, lead = 0;
  while (n > 1 && out[n - 1] == '0') n--;
  out[n] = '\0';
}

/* Against the reference (the fewest digits %.*e needs to read back), in the
 * range of the fast path (1e-8 .. 1e15) and around its edges: as many
 * digits, and the same digits when 15 or fewer (then only one such number
 * reads back). */
static void test_shortest_reference(void **state) {
  (void)state;
  uint64_t x = 0x9e3779b97f4a7c15ull;
  for (int i = 0; i < 300000; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    int digits = 1 + (int)(x % 17), ex = (int)((x >> 8) % 26) - 10;
    char t[48], b[48], want[24], got[24];
    snprintf(t, sizeof t, "%.*fe%d", digits - 1, (double)(x >> 12) / 4503599627370496.0 * 9 + 1, ex);
    double v = strtod(t, NULL);
    if (i % 3 == 0) v = nextafter(v, i % 2 ? 0 : 1e300); /* neighbours need 16-17 digits */
    int n = 1;
    for (; n < 17; n++) {
      snprintf(t, sizeof t, "%.*e", n - 1, v);
      if (strtod(t, NULL) == v) break;
    }
    snprintf(t, sizeof t, "%.*e", n - 1, v);
    dc_fmt_shortest(b, sizeof b, v);
    assert_true(strtod(b, NULL) == v);
    sig_digits(t, want);
    sig_digits(b, got);
    if (strlen(got) != strlen(want) || (n <= 15 && strcmp(got, want) != 0))
      fail_msg("%.17g: got %s, reference %s", v, b, t);
  }
}

/* own_column: a budget's running sum is not the emissions series, an
 * at_most on emissions judges that series itself */
static void test_own_column(void **state) {
  (void)state;
  dc_plan *p = make_plan(0);
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = "budget";
  t.kind = DC_TARGET_BUDGET;
  t.from = 2020;
  t.by = 2022;
  t.bound = 1e12;
  t.bound_dims = (dc_dims){{[DC_DIM_CO2] = 1}};
  assert_int_equal(dc_plan_target(p, &t), 1);
  for (size_t s = 0; s < dc_plan_nscenarios(p); s++) assert_int_equal(dc_plan_evaluate(p, (int)s, NULL, NULL), 0);
  dc_result *r = dc_result_from_plan(p, DC_SCEN_PLAN, "f.lua", NULL, NULL);
  assert_non_null(r);
  assert_int_equal(r->ntargets, 2);
  assert_false(r->targets[0].own_column);
  assert_true(r->targets[1].own_column);
  assert_null(r->missing_scenario);
  /* the two year rules of dc_result_target_on_metric: a value that strays
     in a year the target does not judge is the metric's for a chart's bound
     (judged years) and not for the year table (every year) */
  dc_result_target *x = &r->targets[0];
  assert_true(dc_result_target_on_metric(r, 0, 0, 0));
  assert_true(dc_result_target_on_metric(r, 0, 0, 1));
  assert_false(dc_result_target_on_metric(r, 1, 0, 1)); /* the budget's running sum */
  assert_false(dc_result_target_on_metric(r, 0, 1, 1)); /* another metric */
  x->status[0] = DC_ST_NONE; /* as a target that speaks from 2021 */
  x->value[0] *= 1 + 1e-6;
  assert_false(dc_result_target_on_metric(r, 0, 0, 0));
  assert_true(dc_result_target_on_metric(r, 0, 0, 1));
  x->value[0] = NAN;
  assert_false(dc_result_target_on_metric(r, 0, 0, 0));
  x->value[2] *= 1 + 1e-12; /* within 1e-9 */
  assert_true(dc_result_target_on_metric(r, 0, 0, 1));
  x->value[2] *= 1 + 1e-6; /* 2022 is */
  assert_false(dc_result_target_on_metric(r, 0, 0, 1));
  double *v = x->value;
  x->value = NULL; /* a result read back without values: never read */
  assert_false(dc_result_target_on_metric(r, 0, 0, 1));
  x->value = v;
  dc_result_free(r);
  /* a plan without the scenario asked for: description and names only */
  r = dc_result_skipped(p, "f.lua", "fast");
  assert_non_null(r);
  assert_string_equal(r->missing_scenario, "fast");
  assert_string_equal(r->name, "R");
  assert_int_equal(r->ntargets, 0);
  assert_int_equal(r->nmetrics, 0);
  assert_int_equal(r->nscenarios, 2);
  assert_string_equal(r->scenario_names[1], "plan");
  dc_result_free(r);
  dc_plan_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_outlives_plan),
      cmocka_unit_test(test_shortest_fixed),
      cmocka_unit_test(test_shortest_random),
      cmocka_unit_test(test_shortest_reference),
      cmocka_unit_test(test_own_column),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
