/* draftcb.c - the draft codebook of an export. */
#include <config.h>

#include "draftcb.h"
#include "csvout.h"
#include "strmap.h"
#include "util.h"
#include "vocab.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { F_TYPE, F_NAME, F_CODE, F_LABEL, F_MISSING, F_LEVELS, F_SCALE,
       F_REVERSE, F_ALIAS, F_TEXT, NF };

static const char *const header[NF] = {
    "type", "name", "code", "label", "missing", "levels", "scale",
    "reverse", "alias", "text"
};

struct w {
    FILE *fp;
    int bad;
};

static void row(struct w *w, const char *type, const char *name,
                const char *code, const char *label, const char *missing,
                const char *levels, const char *scale, const char *reverse,
                const char *alias, const char *text)
{
    const char *f[NF] = { type, name, code ? code : "", label ? label : "",
                          missing ? missing : "", levels ? levels : "",
                          scale ? scale : "", reverse ? reverse : "",
                          alias ? alias : "", text ? text : "" };
    if (csvout_row(w->fp, f, NF, ',') != 0)
        w->bad = 1;
}

static void comment(struct w *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void comment(struct w *w, const char *fmt, ...)
{
    va_list ap;
    char *s, *t;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0)
        sk_die("out of memory");
    va_end(ap);
    t = sk_xasprintf("# %s", s);
    row(w, t, "", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
    free(s);
    free(t);
}

/* The key of a column's level set: its kind and labels (its
 * non-substantive answers are the set's, gathered from all its columns). */
static char *levels_key(const struct export_col *c)
{
    size_t cap = 64;
    for (size_t i = 0; i < c->nlabel; i++)
        cap += strlen(c->label[i]) + 1;
    for (size_t i = 0; i < c->nns; i++)
        cap += strlen(c->nslabel[i]) + 1;
    if (c->kind == EXPORT_NUMSCALE)
        for (long i = 0; i <= c->hi - c->lo; i++)
            cap += (c->endlabel[i] ? strlen(c->endlabel[i]) : 0) + 1;
    char *s = sk_xmalloc(cap), *p = s;
    if (c->kind == EXPORT_LABELLED) {
        p += sprintf(p, "L%s", c->vocab->name);
        for (size_t i = 0; i < c->nlabel; i++)
            p += sprintf(p, "\x1f%s", c->label[i]);
    } else
        sprintf(p, "N%ld:%ld", c->lo, c->hi);
    return s;
}

static int has_levels(const struct export_col *c)
{
    return c->kind == EXPORT_LABELLED || c->kind == EXPORT_NUMSCALE;
}

static int is_item(const struct export_col *c)
{
    return has_levels(c) || (c->kind == EXPORT_NUMBER && c->ntext == 0);
}

size_t draftcb_nitems(const struct export *e)
{
    size_t k = 0;
    for (size_t c = 0; c < e->ncols; c++)
        k += is_item(&e->col[c]);
    return k;
}

int draftcb_write(FILE *fp, const struct export *e, const char *version)
{
    struct w w = { fp, 0 };
    size_t n = e->ncols;
    if (draftcb_nitems(e) == 0)
        return -2;
    const char *const *h = header;
    if (csvout_row(fp, h, NF, ',') != 0)
        return -1;
    comment(&w, "Draft codebook written by sk-import %s from %s (%s "
            "export). Check every row before you rely on it.", version,
            e->file, export_platform_name(e->platform));
    comment(&w, "Mark reverse-worded items reverse=yes; a non-substantive "
            "answer (Don't know) has missing=yes and enters no statistic.");

    /* level sets, in order of first use */
    struct strmap *sets = strmap_new();
    size_t *set = sk_xcalloc(n + 1, sizeof *set);
    char **setname = sk_xcalloc(n + 1, sizeof *setname);
    size_t *setcol = sk_xcalloc(n + 1, sizeof *setcol);
    /* a numeric level set's label of each point: any column's */
    const char ***points = sk_xcalloc(n + 1, sizeof *points);
    /* a level set's non-substantive labels, from any of its columns, and
       their normalized forms (one each, whatever the case) */
    char ***ns = sk_xcalloc(n + 1, sizeof *ns);
    char ***nsnorm = sk_xcalloc(n + 1, sizeof *nsnorm);
    size_t *nns = sk_xcalloc(n + 1, sizeof *nns);
    struct strmap *names = strmap_new();
    for (size_t c = 0; c < n; c++)
        strmap_intern(names, e->col[c].name, strlen(e->col[c].name), NULL);
    for (size_t c = 0; c < n; c++) {
        const struct export_col *col = &e->col[c];
        if (!has_levels(col))
            continue;
        char *key = levels_key(col);
        int added;
        size_t k = strmap_intern(sets, key, strlen(key), &added);
        free(key);
        set[c] = k;
        if (col->kind == EXPORT_NUMSCALE) {   /* the labels of its points */
            if (added)
                points[k] = sk_xcalloc((size_t)(col->hi - col->lo + 1),
                                       sizeof *points[k]);
            for (long i = 0; i <= col->hi - col->lo; i++)
                if (!points[k][i])
                    points[k][i] = col->endlabel[i];
        }
        if (added)
            setcol[k] = c;
        for (size_t i = 0; i < col->nns; i++) {    /* its Don't know ... */
            char *norm = vocab_norm(col->nslabel[i], strlen(col->nslabel[i]));
            size_t j = 0;
            while (j < nns[k] && strcmp(nsnorm[k][j], norm) != 0)
                j++;
            if (j < nns[k] || nns[k] >= 9) {
                free(norm);
                continue;
            }
            ns[k] = sk_xreallocarray(ns[k], nns[k] + 1, sizeof *ns[k]);
            nsnorm[k] = sk_xreallocarray(nsnorm[k], nns[k] + 1,
                                         sizeof *nsnorm[k]);
            ns[k][nns[k]] = col->nslabel[i];
            nsnorm[k][nns[k]++] = norm;
        }
    }
    for (size_t k = 0; k < strmap_size(sets); k++) {
        const struct export_col *col = &e->col[setcol[k]];
        char *base = col->kind == EXPORT_LABELLED
            ? sk_xasprintf("%s%s", col->vocab->name, nns[k] ? "_dk" : "")
            : sk_xasprintf("points%ld_%ld", col->lo, col->hi);
        char *nm = sk_xstrdup(base);
        for (size_t j = 2;; j++) {
            size_t i = 0;
            while (i < k && strcmp(setname[i], nm) != 0)
                i++;
            if (i == k)
                break;
            free(nm);
            nm = sk_xasprintf("%s_%zu", base, j);
        }
        free(base);
        setname[k] = nm;
    }
    size_t nsets = strmap_size(sets);
    for (size_t k = 0; k < nsets; k++) {
        const struct export_col *col = &e->col[setcol[k]];
        char code[32];
        if (col->kind == EXPORT_LABELLED) {
            for (size_t i = 0; i < col->nlabel; i++) {
                snprintf(code, sizeof code, "%zu", i + 1);
                row(&w, "level", setname[k], code, col->label[i], "no",
                    NULL, NULL, NULL, NULL, NULL);
            }
            for (size_t i = 0; i < nns[k]; i++) {
                snprintf(code, sizeof code, "%zu", 99 - i);
                row(&w, "level", setname[k], code, ns[k][i], "yes",
                    NULL, NULL, NULL, NULL, NULL);
            }
        } else {
            for (long i = col->lo; i <= col->hi; i++) {
                snprintf(code, sizeof code, "%ld", i);
                const char *l = points[k][i - col->lo];
                row(&w, "level", setname[k], code, l ? l : code, "no", NULL,
                    NULL, NULL, NULL, NULL);
            }
            comment(&w, "%s: the points %ld to %ld, found in the answers "
                    "(labelled only where the export labels them); check "
                    "the lowest and highest against the questionnaire",
                    setname[k], col->lo, col->hi);
        }
    }

    /* candidate scales: a matrix question's items of one level set (2 or
       more), or a run of 3 or more labelled columns of one level set; in
       Qualtrics' numeric-value export, a matrix question's codes 0 to 7 */
    char **scale = sk_xcalloc(n + 1, sizeof *scale);
    size_t nscales = 0;
    char **sname = sk_xcalloc(n + 1, sizeof *sname);
    char **stext = sk_xcalloc(n + 1, sizeof *stext);
    for (size_t c = 0; c < n;) {
        const struct export_col *col = &e->col[c];
        /* Qualtrics' numeric-value export: agreement-like codes (0 to 7) */
#define LIKERT_CODES(x) ((x)->kind == EXPORT_NUMBER && (x)->integer &&     \
                         (x)->ntext == 0 && (x)->lo >= 0 && (x)->hi <= 7)
        int codes = e->platform == EXPORT_QUALTRICS && col->group &&
                    LIKERT_CODES(col);
        if (col->kind != EXPORT_LABELLED && !codes) {
            c++;
            continue;
        }
        size_t end = c + 1;
        while (end < n &&
               (codes ? LIKERT_CODES(&e->col[end])
                      : e->col[end].kind == EXPORT_LABELLED &&
                        set[end] == set[c]) &&
               ((col->group && e->col[end].group &&
                 strcmp(col->group, e->col[end].group) == 0) ||
                (!col->group && !e->col[end].group)))
            end++;
        if (end - c >= (col->group ? 2u : 3u)) {
            char *nm = col->group && e->platform == EXPORT_QUALTRICS
                ? sk_xstrdup(col->group)
                : col->group_text ? export_short_name(col->group_text, 3)
                : NULL;
            if (!nm)
                nm = sk_xasprintf("scale%zu", nscales + 1);
            int added;
            strmap_intern(names, nm, strlen(nm), &added);
            for (size_t j = 1; !added; j++) {     /* unique among names */
                char *t = j == 1 ? sk_xasprintf("%s_scale", nm)
                                 : sk_xasprintf("%s_scale%zu", nm, j);
                strmap_intern(names, t, strlen(t), &added);
                if (added) {
                    free(nm);
                    nm = t;
                } else
                    free(t);
            }
            sname[nscales] = nm;
            stext[nscales] = col->group_text;
            for (size_t k = c; k < end; k++)
                scale[k] = nm;
            nscales++;
        }
        c = end;
    }

    /* the columns */
    for (size_t c = 0; c < n; c++) {
        const struct export_col *col = &e->col[c];
        const char *alias = strcmp(col->id, col->name) != 0 &&
                                    e->platform != EXPORT_SURVEYMONKEY
                                ? col->id : NULL;
        if (is_item(col)) {
            row(&w, "item", col->name, NULL, NULL, NULL,
                has_levels(col) ? setname[set[c]] : "none", scale[c], "no",
                alias, col->text);
            if (col->kind == EXPORT_NUMBER && col->apart)
                comment(&w, "%s: code %ld is apart from the others (%ld to "
                        "%ld): a Don't know? give the item a level set with "
                        "that code declared missing=yes", col->name,
                        col->apart, col->lo, col->hi);
            else if (col->kind == EXPORT_NUMBER && col->integer &&
                col->lo >= 0 && col->hi <= 10)
                comment(&w, "%s: whole numbers %ld to %ld: if they are the "
                        "points of a scale, give it a level set so that "
                        "levels nobody chose are counted", col->name,
                        col->lo, col->hi);
            continue;
        }
        row(&w, "#column", col->name, NULL, NULL, NULL, NULL, NULL, NULL,
            alias, col->text);
        if (col->kind == EXPORT_NOMINAL) {
            size_t len = 64;
            for (size_t i = 0; i < col->ndistinct; i++)
                len += strlen(col->distinct[i]) + 4;
            char *list = sk_xmalloc(len), *p = list;
            *p = '\0';
            for (size_t i = 0; i < col->ndistinct; i++)
                p += sprintf(p, "%s'%s'", i ? ", " : "", col->distinct[i]);
            comment(&w, "%s: answers %s: no known order (a group for -g or "
                    "--between; an item once you declare its levels)",
                    col->name, list);
            free(list);
        } else if (col->kind == EXPORT_NUMBER)
            comment(&w, "%s: numbers with %zu free-text answer%s (sk-import "
                    "listed them): an item once you have decided what they "
                    "mean", col->name, col->ntext, col->ntext > 1 ? "s" : "");
    }
    for (size_t s = 0; s < nscales; s++) {
        row(&w, "scale", sname[s], NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            stext[s]);
        comment(&w, "%s: a candidate scale, the items of one question; "
                "mark its reverse-worded items before scoring it (negative "
                "item-rest correlations in sk-alpha point to them)",
                sname[s]);
    }
    for (size_t k = 0; k < nsets; k++) {
        free(setname[k]);
        free(points[k]);
        for (size_t i = 0; i < nns[k]; i++)
            free(nsnorm[k][i]);
        free(nsnorm[k]);
        free(ns[k]);
    }
    free(points);
    free(ns);
    free(nsnorm);
    free(nns);
    free(setname);
    free(setcol);
    free(set);
    for (size_t s = 0; s < nscales; s++)
        free(sname[s]);
    free(sname);
    free(stext);
    free(scale);
    strmap_free(sets);
    strmap_free(names);
    return w.bad ? -1 : 0;
}
