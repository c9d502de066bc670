/* codebook.c - a survey's codebook, and reading items through it. */
#include <config.h>

#include "codebook.h"
#include "colsel.h"
#include "csvin.h"
#include "numparse.h"
#include "util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char codebook_help[] =
"Codebook (--codebook=FILE): a CSV file with a header row; its columns\n"
"are found by name (others, such as an item's wording, are ignored) and\n"
"each row declares one thing, by its 'type':\n"
"  level   name: its level set; code: a number (required); label\n"
"  item    name: the data column; levels: its level set (may be empty\n"
"          when there is only one); scale: its scale, or empty;\n"
"          reverse: yes or no (default no)\n"
"  scale   name; scoring: mean or sum (default mean); min: answered items\n"
"          needed for a score (default: all of its items)\n"
"Rows whose type is empty or starts with # are comments. Levels are ordered\n"
"by code. An answer is a level's label (case and surrounding blanks\n"
"ignored) or its code; anything else is an error, and so is a code out of\n"
"the declared range. A label may not be another level's code. Every item\n"
"must be a column of the data. A reverse-keyed item is scored\n"
"(min + max) - code, with min and max the lowest and highest declared\n"
"codes, never those found in the data.\n";

/* ---- building ---- */

struct codebook *codebook_new(void)
{
    return sk_xcalloc(1, sizeof(struct codebook));
}

void codebook_free(struct codebook *cb)
{
    if (!cb)
        return;
    for (size_t i = 0; i < cb->nlevels; i++) {
        for (size_t j = 0; j < cb->levels[i].n; j++)
            free(cb->levels[i].level[j].label);
        free(cb->levels[i].level);
        free(cb->levels[i].name);
    }
    for (size_t i = 0; i < cb->nitems; i++)
        free(cb->item[i].name);
    for (size_t i = 0; i < cb->nscales; i++) {
        free(cb->scale[i].name);
        free(cb->scale[i].item);
    }
    free(cb->levels);
    free(cb->item);
    free(cb->scale);
    free(cb->file);
    free(cb);
}

size_t codebook_add_item(struct codebook *cb, const char *name, size_t column)
{
    cb->item = sk_xreallocarray(cb->item, cb->nitems + 1, sizeof *cb->item);
    struct codebook_item *it = &cb->item[cb->nitems];
    memset(it, 0, sizeof *it);
    it->name = sk_xstrdup(name);
    it->levels = CODEBOOK_NONE;
    it->scale = CODEBOOK_NONE;
    it->column = column;
    return cb->nitems++;
}

size_t codebook_add_scale(struct codebook *cb, const char *name, int sum,
                          size_t min_items)
{
    cb->scale = sk_xreallocarray(cb->scale, cb->nscales + 1,
                                 sizeof *cb->scale);
    struct codebook_scale *s = &cb->scale[cb->nscales];
    memset(s, 0, sizeof *s);
    s->name = sk_xstrdup(name);
    s->sum = sum;
    s->min_items = min_items;
    return cb->nscales++;
}

void codebook_scale_add_item(struct codebook *cb, size_t scale, size_t item)
{
    struct codebook_scale *s = &cb->scale[scale];
    s->item = sk_xreallocarray(s->item, s->nitems + 1, sizeof *s->item);
    s->item[s->nitems++] = item;
    cb->item[item].scale = scale;
}

size_t codebook_find_scale(const struct codebook *cb, const char *name)
{
    for (size_t i = 0; i < cb->nscales; i++)
        if (strcmp(cb->scale[i].name, name) == 0)
            return i;
    return CODEBOOK_NONE;
}

static size_t find_levels(const struct codebook *cb, const char *name)
{
    for (size_t i = 0; i < cb->nlevels; i++)
        if (strcmp(cb->levels[i].name, name) == 0)
            return i;
    return CODEBOOK_NONE;
}

static size_t find_item(const struct codebook *cb, const char *name)
{
    for (size_t i = 0; i < cb->nitems; i++)
        if (strcmp(cb->item[i].name, name) == 0)
            return i;
    return CODEBOOK_NONE;
}

/* ---- answers ---- */

static void trim(const char **s, size_t *len)
{
    while (*len && (**s == ' ' || **s == '\t'))
        (*s)++, (*len)--;
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

size_t codebook_level_index(const struct codebook_levels *l, double code)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->level[i].code == code)
            return i;
    return CODEBOOK_NONE;
}

enum codebook_match codebook_match(const struct codebook_levels *l,
                                   const char *s, size_t len, double *code)
{
    trim(&s, &len);
    for (size_t i = 0; i < l->n; i++) {
        const char *lab = l->level[i].label;
        if (strlen(lab) == len && strncasecmp(lab, s, len) == 0) {
            *code = l->level[i].code;
            return CODEBOOK_OK;
        }
    }
    struct num_value v;
    if (len == 0 || num_parse(s, len, &v) != NUM_OK)
        return CODEBOOK_NOT_LEVEL;
    if (v.x < l->min || v.x > l->max)
        return CODEBOOK_OUT_OF_RANGE;
    if (codebook_level_index(l, v.x) == CODEBOOK_NONE)
        return CODEBOOK_NOT_LEVEL;
    *code = v.x == 0 ? 0 : v.x;
    return CODEBOOK_OK;
}

char *codebook_levels_text(const struct codebook_levels *l)
{
    size_t cap = 64, len = 0;
    char *out = sk_xmalloc(cap);
    out[0] = '\0';
    for (size_t i = 0; i < l->n; i++) {
        char code[32];
        snprintf(code, sizeof code, "%.15g", l->level[i].code);
        size_t need = strlen(code) + strlen(l->level[i].label) + 4;
        while (len + need + 1 > cap)
            out = sk_xrealloc(out, cap *= 2);
        len += (size_t)sprintf(out + len, "%s%s=%s", i ? ", " : "", code,
                               l->level[i].label);
    }
    return out;
}

double codebook_keyed(const struct codebook *cb, size_t item, double code)
{
    const struct codebook_item *it = &cb->item[item];
    if (!it->reverse || isnan(code))
        return code;
    /* (min - code) + max: never beyond the range of a double for a code
     * in [min, max], as (min + max) - code can be (min = 1e308) */
    return (it->min - code) + it->max;
}

/* ---- reading the codebook file ---- */

enum { F_TYPE, F_NAME, F_CODE, F_LABEL, F_LEVELS, F_SCALE, F_REVERSE,
       F_SCORING, F_MIN, NFIELDS };
static const char *const field_names[NFIELDS] = {
    "type", "name", "code", "label", "levels", "scale", "reverse", "scoring",
    "min"
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
    trim(&s, &len);
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
                       const char *label)
{
    struct num_value v;
    if (!*code && *label)
        return fail("%s:%lu: levels '%s': level '%s' has no code", where,
                    line, set, label);
    if (!*code)
        return fail("%s:%lu: levels '%s': a level without a code", where,
                    line, set);
    if (num_parse(code, strlen(code), &v) != NUM_OK)
        return fail("%s:%lu: invalid code '%s' (a code is a number)", where,
                    line, code);
    size_t li = find_levels(cb, set);
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
    for (size_t i = 0; i < l->n; i++) {
        if (l->level[i].code == v.x)
            return fail("%s:%lu: levels '%s': code %s declared twice (first "
                        "on line %lu)", where, line, set, code,
                        l->level[i].line);
        if (strcasecmp(l->level[i].label, lab) == 0)
            return fail("%s:%lu: levels '%s': label '%s' declared twice "
                        "(first on line %lu)", where, line, set, lab,
                        l->level[i].line);
    }
    l->level = sk_xreallocarray(l->level, l->n + 1, sizeof *l->level);
    l->level[l->n].code = v.x == 0 ? 0 : v.x;
    l->level[l->n].label = sk_xstrdup(lab);
    l->level[l->n].line = line;
    l->n++;
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
        if (l->n < 2)
            return fail("%s:%lu: levels '%s' has only one level", where,
                        l->line, l->name);
        qsort(l->level, l->n, sizeof *l->level, cmp_level);
        l->min = l->level[0].code;
        l->max = l->level[l->n - 1].code;
        /* A label that reads as another level's code would make that
         * answer mean two levels (labels are matched first): the first
         * such line in the file is the error. */
        const struct codebook_level *bad = NULL, *other = NULL;
        for (size_t j = 0; j < l->n; j++) {
            const char *lab = l->level[j].label;
            struct num_value v;
            if (num_parse(lab, strlen(lab), &v) != NUM_OK ||
                num_is_blank(lab, strlen(lab)))
                continue;
            size_t o = codebook_level_index(l, v.x == 0 ? 0 : v.x);
            if (o != CODEBOOK_NONE && o != j &&
                (!bad || l->level[j].line < bad->line)) {
                bad = &l->level[j];
                other = &l->level[o];
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
        if (*lv) {
            it->levels = find_levels(cb, lv);
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
        err = add_level(cb, where, line, name, f[F_CODE], f[F_LABEL]);
    else if (strcmp(type, "item") == 0) {
        size_t dup = find_item(cb, name);
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
    struct csvin_opts co = { ',', 1 };
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
            trim(&s, &len);
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

int codebook_bind(struct codebook *cb, const char *const *names, size_t ncols,
                  const char *datafile, char **err)
{
    for (size_t i = 0; i < cb->nitems; i++) {
        struct codebook_item *it = &cb->item[i];
        size_t hits = 0;
        for (size_t c = 0; c < ncols; c++)
            if (strcmp(names[c], it->name) == 0) {
                if (!hits)
                    it->column = c;
                hits++;
            }
        if (hits != 1) {
            *err = fail("%s:%lu: item '%s' %s of %s", cb->file
                        ? cb->file : "codebook", it->line, it->name,
                        hits ? "names two columns" : "is not a column",
                        datafile);
            return -1;
        }
    }
    return 0;
}

/* ---- the items a program reads ---- */

static void usage_columns(struct input *in, char *err)
    __attribute__((noreturn));

static void usage_columns(struct input *in, char *err)
{
    sk_usage_error("%s: %s", input_filename(in), err);
}

static double parse_code(const char *option, const char *s, size_t len)
{
    struct num_value v;
    if (num_parse(s, len, &v) != NUM_OK || num_is_blank(s, len))
        sk_usage_error("invalid value for %s: '%.*s'", option, (int)len, s);
    return v.x;
}

static void parse_range(const char *range, double *lo, double *hi)
{
    const char *colon = strchr(range, ':');
    if (!colon)
        sk_usage_error("invalid value for --range: '%s' (LO:HI)", range);
    *lo = parse_code("--range", range, (size_t)(colon - range));
    *hi = parse_code("--range", colon + 1, strlen(colon + 1));
    if (!(*lo < *hi))
        sk_usage_error("--range: LO must be less than HI: '%s'", range);
}

void codebook_opts_check(const struct codebook_opts *o)
{
    double lo, hi;
    if (o->path && strcmp(o->path, "-") == 0 &&
        (!o->data || strcmp(o->data, "-") == 0))
        sk_usage_error("--codebook=- reads the codebook from standard input: "
                       "the data must then be a FILE");
    if (o->reverse && !o->range)
        sk_usage_error("--reverse needs --range=LO:HI, the lowest and "
                       "highest codes (reverse keying uses the declared "
                       "range, not the data)");
    if (o->range)
        parse_range(o->range, &lo, &hi);
}

/* Without a codebook: every chosen column is an item with no levels. */
static struct codebook *from_options(const struct codebook_opts *o,
                                     struct input *in, size_t **items,
                                     size_t *n)
{
    const char *const *names = input_names(in);
    size_t ncols = input_ncols(in), *idx, nidx = 0;
    char *err;
    long by = o->by ? (long)input_find(in, o->by) : -1;
    if (o->columns) {
        if (colsel_parse(o->columns, names, ncols, &idx, &nidx, &err) != 0)
            usage_columns(in, err);
    } else {
        idx = sk_xcalloc(ncols, sizeof *idx);
        for (size_t c = 0; c < ncols; c++)
            if ((long)c != by)
                idx[nidx++] = c;
        if (nidx == 0)
            sk_usage_error("%s: no columns besides the group column",
                           input_filename(in));
    }
    double lo = 0, hi = 0;
    if (o->range)
        parse_range(o->range, &lo, &hi);
    struct codebook *cb = codebook_new();
    for (size_t i = 0; i < nidx; i++) {
        size_t it = codebook_add_item(cb, names[idx[i]], idx[i]);
        cb->item[it].has_range = o->range != NULL;
        cb->item[it].min = lo;
        cb->item[it].max = hi;
    }
    if (o->reverse) {
        size_t *rev, nrev;
        if (colsel_parse(o->reverse, names, ncols, &rev, &nrev, &err) != 0)
            usage_columns(in, err);
        for (size_t r = 0; r < nrev; r++) {
            size_t hit = 0;
            for (size_t i = 0; i < nidx; i++)
                if (idx[i] == rev[r]) {
                    cb->item[i].reverse = 1;
                    hit = 1;
                }
            if (!hit)
                sk_usage_error("--reverse: column '%s' is not one of the "
                               "items (-c)", names[rev[r]]);
        }
        free(rev);
    }
    if (o->scale) {
        size_t s = codebook_add_scale(cb, o->scale, o->sum, o->min_items);
        for (size_t i = 0; i < nidx; i++)
            codebook_scale_add_item(cb, s, i);
        if (o->min_items > nidx)
            sk_usage_error("--min-items=%zu is more than the %zu items",
                           o->min_items, nidx);
        if (o->min_items == 0)
            cb->scale[s].min_items = nidx;
    }
    free(idx);
    *items = sk_xcalloc(nidx, sizeof **items);
    for (size_t i = 0; i < nidx; i++)
        (*items)[i] = i;
    *n = nidx;
    return cb;
}

struct codebook *codebook_setup(const struct codebook_opts *o,
                                struct input *in, size_t **items, size_t *n)
{
    if (!o->path)
        return from_options(o, in, items, n);
    char *err;
    struct codebook *cb = codebook_read(o->path, &err);
    if (!cb)
        sk_die("%s", err);
    if (codebook_bind(cb, input_names(in), input_ncols(in),
                      input_filename(in), &err) != 0)
        sk_die("%s", err);
    if (o->by)
        input_find(in, o->by);
    if (!o->columns) {
        *n = cb->nitems;
        *items = sk_xcalloc(cb->nitems, sizeof **items);
        for (size_t i = 0; i < cb->nitems; i++)
            (*items)[i] = i;
        return cb;
    }
    size_t *idx, nidx;
    if (colsel_parse(o->columns, input_names(in), input_ncols(in), &idx,
                     &nidx, &err) != 0)
        usage_columns(in, err);
    *items = sk_xcalloc(nidx, sizeof **items);
    for (size_t i = 0; i < nidx; i++) {
        size_t it = CODEBOOK_NONE;
        for (size_t j = 0; j < cb->nitems && it == CODEBOOK_NONE; j++)
            if (cb->item[j].column == idx[i])
                it = j;
        if (it == CODEBOOK_NONE)
            sk_usage_error("column '%s' is not an item of the codebook %s",
                           input_names(in)[idx[i]], cb->file);
        (*items)[i] = it;
    }
    *n = nidx;
    free(idx);
    return cb;
}

/* ---- reading the items ---- */

struct codebook_data {
    const struct codebook *cb;
    struct input *in;
    size_t *items, n;
    size_t *slot;         /* per item: its key or numeric column index */
    int *text;            /* per item: read as a text answer */
    int by;               /* key 0 is the group */
};

struct codebook_data *codebook_data_open(const struct codebook *cb,
                                         struct input *in,
                                         const size_t *items, size_t n,
                                         const char *by)
{
    struct codebook_data *d = sk_xcalloc(1, sizeof *d);
    d->cb = cb;
    d->in = in;
    d->n = n;
    d->items = sk_xcalloc(n, sizeof *d->items);
    memcpy(d->items, items, n * sizeof *items);
    d->slot = sk_xcalloc(n, sizeof *d->slot);
    d->text = sk_xcalloc(n, sizeof *d->text);
    size_t *keys = sk_xcalloc(n + 1, sizeof *keys), nkeys = 0;
    size_t *nums = sk_xcalloc(n, sizeof *nums), nnums = 0;
    if (by) {
        keys[nkeys++] = input_find(in, by);
        d->by = 1;
    }
    for (size_t i = 0; i < n; i++) {
        const struct codebook_item *it = &cb->item[items[i]];
        d->text[i] = it->levels != CODEBOOK_NONE;
        if (d->text[i]) {
            d->slot[i] = nkeys;
            keys[nkeys++] = it->column;
        } else {
            d->slot[i] = nnums;
            nums[nnums++] = it->column;
        }
    }
    input_set_keys(in, keys, nkeys);
    input_set_columns(in, nums, nnums);
    free(keys);
    free(nums);
    return d;
}

static void bad_answer(struct codebook_data *d, const struct input_row *row,
                       size_t i, const char *s, size_t len,
                       enum codebook_match m) __attribute__((noreturn));

static void bad_answer(struct codebook_data *d, const struct input_row *row,
                       size_t i, const char *s, size_t len,
                       enum codebook_match m)
{
    const struct codebook_item *it = &d->cb->item[d->items[i]];
    const char *file = input_filename(d->in);
    char *shown = input_shown(s, len);
    if (m == CODEBOOK_OUT_OF_RANGE)
        sk_die("%s:%lu: column '%s': code '%s' out of the declared range "
               "%.15g to %.15g", file, row->line, it->name, shown, it->min,
               it->max);
    char *levels = codebook_levels_text(&d->cb->levels[it->levels]);
    sk_die("%s:%lu: column '%s': invalid answer '%s' (levels: %s)", file,
           row->line, it->name, shown, levels);
}

int codebook_data_next(struct codebook_data *d, double *code,
                       struct input_row *row)
{
    if (!input_next(d->in, row))
        return 0;
    if (d->by) {
        row->group = row->key[0];
        row->group_len = row->key_len[0];
    }
    for (size_t i = 0; i < d->n; i++) {
        const struct codebook_item *it = &d->cb->item[d->items[i]];
        size_t k = d->slot[i];
        if (d->text[i]) {
            if (row->key_missing[k]) {
                code[i] = NAN;
                continue;
            }
            const char *s = row->key[k];
            size_t len = row->key_len[k];
            enum codebook_match m = codebook_match(
                &d->cb->levels[it->levels], s, len, &code[i]);
            if (m != CODEBOOK_OK)
                bad_answer(d, row, i, s, len, m);
        } else {
            const struct input_cell *c = &row->cell[k];
            if (c->missing) {
                code[i] = NAN;
                continue;
            }
            code[i] = c->v.x == 0 ? 0 : c->v.x;
            if (it->has_range && (code[i] < it->min || code[i] > it->max)) {
                size_t col = it->column;
                bad_answer(d, row, i, row->field[col], row->field_len[col],
                           CODEBOOK_OUT_OF_RANGE);
            }
        }
    }
    return 1;
}

void codebook_data_close(struct codebook_data *d)
{
    if (!d)
        return;
    free(d->items);
    free(d->slot);
    free(d->text);
    free(d);
}

int codebook_scale_option(struct codebook_scale_args *a, int opt,
                          const char *arg)
{
    switch (opt) {
    case CODEBOOK_OPT_CODEBOOK:
        a->co.path = arg;
        return 1;
    case CODEBOOK_OPT_SCALES:
        a->scales = arg;
        return 1;
    case CODEBOOK_OPT_NAME:
        a->name = arg;
        return 1;
    case CODEBOOK_OPT_SCORING:
        if (strcmp(arg, "mean") != 0 && strcmp(arg, "sum") != 0)
            sk_usage_error("invalid value for --scoring: '%s' (mean or sum)",
                           arg);
        a->scoring = arg;
        a->co.sum = strcmp(arg, "sum") == 0;
        return 1;
    case CODEBOOK_OPT_REVERSE:
        a->co.reverse = arg;
        return 1;
    case CODEBOOK_OPT_RANGE:
        a->co.range = arg;
        return 1;
    default:
        return 0;
    }
}

void codebook_scale_finish(struct codebook_scale_args *a,
                           const struct input_opts *in,
                           const char *default_name, const char *extra)
{
    if (a->co.path) {
        const char *bad = in->columns ? "-c" : a->name ? "--name"
            : a->scoring ? "--scoring" : extra ? extra
            : a->co.reverse ? "--reverse" : a->co.range ? "--range" : NULL;
        if (bad)
            sk_usage_error("%s is for a scale without a codebook; the "
                           "codebook declares its scales", bad);
    } else {
        if (!in->columns)
            sk_usage_error("no items: give --codebook=FILE, or -c with the "
                           "columns of one scale");
        if (a->scales)
            sk_usage_error("--scales chooses among the scales of a codebook");
        a->co.columns = in->columns;
        a->co.scale = a->name ? a->name : default_name;
    }
    a->co.by = in->by;
    a->co.data = in->path;
    codebook_opts_check(&a->co);
}

size_t *codebook_chosen_scales(const struct codebook *cb, const char *list,
                               size_t *n)
{
    size_t nsc = 0;
    size_t *sc = sk_xcalloc(cb->nscales ? cb->nscales : 1, sizeof *sc);
    if (list) {
        char *copy = sk_xstrdup(list);
        for (char *p = copy, *tok; (tok = strsep(&p, ",")) != NULL;) {
            size_t s = codebook_find_scale(cb, tok);
            if (s == CODEBOOK_NONE)
                sk_usage_error("--scales: no scale '%s' in %s", tok,
                               cb->file);
            sc = sk_xreallocarray(sc, nsc + 1, sizeof *sc);
            sc[nsc++] = s;
        }
        free(copy);
    } else
        for (size_t s = 0; s < cb->nscales; s++)
            sc[nsc++] = s;
    if (nsc == 0)
        sk_die("%s: no scales (rows of type 'scale')", cb->file);
    *n = nsc;
    return sc;
}
