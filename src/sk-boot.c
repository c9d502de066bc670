/* sk-boot - bootstrap confidence intervals. Part of surveykit. */
#include <config.h>

#include <getopt.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/between.h"
#include "lib/boot.h"
#include "lib/cli.h"
#include "lib/codebook-cli.h"
#include "lib/codebook-data.h"
#include "lib/colsel.h"
#include "lib/input.h"
#include "lib/match.h"
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
    OPT_LEVEL, OPT_STRATA, OPT_THREADS, OPT_REPS_OUT, OPT_SUFFIX, OPT_PREFIX,
    OPT_BETWEEN, OPT_LEVELS
};

/* The statistics a user can ask for: one table for the parser and help. */
enum family { FAM_UNI, FAM_PAIRED, FAM_COR, FAM_ALPHA, FAM_BETWEEN };
#define NFAM 5
struct statdef {
    const char *name;
    enum boot_stat stat;
    enum family fam;
    const char *help;         /* NULL: an alias of the row before */
};
static const struct statdef statdefs[] = {
    { "mean", BOOT_MEAN, FAM_UNI, "mean of each -c column" },
    { "median", BOOT_MEDIAN, FAM_UNI, "median (type 7, as R) of each -c column" },
    { "sd", BOOT_SD, FAM_UNI, "standard deviation (n - 1)" },
    { "var", BOOT_VAR, FAM_UNI, "variance (n - 1)" },
    { "pct:L", BOOT_MEAN, FAM_UNI, "percentage (0-100) of answers in the "
      "levels L, e.g. pct:4,5 (\"% agree\"); prop:L is an alias" },
    { "prop:L", BOOT_MEAN, FAM_UNI, NULL },
    { "mean-diff", BOOT_MEAN, FAM_PAIRED, "mean of AFTER - BEFORE, each -p pair "
      "(pairs resampled); with --between, mean(B) - mean(A)" },
    { "dz", BOOT_DZ, FAM_PAIRED, "Cohen's d_z = mean / sd of AFTER - BEFORE" },
    { "cor", BOOT_COR, FAM_COR, "Pearson's r of the two columns of each -p" },
    { "alpha", BOOT_ALPHA, FAM_ALPHA, "Cronbach's alpha of the -c columns as "
      "one scale (respondents resampled, complete cases)" },
    { "median-diff", BOOT_DIFF_MEDIAN, FAM_BETWEEN, "with --between: "
      "median(B) - median(A) (type 7)" },
    { "pct-diff:L", BOOT_DIFF_MEAN, FAM_BETWEEN, "with --between: the "
      "percentage of B in the levels L minus that of A, in percentage "
      "points, e.g. pct-diff:4,5; prop-diff:L is an alias" },
    { "prop-diff:L", BOOT_DIFF_MEAN, FAM_BETWEEN, NULL },
    { "g", BOOT_G, FAM_BETWEEN, "with --between: Hedges' g = J (mean(B) - "
      "mean(A)) / pooled sd, J exact" },
    { "theta", BOOT_THETA, FAM_BETWEEN, "with --between: P(B > A) + P(B = "
      "A) / 2, the probability of superiority" },
};
#define NSTATDEFS (sizeof statdefs / sizeof statdefs[0])
/* mean-diff with --between: B - A of two groups, not a pair's mean */
static const struct statdef between_mean_diff = {
    "mean-diff", BOOT_DIFF_MEAN, FAM_BETWEEN, NULL
};

/* The intervals of -m; aliases as extra rows. */
static const struct cli_name methods[] = {
    { "percentile", BOOT_PERC, 0 }, { "basic", BOOT_BASIC, 0 },
    { "normal", BOOT_NORM, 0 }, { "bca", BOOT_BCA, 0 },
    { "student", BOOT_STUD, 0 },
    { "perc", BOOT_PERC, 1 }, { "norm", BOOT_NORM, 1 },
    { "stud", BOOT_STUD, 1 },
    { NULL, 0, 0 }
};

static const char *method_name(enum boot_method m)
{
    for (const struct cli_name *c = methods; c->name; c++)
        if (!c->alias && c->value == (int)m)
            return c->name;
    return NULL;
}

/* One output row, as printed. */
struct cells {
    const char *variable, *group, *stat;
    size_t n, B;
    const char *seed, *method, *level;
    double estimate, bias, se, lo, hi, z0, a;
    const char *rng, *difference, *note;
    size_t n_undefined;
};
#define COL(name, kind, field, help) \
    { name, kind, offsetof(struct cells, field), help, 0 }
static const struct out_col cols[] = {
    COL("variable", OUT_TEXT, variable, "what is estimated: the -c "
        "column (also with --between), BEFORE:AFTER of a -p pair (the stem "
        "NAME with --suffix, --prefix), or the -c list (alpha)"),
    COL("group", OUT_TEXT, group, "the group of --by; 'all' without it"),
    COL("stat", OUT_TEXT, stat, "the statistic, as given to -s"),
    COL("n", OUT_COUNT, n, "the complete rows resampled (of both groups "
        "with --between)"),
    COL("B", OUT_COUNT, B, "the replicates"),
    COL("seed", OUT_TEXT, seed, "the generator's seed"),
    COL("method", OUT_TEXT, method, "the interval (-m)"),
    COL("level", OUT_TEXT, level, "the confidence level, as given"),
    COL("estimate", OUT_NUM, estimate, "the statistic of the sample"),
    COL("bias", OUT_NUM, bias, "mean(replicates) - estimate"),
    COL("se", OUT_NUM, se, "the sd of the replicates"),
    COL("lo", OUT_NUM, lo, "the lower end of the interval"),
    COL("hi", OUT_NUM, hi, "the upper end"),
    COL("z0", OUT_NUM, z0, "BCa's bias correction (NA for other methods)"),
    COL("a", OUT_NUM, a, "BCa's acceleration, from the jackknife (NA for "
        "other methods)"),
    COL("rng", OUT_TEXT, rng, "the generator (" RNG_NAME ", Random123)"),
    COL("difference", OUT_TEXT, difference, "what B - A is, in words: "
        "'AFTER - BEFORE' of a pair (mean-diff, dz), 'B - A' of the "
        "--between levels; NA for the statistics of one sample, alpha and "
        "cor"),
    COL("note", OUT_TEXT, note, "says when the data has no variation, an "
        "endpoint is an extreme replicate (use more replicates), and so on; "
        "NA when there is nothing to say"),
    COL("n_undefined", OUT_COUNT, n_undefined, "the replicates whose "
        "statistic is undefined (d_z, r or alpha of a resample in which a "
        "column is constant), left out: when they are more than 1% of B, "
        "lo, hi, bias and se are NA"),
};
#define NCOLS (sizeof cols / sizeof cols[0])

struct want {
    const struct statdef *def;
    char *name;               /* as printed: "mean", "pct:4,5" */
    double *levels;           /* pct's levels */
    size_t nlevels;
};

/* "  NAME  HELP" in the statistics list, HELP wrapped at column 79 under
 * itself (from column 40). */
static void help_item(const char *name, const char *help)
{
    int col = printf("                           %-11s", name);
    const char *p = help;
    while (*p) {
        const char *sp = strchr(p, ' ');
        int len = sp ? (int)(sp - p) : (int)strlen(p);
        if (col + 1 + len > 79 && col > 38) {
            printf("\n%38s", "");
            col = 38;
        }
        col += printf(" %.*s", len, p);
        p += len;
        while (*p == ' ')
            p++;
    }
    putchar('\n');
}

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
"  -p, --pair=BEFORE:AFTER  a pair of columns, repeatable: mean-diff and\n"
"                         dz of AFTER - BEFORE, or cor of the two; rows\n"
"                         resampled (split at the first ':' where both\n"
"                         sides are columns)\n"
"      --suffix=PRE:POST  pair every column NAME+PRE with NAME+POST, as -p\n"
"      --prefix=PRE:POST  pair every column PRE+NAME with POST+NAME\n"
"      --between=COLUMN   two groups of respondents: B - A of each -c column,\n"
"                         each group resampled apart, its size kept (rows\n"
"                         whose COLUMN is missing or another value are left\n"
"                         out); default statistic mean-diff\n"
"      --levels=A,B       the levels of --between: A the reference, B the\n"
"                         comparison (default: the column's two values, in\n"
"                         first-seen order)\n"
"  -s, --stat=LIST        the statistics (default mean; mean-diff of -p\n"
"                         pairs alone or with --between):\n", stdout);
    for (size_t i = 0; i < NSTATDEFS; i++)
        if (statdefs[i].help)
            help_item(statdefs[i].name, statdefs[i].help);
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
"                           student     bootstrap-t, for mean, pct,\n"
"                                       mean-diff (se = sd / sqrt(n)) and,\n"
"                                       with --between, mean-diff and\n"
"                                       pct-diff (se = sqrt(sd_A^2 / n_A +\n"
"                                       sd_B^2 / n_B))\n"
"  -B, --replicates=N     bootstrap replicates (default 10000)\n"
"      --seed=N           the generator's seed (default 20240601): the same\n"
"                         seed gives the same output, whatever --threads\n"
"      --level=P          confidence level, 0 < P < 1 (default 0.95)\n"
"      --strata=COLUMN    resample within the groups of COLUMN (e.g. the\n"
"                         partner role), keeping their sizes (not with\n"
"                         --between, whose groups are the strata)\n"
"  -g, --by=COLUMN        a separate bootstrap per group of COLUMN\n"
"      --threads=N        threads (default: every core this process may\n"
"                         run on, its CPU affinity)\n"
"      --replicates-out=FILE  write the replicates (variable, group, stat,\n"
"                         replicate, value) to FILE, for a histogram\n"
"Input:\n"
"  -t, --tsv              tab-separated input (default: CSV, RFC 4180);\n"
"                         the same as --delimiter=tab\n"
"      --delimiter=C      fields separated by C instead of commas: ';',\n"
"                         '|', tab (also 'tab' or '\\t'), comma, semicolon\n"
"      --decimal-comma    numbers with a decimal comma: 1,5 is 1.5 (then\n"
"                         1.5 is an error); not with the comma delimiter\n"
"      --no-header        the first row is data; columns are V1, V2 ...\n"
"      --na=LIST          missing-value tokens (default NA); an empty field\n"
"                         is always missing; rows missing a needed value\n"
"                         are left out of that statistic (complete cases)\n"
"      --codebook=FILE    every column read (-c, pairs, with --between)\n"
"                         through the codebook (format: man sk-freq):\n"
"                         labels mapped to their codes; a missing=yes\n"
"                         answer (Don't know) is no value, left out as a\n"
"                         missing one. Codes are resampled as answered,\n"
"                         except that alpha reverse-keys the codebook's\n"
"                         reverse items, (min + max) - code, as sk-alpha\n"
"Output:\n"
"      --precision=N      significant digits of numbers (default 15)\n"
"      --help             show this help and exit\n"
"      --version          show the version and exit\n"
"\n"
"Output columns, one row per variable, group, statistic and method:\n",
          stdout);
    out_help(stdout, cols, NCOLS);
    fputs(
"\n"
"Resampling is exact in distribution: answers with few distinct values\n"
"are resampled by their counts (one multinomial draw per replicate and\n"
"group), medians by binomial splitting over the sorted values, and theta\n"
"from the counts of the sorted values (O(k) a replicate). BCa's jackknife\n"
"leaves out one row at a time, of either group (as R's boot with strata).\n"
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

static int is_number(const char *s, size_t len)
{
    struct num_value v;
    return len > 0 && num_parse(s, len, &v) == NUM_OK;
}

/* The statdef of a statistic with levels ("pct:L", "pct-diff:L", or
 * their aliases "prop:L", "prop-diff:L") whose name ITEM starts with, or
 * NULL; *PLEN the length of the prefix matched ("prop:"). An alias gives
 * the statdef it names (the row before it). */
static const struct statdef *levels_def(const char *item, size_t len,
                                        size_t *plen)
{
    for (size_t i = 0; i < NSTATDEFS; i++) {
        const char *colon = strchr(statdefs[i].name, ':');
        *plen = colon ? (size_t)(colon - statdefs[i].name) + 1 : 0;
        if (colon && len >= *plen && !strncmp(item, statdefs[i].name, *plen))
            return statdefs[i].help ? &statdefs[i] : &statdefs[i - 1];
    }
    return NULL;
}

/* -s LIST, appended to *W: names of statdefs; "pct:4,5" (and
 * "pct-diff:4,5", or the aliases prop: and prop-diff:) takes the
 * all-number items after it as its levels; its name is printed with the
 * statdef's own prefix ("prop:4,5" as "pct:4,5"). */
static void parse_stats(const char *list, struct want **w, size_t *nw)
{
    struct cli_name names[NSTATDEFS + 1];
    for (size_t i = 0; i < NSTATDEFS; i++)
        names[i] = (struct cli_name){ statdefs[i].name, (int)i,
                                      !statdefs[i].help };
    names[NSTATDEFS] = (struct cli_name){ NULL, 0, 0 };
    const char **item;
    size_t *len, n = cli_list("-s", "statistic", list, &item, &len);
    for (size_t i = 0; i < n; i++) {
        struct want x = { NULL, NULL, NULL, 0 };
        size_t plen;
        const struct statdef *ld = levels_def(item[i], len[i], &plen);
        if (ld) {
            size_t last = i;
            while (last + 1 < n && is_number(item[last + 1], len[last + 1]))
                last++;
            x.def = ld;
            char *given = sk_xstrndup(item[i], (size_t)(item[last] +
                                                        len[last] - item[i]));
            if (parse_level_list(given + plen, &x.levels, &x.nlevels) != 0)
                sk_usage_error("invalid levels in -s '%s'", given);
            size_t cplen = (size_t)(strchr(ld->name, ':') - ld->name) + 1;
            if (asprintf(&x.name, "%.*s%s", (int)cplen, ld->name,
                         given + plen) < 0)
                sk_die("out of memory");
            free(given);
            i = last;
        } else {
            x.def = &statdefs[cli_choice_item("-s", list, "statistic",
                                              item[i], len[i], names)];
            x.name = sk_xstrndup(item[i], len[i]);
        }
        *w = sk_xreallocarray(*w, *nw + 1, sizeof **w);
        (*w)[(*nw)++] = x;
    }
    free(item);
    free(len);
}

static unsigned parse_methods(const char *list)
{
    const char **item;
    size_t *len, n = cli_list("--method", "method", list, &item, &len);
    unsigned mask = 0;
    for (size_t i = 0; i < n; i++)
        mask |= 1u << cli_choice_item("--method", list, "method", item[i],
                                      len[i], methods);
    free(item);
    free(len);
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
        { BOOT_NOTE_NO_GROUP, "a group has no complete rows, or (g) the "
                              "two have fewer than 4: no estimate, no "
                              "interval" },
        { BOOT_NOTE_NO_STUDENT, "no studentized interval for this "
                                "statistic (mean, pct, mean-diff and "
                                "pct-diff only)" },
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

/* ---- the request ---- */

struct spec {
    struct cli_common cli;
    const char **pairs;
    size_t npairs;
    struct match_spec match;   /* -p, --suffix, --prefix */
    struct want *wants;
    size_t nwants;
    int fam[NFAM];             /* a statistic of family f is asked for */
    unsigned mmask;
    size_t B;
    uint64_t seed;
    double level;
    char level_str[32];        /* the level as given */
    char seed_str[24];
    const char *strata, *reps_out;
    const char *between;       /* --between COLUMN, or NULL */
    const char *levels;        /* --levels A,B, or NULL */
    unsigned threads;
};

static void parse_options(int argc, char **argv, struct spec *sp)
{
    static const struct option longopts[] = {
        CLI_COMMON_LONGOPTS,
        { "pair", required_argument, NULL, 'p' },
        { "suffix", required_argument, NULL, OPT_SUFFIX },
        { "prefix", required_argument, NULL, OPT_PREFIX },
        { "stat", required_argument, NULL, 's' },
        { "method", required_argument, NULL, 'm' },
        { "replicates", required_argument, NULL, 'B' },
        { "seed", required_argument, NULL, OPT_SEED },
        { "level", required_argument, NULL, OPT_LEVEL },
        { "strata", required_argument, NULL, OPT_STRATA },
        { "threads", required_argument, NULL, OPT_THREADS },
        { "replicates-out", required_argument, NULL, OPT_REPS_OUT },
        { "between", required_argument, NULL, OPT_BETWEEN },
        { "levels", required_argument, NULL, OPT_LEVELS },
        MATCH_CODEBOOK_LONGOPT,
        { NULL, 0, NULL, 0 }
    };
    unsigned ncpu = sk_ncpus();
    *sp = (struct spec){ .mmask = (1u << BOOT_PERC) | (1u << BOOT_BCA),
                         .B = DEFAULT_B, .seed = DEFAULT_SEED, .level = 0.95,
                         .threads = ncpu > 1024 ? 1024 : ncpu };
    cli_start(argv[0], &sp->cli);
    int opt;
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS "p:s:m:B:",
                              longopts, NULL)) != -1) {
        if (cli_common(&sp->cli, opt, optarg, usage) ||
            (opt == MATCH_OPT_CODEBOOK && match_option(&sp->match, opt,
                                                       optarg)))
            continue;
        switch (opt) {
        case 'p':
            sp->pairs = sk_xreallocarray(sp->pairs, sp->npairs + 1,
                                         sizeof *sp->pairs);
            sp->pairs[sp->npairs++] = optarg;
            break;
        case 's':
            parse_stats(optarg, &sp->wants, &sp->nwants);
            break;
        case 'm':
            sp->mmask = parse_methods(optarg);
            break;
        case 'B':
            sp->B = (size_t)cli_long("--replicates", optarg, 1, 100000000);
            break;
        case OPT_SEED:
            sp->seed = (uint64_t)cli_long("--seed", optarg, 0,
                                          0x7fffffffffffffffL);
            break;
        case OPT_LEVEL:
            sp->level = cli_level("--level", optarg);
            break;
        case OPT_STRATA:
            sp->strata = optarg;
            break;
        case OPT_THREADS:
            sp->threads = (unsigned)cli_long("--threads", optarg, 1, 1024);
            break;
        case OPT_REPS_OUT:
            sp->reps_out = optarg;
            break;
        case OPT_SUFFIX:
            sp->match.suffix = optarg;
            break;
        case OPT_PREFIX:
            sp->match.prefix = optarg;
            break;
        case OPT_BETWEEN:
            sp->between = optarg;
            break;
        case OPT_LEVELS:
            between_levels_check(optarg);
            sp->levels = optarg;
            break;
        default:
            sk_try_help();
        }
    }
    cli_file_operand(&sp->cli, argc, argv);
    sp->match.pair = sp->pairs;
    sp->match.npair = sp->npairs;
    struct codebook_opts co = { .path = sp->match.codebook,
                                .data = sp->cli.in.path };
    codebook_opts_check(&co);
    sp->cli.in.suggest_codebook = !sp->match.codebook;
}

/* --between: the rules of two groups; mean-diff means B - A. */
static void check_between(struct spec *sp, int paired)
{
    if (sp->levels && !sp->between)
        sk_usage_error("--levels goes with --between COLUMN");
    for (size_t i = 0; i < sp->nwants; i++) {
        struct want *w = &sp->wants[i];
        if (!sp->between && w->def->fam == FAM_BETWEEN)
            sk_usage_error("%s compares two groups: give --between COLUMN",
                           w->name);
        if (!sp->between)
            continue;
        if (w->def->fam == FAM_PAIRED && w->def->stat == BOOT_MEAN)
            w->def = &between_mean_diff;
        else if (w->def->fam != FAM_BETWEEN)
            sk_usage_error("with --between, -s takes mean-diff, median-diff, "
                           "pct-diff:L, g or theta, not '%s'", w->name);
    }
    if (!sp->between)
        return;
    if (sp->strata)
        sk_usage_error("--strata cannot go with --between: its two groups "
                       "are the strata");
    if (paired)
        sk_usage_error("--between compares -c columns across two groups: "
                       "no -p, --suffix or --prefix");
}

/* The defaults that depend on other options, and the usage errors that
 * need every option. */
static void check_spec(struct spec *sp)
{
    int paired = sp->npairs || sp->match.suffix || sp->match.prefix;
    if (!sp->nwants)    /* mean of -c columns, or mean-diff of -p pairs or
                           of --between groups */
        parse_stats((paired && !sp->cli.in.columns) || sp->between
                    ? "mean-diff" : "mean", &sp->wants, &sp->nwants);
    check_between(sp, paired);
    for (size_t i = 0; i < sp->nwants; i++)
        for (size_t j = 0; j < i; j++)
            if (!strcmp(sp->wants[i].name, sp->wants[j].name))
                sk_usage_error("statistic '%s' given twice",
                               sp->wants[i].name);
    /* the percentile ends need order statistics 1 .. B: (B + 1)(1 -
     * level)/2 >= 1, with room for the rounding of 1 - level */
    double need = 2 / (1 - sp->level) - 1;
    exact_text(sp->level, sp->level_str, sizeof sp->level_str);
    snprintf(sp->seed_str, sizeof sp->seed_str, "%llu",
             (unsigned long long)sp->seed);
    if ((double)sp->B < need - 1e-6)
        sk_usage_error("too few replicates: -B %zu with --level %s needs at "
                       "least %.0f", sp->B, sp->level_str,
                       ceil(need - 1e-6));
    for (size_t i = 0; i < sp->nwants; i++)
        sp->fam[sp->wants[i].def->fam] = 1;
    int uni = sp->fam[FAM_UNI] || sp->fam[FAM_ALPHA] || sp->fam[FAM_BETWEEN];
    int two = sp->fam[FAM_PAIRED] || sp->fam[FAM_COR];
    if (uni && !sp->cli.in.columns)
        sk_usage_error("%s needs columns: give -c LIST",
                       sp->fam[FAM_ALPHA] ? "alpha" : "the statistic");
    if (two && !paired)
        sk_usage_error("mean-diff, dz and cor need pairs: give -p A:B, "
                       "--suffix or --prefix");
    if (paired && !two)
        sk_usage_error("-p pairs go with mean-diff, dz or cor (-s)");
    if (sp->cli.in.columns && !uni)
        sk_usage_error("-c columns go with mean, median, sd, var, pct or "
                       "alpha (-s)");
}

static void spec_free(struct spec *sp)
{
    for (size_t i = 0; i < sp->nwants; i++) {
        free(sp->wants[i].name);
        free(sp->wants[i].levels);
    }
    free(sp->wants);
    free(sp->pairs);
}

/* ---- the data ---- */

/* The kept columns of every row (NAN when missing), -c columns first,
 * then both columns of each pair; group and stratum numbers in first-seen
 * order (grp, str: NULL without -g, --strata); the rows of group g are
 * grows[gstart[g] .. gstart[g + 1]) (grows NULL without -g: every row in
 * order). */
struct data {
    struct input *in;
    const char *const *names;
    size_t *cols, ncols, nc_uni;
    size_t npairs;             /* the comparisons, after the -c columns */
    struct match_cmp *cmp;     /* their names (match.h) */
    double *x;                 /* nrows * ncols */
    size_t *grp, *str, nrows;
    struct strmap *groups, *strata;
    int has_group, has_strata;
    size_t ngroups;
    size_t *gstart, *grows;
    /* --between: its two levels (between.h), each row's side 0 (A), 1
     * (B) or -1 (left out) */
    int has_between;
    struct between_levels lv;
    signed char *side;
    /* --codebook: the item of each stored column, and the reader */
    struct codebook *cb;
    size_t *items;
    struct codebook_data *cd;
};

static void open_data(const struct spec *sp, struct data *d)
{
    d->in = input_open_raw(&sp->cli.in);
    d->names = input_names(d->in);
    const char **named = NULL;   /* with a codebook: items by their names */
    if (sp->match.codebook) {
        d->cb = codebook_open_bound(sp->match.codebook, d->in);
        d->names = named = codebook_column_names(d->cb, d->in);
    }
    if (sp->cli.in.columns) {
        char *err;
        int rc = colsel_parse(sp->cli.in.columns, d->names,
                              input_ncols(d->in), &d->cols, &d->ncols, &err);
        if (rc != 0 && named) {     /* an item by its header (alias) */
            free(err);
            rc = colsel_parse(sp->cli.in.columns, input_names(d->in),
                              input_ncols(d->in), &d->cols, &d->ncols, &err);
        }
        if (rc != 0)
            sk_usage_error("%s: %s", input_filename(d->in), err);
    }
    d->nc_uni = d->ncols;
    size_t (*pc)[2] = NULL;
    d->npairs = sp->match.npair || sp->match.suffix || sp->match.prefix
        ? match_columns_named(&sp->match, d->in, named, &pc, &d->cmp) : 0;
    d->cols = sk_xreallocarray(d->cols, d->ncols + 2 * d->npairs + 1,
                               sizeof *d->cols);
    for (size_t i = 0; i < d->npairs; i++) {
        d->cols[d->ncols++] = pc[i][0];
        d->cols[d->ncols++] = pc[i][1];
    }
    free(pc);
    if (!d->cb)
        input_set_columns(d->in, d->cols, d->ncols);
    else
        codebook_column_items(d->cb, d->in, d->cols, d->ncols, &d->items);
    d->names = input_names(d->in);
    free(named);
    size_t keys[3], nkeys = 0;
    d->has_group = sp->cli.in.by != NULL;
    d->has_strata = sp->strata != NULL;
    d->has_between = sp->between != NULL;
    if (d->has_group)
        keys[nkeys++] = input_find(d->in, sp->cli.in.by);
    if (d->has_strata)
        keys[nkeys++] = input_find(d->in, sp->strata);
    if (d->has_between)
        keys[nkeys++] = input_find(d->in, sp->between);
    if (d->cb)
        d->cd = codebook_data_open_keys(d->cb, d->in, d->items, d->ncols,
                                        keys, nkeys);
    else
        input_set_keys(d->in, keys, nkeys);
}

/* The next row, into X (the stored columns, NAN when missing or a
 * non-substantive answer). */
static int next_row(struct data *d, struct input_row *row, double *x)
{
    if (d->cd)
        return codebook_data_next(d->cd, x, row);
    if (!input_next(d->in, row))
        return 0;
    for (size_t c = 0; c < d->ncols; c++)
        x[c] = row->cell[c].missing ? NAN : row->cell[c].v.x;
    return 1;
}

static void read_data(const struct spec *sp, struct data *d)
{
    d->groups = strmap_new();
    d->strata = strmap_new();
    size_t cap = 0, nc = d->ncols, kb = (size_t)(d->has_group + d->has_strata);
    if (d->has_between)
        between_levels_init(&d->lv, sp->between, sp->levels,
                            input_filename(d->in));
    struct input_row row;
    double *x = sk_xcalloc(nc ? nc : 1, sizeof *x);
    while (next_row(d, &row, x)) {
        size_t r = d->nrows;
        if (r == cap) {
            cap = cap ? 2 * cap : 4096;
            d->x = sk_xreallocarray(d->x, cap * (nc ? nc : 1), sizeof *d->x);
            if (d->has_group)
                d->grp = sk_xreallocarray(d->grp, cap, sizeof *d->grp);
            if (d->has_strata)
                d->str = sk_xreallocarray(d->str, cap, sizeof *d->str);
            if (d->has_between)
                d->side = sk_xreallocarray(d->side, cap, sizeof *d->side);
        }
        for (size_t c = 0; c < nc; c++)
            d->x[r * nc + c] = x[c];
        if (d->has_group)
            d->grp[r] = strmap_intern(d->groups, row.key[0], row.key_len[0],
                                      NULL);
        if (d->has_strata)
            d->str[r] = strmap_intern(d->strata, row.key[d->has_group],
                                      row.key_len[d->has_group], NULL);
        if (d->has_between)
            d->side[r] = (signed char)between_levels_side(&d->lv, row.key[kb],
                                                          row.key_len[kb],
                                                          row.key_missing[kb],
                                                          row.line);
        d->nrows++;
    }
    free(x);
}

/* The rows of each group, in input order (one counting sort, so that the
 * groups cost O(rows + groups), not O(rows x groups)). */
static void group_rows(const struct spec *sp, struct data *d)
{
    size_t ng = d->has_group ? strmap_size(d->groups) : 1;
    /* Replicate b of group g draws from the stream g 2^40 + b, bit 63
     * marking the median's: beyond 2^23 groups streams would repeat. */
    if (ng > BOOT_MAX_GROUPS)
        sk_die("%s: %zu groups in column '%s': at most %lu can have "
               "independent random streams", input_filename(d->in), ng,
               sp->cli.in.by, (unsigned long)BOOT_MAX_GROUPS);
    d->ngroups = ng;
    d->gstart = sk_xcalloc(ng + 1, sizeof *d->gstart);
    if (!d->has_group) {
        d->gstart[1] = d->nrows;
        return;
    }
    d->grows = sk_xcalloc(d->nrows ? d->nrows : 1, sizeof *d->grows);
    for (size_t r = 0; r < d->nrows; r++)
        d->gstart[d->grp[r] + 1]++;
    for (size_t g = 0; g < ng; g++)
        d->gstart[g + 1] += d->gstart[g];
    size_t *fill = sk_xcalloc(ng, sizeof *fill);
    for (size_t r = 0; r < d->nrows; r++)
        d->grows[d->gstart[d->grp[r]] + fill[d->grp[r]]++] = r;
    free(fill);
}

static void data_free(struct data *d)
{
    free(d->gstart);
    free(d->grows);
    free(d->x);
    free(d->grp);
    free(d->str);
    free(d->side);
    if (d->has_between)
        between_levels_free(&d->lv);
    free(d->cols);
    for (size_t i = 0; i < d->npairs; i++)
        match_cmp_free(&d->cmp[i]);
    free(d->cmp);
    strmap_free(d->groups);
    strmap_free(d->strata);
    codebook_data_close(d->cd);
    codebook_free(d->cb);
    free(d->items);
    input_close(d->in);
}

/* ---- the plan: analyses, statistics, tasks ---- */

struct analysis {
    char *label;              /* variable: column, "A:B" (or a stem), list */
    char *difference;         /* "B - A", or NULL (NA) */
    enum family fam;
    size_t *cols;             /* indexes into the stored columns */
    size_t ncols;
};

/* The statistics of one bootstrap run: the statistics of a family but
 * pct share one run (the same sample); each pct has its own (its 0/100
 * sample). */
struct batch {
    enum family fam;
    const struct want *prop;   /* prop's want, or NULL */
    enum boot_stat *stats;     /* nst of them, sized from the request */
    const struct want **want;  /* the want of each */
    size_t nst;
};

/* One run: an analysis, a group, a batch, in the order of the output. */
struct task {
    size_t an, g, bt;
};

struct plan {
    struct analysis *an;
    size_t nan;
    struct batch *bt;
    size_t nbt;
    struct task *task;
    size_t ntask;
};

static void add_analysis(struct plan *p, char *label, char *difference,
                         enum family fam, size_t first, size_t ncols)
{
    p->an = sk_xreallocarray(p->an, p->nan + 1, sizeof *p->an);
    struct analysis *a = &p->an[p->nan++];
    *a = (struct analysis){ label, difference, fam,
                            sk_xcalloc(ncols, sizeof(size_t)), ncols };
    for (size_t c = 0; c < ncols; c++)
        a->cols[c] = first + c;
}

/* The analyses, in the order asked: each -c column, the -c scale, then
 * the pairs of mean-diff and dz, then those of cor. */
/* The name of stored column C: its item's (short) name with a codebook. */
static const char *column_name(const struct data *d, size_t c)
{
    return d->cb ? d->cb->item[d->items[c]].name : d->names[d->cols[c]];
}

static void plan_analyses(const struct spec *sp, const struct data *d,
                          struct plan *p)
{
    if (sp->fam[FAM_UNI])
        for (size_t c = 0; c < d->nc_uni; c++)
            add_analysis(p, sk_xstrdup(column_name(d, c)), NULL, FAM_UNI, c,
                         1);
    if (sp->fam[FAM_ALPHA])
        add_analysis(p, sk_xstrdup(sp->cli.in.columns), NULL, FAM_ALPHA, 0,
                     d->nc_uni);
    if (sp->fam[FAM_BETWEEN])
        for (size_t c = 0; c < d->nc_uni; c++) {
            char *diff;
            if (asprintf(&diff, "%s - %s", d->lv.level[1],
                         d->lv.level[0]) < 0)
                sk_die("out of memory");
            add_analysis(p, sk_xstrdup(column_name(d, c)), diff, FAM_BETWEEN,
                         c, 1);
        }
    for (int fam = FAM_PAIRED; fam <= FAM_COR; fam++) {
        if (!sp->fam[fam])
            continue;
        for (size_t i = 0; i < d->npairs; i++)    /* cor: no difference */
            add_analysis(p, sk_xstrdup(d->cmp[i].variable),
                         fam == FAM_PAIRED ? sk_xstrdup(d->cmp[i].difference)
                                           : NULL,
                         (enum family)fam, d->nc_uni + 2 * i, 2);
    }
    if (sp->fam[FAM_ALPHA] && d->nc_uni < 2)
        sk_usage_error("alpha needs at least 2 columns");
}

static void add_batch(struct plan *p, enum family fam, const struct want *prop,
                      size_t size)
{
    p->bt = sk_xreallocarray(p->bt, p->nbt + 1, sizeof *p->bt);
    p->bt[p->nbt++] = (struct batch){ fam, prop,
                                      sk_xcalloc(size, sizeof(enum boot_stat)),
                                      sk_xcalloc(size, sizeof(void *)), 0 };
}

/* The batches, in the order of the first statistic of each, then the
 * tasks: every (analysis, group, batch of its family). */
static void plan_tasks(const struct spec *sp, size_t ngroups, struct plan *p)
{
    for (size_t wi = 0; wi < sp->nwants; wi++) {
        const struct want *W = &sp->wants[wi];
        enum family fam = W->def->fam;
        if (W->levels) {
            add_batch(p, fam, W, 1);
            p->bt[p->nbt - 1].stats[0] = W->def->stat;   /* on 0/1 */
            p->bt[p->nbt - 1].want[0] = W;
            p->bt[p->nbt - 1].nst = 1;
            continue;
        }
        int seen = 0;
        for (size_t wj = 0; wj < wi; wj++)
            seen |= sp->wants[wj].def->fam == fam && !sp->wants[wj].levels;
        if (seen)
            continue;
        add_batch(p, fam, NULL, sp->nwants);
        struct batch *b = &p->bt[p->nbt - 1];
        for (size_t wj = wi; wj < sp->nwants; wj++)
            if (sp->wants[wj].def->fam == fam && !sp->wants[wj].levels) {
                b->stats[b->nst] = sp->wants[wj].def->stat;
                b->want[b->nst++] = &sp->wants[wj];
            }
    }
    size_t cap = 0;
    for (size_t a = 0; a < p->nan; a++)
        for (size_t g = 0; g < ngroups; g++)
            for (size_t b = 0; b < p->nbt; b++) {
                if (p->bt[b].fam != p->an[a].fam)
                    continue;
                if (p->ntask == cap) {
                    cap = cap ? 2 * cap : 64;
                    p->task = sk_xreallocarray(p->task, cap, sizeof *p->task);
                }
                p->task[p->ntask++] = (struct task){ a, g, b };
            }
}

static void plan_free(struct plan *p)
{
    for (size_t i = 0; i < p->nan; i++) {
        free(p->an[i].label);
        free(p->an[i].difference);
        free(p->an[i].cols);
    }
    for (size_t i = 0; i < p->nbt; i++) {
        free(p->bt[i].stats);
        free(p->bt[i].want);
    }
    free(p->an);
    free(p->bt);
    free(p->task);
}

/* ---- the runs ---- */

/* A task's sample and the space it is built in. */
struct work {
    double *x;                 /* n rows of w values, made when a sample
                                  is not the stored column itself */
    size_t xcap;               /* its size */
    size_t *xs;                /* n stratum numbers within the sample
                                  (--strata, --between) */
    size_t *smap;              /* stratum -> its number in the sample, or
                                  (size_t)-1 when not seen yet */
    size_t *sused;             /* the strata seen, to unmap them */
    int progress;              /* stderr is a terminal */
};

static void work_init(struct work *wk, const struct data *d)
{
    size_t rows = d->nrows ? d->nrows : 1;
    size_t nsn = strmap_size(d->strata) + 1;
    wk->x = NULL;
    wk->xcap = 0;
    wk->xs = d->has_strata || d->has_between
        ? sk_xcalloc(rows, sizeof *wk->xs) : NULL;
    wk->smap = sk_xcalloc(nsn, sizeof *wk->smap);
    wk->sused = sk_xcalloc(nsn, sizeof *wk->sused);
    for (size_t k = 0; k < nsn; k++)
        wk->smap[k] = (size_t)-1;
    wk->progress = isatty(STDERR_FILENO);
}

static void work_free(struct work *wk)
{
    free(wk->x);
    free(wk->xs);
    free(wk->smap);
    free(wk->sused);
}

/* The sample of analysis A in group g: its complete rows, as differences
 * (mean-diff, dz), 0 or 100 (pct), or the values of its columns; into SMP.
 * LAST: no later task reads the stored columns, so that a sample that is
 * the stored column itself is given to the library to sort in place. */
static void fill_sample(const struct data *d, const struct analysis *A,
                        const struct batch *bt, size_t g, int last,
                        struct work *wk, struct boot_sample *smp)
{
    size_t n = 0, nstr = 0, nc = d->ncols;
    size_t w = A->fam == FAM_ALPHA ? A->ncols : A->fam == FAM_COR ? 2 : 1;
    const struct want *P = bt->prop;
    /* The stored column itself when it is the sample: one column, every
     * row, none missing (none of another level with --between). */
    int own = nc == 1 && !d->grows && !P &&
              (A->fam == FAM_UNI || A->fam == FAM_BETWEEN);
    for (size_t r = 0; own && r < d->nrows; r++)
        own = !isnan(d->x[r]) && (A->fam != FAM_BETWEEN || d->side[r] >= 0);
    size_t need = (d->gstart[g + 1] - d->gstart[g]) * w;
    if (!own && need > wk->xcap) {
        free(wk->x);
        wk->xcap = need;
        wk->x = sk_xcalloc(need, sizeof *wk->x);
    }
    for (size_t q = d->gstart[g]; q < d->gstart[g + 1]; q++) {
        size_t r = d->grows ? d->grows[q] : q;
        const double *v = &d->x[r * nc];
        int ok = 1;
        for (size_t c = 0; c < A->ncols; c++)
            ok &= !isnan(v[A->cols[c]]);
        if (!ok || (A->fam == FAM_BETWEEN && d->side[r] < 0))
            continue;
        if (own)
            ;
        else if (A->fam == FAM_PAIRED)
            wk->x[n] = v[A->cols[1]] - v[A->cols[0]];
        else if (P) {
            wk->x[n] = 0;      /* pct: 0 or 100, the mean a percentage */
            for (size_t l = 0; l < P->nlevels; l++)
                if (v[A->cols[0]] == P->levels[l])
                    wk->x[n] = 100;
        } else if (A->fam == FAM_ALPHA && d->cb)    /* keyed, as sk-alpha */
            for (size_t c = 0; c < w; c++)
                wk->x[n * w + c] = codebook_keyed(d->cb,
                                                  d->items[A->cols[c]],
                                                  v[A->cols[c]]);
        else
            for (size_t c = 0; c < w; c++)
                wk->x[n * w + c] = v[A->cols[c]];
        if (A->fam == FAM_BETWEEN) {    /* the strata: A 0, B 1 */
            wk->xs[n++] = (size_t)d->side[r];
            continue;
        }
        if (!d->has_strata) {
            n++;
            continue;
        }
        if (wk->smap[d->str[r]] == (size_t)-1) {
            wk->sused[nstr] = d->str[r];
            wk->smap[d->str[r]] = nstr++;
        }
        wk->xs[n++] = wk->smap[d->str[r]];
    }
    for (size_t k = 0; k < nstr; k++)    /* unmapped again */
        wk->smap[wk->sused[k]] = (size_t)-1;
    int strata = d->has_strata || A->fam == FAM_BETWEEN;
    *smp = (struct boot_sample){ n, w, own ? d->x : wk->x,
                                 strata ? wk->xs : NULL,
                                 A->fam == FAM_BETWEEN ? 2 : nstr,
                                 own && last ? d->x : NULL };
}

struct row_out {
    const char *variable, *difference, *group, *stat;
    size_t n, B;
    struct boot_result r;
};

struct rows {
    struct row_out *row;
    size_t n, cap;
};

static void add_row(struct rows *rs, struct row_out r)
{
    if (rs->n == rs->cap) {
        rs->cap = rs->cap ? 2 * rs->cap : 64;
        rs->row = sk_xreallocarray(rs->row, rs->cap, sizeof *rs->row);
    }
    rs->row[rs->n++] = r;
}

/* Run task T: its replicates (written to REPS when not NULL) and one
 * result row per statistic and method; LAST as fill_sample. */
static void run_task(const struct spec *sp, const struct data *d,
                     const struct plan *p, const struct task *T, int last,
                     struct work *wk, struct out *reps, struct rows *rs)
{
    const struct analysis *A = &p->an[T->an];
    const struct batch *bt = &p->bt[T->bt];
    size_t B = sp->B, nst = bt->nst;
    const char *gname = d->has_group ? strmap_key(d->groups, T->g) : ALL_ROWS;
    struct boot_sample smp;
    fill_sample(d, A, bt, T->g, last, wk, &smp);
    struct boot_set *set = NULL;
    double *t = NULL, *se = NULL;
    if (smp.n >= 1) {
        set = boot_prepare(&smp, bt->stats, nst);
        t = sk_xcalloc(nst * B, sizeof *t);
        if (sp->mmask & (1u << BOOT_STUD))
            se = sk_xcalloc(nst * B, sizeof *se);
        struct progress pg = { .what = A->label };
        clock_gettime(CLOCK_MONOTONIC, &pg.start);
        if (boot_replicates(set, B, sp->seed, T->g, sp->threads, t, se,
                            wk->progress ? show_progress : NULL,
                            &pg) != 0)
            sk_die("cannot start threads");
    }
    for (size_t si = 0; si < nst; si++) {
        const char *stat = bt->want[si]->name;
        for (size_t b = 0; reps && set && b < B; b++) {
            out_text(reps, A->label);
            out_text(reps, gname);
            out_text(reps, stat);
            out_count(reps, b + 1);
            out_num(reps, t[si * B + b]);
            out_end_row(reps);
        }
        struct boot_result res[5];
        size_t k = boot_results(set, si, set ? t + si * B : NULL,
                                se ? se + si * B : NULL, B, sp->level,
                                sp->mmask, res);
        for (size_t j = 0; j < k; j++)
            add_row(rs, (struct row_out){ A->label, A->difference, gname,
                                          stat, smp.n, B, res[j] });
    }
    free(t);
    free(se);
    boot_free(set);
}

static void print_rows(const struct spec *sp, const struct rows *rs)
{
    struct out o;
    out_init(&o, stdout, sp->cli.precision);
    out_header(&o, cols, NCOLS, 0);
    out_end_row(&o);
    for (size_t i = 0; i < rs->n; i++) {
        const struct row_out *ro = &rs->row[i];
        const struct boot_result *r = &ro->r;
        char note[400];
        note_text(r, note, sizeof note);
        struct cells c = {
            ro->variable, ro->group, ro->stat, ro->n, ro->B, sp->seed_str,
            method_name(r->m), sp->level_str, r->estimate, r->bias, r->se,
            r->lo, r->hi, r->z0, r->a, RNG_NAME, ro->difference, note,
            r->undefined
        };
        out_cells(&o, cols, NCOLS, 0, &c);
        out_end_row(&o);
    }
}

int main(int argc, char **argv)
{
    struct spec sp;
    parse_options(argc, argv, &sp);
    check_spec(&sp);

    struct data d = { 0 };
    open_data(&sp, &d);
    read_data(&sp, &d);
    if (d.has_between)
        between_levels_finish(&d.lv);
    group_rows(&sp, &d);
    struct plan p = { 0 };
    plan_analyses(&sp, &d, &p);
    plan_tasks(&sp, d.ngroups, &p);

    FILE *rf = NULL;
    struct out reps;
    if (sp.reps_out) {
        rf = fopen(sp.reps_out, "w");
        if (!rf)
            sk_die("%s: %m", sp.reps_out);
        fputs("variable\tgroup\tstat\treplicate\tvalue\n", rf);
        out_init(&reps, rf, sp.cli.precision);
    }
    struct work wk;
    work_init(&wk, &d);
    struct rows rs = { 0 };
    for (size_t i = 0; i < p.ntask; i++)
        run_task(&sp, &d, &p, &p.task[i], i + 1 == p.ntask, &wk,
                 rf ? &reps : NULL, &rs);
    if (rf && fclose(rf) != 0)
        sk_die("%s: write error", sp.reps_out);
    print_rows(&sp, &rs);

    free(rs.row);
    work_free(&wk);
    plan_free(&p);
    data_free(&d);
    spec_free(&sp);
    return SK_EXIT_OK;
}
