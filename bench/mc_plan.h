/* mc_plan.h — the synthetic plan of the plan and uncertainty benchmarks
 * (bench/plan_driver.c, bench/mc_driver.c): 200 measures in 20 sectors
 * over 2020-2060, each a constant abatement ramped in from its start to its
 * full year, and four targets (at most every year from 2050, a 50 %
 * reduction by 2060, a peak by 2030, a budget 2021-2060). */
#ifndef BENCH_MC_PLAN_H
#define BENCH_MC_PLAN_H

#include "plan.h"

#define Y0 2020
#define Y1 2060
#define NY (Y1 - Y0 + 1)
#define NSEC 20
#define NMEA 200

extern const dc_dims bench_emis;
/* the plan's inputs, filled by bench_inputs() */
extern double bench_bau[NSEC][NY], bench_amount[NMEA][NY];
extern int bench_start[NMEA], bench_full[NMEA], bench_sector[NMEA];

void bench_inputs(void);
/* The plan, evaluated in its plan scenario; with uncertain != 0 every
 * measure's amount is triangular +-50 % around its value. Exits on an error. */
dc_plan *bench_plan(int uncertain);
/* CPU nanoseconds of this process (the machine may be shared). */
double bench_now(void);

#endif
