/* units_display.h — the display unit for a column of values, for callers
 * that hold a display hint: a shim over dc_units_choose_display (units.h),
 * the one choice of the units core. */
#ifndef DC_UNITS_DISPLAY_H
#define DC_UNITS_DISPLAY_H

#include "units.h"

/* dc_units_choose_display(d, largest, hint->co2e, out): `hint` (may be
 * NULL: CO2 only) says whether the values are CO2e; its label is ignored. */
void dc_units_display_for(dc_dims d, double largest, const dc_display *hint, dc_display *out);

/* The display of a column of n values v (SI; NaN skipped) of dimensions
 * dims: the values' own display unit when has_disp gives one with a label
 * (unit "1" of a plain number shows none), else the choice for their
 * largest magnitude (the reports' and explain's one rule). */
void dc_units_display_pick(dc_dims dims, int has_disp, const dc_display *disp, const double *v, int n,
                           dc_display *out);

#endif
