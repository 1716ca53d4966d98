/* test_units.c — cmocka tests of the units core (stdlib/units.c): every unit
 * of the table against its definition, every grammar rule, every error
 * message, display choices, dimension algebra and names, GWP sets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "units.h"

/* ---- helpers ---- */

static void near(double a, double b) {
  double tol = 1e-12 * (fabs(a) + fabs(b)) + 1e-300;
  if (fabs(a - b) > tol) fail_msg("%.17g != %.17g", a, b);
}

static dc_unit unit(const char *text) {
  dc_unit u;
  dc_units_error e;
  if (dc_units_parse(text, &u, &e) != 0) fail_msg("parse \"%s\": %s", text, e.msg);
  return u;
}

static dc_dims dims(int l, int m, int t, int c, int co2, int ch4, int n2o) {
  dc_dims d = {{(int8_t)l, (int8_t)m, (int8_t)t, (int8_t)c, (int8_t)co2, (int8_t)ch4, (int8_t)n2o, 0}};
  return d;
}

static const dc_dims NONE = {{0}};
#define ENERGY dims(2, 1, -2, 0, 0, 0, 0)
#define POWER dims(2, 1, -3, 0, 0, 0, 0)
#define MASS dims(0, 1, 0, 0, 0, 0, 0)
#define TIME dims(0, 0, 1, 0, 0, 0, 0)
#define CO2 dims(0, 0, 0, 0, 1, 0, 0)

static void expect_unit(const char *text, double scale, dc_dims d) {
  dc_unit u = unit(text);
  near(u.scale, scale);
  if (!dc_dims_eq(u.dims, d)) fail_msg("dims of \"%s\" differ", text);
  near(u.offset, 0);
}

/* the error message (whole), position and suggestion of a bad quantity */
static void expect_error(const char *text, const char *msg, size_t pos, const char *sug) {
  double v;
  dc_unit u;
  dc_display d;
  dc_units_error e;
  assert_int_equal(dc_units_parse_quantity(text, &v, &u, &d, &e), -1);
  assert_string_equal(e.msg, msg);
  assert_int_equal(e.pos, pos);
  assert_string_equal(e.suggest, sug);
}

static const char *show(const char *text) {
  static char buf[128];
  double v;
  dc_unit u;
  dc_display d;
  dc_units_error e;
  if (dc_units_parse_quantity(text, &v, &u, &d, &e) != 0) fail_msg("%s", e.msg);
  dc_units_format(buf, sizeof buf, v * u.scale + u.offset, u.dims, &d);
  return buf;
}

static const char *pref(double si, dc_dims d) {
  static char buf[128];
  dc_units_format(buf, sizeof buf, si, d, NULL);
  return buf;
}

/* ---- CO2 and CO2e, reference conditions ---- */

static bool parsed_co2e(const char *text) {
  dc_unit u;
  dc_display d;
  dc_units_error e;
  if (dc_units_parse_display(text, &u, &d, &e) != 0) fail_msg("parse \"%s\": %s", text, e.msg);
  return d.co2e;
}

static void test_co2_co2e(void **state) {
  (void)state;
  assert_true(parsed_co2e("tCO2e"));
  assert_true(parsed_co2e("kgCO2e/kWh"));
  assert_true(parsed_co2e("t CO2e / yr"));
  assert_false(parsed_co2e("tCO2"));
  assert_false(parsed_co2e("kgCO2/kWh"));
  assert_false(parsed_co2e("tC"));
  assert_false(parsed_co2e("MWh")); /* no CO2 dimension: no flag */
  char l[DC_LABEL_MAX] = "tCO2/yr";
  assert_true(dc_units_label_co2e(l, sizeof l));
  assert_string_equal(l, "tCO2e/yr");
  assert_true(dc_units_label_co2e(l, sizeof l)); /* already CO2e: unchanged */
  assert_string_equal(l, "tCO2e/yr");
  char small[8] = "tCO2/yr";
  assert_false(dc_units_label_co2e(small, sizeof small));
  assert_string_equal(small, "tCO2/yr");
}

static void test_reference_conditions(void **state) {
  (void)state;
  /* 1 Nm3 at 20 °C and 101.325 kPa fills 293.15 / 273.15 m3 */
  near(dc_units_nref_factor(293.15, 101325, 1), 293.15 / 273.15);
  near(dc_units_nref_factor(273.15, 101325, 1), 1);
  /* kgce per Nm3 the other way */
  near(dc_units_nref_factor(293.15, 101325, -1), 273.15 / 293.15);
  near(dc_units_nref_factor(273.15, 2 * 101325, 1), 0.5);
  char buf[128], name[96];
  dc_unit u = unit("kWh/Nm3");
  dc_units_format(buf, sizeof buf, 10 * u.scale, u.dims, NULL);
  assert_string_equal(buf, "10 kWh/Nm3");
  assert_string_equal(dc_dims_name(unit("Nm3").dims, name, sizeof name),
                      "volume at reference conditions (0 °C, 101.325 kPa)");
}

/* ---- the unit table: each unit against its definition ---- */

static void test_energy_units(void **state) {
  (void)state;
  expect_unit("J", 1, ENERGY);
  expect_unit("kJ", 1e3, ENERGY);
  expect_unit("MJ", 1e6, ENERGY);
  expect_unit("GJ", 1e9, ENERGY);
  expect_unit("TJ", 1e12, ENERGY);
  expect_unit("PJ", 1e15, ENERGY);
  expect_unit("EJ", 1e18, ENERGY);
  expect_unit("Wh", 3600, ENERGY);
  expect_unit("kWh", 3.6e6, ENERGY);
  expect_unit("MWh", 3.6e9, ENERGY);
  expect_unit("GWh", 3.6e12, ENERGY);
  expect_unit("TWh", 3.6e15, ENERGY);
  expect_unit("tce", 29.3076e9, ENERGY);
  expect_unit("kgce", 29.3076e6, ENERGY);
  expect_unit("gce", 29.3076e3, ENERGY);
  expect_unit("ktce", 29.3076e12, ENERGY);
  expect_unit("Mtce", 29.3076e15, ENERGY);
  expect_unit("toe", 41.868e9, ENERGY);
  expect_unit("ktoe", 41.868e12, ENERGY);
  expect_unit("Mtoe", 41.868e15, ENERGY);
  expect_unit("万tce", 29.3076e13, ENERGY);
  expect_unit("亿kWh", 3.6e14, ENERGY);
}

static void test_power_mass_time(void **state) {
  (void)state;
  expect_unit("W", 1, POWER);
  expect_unit("kW", 1e3, POWER);
  expect_unit("MW", 1e6, POWER);
  expect_unit("GW", 1e9, POWER);
  expect_unit("g", 1e-3, MASS);
  expect_unit("kg", 1, MASS);
  expect_unit("t", 1e3, MASS);
  expect_unit("kt", 1e6, MASS);
  expect_unit("Mt", 1e9, MASS);
  expect_unit("Gt", 1e12, MASS);
  expect_unit("s", 1, TIME);
  expect_unit("ms", 1e-3, TIME);
  expect_unit("min", 60, TIME);
  expect_unit("h", 3600, TIME);
  expect_unit("d", 86400, TIME);
  /* the year is exactly 8,760 h */
  expect_unit("yr", 8760.0 * 3600, TIME);
  expect_unit("m", 1, dims(1, 0, 0, 0, 0, 0, 0));
  expect_unit("km", 1e3, dims(1, 0, 0, 0, 0, 0, 0));
  expect_unit("m2", 1, dims(2, 0, 0, 0, 0, 0, 0));
  expect_unit("km2", 1e6, dims(2, 0, 0, 0, 0, 0, 0));
  expect_unit("ha", 1e4, dims(2, 0, 0, 0, 0, 0, 0));
  expect_unit("mu", 1e4 / 15, dims(2, 0, 0, 0, 0, 0, 0));
  expect_unit("亩", 1e4 / 15, dims(2, 0, 0, 0, 0, 0, 0));
  expect_unit("m3", 1, dims(3, 0, 0, 0, 0, 0, 0));
  expect_unit("L", 1e-3, dims(3, 0, 0, 0, 0, 0, 0));
  /* Nm3 is not m3: a ninth exponent, reference conditions */
  dc_dims nvol = dims(3, 0, 0, 0, 0, 0, 0);
  nvol.e[DC_DIM_NREF] = 1;
  expect_unit("Nm3", 1, nvol);
  assert_false(dc_dims_eq(unit("Nm3").dims, unit("m3").dims));
  expect_unit("kPa", 1e3, dims(-1, 1, -2, 0, 0, 0, 0));
  expect_unit("bar", 1e5, dims(-1, 1, -2, 0, 0, 0, 0));
  expect_unit("yuan", 1, dims(0, 0, 0, 1, 0, 0, 0));
  expect_unit("CNY", 1, dims(0, 0, 0, 1, 0, 0, 0));
  expect_unit("元", 1, dims(0, 0, 0, 1, 0, 0, 0));
  expect_unit("万元", 1e4, dims(0, 0, 0, 1, 0, 0, 0));
  expect_unit("亿元", 1e8, dims(0, 0, 0, 1, 0, 0, 0));
  expect_unit("万亿元", 1e12, dims(0, 0, 0, 1, 0, 0, 0));
  expect_unit("%", 0.01, NONE);
  expect_unit("ppm", 1e-6, NONE);
  expect_unit("万", 1e4, NONE);
  expect_unit("亿", 1e8, NONE);
  dc_unit k = unit("K");
  assert_int_equal(k.dims.e[DC_DIM_TEMP], 1);
}

static void test_gases(void **state) {
  (void)state;
  expect_unit("gCO2", 1e-3, CO2);
  expect_unit("kgCO2", 1, CO2);
  expect_unit("tCO2", 1e3, CO2);
  expect_unit("ktCO2", 1e6, CO2);
  expect_unit("MtCO2", 1e9, CO2);
  expect_unit("GtCO2", 1e12, CO2);
  expect_unit("tCO2e", 1e3, CO2);
  expect_unit("MtCO2e", 1e9, CO2);
  expect_unit("t CO2", 1e3, CO2);
  expect_unit("tC", 1e3 * 44 / 12, CO2);
  expect_unit("t CH4", 1e3, dims(0, 0, 0, 0, 0, 1, 0));
  expect_unit("kt N2O", 1e6, dims(0, 0, 0, 0, 0, 0, 1));
  expect_unit("tCH4", 1e3, dims(0, 0, 0, 0, 0, 1, 0));
  expect_unit("万tCO2", 1e7, CO2);
  /* tCO2 never adds to t of steel: different dimensions */
  assert_false(dc_dims_eq(unit("tCO2").dims, unit("t").dims));
  assert_false(dc_dims_eq(unit("t CH4").dims, unit("tCO2e").dims));
}

static void test_every_listed_unit_parses(void **state) {
  (void)state;
  size_t i;
  for (i = 0; dc_units_at(i); i++) {
    const dc_unit_info *info = dc_units_at(i);
    assert_non_null(info->definition);
    assert_non_null(info->source);
    dc_unit u;
    dc_units_error e;
    char text[64];
    /* gas words only parse after a mass */
    if (strcmp(info->dimension, "emissions (CO2)") == 0 || strcmp(info->dimension, "emissions (CH4)") == 0 ||
        strcmp(info->dimension, "emissions (N2O)") == 0)
      snprintf(text, sizeof text, "t %s", info->name);
    else
      snprintf(text, sizeof text, "%s", info->name);
    if (dc_units_parse(text, &u, &e) != 0) fail_msg("%s: %s", text, e.msg);
    char name[80];
    dc_dims_name(u.dims, name, sizeof name);
    assert_string_equal(name, info->dimension);
  }
  assert_true(i >= 35);
  assert_null(dc_units_at(i));
  assert_null(dc_units_prefixes(i));
  /* J takes every prefix, tce only k M G, h none */
  assert_string_equal(dc_units_prefixes(0), "E P T G M k m µ n");
  for (size_t k = 0; dc_units_at(k); k++) {
    if (strcmp(dc_units_at(k)->name, "tce") == 0) assert_string_equal(dc_units_prefixes(k), "G M k");
    if (strcmp(dc_units_at(k)->name, "h") == 0) assert_string_equal(dc_units_prefixes(k), "");
  }
}

static void test_dims_si(void **state) {
  (void)state;
  char buf[80];
  dc_dims_si(ENERGY, buf, sizeof buf);
  assert_string_equal(buf, "m^2·kg·s^-2");
  dc_dims_si(NONE, buf, sizeof buf);
  assert_string_equal(buf, "");
  dc_dims_si(dims(0, 0, -1, 0, 1, 0, 0), buf, sizeof buf);
  assert_string_equal(buf, "s^-1·kgCO2e");
}

/* ---- grammar ---- */

static void test_grammar_products_and_division(void **state) {
  (void)state;
  expect_unit("kW h", 3.6e6, ENERGY);
  expect_unit("kW*h", 3.6e6, ENERGY);
  expect_unit("kW·h", 3.6e6, ENERGY);
  expect_unit("kW * h", 3.6e6, ENERGY);
  expect_unit("kgCO2/kWh", 1 / 3.6e6, dims(-2, -1, 2, 0, 1, 0, 0));
  expect_unit("kgCO2 per kWh", 1 / 3.6e6, dims(-2, -1, 2, 0, 1, 0, 0));
  expect_unit("t CH4 / yr", 1e3 / (8760.0 * 3600), dims(0, 0, -1, 0, 0, 1, 0));
  /* a product after '/' is all in the denominator */
  expect_unit("kgCO2/m2 yr", 1 / (8760.0 * 3600), dims(-2, 0, -1, 0, 1, 0, 0));
  expect_unit("kgCO2/m2/yr", 1 / (8760.0 * 3600), dims(-2, 0, -1, 0, 1, 0, 0));
  expect_unit("(kgCO2/m2)/yr", 1 / (8760.0 * 3600), dims(-2, 0, -1, 0, 1, 0, 0));
  expect_unit("L/100 km", 1e-3 / 1e5, dims(2, 0, 0, 0, 0, 0, 0));
  expect_unit("yuan/kWh", 1 / 3.6e6, dims(-2, -1, 2, 1, 0, 0, 0));
  expect_unit("tce/万元", 29.3076e9 / 1e4, dims(2, 1, -2, -1, 0, 0, 0));
}

static void test_grammar_powers(void **state) {
  (void)state;
  expect_unit("m^2", 1, dims(2, 0, 0, 0, 0, 0, 0));
  expect_unit("km^2", 1e6, dims(2, 0, 0, 0, 0, 0, 0));
  expect_unit("s^-1", 1, dims(0, 0, -1, 0, 0, 0, 0));
  expect_unit("s^(-2)", 1, dims(0, 0, -2, 0, 0, 0, 0));
  expect_unit("(kW h)^2", 3.6e6 * 3.6e6, dims(4, 2, -4, 0, 0, 0, 0));
  expect_unit("kg m^2 s^-2", 1, ENERGY);
  expect_unit("m ^ 3", 1, dims(3, 0, 0, 0, 0, 0, 0));
}

static void test_grammar_numbers(void **state) {
  (void)state;
  double v;
  dc_unit u;
  dc_display d;
  dc_units_error e;
  assert_int_equal(dc_units_parse_quantity("1e4 tce", &v, &u, &d, &e), 0);
  near(v, 1e4);
  assert_string_equal(d.label, "tce");
  assert_int_equal(dc_units_parse_quantity("10^4 m2", &v, &u, &d, &e), 0);
  near(v, 1e4);
  assert_int_equal(dc_units_parse_quantity("-2.5e-3 MW", &v, &u, &d, &e), 0);
  near(v, -2.5e-3);
  assert_int_equal(dc_units_parse_quantity(".5 h", &v, &u, &d, &e), 0);
  near(v, 0.5);
  assert_int_equal(dc_units_parse_quantity("107MW", &v, &u, &d, &e), 0);
  near(v * u.scale, 107e6);
  assert_int_equal(dc_units_parse_quantity("  42  ", &v, &u, &d, &e), 0);
  near(v, 42);
  assert_true(dc_dims_none(u.dims));
  assert_string_equal(d.label, "");
  assert_int_equal(dc_units_parse_quantity("24.69 %", &v, &u, &d, &e), 0);
  near(v * u.scale, 0.2469);
  assert_string_equal(d.label, "%");
  assert_int_equal(dc_units_parse_quantity("20 °C", &v, &u, &d, &e), 0);
  near(v * u.scale + u.offset, 293.15);
}

static void test_canonical_labels(void **state) {
  (void)state;
  assert_string_equal(show("3 kW * h"), "3 kW·h");
  assert_string_equal(show("2 t CH4 / yr"), "2 t CH4/yr");
  assert_string_equal(show("5 yuan per kWh"), "5 yuan/kWh");
  assert_string_equal(show("1 (kWh)^-1"), "1 (kWh)^-1");
  dc_unit u;
  dc_display d;
  dc_units_error e;
  assert_int_equal(dc_units_parse_display("kgCO2 / kWh", &u, &d, &e), 0);
  assert_string_equal(d.label, "kgCO2/kWh");
  near(d.scale, 1 / 3.6e6);
  /* a label too long for a display is left empty (preferred unit) */
  assert_int_equal(dc_units_parse_display("kg m s yuan kg m s yuan kg m s yuan kg m s yuan", &u, &d, &e), 0);
  assert_string_equal(d.label, "");
}

/* ---- errors ---- */

static void test_error_unknown_units(void **state) {
  (void)state;
  expect_error("3 kwh", "unknown unit 'kwh' in \"3 kwh\" — did you mean 'kWh'?", 2, "kWh");
  expect_error("1 MWH", "unknown unit 'MWH' in \"1 MWH\" — did you mean 'MWh'?", 2, "MWh");
  expect_error("5 a", "unknown unit 'a' in \"5 a\" — did you mean 'yr'?", 2, "yr");
  expect_error("1 tonne", "unknown unit 'tonne' in \"1 tonne\" — did you mean 't'?", 2, "t");
  expect_error("1 kgco2", "unknown unit 'kgco2' in \"1 kgco2\" — did you mean 'kgCO2'?", 2, "kgCO2");
  expect_error("1 x", "unknown unit 'x' in \"1 x\"", 2, "");
  expect_error("1 banana", "unknown unit 'banana' in \"1 banana\"", 2, "");
  expect_error("1 万kwh", "unknown unit '万kwh' in \"1 万kwh\" — did you mean '万kWh'?", 2, "万kWh");
  expect_error("1 kg/kwh", "unknown unit 'kwh' in \"1 kg/kwh\" — did you mean 'kWh'?", 5, "kWh");
}

static void test_error_grammar(void **state) {
  (void)state;
  expect_error("5 MWh)", "unexpected ')' at column 6 in \"5 MWh)\"", 5, "");
  expect_error("5 MWh 3", "unexpected '3' at column 7 in \"5 MWh 3\"", 6, "");
  expect_error("1 (m", "expected ')' at column 5, found end of text in \"1 (m\"", 4, "");
  expect_error("1 m^", "expected an integer exponent after '^' at column 4 in \"1 m^\"", 4, "");
  expect_error("1 m^1.5", "exponent must be an integer at column 4 in \"1 m^1.5\"", 5, "");
  expect_error("1 km^127", "exponent out of range at column 5 in \"1 km^127\"", 4, "");
  expect_error("1 kg/", "expected a unit at column 6, found end of text in \"1 kg/\"", 5, "");
  expect_error("1 kg**m", "expected a unit at column 6, found '*' in \"1 kg**m\"", 5, "");
  expect_error("1.5.3 m", "unexpected '.' at column 4 in \"1.5.3 m\"", 3, "");
  expect_error("MW", "expected a number before the unit (as in \"1 MW\") in \"MW\"", 0, "");
  expect_error("", "empty quantity: expected a number and a unit in \"\"", 0, "");
  expect_error("1e999 J", "number out of range at column 1 in \"1e999 J\"", 0, "");
  expect_error("1 CH4", "'CH4' must follow a mass unit, as in 't CH4' or 'kgCO2' in \"1 CH4\"", 2, "");
  expect_error("1 MW CH4", "'CH4' must follow a mass unit, as in 't CH4' or 'kgCO2' in \"1 MW CH4\"", 5, "");
  expect_error("1 °C m", "a unit with an offset (°C) cannot be combined with other units in \"1 °C m\"", 6, "");
  expect_error("1 万tce)", "unexpected ')' at column 7 in \"1 万tce)\"", 8, "");
  expect_error("1 m/0", "a unit cannot be zero (column 5) in \"1 m/0\"", 4, "");
  expect_error("1 kg 2", "unexpected '2' at column 6 in \"1 kg 2\"", 5, "");
  expect_error("1 kg*2", "expected a unit at column 6, found '2' in \"1 kg*2\"", 5, "");
  dc_unit u;
  dc_units_error e;
  assert_int_equal(dc_units_parse("", &u, &e), -1);
  assert_string_equal(e.msg, "empty unit in \"\"");
  /* deep nesting is refused, not recursed without end */
  char deep[200];
  memset(deep, '(', 100);
  strcpy(deep + 100, "m");
  assert_int_equal(dc_units_parse(deep, &u, &e), -1);
  assert_non_null(strstr(e.msg, "too many nested parentheses"));
  /* a long text is shortened in the message, which still fits */
  char long_text[300];
  memset(long_text, 'x', 250);
  long_text[250] = '\0';
  assert_int_equal(dc_units_parse(long_text, &u, &e), -1);
  assert_true(strlen(e.msg) < sizeof e.msg);
}

/* ---- display ---- */

static void test_format_given_unit(void **state) {
  (void)state;
  assert_string_equal(show("107 MW"), "107 MW");
  assert_string_equal(show("24.69 %"), "24.69 %");
  assert_string_equal(show("1 万tce"), "1 万tce");
  assert_string_equal(show("0.4772 kgCO2/kWh"), "0.4772 kgCO2/kWh");
  assert_string_equal(show("20 °C"), "20 °C");
}

static void test_format_preferred(void **state) {
  (void)state;
  /* 107 MW * 1500 h */
  assert_string_equal(pref(107e6 * 1500 * 3600, ENERGY), "160.5 GWh");
  assert_string_equal(pref(29.3076e9, ENERGY), "8.141 MWh");
  assert_string_equal(pref(0, ENERGY), "0 kWh");
  assert_string_equal(pref(500, ENERGY), "0.138889 Wh");
  assert_string_equal(pref(999.9999999e3 * 3.6e3, ENERGY), "1 MWh");
  assert_string_equal(pref(2.5e9, POWER), "2.5 GW");
  assert_string_equal(pref(-2.5e9, POWER), "-2.5 GW");
  /* CO2 only unless the display says CO2e */
  assert_string_equal(pref(279e3, CO2), "279 tCO2");
  assert_string_equal(pref(500, MASS), "500 kg");
  assert_string_equal(pref(1500, MASS), "1.5 t");
  assert_string_equal(pref(1500 * 3600, TIME), "1500 h");
  assert_string_equal(pref(2 * 8760.0 * 3600, TIME), "2 yr");
  assert_string_equal(pref(0.2469, NONE), "0.2469");
  assert_string_equal(pref(16300e3 / (8760.0 * 3600), dims(0, 0, -1, 0, 1, 0, 0)), "16.3 ktCO2/yr");
  assert_string_equal(pref(0.4772 / 3.6e6, dims(-2, -1, 2, 0, 1, 0, 0)), "0.4772 kgCO2/kWh");
  {
    static char buf[128];
    dc_display e = {1, 0, "", 1};
    dc_units_format(buf, sizeof buf, 279e3, CO2, &e);
    assert_string_equal(buf, "279 tCO2e");
    dc_units_format(buf, sizeof buf, 0.4772 / 3.6e6, dims(-2, -1, 2, 0, 1, 0, 0), &e);
    assert_string_equal(buf, "0.4772 kgCO2e/kWh");
  }
  assert_string_equal(pref(450000, dims(0, 0, 0, 1, 0, 0, 0)), "450000 yuan");
  /* no preferred unit: SI base units */
  assert_string_equal(pref(2, dims(1, 1, 1, 0, 0, 0, 0)), "2 m·kg·s");
  assert_string_equal(pref(NAN, ENERGY), "nan kWh");
}

/* ---- dimension algebra and names ---- */

static void test_dims_algebra(void **state) {
  (void)state;
  dc_dims out;
  assert_true(dc_dims_mul(POWER, TIME, &out));
  assert_true(dc_dims_eq(out, ENERGY));
  assert_true(dc_dims_div(ENERGY, TIME, &out));
  assert_true(dc_dims_eq(out, POWER));
  assert_true(dc_dims_pow(dims(1, 0, 0, 0, 0, 0, 0), 3, &out));
  assert_true(dc_dims_eq(out, dims(3, 0, 0, 0, 0, 0, 0)));
  assert_true(dc_dims_none(NONE));
  assert_false(dc_dims_none(MASS));
  dc_dims big = dims(100, 0, 0, 0, 0, 0, 0);
  assert_false(dc_dims_mul(big, big, &out));
  assert_false(dc_dims_div(big, dims(-100, 0, 0, 0, 0, 0, 0), &out));
  assert_false(dc_dims_pow(big, 2, &out));
  assert_false(dc_dims_pow(MASS, 100000, &out));
  assert_true(dc_dims_pow(MASS, -128, &out));
}

static void test_dims_names(void **state) {
  (void)state;
  char buf[80];
  assert_string_equal(dc_dims_name(ENERGY, buf, sizeof buf), "energy");
  assert_string_equal(dc_dims_name(POWER, buf, sizeof buf), "power");
  assert_string_equal(dc_dims_name(NONE, buf, sizeof buf), "dimensionless");
  assert_string_equal(dc_dims_name(dims(0, 0, -1, 0, 1, 0, 0), buf, sizeof buf), "emissions rate (CO2)");
  assert_string_equal(dc_dims_name(dims(-3, 1, 0, 0, 0, 0, 0), buf, sizeof buf), "density");
  assert_string_equal(dc_dims_name(dims(1, 1, 1, 0, 0, 0, 0), buf, sizeof buf), "length·mass·time");
  assert_string_equal(dc_dims_name(dims(-3, 2, 0, 0, 0, 0, 0), buf, sizeof buf), "length^-3·mass^2");
  /* truncated, but terminated */
  char tiny[6];
  dc_dims_name(ENERGY, tiny, sizeof tiny);
  assert_string_equal(tiny, "energ");
}

/* ---- GWP sets (DATA.md §4) ---- */

static void test_gwp(void **state) {
  (void)state;
  static const struct {
    const char *set;
    double ch4, n2o;
  } want[] = {{"SAR", 21, 310}, {"AR4", 25, 298}, {"AR5", 28, 265},
              {"AR6", 27.9, 273}, {"AR6-fossil", 29.8, 273}, {"AR6-nonfossil", 27.0, 273}};
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    double ch4 = 0, n2o = 0;
    assert_int_equal(dc_units_gwp(want[i].set, &ch4, &n2o), 0);
    near(ch4, want[i].ch4);
    near(n2o, want[i].n2o);
  }
  double x;
  assert_int_equal(dc_units_gwp("AR7", &x, &x), -1);
  assert_int_equal(dc_units_gwp("ar6", &x, &x), -1);
  assert_int_equal(dc_units_gwp(NULL, &x, &x), -1);
}

/* The display choice is the unit dc_units_format prints in: label and
 * scale straight from the core, no number formatted and parsed back. */
static void test_choose_display(void **state) {
  (void)state;
  dc_display d;
  dc_dims energy = dims(2, 1, -2, 0, 0, 0, 0), co2rate = dims(0, 0, -1, 0, 1, 0, 0);
  dc_units_choose_display(energy, 7.3e18, false, &d);
  assert_string_equal(d.label, "PWh");
  assert_true(d.scale == 3.6e18);
  dc_units_choose_display(energy, 999.9996 * 3.6e6, false, &d); /* rounds to 1 MWh */
  assert_string_equal(d.label, "MWh");
  dc_units_choose_display(co2rate, 2e9 / 31536000.0, false, &d);
  assert_string_equal(d.label, "MtCO2/yr");
  assert_false(d.co2e);
  dc_units_choose_display(co2rate, 2e9 / 31536000.0, true, &d);
  assert_string_equal(d.label, "MtCO2e/yr");
  assert_true(d.scale == 1e9 / 31536000.0);
  dc_units_choose_display(energy, 0, false, &d); /* 0: as for 1 J */
  assert_string_equal(d.label, "Wh");
  dc_units_choose_display(dims(0, 0, 0, 0, 0, 0, 0), 42, false, &d);
  assert_string_equal(d.label, "");
  assert_true(d.scale == 1);
  dc_units_choose_display(dims(-3, 2, 0, 0, 0, 0, 0), 5, false, &d); /* no preferred unit */
  assert_string_equal(d.label, "m^-3\xc2\xb7kg^2");
  assert_true(d.scale == 1);
  /* the same unit as dc_units_format, over magnitudes and dimensions */
  dc_dims ds[] = {energy, co2rate, dims(2, 1, -3, 0, 0, 0, 0), dims(0, 1, 0, 0, 0, 0, 0), dims(0, 0, 1, 0, 0, 0, 0)};
  for (size_t i = 0; i < sizeof ds / sizeof ds[0]; i++)
    for (double v = 1e-5; v < 1e22; v *= 7.3) {
      char buf[128], want[128], num[64];
      dc_units_choose_display(ds[i], v, false, &d);
      dc_units_format(want, sizeof want, v, ds[i], NULL);
      dc_fmt_number(num, sizeof num, v / d.scale, 0);
      snprintf(buf, sizeof buf, "%s %s", num, d.label);
      assert_string_equal(buf, want);
    }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_energy_units),
    cmocka_unit_test(test_power_mass_time),
    cmocka_unit_test(test_co2_co2e),
    cmocka_unit_test(test_reference_conditions),
    cmocka_unit_test(test_gases),
    cmocka_unit_test(test_every_listed_unit_parses),
    cmocka_unit_test(test_grammar_products_and_division),
    cmocka_unit_test(test_grammar_powers),
    cmocka_unit_test(test_grammar_numbers),
    cmocka_unit_test(test_canonical_labels),
    cmocka_unit_test(test_error_unknown_units),
    cmocka_unit_test(test_error_grammar),
    cmocka_unit_test(test_format_given_unit),
    cmocka_unit_test(test_format_preferred),
    cmocka_unit_test(test_dims_algebra),
    cmocka_unit_test(test_dims_names),
    cmocka_unit_test(test_dims_si),
    cmocka_unit_test(test_gwp),
    cmocka_unit_test(test_choose_display),
  };
  return cmocka_run_group_tests_name("units", tests, NULL, NULL);
}
