/* err.h — the one error type of the cores (units, csv, series, factors,
 * the plan core: dc_plan_err, the energy core: dc_energy_error.err). A core function that can fail
 * returns -1 (or NULL) and fills a dc_err the caller owns; the binding turns
 * it into a Lua error at the script's line, the CLI into a message and an
 * exit code. No core includes lua.h. */
#ifndef DC_ERR_H
#define DC_ERR_H

#include <stddef.h>

enum {
  DC_ERR_NONE = 0,
  DC_ERR_INPUT, /* the input is wrong: syntax, a value, a unit, a name */
  DC_ERR_IO,    /* a file cannot be opened or read */
  DC_ERR_MEM    /* out of memory */
};

typedef struct dc_err {
  int code;       /* DC_ERR_*: what kind of error (0: none) */
  int line, col;  /* where in a file, 1-based (0: not a file's) */
  size_t pos;     /* where in a one-line text (a unit expression), in bytes */
  char msg[400];  /* the message, ready to show (a file's carries "file:line:col: ") */
  char suggest[40]; /* a name that would be right ("did you mean"), or "" */
} dc_err;

/* Sets e (when not NULL): code, and msg from fmt; line, col, pos and
 * suggest cleared. Returns -1, for `return dc_err_set(...)`. */
int dc_err_set(dc_err *e, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
