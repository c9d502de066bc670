/* rng.h - reproducible, thread-independent random streams.
 *
 * Threefry-4x64-20 from Random123 (Salmon et al. 2011, "Parallel random
 * numbers: as easy as 1, 2, 3"), a counter-based generator: the numbers of
 * stream s under seed k are a pure function of (k, s, position), so a
 * bootstrap replicate draws the same numbers whichever thread runs it.
 * It is wrapped as a GSL generator type (rng_gsl), so that GSL's
 * distributions (binomial, multinomial) draw from it too. */
#ifndef SK_RNG_H
#define SK_RNG_H

#include <stddef.h>
#include <stdint.h>

#include <gsl/gsl_rng.h>
#include <Random123/threefry.h>

#define RNG_NAME "threefry4x64-20"

#define RNG_BUF 16              /* words buffered: two blocks */

struct rng_state {
    threefry4x64_key_t key;     /* v[0]: seed */
    threefry4x64_ctr_t ctr;     /* v[0]: position; v[1]: stream */
    uint32_t out[RNG_BUF];      /* one or two blocks (256 bits each) */
    int left;                   /* unused words: the last left of out */
};

/* The next block of 8 words; advances the position. */
static inline void rng_block(struct rng_state *s, uint32_t *out)
{
    threefry4x64_ctr_t r = threefry4x64(s->ctr, s->key);
    s->ctr.v[0]++;
    for (int i = 0; i < 4; i++) {
        out[2 * i] = (uint32_t)r.v[i];
        out[2 * i + 1] = (uint32_t)(r.v[i] >> 32);
    }
}

/* The GSL type: gsl_rng_alloc(rng_gsl) gives a generator whose state is
 * struct rng_state; gsl_rng_set(r, seed) selects the seed (stream 0). */
extern const gsl_rng_type *rng_gsl;

/* Point R at stream STREAM (64 bits) of SEED, at its start. */
void rng_stream(gsl_rng *r, uint64_t seed, uint64_t stream);

/* rng_stream of r[j] at stream[j] of SEED, j < m, and the first NB blocks
 * (1 or 2) of each made at once, RNG_LANES streams together (one loop of
 * Random123's threefry4x64 over them, which the compiler vectorizes where
 * the processor can): for streams that will take more than 8 (NB 2) or
 * any (NB 1) words; their words are the same. */
#define RNG_LANES 8
void rng_streams_ahead(gsl_rng *const *r, size_t m, uint64_t seed,
                       const uint64_t *stream, int nb);

/* The next block into s->out (8 words left): rng_next32's rare path, out
 * of line so that the loops drawing words stay small. */
void rng_refill(struct rng_state *s);

/* The next 32 random bits of the stream, inline for hot loops. */
static inline uint32_t rng_next32(struct rng_state *s)
{
    if (s->left == 0)
        rng_refill(s);
    return s->out[RNG_BUF - s->left--];
}

/* The next k 32-bit words of the stream into out: the same words k calls
 * of rng_next32 would give, faster. */
void rng_fill(struct rng_state *s, uint32_t *out, size_t k);

/* Uniform integers in [0, n) into idx[0..k), 1 <= n < 2^32, without bias
 * (Lemire 2019): words from the stream in bulk, a rejected one replaced
 * by the next word of the stream. For n <= RNG_SMALL, five integers come
 * from each 64-bit word (n^5 <= 2^60; Brackett-Rozinsky & Lemire 2024,
 * "Batched ranged random integer generation"). */
#define RNG_SMALL 4096
void rng_below_fill(struct rng_state *s, uint32_t n, uint32_t *idx, size_t k);

/* A uniform integer in [0, n), 1 <= n <= 2^32 - 1, without bias
 * (Lemire 2019, multiply and reject). */
static inline uint32_t rng_below(struct rng_state *s, uint32_t n)
{
    uint64_t m = (uint64_t)rng_next32(s) * n;
    uint32_t low = (uint32_t)m;
    if (low < n) {
        uint32_t t = (uint32_t)(-n) % n;
        while (low < t) {
            m = (uint64_t)rng_next32(s) * n;
            low = (uint32_t)m;
        }
    }
    return (uint32_t)(m >> 32);
}

#endif
