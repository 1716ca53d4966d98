/* term.h — the one place that decides about colour: only on a terminal, never
 * with NO_COLOR set or TERM=dumb, never when --no-color was given. */
#ifndef DC_TERM_H
#define DC_TERM_H

/* 1 when output to fd may be coloured. no_color_flag: --no-color given. */
int dc_term_color(int fd, int no_color_flag);

#define DC_RED "\033[31m"
#define DC_GREEN "\033[32m"
#define DC_BOLD "\033[1m"
#define DC_DIM "\033[2m"
#define DC_RESET "\033[0m"

#endif
