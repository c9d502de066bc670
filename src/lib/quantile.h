/* quantile.h - sample quantiles, Hyndman & Fan (1996) types 1 to 9.
 *
 * The definitions and their arithmetic follow R's quantile() (R 4.2),
 * whose default is type 7. Reference: R. J. Hyndman and Y. Fan (1996),
 * "Sample quantiles in statistical packages", The American Statistician
 * 50(4):361-365. */
#ifndef SK_QUANTILE_H
#define SK_QUANTILE_H

#include <stddef.h>

/* A quantile as order statistics: q = x(lo) when h == 0, x(hi) when
 * h == 1, else (1 - h) x(lo) + h x(hi) (x(lo) when the two are equal).
 * Ranks are 1-based, 1 <= lo <= hi <= n. */
struct stats_qplan {
    size_t lo, hi;
    double h;
};

/* The plan for probability p (0 <= p <= 1) of type 1..9 and n >= 1. */
void stats_quantile_plan(size_t n, double p, int type, struct stats_qplan *pl);

/* The quantile from the plan and the two order statistics it names;
 * finite for finite order statistics (near DBL_MAX the interpolation is
 * done in halves, where R's formula would overflow to Inf), but NAN when
 * the interpolated value is not zero yet rounds to 0 (between 0 and the
 * smallest subnormal: 0 and 4.9e-324 have the median 2.5e-324). */
double stats_quantile_apply(const struct stats_qplan *pl, double xlo,
                            double xhi);

/* q3 - q1 from their plans and order statistics, in long double as
 * (a3 - a1) + h3 (b3 - a3) - h1 (b1 - a1), without the roundings of q1
 * and q3 (which are an ulp of the quartiles, more than the iqr itself when
 * the quartiles are close and large). *exact_zero is set to whether the
 * long double result is 0 (so that a 0 from rounding can be told apart). */
double stats_quantile_spread(const struct stats_qplan *p1, double a1,
                             double b1, const struct stats_qplan *p3,
                             double a3, double b3, int *exact_zero);

/* Rearrange x[0..n) so that x[k] is the (k+1)-th smallest, smaller values
 * before it and larger after. 0 <= k < n. */
void stats_select(double *x, size_t n, size_t k);

/* Quantiles p[0..m) of x[0..n) (n >= 1), unsorted; x is reordered. */
void stats_quantiles_array(double *x, size_t n, const double *p, size_t m,
                           int type, double *out);

/* Quantiles p[0..m) of a frequency table: k distinct values in increasing
 * order with their counts (total n >= 1). */
void stats_quantiles_freq(const double *values, const size_t *counts,
                          size_t k, const double *p, size_t m, int type,
                          double *out);

#endif
