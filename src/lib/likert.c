/* likert.c - statistics of Likert items and scales. */
#include <config.h>

#include "likert.h"
#include "describe.h"
#include "dist.h"
#include "quantile.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>


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
 * standardised items); NAN as above. */
static void standardised(size_t k, long double sr, double *std,
                         double *mean_r)
{
    *std = *mean_r = NAN;
    if (k < 2 || !(sr > 0))
        return;
    long double dk = (long double)k;
    *std = (double)((1 - dk / sr) * (dk / (dk - 1)));
    *mean_r = (double)((sr - dk) / (dk * (dk - 1)));
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
