/* plan_lua.c — the Lua binding of the plan engine: global `plan`, type
 * "decarb.Plan", and its building methods (p:sector ... p:scenario). It only
 * reads script tables (series and quantities through series_lua /
 * units_lua) and calls the core in plan.c; evaluation and target checking
 * stay in C. The methods that read results are in plan_lua_read.c. */
#include "plan_lua.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dc_lua.h"
#include "fmt.h"
#include "plan_lua_int.h"
#include "random.h"
#include "series_lua.h"
#include "uncertain_lua.h"
#include "units_lua.h"

typedef struct plan_ud {
  dc_plan *p;
} plan_ud;

#define MAXYEARS 1000

/* ===================================================================== */
/* helpers                                                                */
/* ===================================================================== */

static plan_ud *checkplan(lua_State *L, int idx) {
  plan_ud *u = luaL_checkudata(L, idx, DC_PLAN_TYPE);
  if (!u->p) dc_lua_error(L, "this plan is closed");
  return u;
}

dc_plan *dc_plan_lua__check(lua_State *L, int idx) { return checkplan(L, idx)->p; }

dc_plan *dc_lua_toplan(lua_State *L, int idx) {
  plan_ud *u = luaL_testudata(L, idx, DC_PLAN_TYPE);
  return u ? u->p : NULL;
}

/* Sets every field of the table at `from` in the table at `to` (raw). */
static void copy_fields(lua_State *L, int from, int to) {
  lua_pushnil(L); /* stack: key */
  while (lua_next(L, from)) {
    lua_pushvalue(L, -2); /* stack: key, value, key */
    lua_insert(L, -2);    /* stack: key, key, value */
    lua_rawset(L, to);    /* stack: key */
  }
}

/* Replaces the table at idx by a raw copy without a metatable. A
 * constructor reads only such copies: no __index of the script's table can
 * run while it reads, and the strings it keeps pointers to stay anchored in
 * a table the script cannot reach (changing its own table then does not
 * free them). */
static void raw_copy(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  lua_newtable(L); /* stack: copy */
  copy_fields(L, idx, lua_gettop(L));
  lua_replace(L, idx); /* stack: - */
}

/* The constructors p:KIND{ NAME, ... } (and plan{...}): how the messages
 * call them, the example shown when the name is missing, the named fields
 * each takes, and its positional values (npos: integer keys 1..npos, the
 * name first; -1: any integer, the [YEAR] = value points of p:capacity).
 * A new field: add it to the list here, then read it in the constructor. */
typedef struct plan_ctor {
  const char *who, *example, *fields;
  int npos;
} plan_ctor;
enum { C_PLAN, C_SECTOR, C_CAPACITY, C_METRIC, C_MEASURE, C_TARGET, C_SCENARIO };
static const plan_ctor ctors[] = {
    /* the energy fields (primary ... factors; energy ... gas; fossil; fuel, switch): plan_lua_energy.c */
    [C_PLAN] = {"plan", "plan{ \"My city\", years = {2020, 2035} }",
                "region, years, source, primary, gwp, grid, heat_factor, imports, imports_nonfossil, factors", 1},
    [C_SECTOR] = {"p:sector", "p:sector{ \"buildings\", emissions = \"1.2 MtCO2e/yr\" }",
                  "emissions, activity, factor, source, energy, intensity, power, grid, gas", 1},
    [C_CAPACITY] = {"p:capacity", "p:capacity{ \"PV\", [2020] = \"600 MW\" }", "capacity, hours, source, fossil",
                    -1},
    [C_METRIC] = {"p:metric", "p:metric{ \"GDP\", series{...} }", "diff, unit, source", 2},
    [C_MEASURE] = {"p:measure", "p:measure{ \"Retrofit\", sector = \"buildings\", abates = \"9428 tCO2e/yr\" }",
                   "sector, abates, saves, factor, adds, hours, displaces, year, start, full, stop, source, fuel, "
                   "switch",
                   1},
    [C_TARGET] = {"p:target", "p:target{ \"Peak by 2030\", peak_by = 2030 }",
                  "at_most, at_least, by, every_year_after, metric, per, reduce, from, vs, share, of, peak_by, "
                  "tolerance, net_zero, budget, over, source",
                  1},
    [C_SCENARIO] = {"p:scenario", "p:scenario{ \"fast\", drop = {\"Retrofit\"} }", "add, drop, change, source", 1},
};

/* Refuses fields a constructor does not know: a typo must not pass silently. */
static void check_fields(lua_State *L, int t, const plan_ctor *c) {
  if (!dc_lua_unknown_field(L, t, c->fields, c->npos)) return;
  /* stack: key */
  if (lua_type(L, -1) != LUA_TSTRING) dc_lua_error(L, "%s{...}: unexpected entry [%s]", c->who, luaL_typename(L, -1));
  char kwhat[64];
  snprintf(kwhat, sizeof kwhat, "%s{...}: a field's name", c->who);
  const char *k = dc_lua_check_name(L, -1, kwhat);
  dc_lua_error(L, "%s{...}: unknown field '%s' (fields: %s)", c->who, k, c->fields);
}

static const char *get_name(lua_State *L, int t, const char *what, const char *example) {
  lua_rawgeti(L, t, 1); /* stack: name */
  if (lua_type(L, -1) != LUA_TSTRING || lua_rawlen(L, -1) == 0)
    dc_lua_error(L, "%s needs a name first: %s", what, example);
  char nwhat[64];
  snprintf(nwhat, sizeof nwhat, "%s: its name", what);
  const char *s = dc_lua_check_name(L, -1, nwhat);
  lua_pop(L, 1); /* the string stays alive in the table */
  return s;
}

static const char *opt_string(lua_State *L, int t, const char *key, const char *what) {
  const char *s;
  if (dc_lua_get_opt_string(L, t, key, &s) < 0) /* stack: value */
    dc_lua_error(L, "%s: %s must be a string", what, key);
  if (s) {
    char kwhat[160];
    snprintf(kwhat, sizeof kwhat, "'%s': %s", what, key);
    dc_lua_check_name(L, -1, kwhat);
  }
  lua_pop(L, 1); /* the string stays alive in the table */
  return s;
}

/* The uncertain values a constructor met, noted until the object they
 * belong to exists (its index is then known). The group names stay
 * anchored in the uncertain values, which the constructor's raw copy of its
 * table holds. */
#define MAXPENDING 64
typedef struct pending_t {
  dc_plan_slot slot;
  dc_uncertain u;
  const char *group;
} pending_t;
typedef struct pendings {
  pending_t v[MAXPENDING];
  int n;
} pendings;

/* If the value at idx is uncertain{...}: noted for (field, sub) and 1. */
static int note_uncertain(lua_State *L, int idx, pendings *pu, enum dc_field field, int sub,
                          const char *what, const char *key, dc_uncertain *u) {
  if (!dc_lua_touncertain(L, idx, u)) return 0;
  if (!pu) dc_lua_error(L, "'%s': %s cannot be uncertain{...} (give a plain value)", what, key);
  if (pu->n == MAXPENDING) dc_lua_error(L, "'%s': more than %d uncertain values in one definition", what, MAXPENDING);
  pending_t *e = &pu->v[pu->n++];
  memset(e, 0, sizeof *e);
  e->slot.field = field;
  e->slot.sub = sub;
  e->u = *u;
  e->group = dc_lua_uncertain_group(L, idx);
  return 1;
}

/* Gives the noted uncertain values to object `index` of kind obj. */
static void add_pending(lua_State *L, dc_plan *p, pendings *pu, enum dc_obj obj, int index);

/* The years a plan's fields may name (the plan's own span is checked by
 * the core): integers only, as 2030; not 2030.0, not "2030". */
#define YEAR_LO (-100000)
#define YEAR_HI 100000
static int to_year(lua_State *L, int idx, lua_Integer *y) { return dc_lua_to_year(L, idx, 1, YEAR_LO, YEAR_HI, y); }

/* A year field that may be uncertain{...} (its CENTRAL a whole year, no
 * unit), noted in pu as field. */
static int opt_year_u(lua_State *L, int t, const char *key, const char *what, pendings *pu, enum dc_field field) {
  lua_getfield(L, t, key);
  int y = DC_PLAN_NOYEAR;
  dc_uncertain u;
  if (!lua_isnil(L, -1) && pu && dc_lua_touncertain(L, -1, &u)) {
    double c = u.dist.central;
    if (!dc_dims_none(u.dims) || c != floor(c) || c < YEAR_LO || c > YEAR_HI)
      dc_lua_error(L, "measure '%s': %s = uncertain{...} must have a year (a whole number such as 2030) as CENTRAL",
                   what, key);
    note_uncertain(L, -1, pu, field, 0, what, key, &u);
    lua_pop(L, 1);
    return (int)c;
  }
  lua_Integer v;
  if (!lua_isnil(L, -1)) switch (to_year(L, -1, &v)) {
    case DC_LUA_YEAR_NOT: dc_lua_error(L, "%s: %s must be a year (an integer such as 2030)", what, key); break;
    case DC_LUA_YEAR_RANGE: dc_lua_error(L, "%s: %s = %d is not a year", what, key, (int)v); break;
    default: y = (int)v;
    }
  lua_pop(L, 1);
  return y;
}

static int opt_year(lua_State *L, int t, const char *key, const char *what) {
  return opt_year_u(L, t, key, what, NULL, DC_FIELD_START);
}

/* Field `key` of the table at t as {FIRST, LAST}, two integer years; 1 if
 * it is one (*a, *b set), else 0. Stack unchanged. */
static int year_pair(lua_State *L, int t, const char *key, int *a, int *b) {
  lua_getfield(L, t, key);
  int ok = lua_istable(L, -1);
  if (ok) {
    lua_rawgeti(L, -1, 1);
    lua_rawgeti(L, -2, 2); /* stack: pair, first, last */
    lua_Integer ya, yb;
    ok = to_year(L, -2, &ya) == DC_LUA_YEAR_OK && to_year(L, -1, &yb) == DC_LUA_YEAR_OK;
    if (ok) {
      *a = (int)ya;
      *b = (int)yb;
    }
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  return ok;
}

/* NaN and infinities are refused where they enter a plan. */
static void check_finite(lua_State *L, const dc_plan *p, const double *v, const char *what, const char *key) {
  int n = dc_plan_y1(p) - dc_plan_y0(p) + 1;
  for (int i = 0; i < n; i++)
    if (!isfinite(v[i]))
      dc_lua_error(L, "'%s': %s: %s in %d; give a finite value for every year of the plan", what, key,
                   isnan(v[i]) ? "not a number (NaN)" : "infinite", dc_plan_y0(p) + i);
}

static void check_finite1(lua_State *L, double v, const char *what, const char *key) {
  if (!isfinite(v))
    dc_lua_error(L, "target '%s': %s is %s; give a finite value", what, key,
                 isnan(v) ? "not a number (NaN)" : "infinite");
}


/* A series-like field (Series, quantity, number, unit string, or an
 * uncertain{...} quantity: its CENTRAL in every year, noted in pu as
 * (field, sub)) over the plan's years into out; 0 when absent. */
static int get_series_u(lua_State *L, int t, const char *key, const dc_plan *p, double *out,
                        dc_dims *dims, dc_display *disp, const char *what, pendings *pu,
                        enum dc_field field, int sub) {
  lua_getfield(L, t, key);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    return 0;
  }
  dc_uncertain u;
  if (note_uncertain(L, -1, pu, field, sub, what, key, &u)) {
    int n = dc_plan_y1(p) - dc_plan_y0(p) + 1;
    for (int i = 0; i < n; i++) out[i] = u.dist.central;
    *dims = u.dims;
    if (disp) *disp = u.disp;
  } else if (!dc_lua_toseries(L, -1, dc_plan_y0(p), dc_plan_y1(p), out, dims, disp))
    dc_lua_error(L, "%s: %s must be a series or a quantity (such as \"9428 tCO2e/yr\"), not a %s",
                 what, key, luaL_typename(L, -1));
  lua_pop(L, 1);
  check_finite(L, p, out, what, key);
  return 1;
}

/* A fraction: "20 %", 0.2; raises on anything else. A plain number above
 * 1, or a string without "%" above 1, is a forgotten "%". The value must
 * lie in [0, 1] (or (0, 1] with open_low). */
static double get_fraction(lua_State *L, int idx, const char *what, const char *key, int open_low) {
  double si;
  dc_dims d;
  dc_display disp;
  memset(&disp, 0, sizeof disp);
  if (!dc_lua_toqty(L, idx, &si, &d, &disp) || !dc_dims_none(d))
    dc_lua_error(L, "target '%s': %s must be a percentage such as \"20 %%\"", what, key);
  check_finite1(L, si, what, key);
  int pct = strchr(disp.label, '%') != NULL;
  char num[64];
  dc_fmt_number(num, sizeof num, si, 0);
  if (!pct && fabs(si) > 1)
    dc_lua_error(L, "target '%s': %s = %s is read as a fraction; write \"%s %%\" for a percentage "
                 "(a fraction lies in [0, 1])", what, key, num, num);
  char shown[64];
  dc_fmt_number(shown, sizeof shown, pct ? si * 100 : si, 0);
  if (si < 0 || (open_low && si == 0) || si > 1)
    dc_lua_error(L, "target '%s': %s = %s%s is outside %s0 %%, 100 %%] (give a fraction in %s0, 1] or a "
                 "percentage such as \"20 %%\")", what, key, shown, pct ? " %" : "", open_low ? "(" : "[",
                 open_low ? "(" : "[");
  return si;
}

static void core_fail(lua_State *L, const dc_plan *p) {
  if (dc_plan_out_of_memory(p)) dc_lua_memerror(L);
  dc_lua_error(L, "%s", dc_plan_error(p));
}

static void add_pending(lua_State *L, dc_plan *p, pendings *pu, enum dc_obj obj, int index) {
  for (int k = 0; k < pu->n; k++) {
    dc_plan_input in;
    memset(&in, 0, sizeof in);
    in.slot = pu->v[k].slot;
    in.slot.obj = obj;
    in.slot.index = index;
    in.dist = pu->v[k].u.dist;
    in.has_group = pu->v[k].u.has_group;
    in.stream = pu->v[k].u.stream;
    in.group = pu->v[k].group;
    if (dc_plan_add_input(p, &in) < 0) core_fail(L, p);
  }
  pu->n = 0;
}

/* stack effect: pushes the plan's uservalue field `key` (a table) */
static void uv_field(lua_State *L, int ud, const char *key) {
  lua_getiuservalue(L, ud, 1); /* stack: uv */
  lua_getfield(L, -1, key);    /* stack: uv, uv[key] */
  lua_remove(L, -2);           /* stack: uv[key] */
}

/* Stores a function in the plan's fns table; returns its ref. */
static int keep_fn(lua_State *L, int ud, int fidx, const char *name, int metric) {
  fidx = lua_absindex(L, fidx);
  uv_field(L, ud, "fns"); /* stack: fns */
  int ref = (int)lua_rawlen(L, -1) + 1;
  lua_createtable(L, 0, 3); /* stack: fns, entry */
  lua_pushvalue(L, fidx);
  lua_setfield(L, -2, "f");
  lua_pushfstring(L, "%s '%s'", metric >= 0 ? "metric" : "measure", name);
  lua_setfield(L, -2, "name");
  if (metric >= 0) {
    lua_pushinteger(L, metric);
    lua_setfield(L, -2, "metric");
  }
  lua_rawseti(L, -2, ref); /* stack: fns */
  lua_pop(L, 1);
  return ref;
}

/* ===================================================================== */
/* evaluation (function measures and metrics call back here)              */
/* ===================================================================== */

typedef struct cbctx {
  lua_State *L;
  int ud;
} cbctx;

static int fn_error(lua_State *L, int fidx, const char *fmt, const char *a, int year, const char *b) {
  lua_Debug ar;
  lua_pushvalue(L, fidx);
  lua_getinfo(L, ">S", &ar);
  lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.linedefined);
  lua_pushfstring(L, fmt, a, year, b);
  lua_concat(L, 2);
  return lua_error(L);
}

/* __index of the values a function metric gets: a metric that is not there
 * is an error naming it, not a nil that fails later. Upvalue: the plan. */
static int values_index(lua_State *L) {
  dc_plan *p = dc_lua_toplan(L, lua_upvalueindex(1));
  if (lua_type(L, 2) != LUA_TSTRING || !p) return 0;
  const char *k = dc_lua_check_name(L, 2, "the metric's name");
  if (dc_plan_find_metric(p, k) >= 0)
    return dc_lua_error(L, "metric '%s' is not available here: a function metric sees only the metrics "
                           "defined before it (define '%s' earlier)", k, k);
  const char *best = NULL;
  int bd = 3;
  for (size_t i = 0; i < dc_plan_nmetrics(p); i++) {
    dc_plan_metric_info mi;
    dc_plan_metric_at(p, (int)i, &mi);
    int d = dc_lua_edit_distance(k, mi.name);
    if (d < bd) bd = d, best = mi.name;
  }
  if (best) return dc_lua_error(L, "metric '%s' does not exist (did you mean '%s'?)", k, best);
  return dc_lua_error(L, "metric '%s' does not exist in plan '%s'", k, dc_plan_name(p));
}

static int lua_cb(void *vctx, const dc_plan *p, int s, int ref, int year, double *out, dc_dims *dims) {
  cbctx *c = vctx;
  lua_State *L = c->L;
  luaL_checkstack(L, 8, "plan evaluation");
  uv_field(L, c->ud, "fns");
  lua_rawgeti(L, -1, ref); /* stack: fns, entry */
  lua_getfield(L, -1, "f");
  int fidx = lua_gettop(L);
  lua_getfield(L, -2, "name");
  const char *name = lua_tostring(L, -1);
  lua_getfield(L, -3, "metric");
  int metric = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : -1;
  lua_pop(L, 1); /* stack: fns, entry, f, name */
  lua_pushvalue(L, fidx);
  lua_pushinteger(L, year); /* stack: fns, entry, f, name, f, year */
  int nargs = 1;
  if (metric >= 0) {
    /* the values of every earlier metric in this year, as quantities */
    lua_createtable(L, 0, metric);
    for (int i = 0; i < metric; i++) {
      dc_plan_metric_info mi;
      const double *v = dc_plan_values(p, s, i);
      if (dc_plan_metric_at(p, i, &mi) != 0 || !v) continue;
      dc_lua_pushqty(L, v[year - dc_plan_y0(p)], mi.dims, mi.disp);
      lua_setfield(L, -2, mi.name);
    }
    uv_field(L, c->ud, "vmeta");
    lua_setmetatable(L, -2); /* stack: fns, entry, f, name, f, year, values */
    nargs = 2;
  }
  lua_call(L, nargs, 1); /* stack: fns, entry, f, name, result */
  double si;
  dc_dims d;
  if (lua_isnil(L, -1) || !dc_lua_toqty(L, -1, &si, &d, NULL))
    fn_error(L, fidx, "%s: its function returned nothing usable for %d (%s)", name, year,
             "return a quantity such as \"100 tCO2e/yr\"");
  if (!dc_dims_eq(d, *dims)) {
    char got[64], want[64];
    dc_dims_name(d, got, sizeof got);
    dc_dims_name(*dims, want, sizeof want);
    lua_pushfstring(L, "%s, but %s is needed", got, want);
    fn_error(L, fidx, "%s: its function returned a value in %d in the wrong units: %s", name, year,
             lua_tostring(L, -1));
  }
  if (!isfinite(si))
    fn_error(L, fidx, "%s: its function returned for %d a value that is %s (return a finite quantity)", name, year,
             isnan(si) ? "NaN" : "an infinite value");
  *out = si;
  lua_pop(L, 5); /* stack: - */
  return 0;
}

/* Prints each over-abatement warning of scenario s once per plan. */
static void warn_new(lua_State *L, int ud, const dc_plan *p, int s) {
  size_t nw = dc_plan_nwarnings(p, s);
  if (!nw) return;
  int quiet = lua_getfield(L, LUA_REGISTRYINDEX, DC_REG_QUIET_WARNINGS) != LUA_TNIL && lua_toboolean(L, -1);
  lua_pop(L, 1);
  if (quiet) return; /* the report prints them */
  uv_field(L, ud, "warned"); /* stack: warned */
  for (size_t i = 0; i < nw; i++) {
    char txt[400];
    dc_plan_warning_text(p, s, i, txt, sizeof txt);
    if (lua_getfield(L, -1, txt) == LUA_TNIL) { /* stack: warned, seen */
      fprintf(stderr, "warning: %s\n", txt);
      fflush(stderr);
      lua_pushboolean(L, 1);
      lua_setfield(L, -3, txt);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* Runs the evaluation inside a pcall: an error raised by a function the
 * engine runs (and perhaps caught by a pcall in the script) must leave the
 * plan usable, so the busy depth is given back before the error goes on.
 * (Not a to-be-closed guard: once a limit is reached, the host's hook fires
 * on every call, including a __close handler.) */
typedef struct eval_args {
  dc_plan *p;
  int s, rc;
} eval_args;

static int eval_protected(lua_State *L) {
  eval_args *a = lua_touserdata(L, 1);
  cbctx c = {L, 2};
  a->rc = dc_plan_evaluate(a->p, a->s, lua_cb, &c);
  return 0;
}

void dc_lua_plan_evaluate(lua_State *L, int idx, int s) {
  idx = lua_absindex(L, idx);
  plan_ud *u = checkplan(L, idx);
  dc_plan *p = u->p;
  eval_args a = {p, s, 0};
  int depth = dc_plan_busy(p);
  lua_pushcfunction(L, eval_protected);
  lua_pushlightuserdata(L, &a);
  lua_pushvalue(L, idx); /* stack: eval_protected, args, plan */
  int st = lua_pcall(L, 2, 0, 0); /* stack: [error] */
  if (st != LUA_OK) {
    dc_plan_set_busy(p, depth); /* the plan is usable again */
    if (st == LUA_ERRMEM) dc_lua_memerror(L);
    lua_error(L); /* the same error value goes on */
  }
  if (a.rc) {
    if (dc_plan_out_of_memory(p)) dc_lua_memerror(L);
    if (depth) dc_lua_error(L, "%s", dc_plan_error(p));
    dc_lua_error(L, "plan '%s': %s", dc_plan_name(p), dc_plan_error(p));
  }
  warn_new(L, idx, p, s);
}

typedef struct mc_args {
  dc_plan *p;
  dc_mc *mc;
  int rc;
  char err[400];
} mc_args;

static int mc_protected(lua_State *L) {
  mc_args *a = lua_touserdata(L, 1);
  cbctx c = {L, 2};
  a->rc = dc_mc_run(a->mc, a->p, lua_cb, &c, a->err, sizeof a->err);
  return 0;
}

dc_mc *dc_lua_plan_montecarlo(lua_State *L, int idx, int s, uint64_t seed, uint64_t first, uint64_t end) {
  idx = lua_absindex(L, idx);
  dc_plan *p = checkplan(L, idx)->p;
  if (dc_plan_busy(p))
    dc_lua_error(L, "cannot run a Monte Carlo of plan '%s' while it is being evaluated", dc_plan_name(p));
  mc_args a;
  memset(&a, 0, sizeof a);
  a.p = p;
  a.mc = dc_mc_begin(p, s, seed, first, end, a.err, sizeof a.err);
  if (!a.mc) {
    if (strncmp(a.err, "out of memory", 13) == 0) dc_lua_memerror(L);
    dc_lua_error(L, "plan '%s': %s", dc_plan_name(p), a.err);
  }
  lua_pushcfunction(L, mc_protected);
  lua_pushlightuserdata(L, &a);
  lua_pushvalue(L, idx);
  int st = lua_pcall(L, 2, 0, 0);
  dc_plan_set_busy(p, 0);
  dc_mc_end(a.mc, p); /* the central values again */
  if (st != LUA_OK || a.rc) {
    dc_mc_free(a.mc);
    if (st == LUA_ERRMEM) dc_lua_memerror(L);
    if (st != LUA_OK) lua_error(L);
    if (dc_plan_out_of_memory(p) || strstr(a.err, "out of memory")) dc_lua_memerror(L);
    dc_lua_error(L, "plan '%s': Monte Carlo %s", dc_plan_name(p), a.err);
  }
  return a.mc;
}

typedef struct seek_args {
  dc_plan *p;
  const dc_plan_seek_spec *sp;
  const dc_plan_seek_saved *sv;
  dc_plan_seek_out *out;
} seek_args;

static int seek_protected(lua_State *L) {
  seek_args *a = lua_touserdata(L, 1);
  cbctx c = {L, 2};
  dc_plan_seek(a->p, a->sp, a->sv, lua_cb, &c, a->out);
  return 0;
}

dc_seek_status dc_lua_plan_seek(lua_State *L, int idx, const dc_plan_seek_spec *sp, dc_plan_seek_out *out) {
  idx = lua_absindex(L, idx);
  dc_plan *p = checkplan(L, idx)->p;
  if (dc_plan_busy(p)) dc_lua_error(L, "cannot seek on plan '%s' while it is being evaluated", dc_plan_name(p));
  dc_plan_seek_saved *sv = lua_newuserdatauv(L, sizeof *sv, 0); /* 8 KB: not on the C stack */
  dc_plan_seek_save(p, sp, sv);
  seek_args a = {p, sp, sv, out};
  lua_pushcfunction(L, seek_protected);
  lua_pushlightuserdata(L, &a);
  lua_pushvalue(L, idx);
  int st = lua_pcall(L, 2, 0, 0);
  if (st != LUA_OK) {
    dc_plan_set_busy(p, 0);
    dc_plan_seek_restore(p, sp, sv);
    if (st == LUA_ERRMEM) dc_lua_memerror(L);
    lua_error(L);
  }
  lua_pop(L, 1); /* sv */
  if (out->res.status == DC_SEEK_FAILED) {
    if (dc_plan_out_of_memory(p)) dc_lua_memerror(L);
    dc_lua_error(L, "plan '%s': seek: %s", dc_plan_name(p), dc_plan_error(p));
  }
  return out->res.status;
}

int dc_plan_lua__scenario(lua_State *L, int ud, int idx) {
  dc_plan *p = checkplan(L, ud)->p;
  const char *name = luaL_optstring(L, idx, "plan");
  if (!lua_isnoneornil(L, idx)) name = dc_lua_check_name(L, idx, "the scenario's name");
  int s = dc_plan_find_scenario(p, name);
  if (s < 0) dc_lua_error(L, "plan '%s' has no scenario '%s'", dc_plan_name(p), name);
  if (!dc_plan_evaluated(p, s)) dc_lua_plan_evaluate(L, ud, s);
  return s;
}

/* ===================================================================== */
/* plan{...}                                                              */
/* ===================================================================== */

static int plan_new(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  raw_copy(L, 1);
  const char *ex = ctors[C_PLAN].example;
  const char *name = get_name(L, 1, "plan{...}", ex);
  check_fields(L, 1, &ctors[C_PLAN]);
  int y0 = 0, y1 = 0;
  int ok = year_pair(L, 1, "years", &y0, &y1) && y0 <= y1 && y1 - y0 < MAXYEARS;
  if (!ok) dc_lua_error(L, "plan '%s': years must be {FIRST, LAST} with FIRST <= LAST, at most %d years: %s",
                        name, MAXYEARS, ex);
  plan_ud *u = lua_newuserdatauv(L, sizeof *u, 1); /* stack: t, plan */
  u->p = NULL;
  luaL_setmetatable(L, DC_PLAN_TYPE);
  void *aud;
  lua_Alloc af = lua_getallocf(L, &aud);
  u->p = dc_plan_new_alloc(name, y0, y1, af, aud);
  if (!u->p) return dc_lua_memerror(L);
  if (dc_plan_set_info(u->p, opt_string(L, 1, "region", "plan"), opt_string(L, 1, "source", "plan")))
    core_fail(L, u->p);
  dc_plan_lua__energy_plan(L, u->p, 1);
  dc_unit yr;
  dc_units_error err;
  if (dc_units_parse("yr", &yr, &err) == 0) dc_plan_set_year_seconds(u->p, yr.scale);
  lua_createtable(L, 0, 3); /* stack: t, plan, uv */
  lua_newtable(L);
  lua_setfield(L, -2, "fns");
  lua_newtable(L);
  lua_setfield(L, -2, "specs");
  lua_newtable(L);
  lua_setfield(L, -2, "warned");
  lua_createtable(L, 0, 2); /* stack: t, plan, uv, vmeta */
  lua_pushvalue(L, -3);
  lua_pushcclosure(L, values_index, 1);
  lua_setfield(L, -2, "__index");
  lua_setfield(L, -2, "vmeta");
  lua_setiuservalue(L, -2, 1); /* stack: t, plan */
  /* every plan is listed, so that `decarb check` finds it */
  if (lua_getfield(L, LUA_REGISTRYINDEX, DC_REG_PLANS) != LUA_TTABLE) { /* stack: t, plan, plans */
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, DC_REG_PLANS);
  }
  lua_pushvalue(L, -2);
  lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
  lua_pop(L, 1); /* stack: t, plan */
  return 1;
}

static int plan_gc(lua_State *L) {
  plan_ud *u = luaL_checkudata(L, 1, DC_PLAN_TYPE);
  dc_plan_free(u->p);
  u->p = NULL;
  return 0;
}

/* ===================================================================== */
/* p:sector, p:capacity, p:metric                                         */
/* ===================================================================== */

/* The start of every p:KIND{ NAME, ... }: the plan (argument 1), the table's
 * name in *name (the table is argument 2), and no unknown field in it. */
static dc_plan *ctor_args(lua_State *L, const plan_ctor *c, const char **name) {
  dc_plan *p = checkplan(L, 1)->p;
  luaL_checktype(L, 2, LUA_TTABLE);
  raw_copy(L, 2);
  char call[40];
  snprintf(call, sizeof call, "%s{...}", c->who);
  *name = get_name(L, 2, call, c->example);
  check_fields(L, 2, c);
  return p;
}

static int plan_sector(lua_State *L) {
  const char *name;
  dc_plan *p = ctor_args(L, &ctors[C_SECTOR], &name);
  if (dc_plan_lua__energy_sector(L, p, 2, name, opt_string(L, 2, "source", name)) >= 0) return lua_settop(L, 1), 1;
  double e[MAXYEARS], act[MAXYEARS], fac[MAXYEARS];
  dc_dims d, da, df;
  dc_display disp;
  memset(&disp, 0, sizeof disp);
  pendings pu;
  pu.n = 0;
  int has_e = get_series_u(L, 2, "emissions", p, e, &d, &disp, name, &pu, DC_FIELD_EMISSIONS, 0);
  int has_a = get_series_u(L, 2, "activity", p, act, &da, NULL, name, &pu, DC_FIELD_ACTIVITY, 0);
  int has_f = get_series_u(L, 2, "factor", p, fac, &df, NULL, name, &pu, DC_FIELD_FACTOR, 0);
  if (has_e == (has_a || has_f) || has_a != has_f)
    dc_lua_error(L, "sector '%s': give either emissions = or both activity = and factor =", name);
  if (has_a) {
    if (!dc_dims_mul(da, df, &d)) dc_lua_error(L, "sector '%s': activity x factor overflows units", name);
    int n = dc_plan_y1(p) - dc_plan_y0(p) + 1;
    for (int i = 0; i < n; i++) e[i] = act[i] * fac[i];
    memset(&disp, 0, sizeof disp);
  }
  /* a rate of emissions: a greenhouse gas per time, nothing else */
  int gas = d.e[DC_DIM_CO2] + d.e[DC_DIM_CH4] + d.e[DC_DIM_N2O];
  dc_dims rest = d;
  rest.e[DC_DIM_CO2] = rest.e[DC_DIM_CH4] = rest.e[DC_DIM_N2O] = 0;
  rest.e[DC_DIM_TIME]++;
  if (gas != 1 || d.e[DC_DIM_TIME] != -1 || !dc_dims_none(rest)) {
    char got[64];
    dc_dims_name(d, got, sizeof got);
    rest.e[DC_DIM_TIME]--;
    if (gas == 1 && d.e[DC_DIM_TIME] == 0 && dc_dims_none(rest))
      snprintf(got, sizeof got, "an amount of emissions without a per year");
    dc_lua_error(L, "sector '%s': emissions must be a rate of emissions such as \"1.2 MtCO2e/yr\"; this one is %s",
                 name, got);
  }
  int si = dc_plan_sector(p, name, e, d, &disp, opt_string(L, 2, "source", name));
  if (si < 0) core_fail(L, p);
  if (has_a && dc_plan_sector_parts(p, si, act, da, fac, df)) core_fail(L, p);
  add_pending(L, p, &pu, DC_OBJ_SECTOR, si);
  lua_settop(L, 1);
  return 1;
}

static int plan_capacity(lua_State *L) {
  const char *name;
  dc_plan *p = ctor_args(L, &ctors[C_CAPACITY], &name);
  int y0 = dc_plan_y0(p), y1 = dc_plan_y1(p), n = y1 - y0 + 1;
  double cap[MAXYEARS], hours[MAXYEARS];
  dc_dims d = {{0}}, hd = {{0}};
  dc_display disp;
  memset(&disp, 0, sizeof disp);
  pendings pu;
  pu.n = 0;
  int has = get_series_u(L, 2, "capacity", p, cap, &d, &disp, name, &pu, DC_FIELD_CAPACITY, 0);
  /* [year] = value points: linear between them, held flat outside */
  int py[MAXYEARS], np = 0;
  double pv[MAXYEARS];
  lua_pushnil(L);
  while (lua_next(L, 2)) {
    lua_pop(L, 1);
    if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) == 1) continue;
    lua_Integer y = lua_tointeger(L, -1);
    if (y < y0 || y > y1)
      dc_lua_error(L, "capacity '%s': [%d] is outside the plan's years %d-%d (give capacity for years of the plan)",
                   name, (int)y, y0, y1);
  }
  for (lua_Integer y = y0 - 200; y <= y1 + 200; y++) {
    if (lua_rawgeti(L, 2, y) == LUA_TNIL || y == 1) {
      lua_pop(L, 1);
      continue;
    }
    double si;
    dc_dims pd;
    dc_display pdisp;
    dc_uncertain un;
    if (dc_lua_touncertain(L, -1, &un))
      dc_lua_error(L, "capacity '%s': [%d] = uncertain{...}: a point of a capacity cannot be uncertain (the points are "
                      "joined by lines before any sample); give capacity = uncertain{...} (one value for every year), "
                      "or the points as plain quantities and an uncertain hours = or measure",
                   name, (int)y);
    if (!dc_lua_toqty(L, -1, &si, &pd, &pdisp))
      dc_lua_error(L, "capacity '%s': [%d] must be a quantity such as \"600 MW\"", name, (int)y);
    if (!isfinite(si))
      dc_lua_error(L, "'%s': [%d] is %s; give a finite value", name, (int)y, isnan(si) ? "not a number (NaN)" : "infinite");
    if (np && !dc_dims_eq(pd, d)) dc_lua_error(L, "capacity '%s': [%d] has other units than the other years", name, (int)y);
    if (!np) {
      d = pd;
      disp = pdisp;
    }
    if (np < MAXYEARS) {
      py[np] = (int)y;
      pv[np++] = si;
    }
    lua_pop(L, 1);
  }
  if (has == (np > 0))
    dc_lua_error(L, "capacity '%s': give either [YEAR] = \"600 MW\" entries or capacity = a series", name);
  for (int i = 0; np && i < n; i++) {
    int y = y0 + i, k = 0;
    if (y <= py[0]) cap[i] = pv[0];
    else if (y >= py[np - 1]) cap[i] = pv[np - 1];
    else {
      while (py[k + 1] < y) k++;
      cap[i] = pv[k] + (pv[k + 1] - pv[k]) * (double)(y - py[k]) / (double)(py[k + 1] - py[k]);
    }
  }
  int has_h = get_series_u(L, 2, "hours", p, hours, &hd, NULL, name, &pu, DC_FIELD_HOURS, 0);
  int fossil = dc_plan_lua__energy_fossil(L, 2, name); /* -1: not given */
  int ti = dc_plan_capacity(p, name, cap, d, &disp, has_h ? hours : NULL, hd, opt_string(L, 2, "source", name));
  if (ti < 0) core_fail(L, p);
  if (fossil >= 0 && dc_plan_capacity_fossil(p, name, fossil)) core_fail(L, p);
  add_pending(L, p, &pu, DC_OBJ_TECH, ti);
  lua_settop(L, 1);
  return 1;
}

static int plan_metric(lua_State *L) {
  const char *name;
  dc_plan *p = ctor_args(L, &ctors[C_METRIC], &name);
  const char *src = opt_string(L, 2, "source", name);
  const char *diff = opt_string(L, 2, "diff", name);
  lua_rawgeti(L, 2, 2);
  int is_fn = lua_isfunction(L, -1), mi;
  /* unit = : the unit of a function metric (needed), or of a diff's values */
  dc_unit u;
  dc_display disp;
  lua_getfield(L, 2, "unit");
  int has_unit = !lua_isnil(L, -1) && (diff || is_fn);
  if (has_unit) dc_lua_checkunit(L, -1, &u, &disp);
  lua_pop(L, 1);
  if (diff) {
    /* the year-on-year change of an earlier metric, computed by the core */
    if (!lua_isnil(L, -1))
      dc_lua_error(L, "metric '%s': give either diff = \"METRIC\" or its values, not both", name);
    dc_plan_metric_info of;
    int oi = dc_plan_find_metric(p, diff);
    if (has_unit && oi >= 0 && dc_plan_metric_at(p, oi, &of) == 0 && !dc_dims_eq(u.dims, of.dims))
      dc_lua_error(L, "metric '%s': unit = '%s' does not fit '%s', whose change it is", name, disp.label, diff);
    mi = dc_plan_metric_diff(p, name, diff, src);
  } else if (is_fn) {
    if (!has_unit) dc_lua_error(L, "metric '%s': a function metric needs unit = (e.g. unit = \"tCO2e/yr\")", name);
    /* the metric will get the next index; its function sees every earlier one */
    int ref = keep_fn(L, 1, -1, name, (int)dc_plan_nmetrics(p));
    mi = dc_plan_metric_fn(p, name, ref, src);
  } else {
    double v[MAXYEARS];
    dc_dims d;
    if (lua_isnil(L, -1)) dc_lua_error(L, "metric '%s': give its values: p:metric{ \"%s\", series{...} } (or a "
                                         "function, or diff = \"METRIC\")", name, name);
    if (!dc_lua_toseries(L, -1, dc_plan_y0(p), dc_plan_y1(p), v, &d, &disp))
      dc_lua_error(L, "metric '%s': its values must be a series, a quantity or a function(year, values)", name);
    check_finite(L, p, v, name, "values");
    mi = dc_plan_metric(p, name, v, d, &disp, src);
  }
  if (mi < 0) core_fail(L, p);
  if (has_unit) dc_plan_metric_set_unit(p, mi, u.dims, &disp);
  lua_settop(L, 1);
  return 1;
}

/* ===================================================================== */
/* p:measure                                                              */
/* ===================================================================== */

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The series a measure's spec points to while it is built (add_measure is
 * not re-entered: nothing it calls runs the script). */
static double m_amount[MAXYEARS], m_factor[MAXYEARS];

/* start =, full =, stop = and year = (the same as start =) of a measure. */
static void measure_years(lua_State *L, int t, const char *name, pendings *pu, dc_plan_measure_spec *m) {
  m->start = opt_year_u(L, t, "start", name, pu, DC_FIELD_START);
  m->full = opt_year_u(L, t, "full", name, pu, DC_FIELD_FULL);
  m->stop = opt_year_u(L, t, "stop", name, pu, DC_FIELD_STOP);
  int year = opt_year_u(L, t, "year", name, pu, DC_FIELD_START);
  if (year != DC_PLAN_NOYEAR) {
    if (m->start != DC_PLAN_NOYEAR) dc_lua_error(L, "measure '%s': give year = or start =, not both", name);
    m->start = year;
  }
}

/* hours = of the technology j of adds = (at h): a table by technology, or
 * one value (uncertain: one draw for every technology); 1 if given. */
static int measure_hours(lua_State *L, int ht, const dc_plan *p, const char *name, pendings *pu, size_t j,
                         size_t nt, const char *tech, double *h, dc_dims *dims) {
  if (lua_istable(L, ht) && !luaL_testudata(L, ht, DC_SERIES_TYPE))
    return get_series_u(L, ht, tech, p, h, dims, NULL, name, pu, DC_FIELD_HOURS, (int)j);
  if (lua_isnil(L, ht)) return 0;
  dc_uncertain hu;
  if (note_uncertain(L, ht, pu, DC_FIELD_HOURS, (int)j, name, "hours", &hu)) {
    /* one value for every technology it adds: one draw for all */
    if (nt > 1 && !hu.has_group) {
      pu->v[pu->n - 1].u.has_group = 1;
      pu->v[pu->n - 1].u.stream = dc_random_stream_of(name, strlen(name)) ^ 0x5bd1e995u;
    }
    for (int i = 0; i < dc_plan_y1(p) - dc_plan_y0(p) + 1; i++) h[i] = hu.dist.central;
    *dims = hu.dims;
  } else if (!dc_lua_toseries(L, ht, dc_plan_y0(p), dc_plan_y1(p), h, dims, NULL))
    dc_lua_error(L, "measure '%s': hours must be a quantity such as \"1500 h/yr\"", name);
  check_finite(L, p, h, name, "hours");
  return 1;
}

/* adds = { TECH = AMOUNT ... }, hours = and displaces = into m (adds, at
 * most 64, in the caller's array). Pushes 3 values that keep the names and
 * series alive until the measure is added: stack: adds, buf, hours. */
static void measure_adds(lua_State *L, int t, const dc_plan *p, const char *name, pendings *pu,
                         dc_plan_measure_spec *m, dc_plan_add *adds) {
  lua_getfield(L, t, "adds");
  if (!lua_istable(L, -1)) dc_lua_error(L, "measure '%s': adds must be a table such as { PV = \"107 MW\" }", name);
  int at = lua_gettop(L);
  raw_copy(L, at); /* stack: adds */
  const char *techs[64];
  size_t nt = 0;
  lua_pushnil(L);
  while (lua_next(L, at)) {
    lua_pop(L, 1); /* stack: adds, tech */
    if (lua_type(L, -1) != LUA_TSTRING)
      dc_lua_error(L, "measure '%s': adds = { TECH = \"107 MW\" } takes technology names", name);
    if (nt == 64) dc_lua_error(L, "measure '%s': too many technologies", name);
    techs[nt++] = lua_tostring(L, -1);
  }
  qsort(techs, nt, sizeof techs[0], cmp_str); /* deterministic order */
  double *buf = lua_newuserdatauv(L, sizeof(double) * (size_t)MAXYEARS * 2 * (nt ? nt : 1), 0);
  lua_getfield(L, t, "hours"); /* stack: adds, buf, hours */
  int ht = lua_gettop(L);
  if (lua_istable(L, ht) && !luaL_testudata(L, ht, DC_SERIES_TYPE)) raw_copy(L, ht);
  for (size_t j = 0; j < nt; j++) {
    double *a = buf + 2 * j * MAXYEARS, *h = a + MAXYEARS;
    adds[j].tech = techs[j];
    if (!get_series_u(L, at, techs[j], p, a, &adds[j].dims, NULL, name, pu, DC_FIELD_ADDS, (int)j))
      dc_lua_error(L, "measure '%s': adds.%s has no value", name, techs[j]);
    adds[j].amount = a;
    adds[j].hours = measure_hours(L, ht, p, name, pu, j, nt, techs[j], h, &adds[j].hours_dims) ? h : NULL;
  }
  m->adds = adds;
  m->nadds = nt;
  if (get_series_u(L, t, "displaces", p, m_factor, &m->factor_dims, NULL, name, pu, DC_FIELD_FACTOR, 0))
    m->factor = m_factor;
}

/* What the measure does: exactly one of abates = (a series, or a function
 * of the year), saves = with factor =, or adds =. May push (see
 * measure_adds). */
static void measure_effect(lua_State *L, int ud, int t, const dc_plan *p, const char *name, pendings *pu,
                           dc_plan_measure_spec *m, dc_plan_add *adds) {
  int kinds = 0;
  for (const char *const *k = (const char *const[]){"abates", "saves", "adds", NULL}; *k; k++) {
    lua_getfield(L, t, *k);
    kinds += !lua_isnil(L, -1);
    lua_pop(L, 1);
  }
  if (kinds != 1) dc_lua_error(L, "measure '%s': give exactly one of abates =, saves = or adds =", name);
  lua_getfield(L, t, "abates"); /* stack: abates */
  int is_fn = lua_isfunction(L, -1);
  if (is_fn) {
    m->kind = DC_MEASURE_FN;
    m->fnref = keep_fn(L, ud, -1, name, -1);
  }
  lua_pop(L, 1);
  if (is_fn) return;
  if (get_series_u(L, t, "abates", p, m_amount, &m->amount_dims, NULL, name, pu, DC_FIELD_AMOUNT, 0)) {
    m->kind = DC_MEASURE_ABATES;
    m->amount = m_amount;
  } else if (get_series_u(L, t, "saves", p, m_amount, &m->amount_dims, NULL, name, pu, DC_FIELD_AMOUNT, 0)) {
    m->kind = DC_MEASURE_SAVES;
    m->amount = m_amount;
    if (!get_series_u(L, t, "factor", p, m_factor, &m->factor_dims, NULL, name, pu, DC_FIELD_FACTOR, 0))
      dc_lua_error(L, "measure '%s': saves = needs factor = (emissions per unit saved, e.g. grid)", name);
    m->factor = m_factor;
  } else {
    m->kind = DC_MEASURE_ADDS;
    measure_adds(L, t, p, name, pu, m, adds);
  }
}

/* Adds the measure described by the table at t; stack unchanged. */
static int add_measure(lua_State *L, int ud, int t, int scenario) {
  int top = lua_gettop(L);
  dc_plan *p = checkplan(L, ud)->p;
  const char *name = get_name(L, t, "p:measure{...}", ctors[C_MEASURE].example);
  check_fields(L, t, &ctors[C_MEASURE]);
  dc_plan_measure_spec m;
  memset(&m, 0, sizeof m);
  m.name = name;
  m.source = opt_string(L, t, "source", name);
  m.sector = opt_string(L, t, "sector", name);
  m.scenario = scenario;
  pendings *pu = lua_newuserdatauv(L, sizeof *pu, 0); /* stack: pu (freed with the stack) */
  pu->n = 0;
  measure_years(L, t, name, pu, &m);
  dc_plan_add adds[64];
  int r = dc_plan_lua__energy_measure(L, ud, t, &m); /* saves = with fuel =, switch = */
  if (r < 0) measure_effect(L, ud, t, p, name, pu, &m, adds); /* stack: pu [, adds, buf, hours] */
  if (r < 0) r = dc_plan_measure(p, &m);
  if (r < 0) core_fail(L, p);
  add_pending(L, p, pu, DC_OBJ_MEASURE, r);
  lua_settop(L, top);
  return r;
}

static int plan_measure(lua_State *L) {
  checkplan(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  raw_copy(L, 2);
  add_measure(L, 1, 2, -1);
  /* keep the description for p:scenario{ change = ... } */
  const char *name = get_name(L, 2, "p:measure{...}", "");
  uv_field(L, 1, "specs"); /* stack: plan, t, specs */
  lua_pushvalue(L, 2);
  lua_setfield(L, -2, name);
  lua_settop(L, 1);
  return 1;
}

/* ===================================================================== */
/* p:target                                                               */
/* ===================================================================== */

/* The kinds of target. A p:target{...} gives exactly one key of the table;
 * of the rows of that key, the first whose `requires` fields are all given
 * applies (reduce = with vs = compares with another scenario). `fields`
 * are the optional fields with a meaning for the kind (every other one of
 * the checks in target_fields is an error); build reads the key's value
 * (at v) into the spec. A new kind: a row here and its builder. */
typedef struct target_kind target_kind;
typedef void (*target_build)(lua_State *L, const target_kind *k, dc_plan_target_spec *t, int v);
struct target_kind {
  const char *key, *requires;
  enum dc_target_kind kind;
  const char *name, *fields;
  target_build build;
};

/* at_most = / at_least = a quantity (of a metric, or a share of a total) */
static void target_bound(lua_State *L, const target_kind *k, dc_plan_target_spec *t, int v) {
  if (luaL_testudata(L, v, DC_UNCERTAIN_TYPE))
    dc_lua_error(L, "target '%s': %s cannot be uncertain{...}: a target is what the plan must reach (give a "
                    "plain quantity; uncertain values are for the plan's inputs)", t->name, k->key);
  if (!dc_lua_toqty(L, v, &t->bound, &t->bound_dims, &t->bound_disp))
    dc_lua_error(L, "target '%s': %s must be a quantity such as \"1 MtCO2e/yr\" or \"25 %%\"", t->name, k->key);
  check_finite1(L, t->bound, t->name, k->key);
}

/* reduce = a fraction, from the year from = (or vs = another scenario) */
static void target_reduce(lua_State *L, const target_kind *k, dc_plan_target_spec *t, int v) {
  (void)k;
  t->reduce = get_fraction(L, v, t->name, "reduce", 1);
}

/* peak_by = YEAR / net_zero = YEAR, with an optional tolerance = */
static void target_year(lua_State *L, const target_kind *k, dc_plan_target_spec *t, int v) {
  (void)v;
  if (t->by != DC_PLAN_NOYEAR) dc_lua_error(L, "target '%s': %s is the year; do not give by =", t->name, k->key);
  t->by = opt_year(L, 2, k->key, t->name);
  lua_getfield(L, 2, "tolerance"); /* stack: v, tolerance */
  if (!lua_isnil(L, -1)) {
    double si;
    dc_dims d;
    if (!dc_lua_toqty(L, -1, &si, &d, NULL))
      dc_lua_error(L, "target '%s': tolerance must be a quantity such as \"1 %%\"", t->name);
    if (dc_dims_none(d)) t->tol = get_fraction(L, -1, t->name, "tolerance", 0);
    else if (k->kind == DC_TARGET_PEAK)
      dc_lua_error(L, "target '%s': a peak's tolerance is a percentage such as \"1 %%\"", t->name);
    else {
      check_finite1(L, si, t->name, "tolerance");
      if (si < 0) dc_lua_error(L, "target '%s': tolerance must not be negative", t->name);
      t->tol = si;
      t->tol_is_abs = 1;
      t->tol_dims = d;
    }
  }
  lua_pop(L, 1); /* stack: v */
}

/* budget = an amount over = {FIRST, LAST} */
static void target_budget(lua_State *L, const target_kind *k, dc_plan_target_spec *t, int v) {
  (void)k;
  if (!dc_lua_toqty(L, v, &t->bound, &t->bound_dims, &t->bound_disp))
    dc_lua_error(L, "target '%s': budget must be a quantity such as \"10 MtCO2e\"", t->name);
  check_finite1(L, t->bound, t->name, "budget");
  if (!year_pair(L, 2, "over", &t->from, &t->by))
    dc_lua_error(L, "target '%s': budget needs over = {FIRST, LAST}, two years", t->name);
}

static const target_kind target_kinds[] = {
    {"at_most", "", DC_TARGET_AT_MOST, "at_most/at_least", "by, every_year_after, share", target_bound},
    {"at_least", "", DC_TARGET_AT_LEAST, "at_most/at_least", "by, every_year_after, share", target_bound},
    {"reduce", "vs", DC_TARGET_VS, "reduce with vs", "by, every_year_after", target_reduce},
    {"reduce", "", DC_TARGET_REDUCE, "reduce", "by, from, every_year_after", target_reduce},
    {"peak_by", "", DC_TARGET_PEAK, "peak_by", "tolerance", target_year},
    {"net_zero", "", DC_TARGET_NET_ZERO, "net_zero", "tolerance", target_year},
    {"budget", "", DC_TARGET_BUDGET, "budget", "over", target_budget},
};
#define NKINDS (sizeof target_kinds / sizeof target_kinds[0])

/* Is every field of the list "a, b" given in the table at t? */
static int all_given(lua_State *L, int t, const char *list) {
  while (*list) {
    size_t n = strcspn(list, ",");
    lua_pushlstring(L, list, n); /* stack: field */
    int given = lua_rawget(L, t) != LUA_TNIL;
    lua_pop(L, 1);
    if (!given) return 0;
    list += n;
    list += strspn(list, ", ");
  }
  return 1;
}

/* The row of target_kinds that the table at 2 asks for. */
static const target_kind *target_kind_of(lua_State *L, const char *name) {
  const target_kind *k = NULL;
  int nk = 0;
  for (size_t i = 0; i < NKINDS; i++) {
    if (i && strcmp(target_kinds[i].key, target_kinds[i - 1].key) == 0) continue; /* one key, several rows */
    lua_getfield(L, 2, target_kinds[i].key);
    if (!lua_isnil(L, -1)) nk++, k = &target_kinds[i];
    lua_pop(L, 1);
  }
  if (nk != 1) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (size_t i = 0; i < NKINDS; i++)
      if (!i || strcmp(target_kinds[i].key, target_kinds[i - 1].key) != 0) {
        if (i) luaL_addstring(&b, ", ");
        luaL_addstring(&b, target_kinds[i].key);
      }
    luaL_pushresult(&b);
    dc_lua_error(L, "target '%s': give exactly one of %s", name, lua_tostring(L, -1));
  }
  while (!all_given(L, 2, k->requires)) k++; /* the last row of a key requires nothing */
  return k;
}

/* A field that the kind of target ignores is an error: it cannot mean what
 * it says. */
static void target_fields(lua_State *L, const char *name, const target_kind *k) {
  static const struct {
    const char *field, *hint;
  } rules[] = {
      {"by", "by = is the year of at_most, at_least and reduce; peak_by = and net_zero = are the year "
             "themselves, a budget has over = {FIRST, LAST}"},
      {"from", "from = is the base year of reduce = (without vs =: with vs = the base is the other "
               "scenario; a budget has over = {FIRST, LAST})"},
      {"every_year_after", "every_year_after = is for at_most, at_least and reduce"},
      {"tolerance", "tolerance = is for peak_by and net_zero"},
      {"over", "over = is the period of a budget"},
      {"share", "share = goes with at_least = or at_most ="},
  };
  for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
    lua_getfield(L, 2, rules[i].field); /* stack: value */
    int given = strcmp(rules[i].field, "every_year_after") == 0 ? lua_toboolean(L, -1) : !lua_isnil(L, -1);
    lua_pop(L, 1);
    if (given && !dc_lua_field_in(k->fields, rules[i].field))
      dc_lua_error(L, "target '%s': %s = has no meaning for %s targets and would be ignored (%s)", name,
                   rules[i].field, k->name, rules[i].hint);
  }
  lua_getfield(L, 2, "share");
  int share = !lua_isnil(L, -1);
  lua_getfield(L, 2, "metric"); /* stack: share, metric */
  int metric = !lua_isnil(L, -1);
  lua_pop(L, 2);
  if (share && metric)
    dc_lua_error(L, "target '%s': with share =, of = names the total; metric = would be ignored (drop it)", name);
}

/* share = NAME or {NAMES} of = "capacity" | "generation" | METRIC: the
 * parts (at most 64, into parts) of a total; the bound a fraction. */
static void target_share(lua_State *L, dc_plan_target_spec *t, const char **parts) {
  const char *name = t->name;
  lua_getfield(L, 2, "share"); /* stack: share */
  if (lua_istable(L, -1)) raw_copy(L, -1);
  if (lua_isnil(L, -1)) {
    if (opt_string(L, 2, "of", name)) dc_lua_error(L, "target '%s': of = goes with share =", name);
    lua_pop(L, 1);
    return;
  }
  const char *of = opt_string(L, 2, "of", name);
  if (!of) dc_lua_error(L, "target '%s': share needs of = \"capacity\", \"generation\" or a metric", name);
  t->share_of = strcmp(of, "capacity") == 0 ? DC_SHARE_CAPACITY
                : strcmp(of, "generation") == 0 ? DC_SHARE_GENERATION : DC_SHARE_METRIC;
  if (t->share_of == DC_SHARE_METRIC) t->metric = of;
  if (lua_type(L, -1) == LUA_TSTRING) parts[t->nparts++] = lua_tostring(L, -1);
  else if (lua_istable(L, -1)) {
    for (lua_Integer i = 1;; i++) {
      if (lua_rawgeti(L, -1, i) == LUA_TNIL) { /* stack: share, part */
        lua_pop(L, 1);
        break;
      }
      if (i > 64) dc_lua_error(L, "target '%s': share names more than 64 parts", name);
      if (lua_type(L, -1) != LUA_TSTRING) dc_lua_error(L, "target '%s': share lists names", name);
      parts[t->nparts++] = lua_tostring(L, -1); /* anchored in the copy */
      lua_pop(L, 1);
    }
  } else
    dc_lua_error(L, "target '%s': share must be a name or a list of names", name);
  t->parts = parts;
  const char *bk = t->kind == DC_TARGET_AT_MOST ? "at_most" : "at_least";
  lua_getfield(L, 2, bk); /* stack: share, bound */
  if (dc_lua_toqty(L, -1, &(double){0}, &(dc_dims){{0}}, NULL) && dc_dims_none(t->bound_dims))
    t->bound = get_fraction(L, -1, name, bk, 0);
  lua_pop(L, 1); /* stack: share (keeps the parts' names) */
}

static int plan_target(lua_State *L) {
  const char *name;
  dc_plan *p = ctor_args(L, &ctors[C_TARGET], &name);
  dc_plan_target_spec t;
  memset(&t, 0, sizeof t);
  t.name = name;
  t.source = opt_string(L, 2, "source", name);
  t.metric = opt_string(L, 2, "metric", name);
  t.per = opt_string(L, 2, "per", name);
  t.vs = opt_string(L, 2, "vs", name);
  t.by = opt_year(L, 2, "by", name);
  t.from = opt_year(L, 2, "from", name);
  lua_getfield(L, 2, "every_year_after");
  t.every_year_after = lua_toboolean(L, -1);
  lua_pop(L, 1);
  const target_kind *k = target_kind_of(L, name);
  t.kind = k->kind;
  lua_getfield(L, 2, k->key); /* stack: plan, table, value */
  k->build(L, k, &t, lua_gettop(L));
  lua_pop(L, 1);
  if (t.vs && t.kind != DC_TARGET_VS) dc_lua_error(L, "target '%s': vs = goes with reduce =", name);
  target_fields(L, name, k);
  const char *parts[64];
  target_share(L, &t, parts);
  /* where the script defined it, for reports (file= and line= in JUnit, TAP, github) */
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
    t.file = ar.source[0] == '@' || ar.source[0] == '=' ? ar.source + 1 : ar.short_src;
    t.line = ar.currentline;
  }
  if (dc_plan_target(p, &t) < 0) core_fail(L, p);
  lua_settop(L, 1);
  return 1;
}

/* ===================================================================== */
/* p:scenario                                                             */
/* ===================================================================== */


/* drop = {"MEASURE", ...}: scenario s goes without them. */
static void scenario_drop(lua_State *L, dc_plan *p, int s, const char *name) {
  lua_getfield(L, 2, "drop"); /* stack: plan, t, drop */
  if (!lua_isnil(L, -1)) {
    if (!lua_istable(L, -1)) dc_lua_error(L, "scenario '%s': drop must be a list of measure names", name);
    raw_copy(L, -1);
    for (lua_Integer i = 1; lua_rawgeti(L, -1, i) != LUA_TNIL; i++) { /* stack: plan, t, drop, mname */
      const char *mn = lua_tostring(L, -1);
      int m = mn ? dc_plan_find_measure(p, mn, -1) : -1;
      if (m < 0) dc_lua_error(L, "scenario '%s': drop names no measure of the plan: '%s'", name, mn ? mn : "?");
      if (dc_plan_scenario_drop(p, s, m)) core_fail(L, p);
      lua_pop(L, 1);
    }
    lua_pop(L, 1); /* stack: plan, t, drop */
  }
  lua_pop(L, 1); /* stack: plan, t */
}

/* change = { ["MEASURE"] = { FIELD = VALUE } }: in scenario s the measure
 * is its description with those fields changed (in the order of names). */
static void scenario_change(lua_State *L, dc_plan *p, int s, const char *name) {
  lua_getfield(L, 2, "change"); /* stack: plan, t, change */
  int ct = lua_gettop(L);
  if (lua_isnil(L, ct)) {
    lua_pop(L, 1);
    return;
  }
  if (!lua_istable(L, ct)) dc_lua_error(L, "scenario '%s': change must be { [\"measure\"] = { field = value } }", name);
  raw_copy(L, ct);
  const char *names[256];
  size_t nn = 0;
  lua_pushnil(L);
  while (lua_next(L, ct)) {
    lua_pop(L, 1); /* stack: plan, t, change, mname */
    if (lua_type(L, -1) != LUA_TSTRING || nn == 256) dc_lua_error(L, "scenario '%s': change is keyed by measure names", name);
    names[nn++] = lua_tostring(L, -1);
  }
  qsort(names, nn, sizeof names[0], cmp_str);
  for (size_t i = 0; i < nn; i++) {
    int m = dc_plan_find_measure(p, names[i], -1);
    uv_field(L, 1, "specs");
    lua_getfield(L, -1, names[i]); /* stack: plan, t, change, specs, spec */
    if (m < 0 || !lua_istable(L, -1)) dc_lua_error(L, "scenario '%s': change names no measure of the plan: '%s'", name, names[i]);
    /* a copy of the measure's description with the changed fields */
    lua_newtable(L); /* stack: plan, t, change, specs, spec, changed */
    int nt = lua_gettop(L);
    copy_fields(L, nt - 1, nt);
    lua_getfield(L, ct, names[i]); /* stack: ..., changed, fields */
    if (!lua_istable(L, -1)) dc_lua_error(L, "scenario '%s': change[\"%s\"] must be a table of fields", name, names[i]);
    copy_fields(L, lua_gettop(L), nt);
    lua_pop(L, 1);
    if (dc_plan_scenario_drop(p, s, m)) core_fail(L, p);
    add_measure(L, 1, nt, s);
    lua_pop(L, 3); /* stack: plan, t, change */
  }
  lua_pop(L, 1); /* stack: plan, t */
}

/* add = { {measure}, ... }: measures of scenario s alone. */
static void scenario_add(lua_State *L, int s, const char *name) {
  lua_getfield(L, 2, "add"); /* stack: plan, t, add */
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    return;
  }
  if (!lua_istable(L, -1)) dc_lua_error(L, "scenario '%s': add must be a list of measures", name);
  for (lua_Integer i = 1; lua_rawgeti(L, -1, i) != LUA_TNIL; i++) { /* stack: plan, t, add, measure */
    if (!lua_istable(L, -1)) dc_lua_error(L, "scenario '%s': add[%d] must be a measure table", name, (int)i);
    raw_copy(L, -1);
    add_measure(L, 1, lua_gettop(L), s);
    lua_pop(L, 1);
  }
  lua_pop(L, 2); /* stack: plan, t */
}

static int plan_scenario(lua_State *L) {
  const char *name;
  dc_plan *p = ctor_args(L, &ctors[C_SCENARIO], &name);
  int s = dc_plan_scenario(p, name);
  if (s < 0) core_fail(L, p);
  scenario_drop(L, p, s, name);
  scenario_change(L, p, s, name);
  scenario_add(L, s, name);
  lua_settop(L, 1);
  return 1;
}

static int plan_call(lua_State *L) {
  lua_remove(L, 1); /* plan{...}: the module table is argument 1 */
  return plan_new(L);
}

static const luaL_Reg plan_methods[] = {
    {"sector", plan_sector},   {"capacity", plan_capacity}, {"metric", plan_metric},
    {"measure", plan_measure}, {"target", plan_target},     {"scenario", plan_scenario},
    {"explain", dc_plan_lua__explain}, /* plan_lua_explain.c */
    {NULL, NULL}};

int luaopen_decarb_plan(lua_State *L) {
  static const luaL_Reg meta[] = {{"__gc", plan_gc},
                                  {"__index", dc_plan_lua__index},
                                  {"__tostring", dc_plan_lua__tostring},
                                  {NULL, NULL}};
  if (luaL_newmetatable(L, DC_PLAN_TYPE)) { /* stack: mt */
    luaL_setfuncs(L, meta, 0);
    dc_lua_lock_metatable(L, -1, DC_PLAN_TYPE);
    luaL_newlib(L, plan_methods); /* building; then reading (plan_lua_read.c) */
    luaL_setfuncs(L, dc_plan_lua__read_methods, 0);
    lua_setfield(L, -2, "methods");
  }
  lua_pop(L, 1);
  /* the module: plan{...} and plan.new{...} */
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, plan_new);
  lua_setfield(L, -2, "new");
  lua_createtable(L, 0, 2);
  lua_pushcfunction(L, plan_call);
  lua_setfield(L, -2, "__call");
  dc_lua_lock_metatable(L, -1, NULL);
  lua_setmetatable(L, -2); /* stack: module */
  return 1;
}
