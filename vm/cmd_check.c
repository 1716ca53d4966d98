/* cmd_check.c — `decarb check [OPTIONS] FILE...`: runs each script in its
 * own sandboxed host (10 s time limit unless --timeout says otherwise),
 * evaluates every plan it created, writes one report and sets the exit code
 * (0 all targets met, 1 one missed, 2 usage/IO, 3 syntax, 4 runtime, 5 limit). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>

#include "commands.h"
#include "host.h"
#include "plan_lua.h"
#include "report.h"

#define CHECK_DEFAULT_TIMEOUT 10.0

static const char check_usage[] =
    "usage: decarb check [OPTIONS] FILE...\n"
    "Evaluates every plan the files define and reports each target's verdict.\n"
    "  --format FMT     text (default), json, csv, tap or junit\n"
    "  --output FILE    write the report to FILE (whole or not at all)\n"
    "  --scenario NAME  judge the targets in scenario NAME (default: plan)\n"
    "  --years A:B      show only years A to B, or A alone (verdicts are unchanged)\n"
    "  common options: --timeout SEC (default 10 for check), --max-mem SIZE,\n"
    "                  --unsafe, --no-color\n"
    "Exit: 0 every target met, 1 a target missed, 2 usage or I/O error,\n"
    "      3 syntax error, 4 runtime error, 5 time or memory limit.\n";

static int usage_fail(const char *fmt, const char *arg) {
  fputs("decarb check: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\n(decarb check --help for the options)\n", stderr);
  return DC_EXIT_USAGE;
}

/* print() while checking: the same words as Lua's print, on standard error,
 * so that the report on standard output stays whole (and machine-readable
 * for --format json, csv, tap and junit). */
static int check_print(lua_State *L) {
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) {
    size_t len;
    const char *s = luaL_tolstring(L, i, &len);
    if (i > 1) fputc('\t', stderr);
    fwrite(s, 1, len, stderr);
    lua_pop(L, 1);
  }
  fputc('\n', stderr);
  fflush(stderr);
  return 0;
}

/* Evaluates every scenario of every plan the script created; returns the
 * list of plans. Runs inside dc_host_call, so limits and file:line apply.
 * upvalue 1: the scenario to judge (checked to exist first). */
static int check_collect(lua_State *L) {
  const char *want = lua_tostring(L, lua_upvalueindex(1));
  if (lua_getfield(L, LUA_REGISTRYINDEX, DC_REG_PLANS) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
  }
  int list = lua_gettop(L);
  lua_Integer n = (lua_Integer)lua_rawlen(L, list);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, list, i);
    dc_plan *p = dc_lua_toplan(L, -1);
    if (p && dc_plan_find_scenario(p, want) < 0) /* checked by the caller first */
      return luaL_error(L, "plan '%s' has no scenario '%s'", dc_plan_name(p), want);
    for (size_t s = 0; p && s < dc_plan_nscenarios(p); s++) dc_lua_plan_evaluate(L, -1, (int)s);
    lua_pop(L, 1);
  }
  return 1;
}

/* 1 (with a message) when a plan the script created lacks the scenario. */
static int missing_scenario(lua_State *L, const char *file, const char *want) {
  int bad = 0;
  if (lua_getfield(L, LUA_REGISTRYINDEX, DC_REG_PLANS) == LUA_TTABLE) {
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= n && !bad; i++) {
      lua_rawgeti(L, -1, i);
      dc_plan *p = dc_lua_toplan(L, -1);
      if (p && dc_plan_find_scenario(p, want) < 0) {
        fprintf(stderr, "decarb check: %s: plan '%s' has no scenario '%s' (it has:", file, dc_plan_name(p), want);
        for (size_t s = 0; s < dc_plan_nscenarios(p); s++)
          fprintf(stderr, "%s %s", s ? "," : "", dc_plan_scenario_name(p, (int)s));
        fprintf(stderr, ")\n");
        bad = 1;
      }
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  return bad;
}

static char *dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  size_t n = slash ? (size_t)(slash - path) : 1;
  char *d = malloc(n + 1);
  if (!d) return NULL;
  if (slash) {
    memcpy(d, path, n ? n : 1);
    d[n ? n : 1] = '\0';
  } else
    strcpy(d, ".");
  return d;
}

/* Writes the report to path via a temporary file beside it and rename(). */
static int write_whole(const char *path, const dc_report_plan *rp, size_t n, const dc_report_opts *ro) {
  size_t len = strlen(path) + 16;
  char *tmp = malloc(len);
  if (!tmp) return -1;
  snprintf(tmp, len, "%s.tmpXXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    fprintf(stderr, "decarb check: cannot write '%s': %s\n", path, strerror(errno));
    free(tmp);
    return -1;
  }
  FILE *f = fdopen(fd, "w");
  int bad = !f || dc_report_write(f, rp, n, ro) != 0;
  if (f) bad |= fflush(f) != 0 || fsync(fileno(f)) != 0;
  if (f) bad |= fclose(f) != 0;
  else close(fd);
  if (!bad && rename(tmp, path) != 0) bad = 1;
  if (bad) {
    fprintf(stderr, "decarb check: cannot write '%s': %s\n", path, strerror(errno));
    unlink(tmp);
  }
  free(tmp);
  return bad ? -1 : 0;
}

int dc_cmd_check(int argc, char **argv, const dc_host_opts *opts) {
  dc_report_opts ro = {DC_REPORT_TEXT, 0, 0, 0};
  const char *output = NULL, *scenario = "plan";
  int nfiles = 0, rest = 0;
  char **files = calloc((size_t)argc + 1, sizeof *files);
  if (!files) return DC_EXIT_USAGE;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (rest || a[0] != '-' || a[1] == '\0') {
      files[nfiles++] = argv[i];
      continue;
    }
    if (strcmp(a, "--") == 0) {
      rest = 1;
      continue;
    }
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(check_usage, stdout);
      free(files);
      return DC_EXIT_OK;
    }
    const char *val = NULL, *eq = strchr(a, '=');
    char opt[32];
    size_t ol = eq ? (size_t)(eq - a) : strlen(a);
    if (ol >= sizeof opt) ol = sizeof opt - 1;
    memcpy(opt, a, ol);
    opt[ol] = '\0';
    int known = strcmp(opt, "--format") == 0 || strcmp(opt, "--output") == 0 ||
                strcmp(opt, "--scenario") == 0 || strcmp(opt, "--years") == 0;
    if (!known) {
      free(files);
      return usage_fail("unknown option '%s'", a);
    }
    if (eq) val = eq + 1;
    else if (i + 1 < argc) val = argv[++i];
    else {
      free(files);
      return usage_fail("%s needs a value", opt);
    }
    if (strcmp(opt, "--format") == 0) {
      if (dc_report_format_parse(val, &ro.format)) {
        free(files);
        return usage_fail("unknown format '%s' (text, json, csv, tap or junit)", val);
      }
    } else if (strcmp(opt, "--output") == 0) output = val;
    else if (strcmp(opt, "--scenario") == 0) scenario = val;
    else {
      int a0, a1, used = 0;
      if (sscanf(val, "%d%n", &a0, &used) == 1 && val[used] == '\0') a1 = a0; /* one year */
      else if (used = 0, sscanf(val, "%d:%d%n", &a0, &a1, &used) != 2 || val[used] != '\0' || a0 > a1) {
        free(files);
        return usage_fail("--years wants A:B with A <= B, such as 2020:2030, or one year, not '%s'", val);
      }
      ro.y0 = a0;
      ro.y1 = a1;
    }
  }
  if (!nfiles) {
    free(files);
    return usage_fail("%s", "no FILE given");
  }

  dc_host_opts ho = *opts;
  if (ho.timeout <= 0) ho.timeout = CHECK_DEFAULT_TIMEOUT;
  ro.color = opts->color && !output && ro.format == DC_REPORT_TEXT;

  dc_host **hosts = calloc((size_t)nfiles, sizeof *hosts);
  dc_report_plan *rp = NULL;
  size_t nrp = 0, cap = 0;
  int code = DC_EXIT_OK;
  if (!hosts) code = DC_EXIT_USAGE;
  for (int k = 0; k < nfiles && code == DC_EXIT_OK; k++) {
    dc_host *h = hosts[k] = dc_host_new(&ho);
    if (!h) {
      fprintf(stderr, "decarb check: cannot create a Lua state\n");
      code = DC_EXIT_USAGE;
      break;
    }
    lua_State *L = dc_host_state(h);
    lua_pushcfunction(L, check_print);
    lua_setglobal(L, "print");
    char *dir = dir_of(files[k]);
    if (dir) dc_host_set_scriptdir(h, dir);
    free(dir);
    code = dc_host_loadfile(h, files[k]);
    if (code == DC_EXIT_OK) code = dc_host_call(h, 0, 0);
    if (code == DC_EXIT_OK && missing_scenario(L, files[k], scenario)) {
      code = DC_EXIT_USAGE; /* message printed */
      break;
    }
    if (code == DC_EXIT_OK) {
      lua_pushstring(L, scenario);
      lua_pushcclosure(L, check_collect, 1);
      code = dc_host_call(h, 0, 1);
    }
    if (code != DC_EXIT_OK) {
      dc_host_report(h);
      break;
    }
    /* the list stays on the stack (and in the registry): plans stay alive */
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    if (n == 0) {
      fprintf(stderr, "decarb check: %s defines no plan (create one with plan{ \"name\", years = {2020, 2035} })\n",
              files[k]);
      code = DC_EXIT_USAGE;
      break;
    }
    for (lua_Integer i = 1; i <= n; i++) {
      lua_rawgeti(L, -1, i);
      dc_plan *p = dc_lua_toplan(L, -1);
      lua_pop(L, 1);
      if (!p) continue;
      if (nrp == cap) {
        size_t nc = cap ? cap * 2 : 8;
        dc_report_plan *r = realloc(rp, nc * sizeof *r);
        if (!r) {
          code = DC_EXIT_USAGE;
          break;
        }
        rp = r;
        cap = nc;
      }
      if ((ro.y0 || ro.y1) && (ro.y1 < dc_plan_y0(p) || ro.y0 > dc_plan_y1(p))) {
        fprintf(stderr, "decarb check: --years %d:%d is outside plan '%s' (%d-%d)\n", ro.y0, ro.y1,
                dc_plan_name(p), dc_plan_y0(p), dc_plan_y1(p));
        code = DC_EXIT_USAGE;
        break;
      }
      rp[nrp].plan = p;
      rp[nrp].file = files[k];
      rp[nrp].scenario = dc_plan_find_scenario(p, scenario);
      nrp++;
    }
  }
  if (code == DC_EXIT_OK) {
    if (output) {
      if (write_whole(output, rp, nrp, &ro)) code = DC_EXIT_USAGE;
    } else if (dc_report_write(stdout, rp, nrp, &ro) || fflush(stdout)) {
      fprintf(stderr, "decarb check: cannot write the report: %s\n", strerror(errno));
      code = DC_EXIT_USAGE;
    }
    if (code == DC_EXIT_OK) {
      int met, total;
      dc_report_count(rp, nrp, &met, &total);
      code = met == total ? DC_EXIT_OK : DC_EXIT_MISSED;
    }
  }
  for (int k = 0; hosts && k < nfiles; k++)
    if (hosts[k]) dc_host_free(hosts[k]);
  free(hosts);
  free(rp);
  free(files);
  return code;
}
