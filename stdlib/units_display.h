/* units_display.h — the display unit for a column of values, for callers
 * that hold a display hint: a shim over dc_units_choose_display (units.h),
 * the one choice of the units core. */
#ifndef DC_UNITS_DISPLAY_H
#define DC_UNITS_DISPLAY_H

#include "units.h"

/* dc_units_choose_display(d, largest, hint->co2e, out): `hint` (may be
 * NULL: CO2 only) says whether the values are CO2e; its label is ignored. */
void dc_units_display_for(dc_dims d, double largest, const dc_display *hint, dc_display *out);

#endif
