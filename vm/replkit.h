/* replkit.h — the REPL's plain helpers, usable without a terminal (and so
 * tested by tests/unit/test_repl.c): "is this chunk incomplete", top-level
 * locals, completion context and candidates (raw access only), help texts.
 * The loop itself, readline and the colon commands live in repl.c. */
#ifndef DC_REPLKIT_H
#define DC_REPLKIT_H

#include <lua.h>
#include <stddef.h>

/* 1 when a load error message means "the chunk goes on" (lua.c's test: the
 * message ends in "<eof>", as in "unexpected symbol near <eof>"). */
int dc_repl_incomplete(const char *msg, size_t len);

/* The names declared by `local` statements at the top level of a chunk
 * (not inside functions or blocks), written "a, b" into out. Strings and
 * comments are skipped. Returns how many names were found. */
int dc_repl_local_names(const char *chunk, size_t len, char *out, size_t size);

/* ---- completion ------------------------------------------------------ */
enum {
  DC_COMPL_NONE,    /* nothing to offer (inside a comment, a plain string ...) */
  DC_COMPL_GLOBAL,  /* a name: globals and keywords */
  DC_COMPL_FIELD,   /* after "a.b." */
  DC_COMPL_METHOD,  /* after "a.b:" (functions only) */
  DC_COMPL_UNIT,    /* inside q"...", x:to"..." or x:value"...", or after :units */
  DC_COMPL_COMMAND, /* ":he" at the start of a chunk */
  DC_COMPL_TOPIC,   /* the word after ":help " */
  DC_COMPL_FILE     /* the word after ":load " */
};

typedef struct dc_compl {
  int kind;
  size_t start;      /* the word being completed is line[start .. point) */
  size_t keep;       /* DC_COMPL_UNIT: bytes of a number kept before the unit ("107") */
  size_t path_start; /* FIELD/METHOD: the chain "a.b" before the last '.' or ':' */
  size_t path_len;
} dc_compl;

/* Works out what the word before point is. command_ok: the line is the
 * first of a chunk, so ":cmd" is a colon command. */
void dc_compl_analyse(const char *line, size_t point, int command_ok, dc_compl *c);

/* The candidates for c (names only: without the kept number), sorted,
 * unique, starting with the word typed. Reads L by raw access only: tables
 * with lua_next/lua_rawget, for other values the metatable's raw __index
 * when it is a table (else the function fields, not starting with "__", of
 * the metatable itself and of its table field `methods`); never calls a
 * metamethod. Returns a malloc'ed
 * NULL-terminated array (dc_compl_free), or NULL when there is nothing.
 * *type gets the Lua type of the only candidate (LUA_TNONE otherwise, -2 for
 * a keyword, command or topic). L may be NULL for UNIT, COMMAND, TOPIC. */
char **dc_compl_collect(lua_State *L, const char *line, size_t point, const dc_compl *c,
                        int *type);
void dc_compl_free(char **list);

/* ---- commands and help ------------------------------------------------- */
/* The colon commands, in the order :help lists them (NULL-terminated). */
extern const char *const dc_repl_commands[];
/* The :help topics (NULL-terminated). */
extern const char *const dc_repl_topics[];
/* The text of :help TOPIC (NULL or "" for the overview), or NULL when the
 * topic is unknown. */
const char *dc_repl_help(const char *topic);
/* The command a word names: exact, or a unique prefix ("h" -> "help").
 * NULL when unknown or ambiguous. */
const char *dc_repl_command(const char *word, size_t len);

#endif
