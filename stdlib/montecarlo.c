/* montecarlo.c — a plan's Monte Carlo (see montecarlo.h). */
#include "montecarlo.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "dist.h"
#include "plan_mc.h"
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
  free(mc->dist);
  free(mc->stream);
  free(mc->xb);
  dc_plan_fast_free(mc->eval);
  free(mc);
}

/* n * size bytes, zeroed, or NULL when that overflows or memory runs out.
 * A block of 2 MB or more on huge pages where the system makes them on
 * request (Linux's transparent huge pages, "madvise" mode): each first
 * touch of a 4 KB page is a fault, a few microseconds in a virtual machine,
 * and a run's kept values are thousands of pages. */
static void *alloc_n(size_t n, size_t size) {
  if (size && n > SIZE_MAX / size) return NULL;
#ifdef MADV_HUGEPAGE
  const size_t huge = (size_t)2 << 20;
  size_t bytes = n * size;
  if (bytes >= huge && bytes <= SIZE_MAX - huge) {
    bytes = (bytes + huge - 1) & ~(huge - 1);
    void *p = aligned_alloc(huge, bytes);
    if (!p) return NULL;
    madvise(p, bytes, MADV_HUGEPAGE);
    return memset(p, 0, bytes);
  }
#endif
  return calloc(n ? n : 1, size);
}

/* A run's arrays but the draws and the metrics' values (dc_mc_run
 * allocates those, once it knows what to keep). */
static dc_mc *shape(size_t ninputs, size_t ntargets, size_t nmetrics, size_t ny, size_t ns) {
  dc_mc *mc = calloc(1, sizeof *mc);
  if (!mc) return NULL;
  mc->ninputs = ninputs;
  mc->ntargets = ntargets;
  mc->nmetrics = nmetrics;
  mc->ny = ny;
  mc->ns = ns;
  mc->inputs = alloc_n(ninputs, sizeof *mc->inputs);
  mc->tally = alloc_n(ntargets, sizeof *mc->tally);
  mc->margin = ntargets && ns > SIZE_MAX / ntargets ? NULL : alloc_n(ntargets * ns, sizeof(double));
  mc->mok = alloc_n(nmetrics, 1);
  if (!mc->inputs || !mc->tally || !mc->margin || !mc->mok) {
    dc_mc_free(mc);
    return NULL;
  }
  return mc;
}

/* rows x ns doubles, or NULL */
static double *alloc_rows(size_t rows, size_t ns) {
  return rows && ns > SIZE_MAX / rows ? NULL : alloc_n(rows * ns, sizeof(double));
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
  if (!(mc->fast = alloc_n(mc->ninputs, 1)) || !(mc->slot = alloc_n(mc->ninputs, sizeof *mc->slot)) ||
      !(mc->dist = alloc_n(mc->ninputs, sizeof *mc->dist)) || !(mc->stream = alloc_n(mc->ninputs, sizeof *mc->stream)))
    goto oom;
  for (size_t j = 0; j < mc->ninputs; j++) {
    dc_plan_input in;
    dc_plan_measure_info mi;
    dc_plan_input_at(p, j, &in);
    mc->slot[j] = in.slot;
    mc->dist[j] = in.dist;
    mc->stream[j] = in.has_group ? in.stream : (uint64_t)j;
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
  /* kept: the emissions and what each target judges (the reports show
     their percentiles); dc_mc_keep adds more */
  if (mc->nmetrics > DC_MET_EMISSIONS) mc->mok[DC_MET_EMISSIONS] = 1;
  for (size_t t = 0; t < mc->ntargets; t++) {
    dc_plan_target_info ti;
    if (dc_plan_target_at(p, (int)t, &ti) == 0 && ti.metric >= 0 && (size_t)ti.metric < mc->nmetrics)
      mc->mok[ti.metric] = 1;
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

int dc_mc_keep(dc_mc *mc, int m) {
  if (mc->mval || (m >= 0 && (size_t)m >= mc->nmetrics)) return -1;
  for (size_t k = 0; k < mc->nmetrics; k++)
    if (m < 0 || k == (size_t)m) mc->mok[k] = 1;
  return 0;
}

/* Samples drawn and evaluated together: every input's draws of a chunk are
 * made at once (eight Philox blocks side by side), in a buffer touched
 * once, so that no draw need be kept for the whole run. */
#define CHUNK 256

/* The draws of samples k0 .. k0 + c - 1 of input j into out. */
static void draw_chunk(const dc_mc *mc, size_t j, size_t k0, size_t c, double *out) {
  dc_random_uniform_samples(mc->seed, mc->first + k0, mc->stream[j], c, out);
  dc_dist_quantiles(&mc->dist[j], out, c);
}

/* What sample k leaves: each target's verdict and smallest margin over its
 * due years, the kept metrics' values. */
static void record(dc_mc *mc, dc_plan *p, size_t k) {
  const size_t ns = mc->ns, ny = mc->ny;
  const int s = mc->scenario;
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
  double *row = mc->mval + k * mc->nkept * ny;
  for (size_t m = 0; m < mc->nmetrics; m++) {
    if (!mc->mok[m]) continue;
    const double *v = dc_plan_values(p, s, (int)m);
    if (v) memcpy(row, v, ny * sizeof *v);
    else
      for (size_t y = 0; y < ny; y++) row[y] = NAN;
    row += ny;
  }
}

int dc_mc_run(dc_mc *mc, dc_plan *p, dc_plan_fn fn, void *ctx, char *err, size_t errsize) {
  const size_t ns = mc->ns, nin = mc->ninputs;
  const int s = mc->scenario;
  mc->nkept = 0;
  for (size_t m = 0; m < mc->nmetrics; m++) {
    dc_plan_metric_info mi;
    if (mc->mok[m] && dc_plan_metric_at(p, (int)m, &mi) != 0) mc->mok[m] = 0; /* no values (no units yet) */
    mc->nkept += mc->mok[m];
  }
  /* the draws are kept when a year is drawn (it is rounded and kept within
     the measure's years: made again, it could differ); else made per chunk */
  if (!mc->mval && !(mc->mval = alloc_rows(mc->nkept * mc->ny, ns))) goto oom;
  if (mc->years && !mc->x && !(mc->x = alloc_rows(nin, ns))) goto oom;
  if (!mc->years && !mc->xb && !(mc->xb = alloc_rows(nin, CHUNK))) goto oom;
  /* linear amounts only: each sample from the central evaluation (plan_mc.c) */
  if (!mc->years && nin && !mc->eval) {
    if (dc_plan_evaluate(p, s, fn, ctx)) {
      snprintf(err, errsize, "the central values: %s", dc_plan_error(p));
      return -1;
    }
    mc->eval = dc_plan_fast_new(p, s, mc->slot, nin);
  }
  size_t k = 0;
  for (size_t k0 = 0; k0 < ns; k0 += CHUNK) {
    size_t c = ns - k0 < CHUNK ? ns - k0 : CHUNK, stride = mc->x ? ns : CHUNK;
    double *xs = mc->x ? mc->x + k0 : mc->xb; /* input j, sample k0 + kk: xs[j * stride + kk] */
    for (size_t j = 0; j < nin; j++) draw_chunk(mc, j, k0, c, xs + j * stride);
    for (size_t kk = 0; kk < c; kk++) {
      k = k0 + kk;
      if (mc->eval) {
        if (dc_plan_fast_eval(mc->eval, p, xs + kk, stride)) goto fail;
        record(mc, p, k);
        continue;
      }
      /* the years of every measure with an uncertain year start from where
         they were: a sample never sees what an earlier one drew */
      for (size_t j = 0; mc->years && j < nin; j++)
        if (is_year_field(mc->slot[j].field)) restore_years(mc, p, mc->slot[j].index);
      for (size_t j = 0; j < nin; j++) {
        double x = xs[j * stride + kk];
        if (apply(p, &mc->slot[j], &x, mc->fast[j])) goto fail;
        xs[j * stride + kk] = x;
      }
      if (dc_plan_evaluate(p, s, fn, ctx)) goto fail;
      record(mc, p, k);
    }
  }
  return 0;
fail:
  snprintf(err, errsize, "sample %llu: %s", (unsigned long long)(mc->first + k), dc_plan_error(p));
  return -1;
oom:
  snprintf(err, errsize, "out of memory (for %llu samples)", (unsigned long long)ns);
  return -1;
}

double dc_mc_draw(const dc_mc *mc, size_t j, size_t k) {
  if (j >= mc->ninputs || k >= mc->ns) return NAN;
  if (mc->x) return mc->x[j * mc->ns + k];
  return dc_dist_quantile(&mc->dist[j], dc_random_uniform(mc->seed, mc->first + k, mc->stream[j]));
}

void dc_mc_draws(const dc_mc *mc, size_t j, double *out) {
  if (mc->x) memcpy(out, mc->x + j * mc->ns, mc->ns * sizeof *out);
  else draw_chunk(mc, j, 0, mc->ns, out);
}

/* metric m's place among the kept ones, or -1 */
static long kept_row(const dc_mc *mc, size_t m) {
  if (m >= mc->nmetrics || !mc->mok[m]) return -1;
  long r = 0;
  for (size_t i = 0; i < m; i++) r += mc->mok[i];
  return r;
}

double dc_mc_value(const dc_mc *mc, size_t k, size_t m, size_t y) {
  long r = kept_row(mc, m);
  if (r < 0 || k >= mc->ns || y >= mc->ny || !mc->mval) return NAN;
  return mc->mval[(k * mc->nkept + (size_t)r) * mc->ny + y];
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
      b->ntargets != into->ntargets || b->nmetrics != into->nmetrics || b->ny != into->ny ||
      b->nkept != into->nkept || memcmp(b->mok, into->mok, into->nmetrics) != 0) {
    snprintf(err, errsize, "the blocks do not fit together (block %llu:%llu after %llu:%llu, seeds %llu and %llu)",
             (unsigned long long)b->first, (unsigned long long)b->end, (unsigned long long)into->first,
             (unsigned long long)into->end, (unsigned long long)b->seed, (unsigned long long)into->seed);
    return -1;
  }
  size_t na = into->ns, nb = b->ns, n = na + nb, nin = into->ninputs, row = into->nkept * into->ny;
  /* draws made from the same distributions and streams stay unkept */
  int regen = !into->x && !b->x && into->dist && b->dist && (!nin || (memcmp(into->dist, b->dist, nin * sizeof *b->dist) == 0 &&
                                                                      memcmp(into->stream, b->stream, nin * sizeof *b->stream) == 0));
  double *x = regen ? NULL : alloc_rows(nin, n);
  double *margin = alloc_rows(into->ntargets, n), *mval = alloc_rows(row, n);
  if ((!regen && !x) || !margin || !mval) {
    free(x);
    free(margin);
    free(mval);
    snprintf(err, errsize, "out of memory (merging blocks)");
    return -1;
  }
  /* per-sample arrays by row, [row * ns + k]: rows of into, then of b */
  for (size_t j = 0; x && j < nin; j++) {
    dc_mc_draws(into, j, x + j * n);
    dc_mc_draws(b, j, x + j * n + na);
  }
  for (size_t t = 0; t < into->ntargets; t++) {
    memcpy(margin + t * n, into->margin + t * na, na * sizeof(double));
    memcpy(margin + t * n + na, b->margin + t * nb, nb * sizeof(double));
  }
  /* sample-major: b's samples follow */
  if (row) {
    memcpy(mval, into->mval, na * row * sizeof(double));
    memcpy(mval + na * row, b->mval, nb * row * sizeof(double));
  }
  for (size_t t = 0; t < into->ntargets; t++) dc_tally_merge(&into->tally[t], &b->tally[t]);
  free(into->x);
  free(into->margin);
  free(into->mval);
  into->x = x;
  into->margin = margin;
  into->mval = mval;
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

/* kept row r's values in years y0 .. y0 + nb - 1, every sample, into v
 * (year y0 + b at v + b * ns): one pass over the samples for up to a cache
 * line of each sample's row */
static void columns(const dc_mc *mc, size_t r, size_t y0, size_t nb, double *v) {
  const size_t ns = mc->ns, stride = mc->nkept * mc->ny;
  const double *src = mc->mval + r * mc->ny + y0;
  for (size_t k = 0; k < ns; k++)
    for (size_t b = 0; b < nb; b++) v[b * ns + k] = src[k * stride + b];
}

int dc_mc_quantiles(const dc_mc *mc, size_t m, size_t y, double *q) {
  long r = kept_row(mc, m);
  if (r < 0 || y >= mc->ny || !mc->mval) return -1;
  double *v = malloc((mc->ns ? mc->ns : 1) * sizeof *v);
  if (!v) return -1;
  columns(mc, (size_t)r, y, 1, v);
  int rc = dc_stats_quantiles(v, mc->ns, dc_mc_percentiles, DC_MC_NQ, q);
  free(v);
  return rc;
}

int dc_mc_quantiles_all(const dc_mc *mc, size_t m, double *q) {
  enum { B = 8 }; /* years a pass over the samples gathers: a cache line of each sample's row */
  long r = kept_row(mc, m);
  if (r < 0 || !mc->mval) return -1;
  const size_t ns = mc->ns;
  double *v = alloc_rows(B, ns ? ns : 1);
  if (!v) return -1;
  for (size_t y0 = 0; y0 < mc->ny; y0 += B) {
    size_t nb = mc->ny - y0 < B ? mc->ny - y0 : B;
    columns(mc, (size_t)r, y0, nb, v);
    for (size_t b = 0; b < nb; b++) {
      double *qy = q + (y0 + b) * DC_MC_NQ;
      if (dc_stats_quantiles(v + b * ns, ns, dc_mc_percentiles, DC_MC_NQ, qy) != 0)
        for (int i = 0; i < DC_MC_NQ; i++) qy[i] = NAN;
    }
  }
  free(v);
  return 0;
}

/* Input j's ranks into r from its uniforms alone (u: room for ns), when
 * they are surely the ranks of its draws: the quantile increases, so the
 * uniforms' order is the draws', but for uniforms closer than the
 * distribution's order gap (dc_dist_order_gap), whose draws are compared.
 * 1 done; 0 when the draws must be ranked (kept draws, a degenerate
 * distribution, tied uniforms, close ones whose draws tie or swap, too many
 * close ones). The ranks are then the bits the draws' would be. */
static int uniform_ranks(const dc_mc *mc, size_t j, dc_ranker *rk, uint32_t *pos, double *u, double *r) {
  const size_t ns = mc->ns;
  if (mc->x || !mc->dist || !mc->stream) return 0;
  const dc_dist *d = &mc->dist[j];
  double gap = dc_dist_order_gap(d);
  if (!(gap < 1e-4)) return 0;
  dc_random_uniform_samples(mc->seed, mc->first, mc->stream[j], ns, u);
  if (dc_ranker_unit_order(rk, u, ns, r, pos)) return 0; /* pos[rank - 1] = sample */
  size_t close = 0;
  for (size_t q = 0; q + 1 < ns; q++) {
    double a = u[pos[q]], b = u[pos[q + 1]];
    if (b - a >= gap) continue;
    if (++close > ns / 8 + 16 || !(dc_dist_quantile(d, a) < dc_dist_quantile(d, b))) return 0;
  }
  return 1;
}

/* Input ranks rx against every target's centred margin ranks: rho[t *
 * stride] for each target t with ok[t]. The bits of dc_stats_centre and
 * of a centred Pearson product (every sum in sample order), in one pass over
 * the samples with up to four targets' sums side by side instead of one
 * pass per sum (a pass is bound by the latency of its additions, not by
 * its loads); dc_stats_rho gives each rho from its sums. perm: rx is a permutation of 1 .. ns, whose sum the loop
 * would find exactly (ns (ns + 1) / 2, an integer below 2^53). */
static void correlate(const double *rx, int perm, size_t ns, const double *ry, const double *syy,
                      const unsigned char *ok, size_t nt, double *rho, size_t stride) {
  double mx = 0;
  if (perm) mx = 0.5 * (double)ns * (double)(ns + 1);
  else
    for (size_t k = 0; k < ns; k++) mx += rx[k];
  mx /= (double)ns;
  for (size_t t0 = 0; t0 < nt; t0 += 4) {
    const double *y[4];
    double sxy[4] = {0, 0, 0, 0}, sxx = 0;
    size_t g = nt - t0 < 4 ? nt - t0 : 4;
    for (size_t i = 0; i < 4; i++) y[i] = ry + (t0 + (i < g ? i : 0)) * ns; /* unused lanes repeat the first */
    for (size_t k = 0; k < ns; k++) {
      double dx = rx[k] - mx;
      sxx += dx * dx;
      sxy[0] += dx * y[0][k], sxy[1] += dx * y[1][k], sxy[2] += dx * y[2][k], sxy[3] += dx * y[3][k];
    }
    for (size_t i = 0; i < g; i++) {
      size_t t = t0 + i;
      if (ok[t]) rho[t * stride] = dc_stats_rho(sxy[i], sxx, syy[t]);
    }
  }
}

/* The drivers of targets t0 .. t0 + nt - 1 (rho and ok from target t0 on). */
static int drivers(const dc_mc *mc, size_t t0, size_t nt, double *rho, unsigned char *ok) {
  const size_t ns = mc->ns, nin = mc->ninputs;
  const double *margin = mc->margin + t0 * ns;
  for (size_t t = 0; t < nt; t++) {
    ok[t] = ns >= 2;
    for (size_t k = 0; ok[t] && k < ns; k++)
      if (isnan(margin[t * ns + k])) ok[t] = 0;
    for (size_t j = 0; j < nin; j++) rho[t * nin + j] = NAN;
  }
  if (ns < 2 || !nin) return 0;
  /* the margins ranked once, each input's draws once for every target:
     centred ranks, then one product per target (the bits of
     dc_stats_pearson) */
  double *ry = alloc_rows(nt + 2, ns), *syy = alloc_n(nt, sizeof *syy);
  uint32_t *pos = alloc_n(ns, sizeof *pos);
  dc_ranker *rk = dc_ranker_new(ns);
  if (!ry || !rk || !syy || !pos) {
    free(ry);
    free(syy);
    free(pos);
    dc_ranker_free(rk);
    return -1;
  }
  double *xj = ry + nt * ns, *rx = xj + ns;
  int rc = 0;
  for (size_t t = 0; rc == 0 && t < nt; t++) {
    if (!ok[t]) continue;
    if (dc_ranker_ranks(rk, margin + t * ns, ns, xj)) rc = -1;
    else syy[t] = dc_stats_centre(xj, ns, ry + t * ns);
  }
  for (size_t j = 0; rc == 0 && j < nin; j++) {
    int perm = uniform_ranks(mc, j, rk, pos, xj, rx);
    if (!perm) {
      dc_mc_draws(mc, j, xj);
      if (dc_ranker_ranks(rk, xj, ns, rx)) continue; /* a NaN draw: no rho */
    }
    correlate(rx, perm, ns, ry, syy, ok, nt, rho + j, nin);
  }
  free(ry);
  free(syy);
  free(pos);
  dc_ranker_free(rk);
  return rc;
}

int dc_mc_drivers_all(const dc_mc *mc, double *rho, unsigned char *ok) {
  return drivers(mc, 0, mc->ntargets, rho, ok);
}

int dc_mc_drivers(const dc_mc *mc, size_t t, double *rho, size_t *order) {
  unsigned char ok = 0;
  if (t >= mc->ntargets || mc->ns < 2 || drivers(mc, t, 1, rho, &ok) != 0 || !ok) return -1;
  return dc_stats_order_drivers(rho, mc->ninputs, order);
}
