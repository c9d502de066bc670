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

#endif
