/* freqtab.h - counts of the distinct values of a numeric column.
 *
 * Survey answers are codes with few distinct values; a frequency table of
 * them takes memory in proportion to the distinct values, not the rows,
 * and gives exact quantiles and moments. -0.0 and 0.0 count as one. */
#ifndef SK_FREQTAB_H
#define SK_FREQTAB_H

#include <stddef.h>

/* Whole numbers 0..FREQTAB_SMALL-1 (answer codes) are counted in small[]
 * (made at the first one: a table per group and item stays small), no
 * hashing; every other value in the hash. used counts both. The fields
 * are freqtab.c's; they are here for freqtab_add's inline case. */
#define FREQTAB_SMALL 16

struct freqtab {
    size_t *small;
    struct freqtab_slot *slots;
    size_t cap, used;
    double *sorted_x;
    size_t *sorted_c;
};

struct freqtab *freqtab_new(void);
void freqtab_free(struct freqtab *t);

/* A table in place (a cell of a group_table: one allocation less to find
 * a row): freqtab_init makes it empty (all zero bytes are one too),
 * freqtab_clear frees what it holds. */
void freqtab_init(struct freqtab *t);
void freqtab_clear(struct freqtab *t);

/* freqtab_add without its inline case: every value. */
void freqtab_add_any(struct freqtab *t, double x, size_t count);

/* Add COUNT of value X: a code counted where it is met, without a call
 * (this runs for every answer of every item). */
static inline void freqtab_add(struct freqtab *t, double x, size_t count)
{
    if (t->small && x >= 0 && x < FREQTAB_SMALL) {
        size_t v = (size_t)x;    /* 0 for -0.0 too: one key for both */
        if ((double)v == x) {
            t->used += t->small[v] == 0;
            t->small[v] += count;
            return;
        }
    }
    freqtab_add_any(t, x, count);
}

/* Number of distinct values. */
size_t freqtab_distinct(const struct freqtab *t);

/* Add every count of FROM to T. */
void freqtab_merge(struct freqtab *t, const struct freqtab *from);

/* The distinct values in increasing order with their counts: pointers into
 * the table, valid until the next freqtab_add or freqtab_free. */
size_t freqtab_sorted(struct freqtab *t, const double **values,
                      const size_t **counts);

#endif
