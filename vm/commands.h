/* commands.h — the CLI's subcommands, each in its own vm/cmd_*.c.
 * argv[0] is the subcommand's name; common options are already parsed into
 * opts. Each returns an exit code (host.h). */
#ifndef DC_COMMANDS_H
#define DC_COMMANDS_H

#include "host.h"

int dc_cmd_units(int argc, char **argv, const dc_host_opts *opts);
int dc_cmd_factors(int argc, char **argv, const dc_host_opts *opts);
int dc_cmd_check(int argc, char **argv, const dc_host_opts *opts);
int dc_cmd_chart(int argc, char **argv, const dc_host_opts *opts);

#endif
