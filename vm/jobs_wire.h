/* jobs_wire.h — the binary wire form of a dc_result between a worker of
 * `decarb check --jobs N` and its parent (jobs.h). One binary, so one
 * layout; never stored. Every field of dc_result (result.h), its Monte
 * Carlo included (the raw per-sample values of struct dc_mc as laid out in
 * montecarlo.h; the draws always as values), has one line in jobs_wire_put and one in jobs_wire_get;
 * r->detail (explain's) is not carried. tests/jobs.test.sh compares every
 * example in every format, with and without --samples, with --jobs 1. */
#ifndef DC_JOBS_WIRE_H
#define DC_JOBS_WIRE_H

#include <stddef.h>
#include <stdio.h>

#include "result.h"

/* Writes r to f (a memory stream). */
void dc_jobs_wire_put(FILE *f, const dc_result *r);

/* The result in buf[0..len), or NULL when it is cut short, inconsistent or
 * memory runs out. */
dc_result *dc_jobs_wire_get(const unsigned char *buf, size_t len);

#endif
