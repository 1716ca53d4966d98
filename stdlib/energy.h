/* energy.h — the plain-C energy-accounting core (issue 15): the fuel
 * registry, primary-energy methods, GWP look-ups and one accounting pass over
 * plain arrays (sectors' energy use by fuel, measures on energy, electricity
 * supply) giving per-year final energy, energy by fuel, electricity demand,
 * coal, primary energy, the non-fossil share and emissions by gas. No Lua
 * and no plan structures here: the plan engine fills a dc_energy_spec and
 * reads a dc_energy_out (docs/energy.md, "Integration plan").
 *
 * Units: every value is SI. Energy use is a rate (J/s: an energy per year
 * divided by the year's seconds, as the plan keeps emissions), emission
 * factors are kg gas per J, emissions kg gas per s, primary-energy
 * coefficients J of primary energy per J of electricity, shares fractions. */
#ifndef DC_ENERGY_H
#define DC_ENERGY_H

#include <stddef.h>

#include "err.h"
#include "units.h"

/* ---- errors as data ---- */
enum dc_energy_errcode {
  DC_ENERGY_OK = 0,
  DC_ENERGY_E_DATA,       /* the reference data are broken or missing */
  DC_ENERGY_E_FUEL,       /* unknown fuel name */
  DC_ENERGY_E_UNIT,       /* an amount of the wrong kind */
  DC_ENERGY_E_POWER,      /* a power (MW) where an energy per year belongs */
  DC_ENERGY_E_PRIMARY,    /* primary energy asked without a method */
  DC_ENERGY_E_GWP,        /* a non-CO2 gas without a GWP set, or unknown set/gas */
  DC_ENERGY_E_SWITCH,     /* a switch share outside 0..100 % or bad efficiency */
  DC_ENERGY_E_FACTOR,     /* electricity or heat used without its factor */
  DC_ENERGY_E_YEAR,       /* a year the coal-consumption data do not cover */
  DC_ENERGY_E_SPEC        /* the spec itself is malformed (a caller's bug) */
};

/* The cores' dc_err (err.h; err.code DC_ERR_INPUT), with what the energy
 * core adds. msg is
 * err.msg (an anonymous mirror of dc_err's members, so that e.msg reads). */
typedef struct dc_energy_error {
  union {
    dc_err err;
    struct {          /* the same members as dc_err, in its order */
      int err_code_;
      int line_, col_;
      size_t pos_;
      char msg[400];  /* one sentence, no location: says what would be right */
      char suggest_[40];
    };
  };
  enum dc_energy_errcode code;
  int sector;   /* index of the sector concerned, or -1 */
  int measure;  /* index of the measure concerned, or -1 */
  int year;     /* the year concerned, or 0 */
} dc_energy_error;

/* ---- the fuel registry ---- */
enum dc_fuel_family {
  DC_FUEL_COAL,        /* counts in the `coal` metric */
  DC_FUEL_OIL,
  DC_FUEL_GAS,
  DC_FUEL_ELECTRICITY, /* secondary: never primary energy itself */
  DC_FUEL_HEAT,        /* secondary */
  DC_FUEL_BIOMASS      /* non-fossil primary fuel, biogenic CO2 not counted */
};

typedef struct dc_energy_fuel {
  const char *name;    /* "coal", "natural_gas", "lignite", "gas/diesel oil" */
  enum dc_fuel_family family;
  int fossil;          /* 1: coal, oil, gas families */
  double co2;          /* default CO2 factor, kgCO2 per J (0 for electricity,
                          heat: those take the plan's grid / heat factor) */
  const char *source;  /* the factor's source text ("" for electricity, heat) */
} dc_energy_fuel;

/* Loads the registry from the factors data (once). 0 or -1 with err. */
int dc_energy_init(dc_energy_error *err);
size_t dc_energy_nfuels(void);
const dc_energy_fuel *dc_energy_fuel_at(size_t i); /* NULL past the end */
/* The registry index of a fuel name: the generic names, every fuel of the
 * factors' fuel dataset and its aliases ("diesel"), compared ignoring case,
 * spaces, '_' and punctuation ("natural gas" = "natural_gas"); the generic
 * fuels also by their Chinese names (煤炭, 石油, 天然气, 电力, 热力, 生物质). -1 with an
 * error that lists the known names. */
int dc_energy_fuel_find(const char *name, dc_energy_error *err);
/* Fixed indices of the generic fuels. */
enum { DC_FUEL_I_COAL = 0, DC_FUEL_I_OIL, DC_FUEL_I_NATURAL_GAS, DC_FUEL_I_ELECTRICITY,
       DC_FUEL_I_HEAT, DC_FUEL_I_BIOMASS };
#define DC_ENERGY_MAXFUELS 32

/* ---- checks the plan's constructors make where a value enters ---- */
/* An energy use: dims must be energy per time and, when label (the unit as
 * written) is non-empty, written as energy over a time ("万tce/yr",
 * "GWh/yr"), not as a power ("MW"). what names the value in messages
 * ("energy.coal of sector 'industry'"). 0 or -1. */
int dc_energy_check_amount(const char *what, const char *label, dc_dims dims,
                           dc_energy_error *err);
/* An emission factor per energy (kgCO2/TJ, kgCO2/kWh): CO2 per energy. */
int dc_energy_check_factor(const char *what, dc_dims dims, dc_energy_error *err);
/* A gas amount per year: "CH4" needs CH4 per time, "N2O" N2O per time, "CO2"
 * CO2 per time, any other gas name (an F-gas: "SF6", "HFC-134a") mass per
 * time. 0 or -1. */
int dc_energy_check_gas(const char *what, const char *gas, dc_dims dims, dc_energy_error *err);

/* ---- primary energy ---- */
enum dc_primary_method {
  DC_PRIMARY_NONE = 0,
  DC_PRIMARY_CALORIFIC, /* electricity at its energy content: 0.1229 kgce/kWh */
  DC_PRIMARY_COAL       /* coal-consumption method: the year's coal per kWh */
};
/* "calorific", "coal" -> the method; -1 with err for another name. */
int dc_energy_primary_method(const char *name, enum dc_primary_method *out, dc_energy_error *err);
/* J of primary energy per J of electricity in year under method (the coal
 * method takes the year's coefficient, or the nearest earlier year's after
 * the last published year). 0 or -1 (no data for the year). *src (may be
 * NULL) gets the value's source text. */
int dc_energy_primary_coef(enum dc_primary_method m, int year, double *out, const char **src,
                           dc_energy_error *err);

/* ---- GWP ---- */
/* The 100-year GWP of gas ("CH4", "N2O", "SF6", "HFC-134a", ...; "CO2" is
 * 1) in set ("AR4", "AR5", "AR6", ...). 0 or -1 with err naming what exists. */
int dc_energy_gwp(const char *set, const char *gas, double *out, dc_energy_error *err);

/* ---- non-fossil technologies ---- */
/* 1 when a capacity named tech is non-fossil by default (solar, PV, wind,
 * hydro, nuclear, biomass, geothermal, ... and "new energy"), 0 when fossil
 * (coal, gas, oil, diesel, thermal), -1 when the name says neither: the plan
 * then needs `fossil =` on the capacity. Case and punctuation are ignored;
 * a name matches when one of its words is a known word. */
int dc_energy_tech_nonfossil(const char *tech);

/* ---- the accounting ---- */
typedef struct dc_energy_use {
  int fuel;         /* registry index */
  const double *v;  /* n years, J/s */
} dc_energy_use;

typedef struct dc_energy_gas {
  const char *gas;  /* "CH4", "N2O", "CO2" or an F-gas name */
  const double *v;  /* n years, kg of that gas per s */
} dc_energy_gas;

typedef struct dc_energy_sector {
  const char *name;
  int power;                 /* 1: a power sector: the fuels it burns make the
                                plan's local fossil electricity */
  const dc_energy_use *use;  /* BAU energy use by fuel (each fuel once) */
  size_t nuse;
  const dc_energy_gas *gas;  /* other emissions (process CO2, CH4, N2O, F-gases) */
  size_t ngas;
  const double *grid;        /* this sector's grid factor (kgCO2/J) or NULL */
} dc_energy_sector;

enum dc_energy_measure_kind { DC_EM_SAVES, DC_EM_SWITCH };

typedef struct dc_energy_measure {
  const char *name;
  enum dc_energy_measure_kind kind;
  int sector;              /* index into the spec's sectors */
  const double *weight;    /* the ramp per year (0..1), NULL: 1 every year */
  /* SAVES */
  int fuel;
  const double *amount;    /* J/s per year saved at full ramp */
  /* SWITCH: weight x share of the sector's BAU use of `from` moves to `to`;
   * efficiency R: R J of `from` are replaced by 1 J of `to` */
  int from, to;
  double share, efficiency;
} dc_energy_measure;

typedef struct dc_energy_factor {
  int fuel;          /* a fossil fuel or biomass of the registry */
  const double *v;   /* kgCO2/J per year: replaces the registry's default */
} dc_energy_factor;

typedef struct dc_energy_spec {
  const char *plan;          /* for messages */
  int y0;                    /* first year */
  size_t n;                  /* years */
  const dc_energy_sector *sec;
  size_t nsec;
  const dc_energy_measure *mea;
  size_t nmea;
  const dc_energy_factor *fac; /* the plan's own fuel factors */
  size_t nfac;
  const double *grid;        /* kgCO2/J per year, or NULL */
  const double *heat_factor; /* kgCO2/J per year, or NULL */
  const double *gen_fossil;  /* local fossil generation, J/s per year, or NULL (0) */
  const double *gen_nonfossil; /* local non-fossil generation, J/s, or NULL (0) */
  const double *imports;     /* net electricity imports, J/s, or NULL: demand -
                                local generation */
  const double *imports_nonfossil; /* fraction of net imports that is
                                non-fossil, per year, or NULL (0) */
  enum dc_primary_method primary;
  int want_primary;          /* 1: primary_energy / nonfossil_share are asked */
  const char *gwp;           /* GWP set name or NULL */
} dc_energy_spec;

/* Per-year outputs, each n doubles, any may be NULL (not computed).
 * by_fuel: dc_energy_nfuels() x n (fuel-major: by_fuel[f * n + i]);
 * sector_energy / sector_co2 / sector_co2e: nsec x n. */
typedef struct dc_energy_out {
  double *energy;            /* final energy: every non-power sector's use */
  double *by_fuel;           /* final energy by fuel */
  double *electricity;       /* demand: the non-power sectors' electricity */
  double *coal;              /* coal-family use of every sector, power ones too,
                                + local fossil generation x coal coefficient
                                when no sector is a power sector */
  double *imports;           /* net imports used (given or demand - generation) */
  double *primary;           /* primary energy */
  double *nonfossil_primary; /* its non-fossil part */
  double *nonfossil_share;   /* nonfossil_primary / primary, a fraction */
  double *co2, *ch4, *n2o;   /* per gas, before GWP */
  double *fgas_co2e;         /* F-gases through the GWP set */
  double *co2e;              /* co2 + every other gas x its GWP */
  double *sector_energy, *sector_co2, *sector_co2e;
  /* nmea x n: each measure's CO2 abatement in its sector (positive: less),
   * the wedge the plan reports: SAVES w x amount x the fuel's factor; SWITCH
   * moved x (factor of from - factor of to / efficiency), the factor of
   * electricity being the grid's (0 when a power sector makes the plan's
   * electricity) and of heat the heat factor. Sectors' CO2 after measures =
   * their BAU CO2 - the sum of their measures' wedges. */
  double *measure_co2;
  /* set by dc_energy_account: the first year where some fuel's use of a
   * sector went below zero (measures save or switch more than it uses), or
   * warn_year 0 when none */
  int warn_sector, warn_fuel, warn_year;
  double warn_value;         /* the most negative such use, J/s */
} dc_energy_out;
/* (measure_co2 sits before the warnings so that a designated initialiser
 * or memset-then-assign is the way to fill an out; see the tests) */

/* One accounting pass. 0, or -1 with err (nothing in out is valid then). */
int dc_energy_account(const dc_energy_spec *s, dc_energy_out *out, dc_energy_error *err);

#endif
