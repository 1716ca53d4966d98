/* random.c — Philox4x32-10 and the uniform draws built on it (see random.h).
 * Written from the algorithm as published by Salmon et al. (SC11, 2011); no
 * code taken from Random123. Tested against Random123's known answers. Also
 * the strict parsers of --seed and --samples, which the CLI will call. */
#include "random.h"

#include <stdio.h>
#include <string.h>

/* The round multipliers and the Weyl key increments of the paper. */
#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

/* One round: two 32x32 -> 64-bit products, their halves swapped and mixed
 * with the other words and the round key. */
static inline void philox_round(uint32_t x[4], uint32_t k0, uint32_t k1) {
  uint64_t p0 = (uint64_t)PHILOX_M0 * x[0];
  uint64_t p1 = (uint64_t)PHILOX_M1 * x[2];
  uint32_t y0 = (uint32_t)(p1 >> 32) ^ x[1] ^ k0;
  uint32_t y1 = (uint32_t)p1;
  uint32_t y2 = (uint32_t)(p0 >> 32) ^ x[3] ^ k1;
  uint32_t y3 = (uint32_t)p0;
  x[0] = y0, x[1] = y1, x[2] = y2, x[3] = y3;
}

void dc_philox4x32_10(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]) {
  uint32_t x[4] = {ctr[0], ctr[1], ctr[2], ctr[3]};
  uint32_t k0 = key[0], k1 = key[1];
  for (int r = 0; r < 10; r++) {
    if (r) k0 += PHILOX_W0, k1 += PHILOX_W1; /* the key is bumped before rounds 2..10 */
    philox_round(x, k0, k1);
  }
  out[0] = x[0], out[1] = x[1], out[2] = x[2], out[3] = x[3];
}

/* 64 bits to a double in (0, 1): the top 53 bits, plus a half to centre each
   of the 2^53 cells (0x1p-53 is 2^-53), which keeps 0 and 1 out */
static inline double to_unit(uint64_t bits) { return ((double)(bits >> 11) + 0.5) * 0x1p-53; }

uint64_t dc_random_u64(uint64_t seed, uint64_t sample, uint64_t stream) {
  uint32_t ctr[4] = {(uint32_t)sample, (uint32_t)(sample >> 32), (uint32_t)stream,
                     (uint32_t)(stream >> 32)};
  uint32_t key[2] = {(uint32_t)seed, (uint32_t)(seed >> 32)};
  uint32_t out[4];
  dc_philox4x32_10(ctr, key, out);
  return (uint64_t)out[1] << 32 | out[0];
}

double dc_random_uniform(uint64_t seed, uint64_t sample, uint64_t stream) {
  return to_unit(dc_random_u64(seed, sample, stream));
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* products of the four 32-bit lanes of a and m: low and high halves */
static inline void mul4(__m128i a, __m128i m, __m128i *lo, __m128i *hi) {
  __m128i pe = _mm_mul_epu32(a, m);                                     /* lanes 0, 2 */
  __m128i po = _mm_mul_epu32(_mm_srli_epi64(a, 32), m);                 /* lanes 1, 3 */
  /* pe = [l0 h0 l2 h2], po = [l1 h1 l3 h3] */
  __m128i l02 = _mm_shuffle_epi32(pe, _MM_SHUFFLE(3, 1, 2, 0));          /* l0 l2 h0 h2 */
  __m128i l13 = _mm_shuffle_epi32(po, _MM_SHUFFLE(3, 1, 2, 0));          /* l1 l3 h1 h3 */
  *lo = _mm_unpacklo_epi32(l02, l13);                                   /* l0 l1 l2 l3 */
  *hi = _mm_unpackhi_epi32(l02, l13);                                   /* h0 h1 h2 h3 */
}
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang_analyzer__)
#include <immintrin.h>
#define DC_AVX2 __attribute__((target("avx2")))

/* mul4 on eight lanes (the shuffles and unpacks work within each 128-bit
   half, so each half is mul4's) */
DC_AVX2 static inline void mul8(__m256i a, __m256i m, __m256i *lo, __m256i *hi) {
  __m256i pe = _mm256_mul_epu32(a, m), po = _mm256_mul_epu32(_mm256_srli_epi64(a, 32), m);
  __m256i l02 = _mm256_shuffle_epi32(pe, _MM_SHUFFLE(3, 1, 2, 0)), l13 = _mm256_shuffle_epi32(po, _MM_SHUFFLE(3, 1, 2, 0));
  *lo = _mm256_unpacklo_epi32(l02, l13);
  *hi = _mm256_unpackhi_epi32(l02, l13);
}

/* the words of sample s .. s + 7: low (hi = 0) or high (hi = 1) halves */
DC_AVX2 static inline __m256i lanes8(uint64_t s, int hi) {
  uint32_t w[8];
  for (int j = 0; j < 8; j++) w[j] = (uint32_t)((s + (uint64_t)j) >> (hi ? 32 : 0));
  return _mm256_loadu_si256((const __m256i *)w);
}

/* to_unit of four blocks' words (lo: their first words, hi: their second)
   in AVX2: each word made exactly a double (a 32-bit integer in the low
   bits of 2^52's mantissa, less 2^52), the 53 bits as hi 2^21 + (lo >> 11)
   (exact: an integer below 2^53), then the same + 0.5 and * 2^-53 as
   to_unit, so the same bits */
DC_AVX2 static inline void to_unit4(__m128i lo, __m128i hi, double *out) {
  const __m256i magic = _mm256_set1_epi64x(0x4330000000000000);
  const __m256d two52 = _mm256_set1_pd(0x1p52);
  __m256d l = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(_mm256_cvtepu32_epi64(_mm_srli_epi32(lo, 11)), magic)), two52);
  __m256d h = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(_mm256_cvtepu32_epi64(hi), magic)), two52);
  __m256d v = _mm256_add_pd(_mm256_mul_pd(h, _mm256_set1_pd(0x1p21)), l);
  _mm256_storeu_pd(out, _mm256_mul_pd(_mm256_add_pd(v, _mm256_set1_pd(0.5)), _mm256_set1_pd(0x1p-53)));
}

/* The first n - n % 16 uniforms as the loop below makes them, sixteen
   blocks at a time in AVX2 registers (four 32 x 32 -> 64-bit products per
   instruction; the same integer arithmetic, the same bits). Returns how
   many it made. */
DC_AVX2 static uint64_t uniforms_avx2(uint64_t seed, uint64_t first, uint64_t stream, uint64_t n, double *out) {
  uint64_t k = 0;
  const __m256i m0 = _mm256_set1_epi32((int)PHILOX_M0), m1 = _mm256_set1_epi32((int)PHILOX_M1);
  for (; k + 16 <= n; k += 16) {
    uint64_t s = first + k;
    __m256i a0 = lanes8(s, 0), a1 = lanes8(s, 1), b0 = lanes8(s + 8, 0), b1 = lanes8(s + 8, 1);
    __m256i a2 = _mm256_set1_epi32((int)(uint32_t)stream), a3 = _mm256_set1_epi32((int)(uint32_t)(stream >> 32));
    __m256i b2 = a2, b3 = a3;
    uint32_t k0 = (uint32_t)seed, k1 = (uint32_t)(seed >> 32);
    for (int r = 0; r < 10; r++) {
      __m256i K0 = _mm256_set1_epi32((int)k0), K1 = _mm256_set1_epi32((int)k1), lo0, hi0, lo1, hi1;
      mul8(a0, m0, &lo0, &hi0);
      mul8(a2, m1, &lo1, &hi1);
      __m256i y0 = _mm256_xor_si256(_mm256_xor_si256(hi1, a1), K0), y2 = _mm256_xor_si256(_mm256_xor_si256(hi0, a3), K1);
      a1 = lo1, a3 = lo0, a0 = y0, a2 = y2;
      mul8(b0, m0, &lo0, &hi0);
      mul8(b2, m1, &lo1, &hi1);
      y0 = _mm256_xor_si256(_mm256_xor_si256(hi1, b1), K0), y2 = _mm256_xor_si256(_mm256_xor_si256(hi0, b3), K1);
      b1 = lo1, b3 = lo0, b0 = y0, b2 = y2;
      k0 += PHILOX_W0, k1 += PHILOX_W1;
    }
    to_unit4(_mm256_castsi256_si128(a0), _mm256_castsi256_si128(a1), out + k);
    to_unit4(_mm256_extracti128_si256(a0, 1), _mm256_extracti128_si256(a1, 1), out + k + 4);
    to_unit4(_mm256_castsi256_si128(b0), _mm256_castsi256_si128(b1), out + k + 8);
    to_unit4(_mm256_extracti128_si256(b0, 1), _mm256_extracti128_si256(b1, 1), out + k + 12);
  }
  return k;
}
#endif

void dc_random_uniform_samples(uint64_t seed, uint64_t first, uint64_t stream, uint64_t n,
                               double *out) {
  /* eight blocks at a time, the words of four in one SSE2 register each
     (two 32 x 32 -> 64-bit products per instruction): integer arithmetic,
     so the same bits as the portable loop below; sixteen at a time with
     AVX2 where the CPU has it */
  uint64_t k = 0;
#ifdef DC_AVX2
  if (n >= 16 && __builtin_cpu_supports("avx2")) k = uniforms_avx2(seed, first, stream, n, out);
#endif
  const __m128i m0 = _mm_set1_epi32((int)PHILOX_M0), m1 = _mm_set1_epi32((int)PHILOX_M1);
  for (; k + 8 <= n; k += 8) {
    __m128i a0, a1, a2, a3, b0, b1, b2, b3;
    uint64_t s = first + k;
    a0 = _mm_setr_epi32((int)(uint32_t)s, (int)(uint32_t)(s + 1), (int)(uint32_t)(s + 2), (int)(uint32_t)(s + 3));
    a1 = _mm_setr_epi32((int)(uint32_t)(s >> 32), (int)(uint32_t)((s + 1) >> 32), (int)(uint32_t)((s + 2) >> 32), (int)(uint32_t)((s + 3) >> 32));
    b0 = _mm_setr_epi32((int)(uint32_t)(s + 4), (int)(uint32_t)(s + 5), (int)(uint32_t)(s + 6), (int)(uint32_t)(s + 7));
    b1 = _mm_setr_epi32((int)(uint32_t)((s + 4) >> 32), (int)(uint32_t)((s + 5) >> 32), (int)(uint32_t)((s + 6) >> 32), (int)(uint32_t)((s + 7) >> 32));
    a2 = b2 = _mm_set1_epi32((int)(uint32_t)stream);
    a3 = b3 = _mm_set1_epi32((int)(uint32_t)(stream >> 32));
    uint32_t k0 = (uint32_t)seed, k1 = (uint32_t)(seed >> 32);
    for (int r = 0; r < 10; r++) {
      __m128i K0 = _mm_set1_epi32((int)k0), K1 = _mm_set1_epi32((int)k1), lo0, hi0, lo1, hi1;
      mul4(a0, m0, &lo0, &hi0);
      mul4(a2, m1, &lo1, &hi1);
      __m128i y0 = _mm_xor_si128(_mm_xor_si128(hi1, a1), K0), y2 = _mm_xor_si128(_mm_xor_si128(hi0, a3), K1);
      a1 = lo1, a3 = lo0, a0 = y0, a2 = y2;
      mul4(b0, m0, &lo0, &hi0);
      mul4(b2, m1, &lo1, &hi1);
      y0 = _mm_xor_si128(_mm_xor_si128(hi1, b1), K0), y2 = _mm_xor_si128(_mm_xor_si128(hi0, b3), K1);
      b1 = lo1, b3 = lo0, b0 = y0, b2 = y2;
      k0 += PHILOX_W0, k1 += PHILOX_W1;
    }
    uint32_t w0[8], w1[8];
    _mm_storeu_si128((__m128i *)w0, a0);
    _mm_storeu_si128((__m128i *)(w0 + 4), b0);
    _mm_storeu_si128((__m128i *)w1, a1);
    _mm_storeu_si128((__m128i *)(w1 + 4), b1);
    for (int j = 0; j < 8; j++) out[k + (uint64_t)j] = to_unit((uint64_t)w1[j] << 32 | w0[j]);
  }
  for (; k < n; k++) out[k] = dc_random_uniform(seed, first + k, stream);
}
#else
void dc_random_uniform_samples(uint64_t seed, uint64_t first, uint64_t stream, uint64_t n,
                               double *out) {
  /* W blocks as four arrays of words, so each round is one loop over
     independent lanes (vectorisable: 32x32 -> 64-bit multiplies) */
  enum { W = 8 };
  uint64_t k = 0;
  for (; k + W <= n; k += W) {
    uint32_t x0[W], x1[W], x2[W], x3[W];
    uint32_t k0 = (uint32_t)seed, k1 = (uint32_t)(seed >> 32);
    for (int j = 0; j < W; j++) {
      uint64_t s = first + k + (uint64_t)j;
      x0[j] = (uint32_t)s, x1[j] = (uint32_t)(s >> 32);
      x2[j] = (uint32_t)stream, x3[j] = (uint32_t)(stream >> 32);
    }
    for (int r = 0; r < 10; r++) {
      if (r) k0 += PHILOX_W0, k1 += PHILOX_W1;
      for (int j = 0; j < W; j++) {
        uint64_t p0 = (uint64_t)PHILOX_M0 * x0[j], p1 = (uint64_t)PHILOX_M1 * x2[j];
        uint32_t y0 = (uint32_t)(p1 >> 32) ^ x1[j] ^ k0, y2 = (uint32_t)(p0 >> 32) ^ x3[j] ^ k1;
        x1[j] = (uint32_t)p1, x3[j] = (uint32_t)p0, x0[j] = y0, x2[j] = y2;
      }
    }
    for (int j = 0; j < W; j++) out[k + (uint64_t)j] = to_unit((uint64_t)x1[j] << 32 | x0[j]);
  }
  for (; k < n; k++) out[k] = dc_random_uniform(seed, first + k, stream);
}
#endif

uint64_t dc_random_stream_of(const char *name, uint64_t len) {
  uint64_t h = 0xcbf29ce484222325u; /* FNV-1a 64, offset basis and prime */
  for (uint64_t i = 0; i < len; i++) h = (h ^ (unsigned char)name[i]) * 0x100000001b3u;
  return h | (uint64_t)1 << 63;
}

/* ====================================================================== */
/* the command line's numbers                                            */
/* ====================================================================== */

/* digits of text[0..n-1] as a uint64; -1 on anything else or overflow */
static int parse_u64(const char *text, size_t n, uint64_t *out) {
  uint64_t v = 0;
  if (n == 0) return -1;
  for (size_t i = 0; i < n; i++) {
    unsigned d = (unsigned)(unsigned char)text[i] - '0';
    if (d > 9 || v > (UINT64_MAX - d) / 10) return -1;
    v = v * 10 + d;
  }
  *out = v;
  return 0;
}

int dc_random_parse_seed(const char *text, uint64_t *seed, char *err, size_t errsize) {
  if (parse_u64(text, strlen(text), seed) == 0) return 0;
  snprintf(err, errsize, "--seed takes a whole number from 0 to %llu, got '%s'",
           (unsigned long long)UINT64_MAX, text);
  return -1;
}

int dc_random_parse_samples(const char *text, uint64_t *first, uint64_t *end, char *err,
                            size_t errsize) {
  size_t n = strlen(text), colon = 0;
  while (colon < n && text[colon] != ':') colon++;
  uint64_t a = 0, b = 0;
  int ok = colon == n ? parse_u64(text, n, &b) == 0 && b >= 1
                      : parse_u64(text, colon, &a) == 0 &&
                            parse_u64(text + colon + 1, n - colon - 1, &b) == 0 && a < b;
  if (ok) {
    *first = a, *end = b;
    return 0;
  }
  snprintf(err, errsize, "--samples takes a count N >= 1 or a block A:B of sample numbers "
                         "(0 <= A < B, B not counted), got '%s'", text);
  return -1;
}
