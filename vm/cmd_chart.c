/* cmd_chart.c — `decarb chart [OPTIONS] FILE`: runs the script as `check`
 * does (sandboxed, 10 s unless --timeout), takes the result of one plan and
 * writes one chart of it as an SVG 1.1 document: the emissions chart (the
 * default), a metric's lines, a target's chart or the wedge chart. The
 * charts are those of the HTML report (vm/report/charts.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charts.h"
#include "commands.h"
#include "run.h"

#define CHART_DEFAULT_TIMEOUT 10.0
#define CHART_MAX_SCENARIOS 64

static const char chart_usage[] =
    "usage: decarb chart [OPTIONS] FILE\n"
    "Writes one chart of a plan the file defines as an SVG 1.1 document.\n"
    "  (default)        the emissions chart: BAU, every scenario, targets' bounds\n"
    "  --metric M       metric M's lines, one per scenario\n"
    "  --target NAME    target NAME: its value against its bound, the verdict\n"
    "  --wedges         each measure's abatement stacked between the plan and BAU\n"
    "  --scenario S     draw scenario S (repeat for several); the first is the one\n"
    "                   targets and wedges are judged in (default: plan, and all)\n"
    "  --plan NAME      the plan to draw when the file defines several\n"
    "  --years A:B      draw years A to B only\n"
    "  --width PX, --height PX  the plot's size (default 720 x 360)\n"
    "  --output FILE    write the SVG to FILE (whole or not at all; - or none: stdout)\n"
    "  common options: --timeout SEC (default 10), --max-mem SIZE, --unsafe,\n"
    "                  --no-color\n"
    "Exit: 0 chart written, 2 usage or I/O error (an unknown metric, target,\n"
    "      scenario or plan included), 3 syntax error, 4 runtime error, 5 limit.\n";

static int chart_fail(const char *fmt, const char *arg) {
  fputs("decarb chart: ", stderr);
  fprintf(stderr, fmt, arg);
  fputc('\n', stderr);
  return DC_EXIT_USAGE;
}

static int usage_fail(const char *fmt, const char *arg) {
  chart_fail(fmt, arg);
  fputs("(decarb chart --help for the options)\n", stderr);
  return DC_EXIT_USAGE;
}

/* "A, B, C" of the names into buf. */
static void list_names(char *buf, size_t size, const char *const *names, size_t n, size_t stride) {
  size_t at = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < n && at + 1 < size; i++) {
    const char *s = *(const char *const *)((const char *)names + i * stride);
    if (!s) continue;
    int w = snprintf(buf + at, size - at, "%s'%s'", at ? ", " : "", s);
    if (w < 0 || (size_t)w >= size - at) {
      snprintf(buf + (size > 5 ? size - 5 : 0), size > 5 ? 5 : size, "...");
      return;
    }
    at += (size_t)w;
  }
}

/* Writes data to path whole: a temporary file beside it, then rename() (a
 * symbolic link: its target); a device or FIFO is written in place. */
static int write_whole(const char *path, const char *data, size_t len) {
  if (!path || strcmp(path, "-") == 0) {
    if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
      return chart_fail("cannot write standard output: %s", strerror(errno));
    return 0;
  }
  char *real = NULL;
  struct stat st;
  if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && (real = realpath(path, NULL)) != NULL) path = real;
  FILE *f = NULL;
  char *tmp = NULL;
  int in_place = stat(path, &st) == 0 && !S_ISREG(st.st_mode), bad = 0;
  if (in_place) f = fopen(path, "w");
  else if ((tmp = malloc(strlen(path) + 16)) != NULL) {
    sprintf(tmp, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd >= 0) {
      dc_host_cleanup_file(tmp);
      mode_t mask = umask(0);
      umask(mask);
      (void)fchmod(fd, 0666 & ~mask);
      if (!(f = fdopen(fd, "w"))) close(fd);
    }
  }
  if (!f) bad = 1;
  else {
    bad = fwrite(data, 1, len, f) != len || fflush(f) != 0 || (tmp && fsync(fileno(f)) != 0);
    bad |= fclose(f) != 0;
    if (tmp && !bad && rename(tmp, path) != 0) bad = 1;
  }
  int e = errno;
  if (tmp) {
    if (bad) unlink(tmp);
    dc_host_cleanup_file(NULL);
    free(tmp);
  }
  if (bad) fprintf(stderr, "decarb chart: cannot write '%s': %s\n", path, strerror(e ? e : EIO));
  free(real);
  return bad ? DC_EXIT_USAGE : 0;
}

typedef struct chart_args {
  const char *file, *output, *metric, *target, *plan;
  const char *scenarios[CHART_MAX_SCENARIOS];
  int nscenarios, wedges, y0, y1, width, height;
} chart_args;

static int parse_px(const char *val, int *out) {
  char *end;
  long v = strtol(val, &end, 10);
  if (*val == '\0' || *end != '\0' || v < 40 || v > 20000) return -1;
  *out = (int)v;
  return 0;
}

/* Parses argv into a; returns -1 to go on, or the exit code. */
static int parse_args(int argc, char **argv, chart_args *a) {
  int rest = 0;
  for (int i = 1; i < argc; i++) {
    const char *s = argv[i];
    int what = dc_cmd_arg(s, &rest, &a->file);
    if (what == DC_CMD_ARG_EXTRA) return usage_fail("one FILE only (got '%s' too)", s);
    if (what == DC_CMD_ARG_HELP) {
      fputs(chart_usage, stdout);
      return DC_EXIT_OK;
    }
    if (what == DC_CMD_ARG_DONE) continue;
    if (strcmp(s, "--wedges") == 0) {
      a->wedges = 1;
      continue;
    }
    static const char *const opts[] = {"--metric", "--target", "--scenario", "--plan", "--years",
                                       "--width",  "--height", "--output",   NULL};
    char opt[DC_CMD_OPT_MAX];
    const char *val;
    int bad = dc_cmd_option(argc, argv, &i, opts, opt, &val);
    if (bad) return usage_fail(bad == 1 ? "unknown option '%s'" : "%s needs a value", bad == 1 ? s : opt);
    int k = 0;
    while (strcmp(opts[k], opt) != 0) k++;
    switch (k) {
    case 0: a->metric = val; break;
    case 1: a->target = val; break;
    case 2:
      if (a->nscenarios == CHART_MAX_SCENARIOS) return usage_fail("%s", "at most 64 --scenario");
      a->scenarios[a->nscenarios++] = val;
      break;
    case 3: a->plan = val; break;
    case 4:
      if (dc_cmd_years(val, &a->y0, &a->y1)) return usage_fail(DC_CMD_YEARS_WANT, val);
      break;
    case 5:
    case 6:
      if (parse_px(val, k == 5 ? &a->width : &a->height))
        return usage_fail("--width and --height want a number of pixels from 40 to 20000, not '%s'", val);
      break;
    default: a->output = val;
    }
  }
  if (!a->file) return usage_fail("%s", "no FILE given");
  if (strcmp(a->file, "-") == 0)
    return usage_fail("%s", "chart reads a script file, not standard input: save it and give its name");
  if ((a->metric != NULL) + (a->target != NULL) + a->wedges > 1)
    return usage_fail("%s", "choose one of --metric, --target and --wedges");
  return -1;
}

/* The plan to draw among the results; NULL with a message. */
static const dc_result *pick_plan(const dc_run_list *l, const chart_args *a) {
  char names[600];
  if (!l->n) {
    chart_fail("'%s' defines no plan (decarb.plan{...})", a->file);
    return NULL;
  }
  for (size_t k = 0; a->plan && k < l->n; k++)
    if (strcmp(l->v[k]->name, a->plan) == 0) return l->v[k];
  if (!a->plan && l->n == 1) return l->v[0];
  size_t at = 0;
  names[0] = '\0';
  for (size_t k = 0; k < l->n && at + 8 < sizeof names; k++) {
    int w = snprintf(names + at, sizeof names - at, "%s'%s'", k ? ", " : "", l->v[k]->name);
    if (w > 0) at += (size_t)w < sizeof names - at ? (size_t)w : sizeof names - at - 1;
  }
  if (a->plan) fprintf(stderr, "decarb chart: no plan '%s' in %s (its plans: %s)\n", a->plan, a->file, names);
  else fprintf(stderr, "decarb chart: %s defines %zu plans (%s): choose one with --plan NAME\n", a->file, l->n, names);
  return NULL;
}

static int draw(const dc_result *r, const chart_args *a, dc_chart_buf *out) {
  char names[600];
  int scen[CHART_MAX_SCENARIOS];
  for (int k = 0; k < a->nscenarios; k++) {
    size_t s = 0;
    while (s < r->nscenarios && strcmp(r->scenario_names[s], a->scenarios[k]) != 0) s++;
    if (s == r->nscenarios || !r->evaluated[s]) {
      list_names(names, sizeof names, (const char *const *)r->scenario_names, r->nscenarios, sizeof(char *));
      fprintf(stderr, "decarb chart: plan '%s' has no scenario '%s' (its scenarios: %s)\n", r->name,
              a->scenarios[k], names);
      return DC_EXIT_USAGE;
    }
    scen[k] = (int)s;
  }
  dc_rc_opts o = {r->y0, r->y1, a->nscenarios ? scen : NULL, a->nscenarios, 1, "chart", a->width, a->height};
  if (a->y0 || a->y1) {
    if (a->y1 < r->y0 || a->y0 > r->y1) {
      fprintf(stderr, "decarb chart: --years %d:%d is outside plan '%s' (%d-%d)\n", a->y0, a->y1, r->name, r->y0,
              r->y1);
      return DC_EXIT_USAGE;
    }
    if (a->y0 > o.a) o.a = a->y0;
    if (a->y1 < o.b) o.b = a->y1;
  }
  int rc;
  if (a->target) {
    int t = dc_rc_find_target(r, a->target);
    if (t < 0) {
      if (r->ntargets)
        list_names(names, sizeof names, (const char *const *)&r->targets[0].name, r->ntargets, sizeof *r->targets);
      fprintf(stderr, "decarb chart: plan '%s' has no target '%s' (its targets: %s)\n", r->name, a->target,
              r->ntargets ? names : "none");
      return DC_EXIT_USAGE;
    }
    rc = dc_rc_target(out, r, t, &o);
    if (rc == DC_RC_NONE) return chart_fail("target '%s' has no verdict to draw", a->target);
  } else if (a->wedges) {
    rc = dc_rc_wedges(out, r, &o);
    if (rc == DC_RC_NONE) return chart_fail("plan '%s' has no wedges (it needs sectors and measures)", r->name);
  } else {
    int m = a->metric ? dc_rc_find_metric(r, a->metric) : DC_MET_EMISSIONS;
    if (m < 0 || !dc_rc_has_emissions(r)) {
      if (m >= 0 || !a->metric) {
        fprintf(stderr, "decarb chart: plan '%s' has no emissions (no sectors): choose a chart with --metric or --target\n",
                r->name);
        return DC_EXIT_USAGE;
      }
      list_names(names, sizeof names, (const char *const *)&r->metrics[0].name, r->nmetrics, sizeof *r->metrics);
      fprintf(stderr, "decarb chart: plan '%s' has no metric '%s' (its metrics: %s)\n", r->name, a->metric, names);
      return DC_EXIT_USAGE;
    }
    rc = dc_rc_metric(out, r, m, &o);
    if (rc == DC_RC_NONE) return chart_fail("metric '%s' has no values in the scenarios chosen", r->metrics[m].name);
  }
  if (rc == DC_CHART_ENOMEM) {
    fputs("decarb chart: out of memory while drawing the chart\n", stderr);
    return DC_EXIT_LIMIT;
  }
  if (rc != DC_CHART_OK) return chart_fail("cannot draw the chart: %s", dc_chart_strerror(rc));
  return DC_EXIT_OK;
}

int dc_cmd_chart(int argc, char **argv, const dc_host_opts *opts) {
  chart_args a;
  memset(&a, 0, sizeof a);
  int code = parse_args(argc, argv, &a);
  if (code >= 0) return code;
  dc_host_opts ho = *opts;
  if (ho.timeout <= 0) ho.timeout = CHART_DEFAULT_TIMEOUT;
  dc_run_opts rop = {.scenario = a.nscenarios ? a.scenarios[0] : "plan"};
  dc_run_list kept = {0};
  code = dc_run_file(&ho, a.file, &rop, dc_run_list_push, &kept);
  if (code == DC_EXIT_OK) {
    const dc_result *r = pick_plan(&kept, &a);
    dc_chart_buf out = {0};
    code = r ? draw(r, &a, &out) : DC_EXIT_USAGE;
    if (code == DC_EXIT_OK) code = write_whole(a.output, out.data, out.len);
    dc_chart_buf_free(&out);
  }
  dc_run_list_free(&kept);
  return code;
}
