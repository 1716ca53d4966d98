/* units.c — the plain-C units core: the unit table, the strict parser of unit
 * expressions and quantities, dimension algebra, display in a chosen or
 * preferred unit, and GWP sets. Knows nothing of Lua (see units_lua.c). */
#include "units.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

/* ====================================================================== */
/* dimension algebra                                                      */
/* ====================================================================== */

static bool dims_combine(dc_dims a, dc_dims b, int sign, dc_dims *out) {
  for (int i = 0; i < DC_NDIM; i++) {
    int v = a.e[i] + sign * b.e[i];
    if (v < INT8_MIN || v > INT8_MAX) return false;
    out->e[i] = (int8_t)v;
  }
  return true;
}

bool dc_dims_mul(dc_dims a, dc_dims b, dc_dims *out) { return dims_combine(a, b, 1, out); }
bool dc_dims_div(dc_dims a, dc_dims b, dc_dims *out) { return dims_combine(a, b, -1, out); }

bool dc_dims_pow(dc_dims a, int n, dc_dims *out) {
  if (n < -1000 || n > 1000) return false;
  for (int i = 0; i < DC_NDIM; i++) {
    int v = a.e[i] * n;
    if (v < INT8_MIN || v > INT8_MAX) return false;
    out->e[i] = (int8_t)v;
  }
  return true;
}

/*                  L  M  T  C  CO2 CH4 N2O K */
#define D(l, m, t, c, co2, ch4, n2o, k) {{l, m, t, c, co2, ch4, n2o, k}}
#define D_NONE D(0, 0, 0, 0, 0, 0, 0, 0)
#define D_LEN D(1, 0, 0, 0, 0, 0, 0, 0)
#define D_AREA D(2, 0, 0, 0, 0, 0, 0, 0)
#define D_VOL D(3, 0, 0, 0, 0, 0, 0, 0)
#define D_MASS D(0, 1, 0, 0, 0, 0, 0, 0)
#define D_TIME D(0, 0, 1, 0, 0, 0, 0, 0)
#define D_CUR D(0, 0, 0, 1, 0, 0, 0, 0)
#define D_ENERGY D(2, 1, -2, 0, 0, 0, 0, 0)
#define D_POWER D(2, 1, -3, 0, 0, 0, 0, 0)
#define D_CO2 D(0, 0, 0, 0, 1, 0, 0, 0)
#define D_CH4 D(0, 0, 0, 0, 0, 1, 0, 0)
#define D_N2O D(0, 0, 0, 0, 0, 0, 1, 0)
#define D_TEMP D(0, 0, 0, 0, 0, 0, 0, 1)
/* volume at reference conditions (Nm3); D takes eight exponents, NREF is the
 * ninth */
#define D_NVOL {{3, 0, 0, 0, 0, 0, 0, 0, 1}}
#define D_PRESSURE D(-1, 1, -2, 0, 0, 0, 0, 0)
/* a gas word turns a mass into that gas: t CH4 = t * (kg CH4 / kg) */
#define D_GAS_CO2 D(0, -1, 0, 0, 1, 0, 0, 0)
#define D_GAS_CH4 D(0, -1, 0, 0, 0, 1, 0, 0)
#define D_GAS_N2O D(0, -1, 0, 0, 0, 0, 1, 0)

/* ====================================================================== */
/* preferred display units and dimension names                           */
/* ====================================================================== */

typedef struct step {
  const char *label;
  double scale;
} step;

typedef struct pref {
  dc_dims dims;
  const char *name;   /* readable dimension name */
  const step *steps;  /* ascending scales; NULL = show the number alone */
  int nsteps, zero;   /* zero: the step used for 0, nan and inf */
} pref;

#define NSTEPS(a) (int)(sizeof a / sizeof a[0])
static const step st_energy[] = {{"Wh", 3.6e3},  {"kWh", 3.6e6},  {"MWh", 3.6e9},
                                 {"GWh", 3.6e12}, {"TWh", 3.6e15}, {"PWh", 3.6e18}};
static const step st_power[] = {{"W", 1}, {"kW", 1e3}, {"MW", 1e6}, {"GW", 1e9}, {"TW", 1e12}};
static const step st_mass[] = {{"g", 1e-3}, {"kg", 1}, {"t", 1e3},
                               {"kt", 1e6}, {"Mt", 1e9}, {"Gt", 1e12}};
static const step st_co2[] = {{"gCO2e", 1e-3}, {"kgCO2e", 1}, {"tCO2e", 1e3},
                              {"ktCO2e", 1e6}, {"MtCO2e", 1e9}, {"GtCO2e", 1e12}};
static const step st_ch4[] = {{"g CH4", 1e-3}, {"kg CH4", 1}, {"t CH4", 1e3},
                              {"kt CH4", 1e6}, {"Mt CH4", 1e9}};
static const step st_n2o[] = {{"g N2O", 1e-3}, {"kg N2O", 1}, {"t N2O", 1e3},
                              {"kt N2O", 1e6}, {"Mt N2O", 1e9}};
static const step st_time[] = {{"µs", 1e-6}, {"ms", 1e-3}, {"s", 1}, {"min", 60}, {"h", 3600}, {"yr", 31536000}};
static const step st_len[] = {{"mm", 1e-3}, {"m", 1}, {"km", 1e3}};
static const step st_area[] = {{"m2", 1}, {"km2", 1e6}};
static const step st_vol[] = {{"L", 1e-3}, {"m3", 1}};
static const step st_cur[] = {{"yuan", 1}};
static const step st_co2_rate[] = {{"kgCO2e/yr", 1 / 31536000.0}, {"tCO2e/yr", 1e3 / 31536000.0},
                                   {"ktCO2e/yr", 1e6 / 31536000.0}, {"MtCO2e/yr", 1e9 / 31536000.0},
                                   {"GtCO2e/yr", 1e12 / 31536000.0}};
static const step st_ch4_rate[] = {{"kg CH4/yr", 1 / 31536000.0}, {"t CH4/yr", 1e3 / 31536000.0},
                                   {"kt CH4/yr", 1e6 / 31536000.0}, {"Mt CH4/yr", 1e9 / 31536000.0}};
static const step st_n2o_rate[] = {{"kg N2O/yr", 1 / 31536000.0}, {"t N2O/yr", 1e3 / 31536000.0},
                                   {"kt N2O/yr", 1e6 / 31536000.0}, {"Mt N2O/yr", 1e9 / 31536000.0}};
static const step st_mass_rate[] = {{"kg/yr", 1 / 31536000.0}, {"t/yr", 1e3 / 31536000.0},
                                    {"kt/yr", 1e6 / 31536000.0}, {"Mt/yr", 1e9 / 31536000.0}};
static const step st_ef[] = {{"kgCO2e/kWh", 1 / 3.6e6}};
static const step st_price[] = {{"yuan/kWh", 1 / 3.6e6}};
static const step st_cur_rate[] = {{"yuan/yr", 1 / 31536000.0}};
static const step st_e_per_mass[] = {{"kWh/kg", 3.6e6}};
static const step st_e_per_area[] = {{"kWh/m2", 3.6e6}};
static const step st_e_per_vol[] = {{"kWh/m3", 3.6e6}};
static const step st_co2_per_area[] = {{"kgCO2e/m2", 1}};
static const step st_co2_area_rate[] = {{"kgCO2e/m2/yr", 1 / 31536000.0}};
static const step st_e_intensity[] = {{"tce/万元", 29.3076e9 / 1e4}};
static const step st_co2_intensity[] = {{"tCO2e/万元", 1e3 / 1e4}};
static const step st_co2_per_mass[] = {{"tCO2e/t", 1}};
static const step st_freq[] = {{"1/yr", 1 / 31536000.0}};
static const step st_density[] = {{"kg/m3", 1}};
static const step st_areal[] = {{"kg/m2", 1}};
static const step st_speed[] = {{"m/s", 1}, {"km/h", 1 / 3.6}};
static const step st_flux[] = {{"W/m2", 1}};
static const step st_temp[] = {{"K", 1}};
static const step st_nvol[] = {{"Nm3", 1}};
static const step st_e_per_nvol[] = {{"kWh/Nm3", 3.6e6}};
static const step st_m_per_nvol[] = {{"kg/Nm3", 1}};

#define P(dims, name, st, zero) {dims, name, st, NSTEPS(st), zero}
static const pref prefs[] = {
  {D_NONE, "dimensionless", NULL, 0, 0},
  P(D_ENERGY, "energy", st_energy, 1),
  P(D_POWER, "power", st_power, 2),
  P(D_MASS, "mass", st_mass, 2),
  P(D_CO2, "emissions (CO2)", st_co2, 2),
  P(D_CH4, "emissions (CH4)", st_ch4, 2),
  P(D_N2O, "emissions (N2O)", st_n2o, 2),
  P(D_TIME, "time", st_time, 4),
  P(D_LEN, "length", st_len, 1),
  P(D_AREA, "area", st_area, 0),
  P(D_VOL, "volume", st_vol, 1),
  P(D_CUR, "currency", st_cur, 0),
  P(D_TEMP, "temperature", st_temp, 0),
  P(D(0, 0, -1, 0, 1, 0, 0, 0), "emissions rate (CO2)", st_co2_rate, 1),
  P(D(0, 0, -1, 0, 0, 1, 0, 0), "emissions rate (CH4)", st_ch4_rate, 1),
  P(D(0, 0, -1, 0, 0, 0, 1, 0), "emissions rate (N2O)", st_n2o_rate, 1),
  P(D(0, 1, -1, 0, 0, 0, 0, 0), "mass rate", st_mass_rate, 1),
  P(D(-2, -1, 2, 0, 1, 0, 0, 0), "emission factor (CO2 per energy)", st_ef, 0),
  P(D(-2, -1, 2, 1, 0, 0, 0, 0), "price (currency per energy)", st_price, 0),
  P(D(0, 0, -1, 1, 0, 0, 0, 0), "currency rate", st_cur_rate, 0),
  P(D(2, 0, -2, 0, 0, 0, 0, 0), "energy per mass", st_e_per_mass, 0),
  P(D(0, 1, -2, 0, 0, 0, 0, 0), "energy per area", st_e_per_area, 0),
  P(D(-1, 1, -2, 0, 0, 0, 0, 0), "pressure (energy per volume)", st_e_per_vol, 0),
  P(D(-2, 0, 0, 0, 1, 0, 0, 0), "emissions per area (CO2)", st_co2_per_area, 0),
  P(D(-2, 0, -1, 0, 1, 0, 0, 0), "emissions rate per area (CO2)", st_co2_area_rate, 0),
  P(D(2, 1, -2, -1, 0, 0, 0, 0), "energy intensity (energy per currency)", st_e_intensity, 0),
  P(D(0, 0, 0, -1, 1, 0, 0, 0), "emission intensity (CO2 per currency)", st_co2_intensity, 0),
  P(D(0, -1, 0, 0, 1, 0, 0, 0), "emission factor (CO2 per mass)", st_co2_per_mass, 0),
  P(D(0, 0, -1, 0, 0, 0, 0, 0), "frequency (per time)", st_freq, 0),
  P(D(-3, 1, 0, 0, 0, 0, 0, 0), "density", st_density, 0),
  P(D(-2, 1, 0, 0, 0, 0, 0, 0), "mass per area", st_areal, 0),
  P(D(1, 0, -1, 0, 0, 0, 0, 0), "speed", st_speed, 0),
  P(D(0, 1, -3, 0, 0, 0, 0, 0), "power per area", st_flux, 0),
  {D_NVOL, "volume at reference conditions (0 °C, 101.325 kPa)", st_nvol, NSTEPS(st_nvol), 0},
  {{{-1, 1, -2, 0, 0, 0, 0, 0, -1}}, "energy per volume at reference conditions", st_e_per_nvol,
   NSTEPS(st_e_per_nvol), 0},
  {{{-3, 1, 0, 0, 0, 0, 0, 0, -1}}, "density at reference conditions", st_m_per_nvol,
   NSTEPS(st_m_per_nvol), 0},
};

static const pref *pref_find(dc_dims d) {
  for (size_t i = 0; i < sizeof prefs / sizeof prefs[0]; i++)
    if (dc_dims_eq(prefs[i].dims, d)) return &prefs[i];
  return NULL;
}

static const char *const base_dim_names[DC_NDIM] = {"length", "mass", "time", "currency",
                                                    "CO2", "CH4", "N2O", "temperature",
                                                    "reference conditions"};
/* kgCO2e loses its e for a CO2-only amount (see strip_co2e) */
static const char *const base_unit_names[DC_NDIM] = {"m", "kg", "s", "yuan",
                                                     "kgCO2e", "kg CH4", "kg N2O", "K", "Nref"};

/* "mass·length^-3" or, with units, "kg·m^-3" */
static size_t compose(char *buf, size_t size, dc_dims d, const char *const names[]) {
  size_t n = 0;
  if (size) buf[0] = '\0';
  for (int i = 0; i < DC_NDIM; i++) {
    if (!d.e[i]) continue;
    int w = d.e[i] == 1 ? snprintf(buf + (n < size ? n : size), n < size ? size - n : 0,
                                   "%s%s", n ? "·" : "", names[i])
                        : snprintf(buf + (n < size ? n : size), n < size ? size - n : 0,
                                   "%s%s^%d", n ? "·" : "", names[i], d.e[i]);
    if (w > 0) n += (size_t)w;
  }
  return n;
}

size_t dc_dims_si(dc_dims d, char *buf, size_t size) {
  return compose(buf, size, d, base_unit_names);
}

const char *dc_dims_name(dc_dims d, char *buf, size_t size) {
  const pref *p = pref_find(d);
  if (p) {
    snprintf(buf, size, "%s", p->name);
  } else {
    compose(buf, size, d, base_dim_names);
  }
  return buf;
}

/* ====================================================================== */
/* the unit table                                                         */
/* ====================================================================== */

/* which prefixes a unit takes */
enum {
  PX_NONE = 0,
  PX_ALL = 1,    /* every SI prefix listed below */
  PX_BIG = 2,    /* k M G T P E */
  PX_KMG = 4,    /* k M G (tonnes, tce, toe) */
  PX_SMALL = 8,  /* m µ u n (seconds) */
  PX_LEN = 16,   /* k c m µ u n (metres) */
  PX_KM = 32     /* k M (litres: kL, ML; m for mL) */
};

typedef struct prefix {
  const char *sym;
  double factor;
  int sets;
} prefix;

static const prefix prefixes[] = {
  {"E", 1e18, PX_ALL | PX_BIG},
  {"P", 1e15, PX_ALL | PX_BIG},
  {"T", 1e12, PX_ALL | PX_BIG},
  {"G", 1e9, PX_ALL | PX_BIG | PX_KMG},
  {"M", 1e6, PX_ALL | PX_BIG | PX_KMG | PX_KM},
  {"k", 1e3, PX_ALL | PX_BIG | PX_KMG | PX_LEN | PX_KM},
  {"c", 1e-2, PX_LEN},
  {"m", 1e-3, PX_ALL | PX_SMALL | PX_LEN | PX_KM},
  {"µ", 1e-6, PX_ALL | PX_SMALL | PX_LEN},
  {"μ", 1e-6, PX_ALL | PX_SMALL | PX_LEN}, /* Greek mu, as often typed */
  {"u", 1e-6, PX_ALL | PX_SMALL | PX_LEN},
  {"n", 1e-9, PX_ALL | PX_SMALL | PX_LEN},
};
#define NPREFIX (sizeof prefixes / sizeof prefixes[0])

enum { K_UNIT, K_GAS, K_OFFSET };

typedef struct unit_def {
  const char *name;
  double scale;
  dc_dims dims;
  int px;   /* PX_* */
  int kind; /* K_UNIT; K_GAS: only after a mass; K_OFFSET: has an offset */
  double offset;
  dc_unit_info info;
} unit_def;

#define YEAR_S (8760.0 * 3600.0)
#define TCE_J 29.3076e9
#define TOE_J 41.868e9

#define U(n, s, d, px, def, dim, src) {n, s, d, px, K_UNIT, 0, {n, def, dim, src}}
static const unit_def units[] = {
  /* energy */
  U("J", 1, D_ENERGY, PX_ALL, "kg·m^2·s^-2", "energy", "SI"),
  U("Wh", 3.6e3, D_ENERGY, PX_BIG, "3600 J", "energy", "SI (W·h)"),
  U("tce", TCE_J, D_ENERGY, PX_KMG, "29.3076 GJ", "energy", "GB/T 2589-2020 (tonne of coal equivalent)"),
  U("kgce", TCE_J / 1e3, D_ENERGY, PX_NONE, "29.3076 MJ", "energy", "GB/T 2589-2020"),
  U("gce", TCE_J / 1e6, D_ENERGY, PX_NONE, "29.3076 kJ", "energy", "GB/T 2589-2020"),
  U("toe", TOE_J, D_ENERGY, PX_KMG, "41.868 GJ", "energy", "IEA/OECD (tonne of oil equivalent)"),
  /* power */
  U("W", 1, D_POWER, PX_ALL, "J/s", "power", "SI"),
  /* mass */
  U("g", 1e-3, D_MASS, PX_ALL, "0.001 kg", "mass", "SI"),
  U("t", 1e3, D_MASS, PX_KMG, "1000 kg", "mass", "SI (tonne)"),
  /* greenhouse gases: written after a mass (tCO2, t CH4, kt N2O) */
  {"CO2", 1, D_GAS_CO2, PX_NONE, K_GAS, 0, {"CO2", "after a mass: kg CO2 per kg", "emissions (CO2)", "IPCC"}},
  {"CO2e", 1, D_GAS_CO2, PX_NONE, K_GAS, 0, {"CO2e", "same as CO2", "emissions (CO2)", "IPCC"}},
  {"C", 44.0 / 12.0, D_GAS_CO2, PX_NONE, K_GAS, 0, {"C", "44/12 CO2 (carbon as CO2)", "emissions (CO2)", "IPCC (molar masses)"}},
  {"CH4", 1, D_GAS_CH4, PX_NONE, K_GAS, 0, {"CH4", "after a mass: kg CH4 per kg", "emissions (CH4)", "IPCC"}},
  {"N2O", 1, D_GAS_N2O, PX_NONE, K_GAS, 0, {"N2O", "after a mass: kg N2O per kg", "emissions (N2O)", "IPCC"}},
  /* time */
  U("s", 1, D_TIME, PX_SMALL, "SI second", "time", "SI"),
  U("min", 60, D_TIME, PX_NONE, "60 s", "time", "SI-accepted"),
  U("h", 3600, D_TIME, PX_NONE, "3600 s", "time", "SI-accepted"),
  U("d", 86400, D_TIME, PX_NONE, "24 h", "time", "SI-accepted"),
  U("yr", YEAR_S, D_TIME, PX_NONE, "8760 h (365 d, exactly)", "time", "decarb convention (DATA.md §5)"),
  /* length, area, volume */
  U("m", 1, D_LEN, PX_LEN, "SI metre", "length", "SI"),
  U("m2", 1, D_AREA, PX_NONE, "m^2", "area", "SI"),
  U("km2", 1e6, D_AREA, PX_NONE, "1e6 m2", "area", "SI"),
  U("ha", 1e4, D_AREA, PX_NONE, "10000 m2", "area", "SI-accepted (hectare)"),
  U("mu", 1e4 / 15, D_AREA, PX_NONE, "1/15 ha", "area", "Chinese 亩 (mu)"),
  U("亩", 1e4 / 15, D_AREA, PX_NONE, "1/15 ha", "area", "Chinese 亩 (mu)"),
  U("m3", 1, D_VOL, PX_NONE, "m^3", "volume", "SI"),
  U("L", 1e-3, D_VOL, PX_KM, "0.001 m3", "volume", "SI-accepted (litre)"),
  U("Nm3", 1, D_NVOL, PX_NONE, "1 m3 of gas at 0 °C, 101.325 kPa",
    "volume at reference conditions (0 °C, 101.325 kPa)", "normal cubic metre; to m3 only at stated T, p"),
  /* pressure (for stating the conditions of a gas volume) */
  U("Pa", 1, D_PRESSURE, PX_ALL, "kg·m^-1·s^-2 (N/m2)", "pressure (energy per volume)", "SI"),
  U("bar", 1e5, D_PRESSURE, PX_NONE, "100 kPa", "pressure (energy per volume)", "SI-accepted"),
  /* currency */
  U("yuan", 1, D_CUR, PX_NONE, "1 yuan (CNY)", "currency", "ISO 4217 CNY"),
  U("CNY", 1, D_CUR, PX_NONE, "1 yuan", "currency", "ISO 4217"),
  U("元", 1, D_CUR, PX_NONE, "1 yuan", "currency", "ISO 4217 CNY"),
  /* ratios */
  U("%", 1e-2, D_NONE, PX_NONE, "0.01", "dimensionless", "percent"),
  U("ppm", 1e-6, D_NONE, PX_NONE, "1e-6", "dimensionless", "parts per million"),
  U("万", 1e4, D_NONE, PX_NONE, "10^4 (also in front of any unit: 万tce)", "dimensionless", "Chinese magnitude word"),
  U("亿", 1e8, D_NONE, PX_NONE, "10^8 (also in front of any unit: 亿kWh)", "dimensionless", "Chinese magnitude word"),
  /* temperature */
  U("K", 1, D_TEMP, PX_NONE, "SI kelvin", "temperature", "SI"),
  {"degC", 1, D_TEMP, PX_NONE, K_OFFSET, 273.15, {"degC", "K - 273.15 (alone only)", "temperature", "SI"}},
  {"°C", 1, D_TEMP, PX_NONE, K_OFFSET, 273.15, {"°C", "K - 273.15 (alone only)", "temperature", "SI"}},
};
#define NUNITS (sizeof units / sizeof units[0])

const dc_unit_info *dc_units_at(size_t i) {
  return i < NUNITS ? &units[i].info : NULL;
}

const char *dc_units_prefixes(size_t i) {
  /* one text per prefix set, built from the prefix table's order */
  static const struct {
    int set;
    const char *text;
  } sets[] = {
    {PX_ALL, "E P T G M k m µ n"}, {PX_BIG, "E P T G M k"}, {PX_KMG, "G M k"},
    {PX_SMALL, "m µ n"},          {PX_LEN, "k c m µ n"},    {PX_KM, "M k m"},
  };
  if (i >= NUNITS) return NULL;
  for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++)
    if (units[i].px == sets[k].set) return sets[k].text;
  return "";
}

/* ====================================================================== */
/* name lookup                                                            */
/* ====================================================================== */

typedef struct found {
  double scale;
  dc_dims dims;
  int kind;
  double offset;
  bool mass; /* a plain mass unit (g, kg, t, kt, 万t ...): may take a gas word */
  bool co2e; /* written with CO2e */
} found;

static const unit_def *exact(const char *s, size_t n) {
  for (size_t i = 0; i < NUNITS; i++)
    if (strlen(units[i].name) == n && memcmp(units[i].name, s, n) == 0) return &units[i];
  return NULL;
}

/* a unit name, possibly with an SI prefix; no magnitude words, no gas */
static bool lookup_simple(const char *s, size_t n, found *f) {
  const unit_def *u = exact(s, n);
  double factor = 1;
  if (!u) {
    for (size_t i = 0; i < NPREFIX && !u; i++) {
      size_t pl = strlen(prefixes[i].sym);
      if (n <= pl || memcmp(s, prefixes[i].sym, pl) != 0) continue;
      const unit_def *b = exact(s + pl, n - pl);
      if (b && (b->px & prefixes[i].sets)) {
        u = b;
        factor = prefixes[i].factor;
      }
    }
  }
  if (!u) return false;
  f->scale = u->scale * factor;
  f->dims = u->dims;
  f->kind = u->kind;
  f->offset = u->offset;
  f->mass = u->kind == K_UNIT && dc_dims_eq(u->dims, (dc_dims)D_MASS);
  f->co2e = strcmp(u->name, "CO2e") == 0;
  return true;
}

static const char *const gas_suffix[] = {"CO2e", "CO2", "CH4", "N2O", "C"};

/* Full lookup: magnitude words (万, 亿, repeated), then a unit, or a mass
 * unit with a gas suffix written together (kgCO2, tCO2e, tC). */
static bool lookup(const char *s, size_t n, found *f) {
  double mag = 1;
  for (;;) {
    if (n > 3 && memcmp(s, "万", 3) == 0) mag *= 1e4;
    else if (n > 3 && memcmp(s, "亿", 3) == 0) mag *= 1e8;
    else break;
    s += 3;
    n -= 3;
  }
  if (lookup_simple(s, n, f)) {
    if (f->kind == K_OFFSET && mag != 1) return false;
    f->scale *= mag;
    return true;
  }
  for (size_t i = 0; i < sizeof gas_suffix / sizeof gas_suffix[0]; i++) {
    size_t gl = strlen(gas_suffix[i]);
    if (n <= gl || memcmp(s + n - gl, gas_suffix[i], gl) != 0) continue;
    found m, g;
    if (!lookup_simple(s, n - gl, &m) || !m.mass) continue;
    if (!lookup_simple(gas_suffix[i], gl, &g)) continue;
    f->scale = m.scale * g.scale * mag;
    dc_dims_mul(m.dims, g.dims, &f->dims);
    f->kind = K_UNIT;
    f->offset = 0;
    f->mass = false;
    f->co2e = g.co2e;
    return true;
  }
  return false;
}

/* ---- suggestions: the nearest known name by edit distance ---- */

/* Levenshtein in half-steps: a change of case alone costs 1, any other edit 2,
 * so 'kwh' is nearer 'kWh' than 'kW'. */
static int distance(const char *a, size_t na, const char *b, size_t nb) {
  int row[64];
  if (na >= 63 || nb >= 63) return 1000;
  for (size_t j = 0; j <= nb; j++) row[j] = (int)j * 2;
  for (size_t i = 1; i <= na; i++) {
    int diag = row[0];
    row[0] = (int)i * 2;
    for (size_t j = 1; j <= nb; j++) {
      int cost = 0;
      char x = a[i - 1], y = b[j - 1];
      if (x != y) {
        char lx = (x >= 'A' && x <= 'Z') ? (char)(x + 32) : x;
        char ly = (y >= 'A' && y <= 'Z') ? (char)(y + 32) : y;
        cost = lx == ly ? 1 : 2;
      }
      int best = diag + cost;
      if (row[j] + 2 < best) best = row[j] + 2;
      if (row[j - 1] + 2 < best) best = row[j - 1] + 2;
      diag = row[j];
      row[j] = best;
    }
  }
  return row[nb];
}

typedef struct nearest {
  int best;
  char name[DC_LABEL_MAX - 4]; /* room for a magnitude word in front */
} nearest;

static void consider(nearest *nr, const char *s, size_t n, const char *cand) {
  int d = distance(s, n, cand, strlen(cand));
  if (d < nr->best) {
    nr->best = d;
    snprintf(nr->name, sizeof nr->name, "%s", cand);
  }
}

/* Names people write for units decarb spells otherwise; suggested, never
 * accepted. */
static const char *const hints[][2] = {
  {"a", "yr"}, {"y", "yr"}, {"year", "yr"}, {"years", "yr"}, {"hr", "h"}, {"hours", "h"},
  {"tonne", "t"}, {"tonnes", "t"}, {"ton", "t"}, {"tons", "t"}, {"l", "L"}, {"RMB", "yuan"},
  {"tco2", "tCO2"}, {"tco2e", "tCO2e"}, {"sec", "s"}, {"day", "d"}, {"days", "d"},
};

static void suggest(const char *s, size_t n, char *out, size_t size) {
  nearest nr = {1000, ""};
  for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
    if (strlen(hints[i][0]) == n && memcmp(hints[i][0], s, n) == 0) {
      snprintf(out, size, "%s", hints[i][1]);
      return;
    }
  char buf[DC_LABEL_MAX];
  const char *magword = "";
  if (n > 3 && (memcmp(s, "万", 3) == 0 || memcmp(s, "亿", 3) == 0)) {
    magword = memcmp(s, "万", 3) == 0 ? "万" : "亿";
    s += 3;
    n -= 3;
  }
  for (size_t i = 0; i < NUNITS; i++) {
    if (units[i].kind == K_GAS) continue;
    consider(&nr, s, n, units[i].name);
    for (size_t p = 0; p < NPREFIX; p++) {
      if (!(units[i].px & prefixes[p].sets) || prefixes[p].factor == 1e-6) continue;
      snprintf(buf, sizeof buf, "%s%s", prefixes[p].sym, units[i].name);
      consider(&nr, s, n, buf);
      if (strcmp(units[i].name, "g") == 0 || strcmp(units[i].name, "t") == 0)
        for (size_t g = 0; g + 1 < sizeof gas_suffix / sizeof gas_suffix[0]; g++) {
          snprintf(buf, sizeof buf, "%s%s%s", prefixes[p].sym, units[i].name, gas_suffix[g]);
          consider(&nr, s, n, buf);
        }
    }
  }
  for (size_t g = 0; g < sizeof gas_suffix / sizeof gas_suffix[0]; g++) {
    snprintf(buf, sizeof buf, "t%s", gas_suffix[g]);
    consider(&nr, s, n, buf);
    snprintf(buf, sizeof buf, "g%s", gas_suffix[g]);
    consider(&nr, s, n, buf);
  }
  /* close enough: one edit for short names, about a third of the name else */
  int limit = n <= 2 ? 1 : n <= 4 ? 2 : (int)(n * 2 / 3);
  if (nr.best <= limit)
    snprintf(out, size, "%s%s", magword, nr.name);
  else if (size)
    out[0] = '\0';
}

/* ====================================================================== */
/* the parser                                                             */
/* ====================================================================== */

/* unit_expr := product (('/' | 'per') product)*
 * product   := power (('*' | '·' | spaces) power)*
 * power     := primary ('^' int | '^(' int ')')?
 * primary   := name | number | '(' unit_expr ')'
 * A gas word (CO2, CO2e, CH4, N2O, C) may only follow a mass unit. */

typedef struct val {
  double scale;
  dc_dims dims;
  int offset_unit; /* an offset unit that has not yet been combined */
  double offset;
  bool co2e; /* a CO2e word somewhere in it */
} val;

typedef struct parser {
  const char *text, *p;
  dc_units_error *err;
  int depth;
  char label[256];
  size_t lablen;
  bool label_ok;
  bool allow_num; /* a number may start a product ("L/100 km"), no more */
} parser;

#define MAX_DEPTH 32

static void quote_text(const char *text, char *out, size_t size) {
  size_t n = strlen(text);
  if (n <= 60) snprintf(out, size, "%s", text);
  else snprintf(out, size, "%.57s...", text);
}

/* 1-based column of at, counting characters, not bytes (万, ·, °) */
static int col(const parser *ps, const char *at) {
  int c = 1;
  for (const char *p = ps->text; p < at; p++)
    if (((unsigned char)*p & 0xC0) != 0x80) c++;
  return c;
}

static int fail(parser *ps, const char *at, const char *fmt, ...) {
  if (ps->err) {
    char m[120], q[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    quote_text(ps->text, q, sizeof q);
    ps->err->pos = (size_t)(at - ps->text);
    snprintf(ps->err->msg, sizeof ps->err->msg, "%s in \"%s\"", m, q);
  }
  return -1;
}

static void emit(parser *ps, const char *s, size_t n) {
  if (ps->lablen + n >= sizeof ps->label) {
    ps->label_ok = false;
    return;
  }
  memcpy(ps->label + ps->lablen, s, n);
  ps->lablen += n;
  ps->label[ps->lablen] = '\0';
}

static void skip_space(parser *ps) {
  while (*ps->p == ' ' || *ps->p == '\t') ps->p++;
}

static bool is_dot_op(const char *p) { return (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xB7; }

static bool is_name_start(const char *p) {
  unsigned char c = (unsigned char)*p;
  if (is_dot_op(p)) return false;
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%' || c >= 0x80;
}
static bool is_name_char(const char *p) {
  unsigned char c = (unsigned char)*p;
  if (c == '%') return false;
  return is_name_start(p) || (c >= '0' && c <= '9');
}

static bool is_word(const char *p, const char *w) {
  size_t n = strlen(w);
  return strncmp(p, w, n) == 0 && !is_name_char(p + n);
}

/* A character at p, for messages (a whole UTF-8 sequence). */
static void char_at(const char *p, char *out, size_t size) {
  size_t n = 1;
  if ((unsigned char)*p >= 0xC0)
    while (n < 4 && ((unsigned char)p[n] & 0xC0) == 0x80) n++;
  if (*p == '\0') snprintf(out, size, "end of text");
  else snprintf(out, size, "'%.*s'", (int)n, p);
}

/* number := [+-]? digits ['.' digits] [(e|E) [+-] digits] ['^' [+-] digits] */
static int parse_number(parser *ps, double *out) {
  const char *s = ps->p, *q = s;
  if (*q == '+' || *q == '-') q++;
  const char *d0 = q;
  while (*q >= '0' && *q <= '9') q++;
  bool intpart = q > d0;
  if (*q == '.') {
    q++;
    const char *f0 = q;
    while (*q >= '0' && *q <= '9') q++;
    if (!intpart && q == f0) return fail(ps, s, "expected a number at column %d", col(ps, s));
  } else if (!intpart) {
    return fail(ps, s, "expected a number at column %d", col(ps, s));
  }
  if ((*q == 'e' || *q == 'E') &&
      ((q[1] >= '0' && q[1] <= '9') || ((q[1] == '+' || q[1] == '-') && q[2] >= '0' && q[2] <= '9'))) {
    q += 2;
    while (*q >= '0' && *q <= '9') q++;
  }
  char tmp[64];
  if ((size_t)(q - s) >= sizeof tmp) return fail(ps, s, "number too long at column %d", col(ps, s));
  memcpy(tmp, s, (size_t)(q - s));
  tmp[q - s] = '\0';
  double v = strtod(tmp, NULL);
  if (*q == '^') {
    const char *e = q + 1;
    int sign = 1;
    if (*e == '+' || *e == '-') sign = *e++ == '-' ? -1 : 1;
    if (!(*e >= '0' && *e <= '9')) return fail(ps, e, "expected an integer exponent after '^' at column %d", col(ps, e));
    long n = 0;
    while (*e >= '0' && *e <= '9') {
      if (n < 10000) n = n * 10 + (*e - '0');
      e++;
    }
    v = pow(v, (double)(sign * n));
    q = e;
  }
  if (!isfinite(v)) return fail(ps, s, "number out of range at column %d", col(ps, s));
  *out = v;
  ps->p = q;
  return 0;
}

static int parse_expr(parser *ps, val *out);

static int parse_primary(parser *ps, val *out, bool *mass, bool *gas) {
  const char *s = ps->p;
  *mass = *gas = false;
  if (*s == '(') {
    if (++ps->depth > MAX_DEPTH) return fail(ps, s, "too many nested parentheses at column %d", col(ps, s));
    ps->p++;
    emit(ps, "(", 1);
    skip_space(ps);
    if (parse_expr(ps, out) < 0) return -1;
    skip_space(ps);
    if (*ps->p != ')') {
      char c[16];
      char_at(ps->p, c, sizeof c);
      return fail(ps, ps->p, "expected ')' at column %d, found %s", col(ps, ps->p), c);
    }
    ps->p++;
    ps->depth--;
    emit(ps, ")", 1);
    return 0;
  }
  if (((*s >= '0' && *s <= '9') || *s == '.') && ps->allow_num) {
    double v;
    if (parse_number(ps, &v) < 0) return -1;
    if (v == 0) return fail(ps, s, "a unit cannot be zero (column %d)", col(ps, s));
    emit(ps, s, (size_t)(ps->p - s));
    *out = (val){v, (dc_dims)D_NONE, 0, 0, false};
    return 0;
  }
  if (!is_name_start(s)) {
    char c[16];
    char_at(s, c, sizeof c);
    return fail(ps, s, "expected a unit at column %d, found %s", col(ps, s), c);
  }
  const char *e = s;
  if (*e == '%') e++;
  else
    while (is_name_char(e)) {
      if ((unsigned char)*e >= 0x80) { /* a whole UTF-8 sequence */
        e++;
        while (((unsigned char)*e & 0xC0) == 0x80) e++;
      } else {
        e++;
      }
    }
  size_t n = (size_t)(e - s);
  found f;
  if (!lookup(s, n, &f)) {
    char sug[DC_LABEL_MAX], q[64];
    suggest(s, n, sug, sizeof sug);
    if (ps->err) {
      quote_text(ps->text, q, sizeof q);
      ps->err->pos = (size_t)(s - ps->text);
      snprintf(ps->err->suggest, sizeof ps->err->suggest, "%s", sug);
      if (sug[0])
        snprintf(ps->err->msg, sizeof ps->err->msg, "unknown unit '%.*s' in \"%s\" — did you mean '%s'?",
                 (int)(n > 40 ? 40 : n), s, q, sug);
      else
        snprintf(ps->err->msg, sizeof ps->err->msg, "unknown unit '%.*s' in \"%s\"", (int)(n > 40 ? 40 : n), s, q);
    }
    return -1;
  }
  ps->p = e;
  emit(ps, s, n);
  *out = (val){f.scale, f.dims, f.kind == K_OFFSET, f.offset, f.co2e};
  *mass = f.mass;
  *gas = f.kind == K_GAS;
  return 0;
}

static int parse_power(parser *ps, val *out, bool *mass, bool *gas) {
  if (parse_primary(ps, out, mass, gas) < 0) return -1;
  const char *save = ps->p;
  skip_space(ps);
  if (*ps->p != '^') {
    ps->p = save;
    return 0;
  }
  const char *caret = ps->p++;
  skip_space(ps);
  bool paren = *ps->p == '(';
  if (paren) ps->p++;
  const char *e = ps->p;
  int sign = 1;
  if (*e == '+' || *e == '-') sign = *e++ == '-' ? -1 : 1;
  if (!(*e >= '0' && *e <= '9'))
    return fail(ps, e, "expected an integer exponent after '^' at column %d", col(ps, caret));
  long n = 0;
  while (*e >= '0' && *e <= '9') {
    if (n < 1000) n = n * 10 + (*e - '0');
    e++;
  }
  if (*e == '.') return fail(ps, e, "exponent must be an integer at column %d", col(ps, caret));
  if (paren) {
    if (*e != ')') return fail(ps, e, "expected ')' after the exponent at column %d", col(ps, e));
    e++;
  }
  ps->p = e;
  n *= sign;
  if (out->offset_unit) return fail(ps, caret, "a unit with an offset (°C) cannot be raised to a power");
  if (*gas) return fail(ps, caret, "a gas name cannot be raised to a power");
  if (n < -99 || n > 99 || !dc_dims_pow(out->dims, (int)n, &out->dims))
    return fail(ps, caret, "exponent out of range at column %d", col(ps, caret));
  char buf[16];
  int w = snprintf(buf, sizeof buf, "^%ld", n);
  emit(ps, buf, (size_t)w);
  out->scale = pow(out->scale, (double)n);
  *mass = false;
  return 0;
}

/* does the text at p start another factor of a product? */
static bool starts_factor(parser *ps) {
  const char *p = ps->p;
  if (is_word(p, "per")) return false;
  return is_name_start(p) || *p == '(';
}

static int combine(parser *ps, const char *at, val *acc, const val *v, bool divide) {
  if (acc->offset_unit || v->offset_unit)
    return fail(ps, at, "a unit with an offset (°C) cannot be combined with other units");
  bool ok = divide ? dc_dims_div(acc->dims, v->dims, &acc->dims) : dc_dims_mul(acc->dims, v->dims, &acc->dims);
  if (!ok) return fail(ps, at, "exponent out of range at column %d", col(ps, at));
  acc->scale = divide ? acc->scale / v->scale : acc->scale * v->scale;
  acc->co2e = acc->co2e || v->co2e;
  return 0;
}

static int parse_product(parser *ps, val *out) {
  bool mass, gas;
  const char *start = ps->p;
  ps->allow_num = true;
  int rc = parse_power(ps, out, &mass, &gas);
  ps->allow_num = false;
  if (rc < 0) return -1;
  if (gas) return fail(ps, start, "'%.*s' must follow a mass unit, as in 't CH4' or 'kgCO2'",
                       (int)(ps->p - start), start);
  for (;;) {
    const char *save = ps->p;
    skip_space(ps);
    const char *at = ps->p;
    bool explicit_op = false;
    if (*at == '*') {
      ps->p++;
      explicit_op = true;
    } else if (is_dot_op(at)) {
      ps->p += 2;
      explicit_op = true;
    } else if (at == save || !starts_factor(ps)) {
      ps->p = save; /* not a product: '/', ')', the end, or no space */
      return 0;
    }
    if (explicit_op) skip_space(ps);
    emit(ps, explicit_op ? "·" : " ", explicit_op ? strlen("·") : 1);
    const char *fstart = ps->p;
    val v;
    bool m2, g2;
    if (parse_power(ps, &v, &m2, &g2) < 0) return -1;
    if (g2 && !mass)
      return fail(ps, fstart, "'%.*s' must follow a mass unit, as in 't CH4' or 'kgCO2'",
                  (int)(ps->p - fstart), fstart);
    if (combine(ps, fstart, out, &v, false) < 0) return -1;
    mass = m2;
  }
}

static int parse_expr(parser *ps, val *out) {
  if (parse_product(ps, out) < 0) return -1;
  for (;;) {
    const char *save = ps->p;
    skip_space(ps);
    const char *at = ps->p;
    if (*at == '/') ps->p++;
    else if (is_word(at, "per")) ps->p += 3;
    else {
      ps->p = save;
      return 0;
    }
    skip_space(ps);
    emit(ps, "/", 1);
    val v;
    const char *fstart = ps->p;
    if (parse_product(ps, &v) < 0) return -1;
    if (combine(ps, fstart, out, &v, true) < 0) return -1;
  }
}

static int finish(parser *ps, const val *v, dc_unit *out) {
  skip_space(ps);
  if (*ps->p) {
    char c[16];
    char_at(ps->p, c, sizeof c);
    return fail(ps, ps->p, "unexpected %s at column %d", c, col(ps, ps->p));
  }
  if (!isfinite(v->scale) || v->scale == 0) return fail(ps, ps->text, "unit scale out of range");
  out->scale = v->scale;
  out->offset = v->offset_unit ? v->offset : 0;
  out->dims = v->dims;
  return 0;
}

static void parser_init(parser *ps, const char *text, dc_units_error *err) {
  memset(ps, 0, sizeof *ps);
  ps->text = ps->p = text;
  ps->err = err;
  ps->label_ok = true;
  if (err) {
    err->code = DC_ERR_INPUT; /* what it will be, if the text is wrong */
    err->line = err->col = 0;
    err->pos = 0;
    err->msg[0] = err->suggest[0] = '\0';
  }
}

static void set_display(const parser *ps, const dc_unit *u, bool co2e, dc_display *disp) {
  disp->co2e = co2e && u->dims.e[DC_DIM_CO2] != 0;
  disp->scale = u->scale;
  disp->offset = u->offset;
  disp->label[0] = '\0';
  if (ps->label_ok && ps->lablen < DC_LABEL_MAX) memcpy(disp->label, ps->label, ps->lablen + 1);
}

int dc_units_parse_display(const char *text, dc_unit *out, dc_display *disp, dc_units_error *err) {
  parser ps;
  val v;
  dc_unit u;
  parser_init(&ps, text, err);
  skip_space(&ps);
  if (!*ps.p) return fail(&ps, ps.p, "empty unit");
  if (parse_expr(&ps, &v) < 0 || finish(&ps, &v, &u) < 0) return -1;
  if (out) *out = u;
  if (disp) set_display(&ps, &u, v.co2e, disp);
  return 0;
}

int dc_units_parse(const char *text, dc_unit *out, dc_units_error *err) {
  return dc_units_parse_display(text, out, NULL, err);
}

int dc_units_parse_quantity(const char *text, double *value, dc_unit *unit,
                            dc_display *disp, dc_units_error *err) {
  parser ps;
  val v = {1, (dc_dims)D_NONE, 0, 0, false};
  double num;
  parser_init(&ps, text, err);
  skip_space(&ps);
  if (!*ps.p) return fail(&ps, ps.p, "empty quantity: expected a number and a unit");
  if (parse_number(&ps, &num) < 0) {
    if (is_name_start(ps.p))
      return fail(&ps, ps.p, "expected a number before the unit (as in \"1 %s\")", ps.p);
    return -1;
  }
  const char *after = ps.p;
  skip_space(&ps);
  if (*ps.p) {
    if (ps.p == after && !is_name_start(ps.p) && *ps.p != '(') {
      char c[16];
      char_at(ps.p, c, sizeof c);
      return fail(&ps, ps.p, "unexpected %s at column %d", c, (int)(ps.p - ps.text) + 1);
    }
    if (parse_expr(&ps, &v) < 0) return -1;
  }
  dc_unit u;
  if (finish(&ps, &v, &u) < 0) return -1;
  if (value) *value = num;
  if (unit) *unit = u;
  if (disp) set_display(&ps, &u, v.co2e, disp);
  return 0;
}

/* ====================================================================== */
/* display                                                                */
/* ====================================================================== */

bool dc_units_label_co2e(char *label, size_t size) {
  char out[256];
  size_t n = 0;
  bool changed = false;
  for (const char *p = label; *p && n + 2 < sizeof out; p++) {
    out[n++] = *p;
    if (p[0] == 'C' && p[1] == 'O' && p[2] == '2' && p[3] != 'e') {
      out[n++] = 'O';
      out[n++] = '2';
      out[n++] = 'e';
      p += 2;
      changed = true;
    }
  }
  out[n] = '\0';
  if (!changed) return true;
  if (n >= size) return false;
  memcpy(label, out, n + 1);
  return true;
}

/* "kgCO2e/kWh" -> "kgCO2/kWh" in place: the preferred labels of a CO2-only
 * amount */
static void strip_co2e(char *s) {
  char *w = s;
  for (const char *r = s; *r; r++) {
    *w++ = *r;
    if (r[0] == '2' && r[1] == 'e' && r > s + 1 && r[-1] == 'O' && r[-2] == 'C') r++;
  }
  *w = '\0';
}

double dc_units_nref_factor(double t_k, double p_pa, int k) {
  return pow((t_k / 273.15) * (101325.0 / p_pa), (double)k);
}

/* The one rule for "which unit": the preferred unit of d for a value of
 * magnitude si (0, NaN, inf: the preferred unit's zero step), CO2 or CO2e
 * by co2e, its label into label[size] ("" for a plain number); returns its
 * scale. A dimension with no preferred unit gets its SI composition
 * ("kg·m^-3"), scale 1. dc_units_format prints with it and
 * dc_units_choose_display hands it to report columns, charts and series. */
static double choose_unit(dc_dims d, double si, bool co2e, char *label, size_t size) {
  const pref *p = pref_find(d);
  if (size) label[0] = '\0';
  if (p && !p->steps) return 1;
  double scale = 1;
  if (p) {
    int k = p->zero;
    if (isfinite(si) && si != 0) {
      /* round to the shown digits first so 999.9996 kWh picks MWh */
      k = 0;
      for (int i = 0; i < p->nsteps; i++) {
        char probe[64];
        snprintf(probe, sizeof probe, "%.5e", fabs(si) / p->steps[i].scale);
        if (strtod(probe, NULL) >= 1) k = i;
      }
    }
    snprintf(label, size, "%s", p->steps[k].label);
    scale = p->steps[k].scale;
  } else {
    compose(label, size, d, base_unit_names);
  }
  if (d.e[DC_DIM_CO2] && !co2e) strip_co2e(label);
  return scale;
}

void dc_units_choose_display(dc_dims d, double largest, bool co2e, dc_display *out) {
  memset(out, 0, sizeof *out);
  if (!isfinite(largest) || largest == 0) largest = 1;
  out->co2e = co2e;
  out->scale = choose_unit(d, fabs(largest), co2e, out->label, sizeof out->label);
}

size_t dc_units_format(char *buf, size_t size, double si, dc_dims d, const dc_display *disp) {
  char num[64], label[160];
  if (disp && disp->label[0]) {
    double v = (si - disp->offset) / disp->scale;
    /* "1", the dimensionless unit: q"7 1" and x:to"1" show 7, not "7 1" */
    if (disp->label[0] == '1' && !disp->label[1]) return dc_fmt_number(buf, size, v, 0);
    dc_fmt_number(num, sizeof num, v, 0);
    return (size_t)snprintf(buf, size, "%s %s", num, disp->label);
  }
  double scale = choose_unit(d, si, disp && disp->co2e, label, sizeof label);
  dc_fmt_number(num, sizeof num, si / scale, 0);
  if (!label[0]) return (size_t)snprintf(buf, size, "%s", num);
  return (size_t)snprintf(buf, size, "%s %s", num, label);
}

/* ====================================================================== */
/* GWP sets                                                               */
/* ====================================================================== */

static const struct {
  const char *name;
  double ch4, n2o;
} gwp_sets[] = {
  {"SAR", 21, 310},
  {"AR4", 25, 298},
  {"AR5", 28, 265},
  {"AR6", 27.9, 273},
  {"AR6-fossil", 29.8, 273},
  {"AR6-nonfossil", 27.0, 273},
};

int dc_units_gwp(const char *set, double *ch4, double *n2o) {
  for (size_t i = 0; i < sizeof gwp_sets / sizeof gwp_sets[0]; i++)
    if (set && strcmp(set, gwp_sets[i].name) == 0) {
      if (ch4) *ch4 = gwp_sets[i].ch4;
      if (n2o) *n2o = gwp_sets[i].n2o;
      return 0;
    }
  return -1;
}
