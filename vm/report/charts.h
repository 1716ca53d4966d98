/* charts.h — the charts of a result (dc_result) as SVG: a metric over the
 * years (the emissions chart: BAU, the judged scenario and the others, each
 * target's bound where it is due, missed years marked), the wedge chart and
 * one chart per target. Shared by the HTML report (html.c) and `decarb
 * chart` (cmd_chart.c); drawn by the chart core (stdlib/chart.h). Values are
 * shown in the units the JSON report gives them (docs/charts.md). */
#ifndef DC_REPORT_CHARTS_H
#define DC_REPORT_CHARTS_H

#include "chart.h"
#include "result.h"

typedef struct dc_rc_opts {
  int a, b;             /* the years drawn (within the result's) */
  const int *scenarios; /* scenarios drawn as lines, NULL: every evaluated one */
  int nscenarios;
  int standalone;       /* an SVG document (1) or an <svg> for HTML (0) */
  const char *id;       /* the chart's id, [A-Za-z0-9_-] */
  int width, height;    /* 0: the chart core's default */
} dc_rc_opts;

/* Returns DC_CHART_OK, DC_CHART_ENOMEM or DC_CHART_EINVAL (from the chart
 * core), or DC_RC_NONE when the result has nothing to draw (no such metric
 * evaluated, no measures for wedges, a target without a verdict). */
#define DC_RC_NONE (-1)

/* Metric i over the years: one line per scenario; for the emissions metric
 * BAU (dashed) first; the bounds and verdict marks of every target on it. */
int dc_rc_metric(dc_chart_buf *out, const dc_result *r, int metric, const dc_rc_opts *o);
/* Each measure's abatement stacked on the plan's emissions, up to BAU. */
int dc_rc_wedges(dc_chart_buf *out, const dc_result *r, const dc_rc_opts *o);
/* Target t: its value against its bound, missed years and the deciding year marked. */
int dc_rc_target(dc_chart_buf *out, const dc_result *r, int t, const dc_rc_opts *o);

/* The metrics of the year table (the text report's columns): emissions
 * and BAU when there are sectors, then each metric a target judges; at
 * most max. Returns how many. */
int dc_rc_table_columns(const dc_result *r, int *cols, int max);

/* Metric or target by name: index, or -1. */
int dc_rc_find_metric(const dc_result *r, const char *name);
int dc_rc_find_target(const dc_result *r, const char *name);
/* Whether the result has an emissions metric / wedges to draw. */
int dc_rc_has_emissions(const dc_result *r);
int dc_rc_has_wedges(const dc_result *r);

#endif
