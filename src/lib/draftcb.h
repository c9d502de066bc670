/* draftcb.h - the draft codebook of an export (export.h), in the format
 * codebook.h reads: every column with its question text, the labelled
 * items with their levels in order (non-substantive answers declared
 * missing=yes), the points of numeric scales, matrix questions as
 * candidate scales, and comment rows saying what is left to the user
 * (reverse-worded items, columns whose answers have no known order). */
#ifndef SK_DRAFTCB_H
#define SK_DRAFTCB_H

#include <stdio.h>

#include "export.h"

/* The number of its items: the columns of labelled answers in a known
 * order, of scale points, or of numbers only. */
size_t draftcb_nitems(const struct export *e);

/* Write it to FP; 0, -1 on a write error, or -2 (nothing written) when
 * the export has no items (a codebook needs one). VERSION is named in its
 * first comment. */
int draftcb_write(FILE *fp, const struct export *e, const char *version);

#endif
