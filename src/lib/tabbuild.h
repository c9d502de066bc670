/* tabbuild.h - a publication table (tabout.h) from an sk- program's rows
 * (tabin.h), by column templates.
 *
 * A column is a header and a cell template: literal text with references
 * %{NAME} or %{NAME:MOD} to the input's columns, so that one cell can say
 * "4.21 (0.83)" or "[0.21, 1.04]". Each reference is rounded by the kind
 * its column's name says (tabbuild_kind): counts as written, p-values to 3
 * decimals ("< .001"), percentages to 1, everything else to 2, unless
 * MOD or the options say otherwise. MOD is a number of decimals, or:
 *   =     a p-value as "= .034" or "< .001" (other kinds "= 0.63")
 *   %     the number times 100, as written (a level 0.95 as 95)
 *   sym   an sk-boot statistic's symbol (mean-diff: M_diff)
 *   ci    an sk-boot interval's name (bca: BCa)
 *   test  sk-compare's t_method as words (welch: Welch's t test)
 *   raw   as written
 * '=' may be followed by decimals ("=2"). In a template's literal text
 * (headers too) *x* is italic, _{x} a subscript, \c the character c;
 * "%%" is a literal '%' (alone, '%' is one too).
 *
 * A cell whose references are all NA (or empty) is the NA string; NA
 * references in a cell that has others show as the NA string in place.
 *
 * The module knows the programs' naming convention (README, "Names and
 * units"), not their statistics: nothing is computed here but rounding. */
#ifndef SK_TABBUILD_H
#define SK_TABBUILD_H

#include <stddef.h>

#include "codebook.h"
#include "tabin.h"
#include "tabout.h"

/* The kinds of number, by column name. */
enum tabkind {
    TK_NUM,      /* everything else: 2 decimals */
    TK_R,        /* bounded by 1 (r, kappa, ICC, alpha, theta, delta): 2,
                    no leading zero under APA style */
    TK_P,        /* p-values: 3 decimals, "< .001" */
    TK_PCT,      /* percentages: 1 decimal */
    TK_DF,       /* degrees of freedom: as written when whole, else 2 */
    TK_COUNT,    /* counts, seeds, replicates: as written */
    TK_NKINDS
};

enum tabkind tabbuild_kind(const char *name);

/* The kind named S (num, r, p, pct, df, count), or -1. */
int tabbuild_kind_named(const char *s);

struct tabbuild_col {
    const char *head;        /* header template (on the first row) */
    const char *cell;        /* cell template */
    const char *span;        /* spanner template above it, or NULL */
    int stub;                /* a row label (kept once with --spread) */
    int optional;            /* dropped when a column it names is absent */
    int omit_if_zero;        /* dropped when every value it shows is 0 */
    int omit_if_na;          /* ... is NA */
    int omit_if_same;        /* ... is the same on every row */
};

enum tabbuild_order { TB_ORDER_FIRST, TB_ORDER_SORTED, TB_ORDER_CODEBOOK,
                      TB_ORDER_LIST };

struct tabbuild_opts {
    const struct tabbuild_col *col;   /* NULL: every input column */
    size_t ncols;
    const char *const *rename;        /* "old:New", nrenames of them */
    size_t nrenames;
    int digits[TK_NKINDS];            /* -1: as written */
    const char *const *col_digits;    /* "COLUMN:N" */
    size_t ncol_digits;
    int apa;                          /* no leading zero for TK_R, TK_P */
    int raw;                          /* numbers as written (MOD_RAW) */
    const char *na;                   /* what NA shows as */
    const char *thousands;            /* separator, or NULL */
    const char *spread;               /* the column of the blocks, or NULL */
    size_t stub;                      /* row-label columns when no column
                                         says stub (default 1) */
    enum tabbuild_order order;
    const char *const *order_list;    /* TB_ORDER_LIST */
    size_t norder;
    const struct codebook *cb;        /* item text, scale labels, or NULL */
    int blank_repeats;                /* a stub cell equal to the one above
                                         it is left empty */
    int row_notes;                    /* the 'note' column's texts become
                                         the table's notes */
    const char *const *notes;         /* note templates, on the first row
                                         (dropped when a column is absent) */
    size_t nnotes;
};

/* Default options: 2 decimals, p 3, pct 1, df and counts as written. */
void tabbuild_defaults(struct tabbuild_opts *o);

/* The table of IN by O, or NULL with *err a message to free(); *usage
 * is 1 when the error is the options' (an unknown column), 0 when the
 * data's. Title, number and notes are the caller's to set. */
struct tabout *tabbuild(const struct tabin *in, const struct tabbuild_opts *o,
                        char **err, int *usage);

/* Add a note (a copy) to T. */
void tabbuild_add_note(struct tabout *t, const char *note);

/* The literal text S with its marks (*x*, _{x}, \c) as tabout's. */
char *tabbuild_marks(const char *s);

#endif
