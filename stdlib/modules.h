/* modules.h — openers of the stdlib's Lua bindings (listed in modules.c). */
#ifndef DC_MODULES_H
#define DC_MODULES_H
#include <lua.h>
#endif
