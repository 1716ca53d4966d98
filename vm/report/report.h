/* report.h — report writers of `decarb check`: text, JSON, JSON lines, CSV
 * (metrics, or per-target per-year verdicts), TAP, JUnit and GitHub Actions
 * workflow commands, and an HTML page with charts. They read dc_result
 * values only (stdlib/result.h): no plan, no Lua. One file each in vm/report/, shared bits in common.c. */
#ifndef DC_REPORT_H
#define DC_REPORT_H

#include <stdio.h>

#include "result.h"

typedef enum {
  DC_REPORT_TEXT,
  DC_REPORT_JSON,
  DC_REPORT_CSV,
  DC_REPORT_TAP,
  DC_REPORT_JUNIT,
  DC_REPORT_JSONL,
  DC_REPORT_GITHUB,
  DC_REPORT_CSV_TARGETS,
  DC_REPORT_HTML,
  DC_REPORT_NFORMATS
} dc_report_format;

/* The names --format takes, in enum order, as one line for messages. */
#define DC_REPORT_FORMAT_NAMES "text, json, csv, tap, junit, jsonl, github, csv-targets or html"

/* Version of the JSON schemas (docs/schema/, docs/report-format.md). */
#define DC_REPORT_JSON_VERSION 1
/* a report with a Monte Carlo (check --samples): version 2 adds p_met,
   p_met_ci, samples, drivers, quantiles, seed (docs/uncertainty.md) */
#define DC_REPORT_JSON_VERSION_MC 2

/* "text", "json", ... -> 0, else -1. */
int dc_report_format_parse(const char *name, dc_report_format *out);

typedef struct dc_report_opts {
  dc_report_format format;
  int color;  /* ANSI colour in the text report */
  int y0, y1; /* years shown (clipped to each plan); 0, 0: all */
  int sparklines; /* text report: a sparkline per metric (only for a terminal) */
} dc_report_opts;

/* Writes the report of n results; returns 0, or -1 on a write error. */
int dc_report_write(FILE *out, dc_result *const *results, size_t n, const dc_report_opts *o);

/* Streaming formats (jsonl): 1 when a result can be written alone, as soon
 * as it is known, with dc_report_write(out, &r, 1, o) each time. */
int dc_report_streams(dc_report_format f);

/* Counts the targets met and in all over the results. */
void dc_report_count(dc_result *const *results, size_t n, int *met, int *total);

/* Target t's verdict as a sentence ("missed in 2030: 1.1 MtCO2e/yr > 0.96
 * MtCO2e/yr (short by ...)"); ascii selects <= >= instead of ≤ ≥. */
size_t dc_report_verdict(char *buf, size_t size, const dc_result *r, int t, int ascii);

#endif
