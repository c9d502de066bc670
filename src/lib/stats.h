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

/* A double as an unsigned key of the same order, and back: bisection over
 * the ordered doubles (the k-th Walsh average or pairwise difference as
 * an exact double). */
uint64_t stats_dkey(double x);
double stats_unkey(uint64_t k);

#endif
