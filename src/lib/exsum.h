/* exsum.h - exact sums of decimal numbers in 128-bit integers.
 *
 * Each value is mant / 10^scale exactly (see numparse.h). The sum and the
 * sum of squares are kept as integers at a common scale, so they carry no
 * rounding error; from them the mean, the variance (n - 1) and the
 * standard deviation are rounded once, correctly, to the nearest double
 * (with MPFR). When a value is not an exact short decimal, or the sums
 * would overflow 128 bits, the sum is marked not ok and the caller falls
 * back to a two-pass computation over the data. */
#ifndef SK_EXSUM_H
#define SK_EXSUM_H

#include <stddef.h>
#include <stdint.h>

#include <gmp.h>

struct exsum {
    __int128 s;      /* sum of values * 10^scale */
    __int128 ss;     /* sum of squares * 10^(2 scale) */
    size_t n;
    int scale;
    int ok;          /* 0 once exactness is lost */
};

void exsum_init(struct exsum *e);

/* Add COUNT copies of mant / 10^scale. */
void exsum_add_slow(struct exsum *e, int64_t mant, int scale, size_t count);

/* Add one value; marks the sum not ok when it cannot stay exact. */
extern const int64_t exsum_pow10[19];

static inline void exsum_add(struct exsum *e, int64_t mant, int scale)
{
    if (scale <= e->scale && e->ok) {
        int64_t v64;
        if (!__builtin_mul_overflow(mant, exsum_pow10[e->scale - scale],
                                    &v64)) {
            /* the common case: v fits 64 bits, so v^2 < 2^126 fits 128 */
            __int128 vv = (__int128)v64 * v64;
            if (!__builtin_add_overflow(e->s, (__int128)v64, &e->s) &&
                !__builtin_add_overflow(e->ss, vv, &e->ss)) {
                e->n++;
                return;
            }
            e->ok = 0;
            return;
        }
        /* |mant| < 2^63 and 10^(scale gap) <= 10^18 < 2^60: no overflow */
        __int128 v = (__int128)mant * exsum_pow10[e->scale - scale];
        __int128 vv;
        if (!__builtin_mul_overflow(v, v, &vv) &&
            !__builtin_add_overflow(e->s, v, &e->s) &&
            !__builtin_add_overflow(e->ss, vv, &e->ss)) {
            e->n++;
            return;
        }
        e->ok = 0;
        return;
    }
    exsum_add_slow(e, mant, scale, 1);
}

static inline void exsum_lose(struct exsum *e)
{
    e->ok = 0;
}

/* The correctly rounded mean (n >= 1) and sample variance and standard
 * deviation (n >= 2; NAN otherwise). Returns 0, or -1 when e is not ok. */
int exsum_results(const struct exsum *e, double *mean, double *var,
                  double *sd);

/* The double nearest q 2^e2, or nearest its square root when ROOT (q >=
 * 0 then): q bracketed from below and above at growing precision until
 * both ends round to the same double; right in the subnormals too. The
 * one rounding of exact rationals that exsum and xsum share. */
double exsum_round_q(const mpq_t q, long e2, int root);

#endif
