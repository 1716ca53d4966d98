/* plan_int.h — the plan core's internal structures, shared by plan.c
 * (building a plan) and plan_eval.c (evaluating and reading it). Not an
 * interface: everything outside the core uses plan.h. */
#ifndef DC_PLAN_INT_H
#define DC_PLAN_INT_H

#include "err.h"
#include "plan.h"

/* energy accounting (plan_energy.c): one fuel of an energy sector */
typedef struct euse_t {
  int fuel;      /* registry index (energy.h) */
  double *v;     /* the BAU use, J/s */
  double *inten; /* NULL, or the intensity (v = the sector's act x inten) */
  dc_dims idims; /* of inten */
} euse_t;

/* another gas of an energy sector */
typedef struct egas_t {
  char gas[24]; /* "CO2", "CH4", "N2O", "SF6", ... */
  double *v;    /* kg of it per s */
  dc_dims dims;
} egas_t;

typedef struct sector_t {
  char *name, *source;
  double *bau;
  double *act, *fac; /* NULL unless given as activity x factor (an energy
                        sector: act is its activity, fac stays NULL) */
  dc_dims adims, fdims;
  int metric;
  /* energy accounting: energy = 1 when the BAU is computed from uses and
     gases (dc_plan_sector_energy, or a non-CO2 sector under a GWP set);
     imports = 1 for the pseudo-sector of the CO2 of net electricity
     imports, made with the first power sector */
  int energy, power, imports;
  euse_t *use; size_t nuse;
  egas_t *gas; size_t ngas;
  double *grid;
} sector_t;

typedef struct tech_t {
  char *name, *source;
  double *cap, *hours; /* hours may be NULL */
  dc_dims dims, hdims;
  int metric, gen_metric;
  int fossil; /* 1, 0, or -1: its name does not say (dc_plan_capacity_fossil) */
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
  /* ENERGY_SAVES: fuel; SWITCH: from, to, share, efficiency (registry indices) */
  int fuel, from, to;
  double share, efficiency;
  /* precomputed (dc_plan__prepare): ramp weights per year, recomputed when
     start/full/stop change; base = the abatement at full scale per year
     (amount, amount x factor or the constant), when amount/factor change */
  double *w, *base;
  int lo, hi; /* the years (indices) the ramp is not 0: lo..hi */
  int ramp_dirty, base_dirty;
} measure_t;

enum metric_kind { MK_BUILTIN, MK_SECTOR, MK_TECH, MK_TECHGEN, MK_SERIES, MK_FN, MK_DIFF,
                   MK_ENERGY /* filled by the energy pass; ref: enum dc_eout */ };

/* which output of the energy core an MK_ENERGY metric shows */
enum dc_eout { EO_ENERGY, EO_ELECTRICITY, EO_COAL, EO_PRIMARY, EO_NONFOSSIL, EO_CO2, EO_CH4,
               EO_N2O, EO_FUEL /* + registry index: energy:FUEL */ };

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
  int fuel; /* -1: over-abatement; else the fuel an energy sector's
               measures save or switch more of than it uses (in ylo) */
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
  /* energy accounting (plan_energy.c); have_energy 0: the pass is skipped */
  int have_energy;
  double *grid, *heat_factor, *imports, *imports_nonfossil; /* NULL: not given */
  enum dc_primary_method primary;
  char *gwp;
  dc_energy_factor *fac; size_t nfac; /* their v owned */
  dc_display energy_disp;
  int have_energy_disp;
  int ebau_ok;          /* the energy sectors' BAU (sec[].bau) is current */
  int npower;           /* power sectors */
  int imports_sector;   /* the sector of the imports' CO2, or -1 */
  int met_e[EO_FUEL + DC_ENERGY_MAXFUELS]; /* metric index of each output, -1 */
  void *escr; size_t escr_size; /* the pass's scratch (no pointer kept across calls) */
  dc_err err; /* the last error (dc_plan_error: its msg) */
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
/* plan.c helpers plan_energy.c uses */
char *dc_plan__dupstr(dc_plan *p, const char *s);
double *dc_plan__dupser(dc_plan *p, const double *v);
int dc_plan__add_metric(dc_plan *p, const char *name, enum metric_kind k, int ref, dc_dims dims,
                        const dc_display *disp, const char *source);
/* Adds a sector slot (name, metric) with the plan's emission dims; its
   series are the caller's to fill. Index or -1. */
int dc_plan__new_sector(dc_plan *p, const char *name, const char *source, const dc_display *disp);

/* plan_energy.c */
void dc_plan__energy_init(dc_plan *p);
void dc_plan__energy_free(dc_plan *p);
/* 1 when measure kind k is one of the energy kinds */
int dc_plan__is_energy_kind(enum dc_measure_kind k);
/* dc_plan_measure's checks and copy of the energy fields (m is the new
   measure, its sector set): 0 or -1 */
int dc_plan__energy_measure(dc_plan *p, measure_t *m, const dc_plan_measure_spec *sp);
/* dc_plan_sector with non-CO2 dims: 1 when it is a sector of another gas
   the energy pass counts (made here, *si its index), 0 when it is not one,
   -1 on error */
int dc_plan__gas_sector(dc_plan *p, const char *name, const double *v, dc_dims dims,
                        const dc_display *disp, const char *source, int *si);
/* DC_FIELD_SHARE of a switch: 0 or -1 (share out of range, m unchanged) */
int dc_plan__energy_set_share(dc_plan *p, measure_t *m, double v);
/* The target's metric name was not found: the specific error for
   primary_energy / nonfossil_share (1, error set), else 0 */
int dc_plan__energy_missing_metric(dc_plan *p, const char *tname, const char *name);
/* The energy pass of evaluation: the BAU of energy sectors (cached; before
   the sectors' values are read) ... */
int dc_plan__energy_bau(dc_plan *p);
/* ... and the scenario's accounting after the measures loop: energy
   metrics, energy sectors' values and energy measures' wedges; mv the
   scenario's metric values */
int dc_plan__energy_eval(dc_plan *p, int si, double *mv);

#endif
