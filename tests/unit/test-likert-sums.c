/* test-likert-sums.c - CUnit tests of likert_sums (alpha from exact sums,
 * one row at a time): against psych::alpha (tests/ref/unit-likert-sums.R),
 * against likert_alpha (the stored rows) on random data, and the paths
 * that leave the 64-bit integers. */
#include <config.h>

#include <CUnit/CUnit.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib/likert.h"
#include "unit.h"

#define TOL 1e-13

/* BEGIN R REFERENCE VALUES */
/* psych::alpha: raw, std, Feldt lo, hi (alpha.ci), average_r, mean, sd; mean, sd with cumulative = TRUE */
static const double LS_TOTAL[9] = {
    0.60560801695895161,
    0.6556711867107744,
    0.38390569432726285,
    0.7667118005253174,
    0.24090996864514225,
    3.8821138211382116,
    0.83852044170986773,
    23.292682926829269,
    5.0311226502592064
};
/* item.stats$mean */
static const double LS_MEAN[6] = {
    3.6829268292682928,
    4.2926829268292686,
    3.6829268292682928,
    3.6341463414634148,
    3.6829268292682928,
    4.3170731707317076
};
/* item.stats$sd */
static const double LS_SD[6] = {
    1.3863445529565135,
    1.3274769760531515,
    1.5562619379500982,
    1.3556566224707423,
    1.4737541245106645,
    1.5562619379500982
};
/* item.stats$r.drop */
static const double LS_RDROP[6] = {
    0.81821386024919229,
    0.92793706730260428,
    0.66569360877216244,
    0.82167890858168402,
    0.84159428178601581,
    -0.91547904704427119
};
/* item.stats$raw.r */
static const double LS_RAWR[6] = {
    0.89895903685388023,
    0.96009636895792327,
    0.81996568328699937,
    0.89946174306963145,
    0.91644692217687995,
    -0.85828110889030496
};
/* alpha.drop$raw_alpha */
static const double LS_DROP_RAW[6] = {
    0.3469167565773093,
    0.3047710740265297,
    0.40100712355686574,
    0.3511719390263891,
    0.31740981304309662,
    0.94289606966205608
};
/* alpha.drop$std.alpha */
static const double LS_DROP_STD[6] = {
    0.43624727132041841,
    0.38730675826153238,
    0.49556253019963126,
    0.43472298032135565,
    0.42169124398906049,
    0.94494423375502445
};
/* alpha.drop$average_r */
static const double LS_DROP_R[6] = {
    0.1340232898598957,
    0.11223768180942453,
    0.16421590590230153,
    0.13330529679737241,
    0.12727477553777397,
    0.77440286196408548
};
/* sum of the codes: 955, of their squares: 4231 */
/* END R REFERENCE VALUES */

#define LS_N 41
#define LS_K 6

/* The codes of tests/ref/unit-likert-sums.R, item 6 reverse-keyed. */
static void ls_data(double *x)
{
    for (int r = 0; r < LS_N; r++) {
        int t = (r * 37) % 13;
        for (int i = 0; i < LS_K; i++) {
            int e = (r * 11 + i * i * 5 + r * i * 3) % 7;
            int c = 1 + ((t + e) / 3) % 7;
            x[r * LS_K + i] = i == LS_K - 1 ? 8 - c : c;
        }
    }
}

/* Alpha of n rows of x through likert_sums. */
static void by_sums(const double *x, size_t n, size_t k, int sum,
                    struct likert_alpha *a, struct likert_alpha_item *it)
{
    struct likert_sums *s = likert_sums_new(k);
    for (size_t r = 0; r < n; r++)
        likert_sums_add(s, x + r * k);
    CU_ASSERT_EQUAL(likert_sums_n(s), n);
    likert_sums_alpha(s, sum, 0.95, a, it);
    likert_sums_free(s);
}

static void test_sums_psych(void)
{
    double x[LS_N * LS_K], t = 0, tt = 0;
    ls_data(x);
    for (size_t i = 0; i < LS_N * LS_K; i++) {
        t += x[i];
        tt += x[i] * x[i];
    }
    CU_ASSERT_EQUAL(t, 955);      /* the data are R's */
    CU_ASSERT_EQUAL(tt, 4231);
    struct likert_alpha a;
    struct likert_alpha_item it[LS_K];
    by_sums(x, LS_N, LS_K, 0, &a, it);
    CU_ASSERT_EQUAL(a.k, LS_K);
    CU_ASSERT_EQUAL(a.n, LS_N);
    CU_ASSERT_EQUAL(a.constant, 0);
    ASSERT_REL(a.raw, LS_TOTAL[0], TOL);
    ASSERT_REL(a.std, LS_TOTAL[1], TOL);
    ASSERT_REL(a.lo, LS_TOTAL[2], 1e-11);
    ASSERT_REL(a.hi, LS_TOTAL[3], 1e-11);
    ASSERT_REL(a.mean_r, LS_TOTAL[4], TOL);
    ASSERT_REL(a.mean, LS_TOTAL[5], TOL);
    ASSERT_REL(a.sd, LS_TOTAL[6], TOL);
    for (size_t i = 0; i < LS_K; i++) {
        ASSERT_REL(it[i].mean, LS_MEAN[i], TOL);
        ASSERT_REL(it[i].sd, LS_SD[i], TOL);
        ASSERT_REL(it[i].r_drop, LS_RDROP[i], TOL);
        ASSERT_REL(it[i].raw_r, LS_RAWR[i], TOL);
        ASSERT_REL(it[i].alpha_drop, LS_DROP_RAW[i], TOL);
        ASSERT_REL(it[i].std_drop, LS_DROP_STD[i], TOL);
        ASSERT_REL(it[i].mean_r_drop, LS_DROP_R[i], TOL);
    }
    by_sums(x, LS_N, LS_K, 1, &a, NULL);
    ASSERT_REL(a.mean, LS_TOTAL[7], TOL);
    ASSERT_REL(a.sd, LS_TOTAL[8], TOL);
}

/* Every double of two results is the same (NAN as NAN). */
static int same(double u, double v)
{
    return (isnan(u) && isnan(v)) || u == v;
}

static void assert_same_ratios(const struct likert_alpha *a,
                               const struct likert_alpha_item *ia,
                               const struct likert_alpha *b,
                               const struct likert_alpha_item *ib, size_t k)
{
    CU_ASSERT(same(a->raw, b->raw) && same(a->std, b->std) &&
              same(a->lo, b->lo) && same(a->hi, b->hi) &&
              same(a->mean_r, b->mean_r));
    for (size_t i = 0; i < k; i++)
        CU_ASSERT(same(ia[i].r_drop, ib[i].r_drop) &&
                  same(ia[i].raw_r, ib[i].raw_r) &&
                  same(ia[i].alpha_drop, ib[i].alpha_drop) &&
                  same(ia[i].std_drop, ib[i].std_drop) &&
                  same(ia[i].mean_r_drop, ib[i].mean_r_drop));
}

/* Codes with up to 3 decimals stay integers (times 10^3 at most), others
 * go on in GMP integers, exactly: the data times 1/4 (0.25, 1.75: two
 * decimals), plus 2^-20 (a fraction of 20 decimals: GMP) or plus 2^40
 * (beyond 2^12: GMP) have the very same covariances up to an exact
 * factor, so every ratio is the same double as with the integers; the
 * means and sds are scaled or shifted exactly. */
static void test_sums_exact_paths(void)
{
    double x[LS_N * LS_K], y[LS_N * LS_K];
    ls_data(x);
    struct likert_alpha a, b;
    struct likert_alpha_item ia[LS_K], ib[LS_K];
    by_sums(x, LS_N, LS_K, 0, &a, ia);

    for (size_t i = 0; i < LS_N * LS_K; i++)
        y[i] = x[i] / 4;
    by_sums(y, LS_N, LS_K, 0, &b, ib);
    assert_same_ratios(&a, ia, &b, ib, LS_K);
    CU_ASSERT_EQUAL(b.mean, a.mean / 4);
    CU_ASSERT_EQUAL(b.sd, a.sd / 4);
    for (size_t i = 0; i < LS_K; i++)
        CU_ASSERT(ib[i].mean == ia[i].mean / 4 && ib[i].sd == ia[i].sd / 4);

    for (size_t i = 0; i < LS_N * LS_K; i++)
        y[i] = x[i] + 0x1p-20;
    by_sums(y, LS_N, LS_K, 0, &b, ib);
    assert_same_ratios(&a, ia, &b, ib, LS_K);
    CU_ASSERT_EQUAL(b.sd, a.sd);
    CU_ASSERT_EQUAL(b.mean, a.mean + 0x1p-20);

    const double big = 1099511627776.0;     /* 2^40 */
    for (size_t i = 0; i < LS_N * LS_K; i++)
        y[i] = x[i] + big;
    by_sums(y, LS_N, LS_K, 0, &b, ib);
    assert_same_ratios(&a, ia, &b, ib, LS_K);
    CU_ASSERT_EQUAL(b.sd, a.sd);
    /* 2^40 + 955 / 246: 15901.14 units of 2^-12, far from a tie */
    CU_ASSERT_EQUAL(b.mean, big + a.mean);
    for (size_t i = 0; i < LS_K; i++)
        CU_ASSERT_EQUAL(ib[i].sd, ia[i].sd);

    /* 20 rows in integers, then a code of 2^12 + 1 (and rows of
     * fractions): against the stored rows */
    memcpy(y, x, sizeof x);
    y[20 * LS_K + 2] = 2.5;      /* one decimal, then two, then three */
    y[25 * LS_K + 3] = 3.25;
    y[26 * LS_K + 0] = 1.125;
    by_sums(y, LS_N, LS_K, 0, &b, ib);
    likert_alpha(y, LS_N, LS_K, 0, 0.95, &a, ia);
    ASSERT_REL(b.raw, a.raw, 1e-14);
    ASSERT_REL(b.std, a.std, 1e-14);
    ASSERT_REL(b.mean, a.mean, 1e-15);
    ASSERT_REL(b.sd, a.sd, 1e-15);
    for (size_t i = 0; i < LS_K; i++) {
        ASSERT_REL(ib[i].r_drop, ia[i].r_drop, 1e-14);
        ASSERT_REL(ib[i].mean, ia[i].mean, 1e-15);
    }
    memcpy(y, x, sizeof x);
    y[20 * LS_K + 2] = 4097;
    y[30 * LS_K + 4] = 2.375;
    y[31 * LS_K + 1] = -1e-3;
    by_sums(y, LS_N, LS_K, 0, &b, ib);
    likert_alpha(y, LS_N, LS_K, 0, 0.95, &a, ia);
    ASSERT_REL(b.raw, a.raw, 1e-14);
    ASSERT_REL(b.std, a.std, 1e-14);
    ASSERT_REL(b.mean_r, a.mean_r, 1e-14);
    ASSERT_REL(b.mean, a.mean, 1e-15);
    ASSERT_REL(b.sd, a.sd, 1e-15);
    for (size_t i = 0; i < LS_K; i++) {
        ASSERT_REL(ib[i].r_drop, ia[i].r_drop, 1e-14);
        ASSERT_REL(ib[i].alpha_drop, ia[i].alpha_drop, 1e-14);
        ASSERT_REL(ib[i].std_drop, ia[i].std_drop, 1e-14);
        ASSERT_REL(ib[i].sd, ia[i].sd, 1e-15);
    }
}

/* The exact U within TOL of the two-pass V, relative (absolute when V is
 * 0), or both NAN; or where the rounding of the two passes left a residue
 * of an exact 0 in V: a correlation of 1e-20 for 0, or a sum of
 * correlations of 1e-38 that made a standardised alpha of -1e38 for NA. */
static int near(double u, double v, double tol)
{
    return same(u, v) || fabs(u - v) <= tol * (v == 0 ? 1 : fabs(v)) ||
           (u == 0 && fabs(v) < 1e-15) || (isnan(u) && fabs(v) > 1e30);
}

/* Random Likert codes (and random fractions, the GMP path, in every row
 * or only in the last, after blocks of integers; and half and quarter
 * points, integers at 1 or 2 decimals), a few item counts and row
 * counts, sum and mean scoring: as likert_alpha on the stored rows (two
 * passes in long double) within 1e-12. */
static void test_sums_random(void)
{
    gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(g, 20240601);
    static const size_t ks[] = { 2, 3, 7, 20, 128, 129 };
    static const size_t ns[] = { 2, 3, 50, 64, 1001 };
    for (size_t a_k = 0; a_k < sizeof ks / sizeof *ks; a_k++)
        for (size_t a_n = 0; a_n < sizeof ns / sizeof *ns; a_n++)
            for (int frac = 0; frac < 4; frac++) {
                size_t k = ks[a_k], n = ns[a_n];
                double *x = malloc(n * k * sizeof *x);
                CU_ASSERT_FATAL(x != NULL);
                for (size_t r = 0; r < n; r++) {
                    unsigned long t = gsl_rng_uniform_int(g, 5);
                    for (size_t i = 0; i < k; i++) {
                        double c = (double)(1 + (t + gsl_rng_uniform_int(g, 4))
                                            % 5);
                        if (frac == 1 || (frac == 2 && r == n - 1))
                            c += gsl_rng_uniform(g);
                        else if (frac == 3)
                            c += 0.25 * (double)gsl_rng_uniform_int(g, 4);
                        x[r * k + i] = c;
                    }
                }
                struct likert_alpha a, b;
                struct likert_alpha_item *ia = calloc(k, sizeof *ia),
                                         *ib = calloc(k, sizeof *ib);
                CU_ASSERT_FATAL(ia && ib);
                int sum = (int)(a_n % 2);
                likert_alpha(x, n, k, sum, 0.9, &a, ia);
                struct likert_sums *s = likert_sums_new(k);
                for (size_t r = 0; r < n; r++)
                    likert_sums_add(s, x + r * k);
                CU_ASSERT(memcmp(likert_sums_first(s), x,
                                 k * sizeof *x) == 0);
                likert_sums_alpha(s, sum, 0.9, &b, ib);
                likert_sums_free(s);
                CU_ASSERT(b.n == n && b.k == k && b.constant == a.constant);
                CU_ASSERT(near(b.raw, a.raw, 1e-12));
                CU_ASSERT(near(b.std, a.std, 1e-12));
                CU_ASSERT(near(b.mean_r, a.mean_r, 1e-12));
                CU_ASSERT(near(b.lo, a.lo, 1e-11) && near(b.hi, a.hi, 1e-11));
                CU_ASSERT(near(b.mean, a.mean, 1e-15));
                CU_ASSERT(near(b.sd, a.sd, 1e-14));
                for (size_t i = 0; i < k; i++) {
                    CU_ASSERT(near(ib[i].mean, ia[i].mean, 1e-15));
                    CU_ASSERT(near(ib[i].sd, ia[i].sd, 1e-14));
                    CU_ASSERT(near(ib[i].r_drop, ia[i].r_drop, 1e-11));
                    CU_ASSERT(near(ib[i].raw_r, ia[i].raw_r, 1e-11));
                    CU_ASSERT(near(ib[i].alpha_drop, ia[i].alpha_drop, 1e-11));
                    CU_ASSERT(near(ib[i].std_drop, ia[i].std_drop, 1e-11));
                }
                free(ia);
                free(ib);
                free(x);
            }
    gsl_rng_free(g);
}

/* No rows, one row, a constant item, a sum without variance (exactly:
 * item 2 is 6 - item 1), a code that is not finite. */
static void test_sums_degenerate(void)
{
    struct likert_alpha a;
    struct likert_alpha_item it[3];
    struct likert_sums *s = likert_sums_new(3);
    CU_ASSERT_PTR_NULL(likert_sums_first(s));
    likert_sums_alpha(s, 0, 0.95, &a, it);
    CU_ASSERT(a.n == 0 && isnan(a.raw) && isnan(a.mean) && isnan(a.sd));
    CU_ASSERT(isnan(it[0].mean) && isnan(it[0].sd));
    const double one[3] = { 1, 2, 3 };
    likert_sums_add(s, one);
    likert_sums_alpha(s, 0, 0.95, &a, it);
    CU_ASSERT(isnan(a.raw) && isnan(a.std) && isnan(a.lo) && isnan(a.sd));
    CU_ASSERT_EQUAL(a.mean, 2);
    CU_ASSERT(it[2].mean == 3 && isnan(it[2].sd));
    likert_sums_free(s);

    const double c[9] = { 1, 5, 2, 2, 5, 3, 3, 5, 5 };
    struct likert_alpha b;
    struct likert_alpha_item ib[3];
    by_sums(c, 3, 3, 0, &a, it);
    likert_alpha(c, 3, 3, 0, 0.95, &b, ib);
    CU_ASSERT(isfinite(a.raw) && a.raw == b.raw);
    CU_ASSERT_EQUAL(a.constant, 1);
    CU_ASSERT(isnan(a.std) && isnan(a.mean_r));
    CU_ASSERT(isnan(it[1].r_drop) && it[1].sd == 0);
    CU_ASSERT(isfinite(it[1].alpha_drop) && isfinite(it[1].std_drop));

    /* two rows: every correlation is 1 or -1; without item 1 the other
     * two correlate -1, and their standardised sum has no variance */
    const double pm[6] = { 1, 2, 5, 2, 3, 4 };
    by_sums(pm, 2, 3, 0, &a, it);
    CU_ASSERT_EQUAL(a.std, -3);
    CU_ASSERT(isnan(it[0].std_drop) && it[0].mean_r_drop == -1);
    CU_ASSERT(isnan(it[1].std_drop) && it[1].mean_r_drop == -1);
    CU_ASSERT(it[2].std_drop == 1 && it[2].mean_r_drop == 1);

    /* item 2 is 6 - item 1: the sum has no variance, exactly */
    const double z[6] = { 1, 5, 2, 4, 4, 2 };
    by_sums(z, 3, 2, 1, &a, it);
    CU_ASSERT(isnan(a.raw) && a.sd == 0);
    CU_ASSERT(isnan(it[0].raw_r) && it[0].r_drop == -1);

    const double inf[3] = { 1, INFINITY, 3 };
    s = likert_sums_new(3);
    likert_sums_add(s, one);
    likert_sums_add(s, inf);
    likert_sums_add(s, c);
    likert_sums_alpha(s, 0, 0.95, &a, it);
    CU_ASSERT(isnan(a.raw) && isnan(a.mean) && isnan(it[0].mean));
    likert_sums_free(s);
}

/* A scale wider than LIKERT_SUMS_KMAX keeps its rows: the very results
 * of likert_alpha. */
static void test_sums_wide(void)
{
    size_t k = LIKERT_SUMS_KMAX + 3, n = 9;
    double *x = malloc(n * k * sizeof *x);
    CU_ASSERT_FATAL(x != NULL);
    for (size_t r = 0; r < n; r++)
        for (size_t i = 0; i < k; i++)
            x[r * k + i] = (double)(1 + (r * 7 + i * 3 + r * i) % 5);
    struct likert_alpha a, b;
    struct likert_alpha_item *ia = calloc(k, sizeof *ia),
                             *ib = calloc(k, sizeof *ib);
    CU_ASSERT_FATAL(ia && ib);
    likert_alpha(x, n, k, 0, 0.95, &a, ia);
    by_sums(x, n, k, 0, &b, ib);
    assert_same_ratios(&a, ia, &b, ib, k);
    CU_ASSERT(a.mean == b.mean && a.sd == b.sd);
    free(ia);
    free(ib);
    free(x);
}

int register_likert_sums_tests(void)
{
    CU_pSuite s = CU_add_suite("likert_sums", NULL, NULL);
    if (!s ||
        !CU_add_test(s, "against psych::alpha", test_sums_psych) ||
        !CU_add_test(s, "fractions and large codes, exactly",
                     test_sums_exact_paths) ||
        !CU_add_test(s, "random data as likert_alpha", test_sums_random) ||
        !CU_add_test(s, "degenerate data", test_sums_degenerate) ||
        !CU_add_test(s, "wide scales keep their rows", test_sums_wide))
        return CU_get_error();
    return 0;
}
