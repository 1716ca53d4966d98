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
} dc_result_metric;

typedef struct dc_result_measure {
  char *name, *source, *sector; /* source, sector NULL when none */
  double *wedge;                /* abatement y0..y1 in the judged scenario */
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

#endif
