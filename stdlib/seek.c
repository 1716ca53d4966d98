/* seek.c — goal seek's root finder (see seek.h): probes, a monotonicity
 * check over every point evaluated, bracket expansion and Brent's method,
 * written from Brent's published algorithm (zeroin). */
#include "seek.h"

#include <float.h>
#include <math.h>
#include <string.h>

typedef struct search {
  dc_seek_fn f;
  void *ctx;
  int max;
  dc_seek_result *res;
  int n;
  dc_seek_point hist[DC_SEEK_MAX_EVALS];
} search;

/* f(x) into *fx, recorded; -1 on NaN (FAILED) or when the budget is spent
 * (LIMIT), with res->status set */
static int eval(search *s, double x, double *fx) {
  if (s->n >= s->max) {
    s->res->status = DC_SEEK_LIMIT;
    return -1;
  }
  double v = s->f(x, s->ctx);
  s->res->evals = ++s->n;
  s->hist[s->n - 1] = (dc_seek_point){x, v};
  *fx = v;
  if (isnan(v)) {
    s->res->status = DC_SEEK_FAILED;
    s->res->x = x;
    s->res->fx = v;
    return -1;
  }
  return 0;
}

static int met(double f) { return f >= 0; }

/* Every point so far, sorted by x, must move one way (ties allowed). On a
 * turn, res->bad gets the start of the last step the way f went, the turning
 * point and the next: f at the middle one lies outside f at the other two.
 * -1 when not monotone. */
static int check_monotone(search *s) {
  dc_seek_point p[DC_SEEK_MAX_EVALS];
  int n = s->n;
  memcpy(p, s->hist, (size_t)n * sizeof *p);
  for (int i = 1; i < n; i++) { /* insertion sort: n is small */
    dc_seek_point t = p[i];
    int j = i;
    for (; j > 0 && p[j - 1].x > t.x; j--) p[j] = p[j - 1];
    p[j] = t;
  }
  int dir = 0, run = 0;
  for (int i = 0; i + 1 < n; i++) {
    double d = p[i + 1].f - p[i].f;
    int sgn = (d > 0) - (d < 0);
    if (!sgn) continue;
    if (!dir) dir = sgn;
    if (sgn == dir) {
      run = i; /* the last strict step the way f goes */
      continue;
    }
    s->res->bad[0] = p[run];
    s->res->bad[1] = p[i];
    s->res->bad[2] = p[i + 1];
    s->res->status = DC_SEEK_NOT_MONOTONE;
    return -1;
  }
  return 0;
}

/* Brent's zeroin on a bracket [a, b] whose ends differ in met(); leaves the
 * met end of the final bracket in res->x. */
static void brent(search *s, double a, double fa, double b, double fb, double atol, double rtol) {
  double c = a, fc = fa, d = b - a, e = d;
  for (;;) {
    if (met(fb) == met(fc)) c = a, fc = fa, d = e = b - a;
    if (fabs(fc) < fabs(fb)) { /* b: the better estimate */
      a = b, b = c, c = a;
      fa = fb, fb = fc, fc = fa;
    }
    double tol1 = 2 * DBL_EPSILON * fabs(b) + 0.5 * (rtol * fabs(b) + atol);
    double xm = 0.5 * (c - b);
    if (fabs(xm) <= tol1 || fb == 0) break;
    if (fabs(e) >= tol1 && fabs(fa) > fabs(fb)) { /* try interpolation */
      double p, q, r, sb = fb / fa;
      if (a == c) { /* secant */
        p = 2 * xm * sb;
        q = 1 - sb;
      } else { /* inverse quadratic */
        q = fa / fc, r = fb / fc;
        p = sb * (2 * xm * q * (q - r) - (b - a) * (r - 1));
        q = (q - 1) * (r - 1) * (sb - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < fmin(3 * xm * q - fabs(tol1 * q), fabs(e * q))) e = d, d = p / q;
      else d = xm, e = d; /* interpolation would not shrink enough: bisect */
    } else {
      d = xm, e = d;
    }
    a = b, fa = fb;
    b += fabs(d) > tol1 ? d : copysign(tol1, xm);
    if (eval(s, b, &fb) < 0) {
      if (s->res->status == DC_SEEK_FAILED) return; /* x: where f failed */
      break;
    }
  }
  /* the met end of [b, c] */
  if (met(fb)) s->res->x = b, s->res->fx = fb;
  else s->res->x = c, s->res->fx = fc;
}

static int bad_options(double lo, double hi, const dc_seek_opts *o) {
  return !isfinite(lo) || !isfinite(hi) || !(lo < hi) || !(o->rtol > 0 && o->rtol < 1) ||
         o->probes < 2 || o->max_evals < o->probes || o->max_evals > DC_SEEK_MAX_EVALS ||
         isnan(o->hi_max);
}

/* Probes [lo, hi], then grows hi while nothing changes; *k: the index in
 * hist of the point before the first change (-1: none). 0, or -1 when the
 * search has already ended (status set). */
static int bracket(search *s, double lo, double hi, const dc_seek_opts *o, int *k) {
  double fx;
  *k = -1;
  for (int i = 0; i < o->probes; i++) {
    double x = i == o->probes - 1 ? hi : lo + (hi - lo) * i / (o->probes - 1);
    if (eval(s, x, &fx) < 0) return -1;
    if (i == 0) s->res->f_lo = fx;
    if (*k < 0 && i > 0 && met(fx) != met(s->hist[i - 1].f)) *k = i - 1;
  }
  s->res->f_hi = fx;
  if (check_monotone(s) < 0) return -1;
  /* missed throughout and not falling: more x may reach it */
  int rising = fx >= s->res->f_lo;
  for (double w = 2 * (hi - lo); *k < 0 && !met(fx) && rising && hi < o->hi_max; w *= 2) {
    double x = fmin(lo + w, o->hi_max);
    if (eval(s, x, &fx) < 0 || check_monotone(s) < 0) return -1;
    s->res->hi = hi = x;
    s->res->f_hi = fx;
    if (met(fx)) *k = s->n - 2;
  }
  return 0;
}

dc_seek_status dc_seek(dc_seek_fn f, void *ctx, double lo, double hi, const dc_seek_opts *opts,
                       dc_seek_result *res) {
  dc_seek_opts o = opts ? *opts : (dc_seek_opts){0};
  if (o.rtol == 0) o.rtol = 1e-6;
  if (o.probes == 0) o.probes = 5;
  if (o.max_evals == 0) o.max_evals = 100;
  memset(res, 0, sizeof *res);
  res->lo = lo, res->hi = hi, res->x = NAN, res->fx = NAN;
  if (bad_options(lo, hi, &o)) return res->status = DC_SEEK_BAD_RANGE;
  search s;
  s.f = f, s.ctx = ctx, s.max = o.max_evals, s.res = res, s.n = 0;
  res->status = DC_SEEK_FOUND;
  int k;
  if (bracket(&s, lo, hi, &o, &k) < 0) return res->status;
  if (k < 0) { /* no change anywhere */
    res->status = met(res->f_lo) ? DC_SEEK_ALWAYS_MET : DC_SEEK_UNREACHABLE;
    res->x = lo, res->fx = res->f_lo;
    return res->status;
  }
  dc_seek_point a = s.hist[k], b = s.hist[k + 1];
  if (a.x > b.x) { dc_seek_point t = a; a = b; b = t; }
  brent(&s, a.x, a.f, b.x, b.f, o.rtol * 1e-6 * (res->hi - lo), o.rtol);
  if (res->status == DC_SEEK_FOUND || res->status == DC_SEEK_LIMIT) {
    dc_seek_status keep = res->status;
    if (check_monotone(&s) < 0) return res->status;
    res->status = keep;
  }
  return res->status;
}

const char *dc_seek_status_name(dc_seek_status st) {
  static const char *const names[] = {"found",  "always met", "unreachable", "not monotone",
                                      "failed", "limit",      "bad range"};
  return (unsigned)st < sizeof names / sizeof *names ? names[st] : "?";
}
