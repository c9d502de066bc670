/* dsort.h - sorting doubles in place, fast and with a stable sort's
 * answer. Part of surveykit. */
#ifndef SK_DSORT_H
#define SK_DSORT_H

#include <stddef.h>

/* Sort x[0..n) increasing (no NaN) in place, giving what a stable sort
 * by < gives (glibc's qsort with stats_cmp_double at these sizes): equal
 * values keep their order, which shows only in -0 and 0 (kept in the
 * order given). An MSD radix sort of the order-preserving keys
 * (stats_dkey), 8 bits a pass, insertion sort below 48 values: O(n), no
 * extra memory but for the signs of the zeros when both kinds occur. */
void dsort(double *x, size_t n);

/* The same in the order of stats_dkey: -0 before 0 always (the order in
 * which a merge of negative and positive values by sign wants them). */
void dsort_keys(double *x, size_t n);

#endif
