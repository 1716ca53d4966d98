/* fuzz_units.c — libFuzzer target for the units parser: every input is
 * parsed as a quantity and as a unit, then formatted; the parser must never
 * crash, read out of bounds or loop, whatever the bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "units.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char text[512];
  if (size >= sizeof text) size = sizeof text - 1;
  memcpy(text, data, size);
  text[size] = '\0';

  double v;
  dc_unit u;
  dc_display d;
  dc_units_error e;
  char out[256];
  if (dc_units_parse_quantity(text, &v, &u, &d, &e) == 0) {
    dc_units_format(out, sizeof out, v * u.scale + u.offset, u.dims, &d);
    dc_units_format(out, sizeof out, v * u.scale + u.offset, u.dims, NULL);
    dc_dims_name(u.dims, out, sizeof out);
    if (strlen(d.label) >= DC_LABEL_MAX) abort();
  } else if (e.pos > size || strlen(e.msg) >= sizeof e.msg) {
    abort();
  }
  if (dc_units_parse_display(text, &u, &d, &e) == 0) {
    /* a unit's canonical label parses again to the same unit */
    dc_unit again;
    dc_units_error e2;
    if (d.label[0] && d.offset == 0) {
      if (dc_units_parse(d.label, &again, &e2) != 0) abort();
      if (!dc_dims_eq(again.dims, u.dims)) abort();
    }
  } else if (e.pos > size) {
    abort();
  }
  return 0;
}
