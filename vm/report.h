/* report.h — report writers for evaluated plans: text, JSON, CSV, TAP,
 * JUnit. They read the plan core's results only and never call into Lua;
 * `decarb check` evaluates, then hands the plans here. */
#ifndef DC_REPORT_H
#define DC_REPORT_H

#include <stdio.h>

#include "plan.h"

typedef enum {
  DC_REPORT_TEXT,
  DC_REPORT_JSON,
  DC_REPORT_CSV,
  DC_REPORT_TAP,
  DC_REPORT_JUNIT
} dc_report_format;

/* Version of the JSON schema (docs/report-format.md). */
#define DC_REPORT_JSON_VERSION 1

/* "text", "json", "csv", "tap", "junit" -> 0, else -1. */
int dc_report_format_parse(const char *name, dc_report_format *out);

/* One evaluated plan: the scenario its targets were judged in must have
 * been evaluated (dc_plan_evaluate), and BAU too for the BAU column.
 * Other evaluated scenarios appear in the JSON and CSV. */
typedef struct dc_report_plan {
  const dc_plan *plan;
  const char *file; /* the script it came from (may be NULL) */
  int scenario;
} dc_report_plan;

typedef struct dc_report_opts {
  dc_report_format format;
  int color;  /* ANSI colour in the text report */
  int y0, y1; /* years shown (clipped to each plan); 0, 0: all */
} dc_report_opts;

/* Writes the report; returns 0, or -1 on a write error. */
int dc_report_write(FILE *out, const dc_report_plan *plans, size_t n, const dc_report_opts *o);

/* Counts the targets met and in all over the plans (each in its scenario). */
void dc_report_count(const dc_report_plan *plans, size_t n, int *met, int *total);

/* One target's verdict as a sentence ("missed in 2030: 1.1 MtCO2e/yr > 0.96
 * MtCO2e/yr (short by ...)"); ascii selects <= >= instead of ≤ ≥. */
size_t dc_report_verdict(char *buf, size_t size, const dc_plan *p, int s, int t, int ascii);

#endif
