/* series_lua.c — the Lua face of the series core: the decarb.Series type
 * (s[2025], arithmetic, methods), the `series` constructors and CSV input.
 * Only checks arguments, calls series.c / csv.c and pushes results. */
#include "series_lua.h"

#include <errno.h>
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "csv.h"
#include "dc_lua.h"
#include "fmt.h"
#include "modules.h"
#include "series.h"
#include "series_lua_int.h"
#include "units_lua.h"

/* Every metamethod, method and constructor has the metatable as upvalue 1. */
#define MT lua_upvalueindex(1)

/* ======================================================================
 * helpers
 * ====================================================================== */

static double year_seconds(void) {
  static double yr = 0;
  if (yr == 0) {
    dc_unit u;
    dc_units_error e;
    yr = dc_units_parse("yr", &u, &e) == 0 ? u.scale : 31536000.0;
  }
  return yr;
}

dc_series *dc_series_lua_test(lua_State *L, int idx, int mtidx) {
  dc_series *s = (dc_series *)lua_touserdata(L, idx);
  if (s && lua_getmetatable(L, idx)) {
    int same = lua_rawequal(L, -1, mtidx);
    lua_pop(L, 1);
    if (same) return s;
  }
  return NULL;
}

/* A new series on the stack top; mtidx is the metatable's index. */
dc_series *dc_series_lua_new(lua_State *L, int mtidx, int y0, int n, dc_dims dims,
                             const dc_display *disp) {
  dc_err err;
  if (n < 1 || n > DC_SERIES_MAX_YEARS || dc_series_check_range(y0, y0 + n - 1, &err))
    dc_lua_error(L, "cannot make a series of years %d..%d: %s", y0, y0 + n - 1,
                 n < 1 ? "no years" : "year out of range (years are 0..9999)");
  mtidx = lua_absindex(L, mtidx);
  dc_series *s = (dc_series *)lua_newuserdatauv(L, dc_series_bytes(n), 0);
  lua_pushvalue(L, mtidx);
  lua_setmetatable(L, -2);
  dc_series_init(s, y0, n, dims, disp);
  return s;
}

static dc_series *checkself(lua_State *L, const char *name) {
  dc_series *s = dc_series_lua_test(L, 1, MT);
  if (!s)
    dc_lua_error(L, "bad self to '%s' (decarb.Series expected, got %s); call it as s:%s(...)",
                 name, luaL_typename(L, 1), name);
  return s;
}

/* A whole year from the value at idx (an integer or an integral float). */
int dc_series_lua_year(lua_State *L, int idx, const char *what) {
  return dc_lua_year(L, idx, what, DC_SERIES_YEAR_MIN, DC_SERIES_YEAR_MAX);
}

static int optyear(lua_State *L, int idx, int dflt, const char *what) {
  return dc_lua_opt_year(L, idx, dflt, what, DC_SERIES_YEAR_MIN, DC_SERIES_YEAR_MAX);
}

/* "a series in GWh (energy)" / "5 MW (power)" for messages; pushed. */
static const char *describe_series(lua_State *L, const dc_series *s) {
  char dim[120], label[DC_LABEL_MAX + 8];
  double scale;
  dc_dims_name(s->dims, dim, sizeof dim);
  dc_series_unit(s, label, sizeof label, &scale);
  if (label[0]) return lua_pushfstring(L, "a series in %s (%s)", label, dim);
  return lua_pushfstring(L, "a series of %s", dim);
}

static const char *describe_qty(lua_State *L, double si, dc_dims d, const dc_display *disp) {
  char val[100], dim[120];
  dc_units_format(val, sizeof val, si, d, disp);
  dc_dims_name(d, dim, sizeof dim);
  return lua_pushfstring(L, "%s (%s)", val, dim);
}

static void range_error(lua_State *L, const dc_series *s, int year) {
  dc_lua_error(L, "year %d is outside the series %d..%d (build it with extend = \"constant\", "
                  "\"linear\" or \"growth\" to read beyond its years)",
               year, s->y0, dc_series_last(s));
}

/* Pushes the value of s at year as a quantity. */
static void push_at(lua_State *L, const dc_series *s, int year) {
  double v;
  if (dc_series_at(s, year, &v) != 0) range_error(L, s, year);
  dc_lua_pushqty(L, v, s->dims, &s->disp);
}

/* ======================================================================
 * the C API other bindings use (series_lua.h)
 * ====================================================================== */

int dc_lua_toseries(lua_State *L, int idx, int y0, int y1, double *out, dc_dims *dims,
                    dc_display *disp) {
  idx = lua_absindex(L, idx);
  luaL_getmetatable(L, DC_SERIES_TYPE);
  dc_series *s = lua_isnil(L, -1) ? NULL : dc_series_lua_test(L, idx, lua_gettop(L));
  lua_pop(L, 1);
  if (s) {
    if (y1 >= y0 && dc_series_span(s, y0, y1, out) != 0) {
      int lo = y0 < s->y0 ? y0 : dc_series_last(s) + 1;
      int hi = y1 > dc_series_last(s) ? y1 : s->y0 - 1;
      dc_lua_error(L, "the series covers %d..%d but %d..%d is needed: years %d..%d are missing "
                      "(give it extend = \"constant\", \"linear\" or \"growth\", or more years)",
                   s->y0, dc_series_last(s), y0, y1, lo, hi);
    }
    if (dims) *dims = s->dims;
    if (disp) *disp = s->disp;
    return 1;
  }
  double si;
  dc_dims d;
  dc_display dd;
  if (!dc_lua_toqty(L, idx, &si, &d, &dd)) return 0;
  for (int y = y0; y <= y1; y++) out[y - y0] = si;
  if (dims) *dims = d;
  if (disp) *disp = dd;
  return 1;
}

void dc_lua_pushseries(lua_State *L, int y0, int y1, const double *si, dc_dims dims,
                       const dc_display *disp) {
  luaL_getmetatable(L, DC_SERIES_TYPE);
  if (lua_isnil(L, -1)) luaL_error(L, "the series module is not open");
  dc_series *s = dc_series_lua_new(L, -1, y0, y1 - y0 + 1, dims, disp);
  lua_remove(L, -2);
  memcpy(s->v, si, (size_t)s->n * sizeof(double));
}

/* ======================================================================
 * arithmetic
 * ====================================================================== */

static const char *const op_verb[] = {"add", "subtract", "multiply", "divide"};

/* The display of a op b: + and - keep the left unit (or the right's); a plain
 * number scales and keeps the unit; anything else shows in its preferred
 * unit. */
static dc_display result_disp(dc_series_op op, const dc_display *da, bool a_plain,
                              const dc_display *db, bool b_plain) {
  dc_display r = {1, 0, "", 0};
  if (op == DC_SERIES_ADD || op == DC_SERIES_SUB) {
    if (da->label[0]) r = *da;
    else if (db->label[0]) r = *db;
  } else if (b_plain && da->label[0]) {
    r = *da;
  } else if (a_plain && op == DC_SERIES_MUL && db->label[0]) {
    r = *db;
  }
  /* CO2 with CO2e (a sum, or a CO2e factor) is CO2e */
  if ((da->co2e || db->co2e) && !r.co2e) {
    r.co2e = 1;
    if (!dc_units_label_co2e(r.label, sizeof r.label)) r.label[0] = '\0', r.scale = 1, r.offset = 0;
  }
  return r;
}

static int mismatch(lua_State *L, dc_series_op op, const char *a, const char *b) {
  if (op == DC_SERIES_SUB) return dc_lua_error(L, "cannot subtract %s from %s", b, a);
  if (op == DC_SERIES_ADD) return dc_lua_error(L, "cannot add %s and %s", a, b);
  return dc_lua_error(L, "cannot %s %s by %s: unit exponent out of range", op_verb[op], a, b);
}

/* Both operands series (the hot path of a*b + c): one metatable fetch each,
 * compared at once. */
static bool both_series(lua_State *L, dc_series **a, dc_series **b) {
  *a = (dc_series *)lua_touserdata(L, 1);
  *b = (dc_series *)lua_touserdata(L, 2);
  if (!*a || !*b || !lua_getmetatable(L, 1)) return false;
  if (!lua_getmetatable(L, 2)) {
    lua_pop(L, 1);
    return false;
  }
  bool ok = lua_rawequal(L, -1, MT) && lua_rawequal(L, -2, MT);
  lua_pop(L, 2);
  return ok;
}

/* A new series on the stack top, of years already known to be valid. */
static dc_series *push_new(lua_State *L, int y0, int n, dc_dims dims, const dc_display *disp) {
  dc_series *s = (dc_series *)lua_newuserdatauv(L, dc_series_bytes(n), 0);
  lua_pushvalue(L, MT);
  lua_setmetatable(L, -2);
  dc_series_init(s, y0, n, dims, disp);
  return s;
}

static int arith(lua_State *L, dc_series_op op) {
  dc_series *a, *b;
  dc_err err;
  dc_dims d;
  if (both_series(L, &a, &b)) {
    if (dc_series_op_dims(op, a->dims, &a->disp, b->dims, &b->disp, &d, &err))
      return mismatch(L, op, describe_series(L, a), describe_series(L, b));
    int y0, y1;
    if (dc_series_overlap(a, b, &y0, &y1))
      return dc_lua_error(L, "cannot %s series %d..%d and %d..%d: their years do not overlap",
                          op_verb[op], a->y0, dc_series_last(a), b->y0, dc_series_last(b));
    dc_display disp = result_disp(op, &a->disp, false, &b->disp, false);
    dc_series *r = push_new(L, y0, y1 - y0 + 1, d, &disp);
    dc_series_arith(op, a, b, r);
    r->extend = a->extend == b->extend ? a->extend : DC_EXTEND_NONE;
    return 1;
  }
  /* one side a series, the other a quantity, number or unit string */
  a = dc_series_lua_test(L, 1, MT);
  b = a ? NULL : dc_series_lua_test(L, 2, MT);
  dc_series *s = a ? a : b;
  int other = a ? 2 : 1;
  double k;
  dc_dims kd;
  dc_display kdisp;
  if (!dc_lua_toqty(L, other, &k, &kd, &kdisp))
    return dc_lua_error(L, "cannot %s a series and a %s value", op_verb[op],
                        luaL_typename(L, other));
  bool plain = lua_type(L, other) == LUA_TNUMBER;
  int rc = a ? dc_series_op_dims(op, s->dims, NULL, kd, NULL, &d, &err)
             : dc_series_op_dims(op, kd, NULL, s->dims, NULL, &d, &err);
  if (rc) {
    const char *ds = describe_series(L, s), *dq = describe_qty(L, k, kd, &kdisp);
    return mismatch(L, op, a ? ds : dq, a ? dq : ds);
  }
  dc_display disp = a ? result_disp(op, &s->disp, false, &kdisp, plain)
                      : result_disp(op, &kdisp, plain, &s->disp, false);
  dc_series *r = push_new(L, s->y0, s->n, d, &disp);
  dc_series_kernel_scalar(op, s->v, k, !a, r->v, s->n);
  r->extend = s->extend;
  return 1;
}

static int s_add(lua_State *L) { return arith(L, DC_SERIES_ADD); }
static int s_sub(lua_State *L) { return arith(L, DC_SERIES_SUB); }
static int s_mul(lua_State *L) { return arith(L, DC_SERIES_MUL); }
static int s_div(lua_State *L) { return arith(L, DC_SERIES_DIV); }

static int s_unm(lua_State *L) {
  dc_series *a = checkself(L, "__unm");
  dc_series *r = dc_series_lua_new(L, MT, a->y0, a->n, a->dims, &a->disp);
  for (int i = 0; i < a->n; i++) r->v[i] = -a->v[i];
  r->extend = a->extend;
  return 1;
}

static int s_pow(lua_State *L) {
  dc_series *a = dc_series_lua_test(L, 1, MT);
  if (!a || lua_type(L, 2) != LUA_TNUMBER)
    return dc_lua_error(L, "a series can only be raised to a plain number (s ^ 2)");
  double p = lua_tonumber(L, 2);
  dc_dims d = a->dims;
  if (!dc_dims_none(a->dims)) {
    if (p != floor(p) || fabs(p) > 16 || !dc_dims_pow(a->dims, (int)p, &d))
      return dc_lua_error(L, "cannot raise %s to %s: a unit needs a small whole power",
                          describe_series(L, a), lua_tostring(L, 2));
  }
  dc_series *r = dc_series_lua_new(L, MT, a->y0, a->n, d, NULL);
  dc_series_pow(a, p, r);
  r->extend = a->extend;
  return 1;
}

/* ======================================================================
 * metamethods
 * ====================================================================== */

static int s_index(lua_State *L) {
  dc_series *s = dc_series_lua_test(L, 1, MT);
  if (lua_type(L, 2) == LUA_TSTRING) {
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(2)) != LUA_TNIL) return 1;
    return dc_lua_error(L, "series have no field '%s' (index them by year, s[2025], or call a "
                           "method such as s:sum())",
                        lua_tostring(L, 2));
  }
  if (lua_type(L, 2) != LUA_TNUMBER)
    return dc_lua_error(L, "series are indexed by year (s[2025]), got %s", luaL_typename(L, 2));
  push_at(L, s, dc_series_lua_year(L, 2, "series index"));
  return 1;
}

static int s_newindex(lua_State *L) {
  return dc_lua_error(L, "series are read-only; build a new one (series{...}, s + x, s:map(f))");
}

static int s_len(lua_State *L) {
  lua_pushinteger(L, checkself(L, "__len")->n);
  return 1;
}

static int s_tostring(lua_State *L) {
  dc_series *s = checkself(L, "__tostring");
  luaL_Buffer b;
  size_t n = dc_series_format(s, NULL, 0, 16);
  char *p = luaL_buffinitsize(L, &b, n + 1);
  dc_series_format(s, p, n + 1, 16);
  luaL_pushresultsize(&b, n);
  return 1;
}

static int s_concat(lua_State *L) {
  luaL_tolstring(L, 1, NULL);
  luaL_tolstring(L, 2, NULL);
  lua_concat(L, 2);
  return 1;
}

/* pairs(s): year, quantity in year order */
static int s_next(lua_State *L) {
  dc_series *s = dc_series_lua_test(L, 1, MT);
  int y = lua_isnil(L, 2) ? s->y0 : (int)lua_tointeger(L, 2) + 1;
  if (y > dc_series_last(s)) return 0;
  lua_pushinteger(L, y);
  dc_lua_pushqty(L, s->v[y - s->y0], s->dims, &s->disp);
  return 2;
}

static int s_pairs(lua_State *L) {
  checkself(L, "__pairs");
  lua_pushvalue(L, MT);
  lua_pushcclosure(L, s_next, 1);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

/* ======================================================================
 * methods
 * ====================================================================== */

static int m_at(lua_State *L) {
  dc_series *s = checkself(L, "at");
  push_at(L, s, dc_series_lua_year(L, 2, "year"));
  return 1;
}

static int m_years(lua_State *L) {
  dc_series *s = checkself(L, "years");
  lua_createtable(L, s->n, 0);
  for (int i = 0; i < s->n; i++) {
    lua_pushinteger(L, s->y0 + i);
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

static int m_range(lua_State *L) {
  dc_series *s = checkself(L, "range");
  lua_pushinteger(L, s->y0);
  lua_pushinteger(L, dc_series_last(s));
  return 2;
}

static int m_values(lua_State *L) {
  dc_series *s = checkself(L, "values");
  double scale = 1, offset = 0;
  if (!lua_isnoneornil(L, 2)) {
    dc_unit u;
    dc_lua_checkunit(L, 2, &u, NULL);
    if (!dc_dims_eq(u.dims, s->dims)) {
      char dim[120];
      dc_dims_name(u.dims, dim, sizeof dim);
      return dc_lua_error(L, "cannot express %s in %s (%s)", describe_series(L, s),
                          lua_tostring(L, 2), dim);
    }
    scale = u.scale, offset = u.offset;
  } else if (s->disp.label[0]) {
    scale = s->disp.scale, offset = s->disp.offset;
  } else if (!dc_dims_none(s->dims)) {
    return dc_lua_error(L, "values of %s need a unit, as in :values\"MWh\"",
                        describe_series(L, s));
  }
  lua_createtable(L, s->n, 0);
  for (int i = 0; i < s->n; i++) {
    lua_pushnumber(L, (s->v[i] - offset) / scale);
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

static int m_to(lua_State *L) {
  dc_series *s = checkself(L, "to");
  dc_unit u;
  dc_display d;
  dc_lua_checkunit(L, 2, &u, &d);
  if (!dc_dims_eq(u.dims, s->dims)) {
    char dim[120];
    dc_dims_name(u.dims, dim, sizeof dim);
    return dc_lua_error(L, "cannot convert %s to %s (%s)", describe_series(L, s),
                        lua_tostring(L, 2) ? lua_tostring(L, 2) : d.label, dim);
  }
  dc_series *r = dc_series_lua_new(L, MT, s->y0, s->n, s->dims, &d);
  memcpy(r->v, s->v, (size_t)s->n * sizeof(double));
  r->extend = s->extend;
  return 1;
}

static int m_unit(lua_State *L) {
  dc_series *s = checkself(L, "unit");
  char label[DC_LABEL_MAX + 8];
  double scale;
  dc_series_unit(s, label, sizeof label, &scale);
  lua_pushstring(L, label);
  return 1;
}

static int m_dim(lua_State *L) {
  dc_series *s = checkself(L, "dim");
  char dim[120];
  lua_pushstring(L, dc_dims_name(s->dims, dim, sizeof dim));
  return 1;
}

/* The display of a sum: "tCO2/yr" summed gives "tCO2"; otherwise the same. */
static dc_display sum_disp(const dc_series *s, dc_dims d) {
  dc_display r = {1, 0, "", 0};
  if (!dc_series_is_rate(s->dims)) return s->disp;
  size_t n = strlen(s->disp.label);
  if (n > 3 && strcmp(s->disp.label + n - 3, "/yr") == 0) {
    char base[DC_LABEL_MAX];
    dc_unit u;
    dc_units_error e;
    memcpy(base, s->disp.label, n - 3);
    base[n - 3] = '\0';
    if (dc_units_parse_display(base, &u, &r, &e) != 0 || !dc_dims_eq(u.dims, d)) r.label[0] = '\0';
  }
  return r;
}

static int m_sum(lua_State *L) {
  dc_series *s = checkself(L, "sum");
  int y1 = optyear(L, 2, s->y0, "first year"), y2 = optyear(L, 3, dc_series_last(s), "last year");
  double total;
  dc_dims d;
  dc_err err;
  if (dc_series_sum(s, y1, y2, year_seconds(), &total, &d, &err))
    return dc_lua_error(L, "%s", err.msg);
  dc_display disp = sum_disp(s, d);
  dc_lua_pushqty(L, total, d, &disp);
  return 1;
}

static int m_cumsum(lua_State *L) {
  dc_series *s = checkself(L, "cumsum");
  dc_series *r = dc_series_lua_new(L, MT, s->y0, s->n, s->dims, NULL);
  dc_series_cumsum(s, year_seconds(), r);
  r->disp = sum_disp(s, r->dims);
  return 1;
}

/* s:min(), s:max() give (value, year); s:peak() gives (year, value), as a
 * peak is read "in 2030, at ..." */
static int extreme(lua_State *L, const char *name, bool lowest, bool year_first) {
  dc_series *s = checkself(L, name);
  int y;
  double v;
  if (lowest) dc_series_min(s, &y, &v);
  else dc_series_max(s, &y, &v);
  if (year_first) lua_pushinteger(L, y);
  dc_lua_pushqty(L, v, s->dims, &s->disp);
  if (!year_first) lua_pushinteger(L, y);
  return 2;
}

static int m_min(lua_State *L) { return extreme(L, "min", true, false); }
static int m_max(lua_State *L) { return extreme(L, "max", false, false); }
static int m_peak(lua_State *L) { return extreme(L, "peak", false, true); }

static int m_cagr(lua_State *L) {
  dc_series *s = checkself(L, "cagr");
  int y1 = optyear(L, 2, s->y0, "first year"), y2 = optyear(L, 3, dc_series_last(s), "last year");
  double r;
  dc_err err;
  if (dc_series_cagr(s, y1, y2, &r, &err)) return dc_lua_error(L, "%s", err.msg);
  lua_pushnumber(L, r);
  return 1;
}

static int m_share(lua_State *L) {
  dc_series *s = checkself(L, "share");
  dc_series *t = dc_series_lua_test(L, 2, MT);
  double k;
  dc_dims kd;
  dc_display kdisp;
  dc_display pct = {0.01, 0, "%", 0};
  dc_dims none = {{0}};
  if (t) {
    if (!dc_dims_eq(s->dims, t->dims))
      return dc_lua_error(L, "share needs a total of the same kind: %s is not a share of %s",
                          describe_series(L, s), describe_series(L, t));
    int y0, y1;
    if (dc_series_overlap(s, t, &y0, &y1))
      return dc_lua_error(L, "share: series %d..%d and total %d..%d do not overlap", s->y0,
                          dc_series_last(s), t->y0, dc_series_last(t));
    dc_series *r = dc_series_lua_new(L, MT, y0, y1 - y0 + 1, none, &pct);
    dc_series_arith(DC_SERIES_DIV, s, t, r);
    return 1;
  }
  if (!dc_lua_toqty(L, 2, &k, &kd, &kdisp))
    return dc_lua_error(L, "share needs a total (a series or a quantity), got %s",
                        luaL_typename(L, 2));
  if (!dc_dims_eq(s->dims, kd))
    return dc_lua_error(L, "share needs a total of the same kind: %s is not a share of %s",
                        describe_series(L, s), describe_qty(L, k, kd, &kdisp));
  dc_series *r = dc_series_lua_new(L, MT, s->y0, s->n, none, &pct);
  dc_series_kernel_scalar(DC_SERIES_DIV, s->v, k, false, r->v, s->n);
  return 1;
}

static int m_diff(lua_State *L) {
  dc_series *s = checkself(L, "diff");
  if (s->n < 2)
    return dc_lua_error(L, "diff needs at least two years (the series has only the year %d)", s->y0);
  dc_series *r = dc_series_lua_new(L, MT, s->y0 + 1, s->n - 1, s->dims, &s->disp);
  dc_series_diff(s, r);
  return 1;
}

static int m_shift(lua_State *L) {
  dc_series *s = checkself(L, "shift");
  int isnum;
  lua_Integer k = lua_tointegerx(L, 2, &isnum);
  if (!isnum) return dc_lua_error(L, "shift needs a whole number of years");
  if (k < -DC_SERIES_YEAR_MAX || k > DC_SERIES_YEAR_MAX || s->y0 + k < DC_SERIES_YEAR_MIN ||
      dc_series_last(s) + k > DC_SERIES_YEAR_MAX)
    return dc_lua_error(L, "shift by %I would leave the years %d..%d", (LUAI_UACINT)k,
                        DC_SERIES_YEAR_MIN, DC_SERIES_YEAR_MAX);
  dc_series *r = dc_series_lua_new(L, MT, s->y0 + (int)k, s->n, s->dims, &s->disp);
  memcpy(r->v, s->v, (size_t)s->n * sizeof(double));
  r->extend = s->extend;
  return 1;
}


static void args_value_year(lua_State *L, const dc_series *src, int year) {
  dc_lua_pushqty(L, src->v[year - src->y0], src->dims, &src->disp);
  lua_pushinteger(L, year);
}

void dc_series_lua_collect(lua_State *L, int mtidx, int fidx, int y0, int y1,
                           const dc_series *src, dc_series_push_args push, int nargs,
                           const char *who, const dc_unit *unit, const dc_display *udisp) {
  int n = y1 - y0 + 1;
  double *v = (double *)lua_newuserdatauv(L, (size_t)n * sizeof(double), 0); /* scratch */
  int vidx = lua_gettop(L);
  dc_dims d = {{0}}, first = {{0}};
  dc_display disp = {1, 0, "", 0};
  for (int y = y0; y <= y1; y++) {
    lua_pushvalue(L, fidx);
    push(L, src, y);
    lua_call(L, nargs, 1);
    double si;
    dc_display dd;
    if (lua_type(L, -1) == LUA_TNUMBER && unit) {
      si = lua_tonumber(L, -1) * unit->scale + unit->offset;
      d = unit->dims;
    } else if (!dc_lua_toqty(L, -1, &si, &d, &dd)) {
      dc_lua_error(L, "%s: the function returned %s for %d (expected a quantity or a number)",
                   who, luaL_typename(L, -1), y);
    } else if (y == y0) {
      disp = dd;
    }
    if (y == y0) first = d;
    else if (!dc_dims_eq(first, d)) {
      char a[120], b[120];
      dc_lua_error(L, "%s: the function returned %s for %d but %s for %d", who,
                   dc_dims_name(first, a, sizeof a), y0, dc_dims_name(d, b, sizeof b), y);
    }
    if (unit && !dc_dims_eq(unit->dims, d)) {
      char a[120];
      dc_lua_error(L, "%s: the function returned %s for %d, not %s", who,
                   dc_dims_name(d, a, sizeof a), y, udisp->label);
    }
    v[y - y0] = si;
    lua_pop(L, 1);
  }
  dc_series *r = dc_series_lua_new(L, mtidx, y0, n, first, unit ? udisp : &disp);
  memcpy(r->v, v, (size_t)n * sizeof(double));
  lua_remove(L, vidx);
}

static int m_map(lua_State *L) {
  dc_series *s = checkself(L, "map");
  luaL_checktype(L, 2, LUA_TFUNCTION);
  dc_series_lua_collect(L, MT, 2, s->y0, dc_series_last(s), s, args_value_year, 2, "map", NULL,
                        NULL);
  return 1;
}

/* s:table(): every year on its own line (no final line end), for reading a
 * whole series */
static int m_table(lua_State *L) {
  dc_series *s = checkself(L, "table");
  char label[DC_LABEL_MAX + 8], num[64];
  double scale, offset = s->disp.label[0] ? s->disp.offset : 0;
  luaL_Buffer b;
  dc_series_unit(s, label, sizeof label, &scale);
  luaL_buffinit(L, &b);
  for (int i = 0; i < s->n; i++) {
    dc_fmt_number(num, sizeof num, (s->v[i] - offset) / scale, 0);
    lua_pushfstring(L, "%s%d  %s%s%s", i ? "\n" : "", s->y0 + i, num, label[0] ? " " : "",
                    label);
    luaL_addvalue(&b);
  }
  luaL_pushresult(&b);
  return 1;
}

/* The compact year table the REPL prints a series as: a header line, then
 * rows of "YEAR  VALUE" cells, as many a row as fit in `width` columns (10,
 * 5, 4, 3, 2 or 1, so rows start at round years), the values right-aligned;
 * a long series shows its first and last rows around "...". No final line end. */
#define TABLE_ROWS 24
static void push_year_table(lua_State *L, const dc_series *s, int width) {
  char label[DC_LABEL_MAX + 8], num[64], yr[24];
  double scale, offset = s->disp.label[0] ? s->disp.offset : 0;
  dc_series_unit(s, label, sizeof label, &scale);
  int wv = 1, wy = 4;
  for (int i = 0; i < s->n; i++) {
    int k = (int)dc_fmt_number(num, sizeof num, (s->v[i] - offset) / scale, 0);
    if (k > wv) wv = k;
  }
  for (int i = 0; i < s->n; i += s->n - 1 > 0 ? s->n - 1 : 1) {
    int k = snprintf(yr, sizeof yr, "%d", s->y0 + i);
    if (k > wy) wy = k;
  }
  static const int per_row[] = {10, 5, 4, 3, 2, 1};
  int k = 1, cw = wy + 2 + wv;
  for (size_t j = 0; j < sizeof per_row / sizeof *per_row; j++)
    if (2 + per_row[j] * cw + (per_row[j] - 1) * 3 <= width) {
      k = per_row[j];
      break;
    }
  if (k > s->n) k = s->n;
  int rows = (s->n + k - 1) / k;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  lua_pushfstring(L, "series %d..%d", s->y0, dc_series_last(s));
  luaL_addvalue(&b);
  if (label[0]) {
    lua_pushfstring(L, " (%s)", label);
    luaL_addvalue(&b);
  }
  if (s->n > 1) {
    lua_pushfstring(L, ", %d years", s->n);
    luaL_addvalue(&b);
  }
  for (int r = 0; r < rows; r++) {
    if (rows > TABLE_ROWS && r >= TABLE_ROWS / 2 && r < rows - TABLE_ROWS / 2) {
      if (r == TABLE_ROWS / 2) luaL_addstring(&b, "\n  ...");
      continue;
    }
    luaL_addstring(&b, "\n ");
    for (int c = 0; c < k && r * k + c < s->n; c++) {
      int i = r * k + c;
      dc_fmt_number(num, sizeof num, (s->v[i] - offset) / scale, 0);
      char cell[160];
      snprintf(cell, sizeof cell, "%s%*d  %*s", c ? "   " : " ", wy, s->y0 + i, wv, num);
      luaL_addstring(&b, cell);
    }
  }
  if (s->extend != DC_EXTEND_NONE) {
    lua_pushfstring(L, "\n(extends: %s)", dc_extend_name(s->extend));
    luaL_addvalue(&b);
  }
  luaL_pushresult(&b);
}

int dc_series_lua_push_table(lua_State *L, int idx, int width) {
  dc_series *s = luaL_testudata(L, idx, DC_SERIES_TYPE);
  if (!s) return 0;
  push_year_table(L, s, width);
  return 1;
}

static int push_chart_buf(lua_State *L) {
  const dc_chart_buf *b = lua_touserdata(L, 1);
  lua_pushlstring(L, b->data, b->len);
  return 1;
}

/* Pushes the braille plot of a series (chart_term.c) as a string (no final
 * line end), or raises an error. */
static void push_plot(lua_State *L, const dc_series *s, int width, int rows) {
  char label[DC_LABEL_MAX + 8];
  double scale, offset = s->disp.label[0] ? s->disp.offset : 0;
  dc_series_unit(s, label, sizeof label, &scale);
  int top = lua_gettop(L);
  int *years = lua_newuserdatauv(L, (size_t)s->n * sizeof *years, 0);
  double *vals = lua_newuserdatauv(L, (size_t)s->n * sizeof *vals, 0);
  for (int i = 0; i < s->n; i++) {
    years[i] = s->y0 + i;
    vals[i] = (s->v[i] - offset) / scale;
  }
  dc_chart_buf out = {0};
  out.max = (size_t)64 << 20;
  int rc = dc_chart_term_plot(&out, years, vals, s->n, label, width, rows);
  if (rc != DC_CHART_OK) {
    dc_chart_buf_free(&out);
    dc_lua_error(L, "s:plot: %s", dc_chart_strerror(rc));
  }
  while (out.len && out.data[out.len - 1] == '\n') out.len--;
  /* copied in protected mode: a memory error must not leak the buffer */
  lua_pushcfunction(L, push_chart_buf);
  lua_pushlightuserdata(L, &out);
  rc = lua_pcall(L, 1, 1, 0);
  dc_chart_buf_free(&out);
  if (rc != LUA_OK) lua_error(L);
  lua_replace(L, top + 1);
  lua_settop(L, top + 1);
}

int dc_series_lua_push_plot(lua_State *L, int idx, int width, int rows) {
  dc_series *s = luaL_testudata(L, idx, DC_SERIES_TYPE);
  if (!s) return 0;
  push_plot(L, s, width, rows);
  return 1;
}

/* s:plot{ width = W, rows = R }: prints a braille line chart of the series
 * through print(), W columns wide (default: the terminal's width, else 80)
 * and R rows high (default 8). */
static int m_plot(lua_State *L) {
  dc_series *s = checkself(L, "plot");
  int width = dc_chart_term_width(1) - 1, rows = 8;
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    if (lua_getfield(L, 2, "width") != LUA_TNIL) {
      if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 24 || lua_tointeger(L, -1) > 500)
        return dc_lua_error(L, "s:plot: width must be a whole number of columns from 24 to 500");
      width = (int)lua_tointeger(L, -1);
    }
    if (lua_getfield(L, 2, "rows") != LUA_TNIL) {
      if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 2 || lua_tointeger(L, -1) > 40)
        return dc_lua_error(L, "s:plot: rows must be a whole number from 2 to 40");
      rows = (int)lua_tointeger(L, -1);
    }
    lua_pop(L, 2);
  }
  if (width < 24) width = 24;
  if (width > 500) width = 500;
  push_plot(L, s, width, rows);
  lua_getglobal(L, "print");
  lua_insert(L, -2);
  lua_call(L, 1, 0);
  return 0;
}

static const luaL_Reg series_meta[] = {
    {"__add", s_add},     {"__sub", s_sub},           {"__mul", s_mul},
    {"__div", s_div},     {"__unm", s_unm},           {"__pow", s_pow},
    {"__len", s_len},     {"__tostring", s_tostring}, {"__concat", s_concat},
    {"__pairs", s_pairs}, {"__newindex", s_newindex}, {NULL, NULL}};

static const luaL_Reg series_methods[] = {
    {"at", m_at},         {"years", m_years}, {"range", m_range}, {"values", m_values},
    {"to", m_to},         {"unit", m_unit},   {"dim", m_dim},     {"sum", m_sum},
    {"cumsum", m_cumsum}, {"min", m_min},     {"max", m_max},     {"peak", m_peak},
    {"cagr", m_cagr},     {"share", m_share}, {"diff", m_diff},   {"shift", m_shift},
    {"map", m_map},       {"table", m_table}, {"plot", m_plot},   {NULL, NULL}};

int luaopen_decarb_series(lua_State *L) {
  luaL_newmetatable(L, DC_SERIES_TYPE); /* stack: mt */
  int mt = lua_gettop(L);
  lua_pushvalue(L, mt);
  luaL_setfuncs(L, series_meta, 1);
  lua_pushvalue(L, mt); /* __index: upvalues mt, methods */
  lua_newtable(L);
  lua_pushvalue(L, mt);
  luaL_setfuncs(L, series_methods, 1);
  /* the methods also sit raw in the metatable, where the REPL's completion
     reads them without running __index (as for decarb.Plan) */
  lua_pushvalue(L, -1);
  lua_setfield(L, mt, "methods");
  lua_pushcclosure(L, s_index, 2);
  lua_setfield(L, mt, "__index");
  dc_lua_lock_metatable(L, mt, DC_SERIES_TYPE);
  dc_series_lua_open_ctors(L, mt); /* stack: mt, series */
  lua_remove(L, mt);
  return 1;
}
