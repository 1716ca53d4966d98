/* cmd_merge.c — `decarb merge [--format FMT] FILE.jsonl...`: reads the JSON
 * lines of `decarb check --format jsonl` runs (shards, Slurm array tasks)
 * and writes one report of all their plans, in the order of the files and
 * of their lines, as one `decarb check` run over all the plans would; the
 * Monte Carlo blocks of a plan (check --samples A:B) become one result over
 * all their samples (result_mc_merge.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "report.h"
#include "result_mc_merge.h"
#include "result_read.h"

static const char merge_usage[] =
    "usage: decarb merge [OPTIONS] FILE.jsonl...   (FILE - reads standard input)\n"
    "Writes one report of the plans in JSON lines written by decarb check --format jsonl\n"
    "(the shards of a run), on standard output, in the order of the files. The\n"
    "Monte Carlo blocks of a plan (check --samples A:B, the same --seed) are merged\n"
    "into the run over all their samples.\n"
    "  --format FMT     text (default), json, jsonl, csv, csv-targets, tap, junit\n"
    "                   or github\n"
    "  --exit-zero      exit 0 when a target is missed (errors keep their codes)\n"
    "Exit: 0 every target met, 1 a target missed, 2 usage or I/O error, or a file\n"
    "      that is not decarb's JSON lines (cut short, another version).\n";

static int merge_fail(const char *fmt, const char *arg) {
  fputs("decarb merge: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\n(decarb merge --help for the options)\n", stderr);
  return DC_EXIT_USAGE;
}

/* The whole of f; NULL on a read error or out of memory. */
static char *read_all(FILE *f, size_t *len) {
  size_t cap = 1 << 16, n;
  char *buf = malloc(cap);
  *len = 0;
  while (buf && (n = fread(buf + *len, 1, cap - *len, f)) > 0) {
    *len += n;
    if (*len == cap) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) free(buf);
      buf = nb;
      cap *= 2;
    }
  }
  if (buf && ferror(f)) {
    free(buf);
    buf = NULL;
  }
  return buf;
}

/* The plans read so far; run[i]: the number of the file plan i came from. */
typedef struct merged {
  dc_result **v;
  int *run;
  size_t n, cap;
} merged;

/* Appends the plans of file `path` (file number `run`) to *all; DC_EXIT_OK
 * or USAGE (reported). */
static int merge_file(const char *path, int run, merged *all) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "decarb merge: cannot read '%s': %s\n", path, strerror(errno));
    return DC_EXIT_USAGE;
  }
  size_t len;
  char *text = read_all(f, &len);
  int rerr = errno;
  if (f != stdin) fclose(f);
  if (!text) {
    fprintf(stderr, "decarb merge: cannot read '%s': %s\n", path, strerror(rerr));
    return DC_EXIT_USAGE;
  }
  dc_result **v;
  size_t k;
  char err[512];
  int bad = dc_result_read_jsonl(text, len, &v, &k, err, sizeof err);
  free(text);
  if (bad) {
    fprintf(stderr, "decarb merge: %s: %s\n", path, err);
    return DC_EXIT_USAGE;
  }
  for (size_t j = 0; j < k; j++) dc_result_read_to_si(v[j]); /* the writers' units */
  if (!k) { /* an empty shard */
    free(v);
    return DC_EXIT_OK;
  }
  if (all->n + k > all->cap) {
    size_t nc = (all->n + k) * 2 + 16;
    dc_result **nv = realloc(all->v, nc * sizeof *nv);
    if (nv) all->v = nv;
    int *nr = nv ? realloc(all->run, nc * sizeof *nr) : NULL;
    if (!nr) {
      dc_result_read_free(v, k);
      fprintf(stderr, "decarb merge: out of memory\n");
      return DC_EXIT_LIMIT;
    }
    all->run = nr;
    all->cap = nc;
  }
  memcpy(all->v + all->n, v, k * sizeof *v);
  for (size_t j = 0; j < k; j++) all->run[all->n + j] = run;
  all->n += k;
  free(v);
  return DC_EXIT_OK;
}

/* Reads every FILE argument in order and merges the Monte Carlo blocks. */
static int merge_read(int argc, char **argv, merged *all) {
  int rest = 0, run = 0, code = DC_EXIT_OK;
  const char **names = calloc((size_t)argc + 1, sizeof *names);
  if (!names) {
    fprintf(stderr, "decarb merge: out of memory\n");
    return DC_EXIT_LIMIT;
  }
  for (int i = 1; i < argc && code == DC_EXIT_OK; i++) {
    const char *a = argv[i];
    if (!rest && strcmp(a, "--") == 0) rest = 1;
    else if (!rest && strcmp(a, "--format") == 0) i++;
    else if (rest || a[0] != '-' || a[1] == '\0') {
      names[run] = strcmp(a, "-") == 0 ? "standard input" : a;
      code = merge_file(a, run++, all);
    }
  }
  char err[700];
  if (code == DC_EXIT_OK && dc_result_merge_blocks(all->v, &all->n, all->run, names, err, sizeof err)) {
    fprintf(stderr, "decarb merge: %s\n", err);
    code = DC_EXIT_USAGE;
  }
  free(names);
  return code;
}

int dc_cmd_merge(int argc, char **argv, const dc_host_opts *opts) {
  dc_report_opts ro = {DC_REPORT_TEXT, 0, 0, 0, 0};
  int exit_zero = 0, nfiles = 0, rest = 0, code = DC_EXIT_OK;
  merged all = {NULL, NULL, 0, 0};
  for (int i = 1; i < argc; i++) { /* the options first: a bad one reads no file */
    const char *a = argv[i];
    if (rest || a[0] != '-' || a[1] == '\0') {
      nfiles++;
      continue;
    }
    if (strcmp(a, "--") == 0) rest = 1;
    else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(merge_usage, stdout);
      return DC_EXIT_OK;
    } else if (strcmp(a, "--exit-zero") == 0) exit_zero = 1;
    else if (strncmp(a, "--format", 8) == 0 && (a[8] == '\0' || a[8] == '=')) {
      const char *val = a[8] == '=' ? a + 9 : i + 1 < argc ? argv[++i] : NULL;
      if (!val) return merge_fail("%s needs a value", "--format");
      if (dc_report_format_parse(val, &ro.format))
        return merge_fail("unknown format '%s' (" DC_REPORT_FORMAT_NAMES ")", val);
    } else return merge_fail("unknown option '%s'", a);
  }
  if (!nfiles) return merge_fail("%s", "no FILE given (the .jsonl files of decarb check --format jsonl)");
  code = merge_read(argc, argv, &all);
  if (code == DC_EXIT_OK) {
    ro.color = opts->color && ro.format == DC_REPORT_TEXT;
    /* CSV has no place for warnings: standard error, as decarb check does */
    for (size_t k = 0; k < all.n && (ro.format == DC_REPORT_CSV || ro.format == DC_REPORT_CSV_TARGETS); k++)
      for (size_t w = 0; w < all.v[k]->nwarnings; w++) fprintf(stderr, "warning: %s\n", all.v[k]->warnings[w].text);
    if (dc_report_write(stdout, all.v, all.n, &ro) || fflush(stdout)) {
      fprintf(stderr, "decarb merge: cannot write the report: %s\n", strerror(errno));
      code = DC_EXIT_USAGE;
    }
  }
  if (code == DC_EXIT_OK && !exit_zero) {
    int met, total;
    dc_report_count(all.v, all.n, &met, &total);
    code = met == total ? DC_EXIT_OK : DC_EXIT_MISSED;
  }
  dc_result_read_free(all.v, all.n);
  free(all.run);
  return code;
}
