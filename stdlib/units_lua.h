/* units_lua.h — what other bindings (series, factors, plan, REPL) use of the
 * Quantity type. Implemented in units_lua.c; the type's metatable is
 * "decarb.Quantity". */
#ifndef DC_UNITS_LUA_H
#define DC_UNITS_LUA_H

#include <lua.h>
#include "units.h"

#define DC_QUANTITY_TYPE "decarb.Quantity"

/* Pushes a new quantity: SI value, dimensions, display (NULL or empty label:
 * preferred unit of the dimension). */
void dc_lua_pushqty(lua_State *L, double si, dc_dims dims, const dc_display *disp);

/* Reads a quantity-like value at idx: a Quantity, a plain number
 * (dimensionless) or a string such as "107 MW" (parsed; a bad string raises
 * the parser's error at the script's line). Returns 1, or 0 when the value is
 * of none of these kinds (nothing raised). disp may be NULL. */
int dc_lua_toqty(lua_State *L, int idx, double *si, dc_dims *dims, dc_display *disp);

/* As dc_lua_toqty, but raises "bad argument" naming what was expected. */
void dc_lua_checkqty(lua_State *L, int idx, double *si, dc_dims *dims, dc_display *disp);

/* Parses a unit expression at idx (a string) or raises the parser's error at
 * the script's line, with the suggestion. */
void dc_lua_checkunit(lua_State *L, int idx, dc_unit *unit, dc_display *disp);

#endif
