/* result_mc_merge.h — the Monte Carlo blocks of one run put together again,
 * for `decarb merge`: `decarb check --samples A:B --format jsonl` runs each
 * compute samples A..B-1 of the same run (same --seed), and the merge of
 * all the blocks is, byte for byte, the run over all the samples (P(met)
 * and its interval, the drivers, the percentiles: dc_result_merge_mc in
 * montecarlo.h recomputes them from the raw samples the blocks carry).
 * Plain C, no Lua; docs/scale.md. */
#ifndef DC_RESULT_MC_MERGE_H
#define DC_RESULT_MC_MERGE_H

#include <stddef.h>

#include "result.h"

/* v[0..*n): the results read from several inputs, in order; run[i] is the
 * input result i came from and names[run[i]] its name (for messages). The
 * k-th plan of a file and name in one input, with a Monte Carlo, and the
 * k-th plan of that file and name in another input are blocks of one plan:
 * they are merged, in sample order, into one result that takes the place
 * of the first, and *n shrinks (the others freed). Results without a
 * Monte Carlo stay as they are. The blocks of a plan must share the seed
 * and the plan's verdicts, and cover samples FIRST..END-1 without a gap or
 * an overlap. Returns 0, or -1 with a message in err naming the plan and
 * the inputs (v and *n then hold every result, some perhaps merged: free
 * them all). */
int dc_result_merge_blocks(dc_result **v, size_t *n, const int *run, const char *const *names, char *err,
                           size_t errsize);

#endif
