/* chart.h — the chart core: SVG charts and terminal plots from plain arrays.
 * Knows nothing of Lua, plans or results: a caller fills a dc_chart and gets
 * bytes. Deterministic (no locale, no clock, no hash order): the same input
 * gives the same bytes. See docs/charts.md. */
#ifndef DC_CHART_H
#define DC_CHART_H

#include <stddef.h>

/* ---- growable output buffer --------------------------------------------- */

/* Bytes written by the chart functions; always NUL-terminated once anything
 * was written. After an allocation failure `failed` is set, later appends are
 * ignored, and the writer returns DC_CHART_ENOMEM. Zero-initialise to start;
 * set `max` to cap the output (a page of charts for a report, or a test). */
typedef struct dc_chart_buf {
  char *data;
  size_t len, cap;
  size_t max; /* 0, or the most bytes the buffer may hold: beyond, `failed` */
  int failed;
} dc_chart_buf;

void dc_chart_buf_free(dc_chart_buf *b);
void dc_chart_buf_add(dc_chart_buf *b, const char *s, size_t n);
void dc_chart_buf_puts(dc_chart_buf *b, const char *s);
/* printf-style append; the format is the caller's, never user text */
void dc_chart_buf_printf(dc_chart_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Appends s as XML character data / attribute text: & < > " ' escaped,
 * invalid UTF-8 (bad bytes, overlong forms, surrogates), U+FFFE/U+FFFF and
 * control characters (C0 but for tab/newline, which become spaces; DEL; C1)
 * replaced by U+FFFD. NULL appends nothing. */
void dc_chart_buf_xml(dc_chart_buf *b, const char *s);

/* Copies s into out (size >= 4) whole code points at a time while its
 * estimated width stays within max_px, ending in "…" when it had to cut; the
 * result is at most size-1 bytes. Returns 1 if s was cut. */
int dc_chart_fit_text(char *out, size_t size, const char *s, double max_px, double font_px);

/* ---- errors ------------------------------------------------------------- */

enum {
  DC_CHART_OK = 0,
  DC_CHART_ENOMEM = 1, /* an allocation failed */
  DC_CHART_EINVAL = 2  /* the input breaks a rule below; see dc_chart_strerror */
};
const char *dc_chart_strerror(int code);

/* ---- axis helpers (exported so tests and callers share the rules) ------- */

/* Nice ticks: steps of 1, 2 or 5 times a power of ten. */
typedef struct dc_chart_ticks {
  double first; /* first tick (a multiple of step) */
  double step;
  int n;        /* ticks: first + i*step, i = 0..n-1; first <= lo, last >= hi (within 1e-6 step) */
  int decimals; /* digits after the point that print every tick exactly */
  /* exact form: tick i = (k0 + i) * mant * 10^exp10 */
  long long k0;
  int mant, exp10;
} dc_chart_ticks;

/* Ticks covering [lo, hi] with at most max_ticks ticks (>= 3; smaller is
 * taken as 3, as a range across zero needs three), the finest 1-2-5 step
 * that fits. lo == hi gets a one-step range around the value; lo > hi are
 * swapped; non-finite bounds give the ticks of [0, 1]. */
dc_chart_ticks dc_chart_nice_ticks(double lo, double hi, int max_ticks);

/* The i-th tick value, computed from integers so that 0.1*3 prints "0.3". */
double dc_chart_tick_value(const dc_chart_ticks *t, int i);

/* SI prefix for an axis whose largest magnitude is maxabs: the power p
 * (a multiple of 3, -9..18) with 1 <= maxabs/10^p < 1000, clamped; 0 for
 * maxabs 0 or non-finite. *label gets "n", "µ", "m", "", "k", "M", "G", "T",
 * "P" or "E"; the caller writes label + unit ("M" + "tCO2e" = "MtCO2e"). */
int dc_chart_prefix(double maxabs, const char **label);

/* Formats v with `decimals` digits after the point and a comma between
 * thousands ("12,500", "-0.25"); never "-0", never "nan"/"inf" (those give
 * "—"). Returns the length (as snprintf). */
size_t dc_chart_fmt_tick(char *buf, size_t size, double v, int decimals);

/* Estimated rendered width of UTF-8 text in the chart font, in px:
 * 0.6 em per narrow character, 1 em per wide one (CJK, Hangul, kana, full-width
 * forms). Used to keep tick labels and legend entries from overlapping. */
double dc_chart_text_width(const char *s, double font_px);

/* ---- SVG chart ---------------------------------------------------------- */

typedef enum { DC_CHART_LINE = 0, DC_CHART_STACKED = 1 } dc_chart_kind;
typedef enum { DC_CHART_NONE = 0, DC_CHART_MET = 1, DC_CHART_MISSED = 2 } dc_chart_status;

typedef struct dc_chart_series {
  const char *name;     /* legend text (UTF-8) */
  const double *values; /* n_years values in the chart's unit; NaN = missing */
  int dashed;           /* draw a line series dashed (e.g. BAU) */
  int overlay;          /* on a stacked chart: a line over the areas, not stacked (BAU) */
  int neutral;          /* grey instead of the next palette colour (the plan under wedges) */
} dc_chart_series;

/* A target bound: a horizontal rule at `value` from year `from` to year `to`
 * (both the due year for a bound that applies once); drawn dashed, labelled. */
typedef struct dc_chart_bound {
  const char *label; /* e.g. "at most 1.2 Mt by 2030"; NULL for none */
  double value;
  int from, to;
} dc_chart_bound;

/* A marked point, e.g. a target judged in a year. MET draws a circle, MISSED
 * a cross, NONE a diamond; a label (NULL for none) is written beside it, and
 * the legend names the shapes, so the verdict never rests on colour alone. */
typedef struct dc_chart_mark {
  int year;
  double value;
  dc_chart_status status;
  const char *label;
} dc_chart_mark;

/* A band of uncertainty around a line series (a Monte Carlo's 5-95 % or
 * 25-75 % range): a filled area from lo to hi in the series' colour, drawn
 * under the lines; a year where lo or hi is NaN has none. */
typedef struct dc_chart_band {
  const char *name;          /* e.g. "plan, 5-95 %" (data-name, and a <title>) */
  const double *lo, *hi;     /* n_years values in the chart's unit */
  int series;                /* the line series whose colour it takes */
  int inner;                 /* 1: the inner band (drawn darker) */
} dc_chart_band;

typedef struct dc_chart {
  const char *title;     /* NULL for none */
  const char *unit;      /* unit label of the values, e.g. "tCO2e/yr"; NULL or "" for none */
  int unit_prefix;       /* 1: the axis may scale by 10^3k and write the prefix before unit */
  const char *id;        /* id prefix, [A-Za-z0-9_-], for several charts in one page; NULL: "chart" */
  const int *years;      /* n_years strictly increasing years */
  int n_years;           /* 1..10000 */
  const dc_chart_series *series;
  int n_series;          /* 0..1000 */
  dc_chart_kind kind;    /* lines, or areas stacked from zero (negatives stack downwards);
                            the wedge chart: the plan as a neutral first area, the measures'
                            abatements stacked on it, BAU as an overlay line on top */
  const dc_chart_bound *bounds;
  int n_bounds;
  const dc_chart_mark *marks;
  int n_marks;
  int width, height;     /* px of the plot's box without the legend; 0: 720 × 360 */
  int standalone;        /* 1: an SVG 1.1 document with <?xml?>; 0: an <svg> for HTML */
  const dc_chart_band *bands; /* <polygon class="band" data-name data-years data-lo data-hi> */
  int n_bands;
} dc_chart;

/* What a reader of the SVG finds (docs/charts.md): <svg class="dc-chart"
 * id=ID data-kind="line|stacked">; per line series <g class="series"
 * data-series=I data-name=NAME> holding one <polyline class="line"> per run of
 * present values (a lone value: <circle class="dot">), each with data-years
 * and data-values (15 significant digits) of its points; per area series a
 * <polygon class="area" data-series data-name data-years data-values>, "-"
 * for a missing value; <g class="bound" data-from data-to data-value>;
 * <g class="mark met|missed|judged" data-year data-status data-value>; text
 * classes title, unit, x-tick, y-tick, legend-label, bound-label, mark-label
 * (and halo, a white outline behind the last two).
 *
 * Appends the chart to out. Returns DC_CHART_OK, DC_CHART_ENOMEM or
 * DC_CHART_EINVAL (out unchanged in length then). Values that are not finite,
 * or beyond ±1e300, count as missing: a line breaks there, an area counts 0. */
int dc_chart_svg(const dc_chart *c, dc_chart_buf *out);

/* ---- terminal plots (chart_term.c) -------------------------------------- */

/* One line of block characters ▁▂▃▄▅▆▇█, one per value, or per group of
 * values (their mean) when n exceeds width; a missing value is a space; a
 * flat series is all ▄. No newline. */
int dc_chart_sparkline(dc_chart_buf *out, const double *v, int n, int width);

/* A braille line plot `width` columns wide (24..500) and `rows` text rows
 * high (2..40; 0: 8): `unit` on a line above (control characters as "?"),
 * 1-2-5 y ticks on the left in the SVG axes' number format (the range of the
 * data, zero not forced in, no prefix), first/middle/last year below; every
 * line ends in "\n". Missing values break the line. */
int dc_chart_term_plot(dc_chart_buf *out, const int *years, const double *v, int n,
                       const char *unit, int width, int rows);

/* Columns of the terminal on fd (TIOCGWINSZ), else $COLUMNS when it is a
 * number from 24 to 500, else 80. */
int dc_chart_term_width(int fd);

#endif
