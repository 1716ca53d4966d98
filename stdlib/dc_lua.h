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

/* Names a script gives (plans, sectors, measures, targets ...) end up in
 * reports printed to a terminal. dc_lua_name_problem returns NULL when the
 * len bytes at s are valid UTF-8 without control characters (C0, DEL, C1),
 * else what is wrong ("the control character 0x1B", "invalid UTF-8"). */
const char *dc_lua_name_problem(const char *s, size_t len);
/* The string at idx, checked as above: a Lua error at the script's line
 * "WHAT must be printable text, without control characters ...; it has
 * the control character 0x1B" if not. */
const char *dc_lua_check_name(lua_State *L, int idx, const char *what);

/* Raises a real memory error (status LUA_ERRMEM, as when Lua itself runs
 * out), for a C core whose allocation through the state's allocator was
 * refused: the host then reports its memory limit. */
int dc_lua_memerror(lua_State *L);

/* Levenshtein distance of a and b (case-sensitive), capped at 99: for
 * "did you mean" hints. */
int dc_lua_edit_distance(const char *a, const char *b);

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
