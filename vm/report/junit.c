/* junit.c — JUnit XML: a testsuite per plan, a testcase per target with the
 * file and line of its p:target call (file=, line= attributes), a failure
 * for each missed one, warnings in system-err. */
#include "report_int.h"

/* A plan without the scenario asked for: a suite of one skipped testcase. */
static void junit_skipped(FILE *f, const dc_result *r) {
  fputs("  <testsuite name=\"", f);
  dc_rep_xml_text(f, r->name);
  fputs("\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"1\"", f);
  if (r->file) {
    fputs(" file=\"", f);
    dc_rep_xml_text(f, r->file);
    fputc('"', f);
  }
  fputs(">\n    <testcase classname=\"", f);
  dc_rep_xml_text(f, r->name);
  fputs("\" name=\"scenario ", f);
  dc_rep_xml_text(f, r->missing_scenario);
  fputs("\">\n      <skipped message=\"no scenario '", f);
  dc_rep_xml_text(f, r->missing_scenario);
  fputs("'\"/>\n    </testcase>\n  </testsuite>\n", f);
}

void dc_rep_write_junit(FILE *f, dc_result *const *results, size_t n, const dc_report_opts *o) {
  (void)o;
  int met, total;
  dc_report_count(results, n, &met, &total);
  int skipped = 0;
  for (size_t i = 0; i < n; i++) skipped += results[i]->missing_scenario != NULL;
  fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<testsuites name=\"decarb check\" tests=\"%d\" failures=\"%d\" errors=\"0\"",
          total + skipped, total - met);
  if (skipped) fprintf(f, " skipped=\"%d\"", skipped);
  fputs(">\n", f);
  for (size_t i = 0; i < n; i++) {
    const dc_result *r = results[i];
    if (r->missing_scenario) {
      junit_skipped(f, r);
      continue;
    }
    int pt = (int)r->ntargets;
    fputs("  <testsuite name=\"", f);
    dc_rep_xml_text(f, r->name);
    fprintf(f, "\" tests=\"%d\" failures=\"%d\" errors=\"0\"", pt, pt - r->met);
    if (r->file) {
      fputs(" file=\"", f);
      dc_rep_xml_text(f, r->file);
      fputc('"', f);
    }
    fputs(">\n", f);
    for (size_t t = 0; t < r->ntargets; t++) {
      const dc_result_target *x = &r->targets[t];
      char verdict[400];
      dc_report_verdict(verdict, sizeof verdict, r, (int)t, 1);
      fputs("    <testcase classname=\"", f);
      dc_rep_xml_text(f, r->name);
      fputs("\" name=\"", f);
      dc_rep_xml_text(f, x->name);
      const char *file = dc_rep_target_file(r, x);
      if (file) {
        fputs("\" file=\"", f);
        dc_rep_xml_text(f, file);
      }
      if (x->line > 0) fprintf(f, "\" line=\"%d", x->line);
      if (x->met) {
        fputs("\"/>\n", f);
        continue;
      }
      fputs("\">\n      <failure message=\"", f);
      dc_rep_xml_text(f, verdict);
      fprintf(f, "\" type=\"%s\">", x->kind_name);
      dc_rep_xml_text(f, x->name);
      fputs(": ", f);
      dc_rep_xml_text(f, verdict);
      fputs("</failure>\n    </testcase>\n", f);
    }
    if (r->nwarnings) {
      fputs("    <system-err>", f);
      for (size_t w = 0; w < r->nwarnings; w++) {
        fputs("warning: ", f);
        dc_rep_xml_text(f, r->warnings[w].text);
        fputc('\n', f);
      }
      fputs("</system-err>\n", f);
    }
    fputs("  </testsuite>\n", f);
  }
  fputs("</testsuites>\n", f);
}
