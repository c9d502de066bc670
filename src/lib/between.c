/* between.c - two groups of respondents, read into samples (between.h). */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "between.h"
#include "codebook-data.h"
#include "freqtab.h"
#include "grouped.h"
#include "match.h"
#include "stats.h"
#include "strmap.h"
#include "util.h"

struct between {
    struct codebook *cb;
    size_t *items, nvars;
    struct between_levels lv;
    int has_group, has_dyad;
    struct strmap *groups;        /* -g labels */
    struct group_table samples;   /* per group: nvars x nlevels samples */
    struct group_table left;      /* per group: rows left out (size_t) */
    size_t ngroups;
};

/* What the reading needs besides the result. */
struct reader {
    const struct between_spec *spec;
    struct between *b;
    struct input *in;
    struct codebook_data *data;
    size_t ki_between, ki_dyad;   /* key positions */
    struct strmap *pairs;         /* "group\0id" of --dyad */
    unsigned long *line;          /* [pair][level]: the row it was on */
    size_t linecap;
    char *key;
    size_t keycap;
};

/* LEVELS split at its commas: *n values, or a usage error for an empty
 * one or fewer than two. */
static char **split_levels(const char *levels, size_t *n, const char *want)
{
    size_t k = 1;
    for (const char *p = levels; *p; p++)
        k += *p == ',';
    char **v = sk_xcalloc(k, sizeof *v);
    const char *p = levels;
    for (size_t i = 0; i < k; i++) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        v[i] = sk_xstrndup(p, len);
        p += len + 1;
        if (len == 0 || k < 2)
            sk_usage_error("invalid --levels '%s': expected %s", levels,
                           want);
    }
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < i; j++)
            if (!strcmp(v[i], v[j]))
                sk_usage_error("--levels names the same level twice: '%s'",
                               levels);
    *n = k;
    return v;
}

static void free_levels(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void between_levels_check(const char *levels)
{
    size_t n;
    char **v = split_levels(levels, &n, "two values A,B");
    if (n != 2)
        sk_usage_error("invalid --levels '%s': expected two values A,B",
                       levels);
    free_levels(v, n);
}

void between_levels_check_many(const char *levels)
{
    size_t n;
    char **v = split_levels(levels, &n,
                            "two or more values A,B,... (A the reference)");
    free_levels(v, n);
}

void between_levels_init(struct between_levels *L, const char *column,
                         const char *levels, const char *file)
{
    *L = (struct between_levels){ column, file, NULL, 2, 0, strmap_new() };
    if (!levels) {
        L->level = sk_xcalloc(2, sizeof *L->level);
        return;
    }
    L->level = split_levels(levels, &L->nlevels, "two values A,B");
    L->given = 1;
}

int between_levels_side(struct between_levels *L, const char *key,
                        size_t len, int missing, unsigned long line)
{
    if (missing)
        return -1;
    size_t v = strmap_intern(L->values, key, len, NULL);
    if (L->given) {
        for (size_t i = 0; i < L->nlevels; i++)
            if (len == strlen(L->level[i]) && !memcmp(key, L->level[i], len))
                return (int)i;
        return -1;
    }
    if (v < 2) {
        if (!L->level[v])
            L->level[v] = sk_xstrdup(strmap_key(L->values, v));
        return (int)v;
    }
    char *a = input_shown(L->level[0], strlen(L->level[0]));
    char *b = input_shown(L->level[1], strlen(L->level[1]));
    char *c = input_shown(key, len);
    sk_usage_error("%s:%lu: column '%s' has more than two values ('%s', "
                   "'%s', '%s'): give --levels A,B", L->file, line,
                   L->column, a, b, c);
}

void between_levels_finish(struct between_levels *L)
{
    if (L->given) {
        for (size_t i = 0; i < L->nlevels; i++)
            match_level_occurs(L->file, L->column, L->level[i], L->values);
        return;
    }
    size_t n = strmap_size(L->values);
    if (n == 0)
        sk_usage_error("%s: column '%s' has only missing values: nothing to "
                       "compare", L->file, L->column);
    if (n == 1) {
        char *shown = input_shown(L->level[0], strlen(L->level[0]));
        sk_usage_error("%s: column '%s' has one value, '%s': nothing to "
                       "compare (give --levels A,B to name the other)",
                       L->file, L->column, shown);
    }
}

void between_levels_free(struct between_levels *L)
{
    free_levels(L->level, L->nlevels);
    L->level = NULL;
    strmap_free(L->values);
}

void between_check(const struct between_spec *s)
{
    if (!s->between)
        sk_usage_error("nothing to compare: give --between=COLUMN (and "
                       "--levels=A,B unless it has exactly two values)");
    if (s->levels && s->many)
        between_levels_check_many(s->levels);
    else if (s->levels)
        between_levels_check(s->levels);
    const char *cols[3] = { s->co.by, s->between, s->dyad };
    const char *opts[3] = { "-g", "--between", "--dyad" };
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < i; j++)
            if (cols[i] && cols[j] && !strcmp(cols[i], cols[j]))
                sk_usage_error("%s and %s name the same column '%s'",
                               opts[j], opts[i], cols[i]);
    codebook_opts_check(&s->co);
}

static void sample_init(void *cell)
{
    memset(cell, 0, sizeof(struct between_sample));
}

/* The sample's answers x[0..n) as counts, when they are few distinct
 * values (else it stays raw). */
static void sample_count(struct between_sample *s)
{
    struct freqtab *t = freqtab_new();
    for (size_t i = 0; i < s->n; i++)
        freqtab_add(t, s->x[i], 1);
    if (freqtab_distinct(t) > BETWEEN_COUNT_MAX) {
        freqtab_free(t);
        s->raw = 1;
        return;
    }
    free(s->x);
    s->x = NULL;
    s->cap = 0;
    s->tab = t;
}

/* The counted form back to x: too many distinct values. */
static void sample_uncount(struct between_sample *s)
{
    const double *v;
    const size_t *c;
    size_t k = freqtab_sorted(s->tab, &v, &c);
    s->cap = s->n + 1;
    s->x = sk_xreallocarray(NULL, s->cap, sizeof *s->x);
    size_t m = 0;
    for (size_t j = 0; j < k; j++)
        for (size_t i = 0; i < c[j]; i++)
            s->x[m++] = v[j];
    freqtab_free(s->tab);
    s->tab = NULL;
    s->raw = 1;
}

/* Append an answer, and its pair when there are pairs (DYAD not NO_PAIR
 * or the sample already keeping them; without --dyad none are kept, and
 * answer codes are counted). */
static void sample_push(struct between_sample *s, double x, size_t dyad,
                        int keep_dyad)
{
    if (s->tab) {
        freqtab_add(s->tab, x, 1);
        s->n++;
        if (freqtab_distinct(s->tab) > BETWEEN_RAW_AT)
            sample_uncount(s);
        return;
    }
    if (s->n == s->cap) {
        if (!keep_dyad && !s->raw && s->n >= BETWEEN_COUNT_AT) {
            sample_count(s);
            if (s->tab) {
                sample_push(s, x, dyad, keep_dyad);
                return;
            }
        }
        s->cap = s->cap ? 2 * s->cap : 64;
        s->x = sk_xreallocarray(s->x, s->cap, sizeof *s->x);
        if (keep_dyad)
            s->dyad = sk_xreallocarray(s->dyad, s->cap, sizeof *s->dyad);
    }
    s->x[s->n] = x;
    if (keep_dyad)
        s->dyad[s->n] = dyad;
    s->n++;
}

size_t between_sample_counts(const struct between_sample *s,
                             const double **v, const size_t **c)
{
    if (!s->tab)
        return 0;
    /* the table's sorted view is a cache inside it */
    return freqtab_sorted((struct freqtab *)s->tab, v, c);
}

/* The pair index of a row (its --dyad id within its subgroup), checked
 * to be the only row of that id at its level. */
static size_t row_pair(struct reader *r, const struct input_row *row,
                       size_t g, int side)
{
    size_t k = r->ki_dyad;
    if (!r->b->has_dyad || row->key_missing[k])
        return BETWEEN_NO_PAIR;
    size_t glen = r->b->has_group ? row->key_len[0] : 0;
    size_t p = strmap_intern2(r->pairs, row->key[0], glen, row->key[k],
                              row->key_len[k], &r->key, &r->keycap, NULL);
    size_t nl = r->b->lv.nlevels;
    if (p >= r->linecap) {
        size_t old = r->linecap;
        r->linecap = r->linecap ? 2 * r->linecap : 256;
        r->line = sk_xreallocarray(r->line, nl * r->linecap, sizeof *r->line);
        memset(r->line + nl * old, 0,
               nl * (r->linecap - old) * sizeof *r->line);
    }
    unsigned long *seen = &r->line[nl * p + (size_t)side];
    if (*seen) {
        char *id = input_shown(row->key[k], row->key_len[k]);
        sk_die("%s:%lu: column '%s': pair id '%s' appears twice at level "
               "'%s'%s%s%s (also on line %lu)", input_filename(r->in),
               row->line, r->spec->dyad, id, r->b->lv.level[side],
               r->b->has_group ? " in group '" : "",
               r->b->has_group ? strmap_key(r->b->groups, g) : "",
               r->b->has_group ? "'" : "", *seen);
    }
    *seen = row->line;
    return p;
}

static void read_rows(struct reader *r)
{
    struct between *b = r->b;
    double *code = sk_xcalloc(b->nvars ? b->nvars : 1, sizeof *code);
    struct input_row row;
    while (codebook_data_next(r->data, code, &row)) {
        size_t g = b->has_group ? strmap_intern(b->groups, row.key[0],
                                                row.key_len[0], NULL) : 0;
        struct between_sample *s = group_table_row(&b->samples, g);
        size_t *left = group_table_row(&b->left, g);
        size_t k = r->ki_between;
        int side = between_levels_side(&b->lv, row.key[k], row.key_len[k],
                                       row.key_missing[k], row.line);
        if (side < 0) {
            (*left)++;
            continue;
        }
        size_t pair = row_pair(r, &row, g, side);
        const struct codebook_answer *ans = codebook_data_answers(r->data);
        for (size_t v = 0; v < b->nvars; v++) {
            struct between_sample *S = &s[b->lv.nlevels * v + (size_t)side];
            if (ans[v].kind == CODEBOOK_ANSWER_ASIDE)
                S->aside++;
            else if (isnan(code[v]))
                S->missing++;
            else
                sample_push(S, code[v], pair, b->has_dyad);
        }
    }
    free(code);
}

/* Open the input through the codebook, keys [group], between, [dyad]. */
static void open_data(struct reader *r, const struct input_opts *o)
{
    const struct between_spec *s = r->spec;
    struct between *b = r->b;
    r->in = input_open_raw(o);
    const char *keys[2] = { s->between, s->dyad };
    struct codebook_opts co = s->co;
    co.keys = keys;
    co.nkeys = s->dyad ? 2 : 1;
    b->cb = codebook_setup(&co, r->in, &b->items, &b->nvars);
    size_t key[3], nkey = 0;
    if (s->co.by)
        key[nkey++] = input_find(r->in, s->co.by);
    r->ki_between = nkey;
    key[nkey++] = input_find(r->in, s->between);
    r->ki_dyad = nkey;
    if (s->dyad)
        key[nkey++] = input_find(r->in, s->dyad);
    for (size_t v = 0; v < b->nvars; v++)
        for (size_t k = 0; k < nkey; k++)
            if (b->cb->item[b->items[v]].column == key[k])
                sk_usage_error("-c: column '%s' is the %s column",
                               input_names(r->in)[key[k]],
                               k == r->ki_between ? "--between"
                               : k == r->ki_dyad ? "--dyad" : "-g");
    r->data = codebook_data_open_keys(b->cb, r->in, b->items, b->nvars, key,
                                      nkey);
}

struct between *between_read(const struct between_spec *s,
                             const struct input_opts *o)
{
    between_check(s);
    struct between *b = sk_xcalloc(1, sizeof *b);
    b->has_group = s->co.by != NULL;
    b->has_dyad = s->dyad != NULL;
    b->groups = strmap_new();
    struct reader r = { .spec = s, .b = b, .pairs = strmap_new() };
    open_data(&r, o);
    between_levels_init(&b->lv, s->between, s->levels, input_filename(r.in));
    group_table_init(&b->samples, b->lv.nlevels * b->nvars,
                     sizeof(struct between_sample), sample_init);
    group_table_init(&b->left, 1, sizeof(size_t), NULL);
    read_rows(&r);
    between_levels_finish(&b->lv);
    if (!b->has_group) {          /* no rows at all: still one group */
        group_table_row(&b->samples, 0);
        group_table_row(&b->left, 0);
    }
    b->ngroups = b->samples.ngroups;
    codebook_data_close(r.data);
    input_close(r.in);
    strmap_free(r.pairs);
    free(r.line);
    free(r.key);
    return b;
}

int between_has_aside(const struct between *b)
{
    return codebook_has_aside(b->cb);
}

size_t between_nvars(const struct between *b)
{
    return b->nvars;
}

const char *between_var_name(const struct between *b, size_t v)
{
    return b->cb->item[b->items[v]].name;
}

size_t between_nlevels(const struct between *b)
{
    return b->lv.nlevels;
}

const char *between_level(const struct between *b, int side)
{
    return b->lv.level[side];
}

size_t between_ngroups(const struct between *b)
{
    return b->ngroups;
}

const char *between_group(const struct between *b, size_t g)
{
    return b->has_group ? strmap_key(b->groups, g) : NULL;
}

size_t between_left_out(const struct between *b, size_t g)
{
    return ((const size_t *)b->left.cell)[g];
}

const struct between_sample *between_sample(const struct between *b,
                                            size_t g, size_t v, int side)
{
    const struct between_sample *s = b->samples.cell;
    size_t nl = b->lv.nlevels;
    return &s[g * nl * b->nvars + nl * v + (size_t)side];
}

int between_sort(struct between *b)
{
    if (b->has_dyad)
        return 0;
    struct between_sample *s = b->samples.cell;
    for (size_t i = 0; i < b->samples.ngroups * b->lv.nlevels * b->nvars; i++)
        if (!s[i].tab)
            stats_sort(s[i].x, s[i].n);
    return 1;
}

void between_split(const struct between *b, size_t g, size_t v,
                   int side_b, struct between_split *out)
{
    const struct between_sample *A = between_sample(b, g, v, 0);
    const struct between_sample *B = between_sample(b, g, v, side_b);
    size_t na = A->n, nb = B->n, maxp = 0;
    for (size_t i = 0; A->dyad && i < na; i++)
        if (A->dyad[i] != BETWEEN_NO_PAIR && A->dyad[i] + 1 > maxp)
            maxp = A->dyad[i] + 1;
    size_t *pos = sk_xcalloc(maxp ? maxp : 1, sizeof *pos);
    for (size_t i = 0; i < maxp; i++)
        pos[i] = SIZE_MAX;
    for (size_t i = 0; A->dyad && i < na; i++)
        if (A->dyad[i] != BETWEEN_NO_PAIR)
            pos[A->dyad[i]] = i;
    char *paired = sk_xcalloc(na ? na : 1, 1);
    *out = (struct between_split){
        sk_xcalloc(na ? na : 1, sizeof(double)),
        sk_xcalloc(nb ? nb : 1, sizeof(double)),
        sk_xcalloc(nb ? nb : 1, sizeof(double)),
        sk_xcalloc(nb ? nb : 1, sizeof(double)), 0, 0, 0 };
    for (size_t j = 0; j < nb; j++) {
        size_t d = B->dyad ? B->dyad[j] : BETWEEN_NO_PAIR;
        if (d != BETWEEN_NO_PAIR && d < maxp && pos[d] != SIZE_MAX) {
            out->pa[out->nc] = A->x[pos[d]];
            out->pb[out->nc++] = B->x[j];
            paired[pos[d]] = 1;
        } else
            out->b_only[out->n2++] = B->x[j];
    }
    for (size_t i = 0; i < na; i++)
        if (!paired[i])
            out->a_only[out->n1++] = A->x[i];
    free(pos);
    free(paired);
}

void between_split_free(struct between_split *s)
{
    free(s->a_only);
    free(s->b_only);
    free(s->pa);
    free(s->pb);
}

void between_free(struct between *b)
{
    if (!b)
        return;
    struct between_sample *s = b->samples.cell;
    for (size_t i = 0; i < b->samples.ngroups * b->lv.nlevels * b->nvars;
         i++) {
        free(s[i].x);
        free(s[i].dyad);
        freqtab_free(s[i].tab);
    }
    free(b->samples.cell);
    free(b->left.cell);
    free(b->items);
    between_levels_free(&b->lv);
    strmap_free(b->groups);
    codebook_free(b->cb);
    free(b);
}
