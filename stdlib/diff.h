/* diff.h — what changed between two versions of a set of plans (`decarb
 * diff`): plans, scenarios, targets, verdicts, margins, metrics, measures
 * and sectors, matched by name. Compares dc_result values in display units
 * (as a JSON report gives them: a plan's result is written and read back
 * first, so that a plan file and a report compare alike); a value whose
 * unit changed is converted when both units are known. Plain C, no Lua. */
#ifndef DC_DIFF_H
#define DC_DIFF_H

#include <stddef.h>
#include <stdio.h>

#include "result.h"

/* One side of the comparison. */
typedef struct dc_diff_side {
  const char *label;         /* its file name */
  dc_result *const *v;       /* its plans, in display units */
  size_t n;
  dc_result *const *orig;    /* the same plans with their detail (a plan file), or NULL (a report) */
} dc_diff_side;

enum dc_diff_kind {
  DC_DIFF_PLAN_ADDED, DC_DIFF_PLAN_REMOVED, DC_DIFF_YEARS,
  DC_DIFF_SCENARIO_ADDED, DC_DIFF_SCENARIO_REMOVED, DC_DIFF_JUDGED,
  DC_DIFF_REGRESSION, DC_DIFF_IMPROVEMENT, DC_DIFF_MARGIN,
  DC_DIFF_TARGET_ADDED, DC_DIFF_TARGET_REMOVED,
  DC_DIFF_METRIC_CHANGED, DC_DIFF_METRIC_ADDED, DC_DIFF_METRIC_REMOVED, DC_DIFF_UNIT,
  DC_DIFF_MEASURE_ADDED, DC_DIFF_MEASURE_REMOVED, DC_DIFF_MEASURE_RENAMED, DC_DIFF_MEASURE_CHANGED,
  DC_DIFF_SECTOR_ADDED, DC_DIFF_SECTOR_REMOVED, DC_DIFF_SECTOR_CHANGED
};

typedef struct dc_diff_item {
  enum dc_diff_kind kind;
  char *plan, *scenario;   /* scenario NULL: about the plan as a whole */
  char *name;              /* target, metric, measure, sector or scenario; NULL for a plan */
  char *other;             /* a renamed measure's new name; a changed unit's new label; else NULL */
  char *what;              /* a measure's or sector's changed source ... ("" when none) */
  double old_v, new_v;     /* margins (at each side's deciding year), the largest change, NaN: none */
  int old_year, new_year;  /* deciding years; the year of the largest change */
  int ylo, yhi, nyears;    /* metric: the years that changed (first, last, how many) */
  int old_met, new_met;    /* targets: verdicts (-1: none) */
  char unit[DC_LABEL_MAX]; /* of old_v / new_v */
} dc_diff_item;

typedef struct dc_diff {
  dc_diff_item *items;
  size_t n, cap;
  int regressions, improvements;
  int bad;                 /* out of memory */
} dc_diff;

/* Compares a with b (relative tolerance tol for values). 0, or -1 with a
 * sentence in err: the two have no plan in common (not two versions of
 * anything), or memory ran out. */
int dc_diff_run(const dc_diff_side *a, const dc_diff_side *b, double tol, dc_diff *out, char *err, size_t errsize);
void dc_diff_free(dc_diff *d);

/* The kind as a word: "regression", "measure removed" ... */
const char *dc_diff_kind_name(enum dc_diff_kind k);

/* Writers: text (one line per change under its plan and scenario, or "no
 * changes"), JSON (schema "decarb-diff") and a Markdown table for a pull
 * request's comment. */
void dc_diff_write_text(FILE *f, const dc_diff_side *a, const dc_diff_side *b, const dc_diff *d);
void dc_diff_write_markdown(FILE *f, const dc_diff_side *a, const dc_diff_side *b, const dc_diff *d);

#endif
