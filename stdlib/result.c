/* result.c — a plan's result copied out of the plan (see result.h). */
#include "result.h"

#include <math.h>
#include "montecarlo.h"

#include <stdlib.h>
#include <string.h>

static char *dup_str(const char *s, int *bad) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (!d) {
    *bad = 1;
    return NULL;
  }
  memcpy(d, s, n);
  return d;
}

static void *dup_mem(const void *src, size_t n, int *bad) {
  if (!src || !n) return NULL;
  void *d = malloc(n);
  if (!d) {
    *bad = 1;
    return NULL;
  }
  memcpy(d, src, n);
  return d;
}

static void *zalloc(size_t n, size_t size, int *bad) {
  if (!n) return NULL;
  void *d = calloc(n, size);
  if (!d) *bad = 1;
  return d;
}

static void copy_detail(dc_result *r, const dc_plan *p, int *bad);
int dc_result_target_on_metric(const dc_result *r, size_t t, int metric, int judged_only) {
  const dc_result_target *x = &r->targets[t];
  const double *v = dc_result_values(r, r->scenario, metric);
  if (x->metric != metric || !x->evaluated || !x->value || !v || (judged_only && !x->status) ||
      !dc_dims_eq(x->value_dims, r->metrics[metric].dims))
    return 0;
  int any = 0;
  for (int i = 0; i <= r->y1 - r->y0; i++) {
    if (judged_only && x->status[i] == DC_ST_NONE) continue;
    double a = x->value[i], b = v[i];
    if (isnan(a) || isnan(b) ? isnan(a) != isnan(b) : fabs(a - b) > 1e-9 * fmax(fabs(a), fabs(b))) return 0;
    any = 1;
  }
  return any;
}

/* Which targets judge a value of their own (dc_result_target_on_metric's
 * every-year rule): reports show those in a column of their own. */
static void mark_own_columns(dc_result *r) {
  for (size_t t = 0; t < r->ntargets; t++) {
    dc_result_target *x = &r->targets[t];
    if (x->evaluated && x->value) x->own_column = !dc_result_target_on_metric(r, t, x->metric, 0);
  }
}

/* What a result and a skipped one share: the plan's description and its
 * scenarios' names (and which of them are evaluated). */
static dc_result *new_result(const dc_plan *p, int s, const char *file, int *bad) {
  dc_result *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->file = dup_str(file, bad);
  r->name = dup_str(dc_plan_name(p), bad);
  r->region = dup_str(dc_plan_region(p), bad);
  r->source = dup_str(dc_plan_source(p), bad);
  r->y0 = dc_plan_y0(p);
  r->y1 = dc_plan_y1(p);
  r->scenario = s;
  r->nscenarios = dc_plan_nscenarios(p);
  r->scenario_names = zalloc(r->nscenarios, sizeof *r->scenario_names, bad);
  r->evaluated = zalloc(r->nscenarios, 1, bad);
  for (size_t k = 0; !*bad && k < r->nscenarios; k++) {
    r->scenario_names[k] = dup_str(dc_plan_scenario_name(p, (int)k), bad);
    r->evaluated[k] = (unsigned char)(dc_plan_evaluated(p, (int)k) != 0);
  }
  return r;
}

static void copy_metrics(dc_result *r, const dc_plan *p, size_t bytes, int *bad) {
  r->nmetrics = dc_plan_nmetrics(p);
  r->metrics = zalloc(r->nmetrics, sizeof *r->metrics, bad);
  for (size_t i = 0; !*bad && i < r->nmetrics; i++) {
    dc_result_metric *m = &r->metrics[i];
    dc_plan_metric_info mi;
    memset(&mi, 0, sizeof mi);
    m->ok = dc_plan_metric_at(p, (int)i, &mi) == 0;
    m->name = dup_str(mi.name, bad);
    m->source = dup_str(mi.source, bad);
    m->dims = mi.dims;
    if (mi.disp) {
      m->has_disp = 1;
      m->disp = *mi.disp;
    }
    m->values = zalloc(r->nscenarios, sizeof *m->values, bad);
    for (size_t k = 0; !*bad && k < r->nscenarios; k++)
      m->values[k] = dup_mem(dc_plan_values(p, (int)k, (int)i), bytes, bad);
  }
}

/* The measures in scenario s's order (the largest wedge first). */
static void copy_measures(dc_result *r, const dc_plan *p, int s, size_t bytes, int *bad) {
  size_t nm = dc_plan_nmeasures(p);
  int *order = nm ? malloc(nm * sizeof *order) : NULL;
  if (nm && !order) *bad = 1;
  r->nmeasures = order ? dc_plan_measure_order(p, s, order) : 0;
  r->measures = zalloc(r->nmeasures, sizeof *r->measures, bad);
  for (size_t j = 0; !*bad && j < r->nmeasures; j++) {
    dc_plan_measure_info me;
    dc_plan_measure_at(p, order[j], &me);
    r->measures[j].name = dup_str(me.name, bad);
    r->measures[j].source = dup_str(me.source, bad);
    r->measures[j].sector = dup_str(me.sector, bad);
    r->measures[j].wedge = dup_mem(dc_plan_wedge(p, s, order[j]), bytes, bad);
  }
  free(order);
}

/* Target t: its definition, where it was defined, its verdict in s. */
static void copy_target(dc_result *r, const dc_plan *p, int s, size_t t, dc_result_where_fn where, void *wctx,
                        int *bad) {
  size_t ny = (size_t)(r->y1 - r->y0 + 1), bytes = ny * sizeof(double);
  dc_result_target *x = &r->targets[t];
  dc_plan_target_info ti;
  dc_target_result tr;
  dc_plan_target_at(p, (int)t, &ti);
  x->name = dup_str(ti.name, bad);
  x->source = dup_str(ti.source, bad);
  x->kind = ti.kind;
  x->kind_name = dup_str(ti.kind_name, bad);
  x->metric = ti.metric;
  x->value_dims = ti.value_dims;
  if (ti.value_disp) {
    x->has_disp = 1;
    x->value_disp = *ti.value_disp;
  }
  if (ti.file) {
    x->file = dup_str(ti.file, bad);
    x->line = ti.line;
  } else if (where) {
    const char *wf = NULL;
    int wl = 0;
    where(wctx, (int)t, &wf, &wl);
    x->file = dup_str(wf, bad);
    x->line = wl;
  }
  x->first_met = x->first_failed = x->deciding = DC_PLAN_NOYEAR;
  if (dc_plan_result(p, s, (int)t, &tr) != 0) return;
  x->evaluated = 1;
  x->value = dup_mem(tr.value, bytes, bad);
  x->bound = dup_mem(tr.bound, bytes, bad);
  x->margin = dup_mem(tr.margin, bytes, bad);
  x->margin_rel = dup_mem(tr.margin_rel, bytes, bad);
  x->status = dup_mem(tr.status, ny, bad);
  x->met = tr.met;
  x->first_met = tr.first_met;
  x->first_failed = tr.first_failed;
  x->deciding = tr.deciding;
  r->met += tr.met != 0;
}

static void copy_warnings(dc_result *r, const dc_plan *p, int s, int *bad) {
  r->nwarnings = dc_plan_nwarnings(p, s);
  r->warnings = zalloc(r->nwarnings, sizeof *r->warnings, bad);
  for (size_t i = 0; !*bad && i < r->nwarnings; i++) {
    dc_plan_warning w;
    char txt[400];
    dc_plan_warning_at(p, s, i, &w);
    dc_plan_warning_text(p, s, i, txt, sizeof txt);
    r->warnings[i].sector = dup_str(w.sector, bad);
    r->warnings[i].ylo = w.ylo;
    r->warnings[i].yhi = w.yhi;
    r->warnings[i].worst = w.worst;
    r->warnings[i].text = dup_str(txt, bad);
  }
}

dc_result *dc_result_from_plan(const dc_plan *p, int s, const char *file, dc_result_where_fn where, void *wctx) {
  int bad = 0;
  dc_result *r = new_result(p, s, file, &bad);
  if (!r) return NULL;
  size_t bytes = (size_t)(r->y1 - r->y0 + 1) * sizeof(double);
  r->nsectors = dc_plan_nsectors(p);
  if (!bad) copy_metrics(r, p, bytes, &bad);
  if (!bad) copy_measures(r, p, s, bytes, &bad);
  r->ntargets = dc_plan_ntargets(p);
  r->targets = zalloc(r->ntargets, sizeof *r->targets, &bad);
  for (size_t t = 0; !bad && t < r->ntargets; t++) copy_target(r, p, s, t, where, wctx, &bad);
  if (!bad) mark_own_columns(r); /* reads the copies: not after a failed one */
  if (!bad) copy_warnings(r, p, s, &bad);
  if (!bad) copy_detail(r, p, &bad);
  if (bad) {
    dc_result_free(r);
    return NULL;
  }
  return r;
}

dc_result *dc_result_skipped(const dc_plan *p, const char *file, const char *missing) {
  int bad = 0;
  dc_result *r = new_result(p, DC_SCEN_PLAN, file, &bad);
  if (!r) return NULL;
  if (r->evaluated) memset(r->evaluated, 0, r->nscenarios); /* nothing of it is shown */
  r->missing_scenario = dup_str(missing ? missing : "", &bad);
  if (bad) {
    dc_result_free(r);
    return NULL;
  }
  return r;
}

const double *dc_result_values(const dc_result *r, int s, int i) {
  if (s < 0 || (size_t)s >= r->nscenarios || i < 0 || (size_t)i >= r->nmetrics || !r->metrics[i].values)
    return NULL;
  return r->metrics[i].values[s];
}

static void free_detail(dc_result *r);

void dc_result_free(dc_result *r) {
  if (!r) return;
  free_detail(r);
  dc_result_clear_mc(r);
  free(r->file);
  free(r->missing_scenario);
  free(r->name);
  free(r->region);
  free(r->source);
  for (size_t k = 0; r->scenario_names && k < r->nscenarios; k++) free(r->scenario_names[k]);
  free(r->scenario_names);
  free(r->evaluated);
  for (size_t i = 0; r->metrics && i < r->nmetrics; i++) {
    dc_result_metric *m = &r->metrics[i];
    free(m->name);
    free(m->source);
    for (size_t k = 0; m->values && k < r->nscenarios; k++) free(m->values[k]);
    free(m->values);
  }
  free(r->metrics);
  for (size_t j = 0; r->measures && j < r->nmeasures; j++) {
    free(r->measures[j].name);
    free(r->measures[j].source);
    free(r->measures[j].sector);
    free(r->measures[j].wedge);
    free(r->measures[j].share);
  }
  free(r->measures);
  for (size_t t = 0; r->targets && t < r->ntargets; t++) {
    dc_result_target *x = &r->targets[t];
    free(x->name);
    free(x->source);
    free(x->file);
    free(x->kind_name);
    free(x->value);
    free(x->bound);
    free(x->margin);
    free(x->margin_rel);
    free(x->status);
  }
  free(r->targets);
  for (size_t i = 0; r->warnings && i < r->nwarnings; i++) {
    free(r->warnings[i].sector);
    free(r->warnings[i].text);
  }
  free(r->warnings);
  free(r);
}

/* ===================================================================== */
/* The detail (see result.h): read from the plan core's own structures.   */
/* ===================================================================== */
#include "plan_int.h"

/* A measure's ramp in year y, as the core computes it (plan_eval.c). */
static double ramp_of(const measure_t *m, int y) {
  if (m->start != DC_PLAN_NOYEAR && y < m->start) return 0;
  if (m->stop != DC_PLAN_NOYEAR && y > m->stop) return 0;
  if (m->full != DC_PLAN_NOYEAR && y < m->full)
    return (double)(y - m->start + 1) / (double)(m->full - m->start + 1);
  return 1;
}

static double *new_series(size_t n, int *bad) { return zalloc(n, sizeof(double), bad); }

static void copy_measure(dc_result_xmeasure *x, const dc_plan *p, size_t k, size_t n, int *bad) {
  const measure_t *m = &p->mea[k];
  x->name = dup_str(m->name, bad);
  x->source = dup_str(m->source, bad);
  x->sector = m->sector;
  x->kind = m->kind;
  x->start = m->start;
  x->full = m->full;
  x->stop = m->stop;
  x->scenario = m->scenario;
  x->scale = m->scale;
  x->ramp = new_series(n, bad);
  x->at_full = new_series(n, bad);
  x->nadds = m->kind == DC_MEASURE_ADDS ? m->nadds : 0;
  x->adds = zalloc(x->nadds, sizeof *x->adds, bad);
  x->active = zalloc(p->nscen, 1, bad);
  x->wedge = zalloc(p->nscen, sizeof *x->wedge, bad);
  if (*bad) return;
  for (size_t a = 0; a < x->nadds; a++) {
    x->adds[a].tech = m->adds[a].tech;
    x->adds[a].cap = new_series(n, bad);
    x->adds[a].gen = new_series(n, bad);
  }
  if (*bad) return;
  for (size_t i = 0; i < n; i++) {
    x->ramp[i] = ramp_of(m, p->y0 + (int)i);
    double full = NAN;
    if (m->kind == DC_MEASURE_ABATES && (m->use_const || m->amount))
      full = m->scale * (m->use_const ? m->konst : m->amount[i]);
    else if (m->kind == DC_MEASURE_SAVES && m->amount && m->factor) full = m->scale * m->amount[i] * m->factor[i];
    else if (m->kind == DC_MEASURE_ADDS) {
      full = 0;
      for (size_t a = 0; a < x->nadds; a++) {
        const add_t *ad = &m->adds[a];
        const double *h = ad->hours ? ad->hours : p->tech[ad->tech].hours;
        double cap = m->scale * ad->amount[i];
        double gen = h ? cap * h[i] : (cap != 0 ? NAN : 0);
        x->adds[a].cap[i] = cap;
        x->adds[a].gen[i] = gen;
        if (m->factor) full += gen * m->factor[i];
      }
    }
    x->at_full[i] = full;
  }
  for (size_t s = 0; s < p->nscen; s++) {
    x->active[s] = (unsigned char)(dc_plan_measure_active(p, (int)s, (int)k) != 0);
    x->wedge[s] = dup_mem(dc_plan_evaluated(p, (int)s) ? dc_plan_wedge(p, (int)s, (int)k) : NULL,
                          n * sizeof(double), bad);
  }
}

static void copy_detail(dc_result *r, const dc_plan *p, int *bad) {
  size_t n = (size_t)p->n, bytes = n * sizeof(double);
  dc_result_detail *d = calloc(1, sizeof *d);
  if (!d) {
    *bad = 1;
    return;
  }
  r->detail = d;
  d->year_s = p->year_s;
  d->metric_kind = zalloc(p->nmet, 1, bad);
  d->metric_ref = zalloc(p->nmet, sizeof *d->metric_ref, bad);
  for (size_t i = 0; !*bad && i < p->nmet; i++) {
    static const unsigned char kinds[] = {[MK_BUILTIN] = DC_RMK_BUILTIN, [MK_SECTOR] = DC_RMK_SECTOR,
                                          [MK_TECH] = DC_RMK_TECH,       [MK_TECHGEN] = DC_RMK_TECHGEN,
                                          [MK_SERIES] = DC_RMK_SERIES,   [MK_FN] = DC_RMK_FN,
                                          [MK_DIFF] = DC_RMK_DIFF,
                                          /* an energy metric: one term, as a given series (explain
                                             does not break it into fuels and measures yet) */
                                          [MK_ENERGY] = DC_RMK_ENERGY};
    d->metric_kind[i] = kinds[p->met[i].kind];
    d->metric_ref[i] = p->met[i].ref;
  }
  d->nsectors = p->nsec;
  d->sectors = zalloc(p->nsec, sizeof *d->sectors, bad);
  for (size_t k = 0; !*bad && k < p->nsec; k++) {
    d->sectors[k].name = dup_str(p->sec[k].name, bad);
    d->sectors[k].source = dup_str(p->sec[k].source, bad);
    d->sectors[k].metric = p->sec[k].metric;
    d->sectors[k].bau = dup_mem(p->sec[k].bau, bytes, bad);
  }
  d->ntechs = p->ntech;
  d->techs = zalloc(p->ntech, sizeof *d->techs, bad);
  for (size_t k = 0; !*bad && k < p->ntech; k++) {
    const tech_t *t = &p->tech[k];
    dc_result_tech *x = &d->techs[k];
    x->name = dup_str(t->name, bad);
    x->source = dup_str(t->source, bad);
    x->metric = t->metric;
    x->gen_metric = t->gen_metric;
    x->cap = dup_mem(t->cap, bytes, bad);
    x->gen = new_series(n, bad);
    for (size_t i = 0; !*bad && i < n; i++) x->gen[i] = t->hours ? t->cap[i] * t->hours[i] : (t->cap[i] != 0 ? NAN : 0);
  }
  d->nmeasures = p->nmea;
  d->measures = zalloc(p->nmea, sizeof *d->measures, bad);
  for (size_t k = 0; !*bad && k < p->nmea; k++) copy_measure(&d->measures[k], p, k, n, bad);
  d->order = zalloc(p->nmea, sizeof *d->order, bad);
  if (d->order) d->norder = dc_plan_measure_order(p, r->scenario, d->order);
  d->targets = zalloc(p->ntar, sizeof *d->targets, bad);
  for (size_t t = 0; !*bad && t < p->ntar; t++) {
    const target_t *ta = &p->tar[t];
    dc_result_xtarget *x = &d->targets[t];
    x->share_of = ta->share_of;
    x->per = ta->per;
    x->nparts = ta->nparts;
    x->parts = dup_mem(ta->parts, ta->nparts * sizeof *ta->parts, bad);
    x->bound = ta->bound;
    x->reduce = ta->reduce;
    x->tol = ta->tol;
    x->tol_is_abs = ta->tol_is_abs;
    x->by = ta->by;
    x->from = ta->from;
    x->vs_scen = ta->vs_scen;
    x->cumul_seconds = ta->cumul_seconds;
  }
}

static void free_detail(dc_result *r) {
  dc_result_detail *d = r->detail;
  if (!d) return;
  free(d->metric_kind);
  free(d->metric_ref);
  for (size_t k = 0; d->sectors && k < d->nsectors; k++) {
    free(d->sectors[k].name);
    free(d->sectors[k].source);
    free(d->sectors[k].bau);
  }
  free(d->sectors);
  for (size_t k = 0; d->techs && k < d->ntechs; k++) {
    free(d->techs[k].name);
    free(d->techs[k].source);
    free(d->techs[k].cap);
    free(d->techs[k].gen);
  }
  free(d->techs);
  for (size_t k = 0; d->measures && k < d->nmeasures; k++) {
    dc_result_xmeasure *x = &d->measures[k];
    free(x->name);
    free(x->source);
    free(x->ramp);
    free(x->at_full);
    for (size_t a = 0; x->adds && a < x->nadds; a++) {
      free(x->adds[a].cap);
      free(x->adds[a].gen);
    }
    free(x->adds);
    for (size_t s = 0; x->wedge && s < r->nscenarios; s++) free(x->wedge[s]);
    free(x->wedge);
    free(x->active);
  }
  free(d->measures);
  free(d->order);
  for (size_t t = 0; d->targets && t < r->ntargets; t++) free(d->targets[t].parts);
  free(d->targets);
  free(d);
  r->detail = NULL;
}
