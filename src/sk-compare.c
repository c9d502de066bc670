/* sk-compare - two groups of respondents compared: t test, effect sizes,
 * rank-sum test, dominance, Fisher's test, and the dyad check. Part of
 * surveykit. */
#include <config.h>

#include <getopt.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/between.h"
#include "lib/choices.h"
#include "lib/cli.h"
#include "lib/codebook.h"
#include "lib/out.h"
#include "lib/paired.h"
#include "lib/quantile.h"
#include "lib/stats.h"
#include "lib/twogroup.h"
#include "lib/util.h"

enum {
    OPT_BETWEEN = CLI_OPT_FIRST_PROGRAM_OPTION,
    OPT_LEVELS, OPT_DYAD, OPT_CODEBOOK, OPT_LEVEL, OPT_ALTERNATIVE,
    OPT_VAR_EQUAL, OPT_EXACT, OPT_APPROX, OPT_NO_CORRECT, OPT_ADJUST
};

/* The conditional output columns. */
enum { F_GROUP = 1, F_ADJUST = 2, F_DYAD = 4, F_ASIDE = 8 };

struct opts {
    struct stats_ranksum_opts w;      /* level, alternative, rank test */
    int var_equal;
    enum stats_adjust adjust;
    unsigned flags;                   /* F_*: the columns printed */
};

/* One output row: one variable in one subgroup. */
struct row {
    const char *variable, *group, *level_a, *level_b;
    size_t n_a, n_b, missing_a, missing_b, aside_a, aside_b, n_pairs_both;
    double median_a, median_b, r_pairs, p_fisher, p_t_adj, p_w_adj;
    int po_flags;                     /* stats_partover's, with --dyad */
    struct stats_ttest2 t;
    struct stats_smd g;
    struct stats_ranksum w;
    struct stats_dominance d;
    const char *t_method, *w_method, *hl_method, *difference, *note;
    char notes[512];
};

#define R(field) offsetof(struct row, field)
static const struct out_col columns[] = {
    { "variable", OUT_TEXT, R(variable), "the column compared", 0 },
    { "group", OUT_TEXT, R(group), "the subgroup, with -g", F_GROUP },
    { "level_a", OUT_TEXT, R(level_a), "A, the reference level", 0 },
    { "level_b", OUT_TEXT, R(level_b), "B, the comparison level", 0 },
    { "n_a", OUT_COUNT, R(n_a), "answers at level A", 0 },
    { "n_b", OUT_COUNT, R(n_b), "answers at level B", 0 },
    { "missing_a", OUT_COUNT, R(missing_a), "rows at level A with the "
      "answer missing", 0 },
    { "missing_b", OUT_COUNT, R(missing_b), "rows at level B with the "
      "answer missing", 0 },
    { "aside_a", OUT_COUNT, R(aside_a), "rows at level A with a "
      "non-substantive answer (a missing=yes level of the codebook, e.g. "
      "Don't know); only when the codebook declares such a level", F_ASIDE },
    { "aside_b", OUT_COUNT, R(aside_b), "rows at level B with one",
      F_ASIDE },
    { "mean_a", OUT_NUM, R(t.mean_a), "mean of A", 0 },
    { "sd_a", OUT_NUM, R(t.sd_a), "sd of A, divisor n - 1", 0 },
    { "mean_b", OUT_NUM, R(t.mean_b), "mean of B", 0 },
    { "sd_b", OUT_NUM, R(t.sd_b), "sd of B", 0 },
    { "median_a", OUT_NUM, R(median_a), "median of A", 0 },
    { "median_b", OUT_NUM, R(median_b), "median of B", 0 },
    { "mean_diff", OUT_NUM, R(t.diff), "mean_b - mean_a", 0 },
    { "se_diff", OUT_NUM, R(t.se), "its standard error: sqrt(sd_a^2/n_a + "
      "sd_b^2/n_b) (Welch), s_p sqrt(1/n_a + 1/n_b) (Student), or the "
      "partially overlapping test's (--dyad)", 0 },
    { "ci_lo", OUT_NUM, R(t.lo), "interval of mean_diff: mean_diff -+ "
      "t_df se_diff", 0 },
    { "ci_hi", OUT_NUM, R(t.hi), "its upper end", 0 },
    { "t", OUT_NUM, R(t.t), "mean_diff / se_diff (R's t.test(b, a))", 0 },
    { "df", OUT_NUM, R(t.df), "Welch-Satterthwaite df, n_a + n_b - 2 "
      "(Student), or Derrick et al.'s (--dyad)", 0 },
    { "p_t", OUT_NUM, R(t.p), "p of the t test", 0 },
    { "t_method", OUT_TEXT, R(t_method), "welch, student (--var-equal), "
      "overlap-welch or overlap-student (--dyad: the partially overlapping "
      "samples t test, Derrick, Russ, Toher & White 2017)", 0 },
    { "g", OUT_NUM, R(g.g), "Hedges' g = J mean_diff / s_p, s_p the pooled "
      "sd, J = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2)), df = n_a + n_b "
      "- 2 (Hedges 1981; effectsize::hedges_g(b, a))", 0 },
    { "g_lo", OUT_NUM, R(g.g_lo), "J times the noncentral-t interval of "
      "Cohen's d (Steiger & Fouladi 1997)", 0 },
    { "g_hi", OUT_NUM, R(g.g_hi), "its upper end", 0 },
    { "W", OUT_NUM, R(w.W), "Wilcoxon-Mann-Whitney: the sum of B's "
      "mid-ranks - n_b (n_b + 1)/2, the Mann-Whitney U of B = #(b > a) + "
      "#(b = a)/2 (R's wilcox.test(b, a))", 0 },
    { "p_w", OUT_NUM, R(w.p), "p of the rank-sum test", 0 },
    { "p_w_method", OUT_TEXT, R(w_method), "exact: the exact distribution "
      "(R's, when both groups are under 50 with no ties; with --exact the "
      "exact conditional distribution of the mid-ranks, as "
      "coin::wilcox_test(distribution = \"exact\")); normal: the normal "
      "approximation with tie and continuity corrections", 0 },
    { "theta", OUT_NUM, R(d.theta), "probability of superiority P(B > A) + "
      "P(B = A)/2 over all pairs of a and b (Vargha-Delaney A, the AUC, "
      "W / (n_a n_b))", 0 },
    { "theta_lo", OUT_NUM, R(d.theta_lo), "its interval theta -+ t_df se, "
      "se and df of Brunner & Munzel (2000), as Neubert & Brunner (2007), "
      "valid with ties; cut to [0, 1]", 0 },
    { "theta_hi", OUT_NUM, R(d.theta_hi), "its upper end", 0 },
    { "delta", OUT_NUM, R(d.delta), "Cliff's delta = 2 theta - 1 = P(B > A) "
      "- P(B < A), the rank-biserial correlation", 0 },
    { "hl", OUT_NUM, R(w.hl), "Hodges-Lehmann location shift: the median of "
      "the n_a n_b differences b - a (not a difference of medians)", 0 },
    { "hl_lo", OUT_NUM, R(w.hl_lo), "its interval: the order statistics "
      "of the differences at the exact quantiles (hl_method exact), or the "
      "differences where the normal statistic crosses its quantiles, as "
      "R's wilcox.test(conf.int = TRUE)", 0 },
    { "hl_hi", OUT_NUM, R(w.hl_hi), "its upper end", 0 },
    { "p_fisher", OUT_NUM, R(p_fisher), "Fisher's exact test of the 2 x k "
      "table of answers (R's fisher.test), at most 10 distinct answers; else "
      "NA", 0 },
    { "p_gt", OUT_NUM, R(d.p_gt), "P(B > A) over the pairs of answers", 0 },
    { "p_eq", OUT_NUM, R(d.p_eq), "P(B = A)", 0 },
    { "p_lt", OUT_NUM, R(d.p_lt), "P(B < A)", 0 },
    { "delta_lo", OUT_NUM, R(d.delta_lo), "2 theta_lo - 1", 0 },
    { "delta_hi", OUT_NUM, R(d.delta_hi), "2 theta_hi - 1", 0 },
    { "p_bm", OUT_NUM, R(d.p_bm), "p of the Brunner-Munzel test of theta = "
      "1/2 (scipy.stats.brunnermunzel)", 0 },
    { "hl_method", OUT_TEXT, R(hl_method), "exact or normal: how hl_lo and "
      "hl_hi were found", 0 },
    { "n_pairs_both", OUT_COUNT, R(n_pairs_both), "with --dyad: the pairs "
      "in which both partners answered", F_DYAD },
    { "r_pairs", OUT_NUM, R(r_pairs), "with --dyad: Pearson's r of those "
      "pairs' answers", F_DYAD },
    { "p_t_adj", OUT_NUM, R(p_t_adj), "p_t adjusted, with --adjust",
      F_ADJUST },
    { "p_w_adj", OUT_NUM, R(p_w_adj), "p_w adjusted, with --adjust",
      F_ADJUST },
    { "difference", OUT_TEXT, R(difference), "'B - A', the difference "
      "analysed", 0 },
    { "note", OUT_TEXT, R(note), "what needs saying: an empty group, no "
      "spread, rows left out, pairs in which both partners answered ...",
      0 },
};
#undef R
#define NCOLUMNS (sizeof columns / sizeof columns[0])


static void usage(void)
{
    printf("Usage: %s --between=COLUMN [OPTION]... [FILE]\n",
           sk_program_name());
    fputs(
"Two groups of respondents compared on each variable: Welch's t test,\n"
"Hedges' g, the Wilcoxon-Mann-Whitney rank-sum test with the\n"
"Hodges-Lehmann shift, the probability of superiority and Cliff's delta,\n"
"and Fisher's exact test of the answers; one tab-separated row per\n"
"variable (and subgroup). Every difference is B minus A. With no FILE, or\n"
"when FILE is -, read standard input.\n"
"\n"
"The groups:\n"
"      --between=COLUMN   the column telling the two groups\n"
"      --levels=A,B       its two values: A the reference, B the\n"
"                         comparison; may be left out when COLUMN has\n"
"                         exactly two values (first-seen order). Rows at\n"
"                         other values, or with COLUMN missing, are left\n"
"                         out and counted in the note\n"
"      --levels=A,B,C...  more groups: each compared with the reference A\n"
"                         (rows for B - A, then C - A ...; --adjust then\n"
"                         adjusts across all of them)\n"
"      --dyad=COLUMN      the pair id: each A partnered with one B (the\n"
"                         dyad check: the pairs in which both answered are\n"
"                         counted, and t is the partially overlapping\n"
"                         samples test, which uses them as pairs)\n"
"      --codebook=FILE    answers given as labels, mapped to codes by the\n"
"                         codebook's levels (below); -c chooses among its\n"
"                         items (default: all of them). Codes as answered\n"
"                         (reverse keying is not applied); a missing=yes\n"
"                         answer (Don't know) is left out, counted in\n"
"                         aside_a, aside_b\n"
"The variables are the -c columns (default: every column but the\n"
"--between, -g and --dyad columns); -g gives one comparison per subgroup.\n"
"\n", stdout);
    fputs(cli_common_help, stdout);
    fputs(
"Tests:\n"
"      --level=P          confidence level, 0 < P < 1 (default 0.95)\n"
"      --alternative=H    two-sided (default), less or greater: B - A is\n"
"                         below or above 0 (theta below or above 1/2)\n"
"      --var-equal        Student's t test (pooled variance), not Welch's\n"
"      --exact            rank-sum test: the exact conditional distribution\n"
"                         of the mid-ranks even with ties (as coin and\n"
"                         exactRankTests)\n"
"      --approx           rank-sum test: the normal approximation always\n"
"                         (SPSS's asymptotic p)\n"
"      --no-correct       rank-sum test: no continuity correction\n"
"      --adjust=METHOD    adjust p_t and p_w across the rows of this run:\n"
"                         none (default), holm or bh (Benjamini-Hochberg)\n"
"\n"
"Output columns (a: the answers at level A, b: at level B):\n", stdout);
    out_help(stdout, columns, NCOLUMNS);
    fputs(
"\n"
"A value that cannot be computed prints NA; one-sided intervals have Inf.\n"
"With --dyad, the partially overlapping samples t test (Derrick et al.\n"
"2017, J. Mod. Appl. Stat. Methods 16(1)): A's n_a answers (n_1 without a\n"
"partner's answer, n_c in pairs), B's n_b (n_2 alone), r the correlation\n"
"of the n_c pairs; Welch form\n"
"  se^2 = sd_a^2/n_a + sd_b^2/n_b - 2 r sd_a sd_b n_c/(n_a n_b),\n"
"  df = (n_c - 1) + (nu - n_c + 1)(n_1 + n_2)/(n_1 + n_2 + 2 n_c),\n"
"  nu Welch's df of all the answers; equal variances (--var-equal)\n"
"  se = s_p sqrt(1/n_a + 1/n_b - 2 r n_c/(n_a n_b)),\n"
"  df = (n_c - 1) + (n_1 + n_2 + n_c - 1)(n_1 + n_2)/(n_1 + n_2 + 2 n_c).\n"
"With no pairs these are Welch's and Student's tests. The other tests\n"
"treat the groups as independent: the note says when they are not.\n"
"\n", stdout);
    fputs(codebook_help, stdout);
    fputs("\n", stdout);
    fputs(cli_exit_help, stdout);
}

static void parse_args(int argc, char **argv, struct cli_common *c,
                       struct between_spec *s, struct opts *o)
{
    static const struct option longopts[] = {
        CLI_COMMON_LONGOPTS,
        { "between", required_argument, NULL, OPT_BETWEEN },
        { "levels", required_argument, NULL, OPT_LEVELS },
        { "dyad", required_argument, NULL, OPT_DYAD },
        { "codebook", required_argument, NULL, OPT_CODEBOOK },
        { "level", required_argument, NULL, OPT_LEVEL },
        { "alternative", required_argument, NULL, OPT_ALTERNATIVE },
        { "var-equal", no_argument, NULL, OPT_VAR_EQUAL },
        { "exact", no_argument, NULL, OPT_EXACT },
        { "approx", no_argument, NULL, OPT_APPROX },
        { "no-correct", no_argument, NULL, OPT_NO_CORRECT },
        { "adjust", required_argument, NULL, OPT_ADJUST },
        { NULL, 0, NULL, 0 }
    };
    int opt;
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1) {
        if (cli_common(c, opt, optarg, usage))
            continue;
        switch (opt) {
        case OPT_BETWEEN: s->between = optarg; break;
        case OPT_LEVELS: s->levels = optarg; break;
        case OPT_DYAD: s->dyad = optarg; o->flags |= F_DYAD; break;
        case OPT_CODEBOOK: s->co.path = optarg; break;
        case OPT_LEVEL: o->w.level = cli_level("--level", optarg); break;
        case OPT_ALTERNATIVE:
            o->w.alt = cli_choice("--alternative", optarg, choices_alternative);
            break;
        case OPT_VAR_EQUAL: o->var_equal = 1; break;
        case OPT_EXACT: o->w.force_exact = 1; break;
        case OPT_APPROX: o->w.force_approx = 1; break;
        case OPT_NO_CORRECT: o->w.correct = 0; break;
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
    c->in.suggest_codebook = !s->co.path;
    if (o->w.force_exact && o->w.force_approx)
        sk_usage_error("--exact and --approx exclude each other");
    if (c->in.by)
        o->flags |= F_GROUP;
    s->co.columns = c->in.columns;
    s->co.by = c->in.by;
    s->co.data = c->in.path;
    between_check(s);
}

static void add_note(struct row *r, const char *text)
{
    size_t len = strlen(r->notes);
    snprintf(r->notes + len, sizeof r->notes - len, "%s%s",
             len ? "; " : "", text);
    r->note = r->notes;
}

/* The runs of sample S: of its sorted answers X, or of its counts. */
static void sample_runs(const struct between_sample *S, const double *x,
                        struct stats_runs *r)
{
    const double *v;
    const size_t *c;
    size_t k = between_sample_counts(S, &v, &c);
    if (k == 0) {
        stats_runs_make(x, S->n, r);
        return;
    }
    r->k = k;
    r->n = S->n;
    r->v = sk_xcalloc(k, sizeof *r->v);
    r->c = sk_xcalloc(k, sizeof *r->c);
    memcpy(r->v, v, k * sizeof *v);
    memcpy(r->c, c, k * sizeof *c);
}

/* The value at position i (1-based) of the runs' sorted answers. */
static double runs_at(const struct stats_runs *r, size_t i)
{
    size_t cum = 0;
    for (size_t j = 0; j < r->k; j++)
        if ((cum += r->c[j]) >= i)
            return r->v[j];
    return NAN;
}

/* The median of the answers (R's median, quantile type 7 at 1/2). */
static double median(const struct stats_runs *r)
{
    if (r->n == 0)
        return NAN;
    struct stats_qplan pl;
    stats_quantile_plan(r->n, 0.5, 7, &pl);
    return stats_quantile_apply(&pl, runs_at(r, pl.lo), runs_at(r, pl.hi));
}

/* The partially overlapping t test in place of Welch's (--dyad). */
static void dyad_test(const struct between *bt, size_t g, size_t v,
                      int side_b, const struct opts *o, struct row *r)
{
    struct between_split s;
    between_split(bt, g, v, side_b, &s);
    struct stats_partover p;
    stats_partover(s.a_only, s.n1, s.b_only, s.n2, s.pa, s.pb, s.nc,
                   o->w.level, o->w.alt, o->var_equal, &p);
    r->n_pairs_both = s.nc;
    r->r_pairs = s.nc >= 2 ? p.r : NAN;
    r->t.se = p.se;
    r->t.lo = p.lo;
    r->t.hi = p.hi;
    r->t.t = p.t;
    r->t.df = p.df;
    r->t.p = p.p;
    r->t_method = o->var_equal ? "overlap-student" : "overlap-welch";
    r->po_flags = p.flags;
    between_split_free(&s);
}

/* The notes of a row, in the order the man page gives. */
static void row_notes(const struct row *cr, struct row *r, size_t left,
                      const char *between, int dyad)
{
    const char *lv[2] = { cr->level_a, cr->level_b };
    size_t n[2] = { cr->n_a, cr->n_b };
    char buf[320];
    for (int i = 0; i < 2; i++)
        if (n[i] == 0) {
            snprintf(buf, sizeof buf, "no answers at level '%.200s'", lv[i]);
            add_note(r, buf);
        }
    for (int i = 0; i < 2; i++)
        if (n[i] == 1) {
            snprintf(buf, sizeof buf, "one answer at level '%.200s': no sd",
                     lv[i]);
            add_note(r, buf);
        }
    if (n[0] >= 2 && n[1] >= 2 && cr->t.sd_a == 0 && cr->t.sd_b == 0)
        add_note(r, cr->t.mean_a == cr->t.mean_b
                 ? "no spread within the groups: t and g undefined (0/0)"
                 : "no spread within the groups: t and g infinite");
    if (cr->w.flags & STATS_TG_ALL_EQUAL)
        add_note(r, "all answers equal: no rank test");
    if (cr->w.flags & STATS_TG_LEVEL_NOT_ACHIEVED)
        add_note(r, "HL interval: requested level not achievable");
    if (cr->w.flags & STATS_TG_TOO_BIG)
        add_note(r, "exact distribution beyond its work limit: p_w NA");
    if (cr->g.flags & STATS_TG_IMPRECISE)
        add_note(r, "g interval: libRmath's noncentral t may not have "
                          "reached full precision");
    if (left) {
        snprintf(buf, sizeof buf, "%zu rows left out: '%.200s' missing or "
                 "another level", left, between);
        add_note(r, buf);
    }
    if (dyad && cr->n_pairs_both == 1)
        add_note(r, "one pair in which both partners answered: no "
                          "correlation, no t");
    else if (dyad && cr->n_pairs_both) {
        snprintf(buf, sizeof buf, "%zu pairs in which both partners "
                 "answered: the groups are not independent (t is the "
                 "partially overlapping test)", cr->n_pairs_both);
        add_note(r, buf);
    }
    if (cr->po_flags & STATS_TG_PAIRS_CONSTANT)
        add_note(r, "the answers of one side of the pairs are all equal: "
                    "r_pairs undefined, taken as 0 in se_diff");
}

/* Every statistic of variable V in subgroup G, level SIDE_B against the
 * reference, into R. */
static void compare(const struct between *bt, const struct between_spec *sp,
                    size_t g, size_t v, int side_b, int sorted,
                    const struct opts *o, struct row *r)
{
    const struct between_sample *A = between_sample(bt, g, v, 0);
    const struct between_sample *B = between_sample(bt, g, v, side_b);
    size_t na = A->n, nb = B->n;
    r->n_a = na;
    r->n_b = nb;
    r->missing_a = A->missing;
    r->missing_b = B->missing;
    r->aside_a = A->aside;
    r->aside_b = B->aside;
    /* sorted once (in place by between_sort, or here a copy beside the
     * pair indexes): every test takes sorted answers without sorting */
    double *a = A->x, *b = B->x, *ca = NULL, *cb = NULL;
    if (sorted == 0) {
        a = ca = sk_xcalloc(na ? na : 1, sizeof *a);
        b = cb = sk_xcalloc(nb ? nb : 1, sizeof *b);
        if (na)
            memcpy(a, A->x, na * sizeof *a);
        if (nb)
            memcpy(b, B->x, nb * sizeof *b);
        stats_sort(a, na);
        stats_sort(b, nb);
    }
    /* each group's answers as runs of equal values, made once for every
     * test: from the sorted answers, or the counts of a sample that kept
     * counts */
    struct stats_runs ra, rb;
    sample_runs(A, a, &ra);
    sample_runs(B, b, &rb);
    r->median_a = median(&ra);
    r->median_b = median(&rb);
    stats_ttest2_runs(&ra, &rb, o->w.level, o->w.alt, o->var_equal, &r->t);
    r->t_method = o->var_equal ? "student" : "welch";
    if (sp->dyad)
        dyad_test(bt, g, v, side_b, o, r);
    /* g from the t test's means and sds (computed once) */
    stats_smd_summary(na, r->t.mean_a, na > 1 ? r->t.sd_a : 0, nb,
                      r->t.mean_b, nb > 1 ? r->t.sd_b : 0, o->w.level,
                      o->w.alt, &r->g);
    stats_ranksum_runs(&ra, &rb, &o->w, &r->w);
    stats_dominance_runs(&ra, &rb, o->w.level, o->w.alt, &r->d);
    int ff = 0;
    r->p_fisher = stats_fisher_runs(&ra, &rb, &ff);
    stats_runs_free(&ra);
    stats_runs_free(&rb);
    free(ca);
    free(cb);
    if (ff & STATS_TG_TOO_BIG)
        add_note(r, "Fisher's test beyond its work limit: p_fisher NA");
    int w_ok = !isnan(r->w.p) || !isnan(r->w.W);
    r->w_method = r->w.method == STATS_W_NONE || !w_ok ? NULL
        : r->w.method == STATS_W_NORMAL ? "normal" : "exact";
    /* no method when an end could not be found (an open end is +-Inf) */
    r->hl_method = isnan(r->w.hl_lo) || isnan(r->w.hl_hi) ? NULL
        : r->w.hl_exact ? "exact" : "normal";
    row_notes(r, r, between_left_out(bt, g), sp->between, sp->dyad != NULL);
}

/* One row per variable, comparison (B - A, then C - A ...) and subgroup
 * (in that order), p adjusted across all of them. DIFF[c - 1]: the words
 * of level c minus the reference. */
static struct row *analyse(struct between *bt,
                           const struct between_spec *sp,
                           const struct opts *o, char *const *diff,
                           size_t *nrow)
{
    int sorted = between_sort(bt);
    size_t ng = between_ngroups(bt), nv = between_nvars(bt);
    size_t nc = between_nlevels(bt) - 1, n = ng * nv * nc;
    struct row *rows = sk_xcalloc(n ? n : 1, sizeof *rows);
    double *pt = sk_xcalloc(n ? n : 1, sizeof *pt);
    double *pw = sk_xcalloc(n ? n : 1, sizeof *pw);
    const char *la = between_level(bt, 0);
    size_t i = 0;
    for (size_t v = 0; v < nv; v++)
        for (size_t c = 1; c <= nc; c++)
            for (size_t g = 0; g < ng; g++, i++) {
                struct row *r = &rows[i];
                *r = (struct row){ .variable = between_var_name(bt, v),
                                   .group = between_group(bt, g),
                                   .level_a = la,
                                   .level_b = between_level(bt, (int)c),
                                   .difference = diff[c - 1] };
                compare(bt, sp, g, v, (int)c, sorted, o, r);
                pt[i] = r->t.p;
                pw[i] = r->w.p;
            }
    stats_p_adjust(pt, n, o->adjust);
    stats_p_adjust(pw, n, o->adjust);
    for (i = 0; i < n; i++) {
        rows[i].p_t_adj = pt[i];
        rows[i].p_w_adj = pw[i];
    }
    free(pt);
    free(pw);
    *nrow = n;
    return rows;
}

/* The dyad check on standard error: once, when any pair has both. */
static void dyad_warning(const struct between_spec *sp, const struct row *rows,
                         size_t n)
{
    size_t most = 0;
    for (size_t i = 0; i < n; i++)
        if (rows[i].n_pairs_both > most)
            most = rows[i].n_pairs_both;
    if (sp->dyad && most)
        sk_error("the groups are not independent: up to %zu pairs (--dyad "
                 "'%s') in which both partners answered; t is the partially "
                 "overlapping samples test, and the rank tests treat the "
                 "groups as independent", most, sp->dyad);
}

int main(int argc, char **argv)
{
    struct cli_common cli;
    struct between_spec spec = { .many = 1 };
    struct opts o = {
        .w = { 0.95, STATS_TWO_SIDED, 0, 0, 1 },
        .adjust = STATS_ADJUST_NONE,
    };
    cli_start(argv[0], &cli);
    parse_args(argc, argv, &cli, &spec, &o);

    struct between *bt = between_read(&spec, &cli.in);
    if (between_has_aside(bt))
        o.flags |= F_ASIDE;
    size_t nc = between_nlevels(bt) - 1;
    char **diff = sk_xcalloc(nc, sizeof *diff);
    for (size_t c = 0; c < nc; c++)
        if (asprintf(&diff[c], "%s - %s", between_level(bt, (int)c + 1),
                     between_level(bt, 0)) < 0)
            sk_die("out of memory");
    size_t nrow;
    struct row *rows = analyse(bt, &spec, &o, diff, &nrow);

    struct out out;
    out_init(&out, stdout, cli.precision);
    out_header(&out, columns, NCOLUMNS, o.flags);
    out_end_row(&out);
    for (size_t i = 0; i < nrow; i++) {
        out_cells(&out, columns, NCOLUMNS, o.flags, &rows[i]);
        out_end_row(&out);
    }
    dyad_warning(&spec, rows, nrow);
    for (size_t c = 0; c < nc; c++)
        free(diff[c]);
    free(diff);
    free(rows);
    between_free(bt);
    return SK_EXIT_OK;
}
