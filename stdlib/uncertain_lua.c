/* uncertain_lua.c — the Lua face of uncertain inputs: uncertain{...} makes a
 * decarb.Uncertain (a distribution over a quantity, checked for units), with
 * :central, :low, :high, :dist, :group, :source, :quantile and :sample.
 * Only checks arguments and calls dist.c and random.c; no sampling of plans. */
#include "uncertain_lua.h"

#include <lauxlib.h>
#include <math.h>
#include <string.h>

#include "dc_lua.h"
#include "fmt.h"
#include "random.h"
#include "units_lua.h"

/* user values of the userdata: the two optional texts */
enum { UV_SOURCE = 1, UV_GROUP = 2, UV_COUNT = 2 };

#define FIELDS "low, high, dist, sd, source, group"
#define EXAMPLE "uncertain{\"100 tCO2e/yr\", low = \"80 tCO2e/yr\", high = \"130 tCO2e/yr\"}"

/* ====================================================================== */
/* reading uncertain{...}                                                */
/* ====================================================================== */

/* Refuses keys uncertain{} does not know (a typo must not pass silently):
 * only [1] = CENTRAL and the named fields. The table is argument 1. */
static void check_fields(lua_State *L) {
  if (!dc_lua_unknown_field(L, 1, FIELDS, 1)) return;
  /* stack: t, key */
  if (lua_isinteger(L, -1))
    dc_lua_error(L, "uncertain{...} takes one CENTRAL value, then named fields (%s); got a value at [%I]",
                 FIELDS, (LUAI_UACINT)lua_tointeger(L, -1));
  dc_lua_field_error(L, "uncertain", FIELDS, NULL);
}

/* t[name] pushed, by raw access */
static int raw_field(lua_State *L, const char *name) {
  lua_pushstring(L, name);
  return lua_rawget(L, 1);
}

/* How a value of u's kind is shown in messages: absolute, or as a
 * difference (sd: no temperature offset). ctx is the dc_uncertain. */
static size_t fmt_value(char *buf, size_t size, double v, void *ctx) {
  const dc_uncertain *u = ctx;
  return dc_units_format(buf, size, v, u->dims, &u->disp);
}
static size_t fmt_diff(char *buf, size_t size, double v, void *ctx) {
  const dc_uncertain *u = ctx;
  dc_display d = u->disp;
  d.offset = 0;
  return dc_units_format(buf, size, v, u->dims, &d);
}

/* Field `name` (low, high, sd) as an SI value of CENTRAL's dimension: 0 when
 * absent, 1 when read; raises when it is no quantity or of another kind. */
static int get_qty(lua_State *L, const char *name, const dc_uncertain *u, double *si) {
  if (raw_field(L, name) == LUA_TNIL) {
    lua_pop(L, 1);
    return 0;
  }
  dc_dims dims;
  if (!dc_lua_toqty(L, -1, si, &dims, NULL))
    dc_lua_error(L, "uncertain{...}: %s = must be a quantity (a number, a string such as "
                    "\"80 MW\" or a decarb.Quantity), got %s", name, luaL_typename(L, -1));
  if (!dc_dims_eq(dims, u->dims)) {
    char c[96], cd[96], vd[96];
    fmt_value(c, sizeof c, u->dist.central, (void *)u);
    dc_dims_name(u->dims, cd, sizeof cd);
    dc_dims_name(dims, vd, sizeof vd);
    const char *v = luaL_tolstring(L, -1, NULL);
    if (lua_type(L, -2) == LUA_TNUMBER && u->disp.label[0])
      dc_lua_error(L, "uncertain{...}: %s = %s is %s but CENTRAL %s is %s: write %s = \"%s %s\"",
                   name, v, vd, c, cd, name, v, u->disp.label);
    dc_lua_error(L, "uncertain{...}: %s = %s is %s but CENTRAL %s is %s: give %s in a unit of %s",
                 name, v, vd, c, cd, name, cd);
  }
  lua_pop(L, 1);
  return 1;
}

/* Optional text field into user value uv of the userdata at -1. */
static void set_text(lua_State *L, const char *name, int uv) {
  int t = raw_field(L, name); /* stack: ..., ud, text */
  if (t != LUA_TNIL && (t != LUA_TSTRING || lua_rawlen(L, -1) == 0))
    dc_lua_error(L, "uncertain{...}: %s = must be a non-empty string, got %s", name,
                 t == LUA_TSTRING ? "\"\"" : luaL_typename(L, -1));
  lua_setiuservalue(L, -2, uv);
}

static dc_dist_kind get_kind(lua_State *L, int have_sd) {
  dc_dist_kind kind = have_sd ? DC_DIST_NORMAL : DC_DIST_TRIANGULAR;
  int t = raw_field(L, "dist");
  if (t != LUA_TNIL && (t != LUA_TSTRING || dc_dist_parse(lua_tostring(L, -1), &kind) < 0))
    dc_lua_error(L, "uncertain{...}: unknown dist %s%s%s: use \"triangular\" (the default), "
                    "\"uniform\", \"normal\" or \"lognormal\"",
                 t == LUA_TSTRING ? "'" : "", t == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, -1),
                 t == LUA_TSTRING ? "'" : "");
  lua_pop(L, 1);
  if (have_sd && kind != DC_DIST_NORMAL)
    dc_lua_error(L, "uncertain{...}: sd = is for dist = \"normal\"; give a %s as low = and high =",
                 dc_dist_name(kind));
  return kind;
}

/* Fills u->dist from the range fields; raises with the core's message. */
static void get_dist(lua_State *L, dc_uncertain *u) {
  double lo, hi, sd;
  int has_lo = get_qty(L, "low", u, &lo), has_hi = get_qty(L, "high", u, &hi);
  int has_sd = get_qty(L, "sd", u, &sd);
  if (has_sd && (has_lo || has_hi))
    dc_lua_error(L, "uncertain{...}: give either sd = or low = and high =, not both");
  if (!has_sd && !(has_lo && has_hi))
    dc_lua_error(L, "uncertain{...} needs low = and high = (or sd = for a normal), as in %s", EXAMPLE);
  dc_dist_kind kind = get_kind(L, has_sd);
  char err[400];
  double c = u->dist.central;
  int rc = has_sd ? dc_dist_make_sd(&u->dist, c, sd, fmt_diff, u, err, sizeof err)
                  : dc_dist_make(&u->dist, kind, c, lo, hi, fmt_value, u, err, sizeof err);
  if (rc < 0) dc_lua_error(L, "uncertain{...}: %s", err);
}

/* uncertain{ CENTRAL, low =, high =, dist =, sd =, source =, group = } */
static int unc_new(lua_State *L) {
  if (!lua_istable(L, 1)) dc_lua_error(L, "uncertain needs a table, as in %s", EXAMPLE);
  lua_settop(L, 1);
  check_fields(L);
  dc_uncertain u;
  memset(&u, 0, sizeof u);
  lua_rawgeti(L, 1, 1); /* stack: t, CENTRAL */
  if (lua_isnil(L, -1)) dc_lua_error(L, "uncertain{...} needs CENTRAL as its first value, as in %s", EXAMPLE);
  if (!dc_lua_toqty(L, -1, &u.dist.central, &u.dims, &u.disp))
    dc_lua_error(L, "uncertain{...}: CENTRAL must be a quantity (a number, a string such as "
                    "\"100 MW\" or a decarb.Quantity), got %s", luaL_typename(L, -1));
  lua_pop(L, 1);
  get_dist(L, &u);
  if (raw_field(L, "group") == LUA_TSTRING) {
    size_t n;
    const char *g = lua_tolstring(L, -1, &n);
    u.has_group = 1;
    u.stream = dc_random_stream_of(g, n);
  }
  lua_pop(L, 1);
  dc_uncertain *p = lua_newuserdatauv(L, sizeof *p, UV_COUNT); /* stack: t, ud */
  *p = u;
  luaL_setmetatable(L, DC_UNCERTAIN_TYPE);
  set_text(L, "source", UV_SOURCE);
  set_text(L, "group", UV_GROUP);
  return 1;
}

int dc_lua_touncertain(lua_State *L, int idx, dc_uncertain *out) {
  dc_uncertain *p = luaL_testudata(L, idx, DC_UNCERTAIN_TYPE);
  if (!p) return 0;
  *out = *p;
  return 1;
}

const char *dc_lua_uncertain_group(lua_State *L, int idx) {
  if (!luaL_testudata(L, idx, DC_UNCERTAIN_TYPE)) return NULL;
  lua_getiuservalue(L, idx, UV_GROUP);
  const char *g = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
  lua_pop(L, 1); /* still referenced by the userdata */
  return g;
}

/* ====================================================================== */
/* methods                                                               */
/* ====================================================================== */

static dc_uncertain *self(lua_State *L) { return luaL_checkudata(L, 1, DC_UNCERTAIN_TYPE); }

static int push_value(lua_State *L, const dc_uncertain *u, double si) {
  dc_lua_pushqty(L, si, u->dims, &u->disp);
  return 1;
}

static int unc_central(lua_State *L) { dc_uncertain *u = self(L); return push_value(L, u, u->dist.central); }
static int unc_low(lua_State *L) { dc_uncertain *u = self(L); return push_value(L, u, u->dist.low); }
static int unc_high(lua_State *L) { dc_uncertain *u = self(L); return push_value(L, u, u->dist.high); }

static int unc_dist(lua_State *L) {
  lua_pushstring(L, dc_dist_name(self(L)->dist.kind));
  return 1;
}

static int unc_source(lua_State *L) {
  self(L);
  lua_getiuservalue(L, 1, UV_SOURCE);
  return 1;
}

static int unc_group(lua_State *L) {
  self(L);
  lua_getiuservalue(L, 1, UV_GROUP);
  return 1;
}

/* the value at u, after checking u suits the distribution */
static int quantile_at(lua_State *L, const dc_uncertain *u, double p) {
  int bounded = u->dist.kind == DC_DIST_TRIANGULAR || u->dist.kind == DC_DIST_UNIFORM;
  if (bounded ? !(p >= 0 && p <= 1) : !(p > 0 && p < 1)) {
    char b[48];
    dc_fmt_number(b, sizeof b, p, 17);
    dc_lua_error(L, "quantile of a %s needs %s (got %s)", dc_dist_name(u->dist.kind),
                 bounded ? "0 <= u <= 1" : "0 < u < 1", b);
  }
  return push_value(L, u, dc_dist_quantile(&u->dist, p));
}

/* u:quantile(p) -> the Quantity at cumulative probability p */
static int unc_quantile(lua_State *L) {
  dc_uncertain *u = self(L);
  return quantile_at(L, u, luaL_checknumber(L, 2));
}

/* u:sample(seed, i [, stream]) -> draw i of the run with this seed: the
 * quantile at dc_random_uniform(seed, i, stream); stream defaults to the
 * group's (0 when none). Any integer seed; i >= 0. */
static int unc_sample(lua_State *L) {
  dc_uncertain *u = self(L);
  uint64_t seed = (uint64_t)luaL_checkinteger(L, 2);
  lua_Integer i = luaL_checkinteger(L, 3);
  if (i < 0) dc_lua_error(L, "sample index must be >= 0 (got %I)", (LUAI_UACINT)i);
  uint64_t stream = u->has_group ? u->stream : 0;
  if (!lua_isnoneornil(L, 4)) {
    lua_Integer s = luaL_checkinteger(L, 4);
    if (s < 0) dc_lua_error(L, "stream must be >= 0 (got %I)", (LUAI_UACINT)s);
    stream = (uint64_t)s;
  }
  return quantile_at(L, u, dc_random_uniform(seed, (uint64_t)i, stream));
}

/* a bound or sd as text: the number in CENTRAL's unit when it has one, else
   with its own unit; diff: a difference (no temperature offset) */
static void bound_text(char *buf, size_t size, const dc_uncertain *u, double si, int diff) {
  if (u->disp.label[0]) {
    double off = diff ? 0 : u->disp.offset;
    dc_fmt_number(buf, size, (si - off) / u->disp.scale, 0);
  } else {
    dc_units_format(buf, size, si, u->dims, NULL);
  }
}

/* uncertain(100 tCO2e/yr [80, 130] triangular), uncertain(5 MW sd=0.5 normal),
 * with `, group "pv"` when it names one */
static int unc_tostring(lua_State *L) {
  dc_uncertain *u = self(L);
  char c[96], a[96], b[96];
  dc_units_format(c, sizeof c, u->dist.central, u->dims, &u->disp);
  if (u->dist.has_sd) {
    bound_text(a, sizeof a, u, u->dist.sigma, 1);
    lua_pushfstring(L, "uncertain(%s sd=%s normal", c, a);
  } else {
    bound_text(a, sizeof a, u, u->dist.low, 0);
    bound_text(b, sizeof b, u, u->dist.high, 0);
    lua_pushfstring(L, "uncertain(%s [%s, %s] %s", c, a, b, dc_dist_name(u->dist.kind));
  }
  if (lua_getiuservalue(L, 1, UV_GROUP) == LUA_TSTRING) {
    lua_pushfstring(L, ", group \"%s\")", lua_tostring(L, -1));
    lua_remove(L, -2);
  } else {
    lua_pop(L, 1);
    lua_pushliteral(L, ")");
  }
  lua_concat(L, 2);
  return 1;
}

static const luaL_Reg unc_methods[] = {
  {"central", unc_central}, {"low", unc_low},       {"high", unc_high},
  {"dist", unc_dist},       {"source", unc_source}, {"group", unc_group},
  {"quantile", unc_quantile}, {"sample", unc_sample}, {NULL, NULL}
};

int luaopen_decarb_uncertain(lua_State *L) {
  if (luaL_newmetatable(L, DC_UNCERTAIN_TYPE)) { /* stack: mt */
    lua_pushcfunction(L, unc_tostring);
    lua_setfield(L, -2, "__tostring");
    luaL_newlib(L, unc_methods); /* stack: mt, methods */
    lua_setfield(L, -2, "__index");
    dc_lua_lock_metatable(L, -1, DC_UNCERTAIN_TYPE);
  }
  lua_pop(L, 1);
  lua_pushcfunction(L, unc_new);
  return 1;
}
