/* tap.c — TAP version 13: one test point per target (plan: target), the
 * verdict as a comment, and a YAML block with the target's file and line,
 * value, bound, margin and deciding year, so that CI annotates the source. */
#include <math.h>

#include "fmt.h"
#include "jsonw.h"
#include "report_int.h"

static void yaml_num(FILE *f, const char *key, double v) {
  char b[40];
  if (!isfinite(v)) {
    fprintf(f, "  %s: ~\n", key);
    return;
  }
  dc_fmt_shortest(b, sizeof b, v);
  fprintf(f, "  %s: %s\n", key, b);
}

/* A YAML double-quoted scalar: JSON string escaping is valid YAML. */
static void yaml_str(FILE *f, const char *key, const char *s) {
  fprintf(f, "  %s: ", key);
  dc_jsonw_fput_str(f, s ? s : "");
  fputc('\n', f);
}

void dc_rep_write_tap(FILE *f, dc_result *const *results, size_t n, const dc_report_opts *o) {
  (void)o;
  int met, total, k = 0;
  dc_report_count(results, n, &met, &total);
  fprintf(f, "TAP version 13\n1..%d\n", total);
  for (size_t i = 0; i < n; i++) {
    const dc_result *r = results[i];
    for (size_t w = 0; w < r->nwarnings; w++) {
      fputs("# warning: ", f);
      dc_rep_tap_text(f, r->warnings[w].text);
      fputc('\n', f);
    }
    for (size_t t = 0; t < r->ntargets; t++) {
      const dc_result_target *x = &r->targets[t];
      char verdict[400];
      dc_report_verdict(verdict, sizeof verdict, r, (int)t, 1);
      fprintf(f, "%s %d - ", x->met ? "ok" : "not ok", ++k);
      dc_rep_tap_text(f, r->name);
      fputs(": ", f);
      dc_rep_tap_text(f, x->name);
      fputs("\n# ", f);
      dc_rep_tap_text(f, verdict);
      fputc('\n', f);
      fputs("  ---\n", f);
      if (dc_rep_target_file(r, x)) yaml_str(f, "file", dc_rep_target_file(r, x));
      if (x->line > 0) fprintf(f, "  line: %d\n", x->line);
      if (x->evaluated && x->deciding != DC_PLAN_NOYEAR) {
        dc_display d;
        dc_rep_target_disp(r, (int)t, &d);
        dc_display z = dc_rep_diff_disp(&d);
        int y = x->deciding - r->y0;
        fprintf(f, "  deciding_year: %d\n", x->deciding);
        yaml_num(f, "value", dc_rep_in_disp(x->value[y], &d));
        yaml_num(f, "bound", dc_rep_in_disp(x->bound[y], &d));
        yaml_num(f, "margin", x->margin[y] / z.scale);
        yaml_str(f, "unit", d.label);
      }
      fputs("  ...\n", f);
    }
  }
}
