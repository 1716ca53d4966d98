/* chart_term.c — charts for a terminal: a one-line sparkline of block
 * characters and a small braille line plot with y ticks and years. Pure C,
 * UTF-8 out; the caller decides whether the output is a terminal. */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static int present(double v) { return isfinite(v) && fabs(v) <= 1e300; }

/* ====================================================================== */
/* sparkline                                                               */
/* ====================================================================== */

/* mean of the present values of v[a..b), NaN if none */
static double mean_of(const double *v, int a, int b) {
  double sum = 0;
  int k = 0;
  for (int i = a; i < b; i++)
    if (present(v[i])) sum += v[i], k++;
  return k ? sum / k : NAN;
}

int dc_chart_sparkline(dc_chart_buf *out, const double *v, int n, int width) {
  static const char *const bars[] = {"\xE2\x96\x81", "\xE2\x96\x82", "\xE2\x96\x83", "\xE2\x96\x84",
                                     "\xE2\x96\x85", "\xE2\x96\x86", "\xE2\x96\x87", "\xE2\x96\x88"};
  if (n < 1 || width < 1 || !v || n > 1000000) return DC_CHART_EINVAL;
  int cells = n < width ? n : width;
  double *cell = malloc((size_t)cells * sizeof *cell);
  if (!cell) return DC_CHART_ENOMEM;
  double mn = INFINITY, mx = -INFINITY;
  for (int i = 0; i < cells; i++) {
    int a = (int)((long long)i * n / cells), b = (int)((long long)(i + 1) * n / cells);
    cell[i] = mean_of(v, a, b);
    if (!isnan(cell[i])) mn = fmin(mn, cell[i]), mx = fmax(mx, cell[i]);
  }
  for (int i = 0; i < cells; i++) {
    if (isnan(cell[i])) dc_chart_buf_puts(out, " ");
    else if (mx == mn) dc_chart_buf_puts(out, bars[3]);
    else dc_chart_buf_puts(out, bars[(int)lround((cell[i] - mn) / (mx - mn) * 7)]);
  }
  free(cell);
  return out->failed ? DC_CHART_ENOMEM : DC_CHART_OK;
}

/* ====================================================================== */
/* braille plot                                                            */
/* ====================================================================== */

typedef struct canvas {
  int cols, rows;          /* text cells */
  unsigned char *dots;     /* cols*rows braille bit sets */
} canvas;

/* dot (x, y): x in 0..2*cols-1, y in 0..4*rows-1 from the top */
static void set_dot(canvas *cv, int x, int y) {
  static const unsigned char bit[2][4] = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};
  if (x < 0 || y < 0 || x >= cv->cols * 2 || y >= cv->rows * 4) return;
  cv->dots[(y / 4) * cv->cols + x / 2] |= bit[x % 2][y % 4];
}

static void draw_line(canvas *cv, int xa, int ya, int xb, int yb) {
  int dx = abs(xb - xa), dy = -abs(yb - ya), sx = xa < xb ? 1 : -1, sy = ya < yb ? 1 : -1;
  int err = dx + dy;
  for (;;) {
    set_dot(cv, xa, ya);
    if (xa == xb && ya == yb) return;
    int e2 = 2 * err;
    if (e2 >= dy) err += dy, xa += sx;
    if (e2 <= dx) err += dx, ya += sy;
  }
}

static void put_braille(dc_chart_buf *out, unsigned char bits) {
  char u[4] = {(char)0xE2, (char)(0xA0 | (bits >> 6)), (char)(0x80 | (bits & 0x3F)), 0};
  if (!bits) dc_chart_buf_puts(out, " ");
  else dc_chart_buf_add(out, u, 3);
}

/* Plots the points, lines between neighbours that are both present. */
static void plot_points(canvas *cv, const int *years, const double *v, int n, double d0, double d1) {
  int X = cv->cols * 2, Y = cv->rows * 4, px = 0, py = 0, have = 0;
  for (int i = 0; i < n; i++) {
    if (!present(v[i])) {
      have = 0;
      continue;
    }
    int x = n == 1 ? X / 2 : (int)lround((double)(years[i] - years[0]) / (years[n - 1] - years[0]) * (X - 1));
    int y = (int)lround((d1 - v[i]) / (d1 - d0) * (Y - 1));
    if (have) draw_line(cv, px, py, x, y);
    else set_dot(cv, x, y);
    px = x, py = y, have = 1;
  }
}

/* The row each tick's label goes on, -1 for none; returns the label width. */
static int tick_rows(const dc_chart_ticks *t, int rows, char (*lab)[64], int *row_tick) {
  int Y = rows * 4, w = 0;
  double d0 = t->first, d1 = dc_chart_tick_value(t, t->n - 1);
  for (int r = 0; r < rows; r++) row_tick[r] = -1;
  for (int i = 0; i < t->n; i++) {
    int r = (int)lround((d1 - dc_chart_tick_value(t, i)) / (d1 - d0) * (Y - 1)) / 4;
    if (row_tick[r] >= 0) continue;
    row_tick[r] = i;
    dc_chart_fmt_tick(lab[i], sizeof lab[i], dc_chart_tick_value(t, i), t->decimals);
    int len = (int)strlen(lab[i]);
    if (len > w) w = len;
  }
  return w;
}

/* "2020" under the first column, the last year under the last, and the
 * middle year between if it fits with a gap of two. */
static void put_years(dc_chart_buf *out, const int *years, int n, int indent, int cols) {
  char line[600];
  int len = cols < 560 ? cols : 560;
  memset(line, ' ', (size_t)len);
  line[len] = '\0';
  char a[16], m[16], z[16];
  snprintf(a, sizeof a, "%d", years[0]);
  snprintf(z, sizeof z, "%d", years[n - 1]);
  snprintf(m, sizeof m, "%d", years[n / 2]);
  int la = (int)strlen(a), lz = (int)strlen(z), lm = (int)strlen(m);
  memcpy(line, a, (size_t)(la < len ? la : len));
  if (n > 1 && la + 2 + lz <= len) memcpy(line + len - lz, z, (size_t)lz);
  int mid = (int)lround((double)(years[n / 2] - years[0]) / (n > 1 ? years[n - 1] - years[0] : 1) * (len - 1)) - lm / 2;
  if (n > 2 && mid >= la + 2 && mid + lm + 2 <= len - lz) memcpy(line + mid, m, (size_t)lm);
  dc_chart_buf_printf(out, "%*s", indent, "");
  dc_chart_buf_puts(out, line);
  dc_chart_buf_puts(out, "\n");
}

static int term_check(const int *years, const double *v, int n, int width, int rows) {
  if (!years || !v || n < 1 || n > 100000 || width < 24 || width > 500 || rows < 2 || rows > 40) return 0;
  for (int i = 1; i < n; i++)
    if (years[i] <= years[i - 1]) return 0;
  return 1;
}

int dc_chart_term_plot(dc_chart_buf *out, const int *years, const double *v, int n, const char *unit,
                       int width, int rows) {
  if (rows == 0) rows = 8;
  if (!term_check(years, v, n, width, rows)) return DC_CHART_EINVAL;
  double mn = INFINITY, mx = -INFINITY;
  for (int i = 0; i < n; i++)
    if (present(v[i])) mn = fmin(mn, v[i]), mx = fmax(mx, v[i]);
  if (mn > mx) mn = 0, mx = 1; /* nothing present: an empty frame */
  dc_chart_ticks t = dc_chart_nice_ticks(mn, mx, rows / 2 + 1);
  char lab[64][64];
  int row_tick[40];
  if (t.n > 64) t.n = 64;
  int lw = tick_rows(&t, rows, lab, row_tick);
  canvas cv = {width - lw - 2, rows, NULL};
  if (cv.cols < 8) return DC_CHART_EINVAL;
  cv.dots = calloc((size_t)cv.cols * (size_t)rows, 1);
  if (!cv.dots) return DC_CHART_ENOMEM;
  plot_points(&cv, years, v, n, t.first, dc_chart_tick_value(&t, t.n - 1));
  if (unit && unit[0]) {
    for (const char *u = unit; *u; u++) /* no control characters reach the terminal */
      dc_chart_buf_add(out, (unsigned char)*u < 0x20 || *u == 0x7F ? "?" : u, 1);
    dc_chart_buf_puts(out, "\n");
  }
  for (int r = 0; r < rows; r++) {
    dc_chart_buf_printf(out, "%*s %s", lw, row_tick[r] >= 0 ? lab[row_tick[r]] : "",
                        row_tick[r] >= 0 ? "\xE2\x94\xA4" : "\xE2\x94\x82"); /* ┤ or │ */
    for (int col = 0; col < cv.cols; col++) put_braille(out, cv.dots[r * cv.cols + col]);
    dc_chart_buf_puts(out, "\n");
  }
  dc_chart_buf_printf(out, "%*s \xE2\x94\x94", lw, ""); /* └ */
  for (int col = 0; col < cv.cols; col++) dc_chart_buf_puts(out, "\xE2\x94\x80"); /* ─ */
  dc_chart_buf_puts(out, "\n");
  put_years(out, years, n, lw + 2, cv.cols);
  free(cv.dots);
  return out->failed ? DC_CHART_ENOMEM : DC_CHART_OK;
}

int dc_chart_term_width(int fd) {
  struct winsize ws;
  if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 24) return ws.ws_col > 500 ? 500 : ws.ws_col;
  const char *c = getenv("COLUMNS");
  char *end;
  long v = c ? strtol(c, &end, 10) : 0;
  if (c && *c && *end == '\0' && v >= 24 && v <= 500) return (int)v;
  return 80;
}
