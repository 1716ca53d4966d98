/* jobs_wire.c — the wire form of a dc_result (see jobs_wire.h). A new
 * field of dc_result needs a line in the put_ function of its group (header,
 * metric, measure, target, warning, Monte Carlo) and one in the get_ one. */
#include "jobs_wire.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "montecarlo.h"

static void put(FILE *f, const void *p, size_t n) { fwrite(p, 1, n, f); }
static void put_i32(FILE *f, int v) {
  int32_t x = (int32_t)v;
  put(f, &x, sizeof x);
}
static void put_u64(FILE *f, size_t v) {
  uint64_t x = (uint64_t)v;
  put(f, &x, sizeof x);
}
static void put_str(FILE *f, const char *s) { /* 0: NULL, else length + 1 */
  put_u64(f, s ? strlen(s) + 1 : 0);
  if (s) put(f, s, strlen(s));
}
static void put_doubles(FILE *f, const double *v, size_t n) {
  put_i32(f, v != NULL);
  if (v) put(f, v, n * sizeof *v);
}
static void put_disp(FILE *f, const dc_display *d) {
  put(f, &d->scale, sizeof d->scale);
  put(f, &d->offset, sizeof d->offset);
  put(f, d->label, sizeof d->label);
  put(f, &d->co2e, 1);
}

static void put_u64s(FILE *f, const uint64_t *v, size_t n) { put(f, v, n * sizeof *v); }

/* The raw Monte Carlo (montecarlo.h's layout); the running state is not
 * carried (a result's run has ended). */
static void put_mc(FILE *f, const dc_mc *mc) {
  put_i32(f, mc != NULL);
  if (!mc) return;
  uint64_t h[3] = {mc->seed, mc->first, mc->end};
  put_u64s(f, h, 3);
  put_u64(f, mc->ns);
  put_i32(f, mc->y0);
  put_i32(f, mc->y1);
  put_u64(f, mc->ny);
  put_u64(f, mc->ninputs);
  put_u64(f, mc->ntargets);
  put_u64(f, mc->nmetrics);
  for (size_t j = 0; j < mc->ninputs; j++) put_str(f, mc->inputs[j]);
  for (size_t t = 0; t < mc->ntargets; t++) {
    uint64_t c[2] = {mc->tally[t].met, mc->tally[t].n};
    put_u64s(f, c, 2);
  }
  put_doubles(f, mc->margin, mc->ntargets * mc->ns);
  /* every draw, made again here when the run did not keep them (the
     parent then has them as a merged or read run does: dist NULL) */
  double *row = malloc((mc->ns ? mc->ns : 1) * sizeof *row);
  put_i32(f, row != NULL);
  for (size_t j = 0; row && j < mc->ninputs; j++) {
    dc_mc_draws(mc, j, row);
    put(f, row, mc->ns * sizeof *row);
  }
  free(row);
  put(f, mc->mok, mc->nmetrics);
  put_u64(f, mc->nkept);
  put_doubles(f, mc->mval, mc->nkept * mc->ny * mc->ns);
  put_i32(f, mc->scenario);
}

/* the plan: its names, years and scenarios */
static void put_header(FILE *f, const dc_result *r) {
  put_str(f, r->file);
  put_str(f, r->name);
  put_str(f, r->region);
  put_str(f, r->source);
  put_i32(f, r->y0);
  put_i32(f, r->y1);
  put_u64(f, r->nscenarios);
  for (size_t k = 0; k < r->nscenarios; k++) {
    put_str(f, r->scenario_names[k]);
    put(f, &r->evaluated[k], 1);
  }
  put_i32(f, r->scenario);
  put_u64(f, r->nsectors);
}

static void put_metric(FILE *f, const dc_result *r, const dc_result_metric *m, size_t ny) {
  put_i32(f, m->ok);
  put_str(f, m->name);
  put_str(f, m->source);
  put(f, m->dims.e, sizeof m->dims.e);
  put_i32(f, m->has_disp);
  put_disp(f, &m->disp);
  put_i32(f, m->values != NULL);
  for (size_t k = 0; m->values && k < r->nscenarios; k++) put_doubles(f, m->values[k], ny);
  put_doubles(f, m->quantiles, ny * DC_MC_NQ);
}

static void put_measure(FILE *f, const dc_result_measure *me, size_t ny) {
  put_str(f, me->name);
  put_str(f, me->source);
  put_str(f, me->sector);
  put_doubles(f, me->wedge, ny);
  put_doubles(f, me->share, ny);
}

/* a target: what it is, its series, its verdict, its Monte Carlo odds */
static void put_target(FILE *f, const dc_result_target *x, size_t ny) {
  put_str(f, x->name);
  put_str(f, x->source);
  put_str(f, x->file);
  put_i32(f, x->line);
  put_i32(f, (int)x->kind);
  put_str(f, x->kind_name);
  put_i32(f, x->metric);
  put(f, x->value_dims.e, sizeof x->value_dims.e);
  put_i32(f, x->has_disp);
  put_disp(f, &x->value_disp);
  put_doubles(f, x->value, ny);
  put_doubles(f, x->bound, ny);
  put_doubles(f, x->margin, ny);
  put_doubles(f, x->margin_rel, ny);
  put_i32(f, x->status != NULL);
  if (x->status) put(f, x->status, ny);
  put_i32(f, x->evaluated);
  put_i32(f, x->met);
  put_i32(f, x->first_met);
  put_i32(f, x->first_failed);
  put_i32(f, x->deciding);
  put_i32(f, x->own_column);
  put(f, &x->p_met, sizeof x->p_met);
  put(f, &x->p_met_lo, sizeof x->p_met_lo);
  put(f, &x->p_met_hi, sizeof x->p_met_hi);
  uint64_t c[2] = {x->mc_met, x->mc_samples};
  put_u64s(f, c, 2);
  put_u64(f, x->ndrivers);
  for (size_t j = 0; j < x->ndrivers; j++) put_u64(f, x->driver_input[j]);
  if (x->ndrivers) put(f, x->driver_rho, x->ndrivers * sizeof *x->driver_rho);
}

static void put_warning(FILE *f, const dc_result_warning *w) {
  put_str(f, w->sector);
  put_i32(f, w->ylo);
  put_i32(f, w->yhi);
  put(f, &w->worst, sizeof w->worst);
  put_str(f, w->text);
}

void dc_jobs_wire_put(FILE *f, const dc_result *r) {
  size_t ny = (size_t)(r->y1 - r->y0 + 1);
  put_header(f, r);
  put_u64(f, r->nmetrics);
  for (size_t i = 0; i < r->nmetrics; i++) put_metric(f, r, &r->metrics[i], ny);
  put_u64(f, r->nmeasures);
  for (size_t j = 0; j < r->nmeasures; j++) put_measure(f, &r->measures[j], ny);
  put_u64(f, r->ntargets);
  for (size_t t = 0; t < r->ntargets; t++) put_target(f, &r->targets[t], ny);
  put_u64(f, r->nwarnings);
  for (size_t i = 0; i < r->nwarnings; i++) put_warning(f, &r->warnings[i]);
  put_i32(f, r->met);
  put_i32(f, r->has_mc);
  uint64_t h[3] = {r->seed, r->mc_first, r->mc_end};
  put_u64s(f, h, 3);
  put_u64(f, r->ninputs);
  for (size_t j = 0; j < r->ninputs; j++) put_str(f, r->inputs[j]);
  put_mc(f, r->mc);
  put_str(f, r->missing_scenario);
}

typedef struct rd {
  const unsigned char *p, *end;
  int bad;
} rd;

static void get(rd *g, void *out, size_t n) {
  if (g->bad || (size_t)(g->end - g->p) < n) {
    g->bad = 1;
    memset(out, 0, n);
    return;
  }
  memcpy(out, g->p, n);
  g->p += n;
}
static int get_i32(rd *g) {
  int32_t x;
  get(g, &x, sizeof x);
  return (int)x;
}
static size_t get_u64(rd *g, size_t max) {
  uint64_t x;
  get(g, &x, sizeof x);
  if (x > max) g->bad = 1;
  return g->bad ? 0 : (size_t)x;
}
static void *get_block(rd *g, size_t n) {
  if (g->bad || !n) return NULL;
  if ((size_t)(g->end - g->p) < n) {
    g->bad = 1;
    return NULL;
  }
  void *d = malloc(n);
  if (!d) g->bad = 1;
  else get(g, d, n);
  return d;
}
static char *get_str(rd *g) {
  size_t n = get_u64(g, (size_t)(g->end - g->p) + 1);
  if (!n) return NULL;
  char *s = malloc(n);
  if (!s) {
    g->bad = 1;
    return NULL;
  }
  get(g, s, n - 1);
  s[n - 1] = '\0';
  return s;
}
static double *get_doubles(rd *g, size_t n) {
  if (!get_i32(g)) return NULL;
  return get_block(g, n * sizeof(double));
}
static void get_disp(rd *g, dc_display *d) {
  get(g, &d->scale, sizeof d->scale);
  get(g, &d->offset, sizeof d->offset);
  get(g, d->label, sizeof d->label);
  d->label[sizeof d->label - 1] = '\0';
  get(g, &d->co2e, 1);
}
static void *get_array(rd *g, size_t n, size_t size) {
  if (g->bad || !n) return NULL;
  void *a = calloc(n, size);
  if (!a) g->bad = 1;
  return a;
}

static uint64_t get_raw64(rd *g) {
  uint64_t x;
  get(g, &x, sizeof x);
  return x;
}

/* n * k, or bad when that overflows the bytes left */
static size_t cells(rd *g, size_t n, size_t k) {
  if (k && n > (size_t)(g->end - g->p) / k) {
    g->bad = 1;
    return 0;
  }
  return n * k;
}

static dc_mc *get_mc(rd *g) {
  if (!get_i32(g) || g->bad) return NULL;
  size_t lim = (size_t)(g->end - g->p);
  dc_mc *mc = calloc(1, sizeof *mc);
  if (!mc) {
    g->bad = 1;
    return NULL;
  }
  mc->seed = get_raw64(g);
  mc->first = get_raw64(g);
  mc->end = get_raw64(g);
  mc->ns = get_u64(g, SIZE_MAX);
  mc->y0 = get_i32(g);
  mc->y1 = get_i32(g);
  mc->ny = get_u64(g, lim);
  mc->ninputs = get_u64(g, lim);
  mc->ntargets = get_u64(g, lim);
  mc->nmetrics = get_u64(g, lim);
  mc->inputs = get_array(g, mc->ninputs, sizeof *mc->inputs);
  for (size_t j = 0; !g->bad && j < mc->ninputs; j++) mc->inputs[j] = get_str(g);
  mc->tally = get_array(g, mc->ntargets, sizeof *mc->tally);
  for (size_t t = 0; !g->bad && t < mc->ntargets; t++) {
    mc->tally[t].met = get_raw64(g);
    mc->tally[t].n = get_raw64(g);
  }
  mc->margin = get_doubles(g, cells(g, mc->ntargets, mc->ns));
  if (!get_i32(g)) g->bad = 1; /* the worker ran out of memory for the draws */
  mc->x = get_block(g, cells(g, mc->ninputs, mc->ns) * sizeof(double));
  mc->mok = get_block(g, mc->nmetrics);
  mc->nkept = get_u64(g, mc->nmetrics);
  size_t kept = 0;
  for (size_t m = 0; mc->mok && m < mc->nmetrics; m++) kept += mc->mok[m] != 0;
  if (kept != mc->nkept) g->bad = 1;
  mc->mval = get_doubles(g, cells(g, cells(g, mc->nkept, mc->ny), mc->ns));
  mc->scenario = get_i32(g);
  return mc;
}

/* the plan: its names, years and scenarios; its year count into *ny */
static void get_header(rd *g, dc_result *r, size_t lim, size_t *ny) {
  r->file = get_str(g);
  r->name = get_str(g);
  r->region = get_str(g);
  r->source = get_str(g);
  r->y0 = get_i32(g);
  r->y1 = get_i32(g);
  if (r->y1 < r->y0 || (long)r->y1 - r->y0 > 100000) g->bad = 1;
  *ny = g->bad ? 0 : (size_t)(r->y1 - r->y0 + 1);
  r->nscenarios = get_u64(g, lim);
  r->scenario_names = get_array(g, r->nscenarios, sizeof *r->scenario_names);
  r->evaluated = get_array(g, r->nscenarios, 1);
  for (size_t k = 0; !g->bad && k < r->nscenarios; k++) {
    r->scenario_names[k] = get_str(g);
    get(g, &r->evaluated[k], 1);
  }
  r->scenario = get_i32(g);
  if (r->scenario < 0 || (size_t)r->scenario >= r->nscenarios) g->bad = 1;
  r->nsectors = get_u64(g, SIZE_MAX);
}

static void get_metric(rd *g, const dc_result *r, dc_result_metric *m, size_t ny) {
  m->ok = get_i32(g);
  m->name = get_str(g);
  m->source = get_str(g);
  get(g, m->dims.e, sizeof m->dims.e);
  m->has_disp = get_i32(g);
  get_disp(g, &m->disp);
  if (get_i32(g)) m->values = get_array(g, r->nscenarios, sizeof *m->values);
  for (size_t k = 0; m->values && !g->bad && k < r->nscenarios; k++) m->values[k] = get_doubles(g, ny);
  m->quantiles = get_doubles(g, ny * DC_MC_NQ);
}

static void get_measure(rd *g, dc_result_measure *me, size_t ny) {
  me->name = get_str(g);
  me->source = get_str(g);
  me->sector = get_str(g);
  me->wedge = get_doubles(g, ny);
  me->share = get_doubles(g, ny);
}

/* a target: what it is, its series, its verdict, its Monte Carlo odds */
static void get_target(rd *g, const dc_result *r, dc_result_target *x, size_t ny, size_t lim) {
  x->name = get_str(g);
  x->source = get_str(g);
  x->file = get_str(g);
  x->line = get_i32(g);
  x->kind = (enum dc_target_kind)get_i32(g);
  x->kind_name = get_str(g);
  x->metric = get_i32(g);
  if (x->metric < 0 || (size_t)x->metric >= r->nmetrics) g->bad = 1;
  get(g, x->value_dims.e, sizeof x->value_dims.e);
  x->has_disp = get_i32(g);
  get_disp(g, &x->value_disp);
  x->value = get_doubles(g, ny);
  x->bound = get_doubles(g, ny);
  x->margin = get_doubles(g, ny);
  x->margin_rel = get_doubles(g, ny);
  if (get_i32(g)) x->status = get_block(g, ny);
  x->evaluated = get_i32(g);
  x->met = get_i32(g);
  x->first_met = get_i32(g);
  x->first_failed = get_i32(g);
  x->deciding = get_i32(g);
  x->own_column = get_i32(g);
  get(g, &x->p_met, sizeof x->p_met);
  get(g, &x->p_met_lo, sizeof x->p_met_lo);
  get(g, &x->p_met_hi, sizeof x->p_met_hi);
  x->mc_met = get_raw64(g);
  x->mc_samples = get_raw64(g);
  x->ndrivers = get_u64(g, lim);
  x->driver_input = get_array(g, x->ndrivers, sizeof *x->driver_input);
  for (size_t j = 0; !g->bad && j < x->ndrivers; j++) x->driver_input[j] = get_u64(g, SIZE_MAX);
  if (x->ndrivers) x->driver_rho = get_block(g, cells(g, x->ndrivers, sizeof *x->driver_rho));
}

static void get_warning(rd *g, dc_result_warning *w) {
  w->sector = get_str(g);
  w->ylo = get_i32(g);
  w->yhi = get_i32(g);
  get(g, &w->worst, sizeof w->worst);
  w->text = get_str(g);
}

/* the Monte Carlo: its summary, its inputs, the raw run */
static void get_mc_part(rd *g, dc_result *r, size_t ny, size_t lim) {
  r->has_mc = get_i32(g);
  r->seed = get_raw64(g);
  r->mc_first = get_raw64(g);
  r->mc_end = get_raw64(g);
  r->ninputs = get_u64(g, lim);
  r->inputs = get_array(g, r->ninputs, sizeof *r->inputs);
  for (size_t j = 0; !g->bad && j < r->ninputs; j++) r->inputs[j] = get_str(g);
  for (size_t t = 0; !g->bad && t < r->ntargets; t++)
    for (size_t j = 0; j < r->targets[t].ndrivers; j++)
      if (r->targets[t].driver_input[j] >= r->ninputs) g->bad = 1;
  r->mc = get_mc(g);
  if (r->mc && (r->mc->ntargets != r->ntargets || r->mc->nmetrics != r->nmetrics || r->mc->ny != ny ||
                r->mc->end < r->mc->first || r->mc->ns != r->mc->end - r->mc->first))
    g->bad = 1;
}

dc_result *dc_jobs_wire_get(const unsigned char *buf, size_t len) {
  rd g = {buf, buf + len, 0};
  size_t lim = len; /* no count can exceed the bytes left */
  dc_result *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  size_t ny;
  get_header(&g, r, lim, &ny);
  r->nmetrics = get_u64(&g, lim);
  r->metrics = get_array(&g, r->nmetrics, sizeof *r->metrics);
  for (size_t i = 0; !g.bad && i < r->nmetrics; i++) get_metric(&g, r, &r->metrics[i], ny);
  r->nmeasures = get_u64(&g, lim);
  r->measures = get_array(&g, r->nmeasures, sizeof *r->measures);
  for (size_t j = 0; !g.bad && j < r->nmeasures; j++) get_measure(&g, &r->measures[j], ny);
  r->ntargets = get_u64(&g, lim);
  r->targets = get_array(&g, r->ntargets, sizeof *r->targets);
  for (size_t t = 0; !g.bad && t < r->ntargets; t++) get_target(&g, r, &r->targets[t], ny, lim);
  r->nwarnings = get_u64(&g, lim);
  r->warnings = get_array(&g, r->nwarnings, sizeof *r->warnings);
  for (size_t i = 0; !g.bad && i < r->nwarnings; i++) get_warning(&g, &r->warnings[i]);
  r->met = get_i32(&g);
  get_mc_part(&g, r, ny, lim);
  r->missing_scenario = get_str(&g);
  if (g.bad || g.p != g.end || !r->name || !r->region || !r->source) {
    dc_result_free(r);
    return NULL;
  }
  return r;
}
