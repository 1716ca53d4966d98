/* fault_alloc.c — allocation fault injection, as SQLite's test builds do.
 * Linked only into the test build build-fault/decarb (make fault-bin), with
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup, so every
 * allocation decarb's own code makes (and, through the capped lua_Alloc in
 * guard.c, every allocation of the Lua state) passes through here. The
 * release binary has none of it: no variable below is read there.
 *
 *   DECARB_FAIL_ALLOC=k     the k-th allocation (1-based) returns NULL;
 *                           later ones succeed again (0 or unset: none fails)
 *   DECARB_FAIL_PERSIST=1   every allocation from the k-th on fails
 *   DECARB_ALLOC_COUNT=FILE at a normal exit, the number of allocations is
 *                           written to FILE (how far a sweep must go)
 *
 * Frees and shrinks are not counted: C and Lua both assume they succeed. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);

static unsigned long count, fail_at;
static int persist, ready;
static const char *count_file;

static void write_count(void) {
  FILE *f = fopen(count_file, "w");
  if (f) {
    fprintf(f, "%lu\n", count);
    fclose(f);
  }
}

/* 1 when this allocation is to fail. getenv does not allocate. */
static int should_fail(void) {
  if (!ready) {
    ready = 1;
    const char *k = getenv("DECARB_FAIL_ALLOC");
    const char *p = getenv("DECARB_FAIL_PERSIST");
    fail_at = k ? strtoul(k, NULL, 10) : 0;
    persist = p && *p == '1';
    count_file = getenv("DECARB_ALLOC_COUNT");
    if (count_file) atexit(write_count);
  }
  count++;
  return fail_at && (count == fail_at || (persist && count > fail_at));
}

void *__wrap_malloc(size_t n) { return should_fail() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t m) { return should_fail() ? NULL : __real_calloc(n, m); }
char *__wrap_strdup(const char *s) { return should_fail() ? NULL : __real_strdup(s); }

void *__wrap_realloc(void *p, size_t n) {
  /* a free through realloc(p, 0) is not an allocation */
  if (n == 0 || !should_fail()) return __real_realloc(p, n);
  return NULL;
}
