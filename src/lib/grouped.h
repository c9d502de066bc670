/* grouped.h - samples kept per (group, slot), grown as rows are read.
 *
 * The storage behind -g in every program: a table of cells, one per
 * group (first-seen index, as strmap gives) and slot (a comparison, a
 * variable ...). Each cell holds n observations of NSIDES values (1: a
 * sample; 2: pairs before/after) in parallel arrays, and a count of the
 * observations dropped for a missing value. It knows nothing of files or
 * statistics. */
#ifndef SK_GROUPED_H
#define SK_GROUPED_H

#include <stddef.h>

#include "numparse.h"

/* A table of rows, one per group, each of WIDTH cells of SIZE bytes,
 * grown as groups appear: what every program's -g keeps per group (a
 * row of accumulators, of frequency tables, of samples). New rows are
 * zeroed, then given to INIT (when not NULL) cell by cell. */
struct group_table {
    void *cell;                   /* [group * width + slot] */
    size_t width, size, ngroups, cap;
    void (*init)(void *cell);
};

/* An empty table of WIDTH cells of SIZE bytes per group. */
void group_table_init(struct group_table *t, size_t width, size_t size,
                      void (*init)(void *cell));

/* The first cell of group G's row; rows up to G are added when new, so
 * that a group seen without data still has its cells. The pointer is
 * valid until the next call that adds a group. */
void *group_table_grow(struct group_table *t, size_t g);

static inline void *group_table_row(struct group_table *t, size_t g)
{
    if (g < t->ngroups)          /* every row but a new group's first */
        return (char *)t->cell + g * t->width * t->size;
    return group_table_grow(t, g);
}

#define GROUPED_MAX_SIDES 2

struct grouped_cell {
    struct num_value *side[GROUPED_MAX_SIDES];   /* side[k][0..n) */
    size_t n, cap;
    size_t dropped;
    size_t aside;      /* left out for a non-substantive answer (a
                          codebook's missing=yes level), none missing */
};

struct grouped {
    struct group_table t;         /* of struct grouped_cell */
    size_t nslots, ngroups;       /* width and rows of t, for reading */
    int nsides;
};

/* An empty table of NSLOTS slots per group, NSIDES (1 or 2) values per
 * observation. */
void grouped_init(struct grouped *g, size_t nslots, int nsides);

/* The cell of GROUP and SLOT; groups up to GROUP are added (empty) when
 * new, so that a group seen without data still has its cells. The pointer
 * is valid until the next call that adds a group. */
struct grouped_cell *grouped_at(struct grouped *g, size_t group, size_t slot);

/* The cell of an existing GROUP and SLOT, for reading. */
const struct grouped_cell *grouped_get(const struct grouped *g, size_t group,
                                       size_t slot);

/* Append one observation, the NSIDES values v[0..nsides), to C. */
void grouped_push(const struct grouped *g, struct grouped_cell *c,
                  const struct num_value *v);

/* Free the cells' arrays and the table (G itself is the caller's). */
void grouped_free(struct grouped *g);

#endif
