/* text.c — the text report: per plan a title, the year table, the targets
 * with their verdicts, the wedges of the last shown year, warnings and
 * sources; then "N of M targets met". Colour only when asked. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "report_int.h"

#define MAXCOLS 12

static int max_int(int a, int b) { return a > b ? a : b; }

static void text_title(FILE *f, const dc_result *r, const char *bold, const char *off) {
  fprintf(f, "%s%s%s", bold, r->name, off);
  if (r->region[0]) fprintf(f, " — %s", r->region);
  fprintf(f, " (%d-%d), scenario %s\n", r->y0, r->y1, r->scenario_names[r->scenario]);
  if (r->file) fprintf(f, "file: %s\n", r->file);
  if (r->source[0]) fprintf(f, "source: %s\n", r->source);
}

/* A column of the year table: a metric, or the value a target judges. */
typedef struct text_col {
  const char *name;
  const double *v; /* y0..y1, SI; NULL: none */
  dc_dims dims;
  dc_display d;
  int width;
} text_col;

/* Cell i of column c: the number in its unit; "—" for a year the value
 * does not cover (a budget's years before its period). */
static void text_cell(char *buf, size_t size, const text_col *c, int i) {
  double v = c->v ? c->v[i] : NAN;
  if (isnan(v)) snprintf(buf, size, "—");
  else dc_fmt_number(buf, size, dc_rep_in_disp(v, &c->d), 0);
}

/* Prints columns c[0..n) as one table, years a..b. */
static void text_cols(FILE *f, const dc_result *r, text_col *c, int n, int a, int b) {
  char cell[96];
  int y0 = r->y0;
  for (int k = 0; k < n; k++) {
    c[k].width = max_int(dc_utf8_width(c[k].name), dc_utf8_width(c[k].d.label));
    for (int y = a; y <= b; y++) {
      text_cell(cell, sizeof cell, &c[k], y - y0);
      c[k].width = max_int(c[k].width, dc_utf8_width(cell));
    }
  }
  fprintf(f, "\n%-6s", "year");
  for (int k = 0; k < n; k++) {
    fputs("  ", f);
    dc_utf8_pad(f, c[k].name, c[k].width, 1);
  }
  /* the units under the names; none after the last column that has one */
  int last = -1;
  for (int k = 0; k < n; k++)
    if (c[k].d.label[0]) last = k;
  fputc('\n', f);
  if (last >= 0) {
    fprintf(f, "%-6s", "");
    for (int k = 0; k <= last; k++) {
      fputs("  ", f);
      dc_utf8_pad(f, c[k].d.label, c[k].width, 1);
    }
    fputc('\n', f);
  }
  for (int y = a; y <= b; y++) {
    fprintf(f, "%-6d", y);
    for (int k = 0; k < n; k++) {
      text_cell(cell, sizeof cell, &c[k], y - y0);
      fputs("  ", f);
      dc_utf8_pad(f, cell, c[k].width, 1);
    }
    fputc('\n', f);
  }
}

/* One prefix per column, and one unit for columns of one kind: columns
 * whose units differ only by prefix share the one that shows the largest
 * value of them all with 1-999 before the point (the text table only:
 * JSON and CSV keep each metric's unit). */
static void text_agree(text_col *c, int nc, int ny) {
  char base[MAXCOLS][DC_LABEL_MAX];
  double big[MAXCOLS];
  dc_display tmp;
  for (int k = 0; k < nc; k++) {
    big[k] = 0;
    for (int i = 0; c[k].v && i < ny; i++)
      if (isfinite(c[k].v[i]) && fabs(c[k].v[i]) > big[k]) big[k] = fabs(c[k].v[i]);
    dc_rep_reprefix(&c[k].d, c[k].dims, big[k], &tmp, base[k], sizeof base[k]);
  }
  for (int k = 0; k < nc; k++) {
    double m = big[k];
    for (int j = 0; j < nc; j++)
      if (base[j][0] && strcmp(base[j], base[k]) == 0 && dc_dims_eq(c[j].dims, c[k].dims) && big[j] > m) m = big[j];
    dc_rep_reprefix(&c[k].d, c[k].dims, m, &tmp, base[k], sizeof base[k]);
    c[k].d = tmp;
  }
}

/* The year table: emissions, BAU, every metric a target judges, then the
 * value each target judges when it is not a metric's own series (a share,
 * an intensity, a budget's running sum), headed by the target's name. When
 * those would make the table wider than TEXT_WIDE they get a second table. */
#define TEXT_WIDE 100
static void text_table(FILE *f, const dc_result *r, int a, int b) {
  int s = r->scenario, n = r->y1 - r->y0 + 1;
  text_col c[2 * MAXCOLS];
  int nc = 0;
  if (r->nmetrics > DC_MET_BAU && r->metrics[DC_MET_EMISSIONS].ok) {
    c[nc++].name = r->metrics[DC_MET_EMISSIONS].name;
    c[nc - 1].v = dc_result_values(r, s, DC_MET_EMISSIONS);
    c[nc++].name = r->metrics[DC_MET_BAU].name;
    c[nc - 1].v = dc_result_values(r, s, DC_MET_BAU);
  }
  int ncm = nc;
  for (size_t t = 0; t < r->ntargets && ncm < MAXCOLS; t++) {
    int dup = 0, mi = r->targets[t].metric;
    for (int k = 0; k < ncm; k++) dup |= c[k].name == r->metrics[mi].name;
    if (dup) continue;
    c[ncm].name = r->metrics[mi].name;
    c[ncm++].v = dc_result_values(r, s, mi);
  }
  for (int k = 0; k < ncm; k++) {
    int mi = k < nc ? (k ? DC_MET_BAU : DC_MET_EMISSIONS) : -1;
    for (size_t i = 0; mi < 0 && i < r->nmetrics; i++)
      if (r->metrics[i].name == c[k].name) mi = (int)i;
    const dc_result_metric *m = &r->metrics[mi];
    dc_rep_pick_disp(m->dims, m->has_disp, &m->disp, c[k].v, n, &c[k].d);
    c[k].dims = m->dims;
  }
  text_agree(c, ncm, n);
  int nj = ncm;
  for (size_t t = 0; t < r->ntargets && nj < 2 * MAXCOLS; t++) {
    const dc_result_target *x = &r->targets[t];
    if (!x->own_column) continue;
    c[nj].name = x->name;
    c[nj].v = x->value;
    dc_rep_target_disp(r, (int)t, &c[nj++].d);
  }
  if (!nj) return;
  /* one table, unless the judged values would make it too wide */
  int wide = 6;
  char cell[96];
  for (int k = 0; k < nj; k++) {
    int w = max_int(dc_utf8_width(c[k].name), dc_utf8_width(c[k].d.label));
    for (int y = a; y <= b; y++) {
      text_cell(cell, sizeof cell, &c[k], y - r->y0);
      w = max_int(w, dc_utf8_width(cell));
    }
    wide += 2 + w;
  }
  if (wide <= TEXT_WIDE || ncm == 0 || nj == ncm) {
    text_cols(f, r, c, nj, a, b);
    return;
  }
  text_cols(f, r, c, ncm, a, b);
  text_cols(f, r, c + ncm, nj - ncm, a, b);
}

/* The wedges of the last shown year b: each measure's abatement and its
 * share of the BAU-plan gap, in the same order in every scenario. None
 * without sectors, or when the gap is zero in every shown year. */
static void text_wedges(FILE *f, const dc_result *r, int a, int b) {
  int y0 = r->y0;
  const double *gap = dc_result_values(r, r->scenario, DC_MET_ABATEMENT);
  dc_display d;
  if (!r->nsectors || !gap || !dc_rep_emissions_disp(r, &d)) return;
  int open = 0;
  for (int y = a; y <= b; y++) open |= gap[y - y0] != 0;
  if (!open || !r->nmeasures) return;
  int wn = 0, wv = 0, wp = 0;
  for (int pass = 0; pass < 2; pass++) {
    if (pass) fprintf(f, "\nWedges in %d (share of the BAU-plan gap)\n", b);
    for (size_t j = 0; j < r->nmeasures; j++) {
      const dc_result_measure *me = &r->measures[j];
      char val[128], pc[80];
      const double *w = me->wedge;
      dc_fmt_quantity(val, sizeof val, w ? w[b - y0] : NAN, &d, 0);
      dc_rep_fmt_pct(pc, sizeof pc, dc_rep_share(me, gap, b - y0));
      if (!pass) {
        wn = max_int(wn, dc_utf8_width(me->name));
        wv = max_int(wv, dc_utf8_width(val));
        wp = max_int(wp, dc_utf8_width(pc));
        continue;
      }
      fputs("  ", f);
      dc_utf8_pad(f, me->name, wn, 0);
      fputs("  ", f);
      dc_utf8_pad(f, val, wv, 1);
      fputs("  ", f);
      dc_utf8_pad(f, pc, wp, 1);
      fputc('\n', f);
    }
  }
}

/* One line of the Sources list; the title before the first. */
static void source_line(FILE *f, int *lines, const char *name, const char *source) {
  if (!(*lines)++) fputs("\nSources\n", f);
  fprintf(f, "  %s: %s\n", name, source);
}

/* Sources: every input that carries one (metrics, then measures in report
 * order, then targets). */
static void text_sources(FILE *f, const dc_result *r) {
  int lines = 0;
  for (size_t i = DC_MET_NBUILTIN; i < r->nmetrics; i++) {
    const dc_result_metric *m = &r->metrics[i];
    if (m->source && strncmp(m->name, "generation:", 11) != 0) source_line(f, &lines, m->name, m->source);
  }
  for (size_t j = 0; j < r->nmeasures; j++)
    if (r->measures[j].source) source_line(f, &lines, r->measures[j].name, r->measures[j].source);
  for (size_t t = 0; t < r->ntargets; t++)
    if (r->targets[t].source) source_line(f, &lines, r->targets[t].name, r->targets[t].source);
}

/* The Monte Carlo: what was run, the percentiles of the table's metrics in
 * the last shown year, and each target's leading drivers. */
static void text_mc(FILE *f, const dc_result *r, int b) {
  if (!r->has_mc) return;
  fprintf(f, "\nMonte Carlo: %llu samples (%llu-%llu), seed %llu, %zu uncertain input%s\n",
          r->mc_end - r->mc_first, r->mc_first, r->mc_end - 1, r->seed, r->ninputs, r->ninputs == 1 ? "" : "s");
  int y0 = r->y0, n = r->y1 - y0 + 1;
  int cols[MAXCOLS], nc = 0;
  if (r->nmetrics > DC_MET_BAU && r->metrics[DC_MET_EMISSIONS].ok) cols[nc++] = DC_MET_EMISSIONS;
  for (size_t t = 0; t < r->ntargets && nc < MAXCOLS; t++) {
    int dup = 0;
    for (int c = 0; c < nc; c++) dup |= cols[c] == r->targets[t].metric;
    if (!dup) cols[nc++] = r->targets[t].metric;
  }
  for (int c = 0; c < nc; c++) {
    const dc_result_metric *m = &r->metrics[cols[c]];
    if (!m->quantiles) continue;
    dc_display d;
    dc_rep_pick_disp(m->dims, m->has_disp, &m->disp, dc_result_values(r, r->scenario, cols[c]), n, &d);
    const double *q = m->quantiles + (size_t)(b - y0) * 5;
    fprintf(f, "  %s in %d, percentiles 5/25/50/75/95:", m->name, b);
    for (int k = 0; k < 5; k++) {
      char cell[96];
      dc_fmt_number(cell, sizeof cell, dc_rep_in_disp(q[k], &d), 0);
      fprintf(f, " %s", cell);
    }
    fprintf(f, "%s%s\n", d.label[0] ? " " : "", d.label);
  }
  int any = 0;
  for (size_t t = 0; t < r->ntargets; t++) {
    const dc_result_target *x = &r->targets[t];
    if (!x->ndrivers) continue;
    if (!any++) fputs("\nDrivers (Spearman's rho of each input with the target's margin)\n", f);
    fprintf(f, "  %s:", x->name);
    for (size_t j = 0; j < x->ndrivers && j < 5; j++)
      fprintf(f, "%s %s %+.2f", j ? "," : "", r->inputs[x->driver_input[j]], x->driver_rho[j]);
    if (x->ndrivers > 5) fprintf(f, ", and %zu more", x->ndrivers - 5);
    fputc('\n', f);
  }
}

/* A plan without the scenario asked for: one line, and its file. */
static void text_skipped(FILE *f, const dc_result *r) {
  fprintf(f, "%s", r->name);
  if (r->region[0]) fprintf(f, " — %s", r->region);
  fprintf(f, " (%d-%d): no scenario '%s' (it has:", r->y0, r->y1, r->missing_scenario);
  for (size_t s = 0; s < r->nscenarios; s++) fprintf(f, "%s %s", s ? "," : "", r->scenario_names[s]);
  fputs("), skipped\n", f);
  if (r->file) fprintf(f, "file: %s\n", r->file);
}

static void text_plan(FILE *f, const dc_result *r, const dc_report_opts *o) {
  if (r->missing_scenario) {
    text_skipped(f, r);
    return;
  }
  int a, b;
  dc_rep_shown_years(r, o, &a, &b);
  const char *green = o->color ? "\033[32m" : "", *red = o->color ? "\033[31m" : "",
             *bold = o->color ? "\033[1m" : "", *yellow = o->color ? "\033[33m" : "",
             *off = o->color ? "\033[0m" : "";
  text_title(f, r, bold, off);
  text_table(f, r, a, b);
  if (o->sparklines) dc_rep_text_sparklines(f, r, a, b);

  if (r->ntargets) fprintf(f, "\nTargets\n");
  for (size_t t = 0; t < r->ntargets; t++) {
    const dc_result_target *x = &r->targets[t];
    char verdict[400];
    dc_report_verdict(verdict, sizeof verdict, r, (int)t, 0);
    fprintf(f, "  %s%s%s %s — %s", x->met ? green : red, x->met ? "✔" : "✘", off, x->name, verdict);
    if (x->first_met != DC_PLAN_NOYEAR && (!x->met || x->first_met != x->deciding))
      fprintf(f, "; first met %d", x->first_met);
    if (r->has_mc && x->mc_samples) {
      char pm[40], lo[40], hi[40];
      dc_fmt_number(pm, sizeof pm, x->p_met * 100, 3);
      dc_fmt_number(lo, sizeof lo, x->p_met_lo * 100, 3);
      dc_fmt_number(hi, sizeof hi, x->p_met_hi * 100, 3);
      fprintf(f, "; P(met) %s %% [%s, %s]", pm, lo, hi);
    }
    fputc('\n', f);
  }
  text_mc(f, r, b);

  text_wedges(f, r, a, b);

  if (r->nwarnings) {
    fprintf(f, "\nWarnings\n");
    for (size_t i = 0; i < r->nwarnings; i++) fprintf(f, "  %s!%s %s\n", yellow, off, r->warnings[i].text);
  }
  text_sources(f, r);
}

void dc_rep_write_text(FILE *f, dc_result *const *results, size_t n, const dc_report_opts *o) {
  for (size_t k = 0; k < n; k++) {
    if (k) fputc('\n', f);
    text_plan(f, results[k], o);
  }
  int met, total;
  dc_report_count(results, n, &met, &total);
  fprintf(f, "\n%d of %d targets met\n", met, total);
}
