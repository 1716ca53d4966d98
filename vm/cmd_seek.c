/* cmd_seek.c — `decarb seek FILE --target NAME [--vary MEASURE[.FIELD]]
 * [--lo X --hi Y] [--scenario S] [--format text|json]`: runs the script
 * once, then finds in C the value of the field at which the target is just
 * met (plan_seek.c); without --vary, what each measure alone would take.
 * Exit 0 a value found, 1 none in the range, 2 usage; 3-5 as for check. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "commands.h"
#include "dc_lua.h"
#include "fmt.h"
#include "host.h"
#include "plan_lua.h"
#include "plan_lua_int.h"
#include "plan_seek.h"
#include "run.h"

static const char seek_usage[] =
    "usage: decarb seek FILE --target NAME [--vary MEASURE[.FIELD]] [OPTIONS]\n"
    "Finds the value of a measure's field at which the target is just met.\n"
    "  --target NAME    the target to meet (required)\n"
    "  --vary M[.F]     the measure (or sector, technology) and its field:\n"
    "                   scale (default), start, full, stop, or a series field\n"
    "                   (abates, saves, factor, adds, hours, emissions, activity,\n"
    "                   capacity) as a factor on its values; without --vary: what\n"
    "                   each measure's scale alone would take\n"
    "  --lo X, --hi Y   the range searched (default 0 to 10, years: the plan's)\n"
    "  --scenario NAME  seek in scenario NAME (default: plan)\n"
    "  --format FMT     text (default) or json\n"
    "  common options: --timeout SEC (default 10), --max-mem SIZE, --unsafe,\n"
    "                  --no-color\n"
    "Exit: 0 a value found, 1 none in the range, 2 usage or I/O error,\n"
    "      3 syntax error, 4 runtime error, 5 time or memory limit.\n";

static int usage_fail(const char *fmt, const char *arg) {
  fputs("decarb seek: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\n(decarb seek --help for the options)\n", stderr);
  return DC_EXIT_USAGE;
}

typedef struct seek_job {
  const char *target, *vary, *scenario;
  int json, has_lo, has_hi;
  double lo, hi;
  int code;      /* the exit code */
  int usage;     /* 1 while resolving names: an error is a usage error */
} seek_job;

static void json_str(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
    else if (c < 0x20) fprintf(f, "\\u%04x", c);
    else fputc(c, f);
  }
  fputc('"', f);
}

static void json_num(FILE *f, double v) {
  char b[64];
  if (!isfinite(v)) fputs("null", f);
  else {
    dc_fmt_number(b, sizeof b, v, 17);
    fputs(b, f);
  }
}

static int found(dc_seek_status st) { return st == DC_SEEK_FOUND || st == DC_SEEK_ALWAYS_MET; }

/* --vary MEASURE or MEASURE.FIELD: the longest name before a dot that
 * names a measure, sector or technology of p, into name; *field its field
 * ("scale" when none). Raises an error when there is none. */
static void resolve_vary(lua_State *L, dc_plan *p, int s, const char *vary, char *name, size_t size,
                         const char **field) {
  enum dc_obj obj;
  *field = "scale";
  snprintf(name, size, "%s", vary);
  if (dc_plan_find_measure(p, name, s) >= 0 || dc_plan_find_object(p, name, &obj) >= 0) return;
  for (char *d = strrchr(name, '.'); d; d = strrchr(name, '.')) {
    *d = '\0';
    *field = vary + (d - name) + 1;
    if (dc_plan_find_measure(p, name, s) >= 0 || dc_plan_find_object(p, name, &obj) >= 0) break;
  }
  if (!strchr(vary, '.') || (dc_plan_find_measure(p, name, s) < 0 && dc_plan_find_object(p, name, &obj) < 0))
    dc_lua_error(L, "--vary '%s' names no measure, sector or technology of plan '%s'", vary, dc_plan_name(p));
}

/* Protected (from seek_run): the value of --vary's field at which the
 * target is just met. */
static void seek_vary(lua_State *L, dc_plan *p, int s, dc_plan_seek_spec *sp, seek_job *j) {
  char name[512], txt[800];
  const char *field;
  resolve_vary(L, p, s, j->vary, name, sizeof name, &field);
  dc_plan_lua__slot(L, p, name, field, s, &sp->slot, "--vary");
  int years = sp->slot.obj == DC_OBJ_MEASURE && sp->slot.field <= DC_FIELD_STOP;
  sp->lo = j->has_lo ? j->lo : years ? dc_plan_y0(p) : 0;
  sp->hi = j->has_hi ? j->hi : years ? dc_plan_y1(p) : 10;
  if (!(sp->lo < sp->hi)) dc_lua_error(L, "--lo must be below --hi");
  j->usage = 0;
  dc_plan_seek_out out;
  dc_seek_status st = dc_lua_plan_seek(L, 1, sp, &out);
  dc_plan_seek_text(p, sp, &out, txt, sizeof txt);
  if (j->json) {
    fputs("{\"evaluations\": ", stdout);
    printf("%d, \"field\": ", out.res.evals);
    json_str(stdout, field);
    fputs(", \"message\": ", stdout);
    json_str(stdout, txt);
    fputs(", \"plan\": ", stdout);
    json_str(stdout, dc_plan_name(p));
    fputs(", \"quantity\": ", stdout);
    json_num(stdout, out.quantity);
    fputs(", \"scenario\": ", stdout);
    json_str(stdout, dc_plan_scenario_name(p, s));
    fputs(", \"status\": ", stdout);
    json_str(stdout, dc_seek_status_name(st));
    fputs(", \"target\": ", stdout);
    json_str(stdout, j->target);
    fputs(", \"value\": ", stdout);
    json_num(stdout, found(st) ? out.res.x : NAN);
    fputs(", \"vary\": ", stdout);
    json_str(stdout, name);
    fputs("}\n", stdout);
  } else
    printf("%s\n", txt);
  j->code = found(st) ? DC_EXIT_OK : DC_EXIT_MISSED;
}

/* One measure's line of "what would it take" (its scale alone). */
static int seek_measure(lua_State *L, dc_plan *p, int m, size_t i, dc_plan_seek_spec *sp, const seek_job *j) {
  char txt[800];
  dc_plan_measure_info mi;
  dc_plan_measure_at(p, m, &mi);
  sp->slot = (dc_plan_slot){DC_OBJ_MEASURE, m, DC_FIELD_SCALE, 0};
  sp->lo = j->has_lo ? j->lo : 0;
  sp->hi = j->has_hi ? j->hi : 10;
  dc_plan_seek_out out;
  dc_seek_status st = dc_lua_plan_seek(L, 1, sp, &out);
  dc_plan_seek_text(p, sp, &out, txt, sizeof txt);
  if (!j->json) {
    printf("  %s: %s\n", mi.name, txt);
    return found(st);
  }
  fputs(i ? ", " : "", stdout);
  fputs("{\"measure\": ", stdout);
  json_str(stdout, mi.name);
  fputs(", \"message\": ", stdout);
  json_str(stdout, txt);
  fputs(", \"scale\": ", stdout);
  json_num(stdout, found(st) ? out.res.x : NAN);
  fputs(", \"shortfall\": ", stdout);
  json_num(stdout, found(st) ? NAN : -out.margin);
  fputs(", \"status\": ", stdout);
  json_str(stdout, dc_seek_status_name(st));
  fputs(", \"year\": ", stdout);
  if (out.year == DC_PLAN_NOYEAR) fputs("null", stdout);
  else printf("%d", out.year);
  fputs("}", stdout);
  return found(st);
}

/* Protected (from seek_run): what would it take, each measure's scale alone. */
static void seek_each(lua_State *L, dc_plan *p, int s, dc_plan_seek_spec *sp, seek_job *j) {
  j->usage = 0;
  size_t nm = dc_plan_nmeasures(p);
  int *order = lua_newuserdatauv(L, (nm ? nm : 1) * sizeof *order, 0);
  size_t k = dc_plan_measure_order(p, s, order);
  int any = 0;
  if (j->json) {
    fputs("{\"measures\": [", stdout);
  } else
    printf("What would it take: target '%s' of plan '%s' (scenario %s), each measure's scale alone\n", j->target,
           dc_plan_name(p), dc_plan_scenario_name(p, s));
  for (size_t i = 0; i < k; i++) any |= seek_measure(L, p, order[i], i, sp, j);
  if (j->json) {
    fputs("], \"plan\": ", stdout);
    json_str(stdout, dc_plan_name(p));
    fputs(", \"scenario\": ", stdout);
    json_str(stdout, dc_plan_scenario_name(p, s));
    fputs(", \"target\": ", stdout);
    json_str(stdout, j->target);
    fputs("}\n", stdout);
  }
  j->code = any ? DC_EXIT_OK : DC_EXIT_MISSED;
}

/* Protected: argument 1 the plan, 2 the job. */
static int seek_run(lua_State *L) {
  seek_job *j = lua_touserdata(L, 2);
  dc_plan *p = dc_lua_toplan(L, 1);
  int s = dc_plan_find_scenario(p, j->scenario);
  if (s < 0) dc_lua_error(L, "plan '%s' has no scenario '%s'", dc_plan_name(p), j->scenario);
  dc_plan_seek_spec sp;
  memset(&sp, 0, sizeof sp);
  sp.scenario = s;
  sp.target = dc_plan_find_target(p, j->target);
  if (j->vary) seek_vary(L, p, s, &sp, j);
  else seek_each(L, p, s, &sp, j);
  return 0;
}

static int parse_num(const char *v, double *out) {
  char *e = NULL;
  errno = 0;
  *out = strtod(v, &e);
  return *v && !*e && !errno && isfinite(*out) ? 0 : -1;
}

/* Parses argv into j and *file; returns -1 to go on, or the exit code. */
static int parse_args(int argc, char **argv, seek_job *j, const char **file) {
  int rest = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int what = dc_cmd_arg(a, &rest, file);
    if (what == DC_CMD_ARG_EXTRA) return usage_fail("one FILE only (got '%s' too)", a);
    if (what == DC_CMD_ARG_HELP) {
      fputs(seek_usage, stdout);
      return DC_EXIT_OK;
    }
    if (what == DC_CMD_ARG_DONE) continue;
    static const char *const known[] = {"--target", "--vary", "--lo", "--hi", "--scenario", "--format", NULL};
    char opt[DC_CMD_OPT_MAX];
    const char *val;
    int bad = dc_cmd_option(argc, argv, &i, known, opt, &val);
    if (bad) return usage_fail(bad == 1 ? "unknown option '%s'" : "%s needs a value", bad == 1 ? a : opt);
    if (strcmp(opt, "--target") == 0) j->target = val;
    else if (strcmp(opt, "--vary") == 0) j->vary = val;
    else if (strcmp(opt, "--scenario") == 0) j->scenario = val;
    else if (strcmp(opt, "--format") == 0) {
      if (strcmp(val, "json") == 0) j->json = 1;
      else if (strcmp(val, "text") != 0) return usage_fail("--format is text or json, not '%s'", val);
    } else if (strcmp(opt, "--lo") == 0) {
      if (parse_num(val, &j->lo)) return usage_fail("--lo wants a number, not '%s'", val);
      j->has_lo = 1;
    } else {
      if (parse_num(val, &j->hi)) return usage_fail("--hi wants a number, not '%s'", val);
      j->has_hi = 1;
    }
  }
  if (!*file) return usage_fail("%s", "no FILE given");
  if (!j->target) return usage_fail("%s", "--target NAME is needed (the target to meet)");
  if (j->has_lo && j->has_hi && !(j->lo < j->hi)) return usage_fail("%s", "--lo must be below --hi");
  return -1;
}

/* stack: ... -> ..., plans, plan: the first plan the script made with the
 * target (0, and the stack as it was, when none has it). */
static int push_plan_with(lua_State *L, const char *target) {
  int top = lua_gettop(L);
  if (lua_getfield(L, LUA_REGISTRYINDEX, DC_REG_PLANS) == LUA_TTABLE) {
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= n; i++) {
      lua_rawgeti(L, -1, i);
      dc_plan *p = dc_lua_toplan(L, -1);
      if (p && dc_plan_find_target(p, target) >= 0) return 1;
      lua_pop(L, 1);
    }
  }
  lua_settop(L, top);
  return 0;
}

int dc_cmd_seek(int argc, char **argv, const dc_host_opts *opts) {
  seek_job j;
  memset(&j, 0, sizeof j);
  j.scenario = "plan";
  const char *file = NULL;
  int code = parse_args(argc, argv, &j, &file);
  if (code >= 0) return code;
  dc_host_opts ho = *opts;
  if (ho.timeout <= 0) ho.timeout = 10.0;
  dc_host *h = dc_run_host_new(&ho);
  if (!h) {
    fprintf(stderr, "decarb seek: out of memory\n");
    return DC_EXIT_LIMIT;
  }
  lua_State *L = dc_host_state(h);
  code = dc_host_loadfile(h, file);
  if (code == DC_EXIT_OK) code = dc_host_call(h, 0, 0);
  if (code != DC_EXIT_OK) {
    dc_host_report(h);
    dc_host_free(h);
    return code;
  }
  int found_plan = push_plan_with(L, j.target);
  if (!found_plan) {
    fprintf(stderr, "decarb seek: %s has no plan with a target '%s'\n", file, j.target);
    dc_host_free(h);
    return DC_EXIT_USAGE;
  }
  int pi = lua_gettop(L);
  lua_pushcfunction(L, seek_run);
  lua_pushvalue(L, pi);
  lua_pushlightuserdata(L, &j);
  j.usage = 1;
  code = dc_host_call(h, 2, 0);
  if (code != DC_EXIT_OK) {
    if (j.usage && code == DC_EXIT_RUNTIME) {
      const char *msg = lua_tostring(L, -1);
      fprintf(stderr, "decarb seek: %s\n", msg ? msg : "bad arguments");
      code = DC_EXIT_USAGE;
    } else
      dc_host_report(h);
  } else
    code = j.code;
  fflush(stdout);
  dc_host_free(h);
  return code;
}
