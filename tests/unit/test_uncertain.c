/* test_uncertain.c — cmocka tests of stdlib/uncertain_lua.c: uncertain{...}
 * run as Lua chunks in a bare state with the units module open (the host
 * does not open the module yet). Cases are data: a chunk and the string it
 * returns, or "!" and the error it raises, with the chunk's line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dc_lua.h"
#include "modules.h"
#include "random.h"
#include "uncertain_lua.h"

static lua_State *new_state(void) {
  lua_State *L = luaL_newstate();
  assert_non_null(L);
  luaL_openlibs(L);
  lua_pushcfunction(L, luaopen_decarb_units);
  lua_call(L, 0, 1);
  lua_setglobal(L, "units");
  lua_pushcfunction(L, luaopen_decarb_q); /* openers set no global: q is one */
  lua_call(L, 0, 1);
  lua_setglobal(L, "q");
  luaopen_decarb_uncertain(L);
  lua_setglobal(L, "uncertain");
  return L;
}

/* runs code as chunk "u.lua"; the returned value (tostring'ed) or "!" and
 * the error message, into out */
static void run(lua_State *L, const char *code, char *out, size_t size) {
  int rc = luaL_loadbufferx(L, code, strlen(code), "=u.lua", "t");
  if (rc == LUA_OK) rc = lua_pcall(L, 0, 1, 0);
  if (rc == LUA_OK) snprintf(out, size, "%s", luaL_tolstring(L, -1, NULL));
  else snprintf(out, size, "!%s", lua_tostring(L, -1));
  lua_settop(L, 0);
}

typedef struct tcase {
  const char *code, *want;
} tcase;

static void run_cases(const tcase *cases, size_t n) {
  lua_State *L = new_state();
  char got[600];
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    run(L, cases[i].code, got, sizeof got);
    if (strcmp(got, cases[i].want) != 0) {
      printf("case %zu: %s\n  got:  %s\n  want: %s\n", i, cases[i].code, got, cases[i].want);
      bad++;
    }
  }
  lua_close(L);
  if (bad) fail_msg("%d of %zu cases failed", bad, n);
}

static void makes_and_shows(void **st) {
  (void)st;
  static const tcase cases[] = {
    {"return uncertain{'100 tCO2e/yr', low = '80 tCO2e/yr', high = '130 tCO2e/yr'}",
     "uncertain(100 tCO2e/yr [80, 130] triangular)"},
    {"return uncertain{'100 tCO2e/yr', low = '80 tCO2e/yr', high = '0.13 ktCO2e/yr'}",
     "uncertain(100 tCO2e/yr [80, 130] triangular)"},
    {"return uncertain{q'5 MW', low = q'4000 kW', high = '6 MW', dist = 'uniform'}",
     "uncertain(5 MW [4, 6] uniform)"},
    {"return uncertain{0.5, low = 0.25, high = 0.75, dist = 'normal', group = 'pv'}",
     "uncertain(0.5 [0.25, 0.75] normal, group \"pv\")"},
    {"return uncertain{'20 %', low = '10 %', high = '40 %', dist = 'lognormal'}",
     "uncertain(20 % [10, 40] lognormal)"},
    {"return uncertain{'1200 h', sd = '100 h'}", "uncertain(1200 h sd=100 normal)"},
    {"return uncertain{'20 degC', low = '15 degC', high = '25 degC'}", "uncertain(20 degC [15, 25] triangular)"},
    {"return uncertain{'20 degC', sd = '2 K'}", "uncertain(20 degC sd=2 normal)"},
    {"return uncertain{q'5 MW' * 2, low = '9 MW', high = '11 MW'}",
     "uncertain(10 MW [9, 11] triangular)"},
    /* a CENTRAL with no unit of its own: each bound shows its unit */
    {"return uncertain{q'10 MWh' / q'2 h', low = '4000 kW', high = '6 MW'}",
     "uncertain(5 MW [4 MW, 6 MW] triangular)"},
    {"return uncertain{'100 MW', low = '100 MW', high = '100 MW'}", "uncertain(100 MW [100, 100] triangular)"},
    /* accessors */
    {"local u = uncertain{'100 tCO2e/yr', low = '80 tCO2e/yr', high = '130 tCO2e/yr', source = 'IEA'}\n"
     "return table.concat({tostring(u:central()), tostring(u:low()), tostring(u:high()), u:dist(),\n"
     "  u:source(), tostring(u:group())}, '|')",
     "100 tCO2e/yr|80 tCO2e/yr|130 tCO2e/yr|triangular|IEA|nil"},
    {"return uncertain{'10 MW', sd = '1 MW'}:low()", "8.35515 MW"},
    /* quantiles are Quantities in CENTRAL's unit */
    {"return uncertain{'100 MW', low = '0 MW', high = '200 MW', dist = 'uniform'}:quantile(0.25)", "50 MW"},
    {"return uncertain{'100 MW', low = '80 MW', high = '130 MW'}:quantile(0.4)", "100 MW"},
    {"return uncertain{'100 MW', low = '80 MW', high = '120 MW', dist = 'normal'}:quantile(0.95)", "120 MW"},
    {"return uncertain{'100 MW', low = '50 MW', high = '200 MW', dist = 'lognormal'}:quantile(0.05)", "50 MW"},
    {"return uncertain{'100 MW', low = '80 MW', high = '130 MW'}:quantile(0.4):value'kW'", "100000.0"},
    {"local u = uncertain{'100 MW', low = '80 MW', high = '130 MW'}\n"
     "return getmetatable(u)", "decarb.Uncertain"},
  };
  run_cases(cases, sizeof cases / sizeof *cases);
}

static void refuses_with_line(void **st) {
  (void)st;
  static const tcase cases[] = {
    {"local x = 1\nreturn uncertain{'100 tCO2e/yr', low = '130 tCO2e/yr', high = '150 tCO2e/yr'}",
     "!u.lua:2: uncertain{...}: low = 130 tCO2e/yr is above CENTRAL 100 tCO2e/yr: give low <= "
     "CENTRAL <= high"},
    {"return uncertain{'100 MW', low = '80 MW', high = '90 MW'}",
     "!u.lua:1: uncertain{...}: high = 90 MW is below CENTRAL 100 MW: give low <= CENTRAL <= high"},
    {"return uncertain{'100 MW', sd = '-5 MW'}",
     "!u.lua:1: uncertain{...}: sd must be a finite value >= 0 (got sd = -5 MW)"},
    {"return uncertain{'100 MW', low = '80 MW', high = '120 MW', dist = 'gauss'}",
     "!u.lua:1: uncertain{...}: unknown dist 'gauss': use \"triangular\" (the default), "
     "\"uniform\", \"normal\" or \"lognormal\""},
    {"return uncertain{'100 MW', low = '80 MW', high = '120 MW', dist = 3}",
     "!u.lua:1: uncertain{...}: unknown dist number: use \"triangular\" (the default), "
     "\"uniform\", \"normal\" or \"lognormal\""},
    {"return uncertain{'100 tCO2e/yr', low = 80, high = 130}",
     "!u.lua:1: uncertain{...}: low = 80 is dimensionless but CENTRAL 100 tCO2e/yr is emissions "
     "rate (CO2): write low = \"80 tCO2e/yr\""},
    {"return uncertain{'100 MW', low = '80 MWh', high = '130 MW'}",
     "!u.lua:1: uncertain{...}: low = 80 MWh is energy but CENTRAL 100 MW is power: give low in a "
     "unit of power"},
    {"return uncertain{'100 MW', low = '80 MW', hihg = '130 MW'}",
     "!u.lua:1: unknown field 'hihg' in uncertain{...} (fields: low, high, dist, sd, source, group)"},
    {"return uncertain{'100 MW', '80 MW', '130 MW'}",
     "!u.lua:1: uncertain{...} takes one CENTRAL value, then named fields (low, high, dist, sd, "
     "source, group); got a value at [2]"},
    {"return uncertain{'100 MW', low = '80 MW'}",
     "!u.lua:1: uncertain{...} needs low = and high = (or sd = for a normal), as in "
     "uncertain{\"100 tCO2e/yr\", low = \"80 tCO2e/yr\", high = \"130 tCO2e/yr\"}"},
    {"return uncertain{low = '80 MW', high = '130 MW'}",
     "!u.lua:1: uncertain{...} needs CENTRAL as its first value, as in uncertain{\"100 tCO2e/yr\", "
     "low = \"80 tCO2e/yr\", high = \"130 tCO2e/yr\"}"},
    {"return uncertain('100 MW')",
     "!u.lua:1: uncertain needs a table, as in uncertain{\"100 tCO2e/yr\", low = \"80 tCO2e/yr\", "
     "high = \"130 tCO2e/yr\"}"},
    {"return uncertain{{}, low = 1, high = 2}",
     "!u.lua:1: uncertain{...}: CENTRAL must be a quantity (a number, a string such as \"100 MW\" "
     "or a decarb.Quantity), got table"},
    {"return uncertain{'100 MW', low = true, high = '130 MW'}",
     "!u.lua:1: uncertain{...}: low = must be a quantity (a number, a string such as \"80 MW\" or "
     "a decarb.Quantity), got boolean"},
    {"return uncertain{'100 kwh', low = '80 kWh', high = '130 kWh'}",
     "!u.lua:1: unknown unit 'kwh' in \"100 kwh\" — did you mean 'kWh'?"},
    {"return uncertain{'100 MW', sd = '5 MW', low = '90 MW'}",
     "!u.lua:1: uncertain{...}: give either sd = or low = and high =, not both"},
    {"return uncertain{'100 MW', sd = '5 MW', dist = 'uniform'}",
     "!u.lua:1: uncertain{...}: sd = is for dist = \"normal\"; give a uniform as low = and high ="},
    {"return uncertain{'100 MW', low = '0 MW', high = '200 MW', dist = 'lognormal'}",
     "!u.lua:1: uncertain{...}: a lognormal needs low > 0 (got low = 0 MW): use dist = "
     "\"triangular\" or \"normal\" for a range that reaches 0 or below"},
    {"return uncertain{'100 MW', low = '80 MW', high = '130 MW', dist = 'normal'}",
     "!u.lua:1: uncertain{...}: a normal needs low and high about equally far from CENTRAL (got low "
     "= 80 MW, CENTRAL 100 MW, high = 130 MW; the distances may differ by 5 %): use dist = "
     "\"triangular\" or \"lognormal\" for a skewed range"},
    {"return uncertain{'100 MW', low = '80 MW', high = '130 MW', group = ''}",
     "!u.lua:1: uncertain{...}: group = must be a non-empty string, got \"\""},
    {"return uncertain{'100 MW', low = '80 MW', high = '130 MW', source = 7}",
     "!u.lua:1: uncertain{...}: source = must be a non-empty string, got number"},
    {"return uncertain{'100 MW', low = '80 MW', high = '120 MW', dist = 'normal'}:quantile(0)",
     "!u.lua:1: quantile of a normal needs 0 < u < 1 (got 0)"},
    {"return uncertain{'100 MW', low = '80 MW', high = '120 MW'}:quantile(1.5)",
     "!u.lua:1: quantile of a triangular needs 0 <= u <= 1 (got 1.5)"},
    {"return uncertain{'100 MW', low = '80 MW', high = '120 MW'}:sample(1, -1)",
     "!u.lua:1: sample index must be >= 0 (got -1)"},
    {"return uncertain{1/0, low = 0, high = 1}",
     "!u.lua:1: uncertain{...}: CENTRAL, low and high must be finite (got inf, low = 0, high = 1)"},
    {"return uncertain{1, sd = 0/0}",
     "!u.lua:1: uncertain{...}: sd must be a finite value >= 0 (got sd = nan)"},
    {"return uncertain{'20 degC', low = '15 degC', high = '25 degC'}:quantile(0/0)",
     "!u.lua:1: quantile of a triangular needs 0 <= u <= 1 (got nan)"},
    {"return uncertain{'100 MW', low = '80 MW', high = '120 MW'}:sample(1.5, 0)",
     "!u.lua:1: bad argument #1 to 'sample' (number has no integer representation)"},
    {"local u = uncertain{'100 MW', low = '80 MW', high = '120 MW'}\nreturn u.central(5)",
     "!u.lua:2: bad argument #1 to 'central' (decarb.Uncertain expected, got number)"},
    {"local u = uncertain{'100 MW', low = '80 MW', high = '120 MW'}\nreturn u + 1",
     "!u.lua:2: attempt to perform arithmetic on a decarb.Uncertain value (local 'u')"},
  };
  run_cases(cases, sizeof cases / sizeof *cases);
}

/* :sample(seed, i) is the quantile at dc_random_uniform(seed, i, stream):
 * stream 0 alone, the group's stream in a group; one group, one quantile */
static void samples_are_the_generators(void **st) {
  (void)st;
  lua_State *L = new_state();
  char got[200], want[200];
  run(L, "return uncertain{'100 MW', low = '0 MW', high = '200 MW', dist = 'uniform'}:sample(7, 3):value'MW'",
      got, sizeof got);
  snprintf(want, sizeof want, "%.14g", 200 * dc_random_uniform(7, 3, 0));
  double g = strtod(got, NULL), w = strtod(want, NULL);
  if (fabs(g - w) > 1e-9 * w) fail_msg("%s != %s", got, want);
  run(L,
      "local a = uncertain{'100 MW', low = '0 MW', high = '200 MW', dist = 'uniform', group = 'pv'}\n"
      "local b = uncertain{'5 h', low = '4 h', high = '6 h', dist = 'uniform', group = 'pv'}\n"
      "local c = uncertain{'5 h', low = '4 h', high = '6 h', dist = 'uniform'}\n"
      "local same, other = 0, 0\n"
      "for i = 0, 99 do\n"
      "  local ua = a:sample(11, i):value'MW' / 200\n"
      "  local ub = (b:sample(11, i):value'h' - 4) / 2\n"
      "  local uc = (c:sample(11, i):value'h' - 4) / 2\n"
      "  if math.abs(ua - ub) < 1e-12 then same = same + 1 end\n"
      "  if math.abs(ua - uc) < 1e-12 then other = other + 1 end\n"
      "end\n"
      "return same .. ' ' .. other",
      got, sizeof got);
  assert_string_equal(got, "100 0");
  /* and an explicit stream overrides */
  run(L,
      "local a = uncertain{'1 h', low = '0 h', high = '2 h', dist = 'uniform', group = 'x'}\n"
      "return a:sample(1, 0, 5) == a:sample(1, 0, 5) and a:sample(1, 0, 5):value'h' ~= a:sample(1, 0):value'h'",
      got, sizeof got);
  assert_string_equal(got, "true");
  lua_close(L);
}

/* what a plan reader gets: a copy with SI values and the group's stream */
static void reader_copy(void **st) {
  (void)st;
  lua_State *L = new_state();
  const char *code = "return uncertain{'100 MW', low = '80 MW', high = '120 MW', "
                     "dist = 'normal', group = 'wind'}, 5";
  assert_int_equal(luaL_loadbufferx(L, code, strlen(code), "=u.lua", "t"), LUA_OK);
  assert_int_equal(lua_pcall(L, 0, 2, 0), LUA_OK);
  dc_uncertain u;
  assert_int_equal(dc_lua_touncertain(L, -2, &u), 1);
  assert_int_equal(dc_lua_touncertain(L, -1, &u), 0);
  assert_int_equal(dc_lua_touncertain(L, -2, &u), 1);
  assert_true(u.dist.kind == DC_DIST_NORMAL && u.dist.central == 1e8 && u.dist.low == 8e7);
  assert_true(u.dims.e[DC_DIM_MASS] == 1 && u.dims.e[DC_DIM_TIME] == -3);
  assert_string_equal(u.disp.label, "MW");
  assert_int_equal(u.has_group, 1);
  assert_true(u.stream == dc_random_stream_of("wind", 4));
  lua_close(L);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(makes_and_shows),
    cmocka_unit_test(refuses_with_line),
    cmocka_unit_test(samples_are_the_generators),
    cmocka_unit_test(reader_copy),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
