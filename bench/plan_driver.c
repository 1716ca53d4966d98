/* plan_driver.c — bench driver for `make bench` (bench/plan.bench.sh): a
 * synthetic plan of 200 measures in 20 sectors over 2020-2060 with four
 * targets, re-evaluated N times with one parameter changed each time, by
 * the plan core (mode "core") or by the same arithmetic hand-written as a
 * plain C loop (mode "loop"). Prints ns per evaluation. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plan.h"

#define Y0 2020
#define Y1 2060
#define NY (Y1 - Y0 + 1)
#define NSEC 20
#define NMEA 200

static const dc_dims EMIS = {{[DC_DIM_CO2] = 1, [DC_DIM_TIME] = -1}};

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* the synthetic plan's inputs, shared by both modes */
static double bau[NSEC][NY], amount[NMEA][NY];
static int start[NMEA], full[NMEA], sector[NMEA];
static double sink; /* keeps the loop's results alive */

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

static double run_core(int n) {
  char name[32];
  dc_plan *p = dc_plan_new("bench", Y0, Y1);
  for (int s = 0; s < NSEC; s++) {
    snprintf(name, sizeof name, "sector %d", s);
    dc_plan_sector(p, name, bau[s], EMIS, NULL, NULL);
  }
  for (int m = 0; m < NMEA; m++) {
    char sec[32];
    snprintf(name, sizeof name, "measure %d", m);
    snprintf(sec, sizeof sec, "sector %d", sector[m]);
    dc_plan_measure_spec sp = {name, NULL, DC_MEASURE_ABATES, sec, start[m], full[m], DC_PLAN_NOYEAR,
                               amount[m], EMIS, NULL, EMIS, NULL, 0, 0, -1};
    if (dc_plan_measure(p, &sp) < 0) { fprintf(stderr, "%s\n", dc_plan_error(p)); exit(1); }
  }
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = "at most"; t.kind = DC_TARGET_AT_MOST; t.by = 2050; t.from = DC_PLAN_NOYEAR;
  t.bound = 250000; t.bound_dims = EMIS; t.every_year_after = 1;
  dc_plan_target(p, &t);
  t.name = "reduce"; t.kind = DC_TARGET_REDUCE; t.by = 2060; t.from = 2020; t.reduce = 0.5;
  dc_plan_target(p, &t);
  t.name = "peak"; t.kind = DC_TARGET_PEAK; t.by = 2030; t.tol = 0.01;
  dc_plan_target(p, &t);
  t.name = "budget"; t.kind = DC_TARGET_BUDGET; t.from = 2021; t.by = 2060; t.bound = 1e7;
  t.bound_dims = EMIS; dc_plan_target(p, &t);
  dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL);
  double t0 = now();
  for (int k = 0; k < n; k++) {
    dc_plan_set_param(p, k % NMEA, DC_PARAM_SCALE, 1.0 + (k % 10) * 0.01);
    dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL);
  }
  double t1 = now();
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
  double t0 = now();
  for (int k = 0; k < n; k++) {
    scale[k % NMEA] = 1.0 + (k % 10) * 0.01;
    memcpy(sec, bau, sizeof sec);
    for (int m = 0; m < NMEA; m++) {
      double *d = sec[sector[m]];
      for (int i = 0; i < NY; i++) {
        int y = Y0 + i;
        double r = y < start[m] ? 0 : y < full[m] ? (double)(y - start[m] + 1) / (full[m] - start[m] + 1) : 1;
        d[i] -= scale[m] * r * amount[m][i];
      }
    }
    for (int i = 0; i < NY; i++) {
      em[i] = 0;
      b[i] = 0;
      for (int s = 0; s < NSEC; s++) em[i] += sec[s][i], b[i] += bau[s][i];
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
  return (now() - t0) / n;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "core";
  int n = argc > 2 ? atoi(argv[2]) : 10000;
  inputs();
  double ns = strcmp(mode, "loop") == 0 ? run_loop(n) : run_core(n);
  printf("%.1f\n", ns);
  return sink == 42.4242 ? 1 : 0;
}
