/* json.c — the JSON report (schema "decarb-check": every plan, then a
 * summary) and JSON lines (schema "decarb-plan": one plan object per line,
 * written as each file finishes), through the emitter of stdlib/jsonw.c,
 * which sorts the keys, writes valid UTF-8 and the shortest numbers.
 * Schemas: docs/schema/decarb-check.json, decarb-plan.json. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"
#include "montecarlo.h"
#include "report_int.h"

static void json_year(dc_jsonw *w, const char *key, int y) {
  dc_jsonw_key(w, key);
  if (y == DC_PLAN_NOYEAR) dc_jsonw_null(w);
  else dc_jsonw_int(w, y);
}

static void json_series(dc_jsonw *w, const double *v, int a, int b, int y0, const dc_display *d) {
  dc_jsonw_array(w, DC_JSONW_INLINE);
  for (int y = a; y <= b; y++) dc_jsonw_num(w, v ? dc_rep_in_disp(v[y - y0], d) : NAN);
  dc_jsonw_end(w);
}

static void json_metrics(dc_jsonw *w, const dc_result *r, int a, int b) {
  int n = r->y1 - r->y0 + 1;
  dc_jsonw_key(w, "metrics");
  dc_jsonw_array(w, DC_JSONW_LINES);
  for (size_t i = 0; i < r->nmetrics; i++) {
    const dc_result_metric *m = &r->metrics[i];
    if (!m->ok) continue;
    dc_display d;
    dc_rep_pick_disp(m->dims, m->has_disp, &m->disp, dc_result_values(r, r->scenario, (int)i), n, &d);
    dc_jsonw_object(w, DC_JSONW_INLINE);
    dc_jsonw_kstr(w, "name", m->name);
    dc_jsonw_kstr(w, "source", m->source);
    dc_jsonw_kstr(w, "unit", d.label);
    dc_jsonw_key(w, "values");
    dc_jsonw_object(w, DC_JSONW_INLINE); /* by scenario name, sorted by the emitter */
    for (size_t s = 0; s < r->nscenarios; s++) {
      if (!r->evaluated[s]) continue;
      dc_jsonw_key(w, r->scenario_names[s]);
      json_series(w, dc_result_values(r, (int)s, (int)i), a, b, r->y0, &d);
    }
    dc_jsonw_end(w);
    if (m->quantiles) { /* Monte Carlo: percentiles 5 25 50 75 95 per shown year */
      dc_jsonw_key(w, "quantiles");
      dc_jsonw_array(w, DC_JSONW_INLINE);
      for (int y = a; y <= b; y++) {
        dc_jsonw_array(w, DC_JSONW_INLINE);
        for (int k = 0; k < DC_MC_NQ; k++) dc_jsonw_num(w, dc_rep_in_disp(m->quantiles[(y - r->y0) * DC_MC_NQ + k], &d));
        dc_jsonw_end(w);
      }
      dc_jsonw_end(w);
    }
    dc_jsonw_end(w);
  }
  dc_jsonw_end(w);
}

/* jsonl of a Monte Carlo run: everything a merge of blocks needs, exactly
 * (numbers are written so that they read back as the same doubles): the
 * block, the seed, the inputs, per sample the draws, each target's margin
 * (SI) and every metric's values (SI, sample-major: metrics x years), and
 * each target's count of samples met. docs/uncertainty.md. */
static void json_mc_block(dc_jsonw *w, const dc_result *r) {
  const dc_mc *mc = r->mc;
  dc_jsonw_key(w, "mc");
  dc_jsonw_object(w, DC_JSONW_LINES);
  dc_jsonw_kint(w, "end", (long long)mc->end);
  dc_jsonw_kint(w, "first", (long long)mc->first);
  dc_jsonw_key(w, "inputs");
  dc_jsonw_array(w, DC_JSONW_INLINE);
  for (size_t j = 0; j < mc->ninputs; j++) dc_jsonw_str(w, mc->inputs[j]);
  dc_jsonw_end(w);
  dc_jsonw_key(w, "draws");
  dc_jsonw_array(w, DC_JSONW_LINES);
  for (size_t j = 0; j < mc->ninputs; j++) {
    dc_jsonw_array(w, DC_JSONW_INLINE);
    for (size_t k = 0; k < mc->ns; k++) dc_jsonw_num(w, dc_mc_draw(mc, j, k));
    dc_jsonw_end(w);
  }
  dc_jsonw_end(w);
  dc_jsonw_key(w, "margins");
  dc_jsonw_array(w, DC_JSONW_LINES);
  for (size_t t = 0; t < mc->ntargets; t++) {
    dc_jsonw_array(w, DC_JSONW_INLINE);
    for (size_t k = 0; k < mc->ns; k++) dc_jsonw_num(w, mc->margin[t * mc->ns + k]);
    dc_jsonw_end(w);
  }
  dc_jsonw_end(w);
  dc_jsonw_key(w, "met");
  dc_jsonw_array(w, DC_JSONW_INLINE);
  for (size_t t = 0; t < mc->ntargets; t++) dc_jsonw_int(w, (long long)mc->tally[t].met);
  dc_jsonw_end(w);
  /* over the metrics a report read back has (result_read.c): the
     built-in ones, then those with values, which "metrics" lists; one
     without (a technology's generation without hours) is never kept, and
     left out here so that merged blocks write what the single run does */
  dc_jsonw_key(w, "metrics_with_values");
  dc_jsonw_array(w, DC_JSONW_INLINE);
  for (size_t m = 0; m < mc->nmetrics; m++)
    if (m < DC_MET_NBUILTIN || (m < r->nmetrics && r->metrics[m].ok)) dc_jsonw_bool(w, mc->mok[m]);
  dc_jsonw_end(w);
  dc_jsonw_kint(w, "seed", (long long)mc->seed);
  dc_jsonw_key(w, "values");
  dc_jsonw_array(w, DC_JSONW_LINES);
  size_t row = mc->nkept * mc->ny; /* the kept metrics (metrics_with_values) */
  for (size_t k = 0; k < mc->ns; k++) {
    dc_jsonw_array(w, DC_JSONW_INLINE);
    for (size_t i = 0; i < row; i++) dc_jsonw_num(w, mc->mval[k * row + i]);
    dc_jsonw_end(w);
  }
  dc_jsonw_end(w);
  dc_jsonw_end(w);
}

static void json_target(dc_jsonw *w, const dc_result *r, int t, int a, int b) {
  const dc_result_target *x = &r->targets[t];
  int y0 = r->y0;
  dc_display d;
  char verdict[400];
  dc_rep_target_disp(r, t, &d);
  dc_report_verdict(verdict, sizeof verdict, r, t, 0);
  int dy = x->evaluated && x->deciding != DC_PLAN_NOYEAR ? x->deciding - y0 : -1;
  dc_jsonw_object(w, DC_JSONW_INLINE);
  json_year(w, "deciding_year", x->deciding);
  dc_jsonw_kstr(w, "file", dc_rep_target_file(r, x)); /* as every format: else the plan's */
  json_year(w, "first_failed", x->first_failed);
  json_year(w, "first_met", x->first_met);
  dc_jsonw_kstr(w, "kind", x->kind_name);
  dc_jsonw_key(w, "line");
  if (x->line > 0) dc_jsonw_int(w, x->line);
  else dc_jsonw_null(w);
  dc_jsonw_knum(w, "margin", dy >= 0 ? x->margin[dy] / d.scale : NAN);
  dc_jsonw_knum(w, "margin_rel", dy >= 0 ? x->margin_rel[dy] : NAN);
  dc_jsonw_kstr(w, "margin_unit", dc_rep_diff_disp(&d).label);
  dc_jsonw_kstr(w, "message", verdict);
  dc_jsonw_kbool(w, "met", x->met);
  dc_jsonw_kstr(w, "metric", r->metrics[x->metric].name);
  dc_jsonw_kstr(w, "name", x->name);
  /* the judged value is not the metric's own series (a share, an intensity,
     a budget's running sum): the text and CSV reports give it a column */
  if (x->own_column) dc_jsonw_kbool(w, "own_column", 1);
  if (r->has_mc) { /* P(met), its 95 % Wilson interval, the samples, the drivers */
    dc_jsonw_key(w, "drivers");
    dc_jsonw_array(w, DC_JSONW_INLINE);
    for (size_t j = 0; j < x->ndrivers; j++) {
      dc_jsonw_object(w, DC_JSONW_INLINE);
      dc_jsonw_kstr(w, "input", r->inputs[x->driver_input[j]]);
      dc_jsonw_knum(w, "rho", x->driver_rho[j]);
      dc_jsonw_end(w);
    }
    dc_jsonw_end(w);
    dc_jsonw_knum(w, "p_met", x->p_met);
    dc_jsonw_key(w, "p_met_ci");
    dc_jsonw_array(w, DC_JSONW_INLINE);
    dc_jsonw_num(w, x->p_met_lo);
    dc_jsonw_num(w, x->p_met_hi);
    dc_jsonw_end(w);
    dc_jsonw_kint(w, "samples", (long long)x->mc_samples);
    dc_jsonw_kint(w, "samples_met", (long long)x->mc_met);
  }
  dc_jsonw_kstr(w, "source", x->source);
  dc_jsonw_kstr(w, "unit", d.label);
  dc_jsonw_key_break(w, "years");
  dc_jsonw_array(w, DC_JSONW_LINES | DC_JSONW_TIGHT);
  for (int y = a; x->evaluated && y <= b; y++) {
    int i = y - y0;
    dc_jsonw_object(w, DC_JSONW_INLINE);
    dc_jsonw_knum(w, "bound", dc_rep_in_disp(x->bound[i], &d));
    dc_jsonw_knum(w, "margin", x->margin[i] / d.scale);
    dc_jsonw_knum(w, "margin_rel", x->margin_rel[i]);
    dc_jsonw_kstr(w, "status", x->status[i] == DC_ST_NONE ? "none" : dc_status_name((enum dc_status)x->status[i]));
    dc_jsonw_knum(w, "value", dc_rep_in_disp(x->value[i], &d));
    dc_jsonw_kint(w, "year", y);
    dc_jsonw_end(w);
  }
  dc_jsonw_end(w);
  dc_jsonw_end(w);
}

static void json_warnings(dc_jsonw *w, const dc_result *r, int have_emis, const dc_display *ed) {
  dc_jsonw_key(w, "warnings");
  dc_jsonw_array(w, DC_JSONW_LINES);
  for (size_t i = 0; i < r->nwarnings; i++) {
    const dc_result_warning *x = &r->warnings[i];
    dc_jsonw_object(w, DC_JSONW_INLINE);
    dc_jsonw_kint(w, "from", x->ylo);
    dc_jsonw_kstr(w, "message", x->text);
    dc_jsonw_kstr(w, "sector", x->sector ? x->sector : "");
    dc_jsonw_kint(w, "to", x->yhi);
    dc_jsonw_knum(w, "worst", have_emis ? x->worst / ed->scale : x->worst);
    dc_jsonw_end(w);
  }
  dc_jsonw_end(w);
}

static void json_wedges(dc_jsonw *w, const dc_result *r, int a, int b, int have_emis, const dc_display *ed) {
  const double *gap = dc_result_values(r, r->scenario, DC_MET_ABATEMENT);
  dc_display scale = {.scale = ed->scale};
  dc_jsonw_key(w, "wedges");
  dc_jsonw_array(w, DC_JSONW_LINES);
  /* every measure; without emissions (no sectors) with null abatement and
     share, so that a report read back still lists the measures' sources */
  for (size_t j = 0; j < r->nmeasures; j++) {
    const dc_result_measure *me = &r->measures[j];
    const double *v = have_emis ? me->wedge : NULL;
    dc_jsonw_object(w, DC_JSONW_INLINE);
    dc_jsonw_key(w, "abatement");
    json_series(w, v, a, b, r->y0, &scale);
    dc_jsonw_kstr(w, "measure", me->name);
    dc_jsonw_kstr(w, "sector", me->sector);
    dc_jsonw_key(w, "share");
    dc_jsonw_array(w, DC_JSONW_INLINE);
    for (int y = a; y <= b; y++) {
      int i = y - r->y0;
      dc_jsonw_num(w, have_emis ? dc_rep_share(me, gap, i) : NAN);
    }
    dc_jsonw_end(w);
    dc_jsonw_kstr(w, "source", me->source);
    dc_jsonw_kstr(w, "unit", ed->label);
    dc_jsonw_end(w);
  }
  dc_jsonw_end(w);
}

static void json_years(dc_jsonw *w, const char *key, int a, int b) {
  dc_jsonw_key(w, key);
  dc_jsonw_array(w, DC_JSONW_INLINE);
  dc_jsonw_int(w, a);
  dc_jsonw_int(w, b);
  dc_jsonw_end(w);
}

/* One plan object; with `line` (jsonl) it also carries schema and version. */
static void json_plan(dc_jsonw *w, const dc_result *r, const dc_report_opts *o, int line) {
  int a, b;
  dc_rep_shown_years(r, o, &a, &b);
  /* keys in order, so that the plan streams rather than being held: a
     plan of 10,000 measures would otherwise be copied whole once more */
  dc_jsonw_object(w, DC_JSONW_LINES | DC_JSONW_ORDERED);
  dc_jsonw_kstr(w, "file", r->file ? r->file : "");
  if (line && r->has_mc && r->mc) json_mc_block(w, r); /* "mc" < "metrics" */
  json_metrics(w, r, a, b);
  dc_jsonw_kstr(w, "name", r->name);
  dc_jsonw_kstr(w, "region", r->region);
  if (line && r->has_mc) dc_jsonw_kint(w, "samples", (long long)(r->mc_end - r->mc_first));
  dc_jsonw_kstr(w, "scenario", r->scenario_names[r->scenario]);
  if (line) dc_jsonw_kstr(w, "schema", "decarb-plan");
  if (line && r->has_mc) dc_jsonw_kint(w, "seed", (long long)r->seed);
  dc_jsonw_kstr(w, "source", r->source);
  dc_jsonw_key(w, "targets");
  dc_jsonw_array(w, DC_JSONW_LINES);
  for (int t = 0; t < (int)r->ntargets; t++) json_target(w, r, t, a, b);
  dc_jsonw_end(w);
  dc_jsonw_kint(w, "targets_met", r->met);
  dc_jsonw_kint(w, "targets_total", (long long)r->ntargets);
  if (line) dc_jsonw_kint(w, "version", r->has_mc ? DC_REPORT_JSON_VERSION_MC : DC_REPORT_JSON_VERSION);
  dc_display ed;
  int have_emis = dc_rep_emissions_disp(r, &ed);
  json_warnings(w, r, have_emis, &ed);
  json_wedges(w, r, a, b, have_emis, &ed);
  json_years(w, "years", r->y0, r->y1);
  json_years(w, "years_shown", a, b);
  dc_jsonw_end(w);
}

/* the emitter's result as dc_report_write's: 0, or -1 */
static int json_close(dc_jsonw *w) { return dc_jsonw_close(w) == DC_JSONW_OK ? 0 : -1; }

/* The document object streams (its keys are given in order): only one
 * plan at a time is held in memory, as for jsonl. */
int dc_rep_write_json(FILE *f, dc_result *const *results, size_t n, const dc_report_opts *o) {
  int met, total;
  dc_report_count(results, n, &met, &total);
  dc_jsonw *w = dc_jsonw_open(f, 0);
  if (!w) return -1;
  dc_jsonw_object(w, DC_JSONW_LINES | DC_JSONW_ORDERED);
  dc_jsonw_key(w, "plans");
  dc_jsonw_array(w, DC_JSONW_LINES);
  for (size_t k = 0; k < n; k++) json_plan(w, results[k], o, 0);
  dc_jsonw_end(w);
  const dc_result *mcr = NULL; /* the run's Monte Carlo: the same seed and samples for every plan */
  for (size_t k = 0; k < n && !mcr; k++)
    if (results[k]->has_mc) mcr = results[k];
  if (mcr) dc_jsonw_kint(w, "samples", (long long)(mcr->mc_end - mcr->mc_first));
  dc_jsonw_kstr(w, "schema", "decarb-check");
  if (mcr) dc_jsonw_kint(w, "seed", (long long)mcr->seed);
  dc_jsonw_key(w, "summary");
  dc_jsonw_object(w, DC_JSONW_INLINE);
  dc_jsonw_kint(w, "met", met);
  dc_jsonw_kint(w, "missed", total - met);
  dc_jsonw_kint(w, "plans", (long long)n);
  dc_jsonw_kint(w, "targets", total);
  dc_jsonw_end(w);
  dc_jsonw_kint(w, "version", mcr ? DC_REPORT_JSON_VERSION_MC : DC_REPORT_JSON_VERSION);
  dc_jsonw_end(w);
  int bad = json_close(w);
  fputc('\n', f);
  return bad;
}

/* JSON lines: the plan object with no line breaks, one line per plan. */
int dc_rep_write_jsonl(FILE *f, dc_result *const *results, size_t n, const dc_report_opts *o) {
  for (size_t k = 0; k < n; k++) {
    dc_jsonw *w = dc_jsonw_open(f, DC_JSONW_COMPACT);
    if (!w) return -1;
    json_plan(w, results[k], o, 1);
    if (json_close(w)) return -1;
    fputc('\n', f);
  }
  return 0;
}
