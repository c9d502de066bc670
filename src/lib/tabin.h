/* tabin.h - a table written by an sk- program, read whole as text.
 *
 * sk-table's input: tab-separated (or, for a data file, comma- or
 * otherwise separated) rows with one header row, read with libcsv (csvin.h). A TSV header must
 * look like an sk- program's: every name a word of letters, digits and
 * '_' starting with a letter, none twice, so that a CSV file read as TSV,
 * a headerless file or a prose file is refused on line 1 instead of being
 * shown as a one-column table. A data file (CSV, as the plot scripts
 * read) needs only names that are not empty and not repeated. Cells are kept as written; control bytes
 * in them become spaces. It knows nothing of statistics or formats. */
#ifndef SK_TABIN_H
#define SK_TABIN_H

#include <stddef.h>

struct tabin {
    char *file;              /* the name in messages */
    size_t ncols;
    char **name;             /* name[0..ncols) */
    size_t nrows;
    char ***cell;            /* cell[row][col] */
    unsigned long *line;     /* the line where each row starts */
};

/* Read PATH (NULL or "-": standard input): an sk- program's table when
 * DATA_DELIM is 0, else a data file whose fields DATA_DELIM separates
 * (',' for CSV, or ';' ...). The table, or NULL and *err a message to
 * free() ("FILE:LINE: ..."). */
struct tabin *tabin_read(const char *path, unsigned char data_delim,
                         char **err);

/* The index of column NAME, or (size_t)-1. */
size_t tabin_find(const struct tabin *t, const char *name);

void tabin_free(struct tabin *t);

#endif
