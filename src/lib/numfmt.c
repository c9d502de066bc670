/* numfmt.c - decimal rounding of a number's text (see numfmt.h). */
#include <config.h>

#include "numfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* A number as written: sign, significant digits (no leading zeros; "" for
 * zero) and the count of them before the decimal point (may be negative or
 * beyond the digits: 0.0012 is "12", -2; 1200 is "12", 4). */
struct dec {
    int neg;
    char *dig;
    long intlen;
};

/* Exponents beyond this are not numbers a program printed (doubles end
 * near 1e308); refusing them keeps the digit strings small. */
#define MAX_EXP 1000

static int parse(const char *s, struct dec *d)
{
    const char *p = s;
    d->neg = 0;
    d->dig = NULL;
    if (*p == '+' || *p == '-')
        d->neg = *p++ == '-';
    size_t nd = 0, before = 0;
    int point = 0;
    const char *m = p;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            nd++;
            if (!point)
                before++;
        } else if (*p == '.' && !point)
            point = 1;
        else
            break;
    }
    if (nd == 0)
        return -1;
    const char *mend = p;
    long e = 0;
    if (*p == 'e' || *p == 'E') {
        p++;
        int eneg = 0;
        if (*p == '+' || *p == '-')
            eneg = *p++ == '-';
        if (!(*p >= '0' && *p <= '9'))
            return -1;
        for (; *p >= '0' && *p <= '9'; p++) {
            e = e * 10 + (*p - '0');
            if (e > MAX_EXP)
                return -1;
        }
        if (eneg)
            e = -e;
    }
    if (*p)
        return -1;
    d->dig = sk_xmalloc(nd + 1);
    size_t k = 0;
    long intlen = (long)before + e;
    int lead = 1;
    for (const char *q = m; q < mend; q++) {
        if (*q == '.')
            continue;
        if (lead && *q == '0') {
            intlen--;
            continue;
        }
        lead = 0;
        d->dig[k++] = *q;
    }
    d->dig[k] = '\0';
    while (k > 0 && d->dig[k - 1] == '0')
        d->dig[--k] = '\0';
    d->intlen = k ? intlen : 1;
    if (!k)
        d->neg = 0;
    return 0;
}

int numfmt_is_number(const char *s)
{
    struct dec d;
    if (parse(s, &d) != 0)
        return 0;
    free(d.dig);
    return 1;
}

int numfmt_is_integer(const char *s)
{
    if (!numfmt_is_number(s))
        return 0;
    return strpbrk(s, ".eE") == NULL;
}

/* Append to a growing string. */
struct buf {
    char *s;
    size_t n, cap;
};

static void put(struct buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = 2 * (b->n + n + 1);
        b->s = sk_xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void putc_(struct buf *b, char c)
{
    put(b, &c, 1);
}

/* The fixed-point text of D rounded to DIGITS decimals (-1: every digit). */
static char *render(const struct dec *d, int digits, const struct numfmt *f)
{
    size_t nd = strlen(d->dig);
    /* integer and fraction digits before rounding */
    size_t ilen = d->intlen > 0 ? (size_t)d->intlen : 0;
    size_t flen_all = d->intlen >= (long)nd ? 0
                      : (size_t)((long)nd - d->intlen);
    size_t flen = digits < 0 ? flen_all : (size_t)digits;
    char *in = sk_xmalloc(ilen + 2), *fr = sk_xmalloc(flen + 1);
    /* in[0] is a spare digit for a carry out of the integer part */
    in[0] = '0';
    for (size_t i = 0; i < ilen; i++)
        in[1 + i] = i < nd ? d->dig[i] : '0';
    in[ilen + 1] = '\0';
    /* digit j of the fraction (0-based) */
#define FRAC(j) ((long)(j) + d->intlen >= 0 && \
                 (size_t)((long)(j) + d->intlen) < nd \
                 ? d->dig[(long)(j) + d->intlen] : '0')
    for (size_t j = 0; j < flen; j++)
        fr[j] = FRAC(j);
    fr[flen] = '\0';
    if (flen < flen_all && FRAC(flen) >= '5') {
        /* half away from zero: add one unit in the last place kept */
        size_t j = flen;
        int carry = 1;
        while (carry && j > 0) {
            if (fr[j - 1] == '9')
                fr[--j] = '0';
            else {
                fr[j - 1]++;
                carry = 0;
            }
        }
        for (size_t i = ilen + 1; carry && i > 0; i--) {
            if (in[i - 1] == '9')
                in[i - 1] = '0';
            else {
                in[i - 1]++;
                carry = 0;
            }
        }
    }
#undef FRAC
    const char *ip = in;
    while (*ip == '0' && ip[1])
        ip++;
    int zero = strcmp(ip, "0") == 0 && strspn(fr, "0") == flen;
    struct buf b = { NULL, 0, 0 };
    put(&b, "", 0);
    if (d->neg && !zero)
        putc_(&b, NUMFMT_MINUS);
    if (!(f->no_lead_zero && strcmp(ip, "0") == 0 && flen > 0)) {
        size_t il = strlen(ip);
        for (size_t i = 0; i < il; i++) {
            if (f->thousands && i > 0 && (il - i) % 3 == 0)
                put(&b, f->thousands, strlen(f->thousands));
            putc_(&b, ip[i]);
        }
    }
    if (flen > 0) {
        putc_(&b, '.');
        put(&b, fr, flen);
    }
    free(in);
    free(fr);
    return b.s;
}

static char *special(const char *s)
{
    if (strcmp(s, "Inf") == 0 || strcmp(s, "+Inf") == 0)
        return sk_xstrdup("\xe2\x88\x9e");          /* U+221E */
    if (strcmp(s, "-Inf") == 0)
        return sk_xstrdup(NUMFMT_MINUS_S "\xe2\x88\x9e");
    return NULL;
}

char *numfmt_fixed(const char *s, const struct numfmt *f)
{
    char *sp = special(s);
    if (sp)
        return sp;
    struct dec d;
    if (parse(s, &d) != 0)
        return NULL;
    char *r = render(&d, f->digits, f);
    free(d.dig);
    return r;
}

char *numfmt_p(const char *s, const struct numfmt *f)
{
    struct dec d;
    if (parse(s, &d) != 0)
        return NULL;
    int digits = f->digits < 1 ? 3 : f->digits;
    const char *lead = f->no_lead_zero ? "" : "0";
    char *r = NULL;
    /* below 10^-digits: zero, or the first significant digit is past the
     * last decimal kept (a p-value is never negative; a negative one is
     * shown as written) */
    if (!d.neg && (!d.dig[0] || d.intlen <= -digits)) {
        if (asprintf(&r, "< %s.%0*d", lead, digits, 1) < 0)
            sk_die("out of memory");
    } else {
        r = render(&d, digits, f);
        /* rounds to 1 (or is 1, or more: shown as written would mislead) */
        if (!d.neg && r[0] != '0' && r[0] != '.') {
            free(r);
            char nines[64];
            int k = digits < 60 ? digits : 60;
            memset(nines, '9', (size_t)k);
            nines[k] = '\0';
            if (asprintf(&r, "> %s.%s", lead, nines) < 0)
                sk_die("out of memory");
        }
    }
    free(d.dig);
    return r;
}

char *numfmt_ascii(const char *s)
{
    char *r = sk_xstrdup(s);
    for (char *p = r; *p; p++)
        if (*p == NUMFMT_MINUS)
            *p = '-';
    return r;
}
