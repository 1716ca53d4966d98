/* factors.h — the plain-C core over decarb's reference data (stdlib/data/
 * *.csv, embedded in the binary): grid emission factors, IPCC fuel data,
 * GB/T 2589 coefficients, GWP sets, utilisation hours, hydrogen data.
 * Every record keeps its unit, year and source text. No Lua here. */
#ifndef DC_FACTORS_H
#define DC_FACTORS_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "units.h"

/* One value of a dataset. Strings live as long as the loaded data. */
typedef struct dc_factor {
  const char *dataset; /* "grid", "fuel", "sce", "gwp", "hours", "h2" */
  const char *name;    /* canonical name: "CN-Gansu", "gas/diesel oil", "AR6" */
  const char *variant; /* "" or "ncv", "co2", "CH4", "Jan-Nov", "calorific" ... */
  int year;            /* 0 when the value has no year */
  double value;        /* the number as written */
  const char *text;    /* the number's text as written ("0.5500") */
  const char *unit;    /* as written; "" for a plain number */
  double si;           /* the value in SI base units */
  dc_dims dims;
  const char *source;
  bool verify; /* the source text says "(verify)": one secondary transcription */
} dc_factor;

/* A region of the grid dataset (regions.csv). */
typedef struct dc_region {
  const char *id;          /* "CN-Gansu" */
  const char *kind;        /* "national", "grid", "province" */
  const char *iso;         /* ISO 3166-2 code ("CN-GS") or "" */
  const char *name_zh;     /* "甘肃" or "" */
  const char *grid;        /* the regional grid it belongs to, or "" */
  const char *description; /* "Gansu (Zhangye, Jiayuguan)" */
} dc_region;

/* Loads the embedded data once (later calls do nothing). 0, or -1 with a
 * message naming the CSV file:line:column when the data are broken. Every
 * function below loads on demand. */
int dc_factors_load(dc_err *err);
/* Frees the loaded data (for leak checkers; a later call loads again). */
void dc_factors_unload(void);

/* All records, in file order (datasets sorted by name). */
size_t dc_factors_count(void);
const dc_factor *dc_factors_at(size_t i);
/* Every region of the grid dataset. */
size_t dc_factors_region_count(void);
const dc_region *dc_factors_region_at(size_t i);

/* The canonical name for name in dataset: the name itself, an alias
 * (aliases.csv), for grid an ISO 3166-2 code or a Chinese name — compared
 * ignoring case, spaces and punctuation. NULL when unknown. */
const char *dc_factors_canonical(const char *dataset, const char *name);
/* The region record of a grid name (any spelling dc_factors_canonical
 * accepts), or NULL. */
const dc_region *dc_factors_region(const char *name);

/* Finds one record. variant NULL: the record must be the only variant (else
 * an error lists them). year 0: the record must be the only year (else an
 * error lists them); records without a year match every year. With
 * earlier set, a missing year falls back to the nearest earlier one. 0 with
 * *out set, or -1 with an error that lists what exists. */
int dc_factors_find(const char *dataset, const char *name, const char *variant, int year,
                    bool earlier, const dc_factor **out, dc_err *err);

/* ---- a script's own dataset (factors.load) ---- */
typedef struct dc_factor_set dc_factor_set;
/* Reads the CSV file at path, in the schema of stdlib/data/ (header
 * name,variant,year,value,unit,source; a non-empty source on every row;
 * every unit parsed). name is the file as the script wrote it: the records'
 * dataset and the FILE of errors "FILE:LINE:COL: ...". 0 with *out (free
 * with dc_factors_set_free), or -1 with err. */
int dc_factors_set_read(const char *path, const char *name, dc_factor_set **out, dc_err *err);
void dc_factors_set_free(dc_factor_set *s);
size_t dc_factors_set_count(const dc_factor_set *s);
const dc_factor *dc_factors_set_at(const dc_factor_set *s, size_t i);
const char *dc_factors_set_name(const dc_factor_set *s);
/* As dc_factors_find over the set's records (names compared as there; no
 * aliases). */
int dc_factors_set_find(const dc_factor_set *s, const char *name, const char *variant, int year,
                        bool earlier, const dc_factor **out, dc_err *err);

/* IPCC fuel data: NCV and CO2 factor records, and the CO2 per kg of fuel
 * (kgCO2/kg = tCO2/t) computed as NCV x EF. 0 or -1 with err. */
int dc_factors_fuel(const char *name, const dc_factor **ncv, const dc_factor **co2,
                    double *co2_per_kg, dc_err *err);

/* True when the record matches query: a case-insensitive substring of its
 * dataset, name, variant, year, unit, source or one of its aliases. An
 * empty or NULL query matches all. */
bool dc_factors_match(const dc_factor *f, const char *query);

#endif
