/* json.c — the JSON report (schema "decarb-check": every plan, then a
 * summary) and JSON lines (schema "decarb-plan": one plan object per line,
 * written as each file finishes). Keys are written in sorted order; numbers
 * are the shortest text that reads back to the same double; strings are
 * valid UTF-8. Schemas: docs/schema/decarb-check.json, decarb-plan.json. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

static void json_year(FILE *f, int y) {
  if (y == DC_PLAN_NOYEAR) fputs("null", f);
  else fprintf(f, "%d", y);
}

static void json_series(FILE *f, const double *v, int a, int b, int y0, const dc_display *d) {
  fputc('[', f);
  for (int y = a; y <= b; y++) {
    if (y > a) fputs(", ", f);
    dc_rep_json_num(f, v ? dc_rep_in_disp(v[y - y0], d) : NAN);
  }
  fputc(']', f);
}

/* Scenario indices of r that were evaluated, sorted by name (stable). */
static size_t sorted_scenarios(const dc_result *r, int *out) {
  size_t k = 0;
  for (size_t j = 0; j < r->nscenarios; j++) {
    if (!r->evaluated[j]) continue;
    size_t i = k++;
    while (i > 0 && strcmp(r->scenario_names[out[i - 1]], r->scenario_names[j]) > 0) {
      out[i] = out[i - 1];
      i--;
    }
    out[i] = (int)j;
  }
  return k;
}

static void json_metrics(FILE *f, const dc_result *r, int a, int b, const int *scen, size_t nsc) {
  int y0 = r->y0, n = r->y1 - y0 + 1, first = 1;
  fputs(",\n      \"metrics\": [", f);
  for (size_t i = 0; i < r->nmetrics; i++) {
    const dc_result_metric *m = &r->metrics[i];
    if (!m->ok) continue;
    dc_display d;
    dc_rep_pick_disp(m->dims, m->has_disp, &m->disp, dc_result_values(r, r->scenario, (int)i), n, &d);
    fprintf(f, "%s\n        {\"name\": ", first ? "" : ",");
    first = 0;
    dc_rep_json_str(f, m->name);
    fputs(", \"source\": ", f);
    dc_rep_json_str_or_null(f, m->source);
    fputs(", \"unit\": ", f);
    dc_rep_json_str(f, d.label);
    fputs(", \"values\": {", f);
    for (size_t k = 0; k < nsc; k++) {
      fprintf(f, "%s", k ? ", " : "");
      dc_rep_json_str(f, r->scenario_names[scen[k]]);
      fputs(": ", f);
      json_series(f, dc_result_values(r, scen[k], (int)i), a, b, y0, &d);
    }
    fputs("}}", f);
  }
  fputs("\n      ]", f);
}

static void json_target(FILE *f, const dc_result *r, int t, int a, int b) {
  const dc_result_target *x = &r->targets[t];
  int y0 = r->y0;
  dc_display d;
  char verdict[400];
  dc_rep_target_disp(r, t, &d);
  dc_report_verdict(verdict, sizeof verdict, r, t, 0);
  int dy = x->evaluated && x->deciding != DC_PLAN_NOYEAR ? x->deciding - y0 : -1;
  fprintf(f, "%s\n        {\"deciding_year\": ", t ? "," : "");
  json_year(f, x->deciding);
  fputs(", \"file\": ", f);
  dc_rep_json_str_or_null(f, x->file);
  fputs(", \"first_failed\": ", f);
  json_year(f, x->first_failed);
  fputs(", \"first_met\": ", f);
  json_year(f, x->first_met);
  fputs(", \"kind\": ", f);
  dc_rep_json_str(f, x->kind_name);
  fputs(", \"line\": ", f);
  if (x->line > 0) fprintf(f, "%d", x->line);
  else fputs("null", f);
  fputs(", \"margin\": ", f);
  dc_rep_json_num(f, dy >= 0 ? x->margin[dy] / d.scale : NAN);
  fputs(", \"margin_rel\": ", f);
  dc_rep_json_num(f, dy >= 0 ? x->margin_rel[dy] : NAN);
  fputs(", \"margin_unit\": ", f);
  dc_rep_json_str(f, dc_rep_diff_disp(&d).label);
  fputs(", \"message\": ", f);
  dc_rep_json_str(f, verdict);
  fprintf(f, ", \"met\": %s, \"metric\": ", x->met ? "true" : "false");
  dc_rep_json_str(f, r->metrics[x->metric].name);
  fputs(", \"name\": ", f);
  dc_rep_json_str(f, x->name);
  fputs(", \"source\": ", f);
  dc_rep_json_str_or_null(f, x->source);
  fputs(", \"unit\": ", f);
  dc_rep_json_str(f, d.label);
  fputs(",\n         \"years\": [", f);
  for (int y = a; x->evaluated && y <= b; y++) {
    int i = y - y0;
    fprintf(f, "%s\n           {\"bound\": ", y > a ? "," : "");
    dc_rep_json_num(f, dc_rep_in_disp(x->bound[i], &d));
    fputs(", \"margin\": ", f);
    dc_rep_json_num(f, x->margin[i] / d.scale);
    fputs(", \"margin_rel\": ", f);
    dc_rep_json_num(f, x->margin_rel[i]);
    fputs(", \"status\": ", f);
    dc_rep_json_str(f, x->status[i] == DC_ST_NONE ? "none" : dc_status_name((enum dc_status)x->status[i]));
    fputs(", \"value\": ", f);
    dc_rep_json_num(f, dc_rep_in_disp(x->value[i], &d));
    fprintf(f, ", \"year\": %d}", y);
  }
  fputs("]}", f);
}

/* One plan object; with `line` (jsonl) it also carries schema and version. */
static void json_plan(FILE *f, const dc_result *r, const dc_report_opts *o, int line) {
  int y0 = r->y0, a, b;
  dc_rep_shown_years(r, o, &a, &b);
  int *scen = r->nscenarios ? malloc(r->nscenarios * sizeof *scen) : NULL;
  size_t nsc = scen ? sorted_scenarios(r, scen) : 0;
  fputs("    {\n      \"file\": ", f);
  dc_rep_json_str(f, r->file);
  json_metrics(f, r, a, b, scen, nsc);
  free(scen);
  fputs(",\n      \"name\": ", f);
  dc_rep_json_str(f, r->name);
  fputs(",\n      \"region\": ", f);
  dc_rep_json_str(f, r->region);
  fputs(",\n      \"scenario\": ", f);
  dc_rep_json_str(f, r->scenario_names[r->scenario]);
  if (line) fputs(",\n      \"schema\": \"decarb-plan\"", f);
  fputs(",\n      \"source\": ", f);
  dc_rep_json_str(f, r->source);
  int total = (int)r->ntargets;
  fputs(",\n      \"targets\": [", f);
  for (int t = 0; t < total; t++) json_target(f, r, t, a, b);
  fprintf(f, "%s],\n      \"targets_met\": %d,\n      \"targets_total\": %d,\n", total ? "\n      " : "", r->met,
          total);
  if (line) fprintf(f, "      \"version\": %d,\n", DC_REPORT_JSON_VERSION);
  dc_display ed;
  int have_emis = dc_rep_emissions_disp(r, &ed);
  const double *gap = dc_result_values(r, r->scenario, DC_MET_ABATEMENT);
  fputs("      \"warnings\": [", f);
  for (size_t i = 0; i < r->nwarnings; i++) {
    const dc_result_warning *w = &r->warnings[i];
    fprintf(f, "%s\n        {\"from\": %d, \"message\": ", i ? "," : "", w->ylo);
    dc_rep_json_str(f, w->text);
    fputs(", \"sector\": ", f);
    dc_rep_json_str(f, w->sector);
    fprintf(f, ", \"to\": %d, \"worst\": ", w->yhi);
    dc_rep_json_num(f, have_emis ? w->worst / ed.scale : w->worst);
    fputc('}', f);
  }
  fprintf(f, "%s],\n      \"wedges\": [", r->nwarnings ? "\n      " : "");
  size_t nwedge = r->nmeasures; /* without emissions: null abatement and share */
  for (size_t j = 0; j < nwedge; j++) {
    const dc_result_measure *me = &r->measures[j];
    const double *w = have_emis ? me->wedge : NULL;
    fprintf(f, "%s\n        {\"abatement\": ", j ? "," : "");
    json_series(f, w, a, b, y0, &(dc_display){.scale = ed.scale});
    fputs(", \"measure\": ", f);
    dc_rep_json_str(f, me->name);
    fputs(", \"sector\": ", f);
    dc_rep_json_str_or_null(f, me->sector);
    fputs(", \"share\": [", f);
    for (int y = a; y <= b; y++) {
      if (y > a) fputs(", ", f);
      dc_rep_json_num(f, have_emis ? dc_rep_share(me, gap, y - y0) : NAN);
    }
    fputs("], \"source\": ", f);
    dc_rep_json_str_or_null(f, me->source);
    fputs(", \"unit\": ", f);
    dc_rep_json_str(f, ed.label);
    fputc('}', f);
  }
  fprintf(f, "%s],\n      \"years\": [%d, %d],\n      \"years_shown\": [%d, %d]\n    }", nwedge ? "\n      " : "",
          y0, r->y1, a, b);
}

void dc_rep_write_json(FILE *f, dc_result *const *results, size_t n, const dc_report_opts *o) {
  int met, total;
  dc_report_count(results, n, &met, &total);
  fputs("{\n  \"plans\": [\n", f);
  for (size_t k = 0; k < n; k++) {
    json_plan(f, results[k], o, 0);
    fputs(k + 1 < n ? ",\n" : "\n", f);
  }
  fprintf(f, "  ],\n  \"schema\": \"decarb-check\",\n  \"summary\": {\"met\": %d, \"missed\": %d, "
             "\"plans\": %zu, \"targets\": %d},\n  \"version\": %d\n}\n",
          met, total - met, n, total, DC_REPORT_JSON_VERSION);
}

/* JSON lines: the plan object without its layout (a newline and the spaces
 * after it; strings hold no raw newline), one line per plan. */
int dc_rep_write_jsonl(FILE *f, dc_result *const *results, size_t n, const dc_report_opts *o) {
  for (size_t k = 0; k < n; k++) {
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m) return -1;
    json_plan(m, results[k], o, 1);
    fclose(m);
    size_t i = 0;
    while (i < len && buf[i] == ' ') i++; /* the indentation of the object */
    for (; i < len; i++) {
      if (buf[i] == '\n') {
        while (i + 1 < len && buf[i + 1] == ' ') i++;
        continue;
      }
      fputc(buf[i], f);
    }
    fputc('\n', f);
    free(buf);
  }
  return 0;
}
