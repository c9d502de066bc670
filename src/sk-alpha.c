/* sk-alpha - reliability of scales: Cronbach's alpha and item analysis.
 * Part of surveykit. */
#include <config.h>

#include <getopt.h>
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cli.h"
#include "lib/codebook-cli.h"
#include "lib/codebook-data.h"
#include "lib/grouped.h"
#include "lib/input.h"
#include "lib/likert.h"
#include "lib/out.h"
#include "lib/strmap.h"
#include "lib/util.h"

/* One row of each table, and their columns: header, cells and --help
 * from these tables. */
struct scale_row {
    const char *scale, *group;
    size_t k, n, dropped, aside;
    double raw_alpha, std_alpha, alpha_lo, alpha_hi, mean_r, score_mean,
           score_sd;
    const char *negative_items;
};
struct item_row {
    const char *scale, *group, *item;
    double mean, sd, r_drop, alpha_if_deleted, raw_r, std_alpha_if_deleted,
           mean_r_if_deleted;
    const char *negative;
};

enum { COL_GROUP = 1,       /* the group column, with --by */
       COL_ASIDE = 2 };     /* aside: the codebook declares non-substantive
                               levels */
#define SC(f, k, h) { #f, k, offsetof(struct scale_row, f), h, 0 }
#define IC(f, k, h) { #f, k, offsetof(struct item_row, f), h, 0 }
static const struct out_col scale_cols[] = {
    SC(scale, OUT_TEXT, "the scale's name"),
    { "group", OUT_TEXT, offsetof(struct scale_row, group),
      "the group (only with --by)", COL_GROUP },
    SC(k, OUT_COUNT, "number of items"),
    SC(n, OUT_COUNT, "complete rows used (every item answered)"),
    SC(dropped, OUT_COUNT, "rows left out for a missing answer"),
    { "aside", OUT_COUNT, offsetof(struct scale_row, aside), "rows left out "
      "for a non-substantive answer (a missing=yes level, e.g. Don't know), "
      "none missing; only when the codebook declares such a level",
      COL_ASIDE },
    SC(raw_alpha, OUT_NUM, "Cronbach's alpha from the covariances"),
    SC(std_alpha, OUT_NUM, "standardised alpha, from the correlations"),
    SC(alpha_lo, OUT_NUM, "lower end of Feldt's interval of raw_alpha "
       "(--level)"),
    SC(alpha_hi, OUT_NUM, "upper end of Feldt's interval"),
    SC(mean_r, OUT_NUM, "mean inter-item correlation"),
    SC(score_mean, OUT_NUM, "mean of the scale score (mean or sum of the "
       "items)"),
    SC(score_sd, OUT_NUM, "its standard deviation"),
    SC(negative_items, OUT_TEXT, "items correlating negatively with the rest "
       "(or -)"),
};
static const struct out_col item_cols[] = {
    IC(scale, OUT_TEXT, ""),
    { "group", OUT_TEXT, offsetof(struct item_row, group), "", COL_GROUP },
    IC(item, OUT_TEXT, "the item's name"),
    IC(mean, OUT_NUM, "mean of the item as scored (after reverse keying)"),
    IC(sd, OUT_NUM, "its standard deviation"),
    IC(r_drop, OUT_NUM, "item-rest correlation (corrected item-total)"),
    IC(alpha_if_deleted, OUT_NUM, "raw alpha of the other items (k >= 3)"),
    IC(raw_r, OUT_NUM, "item-total correlation (the item included)"),
    IC(std_alpha_if_deleted, OUT_NUM, "standardised alpha of the other "
       "items"),
    IC(mean_r_if_deleted, OUT_NUM, "mean inter-item correlation of the "
       "others"),
    IC(negative, OUT_TEXT, "yes when r_drop < 0: keyed the wrong way?"),
};

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

enum {
    OPT_FIRST = CLI_OPT_FIRST_PROGRAM_OPTION,
    OPT_ITEMS,
    OPT_LEVEL
};

static void usage(void)
{
    printf("Usage: %s [OPTION]... [FILE]\n", sk_program_name());
    fputs(
"Reliability of scales: Cronbach's alpha, standardised alpha, Feldt's\n"
"interval and the mean inter-item correlation, one row per scale (and\n"
"group with --by); with --items, the item analysis instead. Items are\n"
"taken after reverse keying. Only complete rows (every item of the scale\n"
"answered) are used, as psych::alpha on complete data and SPSS's\n"
"RELIABILITY (listwise); 'dropped' counts the others.\n"
"With no FILE, or when FILE is -, read standard input.\n"
"\n", stdout);
    fputs(cli_common_help, stdout);
    fputs(
"Scales:\n"
"      --codebook=FILE  the codebook (below) declares the scales and items\n"
"      --scales=LIST    only these scales of the codebook, comma-separated\n"
"                       (default: all, in codebook order)\n"
"Without a codebook, the -c columns (numeric codes) make one scale:\n"
"      --name=NAME      its name in the output (default: scale)\n"
"      --scoring=HOW    mean (default) or sum: the scale score of\n"
"                       score_mean and score_sd\n"
"      --reverse=LIST   reverse-keyed columns, scored (LO + HI) - code;\n"
"                       needs --range\n"
"      --range=LO:HI    the lowest and highest possible codes; a code\n"
"                       outside is an error\n"
"Statistics:\n"
"      --items          one row per item of each scale (columns below)\n"
"      --level=P        confidence level of the interval, 0 < P < 1\n"
"                       (default 0.95)\n"
"\n"
"Output columns (tab-separated, one header row):\n", stdout);
    out_help(stdout, scale_cols, NELEM(scale_cols));
    fputs("With --items, after scale and group:\n", stdout);
    out_help(stdout, item_cols + 2, NELEM(item_cols) - 2);
    fputs(
"\n"
"An item that correlates negatively with the rest of its scale is also\n"
"reported on standard error. Values that cannot be computed (fewer than 2\n"
"items or rows, an item without variance) are NA.\n"
"\n", stdout);
    fputs(codebook_help, stdout);
    fputs("\n", stdout);
    fputs(cli_exit_help, stdout);
}

/* A note on standard error for every NA that the data (not the options)
 * make: too few rows or items, an item without variance, a sum without
 * variance, an interval that libRmath could not give precisely. X is
 * the first complete row (NULL when none). */
static void notes(const struct codebook_scale *S, const struct codebook *cb,
                  const char *gtext, const double *x,
                  const struct likert_alpha *a,
                  const struct likert_alpha_item *it)
{
    size_t k = S->nitems;
    if (a->out_of_range)
        sk_error("scale '%s'%s: the score's %s is beyond the range of a "
                 "double (about 1.8e308): NA", S->name, gtext,
                 isnan(a->mean) ? "mean" : "sd");
    if (k < 2) {
        sk_error("scale '%s'%s: one item: alpha is NA (it needs 2 or more)",
                 S->name, gtext);
        return;
    }
    if (a->n < 2) {
        sk_error("scale '%s'%s: %zu complete row%s (every item answered): "
                 "alpha is NA (it needs 2 or more)", S->name, gtext, a->n,
                 a->n == 1 ? "" : "s");
        return;
    }
    if (a->constant > 8)
        sk_error("scale '%s'%s: %zu of the %zu items have no variance (the "
                 "same answer in every row): their correlations, std_alpha "
                 "and mean_r are NA", S->name, gtext, a->constant, k);
    else
        for (size_t j = 0; j < k; j++)
            if (!(it[j].sd > 0))
                sk_error("scale '%s'%s: item '%s' has no variance (every "
                         "answer %.15g): its correlations, std_alpha and "
                         "mean_r are NA", S->name, gtext,
                         cb->item[S->item[j]].name, x[j]);
    if (isnan(a->raw))
        sk_error("scale '%s'%s: the sum of the items has no variance: "
                 "raw_alpha is NA", S->name, gtext);
    else if (a->imprecise)
        sk_error("scale '%s'%s: Feldt's interval is NA: libRmath's beta "
                 "quantile may be inaccurate at %zu rows", S->name, gtext,
                 a->n);
    else if (isnan(a->lo))
        sk_error("scale '%s'%s: Feldt's interval could not be computed",
                 S->name, gtext);
    if (k >= 3 && !isnan(a->raw))
        for (size_t j = 0; j < k; j++)
            if (isnan(it[j].alpha_drop))
                sk_error("scale '%s'%s: without item '%s' the sum has no "
                         "variance: its alpha_if_deleted is NA", S->name,
                         gtext, cb->item[S->item[j]].name);
    if (!isnan(a->raw) && isnan(a->std) && a->constant == 0)
        sk_error("scale '%s'%s: the sum of the standardised items has no "
                 "variance: std_alpha is NA", S->name, gtext);
}

/* The sums of the complete rows of one scale in one group (no rows
 * kept), and the rows seen and set aside. */
struct rows {
    struct likert_sums *sums;     /* NULL until the first complete row */
    size_t seen, aside;
};

/* Everything a run holds: the codebook, its chosen scales, the complete
 * answers of each (group, scale) and the results. */
struct run {
    struct codebook *cb;
    const struct codebook_opts *co;
    size_t *items, n;          /* the items read */
    size_t *sc, nsc;           /* the chosen scales */
    size_t *pos;               /* item -> its position in the row read */
    struct strmap *groups;
    struct rows *rows;         /* [group * nsc + scale] */
    size_t ngroups;
    struct likert_alpha *res;
    struct likert_alpha_item **ires;
};

static void parse_args(int argc, char **argv, struct cli_common *cli,
                       struct codebook_scale_args *sa, int *by_item,
                       double *level)
{
    static const struct option longopts[] = {
        CLI_COMMON_LONGOPTS,
        CODEBOOK_SCALE_LONGOPTS,
        { "items", no_argument, NULL, OPT_ITEMS },
        { "level", required_argument, NULL, OPT_LEVEL },
        { NULL, 0, NULL, 0 }
    };
    int opt;
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1) {
        if (cli_common(cli, opt, optarg, usage) ||
            codebook_scale_option(sa, opt, optarg))
            continue;
        switch (opt) {
        case OPT_ITEMS:
            *by_item = 1;
            break;
        case OPT_LEVEL:
            *level = cli_level("--level", optarg);
            break;
        default:
            sk_try_help();
        }
    }
    cli_file_operand(cli, argc, argv);
    codebook_scale_finish(sa, &cli->in, "scale", NULL);
    cli->in.suggest_codebook = !sa->co.path;
}

/* One row's answers into the complete cases of each scale of its group. */
static void add_row(const struct run *u, struct rows *grow,
                    const double *code, const struct codebook_answer *ans,
                    double *vals)
{
    for (size_t s = 0; s < u->nsc; s++) {
        const struct codebook_scale *S = &u->cb->scale[u->sc[s]];
        struct rows *R = &grow[s];
        int complete = 1;
        R->seen++;
        for (size_t j = 0; j < S->nitems && complete; j++) {
            size_t it = S->item[j];
            vals[j] = codebook_keyed(u->cb, it, code[u->pos[it]]);
            complete = !isnan(vals[j]);
        }
        if (!complete) {
            int missing = 0;
            for (size_t j = 0; j < S->nitems; j++)
                missing |= ans[u->pos[S->item[j]]].kind ==
                           CODEBOOK_ANSWER_MISSING;
            R->aside += !missing;
            continue;
        }
        if (!R->sums)
            R->sums = likert_sums_new(S->nitems);
        likert_sums_add(R->sums, vals);
    }
}

/* Every row of IN into U->rows (complete cases per group and scale). */
static void read_rows(struct run *u, struct input *in)
{
    u->pos = sk_xcalloc(u->cb->nitems, sizeof *u->pos);
    for (size_t i = 0; i < u->n; i++)
        u->pos[u->items[i]] = i;
    size_t kmax = 0;
    for (size_t s = 0; s < u->nsc; s++)
        if (u->cb->scale[u->sc[s]].nitems > kmax)
            kmax = u->cb->scale[u->sc[s]].nitems;
    struct codebook_data *d = codebook_data_open(u->cb, in, u->items, u->n,
                                                 u->co->by);
    u->groups = strmap_new();
    struct group_table gt;
    group_table_init(&gt, u->nsc, sizeof(struct rows), NULL);
    double *code = sk_xcalloc(u->n, sizeof *code);
    double *vals = sk_xcalloc(kmax, sizeof *vals);
    struct input_row row;
    while (codebook_data_next(d, code, &row)) {
        size_t g = row.group ? strmap_intern(u->groups, row.group,
                                             row.group_len, NULL) : 0;
        add_row(u, group_table_row(&gt, g), code, codebook_data_answers(d),
                vals);
    }
    u->rows = gt.cell;
    u->ngroups = gt.ngroups;
    free(code);
    free(vals);
    codebook_data_close(d);
}

/* Alpha of every (group, scale), with its notes and warnings. */
static void compute(struct run *u, double level)
{
    size_t nres = u->ngroups * u->nsc;
    u->res = sk_xcalloc(nres ? nres : 1, sizeof *u->res);
    u->ires = sk_xcalloc(nres ? nres : 1, sizeof *u->ires);
    for (size_t s = 0; s < u->nsc; s++) {
        const struct codebook_scale *S = &u->cb->scale[u->sc[s]];
        for (size_t g = 0; g < u->ngroups; g++) {
            size_t r = g * u->nsc + s;
            struct rows *R = &u->rows[r];
            u->ires[r] = sk_xcalloc(S->nitems, sizeof **u->ires);
            if (!R->sums)
                R->sums = likert_sums_new(S->nitems);
            likert_sums_alpha(R->sums, S->sum, level, &u->res[r],
                              u->ires[r]);
            char gtext[256] = "";
            if (u->co->by)
                snprintf(gtext, sizeof gtext, ", group '%s'",
                         strmap_key(u->groups, g));
            notes(S, u->cb, gtext, likert_sums_first(R->sums), &u->res[r],
                  u->ires[r]);
            for (size_t j = 0; j < S->nitems; j++)
                if (u->ires[r][j].r_drop < 0)
                    sk_error("scale '%s'%s: item '%s' correlates negatively "
                             "with the rest of the scale (r_drop = %.3g): "
                             "is it keyed the right way?", S->name, gtext,
                             u->cb->item[S->item[j]].name,
                             u->ires[r][j].r_drop);
        }
    }
}

/* The items of scale S with a negative r_drop, comma-separated, or "-"
 * (to free()). */
static char *negative_items(const struct run *u,
                            const struct codebook_scale *S,
                            const struct likert_alpha_item *ir)
{
    size_t cap = 2, len = 0;
    char *neg = sk_xmalloc(cap);
    neg[0] = '\0';
    for (size_t j = 0; j < S->nitems; j++)
        if (ir[j].r_drop < 0) {
            const char *name = u->cb->item[S->item[j]].name;
            size_t need = len + strlen(name) + 2;
            if (need > cap)
                neg = sk_xrealloc(neg, cap = 2 * need);
            len += (size_t)sprintf(neg + len, "%s%s", len ? "," : "", name);
        }
    if (!len)
        strcpy(neg, "-");
    return neg;
}

static void print_rows(const struct run *u, int by_item, int precision)
{
    struct out o;
    out_init(&o, stdout, precision);
    unsigned flags = (u->co->by ? COL_GROUP : 0) |
                     (codebook_has_aside(u->cb) ? COL_ASIDE : 0);
    if (by_item)
        out_header(&o, item_cols, NELEM(item_cols), flags);
    else
        out_header(&o, scale_cols, NELEM(scale_cols), flags);
    out_end_row(&o);
    for (size_t s = 0; s < u->nsc; s++) {
        const struct codebook_scale *S = &u->cb->scale[u->sc[s]];
        for (size_t g = 0; g < u->ngroups; g++) {
            size_t r = g * u->nsc + s;
            const struct likert_alpha *a = &u->res[r];
            const char *gname = u->co->by ? strmap_key(u->groups, g) : NULL;
            for (size_t j = 0; by_item && j < S->nitems; j++) {
                const struct likert_alpha_item *it = &u->ires[r][j];
                struct item_row ir = {
                    S->name, gname, u->cb->item[S->item[j]].name, it->mean,
                    it->sd, it->r_drop, it->alpha_drop, it->raw_r,
                    it->std_drop, it->mean_r_drop,
                    it->r_drop < 0 ? "yes" : "no"
                };
                out_cells(&o, item_cols, NELEM(item_cols), flags, &ir);
                out_end_row(&o);
            }
            if (by_item)
                continue;
            char *neg = negative_items(u, S, u->ires[r]);
            struct scale_row sr = {
                S->name, gname, a->k, a->n,
                u->rows[r].seen - a->n - u->rows[r].aside,
                u->rows[r].aside, a->raw, a->std, a->lo, a->hi, a->mean_r, a->mean, a->sd, neg
            };
            out_cells(&o, scale_cols, NELEM(scale_cols), flags, &sr);
            out_end_row(&o);
            free(neg);
        }
    }
}

static void run_free(struct run *u)
{
    for (size_t r = 0; r < u->ngroups * u->nsc; r++) {
        likert_sums_free(u->rows[r].sums);
        free(u->ires[r]);
    }
    free(u->rows);
    free(u->ires);
    free(u->res);
    free(u->pos);
    free(u->sc);
    free(u->items);
    strmap_free(u->groups);
    codebook_free(u->cb);
}

int main(int argc, char **argv)
{
    struct cli_common cli;
    struct codebook_scale_args sa = { { 0 }, NULL, NULL, NULL };
    int by_item = 0;
    double level = 0.95;
    cli_start(argv[0], &cli);
    parse_args(argc, argv, &cli, &sa, &by_item, &level);

    struct input *in = input_open_raw(&cli.in);
    struct run u = { .co = &sa.co };
    u.cb = codebook_setup(&sa.co, in, &u.items, &u.n);
    u.sc = codebook_chosen_scales(u.cb, sa.scales, &u.nsc);
    read_rows(&u, in);
    compute(&u, level);        /* everything computed and warned, */
    print_rows(&u, by_item, cli.precision);    /* then printed */
    run_free(&u);
    input_close(in);
    return SK_EXIT_OK;
}
