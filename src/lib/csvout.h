/* csvout.h - rows of a CSV file, quoted by libcsv where RFC 4180 needs it
 * (a field holding the delimiter, a quote or a line break), written
 * as-is otherwise; lines end in LF. */
#ifndef SK_CSVOUT_H
#define SK_CSVOUT_H

#include <stddef.h>
#include <stdio.h>

/* Write the N fields F (NUL-terminated) as one row to FP, separated by
 * DELIM; 0, or -1 on a write error (errno set). */
int csvout_row(FILE *fp, const char *const *f, size_t n, unsigned char delim);

#endif
