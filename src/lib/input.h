/* input.h - numeric columns of a CSV/TSV table, with missing values.
 *
 * The layer every program reads through: opens the file (csvin.h),
 * resolves the columns (colsel.h), reads each chosen field as a strict
 * number (numparse.h) or a missing value, and keeps the text of key
 * columns (a group, an id). Errors are reported here, located and with the
 * column name, and end the program: status 1 for bad data or I/O, 2 for
 * an unknown column. A message may end with a line "sk-NAME: hint: ..."
 * when the cause is likely: a one-column file that looks delimited by
 * another character, the other decimal mark, labels where numbers should
 * be (with suggest_codebook). A blank name over a chosen column is an
 * error at the first input_next. It knows nothing of statistics. */
#ifndef SK_INPUT_H
#define SK_INPUT_H

#include <stddef.h>

#include "numparse.h"

struct input_opts {
    const char *path;      /* NULL or "-": standard input */
    int tsv;               /* tab-separated instead of comma-separated */
    unsigned char delim;   /* the field delimiter; 0: by tsv ('\t' or ',') */
    int decimal_comma;     /* numbers have a decimal comma: 1,5 is 1.5 */
    int suggest_codebook;  /* the program takes --codebook and none was
                              given: a word read as a number suggests it */
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
    const struct input_cell *cell;    /* one per chosen numeric column */
    const char *const *key;           /* one per key column; "NA" when
                                         missing */
    const size_t *key_len;
    const int *key_missing;
    const char *group;                /* key 0 with input_open's --by */
    size_t group_len;
    unsigned long line;
    const char *const *field;         /* every field of the row as read
                                         (a filter writes them back) */
    const size_t *field_len;
    size_t nfields;
};

struct input;

/* The field delimiter O means: delim, or by tsv a tab or a comma. */
unsigned char input_delim(const struct input_opts *o);

/* Each function that ends the program on an error has an input_try_
 * twin that returns it instead: NULL or -1, with *err a message to free()
 * that the dying one would print (the library's callers and fuzzers). */

/* Open, read the header and choose the columns of o->columns and the key
 * column o->by (see input_open_raw for the rest); dies on error. */
struct input *input_open(const struct input_opts *o);
/* ... or NULL, *status 1 (bad data, I/O) or 2 (an unknown column). */
struct input *input_try_open(const struct input_opts *o, int *status,
                             char **err);

/* Open and read the header only; the program then chooses the numeric
 * columns (input_set_columns) and the key columns (input_set_keys). */
struct input *input_open_raw(const struct input_opts *o);
struct input *input_try_open_raw(const struct input_opts *o, char **err);

size_t input_ncols(const struct input *in);
const char *const *input_names(const struct input *in);
const char *input_filename(const struct input *in);

/* The index of one column (a name or a 1-based number); a usage error
 * (exit 2) naming OPTION and listing the columns when there is none. */
size_t input_find(const struct input *in, const char *item);
int input_try_find(const struct input *in, const char *item, size_t *idx,
                   char **err);

/* Use the LIST (as -c) or the given indexes as the numeric columns. */
void input_set_columns_list(struct input *in, const char *list);
int input_try_set_columns_list(struct input *in, const char *list,
                               char **err);
void input_set_columns(struct input *in, const size_t *idx, size_t n);
/* Use the given indexes as the key (text) columns. */
void input_set_keys(struct input *in, const size_t *idx, size_t n);

size_t input_nvars(const struct input *in);
const char *input_var_name(const struct input *in, size_t i);
/* The group column's name (input_open's --by), or NULL without one. */
const char *input_group_name(const struct input *in);

/* Read the rows without their text: each row's field and field_len are
 * NULL (nfields stays), and the chosen fields are read as the CSV reader
 * hands them over, with no copy of the row and the other columns not
 * looked at. The rows, values, keys and errors are the same. Call it
 * before the first input_next. */
void input_drop_fields(struct input *in);

/* The next row: 1, or 0 at the end. Dies on bad data. */
int input_next(struct input *in, struct input_row *row);
/* ... or -1 with *err. */
int input_try_next(struct input *in, struct input_row *row, char **err);

/* Every row left, in order, to EACH(ctx, ROW) (ROW valid during the
 * call): what input_next would return, handed on as each row ends (with
 * input_drop_fields, not queued). Dies on bad data, after the rows
 * before it. */
void input_each(struct input *in,
                void (*each)(void *ctx, const struct input_row *row),
                void *ctx);
/* ... or returns -1 with *err; 0 at the end. */
int input_try_each(struct input *in,
                   void (*each)(void *ctx, const struct input_row *row),
                   void *ctx, char **err);

void input_close(struct input *in);

/* A field as messages show it: control characters escaped (\n, \t,
 * \x01), at most 60 bytes then "...". Returns a string to free(). */
char *input_shown(const char *s, size_t len);

#endif
