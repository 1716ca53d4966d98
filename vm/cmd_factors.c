/* cmd_factors.c — `decarb factors [QUERY]`: lists the built-in reference
 * data (stdlib/data) with unit, year and source, filtered by QUERY. Reads
 * the factors core only; no Lua state is made. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "factors.h"
#include "fmt.h"
#include "utf8.h"

static const char usage[] =
    "usage: decarb factors [QUERY]\n"
    "Lists the reference data built into decarb (grid emission factors, IPCC fuel\n"
    "data, GB/T 2589 coefficients, GWP sets, utilisation hours, hydrogen data),\n"
    "each with its unit, year and source. QUERY keeps the rows whose dataset,\n"
    "name, alias, ISO code, year, unit or source contains it (any case), e.g.\n"
    "  decarb factors gansu     decarb factors CN-GS     decarb factors verify\n"
    "Values flagged \"(verify)\" come from one secondary transcription.\n"
    "Exit status: 0 when something matched, 1 when nothing did.\n";

/* one line of the listing: dataset name variant year value unit, then source */
typedef struct row {
  const char *col[6], *source;
  char year[8], value[40];
} row;

static const char *const heads[6] = {"dataset", "name", "variant", "year", "value", "unit"};

static void fill(row *r, const dc_factor *f) {
  if (f->year) snprintf(r->year, sizeof r->year, "%d", f->year);
  else r->year[0] = '\0';
  dc_fmt_number(r->value, sizeof r->value, f->value, 0);
  const char *col[6] = {f->dataset, f->name, f->variant, r->year, r->value, f->unit};
  memcpy(r->col, col, sizeof col);
  r->source = f->source;
}

/* The fuel's derived row: CO2 per tonne, NCV x EF, from decarb's arithmetic. */
static int fill_derived(row *r, const dc_factor *co2) {
  const dc_factor *ncv, *ef;
  double per_kg;
  dc_err err;
  if (dc_factors_fuel(co2->name, &ncv, &ef, &per_kg, &err)) return -1;
  snprintf(r->year, sizeof r->year, "%d", ncv->year);
  dc_fmt_number(r->value, sizeof r->value, per_kg, 4);
  const char *col[6] = {"fuel", co2->name, "co2/t", r->year, r->value, "tCO2/t"};
  memcpy(r->col, col, sizeof col);
  r->source = "derived: NCV x CO2 factor, computed by decarb (4 significant digits)";
  return 0;
}

/* a factor's rows (itself, and a fuel's derived CO2 per tonne): how many */
static int rows_of(const dc_factor *f, row rows[2]) {
  fill(&rows[0], f);
  if (strcmp(f->dataset, "fuel") == 0 && strcmp(f->variant, "co2") == 0 &&
      fill_derived(&rows[1], f) == 0)
    return 2;
  return 1;
}

/* the columns padded to w by display width (value right-aligned), then source */
static void put_row(const char *const col[6], const char *source, const int w[6]) {
  for (int i = 0; i < 6; i++) {
    dc_utf8_pad(stdout, col[i], w[i], i == 4);
    fputs("  ", stdout);
  }
  printf("%s\n", source);
}

/* the words of argv as one query; -1, or the exit code of --help or a bad option */
static int read_query(int argc, char **argv, char *query, size_t size) {
  query[0] = '\0';
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
      fputs(usage, stdout);
      return DC_EXIT_OK;
    }
    if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "decarb factors: unknown option '%s'\n%s", argv[i], usage);
      return DC_EXIT_USAGE;
    }
    size_t len = strlen(query);
    snprintf(query + len, size - len, "%s%s", len ? " " : "", argv[i]);
  }
  return -1;
}

int dc_cmd_factors(int argc, char **argv, const dc_host_opts *opts) {
  (void)opts;
  char query[512];
  dc_err err;
  int st = read_query(argc, argv, query, sizeof query);
  if (st >= 0) return st;
  if (dc_factors_load(&err) != 0) {
    fprintf(stderr, "decarb factors: %s\n", err.msg);
    return DC_EXIT_RUNTIME;
  }
  /* two passes: widths (at least the heading's), then the lines */
  size_t n = dc_factors_count(), shown = 0, flagged = 0;
  int w[6];
  for (int c = 0; c < 6; c++) w[c] = dc_utf8_width(heads[c]);
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1 && shown == 0) break;
    if (pass == 1) put_row(heads, "source", w);
    for (size_t i = 0; i < n; i++) {
      const dc_factor *f = dc_factors_at(i);
      if (!dc_factors_match(f, query)) continue;
      row rows[2];
      int nr = rows_of(f, rows);
      if (pass == 0) {
        shown++;
        flagged += f->verify;
      }
      for (int k = 0; k < nr; k++) {
        if (pass == 1) {
          put_row(rows[k].col, rows[k].source, w);
          continue;
        }
        for (int c = 0; c < 6; c++)
          if (dc_utf8_width(rows[k].col[c]) > w[c]) w[c] = dc_utf8_width(rows[k].col[c]);
      }
    }
  }
  if (shown == 0) {
    fprintf(stderr, "decarb factors: nothing matches '%s' (try a region such as CN-Gansu, a "
                    "fuel, a dataset: grid, fuel, sce, gwp, hours, h2)\n",
            query);
    return 1;
  }
  printf("%zu value%s; %zu flagged (verify): from one secondary transcription, to be checked "
         "against a primary source\n",
         shown, shown == 1 ? "" : "s", flagged);
  return DC_EXIT_OK;
}
