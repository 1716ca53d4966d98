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

/* The year table: emissions, BAU, then every metric a target judges. */
static void text_table(FILE *f, const dc_result *r, int a, int b) {
  int s = r->scenario, y0 = r->y0, n = r->y1 - y0 + 1;
  int cols[MAXCOLS], nc = 0;
  if (r->nmetrics > DC_MET_BAU && r->metrics[DC_MET_EMISSIONS].ok) {
    cols[nc++] = DC_MET_EMISSIONS;
    cols[nc++] = DC_MET_BAU;
  }
  for (size_t t = 0; t < r->ntargets && nc < MAXCOLS; t++) {
    int dup = 0;
    for (int c = 0; c < nc; c++) dup |= cols[c] == r->targets[t].metric;
    if (!dup) cols[nc++] = r->targets[t].metric;
  }
  if (!nc) return;
  dc_display disp[MAXCOLS];
  int width[MAXCOLS];
  char cell[96];
  for (int c = 0; c < nc; c++) {
    const dc_result_metric *m = &r->metrics[cols[c]];
    const double *v = dc_result_values(r, s, cols[c]);
    dc_rep_pick_disp(m->dims, m->has_disp, &m->disp, v, n, &disp[c]);
    width[c] = max_int(dc_rep_text_width(m->name), dc_rep_text_width(disp[c].label));
    for (int y = a; y <= b; y++) {
      dc_fmt_number(cell, sizeof cell, dc_rep_in_disp(v ? v[y - y0] : NAN, &disp[c]), 0);
      width[c] = max_int(width[c], dc_rep_text_width(cell));
    }
  }
  fprintf(f, "\n%-6s", "year");
  for (int c = 0; c < nc; c++) {
    fputs("  ", f);
    dc_rep_put_padded(f, r->metrics[cols[c]].name, width[c], 1);
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
      dc_rep_put_padded(f, disp[c].label, width[c], 1);
    }
    fputc('\n', f);
  }
  for (int y = a; y <= b; y++) {
    fprintf(f, "%-6d", y);
    for (int c = 0; c < nc; c++) {
      const double *v = dc_result_values(r, s, cols[c]);
      dc_fmt_number(cell, sizeof cell, dc_rep_in_disp(v ? v[y - y0] : NAN, &disp[c]), 0);
      fputs("  ", f);
      dc_rep_put_padded(f, cell, width[c], 1);
    }
    fputc('\n', f);
  }
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
      dc_rep_fmt_val(val, sizeof val, w ? w[b - y0] : NAN, &d, 0);
      dc_rep_fmt_pct(pc, sizeof pc, dc_rep_share(me, gap, b - y0));
      if (!pass) {
        wn = max_int(wn, dc_rep_text_width(me->name));
        wv = max_int(wv, dc_rep_text_width(val));
        wp = max_int(wp, dc_rep_text_width(pc));
        continue;
      }
      fputs("  ", f);
      dc_rep_put_padded(f, me->name, wn, 0);
      fputs("  ", f);
      dc_rep_put_padded(f, val, wv, 1);
      fputs("  ", f);
      dc_rep_put_padded(f, pc, wp, 1);
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

static void text_plan(FILE *f, const dc_result *r, const dc_report_opts *o) {
  int a, b;
  dc_rep_shown_years(r, o, &a, &b);
  const char *green = o->color ? "\033[32m" : "", *red = o->color ? "\033[31m" : "",
             *bold = o->color ? "\033[1m" : "", *yellow = o->color ? "\033[33m" : "",
             *off = o->color ? "\033[0m" : "";
  text_title(f, r, bold, off);
  text_table(f, r, a, b);

  if (r->ntargets) fprintf(f, "\nTargets\n");
  for (size_t t = 0; t < r->ntargets; t++) {
    const dc_result_target *x = &r->targets[t];
    char verdict[400];
    dc_report_verdict(verdict, sizeof verdict, r, (int)t, 0);
    fprintf(f, "  %s%s%s %s — %s", x->met ? green : red, x->met ? "✔" : "✘", off, x->name, verdict);
    if (x->first_met != DC_PLAN_NOYEAR && (!x->met || x->first_met != x->deciding))
      fprintf(f, "; first met %d", x->first_met);
    fputc('\n', f);
  }

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
