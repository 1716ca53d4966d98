/* jobs.c — worker processes for `decarb check --jobs N` (see jobs.h; the
 * wire form of a result is in jobs_wire.c). */
#include "jobs.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jobs_wire.h"

enum { QDEPTH = 2,      /* files sent to a worker ahead: it never waits for the next */
       MAXCOUNTERS = 64 /* a stream's counters */ };

/* ---- a worker: a process that checks the files it is sent, one after
 * another, as a run in one process would ---- */

typedef struct wctx {
  FILE *res; /* the pipe of results (buffered; flushed at each file's end: one write a file) */
  dc_run_sink sink;
  void *ctx;
  const dc_jobs_stream *stream;
} wctx;

static void put_u64(FILE *f, uint64_t v) { fwrite(&v, sizeof v, 1, f); }
static void put_i32(FILE *f, int32_t v) { fwrite(&v, sizeof v, 1, f); }

/* How much of this worker's standard error (a file) came before now. */
static uint64_t err_offset(void) {
  fflush(stderr);
  off_t o = lseek(2, 0, SEEK_CUR);
  return o < 0 ? 0 : (uint64_t)o;
}

/* One result: as the report's bytes (a stream) or in the wire form, one frame. */
static int worker_sink(void *vctx, dc_result *r) {
  wctx *w = vctx;
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  if (!m) {
    dc_result_free(r);
    fputs("decarb check: a worker ran out of memory handing its results back\n", stderr);
    return DC_EXIT_LIMIT;
  }
  int code = DC_EXIT_OK, nc = 0, *cnt = NULL;
  if (w->stream) {
    cnt = w->stream->counters(w->ctx, &nc);
    if (nc > MAXCOUNTERS) nc = MAXCOUNTERS;
    memset(cnt, 0, (size_t)nc * sizeof *cnt);
    w->stream->redirect(w->ctx, m);
    code = w->sink(w->ctx, r); /* takes r */
    w->stream->redirect(w->ctx, NULL);
  } else {
    dc_jobs_wire_put(m, r);
    dc_result_free(r);
  }
  int bad = fclose(m) != 0;
  uint64_t eo = err_offset();
  if (!bad) {
    fputc(w->stream ? 'S' : 'R', w->res);
    put_u64(w->res, eo);
    if (w->stream) {
      put_i32(w->res, code);
      put_i32(w->res, nc);
      fwrite(cnt, sizeof *cnt, (size_t)nc, w->res);
    }
    put_u64(w->res, len);
    bad = fwrite(buf, 1, len, w->res) != len || ferror(w->res);
  }
  free(buf);
  if (bad) {
    fputs("decarb check: a worker cannot hand its results back (out of memory, or the parent is gone)\n", stderr);
    return DC_EXIT_LIMIT;
  }
  return code;
}

/* Reads file numbers from cmd until it closes; the results of each go to
 * res as frames, standard error to errfd (its own file). */
static void worker_main(const dc_host_opts *ho, char *const *files, int n, const dc_run_opts *o, int cmd, int res,
                        int errfd, dc_run_sink sink, void *ctx, const dc_jobs_stream *stream) {
  static char rbuf[1 << 16];
  dc_host_cleanup_file(NULL); /* the parent's report file is not ours */
  signal(SIGINT, SIG_DFL);
  signal(SIGPIPE, SIG_DFL);
  fflush(stderr);
  FILE *rf = fdopen(res, "wb");
  if (!rf || dup2(errfd, 2) < 0) _exit(DC_EXIT_USAGE);
  close(errfd);
  setvbuf(rf, rbuf, _IOFBF, sizeof rbuf);
  wctx w = {rf, sink, ctx, stream};
  int32_t k;
  while (read(cmd, &k, sizeof k) == (ssize_t)sizeof k && k >= 0 && k < n) {
    int code = dc_run_file(ho, files[k], o, worker_sink, &w);
    fflush(stdout);
    uint64_t eo = err_offset();
    fputc('E', rf);
    put_u64(rf, eo);
    put_i32(rf, code);
    if (fflush(rf) != 0) _exit(DC_EXIT_USAGE);
  }
  _exit(DC_EXIT_OK);
}

/* ---- the parent ---- */

typedef struct worker {
  pid_t pid;           /* 0: none */
  int cmd, res, err;   /* the parent's ends; err: the worker's standard error */
  unsigned char *buf;  /* what came on res and is not handled yet: buf[pos..len) */
  size_t len, pos, cap;
  int q[QDEPTH], qn;   /* the files sent to it, oldest first */
  int eof, full;       /* res closed (the worker has ended: status); it takes no more files */
  int status;
  uint64_t errdone;    /* bytes of its standard error written out */
} worker;

typedef struct run {
  const dc_host_opts *ho;
  char *const *files;
  int n;
  const dc_run_opts *o;
  dc_run_sink sink;
  void *ctx;
  const dc_jobs_stream *stream;
  worker *ws;
  int jobs;
} run;

static volatile sig_atomic_t interrupted;
static void on_sigint(int sig) {
  (void)sig;
  interrupted = 1;
}

int dc_jobs_ncpu(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > 4096 ? 4096 : (int)n;
}

/* A temporary file for a worker's standard error, unlinked at once. */
static int err_file(void) {
  char path[4200];
  const char *tmpdir = getenv("TMPDIR");
  snprintf(path, sizeof path, "%s/decarb-worker.XXXXXX", tmpdir && tmpdir[0] ? tmpdir : "/tmp");
  int fd = mkstemp(path);
  if (fd >= 0) unlink(path);
  return fd;
}

static void close_worker_fds(worker *w) {
  close(w->cmd);
  close(w->res);
  close(w->err);
  w->cmd = w->res = w->err = -1;
}

/* Starts worker j. 0, or -1 (errno says why). */
static int spawn(run *R, int j) {
  worker *w = &R->ws[j];
  int c[2], d[2], e = err_file();
  if (e < 0) return -1;
  if (pipe(c) != 0) {
    close(e);
    return -1;
  }
  if (pipe(d) != 0) {
    close(e);
    close(c[0]);
    close(c[1]);
    return -1;
  }
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) {
    close(e);
    close(c[0]);
    close(c[1]);
    close(d[0]);
    close(d[1]);
    return -1;
  }
  if (pid == 0) {
    for (int i = 0; i < R->jobs; i++) /* the other workers' ends are not ours */
      if (R->ws[i].pid > 0 && i != j) close_worker_fds(&R->ws[i]);
    close(c[1]);
    close(d[0]);
    worker_main(R->ho, R->files, R->n, R->o, c[0], d[1], e, R->sink, R->ctx, R->stream);
  }
  close(c[0]);
  close(d[1]);
  free(w->buf);
  memset(w, 0, sizeof *w);
  w->pid = pid;
  w->cmd = c[1];
  w->res = d[0];
  w->err = e;
  return 0;
}

/* The end of a worker whose pipe closed: its wait status. */
static void reaped(worker *w) {
  int st = 0;
  while (waitpid(w->pid, &st, 0) < 0 && errno == EINTR) {
  }
  w->eof = 1;
  w->status = st;
}

/* Writes worker w's standard error up to byte `upto` (all of it: UINT64_MAX). */
static void put_err(worker *w, uint64_t upto) {
  char b[1 << 14];
  if (upto == UINT64_MAX) {
    struct stat st;
    upto = fstat(w->err, &st) == 0 ? (uint64_t)st.st_size : w->errdone;
  }
  while (w->errdone < upto) {
    size_t want = upto - w->errdone < sizeof b ? (size_t)(upto - w->errdone) : sizeof b;
    ssize_t got = pread(w->err, b, want, (off_t)w->errdone);
    if (got <= 0) break;
    fwrite(b, 1, (size_t)got, stderr);
    w->errdone += (uint64_t)got;
  }
}

static uint64_t rd_u64(const unsigned char *p) {
  uint64_t x;
  memcpy(&x, p, sizeof x);
  return x;
}
static int32_t rd_i32(const unsigned char *p) {
  int32_t x;
  memcpy(&x, p, sizeof x);
  return x;
}

/* Hands on the frames of file w->q[0] that have come. Returns a code other
 * than DC_EXIT_OK to stop the run; *done: the file has ended. */
static int frames(run *R, worker *w, const char *file, int *done) {
  *done = 0;
  for (;;) {
    const unsigned char *p = w->buf + w->pos;
    size_t left = w->len - w->pos;
    if (!left) return DC_EXIT_OK;
    if (p[0] == 'E') {
      if (left < 13) return DC_EXIT_OK;
      put_err(w, rd_u64(p + 1));
      w->pos += 13;
      *done = 1;
      return rd_i32(p + 9);
    }
    if (p[0] == 'R') {
      if (left < 17 || rd_u64(p + 9) > left - 17) return DC_EXIT_OK; /* more to come */
      size_t len = (size_t)rd_u64(p + 9);
      put_err(w, rd_u64(p + 1));
      dc_result *r = dc_jobs_wire_get(p + 17, len);
      w->pos += 17 + len;
      if (!r) {
        fprintf(stderr, "decarb check: %s: out of memory reading a worker's results\n", file);
        return DC_EXIT_LIMIT;
      }
      int c = R->sink(R->ctx, r);
      if (c != DC_EXIT_OK) return c; /* a run in one process stops here too */
      continue;
    }
    int32_t nc = left >= 17 ? rd_i32(p + 13) : 0;
    if (p[0] != 'S' || !R->stream || nc < 0 || nc > MAXCOUNTERS) {
      fprintf(stderr, "decarb check: %s: a worker's results are garbled\n", file);
      return DC_EXIT_RUNTIME;
    }
    size_t hl = 17 + 4 * (size_t)nc + 8;
    if (left < hl || rd_u64(p + hl - 8) > left - hl) return DC_EXIT_OK;
    size_t len = (size_t)rd_u64(p + hl - 8);
    int cnt[MAXCOUNTERS];
    for (int i = 0; i < nc; i++) cnt[i] = rd_i32(p + 17 + 4 * (size_t)i);
    put_err(w, rd_u64(p + 1));
    int sc = rd_i32(p + 9);
    int c = R->stream->put(R->ctx, (const char *)p + hl, len, cnt, nc);
    w->pos += hl + len;
    if (c != DC_EXIT_OK) return c;
    if (sc != DC_EXIT_OK) return sc;
  }
}

/* Worker w ended without finishing `file`: its last messages and why. */
static int died(worker *w, const char *file) {
  int st = w->status;
  put_err(w, UINT64_MAX);
  if (WIFEXITED(st) && WEXITSTATUS(st) != 0) return WEXITSTATUS(st); /* the host ended it and said why */
  if (WIFSIGNALED(st)) {
    int sig = WTERMSIG(st);
    int limit = sig == SIGKILL || sig == SIGXCPU || sig == SIGXFSZ;
    fprintf(stderr, "decarb check: %s: the worker process was killed by signal %d (%s)%s\n", file, sig,
            strsignal(sig), limit ? "; a limit of the system (memory, CPU time) is the likely cause" : "");
    return sig == SIGINT ? DC_EXIT_INTERRUPT : limit ? DC_EXIT_LIMIT : DC_EXIT_RUNTIME;
  }
  fprintf(stderr, "decarb check: %s: the worker process ended without its results\n", file);
  return DC_EXIT_RUNTIME;
}

/* Sends files next.. to workers with room (a worker that ended idle is
 * started again). */
static void dispatch(run *R, int *next, int limit, int *fw) {
  while (*next < R->n && *next < limit) {
    int best = -1;
    for (int j = 0; j < R->jobs; j++) {
      worker *w = &R->ws[j];
      if (w->eof && !w->qn && !w->full) {
        close_worker_fds(w);
        w->pid = 0;
        if (spawn(R, j)) w->full = 1; /* no more processes: do with the others */
      }
      if (w->pid && !w->eof && !w->full && w->qn < QDEPTH && (best < 0 || w->qn < R->ws[best].qn)) best = j;
    }
    if (best < 0) return;
    worker *w = &R->ws[best];
    int32_t k = *next;
    if (write(w->cmd, &k, sizeof k) != (ssize_t)sizeof k) { /* it has ended: its pipe says so */
      w->full = 1;
      continue;
    }
    w->q[w->qn++] = k;
    fw[k] = best;
    (*next)++;
  }
}

/* Reads what the workers have sent. DC_EXIT_OK, or a code to stop. */
static int pump(run *R, struct pollfd *pf, int *who) {
  int np = 0;
  for (int j = 0; j < R->jobs; j++)
    if (R->ws[j].pid && !R->ws[j].eof) {
      pf[np].fd = R->ws[j].res;
      pf[np].events = POLLIN;
      who[np++] = j;
    }
  if (!np) return DC_EXIT_OK;
  if (poll(pf, (nfds_t)np, -1) < 0) {
    if (errno != EINTR) {
      fprintf(stderr, "decarb check: waiting for the workers: %s\n", strerror(errno));
      return DC_EXIT_USAGE;
    }
    if (interrupted) {
      fputs("decarb check: interrupted\n", stderr);
      return DC_EXIT_INTERRUPT;
    }
    return DC_EXIT_OK;
  }
  for (int i = 0; i < np; i++) {
    if (!pf[i].revents) continue;
    worker *w = &R->ws[who[i]];
    if (w->pos == w->len) w->pos = w->len = 0;
    if (w->cap - w->len < (1 << 16)) {
      if (w->pos) { /* the handled part goes first */
        memmove(w->buf, w->buf + w->pos, w->len - w->pos);
        w->len -= w->pos;
        w->pos = 0;
      }
      if (w->cap - w->len < (1 << 16)) {
        size_t cap = w->cap * 2 > w->len + (1 << 16) ? w->cap * 2 : w->len + (1 << 16);
        unsigned char *nb = realloc(w->buf, cap);
        if (!nb) {
          fputs("decarb check: out of memory reading the workers' results\n", stderr);
          return DC_EXIT_LIMIT;
        }
        w->buf = nb;
        w->cap = cap;
      }
    }
    ssize_t got = read(w->res, w->buf + w->len, w->cap - w->len);
    if (got > 0) w->len += (size_t)got;
    else if (got == 0 || (errno != EINTR && errno != EAGAIN)) reaped(w);
  }
  return DC_EXIT_OK;
}

/* The workers: quit (their pipes close) or, after a stop, killed. */
static void stop_all(run *R, int code) {
  for (int j = 0; j < R->jobs; j++) {
    worker *w = &R->ws[j];
    if (!w->pid) continue;
    close(w->cmd);
    w->cmd = -1;
    if (!w->eof) {
      if (code != DC_EXIT_OK || w->qn) kill(w->pid, SIGKILL);
      reaped(w);
    }
    close_worker_fds(w);
    free(w->buf);
  }
}

/* The files in order: each one's frames as they come. */
static int report_all(run *R, int *fw) {
  struct pollfd *pf = calloc((size_t)R->jobs, sizeof *pf);
  int *who = calloc((size_t)R->jobs, sizeof *who);
  /* files sent ahead of the one being reported stay within a window, so
   * that a slow file does not leave thousands of finished ones in memory */
  int window = R->jobs * 8 > 64 ? R->jobs * 8 : 64;
  int next = 0, report = 0, code = pf && who ? DC_EXIT_OK : DC_EXIT_LIMIT;
  while (report < R->n && code == DC_EXIT_OK) {
    dispatch(R, &next, report + window, fw);
    if (report >= next) {
      fprintf(stderr, "decarb check: no worker process is running %s\n", R->files[report]);
      code = DC_EXIT_USAGE;
      break;
    }
    worker *w = &R->ws[fw[report]];
    int done;
    code = frames(R, w, R->files[report], &done);
    if (done) {
      memmove(w->q, w->q + 1, (size_t)--w->qn * sizeof *w->q);
      report++;
    } else if (code == DC_EXIT_OK && w->eof) {
      code = died(w, R->files[report]);
      if (code == DC_EXIT_OK) code = DC_EXIT_RUNTIME;
    } else if (code == DC_EXIT_OK) {
      code = pump(R, pf, who);
    }
  }
  free(pf);
  free(who);
  return code;
}

int dc_jobs_run(const dc_host_opts *ho, char *const *files, int n, const dc_run_opts *o, int jobs,
                dc_run_sink sink, void *ctx, const dc_jobs_stream *stream) {
  if (jobs > n) jobs = n;
  run R = {ho, files, n, o, sink, ctx, stream, calloc((size_t)jobs, sizeof(worker)), jobs};
  int *fw = calloc((size_t)n + 1, sizeof *fw);
  if (!R.ws || !fw) {
    fputs("decarb check: out of memory\n", stderr);
    free(R.ws);
    free(fw);
    return DC_EXIT_LIMIT;
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
  int live = 0, code = DC_EXIT_OK;
  for (int j = 0; j < jobs; j++) {
    R.ws[j].cmd = R.ws[j].res = R.ws[j].err = -1;
    if (spawn(&R, j) == 0) live++;
    else R.ws[j].full = 1, R.ws[j].eof = 1;
  }
  if (!live) {
    fprintf(stderr, "decarb check: cannot start a worker process: %s\n", strerror(errno));
    code = DC_EXIT_USAGE;
  }
  if (code == DC_EXIT_OK) code = report_all(&R, fw);
  stop_all(&R, code);
  sigaction(SIGINT, &old, NULL);
  sigaction(SIGPIPE, &oldpipe, NULL);
  free(fw);
  free(R.ws);
  return code;
}
