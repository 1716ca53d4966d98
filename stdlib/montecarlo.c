/* montecarlo.c — a plan's Monte Carlo (see montecarlo.h). */
#include "montecarlo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dist.h"
#include "random.h"

const double dc_mc_percentiles[DC_MC_NQ] = {0.05, 0.25, 0.5, 0.75, 0.95};

void dc_mc_free(dc_mc *mc) {
  if (!mc) return;
  for (size_t j = 0; mc->inputs && j < mc->ninputs; j++) free(mc->inputs[j]);
  free(mc->inputs);
  free(mc->tally);
  free(mc->margin);
  free(mc->x);
  free(mc->mok);
  free(mc->mval);
  free(mc->saved);
  free(mc->fast);
  free(mc->slot);
  free(mc);
}

/* n * size bytes, or NULL when that overflows or memory runs out */
static void *alloc_n(size_t n, size_t size) {
  if (size && n > SIZE_MAX / size) return NULL;
  return calloc(n ? n : 1, size);
}

static dc_mc *shape(size_t ninputs, size_t ntargets, size_t nmetrics, size_t ny, size_t ns) {
  dc_mc *mc = calloc(1, sizeof *mc);
  if (!mc) return NULL;
  mc->ninputs = ninputs;
  mc->ntargets = ntargets;
  mc->nmetrics = nmetrics;
  mc->ny = ny;
  mc->ns = ns;
  size_t cells = nmetrics * ny;
  int bad = ny && cells / ny != nmetrics;
  mc->inputs = alloc_n(ninputs, sizeof *mc->inputs);
  mc->tally = alloc_n(ntargets, sizeof *mc->tally);
  mc->margin = bad || (ntargets && ns > SIZE_MAX / ntargets) ? NULL : alloc_n(ntargets * ns, sizeof(double));
  mc->x = ninputs && ns > SIZE_MAX / ninputs ? NULL : alloc_n(ninputs * ns, sizeof(double));
  mc->mok = alloc_n(nmetrics, 1);
  mc->mval = bad || (cells && ns > SIZE_MAX / cells) ? NULL : alloc_n(cells * ns, sizeof(double));
  if (!mc->inputs || !mc->tally || !mc->margin || !mc->x || !mc->mok || !mc->mval) {
    dc_mc_free(mc);
    return NULL;
  }
  return mc;
}

static int is_year_field(enum dc_field f) { return f == DC_FIELD_START || f == DC_FIELD_FULL || f == DC_FIELD_STOP; }

dc_mc *dc_mc_begin(dc_plan *p, int s, uint64_t seed, uint64_t first, uint64_t end, char *err, size_t errsize) {
  if (first >= end) {
    snprintf(err, errsize, "no samples to draw (the block %llu:%llu is empty)", (unsigned long long)first,
             (unsigned long long)end);
    return NULL;
  }
  if (end - first > (uint64_t)100000000) {
    snprintf(err, errsize, "at most 100000000 samples in one run (give a block A:B)");
    return NULL;
  }
  size_t ny = (size_t)(dc_plan_y1(p) - dc_plan_y0(p) + 1), ns = (size_t)(end - first);
  dc_mc *mc = shape(dc_plan_ninputs(p), dc_plan_ntargets(p), dc_plan_nmetrics(p), ny, ns);
  if (!mc) goto oom;
  mc->seed = seed;
  mc->first = first;
  mc->end = end;
  mc->y0 = dc_plan_y0(p);
  mc->y1 = dc_plan_y1(p);
  mc->scenario = s;
  for (size_t j = 0; j < mc->ninputs; j++) {
    dc_plan_input in;
    char lbl[256];
    dc_plan_input_at(p, j, &in);
    size_t len = dc_plan_slot_label(p, &in.slot, lbl, sizeof lbl) + 1;
    if (len > sizeof lbl) len = sizeof lbl;
    if (!(mc->inputs[j] = malloc(len))) goto oom;
    memcpy(mc->inputs[j], lbl, len);
    mc->inputs[j][len - 1] = '\0';
  }
  if (!(mc->fast = alloc_n(mc->ninputs, 1)) || !(mc->slot = alloc_n(mc->ninputs, sizeof *mc->slot))) goto oom;
  for (size_t j = 0; j < mc->ninputs; j++) {
    dc_plan_input in;
    dc_plan_measure_info mi;
    dc_plan_input_at(p, j, &in);
    mc->slot[j] = in.slot;
    mc->years |= is_year_field(in.slot.field);
    mc->fast[j] = in.slot.obj == DC_OBJ_MEASURE && in.slot.field == DC_FIELD_AMOUNT &&
                  dc_plan_measure_at(p, in.slot.index, &mi) == 0 && mi.kind == DC_MEASURE_ABATES;
  }
  mc->nsaved = dc_plan_nmeasures(p);
  if (!(mc->saved = alloc_n(mc->nsaved * 3, sizeof *mc->saved))) goto oom;
  for (size_t m = 0; m < mc->nsaved; m++) {
    dc_plan_measure_info mi;
    dc_plan_measure_at(p, (int)m, &mi);
    mc->saved[3 * m] = mi.start;
    mc->saved[3 * m + 1] = mi.full;
    mc->saved[3 * m + 2] = mi.stop;
  }
  return mc;
oom:
  dc_mc_free(mc);
  snprintf(err, errsize, "out of memory (for %llu samples)", (unsigned long long)(end - first));
  return NULL;
}


/* Measure m's years as they were before the run (NOYEAR stays). */
static void restore_years(const dc_mc *mc, dc_plan *p, int m) {
  static const enum dc_param order[3] = {DC_PARAM_START, DC_PARAM_FULL, DC_PARAM_STOP};
  for (int k = 0; k < 3; k++) {
    int y = mc->saved[3 * m + k];
    if (y != DC_PLAN_NOYEAR) dc_plan_set_param(p, m, order[k], (double)y);
  }
}

/* Sets input j's drawn value x; years are whole years within the plan, a
 * full year no earlier than the start. */
static int apply(dc_plan *p, const dc_plan_slot *sl, double *x, int fast) {
  if (is_year_field(sl->field)) {
    double y = floor(*x + 0.5);
    if (y < dc_plan_y0(p)) y = dc_plan_y0(p);
    if (y > dc_plan_y1(p)) y = dc_plan_y1(p);
    if (sl->field != DC_FIELD_START) {
      dc_plan_measure_info mi;
      dc_plan_measure_at(p, sl->index, &mi);
      if (mi.start != DC_PLAN_NOYEAR && y < mi.start) y = mi.start;
    }
    *x = y;
  }
  if (fast) /* a constant abatement: the core's constant, no series written */
    return dc_plan_set_param(p, sl->index, DC_PARAM_ABATES, *x);
  return dc_plan_set_field(p, sl, NULL, *x);
}

int dc_mc_run(dc_mc *mc, dc_plan *p, dc_plan_fn fn, void *ctx, char *err, size_t errsize) {
  const size_t ns = mc->ns, ny = mc->ny;
  const int s = mc->scenario;
  /* every draw first, input by input: four Philox blocks at a time, then
     the quantile function (the same values as one draw a call) */
  for (size_t j = 0; j < mc->ninputs; j++) {
    dc_plan_input in;
    dc_plan_input_at(p, j, &in);
    uint64_t stream = in.has_group ? in.stream : (uint64_t)j;
    double *xj = mc->x + j * ns;
    dc_random_uniform_samples(mc->seed, mc->first, stream, ns, xj);
    for (size_t k = 0; k < ns; k++) xj[k] = dc_dist_quantile(&in.dist, xj[k]);
  }
  for (size_t k = 0; k < ns; k++) {
    uint64_t i = mc->first + k;
    /* the years of every measure with an uncertain year start from where
       they were: a sample never sees what an earlier one drew */
    for (size_t j = 0; mc->years && j < mc->ninputs; j++)
      if (is_year_field(mc->slot[j].field)) restore_years(mc, p, mc->slot[j].index);
    for (size_t j = 0; j < mc->ninputs; j++) {
      double x = mc->x[j * ns + k];
      if (apply(p, &mc->slot[j], &x, mc->fast[j])) {
        snprintf(err, errsize, "sample %llu: %s", (unsigned long long)i, dc_plan_error(p));
        return -1;
      }
      mc->x[j * ns + k] = x;
    }
    if (dc_plan_evaluate(p, s, fn, ctx)) {
      snprintf(err, errsize, "sample %llu: %s", (unsigned long long)i, dc_plan_error(p));
      return -1;
    }
    for (size_t t = 0; t < mc->ntargets; t++) {
      dc_target_result r;
      double worst = NAN;
      if (dc_plan_result(p, s, (int)t, &r) == 0) {
        for (size_t y = 0; y < ny; y++)
          if ((r.status[y] == DC_ST_MET || r.status[y] == DC_ST_MISSED) && !(r.margin[y] >= worst))
            worst = r.margin[y];
        dc_tally_add(&mc->tally[t], r.met);
      }
      mc->margin[t * ns + k] = worst;
    }
    for (size_t m = 0; m < mc->nmetrics; m++) {
      const double *v = dc_plan_values(p, s, (int)m);
      dc_plan_metric_info mi;
      if (!v || dc_plan_metric_at(p, (int)m, &mi) != 0) continue;
      mc->mok[m] = 1;
      memcpy(mc->mval + (k * mc->nmetrics + m) * ny, v, ny * sizeof *v);
    }
  }
  return 0;
}

void dc_mc_end(dc_mc *mc, dc_plan *p) {
  for (size_t j = 0; j < dc_plan_ninputs(p); j++) {
    dc_plan_input in;
    dc_plan_input_at(p, j, &in);
    if (is_year_field(in.slot.field)) restore_years(mc, p, in.slot.index);
    else dc_plan_set_field(p, &in.slot, NULL, in.dist.central);
  }
}

int dc_mc_merge(dc_mc *into, const dc_mc *b, char *err, size_t errsize) {
  if (b->first != into->end || b->seed != into->seed || b->ninputs != into->ninputs ||
      b->ntargets != into->ntargets || b->nmetrics != into->nmetrics || b->ny != into->ny) {
    snprintf(err, errsize, "the blocks do not fit together (block %llu:%llu after %llu:%llu, seeds %llu and %llu)",
             (unsigned long long)b->first, (unsigned long long)b->end, (unsigned long long)into->first,
             (unsigned long long)into->end, (unsigned long long)b->seed, (unsigned long long)into->seed);
    return -1;
  }
  size_t na = into->ns, nb = b->ns, n = na + nb;
  dc_mc *m = shape(0, into->ntargets, into->nmetrics, into->ny, n);
  double *x = m ? alloc_n(into->ninputs * n, sizeof(double)) : NULL;
  if (!m || !x) {
    dc_mc_free(m);
    free(x);
    snprintf(err, errsize, "out of memory (merging blocks)");
    return -1;
  }
  /* every per-sample array is [row * ns + k]: rows of into, then of b */
#define CAT(dst, a, bb, rows)                                                              \
  for (size_t r_ = 0; r_ < (rows); r_++) {                                                 \
    memcpy((dst) + r_ * n, (a) + r_ * na, na * sizeof(double));                             \
    memcpy((dst) + r_ * n + na, (bb) + r_ * nb, nb * sizeof(double));                       \
  }
  CAT(x, into->x, b->x, into->ninputs);
  CAT(m->margin, into->margin, b->margin, into->ntargets);
#undef CAT
  size_t row = into->nmetrics * into->ny; /* sample-major: b's samples follow */
  memcpy(m->mval, into->mval, na * row * sizeof(double));
  memcpy(m->mval + na * row, b->mval, nb * row * sizeof(double));
  for (size_t t = 0; t < into->ntargets; t++) dc_tally_merge(&into->tally[t], &b->tally[t]);
  for (size_t k = 0; k < into->nmetrics; k++) into->mok[k] = into->mok[k] && b->mok[k];
  free(into->x);
  free(into->margin);
  free(into->mval);
  into->x = x;
  into->margin = m->margin;
  into->mval = m->mval;
  m->margin = m->mval = NULL;
  dc_mc_free(m);
  into->end = b->end;
  into->ns = n;
  return 0;
}

int dc_mc_p_met(const dc_mc *mc, size_t t, double *p, double *lo, double *hi) {
  if (t >= mc->ntargets || !mc->tally[t].n) return -1;
  const dc_tally *a = &mc->tally[t];
  *p = (double)a->met / (double)a->n;
  return dc_wilson(a->met, a->n, 1.959963984540054, lo, hi);
}

int dc_mc_quantiles(const dc_mc *mc, size_t m, size_t y, double *q) {
  if (m >= mc->nmetrics || y >= mc->ny || !mc->mok[m]) return -1;
  double *v = malloc((mc->ns ? mc->ns : 1) * sizeof *v);
  if (!v) return -1;
  size_t row = mc->nmetrics * mc->ny;
  for (size_t k = 0; k < mc->ns; k++) v[k] = mc->mval[k * row + m * mc->ny + y];
  int rc = -1;
  if (dc_stats_sort(v, mc->ns) == 0) {
    for (int i = 0; i < DC_MC_NQ; i++) q[i] = dc_quantile_sorted(v, mc->ns, dc_mc_percentiles[i]);
    rc = 0;
  }
  free(v);
  return rc;
}

int dc_mc_drivers(const dc_mc *mc, size_t t, double *rho, size_t *order) {
  if (t >= mc->ntargets || mc->ns < 2) return -1;
  const double *y = mc->margin + t * mc->ns;
  for (size_t k = 0; k < mc->ns; k++)
    if (isnan(y[k])) return -1;
  return dc_stats_drivers(mc->x, mc->ninputs, y, mc->ns, rho, order);
}
