/* plan_lua_explain.c — p:explain(TARGET [, YEAR [, SCENARIO]]): why a target
 * is met or missed, as the table `decarb explain --format json` writes for
 * it (numbers in the unit named beside them). The core is explain.c; this
 * copies the plan's result (dc_result_from_plan) and turns the explanation
 * into tables. Both live in a box on the Lua stack, freed by its __gc, so a
 * memory error while the tables are built leaks nothing; neither points into
 * the plan. */
#include <lauxlib.h>
#include <math.h>
#include <string.h>

#include "dc_lua.h"
#include "explain.h"
#include "plan_lua_int.h"
#include "result.h"

#define BOX_TYPE "decarb.explain.box"

typedef struct box_t {
  dc_result *r;
  dc_explain e;
  int have_e;
} box_t;

static int box_gc(lua_State *L) {
  box_t *b = luaL_checkudata(L, 1, BOX_TYPE);
  if (b->have_e) dc_explain_free(&b->e);
  b->have_e = 0;
  dc_result_free(b->r);
  b->r = NULL;
  return 0;
}

static double in_disp(double si, const dc_display *d) { return (si - d->offset) / d->scale; }

static void set_num(lua_State *L, const char *k, double v) {
  if (isnan(v)) return; /* absent, as JSON's null */
  lua_pushnumber(L, v);
  lua_setfield(L, -2, k);
}

static void set_str(lua_State *L, const char *k, const char *v) {
  if (!v) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

static void set_int(lua_State *L, const char *k, int v) {
  if (v == DC_PLAN_NOYEAR) return;
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

static void push_ratio_part(lua_State *L, const char *k, const dc_result *r, int metric, double v, const dc_display *d) {
  lua_createtable(L, 0, 3);
  if (metric >= 0) set_str(L, "metric", r->metrics[metric].name);
  set_str(L, "unit", d->label);
  set_num(L, "value", in_disp(v, d));
  lua_setfield(L, -2, k);
}

static void push_explain(lua_State *L, const dc_result *r, const dc_explain *e) {
  const dc_result_target *x = &r->targets[e->target];
  dc_display z = e->disp;
  z.offset = 0;
  if (strcmp(z.label, "%") == 0) strcpy(z.label, "pp");
  lua_createtable(L, 0, 24); /* stack: explain */
  set_str(L, "name", e->name);
  set_str(L, "kind", e->kind);
  set_str(L, "plan", r->name);
  set_str(L, "scenario", r->scenario_names[e->scenario]);
  set_str(L, "metric", e->metric);
  set_str(L, "file", x->file);
  if (x->line > 0) set_int(L, "line", x->line);
  set_int(L, "year", e->year);
  set_int(L, "deciding_year", x->deciding);
  set_str(L, "status", e->status == DC_ST_NONE ? "none" : dc_status_name((enum dc_status)e->status));
  lua_pushboolean(L, e->met);
  lua_setfield(L, -2, "met");
  set_num(L, "value", in_disp(e->value, &e->disp));
  set_str(L, "unit", e->disp.label);
  set_num(L, "margin", e->margin / z.scale);
  set_num(L, "margin_rel", e->margin_rel);
  set_str(L, "margin_unit", z.label);
  set_num(L, "shortfall", e->shortfall / z.scale);
  if (e->note[0]) set_str(L, "note", e->note);
  lua_createtable(L, (int)e->nterms, 0); /* stack: explain, terms */
  for (size_t k = 0; k < e->nterms; k++) {
    const dc_explain_term *t = &e->terms[k];
    lua_createtable(L, 0, 7); /* stack: explain, terms, term */
    set_str(L, "name", t->name);
    set_str(L, "kind", t->kind);
    set_num(L, "value", t->value / e->disp.scale);
    set_str(L, "unit", e->disp.label);
    set_str(L, "source", t->source);
    set_num(L, "ramp", t->ramp);
    set_num(L, "at_full", t->at_full / e->disp.scale);
    lua_rawseti(L, -2, (lua_Integer)k + 1); /* stack: explain, terms */
  }
  lua_setfield(L, -2, "terms"); /* stack: explain */
  if (e->num_metric >= 0 || e->den_metric >= 0) {
    push_ratio_part(L, "numerator", r, e->num_metric, e->num, &e->num_disp);
    push_ratio_part(L, "denominator", r, e->den_metric, e->den, &e->den_disp);
  }
  lua_createtable(L, 0, 8); /* stack: explain, bound */
  set_str(L, "kind", e->bound_kind);
  set_num(L, "value", in_disp(e->bound, &e->disp));
  set_str(L, "unit", e->disp.label);
  set_str(L, "derivation", e->bound_text);
  set_int(L, "base_year", e->base_year);
  set_num(L, "base_value", in_disp(e->base_value, &e->disp));
  set_num(L, "fraction", e->fraction);
  set_str(L, "vs", e->vs);
  lua_setfield(L, -2, "bound"); /* stack: explain */
  if (e->shortfall > 0) {
    lua_createtable(L, 0, 2); /* stack: explain, take */
    set_num(L, "increase", e->lever);
    lua_createtable(L, (int)e->nlevers, 0); /* stack: explain, take, measures */
    for (size_t k = 0; k < e->nlevers; k++) {
      const dc_explain_lever *l = &e->levers[k];
      lua_createtable(L, 0, 4); /* stack: explain, take, measures, lever */
      set_str(L, "measure", r->detail->measures[l->measure].name);
      set_num(L, "closes", l->closes / z.scale);
      set_num(L, "fraction", l->fraction);
      set_num(L, "needed", l->needed);
      lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    lua_setfield(L, -2, "measures");           /* stack: explain, take */
    lua_setfield(L, -2, "what_would_it_take"); /* stack: explain */
  }
}

int dc_plan_lua__explain(lua_State *L) {
  dc_plan *p = dc_plan_lua__check(L, 1);
  const char *tname = dc_lua_check_name(L, 2, "the target's name");
  int year = DC_PLAN_NOYEAR;
  if (!lua_isnoneornil(L, 3)) {
    lua_Integer y = luaL_checkinteger(L, 3);
    if (y < dc_plan_y0(p) || y > dc_plan_y1(p))
      dc_lua_error(L, "p:explain: year %d is outside the plan's years %d-%d", (int)y, dc_plan_y0(p), dc_plan_y1(p));
    year = (int)y;
  }
  int s = dc_plan_lua__scenario(L, 1, 4);
  box_t *b = lua_newuserdatauv(L, sizeof *b, 0);
  memset(b, 0, sizeof *b);
  if (luaL_newmetatable(L, BOX_TYPE)) {
    lua_pushcfunction(L, box_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  b->r = dc_result_from_plan(p, s, NULL, NULL, NULL); /* stack: ..., box */
  if (!b->r) return luaL_error(L, "not enough memory");
  int t = dc_explain_find(b->r, tname);
  if (t < 0) {
    luaL_Buffer sb;
    luaL_buffinit(L, &sb);
    for (size_t k = 0; k < b->r->ntargets; k++) {
      luaL_addstring(&sb, k ? ", \"" : "\"");
      luaL_addstring(&sb, b->r->targets[k].name);
      luaL_addchar(&sb, '"');
    }
    if (!b->r->ntargets) luaL_addstring(&sb, "none");
    luaL_pushresult(&sb);
    dc_lua_error(L, "p:explain: plan '%s' has no target '%s' (it has: %s)", dc_plan_name(p), tname,
                 lua_tostring(L, -1));
  }
  char err[400];
  if (dc_explain_target(b->r, t, year, &b->e, err, sizeof err)) dc_lua_error(L, "p:explain: %s", err);
  b->have_e = 1;
  push_explain(L, b->r, &b->e);
  return 1; /* the box goes with the stack; its __gc frees both */
}
