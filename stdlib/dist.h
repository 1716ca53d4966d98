/* dist.h — the distributions of uncertain inputs, each given as (CENTRAL,
 * low, high) as issue 13 defines them, or (CENTRAL, sd) for a normal; their
 * quantile functions (inverse CDFs), so that one uniform u can move a whole
 * correlated group, and the standard normal's CDF and quantile. Plain C, no
 * Lua (the binding is uncertain_lua.c); docs/uncertainty.md has the formulas. */
#ifndef DC_DIST_H
#define DC_DIST_H

#include <stddef.h>

typedef enum dc_dist_kind {
  DC_DIST_TRIANGULAR, /* mode CENTRAL on [low, high] */
  DC_DIST_UNIFORM,    /* on [low, high]; CENTRAL is the value without sampling */
  DC_DIST_NORMAL,     /* mean = median = CENTRAL; low/high the 5th/95th percentiles */
  DC_DIST_LOGNORMAL,  /* median = CENTRAL; low/high the 5th/95th percentiles, > 0 */
  DC_DIST_NKINDS
} dc_dist_kind;

/* A distribution, ready to draw from. low/high are the bounds (triangular,
 * uniform) or the 5th/95th percentiles (normal, lognormal, also when made
 * from sd); mu/sigma are those of the normal (of the log, for lognormal);
 * has_sd says the normal was given as sd = (for display). */
typedef struct dc_dist {
  dc_dist_kind kind;
  double central, low, high;
  double mu, sigma;
  int has_sd;
} dc_dist;

/* The two-sided 90 % normal quantile Φ^-1(0.95), which turns a 5th..95th
 * percentile range into a standard deviation. */
#define DC_Z95 1.6448536269514722

/* How far a normal's range may stray from symmetric about CENTRAL (and a
 * lognormal's, in logs): |(high - C) - (C - low)| <= this share of their mean. */
#define DC_DIST_SYMMETRY 0.05

/* Writes a value as a message shows it ("80 tCO2e/yr"); ctx is the caller's.
 * NULL means dc_fmt_number (a bare number). Returns the length, as snprintf. */
typedef size_t (*dc_dist_fmt)(char *buf, size_t size, double v, void *ctx);

/* Fills *d from CENTRAL, low, high. 0, or -1 with a message in err that says
 * what is wrong and what would be right ("low = 130 is above CENTRAL 100:
 * give low <= CENTRAL <= high"), values written by fmt. */
int dc_dist_make(dc_dist *d, dc_dist_kind kind, double central, double low, double high,
                 dc_dist_fmt fmt, void *ctx, char *err, size_t errsize);

/* A normal from CENTRAL (its mean) and sd >= 0 (sd = 0: always CENTRAL). 0,
 * or -1 with err. sd is a difference: fmt gets it as it is. */
int dc_dist_make_sd(dc_dist *d, double central, double sd, dc_dist_fmt fmt, void *ctx,
                    char *err, size_t errsize);

/* The value at cumulative probability u: u in [0, 1] for triangular and
 * uniform, (0, 1) for normal and lognormal (NaN outside). Monotone
 * non-decreasing in u; a degenerate range (low == high, sd = 0) gives CENTRAL. */
double dc_dist_quantile(const dc_dist *d, double u);

/* dc_dist_quantile of each u[k], in place (the same values; many at once). */
void dc_dist_quantiles(const dc_dist *d, double *u, size_t n);

/* How far apart two uniforms must be for their quantiles to be in the same
 * order, surely (the quantile strictly increases, and its rounding is far
 * below the step: 1024 units in the last place of the largest value): two
 * uniforms at least this far apart give values in the same order as they
 * are. Closer ones must be compared by their quantiles. INFINITY when the
 * quantile is not strictly increasing (a degenerate range, sd = 0) or the
 * parameters are not finite. The Monte Carlo ranks the uniforms instead of
 * the draws with it (montecarlo.c). */
double dc_dist_order_gap(const dc_dist *d);

/* P(X <= x); for tests and for a Kolmogorov-Smirnov check. */
double dc_dist_cdf(const dc_dist *d, double x);

/* Mean and variance in closed form (for tests and docs). */
double dc_dist_mean(const dc_dist *d);
double dc_dist_variance(const dc_dist *d);

/* "triangular", "uniform", "normal", "lognormal"; parse returns -1 for an
 * unknown name. */
const char *dc_dist_name(dc_dist_kind kind);
int dc_dist_parse(const char *name, dc_dist_kind *kind);

/* The standard normal: Φ(x) and its inverse Φ^-1(p) for 0 < p < 1 (-inf at
 * 0, +inf at 1, NaN outside). The inverse is Wichura's AS 241 (PPND16),
 * good to about 1e-16 relative. */
double dc_norm_cdf(double x);
double dc_norm_quantile(double p);

#endif
