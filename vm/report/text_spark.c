/* text_spark.c — the sparklines of the text report: one line per metric of
 * the year table, its shape over the years shown in block characters, then
 * its first and last values. Written only when the report goes to a
 * terminal (cmd_check.c sets dc_report_opts.sparklines), never to a pipe,
 * a file or a machine format. */
#include <math.h>
#include <stdlib.h>

#include "charts.h"
#include "report_int.h"

#define SPARK_COLS 12
#define SPARK_WIDTH 40

void dc_rep_text_sparklines(FILE *f, const dc_result *r, int a, int b) {
  int cols[SPARK_COLS], nc = dc_rc_table_columns(r, cols, SPARK_COLS), n = b - a + 1, wn = 0;
  if (!nc || n < 2) return;
  for (int c = 0; c < nc; c++) {
    int w = dc_utf8_width(r->metrics[cols[c]].name);
    if (w > wn) wn = w;
  }
  fprintf(f, "\nTrends %d-%d\n", a, b);
  for (int c = 0; c < nc; c++) {
    const dc_result_metric *m = &r->metrics[cols[c]];
    const double *v = dc_result_values(r, r->scenario, cols[c]);
    if (!v) continue;
    dc_display d;
    dc_rep_pick_disp(m->dims, m->has_disp, &m->disp, v, r->y1 - r->y0 + 1, &d);
    dc_chart_buf line = {0};
    dc_chart_sparkline(&line, v + (a - r->y0), n, n < SPARK_WIDTH ? n : SPARK_WIDTH);
    char first[128], last[128];
    dc_fmt_quantity(first, sizeof first, v[a - r->y0], &(dc_display){.scale = d.scale, .offset = d.offset}, 0);
    dc_fmt_quantity(last, sizeof last, v[b - r->y0], &d, 0);
    fputs("  ", f);
    dc_utf8_pad(f, m->name, wn, 0);
    fprintf(f, "  %s  %s → %s\n", line.data && !line.failed ? line.data : "", first, last);
    dc_chart_buf_free(&line);
  }
}
