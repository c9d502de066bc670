/* out.h - tab-separated output with one header row.
 *
 * Numbers are printed with PRECISION significant digits (%.*g, C locale);
 * a value that cannot be computed (NAN) prints as NA, and infinities as
 * Inf and -Inf (the ends of one-sided intervals), as R prints them. Tabs and
 * line breaks inside text cells become spaces, so that every row stays
 * one line of the same number of cells. The output module knows nothing
 * of statistics. */
#ifndef SK_OUT_H
#define SK_OUT_H

#include <stddef.h>
#include <stdio.h>

#define OUT_DEFAULT_PRECISION 15

struct out {
    FILE *fp;
    int precision;
    int col;           /* cells written in the current row */
};

void out_init(struct out *o, FILE *fp, int precision);
void out_text(struct out *o, const char *s);
void out_num(struct out *o, double x);
void out_count(struct out *o, size_t n);
void out_na(struct out *o);
void out_end_row(struct out *o);

/* A program's output columns in one table, from which its header, its
 * rows and the column list of its --help are all printed (so that the
 * three cannot disagree). A column is a field of the program's result
 * struct at OFFSET, of a kind; FLAG, when not 0, makes it conditional: it
 * is printed only when the caller's flags have the bit (--adjust, ...). */
enum out_kind {
    OUT_NUM,       /* double: %.*g, NA, Inf */
    OUT_COUNT,     /* size_t */
    OUT_TEXT       /* const char *: NULL prints NA */
};
struct out_col {
    const char *name;
    enum out_kind kind;
    size_t offset;
    const char *help;
    unsigned flag;
};

void out_header(struct out *o, const struct out_col *cols, size_t n,
                unsigned flags);
void out_cells(struct out *o, const struct out_col *cols, size_t n,
               unsigned flags, const void *result);
/* "  name   help" lines, help wrapped at 78 columns; a conditional
 * column's help should say when it is printed. */
void out_help(FILE *fp, const struct out_col *cols, size_t n);

#endif
