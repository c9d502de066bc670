/* describe.c - one-pass accumulation and descriptive statistics. */
#include <config.h>

#include "describe.h"
#include "dist.h"
#include "quantile.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>

void acc_init(struct acc *a)
{
    a->n = a->missing = 0;
    exsum_init(&a->ex);
    a->freq = freqtab_new();
    a->v = NULL;
    a->nv = a->cap = 0;
}

void acc_free(struct acc *a)
{
    freqtab_free(a->freq);
    free(a->v);
    a->freq = NULL;
    a->v = NULL;
}

static void push(struct acc *a, double x)
{
    if (a->nv == a->cap) {
        a->cap = a->cap ? 2 * a->cap : 4096;
        a->v = sk_xreallocarray(a->v, a->cap, sizeof *a->v);
    }
    a->v[a->nv++] = x;
}

void acc_add(struct acc *a, double x, int exact, int64_t mant, int scale)
{
    a->n++;
    if (exact)
        exsum_add(&a->ex, mant, scale);
    else
        exsum_lose(&a->ex);
    if (!a->freq) {
        push(a, x);
        return;
    }
    freqtab_add(a->freq, x, 1);
    if (freqtab_distinct(a->freq) > ACC_MAX_DISTINCT) {
        const double *vals;
        const size_t *counts;
        size_t k = freqtab_sorted(a->freq, &vals, &counts);
        for (size_t i = 0; i < k; i++)
            for (size_t c = 0; c < counts[i]; c++)
                push(a, vals[i]);
        freqtab_free(a->freq);
        a->freq = NULL;
    }
}

double stats_skewness_g1(double n, double m2, double m3)
{
    if (n < 3 || !(m2 > 0))
        return NAN;
    return m3 / pow(m2, 1.5) * sqrt(n * (n - 1)) / (n - 2);
}

double stats_kurtosis_g2(double n, double m2, double m4)
{
    if (n < 4 || !(m2 > 0))
        return NAN;
    double g2 = m4 / (m2 * m2) - 3;
    return ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3));
}

double stats_t_crit(double level, double df)
{
    if (!(df >= 1) || !(level > 0 && level < 1))
        return NAN;
    return dist_qt(1 - (1 - level) / 2, df);    /* as R: 1 - alpha/2 */
}

void stats_mean_var(const double *x, const size_t *counts, size_t k,
                    size_t n, double *mean, double *var)
{
    long double s = 0;
    for (size_t i = 0; i < k; i++)
        s += counts ? (long double)counts[i] * x[i] : x[i];
    long double m = s / n, d1 = 0, d2 = 0;
    for (size_t i = 0; i < k; i++) {
        long double d = x[i] - m, c = counts ? counts[i] : 1;
        d1 += c * d;
        d2 += c * d * d;
    }
    *mean = (double)(m + d1 / n);
    *var = n > 1 ? (double)((d2 - d1 * d1 / n) / (n - 1)) : NAN;
}

/* Central moments m2, m3, m4 about MEAN (divisor n). */
static void moments(const double *x, const size_t *counts, size_t k,
                    size_t n, double mean, double *m2, double *m3, double *m4)
{
    long double s2 = 0, s3 = 0, s4 = 0;
    for (size_t i = 0; i < k; i++) {
        long double d = (long double)x[i] - mean, c = counts ? counts[i] : 1;
        long double d2 = d * d;
        s2 += c * d2;
        s3 += c * d2 * d;
        s4 += c * d2 * d2;
    }
    *m2 = (double)(s2 / n);
    *m3 = (double)(s3 / n);
    *m4 = (double)(s4 / n);
}

void acc_describe(struct acc *a, double level, int qtype, struct describe *d)
{
    d->n = a->n;
    d->missing = a->missing;
    d->mean = d->sd = d->se = d->ci_lo = d->ci_hi = NAN;
    d->min = d->q1 = d->median = d->q3 = d->max = d->iqr = NAN;
    d->skewness = d->kurtosis = NAN;
    d->exact = 0;
    if (a->n == 0)
        return;

    const double *x;
    const size_t *counts = NULL;
    size_t k;
    if (a->freq)
        k = freqtab_sorted(a->freq, &x, &counts);
    else {
        x = a->v;
        k = a->nv;
    }

    double var;
    if (exsum_results(&a->ex, &d->mean, &var, &d->sd) == 0)
        d->exact = 1;
    else {
        stats_mean_var(x, counts, k, a->n, &d->mean, &var);
        d->sd = a->n > 1 ? sqrt(var) : NAN;
    }
    if (a->n > 1) {
        d->se = d->sd / sqrt((double)a->n);
        double t = stats_t_crit(level, (double)(a->n - 1));
        d->ci_lo = d->mean - t * d->se;
        d->ci_hi = d->mean + t * d->se;
    }

    double m2, m3, m4;
    moments(x, counts, k, a->n, d->mean, &m2, &m3, &m4);
    d->skewness = stats_skewness_g1((double)a->n, m2, m3);
    d->kurtosis = stats_kurtosis_g2((double)a->n, m2, m4);

    static const double probs[] = { 0, 0.25, 0.5, 0.75, 1 };
    double q[5];
    if (counts)
        stats_quantiles_freq(x, counts, k, probs, 5, qtype, q);
    else
        stats_quantiles_array(a->v, a->nv, probs, 5, qtype, q);
    d->min = q[0];
    d->q1 = q[1];
    d->median = q[2];
    d->q3 = q[3];
    d->max = q[4];
    d->iqr = q[3] - q[1];
}
