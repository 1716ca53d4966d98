/* series_lua_int.h — what series_lua.c (the Series type) and
 * series_build.c (the constructors) share. Not for other bindings: they use
 * series_lua.h. */
#ifndef DC_SERIES_LUA_INT_H
#define DC_SERIES_LUA_INT_H

#include <lua.h>

#include "series.h"

/* The series at idx when its metatable is the one at mtidx, else NULL. */
dc_series *dc_series_lua_test(lua_State *L, int idx, int mtidx);
/* Pushes a new series of n years from y0 (values unset); raises a script
 * error when the years are out of range. */
dc_series *dc_series_lua_new(lua_State *L, int mtidx, int y0, int n, dc_dims dims,
                             const dc_display *disp);
/* The whole year at idx, or a script error naming `what`. */
int dc_series_lua_year(lua_State *L, int idx, const char *what);

/* Calls the function at fidx for every year y0..y1 with the arguments push
 * gives (nargs of them) and pushes a series of its quantity-like results,
 * which must share one dimension (and match unit when given). */
typedef void (*dc_series_push_args)(lua_State *L, const dc_series *src, int year);
void dc_series_lua_collect(lua_State *L, int mtidx, int fidx, int y0, int y1,
                           const dc_series *src, dc_series_push_args push, int nargs,
                           const char *who, const dc_unit *unit, const dc_display *udisp);

/* Sets up the `series` table (constructors, series{...} via __call) and
 * leaves it on the stack; mt is the Series metatable's index. */
void dc_series_lua_open_ctors(lua_State *L, int mt);

#endif
