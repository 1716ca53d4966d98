/* repl.h — the interactive loop (repl.c): readline on a terminal, the same
 * code path without prompts on a pipe. */
#ifndef DC_REPL_H
#define DC_REPL_H

#include "host.h"

/* Runs the REPL on standard input until end of input or :quit. interactive:
 * standard input is a terminal (prompts, readline, history). Returns an
 * exit code: 0, or the code of the last failed chunk when not interactive
 * (so piped sessions report errors). */
int dc_repl_run(dc_host *h, int interactive);

#endif
