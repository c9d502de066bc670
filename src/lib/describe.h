/* describe.h - one-pass accumulation of a numeric variable and its
 * descriptive statistics.
 *
 * A variable starts as a frequency table of its distinct values (memory in
 * proportion to the distinct values: Likert codes) and turns into an array
 * of its values when it has more than ACC_MAX_DISTINCT of them. Decimal
 * values are also summed exactly (exsum.h) for correctly rounded mean,
 * variance and sd. Nothing here knows of files or output formats. */
#ifndef SK_DESCRIBE_H
#define SK_DESCRIBE_H

#include <stddef.h>
#include <stdint.h>

#include "exsum.h"
#include "freqtab.h"

#define ACC_MAX_DISTINCT 1024

struct acc {
    size_t n, missing;
    struct exsum ex;
    struct freqtab *freq;      /* NULL once the variable is continuous */
    double *v;                 /* the values, once continuous */
    size_t nv, cap;
};

void acc_init(struct acc *a);
void acc_free(struct acc *a);

/* Add value x; when exact, x is exactly mant / 10^scale (scale 0..18). */
void acc_add(struct acc *a, double x, int exact, int64_t mant, int scale);

static inline void acc_add_missing(struct acc *a)
{
    a->missing++;
}

/* The statistics; NAN where a value cannot be computed (sd of one value). */
struct describe {
    size_t n, missing;
    double mean, sd, se, ci_lo, ci_hi;
    double min, q1, median, q3, max, iqr;
    double skewness, kurtosis;
    int exact;                 /* mean, sd from exact sums */
};

/* Describe the variable: t-based CI of the mean at LEVEL (0 < level < 1),
 * quantiles of Hyndman-Fan type QTYPE (1..9). May reorder the values. */
void acc_describe(struct acc *a, double level, int qtype, struct describe *d);

/* Sample skewness G1 = g1 sqrt(n (n - 1)) / (n - 2), g1 = m3 / m2^1.5,
 * from the central moments m_k = sum (x - mean)^k / n: NAN unless n >= 3
 * and m2 > 0. (Joanes & Gill 1998; SAS, SPSS, Excel, pandas.) */
double stats_skewness_g1(double n, double m2, double m3);

/* Excess kurtosis G2 = ((n + 1) g2 + 6)(n - 1) / ((n - 2)(n - 3)),
 * g2 = m4 / m2^2 - 3: NAN unless n >= 4 and m2 > 0. (Joanes & Gill 1998.) */
double stats_kurtosis_g2(double n, double m2, double m4);

/* Mean and sample variance (n - 1; NAN when n < 2) by the corrected
 * two-pass algorithm in long double (Chan, Golub & LeVeque 1983). The
 * k values x come with their counts, or counts NULL for one each; n is
 * the total count (n >= 1). */
void stats_mean_var(const double *x, const size_t *counts, size_t k,
                    size_t n, double *mean, double *var);

/* Half-width multiplier of the t interval: the (1 + level)/2 quantile of
 * Student's t with df degrees of freedom; NAN if df < 1. */
double stats_t_crit(double level, double df);

#endif
