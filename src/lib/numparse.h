/* numparse.h - strict, locale-independent reading of decimal numbers.
 *
 * A field is a number when, after optional leading and trailing blanks
 * (space, tab), it is: an optional sign, digits with an optional decimal
 * point (at least one digit), an optional exponent (e or E, optional sign,
 * digits). Nothing else: no thousands separators, no decimal comma
 * (but see num_parse_mark), no
 * hexadecimal, no inf or nan. The decimal point is '.', whatever the
 * locale. The value must be finite as a double, and a value that is not
 * zero must not round to zero: 1e-400 is out of range as 1e400 is (a
 * subnormal such as 4.9e-324 is kept; 0e-99999 is zero). */
#ifndef SK_NUMPARSE_H
#define SK_NUMPARSE_H

#include <stddef.h>
#include <stdint.h>

struct num_value {
    double x;        /* the value, correctly rounded to the nearest double */
    int64_t mant;    /* when exact: the value is exactly mant / 10^scale */
    int scale;       /* 0..NUM_MAX_SCALE */
    int exact;       /* 1 when mant and scale hold the decimal exactly */
};

#define NUM_MAX_SCALE 18

enum num_status {
    NUM_OK = 0,
    NUM_INVALID,     /* not a number by the grammar above */
    NUM_RANGE        /* a number, but too large for a double (1e999), or
                        nonzero and too small for one (1e-999) */
};

/* Read the LEN bytes at S (need not be NUL-terminated). */
enum num_status num_parse(const char *s, size_t len, struct num_value *out);

/* num_parse with MARK as the decimal mark instead of '.': with ',' (a
 * decimal comma, --decimal-comma) "1,5" is 1.5, exactly as "1.5" is for
 * num_parse (the same double, mant and scale), and "1.5" is NUM_INVALID:
 * one mark or the other, never both, and no thousands separators. */
static inline enum num_status num_parse_mark(const char *s, size_t len,
                                             char mark,
                                             struct num_value *out);

/* The common case of num_parse_mark, inline: [-]DIGITS[MARK DIGITS] with
 * at most 15 digits and nothing else (an answer code, a measurement).
 * 1 with *out as num_parse_mark sets it, or 0 (*out untouched) for every
 * other field, which num_parse_mark reads. Its value is m / 10^f with m
 * < 10^15 < 2^53 and f <= 15, both exact doubles, so the quotient is
 * correctly rounded (Clinger's fast path); the exact decimal is m / 10^f
 * without its trailing zeros. */
static inline int num_parse_short(const char *s, size_t len, char mark,
                                  struct num_value *out)
{
    static const double p10[] = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15
    };
    if (len == 0 || len > 17)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    size_t i = u[0] == '-', i0 = i;
    int neg = (int)i, frac = 0;
    uint64_t m = 0;
    unsigned d;
    while (i < len && (d = (unsigned)u[i] - '0') <= 9) {
        m = m * 10 + d;
        i++;
    }
    size_t digits = i - i0;
    if (i < len && u[i] == (unsigned char)mark) {
        size_t f0 = ++i;
        while (i < len && (d = (unsigned)u[i] - '0') <= 9) {
            m = m * 10 + d;
            i++;
        }
        frac = (int)(i - f0);
        digits += i - f0;
    }
    if (i != len || digits == 0 || digits > 15)
        return 0;
    double x = (double)(int64_t)m;     /* m < 10^17: no unsigned case */
    if (frac)
        x /= p10[frac];
    out->x = neg ? -x : x;
    if (m == 0)
        frac = 0;
    /* the trailing zeros of the fraction off: one without a branch (m's
     * last digit is the field's last byte), more in a loop (rare) */
    int z = frac > 0 && u[len - 1] == '0';
    uint64_t m10 = m / 10;
    m = z ? m10 : m;
    frac -= z;
    if (__builtin_expect(z && frac > 0 && u[len - 2] == '0', 0))
        while (frac > 0 && m % 10 == 0) {
            m /= 10;
            frac--;
        }
    out->exact = 1;
    out->mant = neg ? -(int64_t)m : (int64_t)m;
    out->scale = frac;
    return 1;
}

/* num_parse_mark without its inline one-digit case: every field. */
enum num_status num_parse_mark_any(const char *s, size_t len, char mark,
                                   struct num_value *out);

/* A field of one digit (an answer code: most fields of a survey) read
 * where it is met, without a call; the rest by num_parse_mark_any (which
 * reads one digit the same way). */
static inline enum num_status num_parse_mark(const char *s, size_t len,
                                             char mark,
                                             struct num_value *out)
{
    unsigned d;
    if (len == 1 && (d = (unsigned)(unsigned char)s[0] - '0') <= 9) {
        out->x = (double)d;
        out->mant = (int64_t)d;
        out->scale = 0;
        out->exact = 1;
        return NUM_OK;
    }
    return num_parse_mark_any(s, len, mark, out);
}

/* Is the field blank (empty or only spaces and tabs)? */
int num_is_blank(const char *s, size_t len);

#endif
