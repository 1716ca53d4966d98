/* units_loop.c — the a*b + c loop on plain doubles, the C floor of the units
 * benchmark; N from argv so the compiler cannot fold it. Prints ns per op. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000000;
  volatile double a = 1.5, b = 2.5;
  double c = 0;
  clock_t t0 = clock();
  for (long i = 0; i < n; i++) c = a * b + c;
  clock_t t1 = clock();
  printf("%.2f\n", (double)(t1 - t0) / CLOCKS_PER_SEC * 1e9 / (double)n);
  return c > 0 ? 0 : 1;
}
