/* csv.c — CSV reports. `--format csv`: one row per file, plan, evaluated
 * scenario, year and metric (long format). `--format csv-targets`: one row
 * per target and year with its status, value, bound and margin in the
 * judged scenario. RFC 4180 quoting; numbers with 12 significant digits. */
#include <math.h>
#include <string.h>

#include "fmt.h"
#include "report_int.h"

static void csv_num(FILE *f, double v) {
  char num[64];
  if (isfinite(v)) dc_fmt_number(num, sizeof num, v, 12);
  else num[0] = '\0';
  fputs(num, f);
}

/* The wedges of the judged scenario in year y, as rows "wedge:MEASURE"
 * (issue 14): each measure's abatement, in the emissions' unit. */
static void csv_wedges(FILE *f, const dc_result *r, int y) {
  dc_display ed;
  if (!dc_rep_emissions_disp(r, &ed)) return;
  for (size_t j = 0; j < r->nmeasures; j++) {
    const double *w = r->measures[j].wedge;
    if (!w) continue;
    dc_rep_csv_field(f, r->file);
    fputc(',', f);
    dc_rep_csv_field(f, r->name);
    fputc(',', f);
    dc_rep_csv_field(f, r->scenario_names[r->scenario]);
    fprintf(f, ",%d,wedge:", y);
    dc_rep_csv_field(f, r->measures[j].name);
    fputc(',', f);
    csv_num(f, w[y - r->y0] / ed.scale);
    fputc(',', f);
    dc_rep_csv_field(f, ed.label);
    fputc('\n', f);
  }
}

void dc_rep_write_csv(FILE *f, dc_result *const *results, size_t n, const dc_report_opts *o) {
  fputs("file,plan,scenario,year,metric,value,unit\n", f);
  for (size_t k = 0; k < n; k++) {
    const dc_result *r = results[k];
    int y0 = r->y0, ny = r->y1 - y0 + 1, a, b;
    dc_rep_shown_years(r, o, &a, &b);
    for (size_t s = 0; s < r->nscenarios; s++) {
      if (!r->evaluated[s]) continue;
      for (int y = a; y <= b; y++)
        for (size_t i = 0; i < r->nmetrics; i++) {
          const dc_result_metric *m = &r->metrics[i];
          dc_display d;
          if (!m->ok) continue;
          const double *v = dc_result_values(r, (int)s, (int)i);
          if (!v) continue;
          /* one unit per metric: chosen on the judged scenario */
          dc_rep_pick_disp(m->dims, m->has_disp, &m->disp, dc_result_values(r, r->scenario, (int)i), ny, &d);
          dc_rep_csv_field(f, r->file);
          fputc(',', f);
          dc_rep_csv_field(f, r->name);
          fputc(',', f);
          dc_rep_csv_field(f, r->scenario_names[s]);
          fprintf(f, ",%d,", y);
          dc_rep_csv_field(f, m->name);
          fputc(',', f);
          csv_num(f, dc_rep_in_disp(v[y - y0], &d));
          fputc(',', f);
          dc_rep_csv_field(f, d.label);
          fputc('\n', f);
        }
      for (int y = a; s == (size_t)r->scenario && y <= b; y++) csv_wedges(f, r, y);
    }
  }
}

void dc_rep_write_csv_targets(FILE *f, dc_result *const *results, size_t n, const dc_report_opts *o) {
  fputs("file,line,plan,scenario,target,kind,year,status,value,bound,margin,unit,margin_unit\n", f);
  for (size_t k = 0; k < n; k++) {
    const dc_result *r = results[k];
    int a, b;
    dc_rep_shown_years(r, o, &a, &b);
    for (size_t t = 0; t < r->ntargets; t++) {
      const dc_result_target *x = &r->targets[t];
      if (!x->evaluated) continue;
      dc_display d;
      dc_rep_target_disp(r, (int)t, &d);
      dc_display z = dc_rep_diff_disp(&d);
      for (int y = a; y <= b; y++) {
        int i = y - r->y0;
        dc_rep_csv_field(f, dc_rep_target_file(r, x));
        if (x->line > 0) fprintf(f, ",%d,", x->line);
        else fputs(",,", f);
        dc_rep_csv_field(f, r->name);
        fputc(',', f);
        dc_rep_csv_field(f, r->scenario_names[r->scenario]);
        fputc(',', f);
        dc_rep_csv_field(f, x->name);
        fputc(',', f);
        dc_rep_csv_field(f, x->kind_name);
        fprintf(f, ",%d,%s,", y, x->status[i] == DC_ST_NONE ? "none" : dc_status_name((enum dc_status)x->status[i]));
        csv_num(f, dc_rep_in_disp(x->value[i], &d));
        fputc(',', f);
        csv_num(f, dc_rep_in_disp(x->bound[i], &d));
        fputc(',', f);
        csv_num(f, x->margin[i] / z.scale);
        fputc(',', f);
        dc_rep_csv_field(f, d.label);
        fputc(',', f);
        dc_rep_csv_field(f, z.label);
        fputc('\n', f);
      }
    }
  }
}
