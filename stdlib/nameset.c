/* nameset.c — see nameset.h. */
#include "nameset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* the set's allocator, or malloc and free without one */
static void *ns_alloc(const dc_nameset *s, void *ptr, size_t osize, size_t nsize) {
  if (s->allocf) return s->allocf(s->ud, ptr, osize, nsize);
  if (nsize) return malloc(nsize);
  free(ptr);
  return NULL;
}

void dc_nameset_init(dc_nameset *s, dc_nameset_allocf f, void *ud) {
  memset(s, 0, sizeof *s);
  s->allocf = f;
  s->ud = ud;
}

void dc_nameset_free(dc_nameset *s) {
  if (s->slots) ns_alloc(s, s->slots, s->cap * sizeof *s->slots, 0);
  s->slots = NULL;
  s->cap = s->n = 0;
}

static size_t hash_of(int tag, const char *name) {
  uint64_t h = 1469598103934665603u ^ (uint64_t)(unsigned)tag;
  h *= 1099511628211u;
  for (const unsigned char *c = (const unsigned char *)name; *c; c++) {
    h ^= *c;
    h *= 1099511628211u;
  }
  return (size_t)(h ^ (h >> 29));
}

static size_t probe(const dc_nameset *s, int tag, const char *name, size_t h) {
  size_t mask = s->cap - 1, i = h & mask;
  while (s->slots[i].name &&
         !(s->slots[i].hash == h && s->slots[i].tag == tag && strcmp(s->slots[i].name, name) == 0))
    i = (i + 1) & mask;
  return i;
}

static int grow(dc_nameset *s) {
  size_t cap = s->cap ? s->cap * 2 : 16;
  if (cap > SIZE_MAX / 2 / sizeof *s->slots) return -1;
  dc_nameset_slot *ns = ns_alloc(s, NULL, 0, cap * sizeof *ns);
  if (!ns) return -1;
  memset(ns, 0, cap * sizeof *ns);
  dc_nameset old = *s;
  s->slots = ns;
  s->cap = cap;
  for (size_t i = 0; i < old.cap; i++)
    if (old.slots[i].name) s->slots[probe(s, old.slots[i].tag, old.slots[i].name, old.slots[i].hash)] = old.slots[i];
  if (old.slots) ns_alloc(s, old.slots, old.cap * sizeof *old.slots, 0);
  return 0;
}

int dc_nameset_add(dc_nameset *s, int tag, const char *name, int value) {
  size_t h = hash_of(tag, name);
  if (s->cap && s->slots[probe(s, tag, name, h)].name) return 1;
  if ((s->n + 1) * 2 > s->cap && grow(s)) return -1;
  size_t i = probe(s, tag, name, h);
  s->slots[i].name = name;
  s->slots[i].tag = tag;
  s->slots[i].value = value;
  s->slots[i].hash = h;
  s->n++;
  return 0;
}

int dc_nameset_find(const dc_nameset *s, int tag, const char *name) {
  if (!s->cap) return -1;
  size_t i = probe(s, tag, name, hash_of(tag, name));
  return s->slots[i].name ? s->slots[i].value : -1;
}
