/* explain.c — a target's value as terms, its bound as a derivation, and what
 * would close a shortfall (see explain.h). */
#include "explain.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "units_display.h"

/* ---- building the list of terms ---- */

typedef struct ctx_t {
  const dc_result *r;
  const dc_result_detail *d;
  int s, n;
  dc_explain *e;
  size_t cap;
  int bad;
} ctx_t;

static dc_explain_term *add_term(ctx_t *c, const char *kind, double value, const char *source, const char *fmt, ...) {
  if (c->bad) return NULL;
  dc_explain *e = c->e;
  if (e->nterms == c->cap) {
    size_t nc = c->cap ? c->cap * 2 : 16;
    dc_explain_term *nt = realloc(e->terms, nc * sizeof *nt);
    if (!nt) {
      c->bad = 1;
      return NULL;
    }
    e->terms = nt;
    c->cap = nc;
  }
  char buf[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  char *name = malloc(strlen(buf) + 1);
  if (!name) {
    c->bad = 1;
    return NULL;
  }
  strcpy(name, buf);
  dc_explain_term *t = &e->terms[e->nterms++];
  t->name = name;
  t->kind = kind;
  t->value = value;
  t->source = source;
  t->measure = -1;
  t->ramp = NAN;
  t->at_full = NAN;
  t->year = DC_PLAN_NOYEAR;
  return t;
}

/* Measure j's wedge in scenario s, year index i (0 when it does not run). */
static double wedge_of(const ctx_t *c, int j, int s, int i) {
  const dc_result_xmeasure *m = &c->d->measures[j];
  if (!m->active[s] || !m->wedge[s]) return 0;
  return m->wedge[s][i];
}

/* What measure j adds to technology t's capacity (gen = 0) or generation. */
static double added_of(const ctx_t *c, int j, int s, int tech, int gen, int i) {
  const dc_result_xmeasure *m = &c->d->measures[j];
  if (!m->active[s]) return 0;
  double v = 0;
  for (size_t a = 0; a < m->nadds; a++) {
    if (tech >= 0 && m->adds[a].tech != tech) continue;
    const dc_result_tech *t = &c->d->techs[m->adds[a].tech];
    if (gen && !c->r->metrics[t->gen_metric].ok) continue;
    v += m->ramp[i] * (gen ? m->adds[a].gen[i] : m->adds[a].cap[i]);
  }
  return v;
}

/* How much measure j contributes to metric `mi` in scenario s, year index i
 * (the measure's term in the metric's sum; 0 for a metric it does not make). */
static double contribution(const ctx_t *c, int j, int mi, int s, int i) {
  const dc_result_detail *d = c->d;
  int ref = d->metric_ref[mi];
  switch (d->metric_kind[mi]) {
  case DC_RMK_BUILTIN:
    if (mi == DC_MET_EMISSIONS) return -wedge_of(c, j, s, i);
    if (mi == DC_MET_ABATEMENT) return wedge_of(c, j, s, i);
    if (mi == DC_MET_CAPACITY) return added_of(c, j, s, -1, 0, i);
    if (mi == DC_MET_GENERATION) return added_of(c, j, s, -1, 1, i);
    return 0;
  case DC_RMK_SECTOR:
    return d->measures[j].sector == ref ? -wedge_of(c, j, s, i) : 0;
  case DC_RMK_TECH:
    return added_of(c, j, s, ref, 0, i);
  case DC_RMK_TECHGEN:
    return added_of(c, j, s, ref, 1, i);
  case DC_RMK_DIFF:
    return i > 0 ? contribution(c, j, ref, s, i) - contribution(c, j, ref, s, i - 1) : 0;
  default:
    return 0;
  }
}

static void measure_term(ctx_t *c, int j, double v, double mult, double at_full) {
  const dc_result_xmeasure *m = &c->d->measures[j];
  dc_explain_term *t = add_term(c, "measure", v * mult, m->source, "%s", m->name);
  if (!t) return;
  t->measure = j;
  t->ramp = m->ramp[c->e->year - c->r->y0];
  t->at_full = at_full * mult;
}

/* The terms of metric mi in year index i, each times mult (they add up to
 * mult x the metric's value). */
static void metric_terms(ctx_t *c, int mi, int i, double mult) {
  const dc_result *r = c->r;
  const dc_result_detail *d = c->d;
  int s = c->s, kind = d->metric_kind[mi], ref = d->metric_ref[mi];
  int y = r->y0 + i;
  if (kind == DC_RMK_BUILTIN && mi <= DC_MET_ABATEMENT) {
    if (mi != DC_MET_ABATEMENT)
      for (size_t k = 0; k < d->nsectors; k++)
        add_term(c, "bau", d->sectors[k].bau[i] * mult, d->sectors[k].source, "BAU %s", d->sectors[k].name);
    if (mi == DC_MET_BAU) return;
    double sign = mi == DC_MET_ABATEMENT ? 1 : -1;
    for (size_t o = 0; o < d->norder; o++) {
      int j = d->order[o];
      measure_term(c, j, sign * wedge_of(c, j, s, i), mult, sign * d->measures[j].at_full[i]);
    }
    return;
  }
  if (kind == DC_RMK_SECTOR) {
    add_term(c, "bau", d->sectors[ref].bau[i] * mult, d->sectors[ref].source, "BAU %s", d->sectors[ref].name);
    for (size_t o = 0; o < d->norder; o++) {
      int j = d->order[o];
      if (d->measures[j].sector == ref) measure_term(c, j, -wedge_of(c, j, s, i), mult, -d->measures[j].at_full[i]);
    }
    return;
  }
  if ((kind == DC_RMK_BUILTIN && (mi == DC_MET_CAPACITY || mi == DC_MET_GENERATION)) || kind == DC_RMK_TECH ||
      kind == DC_RMK_TECHGEN) {
    int gen = mi == DC_MET_GENERATION || kind == DC_RMK_TECHGEN;
    for (size_t t = 0; t < d->ntechs; t++) {
      const dc_result_tech *te = &d->techs[t];
      if (kind != DC_RMK_BUILTIN && (int)t != ref) continue;
      if (gen && !r->metrics[te->gen_metric].ok) continue;
      add_term(c, "stock", (gen ? te->gen[i] : te->cap[i]) * mult, te->source, "%s%s", gen ? "generation of " : "",
               te->name);
      for (size_t o = 0; o < d->norder; o++) {
        int j = d->order[o];
        const dc_result_xmeasure *m = &d->measures[j];
        int adds = 0;
        for (size_t a = 0; a < m->nadds; a++) adds |= m->adds[a].tech == (int)t;
        if (!m->active[s] || !adds) continue;
        double v = added_of(c, j, s, (int)t, gen, i);
        dc_explain_term *x = add_term(c, "addition", v * mult, m->source, "%s (%s)", m->name, te->name);
        if (x) {
          x->measure = j;
          x->ramp = m->ramp[i];
          x->at_full = m->ramp[i] > 0 ? v / m->ramp[i] * mult : NAN;
        }
      }
    }
    return;
  }
  const double *v = dc_result_values(r, s, mi);
  const dc_result_metric *me = &r->metrics[mi];
  if (kind == DC_RMK_DIFF) {
    const double *o = dc_result_values(r, s, ref);
    if (i == 0) {
      add_term(c, "metric", 0, me->source, "%s: the plan's first year, no year before it", me->name);
      return;
    }
    add_term(c, "metric", o[i] * mult, r->metrics[ref].source, "%s in %d", r->metrics[ref].name, y);
    add_term(c, "metric", -o[i - 1] * mult, r->metrics[ref].source, "%s in %d", r->metrics[ref].name, y - 1);
    return;
  }
  add_term(c, "metric", v[i] * mult, me->source, "%s", me->name);
  if (kind == DC_RMK_FN)
    snprintf(c->e->note, sizeof c->e->note,
             "'%s' is a function metric: its value is one term (what it depends on is not known)", me->name);
}

/* ---- the target's value, again, with measure j scaled by 1 + rel ---- */

/* The target's value in scenario s, year index i, with measure j (or -1:
 * none) increased by rel. */
static double value_with(const ctx_t *c, int t, int s, int i, int j, double rel) {
  const dc_result_target *x = &c->r->targets[t];
  const dc_result_xtarget *xt = &c->d->targets[t];
  const double *v = dc_result_values(c->r, s, x->metric);
  if (!v) return NAN;
  double tot = v[i] + (j >= 0 ? rel * contribution(c, j, x->metric, s, i) : 0);
  if (xt->share_of != DC_SHARE_NONE) {
    double num = 0;
    for (size_t k = 0; k < xt->nparts; k++) {
      num += dc_result_values(c->r, s, xt->parts[k])[i];
      if (j >= 0) num += rel * contribution(c, j, xt->parts[k], s, i);
    }
    return tot != 0 ? num / tot : NAN;
  }
  if (xt->per >= 0) {
    const double *dn = dc_result_values(c->r, s, xt->per);
    double den = dn[i] + (j >= 0 ? rel * contribution(c, j, xt->per, s, i) : 0);
    return den != 0 ? tot / den : NAN;
  }
  return tot;
}

/* The value judged in year index i (budgets: cumulated) and its bound. */
static void judge_with(const ctx_t *c, int t, int i, int j, double rel, double *val, double *bnd) {
  const dc_result_target *x = &c->r->targets[t];
  const dc_result_xtarget *xt = &c->d->targets[t];
  int s = c->s, y0 = c->r->y0;
  int by = xt->by - y0, from = xt->from == DC_PLAN_NOYEAR ? 0 : xt->from - y0;
  *val = value_with(c, t, s, i, j, rel);
  *bnd = NAN;
  switch (x->kind) {
  case DC_TARGET_AT_MOST:
  case DC_TARGET_AT_LEAST:
    *bnd = xt->bound;
    break;
  case DC_TARGET_REDUCE:
    *bnd = (1 - xt->reduce) * value_with(c, t, s, from, j, rel);
    break;
  case DC_TARGET_VS:
    *bnd = (1 - xt->reduce) * value_with(c, t, xt->vs_scen, i, j, rel);
    break;
  case DC_TARGET_PEAK: {
    double mx = value_with(c, t, s, 0, j, rel);
    for (int k = 1; k <= by; k++) {
      double w = value_with(c, t, s, k, j, rel);
      if (w > mx) mx = w;
    }
    *bnd = mx + xt->tol * fabs(mx);
    break;
  }
  case DC_TARGET_NET_ZERO:
    *bnd = xt->tol_is_abs ? xt->tol : xt->tol * fabs(value_with(c, t, s, 0, j, rel));
    break;
  case DC_TARGET_BUDGET: {
    double f = xt->cumul_seconds ? c->d->year_s : 1, cum = 0;
    *bnd = xt->bound;
    if (i < from || i > by) {
      *val = NAN;
      break;
    }
    for (int k = from; k <= i; k++) cum += value_with(c, t, s, k, j, rel) * f;
    *val = cum;
    break;
  }
  }
}

static double margin_of(int atleast, double val, double bnd) { return atleast ? val - bnd : bnd - val; }

/* ---- display ---- */


static size_t fmt_pct(char *buf, size_t size, double f) {
  char num[40];
  if (!isfinite(f)) return (size_t)snprintf(buf, size, "—");
  dc_fmt_number(num, sizeof num, f * 100, 3); /* as the check report's */
  return (size_t)snprintf(buf, size, "%s %%", num);
}

/* ---- the bound's derivation ---- */

static void derive_bound(ctx_t *c, int t) {
  dc_explain *e = c->e;
  const dc_result *r = c->r;
  const dc_result_xtarget *xt = &c->d->targets[t];
  const dc_result_target *x = &r->targets[t];
  int i = e->year - r->y0;
  char b[96], v[96], f[48];
  dc_fmt_quantity(b, sizeof b, e->bound, &e->disp, 0);
  e->base_year = DC_PLAN_NOYEAR;
  e->base_value = NAN;
  e->fraction = NAN;
  e->from = xt->from;
  e->by = xt->by;
  const char *what = e->value_text;
  switch (x->kind) {
  case DC_TARGET_AT_MOST:
  case DC_TARGET_AT_LEAST:
    e->bound_kind = "given";
    snprintf(e->bound_text, sizeof e->bound_text, "%s %s, as the target gives it",
             x->kind == DC_TARGET_AT_LEAST ? "at least" : "at most", b);
    break;
  case DC_TARGET_REDUCE:
    e->bound_kind = "reduce";
    e->base_year = xt->from == DC_PLAN_NOYEAR ? r->y0 : xt->from;
    e->base_value = x->value[e->base_year - r->y0];
    e->fraction = xt->reduce;
    dc_fmt_quantity(v, sizeof v, e->base_value, &e->disp, 0);
    fmt_pct(f, sizeof f, xt->reduce);
    snprintf(e->bound_text, sizeof e->bound_text, "(1 − %s) × %s in %d (%s) = %s", f, what, e->base_year, v, b);
    break;
  case DC_TARGET_VS:
    e->bound_kind = "vs";
    e->vs = xt->vs_scen >= 0 ? r->scenario_names[xt->vs_scen] : NULL;
    e->base_value = xt->vs_scen >= 0 ? value_with(c, t, xt->vs_scen, i, -1, 0) : NAN;
    e->fraction = xt->reduce;
    dc_fmt_quantity(v, sizeof v, e->base_value, &e->disp, 0);
    fmt_pct(f, sizeof f, xt->reduce);
    snprintf(e->bound_text, sizeof e->bound_text, "(1 − %s) × %s in %d in scenario %s (%s) = %s", f, what,
             e->year, e->vs ? e->vs : "?", v, b);
    break;
  case DC_TARGET_PEAK: {
    e->bound_kind = "peak";
    int by = xt->by - r->y0, py = 0;
    for (int k = 1; k <= by; k++)
      if (x->value[k] > x->value[py]) py = k;
    e->base_year = r->y0 + py;
    e->base_value = x->value[py];
    e->fraction = xt->tol;
    dc_fmt_quantity(v, sizeof v, e->base_value, &e->disp, 0);
    fmt_pct(f, sizeof f, xt->tol);
    snprintf(e->bound_text, sizeof e->bound_text,
             "the peak of %s in %d-%d: %s in %d, plus the tolerance %s = %s (no later year may exceed it)", what,
             r->y0, xt->by, v, e->base_year, f, b);
    break;
  }
  case DC_TARGET_NET_ZERO:
    e->bound_kind = "net_zero";
    e->fraction = xt->tol_is_abs ? NAN : xt->tol;
    if (xt->tol_is_abs) snprintf(e->bound_text, sizeof e->bound_text, "the tolerance %s, as the target gives it", b);
    else {
      e->base_year = r->y0;
      e->base_value = x->value[0];
      dc_fmt_quantity(v, sizeof v, fabs(e->base_value), &e->disp, 0);
      fmt_pct(f, sizeof f, xt->tol);
      snprintf(e->bound_text, sizeof e->bound_text, "the tolerance %s × |%s in %d| (%s) = %s", f, what, r->y0, v,
               b);
    }
    break;
  case DC_TARGET_BUDGET:
    e->bound_kind = "budget";
    snprintf(e->bound_text, sizeof e->bound_text, "a budget of %s for %d-%d, as the target gives it", b,
             xt->from == DC_PLAN_NOYEAR ? r->y0 : xt->from, xt->by);
    break;
  }
}

/* ---- what would close the shortfall ---- */

static int lever_cmp(const void *a, const void *b) {
  const dc_explain_lever *x = a, *y = b;
  if (x->closes != y->closes) return x->closes < y->closes ? 1 : -1;
  return x->measure - y->measure;
}

static void find_levers(ctx_t *c, int t) {
  dc_explain *e = c->e;
  const dc_result_detail *d = c->d;
  int i = e->year - c->r->y0, atleast = c->r->targets[t].kind == DC_TARGET_AT_LEAST;
  e->levers = d->nmeasures ? calloc(d->nmeasures, sizeof *e->levers) : NULL;
  if (d->nmeasures && !e->levers) {
    c->bad = 1;
    return;
  }
  for (size_t j = 0; j < d->nmeasures; j++) {
    int runs = d->measures[j].active[c->s];
    int vs = c->d->targets[t].vs_scen;
    if (vs >= 0) runs |= d->measures[j].active[vs];
    if (!runs) continue;
    double val, bnd;
    judge_with(c, t, i, (int)j, e->lever, &val, &bnd);
    double closes = margin_of(atleast, val, bnd) - e->margin;
    if (!isfinite(closes) || fabs(closes) <= 1e-12 * (fabs(e->value) + fabs(e->bound))) continue;
    dc_explain_lever *l = &e->levers[e->nlevers++];
    l->measure = (int)j;
    l->closes = closes;
    l->fraction = closes / e->shortfall;
    l->needed = closes > 0 ? e->lever * e->shortfall / closes : NAN;
  }
  qsort(e->levers, e->nlevers, sizeof *e->levers, lever_cmp);
}

/* ---- the explanation ---- */

int dc_explain_find(const dc_result *r, const char *name) {
  for (size_t t = 0; t < r->ntargets; t++)
    if (strcmp(r->targets[t].name, name) == 0) return (int)t;
  return -1;
}

static int fail(char *err, size_t size, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, size, fmt, ap);
  va_end(ap);
  return -1;
}

/* ---- the value's terms ---- */

/* What target t's value is in year index i, and its terms: a share's
 * parts, an intensity's numerator and denominator, a budget's years, or
 * the metric's own terms. */
static void derive_value(ctx_t *c, int t, int i) {
  const dc_result *r = c->r;
  dc_explain *e = c->e;
  const dc_result_target *x = &r->targets[t];
  const dc_result_xtarget *xt = &c->d->targets[t];
  int n = c->n, year = e->year;
  const double *tot = dc_result_values(r, r->scenario, x->metric);
  if (xt->share_of != DC_SHARE_NONE) {
    e->den_metric = x->metric;
    e->den = tot[i];
    const dc_result_metric *dm = &r->metrics[x->metric];
    dc_units_display_pick(dm->dims, dm->has_disp, &dm->disp, tot, n, &e->den_disp);
    e->num = 0;
    char parts[120] = "";
    for (size_t k = 0; k < xt->nparts; k++) {
      const dc_result_metric *pm = &r->metrics[xt->parts[k]];
      double pv = dc_result_values(r, r->scenario, xt->parts[k])[i];
      e->num += pv;
      add_term(c, "part", tot[i] != 0 ? pv / tot[i] : NAN, pm->source, "%s", pm->name);
      size_t l = strlen(parts);
      snprintf(parts + l, sizeof parts - l, "%s%s", k ? " + " : "", pm->name);
    }
    e->num_disp = e->den_disp;
    snprintf(e->value_text, sizeof e->value_text, "the share of %s in %s", parts, e->metric);
  } else if (xt->per >= 0) {
    const double *dn = dc_result_values(r, r->scenario, xt->per);
    const dc_result_metric *nm = &r->metrics[x->metric], *dm = &r->metrics[xt->per];
    e->num_metric = x->metric;
    e->den_metric = xt->per;
    e->num = tot[i];
    e->den = dn[i];
    dc_units_display_pick(nm->dims, nm->has_disp, &nm->disp, tot, n, &e->num_disp);
    dc_units_display_pick(dm->dims, dm->has_disp, &dm->disp, dn, n, &e->den_disp);
    if (dn[i] != 0) metric_terms(c, x->metric, i, 1 / dn[i]);
    snprintf(e->value_text, sizeof e->value_text, "%s per %s", nm->name, dm->name);
  } else if (x->kind == DC_TARGET_BUDGET) {
    int from = xt->from == DC_PLAN_NOYEAR ? r->y0 : xt->from;
    double f = xt->cumul_seconds ? r->detail->year_s : 1;
    for (int y = from; year <= xt->by && y <= year; y++) {
      dc_explain_term *tm = add_term(c, "year", tot[y - r->y0] * f, r->metrics[x->metric].source, "%s in %d", e->metric, y);
      if (tm) tm->year = y;
    }
    snprintf(e->value_text, sizeof e->value_text, "%s summed over %d-%d", e->metric, from, year);
    if (year < from || year > xt->by)
      snprintf(e->note, sizeof e->note, "the budget counts the years %d-%d only: %d has no value", from, xt->by, year);
  } else {
    metric_terms(c, x->metric, i, 1);
    snprintf(e->value_text, sizeof e->value_text, "%s", e->metric);
  }
}

/* ---- energy metrics: one term, the measures that may act on it ---- */

static int is_energy_kind(enum dc_measure_kind k) { return k == DC_MEASURE_ENERGY_SAVES || k == DC_MEASURE_SWITCH; }

/* Whether measure j may act on energy metric `name` in scenario s: every
 * saving or switch of energy; for primary energy and the non-fossil share
 * also capacity additions; for a gas also every measure that abates. */
static int may_act_on(const ctx_t *c, int j, const char *name) {
  const dc_result_xmeasure *m = &c->d->measures[j];
  if (!m->active[c->s]) return 0;
  if (is_energy_kind(m->kind)) return 1;
  if (!strcmp(name, "primary_energy") || !strcmp(name, "nonfossil_share")) return m->nadds > 0;
  if (strcmp(name, "co2") && strcmp(name, "ch4") && strcmp(name, "n2o")) return 0;
  for (int i = 0; m->wedge[c->s] && i < c->n; i++)
    if (m->wedge[c->s][i] != 0) return 1;
  return 0;
}

/* The energy metric among target t's (its metric, denominator, parts), or -1. */
static int energy_metric_of(const ctx_t *c, int t) {
  const dc_result_xtarget *xt = &c->d->targets[t];
  int mi = c->r->targets[t].metric;
  if (c->d->metric_kind[mi] == DC_RMK_ENERGY) return mi;
  if (xt->per >= 0 && c->d->metric_kind[xt->per] == DC_RMK_ENERGY) return xt->per;
  for (size_t k = 0; k < xt->nparts; k++)
    if (c->d->metric_kind[xt->parts[k]] == DC_RMK_ENERGY) return xt->parts[k];
  return -1;
}

/* For a target on an energy metric: the note that says where the value
 * comes from and which measures may act on it (their effect on it is not
 * broken out: the detail has no per-measure energy terms). */
static void energy_note(ctx_t *c, int t) {
  int mi = energy_metric_of(c, t);
  if (mi < 0) return;
  dc_explain *e = c->e;
  const char *name = c->r->metrics[mi].name;
  e->energy = 1;
  int len = snprintf(e->note, sizeof e->note,
                     "'%s' comes from the energy accounting (docs/energy.md): explain shows it as one term and "
                     "does not compute each measure's share of it; ",
                     name);
  int nm = 0;
  for (size_t o = 0; o < c->d->norder; o++) {
    int j = c->d->order[o];
    if (!may_act_on(c, j, name) || len < 0 || (size_t)len >= sizeof e->note) continue;
    len += snprintf(e->note + len, sizeof e->note - (size_t)len, "%s'%s'", nm++ ? ", " : "measures that may act on it: ",
                    c->d->measures[j].name);
  }
  if (!nm && len >= 0 && (size_t)len < sizeof e->note)
    snprintf(e->note + len, sizeof e->note - (size_t)len, "no measure of this scenario acts on it");
}

int dc_explain_target(const dc_result *r, int t, int year, dc_explain *e, char *err, size_t errsize) {
  memset(e, 0, sizeof *e);
  if (t < 0 || (size_t)t >= r->ntargets) return fail(err, errsize, "no target #%d", t);
  const dc_result_target *x = &r->targets[t];
  if (!r->detail) return fail(err, errsize, "target '%s': a report read back has no terms to explain (explain the plan's script)", x->name);
  if (!x->evaluated) return fail(err, errsize, "target '%s' was not evaluated", x->name);
  const dc_result_xtarget *xt = &r->detail->targets[t];
  if (year == DC_PLAN_NOYEAR) year = x->deciding != DC_PLAN_NOYEAR ? x->deciding : xt->by;
  if (year < r->y0 || year > r->y1)
    return fail(err, errsize, "target '%s': year %d is outside the plan's years %d-%d", x->name, year, r->y0, r->y1);
  int i = year - r->y0, n = r->y1 - r->y0 + 1;
  ctx_t c = {r, r->detail, r->scenario, n, e, 0, 0};
  e->target = t;
  e->scenario = r->scenario;
  e->year = year;
  e->name = x->name;
  e->kind = x->kind_name;
  e->status = x->status[i];
  e->met = x->met;
  e->value = x->value[i];
  e->bound = x->bound[i];
  e->margin = x->margin[i];
  e->margin_rel = x->margin_rel[i];
  e->dims = x->value_dims;
  e->metric = r->metrics[x->metric].name;
  e->num_metric = e->den_metric = -1;
  e->num = e->den = NAN;
  e->lever = DC_EXPLAIN_LEVER;
  dc_units_display_pick(x->value_dims, x->has_disp, &x->value_disp, x->value, n, &e->disp);

  derive_value(&c, t, i);
  if (!c.bad) derive_bound(&c, t);
  e->shortfall = e->status == DC_ST_MISSED || (e->margin < 0 && isfinite(e->margin)) ? -e->margin : 0;
  if (!c.bad) energy_note(&c, t);
  if (!c.bad && e->shortfall > 0 && !e->energy) find_levers(&c, t);
  if (c.bad) {
    dc_explain_free(e);
    return fail(err, errsize, "out of memory (explaining target '%s')", x->name);
  }
  return 0;
}

void dc_explain_free(dc_explain *e) {
  for (size_t k = 0; e->terms && k < e->nterms; k++) free(e->terms[k].name);
  free(e->terms);
  free(e->levers);
  e->terms = NULL;
  e->levers = NULL;
  e->nterms = e->nlevers = 0;
}

/* ---- text ---- */

void dc_explain_write_text(FILE *f, const dc_result *r, const dc_explain *e) {
  const dc_result_target *x = &r->targets[e->target];
  char v[96], b[96], m[96], p[48];
  const char *st = e->status == DC_ST_NONE ? "not judged" : dc_status_name((enum dc_status)e->status);
  fprintf(f, "target \"%s\" (%s", e->name, e->kind);
  if (x->file) fprintf(f, ", %s:%d", x->file, x->line);
  fprintf(f, ")\n  plan \"%s\", scenario %s, %d: %s", r->name, r->scenario_names[e->scenario], e->year, st);
  if (e->year != x->deciding && x->deciding != DC_PLAN_NOYEAR)
    fprintf(f, " (the verdict is decided in %d: %s)", x->deciding, x->met ? "met" : "missed");
  fputc('\n', f);
  dc_fmt_quantity(v, sizeof v, e->value, &e->disp, 0);
  if (x->kind == DC_TARGET_BUDGET) fprintf(f, "  value  %s = %s\n", v, e->value_text);
  else fprintf(f, "  value  %s = %s in %d\n", v, e->value_text, e->year);
  if (e->den_metric >= 0) {
    char nv[96], dv[96];
    dc_fmt_quantity(nv, sizeof nv, e->num, &e->num_disp, 0);
    dc_fmt_quantity(dv, sizeof dv, e->den, &e->den_disp, 0);
    fprintf(f, "    = %s / %s (%s)\n", nv, dv, r->metrics[e->den_metric].name);
  }
  for (size_t k = 0; k < e->nterms; k++) {
    const dc_explain_term *t = &e->terms[k];
    char tv[96];
    dc_fmt_quantity(tv, sizeof tv, fabs(t->value), &e->disp, 0);
    int minus = t->value < 0 || (t->value == 0 && t->at_full < 0);
    fprintf(f, "    %s %s  %s", minus ? "−" : "+", tv, t->name);
    if (t->measure >= 0) {
      const dc_result_xmeasure *me = &r->detail->measures[t->measure];
      char af[96], rp[48];
      fmt_pct(rp, sizeof rp, t->ramp);
      if (t->ramp > 0 && t->ramp < 1 && isfinite(t->at_full)) {
        dc_fmt_quantity(af, sizeof af, fabs(t->at_full), &e->disp, 0);
        fprintf(f, " (ramp %s of %s", rp, af);
      } else
        fprintf(f, " (ramp %s", rp);
      if (t->ramp == 0 && me->start != DC_PLAN_NOYEAR && e->year < me->start) fprintf(f, ": starts %d", me->start);
      else if (t->ramp == 0 && me->stop != DC_PLAN_NOYEAR && e->year > me->stop) fprintf(f, ": stopped %d", me->stop);
      else if (t->ramp < 1 && me->full != DC_PLAN_NOYEAR) fprintf(f, ", full in %d", me->full);
      if (me->scale != 1) {
        char sc[48];
        dc_fmt_number(sc, sizeof sc, me->scale, 0);
        fprintf(f, ", scale %s", sc);
      }
      fputc(')', f);
    }
    fputc('\n', f);
    if (t->source) fprintf(f, "        source: %s\n", t->source);
  }
  dc_fmt_quantity(b, sizeof b, e->bound, &e->disp, 0);
  fprintf(f, "  bound  %s\n", e->bound_text);
  dc_display z = e->disp;
  z.offset = 0;
  if (strcmp(z.label, "%") == 0) snprintf(z.label, sizeof z.label, "pp");
  dc_fmt_quantity(m, sizeof m, fabs(e->margin), &z, 0);
  fmt_pct(p, sizeof p, fabs(e->margin_rel));
  if (e->shortfall > 0) fprintf(f, "  margin −%s (%s): short by %s\n", m, p, m);
  else fprintf(f, "  margin %s (%s)\n", m, p);
  if (e->note[0]) fprintf(f, "  note: %s\n", e->note);
  if (e->shortfall > 0) {
    char lv[48];
    fmt_pct(lv, sizeof lv, e->lever);
    if (e->energy) fprintf(f, "  what would it take: not computed for a value of the energy accounting (see the note)\n");
    else if (!e->nlevers) fprintf(f, "  what would it take: no measure changes this value\n");
    else fprintf(f, "  what would it take: each measure +%s closes\n", lv);
    for (size_t k = 0; k < e->nlevers; k++) {
      const dc_explain_lever *l = &e->levers[k];
      char cv[96], fr[48], nd[48];
      dc_fmt_quantity(cv, sizeof cv, fabs(l->closes), &z, 0);
      fmt_pct(fr, sizeof fr, l->fraction);
      fprintf(f, "    %s%s  %s (%s of the shortfall", l->closes < 0 ? "−" : "", cv, r->detail->measures[l->measure].name, fr);
      if (isfinite(l->needed)) {
        fmt_pct(nd, sizeof nd, l->needed);
        fprintf(f, "; +%s would close it, if linear", nd);
      }
      fputs(")\n", f);
    }
  }
}
