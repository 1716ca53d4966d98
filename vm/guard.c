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

/* Size class of a small request: every block of class k is physically
 * (k + 1) * DC_SMALL_STEP bytes, whatever smaller size Lua asked for, so a
 * kept block fits any later request of its class. */
static inline size_t small_class(size_t n) { return (n - 1) / DC_SMALL_STEP; }
static inline int is_small(size_t n) { return DC_SMALL_CACHE && n <= DC_SMALL_MAX; }

static void *small_get(dc_memcap *m, size_t n) {
  size_t k = small_class(n);
  void *p = m->small[k];
  if (p) {
    memcpy(&m->small[k], p, sizeof(void *)); /* pop: the link is in the block */
    return p;
  }
  return malloc((k + 1) * DC_SMALL_STEP);
}

static void small_put(dc_memcap *m, void *p, size_t n) {
  size_t k = small_class(n);
  memcpy(p, &m->small[k], sizeof(void *));
  m->small[k] = p;
}

void dc_memcap_release(dc_memcap *m) {
  for (size_t k = 0; k < DC_SMALL_CLASSES; k++) {
    void *p = m->small[k];
    while (p) {
      void *next;
      memcpy(&next, p, sizeof next);
      free(p);
      p = next;
    }
    m->small[k] = NULL;
  }
}

void *dc_memcap_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  dc_memcap *m = ud;
  size_t old = ptr ? osize : 0; /* osize is a type tag when ptr is NULL */
  if (nsize == 0) {
    if (ptr) {
      if (is_small(old)) small_put(m, ptr, old);
      else free(ptr);
    }
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
  void *p;
  if (ptr && is_small(old) && is_small(nsize) && small_class(old) == small_class(nsize)) {
    p = ptr; /* the block already has the room */
  } else if (is_small(nsize) || (ptr && is_small(old))) {
    /* a move into, out of or between size classes */
    p = is_small(nsize) ? small_get(m, nsize) : malloc(nsize);
    if (p && ptr) {
      memcpy(p, ptr, old < nsize ? old : nsize);
      if (is_small(old)) small_put(m, ptr, old);
      else free(ptr);
    }
  } else {
    p = realloc(ptr, nsize);
  }
  if (!p) {
    /* Lua assumes a shrink never fails: keep the old, larger block (a small
       block's room is its class, which covers any smaller size) */
    if (ptr && nsize <= old) {
      m->used = m->used - old + nsize;
      return ptr;
    }
    m->hit = 1;
    m->sysfail = 1;
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
