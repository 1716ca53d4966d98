/* guard.h — the memory cap and the clock behind decarb's limits.
 * Plain C without a Lua state, so the cmocka tests can drive them directly;
 * host.c wires them into lua_newstate and the instruction-count hook. */
#ifndef DC_GUARD_H
#define DC_GUARD_H

#include <stddef.h>

/* Small blocks (quantities, short strings, closures) are most of what a
 * plan script allocates and frees; the cap keeps freed ones of up to
 * DC_SMALL_MAX bytes in lists by size class, DC_SMALL_STEP bytes apart, and
 * hands them out again without a trip through malloc. */
/* Under AddressSanitizer every block goes to malloc and free instead, so
 * that a use after free is still caught. */
#if defined(__SANITIZE_ADDRESS__)
#define DC_SMALL_CACHE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DC_SMALL_CACHE 0
#endif
#endif
#ifndef DC_SMALL_CACHE
#define DC_SMALL_CACHE 1
#endif
#define DC_SMALL_STEP 16
#define DC_SMALL_MAX 128
#define DC_SMALL_CLASSES (DC_SMALL_MAX / DC_SMALL_STEP)

typedef struct dc_memcap {
  size_t used;  /* bytes currently allocated through the cap (as Lua counts) */
  size_t cap;   /* the most `used` may grow to */
  int hit;      /* set once an allocation was refused */
  int sysfail;  /* set when it was the system (malloc), not the cap, that refused */
  void *small[DC_SMALL_CLASSES]; /* freed small blocks, one list a class */
} dc_memcap;

/* A lua_Alloc over a dc_memcap (ud). Refuses growth past the cap (returns
 * NULL and sets hit), never refuses a free or a shrink. When ptr is NULL,
 * osize is Lua's type tag, not a size, and is ignored. */
void *dc_memcap_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

/* Gives the kept small blocks back to the system (after lua_close). */
void dc_memcap_release(dc_memcap *m);

/* Seconds on a monotonic clock (unaffected by changes of the wall clock). */
double dc_clock_now(void);

/* Parses a size such as "256M", "1G", "512k", "1048576", "2GiB": a positive
 * number with an optional binary suffix (K, M, G, T; "B"/"iB" allowed).
 * Returns 0 and sets *out, or -1 for anything else (zero, junk, overflow). */
int dc_parse_size(const char *s, size_t *out);

/* Parses a positive number of seconds ("10", "0.5"). 0 or -1. */
int dc_parse_seconds(const char *s, double *out);

#endif
