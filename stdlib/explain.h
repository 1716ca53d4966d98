/* explain.h — why a target is met or missed, term by term (`decarb explain`,
 * p:explain, the REPL's :explain). Computed from a dc_result with its
 * detail (dc_result_from_plan): the value as terms that add up to it (BAU of
 * each sector minus each measure's abatement; a share's parts over the
 * total; an intensity's numerator terms over the denominator; a budget's
 * years), the bound as its derivation, the margin, and for a missed target
 * the measures ranked by how much a relative increase of each would close
 * the shortfall. Plain C, no Lua. */
#ifndef DC_EXPLAIN_H
#define DC_EXPLAIN_H

#include <stdio.h>

#include "result.h"

/* The relative increase of each measure tried for a missed target. */
#define DC_EXPLAIN_LEVER 0.1

typedef struct dc_explain_term {
  char *name;
  const char *kind;   /* "bau", "measure", "stock", "addition", "metric", "part", "year" */
  double value;       /* SI, in the value's dims: the terms add up to the value */
  const char *source; /* NULL when none (points into the result) */
  int measure;        /* index into detail->measures, or -1 */
  double ramp;        /* measure: its ramp fraction that year (NaN otherwise) */
  double at_full;     /* measure: the term at ramp 1 (NaN: not known) */
  int year;           /* "year": the year it counts */
} dc_explain_term;

typedef struct dc_explain_lever {
  int measure;      /* index into detail->measures */
  double closes;    /* SI: how much +DC_EXPLAIN_LEVER of it improves the margin */
  double fraction;  /* closes / shortfall */
  double needed;    /* the relative increase that would close it, linearly (NaN: none) */
} dc_explain_lever;

typedef struct dc_explain {
  int target, scenario, year; /* the year explained */
  const char *name, *kind;    /* point into the result */
  int status;                 /* enum dc_status that year */
  int met;                    /* the target's verdict (all its years) */
  double value, bound, margin, margin_rel; /* SI, that year */
  dc_dims dims;
  dc_display disp;            /* the value's display (the check report's) */
  const char *metric;         /* the metric judged (share: the total) */
  char value_text[160];       /* "emissions in 2030", "share of capacity in 2025" ... */
  size_t nterms;
  dc_explain_term *terms;
  /* share and intensity: what is divided by what (SI), metric -1 if none */
  int num_metric, den_metric;
  double num, den;
  dc_display num_disp, den_disp;
  /* the bound */
  const char *bound_kind;     /* "given", "reduce", "vs", "peak", "net_zero", "budget" */
  int base_year;              /* reduce: from; peak: the peak year; else NOYEAR */
  double base_value;          /* reduce: value in base_year; vs: the other scenario's; peak: the peak */
  double fraction;            /* reduce / vs: the reduction (0.2 = 20 %); peak, net_zero: tolerance */
  const char *vs;             /* vs: the scenario compared with */
  int from, by;               /* budget: the period; peak: by */
  char bound_text[480];       /* the derivation, "(1 − 20 %) × ... = ..." */
  double shortfall;           /* > 0 when missed that year, else 0 */
  double lever;               /* DC_EXPLAIN_LEVER */
  size_t nlevers;
  dc_explain_lever *levers;   /* best first; only when missed */
  char note[600];             /* "" or a caveat (function metric, no value, energy) */
  int energy;                 /* the value is made by the energy accounting: no
                                 terms per measure, no levers (the note names
                                 the measures that may act on it) */
} dc_explain;

/* Target named `name` in r, or -1. */
int dc_explain_find(const dc_result *r, const char *name);

/* Explains target t of r (judged in r->scenario) in `year` (DC_PLAN_NOYEAR:
 * its deciding year, else its `by`). 0, or -1 with a sentence in err (no
 * detail, year outside the plan, not evaluated, out of memory). e's strings
 * point into r: free e (dc_explain_free) before r. */
int dc_explain_target(const dc_result *r, int t, int year, dc_explain *e, char *err, size_t errsize);
void dc_explain_free(dc_explain *e);

/* The explanation as an indented tree a reader can follow. */
void dc_explain_write_text(FILE *f, const dc_result *r, const dc_explain *e);

#endif
