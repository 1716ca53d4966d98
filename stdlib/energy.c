/* energy.c — the energy-accounting core (see energy.h and docs/energy.md):
 * the fuel registry over the factors data (stdlib/data/energy.csv for the
 * generic fuels, fuel.csv for the IPCC fuels), primary-energy coefficients
 * (sce.csv), GWP look-ups (gwp.csv) and one pass of accounting over plain
 * arrays. No Lua, no allocation in the accounting pass. */
#include "energy.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "factors.h"

_Static_assert(offsetof(dc_energy_error, msg) == offsetof(dc_err, msg) &&
                   sizeof ((dc_energy_error *)0)->msg == sizeof ((dc_err *)0)->msg,
               "dc_energy_error mirrors dc_err");

/* Fills e (when not NULL) through dc_err_set, then the energy core's code,
 * sector, measure and year. Returns -1. */
static int efail(dc_energy_error *e, enum dc_energy_errcode code, int sector, int measure,
                 int year, const char *fmt, ...) {
  if (e) {
    va_list ap;
    dc_err_set(&e->err, DC_ERR_INPUT, "%s", "");
    e->code = code;
    e->sector = sector;
    e->measure = measure;
    e->year = year;
    va_start(ap, fmt);
    vsnprintf(e->err.msg, sizeof e->err.msg, fmt, ap);
    va_end(ap);
  }
  return -1;
}

/* Equal ignoring ASCII case, '_', spaces and ASCII punctuation. */
static int name_eq(const char *a, const char *b) {
  for (;;) {
    while (*a && (unsigned char)*a < 0x80 && !isalnum((unsigned char)*a)) a++;
    while (*b && (unsigned char)*b < 0x80 && !isalnum((unsigned char)*b)) b++;
    if (!*a || !*b) return !*a && !*b;
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
    a++;
    b++;
  }
}

/* ======================================================================
 * the registry
 * ====================================================================== */

/* The family of every fuel of the factors' fuel dataset. A fuel added to
 * fuel.csv without a line here makes dc_energy_init fail (a unit test
 * loads it), so that no fuel is silently put in a family. */
static const struct {
  const char *name;
  enum dc_fuel_family family;
} ipcc_family[] = {
  {"anthracite", DC_FUEL_COAL},        {"coking coal", DC_FUEL_COAL},
  {"other bituminous coal", DC_FUEL_COAL}, {"sub-bituminous coal", DC_FUEL_COAL},
  {"lignite", DC_FUEL_COAL},           {"natural gas", DC_FUEL_GAS},
  {"gas/diesel oil", DC_FUEL_OIL},     {"motor gasoline", DC_FUEL_OIL},
  {"LPG", DC_FUEL_OIL},                {"residual fuel oil", DC_FUEL_OIL},
  {"other kerosene", DC_FUEL_OIL},     {"petroleum coke", DC_FUEL_OIL},
};

/* The registry keeps its own copies of names and sources, so that it stays
 * valid when the factors data are unloaded (dc_factors_unload) and loaded
 * again. */
static struct {
  int loaded;
  dc_energy_fuel f[DC_ENERGY_MAXFUELS];
  char name[DC_ENERGY_MAXFUELS][48];
  char source[DC_ENERGY_MAXFUELS][480];
  size_t n;
} reg;

static int add_fuel(const char *name, enum dc_fuel_family fam, const dc_factor *co2,
                    dc_energy_error *err) {
  if (reg.n >= DC_ENERGY_MAXFUELS)
    return efail(err, DC_ENERGY_E_DATA, -1, -1, 0, "more than %d fuels in the factors data",
                 DC_ENERGY_MAXFUELS);
  size_t i = reg.n++;
  dc_energy_fuel *f = &reg.f[i];
  snprintf(reg.name[i], sizeof reg.name[i], "%s", name);
  snprintf(reg.source[i], sizeof reg.source[i], "%s", co2 ? co2->source : "");
  f->name = reg.name[i];
  f->family = fam;
  f->fossil = fam == DC_FUEL_COAL || fam == DC_FUEL_OIL || fam == DC_FUEL_GAS;
  f->co2 = co2 ? co2->si : 0;
  f->source = reg.source[i];
  return 0;
}

static int find_co2(const char *dataset, const char *name, const dc_factor **out,
                    dc_energy_error *err) {
  dc_err m;
  if (dc_factors_find(dataset, name, "co2", 0, false, out, &m))
    return efail(err, DC_ENERGY_E_DATA, -1, -1, 0, "%s", m.msg);
  dc_dims want = {{0}};
  want.e[DC_DIM_CO2] = 1;
  want.e[DC_DIM_LENGTH] = -2;
  want.e[DC_DIM_MASS] = -1;
  want.e[DC_DIM_TIME] = 2;
  if (!dc_dims_eq((*out)->dims, want))
    return efail(err, DC_ENERGY_E_DATA, -1, -1, 0, "%s %s co2 is not CO2 per energy (%s)",
                 dataset, name, (*out)->unit);
  return 0;
}

int dc_energy_init(dc_energy_error *err) {
  if (reg.loaded) return 0;
  dc_err m;
  if (dc_factors_load(&m)) return efail(err, DC_ENERGY_E_DATA, -1, -1, 0, "%s", m.msg);
  reg.n = 0;
  const dc_factor *coal, *oil, *gas, *bio;
  if (find_co2("energy", "coal", &coal, err) || find_co2("energy", "oil", &oil, err) ||
      find_co2("fuel", "natural gas", &gas, err) || find_co2("energy", "biomass", &bio, err))
    return -1;
  /* the generic fuels, at the indices energy.h fixes */
  if (add_fuel("coal", DC_FUEL_COAL, coal, err) || add_fuel("oil", DC_FUEL_OIL, oil, err) ||
      add_fuel("natural_gas", DC_FUEL_GAS, gas, err) ||
      add_fuel("electricity", DC_FUEL_ELECTRICITY, NULL, err) ||
      add_fuel("heat", DC_FUEL_HEAT, NULL, err) || add_fuel("biomass", DC_FUEL_BIOMASS, bio, err))
    return -1;
  /* every fuel of the fuel dataset (natural gas is the generic one) */
  size_t nf = dc_factors_count();
  for (size_t i = 0; i < nf; i++) {
    const dc_factor *f = dc_factors_at(i);
    if (strcmp(f->dataset, "fuel") != 0 || strcmp(f->variant, "co2") != 0) continue;
    if (name_eq(f->name, "natural gas")) continue;
    size_t k = 0;
    while (k < sizeof ipcc_family / sizeof ipcc_family[0] && strcmp(ipcc_family[k].name, f->name))
      k++;
    if (k == sizeof ipcc_family / sizeof ipcc_family[0])
      return efail(err, DC_ENERGY_E_DATA, -1, -1, 0,
                   "fuel '%s' of stdlib/data/fuel.csv has no family in stdlib/energy.c "
                   "(coal, oil or gas)", f->name);
    const dc_factor *co2;
    if (find_co2("fuel", f->name, &co2, err) || add_fuel(f->name, ipcc_family[k].family, co2, err))
      return -1;
  }
  reg.loaded = 1;
  return 0;
}

size_t dc_energy_nfuels(void) {
  return dc_energy_init(NULL) ? 0 : reg.n;
}

const dc_energy_fuel *dc_energy_fuel_at(size_t i) {
  return i < dc_energy_nfuels() ? &reg.f[i] : NULL;
}

/* Chinese names of the generic fuels, as energy balances write them */
static const struct {
  const char *alias;
  int fuel;
} generic_alias[] = {
  {"煤炭", DC_FUEL_I_COAL},       {"煤", DC_FUEL_I_COAL},        {"石油", DC_FUEL_I_OIL},
  {"天然气", DC_FUEL_I_NATURAL_GAS}, {"电力", DC_FUEL_I_ELECTRICITY}, {"热力", DC_FUEL_I_HEAT},
  {"生物质", DC_FUEL_I_BIOMASS},
};

int dc_energy_fuel_find(const char *name, dc_energy_error *err) {
  if (dc_energy_init(err)) return -1;
  if (!name) name = "";
  for (size_t i = 0; i < sizeof generic_alias / sizeof generic_alias[0]; i++)
    if (strcmp(name, generic_alias[i].alias) == 0) return generic_alias[i].fuel;
  for (size_t i = 0; i < reg.n; i++)
    if (name_eq(reg.f[i].name, name)) return (int)i;
  const char *canon = dc_factors_canonical("fuel", name);
  if (canon)
    for (size_t i = 0; i < reg.n; i++)
      if (strcmp(reg.f[i].name, canon) == 0) return (int)i;
  char list[300];
  size_t k = 0;
  list[0] = 0;
  for (size_t i = 0; i < reg.n && k < sizeof list; i++)
    k += (size_t)snprintf(list + k, sizeof list - k, "%s%s", i ? ", " : "", reg.f[i].name);
  return efail(err, DC_ENERGY_E_FUEL, -1, -1, 0, "unknown fuel '%s'; known: %s", name, list);
}

/* ======================================================================
 * checks
 * ====================================================================== */

static dc_dims dims_of(int l, int m, int t, int co2, int ch4, int n2o) {
  dc_dims d = {{0}};
  d.e[DC_DIM_LENGTH] = (int8_t)l;
  d.e[DC_DIM_MASS] = (int8_t)m;
  d.e[DC_DIM_TIME] = (int8_t)t;
  d.e[DC_DIM_CO2] = (int8_t)co2;
  d.e[DC_DIM_CH4] = (int8_t)ch4;
  d.e[DC_DIM_N2O] = (int8_t)n2o;
  return d;
}

/* 1 when label is written as something over a time: "GWh/yr", "万tce / a" */
static int per_time(const char *label) {
  const char *slash = strrchr(label, '/');
  if (!slash) return 0;
  dc_unit u;
  dc_units_error ue;
  if (dc_units_parse(slash + 1, &u, &ue)) return 0;
  dc_dims t = {{0}};
  t.e[DC_DIM_TIME] = 1;
  return dc_dims_eq(u.dims, t);
}

int dc_energy_check_amount(const char *what, const char *label, dc_dims dims,
                           dc_energy_error *err) {
  char dn[80];
  if (!dc_dims_eq(dims, dims_of(2, 1, -3, 0, 0, 0)))
    return efail(err, DC_ENERGY_E_UNIT, -1, -1, 0,
                 "%s must be an energy per year (as '500 万tce/yr', '2 TWh/yr' or '80 PJ/yr'), "
                 "not %s", what, dc_dims_name(dims, dn, sizeof dn));
  if (label && label[0] && !per_time(label))
    return efail(err, DC_ENERGY_E_POWER, -1, -1, 0,
                 "%s is in %s, a power (a rate of energy), not an energy per year: write the "
                 "energy the year uses, as 'GWh/yr' or '万tce/yr' (1 MW running all year is "
                 "8.76 GWh/yr)", what, label);
  return 0;
}

int dc_energy_check_factor(const char *what, dc_dims dims, dc_energy_error *err) {
  char dn[80];
  if (!dc_dims_eq(dims, dims_of(-2, -1, 2, 1, 0, 0)))
    return efail(err, DC_ENERGY_E_UNIT, -1, -1, 0,
                 "%s must be CO2 per unit of energy (as '94600 kgCO2/TJ' or '0.55 kgCO2/kWh'), "
                 "not %s", what, dc_dims_name(dims, dn, sizeof dn));
  return 0;
}

int dc_energy_check_gas(const char *what, const char *gas, dc_dims dims, dc_energy_error *err) {
  char dn[80];
  dc_dims want;
  const char *ex;
  if (strcmp(gas, "CH4") == 0) want = dims_of(0, 0, -1, 0, 1, 0), ex = "'5 kt CH4/yr'";
  else if (strcmp(gas, "N2O") == 0) want = dims_of(0, 0, -1, 0, 0, 1), ex = "'40 t N2O/yr'";
  else if (strcmp(gas, "CO2") == 0) want = dims_of(0, 0, -1, 1, 0, 0), ex = "'2 MtCO2/yr'";
  else want = dims_of(0, 1, -1, 0, 0, 0), ex = "'3 t/yr' of the gas";
  if (!dc_dims_eq(dims, want))
    return efail(err, DC_ENERGY_E_UNIT, -1, -1, 0, "%s must be an amount of %s per year (as %s), not %s",
                 what, gas, ex, dc_dims_name(dims, dn, sizeof dn));
  return 0;
}

/* ======================================================================
 * primary energy, GWP, technologies
 * ====================================================================== */

int dc_energy_primary_method(const char *name, enum dc_primary_method *out, dc_energy_error *err) {
  if (name && strcmp(name, "calorific") == 0) *out = DC_PRIMARY_CALORIFIC;
  else if (name && strcmp(name, "coal") == 0) *out = DC_PRIMARY_COAL;
  else
    return efail(err, DC_ENERGY_E_PRIMARY, -1, -1, 0,
                 "unknown primary-energy method '%s': primary = \"calorific\" (electricity at its "
                 "energy content, 0.1229 kgce/kWh) or primary = \"coal\" (coal-consumption method: "
                 "the thermal plants' coal per kWh of the year)", name ? name : "");
  return 0;
}

int dc_energy_primary_coef(enum dc_primary_method m, int year, double *out, const char **src,
                           dc_energy_error *err) {
  dc_err msg;
  const dc_factor *f;
  if (m == DC_PRIMARY_CALORIFIC) {
    if (dc_factors_find("sce", "electricity", "calorific", 0, false, &f, &msg))
      return efail(err, DC_ENERGY_E_DATA, -1, -1, year, "%s", msg.msg);
  } else if (m == DC_PRIMARY_COAL) {
    if (dc_factors_find("sce", "electricity", "coal", year, true, &f, &msg))
      return efail(err, DC_ENERGY_E_YEAR, -1, -1, year,
                   "no coal-consumption coefficient for %d or an earlier year (%s)", year, msg.msg);
  } else {
    return efail(err, DC_ENERGY_E_PRIMARY, -1, -1, year,
                 "no primary-energy method: name one on the plan, primary = \"calorific\" or "
                 "primary = \"coal\"");
  }
  *out = f->si;
  if (src) *src = f->source;
  return 0;
}

int dc_energy_gwp(const char *set, const char *gas, double *out, dc_energy_error *err) {
  if (strcmp(gas, "CO2") == 0) {
    *out = 1;
    return 0;
  }
  dc_err msg;
  const dc_factor *f;
  if (dc_factors_find("gwp", set, gas, 0, false, &f, &msg))
    return efail(err, DC_ENERGY_E_GWP, -1, -1, 0, "%s", msg.msg);
  *out = f->value;
  return 0;
}

static const char *const nonfossil_words[] = {
  "solar", "pv", "photovoltaic", "csp", "wind", "onshore", "offshore", "hydro", "hydropower",
  "nuclear", "biomass", "biogas", "geothermal", "tidal", "wave", "ocean", "waste-to-energy",
  "renewable", "renewables", "new energy", "光伏", "风电", "水电", "核电", "生物质", "新能源"};
static const char *const fossil_words[] = {"coal", "gas", "oil", "diesel", "thermal", "lignite",
                                           "ccgt", "ocgt", "fossil", "煤电", "火电", "气电"};

/* 1 when word w occurs in s as a whole word (ASCII letters around it are
 * other words; non-ASCII words match as substrings) */
static int has_word(const char *s, const char *w) {
  size_t n = strlen(w);
  for (const char *p = s; *p; p++) {
    size_t i = 0;
    while (i < n && p[i] && tolower((unsigned char)p[i]) == tolower((unsigned char)w[i])) i++;
    if (i < n) continue;
    if ((unsigned char)w[0] >= 0x80) return 1;
    int before = p > s && isalnum((unsigned char)p[-1]);
    int after = isalnum((unsigned char)p[n]);
    if (!before && !after) return 1;
  }
  return 0;
}

int dc_energy_tech_nonfossil(const char *tech) {
  if (!tech) return -1;
  int nf = 0, fo = 0;
  for (size_t i = 0; i < sizeof nonfossil_words / sizeof nonfossil_words[0]; i++)
    nf |= has_word(tech, nonfossil_words[i]);
  for (size_t i = 0; i < sizeof fossil_words / sizeof fossil_words[0]; i++)
    fo |= has_word(tech, fossil_words[i]);
  /* "biogas" is not "gas"; "coal and other" is fossil; both: the plan says */
  if (nf == fo) return -1;
  return nf;
}

/* ======================================================================
 * the accounting
 * ====================================================================== */

static double at(const double *v, size_t i, double dflt) {
  return v ? v[i] : dflt;
}

/* The CO2 factor of fuel f in sector sec, year i (kg/J); a missing grid or
 * heat factor is 0 here: the accounting fails on it wherever the fuel is
 * used. */
static double fuel_ef(const dc_energy_spec *s, const dc_energy_sector *sec, size_t f, size_t i,
                      int power) {
  const dc_energy_fuel *fu = &reg.f[f];
  if (fu->fossil || fu->family == DC_FUEL_BIOMASS) {
    double ef = fu->co2;
    for (size_t o = 0; o < s->nfac; o++)
      if (s->fac[o].fuel == (int)f) ef = s->fac[o].v[i];
    return ef;
  }
  if (fu->family == DC_FUEL_ELECTRICITY) {
    const double *g = sec->grid ? sec->grid : s->grid;
    return power || !g ? 0 : g[i];
  }
  return s->heat_factor ? s->heat_factor[i] : 0;
}

/* the checks of one sector's fuels and gases (year-independent) */
static int check_sector(const dc_energy_spec *s, size_t k, int *gases, dc_energy_error *err) {
  const char *plan = s->plan ? s->plan : "";
  const dc_energy_sector *sec = &s->sec[k];
  unsigned char seen[DC_ENERGY_MAXFUELS] = {0};
  for (size_t j = 0; j < sec->nuse; j++) {
    int f = sec->use[j].fuel;
    if (f < 0 || (size_t)f >= reg.n || !sec->use[j].v)
      return efail(err, DC_ENERGY_E_SPEC, (int)k, -1, 0, "sector '%s': bad fuel entry %zu",
                   sec->name, j);
    if (seen[f]++)
      return efail(err, DC_ENERGY_E_SPEC, (int)k, -1, 0, "sector '%s' gives fuel '%s' twice",
                   sec->name, reg.f[f].name);
    if (sec->power && !reg.f[f].fossil && reg.f[f].family != DC_FUEL_BIOMASS)
      return efail(err, DC_ENERGY_E_SPEC, (int)k, -1, 0,
                   "power sector '%s' uses %s: a power sector lists only the fuels its plants "
                   "burn (coal, oil, gas, biomass); its own use of electricity belongs to "
                   "another sector", sec->name, reg.f[f].name);
  }
  for (size_t j = 0; j < sec->ngas; j++) {
    if (!sec->gas[j].gas || !sec->gas[j].v)
      return efail(err, DC_ENERGY_E_SPEC, (int)k, -1, 0, "sector '%s': bad gas entry %zu",
                   sec->name, j);
    if (strcmp(sec->gas[j].gas, "CO2") != 0) *gases = 1;
    if (strcmp(sec->gas[j].gas, "CO2") != 0 && !s->gwp)
      return efail(err, DC_ENERGY_E_GWP, (int)k, -1, 0,
                   "sector '%s' emits %s but plan '%s' names no GWP set, so its emissions "
                   "cannot be CO2e: give gwp = \"AR6\" (or \"AR5\", \"AR4\") on the plan",
                   sec->name, sec->gas[j].gas, plan);
  }
  return 0;
}

/* the checks of measure m: its sector and fuels, and a switch's share and
 * efficiency, alone and with the sector's other switches from the fuel */
static int check_measure(const dc_energy_spec *s, size_t m, dc_energy_error *err) {
  size_t nfu = reg.n;
  const dc_energy_measure *me = &s->mea[m];
  if (me->sector < 0 || (size_t)me->sector >= s->nsec)
    return efail(err, DC_ENERGY_E_SPEC, -1, (int)m, 0, "measure '%s': bad sector", me->name);
  if (me->kind == DC_EM_SAVES) {
    if (me->fuel < 0 || (size_t)me->fuel >= nfu || !me->amount)
      return efail(err, DC_ENERGY_E_SPEC, me->sector, (int)m, 0, "measure '%s': bad fuel",
                   me->name);
    return 0;
  }
  if (me->from < 0 || (size_t)me->from >= nfu || me->to < 0 || (size_t)me->to >= nfu)
    return efail(err, DC_ENERGY_E_SPEC, me->sector, (int)m, 0, "measure '%s': bad fuel",
                 me->name);
  if (me->from == me->to)
    return efail(err, DC_ENERGY_E_SWITCH, me->sector, (int)m, 0,
                 "measure '%s' switches %s to itself: from and to must differ", me->name,
                 reg.f[me->from].name);
  if (!(me->share >= 0 && me->share <= 1))
    return efail(err, DC_ENERGY_E_SWITCH, me->sector, (int)m, 0,
                 "measure '%s' switches %g %% of %s: a switch moves at most 100 %% of a "
                 "fuel's use (share = \"40 %%\" or 0.4)", me->name, me->share * 100,
                 reg.f[me->from].name);
  if (!(me->efficiency > 0) || !isfinite(me->efficiency))
    return efail(err, DC_ENERGY_E_SWITCH, me->sector, (int)m, 0,
                 "measure '%s': efficiency must be a positive number (3 for a heat pump "
                 "replacing a boiler: 3 J of %s per J of %s), not %g", me->name,
                 reg.f[me->from].name, reg.f[me->to].name, me->efficiency);
  /* the switches of one sector away from one fuel together */
  double sum = 0;
  for (size_t o = 0; o < s->nmea; o++)
    if (s->mea[o].kind == DC_EM_SWITCH && s->mea[o].sector == me->sector &&
        s->mea[o].from == me->from)
      sum += s->mea[o].share;
  if (sum > 1 + 1e-12)
    return efail(err, DC_ENERGY_E_SWITCH, me->sector, (int)m, 0,
                 "the switches away from %s in sector '%s' move %g %% of its use together: "
                 "at most 100 %% can move (each share is of the sector's BAU use)",
                 reg.f[me->from].name, s->sec[me->sector].name, sum * 100);
  return 0;
}

/* the checks that do not depend on a year */
static int check_spec(const dc_energy_spec *s, int *power, int *gases, dc_energy_error *err) {
  const char *plan = s->plan ? s->plan : "";
  *power = 0;
  *gases = 0;
  if (!s->n) return efail(err, DC_ENERGY_E_SPEC, -1, -1, 0, "plan '%s' has no years", plan);
  for (size_t k = 0; k < s->nsec; k++) {
    if (check_sector(s, k, gases, err)) return -1;
    if (s->sec[k].power) *power = 1;
  }
  for (size_t m = 0; m < s->nmea; m++)
    if (check_measure(s, m, err)) return -1;
  if (*gases && s->gwp) {
    double g;
    for (size_t k = 0; k < s->nsec; k++)
      for (size_t j = 0; j < s->sec[k].ngas; j++)
        if (dc_energy_gwp(s->gwp, s->sec[k].gas[j].gas, &g, err)) {
          err->sector = (int)k;
          return -1;
        }
  }
  return 0;
}

/* what the accounting of one plan shares between its steps */
typedef struct {
  const dc_energy_spec *s;
  dc_energy_out *out;
  dc_energy_error *err;
  const char *plan;
  size_t n, nfu;
  int power;
  double gwp_ch4, gwp_n2o;
} acct;

/* the sums of one year over the sectors */
typedef struct {
  double fuel_fin[DC_ENERGY_MAXFUELS];
  double energy, coal, prim_fuels, nf_fuels, co2, ch4, n2o, fgas;
} year_sums;

/* sector k's measures in year i: u (from the BAU use bau) less what they
 * save and move; each measure's CO2 wedge into out->measure_co2 */
static void apply_measures(const acct *a, size_t k, size_t i, double *u, const double *bau) {
  const dc_energy_spec *s = a->s;
  const dc_energy_sector *sec = &s->sec[k];
  for (size_t m = 0; m < s->nmea; m++) {
    const dc_energy_measure *me = &s->mea[m];
    if ((size_t)me->sector != k) continue;
    double w = at(me->weight, i, 1), wedge;
    if (me->kind == DC_EM_SAVES) {
      u[me->fuel] -= w * me->amount[i];
      wedge = w * me->amount[i] * fuel_ef(s, sec, (size_t)me->fuel, i, a->power);
    } else {
      double moved = w * me->share * bau[me->from];
      u[me->from] -= moved;
      u[me->to] += moved / me->efficiency;
      wedge = moved * fuel_ef(s, sec, (size_t)me->from, i, a->power) -
              moved / me->efficiency * fuel_ef(s, sec, (size_t)me->to, i, a->power);
    }
    if (a->out->measure_co2) a->out->measure_co2[m * a->n + i] = wedge;
  }
}

/* the first negative use (and its lowest value) into out's warning */
static void warn_negative(dc_energy_out *out, int year, size_t k, size_t f, double x) {
  if (x < 0 && !out->warn_year) {
    out->warn_year = year;
    out->warn_sector = (int)k;
    out->warn_fuel = (int)f;
    out->warn_value = x;
  } else if (x < out->warn_value && out->warn_sector == (int)k && out->warn_fuel == (int)f) {
    out->warn_value = x;
  }
}

/* sector k's fuel use u in year i: its final energy into *sec_e, its CO2
 * into *sec_co2, the year's sums into y */
static int sector_fuels(const acct *a, size_t k, size_t i, const double *u, year_sums *y,
                        double *sec_e, double *sec_co2) {
  const dc_energy_spec *s = a->s;
  const dc_energy_sector *sec = &s->sec[k];
  int year = s->y0 + (int)i;
  for (size_t f = 0; f < a->nfu; f++) {
    double x = u[f];
    if (x == 0) continue;
    warn_negative(a->out, year, k, f, x);
    const dc_energy_fuel *fu = &reg.f[f];
    if (!sec->power) {
      *sec_e += x;
      y->fuel_fin[f] += x;
    }
    if (fu->family == DC_FUEL_COAL) y->coal += x;
    if (fu->fossil || fu->family == DC_FUEL_BIOMASS) {
      *sec_co2 += x * fuel_ef(s, sec, f, i, a->power);
      y->prim_fuels += x;
      if (fu->family == DC_FUEL_BIOMASS) y->nf_fuels += x;
    } else if (fu->family == DC_FUEL_ELECTRICITY) {
      if (a->power) continue; /* counted in the power sector's fuel */
      const double *g = sec->grid ? sec->grid : s->grid;
      if (!g)
        return efail(a->err, DC_ENERGY_E_FACTOR, (int)k, -1, year,
                     "sector '%s' uses electricity but plan '%s' names no grid factor: give "
                     "grid = S (CO2 per kWh, e.g. factors.grid{ \"CN\", year = 2023 }) on the "
                     "plan or the sector, or model the plan's power plants as a sector with "
                     "power = true", sec->name, a->plan);
      *sec_co2 += x * g[i];
    } else if (fu->family == DC_FUEL_HEAT) {
      if (!s->heat_factor)
        return efail(a->err, DC_ENERGY_E_FACTOR, (int)k, -1, year,
                     "sector '%s' uses heat but plan '%s' names no heat factor: give "
                     "heat_factor = S (CO2 per unit of heat), or heat_factor = 0 when a "
                     "sector of the plan burns the fuel that makes the heat", sec->name, a->plan);
      *sec_co2 += x * s->heat_factor[i];
    }
  }
  return 0;
}

/* sector sec's other gases in year i: CO2 into *sec_co2, the CO2e of the
 * rest into *sec_other, the year's sums into y */
static void sector_gases(const acct *a, const dc_energy_sector *sec, size_t i, year_sums *y,
                         double *sec_co2, double *sec_other) {
  for (size_t j = 0; j < sec->ngas; j++) {
    const char *gname = sec->gas[j].gas;
    double x = sec->gas[j].v[i];
    if (strcmp(gname, "CO2") == 0) *sec_co2 += x;
    else if (strcmp(gname, "CH4") == 0) y->ch4 += x, *sec_other += x * a->gwp_ch4;
    else if (strcmp(gname, "N2O") == 0) y->n2o += x, *sec_other += x * a->gwp_n2o;
    else {
      double g;
      dc_energy_gwp(a->s->gwp, gname, &g, NULL); /* checked in check_spec */
      y->fgas += x * g;
      *sec_other += x * g;
    }
  }
}

/* sector k in year i: its use after the measures, its energy and emissions */
static int account_sector(const acct *a, size_t k, size_t i, year_sums *y) {
  const dc_energy_sector *sec = &a->s->sec[k];
  size_t n = a->n;
  double u[DC_ENERGY_MAXFUELS] = {0}, bau[DC_ENERGY_MAXFUELS] = {0};
  for (size_t j = 0; j < sec->nuse; j++) bau[sec->use[j].fuel] = u[sec->use[j].fuel] = sec->use[j].v[i];
  apply_measures(a, k, i, u, bau);
  double sec_e = 0, sec_co2 = 0, sec_other = 0;
  if (sector_fuels(a, k, i, u, y, &sec_e, &sec_co2)) return -1;
  sector_gases(a, sec, i, y, &sec_co2, &sec_other);
  y->energy += sec_e;
  y->co2 += sec_co2;
  dc_energy_out *out = a->out;
  if (out->sector_energy) out->sector_energy[k * n + i] = sec->power ? 0 : sec_e;
  if (out->sector_co2) out->sector_co2[k * n + i] = sec_co2;
  if (out->sector_co2e) out->sector_co2e[k * n + i] = sec_co2 + sec_other;
  return 0;
}

/* year i's primary energy (*prim), its non-fossil part (*nfp) and share,
 * when the plan asks for them; gf, gn: fossil and non-fossil generation,
 * imp: net imports, cc: the coal per unit of fossil generation */
static int year_primary(const acct *a, size_t i, const year_sums *y, double gf, double gn,
                        double imp, double cc, double *prim, double *nfp, double *share) {
  const dc_energy_spec *s = a->s;
  int year = s->y0 + (int)i;
  double k;
  if (s->primary == DC_PRIMARY_NONE)
    return efail(a->err, DC_ENERGY_E_PRIMARY, -1, -1, year,
                 "plan '%s' asks for primary_energy or nonfossil_share but names no "
                 "primary-energy method: give primary = \"calorific\" (0.1229 kgce/kWh) or "
                 "primary = \"coal\" (coal-consumption method) on the plan", a->plan);
  if (dc_energy_primary_coef(s->primary, year, &k, NULL, a->err)) return -1;
  *prim = y->prim_fuels + gf * cc + k * gn + k * imp;
  *nfp = y->nf_fuels + k * gn + (imp > 0 ? k * imp * at(s->imports_nonfossil, i, 0) : 0);
  if (*prim <= 0)
    return efail(a->err, DC_ENERGY_E_SPEC, -1, -1, year,
                 "plan '%s' has no primary energy in %d, so its non-fossil share is not "
                 "defined", a->plan, year);
  *share = *nfp / *prim;
  return 0;
}

/* year i after its sectors: the electricity supply, primary energy, and
 * the year's totals into out */
static int account_year_totals(const acct *a, size_t i, year_sums *y) {
  const dc_energy_spec *s = a->s;
  dc_energy_out *out = a->out;
  size_t n = a->n;
  int year = s->y0 + (int)i;
  /* electricity supply */
  double demand = y->fuel_fin[DC_FUEL_I_ELECTRICITY];
  double gf = at(s->gen_fossil, i, 0), gn = at(s->gen_nonfossil, i, 0);
  double imp = s->imports ? s->imports[i] : demand - gf - gn;
  if (a->power && imp > 0) {
    if (!s->grid)
      return efail(a->err, DC_ENERGY_E_FACTOR, -1, -1, year,
                   "plan '%s' imports electricity in %d (net imports %g GWh/yr) but names no "
                   "grid factor for it: give grid = S (the exporting grid's CO2 per kWh), or "
                   "imports = 0", a->plan, year, imp * 31536000.0 / 3.6e12);
    y->co2 += imp * s->grid[i];
  }
  double cc = 0;
  if (!a->power && gf != 0 && (s->want_primary || out->coal)) {
    /* fossil generation without a power sector: the coal its plants burn */
    if (dc_energy_primary_coef(DC_PRIMARY_COAL, year, &cc, NULL, a->err)) return -1;
    y->coal += gf * cc;
  }
  double prim = NAN, nfp = NAN, share = NAN;
  if (s->want_primary && year_primary(a, i, y, gf, gn, imp, cc, &prim, &nfp, &share)) return -1;
  double co2e = y->co2 + a->gwp_ch4 * y->ch4 + a->gwp_n2o * y->n2o + y->fgas;
  if (out->energy) out->energy[i] = y->energy;
  if (out->by_fuel)
    for (size_t f = 0; f < a->nfu; f++) out->by_fuel[f * n + i] = y->fuel_fin[f];
  if (out->electricity) out->electricity[i] = demand;
  if (out->coal) out->coal[i] = y->coal;
  if (out->imports) out->imports[i] = imp;
  if (out->primary) out->primary[i] = prim;
  if (out->nonfossil_primary) out->nonfossil_primary[i] = nfp;
  if (out->nonfossil_share) out->nonfossil_share[i] = share;
  if (out->co2) out->co2[i] = y->co2;
  if (out->ch4) out->ch4[i] = y->ch4;
  if (out->n2o) out->n2o[i] = y->n2o;
  if (out->fgas_co2e) out->fgas_co2e[i] = y->fgas;
  if (out->co2e) out->co2e[i] = co2e;
  return 0;
}

int dc_energy_account(const dc_energy_spec *s, dc_energy_out *out, dc_energy_error *err) {
  if (dc_energy_init(err)) return -1;
  int power, gases;
  if (check_spec(s, &power, &gases, err)) return -1;
  acct a = {.s = s, .out = out, .err = err, .plan = s->plan ? s->plan : "",
            .n = s->n, .nfu = reg.n, .power = power};
  if (gases) {
    /* a set without CH4/N2O never happens with the shipped data; the look-up
     * of each gas the plan uses was checked above */
    dc_energy_gwp(s->gwp, "CH4", &a.gwp_ch4, NULL);
    dc_energy_gwp(s->gwp, "N2O", &a.gwp_n2o, NULL);
  }
  out->warn_sector = out->warn_fuel = -1;
  out->warn_year = 0;
  out->warn_value = 0;
  for (size_t i = 0; i < a.n; i++) {
    year_sums y;
    memset(&y, 0, sizeof y);
    for (size_t k = 0; k < s->nsec; k++)
      if (account_sector(&a, k, i, &y)) return -1;
    if (account_year_totals(&a, i, &y)) return -1;
  }
  return 0;
}
