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

typedef struct explain_args {
  const char *file, *target, *scenario, *format;
  int year;
} explain_args;

/* Parses argv into a; returns -1 to go on, or the exit code. */
static int parse_args(int argc, char **argv, explain_args *a) {
  int rest = 0;
  for (int i = 1; i < argc; i++) {
    const char *s = argv[i];
    int what = dc_cmd_arg(s, &rest, &a->file);
    if (what == DC_CMD_ARG_EXTRA) return usage_fail("one FILE only (got '%s' too)", s);
    if (what == DC_CMD_ARG_HELP) {
      fputs(explain_usage, stdout);
      return DC_EXIT_OK;
    }
    if (what == DC_CMD_ARG_DONE) continue;
    static const char *const known[] = {"--target", "--year", "--scenario", "--format", NULL};
    char opt[DC_CMD_OPT_MAX];
    const char *val;
    int bad = dc_cmd_option(argc, argv, &i, known, opt, &val);
    if (bad) return usage_fail(bad == 1 ? "unknown option '%s'" : "%s needs a value", bad == 1 ? s : opt);
    if (strcmp(opt, "--target") == 0) a->target = val;
    else if (strcmp(opt, "--scenario") == 0) a->scenario = val;
    else if (strcmp(opt, "--format") == 0) {
      if (strcmp(val, "text") && strcmp(val, "json")) return usage_fail("unknown format '%s' (text or json)", val);
      a->format = val;
    } else {
      int used = 0;
      if (sscanf(val, "%d%n", &a->year, &used) != 1 || val[used] != '\0')
        return usage_fail("--year wants a year such as 2030, not '%s'", val);
    }
  }
  if (!a->file) return usage_fail("%s", "no FILE given");
  if (strcmp(a->file, "-") == 0) return usage_fail("%s", "explain reads a plan's file, not standard input");
  return -1;
}

/* Explains each target (or the one named) of every plan, as text on
 * stdout or into w; how many in *found. An exit code. */
static int explain_all(const dc_run_list *list, const explain_args *a, dc_jsonw *w, int *found) {
  char err[400];
  for (size_t k = 0; k < list->n; k++) {
    const dc_result *r = list->v[k];
    for (size_t t = 0; t < r->ntargets; t++) {
      if (a->target && strcmp(r->targets[t].name, a->target) != 0) continue;
      dc_explain e;
      if (dc_explain_target(r, (int)t, a->year, &e, err, sizeof err)) {
        fprintf(stderr, "decarb explain: %s: %s\n", a->file, err);
        return DC_EXIT_USAGE;
      }
      if (w) write_json(w, r, &e);
      else {
        if (*found) fputc('\n', stdout);
        dc_explain_write_text(stdout, r, &e);
      }
      ++*found;
      dc_explain_free(&e);
    }
  }
  return DC_EXIT_OK;
}

/* Ends the JSON document; code, or the exit code of a failed write. */
static int close_json(dc_jsonw *w, int code) {
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
  return code;
}

/* Nothing was explained: says why (the targets there are, or none). */
static void no_target(const dc_run_list *list, const explain_args *a) {
  if (!a->target) {
    fprintf(stderr, "decarb explain: %s: its plans have no target to explain (add one with p:target{...})\n",
            a->file);
    return;
  }
  fprintf(stderr, "decarb explain: %s has no target '%s' (it has:", a->file, a->target);
  int first = 1;
  for (size_t k = 0; k < list->n; k++)
    for (size_t t = 0; t < list->v[k]->ntargets; t++, first = 0)
      fprintf(stderr, "%s \"%s\"", first ? "" : ",", list->v[k]->targets[t].name);
  fputs(first ? " none)\n" : ")\n", stderr);
}

int dc_cmd_explain(int argc, char **argv, const dc_host_opts *opts) {
  explain_args a = {.scenario = "plan", .format = "text", .year = DC_PLAN_NOYEAR};
  int code = parse_args(argc, argv, &a);
  if (code >= 0) return code;
  dc_host_opts ho = *opts;
  if (ho.timeout <= 0) ho.timeout = 10.0;
  dc_run_opts rop = {.scenario = a.scenario};
  dc_run_list list = {NULL, 0, 0};
  code = dc_run_file(&ho, a.file, &rop, dc_run_list_push, &list);
  if (code != DC_EXIT_OK) {
    dc_run_list_free(&list);
    return code;
  }
  int found = 0;
  dc_jsonw *w = NULL;
  if (strcmp(a.format, "json") == 0) {
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
  code = explain_all(&list, &a, w, &found);
  if (w) code = close_json(w, code);
  if (code == DC_EXIT_OK && !found) {
    no_target(&list, &a);
    code = DC_EXIT_USAGE;
  }
  if (fflush(stdout) != 0 && code == DC_EXIT_OK) {
    fprintf(stderr, "decarb explain: cannot write standard output: %s\n", strerror(errno));
    code = DC_EXIT_USAGE;
  }
  dc_run_list_free(&list);
  return code;
}
