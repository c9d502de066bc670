/* radix.h - sorting doubles by their bit patterns (LSD radix sort). */
#ifndef SK_RADIX_H
#define SK_RADIX_H

#include <stddef.h>

/* Sort x[0..n) increasingly in the order of stats_dkey (stats.h): the
 * numeric order, with -0 before 0 (no NaN). O(n) passes of one byte each,
 * a byte that is the same in every key skipped (short decimals scaled to
 * integers need 3 or 4 of the 8); small n by insertion. Needs n doubles
 * of scratch, allocated here. */
void radix_sort_doubles(double *x, size_t n);

#endif
