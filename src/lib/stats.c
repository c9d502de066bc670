/* stats.c - the small shared statistics core (stats.h). */
#include <config.h>

#include "stats.h"

#include <math.h>
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
