/* plan_lua_read.c — the methods of a Plan that read its results: p:series,
 * p:value, p:check, p:wedges, p:warnings, p:set (re-evaluation), the plan's
 * fields (p.name, p.metrics ...) and tostring(p). Each evaluates on demand
 * through the core; building a plan is in plan_lua.c. */
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dc_lua.h"
#include "plan_lua.h"
#include "plan_lua_int.h"
#include "series_lua.h"
#include "uncertain_lua.h"
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
  lua_createtable(L, 0, 4);        /* stack: check */
  lua_createtable(L, (int)nt, 0); /* stack: check, targets */
  for (size_t t = 0; t < nt; t++) {
    dc_plan_target_info ti;
    dc_target_result r;
    dc_plan_target_at(p, (int)t, &ti);
    dc_plan_result(p, s, (int)t, &r);
    met += r.met;
    lua_createtable(L, 0, 10); /* stack: check, targets, target */
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
    lua_rawseti(L, -2, (lua_Integer)t + 1); /* stack: check, targets */
  }
  lua_setfield(L, -2, "targets"); /* stack: check */
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
  lua_newtable(L); /* stack: wedges */
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

/* The fields p:set, p:seek and the Monte Carlo may vary, by what has them:
 * a name, its slot field, (measures) the kind of measure that has it (-1:
 * every measure, unchecked), and whether a technology follows after a dot
 * (a measure's adds.PV, hours.PV). A new field: a row here. */
typedef struct slot_field {
  const char *name;
  enum dc_field field;
  int kind, tech;
} slot_field;
static const slot_field measure_slots[] = {
    {"start", DC_FIELD_START, -1, 0},
    {"full", DC_FIELD_FULL, -1, 0},
    {"stop", DC_FIELD_STOP, -1, 0},
    {"scale", DC_FIELD_SCALE, -1, 0},
    {"abates", DC_FIELD_AMOUNT, DC_MEASURE_ABATES, 0},
    {"saves", DC_FIELD_AMOUNT, DC_MEASURE_SAVES, 0},
    {"saves", DC_FIELD_AMOUNT, DC_MEASURE_ENERGY_SAVES, 0}, /* saves = with fuel = */
    {"factor", DC_FIELD_FACTOR, DC_MEASURE_SAVES, 0},
    {"displaces", DC_FIELD_FACTOR, DC_MEASURE_ADDS, 0},
    {"adds", DC_FIELD_ADDS, DC_MEASURE_ADDS, 1},
    {"hours", DC_FIELD_HOURS, DC_MEASURE_ADDS, 1},
    {"share", DC_FIELD_SHARE, DC_MEASURE_SWITCH, 0},
    {NULL, 0, 0, 0},
};
static const slot_field sector_slots[] = {
    {"emissions", DC_FIELD_EMISSIONS, -1, 0},
    {"activity", DC_FIELD_ACTIVITY, -1, 0},
    {"factor", DC_FIELD_FACTOR, -1, 0},
    {"energy", DC_FIELD_ENERGY, -1, 1}, /* energy.FUEL of an energy sector */
    {NULL, 0, 0, 0},
};
static const slot_field tech_slots[] = {
    {"capacity", DC_FIELD_CAPACITY, -1, 0},
    {"hours", DC_FIELD_HOURS, -1, 0},
    {NULL, 0, 0, 0},
};

/* The row of rows named f (dot: a technology follows); NULL when none,
 * the names then pushed as "a, b, c". */
static const slot_field *slot_find(lua_State *L, const slot_field *rows, const char *f, int dot) {
  for (const slot_field *r = rows; r->name; r++)
    if (strcmp(f, r->name) == 0 && (!dot || r->tech)) return r;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (const slot_field *r = rows; r->name; r++) {
    if (r != rows && strcmp(r->name, r[-1].name) == 0) continue; /* one name, two kinds of measure */
    if (r != rows) luaL_addstring(&b, ", ");
    luaL_addstring(&b, r->name);
  }
  luaL_pushresult(&b); /* stack: names */
  return NULL;
}

/* The slot of field `field` of the measure, sector or technology `name`
 * (measures in scenario s first, s = -1: the plan's own); raises naming
 * what exists. FIELD.TECH picks a technology of a measure's adds / hours. */
int dc_plan_lua__slot(lua_State *L, dc_plan *p, const char *name, const char *field, int s, dc_plan_slot *out,
                      const char *what) {
  memset(out, 0, sizeof *out);
  int m = dc_plan_find_measure(p, name, s);
  char f[64];
  const char *dot = strchr(field, '.'), *tech = NULL;
  size_t fl = dot ? (size_t)(dot - field) : strlen(field);
  if (fl >= sizeof f) fl = sizeof f - 1;
  memcpy(f, field, fl);
  f[fl] = '\0';
  if (dot) tech = dot + 1;
  const slot_field *r;
  dc_dims d;
  if (m >= 0) {
    dc_plan_measure_info mi;
    dc_plan_measure_at(p, m, &mi);
    out->obj = DC_OBJ_MEASURE;
    out->index = m;
    if (!(r = slot_find(L, measure_slots, f, dot != NULL)))
      dc_lua_error(L, "%s: measure '%s' has no field '%s' (fields: %s)", what, name, field, lua_tostring(L, -1));
    for (const slot_field *q = r; q->name && (int)mi.kind != r->kind; q++)
      if (strcmp(q->name, r->name) == 0 && (int)mi.kind == q->kind) r = q; /* the row of this kind */
    out->field = r->field;
    if (r->kind < 0) return 1; /* the years and scale */
    int ok = (int)mi.kind == r->kind;
    if (ok && r->tech &&
        (out->sub = dc_plan_measure_add_index(p, m, tech)) < 0) {
      if (tech) dc_lua_error(L, "%s: measure '%s' adds no technology '%s'", what, name, tech);
      dc_lua_error(L, "%s: measure '%s' adds more than one technology: name one, as in \"%s.PV\"", what, name, f);
    }
    if (!ok || dc_plan_field_dims(p, out, &d) < 0)
      dc_lua_error(L, "%s: measure '%s' has no %s = to change (it %s)", what, name, field,
                   mi.kind == DC_MEASURE_ABATES ? "abates" : mi.kind == DC_MEASURE_SAVES ? "saves"
                   : mi.kind == DC_MEASURE_ADDS ? "adds capacity" : mi.kind == DC_MEASURE_ENERGY_SAVES ? "saves energy"
                   : mi.kind == DC_MEASURE_SWITCH ? "switches a fuel" : "is a function");
    return 1;
  }
  enum dc_obj obj;
  int k = dc_plan_find_object(p, name, &obj);
  if (k < 0)
    dc_lua_error(L, "%s: plan '%s' has no measure, sector or technology '%s'", what, dc_plan_name(p), name);
  out->obj = obj;
  out->index = k;
  const char *kind = obj == DC_OBJ_SECTOR ? "sector" : "technology";
  if (!(r = slot_find(L, obj == DC_OBJ_SECTOR ? sector_slots : tech_slots, f, dot != NULL)))
    dc_lua_error(L, "%s: %s '%s' has no field '%s' (fields: %s)", what, kind, name, field, lua_tostring(L, -1));
  out->field = r->field;
  if (r->field == DC_FIELD_ENERGY && (out->sub = dc_plan_sector_fuel_index(p, k, tech)) < 0)
    dc_lua_error(L, "%s: %s", what, dc_plan_error(p));
  if (dc_plan_field_dims(p, out, &d) < 0)
    dc_lua_error(L, "%s: %s '%s' has no %s = to change (%s)", what, kind, name, field,
                 obj != DC_OBJ_SECTOR ? "it was given without hours ="
                 : out->field == DC_FIELD_EMISSIONS ? "they are activity x factor: change activity or factor"
                                                    : "it was given as emissions =");
  return 1;
}

/* p:set(NAME, FIELD, uncertain{...}): an uncertain input from now on,
 * CENTRAL until sampled (1); 0 when the value at 4 is not uncertain. */
static int set_uncertain(lua_State *L, dc_plan *p, const dc_plan_slot *sl, const dc_dims *want, int is_year) {
  dc_uncertain u;
  if (!dc_lua_touncertain(L, 4, &u)) return 0;
  char lbl[200];
  dc_plan_slot_label(p, sl, lbl, sizeof lbl);
  if (!dc_dims_eq(u.dims, *want)) {
    char got[64], need[64];
    dc_dims_name(u.dims, got, sizeof got);
    dc_dims_name(*want, need, sizeof need);
    dc_lua_error(L, "p:set: %s must be %s, not %s", lbl, need, got);
  }
  if (is_year && u.dist.central != floor(u.dist.central))
    dc_lua_error(L, "p:set: %s = uncertain{...} must have a whole year as CENTRAL", lbl);
  dc_plan_input in;
  memset(&in, 0, sizeof in);
  in.slot = *sl;
  in.dist = u.dist;
  in.has_group = u.has_group;
  in.stream = u.stream;
  in.group = dc_lua_uncertain_group(L, 4);
  if (dc_plan_add_input(p, &in) < 0) dc_lua_error(L, "%s", dc_plan_error(p));
  lua_settop(L, 1);
  return 1;
}

static int plan_set(lua_State *L) {
  dc_plan *p = dc_plan_lua__check(L, 1);
  luaL_checkstring(L, 2);
  const char *mname = dc_lua_check_name(L, 2, "p:set: the measure's name");
  const char *field = dc_lua_check_name(L, 3, "p:set: the field");
  const char *sc = luaL_optstring(L, 5, NULL);
  int s = sc ? dc_plan_find_scenario(p, sc) : -1;
  if (sc && s < 0) dc_lua_error(L, "plan '%s' has no scenario '%s'", dc_plan_name(p), sc);
  dc_plan_slot sl;
  dc_plan_lua__slot(L, p, mname, field, s, &sl, "p:set");
  dc_dims want;
  int is_year = dc_plan_field_dims(p, &sl, &want) == 1;
  luaL_checkany(L, 4);
  if (set_uncertain(L, p, &sl, &want, is_year)) return 1;
  double v;
  int y0 = dc_plan_y0(p), y1 = dc_plan_y1(p);
  if (sl.obj == DC_OBJ_MEASURE && sl.field <= DC_FIELD_SCALE) {
    if (is_year) v = (double)luaL_checkinteger(L, 4);
    else {
      v = luaL_checknumber(L, 4);
      if (!isfinite(v)) dc_lua_error(L, "measure '%s': scale must be a finite number, not %f", mname, v);
    }
    dc_plan_remove_input(p, &sl);
    if (dc_plan_set_field(p, &sl, NULL, v)) dc_lua_error(L, "%s", dc_plan_error(p));
    lua_settop(L, 1);
    return 1;
  }
  dc_dims d;
  if (sl.obj == DC_OBJ_MEASURE && strcmp(field, "abates") == 0 && !luaL_testudata(L, 4, DC_SERIES_TYPE)) {
    /* a constant abatement */
    dc_lua_checkqty(L, 4, &v, &d, NULL);
    if (!isfinite(v)) dc_lua_error(L, "measure '%s': abates must be a finite value, not %f", mname, v);
    if (!dc_dims_eq(d, want)) dc_lua_error(L, "measure '%s': abates must be in the plan's emission units", mname);
    dc_plan_remove_input(p, &sl);
    if (dc_plan_set_param(p, sl.index, DC_PARAM_ABATES, v)) dc_lua_error(L, "%s", dc_plan_error(p));
    lua_settop(L, 1);
    return 1;
  }
  if (sl.field == DC_FIELD_SHARE) { /* a switch's share: one fraction ("40 %", 0.4), checked by the core */
    if (!dc_lua_toqty(L, 4, &v, &d, NULL) || !dc_dims_none(d) || !isfinite(v))
      dc_lua_error(L, "p:set: measure '%s': share must be a percentage such as \"40 %%\" or a fraction such as 0.4",
                   mname);
    dc_plan_remove_input(p, &sl);
    if (dc_plan_set_field(p, &sl, NULL, v)) dc_lua_error(L, "%s", dc_plan_error(p));
    lua_settop(L, 1);
    return 1;
  }
  double buf[1000];
  char lbl[200];
  dc_plan_slot_label(p, &sl, lbl, sizeof lbl);
  if (!dc_lua_toseries(L, 4, y0, y1, buf, &d, NULL))
    dc_lua_error(L, "p:set: %s must be a series or a quantity, not a %s", lbl, luaL_typename(L, 4));
  if (!dc_dims_eq(d, want)) {
    char got[64], need[64];
    dc_dims_name(d, got, sizeof got);
    dc_dims_name(want, need, sizeof need);
    dc_lua_error(L, "p:set: %s must be %s, not %s", lbl, need, got);
  }
  dc_plan_remove_input(p, &sl);
  if (dc_plan_set_field(p, &sl, buf, 0)) dc_lua_error(L, "%s", dc_plan_error(p));
  lua_settop(L, 1);
  return 1;
}

/* Refuses a field of the options table at 2 that is not in known (NULL
 * ended); `what` and `list` for the message. */
static void check_options(lua_State *L, const char *what, const char *const *known, const char *list) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (int i = 0; known[i]; i++) {
    if (i) luaL_addstring(&b, ", ");
    luaL_addstring(&b, known[i]);
  }
  luaL_pushresult(&b); /* stack: fields */
  if (!dc_lua_unknown_field(L, 2, lua_tostring(L, -1), 0)) {
    lua_pop(L, 1);
    return;
  }
  /* stack: fields, key */
  dc_lua_error(L, "%s{...}: unknown field %s (fields: %s)", what,
               lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, -1), list);
}

/* The run and the buffers of p:montecarlo while it builds its table: a
 * userdata whose __gc frees them, so that a memory error (or any error)
 * while the table is built leaks nothing. */
typedef struct mc_box {
  dc_mc *mc;
  double *rho;
  size_t *order;
  unsigned char *ok;
} mc_box;

static void mc_box_clear(mc_box *b) {
  dc_mc_free(b->mc);
  free(b->rho);
  free(b->order);
  free(b->ok);
  memset(b, 0, sizeof *b);
}

static int mc_box_gc(lua_State *L) {
  mc_box_clear(lua_touserdata(L, 1));
  return 0;
}

/* the options n, seed and first of p:montecarlo{...} (table at 2), checked */
static void mc_options(lua_State *L, uint64_t *n, uint64_t *seed, uint64_t *first) {
  static const char *const known[] = {"n", "seed", "first", "scenario", NULL};
  check_options(L, "p:montecarlo", known, "n, seed, first, scenario");
  lua_getfield(L, 2, "n");
  lua_getfield(L, 2, "seed");
  lua_getfield(L, 2, "first");
  if (!lua_isinteger(L, -3) || lua_tointeger(L, -3) < 1)
    dc_lua_error(L, "p:montecarlo{...}: n = must be a whole number of samples >= 1");
  if (!lua_isnil(L, -2) && (!lua_isinteger(L, -2) || lua_tointeger(L, -2) < 0))
    dc_lua_error(L, "p:montecarlo{...}: seed = must be a whole number >= 0");
  if (!lua_isnil(L, -1) && (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 0))
    dc_lua_error(L, "p:montecarlo{...}: first = must be a whole number >= 0");
  *n = (uint64_t)lua_tointeger(L, -3);
  *seed = lua_isnil(L, -2) ? DC_MC_DEFAULT_SEED : (uint64_t)lua_tointeger(L, -2);
  *first = lua_isnil(L, -1) ? 0 : (uint64_t)lua_tointeger(L, -1);
  lua_pop(L, 3);
}

/* a new empty mc_box on the stack, with its finalizer */
static mc_box *mc_box_push(lua_State *L) {
  mc_box *box = lua_newuserdatauv(L, sizeof *box, 0);
  memset(box, 0, sizeof *box);
  if (luaL_newmetatable(L, "decarb.MonteCarloRun")) {
    lua_pushcfunction(L, mc_box_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  return box;
}

/* the drivers of target t (most influential first) as a new table */
static void push_mc_drivers(lua_State *L, const mc_box *box, size_t t) {
  const dc_mc *mc = box->mc;
  size_t k = mc->ninputs;
  lua_newtable(L);
  const double *rho = box->rho + t * k;
  if (k && box->ok[t] && dc_stats_order_drivers(rho, k, box->order) == 0)
    for (size_t j = 0, d = 0; j < k; j++) {
      size_t o = box->order[j];
      if (isnan(rho[o])) continue;
      lua_createtable(L, 0, 2);
      lua_pushstring(L, mc->inputs[o]);
      lua_setfield(L, -2, "input");
      lua_pushnumber(L, rho[o]);
      lua_setfield(L, -2, "rho");
      lua_rawseti(L, -2, (lua_Integer)++d);
    }
}

/* target t of the run in box as a new table: name, odds, tally, drivers */
static void push_mc_target(lua_State *L, const dc_plan *p, const mc_box *box, size_t t) {
  const dc_mc *mc = box->mc;
  dc_plan_target_info ti;
  double pm, lo, hi;
  lua_createtable(L, 0, 6);
  dc_plan_target_at(p, (int)t, &ti); /* read just before its name is pushed (no call into Lua between) */
  lua_pushstring(L, ti.name);
  lua_setfield(L, -2, "name");
  if (dc_mc_p_met(mc, t, &pm, &lo, &hi) == 0) {
    lua_pushnumber(L, pm);
    lua_setfield(L, -2, "p_met");
    lua_createtable(L, 2, 0);
    lua_pushnumber(L, lo);
    lua_rawseti(L, -2, 1);
    lua_pushnumber(L, hi);
    lua_rawseti(L, -2, 2);
    lua_setfield(L, -2, "p_met_ci");
  }
  lua_pushinteger(L, (lua_Integer)mc->tally[t].met);
  lua_setfield(L, -2, "met");
  lua_pushinteger(L, (lua_Integer)mc->tally[t].n);
  lua_setfield(L, -2, "samples");
  push_mc_drivers(L, box, t);
  lua_setfield(L, -2, "drivers");
}

/* quantiles[metric][year] = {p5, p25, p50, p75, p95} as quantities, of
   the metrics the run kept (the emissions and those the targets judge), as a new table */
static void push_mc_quantiles(lua_State *L, const dc_plan *p, const dc_mc *mc) {
  lua_newtable(L);
  for (size_t m = 0; m < mc->nmetrics; m++) {
    dc_plan_metric_info mi;
    if (dc_plan_metric_at(p, (int)m, &mi) != 0 || !mc->mok[m]) continue;
    dc_display disp = *mi.disp;
    dc_dims dims = mi.dims;
    lua_pushstring(L, mi.name); /* before anything can call back into Lua */
    lua_createtable(L, 0, (int)mc->ny);
    for (size_t y = 0; y < mc->ny; y++) {
      double q[DC_MC_NQ];
      if (dc_mc_quantiles(mc, m, y, q) != 0) continue;
      lua_createtable(L, DC_MC_NQ, 0);
      for (int i = 0; i < DC_MC_NQ; i++) {
        dc_lua_pushqty(L, q[i], dims, &disp);
        lua_rawseti(L, -2, i + 1);
      }
      lua_rawseti(L, -2, (lua_Integer)mc->y0 + (lua_Integer)y);
    }
    lua_rawset(L, -3);
  }
}

/* p:montecarlo{ n = N, seed = S [, first = A] [, scenario = NAME] } */
static int plan_montecarlo(lua_State *L) {
  dc_plan *p = dc_plan_lua__check(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  uint64_t n, seed, first;
  mc_options(L, &n, &seed, &first);
  lua_getfield(L, 2, "scenario");
  int s = dc_plan_lua__scenario(L, 1, lua_gettop(L));
  lua_pop(L, 1);
  /* the box first, with its finalizer: nothing is owned yet if making it
     fails; from the run on, everything is in it */
  mc_box *box = mc_box_push(L);
  int boxi = lua_gettop(L);
  box->mc = dc_lua_plan_montecarlo(L, 1, s, seed, first, first + n);
  dc_mc *mc = box->mc;
  size_t k = mc->ninputs, nt = mc->ntargets;
  box->rho = malloc((k && nt ? k * nt : 1) * sizeof *box->rho);
  box->order = malloc((k ? k : 1) * sizeof *box->order);
  box->ok = calloc(nt ? nt : 1, 1);
  if (!box->rho || !box->order || !box->ok || (k && nt && dc_mc_drivers_all(mc, box->rho, box->ok) != 0)) {
    mc_box_clear(box);
    return dc_lua_memerror(L);
  }
  /* the table is built from mc alone (the plan is not read meanwhile; a
     finalizer that runs while pushing cannot reach mc) */
  lua_createtable(L, 0, 5);
  lua_pushinteger(L, (lua_Integer)mc->ns);
  lua_setfield(L, -2, "samples");
  lua_pushinteger(L, (lua_Integer)mc->seed);
  lua_setfield(L, -2, "seed");
  lua_pushinteger(L, (lua_Integer)mc->first);
  lua_setfield(L, -2, "first");
  lua_createtable(L, (int)k, 0);
  for (size_t j = 0; j < k; j++) {
    lua_pushstring(L, mc->inputs[j]);
    lua_rawseti(L, -2, (lua_Integer)j + 1);
  }
  lua_setfield(L, -2, "inputs");
  lua_createtable(L, (int)nt, 0);
  for (size_t t = 0; t < nt; t++) {
    push_mc_target(L, p, box, t);
    lua_rawseti(L, -2, (lua_Integer)t + 1);
  }
  lua_setfield(L, -2, "targets");
  push_mc_quantiles(L, p, mc);
  lua_setfield(L, -2, "quantiles");
  mc_box_clear(box);
  lua_remove(L, boxi);
  return 1;
}

/* p:seek{ target = NAME, vary = MEASURE [, field = F] [, lo =, hi =] [, scenario = S] }
 * -> the value and the answer as a sentence, or nil and the reason */
static int plan_seek(lua_State *L) {
  dc_plan *p = dc_plan_lua__check(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  static const char *const known[] = {"target", "vary", "field", "lo", "hi", "scenario", NULL};
  check_options(L, "p:seek", known, "target, vary, field, lo, hi, scenario");
  lua_getfield(L, 2, "target");
  lua_getfield(L, 2, "vary");
  lua_getfield(L, 2, "field");
  if (lua_type(L, -3) != LUA_TSTRING) dc_lua_error(L, "p:seek{...}: target = must name a target of the plan");
  if (lua_type(L, -2) != LUA_TSTRING) dc_lua_error(L, "p:seek{...}: vary = must name a measure (or a sector or technology)");
  if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING) dc_lua_error(L, "p:seek{...}: field = must be a string");
  const char *tname = lua_tostring(L, -3), *vary = lua_tostring(L, -2);
  const char *field = lua_isnil(L, -1) ? "scale" : lua_tostring(L, -1);
  lua_getfield(L, 2, "scenario");
  int s = dc_plan_lua__scenario(L, 1, lua_gettop(L));
  dc_plan_seek_spec sp;
  memset(&sp, 0, sizeof sp);
  sp.scenario = s;
  sp.target = dc_plan_find_target(p, tname);
  if (sp.target < 0) dc_lua_error(L, "p:seek{...}: plan '%s' has no target '%s'", dc_plan_name(p), tname);
  dc_plan_lua__slot(L, p, vary, field, s, &sp.slot, "p:seek{...}");
  int years = sp.slot.field <= DC_FIELD_STOP && sp.slot.obj == DC_OBJ_MEASURE;
  sp.lo = years ? dc_plan_y0(p) : 0;
  sp.hi = years ? dc_plan_y1(p) : 10;
  lua_getfield(L, 2, "lo");
  lua_getfield(L, 2, "hi");
  if (!lua_isnil(L, -2)) {
    if (!lua_isnumber(L, -2)) dc_lua_error(L, "p:seek{...}: lo = must be a number");
    sp.lo = lua_tonumber(L, -2);
  }
  if (!lua_isnil(L, -1)) {
    if (!lua_isnumber(L, -1)) dc_lua_error(L, "p:seek{...}: hi = must be a number");
    sp.hi = lua_tonumber(L, -1);
  }
  if (!(isfinite(sp.lo) && isfinite(sp.hi) && sp.lo < sp.hi))
    dc_lua_error(L, "p:seek{...}: the range must have lo < hi, both finite numbers");
  dc_plan_seek_out out;
  dc_seek_status st = dc_lua_plan_seek(L, 1, &sp, &out);
  char txt[700];
  dc_plan_seek_text(p, &sp, &out, txt, sizeof txt);
  if (st == DC_SEEK_FOUND || st == DC_SEEK_ALWAYS_MET) {
    if (years) lua_pushinteger(L, (lua_Integer)out.res.x);
    else lua_pushnumber(L, out.res.x);
  } else
    lua_pushnil(L);
  lua_pushstring(L, txt);
  return 2;
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
    {"montecarlo", plan_montecarlo}, {"seek", plan_seek},
    {NULL, NULL}};
