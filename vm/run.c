/* run.c — the check pipeline (see run.h). */
#include "run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "montecarlo.h"
#include "plan_lua.h"


/* print() while checking: the same words as Lua's print, on standard error,
 * so that the report on standard output stays whole (and machine-readable
 * for --format json, csv, tap and junit). */
int dc_run_print(lua_State *L) {
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

/* Protected: the Monte Carlo of every plan in the sequence at index 1 (in
 * the scenario each is judged in), into the array at upvalue-free light
 * userdata 2; then every scenario again with the central values. */
typedef struct mc_all_args {
  const dc_run_opts *o;
  const char *scenario;
  dc_mc **mc; /* [plan] */
  lua_Integer n;
} mc_all_args;

static int montecarlo_all(lua_State *L) {
  mc_all_args *a = lua_touserdata(L, 2);
  for (lua_Integer i = 1; i <= a->n; i++) {
    lua_rawgeti(L, 1, i);
    dc_plan *p = dc_lua_toplan(L, -1);
    if (p) {
      int s = dc_plan_find_scenario(p, a->scenario);
      if (s >= 0) /* a plan without the scenario is skipped */
        a->mc[i - 1] = dc_lua_plan_montecarlo(L, -1, s, a->o->seed, a->o->mc_first, a->o->mc_end);
    }
    lua_pop(L, 1);
  }
  lua_settop(L, 1);
  return evaluate_all(L);
}

static int run_plans(dc_host *h, const char *file, const char *scenario, const dc_run_opts *o, dc_run_sink sink,
                     void *ctx);
int dc_run_plans(dc_host *h, const char *file, const char *scenario, dc_run_sink sink, void *ctx) {
  return run_plans(h, file, scenario, NULL, sink, ctx);
}
int dc_run_plans_opts(dc_host *h, const char *file, const dc_run_opts *o, dc_run_sink sink, void *ctx) {
  return run_plans(h, file, o->scenario, o, sink, ctx);
}

static int run_plans(dc_host *h, const char *file, const char *scenario, const dc_run_opts *o, dc_run_sink sink,
                     void *ctx) {
  lua_State *L = dc_host_state(h);
  int list = lua_gettop(L);
  lua_pushcfunction(L, evaluate_all);
  lua_pushvalue(L, list);
  int code = dc_host_call(h, 1, 0);
  mc_all_args mca = {o, scenario, NULL, (lua_Integer)lua_rawlen(L, list)};
  if (code == DC_EXIT_OK && o && o->mc_end) {
    mca.mc = calloc((size_t)mca.n + 1, sizeof *mca.mc);
    if (!mca.mc) {
      fprintf(stderr, "decarb: out of memory\n");
      lua_settop(L, list - 1);
      return DC_EXIT_LIMIT;
    }
    lua_pushcfunction(L, montecarlo_all);
    lua_pushvalue(L, list);
    lua_pushlightuserdata(L, &mca);
    code = dc_host_call(h, 2, 0);
  }
  if (code != DC_EXIT_OK) {
    for (lua_Integer i = 0; mca.mc && i < mca.n; i++) dc_mc_free(mca.mc[i]);
    free(mca.mc);
    lua_remove(L, list); /* the message stays on top */
    return code;
  }
  lua_Integer n = (lua_Integer)lua_rawlen(L, list);
  for (lua_Integer i = 1; i <= n && code == DC_EXIT_OK; i++) {
    lua_rawgeti(L, list, i);
    dc_plan *p = dc_lua_toplan(L, -1);
    if (p) {
      int s = dc_plan_find_scenario(p, scenario);
      /* each target's file:line comes from the plan (p:target notes it); a
         plan without the scenario is reported as skipped */
      dc_result *r = s < 0 ? dc_result_skipped(p, file, scenario) : dc_result_from_plan(p, s, file, NULL, NULL);
      dc_mc *mc = mca.mc ? mca.mc[i - 1] : NULL;
      if (mca.mc) mca.mc[i - 1] = NULL;
      if (!r) dc_mc_free(mc);
      else if (mc && dc_result_set_mc(r, mc)) { /* mc freed */
        dc_result_free(r);
        r = NULL;
      }
      if (!r) {
        fprintf(stderr, "decarb: out of memory\n");
        code = DC_EXIT_LIMIT;
      } else
        code = sink(ctx, r);
    }
    lua_pop(L, 1);
  }
  for (lua_Integer i = 0; mca.mc && i < mca.n; i++) dc_mc_free(mca.mc[i]);
  free(mca.mc);
  lua_settop(L, list - 1);
  return code;
}

/* A line on stderr for each plan the script created that lacks the
 * scenario (the reports list it as skipped; the run goes on). */
static void missing_scenario(lua_State *L, const char *file, const char *want) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, DC_REG_PLANS) == LUA_TTABLE) {
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= n; i++) {
      lua_rawgeti(L, -1, i);
      dc_plan *p = dc_lua_toplan(L, -1);
      if (p && dc_plan_find_scenario(p, want) < 0) {
        fprintf(stderr, "decarb check: %s: plan '%s' has no scenario '%s' (it has:", file, dc_plan_name(p), want);
        for (size_t s = 0; s < dc_plan_nscenarios(p); s++)
          fprintf(stderr, "%s %s", s ? "," : "", dc_plan_scenario_name(p, (int)s));
        fprintf(stderr, "): skipped\n");
      }
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
}

dc_host *dc_run_host_new(const dc_host_opts *ho) {
  dc_host *h = dc_host_new(ho);
  if (!h) return NULL;
  lua_State *L = dc_host_state(h);
  lua_pushcfunction(L, dc_run_print);
  lua_setglobal(L, "print");
  /* warnings are printed once, by the report writers (they are in the result) */
  lua_pushboolean(L, 1);
  lua_setfield(L, LUA_REGISTRYINDEX, DC_REG_QUIET_WARNINGS);
  return h;
}

int dc_run_file(const dc_host_opts *ho, const char *file, const dc_run_opts *o, dc_run_sink sink, void *ctx) {
  dc_host *h = dc_run_host_new(ho);
  if (!h) {
    fprintf(stderr, "decarb check: out of memory: cannot create a Lua state for %s\n", file);
    return DC_EXIT_LIMIT;
  }
  lua_State *L = dc_host_state(h);
  if (o->seeded) {
    /* math.random under check: from --seed, so that a run repeats */
    int top = lua_gettop(L);
    if (lua_getglobal(L, "math") == LUA_TTABLE && lua_getfield(L, -1, "randomseed") == LUA_TFUNCTION) {
      lua_pushinteger(L, (lua_Integer)o->seed);
      lua_pcall(L, 1, 0, 0);
    }
    lua_settop(L, top);
  }
  int code;
  if (strcmp(file, "-") == 0) {
    code = dc_host_load(h, o->stdin_text ? o->stdin_text : "", o->stdin_len, "=stdin");
  } else {
    dc_host_set_scriptdir_of(h, file);
    code = dc_host_loadfile(h, file);
  }
  if (code == DC_EXIT_OK) code = dc_host_call(h, 0, 0);
  if (code != DC_EXIT_OK) {
    dc_host_report(h);
  } else {
    missing_scenario(L, file, o->scenario);
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
      code = run_plans(h, strcmp(file, "-") == 0 ? "stdin" : file, o->scenario, o, sink, ctx);
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
      fprintf(stderr, "decarb: out of memory (keeping the result of plan '%s')\n", r->name ? r->name : "?");
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
