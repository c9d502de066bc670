/* xsum.c - exact sums of doubles in superaccumulators, correctly rounded
 * mean, variance, sd and se. */
#include <config.h>

#include "xsum.h"
#include "exsum.h"

#include <gmp.h>
#include <math.h>
#include <mpfr.h>
#include <string.h>

#define LOW32 UINT64_C(0xffffffff)
#define MAX_PENDING (UINT32_C(1) << 30)    /* each word stays below 2^63 */
#define MAX_COUNT (UINT64_C(1) << 20)      /* M^2 count below 2^126 */

void xsum_init(struct xsum *x)
{
    memset(x, 0, sizeof *x);
}

/* Bring every word but the top one into 0..2^32-1, the carries upwards. */
static void carry(int64_t *w, size_t nw)
{
    for (size_t i = 0; i + 1 < nw; i++) {
        int64_t c = w[i] >> 32;        /* floor division by 2^32 */
        w[i] -= c * (INT64_C(1) << 32);
        w[i + 1] += c;
    }
}

/* w += (neg ? -1 : 1) mag 2^p, in 32-bit digits (mag < 2^128). */
static inline void add_at(int64_t *w, unsigned p, unsigned __int128 mag,
                          int neg)
{
    unsigned k = p >> 5, o = p & 31;
    uint64_t lo = (uint64_t)mag, hi = (uint64_t)(mag >> 64), w0, w1, w2;
    if (o) {
        w2 = hi >> (64 - o);
        w1 = hi << o | lo >> (64 - o);
        w0 = lo << o;
    } else {
        w2 = 0;
        w1 = hi;
        w0 = lo;
    }
    int64_t d[5] = {
        (int64_t)(w0 & LOW32), (int64_t)(w0 >> 32),
        (int64_t)(w1 & LOW32), (int64_t)(w1 >> 32), (int64_t)w2
    };
    if (neg)
        for (int i = 0; i < 5; i++)
            w[k + i] -= d[i];
    else
        for (int i = 0; i < 5; i++)
            w[k + i] += d[i];
}

void xsum_add(struct xsum *x, double v, size_t count)
{
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    int neg = (int)(b >> 63);
    unsigned ef = (unsigned)(b >> 52) & 0x7ff;
    uint64_t m = b & ((UINT64_C(1) << 52) - 1);
    unsigned p = 0;                    /* v = m 2^(p - 1074) */
    if (ef) {
        m |= UINT64_C(1) << 52;
        p = ef - 1;
    }
    x->n += count;
    if (m == 0)
        return;
    unsigned __int128 m2 = (unsigned __int128)m * m;
    while (count > 0) {
        uint64_t c = count < MAX_COUNT ? count : MAX_COUNT;
        if (x->pending >= MAX_PENDING) {
            carry(x->s, XSUM_S_WORDS);
            carry(x->ss, XSUM_SS_WORDS);
            x->pending = 0;
        }
        add_at(x->s, p, (unsigned __int128)m * c, neg);
        add_at(x->ss, 2 * p, m2 * c, 0);
        x->pending++;
        count -= c;
    }
}

/* z = the integer of the digits w[0..nw) (after carry()). */
static void words_to_mpz(mpz_t z, const int64_t *w, size_t nw)
{
    mpz_set_si(z, (long)w[nw - 1]);
    for (size_t i = nw - 1; i-- > 0;) {
        mpz_mul_2exp(z, z, 32);
        mpz_add_ui(z, z, (unsigned long)w[i]);
    }
}

/* The double nearest (num / den) 2^e2, or its square root when ROOT. */
static double round_scaled(const mpz_t num, const mpz_t den, long e2,
                           int root)
{
    if (mpz_sgn(num) == 0)
        return 0;
    mpq_t q;
    mpq_init(q);
    mpq_set_num(q, num);
    mpq_set_den(q, den);
    mpq_canonicalize(q);
    double res = exsum_round_q(q, e2, root);
    mpq_clear(q);
    return res;
}

int xsum_results(struct xsum *x, int scale, double *mean, double *var,
                 double *sd, double *se)
{
    double m = NAN, v = NAN, s = NAN, e = NAN;
    int under = 0;
    if (x->n == 0)
        goto out;
    carry(x->s, XSUM_S_WORDS);
    carry(x->ss, XSUM_SS_WORDS);
    x->pending = 0;

    mpz_t S, SS, num, den;
    mpz_inits(S, SS, num, den, (mpz_ptr)0);
    words_to_mpz(S, x->s, XSUM_S_WORDS);
    words_to_mpz(SS, x->ss, XSUM_SS_WORDS);

    /* mean = S / n, at 2^-1074 */
    mpz_set_ui(den, (unsigned long)x->n);
    m = round_scaled(S, den, -1074L + scale, 0);
    if (m == 0 && mpz_sgn(S) != 0)
        under |= XSUM_MEAN_UNDERFLOW;

    if (x->n >= 2) {
        /* var = (n SS - S^2) / (n (n - 1)), at 2^-2148 */
        mpz_mul_ui(num, SS, (unsigned long)x->n);
        mpz_submul(num, S, S);
        mpz_mul_ui(den, den, (unsigned long)(x->n - 1));
        v = round_scaled(num, den, -2148L + 2L * scale, 0);
        s = round_scaled(num, den, -2148L + 2L * scale, 1);
        /* se^2 = var / n */
        mpz_mul_ui(den, den, (unsigned long)x->n);
        e = round_scaled(num, den, -2148L + 2L * scale, 1);
        if (mpz_sgn(num) != 0) {
            under |= v == 0 ? XSUM_VAR_UNDERFLOW : 0;
            under |= s == 0 ? XSUM_SD_UNDERFLOW : 0;
            under |= e == 0 ? XSUM_SE_UNDERFLOW : 0;
        }
    }
    mpz_clears(S, SS, num, den, (mpz_ptr)0);
out:
    if (mean)
        *mean = m;
    if (var)
        *var = v;
    if (sd)
        *sd = s;
    if (se)
        *se = e;
    return under;
}

double xsum_mean_residual(struct xsum *x, int scale, double m)
{
    if (x->n == 0 || !isfinite(m))
        return NAN;
    carry(x->s, XSUM_S_WORDS);
    carry(x->ss, XSUM_SS_WORDS);
    x->pending = 0;
    /* S 2^s0 / n - Mm 2^em = (S 2^(s0 - E) - n Mm 2^(em - E)) 2^E / n */
    long s0 = scale - 1074L, em = 0, E;
    mpz_t S, Mz, num, den;
    mpz_inits(S, Mz, num, den, (mpz_ptr)0);
    words_to_mpz(S, x->s, XSUM_S_WORDS);
    if (m != 0) {
        int e;
        double f = frexp(m, &e);
        mpz_set_d(Mz, ldexp(f, 53));
        em = e - 53L;
    }
    E = s0 < em ? s0 : em;
    mpz_mul_2exp(num, S, (mp_bitcnt_t)(s0 - E));
    mpz_mul_2exp(Mz, Mz, (mp_bitcnt_t)(em - E));
    mpz_submul_ui(num, Mz, (unsigned long)x->n);
    mpz_set_ui(den, (unsigned long)x->n);
    double r = round_scaled(num, den, E, 0);
    mpz_clears(S, Mz, num, den, (mpz_ptr)0);
    return r;
}
