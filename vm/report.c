/* report.c — the report writers of `decarb check` (see report.h): a text
 * table with verdicts, versioned JSON, long CSV, TAP and JUnit. They read
 * evaluated plans through plan.h only; no Lua, no locale, colour only when
 * asked. Every number goes through dc_fmt_number / dc_units_format. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
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
    /* a plain number given as unit "1" shows no unit, like any other */
    if (dc_dims_none(dims) && strcmp(out->label, "1") == 0) out->label[0] = '\0';
    return;
  }
  double mx = 0;
  for (int i = 0; v && i < n; i++)
    if (isfinite(v[i]) && fabs(v[i]) > mx) mx = fabs(v[i]);
  char buf[128];
  dc_units_format(buf, sizeof buf, mx ? mx : 1, dims, disp); /* CO2 or CO2e */
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

/* The display of a difference of values shown in d (a margin): no offset,
 * and percentage points where the values are percentages. */
static dc_display diff_disp(const dc_display *d) {
  dc_display z = *d;
  z.offset = 0;
  if (strcmp(z.label, "%") == 0) snprintf(z.label, sizeof z.label, "pp");
  return z;
}

static size_t fmt_diff(char *buf, size_t size, double si, const dc_display *d) {
  dc_display z = diff_disp(d);
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

/* Target t of plan p as judged in scenario s: description, verdict and the
 * verdict as a sentence (ascii: <= >= instead of ≤ ≥). */
typedef struct target_view {
  dc_plan_target_info ti;
  dc_target_result r;
  char verdict[400];
} target_view;

static void view_target(const dc_plan *p, int s, int t, int ascii, target_view *v) {
  dc_plan_target_at(p, t, &v->ti);
  dc_plan_result(p, s, t, &v->r);
  dc_report_verdict(v->verdict, sizeof v->verdict, p, s, t, ascii);
}

/* The measures that run in scenario s in report order (the same in every
 * scenario); free() the list. NULL with *k = 0 when there are none. */
static int *measure_order(const dc_plan *p, int s, size_t *k) {
  size_t nm = dc_plan_nmeasures(p);
  int *order = nm ? malloc(nm * sizeof *order) : NULL;
  *k = order ? dc_plan_measure_order(p, s, order) : 0;
  return order;
}

/* Writes each warning of scenario s as `before`, the sentence (through put)
 * and a newline. */
static void put_warnings(FILE *f, const dc_plan *p, int s, const char *before,
                         void (*put)(FILE *, const char *)) {
  for (size_t i = 0; i < dc_plan_nwarnings(p, s); i++) {
    char txt[400];
    dc_plan_warning_text(p, s, i, txt, sizeof txt);
    fputs(before, f);
    put(f, txt);
    fputc('\n', f);
  }
}

static void put_plain(FILE *f, const char *s) { fputs(s, f); }

/* ===================================================================== */
/* text                                                                   */
/* ===================================================================== */

#define MAXCOLS 12

/* Columns a UTF-8 string takes on a terminal: one a character, two for the
 * wide East Asian ones (CJK, Hangul, full-width forms). */
static int text_width(const char *s) {
  int w = 0;
  for (const unsigned char *c = (const unsigned char *)s; *c;) {
    unsigned cp = *c;
    int len = cp < 0x80 ? 1 : cp >= 0xf0 ? 4 : cp >= 0xe0 ? 3 : cp >= 0xc0 ? 2 : 1;
    if (len > 1) cp &= 0x3fu >> (len - 1);
    for (int i = 1; i < len && c[i]; i++) cp = cp << 6 | (c[i] & 0x3fu);
    for (int i = 0; i < len && *c; i++) c++;
    int wide = (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
               (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
               (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
               (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

/* s padded with spaces to `width` columns: on the left (right-aligned) or on
 * the right (left-aligned). */
static void put_padded(FILE *f, const char *s, int width, int right) {
  int pad = width - text_width(s);
  if (!right) fputs(s, f);
  for (; pad > 0; pad--) fputc(' ', f);
  if (right) fputs(s, f);
}

static int max_int(int a, int b) { return a > b ? a : b; }

static void text_title(FILE *f, const dc_report_plan *rp, const char *bold, const char *off) {
  const dc_plan *p = rp->plan;
  fprintf(f, "%s%s%s", bold, dc_plan_name(p), off);
  if (dc_plan_region(p)[0]) fprintf(f, " — %s", dc_plan_region(p));
  fprintf(f, " (%d-%d), scenario %s\n", dc_plan_y0(p), dc_plan_y1(p), dc_plan_scenario_name(p, rp->scenario));
  if (rp->file) fprintf(f, "file: %s\n", rp->file);
  if (dc_plan_source(p)[0]) fprintf(f, "source: %s\n", dc_plan_source(p));
}

/* The year table: emissions, BAU, then every metric a target judges. */
static void text_table(FILE *f, const dc_plan *p, int s, int a, int b) {
  int y0 = dc_plan_y0(p), n = dc_plan_y1(p) - y0 + 1;
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
  if (!nc) return;
  dc_display disp[MAXCOLS];
  int width[MAXCOLS];
  char cell[96];
  for (int c = 0; c < nc; c++) {
    const double *v = dc_plan_values(p, s, cols[c]);
    dc_plan_metric_at(p, cols[c], &mi);
    pick_disp(mi.dims, mi.disp, v, n, &disp[c]);
    width[c] = max_int(text_width(mi.name), text_width(disp[c].label));
    for (int y = a; y <= b; y++) {
      dc_fmt_number(cell, sizeof cell, in_disp(v[y - y0], &disp[c]), 0);
      width[c] = max_int(width[c], text_width(cell));
    }
  }
  fprintf(f, "\n%-6s", "year");
  for (int c = 0; c < nc; c++) {
    dc_plan_metric_at(p, cols[c], &mi);
    fputs("  ", f);
    put_padded(f, mi.name, width[c], 1);
  }
  /* the units under the names; none after the last column that has one */
  int last = -1;
  for (int c = 0; c < nc; c++)
    if (disp[c].label[0]) last = c;
  fputc('\n', f);
  if (last >= 0) {
    fprintf(f, "%-6s", "");
    for (int c = 0; c <= last; c++) {
      fputs("  ", f);
      put_padded(f, disp[c].label, width[c], 1);
    }
    fputc('\n', f);
  }
  for (int y = a; y <= b; y++) {
    fprintf(f, "%-6d", y);
    for (int c = 0; c < nc; c++) {
      dc_fmt_number(cell, sizeof cell, in_disp(dc_plan_values(p, s, cols[c])[y - y0], &disp[c]), 0);
      fputs("  ", f);
      put_padded(f, cell, width[c], 1);
    }
    fputc('\n', f);
  }
}

/* The wedges of the last shown year b: each measure's abatement and its
 * share of the BAU-plan gap, in the same order in every scenario. None
 * without sectors, or when the gap is zero in every shown year. */
static void text_wedges(FILE *f, const dc_plan *p, int s, int a, int b) {
  int y0 = dc_plan_y0(p), n = dc_plan_y1(p) - y0 + 1;
  const double *gap = dc_plan_values(p, s, DC_MET_ABATEMENT);
  dc_plan_metric_info mi;
  if (!dc_plan_nsectors(p) || !gap || dc_plan_metric_at(p, DC_MET_EMISSIONS, &mi) != 0) return;
  int open = 0;
  for (int y = a; y <= b; y++) open |= gap[y - y0] != 0;
  size_t k;
  int *order = open ? measure_order(p, s, &k) : NULL;
  if (!order) return;
  dc_display d;
  pick_disp(mi.dims, mi.disp, gap, n, &d);
  int wn = 0, wv = 0, wp = 0;
  for (int pass = 0; pass < 2; pass++) {
    if (pass) fprintf(f, "\nWedges in %d (share of the BAU-plan gap)\n", b);
    for (size_t j = 0; j < k; j++) {
      dc_plan_measure_info me;
      char val[128], pc[80];
      const double *w = dc_plan_wedge(p, s, order[j]);
      dc_plan_measure_at(p, order[j], &me);
      fmt_val(val, sizeof val, w[b - y0], &d, 0);
      fmt_pct(pc, sizeof pc, gap[b - y0] != 0 ? w[b - y0] / gap[b - y0] : NAN);
      if (!pass) {
        wn = max_int(wn, text_width(me.name));
        wv = max_int(wv, text_width(val));
        wp = max_int(wp, text_width(pc));
        continue;
      }
      fputs("  ", f);
      put_padded(f, me.name, wn, 0);
      fputs("  ", f);
      put_padded(f, val, wv, 1);
      fputs("  ", f);
      put_padded(f, pc, wp, 1);
      fputc('\n', f);
    }
  }
  free(order);
}

/* One line of the Sources list; the title before the first. */
static void source_line(FILE *f, int *lines, const char *name, const char *source) {
  if (!(*lines)++) fputs("\nSources\n", f);
  fprintf(f, "  %s: %s\n", name, source);
}

/* Sources: every input that carries one (metrics, then measures in report
 * order, then targets). */
static void text_sources(FILE *f, const dc_plan *p, int s) {
  int lines = 0;
  for (size_t i = DC_MET_NBUILTIN; i < dc_plan_nmetrics(p); i++) {
    dc_plan_metric_info mi;
    dc_plan_metric_at(p, (int)i, &mi);
    if (mi.source && strncmp(mi.name, "generation:", 11) != 0) source_line(f, &lines, mi.name, mi.source);
  }
  size_t k;
  int *order = measure_order(p, s, &k);
  for (size_t j = 0; j < k; j++) {
    dc_plan_measure_info me;
    dc_plan_measure_at(p, order[j], &me);
    if (me.source) source_line(f, &lines, me.name, me.source);
  }
  free(order);
  for (size_t t = 0; t < dc_plan_ntargets(p); t++) {
    dc_plan_target_info ti;
    dc_plan_target_at(p, (int)t, &ti);
    if (ti.source) source_line(f, &lines, ti.name, ti.source);
  }
}

static void text_plan(FILE *f, const dc_report_plan *rp, const dc_report_opts *o) {
  const dc_plan *p = rp->plan;
  int s = rp->scenario, a, b;
  shown_years(p, o, &a, &b);
  const char *green = o->color ? "\033[32m" : "", *red = o->color ? "\033[31m" : "",
             *bold = o->color ? "\033[1m" : "", *yellow = o->color ? "\033[33m" : "",
             *off = o->color ? "\033[0m" : "";
  text_title(f, rp, bold, off);
  text_table(f, p, s, a, b);

  size_t nt = dc_plan_ntargets(p);
  if (nt) fprintf(f, "\nTargets\n");
  for (size_t t = 0; t < nt; t++) {
    target_view v;
    view_target(p, s, (int)t, 0, &v);
    fprintf(f, "  %s%s%s %s — %s", v.r.met ? green : red, v.r.met ? "✔" : "✘", off, v.ti.name, v.verdict);
    if (v.r.first_met != DC_PLAN_NOYEAR && (!v.r.met || v.r.first_met != v.r.deciding))
      fprintf(f, "; first met %d", v.r.first_met);
    fputc('\n', f);
  }

  text_wedges(f, p, s, a, b);

  if (dc_plan_nwarnings(p, s)) {
    char before[40];
    snprintf(before, sizeof before, "  %s!%s ", yellow, off);
    fprintf(f, "\nWarnings\n");
    put_warnings(f, p, s, before, put_plain);
  }
  text_sources(f, p, s);
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

static void json_str_or_null(FILE *f, const char *s) {
  if (s) json_str(f, s);
  else fputs("null", f);
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
    json_str_or_null(f, mi.source);
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
    target_view v;
    dc_display d;
    view_target(p, s, t, 0, &v);
    const dc_plan_target_info *ti = &v.ti;
    const dc_target_result *r = &v.r;
    met += r->met;
    target_disp(p, s, t, &d);
    dc_plan_metric_at(p, ti->metric, &mi);
    int dy = r->deciding == DC_PLAN_NOYEAR ? -1 : r->deciding - y0;
    fprintf(f, "%s\n        {\"deciding_year\": ", t ? "," : "");
    json_year(f, r->deciding);
    fputs(", \"first_failed\": ", f);
    json_year(f, r->first_failed);
    fputs(", \"first_met\": ", f);
    json_year(f, r->first_met);
    fputs(", \"kind\": ", f);
    json_str(f, ti->kind_name);
    fputs(", \"margin\": ", f);
    json_num(f, dy >= 0 ? r->margin[dy] / d.scale : NAN);
    fputs(", \"margin_rel\": ", f);
    json_num(f, dy >= 0 ? r->margin_rel[dy] : NAN);
    fputs(", \"margin_unit\": ", f);
    json_str(f, diff_disp(&d).label);
    fputs(", \"message\": ", f);
    json_str(f, v.verdict);
    fprintf(f, ", \"met\": %s, \"metric\": ", r->met ? "true" : "false");
    json_str(f, mi.name);
    fputs(", \"name\": ", f);
    json_str(f, ti->name);
    fputs(", \"source\": ", f);
    json_str_or_null(f, ti->source);
    fputs(", \"unit\": ", f);
    json_str(f, d.label);
    fputs(",\n         \"years\": [", f);
    for (int y = a; y <= b; y++) {
      int i = y - y0;
      fprintf(f, "%s\n           {\"bound\": ", y > a ? "," : "");
      json_num(f, in_disp(r->bound[i], &d));
      fputs(", \"margin\": ", f);
      json_num(f, r->margin[i] / d.scale);
      fputs(", \"margin_rel\": ", f);
      json_num(f, r->margin_rel[i]);
      fputs(", \"status\": ", f);
      json_str(f, r->status[i] == DC_ST_NONE ? "none" : dc_status_name((enum dc_status)r->status[i]));
      fputs(", \"value\": ", f);
      json_num(f, in_disp(r->value[i], &d));
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
  size_t nwedge = 0;
  int *order = have_emis ? measure_order(p, s, &nwedge) : NULL;
  for (size_t j = 0; j < nwedge; j++) {
    dc_plan_measure_info me;
    dc_plan_measure_at(p, order[j], &me);
    const double *w = dc_plan_wedge(p, s, order[j]);
    fprintf(f, "%s\n        {\"abatement\": ", j ? "," : "");
    json_series(f, w, a, b, y0, &(dc_display){.scale = ed.scale});
    fputs(", \"measure\": ", f);
    json_str(f, me.name);
    fputs(", \"sector\": ", f);
    json_str_or_null(f, me.sector);
    fputs(", \"share\": [", f);
    for (int y = a; y <= b; y++) {
      if (y > a) fputs(", ", f);
      json_num(f, gap[y - y0] != 0 ? w[y - y0] / gap[y - y0] : NAN);
    }
    fputs("], \"source\": ", f);
    json_str_or_null(f, me.source);
    fputs(", \"unit\": ", f);
    json_str(f, ed.label);
    fputc('}', f);
  }
  free(order);
  fprintf(f, "%s],\n      \"years\": [%d, %d],\n      \"years_shown\": [%d, %d]\n    }",
          nwedge ? "\n      " : "", y0, dc_plan_y1(p), a, b);
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
    put_warnings(f, p, s, "# warning: ", tap_text);
    for (size_t t = 0; t < dc_plan_ntargets(p); t++) {
      target_view v;
      view_target(p, s, (int)t, 1, &v);
      fprintf(f, "%s %d - ", v.r.met ? "ok" : "not ok", ++k);
      tap_text(f, dc_plan_name(p));
      fputs(": ", f);
      tap_text(f, v.ti.name);
      fprintf(f, "\n# %s\n", v.verdict);
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
      target_view v;
      view_target(p, s, (int)t, 1, &v);
      fputs("    <testcase classname=\"", f);
      xml_text(f, dc_plan_name(p));
      fputs("\" name=\"", f);
      xml_text(f, v.ti.name);
      if (v.r.met) {
        fputs("\"/>\n", f);
        continue;
      }
      fputs("\">\n      <failure message=\"", f);
      xml_text(f, v.verdict);
      fprintf(f, "\" type=\"%s\">", v.ti.kind_name);
      xml_text(f, v.ti.name);
      fputs(": ", f);
      xml_text(f, v.verdict);
      fputs("</failure>\n    </testcase>\n", f);
    }
    if (dc_plan_nwarnings(p, s)) {
      fputs("    <system-err>", f);
      put_warnings(f, p, s, "warning: ", xml_text);
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
