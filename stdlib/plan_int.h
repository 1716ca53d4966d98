/* plan_int.h — the plan core's internal structures, shared by plan.c
 * (building a plan) and plan_eval.c (evaluating and reading it). Not an
 * interface: everything outside the core uses plan.h. */
#ifndef DC_PLAN_INT_H
#define DC_PLAN_INT_H

#include "plan.h"

typedef struct sector_t {
  char *name, *source;
  double *bau;
  double *act, *fac; /* NULL unless given as activity x factor */
  dc_dims adims, fdims;
  int metric;
} sector_t;

typedef struct tech_t {
  char *name, *source;
  double *cap, *hours; /* hours may be NULL */
  dc_dims dims, hdims;
  int metric, gen_metric;
} tech_t;

typedef struct add_t {
  int tech;
  double *amount, *hours; /* hours NULL: the tech's */
  dc_dims hdims;          /* of hours, when given */
} add_t;

typedef struct measure_t {
  char *name, *source;
  enum dc_measure_kind kind;
  int sector; /* -1: the plan's total */
  int start, full, stop, scenario, fnref;
  double scale, konst;
  int use_const;
  double *amount, *factor;
  dc_dims amount_dims, factor_dims;
  add_t *adds;
  size_t nadds;
  /* precomputed (dc_plan__prepare): ramp weights per year, recomputed when
     start/full/stop change; base = the abatement at full scale per year
     (amount, amount x factor or the constant), when amount/factor change */
  double *w, *base;
  int lo, hi; /* the years (indices) the ramp is not 0: lo..hi */
  int ramp_dirty, base_dirty;
} measure_t;

enum metric_kind { MK_BUILTIN, MK_SECTOR, MK_TECH, MK_TECHGEN, MK_SERIES, MK_FN, MK_DIFF };

typedef struct metric_t {
  char *name, *source;
  enum metric_kind kind;
  int ref; /* sector / tech index, callback ref, or MK_DIFF: the metric it differences */
  dc_dims dims;
  dc_display disp;
  int dims_known;
  double *v; /* MK_SERIES: the series */
} metric_t;

typedef struct target_t {
  char *name, *source, *vs, *file;
  int line;
  enum dc_target_kind kind;
  enum dc_share_of share_of;
  int metric, per, vs_scen;
  int *parts;
  size_t nparts;
  double bound, reduce, tol;
  int tol_is_abs, by, from, every, cumul_seconds;
  dc_dims vdims;
  dc_display vdisp;
} target_t;

typedef struct tres_t {
  int met, first_met, first_failed, deciding, ndue, nmissed;
} tres_t;

typedef struct warn_t {
  int sector, ylo, yhi;
  double worst;
} warn_t;

typedef struct scen_t {
  char *name;
  unsigned char *drop; /* per measure */
  size_t dropcap;
  /* results */
  int evaluated;
  size_t amet, ameas, atar, awarn;
  double *mval;  /* amet * n */
  double *abate; /* ameas * n */
  double *pool;  /* n: abatement not attributed to a sector */
  double *tv;    /* atar * 4 * n: value, bound, margin, rel */
  unsigned char *tst;
  tres_t *tres;
  warn_t *warn;
  size_t nwarn;
} scen_t;

struct dc_plan {
  dc_plan_allocf allocf; /* every block of the plan comes from here */
  void *allocud;
  int oom;               /* the last failure was a refused allocation */
  int busy;              /* > 0: being evaluated or read; no change allowed */
  char *name, *region, *source;
  int y0, y1, n;
  double year_s;
  dc_dims emis_dims;
  int have_emis;
  dc_display emis_disp, cap_disp, share_disp;
  dc_dims cap_dims;
  int have_cap;
  sector_t *sec; size_t nsec, csec;
  tech_t *tech; size_t ntech, ctech;
  measure_t *mea; size_t nmea, cmea;
  metric_t *met; size_t nmet, cmet;
  target_t *tar; size_t ntar, ctar;
  scen_t *scen; size_t nscen, cscen;
  dc_plan_input *inp; size_t ninp, cinp; /* uncertain inputs (group names owned) */
  struct dc_plan_index *idx; /* name look-ups (plan_names.c); NULL until needed */
  char err[320];
};

/* plan_names.c: item `name` of a kind (a measure's also of scenario `tag`;
 * 0 for the others) through a hash index, or -1; and freeing the index. */
enum dc_plan_kind { DC_PK_SECTOR, DC_PK_TECH, DC_PK_MEASURE, DC_PK_METRIC, DC_PK_TARGET, DC_PK_SCEN, DC_PK_N };
int dc_plan__find(const dc_plan *p, enum dc_plan_kind k, int tag, const char *name);
void dc_plan__names_free(dc_plan *p);

static const dc_dims NODIMS = {{0}};

/* helpers of plan.c used by plan_eval.c */
/* The plan's allocator (see dc_plan_new_alloc): realloc/free semantics,
 * sizes kept in a header so that the allocator can count them. Failure sets
 * p->oom. */
void *dc_plan__realloc(dc_plan *p, void *ptr, size_t n);
void dc_plan__free(dc_plan *p, void *ptr);
/* 0, or -1 with "cannot change plan ... while it is being evaluated" set. */
int dc_plan__check_idle(dc_plan *p);
int dc_plan__fail(dc_plan *p, const char *fmt, ...);
int dc_plan__dims_eq(dc_dims a, dc_dims b);
int dc_plan__year_ok(const dc_plan *p, int y);
void dc_plan__invalidate(dc_plan *p);
const char *dc_plan__kind_name(const target_t *t);
/* Recomputes measure m's ramp weights / base when marked dirty; -1 on no memory. */
int dc_plan__prepare(dc_plan *p, measure_t *m);
/* Target ti's verdict in scenario si from the metric values in its buffers
 * (plan_eval.c; for plan_mc.c). 0 or -1 (error set). */
int dc_plan__eval_target(dc_plan *p, int si, size_t ti);

#endif
