/* csvout.c - rows of a CSV file, quoted by libcsv where needed. */
#include <config.h>

#include "csvout.h"

#include <csv.h>
#include <string.h>

int csvout_row(FILE *fp, const char *const *f, size_t n, unsigned char delim)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && putc(delim, fp) == EOF)
            return -1;
        size_t len = strlen(f[i]);
        int quote = 0;
        for (size_t k = 0; k < len && !quote; k++)
            quote = f[i][k] == (char)delim || f[i][k] == '"' ||
                    f[i][k] == '\n' || f[i][k] == '\r';
        if (quote ? csv_fwrite(fp, f[i], len) != 0
                  : fwrite(f[i], 1, len, fp) != len)
            return -1;
    }
    return putc('\n', fp) == EOF ? -1 : 0;
}
