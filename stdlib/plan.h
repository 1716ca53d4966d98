/* plan.h — the plain-C plan engine: sectors, capacity stocks, metrics,
 * measures, targets and scenarios over years y0..y1, evaluated year by year.
 * Knows nothing of Lua (the binding is plan_lua.c); every value is an SI
 * double with a dc_dims vector. A plan is built once, then can be
 * re-evaluated many times (dc_plan_set_param + dc_plan_evaluate). */
#ifndef DC_PLAN_H
#define DC_PLAN_H

#include <stddef.h>

#include <stdint.h>

#include "dist.h"
#include "energy.h"
#include "err.h"
#include "units.h"

typedef struct dc_plan dc_plan;

/* Scenarios 0 and 1 always exist; named ones follow in definition order. */
enum { DC_SCEN_BAU = 0, DC_SCEN_PLAN = 1 };

/* Built-in metrics, always at these indices. Sectors, technologies
 * (capacity "PV" and generation "generation:PV") and user metrics follow in
 * definition order. */
enum {
  DC_MET_EMISSIONS = 0, /* sum of sectors after measures */
  DC_MET_BAU,           /* "bau_emissions": sum of sectors' BAU */
  DC_MET_ABATEMENT,     /* "abatement": BAU minus emissions */
  DC_MET_CAPACITY,      /* "capacity": total of every technology */
  DC_MET_GENERATION,    /* "generation": total of hours x capacity */
  DC_MET_NBUILTIN
};
/* With energy accounting (dc_plan_set_energy / dc_plan_sector_energy) the
 * plan also has the metrics "energy", "electricity", "coal",
 * "primary_energy" and "nonfossil_share" (only with a primary method),
 * "co2", "ch4", "n2o", and "energy:FUEL" for each fuel a sector names: find
 * them with dc_plan_find_metric (docs/energy.md, "Metric names"). */

/* ---- measures ---- */
enum dc_measure_kind {
  DC_MEASURE_ABATES, /* amount = abatement per year (emissions dims) */
  DC_MEASURE_SAVES,  /* amount = energy saved, factor = emissions per energy */
  DC_MEASURE_ADDS,   /* capacity additions; factor (optional) = displaced
                        emissions per unit of generation */
  DC_MEASURE_FN,     /* a callback gives the abatement of a year (slow) */
  /* energy measures (issue 15, docs/energy.md): in a sector given by
     dc_plan_sector_energy; their wedge is the CO2 they avoid through the
     fuels' factors, the grid and the heat factor */
  DC_MEASURE_ENERGY_SAVES, /* amount = energy saved per year (J/s, an energy
                              per time) of fuel `fuel`, x the ramp */
  DC_MEASURE_SWITCH        /* share x ramp of the sector's BAU use of fuel
                              `from` moves to `to`; efficiency R: R J of
                              `from` are replaced by 1 J of `to` */
};

#define DC_PLAN_NOYEAR (-2147483647 - 1)

typedef struct dc_plan_add {
  const char *tech;    /* technology name (must exist) */
  const double *amount; /* capacity added per year, y0..y1, SI */
  dc_dims dims;
  const double *hours; /* full-load hours per year, or NULL: the tech's */
  dc_dims hours_dims;
} dc_plan_add;

typedef struct dc_plan_measure_spec {
  const char *name;
  const char *source;  /* may be NULL */
  enum dc_measure_kind kind;
  const char *sector;  /* NULL: abates the plan's total */
  int start, full, stop; /* DC_PLAN_NOYEAR when not given */
  const double *amount; /* ABATES, SAVES: per year y0..y1 */
  dc_dims amount_dims;
  const double *factor; /* SAVES: factor; ADDS: displaces (or NULL) */
  dc_dims factor_dims;
  const dc_plan_add *adds; /* ADDS */
  size_t nadds;
  int fnref;           /* FN: handed back to the callback */
  int scenario;        /* -1: a measure of the plan; else the scenario that
                          adds it (only that scenario runs it) */
  /* ENERGY_SAVES: the fuel saved (a name dc_energy_fuel_find knows:
     "coal", "natural gas", "electricity", "lignite", ...); amount and
     amount_dims as for SAVES (an energy per time), amount_label the unit
     as written ("万tce/yr"; NULL or "": not checked for "MW") */
  const char *fuel;
  const char *amount_label;
  /* SWITCH: fuel names; share a fraction 0 < share <= 1 (of the sector's
     BAU use of `from`); efficiency > 0 (0 here means 1) */
  const char *from, *to;
  double share, efficiency;
} dc_plan_measure_spec;

/* ---- targets ---- */
enum dc_target_kind {
  DC_TARGET_AT_MOST,   /* value <= bound */
  DC_TARGET_AT_LEAST,  /* value >= bound */
  DC_TARGET_REDUCE,    /* value <= (1 - r) * value(from) */
  DC_TARGET_VS,        /* value <= (1 - r) * value in scenario `vs` */
  DC_TARGET_PEAK,      /* no later year above max(y0..by) * (1 + tol) */
  DC_TARGET_NET_ZERO,  /* value <= tolerance from `by` on */
  DC_TARGET_BUDGET     /* cumulative over [from, by] <= budget */
};

enum dc_share_of { DC_SHARE_NONE, DC_SHARE_CAPACITY, DC_SHARE_GENERATION, DC_SHARE_METRIC };

typedef struct dc_plan_target_spec {
  const char *name;
  const char *source;     /* may be NULL */
  enum dc_target_kind kind;
  const char *metric;     /* NULL: "emissions" (share: the total) */
  const char *per;        /* intensity denominator metric, or NULL */
  enum dc_share_of share_of;
  const char *const *parts; /* share numerator names */
  size_t nparts;
  double bound;           /* AT_MOST/AT_LEAST level, BUDGET amount (SI) */
  dc_dims bound_dims;
  dc_display bound_disp;
  double reduce;          /* REDUCE / VS: fraction, 0.2 = 20 % */
  double tol;             /* PEAK: fraction; NET_ZERO: see tol_is_abs */
  int tol_is_abs;         /* NET_ZERO: tol is an SI value of the metric's dims */
  dc_dims tol_dims;
  int by;                 /* deciding year (PEAK: peak no later than;
                             NET_ZERO: the year; BUDGET: period end) */
  int from;               /* REDUCE: base year; BUDGET: period start */
  int every_year_after;   /* AT_MOST/AT_LEAST/REDUCE/VS: also later years */
  const char *vs;         /* VS: scenario name ("BAU") */
  const char *file;       /* where the script defined it (NULL: unknown) */
  int line;               /* its line there (0: unknown) */
} dc_plan_target_spec;

/* Status of a target in one year. */
enum dc_status {
  DC_ST_NONE = 0, /* outside the years the target speaks about */
  DC_ST_NOT_DUE,  /* before the deciding year(s): shown, not judged */
  DC_ST_MET,
  DC_ST_MISSED
};

/* A target's verdict after dc_plan_evaluate (valid until the next call). */
typedef struct dc_target_result {
  const double *value, *bound;          /* per year y0..y1 (NaN: none) */
  const double *margin, *margin_rel;    /* margin > 0: slack; < 0: shortfall */
  const unsigned char *status;          /* enum dc_status per year */
  int met;                              /* every due year met */
  int first_met, first_failed, deciding; /* years, DC_PLAN_NOYEAR if none */
  int ndue, nmissed;
} dc_target_result;

/* A read-only view of a metric / target / measure description. */
typedef struct dc_plan_metric_info {
  const char *name, *source;
  dc_dims dims;
  const dc_display *disp;
} dc_plan_metric_info;

typedef struct dc_plan_target_info {
  const char *name, *source;
  enum dc_target_kind kind;
  const char *kind_name;  /* "at_most", "share", "intensity", ... */
  int metric;             /* metric index judged (share: the total) */
  int by, from, every_year_after;
  dc_dims value_dims;     /* dims of the target's value column */
  const dc_display *value_disp;
  const char *vs;
  const char *file;       /* where p:target was called, or NULL */
  int line;
} dc_plan_target_info;

typedef struct dc_plan_measure_info {
  const char *name, *source, *sector; /* sector NULL: the plan's total */
  enum dc_measure_kind kind;
  int start, full, stop, scenario;
  double scale;
} dc_plan_measure_info;

/* Callback for FN measures and function metrics: writes the SI value of
 * year `year` to *out (dims must be *dims: set them on the first call for a
 * metric). ctx is what dc_plan_evaluate was given. Non-zero = error (the
 * callback may also never return, e.g. by raising a Lua error: evaluation
 * holds no allocation across a callback). */
typedef int (*dc_plan_fn)(void *ctx, const dc_plan *p, int scenario, int ref,
                          int year, double *out, dc_dims *dims);

/* ---- building ---- */
/* An allocator with lua_Alloc's contract (nsize 0 frees; osize is the old
 * size of ptr, 0 when ptr is NULL): the Lua binding hands the core the Lua
 * state's allocator, so that --max-mem counts a plan's memory too. */
typedef void *(*dc_plan_allocf)(void *ud, void *ptr, size_t osize, size_t nsize);

/* A new plan over years y0..y1 (y0 <= y1, at most 1000 years). NULL on bad
 * years or no memory. dc_plan_new uses malloc; dc_plan_new_alloc takes
 * every block of the plan (descriptions, result buffers) from f. */
dc_plan *dc_plan_new(const char *name, int y0, int y1);
dc_plan *dc_plan_new_alloc(const char *name, int y0, int y1, dc_plan_allocf f, void *ud);
/* 1 if the last failure was an allocation the allocator refused. */
int dc_plan_out_of_memory(const dc_plan *p);

/* Re-entrancy. While a plan is being evaluated (its callbacks run) or held
 * by a reader, every function that changes it (building, set_param,
 * set_info, metric_set_unit) and dc_plan_evaluate fail with "cannot change
 * plan 'NAME' while it is being evaluated". hold/release nest; a caller
 * whose callback can leave dc_plan_evaluate by a long jump restores the
 * depth it saw before (dc_plan_busy) with dc_plan_set_busy. */
void dc_plan_hold(dc_plan *p);
void dc_plan_release(dc_plan *p);
int dc_plan_busy(const dc_plan *p);
void dc_plan_set_busy(dc_plan *p, int depth);
void dc_plan_free(dc_plan *p);
/* The last error of any function below, as a sentence without location
 * (dc_plan_err: the same as the cores' dc_err, err.h — code DC_ERR_INPUT,
 * or DC_ERR_MEM when an allocation failed; line 0: not a file's). */
const char *dc_plan_error(const dc_plan *p);
const dc_err *dc_plan_err(const dc_plan *p);

int dc_plan_set_info(dc_plan *p, const char *region, const char *source);
/* Seconds in a year (default 365 d): used to turn emission rates into
 * amounts for budgets. */
void dc_plan_set_year_seconds(dc_plan *p, double s);

/* Each returns the new index (metric index for metrics) or -1. Series are
 * y0..y1 SI values, copied. dc_plan_sector: with the plan's gwp set
 * (dc_plan_set_energy), a sector in CH4 or N2O per time is a sector of that
 * gas, counted as CO2e through the set (without gwp, such a sector among CO2
 * sectors is an error that says to name one). */
int dc_plan_sector(dc_plan *p, const char *name, const double *bau, dc_dims dims,
                   const dc_display *disp, const char *source);
/* Sector si's emissions are activity x factor (both y0..y1, SI): kept, so
 * that either can be set (dc_plan_set_field) and the emissions follow. */
int dc_plan_sector_parts(dc_plan *p, int si, const double *act, dc_dims adims, const double *fac,
                         dc_dims fdims);
int dc_plan_capacity(dc_plan *p, const char *tech, const double *cap, dc_dims dims,
                     const dc_display *disp, const double *hours, dc_dims hdims,
                     const char *source);
int dc_plan_metric(dc_plan *p, const char *name, const double *v, dc_dims dims,
                   const dc_display *disp, const char *source);
/* A metric computed by the callback, year by year, after every earlier one;
 * give its unit with dc_plan_metric_set_unit (else the first value sets it). */
int dc_plan_metric_fn(dc_plan *p, const char *name, int ref, const char *source);
int dc_plan_metric_set_unit(dc_plan *p, int metric, dc_dims dims, const dc_display *disp);
/* A metric that is the year-on-year change of metric `of` (defined before
 * it, with known units): of(y) - of(y - 1), and 0 in the plan's first year,
 * which has no year before it. Same units and display as `of`. */
int dc_plan_metric_diff(dc_plan *p, const char *name, const char *of, const char *source);
int dc_plan_measure(dc_plan *p, const dc_plan_measure_spec *spec);

/* ---- energy accounting (issue 15; semantics: docs/energy.md) ----
 * A plan with none of these calls is evaluated exactly as before. Every
 * series is y0..y1 SI (copied); every name of a fuel is looked up with
 * dc_energy_fuel_find; every failure is -1 with dc_plan_error set to a
 * sentence without location (the binding adds the script's file:line). */

/* The plan-wide energy options (plan{ primary =, gwp =, grid =, ... }).
 * Call it before the first sector (the binding does, in plan{}); a second
 * call replaces every option. A NULL series is "not given". */
typedef struct dc_plan_energy_opts {
  const double *grid;             /* CO2 per J of electricity (kgCO2/J) */
  dc_dims grid_dims;              /* checked: CO2 per energy */
  const double *heat_factor;      /* CO2 per J of purchased heat */
  dc_dims heat_factor_dims;
  const double *imports;          /* net electricity imports, J/s (NULL:
                                     demand - local generation) */
  dc_dims imports_dims;           /* checked: energy per time */
  const char *imports_label;      /* unit as written, for the "MW" check, or NULL */
  const double *imports_nonfossil; /* fraction of imports that is non-fossil
                                     (NULL: 0), dimensionless */
  enum dc_primary_method primary; /* DC_PRIMARY_NONE: no method named (then
                                     primary_energy and nonfossil_share are
                                     not metrics; a target on them fails) */
  const char *gwp;                /* "AR6", "AR5", ... or NULL; checked with
                                     dc_energy_gwp. With a set, `emissions`
                                     is CO2e of every gas */
  const char *const *factor_fuels; /* the plan's own CO2 factor of a fuel: */
  const double *const *factors;   /* nfactors names and series (kgCO2/J) */
  const dc_dims *factor_dims;     /* each checked: CO2 per energy */
  size_t nfactors;
  const dc_display *energy_disp;  /* how the energy metrics show ("万tce/yr"),
                                     or NULL: the first sector's first fuel's */
} dc_plan_energy_opts;
int dc_plan_set_energy(dc_plan *p, const dc_plan_energy_opts *o);

/* One fuel of an energy sector: an energy per year. */
typedef struct dc_plan_fuel_use {
  const char *fuel;        /* fuel name (unknown: an error listing the known) */
  const double *v;         /* J/s per year; with the sector's activity: the
                              intensity, energy per unit of activity */
  dc_dims dims;            /* energy per time (or per unit of activity) */
  const char *label;       /* unit as written ("万tce/yr"), for the check
                              that it is not a power ("MW"); may be NULL */
  const dc_display *disp;  /* how it shows; may be NULL */
} dc_plan_fuel_use;

/* Another gas of a sector (process CO2, CH4, N2O, an F-gas). */
typedef struct dc_plan_gas {
  const char *gas;         /* "CO2", "CH4", "N2O", "SF6", "HFC-134a", ... */
  const double *v;         /* kg of that gas per s, per year */
  dc_dims dims;            /* CH4 / N2O / CO2 per time; an F-gas: mass per time */
} dc_plan_gas;

typedef struct dc_plan_energy_sector {
  const char *name;
  const char *source;      /* may be NULL */
  const dc_plan_fuel_use *uses; /* BAU use by fuel, each fuel once */
  size_t nuse;
  const double *activity;  /* NULL, or the activity (uses are intensities:
                              use = activity x intensity; kept, so that
                              DC_FIELD_ACTIVITY can vary it) */
  dc_dims activity_dims;
  const dc_plan_gas *gases;
  size_t ngas;
  const double *grid;      /* this sector's grid factor (kgCO2/J) or NULL */
  dc_dims grid_dims;
  int power;               /* 1: a power sector (only fuels its plants burn) */
  const dc_display *emis_disp; /* how its emissions show, or NULL: the plan's
                              (tCO2/yr, or tCO2e/yr with a GWP set, when it
                              is the first sector) */
} dc_plan_energy_sector;
/* A sector whose BAU emissions are computed from its energy use (and its
 * other gases). Its metric (the sector's emissions after measures) is in
 * the plan's emission units, which must be CO2 (or CO2e) per time. Returns
 * the sector index or -1. A sector with only gases and no use is a sector
 * of other gases (a CH4 sector needs the plan's gwp). */
int dc_plan_sector_energy(dc_plan *p, const dc_plan_energy_sector *spec);

/* Whether technology `tech` (of dc_plan_capacity) is fossil: v = 1 fossil,
 * 0 non-fossil. Without a call the name decides (dc_energy_tech_nonfossil);
 * a name that says neither is an error when the plan has a primary method.
 * 0 or -1. */
int dc_plan_capacity_fossil(dc_plan *p, const char *tech, int v);
int dc_plan_target(dc_plan *p, const dc_plan_target_spec *spec);
int dc_plan_scenario(dc_plan *p, const char *name);
/* Scenario s runs without measure m. */
int dc_plan_scenario_drop(dc_plan *p, int s, int m);

/* ---- re-evaluation ---- */
enum dc_param {
  DC_PARAM_START, DC_PARAM_FULL, DC_PARAM_STOP, /* years */
  DC_PARAM_SCALE,  /* multiplies the measure's amount (default 1) */
  DC_PARAM_ABATES  /* ABATES only: a constant SI abatement every year */
};
int dc_plan_set_param(dc_plan *p, int measure, enum dc_param what, double v);

/* ---- fields: every value a sample or a seek may vary ---- */
enum dc_obj { DC_OBJ_MEASURE, DC_OBJ_SECTOR, DC_OBJ_TECH };
enum dc_field {
  /* measures: the years and scale of dc_param (same numbers) */
  DC_FIELD_START = DC_PARAM_START, DC_FIELD_FULL = DC_PARAM_FULL, DC_FIELD_STOP = DC_PARAM_STOP,
  DC_FIELD_SCALE = DC_PARAM_SCALE,
  DC_FIELD_AMOUNT,    /* measure: abates = / saves = per year */
  DC_FIELD_FACTOR,    /* measure: factor = (saves) or displaces = (adds); sector: factor = */
  DC_FIELD_ADDS,      /* measure: the capacity it adds to technology #sub of its adds */
  DC_FIELD_HOURS,     /* measure: hours of adds #sub; technology: its hours */
  DC_FIELD_EMISSIONS, /* sector: BAU emissions */
  DC_FIELD_ACTIVITY,  /* sector: activity = (emissions = activity x factor) */
  DC_FIELD_CAPACITY,  /* technology: its capacity */
  DC_FIELD_SHARE,     /* measure: a switch's share (a constant fraction, x) */
  DC_FIELD_ENERGY     /* energy sector: the use of its fuel #sub (in the
                         order dc_plan_sector_energy was given them) */
};
/* Which value: a field of measure, sector or technology `index`; sub is
 * the position in a measure's adds (sorted by technology name), else 0. */
typedef struct dc_plan_slot {
  enum dc_obj obj;
  int index;
  enum dc_field field;
  int sub;
} dc_plan_slot;

/* The units of a slot's values (years and scale: none); 1 if the field is a
 * year (START, FULL, STOP), 0 otherwise, -1 (error set) when the object has
 * no such field (e.g. factor = of a sector given as emissions =). */
int dc_plan_field_dims(dc_plan *p, const dc_plan_slot *slot, dc_dims *dims);
/* Sets a slot: the series v (y0..y1, SI) or, when v is NULL, the constant x
 * in every year (a year for START/FULL/STOP, a factor for SCALE). A
 * sector's emissions follow its activity and factor. 0 or -1. */
int dc_plan_set_field(dc_plan *p, const dc_plan_slot *slot, const double *v, double x);
/* The value of a slot now: a year, the scale, or the series' value in year
 * y (y ignored for years and scale). NaN when there is none. */
double dc_plan_get_field(const dc_plan *p, const dc_plan_slot *slot, int y);
/* A slot's description for messages: "measure 'Jiaxi PV' abates", "sector
 * 'industry' emissions". */
size_t dc_plan_slot_label(const dc_plan *p, const dc_plan_slot *slot, char *buf, size_t size);

/* Sector or technology named `name`: its index, *obj set; -1 if none. */
int dc_plan_find_object(const dc_plan *p, const char *name, enum dc_obj *obj);
/* The position of fuel `fuel` among energy sector si's uses (the sub of
 * its DC_FIELD_ENERGY slot), or -1 with the error set (an unknown fuel, one
 * the sector does not use, a sector not given by energy; the message lists
 * its fuels). */
int dc_plan_sector_fuel_index(dc_plan *p, int si, const char *fuel);
/* The position of technology `tech` in measure m's adds (the slot's sub),
 * or -1; tech NULL: 0 when the measure adds exactly one technology. */
int dc_plan_measure_add_index(const dc_plan *p, int m, const char *tech);

/* ---- uncertain inputs: the plan's list of what a Monte Carlo draws ---- */
typedef struct dc_plan_input {
  dc_plan_slot slot;
  dc_dist dist;      /* SI values; years rounded to whole years when drawn */
  int has_group;     /* drawn with every input of the same group */
  uint64_t stream;   /* the group's stream (dc_random_stream_of) */
  const char *group; /* the group's name, or NULL */
} dc_plan_input;
/* Adds an uncertain input (copied; group copied too), replacing one on the
 * same slot; the slot is set to the distribution's CENTRAL value. Returns
 * its index or -1. */
int dc_plan_add_input(dc_plan *p, const dc_plan_input *in);
/* Forgets the input on this slot, if any (p:set with a plain value). */
void dc_plan_remove_input(dc_plan *p, const dc_plan_slot *slot);
size_t dc_plan_ninputs(const dc_plan *p);
int dc_plan_input_at(const dc_plan *p, size_t i, dc_plan_input *out);

/* Evaluates scenario s (metrics, wedges, warnings, target verdicts), and any
 * scenario its targets compare with. fn/ctx serve FN measures and function
 * metrics (may be NULL when the plan has none). 0 or -1. */
int dc_plan_evaluate(dc_plan *p, int s, dc_plan_fn fn, void *ctx);

/* ---- reading ---- */
const char *dc_plan_name(const dc_plan *p);
const char *dc_plan_region(const dc_plan *p);  /* "" when none */
const char *dc_plan_source(const dc_plan *p);  /* "" when none */
int dc_plan_y0(const dc_plan *p);
int dc_plan_y1(const dc_plan *p);

size_t dc_plan_nsectors(const dc_plan *p);
size_t dc_plan_ntechs(const dc_plan *p);
size_t dc_plan_nmetrics(const dc_plan *p);
int dc_plan_find_metric(const dc_plan *p, const char *name); /* -1 if none */
int dc_plan_metric_at(const dc_plan *p, int i, dc_plan_metric_info *out);
/* Values of metric i in scenario s after evaluating s; NULL if not. */
const double *dc_plan_values(const dc_plan *p, int s, int i);

size_t dc_plan_nscenarios(const dc_plan *p);
const char *dc_plan_scenario_name(const dc_plan *p, int s);
int dc_plan_find_scenario(const dc_plan *p, const char *name);
int dc_plan_evaluated(const dc_plan *p, int s);

size_t dc_plan_nmeasures(const dc_plan *p);
int dc_plan_find_measure(const dc_plan *p, const char *name, int scenario);
int dc_plan_measure_at(const dc_plan *p, int m, dc_plan_measure_info *out);
/* 1 if measure m runs in scenario s. */
int dc_plan_measure_active(const dc_plan *p, int s, int m);
/* The measures that run in scenario s, in the order reports show them (the
 * same in every scenario): the plan's own in definition order, a measure the
 * scenario changes in the place of the one it replaces, then the measures the
 * scenario adds. Writes at most dc_plan_nmeasures(p) indices to out;
 * returns how many. */
size_t dc_plan_measure_order(const dc_plan *p, int s, int *out);
/* Abatement of measure m per year in scenario s (zeros when inactive):
 * its wedge; divide by the BAU-plan gap for its share. */
const double *dc_plan_wedge(const dc_plan *p, int s, int m);

size_t dc_plan_ntargets(const dc_plan *p);
int dc_plan_find_target(const dc_plan *p, const char *name); /* -1 if none */
int dc_plan_target_at(const dc_plan *p, int t, dc_plan_target_info *out);
/* Verdict of target t in scenario s after dc_plan_evaluate(p, s). */
int dc_plan_result(const dc_plan *p, int s, int t, dc_target_result *out);

/* Over-abatement warnings of scenario s: sector whose measures abate more
 * than its BAU in years ylo..yhi (one per sector and run of years). */
typedef struct dc_plan_warning {
  const char *sector;
  int ylo, yhi;
  double worst; /* largest excess, SI (an energy warning: the most
                   negative use, J/s, as a positive number) */
  const char *fuel; /* NULL: over-abatement; else an energy sector's
                       measures save or switch more of this fuel than it
                       uses (ylo = yhi: the first such year) */
} dc_plan_warning;
size_t dc_plan_nwarnings(const dc_plan *p, int s);
int dc_plan_warning_at(const dc_plan *p, int s, size_t i, dc_plan_warning *out);
/* The warning as one sentence (no location, no newline). */
size_t dc_plan_warning_text(const dc_plan *p, int s, size_t i, char *buf, size_t size);

/* "met", "missed", "not yet due", "" */
const char *dc_status_name(enum dc_status st);

#endif
