/* exsum.c - exact sums of decimal numbers, correctly rounded results. */
#include <config.h>

#include "exsum.h"

#include <gmp.h>
#include <math.h>
#include <mpfr.h>

const int64_t exsum_pow10[19] = {
    INT64_C(1), INT64_C(10), INT64_C(100), INT64_C(1000), INT64_C(10000),
    INT64_C(100000), INT64_C(1000000), INT64_C(10000000),
    INT64_C(100000000), INT64_C(1000000000), INT64_C(10000000000),
    INT64_C(100000000000), INT64_C(1000000000000),
    INT64_C(10000000000000), INT64_C(100000000000000),
    INT64_C(1000000000000000), INT64_C(10000000000000000),
    INT64_C(100000000000000000), INT64_C(1000000000000000000)
};

void exsum_init(struct exsum *e)
{
    e->s = e->ss = 0;
    e->n = 0;
    e->scale = 0;
    e->ok = 1;
}

static int mul_pow10(__int128 *x, int k)
{
    while (k-- > 0)
        if (__builtin_mul_overflow(*x, (__int128)10, x))
            return -1;
    return 0;
}

void exsum_add_slow(struct exsum *e, int64_t mant, int scale, size_t count)
{
    if (!e->ok)
        return;
    if (scale > e->scale) {
        int k = scale - e->scale;
        if (mul_pow10(&e->s, k) || mul_pow10(&e->ss, 2 * k))
            goto lost;
        e->scale = scale;
    }
    __int128 v = mant, vv, c = (__int128)count;
    if (mul_pow10(&v, e->scale - scale) ||
        __builtin_mul_overflow(v, v, &vv) ||
        __builtin_mul_overflow(v, c, &v) ||
        __builtin_mul_overflow(vv, c, &vv) ||
        __builtin_add_overflow(e->s, v, &e->s) ||
        __builtin_add_overflow(e->ss, vv, &e->ss))
        goto lost;
    e->n += count;
    return;
lost:
    e->ok = 0;
}

static void mpz_set_i128(mpz_t z, __int128 x)
{
    unsigned __int128 u = x < 0 ? -(unsigned __int128)x : (unsigned __int128)x;
    uint64_t w[2] = { (uint64_t)u, (uint64_t)(u >> 64) };
    mpz_import(z, 2, -1, sizeof w[0], 0, 0, w);
    if (x < 0)
        mpz_neg(z, z);
}

double exsum_round_q(const mpq_t q, long e2, int root)
{
    if (mpq_sgn(q) == 0)
        return 0;
    double res = NAN;
    for (mpfr_prec_t prec = 128; prec <= 65536; prec *= 2) {
        mpfr_t lo, hi;
        mpfr_inits2(prec, lo, hi, (mpfr_ptr)0);
        mpfr_set_q(lo, q, MPFR_RNDD);
        mpfr_set_q(hi, q, MPFR_RNDU);
        mpfr_mul_2si(lo, lo, e2, MPFR_RNDD);     /* exact */
        mpfr_mul_2si(hi, hi, e2, MPFR_RNDU);
        if (root) {
            mpfr_sqrt(lo, lo, MPFR_RNDD);
            mpfr_sqrt(hi, hi, MPFR_RNDU);
        }
        double dlo = mpfr_get_d(lo, MPFR_RNDN);
        double dhi = mpfr_get_d(hi, MPFR_RNDN);
        mpfr_clears(lo, hi, (mpfr_ptr)0);
        res = dlo;
        if (dlo == dhi)
            break;
    }
    return res;
}

static double q_rounded(const mpq_t q)
{
    mpfr_t f;
    mpfr_init2(f, 53);
    mpfr_set_q(f, q, MPFR_RNDN);
    double d = mpfr_get_d(f, MPFR_RNDN);
    mpfr_clear(f);
    return d;
}

int exsum_results(const struct exsum *e, double *mean, double *var,
                  double *sd)
{
    *mean = *var = *sd = NAN;
    if (!e->ok)
        return -1;
    if (e->n == 0)
        return 0;
    mpz_t s, ss, pow, num, den;
    mpq_t q;
    mpz_inits(s, ss, pow, num, den, (mpz_ptr)0);
    mpq_init(q);
    mpz_set_i128(s, e->s);
    mpz_set_i128(ss, e->ss);
    mpz_ui_pow_ui(pow, 10, (unsigned long)e->scale);

    /* mean = s / (n 10^scale) */
    mpz_mul_ui(den, pow, (unsigned long)e->n);
    mpq_set_num(q, s);
    mpq_set_den(q, den);
    mpq_canonicalize(q);
    *mean = q_rounded(q);

    if (e->n >= 2) {
        /* var = (n ss - s^2) / (n (n - 1) 10^(2 scale)) */
        mpz_mul_ui(num, ss, (unsigned long)e->n);
        mpz_submul(num, s, s);
        mpz_mul(den, pow, pow);
        mpz_mul_ui(den, den, (unsigned long)e->n);
        mpz_mul_ui(den, den, (unsigned long)(e->n - 1));
        mpq_set_num(q, num);
        mpq_set_den(q, den);
        mpq_canonicalize(q);
        *var = q_rounded(q);
        *sd = exsum_round_q(q, 0, 1);
    }
    mpq_clear(q);
    mpz_clears(s, ss, pow, num, den, (mpz_ptr)0);
    return 0;
}
