/* result_mc_merge.c — a run's Monte Carlo blocks merged back into one
 * result per plan (see result_mc_merge.h). The blocks are grouped by
 * sorting, so that 5,000 plans in 10 blocks cost n log n, not n^2. */
#include "result_mc_merge.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "montecarlo.h"

typedef struct entry {
  const char *file, *name; /* file "" when none */
  int run;
  size_t idx, occ; /* the place in v; the how-manieth plan of this file and name in this block */
  uint64_t first, end;
} entry;

static int cmp_str(const char *a, const char *b) { return strcmp(a, b); }

static int cmp_u64(uint64_t a, uint64_t b) { return (a > b) - (a < b); }

static int by_block(const void *pa, const void *pb) {
  const entry *a = pa, *b = pb;
  int c = cmp_str(a->file, b->file);
  if (!c) c = cmp_str(a->name, b->name);
  if (!c) c = cmp_u64(a->first, b->first);
  if (!c) c = cmp_u64(a->end, b->end);
  return c ? c : cmp_u64(a->idx, b->idx);
}

static int by_plan(const void *pa, const void *pb) {
  const entry *a = pa, *b = pb;
  int c = cmp_str(a->file, b->file);
  if (!c) c = cmp_str(a->name, b->name);
  if (!c) c = cmp_u64(a->occ, b->occ);
  if (!c) c = cmp_u64(a->first, b->first);
  return c ? c : cmp_u64(a->idx, b->idx);
}

static int same_name(const entry *a, const entry *b) {
  return strcmp(a->file, b->file) == 0 && strcmp(a->name, b->name) == 0;
}
static int same_plan(const entry *a, const entry *b) { return a->occ == b->occ && same_name(a, b); }

/* Block b may follow block a (sorted by first) of the same plan: 0, or -1 with err. */
static int fits(const dc_result *a, const dc_result *b, const char *na, const char *nb, char *err, size_t errsize) {
  const char *plan = a->name;
  if (a->seed != b->seed) {
    snprintf(err, errsize,
             "plan '%s': the blocks in %s and %s have different seeds (%llu and %llu); the blocks of one run "
             "take the same --seed",
             plan, na, nb, (unsigned long long)a->seed, (unsigned long long)b->seed);
    return -1;
  }
  if (b->mc_first < a->mc_end) {
    snprintf(err, errsize, "plan '%s': samples %llu to %llu are in two blocks (%s and %s): the blocks overlap", plan,
             (unsigned long long)b->mc_first,
             (unsigned long long)(a->mc_end < b->mc_end ? a->mc_end : b->mc_end) - 1, na, nb);
    return -1;
  }
  if (b->mc_first > a->mc_end) {
    snprintf(err, errsize,
             "plan '%s': samples %llu to %llu are in no block (between %s and %s): give the block --samples %llu:%llu "
             "too",
             plan, (unsigned long long)a->mc_end, (unsigned long long)b->mc_first - 1, na, nb,
             (unsigned long long)a->mc_end, (unsigned long long)b->mc_first);
    return -1;
  }
  int same = a->y0 == b->y0 && a->y1 == b->y1 && a->ntargets == b->ntargets && a->nmetrics == b->nmetrics &&
             a->met == b->met;
  for (size_t t = 0; same && t < a->ntargets; t++)
    same = a->targets[t].met == b->targets[t].met && strcmp(a->targets[t].name, b->targets[t].name) == 0;
  if (!same) {
    snprintf(err, errsize,
             "plan '%s': the blocks in %s and %s are of different runs (their targets or verdicts differ: another "
             "plan, or other --set values)",
             plan, na, nb);
    return -1;
  }
  return 0;
}

/* Merges the group g[0..k) (sorted by first) into one result at the place
 * of the group's first; the others are marked in drop (freed after: the
 * entries point into them). */
static int merge_group(dc_result **v, unsigned char *drop, const entry *g, size_t k, const char *const *names,
                       char *err, size_t errsize) {
  size_t at = g[0].idx;
  for (size_t i = 1; i < k; i++) {
    if (g[i].idx < at) at = g[i].idx;
    if (fits(v[g[i - 1].idx], v[g[i].idx], names[g[i - 1].run], names[g[i].run], err, errsize)) return -1;
  }
  dc_result *into = v[g[0].idx];
  for (size_t i = 1; i < k; i++) {
    char e[300];
    if (dc_result_merge_mc(into, v[g[i].idx], e, sizeof e)) {
      snprintf(err, errsize, "plan '%s': %s and %s: %s", into->name, names[g[0].run], names[g[i].run], e);
      return -1;
    }
  }
  for (size_t i = 0; i < k; i++) drop[g[i].idx] = 1;
  v[g[0].idx] = v[at];
  v[at] = into;
  drop[at] = 0;
  return 0;
}

/* Every copy of a plan (a file checked twice in a run) has the same
 * samples once merged: a block given twice, or one missing for a copy, says
 * no. [f0, e0): the first copy's samples, [f, e) another's. */
static int covers(const entry *x, uint64_t f0, uint64_t e0, uint64_t f, uint64_t e, char *err, size_t errsize) {
  if (f == f0 && e == e0) return 0;
  snprintf(err, errsize,
           "plan '%s' (%s): one copy of it has samples %llu to %llu, another %llu to %llu (a block given twice, or "
           "one missing for a copy)",
           x->name, x->file[0] ? x->file : "no file", (unsigned long long)f0, (unsigned long long)e0 - 1,
           (unsigned long long)f, (unsigned long long)e - 1);
  return -1;
}

int dc_result_merge_blocks(dc_result **v, size_t *n, const int *run, const char *const *names, char *err,
                           size_t errsize) {
  size_t m = 0;
  entry *e = malloc((*n ? *n : 1) * sizeof *e);
  unsigned char *drop = calloc(*n ? *n : 1, 1);
  if (!e || !drop) {
    free(e);
    free(drop);
    snprintf(err, errsize, "out of memory (merging blocks)");
    return -1;
  }
  for (size_t i = 0; i < *n; i++)
    if (v[i]->has_mc && v[i]->mc)
      e[m++] = (entry){v[i]->file ? v[i]->file : "", v[i]->name, run[i], i, 0, v[i]->mc_first, v[i]->mc_end};
  /* the k-th plan of a file and name among those of one block of samples
     (its shards together) is the k-th plan in every block */
  qsort(e, m, sizeof *e, by_block);
  for (size_t i = 1; i < m; i++)
    if (same_name(&e[i], &e[i - 1]) && e[i].first == e[i - 1].first && e[i].end == e[i - 1].end)
      e[i].occ = e[i - 1].occ + 1;
  qsort(e, m, sizeof *e, by_plan);
  int bad = 0;
  uint64_t f0 = 0, e0 = 0; /* the samples of the first copy of this file and name */
  for (size_t i = 0, j; i < m && !bad; i = j) {
    for (j = i + 1; j < m && same_plan(&e[i], &e[j]); j++) {
    }
    if (j - i > 1) bad = merge_group(v, drop, e + i, j - i, names, err, errsize);
    if (i == 0 || !same_name(&e[i], &e[i - 1])) {
      f0 = e[i].first;
      e0 = e[j - 1].end;
    } else if (!bad) bad = covers(&e[i], f0, e0, e[i].first, e[j - 1].end, err, errsize);
  }
  free(e);
  size_t k = 0; /* the merged blocks' places close up */
  for (size_t i = 0; i < *n; i++) {
    if (drop[i]) dc_result_free(v[i]);
    else v[k++] = v[i];
  }
  free(drop);
  *n = k;
  return bad ? -1 : 0;
}
