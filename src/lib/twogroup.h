/* twogroup.h - two independent groups: Welch's and Student's t tests,
 * Cohen's d and Hedges' g, the Wilcoxon-Mann-Whitney rank-sum test with
 * the Hodges-Lehmann shift, the dominance probabilities (Vargha-Delaney
 * A, Cliff's delta) with the Brunner-Munzel interval, and Fisher's exact
 * test of the 2 x k table of answers.
 *
 * A (a[0..na)) is the reference group, B (b[0..nb)) the comparison: every
 * difference is B minus A, as R's t.test(b, a) and wilcox.test(b, a).
 * The functions take arrays of finite doubles and know nothing of files
 * or output. A statistic that is not defined is NAN, and a flag (STATS_TG_*)
 * in the result says why, for the caller to turn into a note. */
#ifndef SK_TWOGROUP_H
#define SK_TWOGROUP_H

#include <stddef.h>

#include "stats.h"

enum {
    STATS_TG_SMALL_N = 1,      /* a group too small for the statistic */
    STATS_TG_CONSTANT = 2,     /* no spread within the groups: t, d
                                  infinite (or NAN when the means agree) */
    STATS_TG_ALL_EQUAL = 4,    /* every value equal: ranks carry nothing */
    STATS_TG_IMPRECISE = 8,    /* libRmath warned at an interval end */
    STATS_TG_TOO_BIG = 16,     /* an exact computation beyond its work
                                  limit: NAN rather than hang */
    STATS_TG_LEVEL_NOT_ACHIEVED = 32,  /* exact CI at a lower level */
    STATS_TG_MANY_VALUES = 64, /* Fisher: more than STATS_FISHER_MAXK
                                  distinct answers, not computed */
    STATS_TG_PAIRS_CONSTANT = 128  /* a side of the pairs constant: r
                                      undefined (NAN), taken as 0 */
};

/* One group's values as runs of equal values: v[0..k) increasing, c[i]
 * the count of v[i], n = the sum of c. Each test below has a _runs form
 * that takes them, for a caller running several tests on the same
 * groups: answer codes have a handful of runs, and every rank statistic
 * then costs O(runs) after the one pass that makes them (and a sort when
 * the values are not in order). */
struct stats_runs {
    double *v;
    size_t *c;
    size_t k, n;
};
void stats_runs_make(const double *x, size_t n, struct stats_runs *r);
void stats_runs_free(struct stats_runs *r);

/* Welch's (var_equal 0) or Student's (var_equal 1) t test of mean(b) -
 * mean(a), as R's t.test(b, a, var.equal = ...): se, the CI at level,
 * t, df (Welch-Satterthwaite, or na + nb - 2) and p. Welch needs two
 * values in each group, Student one in each and three in all (else
 * SMALL_N, NAN). With no spread in either group t is +-Inf (p 0 or 1
 * by the side) or NAN when the means are equal, the CI the point
 * mean_diff (open on a one-sided side), Welch's df NAN; CONSTANT. */
struct stats_ttest2 {
    size_t n_a, n_b;
    double mean_a, sd_a, mean_b, sd_b;
    double diff, se, lo, hi, t, df, p;
    int flags;
};
void stats_ttest2(const double *a, size_t na, const double *b, size_t nb,
                  double level, enum stats_alt alt, int var_equal,
                  struct stats_ttest2 *r);
/* The same on runs: the means and variances weighted by the counts
 * (each run's deviation times its count, in long double, as
 * stats_mean_var). */
void stats_ttest2_runs(const struct stats_runs *a, const struct stats_runs *b,
                       double level, enum stats_alt alt, int var_equal,
                       struct stats_ttest2 *r);
/* The same from each group's n, mean and sd (n - 1; any value when n is
 * 1). */
void stats_ttest2_summary(size_t na, double mean_a, double sd_a, size_t nb,
                          double mean_b, double sd_b, double level,
                          enum stats_alt alt, int var_equal,
                          struct stats_ttest2 *r);

/* Hedges' exact correction J(df) = Gamma(df/2) / (sqrt(df/2)
 * Gamma((df - 1)/2)) (Hedges 1981), g = J d; NAN unless df > 1. */
double stats_hedges_j(double df);

/* Cohen's d = (mean_b - mean_a) / s_pooled, s_pooled^2 = ((na - 1) s_a^2
 * + (nb - 1) s_b^2) / (na + nb - 2), with the noncentral-t interval of
 * Steiger & Fouladi (1997): the noncentralities at which t = d /
 * sqrt(1/na + 1/nb) sits at the alpha/2 and 1 - alpha/2 quantiles (df =
 * na + nb - 2), times sqrt(1/na + 1/nb); one-sided, the open end +-Inf.
 * Hedges' g = J d, its interval J times d's, with the exact correction
 * J = Gamma(df/2) / (sqrt(df/2) Gamma((df - 1)/2)) (Hedges 1981), as
 * effectsize 0.8 computes hedges_g(b, a). NAN and SMALL_N when df < 2
 * (effectsize gives g = 0 at df = 1); with s_pooled = 0, d = g = +-Inf
 * or NAN, no interval, CONSTANT. */
struct stats_smd {
    double sd_pooled, d, d_lo, d_hi, g, g_lo, g_hi, J;
    int flags;
};
void stats_smd(const double *a, size_t na, const double *b, size_t nb,
               double level, enum stats_alt alt, struct stats_smd *r);
void stats_smd_summary(size_t na, double mean_a, double sd_a, size_t nb,
                       double mean_b, double sd_b, double level,
                       enum stats_alt alt, struct stats_smd *r);

struct stats_ranksum_opts {
    double level;
    enum stats_alt alt;
    int force_exact;    /* the exact conditional distribution of the
                           mid-rank statistic, even with ties */
    int force_approx;   /* the normal approximation always */
    int correct;        /* continuity correction (normal method) */
};

enum stats_w_method {
    STATS_W_NONE,       /* not computed: a group empty or all values equal */
    STATS_W_EXACT,      /* Mann-Whitney distribution, no ties (pwilcox) */
    STATS_W_EXACT_TIES, /* exact conditional distribution of the mid-ranks */
    STATS_W_NORMAL      /* normal, tie-corrected, continuity as asked */
};

/* Wilcoxon-Mann-Whitney test of B against A, as R 4.2's wilcox.test(b, a,
 * conf.int = TRUE): W = the sum of B's mid-ranks - nb (nb + 1) / 2 (the
 * Mann-Whitney U of B, #{b > a} + #{b = a} / 2); by default exact (R's
 * pwilcox) when both groups have fewer than 50 values and no ties, else
 * normal with tie correction and, if asked, continuity correction.
 * force_exact: the exact conditional (permutation) distribution of the
 * mid-rank sum, also with ties (as coin::wilcox_test(distribution =
 * "exact") and exactRankTests::wilcox.exact; two-sided p = P(|T - E T| >=
 * |t - E T|), which is what both compute), by a recursion over the
 * distinct values carrying (B answers so far, rank sum) with the
 * hypergeometric probability of each count, subtrees whose every
 * completion falls on one side of the observed value summed in closed
 * form; beyond STATS_RANKSUM_WORK states NAN with TOO_BIG.
 *
 * hl = median of the na nb differences b_j - a_i (the Hodges-Lehmann
 * shift; R's wilcox.test reports this under the exact method but the
 * root of W(d) = 0 under the normal one). Its interval: exact (no ties,
 * pwilcox's distribution, also under force_exact) the order statistics
 * of the differences at qwilcox, as R (LEVEL_NOT_ACHIEVED when R warns);
 * otherwise R's normal-approximation interval, the shifts d where the
 * standardized W(d) crosses the normal quantiles, found exactly as a
 * pairwise difference (what uniroot approximates). All values equal:
 * W, p NAN, ALL_EQUAL. */
#define STATS_RANKSUM_WORK 50000000UL
struct stats_ranksum {
    size_t n_a, n_b;
    double W, p;
    enum stats_w_method method;
    int ties;
    double hl, hl_lo, hl_hi;
    int hl_exact;          /* interval from the exact distribution */
    int flags;
};
void stats_ranksum(const double *a, size_t na, const double *b, size_t nb,
                   const struct stats_ranksum_opts *o,
                   struct stats_ranksum *r);
void stats_ranksum_runs(const struct stats_runs *a,
                        const struct stats_runs *b,
                        const struct stats_ranksum_opts *o,
                        struct stats_ranksum *r);

/* The exact conditional distribution of the doubled mid-rank sum of a
 * group of nb among the k distinct values with total counts t[0..k)
 * (increasing values), evaluated at the doubled observed sum obs2: lower
 * = P(T <= obs2), upper = P(T >= obs2), two = P(|T - E| >= |obs2 - E|).
 * Returns 0, or -1 (NANs) beyond work states. */
int stats_ranksum_exact(const unsigned long *t, size_t k, unsigned long nb,
                        unsigned long long obs2, unsigned long work,
                        double *lower, double *upper, double *two);

/* The k-th smallest (1-based) of the differences b[j] - a[i] of sorted
 * a[0..na) and b[0..nb) (sorted here when they are not), in
 * O((runs of a + runs of b) log) time after one pass over each;
 * and the number of differences <= t. */
double stats_diff_kth(const double *a, size_t na, const double *b,
                      size_t nb, unsigned long long k);
unsigned long long stats_diff_count_le(const double *a, size_t na,
                                       const double *b, size_t nb,
                                       double t);

/* Dominance of B over A: the three proportions of the na nb pairs with
 * b > a, b = a, b < a (exact counts, one division each), theta = P(B >
 * A) + P(B = A) / 2 (Vargha & Delaney's A, = W / (na nb)), Cliff's delta
 * = 2 theta - 1 = P(B > A) - P(B < A), and theta's interval of Brunner &
 * Munzel (2000) as Neubert & Brunner (2007) state it:
 *   S_i^2 = 1/(n_i - 1) sum_k (R_ik - R^(i)_ik - Rbar_i + (n_i + 1)/2)^2
 * with R_ik the mid-rank in both groups together and R^(i)_ik within
 * group i; se(theta) = sqrt(na S_a^2 + nb S_b^2) / (na nb); the
 * Brunner-Munzel statistic t_BM = (theta - 1/2) / se with df =
 * (na S_a^2 + nb S_b^2)^2 / ((na S_a^2)^2 / (na - 1) + (nb S_b^2)^2 /
 * (nb - 1)) (as scipy.stats.brunnermunzel); the interval theta -+
 * t_{df}(1 - alpha/2) se, cut to [0, 1] (one-sided: t_{df}(1 - alpha)
 * and the open end 0 or 1). p_bm: the Brunner-Munzel test's p. Groups
 * of fewer than 2: no interval (SMALL_N); S_a = S_b = 0 (the groups do
 * not overlap, or all equal): no interval, CONSTANT. delta_lo/hi =
 * 2 theta_lo/hi - 1. */
struct stats_dominance {
    double p_gt, p_eq, p_lt, theta, delta;
    double se, t_bm, df, p_bm, theta_lo, theta_hi, delta_lo, delta_hi;
    int flags;
};
void stats_dominance(const double *a, size_t na, const double *b, size_t nb,
                     double level, enum stats_alt alt,
                     struct stats_dominance *r);
void stats_dominance_runs(const struct stats_runs *a,
                          const struct stats_runs *b, double level,
                          enum stats_alt alt, struct stats_dominance *r);

/* Fisher's exact test of the 2 x k table whose rows are the counts of A
 * and B at each of the k distinct answers, as R's fisher.test: the sum
 * of the probabilities (hypergeometric, margins fixed) of the tables no
 * more probable than the observed, to R's relative tolerance 1e-7. The
 * tables are enumerated column by column (smallest first), B's count in
 * each; since log C(t, c) is concave in c, so is the best completion of
 * a node as a function of its child's count, and the children whose
 * every completion counts are two tails summed at once as hypergeometric
 * tails; only the children near the observed probability's contour are
 * visited. When three or more last columns make at most
 * STATS_FISHER_MEMO partial tables and that is predicted cheaper, those
 * are enumerated once, sorted by probability for each count of B and met
 * by a binary search (meet in the middle). The work (nodes) is predicted before starting, from the
 * normal approximation's ellipsoid through the observed table: beyond
 * WORK, unless the tables with these margins are at most WORK in number
 * by the bound prod_l (min(t_l, nb) + 1) over all columns but the
 * largest, the test is refused at once (NAN, TOO_BIG); the search also
 * stops (NAN, TOO_BIG) at twice WORK. (NAN, MANY_VALUES) when
 * k > STATS_FISHER_MAXK; 1 for one column. STATS_FISHER_WORK nodes take
 * about 0.3 s here: a 2 x 5 table of 2,000 answers takes about 7 ms
 * (150,000 nodes); of 5,000 with the groups apart (p about 1e-12) 2 to
 * 3.2 million nodes, computed or refused. */
#define STATS_FISHER_WORK 3000000UL
#define STATS_FISHER_MEMO 1000000.0
#define STATS_FISHER_MAXK 10
double stats_fisher_2xk(const unsigned long *ca, const unsigned long *cb,
                        size_t k, unsigned long work, int *flags);
/* The same on the answers: the columns are the distinct values. */
double stats_fisher_values(const double *a, size_t na, const double *b,
                           size_t nb, int *flags);
double stats_fisher_runs(const struct stats_runs *a,
                         const struct stats_runs *b, int *flags);

/* The partially overlapping samples t test (Derrick, Russ, Toher & White
 * 2017, J. Mod. Appl. Stat. Methods 16(1), their T_new1 and T_new2):
 * A's values are a_only[0..n1) and pa[0..nc), B's b_only[0..n2) and
 * pb[0..nc), pa[i] and pb[i] from the same respondent. With the means,
 * sds S_a, S_b of all of A's and all of B's values (na = n1 + nc, nb = n2
 * + nc) and r the Pearson correlation of the pairs:
 *   Welch form: se^2 = S_a^2/na + S_b^2/nb - 2 r S_a S_b nc/(na nb),
 *     df = (nc - 1) + (gamma - nc + 1) (n1 + n2) / (n1 + n2 + 2 nc),
 *     gamma = (S_a^2/na + S_b^2/nb)^2 / ((S_a^2/na)^2/(na - 1) +
 *     (S_b^2/nb)^2/(nb - 1)) (Welch's df of all values);
 *   equal variances: se = S_p sqrt(1/na + 1/nb - 2 r nc/(na nb)), S_p^2 =
 *     ((na - 1) S_a^2 + (nb - 1) S_b^2) / (na + nb - 2),
 *     df = (nc - 1) + (n1 + n2 + nc - 1) (n1 + n2) / (n1 + n2 + 2 nc).
 * t = (mean_b - mean_a) / se, the CI (t -+ q) se. With nc = 0 these are
 * Welch's and Student's tests, with n1 = n2 = 0 (Welch form) the paired
 * t test. Needs na, nb >= 2 and nc = 0 or nc >= 2 (SMALL_N). A constant
 * side of the pairs has covariance 0: r is NAN (undefined) and taken as 0
 * in se, as the authors' Partover.test (Partiallyoverlapping 2.0) does,
 * PAIRS_CONSTANT; se = 0: NAN, CONSTANT. Checked against the paper's
 * worked example (equal variances: p = 0.026). */
struct stats_partover {
    double diff, se, r, t, df, p, lo, hi;
    int flags;
};
void stats_partover(const double *a_only, size_t n1, const double *b_only,
                    size_t n2, const double *pa, const double *pb, size_t nc,
                    double level, enum stats_alt alt, int var_equal,
                    struct stats_partover *r);

#endif
