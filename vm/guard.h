/* guard.h — the memory cap and the clock behind decarb's limits.
 * Plain C without a Lua state, so the cmocka tests can drive them directly;
 * host.c wires them into lua_newstate and the instruction-count hook. */
#ifndef DC_GUARD_H
#define DC_GUARD_H

#include <stddef.h>

typedef struct dc_memcap {
  size_t used;  /* bytes currently allocated through the cap */
  size_t cap;   /* the most `used` may grow to */
  int hit;      /* set once an allocation was refused */
} dc_memcap;

/* A lua_Alloc over a dc_memcap (ud). Refuses growth past the cap (returns
 * NULL and sets hit), never refuses a free or a shrink. When ptr is NULL,
 * osize is Lua's type tag, not a size, and is ignored. */
void *dc_memcap_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

/* Seconds on a monotonic clock (unaffected by changes of the wall clock). */
double dc_clock_now(void);

/* Parses a size such as "256M", "1G", "512k", "1048576", "2GiB": a positive
 * number with an optional binary suffix (K, M, G, T; "B"/"iB" allowed).
 * Returns 0 and sets *out, or -1 for anything else (zero, junk, overflow). */
int dc_parse_size(const char *s, size_t *out);

/* Parses a positive number of seconds ("10", "0.5"). 0 or -1. */
int dc_parse_seconds(const char *s, double *out);

#endif
