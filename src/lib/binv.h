/* binv.h - gsl_ran_binomial's draws for a (p, n) drawn from many times.
 *
 * GSL (randist/binomial_tpe.c) draws Binomial(n, p) with
 * n min(p, 1 - p) < 14 by inversion (Kachitvichyanukul & Schmeiser's
 * BINV): u uniform, then for x = 0, 1, ... 110 "if u < f(x) it is x, else
 * u -= f(x)", f(0) = q^n, f(x + 1) = f(x) (s (n - x)) / (x + 1), s = p / q,
 * p the smaller of p and 1 - p (x then counts failures), a new u when
 * none was taken. It computes q^n and every ratio (a division) at each
 * call, and walks about n p steps.
 *
 * Its answer is a nondecreasing function of u (each u -= f(x) rounds a
 * larger u to a result no smaller), and u is one of the 2^32 values
 * k / 2^32 of a 32-bit word k (rng.h). So it is fixed by thresholds: x is
 * the number of T[i] <= k, T[i] the least k whose walk goes beyond i.
 * binv_make finds each T[i] by bisection over k, walking GSL's f(x),
 * computed by the same operations on the same doubles; binv_draw then
 * counts thresholds, from a table by k's top byte. The same draws from the same words, bit for bit
 * (tests/unit/test-boot.c checks them against gsl_ran_binomial, at the
 * thresholds and either side). Part of surveykit. */
#ifndef SK_BINV_H
#define SK_BINV_H

#include <stddef.h>
#include <stdint.h>

#include "rng.h"

#define BINV_MAX 111            /* GSL's BINV_CUTOFF + 1: the most f(x) */

struct binv {
    unsigned n;
    int flipped;                /* p > 0.5: x counts failures */
    int again;                  /* a word beyond every threshold draws
                                   again (u past all of GSL's f(x)) */
    unsigned nt;                /* thresholds T[0..nt), nondecreasing */
    uint32_t T[BINV_MAX];
    uint8_t below[256];         /* #{i : T[i] < j 2^24}: where the count
                                   for a word of top byte j starts, + 128
                                   when a threshold has that top byte */
    uint8_t pick[256];          /* the answer to every word of top byte j
                                   when that byte fixes it (no threshold
                                   has it, no draw again, below 255),
                                   else 255 */
};

/* The draw of gsl_ran_binomial(., p, n), 0 < p < 1, n >= 1, into *b.
 * Returns 0, or -1 when GSL draws this (p, n) by BTPE instead
 * (n min(p, 1 - p) >= 14). */
int binv_make(double p, unsigned n, struct binv *b);

/* What gsl_ran_binomial answers to the word k; *again when it would draw
 * another (then the answer is meaningless). */
static inline unsigned binv_pick(const struct binv *b, uint32_t k,
                                 int *again)
{
    unsigned f = b->pick[k >> 24];
    if (f != 255) {
        *again = 0;
        return f;
    }
    /* x = #{i : T[i] <= k}: from the count below k's top byte, the
     * thresholds within it (mostly none) */
    unsigned v = b->below[k >> 24], x = v & 127;
    if (v & 128)
        while (x < b->nt && b->T[x] <= k)
            x++;
    *again = b->again && x == b->nt;
    return b->flipped ? b->n - x : x;
}

/* One draw of gsl_ran_binomial(g, p, n), g of type rng_gsl with state
 * st: its words, one a try (gsl_rng_uniform's). */
static inline unsigned binv_draw(struct rng_state *st, const struct binv *b)
{
    for (;;) {
        uint32_t k = rng_next32(st);
        unsigned f = b->pick[k >> 24];
        if (f != 255)
            return f;
        int again;
        unsigned x = binv_pick(b, k, &again);
        if (!again)
            return x;
    }
}

#endif
