/* pretty.c — the REPL's value printer (see pretty.h). Every piece of text is
 * built as a Lua string on the stack, so an error raised by a __tostring in
 * the middle leaks nothing. Not a serializer and not used by reports. */
#include "pretty.h"

#include <lauxlib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "series_lua.h"

/* Significant digits of a float shown at the prompt (as Lua's own %.14g). */
#define PRETTY_DIGITS 14

typedef struct pp {
  lua_State *L;
  dc_pretty_opts o;
  int seen; /* stack index of the set of tables being printed (cycles) */
} pp;

static void render(pp *p, int idx, int depth, int indent);

void dc_pretty_defaults(dc_pretty_opts *o) {
  o->max_depth = DC_PRETTY_DEPTH;
  o->max_items = DC_PRETTY_ITEMS;
  o->width = DC_PRETTY_WIDTH;
}

/* ================================================================== */
/* Scalars                                                             */
/* ================================================================== */

static void push_quoted(lua_State *L, const char *s, size_t len) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  luaL_addchar(&b, '"');
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    char esc[8];
    switch (c) {
      case '"': luaL_addstring(&b, "\\\""); break;
      case '\\': luaL_addstring(&b, "\\\\"); break;
      case '\n': luaL_addstring(&b, "\\n"); break;
      case '\t': luaL_addstring(&b, "\\t"); break;
      case '\r': luaL_addstring(&b, "\\r"); break;
      default:
        if (c < 0x20 || c == 0x7f) {
          /* three digits when a digit follows, so "\0" "1" stays two chars */
          int next_digit = i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9';
          snprintf(esc, sizeof esc, next_digit ? "\\%03u" : "\\%u", (unsigned)c);
          luaL_addstring(&b, esc);
        } else {
          luaL_addchar(&b, (char)c);
        }
    }
  }
  luaL_addchar(&b, '"');
  luaL_pushresult(&b);
}

static void push_number(lua_State *L, int idx) {
  if (lua_isinteger(L, idx)) {
    lua_pushfstring(L, "%I", (LUAI_UACINT)lua_tointeger(L, idx));
  } else {
    char buf[64];
    dc_fmt_number(buf, sizeof buf, (double)lua_tonumber(L, idx), PRETTY_DIGITS);
    lua_pushstring(L, buf);
  }
}

static void push_function(lua_State *L, int idx) {
  lua_Debug ar;
  lua_pushvalue(L, idx);
  lua_getinfo(L, ">S", &ar); /* pops the function */
  if (*ar.what == 'C')
    lua_pushliteral(L, "<function builtin>");
  else
    lua_pushfstring(L, "<function %s:%d>", ar.short_src, ar.linedefined);
}

/* A value whose metatable has __tostring: its own text. 1 if pushed. */
static int push_tostring(lua_State *L, int idx) {
  if (luaL_getmetafield(L, idx, "__tostring") == LUA_TNIL) return 0;
  lua_pop(L, 1);
  luaL_tolstring(L, idx, NULL); /* calls it and checks it gave a string */
  return 1;
}

/* ================================================================== */
/* Tables                                                              */
/* ================================================================== */

enum { K_NUMBER, K_STRING, K_BOOLEAN, K_OTHER };

typedef struct entry {
  int kind;
  int isint;
  lua_Integer i;
  lua_Number n;
  const char *s; /* the key string, anchored in the key table */
  size_t len;
  lua_Integer pos; /* the key's place in the key table */
} entry;

static int cmp_entry(const void *pa, const void *pb) {
  const entry *a = pa, *b = pb;
  if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
  switch (a->kind) {
    case K_NUMBER:
      if (a->isint && b->isint) return a->i < b->i ? -1 : a->i > b->i;
      return a->n < b->n ? -1 : a->n > b->n;
    case K_STRING: {
      size_t m = a->len < b->len ? a->len : b->len;
      int c = memcmp(a->s, b->s, m);
      if (c) return c;
      return a->len < b->len ? -1 : a->len > b->len;
    }
    case K_BOOLEAN: return a->i < b->i ? -1 : a->i > b->i;
    default: return a->pos < b->pos ? -1 : a->pos > b->pos;
  }
}

static int is_identifier(const char *s, size_t len) {
  static const char *const reserved[] = {
    "and", "break", "do", "else", "elseif", "end", "false", "for", "function",
    "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then",
    "true", "until", "while", NULL};
  if (len == 0 || (s[0] >= '0' && s[0] <= '9')) return 0;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9')))
      return 0;
  }
  for (int i = 0; reserved[i]; i++)
    if (strlen(reserved[i]) == len && memcmp(reserved[i], s, len) == 0) return 0;
  return 1;
}

/* stack: items first..top (strings) -> one string, the table's text. */
static void join_items(pp *p, int first, int indent) {
  lua_State *L = p->L;
  int top = lua_gettop(L);
  size_t total = 0;
  int multiline = 0;
  for (int k = first; k <= top; k++) {
    size_t len;
    const char *s = lua_tolstring(L, k, &len);
    total += len + 2;
    if (memchr(s, '\n', len)) multiline = 1;
  }
  if ((size_t)indent + total + 2 > (size_t)p->o.width) multiline = 1;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  luaL_addstring(&b, multiline ? "{\n" : "{ ");
  for (int k = first; k <= top; k++) {
    size_t len;
    const char *s = lua_tolstring(L, k, &len);
    if (multiline)
      for (int i = 0; i < indent + 2; i++) luaL_addchar(&b, ' ');
    luaL_addlstring(&b, s, len);
    if (multiline) luaL_addstring(&b, ",\n");
    else if (k < top) luaL_addstring(&b, ", ");
  }
  if (multiline)
    for (int i = 0; i < indent; i++) luaL_addchar(&b, ' ');
  luaL_addstring(&b, multiline ? "}" : " }");
  luaL_pushresult(&b);
}

/* stack: ... -> ..., e: the n keys of the key table at `keys`, sorted
 * (numbers, strings, booleans, then the others in the order next gave). */
static entry *sorted_keys(lua_State *L, int keys, lua_Integer n) {
  if ((size_t)n > SIZE_MAX / sizeof(entry)) luaL_error(L, "table too large to print");
  entry *e = lua_newuserdatauv(L, (size_t)n * sizeof(entry), 0);
  for (lua_Integer k = 1; k <= n; k++) {
    entry *x = &e[k - 1];
    memset(x, 0, sizeof *x);
    x->pos = k;
    switch (lua_rawgeti(L, keys, k)) {
      case LUA_TNUMBER:
        x->kind = K_NUMBER;
        x->isint = lua_isinteger(L, -1);
        x->i = lua_tointeger(L, -1);
        x->n = lua_tonumber(L, -1);
        break;
      case LUA_TSTRING:
        x->kind = K_STRING;
        x->s = lua_tolstring(L, -1, &x->len); /* stays valid: the key table holds it */
        break;
      case LUA_TBOOLEAN:
        x->kind = K_BOOLEAN;
        x->i = lua_toboolean(L, -1);
        break;
      default: x->kind = K_OTHER;
    }
    lua_pop(L, 1);
  }
  qsort(e, (size_t)n, sizeof(entry), cmp_entry);
  return e;
}

/* stack: ... -> ..., item: the text of key x of table t and its value,
 * "value" while the keys run 1, 2, 3 ... (*expect the next), else
 * "name = value" or "[key] = value". */
static void render_item(pp *p, int t, int keys, const entry *x, lua_Integer *expect, int depth, int indent) {
  lua_State *L = p->L;
  luaL_checkstack(L, 6, "table too large to print");
  lua_rawgeti(L, keys, x->pos);
  lua_pushvalue(L, -1);
  lua_rawget(L, t); /* stack: ..., key, value */
  int kv = lua_gettop(L);
  if (x->kind == K_NUMBER && x->isint && x->i == *expect) {
    (*expect)++;
    render(p, kv, depth + 1, indent + 2);
  } else {
    *expect = 0; /* the sequence part is over */
    if (x->kind == K_STRING && is_identifier(x->s, x->len)) {
      lua_pushlstring(L, x->s, x->len);
      lua_pushliteral(L, " = ");
    } else {
      lua_pushliteral(L, "[");
      render(p, kv - 1, depth + 1, indent + 2);
      lua_pushliteral(L, "] = ");
      lua_concat(L, 3);
    }
    render(p, kv, depth + 1, indent + 2);
    lua_concat(L, 2 + (x->kind == K_STRING && is_identifier(x->s, x->len)));
  }
  lua_replace(L, kv - 1); /* stack: ..., item */
  lua_pop(L, 1);
}

static void render_table(pp *p, int t, int depth, int indent) {
  lua_State *L = p->L;
  if (push_tostring(L, t)) return;
  luaL_checkstack(L, 8, "table too deep to print");
  lua_pushvalue(L, t);
  if (lua_rawget(L, p->seen) != LUA_TNIL) {
    lua_pop(L, 1);
    lua_pushliteral(L, "<cycle>");
    return;
  }
  lua_pop(L, 1);
  /* the keys, raw, in a sequence: stack: keys */
  lua_Integer n = 0;
  lua_newtable(L);
  int keys = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_rawseti(L, keys, ++n);
  }
  if (n == 0 || depth >= p->o.max_depth) {
    lua_pop(L, 1);
    if (n == 0) lua_pushliteral(L, "{}");
    else lua_pushliteral(L, "{...}");
    return;
  }
  entry *e = sorted_keys(L, keys, n); /* stack: keys, e */
  lua_pushvalue(L, t);
  lua_pushboolean(L, 1);
  lua_rawset(L, p->seen);
  int first = lua_gettop(L) + 1;
  lua_Integer expect = 1, shown = 0;
  for (lua_Integer k = 0; k < n && shown < p->o.max_items; k++, shown++)
    render_item(p, t, keys, &e[k], &expect, depth, indent);
  if (shown < n) lua_pushfstring(L, "... (%I more)", (LUAI_UACINT)(n - shown));
  lua_pushvalue(L, t);
  lua_pushnil(L);
  lua_rawset(L, p->seen);
  join_items(p, first, indent);
  lua_replace(L, keys);
  lua_settop(L, keys);
}

/* ================================================================== */
/* Any value                                                           */
/* ================================================================== */

static void render(pp *p, int idx, int depth, int indent) {
  lua_State *L = p->L;
  idx = lua_absindex(L, idx);
  luaL_checkstack(L, 4, "value too deep to print");
  switch (lua_type(L, idx)) {
    case LUA_TNIL: lua_pushliteral(L, "nil"); break;
    case LUA_TBOOLEAN: lua_pushstring(L, lua_toboolean(L, idx) ? "true" : "false"); break;
    case LUA_TNUMBER: push_number(L, idx); break;
    case LUA_TSTRING: {
      size_t len;
      const char *s = lua_tolstring(L, idx, &len);
      push_quoted(L, s, len);
      break;
    }
    case LUA_TTABLE: render_table(p, idx, depth, indent); break;
    case LUA_TFUNCTION: push_function(L, idx); break;
    case LUA_TUSERDATA:
      /* a series on its own: a compact year table; inside a table: one line */
      if (depth == 0 && indent == 0 && dc_series_lua_push_table(L, idx, p->o.width)) break;
      if (push_tostring(L, idx)) break;
      {
        int t = luaL_getmetafield(L, idx, "__name");
        if (t == LUA_TSTRING) {
          lua_pushfstring(L, "<%s>", lua_tostring(L, -1));
          lua_remove(L, -2);
        } else {
          if (t != LUA_TNIL) lua_pop(L, 1);
          lua_pushliteral(L, "<userdata>");
        }
      }
      break;
    case LUA_TLIGHTUSERDATA: lua_pushliteral(L, "<lightuserdata>"); break;
    case LUA_TTHREAD: lua_pushliteral(L, "<thread>"); break;
    default: lua_pushstring(L, luaL_typename(L, idx));
  }
}

void dc_pretty_push(lua_State *L, int idx, const dc_pretty_opts *o) {
  dc_pretty_push_values(L, lua_absindex(L, idx), lua_absindex(L, idx), o);
}

void dc_pretty_push_values(lua_State *L, int first, int last, const dc_pretty_opts *o) {
  pp p;
  p.L = L;
  if (o) p.o = *o;
  else dc_pretty_defaults(&p.o);
  if (p.o.max_depth < 0) p.o.max_depth = 0;
  if (p.o.max_items < 1) p.o.max_items = 1;
  luaL_checkstack(L, 4, NULL);
  lua_newtable(L);
  p.seen = lua_gettop(L);
  lua_pushliteral(L, ""); /* the result so far */
  for (int i = first; i <= last; i++) {
    render(&p, i, 0, 0);
    if (i > first) {
      lua_pushliteral(L, "\t");
      lua_insert(L, -2);
      lua_concat(L, 3);
    } else {
      lua_concat(L, 2);
    }
  }
  lua_remove(L, p.seen);
}
