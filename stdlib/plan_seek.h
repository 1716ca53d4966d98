/* plan_seek.h — goal seek on a plan: the value of one field (a measure's
 * scale, years, or any series field as a factor on its central values) at
 * which a target is just met, by re-evaluating the plan in C (seek.c's
 * probes, monotonicity check and Brent's method; a scan for years). Plain
 * C, no Lua: callbacks as for dc_plan_evaluate. docs/uncertainty.md. */
#ifndef DC_PLAN_SEEK_H
#define DC_PLAN_SEEK_H

#include "plan.h"
#include "seek.h"

typedef struct dc_plan_seek_spec {
  int scenario, target;
  dc_plan_slot slot; /* START/FULL/STOP: years; SCALE: the scale; else a factor on the series */
  double lo, hi;     /* the range of x */
} dc_plan_seek_spec;

/* The plan state a seek changes, kept by the caller (so that a callback
 * that leaves by a long jump still lets dc_plan_seek_restore give it back). */
typedef struct dc_plan_seek_saved {
  double v[1000];
  int start, full, stop;
  double scale;
} dc_plan_seek_saved;

typedef struct dc_plan_seek_out {
  dc_seek_result res; /* status, x, evals ... */
  /* at the best end of the range when the target is not reached (and at x
     when found): the first year missed and the margin there (SI) */
  int year;
  double margin;
  double best_x;
  double quantity;    /* a series field: its value at x in the deciding year (SI); else NaN */
  int quantity_year;
} dc_plan_seek_out;

/* The target's smallest margin over its due years (SI) after evaluating
 * scenario s; *year gets that year. NaN when the target has no verdict. */
double dc_plan_target_margin(const dc_plan *p, int s, int t, int *year);

/* Saves what the spec's slot changes into *sv (call first). */
void dc_plan_seek_save(const dc_plan *p, const dc_plan_seek_spec *sp, dc_plan_seek_saved *sv);
/* Seeks; returns the status (DC_SEEK_FAILED with dc_plan_error on an
 * evaluation error). Leaves the slot at its saved value (unevaluated). */
dc_seek_status dc_plan_seek(dc_plan *p, const dc_plan_seek_spec *sp, const dc_plan_seek_saved *sv, dc_plan_fn fn,
                            void *ctx, dc_plan_seek_out *out);
void dc_plan_seek_restore(dc_plan *p, const dc_plan_seek_spec *sp, const dc_plan_seek_saved *sv);

/* The answer as one sentence: "target 'T' is just met at measure 'M'
 * scale = 1.25× (abates 125 tCO2e/yr in 2030) ...", "even at measure 'M'
 * scale = 10× the target 'T' is missed in 2025 by 1.2 pp". */
size_t dc_plan_seek_text(dc_plan *p, const dc_plan_seek_spec *sp, const dc_plan_seek_out *out, char *buf,
                         size_t size);

#endif
