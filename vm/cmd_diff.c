/* cmd_diff.c — `decarb diff OLD NEW` (work in progress: see diff.h). */
#include <stdio.h>

#include "commands.h"

int dc_cmd_diff(int argc, char **argv, const dc_host_opts *opts) {
  (void)argc;
  (void)argv;
  (void)opts;
  fputs("decarb diff: not built yet\n", stderr);
  return DC_EXIT_USAGE;
}
