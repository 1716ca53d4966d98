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
    "text", "json", "csv", "tap", "junit", "jsonl", "github", "csv-targets"};

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
  if (has_disp && disp->label[0]) {
    *out = *disp;
    /* a plain number given as unit "1" shows no unit, like any other */
    if (dc_dims_none(dims) && strcmp(out->label, "1") == 0) out->label[0] = '\0';
    return;
  }
  double mx = 0;
  for (int i = 0; v && i < n; i++)
    if (isfinite(v[i]) && fabs(v[i]) > mx) mx = fabs(v[i]);
  dc_units_display_for(dims, mx, has_disp ? disp : NULL, out);
}

double dc_rep_in_disp(double si, const dc_display *d) { return (si - d->offset) / d->scale; }

size_t dc_rep_fmt_val(char *buf, size_t size, double si, const dc_display *d, int digits) {
  char num[64];
  if (isnan(si)) return (size_t)snprintf(buf, size, "—");
  dc_fmt_number(num, sizeof num, dc_rep_in_disp(si, d), digits);
  if (!d->label[0]) return (size_t)snprintf(buf, size, "%s", num);
  return (size_t)snprintf(buf, size, "%s %s", num, d->label);
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
  dc_rep_fmt_val(v, sizeof v, x->value[i], &d, 0);
  dc_rep_fmt_val(b, sizeof b, x->bound[i], &d, 0);
  dc_rep_fmt_val(m, sizeof m, fabs(x->margin[i]), &z, 0);
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

/* Columns a UTF-8 string takes on a terminal: one a character, two for the
 * wide East Asian ones (CJK, Hangul, full-width forms). */
int dc_rep_text_width(const char *s) {
  int w = 0;
  for (const unsigned char *c = (const unsigned char *)s; *c;) {
    unsigned cp = *c;
    int len = cp < 0x80 ? 1 : cp >= 0xf0 ? 4 : cp >= 0xe0 ? 3 : cp >= 0xc0 ? 2 : 1;
    if (len > 1) cp &= 0x3fu >> (len - 1);
    for (int i = 1; i < len && c[i]; i++) cp = cp << 6 | (c[i] & 0x3fu);
    for (int i = 0; i < len && *c; i++) c++;
    int wide = (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
               (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
               (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
               (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

void dc_rep_put_padded(FILE *f, const char *s, int width, int right) {
  int pad = width - dc_rep_text_width(s);
  if (!right) fputs(s, f);
  for (; pad > 0; pad--) fputc(' ', f);
  if (right) fputs(s, f);
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
      dc_rep_write_junit, NULL, dc_rep_write_github, dc_rep_write_csv_targets};
  int bad = 0;
  if (o->format == DC_REPORT_JSONL) bad = dc_rep_write_jsonl(out, results, n, o);
  else if (o->format == DC_REPORT_JSON) bad = dc_rep_write_json(out, results, n, o);
  else writers[o->format](out, results, n, o);
  return bad || ferror(out) ? -1 : 0;
}
