/* boot.h - nonparametric bootstrap: replicates and confidence intervals.
 *
 * A sample is n rows of w values (w = 1: one variable or paired
 * differences; w = 2: two variables for a correlation; w = k: k items of
 * a scale), optionally in strata (resampled separately). Resampling is
 * exact in distribution and cheap:
 * - data with few distinct rows is resampled by its counts when that
 *   costs less than drawing rows (boot.c, choose_counts): one
 *   multinomial draw over the K distinct rows per stratum and replicate,
 *   so a replicate costs O(K), not O(n);
 * - otherwise rows are drawn with replacement, chunk by chunk (a
 *   multinomial over chunks, then uniform draws inside a chunk that stays
 *   in cache), for several replicates at a time;
 * - the median is drawn by binomial splitting over the sorted distinct
 *   values: O(log K) binomial draws per replicate.
 * Replicate b draws from stream b of the counter-based generator (rng.h),
 * so the replicates do not depend on the number of threads.
 * References: Efron & Tibshirani (1993), An Introduction to the Bootstrap;
 * Davison & Hinkley (1997), Bootstrap Methods and their Application. */
#ifndef SK_BOOT_H
#define SK_BOOT_H

#include <stddef.h>
#include <stdint.h>

enum boot_stat {
    BOOT_MEAN,      /* w = 1 */
    BOOT_MEDIAN,    /* w = 1, type 7 (R's median) */
    BOOT_SD,        /* w = 1, divisor n - 1 */
    BOOT_VAR,       /* w = 1, divisor n - 1 */
    BOOT_DZ,        /* w = 1: mean / sd (paired differences) */
    BOOT_COR,       /* w = 2: Pearson's r */
    BOOT_ALPHA,     /* w = k >= 2: Cronbach's alpha */
    /* Two groups, B - A (w = 1): stratum 0 is A, 1 is B (nstrata = 2),
     * each resampled apart, its size fixed. Not in one set with the
     * statistics above. */
    BOOT_DIFF_MEAN,   /* mean(B) - mean(A) (pct-diff on 0/100 values) */
    BOOT_DIFF_MEDIAN, /* median(B) - median(A), type 7 */
    BOOT_G,           /* Hedges' g = J (mean(B) - mean(A)) / s_pooled,
                         J exact (stats_hedges_j); na + nb >= 4 */
    BOOT_THETA        /* P(B > A) + P(B = A) / 2, from the counts of the
                         sorted values: O(K) a replicate */
};

/* Whether ST is one of the two-group statistics. */
int boot_two_group(enum boot_stat st);

struct boot_sample {
    size_t n, w;
    const double *x;           /* n * w values, row by row */
    const size_t *stratum;     /* n stratum numbers 0 .. nstrata-1, or NULL */
    size_t nstrata;
    double *given;             /* NULL, or x itself, given to the set: with
                                  w = 1 and no strata boot_prepare sorts
                                  and centres it in place instead of a
                                  copy (8 bytes a row less), and the set
                                  uses it until boot_free; the caller
                                  still frees it */
};

struct boot_set;

/* Prepare SAMPLE (copied unless given: for w = 1 its values sorted once,
 * 8 bytes a row by rows, O(K) by counts) for the statistics STATS[0..nstats), all
 * of which must fit its w. n >= 1. */
struct boot_set *boot_prepare(const struct boot_sample *sample,
                              const enum boot_stat *stats, size_t nstats);
void boot_free(struct boot_set *s);

/* The statistic i on the sample itself. */
double boot_estimate(const struct boot_set *s, size_t i);

/* The BCa acceleration of statistic i from the jackknife: a = sum L^3 /
 * (6 (sum L^2)^1.5), L_j = (n_s - 1)(mean of the leave-one-out values in
 * j's stratum - the value without row j) (Efron & Tibshirani 1993,
 * 14.15). NAN when all L are 0. For the two-group statistics the
 * strata are the groups: row j is left out of its group alone. */
double boot_accel(const struct boot_set *s, size_t i);

/* B replicates of every statistic: t[i * B + b]. Replicate b draws from
 * stream (family, b) of SEED: samples of one family (the variables of one
 * group) are resampled alike, different families independently. When se
 * is not NULL and statistic i is BOOT_MEAN (BOOT_DIFF_MEAN), se[i * B +
 * b] is the replicate's standard error sd / sqrt(n) (sqrt(var_A / na +
 * var_B / nb)), for studentized intervals (NAN otherwise).
 * progress, when not NULL, is called now and then from this thread with
 * the number of replicates done. Returns 0, or -1 when threads cannot
 * be started. */
int boot_replicates(const struct boot_set *s, size_t B, uint64_t seed,
                    uint64_t family, unsigned threads, double *t, double *se,
                    void (*progress)(size_t done, size_t total, void *ctx),
                    void *ctx);

enum boot_method { BOOT_PERC, BOOT_BASIC, BOOT_NORM, BOOT_BCA, BOOT_STUD };

struct boot_ci {
    double lo, hi;
    double z0, a;              /* BCa's bias correction and acceleration */
    int extreme;               /* an endpoint is an extreme order stat. */
};

/* The interval of METHOD at LEVEL from the replicates t[0..B) (sorted
 * into tsort by the caller: the finite ones, R of them), estimate t0:
 *  perc:  t*((R+1) alpha/2), t*((R+1)(1 - alpha/2)), interpolated on the
 *         normal scale between order statistics (R's norm.inter);
 *  basic: 2 t0 - the percentile ends;
 *  norm:  t0 - bias -+ z(1 - alpha/2) sd(t*);
 *  bca:   the percentile ends at Phi(z0 + (z0 + z)/(1 - a (z0 + z))),
 *         z0 = Phi^-1((#{t* < t0} + #{t* = t0}/2) / R), a replicate
 *         counting as equal within 1e-9 max(|t0|, sd(t*)): replicates
 *         equal in exact arithmetic differ in their last bits;
 *  stud:  t0 - se0 z*(1 - alpha/2), t0 - se0 z*(alpha/2), z* the sorted
 *         (t* - t0)/se* (zsort, Rz of them).
 * Returns 0, or -1 when the interval is undefined (lo, hi NAN). */
int boot_interval(enum boot_method m, const double *tsort, size_t R,
                  double t0, double level, double a, double se0,
                  const double *zsort, size_t Rz, struct boot_ci *ci);

/* What a result needs saying. */
enum {
    BOOT_NOTE_DEGENERATE = 1,     /* every replicate equals the estimate:
                                     the interval is the point */
    BOOT_NOTE_A_ZERO = 2,         /* jackknife without variation: a = 0 */
    BOOT_NOTE_BCA_UNDEFINED = 4,  /* every replicate on one side of t0 */
    BOOT_NOTE_EXTREME = 8,        /* an end is an extreme replicate */
    BOOT_NOTE_EMPTY = 16,         /* no rows to resample */
    BOOT_NOTE_UNDEFINED = 32,     /* the estimate itself is undefined */
    BOOT_NOTE_NO_STUDENT = 64,    /* no studentized interval for it */
    BOOT_NOTE_SE_ZERO = 128,      /* replicates with se 0 left out of the
                                     studentized interval (nonfinite) */
    BOOT_NOTE_TOO_UNDEFINED = 256, /* more than BOOT_MAX_UNDEFINED of the
                                     replicates undefined: no interval */
    BOOT_NOTE_A_UNDEFINED = 512,  /* a leave-one-out value undefined: no
                                     BCa acceleration, no BCa interval */
    BOOT_NOTE_RANGE = 1024,       /* the variance is out of a double's
                                     range (values of about 1e300 or
                                     1e-320): no estimate, no interval */
    BOOT_NOTE_NO_GROUP = 2048     /* two groups: one has no rows, or
                                     too few for g (na + nb < 4) */
};

/* The largest share of undefined replicates (the statistic undefined in
 * the resample: a column constant in it) an interval is built without:
 * the quantile p of the defined replicates is an unconditional quantile
 * between p (1 - u) and p (1 - u) + u, u their share; at u = 1% a 95%
 * interval's tail of 2.5% may be anything from 1.5% to 3.5%, twice the
 * Monte Carlo error of that tail at B = 1000 (0.5 percentage points).
 * Beyond it lo, hi, bias and se are NA with a note. */
#define BOOT_MAX_UNDEFINED 0.01

struct boot_result {
    enum boot_method m;
    double estimate, bias, se, lo, hi, z0, a;
    size_t nonfinite;             /* replicates left out, not finite */
    size_t undefined;             /* replicates whose statistic is
                                     undefined (NAN), left out */
    unsigned notes;
};

/* The intervals of statistic i of S (NULL when the sample is empty) for
 * each method in MASK (bit 1 << method; student only for BOOT_MEAN and
 * BOOT_DIFF_MEAN, NA with a note for the others), in
 * the order of enum boot_method, from its replicates t[0..B) and, for
 * student, their standard errors se[0..B). bias = mean(t) - estimate and
 * se = sd(t) over the finite replicates; the others (undefined) are
 * counted, and when more than BOOT_MAX_UNDEFINED of them, every interval
 * is NA with a note. Returns the number of results written to res (at
 * most 5). */
size_t boot_results(const struct boot_set *s, size_t i, const double *t,
                    const double *se, size_t B, double level, unsigned mask,
                    struct boot_result *res);

/* R's norm.inter: the alpha quantile of sorted t[0..R); *extreme is set
 * when it falls outside the order statistics 1 .. R. */
double boot_norm_inter(const double *t, size_t R, double alpha, int *extreme);

/* The most groups (families) whose replicates have streams of their own:
 * the stream of replicate b of family f is f 2^40 + b, bit 63 marking the
 * median's (B <= 2^40). */
#define BOOT_MAX_GROUPS (UINT64_C(1) << 23)

#endif
