/* likert.h - statistics of Likert items and scales: frequency tables,
 * intervals for a proportion, scale scores, Cronbach's alpha.
 *
 * Everything takes codes (numbers) or counts and knows nothing of files,
 * codebooks or output. Conventions follow R 4.2's table(), prop.test,
 * binom.test and psych 2.2.9's alpha() and alpha.ci(), except where
 * noted. Proportions are fractions (0..1), percents 0..100. */
#ifndef SK_LIKERT_H
#define SK_LIKERT_H

#include <stddef.h>

/* Percent of the valid answers and cumulative percent of the k counts:
 * pct[i] = 100 count[i] / n and cum[i] = 100 (count[0] + ... + count[i]) / n
 * with n the sum of the counts (so the last cum is exactly 100); NAN
 * everywhere when n is 0. Returns n. */
size_t likert_percents(const size_t *count, size_t k, double *pct,
                       double *cum);

/* Mean, sample sd (n - 1) and median (R's median()) of a frequency table:
 * k distinct codes in increasing order with their counts. NAN where a
 * value cannot be computed (everything when the counts are all 0, the sd
 * of one answer). Computed in long double; returns -1 when the sd is
 * beyond the range of a double (it is then NAN), else 0. */
int likert_describe(const double *code, const size_t *count, size_t k,
                    double *mean, double *sd, double *median);

/* The score of one respondent on a scale of k items: the mean (or, with
 * SUM, the sum) of the codes that are not NAN (already reverse-keyed), or
 * NAN when fewer than MIN_ITEMS are answered. A sum is not prorated. */
double likert_score(const double *code, size_t k, int sum, size_t min_items);

/* Cronbach's alpha of a scale and the statistics of its items. */
struct likert_alpha {
    size_t k, n;          /* items, complete rows */
    double raw;           /* raw alpha, from the covariances */
    double std;           /* standardised alpha, from the correlations */
    double lo, hi;        /* Feldt's interval of raw */
    double mean_r;        /* mean inter-item correlation */
    double mean, sd;      /* of the scale score (mean or sum of the items) */
    size_t constant;      /* items without variance in the n rows */
    int imprecise;        /* Feldt's quantiles may be inaccurate: lo, hi
                             are NAN */
    int out_of_range;     /* the score's mean or sd is beyond the range of
                             a double: NAN */
};

struct likert_alpha_item {
    double mean, sd;      /* of the item as given (after reverse keying) */
    double r_drop;        /* item-rest correlation */
    double raw_r;         /* item-total correlation */
    double alpha_drop;    /* raw alpha without the item (k >= 3) */
    double std_drop;      /* standardised alpha without the item (k >= 3) */
    double mean_r_drop;   /* mean inter-item correlation without it */
};

/* Alpha of the n complete rows of k items x[row * k + item] (codes after
 * reverse keying), as psych::alpha on complete data; the scale score is
 * the row mean, or the row sum with SUM. The interval is Feldt's at
 * LEVEL. ITEM (k entries) may be NULL. Values that cannot be computed
 * (k < 2, n < 2, a correlation with an item without variance, a sum
 * without variance, an "if deleted" of fewer than 2 items) are NAN.
 * O(n k) time and O(n + k) memory besides x: no k x k matrix. */
void likert_alpha(const double *x, size_t n, size_t k, int sum, double level,
                  struct likert_alpha *a, struct likert_alpha_item *item);

/* The sums that alpha needs, taken one complete row at a time, so that
 * no row is kept: per item the sum of its codes and, per pair of items
 * (i <= j), the sum of their products, all exact. Codes of at most 3
 * decimals (a code is the decimal m / 10^d whose nearest double it is:
 * 2.5, 3.25) that are at most 2^12 times 10^d in magnitude (Likert codes,
 * half points) are summed as integers (blocks of 64 rows in 32 bits, then
 * 64 bits); from the first code that is not (1/3, a large code),
 * the sums go on exactly in GMP integers (each double is an integer
 * times a power of 2), slower but still without rounding. The covariances
 * then come from n Sxy - Sx Sy, exact, rounded once. Memory is O(k^2),
 * whatever the number of rows, for k <= LIKERT_SUMS_KMAX; a wider scale
 * keeps its rows instead (O(n k)) for likert_alpha, whose O(n k) time
 * beats the O(n k^2) of the products there. */
#define LIKERT_SUMS_KMAX 128
struct likert_sums;

/* New sums for k >= 1 items (sk_xmalloc: aborts on no memory). */
struct likert_sums *likert_sums_new(size_t k);

/* Add one complete row: k finite codes (after reverse keying). */
void likert_sums_add(struct likert_sums *s, const double *x);

/* The rows added so far; the first of them (k codes), or NULL when none. */
size_t likert_sums_n(const struct likert_sums *s);
const double *likert_sums_first(const struct likert_sums *s);

/* What likert_alpha gives for the rows added, with the same NAN rules and
 * at least its accuracy: the means and sds (item and score) are the
 * doubles nearest the exact values, the ratios are taken in long double
 * from exact sums of squares and products. S is not changed but for
 * the form of its sums (hence not const). */
void likert_sums_alpha(struct likert_sums *s, int sum, double level,
                       struct likert_alpha *a, struct likert_alpha_item *item);

void likert_sums_free(struct likert_sums *s);

/* The sample covariance matrix (n - 1) cov[i * k + j] and the means of the
 * n rows of k columns x[row * k + col], by the two-pass algorithm in long
 * double (as R's cov()); NAN when n < 2. O(n k^2): likert_alpha does not
 * need it. */
void likert_cov(const double *x, size_t n, size_t k, double *mean,
                double *cov);

/* Feldt's interval of alpha from n rows and k items at LEVEL, as
 * psych::alpha.ci: 1 - (1 - alpha) F, F the quantiles (1 +- LEVEL) / 2 of
 * F(n - 1, (n - 1)(k - 1)) (from libRmath's beta quantiles: R's own qf,
 * and so psych, approximates F by chi-square beyond df2 = 4e5); NAN when
 * it cannot be computed, and with *imprecise set (when not NULL) when
 * libRmath warns that a quantile may be inaccurate. */
void likert_feldt(double alpha, size_t n, size_t k, double level, double *lo,
                  double *hi, int *imprecise);

#endif
