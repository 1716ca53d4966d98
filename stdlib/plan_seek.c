/* plan_seek.c — goal seek on a plan (see plan_seek.h). */
#include "plan_seek.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"

static int is_year(enum dc_field f) { return f == DC_FIELD_START || f == DC_FIELD_FULL || f == DC_FIELD_STOP; }

double dc_plan_target_margin(const dc_plan *p, int s, int t, int *year) {
  dc_target_result r;
  *year = DC_PLAN_NOYEAR;
  if (dc_plan_result(p, s, t, &r) != 0) return NAN;
  double worst = NAN;
  int n = dc_plan_y1(p) - dc_plan_y0(p) + 1;
  for (int i = 0; i < n; i++)
    if ((r.status[i] == DC_ST_MET || r.status[i] == DC_ST_MISSED) && !(r.margin[i] >= worst)) {
      worst = r.margin[i];
      *year = dc_plan_y0(p) + i;
    }
  return worst;
}

void dc_plan_seek_save(const dc_plan *p, const dc_plan_seek_spec *sp, dc_plan_seek_saved *sv) {
  memset(sv, 0, sizeof *sv);
  int y0 = dc_plan_y0(p), n = dc_plan_y1(p) - y0 + 1;
  if (sp->slot.obj == DC_OBJ_MEASURE) {
    dc_plan_measure_info mi;
    if (dc_plan_measure_at(p, sp->slot.index, &mi) == 0) {
      sv->start = mi.start;
      sv->full = mi.full;
      sv->stop = mi.stop;
      sv->scale = mi.scale;
    }
  }
  if (!is_year(sp->slot.field) && sp->slot.field != DC_FIELD_SCALE)
    for (int i = 0; i < n && i < 1000; i++) sv->v[i] = dc_plan_get_field(p, &sp->slot, y0 + i);
}

void dc_plan_seek_restore(dc_plan *p, const dc_plan_seek_spec *sp, const dc_plan_seek_saved *sv) {
  int m = sp->slot.index;
  if (is_year(sp->slot.field)) {
    if (sv->start != DC_PLAN_NOYEAR) dc_plan_set_param(p, m, DC_PARAM_START, sv->start);
    if (sv->full != DC_PLAN_NOYEAR) dc_plan_set_param(p, m, DC_PARAM_FULL, sv->full);
    if (sv->stop != DC_PLAN_NOYEAR) dc_plan_set_param(p, m, DC_PARAM_STOP, sv->stop);
  } else if (sp->slot.field == DC_FIELD_SCALE)
    dc_plan_set_param(p, m, DC_PARAM_SCALE, sv->scale);
  else
    dc_plan_set_field(p, &sp->slot, sv->v, 0);
}

typedef struct fctx {
  dc_plan *p;
  const dc_plan_seek_spec *sp;
  const dc_plan_seek_saved *sv;
  dc_plan_fn fn;
  void *ctx;
  int failed;
} fctx;

/* Sets x: a year, the scale, or the saved series times x. */
static int set_x(fctx *c, double x) {
  dc_plan *p = c->p;
  const dc_plan_seek_spec *sp = c->sp;
  if (is_year(sp->slot.field) || sp->slot.field == DC_FIELD_SCALE) {
    if (is_year(sp->slot.field) && sp->slot.field != DC_FIELD_START) {
      /* full and stop: no earlier than the start */
      dc_plan_measure_info mi;
      dc_plan_measure_at(p, sp->slot.index, &mi);
      if (mi.start != DC_PLAN_NOYEAR && x < mi.start) x = mi.start;
    }
    return dc_plan_set_field(p, &sp->slot, NULL, x);
  }
  double v[1000];
  int n = dc_plan_y1(p) - dc_plan_y0(p) + 1;
  for (int i = 0; i < n; i++) v[i] = c->sv->v[i] * x;
  return dc_plan_set_field(p, &sp->slot, v, 0);
}

static double margin_at(double x, void *vc) {
  fctx *c = vc;
  int year;
  if (set_x(c, x) || dc_plan_evaluate(c->p, c->sp->scenario, c->fn, c->ctx)) {
    c->failed = 1;
    return NAN;
  }
  return dc_plan_target_margin(c->p, c->sp->scenario, c->sp->target, &year);
}

/* Years: every whole year of [lo, hi] in turn (a step function suits no
 * root finder); the answer is the year met next to a year missed. */
static void scan_years(fctx *c, double lo, double hi, dc_seek_result *res) {
  int a = (int)ceil(lo), b = (int)floor(hi), changes = 0, prev = -1;
  res->lo = lo;
  res->hi = hi;
  res->x = NAN;
  res->status = DC_SEEK_BAD_RANGE;
  if (a > b) return;
  double fa = NAN, fb = NAN;
  int nmet = 0, nmiss = 0, found = 0;
  double xfound = NAN;
  for (int y = a; y <= b; y++) {
    double f = margin_at(y, c);
    res->evals++;
    if (isnan(f)) {
      res->status = DC_SEEK_FAILED;
      res->x = y;
      return;
    }
    int met = f >= 0;
    if (y == a) fa = f;
    fb = f;
    nmet += met;
    nmiss += !met;
    if (prev >= 0 && met != prev) {
      changes++;
      if (!found) {
        found = 1;
        xfound = met ? y : y - 1; /* the met year at the switch */
        res->fx = met ? f : res->bad[1].f;
      }
    }
    if (changes > 1) {
      res->status = DC_SEEK_NOT_MONOTONE;
      res->bad[2] = (dc_seek_point){y, f};
      return;
    }
    res->bad[0] = res->bad[1];
    res->bad[1] = (dc_seek_point){y, f};
    prev = met;
  }
  res->f_lo = fa;
  res->f_hi = fb;
  if (!nmiss) res->status = DC_SEEK_ALWAYS_MET, res->x = a;
  else if (!nmet) res->status = DC_SEEK_UNREACHABLE;
  else res->status = DC_SEEK_FOUND, res->x = xfound;
}

dc_seek_status dc_plan_seek(dc_plan *p, const dc_plan_seek_spec *sp, const dc_plan_seek_saved *sv, dc_plan_fn fn,
                            void *ctx, dc_plan_seek_out *out) {
  memset(out, 0, sizeof *out);
  out->quantity = NAN;
  out->year = out->quantity_year = DC_PLAN_NOYEAR;
  fctx c = {p, sp, sv, fn, ctx, 0};
  if (is_year(sp->slot.field)) scan_years(&c, sp->lo, sp->hi, &out->res);
  else {
    dc_seek_opts o = {1e-6, 5, 100, 0};
    dc_seek(margin_at, &c, sp->lo, sp->hi, &o, &out->res);
  }
  dc_seek_result *r = &out->res;
  if (r->status == DC_SEEK_FAILED || c.failed) {
    r->status = DC_SEEK_FAILED;
    dc_plan_seek_restore(p, sp, sv);
    return r->status;
  }
  /* where to say how far: x when found, else the better end of the range */
  double at = r->status == DC_SEEK_FOUND || r->status == DC_SEEK_ALWAYS_MET ? r->x
              : r->f_hi >= r->f_lo                                          ? r->hi
                                                                            : r->lo;
  if (r->status == DC_SEEK_NOT_MONOTONE) at = r->bad[1].x;
  out->best_x = at;
  double f = margin_at(at, &c);
  int year;
  (void)f;
  if (!c.failed) {
    dc_target_result tr;
    out->margin = dc_plan_target_margin(p, sp->scenario, sp->target, &year);
    out->year = year;
    if (dc_plan_result(p, sp->scenario, sp->target, &tr) == 0 && tr.first_failed != DC_PLAN_NOYEAR) {
      out->year = tr.first_failed;
      out->margin = tr.margin[tr.first_failed - dc_plan_y0(p)];
    }
    if (!is_year(sp->slot.field) && out->year != DC_PLAN_NOYEAR) {
      dc_plan_slot q = sp->slot;
      if (q.field == DC_FIELD_SCALE) q.field = DC_FIELD_AMOUNT;
      double v = dc_plan_get_field(p, &q, out->year);
      if (sp->slot.field == DC_FIELD_SCALE && !isnan(v)) v *= at;
      out->quantity = v;
      out->quantity_year = out->year;
    }
  }
  dc_plan_seek_restore(p, sp, sv);
  return r->status;
}

/* "'PV park' scale", "'PV park' start", "'industry' activity (as a factor)" */
static size_t what_text(const dc_plan *p, const dc_plan_seek_spec *sp, char *buf, size_t size) {
  char lbl[240];
  dc_plan_slot_label(p, &sp->slot, lbl, sizeof lbl);
  return (size_t)snprintf(buf, size, "%s", lbl);
}

/* The margin m (SI) of target t as "1.2 pp" / "30 tCO2e/yr". */
static void margin_text(const dc_plan *p, int t, double m, char *buf, size_t size) {
  dc_plan_target_info ti;
  dc_plan_target_at(p, t, &ti);
  dc_display d = *ti.value_disp;
  d.offset = 0;
  if (strcmp(d.label, "%") == 0 && d.scale > 0) {
    char num[64];
    dc_fmt_number(num, sizeof num, fabs(m) / d.scale, 3);
    snprintf(buf, size, "%s pp", num);
  } else
    dc_units_format(buf, size, fabs(m), ti.value_dims, d.label[0] ? &d : NULL);
}

static void x_text(const dc_plan_seek_spec *sp, double x, char *buf, size_t size) {
  char num[64];
  dc_fmt_number(num, sizeof num, x, is_year(sp->slot.field) ? 17 : 6);
  snprintf(buf, size, is_year(sp->slot.field) ? "%s" : "%s×", num);
}

size_t dc_plan_seek_text(dc_plan *p, const dc_plan_seek_spec *sp, const dc_plan_seek_out *out, char *buf,
                         size_t size) {
  dc_plan_target_info ti;
  dc_plan_target_at(p, sp->target, &ti);
  char what[260], x[80], mg[120], q[160] = "";
  what_text(p, sp, what, sizeof what);
  const dc_seek_result *r = &out->res;
  if (!isnan(out->quantity)) {
    dc_plan_slot s = sp->slot;
    dc_dims d;
    if (s.field == DC_FIELD_SCALE) s.field = DC_FIELD_AMOUNT;
    if (dc_plan_field_dims(p, &s, &d) == 0) {
      char v[96];
      dc_plan_metric_info em;
      int emis = dc_plan_metric_at(p, DC_MET_EMISSIONS, &em) == 0 && memcmp(&em.dims, &d, sizeof d) == 0;
      dc_units_format(v, sizeof v, out->quantity, d, emis && em.disp->label[0] ? em.disp : NULL);
      snprintf(q, sizeof q, " (%s in %d)", v, out->quantity_year);
    }
  }
  switch (r->status) {
  case DC_SEEK_FOUND:
    x_text(sp, r->x, x, sizeof x);
    return (size_t)snprintf(buf, size, "target '%s' is just met at %s = %s%s (%d evaluations)", ti.name, what, x, q,
                            r->evals + 1);
  case DC_SEEK_ALWAYS_MET:
    x_text(sp, r->x, x, sizeof x);
    return (size_t)snprintf(buf, size, "target '%s' is met everywhere in the range, even at %s = %s", ti.name, what,
                            x);
  case DC_SEEK_UNREACHABLE:
    x_text(sp, out->best_x, x, sizeof x);
    margin_text(p, sp->target, out->margin, mg, sizeof mg);
    if (out->year == DC_PLAN_NOYEAR)
      return (size_t)snprintf(buf, size, "even at %s = %s the target '%s' is missed", what, x, ti.name);
    return (size_t)snprintf(buf, size, "even at %s = %s the target '%s' is missed in %d by %s", what, x, ti.name,
                            out->year, mg);
  case DC_SEEK_NOT_MONOTONE: {
    char a[64], b[64], c[64];
    x_text(sp, r->bad[0].x, a, sizeof a);
    x_text(sp, r->bad[1].x, b, sizeof b);
    x_text(sp, r->bad[2].x, c, sizeof c);
    return (size_t)snprintf(buf, size, "target '%s' is not monotone in %s: its margin turns at %s (between %s and %s); "
                            "give a narrower range with lo and hi", ti.name, what, b, a, c);
  }
  default:
    return (size_t)snprintf(buf, size, "no answer for target '%s' (%s)", ti.name, dc_seek_status_name(r->status));
  }
}
