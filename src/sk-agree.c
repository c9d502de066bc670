/* sk-agree - agreement between two ratings of the same targets (the two
 * partners of a dyad, two raters, the same person twice) and reliability
 * across k raters. Part of surveykit. */
#include <config.h>

#include <getopt.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/agree.h"
#include "lib/cli.h"
#include "lib/codebook-cli.h"
#include "lib/codebook-data.h"
#include "lib/grouped.h"
#include "lib/match.h"
#include "lib/out.h"
#include "lib/strmap.h"
#include "lib/util.h"

enum {
    OPT_LEVEL = CLI_OPT_FIRST_PROGRAM_OPTION,
    OPT_WEIGHTS, OPT_ADJACENT
};

enum { F_GROUP = 1, F_ASIDE = 2 };

struct opts {
    double level, adjacent;
    enum stats_kappa_weights weights;
    unsigned flags;
};

/* One output row: one comparison (or set of raters) in one group. */
struct row {
    const char *variable, *rater_a, *rater_b, *group;
    const char *difference;     /* "B - A" (match.h), NULL with -c */
    size_t n, dropped, aside, k;
    double pct_exact, pct_adjacent, r, r_lo, r_hi, mean_diff;
    struct stats_kappa kappa, wkappa;
    struct stats_icc icc;
    const char *note;
    char notes[512];
};

#define R(field) offsetof(struct row, field)
static const struct out_col columns[] = {
    { "variable", OUT_TEXT, R(variable), "what is rated: the --value "
      "column (long form), A:B (-p), the stem NAME (--suffix, --prefix), "
      "or the -c list", 0 },
    { "rater_a", OUT_TEXT, R(rater_a), "the first rating: level A or "
      "column A (NA with -c)", 0 },
    { "rater_b", OUT_TEXT, R(rater_b), "the second rating", 0 },
    { "group", OUT_TEXT, R(group), "the group, with -g", F_GROUP },
    { "n", OUT_COUNT, R(n), "targets with every rating", 0 },
    { "n_dropped", OUT_COUNT, R(dropped), "targets with a rating missing "
      "(or a pair with one side only)", 0 },
    { "aside", OUT_COUNT, R(aside), "targets left out for a "
      "non-substantive answer (a missing=yes level of the codebook, e.g. "
      "Don't know), none missing; only when the codebook declares such a "
      "level", F_ASIDE },
    { "pct_exact", OUT_NUM, R(pct_exact), "% of pairs with the same "
      "answer", 0 },
    { "pct_adjacent", OUT_NUM, R(pct_adjacent), "% of pairs at most "
      "--adjacent (default 1) apart", 0 },
    { "kappa", OUT_NUM, R(kappa.kappa), "Cohen's kappa (po - pe) / (1 - "
      "pe) over the categories (Cohen 1960)", 0 },
    { "kappa_lo", OUT_NUM, R(kappa.lo), "kappa -+ z se, se of Fleiss, "
      "Cohen & Everitt (1969), cut to [-1, 1] (R's vcd::Kappa)", 0 },
    { "kappa_hi", OUT_NUM, R(kappa.hi), "its upper end", 0 },
    { "wkappa", OUT_NUM, R(wkappa.kappa), "weighted kappa, --weights "
      "quadratic (default: 1 - ((i - j)/(c - 1))^2) or linear", 0 },
    { "wkappa_lo", OUT_NUM, R(wkappa.lo), "its interval, as kappa's", 0 },
    { "wkappa_hi", OUT_NUM, R(wkappa.hi), "its upper end", 0 },
    { "icc1", OUT_NUM, R(icc.icc[0]), "one-way ICC(1,1) = (MSB - MSW) / "
      "(MSB + (k - 1) MSW): raters interchangeable, as the members of a "
      "dyad (Shrout & Fleiss 1979; psych::ICC's ICC1)", 0 },
    { "icc1_lo", OUT_NUM, R(icc.lo[0]), "its F interval", 0 },
    { "icc1_hi", OUT_NUM, R(icc.hi[0]), "its upper end", 0 },
    { "icc_a1", OUT_NUM, R(icc.icc[1]), "two-way absolute agreement "
      "ICC(2,1), McGraw & Wong's ICC(A,1): (MSB - MSE) / (MSB + (k - 1) "
      "MSE + k (MSJ - MSE) / n)", 0 },
    { "icc_a1_lo", OUT_NUM, R(icc.lo[1]), "its interval (Satterthwaite "
      "df)", 0 },
    { "icc_a1_hi", OUT_NUM, R(icc.hi[1]), "its upper end", 0 },
    { "icc_c1", OUT_NUM, R(icc.icc[2]), "two-way consistency ICC(3,1), "
      "McGraw & Wong's ICC(C,1): (MSB - MSE) / (MSB + (k - 1) MSE)", 0 },
    { "icc_c1_lo", OUT_NUM, R(icc.lo[2]), "its F interval", 0 },
    { "icc_c1_hi", OUT_NUM, R(icc.hi[2]), "its upper end", 0 },
    { "r", OUT_NUM, R(r), "Pearson's r of the two ratings", 0 },
    { "r_lo", OUT_NUM, R(r_lo), "its Fisher z interval (n >= 4; R's "
      "cor.test)", 0 },
    { "r_hi", OUT_NUM, R(r_hi), "its upper end", 0 },
    { "mean_diff", OUT_NUM, R(mean_diff), "mean of B - A (the paired "
      "tests: sk-paired)", 0 },
    { "k", OUT_COUNT, R(k), "raters (2 for a pair)", 0 },
    { "icc1k", OUT_NUM, R(icc.icc[3]), "average-measure ICC(1,k) = (MSB - "
      "MSW) / MSB: the reliability of the mean of the k ratings", 0 },
    { "icc1k_lo", OUT_NUM, R(icc.lo[3]), "its interval", 0 },
    { "icc1k_hi", OUT_NUM, R(icc.hi[3]), "its upper end", 0 },
    { "icc_ak", OUT_NUM, R(icc.icc[4]), "ICC(2,k) = ICC(A,k)", 0 },
    { "icc_ak_lo", OUT_NUM, R(icc.lo[4]), "its interval", 0 },
    { "icc_ak_hi", OUT_NUM, R(icc.hi[4]), "its upper end", 0 },
    { "icc_ck", OUT_NUM, R(icc.icc[5]), "ICC(3,k) = ICC(C,k) (= Cronbach's "
      "alpha of the raters)", 0 },
    { "icc_ck_lo", OUT_NUM, R(icc.lo[5]), "its interval", 0 },
    { "icc_ck_hi", OUT_NUM, R(icc.hi[5]), "its upper end", 0 },
    { "difference", OUT_TEXT, R(difference), "'B - A' in the names of "
      "rater_a and rater_b, the difference of mean_diff (NA with -c)", 0 },
    { "note", OUT_TEXT, R(note), "what needs saying: kappa undefined, no "
      "variance, perfect agreement ...", 0 },
};
#undef R
#define NCOLUMNS (sizeof columns / sizeof columns[0])

static const struct cli_name weight_names[] = {
    { "quadratic", STATS_KAPPA_QUADRATIC, 0 },
    { "linear", STATS_KAPPA_LINEAR, 0 },
    { "Fleiss-Cohen", STATS_KAPPA_QUADRATIC, 1 },
    { "Equal-Spacing", STATS_KAPPA_LINEAR, 1 },
    { NULL, 0, 0 }
};

static void usage(void)
{
    printf("Usage: %s [OPTION]... [FILE]\n", sk_program_name());
    fputs(
"Agreement between two ratings of the same targets (the two partners of a\n"
"dyad, two raters, the same person twice): percentage agreement, Cohen's\n"
"kappa and weighted kappa, the intraclass correlations and Pearson's r;\n"
"and the intraclass correlations of k raters. One tab-separated row per\n"
"comparison (and group). With no FILE, or when FILE is -, read standard\n"
"input.\n"
"\n"
"Long form (one row per partner of a dyad, or per rater and target):\n"
"      --id=COLUMN          rows with the same id are one pair\n"
"      --within=COLUMN      the column telling the role (or rater)\n"
"      --levels=A,B         its two values\n"
"      --value=LIST         the rated columns, one comparison each\n"
"Wide form (one row per target):\n"
"  -p, --pair=A:B           two columns rating the same thing; repeatable\n"
"      --suffix=PRE:POST    pair every column NAME+PRE with NAME+POST\n"
"      --prefix=PRE:POST    pair every column PRE+NAME with POST+NAME\n"
"k raters (one row per target, one column per rater):\n"
"  -c, --columns=LIST       the raters' columns (two or more): one row for\n"
"                           them all; kappa, r and the percentages need two\n"
"      --codebook=FILE      answers as labels, mapped to their codes; kappa's\n"
"                           categories are the items' declared levels (not\n"
"                           the missing=yes ones: a target with a Don't know\n"
"                           is left out, counted in 'aside'); codes as\n"
"                           answered (reverse keying is not applied)\n"
"\n", stdout);
    fputs(cli_common_help, stdout);
    fputs(
"Statistics:\n"
"      --weights=W          weighted kappa: quadratic (default; Fleiss-Cohen)\n"
"                           or linear (Equal-Spacing)\n"
"      --adjacent=D         pct_adjacent: answers at most D apart (default 1)\n"
"      --level=P            confidence level, 0 < P < 1 (default 0.95)\n"
"\n"
"Kappa's categories are the declared levels of a codebook, or else every\n"
"integer from the lowest to the highest code seen, so that a level nobody\n"
"chose still counts (a code that is not an integer: kappa NA). Which ICC:\n"
"icc1 when the two ratings of a target are interchangeable (the partners\n"
"of a dyad, raters drawn anew for each target); icc_a1 when the same\n"
"raters rate every target and their levels should agree; icc_c1 when only\n"
"their ordering should (a rater who is always one point higher still\n"
"agrees). The k forms are the reliability of the mean of the k ratings.\n"
"\n"
"Output columns:\n", stdout);
    out_help(stdout, columns, NCOLUMNS);
    fputs("\nReferences: J. Cohen (1960, 1968); J. L. Fleiss, J. Cohen & B. S.\n"
          "Everitt (1969), Psychological Bulletin 72, 323-327; P. E. Shrout &\n"
          "J. L. Fleiss (1979), Psychological Bulletin 86, 420-428; K. O.\n"
          "McGraw & S. P. Wong (1996), Psychological Methods 1, 30-46.\n\n",
          stdout);
    fputs(codebook_help, stdout);
    fputs("\n", stdout);
    fputs(cli_exit_help, stdout);
}

static void add_note(struct row *r, const char *text)
{
    size_t len = strlen(r->notes);
    snprintf(r->notes + len, sizeof r->notes - len, "%s%s",
             len ? "; " : "", text);
    r->note = r->notes;
}

/* Kappa's categories: the declared levels (CODES, NC, when not NULL), or
 * every integer from the lowest to the highest rating; the c x c table
 * of the n pairs. Returns 0, or -1 (with a note) when there is none. */
#define MAX_CATEGORIES 1000
static int kappa_table(const double *a, const double *b, size_t n,
                       const double *codes, size_t nc, unsigned long **t,
                       size_t *c, struct row *r)
{
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (!codes && (a[i] != floor(a[i]) || b[i] != floor(b[i]))) {
            add_note(r, "kappa needs integer codes or a codebook");
            return -1;
        }
        lo = fmin(lo, fmin(a[i], b[i]));
        hi = fmax(hi, fmax(a[i], b[i]));
    }
    if (!codes && hi - lo + 1 > MAX_CATEGORIES) {
        add_note(r, "kappa: more than 1000 categories");
        return -1;
    }
    *c = codes ? nc : (size_t)(hi - lo + 1);
    *t = sk_xcalloc(*c * *c, sizeof **t);
    for (size_t i = 0; i < n; i++) {
        size_t ia = 0, ib = 0;
        if (codes) {
            while (ia < nc && codes[ia] != a[i])
                ia++;
            while (ib < nc && codes[ib] != b[i])
                ib++;
        } else {
            ia = (size_t)(a[i] - lo);
            ib = (size_t)(b[i] - lo);
        }
        if (ia >= *c || ib >= *c) {     /* items with other levels */
            free(*t);
            add_note(r, "kappa: the raters' items have different levels");
            return -1;
        }
        (*t)[ia * *c + ib]++;
    }
    return 0;
}

/* The statistics of two ratings of n targets. */
static void two_ratings(const double *a, const double *b, size_t n,
                        const double *codes, size_t nc, const struct opts *o,
                        struct row *r)
{
    size_t same = 0, near = 0;
    long double d = 0;
    for (size_t i = 0; i < n; i++) {
        same += a[i] == b[i];
        near += fabs(b[i] - a[i]) <= o->adjacent;
        d += (long double)b[i] - a[i];
    }
    r->pct_exact = n ? 100.0 * (double)same / (double)n : NAN;
    r->pct_adjacent = n ? 100.0 * (double)near / (double)n : NAN;
    r->mean_diff = n ? (double)(d / (long double)n) : NAN;
    r->kappa.kappa = r->kappa.lo = r->kappa.hi = NAN;
    r->wkappa = r->kappa;
    unsigned long *t;
    size_t c;
    if (n && kappa_table(a, b, n, codes, nc, &t, &c, r) == 0) {
        stats_kappa(t, c, STATS_KAPPA_NONE, o->level, &r->kappa);
        stats_kappa(t, c, o->weights, o->level, &r->wkappa);
        if (r->kappa.flags & STATS_AG_ONE_CATEGORY)
            add_note(r, "kappa undefined: every rating in one category");
        free(t);
    }
    stats_cor_z(a, b, n, o->level, &r->r, &r->r_lo, &r->r_hi);
}

/* The notes of the counts and of the ICCs. */
static void icc_notes(struct row *r, const double *a, const double *b)
{
    const char *who[2] = { r->rater_a, r->rater_b };
    const double *x[2] = { a, b };
    for (int s = 0; a && s < 2 && r->n >= 2; s++) {
        size_t i = 1;
        while (i < r->n && x[s][i] == x[s][0])
            i++;
        if (i == r->n) {
            char buf[300];
            snprintf(buf, sizeof buf, "no variance in rater '%.200s'",
                     who[s] ? who[s] : "");
            add_note(r, buf);
        }
    }
    if (r->icc.flags & STATS_AG_NO_VARIANCE)
        add_note(r, "no variance at all: the ICCs are undefined");
    else if (r->icc.flags & STATS_AG_PERFECT)
        add_note(r, r->icc.msw == 0
                 ? "perfect agreement: the ICC intervals are undefined"
                 : "the raters differ by a constant: the two-way ICC "
                   "intervals are undefined");
    if (r->icc.flags & STATS_AG_IMPRECISE)
        add_note(r, "an ICC interval: libRmath's beta quantile may be "
                    "inaccurate");
}

/* Every statistic of N targets by K raters (x row-major; for k = 2 also
 * a[] and b[], the two columns). */
static void agree_row(const double *x, const double *a, const double *b,
                      size_t n, size_t k, const double *codes, size_t nc,
                      const struct opts *o, struct row *r)
{
    r->n = n;
    r->k = k;
    if (n == 0)
        add_note(r, "no complete pairs");
    else if (n == 1)
        add_note(r, "one pair");
    if (k == 2)
        two_ratings(a, b, n, codes, nc, o, r);
    else {
        r->pct_exact = r->pct_adjacent = r->r = r->r_lo = r->r_hi = NAN;
        r->mean_diff = NAN;
        r->kappa.kappa = r->kappa.lo = r->kappa.hi = NAN;
        r->wkappa = r->kappa;
    }
    stats_icc(x, n, k, o->level, &r->icc);
    icc_notes(r, k == 2 ? a : NULL, b);
}

/* ---- the pair forms (match.c) ---- */

/* The names of comparison C (match.h): the variable, the raters (the
 * two columns, or the two levels of the long form), the difference. */
static void pair_names(const struct match *m, size_t c, struct row *r)
{
    const struct match_cmp *mc = &m->cmp[c];
    r->variable = mc->variable;
    r->rater_a = mc->before;
    r->rater_b = mc->after;
    r->difference = mc->difference;
}

static void pair_rows(const struct match *m, const struct opts *o,
                      struct row **rows, size_t *nrow)
{
    size_t ng = m->pairs.ngroups, n = m->ncmp * ng;
    *rows = sk_xcalloc(n ? n : 1, sizeof **rows);
    *nrow = n;
    for (size_t c = 0; c < m->ncmp; c++)
        for (size_t g = 0; g < ng; g++) {
            size_t i = c * ng + g;
            struct row *r = &(*rows)[i];
            const struct grouped_cell *p = match_pairs(m, g, c);
            pair_names(m, c, r);
            r->group = match_group(m, g);
            r->dropped = p->dropped;
            r->aside = p->aside;
            double *x = sk_xcalloc(2 * p->n + 1, sizeof *x);
            double *a = sk_xcalloc(p->n + 1, sizeof *a);
            double *b = sk_xcalloc(p->n + 1, sizeof *b);
            for (size_t j = 0; j < p->n; j++) {
                a[j] = x[2 * j] = p->side[0][j].x;
                b[j] = x[2 * j + 1] = p->side[1][j].x;
            }
            const struct codebook_levels *L = match_levels(m, c, 0);
            double *codes = NULL;
            size_t nc = L ? L->n : 0;
            if (L) {
                codes = sk_xcalloc(nc, sizeof *codes);
                for (size_t l = 0; l < nc; l++)
                    codes[l] = L->level[l].code;
            }
            agree_row(x, a, b, p->n, 2, codes, nc, o, r);
            free(codes);
            free(x);
            free(a);
            free(b);
        }
}

/* ---- k raters (-c, through the codebook reader) ---- */

struct raters {
    double *x;                 /* n rows of k */
    size_t n, cap, dropped, aside;
};

/* What the rows of rater_rows point into, freed after printing. */
struct kept {
    struct codebook *cb;
    struct strmap *groups;
};

static void rater_rows(const struct cli_common *cli, const char *codebook,
                       struct opts *o, struct row **rows,
                       size_t *nrow, struct kept *kept)
{
    struct codebook_opts co = { .path = codebook, .columns = cli->in.columns,
                                .by = cli->in.by, .data = cli->in.path };
    codebook_opts_check(&co);
    struct input *in = input_open_raw(&cli->in);
    size_t *items, k;
    struct codebook *cb = codebook_setup(&co, in, &items, &k);
    if (k < 2)
        sk_usage_error("-c needs two or more raters' columns");
    if (codebook_has_aside(cb))
        o->flags |= F_ASIDE;
    struct codebook_data *d = codebook_data_open(cb, in, items, k, co.by);
    struct strmap *groups = strmap_new();
    struct group_table gt;
    group_table_init(&gt, 1, sizeof(struct raters), NULL);
    double *code = sk_xcalloc(k, sizeof *code);
    struct input_row row;
    while (codebook_data_next(d, code, &row)) {
        size_t g = row.group ? strmap_intern(groups, row.group,
                                             row.group_len, NULL) : 0;
        struct raters *R = group_table_row(&gt, g);
        const struct codebook_answer *ans = codebook_data_answers(d);
        int complete = 1, missing = 0;
        for (size_t j = 0; j < k; j++) {
            complete &= !isnan(code[j]);
            missing |= ans[j].kind == CODEBOOK_ANSWER_MISSING;
        }
        if (!complete) {
            if (missing)
                R->dropped++;
            else
                R->aside++;
            continue;
        }
        if (R->n == R->cap) {
            R->cap = R->cap ? 2 * R->cap : 256;
            R->x = sk_xreallocarray(R->x, R->cap * k, sizeof *R->x);
        }
        memcpy(R->x + R->n * k, code, k * sizeof *code);
        R->n++;
    }
    if (!gt.ngroups)
        group_table_row(&gt, 0);
    /* kappa's categories: the first item's declared levels, if any */
    const struct codebook_item *it0 = &cb->item[items[0]];
    double *codes = NULL;
    size_t nc = 0;
    if (it0->levels != CODEBOOK_NONE) {
        const struct codebook_levels *L = &cb->levels[it0->levels];
        nc = L->n;
        codes = sk_xcalloc(nc, sizeof *codes);
        for (size_t l = 0; l < nc; l++)
            codes[l] = L->level[l].code;
    }
    struct raters *rs = gt.cell;
    *nrow = gt.ngroups;
    *rows = sk_xcalloc(*nrow, sizeof **rows);
    for (size_t g = 0; g < *nrow; g++) {
        struct row *r = &(*rows)[g];
        r->variable = cli->in.columns;
        r->group = cli->in.by ? strmap_key(groups, g) : NULL;
        r->dropped = rs[g].dropped;
        r->aside = rs[g].aside;
        double *a = NULL, *b = NULL;
        if (k == 2) {
            a = sk_xcalloc(rs[g].n + 1, sizeof *a);
            b = sk_xcalloc(rs[g].n + 1, sizeof *b);
            for (size_t i = 0; i < rs[g].n; i++) {
                a[i] = rs[g].x[2 * i];
                b[i] = rs[g].x[2 * i + 1];
            }
            r->rater_a = cb->item[items[0]].name;
            r->rater_b = cb->item[items[1]].name;
        }
        agree_row(rs[g].x, a, b, rs[g].n, k, codes, nc, o, r);
        r->rater_a = r->rater_b = NULL;    /* -c: the raters are columns,
                                              named in variable */
        free(a);
        free(b);
        free(rs[g].x);
    }
    free(rs);
    free(code);
    free(codes);
    free(items);
    codebook_data_close(d);
    input_close(in);
    *kept = (struct kept){ cb, groups };    /* the rows' names */
}

static void parse_args(int argc, char **argv, struct cli_common *c,
                       struct match_spec *s, struct opts *o)
{
    static const struct option longopts[] = {
        CLI_COMMON_LONGOPTS,
        MATCH_LONGOPTS,
        { "level", required_argument, NULL, OPT_LEVEL },
        { "weights", required_argument, NULL, OPT_WEIGHTS },
        { "adjacent", required_argument, NULL, OPT_ADJACENT },
        { NULL, 0, NULL, 0 }
    };
    int opt;
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS MATCH_SHORTOPTS,
                              longopts, NULL)) != -1) {
        if (cli_common(c, opt, optarg, usage) || match_option(s, opt, optarg))
            continue;
        switch (opt) {
        case OPT_LEVEL: o->level = cli_level("--level", optarg); break;
        case OPT_WEIGHTS:
            o->weights = cli_choice("--weights", optarg, weight_names);
            break;
        case OPT_ADJACENT:
            o->adjacent = cli_double("--adjacent", optarg, 0, 1e300);
            break;
        default:
            sk_try_help();
        }
    }
    cli_file_operand(c, argc, argv);
    int pairs = s->npair || s->suffix || s->prefix || s->id || s->within ||
                s->levels || s->value;
    if (c->in.columns && pairs)
        sk_usage_error("give either -c (k raters) or pairs (-p, --suffix, "
                       "--prefix, or the long form), not both");
    if (!c->in.columns && !pairs)
        sk_usage_error("nothing to compare: give -c RATERS, -p A:B, "
                       "--suffix, --prefix, or --id, --within, --levels and "
                       "--value");
    c->in.suggest_codebook = !s->codebook;
    if (c->in.by)
        o->flags |= F_GROUP;
}

int main(int argc, char **argv)
{
    struct cli_common cli;
    struct match_spec spec = { 0 };
    struct opts o = { 0.95, 1, STATS_KAPPA_QUADRATIC, 0 };
    cli_start(argv[0], &cli);
    parse_args(argc, argv, &cli, &spec, &o);

    struct row *rows;
    size_t nrow;
    struct match *m = NULL;
    struct kept kept = { NULL, NULL };
    if (cli.in.columns)
        rater_rows(&cli, spec.codebook, &o, &rows, &nrow, &kept);
    else {
        m = match_read(&spec, &cli.in);
        if (m->has_aside)
            o.flags |= F_ASIDE;
        pair_rows(m, &o, &rows, &nrow);
    }

    struct out out;
    out_init(&out, stdout, cli.precision);
    out_header(&out, columns, NCOLUMNS, o.flags);
    out_end_row(&out);
    for (size_t i = 0; i < nrow; i++) {
        out_cells(&out, columns, NCOLUMNS, o.flags, &rows[i]);
        out_end_row(&out);
    }
    free(rows);
    match_spec_free(&spec);
    if (m)
        match_free(m);
    if (kept.cb) {
        codebook_free(kept.cb);
        strmap_free(kept.groups);
    }
    return SK_EXIT_OK;
}
