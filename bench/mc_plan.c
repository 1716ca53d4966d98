/* mc_plan.c — the benchmarks' synthetic plan (see mc_plan.h). */
#include "mc_plan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const dc_dims bench_emis = {{[DC_DIM_CO2] = 1, [DC_DIM_TIME] = -1}};
double bench_bau[NSEC][NY], bench_amount[NMEA][NY];
int bench_start[NMEA], bench_full[NMEA], bench_sector[NMEA];

double bench_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

void bench_inputs(void) {
  for (int s = 0; s < NSEC; s++)
    for (int i = 0; i < NY; i++) bench_bau[s][i] = 1000.0 * (s + 1) * pow(1.01, i);
  for (int m = 0; m < NMEA; m++) {
    bench_sector[m] = m % NSEC;
    bench_start[m] = Y0 + 1 + m % 20;
    bench_full[m] = bench_start[m] + m % 7;
    for (int i = 0; i < NY; i++) bench_amount[m][i] = 5.0 + m % 13;
  }
}

dc_plan *bench_plan(int uncertain) {
  char name[32], sec[32];
  dc_plan *p = dc_plan_new("bench", Y0, Y1);
  for (int s = 0; s < NSEC; s++) {
    snprintf(name, sizeof name, "sector %d", s);
    dc_plan_sector(p, name, bench_bau[s], bench_emis, NULL, NULL);
  }
  for (int m = 0; m < NMEA; m++) {
    snprintf(name, sizeof name, "measure %d", m);
    snprintf(sec, sizeof sec, "sector %d", bench_sector[m]);
    dc_plan_measure_spec sp = {name, NULL, DC_MEASURE_ABATES, sec, bench_start[m], bench_full[m], DC_PLAN_NOYEAR,
                               bench_amount[m], bench_emis, NULL, bench_emis, NULL, 0, 0, -1};
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
      double c = bench_amount[m][0];
      dc_dist_make(&in.dist, DC_DIST_TRIANGULAR, c, 0.5 * c, 1.5 * c, NULL, NULL, err, sizeof err);
      dc_plan_add_input(p, &in);
    }
  }
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = "at most"; t.kind = DC_TARGET_AT_MOST; t.by = 2050; t.from = DC_PLAN_NOYEAR;
  t.bound = 250000; t.bound_dims = bench_emis; t.every_year_after = 1;
  dc_plan_target(p, &t);
  t.name = "reduce"; t.kind = DC_TARGET_REDUCE; t.by = 2060; t.from = 2020; t.reduce = 0.5;
  dc_plan_target(p, &t);
  t.name = "peak"; t.kind = DC_TARGET_PEAK; t.by = 2030; t.tol = 0.01;
  dc_plan_target(p, &t);
  t.name = "budget"; t.kind = DC_TARGET_BUDGET; t.from = 2021; t.by = 2060; t.bound = 1e7;
  t.bound_dims = bench_emis; t.bound_dims.e[DC_DIM_TIME] = 0; /* an amount */
  dc_plan_target(p, &t);
  dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL);
  return p;
}
