/* plan_mc.h — the Monte Carlo's evaluation path (plan_mc.c): when every
 * uncertain input of a run is a linear amount of an abatement or a saving
 * (its abates =, saves =, factor = or scale), a sample changes only those
 * measures' wedges (amount x precomputed ramp weights), so the sample is
 * evaluated from the scenario's last full evaluation: the sectors, the
 * plan's emissions and abatement and the differences of metrics again,
 * then every target, with the same arithmetic in the same order as
 * dc_plan_evaluate (the same bits), and nothing written into the plan's
 * description. C with SSE2, or AVX2 where the CPU has it (the same bits);
 * used by montecarlo.c. */
#ifndef DC_PLAN_MC_H
#define DC_PLAN_MC_H

#include <stddef.h>

#include "plan.h"

typedef struct dc_plan_fast dc_plan_fast;

/* The fast path for scenario s of p with inputs on slots[0..n-1], or NULL
 * when it does not apply (an input of another kind, a year, a function
 * measure or metric, a target compared with a scenario the inputs change)
 * or memory runs out: then evaluate each sample with dc_plan_evaluate.
 * Scenario s must have just been evaluated (dc_plan_evaluate) with the
 * plan as it will stay during the run. */
dc_plan_fast *dc_plan_fast_new(dc_plan *p, int s, const dc_plan_slot *slots, size_t n);
/* Evaluates scenario s with input j at x[j * stride] (SI) into the
 * scenario's results (dc_plan_values, dc_plan_result read them). 0, or -1
 * with the plan's error set (a target without a value). The plan's
 * description is unchanged: give the inputs their values again (or
 * dc_plan_set_field) before reading the plan as a whole. */
int dc_plan_fast_eval(dc_plan_fast *f, dc_plan *p, const double *x, size_t stride);
void dc_plan_fast_free(dc_plan_fast *f);
/* Whether a fast path made from now on may take AVX2 where the CPU has it
 * (1, the default) or must take the portable code (0); returns the
 * previous setting. For tests, which compare both paths with
 * dc_plan_evaluate on any machine. */
int dc_plan_fast_simd(int on);

#endif
