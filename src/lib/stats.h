/* stats.h - the small statistics core the modules share: the alternative
 * hypothesis, the mean and variance, the double comparator and the
 * order-preserving keys of doubles. Knows nothing of files or output. */
#ifndef SK_STATS_H
#define SK_STATS_H

#include <stddef.h>
#include <stdint.h>

/* The alternative of a test: the difference (B - A, after - before) is
 * not 0, below 0 or above 0. */
enum stats_alt { STATS_TWO_SIDED, STATS_LESS, STATS_GREATER };

/* Mean and sample variance (n - 1; NAN when n < 2) by the corrected
 * two-pass algorithm in long double (Chan, Golub & LeVeque 1983). The
 * k values x come with their counts, or counts NULL for one each; n is
 * the total count (n >= 1). Exact sums: exsum.h (decimals), xsum.h. */
void stats_mean_var(const double *x, const size_t *counts, size_t k,
                    size_t n, double *mean, double *var);

/* qsort's comparator of doubles, increasing (no NaN). */
int stats_cmp_double(const void *a, const void *b);

/* Sort x[0..n) increasing (no NaN), as qsort with stats_cmp_double. Data
 * with few distinct values (answer codes: at most STATS_SORT_FEW) are
 * counted, not compared: one pass and a binary search in the distinct
 * values, O(n log k), and many small integers (|x| < 512) by one bucket
 * each, O(n); others fall back to qsort. */
#define STATS_SORT_FEW 64
void stats_sort(double *x, size_t n);

/* The first i in [0, n) with x[i] >= v in increasing x, or n. */
size_t stats_lower_bound(const double *x, size_t n, double v);

/* The first i in [0, k) with cum[i] >= r in the nondecreasing cumulative
 * counts cum[0..k), r <= cum[k - 1]: the index of the value of rank r
 * (1-based) in a frequency table. */
size_t stats_cum_rank(const unsigned long *cum, size_t k, unsigned long r);

/* A double as an unsigned key of the same order, and back: bisection over
 * the ordered doubles (the k-th Walsh average or pairwise difference as
 * an exact double). */
uint64_t stats_dkey(double x);
double stats_unkey(uint64_t k);

/* The sum of (t^3 - t) over the runs of equal values of sorted x[0..n):
 * the tie correction of rank statistics. */
double stats_tie_sum(const double *x, size_t n);

/* The p-value of Student's t statistic T with DF degrees of freedom for
 * the alternative ALT (two-sided: 2 P(T > |t|), at most 1), as R's
 * t.test. */
double stats_t_p(double t, double df, enum stats_alt alt);

/* The interval (t -+ q) se of a t test, as R's t.test computes it: q the
 * 1 - alpha/2 quantile two-sided, the LEVEL quantile one-sided with the
 * open side infinite. */
void stats_t_interval(double t, double se, double df, double level,
                      enum stats_alt alt, double *lo, double *hi);

#endif
