/* run.c — the check pipeline (see run.h). */
#include "run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "plan_lua.h"

/* Registry key: plan userdata -> {source1, line1, source2, line2, ...}, the
 * place of each p:target call (weak keys: plans may be collected). */
#define RUN_WHERE "decarb.run.where"

/* print() while checking: the same words as Lua's print, on standard error,
 * so that the report on standard output stays whole (and machine-readable
 * for --format json, csv, tap and junit). */
static int check_print(lua_State *L) {
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) {
    size_t len;
    const char *s = luaL_tolstring(L, i, &len);
    if (i > 1) fputc('\t', stderr);
    fwrite(s, 1, len, stderr);
    lua_pop(L, 1);
  }
  fputc('\n', stderr);
  fflush(stderr);
  return 0;
}

/* rec(p): notes where the script calls p:target (the caller of the Lua
 * wrapper, level 2) for the target about to be defined. */
static int where_record(lua_State *L) {
  dc_plan *p = dc_lua_toplan(L, 1);
  lua_Debug ar;
  if (!p || !lua_getstack(L, 2, &ar) || !lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0) return 0;
  lua_getfield(L, LUA_REGISTRYINDEX, RUN_WHERE);
  lua_pushvalue(L, 1);
  if (lua_rawget(L, -2) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, -2);
    lua_rawset(L, -4);
  }
  lua_Integer t = (lua_Integer)dc_plan_ntargets(p);
  const char *src = ar.source[0] == '@' || ar.source[0] == '=' ? ar.source + 1 : ar.short_src;
  lua_pushstring(L, src);
  lua_rawseti(L, -2, 2 * t + 1);
  lua_pushinteger(L, ar.currentline);
  lua_rawseti(L, -2, 2 * t + 2);
  return 0;
}

/* Wraps the plans' target method so that each call's file:line is noted.
 * The wrapper tail-calls the method, so its errors still name the script's
 * line. Nothing happens if the plan module has not made its metatable. */
static void where_install(lua_State *L) {
  static const char wrap[] = "local orig, rec = ...\n"
                             "return function(p, ...) rec(p) return orig(p, ...) end";
  int top = lua_gettop(L);
  lua_newtable(L);
  lua_createtable(L, 0, 1);
  lua_pushliteral(L, "k");
  lua_setfield(L, -2, "__mode");
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, RUN_WHERE);
  if (luaL_getmetatable(L, DC_PLAN_TYPE) == LUA_TTABLE && lua_getfield(L, -1, "methods") == LUA_TTABLE &&
      lua_getfield(L, -1, "target") == LUA_TFUNCTION &&
      luaL_loadbuffer(L, wrap, sizeof wrap - 1, "=(decarb check)") == LUA_OK) {
    lua_insert(L, -2); /* wrap chunk, orig */
    lua_pushcfunction(L, where_record);
    if (lua_pcall(L, 2, 1, 0) == LUA_OK) lua_setfield(L, -2, "target");
  }
  lua_settop(L, top);
}

typedef struct where_ctx {
  lua_State *L;
  int ud; /* stack index of the plan */
} where_ctx;

/* dc_result_where_fn: reads the noted place (the strings stay in the
 * registry while the plan is alive; the result copies them at once). */
static void where_lookup(void *vctx, int t, const char **file, int *line) {
  where_ctx *w = vctx;
  lua_State *L = w->L;
  *file = NULL;
  *line = 0;
  if (lua_getfield(L, LUA_REGISTRYINDEX, RUN_WHERE) == LUA_TTABLE) {
    lua_pushvalue(L, w->ud);
    if (lua_rawget(L, -2) == LUA_TTABLE) {
      lua_rawgeti(L, -1, 2 * (lua_Integer)t + 1);
      lua_rawgeti(L, -2, 2 * (lua_Integer)t + 2);
      if (lua_type(L, -2) == LUA_TSTRING && lua_isinteger(L, -1)) {
        *file = lua_tostring(L, -2);
        *line = (int)lua_tointeger(L, -1);
      }
      lua_pop(L, 2);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* Protected: evaluates every scenario of every plan in the sequence at
 * index 1. */
static int evaluate_all(lua_State *L) {
  lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, 1, i);
    dc_plan *p = dc_lua_toplan(L, -1);
    for (size_t s = 0; p && s < dc_plan_nscenarios(p); s++) dc_lua_plan_evaluate(L, -1, (int)s);
    lua_pop(L, 1);
  }
  return 0;
}

int dc_run_plans(dc_host *h, const char *file, const char *scenario, dc_run_sink sink, void *ctx) {
  lua_State *L = dc_host_state(h);
  int list = lua_gettop(L);
  lua_pushcfunction(L, evaluate_all);
  lua_pushvalue(L, list);
  int code = dc_host_call(h, 1, 0);
  if (code != DC_EXIT_OK) {
    lua_remove(L, list); /* the message stays on top */
    return code;
  }
  lua_Integer n = (lua_Integer)lua_rawlen(L, list);
  for (lua_Integer i = 1; i <= n && code == DC_EXIT_OK; i++) {
    lua_rawgeti(L, list, i);
    dc_plan *p = dc_lua_toplan(L, -1);
    if (p) {
      int s = dc_plan_find_scenario(p, scenario);
      if (s < 0) s = DC_SCEN_PLAN;
      where_ctx w = {L, lua_gettop(L)};
      dc_result *r = dc_result_from_plan(p, s, file, where_lookup, &w);
      if (!r) {
        fprintf(stderr, "decarb: out of memory\n");
        code = DC_EXIT_LIMIT;
      } else
        code = sink(ctx, r);
    }
    lua_pop(L, 1);
  }
  lua_settop(L, list - 1);
  return code;
}

static char *dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  size_t n = slash ? (size_t)(slash - path) : 1;
  char *d = malloc(n + 1);
  if (!d) return NULL;
  if (slash) {
    memcpy(d, path, n ? n : 1);
    d[n ? n : 1] = '\0';
  } else
    strcpy(d, ".");
  return d;
}

/* 1 (with a message) when a plan the script created lacks the scenario. */
static int missing_scenario(lua_State *L, const char *file, const char *want) {
  int bad = 0;
  if (lua_getfield(L, LUA_REGISTRYINDEX, DC_REG_PLANS) == LUA_TTABLE) {
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= n && !bad; i++) {
      lua_rawgeti(L, -1, i);
      dc_plan *p = dc_lua_toplan(L, -1);
      if (p && dc_plan_find_scenario(p, want) < 0) {
        fprintf(stderr, "decarb check: %s: plan '%s' has no scenario '%s' (it has:", file, dc_plan_name(p), want);
        for (size_t s = 0; s < dc_plan_nscenarios(p); s++)
          fprintf(stderr, "%s %s", s ? "," : "", dc_plan_scenario_name(p, (int)s));
        fprintf(stderr, ")\n");
        bad = 1;
      }
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  return bad;
}

int dc_run_file(const dc_host_opts *ho, const char *file, const dc_run_opts *o, dc_run_sink sink, void *ctx) {
  dc_host *h = dc_host_new(ho);
  if (!h) {
    fprintf(stderr, "decarb check: cannot create a Lua state\n");
    return DC_EXIT_USAGE;
  }
  lua_State *L = dc_host_state(h);
  lua_pushcfunction(L, check_print);
  lua_setglobal(L, "print");
  where_install(L);
  int code;
  if (strcmp(file, "-") == 0) {
    code = dc_host_load(h, o->stdin_text ? o->stdin_text : "", o->stdin_len, "=stdin");
  } else {
    char *dir = dir_of(file);
    if (dir) dc_host_set_scriptdir(h, dir);
    free(dir);
    code = dc_host_loadfile(h, file);
  }
  if (code == DC_EXIT_OK) code = dc_host_call(h, 0, 0);
  if (code != DC_EXIT_OK) {
    dc_host_report(h);
  } else if (missing_scenario(L, file, o->scenario)) {
    code = DC_EXIT_USAGE; /* message printed */
  } else {
    if (lua_getfield(L, LUA_REGISTRYINDEX, DC_REG_PLANS) != LUA_TTABLE) {
      lua_pop(L, 1);
      lua_newtable(L);
    }
    if (lua_rawlen(L, -1) == 0) {
      fprintf(stderr, "decarb check: %s defines no plan (create one with plan{ \"name\", years = {2020, 2035} })\n",
              file);
      code = DC_EXIT_USAGE;
    } else {
      int top = lua_gettop(L) - 1;
      code = dc_run_plans(h, strcmp(file, "-") == 0 ? "stdin" : file, o->scenario, sink, ctx);
      if (lua_gettop(L) > top) dc_host_report(h); /* an evaluation error */
    }
  }
  dc_host_free(h);
  return code;
}

int dc_run_list_push(void *list, dc_result *r) {
  dc_run_list *l = list;
  if (l->n == l->cap) {
    size_t nc = l->cap ? l->cap * 2 : 8;
    dc_result **nv = realloc(l->v, nc * sizeof *nv);
    if (!nv) {
      dc_result_free(r);
      return DC_EXIT_LIMIT;
    }
    l->v = nv;
    l->cap = nc;
  }
  l->v[l->n++] = r;
  return DC_EXIT_OK;
}

void dc_run_list_free(dc_run_list *l) {
  for (size_t i = 0; i < l->n; i++) dc_result_free(l->v[i]);
  free(l->v);
  l->v = NULL;
  l->n = l->cap = 0;
}
