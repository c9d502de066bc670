/* tabout.h - a finished table, written as Markdown, LaTeX, HTML, aligned
 * text, CSV or TSV.
 *
 * The model is what a paper's table has: a number and title, an optional
 * caption line, one header row with optional spanners above it (one block
 * of columns per group), rows of text cells, and notes under it. Cells may
 * hold the inline marks below; each format writes them its own way (and
 * escapes everything else), so that the same table is right in every
 * format. It knows nothing of statistics or of where the cells came from. */
#ifndef SK_TABOUT_H
#define SK_TABOUT_H

#include <stddef.h>
#include <stdio.h>

#include "numfmt.h"

/* Inline marks: italic (a statistic's symbol), subscript, and the minus
 * sign (NUMFMT_MINUS). */
#define TABOUT_I "\x01"
#define TABOUT_I_END "\x02"
#define TABOUT_SUB "\x03"
#define TABOUT_SUB_END "\x04"

enum tabout_format {
    TABOUT_MARKDOWN,
    TABOUT_LATEX,
    TABOUT_HTML,
    TABOUT_TEXT,
    TABOUT_CSV,
    TABOUT_TSV               /* one header row, tab-separated: for a
                                pipeline (the plot scripts) */
};

struct tabout_span {
    char *label;
    size_t first, n;         /* the columns it spans */
};

struct tabout {
    char *number;            /* "2": "Table 2"; NULL: no number */
    char *title, *caption;   /* or NULL */
    char **note;             /* the notes, in order, under "Note." */
    size_t nnotes;
    size_t ncols;
    char **head;             /* head[c] */
    int *right;              /* right[c]: right-aligned (numbers) */
    struct tabout_span *span;
    size_t nspans;
    size_t nrows;
    char ***cell;            /* cell[row][c] */
};

struct tabout_opts {
    int standalone;          /* HTML: a whole page with its stylesheet;
                                LaTeX: a document pdflatex compiles */
    int latex_float;         /* LaTeX: inside \begin{table} with \caption */
    const char *label;       /* LaTeX: \label{LABEL}; HTML: id; or NULL */
};

/* Write T to FP in format F. 0, or -1 on a write error (errno set). */
int tabout_write(FILE *fp, const struct tabout *t, enum tabout_format f,
                 const struct tabout_opts *o);

/* The text of S without its marks (subscripts as "_x", minus as '-'):
 * for plain contexts such as CSV and messages; to free(). */
char *tabout_plain(const char *s);

/* The display width of the UTF-8 string S in a terminal's columns. */
size_t tabout_width(const char *s);

void tabout_free(struct tabout *t);

#endif
