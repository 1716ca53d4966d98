/* guard.c — the memory cap and monotonic clock (see guard.h).
 * Not the hook itself: host.c owns the Lua side of the limits. */
#include "guard.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void *dc_memcap_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  dc_memcap *m = ud;
  size_t old = ptr ? osize : 0; /* osize is a type tag when ptr is NULL */
  if (nsize == 0) {
    free(ptr);
    m->used -= old;
    return NULL;
  }
  if (nsize > old) {
    size_t grow = nsize - old;
    if (m->used > m->cap || grow > m->cap - m->used) {
      m->hit = 1;
      return NULL;
    }
  }
  void *p = realloc(ptr, nsize);
  if (!p) {
    /* Lua assumes a shrink never fails: keep the old, larger block */
    if (nsize <= old) return ptr;
    m->hit = 1;
    return NULL;
  }
  m->used = m->used - old + nsize;
  return p;
}

double dc_clock_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int dc_parse_size(const char *s, size_t *out) {
  char *end;
  if (!s || !isdigit((unsigned char)*s)) return -1;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || end == s || !(v > 0)) return -1;
  double mul = 1;
  switch (toupper((unsigned char)*end)) {
    case 'K': mul = 1024.0; end++; break;
    case 'M': mul = 1024.0 * 1024; end++; break;
    case 'G': mul = 1024.0 * 1024 * 1024; end++; break;
    case 'T': mul = 1024.0 * 1024 * 1024 * 1024; end++; break;
    default: break;
  }
  if (mul > 1 && (end[0] == 'i' || end[0] == 'I') && toupper((unsigned char)end[1]) == 'B') end += 2;
  else if (toupper((unsigned char)*end) == 'B') end++;
  if (*end) return -1;
  double bytes = floor(v * mul);
  if (bytes < 1 || bytes >= (double)SIZE_MAX / 2) return -1;
  *out = (size_t)bytes;
  return 0;
}

int dc_parse_seconds(const char *s, double *out) {
  char *end;
  if (!s || !*s) return -1;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || end == s || *end || !(v > 0) || v > 1e9 || isnan(v)) return -1;
  *out = v;
  return 0;
}
