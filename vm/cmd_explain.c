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

static void json_val(FILE *f, double si, const dc_display *d) { dc_rep_json_num(f, dc_rep_in_disp(si, d)); }

static void json_year(FILE *f, int y) {
  if (y == DC_PLAN_NOYEAR) fputs("null", f);
  else fprintf(f, "%d", y);
}

/* One explanation as a JSON object (keys sorted). */
static void write_json(FILE *f, const dc_result *r, const dc_explain *e) {
  const dc_result_target *x = &r->targets[e->target];
  dc_display z = dc_rep_diff_disp(&e->disp);
  fputs("    {\"bound\": {\"base_value\": ", f);
  json_val(f, e->base_value, &e->disp);
  fputs(", \"base_year\": ", f);
  json_year(f, e->base_year);
  fputs(", \"derivation\": ", f);
  dc_rep_json_str(f, e->bound_text);
  fputs(", \"fraction\": ", f);
  dc_rep_json_num(f, e->fraction);
  fputs(", \"kind\": ", f);
  dc_rep_json_str(f, e->bound_kind);
  fputs(", \"unit\": ", f);
  dc_rep_json_str(f, e->disp.label);
  fputs(", \"value\": ", f);
  json_val(f, e->bound, &e->disp);
  fputs(", \"vs\": ", f);
  dc_rep_json_str_or_null(f, e->vs);
  fputs("},\n     \"deciding_year\": ", f);
  json_year(f, x->deciding);
  if (e->den_metric >= 0) {
    fputs(", \"denominator\": {\"metric\": ", f);
    dc_rep_json_str(f, r->metrics[e->den_metric].name);
    fputs(", \"unit\": ", f);
    dc_rep_json_str(f, e->den_disp.label);
    fputs(", \"value\": ", f);
    json_val(f, e->den, &e->den_disp);
    fputc('}', f);
  }
  fputs(", \"file\": ", f);
  dc_rep_json_str_or_null(f, x->file);
  fputs(", \"kind\": ", f);
  dc_rep_json_str(f, e->kind);
  fputs(", \"line\": ", f);
  if (x->line > 0) fprintf(f, "%d", x->line);
  else fputs("null", f);
  fputs(", \"margin\": ", f);
  dc_rep_json_num(f, e->margin / z.scale);
  fputs(", \"margin_rel\": ", f);
  dc_rep_json_num(f, e->margin_rel);
  fputs(", \"margin_unit\": ", f);
  dc_rep_json_str(f, z.label);
  fprintf(f, ", \"met\": %s, \"metric\": ", e->met ? "true" : "false");
  dc_rep_json_str(f, e->metric);
  fputs(", \"name\": ", f);
  dc_rep_json_str(f, e->name);
  fputs(", \"note\": ", f);
  dc_rep_json_str_or_null(f, e->note[0] ? e->note : NULL);
  if (e->num_metric >= 0 || e->den_metric >= 0) {
    fputs(", \"numerator\": {\"metric\": ", f);
    dc_rep_json_str_or_null(f, e->num_metric >= 0 ? r->metrics[e->num_metric].name : NULL);
    fputs(", \"unit\": ", f);
    dc_rep_json_str(f, e->num_disp.label);
    fputs(", \"value\": ", f);
    json_val(f, e->num, &e->num_disp);
    fputc('}', f);
  }
  fputs(", \"plan\": ", f);
  dc_rep_json_str(f, r->name);
  fputs(", \"scenario\": ", f);
  dc_rep_json_str(f, r->scenario_names[e->scenario]);
  fputs(", \"shortfall\": ", f);
  dc_rep_json_num(f, e->shortfall / z.scale);
  fputs(", \"status\": ", f);
  dc_rep_json_str(f, e->status == DC_ST_NONE ? "none" : dc_status_name((enum dc_status)e->status));
  fputs(",\n     \"terms\": [", f);
  for (size_t k = 0; k < e->nterms; k++) {
    const dc_explain_term *t = &e->terms[k];
    fprintf(f, "%s\n       {\"at_full\": ", k ? "," : "");
    json_val(f, t->at_full, &(dc_display){.scale = e->disp.scale});
    fputs(", \"kind\": ", f);
    dc_rep_json_str(f, t->kind);
    fputs(", \"name\": ", f);
    dc_rep_json_str(f, t->name);
    fputs(", \"ramp\": ", f);
    dc_rep_json_num(f, t->ramp);
    fputs(", \"source\": ", f);
    dc_rep_json_str_or_null(f, t->source);
    fputs(", \"unit\": ", f);
    dc_rep_json_str(f, e->disp.label);
    fputs(", \"value\": ", f);
    /* terms are parts of one sum: no offset (none for any unit of a sum) */
    dc_rep_json_num(f, t->value / e->disp.scale);
    fputc('}', f);
  }
  fputs(e->nterms ? "\n     ]" : "]", f);
  fputs(", \"unit\": ", f);
  dc_rep_json_str(f, e->disp.label);
  fputs(", \"value\": ", f);
  json_val(f, e->value, &e->disp);
  fputs(",\n     \"what_would_it_take\": ", f);
  if (e->shortfall <= 0) fputs("null", f);
  else {
    fputs("{\"increase\": ", f);
    dc_rep_json_num(f, e->lever);
    fputs(", \"measures\": [", f);
    for (size_t k = 0; k < e->nlevers; k++) {
      const dc_explain_lever *l = &e->levers[k];
      fprintf(f, "%s{\"closes\": ", k ? ", " : "");
      dc_rep_json_num(f, l->closes / z.scale);
      fputs(", \"fraction\": ", f);
      dc_rep_json_num(f, l->fraction);
      fputs(", \"measure\": ", f);
      dc_rep_json_str(f, r->detail->measures[l->measure].name);
      fputs(", \"needed\": ", f);
      dc_rep_json_num(f, l->needed);
      fputc('}', f);
    }
    fputs("]}", f);
  }
  fprintf(f, ", \"year\": %d}", e->year);
}

int dc_cmd_option(int argc, char **argv, int *i, const char *const *known, char opt[DC_CMD_OPT_MAX],
                  const char **val) {
  const char *a = argv[*i], *eq = strchr(a, '=');
  size_t ol = eq ? (size_t)(eq - a) : strlen(a);
  if (ol >= DC_CMD_OPT_MAX) ol = DC_CMD_OPT_MAX - 1;
  memcpy(opt, a, ol);
  opt[ol] = '\0';
  int k = 0;
  while (known[k] && strcmp(known[k], opt) != 0) k++;
  if (!known[k]) return 1;
  if (eq) *val = eq + 1;
  else if (*i + 1 < argc) *val = argv[++*i];
  else return 2;
  return 0;
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
  dc_run_opts rop = {scenario, NULL, 0};
  dc_run_list list = {NULL, 0, 0};
  int code = dc_run_file(&ho, file, &rop, dc_run_list_push, &list);
  if (code != DC_EXIT_OK) {
    dc_run_list_free(&list);
    return code;
  }
  int json = strcmp(format, "json") == 0, found = 0;
  char err[400];
  if (json) fputs("{\n  \"explanations\": [\n", stdout);
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
      if (json) {
        if (found) fputs(",\n", stdout);
        write_json(stdout, r, &e);
      } else {
        if (found) fputc('\n', stdout);
        dc_explain_write_text(stdout, r, &e);
      }
      found++;
      dc_explain_free(&e);
    }
  }
  if (json) fprintf(stdout, "%s  ],\n  \"schema\": \"decarb-explain\",\n  \"version\": 1\n}\n", found ? "\n" : "");
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
