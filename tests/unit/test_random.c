/* test_random.c — cmocka tests of stdlib/random.c: Philox4x32-10 against
 * Random123's known answers (kat_vectors), draws that depend only on
 * (seed, sample, stream), and statistical sanity of the uniforms at fixed
 * seeds (mean, variance, a chi-square of 20 bins, serial correlation). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "random.h"

/* Random123 1.14, tests/kat_vectors, the three "philox4x32 10" lines:
   counter (4 words), key (2 words), expected output (4 words) */
static const uint32_t kat[3][10] = {
  {0, 0, 0, 0, 0, 0, 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
  {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0x408f276d,
   0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
  {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, 0xd16cfe09,
   0x94fdcceb, 0x5001e420, 0x24126ea1},
};

static void philox_known_answers(void **st) {
  (void)st;
  for (int t = 0; t < 3; t++) {
    uint32_t out[4];
    dc_philox4x32_10(kat[t], kat[t] + 4, out);
    for (int w = 0; w < 4; w++) assert_int_equal(out[w], kat[t][6 + w]);
    uint32_t inplace[4];
    memcpy(inplace, kat[t], sizeof inplace); /* out may alias ctr */
    dc_philox4x32_10(inplace, kat[t] + 4, inplace);
    assert_memory_equal(inplace, out, sizeof out);
  }
}

static void u64_is_the_block_words(void **st) {
  (void)st;
  /* the third vector as (seed, sample, stream): words in Random123's order */
  uint64_t seed = (uint64_t)0x299f31d0 << 32 | 0xa4093822;
  uint64_t sample = (uint64_t)0x85a308d3 << 32 | 0x243f6a88;
  uint64_t stream = (uint64_t)0x03707344 << 32 | 0x13198a2e;
  assert_true(dc_random_u64(seed, sample, stream) == ((uint64_t)0x94fdcceb << 32 | 0xd16cfe09));
  assert_true(dc_random_u64(0, 0, 0) == ((uint64_t)0xe169c58d << 32 | 0x6627e8d5));
}

static void uniform_open_interval_and_exact(void **st) {
  (void)st;
  /* (0, 0, 0): bits 0xe169c58d6627e8d5 >> 11, plus a half, over 2^53 */
  double u = dc_random_uniform(0, 0, 0);
  double want = ((double)(((uint64_t)0xe169c58d << 32 | 0x6627e8d5) >> 11) + 0.5) / 9007199254740992.0;
  assert_true(u == want);
  for (uint64_t i = 0; i < 100000; i++) {
    double v = dc_random_uniform(42, i, 7);
    assert_true(v > 0 && v < 1);
  }
}

/* Sample i draws the same values in any block order: one pass over 0..N-1
 * and a pass over two blocks in the reverse order agree exactly. */
static void block_independent(void **st) {
  (void)st;
  enum { N = 2000, INPUTS = 3 };
  static double one[N][INPUTS], split[N][INPUTS];
  for (uint64_t i = 0; i < N; i++)
    for (uint64_t k = 0; k < INPUTS; k++) one[i][k] = dc_random_uniform(2026, i, k);
  for (uint64_t i = N / 2; i < N; i++) /* block 1000:2000 first */
    for (uint64_t k = INPUTS; k-- > 0;) split[i][k] = dc_random_uniform(2026, i, k);
  for (uint64_t i = 0; i < N / 2; i++)
    for (uint64_t k = 0; k < INPUTS; k++) split[i][k] = dc_random_uniform(2026, i, k);
  assert_memory_equal(one, split, sizeof one);
  /* and seeds, samples, streams each change the draw */
  assert_true(dc_random_uniform(1, 5, 0) != dc_random_uniform(2, 5, 0));
  assert_true(dc_random_uniform(1, 5, 0) != dc_random_uniform(1, 6, 0));
  assert_true(dc_random_uniform(1, 5, 0) != dc_random_uniform(1, 5, 1));
  /* sample 2^32 is not sample 0: both counter words are used */
  assert_true(dc_random_uniform(1, (uint64_t)1 << 32, 0) != dc_random_uniform(1, 0, 0));
}

/* mean, variance, chi-square over 20 bins, lag-1 correlation, for a few
 * seeds and streams. Bounds: mean within 5 standard errors; chi-square (19
 * degrees of freedom) below 43.8, its 99.9th percentile; each would fail
 * for a generator that is stuck, biased or correlated. */
/* the batched form gives the generator's values bit for bit, across the
 * 2^32 boundary of the sample counter and for a tail shorter than a batch */
static void batched_samples_equal_single(void **st) {
  (void)st;
  enum { N = 1000 + 5 };
  static double out[N];
  const uint64_t firsts[] = {0, ((uint64_t)1 << 32) - 500, 123456789};
  const uint64_t streams[] = {9, 0x8000000000000123u}; /* a group's stream has its top bit set */
  for (size_t f = 0; f < 6; f++) {
    uint64_t sm = streams[f / 3], a = firsts[f % 3], seed = f < 3 ? 77 : 0xFEDCBA9876543210u;
    dc_random_uniform_samples(seed, a, sm, N, out);
    for (uint64_t k = 0; k < N; k++)
      if (out[k] != dc_random_uniform(seed, a + k, sm)) fail_msg("sample %llu differs", (unsigned long long)(a + k));
  }
  dc_random_uniform_samples(77, 0, 9, 3, out); /* shorter than one batch */
  assert_true(out[2] == dc_random_uniform(77, 2, 9));
}

static void uniform_statistics(void **st) {
  (void)st;
  enum { N = 200000, BINS = 20 };
  const uint64_t seeds[] = {0, 1, 20261201, 0xffffffffffffffffu};
  for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
    double sum = 0, sum2 = 0, lag = 0, prev = 0.5;
    unsigned bins[BINS] = {0};
    for (uint64_t i = 0; i < N; i++) {
      double u = dc_random_uniform(seeds[s], i, s);
      sum += u;
      sum2 += u * u;
      lag += (u - 0.5) * (prev - 0.5);
      prev = u;
      bins[(int)(u * BINS)]++;
    }
    double mean = sum / N, var = sum2 / N - mean * mean;
    assert_true(fabs(mean - 0.5) < 5 * sqrt(1.0 / 12 / N));
    assert_true(fabs(var - 1.0 / 12) < 0.002); /* sd of the estimate: ~1.7e-4 */
    assert_true(fabs(lag / N / (1.0 / 12)) < 5 / sqrt((double)N));
    double chi = 0, e = (double)N / BINS;
    for (int b = 0; b < BINS; b++) chi += (bins[b] - e) * (bins[b] - e) / e;
    if (chi > 43.8) fail_msg("chi-square %g over 20 bins (seed %zu)", chi, s);
  }
}

static void group_streams(void **st) {
  (void)st;
  uint64_t a = dc_random_stream_of("pv hours", 8), b = dc_random_stream_of("pv hours", 8);
  assert_true(a == b);
  assert_true(a >> 63 == 1); /* never a small input index */
  assert_true(dc_random_stream_of("pv hourz", 8) != a);
  assert_true(dc_random_stream_of("", 0) == (0xcbf29ce484222325u | (uint64_t)1 << 63));
}

static void command_line_numbers(void **st) {
  (void)st;
  uint64_t s, a, b;
  char err[200];
  assert_int_equal(dc_random_parse_seed("0", &s, err, sizeof err), 0);
  assert_true(s == 0);
  assert_int_equal(dc_random_parse_seed("18446744073709551615", &s, err, sizeof err), 0);
  assert_true(s == UINT64_MAX);
  static const char *const bad_seeds[] = {"abc", "", "-1", "+1", " 1", "1 ", "0x10", "1e3", "1.0",
                                          "18446744073709551616"};
  for (size_t i = 0; i < sizeof bad_seeds / sizeof *bad_seeds; i++)
    assert_int_equal(dc_random_parse_seed(bad_seeds[i], &s, err, sizeof err), -1);
  dc_random_parse_seed("abc", &s, err, sizeof err);
  assert_string_equal(err, "--seed takes a whole number from 0 to 18446744073709551615, got 'abc'");
  assert_int_equal(dc_random_parse_samples("10000", &a, &b, err, sizeof err), 0);
  assert_true(a == 0 && b == 10000);
  assert_int_equal(dc_random_parse_samples("5000:10000", &a, &b, err, sizeof err), 0);
  assert_true(a == 5000 && b == 10000);
  static const char *const bad_samples[] = {"0", "-1", "", "abc", "5:5", "6:5", ":5", "5:", "1:2:3",
                                            "1e4", "99999999999999999999"};
  for (size_t i = 0; i < sizeof bad_samples / sizeof *bad_samples; i++)
    if (dc_random_parse_samples(bad_samples[i], &a, &b, err, sizeof err) != -1)
      fail_msg("'%s' accepted", bad_samples[i]);
  dc_random_parse_samples("0", &a, &b, err, sizeof err);
  assert_string_equal(err, "--samples takes a count N >= 1 or a block A:B of sample numbers "
                           "(0 <= A < B, B not counted), got '0'");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(philox_known_answers),
    cmocka_unit_test(u64_is_the_block_words),
    cmocka_unit_test(uniform_open_interval_and_exact),
    cmocka_unit_test(block_independent),
    cmocka_unit_test(batched_samples_equal_single),
    cmocka_unit_test(uniform_statistics),
    cmocka_unit_test(group_streams),
    cmocka_unit_test(command_line_numbers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
