/* err.c — the cores' error type (err.h). */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>

int dc_err_set(dc_err *e, int code, const char *fmt, ...) {
  if (!e) return -1;
  va_list ap;
  e->code = code;
  e->line = e->col = 0;
  e->pos = 0;
  e->suggest[0] = '\0';
  va_start(ap, fmt);
  vsnprintf(e->msg, sizeof e->msg, fmt, ap);
  va_end(ap);
  return -1;
}
