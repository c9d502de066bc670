/* test-likert.c - CUnit tests of likert.h and codebook.h.
 *
 * Every expected number comes from R (tests/ref/likert.R --unit, whose
 * output is pasted below between the BEGIN/END lines), never from running
 * surveykit. The codebook tests check behaviour (matching, keying, errors
 * naming the line) and need no reference numbers. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/codebook.h"
#include "lib/likert.h"
#include "lib/prop.h"
#include "unit.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])
#define TOL 1e-12

/* BEGIN R REFERENCE VALUES: made by tests/ref/likert.R --unit; do not edit. */
/* R version 4.2.2 Patched (2022-11-10 r83330), psych 2.2.9 */

/* successes */
static const size_t P_X[10] = {
    0, 1, 7, 13, 13, 2, 1000, 2790, 5, 250
};
/* trials */
static const size_t P_N[10] = {
    13, 13, 13, 13, 20, 2800, 2800, 2800, 9, 251
};
/* confidence levels */
static const double P_LEVEL[10] = {
    0.94999999999999996, 0.94999999999999996, 0.94999999999999996,
    0.94999999999999996, 0.90000000000000002, 0.98999999999999999,
    0.94999999999999996, 0.94999999999999996, 0.80000000000000004,
    0.999
};
/* prop.test(x, n, conf.level, correct = FALSE)$conf.int[1] */
static const double P_WILSON_LO[10] = {
    0, 0.013710421242556586, 0.2914379571450601,
    0.77190462764580159, 0.46651268884847175, 0.00013946154767388862,
    0.33960175037046741, 0.99343796980223253, 0.35158954091471345,
    0.95132016010840037
};
/* and [2] */
static const double P_WILSON_HI[10] = {
    0.2280953723541983, 0.33313950921099583, 0.76793932190461689,
    1, 0.79773995994323899, 0.0036497369027197182,
    0.37507541246152709, 0.99805888935658671, 0.74237445255054779,
    0.99968741958127327
};
/* binom.test(x, n, conf.level = L)$conf.int[1] */
static const double P_EXACT_LO[10] = {
    0, 0.0019456284973467508, 0.25134548227030351,
    0.75294736199952905, 0.44196548868451135, 3.6968256987823426e-05,
    0.33937341419997041, 0.99344185462994306, 0.30096876359321462,
    0.9608708937754471
};
/* and [2] */
static const double P_EXACT_HI[10] = {
    0.24705263800047095, 0.3602974352678775, 0.80776755819871204,
    1, 0.82268908242555083, 0.0033077696116407683,
    0.37521140562795274, 0.99828607344632536, 0.78960376184461878,
    0.99999800747193857
};

/* Feldt: alpha */
static const double F_ALPHA[5] = {
    0.70369999999999999, 0.5, 0.91234499999999996,
    0.23849999999999999, -0.14999999999999999
};
/* rows */
static const size_t F_N[5] = {
    2709, 13, 100, 7, 30
};
/* items */
static const size_t F_K[5] = {
    5, 3, 12, 2, 4
};
/* levels */
static const double F_LEVEL[5] = {
    0.94999999999999996, 0.90000000000000002, 0.98999999999999999,
    0.94999999999999996, 0.80000000000000004
};
/* psych::alpha.ci(alpha, n, k, p.val = 1 - level)$lower.ci */
static const double F_LO[5] = {
    0.68568534236896495, -0.091690040806468698, 0.87458768906277107,
    -3.4317446348786325, -0.65582306640690091
};
/* and $upper.ci */
static const double F_HI[5] = {
    0.72098332876803928, 0.80043756432706181, 0.94191041387825014,
    0.86915260291935093, 0.24534435699666179
};

/* codes */
static const double T_CODES[6] = {
    -2, -1, 0, 1, 2, 3.5
};
/* their counts */
static const size_t T_COUNTS[6] = {
    3, 0, 7, 11, 2, 1
};
/* 100 counts / n */
static const double T_PCT[6] = {
    12.5, 0, 29.166666666666668,
    45.833333333333336, 8.3333333333333339, 4.166666666666667
};
/* 100 cumsum(counts) / n */
static const double T_CUM[6] = {
    12.5, 12.5, 41.666666666666664,
    87.5, 95.833333333333329, 100
};
/* mean, sd, median of rep(codes, counts) */
static const double T_DESC[3] = {
    0.52083333333333337, 1.2638722990895073, 1
};
/* other counts: an even n, median between codes */
static const size_t T_EVEN[6] = {
    4, 1, 0, 5, 0, 0
};
/* their mean, sd, median */
static const double T_EVEN_DESC[3] = {
    -0.40000000000000002, 1.505545305418162, 0
};

/* 9 rows of 4 items, row-major */
static const double A_X[36] = {
    3, 4, 2, 5,
    2.5, 3, 1, 4,
    4, 4, 5, 5,
    1, 2, 4, 2,
    5, 5, 3.25, 4,
    2, 1, 2, 1,
    3, 4, 1, 5,
    4, 3, 2, 3,
    1.5, 2, 5, 2
};
/* psych::alpha: raw, std, Feldt lo, hi, average_r, mean, sd; mean, sd with cumulative = TRUE */
static const double A_TOTAL[9] = {
    0.60457052797478328, 0.64978901654220933, -0.098951720112397279,
    0.8998207755813159, 0.316872415623624, 3.0625,
    0.95810685729724321, 12.25, 3.8324274291889728
};
/* item.stats$mean */
static const double A_MEAN[4] = {
    2.8888888888888888, 3.1111111111111112, 2.8055555555555554,
    3.4444444444444446
};
/* item.stats$sd */
static const double A_SD[4] = {
    1.2936812246883354, 1.2692955176439846, 1.5701203067847309,
    1.509230856356236
};
/* item.stats$r.drop */
static const double A_RDROP[4] = {
    0.61126924017127771, 0.82979901404407741, -0.14853319192743589,
    0.56968247125557847
};
/* item.stats$raw.r */
static const double A_RAWR[4] = {
    0.80048376385907738, 0.91864850570604539, 0.26485814161792454,
    0.8050200080028439
};
/* alpha.drop$raw_alpha */
static const double A_DROP_RAW[4] = {
    0.3685078318219292, 0.19245283018867937, 0.90253605171556439,
    0.37295825771324859
};
/* alpha.drop$std.alpha */
static const double A_DROP_STD[4] = {
    0.42504061525973957, 0.24360685449055197, 0.90741583195021813,
    0.43947811657764635
};
/* alpha.drop$average_r */
static const double A_DROP_R[4] = {
    0.19770077888219051, 0.096946905258613603, 0.76564299290728621,
    0.2071989854464058
};
/* cov(X) */
static const double A_COV[16] = {
    1.6736111111111112, 1.3263888888888888,
    -0.21180555555555555, 1.1805555555555556,
    1.3263888888888888, 1.6111111111111112,
    -0.16319444444444445, 1.6944444444444444,
    -0.21180555555555555, -0.16319444444444445,
    2.4652777777777777, -0.49652777777777779,
    1.1805555555555556, 1.6944444444444444,
    -0.49652777777777779, 2.2777777777777777
};
/* two items: raw, std, average_r, r.drop of each */
static const double A2_TOTAL[5] = {
    0.89356725146198834, 0.89365675450968607, 0.80775722918941995,
    0.80775722918942006, 0.80775722918942006
};

/* one respondent's keyed codes (NAN: missing) */
static const double S_CODES[5] = {
    4, NAN, 2.5,
    6, NAN
};
/* mean(x, na.rm = TRUE), sum(x, na.rm = TRUE) */
static const double S_RES[2] = {
    4.166666666666667, 12.5
};
/* END R REFERENCE VALUES */

/* BEGIN R LARGE-N VALUES: made by tests/ref/likert-quantiles.R; do not edit. */
/* R version 4.2.2 Patched (2022-11-10 r83330) */
/* successes */
static const size_t L_X[10] = {
    2000000, 3, 3999999,
    1234567, 0, 17,
    500000000, 999999990, 1000000000,
    4000000
};
/* trials */
static const size_t L_N[10] = {
    4000000, 4000000, 4000000,
    10000000, 10000000, 1000000000,
    1000000000, 1000000000, 1000000000,
    4000000
};
/* levels */
static const double L_LEVEL[10] = {
    0.94999999999999996, 0.94999999999999996, 0.98999999999999999,
    0.94999999999999996, 0.94999999999999996, 0.94999999999999996,
    0.90000000000000002, 0.94999999999999996, 0.94999999999999996,
    0.999
};
/* binom.test(x, n, conf.level = L)$conf.int[1] */
static const double L_EXACT_LO[10] = {
    0.49950988415222236, 1.5466805742981592e-07, 0.999998142469118,
    0.12325287081725313, 0, 9.9031264997963415e-09,
    0.49997399208063031, 0.99999998160964398, 0.99999999631112058,
    0.99999809977619059
};
/* and [2] */
static const double L_EXACT_HI[10] = {
    0.50049011584777769, 2.1918166873342697e-06, 0.99999999874686452,
    0.12366074721994835, 3.6888787737224381e-07, 2.7218646676837734e-08,
    0.50002600791936969, 0.99999999520461125, 1,
    1
};
/* Feldt: alpha */
static const double LF_ALPHA[5] = {
    0.81230000000000002, 0.34999999999999998, 0.90000000000000002,
    0.69999999999999996, 0.60999999999999999
};
/* rows */
static const size_t LF_N[5] = {
    4000000, 4000000, 10000000,
    100001, 4000000
};
/* items */
static const size_t LF_K[5] = {
    5, 2, 20,
    5, 3
};
/* levels */
static const double LF_LEVEL[5] = {
    0.94999999999999996, 0.98999999999999999, 0.94999999999999996,
    0.94999999999999996, 0.90000000000000002
};
/* 1 - (1 - alpha) F(1 - a), F exact by qbeta */
static const double LF_LO[5] = {
    0.81200900430387635, 0.3483235522118816, 0.89991004869081892,
    0.69705001228095487, 0.60944413141655907
};
/* 1 - (1 - alpha) F(a) */
static const double LF_HI[5] = {
    0.81259068210010377, 0.35167213510013384, 0.90008990732978389,
    0.70292993888659661, 0.61055523014185997
};
/* psych::alpha.ci (R's approximate qf) gives instead
 *   lo 0.81203977694074214, 0.34881548827174691, 0.89991232880003735, 0.69705001228095498, 0.60954628512007158
 *   hi 0.81256004527861303, 0.35118329083374944, 0.90008763331384178, 0.70292993888659661, 0.61045349315922981 */
/* END R LARGE-N VALUES */

static void test_wilson(void)
{
    for (size_t i = 0; i < NELEM(P_X); i++) {
        double lo, hi;
        prop_wilson(P_X[i], P_N[i], P_LEVEL[i], &lo, &hi);
        ASSERT_REL(lo, P_WILSON_LO[i], TOL);
        ASSERT_REL(hi, P_WILSON_HI[i], TOL);
    }
}

static void test_clopper_pearson(void)
{
    for (size_t i = 0; i < NELEM(P_X); i++) {
        double lo, hi;
        prop_clopper_pearson(P_X[i], P_N[i], P_LEVEL[i], &lo, &hi, NULL);
        ASSERT_REL(lo, P_EXACT_LO[i], 1e-11);
        ASSERT_REL(hi, P_EXACT_HI[i], 1e-11);
    }
}

static void test_intervals_n0(void)
{
    double lo, hi;
    prop_wilson(0, 0, 0.95, &lo, &hi);
    CU_ASSERT(isnan(lo) && isnan(hi));
    prop_clopper_pearson(0, 0, 0.95, &lo, &hi, NULL);
    CU_ASSERT(isnan(lo) && isnan(hi));
    prop_wilson(3, 5, 1, &lo, &hi);
    CU_ASSERT(isnan(lo) && isnan(hi));
}

static void test_feldt(void)
{
    for (size_t i = 0; i < NELEM(F_ALPHA); i++) {
        double lo, hi;
        likert_feldt(F_ALPHA[i], F_N[i], F_K[i], F_LEVEL[i], &lo, &hi, NULL);
        ASSERT_REL(lo, F_LO[i], 1e-11);
        ASSERT_REL(hi, F_HI[i], 1e-11);
    }
    double lo, hi;
    likert_feldt(0.7, 1, 5, 0.95, &lo, &hi, NULL);
    CU_ASSERT(isnan(lo) && isnan(hi));
    likert_feldt(NAN, 100, 5, 0.95, &lo, &hi, NULL);
    CU_ASSERT(isnan(lo) && isnan(hi));
}

/* n of 4e6 to 1e9, where GSL's beta quantile never returned (Feldt at
 * 4e6 rows) or gave NA (Clopper-Pearson from n = 4e6). */
static void test_intervals_large(void)
{
    for (size_t i = 0; i < NELEM(L_X); i++) {
        double lo, hi;
        int imprecise = 0;
        prop_clopper_pearson(L_X[i], L_N[i], L_LEVEL[i], &lo, &hi,
                               &imprecise);
        CU_ASSERT(!imprecise);
        ASSERT_REL(lo, L_EXACT_LO[i], 1e-11);
        ASSERT_REL(hi, L_EXACT_HI[i], 1e-11);
    }
    for (size_t i = 0; i < NELEM(LF_ALPHA); i++) {
        double lo, hi;
        int imprecise = 0;
        likert_feldt(LF_ALPHA[i], LF_N[i], LF_K[i], LF_LEVEL[i], &lo, &hi,
                     &imprecise);
        CU_ASSERT(!imprecise);
        ASSERT_REL(lo, LF_LO[i], 1e-12);
        ASSERT_REL(hi, LF_HI[i], 1e-12);
    }
    double lo, hi;
    prop_clopper_pearson(5, 4, 0.95, &lo, &hi, NULL);
    CU_ASSERT(isnan(lo) && isnan(hi));
}

static void test_percents(void)
{
    double pct[6], cum[6];
    CU_ASSERT_EQUAL(likert_percents(T_COUNTS, 6, pct, cum), 24);
    for (size_t i = 0; i < 6; i++) {
        ASSERT_REL(pct[i], T_PCT[i], TOL);
        ASSERT_REL(cum[i], T_CUM[i], TOL);
    }
    CU_ASSERT_EQUAL(cum[5], 100);
    const size_t zero[3] = { 0, 0, 0 };
    CU_ASSERT_EQUAL(likert_percents(zero, 3, pct, cum), 0);
    CU_ASSERT(isnan(pct[0]) && isnan(cum[2]));
}

static void test_describe(void)
{
    double m, sd, med;
    likert_describe(T_CODES, T_COUNTS, 6, &m, &sd, &med);
    ASSERT_REL(m, T_DESC[0], TOL);
    ASSERT_REL(sd, T_DESC[1], TOL);
    ASSERT_REL(med, T_DESC[2], TOL);
    likert_describe(T_CODES, T_EVEN, 6, &m, &sd, &med);
    ASSERT_REL(m, T_EVEN_DESC[0], TOL);
    ASSERT_REL(sd, T_EVEN_DESC[1], TOL);
    ASSERT_REL(med, T_EVEN_DESC[2], TOL);
    const size_t one[6] = { 0, 0, 0, 0, 1, 0 };
    likert_describe(T_CODES, one, 6, &m, &sd, &med);
    CU_ASSERT_EQUAL(m, 2);
    CU_ASSERT(isnan(sd));
    CU_ASSERT_EQUAL(med, 2);
    const size_t none[6] = { 0 };
    likert_describe(T_CODES, none, 6, &m, &sd, &med);
    CU_ASSERT(isnan(m) && isnan(sd) && isnan(med));
}

static void test_score(void)
{
    ASSERT_REL(likert_score(S_CODES, 5, 0, 3), S_RES[0], TOL);
    ASSERT_REL(likert_score(S_CODES, 5, 1, 3), S_RES[1], TOL);
    CU_ASSERT(isnan(likert_score(S_CODES, 5, 0, 4)));
    CU_ASSERT(isnan(likert_score(S_CODES, 5, 1, 5)));
    const double none[2] = { NAN, NAN };
    CU_ASSERT(isnan(likert_score(none, 2, 0, 0)));
}

static void test_cov(void)
{
    double mean[4], cov[16];
    likert_cov(A_X, 9, 4, mean, cov);
    for (size_t i = 0; i < 4; i++)
        ASSERT_REL(mean[i], A_MEAN[i], TOL);
    for (size_t i = 0; i < 16; i++)
        ASSERT_REL(cov[i], A_COV[i], TOL);
}

static void test_alpha(void)
{
    struct likert_alpha a;
    struct likert_alpha_item it[4];
    likert_alpha(A_X, 9, 4, 0, 0.95, &a, it);
    CU_ASSERT_EQUAL(a.k, 4);
    CU_ASSERT_EQUAL(a.n, 9);
    ASSERT_REL(a.raw, A_TOTAL[0], TOL);
    ASSERT_REL(a.std, A_TOTAL[1], TOL);
    ASSERT_REL(a.lo, A_TOTAL[2], 1e-11);
    ASSERT_REL(a.hi, A_TOTAL[3], 1e-11);
    ASSERT_REL(a.mean_r, A_TOTAL[4], TOL);
    ASSERT_REL(a.mean, A_TOTAL[5], TOL);
    ASSERT_REL(a.sd, A_TOTAL[6], TOL);
    for (size_t i = 0; i < 4; i++) {
        ASSERT_REL(it[i].mean, A_MEAN[i], TOL);
        ASSERT_REL(it[i].sd, A_SD[i], TOL);
        ASSERT_REL(it[i].r_drop, A_RDROP[i], TOL);
        ASSERT_REL(it[i].raw_r, A_RAWR[i], TOL);
        ASSERT_REL(it[i].alpha_drop, A_DROP_RAW[i], TOL);
        ASSERT_REL(it[i].std_drop, A_DROP_STD[i], TOL);
        ASSERT_REL(it[i].mean_r_drop, A_DROP_R[i], TOL);
    }
    likert_alpha(A_X, 9, 4, 1, 0.95, &a, NULL);
    ASSERT_REL(a.mean, A_TOTAL[7], TOL);
    ASSERT_REL(a.sd, A_TOTAL[8], TOL);
}

static void test_alpha_two_items(void)
{
    double x[18];
    for (size_t r = 0; r < 9; r++) {
        x[2 * r] = A_X[4 * r];
        x[2 * r + 1] = A_X[4 * r + 1];
    }
    struct likert_alpha a;
    struct likert_alpha_item it[2];
    likert_alpha(x, 9, 2, 0, 0.95, &a, it);
    ASSERT_REL(a.raw, A2_TOTAL[0], TOL);
    ASSERT_REL(a.std, A2_TOTAL[1], TOL);
    ASSERT_REL(a.mean_r, A2_TOTAL[2], TOL);
    ASSERT_REL(it[0].r_drop, A2_TOTAL[3], TOL);
    ASSERT_REL(it[1].r_drop, A2_TOTAL[4], TOL);
    /* alpha of one item is not defined (psych prints a slope) */
    CU_ASSERT(isnan(it[0].alpha_drop) && isnan(it[1].std_drop));
}

static void test_alpha_degenerate(void)
{
    struct likert_alpha a;
    struct likert_alpha_item it[3];
    /* one row: nothing */
    const double one[3] = { 1, 2, 3 };
    likert_alpha(one, 1, 3, 0, 0.95, &a, it);
    CU_ASSERT(isnan(a.raw) && isnan(a.std) && isnan(a.lo) && isnan(a.sd));
    CU_ASSERT_EQUAL(a.mean, 2);
    /* a constant item: no correlations */
    const double c[9] = { 1, 5, 2, 2, 5, 3, 3, 5, 5 };
    likert_alpha(c, 3, 3, 0, 0.95, &a, it);
    CU_ASSERT(isfinite(a.raw));
    CU_ASSERT(isnan(a.std) && isnan(a.mean_r));
    CU_ASSERT(isnan(it[1].r_drop));
    /* one item */
    likert_alpha(one, 3, 1, 0, 0.95, &a, NULL);
    CU_ASSERT(isnan(a.raw) && isnan(a.lo));
}

/* ---- codebook ---- */

static char cb_path[4096];

static struct codebook *read_cb(const char *text, char **err)
{
    const char *dir = getenv("TMPDIR");
    snprintf(cb_path, sizeof cb_path, "%s/sk-unit-cb-XXXXXX",
             dir ? dir : "/tmp");
    int fd = mkstemp(cb_path);
    CU_ASSERT_FATAL(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    fputs(text, fp);
    fclose(fp);
    struct codebook *cb = codebook_read(cb_path, err);
    remove(cb_path);
    return cb;
}

static const char good_cb[] =
    "Type,Name,Code,Label,Levels,Scale,Reverse,Scoring,Min,Text\n"
    "level,agree5,5,Strongly agree,,,,,,\n"
    "level,agree5,1,Strongly disagree,,,,,,\n"
    "level,agree5,2,Disagree,,,,,,\n"
    "level,agree5,3,Neither,,,,,,\n"
    "level,agree5,4,Agree,,,,,,\n"
    "level,yn,0,No,,,,,,\n"
    "level,yn,1,Yes,,,,,,\n"
    "# a comment row,,,,,,,,,\n"
    "scale,learning,,,,,,SUM,2,\n"
    "item,Q1,,,agree5,learning,no,,,\"I learned, a lot\"\n"
    "item,Q2,,,agree5,learning,YES,,,\n"
    "item,Q3,,,yn,,,,,\n";

static void test_codebook_read(void)
{
    char *err = NULL;
    struct codebook *cb = read_cb(good_cb, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cb);
    CU_ASSERT_EQUAL(cb->nlevels, 2);
    CU_ASSERT_EQUAL(cb->nitems, 3);
    CU_ASSERT_EQUAL(cb->nscales, 1);
    const struct codebook_levels *l = &cb->levels[0];
    CU_ASSERT_EQUAL(l->n, 5);
    CU_ASSERT_EQUAL(l->min, 1);
    CU_ASSERT_EQUAL(l->max, 5);
    CU_ASSERT_STRING_EQUAL(l->level[0].label, "Strongly disagree");
    CU_ASSERT_STRING_EQUAL(l->level[4].label, "Strongly agree");
    CU_ASSERT_EQUAL(cb->scale[0].sum, 1);
    CU_ASSERT_EQUAL(cb->scale[0].min_items, 2);
    CU_ASSERT_EQUAL(cb->scale[0].nitems, 2);
    CU_ASSERT_EQUAL(cb->item[1].reverse, 1);
    CU_ASSERT_EQUAL(cb->item[2].scale, CODEBOOK_NONE);
    CU_ASSERT_EQUAL(cb->item[2].levels, 1);

    double code;
    CU_ASSERT_EQUAL(codebook_match(l, "  agree ", 8, &code), CODEBOOK_OK);
    CU_ASSERT_EQUAL(code, 4);
    CU_ASSERT_EQUAL(codebook_match(l, "STRONGLY AGREE", 14, &code),
                    CODEBOOK_OK);
    CU_ASSERT_EQUAL(code, 5);
    CU_ASSERT_EQUAL(codebook_match(l, " 2 ", 3, &code), CODEBOOK_OK);
    CU_ASSERT_EQUAL(code, 2);
    CU_ASSERT_EQUAL(codebook_match(l, "Agre", 4, &code), CODEBOOK_NOT_LEVEL);
    CU_ASSERT_EQUAL(codebook_match(l, "2.5", 3, &code), CODEBOOK_NOT_LEVEL);
    CU_ASSERT_EQUAL(codebook_match(l, "7", 1, &code), CODEBOOK_OUT_OF_RANGE);
    CU_ASSERT_EQUAL(codebook_match(l, "0", 1, &code), CODEBOOK_OUT_OF_RANGE);

    /* reverse keying by the declared range: (1 + 5) - code */
    CU_ASSERT_EQUAL(codebook_keyed(cb, 1, 1), 5);
    CU_ASSERT_EQUAL(codebook_keyed(cb, 1, 4), 2);
    CU_ASSERT_EQUAL(codebook_keyed(cb, 0, 4), 4);
    CU_ASSERT(isnan(codebook_keyed(cb, 1, NAN)));

    /* a numeric label that is no other level's code is fine */
    codebook_free(cb);
    cb = read_cb("type,name,code,label\nlevel,a,1,10\nlevel,a,2,2\n"
                 "item,q,,\n", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cb);
    CU_ASSERT_EQUAL(codebook_match(&cb->levels[0], "10", 2, &code),
                    CODEBOOK_OK);
    CU_ASSERT_EQUAL(code, 1);
    CU_ASSERT_EQUAL(codebook_match(&cb->levels[0], "2", 1, &code),
                    CODEBOOK_OK);
    CU_ASSERT_EQUAL(code, 2);
    codebook_free(cb);
    cb = read_cb(good_cb, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cb);

    char *text = codebook_levels_text(&cb->levels[1]);
    CU_ASSERT_STRING_EQUAL(text, "0=No, 1=Yes");
    free(text);

    const char *names[] = { "id", "Q3", "Q1", "Q2" };
    CU_ASSERT_EQUAL(codebook_bind(cb, names, 4, "d.csv", &err), 0);
    CU_ASSERT_EQUAL(cb->item[0].column, 2);
    const char *lacking[] = { "id", "Q1", "Q2" };
    CU_ASSERT_EQUAL(codebook_bind(cb, lacking, 3, "d.csv", &err), -1);
    if (err) {
        CU_ASSERT(strstr(err, ":13: item 'Q3' is not a column of d.csv")
                  != NULL);
        free(err);
    }
    codebook_free(cb);
}

/* Each bad codebook and the end of its message (after the file name). */
static void test_codebook_errors(void)
{
    static const struct {
        const char *text, *msg;
    } bad[] = {
        { "type,name,code,label\nlevel,a,1,x\nlevel,a,,y\n",
          ":3: levels 'a': level 'y' has no code" },
        { "type,name,code,label\nlevel,a,1,x\nlevel,a,one,y\n",
          ":3: invalid code 'one' (a code is a number)" },
        { "type,name,code,label\nlevel,a,1,x\nlevel,a,1,y\n",
          ":3: levels 'a': code 1 declared twice (first on line 2)" },
        { "type,name,code,label\nlevel,a,1,x\nlevel,a,2,X \n",
          ":3: levels 'a': label 'X' declared twice (first on line 2)" },
        { "type,name,code,label\nlevel,a,1,x\nitem,q\n",
          ": row has 2 fields, expected 4 (as in the header)" },
        { "type,name,code\nlevel,a,1\nlevel,a,2\nitem,q,\nitem,q,\n",
          ":5: item 'q' declared twice (first on line 4)" },
        { "type,name,scale\nscale,s,\nitem,q,\n",
          ":2: scale 's' has no items" },
        { "type,name,scale\nitem,q,t\n", ":2: item 'q': no scale named 't'" },
        { "type,name,min,scale\nscale,s,3,\nitem,q,,s\nitem,r,,s\n",
          ":2: scale 's': min 3 is more than its 2 items" },
        { "type,name,min\nscale,s,0\n",
          ":2: scale 's': invalid min '0' (a whole number of items, at "
          "least 1)" },
        { "type,name,scoring\nscale,s,median\n",
          ":2: scale 's': invalid scoring 'median' (mean or sum)" },
        { "type,name\nlevle,a\n",
          ":2: unknown type 'levle' (level, item or scale)" },
        { "type,name,reverse\nitem,q,maybe\n",
          ":2: item 'q': invalid reverse 'maybe' (yes or no)" },
        { "type,name,reverse\nitem,q,yes\n",
          ":2: item 'q' is reverse-keyed but has no levels to reverse it by" },
        { "type,name,code\nlevel,a,1\n", ":2: levels 'a' has only one level" },
        { "type,name,code,levels\nlevel,a,1,\nlevel,a,2,\nlevel,b,1,\n"
          "level,b,2,\nitem,q,,\n",
          ":6: item 'q': which levels? (the codebook declares 2 level sets; "
          "name one in 'levels')" },
        { "type,name,code,levels\nlevel,a,1,\nlevel,a,2,\nitem,q,,c\n",
          ":4: item 'q': no levels named 'c'" },
        { "type,name\n# nothing,\n", ": no items (rows of type 'item')" },
        { "type,name,code,label\nlevel,a,1,x\nlevel,a,2,1\n",
          ":3: levels 'a': the label '1' of code 2 is the code of another "
          "level (line 2): an answer '1' would mean both" },
        { "kind,name\nitem,q\n", ": not a codebook: the header needs the "
          "columns 'type' and 'name' (and code, label, levels, scale, "
          "reverse, scoring, min as needed)" },
    };
    for (size_t i = 0; i < NELEM(bad); i++) {
        char *err = NULL;
        struct codebook *cb = read_cb(bad[i].text, &err);
        CU_ASSERT_PTR_NULL(cb);
        CU_ASSERT_PTR_NOT_NULL_FATAL(err);
        size_t le = strlen(err), lm = strlen(bad[i].msg);
        int ok = le >= lm && strcmp(err + le - lm, bad[i].msg) == 0 &&
                 strncmp(err, cb_path, strlen(cb_path)) == 0;
        if (!ok)
            fprintf(stderr, "\ncase %zu: got '%s', want '...%s'\n", i, err,
                    bad[i].msg);
        CU_ASSERT(ok);
        free(err);
        codebook_free(cb);
    }
}

struct test_entry {
    const char *name;
    CU_TestFunc fn;
};

static int add_suite(const char *name, const struct test_entry *t, size_t n)
{
    CU_pSuite s = CU_add_suite(name, NULL, NULL);
    if (!s)
        return CU_get_error();
    for (size_t i = 0; i < n; i++)
        if (!CU_add_test(s, t[i].name, t[i].fn))
            return CU_get_error();
    return 0;
}

int register_likert_tests(void)
{
    static const struct test_entry likert[] = {
        { "Wilson interval against prop.test", test_wilson },
        { "Clopper-Pearson against binom.test", test_clopper_pearson },
        { "intervals of n = 0 and a bad level", test_intervals_n0 },
        { "Feldt interval against psych::alpha.ci", test_feldt },
        { "both intervals at n = 4e6 to 1e9", test_intervals_large },
        { "percent and cumulative percent", test_percents },
        { "mean, sd, median of a frequency table", test_describe },
        { "scale scores with a minimum of items", test_score },
        { "covariance matrix against cov()", test_cov },
        { "alpha and items against psych::alpha", test_alpha },
        { "alpha of two items", test_alpha_two_items },
        { "alpha of one row, a constant item, one item",
          test_alpha_degenerate },
    };
    static const struct test_entry codebook[] = {
        { "read, match answers, reverse-key, bind", test_codebook_read },
        { "bad codebooks name their line", test_codebook_errors },
    };
    int rc;
    if ((rc = add_suite("likert", likert, NELEM(likert))) ||
        (rc = add_suite("codebook", codebook, NELEM(codebook))))
        return rc;
    return 0;
}
