/* between.h - two groups of respondents, read into one sample per
 * (subgroup, variable, level).
 *
 * The input side of every program that compares the two levels of a
 * column across respondents (sk-compare, and the coming sk-agree, which
 * pairs the partners of a dyad): --between COLUMN with --levels A,B (A
 * the reference, B the comparison; without --levels the column must hold
 * exactly two values, taken in first-seen order), the variables (-c,
 * through a codebook when one is given), subgroups (-g) and a pair id
 * (--dyad). Rows whose level is missing or another value are left out and
 * counted per subgroup; a missing answer is counted per sample.
 *
 * It knows no statistics. Errors end the program: status 2 for a usage
 * error (a level that never occurs, listing the values found; a column
 * with more or fewer than two values and no --levels), 1 for bad data (a
 * pair id twice at one level of a subgroup, naming both lines). */
#ifndef SK_BETWEEN_H
#define SK_BETWEEN_H

#include <stddef.h>

#include "codebook-cli.h"
#include "input.h"

struct between_spec {
    const char *between;       /* --between COLUMN (required) */
    const char *levels;        /* --levels A,B, or NULL */
    int many;                  /* --levels may name more: A,B,C,... (A the
                                  reference, each other compared with it) */
    const char *dyad;          /* --dyad COLUMN, or NULL */
    struct codebook_opts co;   /* --codebook, -c, -g, the data file */
};

/* The answers of one level to one variable in one subgroup: x[0..n),
 * with --dyad the pair index of each (dyad[i], BETWEEN_NO_PAIR when the
 * id is missing; dyad is NULL without --dyad), and the rows at this level
 * whose answer is missing. */
#define BETWEEN_NO_PAIR ((size_t)-1)
struct freqtab;
struct between_sample {
    double *x;
    size_t *dyad;
    size_t n, cap, missing;
    size_t aside;              /* non-substantive answers (a codebook's
                                  missing=yes levels): neither */
    struct freqtab *tab;       /* the counted form (x NULL): without
                                  --dyad, a sample whose first
                                  BETWEEN_COUNT_AT answers have at most
                                  BETWEEN_COUNT_MAX distinct values (answer
                                  codes) keeps their counts, in memory
                                  that does not grow with the rows; back
                                  to x beyond BETWEEN_RAW_AT distinct */
    int raw;                   /* not to be counted (tried) */
};
#define BETWEEN_COUNT_AT 1024
#define BETWEEN_COUNT_MAX 64
#define BETWEEN_RAW_AT 1024

/* A sample's distinct answers increasing in *v and their counts in *c
 * (valid until the sample changes): how many, or 0 when it keeps x (its
 * answers one by one, or none). */
size_t between_sample_counts(const struct between_sample *s,
                             const double **v, const size_t **c);

struct between;

/* The two levels of a --between column, resolved as rows are read: the
 * one piece every program with --between shares (sk-compare's reading
 * below, sk-boot's). With --levels the sides are known; without, the
 * first two values seen are A and B and a third is a usage error at its
 * line. */
struct between_levels {
    const char *column, *file;
    char **level;              /* the names (NULL until seen, no --levels) */
    size_t nlevels;            /* 2, or those --levels names */
    int given;                 /* --levels given */
    struct strmap *values;     /* every value seen, first-seen order */
};

/* --levels A,B alone: a usage error unless two values, not the same. */
void between_levels_check(const char *levels);
/* --levels A,B,C...: two or more values, no two the same. */
void between_levels_check_many(const char *levels);
/* LEVELS (or NULL: two, first seen), the column's name and the input's,
 * for messages. */
void between_levels_init(struct between_levels *L, const char *column,
                         const char *levels, const char *file);
/* The side of a row's value (LEN bytes at KEY, MISSING when missing, on
 * LINE): 0 (A), 1 (B), 2 ... (the further levels of --levels), or -1 to
 * leave the row out. */
int between_levels_side(struct between_levels *L, const char *key,
                        size_t len, int missing, unsigned long line);
/* After the rows: both levels occur (else a usage error listing the
 * values found); L->level[] are then the names. */
void between_levels_finish(struct between_levels *L);
void between_levels_free(struct between_levels *L);

/* The usage errors of S alone, before any input is read. */
void between_check(const struct between_spec *s);

/* Check S, open the data (IN: path, tsv, header, na), read every row.
 * Dies on any error. */
struct between *between_read(const struct between_spec *s,
                             const struct input_opts *in);

size_t between_nvars(const struct between *b);
const char *between_var_name(const struct between *b, size_t v);
/* Whether the codebook declares non-substantive levels (aside counts). */
int between_has_aside(const struct between *b);
/* The levels: 0 is A, 1 is B, then the further ones of --levels. */
size_t between_nlevels(const struct between *b);
const char *between_level(const struct between *b, int side);
/* The subgroups (1 without -g) and the label of G (NULL without -g). */
size_t between_ngroups(const struct between *b);
const char *between_group(const struct between *b, size_t g);
/* The rows of subgroup G left out: level missing or another value. */
size_t between_left_out(const struct between *b, size_t g);
/* The answers of level SIDE to variable V in subgroup G. */
const struct between_sample *between_sample(const struct between *b,
                                            size_t g, size_t v, int side);

/* Sort every sample's answers in place (increasing), when there are no
 * pair indexes to keep beside them (no --dyad): returns 1, else 0 and
 * leaves them in reading order. The statistics take sorted answers. (A
 * sample in the counted form has no x to sort: its counts are in order.) */
int between_sort(struct between *b);

/* The answers of variable V in subgroup G split by pair: A's answers
 * without a partner's answer at level SIDE_B (a_only[0..n1)), those of
 * level SIDE_B (B: 1, or a further level) without one at A (b_only[0..n2)),
 * and the nc pairs in which both answered (pa[i] of A with pb[i] of B). */
struct between_split {
    double *a_only, *b_only, *pa, *pb;
    size_t n1, n2, nc;
};
void between_split(const struct between *b, size_t g, size_t v,
                   int side_b, struct between_split *out);
void between_split_free(struct between_split *s);

void between_free(struct between *b);

#endif
