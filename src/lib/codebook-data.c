/* codebook-data.c - reading the items of a table through a codebook
 * (codebook-data.h). */
#include <config.h>

#include "codebook-data.h"
#include "util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- reading the items ---- */

/* An item as each row reads it, in one place (the hot loop's data). */
struct plan {
    size_t slot;          /* its key or numeric column index */
    int text;             /* read as a text answer */
    int has_range;
    double min, max;
};

struct codebook_data {
    const struct codebook *cb;
    struct input *in;
    size_t *items, n;
    struct plan *plan;    /* per item: what each row needs of it */
    int by;               /* key 0 is the group */
    struct codebook_answer *ans;    /* of the last row, per item */
};

struct codebook_data *codebook_data_open(const struct codebook *cb,
                                         struct input *in,
                                         const size_t *items, size_t n,
                                         const char *by)
{
    size_t key = by ? input_find(in, by) : 0;
    struct codebook_data *d = codebook_data_open_keys(cb, in, items, n, &key,
                                                      by != NULL);
    d->by = by != NULL;
    return d;
}

struct codebook_data *codebook_data_open_keys(const struct codebook *cb,
                                              struct input *in,
                                              const size_t *items, size_t n,
                                              const size_t *key, size_t nkey)
{
    struct codebook_data *d = sk_xcalloc(1, sizeof *d);
    d->cb = cb;
    d->in = in;
    d->n = n;
    d->items = sk_xcalloc(n, sizeof *d->items);
    memcpy(d->items, items, n * sizeof *items);
    d->plan = sk_xcalloc(n ? n : 1, sizeof *d->plan);
    d->ans = sk_xcalloc(n ? n : 1, sizeof *d->ans);
    size_t *keys = sk_xcalloc(n + nkey + 1, sizeof *keys), nkeys = 0;
    size_t *nums = sk_xcalloc(n, sizeof *nums), nnums = 0;
    for (size_t k = 0; k < nkey; k++)
        keys[nkeys++] = key[k];
    for (size_t i = 0; i < n; i++) {
        const struct codebook_item *it = &cb->item[items[i]];
        int text = it->levels != CODEBOOK_NONE;
        size_t slot = text ? nkeys : nnums;
        if (text)
            keys[nkeys++] = it->column;
        else
            nums[nnums++] = it->column;
        d->plan[i] = (struct plan){ slot, text, it->has_range, it->min,
                                    it->max };
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

/* The exact form of a level's code: its shortest decimal text (up to 15
 * digits) read back, when that is the same double. */
static struct num_value code_value(double code)
{
    struct num_value v = { code, 0, 0, 0 };
    char buf[40];
    int len = snprintf(buf, sizeof buf, "%.15g", code);
    struct num_value p;
    if (len > 0 && (size_t)len < sizeof buf &&
        num_parse(buf, (size_t)len, &p) == NUM_OK && p.x == code)
        v = p;
    v.x = code;
    return v;
}

const struct codebook_answer *codebook_data_answers(
    const struct codebook_data *d)
{
    return d->ans;
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
    const struct plan *pl = d->plan;
    struct codebook_answer *ans = d->ans;
    for (size_t i = 0; i < d->n; i++) {
        size_t k = pl[i].slot;
        struct codebook_answer *a = &ans[i];
        if (!pl[i].text) {
            /* a code read as a number: most answers */
            const struct input_cell *c = &row->cell[k];
            if (c->missing) {
                code[i] = NAN;
                *a = (struct codebook_answer){ CODEBOOK_ANSWER_MISSING, NAN,
                                               { NAN, 0, 0, 0 } };
                continue;
            }
            double x = c->v.x == 0 ? 0 : c->v.x;
            code[i] = x;
            a->kind = CODEBOOK_ANSWER_VALUE;
            a->code = x;
            a->v = c->v;
            if (pl[i].has_range && (x < pl[i].min || x > pl[i].max)) {
                size_t col = d->cb->item[d->items[i]].column;
                bad_answer(d, row, i, row->field[col], row->field_len[col],
                           CODEBOOK_OUT_OF_RANGE);
            }
            continue;
        }
        const struct codebook_item *it = &d->cb->item[d->items[i]];
        if (row->key_missing[k]) {
            code[i] = NAN;
            *a = (struct codebook_answer){ CODEBOOK_ANSWER_MISSING, NAN,
                                           { NAN, 0, 0, 0 } };
            continue;
        }
        const char *s = row->key[k];
        size_t len = row->key_len[k];
        enum codebook_match m = codebook_match(&d->cb->levels[it->levels], s,
                                               len, &code[i]);
        if (m == CODEBOOK_ASIDE) {
            *a = (struct codebook_answer){ CODEBOOK_ANSWER_ASIDE, code[i],
                                           { NAN, 0, 0, 0 } };
            code[i] = NAN;
            continue;
        }
        if (m != CODEBOOK_OK)
            bad_answer(d, row, i, s, len, m);
        *a = (struct codebook_answer){ CODEBOOK_ANSWER_VALUE, code[i],
                                       code_value(code[i]) };
    }
    return 1;
}

void codebook_data_close(struct codebook_data *d)
{
    if (!d)
        return;
    free(d->items);
    free(d->plan);
    free(d->ans);
    free(d);
}
