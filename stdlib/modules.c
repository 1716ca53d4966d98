/* modules.c — the one list of stdlib modules the host opens into every
 * script environment (scripts, -e chunks, the REPL, check), and so of the
 * globals the stdlib gives a script (decarb.so: the fields of its table).
 * Add a module by adding its opener here and nowhere else; an opener sets
 * no global itself (dc_lua.h). */
#include "dc_lua.h"

#include "modules.h"
#include "uncertain_lua.h"

const dc_module dc_modules[] = {
  {"units", luaopen_decarb_units},
  {"q", luaopen_decarb_q},
  {"series", luaopen_decarb_series},
  {"factors", luaopen_decarb_factors},
  {"plan", luaopen_decarb_plan},
  {"uncertain", luaopen_decarb_uncertain},
  {"param", luaopen_decarb_param},
  {NULL, NULL}
};
