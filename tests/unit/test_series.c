/* test_series.c — cmocka tests of the series core (stdlib/series.c):
 * interpolation modes, extend rules, ranges, arithmetic dims and overlap,
 * reductions and the compact text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "series.h"

static const dc_dims NONE = {{0}};
static dc_dims dims_of(const char *unit) {
  dc_unit u;
  dc_units_error e;
  assert_int_equal(dc_units_parse(unit, &u, &e), 0);
  return u.dims;
}
static double scale_of(const char *unit) {
  dc_unit u;
  dc_units_error e;
  assert_int_equal(dc_units_parse(unit, &u, &e), 0);
  return u.scale;
}
static dc_display disp_of(const char *unit) {
  dc_display d = {scale_of(unit), 0, "", 0};
  strcpy(d.label, unit);
  return d;
}

static void near(double a, double b) {
  double tol = 1e-12 * (fabs(a) + fabs(b)) + 1e-300;
  if (fabs(a - b) > tol) fail_msg("%.17g != %.17g", a, b);
}

static dc_series *points(const int *ys, const double *vs, size_t np, dc_interp m) {
  dc_err err;
  dc_series *s = dc_series_new(ys[0], ys[np - 1] - ys[0] + 1, NONE, NULL);
  assert_non_null(s);
  assert_int_equal(dc_series_fill_points(s, ys, vs, np, m, &err), 0);
  return s;
}

static void test_storage(void **st) {
  (void)st;
  assert_int_equal(dc_series_bytes(0), 0);
  assert_int_equal(dc_series_bytes(DC_SERIES_MAX_YEARS + 1), 0);
  assert_int_equal(dc_series_bytes(2), sizeof(dc_series) + 2 * sizeof(double));
  assert_null(dc_series_new(9999, 2, NONE, NULL)); /* would end at 10000 */
  assert_null(dc_series_new(-1, 1, NONE, NULL));
  dc_series *s = dc_series_new(2020, 16, NONE, NULL);
  assert_non_null(s);
  assert_int_equal(dc_series_last(s), 2035);
  assert_int_equal(s->extend, DC_EXTEND_NONE);
  dc_series_free(s);
  dc_err err;
  assert_int_equal(dc_series_check_range(2020, 2035, &err), 0);
  assert_int_equal(dc_series_check_range(2035, 2020, &err), -1);
  assert_string_equal(err.msg, "empty year range 2035..2020 (the last year is before the first)");
  assert_int_equal(dc_series_check_range(2020, 10000, &err), -1);
  assert_string_equal(err.msg, "year out of range (years are 0..9999)");
}

static void test_linear(void **st) {
  (void)st;
  int ys[] = {2020, 2035};
  double vs[] = {1.13e6, 1.25e6};
  dc_series *s = points(ys, vs, 2, DC_INTERP_LINEAR);
  double v;
  assert_int_equal(s->n, 16);
  assert_int_equal(dc_series_at(s, 2020, &v), 0);
  near(v, 1.13e6);
  assert_int_equal(dc_series_at(s, 2025, &v), 0);
  near(v, 1.13e6 + 0.12e6 / 3);
  assert_int_equal(dc_series_at(s, 2035, &v), 0);
  near(v, 1.25e6);
  assert_int_equal(dc_series_at(s, 2036, &v), -1);
  assert_int_equal(dc_series_at(s, 2019, &v), -1);
  dc_series_free(s);
}

static void test_step_and_growth(void **st) {
  (void)st;
  int ys[] = {2020, 2023, 2025};
  double vs[] = {10, 20, 80};
  dc_series *s = points(ys, vs, 3, DC_INTERP_STEP);
  double want_step[] = {10, 10, 10, 20, 20, 80};
  for (int i = 0; i < 6; i++) near(s->v[i], want_step[i]);
  dc_series_free(s);
  s = points(ys, vs, 3, DC_INTERP_GROWTH);
  near(s->v[0], 10);
  near(s->v[3], 20);
  near(s->v[4], 40); /* 20 -> 80 over two years: doubles each year */
  near(s->v[5], 80);
  near(s->v[1], 10 * pow(2, 1.0 / 3));
  dc_series_free(s);
  /* growth through zero or a sign change is refused */
  dc_err err;
  double bad[] = {10, 0, 5};
  s = dc_series_new(2020, 6, NONE, NULL);
  assert_int_equal(dc_series_fill_points(s, ys, bad, 3, DC_INTERP_GROWTH, &err), -1);
  assert_string_equal(err.msg, "growth interpolation between 2020 and 2023 needs two non-zero values "
                           "of the same sign (use interp = \"linear\")");
  /* years must increase */
  int back[] = {2020, 2020, 2025};
  assert_int_equal(dc_series_fill_points(s, back, vs, 3, DC_INTERP_LINEAR, &err), -1);
  assert_string_equal(err.msg, "years must increase: 2020 after 2020");
  double inf[] = {1, INFINITY, 2};
  assert_int_equal(dc_series_fill_points(s, ys, inf, 3, DC_INTERP_LINEAR, &err), -1);
  assert_string_equal(err.msg, "value at 2023 is not a finite number");
  dc_series_free(s);
}

static void test_fill_growth(void **st) {
  (void)st;
  dc_err err;
  dc_series *s = dc_series_new(2020, 16, NONE, NULL);
  assert_int_equal(dc_series_fill_growth(s, 2.1, 0.04, &err), 0);
  near(s->v[0], 2.1);
  near(s->v[1], 2.1 * 1.04);
  near(s->v[15], 2.1 * pow(1.04, 15));
  double r;
  assert_int_equal(dc_series_cagr(s, 2020, 2035, &r, &err), 0);
  assert_true(fabs(r - 0.04) < 1e-12);
  assert_int_equal(dc_series_fill_growth(s, 2.1, -1, &err), -1);
  dc_series_free(s);
}

static void test_extend(void **st) {
  (void)st;
  int ys[] = {2020, 2022};
  double vs[] = {10, 14};
  dc_series *s = points(ys, vs, 2, DC_INTERP_LINEAR);
  double v;
  s->extend = DC_EXTEND_CONSTANT;
  assert_int_equal(dc_series_at(s, 2030, &v), 0);
  near(v, 14);
  assert_int_equal(dc_series_at(s, 2000, &v), 0);
  near(v, 10);
  s->extend = DC_EXTEND_LINEAR;
  assert_int_equal(dc_series_at(s, 2025, &v), 0);
  near(v, 20);
  assert_int_equal(dc_series_at(s, 2018, &v), 0);
  near(v, 6);
  double span[4];
  assert_int_equal(dc_series_span(s, 2021, 2024, span), 0);
  near(span[0], 12);
  near(span[3], 18);
  /* growth: 10 -> 14 over two years is sqrt(1.4) a year, kept up */
  dc_err err;
  assert_int_equal(dc_series_check_extend(s, DC_EXTEND_GROWTH, &err), 0);
  s->extend = DC_EXTEND_GROWTH;
  assert_int_equal(dc_series_at(s, 2023, &v), 0);
  near(v, 14 * (14.0 / 12.0));
  assert_int_equal(dc_series_at(s, 2019, &v), 0);
  near(v, 10 * (10.0 / 12.0));
  s->v[2] = 0; /* no growth rate through zero */
  assert_int_equal(dc_series_at(s, 2023, &v), -1);
  assert_int_equal(dc_series_check_extend(s, DC_EXTEND_GROWTH, &err), -1);
  assert_non_null(strstr(err.msg, "non-zero values of one sign in the two last years"));
  s->v[2] = 14;
  s->extend = DC_EXTEND_NONE;
  assert_int_equal(dc_series_span(s, 2021, 2024, span), -1);
  assert_int_equal(dc_series_span(s, 2020, 2022, span), 0);
  dc_series_free(s);
  dc_extend e;
  dc_interp m;
  assert_int_equal(dc_extend_parse("linear", &e), 0);
  assert_int_equal(e, DC_EXTEND_LINEAR);
  assert_int_equal(dc_extend_parse("Linear", &e), -1);
  assert_int_equal(dc_interp_parse("growth", &m), 0);
  assert_string_equal(dc_interp_name(DC_INTERP_STEP), "step");
  assert_string_equal(dc_extend_name(DC_EXTEND_CONSTANT), "constant");
  assert_int_equal(dc_extend_parse("growth", &e), 0);
  assert_int_equal(e, DC_EXTEND_GROWTH);
}

static void test_arith(void **st) {
  (void)st;
  dc_dims power = dims_of("MW"), energy = dims_of("MWh"), time = dims_of("h"), out;
  dc_display mw = disp_of("MW"), mwh = disp_of("MWh");
  dc_err err;
  assert_int_equal(dc_series_op_dims(DC_SERIES_ADD, power, &mw, energy, &mwh, &out, &err), -1);
  assert_string_equal(err.msg, "cannot add MW (power) and MWh (energy)");
  assert_int_equal(err.code, DC_ERR_INPUT);
  assert_int_equal(dc_series_op_dims(DC_SERIES_SUB, power, NULL, energy, NULL, &out, &err), -1);
  assert_string_equal(err.msg, "cannot subtract power and energy");
  assert_int_equal(dc_series_op_dims(DC_SERIES_MUL, power, NULL, time, NULL, &out, &err), 0);
  assert_true(dc_dims_eq(out, energy));
  assert_int_equal(dc_series_op_dims(DC_SERIES_DIV, energy, NULL, time, NULL, &out, &err), 0);
  assert_true(dc_dims_eq(out, power));

  dc_series *a = dc_series_new(2020, 5, NONE, NULL), *b = dc_series_new(2023, 5, NONE, NULL);
  for (int i = 0; i < 5; i++) a->v[i] = i + 1, b->v[i] = 10 * (i + 1);
  int y0, y1;
  assert_int_equal(dc_series_overlap(a, b, &y0, &y1), 0);
  assert_int_equal(y0, 2023);
  assert_int_equal(y1, 2024);
  dc_series *r = dc_series_new(y0, y1 - y0 + 1, NONE, NULL);
  dc_series_arith(DC_SERIES_ADD, a, b, r);
  near(r->v[0], 14);
  near(r->v[1], 25);
  dc_series_arith(DC_SERIES_DIV, a, b, r);
  near(r->v[0], 0.4);
  dc_series_free(r);
  dc_series *c = dc_series_new(2030, 2, NONE, NULL);
  assert_int_equal(dc_series_overlap(a, c, &y0, &y1), -1);
  double out5[5];
  dc_series_kernel_scalar(DC_SERIES_SUB, a->v, 10, true, out5, 5);
  near(out5[0], 9);
  dc_series_kernel_scalar(DC_SERIES_DIV, a->v, 2, false, out5, 5);
  near(out5[1], 1);
  dc_series_kernel_scalar(DC_SERIES_DIV, a->v, 2, true, out5, 5);
  near(out5[1], 1);
  near(out5[3], 0.5);
  dc_series_pow(a, 2, a);
  near(a->v[4], 25);
  dc_series_free(a);
  dc_series_free(b);
  dc_series_free(c);
}

static void test_sum_rate(void **st) {
  (void)st;
  /* 100 tCO2/yr over 2021..2030 is 1000 tCO2 */
  double yr = scale_of("yr");
  dc_dims rate = dims_of("tCO2/yr"), amount = dims_of("tCO2"), d;
  dc_series *s = dc_series_new(2020, 11, rate, NULL);
  for (int i = 0; i < 11; i++) s->v[i] = 100 * scale_of("tCO2/yr");
  dc_err err;
  double total;
  assert_true(dc_series_is_rate(rate));
  assert_int_equal(dc_series_sum(s, 2021, 2030, yr, &total, &d, &err), 0);
  assert_true(dc_dims_eq(d, amount));
  near(total, 1000 * scale_of("tCO2"));
  assert_int_equal(dc_series_sum(s, 2021, 2031, yr, &total, &d, &err), -1);
  assert_string_equal(err.msg, "sum from 2021 to 2031: the series has no value for 2031 (it covers 2020..2030)");
  assert_int_equal(dc_series_sum(s, 2025, 2021, yr, &total, &d, &err), -1);
  /* cumsum: running amounts */
  dc_series *c = dc_series_new(2020, 11, NONE, NULL);
  dc_series_cumsum(s, yr, c);
  assert_true(dc_dims_eq(c->dims, amount));
  near(c->v[10], 1100 * scale_of("tCO2"));
  dc_series_free(s);
  /* an amount (not per time) sums as it is: GWh of each year */
  dc_dims energy = dims_of("GWh");
  assert_false(dc_series_is_rate(energy));
  assert_true(dc_series_is_rate(dims_of("MW")));
  assert_true(dc_series_is_rate(dims_of("GWh/yr")));
  assert_true(dc_series_is_rate(dims_of("t/yr")));
  assert_true(dc_series_is_rate(dims_of("yuan/yr")));
  assert_false(dc_series_is_rate(dims_of("kgCO2/kWh")));
  assert_false(dc_series_is_rate(dims_of("yuan/kWh")));
  assert_false(dc_series_is_rate(dims_of("h")));
  assert_false(dc_series_is_rate(dims_of("t")));
  assert_false(dc_series_is_rate(NONE));
  s = dc_series_new(2020, 3, energy, NULL);
  for (int i = 0; i < 3; i++) s->v[i] = (i + 1) * 3.6e12;
  assert_int_equal(dc_series_sum(s, 2020, 2022, yr, &total, &d, &err), 0);
  near(total, 6 * 3.6e12);
  assert_true(dc_dims_eq(d, energy));
  dc_series_cumsum(s, yr, c);
  assert_true(dc_dims_eq(c->dims, energy));
  near(c->v[1], 3 * 3.6e12);
  dc_series_free(s);
  dc_series_free(c);
}

static void test_minmax_cagr_diff(void **st) {
  (void)st;
  dc_series *s = dc_series_new(2020, 6, NONE, NULL);
  double vs[] = {5, 7, 9, 9, 4, 6};
  memcpy(s->v, vs, sizeof vs);
  int y;
  double v;
  dc_series_max(s, &y, &v);
  assert_int_equal(y, 2022); /* the first year of the peak */
  near(v, 9);
  dc_series_min(s, &y, &v);
  assert_int_equal(y, 2024);
  near(v, 4);
  dc_err err;
  double r;
  assert_int_equal(dc_series_cagr(s, 2020, 2022, &r, &err), 0);
  near(r, sqrt(9.0 / 5) - 1);
  assert_int_equal(dc_series_cagr(s, 2022, 2020, &r, &err), -1);
  assert_int_equal(dc_series_cagr(s, 2020, 2030, &r, &err), -1);
  assert_string_equal(err.msg, "cagr from 2020 to 2030: the series covers 2020..2025");
  s->v[0] = -1;
  assert_int_equal(dc_series_cagr(s, 2020, 2021, &r, &err), -1);
  assert_string_equal(err.msg, "cagr from 2020 to 2021 needs two non-zero values of the same sign");
  dc_series *d = dc_series_new(2021, 5, NONE, NULL);
  dc_series_diff(s, d);
  near(d->v[0], 8);
  near(d->v[3], -5);
  near(d->v[4], 2);
  dc_series_free(d);
  dc_series_free(s);
}

static void test_format(void **st) {
  (void)st;
  dc_display gwh = disp_of("GWh");
  dc_series *s = dc_series_new(2020, 3, dims_of("GWh"), &gwh);
  s->v[0] = 2100 * gwh.scale;
  s->v[1] = 2184 * gwh.scale;
  s->v[2] = 2271.36 * gwh.scale;
  char buf[300];
  dc_series_format(s, buf, sizeof buf, 0);
  assert_string_equal(buf, "series 2020..2022 (GWh): 2020 2100, 2021 2184, 2022 2271.36");
  /* truncated output still reports the full length, like snprintf */
  size_t n = dc_series_format(s, buf, 10, 0);
  assert_int_equal(n, strlen("series 2020..2022 (GWh): 2020 2100, 2021 2184, 2022 2271.36"));
  assert_string_equal(buf, "series 20");
  dc_series_free(s);
  /* no label: the preferred unit, one prefix for the whole series */
  s = dc_series_new(2020, 8, dims_of("MWh"), NULL);
  for (int i = 0; i < 8; i++) s->v[i] = (i + 1) * 1e3 * 3.6e9; /* 1000 .. 8000 MWh */
  dc_series_format(s, buf, sizeof buf, 4);
  assert_string_equal(buf, "series 2020..2027 (GWh): 2020 1, 2021 2, ..., 2026 7, 2027 8");
  dc_series_free(s);
  /* dimensionless without a label: no unit */
  s = dc_series_new(2020, 2, NONE, NULL);
  s->v[0] = 0.5;
  s->v[1] = 0.25;
  dc_series_format(s, buf, sizeof buf, 0);
  assert_string_equal(buf, "series 2020..2021: 2020 0.5, 2021 0.25");
  dc_series_free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_storage),     cmocka_unit_test(test_linear),
      cmocka_unit_test(test_step_and_growth), cmocka_unit_test(test_fill_growth),
      cmocka_unit_test(test_extend),      cmocka_unit_test(test_arith),
      cmocka_unit_test(test_sum_rate),    cmocka_unit_test(test_minmax_cagr_diff),
      cmocka_unit_test(test_format),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
