/* likert.c - statistics of Likert items and scales. */
#include <config.h>

#include "likert.h"
#include "describe.h"
#include "dist.h"
#include "exsum.h"
#include "quantile.h"
#include "util.h"

#include <gmp.h>
#include <math.h>
#include <mpfr.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>


size_t likert_percents(const size_t *count, size_t k, double *pct,
                       double *cum)
{
    size_t n = 0, c = 0;
    for (size_t i = 0; i < k; i++)
        n += count[i];
    for (size_t i = 0; i < k; i++) {
        c += count[i];
        pct[i] = n ? 100.0 * (double)count[i] / (double)n : NAN;
        cum[i] = n ? 100.0 * (double)c / (double)n : NAN;
    }
    return n;
}

/* Mean and sample sd of k values x (with counts, or once each when COUNT
 * is NULL) by two passes in long double, whose range holds the squares of
 * any double: the sd of 1e200 and 3e200 is 1.4e200, not Inf. 0, or -1 when
 * the sd itself is beyond the range of a double (*sd NAN). */
static int mean_sd(const long double *x, const size_t *count, size_t k,
                   double *mean, double *sd)
{
    long double n = 0, s = 0, ss = 0;
    for (size_t i = 0; i < k; i++) {
        long double c = count ? (long double)count[i] : 1;
        n += c;
        s += c * x[i];
    }
    *mean = *sd = NAN;
    if (n == 0)
        return 0;
    long double m = s / n;
    for (size_t i = 0; i < k; i++) {
        long double c = count ? (long double)count[i] : 1, d = x[i] - m;
        ss += c * d * d;
    }
    *mean = (double)m;
    if (n < 2)
        return 0;
    *sd = (double)sqrtl(ss / (n - 1));
    if (isinf(*sd) || isinf(*mean)) {
        *sd = NAN;
        return -1;
    }
    return 0;
}

int likert_describe(const double *code, const size_t *count, size_t k,
                    double *mean, double *sd, double *median)
{
    size_t n = 0;
    for (size_t i = 0; i < k; i++)
        n += count[i];
    *mean = *sd = *median = NAN;
    if (n == 0)
        return 0;
    long double *x = sk_xcalloc(k, sizeof *x);
    for (size_t i = 0; i < k; i++)
        x[i] = code[i];
    int rc = mean_sd(x, count, k, mean, sd);
    free(x);
    const double half = 0.5;
    stats_quantiles_freq(code, count, k, &half, 1, 7, median);
    return rc;
}

double likert_score(const double *code, size_t k, int sum, size_t min_items)
{
    size_t m = 0;
    long double s = 0;
    for (size_t i = 0; i < k; i++)
        if (!isnan(code[i])) {
            s += code[i];
            m++;
        }
    if (m == 0 || m < min_items)
        return NAN;
    return sum ? (double)s : (double)(s / m);
}

void likert_cov(const double *x, size_t n, size_t k, double *mean,
                double *cov)
{
    for (size_t j = 0; j < k; j++) {
        long double s = 0;
        for (size_t r = 0; r < n; r++)
            s += x[r * k + j];
        mean[j] = n ? (double)(s / n) : NAN;
    }
    for (size_t i = 0; i < k; i++)
        for (size_t j = i; j < k; j++) {
            long double s = 0;
            for (size_t r = 0; r < n; r++)
                s += ((long double)x[r * k + i] - mean[i]) *
                     ((long double)x[r * k + j] - mean[j]);
            cov[i * k + j] = cov[j * k + i] =
                n > 1 ? (double)(s / (n - 1)) : NAN;
        }
}

void likert_feldt(double alpha, size_t n, size_t k, double level, double *lo,
                  double *hi, int *imprecise)
{
    *lo = *hi = NAN;
    if (!isfinite(alpha) || n < 2 || k < 2 || !(level > 0 && level < 1))
        return;
    double df1 = (double)n - 1, df2 = df1 * ((double)k - 1);
    /* Feldt, Woodruff & Salih (1987), Appl. Psych. Meas. 11:93-103, as
     * psych::alpha.ci: 1 - (1 - alpha) qf(p, n - 1, (n - 1)(k - 1)), with
     * F = (df2 / df1) B / (1 - B) for B ~ Beta(df1 / 2, df2 / 2) (R's qf
     * itself is an approximation above df2 = 4e5: see dist.c) */
    double a = (1 - level) / 2;
    int w = 0;
    double bhi = dist_qbeta(a, df1 / 2, df2 / 2, 0, &w);
    double blo = dist_qbeta(a, df1 / 2, df2 / 2, 1, &w);
    double fhi = df2 / df1 * bhi / (1 - bhi);
    double flo = df2 / df1 * blo / (1 - blo);
    if (w && imprecise)
        *imprecise = 1;
    if (!w && isfinite(fhi) && isfinite(flo)) {
        *lo = 1 - (1 - alpha) * fhi;
        *hi = 1 - (1 - alpha) * flo;
    }
}

/* Cronbach (1951), Psychometrika 16:297-334, as psych::alpha's alpha.1:
 * k / (k - 1) (1 - TR / SC), TR the sum of the item variances, SC the
 * variance of their sum; NAN for fewer than 2 items or SC not positive. */
static double cronbach(size_t k, long double tr, long double sc)
{
    if (k < 2 || !(sc > 0))
        return NAN;
    long double dk = (long double)k;
    return (double)((1 - tr / sc) * (dk / (dk - 1)));
}

/* Standardised alpha and mean inter-item correlation of k items from SR,
 * the sum of their correlation matrix (the variance of the sum of the
 * standardised items); NAN for fewer than 2 items, and alpha NAN when SR
 * is not positive (the mean correlation is then still defined: -1 for
 * two items that correlate -1). */
static void standardised(size_t k, long double sr, double *std,
                         double *mean_r)
{
    *std = *mean_r = NAN;
    if (k < 2)
        return;
    long double dk = (long double)k;
    *mean_r = (double)((sr - dk) / (dk * (dk - 1)));
    if (sr > 0)
        *std = (double)((1 - dk / sr) * (dk / (dk - 1)));
}

/* Everything comes from sums over the rows (O(n k) time, O(n + k) memory
 * besides x): with d the deviations of the items from their means, D and
 * Z the row sums of d and of the standardised d / sd (the constant items
 * left out), the variance of the sum is sum D^2 / (n - 1) and the sum of
 * the correlation matrix sum Z^2 / (n - 1); an item's "if deleted"
 * values use sum (D - d)^2, sum d (D - d) and sum (Z - z)^2, computed as
 * such (no difference of large sums). */
/* The sums likert_alpha works from, per item i of k over n rows. */
struct asums {
    size_t n, k, constant;
    long double *mean, *ss, *inv;    /* mean, sum d^2, 1 / sd (0: constant) */
    long double *cr, *rr, *zz;       /* sum d (D - d), (D - d)^2, (Z - z)^2 */
    long double *pre, *suf;          /* sums of ss before i, from i on */
    long double sD2, sZ2;            /* sum D^2 (centred), sum Z^2 */
};

/* Two passes over the columns: the means, then the sums of squares. */
static void item_moments(const double *x, struct asums *s)
{
    size_t n = s->n, k = s->k;
    long double dn = (long double)n;
    for (size_t r = 0; r < n; r++)
        for (size_t i = 0; i < k; i++)
            s->mean[i] += x[r * k + i];
    for (size_t i = 0; i < k; i++)
        s->mean[i] = n ? s->mean[i] / dn : NAN;
    for (size_t r = 0; r < n; r++)
        for (size_t i = 0; i < k; i++) {
            long double e = x[r * k + i] - s->mean[i];
            s->ss[i] += e * e;
        }
    for (size_t i = 0; i < k; i++) {
        s->inv[i] = s->ss[i] > 0 ? 1 / sqrtl(s->ss[i] / (dn - 1)) : 0;
        s->constant += !(s->ss[i] > 0);
        s->pre[i + 1] = s->pre[i] + s->ss[i];
    }
    for (size_t i = k; i-- > 0;)
        s->suf[i] = s->suf[i + 1] + s->ss[i];
}

/* One pass over the rows: D, Z and, for the items (ITEMS), the sums with
 * each item left out, as such (no difference of large sums). */
static void row_sums(const double *x, int items, struct asums *s)
{
    size_t n = s->n, k = s->k;
    long double *d = sk_xcalloc(k ? k : 1, sizeof *d), sD = 0;
    for (size_t r = 0; r < n; r++) {
        long double D = 0, Z = 0;
        for (size_t i = 0; i < k; i++) {
            d[i] = x[r * k + i] - s->mean[i];
            D += d[i];
            Z += d[i] * s->inv[i];
        }
        sD += D;
        s->sD2 += D * D;
        s->sZ2 += Z * Z;
        for (size_t i = 0; items && i < k; i++) {
            long double rest = D - d[i], zrest = Z - d[i] * s->inv[i];
            s->cr[i] += d[i] * rest;
            s->rr[i] += rest * rest;
            s->zz[i] += zrest * zrest;
        }
    }
    s->sD2 -= sD * sD / (n ? (long double)n : 1);
    free(d);
}

/* The scale score of each row (in long double: a sum of large codes may
 * pass the range of a double), and its mean and sd. */
static void scale_score(const double *x, size_t n, size_t k, int sum,
                        struct likert_alpha *a)
{
    long double *score = sk_xcalloc(n ? n : 1, sizeof *score);
    for (size_t r = 0; r < n; r++) {
        long double t = 0;
        for (size_t i = 0; i < k; i++)
            t += x[r * k + i];
        score[r] = sum ? t : t / (long double)k;
    }
    a->out_of_range = mean_sd(score, NULL, n, &a->mean, &a->sd) != 0 ||
                      isinf(a->mean);
    if (isinf(a->mean))
        a->mean = NAN;
    free(score);
}

/* The item statistics of item I from the sums. */
static void item_stats(const struct asums *s, size_t i,
                       struct likert_alpha_item *it)
{
    size_t n = s->n, k = s->k;
    long double dn = (long double)n;
    size_t others_constant = s->constant - (s->ss[i] > 0 ? 0 : 1);
    it->mean = (double)s->mean[i];
    it->sd = n >= 2 ? (double)sqrtl(s->ss[i] / (dn - 1)) : NAN;
    it->r_drop = it->raw_r = NAN;
    it->alpha_drop = it->std_drop = it->mean_r_drop = NAN;
    if (n < 2)
        return;
    /* item-rest r = cov(x_i, rest) / sqrt(var x_i var rest), the
     * "corrected item-total correlation" (psych's r.drop) */
    if (k >= 2 && s->ss[i] > 0 && s->rr[i] > 0)
        it->r_drop = (double)(s->cr[i] / sqrtl(s->ss[i] * s->rr[i]));
    /* item-total r = cov(x_i, total) / sqrt(var x_i var total) */
    if (s->ss[i] > 0 && s->sD2 > 0)
        it->raw_r = (double)((s->cr[i] + s->ss[i]) /
                             sqrtl(s->ss[i] * s->sD2));
    if (k < 3)
        return;
    it->alpha_drop = cronbach(k - 1, s->pre[i] + s->suf[i + 1], s->rr[i]);
    if (!others_constant)
        standardised(k - 1, s->zz[i] / (dn - 1), &it->std_drop,
                     &it->mean_r_drop);
}

void likert_alpha(const double *x, size_t n, size_t k, int sum, double level,
                  struct likert_alpha *a, struct likert_alpha_item *item)
{
    size_t kk = k ? k : 1;
    struct asums s = {
        n, k, 0,
        sk_xcalloc(kk, sizeof(long double)),
        sk_xcalloc(kk, sizeof(long double)),
        sk_xcalloc(kk, sizeof(long double)),
        sk_xcalloc(kk, sizeof(long double)),
        sk_xcalloc(kk, sizeof(long double)),
        sk_xcalloc(kk, sizeof(long double)),
        sk_xcalloc(k + 1, sizeof(long double)),
        sk_xcalloc(k + 1, sizeof(long double)), 0, 0
    };
    item_moments(x, &s);
    row_sums(x, item != NULL, &s);
    long double dn = (long double)n;
    a->k = k;
    a->n = n;
    a->constant = s.constant;
    a->raw = a->std = a->mean_r = NAN;
    a->lo = a->hi = NAN;
    a->imprecise = 0;
    if (n >= 2) {
        a->raw = cronbach(k, s.pre[k], s.sD2);
        if (!s.constant)
            standardised(k, s.sZ2 / (dn - 1), &a->std, &a->mean_r);
        likert_feldt(a->raw, n, k, level, &a->lo, &a->hi, &a->imprecise);
    }
    scale_score(x, n, k, sum, a);
    for (size_t i = 0; item && i < k; i++)
        item_stats(&s, i, &item[i]);
    free(s.mean);
    free(s.ss);
    free(s.inv);
    free(s.cr);
    free(s.rr);
    free(s.zz);
    free(s.pre);
    free(s.suf);
}

/* ---- alpha from exact sums, one row at a time ---- */

enum { SUMS_INT, SUMS_BIG, SUMS_ROWS };
#define SUMS_INT_MAX 4096.0    /* |code| <= 2^12: |product| <= 2^24 */
#define SUMS_BLOCK 64          /* rows summed at once in int32: < 2^31 */
#define SUMS_FLUSH ((size_t)1 << 31)   /* blocks between flushes of the
                                          int64 sums: |sum| < 2^61 */
#define SUMS_DEC_MAX 3         /* decimals of the integer path */
static const double sums_pow10[SUMS_DEC_MAX + 1] = { 1, 10, 100, 1000 };

struct likert_sums {
    size_t k, npair, n;
    int mode;
    int nonfinite;            /* a code was not finite: everything NAN */
    double *first;            /* the first row */
    int64_t *v;               /* the row as integers (SUMS_BIG: mantissas) */
    long *ex;                 /* SUMS_BIG: their exponents */
    int16_t *blk;             /* SUMS_INT: the block's rows, item by item
                                 (blk[i * SUMS_BLOCK + row]), 0 beyond fill */
    size_t fill;
    int64_t *s1, *s2;         /* SUMS_INT: sums of x_i and x_i x_j (i <= j,
                                 row by row) since the last flush */
    size_t since;             /* blocks since the last flush */
    mpz_t *z1, *z2, *zv;      /* the sums times 10^d 2^-e and 10^2d 2^-2e,
                                 the row times 10^d 2^-e (NULL until
                                 needed) */
    long e;
    int d;                    /* decimals: the integer path sums codes
                                 times 10^d */
    double *x;                /* SUMS_ROWS: the rows */
    size_t cap;
};

struct likert_sums *likert_sums_new(size_t k)
{
    struct likert_sums *s = sk_xcalloc(1, sizeof *s);
    size_t kk = k ? k : 1;
    s->k = k;
    s->first = sk_xcalloc(kk, sizeof *s->first);
    if (k > LIKERT_SUMS_KMAX) {
        s->mode = SUMS_ROWS;
        return s;
    }
    s->npair = k * (k + 1) / 2;
    s->v = sk_xcalloc(kk, sizeof *s->v);
    s->s1 = sk_xcalloc(kk, sizeof *s->s1);
    s->s2 = sk_xcalloc(s->npair ? s->npair : 1, sizeof *s->s2);
    s->blk = sk_xcalloc(kk * SUMS_BLOCK, sizeof *s->blk);
    return s;
}

void likert_sums_free(struct likert_sums *s)
{
    if (!s)
        return;
    if (s->z1) {
        for (size_t i = 0; i < s->k; i++) {
            mpz_clear(s->z1[i]);
            mpz_clear(s->zv[i]);
        }
        for (size_t p = 0; p < s->npair; p++)
            mpz_clear(s->z2[p]);
    }
    free(s->z1);
    free(s->z2);
    free(s->zv);
    free(s->ex);
    free(s->first);
    free(s->v);
    free(s->s1);
    free(s->s2);
    free(s->blk);
    free(s->x);
    free(s);
}

size_t likert_sums_n(const struct likert_sums *s)
{
    return s->n;
}

const double *likert_sums_first(const struct likert_sums *s)
{
    return s->n ? s->first : NULL;
}

static void z_add_si(mpz_t z, int64_t v)
{
    if (v >= 0)
        mpz_add_ui(z, z, (unsigned long)v);
    else
        mpz_sub_ui(z, z, -(unsigned long)v);
}

static void block_sums(struct likert_sums *s);

/* The integer sums into the big ones (at e = 0: the integer sums come
 * first, before any code that needs a scale). */
static void sums_flush(struct likert_sums *s)
{
    size_t k = s->k;
    if (s->fill)
        block_sums(s);
    if (!s->z1) {
        size_t kk = k ? k : 1;
        s->z1 = sk_xcalloc(kk, sizeof *s->z1);
        s->zv = sk_xcalloc(kk, sizeof *s->zv);
        s->z2 = sk_xcalloc(s->npair ? s->npair : 1, sizeof *s->z2);
        s->ex = sk_xcalloc(kk, sizeof *s->ex);
        for (size_t i = 0; i < k; i++) {
            mpz_init(s->z1[i]);
            mpz_init(s->zv[i]);
        }
        for (size_t p = 0; p < s->npair; p++)
            mpz_init(s->z2[p]);
    }
    for (size_t i = 0; i < k; i++)
        z_add_si(s->z1[i], s->s1[i]);
    for (size_t p = 0; p < s->npair; p++)
        z_add_si(s->z2[p], s->s2[p]);
    memset(s->s1, 0, k * sizeof *s->s1);
    memset(s->s2, 0, s->npair * sizeof *s->s2);
    s->since = 0;
}

/* The decimals of code D, 0 to SUMS_DEC_MAX: the fewest s such that D is
 * the double nearest m / 10^s for an integer m (the double that "2.5" or
 * "3.25" was read as); -1 when there is none. */
static int decimals(double d)
{
    for (int p = 0; p <= SUMS_DEC_MAX; p++) {
        double m = nearbyint(d * sums_pow10[p]);
        if (fabs(m) < 0x1p52 && m / sums_pow10[p] == d)
            return p;
    }
    return -1;
}

/* From D decimals to more: the sums so far times a power of 10. */
static void raise_decimals(struct likert_sums *s, int d)
{
    sums_flush(s);
    unsigned long f = (unsigned long)(sums_pow10[d - s->d] + 0.5);
    for (size_t i = 0; i < s->k; i++)
        mpz_mul_ui(s->z1[i], s->z1[i], f);
    for (size_t p = 0; p < s->npair; p++) {
        mpz_mul_ui(s->z2[p], s->z2[p], f);
        mpz_mul_ui(s->z2[p], s->z2[p], f);
    }
    s->d = d;
}

/* The row as integers of at most 2^12 at s->d decimals (codes times 10^d)
 * into s->v, raising s->d for a code with more decimals (up to
 * SUMS_DEC_MAX); 0 when a code does not fit. */
static int row_int(struct likert_sums *s, const double *x)
{
    if (s->d == 0) {
        /* whole codes (most scales): the loop below without decimals */
        size_t i = 0;
        for (; i < s->k; i++) {
            double c = x[i];
            if (!(c >= -SUMS_INT_MAX && c <= SUMS_INT_MAX &&
                  (double)(int64_t)c == c))
                break;
            s->v[i] = (int64_t)c;
        }
        if (i == s->k)
            return 1;
    }
    for (size_t i = 0; i < s->k; i++) {
        double d = x[i], c = s->d ? nearbyint(d * sums_pow10[s->d]) : d;
        if (c >= -SUMS_INT_MAX && c <= SUMS_INT_MAX &&
            (s->d ? c / sums_pow10[s->d] == d : (double)(int64_t)c == c)) {
            s->v[i] = (int64_t)c;
            continue;
        }
        int p = decimals(d);
        if (p <= s->d ||
            !(fabs(d) * sums_pow10[p] <= SUMS_INT_MAX))
            return 0;
        raise_decimals(s, p);
        i = (size_t)-1;         /* every code again at p decimals */
    }
    return 1;
}

/* sum a_r b_r over a block: at most 64 products of 2^24, in int32; a loop
 * of fixed length that compilers vectorise */
static inline int32_t dot_block(const int16_t *a, const int16_t *b)
{
    int32_t t = 0;
    for (size_t r = 0; r < SUMS_BLOCK; r++)
        t += a[r] * b[r];
    return t;
}

/* The products of the block's rows into the int64 sums: per pair of items
 * a dot product of two columns of the block (rows past fill are 0). */
static void block_sums(struct likert_sums *s)
{
    size_t k = s->k;
    int64_t *q = s->s2;
    for (size_t i = 0; i < k; i++)
        for (size_t j = i; j < k; j++)
            *q++ += dot_block(s->blk + i * SUMS_BLOCK,
                              s->blk + j * SUMS_BLOCK);
    memset(s->blk, 0, k * SUMS_BLOCK * sizeof *s->blk);
    s->fill = 0;
    if (++s->since == SUMS_FLUSH)
        sums_flush(s);
}

static void add_int(struct likert_sums *s)
{
    for (size_t i = 0; i < s->k; i++) {
        s->blk[i * SUMS_BLOCK + s->fill] = (int16_t)s->v[i];
        s->s1[i] += s->v[i];
    }
    if (++s->fill == SUMS_BLOCK)
        block_sums(s);
}

/* Any finite codes, exactly: each is an odd integer times 2^ex; the sums
 * are kept at the smallest exponent seen (scaled up when a smaller one
 * comes). */
static void add_big(struct likert_sums *s, const double *x)
{
    size_t k = s->k;
    long emin = s->e;
    for (size_t i = 0; i < k; i++) {
        s->v[i] = 0;
        s->ex[i] = s->e;
        if (x[i] == 0)
            continue;
        int e2;
        double f = frexp(x[i], &e2);
        int64_t m = (int64_t)ldexp(f, 53);     /* exact: |m| < 2^53 */
        uint64_t u = m < 0 ? -(uint64_t)m : (uint64_t)m;
        int tz = __builtin_ctzll(u);
        u >>= tz;
        s->v[i] = m < 0 ? -(int64_t)u : (int64_t)u;
        s->ex[i] = (long)e2 - 53 + tz;
        if (s->ex[i] < emin)
            emin = s->ex[i];
    }
    if (emin < s->e) {
        mp_bitcnt_t d = (mp_bitcnt_t)(s->e - emin);
        for (size_t i = 0; i < k; i++)
            mpz_mul_2exp(s->z1[i], s->z1[i], d);
        for (size_t p = 0; p < s->npair; p++)
            mpz_mul_2exp(s->z2[p], s->z2[p], 2 * d);
        s->e = emin;
    }
    unsigned long f = (unsigned long)(sums_pow10[s->d] + 0.5);
    for (size_t i = 0; i < k; i++) {
        mpz_set_si(s->zv[i], (long)s->v[i]);
        mpz_mul_ui(s->zv[i], s->zv[i], f);
        mpz_mul_2exp(s->zv[i], s->zv[i], (mp_bitcnt_t)(s->ex[i] - s->e));
        mpz_add(s->z1[i], s->z1[i], s->zv[i]);
    }
    size_t p = 0;
    for (size_t i = 0; i < k; i++)
        for (size_t j = i; j < k; j++)
            mpz_addmul(s->z2[p++], s->zv[i], s->zv[j]);
}

void likert_sums_add(struct likert_sums *s, const double *x)
{
    size_t k = s->k;
    if (s->n == 0)
        memcpy(s->first, x, k * sizeof *x);
    s->n++;
    if (s->mode == SUMS_ROWS) {
        if (s->n * k > s->cap) {
            s->cap = s->cap ? 2 * s->cap : 1024 * k;
            s->x = sk_xreallocarray(s->x, s->cap, sizeof *s->x);
        }
        memcpy(s->x + (s->n - 1) * k, x, k * sizeof *x);
        return;
    }
    if (s->mode == SUMS_INT && row_int(s, x)) {
        add_int(s);
        return;
    }
    for (size_t i = 0; i < k; i++)
        if (!isfinite(x[i])) {
            s->nonfinite = 1;
            return;
        }
    if (s->mode == SUMS_INT) {
        sums_flush(s);          /* the integer sums into GMP, once */
        s->mode = SUMS_BIG;
    }
    add_big(s, x);
}

/* The long double nearest z (64 bits; any mpz here is far inside its
 * range). */
static long double z_ld(const mpz_t z)
{
    mpfr_t f;
    mpfr_init2(f, 64);
    mpfr_set_z(f, z, MPFR_RNDN);
    long double r = mpfr_get_ld(f, MPFR_RNDN);
    mpfr_clear(f);
    return r;
}

/* The double nearest NUM / DEN times 2^E2, or nearest its square root. */
static double z_ratio(const mpz_t num, const mpz_t den, long e2, int root)
{
    mpq_t q;
    mpq_init(q);
    mpq_set_num(q, num);
    mpq_set_den(q, den);
    mpq_canonicalize(q);
    double d = exsum_round_q(q, e2, root);
    mpq_clear(q);
    return d;
}

/* cronbach() from exact sums: k / (k - 1) (SC - TR) / SC, the difference
 * taken exactly (no 1 - a ratio near 1); T is scratch. */
static double cronbach_z(size_t k, const mpz_t tr, const mpz_t sc, mpz_t t)
{
    if (k < 2 || mpz_sgn(sc) <= 0)
        return NAN;
    long double dk = (long double)k;
    mpz_sub(t, sc, tr);
    return (double)(z_ld(t) / z_ld(sc) * (dk / (dk - 1)));
}

/* The sum of the correlations r (k x k) of the k items but item SKIP
 * (none when SKIP >= k). */
static long double corr_sum(const long double *r, size_t k, size_t skip)
{
    long double off = 0;
    for (size_t j = 0; j < k; j++) {
        if (j == skip)
            continue;
        for (size_t l = j + 1; l < k; l++)
            if (l != skip)
                off += r[j * k + l];
    }
    return (long double)(k - (skip < k)) + 2 * off;
}

/* From the exact sums, with M = n Sxy - Sx Sy = n (n - 1) cov (exact
 * integers, times 10^-2d 2^2e): Cronbach's alpha from tr M / sum M, the
 * correlations from M, each "if deleted" from exact sums of M without the
 * item (no difference of rounded numbers). */
static void sums_alpha(struct likert_sums *s, int sum, double level,
                       struct likert_alpha *a, struct likert_alpha_item *item)
{
    size_t k = s->k, n = s->n, kk = k ? k : 1;
    sums_flush(s);
    unsigned long f10 = (unsigned long)(sums_pow10[s->d] + 0.5);   /* 10^d */
    mpz_t t, u, rz, tr, sc, den, *row = sk_xcalloc(kk, sizeof *row),
          *mii = sk_xcalloc(kk, sizeof *mii);
    long double *c = sk_xcalloc(kk * kk, sizeof *c),
                *r = sk_xcalloc(kk * kk, sizeof *r),
                *inv = sk_xcalloc(kk, sizeof *inv);
    mpz_inits(t, u, rz, tr, sc, den, (mpz_ptr)0);
    size_t constant = 0;
    for (size_t i = 0, p = 0; i < k; p += k - i, i++) {
        mpz_init(row[i]);
        mpz_init(mii[i]);
        mpz_mul_ui(mii[i], s->z2[p], (unsigned long)n);
        mpz_submul(mii[i], s->z1[i], s->z1[i]);
        c[i * k + i] = z_ld(mii[i]);
        mpz_add(tr, tr, mii[i]);
        constant += mpz_sgn(mii[i]) == 0;
        inv[i] = mpz_sgn(mii[i]) > 0 ? 1 / sqrtl(c[i * k + i]) : 0;
        r[i * k + i] = 1;
    }
    size_t p = 0;
    for (size_t i = 0; i < k; i++)
        for (size_t j = i; j < k; j++, p++) {
            if (i == j) {
                mpz_add(row[i], row[i], mii[i]);
                continue;
            }
            mpz_mul_ui(t, s->z2[p], (unsigned long)n);
            mpz_submul(t, s->z1[i], s->z1[j]);
            c[i * k + j] = c[j * k + i] = z_ld(t);
            mpz_add(row[i], row[i], t);
            mpz_add(row[j], row[j], t);
            /* r = M_ij / sqrt(M_ii M_jj), exactly +-1 when M_ij^2 is
             * M_ii M_jj (two rows, a repeated item) */
            mpz_mul(u, t, t);
            mpz_submul(u, mii[i], mii[j]);
            r[i * k + j] = r[j * k + i] =
                mpz_sgn(u) == 0 && mpz_sgn(t) ? (long double)mpz_sgn(t)
                                              : c[i * k + j] * inv[i] * inv[j];
        }
    for (size_t i = 0; i < k; i++)
        mpz_add(sc, sc, row[i]);
    long double lsc = z_ld(sc);
    a->k = k;
    a->n = n;
    a->constant = constant;
    a->raw = a->std = a->mean_r = NAN;
    a->lo = a->hi = NAN;
    a->mean = a->sd = NAN;
    a->imprecise = 0;
    a->out_of_range = 0;
    if (n >= 2) {
        a->raw = cronbach_z(k, tr, sc, t);
        if (!constant)
            standardised(k, corr_sum(r, k, k), &a->std, &a->mean_r);
        likert_feldt(a->raw, n, k, level, &a->lo, &a->hi, &a->imprecise);
    }
    /* the score: mean sum Sx / n (/ k), variance sum M / (n (n - 1)) (/ k^2) */
    if (n >= 1) {
        mpz_set_ui(t, 0);
        for (size_t i = 0; i < k; i++)
            mpz_add(t, t, s->z1[i]);
        mpz_set_ui(den, (unsigned long)n);
        mpz_mul_ui(den, den, f10);
        if (!sum)
            mpz_mul_ui(den, den, (unsigned long)k);
        a->mean = z_ratio(t, den, s->e, 0);
    }
    if (n >= 2 && mpz_sgn(sc) >= 0) {
        mpz_set_ui(den, (unsigned long)n);
        mpz_mul_ui(den, den, (unsigned long)(n - 1));
        mpz_mul_ui(den, den, f10 * f10);
        if (!sum) {
            mpz_mul_ui(den, den, (unsigned long)k);
            mpz_mul_ui(den, den, (unsigned long)k);
        }
        a->sd = z_ratio(sc, den, 2 * s->e, 1);
    }
    if (isinf(a->mean))
        a->mean = a->sd = NAN, a->out_of_range = 1;
    if (isinf(a->sd))
        a->sd = NAN, a->out_of_range = 1;
    for (size_t i = 0; item && i < k; i++) {
        struct likert_alpha_item *it = &item[i];
        it->mean = it->sd = NAN;
        it->r_drop = it->raw_r = NAN;
        it->alpha_drop = it->std_drop = it->mean_r_drop = NAN;
        if (n == 0)
            continue;
        mpz_set_ui(den, (unsigned long)n);
        mpz_mul_ui(den, den, f10);
        it->mean = z_ratio(s->z1[i], den, s->e, 0);
        if (n < 2)
            continue;
        mpz_mul_ui(den, den, (unsigned long)(n - 1));
        mpz_mul_ui(den, den, f10);
        it->sd = mpz_sgn(mii[i]) ? z_ratio(mii[i], den, 2 * s->e, 1) : 0;
        long double ss = c[i * k + i];
        /* item-rest: sum over j != i of M_ij; the rest's variance
         * sum M - 2 row_i + M_ii; item-total: row_i */
        mpz_sub(t, row[i], mii[i]);
        long double cr = z_ld(t);
        mpz_set(rz, sc);
        mpz_submul_ui(rz, row[i], 2);
        mpz_add(rz, rz, mii[i]);         /* sum M - 2 row_i + M_ii */
        long double rr = z_ld(rz);
        if (k >= 2 && ss > 0 && rr > 0)
            it->r_drop = (double)(cr / sqrtl(ss * rr));
        if (ss > 0 && lsc > 0)
            it->raw_r = (double)(z_ld(row[i]) / sqrtl(ss * lsc));
        if (k < 3)
            continue;
        mpz_sub(u, tr, mii[i]);
        it->alpha_drop = cronbach_z(k - 1, u, rz, t);
        if (constant - (mpz_sgn(mii[i]) ? 0 : 1) == 0)
            standardised(k - 1, corr_sum(r, k, i), &it->std_drop,
                         &it->mean_r_drop);
    }
    mpz_clears(t, u, rz, tr, sc, den, (mpz_ptr)0);
    for (size_t i = 0; i < k; i++) {
        mpz_clear(row[i]);
        mpz_clear(mii[i]);
    }
    free(row);
    free(mii);
    free(c);
    free(r);
    free(inv);
}

void likert_sums_alpha(struct likert_sums *s, int sum, double level,
                       struct likert_alpha *a, struct likert_alpha_item *item)
{
    if (s->mode == SUMS_ROWS) {
        likert_alpha(s->x, s->n, s->k, sum, level, a, item);
        return;
    }
    sums_alpha(s, sum, level, a, item);
    if (s->nonfinite) {
        a->raw = a->std = a->mean_r = a->lo = a->hi = a->mean = a->sd = NAN;
        for (size_t i = 0; item && i < s->k; i++)
            item[i] = (struct likert_alpha_item){ NAN, NAN, NAN, NAN, NAN,
                                                  NAN, NAN };
    }
}
