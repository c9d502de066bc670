/* codebook-read.c - reading a codebook file (codebook.h), and binding
 * its items to the columns of the data. */
#include <config.h>

#include "codebook.h"
#include "csvin.h"
#include "numparse.h"
#include "util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- reading the codebook file ---- */

enum { F_TYPE, F_NAME, F_CODE, F_LABEL, F_LEVELS, F_SCALE, F_REVERSE,
       F_SCORING, F_MIN, F_TEXT, F_MISSING, F_ALIAS, NFIELDS };
static const char *const field_names[NFIELDS] = {
    "type", "name", "code", "label", "levels", "scale", "reverse", "scoring",
    "min", "text", "missing", "alias"
};

/* What an item row names, resolved when the whole file is read. */
struct pending_item {
    char *levels, *scale;
};

static char *fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A message about the codebook, as one line: the fields it quotes are
 * the file's text, so control characters are escaped (a line break in a
 * type or label would split the message), and a message made long by a
 * long field keeps its start (the location) and its end (the hint). */
static char *fail(const char *fmt, ...)
{
    va_list ap;
    char *msg;
    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0)
        sk_die("out of memory");
    va_end(ap);
    size_t len = strlen(msg);
    enum { HEAD = 600, TAIL = 300 };
    char *out;
    if (len > HEAD + TAIL) {
        char *head = sk_shown_max(msg, HEAD, HEAD);
        char *tail = sk_shown_max(msg + len - TAIL, TAIL, TAIL);
        if (asprintf(&out, "%s ... %s", head, tail) < 0)
            sk_die("out of memory");
        free(head);
        free(tail);
    } else {
        out = sk_shown_max(msg, len, len);
    }
    free(msg);
    return out;
}

/* A field of the row, blanks around it removed (a copy to free()), or ""
 * when the codebook has no such column. */
static char *field(const struct csvin_row *row, const long *col, int f)
{
    if (col[f] < 0)
        return sk_xstrdup("");
    const char *s = row->field[col[f]];
    size_t len = row->len[col[f]];
    codebook_trim(&s, &len);
    return sk_xstrndup(s, len);
}

static int parse_bool(const char *s, int *v)
{
    static const char *const yes[] = { "yes", "y", "true", "1" };
    static const char *const no[] = { "no", "n", "false", "0", "" };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (strcasecmp(s, yes[i]) == 0)
            return *v = 1, 0;
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (strcasecmp(s, no[i]) == 0)
            return *v = 0, 0;
    return -1;
}

/* A level row: add it to its set. NULL, or the error. */
static char *add_level(struct codebook *cb, const char *where,
                       unsigned long line, const char *set, const char *code,
                       const char *label, const char *missing)
{
    struct num_value v;
    int aside;
    if (parse_bool(missing, &aside) != 0)
        return fail("%s:%lu: levels '%s': invalid missing '%s' (yes or no)",
                    where, line, set, missing);
    if (!*code && *label)
        return fail("%s:%lu: levels '%s': level '%s' has no code", where,
                    line, set, label);
    if (!*code)
        return fail("%s:%lu: levels '%s': a level without a code", where,
                    line, set);
    if (num_parse(code, strlen(code), &v) != NUM_OK)
        return fail("%s:%lu: invalid code '%s' (a code is a number)", where,
                    line, code);
    size_t li = codebook_find_levels(cb, set);
    if (li == CODEBOOK_NONE) {
        cb->levels = sk_xreallocarray(cb->levels, cb->nlevels + 1,
                                      sizeof *cb->levels);
        li = cb->nlevels++;
        memset(&cb->levels[li], 0, sizeof cb->levels[li]);
        cb->levels[li].name = sk_xstrdup(set);
        cb->levels[li].line = line;
    }
    struct codebook_levels *l = &cb->levels[li];
    const char *lab = *label ? label : code;
    for (size_t i = 0; i < l->n + l->naside; i++) {
        const struct codebook_level *o = i < l->n ? &l->level[i]
                                                  : &l->aside[i - l->n];
        if (o->code == v.x)
            return fail("%s:%lu: levels '%s': code %s declared twice (first "
                        "on line %lu)", where, line, set, code, o->line);
        if (strcasecmp(o->label, lab) == 0)
            return fail("%s:%lu: levels '%s': label '%s' declared twice "
                        "(first on line %lu)", where, line, set, lab,
                        o->line);
    }
    struct codebook_level **arr = aside ? &l->aside : &l->level;
    size_t *n = aside ? &l->naside : &l->n;
    *arr = sk_xreallocarray(*arr, *n + 1, sizeof **arr);
    (*arr)[*n].code = v.x == 0 ? 0 : v.x;
    (*arr)[*n].label = sk_xstrdup(lab);
    (*arr)[*n].line = line;
    (*n)++;
    return NULL;
}

static int cmp_level(const void *a, const void *b)
{
    double x = ((const struct codebook_level *)a)->code;
    double y = ((const struct codebook_level *)b)->code;
    return (x > y) - (x < y);
}

/* After the last row: order the levels, resolve the items' level sets and
 * scales, check the scales. NULL, or the error. */
static char *finish(struct codebook *cb, const char *where,
                    struct pending_item *pend)
{
    for (size_t i = 0; i < cb->nlevels; i++) {
        struct codebook_levels *l = &cb->levels[i];
        if (l->n == 0)
            return fail("%s:%lu: levels '%s' has only non-substantive levels "
                        "(missing=yes): it needs at least two others", where,
                        l->line, l->name);
        if (l->n < 2)
            return fail("%s:%lu: levels '%s' has only one %slevel", where,
                        l->line, l->name, l->naside ? "substantive " : "");
        qsort(l->level, l->n, sizeof *l->level, cmp_level);
        if (l->naside)
            qsort(l->aside, l->naside, sizeof *l->aside, cmp_level);
        l->min = l->level[0].code;
        l->max = l->level[l->n - 1].code;
        /* A label that reads as another level's code would make that
         * answer mean two levels (labels are matched first): the first
         * such line in the file is the error. */
        const struct codebook_level *bad = NULL, *other = NULL;
        for (size_t j = 0; j < l->n + l->naside; j++) {
            const struct codebook_level *lj = j < l->n ? &l->level[j]
                                                       : &l->aside[j - l->n];
            const char *lab = lj->label;
            struct num_value v;
            if (num_parse(lab, strlen(lab), &v) != NUM_OK ||
                num_is_blank(lab, strlen(lab)))
                continue;
            double c = v.x == 0 ? 0 : v.x;
            size_t o = codebook_level_index(l, c);
            const struct codebook_level *lo = o != CODEBOOK_NONE
                ? &l->level[o] : NULL;
            if (!lo && (o = codebook_aside_index(l, c)) != CODEBOOK_NONE)
                lo = &l->aside[o];
            if (lo && lo != lj && (!bad || lj->line < bad->line)) {
                bad = lj;
                other = lo;
            }
        }
        if (bad)
            return fail("%s:%lu: levels '%s': the label '%s' of code %.15g "
                        "is the code of another level (line %lu): an answer "
                        "'%s' would mean both", where, bad->line, l->name,
                        bad->label, bad->code, other->line, bad->label);
    }
    if (cb->nitems == 0)
        return fail("%s: no items (rows of type 'item')", where);
    for (size_t i = 0; i < cb->nitems; i++) {
        struct codebook_item *it = &cb->item[i];
        const char *lv = pend[i].levels, *sc = pend[i].scale;
        if (strcmp(lv, "none") == 0)
            ;       /* declared without levels: codes read as numbers */
        else if (*lv) {
            it->levels = codebook_find_levels(cb, lv);
            if (it->levels == CODEBOOK_NONE)
                return fail("%s:%lu: item '%s': no levels named '%s'", where,
                            it->line, it->name, lv);
        } else if (cb->nlevels == 1)
            it->levels = 0;
        else if (cb->nlevels > 1)
            return fail("%s:%lu: item '%s': which levels? (the codebook "
                        "declares %zu level sets; name one in 'levels')",
                        where, it->line, it->name, cb->nlevels);
        if (it->levels != CODEBOOK_NONE) {
            it->has_range = 1;
            it->min = cb->levels[it->levels].min;
            it->max = cb->levels[it->levels].max;
        } else if (it->reverse)
            return fail("%s:%lu: item '%s' is reverse-keyed but has no "
                        "levels to reverse it by", where, it->line, it->name);
        if (*sc) {
            size_t s = codebook_find_scale(cb, sc);
            if (s == CODEBOOK_NONE)
                return fail("%s:%lu: item '%s': no scale named '%s'", where,
                            it->line, it->name, sc);
            codebook_scale_add_item(cb, s, i);
        }
    }
    for (size_t i = 0; i < cb->nscales; i++) {
        struct codebook_scale *s = &cb->scale[i];
        if (s->nitems == 0)
            return fail("%s:%lu: scale '%s' has no items", where, s->line,
                        s->name);
        if (s->min_items == 0)
            s->min_items = s->nitems;
        else if (s->min_items > s->nitems)
            return fail("%s:%lu: scale '%s': min %zu is more than its %zu "
                        "item%s", where, s->line, s->name, s->min_items,
                        s->nitems, s->nitems == 1 ? "" : "s");
    }
    return NULL;
}

/* One row of the codebook. NULL, or the error. */
static char *read_row(struct codebook *cb, const char *where,
                      const struct csvin_row *row, const long *col,
                      struct pending_item **pend)
{
    unsigned long line = row->line;
    char *f[NFIELDS];
    char *err = NULL;
    for (int i = 0; i < NFIELDS; i++)
        f[i] = field(row, col, i);
    for (char *p = f[F_TYPE]; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    const char *type = f[F_TYPE], *name = f[F_NAME];

    if (type[0] == '\0' || type[0] == '#')
        ;
    else if (strcmp(type, "level") == 0)
        err = add_level(cb, where, line, name, f[F_CODE], f[F_LABEL],
                        f[F_MISSING]);
    else if (strcmp(type, "item") == 0) {
        size_t dup = codebook_find_item(cb, name);
        int rev;
        if (!*name)
            err = fail("%s:%lu: item without a name", where, line);
        else if (dup != CODEBOOK_NONE)
            err = fail("%s:%lu: item '%s' declared twice (first on line %lu)",
                       where, line, name, cb->item[dup].line);
        else if (parse_bool(f[F_REVERSE], &rev) != 0)
            err = fail("%s:%lu: item '%s': invalid reverse '%s' (yes or no)",
                       where, line, name, f[F_REVERSE]);
        else {
            size_t i = codebook_add_item(cb, name, CODEBOOK_NONE);
            cb->item[i].line = line;
            cb->item[i].reverse = rev;
            if (*f[F_TEXT])
                cb->item[i].text = sk_xstrdup(f[F_TEXT]);
            if (*f[F_ALIAS])
                cb->item[i].alias = sk_xstrdup(f[F_ALIAS]);
            *pend = sk_xreallocarray(*pend, cb->nitems, sizeof **pend);
            (*pend)[i].levels = sk_xstrdup(f[F_LEVELS]);
            (*pend)[i].scale = sk_xstrdup(f[F_SCALE]);
        }
    } else if (strcmp(type, "scale") == 0) {
        size_t dup = codebook_find_scale(cb, name);
        const char *sc = f[F_SCORING], *mn = f[F_MIN];
        char *end;
        long min = 0;
        if (*mn) {
            min = strtol(mn, &end, 10);
            if (*end || mn[0] == '-' || mn[0] == '+' || min < 1)
                min = -1;
        }
        if (!*name)
            err = fail("%s:%lu: scale without a name", where, line);
        else if (dup != CODEBOOK_NONE)
            err = fail("%s:%lu: scale '%s' declared twice (first on line "
                       "%lu)", where, line, name, cb->scale[dup].line);
        else if (*sc && strcasecmp(sc, "mean") != 0 &&
                 strcasecmp(sc, "sum") != 0)
            err = fail("%s:%lu: scale '%s': invalid scoring '%s' (mean or "
                       "sum)", where, line, name, sc);
        else if (min < 0)
            err = fail("%s:%lu: scale '%s': invalid min '%s' (a whole number "
                       "of items, at least 1)", where, line, name, mn);
        else {
            size_t s = codebook_add_scale(cb, name,
                                          strcasecmp(sc, "sum") == 0,
                                          (size_t)min);
            cb->scale[s].line = line;
            if (*f[F_TEXT])
                cb->scale[s].text = sk_xstrdup(f[F_TEXT]);
        }
    } else
        err = fail("%s:%lu: unknown type '%s' (level, item or scale)", where,
                   line, type);
    for (int i = 0; i < NFIELDS; i++)
        free(f[i]);
    return err;
}

struct codebook *codebook_read(const char *path, char **err)
{
    struct csvin_opts co = { ',', 1, 0 };
    struct csvin *r = csvin_open(path, &co, err);
    if (!r)
        return NULL;
    const char *where = csvin_filename(r);
    const char *const *names = csvin_names(r);
    long col[NFIELDS];
    *err = NULL;
    for (int f = 0; f < NFIELDS; f++) {
        col[f] = -1;
        for (size_t c = 0; c < csvin_ncols(r); c++) {
            const char *s = names[c];
            size_t len = strlen(s);
            codebook_trim(&s, &len);
            if (len == strlen(field_names[f]) &&
                strncasecmp(s, field_names[f], len) == 0) {
                if (col[f] >= 0 && !*err)
                    *err = fail("%s: the header has two '%s' columns", where,
                                field_names[f]);
                col[f] = (long)c;
            }
        }
    }
    if (!*err && (col[F_TYPE] < 0 || col[F_NAME] < 0))
        *err = fail("%s: not a codebook: the header needs the columns 'type' "
                    "and 'name' (and code, label, levels, scale, reverse, "
                    "scoring, min as needed)", where);
    struct codebook *cb = codebook_new();
    cb->file = sk_xstrdup(where);
    struct pending_item *pend = NULL;
    struct csvin_row row;
    int rc;
    while (!*err && (rc = csvin_read(r, &row)) != 0) {
        if (rc < 0)
            *err = sk_xstrdup(csvin_errmsg(r));
        else
            *err = read_row(cb, where, &row, col, &pend);
    }
    if (!*err)
        *err = finish(cb, where, pend);
    for (size_t i = 0; pend && i < cb->nitems; i++) {
        free(pend[i].levels);
        free(pend[i].scale);
    }
    free(pend);
    csvin_close(r);
    if (*err) {
        codebook_free(cb);
        return NULL;
    }
    return cb;
}

/* The columns whose header is S (exactly, or with the blanks around it
 * trimmed when TRIM): their number, the first in *col. */
static size_t find_column(const char *const *names, size_t ncols,
                          const char *s, int trim, size_t *col)
{
    size_t hits = 0, len = strlen(s);
    for (size_t c = 0; c < ncols; c++) {
        const char *h = names[c];
        size_t hlen = strlen(h);
        if (trim)
            codebook_trim(&h, &hlen);
        if (hlen == len && memcmp(h, s, len) == 0) {
            if (!hits)
                *col = c;
            hits++;
        }
    }
    return hits;
}

int codebook_bind(struct codebook *cb, const char *const *names, size_t ncols,
                  const char *datafile, char **err)
{
    const char *file = cb->file ? cb->file : "codebook";
    for (size_t i = 0; i < cb->nitems; i++) {
        struct codebook_item *it = &cb->item[i];
        size_t col = 0, acol = 0;
        size_t hits = find_column(names, ncols, it->name, 0, &col);
        size_t ahits = it->alias
            ? find_column(names, ncols, it->alias, 1, &acol) : 0;
        if (hits == 1 && ahits && (ahits > 1 || acol != col)) {
            *err = fail("%s:%lu: item '%s': its name and its alias '%s' are "
                        "different columns of %s (%zu and %zu)", file,
                        it->line, it->name, it->alias, datafile, col + 1,
                        acol + 1);
            return -1;
        }
        if (hits == 0 && ahits == 1) {
            it->column = acol;
            continue;
        }
        if (hits == 0 && ahits > 1) {
            *err = fail("%s:%lu: item '%s': its alias '%s' names two columns "
                        "of %s", file, it->line, it->name, it->alias,
                        datafile);
            return -1;
        }
        if (hits != 1) {
            if (hits == 0 && it->alias)
                *err = fail("%s:%lu: item '%s' is not a column of %s, nor is "
                            "its alias '%s'", file, it->line, it->name,
                            datafile, it->alias);
            else
                *err = fail("%s:%lu: item '%s' %s of %s", file, it->line,
                            it->name,
                            hits ? "names two columns" : "is not a column",
                            datafile);
            return -1;
        }
        it->column = col;
    }
    return 0;
}
