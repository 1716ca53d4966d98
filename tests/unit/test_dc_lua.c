/* test_dc_lua.c — cmocka tests of the binding toolkit (stdlib/dc_lua.c):
 * field checks, optional strings, years, locked metatables. Each toolkit
 * function is a global of a bare state (fields, unknown, field_in, to_year,
 * opt_string, year, lock); cases are data: a chunk and the string it
 * returns, or "!" and the error it raises, at the chunk's line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <string.h>

#include "dc_lua.h"

/* fields(t, allowed, npos [, listing]): raises or returns "ok" */
static int l_fields(lua_State *L) {
  dc_lua_check_fields(L, 1, "ctor", luaL_checkstring(L, 2), (int)luaL_checkinteger(L, 3), luaL_optstring(L, 4, NULL));
  lua_pushliteral(L, "ok");
  return 1;
}

/* unknown(t, allowed, npos): the first key refused (tostring'ed), or "none" */
static int l_unknown(lua_State *L) {
  int top = lua_gettop(L);
  if (!dc_lua_unknown_field(L, 1, luaL_checkstring(L, 2), (int)luaL_checkinteger(L, 3))) {
    assert_int_equal(lua_gettop(L), top); /* nothing pushed */
    lua_pushliteral(L, "none");
    return 1;
  }
  assert_int_equal(lua_gettop(L), top + 1); /* the key */
  luaL_tolstring(L, -1, NULL);
  return 1;
}

static int l_field_in(lua_State *L) {
  lua_pushboolean(L, dc_lua_field_in(luaL_checkstring(L, 1), luaL_checkstring(L, 2)));
  return 1;
}

/* to_year(v, strict, lo, hi): "ok Y", "range Y" or "not" */
static int l_to_year(lua_State *L) {
  lua_Integer y = 0;
  int r = dc_lua_to_year(L, 1, lua_toboolean(L, 2), (int)luaL_checkinteger(L, 3), (int)luaL_checkinteger(L, 4), &y);
  if (r == DC_LUA_YEAR_NOT) lua_pushliteral(L, "not");
  else lua_pushfstring(L, "%s %I", r == DC_LUA_YEAR_OK ? "ok" : "range", (LUAI_UACINT)y);
  return 1;
}

/* opt_string(t, field): "R S" (R the status, S the string or -) */
static int l_opt_string(lua_State *L) {
  int top = lua_gettop(L);
  const char *s;
  int r = dc_lua_get_opt_string(L, 1, luaL_checkstring(L, 2), &s);
  assert_int_equal(lua_gettop(L), top + 1); /* the value, always */
  lua_pushfstring(L, "%d %s", r, s ? s : "-");
  return 1;
}

static int l_year(lua_State *L) {
  lua_pushinteger(L, dc_lua_year(L, 1, "year", 1, 9999));
  return 1;
}

/* lock(shown): a table with a locked metatable */
static int l_lock(lua_State *L) {
  const char *shown = luaL_optstring(L, 1, NULL);
  lua_newtable(L);
  lua_newtable(L);
  dc_lua_lock_metatable(L, -1, shown);
  lua_setmetatable(L, -2);
  return 1;
}

static lua_State *new_state(void) {
  lua_State *L = luaL_newstate();
  assert_non_null(L);
  luaL_openlibs(L);
  static const luaL_Reg fns[] = {{"fields", l_fields},   {"unknown", l_unknown},       {"field_in", l_field_in},
                                 {"to_year", l_to_year}, {"opt_string", l_opt_string}, {"year", l_year},
                                 {"lock", l_lock},       {NULL, NULL}};
  lua_pushglobaltable(L);
  luaL_setfuncs(L, fns, 0);
  lua_pop(L, 1);
  return L;
}

typedef struct tcase {
  const char *code, *want;
} tcase;

static void run_cases(const tcase *cases, size_t n) {
  lua_State *L = new_state();
  char got[600];
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    int rc = luaL_loadbufferx(L, cases[i].code, strlen(cases[i].code), "=t.lua", "t");
    if (rc == LUA_OK) rc = lua_pcall(L, 0, 1, 0);
    if (rc == LUA_OK) snprintf(got, sizeof got, "%s", luaL_tolstring(L, -1, NULL));
    else snprintf(got, sizeof got, "!%s", lua_tostring(L, -1));
    lua_settop(L, 0);
    if (strcmp(got, cases[i].want) != 0) {
      printf("case %zu: %s\n  got:  %s\n  want: %s\n", i, cases[i].code, got, cases[i].want);
      bad++;
    }
  }
  lua_close(L);
  if (bad) fail_msg("%d of %zu cases failed", bad, n);
}

static void field_checks(void **st) {
  (void)st;
  static const tcase cases[] = {
      {"return field_in('a, bb, c', 'bb')", "true"},
      {"return field_in('a, bb, c', 'b')", "false"},
      {"return field_in('a, bb, c', 'a, bb')", "false"},
      {"return field_in('a, bb, c', '')", "false"},
      {"return field_in('', 'a')", "false"},
      {"return field_in('a, bb', 'a,')", "false"},
      {"return #unknown({['a\\0x'] = 1}, 'a', 1)", "3"}, /* the key, not "none" */
      {"return unknown({['a, bb'] = 1}, 'a, bb', 1)", "a, bb"},
      {"return unknown({'n', a = 1, c = 2}, 'a, bb, c', 1)", "none"},
      {"return unknown({'n', b = 1}, 'a, bb, c', 1)", "b"},
      {"return unknown({'n', 'x'}, 'a', 1)", "2"},
      {"return unknown({'n', 'x'}, 'a', 2)", "none"},
      {"return unknown({[0] = 1}, 'a', 1)", "0"},
      {"return unknown({[2020] = 1, [-5] = 2}, 'a', -1)", "none"},
      {"return unknown({[1.5] = 1}, 'a', -1)", "1.5"},
      {"return unknown({[true] = 1}, 'a', -1)", "true"},
      {"return unknown({a = 1}, 'a', 0)", "none"},
      {"return unknown({'n'}, 'a', 0)", "1"},
      {"return fields({'n', a = 1}, 'a, b', 1)", "ok"},
      {"return fields({'n', z = 1}, 'a, b', 1)", "!t.lua:1: unknown field 'z' in ctor{...} (fields: a, b)"},
      {"return fields({'n', z = 1}, 'a, b', 1, 'it takes a and b')",
       "!t.lua:1: unknown field 'z' in ctor{...} (it takes a and b)"},
      {"return fields({'n', 'm'}, 'a', 1)", "!t.lua:1: unexpected [2] in ctor{...} (fields: a)"},
      {"return fields({'n', 'm'}, 'a', 1, 'only a')", "!t.lua:1: unexpected [2] in ctor{...} (only a)"},
      {"return fields({[false] = 1}, 'a', 1)", "!t.lua:1: unexpected boolean key in ctor{...} (fields: a)"},
      {"return fields({['a\\0x'] = 1}, 'a', 1)",
       "!t.lua:1: a field's name in ctor{...} must be printable text; one has the control character 0x00 (fields: a)"},
      {"return fields({['\\27[31m'] = 1}, 'a', 1, 'only a')",
       "!t.lua:1: a field's name in ctor{...} must be printable text; one has the control character 0x1B (only a)"},
  };
  run_cases(cases, sizeof cases / sizeof cases[0]);
}

static void strings_and_years(void **st) {
  (void)st;
  static const tcase cases[] = {
      {"return opt_string({}, 'a')", "0 -"},
      {"return opt_string({a = 'x'}, 'a')", "1 x"},
      {"return opt_string({a = 5}, 'a')", "-1 -"},
      {"return to_year(2030, false, 1, 9999)", "ok 2030"},
      {"return to_year(2030.0, false, 1, 9999)", "ok 2030"},
      {"return to_year('2030', false, 1, 9999)", "ok 2030"},
      {"return to_year(2030.5, false, 1, 9999)", "not"},
      {"return to_year(12000, false, 1, 9999)", "range 12000"},
      {"return to_year(2030, true, 1, 9999)", "ok 2030"},
      {"return to_year(2030.0, true, 1, 9999)", "not"},
      {"return to_year('2030', true, 1, 9999)", "not"},
      {"return to_year({}, true, 1, 9999)", "not"},
      {"return to_year(-200000, true, -100000, 100000)", "range -200000"},
      {"return year(2030.0)", "2030"},
      {"return year(12000)", "!t.lua:1: year 12000 is out of range (years are 1..9999)"},
      {"return year(2030.5)", "!t.lua:1: year must be a whole year, got 2030.5"},
      {"return year(true)", "!t.lua:1: year must be a whole year, got boolean"},
  };
  run_cases(cases, sizeof cases / sizeof cases[0]);
}

static void locked_metatables(void **st) {
  (void)st;
  static const tcase cases[] = {
      {"return getmetatable(lock('decarb.X'))", "decarb.X"},
      {"return getmetatable(lock())", "false"},
      {"local ok, e = pcall(setmetatable, lock(), {}) return e", "cannot change a protected metatable"},
  };
  run_cases(cases, sizeof cases / sizeof cases[0]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(field_checks),
      cmocka_unit_test(strings_and_years),
      cmocka_unit_test(locked_metatables),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
