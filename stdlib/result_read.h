/* result_read.h — reads decarb's own JSON reports back into dc_result
 * values (the inverse of `--format jsonl` and `--format json`), for
 * `decarb merge` and `decarb diff`. Schema: docs/schema/decarb-plan.json,
 * versions 1 and 2 (DC_RESULT_READ_VERSION; a whole JSON report: version 1).
 *
 * A result read back is in display units: every metric and target carries
 * the unit the report showed (has_disp = 1, scale 1, offset 0, the label),
 * its dims are unknown (all zero), and the years the report did not show
 * (--years) are NaN. Written again with any report format and the same
 * --years, it gives the report the original results gave, byte for byte
 * (tests/merge.test.sh), with these exceptions, since a JSON report does not
 * carry what they need: csv lists BAU, plan, then a plan's own scenarios in
 * name order (not in the order they were defined in); nsectors is 0 (no
 * wedges) or 1.
 *
 * Plain C on Debian's libjansson; no Lua. */
#ifndef DC_RESULT_READ_H
#define DC_RESULT_READ_H

#include <stddef.h>

#include "result.h"

/* JSON lines of version 2 are a Monte Carlo block (check --samples): its
 * "mc" member's raw samples are read into r->mc (montecarlo.h) and the
 * statistics (P(met), intervals, drivers, percentiles) computed from them
 * again with dc_result_set_mc, as the run that wrote the line did: the
 * percentiles are then in SI (as dc_result_read_to_si makes the rest). */
#define DC_RESULT_READ_VERSION 2
#define DC_RESULT_READ_JSON_VERSION 1

/* Reads JSON lines, one "decarb-plan" object per line (blank lines are
 * skipped; the last line must end with a newline, or it is taken as cut
 * short). On success returns 0 with *out a new array of *n results (free
 * with dc_result_read_free). On error returns -1, *out NULL, *n 0, and a
 * message in err ("line 3: ..."). */
int dc_result_read_jsonl(const char *text, size_t len, dc_result ***out, size_t *n, char *err, size_t errsize);

/* The same for a whole `decarb check --format json` report ("decarb-check"). */
int dc_result_read_json(const char *text, size_t len, dc_result ***out, size_t *n, char *err, size_t errsize);

/* Frees the n results of v and v. */
void dc_result_read_free(dc_result **v, size_t n);

/* A result as read holds the numbers in the units the report showed
 * (scale 1, no dimensions). The report writers of `decarb merge` work as on
 * a result made from a plan — in SI, with each value's dimensions (the text
 * table's one prefix per column needs them): this turns every value whose
 * unit label parses back into SI and sets its dimensions and scale; values
 * of a label that does not parse (a plain count) stay as read. */
void dc_result_read_to_si(dc_result *r);

#endif
