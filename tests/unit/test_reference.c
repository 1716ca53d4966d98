/* test_reference.c — docs/reference.md documents everything a script can
 * reach: every global of the sandbox, every function of the stdlib's module
 * tables and every method of the stdlib's types. A name added to the
 * environment without a line in the reference fails this test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dc_lua.h"
#include "host.h"

static char *reference;

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) n = 0;
  if (buf) buf[n] = '\0';
  fclose(f);
  return buf;
}

/* Is `name` written in backticks in the reference, alone or followed by an
 * argument list ("`series.growth`", "`series.growth{...}`", "`q(...)`")? */
static int documented(const char *name) {
  char pat[256];
  snprintf(pat, sizeof pat, "`%s", name);
  for (const char *p = strstr(reference, pat); p; p = strstr(p + 1, pat)) {
    char c = p[strlen(pat)];
    if (c == '`' || c == '(' || c == '{' || c == '"' || c == ' ' || c == '[') return 1;
  }
  return 0;
}

static int missing;

static void expect_documented(const char *name) {
  if (!documented(name)) {
    printf("docs/reference.md does not document `%s`\n", name);
    missing++;
  }
}

/* stack: t -> t. Every function-valued string key of t, as prefix..key. */
static void functions_of(lua_State *L, const char *prefix, char sep) {
  char name[256];
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TFUNCTION) {
      const char *k = lua_tostring(L, -2);
      if (k[0] != '_' || k[1] != '_') {
        snprintf(name, sizeof name, "%s%c%s", prefix, sep, k);
        expect_documented(name);
      }
    }
    lua_pop(L, 1);
  }
}

static int is_module(const char *name) {
  for (int i = 0; dc_modules[i].name; i++)
    if (strcmp(dc_modules[i].name, name) == 0) return 1;
  return 0;
}

static void every_global_is_documented(void **state) {
  (void)state;
  reference = slurp("docs/reference.md");
  assert_non_null(reference);
  dc_host_opts o = {0};
  dc_host *h = dc_host_new(&o);
  lua_State *L = dc_host_state(h);
  missing = 0;
  lua_pushglobaltable(L);
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    const char *k = lua_tostring(L, -2);
    expect_documented(k);
    /* the stdlib's own tables: each function too (units.MW and the like
       are quantities, documented as a family) */
    if (lua_type(L, -1) == LUA_TTABLE && is_module(k)) functions_of(L, k, '.');
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  static const char *const types[][2] = {
    {"decarb.Quantity", "Quantity"}, {"decarb.Series", "Series"}, {"decarb.Plan", "Plan"}};
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
    if (luaL_getmetatable(L, types[i][0]) != LUA_TTABLE) {
      printf("type %s is not registered\n", types[i][0]);
      missing++;
      lua_pop(L, 1);
      continue;
    }
    /* methods: a raw "methods" table of the metatable, __index itself when
       a table, else the tables among the upvalues of the __index function
       (the places a binding keeps them) */
    if (lua_getfield(L, -1, "methods") == LUA_TTABLE) functions_of(L, types[i][1], ':');
    lua_pop(L, 1);
    int t = lua_getfield(L, -1, "__index");
    if (t == LUA_TTABLE) functions_of(L, types[i][1], ':');
    else if (t == LUA_TFUNCTION)
      for (int up = 1; lua_getupvalue(L, -1, up); up++) {
        if (lua_type(L, -1) == LUA_TTABLE) functions_of(L, types[i][1], ':');
        lua_pop(L, 1);
      }
    lua_pop(L, 2);
  }
  dc_host_free(h);
  free(reference);
  assert_int_equal(missing, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(every_global_is_documented),
  };
  return cmocka_run_group_tests_name("reference", tests, NULL, NULL);
}
