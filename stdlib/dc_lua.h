/* dc_lua.h — small helpers every Lua binding of the stdlib shares.
 * Errors at the script's line, sandboxed file paths, and the module list the
 * host opens. Not a core: cores (units.c, series.c, ...) never include it. */
#ifndef DC_LUA_H
#define DC_LUA_H

#include <lua.h>
#include <lauxlib.h>
#include <stddef.h>

/* Raises a Lua error prefixed with the file:line of the innermost *Lua*
 * frame (the script line that called into C, even through a metamethod),
 * e.g. "zhangye.lua:42: cannot add 5 MW (power) and 3 MWh (energy)". */
int dc_lua_error(lua_State *L, const char *fmt, ...);

/* Resolves `path` (as written in a script) for reading a data file. In the
 * sandbox it must be relative, without "..", and is taken relative to the
 * running script's folder; with --unsafe any path goes. Writes the path to
 * open into out; raises a Lua error (via dc_lua_error) when refused. */
void dc_lua_resolve_path(lua_State *L, const char *path, char *out, size_t size);

/* Registry keys the host sets before any script runs. */
#define DC_REG_SCRIPTDIR "decarb.scriptdir" /* string: folder of the script */
#define DC_REG_UNSAFE "decarb.unsafe"       /* boolean: --unsafe given */

/* Every stdlib module, opened by the host into every environment. An opener
 * runs with the script environment as the global table: it returns its
 * module table (set as global `name`) and may set further globals itself
 * (q, series, plan ...). The list lives in stdlib/modules.c. */
typedef struct dc_module {
  const char *name;
  lua_CFunction open;
} dc_module;
extern const dc_module dc_modules[]; /* ends with {NULL, NULL} */

#endif
