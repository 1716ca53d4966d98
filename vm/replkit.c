/* replkit.c — the REPL's plain helpers (see replkit.h): chunk checks, the
 * completion context and candidates by raw access. No terminal, no
 * readline: tests/unit/test_repl.c drives these directly. */
#include "replkit.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "units.h"

/* How many metatable hops completion follows (a loop of __index tables
 * must not hang the prompt). */
#define MAX_HOPS 8

static int is_ident_char(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}
static int is_digit(char c) { return c >= '0' && c <= '9'; }

int dc_repl_incomplete(const char *msg, size_t len) {
  static const char mark[] = "<eof>";
  size_t m = sizeof mark - 1;
  return msg && len >= m && memcmp(msg + len - m, mark, m) == 0;
}

/* ================================================================== */
/* A small Lua scanner: strings, comments, long brackets              */
/* ================================================================== */

/* At s[i] == '[': the level of a long bracket "[==[" (0 for "[["), or -1. */
static int long_open(const char *s, size_t len, size_t i) {
  size_t j = i + 1;
  int level = 0;
  while (j < len && s[j] == '=') { level++; j++; }
  return (j < len && s[j] == '[') ? level : -1;
}

/* From the opening bracket at i, the index just past the closing one, or
 * len when it is not closed. */
static size_t long_skip(const char *s, size_t len, size_t i, int level) {
  size_t j = i + (size_t)level + 2;
  for (; j < len; j++) {
    if (s[j] != ']') continue;
    size_t k = j + 1;
    int l = 0;
    while (k < len && s[k] == '=') { l++; k++; }
    if (l == level && k < len && s[k] == ']') return k + 1;
  }
  return len;
}

/* From the quote at i, the index just past the closing quote, or len;
 * *closed (may be NULL) says whether the closing quote was found. */
static size_t short_skip(const char *s, size_t len, size_t i, int *closed) {
  char q = s[i];
  if (closed) *closed = 0;
  for (size_t j = i + 1; j < len; j++) {
    if (s[j] == '\\') { j++; continue; }
    if (s[j] == q) {
      if (closed) *closed = 1;
      return j + 1;
    }
    if (s[j] == '\n') return j; /* unfinished: Lua reports it */
  }
  return len;
}

/* Skips a comment starting at "--" (index i). */
static size_t comment_skip(const char *s, size_t len, size_t i) {
  i += 2;
  if (i < len && s[i] == '[') {
    int level = long_open(s, len, i);
    if (level >= 0) return long_skip(s, len, i, level);
  }
  while (i < len && s[i] != '\n') i++;
  return i;
}

static int word_is(const char *s, size_t n, const char *w) {
  return strlen(w) == n && memcmp(s, w, n) == 0;
}

static void append_name(char *out, size_t size, size_t *used, const char *s, size_t n) {
  const char *sep = *used ? ", " : "";
  size_t need = strlen(sep) + n;
  if (*used + need + 1 > size) return;
  memcpy(out + *used, sep, strlen(sep));
  memcpy(out + *used + strlen(sep), s, n);
  *used += need;
  out[*used] = '\0';
}

static size_t skip_space(const char *s, size_t len, size_t i) {
  while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
  return i;
}

int dc_repl_local_names(const char *s, size_t len, char *out, size_t size) {
  int depth = 0, count = 0;
  size_t used = 0, i = 0;
  if (size) out[0] = '\0';
  while (i < len) {
    char c = s[i];
    if (c == '-' && i + 1 < len && s[i + 1] == '-') { i = comment_skip(s, len, i); continue; }
    if (c == '[' && long_open(s, len, i) >= 0) { i = long_skip(s, len, i, long_open(s, len, i)); continue; }
    if (c == '"' || c == '\'') { i = short_skip(s, len, i, NULL); continue; }
    if (is_digit(c)) { while (i < len && (is_ident_char(s[i]) || s[i] == '.')) i++; continue; }
    if (!is_ident_char(c)) { i++; continue; }
    size_t w = i;
    while (i < len && is_ident_char(s[i])) i++;
    size_t n = i - w;
    if (word_is(s + w, n, "function") || word_is(s + w, n, "if") ||
        word_is(s + w, n, "do") || word_is(s + w, n, "repeat")) {
      depth++;
    } else if (word_is(s + w, n, "end") || word_is(s + w, n, "until")) {
      if (depth > 0) depth--;
    } else if (word_is(s + w, n, "local") && depth == 0) {
      size_t j = skip_space(s, len, i);
      size_t f = j;
      while (j < len && is_ident_char(s[j])) j++;
      if (word_is(s + f, j - f, "function")) { /* local function NAME */
        j = skip_space(s, len, j);
        f = j;
        while (j < len && is_ident_char(s[j])) j++;
        if (j > f) { append_name(out, size, &used, s + f, j - f); count++; }
        continue; /* "function" is scanned next and opens its block */
      }
      j = f;
      for (;;) { /* NAME [<attrib>] {, NAME [<attrib>]} */
        j = skip_space(s, len, j);
        f = j;
        while (j < len && is_ident_char(s[j])) j++;
        if (j == f) break;
        append_name(out, size, &used, s + f, j - f);
        count++;
        j = skip_space(s, len, j);
        if (j < len && s[j] == '<') {
          while (j < len && s[j] != '>') j++;
          if (j < len) j++;
          j = skip_space(s, len, j);
        }
        if (j < len && s[j] == ',') { j++; continue; }
        break;
      }
      i = j;
    }
  }
  return count;
}

/* ================================================================== */
/* Completion: where are we?                                           */
/* ================================================================== */

/* Inside a string that opened at q (the quote): is it the argument of q,
 * x:to or x:value? */
static int unit_string(const char *line, size_t q) {
  size_t j = q;
  while (j > 0 && line[j - 1] == ' ') j--;
  if (j > 0 && line[j - 1] == '(') {
    j--;
    while (j > 0 && line[j - 1] == ' ') j--;
  }
  size_t e = j;
  while (j > 0 && is_ident_char(line[j - 1])) j--;
  if (word_is(line + j, e - j, "q")) return 1;
  if ((word_is(line + j, e - j, "to") || word_is(line + j, e - j, "value")) && j > 0 &&
      line[j - 1] == ':')
    return 1;
  return 0;
}

/* The unit word inside a string that starts at from: after the last
 * separator, with a leading number ("107MW") kept aside. */
static void unit_word(const char *line, size_t from, size_t point, dc_compl *c) {
  size_t s = point;
  while (s > from) {
    unsigned char ch = (unsigned char)line[s - 1];
    if (strchr(" \t/*()^,;", ch) && ch) break;
    if (ch == 0xB7 && s - 1 > from && (unsigned char)line[s - 2] == 0xC2) break; /* '·' */
    s--;
  }
  size_t k = s;
  if (k < point && (is_digit(line[k]) || line[k] == '.')) {
    while (k < point && (is_digit(line[k]) || line[k] == '.')) k++;
    if (k + 1 < point && (line[k] == 'e' || line[k] == 'E') &&
        (is_digit(line[k + 1]) ||
         ((line[k + 1] == '-' || line[k + 1] == '+') && k + 2 < point && is_digit(line[k + 2])))) {
      k += 2;
      while (k < point && is_digit(line[k])) k++;
    }
  }
  c->kind = DC_COMPL_UNIT;
  c->start = s;
  c->keep = k - s;
}

static void analyse_command(const char *line, size_t point, dc_compl *c) {
  size_t sp = 1;
  while (sp < point && line[sp] != ' ' && line[sp] != '\t') sp++;
  if (sp >= point) {
    c->kind = DC_COMPL_COMMAND;
    c->start = 1;
    return;
  }
  const char *cmd = dc_repl_command(line + 1, sp - 1);
  size_t s = point;
  while (s > sp && line[s - 1] != ' ' && line[s - 1] != '\t') s--;
  c->start = s;
  if (!cmd) return;
  if (strcmp(cmd, "help") == 0) c->kind = DC_COMPL_TOPIC;
  else if (strcmp(cmd, "load") == 0) c->kind = DC_COMPL_FILE;
  else if (strcmp(cmd, "units") == 0) c->kind = DC_COMPL_UNIT;
  else if (strcmp(cmd, "check") == 0) {
    while (s < point && !is_ident_char(line[s])) s++;
    c->start = s;
    c->kind = DC_COMPL_GLOBAL;
  }
}

void dc_compl_analyse(const char *line, size_t point, int command_ok, dc_compl *c) {
  memset(c, 0, sizeof *c);
  c->kind = DC_COMPL_NONE;
  c->start = point;
  if (command_ok && point > 0 && line[0] == ':') {
    analyse_command(line, point, c);
    return;
  }
  /* find out whether point is inside a string or a comment */
  for (size_t i = 0; i < point;) {
    char ch = line[i];
    if (ch == '-' && i + 1 < point && line[i + 1] == '-') {
      if (comment_skip(line, point, i) >= point) return; /* in a comment */
      i = comment_skip(line, point, i);
    } else if (ch == '[' && long_open(line, point, i) >= 0) {
      size_t e = long_skip(line, point, i, long_open(line, point, i));
      if (e >= point) return; /* in a long string */
      i = e;
    } else if (ch == '"' || ch == '\'') {
      int closed;
      size_t e = short_skip(line, point, i, &closed);
      if (!closed && e >= point) {
        if (unit_string(line, i)) unit_word(line, i + 1, point, c);
        return;
      }
      i = e;
    } else if (is_digit(ch)) {
      while (i < point && (is_ident_char(line[i]) || line[i] == '.')) i++;
    } else {
      i++;
    }
  }
  /* a name, maybe after a chain a.b.c or a.b: */
  size_t s = point;
  while (s > 0 && is_ident_char(line[s - 1])) s--;
  if (s < point && is_digit(line[s])) return; /* a number */
  c->start = s;
  if (s == 0 || (line[s - 1] != '.' && line[s - 1] != ':')) {
    c->kind = DC_COMPL_GLOBAL;
    return;
  }
  char sep = line[s - 1];
  if (s >= 2 && line[s - 2] == sep) {
    if (sep == '.') c->kind = DC_COMPL_GLOBAL; /* after the .. operator */
    return;                                     /* "::label" */
  }
  size_t e = s - 1, b = e;
  for (;;) {
    size_t w = b;
    while (w > 0 && is_ident_char(line[w - 1])) w--;
    if (w == b || is_digit(line[w])) return; /* f().x, t[1].x, 3.x: not a plain chain */
    b = w;
    if (b >= 1 && line[b - 1] == '.' && !(b >= 2 && line[b - 2] == '.')) {
      b--;
      continue;
    }
    break;
  }
  c->kind = sep == '.' ? DC_COMPL_FIELD : DC_COMPL_METHOD;
  c->path_start = b;
  c->path_len = e - b;
}

/* ================================================================== */
/* Completion: the candidates, by raw access                           */
/* ================================================================== */

static const char *const keywords[] = {
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function",
  "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then",
  "true", "until", "while", NULL};

#define T_WORD (-2) /* keyword, command or topic */

typedef struct collect_args {
  const char *line;
  const dc_compl *c;
} collect_args;

static int is_identifier(const char *s, size_t n) {
  if (n == 0 || is_digit(s[0])) return 0;
  for (size_t i = 0; i < n; i++)
    if (!is_ident_char(s[i])) return 0;
  return 1;
}

/* stack: set, ..., value at v. Adds the identifier keys of a table (or only
 * its function-valued ones) to set[name] = type. */
static void add_table_keys(lua_State *L, int set, int t, int functions_only, int skip_meta) {
  lua_pushnil(L);
  while (lua_next(L, t)) { /* stack: key, value */
    size_t n;
    if (lua_type(L, -2) == LUA_TSTRING) {
      const char *k = lua_tolstring(L, -2, &n);
      int type = lua_type(L, -1);
      if (is_identifier(k, n) && (!functions_only || type == LUA_TFUNCTION) &&
          !(skip_meta && n >= 2 && k[0] == '_' && k[1] == '_')) {
        lua_pushvalue(L, -2);
        if (lua_rawget(L, set) == LUA_TNIL) {
          lua_pushvalue(L, -3);
          lua_pushinteger(L, type);
          lua_rawset(L, set);
        }
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 1);
  }
}

/* Adds what indexing the value at v can reach without running code. */
static void add_reachable(lua_State *L, int set, int v, int functions_only) {
  lua_pushvalue(L, v);
  for (int hop = 0; hop < MAX_HOPS; hop++) { /* stack: cur */
    int cur = lua_gettop(L);
    if (lua_type(L, cur) == LUA_TTABLE) add_table_keys(L, set, cur, functions_only, 0);
    if (!lua_getmetatable(L, cur)) break; /* stack: cur, mt */
    lua_pushliteral(L, "__index");
    if (lua_rawget(L, -2) == LUA_TTABLE) { /* stack: cur, mt, index */
      lua_replace(L, cur);
      lua_settop(L, cur);
      continue;
    }
    lua_pop(L, 1);
    /* __index is a function (or absent): offer the metatable's own
       functions and those of its table `methods`, the usual homes of
       methods (read raw, like everything here) */
    add_table_keys(L, set, lua_gettop(L), 1, 1);
    lua_pushliteral(L, "methods");
    if (lua_rawget(L, -2) == LUA_TTABLE) add_table_keys(L, set, lua_gettop(L), 1, 1);
    lua_pop(L, 2);
    break;
  }
  lua_pop(L, 1);
}

/* stack: v -> v[name] by raw access (following __index tables), or nil. */
static void raw_field(lua_State *L, const char *k, size_t n) {
  for (int hop = 0; hop < MAX_HOPS; hop++) {
    int cur = lua_gettop(L);
    if (lua_type(L, cur) == LUA_TTABLE) {
      lua_pushlstring(L, k, n);
      if (lua_rawget(L, cur) != LUA_TNIL) { lua_replace(L, cur); return; }
      lua_pop(L, 1);
    }
    if (!lua_getmetatable(L, cur)) break;
    lua_pushliteral(L, "__index");
    if (lua_rawget(L, -2) == LUA_TTABLE) {
      lua_replace(L, cur);
      lua_settop(L, cur);
      continue;
    }
    lua_pop(L, 1); /* stack: cur, mt */
    if (!(n >= 2 && k[0] == '_' && k[1] == '_')) {
      lua_pushlstring(L, k, n);
      if (lua_rawget(L, -2) == LUA_TFUNCTION) {
        lua_replace(L, cur);
        lua_settop(L, cur);
        return;
      }
      lua_pop(L, 1);
      lua_pushliteral(L, "methods");
      if (lua_rawget(L, -2) == LUA_TTABLE) {
        lua_pushlstring(L, k, n);
        if (lua_rawget(L, -2) == LUA_TFUNCTION) {
          lua_replace(L, cur);
          lua_settop(L, cur);
          return;
        }
      }
    }
    lua_settop(L, cur);
    break;
  }
  lua_pushnil(L);
  lua_replace(L, -2);
}

/* Protected: arg 1 a collect_args; returns set (name -> type). */
static int collect_lua(lua_State *L) {
  const collect_args *a = lua_touserdata(L, 1);
  const dc_compl *c = a->c;
  lua_settop(L, 0);
  lua_newtable(L); /* stack: set */
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS); /* stack: set, G */
  if (c->kind == DC_COMPL_GLOBAL) {
    add_reachable(L, 1, 2, 0);
    for (int i = 0; keywords[i]; i++) {
      lua_pushinteger(L, T_WORD);
      lua_setfield(L, 1, keywords[i]);
    }
    lua_settop(L, 1);
    return 1;
  }
  const char *p = a->line + c->path_start, *end = p + c->path_len;
  while (p < end) {
    const char *dot = memchr(p, '.', (size_t)(end - p));
    size_t n = dot ? (size_t)(dot - p) : (size_t)(end - p);
    raw_field(L, p, n);
    if (lua_isnil(L, -1)) return 1; /* stack: set, nil */
    p += n + (dot ? 1 : 0);
  }
  add_reachable(L, 1, 2, c->kind == DC_COMPL_METHOD);
  lua_settop(L, 1);
  return 1;
}

typedef struct cand {
  char *name;
  int type;
} cand;

static int cmp_cand(const void *a, const void *b) {
  return strcmp(((const cand *)a)->name, ((const cand *)b)->name);
}

typedef struct cands {
  cand *v;
  size_t n, cap;
  int failed;
} cands;

static void add_cand(cands *cs, const char *name, size_t len, int type) {
  if (cs->failed) return;
  if (cs->n == cs->cap) {
    size_t cap = cs->cap ? cs->cap * 2 : 32;
    cand *v = realloc(cs->v, cap * sizeof *v);
    if (!v) { cs->failed = 1; return; }
    cs->v = v;
    cs->cap = cap;
  }
  char *s = malloc(len + 1);
  if (!s) { cs->failed = 1; return; }
  memcpy(s, name, len);
  s[len] = '\0';
  cs->v[cs->n].name = s;
  cs->v[cs->n].type = type;
  cs->n++;
}

static void add_if_prefix(cands *cs, const char *name, const char *word, size_t wlen, int type) {
  if (strncmp(name, word, wlen) == 0) add_cand(cs, name, strlen(name), type);
}

/* Unit names starting with the word; and, for a word that starts with a
 * prefix ("k", "M", "万" ...), prefix + name whenever the units parser
 * accepts it (so "MW" completes to "MWh" without a list of prefixes here). */
static void add_unit(cands *cs, const char *name, size_t n, int idents_only) {
  if (!idents_only || is_identifier(name, n)) add_cand(cs, name, n, LUA_TSTRING);
}

static void add_units(cands *cs, const char *word, size_t wlen, int idents_only) {
  const dc_unit_info *u;
  char buf[DC_LABEL_MAX * 2];
  for (size_t i = 0; (u = dc_units_at(i)) != NULL; i++) {
    size_t nl = strlen(u->name);
    if (nl >= wlen && strncmp(u->name, word, wlen) == 0) add_unit(cs, u->name, nl, idents_only);
    for (size_t j = 1; j <= 3 && j <= wlen; j++) {
      if (j < wlen && ((unsigned char)word[j] & 0xC0) == 0x80) continue; /* mid-character */
      if (nl < wlen - j || strncmp(u->name, word + j, wlen - j) != 0) continue;
      if (j + nl + 1 > sizeof buf) continue;
      memcpy(buf, word, j);
      memcpy(buf + j, u->name, nl + 1);
      dc_unit unit;
      dc_units_error err;
      if (dc_units_parse(buf, &unit, &err) == 0) add_unit(cs, buf, j + nl, idents_only);
    }
  }
}

void dc_compl_free(char **list) {
  if (!list) return;
  for (char **p = list; *p; p++) free(*p);
  free(list);
}

char **dc_compl_collect(lua_State *L, const char *line, size_t point, const dc_compl *c,
                        int *type) {
  cands cs = {NULL, 0, 0, 0};
  size_t from = c->start + (c->kind == DC_COMPL_UNIT ? c->keep : 0);
  const char *word = line + from;
  size_t wlen = point > from ? point - from : 0;
  if (type) *type = LUA_TNONE;
  switch (c->kind) {
    case DC_COMPL_COMMAND:
      for (int i = 0; dc_repl_commands[i]; i++) add_if_prefix(&cs, dc_repl_commands[i], word, wlen, T_WORD);
      break;
    case DC_COMPL_TOPIC:
      for (int i = 0; dc_repl_topics[i]; i++) add_if_prefix(&cs, dc_repl_topics[i], word, wlen, T_WORD);
      break;
    case DC_COMPL_UNIT: add_units(&cs, word, wlen, 0); break;
    case DC_COMPL_GLOBAL:
    case DC_COMPL_FIELD:
    case DC_COMPL_METHOD: {
      collect_args a = {line, c};
      int top = L ? lua_gettop(L) : 0;
      if (L && lua_checkstack(L, 4)) {
        /* no collection while completing: a __gc finalizer is script code */
        int gc_was_running = lua_gc(L, LUA_GCISRUNNING);
        lua_gc(L, LUA_GCSTOP);
        lua_pushcfunction(L, collect_lua);
        lua_pushlightuserdata(L, &a);
        int st = lua_pcall(L, 1, 1, 0);
        if (gc_was_running) lua_gc(L, LUA_GCRESTART);
        if (st == LUA_OK && lua_type(L, -1) == LUA_TTABLE) {
          lua_pushnil(L);
          while (lua_next(L, -2)) {
            size_t n;
            const char *k = lua_tolstring(L, -2, &n);
            if (n >= wlen && memcmp(k, word, wlen) == 0)
              add_cand(&cs, k, n, (int)lua_tointeger(L, -1));
            lua_pop(L, 1);
          }
        }
        lua_settop(L, top);
      }
      /* units.kWh: the units table computes its fields; offer unit names */
      if (c->kind == DC_COMPL_FIELD && c->path_len == 5 && memcmp(line + c->path_start, "units", 5) == 0)
        add_units(&cs, word, wlen, 1);
      break;
    }
    default: break;
  }
  if (cs.failed || cs.n == 0) {
    for (size_t i = 0; i < cs.n; i++) free(cs.v[i].name);
    free(cs.v);
    return NULL;
  }
  qsort(cs.v, cs.n, sizeof *cs.v, cmp_cand);
  char **out = malloc((cs.n + 1) * sizeof *out);
  size_t m = 0;
  for (size_t i = 0; i < cs.n; i++) {
    if (out && (m == 0 || strcmp(out[m - 1], cs.v[i].name) != 0)) out[m++] = cs.v[i].name;
    else free(cs.v[i].name);
  }
  if (out) out[m] = NULL;
  if (type && out && m == 1) {
    for (size_t i = 0; i < cs.n; i++) /* the first entry of that name */
      if (cs.v[i].name == out[0]) { *type = cs.v[i].type; break; }
  }
  free(cs.v);
  return out;
}
