/* test_host.c — cmocka tests of the host: the memory cap, the limit hook,
 * option parsing and the sandbox's allow-list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lua.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "dc_lua.h"
#include "guard.h"
#include "host.h"

/* ---- the allocator cap ---- */

static void cap_counts_and_refuses_growth_only(void **state) {
  (void)state;
  dc_memcap m = {.cap = 1000};
  /* ptr == NULL: osize is a type tag (LUA_TTABLE = 5), not a size */
  void *p = dc_memcap_alloc(&m, NULL, LUA_TTABLE, 600);
  assert_non_null(p);
  assert_int_equal(m.used, 600);
  /* growth past the cap is refused and flagged; the block is kept */
  void *q = dc_memcap_alloc(&m, p, 600, 1200);
  assert_null(q);
  assert_int_equal(m.hit, 1);
  assert_int_equal(m.used, 600);
  /* a shrink always succeeds and gives the bytes back */
  p = dc_memcap_alloc(&m, p, 600, 100);
  assert_non_null(p);
  assert_int_equal(m.used, 100);
  /* growth within the cap is fine */
  p = dc_memcap_alloc(&m, p, 100, 1000);
  assert_non_null(p);
  assert_int_equal(m.used, 1000);
  /* a new block when full is refused, whatever the type tag says */
  assert_null(dc_memcap_alloc(&m, NULL, 1000000, 1));
  /* free never fails */
  assert_null(dc_memcap_alloc(&m, p, 1000, 0));
  assert_int_equal(m.used, 0);
  assert_null(dc_memcap_alloc(&m, NULL, 0, 0));
  assert_int_equal(m.used, 0);
  dc_memcap_release(&m);
}

static void small_blocks_keep_their_bytes(void **state) {
  (void)state;
  /* blocks move between size classes, and to and from large blocks, with
     their contents; freed ones are handed out again */
  dc_memcap m = {.cap = 1 << 20};
  unsigned char *p = dc_memcap_alloc(&m, NULL, LUA_TSTRING, 10);
  for (int i = 0; i < 10; i++) p[i] = (unsigned char)i;
  p = dc_memcap_alloc(&m, p, 10, 14); /* same class: same block */
  for (int i = 10; i < 14; i++) p[i] = (unsigned char)i;
  p = dc_memcap_alloc(&m, p, 14, 100); /* another class */
  for (int i = 0; i < 14; i++) assert_int_equal(p[i], i);
  for (int i = 14; i < 100; i++) p[i] = (unsigned char)i;
  p = dc_memcap_alloc(&m, p, 100, 5000); /* to a large block */
  for (int i = 0; i < 100; i++) assert_int_equal(p[i], i);
  p = dc_memcap_alloc(&m, p, 5000, 40); /* back to small */
  for (int i = 0; i < 40; i++) assert_int_equal(p[i], i);
  assert_int_equal(m.used, 40);
  void *q = dc_memcap_alloc(&m, NULL, 0, 33);
  dc_memcap_alloc(&m, q, 33, 0);
  void *r = dc_memcap_alloc(&m, NULL, 0, 48); /* the same class as 33 */
  if (DC_SMALL_CACHE) assert_ptr_equal(q, r); /* not under ASan */
  dc_memcap_alloc(&m, r, 48, 0);
  dc_memcap_alloc(&m, p, 40, 0);
  assert_int_equal(m.used, 0);
  dc_memcap_release(&m);
  for (int k = 0; k < DC_SMALL_CLASSES; k++) assert_null(m.small[k]);
}

static void cap_with_used_over_cap_refuses(void **state) {
  (void)state;
  /* after the cap is lowered below what is in use, growth is refused but
     shrinking and freeing still work */
  dc_memcap m = {.cap = 100};
  void *p = dc_memcap_alloc(&m, NULL, 0, 80);
  m.cap = 50;
  assert_null(dc_memcap_alloc(&m, NULL, 0, 1));
  p = dc_memcap_alloc(&m, p, 80, 40);
  assert_non_null(p);
  dc_memcap_alloc(&m, p, 40, 0);
  assert_int_equal(m.used, 0);
  dc_memcap_release(&m);
}

/* ---- option parsing ---- */

static void parse_sizes(void **state) {
  (void)state;
  size_t v;
  assert_int_equal(dc_parse_size("256M", &v), 0);
  assert_int_equal(v, (size_t)256 << 20);
  assert_int_equal(dc_parse_size("1G", &v), 0);
  assert_int_equal(v, (size_t)1 << 30);
  assert_int_equal(dc_parse_size("2GiB", &v), 0);
  assert_int_equal(v, (size_t)2 << 30);
  assert_int_equal(dc_parse_size("512k", &v), 0);
  assert_int_equal(v, 512 * 1024);
  assert_int_equal(dc_parse_size("1.5M", &v), 0);
  assert_int_equal(v, 3 * 512 * 1024);
  assert_int_equal(dc_parse_size("1048576", &v), 0);
  assert_int_equal(v, 1048576);
  assert_int_equal(dc_parse_size("0", &v), -1);
  assert_int_equal(dc_parse_size("-1G", &v), -1);
  assert_int_equal(dc_parse_size("12Q", &v), -1);
  assert_int_equal(dc_parse_size("", &v), -1);
  assert_int_equal(dc_parse_size("1e30G", &v), -1);
  double s;
  assert_int_equal(dc_parse_seconds("10", &s), 0);
  assert_true(s == 10.0);
  assert_int_equal(dc_parse_seconds("0.5", &s), 0);
  assert_int_equal(dc_parse_seconds("0", &s), -1);
  assert_int_equal(dc_parse_seconds("ten", &s), -1);
  assert_int_equal(dc_parse_seconds("5s", &s), -1);
}

/* ---- the host ---- */

static int run(dc_host *h, const char *code) {
  int st = dc_host_load(h, code, strlen(code), "=test");
  if (st != DC_EXIT_OK) return st;
  return dc_host_call(h, 0, 0);
}

static void time_limit_stops_loops(void **state) {
  (void)state;
  dc_host_opts o = {.timeout = 0.2};
  dc_host *h = dc_host_new(&o);
  assert_non_null(h);
  lua_State *L = dc_host_state(h);
  double t0 = dc_clock_now();
  assert_int_equal(run(h, "while true do end"), DC_EXIT_LIMIT);
  assert_string_equal(lua_tostring(L, -1),
                      "time limit of 0.2 s reached (raise it with --timeout SEC)");
  lua_pop(L, 1);
  /* pcall cannot swallow it */
  assert_int_equal(run(h, "while true do pcall(function() while true do end end) end"),
                   DC_EXIT_LIMIT);
  lua_pop(L, 1);
  /* nor can a coroutine */
  assert_int_equal(run(h, "local co = coroutine.wrap(function() while true do end end) "
                          "while true do pcall(co) end"), DC_EXIT_LIMIT);
  lua_pop(L, 1);
  assert_true(dc_clock_now() - t0 < 3.0);
  /* the host stays usable after a limit */
  assert_int_equal(run(h, "x = 1 + 1"), DC_EXIT_OK);
  dc_host_free(h);
}

static void memory_limit_stops_bombs(void **state) {
  (void)state;
  dc_host_opts o = {.timeout = 5, .max_mem = (size_t)32 << 20};
  dc_host *h = dc_host_new(&o);
  assert_non_null(h);
  lua_State *L = dc_host_state(h);
  assert_int_equal(run(h, "local t = {} for i = 1, math.huge do t[i] = {i} end"), DC_EXIT_LIMIT);
  assert_string_equal(lua_tostring(L, -1),
                      "memory limit of 32 MiB reached (raise it with --max-mem SIZE)");
  lua_pop(L, 1);
  assert_int_equal(run(h, "keep = {} while true do pcall(function() "
                          "for i = 1, math.huge do keep[#keep+1] = {} end end) end"),
                   DC_EXIT_LIMIT);
  lua_pop(L, 1);
  assert_int_equal(run(h, "keep = nil collectgarbage() y = 2"), DC_EXIT_OK);
  dc_host_free(h);
}

/* C code that catches a memory error and raises its message again as a
 * string: no Lua instruction runs in between for the hook to see. */
static int reraise(lua_State *L) {
  lua_pushvalue(L, 1);
  if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
    lua_pushfstring(L, "caught: %s", lua_tostring(L, -1));
    return lua_error(L);
  }
  return 0;
}

static void memory_error_reraised_is_the_limit(void **state) {
  (void)state;
  dc_host_opts o = {.timeout = 5, .max_mem = (size_t)16 << 20};
  dc_host *h = dc_host_new(&o);
  lua_State *L = dc_host_state(h);
  lua_pushcfunction(L, reraise);
  lua_setglobal(L, "reraise");
  assert_int_equal(run(h, "reraise(function() local t = {} "
                          "while true do t[#t + 1] = string.rep('x', 100000) .. #t end end)"),
                   DC_EXIT_LIMIT);
  assert_string_equal(lua_tostring(L, -1),
                      "memory limit of 16 MiB reached (raise it with --max-mem SIZE)");
  lua_pop(L, 1);
  dc_host_free(h);
}

static void load_skips_bom_refuses_bytecode_by_name(void **state) {
  (void)state;
  dc_host_opts o = {0};
  dc_host *h = dc_host_new(&o);
  lua_State *L = dc_host_state(h);
  assert_int_equal(run(h, "\xEF\xBB\xBF" "bom = 7"), DC_EXIT_OK);
  lua_getglobal(L, "bom");
  assert_int_equal(lua_tointeger(L, -1), 7);
  lua_pop(L, 1);
  assert_int_equal(dc_host_load(h, "\xEF\xBB\xBF\033Lua", 7, "@plan.luac"), DC_EXIT_SYNTAX);
  assert_string_equal(lua_tostring(L, -1), "plan.luac: a precompiled Lua chunk (bytecode) "
                                           "cannot be loaded: decarb runs Lua source text only");
  lua_pop(L, 1);
  dc_host_free(h);
}

static int press_ctrl_c(lua_State *L) {
  (void)L;
  raise(SIGINT);
  return 0;
}

/* Ctrl-C is a kind of stop of its own, told by the code, not the text */
static void interrupt_is_its_own_code(void **state) {
  (void)state;
  dc_host_opts o = {0};
  dc_host *h = dc_host_new(&o);
  lua_State *L = dc_host_state(h);
  dc_host_catch_sigint(h);
  lua_pushcfunction(L, press_ctrl_c);
  lua_setglobal(L, "press_ctrl_c");
  assert_int_equal(run(h, "press_ctrl_c() while true do end"), DC_EXIT_INTERRUPT);
  assert_null(dc_host_traceback(h));
  lua_pop(L, 1);
  assert_int_equal(run(h, "x = 1"), DC_EXIT_OK); /* the next run is not interrupted */
  signal(SIGINT, SIG_DFL);
  dc_host_free(h);
}

static void errors_have_script_traceback(void **state) {
  (void)state;
  dc_host_opts o = {0};
  dc_host *h = dc_host_new(&o);
  lua_State *L = dc_host_state(h);
  assert_int_equal(run(h, "local function f() error('boom') end\nf()"), DC_EXIT_RUNTIME);
  /* the message and the traceback, apart */
  assert_string_equal(lua_tostring(L, -1), "test:1: boom");
  assert_string_equal(dc_host_traceback(h),
                      "stack traceback:\n\ttest:1: in local 'f'\n\ttest:2: in main chunk");
  assert_null(dc_host_error_chunk(h)); /* two frames */
  lua_pop(L, 1);
  assert_int_equal(run(h, "error('at the top')"), DC_EXIT_RUNTIME);
  assert_string_equal(lua_tostring(L, -1), "test:1: at the top");
  assert_string_equal(dc_host_traceback(h), "stack traceback:\n\ttest:1: in main chunk");
  assert_string_equal(dc_host_error_chunk(h), "test");
  lua_pop(L, 1);
  assert_int_equal(run(h, "error({})"), DC_EXIT_RUNTIME);
  assert_string_equal(lua_tostring(L, -1), "(error object is a table value)");
  lua_pop(L, 1);
  assert_int_equal(run(h, "error(42, 0)"), DC_EXIT_RUNTIME);
  assert_string_equal(lua_tostring(L, -1), "42");
  lua_pop(L, 1);
  assert_int_equal(run(h, "x = 1"), DC_EXIT_OK);
  assert_null(dc_host_traceback(h)); /* a run that went well has none */
  assert_int_equal(run(h, "error(setmetatable({}, {__tostring = function() return 'custom' end}))"),
                   DC_EXIT_RUNTIME);
  assert_non_null(strstr(lua_tostring(L, -1), "custom"));
  lua_pop(L, 1);
  assert_int_equal(run(h, "x = = 1"), DC_EXIT_SYNTAX);
  lua_pop(L, 1);
  /* bytecode is refused at load */
  assert_int_equal(dc_host_load(h, "\033Lua", 4, "=bin"), DC_EXIT_SYNTAX);
  lua_pop(L, 1);
  dc_host_free(h);
}

/* Globals the sandbox may expose: Lua's allowed base functions and
 * libraries, decarb's replacements, and the stdlib's modules. */
static const char *const allowed_globals[] = {
  "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall",
  "print", "rawequal", "rawget", "rawlen", "rawset", "select", "setmetatable",
  "tonumber", "tostring", "type", "xpcall", "_VERSION", "_G", "string",
  "table", "math", "utf8", "coroutine", "os", "load", "collectgarbage",
  "require", "q", "units", "series", "factors", "plan", "uncertain", "param", NULL};

static int allowed(const char *name) {
  for (int i = 0; allowed_globals[i]; i++)
    if (strcmp(allowed_globals[i], name) == 0) return 1;
  return 0;
}

static void sandbox_is_an_allow_list(void **state) {
  (void)state;
  dc_host_opts o = {0};
  dc_host *h = dc_host_new(&o);
  lua_State *L = dc_host_state(h);
  lua_pushglobaltable(L);
  int n = 0;
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    lua_pop(L, 1);
    assert_int_equal(lua_type(L, -1), LUA_TSTRING);
    const char *k = lua_tostring(L, -1);
    if (!allowed(k)) fail_msg("global '%s' is not on the allow-list", k);
    n++;
  }
  assert_true(n >= 28);
  static const char *const gone[] = {"io", "debug", "package", "dofile", "loadfile",
                                     "warn", NULL};
  for (int i = 0; gone[i]; i++) {
    lua_pushstring(L, gone[i]);
    assert_int_equal(lua_rawget(L, -2), LUA_TNIL);
    lua_pop(L, 1);
  }
  /* os holds exactly four functions */
  lua_getfield(L, -1, "os");
  n = 0;
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    const char *k = lua_tostring(L, -2);
    assert_true(strcmp(k, "clock") == 0 || strcmp(k, "time") == 0 ||
                strcmp(k, "date") == 0 || strcmp(k, "difftime") == 0);
    lua_pop(L, 1);
    n++;
  }
  assert_int_equal(n, 4);
  lua_pop(L, 1);
  lua_getfield(L, -1, "string");
  lua_pushliteral(L, "dump");
  assert_int_equal(lua_rawget(L, -2), LUA_TNIL);
  lua_pop(L, 3);
  dc_host_free(h);

  /* --unsafe is full Lua */
  o.unsafe = 1;
  h = dc_host_new(&o);
  L = dc_host_state(h);
  assert_int_equal(lua_getglobal(L, "io"), LUA_TTABLE);
  lua_pop(L, 1);
  dc_host_free(h);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(cap_counts_and_refuses_growth_only),
    cmocka_unit_test(cap_with_used_over_cap_refuses),
    cmocka_unit_test(small_blocks_keep_their_bytes),
    cmocka_unit_test(parse_sizes),
    cmocka_unit_test(time_limit_stops_loops),
    cmocka_unit_test(memory_limit_stops_bombs),
    cmocka_unit_test(errors_have_script_traceback),
    cmocka_unit_test(interrupt_is_its_own_code),
    cmocka_unit_test(memory_error_reraised_is_the_limit),
    cmocka_unit_test(load_skips_bom_refuses_bytecode_by_name),
    cmocka_unit_test(sandbox_is_an_allow_list),
  };
  return cmocka_run_group_tests_name("host", tests, NULL, NULL);
}
