/* test_chart.c — cmocka tests of the chart core (stdlib/chart*.c): nice
 * ticks, prefixes, tick labels, XML escaping, the SVG of edge cases (1 year,
 * 100 years, 50 series, negatives, a zero bound, gaps) and the terminal plots.
 * With DC_CHART_OUT=DIR set it also writes every sample chart there, as
 * NAME.svg (a document) and NAME.frag.svg (for HTML), for tests/chart_*.test.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"

/* ---- helpers ------------------------------------------------------------ */

static void write_sample(const char *name, dc_chart c) {
  const char *dir = getenv("DC_CHART_OUT");
  if (!dir) return;
  char path[1024];
  for (int frag = 0; frag < 2; frag++) {
    dc_chart_buf b = {0};
    c.standalone = !frag;
    c.id = name;
    assert_int_equal(dc_chart_svg(&c, &b), DC_CHART_OK);
    snprintf(path, sizeof path, "%s/%s%s", dir, name, frag ? ".frag.svg" : ".svg");
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fwrite(b.data, 1, b.len, f);
    fclose(f);
    dc_chart_buf_free(&b);
  }
}

/* renders c (standalone), checks what every chart must be, returns the text */
static char *render(dc_chart *c) {
  dc_chart_buf b = {0}, again = {0};
  c->standalone = 1;
  assert_int_equal(dc_chart_svg(c, &b), DC_CHART_OK);
  assert_int_equal(dc_chart_svg(c, &again), DC_CHART_OK);
  assert_int_equal(b.len, again.len); /* same input, same bytes */
  assert_memory_equal(b.data, again.data, b.len);
  dc_chart_buf_free(&again);
  assert_null(strstr(b.data, "nan"));
  assert_null(strstr(b.data, "NaN"));
  assert_null(strstr(b.data, "inf"));
  assert_non_null(strstr(b.data, "viewBox=\"0 0 "));
  assert_int_equal(strncmp(b.data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 44), 0);
  return b.data;
}

static int count(const char *s, const char *sub) {
  int n = 0;
  for (const char *p = strstr(s, sub); p; p = strstr(p + 1, sub)) n++;
  return n;
}

/* x (or y) and text of the k-th <text class="CLS..."> */
static int nth_text(const char *s, const char *cls, int k, double *x, double *y, char *text, size_t size) {
  char pat[64];
  snprintf(pat, sizeof pat, "<text class=\"%s", cls);
  const char *p = strstr(s, pat);
  for (int i = 0; p && i < k; i++) p = strstr(p + 1, pat);
  if (!p) return 0;
  const char *px = strstr(p, " x=\""), *py = strstr(p, " y=\""), *gt = strchr(p, '>');
  *x = strtod(px + 4, NULL);
  *y = strtod(py + 4, NULL);
  const char *end = strstr(gt, "</text>");
  size_t n = (size_t)(end - gt - 1) < size - 1 ? (size_t)(end - gt - 1) : size - 1;
  memcpy(text, gt + 1, n);
  text[n] = '\0';
  return 1;
}

/* neighbouring x ticks are further apart than their labels are wide, y
 * ticks further apart than a line of text */
static void assert_no_overlap(const char *s) {
  double px = -1e9, py = 1e9, x, y;
  char t[128], prev[128] = "";
  for (int k = 0; nth_text(s, "tick x-tick", k, &x, &y, t, sizeof t); k++) {
    double half = (dc_chart_text_width(t, 12) + dc_chart_text_width(prev, 12)) / 2;
    assert_true(x - px >= half + 4);
    px = x;
    snprintf(prev, sizeof prev, "%s", t);
  }
  for (int k = 0; nth_text(s, "tick y-tick", k, &x, &y, t, sizeof t); k++) {
    assert_true(py - y >= 14); /* ticks go upwards */
    py = y;
  }
}

static const int Y10[] = {2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029};

/* ---- ticks, prefixes, labels -------------------------------------------- */

static void assert_ticks(double lo, double hi, int max, double first, double step, int n, int dec) {
  dc_chart_ticks t = dc_chart_nice_ticks(lo, hi, max);
  assert_true(fabs(t.first - first) <= fabs(step) * 1e-9);
  assert_true(fabs(t.step - step) <= step * 1e-12);
  assert_int_equal(t.n, n);
  assert_int_equal(t.decimals, dec);
}

static void test_nice_ticks(void **state) {
  (void)state;
  assert_ticks(0, 1, 6, 0, 0.2, 6, 1);
  assert_ticks(0, 7, 6, 0, 2, 5, 0);
  assert_ticks(0, 7, 9, 0, 1, 8, 0);
  assert_ticks(-3, 12, 6, -5, 5, 5, 0);
  assert_ticks(0, 0, 6, 0, 0.2, 6, 1);        /* nothing to show: 0..1 */
  assert_ticks(5, 5, 6, 4.5, 0.5, 3, 1);      /* one value: ±10 % */
  assert_ticks(12, -3, 6, -5, 5, 5, 0);       /* swapped */
  assert_ticks(NAN, 3, 6, 0, 0.2, 6, 1);      /* not finite: 0..1 */
  assert_ticks(0, 1e9, 6, 0, 2e8, 6, 0);
  assert_ticks(0.3, 0.9, 7, 0.3, 0.1, 7, 1);  /* 0.3/0.1 is 2.9999…: still 0.3 */
  assert_ticks(1, 1.000001, 6, 1, 2e-7, 6, 7);
  assert_ticks(-0.5, 0.5, 2, -0.5, 0.5, 3, 1); /* across zero needs three */
  dc_chart_ticks t = dc_chart_nice_ticks(0.1, 0.7, 7);
  char lab[64];
  dc_chart_fmt_tick(lab, sizeof lab, dc_chart_tick_value(&t, 2), t.decimals);
  assert_string_equal(lab, "0.3");
  t = dc_chart_nice_ticks(1, 1.000001, 6);
  dc_chart_fmt_tick(lab, sizeof lab, dc_chart_tick_value(&t, t.n - 1), t.decimals);
  assert_string_equal(lab, "1.0000010");
  t = dc_chart_nice_ticks(-1e308, 1e308, 6); /* clamped, finite */
  assert_true(isfinite(t.first) && isfinite(t.step) && t.n >= 3 && t.n <= 6);
}

/* a sweep of ranges: at most max ticks, covering, 1-2-5 steps, finest fit */
static void test_nice_ticks_sweep(void **state) {
  (void)state;
  unsigned long long r = 12345;
  for (int k = 0; k < 20000; k++) {
    r = r * 6364136223846793005ULL + 1442695040888963407ULL;
    double a = ((double)(r >> 11) / 9007199254740992.0 - 0.3) * pow(10, (int)(r % 19) - 9);
    r = r * 6364136223846793005ULL + 1442695040888963407ULL;
    double b = a + (double)(r >> 11) / 9007199254740992.0 * pow(10, (int)(r % 13) - 6);
    int max = 3 + (int)(r % 9);
    dc_chart_ticks t = dc_chart_nice_ticks(a, b, max);
    double last = dc_chart_tick_value(&t, t.n - 1);
    assert_true(t.n >= 2 && t.n <= max);
    assert_true(t.first <= fmin(a, b) + t.step * 1e-6);
    assert_true(last >= fmax(a, b) - t.step * 1e-6);
    assert_true(t.mant == 1 || t.mant == 2 || t.mant == 5);
    if (a != b) { /* the next finer step would need too many ticks */
      double finer = t.mant == 1 ? t.step / 2 : t.mant == 2 ? t.step / 2 : t.step * 0.4;
      double n = ceil(b / finer - 1e-9) - floor(a / finer + 1e-9) + 1;
      assert_true(n > max || finer < fmax(fabs(a), fabs(b)) * 1e-12);
    }
  }
}

static void test_prefix(void **state) {
  (void)state;
  const char *l;
  assert_int_equal(dc_chart_prefix(0, &l), 0);
  assert_string_equal(l, "");
  assert_int_equal(dc_chart_prefix(999, &l), 0);
  assert_int_equal(dc_chart_prefix(1000, &l), 3);
  assert_string_equal(l, "k");
  assert_int_equal(dc_chart_prefix(1.5e6, &l), 6);
  assert_string_equal(l, "M");
  assert_int_equal(dc_chart_prefix(999999999, &l), 6);
  assert_int_equal(dc_chart_prefix(2.5e9, &l), 9);
  assert_string_equal(l, "G");
  assert_int_equal(dc_chart_prefix(0.5, &l), -3);
  assert_string_equal(l, "m");
  assert_int_equal(dc_chart_prefix(2e-6, &l), -6);
  assert_string_equal(l, "\xC2\xB5");
  assert_int_equal(dc_chart_prefix(1e-15, &l), -9); /* clamped */
  assert_int_equal(dc_chart_prefix(1e30, &l), 18);
  assert_string_equal(l, "E");
  assert_int_equal(dc_chart_prefix(NAN, &l), 0);
}

static void test_fmt_tick(void **state) {
  (void)state;
  char b[64];
  dc_chart_fmt_tick(b, sizeof b, 1234567.5, 1);
  assert_string_equal(b, "1,234,567.5");
  dc_chart_fmt_tick(b, sizeof b, -1234, 0);
  assert_string_equal(b, "-1,234");
  dc_chart_fmt_tick(b, sizeof b, 999, 0);
  assert_string_equal(b, "999");
  dc_chart_fmt_tick(b, sizeof b, 100000, 0);
  assert_string_equal(b, "100,000");
  dc_chart_fmt_tick(b, sizeof b, -0.0001, 2);
  assert_string_equal(b, "0.00");
  dc_chart_fmt_tick(b, sizeof b, -0.0, 0);
  assert_string_equal(b, "0");
  dc_chart_fmt_tick(b, sizeof b, NAN, 0);
  assert_string_equal(b, "\xE2\x80\x94");
  assert_true(dc_chart_text_width("abc", 10) == 18);
  assert_true(dc_chart_text_width("\xE5\xBC\xA0\xE6\x8E\x96", 10) == 20); /* 张掖 */
  /* the columns of utf8.h: an emoji is wide, a combining mark takes none */
  assert_true(dc_chart_text_width("\xF0\x9F\x8C\x9E", 10) == 10); /* U+1F31E */
  assert_true(dc_chart_text_width("e\xCC\x81", 10) == 6);           /* e + U+0301 */
}

static void test_fit_text(void **state) {
  (void)state;
  char b[64];
  assert_int_equal(dc_chart_fit_text(b, sizeof b, "abc", 30, 10), 0);
  assert_string_equal(b, "abc");
  assert_int_equal(dc_chart_fit_text(b, sizeof b, "abcdefgh", 30, 10), 1);
  assert_string_equal(b, "abcd\xE2\x80\xA6"); /* 4 × 6 px + the ellipsis */
  dc_chart_fit_text(b, sizeof b, "\xE5\xBC\xA0\xE6\x8E\x96\xE5\xB8\x82", 25, 10); /* 张掖市 */
  assert_string_equal(b, "\xE5\xBC\xA0\xE2\x80\xA6");
  char small[8]; /* the bytes run out before the width: still whole code points */
  assert_int_equal(dc_chart_fit_text(small, sizeof small, "\xE5\xBC\xA0\xE6\x8E\x96\xE5\xB8\x82", 1000, 10), 1);
  assert_string_equal(small, "\xE5\xBC\xA0\xE2\x80\xA6");
}

static void test_xml_escape(void **state) {
  (void)state;
  static const struct { const char *in, *out; } cases[] = {
      {"a&b<c>\"'", "a&amp;b&lt;c&gt;&quot;&#39;"},
      {"\xE5\xBC\xA0\xE6\x8E\x96 \xE2\x82\xAC", "\xE5\xBC\xA0\xE6\x8E\x96 \xE2\x82\xAC"},
      {"a\x01z", "a\xEF\xBF\xBDz"},                       /* control */
      {"a\tb\nc", "a b c"},                                /* tab, newline */
      {"\x7F", "\xEF\xBF\xBD"},                            /* DEL */
      {"\xC2\x85", "\xEF\xBF\xBD"},                        /* C1 */
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},            /* overlong */
      {"\xED\xA0\x80", "\xEF\xBF\xBD"},                    /* surrogate */
      {"\xEF\xBF\xBE", "\xEF\xBF\xBD"},                    /* U+FFFE */
      {"x\xE5\xBC", "x\xEF\xBF\xBD"},                      /* cut short at the end */
      {"\xF4\x90\x80\x80", "\xEF\xBF\xBD"},                /* beyond U+10FFFF */
      {"\xFF" "a", "\xEF\xBF\xBD" "a"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    dc_chart_buf b = {0};
    dc_chart_buf_xml(&b, cases[i].in);
    assert_string_equal(b.data, cases[i].out);
    dc_chart_buf_free(&b);
  }
}

/* ---- SVG ---------------------------------------------------------------- */

static void test_svg_lines(void **state) {
  (void)state;
  double bau[10], plan[10];
  for (int i = 0; i < 10; i++) bau[i] = 1.2e6 + 5e4 * i, plan[i] = 1.2e6 - 9e4 * i;
  plan[4] = NAN; /* a gap: two polylines */
  dc_chart_series s[] = {{"BAU", bau, 1, 0, 0}, {"Plan <A&B>", plan, 0, 0, 0}};
  dc_chart_bound bd[] = {{"at most 0.3 Mt by 2029", 3e5, 2029, 2029}, {"at most 0.8 Mt by 2025", 8e5, 2025, 2025}};
  dc_chart_mark mk[] = {{2029, plan[9], DC_CHART_MISSED, "missed"}, {2025, plan[5], DC_CHART_MET, NULL}};
  dc_chart c = {.title = "Emissions \xE5\xBC\xA0\xE6\x8E\x96", .unit = "tCO2e/yr", .unit_prefix = 1,
                .years = Y10, .n_years = 10, .series = s, .n_series = 2, .bounds = bd, .n_bounds = 2,
                .marks = mk, .n_marks = 2};
  char *svg = render(&c);
  assert_non_null(strstr(svg, ">MtCO2e/yr</text>"));
  assert_non_null(strstr(svg, "data-name=\"Plan &lt;A&amp;B&gt;\""));
  assert_non_null(strstr(svg, "data-years=\"2020 2021 2022 2023\" data-values=\"1200000 1110000 1020000 930000\""));
  assert_non_null(strstr(svg, "data-years=\"2025 2026 2027 2028 2029\" data-values=\"750000 660000 570000 480000 390000\""));
  assert_int_equal(count(svg, "<polyline"), 3);
  assert_non_null(strstr(svg, "stroke-dasharray=\"7 4\""));      /* BAU dashed */
  assert_non_null(strstr(svg, "class=\"mark missed\" data-year=\"2029\" data-status=\"missed\""));
  assert_non_null(strstr(svg, "class=\"mark met\" data-year=\"2025\""));
  assert_non_null(strstr(svg, ">met</text>"));                   /* the legend names the shapes */
  assert_non_null(strstr(svg, ">missed</text>"));
  assert_non_null(strstr(svg, "class=\"bound\" data-from=\"2029\" data-to=\"2029\" data-value=\"300000\""));
  assert_non_null(strstr(svg, "Noto Sans CJK SC"));
  assert_non_null(strstr(svg, "#0072B2")); /* Okabe–Ito */
  assert_no_overlap(svg);
  write_sample("lines", c);
  free(svg);
}

static void test_svg_one_year(void **state) {
  (void)state;
  static const int y[] = {2030};
  double v[] = {42}, w[] = {17};
  dc_chart_series s[] = {{"only", v, 0, 0, 0}};
  dc_chart c = {.title = "One year", .unit = "t", .unit_prefix = 1, .years = y, .n_years = 1, .series = s,
                .n_series = 1};
  char *svg = render(&c);
  assert_int_equal(count(svg, "class=\"tick x-tick\""), 1);
  assert_non_null(strstr(svg, ">2030</text>"));
  assert_non_null(strstr(svg, "<circle class=\"dot\""));
  assert_int_equal(count(svg, "<polyline"), 0);
  write_sample("one_year", c);
  free(svg);
  dc_chart_series s2[] = {{"a", v, 0, 0, 0}, {"b", w, 0, 0, 0}};
  c.series = s2, c.n_series = 2, c.kind = DC_CHART_STACKED;
  svg = render(&c);
  assert_int_equal(count(svg, "<polygon class=\"area\""), 2);
  write_sample("one_year_stacked", c);
  free(svg);
}

static void test_svg_hundred_years_fifty_series(void **state) {
  (void)state;
  enum { NY = 100, NS = 50 };
  int years[NY];
  static double v[NS][NY];
  dc_chart_series s[NS];
  char names[NS][48];
  for (int i = 0; i < NY; i++) years[i] = 2001 + i;
  for (int k = 0; k < NS; k++) {
    for (int i = 0; i < NY; i++) v[k][i] = 1000.0 * (k + 1) * (1 + sin(i / 7.0 + k)) + 12.5 * i;
    snprintf(names[k], sizeof names[k], "measure %d%s", k + 1, k % 7 == 0 ? " (long name here)" : "");
    s[k] = (dc_chart_series){names[k], v[k], 0, 0, 0};
  }
  dc_chart c = {.title = "100 years, 50 series", .unit = "tCO2e", .unit_prefix = 1, .years = years,
                .n_years = NY, .series = s, .n_series = NS};
  char *svg = render(&c);
  assert_int_equal(count(svg, "<polyline"), NS);
  assert_int_equal(count(svg, "class=\"legend-label\""), NS);
  assert_no_overlap(svg);
  /* the legend wraps: every label starts inside the width and more than one row */
  double x, y, y_first = 0, y_last = 0;
  char t[128];
  for (int k = 0; nth_text(svg, "legend-label", k, &x, &y, t, sizeof t); k++) {
    assert_true(x + dc_chart_text_width(t, 12) <= 720);
    if (k == 0) y_first = y;
    y_last = y;
  }
  assert_true(y_last - y_first >= 20 * 4);
  write_sample("wide_lines", c);
  c.kind = DC_CHART_STACKED;
  free(svg);
  svg = render(&c);
  assert_int_equal(count(svg, "<polygon class=\"area\""), NS);
  assert_non_null(strstr(svg, ">MtCO2e</text>")); /* stacked totals reach millions */
  assert_no_overlap(svg);
  write_sample("wide_stacked", c);
  free(svg);
}

static void test_svg_negative_and_zero_bound(void **state) {
  (void)state;
  double net[10], removals[10], gross[10];
  for (int i = 0; i < 10; i++) gross[i] = 900 - 80 * i, removals[i] = -30.0 * i, net[i] = gross[i] + removals[i];
  dc_chart_series s[] = {{"net", net, 0, 0, 0}};
  dc_chart_bound bd[] = {{"net zero by 2029", 0, 2026, 2029}};
  dc_chart_mark mk[] = {{2029, net[9], DC_CHART_MET, "met 2029"}};
  dc_chart c = {.title = "Net removals", .unit = "ktCO2e", .years = Y10, .n_years = 10, .series = s,
                .n_series = 1, .bounds = bd, .n_bounds = 1, .marks = mk, .n_marks = 1};
  char *svg = render(&c);
  assert_non_null(strstr(svg, "class=\"zero\""));    /* the axis crosses zero */
  assert_non_null(strstr(svg, "\">-200</text>"));   /* a negative tick: net[9] = -450 */
  assert_non_null(strstr(svg, "data-value=\"0\"")); /* the zero bound */
  assert_non_null(strstr(svg, ">ktCO2e</text>"));   /* no prefix asked for: unit as given */
  assert_no_overlap(svg);
  write_sample("negative", c);
  free(svg);
  dc_chart_series st[] = {{"gross", gross, 0, 0, 0}, {"removals", removals, 0, 0, 0}};
  c.series = st, c.n_series = 2, c.kind = DC_CHART_STACKED, c.n_marks = 0;
  svg = render(&c);
  /* removals stack below zero: their polygon's lower edge is below the zero line */
  const char *zero = strstr(svg, "class=\"zero\"");
  assert_non_null(zero);
  const char *z = strstr(svg, "<line x1=\"");
  double zy = 0;
  for (; z && z < zero; z = strstr(z + 1, "<line x1=\"")) zy = strtod(strstr(z, "y1=\"") + 4, NULL);
  const char *poly = strstr(svg, "data-name=\"removals\"");
  const char *pts = strstr(poly, "points=\"") + 8;
  double maxy = 0;
  for (const char *p = pts; *p != '"';) {
    char *end;
    strtod(p, &end);
    double yy = strtod(end + 1, &end);
    maxy = fmax(maxy, yy);
    p = end;
    if (*p == ' ') p++;
  }
  assert_true(maxy > zy + 50);
  /* removals start at 0: their area starts on the zero line, not on top of gross */
  char *end;
  strtod(pts, &end);
  assert_true(fabs(strtod(end + 1, NULL) - zy) < 0.05);
  write_sample("negative_stacked", c);
  free(svg);
}

/* the wedge chart: the plan as a grey base, three measures stacked on it up
 * to BAU, drawn as a dashed line over them */
static void test_svg_wedges(void **state) {
  (void)state;
  double bau[10], plan[10], m[3][10];
  for (int i = 0; i < 10; i++) {
    bau[i] = 2.0e6 + 4e4 * i;
    m[0][i] = 3e4 * i, m[1][i] = 2e4 * i, m[2][i] = i > 4 ? 6e4 * (i - 4) : 0;
    plan[i] = bau[i] - m[0][i] - m[1][i] - m[2][i];
  }
  dc_chart_series s[] = {{"plan", plan, 0, 0, 1}, {"retrofit", m[0], 0, 0, 0}, {"heat pumps", m[1], 0, 0, 0},
                         {"solar \xE5\x85\x89\xE4\xBC\x8F", m[2], 0, 0, 0}, {"BAU", bau, 1, 1, 0}};
  dc_chart c = {.title = "Wedges: abatement by measure", .unit = "tCO2e/yr", .unit_prefix = 1, .years = Y10,
                .n_years = 10, .series = s, .n_series = 5, .kind = DC_CHART_STACKED};
  char *svg = render(&c);
  assert_int_equal(count(svg, "<polygon class=\"area\""), 4);
  assert_int_equal(count(svg, "<polyline"), 1);
  assert_true(strstr(svg, "<polyline") > strstr(svg, "data-name=\"solar")); /* over the areas */
  assert_non_null(strstr(svg, "data-series=\"0\" fill=\"#999999\""));     /* the plan is grey */
  assert_non_null(strstr(svg, "data-series=\"1\" fill=\"#0072B2\""));     /* the first measure blue */
  assert_non_null(strstr(svg, "stroke=\"#CC79A7\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-dasharray=\"7 4\""));
  /* the top of the stack is BAU: the last wedge's first point is BAU's first point */
  const char *top = strstr(strstr(svg, "data-name=\"solar"), "points=\"") + 8;
  const char *line = strstr(strstr(svg, "<polyline"), "points=\"") + 8;
  char *e1, *e2;
  double x1 = strtod(top, &e1), x2 = strtod(line, &e2);
  assert_true(fabs(x1 - x2) < 0.01 && fabs(strtod(e1 + 1, NULL) - strtod(e2 + 1, NULL)) < 0.11);
  assert_non_null(strstr(svg, ">MtCO2e/yr</text>"));
  assert_no_overlap(svg);
  write_sample("wedges", c);
  free(svg);
}

/* a small chart of one target with names too long for it: cut with "…" */
static void test_svg_small_long_names(void **state) {
  (void)state;
  double v[10];
  for (int i = 0; i < 10; i++) v[i] = 12 + 4.5 * i;
  char name[400];
  memset(name, 'x', sizeof name - 1);
  name[sizeof name - 1] = '\0';
  memcpy(name, "share of EVs ", 13);
  dc_chart_series s[] = {{name, v, 0, 0, 0}};
  dc_chart_bound bd[] = {{"at least 40 % of new cars from 2026 on, and a label too long for this chart", 40, 2026, 2029}};
  dc_chart_mark mk[] = {{2026, v[6], DC_CHART_MISSED, "missed in 2026, short by 1 pp"},
                        {2029, v[9], DC_CHART_MET, "met"}};
  dc_chart c = {.title = "EVs at least 40 % of new cars from 2026 — a title that does not fit in 360 px",
                .unit = "%", .years = Y10, .n_years = 10, .series = s, .n_series = 1, .bounds = bd,
                .n_bounds = 1, .marks = mk, .n_marks = 2, .width = 360, .height = 220};
  char *svg = render(&c);
  assert_non_null(strstr(svg, ">share of EVs xxx"));
  assert_non_null(strstr(svg, "x\xE2\x80\xA6</text>"));
  double x, y;
  char t[512];
  assert_true(nth_text(svg, "legend-label", 0, &x, &y, t, sizeof t));
  assert_true(x + dc_chart_text_width(t, 12) <= 360);
  assert_non_null(strstr(svg, "data-name=\"share of EVs xxx")); /* the data keep the whole name */
  assert_true(strlen(strstr(svg, "data-name=\"share of EVs xxx")) > 400);
  assert_non_null(strstr(svg, "\xE2\x80\xA6</text>\n<g class=\"legend\">")); /* the title too */
  assert_no_overlap(svg);
  write_sample("small_target", c);
  free(svg);
}

/* a buffer that may not grow: every cut-off gives ENOMEM and the buffer as it was */
static void test_svg_out_of_memory(void **state) {
  (void)state;
  double v[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  dc_chart_series s[] = {{"a", v, 0, 0, 0}, {"b", v, 1, 0, 0}};
  dc_chart_mark mk[] = {{2025, 5, DC_CHART_MET, "m"}};
  dc_chart c = {.title = "t", .years = Y10, .n_years = 10, .series = s, .n_series = 2, .marks = mk, .n_marks = 1};
  dc_chart_buf full = {0};
  assert_int_equal(dc_chart_svg(&c, &full), DC_CHART_OK);
  for (size_t max = 1; max < full.len; max += 37) {
    dc_chart_buf b = {0};
    b.max = max;
    dc_chart_buf_puts(&b, "x");
    assert_int_equal(dc_chart_svg(&c, &b), DC_CHART_ENOMEM);
    assert_int_equal(b.len, 1);
    dc_chart_buf_free(&b);
  }
  dc_chart_buf b = {0};
  b.max = full.len;
  assert_int_equal(dc_chart_svg(&c, &b), DC_CHART_OK);
  assert_string_equal(b.data, full.data);
  dc_chart_buf_free(&b);
  dc_chart_buf_free(&full);
}

/* every coordinate of the SVG is a number inside its viewBox */
static void assert_inside(const char *svg) {
  double w = strtod(strstr(svg, "width=\"") + 7, NULL), h = strtod(strstr(svg, "height=\"") + 8, NULL);
  static const char *const keys[] = {" x=\"", " y=\"", " x1=\"", " x2=\"", " y1=\"", " y2=\"", " cx=\"", " cy=\""};
  for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
    for (const char *p = strstr(svg, keys[k]); p; p = strstr(p + 1, keys[k])) {
      double v = strtod(p + strlen(keys[k]), NULL), lim = keys[k][1] == 'x' || keys[k][2] == 'x' ? w : h;
      assert_true(v >= -1 && v <= lim + 1);
    }
  for (const char *p = strstr(svg, " points=\""); p; p = strstr(p + 1, " points=\""))
    for (const char *q = p + 9; *q != '"';) {
      char *end;
      double x = strtod(q, &end), y = strtod(end + 1, &end);
      assert_true(x >= 0 && x <= w && y >= 0 && y <= h);
      q = *end == ' ' ? end + 1 : end;
    }
}

/* random charts: odd sizes, gaps, signs and magnitudes; never a NaN, never
 * a point outside, always the same bytes (render() checks) */
static void test_svg_random(void **state) {
  (void)state;
  unsigned long long r = 99;
#define RND() (r = r * 6364136223846793005ULL + 1442695040888963407ULL, (double)(r >> 11) / 9007199254740992.0)
  for (int k = 0; k < 300; k++) {
    int ny = 1 + (int)(RND() * 60), ns = (int)(RND() * 6), years[60];
    static double v[6][60];
    dc_chart_series s[6];
    double mag = pow(10, (int)(RND() * 30) - 12);
    years[0] = 1990 + (int)(RND() * 40);
    for (int i = 1; i < ny; i++) years[i] = years[i - 1] + 1 + (RND() < 0.1 ? (int)(RND() * 5) : 0);
    for (int j = 0; j < ns; j++) {
      for (int i = 0; i < ny; i++) {
        double u = RND();
        v[j][i] = u < 0.08 ? NAN : u < 0.1 ? INFINITY : (RND() - 0.3) * mag;
      }
      s[j] = (dc_chart_series){"s", v[j], j == 1, j == 2, j == 3};
    }
    dc_chart_bound bd = {"b", (RND() - 0.5) * mag, years[0] - 2, years[ny - 1] + 1};
    dc_chart_mark mk = {years[ny / 2], (RND() - 0.5) * mag, (dc_chart_status)(k % 3), "m"};
    dc_chart c = {.title = "random", .unit = "t", .unit_prefix = k % 2, .years = years, .n_years = ny,
                  .series = s, .n_series = ns, .kind = (dc_chart_kind)(k % 2 == 0), .bounds = &bd,
                  .n_bounds = k % 3 != 0, .marks = &mk, .n_marks = k % 4 != 0,
                  .width = k % 5 ? 0 : 200 + (int)(RND() * 600), .height = k % 7 ? 0 : 120 + (int)(RND() * 400)};
    char *svg = render(&c);
    assert_inside(svg);
    free(svg);
  }
#undef RND
  double v[] = {1, -2, 3};
  dc_chart_series s[] = {{"a long name for a tiny chart", v, 0, 0, 0}};
  dc_chart c = {.title = "tiny", .years = Y10, .n_years = 3, .series = s, .n_series = 1, .width = 1, .height = 1};
  char *svg = render(&c); /* grows to the smallest plot that holds its axes */
  assert_inside(svg);
  assert_true(strtod(strstr(svg, "height=\"") + 8, NULL) >= 40 + 30 + 30);
  free(svg);
}

static void test_svg_bad_input(void **state) {
  (void)state;
  double v[] = {1, 2};
  int back[] = {2021, 2020};
  dc_chart_series s[] = {{"a", v, 0, 0, 0}};
  dc_chart_buf b = {0};
  dc_chart c = {.years = back, .n_years = 2, .series = s, .n_series = 1};
  assert_int_equal(dc_chart_svg(&c, &b), DC_CHART_EINVAL);
  assert_int_equal(b.len, 0);
  c.years = Y10, c.n_years = 0;
  assert_int_equal(dc_chart_svg(&c, &b), DC_CHART_EINVAL);
  c.n_years = 2, c.id = "a\"b";
  assert_int_equal(dc_chart_svg(&c, &b), DC_CHART_EINVAL);
  assert_non_null(strstr(dc_chart_strerror(DC_CHART_EINVAL), "increasing years"));
  c.id = NULL;
  double odd[] = {INFINITY, 1e301};
  dc_chart_series so[] = {{"odd", odd, 0, 0, 0}};
  c.series = so; /* not finite and beyond ±1e300: missing, nothing drawn */
  char *svg = render(&c);
  assert_int_equal(count(svg, "<polyline"), 0);
  assert_int_equal(count(svg, "<circle"), 0);
  free(svg);
  c.kind = DC_CHART_STACKED; /* an area counts them 0 and says "-" */
  svg = render(&c);
  assert_non_null(strstr(svg, "data-values=\"- -\""));
  free(svg);
  b.failed = 1; /* a buffer that failed before stays failed */
  c.series = s;
  assert_int_equal(dc_chart_svg(&c, &b), DC_CHART_ENOMEM);
  dc_chart_buf_free(&b);
}

/* ---- terminal ----------------------------------------------------------- */

static int cells(const char *line) { /* code points */
  int n = 0;
  for (const unsigned char *p = (const unsigned char *)line; *p; p++) n += (*p & 0xC0) != 0x80;
  return n;
}

static void test_sparkline(void **state) {
  (void)state;
  dc_chart_buf b = {0};
  double v[] = {1, 2, 3, 4, 5, 6, 7, 8};
  assert_int_equal(dc_chart_sparkline(&b, v, 8, 80), DC_CHART_OK);
  assert_string_equal(b.data, "▁▂▃▄▅▆▇█");
  b.len = 0;
  double g[] = {0, NAN, 10};
  dc_chart_sparkline(&b, g, 3, 80);
  assert_string_equal(b.data, "▁ █");
  b.len = 0;
  double f[] = {5, 5, 5};
  dc_chart_sparkline(&b, f, 3, 80);
  assert_string_equal(b.data, "▄▄▄");
  b.len = 0;
  dc_chart_sparkline(&b, v, 8, 4); /* means of pairs: 1.5 3.5 5.5 7.5 */
  assert_string_equal(b.data, "▁▃▆█");
  assert_int_equal(dc_chart_sparkline(&b, v, 0, 4), DC_CHART_EINVAL);
  dc_chart_buf_free(&b);
}

static void test_term_plot(void **state) {
  (void)state;
  int years[31];
  double v[31];
  for (int i = 0; i < 31; i++) years[i] = 2020 + i, v[i] = 1500 - 50.0 * i;
  v[10] = NAN;
  dc_chart_buf b = {0};
  assert_int_equal(dc_chart_term_plot(&b, years, v, 31, "ktCO2e/yr\x1b[31m", 60, 8), DC_CHART_OK);
  char *save, *line = strtok_r(b.data, "\n", &save);
  assert_string_equal(line, "ktCO2e/yr?[31m"); /* no escape reaches the terminal */
  int lines = 0, braille = 0;
  const char *last = NULL;
  for (line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save), lines++) {
    assert_true(cells(line) <= 60);
    braille += strstr(line, "\xE2\xA0") || strstr(line, "\xE2\xA1") || strstr(line, "\xE2\xA2") ||
               strstr(line, "\xE2\xA3");
    last = line;
  }
  assert_int_equal(lines, 8 + 2);
  assert_true(braille >= 6);
  assert_non_null(strstr(last, "2020"));
  assert_non_null(strstr(last, "2035"));
  assert_non_null(strstr(last, "2050"));
  dc_chart_buf_free(&b);
  memset(&b, 0, sizeof b);
  /* 4 rows: ticks 0, 1,000, 2,000; 1,500 (top left) is in the second row */
  assert_int_equal(dc_chart_term_plot(&b, years, v, 31, NULL, 40, 4), DC_CHART_OK);
  assert_int_equal(strncmp(b.data, "2,000 ┤ ", strlen("2,000 ┤ ")), 0);
  assert_int_equal(strncmp(strchr(b.data, '\n') + 1, "      │⠉", strlen("      │⠉")), 0);
  assert_non_null(strstr(b.data, "\n    0 ┤ "));
  assert_int_equal(dc_chart_term_plot(&b, years, v, 31, NULL, 10, 4), DC_CHART_EINVAL);
  if (getenv("DC_CHART_OUT")) fputs(b.data, stdout);
  dc_chart_buf_free(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_nice_ticks),   cmocka_unit_test(test_nice_ticks_sweep),
      cmocka_unit_test(test_prefix),       cmocka_unit_test(test_fmt_tick),
      cmocka_unit_test(test_xml_escape),   cmocka_unit_test(test_svg_lines),
      cmocka_unit_test(test_svg_one_year), cmocka_unit_test(test_svg_hundred_years_fifty_series),
      cmocka_unit_test(test_svg_negative_and_zero_bound), cmocka_unit_test(test_svg_bad_input),
      cmocka_unit_test(test_sparkline),    cmocka_unit_test(test_term_plot),
      cmocka_unit_test(test_fit_text),     cmocka_unit_test(test_svg_small_long_names),
      cmocka_unit_test(test_svg_out_of_memory), cmocka_unit_test(test_svg_wedges),
      cmocka_unit_test(test_svg_random),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
