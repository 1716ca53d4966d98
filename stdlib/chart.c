/* chart.c — SVG 1.1 charts from plain arrays (see chart.h, docs/charts.md):
 * lines or stacked areas over years, target bounds, marked verdicts, a
 * wrapping legend. Lays out, then writes; every number goes through one of
 * three fixed formatters, so the same input gives the same bytes. */
#include "chart.h"
#include "fmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Okabe & Ito, "Color Universal Design" (2008): eight colours told apart
 * under the common colour-vision deficiencies. Ordered for contrast on white;
 * yellow last but one, as it is faint on paper. */
static const char *const PALETTE[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                      "#E69F00", "#56B4E9", "#F0E442", "#000000"};
#define NPAL 8
/* beyond eight series the colours repeat with another dash (lines) or a
 * lighter fill (areas) */
static const char *const DASHES[] = {"", "7 3", "2 2", "9 3 2 3"};
static const char *const OPACITY[] = {"0.85", "0.55", "0.35", "0.2"};
#define MET_COLOUR "#009E73"
#define MISSED_COLOUR "#D55E00"
#define FONTS                                                                              \
  "'Noto Sans','DejaVu Sans',Arial,'Noto Sans CJK SC','Source Han Sans SC','PingFang SC'," \
  "'Hiragino Sans GB','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif"

#define FONT 12.0   /* tick labels, legend */
#define TITLE 15.0  /* title */
#define SMALL 11.0  /* bound and mark labels (put_label writes it as "11") */
#define LEGEND_ROW 20.0

/* ====================================================================== */
/* number output                                                           */
/* ====================================================================== */

/* A coordinate, rounded to 0.1 px, from integers: "12.3", "-4", "0". */
static void put_coord(dc_chart_buf *b, double v) {
  long long t = llround(v * 10);
  const char *sign = t < 0 ? "-" : "";
  if (t < 0) t = -t;
  if (t % 10) dc_chart_buf_printf(b, "%s%lld.%lld", sign, t / 10, t % 10);
  else dc_chart_buf_printf(b, "%s%lld", t ? sign : "", t / 10);
}

static void put_xy(dc_chart_buf *b, double x, double y) {
  put_coord(b, x);
  dc_chart_buf_puts(b, ",");
  put_coord(b, y);
}

static int ok_value(double v) { return isfinite(v) && fabs(v) <= 1e300; }

/* A data value for data- attributes: 15 significant digits, "-" if missing. */
static void put_value(dc_chart_buf *b, double v) {
  char num[64];
  if (!ok_value(v)) {
    dc_chart_buf_puts(b, "-");
    return;
  }
  dc_fmt_number(num, sizeof num, v, 15);
  dc_chart_buf_puts(b, num);
}

static void put_attr(dc_chart_buf *b, const char *name, const char *text) {
  dc_chart_buf_printf(b, " %s=\"", name);
  dc_chart_buf_xml(b, text);
  dc_chart_buf_puts(b, "\"");
}

/* ====================================================================== */
/* layout                                                                  */
/* ====================================================================== */

typedef struct layout {
  double w, h, total_h;         /* plot box; with the legend */
  double x0, x1, y0, y1;        /* plot area, y0 on top */
  double scale;                 /* values are divided by this (10^prefix) */
  const char *prefix;
  dc_chart_ticks yt;
  double d0, d1;                /* y domain (scaled) */
  int ystep;                    /* year tick step */
  double *lo, *hi;              /* stacked: per series and year, n_series*n_years */
  int legend_rows;
} layout;

static double val(const dc_chart *c, int s, int i) {
  double v = c->series[s].values ? c->series[s].values[i] : NAN;
  return ok_value(v) ? v : NAN;
}

/* How series s is drawn: as a line or an area, its colour, dash, opacity.
 * Neutral series are grey and take no palette colour from the others. */
typedef struct style {
  int line;
  const char *colour, *dash, *opacity;
} style;

static int is_line(const dc_chart *c, int s) { return c->kind == DC_CHART_LINE || c->series[s].overlay; }

static style series_style(const dc_chart *c, int s) {
  const dc_chart_series *se = &c->series[s];
  int k = 0;
  for (int i = 0; i < s; i++) k += !c->series[i].neutral;
  style st = {is_line(c, s), PALETTE[k % NPAL], DASHES[(k / NPAL) % 4], OPACITY[(k / NPAL) % 4]};
  if (se->neutral) st.colour = "#999999", st.dash = "", st.opacity = "0.35";
  if (se->dashed && !st.dash[0]) st.dash = "7 4";
  return st;
}

static int check_input(const dc_chart *c) {
  if (c->n_years < 1 || c->n_years > 10000 || !c->years) return 0;
  if (c->n_series < 0 || c->n_series > 1000 || (c->n_series && !c->series)) return 0;
  if (c->n_bounds < 0 || (c->n_bounds && !c->bounds)) return 0;
  if (c->n_marks < 0 || (c->n_marks && !c->marks)) return 0;
  if (c->n_bands < 0 || c->n_bands > 1000 || (c->n_bands && !c->bands)) return 0;
  for (int k = 0; k < c->n_bands; k++)
    if (!c->bands[k].lo || !c->bands[k].hi || c->bands[k].series < 0 || c->bands[k].series >= c->n_series) return 0;
  for (int i = 1; i < c->n_years; i++)
    if (c->years[i] <= c->years[i - 1]) return 0;
  if (c->id)
    for (const char *p = c->id; *p; p++)
      if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", *p)) return 0;
  if (c->width < 0 || c->height < 0 || c->width > 20000 || c->height > 20000) return 0;
  return 1;
}

/* Stacked areas: lo/hi of each series, positives upwards from 0, negatives
 * downwards (a missing value adds nothing). A zero stays on the side of its
 * series' sum, so removals that start at 0 do not jump to the positive top. */
static int stack(const dc_chart *c, layout *L) {
  size_t n = (size_t)c->n_series * (size_t)c->n_years;
  L->lo = calloc(n ? n : 1, sizeof *L->lo);
  L->hi = calloc(n ? n : 1, sizeof *L->hi);
  char *up = calloc((size_t)c->n_series + 1, 1); /* the side of each series' zeros */
  if (!L->lo || !L->hi || !up) {
    free(up);
    return 0;
  }
  for (int s = 0; s < c->n_series; s++) {
    double sum = 0;
    for (int i = 0; i < c->n_years; i++) sum += isnan(val(c, s, i)) ? 0 : val(c, s, i);
    up[s] = sum >= 0;
  }
  for (int i = 0; i < c->n_years; i++) {
    double pos = 0, neg = 0;
    for (int s = 0; s < c->n_series; s++) {
      double v = c->series[s].overlay ? 0 : val(c, s, i); /* an overlay adds nothing */
      size_t k = (size_t)s * (size_t)c->n_years + (size_t)i;
      if (isnan(v)) v = 0;
      double *base = v > 0 || (v == 0 && up[s]) ? &pos : &neg;
      L->lo[k] = *base;
      L->hi[k] = *base + v;
      *base += v;
    }
  }
  free(up);
  return 1;
}

/* Smallest and largest value drawn, 0 included. */
static void y_extent(const dc_chart *c, const layout *L, double *mn, double *mx) {
  *mn = *mx = 0;
  size_t n = (size_t)c->n_series * (size_t)c->n_years;
  for (size_t k = 0; c->kind == DC_CHART_STACKED && k < n; k++) {
    *mn = fmin(*mn, L->hi[k]);
    *mx = fmax(*mx, L->hi[k]);
  }
  for (int s = 0; s < c->n_series; s++)
    for (int i = 0; is_line(c, s) && i < c->n_years; i++) {
      double v = val(c, s, i);
      if (!isnan(v)) *mn = fmin(*mn, v), *mx = fmax(*mx, v);
    }
  for (int k = 0; k < c->n_bands; k++)
    for (int i = 0; i < c->n_years; i++)
      if (!isnan(c->bands[k].lo[i]) && !isnan(c->bands[k].hi[i]))
        *mn = fmin(*mn, c->bands[k].lo[i]), *mx = fmax(*mx, c->bands[k].hi[i]);
  for (int b = 0; b < c->n_bounds; b++)
    if (ok_value(c->bounds[b].value))
      *mn = fmin(*mn, c->bounds[b].value), *mx = fmax(*mx, c->bounds[b].value);
  for (int m = 0; m < c->n_marks; m++)
    if (ok_value(c->marks[m].value))
      *mn = fmin(*mn, c->marks[m].value), *mx = fmax(*mx, c->marks[m].value);
}

static double tick_label_width(const dc_chart_ticks *t) {
  double w = 0;
  char lab[600];
  for (int i = 0; i < t->n; i++) {
    dc_chart_fmt_tick(lab, sizeof lab, dc_chart_tick_value(t, i), t->decimals);
    w = fmax(w, dc_chart_text_width(lab, FONT));
  }
  return w;
}

static double xmap(const dc_chart *c, const layout *L, double year) {
  int n = c->n_years;
  if (n == 1) return (L->x0 + L->x1) / 2;
  return L->x0 + (year - c->years[0]) / (double)(c->years[n - 1] - c->years[0]) * (L->x1 - L->x0);
}

static double ymap(const layout *L, double v) {
  return L->y1 - (v / L->scale - L->d0) / (L->d1 - L->d0) * (L->y1 - L->y0);
}

/* The year step: the smallest of 1, 2, 5, 10, 20, 25, 50, 100, ... whose
 * labels ("2050") are a label and a gap apart. */
static int year_step(const dc_chart *c, const layout *L) {
  static const int steps[] = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000};
  int n = c->n_years;
  if (n == 1) return 1;
  double span = c->years[n - 1] - c->years[0];
  double px_per_year = (L->x1 - L->x0) / span;
  double need = dc_chart_text_width("-0000", FONT) + 10;
  for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
    if (steps[i] * px_per_year >= need) return steps[i];
  return 20000;
}

/* Legend entries in drawing order: series, then bound, met, missed, other. */
typedef struct entry {
  const char *text; /* the caller's, or fit[] when cut to the width */
  int kind;         /* 0 series, 1 bound, 2.. mark statuses + 2 */
  int index;
  char fit[160];
} entry;

/* the legend's entries; a name wider than the legend is cut with "…" */
static int legend_entries(const dc_chart *c, double width, entry *e) {
  int n = 0, has[3] = {0, 0, 0};
  for (int s = 0; s < c->n_series; s++) {
    e[n] = (entry){c->series[s].name ? c->series[s].name : "", 0, s, ""};
    if (dc_chart_fit_text(e[n].fit, sizeof e[n].fit, e[n].text, width - 16 - 42, FONT)) e[n].text = e[n].fit;
    n++;
  }
  if (c->n_bounds) e[n++] = (entry){"target bound", 1, 0, ""};
  for (int m = 0; m < c->n_marks; m++)
    if (c->marks[m].status >= DC_CHART_NONE && c->marks[m].status <= DC_CHART_MISSED)
      has[c->marks[m].status] = 1;
  if (has[DC_CHART_MET]) e[n++] = (entry){"met", 2 + DC_CHART_MET, 0, ""};
  if (has[DC_CHART_MISSED]) e[n++] = (entry){"missed", 2 + DC_CHART_MISSED, 0, ""};
  if (has[DC_CHART_NONE]) e[n++] = (entry){"judged", 2 + DC_CHART_NONE, 0, ""};
  return n;
}

static double entry_width(const entry *e) {
  return 24 + dc_chart_text_width(e->text, FONT) + 18;
}

static int legend_rows(const dc_chart *c, const layout *L, const entry *e, int n) {
  int rows = n ? 1 : 0;
  double x = 0, avail = L->w - 16;
  for (int i = 0; i < n; i++) {
    double w = entry_width(&e[i]);
    if (x > 0 && x + w > avail) rows++, x = 0;
    x += w;
  }
  (void)c;
  return rows;
}

static int lay_out(const dc_chart *c, layout *L, const entry *e, int ne) {
  if (c->kind == DC_CHART_STACKED && !stack(c, L)) return 0;
  double mn, mx;
  y_extent(c, L, &mn, &mx);
  int p = c->unit_prefix ? dc_chart_prefix(fmax(fabs(mn), fabs(mx)), &L->prefix) : 0;
  if (!c->unit_prefix) L->prefix = "";
  L->scale = pow(10, p);
  L->y0 = (c->title ? 30 : 8) + 26; /* the title, then the unit above the axis */
  L->y1 = L->h - 30;
  if (L->y1 - L->y0 < 40) L->y1 = L->y0 + 40, L->h = L->y1 + 30; /* the smallest plot: 40 px */
  int max_ticks = (int)((L->y1 - L->y0) / (2.4 * FONT)) + 1;
  if (max_ticks > 11) max_ticks = 11;
  L->yt = dc_chart_nice_ticks(mn / L->scale, mx / L->scale, max_ticks);
  L->d0 = L->yt.first;
  L->d1 = dc_chart_tick_value(&L->yt, L->yt.n - 1);
  L->x0 = fmax(tick_label_width(&L->yt) + 14, 30);
  L->x1 = L->w - 24;
  if (L->x1 - L->x0 < 40) L->x1 = L->x0 + 40, L->w = L->x1 + 24;
  L->ystep = year_step(c, L);
  L->legend_rows = legend_rows(c, L, e, ne);
  L->total_h = L->h + L->legend_rows * LEGEND_ROW + (L->legend_rows ? 8 : 0);
  return 1;
}

/* ====================================================================== */
/* writing                                                                 */
/* ====================================================================== */

static void put_header(const dc_chart *c, const layout *L, dc_chart_buf *b) {
  if (c->standalone) dc_chart_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  dc_chart_buf_puts(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  put_attr(b, "id", c->id ? c->id : "chart");
  dc_chart_buf_puts(b, " class=\"dc-chart\" width=\"");
  put_coord(b, L->w);
  dc_chart_buf_puts(b, "\" height=\"");
  put_coord(b, L->total_h);
  dc_chart_buf_puts(b, "\" viewBox=\"0 0 ");
  put_coord(b, L->w);
  dc_chart_buf_puts(b, " ");
  put_coord(b, L->total_h);
  dc_chart_buf_printf(b, "\" font-family=\"%s\" font-size=\"%g\" data-kind=\"%s\">\n", FONTS, FONT,
                      c->kind == DC_CHART_STACKED ? "stacked" : "line");
  dc_chart_buf_puts(b, "<title>");
  dc_chart_buf_xml(b, c->title ? c->title : "chart");
  dc_chart_buf_puts(b, "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
}

/* <text class="CLS" x y text-anchor EXTRA>; extra is the caller's attributes */
static void put_text_attrs(dc_chart_buf *b, const char *cls, double x, double y, const char *anchor,
                           const char *extra, const char *text) {
  dc_chart_buf_printf(b, "<text class=\"%s\" x=\"", cls);
  put_coord(b, x);
  dc_chart_buf_puts(b, "\" y=\"");
  put_coord(b, y);
  dc_chart_buf_printf(b, "\" text-anchor=\"%s\"%s>", anchor, extra);
  dc_chart_buf_xml(b, text);
  dc_chart_buf_puts(b, "</text>\n");
}

static void put_text(dc_chart_buf *b, const char *cls, double x, double y, const char *anchor,
                     const char *text) {
  put_text_attrs(b, cls, x, y, anchor, "", text);
}

/* A label over the data: a white outline first, so that lines crossing it do
 * not hide it (SVG 1.1 has no paint-order), then the text. */
static void put_label(dc_chart_buf *b, const char *cls, double x, double y, const char *anchor,
                      const char *text) {
  put_text_attrs(b, "halo", x, y, anchor,
                 " font-size=\"11\" fill=\"#ffffff\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\"",
                 text);
  put_text_attrs(b, cls, x, y, anchor, " font-size=\"11\"", text);
}

static void put_hline(dc_chart_buf *b, const char *attrs, double xa, double xb, double y) {
  dc_chart_buf_puts(b, "<line x1=\"");
  put_coord(b, xa);
  dc_chart_buf_puts(b, "\" y1=\"");
  put_coord(b, y);
  dc_chart_buf_puts(b, "\" x2=\"");
  put_coord(b, xb);
  dc_chart_buf_puts(b, "\" y2=\"");
  put_coord(b, y);
  dc_chart_buf_printf(b, "\" %s/>\n", attrs);
}

static void put_vline(dc_chart_buf *b, const char *attrs, double x, double ya, double yb) {
  dc_chart_buf_puts(b, "<line x1=\"");
  put_coord(b, x);
  dc_chart_buf_puts(b, "\" y1=\"");
  put_coord(b, ya);
  dc_chart_buf_puts(b, "\" x2=\"");
  put_coord(b, x);
  dc_chart_buf_puts(b, "\" y2=\"");
  put_coord(b, yb);
  dc_chart_buf_printf(b, "\" %s/>\n", attrs);
}

/* Grid, zero line, y ticks and the unit above the axis. */
static void put_y_axis(const dc_chart *c, const layout *L, dc_chart_buf *b) {
  char lab[600];
  dc_chart_buf_puts(b, "<g class=\"y-axis\">\n");
  for (int i = 0; i < L->yt.n; i++) {
    double v = dc_chart_tick_value(&L->yt, i), y = ymap(L, v * L->scale);
    int zero = fabs(v) < L->yt.step * 1e-6;
    put_hline(b, zero ? "stroke=\"#444444\" stroke-width=\"1\" class=\"zero\""
                      : "stroke=\"#e3e3e3\" stroke-width=\"1\"",
              L->x0, L->x1, y);
    dc_chart_fmt_tick(lab, sizeof lab, v, L->yt.decimals);
    put_text(b, "tick y-tick", L->x0 - 6, y + FONT * 0.35, "end", lab);
  }
  char unit[400];
  snprintf(unit, sizeof unit, "%s%s", L->prefix, c->unit ? c->unit : "");
  if (unit[0]) put_text(b, "unit", 8, L->y0 - 12, "start", unit);
  dc_chart_buf_puts(b, "</g>\n");
}

static void put_x_axis(const dc_chart *c, const layout *L, dc_chart_buf *b) {
  char lab[32];
  int n = c->n_years, y0 = c->years[0], yn = c->years[n - 1], step = L->ystep;
  dc_chart_buf_puts(b, "<g class=\"x-axis\">\n");
  put_hline(b, "stroke=\"#444444\" stroke-width=\"1\"", L->x0, L->x1, L->y1);
  /* multiples of the step; with none, the first year */
  int first = y0 % step == 0 ? y0 : y0 + (step - ((y0 % step) + step) % step);
  if (first > yn) first = y0;
  for (long y = first; y <= yn; y += step) {
    double x = xmap(c, L, (double)y);
    put_vline(b, "stroke=\"#444444\" stroke-width=\"1\"", x, L->y1, L->y1 + 4);
    snprintf(lab, sizeof lab, "%ld", y);
    put_text(b, "tick x-tick", x, L->y1 + 6 + FONT, "middle", lab);
  }
  dc_chart_buf_puts(b, "</g>\n");
}

static void put_data_attrs(const dc_chart *c, dc_chart_buf *b, const double *v, int from, int to) {
  dc_chart_buf_puts(b, " data-years=\"");
  for (int i = from; i < to; i++) dc_chart_buf_printf(b, i > from ? " %d" : "%d", c->years[i]);
  dc_chart_buf_puts(b, "\" data-values=\"");
  for (int i = from; i < to; i++) {
    if (i > from) dc_chart_buf_puts(b, " ");
    put_value(b, v ? v[i] : NAN);
  }
  dc_chart_buf_puts(b, "\"");
}

/* A polygon's points for years i..j-1: the hi edge left to right, the lo
 * edge back; a single year becomes a bar 40 px wide. */
static void put_edges(const dc_chart *c, const layout *L, dc_chart_buf *b, const double *lo, const double *hi, int i,
                      int j) {
  if (j - i == 1) {
    double x = xmap(c, L, c->years[i]);
    put_xy(b, x - 20, ymap(L, hi[i]));
    dc_chart_buf_puts(b, " ");
    put_xy(b, x + 20, ymap(L, hi[i]));
    dc_chart_buf_puts(b, " ");
    put_xy(b, x + 20, ymap(L, lo[i]));
    dc_chart_buf_puts(b, " ");
    put_xy(b, x - 20, ymap(L, lo[i]));
    return;
  }
  for (int y = i; y < j; y++) {
    if (y > i) dc_chart_buf_puts(b, " ");
    put_xy(b, xmap(c, L, c->years[y]), ymap(L, hi[y]));
  }
  for (int y = j - 1; y >= i; y--) {
    dc_chart_buf_puts(b, " ");
    put_xy(b, xmap(c, L, c->years[y]), ymap(L, lo[y]));
  }
}

/* A band: one polygon per run of years with both edges, hi left to right
 * and lo back, in its series' colour (a lone year: a bar 40 px wide). */
static void put_band(const dc_chart *c, const layout *L, dc_chart_buf *b, int k) {
  const dc_chart_band *bd = &c->bands[k];
  style st = series_style(c, bd->series);
  for (int i = 0; i < c->n_years;) {
    if (isnan(bd->lo[i]) || isnan(bd->hi[i])) {
      i++;
      continue;
    }
    int j = i;
    while (j < c->n_years && !isnan(bd->lo[j]) && !isnan(bd->hi[j])) j++;
    dc_chart_buf_printf(b, "<polygon class=\"band\" data-series=\"%d\" fill=\"%s\" fill-opacity=\"%s\" stroke=\"none\"",
                        bd->series, st.colour, bd->inner ? "0.3" : "0.15");
    put_attr(b, "data-name", bd->name ? bd->name : "");
    put_data_attrs(c, b, bd->lo, i, j); /* data-years, and data-values: the low edge */
    dc_chart_buf_puts(b, " data-hi=\"");
    for (int y = i; y < j; y++) {
      if (y > i) dc_chart_buf_puts(b, " ");
      put_value(b, bd->hi[y]);
    }
    dc_chart_buf_puts(b, "\" points=\"");
    put_edges(c, L, b, bd->lo, bd->hi, i, j);
    dc_chart_buf_puts(b, "\"><title>");
    dc_chart_buf_xml(b, bd->name ? bd->name : "");
    dc_chart_buf_puts(b, "</title></polygon>\n");
    i = j;
  }
}

/* One polyline per run of present values; a lone value is a dot. */
static void put_line_series(const dc_chart *c, const layout *L, dc_chart_buf *b, int s) {
  const dc_chart_series *se = &c->series[s];
  style st = series_style(c, s);
  const char *colour = st.colour, *dash = st.dash;
  dc_chart_buf_printf(b, "<g class=\"series\" data-series=\"%d\"", s);
  put_attr(b, "data-name", se->name ? se->name : "");
  dc_chart_buf_puts(b, ">\n"); /* the data sit on each run: a missing year is in none */
  for (int i = 0; i < c->n_years;) {
    if (isnan(val(c, s, i))) {
      i++;
      continue;
    }
    int j = i;
    while (j < c->n_years && !isnan(val(c, s, j))) j++;
    if (j - i == 1) {
      dc_chart_buf_printf(b, "<circle class=\"dot\" r=\"3\" fill=\"%s\" cx=\"", colour);
      put_coord(b, xmap(c, L, c->years[i]));
      dc_chart_buf_puts(b, "\" cy=\"");
      put_coord(b, ymap(L, val(c, s, i)));
      dc_chart_buf_puts(b, "\"");
    } else {
      dc_chart_buf_printf(b, "<polyline class=\"line\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                             "stroke-linejoin=\"round\"", colour);
      if (dash[0]) dc_chart_buf_printf(b, " stroke-dasharray=\"%s\"", dash);
      dc_chart_buf_puts(b, " points=\"");
      for (int k = i; k < j; k++) {
        if (k > i) dc_chart_buf_puts(b, " ");
        put_xy(b, xmap(c, L, c->years[k]), ymap(L, val(c, s, k)));
      }
      dc_chart_buf_puts(b, "\"");
    }
    put_data_attrs(c, b, se->values, i, j);
    dc_chart_buf_puts(b, "/>\n");
    i = j;
  }
  dc_chart_buf_puts(b, "</g>\n");
}

/* A polygon: the top edge left to right, the bottom edge back. One year
 * becomes a bar 40 px wide. */
static void put_area_series(const dc_chart *c, const layout *L, dc_chart_buf *b, int s) {
  const dc_chart_series *se = &c->series[s];
  const double *lo = L->lo + (size_t)s * (size_t)c->n_years, *hi = L->hi + (size_t)s * (size_t)c->n_years;
  int n = c->n_years;
  style st = series_style(c, s);
  dc_chart_buf_printf(b, "<polygon class=\"area\" data-series=\"%d\" fill=\"%s\" fill-opacity=\"%s\" "
                         "stroke=\"#ffffff\" stroke-width=\"0.5\"",
                      s, st.colour, st.opacity);
  put_attr(b, "data-name", se->name ? se->name : "");
  put_data_attrs(c, b, se->values, 0, n);
  dc_chart_buf_puts(b, " points=\"");
  put_edges(c, L, b, lo, hi, 0, n);
  dc_chart_buf_puts(b, "\"/>\n");
}

static double clamp_x(const dc_chart *c, const layout *L, int year) {
  int y = year < c->years[0] ? c->years[0] : year > c->years[c->n_years - 1] ? c->years[c->n_years - 1] : year;
  return xmap(c, L, y);
}

/* Is the mark nearest to bound bd, among those in its years, drawn above it? */
static int mark_above(const dc_chart *c, const layout *L, const dc_chart_bound *bd) {
  int a = bd->from < bd->to ? bd->from : bd->to, z = bd->from < bd->to ? bd->to : bd->from, above = 0;
  double best = INFINITY, by = ymap(L, bd->value);
  for (int k = 0; k < c->n_marks; k++) {
    const dc_chart_mark *m = &c->marks[k];
    if (!ok_value(m->value) || m->year < a || m->year > z) continue;
    double y = ymap(L, m->value);
    if (fabs(by - y) < best) best = fabs(by - y), above = y < by;
  }
  return above;
}

static void put_bounds(const dc_chart *c, const layout *L, dc_chart_buf *b) {
  for (int k = 0; k < c->n_bounds; k++) {
    const dc_chart_bound *bd = &c->bounds[k];
    if (!ok_value(bd->value)) continue;
    double xa = clamp_x(c, L, bd->from), xb = clamp_x(c, L, bd->to), y = ymap(L, bd->value);
    if (xb < xa) {
      double t = xa;
      xa = xb, xb = t;
    }
    if (xb - xa < 40) { /* a bound due once: a 40 px rule about its year, inside the plot */
      double mid = fmin(fmax((xa + xb) / 2, L->x0 + 20), L->x1 - 20);
      xa = mid - 20, xb = mid + 20;
    }
    dc_chart_buf_printf(b, "<g class=\"bound\" data-from=\"%d\" data-to=\"%d\" data-value=\"", bd->from, bd->to);
    put_value(b, bd->value);
    dc_chart_buf_puts(b, "\">\n");
    put_hline(b, "stroke=\"#000000\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"", xa, xb, y);
    if (bd->label) {
      char lab[400];
      dc_chart_fit_text(lab, sizeof lab, bd->label, L->x1 - L->x0, SMALL);
      double w = dc_chart_text_width(lab, SMALL);
      int right = w <= xb - L->x0; /* end at the rule's end, or start at its start, or the plot's */
      if (!right && xa + w > L->x1) xa = L->x0;
      double ly = mark_above(c, L, bd) ? y + 5 + SMALL : y - 5; /* away from its verdict */
      put_label(b, "bound-label", right ? xb : xa, ly, right ? "end" : "start", lab);
    }
    dc_chart_buf_puts(b, "</g>\n");
  }
}

/* circle = met, cross = missed, diamond = judged without a verdict */
static void put_shape(dc_chart_buf *b, dc_chart_status st, double x, double y) {
  dc_chart_buf_puts(b, "<path d=\"M");
  if (st == DC_CHART_MET) {
    put_xy(b, x - 5, y);
    dc_chart_buf_puts(b, " a5,5 0 1,0 10,0 a5,5 0 1,0 -10,0\" fill=\"#ffffff\" stroke=\"" MET_COLOUR
                         "\" stroke-width=\"2.5\"/>\n");
  } else if (st == DC_CHART_MISSED) {
    put_xy(b, x - 5, y - 5);
    dc_chart_buf_puts(b, " l10,10 m0,-10 l-10,10\" fill=\"none\" stroke=\"" MISSED_COLOUR
                         "\" stroke-width=\"3\"/>\n");
  } else {
    put_xy(b, x, y - 6);
    dc_chart_buf_puts(b, " l6,6 l-6,6 l-6,-6 z\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"2\"/>\n");
  }
}

/* Is the mark drawn below the nearest bound that covers its year? */
static int below_bound(const dc_chart *c, const layout *L, const dc_chart_mark *m) {
  double best = INFINITY, y = ymap(L, m->value);
  int below = 0;
  for (int k = 0; k < c->n_bounds; k++) {
    const dc_chart_bound *bd = &c->bounds[k];
    int a = bd->from < bd->to ? bd->from : bd->to, z = bd->from < bd->to ? bd->to : bd->from;
    if (!ok_value(bd->value) || m->year < a || m->year > z) continue;
    double by = ymap(L, bd->value);
    if (fabs(by - y) < best) best = fabs(by - y), below = y > by;
  }
  return below;
}

static const char *status_name(dc_chart_status st) {
  return st == DC_CHART_MET ? "met" : st == DC_CHART_MISSED ? "missed" : "judged";
}

static void put_marks(const dc_chart *c, const layout *L, dc_chart_buf *b) {
  for (int k = 0; k < c->n_marks; k++) {
    const dc_chart_mark *m = &c->marks[k];
    if (!ok_value(m->value) || m->year < c->years[0] || m->year > c->years[c->n_years - 1]) continue;
    dc_chart_status st = m->status == DC_CHART_MET || m->status == DC_CHART_MISSED ? m->status : DC_CHART_NONE;
    double x = xmap(c, L, m->year), y = ymap(L, m->value);
    dc_chart_buf_printf(b, "<g class=\"mark %s\" data-year=\"%d\" data-status=\"%s\" data-value=\"",
                        status_name(st), m->year, status_name(st));
    put_value(b, m->value);
    dc_chart_buf_puts(b, "\">\n");
    put_shape(b, st, x, y);
    if (m->label) {
      char lab[400];
      dc_chart_fit_text(lab, sizeof lab, m->label, (L->x1 - L->x0) / 2, SMALL);
      int right = x + 9 + dc_chart_text_width(lab, SMALL) <= L->w - 2;
      /* away from the bound: above it above, below it below */
      double ly = below_bound(c, L, m) ? y + 8 + SMALL : y - 8;
      put_label(b, "mark-label", right ? x + 9 : x - 9, ly, right ? "start" : "end", lab);
    }
    dc_chart_buf_puts(b, "</g>\n");
  }
}

static void put_swatch(const dc_chart *c, dc_chart_buf *b, const entry *e, double x, double y) {
  style st = e->kind == 0 ? series_style(c, e->index) : (style){0, "", "", ""};
  if (e->kind == 0 && !st.line) {
    dc_chart_buf_puts(b, "<rect x=\"");
    put_coord(b, x);
    dc_chart_buf_puts(b, "\" y=\"");
    put_coord(b, y - 6);
    dc_chart_buf_printf(b, "\" width=\"18\" height=\"12\" fill=\"%s\" fill-opacity=\"%s\"/>\n", st.colour,
                        st.opacity);
  } else if (e->kind == 0) {
    const char *dash = st.dash;
    char attrs[160];
    snprintf(attrs, sizeof attrs, "stroke=\"%s\" stroke-width=\"2.5\"%s%s%s", st.colour,
             dash[0] ? " stroke-dasharray=\"" : "", dash, dash[0] ? "\"" : "");
    put_hline(b, attrs, x, x + 18, y);
  } else if (e->kind == 1) {
    put_hline(b, "stroke=\"#000000\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"", x, x + 18, y);
  } else {
    put_shape(b, (dc_chart_status)(e->kind - 2), x + 9, y);
  }
}

static void put_legend(const dc_chart *c, const layout *L, dc_chart_buf *b, const entry *e, int n) {
  if (!n) return;
  dc_chart_buf_puts(b, "<g class=\"legend\">\n");
  double x = 8, y = L->h + LEGEND_ROW / 2, avail = L->w - 16;
  for (int i = 0; i < n; i++) {
    double w = entry_width(&e[i]);
    if (x > 8 && x - 8 + w > avail) x = 8, y += LEGEND_ROW;
    put_swatch(c, b, &e[i], x, y);
    put_text(b, "legend-label", x + 24, y + FONT * 0.35, "start", e[i].text);
    x += w;
  }
  dc_chart_buf_puts(b, "</g>\n");
}

int dc_chart_svg(const dc_chart *c, dc_chart_buf *out) {
  if (!c || !check_input(c)) return DC_CHART_EINVAL;
  layout L;
  memset(&L, 0, sizeof L);
  L.w = c->width ? c->width : 720;
  L.h = c->height ? c->height : 360;
  entry *e = malloc(((size_t)c->n_series + 4) * sizeof *e);
  int rc = DC_CHART_ENOMEM;
  size_t start = out->len;
  if (!e) goto done;
  int ne = legend_entries(c, L.w, e);
  if (!lay_out(c, &L, e, ne)) goto done;
  put_header(c, &L, out);
  put_y_axis(c, &L, out);
  dc_chart_buf_puts(out, "<g class=\"data\">\n");
  for (int s = 0; s < c->n_series; s++) /* areas first, lines over them */
    if (!is_line(c, s)) put_area_series(c, &L, out, s);
  for (int k = 0; k < c->n_bands; k++) put_band(c, &L, out, k); /* under the lines */
  for (int s = 0; s < c->n_series; s++)
    if (is_line(c, s)) put_line_series(c, &L, out, s);
  dc_chart_buf_puts(out, "</g>\n");
  put_x_axis(c, &L, out);
  put_bounds(c, &L, out);
  put_marks(c, &L, out);
  if (c->title) { /* bold is wider: 1.1 em a narrow character */
    char title[400];
    dc_chart_fit_text(title, sizeof title, c->title, L.w - 16, TITLE * 1.1);
    dc_chart_buf_printf(out, "<text class=\"title\" x=\"8\" y=\"20\" font-size=\"%g\" font-weight=\"bold\">", TITLE);
    dc_chart_buf_xml(out, title);
    dc_chart_buf_puts(out, "</text>\n");
  }
  put_legend(c, &L, out, e, ne);
  dc_chart_buf_puts(out, "</svg>\n");
  rc = out->failed ? DC_CHART_ENOMEM : DC_CHART_OK;
done:
  if (rc != DC_CHART_OK && out->data) out->len = start, out->data[start] = '\0';
  free(e);
  free(L.lo);
  free(L.hi);
  return rc;
}
