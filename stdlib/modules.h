/* modules.h — openers of the stdlib's Lua bindings (listed in modules.c). */
#ifndef DC_MODULES_H
#define DC_MODULES_H
#include <lua.h>
int luaopen_decarb_units(lua_State *L);
int luaopen_decarb_q(lua_State *L); /* the function q (units_lua.c) */
int luaopen_decarb_series(lua_State *L);
int luaopen_decarb_factors(lua_State *L);
int luaopen_decarb_plan(lua_State *L);
int luaopen_decarb_param(lua_State *L);
/* decarb.so's entry for stock Lua: all of the above in one table
   (stdlib/decarb_module.c) */
int luaopen_decarb(lua_State *L);
#endif
