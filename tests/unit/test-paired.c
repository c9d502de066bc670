/* test-paired.c - CUnit tests of the paired statistics that the golden
 * tests reach only end to end: exact binomial tails, exact decimal
 * differences, exactRankTests' interval with ties.
 *
 * Reference values: R 4.2.2 with exactRankTests 0.8 (tests/ref/unit-paired.R
 * prints them) and exact rationals where noted. */
#include <config.h>

#include <CUnit/CUnit.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib/dist.h"
#include "lib/numparse.h"
#include "lib/paired.h"
#include "lib/dsort.h"
#include "unit.h"

/* Exact tails: 2^-n sums are exact rationals, rounded once. R's
 * binom.test(1, 4) prints 0.62500000000000011 (pbeta's rounding); the
 * exact value is 10/16. */
static void test_sign_exact(void)
{
    CU_ASSERT_EQUAL(stats_sign_test(2, 0, STATS_TWO_SIDED), 0.5);
    CU_ASSERT_EQUAL(stats_sign_test(1, 3, STATS_TWO_SIDED), 0.625);
    CU_ASSERT_EQUAL(stats_sign_test(3, 1, STATS_TWO_SIDED), 0.625);
    CU_ASSERT_EQUAL(stats_sign_test(0, 63, STATS_TWO_SIDED), ldexp(1, -62));
    CU_ASSERT_EQUAL(dist_pbinom_half(0, 1), 0.5);
    CU_ASSERT_EQUAL(dist_pbinom_half_upper(5, 10), 638.0 / 1024);
    /* sum(C(63, 0..30)) / 2^63 exactly (Python's fractions): R's
     * pbinom(30, 63, 0.5) = 0.40065324625203447 is 3.5e-15 off */
    CU_ASSERT_EQUAL(dist_pbinom_half(30, 63), 0.40065324625203308);
    /* beyond n = 63 libRmath's pbinom, R's */
    ASSERT_REL(dist_pbinom_half(40, 100), 0.028443966820490434, 1e-14);
    ASSERT_REL(dist_pbinom_half_upper(60, 100), 0.028443966820490434, 1e-14);
    ASSERT_REL(dist_pbinom_half(480, 1000), 0.10872414660207072, 1e-14);
}

static void values(const char *const *text, size_t n, struct num_value *v)
{
    for (size_t i = 0; i < n; i++)
        CU_ASSERT_EQUAL_FATAL(num_parse(text[i], strlen(text[i]), &v[i]),
                              NUM_OK);
}

/* 0.4 - 0.3, 0.3 - 0.2 and 0.2 - 0.1 are one difference, 0.1: sd 0, t
 * infinite, a tie of three (V = 6 of the doubled ranks 4, 4, 4). */
static void test_exact_differences(void)
{
    static const char *const b[] = { "0.3", "0.2", "0.1" };
    static const char *const a[] = { "0.4", "0.3", "0.2" };
    struct num_value vb[3], va[3];
    values(b, 3, vb);
    values(a, 3, va);
    struct stats_signrank_opts wo = { 0.95, STATS_TWO_SIDED, 1, 0, 1,
                                      STATS_ZERO_WILCOX };
    struct stats_paired r;
    stats_paired(vb, va, 3, 0.95, STATS_TWO_SIDED, &wo, &r);
    CU_ASSERT_EQUAL(r.t.mean, 0.1);
    CU_ASSERT_EQUAL(r.t.sd, 0);
    CU_ASSERT(r.t.const_sd);
    CU_ASSERT(isinf(r.t.t) && r.t.t > 0);
    CU_ASSERT(r.w.ties);
    CU_ASSERT_EQUAL(r.w.V, 6);
    CU_ASSERT_EQUAL(r.w.p, 0.25);       /* exact: 2 P(V = 6) = 2 / 8 */
    CU_ASSERT_EQUAL(r.w.hl, 0.1);
    CU_ASSERT_EQUAL(r.flags, 0);
}

/* exactRankTests::wilcox.exact(10 drug2, 10 drug1, paired = TRUE,
 * conf.int = TRUE) / 10 on the sleep data (ties and a zero): [1.05, 2.95],
 * p = 0.00390625; one-sided at 90%: greater [1.15, Inf), less (-Inf, 1.9].
 * On the data as R reads them (binary, not times 10) exactRankTests prints
 * [1.05, 2.90]: its x - d splits the tie of |1.2 - 2.9| and |4.6 - 2.9|,
 * so V(2.9) is 6 instead of 6.5. */
static void test_tied_exact_interval(void)
{
    static const char *const d1[] = { "0.7", "-1.6", "-0.2", "-1.2", "-0.1",
                                      "3.4", "3.7", "0.8", "0.0", "2.0" };
    static const char *const d2[] = { "1.9", "0.8", "1.1", "0.1", "-0.1",
                                      "4.4", "5.5", "1.6", "4.6", "3.4" };
    struct num_value vb[10], va[10];
    values(d1, 10, vb);
    values(d2, 10, va);
    struct stats_signrank_opts wo = { 0.95, STATS_TWO_SIDED, 1, 0, 1,
                                      STATS_ZERO_WILCOX };
    struct stats_paired r;
    stats_paired(vb, va, 10, 0.95, STATS_TWO_SIDED, &wo, &r);
    ASSERT_REL(r.w.p, 0.00390625, 1e-15);
    CU_ASSERT(r.w.hl_tied_exact);
    ASSERT_REL(r.w.hl_lo, 1.05, 1e-15);
    ASSERT_REL(r.w.hl_hi, 2.95, 1e-15);
    wo.level = 0.9;
    wo.alt = STATS_GREATER;
    stats_paired(vb, va, 10, 0.9, STATS_GREATER, &wo, &r);
    ASSERT_REL(r.w.hl_lo, 1.15, 1e-15);
    CU_ASSERT(isinf(r.w.hl_hi));
    wo.alt = STATS_LESS;
    stats_paired(vb, va, 10, 0.9, STATS_LESS, &wo, &r);
    CU_ASSERT(isinf(r.w.hl_lo));
    ASSERT_REL(r.w.hl_hi, 1.9, 1e-15);
}

/* R: the 28 Walsh averages of x sorted (tests/ref/unit-paired.R), and
 * how many are <= -3, 0.3, 1.5125, 10. */
static void test_walsh(void)
{
    static const double x[] = { -2.385, -0.71, 0.3, 1.125, 1.9, 4.6, 7.05 };
    static const double wa[] = {
        -2.385, -1.5475, -1.0425, -0.71, -0.62999999999999989,
        -0.24249999999999994, -0.205, 0.20750000000000002, 0.3, 0.595,
        0.71250000000000002, 1.1, 1.1075, 1.125, 1.5125, 1.9,
        1.9449999999999998, 2.3325, 2.4499999999999997, 2.8625, 3.17, 3.25,
        3.675, 4.0875000000000004, 4.475, 4.6, 5.8249999999999993, 7.05
    };
    for (unsigned long long k = 1; k <= 28; k++)
        CU_ASSERT_DOUBLE_EQUAL(stats_walsh_kth(x, 7, k), wa[k - 1], 1e-15);
    CU_ASSERT_EQUAL(stats_walsh_count_le(x, 7, -3), 0);
    CU_ASSERT_EQUAL(stats_walsh_count_le(x, 7, 0.3), 9);
    CU_ASSERT_EQUAL(stats_walsh_count_le(x, 7, 1.5125), 15);
    CU_ASSERT_EQUAL(stats_walsh_count_le(x, 7, 10), 28);
}

/* R: the k-th Walsh average of three larger samples, where
 * stats_walsh_kth probes and selects (tests/ref/unit-paired.R): many
 * ties and a median of 0 (its sign as the bisection gave it: +0 from a
 * negative x[0] would be -0), and skewed values. The same double. */
static double sample_x(int s, int i)
{
    double v;
    switch (s) {
    case 0:
        return (((i * 37) % 101) - 50) / 4.0;
    case 1:
        return (((i * 37) % 101) - 50) / 3.0;
    default:
        v = (((i * 37) % 101) - 50) / 3.0 + (i % 7) / 17.0;
        return v * v / 10 - 20;
    }
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void test_walsh_large(void)
{
    static const int ns[] = { 300, 1000, 700 };
    static const unsigned long long ks[3][8] = {
        { 1, 2, 11287, 22575, 22576, 44021, 45149, 45150 },
        { 1, 2, 125125, 250250, 250251, 487987, 500499, 500500 },
        { 1, 2, 61337, 122675, 122676, 239216, 245349, 245350 },
    };
    static const double want[3][8] = {
        { -12.5, -12.5, -3.625, 0, 0, 9.875, 12.5, 12.5 },
        { -16.666666666666668, -16.666666666666668, -5, 0, 0,
          13.166666666666666, 16.666666666666668, 16.666666666666668 },
        { -20, -19.999980776624376, -15.51460976547482, -11.000076893502499,
          -11.000076893502497, 2.4823721645520962, 8.8667627835447878,
          8.9667051134179125 },
    };
    double x[1000];
    for (int s = 0; s < 3; s++) {
        for (int i = 0; i < ns[s]; i++)
            x[i] = sample_x(s, i + 1);
        qsort(x, (size_t)ns[s], sizeof *x, cmp_dbl);
        for (int j = 0; j < 8; j++) {
            double v = stats_walsh_kth(x, (size_t)ns[s], ks[s][j]);
            CU_ASSERT_EQUAL(v, want[s][j]);
            if (want[s][j] == 0)
                CU_ASSERT(signbit(v));      /* x[0] < 0: -0 */
            unsigned long long le = stats_walsh_count_le(x, (size_t)ns[s], v);
            CU_ASSERT(le >= ks[s][j]);
        }
    }
}

/* dsort_keys: R's sort() of a vector with ties, subnormals and
 * huge values (tests/ref/unit-paired.R), -0 before 0; and qsort's order
 * of 5000 values of 97 distinct magnitudes and both signs (all 8 bytes
 * of the keys differ). */
static void test_dsort_keys(void)
{
    double x[] = { 2.385, -1e300, 5e-324, -2.385, 0, 1e300, -5e-324, 7,
                   2.385, -0.5, 1.5e-310, -7, 3, -0.0 };
    static const double want[] = {
        -1.0000000000000001e+300, -7, -2.3849999999999998, -0.5,
        -4.9406564584124654e-324, -0.0, 0, 4.9406564584124654e-324,
        1.5000000000000201e-310, 2.3849999999999998, 2.3849999999999998, 3,
        7, 1.0000000000000001e+300
    };
    dsort_keys(x, 14);
    for (int i = 0; i < 14; i++)
        CU_ASSERT(memcmp(&x[i], &want[i], sizeof x[i]) == 0);
    enum { M = 5000 };
    double *a = malloc(M * sizeof *a), *b = malloc(M * sizeof *b);
    for (int i = 0; i < M; i++)
        a[i] = b[i] = ldexp(sample_x(2, i + 1), (i * 13) % 97 - 48) *
                      (i % 3 ? 1 : -1);
    dsort_keys(a, M);
    qsort(b, M, sizeof *b, cmp_dbl);
    CU_ASSERT(memcmp(a, b, M * sizeof *a) == 0);
    free(a);
    free(b);
}

/* R: dsignrank(0:21, 6) (counts / 64) and psignrank(0:55, 10) for the
 * doubled untied ranks 2, 4, ... 2n: prob[2v] = P(V = v). */
static void test_signrank_dist(void)
{
    static const double c6[] = { 1, 1, 1, 2, 2, 3, 4, 4, 4, 5, 5, 5, 5, 4,
                                 4, 4, 3, 2, 2, 1, 1, 1 };
    static const double p10[] = {
        0.0009765625, 0.001953125, 0.0029296875, 0.0048828125,
        0.0068359375, 0.009765625, 0.013671875, 0.0185546875, 0.0244140625,
        0.0322265625, 0.0419921875, 0.052734375, 0.0654296875, 0.080078125,
        0.0966796875, 0.1162109375, 0.1376953125, 0.1611328125, 0.1875,
        0.2158203125, 0.24609375, 0.2783203125, 0.3125, 0.34765625,
        0.384765625, 0.4228515625, 0.4609375, 0.5, 0.5390625, 0.5771484375,
        0.615234375, 0.65234375, 0.6875, 0.7216796875, 0.75390625,
        0.7841796875, 0.8125, 0.8388671875, 0.8623046875, 0.8837890625,
        0.9033203125, 0.919921875, 0.9345703125, 0.947265625, 0.9580078125,
        0.9677734375, 0.9755859375, 0.9814453125, 0.986328125, 0.990234375,
        0.9931640625, 0.9951171875, 0.9970703125, 0.998046875,
        0.9990234375, 1
    };
    unsigned long w[10];
    size_t len;
    for (size_t i = 0; i < 10; i++)
        w[i] = 2 * (i + 1);
    double *prob = stats_signrank_dist(w, 6, &len);
    CU_ASSERT_EQUAL_FATAL(len, 43);
    for (size_t s = 0; s < len; s++)
        CU_ASSERT_DOUBLE_EQUAL(prob[s], s % 2 ? 0 : c6[s / 2] / 64, 1e-15);
    free(prob);
    prob = stats_signrank_dist(w, 10, &len);
    CU_ASSERT_EQUAL_FATAL(len, 111);
    double cum = 0;
    for (size_t s = 0; s < len; s++) {
        cum += prob[s];
        if (s % 2) {
            CU_ASSERT_DOUBLE_EQUAL(prob[s], 0, 0);
        } else {
            CU_ASSERT_DOUBLE_EQUAL(cum, p10[s / 2], 1e-15);
        }
    }
    free(prob);
}

/* R: p.adjust(p, "holm") and p.adjust(p, "BH") with two NA entries. */
static void test_p_adjust(void)
{
    static const double p[] = { 0.012, NAN, 0.04, 0.0031, 0.27, 0.049, NAN,
                                0.0302 };
    static const double holm[] = { 0.06, NAN, 0.1208, 0.0186, 0.27, 0.1208,
                                   NAN, 0.1208 };
    static const double bh[] = { 0.036000000000000004, NAN, 0.0588, 0.0186,
                                 0.27, 0.0588, NAN, 0.0588 };
    double q[8];
    for (int m = 0; m < 2; m++) {
        const double *want = m ? bh : holm;
        memcpy(q, p, sizeof q);
        stats_p_adjust(q, 8, m ? STATS_ADJUST_BH : STATS_ADJUST_HOLM);
        for (size_t i = 0; i < 8; i++) {
            if (isnan(want[i])) {
                CU_ASSERT_TRUE(isnan(q[i]));
            } else {
                CU_ASSERT_DOUBLE_EQUAL(q[i], want[i], 1e-15);
            }
        }
    }
    memcpy(q, p, sizeof q);
    stats_p_adjust(q, 8, STATS_ADJUST_NONE);
    CU_ASSERT_DOUBLE_EQUAL(q[3], 0.0031, 0);
}

int register_paired_tests(void)
{
    CU_pSuite s = CU_add_suite("paired", NULL, NULL);
    if (!s ||
        !CU_add_test(s, "exact binomial tails", test_sign_exact) ||
        !CU_add_test(s, "exact decimal differences", test_exact_differences) ||
        !CU_add_test(s, "Walsh averages (R)", test_walsh) ||
        !CU_add_test(s, "Walsh averages, n = 300 to 1000 (R)",
                     test_walsh_large) ||
        !CU_add_test(s, "dsort_keys: doubles in key order (R, qsort)",
                     test_dsort_keys) ||
        !CU_add_test(s, "signed-rank distribution (R dsignrank, psignrank)",
                     test_signrank_dist) ||
        !CU_add_test(s, "p.adjust holm and BH with NA (R)", test_p_adjust) ||
        !CU_add_test(s, "exactRankTests' interval with ties",
                     test_tied_exact_interval))
        return CU_get_error();
    return 0;
}
