/* units_lua.c — the Lua face of the units core: the decarb.Quantity type
 * (arithmetic, comparisons, :to/:value/:dim/:co2e), q"...", the `units`
 * table and a small parse cache. Only checks arguments and calls units.c. */
#include "units_lua.h"

#include <lauxlib.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "dc_lua.h"
#include "fmt.h"
#include "modules.h"

/* A quantity: its SI value, dimensions and the unit it is shown in. One
 * userdata with no user values, so arithmetic allocates one small block.
 * tag is qty_tag in every quantity: the arithmetic hot path recognises a
 * quantity by its size and tag (two cheap API calls) instead of fetching and
 * comparing its metatable (four, with a stack push). The tag is 64 random
 * bits read at start-up, and no function shows a quantity's bytes, so a
 * script cannot forge it in another userdata (a series' numbers, say); nor
 * does debug.setmetatable (--unsafe) turn another userdata into one. */
typedef struct qty {
  uint64_t tag;
  double si;
  dc_dims dims;
  dc_display disp;
} qty;

/* Set once, by the first luaopen_decarb_units (before any quantity exists;
 * decarb runs its states on one thread). Until then a fixed non-zero value,
 * so that an all-zero block is never taken for a quantity. */
static uint64_t qty_tag = 0x9e3779b97f4a7c15u;
static bool qty_tag_set;

/* splitmix64's finaliser: spreads a weak seed over all 64 bits */
static uint64_t mix64(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
  return x ^ (x >> 31);
}

static void init_tag(void) {
  if (qty_tag_set) return;
  uint64_t t = 0;
  FILE *f = fopen("/dev/urandom", "rb");
  if (f) {
    if (fread(&t, sizeof t, 1, f) != 1) t = 0;
    fclose(f);
  }
  if (!t) { /* no /dev/urandom (a bare chroot): the clock and ASLR */
    struct timespec ts = {0, 0};
    clock_gettime(CLOCK_REALTIME, &ts);
    t = mix64((uint64_t)ts.tv_sec * 1000000007u ^ (uint64_t)ts.tv_nsec ^
              (uint64_t)(uintptr_t)&t ^ ((uint64_t)(uintptr_t)&qty_tag << 17));
  }
  if (t) qty_tag = t;
  qty_tag_set = true;
}

/* The quantity at idx, or NULL. A light userdata has length 0, and the
 * length is checked before the tag is read, so another type's smaller block
 * is never read past its end. */
static inline qty *toq(lua_State *L, int idx) {
  qty *p = (qty *)lua_touserdata(L, idx);
  return p && lua_rawlen(L, idx) == sizeof(qty) && p->tag == qty_tag ? p : NULL;
}

/* dims equality as one 8-byte compare of the first eight exponents and one
 * of the ninth (reference conditions) */
static inline bool dims_same(const dc_dims *a, const dc_dims *b) {
  uint64_t x, y;
  _Static_assert(sizeof(dc_dims) == sizeof(uint64_t) + 1, "dc_dims is 9 exponents");
  memcpy(&x, a, sizeof x);
  memcpy(&y, b, sizeof y);
  return x == y && a->e[8] == b->e[8];
}

/* no dimension at all */
static inline bool dims_zero(const dc_dims *a) {
  uint64_t x;
  memcpy(&x, a, sizeof x);
  return x == 0 && a->e[8] == 0;
}

/* A value shown as a plain number: no dimension and no unit of its own
 * ("%" and "ppm" keep theirs). Such values are Lua numbers. */
static inline bool plain(const dc_dims *d, const dc_display *disp) {
  return dims_zero(d) && (!disp->label[0] || (disp->label[0] == '1' && !disp->label[1]));
}

/* a plain value as a Lua number: an integer when it is a whole number that
 * a double holds exactly (prints 3, not 3.0) */
static inline void push_plain(lua_State *L, double v) {
  if (v == floor(v) && fabs(v) < 9007199254740992.0) lua_pushinteger(L, (lua_Integer)v);
  else lua_pushnumber(L, v);
}

/* on an offset scale (°C): an absolute temperature that is not an amount */
static inline bool offset_temp(const qty *a) {
  return a->disp.offset != 0 && a->disp.label[0] && a->dims.e[DC_DIM_TEMP] == 1;
}

/* ====================================================================== */
/* parse cache: q"107 MW" in a loop parses once                          */
/* ====================================================================== */

#define CACHE_SLOTS 256
#define CACHE_TEXT 56

enum { KIND_QTY = 1, KIND_UNIT = 2 };

typedef struct centry {
  uint32_t hash;
  uint8_t len, kind;
  char text[CACHE_TEXT];
  double value;
  dc_unit unit;
  dc_display disp;
} centry;

typedef struct cache {
  centry slot[CACHE_SLOTS];
} cache;

static const char cache_key = 'c'; /* registry key: its address */

static uint32_t fnv1a(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static cache *get_cache(lua_State *L) {
  lua_rawgetp(L, LUA_REGISTRYINDEX, &cache_key);
  cache *c = (cache *)lua_touserdata(L, -1);
  lua_pop(L, 1); /* the registry keeps it alive */
  return c;
}

/* Parses s as a quantity (kind QTY) or a unit (kind UNIT), through the
 * cache; raises the parser's message at the script's line. */
static void parse_cached(lua_State *L, cache *c, const char *s, size_t n, int kind,
                         double *value, dc_unit *unit, dc_display *disp) {
  if (n >= CACHE_TEXT) c = NULL;
  else if (!c) c = get_cache(L);
  uint32_t h = 0;
  centry *e = NULL;
  if (c) {
    h = fnv1a(s, n) * 31u + (uint32_t)kind;
    e = &c->slot[h % CACHE_SLOTS];
    if (e->kind == kind && e->hash == h && e->len == n && memcmp(e->text, s, n) == 0) {
      if (value) *value = e->value;
      if (unit) *unit = e->unit;
      if (disp) *disp = e->disp;
      return;
    }
  }
  dc_units_error err;
  double v = 1;
  dc_unit u;
  dc_display d;
  int rc;
  if (strlen(s) != n) { /* an embedded NUL: the parser would stop short */
    dc_lua_error(L, "unexpected '\\0' at column %d in a unit string", (int)strlen(s) + 1);
    return;
  }
  rc = kind == KIND_QTY ? dc_units_parse_quantity(s, &v, &u, &d, &err)
                        : dc_units_parse_display(s, &u, &d, &err);
  if (rc < 0) {
    dc_lua_error(L, "%s", err.msg);
    return;
  }
  if (e) {
    e->hash = h;
    e->len = (uint8_t)n;
    e->kind = (uint8_t)kind;
    memcpy(e->text, s, n);
    e->value = v;
    e->unit = u;
    e->disp = d;
  }
  if (value) *value = v;
  if (unit) *unit = u;
  if (disp) *disp = d;
}

/* ====================================================================== */
/* the Quantity type                                                     */
/* ====================================================================== */

/* Every metamethod and method has the metatable as upvalue 1. */
#define MT lua_upvalueindex(1)

/* no display unit of its own: shown in its dimension's preferred unit */
static inline void no_disp(dc_display *d) {
  d->scale = 1;
  d->offset = 0;
  d->label[0] = '\0';
  d->co2e = 0;
}

static inline qty *newq(lua_State *L, int mtidx) {
  if (mtidx < 0 && mtidx > LUA_REGISTRYINDEX) mtidx--; /* relative: one more below */
  qty *p = (qty *)lua_newuserdatauv(L, sizeof(qty), 0);
  lua_pushvalue(L, mtidx);
  lua_setmetatable(L, -2);
  p->tag = qty_tag;
  return p;
}

void dc_lua_pushqty(lua_State *L, double si, dc_dims dims, const dc_display *disp) {
  if (dims_zero(&dims) && (!disp || plain(&dims, disp))) {
    push_plain(L, si);
    return;
  }
  luaL_getmetatable(L, DC_QUANTITY_TYPE);
  if (lua_isnil(L, -1)) luaL_error(L, "the units module is not open");
  qty *p = newq(L, -1);
  lua_remove(L, -2);
  p->si = si;
  p->dims = dims;
  if (disp && disp->label[0]) p->disp = *disp;
  else no_disp(&p->disp);
  p->disp.co2e = disp && disp->co2e && dims.e[DC_DIM_CO2] != 0;
}

/* quantity-like at idx into *out (numbers: dimensionless; strings: parsed) */
static int getq(lua_State *L, int idx, qty *out, int *isq) {
  int t = lua_type(L, idx);
  *isq = 0;
  if (t == LUA_TNUMBER) {
    out->si = lua_tonumber(L, idx);
    memset(&out->dims, 0, sizeof out->dims);
    no_disp(&out->disp);
    return 1;
  }
  if (t == LUA_TUSERDATA) {
    qty *p = toq(L, idx);
    if (!p) return 0;
    *out = *p;
    *isq = 1;
    return 1;
  }
  if (t == LUA_TSTRING) {
    size_t n;
    const char *s = lua_tolstring(L, idx, &n);
    double v;
    dc_unit u;
    parse_cached(L, NULL, s, n, KIND_QTY, &v, &u, &out->disp);
    out->si = v * u.scale + u.offset;
    out->dims = u.dims;
    *isq = 1;
    return 1;
  }
  return 0;
}

int dc_lua_toqty(lua_State *L, int idx, double *si, dc_dims *dims, dc_display *disp) {
  qty q;
  int isq;
  idx = lua_absindex(L, idx);
  if (!getq(L, idx, &q, &isq)) return 0;
  if (si) *si = q.si;
  if (dims) *dims = q.dims;
  if (disp) *disp = q.disp;
  return 1;
}

void dc_lua_checkqty(lua_State *L, int idx, double *si, dc_dims *dims, dc_display *disp) {
  if (!dc_lua_toqty(L, idx, si, dims, disp))
    luaL_typeerror(L, idx, "quantity (a number, a string such as \"107 MW\" or a decarb.Quantity)");
}

void dc_lua_checkunit(lua_State *L, int idx, dc_unit *unit, dc_display *disp) {
  idx = lua_absindex(L, idx);
  if (lua_type(L, idx) == LUA_TSTRING) {
    size_t n;
    const char *s = lua_tolstring(L, idx, &n);
    parse_cached(L, NULL, s, n, KIND_UNIT, NULL, unit, disp);
    return;
  }
  qty *p = toq(L, idx);
  if (p && p->disp.label[0]) { /* units.MWh: the unit it is shown in */
    if (unit) *unit = (dc_unit){p->disp.scale, p->disp.offset, p->dims};
    if (disp) *disp = p->disp;
    return;
  }
  luaL_typeerror(L, idx, "unit (a string such as \"MWh\")");
}

/* "5 MW (power)" for messages */
static const char *describe(lua_State *L, const qty *q, int isq) {
  char val[96], dim[96];
  if (!isq) {
    dc_fmt_number(val, sizeof val, q->si, 0);
    return lua_pushfstring(L, "%s (dimensionless)", val);
  }
  dc_units_format(val, sizeof val, q->si, q->dims, &q->disp);
  dc_dims_name(q->dims, dim, sizeof dim);
  return lua_pushfstring(L, "%s (%s)", val, dim);
}

/* ---- arithmetic ---- */

enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_POW };
static const char *const op_event[] = {"__add", "__sub", "__mul", "__div", "__pow"};
static const char *const op_verb[] = {"add", "subtract", "multiply", "divide", "raise"};

/* The other operand is not quantity-like: let its own metamethod (a Series,
 * say) answer, or raise a clear error. */
static int defer(lua_State *L, int op) {
  int other = toq(L, 1) ? 2 : 1;
  if (luaL_getmetafield(L, other, op_event[op]) != LUA_TNIL) {
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_call(L, 2, 1);
    return 1;
  }
  return dc_lua_error(L, "cannot %s a quantity and a %s value", op_verb[op], luaL_typename(L, other));
}

/* dims a + b (sign 1) or a - b (sign -1); false when an exponent would
 * leave the int8 range. The hot path of every * and /: all eight exponents
 * at once in one 64-bit word, each byte added without carrying into the
 * next (the high bits are summed apart), overflow where both inputs of a
 * byte differ in sign from its result. */
#define HI8 0x8080808080808080u
static inline bool dims_step(const dc_dims *a, const dc_dims *b, int sign, dc_dims *out) {
  uint64_t x, y, r, over;
  memcpy(&x, a, sizeof x);
  memcpy(&y, b, sizeof y);
  if (sign > 0) {
    r = ((x & ~HI8) + (y & ~HI8)) ^ ((x ^ y) & HI8);
    over = (x ^ r) & (y ^ r) & HI8;
  } else {
    r = ((x | HI8) - (y & ~HI8)) ^ ((x ^ ~y) & HI8);
    over = (x ^ y) & (x ^ r) & HI8;
  }
  memcpy(out, &r, sizeof r);
  int n = a->e[8] + sign * b->e[8];
  out->e[8] = (int8_t)n;
  return over == 0 && n >= INT8_MIN && n <= INT8_MAX;
}

/* Operands 1 and 2 as quantities (*aq, *bq: was it a quantity rather than a
 * plain number); 0 when one is neither. as, bs hold converted operands. */
static int operands(lua_State *L, qty *as, qty *bs, qty **pa, qty **pb, int *aq, int *bq) {
  *aq = *bq = 1;
  if ((*pa = toq(L, 1)) && (*pb = toq(L, 2))) return 1; /* the hot path */
  if (!getq(L, 1, as, aq) || !getq(L, 2, bs, bq)) return 0;
  *pa = as;
  *pb = bs;
  return 1;
}

/* The result of a + b or a - b, dimensions already checked: it shows in the
 * left operand's unit, or the right's when the left has none. */
static inline int push_sum(lua_State *L, const qty *a, const qty *b, int op) {
  double si = op == OP_ADD ? a->si + b->si : a->si - b->si;
  dc_display d;
  if (a->disp.label[0]) d = a->disp;
  else if (b->disp.label[0]) d = b->disp;
  else no_disp(&d);
  if (plain(&a->dims, &d)) {
    push_plain(L, si);
    return 1;
  }
  if ((a->disp.co2e || b->disp.co2e) && !d.co2e) { /* CO2 + CO2e is CO2e */
    d.co2e = 1;
    if (!dc_units_label_co2e(d.label, sizeof d.label)) no_disp(&d), d.co2e = 1;
  }
  qty *r = newq(L, MT);
  r->si = si;
  r->dims = a->dims;
  r->disp = d;
  return 1;
}

/* Temperatures on an offset scale (°C): two of them never add, their
 * difference is in K, and a difference (K) moves one. Pint's rules. */
static int temp_sum(lua_State *L, const qty *a, const qty *b, int aq, int bq, int op) {
  bool ao = offset_temp(a), bo = offset_temp(b);
  if (ao && bo && op == OP_ADD)
    return dc_lua_error(L, "cannot add %s and %s: two temperatures on an offset scale do not add "
                           "(add a difference in K, as in q\"20 °C\" + q\"5 K\")",
                        describe(L, a, aq), describe(L, b, bq));
  if (!ao && bo && op == OP_SUB)
    return dc_lua_error(L, "cannot subtract %s from %s: a temperature on an offset scale is not a "
                           "difference (write the difference in K)",
                        describe(L, b, bq), describe(L, a, aq));
  qty *r = newq(L, MT);
  r->si = op == OP_ADD ? a->si + b->si : a->si - b->si;
  r->dims = a->dims;
  if (ao && bo) { /* a difference: in kelvin */
    no_disp(&r->disp);
    r->si = a->si - b->si;
  } else {
    r->disp = ao ? a->disp : b->disp;
  }
  return 1;
}

/* A product or quotient: a plain number when no dimension is left; CO2e
 * when either side was (a CO2e factor times an activity is CO2e). */
static inline int push_product(lua_State *L, double si, dc_dims d, const dc_display *disp,
                               bool co2e) {
  if (plain(&d, disp)) {
    push_plain(L, si);
    return 1;
  }
  qty *r = newq(L, MT);
  r->si = si;
  r->dims = d;
  r->disp = *disp;
  r->disp.co2e = co2e && d.e[DC_DIM_CO2] != 0;
  return 1;
}

/* a and b differ only in reference conditions (Nm3 and m3)? Then say how. */
static const char *nref_hint(const qty *a, const qty *b) {
  dc_dims x = a->dims, y = b->dims;
  if (x.e[DC_DIM_NREF] == y.e[DC_DIM_NREF]) return "";
  x.e[DC_DIM_NREF] = y.e[DC_DIM_NREF] = 0;
  if (!dims_same(&x, &y)) return "";
  return ": Nm3 is gas at reference conditions (0 °C, 101.325 kPa) and m3 is not; state the "
         "conditions, as in x:to(\"m3\", { T = q\"20 °C\", p = q\"101.325 kPa\" })";
}

static int add_sub(lua_State *L, int op) {
  qty as, bs, *a, *b;
  int aq, bq;
  if (!operands(L, &as, &bs, &a, &b, &aq, &bq)) return defer(L, op);
  if (!dims_same(&a->dims, &b->dims)) {
    if (op == OP_ADD)
      return dc_lua_error(L, "cannot add %s and %s%s", describe(L, a, aq), describe(L, b, bq),
                          nref_hint(a, b));
    return dc_lua_error(L, "cannot subtract %s from %s%s", describe(L, b, bq), describe(L, a, aq),
                        nref_hint(a, b));
  }
  if (offset_temp(a) || offset_temp(b)) return temp_sum(L, a, b, aq, bq, op);
  return push_sum(L, a, b, op);
}

static int mul_div(lua_State *L, int op) {
  qty as, bs, *a, *b;
  int aq, bq;
  dc_dims d;
  if (!operands(L, &as, &bs, &a, &b, &aq, &bq)) return defer(L, op);
  if (offset_temp(a) || offset_temp(b))
    return dc_lua_error(L, "cannot %s %s by %s: a temperature on an offset scale (°C) is not an "
                           "amount; use a difference, or convert it first, as in x:to\"K\"",
                        op_verb[op], describe(L, a, aq), describe(L, b, bq));
  if (!dims_step(&a->dims, &b->dims, op == OP_MUL ? 1 : -1, &d))
    return dc_lua_error(L, "cannot %s %s by %s: exponent out of range", op_verb[op],
                        describe(L, a, aq), describe(L, b, bq));
  /* a plain number scales a quantity and keeps its unit (107 * units.MW);
     anything else is derived and shows in its dimension's preferred unit */
  dc_display rd;
  if (!bq && a->disp.label[0]) rd = a->disp;
  else if (!aq && op == OP_MUL && b->disp.label[0]) rd = b->disp;
  else no_disp(&rd);
  return push_product(L, op == OP_MUL ? a->si * b->si : a->si / b->si, d, &rd,
                      a->disp.co2e || b->disp.co2e);
}

/* The four operators: first the common case, two quantities whose
 * dimensions fit, inline (the same results as add_sub and mul_div, which
 * handle everything else and every error). */
static inline int fast_add_sub(lua_State *L, int op) {
  qty *a = toq(L, 1), *b;
  if (!a || !(b = toq(L, 2)) || !dims_same(&a->dims, &b->dims) || a->disp.offset != 0 ||
      b->disp.offset != 0)
    return add_sub(L, op);
  return push_sum(L, a, b, op);
}

static inline int fast_mul_div(lua_State *L, int op) {
  qty *a = toq(L, 1), *b;
  dc_dims d;
  if (!a || !(b = toq(L, 2)) || a->disp.offset != 0 || b->disp.offset != 0 ||
      !dims_step(&a->dims, &b->dims, op == OP_MUL ? 1 : -1, &d))
    return mul_div(L, op);
  dc_display rd;
  no_disp(&rd); /* derived: its dimension's preferred unit */
  return push_product(L, op == OP_MUL ? a->si * b->si : a->si / b->si, d, &rd,
                      a->disp.co2e || b->disp.co2e);
}

static int q_add(lua_State *L) { return fast_add_sub(L, OP_ADD); }
static int q_sub(lua_State *L) { return fast_add_sub(L, OP_SUB); }
static int q_mul(lua_State *L) { return fast_mul_div(L, OP_MUL); }
static int q_div(lua_State *L) { return fast_mul_div(L, OP_DIV); }

static int q_pow(lua_State *L) {
  qty as, bs, *a, *b;
  int aq, bq;
  if (!operands(L, &as, &bs, &a, &b, &aq, &bq)) return defer(L, OP_POW);
  if (!dc_dims_none(b->dims))
    return dc_lua_error(L, "cannot raise %s to the power %s: the exponent must be dimensionless",
                        describe(L, a, aq), describe(L, b, bq));
  dc_dims d = a->dims;
  if (!dc_dims_none(a->dims)) {
    double n = b->si;
    if (n != floor(n) || n < -99 || n > 99 || !dc_dims_pow(a->dims, (int)n, &d))
      return dc_lua_error(L, "cannot raise %s to the power %s: need an integer from -99 to 99",
                          describe(L, a, aq), describe(L, b, bq));
  }
  if (offset_temp(a))
    return dc_lua_error(L, "cannot raise %s to a power: a temperature on an offset scale (°C) is "
                           "not an amount; convert it first, as in x:to\"K\"",
                        describe(L, a, aq));
  dc_display rd;
  no_disp(&rd);
  return push_product(L, pow(a->si, b->si), d, &rd, a->disp.co2e);
}

/* // and % have no meaning a unit can keep: say what to write instead */
static int q_idiv(lua_State *L) {
  return dc_lua_error(L, "cannot use // on quantities: divide with / and round a plain number, "
                         "as in math.floor(x:value\"MWh\")");
}
static int q_mod(lua_State *L) {
  return dc_lua_error(L, "cannot use %% on quantities: take a plain number first, as in x:value\"MWh\" %% 10");
}

static int q_unm(lua_State *L) {
  qty *a = toq(L, 1);
  if (!a) return luaL_typeerror(L, 1, DC_QUANTITY_TYPE);
  qty *r = newq(L, MT);
  /* -(20 °C) is -20 °C: negate on the display's scale */
  r->si = offset_temp(a) ? 2 * a->disp.offset - a->si : -a->si;
  r->dims = a->dims;
  r->disp = a->disp;
  return 1;
}

/* ---- comparisons ---- */

static int compare(lua_State *L, int le) {
  qty a, b;
  int aq, bq;
  if (!getq(L, 1, &a, &aq) || !getq(L, 2, &b, &bq))
    return dc_lua_error(L, "cannot compare a quantity with a %s value",
                        luaL_typename(L, toq(L, 1) ? 2 : 1));
  if (!dc_dims_eq(a.dims, b.dims))
    return dc_lua_error(L, "cannot compare %s and %s", describe(L, &a, aq), describe(L, &b, bq));
  lua_pushboolean(L, le ? a.si <= b.si : a.si < b.si);
  return 1;
}
static int q_lt(lua_State *L) { return compare(L, 0); }
static int q_le(lua_State *L) { return compare(L, 1); }

static int q_eq(lua_State *L) {
  qty *a = toq(L, 1), *b = toq(L, 2);
  lua_pushboolean(L, a && b && a->si == b->si && dims_same(&a->dims, &b->dims));
  return 1;
}

/* ---- text ---- */

static int q_tostring(lua_State *L) {
  qty *a = toq(L, 1);
  char buf[128];
  if (!a) return luaL_typeerror(L, 1, DC_QUANTITY_TYPE);
  dc_units_format(buf, sizeof buf, a->si, a->dims, &a->disp);
  lua_pushstring(L, buf);
  return 1;
}

static int q_concat(lua_State *L) {
  luaL_tolstring(L, 1, NULL);
  luaL_tolstring(L, 2, NULL);
  lua_concat(L, 2);
  return 1;
}

/* ---- methods ---- */

static qty *checkself(lua_State *L, const char *name) {
  qty *a = toq(L, 1);
  if (!a)
    dc_lua_error(L, "bad self to '%s' (decarb.Quantity expected, got %s); call it as x:%s(...)",
                 name, luaL_typename(L, 1), name);
  return a;
}

/* Reads the conditions table at idx, { T = q"20 °C", p = q"101.325 kPa" },
 * into kelvin and pascal. */
static void conditions(lua_State *L, int idx, double *t_k, double *p_pa) {
  static const char *const field[] = {"T", "p"};
  static const char *const want[] = {"a temperature, as q\"20 °C\"", "a pressure, as q\"101.325 kPa\""};
  static const int dim[] = {DC_DIM_TEMP, -1};
  double *out[] = {t_k, p_pa};
  luaL_checktype(L, idx, LUA_TTABLE);
  for (int i = 0; i < 2; i++) {
    double si = 0;
    dc_dims d = {{0}};
    lua_getfield(L, idx, field[i]);
    bool ok = !lua_isnil(L, -1) && dc_lua_toqty(L, -1, &si, &d, NULL);
    if (ok && dim[i] >= 0) ok = d.e[dim[i]] == 1 && d.e[DC_DIM_MASS] == 0;
    if (ok && dim[i] < 0)
      ok = d.e[DC_DIM_LENGTH] == -1 && d.e[DC_DIM_MASS] == 1 && d.e[DC_DIM_TIME] == -2;
    if (!ok || !(si > 0))
      dc_lua_error(L, "the conditions need %s = %s (above zero)", field[i], want[i]);
    *out[i] = si;
    lua_pop(L, 1);
  }
}

/* The unit argument 2 of :to / :value, which must be of a's kind; verb and
 * prep word the error ("cannot convert X to U", "cannot express X in U").
 * Between Nm3 and m3 (dimensions that differ only in reference conditions)
 * a conditions table at 3 gives *factor, the multiplier to the target's
 * conditions; else *factor is 1. */
static void target_unit(lua_State *L, const qty *a, const char *verb, const char *prep,
                        dc_unit *u, dc_display *d, double *factor) {
  dc_lua_checkunit(L, 2, u, d);
  *factor = 1;
  const char *name = lua_tostring(L, 2) ? lua_tostring(L, 2) : d->label;
  if (!dc_dims_eq(a->dims, u->dims)) {
    char dim[96];
    dc_dims x = a->dims, y = u->dims;
    int k = x.e[DC_DIM_NREF] - y.e[DC_DIM_NREF];
    x.e[DC_DIM_NREF] = y.e[DC_DIM_NREF] = 0;
    if (k && dc_dims_eq(x, y)) {
      if (lua_isnoneornil(L, 3))
        dc_lua_error(L, "cannot %s %s %s %s without a stated condition: Nm3 is gas at reference "
                        "conditions (0 °C, 101.325 kPa), m3 is not; give them, as in "
                        "x:%s(\"%s\", { T = q\"20 °C\", p = q\"101.325 kPa\" })",
                     verb, describe(L, a, 1), prep, name, verb[0] == 'c' ? "to" : "value", name);
      double t, p;
      conditions(L, 3, &t, &p);
      *factor = dc_units_nref_factor(t, p, k);
      return;
    }
    dc_dims_name(u->dims, dim, sizeof dim);
    dc_lua_error(L, "cannot %s %s %s %s (%s)", verb, describe(L, a, 1), prep, name, dim);
  }
  if (!lua_isnoneornil(L, 3))
    dc_lua_error(L, "conditions apply only between Nm3 and m3, not to %s %s %s", describe(L, a, 1),
                 prep, name);
  if (a->disp.co2e && !d->co2e && a->dims.e[DC_DIM_CO2] && strstr(d->label, "CO2"))
    dc_lua_error(L, "cannot %s %s %s %s: a CO2e amount is not CO2 alone (it may include other "
                    "gases); use a CO2e unit, as in \"tCO2e\"",
                 verb, describe(L, a, 1), prep, name);
}

static int q_to(lua_State *L) {
  qty *a = checkself(L, "to");
  dc_unit u;
  dc_display d;
  double f;
  target_unit(L, a, "convert", "to", &u, &d, &f);
  d.co2e = a->disp.co2e || d.co2e; /* a CO2 amount is also that amount of CO2e */
  if (plain(&u.dims, &d)) {
    push_plain(L, a->si * f);
    return 1;
  }
  qty *r = newq(L, MT);
  r->si = a->si * f;
  r->dims = u.dims;
  r->disp = d;
  return 1;
}

static int q_value(lua_State *L) {
  qty *a = checkself(L, "value");
  if (lua_isnoneornil(L, 2)) {
    if (!dc_dims_none(a->dims))
      return dc_lua_error(L, "value of %s needs a unit, as in :value\"%s\"", describe(L, a, 1),
                          a->disp.label[0] ? a->disp.label : "MWh");
    lua_pushnumber(L, a->si);
    return 1;
  }
  dc_unit u;
  dc_display d;
  double f;
  target_unit(L, a, "express", "in", &u, &d, &f);
  lua_pushnumber(L, (a->si * f - u.offset) / u.scale);
  return 1;
}

static int q_dim(lua_State *L) {
  qty *a = checkself(L, "dim");
  char dim[128];
  lua_pushstring(L, dc_dims_name(a->dims, dim, sizeof dim));
  return 1;
}

/* "t CH4/yr" -> "tCO2e/yr"; "" when the label names no gas */
static void relabel(char *label, const char *gas) {
  char out[DC_LABEL_MAX], spaced[8];
  snprintf(spaced, sizeof spaced, " %s", gas);
  char *at = strstr(label, spaced);
  size_t skip = strlen(spaced);
  if (!at) {
    at = strstr(label, gas);
    skip = strlen(gas);
  }
  if (!at) {
    label[0] = '\0';
    return;
  }
  int n = snprintf(out, sizeof out, "%.*sCO2e%s", (int)(at - label), label, at + skip);
  if (n < 0 || (size_t)n >= sizeof out) label[0] = '\0';
  else memcpy(label, out, (size_t)n + 1);
}

static int q_co2e(lua_State *L) {
  qty *a = checkself(L, "co2e");
  const char *set = luaL_optstring(L, 2, NULL);
  double ch4, n2o;
  if (!set)
    return dc_lua_error(L, "co2e needs a GWP set: SAR, AR4, AR5, AR6, AR6-fossil or AR6-nonfossil");
  if (dc_units_gwp(set, &ch4, &n2o) < 0)
    return dc_lua_error(L, "unknown GWP set '%s': use SAR, AR4, AR5, AR6, AR6-fossil or AR6-nonfossil", set);
  dc_dims d = a->dims;
  double f;
  const char *gas;
  int gi;
  if (d.e[DC_DIM_CH4] == 1 && d.e[DC_DIM_N2O] == 0 && d.e[DC_DIM_CO2] == 0) {
    f = ch4, gas = "CH4", gi = DC_DIM_CH4;
  } else if (d.e[DC_DIM_N2O] == 1 && d.e[DC_DIM_CH4] == 0 && d.e[DC_DIM_CO2] == 0) {
    f = n2o, gas = "N2O", gi = DC_DIM_N2O;
  } else if (d.e[DC_DIM_CO2] == 1 && d.e[DC_DIM_CH4] == 0 && d.e[DC_DIM_N2O] == 0) {
    qty *r = newq(L, MT); /* CO2 counts 1:1 as CO2e */
    *r = *a;
    r->tag = qty_tag;
    r->disp.co2e = 1;
    if (!dc_units_label_co2e(r->disp.label, sizeof r->disp.label)) no_disp(&r->disp), r->disp.co2e = 1;
    return 1;
  } else {
    return dc_lua_error(L, "cannot convert %s to CO2e: it must be an amount of CH4, N2O or CO2",
                        describe(L, a, 1));
  }
  qty *r = newq(L, MT);
  r->si = a->si * f;
  r->dims = d;
  r->dims.e[gi] = 0;
  r->dims.e[DC_DIM_CO2] = 1;
  r->disp = a->disp;
  r->disp.co2e = 1;
  relabel(r->disp.label, gas);
  return 1;
}

static const luaL_Reg qty_meta[] = {
  {"__add", q_add}, {"__sub", q_sub}, {"__mul", q_mul}, {"__div", q_div},
  {"__pow", q_pow}, {"__unm", q_unm}, {"__idiv", q_idiv}, {"__mod", q_mod}, {"__lt", q_lt},   {"__le", q_le},
  {"__eq", q_eq},   {"__tostring", q_tostring}, {"__concat", q_concat},
  {NULL, NULL}
};

static const luaL_Reg qty_methods[] = {
  {"to", q_to}, {"value", q_value}, {"dim", q_dim}, {"co2e", q_co2e}, {NULL, NULL}
};

/* ====================================================================== */
/* q and the units table                                                 */
/* ====================================================================== */

/* q"107 MW", q(107, "MW"), q(x) for a quantity or a number; upvalues: the
 * metatable, the parse cache */
static int units_q(lua_State *L) {
  int t = lua_type(L, 1);
  if (t == LUA_TSTRING && lua_isnone(L, 2)) {
    size_t n;
    const char *s = lua_tolstring(L, 1, &n);
    double v;
    dc_unit u;
    dc_display d;
    parse_cached(L, (cache *)lua_touserdata(L, lua_upvalueindex(2)), s, n, KIND_QTY, &v, &u, &d);
    if (plain(&u.dims, &d)) { /* q"3": a plain number */
      push_plain(L, v * u.scale);
      return 1;
    }
    qty *r = newq(L, MT);
    r->disp = d;
    r->si = v * u.scale + u.offset;
    r->dims = u.dims;
    return 1;
  }
  if (t == LUA_TNUMBER && !lua_isnoneornil(L, 2)) {
    double v = lua_tonumber(L, 1);
    dc_unit u;
    dc_display d;
    dc_lua_checkunit(L, 2, &u, &d);
    if (plain(&u.dims, &d)) {
      push_plain(L, v * u.scale);
      return 1;
    }
    qty *r = newq(L, MT);
    r->si = v * u.scale + u.offset;
    r->dims = u.dims;
    r->disp = d;
    return 1;
  }
  if (lua_gettop(L) == 1 && (t == LUA_TNUMBER || toq(L, 1))) return 1; /* as it is */
  return dc_lua_error(L, "bad argument to 'q' (expected q\"107 MW\" or q(107, \"MW\"), got %s%s%s)",
                      luaL_typename(L, 1), lua_isnone(L, 2) ? "" : " and ",
                      lua_isnone(L, 2) ? "" : luaL_typename(L, 2));
}

/* units.MW, units["kgCO2/kWh"]: one of that unit, shown in it */
static int units_index(lua_State *L) {
  if (lua_type(L, 2) != LUA_TSTRING)
    return dc_lua_error(L, "units[...] takes a unit name, got %s", luaL_typename(L, 2));
  dc_unit u;
  dc_display d;
  dc_lua_checkunit(L, 2, &u, &d);
  if (plain(&u.dims, &d)) {
    push_plain(L, u.scale);
    return 1;
  }
  qty *r = newq(L, MT);
  r->si = u.scale + u.offset;
  r->dims = u.dims;
  r->disp = d;
  return 1;
}

static int units_newindex(lua_State *L) {
  return dc_lua_error(L, "units is read-only: define a quantity with q\"...\" instead of units.%s",
                      lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?");
}

/* stack: - -> mt, cache: the Quantity metatable and the parse cache, made
 * by the first opener that needs them (units or q), kept in the registry */
static void push_mt_cache(lua_State *L) {
  if (luaL_newmetatable(L, DC_QUANTITY_TYPE)) { /* stack: mt */
    init_tag();                                /* before the first quantity */
    lua_pushvalue(L, -1);
    luaL_setfuncs(L, qty_meta, 1); /* every function gets mt as upvalue 1 */
    lua_newtable(L);               /* stack: mt, methods */
    lua_pushvalue(L, -2);
    luaL_setfuncs(L, qty_methods, 1);
    lua_setfield(L, -2, "__index");
    dc_lua_lock_metatable(L, -1, DC_QUANTITY_TYPE);
    cache *c = (cache *)lua_newuserdatauv(L, sizeof(cache), 0); /* stack: mt, cache */
    memset(c, 0, sizeof *c);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &cache_key); /* stack: mt */
  }
  lua_rawgetp(L, LUA_REGISTRYINDEX, &cache_key); /* stack: mt, cache */
}

int luaopen_decarb_units(lua_State *L) {
  push_mt_cache(L); /* stack: mt, cache */
  lua_pop(L, 1);
  lua_newtable(L); /* stack: mt, units */
  lua_newtable(L); /* stack: mt, units, units_mt */
  lua_pushvalue(L, -3);
  lua_pushcclosure(L, units_index, 1);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, units_newindex);
  lua_setfield(L, -2, "__newindex");
  dc_lua_lock_metatable(L, -1, NULL);
  lua_setmetatable(L, -2); /* stack: mt, units */
  lua_remove(L, -2);
  return 1;
}

int luaopen_decarb_q(lua_State *L) {
  push_mt_cache(L);                 /* stack: mt, cache */
  lua_pushcclosure(L, units_q, 2); /* upvalues: mt, cache */
  return 1;
}
