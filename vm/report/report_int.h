/* report_int.h — what the report writers of vm/report/ share: display unit
 * choice for a column, value and margin formatting, the verdict sentence,
 * the years shown and the escaping of each format. */
#ifndef DC_REPORT_INT_H
#define DC_REPORT_INT_H

#include <stdio.h>

#include "fmt.h"   /* dc_fmt_quantity: "12.5 MtCO2e/yr", "41.7 %", "—" for NaN */
#include "report.h"
#include "utf8.h" /* the widths of aligned columns: dc_utf8_width, dc_utf8_pad */

/* The display for a column of values: the metric's own unit when it has
 * one, else the preferred unit (with prefix) of the largest value. */
void dc_rep_pick_disp(dc_dims dims, int has_disp, const dc_display *disp, const double *v, int n,
                      dc_display *out);
double dc_rep_in_disp(double si, const dc_display *d);
/* The same unit as d with the SI prefix (none, k, M, G, T, P) that shows
 * `largest` (SI) with 1-999 before the point, where the unit takes one
 * ("802600 kWh/yr" -> "802.6 MWh/yr", "tCO2/yr" -> "ktCO2/yr"); the base
 * of the label (d's label without its prefix) goes to base. d itself when
 * no prefixed form parses (%, yuan/yr, offsets). */
void dc_rep_reprefix(const dc_display *d, dc_dims dims, double largest, dc_display *out, char *base, size_t bsize);
/* The display of a difference of values shown in d: no offset, pp for %. */
dc_display dc_rep_diff_disp(const dc_display *d);
/* Measure me's share of the gap in year index i (me->share when a report
 * gave it, else wedge / gap; NaN when the gap is zero). */
double dc_rep_share(const dc_result_measure *me, const double *gap, int i);
/* The file a target was defined in: its own, else the plan's (NULL: unknown). */
const char *dc_rep_target_file(const dc_result *r, const dc_result_target *x);
/* Significant digits for a margin shown beside a value and a bound (all
 * in the display unit): the margin ends at the digit they end at, so that
 * "margin 0.0041 pp" stands beside "24.6941 %" (at least 1; 0: the
 * formatter's default, when nothing to align with). */
int dc_rep_margin_digits(double margin, double value, double bound);
size_t dc_rep_fmt_pct(char *buf, size_t size, double rel);
/* The display of target t's value column. */
void dc_rep_target_disp(const dc_result *r, int t, dc_display *d);
/* The years shown of r: its own clipped to o's. */
void dc_rep_shown_years(const dc_result *r, const dc_report_opts *o, int *a, int *b);
/* The display of the emissions metric (wedges, warnings); 0 if r has none. */
int dc_rep_emissions_disp(const dc_result *r, dc_display *d);

/* Escaping (JSON: stdlib/jsonw.h) */
void dc_rep_csv_field(FILE *f, const char *s);
void dc_rep_xml_text(FILE *f, const char *s);
void dc_rep_tap_text(FILE *f, const char *s);

/* The writers, one file each */
void dc_rep_write_text(FILE *f, dc_result *const *r, size_t n, const dc_report_opts *o);
/* 0, or -1 when out of memory or on a write error */
int dc_rep_write_json(FILE *f, dc_result *const *r, size_t n, const dc_report_opts *o);
int dc_rep_write_jsonl(FILE *f, dc_result *const *r, size_t n, const dc_report_opts *o);
void dc_rep_write_csv(FILE *f, dc_result *const *r, size_t n, const dc_report_opts *o);
void dc_rep_write_csv_targets(FILE *f, dc_result *const *r, size_t n, const dc_report_opts *o);
void dc_rep_write_tap(FILE *f, dc_result *const *r, size_t n, const dc_report_opts *o);
void dc_rep_write_junit(FILE *f, dc_result *const *r, size_t n, const dc_report_opts *o);
void dc_rep_write_github(FILE *f, dc_result *const *r, size_t n, const dc_report_opts *o);
/* The text report's sparklines of r over years a..b (text_spark.c). */
void dc_rep_text_sparklines(FILE *f, const dc_result *r, int a, int b);
/* 0, or -1 (errno ENOMEM) when out of memory: nothing written then */
int dc_rep_write_html(FILE *f, dc_result *const *r, size_t n, const dc_report_opts *o);

#endif
