/* units_display.c — the display unit for a column of values, as the report
 * writers and explain ask for it (see units_display.h): the choice itself
 * is dc_units_choose_display, in the units core, with the rule that
 * dc_units_format prints by. */
#include "units_display.h"

void dc_units_display_for(dc_dims d, double largest, const dc_display *hint, dc_display *out) {
  dc_units_choose_display(d, largest, hint && hint->co2e, out);
}
