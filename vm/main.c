/* main.c — the decarb command line: options, subcommands, running a script,
 * a -e chunk or standard input, and exit codes. Not the host (host.c) nor the
 * subcommands themselves (cmd_*.c). */
#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "host.h"
#include "guard.h"
#include "repl.h"
#include "term.h"

#define DECARB_VERSION "0.1.0"

static const char usage_text[] =
  "usage: decarb [OPTIONS] [FILE [ARGS...]]\n"
  "       decarb [OPTIONS] -e CHUNK [-e CHUNK...] [FILE [ARGS...]]\n"
  "       decarb check [OPTIONS] FILE...\n"
  "       decarb chart [OPTIONS] FILE\n"
  "       decarb explain [OPTIONS] FILE\n"
  "       decarb diff [OPTIONS] OLD NEW\n"
  "       decarb merge [--format FMT] FILE.jsonl...\n"
  "       decarb seek FILE --target NAME [--vary MEASURE[.FIELD]] [OPTIONS]\n"
  "       decarb units [EXPR [UNIT]]\n"
  "       decarb factors [QUERY]\n"
  "\n"
  "With no FILE: the REPL on a terminal, a script from standard input otherwise.\n"
  "\n"
  "  FILE [ARGS]      run a script; ARGS are in the table `arg` (and in `...`)\n"
  "  -                run the script on standard input\n"
  "  -e CHUNK         run a chunk of Lua: decarb -e 'print(q\"1 tce\":to\"kWh\")'\n"
  "  -i               the REPL, even when standard input is not a terminal\n"
  "  check            evaluate every plan the files define (decarb check --help)\n"
  "  chart            one chart of a plan as SVG (decarb chart --help)\n"
  "  explain          why each target is met or missed, term by term\n"
  "  diff             what changed between two versions of a plan or report\n"
  "  merge            one report of the JSON lines of several checks (shards)\n"
  "  seek             how much of a measure meets a target (decarb seek --help)\n"
  "  units            list units, or convert: decarb units \"1 tce\" kWh\n"
  "  factors          list the reference data, with sources\n"
  "\n"
  "common options:\n"
  "  --timeout SEC    stop a run after SEC seconds (no limit by default; 10 s for check)\n"
  "  --max-mem SIZE   memory for the script, e.g. 256M, 1G (default 1G)\n"
  "  --unsafe         full Lua (io, os, debug, C modules): for trusted scripts only\n"
  "  --no-color       no colour even on a terminal (NO_COLOR is honoured too)\n"
  "  -h, --help       this help\n"
  "  -v, -V, --version  version\n"
  "\n"
  "exit codes: 0 ok / all targets met, 1 a target missed, 2 usage or I/O error,\n"
  "3 syntax or load error, 4 runtime error (unit mismatch included),\n"
  "5 time or memory limit reached, 130 interrupted (Ctrl-C).\n";

static int usage_error(const char *fmt, const char *what) {
  fprintf(stderr, "decarb: ");
  fprintf(stderr, fmt, what);
  fprintf(stderr, "\n(decarb --help lists the options)\n");
  return DC_EXIT_USAGE;
}

/* Parses one common option at argv[*i]; returns 1 if it was one (and
 * advances *i past its value), 0 if not, -1 on a bad value (reported). */
static int common_option(int argc, char **argv, int *i, dc_host_opts *o, int *no_color) {
  const char *a = argv[*i];
  if (strcmp(a, "--unsafe") == 0) { o->unsafe = 1; return 1; }
  if (strcmp(a, "--no-color") == 0) { *no_color = 1; return 1; }
  int is_t = strncmp(a, "--timeout", 9) == 0 && (a[9] == '\0' || a[9] == '=');
  int is_m = strncmp(a, "--max-mem", 9) == 0 && (a[9] == '\0' || a[9] == '=');
  if (!is_t && !is_m) return 0;
  const char *val = a[9] == '=' ? a + 10 : NULL;
  if (!val) {
    if (*i + 1 >= argc) {
      usage_error("%s needs a value", a);
      return -1;
    }
    val = argv[++*i];
  }
  if (is_t && dc_parse_seconds(val, &o->timeout) != 0) {
    usage_error("--timeout needs a positive number of seconds (e.g. --timeout 10), not '%s'", val);
    return -1;
  }
  if (is_m && (dc_parse_size(val, &o->max_mem) != 0 || o->max_mem < ((size_t)1 << 20))) {
    usage_error("--max-mem needs a size of at least 1M (e.g. 256M, 1G), not '%s'", val);
    return -1;
  }
  return 1;
}

static dc_host *new_host(const dc_host_opts *o) {
  dc_host *h = dc_host_new(o);
  if (!h) fprintf(stderr, "decarb: out of memory: cannot create the Lua state\n");
  return h;
}

/* Reports a failed load or call (message on the stack) and maps the code. */
static int fail(dc_host *h, int code) {
  dc_host_report(h);
  return code;
}

static int run_chunk(dc_host *h, const char *buf, size_t len, const char *name) {
  int st = dc_host_load(h, buf, len, name);
  if (st != DC_EXIT_OK) return fail(h, st);
  st = dc_host_call(h, 0, 0);
  if (st != DC_EXIT_OK) return fail(h, st);
  return DC_EXIT_OK;
}

/* The global `arg`: arg[0] the script, arg[1..] its arguments, negative
 * indices the words before it, as lua.c does. */
static void set_arg(dc_host *h, char **argv, int argc, int script) {
  lua_State *L = dc_host_state(h);
  lua_createtable(L, argc - script, script + 1);
  for (int i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i - script);
  }
  lua_setglobal(L, "arg");
}

static int run_file(dc_host *h, char **argv, int argc, int script) {
  const char *path = argv[script];
  lua_State *L = dc_host_state(h);
  set_arg(h, argv, argc, script);
  int st;
  dc_host_set_scriptdir_of(h, path);
  st = dc_host_loadfile(h, path);
  if (st != DC_EXIT_OK) return fail(h, st);
  int nargs = argc - script - 1;
  luaL_checkstack(L, nargs + 1, "too many arguments");
  for (int i = script + 1; i < argc; i++) lua_pushstring(L, argv[i]);
  st = dc_host_call(h, nargs, 0);
  if (st != DC_EXIT_OK) return fail(h, st);
  return DC_EXIT_OK;
}

static int run_stdin(dc_host *h) {
  int st = dc_host_loadstream(h, stdin, "=stdin");
  if (st != DC_EXIT_OK) return fail(h, st);
  st = dc_host_call(h, 0, 0);
  if (st != DC_EXIT_OK) return fail(h, st);
  return DC_EXIT_OK;
}

/* The subcommands: a new one is one line here (and its vm/cmd_*.c). */
typedef struct command {
  const char *name;
  int (*run)(int argc, char **argv, const dc_host_opts *opts);
} command;

static const command commands[] = {
  {"check", dc_cmd_check},
  {"chart", dc_cmd_chart},
  {"merge", dc_cmd_merge},
  {"seek", dc_cmd_seek},
  {"units", dc_cmd_units},
  {"factors", dc_cmd_factors},
  {"explain", dc_cmd_explain},
  {"diff", dc_cmd_diff},
};

static const command *find_command(const char *name) {
  for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
    if (strcmp(commands[k].name, name) == 0) return &commands[k];
  return NULL;
}

/* argv[0] is the subcommand; the common options may stand anywhere among
 * its own words (before a "--"), and are taken out before it runs. */
static int run_command(const command *cmd, int argc, char **argv, dc_host_opts *o, int no_color) {
  char **sub = malloc(sizeof(char *) * (size_t)(argc + 1));
  int n = 0, rest = 0;
  if (!sub) {
    fprintf(stderr, "decarb: out of memory\n");
    return DC_EXIT_LIMIT;
  }
  for (int j = 0; j < argc; j++) {
    if (!rest && j > 0) {
      if (strcmp(argv[j], "--") == 0) { rest = 1; sub[n++] = argv[j]; continue; }
      int r = common_option(argc, argv, &j, o, &no_color);
      if (r < 0) { free(sub); return DC_EXIT_USAGE; }
      if (r > 0) continue;
    }
    sub[n++] = argv[j];
  }
  sub[n] = NULL;
  o->color = dc_term_color(1, no_color);
  int code = cmd->run(n, sub, o);
  free(sub);
  fflush(stdout);
  return code;
}

int main(int argc, char **argv) {
  dc_host_opts o = {0};
  int no_color = 0, interactive = 0, i = 1;
  int first_e = 0, n_e = 0;

  /* options before the script or subcommand */
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(usage_text, stdout);
      return DC_EXIT_OK;
    }
    if (strcmp(a, "-v") == 0 || strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
      printf("decarb %s (%s)\n", DECARB_VERSION, LUA_RELEASE);
      return DC_EXIT_OK;
    }
    if (strcmp(a, "-e") == 0) {
      if (i + 1 >= argc) return usage_error("%s needs a chunk of Lua", "-e");
      if (!first_e) first_e = i;
      n_e++;
      i++;
      continue;
    }
    if (strcmp(a, "-i") == 0) { interactive = 1; continue; }
    if (strcmp(a, "--") == 0) { i++; break; }
    int r = common_option(argc, argv, &i, &o, &no_color);
    if (r < 0) return DC_EXIT_USAGE;
    if (r > 0) continue;
    if (a[0] == '-' && a[1] != '\0') return usage_error("unknown option '%s'", a);
    break;
  }
  o.color = dc_term_color(1, no_color);

  const command *cmd = i < argc && n_e == 0 && !interactive ? find_command(argv[i]) : NULL;
  if (cmd) return run_command(cmd, argc - i, argv + i, &o, no_color);

  dc_host *h = new_host(&o);
  if (!h) return DC_EXIT_LIMIT;
  dc_host_catch_sigint(h);
  int code = DC_EXIT_OK;

  for (int j = first_e; n_e > 0 && j < i && code == DC_EXIT_OK; j++) {
    if (strcmp(argv[j], "-e") != 0) continue;
    code = run_chunk(h, argv[j + 1], strlen(argv[j + 1]), "=(command line)");
    j++;
  }
  if (code == DC_EXIT_OK) {
    if (i < argc && strcmp(argv[i], "-") != 0) {
      code = run_file(h, argv, argc, i);
    } else if (i < argc || (n_e == 0 && !interactive && !isatty(0))) {
      if (i < argc) set_arg(h, argv, argc, i);
      code = run_stdin(h);
    } else if (interactive || n_e == 0) {
      code = dc_repl_run(h, isatty(0) && isatty(1));
    }
  }
  if (fflush(stdout) != 0 && code == DC_EXIT_OK) {
    fprintf(stderr, "decarb: cannot write standard output\n");
    code = DC_EXIT_USAGE;
  }
  dc_host_free(h);
  return code;
}
