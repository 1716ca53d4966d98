/* montecarlo.h — the Monte Carlo of a plan, in C: for samples first .. end-1
 * of a run with seed S, every uncertain input of the plan (dc_plan_input)
 * is drawn, the scenario re-evaluated, and each target's verdict and
 * margin, each metric's values per year and each input's draw kept. Sample
 * i draws the same values however the samples are split into blocks (the
 * generator is counter-based: random.h), so blocks merge (dc_mc_merge) to
 * exactly the single run. Plain C, no Lua; docs/uncertainty.md. */
#ifndef DC_MONTECARLO_H
#define DC_MONTECARLO_H

#include <stddef.h>
#include <stdint.h>

#include "plan.h"
#include "stats.h"

/* The seed of a run that names none (check without --seed, p:montecarlo
 * without seed =). */
#define DC_MC_DEFAULT_SEED 1

/* The percentiles every metric gets per year. */
#define DC_MC_NQ 5
extern const double dc_mc_percentiles[DC_MC_NQ]; /* 0.05 0.25 0.5 0.75 0.95 */

typedef struct dc_plan_fast dc_plan_fast;

typedef struct dc_mc {
  uint64_t seed, first, end; /* samples first .. end-1 */
  size_t ns;                 /* end - first */
  int y0, y1;
  size_t ny, ninputs, ntargets, nmetrics;
  char **inputs;             /* [j] "measure 'PV park' abates" (the slot's label) */
  dc_tally *tally;           /* [t] met out of n */
  double *margin;            /* [t * ns + k]: the smallest margin (SI) over the target's due years */
  /* the draws: x[j * ns + k], the value drawn (SI; years as years); NULL
     when no input is a year: then input j's draw in sample first + k is
     dc_dist_quantile(&dist[j], dc_random_uniform(seed, first + k,
     stream[j])), made again when asked (dc_mc_draw, dc_mc_draws) rather
     than kept */
  double *x;
  dc_dist *dist;             /* [j] (NULL when x holds every draw, as a merged or read run may) */
  uint64_t *stream;          /* [j] */
  /* the metrics kept: emissions and each target's metric (dc_mc_keep
     adds more before dc_mc_run); their values, sample-major so that a
     block appends: mval[(k * nkept + r) * ny + y], r the metric's place
     among the kept ones (in metric order) */
  unsigned char *mok;        /* [m]: 1 when metric m's values are kept */
  size_t nkept;
  double *mval;
  /* while running (dc_mc_begin .. dc_mc_end) */
  int scenario;
  int *saved;                /* per measure: start, full, stop before the run */
  size_t nsaved;
  unsigned char *fast;       /* [j]: a measure's constant abatement (set as such) */
  dc_plan_slot *slot;        /* [j]: input j's slot */
  int years;                 /* an input is a year */
  double *xb;                /* the draws of a chunk of samples when x is NULL */
  dc_plan_fast *eval;        /* the evaluation path for linear amounts (plan_mc.h), or NULL */
} dc_mc;

/* Prepares a run of plan p in scenario s (keeps the measures' years to
 * give back; marks the metrics to keep). NULL with err on a bad range
 * (first >= end), a plan without uncertain inputs is fine (every sample is
 * the central one), or no memory. */
dc_mc *dc_mc_begin(dc_plan *p, int s, uint64_t seed, uint64_t first, uint64_t end, char *err, size_t errsize);
/* Draws and evaluates every sample (fn/ctx as for dc_plan_evaluate; a
 * callback may leave by a long jump: the run holds no allocation of its
 * own across it, and dc_mc_end then still restores the plan). 0, or -1
 * with err naming the sample. */
int dc_mc_run(dc_mc *mc, dc_plan *p, dc_plan_fn fn, void *ctx, char *err, size_t errsize);
/* Gives every input its CENTRAL value again and the measures their years
 * (the plan is left unevaluated: evaluate it again to read it). */
void dc_mc_end(dc_mc *mc, dc_plan *p);
void dc_mc_free(dc_mc *mc);
/* Keeps metric m's values too (before dc_mc_run; m < 0: every metric). 0,
 * or -1 when m is no metric of the run. */
int dc_mc_keep(dc_mc *mc, int m);

/* Input j's draw in sample first + k; all of input j's draws into out[0 ..
 * ns-1]. */
double dc_mc_draw(const dc_mc *mc, size_t j, size_t k);
void dc_mc_draws(const dc_mc *mc, size_t j, double *out);
/* Metric m's value in sample first + k, year index y (NaN when not kept). */
double dc_mc_value(const dc_mc *mc, size_t k, size_t m, size_t y);

/* Appends block b (b->first == into->end, same plan shape and seed) to
 * into. 0, or -1 with err when they do not fit or memory runs out (into
 * unchanged). */
int dc_mc_merge(dc_mc *into, const dc_mc *b, char *err, size_t errsize);

/* Target t's P(met) = met / n with its 95 % Wilson interval. -1 when no sample. */
int dc_mc_p_met(const dc_mc *mc, size_t t, double *p, double *lo, double *hi);
/* The DC_MC_NQ percentiles of metric m in year index y into q. -1 when the
 * metric has no values. */
int dc_mc_quantiles(const dc_mc *mc, size_t m, size_t y, double *q);
/* The same for every year: q[y * DC_MC_NQ + i] (NaN in a year with a NaN
 * value). -1 when the metric is not kept or memory runs out. */
int dc_mc_quantiles_all(const dc_mc *mc, size_t m, double *q);
/* Target t's drivers: Spearman's rho of each input with its margin
 * (rho[j]), the inputs by |rho| (order). -1 on no memory or < 2 samples. */
int dc_mc_drivers(const dc_mc *mc, size_t t, double *rho, size_t *order);
/* Every target's drivers at once (each input's draws ranked once):
 * rho[t * ninputs + j]; ok[t] 0 when target t has none (< 2 samples, a
 * margin without a value). 0, or -1 on no memory. */
int dc_mc_drivers_all(const dc_mc *mc, double *rho, unsigned char *ok);

/* ---- into the result snapshot (result.h) ---- */
struct dc_result;
/* Gives r the run mc (taken over, freed with r): P(met), intervals,
 * drivers and per-year percentiles, computed from it. 0, or -1 (mc freed,
 * r without a Monte Carlo) on no memory or a run of another shape. */
int dc_result_set_mc(struct dc_result *r, dc_mc *mc);
/* Merges the Monte Carlo of `block` (the next samples of the same run of
 * the same plan: its results from --samples A:B) into `into` and computes
 * the statistics again: the same bytes as one run over both. 0, or -1 with
 * err (into unchanged). For `decarb merge`. */
int dc_result_merge_mc(struct dc_result *into, const struct dc_result *block, char *err, size_t errsize);
/* Frees r's Monte Carlo fields (has_mc 0 after). */
void dc_result_clear_mc(struct dc_result *r);

#endif
