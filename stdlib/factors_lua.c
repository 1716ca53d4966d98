/* factors_lua.c — the Lua face of the reference data (global `factors`):
 * grid, fuel, sce, gwp, hours, h2 look-ups returning quantities plus an
 * info table naming source and year; list and regions. Calls factors.c. */
#include <lauxlib.h>
#include <string.h>

#include "dc_lua.h"
#include "factors.h"
#include "modules.h"
#include "units_lua.h"

/* ======================================================================
 * helpers
 * ====================================================================== */

/* The argument as a table: factors.grid"CN" is factors.grid{ "CN" }. */
static void args_table(lua_State *L, const char *who, const char *example) {
  if (lua_type(L, 1) == LUA_TSTRING) {
    lua_createtable(L, 1, 0);
    lua_pushvalue(L, 1);
    lua_rawseti(L, -2, 1);
    lua_replace(L, 1);
  }
  if (!lua_istable(L, 1)) dc_lua_error(L, "%s needs a table, as in %s", who, example);
  lua_settop(L, 1);
}

/* Refuses unknown fields (a typo is an error, not silently ignored). */
static void check_fields(lua_State *L, const char *who, const char *allowed) {
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TNUMBER && lua_isinteger(L, -1) && lua_tointeger(L, -1) == 1)
      continue;
    const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    bool ok = false;
    if (k && *k) {
      size_t n = strlen(k);
      for (const char *p = allowed; (p = strstr(p, k)) != NULL; p += n)
        if ((p == allowed || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0')) ok = true;
    }
    if (!ok)
      dc_lua_error(L, "unknown field %s%s%s in %s{...} (%s%s)", k ? "'" : "",
                   k ? k : luaL_typename(L, -1), k ? "'" : "", who,
                   *allowed ? "fields: the name first, then " : "it takes only the name", allowed);
  }
}

static const char *get_name(lua_State *L, const char *who, const char *example) {
  lua_rawgeti(L, 1, 1);
  const char *name = lua_tostring(L, -1);
  if (!name || lua_type(L, -1) != LUA_TSTRING)
    dc_lua_error(L, "%s needs a name first, as in %s", who, example);
  return name; /* stays on the stack */
}

static const char *opt_string(lua_State *L, const char *field) {
  lua_getfield(L, 1, field);
  if (lua_isnil(L, -1)) return NULL;
  if (lua_type(L, -1) != LUA_TSTRING)
    dc_lua_error(L, "%s must be a string, got %s", field, luaL_typename(L, -1));
  return lua_tostring(L, -1);
}

static int opt_year(lua_State *L) {
  lua_getfield(L, 1, "year");
  if (lua_isnil(L, -1)) return 0;
  int isnum;
  lua_Integer y = lua_tointegerx(L, -1, &isnum);
  if (!isnum || y < 1 || y > 9999)
    dc_lua_error(L, "year must be a whole year, got %s",
                 lua_type(L, -1) == LUA_TNUMBER ? lua_tostring(L, -1) : luaL_typename(L, -1));
  return (int)y;
}

static bool opt_fallback(lua_State *L) {
  const char *f = opt_string(L, "fallback");
  if (!f || strcmp(f, "none") == 0) return false;
  if (strcmp(f, "earlier") == 0) return true;
  dc_lua_error(L, "fallback must be \"earlier\" (take the nearest earlier year) or \"none\", "
                  "got \"%s\"",
               f);
  return false;
}

/* A whole number as a Lua integer (prints 310, not 310.0). */
static void push_number(lua_State *L, double v) {
  if (v == (double)(lua_Integer)v && v > -1e15 && v < 1e15) lua_pushinteger(L, (lua_Integer)v);
  else lua_pushnumber(L, v);
}

static void push_factor_qty(lua_State *L, const dc_factor *f) {
  dc_unit u;
  dc_display d = {1, 0, "", 0};
  dc_units_error e;
  if (f->unit[0] && dc_units_parse_display(f->unit, &u, &d, &e) != 0) d.label[0] = '\0';
  if (f->unit[0]) dc_lua_pushqty(L, f->si, f->dims, &d);
  else push_number(L, f->value);
}

/* The info table: where a value comes from. */
static void push_info(lua_State *L, const dc_factor *f) {
  lua_createtable(L, 0, 9);
  lua_pushstring(L, f->dataset);
  lua_setfield(L, -2, "dataset");
  lua_pushstring(L, f->name);
  lua_setfield(L, -2, "name");
  if (f->variant[0]) {
    lua_pushstring(L, f->variant);
    lua_setfield(L, -2, "variant");
  }
  if (f->year) {
    lua_pushinteger(L, f->year);
    lua_setfield(L, -2, "year");
  }
  lua_pushstring(L, f->unit);
  lua_setfield(L, -2, "unit");
  lua_pushstring(L, f->source);
  lua_setfield(L, -2, "source");
  lua_pushboolean(L, f->verify);
  lua_setfield(L, -2, "verify");
  push_factor_qty(L, f);
  lua_setfield(L, -2, "value");
  if (strcmp(f->dataset, "grid") == 0) {
    const dc_region *g = dc_factors_region(f->name);
    lua_pushstring(L, f->name);
    lua_setfield(L, -2, "region");
    if (g && g->grid[0]) {
      lua_pushstring(L, g->grid);
      lua_setfield(L, -2, "grid");
    }
  }
}

/* find + the Lua error with a hint for the option that would help */
static const dc_factor *find(lua_State *L, const char *dataset, const char *name,
                             const char *variant, const char *variant_field, int year,
                             bool earlier) {
  const dc_factor *f;
  char err[1200];
  int rc = dc_factors_find(dataset, name, variant, year, earlier, &f, err, sizeof err);
  if (rc == 0) return f;
  if (rc == -2 && variant_field)
    dc_lua_error(L, "%s (%s = ...)", err, variant_field);
  if (rc == -3 && year && !earlier)
    dc_lua_error(L, "%s (fallback = \"earlier\" takes the nearest earlier year)", err);
  if (rc == -3 && !year) dc_lua_error(L, "%s (year = ...)", err);
  dc_lua_error(L, "%s", err);
  return NULL;
}

/* ======================================================================
 * look-ups
 * ====================================================================== */

/* factors.grid{ "CN-Gansu", year = 2022, fallback = "earlier" } -> q, info */
static int f_grid(lua_State *L) {
  const char *ex = "factors.grid{ \"CN-Gansu\", year = 2022 }";
  args_table(L, "factors.grid", ex);
  check_fields(L, "factors.grid", "year, fallback");
  const char *name = get_name(L, "factors.grid", ex);
  const dc_factor *f = find(L, "grid", name, NULL, NULL, opt_year(L), opt_fallback(L));
  push_factor_qty(L, f);
  push_info(L, f);
  return 2;
}

/* factors.sce{ "raw coal" }, factors.sce{ "electricity", method = "coal", year = 2023 } */
static int f_sce(lua_State *L) {
  const char *ex = "factors.sce{ \"raw coal\" }";
  args_table(L, "factors.sce", ex);
  check_fields(L, "factors.sce", "method, year, fallback");
  const char *name = get_name(L, "factors.sce", ex);
  const char *method = opt_string(L, "method");
  const char *canon = dc_factors_canonical("sce", name);
  if (!method && canon && strcmp(canon, "electricity") == 0) method = "calorific";
  const dc_factor *f = find(L, "sce", name, method, "method", opt_year(L), opt_fallback(L));
  push_factor_qty(L, f);
  push_info(L, f);
  return 2;
}

/* factors.hours{ "wind", year = 2023, period = "Jan-Nov" } */
static int f_hours(lua_State *L) {
  const char *ex = "factors.hours{ \"wind\", year = 2023 }";
  args_table(L, "factors.hours", ex);
  check_fields(L, "factors.hours", "period, year, fallback");
  const char *name = get_name(L, "factors.hours", ex);
  const char *period = opt_string(L, "period");
  const char *canon = dc_factors_canonical("hours", name);
  if (!period && canon && strcmp(canon, "year") != 0) period = "full year";
  const dc_factor *f = find(L, "hours", name, period, "period", opt_year(L), opt_fallback(L));
  push_factor_qty(L, f);
  push_info(L, f);
  return 2;
}

/* factors.h2{ "lhv" }, factors.h2{ "electrolysis", variant = "high" } */
static int f_h2(lua_State *L) {
  const char *ex = "factors.h2{ \"lhv\" }";
  args_table(L, "factors.h2", ex);
  check_fields(L, "factors.h2", "variant");
  const char *name = get_name(L, "factors.h2", ex);
  const dc_factor *f = find(L, "h2", name, opt_string(L, "variant"), "variant", 0, false);
  push_factor_qty(L, f);
  push_info(L, f);
  return 2;
}

/* factors.fuel{ "diesel" } -> { name, ncv, co2, co2_per_t, year, source } */
static int f_fuel(lua_State *L) {
  const char *ex = "factors.fuel{ \"diesel\" }";
  args_table(L, "factors.fuel", ex);
  check_fields(L, "factors.fuel", "");
  const char *name = get_name(L, "factors.fuel", ex);
  const dc_factor *ncv, *co2;
  double per_kg;
  char err[1200];
  if (dc_factors_fuel(name, &ncv, &co2, &per_kg, err, sizeof err)) dc_lua_error(L, "%s", err);
  lua_createtable(L, 0, 7);
  lua_pushstring(L, ncv->name);
  lua_setfield(L, -2, "name");
  push_factor_qty(L, ncv);
  lua_setfield(L, -2, "ncv");
  push_factor_qty(L, co2);
  lua_setfield(L, -2, "co2");
  dc_unit u;
  dc_display d = {1, 0, "", 0};
  dc_units_error e;
  if (dc_units_parse_display("tCO2/t", &u, &d, &e) != 0) d.label[0] = '\0';
  dc_lua_pushqty(L, per_kg, u.dims, &d);
  lua_setfield(L, -2, "co2_per_t");
  lua_pushinteger(L, ncv->year);
  lua_setfield(L, -2, "year");
  lua_pushfstring(L, "%s; %s; CO2 per tonne = NCV x EF, computed by decarb", ncv->source,
                  co2->source);
  lua_setfield(L, -2, "source");
  return 1;
}

/* factors.gwp{ "AR6" } -> { set, ch4, n2o, year, source } */
static int f_gwp(lua_State *L) {
  const char *ex = "factors.gwp{ \"AR6\" }";
  args_table(L, "factors.gwp", ex);
  check_fields(L, "factors.gwp", "");
  const char *name = get_name(L, "factors.gwp", ex);
  const dc_factor *ch4 = find(L, "gwp", name, "CH4", NULL, 0, false);
  const dc_factor *n2o = find(L, "gwp", name, "N2O", NULL, 0, false);
  lua_createtable(L, 0, 5);
  lua_pushstring(L, ch4->name);
  lua_setfield(L, -2, "set");
  push_number(L, ch4->value);
  lua_setfield(L, -2, "ch4");
  push_number(L, n2o->value);
  lua_setfield(L, -2, "n2o");
  lua_pushinteger(L, ch4->year);
  lua_setfield(L, -2, "year");
  lua_pushstring(L, ch4->source);
  lua_setfield(L, -2, "source");
  return 1;
}

/* factors.list("gansu") -> { info, info, ... } (every record when no query) */
static int f_list(lua_State *L) {
  const char *query = luaL_optstring(L, 1, "");
  lua_newtable(L);
  lua_Integer k = 0;
  for (size_t i = 0; i < dc_factors_count(); i++) {
    const dc_factor *f = dc_factors_at(i);
    if (!dc_factors_match(f, query)) continue;
    luaL_checkstack(L, 4, "factors.list");
    push_info(L, f);
    lua_rawseti(L, -2, ++k);
  }
  return 1;
}

/* factors.regions() -> { { id, kind, iso, name_zh, grid, description }, ... } */
static int f_regions(lua_State *L) {
  size_t n = dc_factors_region_count();
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    const dc_region *g = dc_factors_region_at(i);
    lua_createtable(L, 0, 6);
    const char *const fields[][2] = {{"id", g->id},     {"kind", g->kind}, {"iso", g->iso},
                                     {"name_zh", g->name_zh}, {"grid", g->grid},
                                     {"description", g->description}};
    for (size_t j = 0; j < 6; j++) {
      if (!fields[j][1][0]) continue;
      lua_pushstring(L, fields[j][1]);
      lua_setfield(L, -2, fields[j][0]);
    }
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

static const luaL_Reg factors_funcs[] = {
    {"grid", f_grid}, {"fuel", f_fuel}, {"sce", f_sce},     {"gwp", f_gwp},
    {"hours", f_hours}, {"h2", f_h2},   {"list", f_list},   {"regions", f_regions},
    {NULL, NULL}};

static int factors_newindex(lua_State *L) {
  return dc_lua_error(L, "factors is read-only (cannot set factors.%s)",
                      lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?");
}

int luaopen_decarb_factors(lua_State *L) {
  char err[300];
  if (dc_factors_load(err, sizeof err) != 0) return luaL_error(L, "%s", err);
  luaL_newlib(L, factors_funcs);
  lua_newtable(L); /* no new fields, so a typo (factors.gird = ...) is an error */
  lua_pushcfunction(L, factors_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  return 1;
}
