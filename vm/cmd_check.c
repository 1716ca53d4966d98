/* cmd_check.c — `decarb check [OPTIONS] FILE...`: runs each script in its
 * own sandboxed host (10 s time limit unless --timeout says otherwise),
 * evaluates every plan it created, writes one report and sets the exit code
 * (0 all targets met, 1 one missed, 2 usage/IO, 3 syntax, 4 runtime, 5 limit). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "host.h"
#include "jobs.h"
#include "random.h"
#include "param.h"
#include "report.h"
#include "run.h"

#define CHECK_DEFAULT_TIMEOUT 10.0

static const char check_usage[] =
    "usage: decarb check [OPTIONS] FILE...   (FILE - reads the script from stdin)\n"
    "Evaluates every plan the files define and reports each target's verdict.\n"
    "  --format FMT     text (default), json, jsonl, csv, csv-targets, tap, junit,\n"
    "                   github or html\n"
    "  --output FILE    write the report to FILE (whole or not at all; - is stdout)\n"
    "  --scenario NAME  judge the targets in scenario NAME (default: plan)\n"
    "  --years A:B      show only years A to B, or A alone (verdicts are unchanged)\n"
    "  --jobs N         check N files at a time in worker processes (0: one per\n"
    "                   CPU; default 1); the report is the same as with 1\n"
    "  --shard I/N      check only the I-th of N equal runs of the files (1 <= I <= N)\n"
    "  --samples N      Monte Carlo: N samples of every uncertain input; each\n"
    "                   target gains P(met) and its drivers (A:B: samples A to\n"
    "                   B-1 of a larger run, a block to merge)\n"
    "  --seed S         the Monte Carlo's seed (0 to 2^64-1, default 1); also\n"
    "                   seeds math.random\n"
    "  --fail-below P   exit 1 when a target's P(met) is below P (0 to 1)\n"
    "  --set NAME=VALUE what param(NAME, DEFAULT) returns in the scripts (repeatable)\n"
    "  --exit-zero      exit 0 when a target is missed (errors keep their codes)\n"
    "  common options: --timeout SEC (default 10 for check), --max-mem SIZE,\n"
    "                  --unsafe, --no-color\n"
    "Exit: 0 every target met, 1 a target missed, 2 usage or I/O error,\n"
    "      3 syntax error, 4 runtime error, 5 time or memory limit.\n";

/* The options of scale-out (--jobs, --shard), parsed apart from the rest. */
typedef struct check_scale {
  int jobs;          /* worker processes; 1: none */
  int shard, nshard; /* 1..nshard; 0 0: all files */
  int exit_zero;     /* a missed target still exits 0 */
} check_scale;

static int usage_fail(const char *fmt, const char *arg);

static int scale_known(const char *opt) {
  return strcmp(opt, "--jobs") == 0 || strcmp(opt, "--shard") == 0 || strcmp(opt, "--set") == 0;
}

/* Parses --jobs, --shard or --set's value: 0, or DC_EXIT_USAGE (reported). */
static int scale_option(check_scale *sc, const char *opt, const char *val) {
  int a, b, used = 0;
  if (strcmp(opt, "--set") == 0) {
    int r = dc_param_set(val);
    if (r == -1) return usage_fail("--set wants NAME=VALUE, such as --set pv_hours=\"1300 h/yr\", not '%s'", val);
    if (r == -2) return usage_fail("--set: '%s' sets a name given before", val);
    if (r == -3) return usage_fail("%s", "out of memory");
    return 0;
  }
  if (strcmp(opt, "--jobs") == 0) {
    if (sscanf(val, "%d%n", &a, &used) != 1 || val[used] != '\0' || a < 0 || a > 4096)
      return usage_fail("--jobs wants a number of worker processes from 1 to 4096, or 0 for one per CPU, not '%s'",
                        val);
    sc->jobs = a ? a : dc_jobs_ncpu();
    return 0;
  }
  if (sscanf(val, "%d/%d%n", &a, &b, &used) != 2 || val[used] != '\0' || b < 1 || a < 1 || a > b)
    return usage_fail("--shard wants I/N with 1 <= I <= N, such as 2/4 (the second of four), not '%s'", val);
  sc->shard = a;
  sc->nshard = b;
  return 0;
}

/* The files of shard I of N: the I-th of N runs of consecutive files, in
 * the order given (files k*n/N .. (k+1)*n/N - 1 for k = I-1), so that the
 * shards' reports one after another are the report of all the files. */
static void scale_shard(const check_scale *sc, char **files, int *nfiles) {
  if (!sc->nshard) return;
  long n = *nfiles, lo = (long)(sc->shard - 1) * n / sc->nshard, hi = (long)sc->shard * n / sc->nshard;
  memmove(files, files + lo, (size_t)(hi - lo) * sizeof *files);
  *nfiles = (int)(hi - lo);
}

static int usage_fail(const char *fmt, const char *arg) {
  fputs("decarb check: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\n(decarb check --help for the options)\n", stderr);
  return DC_EXIT_USAGE;
}

/* Where the report goes: standard output, a device or FIFO written in
 * place, or a regular file written whole through a temporary file beside it
 * and rename(), so an existing file stays untouched when anything fails. */
typedef struct out_t {
  FILE *f;
  const char *path; /* NULL: standard output */
  char *tmp;        /* the temporary file, or NULL */
  char *real;       /* path was a symbolic link: where it points, or NULL */
} out_t;

static int out_open_in(out_t *o, const char *path) {
  if (!path || strcmp(path, "-") == 0) {
    o->f = stdout;
    return 0;
  }
  o->path = path;
  struct stat st;
  /* a symbolic link: write its target (whole, beside it), keep the link */
  if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && (o->real = realpath(path, NULL)) != NULL)
    o->path = path = o->real;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) { /* /dev/stdout, a FIFO: in place */
    o->f = fopen(path, "w");
    if (!o->f) {
      fprintf(stderr, "decarb check: cannot write '%s': %s\n", path, strerror(errno));
      return -1;
    }
    return 0;
  }
  size_t len = strlen(path) + 16;
  o->tmp = malloc(len);
  if (!o->tmp) {
    fprintf(stderr, "decarb check: out of memory (opening '%s')\n", path);
    return -1;
  }
  snprintf(o->tmp, len, "%s.tmpXXXXXX", path);
  int fd = mkstemp(o->tmp);
  if (fd < 0) {
    fprintf(stderr, "decarb check: cannot write '%s': %s\n", path, strerror(errno));
    free(o->tmp);
    o->tmp = NULL;
    return -1;
  }
  dc_host_cleanup_file(o->tmp); /* removed if the host ends the process */
  mode_t mask = umask(0);
  umask(mask);
  (void)fchmod(fd, 0666 & ~mask); /* as any file a program creates */
  o->f = fdopen(fd, "w");
  if (!o->f) {
    close(fd);
    unlink(o->tmp);
    dc_host_cleanup_file(NULL);
    free(o->tmp);
    o->tmp = NULL;
    return -1;
  }
  return 0;
}

static int out_open(out_t *o, const char *path) {
  memset(o, 0, sizeof *o);
  if (out_open_in(o, path) == 0) return 0;
  free(o->real);
  o->real = NULL;
  return -1;
}

/* Finishes the output: keep (0) or throw away (1) what was written.
 * Returns 0, or -1 with a message when the report could not be written. */
static int out_close(out_t *o, int discard) {
  int bad = ferror(o->f) != 0;
  const char *name = o->path ? o->path : "standard output";
  if (o->f == stdout) {
    bad |= fflush(stdout) != 0;
  } else {
    bad |= fflush(o->f) != 0;
    if (o->tmp && !bad && !discard) bad |= fsync(fileno(o->f)) != 0;
    bad |= fclose(o->f) != 0;
    if (o->tmp) {
      if (!bad && !discard && rename(o->tmp, o->path) != 0) bad = 1;
      if (bad || discard) unlink(o->tmp);
      dc_host_cleanup_file(NULL);
      free(o->tmp);
    }
  }
  o->f = NULL;
  if (bad && !discard) {
    fprintf(stderr, "decarb check: cannot write the report to %s: %s\n", name,
            errno ? strerror(errno) : "write error");
    free(o->real);
    o->real = NULL;
    return -1;
  }
  free(o->real);
  o->real = NULL;
  return 0;
}

/* What the sink counts (ints, so that --jobs workers send theirs back to
 * be added up: jobs.h). */
enum { CN_MET, CN_TOTAL, CN_WERR, CN_BELOW, CN_PLANS, CN_SKIPPED, CN_N };

typedef struct check_run {
  dc_report_opts ro;
  out_t *out;
  dc_run_list kept; /* for a whole report; none when streaming */
  /* targets met and in all; writing the report failed; targets whose
     P(met) is below fail_below; plans seen, those without --scenario's */
  int n[CN_N];
  double fail_below; /* < 0: not asked */
} check_run;

/* --scenario over many files: plans without it are skipped, and the run
 * fails (exit 2) only when no plan has it. */
static int scenario_found(const check_run *c, const char *scenario) {
  if (!c->n[CN_PLANS] || c->n[CN_SKIPPED] < c->n[CN_PLANS]) return 1;
  fprintf(stderr, "decarb check: no plan has scenario '%s'\n", scenario);
  return 0;
}

static int check_sink(void *vctx, dc_result *r) {
  check_run *c = vctx;
  c->n[CN_PLANS]++;
  c->n[CN_SKIPPED] += r->missing_scenario != NULL;
  if ((c->ro.y0 || c->ro.y1) && (c->ro.y1 < r->y0 || c->ro.y0 > r->y1)) {
    fprintf(stderr, "decarb check: --years %d:%d is outside plan '%s' (%d-%d)\n", c->ro.y0, c->ro.y1, r->name,
            r->y0, r->y1);
    dc_result_free(r);
    return DC_EXIT_USAGE;
  }
  if ((c->ro.y0 || c->ro.y1) && (c->ro.y0 < r->y0 || c->ro.y1 > r->y1))
    fprintf(stderr, "decarb check: --years %d:%d clipped to %d-%d for plan '%s' (%d-%d)\n", c->ro.y0, c->ro.y1,
            c->ro.y0 > r->y0 ? c->ro.y0 : r->y0, c->ro.y1 < r->y1 ? c->ro.y1 : r->y1, r->name, r->y0, r->y1);
  c->n[CN_MET] += r->met;
  c->n[CN_TOTAL] += (int)r->ntargets;
  for (size_t t = 0; r->has_mc && c->fail_below >= 0 && t < r->ntargets; t++)
    c->n[CN_BELOW] += !(r->targets[t].p_met >= c->fail_below);
  /* CSV has no place for warnings: they go to standard error (every other
   * format carries them in the report) */
  if (c->ro.format == DC_REPORT_CSV || c->ro.format == DC_REPORT_CSV_TARGETS)
    for (size_t i = 0; i < r->nwarnings; i++) fprintf(stderr, "warning: %s\n", r->warnings[i].text);
  if (dc_report_streams(c->ro.format)) { /* written now, then forgotten */
    int bad = dc_report_write(c->out->f, &r, 1, &c->ro) || (c->out->f == stdout && fflush(stdout));
    dc_result_free(r);
    c->n[CN_WERR] |= bad;
    return bad ? DC_EXIT_USAGE : DC_EXIT_OK;
  }
  return dc_run_list_push(&c->kept, r);
}

/* --jobs with a report that streams: check_sink runs in the workers and
 * writes to a memory stream; the parent adds up the counts and copies the
 * bytes (jobs.h). */
static void stream_redirect(void *vctx, FILE *f) { ((check_run *)vctx)->out->f = f; }
static int *stream_counters(void *vctx, int *n) {
  *n = CN_N;
  return ((check_run *)vctx)->n;
}
static int stream_put(void *vctx, const char *bytes, size_t len, const int *cnt, int n) {
  check_run *c = vctx;
  for (int i = 0; i < n && i < CN_N; i++) c->n[i] += cnt[i];
  int bad = (len && fwrite(bytes, 1, len, c->out->f) != len) || (c->out->f == stdout && fflush(stdout));
  c->n[CN_WERR] |= bad;
  return bad || cnt[CN_WERR] ? DC_EXIT_USAGE : DC_EXIT_OK;
}
static const dc_jobs_stream check_stream = {stream_redirect, stream_counters, stream_put};

/* Checks the files one after another, or in sc->jobs worker processes (a
 * Monte Carlo too: each plan's samples are run where its file is). */
static int check_files(const dc_host_opts *ho, char **files, int nfiles, const dc_run_opts *rop,
                       const check_scale *sc, check_run *c) {
  if (sc->jobs > 1 && nfiles > 1)
    return dc_jobs_run(ho, files, nfiles, rop, sc->jobs, check_sink, c,
                       dc_report_streams(c->ro.format) ? &check_stream : NULL);
  int code = DC_EXIT_OK;
  for (int k = 0; k < nfiles && code == DC_EXIT_OK; k++) code = dc_run_file(ho, files[k], rop, check_sink, c);
  return code;
}

/* The whole of standard input (for `decarb check -`); NULL on error. */
static char *read_stdin(size_t *len) {
  int oom;
  return dc_host_read_all(stdin, len, &oom);
}

/* What the command line asks for. */
typedef struct check_args {
  dc_report_opts ro;
  const char *output, *scenario;
  uint64_t seed, first, end;
  int seeded;
  double fail_below; /* < 0: not asked */
  check_scale sc;
  char **files;
  int nfiles;
} check_args;

static int known_option(const char *opt) {
  static const char *const names[] = {"--format", "--output",  "--scenario",  "--years",
                                      "--samples", "--seed",  "--fail-below"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(opt, names[i]) == 0) return 1;
  return scale_known(opt);
}

/* --years A:B or one year (the parser decarb chart uses too). */
static int years_option(check_args *ca, const char *val) {
  if (dc_cmd_years(val, &ca->ro.y0, &ca->ro.y1)) return usage_fail(DC_CMD_YEARS_WANT, val);
  return 0;
}

/* One option with its value (opt known): 0, or DC_EXIT_USAGE (reported). */
static int value_option(check_args *ca, const char *opt, const char *val) {
  char perr[200];
  if (scale_known(opt)) return scale_option(&ca->sc, opt, val);
  if (strcmp(opt, "--format") == 0) {
    if (dc_report_format_parse(val, &ca->ro.format))
      return usage_fail("unknown format '%s' (" DC_REPORT_FORMAT_NAMES ")", val);
  } else if (strcmp(opt, "--output") == 0) ca->output = val;
  else if (strcmp(opt, "--scenario") == 0) ca->scenario = val;
  else if (strcmp(opt, "--samples") == 0) {
    if (dc_random_parse_samples(val, &ca->first, &ca->end, perr, sizeof perr)) return usage_fail("%s", perr);
  } else if (strcmp(opt, "--seed") == 0) {
    if (dc_random_parse_seed(val, &ca->seed, perr, sizeof perr)) return usage_fail("%s", perr);
    ca->seeded = 1;
  } else if (strcmp(opt, "--fail-below") == 0) {
    char *e = NULL;
    errno = 0;
    ca->fail_below = strtod(val, &e);
    if (!*val || *e || errno || !(ca->fail_below >= 0 && ca->fail_below <= 1))
      return usage_fail("--fail-below wants a probability from 0 to 1, such as 0.9, not '%s'", val);
  } else return years_option(ca, val);
  return 0;
}

/* The command line into ca (ca->files: argv's). -1: --help was written;
 * 0; or DC_EXIT_USAGE (reported). */
static int parse_args(int argc, char **argv, check_args *ca) {
  int rest = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (rest || a[0] != '-' || a[1] == '\0') {
      ca->files[ca->nfiles++] = argv[i];
      continue;
    }
    if (strcmp(a, "--") == 0) {
      rest = 1;
      continue;
    }
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(check_usage, stdout);
      return -1;
    }
    if (strcmp(a, "--exit-zero") == 0) {
      ca->sc.exit_zero = 1;
      continue;
    }
    const char *val = NULL, *eq = strchr(a, '=');
    char opt[32];
    size_t ol = eq ? (size_t)(eq - a) : strlen(a);
    if (ol >= sizeof opt) ol = sizeof opt - 1;
    memcpy(opt, a, ol);
    opt[ol] = '\0';
    if (!known_option(opt)) return usage_fail("unknown option '%s'", a);
    if (eq) val = eq + 1;
    else if (i + 1 < argc) val = argv[++i];
    else return usage_fail("%s needs a value", opt);
    if (value_option(ca, opt, val)) return DC_EXIT_USAGE;
  }
  if (!ca->nfiles) return usage_fail("%s", "no FILE given");
  if (ca->fail_below >= 0 && !ca->end)
    return usage_fail("%s", "--fail-below needs --samples N (it judges each target's P(met))");
  int nstdin = 0;
  for (int k = 0; k < ca->nfiles; k++) nstdin += strcmp(ca->files[k], "-") == 0;
  if (nstdin > 1) return usage_fail("%s", "'-' (the script on standard input) may be given once");
  return 0;
}

/* Runs the check the arguments ask for and writes its report. */
static int check_run_args(check_args *ca, const dc_host_opts *opts) {
  dc_host_opts ho = *opts;
  if (ho.timeout <= 0) ho.timeout = CHECK_DEFAULT_TIMEOUT;
  int to_stdout = !ca->output || strcmp(ca->output, "-") == 0;
  dc_report_opts ro = ca->ro;
  ro.color = opts->color && to_stdout && ro.format == DC_REPORT_TEXT;
  ro.sparklines = to_stdout && ro.format == DC_REPORT_TEXT && isatty(1);
  dc_run_opts rop = {ca->scenario, NULL, 0, ca->seed, ca->first, ca->end, ca->seeded};
  char *in = NULL;
  for (int k = 0; k < ca->nfiles; k++)
    if (strcmp(ca->files[k], "-") == 0 && !(in = read_stdin(&rop.stdin_len))) {
      fprintf(stderr, "decarb check: cannot read standard input: %s\n", strerror(errno));
      return DC_EXIT_USAGE;
    }
  rop.stdin_text = in;
  out_t out;
  check_run c;
  memset(&c, 0, sizeof c);
  c.ro = ro;
  c.out = &out;
  c.fail_below = ca->fail_below;
  int code = out_open(&out, ca->output) ? DC_EXIT_USAGE : DC_EXIT_OK;
  if (code == DC_EXIT_OK) code = check_files(&ho, ca->files, ca->nfiles, &rop, &ca->sc, &c);
  if (code == DC_EXIT_OK && !scenario_found(&c, ca->scenario)) code = DC_EXIT_USAGE;
  if (code == DC_EXIT_OK && !dc_report_streams(ro.format) && dc_report_write(out.f, c.kept.v, c.kept.n, &ro))
    c.n[CN_WERR] = 1;
  /* a failed run leaves no report file; a failed write says why */
  if (out.f && out_close(&out, code != DC_EXIT_OK && !c.n[CN_WERR])) code = DC_EXIT_USAGE;
  if (c.n[CN_WERR]) code = DC_EXIT_USAGE;
  if (code == DC_EXIT_OK)
    code = (c.n[CN_MET] == c.n[CN_TOTAL] && !c.n[CN_BELOW]) || ca->sc.exit_zero ? DC_EXIT_OK : DC_EXIT_MISSED;
  dc_run_list_free(&c.kept);
  free(in);
  return code;
}

int dc_cmd_check(int argc, char **argv, const dc_host_opts *opts) {
  check_args ca = {{DC_REPORT_TEXT, 0, 0, 0, 0}, NULL, "plan", 1, 0, 0, 0, -1, {1, 0, 0, 0}, NULL, 0};
  ca.files = calloc((size_t)argc + 1, sizeof *ca.files);
  if (!ca.files) {
    fprintf(stderr, "decarb check: out of memory\n");
    return DC_EXIT_LIMIT;
  }
  int code = parse_args(argc, argv, &ca);
  if (code == 0) {
    scale_shard(&ca.sc, ca.files, &ca.nfiles);
    code = check_run_args(&ca, opts);
  } else if (code < 0) code = DC_EXIT_OK; /* --help */
  free(ca.files);
  dc_param_clear(); /* --set's values */
  return code;
}
