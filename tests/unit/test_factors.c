/* test_factors.c — cmocka tests of the reference-data core (stdlib/factors.c):
 * every value of DATA.md §1–§5 (typed here again from DATA.md, not read from
 * the CSVs), the verify flags, the derived IPCC column to four significant
 * digits, GWP sets against the units core, names, and look-up errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>

#include "factors.h"
#include "fmt.h"

typedef struct want {
  const char *dataset, *name, *variant;
  int year;
  double value;
  const char *unit;
  bool verify;
} want;

/* DATA.md, section by section */
static const want data_md[] = {
    /* §1 national */
    {"grid", "CN", "", 2021, 0.5568, "kgCO2/kWh", false},
    {"grid", "CN", "", 2022, 0.5366, "kgCO2/kWh", false},
    {"grid", "CN", "", 2023, 0.5306, "kgCO2/kWh", false},
    {"grid", "CN-nonmarket", "", 2022, 0.5856, "kgCO2/kWh", false},
    {"grid", "CN-nonmarket", "", 2023, 0.6096, "kgCO2/kWh", false},
    {"grid", "CN-fossil", "", 2021, 0.8426, "kgCO2/kWh", false},
    {"grid", "CN-fossil", "", 2022, 0.8325, "kgCO2/kWh", false},
    {"grid", "CN-fossil", "", 2023, 0.8273, "kgCO2/kWh", false},
    /* §1 regional grids */
    {"grid", "CN-North", "", 2021, 0.7120, "kgCO2/kWh", true},
    {"grid", "CN-North", "", 2022, 0.6776, "kgCO2/kWh", false},
    {"grid", "CN-North", "", 2023, 0.6361, "kgCO2/kWh", false},
    {"grid", "CN-Northeast", "", 2022, 0.5564, "kgCO2/kWh", false},
    {"grid", "CN-Northeast", "", 2023, 0.5122, "kgCO2/kWh", false},
    {"grid", "CN-East", "", 2022, 0.5617, "kgCO2/kWh", false},
    {"grid", "CN-East", "", 2023, 0.5500, "kgCO2/kWh", false},
    {"grid", "CN-Central", "", 2022, 0.5395, "kgCO2/kWh", false},
    {"grid", "CN-Central", "", 2023, 0.5271, "kgCO2/kWh", false},
    {"grid", "CN-Northwest", "", 2021, 0.5951, "kgCO2/kWh", true},
    {"grid", "CN-Northwest", "", 2022, 0.5857, "kgCO2/kWh", false},
    {"grid", "CN-Northwest", "", 2023, 0.5543, "kgCO2/kWh", false},
    {"grid", "CN-South", "", 2021, 0.4326, "kgCO2/kWh", true},
    {"grid", "CN-South", "", 2022, 0.3869, "kgCO2/kWh", false},
    {"grid", "CN-South", "", 2023, 0.4042, "kgCO2/kWh", false},
    {"grid", "CN-Southwest", "", 2022, 0.2268, "kgCO2/kWh", false},
    {"grid", "CN-Southwest", "", 2023, 0.2472, "kgCO2/kWh", false},
    /* §1 provinces 2022, officially reported highest and lowest five */
    {"grid", "CN-Hebei", "", 2022, 0.7252, "kgCO2/kWh", false},
    {"grid", "CN-Shanxi", "", 2022, 0.7096, "kgCO2/kWh", false},
    {"grid", "CN-Tianjin", "", 2022, 0.7041, "kgCO2/kWh", false},
    {"grid", "CN-Inner Mongolia", "", 2022, 0.6849, "kgCO2/kWh", false},
    {"grid", "CN-Anhui", "", 2022, 0.6782, "kgCO2/kWh", false},
    {"grid", "CN-Fujian", "", 2022, 0.4092, "kgCO2/kWh", false},
    {"grid", "CN-Guangxi", "", 2022, 0.4044, "kgCO2/kWh", false},
    {"grid", "CN-Qinghai", "", 2022, 0.1567, "kgCO2/kWh", false},
    {"grid", "CN-Sichuan", "", 2022, 0.1404, "kgCO2/kWh", false},
    {"grid", "CN-Yunnan", "", 2022, 0.1073, "kgCO2/kWh", false},
    /* §1 provinces of the seed cities (verify); Shanxi 2022 is official above */
    {"grid", "CN-Gansu", "", 2021, 0.4955, "kgCO2/kWh", true},
    {"grid", "CN-Gansu", "", 2022, 0.4772, "kgCO2/kWh", true},
    {"grid", "CN-Xinjiang", "", 2021, 0.6577, "kgCO2/kWh", true},
    {"grid", "CN-Xinjiang", "", 2022, 0.6231, "kgCO2/kWh", true},
    {"grid", "CN-Guizhou", "", 2021, 0.5182, "kgCO2/kWh", true},
    {"grid", "CN-Guizhou", "", 2022, 0.4989, "kgCO2/kWh", true},
    {"grid", "CN-Shanxi", "", 2021, 0.7222, "kgCO2/kWh", true},
    /* §2 IPCC 2006 */
    {"fuel", "anthracite", "ncv", 2006, 26.7, "TJ/Gg", false},
    {"fuel", "anthracite", "co2", 2006, 98300, "kgCO2/TJ", false},
    {"fuel", "coking coal", "ncv", 2006, 28.2, "TJ/Gg", false},
    {"fuel", "coking coal", "co2", 2006, 94600, "kgCO2/TJ", false},
    {"fuel", "other bituminous coal", "ncv", 2006, 25.8, "TJ/Gg", false},
    {"fuel", "other bituminous coal", "co2", 2006, 94600, "kgCO2/TJ", false},
    {"fuel", "sub-bituminous coal", "ncv", 2006, 18.9, "TJ/Gg", false},
    {"fuel", "sub-bituminous coal", "co2", 2006, 96100, "kgCO2/TJ", false},
    {"fuel", "lignite", "ncv", 2006, 11.9, "TJ/Gg", false},
    {"fuel", "lignite", "co2", 2006, 101000, "kgCO2/TJ", false},
    {"fuel", "natural gas", "ncv", 2006, 48.0, "TJ/Gg", false},
    {"fuel", "natural gas", "co2", 2006, 56100, "kgCO2/TJ", false},
    {"fuel", "gas/diesel oil", "ncv", 2006, 43.0, "TJ/Gg", false},
    {"fuel", "gas/diesel oil", "co2", 2006, 74100, "kgCO2/TJ", false},
    {"fuel", "motor gasoline", "ncv", 2006, 44.3, "TJ/Gg", false},
    {"fuel", "motor gasoline", "co2", 2006, 69300, "kgCO2/TJ", false},
    {"fuel", "LPG", "ncv", 2006, 47.3, "TJ/Gg", false},
    {"fuel", "LPG", "co2", 2006, 63100, "kgCO2/TJ", false},
    {"fuel", "residual fuel oil", "ncv", 2006, 40.4, "TJ/Gg", false},
    {"fuel", "residual fuel oil", "co2", 2006, 77400, "kgCO2/TJ", false},
    {"fuel", "other kerosene", "ncv", 2006, 43.8, "TJ/Gg", false},
    {"fuel", "other kerosene", "co2", 2006, 71900, "kgCO2/TJ", false},
    {"fuel", "petroleum coke", "ncv", 2006, 32.5, "TJ/Gg", false},
    {"fuel", "petroleum coke", "co2", 2006, 97500, "kgCO2/TJ", false},
    /* §3 GB/T 2589 */
    {"sce", "raw coal", "", 0, 0.7143, "kgce/kg", false},
    {"sce", "washed coal", "", 0, 0.9000, "kgce/kg", false},
    {"sce", "coke", "", 0, 0.9714, "kgce/kg", false},
    {"sce", "crude oil", "", 0, 1.4286, "kgce/kg", false},
    {"sce", "fuel oil", "", 0, 1.4286, "kgce/kg", false},
    {"sce", "gasoline", "", 0, 1.4714, "kgce/kg", false},
    {"sce", "kerosene", "", 0, 1.4714, "kgce/kg", false},
    {"sce", "diesel", "", 0, 1.4571, "kgce/kg", false},
    {"sce", "LPG", "", 0, 1.7143, "kgce/kg", false},
    {"sce", "refinery dry gas", "", 0, 1.5714, "kgce/kg", false},
    /* the 2008 edition's value, and the 2020 edition's range (issue 18) */
    {"sce", "natural gas", "default", 0, 1.2143, "kgce/m3", true},
    {"sce", "natural gas", "low", 0, 1.1000, "kgce/m3", true},
    {"sce", "natural gas", "high", 0, 1.3300, "kgce/m3", true},
    {"sce", "heat", "", 0, 0.03412, "kgce/MJ", false},
    {"sce", "electricity", "calorific", 0, 0.1229, "kgce/kWh", false},
    {"sce", "electricity", "coal", 2015, 0.315, "kgce/kWh", true}, /* issue 15: not in DATA.md, see docs/data-sources.md */
    {"sce", "electricity", "coal", 2016, 0.312, "kgce/kWh", true}, /* issue 15: not in DATA.md, see docs/data-sources.md */
    {"sce", "electricity", "coal", 2017, 0.309, "kgce/kWh", true}, /* issue 15: not in DATA.md, see docs/data-sources.md */
    {"sce", "electricity", "coal", 2018, 0.3076, "kgce/kWh", true}, /* issue 15: not in DATA.md, see docs/data-sources.md */
    {"sce", "electricity", "coal", 2019, 0.3064, "kgce/kWh", true}, /* issue 15: not in DATA.md, see docs/data-sources.md */
    {"sce", "electricity", "coal", 2020, 0.3055, "kgce/kWh", true}, /* issue 15: not in DATA.md, see docs/data-sources.md */
    {"sce", "electricity", "coal", 2021, 0.3025, "kgce/kWh", true}, /* issue 15: not in DATA.md, see docs/data-sources.md */
    {"sce", "electricity", "coal", 2022, 0.3007, "kgce/kWh", true}, /* issue 15: not in DATA.md, see docs/data-sources.md */
    {"sce", "electricity", "coal", 2023, 0.303, "kgce/kWh", true}, /* supply vs generation unconfirmed */
    {"sce", "kgce", "", 0, 29.3076, "MJ", false},
    {"sce", "toe", "", 0, 41.868, "GJ", false},
    {"sce", "tce", "", 0, 0.7, "toe", false},
    /* §4 GWP */
    {"gwp", "SAR", "CH4", 1995, 21, "", false},
    {"gwp", "SAR", "N2O", 1995, 310, "", false},
    {"gwp", "AR4", "CH4", 2007, 25, "", false},
    {"gwp", "AR4", "N2O", 2007, 298, "", false},
    {"gwp", "AR5", "CH4", 2013, 28, "", false},
    {"gwp", "AR5", "N2O", 2013, 265, "", false},
    {"gwp", "AR6", "CH4", 2021, 27.9, "", false},
    {"gwp", "AR6", "N2O", 2021, 273, "", false},
    {"gwp", "AR6-fossil", "CH4", 2021, 29.8, "", false},
    {"gwp", "AR6-fossil", "N2O", 2021, 273, "", false},
    {"gwp", "AR6-nonfossil", "CH4", 2021, 27.0, "", false},
    {"gwp", "AR6-nonfossil", "N2O", 2021, 273, "", false},
    /* issue 15: F-gases (not in DATA.md; docs/data-sources.md) */
    {"gwp", "AR4", "HFC-23", 2007, 14800, "", false},
    {"gwp", "AR4", "HFC-32", 2007, 675, "", false},
    {"gwp", "AR4", "HFC-125", 2007, 3500, "", false},
    {"gwp", "AR4", "HFC-134a", 2007, 1430, "", false},
    {"gwp", "AR4", "CF4", 2007, 7390, "", false},
    {"gwp", "AR4", "SF6", 2007, 22800, "", false},
    {"gwp", "AR4", "NF3", 2007, 17200, "", false},
    {"gwp", "AR5", "HFC-23", 2013, 12400, "", false},
    {"gwp", "AR5", "HFC-32", 2013, 677, "", false},
    {"gwp", "AR5", "HFC-125", 2013, 3170, "", false},
    {"gwp", "AR5", "HFC-134a", 2013, 1300, "", false},
    {"gwp", "AR5", "CF4", 2013, 6630, "", false},
    {"gwp", "AR5", "SF6", 2013, 23500, "", false},
    {"gwp", "AR5", "NF3", 2013, 16100, "", false},
    {"gwp", "AR6", "HFC-23", 2021, 14600, "", false},
    {"gwp", "AR6", "HFC-32", 2021, 771, "", false},
    {"gwp", "AR6", "HFC-125", 2021, 3740, "", false},
    {"gwp", "AR6", "HFC-134a", 2021, 1526, "", false},
    {"gwp", "AR6", "CF4", 2021, 7380, "", false},
    {"gwp", "AR6", "SF6", 2021, 24300, "", false},
    {"gwp", "AR6", "NF3", 2021, 17400, "", false},
    /* issue 15: the generic fuels of energy balances (docs/data-sources.md) */
    {"energy", "coal", "co2", 2006, 94600, "kgCO2/TJ", false},
    {"energy", "oil", "co2", 2006, 73300, "kgCO2/TJ", false},
    {"energy", "biomass", "co2", 2006, 0, "kgCO2/TJ", false},
    /* §5 */
    {"hours", "wind", "Jan-Nov", 2023, 2029, "h", false},
    {"hours", "solar", "Jan-Nov", 2023, 1218, "h", false},
    {"hours", "wind", "full year", 2023, 2225, "h", true},
    {"hours", "solar", "full year", 2023, 1286, "h", true},
    {"hours", "year", "", 0, 8760, "h", false},
    {"h2", "electrolysis", "low", 0, 50, "kWh/kg", false},
    {"h2", "electrolysis", "high", 0, 55, "kWh/kg", false},
    {"h2", "electrolysis", "min", 0, 50, "kWh/kg", false},
    {"h2", "electrolysis", "max", 0, 60, "kWh/kg", false},
    {"h2", "lhv", "", 0, 33.3, "kWh/kg", false},
    {"h2", "density", "", 0, 0.0899, "kg/Nm3", false},
};
#define NWANT (sizeof data_md / sizeof data_md[0])

static void test_load(void **st) {
  (void)st;
  dc_err err;
  if (dc_factors_load(&err) != 0) fail_msg("%s", err.msg);
  assert_int_equal(dc_factors_load(&err), 0); /* idempotent */
}

/* every DATA.md value is there, exactly, with its unit and verify flag */
static void test_every_value(void **st) {
  (void)st;
  dc_err err;
  for (size_t i = 0; i < NWANT; i++) {
    const want *w = &data_md[i];
    const dc_factor *f;
    if (dc_factors_find(w->dataset, w->name, w->variant, w->year, false, &f, &err))
      fail_msg("%s %s %s %d: %s", w->dataset, w->name, w->variant, w->year, err.msg);
    if (f->value != w->value) fail_msg("%s %s %d: %.17g != %.17g", w->dataset, w->name, w->year, f->value, w->value);
    assert_string_equal(f->name, w->name);
    assert_string_equal(f->unit, w->unit);
    assert_int_equal(f->year, w->year);
    if (f->verify != w->verify) fail_msg("%s %s %d: verify flag %d", w->dataset, w->name, w->year, f->verify);
    assert_true(strlen(f->source) > 10);
  }
  /* and nothing else: the data files hold exactly these values */
  assert_int_equal(dc_factors_count(), NWANT);
}

/* the SI values come from the units core: 1 kgCO2/kWh = 1/3.6e6 kgCO2/J */
static void test_si(void **st) {
  (void)st;
  dc_err err;
  const dc_factor *f;
  assert_int_equal(dc_factors_find("grid", "CN-Gansu", NULL, 2022, false, &f, &err), 0);
  assert_true(fabs(f->si - 0.4772 / 3.6e6) < 1e-20);
  assert_int_equal(f->dims.e[DC_DIM_CO2], 1);
  assert_int_equal(dc_factors_find("sce", "tce", NULL, 0, false, &f, &err), 0);
  assert_true(fabs(f->si - 29.3076e9) < 1e-3); /* 0.7 toe = 1 tce */
  dc_unit u;
  dc_units_error ue;
  assert_int_equal(dc_units_parse("tce", &u, &ue), 0);
  assert_true(fabs(f->si - u.scale) < 1e-3);
  assert_int_equal(dc_factors_find("sce", "kgce", NULL, 0, false, &f, &err), 0);
  assert_int_equal(dc_units_parse("kgce", &u, &ue), 0);
  assert_true(fabs(f->si - u.scale) < 1e-6);
  assert_true(fabs(7000 * 4186.8 - f->si) < 1e-6); /* 7,000 kcal (IT) */
  assert_int_equal(dc_factors_find("sce", "toe", NULL, 0, false, &f, &err), 0);
  assert_int_equal(dc_units_parse("toe", &u, &ue), 0);
  assert_true(fabs(f->si - u.scale) < 1e-3);
}

/* the derived column of DATA.md §2, from the library's own arithmetic */
static void test_fuel_derived(void **st) {
  (void)st;
  static const struct {
    const char *fuel, *derived;
  } d[] = {{"anthracite", "2.625"},     {"coking coal", "2.668"},
           {"other bituminous coal", "2.441"}, {"sub-bituminous coal", "1.816"},
           {"lignite", "1.202"},        {"natural gas", "2.693"},
           {"gas/diesel oil", "3.186"}, {"motor gasoline", "3.07"},
           {"LPG", "2.985"},            {"residual fuel oil", "3.127"},
           {"other kerosene", "3.149"}, {"petroleum coke", "3.169"}};
  char buf[32];
  dc_err err;
  for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
    const dc_factor *ncv, *co2;
    double per_kg;
    if (dc_factors_fuel(d[i].fuel, &ncv, &co2, &per_kg, &err)) fail_msg("%s", err.msg);
    dc_fmt_number(buf, sizeof buf, per_kg, 4); /* kgCO2/kg = tCO2/t */
    if (strcmp(buf, d[i].derived) != 0) fail_msg("%s: %s != %s", d[i].fuel, buf, d[i].derived);
  }
  const dc_factor *ncv, *co2;
  double per_kg;
  assert_int_equal(dc_factors_fuel("diesel", &ncv, &co2, &per_kg, &err), 0);
  assert_string_equal(ncv->name, "gas/diesel oil");
  assert_int_equal(dc_factors_fuel("coal", &ncv, &co2, &per_kg, &err), -1);
  assert_non_null(strstr(err.msg, "unknown fuel 'coal'; known: anthracite, coking coal,"));
}

static void test_gwp_matches_units(void **st) {
  (void)st;
  static const char *const sets[] = {"SAR", "AR4", "AR5", "AR6", "AR6-fossil", "AR6-nonfossil"};
  dc_err err;
  for (size_t i = 0; i < 6; i++) {
    double ch4, n2o;
    const dc_factor *a, *b;
    assert_int_equal(dc_units_gwp(sets[i], &ch4, &n2o), 0);
    assert_int_equal(dc_factors_find("gwp", sets[i], "CH4", 0, false, &a, &err), 0);
    assert_int_equal(dc_factors_find("gwp", sets[i], "N2O", 0, false, &b, &err), 0);
    if (a->value != ch4 || b->value != n2o) fail_msg("%s differs from dc_units_gwp", sets[i]);
  }
}

static void test_names(void **st) {
  (void)st;
  assert_string_equal(dc_factors_canonical("grid", "CN-GS"), "CN-Gansu");
  assert_string_equal(dc_factors_canonical("grid", "cn-gansu"), "CN-Gansu");
  assert_string_equal(dc_factors_canonical("grid", "甘肃"), "CN-Gansu");
  assert_string_equal(dc_factors_canonical("grid", "CN-NM"), "CN-Inner Mongolia");
  assert_string_equal(dc_factors_canonical("grid", "CN-InnerMongolia"), "CN-Inner Mongolia");
  assert_string_equal(dc_factors_canonical("grid", "华北"), "CN-North");
  assert_null(dc_factors_canonical("grid", "CN-Beijing"));
  assert_null(dc_factors_canonical("grid", "CN-Gan"));
  assert_string_equal(dc_factors_canonical("fuel", "Diesel"), "gas/diesel oil");
  assert_string_equal(dc_factors_canonical("sce", "原煤"), "raw coal");
  assert_null(dc_factors_canonical("nope", "x"));
  const dc_region *g = dc_factors_region("CN-GZ");
  assert_non_null(g);
  assert_string_equal(g->id, "CN-Guizhou");
  assert_string_equal(g->grid, "CN-South");
  assert_string_equal(g->kind, "province");
  assert_true(dc_factors_region_count() >= 23);
}

static void test_errors(void **st) {
  (void)st;
  dc_err err;
  const dc_factor *f;
  assert_int_equal(dc_factors_find("grid", "CN-Gansu", NULL, 2023, false, &f, &err), -3);
  assert_string_equal(err.msg, "no grid value for CN-Gansu in 2023; years with data: 2021, 2022");
  assert_int_equal(err.code, DC_ERR_INPUT);
  assert_int_equal(dc_factors_find("grid", "CN-Gansu", NULL, 2023, true, &f, &err), 0);
  assert_int_equal(f->year, 2022);
  assert_int_equal(dc_factors_find("grid", "CN-Gansu", NULL, 2020, true, &f, &err), -3);
  assert_string_equal(err.msg, "no grid value for CN-Gansu in or before 2020; years with data: 2021, 2022");
  assert_int_equal(dc_factors_find("grid", "CN", NULL, 0, false, &f, &err), -3);
  assert_string_equal(err.msg, "grid CN: give a year; years with data: 2021, 2022, 2023");
  assert_int_equal(dc_factors_find("grid", "CN-Beijing", NULL, 2022, false, &f, &err), -1);
  assert_string_equal(err.msg,
      "unknown grid region 'CN-Beijing'; regions with data: CN, CN-nonmarket, CN-fossil, "
      "CN-North, CN-Northeast, CN-East, CN-Central, CN-Northwest, CN-South, CN-Southwest, "
      "CN-Hebei, CN-Shanxi, CN-Tianjin, CN-Inner Mongolia, CN-Anhui, CN-Fujian, CN-Guangxi, "
      "CN-Qinghai, CN-Sichuan, CN-Yunnan, CN-Gansu, CN-Xinjiang, CN-Guizhou");
  assert_int_equal(dc_factors_find("hours", "wind", NULL, 2023, false, &f, &err), -2);
  assert_string_equal(err.msg, "hours wind has several values; choose one of: 'Jan-Nov', 'full year'");
  assert_int_equal(dc_factors_find("hours", "wind", "q3", 2023, false, &f, &err), -2);
  assert_string_equal(err.msg, "hours wind has no value 'q3'; it has: 'Jan-Nov', 'full year'");
  assert_int_equal(dc_factors_find("hours", "wind", "jan-nov", 0, false, &f, &err), 0);
  assert_int_equal((int)f->value, 2029);
  /* a value without a year answers for every year */
  assert_int_equal(dc_factors_find("sce", "raw coal", NULL, 2030, false, &f, &err), 0);
  assert_int_equal(dc_factors_find("nope", "x", NULL, 0, false, &f, &err), -1);
  assert_string_equal(err.msg, "unknown dataset 'nope'");
}

static void test_match(void **st) {
  (void)st;
  size_t n = dc_factors_count(), gansu = 0, verify = 0, ipcc = 0;
  for (size_t i = 0; i < n; i++) {
    const dc_factor *f = dc_factors_at(i);
    assert_true(dc_factors_match(f, NULL));
    assert_true(dc_factors_match(f, ""));
    if (dc_factors_match(f, "gansu")) gansu++;
    if (dc_factors_match(f, "(verify)")) verify++;
    if (dc_factors_match(f, "ipcc")) ipcc++;
    assert_int_equal(dc_factors_match(f, "(verify)"), f->verify);
  }
  assert_int_equal(gansu, 2);
  assert_int_equal(verify, 24); /* DATA.md's 12 (verify) values, natural gas x 3, coal method x 9 */
  assert_int_equal(ipcc, 24 + 12 + 21 + 3); /* fuel, gwp, F-gases, energy */
  assert_null(dc_factors_at(n));
  /* CN-GS finds Gansu through its ISO code */
  const dc_factor *f = NULL;
  for (size_t i = 0; i < n; i++)
    if (strcmp(dc_factors_at(i)->name, "CN-Gansu") == 0) f = dc_factors_at(i);
  assert_true(dc_factors_match(f, "CN-GS"));
  assert_true(dc_factors_match(f, "甘肃"));
  assert_false(dc_factors_match(f, "diesel"));
}

/* ---- a script's own dataset ---- */

static const char *write_tmp(const char *text) {
  static char path[64];
  snprintf(path, sizeof path, "/tmp/dc_test_factors_%d.csv", (int)getpid());
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  return path;
}

static void expect_set_error(const char *text, const char *msg) {
  dc_factor_set *s = (dc_factor_set *)1;
  dc_err err;
  assert_int_equal(dc_factors_set_read(write_tmp(text), "my.csv", &s, &err), -1);
  assert_null(s);
  if (strcmp(err.msg, msg) != 0) fail_msg("got \"%s\", want \"%s\"", err.msg, msg);
}

static void test_user_set(void **st) {
  (void)st;
  const char *hdr = "name,variant,year,value,unit,source\n";
  char text[600];
  dc_err err;
  snprintf(text, sizeof text, "%sUK,,2022,0.193,kgCO2e/kWh,\"DESNZ 2022 conversion factors\"\n"
                              "UK,,2023,0.207,kgCO2e/kWh,\"DESNZ 2023 conversion factors\"\n", hdr);
  dc_factor_set *s;
  if (dc_factors_set_read(write_tmp(text), "my.csv", &s, &err) != 0) fail_msg("%s", err.msg);
  assert_int_equal(dc_factors_set_count(s), 2);
  assert_string_equal(dc_factors_set_name(s), "my.csv");
  const dc_factor *f;
  assert_int_equal(dc_factors_set_find(s, "uk", NULL, 2023, false, &f, &err), 0);
  assert_true(f->value == 0.207);
  assert_string_equal(f->dataset, "my.csv");
  assert_int_equal(dc_factors_set_find(s, "UK", NULL, 0, false, &f, &err), -3);
  assert_string_equal(err.msg, "my.csv UK: give a year; years with data: 2022, 2023");
  assert_int_equal(dc_factors_set_find(s, "FR", NULL, 2023, false, &f, &err), -1);
  assert_string_equal(err.msg, "unknown my.csv 'FR'; known: UK");
  /* the built-in data know nothing of it */
  assert_int_equal(dc_factors_find("grid", "UK", NULL, 2023, false, &f, &err), -1);
  dc_factors_set_free(s);
  /* errors: file:line:column */
  snprintf(text, sizeof text, "%sUK,,2022,0.193,kgCO2e/kWh,\n", hdr);
  expect_set_error(text, "my.csv:2:27: empty source: every value needs one (the publication, "
                         "table and year it comes from, or \"assumption: ...\")");
  snprintf(text, sizeof text, "%sUK,,2022,0.193,kgCO2/kwh,DESNZ\n", hdr);
  expect_set_error(text, "my.csv:2:22: unknown unit 'kwh' in \"kgCO2/kwh\" — did you mean 'kWh'?");
  snprintf(text, sizeof text, "%sUK,,20x2,0.193,kgCO2/kWh,DESNZ\n", hdr);
  expect_set_error(text, "my.csv:2:5: bad year '20x2'");
  snprintf(text, sizeof text, "%sUK,,2022,zero,kgCO2/kWh,DESNZ\n", hdr);
  expect_set_error(text, "my.csv:2:10: bad number 'zero'");
  expect_set_error("name,value\nUK,1\n", "my.csv:1:1: header must be name,variant,year,value,unit,source");
  expect_set_error(hdr, "my.csv: no values (a header and at least one row are needed)");
  expect_set_error("name,variant\n\"UK,\n", "my.csv:2:1: quoted field opened here is never closed");
  remove(write_tmp(""));
}

static void test_unload(void **st) {
  (void)st;
  dc_factors_unload();
  assert_int_equal(dc_factors_count(), NWANT); /* loads again on demand */
  dc_factors_unload();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_load),          cmocka_unit_test(test_every_value),
      cmocka_unit_test(test_si),            cmocka_unit_test(test_fuel_derived),
      cmocka_unit_test(test_gwp_matches_units), cmocka_unit_test(test_names),
      cmocka_unit_test(test_errors),        cmocka_unit_test(test_match),
      cmocka_unit_test(test_user_set),
      cmocka_unit_test(test_unload),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
