/* sk-paired - paired before/after comparisons with tests and effect sizes.
 * Part of surveykit. */
#include <config.h>

#include <getopt.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/choices.h"
#include "lib/cli.h"
#include "lib/match.h"
#include "lib/out.h"
#include "lib/paired.h"
#include "lib/util.h"

enum {
    OPT_LEVEL = CLI_OPT_FIRST_PROGRAM_OPTION,
    OPT_ALTERNATIVE, OPT_EXACT, OPT_APPROX, OPT_NO_CORRECT, OPT_ZERO,
    OPT_EFFECT, OPT_ADJUST
};

/* The conditional output columns. */
enum { F_GROUP = 1, F_ADJUST = 2, F_DAV = 4, F_GAV = 8, F_ASIDE = 16 };

/* Everything but the comparisons themselves (struct match_spec). */
struct opts {
    struct stats_signrank_opts wo;    /* level, alternative, Wilcoxon */
    enum stats_adjust adjust;
    unsigned flags;                   /* F_*: the columns printed */
};

/* One output row: one comparison in one group. */
struct row {
    const char *variable, *before, *after, *group;
    size_t dropped, aside;
    struct stats_paired s;
    double V, p_t_adj, p_w_adj;
    const char *method;               /* p_w_method */
    const char *difference;           /* "AFTER - BEFORE" (match.h) */
    const char *note;                 /* NULL: NA; else points to notes */
    char notes[256];
};

#define R(field) offsetof(struct row, field)
static const struct out_col columns[] = {
    { "variable", OUT_TEXT, R(variable), "what is compared: BEFORE:AFTER "
      "(-p), the stem NAME (--suffix, --prefix), the --value column (long "
      "form)", 0 },
    { "before", OUT_TEXT, R(before), "the column before (long form: the "
      "level A)", 0 },
    { "after", OUT_TEXT, R(after), "the column after (the level B)", 0 },
    { "group", OUT_TEXT, R(group), "the group, with -g", F_GROUP },
    { "n", OUT_COUNT, R(s.n), "complete pairs", 0 },
    { "n_dropped", OUT_COUNT, R(dropped), "pairs with a side missing", 0 },
    { "aside", OUT_COUNT, R(aside), "pairs left out for a non-substantive "
      "answer (a missing=yes level of the codebook, e.g. Don't know) on a "
      "side, none missing; only when the codebook declares such a level",
      F_ASIDE },
    { "mean_before", OUT_NUM, R(s.mean_b), "mean of before", 0 },
    { "sd_before", OUT_NUM, R(s.sd_b), "sd of before, divisor n - 1", 0 },
    { "mean_after", OUT_NUM, R(s.mean_a), "mean of after", 0 },
    { "sd_after", OUT_NUM, R(s.sd_a), "sd of after, divisor n - 1", 0 },
    { "mean_diff", OUT_NUM, R(s.t.mean), "mean of d", 0 },
    { "sd_diff", OUT_NUM, R(s.t.sd), "sd of d", 0 },
    { "se_diff", OUT_NUM, R(s.t.se), "sd_diff / sqrt(n)", 0 },
    { "ci_lo", OUT_NUM, R(s.t.lo), "t interval of mean_diff: mean_diff -+ "
      "t se", 0 },
    { "ci_hi", OUT_NUM, R(s.t.hi), "its upper end", 0 },
    { "t", OUT_NUM, R(s.t.t), "paired t test: t = mean_diff / se_diff "
      "(Student 1908; R's t.test)", 0 },
    { "df", OUT_NUM, R(s.t.df), "n - 1", 0 },
    { "p_t", OUT_NUM, R(s.t.p), "p of the t test", 0 },
    { "dz", OUT_NUM, R(s.t.dz), "Cohen's d_z = mean_diff / sd_diff", 0 },
    { "dz_lo", OUT_NUM, R(s.t.dz_lo), "CI of d_z itself, by inverting the "
      "noncentral t at t (Steiger & Fouladi 1997)", 0 },
    { "dz_hi", OUT_NUM, R(s.t.dz_hi), "its upper end", 0 },
    { "V", OUT_NUM, R(V), "Wilcoxon signed-rank: the sum of the ranks of "
      "|d| of positive d (R's V), mid-ranks for ties", 0 },
    { "p_w", OUT_NUM, R(s.w.p), "p of the signed-rank test", 0 },
    { "p_w_method", OUT_TEXT, R(method), "exact: the exact distribution, "
      "when n < 50 with no ties and no zeros; else normal: the normal "
      "approximation with tie and continuity corrections, as R's "
      "wilcox.test", 0 },
    { "hl", OUT_NUM, R(s.w.hl), "Hodges-Lehmann estimate: median of the "
      "Walsh averages (d_i + d_j)/2, i <= j, of the ranked d", 0 },
    { "hl_lo", OUT_NUM, R(s.w.hl_lo), "its CI from the exact distribution "
      "when it is used (with ties or zeros under --exact, by the rule of "
      "exactRankTests::wilcox.exact), else the Walsh average where the "
      "normal statistic crosses its quantile", 0 },
    { "hl_hi", OUT_NUM, R(s.w.hl_hi), "its upper end", 0 },
    { "r_rb", OUT_NUM, R(s.w.r_rb), "matched-pairs rank-biserial "
      "correlation (T+ - T-) / (T+ + T-) (Kerby 2014)", 0 },
    { "n_zero", OUT_COUNT, R(s.w.n_zero), "zero differences", 0 },
    { "p_sign", OUT_NUM, R(s.p_sign), "exact sign test: Binomial(n+ + n-, "
      "1/2)", 0 },
    { "p_mcnemar", OUT_NUM, R(s.p_mcnemar), "exact McNemar test when every "
      "value is 0 or 1 (the sign test on the discordant pairs), else NA",
      0 },
    { "p_t_adj", OUT_NUM, R(p_t_adj), "p_t adjusted, with --adjust",
      F_ADJUST },
    { "p_w_adj", OUT_NUM, R(p_w_adj), "p_w adjusted, with --adjust",
      F_ADJUST },
    { "d_av", OUT_NUM, R(s.d_av), "with --effect=dav: mean_diff / "
      "((sd_before + sd_after) / 2) (Lakens 2013; Cumming 2012 and pingouin "
      "divide by the root mean square sqrt((sd_b^2 + sd_a^2) / 2))", F_DAV },
    { "g_av", OUT_NUM, R(s.g_av), "with --effect=gav: d_av (1 - 3 / (8n - "
      "9)) (Hedges' correction; Lakens 2013)", F_GAV },
    { "difference", OUT_TEXT, R(difference), "'AFTER - BEFORE' in the "
      "names of before and after, the difference analysed", 0 },
    { "note", OUT_TEXT, R(note), "what needs saying: constant differences "
      "(t infinite, or undefined when all d are 0, where R stops), a CI "
      "level not achievable, ...", 0 },
};
#undef R
#define NCOLUMNS (sizeof columns / sizeof columns[0])

static const struct cli_name zeros[] = {
    { "wilcox", STATS_ZERO_WILCOX, 0 },
    { "pratt", STATS_ZERO_PRATT, 0 },
    { NULL, 0, 0 }
};
static const struct cli_name effects[] = {
    { "dz", 0, 0 },
    { "dav", F_DAV, 0 },
    { "gav", F_GAV, 0 },
    { "all", F_DAV | F_GAV, 0 },
    { NULL, 0, 0 }
};

static void usage(void)
{
    printf("Usage: %s [OPTION]... [FILE]\n", sk_program_name());
    fputs(
"Paired before/after comparisons of a CSV or TSV table: for each pair of\n"
"columns (or each value at two levels of a long table), the paired t test,\n"
"the Wilcoxon signed-rank test, the Hodges-Lehmann estimate, the sign test\n"
"and effect sizes, one tab-separated row per comparison (and group).\n"
"The difference is always AFTER minus BEFORE. With no FILE, or when FILE\n"
"is -, read standard input.\n"
"\n"
"Wide form (one row per person):\n"
"  -p, --pair=BEFORE:AFTER  compare column AFTER with column BEFORE (names\n"
"                           or numbers); repeat for more comparisons\n"
"      --suffix=PRE:POST    pair every column NAME+PRE with NAME+POST, e.g.\n"
"                           --suffix=_pre:_post pairs conf_pre, conf_post\n"
"      --prefix=PRE:POST    pair every column PRE+NAME with POST+NAME\n"
"Long form (one row per person and occasion, or per partner of a dyad):\n"
"      --id=COLUMN          rows with the same id are one pair\n"
"      --within=COLUMN      the column telling the occasion or role\n"
"      --levels=A,B         its two values: A is before, B is after\n"
"      --value=LIST         the value columns to compare (names, numbers,\n"
"                           ranges as -c); rows at other levels are ignored\n"
"                           (their numbers must still be valid)\n"
"\n"
"Input (as every surveykit program):\n"
"  -g, --by=COLUMN        one result per group of COLUMN, first-seen order\n"
"  -t, --tsv              tab-separated input (default: CSV, RFC 4180)\n"
"      --no-header        the first row is data; columns are V1, V2 ...\n"
"      --na=LIST          missing-value tokens (default NA); an empty field\n"
"                         is always missing. A pair with a missing side is\n"
"                         dropped from its comparison and counted\n"
"      --codebook=FILE    answers given as labels are mapped to the codes of\n"
"                         the codebook's levels (codebook format: man\n"
"                         sk-freq); the codes are compared as answered\n"
"                         (reverse keying is not applied: both sides are\n"
"                         the same item). A pair with a missing=yes answer\n"
"                         (Don't know) is left out and counted in 'aside'\n"
"\n"
"Tests:\n"
"      --level=P          confidence level, 0 < P < 1 (default 0.95)\n"
"      --alternative=H    two-sided (default), less or greater: the\n"
"                         difference is below or above 0\n"
"      --exact            Wilcoxon: the exact (conditional permutation)\n"
"                         distribution even with ties and zeros, n <= 1000\n"
"      --approx           Wilcoxon: the normal approximation always (SPSS)\n"
"      --no-correct       Wilcoxon: no continuity correction\n"
"      --zero=METHOD      Wilcoxon zero differences: wilcox (default, drop\n"
"                         them, as R) or pratt (rank them, then drop)\n"
"      --effect=LIST      more effect sizes: dav, gav (or all)\n"
"      --adjust=METHOD    adjust p_t and p_w across the rows of this run:\n"
"                         none (default), holm or bh (Benjamini-Hochberg)\n"
"Output:\n"
"      --precision=N      significant digits of numbers (default 15)\n"
"      --help             show this help and exit\n"
"      --version          show the version and exit\n"
"\n"
"Output columns (d = after - before, over the n complete pairs):\n", stdout);
    out_help(stdout, columns, NCOLUMNS);
    fputs("\nA value that cannot be computed prints NA; one-sided intervals "
          "have Inf.\n\n", stdout);
    fputs(cli_exit_help, stdout);
}

/* Options into S (the comparisons), O (the statistics) and C. */
static void parse_args(int argc, char **argv, struct cli_common *c,
                       struct match_spec *s, struct opts *o)
{
    static const struct option longopts[] = {
        CLI_COMMON_LONGOPTS,
        MATCH_LONGOPTS,
        { "level", required_argument, NULL, OPT_LEVEL },
        { "alternative", required_argument, NULL, OPT_ALTERNATIVE },
        { "exact", no_argument, NULL, OPT_EXACT },
        { "approx", no_argument, NULL, OPT_APPROX },
        { "no-correct", no_argument, NULL, OPT_NO_CORRECT },
        { "zero", required_argument, NULL, OPT_ZERO },
        { "effect", required_argument, NULL, OPT_EFFECT },
        { "adjust", required_argument, NULL, OPT_ADJUST },
        { NULL, 0, NULL, 0 }
    };
    int opt;
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS MATCH_SHORTOPTS,
                              longopts, NULL)) != -1) {
        if ((opt != 'c' && cli_common(c, opt, optarg, usage)) ||
            match_option(s, opt, optarg))
            continue;
        switch (opt) {
        case 'c':
            sk_usage_error("sk-paired takes no -c: give the comparisons with "
                           "-p, --suffix, --prefix or --value");
        case OPT_LEVEL: o->wo.level = cli_level("--level", optarg); break;
        case OPT_ALTERNATIVE:
            o->wo.alt = cli_choice("--alternative", optarg, choices_alternative);
            break;
        case OPT_EXACT: o->wo.force_exact = 1; break;
        case OPT_APPROX: o->wo.force_approx = 1; break;
        case OPT_NO_CORRECT: o->wo.correct = 0; break;
        case OPT_ZERO:
            o->wo.zero = cli_choice("--zero", optarg, zeros);
            break;
        case OPT_EFFECT: {
            const char **item;
            size_t *len, n = cli_list("--effect", "effect size", optarg,
                                      &item, &len);
            for (size_t i = 0; i < n; i++)
                o->flags |= (unsigned)cli_choice_item("--effect", optarg,
                                                      "effect size", item[i],
                                                      len[i], effects);
            free(item);
            free(len);
            break;
        }
        case OPT_ADJUST:
            o->adjust = cli_choice("--adjust", optarg, choices_adjust);
            if (o->adjust != STATS_ADJUST_NONE)
                o->flags |= F_ADJUST;
            break;
        default:
            sk_try_help();
        }
    }
    cli_file_operand(c, argc, argv);
    c->in.suggest_codebook = !s->codebook;
    if (o->wo.force_exact && o->wo.force_approx)
        sk_usage_error("--exact and --approx exclude each other");
    if (c->in.by)
        o->flags |= F_GROUP;
}

static void add_note(struct row *r, const char *text)
{
    size_t len = strlen(r->notes);
    snprintf(r->notes + len, sizeof r->notes - len, "%s%s",
             len ? "; " : "", text);
    r->note = r->notes;
}

/* The statistics of the pairs P into R, and the notes they need. */
static void compare(const struct grouped_cell *p, const struct opts *o,
                    struct row *r)
{
    stats_paired(p->side[0], p->side[1], p->n, o->wo.level, o->wo.alt,
                 &o->wo, &r->s);
    const struct stats_paired *s = &r->s;
    r->dropped = p->dropped;
    r->aside = p->aside;
    r->V = s->n ? s->w.V : NAN;
    r->method = isnan(s->w.p) ? NULL : s->w.exact ? "exact" : "normal";
    if (s->n == 0)
        add_note(r, "no complete pairs");
    else if (s->n == 1)
        add_note(r, "one pair: no sd, t or interval");
    if (s->t.const_sd)
        add_note(r, s->t.mean == 0
                 ? "all differences 0: t and d_z undefined (0/0)"
                 : "differences constant (sd 0): t and d_z infinite");
    if (o->wo.force_exact && s->w.n_used > STATS_EXACT_MAX)
        add_note(r, "exact distribution not computed for n > 1000: normal "
                    "approximation");
    if (s->w.level_not_achieved)
        add_note(r, "HL interval: requested level not achievable");
    if (s->t.dz_imprecise)
        add_note(r, "dz interval: libRmath's noncentral t may not have "
                    "reached full precision");
    if (s->flags & STATS_PAIRED_OVERFLOW)
        add_note(r, "a location result beyond the double range is NA");
    if (s->flags & STATS_PAIRED_SCALE_LOSS)
        add_note(r, "values span more than the double range: the smallest "
                    "lost precision in scaling");
}

/* One row per comparison and group (comparison-major), p adjusted across
 * all of them. */
static struct row *analyse(const struct match *m, const struct opts *o,
                           size_t *nrow)
{
    size_t ng = m->pairs.ngroups, n = m->ncmp * ng;
    struct row *rows = sk_xcalloc(n ? n : 1, sizeof *rows);
    double *pt = sk_xcalloc(n ? n : 1, sizeof *pt);
    double *pw = sk_xcalloc(n ? n : 1, sizeof *pw);
    for (size_t c = 0; c < m->ncmp; c++)
        for (size_t g = 0; g < ng; g++) {
            struct row *r = &rows[c * ng + g];
            r->variable = m->cmp[c].variable;
            r->before = m->cmp[c].before;
            r->after = m->cmp[c].after;
            r->difference = m->cmp[c].difference;
            r->group = match_group(m, g);
            compare(match_pairs(m, g, c), o, r);
            pt[c * ng + g] = r->s.t.p;
            pw[c * ng + g] = r->s.w.p;
        }
    stats_p_adjust(pt, n, o->adjust);
    stats_p_adjust(pw, n, o->adjust);
    for (size_t i = 0; i < n; i++) {
        rows[i].p_t_adj = pt[i];
        rows[i].p_w_adj = pw[i];
    }
    free(pt);
    free(pw);
    *nrow = n;
    return rows;
}

int main(int argc, char **argv)
{
    struct cli_common cli;
    struct match_spec spec = { 0 };
    struct opts o = {
        .wo = { 0.95, STATS_TWO_SIDED, 0, 0, 1, STATS_ZERO_WILCOX },
        .adjust = STATS_ADJUST_NONE,
    };
    cli_start(argv[0], &cli);
    parse_args(argc, argv, &cli, &spec, &o);

    struct match *m = match_read(&spec, &cli.in);
    if (m->has_aside)
        o.flags |= F_ASIDE;
    size_t nrow;
    struct row *rows = analyse(m, &o, &nrow);

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
    match_free(m);
    return SK_EXIT_OK;
}
