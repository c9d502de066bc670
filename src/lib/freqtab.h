/* freqtab.h - counts of the distinct values of a numeric column.
 *
 * Survey answers are codes with few distinct values; a frequency table of
 * them takes memory in proportion to the distinct values, not the rows,
 * and gives exact quantiles and moments. -0.0 and 0.0 count as one. */
#ifndef SK_FREQTAB_H
#define SK_FREQTAB_H

#include <stddef.h>

struct freqtab;

struct freqtab *freqtab_new(void);
void freqtab_free(struct freqtab *t);

/* Add COUNT of value X. */
void freqtab_add(struct freqtab *t, double x, size_t count);

/* Number of distinct values. */
size_t freqtab_distinct(const struct freqtab *t);

/* Add every count of FROM to T. */
void freqtab_merge(struct freqtab *t, const struct freqtab *from);

/* The distinct values in increasing order with their counts: pointers into
 * the table, valid until the next freqtab_add or freqtab_free. */
size_t freqtab_sorted(struct freqtab *t, const double **values,
                      const size_t **counts);

#endif
