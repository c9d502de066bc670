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
    /* rng_set's state but for the stream, without clearing out[] (no
     * word of it is left to read) */
    struct rng_state *s = r->state;
    s->key = (threefry4x64_key_t){ { (uint64_t)(unsigned long)seed, 0, 0,
                                     0 } };
    s->ctr = (threefry4x64_ctr_t){ { 0, stream, 0, 0 } };
    s->left = 0;
}

/* GCC on x86-64 ELF: clones of lane_blocks for AVX-512 (its 64-bit
 * rotations), AVX2 and the baseline, chosen at load time; at -O2 GCC
 * vectorizes the loop over the lanes of each. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && \
    defined(__ELF__)
#define LANE_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define LANE_CLONES
#endif

/* The blocks at position POS of the streams stream[0..RNG_LANES) of SEED,
 * as rng_block makes them, into out[j]. */
LANE_CLONES static void lane_blocks(uint64_t seed, uint64_t pos,
                                    const uint64_t *restrict stream,
                                    uint64_t (*restrict out)[4])
{
    uint64_t o0[RNG_LANES], o1[RNG_LANES], o2[RNG_LANES], o3[RNG_LANES];
    for (int j = 0; j < RNG_LANES; j++) {
        threefry4x64_ctr_t c = { { pos, stream[j], 0, 0 } };
        threefry4x64_key_t k = { { seed, 0, 0, 0 } };
        threefry4x64_ctr_t r = threefry4x64(c, k);
        o0[j] = r.v[0];
        o1[j] = r.v[1];
        o2[j] = r.v[2];
        o3[j] = r.v[3];
    }
    for (int j = 0; j < RNG_LANES; j++) {
        out[j][0] = o0[j];
        out[j][1] = o1[j];
        out[j][2] = o2[j];
        out[j][3] = o3[j];
    }
}

void rng_streams_ahead(gsl_rng *const *r, size_t m, uint64_t seed,
                       const uint64_t *stream, int nb)
{
    uint64_t st[RNG_LANES], out[RNG_LANES][4];
    seed = (uint64_t)(unsigned long)seed;       /* as rng_stream keys it */
    for (size_t j0 = 0; j0 < m; j0 += RNG_LANES) {
        size_t k = m - j0 < RNG_LANES ? m - j0 : RNG_LANES;
        for (size_t j = 0; j < RNG_LANES; j++)
            st[j] = stream[j0 + (j < k ? j : 0)];
        for (size_t j = 0; j < k; j++)
            rng_stream(r[j0 + j], seed, st[j]);
        for (int b = 0; b < nb; b++) {
            lane_blocks(seed, (uint64_t)b, st, out);
            for (size_t j = 0; j < k; j++) {
                struct rng_state *s = r[j0 + j]->state;
                uint32_t *o = s->out + RNG_BUF - 8 * nb + 8 * b;
                for (int i = 0; i < 4; i++) {   /* rng_block's order */
                    o[2 * i] = (uint32_t)out[j][i];
                    o[2 * i + 1] = (uint32_t)(out[j][i] >> 32);
                }
            }
        }
        for (size_t j = 0; j < k; j++) {
            struct rng_state *s = r[j0 + j]->state;
            s->ctr.v[0] = (uint64_t)nb;
            s->left = 8 * nb;
        }
    }
}

void rng_refill(struct rng_state *s)
{
    rng_block(s, s->out + RNG_BUF - 8);
    s->left = 8;
}

void rng_fill(struct rng_state *s, uint32_t *out, size_t k)
{
    size_t i = (size_t)s->left < k ? (size_t)s->left : k;
    memcpy(out, s->out + RNG_BUF - s->left, i * sizeof *out);
    s->left -= (int)i;
    for (; i + 8 <= k; i += 8)
        rng_block(s, out + i);          /* the words rng_next32 would give */
    for (; i < k; i++)
        out[i] = rng_next32(s);
}

/* One base-n digit of the fraction l / 2^64: the high word of l * n, and
 * l becomes the low word (one 64 x 64 -> 128-bit multiplication). */
static inline uint32_t next_digit(uint64_t *l, uint32_t n)
{
    unsigned __int128 m = (unsigned __int128)*l * n;
    *l = (uint64_t)m;
    return (uint32_t)(m >> 64);
}

/* Lemire's method for the bound P = n^5 on a 64-bit word, the result
 * read as five base-n digits: each multiplication by n gives one digit
 * and leaves the fraction for the next. A rejected word's digits are
 * written, then overwritten by the next word's. */
/* below_small of k integers when the words they take (2 for each 5, none
 * rejected) are in the buffer: read there, not copied out. 0 when they
 * are not, or one is rejected (nothing taken then, below_small's own way
 * takes them again). */
static int below_buffered(struct rng_state *s, uint32_t n, uint64_t t,
                          uint32_t *idx, size_t k)
{
    size_t pairs = (k + 4) / 5, full = k / 5;
    if (2 * pairs > (size_t)s->left)
        return 0;
    const uint32_t *w = s->out + RNG_BUF - s->left;
    int bad = 0;
    for (size_t j = 0; j < full; j++) {
        uint64_t l = (uint64_t)w[2 * j] | (uint64_t)w[2 * j + 1] << 32;
        uint32_t *d = idx + 5 * j;
        d[0] = next_digit(&l, n);
        d[1] = next_digit(&l, n);
        d[2] = next_digit(&l, n);
        d[3] = next_digit(&l, n);
        d[4] = next_digit(&l, n);
        bad |= l < t;
    }
    if (pairs > full) {
        uint64_t l = (uint64_t)w[2 * full] | (uint64_t)w[2 * full + 1] << 32;
        uint32_t tail[5];
        for (int q = 0; q < 5; q++)
            tail[q] = next_digit(&l, n);
        bad |= l < t;
        for (size_t q = 0; q < k - 5 * full; q++)
            idx[5 * full + q] = tail[q];
    }
    if (bad)
        return 0;
    s->left -= (int)(2 * pairs);
    return 1;
}

static void below_small(struct rng_state *s, uint32_t n, uint32_t *idx,
                        size_t k)
{
    uint64_t P = (uint64_t)n * n * n * n * n;
    uint64_t t = (uint64_t)(-P) % P;          /* 2^64 mod P: rejected */
    if (below_buffered(s, n, t, idx, k))
        return;
    uint32_t w[256], tail[5];
    size_t i = 0;
    while (i < k) {
        size_t words = 2 * ((k - i + 4) / 5);
        if (words > 256)
            words = 256;
        rng_fill(s, w, words);
        size_t j = 0;
        /* four words at a time: four independent chains of digits */
        for (; j + 8 <= words && i + 20 <= k; j += 8) {
            uint64_t l0 = (uint64_t)w[j] | (uint64_t)w[j + 1] << 32;
            uint64_t l1 = (uint64_t)w[j + 2] | (uint64_t)w[j + 3] << 32;
            uint64_t l2 = (uint64_t)w[j + 4] | (uint64_t)w[j + 5] << 32;
            uint64_t l3 = (uint64_t)w[j + 6] | (uint64_t)w[j + 7] << 32;
            uint32_t *d = idx + i;
            for (int q = 0; q < 5; q++) {
                d[q] = next_digit(&l0, n);
                d[5 + q] = next_digit(&l1, n);
                d[10 + q] = next_digit(&l2, n);
                d[15 + q] = next_digit(&l3, n);
            }
            if ((l0 < t) | (l1 < t) | (l2 < t) | (l3 < t))
                break;           /* rare: redo these words one by one */
            i += 20;
        }
        for (; j + 2 <= words && i < k; j += 2) {
            uint64_t l = (uint64_t)w[j] | (uint64_t)w[j + 1] << 32;
            uint32_t *d = i + 5 <= k ? idx + i : tail;
            d[0] = next_digit(&l, n);
            d[1] = next_digit(&l, n);
            d[2] = next_digit(&l, n);
            d[3] = next_digit(&l, n);
            d[4] = next_digit(&l, n);
            if (l < t)
                continue;
            if (d == tail)
                for (int q = 0; q < 5 && i < k; q++)
                    idx[i++] = tail[q];
            else
                i += 5;
        }
    }
}

void rng_below_fill(struct rng_state *s, uint32_t n, uint32_t *idx, size_t k)
{
    if (n <= RNG_SMALL) {
        below_small(s, n, idx, k);
        return;
    }
    rng_fill(s, idx, k);
    uint32_t t = (uint32_t)(-n) % n;
    uint32_t bad = 0;
    for (size_t i = 0; i < k; i++)         /* no branch in the loop */
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
