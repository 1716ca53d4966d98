/* test_explain.c — cmocka tests of the explanation core (stdlib/explain.c)
 * and of the result's detail it reads (stdlib/result.c): terms that add up
 * to the value, the bound's derivation, the ranking of the measures for a
 * missed target, and the detail outliving its plan. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "result.h"

static const dc_dims EMIS = {{[DC_DIM_CO2] = 1, [DC_DIM_TIME] = -1}};

/* Two sectors, two measures (one ramping), a reduce target that is missed. */
static dc_result *make(double big) {
  dc_plan *p = dc_plan_new("X", 2020, 2024);
  double b1[5] = {100, 100, 100, 100, 100}, b2[5] = {50, 50, 50, 50, 50};
  assert_true(dc_plan_sector(p, "a", b1, EMIS, NULL, "book a") >= 0);
  assert_true(dc_plan_sector(p, "b", b2, EMIS, NULL, NULL) >= 0);
  double m1[5] = {big, big, big, big, big}, m2[5] = {10, 10, 10, 10, 10};
  dc_plan_measure_spec m;
  memset(&m, 0, sizeof m);
  m.name = "big";
  m.kind = DC_MEASURE_ABATES;
  m.sector = "a";
  m.start = 2021;
  m.full = 2024;
  m.stop = DC_PLAN_NOYEAR;
  m.amount = m1;
  m.amount_dims = EMIS;
  m.scenario = -1;
  assert_true(dc_plan_measure(p, &m) >= 0);
  m.name = "small";
  m.sector = "b";
  m.start = m.full = DC_PLAN_NOYEAR;
  m.amount = m2;
  m.source = "plan b";
  assert_true(dc_plan_measure(p, &m) >= 0);
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = "-40 %";
  t.kind = DC_TARGET_REDUCE;
  t.reduce = 0.4;
  t.from = 2020;
  t.by = 2024;
  assert_int_equal(dc_plan_target(p, &t), 0);
  for (size_t s = 0; s < dc_plan_nscenarios(p); s++) assert_int_equal(dc_plan_evaluate(p, (int)s, NULL, NULL), 0);
  dc_result *r = dc_result_from_plan(p, DC_SCEN_PLAN, "x.lua", NULL, NULL);
  dc_plan_free(p); /* the detail is a copy too */
  assert_non_null(r);
  assert_non_null(r->detail);
  return r;
}

static void test_terms_add_up(void **state) {
  (void)state;
  dc_result *r = make(20);
  dc_explain e;
  char err[200];
  for (int y = 2020; y <= 2024; y++) {
    assert_int_equal(dc_explain_target(r, 0, y, &e, err, sizeof err), 0);
    double sum = 0;
    for (size_t k = 0; k < e.nterms; k++) sum += e.terms[k].value;
    assert_true(fabs(sum - e.value) < 1e-9);
    assert_int_equal(e.nterms, 4); /* BAU a, BAU b, big, small */
    dc_explain_free(&e);
  }
  assert_int_equal(dc_explain_target(r, 0, 2022, &e, err, sizeof err), 0);
  assert_string_equal(e.terms[0].name, "BAU a");
  assert_string_equal(e.terms[0].source, "book a");
  assert_string_equal(e.terms[2].kind, "measure");
  assert_true(fabs(e.terms[2].ramp - 0.5) < 1e-12); /* 2021..2024: 2 of 4 in 2022 */
  assert_true(fabs(e.terms[2].value + 10) < 1e-9);
  assert_true(fabs(e.terms[2].at_full + 20) < 1e-9);
  dc_explain_free(&e);
  dc_result_free(r);
}

static void test_bound_and_levers(void **state) {
  (void)state;
  dc_result *r = make(20);
  dc_explain e;
  char err[200];
  assert_int_equal(dc_explain_target(r, 0, DC_PLAN_NOYEAR, &e, err, sizeof err), 0);
  assert_int_equal(e.year, 2024); /* the deciding year */
  assert_string_equal(e.bound_kind, "reduce");
  assert_int_equal(e.base_year, 2020);
  assert_true(fabs(e.base_value - 140) < 1e-9); /* "small" runs in 2020 too */
  assert_true(fabs(e.bound - 84) < 1e-9);
  assert_non_null(strstr(e.bound_text, "(1 − 40 %) × emissions in 2020"));
  /* 150 - 20 - 10 = 120 > 84: short by 36. +10 % of big closes 2; of small
     1 in 2024, but it lowers the base year's value too: the bound by 0.6 */
  assert_true(fabs(e.shortfall - 36) < 1e-9);
  assert_int_equal(e.nlevers, 2);
  assert_string_equal(r->detail->measures[e.levers[0].measure].name, "big");
  assert_true(fabs(e.levers[0].closes - 2) < 1e-9);
  assert_true(fabs(e.levers[0].needed - 1.8) < 1e-9); /* +180 % closes 36 */
  assert_true(fabs(e.levers[1].closes - 0.4) < 1e-9);
  dc_explain_free(&e);
  dc_result_free(r);
}

static void test_errors(void **state) {
  (void)state;
  dc_result *r = make(200); /* met: no levers */
  dc_explain e;
  char err[200];
  assert_int_equal(dc_explain_target(r, 0, DC_PLAN_NOYEAR, &e, err, sizeof err), 0);
  assert_true(e.met);
  assert_int_equal(e.nlevers, 0);
  assert_true(e.shortfall == 0);
  dc_explain_free(&e);
  assert_int_equal(dc_explain_target(r, 0, 2019, &e, err, sizeof err), -1);
  assert_non_null(strstr(err, "outside the plan's years 2020-2024"));
  assert_int_equal(dc_explain_target(r, 5, DC_PLAN_NOYEAR, &e, err, sizeof err), -1);
  assert_int_equal(dc_explain_find(r, "-40 %"), 0);
  assert_int_equal(dc_explain_find(r, "nope"), -1);
  /* a result read back from a report has no detail */
  struct dc_result_detail *d = r->detail;
  r->detail = NULL;
  assert_int_equal(dc_explain_target(r, 0, DC_PLAN_NOYEAR, &e, err, sizeof err), -1);
  assert_non_null(strstr(err, "no terms to explain"));
  r->detail = d;
  dc_result_free(r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_terms_add_up),
      cmocka_unit_test(test_bound_and_levers),
      cmocka_unit_test(test_errors),
  };
  return cmocka_run_group_tests_name("explain", tests, NULL, NULL);
}
