/* test-agree.c - CUnit tests of the agreement statistics (agree.h)
 * against R: psych::ICC(lmer = FALSE) on Shrout & Fleiss's (1979) six
 * targets by four judges, vcd::Kappa and its confint on vcd's SexualFun
 * (husband by wife, 4 x 4), cor.test. The values: tests/ref/unit-agree.R
 * (R 4.2.2, psych 2.2.9, vcd 1.4-11). */
#include <config.h>

#include <CUnit/CUnit.h>
#include <math.h>

#include "lib/agree.h"
#include "unit.h"

static const double sf[] = { 9, 2, 5, 8, 6, 1, 3, 2, 8, 4, 6, 8,
                             7, 1, 2, 6, 10, 5, 6, 9, 6, 2, 4, 7 };
/* ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k and psych's bounds */
static const double sf_icc[6] = {
    0.16574176840547555, 0.28976377952755922, 0.71484071484071487,
    0.44279713367926893, 0.62005054759898925, 0.90931554237706946 };
static const double sf_lo[6] = {
    -0.13293232487475087, 0.018786513374712047, 0.34246476503392537,
    -0.88444215523811898, 0.071136815302503487, 0.67567471381630473 };
static const double sf_hi[6] = {
    0.72256006232812109, 0.7610843696489531, 0.94585825995535955,
    0.91241542034077561, 0.92723204016772198, 0.98589167816906231 };

static void test_icc(void)
{
    struct stats_icc r;
    stats_icc(sf, 6, 4, 0.95, &r);
    for (int i = 0; i < 6; i++) {
        ASSERT_REL(r.icc[i], sf_icc[i], 1e-13);
        ASSERT_REL(r.lo[i], sf_lo[i], 1e-10);
        ASSERT_REL(r.hi[i], sf_hi[i], 1e-10);
    }
    CU_ASSERT_EQUAL(r.flags, 0);
    stats_icc(sf, 6, 4, 0.90, &r);
    ASSERT_REL(r.lo[1], 0.042901191540539951, 1e-10);
    ASSERT_REL(r.hi[1], 0.69107060661835673, 1e-10);
    /* perfect consistency (b = a + 1): ICC(3,1) = 1, no F interval */
    static const double off[] = { 1, 2, 2, 3, 3, 4, 5, 6 };
    stats_icc(off, 4, 2, 0.95, &r);
    CU_ASSERT_DOUBLE_EQUAL(r.icc[2], 1, 1e-15);
    CU_ASSERT(isnan(r.lo[2]) && isnan(r.hi[1]));
    CU_ASSERT(r.flags & STATS_AG_PERFECT);
    static const double same[] = { 3, 3, 3, 3, 3, 3 };
    stats_icc(same, 3, 2, 0.95, &r);
    CU_ASSERT(isnan(r.icc[0]) && r.flags == STATS_AG_NO_VARIANCE);
    stats_icc(sf, 1, 4, 0.95, &r);
    CU_ASSERT(isnan(r.icc[0]) && r.flags == STATS_AG_SMALL_N);
}

static void test_kappa(void)
{
    /* SexualFun, rows the husband's answer, columns the wife's */
    static const unsigned long t[] = { 7, 7, 2, 3, 2, 8, 3, 7,
                                       1, 5, 4, 9, 2, 8, 9, 14 };
    struct stats_kappa k;
    stats_kappa(t, 4, STATS_KAPPA_NONE, 0.95, &k);
    ASSERT_REL(k.kappa, 0.12933025404157042, 1e-13);
    ASSERT_REL(k.se, 0.068598532480708588, 1e-12);
    ASSERT_REL(k.lo, -0.0051203990129194688, 1e-10);
    ASSERT_REL(k.hi, 0.26378090709606028, 1e-11);
    stats_kappa(t, 4, STATS_KAPPA_LINEAR, 0.95, &k);
    ASSERT_REL(k.kappa, 0.23738062755798089, 1e-13);
    ASSERT_REL(k.se, 0.078316334778372854, 1e-12);
    ASSERT_REL(k.lo, 0.083883431991188473, 1e-11);
    ASSERT_REL(k.hi, 0.39087782312477332, 1e-11);
    stats_kappa(t, 4, STATS_KAPPA_QUADRATIC, 0.95, &k);
    ASSERT_REL(k.kappa, 0.3320455862468612, 1e-13);
    ASSERT_REL(k.se, 0.09729752195860461, 1e-12);
    ASSERT_REL(k.lo, 0.14134594742300116, 1e-11);
    ASSERT_REL(k.hi, 0.52274522507072119, 1e-11);
    /* everybody in one category: chance agreement 1, kappa undefined */
    static const unsigned long one[] = { 0, 0, 0, 9 };
    stats_kappa(one, 2, STATS_KAPPA_NONE, 0.95, &k);
    CU_ASSERT(isnan(k.kappa) && k.po == 1 && k.pe == 1);
    CU_ASSERT_EQUAL(k.flags, STATS_AG_ONE_CATEGORY);
}

static void test_cor(void)
{
    static const double a[] = { 2.1, 3.4, 1.9, 5.0, 4.2, 3.3, 2.8 };
    static const double b[] = { 2.5, 3.9, 2.2, 4.1, 4.8, 2.9, 3.0 };
    double r, lo, hi;
    stats_cor_z(a, b, 7, 0.95, &r, &lo, &hi);
    ASSERT_REL(r, 0.86886607935683891, 1e-13);
    ASSERT_REL(lo, 0.3350020154854933, 1e-12);
    ASSERT_REL(hi, 0.98042535925953445, 1e-12);
    stats_cor_z(a, b, 3, 0.95, &r, &lo, &hi);      /* no interval, n < 4 */
    CU_ASSERT(!isnan(r) && isnan(lo) && isnan(hi));
    static const double k[] = { 2, 2, 2 };
    stats_cor_z(a, k, 3, 0.95, &r, &lo, &hi);
    CU_ASSERT(isnan(r));
}

int register_agree_tests(void)
{
    CU_pSuite s = CU_add_suite("agree", NULL, NULL);
    if (!s ||
        !CU_add_test(s, "intraclass correlations", test_icc) ||
        !CU_add_test(s, "kappa and weighted kappa", test_kappa) ||
        !CU_add_test(s, "Pearson's r, Fisher z", test_cor))
        return -1;
    return 0;
}
