/* test_report.c — cmocka tests of the report writers (vm/report/) on a
 * small evaluated plan: text table and verdicts, JSON keys, CSV rows, TAP
 * and JUnit lines, --years clipping, colour only when asked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "report.h"
#include "report_int.h"

#define N 6 /* 2020..2025 */
static const dc_dims EMIS = {{[DC_DIM_CO2] = 1, [DC_DIM_TIME] = -1}};
static const double YR = 31536000.0;

/* a measure that abates amount[] (SI) from the first year, in buildings */
static dc_plan_measure_spec abates(const char *name, const double *amount) {
  dc_plan_measure_spec m;
  memset(&m, 0, sizeof m);
  m.name = name;
  m.kind = DC_MEASURE_ABATES;
  m.sector = "buildings";
  m.start = m.full = m.stop = DC_PLAN_NOYEAR;
  m.amount = amount;
  m.amount_dims = EMIS;
  m.scenario = -1;
  return m;
}

static dc_plan *make_plan(void) {
  dc_plan *p = dc_plan_new("Test city", 2020, 2025);
  double bau[N], ab[N];
  for (int i = 0; i < N; i++) {
    bau[i] = 1e9 / YR * (1 + 0.1 * i); /* 1 MtCO2e/yr growing */
    ab[i] = 2e8 / YR;                 /* 0.2 MtCO2e/yr */
  }
  dc_display d = {1e9 / YR, 0, "MtCO2e/yr", 1};
  dc_plan_set_info(p, "Somewhere", "seed 000");
  assert_int_equal(dc_plan_sector(p, "buildings", bau, EMIS, &d, "yearbook"), 0);
  dc_plan_measure_spec m = abates("retrofit", ab);
  m.source = "seed 002";
  m.start = 2022;
  m.full = 2023;
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

static char *render_s(dc_plan *p, int s, dc_report_format fmt, int color, int y0, int y1) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  assert_non_null(f);
  dc_result *r = dc_result_from_plan(p, s, "test.lua", NULL, NULL);
  assert_non_null(r);
  dc_report_opts o = {fmt, color, y0, y1, 0};
  assert_int_equal(dc_report_write(f, &r, 1, &o), 0);
  dc_result_free(r);
  fclose(f);
  return buf;
}

static char *render(dc_plan *p, dc_report_format fmt, int color, int y0, int y1) {
  return render_s(p, DC_SCEN_PLAN, fmt, color, y0, y1);
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
  dc_result *r = dc_result_from_plan(p, 1, NULL, NULL, NULL);
  dc_report_verdict(buf, sizeof buf, r, 0, 1);
  assert_string_equal(buf, "met, tightest in 2025: 1.1 MtCO2e/yr <= 1.2 MtCO2e/yr (margin 0.1 MtCO2e/yr, 8.33 %)");
  int met, total;
  dc_report_count(&r, 1, &met, &total);
  dc_result_free(r);
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
  assert_true(strncmp(s, "file,plan,scenario,year,metric,value,unit\n", 42) == 0);
  assert_non_null(strstr(s, "test.lua,Test city,plan,2025,emissions,1.3,MtCO2e/yr\n"));
  assert_non_null(strstr(s, "test.lua,Test city,BAU,2025,emissions,1.5,MtCO2e/yr\n"));
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

/* a plan with two measures (one with a long name), a scenario that changes
   the first, a count metric in unit "1" and a share target */
static dc_plan *make_plan2(void) {
  dc_plan *p = make_plan();
  double ab[N], cars[N], ev[N];
  for (int i = 0; i < N; i++) {
    ab[i] = 1e8 / YR;
    cars[i] = 1000;
    ev[i] = 100 + 100 * i;
  }
  dc_plan_measure_spec m = abates("a measure with a much longer name", ab);
  assert_int_equal(dc_plan_measure(p, &m), 1);
  int s = dc_plan_scenario(p, "late");
  assert_int_equal(s, 2);
  assert_int_equal(dc_plan_scenario_drop(p, s, 0), 0);
  m.name = "retrofit";
  m.start = 2024;
  m.scenario = s;
  assert_int_equal(dc_plan_measure(p, &m), 2);
  dc_display one = {1, 0, "1", 0};
  const dc_dims none = {{0}};
  assert_true(dc_plan_metric(p, "cars", cars, none, &one, NULL) >= 0);
  assert_true(dc_plan_metric(p, "EVs", ev, none, &one, NULL) >= 0);
  const char *parts[] = {"EVs"};
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = "EVs >= 30 % of cars by 2025";
  t.kind = DC_TARGET_AT_LEAST;
  t.share_of = DC_SHARE_METRIC;
  t.metric = "cars";
  t.parts = parts;
  t.nparts = 1;
  t.by = 2025;
  t.from = DC_PLAN_NOYEAR;
  t.bound = 0.3;
  t.bound_dims = none;
  assert_int_equal(dc_plan_target(p, &t), 2);
  for (int k = 0; k < 3; k++) assert_int_equal(dc_plan_evaluate(p, k, NULL, NULL), 0);
  return p;
}

static void test_wedges(void **state) {
  (void)state;
  dc_plan *p = make_plan2();
  /* names padded to the longest, so the columns line up */
  char *s = render_s(p, DC_SCEN_PLAN, DC_REPORT_TEXT, 0, 0, 0);
  assert_non_null(strstr(s, "\nWedges in 2025 (share of the BAU-plan gap)\n"
                            "  retrofit                           0.2 MtCO2e/yr  66.7 %\n"
                            "  a measure with a much longer name  0.1 MtCO2e/yr  33.3 %\n"));
  free(s);
  /* the same order in a scenario that changes the first measure */
  s = render_s(p, 2, DC_REPORT_TEXT, 0, 0, 0);
  char *w = strstr(s, "\nWedges in 2025");
  assert_non_null(w);
  char *r = strstr(w, "  retrofit "), *l = strstr(w, "  a measure with");
  assert_true(r && l && r < l);
  free(s);
  s = render_s(p, 2, DC_REPORT_JSON, 0, 0, 0);
  r = strstr(s, "\"measure\": \"retrofit\"");
  l = strstr(s, "\"measure\": \"a measure with a much longer name\"");
  assert_true(r && l && r < l);
  free(s);
  /* no wedges when the gap is zero in every shown year (measures start 2022) */
  dc_plan_free(p);
  p = make_plan();
  s = render_s(p, DC_SCEN_PLAN, DC_REPORT_TEXT, 0, 2020, 2021);
  assert_null(strstr(s, "Wedges"));
  free(s);
  s = render_s(p, DC_SCEN_PLAN, DC_REPORT_TEXT, 0, 2020, 2022);
  assert_non_null(strstr(s, "Wedges in 2022"));
  free(s);
  dc_plan_free(p);
  /* nor without sectors: capacity additions only */
  p = dc_plan_new("no sectors", 2020, 2022);
  const dc_dims power = {{[DC_DIM_MASS] = 1, [DC_DIM_LENGTH] = 2, [DC_DIM_TIME] = -3}};
  double cap[3] = {1, 1, 1}, add[3] = {1, 1, 1};
  assert_int_equal(dc_plan_capacity(p, "PV", cap, power, NULL, NULL, (dc_dims){{0}}, NULL), 0);
  dc_plan_add a = {"PV", add, power, NULL, {{0}}};
  dc_plan_measure_spec m;
  memset(&m, 0, sizeof m);
  m.name = "more PV";
  m.kind = DC_MEASURE_ADDS;
  m.start = m.full = m.stop = DC_PLAN_NOYEAR;
  m.adds = &a;
  m.nadds = 1;
  m.scenario = -1;
  assert_int_equal(dc_plan_measure(p, &m), 0);
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), 0);
  s = render_s(p, DC_SCEN_PLAN, DC_REPORT_TEXT, 0, 0, 0);
  assert_null(strstr(s, "Wedges"));
  free(s);
  dc_plan_free(p);
}

/* columns are padded by what a terminal shows: a CJK character takes two */
static void test_wide_names(void **state) {
  (void)state;
  dc_plan *p = make_plan();
  double ab[N];
  for (int i = 0; i < N; i++) ab[i] = 1e8 / YR;
  dc_plan_measure_spec m = abates("光伏", ab); /* 2 characters, 6 bytes, 4 columns */
  assert_int_equal(dc_plan_measure(p, &m), 1);
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), 0);
  char *s = render_s(p, DC_SCEN_PLAN, DC_REPORT_TEXT, 0, 0, 0);
  assert_non_null(strstr(s, "\n  retrofit  0.2 MtCO2e/yr  66.7 %\n  光伏      0.1 MtCO2e/yr  33.3 %\n"));
  free(s);
  dc_plan_free(p);
}

static void test_plain_numbers_and_points(void **state) {
  (void)state;
  dc_plan *p = make_plan2();
  char *s = render_s(p, DC_SCEN_PLAN, DC_REPORT_TEXT, 0, 0, 0);
  /* unit "1" shows no unit: the units line ends with the last real unit */
  assert_non_null(strstr(s, "\nyear    emissions  bau_emissions  cars  EVs >= 30 % of cars by 2025\n"
                            "        MtCO2e/yr      MtCO2e/yr                                  %\n2020"));
  assert_null(strstr(s, " 1\n"));
  /* a margin of percentages is in percentage points */
  assert_non_null(strstr(s, "EVs >= 30 % of cars by 2025 — met, tightest in 2025: 60 % ≥ 30 % (margin 30 pp, 100 %); first met 2022\n"));
  free(s);
  s = render_s(p, DC_SCEN_PLAN, DC_REPORT_JSON, 0, 0, 0);
  assert_non_null(strstr(s, "{\"name\": \"cars\", \"source\": null, \"unit\": \"\","));
  assert_non_null(strstr(s, "\"margin\": 30, \"margin_rel\": 1, \"margin_unit\": \"pp\""));
  assert_non_null(strstr(s, "\"margin_unit\": \"MtCO2e/yr\""));
  free(s);
  s = render_s(p, DC_SCEN_PLAN, DC_REPORT_CSV, 0, 2025, 2025);
  assert_non_null(strstr(s, "Test city,plan,2025,cars,1000,\n"));
  free(s);
  dc_plan_free(p);
}

/* TAP descriptions: '#' escaped, CR, LF and other control characters as spaces */
static void test_tap_escapes(void **state) {
  (void)state;
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  dc_rep_tap_text(f, "a\rb\nc#d\x01" "e\x7f");
  fclose(f);
  assert_string_equal(buf, "a b c\\#d e ");
  free(buf);
}

/* the GitHub format: an ::error per missed target with its place */
static void test_github(void **state) {
  (void)state;
  dc_plan *p = make_plan();
  char *s = render(p, DC_REPORT_GITHUB, 0, 0, 0);
  assert_non_null(strstr(s, "::error file=test.lua,title=Test city%3A at most 1.2 Mt by 2025::at most 1.2 Mt by 2025: "
                            "missed in 2025"));
  assert_non_null(strstr(s, "title=Test city%3A -20 %25 <vs> 2020 & co::"));
  assert_non_null(strstr(s, "::notice title=decarb check::0 of 2 targets met\n"));
  free(s);
  dc_plan_free(p);
}

/* the one quantity formatter of the reports and explain (stdlib/fmt.c) */
static void test_fmt_quantity(void **state) {
  (void)state;
  char b[64];
  dc_display t = {.scale = 1e9 / YR, .offset = 0, .label = "ktCO2e/yr"};
  assert_int_equal(dc_fmt_quantity(b, sizeof b, 12.5e9 / YR, &t, 0), strlen("12.5 ktCO2e/yr"));
  assert_string_equal(b, "12.5 ktCO2e/yr");
  dc_fmt_quantity(b, sizeof b, 1.23456e9 / YR, &t, 2);
  assert_string_equal(b, "1.2 ktCO2e/yr");
  dc_display c = {.scale = 1, .offset = 273.15, .label = "degC"}; /* an offset unit */
  dc_fmt_quantity(b, sizeof b, 293.15, &c, 0);
  assert_string_equal(b, "20 degC");
  dc_display none = {.scale = 1, .offset = 0, .label = ""};
  dc_fmt_quantity(b, sizeof b, 3, &none, 0);
  assert_string_equal(b, "3");
  dc_fmt_quantity(b, sizeof b, NAN, &t, 0);
  assert_string_equal(b, "\xE2\x80\x94");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_format_parse), cmocka_unit_test(test_text),
      cmocka_unit_test(test_verdict_met),  cmocka_unit_test(test_json),
      cmocka_unit_test(test_csv),          cmocka_unit_test(test_tap_junit),
      cmocka_unit_test(test_wedges),       cmocka_unit_test(test_plain_numbers_and_points),
      cmocka_unit_test(test_wide_names),   cmocka_unit_test(test_tap_escapes),
      cmocka_unit_test(test_github),       cmocka_unit_test(test_fmt_quantity),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
