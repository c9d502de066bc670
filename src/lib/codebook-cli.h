/* codebook-cli.h - the options that choose a program's items and scales
 * (--codebook, -c, --scales, --name, --scoring, --reverse, --range), and
 * the codebook made from them: the only part of the codebook modules that
 * knows the command line. */
#ifndef SK_CODEBOOK_CLI_H
#define SK_CODEBOOK_CLI_H

#include <stddef.h>

#include "cli.h"
#include "codebook.h"
#include "input.h"

/* How a program's items are chosen. */
struct codebook_opts {
    const char *path;        /* --codebook FILE, or NULL */
    const char *columns;     /* -c LIST: without a codebook the items; with
                                one, a choice among its items */
    const char *by;          /* the group column, or NULL */
    const char *const *keys; /* other key columns the program reads (as
                                sk-compare's --between), nkeys of them:
                                not items by default */
    size_t nkeys;
    const char *reverse;     /* --reverse LIST: reverse-keyed columns
                                (without a codebook; needs range) */
    const char *range;       /* --range LO:HI, the declared codes' range
                                (without a codebook), or NULL */
    const char *levels;      /* --levels LO:HI (sk-freq), or NULL: without
                                a codebook, every item's levels are the
                                integer codes LO..HI (a level set, as a
                                codebook's, whose range is also the
                                declared range) */
    const char *scale;       /* without a codebook: the name of the one
                                scale the items make, or NULL for none */
    int sum;                 /* its scoring */
    size_t min_items;        /* and its minimum (0: all items) */
    const char *data;        /* the data FILE, NULL or "-" for standard
                                input */
};

/* The scale options sk-score and sk-alpha share, in one place: their
 * codes (past the programs' own), getopt_long entries and handling. */
enum {
    CODEBOOK_OPT_CODEBOOK = CLI_OPT_FIRST_PROGRAM_OPTION + 64,
    CODEBOOK_OPT_SCALES,
    CODEBOOK_OPT_NAME,
    CODEBOOK_OPT_SCORING,
    CODEBOOK_OPT_REVERSE,
    CODEBOOK_OPT_RANGE
};

#define CODEBOOK_SCALE_LONGOPTS                                            \
    { "codebook", required_argument, NULL, CODEBOOK_OPT_CODEBOOK },        \
    { "scales", required_argument, NULL, CODEBOOK_OPT_SCALES },            \
    { "name", required_argument, NULL, CODEBOOK_OPT_NAME },                \
    { "scoring", required_argument, NULL, CODEBOOK_OPT_SCORING },          \
    { "reverse", required_argument, NULL, CODEBOOK_OPT_REVERSE },          \
    { "range", required_argument, NULL, CODEBOOK_OPT_RANGE }

struct codebook_scale_args {
    struct codebook_opts co;
    const char *scales;      /* --scales LIST, or NULL */
    const char *name;        /* --name, or NULL */
    const char *scoring;     /* --scoring as given, or NULL */
};

/* Handle one of the CODEBOOK_SCALE_LONGOPTS: 1 if OPT was one, else 0. */
int codebook_scale_option(struct codebook_scale_args *a, int opt,
                          const char *arg);

/* After the options: the usage errors of their combination (an option for
 * a scale without a codebook given with one, no items, --scales without a
 * codebook; EXTRA names a program's own such option when given, or is
 * NULL), then co's columns, scale name (DEFAULT_NAME without --name),
 * group and data from the common options, and codebook_opts_check(). */
void codebook_scale_finish(struct codebook_scale_args *a,
                           const struct input_opts *in,
                           const char *default_name, const char *extra);

/* The usage errors of the options (exit 2), before any input is read:
 * the codebook and the data both on standard input, --reverse without
 * --range, a bad --range, a bad --levels or one given with --codebook. */
void codebook_opts_check(const struct codebook_opts *o);

/* Read the codebook (exit 1 on error) or make one of the options (exit 2
 * on a bad option), and bind it to the columns of IN. *items (to free())
 * and *n are the chosen items: -c's, or every item of the codebook, or
 * without one every column but the group. */
struct codebook *codebook_setup(const struct codebook_opts *o,
                                struct input *in, size_t **items, size_t *n);

/* For a program that chooses its own columns (pairs, sk-boot): the
 * codebook at PATH read (exit 1 on error) and bound to the columns of IN
 * (codebook_bind: by name or alias). */
struct codebook *codebook_open_bound(const char *path, struct input *in);

/* The item of each of the N columns COLS in *items (to free()): a column
 * the codebook does not list becomes an item without levels (read as a
 * number). */
void codebook_column_items(struct codebook *cb, struct input *in,
                           const size_t *cols, size_t n, size_t **items);

/* Both: codebook_open_bound, then codebook_column_items. */
struct codebook *codebook_for_columns(const char *path, struct input *in,
                                      const size_t *cols, size_t n,
                                      size_t **items);

/* The column names of IN as the options name them with the codebook CB
 * (bound): a column bound to an item by its alias is named by the item's
 * short name, the others as in the header. An array of NCOLS pointers
 * (to free(); the strings are CB's and IN's). */
const char **codebook_column_names(const struct codebook *cb,
                                   const struct input *in);

/* The scales chosen by --scales LIST (NULL: all, in codebook order), as
 * indexes (to free()) and their number in *n; an unknown scale is a usage
 * error, a codebook without scales a data error. */
size_t *codebook_chosen_scales(const struct codebook *cb, const char *list,
                               size_t *n);

#endif
