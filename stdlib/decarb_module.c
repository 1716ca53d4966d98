/* decarb_module.c — luaopen_decarb, the entry point of decarb.so for stock
 * Lua 5.4 (`local decarb = require "decarb"`). It opens the modules of
 * modules.c into one table and sets no globals unless decarb.globals() is
 * called. Not the host: no sandbox, no limits, no print redirection here —
 * the embedding Lua is in charge of those. */
#include <lauxlib.h>
#include <lua.h>

#include "dc_lua.h"
#include "factors.h"
#include "modules.h"
#include "plan_lua.h"

/* the module table, kept so that a second luaopen_decarb in the same state
   (package.loaded.decarb = nil; require "decarb") answers with the same
   types instead of opening them again */
#define REG_MODULE "decarb.module"
/* set by the decarb host (vm/host.c) in every state it makes */
#define REG_HOST "decarb.loaded"

/* decarb.globals([env]): every module of modules.c (q, units, series,
 * factors, plan, uncertain, param) as a field of env (default: the global
 * table), as the decarb host has them. Returns env. */
static int decarb_globals(lua_State *L) {
  if (lua_isnoneornil(L, 1)) {
    lua_settop(L, 0);
    lua_pushglobaltable(L);
  } else {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
  }
  lua_getfield(L, LUA_REGISTRYINDEX, REG_MODULE); /* stack: env, module */
  for (int i = 0; dc_modules[i].name; i++) {
    lua_getfield(L, 2, dc_modules[i].name);
    lua_setfield(L, 1, dc_modules[i].name);
  }
  lua_settop(L, 1);
  return 1;
}

/* stack: module -> module. Opens every module of modules.c into it (the
 * openers set no global). */
static void open_modules(lua_State *L) {
  int module = lua_gettop(L);
  for (int i = 0; dc_modules[i].name; i++) {
    lua_pushcfunction(L, dc_modules[i].open);
    lua_pushstring(L, dc_modules[i].name);
    lua_call(L, 1, 1); /* stack: module, opened */
    lua_setfield(L, module, dc_modules[i].name);
  }
}

#if defined(__GNUC__)
/* Lua unloads decarb.so when the last state that required it closes; the
   reference data (loaded once per process, on first use) goes with it, or
   every load and unload would leave a copy behind. */
__attribute__((destructor)) static void module_unload(void) {
  dc_factors_unload();
}
#endif

#if defined(__GNUC__)
__attribute__((visibility("default")))
#endif
int luaopen_decarb(lua_State *L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, REG_MODULE) == LUA_TTABLE) return 1;
  lua_pop(L, 1);
  if (lua_getfield(L, LUA_REGISTRYINDEX, REG_HOST) != LUA_TNIL)
    return dc_lua_error(L, "decarb.so cannot be loaded into the decarb host: q, units, series, "
                           "factors and plan are already its globals (require \"units\" and the "
                           "like give them)");
  lua_pop(L, 1);
  /* No sandbox around stock Lua: data files are opened as io.open would,
     any path, relative ones from the current directory. */
  lua_pushboolean(L, 1);
  lua_setfield(L, LUA_REGISTRYINDEX, DC_REG_UNSAFE);
  lua_pushliteral(L, ".");
  lua_setfield(L, LUA_REGISTRYINDEX, DC_REG_SCRIPTDIR);
  /* The plan binding lists every plan for `decarb check`; a long-running
     program must not keep them all alive, so the list holds them weakly. */
  lua_newtable(L);
  lua_createtable(L, 0, 1);
  lua_pushliteral(L, "v");
  lua_setfield(L, -2, "__mode");
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, DC_REG_PLANS);

  lua_newtable(L); /* stack: module */
  open_modules(L);
  lua_pushcfunction(L, decarb_globals);
  lua_setfield(L, -2, "globals");
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_REGISTRYINDEX, REG_MODULE);
  return 1;
}
