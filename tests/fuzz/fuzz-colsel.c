/* fuzz-colsel.c - column lists (colsel.h).
 *
 * Input: one byte (bit 0: colsel_one instead of colsel_parse), the LIST
 * up to the first newline, then the column names, one a line (at least
 * one). Invariants: a chosen index is a column; a name found alone in the
 * header is chosen as itself; an error message is one line, no longer
 * than the list allows (at most 8 names are listed, each cut at 60
 * bytes). */
#include <config.h>

#include <string.h>

#include "fuzz.h"
#include "lib/colsel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || memchr(data, '\0', size))
        return 0;
    char *text = malloc(size);
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    char *nl = strchr(text, '\n');
    if (!nl) {
        free(text);
        return 0;
    }
    *nl = '\0';
    const char *list = text;
    size_t cap = 8, ncols = 0;
    const char **names = malloc(cap * sizeof *names);
    for (char *p = nl + 1;;) {
        if (ncols == cap)
            names = realloc(names, (cap *= 2) * sizeof *names);
        names[ncols++] = p;
        char *e = strchr(p, '\n');
        if (!e)
            break;
        *e = '\0';
        p = e + 1;
    }
    size_t listlen = strlen(list), bound = 2 * listlen + 8 * 260 + 200;
    char *err = NULL;
    if (data[0] & 1) {
        size_t idx = (size_t)-1;
        int rc = colsel_one(list, names, ncols, &idx, &err);
        size_t same = 0, at = 0;
        for (size_t i = 0; i < ncols; i++)
            if (strcmp(names[i], list) == 0)
                same++, at = i;
        if (rc == 0) {
            FUZZ_ASSERT(idx < ncols);
            if (same == 1)
                FUZZ_ASSERT(idx == at);
        } else {
            FUZZ_ASSERT(rc == -1 && same != 1);
            FUZZ_ASSERT(err && strlen(err) < bound && !strchr(err, '\n'));
        }
    } else {
        size_t *idx = NULL, n = 0;
        int rc = colsel_parse(list, names, ncols, &idx, &n, &err);
        if (rc == 0) {
            FUZZ_ASSERT(n >= 1);
            for (size_t i = 0; i < n; i++)
                FUZZ_ASSERT(idx[i] < ncols);
            free(idx);
        } else {
            FUZZ_ASSERT(rc == -1);
            FUZZ_ASSERT(err && strlen(err) < bound && !strchr(err, '\n'));
        }
    }
    free(err);
    free(names);
    free(text);
    return 0;
}
