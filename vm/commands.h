/* commands.h — the CLI's subcommands, each in its own vm/cmd_*.c.
 * argv[0] is the subcommand's name; common options are already parsed into
 * opts. Each returns an exit code (host.h). */
#ifndef DC_COMMANDS_H
#define DC_COMMANDS_H

#include <stdio.h>

#include "host.h"

int dc_cmd_units(int argc, char **argv, const dc_host_opts *opts);
int dc_cmd_factors(int argc, char **argv, const dc_host_opts *opts);
int dc_cmd_check(int argc, char **argv, const dc_host_opts *opts);
int dc_cmd_chart(int argc, char **argv, const dc_host_opts *opts);
int dc_cmd_explain(int argc, char **argv, const dc_host_opts *opts);
int dc_cmd_diff(int argc, char **argv, const dc_host_opts *opts);
int dc_cmd_merge(int argc, char **argv, const dc_host_opts *opts);

/* The option at argv[*i], "--name VALUE" or "--name=VALUE", one of the
 * NULL-terminated `known` (explain, diff and chart; vm/cmdopt.c): its name
 * in opt, its value in *val, *i past it. 0; 1 when it is not known; 2 when
 * its value is missing. */
#define DC_CMD_OPT_MAX 32
int dc_cmd_option(int argc, char **argv, int *i, const char *const *known, char opt[DC_CMD_OPT_MAX],
                  const char **val);
/* What argument arg of a subcommand that takes one FILE is: the FILE (set
 * in *file; DC_CMD_ARG_EXTRA when *file was set already), "--" (every
 * later argument a FILE: *rest set), -h or --help, or an option for the
 * caller to parse (dc_cmd_option). vm/cmdopt.c. */
enum { DC_CMD_ARG_DONE, DC_CMD_ARG_EXTRA, DC_CMD_ARG_HELP, DC_CMD_ARG_OPTION };
int dc_cmd_arg(const char *arg, int *rest, const char **file);
/* --years VAL of check and chart: "A:B" with A <= B, or one year "A" (B = A),
 * into *y0 and *y1. 0, or -1 (*y0, *y1 untouched) when VAL is neither; the
 * message to give then is DC_CMD_YEARS_WANT with VAL. */
int dc_cmd_years(const char *val, int *y0, int *y1);
#define DC_CMD_YEARS_WANT "--years wants A:B with A <= B, such as 2020:2030, or one year, not '%s'"
int dc_cmd_seek(int argc, char **argv, const dc_host_opts *opts);

/* The one unit listing, behind `decarb units [DIMENSION]` and the REPL's
 * :units [TEXT] (vm/cmd_units.c): the units under their dimensions, in the
 * table's order, padded by display width. filter NULL: every unit and a
 * note on prefixes and grammar; with dimension_only, the units of the
 * dimension named filter; else those whose name or dimension contains
 * filter, ignoring case. Returns how many units it listed. */
int dc_units_list(FILE *f, const char *filter, int dimension_only);

#endif
