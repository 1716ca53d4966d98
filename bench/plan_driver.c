/* plan_driver.c — bench driver for `make bench` (bench/plan.bench.sh): a
 * synthetic plan of 200 measures in 20 sectors over 2020-2060 with four
 * targets, re-evaluated N times with one parameter changed each time, by
 * the plan core (mode "core") or by the same arithmetic hand-written as a
 * plain C loop (mode "loop"). Prints CPU ns per evaluation. The plan is
 * bench/mc_plan.c's, shared with mc_driver.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mc_plan.h"

static double sink; /* keeps the loop's results alive */

static double run_core(int n) {
  dc_plan *p = bench_plan(0);
  double t0 = bench_now();
  for (int k = 0; k < n; k++) {
    dc_plan_set_param(p, k % NMEA, DC_PARAM_SCALE, 1.0 + (k % 10) * 0.01);
    dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL);
  }
  double t1 = bench_now();
  dc_target_result r;
  dc_plan_result(p, DC_SCEN_PLAN, 0, &r);
  sink += r.value[NY - 1];
  dc_plan_free(p);
  return (t1 - t0) / n;
}

/* The same arithmetic, hand-written: ramps, sector totals, the four targets. */
static double run_loop(int n) {
  static double scale[NMEA], sec[NSEC][NY], em[NY], b[NY], val[4][NY], bound[4][NY], mar[4][NY];
  for (int m = 0; m < NMEA; m++) scale[m] = 1;
  double t0 = bench_now();
  for (int k = 0; k < n; k++) {
    scale[k % NMEA] = 1.0 + (k % 10) * 0.01;
    memcpy(sec, bench_bau, sizeof sec);
    for (int m = 0; m < NMEA; m++) {
      double *d = sec[bench_sector[m]];
      for (int i = 0; i < NY; i++) {
        int y = Y0 + i;
        double r = y < bench_start[m] ? 0 : y < bench_full[m] ? (double)(y - bench_start[m] + 1) / (bench_full[m] - bench_start[m] + 1) : 1;
        d[i] -= scale[m] * r * bench_amount[m][i];
      }
    }
    for (int i = 0; i < NY; i++) {
      em[i] = 0;
      b[i] = 0;
      for (int s = 0; s < NSEC; s++) em[i] += sec[s][i], b[i] += bench_bau[s][i];
    }
    double mx = em[0], cum = 0;
    for (int i = 1; i <= 2030 - Y0; i++) mx = em[i] > mx ? em[i] : mx;
    for (int i = 0; i < NY; i++) {
      val[0][i] = em[i]; bound[0][i] = 250000;
      val[1][i] = em[i]; bound[1][i] = 0.5 * em[0];
      val[2][i] = em[i]; bound[2][i] = mx * 1.01;
      if (i >= 1) cum += em[i];
      val[3][i] = cum; bound[3][i] = 1e7;
      for (int t = 0; t < 4; t++) mar[t][i] = bound[t][i] - val[t][i];
    }
    sink += mar[0][NY - 1] + mar[3][NY - 1] + b[0];
  }
  return (bench_now() - t0) / n;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "core";
  int n = argc > 2 ? atoi(argv[2]) : 10000;
  bench_inputs();
  double ns = strcmp(mode, "loop") == 0 ? run_loop(n) : run_core(n);
  printf("%.1f\n", ns);
  return sink == 42.4242 ? 1 : 0;
}
