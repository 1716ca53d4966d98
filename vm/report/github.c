/* github.c — GitHub Actions workflow commands: `::error file=F,line=L,
 * title=T::message` for each missed target, `::warning ...` for each
 * warning, and a `::notice` with the count, so that a workflow run
 * annotates the plan's source lines. */
#include "report_int.h"

/* A workflow command's message: %, CR and LF percent-encoded. */
static void gh_data(FILE *f, const char *s) {
  for (; *s; s++) {
    if (*s == '%') fputs("%25", f);
    else if (*s == '\r') fputs("%0D", f);
    else if (*s == '\n') fputs("%0A", f);
    else fputc(*s, f);
  }
}

/* A property value: also ':' and ','. */
static void gh_prop(FILE *f, const char *s) {
  for (; *s; s++) {
    if (*s == ':') fputs("%3A", f);
    else if (*s == ',') fputs("%2C", f);
    else {
      char one[2] = {*s, 0};
      gh_data(f, one);
    }
  }
}

void dc_rep_write_github(FILE *f, dc_result *const *results, size_t n, const dc_report_opts *o) {
  (void)o;
  int met, total;
  dc_report_count(results, n, &met, &total);
  for (size_t i = 0; i < n; i++) {
    const dc_result *r = results[i];
    for (size_t w = 0; w < r->nwarnings; w++) {
      fputs("::warning", f);
      if (r->file) {
        fputs(" file=", f);
        gh_prop(f, r->file);
      }
      fputs("::", f);
      gh_data(f, r->warnings[w].text);
      fputc('\n', f);
    }
    for (size_t t = 0; t < r->ntargets; t++) {
      const dc_result_target *x = &r->targets[t];
      if (x->met) continue;
      char verdict[400];
      dc_report_verdict(verdict, sizeof verdict, r, (int)t, 1);
      const char *file = dc_rep_target_file(r, x);
      fputs("::error ", f);
      if (file) {
        fputs("file=", f);
        gh_prop(f, file);
        fputc(',', f);
      }
      if (x->line > 0) fprintf(f, "line=%d,", x->line);
      fputs("title=", f);
      gh_prop(f, r->name);
      fputs("%3A ", f);
      gh_prop(f, x->name);
      fputs("::", f);
      gh_data(f, x->name);
      fputs(": ", f);
      gh_data(f, verdict);
      fputc('\n', f);
    }
  }
  fprintf(f, "::notice title=decarb check::%d of %d targets met\n", met, total);
}
