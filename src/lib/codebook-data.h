/* codebook-data.h - reading the items of a table through a codebook:
 * each answer matched to its level's code, located errors otherwise. */
#ifndef SK_CODEBOOK_DATA_H
#define SK_CODEBOOK_DATA_H

#include <stddef.h>

#include "codebook.h"
#include "input.h"

/* Reading the items of a table through a codebook. */
struct codebook_data;

/* Read the N ITEMS of CB (bound) from IN, items with levels as text
 * answers and the others as numbers, and the group column BY (or NULL). */
struct codebook_data *codebook_data_open(const struct codebook *cb,
                                         struct input *in,
                                         const size_t *items, size_t n,
                                         const char *by);

/* The same with the key columns KEYS[0..NKEYS) (input column indexes:
 * a group, a between column, a pair id) as row->key[0..nkeys), in that
 * order; row->group is not set. */
struct codebook_data *codebook_data_open_keys(const struct codebook *cb,
                                              struct input *in,
                                              const size_t *items, size_t n,
                                              const size_t *keys,
                                              size_t nkeys);

/* The next row: 1 with code[i] the code of items[i] as answered (NAN when
 * missing, and NAN for a non-substantive answer: never a value) and ROW
 * filled (row->group set with a group column), or 0 at the end. An
 * answer that is not a declared level, or a code outside the declared
 * range, ends the program (exit 1) with the file, line and column. */
int codebook_data_next(struct codebook_data *d, double *code,
                       struct input_row *row);

/* What the last codebook_data_next read of each item, for a program that
 * counts the non-substantive answers apart from the missing ones, or
 * needs the code as read (an exact decimal). */
enum codebook_answer_kind {
    CODEBOOK_ANSWER_VALUE,      /* a substantive level, or a number */
    CODEBOOK_ANSWER_MISSING,    /* empty or an --na token */
    CODEBOOK_ANSWER_ASIDE       /* a missing=yes level (Don't know) */
};
struct codebook_answer {
    enum codebook_answer_kind kind;
    double code;             /* the value, or the aside level's code; NAN
                                when missing */
    struct num_value v;      /* a value as read: exact when its text (or
                                its level's code) is a short decimal */
};
/* answers[i] for items[i] of the last row; valid until the next call. */
const struct codebook_answer *codebook_data_answers(
    const struct codebook_data *d);

void codebook_data_close(struct codebook_data *d);

#endif
