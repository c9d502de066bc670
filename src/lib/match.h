/* match.h - the comparisons of a before/after design, read into pairs.
 *
 * One module for every program that compares two measurements of the same
 * unit (sk-paired, sk-boot, sk-compare, sk-agree). A comparison is given
 * in one of two forms:
 *   wide   -p BEFORE:AFTER (two columns, resolved by cli_pair), and/or
 *          --suffix PRE:POST (every NAME+PRE with NAME+POST) and
 *          --prefix PRE:POST (every PRE+NAME with POST+NAME);
 *   long   --id, --within, --levels A,B, --value LIST: the rows of one id
 *          at level A and at level B are one pair, for each value column.
 * With --codebook the compared columns are read through it: answers given
 * as labels become their codes (codebook-data.h); a pair with a
 * non-substantive answer (missing=yes) on a side and no missing side is
 * set aside: counted in its cell's 'aside', not in 'dropped'.
 * With a group column (-g) the pairs are kept per (group, comparison), in
 * first-seen order of the groups. A pair with a missing side is dropped
 * and counted. The values are kept as read (struct num_value), so that a
 * statistics module can take exact decimal differences.
 *
 * It is an input-side module: errors end the program (status 2 for a
 * usage error: an unknown column, an affix that matches nothing, a level
 * that never occurs, listing the values found; status 1 for bad data: a
 * missing id, a duplicate id at one level, naming both lines). It knows no
 * statistics. */
#ifndef SK_MATCH_H
#define SK_MATCH_H

#include <stddef.h>

#include "cli.h"
#include "grouped.h"
#include "input.h"

/* The options, as given (NULL or 0: not given). */
struct match_spec {
    const char *const *pair;    /* -p BEFORE:AFTER, npair of them */
    size_t npair;
    const char *suffix;         /* --suffix PRE:POST */
    const char *prefix;         /* --prefix PRE:POST */
    const char *id;             /* long form: all four, or none */
    const char *within;
    const char *levels;         /* "A,B" */
    const char *value;          /* a column list, as -c */
    const char *codebook;       /* --codebook FILE: answers as labels */
};

/* The options of the comparisons, shared by the programs that read them
 * (as codebook-cli.h's): MATCH_LONGOPTS in the getopt table, "p:" among
 * the short options, and match_option() for each option. */
enum {
    MATCH_OPT_SUFFIX = CLI_OPT_FIRST_PROGRAM_OPTION + 32,
    MATCH_OPT_PREFIX, MATCH_OPT_ID, MATCH_OPT_WITHIN, MATCH_OPT_LEVELS,
    MATCH_OPT_VALUE, MATCH_OPT_CODEBOOK
};
#define MATCH_SHORTOPTS "p:"
/* --codebook alone, for a program that reads the pairs its own way
 * (sk-boot): match_option takes it. */
#define MATCH_CODEBOOK_LONGOPT                                             \
    { "codebook", required_argument, NULL, MATCH_OPT_CODEBOOK }
#define MATCH_LONGOPTS                                                     \
    { "pair", required_argument, NULL, 'p' },                              \
    { "suffix", required_argument, NULL, MATCH_OPT_SUFFIX },               \
    { "prefix", required_argument, NULL, MATCH_OPT_PREFIX },               \
    { "id", required_argument, NULL, MATCH_OPT_ID },                       \
    { "within", required_argument, NULL, MATCH_OPT_WITHIN },               \
    { "levels", required_argument, NULL, MATCH_OPT_LEVELS },               \
    { "value", required_argument, NULL, MATCH_OPT_VALUE },                 \
    MATCH_CODEBOOK_LONGOPT

/* Take OPT (with ARG) into S when it is one of MATCH_LONGOPTS: 1, else 0.
 * -p accumulates (free with match_spec_free). */
struct match_spec;
int match_option(struct match_spec *s, int opt, const char *arg);
void match_spec_free(struct match_spec *s);

/* One comparison, named as every program prints it (README, "Names and
 * units"):
 *   -p A:B            variable "A:B",  sides "A" and "B"
 *   --suffix/--prefix variable the stem ("mood" of mood_pre, mood_post),
 *                     sides the two columns
 *   long form         variable the --value column, sides the two levels
 * and difference "AFTER - BEFORE" in those side names ("B - A",
 * "mood_post - mood_pre", "post - pre"): what the difference B - A is. */
struct match_cmp {
    char *variable, *before, *after, *difference;
};

/* Fill C from its parts (copied): VARIABLE, or "BEFORE:AFTER" when NULL;
 * difference "AFTER - BEFORE". Free with match_cmp_free. */
void match_cmp_set(struct match_cmp *c, const char *variable,
                   const char *before, const char *after);
void match_cmp_free(struct match_cmp *c);

struct match {
    struct match_cmp *cmp;      /* cmp[0..ncmp) */
    size_t ncmp;
    int has_group;              /* -g given */
    struct grouped pairs;       /* 2 sides; slot = comparison; at least
                                   one group (the whole input without -g) */
    struct strmap *groups;      /* the group labels, when has_group */
    struct codebook *cb;        /* with --codebook, and the item of each */
    size_t *item;               /* side: item[2 c + side] */
    int has_aside;              /* the codebook declares non-substantive
                                   levels: pairs.cells' aside counts them */
};

/* Check the options alone (one form, complete, valid --levels ...), before
 * any input is read: a usage error otherwise. */
void match_check(const struct match_spec *s);

/* Check S, open the input IN (IN->by the group column, IN->columns not
 * used), resolve the comparisons and read every pair. Returns the result
 * (match_free it); dies on any error. */
struct match *match_read(const struct match_spec *s,
                         const struct input_opts *in);

/* The wide-form comparisons of S (-p, --suffix, --prefix, in that order)
 * resolved against the columns of the open input IN, as column indexes
 * (*cols)[i][0] (before) and [1] (after), and, when CMP is not NULL,
 * their names (*cmp)[i] (match_cmp_free each, then free); returns their
 * number. For a
 * program that reads its own columns alongside (sk-boot); the long form
 * is a usage error here. Dies on a usage error as match_read. */
size_t match_columns(const struct match_spec *s, struct input *in,
                     size_t (**cols)[2], struct match_cmp **cmp);
/* The same with the columns named NAMES (codebook_column_names: an
 * alias's item by its short name), or the header's when NULL. */
size_t match_columns_named(const struct match_spec *s, struct input *in,
                           const char *const *names, size_t (**cols)[2],
                           struct match_cmp **cmp);

/* A level of --levels (LEVEL) that is not among the values SEEN of
 * COLUMN (first-seen order) is a usage error that lists a few of them;
 * else it returns (LEVEL is then interned in SEEN). FILE names the input
 * in the message. */
struct strmap;
void match_level_occurs(const char *file, const char *column,
                        const char *level, struct strmap *seen);

/* With --codebook, the declared levels of side SIDE (0, 1) of comparison
 * C, or NULL (no codebook, or an item without levels). */
struct codebook_levels;
const struct codebook_levels *match_levels(const struct match *m, size_t c,
                                          int side);

/* The label of group G, or NULL without -g. */
const char *match_group(const struct match *m, size_t g);

/* The pairs of comparison C in group G. */
const struct grouped_cell *match_pairs(const struct match *m, size_t g,
                                       size_t c);

void match_free(struct match *m);

#endif
