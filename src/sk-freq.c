/* sk-freq - frequency tables of Likert items, and their summary.
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
#include "lib/freqtab.h"
#include "lib/grouppipe.h"
#include "lib/grouped.h"
#include "lib/input.h"
#include "lib/likert.h"
#include "lib/prop.h"
#include "lib/numparse.h"
#include "lib/out.h"
#include "lib/strmap.h"
#include "lib/util.h"

/* One row of the long table and of the summary, and their columns after
 * 'item' (and 'group'): header, cells and --help from these tables. */
struct long_row {
    const char *item, *group, *label;
    double level, percent, cum_percent;
    size_t count, n, missing, aside;
};
struct summary_row {
    const char *item, *group;
    size_t n, missing, aside, n_low, n_neutral, n_high;
    double pct_low, pct_neutral, pct_high, high_lo, high_hi, mean, sd,
           median, low_lo, low_hi;
};

enum { COL_GROUP = 1,       /* the group column, with --by */
       COL_ASIDE = 2 };     /* aside, when the codebook declares
                               non-substantive levels */
#define LCOL(f, k, h) { #f, k, offsetof(struct long_row, f), h, 0 }
#define SCOL(f, k, h) { #f, k, offsetof(struct summary_row, f), h, 0 }
static const struct out_col key_cols_help[] = {
    { "item", OUT_TEXT, 0, "the item (column) name", 0 },
    { "group", OUT_TEXT, 0, "the group (only with --by)", COL_GROUP },
};
static const struct out_col long_cols[] = {
    { "item", OUT_TEXT, offsetof(struct long_row, item), "", 0 },
    { "group", OUT_TEXT, offsetof(struct long_row, group), "", COL_GROUP },
    LCOL(level, OUT_NUM, "the level's code"),
    LCOL(label, OUT_TEXT, "its label (the code itself without a codebook)"),
    LCOL(count, OUT_COUNT, "answers at this level"),
    LCOL(percent, OUT_NUM, "100 count / n, percent of the valid answers"),
    LCOL(cum_percent, OUT_NUM, "cumulative percent, up to this level"),
    LCOL(n, OUT_COUNT, "valid (non-missing) answers"),
    LCOL(missing, OUT_COUNT, "missing answers (empty or --na)"),
    { "aside", OUT_COUNT, offsetof(struct long_row, aside), "non-substantive "
      "answers (the codebook's missing=yes levels, e.g. Don't know); only "
      "when the codebook declares such a level", COL_ASIDE },
};
static const struct out_col summary_cols[] = {
    { "item", OUT_TEXT, offsetof(struct summary_row, item), "", 0 },
    { "group", OUT_TEXT, offsetof(struct summary_row, group), "", COL_GROUP },
    SCOL(n, OUT_COUNT, "valid (non-missing) answers"),
    SCOL(missing, OUT_COUNT, "missing answers (empty or --na)"),
    { "aside", OUT_COUNT, offsetof(struct summary_row, aside), "non-"
      "substantive answers (missing=yes levels); only when the codebook "
      "declares such a level", COL_ASIDE },
    SCOL(n_low, OUT_COUNT, "answers at the --bottom levels"),
    SCOL(n_neutral, OUT_COUNT, "answers at the levels in neither"),
    SCOL(n_high, OUT_COUNT, "answers at the --top levels"),
    SCOL(pct_low, OUT_NUM, "100 n_low / n, percent of the valid answers"),
    SCOL(pct_neutral, OUT_NUM, "100 n_neutral / n"),
    SCOL(pct_high, OUT_NUM, "100 n_high / n"),
    SCOL(high_lo, OUT_NUM, "lower end of the interval of pct_high (--ci, "
         "--level)"),
    SCOL(high_hi, OUT_NUM, "upper end of the interval of pct_high"),
    SCOL(mean, OUT_NUM, "mean of the codes"),
    SCOL(sd, OUT_NUM, "standard deviation of the codes, divisor n - 1"),
    SCOL(median, OUT_NUM, "median of the codes (R's median())"),
    SCOL(low_lo, OUT_NUM, "lower end of the interval of pct_low"),
    SCOL(low_hi, OUT_NUM, "upper end of the interval of pct_low"),
};

static const struct cli_name ci_names[] = {
    { "wilson", 0, 0 }, { "exact", 1, 0 }, { NULL, 0, 0 }
};

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

enum {
    OPT_CODEBOOK = CLI_OPT_FIRST_PROGRAM_OPTION,
    OPT_SUMMARY,
    OPT_TOP,
    OPT_BOTTOM,
    OPT_CI,
    OPT_LEVEL,
    OPT_LEVELS
};

static void usage(void)
{
    printf("Usage: %s [OPTION]... [FILE]\n", sk_program_name());
    fputs(
"Frequency tables of Likert items: for every level of every item (and\n"
"group with --by), its count, percent of the valid answers and cumulative\n"
"percent; or, with --summary, one row per item with % low, % neutral,\n"
"% high and an interval for % high. Answers are shown as given: reverse\n"
"keying is not applied.\n"
"With no FILE, or when FILE is -, read standard input.\n"
"\n", stdout);
    fputs(cli_common_help, stdout);
    fputs(
"Items:\n"
"      --codebook=FILE  the codebook (below): answers are mapped to codes\n"
"                       by its levels, and every declared level is listed,\n"
"                       chosen or not; -c chooses among its items\n"
"                       (default: all of them, in codebook order).\n"
"                       Without one, the columns hold numeric codes and the\n"
"                       levels are the distinct values found, in order.\n"
"                       A non-substantive level (missing=yes, e.g. Don't\n"
"                       know) is listed after the others with its count and\n"
"                       NA percentages: its answers are not valid answers\n"
"                       (not in n), and are counted in 'aside'.\n"
"      --levels=LO:HI   without a codebook, the levels of every item: the\n"
"                       integer codes LO to HI (e.g. --levels=1:5), each\n"
"                       listed, chosen or not; another answer is an error\n"
"Summary:\n"
"      --summary        one row per item (and group), columns below\n"
"      --top=LEVELS     the codes counted as high ('agree'), e.g. 4,5;\n"
"                       implies --summary.\n"
"      --bottom=LEVELS  the codes counted as low ('disagree'), e.g. 1,2;\n"
"                       implies --summary.\n"
"                       Default: the lower half of the levels is low, the\n"
"                       upper half high, and the middle level of an odd\n"
"                       number of levels neutral (an even number has no\n"
"                       neutral level). Giving only one of the two takes its\n"
"                       levels out of the other's default.\n"
"                       --summary, --top and --bottom need the levels\n"
"                       declared (--codebook or --levels): the levels that\n"
"                       happen to occur are not the scale.\n"
"      --ci=METHOD      interval of a percentage: wilson (Wilson score,\n"
"                       default, as R's prop.test(correct = FALSE)) or exact\n"
"                       (Clopper-Pearson, as R's binom.test)\n"
"      --level=P        confidence level, 0 < P < 1 (default 0.95)\n"
"\n"
"Output columns (tab-separated, one header row):\n", stdout);
    out_help(stdout, key_cols_help, NELEM(key_cols_help));
    out_help(stdout, long_cols + 2, NELEM(long_cols) - 2);
    fputs("With --summary, after item and group:\n", stdout);
    out_help(stdout, summary_cols + 2, NELEM(summary_cols) - 2);
    fputs(
"Percentages and intervals are in percent (0 to 100); NA when n is 0.\n"
"\n", stdout);
    fputs(codebook_help, stdout);
    fputs("\n", stdout);
    fputs(cli_exit_help, stdout);
}

/* A comma-separated list of codes. */
static double *parse_codes(const char *option, const char *arg, size_t *n)
{
    double *v = NULL;
    *n = 0;
    for (const char *p = arg;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        struct num_value x;
        if (len == 0 || num_parse(p, len, &x) != NUM_OK)
            sk_usage_error("invalid value for %s: '%s' (codes, "
                           "comma-separated)", option, arg);
        v = sk_xreallocarray(v, *n + 1, sizeof *v);
        v[(*n)++] = x.x == 0 ? 0 : x.x;
        if (!comma)
            break;
        p = comma + 1;
    }
    return v;
}

static int in_list(double x, const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x)
            return 1;
    return 0;
}

struct opts {
    int summary;
    double *top, *bottom;
    size_t ntop, nbottom;
    int exact;
    double level;
};

/* The levels of one item: codes, labels, and where each belongs. */
struct levels {
    size_t k;
    double *code;
    char **label;
    int *side;          /* -1 low, 0 neutral, 1 high */
};

static void item_levels(const struct codebook *cb, size_t item,
                        struct freqtab *all, int precision, struct levels *L)
{
    const struct codebook_item *it = &cb->item[item];
    if (it->levels != CODEBOOK_NONE) {
        const struct codebook_levels *l = &cb->levels[it->levels];
        L->k = l->n;
        L->code = sk_xcalloc(L->k, sizeof *L->code);
        L->label = sk_xcalloc(L->k, sizeof *L->label);
        for (size_t i = 0; i < L->k; i++) {
            L->code[i] = l->level[i].code;
            L->label[i] = sk_xstrdup(l->level[i].label);
        }
    } else {
        const double *v;
        const size_t *c;
        L->k = freqtab_sorted(all, &v, &c);
        L->code = sk_xcalloc(L->k, sizeof *L->code);
        L->label = sk_xcalloc(L->k, sizeof *L->label);
        for (size_t i = 0; i < L->k; i++) {
            char buf[64];
            L->code[i] = v[i];
            snprintf(buf, sizeof buf, "%.*g", precision, v[i]);
            L->label[i] = sk_xstrdup(buf);
        }
    }
    L->side = sk_xcalloc(L->k, sizeof *L->side);
}

/* Low, neutral and high levels by --top, --bottom and the default. */
static void assign_sides(struct levels *L, const struct opts *o)
{
    for (size_t i = 0; i < L->k; i++) {
        int def = i < L->k / 2 ? -1 : i >= L->k - L->k / 2 ? 1 : 0;
        int top = in_list(L->code[i], o->top, o->ntop);
        int bottom = in_list(L->code[i], o->bottom, o->nbottom);
        if (o->ntop && o->nbottom)
            L->side[i] = top ? 1 : bottom ? -1 : 0;
        else if (o->ntop)
            L->side[i] = top ? 1 : def == -1 ? -1 : 0;
        else if (o->nbottom)
            L->side[i] = bottom ? -1 : def == 1 ? 1 : 0;
        else
            L->side[i] = def;
    }
}

static void free_levels(struct levels *L)
{
    for (size_t i = 0; i < L->k; i++)
        free(L->label[i]);
    free(L->code);
    free(L->label);
    free(L->side);
}

/* The counts of the levels L in the table t. */
static void level_counts(struct freqtab *t, const struct levels *L,
                         size_t *count)
{
    const double *v;
    const size_t *c;
    size_t m = freqtab_sorted(t, &v, &c), j = 0;
    for (size_t i = 0; i < L->k; i++) {
        while (j < m && v[j] < L->code[i])
            j++;
        count[i] = j < m && v[j] == L->code[i] ? c[j] : 0;
    }
}

/* The interval of x of n, in percent; a note on standard error when it
 * is NA for want of precision. */
static void interval(const struct opts *o, const char *item,
                     const char *group, size_t x, size_t n, double *lo,
                     double *hi)
{
    int imprecise = 0;
    if (o->exact) {
        prop_clopper_pearson(x, n, o->level, lo, hi, &imprecise);
        if (imprecise)
            sk_error("item '%s'%s%s%s: exact interval of %zu of %zu is NA: "
                     "libRmath's beta quantile may be inaccurate there",
                     item, group ? ", group '" : "", group ? group : "",
                     group ? "'" : "", x, n);
    } else
        prop_wilson(x, n, o->level, lo, hi);
    *lo *= 100;
    *hi *= 100;
}

static void check_codes(const char *option, const double *v, size_t n,
                        const struct codebook *cb, const size_t *items,
                        size_t nitems)
{
    for (size_t i = 0; i < nitems; i++) {
        const struct codebook_item *it = &cb->item[items[i]];
        if (it->levels == CODEBOOK_NONE)
            continue;
        const struct codebook_levels *l = &cb->levels[it->levels];
        for (size_t j = 0; j < n; j++)
            if (codebook_level_index(l, v[j]) == CODEBOOK_NONE)
                sk_usage_error("%s: %.15g is not a code of item '%s' "
                               "(codes %.15g to %.15g)", option, v[j],
                               it->name, l->min, l->max);
    }
}

/* --summary, --top or --bottom with an item whose levels are not
 * declared (ITEM, or NULL without a codebook): a usage error, since the
 * levels that happen to occur are not the scale. */
static void undeclared(const struct opts *o, const char *item)
    __attribute__((noreturn));

static void undeclared(const struct opts *o, const char *item)
{
    const char *opt = o->ntop ? "--top" : o->nbottom ? "--bottom"
                                                     : "--summary";
    if (item)
        sk_usage_error("%s needs the levels of item '%s' declared: the "
                       "codebook gives it no levels (declare them in its "
                       "'levels')", opt, item);
    sk_usage_error("%s needs the items' levels declared (the levels that "
                   "happen to occur are not the scale): give "
                   "--codebook=FILE, or --levels=LO:HI (e.g. --levels=1:5)",
                   opt);
}

/* The counts of one item in one group: its values, and its
 * non-substantive answers by code (in the cell: with many groups a row
 * finds them in one place). */
struct count_cell {
    struct freqtab tab, aside_tab;
    size_t missing, aside;
};

static void count_cell_init(void *cell)
{
    freqtab_init(&((struct count_cell *)cell)->tab);
    freqtab_init(&((struct count_cell *)cell)->aside_tab);
}

static void parse_args(int argc, char **argv, struct cli_common *cli,
                       struct opts *o, struct codebook_opts *co)
{
    static const struct option longopts[] = {
        CLI_COMMON_LONGOPTS,
        { "codebook", required_argument, NULL, OPT_CODEBOOK },
        { "summary", no_argument, NULL, OPT_SUMMARY },
        { "top", required_argument, NULL, OPT_TOP },
        { "bottom", required_argument, NULL, OPT_BOTTOM },
        { "ci", required_argument, NULL, OPT_CI },
        { "level", required_argument, NULL, OPT_LEVEL },
        { "levels", required_argument, NULL, OPT_LEVELS },
        { NULL, 0, NULL, 0 }
    };
    int opt;
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1) {
        if (cli_common(cli, opt, optarg, usage))
            continue;
        switch (opt) {
        case OPT_CODEBOOK:
            co->path = optarg;
            break;
        case OPT_SUMMARY:
            o->summary = 1;
            break;
        case OPT_TOP:
            free(o->top);
            o->top = parse_codes("--top", optarg, &o->ntop);
            o->summary = 1;
            break;
        case OPT_BOTTOM:
            free(o->bottom);
            o->bottom = parse_codes("--bottom", optarg, &o->nbottom);
            o->summary = 1;
            break;
        case OPT_CI:
            o->exact = cli_choice("--ci", optarg, ci_names);
            break;
        case OPT_LEVEL:
            o->level = cli_level("--level", optarg);
            break;
        case OPT_LEVELS:
            co->levels = optarg;
            break;
        default:
            sk_try_help();
        }
    }
    cli_file_operand(cli, argc, argv);
    for (size_t i = 0; i < o->ntop; i++)
        if (in_list(o->top[i], o->bottom, o->nbottom))
            sk_usage_error("--top and --bottom share the code %.15g",
                           o->top[i]);
    co->columns = cli->in.columns;
    co->by = cli->in.by;
    co->data = cli->in.path;
    codebook_opts_check(co);
    cli->in.suggest_codebook = !co->path && !co->levels;
    if (o->summary && !co->path && !co->levels)
        undeclared(o, NULL);
}

/* The counts: a table per item and group (cells, [group * n + item]),
 * and per item over the groups (all). */
struct counts {
    struct strmap *groups;
    struct count_cell *cells;
    size_t ngroups;
    struct freqtab **all;
};

/* What a row gives each item: its kind and code, as count_rows reads
 * them (a copy, for the group_pipe). */
struct count_answer {
    double code, aside_code;
    int aside;
};

/* One item's answer into its cell (and the item's totals when
 * GROUPED): ASIDE a non-substantive answer of code ASIDE_CODE, else the
 * code, NAN when missing. */
static inline void count_one(struct counts *c, size_t i,
                             struct count_cell *cc, int aside,
                             double aside_code, double code,
                             int grouped)
{
    if (aside) {
        cc->aside++;
        freqtab_add(&cc->aside_tab, aside_code, 1);
    } else if (isnan(code))
        cc->missing++;
    else {
        freqtab_add(&cc->tab, code, 1);
        if (grouped)
            freqtab_add(c->all[i], code, 1);
    }
}

/* The group_pipe's hook: the count each item's code will add to (a
 * code's place in small[], which may be the table's second line). */
static void count_warm(void *ctx, const void *cells, const void *payload)
{
    const size_t *n = ctx;
    const struct count_cell *cc = cells;
    const struct count_answer *a = payload;
    for (size_t i = 0; i < *n; i++)
        if (cc[i].tab.small && a[i].code >= 0 && a[i].code < FREQTAB_SMALL)
            __builtin_prefetch(&cc[i].tab.small[(size_t)a[i].code]);
}

/* A row out of the group_pipe: its answers into group G's cells. */
static void count_piped(struct counts *c, struct group_table *gt, size_t g,
                        const struct count_answer *a, size_t n)
{
    struct count_cell *cc = group_table_row(gt, g);
    for (size_t i = 0; i < n; i++)
        count_one(c, i, &cc[i], a[i].aside, a[i].aside_code, a[i].code,
                  1);
}

static void count_rows(struct codebook_data *d, size_t n, struct counts *c)
{
    c->groups = strmap_new();
    struct group_table gt;
    group_table_init(&gt, n, sizeof(struct count_cell), count_cell_init);
    c->all = sk_xcalloc(n ? n : 1, sizeof *c->all);
    for (size_t i = 0; i < n; i++)
        c->all[i] = freqtab_new();
    double *code = sk_xcalloc(n ? n : 1, sizeof *code);
    struct group_pipe *pipe = NULL;
    size_t g;
    void *pl;
    struct input_row row;
    while (codebook_data_next(d, code, &row)) {
        const struct codebook_answer *ans = codebook_data_answers(d);
        if (!pipe && row.group && strmap_size(c->groups) > GROUP_PIPE_FROM)
            pipe = group_pipe_new(c->groups, &gt,
                                  n * sizeof(struct count_answer),
                                  count_warm, &n);
        if (!pipe) {            /* counted at once, as read */
            g = row.group ? strmap_intern(c->groups, row.group,
                                          row.group_len, NULL) : 0;
            struct count_cell *cc = group_table_row(&gt, g);
            for (size_t i = 0; i < n; i++)
                count_one(c, i, &cc[i], ans[i].kind == CODEBOOK_ANSWER_ASIDE,
                          ans[i].code, code[i], row.group != NULL);
            continue;
        }
        struct count_answer *to = group_pipe_push(pipe, row.group,
                                                  row.group_len);
        for (size_t i = 0; i < n; i++) {
            to[i].aside = ans[i].kind == CODEBOOK_ANSWER_ASIDE;
            to[i].aside_code = ans[i].code;
            to[i].code = code[i];
        }
        while (group_pipe_pop(pipe, &g, &pl))
            count_piped(c, &gt, g, pl, n);
    }
    if (pipe) {
        group_pipe_end(pipe);
        while (group_pipe_pop(pipe, &g, &pl))
            count_piped(c, &gt, g, pl, n);
        group_pipe_free(pipe);
    }
    /* without groups (none interned) the one group's tables are the
     * totals */
    if (strmap_size(c->groups) == 0 && gt.ngroups == 1)
        for (size_t i = 0; i < n; i++)
            freqtab_merge(c->all[i], &((struct count_cell *)gt.cell)[i].tab);
    free(code);
    c->cells = gt.cell;
    c->ngroups = gt.ngroups;
}

/* The summary row of an item in a group: the percentages low, neutral and
 * high with intervals, mean, sd and median of the codes. */
static void summary_row(struct out *out, const struct opts *o,
                        const struct levels *L, const size_t *count,
                        size_t valid, size_t miss, size_t aside,
                        const char *name,
                        const char *gname, unsigned flags)
{
    size_t side[3] = { 0, 0, 0 };
    for (size_t l = 0; l < L->k; l++)
        side[L->side[l] + 1] += count[l];
    double mean, sd, median, hlo, hhi, llo, lhi;
    if (likert_describe(L->code, count, L->k, &mean, &sd, &median))
        sk_error("item '%s'%s%s%s: the sd of its codes is beyond the range "
                 "of a double (about 1.8e308): NA", name,
                 gname ? ", group '" : "", gname ? gname : "",
                 gname ? "'" : "");
    interval(o, name, gname, side[2], valid, &hlo, &hhi);
    interval(o, name, gname, side[0], valid, &llo, &lhi);
    double pc[3];
    for (int s = 0; s < 3; s++)
        pc[s] = valid ? 100.0 * (double)side[s] / (double)valid : NAN;
    struct summary_row r = { name, gname, valid, miss, aside, side[0],
                             side[1],
                             side[2], pc[0], pc[1], pc[2],
                             hlo, hhi, mean, sd, median, llo, lhi };
    out_cells(out, summary_cols, NELEM(summary_cols), flags, &r);
    out_end_row(out);
}

/* Every row of item I: one per level and group, or one per group. */
static void item_rows(struct out *out, const struct opts *o,
                      const struct codebook *cb, size_t item, size_t i,
                      size_t n, const struct counts *c, int precision,
                      unsigned flags)
{
    struct levels L;
    item_levels(cb, item, c->all[i], precision, &L);
    assign_sides(&L, o);
    size_t *count = sk_xcalloc(L.k ? L.k : 1, sizeof *count);
    double *pct = sk_xcalloc(L.k ? L.k : 1, sizeof *pct);
    double *cum = sk_xcalloc(L.k ? L.k : 1, sizeof *cum);
    const char *name = cb->item[item].name;
    const struct codebook_item *it = &cb->item[item];
    const struct codebook_levels *cl = it->levels != CODEBOOK_NONE
        ? &cb->levels[it->levels] : NULL;
    for (size_t g = 0; g < c->ngroups; g++) {
        struct count_cell *cc = &c->cells[g * n + i];
        level_counts(&cc->tab, &L, count);
        size_t valid = likert_percents(count, L.k, pct, cum);
        const char *gname = flags & COL_GROUP ? strmap_key(c->groups, g)
                                              : NULL;
        if (o->summary) {
            summary_row(out, o, &L, count, valid, cc->missing, cc->aside,
                        name, gname, flags);
            continue;
        }
        for (size_t l = 0; l < L.k; l++) {
            struct long_row r = { name, gname, L.label[l], L.code[l],
                                  pct[l], cum[l], count[l], valid,
                                  cc->missing, cc->aside };
            out_cells(out, long_cols, NELEM(long_cols), flags, &r);
            out_end_row(out);
        }
        /* the non-substantive levels after, with NA percentages of the
         * valid answers (as SPSS lists its missing categories) */
        const double *av;
        const size_t *ac;
        size_t am = freqtab_sorted(&cc->aside_tab, &av, &ac), j = 0;
        for (size_t l = 0; cl && l < cl->naside; l++) {
            double code = cl->aside[l].code;
            while (j < am && av[j] < code)
                j++;
            struct long_row r = { name, gname, cl->aside[l].label, code,
                                  NAN, NAN, j < am && av[j] == code ? ac[j]
                                  : 0, valid, cc->missing, cc->aside };
            out_cells(out, long_cols, NELEM(long_cols), flags, &r);
            out_end_row(out);
        }
    }
    free(count);
    free(pct);
    free(cum);
    free_levels(&L);
}

int main(int argc, char **argv)
{
    struct cli_common cli;
    struct opts o = { 0, NULL, NULL, 0, 0, 0, 0.95 };
    struct codebook_opts co = { 0 };
    cli_start(argv[0], &cli);
    parse_args(argc, argv, &cli, &o, &co);

    struct input *in = input_open_raw(&cli.in);
    size_t *items, n;
    struct codebook *cb = codebook_setup(&co, in, &items, &n);
    for (size_t i = 0; o.summary && i < n; i++)
        if (cb->item[items[i]].levels == CODEBOOK_NONE)
            undeclared(&o, cb->item[items[i]].name);
    check_codes("--top", o.top, o.ntop, cb, items, n);
    check_codes("--bottom", o.bottom, o.nbottom, cb, items, n);
    struct codebook_data *d = codebook_data_open(cb, in, items, n, co.by);
    struct counts c;
    count_rows(d, n, &c);

    struct out out;
    out_init(&out, stdout, cli.precision);
    unsigned flags = (co.by ? COL_GROUP : 0) |
                     (codebook_has_aside(cb) ? COL_ASIDE : 0);
    if (o.summary)
        out_header(&out, summary_cols, NELEM(summary_cols), flags);
    else
        out_header(&out, long_cols, NELEM(long_cols), flags);
    out_end_row(&out);
    for (size_t i = 0; i < n; i++)
        item_rows(&out, &o, cb, items[i], i, n, &c, cli.precision, flags);

    for (size_t i = 0; i < c.ngroups * n; i++) {
        freqtab_clear(&c.cells[i].tab);
        freqtab_clear(&c.cells[i].aside_tab);
    }
    for (size_t i = 0; i < n; i++)
        freqtab_free(c.all[i]);
    free(c.cells);
    free(c.all);
    free(items);
    free(o.top);
    free(o.bottom);
    strmap_free(c.groups);
    codebook_data_close(d);
    codebook_free(cb);
    input_close(in);
    return SK_EXIT_OK;
}
