/* units_display.h — the display unit for a column of values: one function
 * of the units core that reports, tables and charts share. */
#ifndef DC_UNITS_DISPLAY_H
#define DC_UNITS_DISPLAY_H

#include "units.h"

/* The display unit for values of dimension d whose largest magnitude is
 * `largest` (SI; 0 or not finite: 1): the preferred unit of d with the
 * engineering prefix dc_units_format would choose for that value, as a
 * label with its scale and offset. `hint` (may be NULL) says whether the
 * values are CO2e (hint->co2e) or CO2 only; its label is ignored. Dimensionless: an empty label, scale 1. */
void dc_units_display_for(dc_dims d, double largest, const dc_display *hint, dc_display *out);

#endif
