/* dc_lua.c — helpers shared by the stdlib's Lua bindings (see dc_lua.h).
 * Not the host: the host (vm/) only sets the registry keys these read. */
#include "dc_lua.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
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

/* ---- the binding toolkit ------------------------------------------------ */

int dc_lua_field_in(const char *list, const char *k) {
  size_t n = strlen(k);
  if (n == 0 || strpbrk(k, ", ")) return 0; /* not "a, b" as one field */
  for (const char *p = list; (p = strstr(p, k)) != NULL; p += n)
    if ((p == list || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0')) return 1;
  return 0;
}

int dc_lua_unknown_field(lua_State *L, int t, const char *allowed, int npos) {
  t = lua_absindex(L, t);
  lua_pushnil(L); /* stack: key */
  while (lua_next(L, t)) {
    lua_pop(L, 1); /* stack: key */
    if (lua_type(L, -1) == LUA_TSTRING) {
      size_t len;
      const char *k = lua_tolstring(L, -1, &len);
      if (strlen(k) != len || !dc_lua_field_in(allowed, k)) return 1; /* "year\0x" is not year */
    } else if (lua_isinteger(L, -1)) {
      lua_Integer i = lua_tointeger(L, -1);
      if (npos >= 0 && (i < 1 || i > npos)) return 1;
    } else
      return 1;
  }
  return 0; /* stack: - */
}

int dc_lua_field_error(lua_State *L, const char *who, const char *allowed, const char *listing) {
  int k = lua_absindex(L, -1);
  if (!listing) listing = lua_pushfstring(L, "fields: %s", allowed); /* stack: key [, listing] */
  if (lua_type(L, k) == LUA_TSTRING) {
    size_t len;
    const char *s = lua_tolstring(L, k, &len), *why = dc_lua_name_problem(s, len);
    if (why) /* not printed as it is: it could be "year\0x" or an escape */
      return dc_lua_error(L, "a field's name in %s{...} must be printable text; one has %s (%s)", who, why, listing);
    return dc_lua_error(L, "unknown field '%s' in %s{...} (%s)", s, who, listing);
  }
  if (lua_isinteger(L, k))
    return dc_lua_error(L, "unexpected [%I] in %s{...} (%s)", (LUAI_UACINT)lua_tointeger(L, k), who, listing);
  return dc_lua_error(L, "unexpected %s key in %s{...} (%s)", luaL_typename(L, k), who, listing);
}

void dc_lua_check_fields(lua_State *L, int t, const char *who, const char *allowed, int npos,
                         const char *listing) {
  if (dc_lua_unknown_field(L, t, allowed, npos)) dc_lua_field_error(L, who, allowed, listing); /* stack: key */
}

const char *dc_lua_name_field(lua_State *L, int t, const char *who, const char *example) {
  lua_rawgeti(L, t, 1); /* stack: name */
  if (lua_type(L, -1) != LUA_TSTRING) dc_lua_error(L, "%s needs a name first, as in %s", who, example);
  return lua_tostring(L, -1);
}

int dc_lua_get_opt_string(lua_State *L, int t, const char *field, const char **s) {
  *s = NULL;
  lua_getfield(L, t, field); /* stack: value */
  if (lua_isnil(L, -1)) return 0;
  if (lua_type(L, -1) != LUA_TSTRING) return -1;
  *s = lua_tostring(L, -1);
  return 1;
}

const char *dc_lua_opt_string_field(lua_State *L, int t, const char *field) {
  const char *s;
  if (dc_lua_get_opt_string(L, t, field, &s) < 0) /* stack: value */
    dc_lua_error(L, "%s must be a string, got %s", field, luaL_typename(L, -1));
  return s;
}

int dc_lua_to_year(lua_State *L, int idx, int strict, int lo, int hi, lua_Integer *y) {
  int isnum;
  if (strict && !lua_isinteger(L, idx)) return DC_LUA_YEAR_NOT;
  *y = lua_tointegerx(L, idx, &isnum);
  if (!isnum) return DC_LUA_YEAR_NOT;
  return *y < lo || *y > hi ? DC_LUA_YEAR_RANGE : DC_LUA_YEAR_OK;
}

int dc_lua_year(lua_State *L, int idx, const char *what, int lo, int hi) {
  lua_Integer y;
  int r = dc_lua_to_year(L, idx, 0, lo, hi, &y);
  if (r == DC_LUA_YEAR_RANGE && lua_type(L, idx) == LUA_TNUMBER)
    dc_lua_error(L, "%s %I is out of range (years are %d..%d)", what, (LUAI_UACINT)y, lo, hi);
  if (r != DC_LUA_YEAR_OK)
    dc_lua_error(L, "%s must be a whole year, got %s", what,
                 lua_type(L, idx) == LUA_TNUMBER ? lua_tostring(L, idx) : luaL_typename(L, idx));
  return (int)y;
}

int dc_lua_opt_year(lua_State *L, int idx, int dflt, const char *what, int lo, int hi) {
  return lua_isnoneornil(L, idx) ? dflt : dc_lua_year(L, idx, what, lo, hi);
}

int dc_lua_opt_year_field(lua_State *L, int t, const char *field, int dflt, int lo, int hi) {
  lua_getfield(L, t, field); /* stack: value */
  return dc_lua_opt_year(L, -1, dflt, field, lo, hi);
}

void dc_lua_lock_metatable(lua_State *L, int idx, const char *shown) {
  idx = lua_absindex(L, idx);
  if (shown) lua_pushstring(L, shown);
  else lua_pushboolean(L, 0);
  lua_setfield(L, idx, "__metatable");
}

void dc_lua_readonly(lua_State *L, int idx, lua_CFunction newindex) {
  idx = lua_absindex(L, idx);
  lua_newtable(L); /* stack: mt */
  lua_pushcfunction(L, newindex);
  lua_setfield(L, -2, "__newindex");
  dc_lua_lock_metatable(L, -1, NULL);
  lua_setmetatable(L, idx); /* stack: - */
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

const char *dc_lua_name_problem(const char *s, size_t len) {
  static char buf[64];
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < len;) {
    unsigned c = u[i];
    if (c < 0x20 || c == 0x7f) {
      snprintf(buf, sizeof buf, "the control character 0x%02X", c);
      return buf;
    }
    if (c < 0x80) {
      i++;
      continue;
    }
    /* a UTF-8 sequence: length, shortest form, no surrogates, <= U+10FFFF */
    size_t n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (!n || i + n > len) return "invalid UTF-8";
    uint32_t cp = c & (n == 2 ? 0x1f : n == 3 ? 0x0f : 0x07);
    for (size_t k = 1; k < n; k++) {
      if ((u[i + k] & 0xc0) != 0x80) return "invalid UTF-8";
      cp = (cp << 6) | (u[i + k] & 0x3f);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
      return "invalid UTF-8";
    if (cp >= 0x80 && cp <= 0x9f) {
      snprintf(buf, sizeof buf, "the control character U+%04X", (unsigned)cp);
      return buf;
    }
    i += n;
  }
  return NULL;
}

const char *dc_lua_check_name(lua_State *L, int idx, const char *what) {
  size_t len;
  const char *s = lua_tolstring(L, idx, &len);
  if (!s) return NULL;
  const char *why = dc_lua_name_problem(s, len);
  if (why)
    dc_lua_error(L, "%s must be printable text, without control characters (such as ESC, CR, BEL or "
                    "NUL) and in valid UTF-8; it has %s", what, why);
  return s;
}

int dc_lua_memerror(lua_State *L) {
  /* a block no allocator gives: Lua raises LUA_ERRMEM after its emergency
     collection, exactly as for any allocation the memory cap refuses */
  lua_newuserdatauv(L, SIZE_MAX / 4, 0);
  return luaL_error(L, "not enough memory"); /* not reached */
}

int dc_lua_edit_distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 64 || lb > 64) return 99;
  int row[65];
  for (size_t j = 0; j <= lb; j++) row[j] = (int)j;
  for (size_t i = 1; i <= la; i++) {
    int diag = row[0];
    row[0] = (int)i;
    for (size_t j = 1; j <= lb; j++) {
      int up = row[j];
      int best = diag + (a[i - 1] != b[j - 1]);
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      if (up + 1 < best) best = up + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[lb] > 99 ? 99 : row[lb];
}
