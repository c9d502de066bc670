/* boot.c - nonparametric bootstrap: replicates and confidence intervals. */
#include <config.h>

#include "boot.h"
#include "binv.h"
#include "dsort.h"
#include "stats.h"
#include "dist.h"
#include "rng.h"
#include "twogroup.h"
#include "util.h"

#include <gsl/gsl_randist.h>
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHUNK RNG_SMALL /* units per cache-resident chunk */
#define BATCH 8        /* replicates drawn together, chunk by chunk */
#define IDXBUF 1024    /* indexes drawn at a time */

enum kind { KIND_UNI, KIND_XY, KIND_ITEMS, KIND_TWO };

struct boot_set {
    size_t n, w, P;
    enum kind kind;
    enum boot_stat *stats;
    size_t nstats;
    double *center;            /* w column means, subtracted */
    int scaled;                /* extreme values: features of the centered
                                  values times scale (powers of 2) */
    int *sexp;                 /* w: the features are of (x - center)
                                  2^-sexp (0 unless scaled) */
    double se_mean;            /* w = 1: sd / sqrt(n) of the sample */
    /* moment statistics: units (distinct rows, or rows) and features */
    int need_moments, by_counts;
    int first_only;            /* only the mean: sums of v alone */
    size_t K;
    /* By rows with w = 1, F, cnt and unit_stratum are NULL: the units
     * are the rows, v1 their centred values, their features computed
     * when needed, each count 1, the strata from su. */
    double *F;                 /* K * P features of the centered rows */
    double *Ftot;              /* P: their sums over the sample */
    double *v1;                /* K: the centered values alone (w = 1) */
    int v1_given;              /* v1 is the sample's given array */
    unsigned *cnt;             /* K multiplicities */
    size_t *unit_stratum;      /* K */
    size_t S;
    size_t *su;                /* S + 1: units of stratum s: su[s]..su[s+1] */
    size_t *sn;                /* S: rows of stratum s */
    double **sp;               /* S: multinomial weights of its units */
    /* the median: sorted distinct values, cumulative counts per stratum */
    int need_median;
    size_t KG;
    double *gv;
    unsigned long *gcum;       /* S * (KG + 1) */
    unsigned long *ctot;       /* KG + 1, all strata (gcum when S = 1) */
    /* two groups (KIND_TWO): the strata 0 (A) and 1 (B) */
    double J, J1;              /* Hedges' J at df = n - 2 and n - 3 */
    int need_counts;           /* theta: the counts of every unit */
    double *uval;              /* K: the units' values, not centred */
};

int boot_two_group(enum boot_stat st)
{
    return st == BOOT_DIFF_MEAN || st == BOOT_DIFF_MEDIAN || st == BOOT_G ||
           st == BOOT_THETA;
}

/* ---- features and statistics from sums ---- */

static void features(const struct boot_set *s, const double *row,
                     size_t stratum, double *f)
{
    size_t w = s->w;
    switch (s->kind) {
    case KIND_TWO:          /* x and x^2 of A, then of B */
        f[0] = f[1] = f[2] = f[3] = 0;
        f[2 * stratum] = row[0];
        f[2 * stratum + 1] = row[0] * row[0];
        break;
    case KIND_UNI:
        f[0] = row[0];
        f[1] = row[0] * row[0];
        break;
    case KIND_XY:
        f[0] = row[0];
        f[1] = row[1];
        f[2] = row[0] * row[0];
        f[3] = row[1] * row[1];
        f[4] = row[0] * row[1];
        break;
    case KIND_ITEMS: {
        double total = 0;
        for (size_t i = 0; i < w; i++) {
            f[i] = row[i];
            f[w + i] = row[i] * row[i];
            total += row[i];
        }
        f[2 * w] = total;
        f[2 * w + 1] = total * total;
        break;
    }
    }
}

/* Whether a column is constant in a resample of n rows, up to rounding:
 * its sum of squares about the resample's mean, ss = S2 - S1^2 / n, is
 * at most (n + 64) 4 eps S2, S2 its sum of squares about the sample's
 * mean (the rounding of the two sums of n terms is below 3 n eps S2).
 * Without it a constant column gives ss = rounding noise, and r, d_z or
 * alpha a finite number that means nothing. */
static int flat(double ss, double S2, double n)
{
    return !(ss > (n + 64) * 4 * DBL_EPSILON * S2);
}

/* A statistic from the feature sums S of n rows (not the median); NAN
 * when it is undefined (a column constant in the resample). */
static double from_sums_raw(const struct boot_set *s, enum boot_stat st,
                            const double *S, double n)
{
    size_t w = s->w;
    double mean, var;
    switch (st) {
    case BOOT_MEAN:
        return S[0] / n + s->center[0];
    case BOOT_VAR:
    case BOOT_SD:
    case BOOT_DZ:
        var = n > 1 ? fmax(0, (S[1] - S[0] * S[0] / n) / (n - 1)) : NAN;
        if (n > 1 && flat(S[1] - S[0] * S[0] / n, S[1], n))
            var = 0;
        if (st == BOOT_VAR)
            return var;
        if (st == BOOT_SD)
            return sqrt(var);
        if (!(var > 0))
            return NAN;
        mean = S[0] / n + s->center[0];
        return mean / sqrt(var);
    case BOOT_COR: {
        /* r = Sxy / sqrt(Sxx Syy), cross-products about the means */
        double sxy = S[4] - S[0] * S[1] / n;
        double sxx = S[2] - S[0] * S[0] / n, syy = S[3] - S[1] * S[1] / n;
        if (flat(sxx, S[2], n) || flat(syy, S[3], n))
            return NAN;
        return sxy / sqrt(sxx * syy);
    }
    case BOOT_ALPHA: {
        /* alpha = k/(k - 1) (1 - sum var_i / var_total) (Cronbach 1951) */
        double sv = 0, k = (double)w;
        for (size_t i = 0; i < w; i++)
            sv += S[w + i] - S[i] * S[i] / n;
        double vt = S[2 * w + 1] - S[2 * w] * S[2 * w] / n;
        if (flat(vt, S[2 * w + 1], n))
            return NAN;
        return k / (k - 1) * (1 - sv / vt);
    }
    default:    /* the median and the two-group statistics */
        break;
    }
    return NAN;
}

/* from_sums of scaled features (values of about 1e300 or 1e-320, whose
 * squares are out of range): the mean, variance and sd back in the data's
 * units through long double (the variance may be out of a double's range:
 * Inf or 0, see boot_results), d_z from the scaled mean and sd; r and
 * alpha do not change with the scale. INTERNAL: the mean, variance and sd
 * in the scaled units, for the jackknife (a is scale-free). */
static double from_sums_scaled(const struct boot_set *s, enum boot_stat st,
                               const double *S, double n, int internal)
{
    int e = s->sexp[0];
    long double var, m = (long double)S[0] / n;
    double ss;
    switch (st) {
    case BOOT_MEAN:
        return internal ? (double)m : (double)(ldexpl(m, e) + s->center[0]);
    case BOOT_VAR:
    case BOOT_SD:
    case BOOT_DZ:
        ss = S[1] - S[0] * S[0] / n;
        var = n > 1 ? (flat(ss, S[1], n) ? 0 : fmaxl(0, ss / (n - 1))) : NAN;
        if (st == BOOT_VAR)
            return internal ? (double)var : (double)ldexpl(var, 2 * e);
        if (st == BOOT_SD)
            return internal ? (double)sqrtl(var) : (double)ldexpl(sqrtl(var), e);
        if (!(var > 0))
            return NAN;
        return (double)((ldexpl(s->center[0], -e) + m) / sqrtl(var));
    default:
        return from_sums_raw(s, st, S, n);
    }
}

static double from_sums(const struct boot_set *s, enum boot_stat st,
                        const double *S, double n)
{
    return s->scaled ? from_sums_scaled(s, st, S, n, 0)
                     : from_sums_raw(s, st, S, n);
}

/* The standard error sd / sqrt(n) of a replicate's mean. */
static double replicate_se(const struct boot_set *s, const double *S,
                           double n)
{
    if (!s->scaled)
        return sqrt(from_sums_raw(s, BOOT_VAR, S, n) / n);
    long double var = from_sums_scaled(s, BOOT_VAR, S, n, 1);
    return (double)ldexpl(sqrtl(var / n), s->sexp[0]);
}

/* ---- two groups: B - A from the sums of each, theta from counts ---- */

/* A two-group statistic (mean-diff, g) from the feature sums S (x and
 * x^2 of A, then of B, centred and scaled) of na and nb rows, J Hedges'
 * correction at df = na + nb - 2. NAN when undefined: a group empty, or
 * (g) na + nb < 4 or no spread within the groups. */
static double two_from_sums(const struct boot_set *s, enum boot_stat st,
                            const double *S, double na, double nb, double J)
{
    if (!(na > 0 && nb > 0))
        return NAN;
    int e = s->scaled ? s->sexp[0] : 0;
    double diff = S[2] / nb - S[0] / na;    /* the centre cancels */
    if (st == BOOT_DIFF_MEAN)
        return ldexp(diff, e);
    if (st != BOOT_G || !(na + nb >= 4))
        return NAN;
    /* g = J (mean_b - mean_a) / s_pooled (Hedges 1981), as stats_smd;
     * the scale cancels */
    double ss = (S[1] - S[0] * S[0] / na) + (S[3] - S[2] * S[2] / nb);
    if (flat(ss, S[1] + S[3], na + nb))
        return NAN;
    return J * diff / sqrt(ss / (na + nb - 2));
}

/* The standard error sqrt(var_A / na + var_B / nb) of a mean-diff from
 * the sums S of two groups (Welch's). */
static double two_se(const struct boot_set *s, const double *S, double na,
                     double nb)
{
    if (!(na > 1 && nb > 1))
        return NAN;
    double ssa = S[1] - S[0] * S[0] / na, ssb = S[3] - S[2] * S[2] / nb;
    double va = flat(ssa, S[1], na) ? 0 : fmax(0, ssa / (na - 1));
    double vb = flat(ssb, S[3], nb) ? 0 : fmax(0, ssb / (nb - 1));
    return ldexp(sqrt(va / na + vb / nb), s->scaled ? s->sexp[0] : 0);
}

/* 2 U, U = #{b > a} + #{b = a} / 2 over the pairs of a row a of A and b
 * of B, from the counts cnt of the units (each group's units sorted by
 * value): one merge, O(K). */
/* The count of unit u in cnt, NULL meaning one each (the sample by rows). */
static unsigned unit_count(const unsigned *cnt, size_t u)
{
    return cnt ? cnt[u] : 1;
}

static long double theta_u2(const struct boot_set *s, const unsigned *cnt)
{
    size_t ia = s->su[0], ea = s->su[1], ib = s->su[1], eb = s->su[2];
    const double *v = s->uval;
    unsigned long below = 0;
    long double u2 = 0;
    while (ib < eb) {
        double x = v[ib];
        unsigned long cb = 0, eq = 0;
        for (; ib < eb && v[ib] == x; ib++)
            cb += unit_count(cnt, ib);
        for (; ia < ea && v[ia] < x; ia++)
            below += unit_count(cnt, ia);
        for (size_t j = ia; j < ea && v[j] == x; j++)
            eq += unit_count(cnt, j);
        u2 += (long double)cb * (2.0L * below + eq);
    }
    return u2;
}

/* theta = P(B > A) + P(B = A) / 2 = U / (na nb) from the units' counts. */
static double theta_of(const struct boot_set *s, const unsigned *cnt)
{
    if (!(s->sn[0] > 0 && s->sn[1] > 0))
        return NAN;
    return (double)(theta_u2(s, cnt) /
                    (2.0L * (long double)s->sn[0] * (long double)s->sn[1]));
}

/* ---- the median from counts over the sorted distinct values ---- */

/* The r-th smallest (1-based) of the sample, from cumulative counts cum. */
static double rank_value(const double *gv, const unsigned long *cum,
                         size_t KG, unsigned long r)
{
    return gv[stats_cum_rank(cum + 1, KG, r)];
}

/* Type 7 median of m values from a rank accessor. */
static void median_ranks(unsigned long m, unsigned long *r1, unsigned long *r2)
{
    *r1 = (m + 1) / 2;          /* floor(1 + (m - 1)/2) */
    *r2 = m / 2 + 1;            /* ceiling */
    if (m % 2)
        *r2 = *r1;
}

/* The midpoint of a and b: (a + b) / 2 as before, and a / 2 + b / 2 (exact
 * halves, so the same correctly rounded midpoint) when a + b overflows. */
static double median_of(double a, double b)
{
    if (a == b)
        return a;
    double sum = a + b;
    return isfinite(sum) ? sum / 2 : a / 2 + b / 2;
}

/* ---- preparation ---- */

/* Rows compared by stratum, then value; ctx is the sample. */
static int cmp_rows(const void *pa, const void *pb, void *ctx)
{
    const struct boot_sample *smp = ctx;
    const double *x = smp->x;
    const size_t *strat = smp->stratum, w = smp->w;
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    size_t sa = strat ? strat[a] : 0, sb = strat ? strat[b] : 0;
    if (sa != sb)
        return sa < sb ? -1 : 1;
    for (size_t i = 0; i < w; i++) {
        double u = x[a * w + i], v = x[b * w + i];
        if (u != v)
            return u < v ? -1 : 1;
    }
    return a < b ? -1 : a > b;
}

static int same_row(const struct boot_sample *smp, size_t a, size_t b)
{
    if (smp->stratum && smp->stratum[a] != smp->stratum[b])
        return 0;
    for (size_t i = 0; i < smp->w; i++)
        if (smp->x[a * smp->w + i] != smp->x[b * smp->w + i])
            return 0;
    return 1;
}

/* The kind of rows the statistics need, their features and what to draw. */
static void plan_stats(struct boot_set *s, const enum boot_stat *stats,
                       size_t nstats)
{
    s->nstats = nstats;
    s->stats = sk_xcalloc(nstats, sizeof *s->stats);
    memcpy(s->stats, stats, nstats * sizeof *stats);
    s->kind = KIND_UNI;
    for (size_t i = 0; i < nstats; i++) {
        if (boot_two_group(stats[i]))
            s->kind = KIND_TWO;
        else if (stats[i] == BOOT_ALPHA)
            s->kind = KIND_ITEMS;
        else if (stats[i] == BOOT_COR && s->kind != KIND_ITEMS)
            s->kind = KIND_XY;
        if (stats[i] == BOOT_MEDIAN || stats[i] == BOOT_DIFF_MEDIAN)
            s->need_median = 1;
        else
            s->need_moments = 1;
        if (stats[i] == BOOT_THETA)
            s->need_counts = 1;
    }
    s->P = s->kind == KIND_UNI ? 2 : s->kind == KIND_XY ? 5
         : s->kind == KIND_TWO ? 4 : 2 * s->w + 2;
    s->first_only = s->kind == KIND_UNI;
    for (size_t i = 0; i < nstats; i++)
        if (stats[i] != BOOT_MEAN && stats[i] != BOOT_MEDIAN)
            s->first_only = 0;
}

/* Centring: the column means, subtracted from every value, and the powers
 * of 2 that scale extreme columns; the sample's se of the mean (w = 1). */
static void centre(struct boot_set *s, const struct boot_sample *smp)
{
    size_t n = smp->n, w = smp->w;
    s->center = sk_xcalloc(w, sizeof *s->center);
    for (size_t i = 0; i < w; i++) {
        long double sum = 0;
        for (size_t r = 0; r < n; r++)
            sum += smp->x[r * w + i];
        s->center[i] = (double)(sum / n);
    }
    /* Scale when the largest |x - center| of a column is beyond 2^+-300:
     * its squares, summed, could overflow or underflow (2^-300 and 2^300
     * keep n m^2 inside a double for any n). A power of 2 keeps every
     * value exact; alpha needs one scale for all items. */
    s->sexp = sk_xcalloc(w, sizeof *s->sexp);
    long double *mx = sk_xcalloc(w, sizeof *mx), mall = 0;
    for (size_t i = 0; i < w; i++) {
        for (size_t r = 0; r < n; r++) {
            long double d = fabsl((long double)smp->x[r * w + i] -
                                  s->center[i]);
            mx[i] = d > mx[i] ? d : mx[i];
        }
        mall = mx[i] > mall ? mx[i] : mall;
        if (mx[i] > 0 && (mx[i] > 0x1p300L || mx[i] < 0x1p-300L))
            s->scaled = 1;
    }
    for (size_t i = 0; i < w; i++) {
        long double m = s->kind == KIND_ITEMS ? mall : mx[i];
        s->sexp[i] = s->scaled && m > 0 ? ilogbl(m) : 0;
    }
    free(mx);

    s->se_mean = NAN;
    if (w == 1 && n > 1) {
        long double s1 = 0, s2 = 0;
        for (size_t r = 0; r < n; r++)
            s1 += smp->x[r];
        long double mu = s1 / n;
        for (size_t r = 0; r < n; r++)
            s2 += (smp->x[r] - mu) * (smp->x[r] - mu);
        s->se_mean = s->scaled ? (double)sqrtl(s2 / (n - 1) / n)
                               : sqrt((double)(s2 / (n - 1)) / (double)n);
    }
}

/* Resampling by counts draws K binomials a replicate (GSL's multinomial:
 * about 110 ns each here, for any K, at 16 or more rows a value), by rows
 * n uniform indexes in cache-resident chunks (about 3 ns each, the sum
 * included): by counts when K COST_COUNT <= n. Samples of at most
 * SMALL_N rows, a replicate of which takes microseconds either way, keep
 * the rule of earlier versions (K <= n / 16): their output at a seed is
 * what it was. */
#define COST_COUNT 36
#define SMALL_N 4096
static int choose_counts(size_t n, size_t distinct)
{
    if (n <= SMALL_N)
        return distinct * 16 <= n;
    return (double)distinct * COST_COUNT <= (double)n;
}

/* The centred (and scaled) value of x in column j, as the features see it. */
static double centred(const struct boot_set *s, double x, size_t j)
{
    return s->scaled ? (double)ldexpl((long double)x - s->center[j],
                                      -s->sexp[j])
                     : x - s->center[j];
}

/* The units of rows of w >= 2 values: distinct rows with their counts
 * when by_counts (choose_counts), else every row; the features of their
 * centred values. */
static void make_units(struct boot_set *s, const struct boot_sample *smp)
{
    size_t n = smp->n, w = smp->w;
    /* Rows in order of stratum, then value: distinct rows are adjacent. */
    size_t *order = sk_xcalloc(n, sizeof *order);
    for (size_t r = 0; r < n; r++)
        order[r] = r;
    qsort_r(order, n, sizeof *order, cmp_rows, (void *)smp);
    size_t distinct = n ? 1 : 0;
    for (size_t r = 1; r < n; r++)
        distinct += !same_row(smp, order[r - 1], order[r]);
    s->by_counts = choose_counts(n, distinct);

    s->K = s->by_counts ? distinct : n;
    s->F = sk_xcalloc(s->K * s->P, sizeof *s->F);
    s->cnt = sk_xcalloc(s->K, sizeof *s->cnt);
    s->unit_stratum = sk_xcalloc(s->K, sizeof *s->unit_stratum);
    s->Ftot = sk_xcalloc(s->P, sizeof *s->Ftot);
    double *row = sk_xcalloc(w, sizeof *row);
    size_t k = 0;
    for (size_t r = 0; r < n; r++) {
        size_t i = order[r];
        if (s->by_counts && r > 0 && same_row(smp, order[r - 1], i)) {
            s->cnt[k - 1]++;
            continue;
        }
        for (size_t j = 0; j < w; j++)
            row[j] = centred(s, smp->x[i * w + j], j);
        s->unit_stratum[k] = smp->stratum ? smp->stratum[i] : 0;
        features(s, row, s->unit_stratum[k], &s->F[k * s->P]);
        s->cnt[k] = 1;
        k++;
    }
    for (size_t u = 0; u < s->K; u++)
        for (size_t p = 0; p < s->P; p++)
            s->Ftot[p] += s->cnt[u] * s->F[u * s->P + p];
    free(row);
    free(order);
    /* the strata: their units (adjacent, as sorted) and rows */
    s->su = sk_xcalloc(s->S + 1, sizeof *s->su);
    s->sn = sk_xcalloc(s->S, sizeof *s->sn);
    for (size_t u = 0; u < s->K; u++) {
        s->su[s->unit_stratum[u] + 1]++;
        s->sn[s->unit_stratum[u]] += s->cnt[u];
    }
    for (size_t t = 0; t < s->S; t++)
        s->su[t + 1] += s->su[t];
}

/* The values of a sample of w = 1 in the order of cmp_rows (stratum,
 * value, row: equal values in the order of the rows), a new array or,
 * without strata, the given one sorted in place; the first row of each
 * stratum into rs[0..S]. */
static double *sorted_values(const struct boot_set *s,
                             const struct boot_sample *smp, size_t *rs)
{
    size_t n = smp->n, S = s->S;
    double *v = !smp->stratum && smp->given ? smp->given
                                            : sk_xcalloc(n ? n : 1, sizeof *v);
    if (!smp->stratum) {
        if (v != smp->x)
            memcpy(v, smp->x, n * sizeof *v);
        rs[1] = n;
    } else {
        for (size_t r = 0; r < n; r++)
            rs[smp->stratum[r] + 1]++;
        for (size_t t = 0; t < S; t++)
            rs[t + 1] += rs[t];
        size_t *fill = sk_xcalloc(S, sizeof *fill);
        memcpy(fill, rs, S * sizeof *fill);
        for (size_t r = 0; r < n; r++)
            v[fill[smp->stratum[r]]++] = smp->x[r];
        free(fill);
    }
    for (size_t t = 0; t < S; t++)
        dsort(v + rs[t], rs[t + 1] - rs[t]);
    return v;
}

/* The median table from the sorted values v (rs as sorted_values): the
 * sorted distinct values and, per stratum and for all, the cumulative
 * counts of rows at or below each. Equal values are one (-0 and 0: the
 * first of the rows, as a stable sort keeps it). */
static void make_median_table(struct boot_set *s,
                              const struct boot_sample *smp, const double *v,
                              const size_t *rs)
{
    size_t n = smp->n, S = s->S, kg = 0;
    double *gv = sk_xcalloc(n ? n : 1, sizeof *gv);
    for (size_t t = 0; t < S; t++)
        for (size_t r = rs[t]; r < rs[t + 1]; r++)
            if (r == rs[t] || v[r] != v[r - 1])
                gv[kg++] = v[r];
    if (S > 1) {
        dsort(gv, kg);
        size_t k = 0;
        for (size_t j = 0; j < kg; j++)
            if (j == 0 || gv[j] != gv[k - 1])
                gv[k++] = gv[j];
        kg = k;
        size_t z = stats_lower_bound(gv, kg, 0.0);
        for (size_t r = 0; z < kg && gv[z] == 0 && r < n; r++)
            if (smp->x[r] == 0) {
                gv[z] = smp->x[r];
                break;
            }
    }
    s->KG = kg;
    s->gv = sk_xreallocarray(gv, kg ? kg : 1, sizeof *gv);
    s->ctot = sk_xcalloc(kg + 1, sizeof *s->ctot);
    s->gcum = S == 1 ? s->ctot : sk_xcalloc(S * (kg + 1), sizeof *s->gcum);
    for (size_t t = 0; t < S; t++) {
        unsigned long *cum = &s->gcum[t * (kg + 1)];
        size_t j = 0;
        for (size_t r = rs[t]; r < rs[t + 1]; r++) {
            while (s->gv[j] != v[r])
                j++;
            cum[j + 1]++;
        }
        for (size_t q = 0; q < kg; q++)
            cum[q + 1] += cum[q];
        if (S > 1)
            for (size_t q = 0; q <= kg; q++)
                s->ctot[q] += cum[q];
    }
}

/* The units of a sample of w = 1, from its values sorted once (which
 * also give the median table): the distinct values with their counts,
 * or the rows themselves: their centred values v1, no features stored.
 * Their sums Ftot (the estimates) in long double beyond SMALL_N rows: a
 * sum of 1e7 centred values in double loses the 13th digit of the mean;
 * in double below, as earlier versions summed, so that their output is
 * kept to the last digit. */
static void make_units_one(struct boot_set *s, const struct boot_sample *smp)
{
    size_t n = smp->n, S = s->S, P = s->P;
    size_t *rs = sk_xcalloc(S + 1, sizeof *rs);
    double *v = sorted_values(s, smp, rs);
    if (s->need_median)
        make_median_table(s, smp, v, rs);
    s->sn = sk_xcalloc(S, sizeof *s->sn);
    for (size_t t = 0; t < S; t++)
        s->sn[t] = rs[t + 1] - rs[t];
    s->Ftot = sk_xcalloc(P, sizeof *s->Ftot);
    if (!s->need_moments) {     /* the median alone: no units */
        s->su = sk_xcalloc(S + 1, sizeof *s->su);
        if (v != smp->given)
            free(v);
        free(rs);
        return;
    }
    size_t distinct = 0;
    for (size_t t = 0; t < S; t++)
        for (size_t r = rs[t]; r < rs[t + 1]; r++)
            distinct += r == rs[t] || v[r] != v[r - 1];
    s->by_counts = choose_counts(n, distinct);
    double f[4];
    if (!s->by_counts) {
        s->K = n;
        s->su = rs;
        if (s->need_counts) {
            s->uval = sk_xcalloc(n ? n : 1, sizeof *s->uval);
            memcpy(s->uval, v, n * sizeof *v);
        }
        long double tot[4] = { 0, 0, 0, 0 };
        for (size_t t = 0; t < S; t++)
            for (size_t u = rs[t]; u < rs[t + 1]; u++) {
                v[u] = centred(s, v[u], 0);
                features(s, &v[u], t, f);
                for (size_t p = 0; p < P; p++)
                    if (n > SMALL_N)
                        tot[p] += f[p];
                    else
                        s->Ftot[p] += f[p];
            }
        for (size_t p = 0; n > SMALL_N && p < P; p++)
            s->Ftot[p] = (double)tot[p];
        s->v1 = v;
        s->v1_given = v == smp->given;
        return;
    }
    s->K = distinct;
    s->F = sk_xcalloc(s->K * P, sizeof *s->F);
    s->cnt = sk_xcalloc(s->K, sizeof *s->cnt);
    s->unit_stratum = sk_xcalloc(s->K, sizeof *s->unit_stratum);
    if (s->kind == KIND_TWO)
        s->uval = sk_xcalloc(s->K, sizeof *s->uval);
    s->su = sk_xcalloc(S + 1, sizeof *s->su);
    size_t k = 0;
    for (size_t t = 0; t < S; t++) {
        for (size_t r = rs[t]; r < rs[t + 1]; r++) {
            if (r > rs[t] && v[r] == v[r - 1]) {
                s->cnt[k - 1]++;
                continue;
            }
            double row = centred(s, v[r], 0);
            s->unit_stratum[k] = t;
            features(s, &row, t, &s->F[k * P]);
            s->cnt[k] = 1;
            if (s->uval)
                s->uval[k] = v[r];
            k++;
        }
        s->su[t + 1] = k;
    }
    long double tot[4] = { 0, 0, 0, 0 };
    for (size_t u = 0; u < s->K; u++)
        for (size_t p = 0; p < P; p++)
            if (n > SMALL_N)
                tot[p] += s->cnt[u] * (long double)s->F[u * P + p];
            else
                s->Ftot[p] += s->cnt[u] * s->F[u * P + p];
    for (size_t p = 0; n > SMALL_N && p < P; p++)
        s->Ftot[p] = (double)tot[p];
    if (s->kind == KIND_UNI) {
        s->v1 = sk_xcalloc(s->K, sizeof *s->v1);
        for (size_t u = 0; u < s->K; u++)
            s->v1[u] = s->F[u * P];
    }
    if (v != smp->given)
        free(v);
    free(rs);
}

/* The multinomial weights of the units of each stratum (their counts),
 * when resampled by counts. */
static void make_weights(struct boot_set *s)
{
    if (!s->by_counts)
        return;
    s->sp = sk_xcalloc(s->S, sizeof *s->sp);
    for (size_t t = 0; t < s->S; t++) {
        size_t len = s->su[t + 1] - s->su[t];
        s->sp[t] = sk_xcalloc(len ? len : 1, sizeof **s->sp);
        for (size_t u = 0; u < len; u++)
            s->sp[t][u] = s->cnt[s->su[t] + u];
    }
}

struct boot_set *boot_prepare(const struct boot_sample *smp,
                              const enum boot_stat *stats, size_t nstats)
{
    struct boot_set *s = sk_xcalloc(1, sizeof *s);
    s->n = smp->n;
    s->w = smp->w;
    s->S = smp->stratum ? smp->nstrata : 1;
    plan_stats(s, stats, nstats);
    centre(s, smp);
    if (smp->w == 1)
        make_units_one(s, smp);
    else
        make_units(s, smp);     /* the median is of w = 1 alone */
    make_weights(s);
    if (s->kind == KIND_TWO) {
        double na = (double)s->sn[0], nb = s->S > 1 ? (double)s->sn[1] : 0;
        s->J = stats_hedges_j(na + nb - 2);
        s->J1 = stats_hedges_j(na + nb - 3);
        s->se_mean = two_se(s, s->Ftot, na, nb);
    }
    return s;
}

void boot_free(struct boot_set *s)
{
    if (!s)
        return;
    for (size_t t = 0; s->sp && t < s->S; t++)
        free(s->sp[t]);
    free(s->sp);
    free(s->stats);
    free(s->center);
    free(s->sexp);
    free(s->F);
    free(s->Ftot);
    if (!s->v1_given)
        free(s->v1);
    free(s->cnt);
    free(s->unit_stratum);
    free(s->su);
    free(s->sn);
    free(s->gv);
    if (s->gcum != s->ctot)
        free(s->gcum);
    free(s->ctot);
    free(s->uval);
    free(s);
}

static double median_estimate(const struct boot_set *s)
{
    unsigned long r1, r2;
    median_ranks(s->n, &r1, &r2);
    return median_of(rank_value(s->gv, s->ctot, s->KG, r1),
                     rank_value(s->gv, s->ctot, s->KG, r2));
}

/* The type 7 median of stratum t (NAN when it is empty). */
static double group_median(const struct boot_set *s, size_t t)
{
    const unsigned long *cum = &s->gcum[t * (s->KG + 1)];
    unsigned long r1, r2;
    if (!s->sn[t])
        return NAN;
    median_ranks(s->sn[t], &r1, &r2);
    return median_of(rank_value(s->gv, cum, s->KG, r1),
                     rank_value(s->gv, cum, s->KG, r2));
}

double boot_estimate(const struct boot_set *s, size_t i)
{
    switch (s->stats[i]) {
    case BOOT_MEDIAN:
        return median_estimate(s);
    case BOOT_DIFF_MEDIAN:
        return group_median(s, 1) - group_median(s, 0);
    case BOOT_THETA:
        return theta_of(s, s->cnt);
    case BOOT_DIFF_MEAN:
    case BOOT_G:
        return two_from_sums(s, s->stats[i], s->Ftot, (double)s->sn[0],
                             (double)s->sn[1], s->J);
    default:
        return from_sums(s, s->stats[i], s->Ftot, (double)s->n);
    }
}

/* ---- jackknife acceleration ---- */

/* The value of rank r among the rows counted by cum without one copy of
 * gv[j] (which cum counts). */
static double rank_without(const struct boot_set *s, const unsigned long *cum,
                           size_t j, unsigned long r)
{
    if (r <= cum[j])
        return rank_value(s->gv, cum, s->KG, r);
    if (r <= cum[j + 1] - 1)
        return s->gv[j];
    return rank_value(s->gv, cum, s->KG, r + 1);
}

static double accel(const struct boot_set *s, size_t i, int *undefined);

double boot_accel(const struct boot_set *s, size_t i)
{
    int undefined;
    return accel(s, i, &undefined);
}

/* The leave-one-out values of a statistic are visited, not stored: each
 * is passed to a visitor with its multiplicity (rows sharing it) and its
 * stratum. accel visits them two or three times, and every visit
 * computes the same values by the same operations in the same order, so
 * that a is what a stored array of them gave, without the 24 bytes a
 * unit (m is n for the moments by rows). */
typedef void jack_visit(void *ctx, double theta, double mult, size_t t);

/* The median (of all rows) or the median-diff without one row, by
 * distinct value j and stratum t: a row of group t leaves the other
 * group's median as it is. Values of no row (mult 0) are not visited. */
static void jack_median(const struct boot_set *s, enum boot_stat st,
                        jack_visit *fn, void *ctx)
{
    size_t K1 = s->KG + 1;
    unsigned long r1, r2;
    median_ranks(s->n - 1, &r1, &r2);
    for (size_t j = 0; j < s->KG; j++) {
        double all = st == BOOT_MEDIAN
            ? median_of(rank_without(s, s->ctot, j, r1),
                        rank_without(s, s->ctot, j, r2)) : NAN;
        for (size_t t = 0; t < s->S; t++) {
            const unsigned long *c = &s->gcum[t * K1];
            double mult = (double)(c[j + 1] - c[j]), theta = all;
            if (mult == 0)
                continue;
            if (st == BOOT_DIFF_MEDIAN) {
                unsigned long q1, q2;
                median_ranks(s->sn[t] - 1, &q1, &q2);
                double m = s->sn[t] > 1
                    ? median_of(rank_without(s, c, j, q1),
                                rank_without(s, c, j, q2)) : NAN;
                double other = group_median(s, 1 - t);
                theta = t == 1 ? m - other : other - m;
            }
            fn(ctx, theta, mult, t);
        }
    }
}

/* theta without one row of each unit: U less the pairs the row is in
 * (#B > x + #B = x / 2 for a row x of A, #A < x + #A = x / 2 for one of
 * B), over (na - 1) nb or na (nb - 1). The other group's rows below and
 * equal to a unit come from a merge of the sorted units: O(K). */
static void jack_theta(const struct boot_set *s, jack_visit *fn, void *ctx)
{
    long double u = theta_u2(s, s->cnt) / 2;
    double n[2] = { (double)s->sn[0], (double)s->sn[1] };
    const double *v = s->uval;
    for (size_t t = 0; t < 2; t++) {
        size_t o = 1 - t, j = s->su[o], ej = s->su[o + 1];
        unsigned long below = 0, eq = 0;
        for (size_t k = s->su[t]; k < s->su[t + 1]; k++) {
            for (; j < ej && v[j] < v[k]; j++)
                below += unit_count(s->cnt, j);
            if (k == s->su[t] || v[k] != v[k - 1]) {
                eq = 0;
                for (size_t q = j; q < ej && v[q] == v[k]; q++)
                    eq += unit_count(s->cnt, q);
            }
            long double pairs = t == 0 ? n[1] - below - eq + eq / 2.0L
                                       : below + eq / 2.0L;
            double den = t == 0 ? (n[0] - 1) * n[1] : n[0] * (n[1] - 1);
            fn(ctx, den > 0 ? (double)((u - pairs) / den) : NAN,
               unit_count(s->cnt, k), t);
        }
    }
}

/* A moment statistic without one row of each unit, from the sums less
 * its features; for two groups, its own group one row smaller. */
static void jack_moments(const struct boot_set *s, enum boot_stat st,
                         jack_visit *fn, void *ctx)
{
    double n = (double)s->n;
    double *Sx = sk_xcalloc(s->P, sizeof *Sx), f[4];
    size_t t = 0;
    for (size_t u = 0; u < s->K; u++) {
        const double *fu = s->F ? &s->F[u * s->P] : f;
        if (s->F)
            t = s->unit_stratum[u];
        else {          /* by rows, w = 1: P <= 4 */
            while (u >= s->su[t + 1])
                t++;
            features(s, &s->v1[u], t, f);
        }
        for (size_t p = 0; p < s->P; p++)
            Sx[p] = s->Ftot[p] - fu[p];
        double theta;
        if (s->kind == KIND_TWO)
            theta = two_from_sums(s, st, Sx, (double)s->sn[0] - (t == 0),
                                  (double)s->sn[1] - (t == 1), s->J1);
        else
            theta = s->scaled ? from_sums_scaled(s, st, Sx, n - 1, 1)
                              : from_sums(s, st, Sx, n - 1);
        fn(ctx, theta, unit_count(s->cnt, u), t);
    }
    free(Sx);
}

/* Visit the leave-one-out values of statistic st. */
static void jack_each(const struct boot_set *s, enum boot_stat st,
                      jack_visit *fn, void *ctx)
{
    if (st == BOOT_MEDIAN || st == BOOT_DIFF_MEDIAN)
        jack_median(s, st, fn, ctx);
    else if (st == BOOT_THETA)
        jack_theta(s, fn, ctx);
    else
        jack_moments(s, st, fn, ctx);
}

/* The sums of accel's passes over the leave-one-out values, per stratum. */
struct jack_sums {
    const struct boot_set *s;
    int undefined;             /* a value not finite */
    double *tbar;              /* pass 1: sum mult theta, then the mean */
    int *redo;                 /* pass 2: strata whose sum overflowed */
    long double *lsum;         /* pass 2: their sums in long double */
    long double s2, s3;        /* pass 3: sum mult L^2, sum mult L^3 */
};

static void jack_pass1(void *ctx, double theta, double mult, size_t t)
{
    struct jack_sums *js = ctx;
    if (!isfinite(theta))
        js->undefined = 1;
    js->tbar[t] += mult * theta;
}

static void jack_pass2(void *ctx, double theta, double mult, size_t t)
{
    struct jack_sums *js = ctx;
    if (js->redo[t])
        js->lsum[t] += mult * (long double)theta;
}

static void jack_pass3(void *ctx, double theta, double mult, size_t t)
{
    struct jack_sums *js = ctx;
    long double L = ((long double)js->s->sn[t] - 1) * (js->tbar[t] - theta);
    js->s2 += mult * L * L;
    js->s3 += mult * L * L * L;
}

/* boot_accel; *undefined is set when a leave-one-out value is undefined
 * (NAN then too). Three passes over the leave-one-out values: their
 * means by stratum (again in long double for a stratum whose sum
 * overflowed, values near 1e308), then L's moments. */
static double accel(const struct boot_set *s, size_t i, int *undefined)
{
    *undefined = 0;
    enum boot_stat st = s->stats[i];
    if (s->n < 2)
        return NAN;
    struct jack_sums js = { s, 0, NULL, NULL, NULL, 0, 0 };
    js.tbar = sk_xcalloc(s->S, sizeof *js.tbar);
    jack_each(s, st, jack_pass1, &js);
    *undefined = js.undefined;
    for (size_t t = 0; t < s->S; t++)
        js.tbar[t] /= (double)s->sn[t];
    for (size_t t = 0; t < s->S; t++)
        if (!isfinite(js.tbar[t]) && !*undefined && s->sn[t]) {
            if (!js.redo) {
                js.redo = sk_xcalloc(s->S, sizeof *js.redo);
                js.lsum = sk_xcalloc(s->S, sizeof *js.lsum);
            }
            js.redo[t] = 1;
        }
    if (js.redo) {
        jack_each(s, st, jack_pass2, &js);
        for (size_t t = 0; t < s->S; t++)
            if (js.redo[t])
                js.tbar[t] = (double)(js.lsum[t] / s->sn[t]);
    }
    jack_each(s, st, jack_pass3, &js);
    free(js.tbar);
    free(js.redo);
    free(js.lsum);
    if (*undefined || !(js.s2 > 0))
        return NAN;
    return (double)(js.s3 / (6 * powl(js.s2, 1.5L)));
}

/* ---- replicates ---- */

struct job {
    const struct boot_set *s;
    size_t B;
    uint64_t seed, family;
    double *t, *se;
    size_t next;               /* next batch to take (atomic) */
    size_t done;               /* replicates done (atomic) */
};

/* A worker's scratch space: one generator per replicate of a batch, their
 * feature sums, the multinomial counts (of distinct rows or of chunks),
 * the median's per-stratum counts and a buffer of row indexes. */
struct scratch {
    gsl_rng *g[BATCH];
    double *sums;              /* BATCH * P */
    size_t maxch;              /* the most chunks of a stratum */
    unsigned *mc;              /* BATCH * (K or maxch): by counts, the
                                  counts of every unit */
    unsigned *uc;              /* BATCH * K, theta by rows: the draws of
                                  each row, or NULL */
    double *chp;               /* maxch chunk sizes */
    unsigned long *c;          /* 3 * S */
    uint32_t *idx;             /* IDXBUF */
    struct binv_cache *bc;     /* the median's binomial tables, or NULL */
};

/* The draws (binv.h) of the median's binomials, made as a worker meets
 * them: at node k of the splits (heap order: the root 1, the halves of
 * node k 2k and 2k + 1; k < 2 KG), stratum t and c rows to place,
 * Binomial(c, W_l / W) is drawn again and again for the same (k, t, c).
 * Kept when there are at most BINV_KEYS keys; beyond BINV_TABLES of
 * them, GSL draws the others. */
#define BINV_KEYS (1u << 20)
#define BINV_TABLES 4096u
struct binv_cache {
    size_t N1;                 /* the most rows of a stratum, + 1 */
    uint32_t *slot;            /* per key: 0 not made, 1 GSL's (BTPE, or
                                  no room), else 2 + its byte offset in
                                  tab (no multiplication to find it) */
    struct binv *tab;
    size_t used, cap;
    struct binv_node {         /* node k's values [lo, hi): 4 KG + 2 */
        uint32_t lo, hi;
    } *node;
};

/* The draw of a made slot (>= 2). */
static inline const struct binv *binv_at(const struct binv_cache *bc,
                                         uint32_t slot)
{
    return (const struct binv *)(const void *)((const char *)bc->tab +
                                               (slot - 2));
}

/* The values [lo, hi) of node k and its halves, as the splits make them. */
static void binv_nodes(struct binv_node *nd, size_t k, size_t lo, size_t hi)
{
    nd[k].lo = (uint32_t)lo;
    nd[k].hi = (uint32_t)hi;
    if (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        binv_nodes(nd, 2 * k, lo, mid);
        binv_nodes(nd, 2 * k + 1, mid, hi);
    }
}

static struct binv_cache *binv_cache_new(const struct boot_set *s)
{
    size_t N = 0;
    for (size_t t = 0; t < s->S; t++)
        N = s->sn[t] > N ? s->sn[t] : N;
    double keys = 2.0 * (double)s->KG * (double)s->S * ((double)N + 1);
    if (!s->need_median || keys > BINV_KEYS)
        return NULL;
    struct binv_cache *bc = sk_xcalloc(1, sizeof *bc);
    bc->N1 = N + 1;
    bc->slot = sk_xcalloc((size_t)keys, sizeof *bc->slot);
    /* a leaf's index is below 4 KG (an inner node's below 2 KG) */
    bc->node = sk_xcalloc(4 * s->KG + 2, sizeof *bc->node);
    binv_nodes(bc->node, 1, 0, s->KG);
    return bc;
}

static void binv_cache_free(struct binv_cache *bc)
{
    if (!bc)
        return;
    free(bc->slot);
    free(bc->tab);
    free(bc->node);
    free(bc);
}

/* The slot of key KEY made: the draw of Binomial(c, Wl / W), or 1 (GSL's)
 * when it is BTPE's or there is no room. */
static uint32_t binv_slot_make(struct binv_cache *bc, size_t key,
                               unsigned long Wl, unsigned long W,
                               unsigned long c)
{
    bc->slot[key] = 1;
    if (bc->used < BINV_TABLES) {
        if (bc->used == bc->cap) {
            bc->cap = bc->cap ? 2 * bc->cap : 64;
            bc->tab = sk_xreallocarray(bc->tab, bc->cap, sizeof *bc->tab);
        }
        if (binv_make((double)Wl / (double)W, (unsigned)c,
                      &bc->tab[bc->used]) == 0)
            bc->slot[key] = (uint32_t)(2 + bc->used++ * sizeof *bc->tab);
    }
    return bc->slot[key];
}

/* median_binomial's rare path: no cache, the key's draw not made yet, or
 * GSL's. */
static unsigned long median_binomial_slow(struct binv_cache *bc, gsl_rng *g,
                                          size_t key, unsigned long Wl,
                                          unsigned long W, unsigned long c)
{
    uint32_t slot = !bc ? 1 : bc->slot[key];
    if (slot == 0)
        slot = binv_slot_make(bc, key, Wl, W, c);
    if (slot == 1)
        return gsl_ran_binomial(g, (double)Wl / (double)W, (unsigned)c);
    return binv_draw(g->state, binv_at(bc, slot));
}

/* gsl_ran_binomial(g, Wl / W, c) at node k, stratum t: by the draw of
 * (k, t, c), made when first met. */
static inline unsigned long median_binomial(const struct boot_set *s,
                                            struct binv_cache *bc, gsl_rng *g,
                                            size_t k, size_t t,
                                            unsigned long Wl, unsigned long W,
                                            unsigned long c)
{
    size_t key = bc ? (k * s->S + t) * bc->N1 + c : 0;
    uint32_t slot = bc ? bc->slot[key] : 0;
    if (slot < 2)
        return median_binomial_slow(bc, g, key, Wl, W, c);
    return binv_draw(g->state, binv_at(bc, slot));
}

/* The two ranks r1 <= r2 of a resample by binomial splitting over the
 * sorted distinct values [lo, hi), node NODE of the splits (binv_cache):
 * c[t] draws of stratum t fall in it. */
static void split_ranks(const struct boot_set *s, struct binv_cache *bc,
                        gsl_rng *g, size_t node, size_t lo, size_t hi,
                        unsigned long *c, unsigned long r1, unsigned long r2,
                        double *v1, double *v2, unsigned long *tmp,
                        unsigned long *right)
{
    size_t K1 = s->KG + 1;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        unsigned long cl = 0;
        for (size_t t = 0; t < s->S; t++) {
            const unsigned long *cum = &s->gcum[t * K1];
            unsigned long W = cum[hi] - cum[lo], Wl = cum[mid] - cum[lo];
            unsigned long x = 0;
            if (c[t] && Wl)
                x = Wl == W ? c[t]
                    : median_binomial(s, bc, g, node, t, Wl, W, c[t]);
            tmp[t] = x;
            cl += x;
        }
        if (r2 <= cl) {
            for (size_t t = 0; t < s->S; t++)
                c[t] = tmp[t];
            hi = mid;
            node = 2 * node;
        } else if (r1 > cl) {
            for (size_t t = 0; t < s->S; t++)
                c[t] -= tmp[t];
            lo = mid;
            node = 2 * node + 1;
            r1 -= cl;
            r2 -= cl;
        } else {
            /* r1 left, r2 right: two independent single-rank descents */
            for (size_t t = 0; t < s->S; t++) {
                right[t] = c[t] - tmp[t];
                c[t] = tmp[t];
            }
            double dummy;
            split_ranks(s, bc, g, 2 * node, lo, mid, c, r1, r1, v1, &dummy,
                        tmp, NULL);
            split_ranks(s, bc, g, 2 * node + 1, mid, hi, right, r2 - cl,
                        r2 - cl, v2, &dummy, tmp, NULL);
            return;
        }
    }
    *v1 = *v2 = s->gv[lo];
}

/* split_ranks of one stratum (no strata, one sample): the same draws in
 * the same order, its counts in scalars. */
static void split_one(const struct boot_set *s, struct binv_cache *bc,
                      gsl_rng *g, size_t node, size_t lo, size_t hi,
                      unsigned long c, unsigned long r1, unsigned long r2,
                      double *v1, double *v2)
{
    const unsigned long *cum = s->gcum;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        unsigned long W = cum[hi] - cum[lo], Wl = cum[mid] - cum[lo];
        unsigned long x = 0;
        if (c && Wl)
            x = Wl == W ? c : median_binomial(s, bc, g, node, 0, Wl, W, c);
        if (r2 <= x) {
            c = x;
            hi = mid;
            node = 2 * node;
        } else if (r1 > x) {
            c -= x;
            lo = mid;
            node = 2 * node + 1;
            r1 -= x;
            r2 -= x;
        } else {
            double dummy;
            split_one(s, bc, g, 2 * node, lo, mid, x, r1, r1, v1, &dummy);
            split_one(s, bc, g, 2 * node + 1, mid, hi, c - x, r2 - x, r2 - x,
                      v2, &dummy);
            return;
        }
    }
    *v1 = *v2 = s->gv[lo];
}

/* split_one with the draws' cache (bc): the same draws in the same
 * order, without recursion and with less work a level (the node's
 * values from bc->node; by rows W > Wl >= 1 at every inner node and
 * c >= 1 on the way down, so every level draws). The common descent goes
 * on with r1 alone when the ranks part (r1 left, r2 right: once at
 * most), the right one's start kept, then run from it. The way down is
 * random (one level in two turns the other way): taken by masks, not by
 * branches the processor would mispredict. */
static void split_fast(const struct boot_set *s, struct binv_cache *bc,
                       gsl_rng *g, unsigned long c, unsigned long r1,
                       unsigned long r2, double *v1, double *v2)
{
    const struct binv_node *nd = bc->node;
    const unsigned long *cum = s->gcum;
    struct rng_state *st = g->state;
    size_t N1 = bc->N1, node = 1, pnode = 0;
    unsigned long pc = 0, pr = 0;
    int parted = 0;
    for (int pass = 0;; pass++) {
        while (nd[node].hi - nd[node].lo > 1) {
            size_t key = node * N1 + c;
            uint32_t slot = bc->slot[key];
            unsigned long x;
            if (slot >= 2) {
                x = binv_draw(st, binv_at(bc, slot));
            } else {
                size_t lo = nd[node].lo, hi = nd[node].hi;
                size_t mid = lo + (hi - lo) / 2;
                unsigned long W = cum[hi] - cum[lo], Wl = cum[mid] - cum[lo];
                x = !c || !Wl ? 0 : Wl == W ? c   /* (not met) */
                    : median_binomial_slow(bc, g, key, Wl, W, c);
            }
            int left = r1 <= x;
            if (left && r2 > x) {       /* r1 left, r2 right */
                pnode = 2 * node + 1;
                pc = c - x;
                pr = r2 - x;
                parted = 1;
                r2 = r1;
            }
            /* L all ones to go left, 0 right */
            unsigned long L = -(unsigned long)left, d = x & ~L;
            node = 2 * node + 1 + L;
            c = (x & L) | ((c - x) & ~L);
            r1 -= d;
            r2 -= d;
        }
        if (pass == 0) {
            *v1 = s->gv[nd[node].lo];
            if (!parted) {
                *v2 = *v1;
                return;
            }
            node = pnode;
            c = pc;
            r1 = r2 = pr;
        } else {
            *v2 = s->gv[nd[node].lo];
            return;
        }
    }
}

static void scratch_init(struct scratch *w, const struct boot_set *s)
{
    for (int r = 0; r < BATCH; r++)
        w->g[r] = gsl_rng_alloc(rng_gsl);
    w->sums = sk_xcalloc(BATCH * s->P, sizeof *w->sums);
    w->maxch = 1;
    for (size_t t = 0; t < s->S; t++) {
        size_t len = s->su[t + 1] - s->su[t];
        size_t nch = (len + CHUNK - 1) / CHUNK;
        w->maxch = nch > w->maxch ? nch : w->maxch;
    }
    w->mc = sk_xcalloc(BATCH * (s->by_counts ? (s->K ? s->K : 1) : w->maxch),
                       sizeof *w->mc);
    w->uc = s->need_counts && !s->by_counts
        ? sk_xcalloc(BATCH * s->K, sizeof *w->uc) : NULL;
    w->chp = sk_xcalloc(w->maxch, sizeof *w->chp);
    w->c = sk_xcalloc(3 * s->S, sizeof *w->c);
    w->idx = sk_xcalloc(IDXBUF, sizeof *w->idx);
    w->bc = binv_cache_new(s);
}

static void scratch_free(struct scratch *w)
{
    for (int r = 0; r < BATCH; r++)
        gsl_rng_free(w->g[r]);
    free(w->sums);
    free(w->mc);
    free(w->uc);
    free(w->chp);
    free(w->c);
    free(w->idx);
    binv_cache_free(w->bc);
}

/* Resample stratum t by its counts: one multinomial draw over its
 * distinct rows per replicate, their features added count times. */
static void resample_counts(const struct boot_set *s, struct scratch *w,
                            size_t t, size_t nb)
{
    size_t P = s->P, u0 = s->su[t], len = s->su[t + 1] - u0;
    for (size_t r = 0; r < nb; r++) {
        unsigned *cnt = &w->mc[r * s->K + u0];
        gsl_ran_multinomial(w->g[r], len, (unsigned)s->sn[t], s->sp[t], cnt);
        double *S = &w->sums[r * P];
        for (size_t u = 0; u < len; u++)
            if (cnt[u])
                for (size_t p = 0; p < P; p++)
                    S[p] += cnt[u] * s->F[(u0 + u) * P + p];
    }
}

/* The accumulation kernels: the features of the k rows idx[] of the chunk
 * at unit BASE added to S. These are the innermost loops of a bootstrap
 * by rows; the independent chains (4 for the mean, 2 for P = 2) let the
 * additions overlap, and their order fixes the replicates' last bits. */
static inline void sum_mean(const struct boot_set *s, size_t base,
                            const uint32_t *idx, unsigned k, double *S)
{
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    const double *v = s->v1 + base;
    unsigned q = 0;
    for (; q + 4 <= k; q += 4) {
        a0 += v[idx[q]];
        a1 += v[idx[q + 1]];
        a2 += v[idx[q + 2]];
        a3 += v[idx[q + 3]];
    }
    for (; q < k; q++)
        a0 += v[idx[q]];
    S[0] += (a0 + a1) + (a2 + a3);
}

static inline void sum_two(const struct boot_set *s, size_t base,
                           const uint32_t *idx, unsigned k, double *S)
{
    double a0 = 0, a1 = 0, b0s = 0, b1s = 0;
    const double *F = s->F + base * 2;
    unsigned q = 0;
    for (; q + 2 <= k; q += 2) {
        a0 += F[2 * idx[q]];
        a1 += F[2 * idx[q] + 1];
        b0s += F[2 * idx[q + 1]];
        b1s += F[2 * idx[q + 1] + 1];
    }
    for (; q < k; q++) {
        a0 += F[2 * idx[q]];
        a1 += F[2 * idx[q] + 1];
    }
    S[0] += a0 + b0s;
    S[1] += a1 + b1s;
}

/* sum_two of the rows by their centred values v1 (w = 1, F not stored):
 * the same sums, x and x^2, in the same order. */
static inline void sum_two_v(const struct boot_set *s, size_t base,
                             const uint32_t *idx, unsigned k, double *S)
{
    double a0 = 0, a1 = 0, b0s = 0, b1s = 0;
    const double *v = s->v1 + base;
    unsigned q = 0;
    for (; q + 2 <= k; q += 2) {
        double y = v[idx[q]], z = v[idx[q + 1]];
        a0 += y;
        a1 += y * y;
        b0s += z;
        b1s += z * z;
    }
    for (; q < k; q++) {
        double y = v[idx[q]];
        a0 += y;
        a1 += y * y;
    }
    S[0] += a0 + b0s;
    S[1] += a1 + b1s;
}

/* sum_features of two groups' rows of stratum t by their centred values
 * (F not stored): x and x^2 into S[2t], S[2t + 1], the other group's
 * zeros left out (adding 0 changes no sum). */
static inline void sum_group_v(const struct boot_set *s, size_t base,
                               const uint32_t *idx, unsigned k, double *S,
                               size_t t)
{
    const double *v = s->v1 + base;
    double *S0 = &S[2 * t], *S1 = &S[2 * t + 1];
    for (unsigned q = 0; q < k; q++) {
        double y = v[idx[q]];
        *S0 += y;
        *S1 += y * y;
    }
}

static inline void sum_features(const struct boot_set *s, size_t base,
                                const uint32_t *idx, unsigned k, double *S)
{
    size_t P = s->P;
    for (unsigned q = 0; q < k; q++) {
        const double *f = s->F + (base + idx[q]) * P;
        for (size_t p = 0; p < P; p++)
            S[p] += f[p];
    }
}

/* Resample the rows of stratum t: a multinomial over its chunks of CHUNK
 * rows, then uniform draws inside each chunk (which stays in cache) for
 * the nb replicates of the batch. MEAN_ONLY: only S[0] is needed. */
static void resample_rows(const struct boot_set *s, struct scratch *w,
                          size_t t, size_t nb, int mean_only)
{
    size_t P = s->P, u0 = s->su[t], len = s->su[t + 1] - u0;
    size_t nch = (len + CHUNK - 1) / CHUNK;
    for (size_t ch = 0; ch < nch; ch++)
        w->chp[ch] = (double)(ch + 1 < nch ? CHUNK : len - ch * CHUNK);
    for (size_t r = 0; r < nb; r++) {
        if (nch > 1) {
            gsl_ran_multinomial(w->g[r], nch, (unsigned)s->sn[t], w->chp,
                                &w->mc[r * w->maxch]);
            continue;
        }
        /* one chunk: GSL's multinomial is then one binomial draw with
         * p = 1, which takes one uniform and gives every row to it */
        (void)rng_next32(w->g[r]->state);  /* gsl_rng_uniform's word */
        w->mc[r * w->maxch] = (unsigned)s->sn[t];
    }
    for (size_t ch = 0; ch < nch; ch++) {
        size_t base = u0 + ch * CHUNK;
        uint32_t clen = (uint32_t)w->chp[ch];
        for (size_t r = 0; r < nb; r++) {
            struct rng_state *st = w->g[r]->state;
            unsigned m = w->mc[r * w->maxch + ch];
            double *S = &w->sums[r * P];
            while (m > 0) {
                unsigned k = m < IDXBUF ? m : IDXBUF;
                rng_below_fill(st, clen, w->idx, k);
                m -= k;
                if (w->uc) {    /* theta: the rows drawn, counted */
                    unsigned *uc = &w->uc[r * s->K + base];
                    for (unsigned q = 0; q < k; q++)
                        uc[w->idx[q]]++;
                }
                if (mean_only)
                    sum_mean(s, base, w->idx, k, S);
                else if (!s->F && s->kind == KIND_TWO)
                    sum_group_v(s, base, w->idx, k, S, t);
                else if (!s->F)
                    sum_two_v(s, base, w->idx, k, S);
                else if (P == 2)
                    sum_two(s, base, w->idx, k, S);
                else
                    sum_features(s, base, w->idx, k, S);
            }
        }
    }
}

/* The moment statistics of replicate b from its feature sums S. */
static void moment_stats(const struct job *jb, size_t b, const double *S)
{
    const struct boot_set *s = jb->s;
    size_t B = jb->B;
    for (size_t i = 0; i < s->nstats; i++) {
        enum boot_stat st = s->stats[i];
        if (st == BOOT_MEDIAN)
            continue;
        jb->t[i * B + b] = from_sums(s, st, S, (double)s->n);
        if (jb->se)
            jb->se[i * B + b] = st == BOOT_MEAN
                ? replicate_se(s, S, (double)s->n) : NAN;
    }
}

/* The two-group statistics of replicate b from the feature sums S of its
 * groups, and theta from the counts cnt of its units (apart from
 * moment_stats, which stays as small as the one-group path wants). */
static void two_stats(const struct job *jb, size_t b, const double *S,
                      const unsigned *cnt)
{
    const struct boot_set *s = jb->s;
    size_t B = jb->B;
    double na = (double)s->sn[0], nb = (double)s->sn[1];
    for (size_t i = 0; i < s->nstats; i++) {
        enum boot_stat st = s->stats[i];
        if (st == BOOT_DIFF_MEDIAN)
            continue;
        jb->t[i * B + b] = st == BOOT_THETA ? theta_of(s, cnt)
                         : two_from_sums(s, st, S, na, nb, s->J);
        if (jb->se)
            jb->se[i * B + b] = st == BOOT_DIFF_MEAN ? two_se(s, S, na, nb)
                                                     : NAN;
    }
}

/* The median of replicate b, from its own stream (bit 63 set; g already
 * at its start when PRIMED). */
static void median_stat(const struct job *jb, struct scratch *w, gsl_rng *g,
                        size_t b, int primed)
{
    const struct boot_set *s = jb->s;
    size_t B = jb->B;
    if (!primed)
        rng_stream(g, jb->seed, jb->family << 40 | b | (UINT64_C(1) << 63));
    unsigned long r1, r2;
    double v1, v2, med = NAN;
    if (s->kind != KIND_TWO) {
        median_ranks(s->n, &r1, &r2);
        for (size_t t = 0; t < s->S; t++)
            w->c[t] = s->sn[t];
        if (s->S == 1 && w->bc)
            split_fast(s, w->bc, g, s->sn[0], r1, r2, &v1, &v2);
        else if (s->S == 1)
            split_one(s, w->bc, g, 1, 0, s->KG, s->sn[0], r1, r2, &v1, &v2);
        else
            split_ranks(s, w->bc, g, 1, 0, s->KG, w->c, r1, r2, &v1, &v2,
                        w->c + s->S, w->c + 2 * s->S);
        med = median_of(v1, v2);
    } else {
        /* median-diff: the median of each group, A then B, drawn apart
         * (the other group's count 0) */
        double m[2] = { NAN, NAN };
        for (size_t t = 0; t < 2; t++) {
            if (!s->sn[t])
                continue;
            w->c[t] = s->sn[t];
            w->c[1 - t] = 0;
            median_ranks(s->sn[t], &r1, &r2);
            split_ranks(s, w->bc, g, 1, 0, s->KG, w->c, r1, r2, &v1, &v2,
                        w->c + 2, w->c + 4);
            m[t] = median_of(v1, v2);
        }
        med = m[1] - m[0];
    }
    for (size_t i = 0; i < s->nstats; i++)
        if (s->stats[i] == BOOT_MEDIAN || s->stats[i] == BOOT_DIFF_MEDIAN) {
            jb->t[i * B + b] = med;
            if (jb->se)
                jb->se[i * B + b] = NAN;
        }
}

/* Take batches of BATCH replicates until none is left. */
static void *worker(void *arg)
{
    struct job *jb = arg;
    const struct boot_set *s = jb->s;
    size_t P = s->P, B = jb->B;
    struct scratch w;
    scratch_init(&w, s);
    /* 20 rows or more take 9 words or more a replicate (by rows, a word
     * for the chunks, then 2 for each 5 rows; by counts, one or more
     * for each distinct row), 16 or fewer only below 40 */
    int ahead = s->n >= 20;
    for (;;) {
        size_t b0 = __atomic_fetch_add(&jb->next, 1, __ATOMIC_RELAXED) * BATCH;
        if (b0 >= B)
            break;
        size_t nb = B - b0 < BATCH ? B - b0 : BATCH;
        memset(w.sums, 0, BATCH * P * sizeof *w.sums);
        if (w.uc)
            memset(w.uc, 0, BATCH * s->K * sizeof *w.uc);
        if (s->need_moments) {
            uint64_t st[BATCH];
            for (size_t r = 0; r < nb; r++)
                st[r] = jb->family << 40 | (b0 + r);
            if (ahead)
                rng_streams_ahead(w.g, nb, jb->seed, st, 2);
            else
                for (size_t r = 0; r < nb; r++)
                    rng_stream(w.g[r], jb->seed, st[r]);
            for (size_t t = 0; t < s->S; t++) {
                if (s->su[t + 1] == s->su[t])
                    continue;
                if (s->by_counts)
                    resample_counts(s, &w, t, nb);
                else
                    resample_rows(s, &w, t, nb, s->first_only && !jb->se);
            }
        }
        /* the medians' streams (bit 63 set), each taking a word or more
         * when there are two values or more: their first blocks at once */
        int primed = s->need_median && s->KG >= 2;
        if (primed) {
            uint64_t st[BATCH];
            for (size_t r = 0; r < nb; r++)
                st[r] = jb->family << 40 | (b0 + r) | (UINT64_C(1) << 63);
            rng_streams_ahead(w.g, nb, jb->seed, st, 1);
        }
        for (size_t r = 0; r < nb; r++) {
            if (s->kind != KIND_TWO)
                moment_stats(jb, b0 + r, &w.sums[r * P]);
            else
                two_stats(jb, b0 + r, &w.sums[r * P], !s->need_counts ? NULL
                          : s->by_counts ? &w.mc[r * s->K] : &w.uc[r * s->K]);
            if (s->need_median)
                median_stat(jb, &w, w.g[r], b0 + r, primed);
        }
        __atomic_fetch_add(&jb->done, nb, __ATOMIC_RELAXED);
    }
    scratch_free(&w);
    return NULL;
}

int boot_replicates(const struct boot_set *s, size_t B, uint64_t seed,
                    uint64_t family, unsigned threads, double *t, double *se,
                    void (*progress)(size_t done, size_t total, void *ctx),
                    void *ctx)
{
    struct job jb = { s, B, seed, family, t, se, 0, 0 };
    if (threads < 1)
        threads = 1;
    size_t batches = (B + BATCH - 1) / BATCH;
    if (threads > batches)
        threads = batches ? (unsigned)batches : 1;
    /* A small job (about B (K + 16) < 2^18 steps, well under a
     * millisecond) runs in this thread: starting threads would cost more
     * than the job, once per group of -g. The replicates are the same. */
    size_t units = s->need_moments ? s->K : 0;
    units += s->need_median ? s->S * 8 : 0;
    if ((threads == 1 && !progress) ||
        (double)B * (double)(units + 16) < 262144.0) {
        worker(&jb);
        if (progress)
            progress(B, B, ctx);
        return 0;
    }
    pthread_t *tid = sk_xcalloc(threads, sizeof *tid);
    unsigned started = 0;
    for (; started < threads; started++)
        if (pthread_create(&tid[started], NULL, worker, &jb) != 0)
            break;
    if (started == 0) {
        free(tid);
        return -1;
    }
    if (progress) {
        /* poll every 1, 2, 4 ... ms up to 0.1 s: a short job does not
         * wait for the first tenth of a second */
        struct timespec ts = { 0, 1000000 };
        while (__atomic_load_n(&jb.done, __ATOMIC_RELAXED) < B) {
            progress(__atomic_load_n(&jb.done, __ATOMIC_RELAXED), B, ctx);
            nanosleep(&ts, NULL);
            if (ts.tv_nsec < 100000000)
                ts.tv_nsec = ts.tv_nsec * 2 > 100000000 ? 100000000
                                                        : ts.tv_nsec * 2;
        }
        progress(B, B, ctx);
    }
    for (unsigned i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    free(tid);
    return 0;
}

/* ---- intervals ---- */

/* sqrt(v) of a long double variance: sqrt((double)v) as before, in long
 * double when v is out of a double's normal range (replicates of about
 * 1e300 or 1e-320). */
static double sqrt_var(long double v)
{
    double d = (double)v;
    if (isfinite(d) && (d >= DBL_MIN || v == 0 || isnan(d)))
        return sqrt(d);
    return (double)sqrtl(v);
}

/* Replicates within this of t0 count as equal to it: 1e-9 of the larger
 * of |t0| and the replicates' spread (their range / 4), far below the gap
 * between distinct values of a discrete bootstrap distribution, far above
 * the rounding of sums taken in another order. */
static double tie_tolerance(const double *tsort, size_t R, double t0)
{
    double spread = R ? (tsort[R - 1] - tsort[0]) / 4 : 0;
    if (R && !isfinite(spread))     /* a range beyond 1.8e308 */
        spread = tsort[R - 1] / 4 - tsort[0] / 4;
    return 1e-9 * fmax(fabs(t0), spread);
}

double boot_norm_inter(const double *t, size_t R, double alpha, int *extreme)
{
    double rk = ((double)R + 1) * alpha;
    if (!(rk > 1 && rk < (double)R))
        *extreme = 1;
    double k = trunc(rk);
    if (k <= 0)
        return t[0];
    if (k >= (double)R)
        return t[R - 1];
    size_t ki = (size_t)k;
    if (k == rk)
        return t[ki - 1];
    /* interpolate on the normal quantile scale between t(k) and t(k+1) */
    double z = dist_qnorm(alpha), zk = dist_qnorm(k / ((double)R + 1));
    double zk1 = dist_qnorm((k + 1) / ((double)R + 1));
    double tk = t[ki - 1], tk1 = t[ki];
    return tk + (z - zk) / (zk1 - zk) * (tk1 - tk);
}

int boot_interval(enum boot_method m, const double *tsort, size_t R,
                  double t0, double level, double a, double se0,
                  const double *zsort, size_t Rz, struct boot_ci *ci)
{
    double alpha = 1 - level;
    ci->lo = ci->hi = ci->z0 = ci->a = NAN;
    ci->extreme = 0;
    if (R < 2 || !isfinite(t0))
        return -1;
    switch (m) {
    case BOOT_PERC:
    case BOOT_BASIC: {
        double q1 = boot_norm_inter(tsort, R, alpha / 2, &ci->extreme);
        double q2 = boot_norm_inter(tsort, R, 1 - alpha / 2, &ci->extreme);
        if (m == BOOT_PERC) {
            ci->lo = q1;
            ci->hi = q2;
        } else {
            ci->lo = 2 * t0 - q2;
            ci->hi = 2 * t0 - q1;
            if (!isfinite(ci->lo) || !isfinite(ci->hi)) {
                /* 2 t0 overflowed (near 1e308) */
                ci->lo = (double)(2 * (long double)t0 - q2);
                ci->hi = (double)(2 * (long double)t0 - q1);
            }
        }
        return 0;
    }
    case BOOT_NORM: {
        long double sum = 0;
        for (size_t i = 0; i < R; i++)
            sum += tsort[i];
        double mean = (double)(sum / R);
        long double ss = 0;
        for (size_t i = 0; i < R; i++)
            ss += (tsort[i] - (long double)mean) * (tsort[i] - mean);
        double sd = sqrt_var(ss / (R - 1));
        double bias = mean - t0, merr = sd * dist_qnorm(1 - alpha / 2);
        ci->lo = t0 - bias - merr;
        ci->hi = t0 - bias + merr;
        return 0;
    }
    case BOOT_BCA: {
        /* z0 counts replicates equal to t0 as one half */
        double tol = tie_tolerance(tsort, R, t0);
        size_t below = 0, equal = 0;
        for (size_t i = 0; i < R; i++) {
            below += tsort[i] < t0 - tol;
            equal += fabs(tsort[i] - t0) <= tol;
        }
        double z0 = dist_qnorm(((double)below + 0.5 * (double)equal) /
                               (double)R);
        ci->z0 = z0;
        ci->a = a;
        if (!isfinite(z0) || !isfinite(a))
            return -1;
        double z[2] = { dist_qnorm(alpha / 2), dist_qnorm(1 - alpha / 2) };
        double q[2];
        for (int i = 0; i < 2; i++) {
            double adj = dist_pnorm(z0 + (z0 + z[i]) / (1 - a * (z0 + z[i])));
            q[i] = boot_norm_inter(tsort, R, adj, &ci->extreme);
        }
        ci->lo = q[0];
        ci->hi = q[1];
        return 0;
    }
    case BOOT_STUD: {
        if (Rz < 2 || !(se0 > 0))
            return -1;
        double q1 = boot_norm_inter(zsort, Rz, alpha / 2, &ci->extreme);
        double q2 = boot_norm_inter(zsort, Rz, 1 - alpha / 2, &ci->extreme);
        ci->lo = t0 - se0 * q2;
        ci->hi = t0 - se0 * q1;
        return 0;
    }
    }
    return -1;
}

/* Replicates taking at most FEW_VALUES distinct values (a median's: of a
 * few hundred possible midpoints) are sorted by counting them; dsort
 * otherwise, and when there are both -0 and 0 (whose order it keeps). */
#define FEW_VALUES 2048
#define FEW_SLOTS 4096          /* the hash table: twice FEW_VALUES */

static size_t few_slot(const uint64_t *key, const size_t *cnt, uint64_t k)
{
    size_t h = (size_t)((k * UINT64_C(0x9E3779B97F4A7C15)) >> 52);
    while (cnt[h] && key[h] != k)
        h = (h + 1) & (FEW_SLOTS - 1);
    return h;
}

/* x[0..n) sorted as dsort sorts it. */
static void sort_reps(double *x, size_t n)
{
    if (n < 4 * FEW_SLOTS) {
        dsort(x, n);
        return;
    }
    uint64_t *key = sk_xcalloc(FEW_SLOTS, sizeof *key);
    size_t *cnt = sk_xcalloc(FEW_SLOTS, sizeof *cnt), distinct = 0;
    double few[FEW_VALUES];
    int zero[2] = { 0, 0 };
    for (size_t i = 0; i < n && distinct <= FEW_VALUES; i++) {
        uint64_t k;
        memcpy(&k, &x[i], sizeof k);
        size_t h = few_slot(key, cnt, k);
        if (!cnt[h]++) {
            key[h] = k;
            if (distinct < FEW_VALUES)
                few[distinct] = x[i];
            distinct++;
            if (x[i] == 0)
                zero[signbit(x[i]) != 0] = 1;
        }
    }
    if (distinct > FEW_VALUES || (zero[0] && zero[1])) {
        dsort(x, n);
    } else {
        dsort(few, distinct);
        size_t o = 0;
        for (size_t j = 0; j < distinct; j++) {
            uint64_t k;
            memcpy(&k, &few[j], sizeof k);
            for (size_t c = cnt[few_slot(key, cnt, k)]; c > 0; c--)
                x[o++] = few[j];
        }
    }
    free(key);
    free(cnt);
}

/* The finite replicates of t[0..B), sorted, into *ts (R of them), and for
 * the mean with se, the finite (t - t0) / se sorted into *zs (Rz). */
static void sort_replicates(const double *t, const double *se, size_t B,
                            double t0, double **ts, size_t *R, double **zs,
                            size_t *Rz)
{
    *ts = sk_xcalloc(B ? B : 1, sizeof **ts);
    for (size_t b = 0; b < B; b++)
        if (isfinite(t[b]))
            (*ts)[(*R)++] = t[b];
    sort_reps(*ts, *R);
    if (!se)
        return;
    *zs = sk_xcalloc(B ? B : 1, sizeof **zs);
    for (size_t b = 0; b < B; b++) {
        double z = (t[b] - t0) / se[b];
        if (isfinite(z))
            (*zs)[(*Rz)++] = z;
    }
    sort_reps(*zs, *Rz);
}

/* bias = mean(ts) - t0 and sd(ts), two-pass in long double. */
static void replicate_moments(const double *ts, size_t R, double t0,
                              double *bias, double *sd)
{
    *bias = *sd = NAN;
    if (R < 1)
        return;
    long double sum = 0, ss = 0;
    for (size_t b = 0; b < R; b++)
        sum += ts[b];
    long double mean = sum / R;
    for (size_t b = 0; b < R; b++)
        ss += (ts[b] - mean) * (ts[b] - mean);
    *bias = (double)(mean - t0);
    *sd = R > 1 ? sqrt_var(ss / (R - 1)) : NAN;
}

/* What boot_results knows of statistic i before the methods. */
struct reps {
    const struct boot_set *s;
    size_t i, B, R, Rz;
    const double *ts, *zs;
    double t0, level;
    int degenerate;
};

/* The interval of method M into R (whose other fields are set). */
static void method_result(const struct reps *p, enum boot_method m,
                          struct boot_result *r)
{
    const struct boot_set *s = p->s;
    if (m == BOOT_STUD && s && p->Rz < p->R) {
        r->notes |= BOOT_NOTE_SE_ZERO;
        r->nonfinite = p->B - p->Rz;
    }
    double a = NAN;
    if (m == BOOT_BCA && s) {
        int a_undefined;
        a = accel(s, p->i, &a_undefined);
        if (a_undefined && !p->degenerate) {
            /* no acceleration without the leave-one-out values */
            r->notes |= BOOT_NOTE_A_UNDEFINED;
            return;
        }
        if (isnan(a) && !p->degenerate)
            r->notes |= BOOT_NOTE_A_ZERO;
        if (isnan(a))
            a = 0;
    }
    struct boot_ci ci;
    if (p->degenerate) {
        r->lo = r->hi = p->t0;
        if (m == BOOT_BCA)
            r->z0 = r->a = 0;
    } else if (!s || boot_interval(m, p->ts, p->R, p->t0, p->level, a,
                                   s->se_mean, p->zs, p->Rz, &ci) != 0) {
        if (s && m == BOOT_BCA) {
            r->z0 = ci.z0;
            r->a = a;
            if (!isfinite(ci.z0))
                r->notes |= BOOT_NOTE_BCA_UNDEFINED;
        }
    } else {
        r->lo = ci.lo;
        r->hi = ci.hi;
        if (m == BOOT_BCA) {
            r->z0 = ci.z0;
            r->a = ci.a;
        }
        if (ci.extreme)
            r->notes |= BOOT_NOTE_EXTREME;
    }
}

size_t boot_results(const struct boot_set *s, size_t i, const double *t,
                    const double *se, size_t B, double level, unsigned mask,
                    struct boot_result *res)
{
    double t0 = s ? boot_estimate(s, i) : NAN;
    enum boot_stat st = s ? s->stats[i] : BOOT_MEAN;
    double *ts = NULL, *zs = NULL;
    size_t R = 0, Rz = 0;
    unsigned base = 0;
    int has_se = st == BOOT_MEAN || st == BOOT_DIFF_MEAN;
    if (s)
        sort_replicates(t, has_se ? se : NULL, B, t0, &ts, &R, &zs, &Rz);
    else
        base |= BOOT_NOTE_EMPTY;
    /* a variance of values of about 1e300 (1e-320) overflows (underflows)
     * a double: no estimate, no interval, a note */
    int range = s && s->scaled && st == BOOT_VAR && s->n > 1 &&
                (isinf(t0) || (t0 < DBL_MIN &&
                               from_sums_scaled(s, st, s->Ftot, (double)s->n,
                                                1) > 0));
    if (range) {
        base |= BOOT_NOTE_RANGE;
        t0 = NAN;
        R = 0;
    }
    int undefined = s && !isfinite(t0) && !range;
    /* two groups, one of them empty (or too small for g) */
    int nogroup = s && s->kind == KIND_TWO &&
                  (!s->sn[0] || !s->sn[1] || (st == BOOT_G && s->n < 4));
    if (nogroup)
        base |= BOOT_NOTE_NO_GROUP;
    else if (undefined)
        base |= BOOT_NOTE_UNDEFINED;
    double tol = R ? tie_tolerance(ts, R, t0) : 0;
    int degenerate = !undefined && R > 0 && fabs(ts[0] - t0) <= tol &&
                     fabs(ts[R - 1] - t0) <= tol;
    if (degenerate)
        base |= BOOT_NOTE_DEGENERATE;
    double bias, sd;
    replicate_moments(ts, R, t0, &bias, &sd);
    /* too many undefined replicates: the defined ones are a biased subset */
    int too_many = s && !undefined && !range &&
                   (double)(B - R) > BOOT_MAX_UNDEFINED * (double)B;
    if (too_many) {
        base |= BOOT_NOTE_TOO_UNDEFINED;
        base &= ~(unsigned)BOOT_NOTE_DEGENERATE;
        bias = sd = NAN;
    }
    struct reps p = { s, i, B, R, Rz, ts, zs, t0, level, degenerate };
    size_t k = 0;
    for (int m = BOOT_PERC; m <= BOOT_STUD; m++) {
        if (!(mask & (1u << m)))
            continue;
        struct boot_result *r = &res[k++];
        r->m = (enum boot_method)m;
        r->estimate = t0;
        r->bias = bias;
        r->se = sd;
        r->undefined = s && !range && !nogroup ? B - R : 0;
        r->nonfinite = r->undefined;
        r->notes = base;
        r->lo = r->hi = r->z0 = r->a = NAN;
        if (undefined || too_many || range)
            continue;
        if (m == BOOT_STUD && !has_se) {
            r->notes |= BOOT_NOTE_NO_STUDENT;
            continue;
        }
        method_result(&p, (enum boot_method)m, r);
    }
    free(ts);
    free(zs);
    return k;
}
