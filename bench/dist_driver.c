/* dist_driver.c — bench driver for `make bench` (bench/uncertain.bench.sh):
 * N draws of one distribution, each the quantile of a Philox uniform for
 * (seed, sample i, stream 0) as the Monte Carlo will draw them. Prints ns
 * per draw. Mode "batch": uniforms 1,024 samples at a time
 * (dc_random_uniform_samples), "single": one dc_random_uniform per draw.
 * Usage: dist_driver triangular|uniform|normal|lognormal N batch|single */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dist.h"
#include "random.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: the machine is shared */
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
  dc_dist_kind kind;
  if (argc != 4 || dc_dist_parse(argv[1], &kind) < 0) {
    fprintf(stderr, "usage: dist_driver triangular|uniform|normal|lognormal N batch|single\n");
    return 2;
  }
  long n = atol(argv[2]);
  dc_dist d;
  char err[300];
  /* the same parameters as dist_numpy.py */
  double c = 100, lo = kind == DC_DIST_LOGNORMAL ? 50 : 80, hi = kind == DC_DIST_LOGNORMAL ? 200 : 120;
  if (dc_dist_make(&d, kind, c, lo, hi, NULL, NULL, err, sizeof err) < 0) {
    fprintf(stderr, "%s\n", err);
    return 1;
  }
  int batch = strcmp(argv[3], "batch") == 0;
  static double u[1024];
  double sum = 0, t0 = now();
  if (batch) {
    for (long i = 0; i < n; i += 1024) {
      long m = n - i < 1024 ? n - i : 1024;
      dc_random_uniform_samples(2026, (uint64_t)i, 0, (uint64_t)m, u);
      for (long k = 0; k < m; k++) sum += dc_dist_quantile(&d, u[k]);
    }
  } else {
    for (long i = 0; i < n; i++) sum += dc_dist_quantile(&d, dc_random_uniform(2026, (uint64_t)i, 0));
  }
  double t1 = now();
  fprintf(stderr, "mean %g\n", sum / (double)n); /* keeps the loop */
  printf("%.2f\n", (t1 - t0) / (double)n);
  return 0;
}
