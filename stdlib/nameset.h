/* nameset.h — a hash set of names for the plan's "is this name taken?"
 * checks (sectors, technologies, measures, metrics, targets, scenarios):
 * each key is a tag (e.g. the scenario of a measure; 0 for none) and a name,
 * mapped to an index. It keeps a pointer to each name, not a copy: a name
 * must stay where it is while it is in the set (the plan's names are blocks
 * of their own). Open addressing, FNV-1a, load at most 1/2. Memory comes
 * from an allocator of lua_Alloc's shape, so the plan's limit counts it. */
#ifndef DC_NAMESET_H
#define DC_NAMESET_H

#include <stddef.h>

typedef void *(*dc_nameset_allocf)(void *ud, void *ptr, size_t osize, size_t nsize);

typedef struct dc_nameset_slot {
  const char *name; /* NULL: empty */
  int tag, value;
  size_t hash;
} dc_nameset_slot;

typedef struct dc_nameset {
  dc_nameset_slot *slots;
  size_t cap, n; /* cap: 0 or a power of two */
  dc_nameset_allocf allocf;
  void *ud;
} dc_nameset;

/* An empty set drawing memory from f (NULL: malloc/free). */
void dc_nameset_init(dc_nameset *s, dc_nameset_allocf f, void *ud);
void dc_nameset_free(dc_nameset *s);
/* Adds (tag, name) -> value. 0 added; 1 there already (its value is kept);
 * -1 out of memory (the set is unchanged). */
int dc_nameset_add(dc_nameset *s, int tag, const char *name, int value);
/* The value of (tag, name), or -1. */
int dc_nameset_find(const dc_nameset *s, int tag, const char *name);

#endif
