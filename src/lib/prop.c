/* prop.c - intervals of a proportion (prop.h). */
#include <config.h>

#include "prop.h"
#include "dist.h"

#include <math.h>

void prop_wilson(size_t x, size_t n, double level, double *lo, double *hi)
{
    *lo = *hi = NAN;
    if (n == 0 || !(level > 0 && level < 1))
        return;
    double z = dist_qnorm((1 + level) / 2);
    if (!isfinite(z))
        return;
    /* Wilson (1927), JASA 22:209-212, as written in R's prop.test:
     * (p + z^2/2n -+ z sqrt(p (1 - p) / n + z^2 / 4n^2)) / (1 + z^2 / n) */
    double dn = (double)n, p = (double)x / dn, z22n = z * z / (2 * dn);
    double root = z * sqrt(p * (1 - p) / dn + z22n / (2 * dn));
    *lo = x == 0 ? 0 : (p + z22n - root) / (1 + 2 * z22n);
    *hi = x == n ? 1 : (p + z22n + root) / (1 + 2 * z22n);
    if (*lo < 0)
        *lo = 0;
    if (*hi > 1)
        *hi = 1;
}

void prop_clopper_pearson(size_t x, size_t n, double level, double *lo,
                            double *hi, int *imprecise)
{
    *lo = *hi = NAN;
    if (n == 0 || x > n || !(level > 0 && level < 1))
        return;
    double a = (1 - level) / 2, dx = (double)x, dn = (double)n;
    int w = 0;
    /* Clopper & Pearson (1934), Biometrika 26:404-413, as binom.test:
     * qbeta(a, x, n - x + 1) and qbeta(1 - a, x + 1, n - x) */
    double l = x == 0 ? 0 : dist_qbeta(a, dx, dn - dx + 1, 1, &w);
    double h = x == n ? 1 : dist_qbeta(a, dx + 1, dn - dx, 0, &w);
    if (w && imprecise)
        *imprecise = 1;
    if (!w && isfinite(l) && isfinite(h)) {
        *lo = l;
        *hi = h;
    }
}
