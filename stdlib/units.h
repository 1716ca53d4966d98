/* units.h — the plain-C units core: unit parsing, dimension algebra, display.
 * Knows nothing of Lua (the binding is units_lua.c). A quantity's number is
 * kept in SI base units (kg, m, s, yuan, kgCO2, kgCH4, kgN2O); a unit is a
 * scale (and offset) over a vector of small integer exponents. */
#ifndef DC_UNITS_H
#define DC_UNITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* Base dimensions. A greenhouse gas is a dimension of its own, so that tCO2
 * never adds to t of steel and CH4 becomes CO2e only through a named GWP set.
 * CO2e is the CO2 dimension; whether an amount is CO2 only or CO2e is kept
 * in its display (dc_display.co2e), so that CO2 and CO2e add (to CO2e) but a
 * CO2-only amount is never shown as CO2e. */
enum dc_dim {
  DC_DIM_LENGTH,   /* m */
  DC_DIM_MASS,     /* kg (of anything that is not a tracked gas) */
  DC_DIM_TIME,     /* s */
  DC_DIM_CURRENCY, /* yuan */
  DC_DIM_CO2,      /* kg CO2 (and CO2e) */
  DC_DIM_CH4,      /* kg CH4 */
  DC_DIM_N2O,      /* kg N2O */
  DC_DIM_TEMP,     /* K (kept for completeness; offsets live here) */
  DC_DIM_NREF,     /* "at reference conditions": Nm3 is m3 x NREF, so that a
                      normal cubic metre never converts to an actual one
                      without a stated temperature and pressure */
  DC_NDIM
};

typedef struct dc_dims {
  int8_t e[DC_NDIM];
} dc_dims;

typedef struct dc_unit {
  double scale;  /* SI value of one of this unit */
  double offset; /* SI = value*scale + offset; 0 for all but temperatures */
  dc_dims dims;
} dc_unit;

/* How a value is shown: the unit it was given in or converted to. An empty
 * label means "no chosen unit": show it in the preferred unit of its
 * dimension with an engineering prefix (160.5 GWh, not 5.778e14 J). */
#define DC_LABEL_MAX 40
typedef struct dc_display {
  double scale, offset;
  char label[DC_LABEL_MAX];
  /* for amounts with a CO2 dimension: 1 = CO2e (written as CO2e, a GWP
   * conversion, or a sum with CO2e), 0 = CO2 only. Shown in the preferred
   * unit's label ("kgCO2" / "kgCO2e"). */
  unsigned char co2e;
} dc_display;

/* A parse error, the cores' one error type (err.h): pos the byte offset
 * into the input, msg, and suggest (the nearest known unit name, or "" when
 * nothing is close). */
typedef dc_err dc_units_error;

/* ---- dimension algebra (inline: these sit on the arithmetic hot path) ---- */
static inline bool dc_dims_eq(dc_dims a, dc_dims b) {
  for (int i = 0; i < DC_NDIM; i++)
    if (a.e[i] != b.e[i]) return false;
  return true;
}
static inline bool dc_dims_none(dc_dims a) {
  for (int i = 0; i < DC_NDIM; i++)
    if (a.e[i]) return false;
  return true;
}
/* These return false (and leave *out unspecified) when an exponent would
 * leave the int8 range. */
bool dc_dims_mul(dc_dims a, dc_dims b, dc_dims *out);
bool dc_dims_div(dc_dims a, dc_dims b, dc_dims *out);
bool dc_dims_pow(dc_dims a, int n, dc_dims *out);

/* Readable dimension name: "energy", "power", "emissions rate (CO2)" ...,
 * or a product of base names ("mass·length^-3") when it has no name. */
const char *dc_dims_name(dc_dims d, char *buf, size_t size);

/* The dimension in SI base units: "kg·m^2·s^-2" ("" when dimensionless).
 * Added for `decarb units`. Returns the length, as snprintf. */
size_t dc_dims_si(dc_dims d, char *buf, size_t size);

/* ---- parsing ---- */
/* A unit expression: "MWh", "kgCO2/kWh", "万tce", "t CH4 / yr", "%". 0 on
 * success, -1 with *err filled. */
int dc_units_parse(const char *text, dc_unit *out, dc_units_error *err);

/* As dc_units_parse, and also the unit's canonical text and scale as a
 * display (disp may be NULL; the label is empty when longer than
 * DC_LABEL_MAX-1 bytes). Added for :to"unit" and q(107, "MW"). */
int dc_units_parse_display(const char *text, dc_unit *out, dc_display *disp,
                           dc_units_error *err);

/* A quantity: a number then an optional unit expression ("107 MW",
 * "1e4 tce", "10^4 m2", "24.69 %"). *value is the number as written (not
 * SI); the unit's canonical text goes to disp->label. 0 or -1 with *err. */
int dc_units_parse_quantity(const char *text, double *value, dc_unit *unit,
                            dc_display *disp, dc_units_error *err);

/* ---- display ---- */
/* Formats an SI value of dimension d: in disp's unit when disp is non-NULL
 * and has a label, else in the preferred unit of d with an engineering
 * prefix. The label "1" (the dimensionless unit) shows the number alone.
 * Uses dc_fmt_number. Returns the length, as snprintf. */
size_t dc_units_format(char *buf, size_t size, double si, dc_dims d,
                       const dc_display *disp);

/* The display unit for values of dimension d whose largest magnitude is
 * `largest` (SI; 0 or not finite: as for 1): the preferred unit of d with
 * the engineering prefix dc_units_format prints that value in, CO2e or CO2
 * only by co2e, as a label with its scale (offset 0). Dimensionless: an
 * empty label, scale 1; no preferred unit: the SI composition, scale 1
 * (its label cut to DC_LABEL_MAX-1 bytes). The one rule that reports,
 * tables, charts and series share. */
void dc_units_choose_display(dc_dims d, double largest, bool co2e, dc_display *out);

/* The label with "CO2" turned into "CO2e" (where it is not already), in
 * place; false (label unchanged) when it would not fit. */
bool dc_units_label_co2e(char *label, size_t size);

/* The factor that turns a value with exponent k of DC_DIM_NREF (Nm3: k = 1)
 * into one at actual conditions: ((T / 273.15 K) * (101.325 kPa / p))^k,
 * T in K, p in Pa. */
double dc_units_nref_factor(double t_k, double p_pa, int k);

/* ---- GWP ---- */
/* 100-year GWPs of a named set ("SAR", "AR4", "AR5", "AR6", "AR6-fossil",
 * "AR6-nonfossil"); 0 or -1 for an unknown set. */
int dc_units_gwp(const char *set, double *ch4, double *n2o);

/* ---- listing (for `decarb units` and REPL completion) ---- */
typedef struct dc_unit_info {
  const char *name;       /* "kWh" */
  const char *definition; /* "3.6e6 J" */
  const char *dimension;  /* "energy" */
  const char *source;     /* "SI", "GB/T 2589-2020", ... */
} dc_unit_info;
/* The i-th known unit (without prefixed variants), or NULL past the end. */
const dc_unit_info *dc_units_at(size_t i);
/* The SI prefixes the i-th unit takes, as "k M G" ("" for none). Added for
 * `decarb units` and docs. */
const char *dc_units_prefixes(size_t i);

#endif
