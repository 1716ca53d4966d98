/* plan_lua_int.h — what plan_lua.c (building plans) and plan_lua_read.c
 * (reading their results) share. Not an interface: the rest of decarb uses
 * plan_lua.h. */
#ifndef DC_PLAN_LUA_INT_H
#define DC_PLAN_LUA_INT_H

#include <lauxlib.h>
#include <lua.h>

#include "plan.h"

/* The open plan at idx; a Lua error when it is not a plan or is closed. */
dc_plan *dc_plan_lua__check(lua_State *L, int idx);
/* The scenario named by the argument at idx (default "plan") of the plan at
 * ud, evaluated; a Lua error when the plan has no such scenario. */
int dc_plan_lua__scenario(lua_State *L, int ud, int idx);
/* The slot of FIELD ("abates", "adds.PV", "emissions" ...) of the measure,
 * sector or technology NAME (measures of scenario s first; -1: the plan's
 * own); a Lua error starting with `what` when there is none. Returns 1. */
int dc_plan_lua__slot(lua_State *L, dc_plan *p, const char *name, const char *field, int s, dc_plan_slot *out,
                      const char *what);
/* __index (fields, then methods) and __tostring of a Plan. */
int dc_plan_lua__index(lua_State *L);
int dc_plan_lua__tostring(lua_State *L);
/* p:series, p:value, p:check, p:wedges, p:warnings, p:set */
extern const luaL_Reg dc_plan_lua__read_methods[];
int dc_plan_lua__explain(lua_State *L); /* p:explain (plan_lua_explain.c) */

/* The energy fields of the constructors (plan_lua_energy.c, docs/energy.md);
 * t is the constructor's table (a raw copy), the stack is left as it was.
 * plan{}: primary, gwp, grid, heat_factor, imports, imports_nonfossil,
 * factors (nothing is called when none is given). */
void dc_plan_lua__energy_plan(lua_State *L, dc_plan *p, int t);
/* p:sector{}: an energy sector (energy =, activity = with intensity =,
 * power =, grid =, gas =): its index; -1 when the table has none of these
 * fields (today's sector: the caller goes on). */
int dc_plan_lua__energy_sector(lua_State *L, dc_plan *p, int t, const char *name, const char *source);
/* p:measure{}: saves = with fuel =, or switch = {}: fills the energy fields
 * of m (whose name, sector, years and scenario are set) and adds it; its
 * index, or -1 when it is not a measure on energy. ud: the plan's index. */
int dc_plan_lua__energy_measure(lua_State *L, int ud, int t, dc_plan_measure_spec *m);
/* p:capacity{}: its fossil = (read before the technology is added, so that
 * a bad value adds nothing): 1, 0, or -1 when not given. */
int dc_plan_lua__energy_fossil(lua_State *L, int t, const char *name);

#endif
