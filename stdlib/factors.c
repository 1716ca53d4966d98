/* factors.c — the reference-data core (see factors.h): parses the CSV text
 * embedded from stdlib/data/ (build/gen/dc_data.h) with the csv core, parses
 * each unit with the units core, and answers look-ups with errors that list
 * what exists. No Lua here; the binding is factors_lua.c. */
#include "factors.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "dc_data.h"

typedef struct alias {
  const char *dataset, *alias, *name;
} alias;

#define MAX_FILES 32

static struct {
  bool loaded;
  dc_csv *csv[MAX_FILES];
  size_t ncsv;
  dc_factor *f;
  size_t nf;
  dc_region *r;
  size_t nr;
  alias *a;
  size_t na;
} db;

/* ======================================================================
 * names
 * ====================================================================== */

/* Equal ignoring ASCII case, spaces and ASCII punctuation: "CN-GS" matches
 * "cn gs", "gas/diesel oil" matches "Gas-Diesel Oil". */
static bool norm_eq(const char *a, const char *b) {
  for (;;) {
    while (*a && (unsigned char)*a < 0x80 && !isalnum((unsigned char)*a)) a++;
    while (*b && (unsigned char)*b < 0x80 && !isalnum((unsigned char)*b)) b++;
    if (!*a || !*b) return !*a && !*b;
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return false;
    a++;
    b++;
  }
}

static bool icontains(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  if (n == 0) return true;
  for (; *hay; hay++) {
    size_t i = 0;
    while (i < n && hay[i] && tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
      i++;
    if (i == n) return true;
  }
  return false;
}

/* ======================================================================
 * loading
 * ====================================================================== */

/* "FILE:LINE:COL: message"; file is a built-in data file's short name
 * ("grid": stdlib/data/grid.csv) or, starting with '/', a user dataset's
 * name as the script wrote it after the '/' */
/* e reset for an input error, and its message buffer: the loaders below
 * write their messages there ("FILE:LINE:COL: ...") */
static char *begin(dc_err *e, size_t *size) {
  e->code = DC_ERR_INPUT;
  e->line = e->col = 0;
  e->pos = 0;
  e->msg[0] = e->suggest[0] = '\0';
  *size = sizeof e->msg;
  return e->msg;
}

static int fail(char *err, size_t errsize, const char *file, int line, int col,
                const char *fmt, ...) {
  va_list ap;
  int k = file[0] == '/' ? snprintf(err, errsize, "%s:%d:%d: ", file + 1, line, col)
                         : snprintf(err, errsize, "stdlib/data/%s.csv:%d:%d: ", file, line, col);
  if (k < 0 || (size_t)k >= errsize) return -1;
  va_start(ap, fmt);
  vsnprintf(err + k, errsize - (size_t)k, fmt, ap);
  va_end(ap);
  return -1;
}

static bool header_is(const dc_csv *c, const char *const *names, size_t n) {
  if (dc_csv_cols(c) != n) return false;
  for (size_t i = 0; i < n; i++)
    if (strcmp(dc_csv_cell(c, 0, i), names[i]) != 0) return false;
  return true;
}

static void *grow_array(void *p, size_t n, size_t elem) {
  return realloc(p, (n ? n : 1) * elem);
}

/* The records of one CSV in the values schema, appended to *arr (*n of
 * them); dataset names them, file is as for fail(). A user dataset needs a
 * source on every row. */
static int parse_values(const char *dataset, const char *file, const dc_csv *c, bool need_source,
                        dc_factor **arr, size_t *n, char *err, size_t errsize) {
  static const char *const hdr[] = {"name", "variant", "year", "value", "unit", "source"};
  if (!header_is(c, hdr, 6))
    return fail(err, errsize, file, 1, 1, "header must be name,variant,year,value,unit,source");
  size_t rows = dc_csv_rows(c);
  dc_factor *nf = grow_array(*arr, *n + rows, sizeof *nf);
  if (!nf) return fail(err, errsize, file, 0, 0, "out of memory");
  *arr = nf;
  for (size_t r = 1; r < rows; r++) {
    dc_factor *f = &(*arr)[*n];
    int line, col;
    char *end;
    memset(f, 0, sizeof *f);
    f->dataset = dataset;
    f->name = dc_csv_cell(c, r, 0);
    f->variant = dc_csv_cell(c, r, 1);
    const char *year = dc_csv_cell(c, r, 2);
    f->text = dc_csv_cell(c, r, 3);
    f->unit = dc_csv_cell(c, r, 4);
    f->source = dc_csv_cell(c, r, 5);
    if (!f->name[0]) {
      dc_csv_where(c, r, 0, &line, &col);
      return fail(err, errsize, file, line, col, "empty name");
    }
    if (need_source && !f->source[0]) {
      dc_csv_where(c, r, 5, &line, &col);
      return fail(err, errsize, file, line, col,
                  "empty source: every value needs one (the publication, table and year it "
                  "comes from, or \"assumption: ...\")");
    }
    if (year[0]) {
      errno = 0;
      long y = strtol(year, &end, 10);
      if (*end || errno || y < 1 || y > 9999) {
        dc_csv_where(c, r, 2, &line, &col);
        return fail(err, errsize, file, line, col, "bad year '%s'", year);
      }
      f->year = (int)y;
    }
    errno = 0;
    f->value = strtod(f->text, &end);
    if (!f->text[0] || *end || errno || !isfinite(f->value)) {
      dc_csv_where(c, r, 3, &line, &col);
      return fail(err, errsize, file, line, col, "bad number '%s'", f->text);
    }
    f->si = f->value;
    if (f->unit[0]) {
      dc_unit u;
      dc_units_error ue;
      if (dc_units_parse(f->unit, &u, &ue) != 0) {
        dc_csv_where(c, r, 4, &line, &col);
        for (size_t i = 0; i < ue.pos && f->unit[i]; i++) /* to the bad word, in characters */
          if (((unsigned char)f->unit[i] & 0xC0) != 0x80) col++;
        return fail(err, errsize, file, line, col, "%s", ue.msg);
      }
      f->si = f->value * u.scale + u.offset;
      f->dims = u.dims;
    }
    f->verify = strstr(f->source, "(verify)") != NULL;
    (*n)++;
  }
  return 0;
}

static int load_values(const char *file, const dc_csv *c, char *err, size_t errsize) {
  return parse_values(file, file, c, false, &db.f, &db.nf, err, errsize);
}

static int load_regions(const dc_csv *c, char *err, size_t errsize) {
  static const char *const hdr[] = {"region", "kind", "iso", "name_zh", "grid", "description"};
  if (!header_is(c, hdr, 6))
    return fail(err, errsize, "regions", 1, 1,
                "header must be region,kind,iso,name_zh,grid,description");
  size_t rows = dc_csv_rows(c);
  db.r = calloc(rows, sizeof *db.r);
  if (!db.r) return fail(err, errsize, "regions", 0, 0, "out of memory");
  for (size_t i = 1; i < rows; i++) {
    dc_region *g = &db.r[db.nr++];
    g->id = dc_csv_cell(c, i, 0);
    g->kind = dc_csv_cell(c, i, 1);
    g->iso = dc_csv_cell(c, i, 2);
    g->name_zh = dc_csv_cell(c, i, 3);
    g->grid = dc_csv_cell(c, i, 4);
    g->description = dc_csv_cell(c, i, 5);
  }
  return 0;
}

static int load_aliases(const dc_csv *c, char *err, size_t errsize) {
  static const char *const hdr[] = {"dataset", "alias", "name"};
  if (!header_is(c, hdr, 3))
    return fail(err, errsize, "aliases", 1, 1, "header must be dataset,alias,name");
  size_t rows = dc_csv_rows(c);
  db.a = calloc(rows, sizeof *db.a);
  if (!db.a) return fail(err, errsize, "aliases", 0, 0, "out of memory");
  for (size_t i = 1; i < rows; i++) {
    alias *a = &db.a[db.na++];
    a->dataset = dc_csv_cell(c, i, 0);
    a->alias = dc_csv_cell(c, i, 1);
    a->name = dc_csv_cell(c, i, 2);
  }
  return 0;
}

/* Cross-checks once everything is loaded: aliases and regions name data
 * that exist. */
static int check_links(char *err, size_t errsize) {
  for (size_t i = 0; i < db.na; i++) {
    bool found = false;
    for (size_t k = 0; k < db.nf && !found; k++)
      found = strcmp(db.f[k].dataset, db.a[i].dataset) == 0 &&
              strcmp(db.f[k].name, db.a[i].name) == 0;
    if (!found)
      return fail(err, errsize, "aliases", (int)i + 2, 1, "alias '%s' names unknown %s '%s'",
                  db.a[i].alias, db.a[i].dataset, db.a[i].name);
  }
  for (size_t i = 0; i < db.nr; i++) {
    bool found = false;
    for (size_t k = 0; k < db.nf && !found; k++)
      found = strcmp(db.f[k].dataset, "grid") == 0 && strcmp(db.f[k].name, db.r[i].id) == 0;
    if (!found)
      return fail(err, errsize, "regions", (int)i + 2, 1, "region '%s' has no grid data",
                  db.r[i].id);
  }
  for (size_t k = 0; k < db.nf; k++) {
    if (strcmp(db.f[k].dataset, "grid") != 0) continue;
    bool found = false;
    for (size_t i = 0; i < db.nr && !found; i++) found = strcmp(db.f[k].name, db.r[i].id) == 0;
    if (!found)
      return fail(err, errsize, "grid", (int)k + 2, 1, "region '%s' is not in regions.csv",
                  db.f[k].name);
  }
  return 0;
}

int dc_factors_load(dc_err *e) {
  size_t errsize;
  char *err = begin(e, &errsize);
  if (db.loaded) return 0;
  for (size_t i = 0; dc_data_files[i].name; i++) {
    const char *file = dc_data_files[i].name;
    dc_csv *c;
    dc_csv_error ce;
    if (db.ncsv == MAX_FILES) {
      fail(err, errsize, file, 0, 0, "too many data files");
      goto bad;
    }
    if (dc_csv_parse(dc_data_files[i].text, dc_data_files[i].len, &c, &ce) != 0) {
      fail(err, errsize, file, ce.line, ce.col, "%s", ce.msg);
      goto bad;
    }
    db.csv[db.ncsv++] = c;
    int rc = strcmp(file, "regions") == 0   ? load_regions(c, err, errsize)
             : strcmp(file, "aliases") == 0 ? load_aliases(c, err, errsize)
                                            : load_values(file, c, err, errsize);
    if (rc) goto bad;
  }
  if (check_links(err, errsize)) goto bad;
  db.loaded = true;
  return 0;
bad:
  dc_factors_unload();
  return -1;
}

void dc_factors_unload(void) {
  for (size_t i = 0; i < db.ncsv; i++) dc_csv_free(db.csv[i]);
  free(db.f);
  free(db.r);
  free(db.a);
  memset(&db, 0, sizeof db);
}

static bool ensure(void) {
  dc_err e;
  return dc_factors_load(&e) == 0;
}

/* ======================================================================
 * access
 * ====================================================================== */

size_t dc_factors_count(void) { return ensure() ? db.nf : 0; }
const dc_factor *dc_factors_at(size_t i) { return ensure() && i < db.nf ? &db.f[i] : NULL; }
size_t dc_factors_region_count(void) { return ensure() ? db.nr : 0; }
const dc_region *dc_factors_region_at(size_t i) {
  return ensure() && i < db.nr ? &db.r[i] : NULL;
}

const char *dc_factors_canonical(const char *dataset, const char *name) {
  if (!ensure()) return NULL;
  for (size_t i = 0; i < db.nf; i++)
    if (strcmp(db.f[i].dataset, dataset) == 0 && norm_eq(db.f[i].name, name)) return db.f[i].name;
  for (size_t i = 0; i < db.na; i++)
    if (strcmp(db.a[i].dataset, dataset) == 0 && norm_eq(db.a[i].alias, name))
      return dc_factors_canonical(dataset, db.a[i].name);
  if (strcmp(dataset, "grid") == 0) {
    const dc_region *g = dc_factors_region(name);
    if (g) return g->id;
  }
  return NULL;
}

const dc_region *dc_factors_region(const char *name) {
  if (!ensure()) return NULL;
  for (size_t i = 0; i < db.nr; i++) {
    const dc_region *g = &db.r[i];
    if (norm_eq(g->id, name) || (g->iso[0] && norm_eq(g->iso, name)) ||
        (g->name_zh[0] && strcmp(g->name_zh, name) == 0))
      return g;
  }
  return NULL;
}

/* ======================================================================
 * look-ups
 * ====================================================================== */

/* Appends to a list in err: ", x" (or "x" first). */
static void add_item(char *buf, size_t size, size_t *len, bool *first, const char *fmt, ...) {
  va_list ap;
  if (*len >= size) return;
  if (!*first) {
    int k = snprintf(buf + *len, size - *len, ", ");
    if (k > 0) *len += (size_t)k;
    if (*len >= size) return;
  }
  *first = false;
  va_start(ap, fmt);
  int k = vsnprintf(buf + *len, size - *len, fmt, ap);
  va_end(ap);
  if (k > 0) *len += (size_t)k;
}

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

/* find_in's error for a name the dataset does not have: -1, the names it has listed */
static int unknown_name(const dc_factor *recs, size_t nrec, const char *dataset, const char *name,
                        char *err, size_t errsize) {
  size_t len = 0;
  bool first = true;
  bool is_grid = strcmp(dataset, "grid") == 0;
  int k = snprintf(err, errsize, "unknown %s '%s'; %s: ", is_grid ? "grid region" : dataset,
                   name, is_grid ? "regions with data" : "known");
  if (k < 0) return -1;
  len = (size_t)k;
  for (size_t i = 0; i < nrec; i++) {
    if (strcmp(recs[i].dataset, dataset) != 0) continue;
    bool seen = false; /* a name repeats for each year and variant */
    for (size_t j = 0; j < i && !seen; j++)
      seen = strcmp(recs[j].dataset, dataset) == 0 && strcmp(recs[j].name, recs[i].name) == 0;
    if (!seen) add_item(err, errsize, &len, &first, "%s", recs[i].name);
  }
  if (first) snprintf(err, errsize, "unknown dataset '%s'", dataset);
  return -1;
}

/* find_in's error for a variant missing or to be chosen: -2, the variants listed */
static int no_variant(const dc_factor *recs, size_t nrec, const char *dataset, const char *canon,
                      const char *variant, bool several, char *err, size_t errsize) {
  size_t len = 0;
  bool first = true;
  int k = several ? snprintf(err, errsize, "%s %s has several values; choose one of: ", dataset,
                             canon)
                  : snprintf(err, errsize, "%s %s has no value '%s'; it has: ", dataset,
                             canon, variant);
  if (k < 0) return -1;
  len = (size_t)k;
  for (size_t i = 0; i < nrec; i++) {
    const dc_factor *f = &recs[i];
    if (strcmp(f->dataset, dataset) != 0 || strcmp(f->name, canon) != 0) continue;
    bool seen = false;
    for (size_t j = 0; j < i && !seen; j++)
      seen = strcmp(recs[j].dataset, dataset) == 0 && strcmp(recs[j].name, canon) == 0 &&
             strcmp(recs[j].variant, f->variant) == 0;
    if (!seen) add_item(err, errsize, &len, &first, "'%s'", f->variant);
  }
  return -2;
}

/* The look-up over records recs[0 .. nrec-1] of dataset; canon is the
 * canonical name of name, or NULL when unknown. */
static int find_in(const dc_factor *recs, size_t nrec, const char *dataset, const char *canon,
                   const char *name, const char *variant, int year, bool earlier,
                   const dc_factor **out, char *err, size_t errsize) {
  size_t len = 0;
  bool first = true;
  if (!canon) return unknown_name(recs, nrec, dataset, name, err, errsize);
  /* the variant: the one asked for, or the only one there is */
  const char *var = NULL;
  bool several = false;
  for (size_t i = 0; i < nrec; i++) {
    const dc_factor *f = &recs[i];
    if (strcmp(f->dataset, dataset) != 0 || strcmp(f->name, canon) != 0) continue;
    if (variant) {
      if (norm_eq(f->variant, variant)) {
        var = f->variant;
        break;
      }
    } else if (!var) {
      var = f->variant;
    } else if (strcmp(var, f->variant) != 0) {
      several = true;
    }
  }
  if (!var || several) return no_variant(recs, nrec, dataset, canon, variant, several, err, errsize);
  /* the year */
  int years[64], ny = 0;
  const dc_factor *exact = NULL, *best = NULL, *only = NULL;
  size_t count = 0;
  for (size_t i = 0; i < nrec; i++) {
    const dc_factor *f = &recs[i];
    if (strcmp(f->dataset, dataset) != 0 || strcmp(f->name, canon) != 0 || strcmp(f->variant, var) != 0)
      continue;
    count++;
    only = f;
    if (ny < 64) years[ny++] = f->year;
    if (f->year == 0 || (year != 0 && f->year == year)) exact = f;
    if (year != 0 && f->year < year && (!best || f->year > best->year)) best = f;
  }
  if (year == 0 && count == 1) exact = only;
  if (!exact && earlier && best) exact = best;
  if (exact) {
    *out = exact;
    return 0;
  }
  qsort(years, (size_t)ny, sizeof years[0], cmp_int);
  const char *what = var[0] ? var : "";
  int k = year == 0 ? snprintf(err, errsize, "%s %s%s%s: give a year; years with data: ", dataset,
                               canon, what[0] ? " " : "", what)
          : earlier ? snprintf(err, errsize, "no %s value for %s%s%s in or before %d; years with data: ",
                               dataset, canon, what[0] ? " " : "", what, year)
                    : snprintf(err, errsize, "no %s value for %s%s%s in %d; years with data: ",
                               dataset, canon, what[0] ? " " : "", what, year);
  if (k < 0) return -1;
  len = (size_t)k;
  for (int i = 0; i < ny; i++) add_item(err, errsize, &len, &first, "%d", years[i]);
  return -3;
}

int dc_factors_find(const char *dataset, const char *name, const char *variant, int year,
                    bool earlier, const dc_factor **out, dc_err *e) {
  dc_err load_err;
  if (dc_factors_load(&load_err) != 0)
    return dc_err_set(e, load_err.code, "reference data broken: %s", load_err.msg);
  size_t errsize;
  char *err = begin(e, &errsize);
  return find_in(db.f, db.nf, dataset, dc_factors_canonical(dataset, name), name, variant, year,
                 earlier, out, err, errsize);
}

/* ======================================================================
 * a script's own dataset
 * ====================================================================== */

struct dc_factor_set {
  dc_csv *csv;
  dc_factor *f;
  size_t nf;
  char *name;      /* as the script wrote it: the records' dataset */
  char *errname;   /* "/" + name, for fail() */
};

void dc_factors_set_free(dc_factor_set *s) {
  if (!s) return;
  dc_csv_free(s->csv);
  free(s->f);
  free(s->name);
  free(s->errname);
  free(s);
}

static char *dup_prefixed(const char *prefix, const char *s) {
  size_t a = strlen(prefix), b = strlen(s);
  char *d = malloc(a + b + 1);
  if (d) {
    memcpy(d, prefix, a);
    memcpy(d + a, s, b + 1);
  }
  return d;
}

int dc_factors_set_read(const char *path, const char *name, dc_factor_set **out, dc_err *e) {
  size_t errsize;
  char *err = begin(e, &errsize);
  dc_factor_set *s = calloc(1, sizeof *s);
  *out = NULL;
  if (!s || !(s->name = dup_prefixed("", name)) || !(s->errname = dup_prefixed("/", name))) {
    dc_factors_set_free(s);
    snprintf(err, errsize, "%s: out of memory", name);
    return -1;
  }
  dc_csv_error ce;
  if (dc_csv_read_file(path, &s->csv, &ce) != 0) {
    if (ce.line) fail(err, errsize, s->errname, ce.line, ce.col, "%s", ce.msg);
    else snprintf(err, errsize, "%s: %.300s", name, ce.msg);
    e->code = ce.code;
    e->line = ce.line;
    e->col = ce.col;
    dc_factors_set_free(s);
    return -1;
  }
  if (parse_values(s->name, s->errname, s->csv, true, &s->f, &s->nf, err, errsize) != 0) {
    dc_factors_set_free(s);
    return -1;
  }
  if (s->nf == 0) {
    snprintf(err, errsize, "%s: no values (a header and at least one row are needed)", name);
    dc_factors_set_free(s);
    return -1;
  }
  *out = s;
  return 0;
}

size_t dc_factors_set_count(const dc_factor_set *s) { return s ? s->nf : 0; }
const dc_factor *dc_factors_set_at(const dc_factor_set *s, size_t i) {
  return s && i < s->nf ? &s->f[i] : NULL;
}
const char *dc_factors_set_name(const dc_factor_set *s) { return s ? s->name : ""; }

int dc_factors_set_find(const dc_factor_set *s, const char *name, const char *variant, int year,
                        bool earlier, const dc_factor **out, dc_err *e) {
  size_t errsize;
  char *err = begin(e, &errsize);
  const char *canon = NULL;
  for (size_t i = 0; i < s->nf && !canon; i++)
    if (norm_eq(s->f[i].name, name)) canon = s->f[i].name;
  return find_in(s->f, s->nf, s->name, canon, name, variant, year, earlier, out, err, errsize);
}

int dc_factors_fuel(const char *name, const dc_factor **ncv, const dc_factor **co2,
                    double *co2_per_kg, dc_err *e) {
  if (dc_factors_find("fuel", name, "ncv", 0, false, ncv, e) != 0) return -1;
  if (dc_factors_find("fuel", name, "co2", 0, false, co2, e) != 0) return -1;
  /* J/kg x kgCO2/J: the derived column of IPCC Table 1.2 x 1.4 */
  *co2_per_kg = (*ncv)->si * (*co2)->si;
  return 0;
}

bool dc_factors_match(const dc_factor *f, const char *query) {
  if (!query || !*query) return true;
  char year[16];
  snprintf(year, sizeof year, "%d", f->year);
  if (icontains(f->dataset, query) || icontains(f->name, query) || icontains(f->variant, query) ||
      icontains(f->unit, query) || icontains(f->source, query) ||
      (f->year && icontains(year, query)))
    return true;
  for (size_t i = 0; i < db.na; i++)
    if (strcmp(db.a[i].dataset, f->dataset) == 0 && strcmp(db.a[i].name, f->name) == 0 &&
        icontains(db.a[i].alias, query))
      return true;
  if (strcmp(f->dataset, "grid") == 0) {
    const dc_region *g = dc_factors_region(f->name);
    if (g && (icontains(g->iso, query) || icontains(g->description, query) ||
              (g->name_zh[0] && strstr(g->name_zh, query))))
      return true;
  }
  return false;
}
