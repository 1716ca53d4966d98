/* test_repl.c — the REPL's helpers that need no terminal: the "unfinished
 * chunk" test, top-level locals, completion context and candidates (raw
 * access only), command names, and the pretty printer's limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lualib.h>
#include <string.h>

#include "pretty.h"
#include "replkit.h"

/* ---- chunks --------------------------------------------------------- */

static int incomplete(const char *msg) { return dc_repl_incomplete(msg, strlen(msg)); }

static void test_incomplete(void **state) {
  (void)state;
  assert_true(incomplete("stdin:1: unexpected symbol near <eof>"));
  assert_true(incomplete("stdin:2: 'end' expected (to close 'for' at line 1) near <eof>"));
  assert_false(incomplete("stdin:1: <eof> expected near 'y'"));
  assert_false(incomplete("stdin:1: unfinished string near '\"abc'"));
  assert_false(incomplete(""));
  assert_false(dc_repl_incomplete(NULL, 0));
}

/* Real load messages from Lua agree with the test. */
static void test_incomplete_from_lua(void **state) {
  (void)state;
  lua_State *L = luaL_newstate();
  static const struct { const char *src; int more; } cases[] = {
    {"for i = 1, 3 do", 1}, {"x = {", 1}, {"print(1,", 1}, {"s = [[abc", 1},
    {"s = 'abc", 1}, /* as lua.c: an open quote at the end goes on */
    {"x = = 1", 0},     {"s = 'abc\nd'", 0}, {"x = 1", -1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    int st = luaL_loadbufferx(L, cases[i].src, strlen(cases[i].src), "=stdin", "t");
    if (cases[i].more < 0) {
      assert_int_equal(st, LUA_OK);
    } else {
      assert_int_equal(st, LUA_ERRSYNTAX);
      size_t n;
      const char *m = lua_tolstring(L, -1, &n);
      assert_int_equal(dc_repl_incomplete(m, n), cases[i].more);
    }
    lua_settop(L, 0);
  }
  lua_close(L);
}

static void check_locals(const char *src, int count, const char *names) {
  char out[100];
  assert_int_equal(dc_repl_local_names(src, strlen(src), out, sizeof out), count);
  assert_string_equal(out, names);
}

static void test_local_names(void **state) {
  (void)state;
  check_locals("local x = 1", 1, "x");
  check_locals("  local a, b <const> = 1, 2", 2, "a, b");
  check_locals("local function f() local y = 1 end", 1, "f");
  check_locals("function g() local a end local b = 2", 1, "b");
  check_locals("do local z = 1 end", 0, "");
  check_locals("if c then local d = 1 end", 0, "");
  check_locals("for i = 1, 2 do local e = i end", 0, "");
  check_locals("repeat local r = 1 until r", 0, "");
  check_locals("x = 'local y'", 0, "");
  check_locals("-- local y\nx = 1", 0, "");
  check_locals("--[[ local y ]] x = [==[ local z ]==] local w", 1, "w");
  check_locals("x = 1", 0, "");
  check_locals("print(localx)", 0, "");
}

/* ---- completion context --------------------------------------------- */

static dc_compl at_end(const char *line, int command_ok) {
  dc_compl c;
  dc_compl_analyse(line, strlen(line), command_ok, &c);
  return c;
}

static void test_analyse(void **state) {
  (void)state;
  dc_compl c = at_end("x = pri", 1);
  assert_int_equal(c.kind, DC_COMPL_GLOBAL);
  assert_int_equal(c.start, 4);

  c = at_end("string.fo", 1);
  assert_int_equal(c.kind, DC_COMPL_FIELD);
  assert_int_equal(c.start, 7);
  assert_int_equal(c.path_start, 0);
  assert_int_equal(c.path_len, 6);

  c = at_end("y = a.b.c:me", 1);
  assert_int_equal(c.kind, DC_COMPL_METHOD);
  assert_int_equal(c.path_start, 4);
  assert_int_equal(c.path_len, 5); /* "a.b.c" */

  c = at_end("g = q\"107 M", 1);
  assert_int_equal(c.kind, DC_COMPL_UNIT);
  assert_int_equal(c.start, 10);
  assert_int_equal(c.keep, 0);

  c = at_end("g = q\"107M", 1);
  assert_int_equal(c.kind, DC_COMPL_UNIT);
  assert_int_equal(c.start, 6);
  assert_int_equal(c.keep, 3);

  c = at_end("g = q(\"1e4 kgCO2/kW", 1);
  assert_int_equal(c.kind, DC_COMPL_UNIT);
  assert_int_equal(c.start, 17);

  c = at_end("e:to\"GW", 1);
  assert_int_equal(c.kind, DC_COMPL_UNIT);
  c = at_end("e:value 'G", 1);
  assert_int_equal(c.kind, DC_COMPL_UNIT);

  assert_int_equal(at_end("print(\"he", 1).kind, DC_COMPL_NONE);   /* a plain string */
  assert_int_equal(at_end("seq\"107 M", 1).kind, DC_COMPL_NONE);   /* not q */
  assert_int_equal(at_end("x = 1 -- pri", 1).kind, DC_COMPL_NONE); /* a comment */
  assert_int_equal(at_end("x = [[pri", 1).kind, DC_COMPL_NONE);    /* a long string */
  assert_int_equal(at_end("f().x", 1).kind, DC_COMPL_NONE);
  assert_int_equal(at_end("t[1].x", 1).kind, DC_COMPL_NONE);
  assert_int_equal(at_end("x = 3.1", 1).kind, DC_COMPL_NONE);
  assert_int_equal(at_end("s = \"a\" .. na", 1).kind, DC_COMPL_GLOBAL);
  assert_int_equal(at_end("print(\"a\", pri", 1).kind, DC_COMPL_GLOBAL); /* after a closed string */

  c = at_end(":he", 1);
  assert_int_equal(c.kind, DC_COMPL_COMMAND);
  assert_int_equal(c.start, 1);
  assert_int_equal(at_end(":help un", 1).kind, DC_COMPL_TOPIC);
  assert_int_equal(at_end(":load exa", 1).kind, DC_COMPL_FILE);
  assert_int_equal(at_end(":units k", 1).kind, DC_COMPL_UNIT);
  assert_int_equal(at_end(":check p", 1).kind, DC_COMPL_GLOBAL);
  /* a continuation line is Lua, not a command */
  assert_int_equal(at_end(":he", 0).kind, DC_COMPL_NONE);
}

/* ---- completion candidates ------------------------------------------ */

static int count(char **list) {
  int n = 0;
  while (list && list[n]) n++;
  return n;
}

static int has(char **list, const char *name) {
  for (int i = 0; list && list[i]; i++)
    if (strcmp(list[i], name) == 0) return 1;
  return 0;
}

static char **collect(lua_State *L, const char *line, int *type) {
  dc_compl c;
  dc_compl_analyse(line, strlen(line), 1, &c);
  return dc_compl_collect(L, line, strlen(line), &c, type);
}

static int tripped(lua_State *L) {
  lua_pushboolean(L, 1);
  lua_setglobal(L, "TRIPPED");
  return 0;
}

/* A state whose traps record any metamethod call in the global TRIPPED. */
static lua_State *trap_state(void) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  static const char setup[] =
    "plans = { zhangye = {}, zibo = {}, n = 3 }\n"
    "proxy = setmetatable({ real = 1 }, { __index = function() trip() end,\n"
    "                                     __pairs = function() trip() end })\n"
    "base = { inherited = 1 }\n"
    "child = setmetatable({ own = 2 }, { __index = base })\n"
    "loop = {} setmetatable(loop, { __index = loop })\n";
  lua_pushcfunction(L, tripped);
  lua_setglobal(L, "trip");
  assert_int_equal(luaL_dostring(L, setup), LUA_OK);
  /* a userdata whose methods sit in a raw __index table */
  lua_newuserdatauv(L, 8, 0);
  lua_newtable(L);
  lua_newtable(L);
  lua_pushcfunction(L, tripped);
  lua_setfield(L, -2, "to");
  lua_pushcfunction(L, tripped);
  lua_setfield(L, -2, "value");
  lua_pushinteger(L, 3);
  lua_setfield(L, -2, "digits");
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, -2);
  lua_setglobal(L, "gen");
  /* a userdata whose __index is a function: its metatable's functions */
  lua_newuserdatauv(L, 8, 0);
  lua_newtable(L);
  lua_pushcfunction(L, tripped);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, tripped);
  lua_setfield(L, -2, "sum");
  lua_pushcfunction(L, tripped);
  lua_setfield(L, -2, "peak");
  lua_setmetatable(L, -2);
  lua_setglobal(L, "ser");
  /* __index a function, methods in the metatable's table `methods` */
  lua_newuserdatauv(L, 8, 0);
  lua_newtable(L);
  lua_pushcfunction(L, tripped);
  lua_setfield(L, -2, "__index");
  lua_newtable(L);
  lua_pushcfunction(L, tripped);
  lua_setfield(L, -2, "sector");
  lua_pushcfunction(L, tripped);
  lua_setfield(L, -2, "check");
  lua_setfield(L, -2, "methods");
  lua_setmetatable(L, -2);
  lua_setglobal(L, "udp");
  return L;
}

static void assert_not_tripped(lua_State *L) {
  lua_getglobal(L, "TRIPPED");
  assert_true(lua_isnil(L, -1));
  lua_pop(L, 1);
}

static void test_collect_lua(void **state) {
  (void)state;
  lua_State *L = trap_state();
  int type;
  char **l = collect(L, "pl", &type);
  assert_int_equal(count(l), 1);
  assert_string_equal(l[0], "plans");
  assert_int_equal(type, LUA_TTABLE);
  dc_compl_free(l);

  l = collect(L, "x = plans.z", &type); /* sorted */
  assert_int_equal(count(l), 2);
  assert_string_equal(l[0], "zhangye");
  assert_string_equal(l[1], "zibo");
  assert_int_equal(type, LUA_TNONE);
  dc_compl_free(l);

  l = collect(L, "wh", &type); /* a keyword */
  assert_true(has(l, "while"));
  dc_compl_free(l);

  l = collect(L, "proxy.", &type); /* raw keys only, __index/__pairs untouched */
  assert_int_equal(count(l), 1);
  assert_string_equal(l[0], "real");
  dc_compl_free(l);
  assert_null(collect(L, "proxy.nothing.", &type));

  l = collect(L, "child.", &type); /* own keys and the __index table's */
  assert_int_equal(count(l), 2);
  assert_string_equal(l[0], "inherited");
  assert_string_equal(l[1], "own");
  dc_compl_free(l);

  l = collect(L, "loop.", &type); /* an __index loop ends */
  assert_null(l);

  l = collect(L, "gen:", &type); /* methods only */
  assert_int_equal(count(l), 2);
  assert_string_equal(l[0], "to");
  assert_string_equal(l[1], "value");
  dc_compl_free(l);
  l = collect(L, "gen.", &type);
  assert_int_equal(count(l), 3);
  dc_compl_free(l);

  l = collect(L, "ser:", &type); /* __index a function: the metatable's functions */
  assert_int_equal(count(l), 2);
  assert_string_equal(l[0], "peak");
  assert_string_equal(l[1], "sum");
  dc_compl_free(l);

  l = collect(L, "udp:", &type);
  assert_int_equal(count(l), 2);
  assert_string_equal(l[0], "check");
  assert_string_equal(l[1], "sector");
  dc_compl_free(l);

  l = collect(L, "string.fo", &type);
  assert_int_equal(count(l), 1);
  assert_string_equal(l[0], "format");
  assert_int_equal(type, LUA_TFUNCTION);
  dc_compl_free(l);

  assert_null(collect(L, "nosuch.x", &type));
  assert_null(collect(L, "zzzz", &type));
  assert_not_tripped(L);
  assert_int_equal(lua_gettop(L), 0);
  lua_close(L);
}

static void test_collect_words(void **state) {
  (void)state;
  int type;
  char **l = collect(NULL, ":he", &type);
  assert_int_equal(count(l), 1);
  assert_string_equal(l[0], "help");
  dc_compl_free(l);
  l = collect(NULL, ":help t", &type);
  assert_int_equal(count(l), 1);
  assert_string_equal(l[0], "targets");
  dc_compl_free(l);
  l = collect(NULL, ":", &type);
  assert_int_equal(count(l), 7); /* help load check explain units reset quit */
  assert_true(has(l, "explain"));
  dc_compl_free(l);
  /* units: names, and a prefix + name the units parser accepts */
  l = collect(NULL, "x = q\"5 M", &type);
  assert_true(has(l, "MWh"));
  assert_true(has(l, "MW"));
  dc_compl_free(l);
  l = collect(NULL, "x = q\"5 tc", &type);
  assert_true(has(l, "tce"));
  dc_compl_free(l);
  l = collect(NULL, "units.kW", &type); /* L NULL: only the unit names */
  assert_true(has(l, "kWh"));
  assert_true(has(l, "kW"));
  dc_compl_free(l);
  l = collect(NULL, "units.", &type);
  assert_false(has(l, "%"));
  dc_compl_free(l);
  l = collect(NULL, "x = q\"5 kWh/zz", &type);
  assert_null(l);
}

static void test_commands(void **state) {
  (void)state;
  assert_string_equal(dc_repl_command("help", 4), "help");
  assert_string_equal(dc_repl_command("h", 1), "help");
  assert_string_equal(dc_repl_command("q", 1), "quit");
  assert_string_equal(dc_repl_command("res", 3), "reset");
  assert_null(dc_repl_command("x", 1));
  assert_null(dc_repl_command("", 0));
  assert_null(dc_repl_command("helpx", 5));
  assert_non_null(dc_repl_help(NULL));
  assert_non_null(dc_repl_help("units"));
  assert_null(dc_repl_help("nosuch"));
  for (int i = 0; dc_repl_topics[i]; i++) assert_non_null(dc_repl_help(dc_repl_topics[i]));
}

/* ---- the pretty printer --------------------------------------------- */

static dc_pretty_opts popts;

static int pretty_top(lua_State *L) {
  dc_pretty_push_values(L, 1, lua_gettop(L), &popts);
  return 1;
}

/* The rendering of the values a chunk returns. */
static void check_pretty(const char *chunk, const char *expect) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  lua_pushcfunction(L, tripped);
  lua_setglobal(L, "trip");
  lua_pushcfunction(L, pretty_top);
  assert_int_equal(luaL_loadstring(L, chunk), LUA_OK);
  assert_int_equal(lua_pcall(L, 0, LUA_MULTRET, 0), LUA_OK);
  int st = lua_pcall(L, lua_gettop(L) - 1, 1, 0);
  if (st != LUA_OK) fail_msg("pretty raised: %s", lua_tostring(L, -1));
  assert_string_equal(lua_tostring(L, -1), expect);
  assert_not_tripped(L);
  lua_close(L);
}

static void test_pretty_scalars(void **state) {
  (void)state;
  dc_pretty_defaults(&popts);
  check_pretty("return 42, 0.1 + 0.2, 1/3, 2^63, -0.0", "42\t0.3\t0.33333333333333\t9.2233720368548e+18\t0");
  check_pretty("return nil, true, false", "nil\ttrue\tfalse");
  check_pretty("return 'a\"b\\\\c\\n', '\\0' .. '1'", "\"a\\\"b\\\\c\\n\"\t\"\\0001\"");
  check_pretty("return print", "<function builtin>");
  check_pretty("return load('return function() end', '=x')()", "<function x:1>");
  check_pretty("return setmetatable({}, { __tostring = function() return '160.5 GWh' end })",
               "160.5 GWh");
}

static void test_pretty_tables(void **state) {
  (void)state;
  dc_pretty_defaults(&popts);
  check_pretty("return {}", "{}");
  check_pretty("return { 1, 2, 3 }", "{ 1, 2, 3 }");
  /* numbers first in order, then strings sorted, then the rest */
  check_pretty("return { b = 1, a = 2, [10] = 'x', 'one', [2.5] = 0, ['a b'] = 3, [true] = 1 }",
               "{ \"one\", [2.5] = 0, [10] = \"x\", a = 2, [\"a b\"] = 3, b = 1, [true] = 1 }");
  check_pretty("return { [2] = 'b', [1] = 'a', [4] = 'd' }", "{ \"a\", \"b\", [4] = \"d\" }");
  check_pretty("return { ['end'] = 1 }", "{ [\"end\"] = 1 }");
  /* raw contents: neither __index nor __pairs is called */
  check_pretty("return setmetatable({ x = 1 }, { __index = trip, __pairs = trip })", "{ x = 1 }");
}

static void test_pretty_limits(void **state) {
  (void)state;
  dc_pretty_defaults(&popts);
  check_pretty("local t = { name = 't' } t.self = t return t", "{ name = \"t\", self = <cycle> }");
  /* shared, not cyclic: printed twice */
  check_pretty("local s = { 1 } return { s, s }", "{ { 1 }, { 1 } }");
  check_pretty("return { { { { { 1 } } } } }", "{ { { { {...} } } } }");
  popts.max_depth = 1;
  check_pretty("return { a = { 1 }, b = {} }", "{ a = {...}, b = {} }");
  dc_pretty_defaults(&popts);
  popts.max_items = 3;
  check_pretty("return { 1, 2, 3, 4, 5 }", "{ 1, 2, 3, ... (2 more) }");
  dc_pretty_defaults(&popts);
  popts.width = 20;
  check_pretty("return { alpha = 1, beta = { 1, 2 } }",
               "{\n  alpha = 1,\n  beta = { 1, 2 },\n}");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_incomplete),
    cmocka_unit_test(test_incomplete_from_lua),
    cmocka_unit_test(test_local_names),
    cmocka_unit_test(test_analyse),
    cmocka_unit_test(test_collect_lua),
    cmocka_unit_test(test_collect_words),
    cmocka_unit_test(test_commands),
    cmocka_unit_test(test_pretty_scalars),
    cmocka_unit_test(test_pretty_tables),
    cmocka_unit_test(test_pretty_limits),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
