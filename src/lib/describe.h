/* describe.h - one-pass accumulation of a numeric variable and its
 * descriptive statistics.
 *
 * A variable is kept as a sorted table of its distinct values with their
 * counts, fed by a buffer of values not yet counted: memory in proportion
 * to the distinct values, not the rows (Likert codes, and decimals of a
 * few digits however many rows). Values that are mostly distinct (more
 * than half of them) are kept as they are instead, 8 bytes each, until
 * counting them pays again. Decimal
 * values are also summed exactly (exsum.h) for correctly rounded mean,
 * variance and sd; other values (1e300, 1e-320, 20-digit decimals) are
 * summed exactly as doubles (xsum.h) when described. Skewness and kurtosis
 * come from deviation sums in long double (no overflow for any double),
 * the skewness from exact sums when cancellation leaves it uncertain.
 * Nothing here knows of files or output formats. */
#ifndef SK_DESCRIBE_H
#define SK_DESCRIBE_H

#include <stddef.h>

#include "stats.h"
#include <stdint.h>

#include "exsum.h"

struct acc {
    size_t n, missing;
    struct exsum ex;
    double *tv;                /* the distinct values counted, increasing */
    size_t *tc, tk;            /* their counts; how many */
    double *v;                 /* values not yet counted (all of them when
                                  raw) */
    size_t nv, cap;
    int raw;                   /* mostly distinct: v holds every value */
    double lo, hi;             /* the smallest and largest value */
    int scale, inexact;        /* the decimals' largest scale; a value
                                  that is no short decimal */
    unsigned skips;            /* raw counts skipped (flush) */
    /* Dense form (of a table of many distinct short decimals that fill at
     * least a quarter of their span): dc[i] counts the value (dbase + i)
     * / 10^dscale, i < dspan, in place of tv, tc and the buffer; dused
     * values are nonzero. dfill values came since the table's last
     * (virtual) flush, which is due at dcap: the flushes, and so the
     * choice of the raw form, fall where they would without it. */
    uint16_t *dc;              /* the counts' low 16 bits */
    uint16_t *dch;             /* their high 16 bits, once a count is past
                                  65535 (NULL before): half the memory of
                                  32-bit counts, more of them in cache */
    int64_t dbase;
    size_t dspan, dused, dfill, dcap;
    int dscale;
    /* the slots of values counted in n but not yet in dc (a batch: their
     * cache lines fetched meanwhile), npend of them */
    size_t *dpend, npend;
    /* dsum: the exact sums of the counts in dc are added to ex when the
     * form ends (ex holds the other values meanwhile) */
    int dsum;
};

void acc_init(struct acc *a);
void acc_free(struct acc *a);

/* The values the dense form counts at once (their slots' cache lines
 * fetched meanwhile): enough that the misses of their slots overlap (a
 * span of a million slots is beyond L2). */
#define ACC_DENSE_PEND 64

/* acc_add without its inline case: every value. */
void acc_add_any(struct acc *a, double x, int exact, int64_t mant,
                 int scale);

/* Add value x; when exact, x is exactly mant / 10^scale (scale 0..18).
 * The dense form's common case inline, without a call: a value inside
 * the window and strictly between the smallest and largest so far, no
 * batch or flush due (what acc_add_any would do, and all it would do). */
static inline void acc_add(struct acc *a, double x, int exact, int64_t mant,
                           int scale)
{
    int64_t k;
    uint64_t i;
    if (a->dsum && exact && scale <= a->dscale && x > a->lo && x < a->hi &&
        a->npend + 1 < ACC_DENSE_PEND && a->dfill + 1 < a->dcap &&
        a->n < UINT32_MAX &&
        !__builtin_mul_overflow(mant, exsum_pow10[a->dscale - scale], &k) &&
        (i = (uint64_t)k - (uint64_t)a->dbase) < a->dspan) {
        __builtin_prefetch(&a->dc[i], 1);
        a->dpend[a->npend++] = (size_t)i;
        a->n++;
        a->dfill++;
        return;
    }
    acc_add_any(a, x, exact, mant, scale);
}

static inline void acc_add_missing(struct acc *a)
{
    a->missing++;
}

/* The statistics that may be out of the range of a double, as bits. */
enum {
    DESCRIBE_MEAN = 1 << 0,
    DESCRIBE_SD = 1 << 1,
    DESCRIBE_SE = 1 << 2,
    DESCRIBE_CI_LO = 1 << 3,
    DESCRIBE_CI_HI = 1 << 4,
    DESCRIBE_IQR = 1 << 5,
    DESCRIBE_Q1 = 1 << 6,
    DESCRIBE_MEDIAN = 1 << 7,
    DESCRIBE_Q3 = 1 << 8
};

/* The statistics; NAN where a value cannot be computed (sd of one value),
 * and NAN with its bit in over (beyond DBL_MAX in magnitude: the iqr of
 * -1e308 and 1e308) or under (not zero, but nearer 0 than any subnormal)
 * where the true value is not a double. */
struct describe {
    size_t n, missing;
    double mean, sd, se, ci_lo, ci_hi;
    double min, q1, median, q3, max, iqr;
    double skewness, kurtosis;
    int exact;                 /* mean, sd, se from exact sums: 1 of
                                  decimals (exsum.h), 2 of doubles (xsum.h) */
    unsigned over, under;      /* DESCRIBE_* bits */
};

/* Describe the variable: t-based CI of the mean at LEVEL (0 < level < 1),
 * quantiles of Hyndman-Fan type QTYPE (1..9). May reorder the values.
 * Mean, sd and se are correctly rounded; no result is Inf, or 0 for a
 * nonzero true value (see over and under). */
void acc_describe(struct acc *a, double level, int qtype, struct describe *d);

/* Sample skewness G1 = g1 sqrt(n (n - 1)) / (n - 2), g1 = m3 / m2^1.5,
 * from the central moments m_k = sum (x - mean)^k / n: NAN unless n >= 3
 * and m2 > 0. (Joanes & Gill 1998; SAS, SPSS, Excel, pandas.) */
double stats_skewness_g1(double n, double m2, double m3);

/* Excess kurtosis G2 = ((n + 1) g2 + 6)(n - 1) / ((n - 2)(n - 3)),
 * g2 = m4 / m2^2 - 3: NAN unless n >= 4 and m2 > 0. (Joanes & Gill 1998.) */
double stats_kurtosis_g2(double n, double m2, double m4);

/* stats_mean_var: stats.h */

/* Half-width multiplier of the t interval: the (1 + level)/2 quantile of
 * Student's t with df degrees of freedom; NAN if df < 1. */
double stats_t_crit(double level, double df);

#endif
