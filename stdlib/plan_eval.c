/* plan_eval.c — the plan core's evaluation (see plan.h): measures, metrics,
 * wedges, warnings and target verdicts for one scenario, re-run as often as
 * parameters change; plus the read accessors. Building is in plan.c. */
#include "plan_int.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ===================================================================== */
/* re-evaluation                                                          */
/* ===================================================================== */

int dc_plan_set_param(dc_plan *p, int mi, enum dc_param what, double v) {
  if (dc_plan__check_idle(p)) return -1;
  if (mi < 0 || (size_t)mi >= p->nmea) return dc_plan__fail(p, "no measure #%d", mi);
  measure_t *m = &p->mea[mi];
  int y = (int)v;
  switch (what) {
  case DC_PARAM_START:
  case DC_PARAM_FULL:
  case DC_PARAM_STOP:
    if (v != (double)y || !dc_plan__year_ok(p, y))
      return dc_plan__fail(p, "measure '%s': year %g is outside the plan's years %d-%d", m->name, v, p->y0, p->y1);
    if (what == DC_PARAM_START) {
      m->start = y;
      if (m->full != DC_PLAN_NOYEAR && m->full < y) m->full = y;
    } else if (what == DC_PARAM_FULL) {
      if (m->start == DC_PLAN_NOYEAR || y < m->start)
        return dc_plan__fail(p, "measure '%s': full must not be before start", m->name);
      m->full = y;
    } else
      m->stop = y;
    m->ramp_dirty = 1;
    break;
  case DC_PARAM_SCALE:
    if (!isfinite(v)) return dc_plan__fail(p, "measure '%s': scale must be a finite number", m->name);
    m->scale = v;
    break;
  case DC_PARAM_ABATES:
    if (m->kind != DC_MEASURE_ABATES) return dc_plan__fail(p, "measure '%s' does not have abates =", m->name);
    if (!isfinite(v)) return dc_plan__fail(p, "measure '%s': abates must be a finite value", m->name);
    m->konst = v;
    m->use_const = 1;
    m->base_dirty = 1;
    break;
  default:
    return dc_plan__fail(p, "unknown parameter");
  }
  if (dc_plan__prepare(p, m)) return -1;
  dc_plan__invalidate(p);
  return 0;
}

/* The ramp of a measure in year y: 0 before start and after stop, rising
 * linearly to 1 in the year `full`. */
static inline double ramp(const measure_t *m, int y) {
  if (m->start != DC_PLAN_NOYEAR && y < m->start) return 0;
  if (m->stop != DC_PLAN_NOYEAR && y > m->stop) return 0;
  if (m->full != DC_PLAN_NOYEAR && y < m->full)
    return (double)(y - m->start + 1) / (double)(m->full - m->start + 1);
  return 1;
}

int dc_plan__prepare(dc_plan *p, measure_t *m) {
  const int n = p->n;
  if (!m->w) {
    m->w = dc_plan__realloc(p, NULL, sizeof(double) * (size_t)n);
    if (!m->w) return dc_plan__fail(p, "out of memory");
    m->ramp_dirty = 1;
  }
  int flat = m->kind == DC_MEASURE_ABATES || m->kind == DC_MEASURE_SAVES;
  if (m->ramp_dirty) {
    int lo = m->start == DC_PLAN_NOYEAR ? 0 : m->start - p->y0;
    int hi = m->stop == DC_PLAN_NOYEAR ? n - 1 : m->stop - p->y0;
    int fi = m->full == DC_PLAN_NOYEAR ? lo : m->full - p->y0;
    double inv = 1.0 / (double)(fi - lo + 1);
    if (fi > hi + 1) fi = hi + 1;
    for (int i = 0; i < n; i++)
      m->w[i] = !flat ? ramp(m, p->y0 + i) /* the same arithmetic as before the weights were kept */
                : i < lo || i > hi ? 0
                : i < fi ? (double)(i - lo + 1) * inv
                         : 1;
    m->lo = lo < 0 ? 0 : lo;
    m->hi = hi > n - 1 ? n - 1 : hi;
    m->ramp_dirty = 0;
  }
  /* base: amount x factor of a saving (an abatement reads its amount, or
     its constant, as it is) */
  if (flat && m->factor && (m->base_dirty || !m->base)) {
    if (!m->base && !(m->base = dc_plan__realloc(p, NULL, sizeof(double) * (size_t)n)))
      return dc_plan__fail(p, "out of memory");
    double *restrict b = m->base;
    const double *restrict a = m->amount, *restrict f = m->factor;
    for (int i = 0; i < n; i++) b[i] = a[i] * f[i];
  }
  m->base_dirty = 0;
  return 0;
}

/* ===================================================================== */
/* fields: every value a sample or a seek may vary                        */
/* ===================================================================== */

static const char *amount_name(const measure_t *m) {
  return m->kind == DC_MEASURE_SAVES || m->kind == DC_MEASURE_ENERGY_SAVES ? "saves"
         : m->kind == DC_MEASURE_ADDS                                      ? "adds"
                                                                           : "abates";
}

/* The series of an energy sector's slot: a gas sector's emissions, the
 * activity, the use of fuel #sub (its intensity with an activity). */
static double *energy_slot(dc_plan *p, sector_t *s, const dc_plan_slot *sl, dc_dims *dims) {
  if (sl->field == DC_FIELD_EMISSIONS && !s->nuse && s->ngas == 1) {
    *dims = s->gas[0].dims;
    return s->gas[0].v;
  }
  if (sl->field == DC_FIELD_ACTIVITY && s->act) {
    *dims = s->adims;
    return s->act;
  }
  if (sl->field == DC_FIELD_ENERGY && sl->sub >= 0 && (size_t)sl->sub < s->nuse) {
    euse_t *u = &s->use[sl->sub];
    *dims = u->idims;
    return u->inten ? u->inten : u->v;
  }
  (void)p;
  return NULL;
}

/* The series a slot names (NULL with the error set when there is none), and
 * its dims. Years and scale are not series: *is_scalar = 1. */
static double *slot_series(dc_plan *p, const dc_plan_slot *sl, dc_dims *dims, int *is_scalar) {
  *is_scalar = 0;
  *dims = NODIMS;
  switch (sl->obj) {
  case DC_OBJ_MEASURE: {
    if (sl->index < 0 || (size_t)sl->index >= p->nmea) return dc_plan__fail(p, "no measure #%d", sl->index), NULL;
    measure_t *m = &p->mea[sl->index];
    switch (sl->field) {
    case DC_FIELD_START: case DC_FIELD_FULL: case DC_FIELD_STOP: case DC_FIELD_SCALE:
      *is_scalar = 1;
      return NULL;
    case DC_FIELD_SHARE:
      if (m->kind != DC_MEASURE_SWITCH) break;
      *is_scalar = 1;
      return NULL;
    case DC_FIELD_AMOUNT:
      if (m->kind != DC_MEASURE_ABATES && m->kind != DC_MEASURE_SAVES && m->kind != DC_MEASURE_ENERGY_SAVES) break;
      *dims = m->amount_dims;
      return m->amount;
    case DC_FIELD_FACTOR:
      if (!m->factor) break;
      *dims = m->factor_dims;
      return m->factor;
    case DC_FIELD_ADDS:
    case DC_FIELD_HOURS:
      if (m->kind != DC_MEASURE_ADDS || sl->sub < 0 || (size_t)sl->sub >= m->nadds) break;
      if (sl->field == DC_FIELD_ADDS) {
        *dims = p->tech[m->adds[sl->sub].tech].dims;
        return m->adds[sl->sub].amount;
      }
      if (!m->adds[sl->sub].hours) break;
      *dims = m->adds[sl->sub].hdims;
      return m->adds[sl->sub].hours;
    default:
      break;
    }
    break;
  }
  case DC_OBJ_SECTOR: {
    if (sl->index < 0 || (size_t)sl->index >= p->nsec) return dc_plan__fail(p, "no sector #%d", sl->index), NULL;
    sector_t *s = &p->sec[sl->index];
    if (s->energy) {
      double *v = s->imports ? NULL : energy_slot(p, s, sl, dims);
      if (v) return v;
      break;
    }
    if (sl->field == DC_FIELD_EMISSIONS && !s->act) {
      *dims = p->emis_dims;
      return s->bau;
    }
    if (sl->field == DC_FIELD_ACTIVITY && s->act) {
      *dims = s->adims;
      return s->act;
    }
    if (sl->field == DC_FIELD_FACTOR && s->fac) {
      *dims = s->fdims;
      return s->fac;
    }
    break;
  }
  case DC_OBJ_TECH: {
    if (sl->index < 0 || (size_t)sl->index >= p->ntech) return dc_plan__fail(p, "no technology #%d", sl->index), NULL;
    tech_t *t = &p->tech[sl->index];
    if (sl->field == DC_FIELD_CAPACITY) {
      *dims = t->dims;
      return t->cap;
    }
    if (sl->field == DC_FIELD_HOURS && t->hours) {
      *dims = t->hdims;
      return t->hours;
    }
    break;
  }
  }
  char lbl[200];
  dc_plan_slot_label(p, sl, lbl, sizeof lbl);
  dc_plan__fail(p, "%s: there is no such value to vary (it was not given, or the kind has no such field)", lbl);
  return NULL;
}

int dc_plan_field_dims(dc_plan *p, const dc_plan_slot *sl, dc_dims *dims) {
  int scalar;
  double *v = slot_series(p, sl, dims, &scalar);
  if (scalar) return sl->field == DC_FIELD_SCALE || sl->field == DC_FIELD_SHARE ? 0 : 1;
  return v ? 0 : -1;
}

int dc_plan_set_field(dc_plan *p, const dc_plan_slot *sl, const double *v, double x) {
  if (dc_plan__check_idle(p)) return -1;
  dc_dims d;
  int scalar;
  double *dst = slot_series(p, sl, &d, &scalar);
  if (scalar && sl->field == DC_FIELD_SHARE) {
    if (dc_plan__energy_set_share(p, &p->mea[sl->index], x)) return -1;
    dc_plan__invalidate(p);
    return 0;
  }
  if (scalar) return dc_plan_set_param(p, sl->index, (enum dc_param)sl->field, x);
  if (!dst) return -1;
  const int n = p->n;
  for (int i = 0; i < (v ? n : 1); i++)
    if (!isfinite(v ? v[i] : x)) {
      char lbl[200];
      dc_plan_slot_label(p, sl, lbl, sizeof lbl);
      return dc_plan__fail(p, "%s must be a finite value (in %d)", lbl, p->y0 + i);
    }
  if (v) memcpy(dst, v, sizeof(double) * (size_t)n);
  else
    for (int i = 0; i < n; i++) dst[i] = x;
  if (sl->obj == DC_OBJ_MEASURE) {
    measure_t *m = &p->mea[sl->index];
    if (sl->field == DC_FIELD_AMOUNT) m->use_const = 0;
    m->base_dirty = 1;
    if (dc_plan__prepare(p, m)) return -1;
  } else if (sl->obj == DC_OBJ_SECTOR) {
    sector_t *s = &p->sec[sl->index];
    if (s->energy)
      for (size_t j = 0; s->act && j < s->nuse; j++)
        for (int i = 0; i < n; i++) s->use[j].v[i] = s->act[i] * s->use[j].inten[i];
    else if (s->act)
      for (int i = 0; i < n; i++) s->bau[i] = s->act[i] * s->fac[i];
    p->ebau_ok = 0;
  } else
    p->ebau_ok = 0; /* a technology's generation sets an energy plan's imports */
  dc_plan__invalidate(p);
  return 0;
}

double dc_plan_get_field(const dc_plan *p, const dc_plan_slot *sl, int y) {
  dc_dims d;
  int scalar;
  if (sl->obj == DC_OBJ_MEASURE && sl->index >= 0 && (size_t)sl->index < p->nmea) {
    const measure_t *m = &p->mea[sl->index];
    int yr = sl->field == DC_FIELD_START ? m->start : sl->field == DC_FIELD_FULL ? m->full
             : sl->field == DC_FIELD_STOP ? m->stop : 0;
    if (sl->field == DC_FIELD_SCALE) return m->scale;
    if (sl->field == DC_FIELD_SHARE) return m->kind == DC_MEASURE_SWITCH ? m->share : NAN;
    if (sl->field <= DC_FIELD_STOP) return yr == DC_PLAN_NOYEAR ? NAN : (double)yr;
    if (sl->field == DC_FIELD_AMOUNT && m->use_const) return m->konst;
  }
  dc_err err = p->err; /* a reader does not change the last error */
  const double *v = slot_series((dc_plan *)p, sl, &d, &scalar);
  ((dc_plan *)p)->err = err;
  if (!v || y < p->y0 || y > p->y1) return NAN;
  return v[y - p->y0];
}

size_t dc_plan_slot_label(const dc_plan *p, const dc_plan_slot *sl, char *buf, size_t size) {
  static const char *const fnames[] = {"start", "full", "stop", "scale", "amount", "factor", "adds",
                                       "hours", "emissions", "activity", "capacity", "share", "energy"};
  const char *fn = (unsigned)sl->field < sizeof fnames / sizeof *fnames ? fnames[sl->field] : "?";
  if (sl->obj == DC_OBJ_MEASURE && sl->index >= 0 && (size_t)sl->index < p->nmea) {
    const measure_t *m = &p->mea[sl->index];
    if (sl->field == DC_FIELD_AMOUNT) fn = amount_name(m);
    if (sl->field == DC_FIELD_FACTOR && m->kind == DC_MEASURE_ADDS) fn = "displaces";
    if ((sl->field == DC_FIELD_ADDS || sl->field == DC_FIELD_HOURS) && sl->sub >= 0 && (size_t)sl->sub < m->nadds)
      return (size_t)snprintf(buf, size, "measure '%s' %s.%s", m->name, fn, p->tech[m->adds[sl->sub].tech].name);
    return (size_t)snprintf(buf, size, "measure '%s' %s", m->name, fn);
  }
  if (sl->obj == DC_OBJ_SECTOR && sl->index >= 0 && (size_t)sl->index < p->nsec)
    return (size_t)snprintf(buf, size, "sector '%s' %s", p->sec[sl->index].name, fn);
  if (sl->obj == DC_OBJ_TECH && sl->index >= 0 && (size_t)sl->index < p->ntech)
    return (size_t)snprintf(buf, size, "capacity '%s' %s", p->tech[sl->index].name, fn);
  return (size_t)snprintf(buf, size, "(no such value)");
}

int dc_plan_find_target(const dc_plan *p, const char *name) {
  for (size_t i = 0; i < p->ntar; i++)
    if (strcmp(p->tar[i].name, name) == 0) return (int)i;
  return -1;
}

int dc_plan_find_object(const dc_plan *p, const char *name, enum dc_obj *obj) {
  for (size_t i = 0; i < p->nsec; i++)
    if (strcmp(p->sec[i].name, name) == 0) return *obj = DC_OBJ_SECTOR, (int)i;
  for (size_t i = 0; i < p->ntech; i++)
    if (strcmp(p->tech[i].name, name) == 0) return *obj = DC_OBJ_TECH, (int)i;
  return -1;
}

int dc_plan_measure_add_index(const dc_plan *p, int mi, const char *tech) {
  if (mi < 0 || (size_t)mi >= p->nmea) return -1;
  const measure_t *m = &p->mea[mi];
  if (!tech) return m->nadds == 1 ? 0 : -1;
  for (size_t j = 0; j < m->nadds; j++)
    if (strcmp(p->tech[m->adds[j].tech].name, tech) == 0) return (int)j;
  return -1;
}

/* ---- uncertain inputs ---- */

static int slot_eq(const dc_plan_slot *a, const dc_plan_slot *b) {
  return a->obj == b->obj && a->index == b->index && a->field == b->field && a->sub == b->sub;
}

int dc_plan_add_input(dc_plan *p, const dc_plan_input *in) {
  if (dc_plan__check_idle(p)) return -1;
  dc_dims d;
  if (dc_plan_field_dims(p, &in->slot, &d) < 0) return -1;
  char *g = NULL;
  if (in->group) {
    size_t len = strlen(in->group) + 1;
    if (!(g = dc_plan__realloc(p, NULL, len))) return dc_plan__fail(p, "out of memory");
    memcpy(g, in->group, len);
  }
  size_t k = 0;
  while (k < p->ninp && !slot_eq(&p->inp[k].slot, &in->slot)) k++;
  if (k == p->ninp && p->ninp == p->cinp) {
    size_t nc = p->cinp ? p->cinp * 2 : 8;
    dc_plan_input *a = dc_plan__realloc(p, p->inp, nc * sizeof *a);
    if (!a) {
      dc_plan__free(p, g);
      return dc_plan__fail(p, "out of memory");
    }
    p->inp = a;
    p->cinp = nc;
  }
  if (dc_plan_set_field(p, &in->slot, NULL, in->dist.central)) {
    dc_plan__free(p, g);
    return -1;
  }
  if (k < p->ninp) dc_plan__free(p, (char *)p->inp[k].group);
  else p->ninp++;
  p->inp[k] = *in;
  p->inp[k].group = g;
  return (int)k;
}

void dc_plan_remove_input(dc_plan *p, const dc_plan_slot *slot) {
  for (size_t k = 0; k < p->ninp; k++)
    if (slot_eq(&p->inp[k].slot, slot)) {
      dc_plan__free(p, (char *)p->inp[k].group);
      memmove(&p->inp[k], &p->inp[k + 1], (p->ninp - k - 1) * sizeof *p->inp);
      p->ninp--;
      return;
    }
}

size_t dc_plan_ninputs(const dc_plan *p) { return p->ninp; }

int dc_plan_input_at(const dc_plan *p, size_t i, dc_plan_input *out) {
  if (i >= p->ninp) return -1;
  *out = p->inp[i];
  return 0;
}

/* Resizes the block at *ptr to `bytes`; -1 (error set) when memory runs out. */
static int resize(dc_plan *p, void **ptr, size_t bytes) {
  void *a = dc_plan__realloc(p, *ptr, bytes ? bytes : 1);
  if (!a) return dc_plan__fail(p, "out of memory");
  *ptr = a;
  return 0;
}
#define RESIZE(p, ptr, bytes) resize((p), (void **)&(ptr), (bytes))

/* Room in scenario s for the results of every metric, measure, target and
 * warning the plan has now. */
static int ensure_buffers(dc_plan *p, scen_t *s) {
  size_t n = (size_t)p->n;
  if (s->amet < p->nmet) {
    if (RESIZE(p, s->mval, p->nmet * n * sizeof *s->mval)) return -1;
    s->amet = p->nmet;
  }
  if (s->ameas < p->nmea || !s->pool) {
    size_t k = p->nmea ? p->nmea : 1;
    if (RESIZE(p, s->abate, k * n * sizeof *s->abate) || RESIZE(p, s->pool, n * sizeof *s->pool)) return -1;
    s->ameas = k;
  }
  if (s->atar < p->ntar) {
    if (RESIZE(p, s->tv, p->ntar * 4 * n * sizeof *s->tv) || RESIZE(p, s->tst, p->ntar * n) ||
        RESIZE(p, s->tres, p->ntar * sizeof *s->tres))
      return -1;
    s->atar = p->ntar;
  }
  if (s->awarn < p->nsec + 1) {
    /* at most one run per two years per sector, plus the plan total */
    if (RESIZE(p, s->warn, (p->nsec + 1) * (n / 2 + 1) * sizeof *s->warn)) return -1;
    s->awarn = p->nsec + 1;
  }
  if (s->dropcap < p->nmea) {
    if (RESIZE(p, s->drop, p->cmea)) return -1;
    memset(s->drop + s->dropcap, 0, p->cmea - s->dropcap);
    s->dropcap = p->cmea;
  }
  return 0;
}

int dc_plan_measure_active(const dc_plan *p, int s, int m) {
  if (s < 0 || (size_t)s >= p->nscen || m < 0 || (size_t)m >= p->nmea) return 0;
  if (s == DC_SCEN_BAU) return 0;
  const measure_t *me = &p->mea[m];
  if (me->scenario >= 0) return me->scenario == s;
  const scen_t *sc = &p->scen[s];
  return !((size_t)m < sc->dropcap && sc->drop[m]);
}

size_t dc_plan_measure_order(const dc_plan *p, int s, int *out) {
  size_t k = 0;
  /* the plan's own, or in its place the scenario's measure of that name */
  for (size_t m = 0; m < p->nmea; m++) {
    if (p->mea[m].scenario != -1) continue;
    if (dc_plan_measure_active(p, s, (int)m)) out[k++] = (int)m;
    else if (s > DC_SCEN_PLAN) {
      int r = dc_plan_find_measure(p, p->mea[m].name, s);
      if (r != (int)m) out[k++] = r;
    }
  }
  /* then what the scenario adds under a new name */
  for (size_t m = 0; s > DC_SCEN_PLAN && m < p->nmea; m++) {
    if (p->mea[m].scenario != s) continue;
    int placed = 0;
    for (size_t j = 0; j < k && !placed; j++) placed = out[j] == (int)m;
    if (!placed) out[k++] = (int)m;
  }
  return k;
}

static void add_warnings(dc_plan *p, scen_t *s, int sector, const double *after) {
  int n = p->n;
  for (int i = 0; i < n; i++) {
    if (!(after[i] < 0)) continue;
    warn_t w = {sector, p->y0 + i, p->y0 + i, -after[i], -1};
    while (i + 1 < n && after[i + 1] < 0) {
      i++;
      w.yhi = p->y0 + i;
      if (-after[i] > w.worst) w.worst = -after[i];
    }
    assert(s->nwarn < s->awarn * (size_t)(n / 2 + 1));
    s->warn[s->nwarn++] = w;
  }
}

static int eval_metrics_in(dc_plan *p, int si, dc_plan_fn fn, void *ctx);
static int eval_metrics(dc_plan *p, int si, dc_plan_fn fn, void *ctx) {
  scen_t *s = &p->scen[si];
  if (ensure_buffers(p, s)) return -1;
  /* readable by callbacks while being computed (earlier metrics are final);
     3 = in progress, so that a callback that never returns (a Lua error)
     leaves the scenario to be evaluated again */
  s->evaluated = 3;
  int rc = eval_metrics_in(p, si, fn, ctx);
  s->evaluated = rc ? 0 : 1;
  return rc;
}

#define MV(i) (mv + (size_t)(i) * (size_t)n)

/* eval_metrics_in, part 1: the built-ins zeroed, every sector at its BAU,
 * every technology at its capacity and generation. */
static void eval_start(dc_plan *p, scen_t *s) {
  const int n = p->n;
  double *mv = s->mval;
  for (int i = 0; i < DC_MET_NBUILTIN; i++) memset(MV(i), 0, sizeof(double) * (size_t)n);
  memset(s->pool, 0, sizeof(double) * (size_t)n);
  s->nwarn = 0;
  for (size_t k = 0; k < p->nsec; k++) memcpy(MV(p->sec[k].metric), p->sec[k].bau, sizeof(double) * (size_t)n);
  for (size_t k = 0; k < p->ntech; k++) {
    const tech_t *t = &p->tech[k];
    double *c = MV(t->metric), *g = MV(t->gen_metric);
    memcpy(c, t->cap, sizeof(double) * (size_t)n);
    for (int i = 0; i < n; i++) g[i] = t->hours ? t->cap[i] * t->hours[i] : (t->cap[i] != 0 ? NAN : 0);
  }
}

/* An abates = or saves = measure: the hot path, precomputed ramp weights x
 * the abatement at full scale, over the years the ramp is not 0. */
static void eval_flat(const dc_plan *p, const measure_t *m, double *ab, double *dst, double sign) {
  const int n = p->n;
  const double sc = m->scale;
  assert(!m->ramp_dirty && !m->base_dirty);
  memset(ab, 0, sizeof(double) * (size_t)n);
  const double *restrict w = m->w;
  double *restrict abr = ab, *restrict d = dst;
  if (m->kind == DC_MEASURE_ABATES && m->use_const) { /* a constant: no series to read */
    const double kv = m->konst;
    for (int i = m->lo; i <= m->hi; i++) {
      abr[i] = sc * w[i] * kv;
      d[i] += sign * abr[i];
    }
  } else {
    const double *restrict base = m->factor ? m->base : m->amount;
    for (int i = m->lo; i <= m->hi; i++) {
      abr[i] = sc * w[i] * base[i];
      d[i] += sign * abr[i];
    }
  }
}

/* An adds = measure: capacity and generation added, and the abatement of
 * what it displaces. */
static void eval_adds(const dc_plan *p, double *mv, const measure_t *m, double *ab) {
  const int n = p->n;
  memset(ab, 0, sizeof(double) * (size_t)n);
  for (size_t j = 0; j < m->nadds; j++) {
    const add_t *a = &m->adds[j];
    const tech_t *t = &p->tech[a->tech];
    const double *h = a->hours ? a->hours : t->hours;
    double *c = MV(t->metric), *g = MV(t->gen_metric);
    for (int i = 0; i < n; i++) {
      double added = m->scale * m->w[i] * a->amount[i];
      c[i] += added;
      double gen = h ? added * h[i] : (added != 0 ? NAN : 0);
      g[i] += gen;
      if (m->factor) ab[i] += gen * m->factor[i];
    }
  }
}

/* A function measure: the callback's abatement of each year it runs. */
static int eval_fn_measure(dc_plan *p, int si, const measure_t *m, double *ab, dc_plan_fn fn, void *ctx) {
  if (!fn) return dc_plan__fail(p, "measure '%s' is a function; evaluate the plan from its script", m->name);
  for (int i = 0; i < p->n; i++) {
    double r = m->w[i], v = 0;
    dc_dims d = p->emis_dims;
    if (r != 0) {
      if (fn(ctx, p, si, m->fnref, p->y0 + i, &v, &d))
        return dc_plan__fail(p, "measure '%s': its function failed in %d", m->name, p->y0 + i);
      if (!dc_plan__dims_eq(d, p->emis_dims))
        return dc_plan__fail(p, "measure '%s': its function returned a value in units other than "
                       "the plan's emissions in %d", m->name, p->y0 + i);
    }
    ab[i] = m->scale * r * v;
  }
  return 0;
}

/* eval_metrics_in, part 2: every measure's wedge, subtracted from its
 * sector (or added to the pool of the plan's total). The energy kinds get
 * their wedges from the energy pass after this loop. */
static int eval_measures(dc_plan *p, int si, dc_plan_fn fn, void *ctx) {
  scen_t *s = &p->scen[si];
  const int n = p->n;
  double *mv = s->mval;
  for (size_t k = 0; k < p->nmea; k++) {
    const measure_t *m = &p->mea[k];
    double *ab = s->abate + k * (size_t)n;
    if (!dc_plan_measure_active(p, si, (int)k)) {
      memset(ab, 0, sizeof(double) * (size_t)n);
      continue;
    }
    double *dst = m->sector >= 0 ? MV(p->sec[m->sector].metric) : s->pool;
    const double sign = m->sector >= 0 ? -1.0 : 1.0;
    switch (m->kind) {
    case DC_MEASURE_ABATES:
    case DC_MEASURE_SAVES:
      eval_flat(p, m, ab, dst, sign);
      continue;
    case DC_MEASURE_ENERGY_SAVES: /* the energy pass (plan_energy.c) writes their wedges */
    case DC_MEASURE_SWITCH:
      continue;
    case DC_MEASURE_ADDS:
      eval_adds(p, mv, m, ab);
      break;
    case DC_MEASURE_FN:
      if (eval_fn_measure(p, si, m, ab, fn, ctx)) return -1;
      break;
    }
    for (int i = 0; i < n; i++) dst[i] += sign * ab[i];
  }
  return 0;
}

/* eval_metrics_in, part 3: the built-in totals and the over-abatement
 * warnings. */
static void eval_totals(dc_plan *p, scen_t *s) {
  const int n = p->n;
  double *mv = s->mval;
  double *em = MV(DC_MET_EMISSIONS), *bau = MV(DC_MET_BAU), *abm = MV(DC_MET_ABATEMENT);
  for (size_t k = 0; k < p->nsec; k++) {
    const double *after = MV(p->sec[k].metric), *b = p->sec[k].bau;
    for (int i = 0; i < n; i++) {
      em[i] += after[i];
      bau[i] += b[i];
    }
  }
  for (int i = 0; i < n; i++) {
    em[i] -= s->pool[i];
    abm[i] = bau[i] - em[i];
  }
  double *cap = MV(DC_MET_CAPACITY), *gen = MV(DC_MET_GENERATION);
  for (size_t k = 0; k < p->ntech; k++) {
    const double *c = MV(p->tech[k].metric), *g = MV(p->tech[k].gen_metric);
    int known = p->met[p->tech[k].gen_metric].dims_known;
    for (int i = 0; i < n; i++) {
      cap[i] += c[i];
      if (known) gen[i] += g[i];
    }
  }
  /* warnings: sectors whose measures abate more than their BAU */
  for (size_t k = 0; k < p->nsec; k++) {
    const double *after = MV(p->sec[k].metric), *b = p->sec[k].bau;
    for (int i = 0; i < n; i++)
      if (after[i] < 0 && b[i] >= 0) {
        add_warnings(p, s, (int)k, after);
        break;
      }
  }
}

/* eval_metrics_in, part 4: user metrics, in definition order (functions
 * see every earlier one). */
static int eval_user_metrics(dc_plan *p, int si, dc_plan_fn fn, void *ctx) {
  const int n = p->n;
  double *mv = p->scen[si].mval;
  for (size_t k = DC_MET_NBUILTIN; k < p->nmet; k++) {
    metric_t *me = &p->met[k];
    if (me->kind == MK_SERIES) memcpy(MV(k), me->v, sizeof(double) * (size_t)n);
    else if (me->kind == MK_DIFF) {
      const double *src = MV(me->ref); /* defined earlier: final */
      double *dst = MV(k);
      dst[0] = 0;
      for (int i = 1; i < n; i++) dst[i] = src[i] - src[i - 1];
    } else if (me->kind == MK_FN) {
      if (!fn) return dc_plan__fail(p, "metric '%s' is a function; evaluate the plan from its script", me->name);
      double *dst = MV(k);
      for (int i = 0; i < n; i++) {
        dc_dims d = me->dims;
        if (fn(ctx, p, si, me->ref, p->y0 + i, &dst[i], &d))
          return dc_plan__fail(p, "metric '%s': its function failed in %d", me->name, p->y0 + i);
        if (!me->dims_known) {
          me->dims = d;
          me->dims_known = 1;
        } else if (!dc_plan__dims_eq(d, me->dims))
          return dc_plan__fail(p, "metric '%s': its function returned a value in other units in %d than declared",
                      me->name, p->y0 + i);
      }
    }
  }
  return 0;
}
#undef MV

static int eval_metrics_in(dc_plan *p, int si, dc_plan_fn fn, void *ctx) {
  scen_t *s = &p->scen[si];
  /* evaluation state: the buffers fit the plan, nothing changes it meanwhile */
  assert(p->busy > 0 && s->evaluated == 3);
  assert(s->amet >= p->nmet && s->ameas >= p->nmea && s->awarn >= p->nsec + 1 && s->dropcap >= p->nmea);
  const size_t nmet0 = p->nmet, nmea0 = p->nmea;
  (void)nmet0;
  (void)nmea0;
  /* an energy plan's energy sectors get their BAU first (cached) */
  if (p->have_energy && dc_plan__energy_bau(p)) return -1;
  eval_start(p, s);
  if (eval_measures(p, si, fn, ctx)) return -1;
  if (p->have_energy && dc_plan__energy_eval(p, si, s->mval)) return -1;
  eval_totals(p, s);
  if (eval_user_metrics(p, si, fn, ctx)) return -1;
  assert(p->nmet == nmet0 && p->nmea == nmea0);
  return 0;
}

/* Fills out[] with the value a target judges, in scenario s. */
static void target_values(const dc_plan *p, const target_t *t, int s, double *out) {
  const int n = p->n;
  const double *v = dc_plan_values(p, s, t->metric);
  if (t->share_of != DC_SHARE_NONE) {
    for (int i = 0; i < n; i++) {
      double num = 0;
      for (size_t j = 0; j < t->nparts; j++) num += dc_plan_values(p, s, t->parts[j])[i];
      out[i] = v[i] != 0 ? num / v[i] : NAN;
    }
  } else if (t->per >= 0) {
    const double *d = dc_plan_values(p, s, t->per);
    for (int i = 0; i < n; i++) out[i] = d[i] != 0 ? v[i] / d[i] : NAN;
  } else
    memcpy(out, v, sizeof(double) * (size_t)n);
}

/* target t's bound per year into bnd[] and which years are due into st[];
 * val[]: its values (a budget's become cumulative); rel[]: scratch */
static void target_bounds(dc_plan *p, const target_t *t, double *val, double *bnd, double *rel,
                          unsigned char *st) {
  const int n = p->n, y0 = p->y0;
  int by = t->by - y0, from = t->from == DC_PLAN_NOYEAR ? 0 : t->from - y0;
  /* bound per year, and which years are due */
  for (int i = 0; i < n; i++) {
    int due;
    switch (t->kind) {
    case DC_TARGET_AT_MOST:
    case DC_TARGET_AT_LEAST:
    case DC_TARGET_REDUCE:
    case DC_TARGET_VS:
      /* levels: due in `by` (and every later year with every_year_after) */
      bnd[i] = t->kind == DC_TARGET_REDUCE ? (1 - t->reduce) * val[from]
               : t->kind == DC_TARGET_VS   ? NAN /* filled below */
                                           : t->bound;
      due = i == by || (t->every && i > by);
      st[i] = due ? DC_ST_MET : i < by ? DC_ST_NOT_DUE : DC_ST_NONE;
      break;
    case DC_TARGET_PEAK:
      st[i] = i > by ? DC_ST_MET : DC_ST_NOT_DUE;
      break;
    case DC_TARGET_NET_ZERO:
      bnd[i] = t->tol_is_abs ? t->tol : t->tol * fabs(val[0]);
      st[i] = i >= by ? DC_ST_MET : DC_ST_NOT_DUE;
      break;
    case DC_TARGET_BUDGET:
      bnd[i] = t->bound;
      st[i] = i >= from && i <= by ? DC_ST_MET : i < from ? DC_ST_NOT_DUE : DC_ST_NONE;
      break;
    }
  }
  if (t->kind == DC_TARGET_VS) {
    /* the bound comes from the compared scenario: its values go to rel[]
       for a moment (rel is rewritten below) */
    target_values(p, t, t->vs_scen, rel);
    for (int i = 0; i < n; i++) bnd[i] = (1 - t->reduce) * rel[i];
  } else if (t->kind == DC_TARGET_PEAK) {
    double mx = val[0];
    for (int i = 1; i <= by; i++)
      if (val[i] > mx) mx = val[i];
    for (int i = 0; i < n; i++) bnd[i] = mx + t->tol * fabs(mx);
  } else if (t->kind == DC_TARGET_BUDGET) {
    double cum = 0, f = t->cumul_seconds ? p->year_s : 1;
    for (int i = 0; i < n; i++) {
      if (i < from || i > by) {
        val[i] = NAN;
        continue;
      }
      cum += val[i] * f;
      val[i] = cum;
    }
  }
}

/* target t's margins (mar[], rel[]), the verdict of each due year (st[])
 * and the result r */
static int target_verdicts(dc_plan *p, const target_t *t, const double *val, const double *bnd,
                           double *mar, double *rel, unsigned char *st, tres_t *r) {
  const int n = p->n, y0 = p->y0;
  int atleast = t->kind == DC_TARGET_AT_LEAST;
  double ref = fabs(t->kind == DC_TARGET_BUDGET ? t->bound : val[0]);
  r->met = 1;
  r->first_met = r->first_failed = r->deciding = DC_PLAN_NOYEAR;
  r->ndue = r->nmissed = 0;
  double tight = INFINITY;
  for (int i = 0; i < n; i++) {
    mar[i] = atleast ? val[i] - bnd[i] : bnd[i] - val[i];
    double den = bnd[i] != 0 ? fabs(bnd[i]) : ref;
    rel[i] = den != 0 ? mar[i] / den : NAN;
    int ok = mar[i] >= 0; /* false for NaN */
    if (ok && r->first_met == DC_PLAN_NOYEAR && t->kind != DC_TARGET_PEAK && !isnan(val[i]))
      r->first_met = y0 + i;
    if (st[i] == DC_ST_MET) {
      r->ndue++;
      if (isnan(val[i]) || isnan(bnd[i]))
        return dc_plan__fail(p, "target '%s': metric '%s' has no value in %d (%s)", t->name,
                    p->met[t->metric].name, y0 + i,
                    t->share_of != DC_SHARE_NONE ? "a share of a total of zero, or generation without hours"
                                                 : "a division by zero or generation without hours");
      if (!ok) {
        st[i] = DC_ST_MISSED;
        r->nmissed++;
        if (r->met) r->first_failed = r->deciding = y0 + i;
        r->met = 0;
      } else if (r->met && mar[i] < tight) {
        tight = mar[i];
        r->deciding = y0 + i;
      }
    }
  }
  if (!r->ndue) r->met = 0;
  if (t->kind == DC_TARGET_PEAK) {
    /* the first year after which the metric stays within tolerance of it */
    double after = -INFINITY;
    int found = DC_PLAN_NOYEAR;
    for (int i = n - 2; i >= 0; i--) {
      if (val[i + 1] > after) after = val[i + 1];
      if (after <= val[i] + t->tol * fabs(val[i])) found = y0 + i;
    }
    r->first_met = found;
  }
  return 0;
}

static int eval_target(dc_plan *p, int si, size_t ti) {
  scen_t *s = &p->scen[si];
  const target_t *t = &p->tar[ti];
  const int n = p->n;
  double *val = s->tv + ti * 4 * (size_t)n, *bnd = val + n, *mar = bnd + n, *rel = mar + n;
  unsigned char *st = s->tst + ti * (size_t)n;
  tres_t *r = &s->tres[ti];
  assert(ti < s->atar && p->ntar <= s->atar && t->metric >= 0 && (size_t)t->metric < s->amet);
  target_values(p, t, si, val);
  target_bounds(p, t, val, bnd, rel, st);
  return target_verdicts(p, t, val, bnd, mar, rel, st, r);
}

static int evaluate(dc_plan *p, int si, dc_plan_fn fn, void *ctx);
int dc_plan_evaluate(dc_plan *p, int si, dc_plan_fn fn, void *ctx) {
  if (si < 0 || (size_t)si >= p->nscen) return dc_plan__fail(p, "no scenario #%d", si);
  if (p->busy)
    return dc_plan__fail(p, "cannot evaluate plan '%s' while it is being evaluated (a function metric "
                            "gets the earlier metrics of the year as its second argument)", p->name);
  /* callbacks may run any Lua: nothing may change the plan meanwhile, so
     every pointer held across a callback stays valid */
  p->busy = 1;
  int rc = evaluate(p, si, fn, ctx);
  assert(p->busy == 1);
  p->busy = 0;
  return rc;
}

static int evaluate(dc_plan *p, int si, dc_plan_fn fn, void *ctx) {
  if (eval_metrics(p, si, fn, ctx)) return -1;
  scen_t *s = &p->scen[si];
  for (size_t t = 0; t < p->ntar; t++) {
    int vs = p->tar[t].vs_scen;
    int done = vs >= 0 && (p->scen[vs].evaluated == 1 || p->scen[vs].evaluated == 2);
    if (vs >= 0 && vs != si && (!done || p->scen[vs].amet < p->nmet)) {
      if (eval_metrics(p, vs, fn, ctx)) return -1;
    }
  }
  s->evaluated = 3;
  for (size_t t = 0; t < p->ntar; t++)
    if (eval_target(p, si, t)) {
      s->evaluated = 0;
      return -1;
    }
  s->evaluated = 2;
  return 0;
}

/* ===================================================================== */
/* reading                                                                */
/* ===================================================================== */

const char *dc_plan_name(const dc_plan *p) { return p->name; }
const char *dc_plan_region(const dc_plan *p) { return p->region ? p->region : ""; }
const char *dc_plan_source(const dc_plan *p) { return p->source ? p->source : ""; }
int dc_plan_y0(const dc_plan *p) { return p->y0; }
int dc_plan_y1(const dc_plan *p) { return p->y1; }
size_t dc_plan_nsectors(const dc_plan *p) { return p->nsec; }
size_t dc_plan_ntechs(const dc_plan *p) { return p->ntech; }
size_t dc_plan_nmetrics(const dc_plan *p) { return p->nmet; }
size_t dc_plan_nscenarios(const dc_plan *p) { return p->nscen; }
size_t dc_plan_nmeasures(const dc_plan *p) { return p->nmea; }
size_t dc_plan_ntargets(const dc_plan *p) { return p->ntar; }

int dc_plan_find_metric(const dc_plan *p, const char *name) { return dc_plan__find(p, DC_PK_METRIC, 0, name); }

int dc_plan_metric_at(const dc_plan *p, int i, dc_plan_metric_info *out) {
  if (i < 0 || (size_t)i >= p->nmet) return -1;
  const metric_t *m = &p->met[i];
  out->name = m->name;
  out->source = m->source;
  out->dims = m->dims;
  out->disp = &m->disp;
  return m->dims_known ? 0 : 1;
}

const double *dc_plan_values(const dc_plan *p, int s, int i) {
  if (s < 0 || (size_t)s >= p->nscen || i < 0 || (size_t)i >= p->nmet) return NULL;
  const scen_t *sc = &p->scen[s];
  if (!sc->evaluated || (size_t)i >= sc->amet) return NULL;
  return sc->mval + (size_t)i * (size_t)p->n;
}

const char *dc_plan_scenario_name(const dc_plan *p, int s) {
  return s >= 0 && (size_t)s < p->nscen ? p->scen[s].name : NULL;
}

int dc_plan_find_scenario(const dc_plan *p, const char *name) { return dc_plan__find(p, DC_PK_SCEN, 0, name); }

int dc_plan_evaluated(const dc_plan *p, int s) {
  return s >= 0 && (size_t)s < p->nscen && p->scen[s].evaluated == 2;
}

int dc_plan_find_measure(const dc_plan *p, const char *name, int scenario) {
  int base = -1;
  for (size_t i = 0; i < p->nmea; i++) {
    if (strcmp(p->mea[i].name, name) != 0) continue;
    if (p->mea[i].scenario == scenario && scenario >= 0) return (int)i;
    if (p->mea[i].scenario == -1) base = (int)i;
  }
  return base;
}

int dc_plan_measure_at(const dc_plan *p, int m, dc_plan_measure_info *out) {
  if (m < 0 || (size_t)m >= p->nmea) return -1;
  const measure_t *me = &p->mea[m];
  out->name = me->name;
  out->source = me->source;
  out->sector = me->sector >= 0 ? p->sec[me->sector].name : NULL;
  out->kind = me->kind;
  out->start = me->start;
  out->full = me->full;
  out->stop = me->stop;
  out->scenario = me->scenario;
  out->scale = me->scale;
  return 0;
}

const double *dc_plan_wedge(const dc_plan *p, int s, int m) {
  if (s < 0 || (size_t)s >= p->nscen || m < 0 || (size_t)m >= p->nmea) return NULL;
  const scen_t *sc = &p->scen[s];
  if (!sc->evaluated || (size_t)m >= sc->ameas) return NULL;
  return sc->abate + (size_t)m * (size_t)p->n;
}

int dc_plan_target_at(const dc_plan *p, int t, dc_plan_target_info *out) {
  if (t < 0 || (size_t)t >= p->ntar) return -1;
  const target_t *ta = &p->tar[t];
  out->name = ta->name;
  out->source = ta->source;
  out->kind = ta->kind;
  out->kind_name = dc_plan__kind_name(ta);
  out->metric = ta->metric;
  out->by = ta->by;
  out->from = ta->from;
  out->every_year_after = ta->every;
  out->value_dims = ta->vdims;
  out->value_disp = &ta->vdisp;
  out->vs = ta->vs;
  out->file = ta->file;
  out->line = ta->line;
  return 0;
}

int dc_plan_result(const dc_plan *p, int s, int t, dc_target_result *out) {
  if (s < 0 || (size_t)s >= p->nscen || t < 0 || (size_t)t >= p->ntar) return -1;
  const scen_t *sc = &p->scen[s];
  if (sc->evaluated != 2 || (size_t)t >= sc->atar) return -1;
  const size_t n = (size_t)p->n;
  const double *v = sc->tv + (size_t)t * 4 * n;
  out->value = v;
  out->bound = v + n;
  out->margin = v + 2 * n;
  out->margin_rel = v + 3 * n;
  out->status = sc->tst + (size_t)t * n;
  const tres_t *r = &sc->tres[t];
  out->met = r->met;
  out->first_met = r->first_met;
  out->first_failed = r->first_failed;
  out->deciding = r->deciding;
  out->ndue = r->ndue;
  out->nmissed = r->nmissed;
  return 0;
}

size_t dc_plan_nwarnings(const dc_plan *p, int s) {
  if (s < 0 || (size_t)s >= p->nscen || !p->scen[s].evaluated) return 0;
  return p->scen[s].nwarn;
}

int dc_plan_warning_at(const dc_plan *p, int s, size_t i, dc_plan_warning *out) {
  if (i >= dc_plan_nwarnings(p, s)) return -1;
  const warn_t *w = &p->scen[s].warn[i];
  out->sector = p->sec[w->sector].name;
  out->ylo = w->ylo;
  out->yhi = w->yhi;
  out->worst = w->worst;
  out->fuel = w->fuel >= 0 ? dc_energy_fuel_at((size_t)w->fuel)->name : NULL;
  return 0;
}

size_t dc_plan_warning_text(const dc_plan *p, int s, size_t i, char *buf, size_t size) {
  dc_plan_warning w;
  if (dc_plan_warning_at(p, s, i, &w)) return (size_t)snprintf(buf, size, "%s", "");
  char years[40];
  if (w.ylo == w.yhi) snprintf(years, sizeof years, "in %d", w.ylo);
  else snprintf(years, sizeof years, "in %d-%d", w.ylo, w.yhi);
  if (w.fuel)
    return (size_t)snprintf(buf, size,
                            "plan '%s', scenario '%s': the measures of sector '%s' save or switch "
                            "more %s than it uses %s (its use goes below zero)",
                            p->name, p->scen[s].name, w.sector, w.fuel, years);
  return (size_t)snprintf(buf, size,
                          "plan '%s', scenario '%s': the measures of sector '%s' abate more than "
                          "its BAU emissions %s",
                          p->name, p->scen[s].name, w.sector, years);
}

const char *dc_status_name(enum dc_status st) {
  switch (st) {
  case DC_ST_MET: return "met";
  case DC_ST_MISSED: return "missed";
  case DC_ST_NOT_DUE: return "not yet due";
  default: return "";
  }
}

/* For the Monte Carlo's evaluation path (plan_mc.c): target ti's verdict
 * in scenario si from the metrics as they are in its buffers. */
int dc_plan__eval_target(dc_plan *p, int si, size_t ti) { return eval_target(p, si, ti); }
