/* param.c — the --set table and the Lua function param(NAME, DEFAULT)
 * (see param.h; docs/reference.md "Parameters"). The value a script gets
 * has the kind of its default: a number, a quantity in the default's
 * dimension (a default string that reads as a quantity counts as one), a
 * boolean, or a string. */
#include "param.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

#include "dc_lua.h"
#include "modules.h"
#include "units_lua.h"

static char **params; /* "NAME=VALUE" */
static size_t nparams;

static const char *find(const char *name, size_t len) {
  for (size_t i = 0; i < nparams; i++)
    if (strncmp(params[i], name, len) == 0 && params[i][len] == '=') return params[i] + len + 1;
  return NULL;
}

int dc_param_set(const char *nv) {
  const char *eq = strchr(nv, '=');
  if (!eq || eq == nv) return -1;
  if (find(nv, (size_t)(eq - nv))) return -2;
  char **np = realloc(params, (nparams + 1) * sizeof *np);
  if (!np) return -3;
  params = np;
  size_t n = strlen(nv) + 1;
  if (!(params[nparams] = malloc(n))) return -3;
  memcpy(params[nparams++], nv, n);
  return 0;
}

const char *dc_param_get(const char *name) {
  return strchr(name, '=') ? NULL : find(name, strlen(name));
}

void dc_param_clear(void) {
  for (size_t i = 0; i < nparams; i++) free(params[i]);
  free(params);
  params = NULL;
  nparams = 0;
}

/* stack: value -> si, dims as a quantity (raises the parser's error) */
static int read_qty(lua_State *L) {
  double si;
  dc_dims dims;
  dc_display disp;
  if (!dc_lua_toqty(L, 1, &si, &dims, &disp)) return 0;
  dc_lua_pushqty(L, si, dims, &disp);
  return 1;
}

/* Pushes value at idx as a quantity: 1, or 0 with the reason pushed. */
static int try_qty(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  lua_pushcfunction(L, read_qty);
  lua_pushvalue(L, idx);
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) return 0;
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_pushliteral(L, "not a quantity");
    return 0;
  }
  return 1;
}

static int qty_dims(lua_State *L, int idx, dc_dims *d) {
  double si;
  return dc_lua_toqty(L, idx, &si, d, NULL);
}

static int l_param(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  if (!name[0] || strchr(name, '=')) return luaL_error(L, "param: a name such as \"pv_hours\", not '%s'", name);
  int t = lua_type(L, 2);
  const char *val = dc_param_get(name);
  int is_qty = t == LUA_TUSERDATA && luaL_testudata(L, 2, DC_QUANTITY_TYPE) != NULL;
  if (t == LUA_TSTRING && try_qty(L, 2)) { /* "1286 h/yr": a quantity */
    lua_replace(L, 2);
    is_qty = 1;
  } else if (t == LUA_TSTRING) {
    lua_pop(L, 1);
  }
  if (!val) {
    lua_settop(L, 2);
    return 1; /* the default as it is (a quantity for a quantity string) */
  }
  if (is_qty) {
    lua_pushstring(L, val);
    if (!try_qty(L, -1)) {
      const char *why = lua_tostring(L, -1), *colon = why ? strstr(why, ": ") : NULL;
      if (colon && colon > why && colon[-1] >= '0' && colon[-1] <= '9') why = colon + 2; /* no second file:line */
      const char *def = luaL_tolstring(L, 2, NULL);
      return luaL_error(L, "param '%s': --set %s=%s is not a quantity (%s); the default is %s", name, name, val,
                        why ? why : "?", def);
    }
    dc_dims a, b;
    qty_dims(L, 2, &a);
    qty_dims(L, -1, &b);
    if (memcmp(&a, &b, sizeof a) != 0)
      return luaL_error(L, "param '%s': --set %s=%s is not in the units of the default %s", name, name, val,
                        luaL_tolstring(L, 2, NULL));
    return 1;
  }
  if (t == LUA_TNUMBER) {
    if (!lua_stringtonumber(L, val))
      return luaL_error(L, "param '%s': --set %s=%s is not a number (the default is %s)", name, name, val,
                        luaL_tolstring(L, 2, NULL));
    return 1;
  }
  if (t == LUA_TBOOLEAN) {
    if (strcmp(val, "true") != 0 && strcmp(val, "false") != 0)
      return luaL_error(L, "param '%s': --set %s=%s should be true or false", name, name, val);
    lua_pushboolean(L, strcmp(val, "true") == 0);
    return 1;
  }
  if (t != LUA_TSTRING && t != LUA_TNIL && t != LUA_TNONE)
    return luaL_error(L, "param '%s': the default should be a number, a quantity, a string or a boolean, not a %s",
                      name, luaL_typename(L, 2));
  lua_pushstring(L, val);
  return 1;
}

int luaopen_decarb_param(lua_State *L) {
  lua_pushcfunction(L, l_param);
  return 1;
}
