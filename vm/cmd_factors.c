/* cmd_factors.c — `decarb factors [QUERY]`: lists the built-in reference
 * data (stdlib/data) with unit, year and source, filtered by QUERY. Reads
 * the factors core only; no Lua state is made. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "factors.h"
#include "fmt.h"

static const char usage[] =
    "usage: decarb factors [QUERY]\n"
    "Lists the reference data built into decarb (grid emission factors, IPCC fuel\n"
    "data, GB/T 2589 coefficients, GWP sets, utilisation hours, hydrogen data),\n"
    "each with its unit, year and source. QUERY keeps the rows whose dataset,\n"
    "name, alias, ISO code, year, unit or source contains it (any case), e.g.\n"
    "  decarb factors gansu     decarb factors CN-GS     decarb factors verify\n"
    "Values flagged \"(verify)\" come from one secondary transcription.\n"
    "Exit status: 0 when something matched, 1 when nothing did.\n";

typedef struct row {
  const char *dataset, *name, *variant, *unit, *source;
  char year[8], value[40];
} row;

static void fill(row *r, const dc_factor *f) {
  r->dataset = f->dataset;
  r->name = f->name;
  r->variant = f->variant;
  r->unit = f->unit;
  r->source = f->source;
  if (f->year) snprintf(r->year, sizeof r->year, "%d", f->year);
  else r->year[0] = '\0';
  dc_fmt_number(r->value, sizeof r->value, f->value, 0);
}

/* The fuel's derived row: CO2 per tonne, NCV x EF, from decarb's arithmetic. */
static int fill_derived(row *r, const dc_factor *co2) {
  const dc_factor *ncv, *ef;
  double per_kg;
  char err[300];
  if (dc_factors_fuel(co2->name, &ncv, &ef, &per_kg, err, sizeof err)) return -1;
  r->dataset = "fuel";
  r->name = co2->name;
  r->variant = "co2/t";
  r->unit = "tCO2/t";
  r->source = "derived: NCV x CO2 factor, computed by decarb (4 significant digits)";
  snprintf(r->year, sizeof r->year, "%d", ncv->year);
  dc_fmt_number(r->value, sizeof r->value, per_kg, 4);
  return 0;
}

static size_t width(size_t w, const char *s) {
  size_t n = strlen(s);
  return n > w ? n : w;
}

int dc_cmd_factors(int argc, char **argv, const dc_host_opts *opts) {
  (void)opts;
  char query[512] = "";
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
    snprintf(query + len, sizeof query - len, "%s%s", len ? " " : "", argv[i]);
  }
  char err[300];
  if (dc_factors_load(err, sizeof err) != 0) {
    fprintf(stderr, "decarb factors: %s\n", err);
    return DC_EXIT_RUNTIME;
  }
  /* two passes: widths, then the lines */
  size_t n = dc_factors_count(), shown = 0, flagged = 0;
  size_t w[6] = {7, 4, 7, 4, 5, 4}; /* dataset name variant year value unit */
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1 && shown == 0) break;
    if (pass == 1)
      printf("%-*s  %-*s  %-*s  %-*s  %*s  %-*s  %s\n", (int)w[0], "dataset", (int)w[1], "name",
             (int)w[2], "variant", (int)w[3], "year", (int)w[4], "value", (int)w[5], "unit",
             "source");
    for (size_t i = 0; i < n; i++) {
      const dc_factor *f = dc_factors_at(i);
      if (!dc_factors_match(f, query)) continue;
      row rows[2];
      int nr = 1;
      fill(&rows[0], f);
      if (strcmp(f->dataset, "fuel") == 0 && strcmp(f->variant, "co2") == 0 &&
          fill_derived(&rows[1], f) == 0)
        nr = 2;
      for (int k = 0; k < nr; k++) {
        const row *r = &rows[k];
        if (pass == 0) {
          if (k == 0) {
            shown++;
            flagged += f->verify;
          }
          w[0] = width(w[0], r->dataset);
          w[1] = width(w[1], r->name);
          w[2] = width(w[2], r->variant);
          w[3] = width(w[3], r->year);
          w[4] = width(w[4], r->value);
          w[5] = width(w[5], r->unit);
          continue;
        }
        printf("%-*s  %-*s  %-*s  %-*s  %*s  %-*s  %s\n", (int)w[0], r->dataset, (int)w[1],
               r->name, (int)w[2], r->variant, (int)w[3], r->year, (int)w[4], r->value,
               (int)w[5], r->unit, r->source);
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
