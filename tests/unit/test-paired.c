/* test-paired.c - CUnit tests of the paired statistics that the golden
 * tests reach only end to end: exact binomial tails, exact decimal
 * differences, exactRankTests' interval with ties.
 *
 * Reference values: R 4.2.2 with exactRankTests 0.8 (tests/ref/unit-paired.R
 * prints them) and exact rationals where noted. */
#include <config.h>

#include <CUnit/CUnit.h>
#include <math.h>
#include <string.h>

#include "lib/dist.h"
#include "lib/numparse.h"
#include "lib/paired.h"
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

int register_paired_tests(void)
{
    CU_pSuite s = CU_add_suite("paired", NULL, NULL);
    if (!s ||
        !CU_add_test(s, "exact binomial tails", test_sign_exact) ||
        !CU_add_test(s, "exact decimal differences", test_exact_differences) ||
        !CU_add_test(s, "exactRankTests' interval with ties",
                     test_tied_exact_interval))
        return CU_get_error();
    return 0;
}
