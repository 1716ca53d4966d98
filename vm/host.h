/* host.h — the decarb host: one sandboxed Lua state with limits, and the one
 * door through which every chunk runs (scripts, -e, REPL lines, check).
 * Not the CLI (main.c) and not the stdlib (stdlib/). */
#ifndef DC_HOST_H
#define DC_HOST_H

#include <lua.h>
#include <stddef.h>
#include <stdio.h>

/* Exit codes, as DESIGN.md lists them: the one list. dc_host_call's code
 * is also the kind of stop: RUNTIME an error, LIMIT a limit, INTERRUPT
 * Ctrl-C; no caller reads the message to tell them apart. */
enum {
  DC_EXIT_OK = 0,      /* all targets met, or the script ran fine */
  DC_EXIT_MISSED = 1,  /* a target missed */
  DC_EXIT_USAGE = 2,   /* usage or I/O error */
  DC_EXIT_SYNTAX = 3,  /* syntax or load error */
  DC_EXIT_RUNTIME = 4, /* runtime error, unit mismatch included */
  DC_EXIT_LIMIT = 5,   /* time or memory limit reached */
  DC_EXIT_INTERRUPT = 130 /* stopped by Ctrl-C (128 + SIGINT, as shells report) */
};

typedef struct dc_host_opts {
  double timeout;   /* seconds per run; 0 = no limit */
  size_t max_mem;   /* bytes; 0 = default (1 GiB) */
  int unsafe;       /* full Lua instead of the sandbox */
  int color;        /* colour on stderr/stdout allowed (decided by main) */
} dc_host_opts;

#define DC_DEFAULT_MAX_MEM ((size_t)1 << 30)

typedef struct dc_host dc_host;

/* A new host with its state built (sandbox or full Lua, stdlib opened).
 * NULL when the state cannot be made. */
dc_host *dc_host_new(const dc_host_opts *opts);
void dc_host_free(dc_host *h);

/* A file to remove if the host ends the process itself (a limit reached
 * while closing, the watchdog, a second Ctrl-C, a panic): the temporary
 * file of a report being written, so that no partial file is left behind.
 * NULL: none. The string must stay valid until it is replaced. */
void dc_host_cleanup_file(const char *path);
lua_State *dc_host_state(dc_host *h);
const dc_host_opts *dc_host_options(const dc_host *h);

/* Sets the folder that `require` and the data loaders resolve against
 * (normally the running script's folder). */
void dc_host_set_scriptdir(dc_host *h, const char *dir);
/* The same, to the folder of the file path ("." for a bare name). */
void dc_host_set_scriptdir_of(dc_host *h, const char *path);

/* Loads text (never bytecode) as a chunk named chunkname ("@file.lua" or
 * "=stdin"); pushes the function. Returns a DC_EXIT_* code: OK, or SYNTAX
 * with the message pushed instead (LIMIT if memory ran out). */
int dc_host_load(dc_host *h, const char *buf, size_t len, const char *chunkname);
/* As dc_host_load for a file; USAGE with a message when it cannot be read.
 * A byte order mark and a first line starting with '#' are skipped, and a
 * precompiled chunk is refused with the file's name. */
int dc_host_loadfile(dc_host *h, const char *path);
/* The one reader of script text: all of f in a malloc'd buffer (*len
 * bytes, not NUL-terminated); NULL on a read error, or out of memory with
 * *oom set. */
char *dc_host_read_all(FILE *f, size_t *len, int *oom);
/* As dc_host_loadfile from an open stream (not closed), as chunkname
 * ("=stdin"); LIMIT when out of memory. */
int dc_host_loadstream(dc_host *h, FILE *f, const char *chunkname);

/* The one door: calls the function below nargs arguments under the message
 * handler, with the time limit armed (from now) and Ctrl-C watched.
 * Returns DC_EXIT_OK with nresults pushed, or with the error's message (a
 * string, without traceback) pushed: RUNTIME for an error, LIMIT for the
 * time or memory limit, INTERRUPT for Ctrl-C. */
int dc_host_call(dc_host *h, int nargs, int nresults);

/* The traceback of the error the last dc_host_call caught, apart from its
 * message ("stack traceback:\n\tfile.lua:3: in main chunk"...); NULL when
 * it has none (a limit, an interrupt, no frame with a source line) or once
 * reported. Valid until the next call into the host. */
const char *dc_host_traceback(dc_host *h);
/* When that traceback's one frame is a main chunk: the chunk's short source
 * ("stdin", "plan.lua"); else NULL. (The REPL leaves out a traceback that
 * says no more than the typed line.) */
const char *dc_host_error_chunk(dc_host *h);

/* Prints the error message on top of the stack to stderr, then the
 * traceback of the last error if any (decorated for a terminal when colour
 * is on), and pops it. _message: the message alone. */
void dc_host_report(dc_host *h);
void dc_host_report_message(dc_host *h);

/* Installs the SIGINT handler that interrupts the running chunk (the REPL
 * and scripts); a second Ctrl-C while not running Lua is the caller's. */
void dc_host_catch_sigint(dc_host *h);

#endif
