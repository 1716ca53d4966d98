/* seek.h — the root finder of goal seek: on a C callback f(x) (a target's
 * margin: met when f(x) >= 0) over [lo, hi], probe for monotonicity, expand
 * the bracket when asked, then Brent's method (R. P. Brent, "Algorithms for
 * minimization without derivatives", 1973, ch. 4) to a relative tolerance.
 * Plain C, no Lua, no plan: the plan's seek wraps a re-evaluation as f. */
#ifndef DC_SEEK_H
#define DC_SEEK_H

/* The function searched: the margin at x (>= 0: met). NaN means "could not
 * evaluate" and stops the search (status DC_SEEK_FAILED). */
typedef double (*dc_seek_fn)(double x, void *ctx);

typedef enum dc_seek_status {
  DC_SEEK_FOUND,        /* x: the met end of a bracket narrower than the tolerance */
  DC_SEEK_ALWAYS_MET,   /* met (f >= 0) everywhere probed: x = lo */
  DC_SEEK_UNREACHABLE,  /* missed (f < 0) everywhere probed: f_lo, f_hi say by how much */
  DC_SEEK_NOT_MONOTONE, /* bad[0..2]: three points x0 < x1 < x2 with f(x1) outside [f(x0), f(x2)] */
  DC_SEEK_FAILED,       /* f returned NaN at x */
  DC_SEEK_LIMIT,        /* max_evals reached before convergence (x: best so far) */
  DC_SEEK_BAD_RANGE     /* lo >= hi, a bound not finite, or bad options: nothing evaluated */
} dc_seek_status;

/* Options; a zero field takes its default. */
typedef struct dc_seek_opts {
  double rtol;   /* bracket width <= rtol * |x| (+ rtol * 1e-6 * (hi - lo) near 0); 1e-6 */
  int probes;    /* evenly spaced points over [lo, hi] first, ends included (>= 2); 5 */
  int max_evals; /* at most this many calls of f (<= DC_SEEK_MAX_EVALS); 100 */
  double hi_max; /* > hi: when [lo, hi] holds no change, try lo + (hi - lo) 2^k up to hi_max */
} dc_seek_opts;

#define DC_SEEK_MAX_EVALS 200

typedef struct dc_seek_point {
  double x, f;
} dc_seek_point;

typedef struct dc_seek_result {
  dc_seek_status status;
  double x, fx;      /* the answer and f there (see the status) */
  double lo, hi;     /* the range searched, after any expansion */
  double f_lo, f_hi; /* f at lo and at hi */
  dc_seek_point bad[3];
  int evals;         /* calls of f */
} dc_seek_result;

/* Searches f over [lo, hi] and fills *res; returns res->status. The answer
 * is deterministic: the same f gives the same calls in the same order. */
dc_seek_status dc_seek(dc_seek_fn f, void *ctx, double lo, double hi, const dc_seek_opts *opts,
                       dc_seek_result *res);

/* "found", "always met", "unreachable", "not monotone", "failed", "limit",
 * "bad range" */
const char *dc_seek_status_name(dc_seek_status s);

#endif
