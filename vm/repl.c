/* repl.c — the interactive loop: readline (callback interface, so that Ctrl-C
 * at the prompt is ours), history, multi-line chunks, printing values, the
 * colon commands and completion. On a pipe the same loop reads lines without
 * prompts, so sessions are tested from files. Helpers without a terminal are
 * in replkit.c, the value printer in pretty.c. */
#include "repl.h"

#include <errno.h>
#include <lauxlib.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "chart.h"
#include "commands.h"
#include "dc_lua.h"
#include "explain.h"
#include "plan.h"
#include "plan_lua.h"
#include "montecarlo.h"
#include "pretty.h"
#include "random.h"
#include "report.h"
#include "run.h"
#include "series_lua.h"
#include "replkit.h"
#include "term.h"

/* Exit code of a chunk stopped by Ctrl-C (as main.c: 128 + SIGINT). */
/* Entries kept in the history file. */
#define HISTORY_MAX 1000
#define CHUNKNAME "=stdin"

typedef struct repl {
  dc_host *orig; /* the host main() made (and frees) */
  dc_host *h;    /* the host in use: orig, or a fresh one after :reset */
  int interactive;
  int color;
  int code; /* exit code of the last failed chunk (piped sessions) */
  int quit;
  char *chunk; /* the chunk being typed, lines joined by '\n' */
  size_t len, cap;
  char *hist; /* history file, or NULL */
} repl;

/* The session readline's callbacks work on. */
static repl *current;

enum { READ_LINE, READ_EOF, READ_INTERRUPT };
enum { EVAL_DONE, EVAL_MORE };

static void say_error(repl *r, int code, const char *fmt, ...) {
  va_list ap;
  fflush(stdout);
  if (r->color) fputs(DC_RED, stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  if (r->color) fputs(DC_RESET, stderr);
  fputc('\n', stderr);
  fflush(stderr);
  r->code = code;
}

/* ================================================================== */
/* Running chunks and showing values                                   */
/* ================================================================== */

/* Reports the error message on the stack and remembers its exit code. A
 * traceback whose one frame is the typed chunk itself tells nothing the
 * message does not: it is left out. */
static void fail(repl *r, int code) {
  const char *only = dc_host_error_chunk(r->h);
  fflush(stdout);
  if (code == DC_EXIT_INTERRUPT && r->interactive) fputc('\n', stderr); /* after the ^C echo */
  if (only && strcmp(only, "stdin") == 0) dc_host_report_message(r->h);
  else dc_host_report(r->h);
  r->code = code;
}

/* stack: values -> their text (run through the host's door: __tostring is
 * script code and gets the same limits as the chunk). */
static int show_values(lua_State *L) {
  dc_pretty_push_values(L, 1, lua_gettop(L), NULL);
  return 1;
}

/* stack: n results -> (popped) printed on stdout, the first kept in _. */
static void show(repl *r, int n) {
  lua_State *L = dc_host_state(r->h);
  if (n <= 0) return;
  luaL_checkstack(L, 4, NULL);
  if (!lua_isnil(L, -n)) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushliteral(L, "_");
    lua_pushvalue(L, -n - 2);
    lua_rawset(L, -3);
    lua_pop(L, 1);
  }
  lua_pushcfunction(L, show_values);
  lua_insert(L, -n - 1);
  int st = dc_host_call(r->h, n, 1);
  if (st != DC_EXIT_OK) {
    fail(r, st);
    return;
  }
  size_t len;
  const char *s = lua_tolstring(L, -1, &len);
  fwrite(s, 1, len, stdout);
  fputc('\n', stdout);
  fflush(stdout);
  lua_pop(L, 1);
}

static int chunk_append(repl *r, const char *line) {
  size_t n = strlen(line);
  size_t need = r->len + n + 2;
  if (need > r->cap) {
    size_t cap = r->cap ? r->cap : 256;
    while (cap < need) cap *= 2;
    char *c = realloc(r->chunk, cap);
    if (!c) return -1;
    r->chunk = c;
    r->cap = cap;
  }
  if (r->len) r->chunk[r->len++] = '\n';
  memcpy(r->chunk + r->len, line, n);
  r->len += n;
  r->chunk[r->len] = '\0';
  return 0;
}

/* Runs the chunk typed so far: as an expression if "return " + chunk
 * loads, else as statements. EVAL_MORE when it is not finished yet (unless
 * final: the input has ended, so report it). */
static int eval(repl *r, int final) {
  lua_State *L = dc_host_state(r->h);
  int top = lua_gettop(L), expr = 0, more = 0, st;
  char *ret = malloc(r->len + 8);
  if (!ret) {
    say_error(r, DC_EXIT_LIMIT, "decarb: out of memory");
    return EVAL_DONE;
  }
  memcpy(ret, "return ", 7);
  memcpy(ret + 7, r->chunk, r->len + 1);
  st = dc_host_load(r->h, ret, r->len + 7, CHUNKNAME);
  free(ret);
  if (st == DC_EXIT_OK) {
    expr = 1;
  } else {
    size_t ml;
    const char *m = lua_tolstring(L, -1, &ml);
    more = st == DC_EXIT_SYNTAX && dc_repl_incomplete(m, ml);
    lua_pop(L, 1);
    st = dc_host_load(r->h, r->chunk, r->len, CHUNKNAME);
    if (st != DC_EXIT_OK) {
      m = lua_tolstring(L, -1, &ml);
      if (!final && st == DC_EXIT_SYNTAX && (more || dc_repl_incomplete(m, ml))) {
        lua_settop(L, top);
        return EVAL_MORE;
      }
      fail(r, st);
      lua_settop(L, top);
      return EVAL_DONE;
    }
  }
  st = dc_host_call(r->h, 0, LUA_MULTRET);
  if (st != DC_EXIT_OK) {
    fail(r, st);
    lua_settop(L, top);
    return EVAL_DONE;
  }
  show(r, lua_gettop(L) - top);
  lua_settop(L, top);
  char names[160];
  if (!expr && dc_repl_local_names(r->chunk, r->len, names, sizeof names) > 0) {
    fflush(stdout);
    fprintf(stderr, "note: 'local %s' lasts only for this chunk; drop 'local' to keep %s\n",
            names, names);
    fflush(stderr);
  }
  return EVAL_DONE;
}

/* ================================================================== */
/* Colon commands                                                      */
/* ================================================================== */

static void cmd_load(repl *r, const char *file) {
  lua_State *L = dc_host_state(r->h);
  if (!*file) {
    say_error(r, DC_EXIT_USAGE, ":load needs a file name, e.g. :load examples/zhangye.lua");
    return;
  }
  int top = lua_gettop(L);
  lua_getfield(L, LUA_REGISTRYINDEX, DC_REG_SCRIPTDIR);
  char *saved = strdup(lua_isstring(L, -1) ? lua_tostring(L, -1) : ".");
  lua_pop(L, 1);
  /* require and the data loaders resolve beside the file while it runs */
  dc_host_set_scriptdir_of(r->h, file);
  int st = dc_host_loadfile(r->h, file);
  if (st == DC_EXIT_OK) st = dc_host_call(r->h, 0, LUA_MULTRET);
  dc_host_set_scriptdir(r->h, saved ? saved : ".");
  free(saved);
  if (st != DC_EXIT_OK) fail(r, st);
  else show(r, lua_gettop(L) - top);
  lua_settop(L, top);
}

/* :units [TEXT]: the listing of `decarb units` (dc_units_list), filtered */
static void cmd_units(const char *filter) {
  if (dc_units_list(stdout, *filter ? filter : NULL, 0) == 0)
    printf("no unit's name or kind contains '%s' (:units alone lists them all)\n", filter);
  fflush(stdout);
}

static void cmd_reset(repl *r) {
  dc_host *nh = dc_host_new(dc_host_options(r->h));
  if (!nh) {
    say_error(r, DC_EXIT_LIMIT, "decarb: cannot make a fresh Lua state (out of memory?); "
                                "the session goes on as it was");
    return;
  }
  /* main() frees the host it made; a later one is ours to free */
  if (r->h != r->orig) dc_host_free(r->h);
  r->h = nh;
  dc_host_catch_sigint(nh);
  printf("a fresh session: every global you defined is gone\n");
  fflush(stdout);
}

/* Protected: the plans :check reports (the pipeline of run.c evaluates them).
 * arg 1: a plan, or nil for every plan the session created (the registry's
 * list; of plans with the same name only the newest, so a plan typed again
 * replaces the old one). Returns them as a sequence, oldest first. */
static int check_collect(lua_State *L) {
  lua_settop(L, 1);
  lua_newtable(L); /* stack: arg, out */
  lua_Integer n = 0;
  if (!lua_isnil(L, 1)) {
    lua_pushvalue(L, 1);
    lua_rawseti(L, 2, ++n);
  } else {
    if (lua_getfield(L, LUA_REGISTRYINDEX, DC_REG_PLANS) != LUA_TTABLE) {
      lua_pop(L, 1);
      lua_newtable(L);
    }
    lua_newtable(L); /* stack: arg, out, list, names seen */
    for (lua_Integer i = (lua_Integer)lua_rawlen(L, 3); i >= 1; i--) {
      lua_rawgeti(L, 3, i);
      dc_plan *p = dc_lua_toplan(L, -1);
      if (!p || lua_getfield(L, 4, dc_plan_name(p)) != LUA_TNIL) {
        lua_pop(L, p ? 2 : 1);
        continue;
      }
      lua_pop(L, 1);
      lua_pushboolean(L, 1);
      lua_setfield(L, 4, dc_plan_name(p));
      lua_rawseti(L, 2, ++n); /* newest first for now */
    }
    lua_settop(L, 2);
    for (lua_Integer i = 1, j = n; i < j; i++, j--) { /* oldest first */
      lua_rawgeti(L, 2, i);
      lua_rawgeti(L, 2, j);
      lua_rawseti(L, 2, i);
      lua_rawseti(L, 2, j);
    }
  }
  return 1;
}

/* :check's options before EXPR: --samples N (or A:B) and --seed S, read by
 * the parsers of `decarb check` (random.h), as --opt VALUE or --opt=VALUE.
 * Moves *what past them; 0, or -1 with the error said. */
static int check_options(repl *r, const char **what, dc_run_opts *o) {
  const char *s = *what;
  char perr[200];
  for (;;) {
    while (*s == ' ' || *s == '\t') s++;
    if (strncmp(s, "--", 2) != 0) break;
    const char *e = s;
    while (*e && *e != ' ' && *e != '\t' && *e != '=') e++;
    char opt[16] = "", val[64] = "";
    snprintf(opt, sizeof opt, "%.*s", (int)(e - s), s);
    int sam = strcmp(opt, "--samples") == 0, seed = strcmp(opt, "--seed") == 0;
    if (!sam && !seed) {
      say_error(r, DC_EXIT_USAGE, ":check: unknown option '%.*s' (:check [--samples N] [--seed S] [PLAN])", (int)(e - s), s);
      return -1;
    }
    if (*e == '=') e++;
    else
      while (*e == ' ' || *e == '\t') e++;
    const char *v = e;
    while (*e && *e != ' ' && *e != '\t') e++;
    if (e == v) {
      say_error(r, DC_EXIT_USAGE, ":check: %s needs a value", opt);
      return -1;
    }
    snprintf(val, sizeof val, "%.*s", (int)(e - v), v);
    uint64_t a = 0, b = 0;
    if (sam ? dc_random_parse_samples(val, &a, &b, perr, sizeof perr) : dc_random_parse_seed(val, &a, perr, sizeof perr)) {
      say_error(r, DC_EXIT_USAGE, ":check: %s", perr);
      return -1;
    }
    if (sam) o->mc_first = a, o->mc_end = b;
    else o->seed = a;
    s = e;
  }
  *what = s;
  return 0;
}

/* :check [--samples N] [--seed S] [EXPR] — the report `decarb check` would
 * print (with a Monte Carlo of N samples: P(met), percentiles, drivers),
 * for the plans of the session or the one EXPR gives. */
static void cmd_check(repl *r, const char *what) {
  lua_State *L = dc_host_state(r->h);
  int top = lua_gettop(L), st;
  dc_run_opts ro_run = {"plan", NULL, 0, DC_MC_DEFAULT_SEED, 0, 0, 0};
  if (check_options(r, &what, &ro_run)) return;
  lua_pushcfunction(L, check_collect);
  if (*what) {
    /* an expression naming a plan: the user asked for it, so it may run */
    lua_pushfstring(L, "return %s", what);
    st = dc_host_load(r->h, lua_tostring(L, -1), lua_rawlen(L, -1), "=stdin");
    lua_remove(L, -2);
    if (st == DC_EXIT_OK) st = dc_host_call(r->h, 0, 1);
    if (st != DC_EXIT_OK) {
      fail(r, st);
      lua_settop(L, top);
      return;
    }
    if (!dc_lua_toplan(L, -1)) {
      say_error(r, DC_EXIT_USAGE, ":check %s: that is a %s, not a plan (make one with plan{...})",
                what, luaL_typename(L, -1));
      lua_settop(L, top);
      return;
    }
  } else {
    lua_pushnil(L);
  }
  st = dc_host_call(r->h, 1, 1); /* stack: list (keeps the plans alive) */
  if (st != DC_EXIT_OK) {
    fail(r, st);
    lua_settop(L, top);
    return;
  }
  size_t n = lua_rawlen(L, -1);
  if (n == 0) {
    say_error(r, DC_EXIT_USAGE, ":check: this session has no plan yet "
                                "(p = plan{ \"name\", years = {2020, 2035} }, or :load a plan)");
    lua_settop(L, top);
    return;
  }
  dc_run_list rr = {NULL, 0, 0};
  st = dc_run_plans_opts(r->h, NULL, &ro_run, dc_run_list_push, &rr); /* pops the list */
  if (st != DC_EXIT_OK) {
    if (lua_gettop(L) > top) fail(r, st); /* an evaluation error */
    else say_error(r, st, "decarb: out of memory");
  } else {
    dc_report_opts ro;
    memset(&ro, 0, sizeof ro);
    ro.format = DC_REPORT_TEXT;
    ro.color = r->color;
    fflush(stdout);
    dc_report_write(stdout, rr.v, rr.n, &ro);
    fflush(stdout);
    int met, total;
    dc_report_count(rr.v, rr.n, &met, &total);
    if (met != total) r->code = DC_EXIT_MISSED; /* as decarb check's exit code */
  }
  dc_run_list_free(&rr);
  lua_settop(L, top);
}

/* :explain [TARGET] — decarb explain's text for every target of the
 * session's plans (or the one named), judged in scenario "plan". */
static void cmd_explain(repl *r, const char *target) {
  lua_State *L = dc_host_state(r->h);
  int top = lua_gettop(L);
  lua_pushcfunction(L, check_collect);
  lua_pushnil(L);
  int st = dc_host_call(r->h, 1, 1);
  if (st != DC_EXIT_OK) {
    fail(r, st);
    lua_settop(L, top);
    return;
  }
  dc_run_list rr = {NULL, 0, 0};
  if (lua_rawlen(L, -1) == 0) {
    say_error(r, DC_EXIT_USAGE, ":explain: this session has no plan yet (:load a plan)");
    lua_settop(L, top);
    return;
  }
  st = dc_run_plans(r->h, NULL, "plan", dc_run_list_push, &rr);
  if (st != DC_EXIT_OK) {
    if (lua_gettop(L) > top) fail(r, st);
    else say_error(r, st, "decarb: out of memory");
  }
  int found = 0;
  char err[400];
  fflush(stdout);
  for (size_t k = 0; st == DC_EXIT_OK && k < rr.n; k++)
    for (size_t t = 0; t < rr.v[k]->ntargets; t++) {
      dc_explain e;
      if (*target && strcmp(rr.v[k]->targets[t].name, target) != 0) continue;
      if (dc_explain_target(rr.v[k], (int)t, DC_PLAN_NOYEAR, &e, err, sizeof err)) {
        say_error(r, DC_EXIT_USAGE, ":explain: %s", err);
        continue;
      }
      if (found++) fputc('\n', stdout);
      dc_explain_write_text(stdout, rr.v[k], &e);
      dc_explain_free(&e);
    }
  fflush(stdout);
  if (st == DC_EXIT_OK && !found)
    say_error(r, DC_EXIT_USAGE, *target ? ":explain: no plan of the session has a target '%s'"
                                        : ":explain: the session's plans have no target%s", target);
  dc_run_list_free(&rr);
  lua_settop(L, top);
}

/* Protected: arg 1 the value, arg 2 the width; the plot of a series, or
 * nil for any other value. */
static int plot_value(lua_State *L) {
  if (!dc_series_lua_push_plot(L, 1, (int)lua_tointeger(L, 2), 8)) lua_pushnil(L);
  return 1;
}

/* :plot EXPR — a braille chart of the series EXPR gives, as wide as the terminal. */
static void cmd_plot(repl *r, const char *what) {
  lua_State *L = dc_host_state(r->h);
  int top = lua_gettop(L);
  if (!*what) {
    say_error(r, DC_EXIT_USAGE, ":plot needs a series, e.g. :plot p:series\"emissions\"");
    return;
  }
  lua_pushcfunction(L, plot_value);
  lua_pushfstring(L, "return %s", what);
  int st = dc_host_load(r->h, lua_tostring(L, -1), lua_rawlen(L, -1), "=stdin");
  lua_remove(L, -2);
  if (st == DC_EXIT_OK) st = dc_host_call(r->h, 0, 1);
  if (st == DC_EXIT_OK) {
    int width = dc_chart_term_width(1) - 1;
    lua_pushinteger(L, width < 24 ? 24 : width);
    st = dc_host_call(r->h, 2, 1);
  }
  if (st != DC_EXIT_OK) fail(r, st);
  else if (lua_isnil(L, -1))
    say_error(r, DC_EXIT_USAGE, ":plot %s: that is not a series (try :plot p:series\"emissions\")", what);
  else {
    fputs(lua_tostring(L, -1), stdout);
    fputc('\n', stdout);
    fflush(stdout);
  }
  lua_settop(L, top);
}

/* line starts with ':' */
static void run_command(repl *r, const char *line) {
  const char *w = line + 1;
  size_t n = 0;
  while (w[n] && w[n] != ' ' && w[n] != '\t') n++;
  const char *arg = w + n;
  while (*arg == ' ' || *arg == '\t') arg++;
  char *a = strdup(arg);
  if (!a) return;
  size_t al = strlen(a);
  while (al > 0 && (a[al - 1] == ' ' || a[al - 1] == '\t' || a[al - 1] == '\r')) a[--al] = '\0';
  const char *cmd = dc_repl_command(w, n);
  if (!cmd) {
    say_error(r, DC_EXIT_USAGE, "decarb: unknown command ':%.*s' (:help lists the commands)",
              (int)n, w);
  } else if (strcmp(cmd, "help") == 0) {
    const char *text = dc_repl_help(a);
    if (text) {
      fputs(text, stdout);
      fflush(stdout);
    } else {
      say_error(r, DC_EXIT_USAGE, "no help on '%s' (topics: repl, units, series, plan, targets)", a);
    }
  } else if (strcmp(cmd, "load") == 0) {
    cmd_load(r, a);
  } else if (strcmp(cmd, "check") == 0) {
    cmd_check(r, a);
  } else if (strcmp(cmd, "units") == 0) {
    cmd_units(a);
  } else if (strcmp(cmd, "explain") == 0) {
    cmd_explain(r, a);
  } else if (strcmp(cmd, "plot") == 0) {
    cmd_plot(r, a);
  } else if (strcmp(cmd, "reset") == 0) {
    cmd_reset(r);
  } else if (strcmp(cmd, "quit") == 0) {
    r->quit = 1;
  }
  free(a);
}

/* ================================================================== */
/* History                                                             */
/* ================================================================== */

static char *history_file(void) {
  const char *e = getenv("DECARB_HISTORY");
  if (e) return *e ? strdup(e) : NULL; /* DECARB_HISTORY= turns history off */
  const char *home = getenv("HOME");
  if (!home || !*home) return NULL;
  size_t n = strlen(home) + sizeof "/.decarb_history";
  char *p = malloc(n);
  if (p) snprintf(p, n, "%s/.decarb_history", home);
  return p;
}

static void history_start(repl *r) {
  using_history();
  /* timestamps mark where an entry starts, so a multi-line chunk is read
     back as one entry */
  history_comment_char = '#';
  history_write_timestamps = 1;
  stifle_history(HISTORY_MAX);
  r->hist = history_file();
  if (r->hist) read_history(r->hist); /* a missing or unreadable file is fine */
}

static void history_keep(repl *r, const char *entry) {
  if (!r->interactive) return;
  const char *p = entry;
  while (*p == ' ' || *p == '\t' || *p == '\n') p++;
  if (!*p) return;
  HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
  if (last && strcmp(last->line, entry) == 0) return;
  add_history(entry);
  /* appending needs the file to exist; a file that cannot be written is
     ignored */
  if (r->hist && append_history(1, r->hist) != 0) write_history(r->hist);
}

static void history_end(repl *r) {
  if (r->hist) history_truncate_file(r->hist, HISTORY_MAX);
  clear_history();
}

/* ================================================================== */
/* Completion                                                          */
/* ================================================================== */

static char **matches;
static size_t next_match;

static char *match_gen(const char *text, int state) {
  (void)text;
  if (!state) next_match = 0;
  if (!matches || !matches[next_match]) return NULL;
  return strdup(matches[next_match++]);
}

static char *word_breaks(void) {
  static char file_breaks[] = " \t\n";
  static char lua_breaks[] = " \t\n\"\\'`@$><=;|&{}()[]+-*/%^~#,.:";
  if (current && current->len == 0 && rl_line_buffer && rl_line_buffer[0] == ':') {
    dc_compl c;
    dc_compl_analyse(rl_line_buffer, (size_t)rl_point, 1, &c);
    if (c.kind == DC_COMPL_FILE) return file_breaks;
  }
  return lua_breaks;
}

static char **complete(const char *text, int start, int end) {
  (void)end;
  rl_attempted_completion_over = 1; /* never fall back to file names */
  if (!current) return NULL;
  size_t point = (size_t)rl_point, rs = (size_t)start;
  dc_compl c;
  dc_compl_analyse(rl_line_buffer, point, current->len == 0, &c);
  if (c.kind == DC_COMPL_FILE) return rl_completion_matches(text, rl_filename_completion_function);
  if (c.kind == DC_COMPL_NONE) return NULL;
  int type;
  char **names = dc_compl_collect(dc_host_state(current->h), rl_line_buffer, point, &c, &type);
  if (!names) return NULL;
  /* each candidate replaces line[c.start .. point); readline replaces
     line[start .. point): bridge the two */
  size_t n = 0;
  while (names[n]) n++;
  matches = calloc(n + 1, sizeof *matches);
  for (size_t i = 0; matches && i < n; i++) {
    size_t nl = strlen(names[i]);
    size_t pre = c.start <= rs ? 0 : c.start - rs;
    char *m = malloc(pre + c.keep + nl + 1);
    if (!m) break;
    memcpy(m, rl_line_buffer + rs, pre);
    memcpy(m + pre, rl_line_buffer + c.start, c.keep);
    memcpy(m + pre + c.keep, names[i], nl + 1);
    if (c.start < rs) { /* drop what readline keeps anyway */
      size_t cut = rs - c.start, ml = strlen(m);
      if (cut > ml) cut = ml;
      memmove(m, m + cut, ml - cut + 1);
    }
    matches[i] = m;
  }
  dc_compl_free(names);
  if (type == LUA_TTABLE && (c.kind == DC_COMPL_GLOBAL || c.kind == DC_COMPL_FIELD))
    rl_completion_append_character = '.';
  else if (type == -2) rl_completion_append_character = ' ';
  else rl_completion_append_character = '\0';
  char **res = rl_completion_matches(text, match_gen);
  if (matches) {
    for (size_t i = 0; matches[i]; i++) free(matches[i]);
    free(matches);
    matches = NULL;
  }
  return res;
}

/* ================================================================== */
/* Reading lines                                                       */
/* ================================================================== */

static volatile sig_atomic_t got_sigint, got_winch;
static char *got_line;
static int line_done;

static void on_read_sigint(int sig) { (void)sig; got_sigint = 1; }
static void on_winch(int sig) { (void)sig; got_winch = 1; }

static void on_line(char *line) {
  got_line = line;
  line_done = 1;
  rl_callback_handler_remove();
}

static void catch_signal(int sig, void (*fn)(int)) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = fn;
  sigemptyset(&sa.sa_mask);
  sigaction(sig, &sa, NULL); /* no SA_RESTART: the wait must wake up */
}

/* readline's callback interface under pselect: a Ctrl-C wakes the wait
 * and clears the line (and the chunk typed so far). */
static int read_tty(repl *r, const char *prompt, char **out) {
  sigset_t block, orig;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGWINCH);
  sigprocmask(SIG_BLOCK, &block, &orig);
  got_sigint = 0;
  catch_signal(SIGINT, on_read_sigint);
  catch_signal(SIGWINCH, on_winch);
  line_done = 0;
  got_line = NULL;
  rl_callback_handler_install(prompt, on_line);
  int res = READ_LINE;
  while (!line_done) {
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(fileno(rl_instream), &fds);
    int n = pselect(fileno(rl_instream) + 1, &fds, NULL, NULL, NULL, &orig);
    if (got_winch) {
      got_winch = 0;
      rl_resize_terminal();
    }
    if (got_sigint) {
      got_sigint = 0;
      rl_point = rl_end;
      rl_redisplay();
      fputs("^C\n", rl_outstream);
      fflush(rl_outstream);
      rl_free_line_state();
      rl_callback_sigcleanup();
      rl_callback_handler_remove();
      res = READ_INTERRUPT;
      break;
    }
    if (n < 0) {
      if (errno == EINTR) continue;
      rl_callback_handler_remove();
      break;
    }
    if (n > 0) rl_callback_read_char();
  }
  signal(SIGWINCH, SIG_DFL);
  dc_host_catch_sigint(r->h); /* from here Ctrl-C interrupts the chunk */
  sigprocmask(SIG_SETMASK, &orig, NULL);
  if (res == READ_INTERRUPT) return res;
  *out = got_line;
  if (!got_line) {
    fputc('\n', rl_outstream); /* Ctrl-D leaves the prompt on a line of its own */
    return READ_EOF;
  }
  return READ_LINE;
}

static int read_pipe(repl *r, char **out) {
  char *line = NULL;
  size_t cap = 0;
  catch_signal(SIGINT, on_read_sigint);
  errno = 0;
  ssize_t n = getline(&line, &cap, stdin);
  dc_host_catch_sigint(r->h);
  if (n < 0) {
    free(line);
    if (errno == EINTR) {
      clearerr(stdin);
      return READ_INTERRUPT;
    }
    return READ_EOF;
  }
  if (n > 0 && line[n - 1] == '\n') line[--n] = '\0';
  if (n > 0 && line[n - 1] == '\r') line[--n] = '\0';
  *out = line;
  return READ_LINE;
}

static const char *prompt_for(repl *r) {
  int more = r->len > 0;
  if (!r->color) return more ? ">> " : "> ";
  /* \001 \002 tell readline the escape codes take no room */
  return more ? "\001" DC_DIM "\002>> \001" DC_RESET "\002"
              : "\001" DC_BOLD "\002> \001" DC_RESET "\002";
}

/* ================================================================== */
/* The loop                                                            */
/* ================================================================== */

static void setup_readline(void) {
  rl_readline_name = "decarb";
  rl_catch_signals = 0;  /* SIGINT is ours (read_tty and the host) */
  rl_catch_sigwinch = 0;
  rl_instream = stdin;
  rl_outstream = stdout;
  rl_initialize(); /* reads ~/.inputrc first, so the settings below win */
  rl_variable_bind("enable-bracketed-paste", "off");
  rl_attempted_completion_function = complete;
  rl_completer_word_break_characters = " \t\n\"\\'`@$><=;|&{}()[]+-*/%^~#,.:";
  rl_completion_word_break_hook = word_breaks;
}

int dc_repl_run(dc_host *h, int interactive) {
  repl r;
  memset(&r, 0, sizeof r);
  r.orig = r.h = h;
  r.interactive = interactive;
  r.color = interactive && dc_host_options(h)->color;
  current = &r;
  if (interactive) {
    setup_readline();
    history_start(&r);
    printf("decarb (%s) — energy and carbon plans. :help for help, Ctrl-D to leave.\n",
           LUA_RELEASE);
    fflush(stdout);
  }
  while (!r.quit) {
    char *line = NULL;
    int st = interactive ? read_tty(&r, prompt_for(&r), &line) : read_pipe(&r, &line);
    if (st == READ_INTERRUPT) {
      r.len = 0;
      if (!interactive) r.code = DC_EXIT_INTERRUPT;
      continue;
    }
    if (st == READ_EOF) {
      if (r.len > 0 && !interactive) eval(&r, 1); /* report the unfinished chunk */
      break;
    }
    if (r.len == 0 && line[0] == ':') {
      history_keep(&r, line);
      run_command(&r, line);
      free(line);
      continue;
    }
    if (r.len == 0 && line[strspn(line, " \t")] == '\0') {
      free(line);
      continue;
    }
    int ok = chunk_append(&r, line) == 0;
    free(line);
    if (!ok) {
      say_error(&r, DC_EXIT_LIMIT, "decarb: out of memory");
      r.len = 0;
      continue;
    }
    if (eval(&r, 0) == EVAL_MORE) continue;
    history_keep(&r, r.chunk);
    r.len = 0;
  }
  if (interactive) history_end(&r);
  if (r.h != r.orig) dc_host_free(r.h);
  free(r.chunk);
  free(r.hist);
  current = NULL;
  return interactive ? DC_EXIT_OK : r.code;
}
