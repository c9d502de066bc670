/* paired.h - paired comparisons: t test, Wilcoxon signed-rank test,
 * Hodges-Lehmann estimate, sign test, effect sizes, p-value adjustment.
 *
 * Everything takes the differences d = after - before (or the two arrays)
 * and knows nothing of files or output. Conventions and edge cases follow
 * R 4.2's t.test(paired = TRUE), wilcox.test(paired = TRUE, conf.int =
 * TRUE), binom.test and p.adjust, except where noted. */
#ifndef SK_PAIRED_H
#define SK_PAIRED_H

#include <stddef.h>

#include "numparse.h"
#include "stats.h"

enum stats_zero { STATS_ZERO_WILCOX, STATS_ZERO_PRATT };

/* One-sample t test of d[0..n) against 0, and Cohen's d_z = mean / sd with
 * its noncentral-t confidence interval (Steiger & Fouladi 1997). When the
 * differences are constant (sd = 0), t is +-Inf (p = 0) if the mean is
 * not 0 and NAN if it is, and d_z likewise; const_sd tells. */
struct stats_ttest {
    size_t n;
    double mean, sd, se, lo, hi;     /* lo, hi: CI of the mean */
    double t, df, p;
    double dz, dz_lo, dz_hi;
    int const_sd;
    int dz_imprecise;   /* libRmath warned at a d_z interval end */
};
void stats_ttest(const double *d, size_t n, double level, enum stats_alt alt,
                 struct stats_ttest *r);
/* The same from the mean and sd (n - 1) of the n differences. */
void stats_ttest_summary(size_t n, double mean, double sd, double level,
                         enum stats_alt alt, struct stats_ttest *r);

struct stats_signrank_opts {
    double level;
    enum stats_alt alt;
    int force_exact;        /* exact conditional distribution even with
                               ties or zeros (n <= STATS_EXACT_MAX) */
    int force_approx;       /* the normal approximation always */
    int correct;            /* continuity correction (normal method) */
    enum stats_zero zero;
};

#define STATS_EXACT_MAX 1000

/* Wilcoxon signed-rank test of d[0..n) against 0, with the Hodges-Lehmann
 * estimate (median of the Walsh averages) and its CI, and the
 * matched-pairs rank-biserial correlation r_rb = (T+ - T-) / (T+ + T-)
 * (Kerby 2014). */
struct stats_signrank {
    size_t n_used;          /* differences ranked and tested */
    size_t n_zero;          /* zero differences */
    int ties;               /* ties among the ranked |d| */
    double V;               /* sum of the ranks of positive differences */
    double p;
    int exact;              /* 1: exact distribution, 0: normal approx. */
    double r_rb;
    double hl, hl_lo, hl_hi;
    int hl_exact;           /* CI from the exact distribution */
    int hl_tied_exact;      /* ... with ties or zeros, by the rule of
                               exactRankTests::wilcox.exact */
    int level_not_achieved; /* CI at a lower level than asked */
};
void stats_signrank(const double *d, size_t n,
                    const struct stats_signrank_opts *o,
                    struct stats_signrank *r);

/* The null distribution of the signed-rank statistic for the integer
 * ranks w[0..m) (doubled ranks, so that mid-ranks stay integers): prob[s]
 * = P(sum of the w of positive signs = s), s = 0 .. sum(w). Returns the
 * array (to free()) and its length in *len. */
double *stats_signrank_dist(const unsigned long *w, size_t m, size_t *len);

/* The k-th smallest (1-based) Walsh average (x[i] + x[j]) / 2, i <= j, of
 * x[0..n) sorted increasingly; and the number of Walsh averages <= t. */
double stats_walsh_kth(const double *x, size_t n, unsigned long long k);
unsigned long long stats_walsh_count_le(const double *x, size_t n, double t);

/* Exact sign test: P-value of npos positive and nneg negative signs under
 * Binomial(npos + nneg, 1/2), as binom.test; NAN when both are 0. */
double stats_sign_test(size_t npos, size_t nneg, enum stats_alt alt);

/* Everything sk-paired reports on one comparison of n pairs: means and
 * sds (n - 1) of each side, the t test and d_z of d = after - before, the
 * signed-rank test, the sign test, McNemar's exact test when every value
 * is 0 or 1 (the sign test on the discordant pairs; NAN otherwise), and
 * d_av = mean(d) / ((sd_before + sd_after) / 2) with Hedges' g_av = d_av
 * (1 - 3 / (8n - 9)) (Lakens 2013).
 *
 * The values come as read (numparse.h). When every value is an exact
 * decimal, the differences are taken exactly, as scaled integers: ties and
 * zeros among them are exact (0.4 - 0.3 equals 0.2 - 0.1), the mean and sd
 * of d and of each side are correctly rounded from exact sums, and the
 * rank statistics and Walsh averages are computed on exact integers (as
 * long as the scaled differences stay below 2^50; beyond, in binary).
 * Other values (1e300, more than 18 decimals) are taken in binary, scaled
 * by a power of two where a difference or a Walsh average would overflow,
 * with sums in long double; a result beyond the double range is NAN with
 * STATS_PAIRED_OVERFLOW. */
enum {
    STATS_PAIRED_OVERFLOW = 1,   /* a result is beyond the double range:
                                    NAN */
    STATS_PAIRED_SCALE_LOSS = 2  /* values so far apart in magnitude that
                                    scaling lost the smallest's last bits */
};
struct stats_paired {
    size_t n;
    double mean_b, sd_b, mean_a, sd_a;
    struct stats_ttest t;
    struct stats_signrank w;
    double p_sign, p_mcnemar, d_av, g_av;
    int flags;                   /* STATS_PAIRED_* */
};
void stats_paired(const struct num_value *before,
                  const struct num_value *after, size_t n, double level,
                  enum stats_alt alt, const struct stats_signrank_opts *wo,
                  struct stats_paired *r);

enum stats_adjust { STATS_ADJUST_NONE, STATS_ADJUST_HOLM, STATS_ADJUST_BH };

/* Adjust p[0..n) in place as R's p.adjust; NAN entries stay NAN and do
 * not count in the number of tests. */
void stats_p_adjust(double *p, size_t n, enum stats_adjust method);

#endif
