/* units_display.c — display unit choice (see units_display.h). It asks
 * dc_units_format for the unit it would print the largest value in, then
 * reads that label back for its scale: the units core keeps one rule for
 * "which prefix", and this is its only reader outside units.c. */
#include "units_display.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void dc_units_display_for(dc_dims d, double largest, const dc_display *hint, dc_display *out) {
  char buf[128];
  if (!isfinite(largest) || largest == 0) largest = 1;
  /* only the hint's CO2e flag counts: its label, if any, is not used here */
  dc_display flag;
  memset(&flag, 0, sizeof flag);
  flag.co2e = hint ? hint->co2e : 0;
  dc_units_format(buf, sizeof buf, fabs(largest), d, &flag);
  memset(out, 0, sizeof *out);
  out->scale = 1;
  out->co2e = flag.co2e;
  const char *sp = strchr(buf, ' ');
  if (!sp) return; /* a plain number */
  dc_unit u;
  dc_units_error err;
  snprintf(out->label, sizeof out->label, "%s", sp + 1);
  if (dc_units_parse(out->label, &u, &err) == 0) {
    out->scale = u.scale;
    out->offset = u.offset;
  } /* else: SI base units, scale 1 */
}
