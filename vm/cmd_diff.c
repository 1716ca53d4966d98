/* cmd_diff.c — `decarb diff OLD NEW [--format text|json|markdown]
 * [--tolerance REL]`: what changed between two versions of a set of plans.
 * OLD and NEW are plan files or JSON reports of `decarb check --format json`
 * (or --format jsonl), told apart by their content. A plan file is run as
 * `decarb check` runs it and its result written as a JSON report and read
 * back (result_read.h), so that every comparison is between display values
 * of the same kind. The comparison is stdlib/diff.c. Exit: 0 no target
 * regressed, 1 a target went from met to missed, 2 usage or I/O (a file that
 * is neither, two unrelated sets of plans), 3-5 as check for a plan file. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "diff.h"
#include "host.h"
#include "jsonw.h"
#include "report_int.h"
#include "result_read.h"
#include "run.h"

static const char diff_usage[] =
    "usage: decarb diff [OPTIONS] OLD NEW\n"
    "What changed between two versions: OLD and NEW are plan files or JSON\n"
    "reports of decarb check --format json (or jsonl), or one of each.\n"
    "  --format FMT     text (default), json or markdown (a table for a pull request)\n"
    "  --tolerance REL  a value changed when it differs by more than REL relative\n"
    "                   (default 1e-9)\n"
    "  common options: --timeout SEC (default 10), --max-mem SIZE, --unsafe, --no-color\n"
    "Exit: 0 no target regressed, 1 a target went from met to missed,\n"
    "      2 usage or I/O error, 3 syntax error, 4 runtime error, 5 limit.\n";

static int usage_fail(const char *fmt, const char *arg) {
  fputs("decarb diff: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\n(decarb diff --help for the options)\n", stderr);
  return DC_EXIT_USAGE;
}

typedef struct side_t {
  dc_diff_side s;
  dc_result **v;      /* read back (or read) */
  size_t n;
  dc_run_list orig;   /* a plan file's results with their detail */
  int from_report;
} side_t;

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0, k;
  char *buf = malloc(cap + 1);
  while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
    n += k;
    if (n == cap) {
      char *nb = cap > ((size_t)1 << 30) ? NULL : realloc(buf, cap * 2 + 1);
      if (!nb) {
        free(buf);
        buf = NULL;
        errno = ENOMEM;
        break;
      }
      buf = nb;
      cap *= 2;
    }
  }
  int bad = ferror(f);
  fclose(f);
  if (!buf || bad) {
    free(buf);
    return NULL;
  }
  buf[n] = '\0';
  *len = n;
  return buf;
}

/* A plan's result as a JSON report would give it. */
static dc_result *round_trip(dc_result *r, char *err, size_t errsize) {
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  if (!m) {
    snprintf(err, errsize, "out of memory");
    return NULL;
  }
  dc_report_opts ro;
  memset(&ro, 0, sizeof ro);
  ro.format = DC_REPORT_JSON;
  int bad = dc_report_write(m, &r, 1, &ro);
  fclose(m);
  dc_result **v = NULL, *out = NULL;
  size_t n = 0;
  if (!bad && buf && dc_result_read_json(buf, len, &v, &n, err, errsize) == 0 && n == 1) {
    out = v[0];
    free(v);
  } else if (v)
    dc_result_read_free(v, n);
  free(buf);
  return out;
}

static int load(side_t *sd, const char *path, const dc_host_opts *ho) {
  memset(sd, 0, sizeof *sd);
  sd->s.label = path;
  size_t len;
  char *text = slurp(path, &len);
  if (!text) {
    fprintf(stderr, "decarb diff: cannot read '%s': %s\n", path, strerror(errno));
    return DC_EXIT_USAGE;
  }
  size_t i = 0;
  while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) i++;
  char err[400];
  if (i < len && (text[i] == '{' || text[i] == '[')) { /* JSON: a report, or nothing of ours */
    sd->from_report = 1;
    int rc = dc_result_read_json(text, len, &sd->v, &sd->n, err, sizeof err);
    if (rc != 0) {
      char err2[400];
      if (dc_result_read_jsonl(text, len, &sd->v, &sd->n, err2, sizeof err2) == 0) rc = 0;
      else if (strstr(text, "\"decarb-plan\"") && !strstr(text, "\"decarb-check\"")) snprintf(err, sizeof err, "%s", err2);
    }
    free(text);
    if (rc != 0) {
      fprintf(stderr, "decarb diff: %s is JSON but not a report of decarb check --format json: %s\n", path, err);
      return DC_EXIT_USAGE;
    }
    sd->s.v = sd->v;
    sd->s.n = sd->n;
    return DC_EXIT_OK;
  }
  free(text);
  dc_run_opts rop = {"plan", NULL, 0};
  int code = dc_run_file(ho, path, &rop, dc_run_list_push, &sd->orig);
  if (code != DC_EXIT_OK) return code;
  sd->v = sd->orig.n ? calloc(sd->orig.n, sizeof *sd->v) : NULL;
  if (sd->orig.n && !sd->v) {
    fprintf(stderr, "decarb diff: out of memory\n");
    return DC_EXIT_LIMIT;
  }
  for (size_t k = 0; k < sd->orig.n; k++) {
    sd->v[k] = round_trip(sd->orig.v[k], err, sizeof err);
    if (!sd->v[k]) {
      fprintf(stderr, "decarb diff: %s: plan '%s': %s\n", path, sd->orig.v[k]->name, err);
      return DC_EXIT_LIMIT;
    }
    sd->n = k + 1;
  }
  sd->s.v = sd->v;
  sd->s.n = sd->n;
  sd->s.orig = sd->orig.v;
  return DC_EXIT_OK;
}

static void unload(side_t *sd) {
  for (size_t k = 0; k < sd->n; k++) dc_result_free(sd->v[k]);
  free(sd->v);
  dc_run_list_free(&sd->orig);
}

static void kyear(dc_jsonw *w, const char *k, int y) {
  dc_jsonw_key(w, k);
  if (y == DC_PLAN_NOYEAR) dc_jsonw_null(w);
  else dc_jsonw_int(w, y);
}

static void kmet(dc_jsonw *w, const char *k, int m) {
  dc_jsonw_key(w, k);
  if (m < 0) dc_jsonw_null(w);
  else dc_jsonw_bool(w, m);
}

static int write_json(FILE *f, const dc_diff_side *a, const dc_diff_side *b, const dc_diff *d, double tol) {
  dc_jsonw *w = dc_jsonw_open(f, 0);
  if (!w) return DC_JSONW_ENOMEM;
  dc_jsonw_object(w, DC_JSONW_LINES);
  dc_jsonw_key(w, "changes");
  dc_jsonw_array(w, DC_JSONW_LINES);
  for (size_t i = 0; i < d->n; i++) {
    const dc_diff_item *it = &d->items[i];
    int years = it->kind == DC_DIFF_METRIC_CHANGED || it->kind == DC_DIFF_MEASURE_CHANGED ||
                it->kind == DC_DIFF_SECTOR_CHANGED;
    dc_jsonw_object(w, DC_JSONW_INLINE);
    dc_jsonw_kstr(w, "kind", dc_diff_kind_name(it->kind));
    dc_jsonw_kstr(w, "name", it->name);
    dc_jsonw_knum(w, "new", it->new_v);
    kmet(w, "new_met", it->new_met);
    dc_jsonw_kstr(w, "new_name", it->kind == DC_DIFF_MEASURE_RENAMED ? it->other : NULL);
    kyear(w, "new_year", it->kind == DC_DIFF_YEARS ? DC_PLAN_NOYEAR : it->new_year);
    dc_jsonw_knum(w, "old", it->old_v);
    kmet(w, "old_met", it->old_met);
    kyear(w, "old_year", it->kind == DC_DIFF_YEARS ? DC_PLAN_NOYEAR : it->old_year);
    dc_jsonw_kstr(w, "plan", it->plan);
    dc_jsonw_kbool(w, "regression", it->kind == DC_DIFF_REGRESSION);
    dc_jsonw_kstr(w, "scenario", it->scenario);
    dc_jsonw_kstr(w, "unit", it->unit[0] ? it->unit : NULL);
    dc_jsonw_kstr(w, "what", it->what && it->what[0] ? it->what : NULL);
    dc_jsonw_key(w, "years");
    if (years && it->nyears) {
      dc_jsonw_object(w, DC_JSONW_INLINE);
      dc_jsonw_kint(w, "count", it->nyears);
      dc_jsonw_kint(w, "from", it->ylo);
      dc_jsonw_kint(w, "to", it->yhi);
      dc_jsonw_end(w);
    } else if (it->kind == DC_DIFF_YEARS) {
      dc_jsonw_object(w, DC_JSONW_INLINE);
      int v[2][2] = {{it->ylo, it->yhi}, {it->old_year, it->new_year}};
      for (int k = 0; k < 2; k++) {
        dc_jsonw_key(w, k ? "new" : "old");
        dc_jsonw_array(w, DC_JSONW_INLINE);
        dc_jsonw_int(w, v[k][0]);
        dc_jsonw_int(w, v[k][1]);
        dc_jsonw_end(w);
      }
      dc_jsonw_end(w);
    } else
      dc_jsonw_null(w);
    dc_jsonw_end(w);
  }
  dc_jsonw_end(w);
  dc_jsonw_kint(w, "improvements", d->improvements);
  dc_jsonw_kstr(w, "new", b->label);
  dc_jsonw_kstr(w, "old", a->label);
  dc_jsonw_kint(w, "regressions", d->regressions);
  dc_jsonw_kstr(w, "schema", "decarb-diff");
  dc_jsonw_knum(w, "tolerance", tol);
  dc_jsonw_kint(w, "version", 1);
  dc_jsonw_end(w);
  int rc = dc_jsonw_close(w);
  fputc('\n', f);
  return rc;
}

int dc_cmd_diff(int argc, char **argv, const dc_host_opts *opts) {
  const char *files[2] = {NULL, NULL}, *format = "text";
  double tol = 1e-9;
  int nfiles = 0, rest = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (rest || a[0] != '-' || a[1] == '\0') {
      if (nfiles == 2) return usage_fail("two files only, OLD and NEW (got '%s' too)", a);
      files[nfiles++] = a;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      rest = 1;
      continue;
    }
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(diff_usage, stdout);
      return DC_EXIT_OK;
    }
    static const char *const known[] = {"--format", "--tolerance", NULL};
    char opt[DC_CMD_OPT_MAX];
    const char *val;
    int bad = dc_cmd_option(argc, argv, &i, known, opt, &val);
    if (bad) return usage_fail(bad == 1 ? "unknown option '%s'" : "%s needs a value", bad == 1 ? a : opt);
    if (strcmp(opt, "--format") == 0) {
      if (strcmp(val, "text") && strcmp(val, "json") && strcmp(val, "markdown"))
        return usage_fail("unknown format '%s' (text, json or markdown)", val);
      format = val;
    } else {
      char *end;
      errno = 0;
      tol = strtod(val, &end);
      if (end == val || *end || errno || !isfinite(tol) || tol < 0)
        return usage_fail("--tolerance wants a relative difference of 0 or more, such as 1e-6, not '%s'", val);
    }
  }
  if (nfiles < 2) return usage_fail("%s", "two files needed: decarb diff OLD NEW");
  for (int k = 0; k < 2; k++)
    if (strcmp(files[k], "-") == 0) return usage_fail("%s", "diff reads two files, not standard input");
  dc_host_opts ho = *opts;
  if (ho.timeout <= 0) ho.timeout = 10.0;
  side_t a, b;
  int code = load(&a, files[0], &ho);
  memset(&b, 0, sizeof b);
  if (code == DC_EXIT_OK) code = load(&b, files[1], &ho);
  dc_diff d;
  memset(&d, 0, sizeof d);
  char err[600];
  if (code == DC_EXIT_OK && dc_diff_run(&a.s, &b.s, tol, &d, err, sizeof err) != 0) {
    fprintf(stderr, "decarb diff: %s\n", err);
    code = strcmp(err, "out of memory") == 0 ? DC_EXIT_LIMIT : DC_EXIT_USAGE;
  } else if (code == DC_EXIT_OK) {
    int jr = DC_JSONW_OK;
    if (strcmp(format, "json") == 0) jr = write_json(stdout, &a.s, &b.s, &d, tol);
    else if (strcmp(format, "markdown") == 0) dc_diff_write_markdown(stdout, &a.s, &b.s, &d);
    else dc_diff_write_text(stdout, &a.s, &b.s, &d);
    if (jr == DC_JSONW_ENOMEM) {
      fprintf(stderr, "decarb diff: out of memory\n");
      code = DC_EXIT_LIMIT;
    } else if (fflush(stdout) != 0 || jr != DC_JSONW_OK) {
      fprintf(stderr, "decarb diff: cannot write standard output: %s\n", strerror(errno));
      code = DC_EXIT_USAGE;
    } else if (d.regressions)
      code = DC_EXIT_MISSED;
    dc_diff_free(&d);
  }
  unload(&a);
  unload(&b);
  return code;
}
