/* series_build.c — the `series` constructors: series{...}, series.growth,
 * series.const, series.fn, series.csv (RFC 4180 files below the script's
 * folder) and series.is. The Series type itself is in series_lua.c. */
#include <errno.h>
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "safeopen.h"
#include "dc_lua.h"
#include "series.h"
#include "series_lua.h"
#include "series_lua_int.h"
#include "units_lua.h"

/* Every constructor has the Series metatable as upvalue 1. */
#define MT lua_upvalueindex(1)



/* A point given to a constructor, before interpolation. */
typedef struct point {
  int year;
  bool plain; /* a plain number with no unit option: dimensionless */
  double si;
  dc_dims dims;
  dc_display disp;
} point;

typedef struct build_opts {
  bool has_unit;
  dc_unit unit;
  dc_display udisp;
  dc_interp interp;
  dc_extend extend;
} build_opts;

static void get_opts(lua_State *L, int t, build_opts *o) {
  memset(o, 0, sizeof *o);
  o->interp = DC_INTERP_LINEAR;
  o->extend = DC_EXTEND_NONE;
  if (lua_getfield(L, t, "unit") != LUA_TNIL) {
    dc_lua_checkunit(L, -1, &o->unit, &o->udisp);
    o->has_unit = true;
  }
  lua_pop(L, 1);
  if (lua_getfield(L, t, "interp") != LUA_TNIL) {
    const char *m = lua_tostring(L, -1);
    if (!m || dc_interp_parse(m, &o->interp) != 0)
      dc_lua_error(L, "interp must be \"linear\", \"step\" or \"growth\", got %s%s%s",
                   m ? "\"" : "", m ? m : luaL_typename(L, -1), m ? "\"" : "");
  }
  lua_pop(L, 1);
  if (lua_getfield(L, t, "extend") != LUA_TNIL) {
    const char *m = lua_tostring(L, -1);
    if (!m || dc_extend_parse(m, &o->extend) != 0)
      dc_lua_error(L, "extend must be \"constant\", \"linear\", \"growth\" or \"none\", got %s%s%s",
                   m ? "\"" : "", m ? m : luaL_typename(L, -1), m ? "\"" : "");
  }
  lua_pop(L, 1);
}

/* Gives s its extend rule, once the values are in (growth needs them). */
static void set_extend(lua_State *L, dc_series *s, dc_extend e, const char *who) {
  dc_err err;
  if (dc_series_check_extend(s, e, &err)) dc_lua_error(L, "%s: %s", who, err.msg);
  s->extend = e;
}

/* The value at idx as a point of year y (the unit option applies to plain
 * numbers; quantities must match it). */
static void to_point(lua_State *L, int idx, const build_opts *o, int year, const char *who,
                     point *p) {
  p->year = year;
  p->plain = false;
  if (lua_type(L, idx) == LUA_TNUMBER) {
    double v = lua_tonumber(L, idx);
    if (o->has_unit) {
      p->si = v * o->unit.scale + o->unit.offset;
      p->dims = o->unit.dims;
      p->disp = o->udisp;
    } else {
      p->si = v;
      memset(&p->dims, 0, sizeof p->dims);
      p->disp = (dc_display){1, 0, "", 0};
      p->plain = true;
    }
    return;
  }
  if (!dc_lua_toqty(L, idx, &p->si, &p->dims, &p->disp))
    dc_lua_error(L, "%s: the value for %d must be a number, a quantity or a string such as "
                    "\"5 MW\", got %s",
                 who, year, luaL_typename(L, idx));
  if (o->has_unit && !dc_dims_eq(p->dims, o->unit.dims)) {
    char a[120], b[120];
    dc_lua_error(L, "%s: the value for %d is %s, not %s like unit = \"%s\"", who, year,
                 dc_dims_name(p->dims, a, sizeof a), dc_dims_name(o->unit.dims, b, sizeof b),
                 o->udisp.label);
  }
}

static int cmp_point(const void *a, const void *b) {
  int x = ((const point *)a)->year, y = ((const point *)b)->year;
  return (x > y) - (x < y);
}

/* Sorts np points, checks they agree, interpolates: pushes the series.
 * where(i) names a point's origin in messages (NULL: "year N"). */
static void build_points(lua_State *L, int mtidx, point *pts, size_t np, const build_opts *o,
                         const char *who) {
  dc_err err;
  if (np == 0) dc_lua_error(L, "%s: no years given (write [2020] = ...)", who);
  qsort(pts, np, sizeof *pts, cmp_point);
  const point *lead = &pts[0];
  for (size_t i = 0; i < np; i++) {
    if (i > 0 && pts[i].year == pts[i - 1].year)
      dc_lua_error(L, "%s: the year %d is given twice", who, pts[i].year);
    if (!pts[i].plain && pts[0].plain) lead = &pts[i];
  }
  for (size_t i = 0; i < np; i++) {
    const point *p = &pts[i];
    if (p->plain != lead->plain && !dc_dims_none(lead->dims))
      dc_lua_error(L, "%s: the value for %d is a plain number but the value for %d has a unit "
                      "(%s); write the unit or give unit = \"...\"",
                   who, p->plain ? p->year : lead->year, p->plain ? lead->year : p->year,
                   lead->disp.label[0] ? lead->disp.label : "of its own");
    if (!dc_dims_eq(p->dims, lead->dims)) {
      char a[120], b[120];
      dc_lua_error(L, "%s: the values must be of one kind: %d is %s but %d is %s", who,
                   lead->year, dc_dims_name(lead->dims, a, sizeof a), p->year,
                   dc_dims_name(p->dims, b, sizeof b));
    }
  }
  int y0 = pts[0].year, y1 = pts[np - 1].year;
  if (dc_series_check_range(y0, y1, &err)) dc_lua_error(L, "%s: %s", who, err.msg);
  /* scratch arrays for the core, owned by Lua in case of an error */
  int *years = (int *)lua_newuserdatauv(L, np * sizeof(int), 0);
  double *si = (double *)lua_newuserdatauv(L, np * sizeof(double), 0);
  for (size_t i = 0; i < np; i++) years[i] = pts[i].year, si[i] = pts[i].si;
  const dc_display *disp = o->has_unit ? &o->udisp : NULL;
  for (size_t i = 0; i < np && !disp; i++)
    if (pts[i].disp.label[0]) disp = &pts[i].disp;
  dc_series *s = dc_series_lua_new(L, mtidx, y0, y1 - y0 + 1, lead->dims, disp);
  if (dc_series_fill_points(s, years, si, np, o->interp, &err))
    dc_lua_error(L, "%s: %s", who, err.msg);
  set_extend(L, s, o->extend, who);
  lua_replace(L, -3); /* stack: ..., series, si */
  lua_pop(L, 1);
}

/* series{ [2020] = ..., [2035] = ..., unit =, interp =, extend = } */
static int c_points(lua_State *L) {
  if (!lua_istable(L, 1))
    return dc_lua_error(L, "series{...} needs a table of years: series{ [2020] = 1, [2035] = 2 }");
  dc_lua_check_fields(L, 1, "series", "unit, interp, extend", -1, NULL);
  build_opts o;
  get_opts(L, 1, &o);
  size_t np = 0;
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    lua_pop(L, 1);
    if (lua_isinteger(L, -1)) np++;
  }
  point *pts = (point *)lua_newuserdatauv(L, (np ? np : 1) * sizeof(point), 0);
  int ptsidx = lua_gettop(L);
  size_t i = 0;
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    if (lua_isinteger(L, -2)) {
      int y = dc_series_lua_year(L, -2, "year");
      to_point(L, -1, &o, y, "series", &pts[i++]);
    }
    lua_pop(L, 1);
  }
  build_points(L, MT, pts, np, &o, "series");
  lua_remove(L, ptsidx);
  return 1;
}

static int s_call(lua_State *L) {
  lua_remove(L, 1); /* the series table */
  return c_points(L);
}

/* from / to of a constructor's table. With open_to non-NULL, `to` may be
 * left out: *open_to is then set and *y1 is from + 1. */
static void get_span(lua_State *L, int t, const char *who, int *y0, int *y1, bool *open_to) {
  dc_err err;
  lua_getfield(L, t, "from");
  lua_getfield(L, t, "to");
  if (open_to) *open_to = lua_isnil(L, -1);
  if (lua_isnil(L, -2) || (lua_isnil(L, -1) && !open_to))
    dc_lua_error(L, "%s{...} needs from = YEAR and to = YEAR", who);
  *y0 = dc_series_lua_year(L, -2, "from");
  *y1 = lua_isnil(L, -1) ? *y0 + 1 : dc_series_lua_year(L, -1, "to");
  lua_pop(L, 2);
  if (dc_series_check_range(*y0, *y1, &err)) dc_lua_error(L, "%s: %s", who, err.msg);
}

/* series.growth{ "2.1 TWh", from = 2020, rate = 0.04, to = 2035 }; without
 * `to` it is open-ended: two years stored, extended by their growth rate. */
static int c_growth(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  dc_lua_check_fields(L, 1, "series.growth", "from, to, rate, unit, extend", 1, NULL);
  build_opts o;
  get_opts(L, 1, &o);
  int y0, y1;
  bool open_ended, has_extend;
  get_span(L, 1, "series.growth", &y0, &y1, &open_ended);
  has_extend = lua_getfield(L, 1, "extend") != LUA_TNIL;
  lua_pop(L, 1);
  point p;
  lua_rawgeti(L, 1, 1);
  if (lua_isnil(L, -1))
    return dc_lua_error(L, "series.growth{...} needs a start value first: "
                           "series.growth{ \"2.1 TWh\", from = 2020, rate = 0.04, to = 2035 }");
  to_point(L, -1, &o, y0, "series.growth", &p);
  double rate;
  dc_dims rd;
  lua_getfield(L, 1, "rate");
  if (lua_isnil(L, -1) || !dc_lua_toqty(L, -1, &rate, &rd, NULL) || !dc_dims_none(rd))
    return dc_lua_error(L, "series.growth needs rate = a number (0.04) or a percentage (\"4 %%\")");
  dc_err err;
  dc_series *s = dc_series_lua_new(L, MT, y0, y1 - y0 + 1, p.dims, o.has_unit ? &o.udisp : &p.disp);
  if (dc_series_fill_growth(s, p.si, rate, &err))
    return dc_lua_error(L, "series.growth: %s", err.msg);
  set_extend(L, s, open_ended && !has_extend ? DC_EXTEND_GROWTH : o.extend, "series.growth");
  return 1;
}

/* series.const{ "5 MW", from = 2020, to = 2035 } */
static int c_const(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  dc_lua_check_fields(L, 1, "series.const", "from, to, unit, extend", 1, NULL);
  build_opts o;
  get_opts(L, 1, &o);
  int y0, y1;
  get_span(L, 1, "series.const", &y0, &y1, NULL);
  point p;
  lua_rawgeti(L, 1, 1);
  if (lua_isnil(L, -1))
    return dc_lua_error(L, "series.const{...} needs a value first: "
                           "series.const{ \"5 MW\", from = 2020, to = 2035 }");
  to_point(L, -1, &o, y0, "series.const", &p);
  dc_series *s = dc_series_lua_new(L, MT, y0, y1 - y0 + 1, p.dims, o.has_unit ? &o.udisp : &p.disp);
  for (int i = 0; i < s->n; i++) s->v[i] = p.si;
  set_extend(L, s, o.extend, "series.const");
  return 1;
}

static void args_year(lua_State *L, const dc_series *src, int year) {
  (void)src;
  lua_pushinteger(L, year);
}

/* series.fn{ function(year) return ... end, from = 2020, to = 2035, unit = "MW" } */
static int c_fn(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  dc_lua_check_fields(L, 1, "series.fn", "from, to, unit, extend", 1, NULL);
  build_opts o;
  get_opts(L, 1, &o);
  int y0, y1;
  get_span(L, 1, "series.fn", &y0, &y1, NULL);
  if (lua_rawgeti(L, 1, 1) != LUA_TFUNCTION)
    return dc_lua_error(L, "series.fn{...} needs a function of the year first: "
                           "series.fn{ function(y) return ... end, from = 2020, to = 2035 }");
  int f = lua_gettop(L);
  dc_series_lua_collect(L, MT, f, y0, y1, NULL, args_year, 1, "series.fn",
                        o.has_unit ? &o.unit : NULL, &o.udisp);
  set_extend(L, dc_series_lua_test(L, -1, MT), o.extend, "series.fn");
  return 1;
}

static int c_is(lua_State *L) {
  lua_pushboolean(L, dc_series_lua_test(L, 1, MT) != NULL);
  return 1;
}

/* ---- CSV input ---- */

static const char csvbox_key = 'b'; /* registry: the box metatable */

static int csvbox_gc(lua_State *L) {
  dc_csv **box = (dc_csv **)lua_touserdata(L, 1);
  if (box && *box) {
    dc_csv_free(*box);
    *box = NULL;
  }
  return 0;
}

/* Copies cell text without surrounding blanks into buf. */
static const char *trimmed(const char *s, char *buf, size_t size) {
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  if (n >= size) n = size - 1;
  memcpy(buf, s, n);
  buf[n] = '\0';
  return buf;
}

/* One column of the CSV as a series (pushed). */
static void csv_column(lua_State *L, const dc_csv *c, const char *path, int ycol, int vcol,
                       const build_opts *o) {
  size_t rows = dc_csv_rows(c), np = 0;
  const char *name = dc_csv_cell(c, 0, (size_t)vcol);
  point *pts = (point *)lua_newuserdatauv(L, rows * sizeof(point), 0);
  int ptsidx = lua_gettop(L);
  char buf[256];
  int line, col;
  for (size_t r = 1; r < rows; r++) {
    const char *vt = trimmed(dc_csv_cell(c, r, (size_t)vcol), buf, sizeof buf);
    if (!vt[0]) continue; /* no value this year */
    point *p = &pts[np];
    char ybuf[64], *end;
    const char *yt = trimmed(dc_csv_cell(c, r, (size_t)ycol), ybuf, sizeof ybuf);
    errno = 0;
    long y = strtol(yt, &end, 10);
    if (!yt[0] || *end || errno || y < DC_SERIES_YEAR_MIN || y > DC_SERIES_YEAR_MAX) {
      dc_csv_where(c, r, (size_t)ycol, &line, &col);
      dc_lua_error(L, "%s:%d:%d: bad year '%s' (expected a whole year %d..%d)", path, line, col,
                   yt, DC_SERIES_YEAR_MIN, DC_SERIES_YEAR_MAX);
    }
    for (size_t k = 0; k < np; k++)
      if (pts[k].year == (int)y) {
        dc_csv_where(c, r, (size_t)ycol, &line, &col);
        dc_lua_error(L, "%s:%d:%d: the year %d appears twice", path, line, col, (int)y);
      }
    dc_csv_where(c, r, (size_t)vcol, &line, &col);
    double v = strtod(vt, &end);
    p->year = (int)y;
    p->plain = false;
    if (*end == '\0' && isfinite(v)) {
      lua_pushnumber(L, v);
    } else {
      dc_unit u;
      dc_display d;
      dc_units_error e;
      if (dc_units_parse_quantity(vt, &v, &u, &d, &e) != 0)
        dc_lua_error(L, "%s:%d:%d: bad value '%s' in column '%s': %s", path, line, col, vt, name,
                     e.msg);
      lua_pushstring(L, vt);
    }
    lua_pushfstring(L, "%s:%d:%d", path, line, col);
    to_point(L, -2, o, (int)y, lua_tostring(L, -1), p);
    lua_pop(L, 2);
    if (np > 0 && p->plain != pts[0].plain)
      dc_lua_error(L, "%s:%d:%d: '%s' %s but the column's first value %s; give unit = "
                      "\"...\" or write the unit in every cell",
                   path, line, col, vt, p->plain ? "has no unit" : "has a unit",
                   pts[0].plain ? "has none" : "has one");
    if (np > 0 && !dc_dims_eq(p->dims, pts[0].dims)) {
      char a[120], b[120];
      dc_lua_error(L, "%s:%d:%d: '%s' is %s but the column's first value is %s", path, line, col,
                   vt, dc_dims_name(p->dims, a, sizeof a), dc_dims_name(pts[0].dims, b, sizeof b));
    }
    np++;
  }
  if (np == 0) dc_lua_error(L, "%s: column '%s' has no values", path, name);
  lua_pushfstring(L, "%s: column '%s'", path, name);
  build_points(L, MT, pts, np, o, lua_tostring(L, -1));
  lua_remove(L, -2);
  lua_remove(L, ptsidx);
}

static int column_or_fail(lua_State *L, const dc_csv *c, const char *path, const char *name,
                          const char *what) {
  int k = dc_csv_find(c, name);
  if (k >= 0) return k;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (size_t i = 0; i < dc_csv_cols(c); i++) {
    if (i) luaL_addstring(&b, ", ");
    luaL_addstring(&b, dc_csv_cell(c, 0, i));
  }
  luaL_pushresult(&b);
  return dc_lua_error(L, "%s: no %s column '%s' (columns: %s)", path, what, name,
                      lua_tostring(L, -1));
}

/* series.csv(path, { year = "year", value = "col" | {"a", "b"}, unit = ... }) */
static int c_csv(lua_State *L) {
  if (lua_type(L, 1) != LUA_TSTRING)
    return dc_lua_error(L, "series.csv needs a file name: series.csv(\"data.csv\", "
                           "{ year = \"year\", value = \"MW\" })");
  const char *path = lua_tostring(L, 1);
  if (lua_isnoneornil(L, 2)) lua_newtable(L);
  else luaL_checktype(L, 2, LUA_TTABLE);
  lua_settop(L, 2);
  dc_lua_check_fields(L, 2, "series.csv", "year, value, unit, interp, extend", 0, NULL);
  char full[4096];
  dc_lua_resolve_path(L, path, full, sizeof full);
  /* the parsed file lives in a box the collector frees, even on an error */
  dc_csv **box = (dc_csv **)lua_newuserdatauv(L, sizeof *box, 0); /* 3 */
  *box = NULL;
  lua_rawgetp(L, LUA_REGISTRYINDEX, &csvbox_key);
  lua_setmetatable(L, -2);
  dc_csv_error e;
  FILE *f = dc_open_below(L, "series.csv", path, full);
  if (!f) return dc_lua_error(L, "%s: cannot open: %s", path, strerror(errno));
  if (dc_csv_read_stream(f, box, &e) != 0) {
    if (e.line) return dc_lua_error(L, "%s:%d:%d: %s", path, e.line, e.col, e.msg);
    return dc_lua_error(L, "%s: %s", path, e.msg);
  }
  const dc_csv *c = *box;
  lua_getfield(L, 2, "year"); /* 4 */
  const char *yname = lua_isnil(L, 4) ? "year" : luaL_checkstring(L, 4);
  int ycol = column_or_fail(L, c, path, yname, "year");
  lua_getfield(L, 2, "unit"); /* 5 */
  lua_getfield(L, 2, "value"); /* 6 */
  build_opts o;
  lua_pushnil(L);
  lua_setfield(L, 2, "unit"); /* get_opts must not see a table of units */
  get_opts(L, 2, &o);
  lua_pushvalue(L, 5);
  lua_setfield(L, 2, "unit");
  if (lua_type(L, 5) == LUA_TSTRING) {
    dc_lua_checkunit(L, 5, &o.unit, &o.udisp);
    o.has_unit = true;
  }
  if (lua_type(L, 6) == LUA_TSTRING) {
    csv_column(L, c, path, ycol, column_or_fail(L, c, path, lua_tostring(L, 6), "value"), &o);
    return 1;
  }
  if (lua_type(L, 6) != LUA_TTABLE) {
    lua_pushfstring(L, "value = \"%s\"", dc_csv_cols(c) > 1 ? dc_csv_cell(c, 0, ycol ? 0 : 1) : "col");
    return dc_lua_error(L, "%s: name the value column, as in %s, or several as value = "
                           "{\"a\", \"b\"}",
                        path, lua_tostring(L, -1));
  }
  lua_newtable(L); /* 7: the result, keyed by column */
  for (lua_Integer i = 1;; i++) {
    if (lua_rawgeti(L, 6, i) == LUA_TNIL) {
      lua_pop(L, 1);
      break;
    }
    const char *name = lua_tostring(L, -1);
    if (!name) return dc_lua_error(L, "series.csv: value = {...} must list column names");
    build_opts oc = o;
    if (lua_type(L, 5) == LUA_TTABLE) {
      if (lua_getfield(L, 5, name) != LUA_TNIL) {
        dc_lua_checkunit(L, -1, &oc.unit, &oc.udisp);
        oc.has_unit = true;
      }
      lua_pop(L, 1);
    }
    csv_column(L, c, path, ycol, column_or_fail(L, c, path, name, "value"), &oc);
    lua_setfield(L, 7, name);
    lua_pop(L, 1);
  }
  return 1;
}

static const luaL_Reg series_ctors[] = {{"growth", c_growth}, {"const", c_const}, {"fn", c_fn},
                                        {"csv", c_csv},       {"is", c_is},       {NULL, NULL}};

/* Leaves the `series` table on the stack. */
void dc_series_lua_open_ctors(lua_State *L, int mt) {
  lua_newtable(L); /* the box metatable for parsed CSV files */
  lua_pushcfunction(L, csvbox_gc);
  lua_setfield(L, -2, "__gc");
  dc_lua_lock_metatable(L, -1, NULL);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &csvbox_key);

  lua_newtable(L); /* series */
  lua_pushvalue(L, mt);
  luaL_setfuncs(L, series_ctors, 1);
  lua_newtable(L); /* its metatable: series{...} */
  lua_pushvalue(L, mt);
  lua_pushcclosure(L, s_call, 1);
  lua_setfield(L, -2, "__call");
  dc_lua_lock_metatable(L, -1, NULL);
  lua_setmetatable(L, -2);
}

