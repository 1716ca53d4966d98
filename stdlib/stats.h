/* stats.h — the statistics of a Monte Carlo run: P(met) with its Wilson
 * interval, sample quantiles (Hyndman & Fan type 7, NumPy's default),
 * Spearman rank correlation for the drivers, and how the results of sample
 * blocks merge exactly. Plain C, no Lua; formulas in docs/uncertainty.md. */
#ifndef DC_STATS_H
#define DC_STATS_H

#include <stddef.h>
#include <stdint.h>

/* ---- P(met) ---------------------------------------------------------- */

/* Per target: how many samples met it out of how many. Merging two blocks
 * adds both counts, which is exact whatever the split. */
typedef struct dc_tally {
  uint64_t met, n;
} dc_tally;

static inline void dc_tally_add(dc_tally *t, int met) {
  t->met += met ? 1 : 0;
  t->n++;
}
static inline void dc_tally_merge(dc_tally *into, const dc_tally *block) {
  into->met += block->met;
  into->n += block->n;
}

/* Wilson's score interval for k successes in n trials at normal quantile z
 * (1.959963984540054 for 95 %): [lo, hi] within [0, 1], lo = 0 when k = 0
 * and hi = 1 when k = n. -1 when n = 0 or k > n (lo, hi untouched). */
int dc_wilson(uint64_t k, uint64_t n, double z, double *lo, double *hi);

/* ---- quantiles --------------------------------------------------------- */

/* Quantile p (0 <= p <= 1) of n >= 1 values sorted ascending, by Hyndman &
 * Fan's definition 7 (R's and NumPy's default): h = (n - 1) p, the value
 * x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). */
double dc_quantile_sorted(const double *x, size_t n, double p);

/* Sorts x in place (ascending; the order of equal values does not matter as
 * they are equal). -1 when a value is NaN (x then unspecified), else 0. */
int dc_stats_sort(double *x, size_t n);

/* The quantiles ps[0..np-1] (0 <= p <= 1, np <= 16) of n >= 1 values, as
 * dc_quantile_sorted would give them after sorting x, found without a sort
 * (by counts in buckets, else by selection, which reorders x: a few passes
 * rather than n log n comparisons). 0, or -1 when n is 0, a value is NaN
 * or a p is outside [0, 1]. */
int dc_stats_quantiles(double *x, size_t n, const double *ps, size_t np, double *out);

/* ---- samples of blocks ------------------------------------------------- */

/* One metric's per-sample values for samples first .. first + n - 1, in
 * sample order. Quantiles need every sample, so blocks keep their values and
 * merging concatenates them in sample order: the merged quantiles are those
 * of the single run, bit for bit. */
typedef struct dc_samples {
  uint64_t first;
  size_t n, cap;
  double *v;
} dc_samples;

/* Appends block b to a; b must start where a ends (b->first == a->first +
 * a->n), or a must be empty (it then starts at b->first). 0, or -1 when the
 * blocks do not meet or memory runs out (a unchanged). */
int dc_samples_merge(dc_samples *a, const dc_samples *b);
/* Appends one value (the next sample); 0 or -1 on no memory. */
int dc_samples_push(dc_samples *a, double v);
void dc_samples_free(dc_samples *a);

/* The quantiles ps[0..np-1] of a's values into out (a is not changed). 0, or
 * -1 when a is empty, holds a NaN, a p is outside [0, 1] or memory runs out. */
int dc_samples_quantiles(const dc_samples *a, const double *ps, size_t np, double *out);

/* ---- drivers ----------------------------------------------------------- */

/* Average ranks (1-based; ties share the mean of their positions) of x into
 * r. 0, or -1 on a NaN or no memory. */
int dc_stats_ranks(const double *x, size_t n, double *r);

/* The same ranks, by a radix sort (six passes of 11 bits over the doubles'
 * order-preserving bit patterns, a pass skipped when every value shares
 * its digit) with its buffers made once for many rankings of up to n
 * values (n < 2^32). */
typedef struct dc_ranker dc_ranker;
dc_ranker *dc_ranker_new(size_t n);
int dc_ranker_ranks(dc_ranker *rk, const double *x, size_t n, double *r);
void dc_ranker_free(dc_ranker *rk);

/* The ranks of n distinct values in [0, 1) (uniforms) into r, 1 .. n, and
 * the sample at each place into order (order[rank - 1]): one bucket sort,
 * a bucket per value. 0; 1 when two values tie, one is outside [0, 1), n
 * is beyond the ranker's size or the values bunch (then dc_ranker_ranks
 * must rank them). The ranks are those dc_ranker_ranks gives. */
int dc_ranker_unit_order(dc_ranker *rk, const double *u, size_t n, double *r, uint32_t *order);

/* Pearson's r of x and y (n >= 1), centred first; NaN when either is
 * constant. Of average ranks: Spearman's rho. */
double dc_stats_pearson(const double *x, const double *y, size_t n);

/* The same in steps, for one series against many: x centred into dx
 * (returns the sum of squares); r from the sums of products and squares
 * (NaN when a series does not vary; clamped to [-1, 1]), the same bits as
 * dc_stats_pearson when each sum runs in series order. */
double dc_stats_centre(const double *x, size_t n, double *dx);
double dc_stats_rho(double sxy, double sxx, double syy);

/* Sorts x in place by the ranker's radix sort (the same order as
 * dc_stats_sort). 0, or -1 on a NaN or n beyond the ranker's size. */
int dc_ranker_sort(dc_ranker *rk, double *x, size_t n);

/* The inputs by |rho[j]|, largest first (NaN last; ties by index) into
 * order[0..k-1]. 0, or -1 on no memory. */
int dc_stats_order_drivers(const double *rho, size_t k, size_t *order);

/* Spearman's rank correlation of x and y (n >= 2): the Pearson correlation
 * of their average ranks, in [-1, 1]. NaN when either is constant, n < 2,
 * a value is NaN or memory runs out. */
double dc_spearman(const double *x, const double *y, size_t n);

/* The drivers of one target: k inputs with n draws each (x[j*n + i] is
 * input j in sample i) against the target's margins y[0..n-1]. rho[j] is
 * Spearman's rho of input j and the margin; order[0..k-1] lists the inputs
 * by |rho|, largest first (NaN, a constant input, last; ties by index, so
 * the order is fixed). 0, or -1 on a NaN margin or no memory. */
int dc_stats_drivers(const double *x, size_t k, const double *y, size_t n, double *rho,
                     size_t *order);

#endif
