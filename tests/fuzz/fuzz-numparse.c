/* fuzz-numparse.c - the number parser (numparse.h), against references
 * written here independently.
 *
 * Input: the field. Invariants: num_parse accepts exactly what the
 * grammar of numparse.h (checked here by its own small recogniser)
 * accepts; an accepted number's double is glibc's strtod of it (correctly
 * rounded) and finite, and NUM_RANGE is an overflow (or an underflow) by
 * strtod; the double printed with %.17g reads back to the same double;
 * when the decimal is said to be exact, mant / 10^scale is the field's
 * decimal digit for digit, and its double is the same double. */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "lib/numparse.h"

static int blank(char c)
{
    return c == ' ' || c == '\t';
}

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The decimal of a number by the grammar: sign, its digits without
 * leading and trailing zeros, and the exponent of the last digit kept
 * (value = digits * 10^exp); exp saturates far out of range. */
struct decimal {
    int neg;
    char digits[64];   /* up to 63 significant digits, else too_long */
    int too_long;
    long exp;
};

/* 1 when S..END (blanks removed) is a number by the grammar, with D. */
static int grammar(const char *s, const char *end, struct decimal *d)
{
    char all[1 << 12];
    size_t n = 0;
    long fracdigits = 0;
    memset(d, 0, sizeof *d);
    if (s < end && (*s == '+' || *s == '-'))
        d->neg = *s++ == '-';
    int nd = 0;
    for (; s < end && digit(*s); s++, nd++)
        if (n < sizeof all)
            all[n++] = *s;
        else
            d->too_long = 1;
    if (s < end && *s == '.') {
        for (s++; s < end && digit(*s); s++, nd++, fracdigits++)
            if (n < sizeof all)
                all[n++] = *s;
            else
                d->too_long = 1;
    }
    if (nd == 0)
        return 0;
    long ex = 0;
    if (s < end && (*s == 'e' || *s == 'E')) {
        s++;
        int eneg = 0;
        if (s < end && (*s == '+' || *s == '-'))
            eneg = *s++ == '-';
        if (s == end || !digit(*s))
            return 0;
        for (; s < end && digit(*s); s++)
            if (ex < 1000000000L)
                ex = ex * 10 + (*s - '0');
        if (eneg)
            ex = -ex;
    }
    if (s != end)
        return 0;
    /* strip the zeros */
    size_t a = 0, b = n;
    while (a < b && all[a] == '0')
        a++;
    long exp = ex - fracdigits;
    while (b > a && all[b - 1] == '0') {
        b--;
        exp++;
    }
    if (b - a >= sizeof d->digits)
        d->too_long = 1;
    else {
        memcpy(d->digits, all + a, b - a);
        d->digits[b - a] = '\0';
    }
    d->exp = a == b ? 0 : exp;
    return 1;
}

static double c_strtod(const char *s, int *erange)
{
    static locale_t c;
    if (!c)
        c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    errno = 0;
    double x = strtod_l(s, NULL, c);
    *erange = errno == ERANGE;
    return x;
}

static int same(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4000)
        return 0;
    const char *s = (const char *)data;
    struct num_value v;
    enum num_status st = num_parse(s, size, &v);

    const char *a = s, *b = s + size;
    while (a < b && blank(*a))
        a++;
    while (b > a && blank(b[-1]))
        b--;
    struct decimal d;
    int ok = grammar(a, b, &d);
    FUZZ_ASSERT(ok == (st != NUM_INVALID));
    FUZZ_ASSERT(num_is_blank(s, size) == (a == b));
    if (!ok)
        return 0;

    char copy[4100];
    memcpy(copy, a, (size_t)(b - a));
    copy[b - a] = '\0';
    int erange;
    double ref = c_strtod(copy, &erange);
    if (st == NUM_RANGE) {
        FUZZ_ASSERT(erange);
        return 0;
    }
    FUZZ_ASSERT(isfinite(v.x));
    FUZZ_ASSERT(!isinf(ref));
    FUZZ_ASSERT(same(v.x, ref));

    char printed[64];
    snprintf(printed, sizeof printed, "%.17g", v.x);
    struct num_value w;
    FUZZ_ASSERT(num_parse(printed, strlen(printed), &w) == NUM_OK);
    FUZZ_ASSERT(same(w.x, v.x));

    if (v.exact) {
        FUZZ_ASSERT(v.scale >= 0 && v.scale <= NUM_MAX_SCALE);
        FUZZ_ASSERT(!d.too_long);
        /* mant / 10^scale, as a decimal stripped like the field's */
        char m[32];
        uint64_t um = v.mant < 0 ? (uint64_t)0 - (uint64_t)v.mant
                                 : (uint64_t)v.mant;
        snprintf(m, sizeof m, "%" PRIu64, um);
        size_t mlen = strlen(m);
        long mexp = -v.scale;
        while (mlen > 1 && m[mlen - 1] == '0') {
            m[--mlen] = '\0';
            mexp++;
        }
        if (um == 0) {
            FUZZ_ASSERT(d.digits[0] == '\0');
        } else {
            FUZZ_ASSERT(strcmp(m, d.digits) == 0);
            FUZZ_ASSERT(mexp == d.exp);
            FUZZ_ASSERT((v.mant < 0) == d.neg);
        }
        char dec[64];
        snprintf(dec, sizeof dec, "%" PRId64 "e-%d", v.mant, v.scale);
        double y = c_strtod(dec, &erange);
        FUZZ_ASSERT(y == v.x);
    }
    return 0;
}
