/* plan_mc.c — the Monte Carlo's evaluation path (see plan_mc.h). The
 * arithmetic mirrors eval_metrics_in of plan_eval.c term for term, so that
 * a sample gives the same bits as dc_plan_set_field + dc_plan_evaluate. */
#include "plan_mc.h"

#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "plan_int.h"

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang_analyzer__)
#include <immintrin.h>
#define DC_AVX2 __attribute__((target("avx2"))) /* a function for CPUs with AVX2 */
#endif

/* One active measure's part of a sample, in the order of the measures. */
typedef struct op_t {
  int m;          /* the measure */
  int what;       /* OP_* */
  int dst;        /* metric index of its sector, -1: the pool */
  int lo, hi;     /* the years its ramp is not 0 */
  int amt, fac, sc; /* the inputs that give its amount / factor / scale, or -1 */
  double *sw;     /* OP_AMOUNT without a drawn scale: scale x ramp weight per year */
} op_t;

enum { OP_WEDGE, OP_AMOUNT, OP_SAVES, OP_CONST, OP_SERIES };

struct dc_plan_fast {
  int s;
  int *in; /* [3 * m + 0/1/2]: the input that gives measure m's amount / factor / scale, or -1 */
  op_t *op;
  size_t nop;
  double *sw; /* the ops' sw rows, 0 outside [lo, hi] */
  int avx2;   /* the CPU has AVX2: fast_ops_avx2 */
};

static int simd_on = 1;

int dc_plan_fast_simd(int on) {
  int was = simd_on;
  simd_on = on != 0;
  return was;
}

void dc_plan_fast_free(dc_plan_fast *f) {
  if (!f) return;
  free(f->in);
  free(f->op);
  free(f->sw);
  free(f);
}

/* 1 when an active measure of scenario s has an input */
static int changes(const dc_plan *p, const dc_plan_fast *f, int s) {
  for (size_t m = 0; m < p->nmea; m++)
    if (dc_plan_measure_active(p, s, (int)m) &&
        (f->in[3 * m] >= 0 || f->in[3 * m + 1] >= 0 || f->in[3 * m + 2] >= 0))
      return 1;
  return 0;
}

dc_plan_fast *dc_plan_fast_new(dc_plan *p, int s, const dc_plan_slot *slots, size_t n) {
  if (s < 0 || (size_t)s >= p->nscen || p->scen[s].evaluated != 2 || !n) return NULL;
  const scen_t *sc = &p->scen[s];
  if (sc->amet < p->nmet || sc->ameas < p->nmea || sc->atar < p->ntar) return NULL;
  /* energy accounting makes sectors and metrics of its own from every
     measure (plan_energy.c): such a plan takes the full evaluation */
  if (p->have_energy) return NULL;
  for (size_t k = DC_MET_NBUILTIN; k < p->nmet; k++)
    if (p->met[k].kind == MK_FN) return NULL; /* a function may read anything */
  for (size_t m = 0; m < p->nmea; m++)
    if (p->mea[m].kind == DC_MEASURE_FN && dc_plan_measure_active(p, s, (int)m)) return NULL;
  dc_plan_fast *f = calloc(1, sizeof *f);
  if (!f) return NULL;
  f->s = s;
#ifdef DC_AVX2
  f->avx2 = simd_on && __builtin_cpu_supports("avx2");
#endif
  if (!(f->in = malloc((p->nmea ? 3 * p->nmea : 1) * sizeof *f->in))) goto no;
  for (size_t k = 0; k < 3 * p->nmea; k++) f->in[k] = -1;
  for (size_t j = 0; j < n; j++) {
    const dc_plan_slot *sl = &slots[j];
    if (sl->obj != DC_OBJ_MEASURE || sl->index < 0 || (size_t)sl->index >= p->nmea) goto no;
    const measure_t *m = &p->mea[sl->index];
    if (m->kind != DC_MEASURE_ABATES && m->kind != DC_MEASURE_SAVES) goto no;
    if (m->ramp_dirty || m->base_dirty || !m->w) goto no;
    int k = sl->field == DC_FIELD_AMOUNT                                     ? 0
            : sl->field == DC_FIELD_FACTOR && m->kind == DC_MEASURE_SAVES ? 1
            : sl->field == DC_FIELD_SCALE                                    ? 2
                                                                             : -1;
    if (k < 0 || (k == 1 && !m->factor)) goto no;
    f->in[3 * (size_t)sl->index + (size_t)k] = (int)j;
  }
  /* a target that compares with another scenario reads that scenario's
     values as evaluated: the inputs must not change it */
  for (size_t t = 0; t < p->ntar; t++) {
    int vs = p->tar[t].vs_scen;
    if (vs >= 0 && (vs == s || (p->scen[vs].evaluated != 1 && p->scen[vs].evaluated != 2) || changes(p, f, vs)))
      goto no;
  }
  /* the active measures in order, each with what a sample does to it */
  size_t nsw = 0;
  if (!(f->op = malloc((p->nmea ? p->nmea : 1) * sizeof *f->op))) goto no;
  for (size_t m = 0; m < p->nmea; m++) {
    const measure_t *me = &p->mea[m];
    if (!dc_plan_measure_active(p, s, (int)m)) continue;
    const int *in = f->in + 3 * m;
    op_t o = {(int)m, OP_WEDGE, me->sector >= 0 ? p->sec[me->sector].metric : -1, me->lo, me->hi, in[0], in[1], in[2], NULL};
    if (me->kind == DC_MEASURE_ABATES || me->kind == DC_MEASURE_SAVES)
      o.what = in[0] >= 0 && (me->kind == DC_MEASURE_ABATES || !me->factor) ? OP_AMOUNT
               : in[0] >= 0 || in[1] >= 0                                   ? OP_SAVES
               : me->kind == DC_MEASURE_ABATES && me->use_const             ? OP_CONST
                                                                            : OP_SERIES;
    if (o.what == OP_AMOUNT && o.sc < 0) nsw++;
    f->op[f->nop++] = o;
  }
  if (nsw && !(f->sw = calloc(nsw * (size_t)p->n, sizeof *f->sw))) goto no;
  nsw = 0;
  for (size_t k = 0; k < f->nop; k++) {
    op_t *o = &f->op[k];
    if (o->what != OP_AMOUNT || o->sc >= 0) continue;
    const measure_t *me = &p->mea[o->m];
    o->sw = f->sw + nsw++ * (size_t)p->n;
    for (int i = o->lo; i <= o->hi; i++) o->sw[i] = me->scale * me->w[i]; /* the (sc x w) of sc x w x amount */
  }
  return f;
no:
  dc_plan_fast_free(f);
  return NULL;
}

/* the hot path: op o adds (or, into a sector, takes) its switched (sc x w)
 * times a drawn amount, the same in every year */
static void fast_amount(const op_t *o, double *restrict d, const double *x, size_t stride) {
  const double kv = x[(size_t)o->amt * stride];
  const double *restrict sw = o->sw;
  const int lo = o->lo, hi = o->hi;
  int i = lo;
  if (o->dst >= 0) { /* two years a step: the compiler pairs them (SSE2) */
    for (; i < hi; i += 2) {
      double a0 = d[i] - sw[i] * kv, a1 = d[i + 1] - sw[i + 1] * kv;
      d[i] = a0, d[i + 1] = a1;
    }
    if (i == hi) d[i] -= sw[i] * kv;
  } else {
    for (; i < hi; i += 2) {
      double a0 = d[i] + sw[i] * kv, a1 = d[i + 1] + sw[i + 1] * kv;
      d[i] = a0, d[i + 1] = a1;
    }
    if (i == hi) d[i] += sw[i] * kv;
  }
}

/* any other op: sign x (its scale x w x its base) into d */
static void fast_op(const dc_plan *p, const scen_t *s, const op_t *o, double *restrict d,
                    const double *x, size_t stride) {
  const measure_t *m = &p->mea[o->m];
  const int n = p->n;
  const double sign = o->dst >= 0 ? -1.0 : 1.0;
  const int lo = o->lo, hi = o->hi;
  if (o->what == OP_WEDGE) { /* unchanged by the inputs: its wedge from the last evaluation */
    const double *ab = s->abate + (size_t)o->m * (size_t)n;
    for (int i = 0; i < n; i++) d[i] += sign * ab[i];
    return;
  }
  const double sc = o->sc >= 0 ? x[(size_t)o->sc * stride] : m->scale;
  const double *restrict w = m->w;
  if (o->what == OP_AMOUNT) {
    const double kv = x[(size_t)o->amt * stride];
    for (int i = lo; i <= hi; i++) d[i] += sign * (sc * w[i] * kv);
  } else if (o->what == OP_SAVES) { /* amount x factor, one of them drawn */
    const double *restrict a = m->amount, *restrict fa = m->factor;
    const double av = o->amt >= 0 ? x[(size_t)o->amt * stride] : 0, fv = o->fac >= 0 ? x[(size_t)o->fac * stride] : 0;
    for (int i = lo; i <= hi; i++) {
      double base = (o->amt >= 0 ? av : a[i]) * (o->fac >= 0 ? fv : fa[i]);
      d[i] += sign * (sc * w[i] * base);
    }
  } else if (o->what == OP_CONST) {
    const double kv = m->konst;
    for (int i = lo; i <= hi; i++) d[i] += sign * (sc * w[i] * kv);
  } else {
    const double *restrict base = m->factor ? m->base : m->amount;
    for (int i = lo; i <= hi; i++) d[i] += sign * (sc * w[i] * base[i]);
  }
}

#ifdef DC_AVX2

/* fast_amount four years a step in AVX2 where the CPU has it: d[i] - sw[i]
 * x kv, with kv the drawn amount (into a sector) or minus it (into the pool:
 * d - sw x (-kv) is d + sw x kv, bit for bit), so the same bits. The steps
 * are at multiples of four years from the row's start, whatever the
 * measure's first year, so that every measure writing a row reads back
 * whole steps as the one before stored them (a step that straddles two
 * stores is not forwarded from them: a stall); the years of a step outside
 * [lo, hi] take d - (+0), which is d (sw is 0 there, and the product is
 * masked to +0 whatever the amount). The last n % 4 years go one by one. */
DC_AVX2 static void fast_amount_avx2(const op_t *o, double *restrict d, double kv, int n) {
  const __m256d k = _mm256_set1_pd(kv);
  const double *restrict sw = o->sw;
  const int lo = o->lo, hi = o->hi;
  const __m256i lane = _mm256_setr_epi64x(0, 1, 2, 3), lo1 = _mm256_set1_epi64x(lo - 1), hi1 = _mm256_set1_epi64x(hi + 1);
  int i = lo & ~3;
  for (; i + 4 <= n && i <= hi; i += 4) {
    __m256d t = _mm256_mul_pd(_mm256_loadu_pd(sw + i), k);
    if (i < lo || i + 3 > hi) {
      __m256i y = _mm256_add_epi64(_mm256_set1_epi64x(i), lane);
      __m256i in = _mm256_and_si256(_mm256_cmpgt_epi64(y, lo1), _mm256_cmpgt_epi64(hi1, y));
      t = _mm256_and_pd(t, _mm256_castsi256_pd(in));
    }
    _mm256_storeu_pd(d + i, _mm256_sub_pd(_mm256_loadu_pd(d + i), t));
  }
  for (; i <= hi; i++)
    if (i >= lo) d[i] -= sw[i] * kv;
}

/* fast_amount_avx2 into a sector for an amount kv > 0, finite: every year
 * of the row, so that every measure's loop has the same length (one whose
 * length varies with the measure's years mispredicts its end once a
 * measure). Outside [lo, hi] sw is +0, and d - (+0 x kv) = d - (+0) is d,
 * bit for bit, for every d (-0 too). */
DC_AVX2 static void fast_amount_row(const double *restrict sw, double *restrict d, double kv, int n) {
  const __m256d k = _mm256_set1_pd(kv);
  int i = 0;
  for (; i + 4 <= n; i += 4)
    _mm256_storeu_pd(d + i, _mm256_sub_pd(_mm256_loadu_pd(d + i), _mm256_mul_pd(_mm256_loadu_pd(sw + i), k)));
  for (; i < n; i++) d[i] -= sw[i] * kv;
}

/* the ops in order, fast_amount_row or fast_amount_avx2 for the hot ones */
DC_AVX2 static void fast_ops_avx2(const dc_plan_fast *f, const dc_plan *p, const scen_t *s, const double *x,
                                  size_t stride) {
  const int n = p->n;
  for (size_t k = 0; k < f->nop; k++) {
    const op_t *o = &f->op[k];
    double *restrict d = o->dst >= 0 ? s->mval + (size_t)o->dst * (size_t)n : s->pool;
    if (o->what != OP_AMOUNT || !o->sw) {
      fast_op(p, s, o, d, x, stride);
      continue;
    }
    const double kv = x[(size_t)o->amt * stride];
    if (o->dst >= 0 && kv > 0 && kv <= DBL_MAX) fast_amount_row(o->sw, d, kv, n);
    else fast_amount_avx2(o, d, o->dst >= 0 ? kv : -kv, n);
  }
}
#endif

/* totals: the sectors' BAU are unchanged, so is bau_emissions */
static void fast_totals(const dc_plan *p, scen_t *s) {
  const int n = p->n;
  double *mv = s->mval;
#define MV(i) (mv + (size_t)(i) * (size_t)n)
  double *em = MV(DC_MET_EMISSIONS), *bau = MV(DC_MET_BAU), *abm = MV(DC_MET_ABATEMENT);
  memset(em, 0, sizeof(double) * (size_t)n);
  for (size_t k = 0; k < p->nsec; k++) {
    const double *after = MV(p->sec[k].metric);
    for (int i = 0; i < n; i++) em[i] += after[i];
  }
  for (int i = 0; i < n; i++) {
    em[i] -= s->pool[i];
    abm[i] = bau[i] - em[i];
  }
  for (size_t k = DC_MET_NBUILTIN; k < p->nmet; k++) {
    const metric_t *me = &p->met[k];
    if (me->kind != MK_DIFF) continue;
    const double *src = MV(me->ref);
    double *dst = MV(k);
    dst[0] = 0;
    for (int i = 1; i < n; i++) dst[i] = src[i] - src[i - 1];
  }
#undef MV
}

int dc_plan_fast_eval(dc_plan_fast *f, dc_plan *p, const double *x, size_t stride) {
  const int si = f->s, n = p->n;
  scen_t *s = &p->scen[si];
  double *mv = s->mval;
#define MV(i) (mv + (size_t)(i) * (size_t)n)
  for (size_t k = 0; k < p->nsec; k++) memcpy(MV(p->sec[k].metric), p->sec[k].bau, sizeof(double) * (size_t)n);
  memset(s->pool, 0, sizeof(double) * (size_t)n);
  /* x + (-v) is x - v, bit for bit: the core's `d += sign * ab` */
#ifdef DC_AVX2
  if (f->avx2) fast_ops_avx2(f, p, s, x, stride);
  else
#endif
    for (size_t k = 0; k < f->nop; k++) {
      const op_t *o = &f->op[k];
      double *restrict d = o->dst >= 0 ? MV(o->dst) : s->pool;
      if (o->what == OP_AMOUNT && o->sw) fast_amount(o, d, x, stride);
      else fast_op(p, s, o, d, x, stride);
    }
#undef MV
  fast_totals(p, s);
  s->evaluated = 3;
  for (size_t t = 0; t < p->ntar; t++)
    if (dc_plan__eval_target(p, si, t)) {
      s->evaluated = 0;
      return -1;
    }
  s->evaluated = 2;
  return 0;
}
