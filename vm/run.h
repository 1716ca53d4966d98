/* run.h — the one check pipeline: load a file, run it, evaluate its plans,
 * copy each plan's result out (dc_result), close the Lua state. `decarb
 * check` and the REPL's `:check` call it; nothing else evaluates plans for
 * a report. */
#ifndef DC_RUN_H
#define DC_RUN_H

#include <stddef.h>

#include <lua.h>

#include "host.h"
#include "result.h"

/* Receives each result as soon as it is known; takes ownership. Non-zero
 * stops the run with that exit code. */
typedef int (*dc_run_sink)(void *ctx, dc_result *r);

/* Results kept for a whole report, in the order they came. */
typedef struct dc_run_list {
  dc_result **v;
  size_t n, cap;
} dc_run_list;
/* Appends r (a dc_run_sink with ctx = the list): DC_EXIT_OK, or
 * DC_EXIT_LIMIT (r freed) when out of memory. */
int dc_run_list_push(void *list, dc_result *r);
/* Frees every result and the list's storage. */
void dc_run_list_free(dc_run_list *l);

typedef struct dc_run_opts {
  const char *scenario; /* the scenario targets are judged in ("plan") */
  const char *stdin_text; /* for file "-": the script read from stdin */
  size_t stdin_len;
  /* Monte Carlo (check --samples): samples mc_first .. mc_end-1 of seed
     for every plan, in the judged scenario (mc_end 0: none); seeded: seed
     was given (math.random is then seeded from it before the script runs) */
  unsigned long long seed, mc_first, mc_end;
  int seeded;
} dc_run_opts;

/* A fresh sandboxed host as the pipeline runs a file in: print() to
 * stderr, the plan binding's warnings left to the reports. NULL when out of
 * memory. (decarb seek, which keeps the state open, starts from it too.) */
dc_host *dc_run_host_new(const dc_host_opts *ho);

/* Runs `file` ("-": o->stdin_text) in a fresh sandboxed host with options
 * ho (print() goes to stderr), evaluates every scenario of every plan it
 * created, hands one result per plan to sink and frees the host before it
 * returns. Returns a DC_EXIT_* code; errors are reported on stderr. */
int dc_run_file(const dc_host_opts *ho, const char *file, const dc_run_opts *o, dc_run_sink sink, void *ctx);

/* For a session that stays open (the REPL): the plans in the sequence on
 * top of h's stack are evaluated in every scenario, and a result for each
 * (judged in scenario "plan", file NULL) goes to sink. Pops the sequence.
 * Returns a DC_EXIT_* code (a Lua error is reported by the caller: left on
 * the stack as dc_host_call leaves it). */
int dc_run_plans(dc_host *h, const char *file, const char *scenario, dc_run_sink sink, void *ctx);
/* The same with the run's options (the REPL's :check --samples: o->seeded
 * is not used, the script has run). */
int dc_run_plans_opts(dc_host *h, const char *file, const dc_run_opts *o, dc_run_sink sink, void *ctx);

/* print() while checking (and seeking): Lua's print on standard error, so
 * that a report on standard output stays whole. */

int dc_run_print(lua_State *L);

#endif
