/* codebook.h - a survey's codebook: its items, their ordered response
 * levels and the scales they make up; and the reading of the items of a
 * table through it.
 *
 * The codebook is a CSV file with a header row; the columns are found by
 * name (in any order; other columns, such as the wording of an item, are
 * ignored) and each row declares one thing, by its 'type':
 *
 *   type   name        other columns
 *   level  LEVEL-SET   code (a number, required), label
 *   item   COLUMN      levels (a level set; may be empty when there is
 *                      only one), scale (or empty), reverse (yes/no)
 *   scale  SCALE       scoring (mean or sum; default mean), min (answered
 *                      items needed for a score; default all)
 *
 * Rows whose type is empty or starts with '#' are comments. A level set's
 * levels are ordered by code; labels are matched without regard to case
 * (ASCII) and surrounding blanks. Every error names the codebook line. */
#ifndef SK_CODEBOOK_H
#define SK_CODEBOOK_H

#include <stddef.h>

#include "cli.h"
#include "input.h"

#define CODEBOOK_NONE ((size_t)-1)

/* The codebook's format, for each program's --help. */
extern const char codebook_help[];

struct codebook_level {
    double code;
    char *label;
    unsigned long line;
};

struct codebook_levels {
    char *name;
    struct codebook_level *level;   /* in increasing order of code */
    size_t n;
    double min, max;                /* the lowest and highest code */
    unsigned long line;             /* where it is first declared */
};

struct codebook_item {
    char *name;
    size_t levels;     /* index of its level set, or CODEBOOK_NONE: codes
                          are read as numbers, as they are */
    size_t scale;      /* index of its scale, or CODEBOOK_NONE */
    int reverse;       /* reverse-keyed */
    int has_range;     /* min and max are declared (by levels or --range) */
    double min, max;
    size_t column;     /* its data column, or CODEBOOK_NONE until bound */
    unsigned long line;    /* 0 when not read from a file */
};

struct codebook_scale {
    char *name;
    int sum;           /* 1: sum of the items, 0: mean */
    size_t min_items;  /* answered items needed for a score (>= 1) */
    size_t *item;      /* its items (indexes), in codebook order */
    size_t nitems;
    unsigned long line;
};

struct codebook {
    char *file;        /* the codebook's name in messages, or NULL */
    struct codebook_levels *levels;
    size_t nlevels;
    struct codebook_item *item;
    size_t nitems;
    struct codebook_scale *scale;
    size_t nscales;
};

/* Read the codebook at PATH: the codebook, or NULL with *err set to a
 * message to free() ("codebook.csv:7: level 'Agree' has no code"). */
struct codebook *codebook_read(const char *path, char **err);

/* An empty codebook, to be filled by the functions below. */
struct codebook *codebook_new(void);
void codebook_free(struct codebook *cb);

/* Add an item (no levels, no scale, not reversed) or a scale; return its
 * index. */
size_t codebook_add_item(struct codebook *cb, const char *name, size_t column);
size_t codebook_add_scale(struct codebook *cb, const char *name, int sum,
                          size_t min_items);
void codebook_scale_add_item(struct codebook *cb, size_t scale, size_t item);

/* The index of the scale named NAME, or CODEBOOK_NONE. */
size_t codebook_find_scale(const struct codebook *cb, const char *name);

enum codebook_match {
    CODEBOOK_OK = 0,
    CODEBOOK_NOT_LEVEL,        /* neither a label nor a declared code */
    CODEBOOK_OUT_OF_RANGE      /* a number below the lowest or above the
                                  highest declared code */
};

/* The code of the answer at S (LEN bytes): a level's label (case and the
 * blanks around it ignored) or one of its codes as a number. */
enum codebook_match codebook_match(const struct codebook_levels *l,
                                   const char *s, size_t len, double *code);

/* The index of the level with code CODE, or CODEBOOK_NONE. */
size_t codebook_level_index(const struct codebook_levels *l, double code);

/* "1=Strongly disagree, 2=Disagree, ..." for messages; to free(). */
char *codebook_levels_text(const struct codebook_levels *l);

/* The code as scored: (min + max) - code for a reverse-keyed item, min
 * and max those declared; the code itself otherwise. The one place where
 * reverse keying is done. */
double codebook_keyed(const struct codebook *cb, size_t item, double code);

/* Bind each item of a codebook read from a file to the data column of its
 * name: 0, or -1 with *err (to free()) naming the codebook line of an
 * item that is not a column of DATAFILE, or names two. */
int codebook_bind(struct codebook *cb, const char *const *names, size_t ncols,
                  const char *datafile, char **err);

/* How a program's items are chosen. */
struct codebook_opts {
    const char *path;        /* --codebook FILE, or NULL */
    const char *columns;     /* -c LIST: without a codebook the items; with
                                one, a choice among its items */
    const char *by;          /* the group column, or NULL */
    const char *reverse;     /* --reverse LIST: reverse-keyed columns
                                (without a codebook; needs range) */
    const char *range;       /* --range LO:HI, the declared codes' range
                                (without a codebook), or NULL */
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
 * --range, a bad --range. */
void codebook_opts_check(const struct codebook_opts *o);

/* Read the codebook (exit 1 on error) or make one of the options (exit 2
 * on a bad option), and bind it to the columns of IN. *items (to free())
 * and *n are the chosen items: -c's, or every item of the codebook, or
 * without one every column but the group. */
struct codebook *codebook_setup(const struct codebook_opts *o,
                                struct input *in, size_t **items, size_t *n);

/* The scales chosen by --scales LIST (NULL: all, in codebook order), as
 * indexes (to free()) and their number in *n; an unknown scale is a usage
 * error, a codebook without scales a data error. */
size_t *codebook_chosen_scales(const struct codebook *cb, const char *list,
                               size_t *n);

/* Reading the items of a table through a codebook. */
struct codebook_data;

/* Read the N ITEMS of CB (bound) from IN, items with levels as text
 * answers and the others as numbers, and the group column BY (or NULL). */
struct codebook_data *codebook_data_open(const struct codebook *cb,
                                         struct input *in,
                                         const size_t *items, size_t n,
                                         const char *by);

/* The next row: 1 with code[i] the code of items[i] as answered (NAN when
 * missing) and ROW filled (row->group set with a group column), or 0 at
 * the end. An answer that is not a declared level, or a code outside the
 * declared range, ends the program (exit 1) with the file, line and
 * column. */
int codebook_data_next(struct codebook_data *d, double *code,
                       struct input_row *row);

void codebook_data_close(struct codebook_data *d);

#endif
