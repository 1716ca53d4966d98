/* mc_driver.c — bench driver for the uncertainty rows of `make bench`
 * (bench/uncertain.bench.sh, bench/plan.bench.sh): the synthetic plan of
 * plan_driver.c (200 measures in 20 sectors, 2020-2060, four targets) with
 * every measure's amount uncertain (triangular, +-50 %). Modes:
 *   ramp N    the re-evaluation hand-written as a vectorisable C loop over
 *             precomputed ramp weights (ns per evaluation)
 *   eval N    the core's re-evaluation after one p:set-like change (ns)
 *   mc N      the core's Monte Carlo of N samples (ns per sample)
 *   seek      evaluations a goal seek of one measure's scale takes (count)
 * Links build/libdecarb.a. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "montecarlo.h"
#include "plan.h"
#include "plan_seek.h"

#define Y0 2020
#define Y1 2060
#define NY (Y1 - Y0 + 1)
#define NSEC 20
#define NMEA 200

static const dc_dims EMIS = {{[DC_DIM_CO2] = 1, [DC_DIM_TIME] = -1}};
static double bau[NSEC][NY], amount[NMEA][NY];
static int start[NMEA], full[NMEA], sector[NMEA];
static double sink;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: the machine may be shared */
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void inputs(void) {
  for (int s = 0; s < NSEC; s++)
    for (int i = 0; i < NY; i++) bau[s][i] = 1000.0 * (s + 1) * pow(1.01, i);
  for (int m = 0; m < NMEA; m++) {
    sector[m] = m % NSEC;
    start[m] = Y0 + 1 + m % 20;
    full[m] = start[m] + m % 7;
    for (int i = 0; i < NY; i++) amount[m][i] = 5.0 + m % 13;
  }
}

static dc_plan *build(int uncertain) {
  char name[32], sec[32];
  dc_plan *p = dc_plan_new("bench", Y0, Y1);
  for (int s = 0; s < NSEC; s++) {
    snprintf(name, sizeof name, "sector %d", s);
    dc_plan_sector(p, name, bau[s], EMIS, NULL, NULL);
  }
  for (int m = 0; m < NMEA; m++) {
    snprintf(name, sizeof name, "measure %d", m);
    snprintf(sec, sizeof sec, "sector %d", sector[m]);
    dc_plan_measure_spec sp = {name, NULL, DC_MEASURE_ABATES, sec, start[m], full[m], DC_PLAN_NOYEAR,
                               amount[m], EMIS, NULL, EMIS, NULL, 0, 0, -1};
    int mi = dc_plan_measure(p, &sp);
    if (mi < 0) {
      fprintf(stderr, "%s\n", dc_plan_error(p));
      exit(1);
    }
    if (uncertain) {
      dc_plan_input in;
      char err[200];
      memset(&in, 0, sizeof in);
      in.slot = (dc_plan_slot){DC_OBJ_MEASURE, mi, DC_FIELD_AMOUNT, 0};
      double c = amount[m][0];
      dc_dist_make(&in.dist, DC_DIST_TRIANGULAR, c, 0.5 * c, 1.5 * c, NULL, NULL, err, sizeof err);
      dc_plan_add_input(p, &in);
    }
  }
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = "at most"; t.kind = DC_TARGET_AT_MOST; t.by = 2050; t.from = DC_PLAN_NOYEAR;
  t.bound = 150000; t.bound_dims = EMIS; t.every_year_after = 1;
  dc_plan_target(p, &t);
  t.name = "reduce"; t.kind = DC_TARGET_REDUCE; t.by = 2060; t.from = 2020; t.reduce = 0.5;
  dc_plan_target(p, &t);
  t.name = "peak"; t.kind = DC_TARGET_PEAK; t.by = 2030; t.tol = 0.01;
  dc_plan_target(p, &t);
  t.name = "budget"; t.kind = DC_TARGET_BUDGET; t.from = 2021; t.by = 2060; t.bound = 1e7;
  t.bound_dims = EMIS; dc_plan_target(p, &t);
  /* for the seek: 1000 tCO2e/yr below the plan's emissions in 2050 */
  dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL);
  t.name = "seek"; t.kind = DC_TARGET_AT_MOST; t.by = 2050; t.from = DC_PLAN_NOYEAR; t.every_year_after = 0;
  t.bound = dc_plan_values(p, DC_SCEN_PLAN, DC_MET_EMISSIONS)[2050 - Y0] - 1000;
  dc_plan_target(p, &t);
  dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL);
  return p;
}

/* The same arithmetic as the core: ramp weights w and the abatement at full
 * scale precomputed; each evaluation a multiply-add per measure-year. */
static double run_ramp(int n) {
  static double w[NMEA][NY], scale[NMEA], sec[NSEC][NY], em[NY], b[NY], mar[4][NY];
  static int lo[NMEA];
  for (int m = 0; m < NMEA; m++) {
    scale[m] = 1;
    lo[m] = start[m] - Y0;
    for (int i = 0; i < NY; i++) {
      int y = Y0 + i;
      w[m][i] = y < start[m] ? 0 : y < full[m] ? (double)(y - start[m] + 1) / (full[m] - start[m] + 1) : 1;
    }
  }
  double t0 = now();
  for (int k = 0; k < n; k++) {
    scale[k % NMEA] = 1.0 + (k % 10) * 0.01;
    memcpy(sec, bau, sizeof sec);
    for (int m = 0; m < NMEA; m++) {
      double *restrict d = sec[sector[m]];
      const double *restrict wm = w[m], *restrict am = amount[m];
      const double sc = scale[m];
      for (int i = lo[m]; i < NY; i++) d[i] -= sc * wm[i] * am[i];
    }
    for (int i = 0; i < NY; i++) {
      em[i] = 0;
      b[i] = 0;
      for (int s = 0; s < NSEC; s++) em[i] += sec[s][i], b[i] += bau[s][i];
    }
    double mx = em[0], cum = 0;
    for (int i = 1; i <= 2030 - Y0; i++) mx = em[i] > mx ? em[i] : mx;
    for (int i = 0; i < NY; i++) {
      if (i >= 1) cum += em[i];
      mar[0][i] = 150000 - em[i];
      mar[1][i] = 0.5 * em[0] - em[i];
      mar[2][i] = mx * 1.01 - em[i];
      mar[3][i] = 1e7 - cum;
    }
    sink += mar[0][NY - 1] + mar[3][NY - 1] + b[0] + mar[1][3] + mar[2][5];
  }
  return (now() - t0) / n;
}

static double run_eval(int n) {
  dc_plan *p = build(0);
  double t0 = now();
  for (int k = 0; k < n; k++) {
    dc_plan_set_param(p, k % NMEA, DC_PARAM_SCALE, 1.0 + (k % 10) * 0.01);
    dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL);
  }
  double t1 = now();
  sink += dc_plan_values(p, DC_SCEN_PLAN, DC_MET_EMISSIONS)[NY - 1];
  dc_plan_free(p);
  return (t1 - t0) / n;
}

static double run_mc(int n) {
  dc_plan *p = build(1);
  char err[300];
  double t0 = now();
  dc_mc *mc = dc_mc_begin(p, DC_SCEN_PLAN, 1, 0, (uint64_t)n, err, sizeof err);
  if (!mc || dc_mc_run(mc, p, NULL, NULL, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    exit(1);
  }
  dc_mc_end(mc, p);
  double t1 = now();
  /* the statistics a report shows (as dc_result_set_mc computes them):
     P(met) of every target, the percentiles of every kept metric in every
     year, every target's drivers */
  double pm, lo, hi, q[DC_MC_NQ], *rho = malloc(NMEA * mc->ntargets * sizeof *rho);
  size_t *order = malloc(NMEA * sizeof *order);
  unsigned char ok[8];
  for (size_t t = 0; t < mc->ntargets; t++) dc_mc_p_met(mc, t, &pm, &lo, &hi);
  double *qa = malloc(NY * DC_MC_NQ * sizeof *qa);
  for (size_t m = 0; m < mc->nmetrics; m++)
    if (mc->mok[m]) dc_mc_quantiles_all(mc, m, qa);
  q[0] = qa[0];
  free(qa);
  dc_mc_drivers_all(mc, rho, ok);
  dc_stats_order_drivers(rho, NMEA, order);
  double t2 = now();
  dc_mc_p_met(mc, 0, &pm, &lo, &hi);
  fprintf(stderr, "run %.1f ns/sample, statistics %.1f ns/sample; P(met) %g [%g, %g], top driver %zu rho %g\n",
          (t1 - t0) / n, (t2 - t1) / n, pm, lo, hi, order[0], rho[order[0]]);
  free(rho);
  free(order);
  dc_mc_free(mc);
  dc_plan_free(p);
  return (t2 - t0) / n;
}

static int run_seek(void) {
  dc_plan *p = build(0);
  dc_plan_seek_spec sp = {DC_SCEN_PLAN, (int)dc_plan_ntargets(p) - 1, {DC_OBJ_MEASURE, 7, DC_FIELD_SCALE, 0}, 0, 1000};
  dc_plan_seek_saved *sv = malloc(sizeof *sv);
  dc_plan_seek_out out;
  dc_plan_seek_save(p, &sp, sv);
  dc_plan_seek(p, &sp, sv, NULL, NULL, &out);
  fprintf(stderr, "seek: %s, x = %g (%s)\n", dc_seek_status_name(out.res.status), out.res.x, dc_plan_error(p));
  free(sv);
  dc_plan_free(p);
  return out.res.evals + 1;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "eval";
  int n = argc > 2 ? atoi(argv[2]) : 10000;
  inputs();
  if (strcmp(mode, "seek") == 0) {
    printf("%d\n", run_seek());
    return 0;
  }
  double ns = strcmp(mode, "ramp") == 0 ? run_ramp(n) : strcmp(mode, "mc") == 0 ? run_mc(n) : run_eval(n);
  printf("%.1f\n", ns);
  return sink == 42.4242 ? 1 : 0;
}
