/* fuzz_csv.c — libFuzzer target for the RFC 4180 reader (stdlib/csv.c):
 * any bytes must parse or fail with a positioned message, never crash; on
 * success every cell is readable and positioned. Build and run like the
 * units target: clang -fsanitize=fuzzer,address,undefined -Istdlib
 * tests/fuzz/fuzz_csv.c stdlib/csv.c, then ./a.out -runs=300000 CORPUS. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dc_csv *c;
  dc_csv_error e;
  if (dc_csv_parse((const char *)data, size, &c, &e) != 0) {
    if (strlen(e.msg) == 0) __builtin_trap();
    return 0;
  }
  size_t rows = dc_csv_rows(c), cols = dc_csv_cols(c), total = 0;
  for (size_t r = 0; r < rows; r++)
    for (size_t k = 0; k < cols; k++) {
      int line, col;
      total += strlen(dc_csv_cell(c, r, k));
      dc_csv_where(c, r, k, &line, &col);
      if (line < 1 || col < 1) __builtin_trap();
    }
  if (total > size) __builtin_trap();
  (void)dc_csv_find(c, "year");
  dc_csv_free(c);
  return 0;
}
