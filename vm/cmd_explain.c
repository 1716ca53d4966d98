/* cmd_explain.c — `decarb explain FILE [--target NAME] [--year Y]
 * [--scenario S] [--format text|json]`: runs FILE as `decarb check` does
 * and explains each target (or the one named) term by term (explain.h).
 * Exit: 0 explained, 2 usage or I/O (no such target, year, scenario), and
 * the codes of a failed run (3 syntax, 4 runtime, 5 limit). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "explain.h"
#include "host.h"
#include "jsonw.h"
#include "report_int.h"
#include "run.h"

static const char explain_usage[] =
    "usage: decarb explain [OPTIONS] FILE\n"
    "Explains each target's verdict: its value as terms (BAU of each sector,\n"
    "each measure's abatement ...), its bound as a derivation, its margin, and\n"
    "for a missed target the measures that would close the shortfall.\n"
    "  --target NAME    only the target NAME\n"
    "  --year Y         in year Y (default: each target's deciding year)\n"
    "  --scenario NAME  judge the targets in scenario NAME (default: plan)\n"
    "  --format FMT     text (default) or json\n"
    "  common options: --timeout SEC (default 10), --max-mem SIZE, --unsafe, --no-color\n"
    "Exit: 0 explained, 2 usage or I/O error (no such target or year),\n"
    "      3 syntax error, 4 runtime error, 5 time or memory limit.\n";

static int usage_fail(const char *fmt, const char *arg) {
  fputs("decarb explain: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\n(decarb explain --help for the options)\n", stderr);
  return DC_EXIT_USAGE;
}

static void kval(dc_jsonw *w, const char *k, double si, const dc_display *d) { dc_jsonw_knum(w, k, dc_rep_in_disp(si, d)); }

static void kyear(dc_jsonw *w, const char *k, int y) {
  dc_jsonw_key(w, k);
  if (y == DC_PLAN_NOYEAR) dc_jsonw_null(w);
  else dc_jsonw_int(w, y);
}

static void ratio_part(dc_jsonw *w, const char *k, const dc_result *r, int metric, double v, const dc_display *d) {
  dc_jsonw_key(w, k);
  dc_jsonw_object(w, DC_JSONW_INLINE);
  dc_jsonw_kstr(w, "metric", metric >= 0 ? r->metrics[metric].name : NULL);
  dc_jsonw_kstr(w, "unit", d->label);
  kval(w, "value", v, d);
  dc_jsonw_end(w);
}

/* One explanation as a JSON object (jsonw sorts the keys). */
static void write_json(dc_jsonw *w, const dc_result *r, const dc_explain *e) {
  const dc_result_target *x = &r->targets[e->target];
  dc_display z = dc_rep_diff_disp(&e->disp);
  dc_jsonw_object(w, DC_JSONW_LINES);
  dc_jsonw_key(w, "bound");
  dc_jsonw_object(w, DC_JSONW_INLINE);
  kval(w, "base_value", e->base_value, &e->disp);
  kyear(w, "base_year", e->base_year);
  dc_jsonw_kstr(w, "derivation", e->bound_text);
  dc_jsonw_knum(w, "fraction", e->fraction);
  dc_jsonw_kstr(w, "kind", e->bound_kind);
  dc_jsonw_kstr(w, "unit", e->disp.label);
  kval(w, "value", e->bound, &e->disp);
  dc_jsonw_kstr(w, "vs", e->vs);
  dc_jsonw_end(w);
  kyear(w, "deciding_year", x->deciding);
  if (e->num_metric >= 0 || e->den_metric >= 0) {
    ratio_part(w, "denominator", r, e->den_metric, e->den, &e->den_disp);
    ratio_part(w, "numerator", r, e->num_metric, e->num, &e->num_disp);
  }
  dc_jsonw_kstr(w, "file", x->file);
  dc_jsonw_kstr(w, "kind", e->kind);
  kyear(w, "line", x->line > 0 ? x->line : DC_PLAN_NOYEAR);
  dc_jsonw_knum(w, "margin", e->margin / z.scale);
  dc_jsonw_knum(w, "margin_rel", e->margin_rel);
  dc_jsonw_kstr(w, "margin_unit", z.label);
  dc_jsonw_kbool(w, "met", e->met);
  dc_jsonw_kstr(w, "metric", e->metric);
  dc_jsonw_kstr(w, "name", e->name);
  dc_jsonw_kstr(w, "note", e->note[0] ? e->note : NULL);
  dc_jsonw_kstr(w, "plan", r->name);
  dc_jsonw_kstr(w, "scenario", r->scenario_names[e->scenario]);
  dc_jsonw_knum(w, "shortfall", e->shortfall / z.scale);
  dc_jsonw_kstr(w, "status", e->status == DC_ST_NONE ? "none" : dc_status_name((enum dc_status)e->status));
  dc_jsonw_key(w, "terms");
  dc_jsonw_array(w, DC_JSONW_LINES);
  for (size_t k = 0; k < e->nterms; k++) {
    const dc_explain_term *t = &e->terms[k];
    dc_jsonw_object(w, DC_JSONW_INLINE);
    dc_jsonw_knum(w, "at_full", t->at_full / e->disp.scale);
    dc_jsonw_kstr(w, "kind", t->kind);
    dc_jsonw_kstr(w, "name", t->name);
    dc_jsonw_knum(w, "ramp", t->ramp);
    dc_jsonw_kstr(w, "source", t->source);
    dc_jsonw_kstr(w, "unit", e->disp.label);
    /* terms are parts of one sum: no offset (none for any unit of a sum) */
    dc_jsonw_knum(w, "value", t->value / e->disp.scale);
    dc_jsonw_end(w);
  }
  dc_jsonw_end(w);
  dc_jsonw_kstr(w, "unit", e->disp.label);
  kval(w, "value", e->value, &e->disp);
  dc_jsonw_key(w, "what_would_it_take");
  if (e->shortfall <= 0) dc_jsonw_null(w);
  else {
    dc_jsonw_object(w, DC_JSONW_INLINE);
    dc_jsonw_knum(w, "increase", e->lever);
    dc_jsonw_key(w, "measures");
    dc_jsonw_array(w, DC_JSONW_LINES);
    for (size_t k = 0; k < e->nlevers; k++) {
      const dc_explain_lever *l = &e->levers[k];
      dc_jsonw_object(w, DC_JSONW_INLINE);
      dc_jsonw_knum(w, "closes", l->closes / z.scale);
      dc_jsonw_knum(w, "fraction", l->fraction);
      dc_jsonw_kstr(w, "measure", r->detail->measures[l->measure].name);
      dc_jsonw_knum(w, "needed", l->needed);
      dc_jsonw_end(w);
    }
    dc_jsonw_end(w);
    dc_jsonw_end(w);
  }
  dc_jsonw_kint(w, "year", e->year);
  dc_jsonw_end(w);
}

int dc_cmd_explain(int argc, char **argv, const dc_host_opts *opts) {
  const char *file = NULL, *target = NULL, *scenario = "plan", *format = "text";
  int year = DC_PLAN_NOYEAR, rest = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (rest || a[0] != '-' || a[1] == '\0') {
      if (file) return usage_fail("one FILE only (got '%s' too)", a);
      file = a;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      rest = 1;
      continue;
    }
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(explain_usage, stdout);
      return DC_EXIT_OK;
    }
    static const char *const known[] = {"--target", "--year", "--scenario", "--format", NULL};
    char opt[DC_CMD_OPT_MAX];
    const char *val;
    int bad = dc_cmd_option(argc, argv, &i, known, opt, &val);
    if (bad) return usage_fail(bad == 1 ? "unknown option '%s'" : "%s needs a value", bad == 1 ? a : opt);
    if (strcmp(opt, "--target") == 0) target = val;
    else if (strcmp(opt, "--scenario") == 0) scenario = val;
    else if (strcmp(opt, "--format") == 0) {
      if (strcmp(val, "text") && strcmp(val, "json")) return usage_fail("unknown format '%s' (text or json)", val);
      format = val;
    } else {
      int used = 0;
      if (sscanf(val, "%d%n", &year, &used) != 1 || val[used] != '\0')
        return usage_fail("--year wants a year such as 2030, not '%s'", val);
    }
  }
  if (!file) return usage_fail("%s", "no FILE given");
  if (strcmp(file, "-") == 0) return usage_fail("%s", "explain reads a plan's file, not standard input");
  dc_host_opts ho = *opts;
  if (ho.timeout <= 0) ho.timeout = 10.0;
  dc_run_opts rop = {.scenario = scenario};
  dc_run_list list = {NULL, 0, 0};
  int code = dc_run_file(&ho, file, &rop, dc_run_list_push, &list);
  if (code != DC_EXIT_OK) {
    dc_run_list_free(&list);
    return code;
  }
  int found = 0;
  char err[400];
  dc_jsonw *w = NULL;
  if (strcmp(format, "json") == 0) {
    w = dc_jsonw_open(stdout, 0);
    if (!w) {
      fprintf(stderr, "decarb explain: out of memory\n");
      dc_run_list_free(&list);
      return DC_EXIT_LIMIT;
    }
    dc_jsonw_object(w, DC_JSONW_LINES);
    dc_jsonw_key(w, "explanations");
    dc_jsonw_array(w, DC_JSONW_LINES);
  }
  for (size_t k = 0; k < list.n && code == DC_EXIT_OK; k++) {
    const dc_result *r = list.v[k];
    for (size_t t = 0; t < r->ntargets && code == DC_EXIT_OK; t++) {
      if (target && strcmp(r->targets[t].name, target) != 0) continue;
      dc_explain e;
      if (dc_explain_target(r, (int)t, year, &e, err, sizeof err)) {
        fprintf(stderr, "decarb explain: %s: %s\n", file, err);
        code = DC_EXIT_USAGE;
        break;
      }
      if (w) write_json(w, r, &e);
      else {
        if (found) fputc('\n', stdout);
        dc_explain_write_text(stdout, r, &e);
      }
      found++;
      dc_explain_free(&e);
    }
  }
  if (w) {
    dc_jsonw_end(w);
    dc_jsonw_kstr(w, "schema", "decarb-explain");
    dc_jsonw_kint(w, "version", 1);
    dc_jsonw_end(w);
    int jr = dc_jsonw_close(w);
    fputc('\n', stdout);
    if (jr != DC_JSONW_OK && code == DC_EXIT_OK) {
      fprintf(stderr, "decarb explain: cannot write the JSON: %s\n",
              jr == DC_JSONW_ENOMEM ? "out of memory" : jr == DC_JSONW_EWRITE ? strerror(errno) : "internal error");
      code = jr == DC_JSONW_ENOMEM ? DC_EXIT_LIMIT : DC_EXIT_USAGE;
    }
  }
  if (code == DC_EXIT_OK && !found) {
    if (target) {
      fprintf(stderr, "decarb explain: %s has no target '%s' (it has:", file, target);
      int first = 1;
      for (size_t k = 0; k < list.n; k++)
        for (size_t t = 0; t < list.v[k]->ntargets; t++, first = 0)
          fprintf(stderr, "%s \"%s\"", first ? "" : ",", list.v[k]->targets[t].name);
      fputs(first ? " none)\n" : ")\n", stderr);
    } else
      fprintf(stderr, "decarb explain: %s: its plans have no target to explain (add one with p:target{...})\n", file);
    code = DC_EXIT_USAGE;
  }
  if (fflush(stdout) != 0 && code == DC_EXIT_OK) {
    fprintf(stderr, "decarb explain: cannot write standard output: %s\n", strerror(errno));
    code = DC_EXIT_USAGE;
  }
  dc_run_list_free(&list);
  return code;
}
