/* modules.c — the one list of stdlib modules the host opens into every
 * script environment (scripts, -e chunks, the REPL, check). Add a module by
 * adding its opener here and nowhere else. */
#include "dc_lua.h"

#include "modules.h"
#include "uncertain_lua.h"

const dc_module dc_modules[] = {
  {"units", luaopen_decarb_units},
  {"series", luaopen_decarb_series},
  {"factors", luaopen_decarb_factors},
  {"plan", luaopen_decarb_plan},
  {"uncertain", luaopen_decarb_uncertain},
  {"param", luaopen_decarb_param},
  {NULL, NULL}
};
