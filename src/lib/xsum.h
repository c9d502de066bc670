/* xsum.h - exact sums of doubles: the sum and the sum of squares of any
 * finite doubles with no rounding error, and from them the mean, sample
 * variance, sd and standard error, each correctly rounded once.
 *
 * Every finite double is M 2^(p - 1074) with M an integer, |M| < 2^53, and
 * 0 <= p <= 2045; so the sum is an integer times 2^-1074 and the sum of
 * squares an integer times 2^-2148. Both are kept as arrays of 32-bit
 * digits in 64-bit words (a superaccumulator: R. M. Neal, "Fast exact
 * summation using small and large superaccumulators", arXiv:1505.05571),
 * so an addition costs a handful of integer additions and nothing is lost:
 * 1e300, -1e300 and 0.4 sum to 0.4, the squares of 1e300 do not overflow
 * and those of subnormals do not underflow. The results are rounded from
 * the exact rationals with GMP and MPFR, subnormal results included.
 * Use exsum.h first for short decimals (it is faster still); xsum is for
 * the values that are not. */
#ifndef SK_XSUM_H
#define SK_XSUM_H

#include <stddef.h>
#include <stdint.h>

#define XSUM_S_WORDS 72     /* 2045 + 53 bits, a 2^64 count, a sign */
#define XSUM_SS_WORDS 136   /* 4090 + 106 bits, a 2^64 count */

struct xsum {
    int64_t s[XSUM_S_WORDS];     /* sum: digit i weighs 2^(32 i - 1074) */
    int64_t ss[XSUM_SS_WORDS];   /* squares: 2^(32 i - 2148) */
    size_t n;
    uint32_t pending;            /* additions since the carries were
                                    propagated */
};

void xsum_init(struct xsum *x);

/* Add COUNT copies of the finite double V (not NaN or infinite). */
void xsum_add(struct xsum *x, double v, size_t count);

/* Which results are nonzero but too small for a double (rounded to 0). */
enum {
    XSUM_MEAN_UNDERFLOW = 1,
    XSUM_VAR_UNDERFLOW = 2,
    XSUM_SD_UNDERFLOW = 4,
    XSUM_SE_UNDERFLOW = 8
};

/* The mean (n >= 1), sample variance (divisor n - 1), sd and se = sd /
 * sqrt(n) (n >= 2) of the values times 2^SCALE (0 for the values as they
 * are; scaled results can be normal doubles when the true ones are not),
 * each the double nearest the exact value (ties to even); NAN where n is
 * too small, +Inf where the exact value is beyond DBL_MAX (the variance
 * of 1e200 and -1e200; sd and se may still be finite). Any pointer may be
 * NULL. Returns the XSUM_*_UNDERFLOW flags of the results that are not
 * zero but round to 0. */
int xsum_results(struct xsum *x, int scale, double *mean, double *var,
                 double *sd, double *se);

/* The exact mean of the values times 2^SCALE, less M (a double near it),
 * rounded to the nearest double: with M the rounded mean, M + the
 * residual holds the mean to about 106 bits. NAN when n is 0. */
double xsum_mean_residual(struct xsum *x, int scale, double m);

#endif
