/* tabin.c - an sk- program's table, read whole as text (see tabin.h). */
#include <config.h>

#include "tabin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "util.h"

static int is_name(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
        return 0;
    for (s++; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    return 1;
}

/* Why the header NAMES is not an sk- program's, or NULL. */
static char *check_header(const char *file, const char *const *names,
                          size_t n, int csv)
{
    char *err = NULL, *shown;
    for (size_t c = 0; c < n && !err; c++) {
        if (csv && !*names[c]) {
            if (asprintf(&err, "%s:1: column %zu of the header is empty: "
                         "every column needs a name", file, c + 1) < 0)
                sk_die("out of memory");
        } else if (!csv && !is_name(names[c])) {
            shown = sk_shown(names[c], strlen(names[c]));
            const char *hint = !csv && strchr(names[c], ',')
                ? " (a comma-separated file? sk-table reads the "
                  "tab-separated output of an sk- program; --csv reads CSV)"
                : " (sk-table reads the output of an sk- program: a header "
                  "row of column names such as 'variable', 'n', 'p_t')";
            if (asprintf(&err, "%s:1: not an sk- table: column %zu of the "
                         "header is '%s', not a column name%s", file, c + 1,
                         shown, hint) < 0)
                sk_die("out of memory");
            free(shown);
        }
        for (size_t d = 0; d < c && !err; d++)
            if (strcmp(names[c], names[d]) == 0) {
                shown = sk_shown(names[c], strlen(names[c]));
                if (asprintf(&err, "%s:1: not an sk- table: the header names "
                             "column '%s' twice (columns %zu and %zu)", file,
                             shown, d + 1, c + 1) < 0)
                    sk_die("out of memory");
                free(shown);
            }
    }
    return err;
}

static char *clean(const char *s, size_t len)
{
    char *r = sk_xstrndup(s, len);
    for (char *p = r; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = ' ';
    return r;
}

struct tabin *tabin_read(const char *path, unsigned char data_delim,
                         char **err)
{
    int csv = data_delim != 0;
    struct csvin_opts co = { csv ? data_delim : '\t', 1, 0 };
    struct csvin *r = csvin_open(path, &co, err);
    if (!r)
        return NULL;
    struct tabin *t = sk_xcalloc(1, sizeof *t);
    t->file = sk_xstrdup(csvin_filename(r));
    t->ncols = csvin_ncols(r);
    const char *const *names = csvin_names(r);
    *err = check_header(t->file, names, t->ncols, csv);
    if (*err) {
        csvin_close(r);
        t->ncols = 0;
        tabin_free(t);
        return NULL;
    }
    t->name = sk_xcalloc(t->ncols, sizeof *t->name);
    for (size_t c = 0; c < t->ncols; c++)
        t->name[c] = sk_xstrdup(names[c]);
    size_t cap = 0;
    struct csvin_row row;
    int rc;
    while ((rc = csvin_read(r, &row)) > 0) {
        if (t->nrows == cap) {
            cap = cap ? 2 * cap : 64;
            t->cell = sk_xreallocarray(t->cell, cap, sizeof *t->cell);
            t->line = sk_xreallocarray(t->line, cap, sizeof *t->line);
        }
        char **cells = sk_xcalloc(t->ncols, sizeof *cells);
        for (size_t c = 0; c < t->ncols; c++)
            cells[c] = clean(row.field[c], row.len[c]);
        t->cell[t->nrows] = cells;
        t->line[t->nrows++] = row.line;
    }
    if (rc < 0) {
        *err = sk_xstrdup(csvin_errmsg(r));
        csvin_close(r);
        tabin_free(t);
        return NULL;
    }
    csvin_close(r);
    return t;
}

size_t tabin_find(const struct tabin *t, const char *name)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (strcmp(t->name[c], name) == 0)
            return c;
    return (size_t)-1;
}

void tabin_free(struct tabin *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows; i++) {
        for (size_t c = 0; c < t->ncols; c++)
            free(t->cell[i][c]);
        free(t->cell[i]);
    }
    for (size_t c = 0; t->name && c < t->ncols; c++)
        free(t->name[c]);
    free(t->name);
    free(t->cell);
    free(t->line);
    free(t->file);
    free(t);
}
