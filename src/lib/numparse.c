/* numparse.c - strict, locale-independent reading of decimal numbers. */
#include <config.h>

#include "numparse.h"
#include "util.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const double exact_pow10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

static locale_t c_locale(void)
{
    static locale_t loc;
    if (!loc) {
        loc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
        if (!loc)
            sk_die("cannot create the C locale");
    }
    return loc;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

int num_is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!is_blank(s[i]))
            return 0;
    return 1;
}

/* Every field that is not [-]DIGITS[MARK DIGITS] of at most 15 digits:
 * blanks, a sign, an exponent, more digits, or not a number. One
 * function on purpose: its steps (blanks, sign, digits with the exact
 * scaled integer alongside, exponent, strtod for the double, the range
 * checks) share the cursor and the partial results. Apart from the
 * common case (num_parse_mark_any), so that it makes no stack frame. */
static enum num_status __attribute__((noinline))
parse_general(const char *s, size_t len, char mark, struct num_value *out)
{
    const char *p = s, *end = s + len;
    while (p < end && is_blank(*p))
        p++;
    while (end > p && is_blank(end[-1]))
        end--;
    const char *start = p;

    int neg = 0;
    if (p < end && (*p == '+' || *p == '-'))
        neg = (*p++ == '-');

    uint64_t m = 0;
    int sigdigits = 0;    /* significant digits kept in m */
    int dropped = 0;      /* nonzero digits that did not fit */
    long e10 = 0;         /* value = m * 10^e10 (before the exponent) */
    int ndigits = 0;

    for (; p < end && *p >= '0' && *p <= '9'; p++, ndigits++) {
        if (sigdigits < 19) {
            m = m * 10 + (uint64_t)(*p - '0');
            if (m)
                sigdigits++;
        } else {
            e10++;
            dropped |= (*p != '0');
        }
    }
    if (p < end && *p == mark) {
        p++;
        for (; p < end && *p >= '0' && *p <= '9'; p++, ndigits++) {
            if (sigdigits < 19) {
                m = m * 10 + (uint64_t)(*p - '0');
                if (m)
                    sigdigits++;
                e10--;
            } else
                dropped |= (*p != '0');
        }
    }
    if (ndigits == 0)
        return NUM_INVALID;
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        int eneg = 0;
        if (p < end && (*p == '+' || *p == '-'))
            eneg = (*p++ == '-');
        if (p == end || *p < '0' || *p > '9')
            return NUM_INVALID;
        long ex = 0;
        for (; p < end && *p >= '0' && *p <= '9'; p++)
            if (ex < 100000000000000L)    /* saturate, far out of range */
                ex = ex * 10 + (*p - '0');
        e10 += eneg ? -ex : ex;
    }
    if (p != end)
        return NUM_INVALID;

    /* The double: Clinger's fast path when it is exact, else strtod. */
    double x;
    if (!dropped && m < (UINT64_C(1) << 53) && e10 >= -22 && e10 <= 22) {
        x = (double)m;
        x = e10 < 0 ? x / exact_pow10[-e10] : x * exact_pow10[e10];
        if (neg)
            x = -x;
    } else if (m == 0) {
        x = neg ? -0.0 : 0.0;
    } else {
        char small[64];
        size_t n = (size_t)(end - start);
        char *copy = n < sizeof small ? small : sk_xmalloc(n + 1);
        memcpy(copy, start, n);
        copy[n] = '\0';
        if (mark != '.') {
            char *dot = memchr(copy, mark, n);
            if (dot)
                *dot = '.';
        }
        x = strtod_l(copy, NULL, c_locale());
        if (copy != small)
            free(copy);
        /* beyond DBL_MAX, or nonzero but below half the smallest
         * subnormal (rounds to 0): out of range either way */
        if (!isfinite(x) || x == 0)
            return NUM_RANGE;
    }
    out->x = x;

    /* The exact decimal, as mant / 10^scale with scale in 0..18. */
    out->exact = 0;
    out->mant = 0;
    out->scale = 0;
    if (m == 0)
        e10 = 0;
    while (!dropped && e10 < 0 && m % 10 == 0) {
        m /= 10;
        e10++;
    }
    if (!dropped && m <= (uint64_t)INT64_MAX) {
        while (e10 > 0 && m <= (uint64_t)INT64_MAX / 10) {
            m *= 10;
            e10--;
        }
        if (e10 <= 0 && e10 >= -NUM_MAX_SCALE) {
            out->exact = 1;
            out->mant = neg ? -(int64_t)m : (int64_t)m;
            out->scale = (int)-e10;
        }
    }
    return NUM_OK;
}

enum num_status num_parse(const char *s, size_t len, struct num_value *out)
{
    return num_parse_mark(s, len, '.', out);
}

enum num_status num_parse_mark_any(const char *s, size_t len, char mark,
                                   struct num_value *out)
{
    if (len == 1 && (unsigned)(unsigned char)s[0] - '0' <= 9) {
        int d = s[0] - '0';       /* one digit: an answer code */
        out->x = (double)d;
        out->mant = d;
        out->scale = 0;
        out->exact = 1;
        return NUM_OK;
    }
    if (num_parse_short(s, len, mark, out))
        return NUM_OK;
    return parse_general(s, len, mark, out);
}
