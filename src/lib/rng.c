/* rng.c - Random123's Threefry as a GSL generator type. */
#include <config.h>

#include "rng.h"

#include <string.h>

static void rng_set(void *vs, unsigned long seed)
{
    struct rng_state *s = vs;
    memset(s, 0, sizeof *s);
    s->key.v[0] = (uint64_t)seed;
}

static unsigned long rng_get(void *vs)
{
    return rng_next32(vs);
}

static double rng_get_double(void *vs)
{
    return rng_next32(vs) / 4294967296.0;    /* [0, 1) */
}

static const gsl_rng_type rng_type = {
    RNG_NAME, 0xffffffffUL, 0, sizeof(struct rng_state),
    &rng_set, &rng_get, &rng_get_double
};

const gsl_rng_type *rng_gsl = &rng_type;

void rng_stream(gsl_rng *r, uint64_t seed, uint64_t stream)
{
    struct rng_state *s = r->state;
    rng_set(s, (unsigned long)seed);
    s->ctr.v[1] = stream;
}

void rng_fill(struct rng_state *s, uint32_t *out, size_t k)
{
    size_t i = 0;
    while (i < k && s->left > 0)
        out[i++] = s->out[8 - s->left--];
    for (; i + 8 <= k; i += 8)
        rng_block(s, out + i);          /* the words rng_next32 would give */
    for (; i < k; i++)
        out[i] = rng_next32(s);
}

void rng_below_fill(struct rng_state *s, uint32_t n, uint32_t *idx, size_t k)
{
    rng_fill(s, idx, k);
    uint32_t t = (uint32_t)(-n) % n;
    uint32_t bad = 0;
    for (size_t i = 0; i < k; i++)         /* vectorizes: no branch */
        bad |= (uint32_t)((uint64_t)idx[i] * n) < t;
    if (bad) {
        /* rare: a word whose low product half is in the rejected range is
         * replaced by the next word of the stream, in order */
        for (size_t i = 0; i < k; i++) {
            uint64_t m = (uint64_t)idx[i] * n;
            while ((uint32_t)m < t)
                m = (uint64_t)rng_next32(s) * n;
            idx[i] = (uint32_t)(m >> 32);
        }
        return;
    }
    for (size_t i = 0; i < k; i++)
        idx[i] = (uint32_t)(((uint64_t)idx[i] * n) >> 32);
}
