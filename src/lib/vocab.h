/* vocab.h - the ordered answer vocabularies survey platforms use
 * (agreement, frequency, quality, satisfaction, amount, likelihood,
 * importance), and the non-substantive answers (Don't know, Not
 * applicable, Prefer not to say): how sk-import orders the labels of an
 * export it has never seen. Knows nothing of files. */
#ifndef SK_VOCAB_H
#define SK_VOCAB_H

#include <stddef.h>

struct vocab {
    const char *name;          /* "agree5": the level set's name */
    size_t n;
    const char *const *level;  /* in order, lowest first; each "a|b|c":
                                  a label and its synonyms, normalized */
};

/* LABEL (LEN bytes) normalized for matching into a string to free():
 * ASCII lower case, runs of blanks as one space, none at either end,
 * typographic apostrophes (U+2018, U+2019) as '. */
char *vocab_norm(const char *label, size_t len);

/* 1 when the normalized label is a non-substantive answer. */
int vocab_nonsubstantive(const char *norm);

/* The position of the normalized label in V (0 lowest), or -1. */
int vocab_index(const struct vocab *v, const char *norm);

/* The first vocabulary, in order of preference (the 5-point form of a
 * family before its other lengths), that holds each of the N normalized
 * LABELS; NULL when none does or N is 0. */
const struct vocab *vocab_find(const char *const *labels, size_t n);

#endif
