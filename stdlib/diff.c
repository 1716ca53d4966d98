/* diff.c — two versions of a set of plans compared (see diff.h). */
#include "diff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

/* ---- items ---- */

static char *dup_or_null(dc_diff *d, const char *s) {
  if (!s) return NULL;
  char *c = malloc(strlen(s) + 1);
  if (!c) d->bad = 1;
  else strcpy(c, s);
  return c;
}

static dc_diff_item *add(dc_diff *d, enum dc_diff_kind k, const char *plan, const char *scen, const char *name) {
  if (d->bad) return NULL;
  if (d->n == d->cap) {
    size_t nc = d->cap ? d->cap * 2 : 16;
    dc_diff_item *ni = realloc(d->items, nc * sizeof *ni);
    if (!ni) {
      d->bad = 1;
      return NULL;
    }
    d->items = ni;
    d->cap = nc;
  }
  dc_diff_item *it = &d->items[d->n++];
  memset(it, 0, sizeof *it);
  it->kind = k;
  it->plan = dup_or_null(d, plan);
  it->scenario = dup_or_null(d, scen);
  it->name = dup_or_null(d, name);
  it->what = dup_or_null(d, "");
  it->old_v = it->new_v = NAN;
  it->old_year = it->new_year = DC_PLAN_NOYEAR;
  it->old_met = it->new_met = -1;
  if (k == DC_DIFF_REGRESSION) d->regressions++;
  if (k == DC_DIFF_IMPROVEMENT) d->improvements++;
  return it;
}

static void set_what(dc_diff *d, dc_diff_item *it, const char *what) {
  if (!it) return;
  free(it->what);
  it->what = dup_or_null(d, what);
}

void dc_diff_free(dc_diff *d) {
  for (size_t i = 0; i < d->n; i++) {
    free(d->items[i].plan);
    free(d->items[i].scenario);
    free(d->items[i].name);
    free(d->items[i].other);
    free(d->items[i].what);
  }
  free(d->items);
  memset(d, 0, sizeof *d);
}

const char *dc_diff_kind_name(enum dc_diff_kind k) {
  static const char *const names[] = {
      [DC_DIFF_PLAN_ADDED] = "plan added",         [DC_DIFF_PLAN_REMOVED] = "plan removed",
      [DC_DIFF_YEARS] = "years changed",           [DC_DIFF_SCENARIO_ADDED] = "scenario added",
      [DC_DIFF_SCENARIO_REMOVED] = "scenario removed", [DC_DIFF_JUDGED] = "judged in another scenario",
      [DC_DIFF_REGRESSION] = "regression",         [DC_DIFF_IMPROVEMENT] = "improvement",
      [DC_DIFF_MARGIN] = "margin changed",         [DC_DIFF_TARGET_ADDED] = "target added",
      [DC_DIFF_TARGET_REMOVED] = "target removed", [DC_DIFF_METRIC_CHANGED] = "metric changed",
      [DC_DIFF_METRIC_ADDED] = "metric added",     [DC_DIFF_METRIC_REMOVED] = "metric removed",
      [DC_DIFF_UNIT] = "unit changed",             [DC_DIFF_MEASURE_ADDED] = "measure added",
      [DC_DIFF_MEASURE_REMOVED] = "measure removed", [DC_DIFF_MEASURE_RENAMED] = "measure renamed",
      [DC_DIFF_MEASURE_CHANGED] = "measure changed", [DC_DIFF_SECTOR_ADDED] = "sector added",
      [DC_DIFF_SECTOR_REMOVED] = "sector removed", [DC_DIFF_SECTOR_CHANGED] = "sector changed"};
  return names[k];
}

/* ---- values ---- */

static int same_str(const char *a, const char *b) {
  if (!a || !b) return a == b;
  return strcmp(a, b) == 0;
}

/* 1 when a and b differ beyond the relative tolerance (NaN equals NaN). */
static int differs(double a, double b, double tol) {
  if (isnan(a) || isnan(b)) return isnan(a) != isnan(b);
  if (a == b) return 0;
  return fabs(a - b) > tol * fmax(fabs(a), fabs(b));
}

/* How a value shown in unit `from` reads in unit `to`: *k such that
 * to_value = from_value * k; 0 when they cannot be compared. */
static int unit_factor(const char *from, const char *to, double *k) {
  *k = 1;
  if (strcmp(from, to) == 0) return 1;
  dc_unit uf, ut;
  dc_units_error e;
  if (!from[0] || !to[0] || dc_units_parse(from, &uf, &e) || dc_units_parse(to, &ut, &e)) return 0;
  if (!dc_dims_eq(uf.dims, ut.dims) || uf.offset != 0 || ut.offset != 0) return 0;
  *k = uf.scale / ut.scale;
  return 1;
}

static int find_scen(const dc_result *r, const char *name) {
  for (size_t s = 0; s < r->nscenarios; s++)
    if (strcmp(r->scenario_names[s], name) == 0) return (int)s;
  return -1;
}

static int find_metric(const dc_result *r, const char *name) {
  for (size_t i = 0; i < r->nmetrics; i++)
    if (r->metrics[i].name && strcmp(r->metrics[i].name, name) == 0) return (int)i;
  return -1;
}

static int find_target(const dc_result *r, const char *name) {
  for (size_t t = 0; t < r->ntargets; t++)
    if (strcmp(r->targets[t].name, name) == 0) return (int)t;
  return -1;
}

static int find_measure(const dc_result *r, const char *name) {
  for (size_t j = 0; j < r->nmeasures; j++)
    if (strcmp(r->measures[j].name, name) == 0) return (int)j;
  return -1;
}

static const dc_result *find_plan(const dc_diff_side *s, const char *name, const dc_result **orig) {
  for (size_t i = 0; i < s->n; i++)
    if (strcmp(s->v[i]->name, name) == 0) {
      if (orig) *orig = s->orig ? s->orig[i] : NULL;
      return s->v[i];
    }
  return NULL;
}

/* Compares series a (unit ua, years ay0..) with b (unit ub, years by0..)
 * over the years both have; fills it's years and largest change (in b's
 * unit). Returns how many years differ. */
typedef struct series_cmp {
  int n, ylo, yhi, ybig;
  double oldbig, newbig;
} series_cmp;

static series_cmp compare_series(const double *a, int ay0, int ay1, double k, const double *b, int by0, int by1,
                                 double tol) {
  series_cmp c = {0, DC_PLAN_NOYEAR, DC_PLAN_NOYEAR, DC_PLAN_NOYEAR, NAN, NAN};
  int lo = ay0 > by0 ? ay0 : by0, hi = ay1 < by1 ? ay1 : by1;
  double big = -1;
  for (int y = lo; y <= hi; y++) {
    double va = a[y - ay0] * k, vb = b[y - by0];
    if (!differs(va, vb, tol)) continue;
    c.n++;
    if (c.ylo == DC_PLAN_NOYEAR) c.ylo = y;
    c.yhi = y;
    double dv = isnan(va) || isnan(vb) ? INFINITY : fabs(vb - va);
    if (dv > big * (1 + 1e-9) + 1e-300) { /* ties (to rounding): the first year */
      big = dv;
      c.ybig = y;
      c.oldbig = va;
      c.newbig = vb;
    }
  }
  return c;
}

/* The years and largest change of c in it, shown in `unit`. */
static void set_change(dc_diff_item *it, const series_cmp *c, const char *unit) {
  it->ylo = c->ylo;
  it->yhi = c->yhi;
  it->nyears = c->n;
  it->new_year = c->ybig;
  it->old_v = c->oldbig;
  it->new_v = c->newbig;
  snprintf(it->unit, sizeof it->unit, "%s", unit);
}

/* ---- one plan ---- */

static const char *label_of(const dc_result_metric *m) { return m->has_disp ? m->disp.label : ""; }

static void diff_metrics(dc_diff *d, const dc_result *a, const dc_result *b, const char *scen, int sa, int sb,
                         double tol) {
  for (size_t i = 0; i < b->nmetrics; i++) {
    const dc_result_metric *mb = &b->metrics[i];
    const double *vb = mb->values ? mb->values[sb] : NULL;
    int ia = find_metric(a, mb->name);
    const double *va = ia >= 0 && a->metrics[ia].values ? a->metrics[ia].values[sa] : NULL;
    if (!vb && !va) continue;
    if (!va) {
      dc_diff_item *it = add(d, DC_DIFF_METRIC_ADDED, b->name, scen, mb->name);
      if (it) snprintf(it->unit, sizeof it->unit, "%s", label_of(mb));
      continue;
    }
    if (!vb) continue; /* removed: below */
    const dc_result_metric *ma = &a->metrics[ia];
    double k;
    if (!unit_factor(label_of(ma), label_of(mb), &k)) {
      dc_diff_item *it = add(d, DC_DIFF_UNIT, b->name, scen, mb->name);
      if (it) {
        snprintf(it->unit, sizeof it->unit, "%s", label_of(ma));
        it->other = dup_or_null(d, label_of(mb));
      }
      continue;
    }
    series_cmp c = compare_series(va, a->y0, a->y1, k, vb, b->y0, b->y1, tol);
    if (!c.n) continue;
    dc_diff_item *it = add(d, DC_DIFF_METRIC_CHANGED, b->name, scen, mb->name);
    if (!it) return;
    set_change(it, &c, label_of(mb));
  }
  for (size_t i = 0; i < a->nmetrics; i++) {
    const dc_result_metric *ma = &a->metrics[i];
    if (!ma->values || !ma->values[sa]) continue;
    int ib = find_metric(b, ma->name);
    if (ib < 0 || !b->metrics[ib].values || !b->metrics[ib].values[sb])
      add(d, DC_DIFF_METRIC_REMOVED, b->name, scen, ma->name);
  }
}

static double at_deciding(const dc_result_target *x, int y0, const double *v) {
  if (!x->evaluated || x->deciding == DC_PLAN_NOYEAR || !v) return NAN;
  return v[x->deciding - y0];
}

static void diff_targets(dc_diff *d, const dc_result *a, const dc_result *b, const char *scen, double tol) {
  for (size_t t = 0; t < b->ntargets; t++) {
    const dc_result_target *xb = &b->targets[t];
    int ta = find_target(a, xb->name);
    if (ta < 0) {
      dc_diff_item *it = add(d, DC_DIFF_TARGET_ADDED, b->name, scen, xb->name);
      if (it) {
        it->new_met = xb->met;
        it->new_year = xb->deciding;
        it->new_v = at_deciding(xb, b->y0, xb->margin);
        snprintf(it->unit, sizeof it->unit, "%s", xb->value_disp.label);
      }
      continue;
    }
    const dc_result_target *xa = &a->targets[ta];
    double ma = at_deciding(xa, a->y0, xa->margin), mb = at_deciding(xb, b->y0, xb->margin), k = 1;
    int comparable = unit_factor(xa->value_disp.label, xb->value_disp.label, &k);
    enum dc_diff_kind kind = xa->met && !xb->met   ? DC_DIFF_REGRESSION
                             : !xa->met && xb->met ? DC_DIFF_IMPROVEMENT
                                                   : DC_DIFF_MARGIN;
    if (kind == DC_DIFF_MARGIN && !(comparable ? differs(ma * k, mb, tol) : xa->deciding != xb->deciding))
      continue;
    dc_diff_item *it = add(d, kind, b->name, scen, xb->name);
    if (!it) return;
    it->old_met = xa->met;
    it->new_met = xb->met;
    it->old_year = xa->deciding;
    it->new_year = xb->deciding;
    it->old_v = comparable ? ma * k : ma;
    it->new_v = mb;
    snprintf(it->unit, sizeof it->unit, "%s", xb->value_disp.label);
    if (!comparable) {
      free(it->other);
      it->other = dup_or_null(d, xa->value_disp.label);
    }
  }
  for (size_t t = 0; t < a->ntargets; t++)
    if (find_target(b, a->targets[t].name) < 0) {
      dc_diff_item *it = add(d, DC_DIFF_TARGET_REMOVED, b->name, scen, a->targets[t].name);
      if (it) it->old_met = a->targets[t].met;
    }
}

/* The wedges of the judged scenarios: added, removed, renamed (same
 * abatement under a new name) or changed. Units: the emissions'. */
static void diff_measures(dc_diff *d, const dc_result *a, const dc_result *b, const char *scen, double tol) {
  double k = 1;
  const char *ua = a->nmetrics ? label_of(&a->metrics[DC_MET_EMISSIONS]) : "";
  const char *ub = b->nmetrics ? label_of(&b->metrics[DC_MET_EMISSIONS]) : "";
  if (!unit_factor(ua, ub, &k)) k = NAN;
  unsigned char *paired = a->nmeasures ? calloc(a->nmeasures, 1) : NULL;
  if (a->nmeasures && !paired) {
    d->bad = 1;
    return;
  }
  for (size_t j = 0; j < b->nmeasures; j++) {
    const dc_result_measure *mb = &b->measures[j];
    int ja = find_measure(a, mb->name);
    if (ja < 0) {
      /* a measure of a's that b lacks, with the same abatement: renamed */
      int ren = -1;
      for (size_t i = 0; ren < 0 && i < a->nmeasures; i++)
        if (!paired[i] && find_measure(b, a->measures[i].name) < 0 && a->measures[i].wedge && mb->wedge &&
            !compare_series(a->measures[i].wedge, a->y0, a->y1, k, mb->wedge, b->y0, b->y1, tol).n)
          ren = (int)i;
      if (ren >= 0) {
        paired[ren] = 1;
        dc_diff_item *it = add(d, DC_DIFF_MEASURE_RENAMED, b->name, scen, a->measures[ren].name);
        if (it) it->other = dup_or_null(d, mb->name);
        continue;
      }
      dc_diff_item *it = add(d, DC_DIFF_MEASURE_ADDED, b->name, scen, mb->name);
      if (it && mb->wedge) {
        it->new_year = b->y1;
        it->new_v = mb->wedge[b->y1 - b->y0];
        snprintf(it->unit, sizeof it->unit, "%s", ub);
      }
      continue;
    }
    paired[ja] = 1;
    const dc_result_measure *ma = &a->measures[ja];
    char what[300] = "";
    if (!same_str(ma->source, mb->source))
      snprintf(what, sizeof what, "source: \"%s\" → \"%s\"", ma->source ? ma->source : "", mb->source ? mb->source : "");
    if (!same_str(ma->sector, mb->sector)) {
      size_t l = strlen(what);
      snprintf(what + l, sizeof what - l, "%ssector: %s → %s", l ? "; " : "", ma->sector ? ma->sector : "(total)",
               mb->sector ? mb->sector : "(total)");
    }
    series_cmp c = {0, 0, 0, DC_PLAN_NOYEAR, NAN, NAN};
    if (ma->wedge && mb->wedge && !isnan(k)) c = compare_series(ma->wedge, a->y0, a->y1, k, mb->wedge, b->y0, b->y1, tol);
    if (!c.n && !what[0]) continue;
    dc_diff_item *it = add(d, DC_DIFF_MEASURE_CHANGED, b->name, scen, mb->name);
    if (!it) break;
    set_what(d, it, what);
    set_change(it, &c, ub);
  }
  for (size_t i = 0; i < a->nmeasures; i++)
    if (!paired[i]) add(d, DC_DIFF_MEASURE_REMOVED, b->name, scen, a->measures[i].name);
  free(paired);
}

/* Sectors: only between two plan files (a report has none). BAU in SI,
 * shown in the unit of b's emissions. */
static void diff_sectors(dc_diff *d, const dc_result *a, const dc_result *b, const dc_result *b_shown, double tol) {
  const dc_result_detail *da = a->detail, *db = b->detail;
  if (!da || !db) return;
  double k = 1; /* SI -> shown */
  const char *ub = b_shown->nmetrics ? label_of(&b_shown->metrics[DC_MET_EMISSIONS]) : "";
  dc_unit u;
  dc_units_error e;
  if (ub[0] && dc_units_parse(ub, &u, &e) == 0 && u.scale != 0) k = 1 / u.scale;
  for (size_t j = 0; j < db->nsectors; j++) {
    const dc_result_sector *sb = &db->sectors[j];
    const dc_result_sector *sa = NULL;
    for (size_t i = 0; i < da->nsectors && !sa; i++)
      if (strcmp(da->sectors[i].name, sb->name) == 0) sa = &da->sectors[i];
    if (!sa) {
      add(d, DC_DIFF_SECTOR_ADDED, b->name, NULL, sb->name);
      continue;
    }
    series_cmp c = compare_series(sa->bau, a->y0, a->y1, 1, sb->bau, b->y0, b->y1, tol); /* both SI */
    c.oldbig *= k;
    c.newbig *= k;
    char what[300] = "";
    if (!same_str(sa->source, sb->source))
      snprintf(what, sizeof what, "source: \"%s\" → \"%s\"", sa->source ? sa->source : "", sb->source ? sb->source : "");
    if (!c.n && !what[0]) continue;
    dc_diff_item *it = add(d, DC_DIFF_SECTOR_CHANGED, b->name, NULL, sb->name);
    if (!it) return;
    set_what(d, it, what);
    set_change(it, &c, ub);
  }
  for (size_t i = 0; i < da->nsectors; i++) {
    int found = 0;
    for (size_t j = 0; j < db->nsectors && !found; j++) found = strcmp(da->sectors[i].name, db->sectors[j].name) == 0;
    if (!found) add(d, DC_DIFF_SECTOR_REMOVED, b->name, NULL, da->sectors[i].name);
  }
}

static void diff_plan(dc_diff *d, const dc_result *a, const dc_result *b, const dc_result *oa, const dc_result *ob,
                      double tol) {
  if (a->y0 != b->y0 || a->y1 != b->y1) {
    dc_diff_item *it = add(d, DC_DIFF_YEARS, b->name, NULL, NULL);
    if (it) {
      it->ylo = a->y0;
      it->yhi = a->y1;
      it->old_year = b->y0;
      it->new_year = b->y1;
    }
  }
  if (oa && ob) diff_sectors(d, oa, ob, b, tol);
  for (size_t s = 0; s < b->nscenarios; s++) {
    if (!b->evaluated[s]) continue;
    int sa = find_scen(a, b->scenario_names[s]);
    if (sa < 0 || !a->evaluated[sa]) add(d, DC_DIFF_SCENARIO_ADDED, b->name, NULL, b->scenario_names[s]);
  }
  for (size_t s = 0; s < a->nscenarios; s++) {
    if (!a->evaluated[s]) continue;
    int sb = find_scen(b, a->scenario_names[s]);
    if (sb < 0 || !b->evaluated[sb]) add(d, DC_DIFF_SCENARIO_REMOVED, b->name, NULL, a->scenario_names[s]);
  }
  /* the judged scenario first (targets, measures, metrics), then the others' metrics */
  const char *ja = a->scenario_names[a->scenario], *jb = b->scenario_names[b->scenario];
  int same = strcmp(ja, jb) == 0;
  if (!same) add(d, DC_DIFF_JUDGED, b->name, jb, ja);
  for (int pass = 0; pass < 2; pass++)
    for (size_t s = 0; s < b->nscenarios; s++) {
      if (((int)s == b->scenario) != (pass == 0)) continue;
      int sa = find_scen(a, b->scenario_names[s]);
      if ((int)s == b->scenario && same) {
        diff_targets(d, a, b, jb, tol);
        diff_measures(d, a, b, jb, tol);
      }
      if (sa < 0 || !b->evaluated[s] || !a->evaluated[sa]) continue;
      diff_metrics(d, a, b, b->scenario_names[s], sa, (int)s, tol);
    }
}

int dc_diff_run(const dc_diff_side *a, const dc_diff_side *b, double tol, dc_diff *out, char *err, size_t errsize) {
  memset(out, 0, sizeof *out);
  size_t common = 0;
  for (size_t i = 0; i < b->n; i++) common += find_plan(a, b->v[i]->name, NULL) != NULL;
  if (!common && a->n && b->n) {
    snprintf(err, errsize, "%s and %s have no plan in common (%s has '%s', %s has '%s'): they are not two "
             "versions of one plan (plans are matched by name)", a->label, b->label, a->label, a->v[0]->name,
             b->label, b->v[0]->name);
    return -1;
  }
  for (size_t i = 0; i < b->n; i++) {
    const dc_result *ob = b->orig ? b->orig[i] : NULL, *oa = NULL;
    const dc_result *pa = find_plan(a, b->v[i]->name, &oa);
    if (!pa) {
      dc_diff_item *it = add(out, DC_DIFF_PLAN_ADDED, b->v[i]->name, NULL, NULL);
      if (it) {
        it->new_met = b->v[i]->met;
        it->nyears = (int)b->v[i]->ntargets;
      }
      continue;
    }
    diff_plan(out, pa, b->v[i], oa, ob, tol);
  }
  for (size_t i = 0; i < a->n; i++)
    if (!find_plan(b, a->v[i]->name, NULL)) {
      dc_diff_item *it = add(out, DC_DIFF_PLAN_REMOVED, a->v[i]->name, NULL, NULL);
      if (it) {
        it->old_met = a->v[i]->met;
        it->nyears = (int)a->v[i]->ntargets;
      }
    }
  if (out->bad) {
    dc_diff_free(out);
    snprintf(err, errsize, "out of memory");
    return -1;
  }
  return 0;
}

/* ---- writers ---- */

static size_t fmt_v(char *buf, size_t size, double v, const char *unit) {
  char num[40];
  if (isnan(v)) return (size_t)snprintf(buf, size, "—");
  dc_fmt_number(num, sizeof num, v, 0);
  if (!unit || !unit[0]) return (size_t)snprintf(buf, size, "%s", num);
  if (strcmp(unit, "%") == 0) return (size_t)snprintf(buf, size, "%s pp", num);
  return (size_t)snprintf(buf, size, "%s %s", num, unit);
}

static const char *verdict(int met) { return met < 0 ? "—" : met ? "met" : "missed"; }

/* The change in words, without its plan and scenario. */
/* A metric, measure or sector BAU that changed: "metric `GDP`: changed in
 * 2021-2025 (5 years), most in 2025: 1 → 2, +100 %"; then what changed. */
static void describe_changed(char *buf, size_t size, const dc_diff_item *it, const char *q) {
  char o[96], n[96], pc[48] = "";
  const char *what = it->kind == DC_DIFF_METRIC_CHANGED ? "metric" : it->kind == DC_DIFF_SECTOR_CHANGED ? "sector BAU" : "measure";
  size_t l = (size_t)snprintf(buf, size, "%s %s%s%s", what, q, it->name, q);
  if (it->nyears && l < size) {
    fmt_v(o, sizeof o, it->old_v, it->unit);
    fmt_v(n, sizeof n, it->new_v, it->unit);
    if (strcmp(it->unit, "%") == 0) {
      fmt_v(o, sizeof o, it->old_v, "");
      snprintf(o + strlen(o), sizeof o - strlen(o), " %%");
      fmt_v(n, sizeof n, it->new_v, "");
      snprintf(n + strlen(n), sizeof n - strlen(n), " %%");
    }
    if (it->old_v != 0 && isfinite(it->old_v) && isfinite(it->new_v)) {
      char num[40];
      dc_fmt_number(num, sizeof num, 100 * (it->new_v - it->old_v) / fabs(it->old_v), 3);
      snprintf(pc, sizeof pc, ", %s%s %%", it->new_v > it->old_v ? "+" : "", num);
    }
    char yrs[48];
    if (it->ylo == it->yhi) snprintf(yrs, sizeof yrs, "in %d", it->ylo);
    else snprintf(yrs, sizeof yrs, "in %d-%d (%d years)", it->ylo, it->yhi, it->nyears);
    l += (size_t)snprintf(buf + l, size - l, ": changed %s, most in %d: %s → %s%s", yrs, it->new_year, o, n, pc);
  }
  if (it->what && it->what[0] && l < size) snprintf(buf + l, size - l, "%s%s", it->nyears ? "; " : ": ", it->what);
}

static void describe(char *buf, size_t size, const dc_diff_item *it, int md) {
  char o[96], n[96];
  const char *q = md ? "`" : "\"";
  switch (it->kind) {
  case DC_DIFF_PLAN_ADDED:
    snprintf(buf, size, "plan added (%d target%s)", it->nyears, it->nyears == 1 ? "" : "s");
    break;
  case DC_DIFF_PLAN_REMOVED:
    snprintf(buf, size, "plan removed (it had %d target%s)", it->nyears, it->nyears == 1 ? "" : "s");
    break;
  case DC_DIFF_YEARS:
    snprintf(buf, size, "years %d-%d → %d-%d", it->ylo, it->yhi, it->old_year, it->new_year);
    break;
  case DC_DIFF_SCENARIO_ADDED:
  case DC_DIFF_SCENARIO_REMOVED:
  case DC_DIFF_SECTOR_ADDED:
  case DC_DIFF_SECTOR_REMOVED:
  case DC_DIFF_TARGET_REMOVED:
  case DC_DIFF_METRIC_ADDED:
  case DC_DIFF_METRIC_REMOVED:
  case DC_DIFF_MEASURE_REMOVED:
    snprintf(buf, size, "%s %s%s%s", dc_diff_kind_name(it->kind), q, it->name, q);
    break;
  case DC_DIFF_JUDGED:
    snprintf(buf, size, "targets judged in scenario %s (before: %s): not compared", it->scenario, it->name);
    break;
  case DC_DIFF_TARGET_ADDED:
    fmt_v(n, sizeof n, it->new_v, it->unit);
    snprintf(buf, size, "target added %s%s%s: %s (margin %s)", q, it->name, q, verdict(it->new_met), n);
    break;
  case DC_DIFF_REGRESSION:
  case DC_DIFF_IMPROVEMENT:
  case DC_DIFF_MARGIN:
    fmt_v(o, sizeof o, it->old_v, it->other ? it->other : it->unit);
    fmt_v(n, sizeof n, it->new_v, it->unit);
    if (it->kind == DC_DIFF_MARGIN)
      snprintf(buf, size, "target %s%s%s: margin %s (%d) → %s (%d)", q, it->name, q, o, it->old_year, n, it->new_year);
    else
      snprintf(buf, size, "%s%s%s target %s%s%s: %s → %s (margin %s in %d → %s in %d)", md ? "**" : "",
               dc_diff_kind_name(it->kind), md ? "**" : "", q, it->name, q, verdict(it->old_met),
               verdict(it->new_met), o, it->old_year, n, it->new_year);
    break;
  case DC_DIFF_UNIT:
    snprintf(buf, size, "metric %s%s%s: unit %s → %s, values not compared", q, it->name, q, it->unit, it->other);
    break;
  case DC_DIFF_MEASURE_RENAMED:
    snprintf(buf, size, "measure renamed %s%s%s → %s%s%s (the same abatement)", q, it->name, q, q, it->other, q);
    break;
  case DC_DIFF_METRIC_CHANGED:
  case DC_DIFF_MEASURE_CHANGED:
  case DC_DIFF_SECTOR_CHANGED: describe_changed(buf, size, it, q); break;
  case DC_DIFF_MEASURE_ADDED:
    fmt_v(n, sizeof n, it->new_v, it->unit);
    if (strcmp(it->unit, "%") == 0) n[0] = '\0';
    if (!isnan(it->new_v)) snprintf(buf, size, "measure added %s%s%s (abates %s in %d)", q, it->name, q, n, it->new_year);
    else snprintf(buf, size, "measure added %s%s%s", q, it->name, q);
    break;
  }
}

static void summary(char *buf, size_t size, const dc_diff *d) {
  if (!d->n) snprintf(buf, size, "no changes");
  else
    snprintf(buf, size, "%zu change%s: %d regression%s, %d improvement%s", d->n, d->n == 1 ? "" : "s",
             d->regressions, d->regressions == 1 ? "" : "s", d->improvements, d->improvements == 1 ? "" : "s");
}

void dc_diff_write_text(FILE *f, const dc_diff_side *a, const dc_diff_side *b, const dc_diff *d) {
  char line[1200], sum[160];
  fprintf(f, "decarb diff %s %s\n", a->label, b->label);
  const char *plan = NULL, *scen = NULL;
  int first = 1;
  for (size_t i = 0; i < d->n; i++) {
    const dc_diff_item *it = &d->items[i];
    if (first || strcmp(plan, it->plan) != 0) {
      fprintf(f, "plan \"%s\"\n", it->plan);
      plan = it->plan;
      scen = NULL;
      first = 0;
    }
    if (it->scenario && it->kind != DC_DIFF_JUDGED && (!scen || strcmp(scen, it->scenario) != 0)) {
      fprintf(f, "  scenario %s\n", it->scenario);
      scen = it->scenario;
    }
    describe(line, sizeof line, it, 0);
    const char *mark = it->kind == DC_DIFF_REGRESSION ? "✘ " : it->kind == DC_DIFF_IMPROVEMENT ? "✔ " : "";
    fprintf(f, "%s%s%s\n", it->scenario && it->kind != DC_DIFF_JUDGED ? "    " : "  ", mark, line);
  }
  summary(sum, sizeof sum, d);
  fprintf(f, "%s\n", sum);
}

/* A table cell: | and newlines would break the table. */
static void md_cell(FILE *f, const char *s) {
  for (; s && *s; s++) {
    if (*s == '|') fputs("\\|", f);
    else if (*s == '\n') fputc(' ', f);
    else fputc(*s, f);
  }
}

void dc_diff_write_markdown(FILE *f, const dc_diff_side *a, const dc_diff_side *b, const dc_diff *d) {
  char line[1200], sum[160];
  summary(sum, sizeof sum, d);
  fprintf(f, "### decarb diff: %s\n\n", sum);
  fputs("`", f);
  md_cell(f, a->label);
  fputs("` → `", f);
  md_cell(f, b->label);
  fputs("`\n", f);
  if (!d->n) return;
  fputs("\n| | plan | scenario | change |\n|---|---|---|---|\n", f);
  for (size_t i = 0; i < d->n; i++) {
    const dc_diff_item *it = &d->items[i];
    describe(line, sizeof line, it, 1);
    fprintf(f, "| %s | ", it->kind == DC_DIFF_REGRESSION ? "❌" : it->kind == DC_DIFF_IMPROVEMENT ? "✅" : "");
    md_cell(f, it->plan);
    fputs(" | ", f);
    md_cell(f, it->scenario ? it->scenario : "");
    fputs(" | ", f);
    md_cell(f, line);
    fputs(" |\n", f);
  }
}
