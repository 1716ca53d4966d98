/* test_report.c — cmocka tests of the report writers (vm/report.c) on a
 * small evaluated plan: text table and verdicts, JSON keys, CSV rows, TAP
 * and JUnit lines, --years clipping, colour only when asked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "report.h"

#define N 6 /* 2020..2025 */
static const dc_dims EMIS = {{[DC_DIM_CO2] = 1, [DC_DIM_TIME] = -1}};
static const double YR = 31536000.0;

static dc_plan *make_plan(void) {
  dc_plan *p = dc_plan_new("Test city", 2020, 2025);
  double bau[N], ab[N];
  for (int i = 0; i < N; i++) {
    bau[i] = 1e9 / YR * (1 + 0.1 * i); /* 1 MtCO2e/yr growing */
    ab[i] = 2e8 / YR;                 /* 0.2 MtCO2e/yr */
  }
  dc_display d = {1e9 / YR, 0, "MtCO2e/yr"};
  dc_plan_set_info(p, "Somewhere", "seed 000");
  assert_int_equal(dc_plan_sector(p, "buildings", bau, EMIS, &d, "yearbook"), 0);
  dc_plan_measure_spec m;
  memset(&m, 0, sizeof m);
  m.name = "retrofit";
  m.source = "seed 002";
  m.kind = DC_MEASURE_ABATES;
  m.sector = "buildings";
  m.start = 2022;
  m.full = 2023;
  m.stop = DC_PLAN_NOYEAR;
  m.amount = ab;
  m.amount_dims = EMIS;
  m.scenario = -1;
  assert_int_equal(dc_plan_measure(p, &m), 0);
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = "at most 1.2 Mt by 2025";
  t.kind = DC_TARGET_AT_MOST;
  t.by = 2025;
  t.from = DC_PLAN_NOYEAR;
  t.bound = 1.2e9 / YR;
  t.bound_dims = EMIS;
  t.bound_disp = d;
  assert_int_equal(dc_plan_target(p, &t), 0);
  t.name = "-20 % <vs> 2020 & co";
  t.kind = DC_TARGET_REDUCE;
  t.reduce = 0.2;
  t.from = 2020;
  assert_int_equal(dc_plan_target(p, &t), 1);
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_BAU, NULL, NULL), 0);
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), 0);
  return p;
}

static char *render(dc_plan *p, dc_report_format fmt, int color, int y0, int y1) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  assert_non_null(f);
  dc_report_plan rp = {p, "test.lua", DC_SCEN_PLAN};
  dc_report_opts o = {fmt, color, y0, y1};
  assert_int_equal(dc_report_write(f, &rp, 1, &o), 0);
  fclose(f);
  return buf;
}

static void test_format_parse(void **state) {
  (void)state;
  dc_report_format f;
  assert_int_equal(dc_report_format_parse("junit", &f), 0);
  assert_int_equal(f, DC_REPORT_JUNIT);
  assert_int_equal(dc_report_format_parse("xml", &f), -1);
}

static void test_text(void **state) {
  (void)state;
  dc_plan *p = make_plan();
  char *s = render(p, DC_REPORT_TEXT, 0, 0, 0);
  assert_non_null(strstr(s, "Test city — Somewhere (2020-2025), scenario plan\n"));
  assert_non_null(strstr(s, "MtCO2e/yr"));
  assert_non_null(strstr(s, "\n2025  "));
  /* 2025: 1.5 - 0.2 = 1.3 > 1.2 : missed; -20 %: 1.3 > 0.8 missed */
  assert_non_null(strstr(s, "✘ at most 1.2 Mt by 2025 — missed in 2025: 1.3 MtCO2e/yr > 1.2 MtCO2e/yr "
                            "(short by 0.1 MtCO2e/yr, 8.33 %)"));
  assert_non_null(strstr(s, "retrofit: seed 002"));
  assert_non_null(strstr(s, "Wedges in 2025"));
  assert_null(strstr(s, "\033["));
  assert_non_null(strstr(s, "\n0 of 2 targets met\n"));
  free(s);
  s = render(p, DC_REPORT_TEXT, 1, 2021, 2022);
  assert_non_null(strstr(s, "\033[31m"));
  assert_null(strstr(s, "\n2020  "));
  assert_non_null(strstr(s, "\n2021  "));
  assert_null(strstr(s, "\n2023  "));
  free(s);
  dc_plan_free(p);
}

static void test_verdict_met(void **state) {
  (void)state;
  dc_plan *p = make_plan();
  assert_int_equal(dc_plan_set_param(p, 0, DC_PARAM_SCALE, 2), 0);
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  char buf[300];
  dc_report_verdict(buf, sizeof buf, p, 1, 0, 1);
  assert_string_equal(buf, "met, tightest in 2025: 1.1 MtCO2e/yr <= 1.2 MtCO2e/yr (margin 0.1 MtCO2e/yr, 8.33 %)");
  int met, total;
  dc_report_plan rp = {p, NULL, 1};
  dc_report_count(&rp, 1, &met, &total);
  assert_int_equal(met, 1);
  assert_int_equal(total, 2);
  dc_plan_free(p);
}

static void test_json(void **state) {
  (void)state;
  dc_plan *p = make_plan();
  char *s = render(p, DC_REPORT_JSON, 1, 0, 0);
  assert_non_null(strstr(s, "\"schema\": \"decarb-check\""));
  assert_non_null(strstr(s, "\"version\": 1"));
  assert_non_null(strstr(s, "\"name\": \"-20 % <vs> 2020 & co\""));
  assert_non_null(strstr(s, "\"values\": {\"BAU\": [1, 1.1, 1.2, 1.3, 1.4, 1.5], \"plan\": [1, 1.1, 1.1, 1.1, 1.2, 1.3]}"));
  assert_non_null(strstr(s, "\"met\": false"));
  assert_non_null(strstr(s, "\"status\": \"not yet due\""));
  assert_non_null(strstr(s, "\"summary\": {\"met\": 0, \"missed\": 2, \"plans\": 1, \"targets\": 2}"));
  assert_null(strstr(s, "\033["));
  free(s);
  dc_plan_free(p);
}

static void test_csv(void **state) {
  (void)state;
  dc_plan *p = make_plan();
  char *s = render(p, DC_REPORT_CSV, 0, 2025, 2025);
  assert_true(strncmp(s, "plan,scenario,year,metric,value,unit\n", 37) == 0);
  assert_non_null(strstr(s, "Test city,plan,2025,emissions,1.3,MtCO2e/yr\n"));
  assert_non_null(strstr(s, "Test city,BAU,2025,emissions,1.5,MtCO2e/yr\n"));
  assert_null(strstr(s, ",2024,"));
  free(s);
  dc_plan_free(p);
}

static void test_tap_junit(void **state) {
  (void)state;
  dc_plan *p = make_plan();
  char *s = render(p, DC_REPORT_TAP, 0, 0, 0);
  assert_non_null(strstr(s, "TAP version 13\n1..2\nnot ok 1 - Test city: at most 1.2 Mt by 2025\n# missed in 2025"));
  free(s);
  s = render(p, DC_REPORT_JUNIT, 0, 0, 0);
  assert_non_null(strstr(s, "<testsuites name=\"decarb check\" tests=\"2\" failures=\"2\""));
  assert_non_null(strstr(s, "name=\"-20 % &lt;vs&gt; 2020 &amp; co\""));
  assert_non_null(strstr(s, "<failure message=\"missed in 2025"));
  free(s);
  dc_plan_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_format_parse), cmocka_unit_test(test_text),
      cmocka_unit_test(test_verdict_met),  cmocka_unit_test(test_json),
      cmocka_unit_test(test_csv),          cmocka_unit_test(test_tap_junit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
