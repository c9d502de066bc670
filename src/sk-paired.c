/* sk-paired - paired before/after comparisons with tests and effect sizes.
 * Part of surveykit. */
#include <config.h>

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cli.h"
#include "lib/colsel.h"
#include "lib/describe.h"
#include "lib/input.h"
#include "lib/out.h"
#include "lib/paired.h"
#include "lib/strmap.h"
#include "lib/util.h"

enum {
    OPT_PAIR = CLI_OPT_FIRST_PROGRAM_OPTION,
    OPT_SUFFIX, OPT_PREFIX, OPT_ID, OPT_WITHIN, OPT_LEVELS, OPT_VALUE,
    OPT_LEVEL, OPT_ALTERNATIVE, OPT_EXACT, OPT_APPROX, OPT_NO_CORRECT,
    OPT_ZERO, OPT_EFFECT, OPT_ADJUST
};

/* One comparison: two numeric columns (wide form), or one value column
 * at two levels (long form). */
struct cmp {
    char *before, *after;    /* names in the output */
    size_t bcell, acell;     /* wide: positions among the numeric cells */
    size_t vcell;            /* long: position of the value column */
};

/* The pairs of one comparison in one group. */
struct store {
    struct num_value *b, *a;
    size_t n, cap, dropped;
};

struct result {
    size_t dropped;
    struct stats_paired s;
    char note[256];
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
"Output columns (d = after - before, over the n complete pairs):\n"
"  before after [group]    the columns compared (and the group)\n"
"  n n_dropped             complete pairs; pairs with a side missing\n"
"  mean_before sd_before mean_after sd_after   sd with divisor n - 1\n"
"  mean_diff sd_diff se_diff   mean and sd of d, se = sd_diff / sqrt(n)\n"
"  ci_lo ci_hi             t interval of mean_diff: mean_diff -+ t se\n"
"  t df p_t                paired t test: t = mean_diff / se_diff,\n"
"                          df = n - 1 (Student 1908; R's t.test)\n"
"  dz dz_lo dz_hi          Cohen's d_z = mean_diff / sd_diff, and its CI by\n"
"                          inverting the noncentral t at t (Steiger &\n"
"                          Fouladi 1997); the CI of dz is for d_z itself\n"
"  V p_w p_w_method        Wilcoxon signed-rank: V = sum of the ranks of\n"
"                          |d| of positive d (R's V), mid-ranks for ties;\n"
"                          p from the exact distribution (exact) when\n"
"                          n < 50 with no ties and no zeros, else the normal\n"
"                          approximation with tie and continuity\n"
"                          corrections (normal), as R's wilcox.test\n"
"  hl hl_lo hl_hi          Hodges-Lehmann estimate: median of the Walsh\n"
"                          averages (d_i + d_j)/2, i <= j, of the ranked d;\n"
"                          CI from the exact distribution when it is used\n"
"                          (with ties or zeros under --exact, by the rule\n"
"                          of exactRankTests::wilcox.exact), else the Walsh\n"
"                          average where the normal statistic crosses its\n"
"                          quantile\n"
"  r_rb                    matched-pairs rank-biserial correlation\n"
"                          (T+ - T-) / (T+ + T-) (Kerby 2014)\n"
"  n_zero                  zero differences\n"
"  p_sign                  exact sign test: Binomial(n+ + n-, 1/2)\n"
"  p_mcnemar               exact McNemar test when every value is 0 or 1\n"
"                          (the sign test on the discordant pairs), else NA\n"
"  p_t_adj p_w_adj         with --adjust\n"
"  d_av                    with --effect=dav: mean_diff /\n"
"                          ((sd_before + sd_after) / 2) (Lakens 2013;\n"
"                          Cumming 2012 and pingouin divide by the root\n"
"                          mean square sqrt((sd_b^2 + sd_a^2) / 2))\n"
"  g_av                    with --effect=gav: d_av (1 - 3 / (8n - 9))\n"
"                          (Hedges' correction; Lakens 2013)\n"
"  difference              'AFTER - BEFORE', the difference analysed\n"
"  note                    what needs saying: constant differences (t\n"
"                          infinite, or undefined when all d are 0, where R\n"
"                          stops), a CI level not achievable, ...\n"
"\n"
"A value that cannot be computed prints NA; one-sided intervals have Inf.\n"
"\n", stdout);
    fputs(cli_exit_help, stdout);
}

static enum stats_alt parse_alt(const char *s)
{
    if (!strcmp(s, "two-sided") || !strcmp(s, "two.sided"))
        return STATS_TWO_SIDED;
    if (!strcmp(s, "less"))
        return STATS_LESS;
    if (!strcmp(s, "greater"))
        return STATS_GREATER;
    sk_usage_error("invalid value for --alternative: '%s' (two-sided, less "
                   "or greater)", s);
}

static enum stats_adjust parse_adjust(const char *s)
{
    if (!strcmp(s, "none"))
        return STATS_ADJUST_NONE;
    if (!strcmp(s, "holm"))
        return STATS_ADJUST_HOLM;
    if (!strcmp(s, "bh") || !strcmp(s, "BH") || !strcmp(s, "fdr"))
        return STATS_ADJUST_BH;
    sk_usage_error("invalid value for --adjust: '%s' (none, holm or bh)", s);
}

static void parse_effect(const char *s, int *dav, int *gav)
{
    char *copy = sk_xstrdup(s), *save = NULL;
    size_t len = strlen(s);
    if (len == 0 || s[0] == ',' || s[len - 1] == ',' || strstr(s, ",,"))
        sk_usage_error("invalid --effect '%s': a list of dz, dav, gav or all",
                       s);
    for (char *tok = strtok_r(copy, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        if (!strcmp(tok, "dav"))
            *dav = 1;
        else if (!strcmp(tok, "gav"))
            *gav = 1;
        else if (!strcmp(tok, "all"))
            *dav = *gav = 1;
        else if (strcmp(tok, "dz"))
            sk_usage_error("invalid effect size in --effect: '%s' (dz, dav, "
                           "gav or all)", tok);
    }
    free(copy);
}

/* Split "A:B" at the first ':' where both sides name columns. */
static void find_pair(const struct input *in, const char *spec, size_t *b,
                      size_t *a)
{
    const char *const *names = input_names(in);
    size_t ncols = input_ncols(in);
    for (const char *c = strchr(spec, ':'); c; c = strchr(c + 1, ':')) {
        char *left = sk_xstrndup(spec, (size_t)(c - spec)), *err = NULL;
        int ok = colsel_one(left, names, ncols, b, &err) == 0;
        free(err);
        err = NULL;
        ok = ok && colsel_one(c + 1, names, ncols, a, &err) == 0;
        free(err);
        free(left);
        if (ok)
            return;
    }
    const char *c = strchr(spec, ':');
    if (!c || c == spec || !c[1])
        sk_usage_error("invalid --pair '%s': expected BEFORE:AFTER", spec);
    /* Report the side that is not a column. */
    char *left = sk_xstrndup(spec, (size_t)(c - spec));
    *b = input_find(in, left);
    free(left);
    *a = input_find(in, c + 1);
}

static size_t add_cell(size_t **cols, size_t *ncols, size_t col)
{
    for (size_t i = 0; i < *ncols; i++)
        if ((*cols)[i] == col)
            return i;
    *cols = sk_xreallocarray(*cols, *ncols + 1, sizeof **cols);
    (*cols)[*ncols] = col;
    return (*ncols)++;
}

static void push_pair(struct store *s, const struct num_value *b,
                      const struct num_value *a)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 64;
        s->b = sk_xreallocarray(s->b, s->cap, sizeof *s->b);
        s->a = sk_xreallocarray(s->a, s->cap, sizeof *s->a);
    }
    s->b[s->n] = *b;
    s->a[s->n] = *a;
    s->n++;
}

/* A growing table of stores, [group * ncmp + comparison]. */
struct stores {
    struct store *s;
    size_t ncmp, ngroups, gcap;
};

static struct store *store_at(struct stores *st, size_t g, size_t c)
{
    while (g >= st->ngroups) {
        if (st->ngroups == st->gcap) {
            st->gcap = st->gcap ? 2 * st->gcap : 8;
            st->s = sk_xreallocarray(st->s, st->gcap * st->ncmp,
                                     sizeof *st->s);
        }
        memset(&st->s[st->ngroups * st->ncmp], 0,
               st->ncmp * sizeof *st->s);
        st->ngroups++;
    }
    return &st->s[g * st->ncmp + c];
}

static void add_note(struct result *r, const char *text)
{
    size_t len = strlen(r->note);
    snprintf(r->note + len, sizeof r->note - len, "%s%s", len ? "; " : "",
             text);
}

static void compare(const struct store *st, double level, enum stats_alt alt,
                    const struct stats_signrank_opts *wo, struct result *r)
{
    memset(r, 0, sizeof *r);
    r->dropped = st->dropped;
    stats_paired(st->b, st->a, st->n, level, alt, wo, &r->s);
    const struct stats_paired *s = &r->s;
    if (s->n == 0)
        add_note(r, "no complete pairs");
    else if (s->n == 1)
        add_note(r, "one pair: no sd, t or interval");
    if (s->t.const_sd)
        add_note(r, s->t.mean == 0
                 ? "all differences 0: t and d_z undefined (0/0)"
                 : "differences constant (sd 0): t and d_z infinite");
    if (wo->force_exact && s->w.n_used > STATS_EXACT_MAX)
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

/* A level of --levels that never occurs in the --within column is a
 * usage error that shows the values found (a few, first-seen order). */
static void check_levels(const struct input *in, const char *within,
                         struct strmap *seen, const char *la, const char *lb)
{
    const char *lv[2] = { la, lb };
    for (int i = 0; i < 2; i++) {
        int added;
        size_t before = strmap_size(seen);
        strmap_intern(seen, lv[i], strlen(lv[i]), &added);
        if (!added)
            continue;
        size_t n = before, shown = n < 8 ? n : 8;
        char *list = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&list, &len);
        if (!f)
            sk_die("out of memory");
        for (size_t k = 0; k < shown; k++) {
            char *v = input_shown(strmap_key(seen, k),
                                  strlen(strmap_key(seen, k)));
            fprintf(f, "%s'%s'", k ? ", " : "", v);
            free(v);
        }
        if (shown < n)
            fprintf(f, " ... (%zu values in all)", n);
        fclose(f);
        if (n == 0)
            sk_usage_error("%s: --levels: level '%s' never occurs in column "
                           "'%s': it has only missing values",
                           input_filename(in), lv[i], within);
        sk_usage_error("%s: --levels: level '%s' never occurs in column '%s'; "
                       "its values are: %s", input_filename(in), lv[i], within,
                       list);
    }
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        CLI_COMMON_LONGOPTS,
        { "pair", required_argument, NULL, 'p' },
        { "suffix", required_argument, NULL, OPT_SUFFIX },
        { "prefix", required_argument, NULL, OPT_PREFIX },
        { "id", required_argument, NULL, OPT_ID },
        { "within", required_argument, NULL, OPT_WITHIN },
        { "levels", required_argument, NULL, OPT_LEVELS },
        { "value", required_argument, NULL, OPT_VALUE },
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
    struct cli_common cli;
    const char **pairs = NULL;
    size_t npairs = 0;
    const char *suffix = NULL, *prefix = NULL;
    const char *id = NULL, *within = NULL, *levels = NULL, *value = NULL;
    double level = 0.95;
    enum stats_alt alt = STATS_TWO_SIDED;
    enum stats_adjust adjust = STATS_ADJUST_NONE;
    int want_dav = 0, want_gav = 0, approx = 0;
    struct stats_signrank_opts wo = { 0.95, STATS_TWO_SIDED, 0, 0, 1,
                                      STATS_ZERO_WILCOX };
    int opt;

    cli_start(argv[0], &cli);

    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS "p:",
                              longopts, NULL)) != -1) {
        if (opt != 'c' && cli_common(&cli, opt, optarg, usage))
            continue;
        switch (opt) {
        case 'c':
            sk_usage_error("sk-paired takes no -c: give the comparisons with "
                           "-p, --suffix, --prefix or --value");
        case 'p':
            pairs = sk_xreallocarray(pairs, npairs + 1, sizeof *pairs);
            pairs[npairs++] = optarg;
            break;
        case OPT_SUFFIX:
            suffix = optarg;
            break;
        case OPT_PREFIX:
            prefix = optarg;
            break;
        case OPT_ID:
            id = optarg;
            break;
        case OPT_WITHIN:
            within = optarg;
            break;
        case OPT_LEVELS:
            levels = optarg;
            break;
        case OPT_VALUE:
            value = optarg;
            break;
        case OPT_LEVEL:
            level = cli_level("--level", optarg);
            break;
        case OPT_ALTERNATIVE:
            alt = parse_alt(optarg);
            break;
        case OPT_EXACT:
            wo.force_exact = 1;
            break;
        case OPT_APPROX:
            approx = 1;
            break;
        case OPT_NO_CORRECT:
            wo.correct = 0;
            break;
        case OPT_ZERO:
            if (!strcmp(optarg, "wilcox"))
                wo.zero = STATS_ZERO_WILCOX;
            else if (!strcmp(optarg, "pratt"))
                wo.zero = STATS_ZERO_PRATT;
            else
                sk_usage_error("invalid value for --zero: '%s' (wilcox or "
                               "pratt)", optarg);
            break;
        case OPT_EFFECT:
            parse_effect(optarg, &want_dav, &want_gav);
            break;
        case OPT_ADJUST:
            adjust = parse_adjust(optarg);
            break;
        default:
            sk_try_help();
        }
    }
    cli_file_operand(&cli, argc, argv);
    wo.level = level;
    wo.alt = alt;
    wo.force_approx = approx;
    if (wo.force_exact && approx)
        sk_usage_error("--exact and --approx exclude each other");

    int wide = npairs || suffix || prefix;
    int lng = id || within || levels || value;
    if (wide && lng)
        sk_usage_error("give either wide-form pairs (-p, --suffix, --prefix) "
                       "or the long form (--id, --within, --levels, "
                       "--value), not both");
    if (!wide && !lng)
        sk_usage_error("nothing to compare: give -p BEFORE:AFTER, --suffix, "
                       "--prefix, or --id, --within, --levels and --value");
    if (lng && !(id && within && levels && value))
        sk_usage_error("the long form needs all of --id, --within, --levels "
                       "and --value: %s is missing",
                       !id ? "--id" : !within ? "--within"
                       : !levels ? "--levels" : "--value");
    char *level_a = NULL, *level_b = NULL;
    if (lng) {
        const char *comma = strchr(levels, ',');
        if (!comma || strchr(comma + 1, ',') || comma == levels ||
            !comma[1])
            sk_usage_error("invalid --levels '%s': expected two values A,B",
                           levels);
        level_a = sk_xstrndup(levels, (size_t)(comma - levels));
        level_b = sk_xstrdup(comma + 1);
        if (!strcmp(level_a, level_b))
            sk_usage_error("--levels names the same level twice: '%s'",
                           levels);
    }

    struct input *in = input_open_raw(&cli.in);
    const char *const *names = input_names(in);
    size_t ncols = input_ncols(in);
    struct cmp *cmps = NULL;
    size_t ncmp = 0, *cells = NULL, ncells = 0;
    size_t keys[3], nkeys = 0;
    int has_group = cli.in.by != NULL;
    if (has_group)
        keys[nkeys++] = input_find(in, cli.in.by);

    if (wide) {
        for (size_t i = 0; i < npairs; i++) {
            size_t b, a;
            find_pair(in, pairs[i], &b, &a);
            cmps = sk_xreallocarray(cmps, ncmp + 1, sizeof *cmps);
            cmps[ncmp].before = sk_xstrdup(names[b]);
            cmps[ncmp].after = sk_xstrdup(names[a]);
            cmps[ncmp].bcell = add_cell(&cells, &ncells, b);
            cmps[ncmp].acell = add_cell(&cells, &ncells, a);
            ncmp++;
        }
        for (int pass = 0; pass < 2; pass++) {
            const char *spec = pass ? prefix : suffix;
            if (!spec)
                continue;
            const char *colon = strchr(spec, ':');
            if (!colon || colon == spec || !colon[1])
                sk_usage_error("invalid --%s '%s': expected PRE:POST",
                               pass ? "prefix" : "suffix", spec);
            size_t l1 = (size_t)(colon - spec), l2 = strlen(colon + 1);
            const char *s1 = spec, *s2 = colon + 1;
            size_t found = 0;
            for (size_t b = 0; b < ncols; b++) {
                size_t len = strlen(names[b]);
                if (len <= l1)
                    continue;
                const char *stem = pass ? names[b] + l1 : names[b];
                size_t slen = len - l1;
                if (pass ? strncmp(names[b], s1, l1)
                         : memcmp(names[b] + slen, s1, l1))
                    continue;
                for (size_t a = 0; a < ncols; a++) {
                    size_t alen = strlen(names[a]);
                    if (a == b || alen != slen + l2)
                        continue;
                    int match = pass
                        ? !strncmp(names[a], s2, l2) &&
                          !memcmp(names[a] + l2, stem, slen)
                        : !memcmp(names[a], stem, slen) &&
                          !strcmp(names[a] + slen, s2);
                    if (!match)
                        continue;
                    cmps = sk_xreallocarray(cmps, ncmp + 1, sizeof *cmps);
                    cmps[ncmp].before = sk_xstrdup(names[b]);
                    cmps[ncmp].after = sk_xstrdup(names[a]);
                    cmps[ncmp].bcell = add_cell(&cells, &ncells, b);
                    cmps[ncmp].acell = add_cell(&cells, &ncells, a);
                    ncmp++;
                    found++;
                    break;
                }
            }
            if (!found)
                sk_usage_error("%s: no pairs of columns match --%s '%s'",
                               input_filename(in), pass ? "prefix" : "suffix",
                               spec);
        }
    } else {
        keys[nkeys++] = input_find(in, id);
        keys[nkeys++] = input_find(in, within);
        input_set_columns_list(in, value);
        for (size_t v = 0; v < input_nvars(in); v++) {
            cmps = sk_xreallocarray(cmps, ncmp + 1, sizeof *cmps);
            const char *name = input_var_name(in, v);
            if (asprintf(&cmps[ncmp].before, "%s[%s]", name, level_a) < 0 ||
                asprintf(&cmps[ncmp].after, "%s[%s]", name, level_b) < 0)
                sk_die("out of memory");
            cmps[ncmp].vcell = v;
            ncmp++;
        }
    }
    if (wide)
        input_set_columns(in, cells, ncells);
    input_set_keys(in, keys, nkeys);

    struct strmap *groups = strmap_new();
    struct stores st = { NULL, ncmp, 0, 0 };
    struct input_row row;
    /* long form: one slot per (group, id) */
    struct strmap *ids = lng ? strmap_new() : NULL;
    struct strmap *seen = lng ? strmap_new() : NULL;   /* --within values */
    size_t nval = lng ? input_nvars(in) : 0;
    struct slot {
        size_t group;
        unsigned long line[2];
    } *slots = NULL;
    struct input_cell *vals = NULL;    /* [slot][side][value] */
    size_t slot_cap = 0;
    char *keybuf = NULL;
    size_t keycap = 0;

    while (input_next(in, &row)) {
        size_t g = 0;
        if (wide) {
            if (has_group)
                g = strmap_intern(groups, row.key[0], row.key_len[0], NULL);
            for (size_t c = 0; c < ncmp; c++) {
                struct store *s = store_at(&st, g, c);
                const struct input_cell *b = &row.cell[cmps[c].bcell];
                const struct input_cell *a = &row.cell[cmps[c].acell];
                if (b->missing || a->missing)
                    s->dropped++;
                else
                    push_pair(s, &b->v, &a->v);
            }
            continue;
        }
        size_t ki = has_group, wi = ki + 1;
        if (row.key_missing[ki])
            sk_die("%s:%lu: column '%s': missing id", input_filename(in),
                   row.line, names[keys[ki]]);
        /* every group gets its rows, as in the wide form, even one with
         * no row at either level */
        if (has_group) {
            g = strmap_intern(groups, row.key[0], row.key_len[0], NULL);
            store_at(&st, g, 0);
        }
        if (!row.key_missing[wi])
            strmap_intern(seen, row.key[wi], row.key_len[wi], NULL);
        int side;
        if (!row.key_missing[wi] && row.key_len[wi] == strlen(level_a) &&
            !memcmp(row.key[wi], level_a, row.key_len[wi]))
            side = 0;
        else if (!row.key_missing[wi] && row.key_len[wi] == strlen(level_b) &&
                 !memcmp(row.key[wi], level_b, row.key_len[wi]))
            side = 1;
        else
            continue;
        size_t glen = has_group ? row.key_len[0] : 0;
        size_t klen = glen + 1 + row.key_len[ki];
        if (klen > keycap) {
            keycap = 2 * klen;
            keybuf = sk_xrealloc(keybuf, keycap);
        }
        if (glen)
            memcpy(keybuf, row.key[0], glen);
        keybuf[glen] = '\0';
        memcpy(keybuf + glen + 1, row.key[ki], row.key_len[ki]);
        int added;
        size_t sl = strmap_intern(ids, keybuf, klen, &added);
        if (added) {
            if (sl >= slot_cap) {
                slot_cap = slot_cap ? 2 * slot_cap : 256;
                slots = sk_xreallocarray(slots, slot_cap, sizeof *slots);
                vals = sk_xreallocarray(vals, slot_cap * 2 * (nval ? nval : 1),
                                        sizeof *vals);
            }
            slots[sl].group = g;
            slots[sl].line[0] = slots[sl].line[1] = 0;
            store_at(&st, g, 0);
        }
        if (slots[sl].line[side])
            sk_die("%s:%lu: duplicate id '%.*s' at level '%s' (also on line "
                   "%lu)", input_filename(in), row.line,
                   (int)row.key_len[ki], row.key[ki],
                   side ? level_b : level_a, slots[sl].line[side]);
        slots[sl].line[side] = row.line;
        for (size_t v = 0; v < nval; v++)
            vals[(sl * 2 + (size_t)side) * nval + v] = row.cell[v];
    }
    if (lng) {
        check_levels(in, names[keys[has_group + 1]], seen, level_a, level_b);
        for (size_t sl = 0; sl < strmap_size(ids); sl++)
            for (size_t v = 0; v < nval; v++) {
                struct store *s = store_at(&st, slots[sl].group, v);
                const struct input_cell *b = &vals[(sl * 2) * nval + v];
                const struct input_cell *a = &vals[(sl * 2 + 1) * nval + v];
                if (!slots[sl].line[0] || !slots[sl].line[1] || b->missing ||
                    a->missing)
                    s->dropped++;
                else
                    push_pair(s, &b->v, &a->v);
            }
    }
    if (st.ngroups == 0)
        store_at(&st, 0, 0);

    size_t nres = ncmp * st.ngroups;
    struct result *res = sk_xcalloc(nres ? nres : 1, sizeof *res);
    double *pt = sk_xcalloc(nres ? nres : 1, sizeof *pt);
    double *pw = sk_xcalloc(nres ? nres : 1, sizeof *pw);
    for (size_t c = 0; c < ncmp; c++)
        for (size_t g = 0; g < st.ngroups; g++) {
            size_t i = c * st.ngroups + g;
            compare(store_at(&st, g, c), level, alt, &wo, &res[i]);
            pt[i] = res[i].s.t.p;
            pw[i] = res[i].s.w.p;
        }
    stats_p_adjust(pt, nres, adjust);
    stats_p_adjust(pw, nres, adjust);

    struct out o;
    out_init(&o, stdout, cli.precision);
    static const char *const head1[] = { "before", "after" };
    static const char *const head2[] = {
        "n", "n_dropped", "mean_before", "sd_before", "mean_after",
        "sd_after", "mean_diff", "sd_diff", "se_diff", "ci_lo", "ci_hi", "t",
        "df", "p_t", "dz", "dz_lo", "dz_hi", "V", "p_w", "p_w_method", "hl",
        "hl_lo", "hl_hi", "r_rb", "n_zero", "p_sign", "p_mcnemar"
    };
    for (size_t i = 0; i < 2; i++)
        out_text(&o, head1[i]);
    if (has_group)
        out_text(&o, "group");
    for (size_t i = 0; i < sizeof head2 / sizeof head2[0]; i++)
        out_text(&o, head2[i]);
    if (adjust != STATS_ADJUST_NONE) {
        out_text(&o, "p_t_adj");
        out_text(&o, "p_w_adj");
    }
    if (want_dav)
        out_text(&o, "d_av");
    if (want_gav)
        out_text(&o, "g_av");
    out_text(&o, "difference");
    out_text(&o, "note");
    out_end_row(&o);

    for (size_t c = 0; c < ncmp; c++)
        for (size_t g = 0; g < st.ngroups; g++) {
            size_t i = c * st.ngroups + g;
            const struct stats_paired *r = &res[i].s;
            out_text(&o, cmps[c].before);
            out_text(&o, cmps[c].after);
            if (has_group)
                out_text(&o, strmap_key(groups, g));
            out_count(&o, r->n);
            out_count(&o, res[i].dropped);
            out_num(&o, r->mean_b);
            out_num(&o, r->sd_b);
            out_num(&o, r->mean_a);
            out_num(&o, r->sd_a);
            out_num(&o, r->t.mean);
            out_num(&o, r->t.sd);
            out_num(&o, r->t.se);
            out_num(&o, r->t.lo);
            out_num(&o, r->t.hi);
            out_num(&o, r->t.t);
            out_num(&o, r->t.df);
            out_num(&o, r->t.p);
            out_num(&o, r->t.dz);
            out_num(&o, r->t.dz_lo);
            out_num(&o, r->t.dz_hi);
            out_num(&o, r->n ? r->w.V : NAN);
            out_num(&o, r->w.p);
            if (isnan(r->w.p))
                out_na(&o);
            else
                out_text(&o, r->w.exact ? "exact" : "normal");
            out_num(&o, r->w.hl);
            out_num(&o, r->w.hl_lo);
            out_num(&o, r->w.hl_hi);
            out_num(&o, r->w.r_rb);
            out_count(&o, r->w.n_zero);
            out_num(&o, r->p_sign);
            out_num(&o, r->p_mcnemar);
            if (adjust != STATS_ADJUST_NONE) {
                out_num(&o, pt[i]);
                out_num(&o, pw[i]);
            }
            if (want_dav)
                out_num(&o, r->d_av);
            if (want_gav)
                out_num(&o, r->g_av);
            char diff[1024];
            snprintf(diff, sizeof diff, "%s - %s", cmps[c].after,
                     cmps[c].before);
            out_text(&o, diff);
            out_text(&o, res[i].note[0] ? res[i].note : "NA");
            out_end_row(&o);
        }

    for (size_t i = 0; i < ncmp * st.ngroups; i++) {
        free(st.s[i].b);
        free(st.s[i].a);
    }
    for (size_t c = 0; c < ncmp; c++) {
        free(cmps[c].before);
        free(cmps[c].after);
    }
    free(st.s);
    free(cmps);
    free(cells);
    free(pairs);
    free(res);
    free(pt);
    free(pw);
    free(slots);
    free(vals);
    free(keybuf);
    free(level_a);
    free(level_b);
    strmap_free(groups);
    if (ids)
        strmap_free(ids);
    if (seen)
        strmap_free(seen);
    input_close(in);
    return SK_EXIT_OK;
}
