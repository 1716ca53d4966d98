/* random.h — the counter-based generator of decarb's Monte Carlo: Philox4x32-10
 * (Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as easy as 1, 2,
 * 3", SC11, 2011), written from the published algorithm. Plain C, no state:
 * every draw is a pure function of (seed, sample index, stream), so sample i
 * draws the same values however samples are split into blocks or machines.
 * Also the strict parsers of check's --seed and --samples values. Not a
 * general-purpose RNG object and not cryptographic. */
#ifndef DC_RANDOM_H
#define DC_RANDOM_H

#include <stddef.h>
#include <stdint.h>

/* One Philox4x32-10 block: out = bijection_key(ctr). 10 rounds. ctr, key and
 * out are words 0..3 (0..1 for the key) in Random123's order, so Random123's
 * known-answer file (kat_vectors) applies as written. out may alias ctr. */
void dc_philox4x32_10(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]);

/* 64 random bits for (seed, sample, stream): key = seed (low word first),
 * counter = (sample low, sample high, stream low, stream high); the first two
 * output words, word 1 high. */
uint64_t dc_random_u64(uint64_t seed, uint64_t sample, uint64_t stream);

/* A uniform double in the open interval (0, 1) with 53 random bits:
 * ((bits >> 11) + 0.5) / 2^53 — never 0 nor 1, so every inverse CDF is
 * finite on it. Same triple in, same value out, on every machine. */
double dc_random_uniform(uint64_t seed, uint64_t sample, uint64_t stream);

/* The same values as dc_random_uniform(seed, first + k, stream) for k = 0 ..
 * n-1, into out: many samples of one input at once. Four Philox blocks are
 * computed side by side, which a CPU overlaps (one block alone is bound by
 * the latency of its ten dependent rounds). */
void dc_random_uniform_samples(uint64_t seed, uint64_t first, uint64_t stream, uint64_t n,
                               double *out);

/* The stream number of a named group (group = "pv hours"): 64-bit FNV-1a of
 * the name with the top bit set, so that it never equals the small index
 * (0 .. 2^63-1) given to an ungrouped input. Values of one group share the
 * stream, hence the uniform, hence the quantile. */
uint64_t dc_random_stream_of(const char *name, uint64_t len);

/* ---- the command line's numbers (for check --seed / --samples) ---- */

/* A seed: a decimal whole number 0 .. 2^64-1 and nothing else (no sign,
 * space, hex or exponent). 0, or -1 with err saying what is accepted. */
int dc_random_parse_seed(const char *text, uint64_t *seed, char *err, size_t errsize);

/* Samples: "N" (samples 0 .. N-1, N >= 1) or a block "A:B" (samples A ..
 * B-1 of a larger run, 0 <= A < B), as *first and *end (one past the last).
 * 0, or -1 with err. */
int dc_random_parse_samples(const char *text, uint64_t *first, uint64_t *end, char *err,
                            size_t errsize);

#endif
