/* test_result_read.c — cmocka tests of stdlib/result_read.c: a JSON line
 * read back field by field, nulls as NaN and unknown years, the report
 * form, and the errors (cut short, another version, wrong types). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "result_read.h"

static const char line[] =
    "{\"file\": \"a.lua\",\"metrics\": [{\"name\": \"emissions\", \"source\": null, \"unit\": \"MtCO2e/yr\", "
    "\"values\": {\"BAU\": [2, 2.5], \"plan\": [1.5, null], \"zz\": [1, 1]}},"
    "{\"name\": \"cars\", \"source\": \"census\", \"unit\": \"\", \"values\": {\"plan\": [3, 4]}}],"
    "\"name\": \"City\",\"region\": \"R\",\"scenario\": \"plan\",\"schema\": \"decarb-plan\",\"source\": \"\","
    "\"targets\": [{\"deciding_year\": 2021, \"file\": null, \"first_failed\": 2021, \"first_met\": null, "
    "\"kind\": \"share\", \"line\": 7, \"margin\": -1, \"margin_rel\": -0.5, \"margin_unit\": \"pp\", "
    "\"message\": \"missed in 2021: 1 % < 2 % (short by 1 pp, 50 %)\", \"met\": false, \"metric\": \"cars\", "
    "\"name\": \"T\", \"source\": null, \"unit\": \"%\",\"years\": [{\"bound\": 2, \"margin\": 1, "
    "\"margin_rel\": 0.5, \"status\": \"not yet due\", \"value\": 3, \"year\": 2020},{\"bound\": 2, "
    "\"margin\": -1, \"margin_rel\": -0.5, \"status\": \"missed\", \"value\": 1, \"year\": 2021}]}],"
    "\"targets_met\": 0,\"targets_total\": 1,\"version\": 1,\"warnings\": [{\"from\": 2020, \"message\": "
    "\"w\", \"sector\": \"s\", \"to\": 2021, \"worst\": 0.1}],\"wedges\": [{\"abatement\": [0.5, 1], "
    "\"measure\": \"M\", \"sector\": \"s\", \"share\": [0.25, null], \"source\": null, \"unit\": \"MtCO2e/yr\"}],"
    "\"years\": [2019, 2021],\"years_shown\": [2020, 2021]}\n";

static void reads_a_line(void **state) {
  (void)state;
  dc_result **v;
  size_t n;
  char err[256];
  assert_int_equal(dc_result_read_jsonl(line, strlen(line), &v, &n, err, sizeof err), 0);
  assert_int_equal(n, 1);
  dc_result *r = v[0];
  assert_string_equal(r->file, "a.lua");
  assert_string_equal(r->name, "City");
  assert_int_equal(r->y0, 2019);
  assert_int_equal(r->y1, 2021);
  /* BAU and plan first, then the plan's own */
  assert_int_equal(r->nscenarios, 3);
  assert_string_equal(r->scenario_names[0], "BAU");
  assert_string_equal(r->scenario_names[1], "plan");
  assert_string_equal(r->scenario_names[2], "zz");
  assert_int_equal(r->scenario, 1);
  /* builtins keep their indices; cars comes after them */
  assert_int_equal(r->nmetrics, DC_MET_NBUILTIN + 1);
  assert_true(r->metrics[DC_MET_EMISSIONS].ok);
  assert_false(r->metrics[DC_MET_BAU].ok);
  const double *e = dc_result_values(r, 1, DC_MET_EMISSIONS);
  assert_true(isnan(e[0])); /* 2019: not shown */
  assert_true(e[1] == 1.5);
  assert_true(isnan(e[2])); /* null */
  assert_string_equal(r->metrics[DC_MET_NBUILTIN].name, "cars");
  assert_string_equal(r->metrics[DC_MET_NBUILTIN].source, "census");
  assert_null(dc_result_values(r, 0, DC_MET_NBUILTIN)); /* no BAU values */
  assert_string_equal(r->metrics[DC_MET_EMISSIONS].disp.label, "MtCO2e/yr");
  /* the target: a share missed from below is an at-least target */
  dc_result_target *t = &r->targets[0];
  assert_int_equal(t->kind, DC_TARGET_AT_LEAST);
  assert_int_equal(t->metric, DC_MET_NBUILTIN);
  assert_int_equal(t->line, 7);
  assert_null(t->file);
  assert_int_equal(t->first_met, DC_PLAN_NOYEAR);
  assert_int_equal(t->deciding, 2021);
  assert_true(t->evaluated);
  assert_int_equal(t->status[1], DC_ST_NOT_DUE);
  assert_int_equal(t->status[2], DC_ST_MISSED);
  assert_true(t->value[2] == 1 && t->margin_rel[2] == -0.5);
  assert_true(isnan(t->value[0]));
  assert_int_equal(r->nwarnings, 1);
  assert_true(r->warnings[0].worst == 0.1);
  assert_int_equal(r->nmeasures, 1);
  assert_true(r->measures[0].share[1] == 0.25 && isnan(r->measures[0].share[2]));
  dc_result_read_free(v, n);
}

static void expect_error(const char *text, const char *want) {
  dc_result **v = (dc_result **)1;
  size_t n = 9;
  char err[256];
  assert_int_equal(dc_result_read_jsonl(text, strlen(text), &v, &n, err, sizeof err), -1);
  assert_null(v);
  assert_int_equal(n, 0);
  if (!strstr(err, want)) fail_msg("error '%s' lacks '%s'", err, want);
}

static void errors(void **state) {
  (void)state;
  char buf[sizeof line + sizeof line];
  memcpy(buf, line, sizeof line - 2); /* no newline at the end */
  buf[sizeof line - 2] = '\0';
  expect_error(buf, "line 1: the last line has no newline");
  snprintf(buf, sizeof buf, "%s%.100s\n", line, line);
  expect_error(buf, "line 2: not valid JSON");
  snprintf(buf, sizeof buf, "%s", line);
  memcpy(strstr(buf, "\"version\": 1"), "\"version\": 3", 12);
  expect_error(buf, "line 1: written by another version of decarb (schema version 3;");
  snprintf(buf, sizeof buf, "%s", line);
  memcpy(strstr(buf, "\"targets_total\": 1"), "\"targets_total\": 2", 18);
  expect_error(buf, "\"targets_total\" is not the number of targets");
  snprintf(buf, sizeof buf, "%s", line);
  memcpy(strstr(buf, "\"metric\": \"cars\""), "\"metric\": \"carx\"", 16);
  expect_error(buf, "no metric 'carx'");
  expect_error("{\"a\": 1, \"a\": 2}\n", "line 1: not valid JSON");
  expect_error("\n\n[1]\n", "line 3: not a JSON object");
}

static void reads_a_report(void **state) {
  (void)state;
  /* the report form: the plan without schema and version, in "plans" */
  char buf[sizeof line + 200];
  snprintf(buf, sizeof buf, "{\"plans\": [%.*s], \"schema\": \"decarb-check\", \"version\": 1}",
           (int)strlen(line) - 1, line);
  dc_result **v;
  size_t n;
  char err[256];
  assert_int_equal(dc_result_read_json(buf, strlen(buf), &v, &n, err, sizeof err), 0);
  assert_int_equal(n, 1);
  assert_string_equal(v[0]->region, "R");
  dc_result_read_free(v, n);
  assert_int_equal(dc_result_read_json("{\"plans\": []}", 13, &v, &n, err, sizeof err), -1);
  assert_non_null(strstr(err, "decarb-check"));
  /* blank lines only: no plans, no error */
  assert_int_equal(dc_result_read_jsonl("\n \n", 3, &v, &n, err, sizeof err), 0);
  assert_int_equal(n, 0);
  dc_result_read_free(v, n);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(reads_a_line),
      cmocka_unit_test(errors),
      cmocka_unit_test(reads_a_report),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
