/* match.c - the comparisons of a before/after design, read into pairs. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "codebook-cli.h"
#include "codebook-data.h"
#include "colsel.h"
#include "match.h"
#include "strmap.h"
#include "util.h"

/* What the reading needs besides the result. */
struct reader {
    const struct match_spec *spec;
    struct input *in;
    struct match *m;
    size_t *cells, ncells;        /* wide: the numeric columns read */
    size_t (*side)[2];            /* wide: cmp -> positions in cells */
    size_t keys[3], nkeys;        /* [group], (long) id, within */
    char *level[2];               /* long: the two levels */
    struct codebook_data *data;   /* with a codebook: the reader */
    double *code;                 /* its codes of a row */
    struct input_cell *cellbuf;   /* ... as cells */
    const char *const *names;     /* the columns as named: with a
                                     codebook, an alias's item by its
                                     short name (NULL: the header's) */
};

static const char *const *reader_names(const struct reader *r)
{
    return r->names ? r->names : input_names(r->in);
}

int match_option(struct match_spec *s, int opt, const char *arg)
{
    switch (opt) {
    case 'p': {
        const char **pair = sk_xreallocarray((void *)s->pair, s->npair + 1,
                                             sizeof *pair);
        pair[s->npair++] = arg;
        s->pair = pair;
        return 1;
    }
    case MATCH_OPT_SUFFIX: s->suffix = arg; return 1;
    case MATCH_OPT_PREFIX: s->prefix = arg; return 1;
    case MATCH_OPT_ID: s->id = arg; return 1;
    case MATCH_OPT_WITHIN: s->within = arg; return 1;
    case MATCH_OPT_LEVELS: s->levels = arg; return 1;
    case MATCH_OPT_VALUE: s->value = arg; return 1;
    case MATCH_OPT_CODEBOOK: s->codebook = arg; return 1;
    default: return 0;
    }
}

void match_spec_free(struct match_spec *s)
{
    free((void *)s->pair);
    s->pair = NULL;
    s->npair = 0;
}

static int match_wide(const struct match_spec *s)
{
    return s->npair || s->suffix || s->prefix;
}

static int match_long(const struct match_spec *s)
{
    return s->id || s->within || s->levels || s->value;
}

void match_check(const struct match_spec *s)
{
    int wide = match_wide(s), lng = match_long(s);
    if (wide && lng)
        sk_usage_error("give either wide-form pairs (-p, --suffix, --prefix) "
                       "or the long form (--id, --within, --levels, "
                       "--value), not both");
    if (!wide && !lng)
        sk_usage_error("nothing to compare: give -p BEFORE:AFTER, --suffix, "
                       "--prefix, or --id, --within, --levels and --value");
    if (lng && !(s->id && s->within && s->levels && s->value))
        sk_usage_error("the long form needs all of --id, --within, --levels "
                       "and --value: %s is missing",
                       !s->id ? "--id" : !s->within ? "--within"
                       : !s->levels ? "--levels" : "--value");
    if (!lng)
        return;
    const char *comma = strchr(s->levels, ',');
    if (!comma || strchr(comma + 1, ',') || comma == s->levels || !comma[1])
        sk_usage_error("invalid --levels '%s': expected two values A,B",
                       s->levels);
    if (strlen(comma + 1) == (size_t)(comma - s->levels) &&
        !memcmp(s->levels, comma + 1, strlen(comma + 1)))
        sk_usage_error("--levels names the same level twice: '%s'",
                       s->levels);
}

static size_t add_cell(struct reader *r, size_t col)
{
    for (size_t i = 0; i < r->ncells; i++)
        if (r->cells[i] == col)
            return i;
    r->cells = sk_xreallocarray(r->cells, r->ncells + 1, sizeof *r->cells);
    r->cells[r->ncells] = col;
    return r->ncells++;
}

void match_cmp_set(struct match_cmp *c, const char *variable,
                   const char *before, const char *after)
{
    c->before = sk_xstrdup(before);
    c->after = sk_xstrdup(after);
    if (variable)
        c->variable = sk_xstrdup(variable);
    else if (asprintf(&c->variable, "%s:%s", before, after) < 0)
        sk_die("out of memory");
    if (asprintf(&c->difference, "%s - %s", after, before) < 0)
        sk_die("out of memory");
}

void match_cmp_free(struct match_cmp *c)
{
    free(c->variable);
    free(c->before);
    free(c->after);
    free(c->difference);
}

/* Comparison of columns B (before) and A (after), named VARIABLE (the
 * stem of an affix), or "B:A" when NULL. */
static void add_cmp(struct reader *r, size_t b, size_t a,
                    const char *variable)
{
    const char *const *names = reader_names(r);
    struct match *m = r->m;
    m->cmp = sk_xreallocarray(m->cmp, m->ncmp + 1, sizeof *m->cmp);
    r->side = sk_xreallocarray(r->side, m->ncmp + 1, sizeof *r->side);
    match_cmp_set(&m->cmp[m->ncmp], variable, names[b], names[a]);
    r->side[m->ncmp][0] = add_cell(r, b);
    r->side[m->ncmp][1] = add_cell(r, a);
    m->ncmp++;
}

/* --suffix (PREFIX 0) or --prefix (1) PRE:POST: every column NAME+PRE (or
 * PRE+NAME), NAME not empty, with the first other column NAME+POST (or
 * POST+NAME). */
static void add_affix(struct reader *r, const char *spec, int prefix)
{
    const char *opt = prefix ? "prefix" : "suffix";
    const char *colon = strchr(spec, ':');
    if (!colon || colon == spec || !colon[1])
        sk_usage_error("invalid --%s '%s': expected PRE:POST", opt, spec);
    const char *const *names = reader_names(r);
    size_t ncols = input_ncols(r->in), found = 0;
    size_t l1 = (size_t)(colon - spec), l2 = strlen(colon + 1);
    for (size_t b = 0; b < ncols; b++) {
        size_t len = strlen(names[b]), slen = len - l1;
        if (len <= l1 || memcmp(prefix ? names[b] : names[b] + slen, spec,
                                l1))
            continue;
        const char *stem = prefix ? names[b] + l1 : names[b];
        char *want = sk_xmalloc(slen + l2 + 1);
        memcpy(want, prefix ? colon + 1 : stem, prefix ? l2 : slen);
        memcpy(want + (prefix ? l2 : slen), prefix ? stem : colon + 1,
               prefix ? slen : l2);
        want[slen + l2] = '\0';
        for (size_t a = 0; a < ncols; a++)
            if (a != b && !strcmp(names[a], want)) {
                char *name = sk_xstrndup(stem, slen);   /* the stem */
                add_cmp(r, b, a, name);
                free(name);
                found++;
                break;
            }
        free(want);
    }
    if (!found)
        sk_usage_error("%s: no pairs of columns match --%s '%s'",
                       input_filename(r->in), opt, spec);
}

/* -p BEFORE:AFTER by the codebook's item names (split at the first ':'
 * where both sides are columns): 1, or 0 to resolve it as cli_pair does. */
static int named_pair(const struct reader *r, const char *spec, size_t *b,
                      size_t *a)
{
    if (!r->names)
        return 0;
    size_t ncols = input_ncols(r->in);
    for (const char *c = strchr(spec, ':'); c; c = strchr(c + 1, ':')) {
        char *left = sk_xstrndup(spec, (size_t)(c - spec)), *err = NULL;
        int ok = colsel_one(left, r->names, ncols, b, &err) == 0;
        free(err);
        err = NULL;
        ok = ok && colsel_one(c + 1, r->names, ncols, a, &err) == 0;
        free(err);
        free(left);
        if (ok)
            return 1;
    }
    return 0;
}

static void resolve_pairs(struct reader *r)
{
    const struct match_spec *s = r->spec;
    for (size_t i = 0; i < s->npair; i++) {
        size_t b, a;
        if (!named_pair(r, s->pair[i], &b, &a))
            cli_pair(r->in, "--pair", s->pair[i], &b, &a);
        add_cmp(r, b, a, NULL);
    }
    if (s->suffix)
        add_affix(r, s->suffix, 0);
    if (s->prefix)
        add_affix(r, s->prefix, 1);
}

static void resolve_wide(struct reader *r)
{
    resolve_pairs(r);
    if (!r->spec->codebook)
        input_set_columns(r->in, r->cells, r->ncells);
}

/* With --codebook: every compared column an item (those the codebook
 * does not list are read as numbers), read with the keys through the
 * codebook reader; the item of each side of each comparison is kept. */
static void open_codebook(struct reader *r)
{
    struct match *m = r->m;
    size_t *items;
    codebook_column_items(m->cb, r->in, r->cells, r->ncells, &items);
    m->item = sk_xcalloc(2 * m->ncmp + 1, sizeof *m->item);
    for (size_t c = 0; c < m->ncmp; c++)
        for (int k = 0; k < 2; k++)
            m->item[2 * c + (size_t)k] = items[r->side ? r->side[c][k] : c];
    r->data = codebook_data_open_keys(m->cb, r->in, items, r->ncells,
                                      r->keys, r->nkeys);
    r->code = sk_xcalloc(r->ncells ? r->ncells : 1, sizeof *r->code);
    r->cellbuf = sk_xcalloc(r->ncells ? r->ncells : 1, sizeof *r->cellbuf);
    free(items);
}

/* A cell's 'missing' in the reader: CELL_ASIDE for a non-substantive
 * answer (1 is a missing one). */
enum { CELL_ASIDE = 2 };

/* The next row, its cells the numbers read or the codes of its answers. */
static int reader_next(struct reader *r, struct input_row *row)
{
    if (!r->data)
        return input_next(r->in, row);
    if (!codebook_data_next(r->data, r->code, row))
        return 0;
    const struct codebook_answer *ans = codebook_data_answers(r->data);
    for (size_t i = 0; i < r->ncells; i++)
        r->cellbuf[i] = (struct input_cell){
            ans[i].kind == CODEBOOK_ANSWER_ASIDE ? CELL_ASIDE
                                                 : isnan(r->code[i]),
            { r->code[i], 0, 0, 0 } };
    row->cell = r->cellbuf;
    return 1;
}

size_t match_columns(const struct match_spec *s, struct input *in,
                     size_t (**cols)[2], struct match_cmp **cmp)
{
    return match_columns_named(s, in, NULL, cols, cmp);
}

size_t match_columns_named(const struct match_spec *s, struct input *in,
                           const char *const *names, size_t (**cols)[2],
                           struct match_cmp **cmp)
{
    struct match m = { 0 };
    struct reader r = { .spec = s, .in = in, .m = &m, .names = names };
    if (match_long(s))
        sk_usage_error("the long form (--id, --within, --levels, --value) "
                       "is not read here: give -p, --suffix or --prefix");
    resolve_pairs(&r);
    size_t (*c)[2] = sk_xcalloc(m.ncmp ? m.ncmp : 1, sizeof *c);
    for (size_t i = 0; i < m.ncmp; i++) {
        c[i][0] = r.cells[r.side[i][0]];
        c[i][1] = r.cells[r.side[i][1]];
        if (!cmp)
            match_cmp_free(&m.cmp[i]);
    }
    if (cmp)
        *cmp = m.cmp;
    else
        free(m.cmp);
    free(r.cells);
    free(r.side);
    *cols = c;
    return m.ncmp;
}

static void resolve_long(struct reader *r)
{
    const struct match_spec *s = r->spec;
    const char *comma = strchr(s->levels, ',');
    r->level[0] = sk_xstrndup(s->levels, (size_t)(comma - s->levels));
    r->level[1] = sk_xstrdup(comma + 1);
    r->keys[r->nkeys++] = input_find(r->in, s->id);
    r->keys[r->nkeys++] = input_find(r->in, s->within);
    struct match *m = r->m;
    if (s->codebook) {          /* the columns, read through the codebook */
        char *err;
        if (colsel_parse(s->value, reader_names(r), input_ncols(r->in),
                         &r->cells, &r->ncells, &err) != 0) {
            free(err);
            if (colsel_parse(s->value, input_names(r->in),
                             input_ncols(r->in), &r->cells, &r->ncells,
                             &err) != 0)
                sk_usage_error("%s: %s", input_filename(r->in), err);
        }
        m->ncmp = r->ncells;
    } else {
        input_set_columns_list(r->in, s->value);
        m->ncmp = input_nvars(r->in);
    }
    m->cmp = sk_xcalloc(m->ncmp, sizeof *m->cmp);
    for (size_t v = 0; v < m->ncmp; v++) {
        const char *name = s->codebook ? reader_names(r)[r->cells[v]]
                                       : input_var_name(r->in, v);
        match_cmp_set(&m->cmp[v], name, r->level[0], r->level[1]);
    }
}

static size_t row_group(struct reader *r, const struct input_row *row)
{
    if (!r->m->has_group)
        return 0;
    return strmap_intern(r->m->groups, row->key[0], row->key_len[0], NULL);
}

static void read_wide(struct reader *r)
{
    struct match *m = r->m;
    struct input_row row;
    while (reader_next(r, &row)) {
        size_t g = row_group(r, &row);
        for (size_t c = 0; c < m->ncmp; c++) {
            struct grouped_cell *cell = grouped_at(&m->pairs, g, c);
            const struct input_cell *b = &row.cell[r->side[c][0]];
            const struct input_cell *a = &row.cell[r->side[c][1]];
            struct num_value v[2] = { b->v, a->v };
            if (b->missing == 1 || a->missing == 1)
                cell->dropped++;
            else if (b->missing || a->missing)
                cell->aside++;
            else
                grouped_push(&m->pairs, cell, v);
        }
    }
}

void match_level_occurs(const char *file, const char *column,
                        const char *level, struct strmap *seen)
{
    int added;
    size_t n = strmap_size(seen), shown = n < 8 ? n : 8;
    strmap_intern(seen, level, strlen(level), &added);
    if (!added)
        return;
    if (n == 0)
        sk_usage_error("%s: --levels: level '%s' never occurs in column "
                       "'%s': it has only missing values", file, level,
                       column);
    char *list = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&list, &len);
    if (!f)
        sk_die("out of memory");
    for (size_t k = 0; k < shown; k++) {
        const char *key = strmap_key(seen, k);
        char *v = input_shown(key, strlen(key));
        fprintf(f, "%s'%s'", k ? ", " : "", v);
        free(v);
    }
    if (shown < n)
        fprintf(f, " ... (%zu values in all)", n);
    fclose(f);
    sk_usage_error("%s: --levels: level '%s' never occurs in column '%s'; "
                   "its values are: %s", file, level, column, list);
}

/* A level of --levels that never occurs in the --within column is a
 * usage error that shows the values found (a few, first-seen order). */
static void check_levels(const struct reader *r, struct strmap *seen)
{
    const char *within = input_names(r->in)[r->keys[r->nkeys - 1]];
    for (int i = 0; i < 2; i++)
        match_level_occurs(input_filename(r->in), within, r->level[i], seen);
}

/* The side (0, 1) of a --within key, or -1 for another level. */
static int row_side(const struct reader *r, const struct input_row *row,
                    size_t wi)
{
    if (row->key_missing[wi])
        return -1;
    for (int i = 0; i < 2; i++)
        if (row->key_len[wi] == strlen(r->level[i]) &&
            !memcmp(row->key[wi], r->level[i], row->key_len[wi]))
            return i;
    return -1;
}

/* The long form: one slot per (group, id), composite key "group\0id";
 * its values at each level are kept until the end, then paired. */
struct slots {
    struct strmap *ids;
    struct slot {
        size_t group;
        unsigned long line[2];     /* 0: no row at that level yet */
    } *slot;
    struct input_cell *val;        /* [slot][side][value] */
    size_t cap, nval;
    char *key;
    size_t keycap;
};

static size_t slot_of(struct slots *s, const struct input_row *row,
                      size_t g, int has_group, size_t ki)
{
    size_t glen = has_group ? row->key_len[0] : 0;
    int added;
    size_t sl = strmap_intern2(s->ids, row->key[0], glen, row->key[ki],
                               row->key_len[ki], &s->key, &s->keycap,
                               &added);
    if (added) {
        if (sl >= s->cap) {
            s->cap = s->cap ? 2 * s->cap : 256;
            s->slot = sk_xreallocarray(s->slot, s->cap, sizeof *s->slot);
            s->val = sk_xreallocarray(s->val, s->cap * 2 * (s->nval ? s->nval
                                                            : 1),
                                      sizeof *s->val);
        }
        s->slot[sl].group = g;
        s->slot[sl].line[0] = s->slot[sl].line[1] = 0;
    }
    return sl;
}

static void pair_slots(struct match *m, const struct slots *s)
{
    for (size_t sl = 0; sl < strmap_size(s->ids); sl++)
        for (size_t v = 0; v < s->nval; v++) {
            struct grouped_cell *cell = grouped_at(&m->pairs,
                                                   s->slot[sl].group, v);
            const struct input_cell *b = &s->val[(sl * 2) * s->nval + v];
            const struct input_cell *a = &s->val[(sl * 2 + 1) * s->nval + v];
            struct num_value pv[2] = { b->v, a->v };
            if (!s->slot[sl].line[0] || !s->slot[sl].line[1] ||
                b->missing == 1 || a->missing == 1)
                cell->dropped++;
            else if (b->missing || a->missing)
                cell->aside++;
            else
                grouped_push(&m->pairs, cell, pv);
        }
}

static void read_long(struct reader *r)
{
    struct match *m = r->m;
    const char *const *names = input_names(r->in);
    size_t ki = (size_t)m->has_group, wi = ki + 1;
    struct slots s = { strmap_new(), NULL, NULL, 0, r->m->ncmp,
                       NULL, 0 };
    struct strmap *seen = strmap_new();    /* --within values */
    struct input_row row;
    while (reader_next(r, &row)) {
        if (row.key_missing[ki])
            sk_die("%s:%lu: column '%s': missing id", input_filename(r->in),
                   row.line, names[r->keys[ki]]);
        /* every group gets its rows, as in the wide form, even one with
         * no row at either level */
        size_t g = row_group(r, &row);
        grouped_at(&m->pairs, g, 0);
        if (!row.key_missing[wi])
            strmap_intern(seen, row.key[wi], row.key_len[wi], NULL);
        int side = row_side(r, &row, wi);
        if (side < 0)
            continue;
        size_t sl = slot_of(&s, &row, g, m->has_group, ki);
        if (s.slot[sl].line[side])
            sk_die("%s:%lu: duplicate id '%.*s' at level '%s' (also on line "
                   "%lu)", input_filename(r->in), row.line,
                   (int)row.key_len[ki], row.key[ki], r->level[side],
                   s.slot[sl].line[side]);
        s.slot[sl].line[side] = row.line;
        for (size_t v = 0; v < s.nval; v++)
            s.val[(sl * 2 + (size_t)side) * s.nval + v] = row.cell[v];
    }
    check_levels(r, seen);
    pair_slots(m, &s);
    strmap_free(seen);
    strmap_free(s.ids);
    free(s.slot);
    free(s.val);
    free(s.key);
}

struct match *match_read(const struct match_spec *s,
                         const struct input_opts *o)
{
    match_check(s);
    if (s->codebook) {
        struct codebook_opts co = { .path = s->codebook, .data = o->path };
        codebook_opts_check(&co);
    }
    struct match *m = sk_xcalloc(1, sizeof *m);
    struct reader r = { .spec = s, .m = m };
    r.in = input_open_raw(o);
    m->has_group = o->by != NULL;
    if (m->has_group) {
        r.keys[r.nkeys++] = input_find(r.in, o->by);
        m->groups = strmap_new();
    }
    const char **named = NULL;
    if (s->codebook) {     /* first, so that the items' names resolve */
        m->cb = codebook_open_bound(s->codebook, r.in);
        r.names = named = codebook_column_names(m->cb, r.in);
    }
    if (match_wide(s))
        resolve_wide(&r);
    else
        resolve_long(&r);
    input_set_keys(r.in, r.keys, r.nkeys);
    if (s->codebook) {
        open_codebook(&r);
        m->has_aside = codebook_has_aside(m->cb);
    }
    grouped_init(&m->pairs, m->ncmp, 2);
    if (match_wide(s))
        read_wide(&r);
    else
        read_long(&r);
    if (m->pairs.ngroups == 0)
        grouped_at(&m->pairs, 0, 0);
    free(named);
    codebook_data_close(r.data);
    free(r.code);
    free(r.cellbuf);
    input_close(r.in);
    free(r.cells);
    free(r.side);
    free(r.level[0]);
    free(r.level[1]);
    return m;
}

const char *match_group(const struct match *m, size_t g)
{
    return m->has_group ? strmap_key(m->groups, g) : NULL;
}

const struct codebook_levels *match_levels(const struct match *m, size_t c,
                                          int side)
{
    if (!m->cb)
        return NULL;
    const struct codebook_item *it = &m->cb->item[m->item[2 * c +
                                                          (size_t)side]];
    return it->levels == CODEBOOK_NONE ? NULL : &m->cb->levels[it->levels];
}

const struct grouped_cell *match_pairs(const struct match *m, size_t g,
                                       size_t c)
{
    return grouped_get(&m->pairs, g, c);
}

void match_free(struct match *m)
{
    if (!m)
        return;
    grouped_free(&m->pairs);
    for (size_t c = 0; c < m->ncmp; c++)
        match_cmp_free(&m->cmp[c]);
    free(m->cmp);
    if (m->groups)
        strmap_free(m->groups);
    codebook_free(m->cb);
    free(m->item);
    free(m);
}
