/* test-numparse.c - CUnit tests of numparse.h: the grammar, the correctly
 * rounded double (checked against the C library's strtod in the C locale),
 * the exact decimal fields, and independence from LC_NUMERIC. */
#include <config.h>

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/numparse.h"
#include "unit.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

static enum num_status parse(const char *s, struct num_value *v)
{
    memset(v, 0x5a, sizeof *v);
    return num_parse(s, strlen(s), v);
}

static int same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* strtod of the C library on S (no blanks), in the C locale. */
static double c_strtod(const char *s)
{
    char *end;
    double x = strtod(s, &end);
    CU_ASSERT(*end == '\0');
    return x;
}

/* --------------------------------------------------------------- grammar */

static void test_invalid(void)
{
    static const char *const bad[] = {
        "1,5", "abc", "12abc", "", ".", "e5", "1e", "0x10", "inf", "nan",
        "--1", "1 2", "+", "-", "+-1", "-+1", "- 1", "1e+", "1e-", "1e+-5",
        "1.2.3", "1e5.5", "1e5e5", ".e1", "-.e1", "1_000", "1'000",
        "12,345.6", "0x1p3", "INF", "NaN", "Infinity", "-inf", "1d5", "1f",
        "1.5L", "\xd9\xa1", "1\xc2\xa0", "\n1", "1\n", "1\r", "\v1", " ",
        "\t \t", "e", "E", "1E", ".5.", "1..5", "$1", "1%", "(1)", "1-",
        "1+", "0b101", "١", "1e5 5", "+ 1"
    };
    struct num_value v;
    for (size_t i = 0; i < NELEM(bad); i++) {
        enum num_status st = parse(bad[i], &v);
        CU_ASSERT_EQUAL(st, NUM_INVALID);
        if (st != NUM_INVALID)
            fprintf(stderr, "\n  accepted \"%s\"\n", bad[i]);
    }
}

static void test_range(void)
{
    static const char *const big[] = {
        "1e999", "-1e999", "1.7976931348623159e308", "2e308",
        /* 2^1024 - 2^970, halfway between DBL_MAX and 2^1024: rounds up */
        "179769313486231580793728971405303415079934132710037826936173778980"
        "444968292764750946649017977587207096330286416692887910946555547851"
        "940402630657488671505820681908902000708383676273854845817711531764"
        "475730270069855571366959622842914819860834936475292719074168444365"
        "510704342711559699508093042880177904174497792",
        "1e99999999999999999999", " 1e400 ", "0.0001e313"
    };
    struct num_value v;
    for (size_t i = 0; i < NELEM(big); i++)
        CU_ASSERT_EQUAL(parse(big[i], &v), NUM_RANGE);
    /* underflow is a range error too: a nonzero value that rounds to 0
     * (below half the smallest subnormal, 2^-1075) */
    static const char *const tiny[] = {
        "1e-999", "-1e-999", "1e-20000", "-1e-20000", "2e-324",
        "2.4703282292062327e-324", "-2.4703282292062327e-324",
        /* exactly 2^-1075, halfway between 0 and 2^-1074: to even, 0 */
        "2.4703282292062327208828439643411068618252990130716238221279284125"
        "033775363510437593264991818081799618989828234772285886546332835517"
        "796989819938739800539093906315035659515570226392290858392449105184"
        "435931802849936536152500319370457678249219365623669863658480757001"
        "585769269903706311928279558551332927834338409351978015531246597263"
        "579574622766465272827220056374006485499977096599470454020828166226"
        "237857393450736339007967761930577506740176324673600968951340535537"
        "458516661134223766678604162159680461914467291840300530057530849048"
        "765391711386591646239524912623653881879636239373280423891018672348"
        "497668235089863388587925628302755995657524455507255189313690836254"
        "779186948667994968324049705821028513185451396213837722826145437693"
        "412532098591327667236328125e-324",
        "0.0000000000000000000000000000000000000000000000000000000000001e-300",
        "1e-99999999999999999999", " 1e-400 ", "10000e-328",
        "123456789012345678901234567890e-360"
    };
    for (size_t i = 0; i < NELEM(tiny); i++) {
        enum num_status st = parse(tiny[i], &v);
        CU_ASSERT_EQUAL(st, NUM_RANGE);
        if (st != NUM_RANGE)
            fprintf(stderr, "\n  \"%s\" not a range error\n", tiny[i]);
    }
    /* zero with any exponent is zero; subnormals are kept */
    CU_ASSERT_EQUAL(parse("0e-99999", &v), NUM_OK);
    CU_ASSERT(same_double(v.x, 0.0));
    CU_ASSERT_EQUAL(parse("-0.000e-400", &v), NUM_OK);
    CU_ASSERT(same_double(v.x, -0.0));
    CU_ASSERT_EQUAL(parse("0e-99999999999999999999999", &v), NUM_OK);
    CU_ASSERT(same_double(v.x, 0.0));
    CU_ASSERT_EQUAL(parse("2.4703282292062328e-324", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 4.9406564584124654e-324);
    CU_ASSERT_EQUAL(parse("-3e-324", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, -4.9406564584124654e-324);
    CU_ASSERT_EQUAL(parse("1.5e-320", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 1.5e-320);
    CU_ASSERT_EQUAL(parse("1e-310", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 1e-310);
    CU_ASSERT_EQUAL(parse("1.7976931348623157e308", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 1.7976931348623157e308);
    CU_ASSERT_EQUAL(parse("-1.7976931348623158e308", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, -1.7976931348623157e308);
    /* one less than the halfway point: DBL_MAX */
    CU_ASSERT_EQUAL(parse(
        "179769313486231580793728971405303415079934132710037826936173778980"
        "444968292764750946649017977587207096330286416692887910946555547851"
        "940402630657488671505820681908902000708383676273854845817711531764"
        "475730270069855571366959622842914819860834936475292719074168444365"
        "510704342711559699508093042880177904174497791", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 1.7976931348623157e308);
}

struct good {
    const char *s;
    double x;
};

/* Valid forms; the expected double is the compiler's reading of the same
 * literal (and strtod's). */
static void test_valid(void)
{
    static const struct good ok[] = {
        { "0", 0 }, { "1", 1 }, { "-1", -1 }, { "+1", 1 }, { "2.385", 2.385 },
        { "-2.385", -2.385 }, { ".5", .5 }, { "5.", 5. }, { "-.5", -.5 },
        { "+.5", .5 }, { "-5.", -5. }, { "1e5", 1e5 }, { "1E5", 1E5 },
        { "1e+5", 1e+5 }, { "1e-5", 1e-5 }, { "2.5E-3", 2.5E-3 },
        { ".5e1", .5e1 }, { "5.e-1", 5.e-1 }, { "007", 7 },
        { "0.1", 0.1 }, { "2.675", 2.675 }, { "0.3", 0.3 },
        { "9007199254740993", 9007199254740993.0 },
        { "9007199254740992", 9007199254740992.0 },
        { "9007199254740995", 9007199254740995.0 },
        { "1.7976931348623157e308", 1.7976931348623157e308 },
        { "4.9e-324", 4.9e-324 }, { "2.2250738585072014e-308", 2.2250738585072014e-308 },
        { "2.2250738585072011e-308", 2.2250738585072011e-308 },
        { "1e22", 1e22 }, { "1e23", 1e23 }, { "8.5e-23", 8.5e-23 },
        { "123456789012345678901234567890", 123456789012345678901234567890.0 },
        { "0.000000000000000000000000000001234", 0.000000000000000000000000000001234 },
        { "3.14159265358979323846264338327950288", 3.14159265358979323846264338327950288 },
        { "1e0000000000000000000000000005", 1e5 }, { "1e-0", 1 },
        { "00000000000000000000000000001.5", 1.5 },
        { "1.00000000000000011102230246251565404236316680908203125", 1.00000000000000011102230246251565404236316680908203125 },
        { "1.00000000000000011102230246251565404236316680908203126", 1.00000000000000011102230246251565404236316680908203126 },
        { "1.00000000000000011102230246251565404236316680908203124", 1.00000000000000011102230246251565404236316680908203124 },
        { "7.1e-10", 7.1e-10 }, { "1448997445238699", 1448997445238699.0 },
        { "4503599627370497.5", 4503599627370497.5 },
        { "4503599627370496.5", 4503599627370496.5 },
        { "2.4703282292062328e-324", 2.4703282292062328e-324 },
    };
    struct num_value v;
    for (size_t i = 0; i < NELEM(ok); i++) {
        CU_ASSERT_EQUAL_FATAL(parse(ok[i].s, &v), NUM_OK);
        CU_ASSERT(same_double(v.x, ok[i].x));
        CU_ASSERT(same_double(v.x, c_strtod(ok[i].s)));
        if (!same_double(v.x, ok[i].x))
            fprintf(stderr, "\n  \"%s\" read as %.17g\n", ok[i].s, v.x);
    }
    CU_ASSERT_EQUAL(parse("-0", &v), NUM_OK);
    CU_ASSERT(same_double(v.x, -0.0));
    CU_ASSERT_EQUAL(parse("-0.000e5", &v), NUM_OK);
    CU_ASSERT(same_double(v.x, -0.0));
    CU_ASSERT_EQUAL(parse("0e999999", &v), NUM_OK);
    CU_ASSERT(same_double(v.x, 0.0));
}

static void test_blanks(void)
{
    struct num_value v;
    CU_ASSERT_EQUAL(parse(" 1.5", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 1.5);
    CU_ASSERT_EQUAL(parse("1.5 ", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 1.5);
    CU_ASSERT_EQUAL(parse("\t -2.385e1 \t ", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, -23.85);
    CU_ASSERT(v.exact && v.mant == -2385 && v.scale == 2);
    CU_ASSERT_EQUAL(parse("  +.5\t", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 0.5);
    CU_ASSERT_EQUAL(parse(" - 1", &v), NUM_INVALID);
    CU_ASSERT_EQUAL(parse(" 1 . 5 ", &v), NUM_INVALID);
    CU_ASSERT_EQUAL(parse("1 e5", &v), NUM_INVALID);

    CU_ASSERT(num_is_blank("", 0));
    CU_ASSERT(num_is_blank("  \t ", 4));
    CU_ASSERT(!num_is_blank(" 0 ", 3));
    CU_ASSERT(!num_is_blank(" \n", 2));
    CU_ASSERT(num_is_blank("  x", 2));
}

/* The field need not end in NUL: only LEN bytes count. */
static void test_length(void)
{
    struct num_value v;
    CU_ASSERT_EQUAL(num_parse("1.5xyz", 3, &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 1.5);
    CU_ASSERT_EQUAL(num_parse("12", 1, &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 1);
    CU_ASSERT_EQUAL(num_parse("1e5", 2, &v), NUM_INVALID);
    CU_ASSERT_EQUAL(num_parse("7", 0, &v), NUM_INVALID);
    CU_ASSERT_EQUAL(num_parse("2.385 ,", 6, &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 2.385);
    CU_ASSERT_EQUAL(num_parse("1e999", 4, &v), NUM_OK);    /* "1e99" */
    CU_ASSERT_EQUAL(v.x, 1e99);

    /* a long field (the slow path copies it) followed by other bytes */
    char buf[200];
    memset(buf, '3', sizeof buf);
    buf[0] = '0';
    buf[1] = '.';
    buf[150] = '9';     /* outside the field */
    buf[151] = 'x';
    CU_ASSERT_EQUAL(num_parse(buf, 150, &v), NUM_OK);
    char nul[151];
    memcpy(nul, buf, 150);
    nul[150] = '\0';
    CU_ASSERT(same_double(v.x, c_strtod(nul)));
    CU_ASSERT_EQUAL(v.x, 1.0 / 3);
    CU_ASSERT_EQUAL(v.exact, 0);
}

/* --------------------------------------------------------- exact fields */

struct exact_case {
    const char *s;
    int exact;
    int64_t mant;
    int scale;
};

static void test_exact(void)
{
    static const struct exact_case c[] = {
        { "10000000.1", 1, 100000001, 1 },
        { "1.50", 1, 15, 1 },
        { "-0.001", 1, -1, 3 },
        { "1e3", 1, 1000, 0 },
        { "2.385", 1, 2385, 3 },
        { "-2.385E+2", 1, -2385, 1 },
        { "1.5e-3", 1, 15, 4 },
        { "0", 1, 0, 0 },
        { "-0", 1, 0, 0 },
        { "0.000", 1, 0, 0 },
        { "0e-30", 1, 0, 0 },
        { "007.2500", 1, 725, 2 },
        { "00000000000000000000000000001.5", 1, 15, 1 },
        { "1.000000000000000000000000000", 1, 1, 0 },
        { "100", 1, 100, 0 },
        { "12e17", 1, INT64_C(1200000000000000000), 0 },
        { "1e18", 1, INT64_C(1000000000000000000), 0 },
        { "0.000000000000000001", 1, 1, 18 },
        { "0.5e-17", 1, 5, 18 },
        { "123456789012345678", 1, INT64_C(123456789012345678), 0 },
        { "1234567890123456789", 1, INT64_C(1234567890123456789), 0 },
        { "9223372036854775807", 1, INT64_MAX, 0 },
        { "-9223372036854775807", 1, -INT64_MAX, 0 },
        { "922337203685477580.7", 1, INT64_MAX, 1 },
        { "0.123456789012345678", 1, INT64_C(123456789012345678), 18 },
        { "12345678901234567890e-5", 1, INT64_C(1234567890123456789), 4 },
        { "1e-19", 0, 0, 0 },
        { "0.0000000000000000001", 0, 0, 0 },
        { "0.1234567890123456789", 0, 0, 0 },
        { "9223372036854775808", 0, 0, 0 },
        { "12345678901234567890", 0, 0, 0 },
        { "10000000000000000000", 0, 0, 0 },
        { "-12345678901234567890", 0, 0, 0 },
        { "1e19", 0, 0, 0 },
        { "1.00000000000000000001", 0, 0, 0 },
        { "1e300", 0, 0, 0 },
        { "4.9e-324", 0, 0, 0 },
    };
    struct num_value v;
    for (size_t i = 0; i < NELEM(c); i++) {
        CU_ASSERT_EQUAL_FATAL(parse(c[i].s, &v), NUM_OK);
        CU_ASSERT_EQUAL(v.exact, c[i].exact);
        if (c[i].exact) {
            CU_ASSERT_EQUAL(v.mant, c[i].mant);
            CU_ASSERT_EQUAL(v.scale, c[i].scale);
        }
        if (v.exact != c[i].exact ||
            (c[i].exact && (v.mant != c[i].mant || v.scale != c[i].scale)))
            fprintf(stderr, "\n  \"%s\": exact %d mant %lld scale %d\n",
                    c[i].s, v.exact, (long long)v.mant, v.scale);
        CU_ASSERT(same_double(v.x, c_strtod(c[i].s)));
    }
}

/* When the fields say exact, x must be that decimal: an exponent of many
 * digits must not be cut short. "1" and 100000 zeros, times 10^-1000000,
 * is 10^-900000, too small for a double (NUM_RANGE, not 0 and not an
 * exact short form); times 10^-100003 it is 0.001. */
static void test_exact_long_exponent(void)
{
    size_t nz = 100000;
    char *s = malloc(nz + 32);
    CU_ASSERT_FATAL(s != NULL);
    s[0] = '1';
    memset(s + 1, '0', nz);
    strcpy(s + 1 + nz, "e-1000000");
    struct num_value v;
    CU_ASSERT_EQUAL(num_parse(s, strlen(s), &v), NUM_RANGE);
    CU_ASSERT_EQUAL(c_strtod(s), 0.0);
    strcpy(s + 1 + nz, "e-100003");
    CU_ASSERT_EQUAL(num_parse(s, strlen(s), &v), NUM_OK);
    CU_ASSERT(same_double(v.x, c_strtod(s)));
    CU_ASSERT_EQUAL(v.x, 0.001);
    CU_ASSERT(!v.exact || (v.mant == 1 && v.scale == 3));
    if (v.exact && (v.mant != 1 || v.scale != 3))
        fprintf(stderr, "\n  1 and 100000 zeros e-100003: exact mant %lld "
                "scale %d\n", (long long)v.mant, v.scale);
    free(s);
}

/* ---------------------------------------------------- decimal comma */

static enum num_status parse_comma(const char *s, struct num_value *v)
{
    memset(v, 0x5a, sizeof *v);
    return num_parse_mark(s, strlen(s), ',', v);
}

/* With ',' as the mark, "1,5" is what "1.5" is with '.': the same status,
 * the same double to the bit, the same exact mant and scale. The expected
 * mant and scale are the decimal's digits and places, by hand (2,385 is
 * 2385 / 10^3; tests/ref/numparse_comma.py prints them with Python's
 * decimal module); the double is the C library's strtod of the '.' form. */
static void test_comma_exact(void)
{
    static const struct exact_case c[] = {
        { "1,5", 1, 15, 1 },
        { "2,385", 1, 2385, 3 },
        { "-2,385", 1, -2385, 3 },
        { ",5", 1, 5, 1 },
        { "5,", 1, 5, 0 },
        { "-,25", 1, -25, 2 },
        { "10000000,1", 1, 100000001, 1 },
        { "007,2500", 1, 725, 2 },
        { "1,5e-3", 1, 15, 4 },
        { "-2,385E+2", 1, -2385, 1 },
        { "0,000000000000000001", 1, 1, 18 },
        { "922337203685477580,7", 1, INT64_MAX, 1 },
        { "0,123456789012345678", 1, INT64_C(123456789012345678), 18 },
        { "0,1234567890123456789", 0, 0, 0 },
        { "1,00000000000000000001", 0, 0, 0 },
        { "0,1", 1, 1, 1 },
        { "0,3", 1, 3, 1 },
        { "2,675", 1, 2675, 3 },
    };
    struct num_value v, w;
    char dotted[64];
    for (size_t i = 0; i < NELEM(c); i++) {
        snprintf(dotted, sizeof dotted, "%s", c[i].s);
        *strchr(dotted, ',') = '.';
        CU_ASSERT_EQUAL_FATAL(parse_comma(c[i].s, &v), NUM_OK);
        CU_ASSERT_EQUAL(v.exact, c[i].exact);
        if (c[i].exact) {
            CU_ASSERT_EQUAL(v.mant, c[i].mant);
            CU_ASSERT_EQUAL(v.scale, c[i].scale);
        }
        if (v.exact != c[i].exact ||
            (c[i].exact && (v.mant != c[i].mant || v.scale != c[i].scale)))
            fprintf(stderr, "\n  \"%s\": exact %d mant %lld scale %d\n",
                    c[i].s, v.exact, (long long)v.mant, v.scale);
        CU_ASSERT(same_double(v.x, c_strtod(dotted)));
        CU_ASSERT_EQUAL(parse(dotted, &w), NUM_OK);
        CU_ASSERT(same_double(v.x, w.x));
    }
    /* the slow path (strtod on a copy with the mark made '.') */
    CU_ASSERT_EQUAL(parse_comma("9007199254740993,25", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 9007199254740994.0);
    CU_ASSERT_EQUAL(parse_comma("2,4703282292062328e-324", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 4.9406564584124654e-324);
    CU_ASSERT_EQUAL(parse_comma("1,00000000000000011102230246251565404236316680908203126", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 1.0000000000000002);
    CU_ASSERT_EQUAL(parse_comma(" 2,385\t", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 2.385);
    CU_ASSERT_EQUAL(parse_comma("7", &v), NUM_OK);
    CU_ASSERT(v.exact && v.mant == 7 && v.scale == 0);
}

/* One mark only: under ',' a '.' is not a number's (1.5, and 1.000 which
 * might be a thousand), nor are thousands separators or a second mark. */
static void test_comma_invalid(void)
{
    static const char *const bad[] = {
        "1.5", ".5", "5.", "1.000", "1.000,5", "1,000.5", "1,5,0", "1,,5",
        ",", "-,", ",e5", "1,5e", "1 000,5", "1'000,5", "1,5.", "e,5", ""
    };
    struct num_value v;
    for (size_t i = 0; i < NELEM(bad); i++) {
        CU_ASSERT_EQUAL(parse_comma(bad[i], &v), NUM_INVALID);
        if (parse_comma(bad[i], &v) != NUM_INVALID)
            fprintf(stderr, "\n  \"%s\" read under ','\n", bad[i]);
    }
    CU_ASSERT_EQUAL(parse_comma("1,5e999", &v), NUM_RANGE);
    CU_ASSERT_EQUAL(parse_comma("1,5e-999", &v), NUM_RANGE);
    /* and num_parse still refuses the comma */
    CU_ASSERT_EQUAL(parse("1,5", &v), NUM_INVALID);
}

/* ------------------------------------------ many inputs against strtod */

static uint64_t rng_state = UINT64_C(0x2545F4914F6CDD1D);

static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * UINT64_C(2685821657736338717);
}

static unsigned rnd(unsigned n)
{
    return (unsigned)(rng() % n);
}

/* A random number in the grammar; returns its length. Also the expected
 * exact decimal: the significant digits (leading zeros off) and the power
 * of ten. */
static size_t random_number(char *s, int *neg, char *digits, int *ndig,
                            long *pow10, int *rawsig)
{
    size_t n = 0;
    int sign = (int)rnd(3);
    *neg = sign == 2;
    if (sign)
        s[n++] = sign == 1 ? '+' : '-';
    int style = (int)rnd(4);
    unsigned nint = rnd(style == 0 ? 4 : style == 1 ? 12 : 26);
    unsigned nfrac = rnd(style == 0 ? 4 : style == 1 ? 12 : 26);
    int point = rnd(4) != 0;
    if (nint == 0 && (!point || nfrac == 0)) {
        nint = 1 + rnd(3);
    }
    *ndig = 0;
    *pow10 = 0;
    int seen = 0;
    for (unsigned i = 0; i < nint; i++) {
        /* leading zeros now and then, zero runs to test trailing zeros */
        char d = (char)('0' + (rnd(5) == 0 ? 0 : rnd(10)));
        s[n++] = d;
        if (d != '0' || seen) {
            seen = 1;
            digits[(*ndig)++] = d;
        }
    }
    if (point) {
        s[n++] = '.';
        for (unsigned i = 0; i < nfrac; i++) {
            char d = (char)('0' + (rnd(4) == 0 ? 0 : rnd(10)));
            s[n++] = d;
            (*pow10)--;
            if (d != '0' || seen) {
                seen = 1;
                digits[(*ndig)++] = d;
            }
        }
    }
    *rawsig = *ndig;
    if (rnd(3) == 0) {
        s[n++] = rnd(2) ? 'e' : 'E';
        int es = (int)rnd(3);
        if (es)
            s[n++] = es == 1 ? '+' : '-';
        long e = rnd(4) == 0 ? (long)rnd(340) : (long)rnd(25);
        if (rnd(5) == 0)
            s[n++] = '0';
        n += (size_t)sprintf(s + n, "%ld", e);
        *pow10 += es == 2 ? -e : e;
    }
    s[n] = '\0';
    /* trailing zeros of the digits go into the power of ten */
    while (*ndig > 0 && digits[*ndig - 1] == '0') {
        (*ndig)--;
        (*pow10)++;
    }
    digits[*ndig] = '\0';
    return n;
}

static void test_random_vs_strtod(void)
{
    enum { N = 200000 };
    long bad_x = 0, bad_exact = 0, missed_exact = 0, ranges = 0;
    long bad_comma = 0;
    for (int t = 0; t < N; t++) {
        char s[128], field[160], digits[80];
        int neg, ndig, rawsig;
        long p10;
        size_t n = random_number(s, &neg, digits, &ndig, &p10, &rawsig);
        size_t lead = rnd(4) == 0 ? rnd(3) : 0, trail = rnd(4) == 0 ? rnd(3) : 0;
        memset(field, ' ', lead);
        if (lead)
            field[0] = '\t';
        memcpy(field + lead, s, n);
        memset(field + lead + n, ' ', trail);
        field[lead + n + trail] = 'Z';    /* not part of the field */

        struct num_value v;
        enum num_status st = num_parse(field, lead + n + trail, &v);
        /* the same field with a decimal comma reads the same, bit for bit */
        char cfield[160];
        memcpy(cfield, field, lead + n + trail + 1);
        char *dot = memchr(cfield, '.', lead + n + trail);
        if (dot)
            *dot = ',';
        struct num_value cv;
        enum num_status cst = num_parse_mark(cfield, lead + n + trail, ',',
                                             &cv);
        if (cst != st ||
            (st == NUM_OK &&
             (!same_double(cv.x, v.x) || cv.exact != v.exact ||
              (v.exact && (cv.mant != v.mant || cv.scale != v.scale)))))
            if (bad_comma++ < 5)
                fprintf(stderr, "\n  \"%s\" with a comma: %.17g\n", s, cv.x);
        double want = c_strtod(s);
        if (isinf(want) || (want == 0 && ndig > 0)) {
            ranges++;
            if (st != NUM_RANGE)
                bad_x++;
            continue;
        }
        if (st != NUM_OK || !same_double(v.x, want)) {
            if (bad_x++ < 5)
                fprintf(stderr, "\n  \"%s\": %.17g, strtod %.17g\n", s, v.x,
                        want);
            continue;
        }
        /* the exact decimal: digits * 10^p10, scale = -p10 in 0..18 */
        int64_t m = 0;
        int fits = ndig <= 19;
        for (int i = 0; i < ndig && fits; i++) {
            if (m > (INT64_MAX - (digits[i] - '0')) / 10)
                fits = 0;
            else
                m = m * 10 + (digits[i] - '0');
        }
        long e = ndig == 0 ? 0 : p10;
        while (fits && e > 0) {
            if (m > INT64_MAX / 10)
                fits = 0;
            else {
                m *= 10;
                e--;
            }
        }
        int possible = fits && e <= 0 && e >= -18;
        if (v.exact) {
            if (!possible || v.mant != (neg ? -m : m) || v.scale != -e) {
                if (bad_exact++ < 5)
                    fprintf(stderr, "\n  \"%s\": mant %lld scale %d\n", s,
                            (long long)v.mant, v.scale);
            }
        } else if (possible && rawsig <= 18) {
            if (missed_exact++ < 5)
                fprintf(stderr, "\n  \"%s\": not exact\n", s);
        }
    }
    CU_ASSERT_EQUAL(bad_x, 0);
    CU_ASSERT_EQUAL(bad_exact, 0);
    CU_ASSERT_EQUAL(missed_exact, 0);
    CU_ASSERT_EQUAL(bad_comma, 0);
    CU_ASSERT(ranges > 0);
}

/* Plain fields, [-]DIGITS[.DIGITS] of up to 17 bytes (the fast path of
 * num_parse_mark): the same double, bit for bit, and the same exact
 * decimal as the general path (which a leading blank forces) and as
 * strtod; with a decimal comma too. */
static void test_plain_fast_path(void)
{
    enum { N = 300000 };
    long bad = 0, fast_forms = 0;
    for (int t = 0; t < N; t++) {
        char s[40], b[48];
        size_t n = 0;
        if (rnd(3) == 0)
            s[n++] = '-';
        size_t ndig = 1 + rnd(16), point = rnd(3) ? rnd(ndig + 1) : ndig + 1;
        for (size_t i = 0; i < ndig; i++) {
            if (i == point)
                s[n++] = '.';
            s[n++] = (char)('0' + (rnd(4) == 0 ? 0 : rnd(10)));
        }
        if (point == ndig)
            s[n++] = '.';
        s[n] = '\0';
        fast_forms += n <= 17 && ndig <= 15;
        b[0] = ' ';
        memcpy(b + 1, s, n + 1);
        struct num_value v, g, c;
        enum num_status st = num_parse(s, n, &v);
        enum num_status gt = num_parse(b, n + 1, &g);
        char *dot = strchr(b, '.');
        if (dot)
            *dot = ',';
        enum num_status ct = num_parse_mark(b + 1, n, ',', &c);
        double want = c_strtod(s);
        if (st != NUM_OK || gt != NUM_OK || ct != NUM_OK ||
            !same_double(v.x, want) || !same_double(g.x, want) ||
            !same_double(c.x, want) || v.exact != g.exact ||
            c.exact != g.exact || v.mant != g.mant || c.mant != g.mant ||
            v.scale != g.scale || c.scale != g.scale) {
            if (bad++ < 5)
                fprintf(stderr, "\n  \"%s\": %.17g (%lld/10^%d), general "
                        "%.17g (%lld/10^%d)\n", s, v.x, (long long)v.mant,
                        v.scale, g.x, (long long)g.mant, g.scale);
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT(fast_forms > N / 2);
}

/* Any short field, number or not (digits, both marks, signs, blanks,
 * exponents, letters; 0 to 18 bytes): the fast path of num_parse_mark
 * takes only the plain forms and gives what the general path (which a
 * leading blank forces) gives, status, double and exact decimal, with
 * either decimal mark. */
static void test_fast_path_any_field(void)
{
    enum { N = 400000 };
    static const char alphabet[] = "0123456789012345678900000..,,--+ eEa";
    long bad = 0, ok = 0;
    for (int t = 0; t < N; t++) {
        char s[24], b[26];
        size_t n = rnd(19);
        for (size_t i = 0; i < n; i++)
            s[i] = alphabet[rnd(sizeof alphabet - 1)];
        s[n] = '\0';
        b[0] = ' ';
        memcpy(b + 1, s, n + 1);
        for (int k = 0; k < 2; k++) {
            char mark = k ? ',' : '.';
            struct num_value v = { 0, 0, 0, 0 }, g = { 0, 0, 0, 0 };
            enum num_status st = num_parse_mark(s, n, mark, &v);
            enum num_status gt = num_parse_mark(b, n + 1, mark, &g);
            ok += st == NUM_OK;
            if (st != gt || (st == NUM_OK &&
                             (!same_double(v.x, g.x) || v.exact != g.exact ||
                              v.mant != g.mant || v.scale != g.scale))) {
                if (bad++ < 5)
                    fprintf(stderr, "\n  \"%s\" (mark %c): %d %.17g "
                            "(%lld/10^%d), general %d %.17g (%lld/10^%d)\n",
                            s, mark, st, v.x, (long long)v.mant, v.scale, gt,
                            g.x, (long long)g.mant, g.scale);
            }
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT(ok > N / 20);
}

/* Hard cases for correct rounding: halfway and near-halfway decimals of
 * 17 to 40 digits around every power of two, against strtod. */
static void test_halfway(void)
{
    long bad = 0;
    for (int e2 = -1074; e2 <= 1023; e2 += 7) {
        double x = ldexp(1.0 + (double)(rng() >> 12) / 4503599627370496.0, e2);
        if (!isfinite(x) || x == 0)
            continue;
        double y = nextafter(x, INFINITY);
        char s[64];
        /* the midpoint, printed with ever more digits, and just around it */
        long double mid = ((long double)x + (long double)y) / 2;
        for (int digs = 16; digs <= 40; digs += 4) {
            snprintf(s, sizeof s, "%.*Le", digs, mid);
            struct num_value v;
            if (parse(s, &v) != NUM_OK || !same_double(v.x, c_strtod(s)))
                bad++;
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* --------------------------------------------------------------- locale */

static void test_locale(void)
{
    static const char *const names[] = {
        "de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "fr_FR.utf8",
        "nl_NL.UTF-8", "ru_RU.UTF-8"
    };
    const char *got = NULL;
    for (size_t i = 0; i < NELEM(names) && !got; i++)
        if (setlocale(LC_NUMERIC, names[i]))
            got = names[i];
    if (!got) {
        fprintf(stderr, "\n  (no locale with a decimal comma: skipped) ");
        return;
    }
    int comma = strcmp(localeconv()->decimal_point, ",") == 0;
    struct num_value v;
    CU_ASSERT_EQUAL(parse("1.5", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 1.5);
    CU_ASSERT_EQUAL(parse("1,5", &v), NUM_INVALID);
    /* the slow path (strtod) too */
    CU_ASSERT_EQUAL(parse("9007199254740993.25", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 9007199254740994.0);
    CU_ASSERT_EQUAL(parse("2.4703282292062328e-324", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 4.9406564584124654e-324);
    CU_ASSERT_EQUAL(parse("1.00000000000000011102230246251565404236316680908203126", &v), NUM_OK);
    CU_ASSERT_EQUAL(v.x, 1.0000000000000002);
    setlocale(LC_NUMERIC, "C");
    CU_ASSERT(comma);
    fprintf(stderr, "(%s) ", got);
}

int register_numparse_tests(void)
{
    CU_pSuite s = CU_add_suite("numparse", NULL, NULL);
    if (!s ||
        !CU_add_test(s, "not numbers: NUM_INVALID", test_invalid) ||
        !CU_add_test(s, "too large or too small: NUM_RANGE", test_range) ||
        !CU_add_test(s, "valid forms, correctly rounded", test_valid) ||
        !CU_add_test(s, "blanks around", test_blanks) ||
        !CU_add_test(s, "only LEN bytes", test_length) ||
        !CU_add_test(s, "exact mant and scale", test_exact) ||
        !CU_add_test(s, "exact fields with a long exponent",
                     test_exact_long_exponent) ||
        !CU_add_test(s, "decimal comma: exactly as the point",
                     test_comma_exact) ||
        !CU_add_test(s, "decimal comma: one mark only", test_comma_invalid) ||
        !CU_add_test(s, "200000 random numbers against strtod",
                     test_random_vs_strtod) ||
        !CU_add_test(s, "plain fields: fast path as the general one",
                     test_plain_fast_path) ||
        !CU_add_test(s, "any short field: fast path as the general one",
                     test_fast_path_any_field) ||
        !CU_add_test(s, "near-halfway cases against strtod", test_halfway) ||
        !CU_add_test(s, "LC_NUMERIC with a decimal comma is ignored",
                     test_locale))
        return CU_get_error();
    return 0;
}
