/* tabbuild.c - a publication table from an sk- table (see tabbuild.h). */
#include <config.h>

#include "tabbuild.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colsel.h"
#include "numfmt.h"
#include "strmap.h"
#include "util.h"

/* ---- kinds of number ---- */

static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int is_one_of(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

enum tabkind tabbuild_kind(const char *name)
{
    static const char *const counts[] = {
        "n", "k", "count", "dropped", "B", "seed", "missing", "aside", "W",
        "V", NULL
    };
    static const char *const pcts[] = {
        "percent", "cum_percent", "high_lo", "high_hi", "low_lo", "low_hi",
        NULL
    };
    static const char *const probs[] = { "p_gt", "p_eq", "p_lt", NULL };
    static const char *const rs[] = {
        "r", "mean_r", "raw_r", "std_r", "r_drop", "r_rb", NULL
    };
    if (is_one_of(name, counts) || starts(name, "n_") ||
        starts(name, "missing_") || starts(name, "aside_"))
        return TK_COUNT;
    if (is_one_of(name, pcts) || starts(name, "pct_") || starts(name, "pct"))
        return TK_PCT;
    if (strcmp(name, "df") == 0 || starts(name, "df_"))
        return TK_DF;
    if (is_one_of(name, probs))
        return TK_NUM;
    if (strcmp(name, "p") == 0 || starts(name, "p_"))
        return TK_P;
    if (is_one_of(name, rs) || starts(name, "r_") || starts(name, "kappa") ||
        starts(name, "wkappa") || starts(name, "icc") ||
        starts(name, "alpha") || starts(name, "raw_alpha") ||
        starts(name, "std_alpha") || starts(name, "delta") || starts(name, "mean_r"))
        return TK_R;
    return TK_NUM;
}

static const char *const kind_names[TK_NKINDS] = {
    [TK_NUM] = "num", [TK_R] = "r", [TK_P] = "p", [TK_PCT] = "pct",
    [TK_DF] = "df", [TK_COUNT] = "count"
};

int tabbuild_kind_named(const char *s)
{
    for (int k = 0; k < TK_NKINDS; k++)
        if (strcmp(s, kind_names[k]) == 0)
            return k;
    return -1;
}

void tabbuild_defaults(struct tabbuild_opts *o)
{
    memset(o, 0, sizeof *o);
    o->digits[TK_NUM] = 2;
    o->digits[TK_R] = 2;
    o->digits[TK_P] = 3;
    o->digits[TK_PCT] = 1;
    o->digits[TK_DF] = 2;
    o->digits[TK_COUNT] = -1;
    o->na = "\xe2\x80\x94";
    o->stub = 1;
}

/* ---- growing strings ---- */

struct str {
    char *s;
    size_t n, cap;
};

static void str_add(struct str *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = 2 * (b->n + n + 1);
        b->s = sk_xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void str_puts(struct str *b, const char *s)
{
    str_add(b, s, strlen(s));
}

static char *str_done(struct str *b)
{
    if (!b->s)
        return sk_xstrdup("");
    return b->s;
}


char *tabbuild_marks(const char *s)
{
    struct str b = { 0 };
    int italic = 0, sub = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '\\' && p[1]) {
            str_add(&b, ++p, 1);
        } else if (*p == '*') {
            str_puts(&b, italic ? TABOUT_I_END : TABOUT_I);
            italic = !italic;
        } else if (*p == '_' && p[1] == '{' && !sub) {
            str_puts(&b, TABOUT_SUB);
            sub = 1;
            p++;
        } else if (*p == '}' && sub) {
            str_puts(&b, TABOUT_SUB_END);
            sub = 0;
        } else
            str_add(&b, p, 1);
    }
    if (sub)
        str_puts(&b, TABOUT_SUB_END);
    if (italic)
        str_puts(&b, TABOUT_I_END);
    return str_done(&b);
}

/* ---- templates ---- */

enum mod { MOD_NONE, MOD_EQ, MOD_PCT, MOD_SYM, MOD_CI, MOD_TEST, MOD_RAW };

struct part {
    char *lit;           /* literal text (marks done), or NULL: a reference */
    size_t col;
    int digits;          /* -2: by the column's kind and options */
    enum mod mod;
};

struct tmpl {
    struct part *part;
    size_t nparts, nrefs;
};

static void tmpl_free(struct tmpl *t)
{
    for (size_t i = 0; i < t->nparts; i++)
        free(t->part[i].lit);
    free(t->part);
    t->part = NULL;
    t->nparts = t->nrefs = 0;
}

static void add_part(struct tmpl *t, struct part p)
{
    t->part = sk_xreallocarray(t->part, t->nparts + 1, sizeof *t->part);
    t->part[t->nparts++] = p;
    if (!p.lit)
        t->nrefs++;
}

static void add_lit(struct tmpl *t, struct str *lit)
{
    if (!lit->n)
        return;
    struct part p = { tabbuild_marks(lit->s), 0, -2, MOD_NONE };
    add_part(t, p);
    free(lit->s);
    memset(lit, 0, sizeof *lit);
}

static char *parse_mod(const char *m, struct part *p)
{
    char *end;
    if (*m == '=') {
        p->mod = MOD_EQ;
        m++;
        if (!*m)
            return NULL;
    } else if (strcmp(m, "%") == 0) {
        p->mod = MOD_PCT;
        return NULL;
    } else if (strcmp(m, "sym") == 0) {
        p->mod = MOD_SYM;
        return NULL;
    } else if (strcmp(m, "ci") == 0) {
        p->mod = MOD_CI;
        return NULL;
    } else if (strcmp(m, "test") == 0) {
        p->mod = MOD_TEST;
        return NULL;
    } else if (strcmp(m, "raw") == 0) {
        p->mod = MOD_RAW;
        return NULL;
    }
    long d = strtol(m, &end, 10);
    if (*m < '0' || *m > '9' || *end || d > 15)
        return sk_xasprintf("'%s' is not a format (decimals 0 to 15, =, =N, %%, "
                    "sym, ci, test or raw)", m);
    p->digits = (int)d;
    return NULL;
}

/* Compile S. Unknown columns: an error, or *absent = 1 when ABSENT is
 * given (a preset's optional column). */
static char *tmpl_parse(const char *s, const struct tabin *in,
                        struct tmpl *t, int *absent)
{
    struct str lit = { 0 };
    memset(t, 0, sizeof *t);
    for (const char *p = s; *p; p++) {
        if (p[0] == '%' && p[1] == '%') {
            str_add(&lit, "%", 1);
            p++;
            continue;
        }
        if (p[0] != '%' || p[1] != '{') {
            str_add(&lit, p, 1);
            continue;
        }
        const char *close = strchr(p + 2, '}');
        if (!close) {
            free(lit.s);
            tmpl_free(t);
            return sk_xasprintf("template '%s': '%%{' without its '}'", s);
        }
        add_lit(t, &lit);
        char *ref = sk_xstrndup(p + 2, (size_t)(close - p - 2));
        char *colon = strchr(ref, ':');
        struct part part = { NULL, 0, -2, MOD_NONE };
        char *err = NULL;
        if (colon) {
            *colon = '\0';
            err = parse_mod(colon + 1, &part);
        }
        if (!err) {
            size_t c = tabin_find(in, ref);
            if (c == (size_t)-1) {
                if (absent)
                    *absent = 1;
                else if (colsel_one(ref, (const char *const *)in->name,
                                    in->ncols, &c, &err) == 0) {
                    /* a column number: refused, names only */
                    err = sk_xasprintf("no column '%s'", ref);
                }
            }
            part.col = c;
        }
        if (err) {
            char *m = sk_xasprintf("template '%s': %s", s, err);
            free(err);
            free(ref);
            free(lit.s);
            tmpl_free(t);
            return m;
        }
        free(ref);
        add_part(t, part);
        p = close;
    }
    add_lit(t, &lit);
    return NULL;
}

/* ---- values ---- */

struct ctx {
    const struct tabin *in;
    const struct tabbuild_opts *o;
    int *col_digits;         /* per input column, -2: none given */
    int reversed_shown;      /* a reverse-keyed item was marked */
};

static int is_na(const char *v)
{
    return !*v || strcmp(v, "NA") == 0;
}

static const char *const boot_symbols[][2] = {
    { "mean", "*M*" }, { "median", "*Mdn*" }, { "sd", "*SD*" },
    { "var", "*SD*\xc2\xb2" }, { "mean-diff", "*M*_{diff}" },
    { "median-diff", "*Mdn*_{diff}" }, { "dz", "*d*_{z}" },
    { "cor", "*r*" }, { "alpha", "\xce\xb1" }, { "g", "*g*" },
    { "theta", "\xce\xb8" },
};

static const char *const ci_names[][2] = {
    { "percentile", "percentile" }, { "basic", "basic" },
    { "normal", "normal" }, { "bca", "BCa" }, { "student", "bootstrap-t" },
};

static char *symbol_of(const char *v)
{
    for (size_t i = 0; i < sizeof boot_symbols / sizeof boot_symbols[0]; i++)
        if (strcmp(v, boot_symbols[i][0]) == 0)
            return tabbuild_marks(boot_symbols[i][1]);
    const char *colon = strchr(v, ':');
    if (colon && (starts(v, "pct:") || starts(v, "prop:")))
        return sk_xasprintf("%% (%s)", colon + 1);
    if (colon && (starts(v, "pct-diff:") || starts(v, "prop-diff:")))
        return sk_xasprintf("%s%% (%s)", "\xce\x94", colon + 1);
    return sk_xstrdup(v);
}

static char *ci_name_of(const char *v)
{
    for (size_t i = 0; i < sizeof ci_names / sizeof ci_names[0]; i++)
        if (strcmp(v, ci_names[i][0]) == 0)
            return sk_xstrdup(ci_names[i][1]);
    return sk_xstrdup(v);
}

/* An item or scale name as the codebook words it. */
static char *codebook_text(struct ctx *x, const char *name, const char *v)
{
    const struct codebook *cb = x->o->cb;
    if (!cb || !(strcmp(name, "item") == 0 || strcmp(name, "variable") == 0 ||
                 strcmp(name, "scale") == 0 || strcmp(name, "rater_a") == 0 ||
                 strcmp(name, "rater_b") == 0))
        return NULL;
    size_t i = codebook_find_item(cb, v);
    if (i != CODEBOOK_NONE && strcmp(name, "scale") != 0) {
        const struct codebook_item *it = &cb->item[i];
        if (!it->text && !it->reverse)
            return NULL;
        if (it->reverse)
            x->reversed_shown = 1;
        return sk_xasprintf("%s%s", it->text ? it->text : v,
                    it->reverse ? " (R)" : "");
    }
    size_t s = codebook_find_scale(cb, v);
    if (s != CODEBOOK_NONE && cb->scale[s].text)
        return sk_xstrdup(cb->scale[s].text);
    return NULL;
}

/* The text of the number V (of column NAME) as P shows it; NULL: NA. */
static char *value(struct ctx *x, size_t col, const struct part *p,
                   const char *v)
{
    const char *name = x->in->name[col];
    if (is_na(v))
        return NULL;
    if (p->mod == MOD_RAW)
        return sk_xstrdup(v);
    if (p->mod == MOD_SYM)
        return symbol_of(v);
    if (p->mod == MOD_CI)
        return ci_name_of(v);
    if (p->mod == MOD_TEST)
        return strcmp(v, "welch") == 0 ? tabbuild_marks("Welch's *t* test")
             : strcmp(v, "student") == 0 ? tabbuild_marks("Student's *t* test")
             : strcmp(v, "overlap-welch") == 0
                 ? tabbuild_marks("the partially overlapping samples *t* "
                                  "test (Derrick et al., 2017; Welch form)")
             : strcmp(v, "overlap-student") == 0
                 ? tabbuild_marks("the partially overlapping samples *t* "
                                  "test (Derrick et al., 2017; equal "
                                  "variances)")
             : sk_xstrdup(v);
    char *cbt = codebook_text(x, name, v);
    if (cbt)
        return cbt;
    int inf = strcmp(v, "Inf") == 0 || strcmp(v, "-Inf") == 0;
    if ((!inf && !numfmt_is_number(v)) || (x->o->raw && p->digits == -2 &&
                                           p->mod == MOD_NONE))
        return sk_xstrdup(v);
    enum tabkind k = tabbuild_kind(name);
    if (!inf && fabs(strtod(v, NULL)) >= 1e15 && p->mod != MOD_PCT) {
        /* beyond 15 digits before the point: the program's own text, in
         * exponent form, not a row of zeros */
        char *r = sk_xstrdup(v);
        if (r[0] == '-')
            r[0] = NUMFMT_MINUS;
        return r;
    }
    struct numfmt f = { 0, 0, x->o->thousands };
    f.digits = p->digits != -2 ? p->digits
             : x->col_digits[col] != -2 ? x->col_digits[col]
             : x->o->digits[k];
    if (k == TK_DF && p->digits == -2 && x->col_digits[col] == -2 &&
        numfmt_is_integer(v))
        f.digits = -1;
    f.no_lead_zero = x->o->apa && (k == TK_R || k == TK_P);
    char *r;
    if (p->mod == MOD_PCT) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.15g", strtod(v, NULL) * 100);
        struct numfmt g = { -1, 0, NULL };
        r = numfmt_fixed(buf, &g);
    } else if (k == TK_P)
        r = numfmt_p(v, &f);
    else
        r = numfmt_fixed(v, &f);
    if (!r)
        return sk_xstrdup(v);
    if (p->mod == MOD_EQ) {
        char *e = sk_xasprintf("%s%s", r[0] == '<' || r[0] == '>' ? "" : "= ", r);
        free(r);
        r = e;
    }
    return r;
}

/* The cell of template T on row R; NULL when all its references are NA. */
static char *eval(struct ctx *x, const struct tmpl *t, size_t r)
{
    struct str b = { 0 };
    size_t na = 0;
    for (size_t i = 0; i < t->nparts; i++) {
        const struct part *p = &t->part[i];
        if (p->lit) {
            str_puts(&b, p->lit);
            continue;
        }
        char *v = r < x->in->nrows
                ? value(x, p->col, p, x->in->cell[r][p->col])
                : sk_xstrdup(x->in->name[p->col]);
        if (!v) {
            na++;
            if (p->mod == MOD_EQ)
                str_puts(&b, "= ");
            str_puts(&b, x->o->na);
        } else
            str_puts(&b, v);
        free(v);
    }
    if (t->nrefs && na == t->nrefs) {
        free(b.s);
        return NULL;
    }
    return str_done(&b);
}

/* Does template T show only zeros (or NA) on every row? */
static int all_zero(const struct ctx *x, const struct tmpl *t)
{
    for (size_t r = 0; r < x->in->nrows; r++)
        for (size_t i = 0; i < t->nparts; i++) {
            if (t->part[i].lit)
                continue;
            const char *v = x->in->cell[r][t->part[i].col];
            if (!is_na(v) && (!numfmt_is_number(v) || strtod(v, NULL) != 0))
                return 0;
        }
    return 1;
}

/* Does template T show only NA, or one value on every row? */
static int all_na(const struct ctx *x, const struct tmpl *t)
{
    for (size_t r = 0; r < x->in->nrows; r++)
        for (size_t i = 0; i < t->nparts; i++)
            if (!t->part[i].lit && !is_na(x->in->cell[r][t->part[i].col]))
                return 0;
    return 1;
}

static int all_same(const struct ctx *x, const struct tmpl *t)
{
    for (size_t r = 1; r < x->in->nrows; r++)
        for (size_t i = 0; i < t->nparts; i++) {
            size_t c = t->part[i].col;
            if (!t->part[i].lit &&
                strcmp(x->in->cell[r][c], x->in->cell[0][c]) != 0)
                return 0;
        }
    return 1;
}

/* ---- columns ---- */

struct bcol {
    struct tmpl head, cell, span;
    int has_span, stub, right;
};

/* Is the column a number's (right-aligned)? Every value it shows is a
 * number (or NA), and its literal text has no letters ("4.2 (0.8)" and
 * "[0.21, 1.04]" are numbers; a sentence is not). */
static int numeric_col(const struct ctx *x, const struct tmpl *t)
{
    if (!t->nrefs)
        return 0;
    for (size_t i = 0; i < t->nparts; i++) {
        const struct part *p = &t->part[i];
        if (p->lit) {
            for (const char *c = p->lit; *c; c++)
                if ((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z')
                    return 0;
            continue;
        }
        if (p->mod == MOD_SYM || p->mod == MOD_CI || p->mod == MOD_TEST)
            return 0;
        for (size_t r = 0; r < x->in->nrows; r++) {
            const char *v = x->in->cell[r][p->col];
            if (!is_na(v) && !numfmt_is_number(v) &&
                strcmp(v, "Inf") != 0 && strcmp(v, "-Inf") != 0)
                return 0;
        }
    }
    return 1;
}

static const char *renamed(const struct tabbuild_opts *o, const char *head)
{
    for (size_t i = 0; i < o->nrenames; i++) {
        const char *colon = strchr(o->rename[i], ':');
        if (colon && strlen(head) == (size_t)(colon - o->rename[i]) &&
            strncmp(head, o->rename[i], (size_t)(colon - o->rename[i])) == 0)
            return colon + 1;
    }
    return NULL;
}

/* Does template T name the input column C? */
static int names_col(const struct tmpl *t, size_t c)
{
    for (size_t i = 0; i < t->nparts; i++)
        if (!t->part[i].lit && t->part[i].col == c)
            return 1;
    return 0;
}

static char *escape_marks(const char *s)
{
    struct str b = { 0 };
    for (const char *p = s; *p; p++) {
        if (*p == '*' || *p == '\\' || *p == '_' || *p == '%')
            str_add(&b, "\\", 1);
        str_add(&b, p, 1);
    }
    return str_done(&b);
}

/* The columns of the table: compiled, optional ones dropped. */
static char *columns(struct ctx *x, struct bcol **out, size_t *nout)
{
    const struct tabbuild_opts *o = x->o;
    size_t n = o->col ? o->ncols : x->in->ncols;
    struct bcol *bc = sk_xcalloc(n ? n : 1, sizeof *bc);
    size_t k = 0;
    size_t spread = o->spread ? tabin_find(x->in, o->spread) : (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        struct tabbuild_col plain = { 0 };
        char *cellt = NULL, *headt = NULL;
        const struct tabbuild_col *c = o->col ? &o->col[i] : &plain;
        if (!o->col) {
            cellt = sk_xasprintf("%%{%s}", x->in->name[i]);
            headt = escape_marks(x->in->name[i]);
            plain.head = headt;
            plain.cell = cellt;
        }
        int absent = 0;
        struct bcol b = { 0 };
        char *err = tmpl_parse(c->cell, x->in, &b.cell,
                               c->optional ? &absent : NULL);
        if (!err && !absent) {
            const char *rn = renamed(o, c->head);
            if (!rn && b.cell.nrefs == 1 && b.cell.nparts == 1)
                rn = renamed(o, x->in->name[b.cell.part[0].col]);
            err = tmpl_parse(rn ? rn : c->head, x->in, &b.head,
                             c->optional ? &absent : NULL);
        }
        if (!err && !absent && c->span)
            err = tmpl_parse(c->span, x->in, &b.span,
                             c->optional ? &absent : NULL),
            b.has_span = 1;
        free(cellt);
        free(headt);
        if (err) {
            tmpl_free(&b.cell);
            tmpl_free(&b.head);
            tmpl_free(&b.span);
            for (size_t j = 0; j < k; j++) {
                tmpl_free(&bc[j].cell);
                tmpl_free(&bc[j].head);
                tmpl_free(&bc[j].span);
            }
            free(bc);
            return err;
        }
        int drop = absent || (c->omit_if_zero && all_zero(x, &b.cell)) ||
                   (c->omit_if_na && all_na(x, &b.cell)) ||
                   (c->omit_if_same && all_same(x, &b.cell)) ||
                   (spread != (size_t)-1 && names_col(&b.cell, spread));
        if (drop) {
            tmpl_free(&b.cell);
            tmpl_free(&b.head);
            tmpl_free(&b.span);
            continue;
        }
        b.stub = c->stub;
        b.right = numeric_col(x, &b.cell);
        bc[k++] = b;
    }
    /* without stub flags, the first o->stub columns are the row labels */
    int any = 0;
    for (size_t i = 0; i < k; i++)
        any |= bc[i].stub;
    if (!any)
        for (size_t i = 0; i < k && i < o->stub; i++)
            bc[i].stub = 1;
    *out = bc;
    *nout = k;
    return NULL;
}

static void free_columns(struct bcol *bc, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        tmpl_free(&bc[i].cell);
        tmpl_free(&bc[i].head);
        tmpl_free(&bc[i].span);
    }
    free(bc);
}

/* ---- blocks (--spread) ---- */

static int is_total(const char *v)
{
    static const char *const totals[] = {
        "all", "All", "ALL", "total", "Total", "overall", "Overall", NULL
    };
    return is_one_of(v, totals);
}

static const char *const *sort_keys;

static int by_key(const void *a, const void *b)
{
    const char *x = sort_keys[*(const size_t *)a];
    const char *y = sort_keys[*(const size_t *)b];
    int nx = numfmt_is_number(x), ny = numfmt_is_number(y);
    if (nx && ny) {
        double dx = strtod(x, NULL), dy = strtod(y, NULL);
        return dx < dy ? -1 : dx > dy;
    }
    if (nx != ny)
        return nx ? -1 : 1;
    return strcmp(x, y);
}

/* The rank of each block under the order: perm[i] = the block shown i-th. */
static char *block_order(const struct ctx *x, struct strmap *blocks,
                         size_t *perm)
{
    size_t nb = strmap_size(blocks);
    const char **key = sk_xcalloc(nb ? nb : 1, sizeof *key);
    for (size_t i = 0; i < nb; i++) {
        key[i] = strmap_key(blocks, i);
        perm[i] = i;
    }
    const struct tabbuild_opts *o = x->o;
    char *err = NULL;
    if (o->order == TB_ORDER_SORTED) {
        sort_keys = key;
        qsort(perm, nb, sizeof *perm, by_key);
    } else if (o->order == TB_ORDER_LIST || o->order == TB_ORDER_CODEBOOK) {
        const char *const *list = o->order_list;
        size_t nl = o->norder;
        const struct codebook_levels *lv = NULL;
        if (o->order == TB_ORDER_CODEBOOK) {
            /* the level set whose labels name every group */
            for (size_t s = 0; o->cb && s < o->cb->nlevels && !lv; s++) {
                const struct codebook_levels *l = &o->cb->levels[s];
                size_t found = 0;
                for (size_t i = 0; i < nb; i++)
                    for (size_t j = 0; j < l->n; j++)
                        if (strcmp(key[i], l->level[j].label) == 0) {
                            found++;
                            break;
                        }
                size_t need = 0;
                for (size_t i = 0; i < nb; i++)
                    need += !is_total(key[i]);
                if (found >= need && need)
                    lv = l;
            }
            if (!lv) {
                err = !o->cb ? sk_xasprintf("--order=codebook needs --codebook")
                    : sk_xasprintf("--order=codebook: no level set of the codebook "
                           "has every value of '%s' as a label", o->spread);
                free(key);
                return err;
            }
            nl = lv->n;
        }
        size_t at = 0;
        for (size_t j = 0; j < nl; j++) {
            const char *want = lv ? lv->level[j].label : list[j];
            for (size_t i = 0; i < nb; i++)
                if (strcmp(key[i], want) == 0) {
                    for (size_t q = at; q < nb; q++)
                        if (perm[q] == i) {
                            perm[q] = perm[at];
                            perm[at] = i;
                            at++;
                            break;
                        }
                    break;
                }
        }
        if (o->order == TB_ORDER_LIST && at < nb) {
            size_t miss = perm[at];
            err = sk_xasprintf("--order: the list does not name the value '%s' of "
                       "'%s'", key[miss], o->spread);
        }
    }
    /* the total block last, but for an explicit list */
    if (!err && o->order != TB_ORDER_LIST) {
        size_t w = 0;
        size_t *tmp = sk_xcalloc(nb ? nb : 1, sizeof *tmp), nt = 0;
        for (size_t i = 0; i < nb; i++)
            if (is_total(key[perm[i]]))
                tmp[nt++] = perm[i];
            else
                perm[w++] = perm[i];
        for (size_t i = 0; i < nt; i++)
            perm[w++] = tmp[i];
        free(tmp);
    }
    free(key);
    return err;
}

/* ---- the table ---- */

void tabbuild_add_note(struct tabout *t, const char *note)
{
    t->note = sk_xreallocarray(t->note, t->nnotes + 1, sizeof *t->note);
    t->note[t->nnotes++] = sk_xstrdup(note);
}

/* The notes of the 'note' column: each text once, with the rows it is
 * on ("Fisher's test ... (A1, A2)"). */
static void row_notes(struct ctx *x, struct tabout *t)
{
    size_t nc = tabin_find(x->in, "note");
    size_t vc = tabin_find(x->in, "variable");
    if (vc == (size_t)-1)
        vc = tabin_find(x->in, "item");
    if (vc == (size_t)-1)
        vc = tabin_find(x->in, "scale");
    size_t gc = tabin_find(x->in, "group");
    if (nc == (size_t)-1)
        return;
    struct strmap *texts = strmap_new();
    struct str *who = NULL;
    for (size_t r = 0; r < x->in->nrows; r++) {
        const char *v = x->in->cell[r][nc];
        if (is_na(v))
            continue;
        int added;
        size_t i = strmap_intern(texts, v, strlen(v), &added);
        if (added) {
            who = sk_xreallocarray(who, i + 1, sizeof *who);
            memset(&who[i], 0, sizeof who[i]);
        }
        if (vc == (size_t)-1)
            continue;
        if (who[i].n)
            str_puts(&who[i], ", ");
        str_puts(&who[i], x->in->cell[r][vc]);
        if (gc != (size_t)-1) {
            str_puts(&who[i], " ");
            str_puts(&who[i], x->in->cell[r][gc]);
        }
    }
    for (size_t i = 0; i < strmap_size(texts); i++) {
        const char *s = strmap_key(texts, i);
        size_t len = strlen(s);
        char *m = sk_xasprintf("%s%s%s%s%s", s, who[i].n ? " (" : "",
                       who[i].n ? who[i].s : "", who[i].n ? ")" : "",
                       len && s[len - 1] == '.' ? "" : ".");
        tabbuild_add_note(t, m);
        free(m);
        free(who[i].s);
    }
    free(who);
    strmap_free(texts);
}

static char *digits_options(struct ctx *x)
{
    x->col_digits = sk_xcalloc(x->in->ncols ? x->in->ncols : 1,
                               sizeof *x->col_digits);
    for (size_t c = 0; c < x->in->ncols; c++)
        x->col_digits[c] = -2;
    for (size_t i = 0; i < x->o->ncol_digits; i++) {
        const char *s = x->o->col_digits[i];
        const char *colon = strrchr(s, ':');
        char *name = sk_xstrndup(s, (size_t)(colon - s));
        size_t c = tabin_find(x->in, name);
        if (c == (size_t)-1) {
            char *err = NULL, *m;
            if (colsel_one(name, (const char *const *)x->in->name,
                           x->in->ncols, &c, &err) == 0)
                err = sk_xasprintf("no column '%s'", name);
            m = sk_xasprintf("--digits=%s: %s", s, err);
            free(err);
            free(name);
            return m;
        }
        x->col_digits[c] = atoi(colon + 1);
        free(name);
    }
    return NULL;
}

static char **new_row(size_t n)
{
    return sk_xcalloc(n ? n : 1, sizeof(char *));
}

static void fill_na(struct ctx *x, char **row, size_t n)
{
    for (size_t c = 0; c < n; c++)
        if (!row[c])
            row[c] = sk_xstrdup(x->o->na);
}

/* The stub's text of row R: its key among the rows. */
static char *stub_key(struct ctx *x, struct bcol *bc, size_t nbc, size_t r)
{
    struct str b = { 0 };
    for (size_t i = 0; i < nbc; i++) {
        if (!bc[i].stub)
            continue;
        char *v = eval(x, &bc[i].cell, r);
        str_puts(&b, v ? v : "");
        str_add(&b, "\x1f", 1);
        free(v);
    }
    return str_done(&b);
}

static char *spread_rows(struct ctx *x, struct bcol *bc, size_t nbc,
                         struct tabout *t)
{
    const struct tabin *in = x->in;
    size_t sc = tabin_find(in, x->o->spread);
    struct strmap *blocks = strmap_new(), *rows = strmap_new();
    size_t *blk = sk_xcalloc(in->nrows + 1, sizeof *blk);
    size_t *row = sk_xcalloc(in->nrows + 1, sizeof *row);
    for (size_t r = 0; r < in->nrows; r++) {
        const char *v = in->cell[r][sc];
        blk[r] = strmap_intern(blocks, v, strlen(v), NULL);
        char *k = stub_key(x, bc, nbc, r);
        row[r] = strmap_intern(rows, k, strlen(k), NULL);
        free(k);
    }
    size_t nb = strmap_size(blocks), nr = strmap_size(rows);
    size_t *perm = sk_xcalloc(nb + 1, sizeof *perm);
    size_t *rank = sk_xcalloc(nb + 1, sizeof *rank);
    char *err = block_order(x, blocks, perm);
    size_t nstub = 0, nval = 0;
    for (size_t i = 0; i < nbc; i++)
        bc[i].stub ? nstub++ : nval++;
    if (!err && nval == 0)
        err = sk_xasprintf("--spread=%s: no columns to spread besides the row "
                   "labels", x->o->spread);
    if (!err) {
        for (size_t i = 0; i < nb; i++)
            rank[perm[i]] = i;
        t->ncols = nstub + nb * nval;
        t->head = new_row(t->ncols);
        t->right = sk_xcalloc(t->ncols, sizeof *t->right);
        t->nrows = nr;
        t->cell = sk_xcalloc(nr ? nr : 1, sizeof *t->cell);
        for (size_t r = 0; r < nr; r++)
            t->cell[r] = new_row(t->ncols);
        size_t *where = sk_xcalloc(nr * nb + 1, sizeof *where);
        for (size_t r = 0; r < in->nrows; r++) {
            size_t *w = &where[row[r] * nb + blk[r]];
            if (*w) {
                err = sk_xasprintf("%s:%lu: the same row labels and '%s' as line "
                           "%lu: more than one row would share a cell "
                           "(give the columns that tell them apart, or "
                           "--stub)", in->file, in->line[r], x->o->spread,
                           in->line[*w - 1]);
                break;
            }
            *w = r + 1;
            size_t base = nstub + rank[blk[r]] * nval, s = 0, v = 0;
            for (size_t i = 0; i < nbc; i++) {
                size_t c = bc[i].stub ? s++ : base + v++;
                if (bc[i].stub && t->cell[row[r]][c])
                    continue;
                t->cell[row[r]][c] = eval(x, &bc[i].cell, r);
            }
        }
        free(where);
        size_t s = 0, v = 0;
        for (size_t i = 0; i < nbc; i++) {
            if (bc[i].stub) {
                t->head[s] = eval(x, &bc[i].head, 0);
                t->right[s++] = bc[i].right;
                continue;
            }
            for (size_t b = 0; b < nb; b++) {
                size_t c = nstub + b * nval + v;
                t->head[c] = eval(x, &bc[i].head, 0);
                t->right[c] = bc[i].right;
            }
            v++;
        }
        t->nspans = nb;
        t->span = sk_xcalloc(nb + 1, sizeof *t->span);
        for (size_t b = 0; b < nb; b++) {
            const char *key = strmap_key(blocks, perm[b]);
            t->span[b].label = sk_xstrdup(key);
            t->span[b].first = nstub + b * nval;
            t->span[b].n = nval;
        }
    }
    free(perm);
    free(rank);
    free(blk);
    free(row);
    strmap_free(blocks);
    strmap_free(rows);
    return err;
}

static void plain_rows(struct ctx *x, struct bcol *bc, size_t nbc,
                       struct tabout *t)
{
    t->ncols = nbc;
    t->head = new_row(nbc);
    t->right = sk_xcalloc(nbc ? nbc : 1, sizeof *t->right);
    for (size_t i = 0; i < nbc; i++) {
        t->head[i] = eval(x, &bc[i].head, 0);
        t->right[i] = bc[i].right;
    }
    t->nrows = x->in->nrows;
    t->cell = sk_xcalloc(t->nrows ? t->nrows : 1, sizeof *t->cell);
    for (size_t r = 0; r < t->nrows; r++) {
        t->cell[r] = new_row(nbc);
        for (size_t i = 0; i < nbc; i++)
            t->cell[r][i] = eval(x, &bc[i].cell, r);
    }
    /* a preset's spanners: neighbours with the same label share one */
    for (size_t i = 0; i < nbc; i++) {
        if (!bc[i].has_span)
            continue;
        char *l = eval(x, &bc[i].span, 0);
        if (!l)
            continue;
        struct tabout_span *last = t->nspans ? &t->span[t->nspans - 1] : NULL;
        if (last && last->first + last->n == i &&
            strcmp(last->label, l) == 0) {
            last->n++;
            free(l);
            continue;
        }
        t->span = sk_xreallocarray(t->span, t->nspans + 1, sizeof *t->span);
        t->span[t->nspans].label = l;
        t->span[t->nspans].first = i;
        t->span[t->nspans++].n = 1;
    }
}

struct tabout *tabbuild(const struct tabin *in, const struct tabbuild_opts *o,
                        char **err, int *usage)
{
    struct ctx x = { in, o, NULL, 0 };
    struct bcol *bc = NULL;
    size_t nbc = 0;
    *usage = 1;
    if (o->spread && tabin_find(in, o->spread) == (size_t)-1) {
        size_t c;
        *err = NULL;
        if (colsel_one(o->spread, (const char *const *)in->name, in->ncols,
                       &c, err) == 0)
            *err = sk_xasprintf("no column '%s'", o->spread);
        char *m = sk_xasprintf("--spread: %s", *err);
        free(*err);
        *err = m;
        return NULL;
    }
    if ((*err = digits_options(&x)) != NULL ||
        (*err = columns(&x, &bc, &nbc)) != NULL) {
        free(x.col_digits);
        return NULL;
    }
    for (size_t i = 0; i < 2 * nbc; i++) {
        /* a header (and a spanner over it) shows one value: the column it
         * names must not vary */
        if (i % 2 && !bc[i / 2].has_span)
            continue;
        const struct tmpl *h = i % 2 ? &bc[i / 2].span : &bc[i / 2].head;
        for (size_t k = 0; k < h->nparts; k++) {
            size_t c = h->part[k].col;
            if (h->part[k].lit)
                continue;
            for (size_t r = 1; r < in->nrows; r++)
                if (strcmp(in->cell[r][c], in->cell[0][c]) != 0) {
                    *err = sk_xasprintf("%s:%lu: column '%s' is '%s' here and '%s' "
                                "on line %lu, but a header shows one value: "
                                "name it in a cell template instead",
                                in->file, in->line[r], in->name[c],
                                in->cell[r][c], in->cell[0][c],
                                in->line[0]);
                    *usage = 0;
                    free_columns(bc, nbc);
                    free(x.col_digits);
                    return NULL;
                }
        }
    }
    if (nbc == 0) {
        *err = sk_xasprintf("no columns to show");
        free(x.col_digits);
        free(bc);
        return NULL;
    }
    struct tabout *t = sk_xcalloc(1, sizeof *t);
    if (o->spread) {
        *err = spread_rows(&x, bc, nbc, t);
        if (*err) {
            *usage = strstr(*err, "--") == *err;
            tabout_free(t);
            free_columns(bc, nbc);
            free(x.col_digits);
            return NULL;
        }
    } else
        plain_rows(&x, bc, nbc, t);
    for (size_t r = 0; r < t->nrows; r++)
        fill_na(&x, t->cell[r], t->ncols);
    fill_na(&x, t->head, t->ncols);
    if (o->blank_repeats) {
        /* a row label the same as above, with those left of it: blank;
         * from the bottom up, so each row meets the original above it */
        size_t nstub = 0;
        while (nstub < nbc && nstub < t->ncols && bc[nstub].stub)
            nstub++;
        for (size_t r = t->nrows; r-- > 1;) {
            size_t same = 0;
            while (same < nstub &&
                   strcmp(t->cell[r][same], t->cell[r - 1][same]) == 0)
                same++;
            if (same == nstub && nstub)
                same--;      /* a whole label repeated: keep its last part */
            for (size_t c = 0; c < same; c++) {
                free(t->cell[r][c]);
                t->cell[r][c] = sk_xstrdup("");
            }
        }
    }
    for (size_t i = 0; i < o->nnotes; i++) {
        struct tmpl nt;
        int absent = 0;
        char *e = tmpl_parse(o->notes[i], in, &nt, &absent);
        if (!e && !absent && in->nrows) {
            char *v = eval(&x, &nt, 0);
            if (v)
                tabbuild_add_note(t, v);
            free(v);
        }
        free(e);
        tmpl_free(&nt);
    }
    if (o->row_notes)
        row_notes(&x, t);
    if (x.reversed_shown)
        tabbuild_add_note(t, "Items marked (R) are reverse-keyed.");
    free_columns(bc, nbc);
    free(x.col_digits);
    *usage = 0;
    return t;
}
