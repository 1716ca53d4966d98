/* units_display.c — the display unit for a column of values, as the report
 * writers and explain ask for it (see units_display.h): the choice itself
 * is dc_units_choose_display, in the units core, with the rule that
 * dc_units_format prints by. */
#include "units_display.h"

#include <math.h>
#include <string.h>

void dc_units_display_for(dc_dims d, double largest, const dc_display *hint, dc_display *out) {
  dc_units_choose_display(d, largest, hint && hint->co2e, out);
}

void dc_units_display_pick(dc_dims dims, int has_disp, const dc_display *disp, const double *v, int n,
                           dc_display *out) {
  if (has_disp && disp->label[0]) {
    *out = *disp;
    /* a plain number given as unit "1" shows no unit, like any other */
    if (dc_dims_none(dims) && strcmp(out->label, "1") == 0) out->label[0] = '\0';
    return;
  }
  double mx = 0;
  for (int i = 0; v && i < n; i++)
    if (isfinite(v[i]) && fabs(v[i]) > mx) mx = fabs(v[i]);
  dc_units_display_for(dims, mx, has_disp ? disp : NULL, out);
}
