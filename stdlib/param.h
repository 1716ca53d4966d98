/* param.h — parameters given on the command line (`decarb check --set
 * NAME=VALUE`), read by scripts with param(NAME, DEFAULT) (param.c). One
 * table for the process: set before the files run; a forked worker
 * inherits it. */
#ifndef DC_PARAM_H
#define DC_PARAM_H

/* Adds "NAME=VALUE" (copied). 0; -1 not of that form (no '=', an empty
 * NAME); -2 NAME given before; -3 out of memory. */
int dc_param_set(const char *name_eq_value);
/* The value of NAME, or NULL. */
const char *dc_param_get(const char *name);
/* Forgets every parameter. */
void dc_param_clear(void);

#endif
