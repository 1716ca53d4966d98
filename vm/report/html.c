/* html.c — the HTML report: one self-contained page (no script, no font,
 * no stylesheet or image from elsewhere: it opens offline and prints on A4
 * or Letter). Per plan: the headline, the emissions chart, the wedge chart,
 * one small chart per target with its verdict in words, colour and shape,
 * the year table, the verdicts, the wedges, warnings and sources, as in the
 * text report. Charts are inline SVG (charts.c); the same result gives the
 * same bytes. docs/report-format.md says what each chart shows. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"
#include "fmt.h"
#include "report_int.h"

#define MAXCOLS 12

/* Okabe & Ito's green and vermilion, darkened for text on white (contrast
 * above 4.5:1); the charts use the colours themselves. */
static const char page_css[] =
    "body{font-family:'Noto Sans','DejaVu Sans',Arial,'Noto Sans CJK SC','Source Han Sans SC','PingFang SC',"
    "'Hiragino Sans GB','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif;color:#111;background:#fff;"
    "margin:24px auto;max-width:1120px;padding:0 16px;line-height:1.45}\n"
    "h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.3em;margin:1.6em 0 .3em;border-bottom:2px solid #111}"
    "h3{font-size:1.05em;margin:1.2em 0 .4em}\n"
    ".summary,.headline{font-size:1.15em;font-weight:bold}.meta{margin:.2em 0;color:#333}\n"
    ".met{color:#00664a}.missed{color:#b34700}.none{color:#555;font-style:italic}\n"
    "figure{margin:.6em 0;break-inside:avoid;page-break-inside:avoid}"
    "figcaption{font-size:.9em;margin:.2em 0 .4em}\n"
    "svg.dc-chart{max-width:100%;height:auto;display:block}\n"
    ".targets{display:flex;flex-wrap:wrap;gap:16px}.targets figure{width:360px;max-width:100%}\n"
    ".table-wrap{overflow-x:auto}table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:.9em}"
    "th,td{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right;vertical-align:bottom}"
    "th:first-child,td:first-child{text-align:left}thead th{font-weight:600}.unit{font-weight:normal;color:#555}\n"
    "ul{padding-left:1.4em}li{margin:.15em 0}\n"
    "@media print{@page{margin:12mm}body{margin:0;max-width:none;padding:0;font-size:9.5pt}"
    ".plan+.plan{break-before:page;page-break-before:always}.table-wrap{overflow:visible}"
    "table{font-size:8pt}thead{display:table-header-group}tr{break-inside:avoid}"
    ".targets figure{width:48%}h2,h3{break-after:avoid;page-break-after:avoid}}\n";

typedef struct page {
  dc_chart_buf b;
  int err; /* a chart failed: DC_CHART_ENOMEM */
} page;

static void put(page *p, const char *s) { dc_chart_buf_puts(&p->b, s); }
static void esc(page *p, const char *s) { dc_chart_buf_xml(&p->b, s); }

/* Appends a chart; on DC_RC_NONE writes `none` instead (NULL: nothing). */
static int put_chart(page *p, int rc_draw, const char *none) {
  if (rc_draw == DC_RC_NONE) {
    if (none) {
      put(p, "<p class=\"none\">");
      esc(p, none);
      put(p, "</p>\n");
    }
    return 0;
  }
  if (rc_draw != DC_CHART_OK) p->err = 1;
  return rc_draw == DC_CHART_OK;
}

static void html_headline(page *p, const dc_result *r) {
  put(p, "<h2>");
  esc(p, r->name);
  if (r->region[0]) {
    put(p, " — ");
    esc(p, r->region);
  }
  put(p, "</h2>\n");
  dc_chart_buf_printf(&p->b, "<p class=\"headline %s\">%s %d of %zu targets met</p>\n",
                      (size_t)r->met == r->ntargets ? "met" : "missed", (size_t)r->met == r->ntargets ? "✔" : "✘",
                      r->met, r->ntargets);
  dc_chart_buf_printf(&p->b, "<p class=\"meta\">years %d–%d, targets judged in scenario ", r->y0, r->y1);
  esc(p, r->scenario_names[r->scenario]);
  put(p, "</p>\n");
  if (r->file) {
    put(p, "<p class=\"meta\">file: <code>");
    esc(p, r->file);
    put(p, "</code></p>\n");
  }
  if (r->source[0]) {
    put(p, "<p class=\"meta\">source: ");
    esc(p, r->source);
    put(p, "</p>\n");
  }
}

static void html_charts(page *p, const dc_result *r, int k, int a, int b) {
  char id[64];
  dc_rc_opts o = {a, b, NULL, 0, 0, id, 720, 320};
  put(p, "<h3>Emissions</h3>\n");
  snprintf(id, sizeof id, "p%d-emissions", k);
  size_t at = p->b.len;
  put(p, "<figure class=\"chart chart-emissions\">\n");
  if (put_chart(p, dc_rc_metric(&p->b, r, DC_MET_EMISSIONS, &o), NULL))
    put(p, r->has_mc ? "<figcaption>BAU dashed, then every scenario; a target's bound is a dashed black rule "
                       "where it is due; a ring marks a year met, a cross a year missed; the shaded bands are "
                       "the Monte Carlo's 5-95 % (light) and 25-75 % (dark) of the judged scenario.</figcaption>\n"
                       "</figure>\n"
                     : "<figcaption>BAU dashed, then every scenario; a target's bound is a dashed black rule where it "
                       "is due; a ring marks a year met, a cross a year missed.</figcaption>\n</figure>\n");
  else {
    p->b.len = at; /* no figure */
    p->b.data[at] = '\0';
    put(p, "<p class=\"none\">No emissions chart: this plan has no sectors.</p>\n");
  }
  if (dc_rc_has_wedges(r)) {
    put(p, "<h3>Wedges</h3>\n<figure class=\"chart chart-wedges\">\n");
    snprintf(id, sizeof id, "p%d-wedges", k);
    put_chart(p, dc_rc_wedges(&p->b, r, &o), NULL);
    put(p, "<figcaption>Each measure's abatement stacked on the plan's emissions (grey), up to BAU "
           "(dashed).</figcaption>\n</figure>\n");
  }
  if (!r->ntargets) return;
  put(p, "<h3>Targets</h3>\n<div class=\"targets\">\n");
  o.width = 360;
  o.height = 200;
  for (size_t t = 0; t < r->ntargets; t++) {
    const dc_result_target *x = &r->targets[t];
    const char *cls = !x->evaluated ? "none" : x->met ? "met" : "missed";
    char verdict[400];
    dc_report_verdict(verdict, sizeof verdict, r, (int)t, 0);
    dc_chart_buf_printf(&p->b, "<figure class=\"chart chart-target %s\" data-target=\"", cls);
    esc(p, x->name);
    dc_chart_buf_printf(&p->b, "\" data-met=\"%s\">\n<figcaption><strong class=\"verdict %s\">%s</strong> ",
                        x->met ? "true" : "false", cls,
                        !x->evaluated ? "— not evaluated" : x->met ? "✔ met" : "✘ missed");
    esc(p, x->name);
    put(p, "<br/>");
    esc(p, verdict);
    if (x->evaluated && x->first_met != DC_PLAN_NOYEAR && (!x->met || x->first_met != x->deciding))
      dc_chart_buf_printf(&p->b, "; first met %d", x->first_met);
    if (r->has_mc && x->mc_samples) /* the Monte Carlo's chance, in words and as data */
      dc_chart_buf_printf(&p->b,
                          "<br/><span class=\"p-met\" data-p-met=\"%.17g\">P(met) %.1f %% "
                          "(95 %% interval %.1f-%.1f %%, %llu samples)</span>",
                          x->p_met, 100 * x->p_met, 100 * x->p_met_lo, 100 * x->p_met_hi, x->mc_samples);
    put(p, "</figcaption>\n");
    snprintf(id, sizeof id, "p%d-t%zu", k, t + 1);
    put_chart(p, dc_rc_target(&p->b, r, (int)t, &o), NULL);
    put(p, "</figure>\n");
  }
  put(p, "</div>\n");
}

static void put_num(page *p, double v) {
  char cell[96];
  dc_fmt_number(cell, sizeof cell, v, 0);
  esc(p, cell);
}

/* The year table: emissions, BAU, then every metric a target judges (the
 * text report's columns), in the judged scenario. */
static void html_table(page *p, const dc_result *r, int a, int b) {
  int s = r->scenario, y0 = r->y0, n = r->y1 - y0 + 1;
  int cols[MAXCOLS], nc = dc_rc_table_columns(r, cols, MAXCOLS);
  if (!nc) return;
  dc_display disp[MAXCOLS];
  put(p, "<h3>Year by year</h3>\n<div class=\"table-wrap\"><table class=\"years\">\n<thead><tr><th>year</th>");
  for (int c = 0; c < nc; c++) {
    const dc_result_metric *m = &r->metrics[cols[c]];
    dc_rep_pick_disp(m->dims, m->has_disp, &m->disp, dc_result_values(r, s, cols[c]), n, &disp[c]);
    put(p, "<th>");
    esc(p, m->name);
    if (disp[c].label[0]) {
      put(p, "<br/><span class=\"unit\">");
      esc(p, disp[c].label);
      put(p, "</span>");
    }
    put(p, "</th>");
  }
  put(p, "</tr></thead>\n<tbody>\n");
  for (int y = a; y <= b; y++) {
    dc_chart_buf_printf(&p->b, "<tr><td>%d</td>", y);
    for (int c = 0; c < nc; c++) {
      const double *v = dc_result_values(r, s, cols[c]);
      put(p, "<td>");
      put_num(p, dc_rep_in_disp(v ? v[y - y0] : NAN, &disp[c]));
      put(p, "</td>");
    }
    put(p, "</tr>\n");
  }
  put(p, "</tbody></table></div>\n");
}

static void html_verdicts(page *p, const dc_result *r) {
  if (!r->ntargets) return;
  put(p, "<h3>Verdicts</h3>\n<ul class=\"verdicts\">\n");
  for (size_t t = 0; t < r->ntargets; t++) {
    const dc_result_target *x = &r->targets[t];
    char verdict[400];
    dc_report_verdict(verdict, sizeof verdict, r, (int)t, 0);
    dc_chart_buf_printf(&p->b, "<li class=\"%s\">%s ", x->met ? "met" : "missed", x->met ? "✔" : "✘");
    esc(p, x->name);
    put(p, " — ");
    esc(p, verdict);
    if (x->first_met != DC_PLAN_NOYEAR && (!x->met || x->first_met != x->deciding))
      dc_chart_buf_printf(&p->b, "; first met %d", x->first_met);
    put(p, "</li>\n");
  }
  put(p, "</ul>\n");
}

/* The wedges of the last shown year, as the text report lists them. */
static void html_wedges(page *p, const dc_result *r, int a, int b) {
  const double *gap = dc_result_values(r, r->scenario, DC_MET_ABATEMENT);
  dc_display d;
  if (!r->nsectors || !gap || !r->nmeasures || !dc_rep_emissions_disp(r, &d)) return;
  int open = 0;
  for (int y = a; y <= b; y++) open |= gap[y - r->y0] != 0;
  if (!open) return;
  dc_chart_buf_printf(&p->b, "<h3>Wedges in %d</h3>\n<table class=\"wedges\">\n<thead><tr><th>measure</th>"
                             "<th>abatement</th><th>share of the BAU-plan gap</th></tr></thead>\n<tbody>\n", b);
  for (size_t j = 0; j < r->nmeasures; j++) {
    const double *w = r->measures[j].wedge;
    char val[128], pc[80];
    int i = b - r->y0;
    dc_fmt_quantity(val, sizeof val, w ? w[i] : NAN, &d, 0);
    dc_rep_fmt_pct(pc, sizeof pc, w && gap[i] != 0 ? w[i] / gap[i] : NAN);
    put(p, "<tr><td>");
    esc(p, r->measures[j].name);
    put(p, "</td><td>");
    esc(p, val);
    put(p, "</td><td>");
    esc(p, pc);
    put(p, "</td></tr>\n");
  }
  put(p, "</tbody></table>\n");
}

static void source_item(page *p, int *n, const char *name, const char *source) {
  if (!(*n)++) put(p, "<h3>Sources</h3>\n<ul class=\"sources\">\n");
  put(p, "<li><strong>");
  esc(p, name);
  put(p, "</strong>: ");
  esc(p, source);
  put(p, "</li>\n");
}

static void html_notes(page *p, const dc_result *r) {
  if (r->nwarnings) {
    put(p, "<h3>Warnings</h3>\n<ul class=\"warnings\">\n");
    for (size_t i = 0; i < r->nwarnings; i++) {
      put(p, "<li>⚠ ");
      esc(p, r->warnings[i].text);
      put(p, "</li>\n");
    }
    put(p, "</ul>\n");
  }
  int n = 0;
  for (size_t i = DC_MET_NBUILTIN; i < r->nmetrics; i++) {
    const dc_result_metric *m = &r->metrics[i];
    if (m->source && strncmp(m->name, "generation:", 11) != 0) source_item(p, &n, m->name, m->source);
  }
  for (size_t j = 0; j < r->nmeasures; j++)
    if (r->measures[j].source) source_item(p, &n, r->measures[j].name, r->measures[j].source);
  for (size_t t = 0; t < r->ntargets; t++)
    if (r->targets[t].source) source_item(p, &n, r->targets[t].name, r->targets[t].source);
  if (n) put(p, "</ul>\n");
}

static void html_plan(page *p, const dc_result *r, int k, const dc_report_opts *o) {
  int a, b;
  dc_rep_shown_years(r, o, &a, &b);
  dc_chart_buf_printf(&p->b, "<section class=\"plan\" id=\"p%d\" data-plan=\"", k);
  esc(p, r->name);
  dc_chart_buf_printf(&p->b, "\" data-met=\"%d\" data-targets=\"%zu\">\n", r->met, r->ntargets);
  html_headline(p, r);
  html_charts(p, r, k, a, b);
  html_table(p, r, a, b);
  html_verdicts(p, r);
  html_wedges(p, r, a, b);
  html_notes(p, r);
  put(p, "</section>\n");
}

int dc_rep_write_html(FILE *f, dc_result *const *results, size_t n, const dc_report_opts *o) {
  page p;
  memset(&p, 0, sizeof p);
  int met, total;
  dc_report_count(results, n, &met, &total);
  dc_chart_buf_printf(&p.b,
                      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                      "<meta name=\"generator\" content=\"decarb\"/>\n"
                      "<title>decarb check: %d of %d targets met</title>\n<style>\n",
                      met, total);
  put(&p, page_css);
  dc_chart_buf_printf(&p.b,
                      "</style>\n</head>\n<body>\n<header>\n<h1>decarb check</h1>\n"
                      "<p class=\"summary %s\" id=\"summary\" data-met=\"%d\" data-targets=\"%d\">%d of %d targets "
                      "met in %zu plan%s</p>\n</header>\n<main>\n",
                      met == total ? "met" : "missed", met, total, met, total, n, n == 1 ? "" : "s");
  for (size_t k = 0; k < n && !p.err; k++) html_plan(&p, results[k], (int)k + 1, o);
  put(&p, "</main>\n</body>\n</html>\n");
  if (p.err || p.b.failed) {
    dc_chart_buf_free(&p.b);
    errno = ENOMEM;
    return -1;
  }
  fwrite(p.b.data, 1, p.b.len, f);
  dc_chart_buf_free(&p.b);
  return 0;
}
