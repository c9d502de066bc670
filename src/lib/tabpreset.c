/* tabpreset.c - each program's paper table (see tabpreset.h). */
#include <config.h>

#include "tabpreset.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Column flags, for the tables below. */
enum { STUB = 1, OPT = 2, ZERO = 4, NA = 8, SAME = 16 };

struct pcol {
    const char *head, *cell, *span;
    int flags;
};

struct pdef {
    const char *name, *program;
    const char *const *needs;
    const struct pcol *col;
    const char *const *notes;
    int blank_repeats;
};

#define END { NULL, NULL, NULL, 0 }

/* ---- the tables ---- */

static const char *const describe_needs[] = { "variable", "mean", "q1",
                                              NULL };
static const struct pcol describe_cols[] = {
    { "Variable", "%{variable}", NULL, STUB },
    { "Group", "%{group}", NULL, STUB | OPT },
    { "*n*", "%{n}", NULL, 0 },
    { "Missing", "%{missing}", NULL, ZERO },
    { "*M* (*SD*)", "%{mean} (%{sd})", NULL, 0 },
    { "{CI}", "[%{ci_lo}, %{ci_hi}]", NULL, 0 },
    { "*Mdn* [*Q*_{1}, *Q*_{3}]", "%{median} [%{q1}, %{q3}]", NULL, 0 },
    { "Range", "%{min}\xe2\x80\x93%{max}", NULL, 0 },
    END
};

static const char *const freq_needs[] = { "item", "level", "label",
                                          "cum_percent", NULL };
static const struct pcol freq_cols[] = {
    { "Item", "%{item}", NULL, STUB },
    { "Group", "%{group}", NULL, STUB | OPT },
    { "Response", "%{label}", NULL, STUB },
    { "*n*", "%{count}", NULL, 0 },
    { "%", "%{percent}", NULL, 0 },
    { "Cumulative %", "%{cum_percent}", NULL, 0 },
    END
};

static const char *const summary_needs[] = { "item", "n_high", "pct_high",
                                             NULL };
static const struct pcol summary_cols[] = {
    { "Item", "%{item}", NULL, STUB },
    { "Group", "%{group}", NULL, STUB | OPT },
    { "*n*", "%{n}", NULL, 0 },
    { "Low, *n* (%)", "%{n_low} (%{pct_low})", NULL, 0 },
    { "Neutral, *n* (%)", "%{n_neutral} (%{pct_neutral})", NULL, ZERO },
    { "High, *n* (%)", "%{n_high} (%{pct_high})", NULL, 0 },
    { "High, {CI}", "[%{high_lo}, %{high_hi}]", NULL, 0 },
    { "*M* (*SD*)", "%{mean} (%{sd})", NULL, 0 },
    { "*Mdn*", "%{median}", NULL, 0 },
    END
};
static const char *const summary_notes[] = {
    "Percentages are of the valid answers.",
    NULL
};

static const char *const alpha_needs[] = { "scale", "raw_alpha", "k",
                                           NULL };
static const struct pcol alpha_cols[] = {
    { "Scale", "%{scale}", NULL, STUB },
    { "Group", "%{group}", NULL, STUB | OPT },
    { "Items", "%{k}", NULL, 0 },
    { "*n*", "%{n}", NULL, 0 },
    { "\xce\xb1", "%{raw_alpha}", NULL, 0 },
    { "{CI}", "[%{alpha_lo}, %{alpha_hi}]", NULL, 0 },
    { "Standardized \xce\xb1", "%{std_alpha}", NULL, 0 },
    { "Mean inter-item *r*", "%{mean_r}", NULL, 0 },
    { "*M* (*SD*)", "%{score_mean} (%{score_sd})", NULL, 0 },
    END
};
static const char *const alpha_notes[] = {
    "\xce\xb1: Cronbach's alpha of the raw scores, with the Feldt interval; "
    "*n*: respondents who answered every item.",
    NULL
};

static const char *const items_needs[] = { "scale", "item",
                                           "alpha_if_deleted", NULL };
static const struct pcol items_cols[] = {
    { "Scale", "%{scale}", NULL, STUB },
    { "Group", "%{group}", NULL, STUB | OPT },
    { "Item", "%{item}", NULL, STUB },
    { "*M* (*SD*)", "%{mean} (%{sd})", NULL, 0 },
    { "Corrected item-total *r*", "%{r_drop}", NULL, 0 },
    { "\xce\xb1 if item deleted", "%{alpha_if_deleted}", NULL, 0 },
    END
};

static const char *const paired_needs[] = { "variable", "mean_before",
                                            "mean_diff", NULL };
static const struct pcol paired_cols[] = {
    { "Variable", "%{variable}", NULL, STUB },
    { "Group", "%{group}", NULL, STUB | OPT },
    { "*n*", "%{n}", NULL, 0 },
    { "%{before:raw}, *M* (*SD*)", "%{mean_before} (%{sd_before})", NULL, 0 },
    { "%{after:raw}, *M* (*SD*)", "%{mean_after} (%{sd_after})", NULL, 0 },
    { "Difference, *M* [{CI}]", "%{mean_diff} [%{ci_lo}, %{ci_hi}]", NULL,
      0 },
    { "*t*", "%{t}", NULL, 0 },
    { "*df*", "%{df}", NULL, 0 },
    { "*p*", "%{p_t}", NULL, 0 },
    { "*d*_{z} [{CI}]", "%{dz} [%{dz_lo}, %{dz_hi}]", NULL, 0 },
    { "*V*", "%{V}", NULL, 0 },
    { "*p*_{V}", "%{p_w}", NULL, 0 },
    END
};
static const char *const paired_notes[] = {
    "Differences are %{difference}. *t*: paired *t* test; *V*, *p*_{V}: "
    "Wilcoxon signed-rank test.",
    NULL
};

static const char *const compare_needs[] = { "variable", "level_a",
                                             "mean_a", NULL };
static const struct pcol compare_cols[] = {
    { "Variable", "%{variable}", NULL, STUB },
    { "Group", "%{group}", NULL, STUB | OPT },
    { "*n*", "%{n_a}", "%{level_a:raw}", 0 },
    { "*M* (*SD*)", "%{mean_a} (%{sd_a})", "%{level_a:raw}", 0 },
    { "*n*", "%{n_b}", "%{level_b:raw}", 0 },
    { "*M* (*SD*)", "%{mean_b} (%{sd_b})", "%{level_b:raw}", 0 },
    { "Difference [{CI}]", "%{mean_diff} [%{ci_lo}, %{ci_hi}]", NULL, 0 },
    { "*t*", "%{t}", NULL, 0 },
    { "*df*", "%{df}", NULL, 0 },
    { "*p*", "%{p_t}", NULL, 0 },
    { "*p*_{adj}", "%{p_t_adj}", NULL, OPT },
    { "*g* [{CI}]", "%{g} [%{g_lo}, %{g_hi}]", NULL, 0 },
    { "*W*", "%{W}", NULL, 0 },
    { "*p*_{W}", "%{p_w}", NULL, 0 },
    { "*p*_{W,adj}", "%{p_w_adj}", NULL, OPT },
    { "\xce\xb8 [{CI}]", "%{theta} [%{theta_lo}, %{theta_hi}]", NULL, 0 },
    END
};
static const char *const compare_notes[] = {
    "Differences are %{difference}. *t*: %{t_method:test}; *g*: Hedges' *g*; "
    "*W*, *p*_{W}: Wilcoxon rank-sum test; \xce\xb8: probability of "
    "superiority, P(B > A) + P(B = A)/2.",
    NULL
};

static const char *const agree_needs[] = { "variable", "rater_a",
                                           "pct_exact", NULL };
static const struct pcol agree_cols[] = {
    { "Variable", "%{variable}", NULL, STUB },
    { "Group", "%{group}", NULL, STUB | OPT },
    { "*n*", "%{n}", NULL, 0 },
    { "Exact agreement, %", "%{pct_exact}", NULL, NA },
    { "Adjacent, %", "%{pct_adjacent}", NULL, NA },
    { "\xce\xba [{CI}]", "%{kappa} [%{kappa_lo}, %{kappa_hi}]", NULL, NA },
    { "\xce\xba_{w} [{CI}]", "%{wkappa} [%{wkappa_lo}, %{wkappa_hi}]", NULL,
      NA },
    { "ICC(A,1) [{CI}]", "%{icc_a1} [%{icc_a1_lo}, %{icc_a1_hi}]", NULL,
      NA },
    { "ICC(C,1) [{CI}]", "%{icc_c1} [%{icc_c1_lo}, %{icc_c1_hi}]", NULL,
      NA },
    { "*r*", "%{r}", NULL, NA },
    END
};
static const char *const agree_notes[] = {
    "\xce\xba: Cohen's kappa; \xce\xba_{w}: weighted kappa; intervals of "
    "\xce\xba and \xce\xba_{w} are large-sample (Fleiss, Cohen & Everitt, "
    "1969); ICC(A,1), ICC(C,1): single-rater absolute agreement and "
    "consistency (McGraw & Wong, 1996).",
    NULL
};

static const char *const boot_needs[] = { "variable", "stat", "method",
                                          "estimate", NULL };
static const struct pcol boot_cols[] = {
    { "Variable", "%{variable}", NULL, STUB },
    { "Group", "%{group}", NULL, STUB | OPT | SAME },
    { "Statistic", "%{stat:sym}", NULL, STUB },
    { "*n*", "%{n}", NULL, 0 },
    { "Estimate", "%{estimate}", NULL, 0 },
    { "Bias", "%{bias}", NULL, 0 },
    { "*SE*", "%{se}", NULL, 0 },
    { "Interval", "%{method:ci}", NULL, 0 },
    { "%{level:%}% CI", "[%{lo}, %{hi}]", NULL, 0 },
    END
};
static const char *const boot_notes[] = {
    "%{B} bootstrap replicates, seed %{seed} (%{rng}).",
    NULL
};

/* ---- the APA sentences ---- */

static const struct pcol apa_paired_cols[] = {
    { "Variable", "%{variable}", NULL, STUB },
    { "Group", "%{group}", NULL, STUB | OPT },
    { "Paired *t* test",
      "*t*(%{df}) = %{t}, *p* %{p_t:=}, *d*_{z} = %{dz}, {CI} [%{dz_lo}, "
      "%{dz_hi}]", NULL, 0 },
    { "Wilcoxon signed-rank test",
      "*V* = %{V}, *p* %{p_w:=} (%{p_w_method}), *r*_{rb} = %{r_rb}",
      NULL, 0 },
    END
};
static const struct pcol apa_compare_cols[] = {
    { "Variable", "%{variable}", NULL, STUB },
    { "Group", "%{group}", NULL, STUB | OPT },
    { "*t* test",
      "*t*(%{df}) = %{t}, *p* %{p_t:=}, *g* = %{g}, {CI} [%{g_lo}, "
      "%{g_hi}]", NULL, 0 },
    { "Wilcoxon rank-sum test",
      "*W* = %{W}, *p* %{p_w:=} (%{p_w_method}), \xce\xb8 = %{theta}, {CI} "
      "[%{theta_lo}, %{theta_hi}]", NULL, 0 },
    END
};
static const struct pcol apa_boot_cols[] = {
    { "Variable", "%{variable}", NULL, STUB },
    { "Group", "%{group}", NULL, STUB | OPT | SAME },
    { "Bootstrap estimate",
      "%{stat:sym} = %{estimate}, %{level:%}% %{method:ci} CI [%{lo}, "
      "%{hi}]", NULL, 0 },
    END
};
static const struct pcol apa_alpha_cols[] = {
    { "Scale", "%{scale}", NULL, STUB },
    { "Group", "%{group}", NULL, STUB | OPT },
    { "Reliability", "\xce\xb1 = %{raw_alpha}, {CI} [%{alpha_lo}, "
      "%{alpha_hi}]", NULL, 0 },
    END
};
static const struct pcol apa_agree_cols[] = {
    { "Variable", "%{variable}", NULL, STUB },
    { "Group", "%{group}", NULL, STUB | OPT },
    { "Agreement", "%{pct_exact}% exact, \xce\xba = %{kappa}, {CI} "
      "[%{kappa_lo}, %{kappa_hi}], \xce\xba_{w} = %{wkappa}, {CI} "
      "[%{wkappa_lo}, %{wkappa_hi}]", NULL, NA },
    { "Intraclass correlation", "ICC(A,1) = %{icc_a1}, {CI} [%{icc_a1_lo}, "
      "%{icc_a1_hi}]", NULL, NA },
    END
};

static const struct pdef presets[] = {
    { "describe", "sk-describe", describe_needs, describe_cols, NULL, 0 },
    { "freq", "sk-freq", freq_needs, freq_cols, NULL, 1 },
    { "summary", "sk-freq --summary", summary_needs, summary_cols,
      summary_notes, 0 },
    { "alpha", "sk-alpha", alpha_needs, alpha_cols, alpha_notes, 0 },
    { "items", "sk-alpha --items", items_needs, items_cols, NULL, 1 },
    { "paired", "sk-paired", paired_needs, paired_cols, paired_notes, 0 },
    { "compare", "sk-compare", compare_needs, compare_cols, compare_notes,
      0 },
    { "agree", "sk-agree", agree_needs, agree_cols, agree_notes, 0 },
    { "boot", "sk-boot", boot_needs, boot_cols, boot_notes, 0 },
};
#define NPRESETS (sizeof presets / sizeof presets[0])

/* The APA sentences of each preset's program, or NULL. */
static const struct pcol *apa_cols(const char *name)
{
    if (strcmp(name, "paired") == 0)
        return apa_paired_cols;
    if (strcmp(name, "compare") == 0)
        return apa_compare_cols;
    if (strcmp(name, "boot") == 0)
        return apa_boot_cols;
    if (strcmp(name, "alpha") == 0)
        return apa_alpha_cols;
    if (strcmp(name, "agree") == 0)
        return apa_agree_cols;
    return NULL;
}

const char *tabpreset_names(void)
{
    return "describe, freq, summary, alpha, items, paired, compare, agree, "
           "boot or auto";
}


/* S with "{CI}" as LABEL: to free(). */
static char *with_ci(const char *s, const char *label)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, "{CI}")) != NULL; p += 4)
        n++;
    char *r = sk_xmalloc(strlen(s) + n * strlen(label) + 1), *w = r;
    for (const char *p = s; *p;) {
        if (strncmp(p, "{CI}", 4) == 0) {
            w = stpcpy(w, label);
            p += 4;
        } else
            *w++ = *p++;
    }
    *w = '\0';
    return r;
}

static int has_all(const struct tabin *in, const char *const *needs)
{
    for (; *needs; needs++)
        if (tabin_find(in, *needs) == (size_t)-1)
            return 0;
    return 1;
}

/* The preset whose program wrote IN: the first whose columns are there
 * (items before alpha: both have scale; summary before freq). */
static const struct pdef *detect(const struct tabin *in)
{
    static const char *const order[] = {
        "paired", "compare", "agree", "boot", "items", "alpha", "summary",
        "freq", "describe", NULL
    };
    for (const char *const *o = order; *o; o++)
        for (size_t i = 0; i < NPRESETS; i++)
            if (strcmp(presets[i].name, *o) == 0 &&
                has_all(in, presets[i].needs))
                return &presets[i];
    return NULL;
}

struct tabpreset *tabpreset_get(const char *name, int apa,
                                const struct tabin *in,
                                const char *ci_label, char **err)
{
    const struct pdef *d = NULL;
    *err = NULL;
    if (strcmp(name, "auto") == 0) {
        d = detect(in);
        if (!d) {
            *err = sk_xasprintf("%s: not the output of an sk- program that a preset "
                        "knows (%s)", in->file, tabpreset_names());
            return NULL;
        }
    } else {
        for (size_t i = 0; i < NPRESETS; i++)
            if (strcmp(presets[i].name, name) == 0)
                d = &presets[i];
        if (!d) {
            *err = sk_xasprintf("unknown preset '%s' (%s)", name, tabpreset_names());
            return NULL;
        }
        for (const char *const *n = d->needs; *n; n++)
            if (tabin_find(in, *n) == (size_t)-1) {
                *err = sk_xasprintf("%s: --preset=%s lays out %s's output, which "
                            "has a column '%s'; this table has none",
                            in->file, d->name, d->program, *n);
                return NULL;
            }
    }
    const struct pcol *cols = d->col;
    if (apa) {
        cols = apa_cols(d->name);
        if (!cols) {
            *err = sk_xasprintf("--apa: no sentences for %s's output (only sk-paired, "
                        "sk-compare, sk-boot, sk-alpha and sk-agree)",
                        d->program);
            return NULL;
        }
    }
    struct tabpreset *p = sk_xcalloc(1, sizeof *p);
    p->name = d->name;
    p->program = d->program;
    p->needs = d->needs;
    p->blank_repeats = 1;
    for (const struct pcol *c = cols; c->head; c++)
        p->ncols++;
    p->col = sk_xcalloc(p->ncols, sizeof *p->col);
    for (size_t i = 0; i < p->ncols; i++) {
        const struct pcol *c = &cols[i];
        struct tabbuild_col *b = &p->col[i];
        b->head = with_ci(c->head, ci_label);
        b->cell = with_ci(c->cell, ci_label);
        b->span = c->span ? with_ci(c->span, ci_label) : NULL;
        b->stub = !!(c->flags & STUB);
        b->optional = 1;
        b->omit_if_zero = !!(c->flags & ZERO);
        b->omit_if_na = !!(c->flags & NA);
        b->omit_if_same = !!(c->flags & SAME);
    }
    if (d->notes && !apa)
        for (const char *const *n = d->notes; *n; n++) {
            p->notes = sk_xreallocarray(p->notes, p->nnotes + 1,
                                        sizeof *p->notes);
            p->notes[p->nnotes++] = with_ci(*n, ci_label);
        }
    return p;
}

void tabpreset_free(struct tabpreset *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->ncols; i++) {
        free((char *)p->col[i].head);
        free((char *)p->col[i].cell);
        free((char *)p->col[i].span);
    }
    free(p->col);
    for (size_t i = 0; i < p->nnotes; i++)
        free((char *)p->notes[i]);
    free(p->notes);
    free(p);
}
