/* colsel.h - choosing columns by name, number or range.
 *
 * A LIST is comma-separated items. Each item is, in this order of trial:
 *   NAME       a column whose header is exactly NAME;
 *   N          the N-th column (1-based);
 *   N-M        columns N to M by number;
 *   A:B        columns A to B, each A and B a name or a number (like
 *              R's dplyr select(Q1:Q5) and SPSS's Q1 TO Q5).
 * A name that appears twice in the header must be chosen by number. */
#ifndef SK_COLSEL_H
#define SK_COLSEL_H

#include <stddef.h>

/* Resolve LIST against the NCOLS names. Returns 0 with *idx (0-based
 * indexes, to free()) and *n; or -1 with *err, a message to free(). */
int colsel_parse(const char *list, const char *const *names, size_t ncols,
                 size_t **idx, size_t *n, char **err);

/* Resolve one column (a name or a number, no list or range): 0 or -1. */
int colsel_one(const char *item, const char *const *names, size_t ncols,
               size_t *idx, char **err);

#endif
