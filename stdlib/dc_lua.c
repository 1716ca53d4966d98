/* dc_lua.c — helpers shared by the stdlib's Lua bindings (see dc_lua.h).
 * Not the host: the host (vm/) only sets the registry keys these read. */
#include "dc_lua.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

int dc_lua_error(lua_State *L, const char *fmt, ...) {
  lua_Debug ar;
  va_list ap;
  /* find the innermost frame that is running Lua code with line info */
  for (int level = 1; lua_getstack(L, level, &ar); level++) {
    lua_getinfo(L, "Sl", &ar);
    if (ar.currentline > 0) {
      lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
      goto have_where;
    }
  }
  lua_pushliteral(L, "");
have_where:
  va_start(ap, fmt);
  lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  lua_concat(L, 2);
  return lua_error(L);
}

static bool path_is_safe(const char *p) {
  if (p[0] == '\0' || p[0] == '/' || p[0] == '\\') return false;
  /* refuse any ".." component and backslashes (no Windows-style escapes) */
  const char *s = p;
  while (*s) {
    const char *e = strchr(s, '/');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    if (n == 2 && s[0] == '.' && s[1] == '.') return false;
    if (memchr(s, '\\', n)) return false;
    if (!e) break;
    s = e + 1;
  }
  return true;
}

void dc_lua_resolve_path(lua_State *L, const char *path, char *out, size_t size) {
  int unsafe;
  lua_getfield(L, LUA_REGISTRYINDEX, DC_REG_UNSAFE);
  unsafe = lua_toboolean(L, -1);
  lua_pop(L, 1);
  if (unsafe && path[0] == '/') {
    if ((size_t)snprintf(out, size, "%s", path) >= size)
      dc_lua_error(L, "path too long: '%s'", path);
    return;
  }
  if (!unsafe && !path_is_safe(path))
    dc_lua_error(L, "cannot read '%s': data files must be given as a relative path "
                    "below the script's folder (no '..', not absolute)", path);
  lua_getfield(L, LUA_REGISTRYINDEX, DC_REG_SCRIPTDIR);
  const char *dir = lua_tostring(L, -1);
  if (!dir || !*dir) dir = ".";
  int n = snprintf(out, size, "%s/%s", dir, path);
  lua_pop(L, 1);
  if (n < 0 || (size_t)n >= size) dc_lua_error(L, "path too long: '%s'", path);
}
