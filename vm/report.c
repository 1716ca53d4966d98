/* report.c — the report writers of `decarb check` (see report.h): a text
 * table with verdicts, versioned JSON, long CSV, TAP and JUnit. They read
 * evaluated plans through plan.h only; no Lua, no locale, colour only when
 * asked. Every number goes through dc_fmt_number / dc_units_format. */
#include "report.h"

#include <math.h>
#include <string.h>

#include "fmt.h"
#include "units.h"

/* ===================================================================== */
/* shared helpers                                                         */
/* ===================================================================== */

int dc_report_format_parse(const char *name, dc_report_format *out) {
  static const char *const names[] = {"text", "json", "csv", "tap", "junit"};
  for (int i = 0; i < 5; i++)
    if (strcmp(name, names[i]) == 0) {
      *out = (dc_report_format)i;
      return 0;
    }
  return -1;
}

/* A display for a column of values: the metric's own unit when it has one,
 * else the preferred unit (with prefix) of the largest value. */
static void pick_disp(dc_dims dims, const dc_display *disp, const double *v, int n,
                      dc_display *out) {
  if (disp && disp->label[0]) {
    *out = *disp;
    return;
  }
  double mx = 0;
  for (int i = 0; v && i < n; i++)
    if (isfinite(v[i]) && fabs(v[i]) > mx) mx = fabs(v[i]);
  char buf[128];
  dc_units_format(buf, sizeof buf, mx ? mx : 1, dims, NULL);
  memset(out, 0, sizeof *out);
  out->scale = 1;
  const char *sp = strchr(buf, ' ');
  if (!sp) return; /* a plain number */
  dc_unit u;
  dc_units_error err;
  snprintf(out->label, sizeof out->label, "%s", sp + 1);
  if (dc_units_parse(out->label, &u, &err) == 0) {
    out->scale = u.scale;
    out->offset = u.offset;
  } /* else: SI base units, scale 1 */
}

static double in_disp(double si, const dc_display *d) { return (si - d->offset) / d->scale; }

/* "12.5 MtCO2e/yr", "41.7 %", "3" */
static size_t fmt_val(char *buf, size_t size, double si, const dc_display *d, int digits) {
  char num[64];
  if (isnan(si)) return (size_t)snprintf(buf, size, "—");
  dc_fmt_number(num, sizeof num, in_disp(si, d), digits);
  if (!d->label[0]) return (size_t)snprintf(buf, size, "%s", num);
  return (size_t)snprintf(buf, size, "%s %s", num, d->label);
}

/* a difference: no offset */
static size_t fmt_diff(char *buf, size_t size, double si, const dc_display *d) {
  dc_display z = *d;
  z.offset = 0;
  return fmt_val(buf, size, si, &z, 0);
}

static size_t fmt_pct(char *buf, size_t size, double rel) {
  char num[64];
  if (!isfinite(rel)) return (size_t)snprintf(buf, size, "—");
  dc_fmt_number(num, sizeof num, rel * 100, 3);
  return (size_t)snprintf(buf, size, "%s %%", num);
}

static void target_disp(const dc_plan *p, int s, int t, dc_display *d) {
  dc_plan_target_info ti;
  dc_target_result r;
  dc_plan_target_at(p, t, &ti);
  dc_plan_result(p, s, t, &r);
  pick_disp(ti.value_dims, ti.value_disp, r.value, dc_plan_y1(p) - dc_plan_y0(p) + 1, d);
}

size_t dc_report_verdict(char *buf, size_t size, const dc_plan *p, int s, int t, int ascii) {
  dc_plan_target_info ti;
  dc_target_result r;
  if (dc_plan_target_at(p, t, &ti) || dc_plan_result(p, s, t, &r))
    return (size_t)snprintf(buf, size, "not evaluated");
  dc_display d;
  target_disp(p, s, t, &d);
  int y = r.deciding;
  if (y == DC_PLAN_NOYEAR) return (size_t)snprintf(buf, size, "no year to judge");
  int i = y - dc_plan_y0(p);
  char v[128], b[128], m[128], pc[80];
  fmt_val(v, sizeof v, r.value[i], &d, 0);
  fmt_val(b, sizeof b, r.bound[i], &d, 0);
  fmt_diff(m, sizeof m, fabs(r.margin[i]), &d);
  fmt_pct(pc, sizeof pc, fabs(r.margin_rel[i]));
  int atleast = ti.kind == DC_TARGET_AT_LEAST;
  const char *ok = atleast ? (ascii ? ">=" : "≥") : (ascii ? "<=" : "≤");
  const char *bad = atleast ? "<" : ">";
  if (r.met)
    return (size_t)snprintf(buf, size, "met, tightest in %d: %s %s %s (margin %s, %s)", y, v, ok, b, m, pc);
  return (size_t)snprintf(buf, size, "missed in %d: %s %s %s (short by %s, %s)", y, v, bad, b, m, pc);
}

void dc_report_count(const dc_report_plan *plans, size_t n, int *met, int *total) {
  *met = *total = 0;
  for (size_t k = 0; k < n; k++) {
    size_t nt = dc_plan_ntargets(plans[k].plan);
    for (size_t t = 0; t < nt; t++) {
      dc_target_result r;
      (*total)++;
      if (dc_plan_result(plans[k].plan, plans[k].scenario, (int)t, &r) == 0 && r.met) (*met)++;
    }
  }
}

static void shown_years(const dc_plan *p, const dc_report_opts *o, int *a, int *b) {
  *a = dc_plan_y0(p);
  *b = dc_plan_y1(p);
  if (o->y0 || o->y1) {
    if (o->y0 > *a) *a = o->y0;
    if (o->y1 < *b) *b = o->y1;
  }
}

/* ===================================================================== */
/* text                                                                   */
/* ===================================================================== */

#define MAXCOLS 12

static void text_plan(FILE *f, const dc_report_plan *rp, const dc_report_opts *o) {
  const dc_plan *p = rp->plan;
  int s = rp->scenario, y0 = dc_plan_y0(p), a, b;
  int n = dc_plan_y1(p) - y0 + 1;
  shown_years(p, o, &a, &b);
  const char *green = o->color ? "\033[32m" : "", *red = o->color ? "\033[31m" : "",
             *bold = o->color ? "\033[1m" : "", *yellow = o->color ? "\033[33m" : "",
             *off = o->color ? "\033[0m" : "";
  fprintf(f, "%s%s%s", bold, dc_plan_name(p), off);
  if (dc_plan_region(p)[0]) fprintf(f, " — %s", dc_plan_region(p));
  fprintf(f, " (%d-%d), scenario %s\n", y0, dc_plan_y1(p), dc_plan_scenario_name(p, s));
  if (rp->file) fprintf(f, "file: %s\n", rp->file);
  if (dc_plan_source(p)[0]) fprintf(f, "source: %s\n", dc_plan_source(p));

  /* columns: emissions, BAU, then every metric a target judges */
  int cols[MAXCOLS], nc = 0;
  dc_plan_metric_info mi;
  if (dc_plan_metric_at(p, DC_MET_EMISSIONS, &mi) == 0) {
    cols[nc++] = DC_MET_EMISSIONS;
    cols[nc++] = DC_MET_BAU;
  }
  for (size_t t = 0; t < dc_plan_ntargets(p) && nc < MAXCOLS; t++) {
    dc_plan_target_info ti;
    dc_plan_target_at(p, (int)t, &ti);
    int dup = 0;
    for (int c = 0; c < nc; c++) dup |= cols[c] == ti.metric;
    if (!dup) cols[nc++] = ti.metric;
  }
  if (nc) {
    dc_display disp[MAXCOLS];
    int width[MAXCOLS];
    char cell[96];
    for (int c = 0; c < nc; c++) {
      dc_plan_metric_at(p, cols[c], &mi);
      pick_disp(mi.dims, mi.disp, dc_plan_values(p, s, cols[c]), n, &disp[c]);
      int w = (int)strlen(mi.name), lw = (int)strlen(disp[c].label);
      if (lw > w) w = lw;
      for (int y = a; y <= b; y++) {
        dc_fmt_number(cell, sizeof cell, in_disp(dc_plan_values(p, s, cols[c])[y - y0], &disp[c]), 0);
        if ((int)strlen(cell) > w) w = (int)strlen(cell);
      }
      width[c] = w;
    }
    fprintf(f, "\n%-6s", "year");
    for (int c = 0; c < nc; c++) {
      dc_plan_metric_at(p, cols[c], &mi);
      fprintf(f, "  %*s", width[c], mi.name);
    }
    fprintf(f, "\n%-6s", "");
    for (int c = 0; c < nc; c++) fprintf(f, "  %*s", width[c], disp[c].label);
    fputc('\n', f);
    for (int y = a; y <= b; y++) {
      fprintf(f, "%-6d", y);
      for (int c = 0; c < nc; c++) {
        dc_fmt_number(cell, sizeof cell, in_disp(dc_plan_values(p, s, cols[c])[y - y0], &disp[c]), 0);
        fprintf(f, "  %*s", width[c], cell);
      }
      fputc('\n', f);
    }
  }

  size_t nt = dc_plan_ntargets(p);
  if (nt) fprintf(f, "\nTargets\n");
  for (size_t t = 0; t < nt; t++) {
    dc_plan_target_info ti;
    dc_target_result r;
    char v[400];
    dc_plan_target_at(p, (int)t, &ti);
    dc_plan_result(p, s, (int)t, &r);
    dc_report_verdict(v, sizeof v, p, s, (int)t, 0);
    fprintf(f, "  %s%s%s %s — %s", r.met ? green : red, r.met ? "✔" : "✘", off, ti.name, v);
    if (r.first_met != DC_PLAN_NOYEAR && (!r.met || r.first_met != r.deciding))
      fprintf(f, "; first met %d", r.first_met);
    fputc('\n', f);
  }

  /* wedges in the last shown year */
  const double *gapb = dc_plan_values(p, s, DC_MET_ABATEMENT);
  int header = 0;
  for (size_t m = 0; m < dc_plan_nmeasures(p); m++) {
    if (!dc_plan_measure_active(p, s, (int)m)) continue;
    dc_plan_measure_info me;
    dc_plan_measure_at(p, (int)m, &me);
    const double *w = dc_plan_wedge(p, s, (int)m);
    if (!w || !gapb) continue;
    if (!header) {
      dc_plan_metric_at(p, DC_MET_EMISSIONS, &mi);
      fprintf(f, "\nWedges in %d (share of the BAU-plan gap)\n", b);
      header = 1;
    }
    char val[128], pc[80];
    dc_display d;
    dc_plan_metric_at(p, DC_MET_EMISSIONS, &mi);
    pick_disp(mi.dims, mi.disp, gapb, n, &d);
    fmt_val(val, sizeof val, w[b - y0], &d, 0);
    fmt_pct(pc, sizeof pc, gapb[b - y0] != 0 ? w[b - y0] / gapb[b - y0] : NAN);
    fprintf(f, "  %-40s %16s  %7s\n", me.name, val, pc);
  }

  size_t nw = dc_plan_nwarnings(p, s);
  if (nw) fprintf(f, "\nWarnings\n");
  for (size_t i = 0; i < nw; i++) {
    char txt[400];
    dc_plan_warning_text(p, s, i, txt, sizeof txt);
    fprintf(f, "  %s!%s %s\n", yellow, off, txt);
  }

  /* sources: every input that carries one */
  header = 0;
  for (size_t i = DC_MET_NBUILTIN; i < dc_plan_nmetrics(p); i++) {
    dc_plan_metric_at(p, (int)i, &mi);
    if (!mi.source || strncmp(mi.name, "generation:", 11) == 0) continue;
    if (!header++) fprintf(f, "\nSources\n");
    fprintf(f, "  %s: %s\n", mi.name, mi.source);
  }
  for (size_t m = 0; m < dc_plan_nmeasures(p); m++) {
    dc_plan_measure_info me;
    dc_plan_measure_at(p, (int)m, &me);
    if (!me.source || !dc_plan_measure_active(p, s, (int)m)) continue;
    if (!header++) fprintf(f, "\nSources\n");
    fprintf(f, "  %s: %s\n", me.name, me.source);
  }
  for (size_t t = 0; t < nt; t++) {
    dc_plan_target_info ti;
    dc_plan_target_at(p, (int)t, &ti);
    if (!ti.source) continue;
    if (!header++) fprintf(f, "\nSources\n");
    fprintf(f, "  %s: %s\n", ti.name, ti.source);
  }
}

static void write_text(FILE *f, const dc_report_plan *plans, size_t n, const dc_report_opts *o) {
  for (size_t k = 0; k < n; k++) {
    if (k) fputc('\n', f);
    text_plan(f, &plans[k], o);
  }
  int met, total;
  dc_report_count(plans, n, &met, &total);
  fprintf(f, "\n%d of %d targets met\n", met, total);
}

/* ===================================================================== */
/* JSON                                                                   */
/* ===================================================================== */

static void json_str(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *c = (const unsigned char *)(s ? s : ""); *c; c++) {
    if (*c == '"' || *c == '\\') fprintf(f, "\\%c", *c);
    else if (*c == '\n') fputs("\\n", f);
    else if (*c == '\t') fputs("\\t", f);
    else if (*c < 0x20) fprintf(f, "\\u%04x", *c);
    else fputc(*c, f);
  }
  fputc('"', f);
}

static void json_num(FILE *f, double v) {
  char b[64];
  if (!isfinite(v)) {
    fputs("null", f);
    return;
  }
  dc_fmt_number(b, sizeof b, v, 12);
  fputs(b, f);
}

static void json_year(FILE *f, int y) {
  if (y == DC_PLAN_NOYEAR) fputs("null", f);
  else fprintf(f, "%d", y);
}

static void json_series(FILE *f, const double *v, int a, int b, int y0, const dc_display *d) {
  fputc('[', f);
  for (int y = a; y <= b; y++) {
    if (y > a) fputs(", ", f);
    json_num(f, v ? in_disp(v[y - y0], d) : NAN);
  }
  fputc(']', f);
}

static void json_plan(FILE *f, const dc_report_plan *rp, const dc_report_opts *o) {
  const dc_plan *p = rp->plan;
  int s = rp->scenario, y0 = dc_plan_y0(p), n = dc_plan_y1(p) - y0 + 1, a, b;
  shown_years(p, o, &a, &b);
  dc_plan_metric_info mi;
  fputs("    {\n      \"file\": ", f);
  json_str(f, rp->file);
  /* metrics: every metric with a unit, values by scenario */
  fputs(",\n      \"metrics\": [", f);
  int first = 1;
  for (size_t i = 0; i < dc_plan_nmetrics(p); i++) {
    if (dc_plan_metric_at(p, (int)i, &mi) != 0) continue;
    dc_display d;
    pick_disp(mi.dims, mi.disp, dc_plan_values(p, s, (int)i), n, &d);
    fprintf(f, "%s\n        {\"name\": ", first ? "" : ",");
    first = 0;
    json_str(f, mi.name);
    fputs(", \"source\": ", f);
    if (mi.source) json_str(f, mi.source);
    else fputs("null", f);
    fputs(", \"unit\": ", f);
    json_str(f, d.label);
    fputs(", \"values\": {", f);
    /* scenario names sorted, for deterministic keys */
    size_t ns = dc_plan_nscenarios(p);
    int done[64] = {0}, nd = 0;
    for (size_t k = 0; k < ns && k < 64; k++) {
      int best = -1;
      for (size_t j = 0; j < ns && j < 64; j++)
        if (!done[j] && dc_plan_evaluated(p, (int)j) &&
            (best < 0 || strcmp(dc_plan_scenario_name(p, (int)j), dc_plan_scenario_name(p, best)) < 0))
          best = (int)j;
      if (best < 0) break;
      done[best] = 1;
      fprintf(f, "%s", nd++ ? ", " : "");
      json_str(f, dc_plan_scenario_name(p, best));
      fputs(": ", f);
      json_series(f, dc_plan_values(p, best, (int)i), a, b, y0, &d);
    }
    fputs("}}", f);
  }
  fputs("\n      ],\n      \"name\": ", f);
  json_str(f, dc_plan_name(p));
  fputs(",\n      \"region\": ", f);
  json_str(f, dc_plan_region(p));
  fputs(",\n      \"scenario\": ", f);
  json_str(f, dc_plan_scenario_name(p, s));
  fputs(",\n      \"source\": ", f);
  json_str(f, dc_plan_source(p));
  int met = 0, total = (int)dc_plan_ntargets(p);
  fputs(",\n      \"targets\": [", f);
  for (int t = 0; t < total; t++) {
    dc_plan_target_info ti;
    dc_target_result r;
    dc_display d;
    char msg[400];
    dc_plan_target_at(p, t, &ti);
    dc_plan_result(p, s, t, &r);
    met += r.met;
    target_disp(p, s, t, &d);
    dc_report_verdict(msg, sizeof msg, p, s, t, 0);
    dc_plan_metric_at(p, ti.metric, &mi);
    int dy = r.deciding == DC_PLAN_NOYEAR ? -1 : r.deciding - y0;
    fprintf(f, "%s\n        {\"deciding_year\": ", t ? "," : "");
    json_year(f, r.deciding);
    fputs(", \"first_failed\": ", f);
    json_year(f, r.first_failed);
    fputs(", \"first_met\": ", f);
    json_year(f, r.first_met);
    fputs(", \"kind\": ", f);
    json_str(f, ti.kind_name);
    fputs(", \"margin\": ", f);
    json_num(f, dy >= 0 ? r.margin[dy] / d.scale : NAN);
    fputs(", \"margin_rel\": ", f);
    json_num(f, dy >= 0 ? r.margin_rel[dy] : NAN);
    fprintf(f, ", \"message\": ");
    json_str(f, msg);
    fprintf(f, ", \"met\": %s, \"metric\": ", r.met ? "true" : "false");
    json_str(f, mi.name);
    fputs(", \"name\": ", f);
    json_str(f, ti.name);
    fputs(", \"source\": ", f);
    if (ti.source) json_str(f, ti.source);
    else fputs("null", f);
    fputs(", \"unit\": ", f);
    json_str(f, d.label);
    fputs(",\n         \"years\": [", f);
    for (int y = a; y <= b; y++) {
      int i = y - y0;
      fprintf(f, "%s\n           {\"bound\": ", y > a ? "," : "");
      json_num(f, in_disp(r.bound[i], &d));
      fputs(", \"margin\": ", f);
      json_num(f, r.margin[i] / d.scale);
      fputs(", \"margin_rel\": ", f);
      json_num(f, r.margin_rel[i]);
      fputs(", \"status\": ", f);
      json_str(f, r.status[i] == DC_ST_NONE ? "none" : dc_status_name((enum dc_status)r.status[i]));
      fputs(", \"value\": ", f);
      json_num(f, in_disp(r.value[i], &d));
      fprintf(f, ", \"year\": %d}", y);
    }
    fputs("]}", f);
  }
  fprintf(f, "%s],\n      \"targets_met\": %d,\n      \"targets_total\": %d,\n", total ? "\n      " : "", met, total);
  /* wedges */
  dc_display ed = {.scale = 1};
  int have_emis = dc_plan_metric_at(p, DC_MET_EMISSIONS, &mi) == 0;
  const double *gap = dc_plan_values(p, s, DC_MET_ABATEMENT);
  if (have_emis) pick_disp(mi.dims, mi.disp, gap, n, &ed);
  size_t nw = dc_plan_nwarnings(p, s);
  fputs("      \"warnings\": [", f);
  for (size_t i = 0; i < nw; i++) {
    dc_plan_warning w;
    char txt[400];
    dc_plan_warning_at(p, s, i, &w);
    dc_plan_warning_text(p, s, i, txt, sizeof txt);
    fprintf(f, "%s\n        {\"from\": %d, \"message\": ", i ? "," : "", w.ylo);
    json_str(f, txt);
    fputs(", \"sector\": ", f);
    json_str(f, w.sector);
    fprintf(f, ", \"to\": %d, \"worst\": ", w.yhi);
    json_num(f, have_emis ? w.worst / ed.scale : w.worst);
    fputc('}', f);
  }
  fprintf(f, "%s],\n      \"wedges\": [", nw ? "\n      " : "");
  first = 1;
  for (size_t m = 0; have_emis && m < dc_plan_nmeasures(p); m++) {
    if (!dc_plan_measure_active(p, s, (int)m)) continue;
    dc_plan_measure_info me;
    dc_plan_measure_at(p, (int)m, &me);
    const double *w = dc_plan_wedge(p, s, (int)m);
    fprintf(f, "%s\n        {\"abatement\": ", first ? "" : ",");
    first = 0;
    json_series(f, w, a, b, y0, &(dc_display){.scale = ed.scale});
    fputs(", \"measure\": ", f);
    json_str(f, me.name);
    fputs(", \"sector\": ", f);
    if (me.sector) json_str(f, me.sector);
    else fputs("null", f);
    fputs(", \"share\": [", f);
    for (int y = a; y <= b; y++) {
      if (y > a) fputs(", ", f);
      json_num(f, gap[y - y0] != 0 ? w[y - y0] / gap[y - y0] : NAN);
    }
    fputs("], \"source\": ", f);
    if (me.source) json_str(f, me.source);
    else fputs("null", f);
    fputs(", \"unit\": ", f);
    json_str(f, ed.label);
    fputc('}', f);
  }
  fprintf(f, "%s],\n      \"years\": [%d, %d],\n      \"years_shown\": [%d, %d]\n    }",
          first ? "" : "\n      ", y0, dc_plan_y1(p), a, b);
}

static void write_json(FILE *f, const dc_report_plan *plans, size_t n, const dc_report_opts *o) {
  int met, total;
  dc_report_count(plans, n, &met, &total);
  fputs("{\n  \"plans\": [\n", f);
  for (size_t k = 0; k < n; k++) {
    json_plan(f, &plans[k], o);
    fputs(k + 1 < n ? ",\n" : "\n", f);
  }
  fprintf(f, "  ],\n  \"schema\": \"decarb-check\",\n  \"summary\": {\"met\": %d, \"missed\": %d, "
             "\"plans\": %zu, \"targets\": %d},\n  \"version\": %d\n}\n",
          met, total - met, n, total, DC_REPORT_JSON_VERSION);
}

/* ===================================================================== */
/* CSV                                                                    */
/* ===================================================================== */

static void csv_field(FILE *f, const char *s) {
  if (!strpbrk(s, ",\"\n\r")) {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s, f);
  }
  fputc('"', f);
}

static void write_csv(FILE *f, const dc_report_plan *plans, size_t n, const dc_report_opts *o) {
  fputs("plan,scenario,year,metric,value,unit\n", f);
  for (size_t k = 0; k < n; k++) {
    const dc_plan *p = plans[k].plan;
    int y0 = dc_plan_y0(p), ny = dc_plan_y1(p) - y0 + 1, a, b;
    shown_years(p, o, &a, &b);
    size_t nm = dc_plan_nmetrics(p);
    for (size_t s = 0; s < dc_plan_nscenarios(p); s++) {
      if (!dc_plan_evaluated(p, (int)s)) continue;
      for (int y = a; y <= b; y++)
        for (size_t i = 0; i < nm; i++) {
          dc_plan_metric_info mi;
          dc_display d;
          char num[64];
          if (dc_plan_metric_at(p, (int)i, &mi) != 0) continue;
          /* one unit per metric: chosen on the judged scenario */
          pick_disp(mi.dims, mi.disp, dc_plan_values(p, plans[k].scenario, (int)i), ny, &d);
          const double *v = dc_plan_values(p, (int)s, (int)i);
          if (!v) continue;
          csv_field(f, dc_plan_name(p));
          fputc(',', f);
          csv_field(f, dc_plan_scenario_name(p, (int)s));
          fprintf(f, ",%d,", y);
          csv_field(f, mi.name);
          if (isfinite(v[y - y0])) dc_fmt_number(num, sizeof num, in_disp(v[y - y0], &d), 12);
          else num[0] = '\0';
          fprintf(f, ",%s,", num);
          csv_field(f, d.label);
          fputc('\n', f);
        }
    }
  }
}

/* ===================================================================== */
/* TAP and JUnit                                                          */
/* ===================================================================== */

static void tap_text(FILE *f, const char *s) {
  for (; *s; s++) {
    if (*s == '#') fputc('\\', f);
    fputc(*s == '\n' ? ' ' : *s, f);
  }
}

static void write_tap(FILE *f, const dc_report_plan *plans, size_t n) {
  int met, total, k = 0;
  dc_report_count(plans, n, &met, &total);
  fprintf(f, "TAP version 13\n1..%d\n", total);
  for (size_t i = 0; i < n; i++) {
    const dc_plan *p = plans[i].plan;
    int s = plans[i].scenario;
    for (size_t w = 0; w < dc_plan_nwarnings(p, s); w++) {
      char txt[400];
      dc_plan_warning_text(p, s, w, txt, sizeof txt);
      fprintf(f, "# warning: %s\n", txt);
    }
    for (size_t t = 0; t < dc_plan_ntargets(p); t++) {
      dc_plan_target_info ti;
      dc_target_result r;
      char v[400];
      dc_plan_target_at(p, (int)t, &ti);
      dc_plan_result(p, s, (int)t, &r);
      dc_report_verdict(v, sizeof v, p, s, (int)t, 1);
      fprintf(f, "%s %d - ", r.met ? "ok" : "not ok", ++k);
      tap_text(f, dc_plan_name(p));
      fputs(": ", f);
      tap_text(f, ti.name);
      fputc('\n', f);
      fprintf(f, "# %s\n", v);
    }
  }
}

static void xml_text(FILE *f, const char *s) {
  for (; s && *s; s++) {
    switch (*s) {
    case '<': fputs("&lt;", f); break;
    case '>': fputs("&gt;", f); break;
    case '&': fputs("&amp;", f); break;
    case '"': fputs("&quot;", f); break;
    case '\'': fputs("&apos;", f); break;
    default:
      if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t') fputc(' ', f);
      else fputc(*s, f);
    }
  }
}

static void write_junit(FILE *f, const dc_report_plan *plans, size_t n) {
  int met, total;
  dc_report_count(plans, n, &met, &total);
  fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<testsuites name=\"decarb check\" tests=\"%d\" failures=\"%d\" errors=\"0\">\n",
          total, total - met);
  for (size_t i = 0; i < n; i++) {
    const dc_plan *p = plans[i].plan;
    int s = plans[i].scenario, pm, pt;
    dc_report_count(&plans[i], 1, &pm, &pt);
    fputs("  <testsuite name=\"", f);
    xml_text(f, dc_plan_name(p));
    fprintf(f, "\" tests=\"%d\" failures=\"%d\" errors=\"0\"", pt, pt - pm);
    if (plans[i].file) {
      fputs(" file=\"", f);
      xml_text(f, plans[i].file);
      fputc('"', f);
    }
    fputs(">\n", f);
    for (size_t t = 0; t < dc_plan_ntargets(p); t++) {
      dc_plan_target_info ti;
      dc_target_result r;
      char v[400];
      dc_plan_target_at(p, (int)t, &ti);
      dc_plan_result(p, s, (int)t, &r);
      dc_report_verdict(v, sizeof v, p, s, (int)t, 1);
      fputs("    <testcase classname=\"", f);
      xml_text(f, dc_plan_name(p));
      fputs("\" name=\"", f);
      xml_text(f, ti.name);
      if (r.met) {
        fputs("\"/>\n", f);
        continue;
      }
      fputs("\">\n      <failure message=\"", f);
      xml_text(f, v);
      fprintf(f, "\" type=\"%s\">", ti.kind_name);
      xml_text(f, ti.name);
      fputs(": ", f);
      xml_text(f, v);
      fputs("</failure>\n    </testcase>\n", f);
    }
    size_t nw = dc_plan_nwarnings(p, s);
    if (nw) {
      fputs("    <system-err>", f);
      for (size_t w = 0; w < nw; w++) {
        char txt[400];
        dc_plan_warning_text(p, s, w, txt, sizeof txt);
        fputs("warning: ", f);
        xml_text(f, txt);
        fputc('\n', f);
      }
      fputs("</system-err>\n", f);
    }
    fputs("  </testsuite>\n", f);
  }
  fputs("</testsuites>\n", f);
}

int dc_report_write(FILE *out, const dc_report_plan *plans, size_t n, const dc_report_opts *o) {
  switch (o->format) {
  case DC_REPORT_TEXT: write_text(out, plans, n, o); break;
  case DC_REPORT_JSON: write_json(out, plans, n, o); break;
  case DC_REPORT_CSV: write_csv(out, plans, n, o); break;
  case DC_REPORT_TAP: write_tap(out, plans, n); break;
  case DC_REPORT_JUNIT: write_junit(out, plans, n); break;
  }
  return ferror(out) ? -1 : 0;
}
