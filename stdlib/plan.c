/* plan.c — the plan engine core (see plan.h), part one: building and
 * checking a plan description (sectors, capacity, metrics, measures,
 * targets, scenarios). Plain C, no Lua. Evaluation is in plan_eval.c. */
#include "plan_int.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ===================================================================== */
/* helpers                                                                */
/* ===================================================================== */

int dc_plan__fail(dc_plan *p, const char *fmt, ...) {
  va_list ap;
  p->oom = strcmp(fmt, "out of memory") == 0;
  dc_err_set(&p->err, p->oom ? DC_ERR_MEM : DC_ERR_INPUT, "%s", "");
  va_start(ap, fmt);
  vsnprintf(p->err.msg, sizeof p->err.msg, fmt, ap);
  va_end(ap);
  return -1;
}

/* Every block carries its size in front, so that the allocator (a lua_Alloc
 * that counts bytes against --max-mem) is told the old size on a change. */
#define HDR 16

static void *default_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud;
  (void)osize;
  if (nsize == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, nsize);
}

void *dc_plan__realloc(dc_plan *p, void *ptr, size_t n) {
  char *h = ptr ? (char *)ptr - HDR : NULL;
  size_t old = 0;
  if (h) memcpy(&old, h, sizeof old);
  if (n > SIZE_MAX / 2) {
    p->oom = 1;
    return NULL;
  }
  char *q = p->allocf(p->allocud, h, h ? old + HDR : 0, n + HDR);
  if (!q) {
    p->oom = 1;
    return NULL;
  }
  memcpy(q, &n, sizeof n);
  return q + HDR;
}

void dc_plan__free(dc_plan *p, void *ptr) {
  if (!ptr) return;
  char *h = (char *)ptr - HDR;
  size_t old;
  memcpy(&old, h, sizeof old);
  p->allocf(p->allocud, h, old + HDR, 0);
}

static void *pcalloc(dc_plan *p, size_t n, size_t sz) {
  if (sz && n > SIZE_MAX / 4 / sz) return NULL;
  void *a = dc_plan__realloc(p, NULL, n * sz > 0 ? n * sz : 1);
  if (a) memset(a, 0, n * sz);
  return a;
}
#define free(x) dc_plan__free(p, (x))

static char *dupstr(dc_plan *p, const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *d = dc_plan__realloc(p, NULL, n);
  if (d) memcpy(d, s, n);
  return d;
}

static double *dupser(dc_plan *p, const double *v) {
  double *d = dc_plan__realloc(p, NULL, sizeof(double) * (size_t)p->n);
  if (d && v) memcpy(d, v, sizeof(double) * (size_t)p->n);
  return d;
}

char *dc_plan__dupstr(dc_plan *p, const char *s) { return dupstr(p, s); }
double *dc_plan__dupser(dc_plan *p, const double *v) { return dupser(p, v); }

/* Grows *arr (elements of size sz) to hold n+1 elements. */
static int grow(dc_plan *p, void **arr, size_t *cap, size_t n, size_t sz) {
  assert(n <= *cap);
  if (n < *cap) return 0;
  size_t nc = *cap ? *cap * 2 : 8;
  if (nc > SIZE_MAX / 4 / sz) return -1;
  void *a = dc_plan__realloc(p, *arr, nc * sz);
  if (!a) return -1;
  memset((char *)a + *cap * sz, 0, (nc - *cap) * sz);
  *arr = a;
  *cap = nc;
  return 0;
}
#define GROW(p, arr, cnt, cap) grow((p), (void **)&(p)->arr, &(p)->cap, (p)->cnt, sizeof *(p)->arr)

/* out = a x b^sign (sign 1: a product, -1: a quotient); -1 on overflow. */
static int dims_combine(dc_dims a, dc_dims b, int sign, dc_dims *out) {
  for (int i = 0; i < DC_NDIM; i++) {
    int e = a.e[i] + sign * b.e[i];
    if (e < -127 || e > 127) return -1;
    out->e[i] = (int8_t)e;
  }
  return 0;
}
static int dims_mul(dc_dims a, dc_dims b, dc_dims *out) { return dims_combine(a, b, 1, out); }
static int dims_div(dc_dims a, dc_dims b, dc_dims *out) { return dims_combine(a, b, -1, out); }
int dc_plan__dims_eq(dc_dims a, dc_dims b) { return memcmp(&a, &b, sizeof a) == 0; }


int dc_plan__year_ok(const dc_plan *p, int y) { return y >= p->y0 && y <= p->y1; }

static int name_taken(const dc_plan *p, const char *name) {
  return dc_plan_find_metric(p, name) >= 0;
}

static int add_metric(dc_plan *p, const char *name, enum metric_kind k, int ref,
                      dc_dims dims, const dc_display *disp, const char *source) {
  if (GROW(p, met, nmet, cmet)) return dc_plan__fail(p, "out of memory");
  metric_t *m = &p->met[p->nmet];
  memset(m, 0, sizeof *m);
  m->name = dupstr(p, name);
  m->source = dupstr(p, source);
  if (!m->name || (source && !m->source)) {
    free(m->name); /* the slot is not counted: give back what it got */
    free(m->source);
    memset(m, 0, sizeof *m);
    return dc_plan__fail(p, "out of memory");
  }
  m->kind = k;
  m->ref = ref;
  m->dims = dims;
  m->dims_known = 1;
  if (disp) m->disp = *disp;
  return (int)p->nmet++;
}

int dc_plan__add_metric(dc_plan *p, const char *name, enum metric_kind k, int ref, dc_dims dims,
                        const dc_display *disp, const char *source) {
  return add_metric(p, name, k, ref, dims, disp, source);
}

static void free_measure(dc_plan *p, measure_t *m) {
  free(m->name); free(m->source); free(m->amount); free(m->factor); free(m->w); free(m->base);
  for (size_t j = 0; j < m->nadds; j++) { free(m->adds[j].amount); free(m->adds[j].hours); }
  free(m->adds);
  memset(m, 0, sizeof *m);
}

/* ===================================================================== */
/* building                                                               */
/* ===================================================================== */

dc_plan *dc_plan_new(const char *name, int y0, int y1) {
  return dc_plan_new_alloc(name, y0, y1, default_alloc, NULL);
}

dc_plan *dc_plan_new_alloc(const char *name, int y0, int y1, dc_plan_allocf f, void *ud) {
  if (y0 > y1 || y1 - y0 >= 1000 || !name || !f) return NULL;
  dc_plan *p = f(ud, NULL, 0, sizeof *p);
  if (!p) return NULL;
  memset(p, 0, sizeof *p);
  p->allocf = f;
  p->allocud = ud;
  p->name = dupstr(p, name);
  p->y0 = y0;
  p->y1 = y1;
  p->n = y1 - y0 + 1;
  p->year_s = 365.0 * 86400.0;
  p->share_disp.scale = 0.01;
  dc_plan__energy_init(p);
  snprintf(p->share_disp.label, sizeof p->share_disp.label, "%%");
  static const char *const builtin[DC_MET_NBUILTIN] = {"emissions", "bau_emissions",
                                                        "abatement", "capacity",
                                                        "generation"};
  for (int i = 0; i < DC_MET_NBUILTIN; i++)
    if (add_metric(p, builtin[i], MK_BUILTIN, i, NODIMS, NULL, NULL) < 0) goto oom;
  /* emissions and capacity dims are set by the first sector / technology */
  p->met[DC_MET_EMISSIONS].dims_known = p->met[DC_MET_BAU].dims_known =
      p->met[DC_MET_ABATEMENT].dims_known = 0;
  p->met[DC_MET_CAPACITY].dims_known = p->met[DC_MET_GENERATION].dims_known = 0;
  if (!p->name || dc_plan_scenario(p, "BAU") != 0 || dc_plan_scenario(p, "plan") != 1) goto oom;
  return p;
oom:
  dc_plan_free(p);
  return NULL;
}

int dc_plan_out_of_memory(const dc_plan *p) { return p->oom; }

void dc_plan_hold(dc_plan *p) { p->busy++; }
void dc_plan_release(dc_plan *p) {
  assert(p->busy > 0);
  if (p->busy > 0) p->busy--;
}
int dc_plan_busy(const dc_plan *p) { return p->busy; }
void dc_plan_set_busy(dc_plan *p, int depth) {
  assert(depth >= 0);
  p->busy = depth;
}

int dc_plan__check_idle(dc_plan *p) {
  if (p->busy) return dc_plan__fail(p, "cannot change plan '%s' while it is being evaluated", p->name);
  return 0;
}

void dc_plan_free(dc_plan *p) {
  if (!p) return;
  for (size_t i = 0; i < p->nsec; i++) {
    sector_t *s = &p->sec[i];
    free(s->name); free(s->source); free(s->bau); free(s->act); free(s->fac); free(s->grid);
    for (size_t j = 0; j < s->nuse; j++) { free(s->use[j].v); free(s->use[j].inten); }
    for (size_t j = 0; j < s->ngas; j++) free(s->gas[j].v);
    free(s->use); free(s->gas);
  }
  dc_plan__energy_free(p);
  for (size_t i = 0; i < p->ninp; i++) free((char *)p->inp[i].group);
  free(p->inp);
  for (size_t i = 0; i < p->ntech; i++) {
    free(p->tech[i].name); free(p->tech[i].source);
    free(p->tech[i].cap); free(p->tech[i].hours);
  }
  for (size_t i = 0; i < p->nmea; i++) free_measure(p, &p->mea[i]);
  for (size_t i = 0; i < p->nmet; i++) {
    free(p->met[i].name); free(p->met[i].source); free(p->met[i].v);
  }
  for (size_t i = 0; i < p->ntar; i++) {
    target_t *t = &p->tar[i];
    free(t->name); free(t->source); free(t->vs); free(t->file); free(t->parts);
  }
  for (size_t i = 0; i < p->nscen; i++) {
    scen_t *s = &p->scen[i];
    free(s->name); free(s->drop); free(s->mval); free(s->abate); free(s->pool);
    free(s->tv); free(s->tst); free(s->tres); free(s->warn);
  }
  free(p->sec); free(p->tech); free(p->mea); free(p->met); free(p->tar); free(p->scen);
  free(p->name); free(p->region); free(p->source);
  dc_plan__names_free(p);
  p->allocf(p->allocud, p, sizeof *p, 0);
}

const char *dc_plan_error(const dc_plan *p) { return p->err.msg; }
const dc_err *dc_plan_err(const dc_plan *p) { return &p->err; }

int dc_plan_set_info(dc_plan *p, const char *region, const char *source) {
  if (dc_plan__check_idle(p)) return -1;
  char *r = dupstr(p, region), *s = dupstr(p, source);
  if ((region && !r) || (source && !s)) {
    free(r); free(s);
    return dc_plan__fail(p, "out of memory");
  }
  free(p->region); free(p->source);
  p->region = r;
  p->source = s;
  return 0;
}

void dc_plan_set_year_seconds(dc_plan *p, double s) {
  if (s > 0 && isfinite(s) && !p->busy) p->year_s = s;
}

void dc_plan__invalidate(dc_plan *p) {
  for (size_t i = 0; i < p->nscen; i++) p->scen[i].evaluated = 0;
}

/* The plan's emission units become dims (the first sector), or a later
 * sector's CO2e display makes them CO2e. */
static void set_emis_units(dc_plan *p, dc_dims dims, const dc_display *disp) {
  if (!p->have_emis) {
    p->have_emis = 1;
    p->emis_dims = dims;
    if (disp) p->emis_disp = *disp;
    for (int i = DC_MET_EMISSIONS; i <= DC_MET_ABATEMENT; i++) {
      p->met[i].dims = dims;
      p->met[i].disp = p->emis_disp;
      p->met[i].dims_known = 1;
    }
  }
  else if (disp && disp->co2e && !p->emis_disp.co2e) { /* CO2 + CO2e is CO2e */
    p->emis_disp.co2e = 1;
    if (!dc_units_label_co2e(p->emis_disp.label, sizeof p->emis_disp.label)) p->emis_disp.label[0] = '\0';
    for (int i = DC_MET_EMISSIONS; i <= DC_MET_ABATEMENT; i++) p->met[i].disp = p->emis_disp;
  }
}

int dc_plan__new_sector(dc_plan *p, const char *name, const char *source, const dc_display *disp) {
  if (GROW(p, sec, nsec, csec)) return dc_plan__fail(p, "out of memory");
  sector_t *s = &p->sec[p->nsec];
  memset(s, 0, sizeof *s);
  s->name = dupstr(p, name);
  s->source = dupstr(p, source);
  s->bau = pcalloc(p, (size_t)p->n, sizeof(double));
  if (!s->name || !s->bau || (source && !s->source)) {
    free(s->name); free(s->source); free(s->bau);
    memset(s, 0, sizeof *s);
    return dc_plan__fail(p, "out of memory");
  }
  int mi = add_metric(p, name, MK_SECTOR, (int)p->nsec, p->emis_dims, disp, source);
  if (mi < 0) {
    free(s->name); free(s->source); free(s->bau);
    memset(s, 0, sizeof *s);
    return -1;
  }
  s->metric = mi;
  dc_plan__invalidate(p);
  return (int)p->nsec++;
}

/* 1 when d is a rate of exactly one greenhouse gas (CO2, CH4 or N2O) */
static int one_gas(dc_dims d) {
  int g = d.e[DC_DIM_CO2] + d.e[DC_DIM_CH4] + d.e[DC_DIM_N2O];
  d.e[DC_DIM_CO2] = d.e[DC_DIM_CH4] = d.e[DC_DIM_N2O] = 0;
  d.e[DC_DIM_TIME]++;
  return g == 1 && dc_dims_none(d);
}
static const char *gas_name(dc_dims d) {
  return d.e[DC_DIM_CH4] ? "CH4" : d.e[DC_DIM_N2O] ? "N2O" : "CO2";
}

int dc_plan_sector(dc_plan *p, const char *name, const double *bau, dc_dims dims,
                   const dc_display *disp, const char *source) {
  if (dc_plan__check_idle(p)) return -1;
  if (!name || !*name) return dc_plan__fail(p, "a sector needs a name");
  if (name_taken(p, name)) return dc_plan__fail(p, "the name '%s' is already used in this plan", name);
  int si, g = dc_plan__gas_sector(p, name, bau, dims, disp, source, &si);
  if (g) return g < 0 ? -1 : si;
  if (p->have_emis && !dc_plan__dims_eq(dims, p->emis_dims) && one_gas(dims) && one_gas(p->emis_dims))
    return dc_plan__fail(p, "sector '%s' emits %s but the first sector '%s' emits %s, and plan '%s' names no "
                            "GWP set, so their emissions cannot be added as CO2e: give gwp = \"AR6\" "
                            "(or \"AR5\", \"AR4\") on the plan", name, gas_name(dims), p->sec[0].name,
                         gas_name(p->emis_dims), p->name);
  if (p->have_emis && !dc_plan__dims_eq(dims, p->emis_dims))
    return dc_plan__fail(p, "sector '%s': its emissions have other units than the first sector '%s' "
                   "(give every sector's emissions in the same kind of unit, e.g. tCO2e/yr)",
                name, p->sec[0].name);
  set_emis_units(p, dims, disp);
  si = dc_plan__new_sector(p, name, source, disp);
  if (si >= 0) memcpy(p->sec[si].bau, bau, sizeof(double) * (size_t)p->n);
  return si;
}

int dc_plan_sector_parts(dc_plan *p, int si, const double *act, dc_dims adims, const double *fac,
                         dc_dims fdims) {
  if (dc_plan__check_idle(p)) return -1;
  if (si < 0 || (size_t)si >= p->nsec) return dc_plan__fail(p, "no sector #%d", si);
  sector_t *s = &p->sec[si];
  double *a = dupser(p, act), *f = dupser(p, fac);
  if (!a || !f) {
    free(a); free(f);
    return dc_plan__fail(p, "out of memory");
  }
  free(s->act); free(s->fac);
  s->act = a;
  s->fac = f;
  s->adims = adims;
  s->fdims = fdims;
  return 0;
}

int dc_plan_capacity(dc_plan *p, const char *tech, const double *cap, dc_dims dims,
                     const dc_display *disp, const double *hours, dc_dims hdims,
                     const char *source) {
  char gname[200];
  if (dc_plan__check_idle(p)) return -1;
  if (!tech || !*tech) return dc_plan__fail(p, "a capacity needs a technology name");
  snprintf(gname, sizeof gname, "generation:%s", tech);
  if (name_taken(p, tech) || name_taken(p, gname))
    return dc_plan__fail(p, "the name '%s' is already used in this plan", tech);
  if (p->have_cap && !dc_plan__dims_eq(dims, p->cap_dims))
    return dc_plan__fail(p, "capacity '%s': its units differ from the first technology '%s' "
                   "(give every capacity as a power, e.g. MW)", tech, p->tech[0].name);
  dc_dims gd;
  if (hours && dims_mul(dims, hdims, &gd)) return dc_plan__fail(p, "capacity '%s': bad hours", tech);
  if (hours && p->ntech) {
    /* generation of every technology must add up */
    for (size_t i = 0; i < p->ntech; i++)
      if (p->tech[i].hours && !dc_plan__dims_eq(p->tech[i].hdims, hdims))
        return dc_plan__fail(p, "capacity '%s': hours have other units than those of '%s'", tech,
                    p->tech[i].name);
  }
  if (!p->have_cap) {
    p->have_cap = 1;
    p->cap_dims = dims;
    if (disp) p->cap_disp = *disp;
    p->met[DC_MET_CAPACITY].dims = dims;
    p->met[DC_MET_CAPACITY].disp = p->cap_disp;
    p->met[DC_MET_CAPACITY].dims_known = 1;
  }
  /* generation of "MW" x "h/yr" reads best as "MWh/yr" */
  dc_display gdisp;
  memset(&gdisp, 0, sizeof gdisp);
  if (hours && disp && disp->label[0] && disp->offset == 0 && dc_plan__dims_eq(hdims, NODIMS) &&
      strlen(disp->label) + 5 < sizeof gdisp.label) {
    size_t ll = strlen(disp->label);
    memcpy(gdisp.label, disp->label, ll);
    memcpy(gdisp.label + ll, "h/yr", 5);
    gdisp.scale = disp->scale * 3600.0 / p->year_s;
  }
  if (hours && !p->met[DC_MET_GENERATION].dims_known) {
    p->met[DC_MET_GENERATION].dims = gd;
    p->met[DC_MET_GENERATION].disp = gdisp;
    p->met[DC_MET_GENERATION].dims_known = 1;
  }
  if (GROW(p, tech, ntech, ctech)) return dc_plan__fail(p, "out of memory");
  tech_t *t = &p->tech[p->ntech];
  memset(t, 0, sizeof *t);
  t->name = dupstr(p, tech);
  t->source = dupstr(p, source);
  t->cap = dupser(p, cap);
  t->hours = hours ? dupser(p, hours) : NULL;
  t->dims = dims;
  t->hdims = hdims;
  int nf = dc_energy_tech_nonfossil(tech);
  t->fossil = nf == 1 ? 0 : nf == 0 ? 1 : -1;
  if (!t->name || !t->cap || (hours && !t->hours)) goto oom;
  t->metric = add_metric(p, tech, MK_TECH, (int)p->ntech, dims, disp, source);
  if (t->metric < 0) goto oom;
  t->gen_metric = add_metric(p, gname, MK_TECHGEN, (int)p->ntech, hours ? gd : NODIMS, &gdisp,
                             source);
  if (t->gen_metric < 0) goto oom;
  p->met[t->gen_metric].dims_known = hours != NULL;
  p->ebau_ok = 0; /* generation sets the imports of an energy plan */
  dc_plan__invalidate(p);
  return (int)p->ntech++;
oom:
  free(t->name); free(t->source); free(t->cap); free(t->hours);
  return dc_plan__fail(p, "out of memory");
}

/* What to do so that metric mi (units still unknown) gets values. */
static const char *no_values_hint(const dc_plan *p, int mi) {
  if (mi <= DC_MET_ABATEMENT) return "define a sector first";
  if (mi == DC_MET_CAPACITY) return "define a technology with p:capacity first";
  if (mi == DC_MET_GENERATION || p->met[mi].kind == MK_TECHGEN) return "give hours = for its capacity";
  return "give it a unit";
}

/* A metric's name must be new: 0, or -1 with the error set. */
static int new_metric_name(dc_plan *p, const char *name) {
  if (!name || !*name) return dc_plan__fail(p, "a metric needs a name");
  if (name_taken(p, name)) return dc_plan__fail(p, "the name '%s' is already used in this plan", name);
  return 0;
}

int dc_plan_metric(dc_plan *p, const char *name, const double *v, dc_dims dims,
                   const dc_display *disp, const char *source) {
  if (dc_plan__check_idle(p)) return -1;
  if (new_metric_name(p, name)) return -1;
  double *d = dupser(p, v);
  if (!d) return dc_plan__fail(p, "out of memory");
  int mi = add_metric(p, name, MK_SERIES, -1, dims, disp, source);
  if (mi < 0) {
    free(d);
    return -1;
  }
  p->met[mi].v = d;
  dc_plan__invalidate(p);
  return mi;
}

int dc_plan_metric_fn(dc_plan *p, const char *name, int ref, const char *source) {
  if (dc_plan__check_idle(p)) return -1;
  if (new_metric_name(p, name)) return -1;
  int mi = add_metric(p, name, MK_FN, ref, NODIMS, NULL, source);
  if (mi >= 0) p->met[mi].dims_known = 0;
  dc_plan__invalidate(p);
  return mi;
}

int dc_plan_metric_set_unit(dc_plan *p, int mi, dc_dims dims, const dc_display *disp) {
  if (dc_plan__check_idle(p)) return -1;
  if (mi < 0 || (size_t)mi >= p->nmet) return dc_plan__fail(p, "no such metric");
  p->met[mi].dims = dims;
  if (disp) p->met[mi].disp = *disp;
  p->met[mi].dims_known = 1;
  return 0;
}

int dc_plan_metric_diff(dc_plan *p, const char *name, const char *of, const char *source) {
  if (dc_plan__check_idle(p)) return -1;
  if (new_metric_name(p, name)) return -1;
  int src = of ? dc_plan_find_metric(p, of) : -1;
  if (src < 0)
    return dc_plan__fail(p, "metric '%s': no metric '%s' to take the change of (define it before)",
                         name, of ? of : "(none)");
  const metric_t *m = &p->met[src];
  if (!m->dims_known)
    return dc_plan__fail(p, "metric '%s': '%s' has no values yet (%s)", name, of, no_values_hint(p, src));
  dc_display disp = m->disp;
  disp.offset = 0; /* a difference */
  int mi = add_metric(p, name, MK_DIFF, src, m->dims, &disp, source);
  if (mi >= 0) dc_plan__invalidate(p);
  return mi;
}

static int find_sector(const dc_plan *p, const char *name) { return dc_plan__find(p, DC_PK_SECTOR, 0, name); }
static int find_tech(const dc_plan *p, const char *name) { return dc_plan__find(p, DC_PK_TECH, 0, name); }

/* Lists known names of a kind into buf for "did you mean" style help. */
static const char *list_names(const dc_plan *p, int sectors, char *buf, size_t size) {
  size_t len = 0, n = sectors ? p->nsec : p->ntech;
  buf[0] = '\0';
  for (size_t i = 0; i < n && len + 4 < size; i++) {
    const char *nm = sectors ? p->sec[i].name : p->tech[i].name;
    int w = snprintf(buf + len, size - len, "%s'%s'", i ? ", " : "", nm);
    if (w < 0) break;
    len += (size_t)w;
  }
  if (!n) snprintf(buf, size, "none yet");
  return buf;
}

/* dc_plan_measure, part 1: the name, scenario, sector and years. The
 * sector's index to *sector (-1: the plan's total). 0 or -1. */
static int measure_where(dc_plan *p, const dc_plan_measure_spec *sp, int *sector) {
  char names[200];
  const char *nm = sp->name;
  if (!nm || !*nm) return dc_plan__fail(p, "a measure needs a name");
  if (sp->scenario >= (int)p->nscen || sp->scenario == DC_SCEN_BAU ||
      sp->scenario == DC_SCEN_PLAN)
    return dc_plan__fail(p, "measure '%s': no such scenario", nm);
  if (dc_plan__find(p, DC_PK_MEASURE, sp->scenario, nm) >= 0)
    return dc_plan__fail(p, "measure '%s' is defined twice", nm);
  *sector = -1;
  if (sp->sector) {
    *sector = find_sector(p, sp->sector);
    if (*sector < 0)
      return dc_plan__fail(p, "measure '%s': unknown sector '%s' (sectors: %s)", nm, sp->sector,
                  list_names(p, 1, names, sizeof names));
  }
  int start = sp->start, full = sp->full, stop = sp->stop;
  if (start != DC_PLAN_NOYEAR && !dc_plan__year_ok(p, start))
    return dc_plan__fail(p, "measure '%s': start %d is outside the plan's years %d-%d", nm, start, p->y0, p->y1);
  if (full != DC_PLAN_NOYEAR) {
    if (start == DC_PLAN_NOYEAR) return dc_plan__fail(p, "measure '%s': full = %d needs a start year", nm, full);
    if (full < start || full > p->y1)
      return dc_plan__fail(p, "measure '%s': full = %d must lie between start %d and %d", nm, full, start, p->y1);
  }
  if (stop != DC_PLAN_NOYEAR && (stop < (start == DC_PLAN_NOYEAR ? p->y0 : start) || stop > p->y1))
    return dc_plan__fail(p, "measure '%s': stop = %d must lie between its start and %d", nm, stop, p->y1);
  return 0;
}

/* dc_plan_measure, part 2 for ADDS: each technology exists and its units
 * fit; *ab gets the units of what the displaced generation abates. */
static int measure_adds_units(dc_plan *p, const dc_plan_measure_spec *sp, dc_dims *ab) {
  char names[200];
  const char *nm = sp->name;
  if (!sp->nadds) return dc_plan__fail(p, "measure '%s': adds names no technology", nm);
  for (size_t j = 0; j < sp->nadds; j++) {
    const dc_plan_add *a = &sp->adds[j];
    int t = find_tech(p, a->tech);
    if (t < 0)
      return dc_plan__fail(p, "measure '%s': unknown technology '%s' (define it with p:capacity first; "
                     "technologies: %s)", nm, a->tech, list_names(p, 0, names, sizeof names));
    if (!dc_plan__dims_eq(a->dims, p->tech[t].dims))
      return dc_plan__fail(p, "measure '%s': adds to '%s' in units other than its capacity (give a power, e.g. MW)",
                  nm, a->tech);
    const double *h = a->hours ? a->hours : p->tech[t].hours;
    dc_dims hd = a->hours ? a->hours_dims : p->tech[t].hdims;
    if (!h && sp->factor)
      return dc_plan__fail(p, "measure '%s': displaces needs hours for '%s' (hours = \"1500 h/yr\")", nm, a->tech);
    if (h) {
      dc_dims gd, e;
      if (dims_mul(a->dims, hd, &gd)) return dc_plan__fail(p, "measure '%s': bad hours", nm);
      if (p->met[DC_MET_GENERATION].dims_known && !dc_plan__dims_eq(gd, p->met[DC_MET_GENERATION].dims))
        return dc_plan__fail(p, "measure '%s': hours of '%s' have other units than the plan's other hours", nm, a->tech);
      if (sp->factor) {
        if (dims_mul(gd, sp->factor_dims, &e)) return dc_plan__fail(p, "measure '%s': bad units", nm);
        if (j && !dc_plan__dims_eq(e, *ab)) return dc_plan__fail(p, "measure '%s': bad units", nm);
        *ab = e;
      }
    }
  }
  return 0;
}

/* dc_plan_measure, part 2: what the measure abates must be in the plan's
 * emission units (the energy kinds abate through the energy pass, which
 * checks their own units). 0 or -1. */
static int measure_units(dc_plan *p, const dc_plan_measure_spec *sp) {
  const char *nm = sp->name;
  dc_dims ab = NODIMS;
  int abates = 1;
  switch (sp->kind) {
  case DC_MEASURE_ABATES:
    if (!sp->amount) return dc_plan__fail(p, "measure '%s': abates needs a value", nm);
    ab = sp->amount_dims;
    break;
  case DC_MEASURE_SAVES:
    if (!sp->amount || !sp->factor)
      return dc_plan__fail(p, "measure '%s': saves needs a factor (emissions per unit saved)", nm);
    if (dims_mul(sp->amount_dims, sp->factor_dims, &ab)) return dc_plan__fail(p, "measure '%s': bad units", nm);
    break;
  case DC_MEASURE_ADDS:
    abates = sp->factor != NULL;
    if (measure_adds_units(p, sp, &ab)) return -1;
    break;
  case DC_MEASURE_FN:
    ab = p->emis_dims;
    break;
  case DC_MEASURE_ENERGY_SAVES:
  case DC_MEASURE_SWITCH:
    return 0;
  default:
    return dc_plan__fail(p, "measure '%s': unknown kind", nm);
  }
  if (abates) {
    if (!p->have_emis)
      return dc_plan__fail(p, "measure '%s': the plan has no sector yet (define sectors before measures)", nm);
    if (!dc_plan__dims_eq(ab, p->emis_dims))
      return dc_plan__fail(p, "measure '%s': it abates in units other than the plan's emissions "
                     "(the sectors are in %s; a measure must abate emissions per year like them)",
                  nm, p->emis_disp.label[0] ? p->emis_disp.label : "their own units");
  }
  return 0;
}

/* dc_plan_measure, part 3: copies the adds of sp into m. 0 or -1 (no memory). */
static int measure_copy_adds(dc_plan *p, measure_t *m, const dc_plan_measure_spec *sp) {
  m->adds = pcalloc(p, sp->nadds, sizeof *m->adds);
  if (!m->adds) return -1;
  m->nadds = sp->nadds;
  for (size_t j = 0; j < sp->nadds; j++) {
    const dc_plan_add *a = &sp->adds[j];
    int t = find_tech(p, a->tech);
    m->adds[j].tech = t;
    if (!(m->adds[j].amount = dupser(p, a->amount))) return -1;
    if (a->hours && !(m->adds[j].hours = dupser(p, a->hours))) return -1;
    m->adds[j].hdims = a->hours_dims;
    if ((a->hours || p->tech[t].hours) && !p->met[DC_MET_GENERATION].dims_known) {
      dc_dims gd;
      dims_mul(a->dims, a->hours ? a->hours_dims : p->tech[t].hdims, &gd);
      p->met[DC_MET_GENERATION].dims = gd;
      p->met[DC_MET_GENERATION].dims_known = 1;
    }
    if (a->hours && !p->met[p->tech[t].gen_metric].dims_known) {
      p->met[p->tech[t].gen_metric].dims = p->met[DC_MET_GENERATION].dims;
      p->met[p->tech[t].gen_metric].dims_known = 1;
    }
  }
  return 0;
}

int dc_plan_measure(dc_plan *p, const dc_plan_measure_spec *sp) {
  if (dc_plan__check_idle(p)) return -1;
  int sector = -1;
  if (measure_where(p, sp, &sector) || measure_units(p, sp)) return -1;
  measure_t e; /* the energy fields, checked before anything is kept */
  memset(&e, 0, sizeof e);
  e.name = (char *)sp->name;
  e.sector = sector;
  e.scenario = sp->scenario;
  if (dc_plan__is_energy_kind(sp->kind) && dc_plan__energy_measure(p, &e, sp)) return -1;
  if (GROW(p, mea, nmea, cmea)) return dc_plan__fail(p, "out of memory");
  measure_t *m = &p->mea[p->nmea];
  memset(m, 0, sizeof *m);
  m->name = dupstr(p, sp->name);
  m->source = dupstr(p, sp->source);
  m->kind = sp->kind;
  m->sector = sector;
  m->start = sp->start;
  m->full = sp->full;
  m->stop = sp->stop;
  m->scenario = sp->scenario;
  m->fnref = sp->fnref;
  m->scale = 1;
  m->amount_dims = sp->amount_dims;
  m->factor_dims = sp->factor_dims;
  m->fuel = e.fuel;
  m->from = e.from;
  m->to = e.to;
  m->share = e.share;
  m->efficiency = e.efficiency;
  m->ramp_dirty = m->base_dirty = 1;
  if (!m->name || (sp->source && !m->source)) goto oom;
  if (sp->amount && !(m->amount = dupser(p, sp->amount))) goto oom;
  if (sp->factor && !(m->factor = dupser(p, sp->factor))) goto oom;
  if (sp->kind == DC_MEASURE_ADDS && measure_copy_adds(p, m, sp)) goto oom;
  if (dc_plan__prepare(p, m)) goto oom;
  dc_plan__invalidate(p);
  return (int)p->nmea++;
oom:
  free_measure(p, m);
  return dc_plan__fail(p, "out of memory");
}

int dc_plan_scenario(dc_plan *p, const char *name) {
  if (dc_plan__check_idle(p)) return -1;
  if (!name || !*name) return dc_plan__fail(p, "a scenario needs a name");
  if (dc_plan_find_scenario(p, name) >= 0) return dc_plan__fail(p, "scenario '%s' is defined twice", name);
  if (GROW(p, scen, nscen, cscen)) return dc_plan__fail(p, "out of memory");
  scen_t *s = &p->scen[p->nscen];
  memset(s, 0, sizeof *s);
  if (!(s->name = dupstr(p, name))) return dc_plan__fail(p, "out of memory");
  return (int)p->nscen++;
}

int dc_plan_scenario_drop(dc_plan *p, int s, int m) {
  if (dc_plan__check_idle(p)) return -1;
  if (s <= DC_SCEN_PLAN || (size_t)s >= p->nscen) return dc_plan__fail(p, "only a named scenario can drop measures");
  if (m < 0 || (size_t)m >= p->nmea || p->mea[m].scenario != -1) return dc_plan__fail(p, "no such measure of the plan");
  scen_t *sc = &p->scen[s];
  if ((size_t)m >= sc->dropcap) {
    size_t nc = p->cmea > (size_t)m ? p->cmea : (size_t)m + 1;
    unsigned char *d = dc_plan__realloc(p, sc->drop, nc);
    if (!d) return dc_plan__fail(p, "out of memory");
    memset(d + sc->dropcap, 0, nc - sc->dropcap);
    sc->drop = d;
    sc->dropcap = nc;
  }
  sc->drop[m] = 1;
  sc->evaluated = 0;
  return 0;
}

/* ---- targets ---- */

const char *dc_plan__kind_name(const target_t *t) {
  if (t->share_of != DC_SHARE_NONE) return "share";
  switch (t->kind) {
  case DC_TARGET_AT_MOST: return t->per >= 0 ? "intensity_at_most" : "at_most";
  case DC_TARGET_AT_LEAST: return t->per >= 0 ? "intensity_at_least" : "at_least";
  case DC_TARGET_REDUCE: return t->per >= 0 ? "intensity" : "reduce";
  case DC_TARGET_VS: return "vs_scenario";
  case DC_TARGET_PEAK: return "peak";
  case DC_TARGET_NET_ZERO: return "net_zero";
  case DC_TARGET_BUDGET: return "budget";
  }
  return "?";
}

static int metric_or_fail(dc_plan *p, const char *tname, const char *what, const char *name) {
  int mi = dc_plan_find_metric(p, name);
  if (mi < 0 && dc_plan__energy_missing_metric(p, tname, name)) return -1;
  if (mi < 0) return dc_plan__fail(p, "target '%s': no metric '%s' in this plan (metrics are "
                             "\"emissions\", \"bau_emissions\", sectors, technologies, "
                             "\"capacity\", \"generation\" and those of p:metric; define "
                             "it before the target)", tname, name), -1;
  if (!p->met[mi].dims_known)
    return dc_plan__fail(p, "target '%s': %s '%s' has no values yet (%s)", tname, what, name,
                         no_values_hint(p, mi)), -1;
  return mi;
}

/* dc_plan_target, part 1: the metric judged, the per = denominator and the
 * years; t's value dims and display follow. 0 or -1. */
static int target_metric(dc_plan *p, const dc_plan_target_spec *sp, target_t *t, const char *mname) {
  const char *nm = sp->name;
  if ((t->metric = metric_or_fail(p, nm, "metric", mname)) < 0) return -1;
  t->vdims = p->met[t->metric].dims;
  t->vdisp = p->met[t->metric].disp;
  if (sp->per) {
    if (sp->share_of != DC_SHARE_NONE || sp->kind == DC_TARGET_BUDGET)
      return dc_plan__fail(p, "target '%s': per = is for level, reduction, peak and BAU targets", nm);
    if ((t->per = metric_or_fail(p, nm, "per", sp->per)) < 0) return -1;
    if (dims_div(t->vdims, p->met[t->per].dims, &t->vdims)) return dc_plan__fail(p, "target '%s': bad units", nm);
    memset(&t->vdisp, 0, sizeof t->vdisp);
    t->vdisp.co2e = p->met[t->metric].disp.co2e; /* per capita CO2e is CO2e */
  }
  if (t->by == DC_PLAN_NOYEAR) return dc_plan__fail(p, "target '%s': give the year it is due (by = YEAR)", nm);
  if (!dc_plan__year_ok(p, t->by))
    return dc_plan__fail(p, "target '%s': year %d is outside the plan's years %d-%d", nm, t->by, p->y0, p->y1);
  if (t->from != DC_PLAN_NOYEAR && !dc_plan__year_ok(p, t->from))
    return dc_plan__fail(p, "target '%s': year %d is outside the plan's years %d-%d", nm, t->from, p->y0, p->y1);
  return 0;
}

/* dc_plan_target, part 2 for shares: the parts (t->parts allocated, the
 * caller frees it on failure). 0 or -1. */
static int target_share(dc_plan *p, const dc_plan_target_spec *sp, target_t *t, const char *mname) {
  const char *nm = sp->name;
  if (sp->kind != DC_TARGET_AT_MOST && sp->kind != DC_TARGET_AT_LEAST)
    return dc_plan__fail(p, "target '%s': a share needs at_least = or at_most =", nm);
  if (!sp->nparts) return dc_plan__fail(p, "target '%s': share = names nothing", nm);
  t->parts = pcalloc(p, sp->nparts, sizeof *t->parts);
  if (!t->parts) return dc_plan__fail(p, "out of memory");
  t->nparts = sp->nparts;
  for (size_t i = 0; i < sp->nparts; i++) {
    char buf[200];
    const char *part = sp->parts[i];
    if (sp->share_of == DC_SHARE_GENERATION) {
      snprintf(buf, sizeof buf, "generation:%s", part);
      part = buf;
    }
    int mi = dc_plan_find_metric(p, part);
    if (sp->share_of != DC_SHARE_METRIC && (mi < 0 || (p->met[mi].kind != MK_TECH && p->met[mi].kind != MK_TECHGEN)))
      return dc_plan__fail(p, "target '%s': '%s' is not a technology of this plan (define it with p:capacity)", nm, sp->parts[i]);
    if (mi < 0) return metric_or_fail(p, nm, "metric", part);
    if (!p->met[mi].dims_known)
      return dc_plan__fail(p, "target '%s': no generation for '%s' (give hours = for its capacity)", nm, sp->parts[i]);
    if (!dc_plan__dims_eq(p->met[mi].dims, p->met[t->metric].dims))
      return dc_plan__fail(p, "target '%s': '%s' and '%s' have different units, so one cannot be a share of the other",
                  nm, sp->parts[i], mname);
    t->parts[i] = mi;
  }
  t->vdims = NODIMS;
  t->vdisp = p->share_disp;
  return 0;
}

/* dc_plan_target, part 3: the bound's units, and what each kind needs.
 * 0 or -1. */
static int target_kind(dc_plan *p, const dc_plan_target_spec *sp, target_t *t, const char *mname) {
  const char *nm = sp->name;
  int need_bound = sp->kind == DC_TARGET_AT_MOST || sp->kind == DC_TARGET_AT_LEAST;
  if (need_bound && !dc_plan__dims_eq(sp->bound_dims, t->vdims)) {
    char hint[80] = "";
    if (sp->share_of != DC_SHARE_NONE) snprintf(hint, sizeof hint, " (give a percentage, e.g. \"25 %%\")");
    else if (t->per >= 0) snprintf(hint, sizeof hint, " per '%s'", sp->per);
    else if (t->vdisp.label[0]) snprintf(hint, sizeof hint, " (give it in units like %s)", t->vdisp.label);
    return dc_plan__fail(p, "target '%s': the bound's units do not match %s '%s'%s", nm,
                         sp->share_of != DC_SHARE_NONE ? "a share of" : "metric", mname, hint);
  }
  if (need_bound && sp->bound_disp.label[0]) t->vdisp = sp->bound_disp;
  switch (sp->kind) {
  case DC_TARGET_REDUCE:
    if (t->from == DC_PLAN_NOYEAR) t->from = p->y0;
    if (t->from > t->by) goto from_after_by;
    break;
  case DC_TARGET_VS:
    if (!sp->vs || (t->vs_scen = dc_plan_find_scenario(p, sp->vs)) < 0)
      return dc_plan__fail(p, "target '%s': no scenario '%s' (scenarios: BAU, plan and those of p:scenario)", nm,
                  sp->vs ? sp->vs : "(none)");
    break;
  case DC_TARGET_PEAK:
    if (t->by >= p->y1)
      return dc_plan__fail(p, "target '%s': peak_by = %d leaves no later year in the plan to confirm the peak "
                     "(the plan ends in %d)", nm, t->by, p->y1);
    break;
  case DC_TARGET_NET_ZERO:
    if (t->tol_is_abs && !dc_plan__dims_eq(sp->tol_dims, t->vdims))
      return dc_plan__fail(p, "target '%s': tolerance must be a percentage or in the units of '%s'", nm, mname);
    break;
  case DC_TARGET_BUDGET: {
    dc_dims cum;
    if (t->from == DC_PLAN_NOYEAR) t->from = p->y0;
    if (t->from > t->by) goto from_after_by;
    dims_mul(t->vdims, (dc_dims){{[DC_DIM_TIME] = 1}}, &cum);
    if (dc_plan__dims_eq(sp->bound_dims, cum)) t->cumul_seconds = 1;
    else if (dc_plan__dims_eq(sp->bound_dims, t->vdims) && t->vdims.e[DC_DIM_TIME] < 0)
      return dc_plan__fail(p, "target '%s': a budget is an amount summed over its years, not a rate "
                       "(give e.g. \"10 MtCO2e\", not \"10 MtCO2e/yr\")", nm);
    else if (!dc_plan__dims_eq(sp->bound_dims, t->vdims))
      return dc_plan__fail(p, "target '%s': the budget's units do not match '%s' summed over years "
                     "(give an amount such as \"10 MtCO2e\")", nm, mname);
    t->vdims = sp->bound_dims;
    t->vdisp = sp->bound_disp;
    break;
  }
  default:
    break;
  }
  return 0;
from_after_by:
  return dc_plan__fail(p, "target '%s': from = %d is after by = %d", nm, t->from, t->by);
}

int dc_plan_target(dc_plan *p, const dc_plan_target_spec *sp) {
  if (dc_plan__check_idle(p)) return -1;
  const char *nm = sp->name;
  if (!nm || !*nm) return dc_plan__fail(p, "a target needs a name");
  if (dc_plan__find(p, DC_PK_TARGET, 0, nm) >= 0)
    return dc_plan__fail(p, "target '%s' is defined twice (give each target its own name)", nm);
  target_t t;
  memset(&t, 0, sizeof t);
  t.kind = sp->kind;
  t.share_of = sp->share_of;
  t.per = -1;
  t.vs_scen = -1;
  t.bound = sp->bound;
  t.reduce = sp->reduce;
  t.tol = sp->tol;
  t.tol_is_abs = sp->tol_is_abs;
  t.by = sp->by;
  t.from = sp->from;
  t.every = sp->every_year_after;
  const char *mname = sp->metric ? sp->metric : "emissions";
  if (sp->share_of == DC_SHARE_CAPACITY) mname = "capacity";
  if (sp->share_of == DC_SHARE_GENERATION) mname = "generation";
  if (target_metric(p, sp, &t, mname)) return -1;
  if (sp->share_of != DC_SHARE_NONE && target_share(p, sp, &t, mname)) goto fail;
  if (target_kind(p, sp, &t, mname)) goto fail;
  if (GROW(p, tar, ntar, ctar)) {
    dc_plan__fail(p, "out of memory");
    goto fail;
  }
  t.name = dupstr(p, nm);
  t.source = dupstr(p, sp->source);
  t.vs = dupstr(p, sp->vs);
  t.file = dupstr(p, sp->file);
  t.line = sp->line;
  if (!t.name || (sp->source && !t.source) || (sp->vs && !t.vs) || (sp->file && !t.file)) {
    free(t.name); free(t.source); free(t.vs); free(t.file);
    dc_plan__fail(p, "out of memory");
    goto fail;
  }
  p->tar[p->ntar] = t;
  dc_plan__invalidate(p);
  return (int)p->ntar++;
fail:
  free(t.parts);
  return -1;
}
