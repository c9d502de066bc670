/* colsel.c - choosing columns by name, number or range. */
#include <config.h>

#include "colsel.h"
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(char **err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void fail(char **err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(err, fmt, ap) < 0)
        sk_die("out of memory");
    va_end(ap);
}

/* "no column 'X' (the columns are: a, b, c)" */
static void fail_unknown(char **err, const char *item,
                         const char *const *names, size_t ncols)
{
    size_t len = 0;
    for (size_t i = 0; i < ncols; i++)
        len += strlen(names[i]) + 4;
    char *list = sk_xmalloc(len + 1), *p = list;
    for (size_t i = 0; i < ncols; i++)
        p += sprintf(p, "%s'%s'", i ? ", " : "", names[i]);
    *p = '\0';
    fail(err, "no column '%s'; the columns are: %s", item, list);
    free(list);
}

/* A whole decimal number 1..ncols, or 0 when ITEM is not all digits. */
static size_t parse_number(const char *s, size_t len)
{
    if (len == 0 || len > 18)
        return 0;
    size_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (size_t)(s[i] - '0');
    }
    return v ? v : (size_t)-1;    /* "0" is a number, but out of range */
}

/* 1: found (name or number), 0: not a name or number, -1: error set. */
static int resolve(const char *s, size_t len, const char *const *names,
                   size_t ncols, size_t *idx, char **err)
{
    size_t found = (size_t)-1, count = 0;
    for (size_t i = 0; i < ncols; i++)
        if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0) {
            if (!count)
                found = i;
            count++;
        }
    if (count == 1) {
        *idx = found;
        return 1;
    }
    if (count > 1) {
        fail(err, "column name '%.*s' is ambiguous: it names %zu columns; "
             "choose one by number", (int)len, s, count);
        return -1;
    }
    size_t num = parse_number(s, len);
    if (num) {
        if (num == (size_t)-1 || num > ncols) {
            fail(err, "column number %.*s is out of range: the input has "
                 "%zu column%s", (int)len, s, ncols, ncols == 1 ? "" : "s");
            return -1;
        }
        *idx = num - 1;
        return 1;
    }
    return 0;
}

static int range_sep(const char *item, size_t len, const char *const *names,
                     size_t ncols, char sepc, size_t *a, size_t *b,
                     char **err)
{
    const char *sep = memchr(item, sepc, len);
    if (!sep || sep == item || sep == item + len - 1)
        return 0;
    size_t la = (size_t)(sep - item), lb = len - la - 1;
    if (sepc == '-') {
        /* N-M: by number only, whatever the header says */
        size_t na = parse_number(item, la), nb = parse_number(sep + 1, lb);
        if (!na || !nb)
            return 0;
        int bad_a = na == (size_t)-1 || na > ncols;
        if (bad_a || nb == (size_t)-1 || nb > ncols) {
            fail(err, "column number %.*s is out of range: the input has "
                 "%zu column%s", (int)(bad_a ? la : lb), bad_a ? item : sep + 1,
                 ncols, ncols == 1 ? "" : "s");
            return -1;
        }
        *a = na - 1;
        *b = nb - 1;
        if (*a > *b) {
            fail(err, "column range '%.*s' runs backwards", (int)len, item);
            return -1;
        }
        return 1;
    }
    int ra = resolve(item, la, names, ncols, a, err);
    if (ra < 0)
        return -1;
    int rb = ra ? resolve(sep + 1, lb, names, ncols, b, err) : 0;
    if (rb < 0)
        return -1;
    if (!ra || !rb)
        return 0;
    if (*a > *b) {
        fail(err, "column range '%.*s' runs backwards", (int)len, item);
        return -1;
    }
    return 1;
}

int colsel_one(const char *item, const char *const *names, size_t ncols,
               size_t *idx, char **err)
{
    *err = NULL;
    int r = resolve(item, strlen(item), names, ncols, idx, err);
    if (r == 0)
        fail_unknown(err, item, names, ncols);
    return r == 1 ? 0 : -1;
}

int colsel_parse(const char *list, const char *const *names, size_t ncols,
                 size_t **idx, size_t *n, char **err)
{
    size_t cap = ncols ? ncols : 1, k = 0;
    size_t *out = sk_xcalloc(cap, sizeof *out);
    const char *p = list;
    *err = NULL;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        size_t a = 0, b = 0;
        int r;
        if (len == 0) {
            fail(err, "empty column name in list '%s'", list);
            goto error;
        }
        r = resolve(p, len, names, ncols, &a, err);
        if (r == 1)
            b = a;
        else if (r == 0) {
            r = range_sep(p, len, names, ncols, '-', &a, &b, err);
            if (r == 0)
                r = range_sep(p, len, names, ncols, ':', &a, &b, err);
        }
        if (r < 0)
            goto error;
        if (r == 0) {
            char *item = sk_xstrndup(p, len);
            fail_unknown(err, item, names, ncols);
            free(item);
            goto error;
        }
        for (size_t i = a; i <= b; i++) {
            if (k == cap) {
                cap *= 2;
                out = sk_xreallocarray(out, cap, sizeof *out);
            }
            out[k++] = i;
        }
        if (!comma)
            break;
        p = comma + 1;
    }
    *idx = out;
    *n = k;
    return 0;
error:
    free(out);
    return -1;
}
