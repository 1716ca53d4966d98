/* jobs.h — `decarb check --jobs N`: the files of one check run in worker
 * processes (fork: the host has process-wide state). N workers each check
 * the files they are sent one after another, as one process would (a fresh
 * process per file paid its page faults again: slower than --jobs 1).
 *
 * Transport: per worker, a pipe of file numbers to it, a pipe of results
 * back, and its standard error in a temporary file of its own (unlinked
 * at once, so nothing is left behind). The worker streams each result back
 * as it is made: in the wire form (jobs_wire.h) for a report the parent
 * writes whole, or, for a report that streams (dc_jobs_stream: JSON lines),
 * as the report's own bytes, written by the caller's sink in the worker.
 * The parent reads every worker's pipe as data arrives and hands the
 * results on in the order of the files given, each after the messages that
 * came before it (every frame says how much of the worker's standard error
 * preceded it), so the report and the messages are byte for byte those of
 * a run in one process. A worker that dies (a signal, the host ending the
 * process) is reported for its file with the exit code a limit or a crash
 * calls for; the files before it are reported as usual.
 *
 * Frames on a result pipe: 'R' u64 err-offset u64 length, then the wire
 * form; 'S' u64 err-offset i32 sink-code u32 ncounters i32 counters...
 * u64 length, then the report's bytes; 'E' u64 err-offset i32 exit-code
 * ends the file. */
#ifndef DC_JOBS_H
#define DC_JOBS_H

#include <stdio.h>

#include "host.h"
#include "run.h"

/* The number of CPUs (for --jobs 0); at least 1. */
int dc_jobs_ncpu(void);

/* A report that streams: the sink writes it as each result comes, so the
 * workers write it themselves and the parent only copies bytes. */
typedef struct dc_jobs_stream {
  /* In a worker: the sink writes the report to f from now on. */
  void (*redirect)(void *ctx, FILE *f);
  /* The ints the sink counts in ctx (targets met, ...): *n of them. The
   * worker zeroes them before each result and sends them with it. */
  int *(*counters)(void *ctx, int *n);
  /* In the parent: one result's report bytes and the counters the sink
   * added for it (to add to the parent's). Returns a DC_EXIT_* code. */
  int (*put)(void *ctx, const char *bytes, size_t len, const int *counters, int n);
} dc_jobs_stream;

/* Runs files[0..n-1] with up to `jobs` workers; hands every result to sink
 * in file order (stream non-NULL: the sink runs in the workers and
 * stream->put in the parent), stops at the first file (or sink) that
 * returns a code other than DC_EXIT_OK, as a run in one process does.
 * Returns that code. */
int dc_jobs_run(const dc_host_opts *ho, char *const *files, int n, const dc_run_opts *o, int jobs,
                dc_run_sink sink, void *ctx, const dc_jobs_stream *stream);

#endif
