/* test_montecarlo.c — cmocka tests of the plan's Monte Carlo
 * (stdlib/montecarlo.c, result_mc.c) and of the fields it varies
 * (dc_plan_set_field, the plan's uncertain inputs): a P(met) known in
 * closed form, the same seed giving the same values, blocks merging to the
 * single run, groups drawn together, years restored between samples. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dist.h"
#include "montecarlo.h"
#include "plan_mc.h"
#include "random.h"
#include "plan.h"
#include "result.h"

#define Y0 2020
#define Y1 2030
#define N (Y1 - Y0 + 1)

static const dc_dims EMIS = {{[DC_DIM_CO2] = 1, [DC_DIM_TIME] = -1}};

static double *konst(double v) {
  static double buf[8][N];
  static int k;
  double *b = buf[k++ % 8];
  for (int i = 0; i < N; i++) b[i] = v;
  return b;
}

/* a constant abatement v in sector `sector` from `start` */
static int add_abates_to(dc_plan *p, const char *name, const char *sector, double v, int start) {
  dc_plan_measure_spec m;
  memset(&m, 0, sizeof m);
  m.name = name;
  m.kind = DC_MEASURE_ABATES;
  m.sector = sector;
  m.start = start;
  m.full = m.stop = DC_PLAN_NOYEAR;
  m.amount = konst(v);
  m.amount_dims = EMIS;
  m.scenario = -1;
  return dc_plan_measure(p, &m);
}

static int add_abates(dc_plan *p, const char *name, double v, int start) { return add_abates_to(p, name, "s", v, start); }

static void add_input(dc_plan *p, int m, enum dc_field f, dc_dist_kind kind, double c, double lo, double hi,
                      const char *group, uint64_t stream) {
  dc_plan_input in;
  char err[200];
  memset(&in, 0, sizeof in);
  in.slot.obj = DC_OBJ_MEASURE;
  in.slot.index = m;
  in.slot.field = f;
  assert_int_equal(dc_dist_make(&in.dist, kind, c, lo, hi, NULL, NULL, err, sizeof err), 0);
  in.group = group;
  in.has_group = group != NULL;
  in.stream = stream;
  assert_true(dc_plan_add_input(p, &in) >= 0);
}

/* BAU 100; abatement uniform on [0, 200] (CENTRAL 100); at most 50 by 2030:
 * met when the abatement is >= 50, P = 0.75 exactly. */
static dc_plan *closed_form(void) {
  dc_plan *p = dc_plan_new("closed", Y0, Y1);
  assert_non_null(p);
  assert_int_equal(dc_plan_sector(p, "s", konst(100), EMIS, NULL, NULL), 0);
  int m = add_abates(p, "m", 100, DC_PLAN_NOYEAR);
  add_input(p, m, DC_FIELD_AMOUNT, DC_DIST_UNIFORM, 100, 0, 200, NULL, 0);
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = "t";
  t.kind = DC_TARGET_AT_MOST;
  t.bound = 50;
  t.bound_dims = EMIS;
  t.by = 2030;
  t.from = DC_PLAN_NOYEAR;
  assert_int_equal(dc_plan_target(p, &t), 0);
  return p;
}

static dc_mc *run(dc_plan *p, uint64_t seed, uint64_t a, uint64_t b) {
  char err[400];
  dc_mc *mc = dc_mc_begin(p, DC_SCEN_PLAN, seed, a, b, err, sizeof err);
  assert_non_null(mc);
  assert_int_equal(dc_mc_run(mc, p, NULL, NULL, err, sizeof err), 0);
  dc_mc_end(mc, p);
  return mc;
}

static void test_closed_form(void **state) {
  (void)state;
  dc_plan *p = closed_form();
  /* the central values first: the target is met, nothing sampled */
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), 0);
  dc_target_result r;
  assert_int_equal(dc_plan_result(p, DC_SCEN_PLAN, 0, &r), 0);
  assert_true(r.met);
  const uint64_t seeds[] = {1, 2, 7, 42, 12345, 18446744073709551615u};
  const double n = 10000, z999 = 3.2905267314919255; /* two-sided 99.9 % */
  for (size_t k = 0; k < sizeof seeds / sizeof *seeds; k++) {
    dc_mc *mc = run(p, seeds[k], 0, 10000);
    double pm, lo, hi;
    assert_int_equal(dc_mc_p_met(mc, 0, &pm, &lo, &hi), 0);
    assert_true(lo <= pm && pm <= hi);
    double half = z999 * sqrt(0.75 * 0.25 / n);
    if (fabs(pm - 0.75) > half) fail_msg("seed %llu: P(met) %g outside 0.75 +- %g", (unsigned long long)seeds[k], pm, half);
    /* the abatement drives the margin, rank for rank */
    double rho[1];
    size_t order[1];
    assert_int_equal(dc_mc_drivers(mc, 0, rho, order), 0);
    assert_true(rho[0] > 0.999);
    /* the median of emissions in 2030 is BAU minus the median abatement, 0 */
    double q[DC_MC_NQ];
    assert_int_equal(dc_mc_quantiles(mc, DC_MET_EMISSIONS, N - 1, q), 0);
    assert_true(fabs(q[2]) < 200 * z999 * sqrt(0.25 / n) * 2);
    assert_true(q[0] < q[1] && q[1] < q[2] && q[2] < q[3] && q[3] < q[4]);
    dc_mc_free(mc);
  }
  /* the plan is central again */
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), 0);
  assert_int_equal(dc_plan_result(p, DC_SCEN_PLAN, 0, &r), 0);
  assert_true(r.met);
  assert_true(dc_plan_values(p, DC_SCEN_PLAN, DC_MET_EMISSIONS)[N - 1] == 0);
  dc_plan_free(p);
}

static void test_same_seed_same_values(void **state) {
  (void)state;
  dc_plan *p = closed_form();
  dc_mc *a = run(p, 99, 0, 500), *b = run(p, 99, 0, 500), *c = run(p, 100, 0, 500);
  double xa[500], xb[500], xc[500];
  dc_mc_draws(a, 0, xa);
  dc_mc_draws(b, 0, xb);
  dc_mc_draws(c, 0, xc);
  assert_memory_equal(xa, xb, sizeof xa);
  assert_int_equal(a->nkept, 1); /* the emissions, which the target judges too */
  assert_memory_equal(a->mval, b->mval, a->nkept * a->ny * 500 * sizeof(double));
  assert_memory_not_equal(xa, xc, sizeof xa);
  dc_mc_free(a);
  dc_mc_free(b);
  dc_mc_free(c);
  dc_plan_free(p);
}

static void test_blocks_merge_exactly(void **state) {
  (void)state;
  dc_plan *p = closed_form();
  dc_mc *whole = run(p, 5, 0, 10000), *a = run(p, 5, 0, 5000), *b = run(p, 5, 5000, 10000);
  char err[300];
  assert_int_equal(dc_mc_merge(a, b, err, sizeof err), 0);
  assert_int_equal(a->ns, 10000);
  static double xa[10000], xw[10000];
  dc_mc_draws(a, 0, xa);
  dc_mc_draws(whole, 0, xw);
  assert_memory_equal(xa, xw, sizeof xa);
  assert_memory_equal(a->margin, whole->margin, 10000 * sizeof(double));
  assert_memory_equal(a->mval, whole->mval, a->nkept * a->ny * 10000 * sizeof(double));
  assert_int_equal(a->tally[0].met, whole->tally[0].met);
  /* a block that does not follow is refused */
  dc_mc *c = run(p, 5, 20000, 20010);
  assert_int_equal(dc_mc_merge(a, c, err, sizeof err), -1);
  assert_non_null(strstr(err, "do not fit"));
  /* through the result snapshot: the same statistics */
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), 0);
  dc_result *rw = dc_result_from_plan(p, DC_SCEN_PLAN, NULL, NULL, NULL);
  dc_result *r1 = dc_result_from_plan(p, DC_SCEN_PLAN, NULL, NULL, NULL);
  dc_result *r2 = dc_result_from_plan(p, DC_SCEN_PLAN, NULL, NULL, NULL);
  assert_int_equal(dc_result_set_mc(rw, whole), 0);
  assert_int_equal(dc_result_set_mc(r1, run(p, 5, 0, 5000)), 0);
  assert_int_equal(dc_result_set_mc(r2, run(p, 5, 5000, 10000)), 0);
  assert_int_equal(dc_result_merge_mc(r1, r2, err, sizeof err), 0);
  assert_true(r1->targets[0].p_met == rw->targets[0].p_met);
  assert_true(r1->targets[0].p_met_lo == rw->targets[0].p_met_lo);
  assert_true(r1->targets[0].driver_rho[0] == rw->targets[0].driver_rho[0]);
  assert_memory_equal(r1->metrics[DC_MET_EMISSIONS].quantiles, rw->metrics[DC_MET_EMISSIONS].quantiles,
                      N * DC_MC_NQ * sizeof(double));
  assert_int_equal(r1->mc_first, 0);
  assert_int_equal(r1->mc_end, 10000);
  /* merging the same block twice does not fit */
  assert_int_equal(dc_result_merge_mc(r1, r2, err, sizeof err), -1);
  dc_result_free(rw);
  dc_result_free(r1);
  dc_result_free(r2);
  dc_mc_free(a);
  dc_mc_free(b);
  dc_mc_free(c);
  dc_plan_free(p);
}

/* two inputs of one group get the same quantile: their draws move together */
static void test_group_and_years(void **state) {
  (void)state;
  dc_plan *p = dc_plan_new("g", Y0, Y1);
  assert_int_equal(dc_plan_sector(p, "s", konst(100), EMIS, NULL, NULL), 0);
  int m1 = add_abates(p, "a", 10, 2022), m2 = add_abates(p, "b", 10, DC_PLAN_NOYEAR);
  add_input(p, m1, DC_FIELD_AMOUNT, DC_DIST_UNIFORM, 10, 0, 20, "g", 0x8000000000000001u);
  add_input(p, m2, DC_FIELD_AMOUNT, DC_DIST_UNIFORM, 10, 5, 15, "g", 0x8000000000000001u);
  add_input(p, m1, DC_FIELD_START, DC_DIST_UNIFORM, 2022, 2020, 2030, NULL, 0);
  assert_int_equal(dc_plan_ninputs(p), 3);
  dc_mc *mc = run(p, 3, 0, 200);
  for (size_t k = 0; k < 200; k++) {
    assert_true(fabs((mc->x[k] - 0) / 20 - (mc->x[200 + k] - 5) / 10) < 1e-12);
    double y = mc->x[400 + k];
    assert_true(y == floor(y) && y >= Y0 && y <= Y1);
  }
  dc_mc_free(mc);
  /* after the run: the central start again */
  dc_plan_measure_info mi;
  dc_plan_measure_at(p, m1, &mi);
  assert_int_equal(mi.start, 2022);
  /* replacing an input on the same slot keeps one */
  add_input(p, m1, DC_FIELD_START, DC_DIST_UNIFORM, 2023, 2021, 2025, NULL, 0);
  assert_int_equal(dc_plan_ninputs(p), 3);
  dc_plan_measure_at(p, m1, &mi);
  assert_int_equal(mi.start, 2023);
  dc_plan_slot sl = {DC_OBJ_MEASURE, m1, DC_FIELD_START, 0};
  dc_plan_remove_input(p, &sl);
  assert_int_equal(dc_plan_ninputs(p), 2);
  dc_plan_free(p);
}

static void test_set_field(void **state) {
  (void)state;
  dc_plan *p = dc_plan_new("f", Y0, Y1);
  assert_int_equal(dc_plan_sector(p, "s", konst(100), EMIS, NULL, NULL), 0);
  int m = add_abates(p, "a", 10, 2025);
  dc_plan_slot amt = {DC_OBJ_MEASURE, m, DC_FIELD_AMOUNT, 0}, sec = {DC_OBJ_SECTOR, 0, DC_FIELD_EMISSIONS, 0};
  dc_plan_slot bad = {DC_OBJ_MEASURE, m, DC_FIELD_ADDS, 0};
  dc_dims d;
  assert_int_equal(dc_plan_field_dims(p, &amt, &d), 0);
  assert_int_equal(dc_plan_field_dims(p, &bad, &d), -1);
  assert_non_null(strstr(dc_plan_error(p), "measure 'a' adds"));
  assert_int_equal(dc_plan_set_field(p, &amt, NULL, 30), 0);
  assert_int_equal(dc_plan_set_field(p, &sec, konst(200), 0), 0);
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), 0);
  const double *e = dc_plan_values(p, DC_SCEN_PLAN, DC_MET_EMISSIONS);
  assert_true(e[0] == 200 && e[N - 1] == 170);
  assert_true(dc_plan_get_field(p, &amt, 2030) == 30);
  assert_int_equal(dc_plan_set_field(p, &amt, NULL, INFINITY), -1);
  /* the ramp weights follow a new start */
  dc_plan_slot st = {DC_OBJ_MEASURE, m, DC_FIELD_START, 0};
  assert_int_equal(dc_plan_set_field(p, &st, NULL, 2030), 0);
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), 0);
  e = dc_plan_values(p, DC_SCEN_PLAN, DC_MET_EMISSIONS);
  assert_true(e[N - 2] == 200 && e[N - 1] == 170);
  char lbl[100];
  dc_plan_slot_label(p, &amt, lbl, sizeof lbl);
  assert_string_equal(lbl, "measure 'a' abates");
  dc_plan_free(p);
}

static const dc_dims POWER = {{[DC_DIM_MASS] = 1, [DC_DIM_LENGTH] = 2, [DC_DIM_TIME] = -3}};
static const dc_dims NODIM = {{0}};

static void add_target(dc_plan *p, const char *name, enum dc_target_kind kind, const char *metric, double bound,
                       int by, int from, double reduce, const char *vs) {
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = name;
  t.kind = kind;
  t.metric = metric;
  t.bound = bound;
  t.bound_dims = EMIS;
  if (kind == DC_TARGET_BUDGET) t.bound_dims.e[DC_DIM_TIME] = 0; /* an amount, not a rate */
  t.by = by;
  t.from = from;
  t.reduce = reduce;
  t.vs = vs;
  t.every_year_after = 1;
  if (dc_plan_target(p, &t) < 0) fail_msg("%s: %s", name, dc_plan_error(p));
}

/* The evaluation path for linear amounts (plan_mc.c) gives each sample the
 * bits that setting its draws and evaluating the plan gives: abatements
 * (constant and series), a saving's amount and factor, a scale, the plan's
 * total (no sector), a measure with ramps and a stop, a capacity measure
 * and a difference metric left as they are, targets of every level kind,
 * one against BAU. */
static void fast_path_exact(int simd) {
  int was = dc_plan_fast_simd(simd);
  dc_plan *p = dc_plan_new("fast", Y0, Y1);
  assert_int_equal(dc_plan_sector(p, "s", konst(100), EMIS, NULL, NULL), 0);
  assert_int_equal(dc_plan_sector(p, "t", konst(70.3), EMIS, NULL, NULL), 1);
  assert_int_equal(dc_plan_capacity(p, "PV", konst(600), POWER, NULL, konst(0.2), NODIM, NULL), 0);
  int a = add_abates(p, "a", 10, 2022);
  int b = add_abates(p, "b", 7.7, DC_PLAN_NOYEAR);
  dc_plan_measure_spec m;
  memset(&m, 0, sizeof m);
  double series[N], fac[N];
  for (int i = 0; i < N; i++) series[i] = 3.1 + 0.37 * i, fac[i] = 0.013 * (i + 1);
  m.name = "c";
  m.kind = DC_MEASURE_ABATES;
  m.sector = NULL; /* the plan's total */
  m.start = 2021;
  m.full = 2025;
  m.stop = 2029;
  m.amount = series;
  m.amount_dims = EMIS;
  m.scenario = -1;
  int c = dc_plan_measure(p, &m);
  assert_true(c >= 0);
  dc_dims edims = {{[DC_DIM_MASS] = 1, [DC_DIM_LENGTH] = 2, [DC_DIM_TIME] = -3}};
  dc_dims fdims = {{[DC_DIM_CO2] = 1, [DC_DIM_MASS] = -1, [DC_DIM_LENGTH] = -2, [DC_DIM_TIME] = 2}};
  m.name = "d";
  m.kind = DC_MEASURE_SAVES;
  m.sector = "t";
  m.start = 2023;
  m.full = 2027;
  m.stop = DC_PLAN_NOYEAR;
  m.amount = konst(900);
  m.amount_dims = edims;
  m.factor = fac;
  m.factor_dims = fdims;
  int d = dc_plan_measure(p, &m);
  assert_true(d >= 0);
  m.name = "e";
  m.amount = konst(400);
  int e = dc_plan_measure(p, &m);
  assert_true(e >= 0);
  dc_plan_add ad = {"PV", konst(400), POWER, NULL, NODIM};
  memset(&m, 0, sizeof m);
  m.name = "PV park";
  m.kind = DC_MEASURE_ADDS;
  m.sector = "s";
  m.start = 2023;
  m.full = m.stop = DC_PLAN_NOYEAR;
  m.adds = &ad;
  m.nadds = 1;
  m.factor = konst(0.0125);
  m.factor_dims = fdims;
  m.scenario = -1;
  assert_true(dc_plan_measure(p, &m) >= 0);
  assert_true(dc_plan_metric_diff(p, "change", "emissions", NULL) >= 0);
  add_input(p, a, DC_FIELD_AMOUNT, DC_DIST_TRIANGULAR, 10, 2, 30, NULL, 0);
  add_input(p, b, DC_FIELD_SCALE, DC_DIST_UNIFORM, 1, 0.5, 2, NULL, 1);
  add_input(p, c, DC_FIELD_AMOUNT, DC_DIST_NORMAL, 4, 3, 5, NULL, 2);
  add_input(p, d, DC_FIELD_AMOUNT, DC_DIST_LOGNORMAL, 900, 450, 1800, NULL, 3);
  add_input(p, e, DC_FIELD_FACTOR, DC_DIST_UNIFORM, 0.05, 0.01, 0.1, NULL, 4);
  /* an amount either side of 0 into a sector of BAU -0: a wedge's years
     outside its ramp keep d as it is (d - (-0) would make -0 +0) */
  assert_int_equal(dc_plan_sector(p, "z", konst(-0.0), EMIS, NULL, NULL), 2);
  int g = add_abates_to(p, "g", "z", 0, 2024);
  assert_true(g >= 0);
  add_input(p, g, DC_FIELD_AMOUNT, DC_DIST_NORMAL, 0, -5, 5, NULL, 5);
  add_target(p, "at most", DC_TARGET_AT_MOST, NULL, 150, 2025, DC_PLAN_NOYEAR, 0, NULL);
  add_target(p, "sector t", DC_TARGET_AT_MOST, "t", 69, 2028, DC_PLAN_NOYEAR, 0, NULL);
  add_target(p, "reduce", DC_TARGET_REDUCE, NULL, 0, 2030, 2020, 0.15, NULL);
  add_target(p, "vs BAU", DC_TARGET_VS, NULL, 0, 2030, DC_PLAN_NOYEAR, 0.1, "BAU");
  add_target(p, "budget", DC_TARGET_BUDGET, NULL, 1e4, 2030, 2021, 0, NULL);
  assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), 0);
  char err[300];
  dc_mc *mc = dc_mc_begin(p, DC_SCEN_PLAN, 11, 100, 400, err, sizeof err);
  assert_non_null(mc);
  assert_int_equal(dc_mc_keep(mc, -1), 0);
  assert_int_equal(dc_mc_run(mc, p, NULL, NULL, err, sizeof err), 0);
  assert_non_null(mc->eval); /* the fast path ran */
  assert_null(mc->x);        /* and kept no draw */
  dc_mc_end(mc, p);
  for (size_t k = 0; k < mc->ns; k += 37) {
    for (size_t j = 0; j < mc->ninputs; j++)
      assert_int_equal(dc_plan_set_field(p, &mc->slot[j], NULL, dc_mc_draw(mc, j, k)), 0);
    assert_int_equal(dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL), 0);
    for (size_t mi = 0; mi < mc->nmetrics; mi++) {
      const double *v = dc_plan_values(p, DC_SCEN_PLAN, (int)mi);
      if (!mc->mok[mi]) continue;
      for (size_t y = 0; y < mc->ny; y++) {
        double w = dc_mc_value(mc, k, mi, y);
        if (memcmp(&w, &v[y], sizeof w) != 0)
          fail_msg("sample %zu, metric %zu, year %zu: %.17g, evaluated %.17g", k, mi, y, w, v[y]);
      }
    }
    for (size_t t = 0; t < mc->ntargets; t++) {
      dc_target_result r;
      assert_int_equal(dc_plan_result(p, DC_SCEN_PLAN, (int)t, &r), 0);
      double worst = NAN;
      for (size_t y = 0; y < mc->ny; y++)
        if ((r.status[y] == DC_ST_MET || r.status[y] == DC_ST_MISSED) && !(r.margin[y] >= worst)) worst = r.margin[y];
      assert_memory_equal(&worst, &mc->margin[t * mc->ns + k], sizeof worst);
    }
  }
  dc_mc_free(mc);
  dc_plan_free(p);
  dc_plan_fast_simd(was);
}

static void test_fast_path_exact(void **state) {
  (void)state;
  fast_path_exact(1); /* AVX2 where this CPU has it */
}

static void test_fast_path_exact_portable(void **state) {
  (void)state;
  fast_path_exact(0);
}

static void test_bad_block(void **state) {
  (void)state;
  dc_plan *p = closed_form();
  char err[200];
  assert_null(dc_mc_begin(p, DC_SCEN_PLAN, 1, 10, 10, err, sizeof err));
  assert_non_null(strstr(err, "empty"));
  dc_plan_free(p);
}


/* Any two uniforms at least the order gap apart give quantiles in their
 * order (the drivers rank uniforms on it); degenerate ranges have none. */
static void test_order_gap(void **state) {
  (void)state;
  static const struct { dc_dist_kind k; double c, lo, hi; } ds[] = {
      {DC_DIST_TRIANGULAR, 100, 50, 200}, {DC_DIST_TRIANGULAR, 1e6, 1e6, 1e6 + 0.01},
      {DC_DIST_UNIFORM, -5, -10, 3},      {DC_DIST_UNIFORM, 1e8, 1e8 - 1, 1e8 + 1},
      {DC_DIST_NORMAL, 0, -1, 1},         {DC_DIST_NORMAL, 1e5, 1e5 - 1e-3, 1e5 + 1e-3},
      {DC_DIST_LOGNORMAL, 1, 0.5, 2},     {DC_DIST_LOGNORMAL, 1e8, 0.99e8, 1.01e8}};
  char err[200];
  for (size_t i = 0; i < sizeof ds / sizeof *ds; i++) {
    dc_dist d;
    assert_int_equal(dc_dist_make(&d, ds[i].k, ds[i].c, ds[i].lo, ds[i].hi, NULL, NULL, err, sizeof err), 0);
    double g = dc_dist_order_gap(&d);
    if (!(g > 0 && g < 1e-4)) fail_msg("dist %zu: order gap %g", i, g);
    for (int k = 1; k < 20000; k++) {
      double a = dc_random_uniform(3, (uint64_t)k, i) * (1 - g), b = a + g;
      if (!(dc_dist_quantile(&d, a) < dc_dist_quantile(&d, b))) fail_msg("dist %zu: u %.17g and %.17g out of order", i, a, b);
    }
  }
  dc_dist d;
  assert_int_equal(dc_dist_make(&d, DC_DIST_UNIFORM, 5, 5, 5, NULL, NULL, err, sizeof err), 0);
  assert_true(isinf(dc_dist_order_gap(&d)));
  assert_int_equal(dc_dist_make_sd(&d, 5, 0, NULL, NULL, err, sizeof err), 0);
  assert_true(isinf(dc_dist_order_gap(&d)));
}

/* The drivers, from the uniforms' ranks where they are the draws', are the
 * bits of Spearman's rho of the draws: of every kind, with draws that tie
 * (a range narrower than the values' rounding: ranked as draws), a
 * degenerate range (no rho), a group sharing its uniform. */
static void test_drivers_from_uniforms(void **state) {
  (void)state;
  dc_plan *p = closed_form();
  int m1 = add_abates(p, "m1", 10, DC_PLAN_NOYEAR), m2 = add_abates(p, "m2", 10, DC_PLAN_NOYEAR);
  int m3 = add_abates(p, "m3", 10, DC_PLAN_NOYEAR), m4 = add_abates(p, "m4", 10, DC_PLAN_NOYEAR);
  int m5 = add_abates(p, "m5", 10, DC_PLAN_NOYEAR), m6 = add_abates(p, "m6", 10, DC_PLAN_NOYEAR);
  add_input(p, m1, DC_FIELD_AMOUNT, DC_DIST_TRIANGULAR, 10, 0, 40, NULL, 0);
  add_input(p, m2, DC_FIELD_AMOUNT, DC_DIST_NORMAL, 10, 5, 15, "g", 77);
  add_input(p, m3, DC_FIELD_AMOUNT, DC_DIST_LOGNORMAL, 10, 5, 20, "g", 77);
  add_input(p, m4, DC_FIELD_AMOUNT, DC_DIST_UNIFORM, 1e15, 1e15, 1e15 + 0.5, NULL, 0);
  add_input(p, m5, DC_FIELD_AMOUNT, DC_DIST_UNIFORM, 10, 10, 10, NULL, 0);
  add_input(p, m6, DC_FIELD_AMOUNT, DC_DIST_TRIANGULAR, 1e7, 1e7 - 0.1, 1e7 + 0.1, NULL, 0);
  const size_t ns = 3000;
  dc_mc *mc = run(p, 9, 0, ns);
  size_t nin = mc->ninputs, nt = mc->ntargets;
  double *rho = calloc(nt * nin, sizeof *rho), *x = malloc(ns * sizeof *x), *rx = malloc(ns * sizeof *rx),
         *ry = malloc(ns * sizeof *ry);
  unsigned char ok[4];
  dc_ranker *rk = dc_ranker_new(ns);
  assert_true(rho && x && rx && ry && rk && nt <= 4);
  assert_int_equal(dc_mc_drivers_all(mc, rho, ok), 0);
  assert_true(ok[0]);
  assert_int_equal(dc_ranker_ranks(rk, mc->margin, ns, ry), 0);
  for (size_t j = 0; j < nin; j++) {
    dc_mc_draws(mc, j, x);
    assert_int_equal(dc_ranker_ranks(rk, x, ns, rx), 0);
    double want = dc_stats_pearson(rx, ry, ns);
    if (memcmp(&want, &rho[j], sizeof want) != 0 && !(isnan(want) && isnan(rho[j])))
      fail_msg("input %zu: rho %.17g, Spearman of the draws %.17g", j, rho[j], want);
  }
  assert_true(isnan(rho[5]));        /* degenerate: no rho */
  assert_true(rho[2] == rho[3]);     /* one group, one uniform */
  dc_mc_draws(mc, 4, x);             /* the narrow range's draws tie */
  assert_int_equal(dc_ranker_ranks(rk, x, ns, rx), 0);
  int tie = 0;
  for (size_t k = 0; k < ns; k++) tie |= rx[k] != floor(rx[k]);
  assert_true(tie);
  free(rho), free(x), free(rx), free(ry);
  dc_ranker_free(rk);
  dc_mc_free(mc);
  dc_plan_free(p);
}


/* The uniforms' bucket sort ranks as dc_ranker_ranks and gives the order;
 * it refuses ties, values outside [0, 1) and bunched values. */
static void test_unit_order(void **state) {
  (void)state;
  enum { M = 5000 };
  static double u[M], r[M], want[M];
  static uint32_t order[M];
  dc_ranker *rk = dc_ranker_new(M);
  assert_non_null(rk);
  dc_random_uniform_samples(5, 100, 3, M, u);
  assert_int_equal(dc_ranker_unit_order(rk, u, M, r, order), 0);
  assert_int_equal(dc_ranker_ranks(rk, u, M, want), 0);
  assert_memory_equal(r, want, sizeof r);
  for (size_t q = 0; q < M; q++) assert_true(r[order[q]] == (double)(q + 1));
  for (size_t q = 0; q + 1 < M; q++) assert_true(u[order[q]] < u[order[q + 1]]);
  u[17] = u[4000];
  assert_int_equal(dc_ranker_unit_order(rk, u, M, r, order), 1);
  u[17] = 1;
  assert_int_equal(dc_ranker_unit_order(rk, u, M, r, order), 1);
  for (size_t k = 0; k < M; k++) u[k] = 0.5 + (double)(M - k) * 1e-12; /* one bucket, reversed */
  assert_int_equal(dc_ranker_unit_order(rk, u, M, r, order), 1);
  assert_int_equal(dc_ranker_unit_order(rk, u, M + 1, r, order), 1);
  dc_ranker_free(rk);
}


/* The run's triangular draws, many at once (four to a register where the
 * CPU can), are the bits of one at a time: edges and values outside [0, 1]
 * among them, the uniforms either side of the mode. */
static void test_triangular_batch(void **state) {
  (void)state;
  enum { M = 40000 };
  static double u[M], v[M];
  static const double cs[][3] = {{100, 80, 130}, {80, 80, 130}, {130, 80, 130}, {1e7, 1e7 - 0.1, 1e7 + 0.3}};
  char err[200];
  for (size_t i = 0; i < sizeof cs / sizeof *cs; i++) {
    dc_dist d;
    assert_int_equal(dc_dist_make(&d, DC_DIST_TRIANGULAR, cs[i][0], cs[i][1], cs[i][2], NULL, NULL, err, sizeof err), 0);
    dc_random_uniform_samples(11, 0, i, M, u);
    const double odd[] = {0, 1, -0.5, 1.5, NAN, -0.0, 0x1p-54, 1 - 0x1p-53};
    memcpy(u, odd, sizeof odd);
    double pm = (d.central - d.low) / (d.high - d.low); /* the mode's u and its neighbours */
    u[9] = pm, u[10] = nextafter(pm, 0), u[11] = nextafter(pm, 1);
    memcpy(v, u, sizeof u);
    dc_dist_quantiles(&d, v, M);
    for (size_t k = 0; k < M; k++) {
      double w = dc_dist_quantile(&d, u[k]);
      if (isnan(w) ? !isnan(v[k]) : memcmp(&w, &v[k], sizeof w) != 0)
        fail_msg("dist %zu, u = %.17g: %.17g, one at a time %.17g", i, u[k], v[k], w);
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_closed_form),     cmocka_unit_test(test_same_seed_same_values),
      cmocka_unit_test(test_blocks_merge_exactly), cmocka_unit_test(test_group_and_years),
      cmocka_unit_test(test_set_field),       cmocka_unit_test(test_bad_block),
      cmocka_unit_test(test_fast_path_exact),
      cmocka_unit_test(test_fast_path_exact_portable),
      cmocka_unit_test(test_order_gap),       cmocka_unit_test(test_drivers_from_uniforms),
      cmocka_unit_test(test_unit_order),    cmocka_unit_test(test_triangular_batch),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
