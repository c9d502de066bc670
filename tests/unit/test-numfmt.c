/* test-numfmt.c - CUnit tests of numfmt.h: decimal rounding of a number's
 * text, half away from zero; the minus as NUMFMT_MINUS; no leading zero;
 * thousands; p-values; which strings are numbers.
 *
 * Every expected string of numfmt_fixed and numfmt_p comes from Python's
 * decimal module (tests/ref/numfmt.py, whose output is pasted below between
 * the BEGIN/END lines), never from running surveykit. A minus is written
 * there as '-': the tests compare numfmt_ascii() of the result, and check
 * that the result itself has no '-' (every minus is NUMFMT_MINUS). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/numfmt.h"
#include "unit.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])


struct fixed_case {
    const char *in;
    int digits, no_lead_zero;
    const char *thousands, *want;       /* want NULL: not a number */
};

struct p_case {
    const char *in;
    int digits, no_lead_zero;
    const char *want;
};

/* BEGIN PYTHON REFERENCE VALUES: made by tests/ref/numfmt.py; do not edit. */
/* Python 3.11.7, decimal ROUND_HALF_UP */

/* numfmt_fixed: input, digits, no_lead_zero, thousands, expected */
static const struct fixed_case FIXED[] = {
    { "0.125", 2, 0, NULL, "0.13" },
    { "0.135", 2, 0, NULL, "0.14" },
    { "0.145", 2, 0, NULL, "0.15" },
    { "2.5", 0, 0, NULL, "3" },
    { "-2.5", 0, 0, NULL, "-3" },
    { "3.5", 0, 0, NULL, "4" },
    { "0.5", 0, 0, NULL, "1" },
    { "-0.5", 0, 0, NULL, "-1" },
    { "1.5", 0, 0, NULL, "2" },
    { "0.0005", 3, 0, NULL, "0.001" },
    { "-0.0005", 3, 0, NULL, "-0.001" },
    { "1.005", 2, 0, NULL, "1.01" },
    { "2.675", 2, 0, NULL, "2.68" },
    { "0.05", 1, 0, NULL, "0.1" },
    { "-0.05", 1, 0, NULL, "-0.1" },
    { "0.45", 1, 0, NULL, "0.5" },
    { "0.4999999999", 0, 0, NULL, "0" },
    { "0.04999", 1, 0, NULL, "0.0" },
    { "0.0349999999999999", 2, 0, NULL, "0.03" },
    { "0.0349999999999999", 3, 0, NULL, "0.035" },
    { "0.0349999999999999", 6, 0, NULL, "0.035000" },
    { "0.0349999999999999", -1, 0, NULL, "0.0349999999999999" },
    { "1.17322398149768e-19", 3, 0, NULL, "0.000" },
    { "1.17322398149768e-19", 6, 0, NULL, "0.000000" },
    { "1.17322398149768e-19", -1, 0, NULL, "0.000000000000000000117322398149768" },
    { "2.33891935470003e-16", 2, 0, NULL, "0.00" },
    { "2.33891935470003e-16", -1, 0, NULL, "0.000000000000000233891935470003" },
    { "681783", 0, 0, NULL, "681783" },
    { "681783", 2, 0, NULL, "681783.00" },
    { "681783", -1, 0, NULL, "681783" },
    { "681783", 2, 0, ",", "681,783.00" },
    { "-8.28339325826079", 0, 0, NULL, "-8" },
    { "-8.28339325826079", 1, 0, NULL, "-8.3" },
    { "-8.28339325826079", 2, 0, NULL, "-8.28" },
    { "-8.28339325826079", 3, 0, NULL, "-8.283" },
    { "-8.28339325826079", 6, 0, NULL, "-8.283393" },
    { "-8.28339325826079", -1, 0, NULL, "-8.28339325826079" },
    { "1762.96662318694", 0, 0, NULL, "1763" },
    { "1762.96662318694", 1, 0, NULL, "1763.0" },
    { "1762.96662318694", 2, 0, NULL, "1762.97" },
    { "1762.96662318694", 4, 0, NULL, "1762.9666" },
    { "1762.96662318694", 5, 0, NULL, "1762.96662" },
    { "1762.96662318694", -1, 0, NULL, "1762.96662318694" },
    { "1762.96662318694", 2, 0, ",", "1,762.97" },
    { "0.999999999999999", 6, 0, NULL, "1.000000" },
    { "0.999999999999999", -1, 0, NULL, "0.999999999999999" },
    { "-0.999999999999999", 3, 0, NULL, "-1.000" },
    { "4.44089209850063e-16", 0, 0, NULL, "0" },
    { "-4.44089209850063e-16", 3, 0, NULL, "0.000" },
    { "1e5", 0, 0, NULL, "100000" },
    { "1e5", 2, 0, NULL, "100000.00" },
    { "1E5", -1, 0, NULL, "100000" },
    { "1e+5", 0, 0, ",", "100,000" },
    { "1.5e-3", 3, 0, NULL, "0.002" },
    { "1.5e-3", 2, 0, NULL, "0.00" },
    { "1.5e-3", -1, 0, NULL, "0.0015" },
    { "-1.5e-3", 3, 0, NULL, "-0.002" },
    { "5e-4", 3, 0, NULL, "0.001" },
    { "4.9999e-4", 3, 0, NULL, "0.000" },
    { "123.456e-2", 2, 0, NULL, "1.23" },
    { "0.000123e3", 3, 0, NULL, "0.123" },
    { "0.000123e3", -1, 0, NULL, "0.123" },
    { "1.2345e2", 1, 0, NULL, "123.5" },
    { "9.995", 2, 0, NULL, "10.00" },
    { "99.95", 1, 0, NULL, "100.0" },
    { "9.5", 0, 0, NULL, "10" },
    { "-9.995", 2, 0, NULL, "-10.00" },
    { "999999.9995", 3, 0, NULL, "1000000.000" },
    { "1.5e20", 0, 0, NULL, "150000000000000000000" },
    { "1.5e20", 0, 0, ",", "150,000,000,000,000,000,000" },
    { "1e-20", 6, 0, NULL, "0.000000" },
    { "-9.9999999999999e-7", 6, 0, NULL, "-0.000001" },
    { "-9.9999999999999e-7", 5, 0, NULL, "0.00000" },
    { "1e3", 1, 0, NULL, "1000.0" },
    { "-1e3", 0, 0, ",", "-1,000" },
    { "3.14159265358979", 0, 0, NULL, "3" },
    { "3.14159265358979", 1, 0, NULL, "3.1" },
    { "3.14159265358979", 2, 0, NULL, "3.14" },
    { "3.14159265358979", 3, 0, NULL, "3.142" },
    { "3.14159265358979", 4, 0, NULL, "3.1416" },
    { "3.14159265358979", 5, 0, NULL, "3.14159" },
    { "3.14159265358979", 6, 0, NULL, "3.141593" },
    { "0.1", 20, 0, NULL, "0.10000000000000000000" },
    { "2", 3, 0, NULL, "2.000" },
    { "-2", 3, 0, NULL, "-2.000" },
    { "1.50", -1, 0, NULL, "1.5" },
    { "1200", -1, 0, NULL, "1200" },
    { "0.000", -1, 0, NULL, "0" },
    { "-0.0", -1, 0, NULL, "0" },
    { "00012.500", -1, 0, NULL, "12.5" },
    { "+7", -1, 0, NULL, "7" },
    { "-1234.5", -1, 0, ",", "-1,234.5" },
    { ".5", -1, 0, NULL, "0.5" },
    { "5.", -1, 0, NULL, "5" },
    { "0", 2, 0, NULL, "0.00" },
    { "-0", 2, 0, NULL, "0.00" },
    { "0e10", 2, 0, NULL, "0.00" },
    { "-0.001", 2, 0, NULL, "0.00" },
    { "-0.004999", 2, 0, NULL, "0.00" },
    { "-0.4", 0, 0, NULL, "0" },
    { "-1e-19", 3, 0, NULL, "0.000" },
    { "-0.0004", 3, 0, NULL, "0.000" },
    { "+1.5", 0, 0, NULL, "2" },
    { ".5", 0, 0, NULL, "1" },
    { "5.", 0, 0, NULL, "5" },
    { "-.25", 1, 0, NULL, "-0.3" },
    { "00012.50", 1, 0, NULL, "12.5" },
    { "0.34", 2, 1, NULL, ".34" },
    { "-0.34", 2, 1, NULL, "-.34" },
    { "0.0", 2, 1, NULL, ".00" },
    { "0.0", 0, 1, NULL, "0" },
    { "0", -1, 1, NULL, "0" },
    { "0.34", -1, 1, NULL, ".34" },
    { "0.996", 2, 1, NULL, "1.00" },
    { "-0.996", 2, 1, NULL, "-1.00" },
    { "-0.004", 2, 1, NULL, ".00" },
    { "1.34", 2, 1, NULL, "1.34" },
    { "0.5", 0, 1, NULL, "1" },
    { "0.4", 0, 1, NULL, "0" },
    { "0.5", 2, 1, ",", ".50" },
    { "1234567.891", 2, 0, ",", "1,234,567.89" },
    { "-1234", 0, 0, ",", "-1,234" },
    { "999.5", 0, 0, ",", "1,000" },
    { "999.4", 0, 0, ",", "999" },
    { "123", 0, 0, ",", "123" },
    { "1234", 2, 0, ",", "1,234.00" },
    { "-999999.5", 0, 0, ",", "-1,000,000" },
    { "999999.9995", 3, 0, ",", "1,000,000.000" },
    { "12345", 0, 0, " ", "12 345" },
    { "1234567", 0, 0, "\xe2\x80\x89", "1\xe2\x80\x89" "234\xe2\x80\x89" "567" },
    { "-1234567.5", 1, 0, "\xe2\x80\x89", "-1\xe2\x80\x89" "234\xe2\x80\x89" "567.5" },
    { "0.5", 2, 0, ",", "0.50" },
    { "NA", 2, 0, NULL, NULL },
    { "", 2, 0, NULL, NULL },
    { "12a", 2, 0, NULL, NULL },
    { "1e", 2, 0, NULL, NULL },
    { "1e+", 2, 0, NULL, NULL },
    { " 1", 2, 0, NULL, NULL },
    { "1 ", 2, 0, NULL, NULL },
    { "0x10", 2, 0, NULL, NULL },
    { "inf", 2, 0, NULL, NULL },
    { "nan", 2, 0, NULL, NULL },
    { "NaN", 2, 0, NULL, NULL },
    { "-inf", 2, 0, NULL, NULL },
    { "Infinity", 2, 0, NULL, NULL },
    { "1e1001", 0, 0, NULL, NULL },
    { "1e-1001", 0, 0, NULL, NULL },
    { ".", 2, 0, NULL, NULL },
    { "-", 2, 0, NULL, NULL },
    { "1.2.3", 2, 0, NULL, NULL },
    { "1,5", 2, 0, NULL, NULL },
    { "--1", 2, 0, NULL, NULL },
    { "Inf", 2, 0, NULL, "\xe2\x88\x9e" },
    { "+Inf", 2, 0, NULL, "\xe2\x88\x9e" },
    { "-Inf", 2, 0, NULL, "-\xe2\x88\x9e" },
};

/* numfmt_p: input, digits, no_lead_zero, expected */
static const struct p_case PVALUE[] = {
    { "0.0001", 3, 1, "< .001" },
    { "0.0001", 3, 0, "< 0.001" },
    { "0.034", 3, 1, ".034" },
    { "0.034", 3, 0, "0.034" },
    { "0.0005", 3, 1, "< .001" },
    { "0.0005", 3, 0, "< 0.001" },
    { "0.00099999", 3, 1, "< .001" },
    { "0.001", 3, 1, ".001" },
    { "0.0010", 3, 0, "0.001" },
    { "0.00149", 3, 1, ".001" },
    { "0.0015", 3, 1, ".002" },
    { "0.9996", 3, 1, "> .999" },
    { "0.9996", 3, 0, "> 0.999" },
    { "0.9995", 3, 1, "> .999" },
    { "0.99949", 3, 1, ".999" },
    { "1", 3, 1, "> .999" },
    { "1", 3, 0, "> 0.999" },
    { "1.0", 2, 1, "> .99" },
    { "1.5", 3, 1, "> .999" },
    { "0.05", 3, 1, ".050" },
    { "0.05", 2, 1, ".05" },
    { "0.05", 2, 0, "0.05" },
    { "0.05", 0, 1, ".050" },
    { "0.05", -1, 1, ".050" },
    { "0.0349999999999999", 3, 1, ".035" },
    { "0.0349999999999999", 2, 1, ".03" },
    { "0.0449999999999999", 2, 0, "0.04" },
    { "1.17322398149768e-19", 3, 1, "< .001" },
    { "1.17322398149768e-19", 3, 0, "< 0.001" },
    { "2.33891935470003e-16", 6, 1, "< .000001" },
    { "5e-4", 3, 1, "< .001" },
    { "1e-3", 3, 1, ".001" },
    { "0.004", 2, 1, "< .01" },
    { "0.005", 2, 1, "< .01" },
    { "0.0099", 2, 1, "< .01" },
    { "0.01", 2, 1, ".01" },
    { "0.995", 2, 1, "> .99" },
    { "0.994999", 2, 0, "0.99" },
    { "0.5", 6, 0, "0.500000" },
    { "0.9999995", 6, 1, "> .999999" },
    { "0.0000005", 6, 1, "< .000001" },
    { "0.000001", 6, 0, "0.000001" },
    { "0.125", 2, 1, ".13" },
    { "0", 3, 1, "< .001" },
    { "0", 3, 0, "< 0.001" },
    { "-0", 3, 1, "< .001" },
    { "0.000", 2, 0, "< 0.01" },
    { "0e-5", 3, 1, "< .001" },
    { "-0.0001", 3, 1, ".000" },
    { "-0.5", 3, 1, "-.500" },
    { "-0.5", 3, 0, "-0.500" },
    { "-1", 3, 1, "-1.000" },
    { "NA", 3, 1, NULL },
    { "", 3, 1, NULL },
    { "Inf", 3, 1, NULL },
    { "-Inf", 3, 1, NULL },
    { "12a", 3, 1, NULL },
    { "nan", 3, 0, NULL },
    { "1e1001", 3, 0, NULL },
};
/* END PYTHON REFERENCE VALUES */

/* R (as numfmt_fixed or numfmt_p returned it) against WANT, '-' for the
 * minus; prints the case on failure. */
static void check(const char *what, const char *in, int digits, int nlz,
                  const char *thousands, const char *r, const char *want)
{
    int ok;
    char *a = NULL;
    if (!want)
        ok = r == NULL;
    else if (!r)
        ok = 0;
    else {
        a = numfmt_ascii(r);
        /* every minus is NUMFMT_MINUS, and only where want has '-' */
        ok = strcmp(a, want) == 0 && strchr(r, '-') == NULL;
    }
    CU_ASSERT(ok);
    if (!ok)
        fprintf(stderr, "\n  %s(\"%s\", digits %d, no_lead_zero %d, "
                "thousands \"%s\"): \"%s\", want \"%s\"\n", what, in, digits,
                nlz, thousands ? thousands : "(none)",
                a ? a : r ? r : "(NULL)", want ? want : "(NULL)");
    free(a);
}

static void test_fixed_reference(void)
{
    for (size_t i = 0; i < NELEM(FIXED); i++) {
        const struct fixed_case *c = &FIXED[i];
        struct numfmt f = { c->digits, c->no_lead_zero, c->thousands };
        char *r = numfmt_fixed(c->in, &f);
        check("numfmt_fixed", c->in, c->digits, c->no_lead_zero,
              c->thousands, r, c->want);
        free(r);
    }
}

static void test_p_reference(void)
{
    for (size_t i = 0; i < NELEM(PVALUE); i++) {
        const struct p_case *c = &PVALUE[i];
        struct numfmt f = { c->digits, c->no_lead_zero, NULL };
        char *r = numfmt_p(c->in, &f);
        check("numfmt_p", c->in, c->digits, c->no_lead_zero, NULL, r,
              c->want);
        free(r);
    }
}

/* The minus is the control byte itself, and numfmt_ascii makes it '-'. */
static void test_minus(void)
{
    struct numfmt f = { 2, 0, NULL };
    char *r = numfmt_fixed("-1.005", &f);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_STRING_EQUAL(r, NUMFMT_MINUS_S "1.01");
    CU_ASSERT_EQUAL(r[0], NUMFMT_MINUS);
    free(r);
    r = numfmt_fixed("-0.001", &f);            /* rounds to zero: no sign */
    CU_ASSERT_STRING_EQUAL(r, "0.00");
    free(r);
    r = numfmt_fixed("-Inf", &f);
    CU_ASSERT_STRING_EQUAL(r, NUMFMT_MINUS_S "\xe2\x88\x9e");
    free(r);
    char *a = numfmt_ascii(NUMFMT_MINUS_S "1.5 [" NUMFMT_MINUS_S "2, 3]");
    CU_ASSERT_STRING_EQUAL(a, "-1.5 [-2, 3]");
    free(a);
    a = numfmt_ascii("");
    CU_ASSERT_STRING_EQUAL(a, "");
    free(a);
    a = numfmt_ascii("1.5 - 2");               /* '-' already: unchanged */
    CU_ASSERT_STRING_EQUAL(a, "1.5 - 2");
    free(a);
}

/* The exponent limit, both ways: 1e1000 is 1 and 1000 zeros; 1e-1000 is
 * 0.(999 zeros)1 as written. */
static void test_long(void)
{
    struct numfmt f0 = { 0, 0, NULL }, fall = { -1, 0, NULL };
    char *r = numfmt_fixed("1e1000", &f0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(strlen(r), 1001);
    CU_ASSERT(r[0] == '1' && strspn(r + 1, "0") == 1000);
    free(r);
    r = numfmt_fixed("-1e-1000", &fall);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(strlen(r), 1003);
    CU_ASSERT(r[0] == NUMFMT_MINUS && strncmp(r + 1, "0.", 2) == 0 &&
              strspn(r + 3, "0") == 999 && strcmp(r + 1002, "1") == 0);
    free(r);
    struct numfmt f6 = { 6, 0, NULL };
    r = numfmt_fixed("-1e-1000", &f6);
    CU_ASSERT_STRING_EQUAL(r, "0.000000");
    free(r);
    /* 9.(999 nines)5 carries through every digit */
    char s[1100] = "9.";
    memset(s + 2, '9', 999);
    strcpy(s + 1001, "5");
    struct numfmt f3 = { 3, 0, "," };
    r = numfmt_fixed(s, &f3);
    CU_ASSERT_STRING_EQUAL(r, "10.000");
    free(r);
}

static void test_is_number(void)
{
    static const char *const good[] = {
        "0", "1", "-1", "+1", ".5", "5.", "-.5", "+.5e-3", "1e5", "1E5",
        "1e+5", "1e-5", "00012", "0.0349999999999999",
        "1.17322398149768e-19", "2.33891935470003e-16", "681783",
        "-8.28339325826079", "1762.96662318694", "1e1000", "1e-1000",
        "1e0001000", "-0", "0e0"
    };
    static const char *const bad[] = {
        "", " 1", "1 ", "1e", "1e+", "1e-", "0x10", "inf", "nan", "Inf",
        "-Inf", "+Inf", "NA", "NaN", "Infinity", "1e1001", "1e-1001", ".",
        "-", "+", "e5", ".e1", "12a", "1.2.3", "--1", "+-1", "1,5", "1e5.5",
        "1e5e5", "\t1", "1\n", "1_000", "0x1p3", "1d5", "1f", "- 1"
    };
    struct numfmt f = { 2, 0, NULL };
    for (size_t i = 0; i < NELEM(good); i++) {
        CU_ASSERT(numfmt_is_number(good[i]));
        if (!numfmt_is_number(good[i]))
            fprintf(stderr, "\n  refused \"%s\"\n", good[i]);
    }
    for (size_t i = 0; i < NELEM(bad); i++) {
        CU_ASSERT(!numfmt_is_number(bad[i]));
        if (numfmt_is_number(bad[i]))
            fprintf(stderr, "\n  accepted \"%s\"\n", bad[i]);
        CU_ASSERT(!numfmt_is_integer(bad[i]));
        /* not a number: NULL (but Inf, +Inf, -Inf are infinity's sign) */
        char *r = numfmt_fixed(bad[i], &f);
        int inf = strcmp(bad[i], "Inf") == 0 ||
                  strcmp(bad[i], "+Inf") == 0 || strcmp(bad[i], "-Inf") == 0;
        CU_ASSERT(inf ? r != NULL : r == NULL);
        free(r);
        r = numfmt_p(bad[i], &f);
        CU_ASSERT_PTR_NULL(r);
        free(r);
    }
}

static void test_is_integer(void)
{
    static const char *const yes[] = {
        "0", "-0", "12", "-12", "+7", "00012", "681783",
        "123456789012345678901234567890"
    };
    static const char *const no[] = {
        "1.0", "1.", ".5", "1e5", "1E2", "1e0", "-8.28339325826079",
        "1.17322398149768e-19", "NA", "", "Inf", " 1", "1 ", "12a", "0x10"
    };
    for (size_t i = 0; i < NELEM(yes); i++)
        CU_ASSERT(numfmt_is_integer(yes[i]));
    for (size_t i = 0; i < NELEM(no); i++)
        CU_ASSERT(!numfmt_is_integer(no[i]));
}

int register_numfmt_tests(void)
{
    CU_pSuite s = CU_add_suite("numfmt", NULL, NULL);
    if (!s ||
        !CU_add_test(s, "numfmt_fixed against Python's decimal",
                     test_fixed_reference) ||
        !CU_add_test(s, "numfmt_p against Python's decimal",
                     test_p_reference) ||
        !CU_add_test(s, "NUMFMT_MINUS and numfmt_ascii", test_minus) ||
        !CU_add_test(s, "exponents of 1000, long carries", test_long) ||
        !CU_add_test(s, "numfmt_is_number, NULL for non-numbers",
                     test_is_number) ||
        !CU_add_test(s, "numfmt_is_integer", test_is_integer))
        return -1;
    return 0;
}
