/* quantile.c - sample quantiles, Hyndman & Fan types 1 to 9, as R 4.2. */
#include <config.h>

#include "quantile.h"
#include "stats.h"
#include "util.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

static size_t clamp_rank(double j, size_t n)
{
    if (j < 1)
        return 1;
    if (j > (double)n)
        return n;
    return (size_t)j;
}

void stats_quantile_plan(size_t n, double p, int type, struct stats_qplan *pl)
{
    double dn = (double)n;
    if (type == 7) {
        /* index = 1 + (n - 1) p; lo = floor, hi = ceiling */
        double index = 1 + (dn - 1) * p;
        double lo = floor(index);
        pl->lo = clamp_rank(lo, n);
        pl->hi = clamp_rank(ceil(index), n);
        pl->h = index - lo;
        return;
    }
    double j, h;
    if (type <= 3) {
        double nppm = type == 3 ? dn * p - 0.5 : dn * p;
        j = floor(nppm);
        if (type == 1)
            h = nppm > j;
        else if (type == 2)
            h = ((nppm > j) + 1) / 2.0;
        else {
            long jj = (long)j;
            h = (nppm != j) || (((jj % 2) + 2) % 2 == 1);
        }
    } else {
        static const double ab[][2] = {
            { 0, 1 }, { 0.5, 0.5 }, { 0, 0 }, { 1, 1 },
            { 1.0 / 3, 1.0 / 3 }, { 3.0 / 8, 3.0 / 8 }
        };
        double a = ab[type - 4][0], b = ab[type - 4][1];
        double fuzz = 4 * DBL_EPSILON;
        double nppm = a + p * (dn + 1 - a - b);
        j = floor(nppm + fuzz);
        h = nppm - j;
        if (fabs(h) < fuzz)
            h = 0;
    }
    pl->lo = clamp_rank(j, n);
    pl->hi = clamp_rank(j + 1, n);
    pl->h = h;
}

double stats_quantile_apply(const struct stats_qplan *pl, double xlo,
                            double xhi)
{
    if (pl->h == 1)
        return xhi;
    if (pl->h > 0 && pl->h < 1 && xlo != xhi) {
        double q = (1 - pl->h) * xlo + pl->h * xhi;    /* as R */
        if (isinf(q))    /* near DBL_MAX: the same in halves (exact) */
            q = 2 * ((1 - pl->h) * (xlo / 2) + pl->h * (xhi / 2));
        else if (q == 0 &&    /* 0, or below the subnormals? */
                 (1 - pl->h) * ldexpl(xlo, 1100) + pl->h * ldexpl(xhi, 1100)
                 != 0)
            q = NAN;
        return q;
    }
    return xlo;
}

/* q - a as R's formula gives it, exactly: 0, b - a, or h (b - a) */
static long double above_lo(const struct stats_qplan *pl, double a, double b)
{
    if (pl->h == 1)
        return (long double)b - a;
    if (pl->h > 0 && pl->h < 1 && a != b)
        return pl->h * ((long double)b - a);
    return 0;
}

double stats_quantile_spread(const struct stats_qplan *p1, double a1,
                             double b1, const struct stats_qplan *p3,
                             double a3, double b3, int *exact_zero)
{
    long double r = ((long double)a3 - a1) + above_lo(p3, a3, b3) -
                    above_lo(p1, a1, b1);
    *exact_zero = r == 0;
    return (double)r;
}

static inline void swap(double *a, double *b)
{
    double t = *a;
    *a = *b;
    *b = t;
}

static double median3(double a, double b, double c)
{
    if (a < b)
        return b < c ? b : (a < c ? c : a);
    return a < c ? a : (b < c ? c : b);
}

void stats_select(double *x, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1;     /* inclusive bounds */
    while (lo < hi) {
        size_t len = hi - lo + 1, mid = lo + len / 2;
        double piv;
        if (len > 64) {
            size_t s = len / 8;
            piv = median3(median3(x[lo], x[lo + s], x[lo + 2 * s]),
                          median3(x[mid - s], x[mid], x[mid + s]),
                          median3(x[hi - 2 * s], x[hi - s], x[hi]));
        } else
            piv = median3(x[lo], x[mid], x[hi]);
        /* Hoare's partition (Wirth's form); equal keys split both ways */
        size_t i = lo, j = hi;
        for (;;) {
            while (x[i] < piv)
                i++;
            while (piv < x[j])
                j--;
            if (i >= j)
                break;
            swap(&x[i], &x[j]);
            i++;
            j--;
        }
        /* now x[lo..j] <= piv <= x[j+1..hi] */
        if (i == j) {
            if (k == j)
                return;
            if (k < j)
                hi = j - 1;
            else
                lo = j + 1;
        } else if (k <= j)
            hi = j;
        else
            lo = j + 1;
    }
}

/* Place each rank of r[0..m) (0-based positions, increasing, distinct) of
 * x[lo..hi) at its position: the middle rank first, then the ranks below
 * it in the part below and those above in the part above. A rank at the
 * edge of its part is that part's minimum or maximum, found by a scan. */
static void multiselect(double *x, size_t lo, size_t hi, const size_t *r,
                        size_t m)
{
    while (m > 0) {
        size_t mid = m / 2, k = r[mid];
        if (k == lo || k == hi - 1) {
            size_t best = lo;
            for (size_t i = lo + 1; i < hi; i++)
                if (k == lo ? x[i] < x[best] : x[i] > x[best])
                    best = i;
            swap(&x[best], &x[k]);
        } else
            stats_select(x + lo, hi - lo, k - lo);
        multiselect(x, lo, k, r, mid);
        r += mid + 1;
        m -= mid + 1;
        lo = k + 1;
    }
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

void stats_quantiles_array(double *x, size_t n, const double *p, size_t m,
                           int type, double *out)
{
    struct stats_qplan *pl = sk_xcalloc(m, sizeof *pl);
    size_t *ranks = sk_xcalloc(2 * m, sizeof *ranks), nr = 0, nu = 0;
    for (size_t i = 0; i < m; i++) {
        stats_quantile_plan(n, p[i], type, &pl[i]);
        ranks[nr++] = pl[i].lo - 1;
        ranks[nr++] = pl[i].hi - 1;
    }
    qsort(ranks, nr, sizeof *ranks, cmp_size);
    for (size_t i = 0; i < nr; i++)
        if (nu == 0 || ranks[i] != ranks[nu - 1])
            ranks[nu++] = ranks[i];
    multiselect(x, 0, n, ranks, nu);
    for (size_t i = 0; i < m; i++)
        out[i] = stats_quantile_apply(&pl[i], x[pl[i].lo - 1],
                                      x[pl[i].hi - 1]);
    free(ranks);
    free(pl);
}

/* The r-th smallest (1-based) of a frequency table, by binary search of
 * the cumulative counts. */
static double freq_rank(const double *values, const unsigned long *cum,
                        size_t k, size_t r)
{
    return values[stats_cum_rank(cum, k, r)];
}

void stats_quantiles_freq(const double *values, const size_t *counts,
                          size_t k, const double *p, size_t m, int type,
                          double *out)
{
    unsigned long *cum = sk_xcalloc(k, sizeof *cum);
    size_t n = 0;
    for (size_t i = 0; i < k; i++)
        cum[i] = n += counts[i];
    for (size_t i = 0; i < m; i++) {
        struct stats_qplan pl;
        stats_quantile_plan(n, p[i], type, &pl);
        out[i] = stats_quantile_apply(&pl, freq_rank(values, cum, k, pl.lo),
                                      freq_rank(values, cum, k, pl.hi));
    }
    free(cum);
}
