/* binv.c - the thresholds of gsl_ran_binomial's inversion (binv.h). */
#include <config.h>

#include "binv.h"

#include <gsl/gsl_pow_int.h>

/* GSL's walk for the uniform u over f[0..len): the x taken, or len when
 * u passes them all (GSL then draws again: the f after the last nonzero
 * one are 0 and take nothing). */
static unsigned walk(const double *f, unsigned len, double u)
{
    for (unsigned x = 0; x < len; x++) {
        if (u < f[x])
            return x;
        u -= f[x];
    }
    return len;
}

int binv_make(double p, unsigned n, struct binv *b)
{
    /* GSL's set-up, operation for operation */
    b->n = n;
    b->flipped = 0;
    if (p > 0.5) {
        p = 1.0 - p;
        b->flipped = 1;
    }
    double q = 1 - p, s = p / q, np = n * p;
    if (!(np < 14))
        return -1;
    double f[BINV_MAX], fx = gsl_pow_uint(q, n);
    unsigned len = 0;
    for (unsigned x = 0; x < BINV_MAX; x++) {
        f[x] = fx;
        if (fx != 0 || x == 0)
            len = x + 1;
        fx *= s * (n - x) / (x + 1);
    }
    /* T[i]: the least word k whose walk goes beyond i (2^32: none) */
    uint64_t lo = 0;
    b->nt = 0;
    for (unsigned i = 0; i < len; i++) {
        uint64_t hi = UINT64_C(1) << 32;
        while (lo < hi) {
            uint64_t mid = lo + (hi - lo) / 2;
            if (walk(f, len, (double)mid / 4294967296.0) > i)
                hi = mid;
            else
                lo = mid + 1;
        }
        if (lo >> 32)
            break;
        b->T[b->nt++] = (uint32_t)lo;
    }
    /* words past every threshold give len (draw again) or b->nt < len */
    b->again = b->nt == len;
    for (unsigned j = 0, i = 0; j < 256; j++) {
        while (i < b->nt && b->T[i] < (uint64_t)j << 24)
            i++;
        int inside = i < b->nt && b->T[i] >> 24 == j;
        b->below[j] = (uint8_t)(i | (unsigned)inside << 7);
        unsigned x = b->flipped ? n - i : i;
        b->pick[j] = inside || (b->again && i == b->nt) || x >= 255
                   ? 255 : (uint8_t)x;
    }
    return 0;
}
