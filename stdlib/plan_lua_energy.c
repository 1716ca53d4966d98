/* plan_lua_energy.c — the energy fields of the plan constructors (issue 15,
 * docs/energy.md): plan{ primary =, gwp =, grid =, heat_factor =, imports =,
 * imports_nonfossil =, factors = }, p:sector{ energy =, activity = with
 * intensity =, power =, grid =, gas = }, p:measure{ saves = with fuel =,
 * switch = } and p:capacity{ fossil = }. It reads the constructor's table
 * (already a raw copy: no metamethod runs) and calls the setters of plan.h;
 * the accounting itself is the core's (energy.c, plan_energy.c). plan_lua.c
 * calls one function per constructor. */
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dc_lua.h"
#include "energy.h"
#include "fmt.h"
#include "plan_lua_int.h"
#include "series_lua.h"
#include "uncertain_lua.h"
#include "units_lua.h"

#define MAXFUELS DC_ENERGY_MAXFUELS

static void fail(lua_State *L, const dc_plan *p) {
  if (dc_plan_out_of_memory(p)) dc_lua_memerror(L);
  dc_lua_error(L, "%s", dc_plan_error(p));
}

static int nyears(const dc_plan *p) { return dc_plan_y1(p) - dc_plan_y0(p) + 1; }

/* A new zeroed buffer of n doubles on the Lua stack (freed with it). */
static double *buffer(lua_State *L, size_t n) {
  double *b = lua_newuserdatauv(L, sizeof(double) * (n ? n : 1), 0);
  memset(b, 0, sizeof(double) * (n ? n : 1));
  return b;
}

/* The uncertain{...} values of one sector's energy fields, given to the
 * sector (dc_plan_add_input) once it exists. */
typedef struct ucap {
  int n;
  dc_plan_input v[MAXFUELS + 2];
} ucap;

/* If the value at idx is uncertain{...}: its CENTRAL in every year into
 * out, noted in uc for (field, sub), and 1; refused when uc is NULL (the
 * field has no slot a Monte Carlo can draw). */
static int take_uncertain(lua_State *L, const dc_plan *p, int idx, const char *what, double *out, dc_dims *dims,
                          dc_display *disp, ucap *uc, enum dc_field field, int sub) {
  dc_uncertain u;
  if (!dc_lua_touncertain(L, idx, &u)) return 0;
  if (!uc || uc->n == (int)(sizeof uc->v / sizeof uc->v[0]))
    dc_lua_error(L, "%s cannot be uncertain{...} (give a plain value or a series; a saving's saves =, a switch's "
                    "share =, a sector's energy, activity or gas emissions can be)", what);
  dc_plan_input *in = &uc->v[uc->n++];
  memset(in, 0, sizeof *in);
  in->slot.obj = DC_OBJ_SECTOR;
  in->slot.field = field;
  in->slot.sub = sub;
  in->dist = u.dist;
  in->has_group = u.has_group;
  in->stream = u.stream;
  in->group = dc_lua_uncertain_group(L, idx); /* anchored in the constructor's table */
  for (int i = 0; i < nyears(p); i++) out[i] = u.dist.central;
  *dims = u.dims;
  if (disp) *disp = u.disp;
  return 1;
}

/* Gives the noted uncertain values to object `index` of kind obj: inputs
 * of the Monte Carlo (each set to its CENTRAL). */
static void give_inputs(lua_State *L, dc_plan *p, ucap *uc, enum dc_obj obj, int index) {
  for (int k = 0; k < uc->n; k++) {
    uc->v[k].slot.obj = obj;
    uc->v[k].slot.index = index;
    if (dc_plan_add_input(p, &uc->v[k]) < 0) fail(L, p);
  }
  uc->n = 0;
}

/* The series-like value at idx over the plan's years into out (a Series, a
 * quantity, a number or a unit string, with uc an uncertain{...} too),
 * finite; WHAT names it in errors. */
static void read_series_u(lua_State *L, const dc_plan *p, int idx, const char *what, double *out, dc_dims *dims,
                          dc_display *disp, ucap *uc, enum dc_field field, int sub) {
  if (take_uncertain(L, p, idx, what, out, dims, disp, uc, field, sub)) return;
  if (!dc_lua_toseries(L, idx, dc_plan_y0(p), dc_plan_y1(p), out, dims, disp))
    dc_lua_error(L, "%s must be a series or a quantity (such as \"400 万tce/yr\"), not a %s", what,
                 luaL_typename(L, idx));
  for (int i = 0; i < nyears(p); i++)
    if (!isfinite(out[i]))
      dc_lua_error(L, "%s is %s in %d; give a finite value for every year of the plan", what,
                   isnan(out[i]) ? "not a number (NaN)" : "infinite", dc_plan_y0(p) + i);
}
static void read_series(lua_State *L, const dc_plan *p, int idx, const char *what, double *out,
                        dc_dims *dims, dc_display *disp) {
  read_series_u(L, p, idx, what, out, dims, disp, NULL, 0, 0);
}

/* t.key as a series into out when given (1), else 0. Stack unchanged. */
static int opt_series_u(lua_State *L, const dc_plan *p, int t, const char *key, const char *what, double *out,
                        dc_dims *dims, dc_display *disp, ucap *uc, enum dc_field field) {
  if (lua_getfield(L, t, key) == LUA_TNIL) {
    lua_pop(L, 1);
    return 0;
  }
  read_series_u(L, p, lua_gettop(L), what, out, dims, disp, uc, field, 0);
  lua_pop(L, 1);
  return 1;
}
static int opt_series(lua_State *L, const dc_plan *p, int t, const char *key, const char *what, double *out,
                      dc_dims *dims, dc_display *disp) {
  return opt_series_u(L, p, t, key, what, out, dims, disp, NULL, 0);
}

/* t.key as a string, or NULL when absent; the string stays anchored in t. */
static const char *opt_str(lua_State *L, int t, const char *key, const char *what) {
  int ty = lua_getfield(L, t, key);
  const char *s = NULL;
  if (ty != LUA_TNIL) {
    if (ty != LUA_TSTRING) dc_lua_error(L, "%s: %s must be a string, not a %s", what, key, lua_typename(L, ty));
    char w[160];
    snprintf(w, sizeof w, "%s: %s", what, key);
    s = dc_lua_check_name(L, -1, w);
  }
  lua_pop(L, 1);
  return s;
}

/* t.key as a boolean: -1 when absent, else 0 or 1 (anything else is an
 * error saying to write true or false). */
static int opt_bool(lua_State *L, int t, const char *key, const char *what) {
  int ty = lua_getfield(L, t, key), v = -1;
  if (ty == LUA_TBOOLEAN) v = lua_toboolean(L, -1);
  else if (ty != LUA_TNIL)
    dc_lua_error(L, "%s: %s must be true or false, not a %s", what, key, lua_typename(L, ty));
  lua_pop(L, 1);
  return v;
}

static int has_field(lua_State *L, int t, const char *key) {
  int r = lua_getfield(L, t, key) != LUA_TNIL;
  lua_pop(L, 1);
  return r;
}

/* The registry index of a fuel name, or an error "WHAT: unknown fuel ...". */
static int find_fuel(lua_State *L, const char *name, const char *what) {
  dc_energy_error e;
  int f = dc_energy_fuel_find(name, &e);
  if (f < 0) dc_lua_error(L, "%s: %s", what, e.msg);
  return f;
}

/* The string keys of the table at t (a { FUEL = S, ... } table), as fuels:
 * names[] (anchored in t) sorted by their registry index, each fuel once.
 * Returns how many. */
typedef struct fuel_key {
  const char *name;
  int fuel;
} fuel_key;

static int cmp_fuel(const void *a, const void *b) {
  const fuel_key *x = a, *y = b;
  return (x->fuel > y->fuel) - (x->fuel < y->fuel);
}

static size_t fuel_keys(lua_State *L, int t, const char *what, fuel_key *out) {
  size_t n = 0;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING)
      dc_lua_error(L, "%s = { FUEL = S, ... } is keyed by fuel names (as coal = \"400 万tce/yr\"), not by a %s",
                   what, luaL_typename(L, -1));
    if (n == MAXFUELS) dc_lua_error(L, "%s names more than %d fuels", what, MAXFUELS);
    const char *k = dc_lua_check_name(L, -1, what);
    out[n].name = k;
    out[n].fuel = find_fuel(L, k, what);
    for (size_t j = 0; j < n; j++)
      if (out[j].fuel == out[n].fuel) {
        int ab = strcmp(out[j].name, k) < 0; /* in a fixed order: the table's is not */
        dc_lua_error(L, "%s names the fuel '%s' twice ('%s' and '%s'): give each fuel once", what,
                     dc_energy_fuel_at((size_t)out[n].fuel)->name, ab ? out[j].name : k, ab ? k : out[j].name);
      }
    n++;
  }
  qsort(out, n, sizeof out[0], cmp_fuel);
  return n;
}

/* Moves the table at idx to a raw copy without a metatable (as the
 * constructors read their own tables): no __index runs while reading it. */
static void raw_table(lua_State *L, int idx, const char *what) {
  idx = lua_absindex(L, idx);
  if (!lua_istable(L, idx) || luaL_testudata(L, idx, DC_SERIES_TYPE))
    dc_lua_error(L, "%s must be a table { FUEL = S, ... }, not a %s", what, luaL_typename(L, idx));
  lua_newtable(L);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -4);
  }
  lua_replace(L, idx);
}

/* ===================================================================== */
/* plan{ ... }                                                            */
/* ===================================================================== */

void dc_plan_lua__energy_plan(lua_State *L, dc_plan *p, int t) {
  t = lua_absindex(L, t);
  static const char *const keys[] = {"primary", "gwp", "grid", "heat_factor", "imports",
                                     "imports_nonfossil", "factors", NULL};
  int any = 0;
  for (const char *const *k = keys; *k; k++) any |= has_field(L, t, *k);
  if (!any) return; /* a plan without energy fields: as before */
  int top = lua_gettop(L);
  /* a Lua copy of the plan's name, anchored at top + 1 until the end: no
     pointer into the plan is held across the reads below, which call Lua */
  lua_pushstring(L, dc_plan_name(p));
  const char *name = lua_tostring(L, -1);
  char what[200];
  int n = nyears(p);
  dc_plan_energy_opts o;
  memset(&o, 0, sizeof o);
  dc_display disp;
  const char *prim = opt_str(L, t, "primary", "plan");
  if (prim) {
    dc_energy_error e;
    if (dc_energy_primary_method(prim, &o.primary, &e)) dc_lua_error(L, "plan '%s': %s", name, e.msg);
  }
  o.gwp = opt_str(L, t, "gwp", "plan");
  double *b = buffer(L, (size_t)n * 4);
  snprintf(what, sizeof what, "plan '%s': grid", name);
  if (opt_series(L, p, t, "grid", what, b, &o.grid_dims, NULL)) o.grid = b;
  snprintf(what, sizeof what, "plan '%s': heat_factor", name);
  if (opt_series(L, p, t, "heat_factor", what, b + n, &o.heat_factor_dims, NULL)) o.heat_factor = b + n;
  snprintf(what, sizeof what, "plan '%s': imports", name);
  memset(&disp, 0, sizeof disp);
  if (opt_series(L, p, t, "imports", what, b + 2 * n, &o.imports_dims, &disp)) {
    o.imports = b + 2 * n;
    lua_pushstring(L, disp.label); /* anchored until the call below */
    o.imports_label = lua_tostring(L, -1);
  }
  snprintf(what, sizeof what, "plan '%s': imports_nonfossil", name);
  dc_dims fd;
  if (opt_series(L, p, t, "imports_nonfossil", what, b + 3 * n, &fd, NULL)) {
    if (!dc_dims_none(fd))
      dc_lua_error(L, "%s must be a share such as \"40 %%\" (of the net imports), not a quantity with units", what);
    for (int i = 0; i < n; i++)
      if (b[3 * n + i] < 0 || b[3 * n + i] > 1) {
        char num[64];
        dc_fmt_number(num, sizeof num, b[3 * n + i], 0);
        dc_lua_error(L, "%s is %s in %d: give a share from 0 %% to 100 %% (such as \"40 %%\" or 0.4)", what, num,
                     dc_plan_y0(p) + i);
      }
    o.imports_nonfossil = b + 3 * n;
  }
  /* factors = { FUEL = S }: the plan's own CO2 factors */
  const char *fnames[MAXFUELS];
  const double *fvals[MAXFUELS];
  dc_dims fdims[MAXFUELS];
  if (lua_getfield(L, t, "factors") != LUA_TNIL) {
    int ft = lua_gettop(L);
    snprintf(what, sizeof what, "plan '%s': factors", name);
    raw_table(L, ft, what);
    fuel_key keys2[MAXFUELS];
    size_t nf = fuel_keys(L, ft, what, keys2);
    double *fb = buffer(L, (size_t)n * (nf ? nf : 1));
    for (size_t j = 0; j < nf; j++) {
      char w[200];
      snprintf(w, sizeof w, "plan '%s': factors.%s", name, keys2[j].name);
      lua_getfield(L, ft, keys2[j].name);
      read_series(L, p, lua_gettop(L), w, fb + j * (size_t)n, &fdims[j], NULL);
      lua_pop(L, 1);
      fnames[j] = keys2[j].name;
      fvals[j] = fb + j * (size_t)n;
    }
    o.factor_fuels = fnames;
    o.factors = fvals;
    o.factor_dims = fdims;
    o.nfactors = nf;
  }
  if (dc_plan_set_energy(p, &o)) fail(L, p);
  lua_settop(L, top);
}

/* ===================================================================== */
/* p:sector{ ... }                                                        */
/* ===================================================================== */

/* The gas a sector's emissions are in, from their dimensions; NULL when
 * they are not one greenhouse gas per time (an F-gas needs gas =). */
static const char *gas_of(dc_dims d) {
  if (d.e[DC_DIM_CO2] == 1) return "CO2";
  if (d.e[DC_DIM_CH4] == 1) return "CH4";
  if (d.e[DC_DIM_N2O] == 1) return "N2O";
  return NULL;
}

/* The checks of a sector's energy fields that go together. */
static void sector_fields_check(lua_State *L, int t, const char *name, int has_energy, int has_int) {
  if (has_energy && has_int)
    dc_lua_error(L, "sector '%s': give either energy = { FUEL = S } or activity = with intensity = { FUEL = S }, "
                    "not both", name);
  if (has_int && !has_field(L, t, "activity"))
    dc_lua_error(L, "sector '%s': intensity = { FUEL = S } needs activity = (energy = activity x intensity)", name);
  if (has_field(L, t, "factor"))
    dc_lua_error(L, "sector '%s': factor = goes with activity = for a sector given by its emissions; an energy "
                    "sector's CO2 comes from its fuels (give the plan's own factors with factors = on plan{})",
                 name);
  if (has_field(L, t, "activity") && !has_int)
    dc_lua_error(L, "sector '%s': with energy fields, activity = needs intensity = { FUEL = S } (or give energy = "
                    "{ FUEL = S } without activity)", name);
}

/* The fuels of energy = or intensity = (field) into s->uses (keys, uses,
 * disps hold them; buffers on the stack) and the activity; how many. */
static size_t sector_uses(lua_State *L, const dc_plan *p, int t, const char *name, const char *field,
                          dc_plan_energy_sector *s, fuel_key *keys, dc_plan_fuel_use *uses, dc_display *disps,
                          ucap *uc) {
  char what[200];
  int n = nyears(p);
  lua_getfield(L, t, field);
  int et = lua_gettop(L);
  snprintf(what, sizeof what, "sector '%s': %s", name, field);
  raw_table(L, et, what);
  size_t nf = fuel_keys(L, et, what, keys);
  if (!nf)
    dc_lua_error(L, "sector '%s': %s = {} names no fuel; give at least one, as { coal = \"400 万tce/yr\" }", name,
                 field);
  double *b = buffer(L, (size_t)n * nf);
  for (size_t j = 0; j < nf; j++) {
    char w[200];
    snprintf(w, sizeof w, "%s.%s of sector '%s'", field, keys[j].name, name);
    memset(&disps[j], 0, sizeof disps[j]);
    lua_getfield(L, et, keys[j].name);
    read_series_u(L, p, lua_gettop(L), w, b + j * (size_t)n, &uses[j].dims, &disps[j], uc, DC_FIELD_ENERGY,
                  (int)j);
    lua_pop(L, 1);
    uses[j].fuel = keys[j].name;
    uses[j].v = b + j * (size_t)n;
    uses[j].label = disps[j].label;
    uses[j].disp = &disps[j];
  }
  s->uses = uses;
  s->nuse = nf;
  if (strcmp(field, "intensity") == 0) {
    double *a = buffer(L, (size_t)n);
    snprintf(what, sizeof what, "sector '%s': activity", name);
    opt_series_u(L, p, t, "activity", what, a, &s->activity_dims, NULL, uc, DC_FIELD_ACTIVITY);
    s->activity = a;
  }
  return nf;
}

/* Other gases: emissions = S (process CO2, CH4, N2O) or an F-gas with gas =,
 * into *g and s (uncertain only in a sector of that gas alone: the core's
 * slot). */
static void sector_gas(lua_State *L, const dc_plan *p, int t, const char *name, dc_plan_energy_sector *s,
                       dc_plan_gas *g, ucap *uc) {
  char what[200];
  snprintf(what, sizeof what, "sector '%s'", name);
  memset(g, 0, sizeof *g);
  const char *gas = opt_str(L, t, "gas", what);
  double *e = buffer(L, (size_t)nyears(p));
  snprintf(what, sizeof what, "sector '%s': emissions", name);
  if (opt_series_u(L, p, t, "emissions", what, e, &g->dims, NULL, s->nuse ? NULL : uc, DC_FIELD_EMISSIONS)) {
    g->v = e;
    g->gas = gas ? gas : gas_of(g->dims);
    if (!g->gas) {
      char got[64];
      dc_dims_name(g->dims, got, sizeof got);
      dc_lua_error(L, "sector '%s': emissions in %s are no greenhouse gas: give a rate such as \"60 kt CH4/yr\", or "
                      "a mass per year with the gas named (emissions = \"2 t/yr\", gas = \"SF6\")", name, got);
    }
    s->gases = g;
    s->ngas = 1;
  } else if (gas)
    dc_lua_error(L, "sector '%s': gas = names the gas of emissions =; give emissions = too (as emissions = \"2 t/yr\", "
                    "gas = \"%s\")", name, gas);
}

int dc_plan_lua__energy_sector(lua_State *L, dc_plan *p, int t, const char *name, const char *source) {
  t = lua_absindex(L, t);
  int has_energy = has_field(L, t, "energy"), has_int = has_field(L, t, "intensity");
  char what[200];
  snprintf(what, sizeof what, "sector '%s'", name);
  int has_gas = has_field(L, t, "gas"), power = opt_bool(L, t, "power", what);
  int has_grid = has_field(L, t, "grid");
  if (!has_energy && !has_int && !has_gas && power < 0 && !has_grid) return -1; /* today's sector */
  int top = lua_gettop(L);
  sector_fields_check(L, t, name, has_energy, has_int);
  dc_plan_energy_sector s;
  memset(&s, 0, sizeof s);
  s.name = name;
  s.source = source;
  s.power = power > 0;
  fuel_key keys[MAXFUELS];
  dc_plan_fuel_use uses[MAXFUELS];
  dc_display disps[MAXFUELS];
  ucap uc;
  uc.n = 0;
  if (has_energy || has_int)
    sector_uses(L, p, t, name, has_energy ? "energy" : "intensity", &s, keys, uses, disps, &uc);
  dc_plan_gas g;
  sector_gas(L, p, t, name, &s, &g, &uc);
  if (!s.nuse && !s.ngas)
    dc_lua_error(L, "sector '%s': give its energy use, energy = { FUEL = S } (as { coal = \"400 万tce/yr\" }), or "
                    "activity = with intensity = { FUEL = S }, or emissions =", name);
  double *gr = buffer(L, (size_t)nyears(p));
  snprintf(what, sizeof what, "sector '%s': grid", name);
  if (opt_series(L, p, t, "grid", what, gr, &s.grid_dims, NULL)) s.grid = gr;
  int si = dc_plan_sector_energy(p, &s);
  if (si < 0) fail(L, p);
  give_inputs(L, p, &uc, DC_OBJ_SECTOR, si);
  lua_settop(L, top);
  return si;
}

/* ===================================================================== */
/* p:measure{ ... }                                                       */
/* ===================================================================== */

/* The switch's share: "40 %" or 0.4, more than 0 and at most 100 %. */
static double switch_share(lua_State *L, const dc_plan *p, int idx, const char *name, const char *from, ucap *uc) {
  double si;
  dc_dims d;
  dc_display disp;
  memset(&disp, 0, sizeof disp);
  if (lua_isnil(L, idx))
    dc_lua_error(L, "measure '%s': switch needs share =, the part of the sector's %s that moves (as share = \"40 %%\")",
                 name, from);
  double *c = buffer(L, (size_t)nyears(p)); /* an uncertain share: its CENTRAL, checked as a share */
  int unc = take_uncertain(L, p, idx, "switch's share", c, &d, &disp, uc, DC_FIELD_SHARE, 0);
  si = c[0];
  lua_pop(L, 1); /* the buffer */
  if ((!unc && !dc_lua_toqty(L, idx, &si, &d, &disp)) || !dc_dims_none(d) || !isfinite(si))
    dc_lua_error(L, "measure '%s': switch's share must be a percentage such as \"40 %%\" or a fraction such as 0.4",
                 name);
  int pct = strchr(disp.label, '%') != NULL;
  char num[64];
  dc_fmt_number(num, sizeof num, pct ? si * 100 : si, 0);
  if (!pct && si > 1)
    dc_lua_error(L, "measure '%s': switch's share = %s is read as a fraction; write \"%s %%\" for a percentage (a "
                    "fraction lies in (0, 1])", name, num, num);
  if (si > 1)
    dc_lua_error(L, "measure '%s' switches %s %% of %s: a switch moves at most 100 %% of a fuel's use (share = "
                    "\"40 %%\" or 0.4)", name, num, from);
  if (si <= 0)
    dc_lua_error(L, "measure '%s': switch's share = %s%s moves nothing: give more than 0 %% (as share = \"40 %%\")",
                 name, num, pct ? " %" : "");
  return si;
}

int dc_plan_lua__energy_measure(lua_State *L, int ud, int t, dc_plan_measure_spec *m) {
  t = lua_absindex(L, t);
  dc_plan *p = dc_plan_lua__check(L, ud);
  int has_switch = has_field(L, t, "switch"), has_fuel = has_field(L, t, "fuel");
  if (!has_switch && !has_fuel) return -1; /* today's kinds */
  const char *name = m->name;
  int top = lua_gettop(L), n = nyears(p);
  ucap uc;
  uc.n = 0;
  for (const char *const *k = (const char *const[]){"abates", "adds", "factor", "displaces", "hours", NULL}; *k;
       k++)
    if (has_field(L, t, *k))
      dc_lua_error(L, "measure '%s': %s = does not go with %s (a measure on energy takes its CO2 from the fuels' "
                      "factors); give saves = S, fuel = NAME or switch = { from =, to =, share = }",
                   name, *k, has_switch ? "switch =" : "fuel =");
  if (!m->sector)
    dc_lua_error(L, "measure '%s': a measure on energy needs sector =, the energy sector whose fuel it %s", name,
                 has_switch ? "switches" : "saves");
  char what[200];
  if (has_switch) {
    if (has_field(L, t, "saves") || has_fuel)
      dc_lua_error(L, "measure '%s': give either switch = { ... } or saves = S with fuel = NAME, not both", name);
    lua_getfield(L, t, "switch");
    int st = lua_gettop(L);
    if (!lua_istable(L, st))
      dc_lua_error(L, "measure '%s': switch must be a table such as { from = \"coal\", to = \"electricity\", share = "
                      "\"40 %%\", efficiency = 3 }", name);
    snprintf(what, sizeof what, "measure '%s': switch", name);
    raw_table(L, st, what);
    dc_lua_check_fields(L, st, "switch", "from, to, share, efficiency", 0, NULL);
    m->from = opt_str(L, st, "from", what);
    m->to = opt_str(L, st, "to", what);
    if (!m->from || !m->to)
      dc_lua_error(L, "measure '%s': switch needs from = and to =, two fuels (as from = \"coal\", to = "
                      "\"electricity\")", name);
    int ff = find_fuel(L, m->from, what), ft = find_fuel(L, m->to, what);
    if (ff == ft)
      dc_lua_error(L, "measure '%s': switch from '%s' to '%s' is one fuel: a switch moves use to another fuel", name,
                   m->from, m->to);
    lua_getfield(L, st, "share");
    m->share = switch_share(L, p, lua_gettop(L), name, m->from, &uc);
    lua_pop(L, 1);
    m->efficiency = 1;
    if (lua_getfield(L, st, "efficiency") != LUA_TNIL) {
      int isnum = 0;
      double r = lua_tonumberx(L, -1, &isnum);
      if (!isnum || lua_type(L, -1) != LUA_TNUMBER || !isfinite(r) || r <= 0)
        dc_lua_error(L, "measure '%s': switch's efficiency must be a number above 0: R units of %s are replaced by "
                        "one unit of %s (a heat pump replacing a boiler: 3)", name, m->from, m->to);
      m->efficiency = r;
    }
    lua_pop(L, 1);
    m->kind = DC_MEASURE_SWITCH;
  } else {
    snprintf(what, sizeof what, "measure '%s'", name);
    m->fuel = opt_str(L, t, "fuel", what);
    find_fuel(L, m->fuel, what);
    if (!has_field(L, t, "saves"))
      dc_lua_error(L, "measure '%s': fuel = goes with saves = S, the energy it saves a year (as saves = \"600 "
                      "万tce/yr\", fuel = \"%s\")", name, m->fuel);
    double *a = buffer(L, (size_t)n);
    dc_display disp;
    memset(&disp, 0, sizeof disp);
    snprintf(what, sizeof what, "measure '%s': saves", name);
    opt_series_u(L, p, t, "saves", what, a, &m->amount_dims, &disp, &uc, DC_FIELD_AMOUNT);
    lua_pushstring(L, disp.label);
    m->amount_label = lua_tostring(L, -1);
    m->amount = a;
    m->kind = DC_MEASURE_ENERGY_SAVES;
  }
  int r = dc_plan_measure(p, m);
  if (r < 0) fail(L, p);
  give_inputs(L, p, &uc, DC_OBJ_MEASURE, r);
  lua_settop(L, top);
  return r;
}

/* ===================================================================== */
/* p:capacity{ ... }                                                      */
/* ===================================================================== */

int dc_plan_lua__energy_fossil(lua_State *L, int t, const char *name) {
  char what[200];
  snprintf(what, sizeof what, "capacity '%s'", name);
  return opt_bool(L, lua_absindex(L, t), "fossil", what);
}
