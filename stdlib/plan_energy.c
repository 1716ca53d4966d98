/* plan_energy.c — the plan core's energy accounting (issue 15,
 * docs/energy.md): the energy options, energy sectors and their metrics,
 * and the evaluation pass that hands a plan to the energy core (energy.c)
 * and reads its results back. Plain C, no Lua. */
#include "plan_int.h"

#include <string.h>

int dc_plan_set_energy(dc_plan *p, const dc_plan_energy_opts *o) {
  (void)o;
  return dc_plan__fail(p, "energy accounting: not yet");
}

int dc_plan_sector_energy(dc_plan *p, const dc_plan_energy_sector *spec) {
  (void)spec;
  return dc_plan__fail(p, "energy accounting: not yet");
}

int dc_plan_capacity_fossil(dc_plan *p, const char *tech, int v) {
  (void)tech;
  (void)v;
  return dc_plan__fail(p, "energy accounting: not yet");
}
