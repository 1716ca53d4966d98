/* test_nameset.c — cmocka tests of stdlib/nameset.c (the plan's name
 * look-ups): adding, finding, tags apart, duplicates, growth past many
 * thousand names, and an allocator that refuses (the set stays usable). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nameset.h"
#include "plan.h"

static void adds_and_finds(void **state) {
  (void)state;
  dc_nameset s;
  dc_nameset_init(&s, NULL, NULL);
  assert_int_equal(dc_nameset_find(&s, 0, "a"), -1); /* empty */
  assert_int_equal(dc_nameset_add(&s, 0, "buildings", 3), 0);
  assert_int_equal(dc_nameset_add(&s, 0, "transport", 4), 0);
  assert_int_equal(dc_nameset_find(&s, 0, "buildings"), 3);
  assert_int_equal(dc_nameset_find(&s, 0, "transport"), 4);
  assert_int_equal(dc_nameset_find(&s, 0, "Buildings"), -1);
  assert_int_equal(dc_nameset_find(&s, 0, ""), -1);
  /* a name given again keeps its first value */
  assert_int_equal(dc_nameset_add(&s, 0, "buildings", 9), 1);
  assert_int_equal(dc_nameset_find(&s, 0, "buildings"), 3);
  /* the same name under another tag (a measure in another scenario) is another key */
  assert_int_equal(dc_nameset_find(&s, 2, "buildings"), -1);
  assert_int_equal(dc_nameset_add(&s, 2, "buildings", 7), 0);
  assert_int_equal(dc_nameset_find(&s, 2, "buildings"), 7);
  assert_int_equal(dc_nameset_find(&s, 0, "buildings"), 3);
  assert_int_equal(dc_nameset_add(&s, -1, "", 1), 0);
  assert_int_equal(dc_nameset_find(&s, -1, ""), 1);
  dc_nameset_free(&s);
  assert_int_equal(dc_nameset_find(&s, 0, "buildings"), -1);
}

static void many(void **state) {
  (void)state;
  enum { N = 50000 };
  static char names[N][16];
  dc_nameset s;
  dc_nameset_init(&s, NULL, NULL);
  for (int i = 0; i < N; i++) {
    snprintf(names[i], sizeof names[i], "m%d", i);
    assert_int_equal(dc_nameset_add(&s, i % 3, names[i], i), 0);
  }
  assert_int_equal(s.n, N);
  assert_true(s.cap >= 2 * s.n); /* load at most 1/2 */
  for (int i = 0; i < N; i++) {
    assert_int_equal(dc_nameset_find(&s, i % 3, names[i]), i);
    assert_int_equal(dc_nameset_find(&s, (i + 1) % 3, names[i]), -1);
  }
  char other[16];
  snprintf(other, sizeof other, "m%d", N);
  assert_int_equal(dc_nameset_find(&s, 0, other), -1);
  dc_nameset_free(&s);
}

static int allowed; /* allocations the allocator still grants */
static size_t live;
static void *limited(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud;
  if (nsize == 0) {
    if (ptr) live -= osize;
    free(ptr);
    return NULL;
  }
  if (allowed-- <= 0) return NULL;
  void *p = realloc(ptr, nsize);
  if (p) live += nsize - (ptr ? osize : 0);
  return p;
}

static void out_of_memory(void **state) {
  (void)state;
  static char names[40][16];
  dc_nameset s;
  allowed = 1; /* the first table (16 slots) only */
  live = 0;
  dc_nameset_init(&s, limited, NULL);
  int i = 0;
  for (; i < 40; i++) {
    snprintf(names[i], sizeof names[i], "n%d", i);
    int r = dc_nameset_add(&s, 0, names[i], i);
    if (r < 0) break;
    assert_int_equal(r, 0);
  }
  assert_int_equal(i, 8); /* the 9th would pass half of 16 */
  /* refused: unchanged, and still answers */
  assert_int_equal(s.n, 8);
  assert_int_equal(dc_nameset_find(&s, 0, names[8]), -1);
  for (int k = 0; k < 8; k++) assert_int_equal(dc_nameset_find(&s, 0, names[k]), k);
  allowed = 1;
  assert_int_equal(dc_nameset_add(&s, 0, names[8], 8), 0);
  assert_int_equal(dc_nameset_find(&s, 0, names[8]), 8);
  dc_nameset_free(&s);
  assert_int_equal(live, 0); /* every block given back, with its size */
}

/* the plan's look-ups through the index (past 8 names of a kind) */
static void plan_names(void **state) {
  (void)state;
  static const dc_dims EMIS = {{[DC_DIM_CO2] = 1, [DC_DIM_TIME] = -1}};
  double v[3] = {1, 1, 1};
  char name[32];
  dc_plan *p = dc_plan_new("Names", 2020, 2022);
  assert_non_null(p);
  for (int i = 0; i < 40; i++) {
    snprintf(name, sizeof name, "sector %d", i);
    assert_int_equal(dc_plan_sector(p, name, v, EMIS, NULL, NULL), i);
  }
  assert_true(dc_plan_sector(p, "sector 17", v, EMIS, NULL, NULL) < 0);
  assert_non_null(strstr(dc_plan_error(p), "already used"));
  assert_true(dc_plan_find_metric(p, "sector 39") >= DC_MET_NBUILTIN);
  assert_int_equal(dc_plan_find_metric(p, "emissions"), DC_MET_EMISSIONS);
  assert_int_equal(dc_plan_find_metric(p, "sector 40"), -1);
  int s = dc_plan_scenario(p, "fast");
  for (int i = 0; i < 12; i++) assert_int_equal(dc_plan_scenario(p, i % 2 ? "odd" : "even") < 0, i >= 2);
  assert_int_equal(dc_plan_find_scenario(p, "fast"), s);
  dc_plan_measure_spec m;
  memset(&m, 0, sizeof m);
  m.kind = DC_MEASURE_ABATES;
  m.start = m.full = m.stop = DC_PLAN_NOYEAR;
  m.amount = v;
  m.amount_dims = EMIS;
  m.scenario = -1;
  for (int i = 0; i < 100; i++) {
    snprintf(name, sizeof name, "measure %d", i);
    m.name = name;
    m.sector = i % 2 ? "sector 3" : "sector 38";
    assert_int_equal(dc_plan_measure(p, &m), i);
  }
  m.name = "measure 50";
  assert_true(dc_plan_measure(p, &m) < 0);
  assert_non_null(strstr(dc_plan_error(p), "measure 'measure 50' is defined twice"));
  m.scenario = s; /* the same name in a scenario of its own: another measure */
  assert_int_equal(dc_plan_measure(p, &m), 100);
  assert_true(dc_plan_measure(p, &m) < 0);
  m.scenario = -1;
  m.name = "measure 100";
  m.sector = "sector 99";
  assert_true(dc_plan_measure(p, &m) < 0);
  assert_non_null(strstr(dc_plan_error(p), "unknown sector 'sector 99'"));
  dc_plan_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(adds_and_finds),
      cmocka_unit_test(many),
      cmocka_unit_test(out_of_memory),
      cmocka_unit_test(plan_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
