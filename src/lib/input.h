/* input.h - numeric columns of a CSV/TSV table, with missing values.
 *
 * The layer every program reads through: opens the file (csvin.h),
 * resolves the columns (colsel.h), reads each selected field as a strict
 * number (numparse.h) or a missing value, and keeps the group column's
 * text. Errors are reported here, located and with the column name, and
 * end the program: status 1 for bad data or I/O, 2 for an unknown column.
 * It knows nothing of statistics. */
#ifndef SK_INPUT_H
#define SK_INPUT_H

#include <stddef.h>

#include "numparse.h"

struct input_opts {
    const char *path;      /* NULL or "-": standard input */
    int tsv;               /* tab-separated instead of comma-separated */
    int header;            /* the first row names the columns */
    const char *columns;   /* -c LIST; NULL: every column but the group */
    const char *by;        /* group column, or NULL */
    const char *na;        /* missing-value tokens, comma-separated; NULL:
                              "NA". Empty fields are always missing. */
};

struct input_cell {
    int missing;
    struct num_value v;    /* when not missing */
};

struct input_row {
    const struct input_cell *cell;    /* one per selected column */
    const char *group;                /* group text ("NA" when missing) */
    size_t group_len;
    unsigned long line;
};

struct input;

/* Open and read the header; dies on error. */
struct input *input_open(const struct input_opts *o);

size_t input_nvars(const struct input *in);
const char *input_var_name(const struct input *in, size_t i);
/* The group column's name, or NULL without one. */
const char *input_group_name(const struct input *in);

/* The next row: 1, or 0 at the end. Dies on bad data. */
int input_next(struct input *in, struct input_row *row);

void input_close(struct input *in);

#endif
