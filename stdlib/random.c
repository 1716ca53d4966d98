/* random.c — Philox4x32-10 and the uniform draws built on it (see random.h).
 * Written from the algorithm as published by Salmon et al. (SC11, 2011); no
 * code taken from Random123. Tested against Random123's known answers. */
#include "random.h"

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

uint64_t dc_random_u64(uint64_t seed, uint64_t sample, uint64_t stream) {
  uint32_t ctr[4] = {(uint32_t)sample, (uint32_t)(sample >> 32), (uint32_t)stream,
                     (uint32_t)(stream >> 32)};
  uint32_t key[2] = {(uint32_t)seed, (uint32_t)(seed >> 32)};
  uint32_t out[4];
  dc_philox4x32_10(ctr, key, out);
  return (uint64_t)out[1] << 32 | out[0];
}

double dc_random_uniform(uint64_t seed, uint64_t sample, uint64_t stream) {
  /* 0x1p-53: 2^-53; the +0.5 centres each of the 2^53 cells, keeping 0 and 1 out */
  return ((double)(dc_random_u64(seed, sample, stream) >> 11) + 0.5) * 0x1p-53;
}

uint64_t dc_random_stream_of(const char *name, uint64_t len) {
  uint64_t h = 0xcbf29ce484222325u; /* FNV-1a 64, offset basis and prime */
  for (uint64_t i = 0; i < len; i++) h = (h ^ (unsigned char)name[i]) * 0x100000001b3u;
  return h | (uint64_t)1 << 63;
}
