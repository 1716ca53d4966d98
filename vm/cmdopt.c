/* cmdopt.c — what the subcommands' option parsers share (commands.h): one
 * "--name VALUE" / "--name=VALUE" option among the known ones, and the
 * --years A:B (or one year) of check and chart, and the FILE, -- and --help
 * of the subcommands that take one FILE. */
#include <stdio.h>
#include <string.h>

#include "commands.h"

int dc_cmd_option(int argc, char **argv, int *i, const char *const *known, char opt[DC_CMD_OPT_MAX],
                  const char **val) {
  const char *a = argv[*i], *eq = strchr(a, '=');
  size_t ol = eq ? (size_t)(eq - a) : strlen(a);
  if (ol >= DC_CMD_OPT_MAX) ol = DC_CMD_OPT_MAX - 1;
  memcpy(opt, a, ol);
  opt[ol] = '\0';
  int k = 0;
  while (known[k] && strcmp(known[k], opt) != 0) k++;
  if (!known[k]) return 1;
  if (eq) *val = eq + 1;
  else if (*i + 1 < argc) *val = argv[++*i];
  else return 2;
  return 0;
}

int dc_cmd_arg(const char *arg, int *rest, const char **file) {
  if (*rest || arg[0] != '-' || arg[1] == '\0') {
    if (*file) return DC_CMD_ARG_EXTRA;
    *file = arg;
    return DC_CMD_ARG_DONE;
  }
  if (strcmp(arg, "--") == 0) {
    *rest = 1;
    return DC_CMD_ARG_DONE;
  }
  if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) return DC_CMD_ARG_HELP;
  return DC_CMD_ARG_OPTION;
}

int dc_cmd_years(const char *val, int *y0, int *y1) {
  int a0, a1, used = 0;
  if (sscanf(val, "%d%n", &a0, &used) == 1 && val[used] == '\0') a1 = a0; /* one year */
  else if (used = 0, sscanf(val, "%d:%d%n", &a0, &a1, &used) != 2 || val[used] != '\0' || a0 > a1)
    return -1;
  *y0 = a0;
  *y1 = a1;
  return 0;
}
