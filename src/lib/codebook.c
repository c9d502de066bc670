/* codebook.c - the codebook model: items, their ordered levels, scales;
 * matching an answer to a level, reverse keying. */
#include <config.h>

#include "codebook.h"
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
"are found by name (others are ignored) and each row declares one thing,\n"
"by its 'type':\n"
"  level   name: its level set; code: a number (required); label;\n"
"          missing: yes for a non-substantive answer (Don't know, Not\n"
"          applicable, Prefer not to say), default no\n"
"  item    name: the data column; levels: its level set (may be empty\n"
"          when there is only one; 'none': numbers, no levels); scale:\n"
"          its scale, or empty;\n"
"          reverse: yes or no (default no); alias: the column's header\n"
"          when the data names it otherwise (a long question text): the\n"
"          item is read from the column NAME, or else ALIAS, and\n"
"          reported as NAME\n"
"  scale   name; scoring: mean or sum (default mean); min: answered items\n"
"          needed for a score (default: all of its items)\n"
"Any row may have a 'text': an item's wording, a scale's label (sk-table\n"
"shows them in place of the names). Rows whose type is empty or starts\n"
"with # are comments. Levels are ordered by code. An answer is a level's\n"
"label (case and surrounding blanks ignored) or its code; anything else\n"
"is an error, and so is a code out of the declared range. A label may not\n"
"be another level's code. Every item must be a column of the data. A\n"
"reverse-keyed item is scored (min + max) - code, with min and max the\n"
"lowest and highest declared codes, never those found in the data.\n"
"A missing=yes answer is never a value: it enters no statistic, no\n"
"percentage's denominator, no kappa category, no score and no declared\n"
"range (min and max are those of the other levels); it is counted in the\n"
"'aside' column, printed after 'missing' (or n_dropped, dropped) only\n"
"when the codebook declares such a level. 'missing' counts the empty\n"
"and --na answers alone.\n";

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
        for (size_t j = 0; j < cb->levels[i].naside; j++)
            free(cb->levels[i].aside[j].label);
        free(cb->levels[i].level);
        free(cb->levels[i].aside);
        free(cb->levels[i].name);
    }
    for (size_t i = 0; i < cb->nitems; i++) {
        free(cb->item[i].name);
        free(cb->item[i].text);
        free(cb->item[i].alias);
    }
    for (size_t i = 0; i < cb->nscales; i++) {
        free(cb->scale[i].name);
        free(cb->scale[i].text);
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

size_t codebook_find_levels(const struct codebook *cb, const char *name)
{
    for (size_t i = 0; i < cb->nlevels; i++)
        if (strcmp(cb->levels[i].name, name) == 0)
            return i;
    return CODEBOOK_NONE;
}

size_t codebook_find_item(const struct codebook *cb, const char *name)
{
    for (size_t i = 0; i < cb->nitems; i++)
        if (strcmp(cb->item[i].name, name) == 0)
            return i;
    return CODEBOOK_NONE;
}

/* ---- answers ---- */

void codebook_trim(const char **s, size_t *len)
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

size_t codebook_aside_index(const struct codebook_levels *l, double code)
{
    for (size_t i = 0; i < l->naside; i++)
        if (l->aside[i].code == code)
            return i;
    return CODEBOOK_NONE;
}

int codebook_has_aside(const struct codebook *cb)
{
    for (size_t i = 0; i < cb->nlevels; i++)
        if (cb->levels[i].naside)
            return 1;
    return 0;
}

size_t codebook_add_int_levels(struct codebook *cb, const char *name,
                               long lo, long hi)
{
    cb->levels = sk_xreallocarray(cb->levels, cb->nlevels + 1,
                                  sizeof *cb->levels);
    struct codebook_levels *l = &cb->levels[cb->nlevels];
    memset(l, 0, sizeof *l);
    l->name = sk_xstrdup(name);
    l->n = (size_t)(hi - lo) + 1;
    l->level = sk_xcalloc(l->n, sizeof *l->level);
    for (size_t i = 0; i < l->n; i++) {
        l->level[i].code = (double)(lo + (long)i);
        l->level[i].label = sk_xasprintf("%ld", lo + (long)i);
    }
    l->min = (double)lo;
    l->max = (double)hi;
    return cb->nlevels++;
}

enum codebook_match codebook_match(const struct codebook_levels *l,
                                   const char *s, size_t len, double *code)
{
    codebook_trim(&s, &len);
    for (size_t i = 0; i < l->n + l->naside; i++) {
        const struct codebook_level *lv = i < l->n ? &l->level[i]
                                                   : &l->aside[i - l->n];
        if (strlen(lv->label) == len && strncasecmp(lv->label, s, len) == 0) {
            *code = lv->code;
            return i < l->n ? CODEBOOK_OK : CODEBOOK_ASIDE;
        }
    }
    struct num_value v;
    if (len == 0 || num_parse(s, len, &v) != NUM_OK)
        return CODEBOOK_NOT_LEVEL;
    size_t a = codebook_aside_index(l, v.x);
    if (a != CODEBOOK_NONE) {
        *code = l->aside[a].code;
        return CODEBOOK_ASIDE;
    }
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
    for (size_t i = 0; i < l->n + l->naside; i++) {
        const struct codebook_level *lv = i < l->n ? &l->level[i]
                                                   : &l->aside[i - l->n];
        const char *tag = i < l->n ? "" : " (missing)";
        char code[32];
        snprintf(code, sizeof code, "%.15g", lv->code);
        size_t need = strlen(code) + strlen(lv->label) + strlen(tag) + 4;
        while (len + need + 1 > cap)
            out = sk_xrealloc(out, cap *= 2);
        len += (size_t)sprintf(out + len, "%s%s=%s%s", i ? ", " : "", code,
                               lv->label, tag);
    }
    return out;
}

