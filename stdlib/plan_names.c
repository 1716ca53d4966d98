/* plan_names.c — the plan's name look-ups through hash sets (nameset.h),
 * so that a plan of N measures costs O(N) to build, not O(N^2). The sets
 * are an index beside the plan's arrays, filled lazily: a look-up first
 * adds the items appended since the last one (the plan only ever appends,
 * and a name's block never moves). Without memory for the index, a look-up
 * falls back to the linear scan, so an answer never depends on it. */
#include <string.h>

#include "nameset.h"
#include "plan_int.h"

struct dc_plan_index {
  dc_nameset set[DC_PK_N];
  size_t done[DC_PK_N]; /* items of each kind in the set */
};

static size_t count_of(const dc_plan *p, enum dc_plan_kind k) {
  switch (k) {
  case DC_PK_SECTOR: return p->nsec;
  case DC_PK_TECH: return p->ntech;
  case DC_PK_MEASURE: return p->nmea;
  case DC_PK_METRIC: return p->nmet;
  case DC_PK_TARGET: return p->ntar;
  default: return p->nscen;
  }
}

/* item i of kind k: its name, and its tag (a measure's scenario, else 0) */
static const char *item(const dc_plan *p, enum dc_plan_kind k, size_t i, int *tag) {
  *tag = 0;
  switch (k) {
  case DC_PK_SECTOR: return p->sec[i].name;
  case DC_PK_TECH: return p->tech[i].name;
  case DC_PK_MEASURE: *tag = p->mea[i].scenario; return p->mea[i].name;
  case DC_PK_METRIC: return p->met[i].name;
  case DC_PK_TARGET: return p->tar[i].name;
  default: return p->scen[i].name;
  }
}

static int scan(const dc_plan *p, enum dc_plan_kind k, int tag, const char *name) {
  size_t n = count_of(p, k);
  for (size_t i = 0; i < n; i++) {
    int t;
    const char *nm = item(p, k, i, &t);
    if (nm && t == tag && strcmp(nm, name) == 0) return (int)i;
  }
  return -1;
}

int dc_plan__find(const dc_plan *cp, enum dc_plan_kind k, int tag, const char *name) {
  dc_plan *p = (dc_plan *)cp; /* the index is a cache: it changes no answer */
  size_t n = count_of(p, k);
  if (n < 8) return scan(p, k, tag, name); /* not worth a table */
  if (!p->idx) {
    p->idx = p->allocf(p->allocud, NULL, 0, sizeof *p->idx);
    if (!p->idx) return scan(p, k, tag, name);
    memset(p->idx, 0, sizeof *p->idx);
    for (int j = 0; j < DC_PK_N; j++) dc_nameset_init(&p->idx->set[j], p->allocf, p->allocud);
  }
  dc_nameset *s = &p->idx->set[k];
  for (size_t i = p->idx->done[k]; i < n; i++) {
    int t;
    const char *nm = item(p, k, i, &t);
    if (nm && dc_nameset_add(s, t, nm, (int)i) < 0) return scan(p, k, tag, name); /* later: again */
    p->idx->done[k] = i + 1;
  }
  return dc_nameset_find(s, tag, name);
}

void dc_plan__names_free(dc_plan *p) {
  if (!p->idx) return;
  for (int j = 0; j < DC_PK_N; j++) dc_nameset_free(&p->idx->set[j]);
  p->allocf(p->allocud, p->idx, sizeof *p->idx, 0);
  p->idx = NULL;
}
