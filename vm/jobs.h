/* jobs.h — `decarb check --jobs N`: the files of one check run in worker
 * processes (fork: the host has process-wide state), at most N at a time,
 * one process per file. Each worker runs dc_run_file and writes its results
 * in the wire form below to an unlinked temporary file, its standard error
 * to another; the parent replays both file by file in the order given, so
 * the report and the messages are byte for byte those of a run in one
 * process. A worker that dies (a signal, the host ending the process) is
 * reported for its file with the exit code a limit or a crash calls for.
 *
 * Wire form (one binary, so one layout; never stored): a sequence of
 * frames. 'R' u64 stderr-offset u64 length, then the result (see jobs.c);
 * 'E' u64 stderr-offset i32 exit-code ends the file. The offset says how
 * much of the worker's standard error came before that frame. */
#ifndef DC_JOBS_H
#define DC_JOBS_H

#include "host.h"
#include "run.h"

/* The number of CPUs (for --jobs 0); at least 1. */
int dc_jobs_ncpu(void);

/* Runs files[0..n-1] with up to `jobs` workers; hands every result to sink
 * in file order, stops at the first file (or sink) that returns a code
 * other than DC_EXIT_OK, as a run in one process does. Returns that code. */
int dc_jobs_run(const dc_host_opts *ho, char *const *files, int n, const dc_run_opts *o, int jobs,
                dc_run_sink sink, void *ctx);

#endif
