/* charts.c — the charts of a result (see charts.h): what is drawn is picked
 * here, how it is drawn is the chart core's (stdlib/chart.c). */
#include "charts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

/* Bounds of a target drawn as rules when they change at most this often;
 * a bound that moves more (30 % below a BAU that grows) is a dashed line. */
#define MAX_RULES 4
/* The wedge chart draws this many measures at most (a legend of ~15 rows);
 * the others are one band, "N other measures". */
#define MAX_WEDGES 60

typedef struct chart_parts {
  int n;                 /* years drawn */
  int *years;
  dc_chart_series *series;
  double **values;       /* [series] -> n values, owned */
  char **names;          /* [series] -> owned name or NULL */
  int nseries, capseries;
  dc_chart_bound *bounds;
  char **bound_labels;
  int nbounds, capbounds;
  dc_chart_mark *marks;
  char **mark_labels;
  int nmarks, capmarks;
  int bad;               /* out of memory */
} chart_parts;

static void *grow(void *p, int *cap, int need, size_t size, int *bad) {
  if (need <= *cap) return p;
  int nc = *cap ? *cap * 2 : 8;
  while (nc < need) nc *= 2;
  void *q = realloc(p, (size_t)nc * size);
  if (!q) {
    *bad = 1;
    return NULL;
  }
  *cap = nc;
  return q;
}

static char *dup_text(const char *s, int *bad) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (!d) *bad = 1;
  else memcpy(d, s, n);
  return d;
}

static int parts_init(chart_parts *p, const dc_result *r, const dc_rc_opts *o) {
  memset(p, 0, sizeof *p);
  p->n = o->b - o->a + 1;
  if (o->a < r->y0 || o->b > r->y1 || p->n < 1) return DC_CHART_EINVAL;
  p->years = malloc((size_t)p->n * sizeof *p->years);
  if (!p->years) return DC_CHART_ENOMEM;
  for (int i = 0; i < p->n; i++) p->years[i] = o->a + i;
  return DC_CHART_OK;
}

static void parts_free(chart_parts *p) {
  for (int i = 0; i < p->nseries; i++) {
    free(p->values[i]);
    free(p->names[i]);
  }
  for (int i = 0; i < p->nbounds; i++) free(p->bound_labels[i]);
  for (int i = 0; i < p->nmarks; i++) free(p->mark_labels[i]);
  free(p->years);
  free(p->series);
  free(p->values);
  free(p->names);
  free(p->bounds);
  free(p->bound_labels);
  free(p->marks);
  free(p->mark_labels);
}

/* Adds a series of SI values v (indexed from r->y0; NULL: all missing)
 * shown in d, for the years drawn; returns it, or NULL when out of memory. */
static dc_chart_series *add_series(chart_parts *p, const dc_result *r, const char *name, const double *v,
                                   const dc_display *d) {
  int cap = p->capseries, need = p->nseries + 1;
  dc_chart_series *s = grow(p->series, &cap, need, sizeof *s, &p->bad);
  if (s) p->series = s;
  cap = p->capseries;
  double **vv = s ? grow(p->values, &cap, need, sizeof *vv, &p->bad) : NULL;
  if (vv) p->values = vv;
  cap = p->capseries;
  char **nn = vv ? grow(p->names, &cap, need, sizeof *nn, &p->bad) : NULL;
  if (!nn) return NULL;
  p->names = nn;
  p->capseries = cap;
  double *vals = malloc((size_t)p->n * sizeof *vals);
  char *nm = dup_text(name, &p->bad);
  if (!vals || !nm) {
    p->bad = 1;
    free(vals);
    free(nm);
    return NULL;
  }
  int off = p->years[0] - r->y0;
  for (int i = 0; i < p->n; i++) vals[i] = v ? dc_rep_in_disp(v[off + i], d) : NAN;
  int k = p->nseries++;
  p->values[k] = vals;
  p->names[k] = nm;
  memset(&p->series[k], 0, sizeof p->series[k]);
  p->series[k].name = nm;
  p->series[k].values = vals;
  return &p->series[k];
}

static int same_value(double a, double b) {
  return a == b || fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

static void add_bound(chart_parts *p, double value, int from, int to, const char *label) {
  int cap = p->capbounds, need = p->nbounds + 1;
  dc_chart_bound *b = grow(p->bounds, &cap, need, sizeof *b, &p->bad);
  if (b) p->bounds = b;
  cap = p->capbounds;
  char **l = b ? grow(p->bound_labels, &cap, need, sizeof *l, &p->bad) : NULL;
  if (!l) return;
  p->bound_labels = l;
  p->capbounds = cap;
  /* one label for rules at one value that meet or overlap (two targets
   * of net zero): two labels would be written over each other */
  for (int j = 0; label && j < p->nbounds; j++)
    if (p->bounds[j].label && same_value(p->bounds[j].value, value) && p->bounds[j].from <= to + 1 &&
        from <= p->bounds[j].to + 1)
      label = NULL;
  char *lab = dup_text(label, &p->bad);
  if (label && !lab) return;
  int k = p->nbounds++;
  p->bound_labels[k] = lab;
  p->bounds[k] = (dc_chart_bound){lab, value, from, to};
}

static void add_mark(chart_parts *p, int year, double value, dc_chart_status st, const char *label) {
  int cap = p->capmarks, need = p->nmarks + 1;
  dc_chart_mark *m = grow(p->marks, &cap, need, sizeof *m, &p->bad);
  if (m) p->marks = m;
  cap = p->capmarks;
  char **l = m ? grow(p->mark_labels, &cap, need, sizeof *l, &p->bad) : NULL;
  if (!l) return;
  p->mark_labels = l;
  p->capmarks = cap;
  char *lab = dup_text(label, &p->bad);
  if (label && !lab) return;
  int k = p->nmarks++;
  p->mark_labels[k] = lab;
  p->marks[k] = (dc_chart_mark){year, value, st, lab};
}

static int judged(unsigned char st) { return st == DC_ST_MET || st == DC_ST_MISSED; }


/* Target t's bound where it is due (rules, or a dashed line when it moves
 * often), its missed years (crosses) and its deciding year (labelled), in
 * display d, over the years drawn. */
static void add_verdict(chart_parts *p, const dc_result *r, int t, const dc_display *d, const char *line_name) {
  const dc_result_target *x = &r->targets[t];
  int a = p->years[0], b = p->years[p->n - 1], y0 = r->y0, runs = 0;
  for (int y = a; y <= b; y++) {
    int i = y - y0;
    if (judged(x->status[i]) && isfinite(x->bound[i]) &&
        (y == a || !judged(x->status[i - 1]) || !same_value(x->bound[i - 1], x->bound[i])))
      runs++;
  }
  const char *op = x->kind == DC_TARGET_AT_LEAST ? "≥" : "≤";
  char label[200], val[128];
  if (runs > MAX_RULES) {
    double *bv = malloc((size_t)(r->y1 - y0 + 1) * sizeof *bv);
    if (!bv) {
      p->bad = 1;
      return;
    }
    for (int i = 0; i <= r->y1 - y0; i++) bv[i] = judged(x->status[i]) ? x->bound[i] : NAN;
    dc_chart_series *s = add_series(p, r, line_name, bv, d);
    free(bv);
    if (s) s->dashed = 1;
  } else {
    int first = 1;
    for (int y = a; y <= b; y++) {
      int i = y - y0;
      if (!judged(x->status[i]) || !isfinite(x->bound[i])) continue;
      int e = y;
      while (e < b && judged(x->status[e + 1 - y0]) && same_value(x->bound[e + 1 - y0], x->bound[i])) e++;
      dc_fmt_quantity(val, sizeof val, x->bound[i], d, 4);
      snprintf(label, sizeof label, "%s %s %s %d", op, val, e > y ? "from" : "in", y);
      add_bound(p, dc_rep_in_disp(x->bound[i], d), y, e, first ? label : NULL);
      first = 0;
      y = e;
    }
  }
  for (int y = a; y <= b; y++) {
    int i = y - y0;
    int dec = y == x->deciding;
    if (x->status[i] == DC_ST_MISSED || (dec && x->met)) {
      snprintf(label, sizeof label, "%s %d", x->met ? "met" : "missed", y);
      add_mark(p, y, dc_rep_in_disp(x->value[i], d), x->met ? DC_CHART_MET : DC_CHART_MISSED, dec ? label : NULL);
    }
  }
}

static int parts_draw(chart_parts *p, dc_chart *c, dc_chart_buf *out, const dc_rc_opts *o) {
  if (p->bad) return DC_CHART_ENOMEM;
  c->id = o->id;
  c->years = p->years;
  c->n_years = p->n;
  c->series = p->series;
  c->n_series = p->nseries;
  c->bounds = p->bounds;
  c->n_bounds = p->nbounds;
  c->marks = p->marks;
  c->n_marks = p->nmarks;
  c->width = o->width;
  c->height = o->height;
  c->standalone = o->standalone;
  return dc_chart_svg(c, out);
}

int dc_rc_has_emissions(const dc_result *r) {
  return r->nmetrics > DC_MET_ABATEMENT && r->metrics[DC_MET_EMISSIONS].ok &&
         dc_result_values(r, r->scenario, DC_MET_EMISSIONS) != NULL;
}

int dc_rc_has_wedges(const dc_result *r) {
  return r->nsectors && r->nmeasures && dc_rc_has_emissions(r) &&
         dc_result_values(r, r->scenario, DC_MET_ABATEMENT) != NULL;
}

int dc_rc_metric(dc_chart_buf *out, const dc_result *r, int metric, const dc_rc_opts *o) {
  if (metric < 0 || (size_t)metric >= r->nmetrics || !r->metrics[metric].ok) return DC_RC_NONE;
  const dc_result_metric *m = &r->metrics[metric];
  int emis = metric == DC_MET_EMISSIONS && r->nmetrics > DC_MET_BAU && r->metrics[DC_MET_BAU].ok;
  int ny = r->y1 - r->y0 + 1, drawn = 0, judged = -1;
  dc_display d;
  dc_rep_pick_disp(m->dims, m->has_disp, &m->disp, dc_result_values(r, r->scenario, metric), ny, &d);
  chart_parts p;
  int rc = parts_init(&p, r, o);
  if (rc != DC_CHART_OK) {
    parts_free(&p);
    return rc;
  }
  const double *bau = emis ? dc_result_values(r, r->scenario, DC_MET_BAU) : NULL;
  if (bau) {
    dc_chart_series *s = add_series(&p, r, "BAU", bau, &d);
    if (s) s->dashed = 1;
  }
  /* the judged scenario first, then the others in the plan's order */
  int nsc = o->scenarios ? o->nscenarios : (int)r->nscenarios;
  for (int k = -1; k < nsc; k++) {
    int s;
    if (o->scenarios) {
      if (k < 0) continue;
      s = o->scenarios[k];
    } else {
      s = k < 0 ? r->scenario : k;
      if (k >= 0 && s == r->scenario) continue;
    }
    const double *v = dc_result_values(r, s, metric);
    if (!v || (bau && strcmp(r->scenario_names[s], "BAU") == 0)) continue;
    if (s == r->scenario) judged = p.nseries;
    add_series(&p, r, r->scenario_names[s], v, &d);
    drawn++;
  }
  /* a Monte Carlo's percentiles of the judged scenario: the 5-95 % and the
     25-75 % bands around its line */
  dc_chart_band band[2];
  double *edge[4] = {NULL, NULL, NULL, NULL};
  char bname[2][300];
  int nband = 0;
  if (r->has_mc && m->quantiles && judged >= 0 && !p.bad) {
    static const int qk[2][2] = {{0, 4}, {1, 3}}; /* indices of 5/25/50/75/95 */
    static const char *const what[2] = {"5-95 %", "25-75 %"};
    int off = p.years[0] - r->y0, ok = 1;
    for (int e = 0; e < 4; e++) ok &= (edge[e] = malloc((size_t)p.n * sizeof(double))) != NULL;
    for (int k = 0; ok && k < 2; k++) {
      for (int i = 0; i < p.n; i++) {
        const double *q = m->quantiles + (size_t)(off + i) * 5;
        edge[2 * k][i] = dc_rep_in_disp(q[qk[k][0]], &d);
        edge[2 * k + 1][i] = dc_rep_in_disp(q[qk[k][1]], &d);
      }
      snprintf(bname[k], sizeof bname[k], "%s, %s of %llu samples", r->scenario_names[r->scenario], what[k],
               r->mc_end - r->mc_first);
      band[k] = (dc_chart_band){bname[k], edge[2 * k], edge[2 * k + 1], judged, k};
      nband++;
    }
    if (!ok) p.bad = 1;
  }
  char name[300];
  for (size_t t = 0; t < r->ntargets; t++)
    if (dc_result_target_on_metric(r, t, metric, 1)) { /* its bound over the years it judges */
      snprintf(name, sizeof name, "bound: %s", r->targets[t].name);
      add_verdict(&p, r, (int)t, &d, name);
    }
  dc_chart c = {0};
  c.title = emis ? "Emissions" : m->name;
  c.unit = d.label;
  c.kind = DC_CHART_LINE;
  c.bands = nband ? band : NULL;
  c.n_bands = nband;
  rc = drawn ? parts_draw(&p, &c, out, o) : DC_RC_NONE;
  parts_free(&p);
  for (int e = 0; e < 4; e++) free(edge[e]);
  return rc;
}

int dc_rc_wedges(dc_chart_buf *out, const dc_result *r, const dc_rc_opts *o) {
  dc_display d;
  if (!dc_rc_has_wedges(r) || !dc_rep_emissions_disp(r, &d)) return DC_RC_NONE;
  chart_parts p;
  int rc = parts_init(&p, r, o);
  if (rc != DC_CHART_OK) {
    parts_free(&p);
    return rc;
  }
  dc_chart_series *s = add_series(&p, r, r->scenario_names[r->scenario],
                                  dc_result_values(r, r->scenario, DC_MET_EMISSIONS), &d);
  if (s) s->neutral = 1;
  /* at most MAX_WEDGES measures, those of the largest abatement over the
   * years drawn (in report order); the others as one band */
  size_t nm = r->nmeasures, keep = nm;
  unsigned char *shown = NULL;
  if (nm > MAX_WEDGES) {
    double *size = malloc(nm * sizeof *size);
    shown = calloc(nm, 1);
    double *other = calloc((size_t)(r->y1 - r->y0 + 1), sizeof *other);
    if (!size || !shown || !other) p.bad = 1;
    for (size_t j = 0; !p.bad && j < nm; j++) {
      size[j] = 0;
      for (int y = o->a; r->measures[j].wedge && y <= o->b; y++)
        if (isfinite(r->measures[j].wedge[y - r->y0])) size[j] += fabs(r->measures[j].wedge[y - r->y0]);
    }
    for (keep = 0; !p.bad && keep < MAX_WEDGES; keep++) { /* the largest, the first of equals */
      size_t best = nm;
      for (size_t j = 0; j < nm; j++)
        if (!shown[j] && (best == nm || size[j] > size[best])) best = j;
      shown[best] = 1;
    }
    for (size_t j = 0; !p.bad && j < nm; j++)
      for (int i = 0; !shown[j] && r->measures[j].wedge && i <= r->y1 - r->y0; i++)
        if (isfinite(r->measures[j].wedge[i])) other[i] += r->measures[j].wedge[i];
    for (size_t j = 0; !p.bad && j < nm; j++)
      if (shown[j]) add_series(&p, r, r->measures[j].name, r->measures[j].wedge, &d);
    char name[64];
    snprintf(name, sizeof name, "%zu other measures", nm - keep);
    if (!p.bad) add_series(&p, r, name, other, &d);
    free(size);
    free(other);
    free(shown);
  } else {
    for (size_t j = 0; j < nm; j++) add_series(&p, r, r->measures[j].name, r->measures[j].wedge, &d);
  }
  s = add_series(&p, r, "BAU", dc_result_values(r, r->scenario, DC_MET_BAU), &d);
  if (s) s->overlay = s->dashed = 1;
  char title[200];
  snprintf(title, sizeof title, "Abatement by measure (scenario %s)", r->scenario_names[r->scenario]);
  dc_chart c = {0};
  c.title = title;
  c.unit = d.label;
  c.kind = DC_CHART_STACKED;
  rc = parts_draw(&p, &c, out, o);
  parts_free(&p);
  return rc;
}

int dc_rc_target(dc_chart_buf *out, const dc_result *r, int t, const dc_rc_opts *o) {
  if (t < 0 || (size_t)t >= r->ntargets || !r->targets[t].evaluated) return DC_RC_NONE;
  const dc_result_target *x = &r->targets[t];
  dc_display d;
  dc_rep_target_disp(r, t, &d);
  chart_parts p;
  int rc = parts_init(&p, r, o);
  if (rc != DC_CHART_OK) {
    parts_free(&p);
    return rc;
  }
  add_series(&p, r, "value", x->value, &d);
  add_verdict(&p, r, t, &d, "bound");
  dc_chart c = {0};
  c.title = x->name;
  c.unit = d.label;
  c.kind = DC_CHART_LINE;
  rc = parts_draw(&p, &c, out, o);
  parts_free(&p);
  return rc;
}

int dc_rc_find_metric(const dc_result *r, const char *name) {
  for (size_t i = 0; i < r->nmetrics; i++)
    if (r->metrics[i].ok && r->metrics[i].name && strcmp(r->metrics[i].name, name) == 0) return (int)i;
  return -1;
}

int dc_rc_find_target(const dc_result *r, const char *name) {
  for (size_t t = 0; t < r->ntargets; t++)
    if (strcmp(r->targets[t].name, name) == 0) return (int)t;
  return -1;
}

int dc_rc_table_columns(const dc_result *r, int *cols, int max) {
  int nc = 0;
  if (max >= 2 && r->nmetrics > DC_MET_BAU && r->metrics[DC_MET_EMISSIONS].ok) {
    cols[nc++] = DC_MET_EMISSIONS;
    cols[nc++] = DC_MET_BAU;
  }
  for (size_t t = 0; t < r->ntargets && nc < max; t++) {
    int dup = !r->metrics[r->targets[t].metric].ok;
    for (int c = 0; c < nc; c++) dup |= cols[c] == r->targets[t].metric;
    if (!dup) cols[nc++] = r->targets[t].metric;
  }
  return nc;
}
