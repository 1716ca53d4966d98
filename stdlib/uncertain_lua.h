/* uncertain_lua.h — the Lua value uncertain{ CENTRAL, low =, high =, dist =,
 * sd =, source =, group = } (type "decarb.Uncertain"), for the plan's
 * readers and the Monte Carlo to come. Implemented in uncertain_lua.c over
 * dist.c and random.c; needs the units module open (it makes Quantities).
 * The host opens it as the global `uncertain` (stdlib/modules.c). */
#ifndef DC_UNCERTAIN_LUA_H
#define DC_UNCERTAIN_LUA_H

#include <lua.h>
#include <stdint.h>

#include "dist.h"
#include "units.h"

#define DC_UNCERTAIN_TYPE "decarb.Uncertain"

/* What a reader needs of an uncertain value, copied out (no pointer into
 * the userdata survives): the distribution in SI values, the dimension and
 * display unit of CENTRAL, and the group's stream (dc_random_stream_of of
 * its name) when it names one. */
typedef struct dc_uncertain {
  dc_dist dist;
  dc_dims dims;
  dc_display disp;
  int has_group;
  uint64_t stream;
} dc_uncertain;

/* 1 and *out filled when the value at idx is a decarb.Uncertain, else 0. */
int dc_lua_touncertain(lua_State *L, int idx, dc_uncertain *out);

/* The group name of the uncertain value at idx, or NULL; the string is
 * anchored in the value (valid while the value is). */
const char *dc_lua_uncertain_group(lua_State *L, int idx);

/* Registers the type and returns the constructor `uncertain` (one value on
 * the stack); the caller decides where it goes (a global, a module field). */
int luaopen_decarb_uncertain(lua_State *L);

#endif
