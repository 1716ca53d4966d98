/* safeopen.h — opening a data file or module a script names, without
 * leaving the script's folder (symbolic links included). Used by every
 * loader: series.csv (series_build.c) and require (vm/host.c). */
#ifndef DC_SAFEOPEN_H
#define DC_SAFEOPEN_H

#include <lua.h>
#include <stdio.h>

/* Opens `full` (a path already made by dc_lua_resolve_path from `shown`,
 * the path as the script wrote it) for reading. In the sandbox the file's
 * real path (every symbolic link followed) must lie inside the real path of
 * the script's folder and be a regular file; otherwise raises a Lua error
 * at the script's line, prefixed with `what` ("series.csv", "require 'x'"),
 * saying why — never with a byte of the file. With --unsafe any file goes.
 * Returns NULL with errno set when the file does not exist or cannot be
 * opened (the caller words that message). */
FILE *dc_open_below(lua_State *L, const char *what, const char *shown, const char *full);

#endif
