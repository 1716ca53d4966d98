/* result.h — the result of checking one plan, as a value of its own.
 * dc_result_from_plan copies out of an evaluated dc_plan everything a report
 * says: the plan's description, every evaluated scenario's years x metrics,
 * the targets as judged in one scenario (verdicts, per-year values, bounds,
 * statuses, margins, the file:line of each p:target call), the wedges, the
 * warnings (as data) and the sources. It owns its memory: no pointer into
 * the plan or a Lua state, so it outlives both. Plain C, no Lua. */
#ifndef DC_RESULT_H
#define DC_RESULT_H

#include <stddef.h>

#include "plan.h"
#include "units.h"

typedef struct dc_result_metric {
  int ok;           /* 0: the metric has no unit yet (reports skip it) */
  char *name, *source; /* source NULL when none */
  dc_dims dims;
  int has_disp;     /* disp is the metric's own display unit */
  dc_display disp;
  double **values;  /* [scenario] -> y0..y1 SI values, NULL: not evaluated */
  /* Monte Carlo (check --samples): the judged scenario's percentiles 5, 25,
     50, 75, 95 per year, [y * 5 + k] SI; NULL without one */
  double *quantiles;
} dc_result_metric;

typedef struct dc_result_measure {
  char *name, *source, *sector; /* source, sector NULL when none */
  double *wedge;                /* abatement y0..y1 in the judged scenario */
  double *share;                /* y0..y1 as a report gave it (result_read.h); NULL: wedge / gap */
} dc_result_measure;

typedef struct dc_result_target {
  char *name, *source;  /* source NULL when none */
  char *file;           /* where p:target was called, NULL when unknown */
  int line;             /* 0 when unknown */
  enum dc_target_kind kind;
  char *kind_name;
  int metric;           /* index into metrics */
  dc_dims value_dims;
  int has_disp;
  dc_display value_disp;
  /* the verdict in the judged scenario; arrays y0..y1 */
  double *value, *bound, *margin, *margin_rel;
  unsigned char *status; /* enum dc_status */
  int evaluated;         /* 0: no verdict (the arrays are NULL) */
  int met, first_met, first_failed, deciding;
  /* Monte Carlo (has_mc in the result): P(met) = mc_met / mc_samples with
     its 95 % Wilson interval; the inputs by |Spearman rho| with the margin
     (ndrivers of them: index into the result's inputs, and rho) */
  double p_met, p_met_lo, p_met_hi;
  unsigned long long mc_met, mc_samples;
  size_t ndrivers;
  size_t *driver_input;
  double *driver_rho;
  /* 1: the judged value is not the metric's own series (a share, an
   * intensity's ratio, a budget's running sum), so reports show it as a
   * column of its own */
  int own_column;
} dc_result_target;

typedef struct dc_result_warning {
  char *sector;
  int ylo, yhi;
  double worst; /* SI */
  char *text;   /* the sentence, no location */
} dc_result_warning;

typedef struct dc_result {
  char *file;   /* the script it came from, NULL when none */
  char *name, *region, *source; /* region, source "" when none */
  int y0, y1;
  size_t nscenarios;
  char **scenario_names;
  unsigned char *evaluated; /* [scenario] */
  int scenario;             /* the one the targets are judged in */
  size_t nsectors;
  size_t nmetrics;
  dc_result_metric *metrics;
  size_t nmeasures;          /* the measures of the judged scenario, in report order */
  dc_result_measure *measures;
  size_t ntargets;
  dc_result_target *targets;
  size_t nwarnings;          /* of the judged scenario */
  dc_result_warning *warnings;
  int met;                   /* targets met */
  struct dc_result_detail *detail; /* what explain and diff need; NULL when read from a report */
  /* Monte Carlo (set by dc_result_set_mc, montecarlo.h): samples
     mc_first .. mc_end-1 of seed; the uncertain inputs' labels; the raw
     per-sample values (a struct dc_mc, owned) that blocks merge from */
  int has_mc;
  unsigned long long seed, mc_first, mc_end;
  size_t ninputs;
  char **inputs;
  struct dc_mc *mc;
  /* non-NULL: the plan has no scenario of this name (check --scenario):
   * the result holds the plan's description and scenario names only */
  char *missing_scenario;
} dc_result;

/* Copies the result of plan p as judged in scenario s (evaluated, as are
 * any others that should appear) out of p; file may be NULL. where(t) gives
 * the file and line of target t's definition (or NULL / 0; wctx is handed
 * back). NULL when out of memory. */
typedef void (*dc_result_where_fn)(void *wctx, int target, const char **file, int *line);
dc_result *dc_result_from_plan(const dc_plan *p, int s, const char *file, dc_result_where_fn where, void *wctx);
void dc_result_free(dc_result *r);

/* The result of a plan that lacks scenario `missing`: its description and
 * scenario names, no metrics, no targets; reports list it as skipped.
 * NULL when out of memory. */
dc_result *dc_result_skipped(const dc_plan *p, const char *file, const char *missing);

/* The values of metric i in scenario s, NULL when not evaluated. */
const double *dc_result_values(const dc_result *r, int s, int i);

/* Whether target t judges metric `metric`'s own series (in the judged
 * scenario): the target names that metric, has its dimensions, and its
 * value equals the metric's (relative 1e-9, NaN equal to NaN) in every
 * year of the plan, or with judged_only in the years the target judges
 * only (and it judges one at least). The two rules, because a year table
 * shows every year: a target whose value strays from the metric in any
 * year needs a column of its own there (own_column, every year), while a
 * chart draws the target's bound on the metric's line only over the years
 * it judges (judged_only). 0 when t is not evaluated. */
int dc_result_target_on_metric(const dc_result *r, size_t t, int metric, int judged_only);

/* ===================================================================== */
/* The detail: how each value is made (for `decarb explain` and `decarb   */
/* diff`). Copied by dc_result_from_plan; SI values, arrays y0..y1.       */
/* ===================================================================== */

/* What a metric is (the plan core's kinds). */
enum dc_result_metric_kind {
  DC_RMK_BUILTIN, DC_RMK_SECTOR, DC_RMK_TECH, DC_RMK_TECHGEN, DC_RMK_SERIES, DC_RMK_FN, DC_RMK_DIFF,
  DC_RMK_ENERGY /* made by the energy accounting (energy, coal, co2 ...) */
};

typedef struct dc_result_sector {
  char *name, *source; /* source NULL when none */
  int metric;          /* its metric (emissions after its measures) */
  double *bau;         /* its BAU emissions */
} dc_result_sector;

typedef struct dc_result_tech {
  char *name, *source;
  int metric, gen_metric; /* capacity "PV", generation "generation:PV" */
  double *cap;            /* the stock before any measure */
  double *gen;            /* its generation (NaN: no hours) */
} dc_result_tech;

typedef struct dc_result_add {
  int tech;               /* index into detail->techs */
  double *cap, *gen;      /* added at full ramp, scale included (gen NaN: no hours) */
} dc_result_add;

typedef struct dc_result_xmeasure {
  char *name, *source; /* source NULL when none */
  int sector;          /* index into detail->sectors, -1: the plan's total */
  enum dc_measure_kind kind;
  int start, full, stop; /* DC_PLAN_NOYEAR when not given */
  int scenario;          /* -1: the plan's; else the scenario that adds it */
  double scale;
  double *ramp;          /* its ramp fraction per year (0..1) */
  double *at_full;       /* abatement at ramp 1, scale included; NaN: a function's */
  size_t nadds;
  dc_result_add *adds;
  unsigned char *active; /* [scenario] 1: it runs there */
  double **wedge;        /* [scenario] its abatement, NULL: not evaluated */
} dc_result_xmeasure;

typedef struct dc_result_xtarget {
  enum dc_share_of share_of;
  int per;               /* intensity denominator metric, -1 none */
  size_t nparts;
  int *parts;            /* share: the metrics summed */
  double bound;          /* AT_MOST/AT_LEAST level, BUDGET amount (SI) */
  double reduce, tol;    /* REDUCE/VS fraction; PEAK/NET_ZERO tolerance */
  int tol_is_abs;        /* NET_ZERO: tol is a value, not a fraction */
  int by, from;          /* DC_PLAN_NOYEAR when not given */
  int vs_scen;           /* VS: the scenario compared with, -1 none */
  int cumul_seconds;     /* BUDGET: rates times the year's seconds */
} dc_result_xtarget;

typedef struct dc_result_detail {
  double year_s;                 /* seconds in a year (budgets) */
  unsigned char *metric_kind;    /* [metric] enum dc_result_metric_kind */
  int *metric_ref;               /* [metric] sector / tech index; DIFF: the metric differenced */
  size_t nsectors;
  dc_result_sector *sectors;
  size_t ntechs;
  dc_result_tech *techs;
  size_t nmeasures;              /* every measure of the plan, in definition order */
  dc_result_xmeasure *measures;
  size_t norder;                 /* the measures of the judged scenario, in report order */
  int *order;                    /* indices into measures */
  dc_result_xtarget *targets;    /* [target], parallel to r->targets */
} dc_result_detail;

#endif
