/* agree.h - agreement between ratings of the same targets: percentage
 * agreement, Cohen's kappa and weighted kappa with the large-sample
 * variance of Fleiss, Cohen & Everitt (1969), the intraclass correlations
 * of Shrout & Fleiss (1979) / McGraw & Wong (1996) with their F-based
 * intervals, and Pearson's r with the Fisher z interval.
 *
 * Arrays of finite doubles or tables of counts in, structs out; what is
 * not defined is NAN with a flag (STATS_AG_*) saying why. Knows nothing of
 * files or output. */
#ifndef SK_AGREE_H
#define SK_AGREE_H

#include <stddef.h>

enum {
    STATS_AG_SMALL_N = 1,        /* too few targets for the statistic */
    STATS_AG_ONE_CATEGORY = 2,   /* kappa: chance agreement 1 (every rating
                                    in one category): undefined */
    STATS_AG_PERFECT = 4,        /* ICC: no residual variance (MSE = 0 or
                                    MSW = 0): ICC 1, no F interval */
    STATS_AG_NO_VARIANCE = 8,    /* ICC: every rating the same: 0/0 */
    STATS_AG_IMPRECISE = 16      /* libRmath warned at an F quantile */
};

/* Kappa weights: none (agreement only on the diagonal), linear
 * ("Equal-Spacing", 1 - |i - j| / (c - 1)) or quadratic ("Fleiss-Cohen",
 * 1 - (|i - j| / (c - 1))^2), by the categories' positions. */
enum stats_kappa_weights { STATS_KAPPA_NONE, STATS_KAPPA_LINEAR,
                           STATS_KAPPA_QUADRATIC };

/* Cohen's kappa of the c x c table of counts t[i * c + j] (rater A's
 * category i, B's j; n = the total >= 1): po, pe the weighted observed and
 * chance agreement, kappa = (po - pe) / (1 - pe), its large-sample
 * standard error
 *   se^2 = [sum_ij p_ij (w_ij - (wbar_i. + wbar_.j)(1 - kappa))^2
 *           - (kappa - pe (1 - kappa))^2] / (n (1 - pe)^2),
 * wbar_i. = sum_j w_ij p_.j, wbar_.j = sum_i w_ij p_i. (Fleiss, Cohen &
 * Everitt 1969), and the interval kappa -+ z se cut to [-1, 1], as R's
 * vcd::Kappa and its confint. pe = 1: NAN, ONE_CATEGORY. */
struct stats_kappa {
    double po, pe, kappa, se, lo, hi;
    int flags;
};
void stats_kappa(const unsigned long *t, size_t c,
                 enum stats_kappa_weights w, double level,
                 struct stats_kappa *r);

/* The intraclass correlations of the n x k ratings x[i * k + j] (target
 * i, rater j; complete), from the two-way ANOVA mean squares: MSB
 * (targets), MSJ (raters), MSE (residual) and MSW (within targets,
 * (SSJ + SSE) / (n (k - 1))):
 *   ICC(1,1) = (MSB - MSW) / (MSB + (k - 1) MSW)           one-way
 *   ICC(2,1) = (MSB - MSE) / (MSB + (k - 1) MSE + k (MSJ - MSE) / n)
 *              absolute agreement, McGraw & Wong's ICC(A,1)
 *   ICC(3,1) = (MSB - MSE) / (MSB + (k - 1) MSE)  consistency, ICC(C,1)
 * and the average-measure forms ICC(1,k) = (MSB - MSW) / MSB, ICC(2,k) =
 * (MSB - MSE) / (MSB + (MSJ - MSE) / n), ICC(3,k) = (MSB - MSE) / MSB;
 * the intervals from F = MSB / MSW or MSB / MSE, ICC(2,1)'s with
 * Satterthwaite's df, all as R's psych::ICC (Shrout & Fleiss 1979). In
 * icc[], lo[], hi[]: 0 ICC1, 1 ICC2, 2 ICC3, 3 ICC1k, 4 ICC2k, 5 ICC3k.
 * n >= 2 and k >= 2, else SMALL_N. */
struct stats_icc {
    double icc[6], lo[6], hi[6];
    double msb, msj, mse, msw;
    int flags;
};
void stats_icc(const double *x, size_t n, size_t k, double level,
               struct stats_icc *r);

/* Pearson's r of a[0..n) and b[0..n) and its interval tanh(atanh(r) -+
 * z / sqrt(n - 3)), as R's cor.test (no interval for n < 4). NAN when a
 * side has no variance or n < 2. */
void stats_cor_z(const double *a, const double *b, size_t n, double level,
                 double *r, double *lo, double *hi);

#endif
