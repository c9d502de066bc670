/* stats.c - the small shared statistics core (stats.h). */
#include <config.h>

#include "stats.h"
#include "dsort.h"
#include "dist.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

int stats_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

uint64_t stats_dkey(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return (u >> 63) ? ~u : u | (UINT64_C(1) << 63);
}

double stats_unkey(uint64_t k)
{
    uint64_t u = (k >> 63) ? k & ~(UINT64_C(1) << 63) : ~k;
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

double stats_tie_sum(const double *x, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && x[j] == x[i])
            j++;
        double t = (double)(j - i);
        s += t * t * t - t;
        i = j;
    }
    return s;
}

double stats_t_p(double t, double df, enum stats_alt alt)
{
    double p = NAN;
    switch (alt) {
    case STATS_TWO_SIDED:
        p = 2 * dist_pt(-fabs(t), df);
        break;
    case STATS_LESS:
        p = dist_pt(t, df);
        break;
    case STATS_GREATER:
        p = dist_pt_upper(t, df);
        break;
    }
    return p > 1 ? 1 : p;
}

void stats_t_interval(double t, double se, double df, double level,
                      enum stats_alt alt, double *lo, double *hi)
{
    if (alt == STATS_TWO_SIDED) {
        double q = dist_qt(1 - (1 - level) / 2, df);
        *lo = (t - q) * se;
        *hi = (t + q) * se;
    } else {
        double q = dist_qt(level, df);
        *lo = alt == STATS_GREATER ? (t - q) * se : -INFINITY;
        *hi = alt == STATS_LESS ? (t + q) * se : INFINITY;
    }
}

size_t stats_lower_bound(const double *x, size_t n, double v)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t stats_cum_rank(const unsigned long *cum, size_t k, unsigned long r)
{
    size_t lo = 0, hi = k - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cum[mid] >= r)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* Counting sort of few distinct values; 0 when there are more. The
 * distinct values are told apart by their keys (stats_dkey), so that -0
 * and 0 each keep their sign, -0 first. */
static int sort_few(double *x, size_t n)
{
    uint64_t key[STATS_SORT_FEW];
    double val[STATS_SORT_FEW];
    size_t cnt[STATS_SORT_FEW], k = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t q = stats_dkey(x[i]);
        size_t lo = 0, hi = k;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (key[mid] < q)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < k && key[lo] == q) {
            cnt[lo]++;
            continue;
        }
        if (k == STATS_SORT_FEW)
            return 0;
        memmove(key + lo + 1, key + lo, (k - lo) * sizeof *key);
        memmove(val + lo + 1, val + lo, (k - lo) * sizeof *val);
        memmove(cnt + lo + 1, cnt + lo, (k - lo) * sizeof *cnt);
        key[lo] = q;
        val[lo] = x[i];
        cnt[lo] = 1;
        k++;
    }
    for (size_t l = 0, i = 0; l < k; l++)
        for (size_t c = 0; c < cnt[l]; c++)
            x[i++] = val[l];
    return 1;
}

/* Counting sort of small integers (|x| < SORT_INT_SPAN / 2, -0 not
 * among them): one bucket each; 0 when a value is not one. */
#define SORT_INT_SPAN 1024
static int sort_ints(double *x, size_t n)
{
    size_t *cnt = sk_xcalloc(SORT_INT_SPAN, sizeof *cnt);
    const double half = SORT_INT_SPAN / 2;
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        if (!(v > -half && v < half) || v != (double)(long)v ||
            (v == 0 && signbit(v))) {
            free(cnt);
            return 0;
        }
        cnt[(size_t)((long)v + (long)half)]++;
    }
    for (size_t b = 0, i = 0; b < SORT_INT_SPAN; b++)
        for (size_t c = 0; c < cnt[b]; c++)
            x[i++] = (double)((long)b - (long)half);
    free(cnt);
    return 1;
}

void stats_sort(double *x, size_t n)
{
    if (n >= SORT_INT_SPAN && sort_ints(x, n))
        return;
    if (!sort_few(x, n))
        dsort(x, n);    /* qsort's (stable) order, by a radix sort */
}
