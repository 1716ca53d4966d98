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
/* __index (fields, then methods) and __tostring of a Plan. */
int dc_plan_lua__index(lua_State *L);
int dc_plan_lua__tostring(lua_State *L);
/* p:series, p:value, p:check, p:wedges, p:warnings, p:set */
extern const luaL_Reg dc_plan_lua__read_methods[];
int dc_plan_lua__explain(lua_State *L); /* p:explain (plan_lua_explain.c) */

#endif
