/* report_driver.c — times the report writers on one evaluated plan of
 * NMEASURES measures (bench/check.bench.sh): `report_driver FORMAT N`
 * writes the report N times to /dev/null and prints ns of CPU time per
 * report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report.h"

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: steady on a loaded machine */
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc < 4) return 2;
  dc_report_format fmt;
  if (dc_report_format_parse(argv[1], &fmt)) return 2;
  int reps = atoi(argv[2]), nm = atoi(argv[3]);
  dc_dims emis = {{[DC_DIM_CO2] = 1, [DC_DIM_TIME] = -1}};
  dc_plan *p = dc_plan_new("Bench", 2020, 2035);
  double bau[16], ab[16];
  for (int i = 0; i < 16; i++) bau[i] = 1e6 * (1 + 0.01 * i), ab[i] = 10 + i;
  dc_plan_sector(p, "all", bau, emis, NULL, "bench");
  for (int m = 0; m < nm; m++) {
    char name[32];
    snprintf(name, sizeof name, "measure %d", m);
    dc_plan_measure_spec s;
    memset(&s, 0, sizeof s);
    s.name = name;
    s.kind = DC_MEASURE_ABATES;
    s.start = s.full = s.stop = DC_PLAN_NOYEAR;
    s.amount = ab;
    s.amount_dims = emis;
    s.scenario = -1;
    if (dc_plan_measure(p, &s) < 0) return 1;
  }
  dc_plan_evaluate(p, DC_SCEN_BAU, NULL, NULL);
  dc_plan_evaluate(p, DC_SCEN_PLAN, NULL, NULL);
  dc_result *r = dc_result_from_plan(p, DC_SCEN_PLAN, "bench.lua", NULL, NULL);
  FILE *f = fopen("/dev/null", "w");
  dc_report_opts o = {fmt, 0, 0, 0};
  double t0 = now_ns();
  for (int i = 0; i < reps; i++) dc_report_write(f, &r, 1, &o);
  printf("%.0f\n", (now_ns() - t0) / reps);
  fclose(f);
  dc_result_free(r);
  dc_plan_free(p);
  return 0;
}
