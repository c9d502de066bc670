/* codebook-cli.c - the command-line side of codebooks (codebook-cli.h):
 * the options that choose a program's items and scales, and the codebook
 * made from them when there is no file. */
#include <config.h>

#include "codebook-cli.h"
#include "colsel.h"
#include "numparse.h"
#include "util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* --levels=LO:HI: integer codes, LO < HI, at most 1000 levels. */
static void parse_int_levels(const char *arg, long *lo, long *hi)
{
    const char *colon = strchr(arg, ':');
    struct num_value lv, hv;
    int ok = colon &&
        num_parse(arg, (size_t)(colon - arg), &lv) == NUM_OK &&
        !num_is_blank(arg, (size_t)(colon - arg)) &&
        num_parse(colon + 1, strlen(colon + 1), &hv) == NUM_OK &&
        !num_is_blank(colon + 1, strlen(colon + 1));
    double l = ok ? lv.x : 0, h = ok ? hv.x : 0;
    if (!ok || l != floor(l) || h != floor(h) || fabs(l) > 1e9 ||
        fabs(h) > 1e9)
        sk_usage_error("invalid value for --levels: '%s' (LO:HI, integer "
                       "codes, e.g. --levels=1:5)", arg);
    if (!(l < h))
        sk_usage_error("--levels: LO must be less than HI: '%s'", arg);
    if (h - l >= 1000)
        sk_usage_error("--levels: '%s' declares more than 1000 levels", arg);
    *lo = (long)l;
    *hi = (long)h;
}

void codebook_opts_check(const struct codebook_opts *o)
{
    double lo, hi;
    long ilo, ihi;
    if (o->levels && o->path)
        sk_usage_error("--levels is for items without a codebook; the "
                       "codebook declares their levels");
    if (o->levels)
        parse_int_levels(o->levels, &ilo, &ihi);
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
    int *key = sk_xcalloc(ncols, sizeof *key);
    for (size_t k = 0; k < o->nkeys; k++)
        key[input_find(in, o->keys[k])] = 1;
    if (o->columns) {
        if (colsel_parse(o->columns, names, ncols, &idx, &nidx, &err) != 0) {
            free(key);
            usage_columns(in, err);
        }
    } else {
        idx = sk_xcalloc(ncols, sizeof *idx);
        for (size_t c = 0; c < ncols; c++)
            if ((long)c != by && !key[c])
                idx[nidx++] = c;
        if (nidx == 0) {
            free(idx);
            free(key);
        }
        if (nidx == 0 && !o->nkeys)
            sk_usage_error("%s: no columns besides the group column",
                           input_filename(in));
        if (nidx == 0)
            sk_usage_error("%s: no columns to compare besides '%s'%s",
                           input_filename(in), o->keys[0],
                           o->nkeys > 1 || o->by
                           ? " and the other key columns" : "");
    }
    free(key);
    double lo = 0, hi = 0;
    if (o->range)
        parse_range(o->range, &lo, &hi);
    struct codebook *cb = codebook_new();
    size_t lv = CODEBOOK_NONE;
    if (o->levels) {
        long ilo, ihi;
        parse_int_levels(o->levels, &ilo, &ihi);
        lv = codebook_add_int_levels(cb, o->levels, ilo, ihi);
        lo = (double)ilo;
        hi = (double)ihi;
    }
    for (size_t i = 0; i < nidx; i++) {
        size_t it = codebook_add_item(cb, names[idx[i]], idx[i]);
        cb->item[it].levels = lv;
        cb->item[it].has_range = o->range != NULL || o->levels != NULL;
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
    for (size_t k = 0; k < o->nkeys; k++)
        input_find(in, o->keys[k]);
    if (!o->columns) {
        *n = cb->nitems;
        *items = sk_xcalloc(cb->nitems, sizeof **items);
        for (size_t i = 0; i < cb->nitems; i++)
            (*items)[i] = i;
        return cb;
    }
    size_t *idx, nidx;
    const char **named = codebook_column_names(cb, in);
    int rc = colsel_parse(o->columns, named, input_ncols(in), &idx, &nidx,
                          &err);
    free(named);
    if (rc != 0) {       /* the items by their header (an alias) */
        free(err);
        if (colsel_parse(o->columns, input_names(in), input_ncols(in), &idx,
                         &nidx, &err) != 0)
            usage_columns(in, err);
    }
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

struct codebook *codebook_open_bound(const char *path, struct input *in)
{
    char *err;
    struct codebook *cb = codebook_read(path, &err);
    if (!cb)
        sk_die("%s", err);
    if (codebook_bind(cb, input_names(in), input_ncols(in),
                      input_filename(in), &err) != 0)
        sk_die("%s", err);
    return cb;
}

void codebook_column_items(struct codebook *cb, struct input *in,
                           const size_t *cols, size_t n, size_t **items)
{
    const char *const *names = input_names(in);
    *items = sk_xcalloc(n ? n : 1, sizeof **items);
    for (size_t i = 0; i < n; i++) {
        size_t it = CODEBOOK_NONE;
        for (size_t j = 0; j < cb->nitems && it == CODEBOOK_NONE; j++)
            if (cb->item[j].column == cols[i])
                it = j;
        (*items)[i] = it != CODEBOOK_NONE ? it
            : codebook_add_item(cb, names[cols[i]], cols[i]);
    }
}

struct codebook *codebook_for_columns(const char *path, struct input *in,
                                      const size_t *cols, size_t n,
                                      size_t **items)
{
    struct codebook *cb = codebook_open_bound(path, in);
    codebook_column_items(cb, in, cols, n, items);
    return cb;
}

const char **codebook_column_names(const struct codebook *cb,
                                   const struct input *in)
{
    size_t ncols = input_ncols(in);
    const char **names = sk_xcalloc(ncols ? ncols : 1, sizeof *names);
    for (size_t c = 0; c < ncols; c++)
        names[c] = input_names(in)[c];
    for (size_t i = 0; i < cb->nitems; i++)
        if (cb->item[i].column != CODEBOOK_NONE)
            names[cb->item[i].column] = cb->item[i].name;
    return names;
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
    case CODEBOOK_OPT_SCORING: {
        static const struct cli_name scoring[] = {
            { "mean", 0, 0 }, { "sum", 1, 0 }, { NULL, 0, 0 }
        };
        a->co.sum = cli_choice("--scoring", arg, scoring);
        a->scoring = arg;
        return 1;
    }
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
