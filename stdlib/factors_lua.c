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

/* Refuses unknown fields (a typo is an error, not silently ignored); the
 * name is [1]. */
static void check_fields(lua_State *L, const char *who, const char *allowed) {
  const char *listing = *allowed ? lua_pushfstring(L, "fields: the name first, then %s", allowed)
                                 : "it takes only the name"; /* stack: [listing] */
  dc_lua_check_fields(L, 1, who, allowed, 1, listing);
  if (*allowed) lua_pop(L, 1);
}

static const char *get_name(lua_State *L, const char *who, const char *example) {
  return dc_lua_name_field(L, 1, who, example); /* stays on the stack */
}

static const char *opt_string(lua_State *L, const char *field) {
  return dc_lua_opt_string_field(L, 1, field); /* stays on the stack */
}

static int opt_year(lua_State *L) {
  return dc_lua_opt_year_field(L, 1, "year", 0, 1, 9999); /* stays on the stack */
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

/* ======================================================================
 * a script's own datasets: factors.load
 * ====================================================================== */

#define SET_TYPE "decarb.FactorSet"

static dc_factor_set **toset(lua_State *L, int idx) {
  return (dc_factor_set **)luaL_testudata(L, idx, SET_TYPE);
}

/* dataset = (the value factors.load returned) in the argument table, or NULL */
static const dc_factor_set *opt_dataset(lua_State *L) {
  lua_getfield(L, 1, "dataset");
  if (lua_isnil(L, -1)) return NULL;
  dc_factor_set **b = toset(L, -1);
  if (!b || !*b)
    dc_lua_error(L, "dataset must be what factors.load returned, as in dataset = "
                    "factors.load(\"my_factors.csv\"), got %s",
                 luaL_typename(L, -1));
  return *b; /* the table holds it: alive for this call */
}

/* the built-in data or set (when non-NULL) */
static int find_any(const dc_factor_set *set, const char *dataset, const char *name,
                    const char *variant, int year, bool earlier, const dc_factor **f, dc_err *err) {
  if (set) return dc_factors_set_find(set, name, variant, year, earlier, f, err);
  return dc_factors_find(dataset, name, variant, year, earlier, f, err);
}

/* A record from a script's dataset must be of the kind asked for: want is a
 * unit of that kind ("kgCO2/kWh" for grid). */
static void check_kind(lua_State *L, const dc_factor_set *set, const dc_factor *f, const char *who,
                       const char *want) {
  dc_unit u;
  dc_units_error e;
  if (!set || !want || dc_units_parse(want, &u, &e) != 0) return;
  if (!dc_dims_eq(u.dims, f->dims))
    dc_lua_error(L, "%s: '%s' has unit '%s', not one like %s (what %s gives)",
                 dc_factors_set_name(set), f->name, f->unit[0] ? f->unit : "(none)", want, who);
}

static int set_gc(lua_State *L) {
  dc_factor_set **b = (dc_factor_set **)lua_touserdata(L, 1);
  dc_factors_set_free(*b);
  *b = NULL;
  return 0;
}

static int set_tostring(lua_State *L) {
  dc_factor_set **b = toset(L, 1);
  lua_pushfstring(L, "dataset %s (%d values)", b && *b ? dc_factors_set_name(*b) : "?",
                  b && *b ? (int)dc_factors_set_count(*b) : 0);
  return 1;
}

static void push_info(lua_State *L, const dc_factor *f);

/* d.name, d.count, d.values (an info table per row, in file order) */
static int set_index(lua_State *L) {
  dc_factor_set *s = *toset(L, 1);
  const char *k = luaL_checkstring(L, 2);
  if (strcmp(k, "name") == 0) {
    lua_pushstring(L, dc_factors_set_name(s));
  } else if (strcmp(k, "count") == 0) {
    lua_pushinteger(L, (lua_Integer)dc_factors_set_count(s));
  } else if (strcmp(k, "values") == 0) {
    size_t n = dc_factors_set_count(s);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
      push_info(L, dc_factors_set_at(s, i));
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
  } else {
    return dc_lua_error(L, "a dataset has name, count and values, not '%s'", k);
  }
  return 1;
}

/* factors.load("uk_grid.csv") -> a dataset for dataset = ... */
static int f_load(lua_State *L) {
  if (lua_type(L, 1) != LUA_TSTRING)
    return dc_lua_error(L, "factors.load needs a file name, as in factors.load(\"my_factors.csv\")");
  const char *path = lua_tostring(L, 1);
  char full[4096];
  dc_err err;
  dc_lua_resolve_path(L, path, full, sizeof full); /* below the script's folder */
  dc_factor_set **b = (dc_factor_set **)lua_newuserdatauv(L, sizeof *b, 0);
  *b = NULL;
  if (luaL_newmetatable(L, SET_TYPE)) { /* stack: box, mt */
    lua_pushcfunction(L, set_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, set_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushcfunction(L, set_index);
    lua_setfield(L, -2, "__index");
    dc_lua_lock_metatable(L, -1, SET_TYPE);
  }
  lua_setmetatable(L, -2);
  if (dc_factors_set_read(full, path, b, &err) != 0) return dc_lua_error(L, "%s", err.msg);
  return 1;
}

/* find + the Lua error with a hint for the option that would help */
static const dc_factor *find(lua_State *L, const dc_factor_set *set, const char *dataset,
                             const char *name, const char *variant, const char *variant_field,
                             int year, bool earlier) {
  const dc_factor *f;
  dc_err err;
  int rc = find_any(set, dataset, name, variant, year, earlier, &f, &err);
  if (rc == 0) return f;
  if (rc == -2 && variant_field)
    dc_lua_error(L, "%s (%s = ...)", err.msg, variant_field);
  if (rc == -3 && year && !earlier)
    dc_lua_error(L, "%s (fallback = \"earlier\" takes the nearest earlier year)", err.msg);
  if (rc == -3 && !year) dc_lua_error(L, "%s (year = ...)", err.msg);
  dc_lua_error(L, "%s", err.msg);
  return NULL;
}

/* ======================================================================
 * look-ups
 * ====================================================================== */

/* factors.grid{ "CN-Gansu", year = 2022, fallback = "earlier" } -> q, info */
static int f_grid(lua_State *L) {
  const char *ex = "factors.grid{ \"CN-Gansu\", year = 2022 }";
  args_table(L, "factors.grid", ex);
  check_fields(L, "factors.grid", "year, fallback, dataset");
  const char *name = get_name(L, "factors.grid", ex);
  const dc_factor_set *set = opt_dataset(L);
  const dc_factor *f = find(L, set, "grid", name, NULL, NULL, opt_year(L), opt_fallback(L));
  check_kind(L, set, f, "factors.grid", "kgCO2/kWh");
  push_factor_qty(L, f);
  push_info(L, f);
  return 2;
}

/* factors.sce{ "raw coal" }, factors.sce{ "electricity", method = "coal", year = 2023 } */
static int f_sce(lua_State *L) {
  const char *ex = "factors.sce{ \"raw coal\" }";
  args_table(L, "factors.sce", ex);
  check_fields(L, "factors.sce", "method, variant, year, fallback, dataset");
  const char *name = get_name(L, "factors.sce", ex);
  const char *method = opt_string(L, "method");
  const char *variant = opt_string(L, "variant");
  const dc_factor_set *set = opt_dataset(L);
  const char *canon = set ? NULL : dc_factors_canonical("sce", name);
  int year = opt_year(L);
  if (method && variant) dc_lua_error(L, "factors.sce takes method = or variant =, not both");
  if (canon && strcmp(canon, "electricity") == 0) {
    /* no silent default: the two methods differ by a factor of about 2.5 */
    if (!method)
      dc_lua_error(L, "factors.sce{ \"electricity\" } needs a method: method = \"calorific\" "
                      "(calorific equivalent, 3.6 MJ per kWh = 0.1229 kgce/kWh) or method = "
                      "\"coal\" (coal-consumption method: the thermal plants' coal per kWh, "
                      "which needs a year)");
    if (strcmp(method, "coal") == 0 && !year)
      dc_lua_error(L, "factors.sce{ \"electricity\", method = \"coal\" } needs a year: the "
                      "coal-consumption coefficient changes every year (year = 2023)");
  }
  if (canon && strcmp(canon, "natural gas") == 0 && !variant && !method) variant = "default";
  const dc_factor *f = find(L, set, "sce", name, method ? method : variant,
                            method ? "method" : "variant", year, opt_fallback(L));
  push_factor_qty(L, f);
  push_info(L, f);
  return 2;
}

/* factors.hours{ "wind", year = 2023, period = "Jan-Nov" } */
static int f_hours(lua_State *L) {
  const char *ex = "factors.hours{ \"wind\", year = 2023 }";
  args_table(L, "factors.hours", ex);
  check_fields(L, "factors.hours", "period, year, fallback, dataset");
  const char *name = get_name(L, "factors.hours", ex);
  const char *period = opt_string(L, "period");
  const dc_factor_set *set = opt_dataset(L);
  const char *canon = set ? NULL : dc_factors_canonical("hours", name);
  if (!period && canon && strcmp(canon, "year") != 0) period = "full year";
  const dc_factor *f = find(L, set, "hours", name, period, "period", opt_year(L), opt_fallback(L));
  check_kind(L, set, f, "factors.hours", "h");
  push_factor_qty(L, f);
  push_info(L, f);
  return 2;
}

/* factors.h2{ "lhv" }, factors.h2{ "electrolysis", variant = "high" } */
static int f_h2(lua_State *L) {
  const char *ex = "factors.h2{ \"lhv\" }";
  args_table(L, "factors.h2", ex);
  check_fields(L, "factors.h2", "variant, dataset");
  const char *name = get_name(L, "factors.h2", ex);
  const dc_factor_set *set = opt_dataset(L);
  const dc_factor *f = find(L, set, "h2", name, opt_string(L, "variant"), "variant", 0, false);
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
  dc_err err;
  if (dc_factors_fuel(name, &ncv, &co2, &per_kg, &err)) dc_lua_error(L, "%s", err.msg);
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
  const dc_factor *ch4 = find(L, NULL, "gwp", name, "CH4", NULL, 0, false);
  const dc_factor *n2o = find(L, NULL, "gwp", name, "N2O", NULL, 0, false);
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
    {"load", f_load},
    {NULL, NULL}};

static int factors_newindex(lua_State *L) {
  return dc_lua_error(L, "factors is read-only (cannot set factors.%s)",
                      lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?");
}

int luaopen_decarb_factors(lua_State *L) {
  dc_err err;
  if (dc_factors_load(&err) != 0) return luaL_error(L, "%s", err.msg);
  luaL_newlib(L, factors_funcs);             /* stack: factors */
  dc_lua_readonly(L, -1, factors_newindex); /* a typo (factors.gird = ...) is an error */
  return 1;
}
