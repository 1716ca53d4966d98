/* result_mc.c — a Monte Carlo run in the result snapshot: the statistics
 * reports show (P(met), Wilson intervals, drivers, per-year percentiles),
 * computed from the raw per-sample values the result keeps, so that blocks
 * of one run merge exactly (see montecarlo.h). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "montecarlo.h"
#include "result.h"

void dc_result_clear_mc(dc_result *r) {
  for (size_t i = 0; r->metrics && i < r->nmetrics; i++) {
    free(r->metrics[i].quantiles);
    r->metrics[i].quantiles = NULL;
  }
  for (size_t t = 0; r->targets && t < r->ntargets; t++) {
    dc_result_target *x = &r->targets[t];
    free(x->driver_input);
    free(x->driver_rho);
    x->driver_input = NULL;
    x->driver_rho = NULL;
    x->ndrivers = 0;
    x->mc_met = x->mc_samples = 0;
  }
  for (size_t j = 0; r->inputs && j < r->ninputs; j++) free(r->inputs[j]);
  free(r->inputs);
  r->inputs = NULL;
  r->ninputs = 0;
  dc_mc_free(r->mc);
  r->mc = NULL;
  r->has_mc = 0;
}

/* The statistics of r->mc into r's fields. 0 or -1 (no memory). */
static int compute(dc_result *r) {
  dc_mc *mc = r->mc;
  r->has_mc = 1;
  r->seed = mc->seed;
  r->mc_first = mc->first;
  r->mc_end = mc->end;
  r->ninputs = mc->ninputs;
  r->inputs = calloc(mc->ninputs ? mc->ninputs : 1, sizeof *r->inputs);
  if (!r->inputs) return -1;
  for (size_t j = 0; j < mc->ninputs; j++) {
    size_t n = strlen(mc->inputs[j]) + 1;
    if (!(r->inputs[j] = malloc(n))) return -1;
    memcpy(r->inputs[j], mc->inputs[j], n);
  }
  /* every target's drivers at once: each input's draws ranked once */
  size_t k = mc->ninputs, nt = r->ntargets;
  double *rho = k && nt && nt <= SIZE_MAX / sizeof(double) / k ? malloc(nt * k * sizeof *rho) : NULL;
  size_t *order = malloc((k ? k : 1) * sizeof *order);
  unsigned char *ok = calloc(nt ? nt : 1, 1);
  int bad = (k && nt && !rho) || !order || !ok || (k && nt && dc_mc_drivers_all(mc, rho, ok) != 0);
  for (size_t t = 0; !bad && t < nt; t++) {
    dc_result_target *x = &r->targets[t];
    x->mc_met = mc->tally[t].met;
    x->mc_samples = mc->tally[t].n;
    x->p_met = x->p_met_lo = x->p_met_hi = NAN;
    dc_mc_p_met(mc, t, &x->p_met, &x->p_met_lo, &x->p_met_hi);
    x->ndrivers = 0;
    if (!k || !ok[t]) continue;
    const double *rt = rho + t * k;
    x->driver_input = malloc(k * sizeof *x->driver_input);
    x->driver_rho = malloc(k * sizeof *x->driver_rho);
    if (!x->driver_input || !x->driver_rho || dc_stats_order_drivers(rt, k, order) != 0) {
      bad = 1;
      break;
    }
    for (size_t j = 0; j < k; j++) {
      if (isnan(rt[order[j]])) continue; /* a constant input moves nothing */
      x->driver_input[x->ndrivers] = order[j];
      x->driver_rho[x->ndrivers++] = rt[order[j]];
    }
  }
  free(rho);
  free(order);
  free(ok);
  for (size_t m = 0; !bad && m < r->nmetrics && m < mc->nmetrics; m++) {
    if (!mc->mok[m]) continue;
    double *q = malloc(mc->ny * DC_MC_NQ * sizeof *q);
    if (!q) {
      bad = 1;
      break;
    }
    if (dc_mc_quantiles_all(mc, m, q) != 0) {
      free(q);
      bad = 1;
      break;
    }
    r->metrics[m].quantiles = q;
  }
  return bad ? -1 : 0;
}

int dc_result_set_mc(dc_result *r, dc_mc *mc) {
  dc_result_clear_mc(r);
  if (mc->ntargets != r->ntargets || mc->nmetrics != r->nmetrics ||
      mc->ny != (size_t)(r->y1 - r->y0 + 1)) {
    dc_mc_free(mc);
    return -1;
  }
  r->mc = mc;
  if (compute(r)) {
    dc_result_clear_mc(r);
    return -1;
  }
  return 0;
}

int dc_result_merge_mc(dc_result *into, const dc_result *block, char *err, size_t errsize) {
  if (!into->mc || !block->mc) {
    snprintf(err, errsize, "a result without a Monte Carlo cannot be merged");
    return -1;
  }
  if (strcmp(into->name, block->name) != 0 || into->ntargets != block->ntargets) {
    snprintf(err, errsize, "the blocks are of different plans ('%s' and '%s')", into->name, block->name);
    return -1;
  }
  /* merged into a copy first, so that into stays as it was on failure */
  dc_mc *mc = into->mc;
  into->mc = NULL;
  if (dc_mc_merge(mc, block->mc, err, errsize)) {
    into->mc = mc;
    return -1;
  }
  if (dc_result_set_mc(into, mc)) {
    snprintf(err, errsize, "out of memory (merging blocks)");
    return -1;
  }
  return 0;
}
