/* result.c — a plan's result copied out of the plan (see result.h). */
#include "result.h"

#include <math.h>
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

/* Which targets judge a value of their own: one that differs, in some
 * year, from the series of the metric the target names (in the judged
 * scenario; NaN equals NaN) or has other dimensions. */
static void mark_own_columns(dc_result *r) {
  int ny = r->y1 - r->y0 + 1;
  for (size_t t = 0; t < r->ntargets; t++) {
    dc_result_target *x = &r->targets[t];
    const double *v = dc_result_values(r, r->scenario, x->metric);
    if (!x->evaluated) continue;
    x->own_column = !v || !dc_dims_eq(x->value_dims, r->metrics[x->metric].dims);
    for (int i = 0; !x->own_column && i < ny; i++) {
      double a = x->value[i], b = v[i];
      if (isnan(a) || isnan(b)) x->own_column = isnan(a) != isnan(b);
      else x->own_column = fabs(a - b) > 1e-12 * fmax(fabs(a), fabs(b));
    }
  }
}

dc_result *dc_result_from_plan(const dc_plan *p, int s, const char *file, dc_result_where_fn where, void *wctx) {
  dc_result *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  int bad = 0;
  r->file = dup_str(file, &bad);
  r->name = dup_str(dc_plan_name(p), &bad);
  r->region = dup_str(dc_plan_region(p), &bad);
  r->source = dup_str(dc_plan_source(p), &bad);
  r->y0 = dc_plan_y0(p);
  r->y1 = dc_plan_y1(p);
  size_t ny = (size_t)(r->y1 - r->y0 + 1), bytes = ny * sizeof(double);
  r->scenario = s;
  r->nsectors = dc_plan_nsectors(p);
  r->nscenarios = dc_plan_nscenarios(p);
  r->scenario_names = zalloc(r->nscenarios, sizeof *r->scenario_names, &bad);
  r->evaluated = zalloc(r->nscenarios, 1, &bad);
  for (size_t k = 0; !bad && k < r->nscenarios; k++) {
    r->scenario_names[k] = dup_str(dc_plan_scenario_name(p, (int)k), &bad);
    r->evaluated[k] = (unsigned char)(dc_plan_evaluated(p, (int)k) != 0);
  }

  r->nmetrics = dc_plan_nmetrics(p);
  r->metrics = zalloc(r->nmetrics, sizeof *r->metrics, &bad);
  for (size_t i = 0; !bad && i < r->nmetrics; i++) {
    dc_result_metric *m = &r->metrics[i];
    dc_plan_metric_info mi;
    memset(&mi, 0, sizeof mi);
    m->ok = dc_plan_metric_at(p, (int)i, &mi) == 0;
    m->name = dup_str(mi.name, &bad);
    m->source = dup_str(mi.source, &bad);
    m->dims = mi.dims;
    if (mi.disp) {
      m->has_disp = 1;
      m->disp = *mi.disp;
    }
    m->values = zalloc(r->nscenarios, sizeof *m->values, &bad);
    for (size_t k = 0; !bad && k < r->nscenarios; k++)
      m->values[k] = dup_mem(dc_plan_values(p, (int)k, (int)i), bytes, &bad);
  }

  size_t nm = dc_plan_nmeasures(p);
  int *order = nm ? malloc(nm * sizeof *order) : NULL;
  if (nm && !order) bad = 1;
  r->nmeasures = order ? dc_plan_measure_order(p, s, order) : 0;
  r->measures = zalloc(r->nmeasures, sizeof *r->measures, &bad);
  for (size_t j = 0; !bad && j < r->nmeasures; j++) {
    dc_plan_measure_info me;
    dc_plan_measure_at(p, order[j], &me);
    r->measures[j].name = dup_str(me.name, &bad);
    r->measures[j].source = dup_str(me.source, &bad);
    r->measures[j].sector = dup_str(me.sector, &bad);
    r->measures[j].wedge = dup_mem(dc_plan_wedge(p, s, order[j]), bytes, &bad);
  }
  free(order);

  r->ntargets = dc_plan_ntargets(p);
  r->targets = zalloc(r->ntargets, sizeof *r->targets, &bad);
  for (size_t t = 0; !bad && t < r->ntargets; t++) {
    dc_result_target *x = &r->targets[t];
    dc_plan_target_info ti;
    dc_target_result tr;
    dc_plan_target_at(p, (int)t, &ti);
    x->name = dup_str(ti.name, &bad);
    x->source = dup_str(ti.source, &bad);
    x->kind = ti.kind;
    x->kind_name = dup_str(ti.kind_name, &bad);
    x->metric = ti.metric;
    x->value_dims = ti.value_dims;
    if (ti.value_disp) {
      x->has_disp = 1;
      x->value_disp = *ti.value_disp;
    }
    if (ti.file) {
      x->file = dup_str(ti.file, &bad);
      x->line = ti.line;
    } else if (where) {
      const char *wf = NULL;
      int wl = 0;
      where(wctx, (int)t, &wf, &wl);
      x->file = dup_str(wf, &bad);
      x->line = wl;
    }
    x->first_met = x->first_failed = x->deciding = DC_PLAN_NOYEAR;
    if (dc_plan_result(p, s, (int)t, &tr) != 0) continue;
    x->evaluated = 1;
    x->value = dup_mem(tr.value, bytes, &bad);
    x->bound = dup_mem(tr.bound, bytes, &bad);
    x->margin = dup_mem(tr.margin, bytes, &bad);
    x->margin_rel = dup_mem(tr.margin_rel, bytes, &bad);
    x->status = dup_mem(tr.status, ny, &bad);
    x->met = tr.met;
    x->first_met = tr.first_met;
    x->first_failed = tr.first_failed;
    x->deciding = tr.deciding;
    r->met += tr.met != 0;
  }

  mark_own_columns(r);

  r->nwarnings = dc_plan_nwarnings(p, s);
  r->warnings = zalloc(r->nwarnings, sizeof *r->warnings, &bad);
  for (size_t i = 0; !bad && i < r->nwarnings; i++) {
    dc_plan_warning w;
    char txt[400];
    dc_plan_warning_at(p, s, i, &w);
    dc_plan_warning_text(p, s, i, txt, sizeof txt);
    r->warnings[i].sector = dup_str(w.sector, &bad);
    r->warnings[i].ylo = w.ylo;
    r->warnings[i].yhi = w.yhi;
    r->warnings[i].worst = w.worst;
    r->warnings[i].text = dup_str(txt, &bad);
  }
  if (bad) {
    dc_result_free(r);
    return NULL;
  }
  return r;
}

dc_result *dc_result_skipped(const dc_plan *p, const char *file, const char *missing) {
  dc_result *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  int bad = 0;
  r->file = dup_str(file, &bad);
  r->missing_scenario = dup_str(missing ? missing : "", &bad);
  r->name = dup_str(dc_plan_name(p), &bad);
  r->region = dup_str(dc_plan_region(p), &bad);
  r->source = dup_str(dc_plan_source(p), &bad);
  r->y0 = dc_plan_y0(p);
  r->y1 = dc_plan_y1(p);
  r->scenario = DC_SCEN_PLAN;
  r->nscenarios = dc_plan_nscenarios(p);
  r->scenario_names = zalloc(r->nscenarios, sizeof *r->scenario_names, &bad);
  r->evaluated = zalloc(r->nscenarios, 1, &bad);
  for (size_t k = 0; !bad && k < r->nscenarios; k++)
    r->scenario_names[k] = dup_str(dc_plan_scenario_name(p, (int)k), &bad);
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

void dc_result_free(dc_result *r) {
  if (!r) return;
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
