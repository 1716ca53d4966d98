/* test_plan.c — cmocka tests of the plan engine core (stdlib/plan.c):
 * ramps, every measure kind, every target kind (met, missed, edge years,
 * tolerance), scenarios, wedges, warnings, re-evaluation and errors. */
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

#define Y0 2020
#define Y1 2030
#define N (Y1 - Y0 + 1)

static const dc_dims EMIS = {{[DC_DIM_CO2] = 1, [DC_DIM_TIME] = -1}};
static const dc_dims POWER = {{[DC_DIM_MASS] = 1, [DC_DIM_LENGTH] = 2, [DC_DIM_TIME] = -3}};
static const dc_dims NONE = {{0}};
static const dc_dims TIME = {{[DC_DIM_TIME] = 1}};
static const dc_dims CO2 = {{[DC_DIM_CO2] = 1}};
static const dc_dims MONEY = {{[DC_DIM_CURRENCY] = 1}};

static double *konst(double v) {
  static double buf[8][N];
  static int k;
  double *b = buf[k++ % 8];
  for (int i = 0; i < N; i++) b[i] = v;
  return b;
}

/* a plan with one sector of constant BAU 100 */
static dc_plan *base_plan(void) {
  dc_plan *p = dc_plan_new("test", Y0, Y1);
  assert_non_null(p);
  assert_int_equal(dc_plan_sector(p, "buildings", konst(100), EMIS, NULL, NULL), 0);
  return p;
}

static dc_plan_measure_spec abates(const char *name, const char *sector, double v, int start,
                                   int full) {
  dc_plan_measure_spec m;
  memset(&m, 0, sizeof m);
  m.name = name;
  m.kind = DC_MEASURE_ABATES;
  m.sector = sector;
  m.start = start;
  m.full = full;
  m.stop = DC_PLAN_NOYEAR;
  m.amount = konst(v);
  m.amount_dims = EMIS;
  m.scenario = -1;
  return m;
}

static dc_plan_target_spec target(const char *name, enum dc_target_kind k, int by) {
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = name;
  t.kind = k;
  t.by = by;
  t.from = DC_PLAN_NOYEAR;
  return t;
}

static const double *em(dc_plan *p, int s) { return dc_plan_values(p, s, DC_MET_EMISSIONS); }

static void test_new_bad_years(void **state) {
  (void)state;
  assert_null(dc_plan_new("x", 2030, 2020));
  assert_null(dc_plan_new("x", 0, 5000));
  dc_plan *p = dc_plan_new("x", 2020, 2020);
  assert_non_null(p);
  assert_string_equal(dc_plan_name(p), "x");
  assert_int_equal(dc_plan_nscenarios(p), 2);
  assert_string_equal(dc_plan_scenario_name(p, DC_SCEN_BAU), "BAU");
  dc_plan_free(p);
}

static void test_ramp(void **state) {
  (void)state;
  dc_plan *p = base_plan();
  dc_plan_measure_spec m = abates("retrofit", "buildings", 30, 2022, 2024);
  m.stop = 2028;
  assert_int_equal(dc_plan_measure(p, &m), 0);
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), 0);
  const double *e = em(p, DC_SCEN_PLAN);
  assert_float_equal(e[0], 100, 1e-9);  /* 2020 */
  assert_float_equal(e[1], 100, 1e-9);  /* 2021 */
  assert_float_equal(e[2], 90, 1e-9);   /* 2022: 1/3 */
  assert_float_equal(e[3], 80, 1e-9);   /* 2023: 2/3 */
  assert_float_equal(e[4], 70, 1e-9);   /* 2024: full */
  assert_float_equal(e[8], 70, 1e-9);   /* 2028: last year in effect */
  assert_float_equal(e[9], 100, 1e-9);  /* 2029: stopped */
  const double *b = dc_plan_values(p, DC_SCEN_PLAN, DC_MET_BAU);
  assert_float_equal(b[4], 100, 1e-9);
  assert_float_equal(dc_plan_values(p, DC_SCEN_PLAN, DC_MET_ABATEMENT)[4], 30, 1e-9);
  /* the sector's own metric is after measures */
  assert_float_equal(dc_plan_values(p, DC_SCEN_PLAN, dc_plan_find_metric(p, "buildings"))[4], 70, 1e-9);
  dc_plan_free(p);
}

static void test_saves_series_factor(void **state) {
  (void)state;
  dc_plan *p = base_plan();
  double factor[N];
  for (int i = 0; i < N; i++) factor[i] = 1.0 - 0.05 * i; /* grid decarbonises */
  dc_plan_measure_spec m;
  memset(&m, 0, sizeof m);
  m.name = "school";
  m.kind = DC_MEASURE_SAVES;
  m.sector = "buildings";
  m.start = m.full = m.stop = DC_PLAN_NOYEAR;
  m.amount = konst(10);
  m.amount_dims = (dc_dims){{[DC_DIM_MASS] = 1, [DC_DIM_LENGTH] = 2, [DC_DIM_TIME] = -3}};
  m.factor = factor;
  m.factor_dims = (dc_dims){{[DC_DIM_CO2] = 1, [DC_DIM_MASS] = -1, [DC_DIM_LENGTH] = -2, [DC_DIM_TIME] = 2}};
  m.scenario = -1;
  assert_int_equal(dc_plan_measure(p, &m), 0);
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), 0);
  assert_float_equal(em(p, 1)[0], 90, 1e-9);
  assert_float_equal(em(p, 1)[10], 95, 1e-9);
  /* a factor in the wrong units is refused */
  m.name = "bad";
  m.factor_dims = NONE;
  assert_int_equal(dc_plan_measure(p, &m), -1);
  assert_non_null(strstr(dc_plan_error(p), "units other than the plan's emissions"));
  dc_plan_free(p);
}

static dc_plan *pv_plan(void) {
  dc_plan *p = base_plan();
  assert_int_equal(dc_plan_capacity(p, "PV", konst(600), POWER, NULL, konst(0.2), NONE, NULL), 0);
  assert_int_equal(dc_plan_capacity(p, "coal", konst(1400), POWER, NULL, konst(0.5), NONE, NULL), 1);
  dc_plan_add a = {"PV", konst(400), POWER, NULL, NONE};
  dc_plan_measure_spec m;
  memset(&m, 0, sizeof m);
  m.name = "PV park";
  m.kind = DC_MEASURE_ADDS;
  m.sector = "buildings";
  m.start = 2023;
  m.full = m.stop = DC_PLAN_NOYEAR;
  m.adds = &a;
  m.nadds = 1;
  m.factor = konst(0.25);
  m.factor_dims = (dc_dims){{[DC_DIM_CO2] = 1, [DC_DIM_MASS] = -1, [DC_DIM_LENGTH] = -2, [DC_DIM_TIME] = 2}};
  m.scenario = -1;
  assert_int_equal(dc_plan_measure(p, &m), 0);
  return p;
}

static void test_adds_capacity_generation(void **state) {
  (void)state;
  dc_plan *p = pv_plan();
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), 0);
  int pv = dc_plan_find_metric(p, "PV"), gpv = dc_plan_find_metric(p, "generation:PV");
  assert_true(pv >= 0 && gpv >= 0);
  assert_float_equal(dc_plan_values(p, 1, pv)[2], 600, 1e-9);
  assert_float_equal(dc_plan_values(p, 1, pv)[3], 1000, 1e-9);
  assert_float_equal(dc_plan_values(p, 1, DC_MET_CAPACITY)[3], 2400, 1e-9);
  assert_float_equal(dc_plan_values(p, 1, gpv)[3], 200, 1e-9);
  assert_float_equal(dc_plan_values(p, 1, DC_MET_GENERATION)[3], 900, 1e-9);
  /* 400 x 0.2 x 0.25 = 20 abated */
  assert_float_equal(em(p, 1)[3], 80, 1e-9);
  assert_float_equal(em(p, 1)[2], 100, 1e-9);
  /* BAU has no additions */
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_BAU, NULL, NULL), 0);
  assert_float_equal(dc_plan_values(p, 0, pv)[3], 600, 1e-9);
  dc_plan_free(p);
}

static void test_at_most_every_year(void **state) {
  (void)state;
  dc_plan *p = base_plan();
  dc_plan_measure_spec m = abates("retrofit", "buildings", 40, 2021, 2024);
  m.stop = 2027;
  dc_plan_measure(p, &m);
  dc_plan_target_spec t = target("<= 75 by 2024", DC_TARGET_AT_MOST, 2024);
  t.bound = 75;
  t.bound_dims = EMIS;
  assert_int_equal(dc_plan_target(p, &t), 0);
  t.name = "<= 75 from 2024 on";
  t.every_year_after = 1;
  assert_int_equal(dc_plan_target(p, &t), 1);
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  dc_target_result r;
  assert_int_equal(dc_plan_result(p, 1, 0, &r), 0);
  assert_true(r.met);
  assert_int_equal(r.ndue, 1);
  assert_int_equal(r.deciding, 2024);
  assert_int_equal(r.first_met, 2023); /* 100 - 30 = 70 */
  assert_int_equal(r.first_failed, DC_PLAN_NOYEAR);
  assert_int_equal(r.status[0], DC_ST_NOT_DUE);
  assert_int_equal(r.status[4], DC_ST_MET);
  assert_int_equal(r.status[5], DC_ST_NONE);
  assert_float_equal(r.value[4], 60, 1e-9);
  assert_float_equal(r.bound[4], 75, 1e-9);
  assert_float_equal(r.margin[4], 15, 1e-9);
  assert_float_equal(r.margin_rel[4], 0.2, 1e-9);
  assert_int_equal(dc_plan_result(p, 1, 1, &r), 0);
  assert_false(r.met);
  assert_int_equal(r.ndue, 7);
  assert_int_equal(r.nmissed, 3);
  assert_int_equal(r.first_failed, 2028);
  assert_int_equal(r.deciding, 2028);
  assert_float_equal(r.margin[8], -25, 1e-9);
  assert_int_equal(r.status[8], DC_ST_MISSED);
  dc_plan_free(p);
}

static void test_at_least_edge(void **state) {
  (void)state;
  dc_plan *p = pv_plan();
  dc_plan_target_spec t = target("PV >= 1000 by 2023", DC_TARGET_AT_LEAST, 2023);
  t.metric = "PV";
  t.bound = 1000;
  t.bound_dims = POWER;
  assert_int_equal(dc_plan_target(p, &t), 0);
  t.name = "PV >= 1000 by 2022";
  t.by = 2022;
  assert_int_equal(dc_plan_target(p, &t), 1);
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  dc_target_result r;
  dc_plan_result(p, 1, 0, &r);
  assert_true(r.met); /* exactly on the bound counts as met */
  assert_float_equal(r.margin[3], 0, 1e-9);
  dc_plan_result(p, 1, 1, &r);
  assert_false(r.met);
  assert_int_equal(r.first_failed, 2022);
  assert_int_equal(r.first_met, 2023);
  assert_float_equal(r.margin[2], -400, 1e-9);
  dc_plan_free(p);
}

static void test_reduce_and_intensity(void **state) {
  (void)state;
  dc_plan *p = base_plan();
  dc_plan_measure_spec m = abates("retrofit", "buildings", 20, 2025, DC_PLAN_NOYEAR);
  dc_plan_measure(p, &m);
  double gdp[N];
  for (int i = 0; i < N; i++) gdp[i] = 1000 * (1 + 0.05 * i);
  assert_true(dc_plan_metric(p, "GDP", gdp, MONEY, NULL, "stats") >= 0);
  dc_plan_target_spec t = target("-20 % vs 2020 by 2030", DC_TARGET_REDUCE, 2030);
  t.reduce = 0.2;
  t.from = 2020;
  assert_int_equal(dc_plan_target(p, &t), 0);
  t.name = "-25 %";
  t.reduce = 0.25;
  assert_int_equal(dc_plan_target(p, &t), 1);
  t.name = "intensity -40 %";
  t.reduce = 0.4;
  t.per = "GDP";
  assert_int_equal(dc_plan_target(p, &t), 2);
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  dc_target_result r;
  dc_plan_result(p, 1, 0, &r);
  assert_true(r.met);
  assert_float_equal(r.bound[10], 80, 1e-9);
  assert_float_equal(r.margin[10], 0, 1e-9);
  assert_int_equal(r.first_met, 2025);
  dc_plan_result(p, 1, 1, &r);
  assert_false(r.met);
  assert_float_equal(r.margin[10], -5, 1e-9);
  assert_float_equal(r.margin_rel[10], -5.0 / 75, 1e-9);
  dc_plan_result(p, 1, 2, &r);
  /* 2020: 100/1000 = 0.1 ; 2030: 80/1500 = 0.0533 <= 0.06 */
  assert_true(r.met);
  assert_float_equal(r.value[10], 80.0 / 1500, 1e-12);
  assert_float_equal(r.bound[10], 0.06, 1e-12);
  dc_plan_target_info ti;
  dc_plan_target_at(p, 2, &ti);
  assert_string_equal(ti.kind_name, "intensity");
  dc_plan_free(p);
}

static void test_vs_bau(void **state) {
  (void)state;
  dc_plan *p = base_plan();
  dc_plan_measure_spec m = abates("retrofit", "buildings", 15, 2021, 2030);
  dc_plan_measure(p, &m);
  dc_plan_target_spec t = target("-15 % vs BAU by 2030", DC_TARGET_VS, 2030);
  t.reduce = 0.15;
  t.vs = "BAU";
  assert_int_equal(dc_plan_target(p, &t), 0);
  t.name = "-15 % vs BAU by 2029";
  t.by = 2029;
  assert_int_equal(dc_plan_target(p, &t), 1);
  t.vs = "nope";
  t.name = "-15 % vs nope";
  assert_int_equal(dc_plan_target(p, &t), -1);
  assert_non_null(strstr(dc_plan_error(p), "no scenario 'nope'"));
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  dc_target_result r;
  dc_plan_result(p, 1, 0, &r);
  assert_true(r.met);
  assert_float_equal(r.bound[10], 85, 1e-9);
  dc_plan_result(p, 1, 1, &r);
  assert_false(r.met);
  dc_plan_free(p);
}

static void test_share(void **state) {
  (void)state;
  dc_plan *p = pv_plan();
  const char *parts[] = {"PV"};
  dc_plan_target_spec t = target("PV >= 40 % of capacity", DC_TARGET_AT_LEAST, 2023);
  t.share_of = DC_SHARE_CAPACITY;
  t.parts = parts;
  t.nparts = 1;
  t.bound = 0.4;
  t.bound_dims = NONE;
  assert_int_equal(dc_plan_target(p, &t), 0);
  t.name = "PV >= 20 % of generation";
  t.share_of = DC_SHARE_GENERATION;
  t.bound = 0.2;
  assert_int_equal(dc_plan_target(p, &t), 1);
  t.name = "bad";
  t.bound_dims = POWER;
  assert_int_equal(dc_plan_target(p, &t), -1);
  assert_non_null(strstr(dc_plan_error(p), "percentage"));
  const char *bad[] = {"wind"};
  t.bound_dims = NONE;
  t.parts = bad;
  assert_int_equal(dc_plan_target(p, &t), -1);
  assert_non_null(strstr(dc_plan_error(p), "'wind' is not a technology"));
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  dc_target_result r;
  dc_plan_result(p, 1, 0, &r);
  assert_true(r.met); /* 1000 / 2400 = 41.7 % */
  assert_float_equal(r.value[3], 1000.0 / 2400, 1e-12);
  dc_plan_result(p, 1, 1, &r);
  assert_true(r.met); /* 200 / 900 = 22.2 % */
  assert_float_equal(r.value[3], 200.0 / 900, 1e-12);
  assert_int_equal(r.first_met, 2023);
  dc_plan_free(p);
}

static dc_plan *curve_plan(const double *v) {
  dc_plan *p = dc_plan_new("curve", Y0, Y1);
  dc_plan_sector(p, "all", v, EMIS, NULL, NULL);
  return p;
}

static void test_peak(void **state) {
  (void)state;
  /* rises to 2025 (110), wobbles to 110.5 in 2027, then falls */
  double v[N] = {100, 102, 105, 108, 109, 110, 109, 110.5, 105, 100, 95};
  dc_plan *p = curve_plan(v);
  dc_plan_target_spec t = target("peak by 2025, 1 %", DC_TARGET_PEAK, 2025);
  t.tol = 0.01;
  assert_int_equal(dc_plan_target(p, &t), 0);
  t.name = "peak by 2025, strict";
  t.tol = 0;
  assert_int_equal(dc_plan_target(p, &t), 1);
  t.name = "peak by 2022";
  t.by = 2022;
  assert_int_equal(dc_plan_target(p, &t), 2);
  t.name = "peak by 2030";
  t.by = 2030;
  assert_int_equal(dc_plan_target(p, &t), -1);
  assert_non_null(strstr(dc_plan_error(p), "no later year"));
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  dc_target_result r;
  dc_plan_result(p, 1, 0, &r);
  assert_true(r.met);
  assert_float_equal(r.bound[7], 111.1, 1e-9);
  assert_int_equal(r.deciding, 2027);
  assert_int_equal(r.first_met, 2025); /* 110 x 1.01 covers 110.5 */
  assert_int_equal(r.status[5], DC_ST_NOT_DUE);
  dc_plan_result(p, 1, 1, &r);
  assert_false(r.met);
  assert_int_equal(r.first_failed, 2027);
  dc_plan_result(p, 1, 2, &r);
  assert_false(r.met);
  assert_int_equal(r.first_failed, 2023);
  dc_plan_free(p);
}

static void test_net_zero(void **state) {
  (void)state;
  double v[N] = {100, 90, 80, 70, 60, 50, 40, 30, 0.5, 0, -1};
  dc_plan *p = curve_plan(v);
  dc_plan_target_spec t = target("net zero 2029", DC_TARGET_NET_ZERO, 2029);
  assert_int_equal(dc_plan_target(p, &t), 0);
  t.name = "net zero 2028 strict";
  t.by = 2028;
  assert_int_equal(dc_plan_target(p, &t), 1);
  t.name = "net zero 2028 within 1 %";
  t.tol = 0.01;
  assert_int_equal(dc_plan_target(p, &t), 2);
  t.name = "net zero 2028 within 0.4 abs";
  t.tol = 0.4;
  t.tol_is_abs = 1;
  t.tol_dims = EMIS;
  assert_int_equal(dc_plan_target(p, &t), 3);
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  dc_target_result r;
  dc_plan_result(p, 1, 0, &r);
  assert_true(r.met);
  assert_int_equal(r.ndue, 2);
  assert_int_equal(r.first_met, 2029);
  assert_float_equal(r.margin_rel[10], 0.01, 1e-12); /* 1 / |base 100| */
  dc_plan_result(p, 1, 1, &r);
  assert_false(r.met);
  assert_int_equal(r.first_failed, 2028);
  dc_plan_result(p, 1, 2, &r);
  assert_true(r.met);
  dc_plan_result(p, 1, 3, &r);
  assert_false(r.met);
  dc_plan_free(p);
}

static void test_budget(void **state) {
  (void)state;
  dc_plan *p = curve_plan(konst(10));
  dc_plan_set_year_seconds(p, 100);
  dc_plan_target_spec t = target("budget 2021-2025", DC_TARGET_BUDGET, 2025);
  t.from = 2021;
  t.bound = 5000; /* 5 years x 10 x 100 s */
  t.bound_dims = CO2;
  assert_int_equal(dc_plan_target(p, &t), 0);
  t.name = "budget too small";
  t.bound = 3500;
  assert_int_equal(dc_plan_target(p, &t), 1);
  t.name = "budget in emission units x years";
  t.bound = 50;
  t.bound_dims = EMIS; /* a rate: refused, a budget is an amount */
  assert_int_equal(dc_plan_target(p, &t), -1);
  assert_non_null(strstr(dc_plan_error(p), "not a rate"));
  t.name = "budget in power";
  t.bound_dims = POWER;
  assert_int_equal(dc_plan_target(p, &t), -1);
  t.bound_dims = TIME;
  assert_int_equal(dc_plan_target(p, &t), -1);
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  dc_target_result r;
  dc_plan_result(p, 1, 0, &r);
  assert_true(r.met);
  assert_true(isnan(r.value[0]));
  assert_int_equal(r.status[0], DC_ST_NOT_DUE);
  assert_int_equal(r.status[6], DC_ST_NONE);
  assert_float_equal(r.value[5], 5000, 1e-9);
  assert_int_equal(r.deciding, 2025);
  dc_plan_result(p, 1, 1, &r);
  assert_false(r.met);
  assert_int_equal(r.first_failed, 2024); /* 4000 > 3500: exhausted */
  assert_int_equal(dc_plan_ntargets(p), 2);
  dc_plan_free(p);
}

static void test_scenarios_wedges(void **state) {
  (void)state;
  dc_plan *p = base_plan();
  assert_int_equal(dc_plan_sector(p, "transport", konst(50), EMIS, NULL, NULL), 1);
  dc_plan_measure_spec a = abates("retrofit", "buildings", 30, DC_PLAN_NOYEAR, DC_PLAN_NOYEAR);
  dc_plan_measure_spec b = abates("buses", "transport", 10, 2025, DC_PLAN_NOYEAR);
  assert_int_equal(dc_plan_measure(p, &a), 0);
  assert_int_equal(dc_plan_measure(p, &b), 1);
  int s = dc_plan_scenario(p, "more buses");
  assert_int_equal(s, 2);
  assert_int_equal(dc_plan_scenario(p, "more buses"), -1);
  assert_int_equal(dc_plan_scenario_drop(p, s, 1), 0);
  dc_plan_measure_spec c = abates("buses", "transport", 25, 2025, DC_PLAN_NOYEAR);
  c.scenario = s;
  assert_int_equal(dc_plan_measure(p, &c), 2);
  assert_int_equal(dc_plan_find_measure(p, "buses", s), 2);
  assert_int_equal(dc_plan_find_measure(p, "buses", 1), 1);
  assert_false(dc_plan_measure_active(p, 1, 2));
  assert_false(dc_plan_measure_active(p, s, 1));
  assert_true(dc_plan_measure_active(p, s, 0));
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  assert_int_equal(dc_plan_evaluate(p, s, NULL, NULL), 0);
  assert_int_equal(dc_plan_evaluate(p, 0, NULL, NULL), 0);
  assert_float_equal(em(p, 0)[10], 150, 1e-9);
  assert_float_equal(em(p, 1)[10], 110, 1e-9);
  assert_float_equal(em(p, s)[10], 95, 1e-9);
  /* wedges sum to the gap */
  const double *w0 = dc_plan_wedge(p, 1, 0), *w1 = dc_plan_wedge(p, 1, 1), *w2 = dc_plan_wedge(p, 1, 2);
  assert_float_equal(w0[10] + w1[10] + w2[10], 40, 1e-9);
  assert_float_equal(w1[4], 0, 1e-9);
  assert_float_equal(w2[10], 0, 1e-9);
  assert_float_equal(dc_plan_wedge(p, s, 2)[10], 25, 1e-9);
  dc_plan_free(p);
}

static void test_over_abatement_warning(void **state) {
  (void)state;
  dc_plan *p = base_plan();
  dc_plan_measure_spec a = abates("a", "buildings", 60, 2022, DC_PLAN_NOYEAR);
  dc_plan_measure_spec b = abates("b", "buildings", 50, 2024, DC_PLAN_NOYEAR);
  b.stop = 2026;
  dc_plan_measure(p, &a);
  dc_plan_measure(p, &b);
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  assert_int_equal(dc_plan_nwarnings(p, 1), 1);
  dc_plan_warning w;
  assert_int_equal(dc_plan_warning_at(p, 1, 0, &w), 0);
  assert_string_equal(w.sector, "buildings");
  assert_int_equal(w.ylo, 2024);
  assert_int_equal(w.yhi, 2026);
  assert_float_equal(w.worst, 10, 1e-9);
  char buf[300];
  dc_plan_warning_text(p, 1, 0, buf, sizeof buf);
  assert_non_null(strstr(buf, "sector 'buildings' abate more than its BAU emissions in 2024-2026"));
  assert_int_equal(dc_plan_nwarnings(p, 0), 0);
  dc_plan_free(p);
}

static void test_set_param_reevaluate(void **state) {
  (void)state;
  dc_plan *p = base_plan();
  dc_plan_measure_spec a = abates("a", "buildings", 10, 2022, 2025);
  dc_plan_measure(p, &a);
  dc_plan_target_spec t = target("<= 80 by 2030", DC_TARGET_AT_MOST, 2030);
  t.bound = 80;
  t.bound_dims = EMIS;
  dc_plan_target(p, &t);
  dc_target_result r;
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  dc_plan_result(p, 1, 0, &r);
  assert_false(r.met);
  assert_int_equal(dc_plan_set_param(p, 0, DC_PARAM_ABATES, 20), 0);
  assert_int_equal(dc_plan_result(p, 1, 0, &r), -1); /* stale until evaluated */
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  dc_plan_result(p, 1, 0, &r);
  assert_true(r.met);
  assert_int_equal(dc_plan_set_param(p, 0, DC_PARAM_SCALE, 0.5), 0);
  assert_int_equal(dc_plan_set_param(p, 0, DC_PARAM_START, 2024), 0);
  dc_plan_evaluate(p, 1, NULL, NULL);
  assert_float_equal(em(p, 1)[4], 95, 1e-9); /* 2024: 1/2 of 20 x 0.5 */
  assert_int_equal(dc_plan_set_param(p, 0, DC_PARAM_FULL, 2023), -1);
  assert_int_equal(dc_plan_set_param(p, 0, DC_PARAM_STOP, 2040), -1);
  assert_int_equal(dc_plan_set_param(p, 5, DC_PARAM_SCALE, 1), -1);
  dc_plan_free(p);
}

static void test_errors(void **state) {
  (void)state;
  dc_plan *p = dc_plan_new("e", Y0, Y1);
  dc_plan_measure_spec a = abates("a", NULL, 10, DC_PLAN_NOYEAR, DC_PLAN_NOYEAR);
  assert_int_equal(dc_plan_measure(p, &a), -1);
  assert_non_null(strstr(dc_plan_error(p), "no sector yet"));
  dc_plan_target_spec t = target("x", DC_TARGET_AT_MOST, 2030);
  assert_int_equal(dc_plan_target(p, &t), -1);
  assert_non_null(strstr(dc_plan_error(p), "define a sector first"));
  dc_plan_sector(p, "buildings", konst(1), EMIS, NULL, NULL);
  assert_int_equal(dc_plan_sector(p, "buildings", konst(1), EMIS, NULL, NULL), -1);
  assert_non_null(strstr(dc_plan_error(p), "already used"));
  assert_int_equal(dc_plan_sector(p, "power", konst(1), POWER, NULL, NULL), -1);
  assert_non_null(strstr(dc_plan_error(p), "same kind of unit"));
  a.sector = "transport";
  assert_int_equal(dc_plan_measure(p, &a), -1);
  assert_non_null(strstr(dc_plan_error(p), "unknown sector 'transport' (sectors: 'buildings')"));
  a.sector = "buildings";
  a.start = 2019;
  assert_int_equal(dc_plan_measure(p, &a), -1);
  assert_non_null(strstr(dc_plan_error(p), "outside the plan's years 2020-2030"));
  a.start = 2025;
  a.full = 2024;
  assert_int_equal(dc_plan_measure(p, &a), -1);
  a.full = DC_PLAN_NOYEAR;
  a.amount_dims = POWER;
  assert_int_equal(dc_plan_measure(p, &a), -1);
  a.amount_dims = EMIS;
  assert_int_equal(dc_plan_measure(p, &a), 0);
  assert_int_equal(dc_plan_measure(p, &a), -1);
  assert_non_null(strstr(dc_plan_error(p), "defined twice"));
  t.metric = "GDP";
  assert_int_equal(dc_plan_target(p, &t), -1);
  assert_non_null(strstr(dc_plan_error(p), "no metric 'GDP'"));
  t.metric = NULL;
  t.bound_dims = CO2;
  assert_int_equal(dc_plan_target(p, &t), -1);
  assert_non_null(strstr(dc_plan_error(p), "bound's units do not match"));
  t.bound_dims = EMIS;
  t.by = 2031;
  assert_int_equal(dc_plan_target(p, &t), -1);
  assert_non_null(strstr(dc_plan_error(p), "year 2031 is outside"));
  t.by = DC_PLAN_NOYEAR;
  assert_int_equal(dc_plan_target(p, &t), -1);
  assert_non_null(strstr(dc_plan_error(p), "by = YEAR"));
  dc_plan_add add = {"PV", konst(1), POWER, NULL, NONE};
  dc_plan_measure_spec m;
  memset(&m, 0, sizeof m);
  m.name = "pv";
  m.kind = DC_MEASURE_ADDS;
  m.start = m.full = m.stop = DC_PLAN_NOYEAR;
  m.adds = &add;
  m.nadds = 1;
  m.scenario = -1;
  assert_int_equal(dc_plan_measure(p, &m), -1);
  assert_non_null(strstr(dc_plan_error(p), "unknown technology 'PV'"));
  dc_plan_capacity(p, "PV", konst(1), POWER, NULL, NULL, NONE, NULL);
  m.factor = konst(1);
  assert_int_equal(dc_plan_measure(p, &m), -1);
  assert_non_null(strstr(dc_plan_error(p), "needs hours"));
  assert_int_equal(dc_plan_scenario_drop(p, 1, 0), -1);
  dc_plan_free(p);
}

/* a callback: FN measures abate ref x year offset; FN metrics return emissions / 2 */
static int cb(void *ctx, const dc_plan *p, int s, int ref, int year, double *out, dc_dims *dims) {
  int *calls = ctx;
  (*calls)++;
  if (ref == 99) return 1;
  if (ref == 7) {
    *out = dc_plan_values(p, s, DC_MET_EMISSIONS)[year - dc_plan_y0(p)] / 2;
    *dims = EMIS;
    return 0;
  }
  *out = ref * (year - 2020);
  *dims = EMIS;
  return 0;
}

static void test_functions(void **state) {
  (void)state;
  dc_plan *p = base_plan();
  dc_plan_measure_spec m;
  memset(&m, 0, sizeof m);
  m.name = "fn";
  m.kind = DC_MEASURE_FN;
  m.sector = "buildings";
  m.start = 2022;
  m.full = m.stop = DC_PLAN_NOYEAR;
  m.fnref = 2;
  m.scenario = -1;
  assert_int_equal(dc_plan_measure(p, &m), 0);
  int mi = dc_plan_metric_fn(p, "half", 7, NULL);
  assert_true(mi >= 0);
  assert_int_equal(dc_plan_metric_set_unit(p, mi, EMIS, NULL), 0);
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), -1);
  assert_non_null(strstr(dc_plan_error(p), "is a function"));
  int calls = 0;
  assert_int_equal(dc_plan_evaluate(p, 1, cb, &calls), 0);
  assert_int_equal(calls, 9 + N); /* the ramp is 0 before 2022: not called */
  assert_float_equal(em(p, 1)[10], 80, 1e-9);
  assert_float_equal(dc_plan_values(p, 1, mi)[10], 40, 1e-9);
  dc_plan_set_param(p, 0, DC_PARAM_SCALE, 1);
  m.name = "broken";
  m.fnref = 99;
  dc_plan_measure(p, &m);
  assert_int_equal(dc_plan_evaluate(p, 1, cb, &calls), -1);
  assert_non_null(strstr(dc_plan_error(p), "'broken': its function failed in 2022"));
  dc_plan_free(p);
}

/* a diff metric: the year-on-year change of an earlier metric, 0 in the
   first year; other metrics (functions included) may read it */
static void test_diff_metric(void **state) {
  (void)state;
  dc_plan *p = pv_plan(); /* PV 600, +400 from 2023 by the PV park */
  dc_display mw = {1e6, 0, "MW", 0};
  assert_int_equal(dc_plan_metric_set_unit(p, dc_plan_find_metric(p, "PV"), POWER, &mw), 0);
  int d = dc_plan_metric_diff(p, "PV added", "PV", "computed");
  assert_true(d >= 0);
  int dd = dc_plan_metric_diff(p, "capacity added", "capacity", NULL);
  assert_true(dd > d);
  dc_plan_metric_info mi;
  assert_int_equal(dc_plan_metric_at(p, d, &mi), 0);
  assert_true(dc_dims_eq(mi.dims, POWER));
  assert_string_equal(mi.disp->label, "MW");
  assert_string_equal(mi.source, "computed");
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  const double *v = dc_plan_values(p, 1, d), *c = dc_plan_values(p, 1, dd);
  for (int i = 0; i < N; i++) {
    assert_float_equal(v[i], i == 3 ? 400 : 0, 1e-9); /* 2023 only */
    assert_float_equal(c[i], i == 3 ? 400 : 0, 1e-9);
  }
  assert_int_equal(dc_plan_evaluate(p, 0, NULL, NULL), 0); /* BAU: no additions */
  assert_float_equal(dc_plan_values(p, 0, d)[3], 0, 1e-9);
  /* a target on it: at least 400 added in 2023 */
  dc_plan_target_spec t = target("400 added in 2023", DC_TARGET_AT_LEAST, 2023);
  t.metric = "PV added";
  t.bound = 400;
  t.bound_dims = POWER;
  assert_int_equal(dc_plan_target(p, &t), 0);
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  dc_target_result r;
  dc_plan_result(p, 1, 0, &r);
  assert_true(r.met);
  /* errors: an unknown metric, one without values yet, a name in use */
  assert_int_equal(dc_plan_metric_diff(p, "x", "wind", NULL), -1);
  assert_non_null(strstr(dc_plan_error(p), "no metric 'wind'"));
  assert_int_equal(dc_plan_metric_diff(p, "x", NULL, NULL), -1);
  assert_int_equal(dc_plan_metric_diff(p, "PV added", "PV", NULL), -1);
  assert_non_null(strstr(dc_plan_error(p), "already used"));
  dc_plan_free(p);
  p = dc_plan_new("empty", Y0, Y1);
  assert_int_equal(dc_plan_metric_diff(p, "x", "capacity", NULL), -1);
  assert_non_null(strstr(dc_plan_error(p), "define a technology"));
  assert_int_equal(dc_plan_metric_diff(p, "x", "emissions", NULL), -1);
  assert_non_null(strstr(dc_plan_error(p), "define a sector first"));
  dc_plan_free(p);
}

/* report order of measures: the same in every scenario, a changed measure in
   the place of the one it replaces, added ones last */
static void test_measure_order(void **state) {
  (void)state;
  dc_plan *p = base_plan();
  const char *names[] = {"a", "b", "c"};
  for (int i = 0; i < 3; i++) {
    dc_plan_measure_spec m = abates(names[i], "buildings", 1 + i, DC_PLAN_NOYEAR, DC_PLAN_NOYEAR);
    assert_int_equal(dc_plan_measure(p, &m), i);
  }
  int s = dc_plan_scenario(p, "change a, drop b, add d");
  assert_int_equal(dc_plan_scenario_drop(p, s, 0), 0);
  assert_int_equal(dc_plan_scenario_drop(p, s, 1), 0);
  dc_plan_measure_spec d = abates("d", "buildings", 9, DC_PLAN_NOYEAR, DC_PLAN_NOYEAR);
  d.scenario = s;
  assert_int_equal(dc_plan_measure(p, &d), 3);
  dc_plan_measure_spec a2 = abates("a", "buildings", 5, 2025, DC_PLAN_NOYEAR);
  a2.scenario = s;
  assert_int_equal(dc_plan_measure(p, &a2), 4); /* defined after d */
  int out[5];
  assert_int_equal(dc_plan_measure_order(p, DC_SCEN_PLAN, out), 3);
  assert_int_equal(out[0], 0);
  assert_int_equal(out[1], 1);
  assert_int_equal(out[2], 2);
  assert_int_equal(dc_plan_measure_order(p, s, out), 3);
  assert_int_equal(out[0], 4); /* the changed 'a' first, where 'a' stands */
  assert_int_equal(out[1], 2); /* 'b' dropped */
  assert_int_equal(out[2], 3); /* 'd' added: last */
  assert_int_equal(dc_plan_measure_order(p, DC_SCEN_BAU, out), 0);
  dc_plan_free(p);
}


/* ---- re-entrancy: a callback that changes the plan it is evaluated in ---- */

enum reenter_op {
  OP_SECTOR, OP_CAPACITY, OP_METRIC, OP_METRIC_FN, OP_METRIC_UNIT, OP_MEASURE, OP_TARGET,
  OP_SCENARIO, OP_DROP, OP_SET, OP_INFO, OP_EVALUATE, OP_COUNT
};

typedef struct reenter {
  dc_plan *p;
  enum reenter_op op;
  int rc, calls;
  char err[320];
  jmp_buf *jump; /* non-NULL: leave by a long jump, as a Lua error does */
} reenter;

static int do_op(dc_plan *p, enum reenter_op op, int k) {
  char name[32];
  snprintf(name, sizeof name, "new %d", k);
  dc_plan_measure_spec m = abates(name, "buildings", 1, DC_PLAN_NOYEAR, DC_PLAN_NOYEAR);
  dc_plan_target_spec t = target(name, DC_TARGET_AT_MOST, 2030);
  t.bound_dims = EMIS;
  switch (op) {
  case OP_SECTOR: return dc_plan_sector(p, name, konst(1), EMIS, NULL, NULL);
  case OP_CAPACITY: return dc_plan_capacity(p, name, konst(1), POWER, NULL, NULL, NONE, NULL);
  case OP_METRIC: return dc_plan_metric(p, name, konst(1), NONE, NULL, NULL);
  case OP_METRIC_FN: return dc_plan_metric_fn(p, name, 1, NULL);
  case OP_METRIC_UNIT: return dc_plan_metric_set_unit(p, DC_MET_EMISSIONS, EMIS, NULL);
  case OP_MEASURE: return dc_plan_measure(p, &m);
  case OP_TARGET: return dc_plan_target(p, &t);
  case OP_SCENARIO: return dc_plan_scenario(p, name);
  case OP_DROP: return dc_plan_scenario_drop(p, 2, 0);
  case OP_SET: return dc_plan_set_param(p, 0, DC_PARAM_SCALE, 2);
  case OP_INFO: return dc_plan_set_info(p, "somewhere", NULL);
  case OP_EVALUATE: return dc_plan_evaluate(p, 1, NULL, NULL);
  default: return -1;
  }
}

static int reenter_cb(void *ctx, const dc_plan *cp, int s, int ref, int year, double *out, dc_dims *dims) {
  (void)cp; (void)s; (void)ref; (void)year;
  reenter *r = ctx;
  r->calls++;
  *out = 1;
  *dims = EMIS;
  if (r->calls == 1) {
    r->rc = do_op(r->p, r->op, 0);
    snprintf(r->err, sizeof r->err, "%s", dc_plan_error(r->p));
    if (r->jump) longjmp(*r->jump, 1);
  }
  return 0;
}

/* a plan with a function measure, a named scenario (for drop) */
static dc_plan *fn_plan(void) {
  dc_plan *p = base_plan();
  dc_plan_measure_spec m = abates("fixed", "buildings", 10, DC_PLAN_NOYEAR, DC_PLAN_NOYEAR);
  assert_int_equal(dc_plan_measure(p, &m), 0);
  memset(&m, 0, sizeof m);
  m.name = "fn";
  m.kind = DC_MEASURE_FN;
  m.sector = "buildings";
  m.start = m.full = m.stop = DC_PLAN_NOYEAR;
  m.scenario = -1;
  assert_int_equal(dc_plan_measure(p, &m), 1);
  assert_int_equal(dc_plan_scenario(p, "other"), 2);
  return p;
}

/* every change from inside evaluation is refused with one clear error;
   after it, the plan is evaluated correctly and can be changed again */
static void test_reentry_refused(void **state) {
  (void)state;
  for (int op = 0; op < OP_COUNT; op++) {
    dc_plan *p = fn_plan();
    size_t nmet = dc_plan_nmetrics(p), nmea = dc_plan_nmeasures(p), ntar = dc_plan_ntargets(p);
    reenter r = {p, (enum reenter_op)op, 0, 0, "", NULL};
    assert_int_equal(dc_plan_evaluate(p, 1, reenter_cb, &r), 0);
    assert_int_equal(r.rc, -1);
    assert_non_null(strstr(r.err, op == OP_EVALUATE ? "cannot evaluate plan 'test' while it is being evaluated"
                                                    : "cannot change plan 'test' while it is being evaluated"));
    assert_int_equal(dc_plan_busy(p), 0);
    assert_int_equal(dc_plan_nmetrics(p), nmet);
    assert_int_equal(dc_plan_nmeasures(p), nmea);
    assert_int_equal(dc_plan_ntargets(p), ntar);
    assert_float_equal(em(p, 1)[5], 100 - 10 - 1, 1e-9); /* the scale stayed 1 */
    if (op == OP_EVALUATE) assert_int_equal(dc_plan_evaluate(p, 2, reenter_cb, &r), 0); /* idle again */
    else assert_true(do_op(p, (enum reenter_op)op, 1) >= 0);                           /* allowed */
    dc_plan_free(p);
  }
}

/* a callback that leaves by a long jump (a Lua error) leaves the plan busy;
   the binding gives back the depth it saw, and the plan works again */
static void test_reentry_long_jump(void **state) {
  (void)state;
  dc_plan *p = fn_plan();
  jmp_buf jb;
  reenter r = {p, OP_MEASURE, 0, 0, "", &jb};
  if (setjmp(jb) == 0) {
    dc_plan_evaluate(p, 1, reenter_cb, &r);
    fail_msg("the callback should have jumped");
  }
  assert_int_equal(dc_plan_busy(p), 1);
  assert_int_equal(dc_plan_measure(p, &(dc_plan_measure_spec){0}), -1); /* still refused */
  dc_plan_set_busy(p, 0);
  assert_false(dc_plan_evaluated(p, 1)); /* the interrupted scenario is not taken as done */
  r.jump = NULL;
  r.calls = 0;
  assert_int_equal(dc_plan_evaluate(p, 1, reenter_cb, &r), 0);
  assert_float_equal(em(p, 1)[5], 89, 1e-9);
  dc_plan_hold(p); /* a reader's hold refuses changes too, and nests */
  dc_plan_hold(p);
  assert_int_equal(do_op(p, OP_SCENARIO, 3), -1);
  dc_plan_release(p);
  dc_plan_release(p);
  assert_int_equal(do_op(p, OP_SCENARIO, 3), 3);
  dc_plan_free(p);
}

/* ---- memory: every block through the plan's allocator ---- */

typedef struct capped {
  size_t used, cap;
  int refused;
} capped;

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  capped *c = ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    free(ptr);
    c->used -= old;
    return NULL;
  }
  if (nsize > old && c->used + (nsize - old) > c->cap) {
    c->refused++;
    return NULL;
  }
  void *q = realloc(ptr, nsize);
  if (q) c->used = c->used - old + nsize;
  return q;
}

static void test_allocator_counts(void **state) {
  (void)state;
  capped c = {0, 200000, 0};
  dc_plan *p = dc_plan_new_alloc("capped", 2001, 3000, capped_alloc, &c);
  assert_non_null(p);
  static double one[1000];
  for (int i = 0; i < 1000; i++) one[i] = 1;
  assert_int_equal(dc_plan_sector(p, "s", one, EMIS, NULL, NULL), 0);
  size_t after_sector = c.used;
  assert_true(after_sector > 8000); /* the BAU series is counted */
  int rc = 0, k;
  for (k = 0; k < 1000 && rc >= 0; k++) {
    char name[16];
    snprintf(name, sizeof name, "m%d", k);
    dc_plan_measure_spec m = abates(name, "s", 1, DC_PLAN_NOYEAR, DC_PLAN_NOYEAR);
    m.amount = one;
    rc = dc_plan_measure(p, &m);
  }
  assert_int_equal(rc, -1); /* the cap stops descriptions */
  assert_true(k < 30);
  assert_true(dc_plan_out_of_memory(p));
  assert_true(c.refused > 0);
  assert_true(c.used <= c.cap);
  /* result buffers are counted: evaluation runs out too, cleanly */
  c.cap = c.used + 20000;
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), -1);
  assert_true(dc_plan_out_of_memory(p));
  c.cap = (size_t)1 << 30;
  assert_int_equal(dc_plan_evaluate(p, 1, NULL, NULL), 0);
  assert_false(dc_plan_out_of_memory(p) && dc_plan_error(p)[0] == 0);
  dc_plan_free(p);
  assert_int_equal(c.used, 0); /* every byte given back */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_new_bad_years),
      cmocka_unit_test(test_ramp),
      cmocka_unit_test(test_saves_series_factor),
      cmocka_unit_test(test_adds_capacity_generation),
      cmocka_unit_test(test_at_most_every_year),
      cmocka_unit_test(test_at_least_edge),
      cmocka_unit_test(test_reduce_and_intensity),
      cmocka_unit_test(test_vs_bau),
      cmocka_unit_test(test_share),
      cmocka_unit_test(test_peak),
      cmocka_unit_test(test_net_zero),
      cmocka_unit_test(test_budget),
      cmocka_unit_test(test_scenarios_wedges),
      cmocka_unit_test(test_over_abatement_warning),
      cmocka_unit_test(test_set_param_reevaluate),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_functions),
      cmocka_unit_test(test_diff_metric),
      cmocka_unit_test(test_measure_order),
      cmocka_unit_test(test_reentry_refused),
      cmocka_unit_test(test_reentry_long_jump),
      cmocka_unit_test(test_allocator_counts),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
