/* describe.c - one-pass accumulation and descriptive statistics. */
#include <config.h>

#include "describe.h"
#include "dist.h"
#include "dsort.h"
#include "quantile.h"
#include "util.h"
#include "xsum.h"

#include <float.h>
#include <gmp.h>
#include <math.h>
#include <mpfr.h>
#include <stdlib.h>
#include <string.h>

void acc_init(struct acc *a)
{
    a->n = a->missing = 0;
    exsum_init(&a->ex);
    a->tv = NULL;
    a->tc = NULL;
    a->tk = 0;
    a->v = NULL;
    a->nv = a->cap = 0;
    a->raw = 0;
    a->lo = INFINITY;
    a->hi = -INFINITY;
    a->scale = a->inexact = 0;
    a->skips = 0;
    a->dc = NULL;
    a->dch = NULL;
    a->dbase = 0;
    a->dspan = a->dused = a->dfill = a->dcap = 0;
    a->dscale = 0;
    a->dpend = NULL;
    a->npend = 0;
    a->dsum = 0;
}

void acc_free(struct acc *a)
{
    free(a->tv);
    free(a->tc);
    free(a->v);
    free(a->dc);
    free(a->dch);
    free(a->dpend);
    a->tv = a->v = NULL;
    a->tc = NULL;
    a->dc = a->dch = NULL;
    a->dpend = NULL;
}

static const double pow10_d[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
    1e13, 1e14, 1e15, 1e16, 1e17, 1e18
};

/* The smallest buffer once values are counted (the first grows to it
 * from 16 values), and the table size up to which a buffered value is
 * looked up in the table rather than sorted and merged. */
#define ACC_BUF_MIN 1024
#define ACC_LOOKUP_MAX 4096

/* Runs of equal values of sorted v[0..n) compressed in place, their
 * counts into c[]; returns how many. */
static size_t runs(double *v, size_t n, size_t *c)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && v[j] == v[i])
            j++;
        v[k] = v[i];
        c[k++] = j - i;
        i = j;
    }
    return k;
}

/* The index of x in the table, or tk when it is not there: a binary
 * search without branches on the comparisons. */
static inline size_t table_find(const struct acc *a, double x)
{
    size_t lo = 0, len = a->tk;
    while (len > 1) {
        size_t half = len / 2;
        lo = a->tv[lo + half - 1] < x ? lo + half : lo;
        len -= half;
    }
    lo += a->tv[lo] < x;
    return lo < a->tk && a->tv[lo] == x ? lo : a->tk;
}

/* The number of distinct values of sorted v[0..n). */
static size_t distinct(const double *v, size_t n)
{
    size_t k = n > 0;
    for (size_t i = 1; i < n; i++)
        k += v[i] != v[i - 1];
    return k;
}

/* A buffer of CAP values, empty. */
static void new_buffer(struct acc *a, size_t cap)
{
    if (cap != a->cap) {
        free(a->v);
        a->v = sk_xcalloc(cap, sizeof *a->v);
        a->cap = cap;
    }
    a->nv = 0;
}

/* Every value of the table into v, sorted, with room for as many again
 * unless FINAL: the raw form. */
static void to_raw(struct acc *a, int final)
{
    size_t n = a->n;
    a->cap = final ? n : 2 * n > ACC_BUF_MIN ? 2 * n : ACC_BUF_MIN;
    free(a->v);
    a->v = sk_xcalloc(a->cap, sizeof *a->v);
    size_t p = 0;
    for (size_t q = 0; q < a->tk; q++)
        for (size_t c = 0; c < a->tc[q]; c++)
            a->v[p++] = a->tv[q];
    a->nv = n;
    free(a->tv);
    free(a->tc);
    a->tv = NULL;
    a->tc = NULL;
    a->tk = 0;
    a->raw = 1;
}


/* ---- the dense form ---- */

/* At most this many slots a distinct value (4 bytes each: no more memory
 * than the table's 16), and keys below 2^51 in magnitude, where
 * consecutive keys k / 10^s are distinct doubles, in order. */
#define DENSE_FILL 4
#define DENSE_KEY_MAX ((int64_t)1 << 51)

/* The count of slot i. */
static inline uint32_t dcount(const struct acc *a, size_t i)
{
    return a->dc[i] | (a->dch ? (uint32_t)a->dch[i] << 16 : 0);
}

/* Slot i's low half went round: its carry (the high halves made when
 * there are none yet). */
static void __attribute__((noinline)) dense_carry(struct acc *a, size_t i)
{
    if (!a->dch)
        a->dch = sk_xcalloc(a->dspan, sizeof *a->dch);
    a->dch[i]++;
}

/* The pending values into their slots. */
static void dense_apply(struct acc *a)
{
    uint16_t *dc = a->dc;
    size_t used = a->dused, j = 0;
    if (!a->dch)                /* no count past 65535 yet: most of them */
        for (; j < a->npend; j++) {
            size_t i = a->dpend[j];
            used += dc[i] == 0;
            if (__builtin_expect(++dc[i] == 0, 0)) {
                dense_carry(a, i);
                j++;
                break;
            }
        }
    for (; j < a->npend; j++) {
        size_t i = a->dpend[j];
        used += dc[i] == 0 && a->dch[i] == 0;
        if (++dc[i] == 0)
            dense_carry(a, i);
    }
    a->dused = used;
    a->npend = 0;
}

/* The key k of a value x of the table at scale s: x is the double of k /
 * 10^s (so (double)k / 10^s gives x back). 0, or -1 when there is none. */
static int dense_key(double x, int s, int64_t *k)
{
    double y = nearbyint(x * pow10_d[s]);
    if (!(fabs(y) < (double)DENSE_KEY_MAX) || y / pow10_d[s] != x)
        return -1;
    *k = (int64_t)y;
    return 0;
}

/* SIGN (1 or -1) times the exact sums of the dense counts added to ex:
 * slot i is the integer dbase + i at ex's scale, below 2^51 in
 * magnitude. Exactness is lost when the sums do not fit, as it would be
 * value by value: the sum of squares only grows, and the sum is at most
 * it in magnitude. */
static void dense_sums(struct acc *a, int sign)
{
    struct exsum *e = &a->ex;
    __int128 s = 0, ss = 0;
    size_t n = 0;
    int over = 0;
    for (size_t i = 0; i < a->dspan; i++) {
        uint32_t c = dcount(a, i);
        if (!c)
            continue;
        int64_t k = a->dbase + (int64_t)i;
        __int128 ck = (__int128)c * k, ckk;       /* |ck| < 2^83 */
        if (c < (1u << 24))                       /* c k^2 < 2^126 */
            ckk = (__int128)k * k * c;
        else
            over |= __builtin_mul_overflow(ck, (__int128)k, &ckk);
        over |= __builtin_add_overflow(s, ck, &s);
        over |= __builtin_add_overflow(ss, ckk, &ss);
        n += c;
    }
    if (sign > 0) {
        over |= __builtin_add_overflow(e->s, s, &e->s);
        over |= __builtin_add_overflow(e->ss, ss, &e->ss);
        e->n += n;
    } else {
        over |= __builtin_sub_overflow(e->s, s, &e->s);
        over |= __builtin_sub_overflow(e->ss, ss, &e->ss);
        e->n -= n;
    }
    if (over)
        e->ok = 0;
}

/* The table of the dense counts: tv, tc and tk, the counts freed (and
 * their sums in ex). */
static void dense_to_table(struct acc *a)
{
    dense_apply(a);
    if (a->dsum) {
        dense_sums(a, 1);
        a->dsum = 0;
    }
    size_t k = a->dused, j = 0;
    a->tv = sk_xcalloc(k ? k : 1, sizeof *a->tv);
    a->tc = sk_xcalloc(k ? k : 1, sizeof *a->tc);
    double p = pow10_d[a->dscale];
    for (size_t i = 0; i < a->dspan; i++)
        if (dcount(a, i)) {
            a->tv[j] = (double)(a->dbase + (int64_t)i) / p;
            a->tc[j++] = dcount(a, i);
        }
    a->tk = j;
    free(a->dc);
    free(a->dch);
    free(a->dpend);
    a->dc = a->dch = NULL;
    a->dpend = NULL;
    a->dspan = a->dused = 0;
}

/* Back to the table with a buffer that fills where the dense form's next
 * flush was due. */
static void leave_dense(struct acc *a)
{
    size_t room = a->dcap - a->dfill;
    dense_to_table(a);
    new_buffer(a, room);
}

/* The dense form of counts DC (USED of them nonzero) of the keys K0 ..
 * K0 + SPAN - 1 at the decimals' largest scale, its next flush due after
 * CAP values (the buffer's size); the table and the buffer freed. */
static void enter_dense(struct acc *a, uint32_t *dc, int64_t k0, size_t span,
                        size_t used, size_t cap)
{
    a->dc = sk_xcalloc(span, sizeof *a->dc);
    a->dch = NULL;
    for (size_t i = 0; i < span; i++) {
        a->dc[i] = (uint16_t)dc[i];
        if (dc[i] >> 16) {
            if (!a->dch)
                a->dch = sk_xcalloc(span, sizeof *a->dch);
            a->dch[i] = (uint16_t)(dc[i] >> 16);
        }
    }
    free(dc);
    a->dpend = sk_xcalloc(ACC_DENSE_PEND, sizeof *a->dpend);
    a->npend = 0;
    a->dbase = k0;
    a->dspan = span;
    a->dscale = a->scale;
    a->dused = used;
    a->dfill = 0;
    a->dcap = cap;
    /* the sums of the counts (every value) out of ex, back when the form
     * ends */
    a->dsum = a->ex.ok && a->ex.scale == a->scale;
    if (a->dsum && a->ex.n == a->n) {
        /* ex holds every value, all of them counted: their sums less
         * the counts' are nothing */
        a->ex.s = a->ex.ss = 0;
        a->ex.n = 0;
    } else if (a->dsum)
        dense_sums(a, -1);
    free(a->tv);
    free(a->tc);
    free(a->v);
    a->tv = a->v = NULL;
    a->tc = NULL;
    a->tk = a->nv = a->cap = 0;
}

/* A table of more than ACC_LOOKUP_MAX exact decimals that fill a quarter
 * of their span at least, as dense counts (the buffer freed). */
static void try_dense(struct acc *a)
{
    if (a->tk <= ACC_LOOKUP_MAX || a->raw || a->inexact ||
        a->scale > 15 || a->nv > 0)
        return;
    int s = a->scale;
    int64_t k0, k1, k;
    if (dense_key(a->tv[0], s, &k0) != 0 ||
        dense_key(a->tv[a->tk - 1], s, &k1) != 0)
        return;
    uint64_t span = (uint64_t)(k1 - k0) + 1;
    if (span > (uint64_t)DENSE_FILL * a->tk)
        return;
    for (size_t i = 0; i < a->tk; i++)
        if (a->tc[i] > UINT32_MAX)
            return;
    uint32_t *dc = sk_xcalloc((size_t)span, sizeof *dc);
    for (size_t i = 0; i < a->tk; i++) {
        if (dense_key(a->tv[i], s, &k) != 0 || k < k0 || k > k1) {
            free(dc);
            return;
        }
        dc[k - k0] = (uint32_t)a->tc[i];
    }
    enter_dense(a, dc, k0, (size_t)span, a->tk, a->cap);
}

/* The window of the dense counts widened to hold key k, within the fill
 * rule: 0, or -1 (left as it was). */
static int dense_grow(struct acc *a, int64_t k)
{
    if (k <= -DENSE_KEY_MAX || k >= DENSE_KEY_MAX)
        return -1;
    int64_t lo = a->dbase, hi = a->dbase + (int64_t)a->dspan - 1;
    /* a margin of an eighth of the span beyond the new key */
    int64_t margin = (int64_t)(a->dspan / 8);
    if (k < lo)
        lo = k - margin > -DENSE_KEY_MAX ? k - margin : -DENSE_KEY_MAX + 1;
    else
        hi = k + margin < DENSE_KEY_MAX ? k + margin : DENSE_KEY_MAX - 1;
    uint64_t span = (uint64_t)(hi - lo) + 1;
    if (span > (uint64_t)DENSE_FILL * (a->dused + 1))
        return -1;
    uint16_t *dc = sk_xcalloc((size_t)span, sizeof *dc);
    memcpy(dc + (a->dbase - lo), a->dc, a->dspan * sizeof *dc);
    free(a->dc);
    a->dc = dc;
    if (a->dch) {
        uint16_t *dch = sk_xcalloc((size_t)span, sizeof *dch);
        memcpy(dch + (a->dbase - lo), a->dch, a->dspan * sizeof *dch);
        free(a->dch);
        a->dch = dch;
    }
    a->dbase = lo;
    a->dspan = (size_t)span;
    return 0;
}

/* The flush the table would have had now: the raw form when more than
 * half the values are distinct, else the next flush as far off as the
 * table is large. */
static void dense_flush(struct acc *a)
{
    dense_apply(a);
    if (2 * a->dused > a->n) {
        dense_to_table(a);
        a->nv = a->cap = 0;
        to_raw(a, 0);
        return;
    }
    a->dfill = 0;
    a->dcap = a->dused > ACC_BUF_MIN ? a->dused : ACC_BUF_MIN;
}

/* One more value of slot i (below its count's limit): pending, its
 * cache line fetched, until a batch is full or the flush is due. */
static inline void dense_count(struct acc *a, uint64_t i)
{
    __builtin_prefetch(&a->dc[i], 1);
    a->dpend[a->npend] = (size_t)i;
    a->n++;
    if (++a->npend == ACC_DENSE_PEND)
        dense_apply(a);
    if (++a->dfill == a->dcap)
        dense_flush(a);
}

/* Is slot i below the limit of a count? Surely while there are fewer
 * values than that (every count is at most n); else as it is now. */
static inline int dense_room(struct acc *a, uint64_t i)
{
    if (__builtin_expect(a->n < UINT32_MAX, 1))
        return 1;
    dense_apply(a);
    return dcount(a, i) < UINT32_MAX;
}

/* dense_add's every other case: the window widened for the value, or
 * the form left (0) when it does not fit. */
static int __attribute__((noinline))
dense_add_slow(struct acc *a, int exact, int64_t mant, int scale)
{
    int64_t k;
    dense_apply(a);
    if (exact && scale <= a->dscale &&
        !__builtin_mul_overflow(mant, exsum_pow10[a->dscale - scale], &k) &&
        dense_grow(a, k) == 0) {
        uint64_t i = (uint64_t)k - (uint64_t)a->dbase;
        if (i < a->dspan && dcount(a, i) < UINT32_MAX) {
            if (!a->dsum)
                exsum_add(&a->ex, mant, scale);
            dense_count(a, i);
            return 1;
        }
    }
    leave_dense(a);
    return 0;
}

/* Count a value in the dense form: 1, or 0 when it does not fit (the
 * form left then, for the table and buffer). */
static inline int dense_add(struct acc *a, int exact, int64_t mant, int scale)
{
    int64_t k;
    uint64_t i;
    if (exact && scale <= a->dscale &&
        !__builtin_mul_overflow(mant, exsum_pow10[a->dscale - scale], &k) &&
        (i = (uint64_t)k - (uint64_t)a->dbase) < a->dspan &&
        dense_room(a, i)) {
        if (!a->dsum)
            exsum_add(&a->ex, mant, scale);
        dense_count(a, i);
        return 1;
    }
    return dense_add_slow(a, exact, mant, scale);
}

/* The end of a flush, the buffer merged into the table: the raw form when
 * more than half the values are distinct; else, FINAL, no buffer (the
 * table holds every value), or an empty buffer as large as the table
 * and the dense form when it fits. */
static void after_merge(struct acc *a, int final)
{
    if (2 * a->tk > a->n) {
        to_raw(a, final);
        return;
    }
    if (final) {
        /* the table holds every value: no buffer (many groups each
         * kept one of ACC_BUF_MIN until the end) */
        free(a->v);
        a->v = NULL;
        a->nv = a->cap = 0;
        return;
    }
    new_buffer(a, a->tk > ACC_BUF_MIN ? a->tk : ACC_BUF_MIN);
    try_dense(a);
}

/* The raw values' counts by key (dense_key at the decimals' largest
 * scale): *cnt[i] counts the value (k0 + i) / 10^scale, i < *span, and
 * *k of them are nonzero. The sort of v by counting, when the keys span
 * at most twice as many slots as there are values (4 bytes a slot: no
 * more memory than v's 8 a value). 0, or -1 (no keys, v as it was). */
static int count_keys(const struct acc *a, uint32_t **cnt, int64_t *k0,
                      size_t *span, size_t *k)
{
    int s = a->scale;
    int64_t lo, hi;
    if (a->inexact || s > 15 || a->nv >= UINT32_MAX ||
        dense_key(a->lo, s, &lo) != 0 || dense_key(a->hi, s, &hi) != 0 ||
        (uint64_t)(hi - lo) >= 2 * (uint64_t)a->nv)
        return -1;
    size_t n = (size_t)(hi - lo) + 1;
    uint32_t *c = sk_xcalloc(n, sizeof *c);
    const double p = pow10_d[s];
    /* blocks of slots, their cache lines fetched before the counting */
    enum { BLOCK = 64 };
    size_t slot[BLOCK];
    for (size_t i = 0; i < a->nv; i += BLOCK) {
        size_t m = a->nv - i < BLOCK ? a->nv - i : BLOCK;
        for (size_t j = 0; j < m; j++) {
            /* dense_key inline: x p rounded to an integer (adding 1.5
             * 2^52 rounds it below 2^51), and k / p must be x again */
            double x = a->v[i + j], y = x * p;
            double r = (y + 0x1.8p52) - 0x1.8p52;
            int64_t key = (int64_t)r;
            if (!(fabs(r) < (double)DENSE_KEY_MAX) || r / p != x ||
                key < lo || key > hi) {
                free(c);
                return -1;
            }
            slot[j] = (size_t)(key - lo);
            __builtin_prefetch(&c[slot[j]], 1);
        }
        for (size_t j = 0; j < m; j++)
            c[slot[j]]++;
    }
    size_t used = 0;
    for (size_t i = 0; i < n; i++)
        used += c[i] != 0;
    *cnt = c;
    *k0 = lo;
    *span = n;
    *k = used;
    return 0;
}

/* flush's end for the raw values counted by count_keys (K distinct):
 * the table when at most half the values are distinct, else v sorted
 * (the same doubles: k / 10^scale is each value) with room for as many
 * again. */
static void from_counts(struct acc *a, uint32_t *cnt, int64_t k0,
                        size_t span, size_t k)
{
    const double p = pow10_d[a->scale];
    if (2 * k <= a->nv && k > ACC_LOOKUP_MAX && span <= DENSE_FILL * k) {
        /* what the table would be and try_dense would make of it: the
         * counts are the dense form (their ends are the smallest and
         * largest values, nonzero), the next flush after a buffer of the
         * table's size */
        a->raw = 0;
        enter_dense(a, cnt, k0, span, k, k > ACC_BUF_MIN ? k : ACC_BUF_MIN);
        return;
    }
    if (2 * k > a->nv) {
        size_t o = 0;
        for (size_t i = 0; i < span; i++) {
            if (!cnt[i])
                continue;
            double x = (double)(k0 + (int64_t)i) / p;
            for (uint32_t c = cnt[i]; c > 0; c--)
                a->v[o++] = x;
        }
        a->cap = 2 * a->nv;
        a->v = sk_xreallocarray(a->v, a->cap, sizeof *a->v);
        free(cnt);
        return;
    }
    a->tv = sk_xcalloc(k, sizeof *a->tv);
    a->tc = sk_xcalloc(k, sizeof *a->tc);
    size_t j = 0;
    for (size_t i = 0; i < span; i++)
        if (cnt[i]) {
            a->tv[j] = (double)(k0 + (int64_t)i) / p;
            a->tc[j++] = cnt[i];
        }
    free(cnt);
    a->tk = k;
    a->raw = 0;
    new_buffer(a, k > ACC_BUF_MIN ? k : ACC_BUF_MIN);
    try_dense(a);
}

/* Count the buffered values into the table: sorted and merged. Then keep the
 * cheaper form: the table (16 bytes a distinct value) with a buffer of
 * its size, or, when more than half the values are distinct, every
 * value in v (8 bytes each) with room for as many again; a full raw v is
 * sorted and counted again. FINAL: the values are all in, v (raw) is only
 * sorted and no room is made. */
static void flush(struct acc *a, int final)
{
    if (a->raw) {
        if (final)
            return;             /* the quantiles select what they need */
        /* sort and count only when the decimals' span allows half as
         * many distinct values, or one time in three */
        double span = a->inexact ? INFINITY
                    : (a->hi - a->lo) * pow10_d[a->scale] * (1 + 1e-9) + 1;
        if (!(2 * span <= (double)a->nv) && ++a->skips % 3 != 0) {
            a->cap = 2 * a->nv;
            a->v = sk_xreallocarray(a->v, a->cap, sizeof *a->v);
            return;
        }
        uint32_t *cnt;
        int64_t k0;
        size_t span_k, k;
        if (count_keys(a, &cnt, &k0, &span_k, &k) == 0) {
            from_counts(a, cnt, k0, span_k, k);
            return;
        }
        dsort_keys(a->v, a->nv);
        k = distinct(a->v, a->nv);
        if (2 * k > a->nv) {
            a->cap = 2 * a->nv;
            a->v = sk_xreallocarray(a->v, a->cap, sizeof *a->v);
            return;
        }
        a->tv = sk_xcalloc(k, sizeof *a->tv);
        a->tc = sk_xcalloc(k, sizeof *a->tc);
        a->tk = runs(a->v, a->nv, a->tc);
        memcpy(a->tv, a->v, k * sizeof *a->tv);
        a->raw = 0;
        new_buffer(a, k > ACC_BUF_MIN ? k : ACC_BUF_MIN);
        try_dense(a);
        return;
    }
    size_t nv = a->nv;
    if (nv > 0) {
        dsort_keys(a->v, nv);
        size_t *bc = sk_xcalloc(nv, sizeof *bc);
        size_t kb = runs(a->v, nv, bc);
        /* merge from the top into the grown table, then close the gap */
        size_t tk = a->tk, top = tk + kb;
        a->tv = sk_xreallocarray(a->tv, top, sizeof *a->tv);
        a->tc = sk_xreallocarray(a->tc, top, sizeof *a->tc);
        size_t i = tk, j = kb, o = top;
        while (j > 0) {
            if (i > 0 && a->tv[i - 1] > a->v[j - 1]) {
                o--;
                a->tv[o] = a->tv[i - 1];
                a->tc[o] = a->tc[--i];
            } else if (i > 0 && a->tv[i - 1] == a->v[j - 1]) {
                o--;
                a->tv[o] = a->tv[i - 1];
                a->tc[o] = a->tc[--i] + bc[--j];
            } else {
                o--;
                a->tv[o] = a->v[j - 1];
                a->tc[o] = bc[--j];
            }
        }
        /* the table's rest, tv[0..i), is in place; o - i slots unused */
        size_t gap = o - i;
        if (gap > 0) {
            memmove(a->tv + i, a->tv + o, (top - o) * sizeof *a->tv);
            memmove(a->tc + i, a->tc + o, (top - o) * sizeof *a->tc);
        }
        a->tk = top - gap;
        free(bc);
    }
    after_merge(a, final);
}

/* The exact sums of a value not counted in the dense form. */
static inline void sum_value(struct acc *a, int exact, int64_t mant,
                             int scale)
{
    if (exact)
        exsum_add(&a->ex, mant, scale);
    else
        exsum_lose(&a->ex);
}

void acc_add_any(struct acc *a, double x, int exact, int64_t mant,
                 int scale)
{
    if (x == 0)
        x = 0.0;                        /* one value for -0 and 0 */
    a->lo = x < a->lo ? x : a->lo;
    a->hi = x > a->hi ? x : a->hi;
    a->inexact |= !exact;
    a->scale = exact && scale > a->scale ? scale : a->scale;
    if (a->dc && dense_add(a, exact, mant, scale))
        return;
    if (a->tk > 0 && a->tk <= ACC_LOOKUP_MAX) {
        /* a small table (codes): counted at once when it has x */
        size_t j = table_find(a, x);
        if (j < a->tk) {
            sum_value(a, exact, mant, scale);
            a->tc[j]++;
            a->n++;
            return;
        }
    }
    if (a->nv == a->cap) {
        if (a->cap < ACC_BUF_MIN && a->tk == 0 && !a->raw) {
            /* a small first buffer: many groups may have few values */
            a->cap = a->cap ? 2 * a->cap : 16;
            a->v = sk_xreallocarray(a->v, a->cap, sizeof *a->v);
        } else {
            flush(a, 0);
            /* the flush may have made the dense form */
            if (a->dc && dense_add(a, exact, mant, scale))
                return;
        }
    }
    sum_value(a, exact, mant, scale);
    a->n++;
    a->v[a->nv++] = x;
}

double stats_skewness_g1(double n, double m2, double m3)
{
    if (n < 3 || !(m2 > 0))
        return NAN;
    return m3 / pow(m2, 1.5) * sqrt(n * (n - 1)) / (n - 2);
}

double stats_kurtosis_g2(double n, double m2, double m4)
{
    if (n < 4 || !(m2 > 0))
        return NAN;
    double g2 = m4 / (m2 * m2) - 3;
    return ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3));
}

double stats_t_crit(double level, double df)
{
    if (!(df >= 1) || !(level > 0 && level < 1))
        return NAN;
    return dist_qt(1 - (1 - level) / 2, df);    /* as R: 1 - alpha/2 */
}

/* Sums of the powers of the deviations of x 2^-E from MEAN (the mean of
 * x 2^-E: E = 0 but for the exact doubles, whose subnormal mean would be
 * too coarse), in long double (whose range holds the fourth power of any
 * double's deviation, 1e1233), and a bound on the rounding error of s3. */
struct devsums {
    long double s2, s3, s4, err3;
};

static void devsums(const double *x, const size_t *counts, size_t k,
                    int e, double mean, double mean_lo, double delta,
                    struct devsums *ds)
{
    long double s2 = 0, s3 = 0, s4 = 0, a3 = 0, f = ldexpl(1, -e);
    for (size_t i = 0; i < k; i++) {
        long double d = (x[i] * f - mean) - mean_lo,    /* f: exact */
                    c = counts ? counts[i] : 1;
        long double d2 = d * d, cd3 = c * d2 * d;
        s2 += c * d2;
        s3 += cd3;
        s4 += c * d2 * d2;
        a3 += fabsl(cd3);
    }
    ds->s2 = s2;
    ds->s3 = s3;
    ds->s4 = s4;
    /* each term carries at most 6 roundings (d, d^2, d^3, c d^3 and
     * their relative errors), the sum k; mean + mean_lo is off the true
     * mean by at most delta, which moves s3 by 3 delta s2 */
    ds->err3 = ((long double)k + 8) * LDBL_EPSILON * a3 + 3 * delta * s2;
}

/* value = m 2^(p - 1074) exactly, m an integer: z = m 2^p. */
static void double_to_mpz(mpz_t z, double v)
{
    int e;
    double f = frexp(v, &e);            /* v = f 2^e, 0.5 <= |f| < 1 */
    if (e - 53 >= -1074) {
        mpz_set_d(z, ldexp(f, 53));     /* an integer below 2^53 */
        mpz_mul_2exp(z, z, (mp_bitcnt_t)(e - 53 + 1074));
    } else
        mpz_set_d(z, ldexp(v, 1074));   /* subnormal: exact */
}

/* G1 from exact power sums, for when s3 is lost to cancellation. With
 * S_k = sum x^k (integers at 2^-1074k), N2 = n S2 - S1^2 and N3 = n^2 S3 -
 * 3 n S1 S2 + 2 S1^3, m2 = N2 / n^2 and m3 = N3 / n^3 at the same scale
 * as m2^1.5, so G1 = N3 / N2^1.5 sqrt(n (n - 1)) / (n - 2). */
static double skewness_exact(const double *x, const size_t *counts,
                             size_t k, size_t n)
{
    mpz_t S1, S2, S3, v, v2, N2, N3, t;
    mpz_inits(S1, S2, S3, v, v2, N2, N3, t, (mpz_ptr)0);
    for (size_t i = 0; i < k; i++) {
        unsigned long c = counts ? (unsigned long)counts[i] : 1;
        double_to_mpz(v, x[i]);
        mpz_mul(v2, v, v);
        mpz_addmul_ui(S1, v, c);
        mpz_addmul_ui(S2, v2, c);
        mpz_mul(v2, v2, v);
        mpz_addmul_ui(S3, v2, c);
    }
    mpz_mul_ui(N2, S2, (unsigned long)n);
    mpz_submul(N2, S1, S1);
    mpz_mul_ui(N3, S3, (unsigned long)n);
    mpz_mul_ui(N3, N3, (unsigned long)n);
    mpz_mul(t, S1, S2);
    mpz_mul_ui(t, t, 3 * (unsigned long)n);
    mpz_sub(N3, N3, t);
    mpz_mul(t, S1, S1);
    mpz_mul(t, t, S1);
    mpz_addmul_ui(N3, t, 2);
    double g1 = NAN;
    if (mpz_sgn(N2) > 0) {
        mpfr_t a, b;
        mpfr_inits2(256, a, b, (mpfr_ptr)0);
        mpfr_set_z(a, N3, MPFR_RNDN);
        mpfr_set_z(b, N2, MPFR_RNDN);
        mpfr_div(a, a, b, MPFR_RNDN);
        mpfr_sqrt(b, b, MPFR_RNDN);
        mpfr_div(a, a, b, MPFR_RNDN);
        mpfr_set_ui(b, (unsigned long)n, MPFR_RNDN);
        mpfr_mul_ui(b, b, (unsigned long)(n - 1), MPFR_RNDN);
        mpfr_sqrt(b, b, MPFR_RNDN);
        mpfr_mul(a, a, b, MPFR_RNDN);
        mpfr_div_ui(a, a, (unsigned long)(n - 2), MPFR_RNDN);
        g1 = mpfr_get_d(a, MPFR_RNDN);
        mpfr_clears(a, b, (mpfr_ptr)0);
    }
    mpz_clears(S1, S2, S3, v, v2, N2, N3, t, (mpz_ptr)0);
    return g1;
}

static int is_normal_or_zero(double v)
{
    return v == 0 || isnormal(v);
}

/* G1 and G2 from the deviation sums: in double as ever when every
 * intermediate is a normal double, else in long double; G1 from exact
 * sums when s3 is not known to 2^-24 of itself. */
static void shape(const double *x, const size_t *counts, size_t k,
                  size_t n, const struct devsums *ds, double *g1, double *g2)
{
    long double ln = (long double)n;
    double dn = (double)n;
    double m2 = (double)(ds->s2 / ln), m3 = (double)(ds->s3 / ln),
           m4 = (double)(ds->s4 / ln);
    *g1 = *g2 = NAN;
    if (!(ds->s2 > 0))
        return;
    if (n >= 3) {
        if (ds->err3 > ldexpl(fabsl(ds->s3), -24))
            *g1 = skewness_exact(x, counts, k, n);
        else if (isnormal(m2) && isnormal(pow(m2, 1.5)) &&
                 is_normal_or_zero(m3))
            *g1 = stats_skewness_g1(dn, m2, m3);
        else {
            long double lm2 = ds->s2 / ln, lm3 = ds->s3 / ln;
            *g1 = (double)(lm3 / (lm2 * sqrtl(lm2)) * sqrtl(ln * (ln - 1)) /
                           (ln - 2));
        }
    }
    if (n >= 4) {
        if (isnormal(m2) && isnormal(m2 * m2) && isnormal(m4))
            *g2 = stats_kurtosis_g2(dn, m2, m4);
        else {
            long double lm2 = ds->s2 / ln, lm4 = ds->s4 / ln;
            long double lg2 = lm4 / (lm2 * lm2) - 3;
            *g2 = (double)(((ln + 1) * lg2 + 6) * (ln - 1) /
                           ((ln - 2) * (ln - 3)));
        }
    }
}

/* The r-th smallest value (1-based), once the quantiles have put the
 * order statistics they use in place in an array. */
static double order_stat(const struct acc *a, const double *x,
                         const size_t *counts, size_t k, size_t r)
{
    if (!counts)
        return a->v[r - 1];
    size_t cum = 0;
    for (size_t i = 0; i < k; i++)
        if ((cum += counts[i]) >= r)
            return x[i];
    return x[k - 1];
}

/* NAN for an infinite result of finite data (beyond the range of a
 * double), with its bit in *over. */
static void beyond(double *v, unsigned bit, unsigned *over)
{
    if (isinf(*v)) {
        *v = NAN;
        *over |= bit;
    }
}

/* The mean's parts the deviations are taken from: mean_e x 2^e + mean_lo
 * (the exact mean's rounding and its residual, at scale 2^e). */
struct centre {
    double mean_e, mean_lo;
    int e, under;
};

/* Mean, sd, se and the t interval: from the exact decimal sums when
 * there are, else from the superaccumulator over the values scaled near
 * 1 (x 2^-e), so that neither the mean nor the se is rounded to a
 * subnormal or overflows on the way to the interval. */
static void moments(struct acc *a, const double *x, const size_t *counts,
                    size_t k, double level, struct describe *d,
                    struct centre *c)
{
    double var, t = a->n > 1 ? stats_t_crit(level, (double)(a->n - 1)) : NAN;
    *c = (struct centre){ 0, 0, 0, 0 };
    if (exsum_results(&a->ex, &d->mean, &var, &d->sd) == 0) {
        d->exact = 1;
        c->mean_e = d->mean;
        if (a->n > 1) {
            d->se = d->sd / sqrt((double)a->n);
            d->ci_lo = d->mean - t * d->se;
            d->ci_hi = d->mean + t * d->se;
        }
        return;
    }
    struct xsum *xs = sk_xmalloc(sizeof *xs);
    xsum_init(xs);
    double big = 0;
    for (size_t i = 0; i < k; i++) {
        xsum_add(xs, x[i], counts ? counts[i] : 1);
        big = fmax(big, fabs(x[i]));
    }
    c->under = xsum_results(xs, 0, &d->mean, &var, &d->sd, &d->se);
    c->e = big > 0 ? ilogb(big) : 0;
    double se_e;
    xsum_results(xs, -c->e, &c->mean_e, NULL, NULL, &se_e);
    c->mean_lo = xsum_mean_residual(xs, -c->e, c->mean_e);
    if (a->n > 1) {
        d->ci_lo = ldexp(c->mean_e - t * se_e, c->e);
        d->ci_hi = ldexp(c->mean_e + t * se_e, c->e);
    }
    free(xs);
    d->exact = 2;
}

/* The five-number summary and the IQR (of type QTYPE); q[0..5). */
static void quartiles(struct acc *a, const double *x, const size_t *counts,
                      size_t k, int qtype, struct describe *d, double *q)
{
    static const double probs[] = { 0, 0.25, 0.5, 0.75, 1 };
    if (counts)
        stats_quantiles_freq(x, counts, k, probs, 5, qtype, q);
    else
        stats_quantiles_array(a->v, a->nv, probs, 5, qtype, q);
    d->min = q[0];
    d->q1 = q[1];
    d->median = q[2];
    d->q3 = q[3];
    d->max = q[4];
    struct stats_qplan p1, p3;
    stats_quantile_plan(a->n, 0.25, qtype, &p1);
    stats_quantile_plan(a->n, 0.75, qtype, &p3);
    int zero;
    d->iqr = stats_quantile_spread(&p1, order_stat(a, x, counts, k, p1.lo),
                                   order_stat(a, x, counts, k, p1.hi), &p3,
                                   order_stat(a, x, counts, k, p3.lo),
                                   order_stat(a, x, counts, k, p3.hi), &zero);
    if (d->iqr == 0 && !zero) {
        d->iqr = NAN;
        d->under |= DESCRIBE_IQR;
    }
}

/* Results beyond the double range (Inf) or below it (rounded to 0 or
 * lost) become NAN with their flag. */
static void range_flags(struct describe *d, const double *q, int under)
{
    beyond(&d->sd, DESCRIBE_SD, &d->over);
    beyond(&d->se, DESCRIBE_SE, &d->over);
    beyond(&d->ci_lo, DESCRIBE_CI_LO, &d->over);
    beyond(&d->ci_hi, DESCRIBE_CI_HI, &d->over);
    beyond(&d->iqr, DESCRIBE_IQR, &d->over);
    static const unsigned qbit[] = { DESCRIBE_Q1, DESCRIBE_MEDIAN,
                                     DESCRIBE_Q3 };
    for (int i = 0; i < 3; i++)
        d->under |= isnan(q[i + 1]) ? qbit[i] : 0;
    if (under & XSUM_MEAN_UNDERFLOW) {
        d->mean = NAN;
        d->under |= DESCRIBE_MEAN;
    }
    if (under & XSUM_SD_UNDERFLOW) {
        d->sd = NAN;
        d->under |= DESCRIBE_SD;
    }
    if (under & XSUM_SE_UNDERFLOW) {
        d->se = NAN;
        d->under |= DESCRIBE_SE;
    }
}

void acc_describe(struct acc *a, double level, int qtype, struct describe *d)
{
    d->n = a->n;
    d->missing = a->missing;
    d->mean = d->sd = d->se = d->ci_lo = d->ci_hi = NAN;
    d->min = d->q1 = d->median = d->q3 = d->max = d->iqr = NAN;
    d->skewness = d->kurtosis = NAN;
    d->exact = 0;
    d->over = d->under = 0;
    if (a->n == 0)
        return;

    const double *x;
    const size_t *counts = NULL;
    size_t k;
    if (a->dc) {
        /* the table; the final flush's end when values came since the
         * last */
        int pending = a->dfill > 0;
        dense_to_table(a);
        free(a->v);
        a->v = NULL;
        a->nv = a->cap = 0;
        if (pending)
            after_merge(a, 1);
    } else if (a->raw || a->nv > 0)
        flush(a, 1);
    if (!a->raw) {
        x = a->tv;
        counts = a->tc;
        k = a->tk;
    } else {
        x = a->v;
        k = a->nv;
    }
    struct centre c;
    moments(a, x, counts, k, level, d, &c);
    struct devsums ds;
    /* the mean is correctly rounded: off by half an ulp at most, and
     * mean_lo by half of its own */
    double delta = (c.mean_lo != 0 ? fabs(c.mean_lo) : d->exact == 1 ?
                    fabs(c.mean_e) : 0) * DBL_EPSILON / 2 + 0x1p-1074;
    devsums(x, counts, k, c.e, c.mean_e, c.mean_lo, delta, &ds);
    shape(x, counts, k, a->n, &ds, &d->skewness, &d->kurtosis);
    double q[5];
    quartiles(a, x, counts, k, qtype, d, q);
    range_flags(d, q, c.under);
}
