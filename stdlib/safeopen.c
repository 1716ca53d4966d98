/* safeopen.c — opening files a script names, inside its folder only (see
 * safeopen.h). The check is made twice: on the real path before opening
 * (so that nothing outside is even opened), and on what was opened, read
 * back from /proc/self/fd, so that a link swapped in between is caught. */
#include "safeopen.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dc_lua.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* 1 when `path` is `dir` itself or below it (both real, absolute paths). */
static int is_below(const char *path, const char *dir) {
  size_t n = strlen(dir);
  if (n == 1 && dir[0] == '/') return path[0] == '/';
  return strncmp(path, dir, n) == 0 && path[n] == '/';
}

static int refuse(lua_State *L, const char *what, const char *shown, const char *real,
                  const char *dir) {
  return dc_lua_error(L, "%s: cannot read '%s': its real path %s lies outside the script's "
                         "folder %s (a symbolic link may not lead out of it; copy the file "
                         "into the folder, or run with --unsafe)",
                      what, shown, real, dir);
}

FILE *dc_open_below(lua_State *L, const char *what, const char *shown, const char *full) {
  lua_getfield(L, LUA_REGISTRYINDEX, DC_REG_UNSAFE);
  int unsafe = lua_toboolean(L, -1);
  lua_pop(L, 1);
  if (unsafe) return fopen(full, "rb");
  char dir[PATH_MAX], real[PATH_MAX], opened[PATH_MAX];
  lua_getfield(L, LUA_REGISTRYINDEX, DC_REG_SCRIPTDIR);
  const char *sd = lua_tostring(L, -1);
  if (!realpath(sd && *sd ? sd : ".", dir)) {
    int e = errno;
    lua_pop(L, 1);
    dc_lua_error(L, "%s: cannot read '%s': the script's folder cannot be resolved (%s)",
                 what, shown, strerror(e));
    return NULL;
  }
  lua_pop(L, 1);
  if (!realpath(full, real)) return NULL; /* errno: not there, or no access */
  if (!is_below(real, dir)) {
    refuse(L, what, shown, real, dir);
    return NULL;
  }
  /* O_NONBLOCK: a FIFO must not hang the open; O_NOFOLLOW: the real path
     has no link left in its last component */
  int fd = open(real, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return NULL;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    dc_lua_error(L, "%s: cannot read '%s': not a regular file", what, shown);
    return NULL;
  }
  char fdpath[64];
  snprintf(fdpath, sizeof fdpath, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(fdpath, opened, sizeof opened - 1);
  if (n > 0) {
    opened[n] = '\0';
    if (!is_below(opened, dir)) {
      close(fd);
      refuse(L, what, shown, opened, dir);
      return NULL;
    }
  }
  int fl = fcntl(fd, F_GETFL);
  if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  FILE *f = fdopen(fd, "rb");
  if (!f) {
    int e = errno;
    close(fd);
    errno = e;
  }
  return f;
}
