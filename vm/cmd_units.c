/* cmd_units.c — `decarb units`: list the known units by dimension, show one
 * quantity in its preferred unit, or convert one ("1 tce" kWh). Uses only
 * the units core; runs no Lua. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "fmt.h"
#include "units.h"
#include "utf8.h"

static const char units_usage[] =
  "usage: decarb units                 list every unit, by dimension\n"
  "       decarb units DIMENSION       list the units of one dimension (energy, power, ...)\n"
  "       decarb units EXPR            show a quantity or a unit: decarb units \"1 tce\"\n"
  "       decarb units EXPR UNIT       convert: decarb units \"1 tce\" kWh\n"
  "exit codes: 0 ok, 2 usage, 4 unknown unit or dimension mismatch\n";

/* does hay contain needle, ignoring ASCII case ("" is in everything) */
static int contains_ci(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  if (!hay) return 0;
  for (; *hay; hay++) {
    size_t i = 0;
    while (i < n && hay[i]) {
      char a = hay[i], b = needle[i];
      if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
      if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
      if (a != b) break;
      i++;
    }
    if (i == n) return 1;
  }
  return n == 0;
}

static int listed(const dc_unit_info *u, const char *filter, int dimension_only) {
  if (!filter) return 1;
  if (dimension_only) return strcmp(u->dimension, filter) == 0;
  return contains_ci(u->name, filter) || contains_ci(u->dimension, filter);
}

static int same_dim_seen(size_t i) {
  for (size_t k = 0; k < i; k++)
    if (strcmp(dc_units_at(k)->dimension, dc_units_at(i)->dimension) == 0) return 1;
  return 0;
}

int dc_units_list(FILE *f, const char *filter, int dimension_only) {
  /* the columns: at least 7 and 42 wide, wider for a longer name */
  int wn = 7, wd = 42, n = 0;
  const dc_unit_info *u;
  for (size_t i = 0; (u = dc_units_at(i)) != NULL; i++) {
    if (!listed(u, filter, dimension_only)) continue;
    if (dc_utf8_width(u->name) + 1 > wn) wn = dc_utf8_width(u->name) + 1;
    if (dc_utf8_width(u->definition) + 1 > wd) wd = dc_utf8_width(u->definition) + 1;
  }
  for (size_t i = 0; (u = dc_units_at(i)) != NULL; i++) {
    const char *dim = u->dimension;
    int heading = 0;
    if (same_dim_seen(i)) continue;
    for (size_t k = i; (u = dc_units_at(k)) != NULL; k++) {
      if (strcmp(u->dimension, dim) != 0 || !listed(u, filter, dimension_only)) continue;
      if (!heading) fprintf(f, "%s%s\n", n ? "\n" : "", dim);
      heading = 1;
      fputs("  ", f);
      dc_utf8_pad(f, u->name, wn, 0);
      dc_utf8_pad(f, u->definition, wd, 0);
      fputs(u->source ? u->source : "", f);
      const char *px = dc_units_prefixes(k);
      if (px && *px) fprintf(f, "; prefixes %s", px);
      fputc('\n', f);
      n++;
    }
  }
  if (!filter) {
    fprintf(f, "\nAny unit may follow 万 (10^4) or 亿 (10^8): 万tce, 亿kWh, 万元.\n"
               "A gas (CO2, CO2e, CH4, N2O, C) follows a mass: tCO2, kgCO2e, t CH4, kt N2O, tC.\n"
               "Grammar: 'kW h', 'kW*h', 'kW·h'; 'kgCO2/kWh', 'kgCO2 per kWh'; 'm^2', 's^-1'; (...).\n");
  }
  return n;
}

/* the parser's message, then the text with a caret under the position */
static int report(const char *text, const dc_units_error *e) {
  fprintf(stderr, "decarb units: %s\n  %s\n  ", e->msg, text);
  for (int i = dc_utf8_width_n(text, e->pos); i > 0; i--) fputc(' ', stderr);
  fputs("^\n", stderr);
  return DC_EXIT_RUNTIME;
}

/* `decarb units EXPR UNIT`: the quantity (si in SI units, its unit u and
 * display d, dimension name dim) shown in target. */
static int convert(double si, const dc_unit *up, const dc_display *dp, const char *dim,
                   const char *target) {
  dc_unit u = *up;
  dc_display d = *dp;
  dc_units_error e;
  char shown[160];
  dc_unit tu;
  dc_display td;
  if (dc_units_parse_display(target, &tu, &td, &e) < 0) return report(target, &e);
  if (!dc_dims_eq(u.dims, tu.dims)) {
    char tdim[96];
    dc_dims_name(tu.dims, tdim, sizeof tdim);
    dc_units_format(shown, sizeof shown, si, u.dims, &d);
    dc_dims x = u.dims, y = tu.dims;
    bool nref = x.e[DC_DIM_NREF] != y.e[DC_DIM_NREF];
    x.e[DC_DIM_NREF] = y.e[DC_DIM_NREF] = 0;
    fprintf(stderr, "decarb units: cannot convert %s (%s) to %s (%s)%s\n", shown, dim, target, tdim,
            nref && dc_dims_eq(x, y)
                ? ": Nm3 is gas at 0 °C and 101.325 kPa, m3 is not; a script states the "
                  "conditions: x:to(\"m3\", { T = q\"20 °C\", p = q\"101.325 kPa\" })"
                : "");
    return DC_EXIT_RUNTIME;
  }
  if (d.co2e && !td.co2e && u.dims.e[DC_DIM_CO2]) {
    dc_units_format(shown, sizeof shown, si, u.dims, &d);
    fprintf(stderr, "decarb units: cannot convert %s to %s: a CO2e amount is not CO2 alone "
                    "(it may include other gases); use a CO2e unit, as in tCO2e\n", shown, target);
    return DC_EXIT_RUNTIME;
  }
  if (!td.label[0]) { /* a unit text too long for a label: show it as typed */
    char num[64];
    dc_fmt_number(num, sizeof num, (si - tu.offset) / tu.scale, 0);
    printf("%s %s\n", num, target);
    return DC_EXIT_OK;
  }
  dc_units_format(shown, sizeof shown, si, u.dims, &td);
  printf("%s\n", shown);
  return DC_EXIT_OK;
}

int dc_cmd_units(int argc, char **argv, const dc_host_opts *opts) {
  (void)opts;
  int first = 1;
  if (argc > 1 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
    fputs(units_usage, stdout);
    return DC_EXIT_OK;
  }
  if (argc > 1 && strcmp(argv[1], "--") == 0) first = 2;
  int nargs = argc - first;
  if (nargs > 2 || (nargs > 0 && argv[first][0] == '-' && argv[first][1] != '\0' &&
                    !(argv[first][1] >= '0' && argv[first][1] <= '9') && argv[first][1] != '.')) {
    fprintf(stderr, "decarb units: %s\n%s", nargs > 2 ? "too many arguments" : "unknown option", units_usage);
    return DC_EXIT_USAGE;
  }
  if (nargs == 0) {
    dc_units_list(stdout, NULL, 0);
    return DC_EXIT_OK;
  }

  const char *expr = argv[first];
  double v;
  dc_unit u;
  dc_display d;
  dc_units_error e;
  char shown[160], dim[96];
  int is_unit = 0;
  if (dc_units_parse_quantity(expr, &v, &u, &d, &e) < 0) {
    /* a bare unit ("kWh") or a dimension name ("energy") */
    dc_units_error e2;
    if (nargs == 1 && dc_units_list(stdout, expr, 1) > 0) return DC_EXIT_OK;
    if (dc_units_parse_display(expr, &u, &d, &e2) < 0) return report(expr, &e);
    v = 1;
    is_unit = 1;
  }
  double si = v * u.scale + u.offset;
  dc_dims_name(u.dims, dim, sizeof dim);

  if (nargs == 1) {
    char pref[160], num[64];
    dc_units_format(shown, sizeof shown, si, u.dims, &d);
    dc_units_format(pref, sizeof pref, si, u.dims, NULL);
    if (is_unit) {
      char si_units[96];
      dc_fmt_number(num, sizeof num, u.scale, 0);
      dc_dims_si(u.dims, si_units, sizeof si_units);
      printf("1 %s = %s = %s%s%s (%s)\n", expr, pref, num, si_units[0] ? " " : "", si_units, dim);
    } else {
      printf("%s = %s (%s)\n", shown, pref, dim);
    }
    return DC_EXIT_OK;
  }

  return convert(si, &u, &d, dim, argv[first + 1]);
}
