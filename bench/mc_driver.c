/* mc_driver.c — bench driver for the uncertainty rows of `make bench`
 * (bench/uncertain.bench.sh, bench/plan.bench.sh): the synthetic plan of
 * bench/mc_plan.c (200 measures in 20 sectors, 2020-2060, four targets) with
 * every measure's amount uncertain (triangular, +-50 %). Modes:
 *   ramp N    the re-evaluation hand-written as a vectorisable C loop over
 *             precomputed ramp weights (ns per evaluation)
 *   eval N    the core's re-evaluation after one p:set-like change (ns)
 *   mc N      the core's Monte Carlo of N samples with the statistics a
 *             report shows (ns per sample)
 *   mcrun N   the same, the samples only (drawn, evaluated, kept)
 *   seek      evaluations a goal seek of one measure's scale takes (count)
 * Links build/libdecarb.a. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mc_plan.h"
#include "montecarlo.h"
#include "plan_seek.h"

static double sink;

/* the plan of mc_plan.c; for the seek with a target 1000 tCO2e/yr below
 * its emissions in 2050 */
static dc_plan *build(int uncertain, int seek) {
  dc_plan *p = bench_plan(uncertain);
  if (!seek) return p;
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = "seek"; t.kind = DC_TARGET_AT_MOST; t.by = 2050; t.from = DC_PLAN_NOYEAR;
  t.bound = dc_plan_values(p, DC_SCEN_PLAN, DC_MET_EMISSIONS)[2050 - Y0] - 1000; t.bound_dims = bench_emis;
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
    lo[m] = bench_start[m] - Y0;
    for (int i = 0; i < NY; i++) {
      int y = Y0 + i;
      w[m][i] = y < bench_start[m] ? 0 : y < bench_full[m] ? (double)(y - bench_start[m] + 1) / (bench_full[m] - bench_start[m] + 1) : 1;
    }
  }
  double t0 = bench_now();
  for (int k = 0; k < n; k++) {
    scale[k % NMEA] = 1.0 + (k % 10) * 0.01;
    memcpy(sec, bench_bau, sizeof sec);
    for (int m = 0; m < NMEA; m++) {
      double *restrict d = sec[bench_sector[m]];
      const double *restrict wm = w[m], *restrict am = bench_amount[m];
      const double sc = scale[m];
      for (int i = lo[m]; i < NY; i++) d[i] -= sc * wm[i] * am[i];
    }
    for (int i = 0; i < NY; i++) {
      em[i] = 0;
      b[i] = 0;
      for (int s = 0; s < NSEC; s++) em[i] += sec[s][i], b[i] += bench_bau[s][i];
    }
    double mx = em[0], cum = 0;
    for (int i = 1; i <= 2030 - Y0; i++) mx = em[i] > mx ? em[i] : mx;
    for (int i = 0; i < NY; i++) {
      if (i >= 1) cum += em[i];
      mar[0][i] = 250000 - em[i];
      mar[1][i] = 0.5 * em[0] - em[i];
      mar[2][i] = mx * 1.01 - em[i];
      mar[3][i] = 1e7 - cum;
    }
    sink += mar[0][NY - 1] + mar[3][NY - 1] + b[0] + mar[1][3] + mar[2][5];
  }
  return (bench_now() - t0) / n;
}

static double run_eval(int n) {
  dc_plan *p = build(0, 0);
  double t0 = bench_now();
  for (int k = 0; k < n; k++) {
    dc_plan_set_param(p, k % NMEA, DC_PARAM_SCALE, 1.0 + (k % 10) * 0.01);
    dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL);
  }
  double t1 = bench_now();
  sink += dc_plan_values(p, DC_SCEN_PLAN, DC_MET_EMISSIONS)[NY - 1];
  dc_plan_free(p);
  return (t1 - t0) / n;
}

static double run_mc(int n, int run_only) {
  dc_plan *p = build(1, 0);
  char err[300];
  double t0 = bench_now();
  dc_mc *mc = dc_mc_begin(p, DC_SCEN_PLAN, 1, 0, (uint64_t)n, err, sizeof err);
  if (!mc || dc_mc_run(mc, p, NULL, NULL, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    exit(1);
  }
  dc_mc_end(mc, p);
  double t1 = bench_now();
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
  double t2 = bench_now();
  dc_mc_p_met(mc, 0, &pm, &lo, &hi);
  fprintf(stderr, "run %.1f ns/sample, statistics %.1f ns/sample; P(met) %g [%g, %g], top driver %zu rho %g\n",
          (t1 - t0) / n, (t2 - t1) / n, pm, lo, hi, order[0], rho[order[0]]);
  free(rho);
  free(order);
  dc_mc_free(mc);
  dc_plan_free(p);
  return (run_only ? t1 - t0 : t2 - t0) / n;
}

static int run_seek(void) {
  dc_plan *p = build(0, 1);
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
  bench_inputs();
  if (strcmp(mode, "seek") == 0) {
    printf("%d\n", run_seek());
    return 0;
  }
  double ns = strcmp(mode, "ramp") == 0 ? run_ramp(n) : strcmp(mode, "mc") == 0 ? run_mc(n, 0)
              : strcmp(mode, "mcrun") == 0 ? run_mc(n, 1) : run_eval(n);
  printf("%.1f\n", ns);
  return sink == 42.4242 ? 1 : 0;
}
