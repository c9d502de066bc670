/* freqtab.c - counts of distinct values, in an open-addressing hash. */
#include <config.h>

#include "freqtab.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct freqtab_slot {
    double x;
    size_t count;    /* 0: empty */
};

#define SMALL FREQTAB_SMALL

static size_t hash_double(double x, size_t mask)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    u ^= u >> 33;
    u *= UINT64_C(0xff51afd7ed558ccd);
    u ^= u >> 33;
    u *= UINT64_C(0xc4ceb9fe1a85ec53);
    u ^= u >> 33;
    return (size_t)u & mask;
}

/* The hash is made at the first value that is not a code (as small[] at
 * the first code): a table of codes, one per group and item, is then its
 * struct and small[] alone, which the rows of many groups in no order
 * find in fewer cache lines. */
#define FIRST_CAP 16

struct freqtab *freqtab_new(void)
{
    return sk_xcalloc(1, sizeof(struct freqtab));
}

void freqtab_init(struct freqtab *t)
{
    memset(t, 0, sizeof *t);
}

void freqtab_clear(struct freqtab *t)
{
    free(t->small);
    free(t->slots);
    free(t->sorted_x);
    free(t->sorted_c);
    freqtab_init(t);
}

void freqtab_free(struct freqtab *t)
{
    if (!t)
        return;
    freqtab_clear(t);
    free(t);
}

static void insert(struct freqtab_slot *slots, size_t mask, double x,
                   size_t count)
{
    size_t i = hash_double(x, mask);
    while (slots[i].count && slots[i].x != x)
        i = (i + 1) & mask;
    slots[i].x = x;
    slots[i].count += count;
}

void freqtab_add_any(struct freqtab *t, double x, size_t count)
{
    if (x >= 0 && x < SMALL) {
        size_t v = (size_t)x;    /* 0 for -0.0 too: one key for both */
        if ((double)v == x) {
            if (!t->small)
                t->small = sk_xcalloc(SMALL, sizeof *t->small);
            t->used += t->small[v] == 0;
            t->small[v] += count;
            return;
        }
    }
    if (!t->slots) {
        t->cap = FIRST_CAP;
        t->slots = sk_xcalloc(t->cap, sizeof *t->slots);
    }
    size_t mask = t->cap - 1, i = hash_double(x, mask);
    while (t->slots[i].count) {
        if (t->slots[i].x == x) {
            t->slots[i].count += count;
            return;
        }
        i = (i + 1) & mask;
    }
    t->slots[i].x = x;
    t->slots[i].count = count;
    t->used++;
    if (2 * t->used > t->cap) {
        size_t ncap = 2 * t->cap;
        struct freqtab_slot *ns = sk_xcalloc(ncap, sizeof *ns);
        for (size_t k = 0; k < t->cap; k++)
            if (t->slots[k].count)
                insert(ns, ncap - 1, t->slots[k].x, t->slots[k].count);
        free(t->slots);
        t->slots = ns;
        t->cap = ncap;
    }
}

void freqtab_merge(struct freqtab *t, const struct freqtab *from)
{
    for (size_t v = 0; from->small && v < SMALL; v++)
        if (from->small[v])
            freqtab_add(t, (double)v, from->small[v]);
    for (size_t i = 0; i < from->cap; i++)
        if (from->slots[i].count)
            freqtab_add(t, from->slots[i].x, from->slots[i].count);
}

size_t freqtab_distinct(const struct freqtab *t)
{
    return t->used;
}

static int cmp_slot(const void *a, const void *b)
{
    double x = ((const struct freqtab_slot *)a)->x,
           y = ((const struct freqtab_slot *)b)->x;
    return (x > y) - (x < y);
}

size_t freqtab_sorted(struct freqtab *t, const double **values,
                      const size_t **counts)
{
    /* Counts may have grown since the last sort; refresh them always. */
    struct freqtab_slot *tmp = sk_xmalloc((t->used ? t->used : 1) * sizeof *tmp);
    size_t k = 0;
    for (size_t v = 0; t->small && v < SMALL; v++)
        if (t->small[v]) {
            tmp[k].x = (double)v;
            tmp[k++].count = t->small[v];
        }
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].count)
            tmp[k++] = t->slots[i];
    qsort(tmp, k, sizeof *tmp, cmp_slot);
    t->sorted_x = sk_xreallocarray(t->sorted_x, k ? k : 1, sizeof(double));
    t->sorted_c = sk_xreallocarray(t->sorted_c, k ? k : 1, sizeof(size_t));
    for (size_t i = 0; i < k; i++) {
        t->sorted_x[i] = tmp[i].x;
        t->sorted_c[i] = tmp[i].count;
    }
    free(tmp);
    *values = t->sorted_x;
    *counts = t->sorted_c;
    return k;
}
