/* sk-describe - descriptive statistics of the numeric columns of a table.
 * Part of surveykit. */
#include <config.h>

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cli.h"
#include "lib/codebook-cli.h"
#include "lib/codebook-data.h"
#include "lib/describe.h"
#include "lib/grouped.h"
#include "lib/input.h"
#include "lib/out.h"
#include "lib/grouppipe.h"
#include "lib/strmap.h"
#include "lib/util.h"

/* The output columns after 'variable' (and 'group'): one row each. */
#define CNT(f, h) { #f, OUT_COUNT, offsetof(struct describe, f), h, 0 }
#define NUM(f, h) { #f, OUT_NUM, offsetof(struct describe, f), h, 0 }
static const struct out_col outcols[] = {
    CNT(n, "number of non-missing values"),
    CNT(missing, "number of missing values"),
};
#define NOUTCOLS0 (sizeof outcols / sizeof outcols[0])
/* 'aside', with a codebook that declares non-substantive levels */
static const struct out_col asidecol[] = {
    { "aside", OUT_COUNT, 0, "non-substantive answers (the codebook's "
      "missing=yes levels, e.g. Don't know): not values, not in n; only "
      "when the codebook declares such a level", 0 },
};
static const struct out_col statcols[] = {
    NUM(mean, "arithmetic mean"),
    NUM(sd, "standard deviation, divisor n - 1"),
    NUM(se, "standard error of the mean, sd / sqrt(n)"),
    NUM(ci_lo, "mean - t(1 - (1 - level)/2, n - 1) se"),
    NUM(ci_hi, "mean + t(1 - (1 - level)/2, n - 1) se"),
    NUM(min, "smallest value"),
    NUM(q1, "first quartile (25% quantile)"),
    NUM(median, "median (50% quantile)"),
    NUM(q3, "third quartile (75% quantile)"),
    NUM(max, "largest value"),
    NUM(iqr, "interquartile range, q3 - q1"),
    NUM(skewness, "sample skewness G1 (SAS, SPSS, Excel, pandas)"),
    NUM(kurtosis, "sample excess kurtosis G2 (SAS, SPSS, Excel, pandas)"),
};
#define NSTATCOLS (sizeof statcols / sizeof statcols[0])
/* The DESCRIBE_* bit of each column that can leave the doubles, by
 * position in statcols (for the message that names them). */
static const unsigned range_bit[NSTATCOLS] = {
    DESCRIBE_MEAN, DESCRIBE_SD, DESCRIBE_SE, DESCRIBE_CI_LO,
    DESCRIBE_CI_HI, 0, DESCRIBE_Q1, DESCRIBE_MEDIAN, DESCRIBE_Q3, 0,
    DESCRIBE_IQR, 0, 0
};
static const struct out_col keycols[] = {
    { "variable", OUT_TEXT, 0, "the column's name", 0 },
    { "group", OUT_TEXT, 0, "the group (only with --by)", 0 },
};

enum {
    OPT_LEVEL = CLI_OPT_FIRST_PROGRAM_OPTION,
    OPT_QTYPE,
    OPT_CODEBOOK
};

static void usage(void)
{
    printf("Usage: %s [OPTION]... [FILE]\n", sk_program_name());
    fputs(
"Descriptive statistics of the numeric columns of a CSV or TSV table:\n"
"one tab-separated row per column (and per group with --by).\n"
"With no FILE, or when FILE is -, read standard input.\n"
"\n", stdout);
    fputs(cli_common_help, stdout);
    fputs(
"Statistics:\n"
"      --level=P          confidence level of the interval of the mean,\n"
"                         0 < P < 1 (default 0.95)\n"
"      --quantile-type=T  Hyndman-Fan quantile definition 1..9 (default 7,\n"
"                         as R's quantile(); 6 is SPSS's and Minitab's)\n"
"Items:\n"
"      --codebook=FILE    answers given as labels are mapped to the codes of\n"
"                         the codebook's levels (below); -c chooses among\n"
"                         its items (default: all of them, in codebook\n"
"                         order). The codes are described as answered:\n"
"                         reverse keying is not applied (sk-score and\n"
"                         sk-alpha apply it). A missing=yes answer (Don't\n"
"                         know) is not a value: counted in 'aside'.\n"
"\n"
"Output columns:\n", stdout);
    out_help(stdout, keycols, 2);
    out_help(stdout, outcols, NOUTCOLS0);
    out_help(stdout, asidecol, 1);
    out_help(stdout, statcols, NSTATCOLS);
    fputs(
"\n"
"Missing values are counted, never read as 0. A value that cannot be\n"
"computed (the sd of one value, the skewness of fewer than 3) is NA.\n"
"Mean, sd and se are exact: values are summed exactly (decimals as\n"
"scaled 128-bit integers, other doubles with GMP) and the results\n"
"rounded once, correctly. A statistic whose true value is not a double\n"
"(the iqr 2e308 of 1e308 and -1e308) is NA, with a message on stderr.\n"
"\n", stdout);
    fputs(codebook_help, stdout);
    fputs("\n", stdout);
    fputs(cli_exit_help, stdout);
}

/* On stderr, the statistics of D set to NA because their true values are
 * not doubles: "column 'x', group 'a': iqr ...". */
static void range_note(const struct describe *d, const char *var,
                       const char *group, unsigned mask, const char *why)
{
    if (!(d->over | d->under) || !mask)
        return;
    char list[256] = "";
    size_t len = 0;
    for (size_t i = 0; i < NSTATCOLS; i++)
        if (range_bit[i] & mask)
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
                                    len ? ", " : "", statcols[i].name);
    char *v = sk_shown(var, strlen(var));
    char *g = group ? sk_shown(group, strlen(group)) : NULL;
    sk_error("column '%s'%s%s%s: %s %s: NA", v, g ? ", group '" : "",
             g ? g : "", g ? "'" : "", list, why);
    free(v);
    free(g);
}

static void acc_init_cell(void *cell)
{
    acc_init(cell);
}

/* The accumulators of every (group, variable), acc[group * nvars + var],
 * and with a codebook the non-substantive answers of each, aside[...];
 * with many groups the rows through a group_pipe. */
struct tally {
    struct strmap *groups;
    struct group_table gt;
    size_t nvars;
    size_t *aside, cap;
    struct group_pipe *pipe;
};

static inline struct acc *tally_group(struct tally *t, size_t g)
{
    struct acc *a = group_table_row(&t->gt, g);
    if (t->gt.ngroups * t->nvars > t->cap) {
        size_t old = t->cap;
        t->cap = 2 * t->gt.ngroups * t->nvars;
        t->aside = sk_xreallocarray(t->aside, t->cap, sizeof *t->aside);
        memset(t->aside + old, 0, (t->cap - old) * sizeof *t->aside);
    }
    return a;
}

static inline struct acc *tally_row(struct tally *t, const char *group,
                                    size_t len, size_t *gp)
{
    size_t g = group ? strmap_intern(t->groups, group, len, NULL) : 0;
    *gp = g;
    return tally_group(t, g);
}

/* The group_pipe's hook: where each value will go (the end of the
 * accumulator's buffer, or its table); the dense form fetches its own.
 * The payload is the row's cells. */
static void tally_warm(void *ctx, const void *cells, const void *payload)
{
    const struct tally *t = ctx;
    const struct acc *a = cells;
    const struct input_cell *x = payload;
    for (size_t v = 0; v < t->nvars; v++) {
        if (x[v].missing || a[v].dsum)
            continue;
        if (a[v].tk) {
            __builtin_prefetch(a[v].tv);
            __builtin_prefetch(a[v].tc);
        } else if (a[v].v && a[v].nv < a[v].cap)
            __builtin_prefetch(&a[v].v[a[v].nv], 1);
    }
}

/* A row's cells into its group's accumulators. */
static inline void tally_cells(const struct tally *t, struct acc *a,
                               const struct input_cell *c)
{
    for (size_t v = 0; v < t->nvars; v++) {
        if (c[v].missing)
            acc_add_missing(&a[v]);
        else
            acc_add(&a[v], c[v].v.x, c[v].v.exact, c[v].v.mant,
                    c[v].v.scale);
    }
}

/* Without a codebook: the numeric columns, as read (input_each); with
 * many groups through a group_pipe, which carries copies of the cells. */
static void tally_one(void *ctx, const struct input_row *row)
{
    struct tally *t = ctx;
    if (!t->pipe && row->group && strmap_size(t->groups) > GROUP_PIPE_FROM)
        t->pipe = group_pipe_new(t->groups, &t->gt,
                                 t->nvars * sizeof *row->cell, tally_warm,
                                 t);
    size_t g;
    if (!t->pipe) {
        tally_cells(t, tally_row(t, row->group, row->group_len, &g),
                    row->cell);
        return;
    }
    void *pl = group_pipe_push(t->pipe, row->group, row->group_len);
    if (t->nvars)
        memcpy(pl, row->cell, t->nvars * sizeof *row->cell);
    while (group_pipe_pop(t->pipe, &g, &pl))
        tally_cells(t, tally_group(t, g), pl);
}

/* The rows still in the pipe, at the end of the input. */
static void tally_end(struct tally *t)
{
    if (!t->pipe)
        return;
    group_pipe_end(t->pipe);
    size_t g;
    void *pl;
    while (group_pipe_pop(t->pipe, &g, &pl))
        tally_cells(t, tally_group(t, g), pl);
    group_pipe_free(t->pipe);
    t->pipe = NULL;
}

/* With a codebook: each answer's code, exact as its level declares it;
 * the non-substantive answers counted apart. */
static void tally_codebook(struct codebook_data *d, struct tally *t)
{
    double *code = sk_xcalloc(t->nvars ? t->nvars : 1, sizeof *code);
    struct input_row row;
    while (codebook_data_next(d, code, &row)) {
        size_t g;
        struct acc *a = tally_row(t, row.group, row.group_len, &g);
        const struct codebook_answer *ans = codebook_data_answers(d);
        for (size_t v = 0; v < t->nvars; v++) {
            const struct num_value *x = &ans[v].v;
            if (ans[v].kind == CODEBOOK_ANSWER_ASIDE)
                t->aside[g * t->nvars + v]++;
            else if (ans[v].kind == CODEBOOK_ANSWER_MISSING)
                acc_add_missing(&a[v]);
            else
                acc_add(&a[v], x->x == 0 ? 0 : x->x, x->exact, x->mant,
                        x->scale);
        }
    }
    free(code);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        CLI_COMMON_LONGOPTS,
        { "level", required_argument, NULL, OPT_LEVEL },
        { "quantile-type", required_argument, NULL, OPT_QTYPE },
        { "codebook", required_argument, NULL, OPT_CODEBOOK },
        { NULL, 0, NULL, 0 }
    };
    struct cli_common cli;
    struct codebook_opts co = { 0 };
    double level = 0.95;
    int qtype = 7;
    int opt;

    cli_start(argv[0], &cli);

    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1) {
        if (cli_common(&cli, opt, optarg, usage))
            continue;
        switch (opt) {
        case OPT_LEVEL:
            level = cli_level("--level", optarg);
            break;
        case OPT_QTYPE:
            qtype = (int)cli_long("--quantile-type", optarg, 1, 9);
            break;
        case OPT_CODEBOOK:
            co.path = optarg;
            break;
        default:
            sk_try_help();
        }
    }
    cli_file_operand(&cli, argc, argv);
    co.columns = cli.in.columns;
    co.by = cli.in.by;
    co.data = cli.in.path;
    codebook_opts_check(&co);
    cli.in.suggest_codebook = !co.path;

    struct input *in;
    struct codebook *cb = NULL;
    struct codebook_data *d = NULL;
    size_t *items = NULL, nvars;
    if (co.path) {
        in = input_open_raw(&cli.in);
        cb = codebook_setup(&co, in, &items, &nvars);
        d = codebook_data_open(cb, in, items, nvars, co.by);
    } else {
        in = input_open(&cli.in);
        input_drop_fields(in);
        nvars = input_nvars(in);
    }
    struct tally t = { strmap_new(), { 0 }, nvars, NULL, 0, NULL };
    group_table_init(&t.gt, nvars, sizeof(struct acc), acc_init_cell);
    if (d)
        tally_codebook(d, &t);
    else {
        input_each(in, tally_one, &t);
        tally_end(&t);
    }
    struct acc *acc = t.gt.cell;
    size_t ngroups = t.gt.ngroups;
    const char *by = co.by;
    int aside = cb && codebook_has_aside(cb);

    struct out o;
    out_init(&o, stdout, cli.precision);
    out_text(&o, "variable");
    if (by)
        out_text(&o, "group");
    out_header(&o, outcols, NOUTCOLS0, 0);
    if (aside)
        out_header(&o, asidecol, 1, 0);
    out_header(&o, statcols, NSTATCOLS, 0);
    out_end_row(&o);
    for (size_t v = 0; v < nvars; v++)
        for (size_t g = 0; g < ngroups; g++) {
            struct describe ds;
            const char *var = cb ? cb->item[items[v]].name
                                 : input_var_name(in, v);
            const char *gname = by ? strmap_key(t.groups, g) : NULL;
            acc_describe(&acc[g * nvars + v], level, qtype, &ds);
            out_text(&o, var);
            if (by)
                out_text(&o, gname);
            out_cells(&o, outcols, NOUTCOLS0, 0, &ds);
            if (aside)
                out_count(&o, t.aside[g * nvars + v]);
            out_cells(&o, statcols, NSTATCOLS, 0, &ds);
            out_end_row(&o);
            range_note(&ds, var, gname, ds.over,
                       "beyond the range of a double (above 1.8e308 in "
                       "magnitude)");
            range_note(&ds, var, gname, ds.under,
                       "not zero but nearer zero than any double (below "
                       "2.5e-324 in magnitude)");
        }

    for (size_t i = 0; i < ngroups * nvars; i++)
        acc_free(&acc[i]);
    free(acc);
    free(t.aside);
    free(items);
    strmap_free(t.groups);
    codebook_data_close(d);
    codebook_free(cb);
    input_close(in);
    return SK_EXIT_OK;
}
