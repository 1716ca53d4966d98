/* plan_lua_read.c — the methods of a Plan that read its results: p:series,
 * p:value, p:check, p:wedges, p:warnings, p:set (re-evaluation), the plan's
 * fields (p.name, p.metrics ...) and tostring(p). Each evaluates on demand
 * through the core; building a plan is in plan_lua.c. */
#include <lauxlib.h>
#include <math.h>
#include <string.h>

#include "dc_lua.h"
#include "plan_lua.h"
#include "plan_lua_int.h"
#include "series_lua.h"
#include "units_lua.h"

/* ===================================================================== */
/* reading results                                                        */
/* ===================================================================== */

/* The metric named by argument 2 (with values), in the scenario named by
 * argument sidx, evaluated: its values, and its description in *info. */
static const double *metric_arg(lua_State *L, dc_plan *p, int sidx, dc_plan_metric_info *info) {
  luaL_checkstring(L, 2);
  const char *mname = dc_lua_check_name(L, 2, "the metric's name");
  int mi = dc_plan_find_metric(p, mname);
  if (mi < 0) dc_lua_error(L, "plan '%s' has no metric '%s'", dc_plan_name(p), mname);
  int s = dc_plan_lua__scenario(L, 1, sidx);
  if (dc_plan_metric_at(p, mi, info) != 0) dc_lua_error(L, "metric '%s' has no values (no %s yet)", mname, mname);
  return dc_plan_values(p, s, mi);
}

static int plan_series(lua_State *L) {
  dc_plan *p = dc_plan_lua__check(L, 1);
  dc_plan_metric_info info;
  const double *v = metric_arg(L, p, 3, &info);
  /* copies: pushing may run a finalizer that changes the plan */
  double buf[1000];
  dc_display disp = *info.disp;
  memcpy(buf, v, sizeof(double) * (size_t)(dc_plan_y1(p) - dc_plan_y0(p) + 1));
  dc_lua_pushseries(L, dc_plan_y0(p), dc_plan_y1(p), buf, info.dims, &disp);
  return 1;
}

static int plan_value(lua_State *L) {
  dc_plan *p = dc_plan_lua__check(L, 1);
  lua_Integer y = luaL_checkinteger(L, 3);
  if (y < dc_plan_y0(p) || y > dc_plan_y1(p))
    dc_lua_error(L, "year %d is outside the plan's years %d-%d", (int)y, dc_plan_y0(p), dc_plan_y1(p));
  dc_plan_metric_info info;
  const double *v = metric_arg(L, p, 4, &info);
  dc_display disp = *info.disp;
  dc_lua_pushqty(L, v[y - dc_plan_y0(p)], info.dims, &disp);
  return 1;
}

static void set_year(lua_State *L, const char *k, int y) {
  if (y == DC_PLAN_NOYEAR) lua_pushboolean(L, 0);
  else lua_pushinteger(L, y);
  lua_setfield(L, -2, k);
}

static int plan_check(lua_State *L) {
  dc_plan *p = dc_plan_lua__check(L, 1);
  int s = dc_plan_lua__scenario(L, 1, 2);
  /* held: the results stay as they are while the tables are built (only a
     memory error can leave early, and that ends the script) */
  dc_plan_hold(p);
  size_t nt = dc_plan_ntargets(p);
  int met = 0;
  lua_createtable(L, 0, 4);
  lua_createtable(L, (int)nt, 0);
  for (size_t t = 0; t < nt; t++) {
    dc_plan_target_info ti;
    dc_target_result r;
    dc_plan_target_at(p, (int)t, &ti);
    dc_plan_result(p, s, (int)t, &r);
    met += r.met;
    lua_createtable(L, 0, 10);
    lua_pushstring(L, ti.name);
    lua_setfield(L, -2, "name");
    lua_pushstring(L, ti.kind_name);
    lua_setfield(L, -2, "kind");
    lua_pushboolean(L, r.met);
    lua_setfield(L, -2, "met");
    set_year(L, "first_met", r.first_met);
    set_year(L, "first_failed", r.first_failed);
    set_year(L, "deciding", r.deciding);
    if (r.deciding != DC_PLAN_NOYEAR) {
      int i = r.deciding - dc_plan_y0(p);
      dc_display d = *ti.value_disp;
      d.offset = 0;
      dc_lua_pushqty(L, r.margin[i], ti.value_dims, &d);
      lua_setfield(L, -2, "margin");
      lua_pushnumber(L, r.margin_rel[i]);
      lua_setfield(L, -2, "margin_rel");
      dc_lua_pushqty(L, r.value[i], ti.value_dims, ti.value_disp);
      lua_setfield(L, -2, "value");
      dc_lua_pushqty(L, r.bound[i], ti.value_dims, ti.value_disp);
      lua_setfield(L, -2, "bound");
    }
    lua_rawseti(L, -2, (lua_Integer)t + 1);
  }
  lua_setfield(L, -2, "targets");
  lua_pushinteger(L, met);
  lua_setfield(L, -2, "met");
  lua_pushinteger(L, (lua_Integer)nt);
  lua_setfield(L, -2, "total");
  lua_pushstring(L, dc_plan_scenario_name(p, s));
  lua_setfield(L, -2, "scenario");
  dc_plan_release(p);
  return 1;
}

static int plan_wedges(lua_State *L) {
  dc_plan *p = dc_plan_lua__check(L, 1);
  int s = dc_plan_lua__scenario(L, 1, 2);
  dc_plan_metric_info em;
  lua_newtable(L);
  if (dc_plan_metric_at(p, DC_MET_EMISSIONS, &em) != 0) return 1;
  dc_plan_hold(p);
  for (size_t m = 0; m < dc_plan_nmeasures(p); m++) {
    if (!dc_plan_measure_active(p, s, (int)m)) continue;
    dc_plan_measure_info mi;
    dc_plan_measure_at(p, (int)m, &mi);
    dc_lua_pushseries(L, dc_plan_y0(p), dc_plan_y1(p), dc_plan_wedge(p, s, (int)m), em.dims, em.disp);
    lua_setfield(L, -2, mi.name);
  }
  dc_plan_release(p);
  return 1;
}

static int plan_warnings(lua_State *L) {
  dc_plan *p = dc_plan_lua__check(L, 1);
  int s = dc_plan_lua__scenario(L, 1, 2);
  size_t nw = dc_plan_nwarnings(p, s);
  lua_createtable(L, (int)nw, 0);
  for (size_t i = 0; i < nw; i++) {
    char txt[400];
    dc_plan_warning_text(p, s, i, txt, sizeof txt);
    lua_pushstring(L, txt);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

static int plan_set(lua_State *L) {
  static const char *const params[] = {"start", "full", "stop", "scale", "abates", NULL};
  dc_plan *p = dc_plan_lua__check(L, 1);
  luaL_checkstring(L, 2);
  const char *mname = dc_lua_check_name(L, 2, "p:set: the measure's name");
  int what = luaL_checkoption(L, 3, NULL, params);
  const char *sc = luaL_optstring(L, 5, NULL);
  int s = sc ? dc_plan_find_scenario(p, sc) : -1;
  if (sc && s < 0) dc_lua_error(L, "plan '%s' has no scenario '%s'", dc_plan_name(p), sc);
  int m = dc_plan_find_measure(p, mname, s);
  if (m < 0) dc_lua_error(L, "plan '%s' has no measure '%s'", dc_plan_name(p), mname);
  double v;
  if (what <= 2) v = (double)luaL_checkinteger(L, 4);
  else if (what == 3) {
    v = luaL_checknumber(L, 4);
    if (!isfinite(v)) dc_lua_error(L, "measure '%s': scale must be a finite number, not %f", mname, v);
  }
  else {
    dc_dims d;
    dc_plan_metric_info em;
    dc_lua_checkqty(L, 4, &v, &d, NULL);
    if (!isfinite(v)) dc_lua_error(L, "measure '%s': abates must be a finite value, not %f", mname, v);
    if (dc_plan_metric_at(p, DC_MET_EMISSIONS, &em) != 0 || !dc_dims_eq(d, em.dims))
      dc_lua_error(L, "measure '%s': abates must be in the plan's emission units", mname);
  }
  if (dc_plan_set_param(p, m, (enum dc_param)what, v)) dc_lua_error(L, "%s", dc_plan_error(p));
  lua_settop(L, 1);
  return 1;
}

int dc_plan_lua__index(lua_State *L) {
  dc_plan *p = dc_plan_lua__check(L, 1);
  const char *k = luaL_checkstring(L, 2);
  if (strcmp(k, "name") == 0) lua_pushstring(L, dc_plan_name(p));
  else if (strcmp(k, "region") == 0) lua_pushstring(L, dc_plan_region(p));
  else if (strcmp(k, "source") == 0) lua_pushstring(L, dc_plan_source(p));
  else if (strcmp(k, "years") == 0) {
    lua_createtable(L, 2, 0);
    lua_pushinteger(L, dc_plan_y0(p));
    lua_rawseti(L, -2, 1);
    lua_pushinteger(L, dc_plan_y1(p));
    lua_rawseti(L, -2, 2);
  } else if (strcmp(k, "scenarios") == 0 || strcmp(k, "metrics") == 0 || strcmp(k, "measures") == 0 ||
             strcmp(k, "targets") == 0) {
    int which = k[1] == 'c' ? 0 : k[1] == 'e' ? (k[2] == 't' ? 1 : 2) : 3;
    size_t n = which == 0 ? dc_plan_nscenarios(p) : which == 1 ? dc_plan_nmetrics(p)
             : which == 2 ? dc_plan_nmeasures(p) : dc_plan_ntargets(p);
    lua_createtable(L, (int)n, 0);
    int j = 0;
    for (size_t i = 0; i < n; i++) {
      const char *nm = NULL;
      if (which == 0) nm = dc_plan_scenario_name(p, (int)i);
      else if (which == 1) {
        dc_plan_metric_info mi;
        if (dc_plan_metric_at(p, (int)i, &mi) == 0) nm = mi.name;
      } else if (which == 2) {
        dc_plan_measure_info mi;
        dc_plan_measure_at(p, (int)i, &mi);
        if (mi.scenario < 0) nm = mi.name;
      } else {
        dc_plan_target_info ti;
        dc_plan_target_at(p, (int)i, &ti);
        nm = ti.name;
      }
      if (!nm) continue;
      lua_pushstring(L, nm);
      lua_rawseti(L, -2, ++j);
    }
  } else {
    lua_getmetatable(L, 1); /* methods live in the metatable's "methods" */
    lua_getfield(L, -1, "methods");
    lua_getfield(L, -1, k);
  }
  return 1;
}

int dc_plan_lua__tostring(lua_State *L) {
  dc_plan *p = dc_lua_toplan(L, 1);
  if (!p) {
    lua_pushliteral(L, "plan (closed)");
    return 1;
  }
  size_t nm = 0;
  for (size_t i = 0; i < dc_plan_nmeasures(p); i++) {
    dc_plan_measure_info mi;
    dc_plan_measure_at(p, (int)i, &mi);
    nm += mi.scenario < 0;
  }
  lua_pushfstring(L, "plan '%s' %d-%d: %d sectors, %d measures, %d targets, %d scenarios", dc_plan_name(p),
                  dc_plan_y0(p), dc_plan_y1(p), (int)dc_plan_nsectors(p), (int)nm,
                  (int)dc_plan_ntargets(p), (int)dc_plan_nscenarios(p));
  return 1;
}

const luaL_Reg dc_plan_lua__read_methods[] = {
    {"series", plan_series},   {"value", plan_value},       {"check", plan_check},
    {"wedges", plan_wedges},   {"warnings", plan_warnings}, {"set", plan_set},
    {NULL, NULL}};
