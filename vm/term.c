/* term.c — colour decision (see term.h). */
#include "term.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int dc_term_color(int fd, int no_color_flag) {
  if (no_color_flag) return 0;
  const char *nc = getenv("NO_COLOR");
  if (nc && *nc) return 0;
  const char *term = getenv("TERM");
  if (term && strcmp(term, "dumb") == 0) return 0;
  return isatty(fd);
}
