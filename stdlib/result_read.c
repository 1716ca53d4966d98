/* result_read.c — decarb's JSON reports back into dc_result (see
 * result_read.h). Each field of the schema is read by one line below with
 * the helpers want_*; a new field is a new member of dc_result and a line
 * here (and in vm/jobs.c's wire form). Why libjansson: docs/design.md. */
#include "result_read.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "montecarlo.h"

typedef struct rctx {
  char *err;
  size_t errsize;
  int bad;
  const char *what; /* "line 3", "plan 2" */
} rctx;

static void fail(rctx *c, const char *fmt, ...) {
  if (c->bad++) return;
  int k = snprintf(c->err, c->errsize, "%s: ", c->what);
  if (k < 0 || (size_t)k >= c->errsize) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(c->err + k, c->errsize - (size_t)k, fmt, ap);
  va_end(ap);
}

static void *zalloc(rctx *c, size_t n, size_t size) {
  if (!n || c->bad) return NULL;
  void *p = calloc(n, size);
  if (!p) fail(c, "out of memory");
  return p;
}

static char *dup_str(rctx *c, const char *s) {
  if (!s || c->bad) return NULL;
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (!d) fail(c, "out of memory");
  else memcpy(d, s, n);
  return d;
}

static json_t *want(rctx *c, json_t *o, const char *key, json_type type) {
  json_t *v = json_object_get(o, key);
  if (!v) fail(c, "no \"%s\" (is this a decarb report?)", key);
  else if (!json_is_null(v) && json_typeof(v) != type) fail(c, "\"%s\" has the wrong type", key);
  else return v;
  return NULL;
}

/* A string, a copy of it (NULL for null when nullable). */
static char *want_str(rctx *c, json_t *o, const char *key, int nullable) {
  json_t *v = want(c, o, key, JSON_STRING);
  if (!v) return NULL;
  if (json_is_null(v)) {
    if (!nullable) fail(c, "\"%s\" is null", key);
    return NULL;
  }
  return dup_str(c, json_string_value(v));
}

static double num_of(rctx *c, json_t *v, const char *key) {
  if (json_is_null(v)) return NAN;
  if (!json_is_number(v)) {
    fail(c, "\"%s\" is not a number", key);
    return NAN;
  }
  return json_number_value(v);
}

static double want_num(rctx *c, json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  if (!v) {
    fail(c, "no \"%s\"", key);
    return NAN;
  }
  return num_of(c, v, key);
}

/* An integer; null gives `null_is`. */
static int want_int(rctx *c, json_t *o, const char *key, int null_is) {
  json_t *v = want(c, o, key, JSON_INTEGER);
  if (!v || json_is_null(v)) return null_is;
  json_int_t x = json_integer_value(v);
  if (x < -2147483647 || x > 2147483647) fail(c, "\"%s\" is out of range", key);
  return (int)x;
}

static int want_bool(rctx *c, json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  if (!json_is_boolean(v)) fail(c, "\"%s\" is not true or false", key);
  return json_is_true(v);
}

static json_t *want_array(rctx *c, json_t *o, const char *key) {
  json_t *v = want(c, o, key, JSON_ARRAY);
  if (v && json_is_null(v)) {
    fail(c, "\"%s\" is null", key);
    return NULL;
  }
  return v;
}

/* Years y0..y1 as NaN, then a..b from the array (its length must fit). */
static double *want_series(rctx *c, json_t *arr, const char *key, int y0, int y1, int a, int b) {
  double *v = zalloc(c, (size_t)(y1 - y0 + 1), sizeof *v);
  if (!v) return NULL;
  for (int y = y0; y <= y1; y++) v[y - y0] = NAN;
  if (!json_is_array(arr) || json_array_size(arr) != (size_t)(b - a + 1)) {
    fail(c, "\"%s\" should have %d values (years %d-%d)", key, b - a + 1, a, b);
    return v;
  }
  for (int y = a; y <= b; y++) v[y - y0] = num_of(c, json_array_get(arr, (size_t)(y - a)), key);
  return v;
}

static void want_years(rctx *c, json_t *o, const char *key, int *a, int *b) {
  json_t *v = want_array(c, o, key);
  *a = *b = 0;
  if (!v) return;
  json_t *x = json_array_get(v, 0), *y = json_array_get(v, 1);
  if (json_array_size(v) != 2 || !json_is_integer(x) || !json_is_integer(y) ||
      json_integer_value(x) > json_integer_value(y) || json_integer_value(y) - json_integer_value(x) > 100000 ||
      json_integer_value(x) < -100000 || json_integer_value(y) > 100000) {
    fail(c, "\"%s\" should be [FIRST, LAST]", key);
    return;
  }
  *a = (int)json_integer_value(x);
  *b = (int)json_integer_value(y);
}

static void shown_disp(dc_display *d, const char *label) {
  memset(d, 0, sizeof *d);
  d->scale = 1;
  snprintf(d->label, sizeof d->label, "%s", label ? label : "");
}

/* ---- a plan ---- */

static const char *const builtin[DC_MET_NBUILTIN] = {"emissions", "bau_emissions", "abatement", "capacity",
                                                     "generation"};

static int scenario_index(dc_result *r, const char *name) {
  for (size_t k = 0; k < r->nscenarios; k++)
    if (strcmp(r->scenario_names[k], name) == 0) return (int)k;
  return -1;
}

/* The scenarios: those of the metrics' values (the report lists the
 * evaluated ones, by name) and the judged one. */
static void read_scenarios(rctx *c, dc_result *r, json_t *metrics, const char *judged) {
  size_t cap = 1;
  json_t *m, *vals, *v;
  size_t i;
  const char *key;
  json_array_foreach(metrics, i, m) {
    vals = json_object_get(m, "values");
    if (json_is_object(vals)) cap += json_object_size(vals);
  }
  r->scenario_names = zalloc(c, cap, sizeof *r->scenario_names);
  r->evaluated = zalloc(c, cap, 1);
  if (c->bad) return;
  json_array_foreach(metrics, i, m) {
    vals = json_object_get(m, "values");
    if (!json_is_object(vals)) continue;
    json_object_foreach(vals, key, v) {
      if (scenario_index(r, key) >= 0 || c->bad) continue;
      r->evaluated[r->nscenarios] = 1;
      r->scenario_names[r->nscenarios++] = dup_str(c, key);
    }
  }
  if (!c->bad && scenario_index(r, judged) < 0) r->scenario_names[r->nscenarios++] = dup_str(c, judged);
  /* a plan's first scenarios are "BAU" and "plan" (plan.c), then its own */
  static const char *const first[] = {"BAU", "plan"};
  for (size_t f = 0, at = 0; !c->bad && f < 2; f++) {
    int k = scenario_index(r, first[f]);
    if (k < 0) continue;
    char *name = r->scenario_names[k];
    unsigned char ev = r->evaluated[k];
    memmove(r->scenario_names + at + 1, r->scenario_names + at, ((size_t)k - at) * sizeof *r->scenario_names);
    memmove(r->evaluated + at + 1, r->evaluated + at, (size_t)k - at);
    r->scenario_names[at] = name;
    r->evaluated[at++] = ev;
  }
  if (!c->bad) r->scenario = scenario_index(r, judged);
}

static void read_metrics(rctx *c, dc_result *r, json_t *metrics, int a, int b) {
  size_t extra = 0, i;
  json_t *m;
  json_array_foreach(metrics, i, m) {
    const char *name = json_string_value(json_object_get(m, "name"));
    int isb = 0;
    for (int k = 0; name && k < DC_MET_NBUILTIN; k++) isb |= strcmp(name, builtin[k]) == 0;
    extra += !isb;
  }
  r->nmetrics = DC_MET_NBUILTIN + extra;
  r->metrics = zalloc(c, r->nmetrics, sizeof *r->metrics);
  for (int k = 0; !c->bad && k < DC_MET_NBUILTIN; k++) { /* a builtin the report left out: no unit */
    r->metrics[k].name = dup_str(c, builtin[k]);
    r->metrics[k].values = zalloc(c, r->nscenarios, sizeof(double *));
  }
  size_t next = DC_MET_NBUILTIN;
  json_array_foreach(metrics, i, m) {
    if (c->bad) return;
    if (!json_is_object(m)) {
      fail(c, "metric %zu is not an object", i + 1);
      return;
    }
    char *name = want_str(c, m, "name", 0);
    size_t slot = next;
    for (int k = 0; name && k < DC_MET_NBUILTIN; k++)
      if (strcmp(name, builtin[k]) == 0) slot = (size_t)k;
    if (slot == next) next++;
    dc_result_metric *x = &r->metrics[slot];
    if (c->bad || x->ok) {
      if (!c->bad) fail(c, "metric '%s' appears twice", name);
      free(name);
      return;
    }
    free(x->name);
    x->name = name;
    x->ok = 1;
    x->source = want_str(c, m, "source", 1);
    char *unit = want_str(c, m, "unit", 0);
    x->has_disp = 1;
    shown_disp(&x->disp, unit);
    free(unit);
    if (!x->values) x->values = zalloc(c, r->nscenarios, sizeof *x->values);
    json_t *vals = want(c, m, "values", JSON_OBJECT), *v;
    const char *key;
    if (!vals || json_is_null(vals)) continue;
    json_object_foreach(vals, key, v) {
      int s = scenario_index(r, key);
      if (s >= 0 && !c->bad) x->values[s] = want_series(c, v, key, r->y0, r->y1, a, b);
    }
  }
}

static int find_metric(const dc_result *r, const char *name) {
  for (size_t i = 0; name && i < r->nmetrics; i++)
    if (r->metrics[i].name && strcmp(r->metrics[i].name, name) == 0) return (int)i;
  return -1;
}

static enum dc_target_kind kind_of(const char *name, const char *message) {
  static const struct {
    const char *name;
    enum dc_target_kind kind;
  } kinds[] = {{"at_most", DC_TARGET_AT_MOST},      {"intensity_at_most", DC_TARGET_AT_MOST},
               {"at_least", DC_TARGET_AT_LEAST},    {"intensity_at_least", DC_TARGET_AT_LEAST},
               {"reduce", DC_TARGET_REDUCE},        {"intensity", DC_TARGET_REDUCE},
               {"vs_scenario", DC_TARGET_VS},       {"peak", DC_TARGET_PEAK},
               {"net_zero", DC_TARGET_NET_ZERO},    {"budget", DC_TARGET_BUDGET}};
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (strcmp(name, kinds[i].name) == 0) return kinds[i].kind;
  /* a share target may be either way: its verdict says which */
  if (message && strncmp(message, "met", 3) == 0 && strstr(message, "\xe2\x89\xa5")) return DC_TARGET_AT_LEAST;
  if (message && strncmp(message, "missed", 6) == 0) {
    const char *colon = strchr(message, ':');
    const char *lt = colon ? strstr(colon, " < ") : NULL, *gt = colon ? strstr(colon, " > ") : NULL;
    if (lt && (!gt || lt < gt)) return DC_TARGET_AT_LEAST;
  }
  return DC_TARGET_AT_MOST;
}

static unsigned char status_of(rctx *c, const char *s) {
  static const char *const names[] = {"none", "not yet due", "met", "missed"};
  for (unsigned char i = 0; i < 4; i++)
    if (s && strcmp(s, names[i]) == 0) return i;
  fail(c, "unknown status '%s'", s ? s : "(none)");
  return DC_ST_NONE;
}

static void read_target(rctx *c, dc_result *r, dc_result_target *x, json_t *o) {
  size_t ny = (size_t)(r->y1 - r->y0 + 1);
  x->name = want_str(c, o, "name", 0);
  x->source = want_str(c, o, "source", 1);
  x->file = want_str(c, o, "file", 1);
  x->line = want_int(c, o, "line", 0);
  x->kind_name = want_str(c, o, "kind", 0);
  char *metric = want_str(c, o, "metric", 0);
  x->metric = find_metric(r, metric);
  if (!c->bad && x->metric < 0) fail(c, "target '%s': no metric '%s' among the plan's", x->name, metric);
  free(metric);
  char *unit = want_str(c, o, "unit", 0);
  x->has_disp = 1;
  shown_disp(&x->value_disp, unit);
  free(unit);
  char *message = want_str(c, o, "message", 0);
  if (x->kind_name) x->kind = kind_of(x->kind_name, message);
  x->met = want_bool(c, o, "met");
  x->first_met = want_int(c, o, "first_met", DC_PLAN_NOYEAR);
  x->first_failed = want_int(c, o, "first_failed", DC_PLAN_NOYEAR);
  x->deciding = want_int(c, o, "deciding_year", DC_PLAN_NOYEAR);
  x->own_column = json_is_true(json_object_get(o, "own_column"));
  json_t *ns = json_object_get(o, "samples"); /* a Monte Carlo's (version 2): read_mc takes it */
  if (json_is_integer(ns) && json_integer_value(ns) >= 0) x->mc_samples = (unsigned long long)json_integer_value(ns);
  json_t *years = want_array(c, o, "years"), *yo;
  x->evaluated = (years && json_array_size(years) > 0) || (message && strcmp(message, "not evaluated") != 0);
  free(message);
  if (!x->evaluated || c->bad) {
    x->first_met = x->first_failed = x->deciding = DC_PLAN_NOYEAR;
    return;
  }
  double **arr[4] = {&x->value, &x->bound, &x->margin, &x->margin_rel};
  for (int k = 0; k < 4; k++) {
    *arr[k] = zalloc(c, ny, sizeof(double));
    for (size_t i = 0; *arr[k] && i < ny; i++) (*arr[k])[i] = NAN;
  }
  x->status = zalloc(c, ny, 1);
  size_t i;
  json_array_foreach(years, i, yo) {
    if (c->bad) return;
    int y = want_int(c, yo, "year", 0);
    if (y < r->y0 || y > r->y1) {
      fail(c, "target '%s': year %d is outside the plan's years", x->name, y);
      return;
    }
    size_t k = (size_t)(y - r->y0);
    x->value[k] = want_num(c, yo, "value");
    x->bound[k] = want_num(c, yo, "bound");
    x->margin[k] = want_num(c, yo, "margin");
    x->margin_rel[k] = want_num(c, yo, "margin_rel");
    json_t *st = json_object_get(yo, "status");
    x->status[k] = status_of(c, json_string_value(st));
  }
}

static void read_wedges(rctx *c, dc_result *r, json_t *wedges, int a, int b) {
  size_t i;
  json_t *w;
  r->nmeasures = json_array_size(wedges);
  r->nsectors = r->nmeasures > 0;
  r->measures = zalloc(c, r->nmeasures, sizeof *r->measures);
  json_array_foreach(wedges, i, w) {
    if (c->bad) return;
    dc_result_measure *m = &r->measures[i];
    m->name = want_str(c, w, "measure", 0);
    m->sector = want_str(c, w, "sector", 1);
    m->source = want_str(c, w, "source", 1);
    m->wedge = want_series(c, json_object_get(w, "abatement"), "abatement", r->y0, r->y1, a, b);
    m->share = want_series(c, json_object_get(w, "share"), "share", r->y0, r->y1, a, b);
  }
}

static void read_warnings(rctx *c, dc_result *r, json_t *warnings) {
  size_t i;
  json_t *w;
  r->nwarnings = json_array_size(warnings);
  r->warnings = zalloc(c, r->nwarnings, sizeof *r->warnings);
  json_array_foreach(warnings, i, w) {
    if (c->bad) return;
    dc_result_warning *x = &r->warnings[i];
    x->sector = want_str(c, w, "sector", 0);
    x->text = want_str(c, w, "message", 0);
    x->ylo = want_int(c, w, "from", 0);
    x->yhi = want_int(c, w, "to", 0);
    x->worst = want_num(c, w, "worst");
  }
}

/* ---- a Monte Carlo block (schema version 2, jsonl) ---- */

/* An unsigned 64-bit integer as the writer wrote it (a signed integer of
 * the same bits). */
static uint64_t want_u64(rctx *c, json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  if (!json_is_integer(v)) fail(c, "\"mc\": \"%s\" is not an integer", key);
  return (uint64_t)json_integer_value(v);
}

/* n numbers of array `a` (its length must be n) into v[0], v[step], ... */
static void want_numbers(rctx *c, json_t *a, const char *key, size_t n, double *v, size_t step) {
  if (!json_is_array(a) || json_array_size(a) != n) {
    fail(c, "\"mc\": \"%s\" should have %zu values", key, n);
    return;
  }
  for (size_t i = 0; i < n && !c->bad; i++) v[i * step] = num_of(c, json_array_get(a, i), key);
}

/* The metrics whose samples the block kept ("metrics_with_values", over
 * the plan's metrics) are those the report gives percentiles for, in the
 * same order: their slots in r into mok. The count kept, or -1. */
static long mc_kept(rctx *c, dc_result *r, json_t *metrics, json_t *mwv, unsigned char *mok) {
  size_t kept = 0, nq = 0, i;
  json_t *m;
  long last = -1;
  for (size_t k = 0; k < json_array_size(mwv); k++) kept += json_is_true(json_array_get(mwv, k));
  json_array_foreach(metrics, i, m) {
    if (!json_object_get(m, "quantiles")) continue;
    int s = find_metric(r, json_string_value(json_object_get(m, "name")));
    if (s <= last) break;
    mok[s] = 1;
    last = s;
    nq++;
  }
  if (nq != kept) {
    fail(c, "\"mc\": \"metrics_with_values\" does not fit the metrics with percentiles");
    return -1;
  }
  return (long)kept;
}

/* The samples' raw values into a struct dc_mc (montecarlo.h's layout) with
 * r's metrics; the statistics are then computed from it (dc_result_set_mc),
 * as the run that wrote the line did. */
static void read_mc(rctx *c, dc_result *r, json_t *j, json_t *metrics) {
  json_t *inputs = want_array(c, j, "inputs"), *mwv = want_array(c, j, "metrics_with_values");
  json_t *draws = want_array(c, j, "draws"), *margins = want_array(c, j, "margins");
  json_t *met = want_array(c, j, "met"), *values = want_array(c, j, "values");
  uint64_t first = want_u64(c, j, "first"), end = want_u64(c, j, "end");
  if (!c->bad && (end <= first || end - first > (uint64_t)json_array_size(values)))
    fail(c, "\"mc\": \"values\" should have one row per sample %llu..%llu", (unsigned long long)first,
         (unsigned long long)end - 1);
  if (c->bad) return;
  size_t ns = (size_t)(end - first), ny = (size_t)(r->y1 - r->y0 + 1);
  size_t ni = json_array_size(inputs), nt = r->ntargets;
  if (json_array_size(draws) != ni || json_array_size(margins) != nt || json_array_size(met) != nt ||
      json_array_size(values) != ns) {
    fail(c, "\"mc\": the inputs, targets or samples do not fit (draws, margins, met, values)");
    return;
  }
  dc_mc *mc = zalloc(c, 1, sizeof *mc);
  if (mc) {
    mc->seed = want_u64(c, j, "seed");
    mc->first = first;
    mc->end = end;
    mc->ns = ns;
    mc->y0 = r->y0;
    mc->y1 = r->y1;
    mc->ny = ny;
    mc->ninputs = ni;
    mc->ntargets = nt;
    mc->nmetrics = r->nmetrics;
    mc->scenario = r->scenario;
    mc->inputs = zalloc(c, ni ? ni : 1, sizeof *mc->inputs);
    mc->tally = zalloc(c, nt ? nt : 1, sizeof *mc->tally);
    mc->margin = zalloc(c, nt * ns + 1, sizeof(double));
    mc->x = zalloc(c, ni * ns + 1, sizeof(double));
    mc->mok = zalloc(c, r->nmetrics + 1, 1);
  }
  long kept = mc && !c->bad ? mc_kept(c, r, metrics, mwv, mc->mok) : -1;
  size_t row = kept > 0 ? (size_t)kept * ny : 0;
  if (!c->bad) {
    mc->nkept = (size_t)kept;
    mc->mval = zalloc(c, row * ns + 1, sizeof(double));
  }
  for (size_t i = 0; !c->bad && i < ni; i++) {
    const char *s = json_string_value(json_array_get(inputs, i));
    if (!s) fail(c, "\"mc\": input %zu is not a string", i + 1);
    mc->inputs[i] = dup_str(c, s);
    want_numbers(c, json_array_get(draws, i), "draws", ns, mc->x + i * ns, 1);
  }
  for (size_t t = 0; !c->bad && t < nt; t++) {
    json_t *k = json_array_get(met, t);
    if (!json_is_integer(k) || json_integer_value(k) < 0 ||
        (unsigned long long)json_integer_value(k) > r->targets[t].mc_samples || r->targets[t].mc_samples > ns)
      fail(c, "\"mc\": \"met\" %zu is not a count of the target's samples", t + 1);
    mc->tally[t].met = (uint64_t)json_integer_value(k);
    want_numbers(c, json_array_get(margins, t), "margins", ns, mc->margin + t * ns, 1);
  }
  for (size_t k = 0; !c->bad && k < ns; k++)
    want_numbers(c, json_array_get(values, k), "values", row, mc->mval + k * row, 1);
  if (c->bad) {
    dc_mc_free(mc);
    return;
  }
  for (size_t t = 0; t < nt; t++) mc->tally[t].n = r->targets[t].mc_samples;
  if (dc_result_set_mc(r, mc)) fail(c, "out of memory (a Monte Carlo block)");
}

/* One plan object; `line`: a JSON line, which names its schema and version. */
static dc_result *read_plan(rctx *c, json_t *o, int line) {
  if (!json_is_object(o)) {
    fail(c, "not a JSON object");
    return NULL;
  }
  if (line) {
    const char *schema = json_string_value(json_object_get(o, "schema"));
    json_t *ver = json_object_get(o, "version");
    if (!schema || strcmp(schema, "decarb-plan") != 0) {
      fail(c, "not a decarb plan (\"schema\": \"decarb-plan\" expected; write it with decarb check --format jsonl)");
      return NULL;
    }
    if (!json_is_integer(ver) || json_integer_value(ver) < 1 || json_integer_value(ver) > DC_RESULT_READ_VERSION) {
      fail(c, "written by another version of decarb (schema version %s%lld; this decarb reads versions 1 to %d)",
           json_is_integer(ver) ? "" : "missing ", json_is_integer(ver) ? (long long)json_integer_value(ver) : 0LL,
           DC_RESULT_READ_VERSION);
      return NULL;
    }
  }
  dc_result *r = calloc(1, sizeof *r);
  if (!r) {
    fail(c, "out of memory");
    return NULL;
  }
  int a, b;
  r->file = want_str(c, o, "file", 1);
  r->name = want_str(c, o, "name", 0);
  r->region = want_str(c, o, "region", 0);
  r->source = want_str(c, o, "source", 0);
  want_years(c, o, "years", &r->y0, &r->y1);
  want_years(c, o, "years_shown", &a, &b);
  if (!c->bad && (a < r->y0 || b > r->y1)) fail(c, "\"years_shown\" is outside \"years\"");
  char *judged = want_str(c, o, "scenario", 0);
  json_t *metrics = want_array(c, o, "metrics");
  if (!c->bad) read_scenarios(c, r, metrics, judged);
  free(judged);
  if (!c->bad) read_metrics(c, r, metrics, a, b);
  json_t *targets = want_array(c, o, "targets"), *t;
  r->ntargets = json_array_size(targets);
  r->targets = zalloc(c, r->ntargets, sizeof *r->targets);
  size_t i;
  json_array_foreach(targets, i, t) {
    if (c->bad) break;
    read_target(c, r, &r->targets[i], t);
  }
  r->met = want_int(c, o, "targets_met", 0);
  if (!c->bad && want_int(c, o, "targets_total", 0) != (int)r->ntargets)
    fail(c, "\"targets_total\" is not the number of targets");
  if (!c->bad) read_warnings(c, r, want_array(c, o, "warnings"));
  if (!c->bad) read_wedges(c, r, want_array(c, o, "wedges"), a, b);
  json_t *mc = line ? json_object_get(o, "mc") : NULL;
  if (!c->bad && line && json_integer_value(json_object_get(o, "version")) == 2) {
    if (!json_is_object(mc)) fail(c, "schema version 2 without its \"mc\" member (the Monte Carlo's samples)");
    else read_mc(c, r, mc, metrics);
  }
  if (c->bad) {
    dc_result_free(r);
    return NULL;
  }
  return r;
}

/* (dc_result_read_to_si) A report's numbers are in the units it shows. */
static int label_unit(dc_display *d, dc_dims *dims) {
  dc_unit u;
  dc_units_error err;
  if (!d->label[0] || dc_units_parse(d->label, &u, &err) != 0) return 0;
  d->scale = u.scale;
  d->offset = u.offset;
  d->co2e = strstr(d->label, "CO2e") != NULL;
  *dims = u.dims;
  return 1;
}

static void to_si_values(double *v, size_t n, double scale, double offset) {
  for (size_t i = 0; v && i < n; i++) v[i] = v[i] * scale + offset;
}

void dc_result_read_to_si(dc_result *r) {
  size_t ny = (size_t)(r->y1 - r->y0 + 1);
  double escale = 1;
  for (size_t i = 0; i < r->nmetrics; i++) {
    dc_result_metric *m = &r->metrics[i];
    if (!m->ok || !label_unit(&m->disp, &m->dims)) continue;
    for (size_t s = 0; m->values && s < r->nscenarios; s++) to_si_values(m->values[s], ny, m->disp.scale, m->disp.offset);
    if (i == DC_MET_EMISSIONS) escale = m->disp.scale;
  }
  for (size_t j = 0; j < r->nmeasures; j++) to_si_values(r->measures[j].wedge, ny, escale, 0);
  for (size_t k = 0; k < r->nwarnings; k++) r->warnings[k].worst *= escale; /* in the emissions' unit */
  for (size_t t = 0; t < r->ntargets; t++) {
    dc_result_target *x = &r->targets[t];
    if (!label_unit(&x->value_disp, &x->value_dims)) continue;
    to_si_values(x->value, ny, x->value_disp.scale, x->value_disp.offset);
    to_si_values(x->bound, ny, x->value_disp.scale, x->value_disp.offset);
    to_si_values(x->margin, ny, x->value_disp.scale, 0);
  }
}

/* ---- files ---- */

typedef struct list {
  dc_result **v;
  size_t n, cap;
} list;

static int push(rctx *c, list *l, dc_result *r) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 16;
    dc_result **nv = realloc(l->v, cap * sizeof *nv);
    if (!nv) {
      dc_result_free(r);
      fail(c, "out of memory");
      return -1;
    }
    l->v = nv;
    l->cap = cap;
  }
  l->v[l->n++] = r;
  return 0;
}

static int finish(rctx *c, list *l, dc_result ***out, size_t *n) {
  if (c->bad) {
    dc_result_read_free(l->v, l->n);
    *out = NULL;
    *n = 0;
    return -1;
  }
  *out = l->v;
  *n = l->n;
  return 0;
}

void dc_result_read_free(dc_result **v, size_t n) {
  for (size_t i = 0; v && i < n; i++) dc_result_free(v[i]);
  free(v);
}

int dc_result_read_jsonl(const char *text, size_t len, dc_result ***out, size_t *n, char *err, size_t errsize) {
  rctx c = {err, errsize, 0, "line 1"};
  list l = {NULL, 0, 0};
  char where[48];
  size_t i = 0, lineno = 0;
  if (errsize) err[0] = '\0';
  while (i < len && !c.bad) {
    const char *nl = memchr(text + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - text) : len;
    lineno++;
    snprintf(where, sizeof where, "line %zu", lineno);
    c.what = where;
    size_t k = i;
    while (k < end && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) k++;
    if (k == end) { /* a blank line */
      i = end + 1;
      continue;
    }
    if (!nl) {
      fail(&c, "the last line has no newline at its end: the file is cut short (truncated)");
      break;
    }
    json_error_t je;
    json_t *o = json_loadb(text + i, end - i, JSON_REJECT_DUPLICATES, &je);
    if (!o) {
      fail(&c, "not valid JSON (%s, column %d): cut short or not a decarb jsonl report", je.text, je.column);
      break;
    }
    dc_result *r = read_plan(&c, o, 1);
    json_decref(o);
    if (r) push(&c, &l, r);
    i = end + 1;
  }
  return finish(&c, &l, out, n);
}

int dc_result_read_json(const char *text, size_t len, dc_result ***out, size_t *n, char *err, size_t errsize) {
  rctx c = {err, errsize, 0, "report"};
  list l = {NULL, 0, 0};
  json_error_t je;
  if (errsize) err[0] = '\0';
  json_t *o = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
  if (!o) {
    fail(&c, "not valid JSON (%s, line %d): cut short or not a decarb report", je.text, je.line);
    return finish(&c, &l, out, n);
  }
  const char *schema = json_string_value(json_object_get(o, "schema"));
  json_t *ver = json_object_get(o, "version"), *plans = json_object_get(o, "plans"), *p;
  if (!schema || strcmp(schema, "decarb-check") != 0 || !json_is_array(plans))
    fail(&c, "not a decarb check report (\"schema\": \"decarb-check\" expected)");
  else if (!json_is_integer(ver) || json_integer_value(ver) != DC_RESULT_READ_JSON_VERSION)
    fail(&c, "written by another version of decarb (schema version %lld; this decarb reads version %d)",
         json_is_integer(ver) ? (long long)json_integer_value(ver) : 0LL, DC_RESULT_READ_JSON_VERSION);
  size_t i;
  char where[48];
  json_array_foreach(plans, i, p) {
    if (c.bad) break;
    snprintf(where, sizeof where, "plan %zu", i + 1);
    c.what = where;
    dc_result *r = read_plan(&c, p, 0);
    if (r) push(&c, &l, r);
  }
  json_decref(o);
  return finish(&c, &l, out, n);
}
