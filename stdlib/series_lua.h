/* series_lua.h — what other bindings (plan, REPL) use of the Series type.
 * Implemented in series_lua.c; the metatable is "decarb.Series". */
#ifndef DC_SERIES_LUA_H
#define DC_SERIES_LUA_H

#include <lua.h>
#include "units.h"

#define DC_SERIES_TYPE "decarb.Series"

/* Fills out[0 .. y1-y0] with the SI values, year by year, of a series-like
 * value at idx: a Series (must cover y0..y1, or extend to them by its own
 * extend rule), a quantity, number or unit string (a constant for every
 * year). *dims gets its dimensions, disp (may be NULL) its display unit.
 * Raises an error at the script's line naming the missing years when the
 * series does not cover y0..y1. Returns 1, or 0 if the value is none of
 * these kinds (nothing raised). */
int dc_lua_toseries(lua_State *L, int idx, int y0, int y1, double *out,
                    dc_dims *dims, dc_display *disp);

/* Pushes a new Series of years y0..y1 from SI values. */
void dc_lua_pushseries(lua_State *L, int y0, int y1, const double *si,
                       dc_dims dims, const dc_display *disp);

/* For the REPL: a series at idx as its compact year table (the rows fit
 * in width columns), or as a braille plot width columns wide and rows high
 * (docs/charts.md); pushes a string and returns 1, or pushes nothing and
 * returns 0 when the value is no series. The plot raises on bad sizes. */
int dc_series_lua_push_table(lua_State *L, int idx, int width);
int dc_series_lua_push_plot(lua_State *L, int idx, int width, int rows);

#endif
