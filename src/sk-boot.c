/* sk-boot - bootstrap confidence intervals. Part of surveykit. */
#include <config.h>

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/boot.h"
#include "lib/cli.h"
#include "lib/colsel.h"
#include "lib/input.h"
#include "lib/numparse.h"
#include "lib/out.h"
#include "lib/rng.h"
#include "lib/strmap.h"
#include "lib/util.h"

#define DEFAULT_SEED 20240601
#define DEFAULT_B 10000
#define ALL_ROWS "all"       /* the group column without --by */

enum {
    OPT_SEED = CLI_OPT_FIRST_PROGRAM_OPTION,
    OPT_LEVEL, OPT_STRATA, OPT_THREADS, OPT_REPS_OUT
};

/* The statistics a user can ask for: one table for the parser and help. */
enum family { FAM_UNI, FAM_PAIRED, FAM_COR, FAM_ALPHA };
struct statdef {
    const char *name;
    enum boot_stat stat;
    enum family fam;
    const char *help;
};
static const struct statdef statdefs[] = {
    { "mean", BOOT_MEAN, FAM_UNI, "mean of each -c column" },
    { "median", BOOT_MEDIAN, FAM_UNI, "median (type 7, as R) of each -c column" },
    { "sd", BOOT_SD, FAM_UNI, "standard deviation (n - 1)" },
    { "var", BOOT_VAR, FAM_UNI, "variance (n - 1)" },
    { "prop:L", BOOT_MEAN, FAM_UNI, "proportion of answers in the levels L, "
      "e.g. prop:4,5 (\"% agree\")" },
    { "mean-diff", BOOT_MEAN, FAM_PAIRED, "mean of AFTER - BEFORE, each -p pair "
      "(pairs resampled)" },
    { "dz", BOOT_DZ, FAM_PAIRED, "Cohen's d_z = mean / sd of AFTER - BEFORE" },
    { "cor", BOOT_COR, FAM_COR, "Pearson's r of the two columns of each -p" },
    { "alpha", BOOT_ALPHA, FAM_ALPHA, "Cronbach's alpha of the -c columns as "
      "one scale (respondents resampled, complete cases)" },
};
#define NSTATDEFS (sizeof statdefs / sizeof statdefs[0])

static const struct {
    const char *name;
    enum boot_method m;
} methods[] = {
    { "percentile", BOOT_PERC }, { "basic", BOOT_BASIC },
    { "normal", BOOT_NORM }, { "bca", BOOT_BCA }, { "student", BOOT_STUD },
};
#define NMETHODS (sizeof methods / sizeof methods[0])

struct want {
    const struct statdef *def;
    char *name;               /* as printed: "mean", "prop:4,5" */
    double *levels;           /* prop's levels */
    size_t nlevels;
};

static void usage(void)
{
    printf("Usage: %s [OPTION]... [FILE]\n", sk_program_name());
    fputs(
"Bootstrap confidence intervals of statistics of a CSV or TSV table: one\n"
"tab-separated row per variable, group, statistic and method. With no\n"
"FILE, or when FILE is -, read standard input.\n"
"\n"
"What to resample:\n"
"  -c, --columns=LIST     the columns (names, numbers, N-M, A:B)\n"
"  -p, --pair=A:B         a pair of columns, repeatable: mean-diff and dz\n"
"                         of B - A, or cor of A and B; rows resampled\n"
"  -s, --stat=LIST        the statistics (default mean):\n", stdout);
    for (size_t i = 0; i < NSTATDEFS; i++)
        printf("                           %-10s %s\n", statdefs[i].name,
               statdefs[i].help);
    fputs(
"  -m, --method=LIST      the intervals (default percentile,bca):\n"
"                           percentile  the (1-level)/2 and (1+level)/2\n"
"                                       quantiles of the replicates\n"
"                           basic       2 estimate - the percentile ends\n"
"                           normal      estimate - bias -+ z sd(replicates)\n"
"                           bca         bias-corrected and accelerated:\n"
"                                       z0 from the share of replicates below\n"
"                                       the estimate (ties count one half),\n"
"                                       a from the jackknife\n"
"                           student     bootstrap-t, for mean, prop and\n"
"                                       mean-diff (se = sd / sqrt(n))\n"
"  -B, --replicates=N     bootstrap replicates (default 10000)\n"
"      --seed=N           the generator's seed (default 20240601): the same\n"
"                         seed gives the same output, whatever --threads\n"
"      --level=P          confidence level, 0 < P < 1 (default 0.95)\n"
"      --strata=COLUMN    resample within the groups of COLUMN (e.g. the\n"
"                         partner role), keeping their sizes\n"
"  -g, --by=COLUMN        a separate bootstrap per group of COLUMN\n"
"      --threads=N        threads (default: every core)\n"
"      --replicates-out=FILE  write the replicates (variable, group, stat,\n"
"                         replicate, value) to FILE, for a histogram\n"
"Input:\n"
"  -t, --tsv              tab-separated input (default: CSV, RFC 4180)\n"
"      --no-header        the first row is data; columns are V1, V2 ...\n"
"      --na=LIST          missing-value tokens (default NA); an empty field\n"
"                         is always missing; rows missing a needed value\n"
"                         are left out of that statistic (complete cases)\n"
"Output:\n"
"      --precision=N      significant digits of numbers (default 15)\n"
"      --help             show this help and exit\n"
"      --version          show the version and exit\n"
"\n"
"Output columns: variable group stat n B seed method level estimate bias\n"
"se lo hi z0 a rng note n_undefined. group is 'all' without --by; bias =\n"
"mean(replicates) - estimate, se = their sd; z0 and a are BCa's (NA for\n"
"other methods); rng is the generator\n"
"(" RNG_NAME ", Random123); note says when the data has no variation,\n"
"an endpoint is an extreme replicate (use more replicates), and so on;\n"
"n_undefined counts the replicates whose statistic is undefined (d_z, r\n"
"or alpha of a resample in which a column is constant), left out: when\n"
"they are more than 1% of B, lo, hi, bias and se are NA.\n"
"\n"
"Resampling is exact in distribution: answers with few distinct values\n"
"are resampled by their counts (one multinomial draw per replicate), and\n"
"medians by binomial splitting over the sorted values.\n"
"References: B. Efron and R. J. Tibshirani (1993), An Introduction to the\n"
"Bootstrap; A. C. Davison and D. V. Hinkley (1997), Bootstrap Methods and\n"
"their Application (the percentile ends as R's boot.ci: order statistic\n"
"(B+1) alpha, interpolated on the normal scale).\n"
"\n", stdout);
    fputs(cli_exit_help, stdout);
}

static int parse_level_list(const char *s, double **out, size_t *n)
{
    *n = 0;
    *out = NULL;
    const char *p = s;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        struct num_value v;
        if (len == 0 || num_parse(p, len, &v) != NUM_OK)
            return -1;
        *out = sk_xreallocarray(*out, *n + 1, sizeof **out);
        (*out)[(*n)++] = v.x;
        if (!comma)
            return 0;
        p = comma + 1;
    }
}

/* The shortest %g text of X (15 to 17 digits) that reads back as X: the
 * level as given, whatever --precision (0.9999999999 is not 1). */
static void exact_text(double x, char *buf, size_t size)
{
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, size, "%.*g", digits, x);
        if (strtod(buf, NULL) == x)
            return;
    }
}

static const struct statdef *find_statdef(const char *name)
{
    for (size_t i = 0; i < NSTATDEFS; i++)
        if (!strcmp(statdefs[i].name, name))
            return &statdefs[i];
    return NULL;
}

/* -s LIST: names; "prop:4,5" keeps the numbers after it. */
static void parse_stats(const char *list, struct want **w, size_t *nw)
{
    size_t llen = strlen(list);
    if (llen == 0)
        sk_usage_error("no statistic in -s ''");
    if (list[llen - 1] == ',')
        sk_usage_error("empty item in -s '%s'", list);
    char *copy = sk_xstrdup(list);
    char *p = copy;
    while (*p) {
        char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == 0)
            sk_usage_error("empty item in -s '%s'", list);
        if (len >= 5 && !strncmp(p, "prop:", 5)) {
            /* take the following all-number items as levels too */
            char *end = comma;
            while (end) {
                char *next = strchr(end + 1, ',');
                size_t l = next ? (size_t)(next - end - 1) : strlen(end + 1);
                struct num_value v;
                if (l == 0 || num_parse(end + 1, l, &v) != NUM_OK)
                    break;
                end = next;
            }
            size_t plen = end ? (size_t)(end - p) : strlen(p);
            char *name = sk_xstrndup(p, plen);
            struct want x = { find_statdef("prop:L"), name, NULL, 0 };
            if (parse_level_list(name + 5, &x.levels, &x.nlevels) != 0)
                sk_usage_error("invalid levels in -s '%s'", name);
            *w = sk_xreallocarray(*w, *nw + 1, sizeof **w);
            (*w)[(*nw)++] = x;
            if (!end)
                break;
            p = end + 1;
            continue;
        }
        size_t i;
        for (i = 0; i < NSTATDEFS; i++)
            if (strlen(statdefs[i].name) == len &&
                !strncmp(statdefs[i].name, p, len) &&
                strcmp(statdefs[i].name, "prop:L"))
                break;
        if (i == NSTATDEFS) {
            char *bad = sk_xstrndup(p, len);
            sk_usage_error("unknown statistic '%s' (mean, median, sd, var, "
                           "prop:L, mean-diff, dz, cor, alpha)", bad);
        }
        struct want x = { &statdefs[i], sk_xstrndup(p, len), NULL, 0 };
        *w = sk_xreallocarray(*w, *nw + 1, sizeof **w);
        (*w)[(*nw)++] = x;
        if (!comma)
            break;
        p = comma + 1;
    }
    free(copy);
}

static unsigned parse_methods(const char *list)
{
    unsigned mask = 0;
    if (list[0] == '\0')
        sk_usage_error("no method in --method ''");
    char *copy = sk_xstrdup(list);
    for (char *tok = copy, *next; tok; tok = next) {
        next = strchr(tok, ',');
        if (next)
            *next++ = '\0';
        if (tok[0] == '\0')
            sk_usage_error("empty item in --method '%s'", list);
        size_t i;
        for (i = 0; i < NMETHODS; i++)
            if (!strcmp(tok, methods[i].name) ||
                (!strcmp(tok, "perc") && methods[i].m == BOOT_PERC) ||
                (!strcmp(tok, "norm") && methods[i].m == BOOT_NORM) ||
                (!strcmp(tok, "stud") && methods[i].m == BOOT_STUD))
                break;
        if (i == NMETHODS)
            sk_usage_error("unknown method '%s' (percentile, basic, normal, "
                           "bca, student)", tok);
        mask |= 1u << methods[i].m;
    }
    free(copy);
    return mask;
}

/* ---- progress on a terminal ---- */

struct progress {
    struct timespec start;
    int shown;
    const char *what;
};

static double elapsed(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (t.tv_nsec - t0->tv_nsec) * 1e-9;
}

static void show_progress(size_t done, size_t total, void *ctx)
{
    struct progress *p = ctx;
    double e = elapsed(&p->start);
    if (done >= total) {
        if (p->shown)
            fprintf(stderr, "\r%*s\r", 70, "");
        return;
    }
    if (e < 1.0 || done == 0)
        return;
    int width = 30, fill = (int)((double)width * done / total);
    fprintf(stderr, "\rsk-boot: %-20.20s [%.*s%*s] %3d%% %4.0fs left",
            p->what, fill, "##############################",
            width - fill, "", (int)(100.0 * done / total),
            e * (double)(total - done) / (double)done);
    p->shown = 1;
}

/* ---- the data ---- */

struct analysis {
    char *label;              /* variable: column, "B - A", "A:B", list */
    enum family fam;
    size_t *cols;             /* indexes into the stored columns */
    size_t ncols;
};

struct row_out {
    const char *variable, *group, *stat;
    size_t n, B;
    struct boot_result r;
};

/* The note of a result, from its flags: "NA" when there is nothing. */
static void note_text(const struct boot_result *r, char *buf, size_t size)
{
    static const struct {
        unsigned flag;
        const char *text;
    } notes[] = {
        { BOOT_NOTE_EMPTY, "no complete rows" },
        { BOOT_NOTE_DEGENERATE, "no variation: every replicate equals the "
                                "estimate" },
        { BOOT_NOTE_A_ZERO, "jackknife without variation: a = 0" },
        { BOOT_NOTE_BCA_UNDEFINED, "BCa undefined: every replicate on one "
                                   "side of the estimate" },
        { BOOT_NOTE_EXTREME, "extreme replicate used as an endpoint: use "
                             "more replicates" },
        { BOOT_NOTE_UNDEFINED, "estimate undefined (no variation): no "
                               "interval" },
        { BOOT_NOTE_NO_STUDENT, "no studentized interval for this "
                                "statistic (mean, prop and mean-diff only)" },
        { BOOT_NOTE_TOO_UNDEFINED, "more than 1% of the replicates "
                                   "undefined (a column constant in the "
                                   "resample): no interval" },
        { BOOT_NOTE_A_UNDEFINED, "BCa undefined: a leave-one-out value is "
                                 "undefined (a column constant without "
                                 "one row)" },
        { BOOT_NOTE_RANGE, "the variance is out of the range of numbers "
                           "(about 1e-308 to 1e308): use sd, or rescale the "
                           "data" },
    };
    size_t len = 0;
    buf[0] = '\0';
    if (r->nonfinite)
        len += (size_t)snprintf(buf, size, r->notes & BOOT_NOTE_SE_ZERO
                                ? "%zu replicates with se 0 left out"
                                : "%zu replicates not finite, left out",
                                r->nonfinite);
    for (size_t i = 0; i < sizeof notes / sizeof notes[0] && len < size; i++)
        if (r->notes & notes[i].flag)
            len += (size_t)snprintf(buf + len, size - len, "%s%s",
                                    len ? "; " : "", notes[i].text);
    if (!buf[0])
        snprintf(buf, size, "NA");
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        CLI_COMMON_LONGOPTS,
        { "pair", required_argument, NULL, 'p' },
        { "stat", required_argument, NULL, 's' },
        { "method", required_argument, NULL, 'm' },
        { "replicates", required_argument, NULL, 'B' },
        { "seed", required_argument, NULL, OPT_SEED },
        { "level", required_argument, NULL, OPT_LEVEL },
        { "strata", required_argument, NULL, OPT_STRATA },
        { "threads", required_argument, NULL, OPT_THREADS },
        { "replicates-out", required_argument, NULL, OPT_REPS_OUT },
        { NULL, 0, NULL, 0 }
    };
    struct cli_common cli;
    const char **pairs = NULL;
    size_t npairs = 0;
    struct want *wants = NULL;
    size_t nwants = 0;
    unsigned mmask = (1u << BOOT_PERC) | (1u << BOOT_BCA);
    size_t B = DEFAULT_B;
    uint64_t seed = DEFAULT_SEED;
    double level = 0.95;
    const char *strata = NULL, *reps_out = NULL;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned threads = ncpu > 0 ? (unsigned)ncpu : 1;
    int opt;

    cli_start(argv[0], &cli);

    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS "p:s:m:B:",
                              longopts, NULL)) != -1) {
        if (cli_common(&cli, opt, optarg, usage))
            continue;
        switch (opt) {
        case 'p':
            pairs = sk_xreallocarray(pairs, npairs + 1, sizeof *pairs);
            pairs[npairs++] = optarg;
            break;
        case 's':
            parse_stats(optarg, &wants, &nwants);
            break;
        case 'm':
            mmask = parse_methods(optarg);
            break;
        case 'B':
            B = (size_t)cli_long("--replicates", optarg, 1, 100000000);
            break;
        case OPT_SEED:
            seed = (uint64_t)cli_long("--seed", optarg, 0, 0x7fffffffffffffffL);
            break;
        case OPT_LEVEL:
            level = cli_level("--level", optarg);
            break;
        case OPT_STRATA:
            strata = optarg;
            break;
        case OPT_THREADS:
            threads = (unsigned)cli_long("--threads", optarg, 1, 1024);
            break;
        case OPT_REPS_OUT:
            reps_out = optarg;
            break;
        default:
            sk_try_help();
        }
    }
    cli_file_operand(&cli, argc, argv);
    if (!nwants)    /* mean of -c columns, or mean-diff of -p pairs */
        parse_stats(npairs && !cli.in.columns ? "mean-diff" : "mean", &wants,
                    &nwants);
    for (size_t i = 0; i < nwants; i++)
        for (size_t j = 0; j < i; j++)
            if (!strcmp(wants[i].name, wants[j].name))
                sk_usage_error("statistic '%s' given twice", wants[i].name);
    /* the percentile ends need order statistics 1 .. B */
    /* (B + 1)(1 - level)/2 >= 1, with room for the rounding of 1 - level */
    double need = 2 / (1 - level) - 1;
    char level_str[32];
    exact_text(level, level_str, sizeof level_str);
    if ((double)B < need - 1e-6)
        sk_usage_error("too few replicates: -B %zu with --level %s needs at "
                       "least %.0f", B, level_str, ceil(need - 1e-6));

    int want_fam[4] = { 0, 0, 0, 0 };
    for (size_t i = 0; i < nwants; i++)
        want_fam[wants[i].def->fam] = 1;
    if ((want_fam[FAM_UNI] || want_fam[FAM_ALPHA]) && !cli.in.columns)
        sk_usage_error("%s needs columns: give -c LIST",
                       want_fam[FAM_ALPHA] ? "alpha" : "the statistic");
    if ((want_fam[FAM_PAIRED] || want_fam[FAM_COR]) && !npairs)
        sk_usage_error("mean-diff, dz and cor need pairs: give -p A:B");
    if (npairs && !(want_fam[FAM_PAIRED] || want_fam[FAM_COR]))
        sk_usage_error("-p pairs go with mean-diff, dz or cor (-s)");
    if (cli.in.columns && !(want_fam[FAM_UNI] || want_fam[FAM_ALPHA]))
        sk_usage_error("-c columns go with mean, median, sd, var, prop or "
                       "alpha (-s)");

    /* Columns to keep: -c columns, then both columns of each pair. */
    struct input *in = input_open_raw(&cli.in);
    const char *const *names = input_names(in);
    size_t *cols = NULL, ncols = 0;
    if (cli.in.columns) {
        char *err;
        if (colsel_parse(cli.in.columns, names, input_ncols(in), &cols,
                         &ncols, &err) != 0)
            sk_usage_error("%s: %s", input_filename(in), err);
    }
    size_t nc_uni = ncols;
    for (size_t i = 0; i < npairs; i++) {
        const char *c = strrchr(pairs[i], ':');
        if (!c)
            sk_usage_error("invalid --pair '%s': expected A:B", pairs[i]);
        char *left = sk_xstrndup(pairs[i], (size_t)(c - pairs[i]));
        cols = sk_xreallocarray(cols, ncols + 2, sizeof *cols);
        cols[ncols++] = input_find(in, left);
        cols[ncols++] = input_find(in, c + 1);
        free(left);
    }
    input_set_columns(in, cols, ncols);
    size_t keys[2], nkeys = 0;
    int has_group = cli.in.by != NULL, has_strata = strata != NULL;
    if (has_group)
        keys[nkeys++] = input_find(in, cli.in.by);
    if (has_strata)
        keys[nkeys++] = input_find(in, strata);
    input_set_keys(in, keys, nkeys);

    /* Read everything: the kept columns (NAN when missing), group and
     * stratum numbers in first-seen order. */
    struct strmap *groups = strmap_new(), *strat_names = strmap_new();
    double *data = NULL;
    size_t *grp = NULL, *str = NULL, nrows = 0, cap = 0;
    struct input_row row;
    while (input_next(in, &row)) {
        if (nrows == cap) {
            cap = cap ? 2 * cap : 4096;
            data = sk_xreallocarray(data, cap * (ncols ? ncols : 1),
                                    sizeof *data);
            grp = sk_xreallocarray(grp, cap, sizeof *grp);
            str = sk_xreallocarray(str, cap, sizeof *str);
        }
        for (size_t c = 0; c < ncols; c++)
            data[nrows * ncols + c] = row.cell[c].missing ? NAN
                                                          : row.cell[c].v.x;
        grp[nrows] = has_group ? strmap_intern(groups, row.key[0],
                                               row.key_len[0], NULL) : 0;
        str[nrows] = has_strata ? strmap_intern(strat_names,
                                                row.key[has_group],
                                                row.key_len[has_group], NULL)
                                : 0;
        nrows++;
    }
    size_t ngroups = has_group ? strmap_size(groups) : 1;
    /* Replicate b of group g draws from the stream g 2^40 + b, bit 63
     * marking the median's: beyond 2^23 groups streams would repeat. */
    if (ngroups > BOOT_MAX_GROUPS)
        sk_die("%s: %zu groups in column '%s': at most %lu can have "
               "independent random streams", input_filename(in), ngroups,
               cli.in.by, (unsigned long)BOOT_MAX_GROUPS);
    /* The rows of each group, in input order: the rows of group g are
     * grows[gstart[g] .. gstart[g + 1]) (one counting sort, so that the
     * groups cost O(rows + groups), not O(rows x groups)). */
    size_t *gstart = sk_xcalloc(ngroups + 1, sizeof *gstart);
    size_t *grows = sk_xcalloc(nrows ? nrows : 1, sizeof *grows);
    for (size_t r = 0; r < nrows; r++)
        gstart[grp[r] + 1]++;
    for (size_t g = 0; g < ngroups; g++)
        gstart[g + 1] += gstart[g];
    {
        size_t *fill = sk_xcalloc(ngroups, sizeof *fill);
        for (size_t r = 0; r < nrows; r++)
            grows[gstart[grp[r]] + fill[grp[r]]++] = r;
        free(fill);
    }

    /* The analyses, in the order asked. */
    struct analysis *an = NULL;
    size_t nan_ = 0;
    if (want_fam[FAM_UNI])
        for (size_t c = 0; c < nc_uni; c++) {
            an = sk_xreallocarray(an, nan_ + 1, sizeof *an);
            an[nan_] = (struct analysis){ sk_xstrdup(names[cols[c]]), FAM_UNI,
                                          sk_xcalloc(1, sizeof(size_t)), 1 };
            an[nan_].cols[0] = c;
            nan_++;
        }
    if (want_fam[FAM_ALPHA]) {
        an = sk_xreallocarray(an, nan_ + 1, sizeof *an);
        an[nan_] = (struct analysis){ sk_xstrdup(cli.in.columns), FAM_ALPHA,
                                      sk_xcalloc(nc_uni, sizeof(size_t)),
                                      nc_uni };
        for (size_t c = 0; c < nc_uni; c++)
            an[nan_].cols[c] = c;
        nan_++;
    }
    for (int fam = FAM_PAIRED; fam <= FAM_COR; fam++) {
        if (!want_fam[fam])
            continue;
        for (size_t i = 0; i < npairs; i++) {
            size_t a = nc_uni + 2 * i, b = a + 1;
            char *label;
            if (asprintf(&label, fam == FAM_PAIRED ? "%s - %s" : "%s:%s",
                         fam == FAM_PAIRED ? names[cols[b]] : names[cols[a]],
                         fam == FAM_PAIRED ? names[cols[a]] : names[cols[b]])
                < 0)
                sk_die("out of memory");
            an = sk_xreallocarray(an, nan_ + 1, sizeof *an);
            an[nan_] = (struct analysis){ label, (enum family)fam,
                                          sk_xcalloc(2, sizeof(size_t)), 2 };
            an[nan_].cols[0] = a;
            an[nan_].cols[1] = b;
            nan_++;
        }
    }
    if (want_fam[FAM_ALPHA] && nc_uni < 2)
        sk_usage_error("alpha needs at least 2 columns");

    /* Run. */
    struct row_out *out = NULL;
    size_t nout = 0;
    FILE *rf = NULL;
    if (reps_out) {
        rf = fopen(reps_out, "w");
        if (!rf)
            sk_die("%s: %m", reps_out);
        fputs("variable\tgroup\tstat\treplicate\tvalue\n", rf);
    }
    double *x = sk_xcalloc((nrows ? nrows : 1) * (nc_uni > 2 ? nc_uni : 2),
                           sizeof *x);
    size_t *xs = sk_xcalloc(nrows ? nrows : 1, sizeof *xs);
    /* stratum number -> its number in the sample (-1: not seen yet), and
     * the strata seen, to unmap them after each sample */
    size_t nsn = strmap_size(strat_names) + 1;
    size_t *smap = sk_xcalloc(nsn, sizeof *smap);
    size_t *sused = sk_xcalloc(nsn, sizeof *sused);
    for (size_t k = 0; k < nsn; k++)
        smap[k] = (size_t)-1;
    size_t outcap = 0;
    int progress_on = isatty(STDERR_FILENO);
    struct out o;
    out_init(&o, rf ? rf : stdout, cli.precision);

    for (size_t ai = 0; ai < nan_; ai++) {
        const struct analysis *A = &an[ai];
        for (size_t g = 0; g < ngroups; g++) {
            /* the sets of this analysis: one per distinct data */
            for (size_t wi = 0; wi < nwants; wi++) {
                const struct want *W = &wants[wi];
                if (W->def->fam != A->fam)
                    continue;
                /* several stats on the same data share one run: skip a
                 * want already done with an earlier one */
                int dup = 0;
                for (size_t wj = 0; wj < wi; wj++)
                    if (wants[wj].def->fam == A->fam && !W->levels &&
                        !wants[wj].levels)
                        dup = 1;
                if (dup)
                    continue;
                enum boot_stat stats[8];
                size_t nst = 0, which[8];
                if (W->levels) {
                    stats[nst] = BOOT_MEAN;
                    which[nst++] = wi;
                } else
                    for (size_t wj = wi; wj < nwants && nst < 8; wj++)
                        if (wants[wj].def->fam == A->fam && !wants[wj].levels) {
                            stats[nst] = wants[wj].def->stat;
                            which[nst++] = wj;
                        }
                /* the sample: complete rows of the group */
                size_t n = 0, w = A->fam == FAM_ALPHA ? A->ncols
                                : A->fam == FAM_COR ? 2 : 1;
                size_t nstr = 0;
                for (size_t q = gstart[g]; q < gstart[g + 1]; q++) {
                    size_t r = grows[q];
                    const double *d = &data[r * ncols];
                    int ok = 1;
                    for (size_t c = 0; c < A->ncols; c++)
                        ok &= !isnan(d[A->cols[c]]);
                    if (!ok)
                        continue;
                    if (A->fam == FAM_PAIRED)
                        x[n] = d[A->cols[1]] - d[A->cols[0]];
                    else if (W->levels) {
                        double v = d[A->cols[0]];
                        x[n] = 0;
                        for (size_t l = 0; l < W->nlevels; l++)
                            if (v == W->levels[l])
                                x[n] = 1;
                    } else
                        for (size_t c = 0; c < w; c++)
                            x[n * w + c] = d[A->cols[c]];
                    if (smap[str[r]] == (size_t)-1) {
                        sused[nstr] = str[r];
                        smap[str[r]] = nstr++;
                    }
                    xs[n] = smap[str[r]];
                    n++;
                }
                for (size_t k = 0; k < nstr; k++)    /* unmapped again */
                    smap[sused[k]] = (size_t)-1;
                const char *gname = has_group ? strmap_key(groups, g) : NULL;
                struct boot_set *set = NULL;
                double *t = NULL, *se = NULL;
                if (n >= 1) {
                    struct boot_sample smp = { n, w, x, has_strata ? xs : NULL,
                                               nstr };
                    set = boot_prepare(&smp, stats, nst);
                    t = sk_xcalloc(nst * B, sizeof *t);
                    if (mmask & (1u << BOOT_STUD))
                        se = sk_xcalloc(nst * B, sizeof *se);
                    struct progress pg;
                    clock_gettime(CLOCK_MONOTONIC, &pg.start);
                    pg.shown = 0;
                    pg.what = A->label;
                    if (boot_replicates(set, B, seed, g, threads, t, se,
                                        progress_on ? show_progress : NULL,
                                        &pg) != 0)
                        sk_die("cannot start threads");
                }
                for (size_t si = 0; si < nst; si++) {
                    const struct want *Ws = &wants[which[si]];
                    if (rf && set)
                        for (size_t b = 0; b < B; b++) {
                            out_text(&o, A->label);
                            out_text(&o, gname ? gname : ALL_ROWS);
                            out_text(&o, Ws->name);
                            out_count(&o, b + 1);
                            out_num(&o, t[si * B + b]);
                            out_end_row(&o);
                        }
                    struct boot_result res[5];
                    size_t k = boot_results(set, si, set ? t + si * B : NULL,
                                            se ? se + si * B : NULL, B, level,
                                            mmask, res);
                    for (size_t j = 0; j < k; j++) {
                        if (nout == outcap) {
                            outcap = outcap ? 2 * outcap : 64;
                            out = sk_xreallocarray(out, outcap, sizeof *out);
                        }
                        out[nout++] = (struct row_out){ A->label, gname,
                                                        Ws->name, n, B,
                                                        res[j] };
                    }
                }
                free(t);
                free(se);
                boot_free(set);
            }
        }
    }
    if (rf && fclose(rf) != 0)
        sk_die("%s: write error", reps_out);

    out_init(&o, stdout, cli.precision);
    static const char *const head[] = {
        "variable", "group", "stat", "n", "B", "seed", "method", "level",
        "estimate", "bias", "se", "lo", "hi", "z0", "a", "rng", "note",
        "n_undefined"
    };
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        out_text(&o, head[i]);
    out_end_row(&o);
    for (size_t i = 0; i < nout; i++) {
        const struct row_out *ro = &out[i];
        const struct boot_result *r = &ro->r;
        char buf[400];
        out_text(&o, ro->variable);
        out_text(&o, ro->group ? ro->group : ALL_ROWS);
        out_text(&o, ro->stat);
        out_count(&o, ro->n);
        out_count(&o, ro->B);
        snprintf(buf, sizeof buf, "%llu", (unsigned long long)seed);
        out_text(&o, buf);
        for (size_t mi = 0; mi < NMETHODS; mi++)
            if (methods[mi].m == r->m)
                out_text(&o, methods[mi].name);
        out_text(&o, level_str);
        out_num(&o, r->estimate);
        out_num(&o, r->bias);
        out_num(&o, r->se);
        out_num(&o, r->lo);
        out_num(&o, r->hi);
        out_num(&o, r->z0);
        out_num(&o, r->a);
        out_text(&o, RNG_NAME);
        note_text(r, buf, sizeof buf);
        out_text(&o, buf);
        out_count(&o, r->undefined);
        out_end_row(&o);
    }

    for (size_t i = 0; i < nan_; i++) {
        free(an[i].label);
        free(an[i].cols);
    }
    for (size_t i = 0; i < nwants; i++) {
        free(wants[i].name);
        free(wants[i].levels);
    }
    free(an);
    free(wants);
    free(out);
    free(x);
    free(xs);
    free(smap);
    free(sused);
    free(gstart);
    free(grows);
    free(data);
    free(grp);
    free(str);
    free(cols);
    free(pairs);
    strmap_free(groups);
    strmap_free(strat_names);
    input_close(in);
    return SK_EXIT_OK;
}
