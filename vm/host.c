/* host.c — the decarb host: a Lua state built by allow-list, with a capped
 * allocator, a time limit and Ctrl-C, and the one protected-call door every
 * chunk goes through. Not the CLI (main.c), not the REPL (repl.c). */
#include "host.h"

#include <lauxlib.h>
#include <lualib.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "dc_lua.h"
#include "fmt.h"
#include "guard.h"
#include "safeopen.h"
#include "term.h"

struct dc_host {
  lua_State *L;
  dc_host_opts opts;
  dc_memcap mem;
  double deadline;   /* monotonic seconds; 0 = none */
  int limit;         /* which limit stopped the run (enum below) */
  /* the traceback of the last error caught, kept apart from its message:
     its text is the registry's REG_TRACEBACK, valid while tb_frames > 0 */
  int tb_frames;
  char tb_main[LUA_IDSIZE]; /* its one frame's source, when that is a main chunk */
};

#define REG_TRACEBACK "decarb.traceback" /* string: see dc_host.tb_frames */

enum { LIMIT_NONE, LIMIT_TIME, LIMIT_MEM, LIMIT_INTERRUPT };

/* How the limits are enforced without slowing every script down.
 *
 * A permanent count hook would make the VM check for a hook on every
 * instruction, which halves the speed of plain Lua (measured: 12.2 ns
 * against 5.4 ns for a*b+c on numbers). So the main thread runs with no
 * hook at all, and the hook is installed only when there is something to
 * stop: by the timer signal at the deadline, by Ctrl-C, and by the
 * allocator when it refuses memory (lua_sethook may be called from a signal
 * handler; lua.c does the same for Ctrl-C). A coroutine is a thread of its
 * own that the signal cannot reach, so each coroutine a script creates gets
 * a count hook that looks at the monotonic clock every HOOK_COUNT
 * instructions. Once a limit is reached the hook fires on every
 * instruction, call and return, so no pcall can swallow it. */
#define HOOK_COUNT 1000
#define HOOK_ALL (LUA_MASKCOUNT | LUA_MASKCALL | LUA_MASKRET)
/* Room given back to the host once the memory cap is hit, so that the error
 * can still be reported. */
#define MEM_GRACE ((size_t)8 << 20)
/* Extra wall-clock seconds after the time limit before the watchdog ends
 * the process (for a C function that never returns to the VM). */
#define WATCHDOG_GRACE 1.0

static volatile sig_atomic_t interrupted;
static volatile sig_atomic_t alarms; /* timer firings in this run */
/* Set while lua_close runs the finalizers of a state: Lua runs __gc with
 * hooks off, so the first timer firing (or Ctrl-C) ends the process. */
static volatile sig_atomic_t closing;
static dc_host *running;             /* the host inside dc_host_call */
/* The error value a limit raises: a light userdata that needs no memory and
 * that no script can forge. */
static char limit_sentinel;

/* ================================================================== */
/* Limits: the hook                                                    */
/* ================================================================== */

static dc_host *host_of(lua_State *L) {
  void *ud;
  lua_getallocf(L, &ud);
  return ud; /* the allocator's ud is the host */
}

static void limit_hook(lua_State *L, lua_Debug *ar);

static void trip(lua_State *L, dc_host *h, int which) {
  if (h->limit == LIMIT_NONE) {
    h->limit = which;
    if (which == LIMIT_MEM) h->mem.cap += MEM_GRACE;
  }
  lua_sethook(L, limit_hook, HOOK_ALL, 1);
  /* a limit seen first inside a coroutine stops the main thread too, so
     the script cannot carry on after coroutine.resume returns false */
  if (L != h->L) lua_sethook(h->L, limit_hook, HOOK_ALL, 1);
}

static void limit_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  dc_host *h = host_of(L);
  if (h->limit == LIMIT_NONE) {
    if (interrupted) trip(L, h, LIMIT_INTERRUPT);
    else if (h->mem.hit) trip(L, h, LIMIT_MEM);
    else if (h->deadline > 0 && dc_clock_now() >= h->deadline) trip(L, h, LIMIT_TIME);
    else return;
  } else if (lua_gethookcount(L) != 1) {
    trip(L, h, h->limit); /* a coroutine hooked before the limit was hit */
  }
  lua_pushlightuserdata(L, &limit_sentinel);
  lua_error(L);
}

/* Makes the main thread stop at its next instruction (signal-safe). */
static void stop_soon(dc_host *h) {
  if (h) lua_sethook(h->L, limit_hook, HOOK_ALL, 1);
}

static void *host_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  dc_host *h = ud;
  void *p = dc_memcap_alloc(&h->mem, ptr, osize, nsize);
  if (!p && nsize > 0 && h->L && h == running) stop_soon(h);
  return p;
}

static const char *volatile cleanup_path;
void dc_host_cleanup_file(const char *path) { cleanup_path = path; }
/* async-signal-safe: unlink only */
static void run_cleanup(void) {
  const char *f = cleanup_path;
  if (f) (void)unlink(f);
}

static void on_sigint(int sig) {
  (void)sig;
  /* while closing, or a second Ctrl-C that the hook could not act on (a
     finalizer or error handler runs with hooks off): end the process */
  if (closing || (interrupted && running)) {
    ssize_t n = write(2, "interrupted\n", 12);
    (void)n;
    run_cleanup();
    _exit(DC_EXIT_INTERRUPT);
  }
  interrupted = 1;
  stop_soon(running);
}

/* What the watchdog prints, made when it is armed (a signal handler may
 * only write). */
static char watchdog_msg[128];
static size_t watchdog_len;

/* First firing, at the deadline: install the hook. Second firing, a second
 * later: the hook could not run — inside a long C call (a pathological
 * string.find) or a message handler (Lua runs handlers of errors raised
 * from a hook with hooks off) — so end the process. */
static void on_alarm(int sig) {
  (void)sig;
  if (alarms++ == 0 && !closing) {
    stop_soon(running);
    return;
  }
  ssize_t n = write(2, watchdog_msg, watchdog_len);
  (void)n;
  run_cleanup();
  _exit(DC_EXIT_LIMIT);
}

static void arm_timer(double seconds) {
  struct itimerval it;
  memset(&it, 0, sizeof it);
  alarms = 0;
  if (seconds > 0) {
    char secs[32];
    dc_fmt_number(secs, sizeof secs, seconds, 0);
    int n = snprintf(watchdog_msg, sizeof watchdog_msg,
                     closing ? "time limit of %s s reached while closing the script "
                               "(a __gc finalizer did not end; raise it with --timeout SEC)\n"
                             : "time limit of %s s reached (the script did not stop; "
                               "raise it with --timeout SEC)\n", secs);
    watchdog_len = n > 0 && (size_t)n < sizeof watchdog_msg ? (size_t)n : 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    it.it_value.tv_sec = (time_t)seconds;
    it.it_value.tv_usec = (suseconds_t)((seconds - (double)(time_t)seconds) * 1e6);
    if (it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0) it.it_value.tv_usec = 1;
    it.it_interval.tv_sec = (time_t)WATCHDOG_GRACE;
  }
  setitimer(ITIMER_REAL, &it, NULL);
}

/* coroutine.create / coroutine.wrap that give the new thread the polling
 * hook (see above). upvalue 1: Lua's own function. */
static int hooked_cocreate(lua_State *L) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  lua_State *co = lua_tothread(L, -1);
  if (co) lua_sethook(co, limit_hook, LUA_MASKCOUNT, HOOK_COUNT);
  return 1;
}

static int hooked_cowrap(lua_State *L) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  /* Lua's wrap keeps its thread as the closure's first upvalue */
  if (lua_getupvalue(L, -1, 1)) {
    lua_State *co = lua_tothread(L, -1);
    if (co) lua_sethook(co, limit_hook, LUA_MASKCOUNT, HOOK_COUNT);
    lua_pop(L, 1);
  }
  return 1;
}

static void hook_coroutines(lua_State *L) {
  if (lua_getglobal(L, "coroutine") != LUA_TTABLE) {
    lua_pop(L, 1);
    return;
  }
  lua_getfield(L, -1, "create");
  lua_pushcclosure(L, hooked_cocreate, 1);
  lua_setfield(L, -2, "create");
  lua_getfield(L, -1, "wrap");
  lua_pushcclosure(L, hooked_cowrap, 1);
  lua_setfield(L, -2, "wrap");
  lua_pop(L, 1);
}

void dc_host_catch_sigint(dc_host *h) {
  (void)h;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
}

/* ================================================================== */
/* Errors: message handler and traceback of the script's own frames   */
/* ================================================================== */

static const char *error_text(lua_State *L, int idx) {
  if (lua_type(L, idx) == LUA_TSTRING) return lua_tostring(L, idx);
  if (luaL_callmeta(L, idx, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
    return lua_tostring(L, -1);
  if (lua_type(L, idx) == LUA_TNUMBER) return lua_tostring(L, idx);
  return lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, idx));
}

/* The deepest stack level, found in O(log n) probes (each lua_getstack is
 * O(level)), so a stack overflow of 200,000 frames reports at once. */
static int last_level(lua_State *L) {
  lua_Debug ar;
  int lo = 0, hi = 1;
  while (lua_getstack(L, hi, &ar)) {
    lo = hi;
    if (hi > INT_MAX / 2) break;
    hi *= 2;
  }
  while (lo + 1 < hi) {
    int mid = lo + (hi - lo) / 2;
    if (lua_getstack(L, mid, &ar)) lo = mid;
    else hi = mid;
  }
  return lo;
}

static void add_frame(lua_State *L, luaL_Buffer *b, lua_Debug *ar) {
  if (*ar->what == 'm')
    lua_pushfstring(L, "\n\t%s:%d: in main chunk", ar->short_src, ar->currentline);
  else if (ar->name)
    lua_pushfstring(L, "\n\t%s:%d: in %s '%s'", ar->short_src, ar->currentline,
                    *ar->namewhat ? ar->namewhat : "function", ar->name);
  else
    lua_pushfstring(L, "\n\t%s:%d: in function <%s:%d>", ar->short_src,
                    ar->currentline, ar->short_src, ar->linedefined);
  luaL_addvalue(b);
}

/* stack: msg -> msg as text. The traceback goes to the host, apart
 * (dc_host_traceback). Only frames of Lua code with a source line are
 * shown: the host's own C frames mean nothing to the script's author. A
 * deep stack shows its first 6 and last 4 levels. */
static int msghandler(lua_State *L) {
  if (lua_touserdata(L, 1) == &limit_sentinel) return 1;
  dc_host *h = host_of(L);
  lua_pushstring(L, error_text(L, 1));
  lua_replace(L, 1);
  lua_settop(L, 1); /* stack: text */
  luaL_Buffer b;
  lua_Debug ar, main = {0};
  int last = last_level(L), frames = 0;
  luaL_buffinit(L, &b); /* stack: text, buffer... */
  luaL_addstring(&b, "stack traceback:");
  for (int level = 1; level <= last; level++) {
    if (last > 12 && level == 7) {
      lua_pushfstring(L, "\n\t...\t(%d levels skipped)", last - 10);
      luaL_addvalue(&b);
      level = last - 4;
      continue;
    }
    if (!lua_getstack(L, level, &ar)) break;
    lua_getinfo(L, "Slnt", &ar);
    if (ar.currentline <= 0) continue;
    if (frames++ == 0) main = ar;
    add_frame(L, &b, &ar);
  }
  luaL_pushresult(&b); /* stack: text, traceback */
  lua_setfield(L, LUA_REGISTRYINDEX, REG_TRACEBACK); /* the key exists: no allocation */
  h->tb_frames = frames;
  h->tb_main[0] = '\0';
  if (frames == 1 && *main.what == 'm') snprintf(h->tb_main, sizeof h->tb_main, "%s", main.short_src);
  return 1; /* the text */
}

static const char *limit_message(dc_host *h) {
  switch (h->limit) {
    case LIMIT_TIME: return "time limit of %s s reached (raise it with --timeout SEC)";
    case LIMIT_MEM: return "memory limit of %s reached (raise it with --max-mem SIZE)";
    case LIMIT_INTERRUPT: return "interrupted";
    default: return NULL;
  }
}

static void fmt_size(char *out, size_t size, size_t c) {
  if (c % ((size_t)1 << 30) == 0) snprintf(out, size, "%zu GiB", c >> 30);
  else if (c % ((size_t)1 << 20) == 0) snprintf(out, size, "%zu MiB", c >> 20);
  else snprintf(out, size, "%zu bytes", c);
}

static void push_limit_message(lua_State *L, dc_host *h) {
  char amount[32];
  if (h->limit == LIMIT_TIME) dc_fmt_number(amount, sizeof amount, h->opts.timeout, 0);
  else fmt_size(amount, sizeof amount, h->opts.max_mem);
  if (h->limit == LIMIT_MEM && h->mem.sysfail)
    lua_pushfstring(L, "out of memory: the system refused memory below the limit of %s", amount);
  else lua_pushfstring(L, limit_message(h), amount);
}

/* ================================================================== */
/* The one door                                                        */
/* ================================================================== */

int dc_host_call(dc_host *h, int nargs, int nresults) {
  lua_State *L = h->L;
  int base = lua_gettop(L) - nargs;
  dc_host *outer = running; /* a call from inside a call (require, :load) */
  h->limit = LIMIT_NONE;
  h->mem.hit = h->mem.sysfail = 0;
  h->tb_frames = 0;
  if (!outer) {
    interrupted = 0;
    lua_sethook(L, NULL, 0, 0);
    h->deadline = h->opts.timeout > 0 ? dc_clock_now() + h->opts.timeout : 0;
    running = h;
    arm_timer(h->opts.timeout);
  }
  lua_pushcfunction(L, msghandler);
  lua_insert(L, base);
  int st = lua_pcall(L, nargs, nresults, base);
  lua_remove(L, base);
  if (!outer) {
    arm_timer(0);
    running = NULL;
    h->deadline = 0;
    lua_sethook(L, NULL, 0, 0);
  }
  if (interrupted && h->limit == LIMIT_NONE && st != LUA_OK) h->limit = LIMIT_INTERRUPT;
  /* a limit that was reached counts even if the chunk then returned */
  if (st == LUA_OK && h->limit != LIMIT_NONE && !outer) {
    lua_pop(L, nresults == LUA_MULTRET ? lua_gettop(L) - base + 1 : nresults);
    lua_pushnil(L); /* stands for the error value replaced below */
    st = LUA_ERRRUN;
  }
  if (st == LUA_OK) {
    h->limit = LIMIT_NONE;
    h->mem.hit = 0;
    return DC_EXIT_OK;
  }
  /* a memory error caught and raised again as a string (by pcall in C
     code) is still the memory limit */
  if ((st == LUA_ERRMEM || h->mem.hit) && h->limit == LIMIT_NONE) h->limit = LIMIT_MEM;
  if (h->limit != LIMIT_NONE) {
    lua_pop(L, 1);
    push_limit_message(L, h);
    if (h->limit == LIMIT_MEM) h->mem.cap = h->opts.max_mem; /* grace is over */
    h->mem.hit = h->mem.sysfail = 0;
    if (!outer) interrupted = 0;
    h->tb_frames = 0; /* a limit names no line of the script */
    return h->limit == LIMIT_INTERRUPT ? DC_EXIT_INTERRUPT : DC_EXIT_LIMIT;
  }
  return DC_EXIT_RUNTIME;
}

const char *dc_host_traceback(dc_host *h) {
  if (h->tb_frames <= 0) return NULL;
  lua_getfield(h->L, LUA_REGISTRYINDEX, REG_TRACEBACK);
  const char *tb = lua_tostring(h->L, -1); /* the registry keeps it alive */
  lua_pop(h->L, 1);
  return tb;
}

const char *dc_host_error_chunk(dc_host *h) {
  return h->tb_frames == 1 && h->tb_main[0] ? h->tb_main : NULL;
}

/* stack: msg -> (popped) printed, with the traceback when asked */
static void report(dc_host *h, int traceback) {
  lua_State *L = h->L;
  const char *msg = lua_tostring(L, -1);
  const char *tb = traceback ? dc_host_traceback(h) : NULL;
  if (!msg) msg = "(error without a message)";
  int red = h->opts.color && dc_term_color(2, 0);
  fprintf(stderr, "%s%s%s%s%s\n", red ? DC_RED : "", msg, tb ? "\n" : "", tb ? tb : "", red ? DC_RESET : "");
  fflush(stderr);
  lua_pop(L, 1);
  h->tb_frames = 0; /* reported */
}

void dc_host_report(dc_host *h) { report(h, 1); }
void dc_host_report_message(dc_host *h) { report(h, 0); }

/* The name a chunk is shown by: "@file.lua" -> "file.lua", "=stdin" -> "stdin". */
static const char *shown_name(const char *chunkname) {
  return (*chunkname == '@' || *chunkname == '=') ? chunkname + 1 : chunkname;
}

int dc_host_load(dc_host *h, const char *buf, size_t len, const char *chunkname) {
  /* a UTF-8 byte order mark (some editors write one) is not Lua */
  if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
    buf += 3;
    len -= 3;
  }
  if (len > 0 && buf[0] == LUA_SIGNATURE[0]) {
    lua_pushfstring(h->L, "%s: a precompiled Lua chunk (bytecode) cannot be loaded: decarb "
                          "runs Lua source text only", shown_name(chunkname));
    return DC_EXIT_SYNTAX;
  }
  int st = luaL_loadbufferx(h->L, buf, len, chunkname, "t");
  if (st == LUA_OK) return DC_EXIT_OK;
  return st == LUA_ERRMEM ? DC_EXIT_LIMIT : DC_EXIT_SYNTAX;
}

char *dc_host_read_all(FILE *f, size_t *lenp, int *oom) {
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  *oom = 0;
  size_t n;
  while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
    len += n;
    if (len == cap) {
      char *nb = cap > ((size_t)1 << 30) ? NULL : realloc(buf, cap * 2);
      if (!nb) { free(buf); buf = NULL; break; }
      buf = nb;
      cap *= 2;
    }
  }
  if (!buf) *oom = 1;
  else if (ferror(f)) { free(buf); buf = NULL; }
  *lenp = len;
  return buf;
}

int dc_host_loadstream(dc_host *h, FILE *f, const char *chunkname) {
  size_t len;
  int oom;
  char *buf = dc_host_read_all(f, &len, &oom);
  if (!buf) {
    lua_pushfstring(h->L, oom ? "decarb: out of memory reading '%s'" : "decarb: cannot read '%s'",
                    shown_name(chunkname));
    return oom ? DC_EXIT_LIMIT : DC_EXIT_USAGE;
  }
  /* a byte order mark, then a first line starting with '#' (a "#!" line)
     is skipped, as lua does, keeping the newline so line numbers stay right */
  size_t skip = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if (len > skip && buf[skip] == '#') {
    while (skip < len && buf[skip] != '\n') skip++;
    if (skip + 1 < len && buf[skip + 1] == LUA_SIGNATURE[0]) skip++; /* bytecode after #! */
  }
  int st = dc_host_load(h, buf + skip, len - skip, chunkname);
  free(buf);
  return st;
}

/* Loads the text of f (closed here) as the chunk of the file path. */
static int load_file_stream(dc_host *h, FILE *f, const char *path) {
  lua_pushfstring(h->L, "@%s", path);
  int st = dc_host_loadstream(h, f, lua_tostring(h->L, -1));
  fclose(f);
  lua_remove(h->L, -2);
  return st;
}

int dc_host_loadfile(dc_host *h, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    lua_pushfstring(h->L, "decarb: cannot open '%s': %s", path, strerror(errno));
    return DC_EXIT_USAGE;
  }
  return load_file_stream(h, f, path);
}

/* ================================================================== */
/* The sandbox: an environment built by allow-list                    */
/* ================================================================== */

/* Names a script may reach for but may not have, with the reason shown. */
static const struct { const char *table, *name, *why; } forbidden[] = {
  {NULL, "io", "files are read only through the library's loaders (series.csv)"},
  {NULL, "debug", "the debug library can break the sandbox"},
  {NULL, "package", "modules are loaded with require from the script's folder"},
  {NULL, "dofile", "use require 'name' for a Lua file beside the script"},
  {NULL, "loadfile", "use require 'name' for a Lua file beside the script"},
  {"os", "execute", "scripts cannot run programs"},
  {"os", "exit", "a script ends by returning (or with error())"},
  {"os", "getenv", "a plan's result may not depend on the environment"},
  {"os", "remove", "scripts cannot change files"},
  {"os", "rename", "scripts cannot change files"},
  {"os", "tmpname", "scripts cannot create files"},
  {"os", "setlocale", "output never depends on a locale"},
  {"string", "dump", "binary chunks are not allowed"},
  {NULL, NULL, NULL}
};

/* __index of _G and os: a clear error for a forbidden name, nil otherwise.
 * upvalue 1: the table's own name ("" for the globals). */
static int forbidden_index(lua_State *L) {
  const char *tname = lua_tostring(L, lua_upvalueindex(1));
  const char *key = lua_tostring(L, 2);
  if (key && lua_type(L, 2) == LUA_TSTRING) {
    for (int i = 0; forbidden[i].name; i++) {
      const char *t = forbidden[i].table ? forbidden[i].table : "";
      if (strcmp(t, tname) == 0 && strcmp(forbidden[i].name, key) == 0)
        return dc_lua_error(L, "%s%s%s is not available in the decarb sandbox: %s "
                               "(run with --unsafe for full Lua)",
                            tname, *tname ? "." : "", key, forbidden[i].why);
    }
  }
  return 0;
}

static void set_forbidden_meta(lua_State *L, int idx, const char *tname) {
  idx = lua_absindex(L, idx);
  lua_createtable(L, 0, 2);
  lua_pushstring(L, tname);
  lua_pushcclosure(L, forbidden_index, 1);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, idx);
}

/* load(chunk [, chunkname [, mode [, env]]]) — text only. upvalue 1: the
 * real load. */
static int sandbox_load(lua_State *L) {
  const char *mode = luaL_optstring(L, 3, "t");
  if (strchr(mode, 'b'))
    return dc_lua_error(L, "load: binary chunks are not allowed in decarb scripts "
                           "(give mode \"t\" or leave it out)");
  int n = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, 1);
  if (n >= 2) lua_pushvalue(L, 2); else lua_pushnil(L);
  lua_pushliteral(L, "t");
  if (n >= 4) lua_pushvalue(L, 4);
  lua_call(L, n >= 4 ? 4 : 3, LUA_MULTRET);
  return lua_gettop(L) - n;
}

/* collectgarbage with the options that cannot stop the collector. */
static int sandbox_collectgarbage(lua_State *L) {
  static const char *const ok[] = {"collect", "count", "step", "isrunning", NULL};
  const char *opt = luaL_optstring(L, 1, "collect");
  for (int i = 0; ok[i]; i++)
    if (strcmp(opt, ok[i]) == 0) {
      lua_pushvalue(L, lua_upvalueindex(1));
      lua_insert(L, 1);
      lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
      return lua_gettop(L);
    }
  return dc_lua_error(L, "collectgarbage(\"%s\") is not available in the decarb sandbox "
                         "(allowed: collect, count, step, isrunning)", opt);
}

static int valid_module_name(const char *s) {
  if (!*s || *s == '.') return 0;
  for (const char *p = s; *p; p++) {
    if (!(p[0] == '_' || p[0] == '-' || (p[0] >= 'a' && p[0] <= 'z') ||
          (p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= '0' && p[0] <= '9') || p[0] == '.'))
      return 0;
    if (p[0] == '.' && (p[1] == '.' || p[1] == '\0')) return 0;
  }
  return 1;
}

/* require(name): a stdlib module by name, or the Lua file name.lua (dots as
 * folders) beside the script, loaded as text in the same environment and
 * kept so that it runs once. */
static int sandbox_require(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  for (int i = 0; dc_modules[i].name; i++)
    if (strcmp(dc_modules[i].name, name) == 0) {
      lua_getglobal(L, name);
      return 1;
    }
  if (!valid_module_name(name))
    return dc_lua_error(L, "require '%s': a module name is letters, digits, '_' and '-' "
                           "with single dots between folders (no '..', no '/')", name);
  lua_getfield(L, LUA_REGISTRYINDEX, "decarb.loaded");
  lua_getfield(L, -1, name);
  if (!lua_isnil(L, -1)) return 1;
  lua_pop(L, 1);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (const char *p = name; *p; p++) luaL_addchar(&b, *p == '.' ? '/' : *p);
  luaL_addstring(&b, ".lua");
  luaL_pushresult(&b);
  char path[4096];
  dc_lua_resolve_path(L, lua_tostring(L, -1), path, sizeof path);
  lua_pushfstring(L, "require '%s'", name);
  FILE *f = dc_open_below(L, lua_tostring(L, -1), lua_tostring(L, -2), path);
  lua_pop(L, 1);
  if (!f)
    return dc_lua_error(L, "module '%s' not found: looked for %s beside the script "
                           "(only Lua files there can be required; no C modules)",
                        name, lua_tostring(L, -1));
  dc_host *h = host_of(L);
  int st = load_file_stream(h, f, path);
  if (st != DC_EXIT_OK) return lua_error(L);
  lua_pushstring(L, name);
  lua_call(L, 1, 1);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_pushboolean(L, 1);
  }
  lua_pushvalue(L, -1);
  lua_setfield(L, -4, name); /* loaded[name] = result */
  return 1;
}

static void build_sandbox(lua_State *L) {
  static const char *const base_names[] = {
    "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall",
    "print", "rawequal", "rawget", "rawlen", "rawset", "select",
    "setmetatable", "tonumber", "tostring", "type", "xpcall", "_VERSION", NULL};
  static const char *const libs[] = {"string", "table", "math", "utf8", "coroutine", NULL};
  static const char *const os_names[] = {"clock", "time", "date", "difftime", NULL};

  luaL_openlibs(L);
  lua_pushglobaltable(L); /* stack: real */
  lua_newtable(L);        /* stack: real, env */
  for (int i = 0; base_names[i]; i++) {
    lua_getfield(L, -2, base_names[i]);
    lua_setfield(L, -2, base_names[i]);
  }
  for (int i = 0; libs[i]; i++) {
    lua_getfield(L, -2, libs[i]);
    lua_setfield(L, -2, libs[i]);
  }
  /* string.dump is gone from the one string table (the string metatable's
     __index is that table, so ("").dump would reach it otherwise) */
  lua_getfield(L, -1, "string");
  lua_pushnil(L);
  lua_setfield(L, -2, "dump");
  set_forbidden_meta(L, -1, "string");
  lua_pop(L, 1);
  /* the string metatable is locked: getmetatable("") gives false */
  lua_pushliteral(L, "");
  if (lua_getmetatable(L, -1)) {
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  /* os: clock, time, date, difftime only */
  lua_getfield(L, -2, "os");
  lua_newtable(L); /* stack: real, env, realos, os */
  for (int i = 0; os_names[i]; i++) {
    lua_getfield(L, -2, os_names[i]);
    lua_setfield(L, -2, os_names[i]);
  }
  set_forbidden_meta(L, -1, "os");
  lua_setfield(L, -3, "os");
  lua_pop(L, 1);
  /* load, collectgarbage, require */
  lua_getfield(L, -2, "load");
  lua_pushcclosure(L, sandbox_load, 1);
  lua_setfield(L, -2, "load");
  lua_getfield(L, -2, "collectgarbage");
  lua_pushcclosure(L, sandbox_collectgarbage, 1);
  lua_setfield(L, -2, "collectgarbage");
  lua_pushcfunction(L, sandbox_require);
  lua_setfield(L, -2, "require");
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, "_G");
  set_forbidden_meta(L, -1, "");
  /* the environment becomes the global table: load() without an env, and
     every C function that looks up globals, sees only it */
  lua_rawseti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_pop(L, 1);
}

static void open_stdlib(lua_State *L) {
  for (int i = 0; dc_modules[i].name; i++) {
    lua_pushcfunction(L, dc_modules[i].open);
    lua_pushstring(L, dc_modules[i].name);
    lua_call(L, 1, 1);
    lua_setglobal(L, dc_modules[i].name);
  }
}

/* stack: - ; runs in protected mode from dc_host_new */
static int host_setup(lua_State *L) {
  dc_host *h = lua_touserdata(L, 1);
  if (h->opts.unsafe) luaL_openlibs(L);
  else build_sandbox(L);
  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, "decarb.loaded");
  lua_pushboolean(L, h->opts.unsafe);
  lua_setfield(L, LUA_REGISTRYINDEX, DC_REG_UNSAFE);
  lua_pushliteral(L, ".");
  lua_setfield(L, LUA_REGISTRYINDEX, DC_REG_SCRIPTDIR);
  lua_pushliteral(L, ""); /* the key, so that an error handler can set it */
  lua_setfield(L, LUA_REGISTRYINDEX, REG_TRACEBACK);
  /* Plans and series make many short-lived userdata (each arithmetic
     result); the generational collector handles those better. */
  lua_gc(L, LUA_GCGEN, 0, 0);
  /* deterministic output: the same seed every run */
  lua_getglobal(L, "math");
  lua_getfield(L, -1, "randomseed");
  lua_pushinteger(L, 20200);
  lua_call(L, 1, 0);
  lua_pop(L, 1);
  hook_coroutines(L);
  open_stdlib(L);
  return 0;
}

/* An error outside any protected call (the host's own set-up between
 * runs: pushing a string, setting a global) can only be memory running out.
 * Lua would abort; decarb ends with the limit's exit code instead. */
static int host_panic(lua_State *L) {
  const char *msg = lua_tostring(L, -1);
  fprintf(stderr, "decarb: %s\n", msg && strcmp(msg, "not enough memory") != 0
                                      ? msg : "out of memory (between two runs of the script)");
  fflush(stderr);
  run_cleanup();
  exit(msg && strcmp(msg, "not enough memory") != 0 ? DC_EXIT_RUNTIME : DC_EXIT_LIMIT);
}

dc_host *dc_host_new(const dc_host_opts *opts) {
  dc_host *h = calloc(1, sizeof *h);
  if (!h) return NULL;
  h->opts = *opts;
  if (h->opts.max_mem == 0) h->opts.max_mem = DC_DEFAULT_MAX_MEM;
  h->mem.cap = h->opts.max_mem;
  h->L = lua_newstate(host_alloc, h);
  if (!h->L) {
    free(h);
    return NULL;
  }
  lua_atpanic(h->L, host_panic);
  lua_pushcfunction(h->L, host_setup);
  lua_pushlightuserdata(h->L, h);
  if (lua_pcall(h->L, 1, 0, 0) != LUA_OK) {
    fprintf(stderr, "decarb: cannot set up Lua: %s\n", lua_tostring(h->L, -1));
    lua_close(h->L);
    dc_memcap_release(&h->mem);
    free(h);
    return NULL;
  }
  return h;
}

/* Closing a state runs the finalizers (__gc) of everything still alive, and
 * __close handlers left open, all of it script code: it runs under the same
 * limits as a run, measured afresh. Lua runs finalizers with hooks off and
 * swallows their errors, so a limit reached here cannot stop one finalizer
 * and carry on: the time limit ends the process from the timer (exit 5), and
 * a finalizer refused memory ends it once the state is closed. */
void dc_host_free(dc_host *h) {
  if (!h) return;
  if (running == h) {
    arm_timer(0);
    running = NULL;
  }
  int timed = !running && h->opts.timeout > 0;
  fflush(stdout);
  h->mem.hit = 0;
  h->mem.cap = h->opts.max_mem;
  closing = 1;
  if (timed) arm_timer(h->opts.timeout);
  lua_close(h->L);
  if (timed) arm_timer(0);
  closing = 0;
  int mem_hit = h->mem.hit;
  size_t cap = h->opts.max_mem;
  dc_memcap_release(&h->mem);
  free(h);
  if (mem_hit) {
    char amount[32];
    fmt_size(amount, sizeof amount, cap);
    fflush(stdout);
    fprintf(stderr, "memory limit of %s reached while closing the script (running its "
                    "__gc finalizers; raise it with --max-mem SIZE)\n", amount);
    run_cleanup();
    exit(DC_EXIT_LIMIT);
  }
}

lua_State *dc_host_state(dc_host *h) { return h->L; }
const dc_host_opts *dc_host_options(const dc_host *h) { return &h->opts; }

void dc_host_set_scriptdir(dc_host *h, const char *dir) {
  lua_pushstring(h->L, dir && *dir ? dir : ".");
  lua_setfield(h->L, LUA_REGISTRYINDEX, DC_REG_SCRIPTDIR);
}

void dc_host_set_scriptdir_of(dc_host *h, const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash) {
    dc_host_set_scriptdir(h, ".");
    return;
  }
  /* the folder as a Lua string: memory running out here ends the run
     (host_panic), never leaves the folder unset */
  lua_pushlstring(h->L, path, slash == path ? 1 : (size_t)(slash - path));
  lua_setfield(h->L, LUA_REGISTRYINDEX, DC_REG_SCRIPTDIR);
}
