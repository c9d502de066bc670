/* sk-describe - descriptive statistics of the numeric columns of a table.
 * Part of surveykit. */
#include <config.h>

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cli.h"
#include "lib/describe.h"
#include "lib/grouped.h"
#include "lib/input.h"
#include "lib/out.h"
#include "lib/strmap.h"
#include "lib/util.h"

/* The output columns after 'variable' (and 'group'): one row each. */
#define CNT(f, h) { #f, OUT_COUNT, offsetof(struct describe, f), h, 0 }
#define NUM(f, h) { #f, OUT_NUM, offsetof(struct describe, f), h, 0 }
static const struct out_col outcols[] = {
    CNT(n, "number of non-missing values"),
    CNT(missing, "number of missing values"),
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
#define NOUTCOLS (sizeof outcols / sizeof outcols[0])
/* The DESCRIBE_* bit of each column that can leave the doubles, by
 * position in outcols (for the message that names them). */
static const unsigned range_bit[NOUTCOLS] = {
    0, 0, DESCRIBE_MEAN, DESCRIBE_SD, DESCRIBE_SE, DESCRIBE_CI_LO,
    DESCRIBE_CI_HI, 0, DESCRIBE_Q1, DESCRIBE_MEDIAN, DESCRIBE_Q3, 0,
    DESCRIBE_IQR, 0, 0
};
static const struct out_col keycols[] = {
    { "variable", OUT_TEXT, 0, "the column's name", 0 },
    { "group", OUT_TEXT, 0, "the group (only with --by)", 0 },
};

enum {
    OPT_LEVEL = CLI_OPT_FIRST_PROGRAM_OPTION,
    OPT_QTYPE
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
"\n"
"Output columns:\n", stdout);
    out_help(stdout, keycols, 2);
    out_help(stdout, outcols, NOUTCOLS);
    fputs(
"\n"
"Missing values are counted, never read as 0. A value that cannot be\n"
"computed (the sd of one value, the skewness of fewer than 3) is NA.\n"
"Mean, sd and se are exact: values are summed exactly (decimals as\n"
"scaled 128-bit integers, other doubles with GMP) and the results\n"
"rounded once, correctly. A statistic whose true value is not a double\n"
"(the iqr 2e308 of 1e308 and -1e308) is NA, with a message on stderr.\n"
"\n", stdout);
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
    for (size_t i = 0; i < NOUTCOLS; i++)
        if (range_bit[i] & mask)
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
                                    len ? ", " : "", outcols[i].name);
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

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        CLI_COMMON_LONGOPTS,
        { "level", required_argument, NULL, OPT_LEVEL },
        { "quantile-type", required_argument, NULL, OPT_QTYPE },
        { NULL, 0, NULL, 0 }
    };
    struct cli_common cli;
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
        default:
            sk_try_help();
        }
    }
    cli_file_operand(&cli, argc, argv);

    struct input *in = input_open(&cli.in);
    size_t nvars = input_nvars(in);
    struct strmap *groups = strmap_new();
    struct group_table gt;       /* acc[group * nvars + var] */
    group_table_init(&gt, nvars, sizeof(struct acc), acc_init_cell);
    struct input_row row;

    while (input_next(in, &row)) {
        size_t g = row.group ? strmap_intern(groups, row.group,
                                             row.group_len, NULL) : 0;
        struct acc *a = group_table_row(&gt, g);
        for (size_t v = 0; v < nvars; v++) {
            const struct input_cell *c = &row.cell[v];
            if (c->missing)
                acc_add_missing(&a[v]);
            else
                acc_add(&a[v], c->v.x, c->v.exact, c->v.mant, c->v.scale);
        }
    }
    struct acc *acc = gt.cell;
    size_t ngroups = gt.ngroups;

    struct out o;
    out_init(&o, stdout, cli.precision);
    out_text(&o, "variable");
    if (input_group_name(in))
        out_text(&o, "group");
    out_header(&o, outcols, NOUTCOLS, 0);
    out_end_row(&o);
    for (size_t v = 0; v < nvars; v++)
        for (size_t g = 0; g < ngroups; g++) {
            struct describe d;
            acc_describe(&acc[g * nvars + v], level, qtype, &d);
            out_text(&o, input_var_name(in, v));
            if (input_group_name(in))
                out_text(&o, strmap_key(groups, g));
            out_cells(&o, outcols, NOUTCOLS, 0, &d);
            out_end_row(&o);
            const char *gname = input_group_name(in) ? strmap_key(groups, g)
                                                     : NULL;
            range_note(&d, input_var_name(in, v), gname, d.over,
                       "beyond the range of a double (above 1.8e308 in "
                       "magnitude)");
            range_note(&d, input_var_name(in, v), gname, d.under,
                       "not zero but nearer zero than any double (below "
                       "2.5e-324 in magnitude)");
        }

    for (size_t i = 0; i < ngroups * nvars; i++)
        acc_free(&acc[i]);
    free(acc);
    strmap_free(groups);
    input_close(in);
    return SK_EXIT_OK;
}
