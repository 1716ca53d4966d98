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

/* ---- the binding toolkit (as lauxlib is to Lua's libraries) ----------- */

/* Refuses every key of the constructor table at t that is not a field of
 * `allowed` (a list "from, to, unit"; "" for none), so that a typo is an
 * error, not ignored. Integer keys 1..npos are the positional values (npos
 * < 0: any integer, as the years of series{...}). The error, at the
 * script's line: "unknown field 'k' in WHO{...} (LISTING)", "unexpected [3]
 * in WHO{...} (LISTING)", "unexpected boolean key in ..."; LISTING is
 * "fields: ALLOWED" when listing is NULL. Leaves the stack as it was. */
void dc_lua_check_fields(lua_State *L, int t, const char *who, const char *allowed, int npos,
                         const char *listing);

/* The test behind dc_lua_check_fields, for a binding that words its own
 * error: pushes the first key of the table at t that is neither a field of
 * `allowed` nor a positional integer (as above) and returns 1; returns 0
 * (nothing pushed) when every key is allowed. */
int dc_lua_unknown_field(lua_State *L, int t, const char *allowed, int npos);
/* Raises dc_lua_check_fields's error for the key at the top of the stack
 * (as dc_lua_unknown_field pushed it). */
int dc_lua_field_error(lua_State *L, const char *who, const char *allowed, const char *listing);
/* Is k one of the fields of the list "a, b, c"? */
int dc_lua_field_in(const char *list, const char *k);

/* t[1] as the name a constructor starts with (factors.grid{"CN-GS"}): a
 * string, else the error "WHO needs a name first, as in EXAMPLE". The
 * string is left on the stack (it keeps the pointer valid). */
const char *dc_lua_name_field(lua_State *L, int t, const char *who, const char *example);

/* t.field as an optional string: NULL when absent (nil), else a string or
 * the error "FIELD must be a string, got TYPE". The value is left on the
 * stack either way (one slot). */
const char *dc_lua_opt_string_field(lua_State *L, int t, const char *field);

/* A whole year from lo to hi: the value at idx, an integer or an integral
 * float (or a string of one, as Lua converts), else the error "WHAT must
 * be a whole year, got X" or "WHAT 12000 is out of range (years are
 * LO..HI)". _opt_: dflt when idx is none or nil. dc_lua_opt_year_field
 * reads t.field the same way (WHAT is the field) and leaves the value on
 * the stack. */
int dc_lua_year(lua_State *L, int idx, const char *what, int lo, int hi);
/* The tests behind them, for a binding that words its own errors. _to_:
 * the value at idx as a year in *y: DC_LUA_YEAR_OK, _RANGE (a whole
 * number outside lo..hi, *y set) or _NOT (not a whole number; strict:
 * anything but a Lua integer, so 2030.0 and "2030" too). _get_opt_: t.field
 * pushed (one slot); 0 when nil, 1 when a string (*s set), -1 else. */
enum { DC_LUA_YEAR_OK, DC_LUA_YEAR_RANGE, DC_LUA_YEAR_NOT };
int dc_lua_to_year(lua_State *L, int idx, int strict, int lo, int hi, lua_Integer *y);
int dc_lua_get_opt_string(lua_State *L, int t, const char *field, const char **s);
int dc_lua_opt_year(lua_State *L, int idx, int dflt, const char *what, int lo, int hi);
int dc_lua_opt_year_field(lua_State *L, int t, const char *field, int dflt, int lo, int hi);

/* Locks the metatable at idx: getmetatable() on its values returns shown
 * (a type name such as "decarb.Series"), or false when shown is NULL, and
 * setmetatable() refuses them. */
void dc_lua_lock_metatable(lua_State *L, int idx, const char *shown);

/* Gives the module table at idx a locked metatable whose __newindex is
 * newindex (the error naming what to do instead): a typo such as
 * factors.gird = ... is an error, not a new field. */
void dc_lua_readonly(lua_State *L, int idx, lua_CFunction newindex);

/* Registry keys the host sets before any script runs. */
#define DC_REG_SCRIPTDIR "decarb.scriptdir" /* string: folder of the script */
#define DC_REG_UNSAFE "decarb.unsafe"       /* boolean: --unsafe given */

/* Every stdlib module, opened by the host into every environment, in the
 * list's order. An opener registers its functions and returns its module
 * (a table, or a function: q), and sets no global: the host sets the
 * global `name` to what it returns (and decarb.so the field `name`), so
 * the list in stdlib/modules.c decides which globals exist. */
typedef struct dc_module {
  const char *name;
  lua_CFunction open;
} dc_module;
extern const dc_module dc_modules[]; /* ends with {NULL, NULL} */

#endif
