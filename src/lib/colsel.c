/* colsel.c - choosing columns by name, number or range. */
#include <config.h>

#include "colsel.h"
#include "strmap.h"
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

#define SHOW_MAX 8       /* names listed when a column is not found */
#define CMP_MAX 32       /* bytes of a name compared for closeness */

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* How far NAME is from ITEM, for listing the closest columns first: the
 * edit distance (Levenshtein: insertions, deletions and substitutions of
 * one byte, each 1) between the two in ASCII lower case, so that a name
 * that differs only in case comes first. Only the first CMP_MAX bytes of
 * each are compared; each byte beyond adds 1 to the longer one's
 * distance, which keeps a 1 GB name cheap and far. */
static size_t distance(const char *item, size_t li, const char *name,
                       size_t ln)
{
    size_t extra = (li > CMP_MAX ? li - CMP_MAX : 0) +
                   (ln > CMP_MAX ? ln - CMP_MAX : 0);
    li = li > CMP_MAX ? CMP_MAX : li;
    ln = ln > CMP_MAX ? CMP_MAX : ln;
    size_t row[CMP_MAX + 1];
    for (size_t j = 0; j <= ln; j++)
        row[j] = j;
    for (size_t i = 1; i <= li; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= ln; j++) {
            size_t up = row[j];
            size_t sub = diag + (lower((unsigned char)item[i - 1]) !=
                                 lower((unsigned char)name[j - 1]));
            size_t best = up + 1 < row[j - 1] + 1 ? up + 1 : row[j - 1] + 1;
            row[j] = sub < best ? sub : best;
            diag = up;
        }
    }
    return row[ln] + extra;
}

static size_t common_prefix(const char *a, size_t la, const char *b,
                            size_t lb)
{
    size_t k = 0;
    while (k < la && k < lb && a[k] == b[k])
        k++;
    return k;
}

static void append_name(char **p, const char *name, int first)
{
    char *shown = sk_shown(name, strlen(name));
    *p += sprintf(*p, "%s'%s'", first ? "" : ", ", shown);
    free(shown);
}

/* Is the name nearest to ITEM (LI bytes), at distance D, clearly the one
 * meant, when the next nearest is at NEXT? When it differs only in case
 * (D = 0) and no other name does; or by at most 2 edits with at least 3
 * bytes of ITEM per edit and every other name at least 2 edits further:
 * 'meetings' for 'meeting', 'age' for 'agee', but not 'Q1' for 'Q7'
 * (Q1 ... Q9 are all 1 edit away), 'Q1' for 'q10' (Q2 is 2 away) or 'a'
 * for 'x'. */
static int suggestable(size_t d, size_t next, size_t li)
{
    if (d == 0)
        return next > 0;
    return d <= 2 && 3 * d <= li && next >= d + 2;
}

/* "no column 'X'; did you mean 'Y'?" when the name nearest (by
 * distance()) is suggestable(); else "no column 'X'; the columns
 * are: 'a', 'b', 'c'" when there are at most SHOW_MAX; else the SHOW_MAX
 * closest names (by distance(), then the longest common prefix, then
 * column order), "the closest columns are: 'x1', ..., 'x8', ... (100000
 * columns in all)". Names are shown as sk_shown() shows them. */
static void fail_unknown(char **err, const char *item,
                         const char *const *names, size_t ncols)
{
    size_t pick[SHOW_MAX], npick = 0, li = strlen(item);
    size_t best = (size_t)-1, next = (size_t)-1, ibest = 0;
    size_t dist[SHOW_MAX], pre[SHOW_MAX];
    for (size_t i = 0; i < ncols; i++) {
        size_t ln = strlen(names[i]);
        size_t d = distance(item, li, names[i], ln);
        if (d < best) {
            next = best;
            best = d;
            ibest = i;
        } else if (d < next)
            next = d;
        if (ncols <= SHOW_MAX) {
            pick[npick++] = i;
            continue;
        }
        size_t c = common_prefix(item, li, names[i], ln);
        size_t k = npick;
        while (k > 0 && (d < dist[k - 1] ||
                         (d == dist[k - 1] && c > pre[k - 1])))
            k--;
        if (k == SHOW_MAX)
            continue;
        size_t last = npick < SHOW_MAX ? npick++ : SHOW_MAX - 1;
        for (size_t j = last; j > k; j--) {
            pick[j] = pick[j - 1];
            dist[j] = dist[j - 1];
            pre[j] = pre[j - 1];
        }
        pick[k] = i;
        dist[k] = d;
        pre[k] = c;
    }
    char *shown = sk_shown(item, li);
    if (ncols > 0 && suggestable(best, next, li)) {
        char *name = sk_shown(names[ibest], strlen(names[ibest]));
        fail(err, "no column '%s'; did you mean '%s'?", shown, name);
        free(name);
        free(shown);
        return;
    }
    /* Each name shown is at most 4 * 60 + 3 bytes, plus quotes and ", ". */
    char *list = sk_xmalloc(SHOW_MAX * (4 * 60 + 3 + 4) + 64), *p = list;
    for (size_t k = 0; k < npick; k++)
        append_name(&p, names[pick[k]], k == 0);
    *p = '\0';
    if (ncols <= SHOW_MAX)
        fail(err, "no column '%s'; the columns are: %s", shown, list);
    else
        fail(err, "no column '%s'; the closest columns are: %s, ... (%zu "
             "columns in all)", shown, list, ncols);
    free(shown);
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

/* The header's names by hash, for a long list on many columns: a list of
 * k names on n columns then costs about k + n, not k * n. */
struct lookup {
    struct strmap *map;    /* NULL: scan the names */
    size_t nuniq;          /* map indexes below it are names */
    size_t *first, *count; /* per name: its first column, how many */
};

static void lookup_init(struct lookup *lk, const char *const *names,
                        size_t ncols)
{
    lk->map = strmap_new();
    lk->first = sk_xcalloc(ncols, sizeof *lk->first);
    lk->count = sk_xcalloc(ncols, sizeof *lk->count);
    for (size_t i = 0; i < ncols; i++) {
        int added;
        size_t k = strmap_intern(lk->map, names[i], strlen(names[i]), &added);
        if (added)
            lk->first[k] = i;
        lk->count[k]++;
    }
    lk->nuniq = strmap_size(lk->map);
}

static void lookup_free(struct lookup *lk)
{
    strmap_free(lk->map);
    free(lk->first);
    free(lk->count);
}

/* 1: found (name or number), 0: not a name or number, -1: error set. */
static int resolve(const char *s, size_t len, const char *const *names,
                   size_t ncols, const struct lookup *lk, size_t *idx,
                   char **err)
{
    size_t found = (size_t)-1, count = 0;
    if (lk && lk->map) {
        int added;
        size_t k = strmap_intern(lk->map, s, len, &added);
        if (k < lk->nuniq) {
            found = lk->first[k];
            count = lk->count[k];
        }
    } else
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
        char *shown = sk_shown(s, len);
        fail(err, "column name '%s' is ambiguous: it names %zu columns; "
             "choose one by number", shown, count);
        free(shown);
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

static void backwards(char **err, const char *item, size_t len)
{
    char *shown = sk_shown(item, len);
    fail(err, "column range '%s' runs backwards", shown);
    free(shown);
}

static int range_sep(const char *item, size_t len, const char *const *names,
                     size_t ncols, const struct lookup *lk, char sepc,
                     size_t *a, size_t *b, char **err)
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
            backwards(err, item, len);
            return -1;
        }
        return 1;
    }
    int ra = resolve(item, la, names, ncols, lk, a, err);
    if (ra < 0)
        return -1;
    int rb = ra ? resolve(sep + 1, lb, names, ncols, lk, b, err) : 0;
    if (rb < 0)
        return -1;
    if (!ra || !rb)
        return 0;
    if (*a > *b) {
        backwards(err, item, len);
        return -1;
    }
    return 1;
}

int colsel_one(const char *item, const char *const *names, size_t ncols,
               size_t *idx, char **err)
{
    *err = NULL;
    int r = resolve(item, strlen(item), names, ncols, NULL, idx, err);
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
    struct lookup lk = { NULL, 0, NULL, NULL };
    size_t nitems = 1;
    for (const char *q = list; *q; q++)
        nitems += *q == ',';
    if (nitems > 16 && ncols > 64)
        lookup_init(&lk, names, ncols);
    *err = NULL;
    for (size_t k_item = 0;; k_item++) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        size_t a = 0, b = 0;
        int r;
        if (len == 0) {
            /* the item's number too when the list is shown cut short */
            char *shown = sk_shown(list, strlen(list));
            if (strlen(list) > 60)
                fail(err, "empty column name in list '%s' (item %zu)", shown,
                     k_item + 1);
            else
                fail(err, "empty column name in list '%s'", shown);
            free(shown);
            goto error;
        }
        r = resolve(p, len, names, ncols, &lk, &a, err);
        if (r == 1)
            b = a;
        else if (r == 0) {
            r = range_sep(p, len, names, ncols, &lk, '-', &a, &b, err);
            if (r == 0)
                r = range_sep(p, len, names, ncols, &lk, ':', &a, &b, err);
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
    lookup_free(&lk);
    *idx = out;
    *n = k;
    return 0;
error:
    lookup_free(&lk);
    free(out);
    return -1;
}
