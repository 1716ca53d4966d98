/* jobs.c — worker processes for `decarb check --jobs N` (see jobs.h).
 * A new field of dc_result needs a line in wire_put and one in wire_get;
 * tests/jobs.test.sh compares every example in every format with --jobs 1. */
#include "jobs.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- the wire form of a dc_result ---- */

static void put(FILE *f, const void *p, size_t n) { fwrite(p, 1, n, f); }
static void put_i32(FILE *f, int v) {
  int32_t x = (int32_t)v;
  put(f, &x, sizeof x);
}
static void put_u64(FILE *f, size_t v) {
  uint64_t x = (uint64_t)v;
  put(f, &x, sizeof x);
}
static void put_str(FILE *f, const char *s) { /* 0: NULL, else length + 1 */
  put_u64(f, s ? strlen(s) + 1 : 0);
  if (s) put(f, s, strlen(s));
}
static void put_doubles(FILE *f, const double *v, size_t n) {
  put_i32(f, v != NULL);
  if (v) put(f, v, n * sizeof *v);
}
static void put_disp(FILE *f, const dc_display *d) {
  put(f, &d->scale, sizeof d->scale);
  put(f, &d->offset, sizeof d->offset);
  put(f, d->label, sizeof d->label);
  put(f, &d->co2e, 1);
}

static void wire_put(FILE *f, const dc_result *r) {
  size_t ny = (size_t)(r->y1 - r->y0 + 1);
  put_str(f, r->file);
  put_str(f, r->name);
  put_str(f, r->region);
  put_str(f, r->source);
  put_i32(f, r->y0);
  put_i32(f, r->y1);
  put_u64(f, r->nscenarios);
  for (size_t k = 0; k < r->nscenarios; k++) {
    put_str(f, r->scenario_names[k]);
    put(f, &r->evaluated[k], 1);
  }
  put_i32(f, r->scenario);
  put_u64(f, r->nsectors);
  put_u64(f, r->nmetrics);
  for (size_t i = 0; i < r->nmetrics; i++) {
    const dc_result_metric *m = &r->metrics[i];
    put_i32(f, m->ok);
    put_str(f, m->name);
    put_str(f, m->source);
    put(f, m->dims.e, sizeof m->dims.e);
    put_i32(f, m->has_disp);
    put_disp(f, &m->disp);
    put_i32(f, m->values != NULL);
    for (size_t k = 0; m->values && k < r->nscenarios; k++) put_doubles(f, m->values[k], ny);
  }
  put_u64(f, r->nmeasures);
  for (size_t j = 0; j < r->nmeasures; j++) {
    put_str(f, r->measures[j].name);
    put_str(f, r->measures[j].source);
    put_str(f, r->measures[j].sector);
    put_doubles(f, r->measures[j].wedge, ny);
    put_doubles(f, r->measures[j].share, ny);
  }
  put_u64(f, r->ntargets);
  for (size_t t = 0; t < r->ntargets; t++) {
    const dc_result_target *x = &r->targets[t];
    put_str(f, x->name);
    put_str(f, x->source);
    put_str(f, x->file);
    put_i32(f, x->line);
    put_i32(f, (int)x->kind);
    put_str(f, x->kind_name);
    put_i32(f, x->metric);
    put(f, x->value_dims.e, sizeof x->value_dims.e);
    put_i32(f, x->has_disp);
    put_disp(f, &x->value_disp);
    put_doubles(f, x->value, ny);
    put_doubles(f, x->bound, ny);
    put_doubles(f, x->margin, ny);
    put_doubles(f, x->margin_rel, ny);
    put_i32(f, x->status != NULL);
    if (x->status) put(f, x->status, ny);
    put_i32(f, x->evaluated);
    put_i32(f, x->met);
    put_i32(f, x->first_met);
    put_i32(f, x->first_failed);
    put_i32(f, x->deciding);
    put_i32(f, x->own_column);
  }
  put_u64(f, r->nwarnings);
  for (size_t i = 0; i < r->nwarnings; i++) {
    const dc_result_warning *w = &r->warnings[i];
    put_str(f, w->sector);
    put_i32(f, w->ylo);
    put_i32(f, w->yhi);
    put(f, &w->worst, sizeof w->worst);
    put_str(f, w->text);
  }
  put_i32(f, r->met);
  put_str(f, r->missing_scenario);
}

typedef struct rd {
  const unsigned char *p, *end;
  int bad;
} rd;

static void get(rd *g, void *out, size_t n) {
  if (g->bad || (size_t)(g->end - g->p) < n) {
    g->bad = 1;
    memset(out, 0, n);
    return;
  }
  memcpy(out, g->p, n);
  g->p += n;
}
static int get_i32(rd *g) {
  int32_t x;
  get(g, &x, sizeof x);
  return (int)x;
}
static size_t get_u64(rd *g, size_t max) {
  uint64_t x;
  get(g, &x, sizeof x);
  if (x > max) g->bad = 1;
  return g->bad ? 0 : (size_t)x;
}
static void *get_block(rd *g, size_t n) {
  if (g->bad || !n) return NULL;
  if ((size_t)(g->end - g->p) < n) {
    g->bad = 1;
    return NULL;
  }
  void *d = malloc(n);
  if (!d) g->bad = 1;
  else get(g, d, n);
  return d;
}
static char *get_str(rd *g) {
  size_t n = get_u64(g, (size_t)(g->end - g->p) + 1);
  if (!n) return NULL;
  char *s = malloc(n);
  if (!s) {
    g->bad = 1;
    return NULL;
  }
  get(g, s, n - 1);
  s[n - 1] = '\0';
  return s;
}
static double *get_doubles(rd *g, size_t n) {
  if (!get_i32(g)) return NULL;
  return get_block(g, n * sizeof(double));
}
static void get_disp(rd *g, dc_display *d) {
  get(g, &d->scale, sizeof d->scale);
  get(g, &d->offset, sizeof d->offset);
  get(g, d->label, sizeof d->label);
  d->label[sizeof d->label - 1] = '\0';
  get(g, &d->co2e, 1);
}
static void *get_array(rd *g, size_t n, size_t size) {
  if (g->bad || !n) return NULL;
  void *a = calloc(n, size);
  if (!a) g->bad = 1;
  return a;
}

/* The result in buf[0..len), or NULL when it is cut short or out of memory. */
static dc_result *wire_get(const unsigned char *buf, size_t len) {
  rd g = {buf, buf + len, 0};
  size_t lim = len; /* no count can exceed the bytes left */
  dc_result *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->file = get_str(&g);
  r->name = get_str(&g);
  r->region = get_str(&g);
  r->source = get_str(&g);
  r->y0 = get_i32(&g);
  r->y1 = get_i32(&g);
  if (r->y1 < r->y0 || (long)r->y1 - r->y0 > 100000) g.bad = 1;
  size_t ny = g.bad ? 0 : (size_t)(r->y1 - r->y0 + 1);
  r->nscenarios = get_u64(&g, lim);
  r->scenario_names = get_array(&g, r->nscenarios, sizeof *r->scenario_names);
  r->evaluated = get_array(&g, r->nscenarios, 1);
  for (size_t k = 0; !g.bad && k < r->nscenarios; k++) {
    r->scenario_names[k] = get_str(&g);
    get(&g, &r->evaluated[k], 1);
  }
  r->scenario = get_i32(&g);
  if (r->scenario < 0 || (size_t)r->scenario >= r->nscenarios) g.bad = 1;
  r->nsectors = get_u64(&g, SIZE_MAX);
  r->nmetrics = get_u64(&g, lim);
  r->metrics = get_array(&g, r->nmetrics, sizeof *r->metrics);
  for (size_t i = 0; !g.bad && i < r->nmetrics; i++) {
    dc_result_metric *m = &r->metrics[i];
    m->ok = get_i32(&g);
    m->name = get_str(&g);
    m->source = get_str(&g);
    get(&g, m->dims.e, sizeof m->dims.e);
    m->has_disp = get_i32(&g);
    get_disp(&g, &m->disp);
    if (get_i32(&g)) m->values = get_array(&g, r->nscenarios, sizeof *m->values);
    for (size_t k = 0; m->values && !g.bad && k < r->nscenarios; k++) m->values[k] = get_doubles(&g, ny);
  }
  r->nmeasures = get_u64(&g, lim);
  r->measures = get_array(&g, r->nmeasures, sizeof *r->measures);
  for (size_t j = 0; !g.bad && j < r->nmeasures; j++) {
    r->measures[j].name = get_str(&g);
    r->measures[j].source = get_str(&g);
    r->measures[j].sector = get_str(&g);
    r->measures[j].wedge = get_doubles(&g, ny);
    r->measures[j].share = get_doubles(&g, ny);
  }
  r->ntargets = get_u64(&g, lim);
  r->targets = get_array(&g, r->ntargets, sizeof *r->targets);
  for (size_t t = 0; !g.bad && t < r->ntargets; t++) {
    dc_result_target *x = &r->targets[t];
    x->name = get_str(&g);
    x->source = get_str(&g);
    x->file = get_str(&g);
    x->line = get_i32(&g);
    x->kind = (enum dc_target_kind)get_i32(&g);
    x->kind_name = get_str(&g);
    x->metric = get_i32(&g);
    if (x->metric < 0 || (size_t)x->metric >= r->nmetrics) g.bad = 1;
    get(&g, x->value_dims.e, sizeof x->value_dims.e);
    x->has_disp = get_i32(&g);
    get_disp(&g, &x->value_disp);
    x->value = get_doubles(&g, ny);
    x->bound = get_doubles(&g, ny);
    x->margin = get_doubles(&g, ny);
    x->margin_rel = get_doubles(&g, ny);
    if (get_i32(&g)) x->status = get_block(&g, ny);
    x->evaluated = get_i32(&g);
    x->met = get_i32(&g);
    x->first_met = get_i32(&g);
    x->first_failed = get_i32(&g);
    x->deciding = get_i32(&g);
    x->own_column = get_i32(&g);
  }
  r->nwarnings = get_u64(&g, lim);
  r->warnings = get_array(&g, r->nwarnings, sizeof *r->warnings);
  for (size_t i = 0; !g.bad && i < r->nwarnings; i++) {
    dc_result_warning *w = &r->warnings[i];
    w->sector = get_str(&g);
    w->ylo = get_i32(&g);
    w->yhi = get_i32(&g);
    get(&g, &w->worst, sizeof w->worst);
    w->text = get_str(&g);
  }
  r->met = get_i32(&g);
  r->missing_scenario = get_str(&g);
  if (g.bad || g.p != g.end || !r->name || !r->region || !r->source) {
    dc_result_free(r);
    return NULL;
  }
  return r;
}

/* ---- a worker: a process that checks the files it is sent, one after
 * another, as a run in one process would ---- */

typedef struct worker_out {
  FILE *res;
  int err; /* the worker's standard error (a file) */
} worker_out;

static size_t err_offset(int fd) {
  off_t o = lseek(fd, 0, SEEK_CUR);
  return o < 0 ? 0 : (size_t)o;
}

static int worker_sink(void *vctx, dc_result *r) {
  worker_out *w = vctx;
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  if (!m) {
    dc_result_free(r);
    return DC_EXIT_LIMIT;
  }
  wire_put(m, r);
  int bad = fclose(m) != 0;
  dc_result_free(r);
  fflush(stderr);
  if (!bad) {
    fputc('R', w->res);
    put_u64(w->res, err_offset(w->err));
    put_u64(w->res, len);
    put(w->res, buf, len);
    bad = fflush(w->res) != 0;
  }
  free(buf);
  if (bad) fputs("decarb check: a worker cannot hand its results back (out of memory or disk)\n", stderr);
  return bad ? DC_EXIT_LIMIT : DC_EXIT_OK;
}

static void file_path(char *buf, size_t size, const char *dir, int k, const char *ext) {
  snprintf(buf, size, "%s/%d.%s", dir, k, ext);
}

/* Reads file numbers from cmd until it closes; for each, the results go to
 * DIR/K.res and standard error to DIR/K.err, then K is written to done. */
static void worker_main(const dc_host_opts *ho, char *const *files, const dc_run_opts *o, const char *dir, int cmd,
                        int done) {
  dc_host_cleanup_file(NULL); /* the parent's report file is not ours */
  signal(SIGINT, SIG_DFL);
  signal(SIGPIPE, SIG_DFL);
  int32_t k;
  char path[4200];
  while (read(cmd, &k, sizeof k) == (ssize_t)sizeof k && k >= 0) {
    file_path(path, sizeof path, dir, k, "err");
    int efd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    file_path(path, sizeof path, dir, k, "res");
    FILE *res = fopen(path, "wb");
    fflush(stderr);
    if (efd < 0 || !res || dup2(efd, 2) < 0) _exit(DC_EXIT_USAGE);
    close(efd);
    worker_out w = {res, 2};
    int code = dc_run_file(ho, files[k], o, worker_sink, &w);
    fflush(stderr);
    fflush(stdout);
    fputc('E', res);
    put_u64(res, err_offset(2));
    put_i32(res, code);
    if (fclose(res) != 0 || write(done, &k, sizeof k) != (ssize_t)sizeof k) _exit(DC_EXIT_USAGE);
  }
  _exit(DC_EXIT_OK);
}

/* ---- the parent ---- */

enum { F_WAITING, F_RUNNING, F_DONE, F_DIED };

typedef struct fstate {
  int state, status; /* status: the wait status of a worker that died on it */
} fstate;

typedef struct worker {
  pid_t pid; /* 0: none */
  int cmd, done; /* the parent's ends */
  int file;      /* the file it checks, or -1 */
} worker;

static volatile sig_atomic_t interrupted;
static void on_sigint(int sig) {
  (void)sig;
  interrupted = 1;
}

int dc_jobs_ncpu(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > 4096 ? 4096 : (int)n;
}

/* The whole of file `path` (removed after); NULL with *len 0 when empty or
 * missing. */
static unsigned char *slurp(const char *path, size_t *len) {
  *len = 0;
  FILE *f = fopen(path, "rb");
  unlink(path);
  if (!f) return NULL;
  unsigned char *b = NULL;
  long n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
  if (n > 0 && fseek(f, 0, SEEK_SET) == 0 && (b = malloc((size_t)n)) != NULL && fread(b, 1, (size_t)n, f) != (size_t)n) {
    free(b);
    b = NULL;
  }
  if (b) *len = (size_t)n;
  fclose(f);
  return b;
}

static void put_err(const unsigned char *e, size_t elen, size_t *done, size_t upto) {
  if (upto > elen) upto = elen;
  if (upto > *done) fwrite(e + *done, 1, upto - *done, stderr);
  if (upto > *done) *done = upto;
}

static uint64_t rd_u64(const unsigned char *p) {
  uint64_t x;
  memcpy(&x, p, sizeof x);
  return x;
}

/* Replays file k as its worker left it: its messages and results, in the
 * order they came; returns the file's exit code. */
static int replay(const char *dir, int k, const char *file, const fstate *fs, dc_run_sink sink, void *ctx) {
  char path[4200];
  size_t rlen, elen, edone = 0, i = 0;
  file_path(path, sizeof path, dir, k, "res");
  unsigned char *res = slurp(path, &rlen);
  file_path(path, sizeof path, dir, k, "err");
  unsigned char *err = slurp(path, &elen);
  int code = -1;
  while (code < 0 && i < rlen) {
    if (res[i] == 'E' && rlen - i >= 13) {
      int32_t c;
      put_err(err, elen, &edone, (size_t)rd_u64(res + i + 1));
      memcpy(&c, res + i + 9, sizeof c);
      code = c;
      break;
    }
    if (res[i] != 'R' || rlen - i < 17 || rd_u64(res + i + 9) > rlen - i - 17) break; /* cut short */
    size_t off = (size_t)rd_u64(res + i + 1), n = (size_t)rd_u64(res + i + 9);
    put_err(err, elen, &edone, off);
    dc_result *r = wire_get(res + i + 17, n);
    i += 17 + n;
    if (!r) {
      fprintf(stderr, "decarb check: %s: out of memory reading a worker's results\n", file);
      code = DC_EXIT_LIMIT;
      break;
    }
    int c = sink(ctx, r);
    if (c != DC_EXIT_OK) {
      free(res);
      free(err);
      return c; /* a run in one process stops here too */
    }
  }
  if (code < 0) { /* no end: the worker died on this file */
    int st = fs->status;
    put_err(err, elen, &edone, elen);
    if (fs->state == F_DIED && WIFEXITED(st) && WEXITSTATUS(st) != 0) {
      code = WEXITSTATUS(st); /* the host ended it (a limit, Ctrl-C) and said why */
    } else if (fs->state == F_DIED && WIFSIGNALED(st)) {
      int sig = WTERMSIG(st);
      int limit = sig == SIGKILL || sig == SIGXCPU || sig == SIGXFSZ;
      fprintf(stderr, "decarb check: %s: the worker process was killed by signal %d (%s)%s\n", file, sig,
              strsignal(sig), limit ? "; a limit of the system (memory, CPU time) is the likely cause" : "");
      code = sig == SIGINT ? 130 : limit ? DC_EXIT_LIMIT : DC_EXIT_RUNTIME;
    } else {
      fprintf(stderr, "decarb check: %s: the worker process ended without its results\n", file);
      code = DC_EXIT_RUNTIME;
    }
  }
  free(res);
  free(err);
  return code;
}

static int spawn(worker *w, worker *all, int nw, const dc_host_opts *ho, char *const *files, const dc_run_opts *o,
                 const char *dir) {
  int c[2], d[2];
  if (pipe(c) != 0) return -1;
  if (pipe(d) != 0) {
    close(c[0]);
    close(c[1]);
    return -1;
  }
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) {
    close(c[0]);
    close(c[1]);
    close(d[0]);
    close(d[1]);
    return -1;
  }
  if (pid == 0) {
    for (int j = 0; j < nw; j++) /* the other workers' pipes are not ours */
      if (all[j].pid > 0) {
        close(all[j].cmd);
        close(all[j].done);
      }
    close(c[1]);
    close(d[0]);
    worker_main(ho, files, o, dir, c[0], d[1]);
  }
  close(c[0]);
  close(d[1]);
  w->pid = pid;
  w->cmd = c[1];
  w->done = d[0];
  w->file = -1;
  return 0;
}

static void reap(worker *w, fstate *fs, int kill_it) {
  int st = 0;
  if (kill_it) kill(w->pid, SIGKILL);
  close(w->cmd);
  close(w->done);
  while (waitpid(w->pid, &st, 0) < 0 && errno == EINTR) {
  }
  if (w->file >= 0 && fs) {
    fs[w->file].state = F_DIED;
    fs[w->file].status = st;
  }
  w->pid = 0;
  w->file = -1;
}

int dc_jobs_run(const dc_host_opts *ho, char *const *files, int n, const dc_run_opts *o, int jobs,
                dc_run_sink sink, void *ctx) {
  char dir[4096];
  const char *tmpdir = getenv("TMPDIR");
  snprintf(dir, sizeof dir, "%s/decarb-jobs.XXXXXX", tmpdir && tmpdir[0] ? tmpdir : "/tmp");
  fstate *fs = calloc((size_t)n + 1, sizeof *fs);
  worker *ws = calloc((size_t)jobs, sizeof *ws);
  if (!fs || !ws || !mkdtemp(dir)) {
    fprintf(stderr, "decarb check: cannot make a folder for the workers: %s\n", strerror(errno));
    free(fs);
    free(ws);
    return DC_EXIT_USAGE;
  }
  /* one host made and freed here first: the workers then inherit the
   * dynamic linker's bound symbols and a grown heap instead of each paying
   * for them again */
  dc_host_free(dc_host_new(ho));
  struct sigaction sa, old, oldpipe;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  interrupted = 0;
  sigaction(SIGINT, &sa, &old);
  sa.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &sa, &oldpipe); /* a dead worker's pipe: an error, not a signal */
  /* files sent ahead of the one being reported stay within a window, so
   * that a slow file does not leave thousands of finished ones on disk */
  int window = jobs * 8 > 64 ? jobs * 8 : 64;
  int next = 0, report = 0, code = DC_EXIT_OK, live = 0;
  struct pollfd *pf = calloc((size_t)jobs, sizeof *pf);
  int *who = calloc((size_t)jobs, sizeof *who);
  if (!pf || !who) code = DC_EXIT_LIMIT;
  while (report < n && code == DC_EXIT_OK) {
    /* send the next files to idle workers (starting workers as needed) */
    for (int j = 0; j < jobs && next < n && next < report + window; j++) {
      worker *w = &ws[j];
      if (!w->pid) {
        if (spawn(w, ws, jobs, ho, files, o, dir)) {
          if (!live) {
            fprintf(stderr, "decarb check: cannot start a worker process: %s\n", strerror(errno));
            code = DC_EXIT_USAGE;
          }
          break;
        }
        live++;
      }
      if (w->file >= 0) continue;
      int32_t k = next;
      if (write(w->cmd, &k, sizeof k) != (ssize_t)sizeof k) { /* it died idle: start another */
        reap(w, NULL, 1);
        live--;
        continue;
      }
      w->file = next;
      fs[next++].state = F_RUNNING;
    }
    if (code != DC_EXIT_OK) break;
    if (fs[report].state >= F_DONE) {
      code = replay(dir, report, files[report], &fs[report], sink, ctx);
      report++;
      continue;
    }
    int np = 0;
    for (int j = 0; j < jobs; j++)
      if (ws[j].pid && ws[j].file >= 0) {
        pf[np].fd = ws[j].done;
        pf[np].events = POLLIN;
        who[np++] = j;
      }
    if (!np) {
      fprintf(stderr, "decarb check: no worker process is running %s\n", files[report]);
      code = DC_EXIT_USAGE;
      break;
    }
    if (poll(pf, (nfds_t)np, -1) < 0) {
      if (errno != EINTR) {
        fprintf(stderr, "decarb check: waiting for the workers: %s\n", strerror(errno));
        code = DC_EXIT_USAGE;
      } else if (interrupted) {
        fputs("decarb check: interrupted\n", stderr);
        code = 130;
      }
      continue;
    }
    for (int i = 0; i < np; i++) {
      if (!pf[i].revents) continue;
      worker *w = &ws[who[i]];
      int32_t k;
      if (read(w->done, &k, sizeof k) == (ssize_t)sizeof k && k == w->file) {
        fs[k].state = F_DONE;
        w->file = -1;
      } else { /* it died on its file */
        reap(w, fs, 1);
        live--;
      }
    }
  }
  /* the workers: quit (their pipes close) or, after a stop, killed */
  for (int j = 0; j < jobs; j++)
    if (ws[j].pid) reap(&ws[j], NULL, code != DC_EXIT_OK || ws[j].file >= 0);
  char path[4200];
  for (int k = report; k < next; k++) { /* what was not replayed */
    file_path(path, sizeof path, dir, k, "res");
    unlink(path);
    file_path(path, sizeof path, dir, k, "err");
    unlink(path);
  }
  rmdir(dir);
  sigaction(SIGINT, &old, NULL);
  sigaction(SIGPIPE, &oldpipe, NULL);
  free(pf);
  free(who);
  free(fs);
  free(ws);
  return code;
}
