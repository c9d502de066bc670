/* sk-table - a publication table from an sk- program's output.
 * Part of surveykit. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cli.h"
#include "lib/codebook.h"
#include "lib/colsel.h"
#include "lib/tabbuild.h"
#include "lib/tabin.h"
#include "lib/tabout.h"
#include "lib/tabpreset.h"
#include "lib/util.h"

enum {
    OPT_CELL = CLI_OPT_FIRST_PROGRAM_OPTION, OPT_RENAME, OPT_DIGITS,
    OPT_STYLE, OPT_NA_AS, OPT_THOUSANDS, OPT_SPREAD, OPT_STUB, OPT_ORDER,
    OPT_CODEBOOK, OPT_TITLE, OPT_CAPTION, OPT_NOTE, OPT_NUMBER, OPT_LABEL,
    OPT_FLOAT, OPT_STANDALONE, OPT_FORMAT, OPT_CSV, OPT_DELIMITER, OPT_PRESET, OPT_APA,
    OPT_LEVEL, OPT_BLANK_REPEATS, OPT_ROW_NOTES, OPT_RAW
};

static const struct cli_name format_names[] = {
    { "markdown", TABOUT_MARKDOWN, 0 }, { "md", TABOUT_MARKDOWN, 1 },
    { "latex", TABOUT_LATEX, 0 }, { "tex", TABOUT_LATEX, 1 },
    { "html", TABOUT_HTML, 0 }, { "text", TABOUT_TEXT, 0 },
    { "csv", TABOUT_CSV, 0 }, { "tsv", TABOUT_TSV, 0 }, { NULL, 0, 0 }
};
static const struct cli_name style_names[] = {
    { "apa", 1, 0 }, { "plain", 0, 0 }, { NULL, 0, 0 }
};

static void usage(void)
{
    printf("Usage: %s [OPTION]... [FILE]\n", sk_program_name());
    fputs(
"A publication table from the output of an sk- program (tab-separated,\n"
"one header row): columns chosen, renamed or combined from templates,\n"
"numbers rounded as a paper shows them, one column block per group, as\n"
"Markdown, LaTeX, HTML, aligned text or CSV.\n"
"With no FILE, or when FILE is -, read standard input.\n"
"\n"
"Layout:\n"
"      --preset=NAME    the standard table of a program's output: describe,\n"
"                       freq, summary (sk-freq --summary), alpha, items\n"
"                       (sk-alpha --items), paired, compare, agree, boot,\n"
"                       or auto (found by the columns); implies --style=apa\n"
"                       and --row-notes\n"
"      --apa            one APA sentence per row (sk-paired, sk-compare,\n"
"                       sk-boot, sk-alpha, sk-agree; the program found by\n"
"                       the columns): t(25) = 3.21, p = .004, ...\n"
"  -c, --columns=LIST   the input columns to show, in this order: names or\n"
"                       ranges A:B (default: all, or the preset's)\n"
"      --cell='HEAD=TEMPLATE'  a column whose cells are TEMPLATE, with\n"
"                       %{NAME} for a value of column NAME: 'M (SD)=%{mean}\n"
"                       (%{sd})', '95% CI=[%{ci_lo}, %{ci_hi}]'; repeatable,\n"
"                       in order with -c. %{NAME:N} rounds to N decimals;\n"
"                       %{NAME:=} writes a p-value as '= .034' or '< .001';\n"
"                       %{NAME:%} times 100 (a level as 95); %{NAME:raw} as\n"
"                       written. In HEAD and TEMPLATE, *x* is italic and\n"
"                       _{x} a subscript; \\* a literal '*'. HEAD may name\n"
"                       columns too: its values on the first row.\n"
"      --rename=OLD:NEW  the header OLD (a column's name or header) as NEW\n"
"      --spread=COLUMN  one block of columns per value of COLUMN (the group),\n"
"                       under a spanner; the first --stub columns are the\n"
"                       rows' labels; a total block ('all', 'Total') last\n"
"      --stub=N         row-label columns with --spread (default 1, or the\n"
"                       preset's)\n"
"      --order=ORDER    the blocks of --spread: first (first seen, default),\n"
"                       sorted, codebook (the order of the codebook's level\n"
"                       labels), or a comma-separated list of the values\n"
"      --blank-repeats  a row label equal to the one above it is left blank\n"
"      --row-notes      the texts of the input's 'note' column as notes\n"
"      --codebook=FILE  item names as their wording, scale names as their\n"
"                       labels (the codebook's 'text'); reverse-keyed items\n"
"                       marked (R), with a note\n"
"Numbers:\n"
"      --digits=LIST    decimals, comma-separated: N (every number but\n"
"                       counts, p and percentages; default 2), KIND:N\n"
"                       (kinds: num, r, p, pct, df, count), or COLUMN:N.\n"
"                       By name: counts (n, n_*, k, missing*, aside*, B,\n"
"                       seed, W, V) as written; p, p_* 3 decimals; pct_*,\n"
"                       percent 1;\n"
"                       df as written when whole, else 2; r, kappa, icc*,\n"
"                       alpha*, delta (kind r) and the rest 2\n"
"      --style=STYLE    apa: no leading zero for p and kind r (.34, < .001);\n"
"                       plain (default without --preset or --apa): 0.34\n"
"      --level=P        the confidence level the intervals were made at,\n"
"                       for the presets' 'CI' labels (default 0.95)\n"
"      --na-as=TEXT     what NA shows as (default an em dash; CSV: NA)\n"
"      --thousands[=SEP]  separate thousands (default SEP ',')\n"
"      --raw            numbers as the program wrote them (no rounding);\n"
"                       --codebook's wording still shown\n"
"Output:\n"
"      --format=FORMAT  markdown (GitHub, default), latex (booktabs), html,\n"
"                       text (aligned, for a terminal), csv, or tsv (for\n"
"                       a pipeline: one header row, no notes)\n"
"      --title=TEXT     the table's title; --number=N its number (Table N)\n"
"      --caption=TEXT   a line under the title\n"
"      --note=TEXT      a note under the table (repeatable, in order)\n"
"      --label=NAME     LaTeX \\label, HTML id\n"
"      --float          LaTeX: inside \\begin{table} with \\caption\n"
"      --standalone     HTML: a whole page with its stylesheet; LaTeX: a\n"
"                       document that pdflatex compiles\n"
"      --csv            the input is comma-separated (default: tab): any\n"
"                       CSV file with a header of distinct names\n"
"      --delimiter=C    as --csv, with fields separated by C (';', '|',\n"
"                       tab or '\\t', comma, semicolon)\n"
"      --help           show this help and exit\n"
"      --version        show the version and exit\n"
"\n"
"Example:\n"
"  sk-paired -p pre:post data.csv | sk-table --preset=paired --number=2 \\\n"
"      --title='Before and after the programme'\n"
"\n", stdout);
    fputs(cli_exit_help, stdout);
}

struct spec {
    struct tabbuild_opts b;
    struct tabbuild_col *col;      /* -c and --cell, in order */
    size_t ncols;
    const char **colsel;           /* -c lists, resolved on the input */
    size_t *colsel_at, ncolsel;
    const char **rename, **digit_cols, **notes;
    size_t nrename, ndigit_cols, nnotes;
    char **owned;                  /* the -c columns' templates */
    char *order_text;              /* --order's list, split in place */
    size_t nowned;
    const char *preset, *codebook, *file, *title, *caption, *number;
    int apa, style, row_notes, na_given;
    double level;
    enum tabout_format format;
    struct tabout_opts out;
    unsigned char csv;    /* a data file's delimiter; 0: an sk- table */
};

static void push(const char ***v, size_t *n, const char *s)
{
    *v = sk_xreallocarray(*v, *n + 1, sizeof **v);
    (*v)[(*n)++] = s;
}

static void add_col(struct spec *s, const char *head, const char *cell)
{
    s->col = sk_xreallocarray(s->col, s->ncols + 1, sizeof *s->col);
    memset(&s->col[s->ncols], 0, sizeof *s->col);
    s->col[s->ncols].head = head;
    s->col[s->ncols++].cell = cell;
}

/* --digits=N,KIND:N,COLUMN:N */
static void digits_option(struct spec *s, const char *arg)
{
    char *list = sk_xstrdup(arg), *save = NULL;
    for (char *it = strtok_r(list, ",", &save); it;
         it = strtok_r(NULL, ",", &save)) {
        char *colon = strrchr(it, ':');
        long d = cli_long("--digits", colon ? colon + 1 : it, 0, 15);
        if (!colon) {
            for (int k = 0; k < TK_NKINDS; k++)
                if (k == TK_NUM || k == TK_R || k == TK_DF)
                    s->b.digits[k] = (int)d;
            continue;
        }
        *colon = '\0';
        int k = tabbuild_kind_named(it);
        if (k >= 0)
            s->b.digits[k] = (int)d;
        else
            push(&s->digit_cols, &s->ndigit_cols,
                 arg + (it - list));   /* "COLUMN:N" within arg */
        *colon = ':';
    }
    free(list);
}

static void parse_args(int argc, char **argv, struct spec *s)
{
    static const struct option longopts[] = {
        { "columns", required_argument, NULL, 'c' },
        { "cell", required_argument, NULL, OPT_CELL },
        { "rename", required_argument, NULL, OPT_RENAME },
        { "digits", required_argument, NULL, OPT_DIGITS },
        { "style", required_argument, NULL, OPT_STYLE },
        { "na-as", required_argument, NULL, OPT_NA_AS },
        { "thousands", optional_argument, NULL, OPT_THOUSANDS },
        { "spread", required_argument, NULL, OPT_SPREAD },
        { "stub", required_argument, NULL, OPT_STUB },
        { "order", required_argument, NULL, OPT_ORDER },
        { "codebook", required_argument, NULL, OPT_CODEBOOK },
        { "title", required_argument, NULL, OPT_TITLE },
        { "caption", required_argument, NULL, OPT_CAPTION },
        { "note", required_argument, NULL, OPT_NOTE },
        { "number", required_argument, NULL, OPT_NUMBER },
        { "label", required_argument, NULL, OPT_LABEL },
        { "float", no_argument, NULL, OPT_FLOAT },
        { "standalone", no_argument, NULL, OPT_STANDALONE },
        { "format", required_argument, NULL, OPT_FORMAT },
        { "csv", no_argument, NULL, OPT_CSV },
        { "delimiter", required_argument, NULL, OPT_DELIMITER },
        { "preset", required_argument, NULL, OPT_PRESET },
        { "apa", no_argument, NULL, OPT_APA },
        { "level", required_argument, NULL, OPT_LEVEL },
        { "blank-repeats", no_argument, NULL, OPT_BLANK_REPEATS },
        { "row-notes", no_argument, NULL, OPT_ROW_NOTES },
        { "raw", no_argument, NULL, OPT_RAW },
        { "help", no_argument, NULL, CLI_OPT_HELP },
        { "version", no_argument, NULL, CLI_OPT_VERSION },
        { NULL, 0, NULL, 0 }
    };
    struct cli_common cli;
    cli_common_init(&cli);
    int opt;
    while ((opt = getopt_long(argc, argv, "c:", longopts, NULL)) != -1) {
        switch (opt) {
        case 'c':
            push(&s->colsel, &s->ncolsel, optarg);
            s->colsel_at = sk_xreallocarray(s->colsel_at, s->ncolsel,
                                            sizeof *s->colsel_at);
            s->colsel_at[s->ncolsel - 1] = s->ncols;
            break;
        case OPT_CELL: {
            char *eq = strchr(optarg, '=');
            if (!eq || eq == optarg)
                sk_usage_error("--cell wants HEAD=TEMPLATE: '%s'", optarg);
            *eq = '\0';
            add_col(s, optarg, eq + 1);
            break;
        }
        case OPT_RENAME:
            if (!strchr(optarg, ':') || *optarg == ':')
                sk_usage_error("--rename wants OLD:NEW: '%s'", optarg);
            push(&s->rename, &s->nrename, optarg);
            break;
        case OPT_DIGITS: digits_option(s, optarg); break;
        case OPT_STYLE:
            s->style = cli_choice("--style", optarg, style_names);
            break;
        case OPT_NA_AS: s->b.na = optarg; s->na_given = 1; break;
        case OPT_THOUSANDS: s->b.thousands = optarg ? optarg : ","; break;
        case OPT_SPREAD: s->b.spread = optarg; break;
        case OPT_STUB:
            s->b.stub = (size_t)cli_long("--stub", optarg, 0, 1000);
            break;
        case OPT_ORDER:
            if (strcmp(optarg, "first") == 0)
                s->b.order = TB_ORDER_FIRST;
            else if (strcmp(optarg, "sorted") == 0)
                s->b.order = TB_ORDER_SORTED;
            else if (strcmp(optarg, "codebook") == 0)
                s->b.order = TB_ORDER_CODEBOOK;
            else {
                s->b.order = TB_ORDER_LIST;
                free(s->order_text);
                free((void *)s->b.order_list);
                char *list = s->order_text = sk_xstrdup(optarg), *save = NULL;
                const char **v = NULL;
                size_t n = 0;
                for (char *it = strtok_r(list, ",", &save); it;
                     it = strtok_r(NULL, ",", &save))
                    push(&v, &n, it);
                s->b.order_list = v;
                s->b.norder = n;
            }
            break;
        case OPT_CODEBOOK: s->codebook = optarg; break;
        case OPT_TITLE: s->title = optarg; break;
        case OPT_CAPTION: s->caption = optarg; break;
        case OPT_NOTE: push(&s->notes, &s->nnotes, optarg); break;
        case OPT_NUMBER: s->number = optarg; break;
        case OPT_LABEL: s->out.label = optarg; break;
        case OPT_FLOAT: s->out.latex_float = 1; break;
        case OPT_STANDALONE: s->out.standalone = 1; break;
        case OPT_FORMAT:
            s->format = cli_choice("--format", optarg, format_names);
            break;
        case OPT_CSV: s->csv = ','; break;
        case OPT_DELIMITER:
            s->csv = cli_delimiter("--delimiter", optarg);
            break;
        case OPT_PRESET: s->preset = optarg; break;
        case OPT_APA: s->apa = 1; break;
        case OPT_LEVEL: s->level = cli_level("--level", optarg); break;
        case OPT_BLANK_REPEATS: s->b.blank_repeats = 1; break;
        case OPT_ROW_NOTES: s->row_notes = 1; break;
        case OPT_RAW: s->b.raw = 1; break;
        default:
            if (!cli_common(&cli, opt, optarg, usage))
                sk_try_help();
        }
    }
    if (optind < argc - 1)
        sk_usage_error("extra operand '%s'", argv[optind + 1]);
    s->file = optind < argc ? argv[optind] : NULL;
}

/* The -c lists as plain columns, each where it was given among --cell. */
static void resolve_columns(struct spec *s, const struct tabin *in)
{
    struct tabbuild_col *cells = s->col;
    size_t ncells = s->ncols, next = 0;
    s->col = NULL;
    s->ncols = 0;
    for (size_t i = 0; i <= s->ncolsel; i++) {
        size_t upto = i < s->ncolsel ? s->colsel_at[i] : ncells;
        for (; next < upto; next++)
            add_col(s, cells[next].head, cells[next].cell);
        if (i == s->ncolsel)
            break;
        size_t *idx, n;
        char *err;
        if (colsel_parse(s->colsel[i], (const char *const *)in->name,
                         in->ncols, &idx, &n, &err) != 0)
            sk_usage_error("%s: %s", in->file, err);
        for (size_t k = 0; k < n; k++) {
            char *cell;
            if (asprintf(&cell, "%%{%s}", in->name[idx[k]]) < 0)
                sk_die("out of memory");
            add_col(s, in->name[idx[k]], cell);
            s->owned = sk_xreallocarray(s->owned, s->nowned + 1,
                                        sizeof *s->owned);
            s->owned[s->nowned++] = cell;
        }
        free(idx);
    }
    free(cells);
}

int main(int argc, char **argv)
{
    struct spec s;
    memset(&s, 0, sizeof s);
    cli_start(argv[0], &(struct cli_common){ 0 });
    tabbuild_defaults(&s.b);
    s.style = -1;
    s.level = 0.95;
    parse_args(argc, argv, &s);

    char *err = NULL;
    struct tabin *in = tabin_read(s.file, s.csv, &err);
    if (!in)
        sk_die("%s", err);
    struct codebook *cb = NULL;
    if (s.codebook && !(cb = codebook_read(s.codebook, &err)))
        sk_die("%s", err);

    char ci[64];
    snprintf(ci, sizeof ci, "%.10g%% CI", s.level * 100);
    struct tabpreset *p = NULL;
    if (s.preset || s.apa) {
        p = tabpreset_get(s.preset ? s.preset : "auto", s.apa, in, ci, &err);
        if (!p)
            sk_usage_error("%s", err);
        s.b.row_notes = !s.apa;
        s.b.blank_repeats |= p->blank_repeats;
        s.b.notes = p->notes;
        s.b.nnotes = p->nnotes;
    }
    resolve_columns(&s, in);
    if (s.ncols) {
        s.b.col = s.col;
        s.b.ncols = s.ncols;
    } else if (p) {
        s.b.col = p->col;
        s.b.ncols = p->ncols;
    }
    s.b.apa = s.style >= 0 ? s.style : p != NULL;
    s.b.row_notes |= s.row_notes;
    s.b.rename = s.rename;
    s.b.nrenames = s.nrename;
    s.b.col_digits = s.digit_cols;
    s.b.ncol_digits = s.ndigit_cols;
    s.b.cb = cb;
    if ((s.format == TABOUT_CSV || s.format == TABOUT_TSV) && !s.na_given)
        s.b.na = "NA";

    int usage_err;
    struct tabout *t = tabbuild(in, &s.b, &err, &usage_err);
    if (!t) {
        if (usage_err)
            sk_usage_error("%s: %s", in->file, err);
        sk_die("%s", err);
    }
    if (s.number)
        t->number = sk_xstrdup(s.number);
    if (s.title)
        t->title = tabbuild_marks(s.title);
    if (s.caption)
        t->caption = tabbuild_marks(s.caption);
    for (size_t i = 0; i < s.nnotes; i++) {
        char *n = tabbuild_marks(s.notes[i]);
        tabbuild_add_note(t, n);
        free(n);
    }
    if (tabout_write(stdout, t, s.format, &s.out) != 0)
        sk_die("write error");
    tabout_free(t);
    tabpreset_free(p);
    codebook_free(cb);
    tabin_free(in);
    for (size_t i = 0; i < s.nowned; i++)
        free(s.owned[i]);
    free(s.owned);
    free(s.col);
    free(s.colsel);
    free(s.colsel_at);
    free(s.rename);
    free(s.digit_cols);
    free(s.notes);
    free((void *)s.b.order_list);
    free(s.order_text);
    return 0;
}
