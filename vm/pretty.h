/* pretty.h — the REPL's value printer: quantities, series and plans through
 * their __tostring, tables with sorted keys and depth/cycle/size limits,
 * strings quoted. Not a serializer: the text is for people, not for load(). */
#ifndef DC_PRETTY_H
#define DC_PRETTY_H

#include <lua.h>

typedef struct dc_pretty_opts {
  int max_depth; /* tables nested deeper than this print as {...} */
  int max_items; /* entries shown per table before "... (N more)" */
  int width;     /* a table whose entries fit in this many columns stays on one line */
} dc_pretty_opts;

#define DC_PRETTY_DEPTH 4
#define DC_PRETTY_ITEMS 100
#define DC_PRETTY_WIDTH 78

/* Fills o with the defaults above. */
void dc_pretty_defaults(dc_pretty_opts *o);

/* Pushes a readable rendering of the value at idx (a string). Tables and
 * userdata with a __tostring metamethod are shown through it, which runs
 * script code: call this in protected mode, under the host's limits.
 * Table contents are read raw (no __index, no __pairs). o may be NULL. */
void dc_pretty_push(lua_State *L, int idx, const dc_pretty_opts *o);

/* Pushes the values at first..last (absolute indices) rendered and joined
 * by tabs, as the REPL prints an expression's results. */
void dc_pretty_push_values(lua_State *L, int first, int last, const dc_pretty_opts *o);

#endif
