/* common.c — what every report writer shares (see report_int.h), the
 * format table and dc_report_write. Every number goes through
 * dc_fmt_number (text) or dc_fmt_shortest (JSON, through stdlib/jsonw.c). */
#include "report_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "units_display.h"

static const char *const format_names[DC_REPORT_NFORMATS] = {
    "text", "json", "csv", "tap", "junit", "jsonl", "github", "csv-targets", "html"};

int dc_report_format_parse(const char *name, dc_report_format *out) {
  for (int i = 0; i < DC_REPORT_NFORMATS; i++)
    if (strcmp(name, format_names[i]) == 0) {
      *out = (dc_report_format)i;
      return 0;
    }
  return -1;
}

int dc_report_streams(dc_report_format f) { return f == DC_REPORT_JSONL; }

void dc_rep_pick_disp(dc_dims dims, int has_disp, const dc_display *disp, const double *v, int n,
                      dc_display *out) {
  dc_units_display_pick(dims, has_disp, disp, v, n, out);
}

double dc_rep_in_disp(double si, const dc_display *d) { return (si - d->offset) / d->scale; }

/* the label with prefix p before base parses as a unit of dims: its scale */
static int prefixed(const char *p, const char *base, dc_dims dims, dc_display *out) {
  char label[DC_LABEL_MAX];
  dc_unit u;
  dc_units_error err;
  if ((size_t)snprintf(label, sizeof label, "%s%s", p, base) >= sizeof label) return 0;
  if (dc_units_parse(label, &u, &err) != 0 || !dc_dims_eq(u.dims, dims) || u.offset != 0) return 0;
  snprintf(out->label, sizeof out->label, "%s", label);
  out->scale = u.scale;
  out->offset = 0;
  return 1;
}

void dc_rep_reprefix(const dc_display *d, dc_dims dims, double largest, dc_display *out, char *base, size_t bsize) {
  static const char *const pfx[] = {"", "k", "M", "G", "T", "P"};
  const char *b = d->label;
  dc_display probe = *d;
  *out = *d;
  /* the base: the label without a prefix that leaves a unit of the same kind
     (grams take no prefix above k: masses go by tonnes) */
  if (strchr("kMGTP", b[0]) && b[0] && b[1] != 'g' && prefixed("", b + 1, dims, &probe)) b++;
  snprintf(base, bsize, "%s", b);
  if (!d->label[0] || d->offset != 0 || b[0] == 'g') return;
  int found = 0;
  for (size_t i = 0; i < sizeof pfx / sizeof pfx[0]; i++) {
    if (!prefixed(pfx[i], b, dims, &probe)) continue;
    char t[64];
    dc_fmt_number(t, sizeof t, largest / probe.scale, 0); /* as it will show */
    if (!found || strtod(t, NULL) >= 1) {
      *out = probe;
      out->co2e = d->co2e;
      found = 1;
    }
  }
}

double dc_rep_share(const dc_result_measure *me, const double *gap, int i) {
  if (me->share) return me->share[i];
  return me->wedge && gap && gap[i] != 0 ? me->wedge[i] / gap[i] : NAN;
}

const char *dc_rep_target_file(const dc_result *r, const dc_result_target *x) {
  return x->file ? x->file : r->file;
}

dc_display dc_rep_diff_disp(const dc_display *d) {
  dc_display z = *d;
  z.offset = 0;
  if (strcmp(z.label, "%") == 0) snprintf(z.label, sizeof z.label, "pp");
  return z;
}

int dc_rep_margin_digits(double margin, double value, double bound) {
  double ref = fmax(isfinite(value) ? fabs(value) : 0, isfinite(bound) ? fabs(bound) : 0);
  if (!isfinite(margin) || margin == 0 || ref == 0) return 0;
  /* the last digit value and bound show: DC_FMT_DIGITS significant ones,
     after rounding (99.99996 shows as 100) */
  char t[64];
  dc_fmt_number(t, sizeof t, ref, 0);
  double shown = strtod(t, NULL);
  if (!(shown > 0) || shown >= 1e15 || shown < 1e-4) return 0; /* exponent notation: no columns to align */
  int last = (int)floor(log10(shown)) - (DC_FMT_DIGITS - 1);
  int digits = (int)floor(log10(fabs(margin))) - last + 1;
  if (digits < 1) digits = 1; /* a margin below that digit still shows one */
  return digits > DC_FMT_DIGITS ? DC_FMT_DIGITS : digits;
}

size_t dc_rep_fmt_pct(char *buf, size_t size, double rel) {
  char num[64];
  if (!isfinite(rel)) return (size_t)snprintf(buf, size, "—");
  dc_fmt_number(num, sizeof num, rel * 100, 3);
  return (size_t)snprintf(buf, size, "%s %%", num);
}

void dc_rep_target_disp(const dc_result *r, int t, dc_display *d) {
  const dc_result_target *x = &r->targets[t];
  dc_rep_pick_disp(x->value_dims, x->has_disp, &x->value_disp, x->value, r->y1 - r->y0 + 1, d);
}

int dc_rep_emissions_disp(const dc_result *r, dc_display *d) {
  memset(d, 0, sizeof *d);
  d->scale = 1;
  if (r->nmetrics <= DC_MET_ABATEMENT || !r->metrics[DC_MET_EMISSIONS].ok) return 0;
  const dc_result_metric *m = &r->metrics[DC_MET_EMISSIONS];
  dc_rep_pick_disp(m->dims, m->has_disp, &m->disp, dc_result_values(r, r->scenario, DC_MET_ABATEMENT),
                   r->y1 - r->y0 + 1, d);
  return 1;
}

size_t dc_report_verdict(char *buf, size_t size, const dc_result *r, int t, int ascii) {
  if (t < 0 || (size_t)t >= r->ntargets || !r->targets[t].evaluated)
    return (size_t)snprintf(buf, size, "not evaluated");
  const dc_result_target *x = &r->targets[t];
  dc_display d;
  dc_rep_target_disp(r, t, &d);
  int y = x->deciding;
  if (y == DC_PLAN_NOYEAR) return (size_t)snprintf(buf, size, "no year to judge");
  int i = y - r->y0;
  char v[128], b[128], m[128], pc[80];
  dc_display z = dc_rep_diff_disp(&d);
  dc_fmt_quantity(v, sizeof v, x->value[i], &d, 0);
  dc_fmt_quantity(b, sizeof b, x->bound[i], &d, 0);
  dc_fmt_quantity(m, sizeof m, fabs(x->margin[i]), &z,
                 dc_rep_margin_digits(x->margin[i] / d.scale, dc_rep_in_disp(x->value[i], &d),
                                      dc_rep_in_disp(x->bound[i], &d)));
  dc_rep_fmt_pct(pc, sizeof pc, fabs(x->margin_rel[i]));
  int atleast = x->kind == DC_TARGET_AT_LEAST;
  const char *ok = atleast ? (ascii ? ">=" : "≥") : (ascii ? "<=" : "≤");
  const char *bad = atleast ? "<" : ">";
  if (x->met)
    return (size_t)snprintf(buf, size, "met, tightest in %d: %s %s %s (margin %s, %s)", y, v, ok, b, m, pc);
  return (size_t)snprintf(buf, size, "missed in %d: %s %s %s (short by %s, %s)", y, v, bad, b, m, pc);
}

void dc_report_count(dc_result *const *results, size_t n, int *met, int *total) {
  *met = *total = 0;
  for (size_t k = 0; k < n; k++) {
    *met += results[k]->met;
    *total += (int)results[k]->ntargets;
  }
}

void dc_rep_shown_years(const dc_result *r, const dc_report_opts *o, int *a, int *b) {
  *a = r->y0;
  *b = r->y1;
  if (o->y0 || o->y1) {
    if (o->y0 > *a) *a = o->y0;
    if (o->y1 < *b) *b = o->y1;
  }
}

void dc_rep_csv_field(FILE *f, const char *s) {
  if (!s) s = "";
  if (!strpbrk(s, ",\"\n\r")) {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s, f);
  }
  fputc('"', f);
}

void dc_rep_xml_text(FILE *f, const char *s) {
  for (; s && *s; s++) {
    switch (*s) {
    case '<': fputs("&lt;", f); break;
    case '>': fputs("&gt;", f); break;
    case '&': fputs("&amp;", f); break;
    case '"': fputs("&quot;", f); break;
    case '\'': fputs("&apos;", f); break;
    default:
      if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t') fputc(' ', f);
      else fputc(*s, f);
    }
  }
}

/* TAP descriptions and comments: '#' escaped, a newline, a carriage return
 * or any other control character printed as one space. */
void dc_rep_tap_text(FILE *f, const char *s) {
  for (; *s; s++) {
    if (*s == '#') fputc('\\', f);
    fputc((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s, f);
  }
}

int dc_report_write(FILE *out, dc_result *const *results, size_t n, const dc_report_opts *o) {
  static void (*const writers[DC_REPORT_NFORMATS])(FILE *, dc_result *const *, size_t, const dc_report_opts *) = {
      dc_rep_write_text, NULL, dc_rep_write_csv, dc_rep_write_tap,
      dc_rep_write_junit, NULL, dc_rep_write_github, dc_rep_write_csv_targets, NULL};
  int bad = 0;
  /* plans without the scenario asked for: text, TAP and JUnit list them as
     skipped; the data formats leave them out (stderr said so) */
  dc_result **kept = NULL;
  int lists_skipped = o->format == DC_REPORT_TEXT || o->format == DC_REPORT_TAP || o->format == DC_REPORT_JUNIT;
  size_t nk = 0;
  for (size_t k = 0; k < n; k++) nk += results[k]->missing_scenario == NULL;
  if (!lists_skipped && nk < n) {
    kept = malloc((nk ? nk : 1) * sizeof *kept);
    if (!kept) return -1;
    nk = 0;
    for (size_t k = 0; k < n; k++)
      if (!results[k]->missing_scenario) kept[nk++] = results[k];
    results = kept;
    n = nk;
  }
  if (o->format == DC_REPORT_JSONL) bad = dc_rep_write_jsonl(out, results, n, o);
  else if (o->format == DC_REPORT_JSON) bad = dc_rep_write_json(out, results, n, o);
  else if (o->format == DC_REPORT_HTML) bad = dc_rep_write_html(out, results, n, o);
  else writers[o->format](out, results, n, o);
  free(kept);
  return bad || ferror(out) ? -1 : 0;
}
