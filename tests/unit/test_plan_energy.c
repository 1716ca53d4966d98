/* test_plan_energy.c — cmocka tests of the plan core's energy accounting
 * (stdlib/plan_energy.c, issue 15) through the C API of plan.h: an energy
 * sector's BAU is the core's sector CO2 with no measure; an efficiency
 * saving lowers energy, primary energy and the energy intensity by exactly
 * its saving; a switch conserves useful energy; the non-fossil share in
 * both methods (docs/energy.md, "Worked examples"); other gases through a
 * GWP set; re-evaluation with changed measures; every error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "energy.h"
#include "plan.h"

#define YEAR_S 31536000.0 /* 365 d, the plan's year */
#define TCE_J 29.3076e9
#define KWH_J 3.6e6
#define MAXN 16

static const dc_dims POWER = {{[DC_DIM_MASS] = 1, [DC_DIM_LENGTH] = 2, [DC_DIM_TIME] = -3}};
static const dc_dims EF = {{[DC_DIM_CO2] = 1, [DC_DIM_MASS] = -1, [DC_DIM_LENGTH] = -2, [DC_DIM_TIME] = 2}};
static const dc_dims EMIS = {{[DC_DIM_CO2] = 1, [DC_DIM_TIME] = -1}};
static const dc_dims CH4 = {{[DC_DIM_CH4] = 1, [DC_DIM_TIME] = -1}};
static const dc_dims NONE = {{0}};
static const dc_dims MONEY = {{[DC_DIM_CURRENCY] = 1}};

static double tce(double x) { return x * TCE_J / YEAR_S; }
static double kwh(double x) { return x * KWH_J / YEAR_S; }
static double to_tce(double w) { return w * YEAR_S / TCE_J; }
static double tpy(double x) { return x * 1e3 / YEAR_S; }
static double to_t(double v) { return v * YEAR_S / 1e3; }

#define NEAR(a, b) near_((a), (b), __LINE__)
static void near_(double got, double want, int line) {
  double tol = 1e-9 * fmax(1, fabs(want));
  if (!(fabs(got - want) <= tol)) fail_msg("line %d: got %.15g, want %.15g", line, got, want);
}

static double *konst(double v) {
  static double buf[16][MAXN];
  static int k;
  double *b = buf[k++ % 16];
  for (int i = 0; i < MAXN; i++) b[i] = v;
  return b;
}

static const double *val(dc_plan *p, int s, const char *metric) {
  int mi = dc_plan_find_metric(p, metric);
  if (mi < 0) fail_msg("no metric '%s'", metric);
  const double *v = dc_plan_values(p, s, mi);
  assert_non_null(v);
  return v;
}

static void eval_ok(dc_plan *p, int s) {
  if (dc_plan_evaluate(p, s, NULL, NULL)) fail_msg("evaluate: %s", dc_plan_error(p));
}

static void contains(const char *got, const char *want) {
  if (!strstr(got, want)) fail_msg("'%s' does not contain '%s'", got, want);
}

static dc_plan_energy_opts opts(enum dc_primary_method m, double grid_kwh) {
  dc_plan_energy_opts o;
  memset(&o, 0, sizeof o);
  o.primary = m;
  if (grid_kwh >= 0) {
    o.grid = konst(grid_kwh / KWH_J);
    o.grid_dims = EF;
  }
  return o;
}

/* an energy sector of up to three fuels, values in SI */
static int esector(dc_plan *p, const char *name, const char *f1, double v1, const char *f2, double v2,
                   const char *f3, double v3) {
  dc_plan_fuel_use u[3] = {{f1, konst(v1), POWER, "tce/yr", NULL},
                           {f2, konst(v2), POWER, "tce/yr", NULL},
                           {f3, konst(v3), POWER, "kWh/yr", NULL}};
  dc_plan_energy_sector s;
  memset(&s, 0, sizeof s);
  s.name = name;
  s.uses = u;
  s.nuse = f3 ? 3 : f2 ? 2 : 1;
  return dc_plan_sector_energy(p, &s);
}

static dc_plan_measure_spec saves(const char *name, const char *sector, const char *fuel, double v,
                                  int start, int full) {
  dc_plan_measure_spec m;
  memset(&m, 0, sizeof m);
  m.name = name;
  m.kind = DC_MEASURE_ENERGY_SAVES;
  m.sector = sector;
  m.fuel = fuel;
  m.amount = konst(v);
  m.amount_dims = POWER;
  m.amount_label = "tce/yr";
  m.start = start;
  m.full = full;
  m.stop = DC_PLAN_NOYEAR;
  m.scenario = -1;
  return m;
}

static dc_plan_measure_spec switch_(const char *name, const char *sector, const char *from,
                                    const char *to, double share, double eff, int start, int full) {
  dc_plan_measure_spec m = saves(name, sector, NULL, 0, start, full);
  m.kind = DC_MEASURE_SWITCH;
  m.amount = NULL;
  m.from = from;
  m.to = to;
  m.share = share;
  m.efficiency = eff;
  return m;
}

/* ---- the BAU of an energy sector is the core's, with no measure ---- */

static void test_bau_is_core(void **st) {
  (void)st;
  dc_plan *p = dc_plan_new("bau", 2021, 2023);
  dc_plan_energy_opts o = opts(DC_PRIMARY_NONE, 0.5);
  assert_int_equal(dc_plan_set_energy(p, &o), 0);
  assert_true(esector(p, "industry", "coal", tce(1000), "natural gas", tce(200), "electricity",
                      kwh(1e6)) >= 0);
  dc_plan_measure_spec m = saves("motors", "industry", "coal", tce(100), 2022, 2023);
  assert_int_equal(dc_plan_measure(p, &m), 0);
  eval_ok(p, DC_SCEN_PLAN);
  /* the core, on the same arrays, with no measure */
  dc_energy_error e;
  int coal = dc_energy_fuel_find("coal", &e), gas = dc_energy_fuel_find("natural_gas", &e),
      el = dc_energy_fuel_find("electricity", &e);
  double c[3], g[3], x[3], grid[3], co2e[3], sec[3];
  for (int i = 0; i < 3; i++) c[i] = tce(1000), g[i] = tce(200), x[i] = kwh(1e6), grid[i] = 0.5 / KWH_J;
  dc_energy_use use[3] = {{coal, c}, {gas, g}, {el, x}};
  dc_energy_sector es = {"industry", 0, use, 3, NULL, 0, NULL};
  dc_energy_spec sp;
  memset(&sp, 0, sizeof sp);
  sp.plan = "bau";
  sp.y0 = 2021;
  sp.n = 3;
  sp.sec = &es;
  sp.nsec = 1;
  sp.grid = grid;
  dc_energy_out out;
  memset(&out, 0, sizeof out);
  out.co2e = co2e;
  out.sector_co2e = sec;
  assert_int_equal(dc_energy_account(&sp, &out, &e), 0);
  const double *bau = val(p, DC_SCEN_PLAN, "bau_emissions");
  eval_ok(p, DC_SCEN_BAU);
  const double *b = val(p, DC_SCEN_BAU, "industry");
  for (int i = 0; i < 3; i++) {
    NEAR(bau[i], sec[i]);
    NEAR(b[i], sec[i]);
    NEAR(val(p, DC_SCEN_BAU, "emissions")[i], co2e[i]);
  }
  /* hand: 1000 tce coal = 29.3076 TJ x 94.6 t/TJ; 200 tce gas x 56.1; 1 GWh x 0.5 */
  NEAR(to_t(sec[0]), 2772.49896 + 0.2 * 29.3076 * 56.1 + 500);
  /* wedges add up to BAU - emissions */
  const double *em = val(p, DC_SCEN_PLAN, "emissions"), *w = dc_plan_wedge(p, DC_SCEN_PLAN, 0);
  for (int i = 0; i < 3; i++) NEAR(w[i], sec[i] - em[i]);
  NEAR(to_t(w[2]), 277.249896);
  dc_plan_free(p);
}

/* ---- an efficiency saving lowers energy, primary and intensity by it ---- */

static void test_saves_exact(void **st) {
  (void)st;
  dc_plan *p = dc_plan_new("saves", 2021, 2023);
  dc_plan_energy_opts o = opts(DC_PRIMARY_CALORIFIC, -1);
  assert_int_equal(dc_plan_set_energy(p, &o), 0);
  assert_true(esector(p, "industry", "coal", tce(1000), NULL, 0, NULL, 0) >= 0);
  assert_true(dc_plan_metric(p, "GDP", konst(10), MONEY, NULL, NULL) >= 0);
  dc_plan_measure_spec m = saves("motors", "industry", "coal", tce(100), 2022, 2023); /* 0, 1/2, 1 */
  assert_int_equal(dc_plan_measure(p, &m), 0);
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = "intensity";
  t.kind = DC_TARGET_REDUCE;
  t.metric = "primary_energy";
  t.per = "GDP";
  t.reduce = 0.05;
  t.from = 2021;
  t.by = 2023;
  assert_int_equal(dc_plan_target(p, &t), 0);
  eval_ok(p, DC_SCEN_PLAN);
  static const double want[3] = {1000, 950, 900};
  for (int i = 0; i < 3; i++) {
    NEAR(to_tce(val(p, DC_SCEN_PLAN, "energy")[i]), want[i]);
    NEAR(to_tce(val(p, DC_SCEN_PLAN, "primary_energy")[i]), want[i]);
    NEAR(to_tce(val(p, DC_SCEN_PLAN, "coal")[i]), want[i]);
    NEAR(to_tce(val(p, DC_SCEN_PLAN, "energy:coal")[i]), want[i]);
  }
  dc_target_result r;
  assert_int_equal(dc_plan_result(p, DC_SCEN_PLAN, 0, &r), 0);
  /* the intensity falls by the saving x the ramp / GDP: 0, 5, 10 tce per unit */
  for (int i = 0; i < 3; i++) NEAR(to_tce(r.value[i]), want[i] / 10);
  assert_true(r.met); /* -10 % against -5 % */
  /* the BAU does not move */
  eval_ok(p, DC_SCEN_BAU);
  for (int i = 0; i < 3; i++) NEAR(to_tce(val(p, DC_SCEN_BAU, "energy")[i]), 1000);
  /* CO2 of 1000 tce, less the wedge */
  NEAR(to_t(val(p, DC_SCEN_PLAN, "co2")[2]), 2772.49896 * 0.9);
  NEAR(to_t(val(p, DC_SCEN_PLAN, "emissions")[2]), 2772.49896 * 0.9);
  dc_plan_free(p);
}

/* ---- a switch conserves useful energy ---- */

static void test_switch(void **st) {
  (void)st;
  dc_plan *p = dc_plan_new("switch", 2021, 2023);
  dc_plan_energy_opts o = opts(DC_PRIMARY_NONE, 0.5);
  assert_int_equal(dc_plan_set_energy(p, &o), 0);
  assert_true(esector(p, "industry", "coal", tce(1000), NULL, 0, NULL, 0) >= 0);
  dc_plan_measure_spec m = switch_("heat pumps", "industry", "coal", "electricity", 0.4, 3, 2022, 2023);
  assert_int_equal(dc_plan_measure(p, &m), 0);
  eval_ok(p, DC_SCEN_PLAN);
  const double *coal = val(p, DC_SCEN_PLAN, "energy:coal"), *el = val(p, DC_SCEN_PLAN, "energy:electricity");
  NEAR(to_tce(coal[2]), 600);
  NEAR(to_tce(el[2]), 400.0 / 3);
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "energy")[2]), 600 + 400.0 / 3);
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "electricity")[2]), 400.0 / 3);
  /* useful energy: the coal removed is efficiency x the electricity added */
  for (int i = 0; i < 3; i++) NEAR(tce(1000) - coal[i], 3 * el[i]);
  NEAR(to_tce(coal[1]), 800); /* half ramp in 2022 */
  /* the wedge: 1108.999584 t of coal less 542.733 t of electricity */
  NEAR(to_t(dc_plan_wedge(p, DC_SCEN_PLAN, 0)[2]), 1108.999584 - 400.0 / 3 * TCE_J / KWH_J * 0.5 / 1000);
  dc_plan_free(p);
}

/* ---- the non-fossil share, both methods (docs/energy.md) ---- */

static dc_plan *share_plan(enum dc_primary_method m, double imports_nf) {
  dc_plan *p = dc_plan_new("share", 2023, 2023);
  dc_plan_energy_opts o = opts(m, 0.5);
  if (imports_nf > 0) o.imports_nonfossil = konst(imports_nf);
  assert_int_equal(dc_plan_set_energy(p, &o), 0);
  assert_true(esector(p, "industry", "coal", tce(600000), "natural gas", tce(100000), "electricity",
                      kwh(2e9)) >= 0);
  /* 1 GW x 1500 h/yr = 1.5 TWh/yr of solar */
  assert_true(dc_plan_capacity(p, "solar", konst(1e9), POWER, NULL, konst(1500 * 3600 / YEAR_S), NONE,
                               NULL) >= 0);
  eval_ok(p, DC_SCEN_PLAN);
  return p;
}

static void test_nonfossil_share(void **st) {
  (void)st;
  dc_plan *p = share_plan(DC_PRIMARY_CALORIFIC, 0);
  /* 184,350 + 61,450 + 700,000 tce */
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "primary_energy")[0]), 945800);
  NEAR(val(p, DC_SCEN_PLAN, "nonfossil_share")[0], 184350.0 / 945800);
  dc_plan_free(p);
  p = share_plan(DC_PRIMARY_COAL, 0);
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "primary_energy")[0]), 1306000);
  NEAR(val(p, DC_SCEN_PLAN, "nonfossil_share")[0], 454500.0 / 1306000);
  assert_true(fabs(val(p, DC_SCEN_PLAN, "nonfossil_share")[0] - 0.3480) < 5e-5);
  dc_plan_free(p);
  p = share_plan(DC_PRIMARY_CALORIFIC, 0.4);
  NEAR(val(p, DC_SCEN_PLAN, "nonfossil_share")[0], 208930.0 / 945800);
  dc_plan_free(p);
  /* a target at least 25 % is judged on it */
  p = share_plan(DC_PRIMARY_CALORIFIC, 0);
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = "nf";
  t.kind = DC_TARGET_AT_LEAST;
  t.metric = "nonfossil_share";
  t.bound = 0.25;
  t.bound_dims = NONE;
  t.by = 2023;
  t.from = DC_PLAN_NOYEAR;
  assert_int_equal(dc_plan_target(p, &t), 0);
  eval_ok(p, DC_SCEN_PLAN);
  dc_target_result r;
  assert_int_equal(dc_plan_result(p, DC_SCEN_PLAN, 0, &r), 0);
  assert_false(r.met);
  dc_plan_free(p);
}

/* ---- a power sector: imports' CO2 in its own sector ---- */

static void test_power_sector(void **st) {
  (void)st;
  dc_plan *p = dc_plan_new("power", 2022, 2022);
  dc_plan_energy_opts o = opts(DC_PRIMARY_CALORIFIC, 0.55);
  o.imports = konst(kwh(1e8));
  o.imports_dims = POWER;
  assert_int_equal(dc_plan_set_energy(p, &o), 0);
  dc_plan_fuel_use u = {"coal", konst(tce(300000)), POWER, "tce/yr", NULL};
  dc_plan_energy_sector s;
  memset(&s, 0, sizeof s);
  s.name = "power";
  s.uses = &u;
  s.nuse = 1;
  s.power = 1;
  assert_true(dc_plan_sector_energy(p, &s) >= 0);
  assert_true(esector(p, "industry", "natural gas", tce(50000), "electricity", kwh(2e9), NULL, 0) >= 0);
  assert_true(dc_plan_capacity(p, "wind", konst(1e8), POWER, NULL, konst(8000 * 3600 / YEAR_S), NONE, NULL) >= 0);
  eval_ok(p, DC_SCEN_PLAN);
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "coal")[0]), 300000);
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "primary_energy")[0]), 460610);
  NEAR(to_t(val(p, DC_SCEN_PLAN, "electricity imports")[0]), 55000);
  NEAR(to_t(val(p, DC_SCEN_PLAN, "power")[0]), 831749.688);
  NEAR(to_t(val(p, DC_SCEN_PLAN, "industry")[0]), 82207.818);
  NEAR(to_t(val(p, DC_SCEN_PLAN, "emissions")[0]), 831749.688 + 82207.818 + 55000);
  NEAR(to_t(val(p, DC_SCEN_PLAN, "co2")[0]), 831749.688 + 82207.818 + 55000);
  dc_plan_free(p);
}

/* a plan that exports: its imports' CO2 is exactly 0, with no warning */
static void test_exports(void **st) {
  (void)st;
  dc_plan *p = dc_plan_new("exports", 2021, 2021);
  dc_plan_energy_opts o = opts(DC_PRIMARY_NONE, 0.5711);
  assert_int_equal(dc_plan_set_energy(p, &o), 0);
  dc_plan_fuel_use u[2] = {{"coal", konst(tce(3e7 / 3)), POWER, "tce/yr", NULL},
                           {"natural gas", konst(tce(1.1e6 / 7)), POWER, "tce/yr", NULL}};
  dc_plan_energy_sector s;
  memset(&s, 0, sizeof s);
  s.name = "power";
  s.uses = u;
  s.nuse = 2;
  s.power = 1;
  assert_true(dc_plan_sector_energy(p, &s) >= 0);
  assert_true(esector(p, "industry", "oil", tce(4.3e6 / 9), "natural gas", tce(1e5 / 3), "electricity",
                      kwh(1e9 / 7)) >= 0);
  assert_true(esector(p, "transport", "oil", tce(2.9e6 / 11), NULL, 0, NULL, 0) >= 0);
  assert_true(dc_plan_capacity(p, "coal power", konst(3e9 / 7), POWER, NULL, konst(0.51), NONE, NULL) >= 0);
  eval_ok(p, DC_SCEN_PLAN);
  assert_true(val(p, DC_SCEN_PLAN, "electricity imports")[0] == 0);
  assert_int_equal(dc_plan_nwarnings(p, DC_SCEN_PLAN), 0);
  dc_plan_free(p);
}

/* ---- other gases ---- */

static void test_gases(void **st) {
  (void)st;
  dc_plan *p = dc_plan_new("gases", 2020, 2021);
  dc_plan_energy_opts o = opts(DC_PRIMARY_NONE, -1);
  o.gwp = "AR6";
  assert_int_equal(dc_plan_set_energy(p, &o), 0);
  assert_true(dc_plan_sector(p, "landfill", konst(tpy(5000)), CH4, NULL, NULL) >= 0);
  assert_true(dc_plan_sector(p, "industry", konst(tpy(1000)), EMIS, NULL, NULL) >= 0);
  dc_plan_gas g[2] = {{"N2O", konst(tpy(20)), {{[DC_DIM_N2O] = 1, [DC_DIM_TIME] = -1}}},
                      {"SF6", konst(tpy(1)), {{[DC_DIM_MASS] = 1, [DC_DIM_TIME] = -1}}}};
  dc_plan_energy_sector s;
  memset(&s, 0, sizeof s);
  s.name = "chemicals";
  s.gases = g;
  s.ngas = 2;
  assert_true(dc_plan_sector_energy(p, &s) >= 0);
  eval_ok(p, DC_SCEN_PLAN);
  NEAR(to_t(val(p, DC_SCEN_PLAN, "landfill")[0]), 139500);
  NEAR(to_t(val(p, DC_SCEN_PLAN, "emissions")[0]), 169260 + 1000);
  NEAR(to_t(val(p, DC_SCEN_PLAN, "ch4")[0]), 5000);
  NEAR(to_t(val(p, DC_SCEN_PLAN, "n2o")[0]), 20);
  NEAR(to_t(val(p, DC_SCEN_PLAN, "co2")[0]), 1000);
  dc_plan_metric_info mi;
  dc_plan_metric_at(p, DC_MET_EMISSIONS, &mi);
  assert_int_equal(mi.disp->co2e, 1);
  /* the CH4 sector's emissions can be set (a sample, a seek) */
  dc_plan_slot sl = {DC_OBJ_SECTOR, 0, DC_FIELD_EMISSIONS, 0};
  assert_int_equal(dc_plan_set_field(p, &sl, NULL, tpy(1000)), 0);
  eval_ok(p, DC_SCEN_PLAN);
  NEAR(to_t(val(p, DC_SCEN_PLAN, "landfill")[0]), 27900);
  NEAR(to_t(val(p, DC_SCEN_PLAN, "bau_emissions")[0]), 27900 + 5460 + 24300 + 1000);
  dc_plan_free(p);
}

/* ---- re-evaluation: scale, years, amounts and shares of energy measures ---- */

static void test_reevaluate(void **st) {
  (void)st;
  dc_plan *p = dc_plan_new("again", 2021, 2023);
  dc_plan_energy_opts o = opts(DC_PRIMARY_NONE, 0.5);
  assert_int_equal(dc_plan_set_energy(p, &o), 0);
  assert_true(esector(p, "industry", "coal", tce(1000), NULL, 0, NULL, 0) >= 0);
  dc_plan_measure_spec m = saves("motors", "industry", "coal", tce(100), 2022, 2023);
  assert_int_equal(dc_plan_measure(p, &m), 0);
  m = switch_("heat pumps", "industry", "coal", "electricity", 0.4, 3, 2023, 2023);
  assert_int_equal(dc_plan_measure(p, &m), 1);
  eval_ok(p, DC_SCEN_PLAN);
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "energy:coal")[2]), 1000 - 100 - 400);
  assert_int_equal(dc_plan_set_param(p, 0, DC_PARAM_SCALE, 0.5), 0);
  assert_int_equal(dc_plan_set_param(p, 0, DC_PARAM_START, 2021), 0);
  assert_int_equal(dc_plan_set_param(p, 0, DC_PARAM_FULL, 2021), 0);
  eval_ok(p, DC_SCEN_PLAN);
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "energy:coal")[0]), 950);
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "energy:coal")[2]), 1000 - 50 - 400);
  assert_int_equal(dc_plan_set_param(p, 0, DC_PARAM_STOP, 2022), 0);
  eval_ok(p, DC_SCEN_PLAN);
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "energy:coal")[2]), 600);
  dc_plan_slot amount = {DC_OBJ_MEASURE, 0, DC_FIELD_AMOUNT, 0};
  dc_dims d;
  assert_int_equal(dc_plan_field_dims(p, &amount, &d), 0);
  assert_true(dc_dims_eq(d, POWER));
  assert_int_equal(dc_plan_set_field(p, &amount, NULL, tce(200)), 0);
  eval_ok(p, DC_SCEN_PLAN);
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "energy:coal")[0]), 900);
  dc_plan_slot share = {DC_OBJ_MEASURE, 1, DC_FIELD_SHARE, 0};
  assert_int_equal(dc_plan_set_field(p, &share, NULL, 0.5), 0);
  NEAR(dc_plan_get_field(p, &share, 2023), 0.5);
  eval_ok(p, DC_SCEN_PLAN);
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "energy:coal")[2]), 500);
  assert_int_equal(dc_plan_set_field(p, &share, NULL, 1.2), -1);
  contains(dc_plan_error(p), "switches 120 % of coal");
  /* a sector's use: the BAU follows */
  dc_plan_slot use = {DC_OBJ_SECTOR, 0, DC_FIELD_ENERGY, 0};
  assert_int_equal(dc_plan_set_field(p, &use, NULL, tce(2000)), 0);
  eval_ok(p, DC_SCEN_PLAN);
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "energy:coal")[2]), 2000 - 1000);
  NEAR(to_t(val(p, DC_SCEN_PLAN, "bau_emissions")[2]), 2 * 2772.49896);
  dc_plan_free(p);
}

/* ---- activity x intensity, and warnings ---- */

static void test_activity_and_warning(void **st) {
  (void)st;
  dc_plan *p = dc_plan_new("steel", 2021, 2022);
  dc_plan_energy_opts o = opts(DC_PRIMARY_NONE, 0.5);
  assert_int_equal(dc_plan_set_energy(p, &o), 0);
  dc_dims per_t = {{[DC_DIM_LENGTH] = 2, [DC_DIM_TIME] = -2}}; /* J/kg */
  dc_plan_fuel_use u = {"coal", konst(0.55 * TCE_J / 1000), per_t, NULL, NULL}; /* 0.55 tce/t */
  dc_plan_energy_sector s;
  memset(&s, 0, sizeof s);
  s.name = "steel";
  s.uses = &u;
  s.nuse = 1;
  s.activity = konst(10e9 / YEAR_S); /* 10 Mt/yr */
  s.activity_dims = (dc_dims){{[DC_DIM_MASS] = 1, [DC_DIM_TIME] = -1}};
  assert_true(dc_plan_sector_energy(p, &s) >= 0);
  dc_plan_measure_spec m = saves("too much", "steel", "coal", tce(6e6), 2022, 2022);
  assert_int_equal(dc_plan_measure(p, &m), 0);
  eval_ok(p, DC_SCEN_PLAN);
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "energy")[0]), 5.5e6);
  assert_int_equal(dc_plan_nwarnings(p, DC_SCEN_PLAN), 2); /* the fuel's, then over-abatement */
  char buf[300];
  dc_plan_warning_text(p, DC_SCEN_PLAN, 0, buf, sizeof buf);
  contains(buf, "the measures of sector 'steel' save or switch more coal than it uses in 2022");
  /* the activity can be set: the use follows */
  dc_plan_slot a = {DC_OBJ_SECTOR, 0, DC_FIELD_ACTIVITY, 0};
  assert_int_equal(dc_plan_set_field(p, &a, NULL, 20e9 / YEAR_S), 0);
  eval_ok(p, DC_SCEN_PLAN);
  NEAR(to_tce(val(p, DC_SCEN_PLAN, "energy")[0]), 11e6);
  assert_int_equal(dc_plan_nwarnings(p, DC_SCEN_PLAN), 0);
  dc_plan_free(p);
}

/* ---- errors ---- */

static void test_errors(void **st) {
  (void)st;
  dc_plan *p = dc_plan_new("X", 2021, 2023);
  dc_plan_energy_opts o = opts(DC_PRIMARY_NONE, 0.5);
  assert_int_equal(dc_plan_set_energy(p, &o), 0);
  /* unknown fuel */
  assert_int_equal(esector(p, "a", "peat", tce(1), NULL, 0, NULL, 0), -1);
  contains(dc_plan_error(p), "sector 'a': unknown fuel 'peat'; known: coal, oil, natural_gas");
  /* the plan's error is the cores' dc_err, and so is the energy core's */
  assert_int_equal(dc_plan_err(p)->code, DC_ERR_INPUT);
  assert_ptr_equal(dc_plan_err(p)->msg, dc_plan_error(p));
  dc_energy_error ee;
  assert_int_equal(dc_energy_fuel_find("peat", &ee), -1);
  assert_int_equal(ee.err.code, DC_ERR_INPUT);
  assert_int_equal(ee.code, DC_ENERGY_E_FUEL);
  contains(ee.err.msg, "unknown fuel 'peat'");
  assert_ptr_equal(ee.msg, ee.err.msg);
  /* a fuel in MW */
  dc_plan_fuel_use u = {"coal", konst(1e6), POWER, "MW", NULL};
  dc_plan_energy_sector s;
  memset(&s, 0, sizeof s);
  s.name = "industry";
  s.uses = &u;
  s.nuse = 1;
  assert_int_equal(dc_plan_sector_energy(p, &s), -1);
  contains(dc_plan_error(p), "energy.coal of sector 'industry' is in MW, a power");
  u.label = "tce/yr";
  assert_true(dc_plan_sector_energy(p, &s) >= 0);
  /* CH4 without a GWP set */
  assert_int_equal(dc_plan_sector(p, "landfill", konst(1), CH4, NULL, NULL), -1);
  contains(dc_plan_error(p), "sector 'landfill' emits CH4 but plan 'X' names no GWP set");
  contains(dc_plan_error(p), "give gwp = \"AR6\"");
  /* no primary method */
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = "share";
  t.kind = DC_TARGET_AT_LEAST;
  t.metric = "nonfossil_share";
  t.bound_dims = NONE;
  t.by = 2023;
  t.from = DC_PLAN_NOYEAR;
  assert_int_equal(dc_plan_target(p, &t), -1);
  contains(dc_plan_error(p), "target 'share': plan 'X' asks for nonfossil_share but names no "
                             "primary-energy method: give primary = \"calorific\"");
  /* a switch of more than 100 %, alone and together */
  dc_plan_measure_spec m = switch_("too much", "industry", "coal", "electricity", 1.2, 1, 2021, 2021);
  assert_int_equal(dc_plan_measure(p, &m), -1);
  contains(dc_plan_error(p), "measure 'too much' switches 120 % of coal: a switch moves at most 100 %");
  m = switch_("a", "industry", "coal", "electricity", 0.6, 1, 2021, 2021);
  assert_int_equal(dc_plan_measure(p, &m), 0);
  m = switch_("b", "industry", "coal", "natural gas", 0.5, 1, 2021, 2021);
  assert_int_equal(dc_plan_measure(p, &m), -1);
  contains(dc_plan_error(p), "the switches away from coal in sector 'industry' move 110 % of its use together");
  /* a fuel the sector does not use; a measure in a sector of emissions */
  m = saves("lig", "industry", "lignite", tce(1), 2021, 2021);
  assert_int_equal(dc_plan_measure(p, &m), -1);
  contains(dc_plan_error(p), "measure 'lig' saves lignite, but sector 'industry' uses none (its fuels: coal)");
  assert_true(dc_plan_sector(p, "waste", konst(1), EMIS, NULL, NULL) >= 0);
  m = saves("w", "waste", "coal", tce(1), 2021, 2021);
  assert_int_equal(dc_plan_measure(p, &m), -1);
  contains(dc_plan_error(p), "sector 'waste' gives its emissions");
  /* a saving in MW */
  m = saves("mw", "industry", "coal", tce(1), 2021, 2021);
  m.amount_label = "MW";
  assert_int_equal(dc_plan_measure(p, &m), -1);
  contains(dc_plan_error(p), "saves of measure 'mw' is in MW");
  /* an unknown GWP set */
  o.gwp = "AR9";
  assert_int_equal(dc_plan_set_energy(p, &o), -1);
  dc_plan_free(p);
  /* electricity without a grid factor: at evaluation */
  p = dc_plan_new("Y", 2021, 2021);
  assert_true(esector(p, "b", "coal", tce(1), "oil", tce(1), "electricity", kwh(1)) >= 0);
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), -1);
  contains(dc_plan_error(p), "sector 'b' uses electricity but plan 'Y' names no grid factor");
  dc_plan_free(p);
  /* a technology whose name says nothing, with a primary method */
  p = dc_plan_new("Z", 2021, 2021);
  o = opts(DC_PRIMARY_CALORIFIC, 0.5);
  assert_int_equal(dc_plan_set_energy(p, &o), 0);
  assert_true(esector(p, "b", "coal", tce(1), NULL, 0, NULL, 0) >= 0);
  assert_true(dc_plan_capacity(p, "storage", konst(1), POWER, NULL, konst(0.1), NONE, NULL) >= 0);
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), -1);
  contains(dc_plan_error(p), "say fossil = true or false");
  assert_int_equal(dc_plan_capacity_fossil(p, "storage", 0), 0);
  eval_ok(p, DC_SCEN_PLAN);
  dc_plan_free(p);
}

/* a plan without energy fields has none of the metrics */
static void test_no_energy(void **st) {
  (void)st;
  dc_plan *p = dc_plan_new("plain", 2021, 2022);
  assert_true(dc_plan_sector(p, "a", konst(1), EMIS, NULL, NULL) >= 0);
  dc_plan_energy_opts o;
  memset(&o, 0, sizeof o);
  assert_int_equal(dc_plan_set_energy(p, &o), 0); /* nothing given: nothing changes */
  assert_int_equal(dc_plan_find_metric(p, "energy"), -1);
  assert_int_equal(dc_plan_find_metric(p, "co2"), -1);
  assert_int_equal((int)dc_plan_nmetrics(p), DC_MET_NBUILTIN + 1);
  /* a plan of CH4 only needs a GWP set too (its emissions are CO2e) */
  dc_plan *q = dc_plan_new("ch4", 2021, 2022);
  assert_int_equal(dc_plan_sector(q, "landfill", konst(1), CH4, NULL, NULL), -1);
  contains(dc_plan_error(q), "sector 'landfill' emits CH4 but plan 'ch4' names no GWP set");
  dc_plan_free(q);
  dc_plan_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bau_is_core),     cmocka_unit_test(test_saves_exact),
      cmocka_unit_test(test_switch),          cmocka_unit_test(test_nonfossil_share),
      cmocka_unit_test(test_power_sector),    cmocka_unit_test(test_gases),
      cmocka_unit_test(test_reevaluate),      cmocka_unit_test(test_activity_and_warning),
      cmocka_unit_test(test_errors),          cmocka_unit_test(test_no_energy),
      cmocka_unit_test(test_exports),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
