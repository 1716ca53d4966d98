/* plan_lua.h — what `decarb check` (vm/cmd_check.c) uses of the Plan Lua
 * type. Implemented in plan_lua.c; the metatable is "decarb.Plan". */
#ifndef DC_PLAN_LUA_H
#define DC_PLAN_LUA_H

#include <lua.h>

#include <stdint.h>

#include "montecarlo.h"
#include "plan.h"
#include "plan_seek.h"

#define DC_PLAN_TYPE "decarb.Plan"
/* Registry key of the list (a Lua sequence) of every plan created. */
#define DC_REG_PLANS "decarb.plans"
/* Registry key: when true, the binding does not print over-abatement
 * warnings as it evaluates (decarb check sets it: its reports carry the
 * warnings, as data, and print them once). */
#define DC_REG_QUIET_WARNINGS "decarb.plan.quiet_warnings"

int luaopen_decarb_plan(lua_State *L);

/* The plan at idx, or NULL if the value is not a Plan. */
dc_plan *dc_lua_toplan(lua_State *L, int idx);

/* Evaluates scenario s of the plan at idx (function measures and metrics
 * call back into Lua); raises a Lua error naming the plan on failure.
 * Prints each new over-abatement warning to stderr once. */
void dc_lua_plan_evaluate(lua_State *L, int idx, int s);

/* Runs samples first .. end-1 (seed) of the plan at idx in scenario s,
 * function measures calling back into Lua, and gives the plan its central
 * values back (unevaluated). The caller owns the result (dc_mc_free); a
 * Lua error (the plan restored) on failure. */
dc_mc *dc_lua_plan_montecarlo(lua_State *L, int idx, int s, uint64_t seed, uint64_t first, uint64_t end);

/* Goal seek on the plan at idx (function measures call back into Lua):
 * fills *out and returns its status; the plan keeps its values (left
 * unevaluated). A Lua error when an evaluation fails. */
dc_seek_status dc_lua_plan_seek(lua_State *L, int idx, const dc_plan_seek_spec *sp, dc_plan_seek_out *out);

#endif
