/* sk-score - scale scores: the table with one column per scale appended.
 * Part of surveykit. */
#include <config.h>

#include <csv.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cli.h"
#include "lib/codebook-cli.h"
#include "lib/codebook-data.h"
#include "lib/input.h"
#include "lib/likert.h"
#include "lib/util.h"

enum {
    OPT_FIRST = CLI_OPT_FIRST_PROGRAM_OPTION,
    OPT_MIN_ITEMS,
    OPT_ITEMS
};

enum items_mode { ITEMS_ASIS, ITEMS_CODES, ITEMS_KEYED };
static const struct cli_name items_names[] = {
    { "asis", ITEMS_ASIS, 0 }, { "codes", ITEMS_CODES, 0 },
    { "keyed", ITEMS_KEYED, 0 }, { NULL, 0, 0 }
};

static void usage(void)
{
    printf("Usage: %s [OPTION]... [FILE]\n", sk_program_name());
    fputs(
"Scale scores: a filter that reads a CSV or TSV table and writes it back,\n"
"every row and column as read, with one column per scale appended: the\n"
"mean (or sum) of the scale's items after reverse keying, or missing when\n"
"fewer than the scale's minimum of items are answered.\n"
"With no FILE, or when FILE is -, read standard input.\n"
"\n", stdout);
    fputs(cli_common_help, stdout);
    fputs(
"  (--by is not used by sk-score)\n"
"Scales:\n"
"      --codebook=FILE  the codebook (below) declares the scales, their\n"
"                       items, scoring and minimum of answered items\n"
"      --scales=LIST    only these scales of the codebook, comma-separated\n"
"                       (default: all, in codebook order)\n"
"Without a codebook, the -c columns (numeric codes) make one scale:\n"
"      --name=NAME      the name of its column (default: score)\n"
"      --scoring=HOW    mean (default) or sum of the answered items\n"
"      --min-items=N    answered items needed for a score (default: all)\n"
"      --reverse=LIST   reverse-keyed columns, scored (LO + HI) - code;\n"
"                       needs --range\n"
"      --range=LO:HI    the lowest and highest possible codes; a code\n"
"                       outside is an error\n"
"Item columns:\n"
"      --items=HOW      the item columns: asis (default, as read), codes\n"
"                       (each answer replaced by its code) or keyed (by its\n"
"                       code after reverse keying); missing answers are\n"
"                       kept as read\n"
"\n"
"The output has the input's delimiter (comma, or tab with -t, or that of\n"
"--delimiter), decimal mark (a comma with --decimal-comma) and header\n"
"row; fields are quoted only when they must be (a delimiter, quote or line\n"
"break inside), line ends are LF, a byte-order mark is dropped, and so\n"
"are blanks around an unquoted field (as the CSV reader reads it). A\n"
"missing score is written as the first --na token (default NA; --na= with\n"
"an empty list writes an empty field). A sum is the sum of the answered\n"
"items, not prorated. Numbers have --precision significant digits.\n"
"Nothing is written when the input has an error.\n"
"\n", stdout);
    fputs(codebook_help, stdout);
    fputs("\n", stdout);
    fputs(cli_exit_help, stdout);
}

/* Write one field, quoted when it must be. */
static void put_field(FILE *fp, const char *s, size_t len, char delim,
                      int first)
{
    if (!first)
        putc(delim, fp);
    int quote = 0;
    for (size_t i = 0; i < len && !quote; i++)
        quote = s[i] == delim || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (quote)
        csv_fwrite(fp, s, len);
    else
        fwrite(s, 1, len, fp);
}

/* X as %g, with MARK (',' under --decimal-comma) as its decimal mark, so
 * that the table reads back with the options it was read with. */
static void put_number(FILE *fp, double x, int precision, const char *na,
                       char delim, char mark, int first)
{
    char buf[64];
    if (isnan(x)) {
        put_field(fp, na, strlen(na), delim, first);
        return;
    }
    snprintf(buf, sizeof buf, "%.*g", precision, x == 0 ? 0 : x);
    char *dot = strchr(buf, '.');
    if (dot)
        *dot = mark;
    put_field(fp, buf, strlen(buf), delim, first);
}

static const char *first_na(const char *na, char **owned)
{
    if (!na)
        return "NA";
    const char *comma = strchr(na, ',');
    *owned = sk_xstrndup(na, comma ? (size_t)(comma - na) : strlen(na));
    return *owned;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        CLI_COMMON_LONGOPTS,
        CODEBOOK_SCALE_LONGOPTS,
        { "min-items", required_argument, NULL, OPT_MIN_ITEMS },
        { "items", required_argument, NULL, OPT_ITEMS },
        { NULL, 0, NULL, 0 }
    };
    struct cli_common cli;
    struct codebook_scale_args sa = { { 0 }, NULL, NULL, NULL };
    struct codebook_opts *co = &sa.co;
    const char *min_items = NULL;
    enum items_mode mode = ITEMS_ASIS;
    int opt;

    cli_start(argv[0], &cli);

    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1) {
        if (cli_common(&cli, opt, optarg, usage) ||
            codebook_scale_option(&sa, opt, optarg))
            continue;
        switch (opt) {
        case OPT_MIN_ITEMS:
            min_items = optarg;
            co->min_items = (size_t)cli_long("--min-items", optarg, 1,
                                            1000000);
            break;
        case OPT_ITEMS:
            mode = (enum items_mode)cli_choice("--items", optarg,
                                               items_names);
            break;
        default:
            sk_try_help();
        }
    }
    cli_file_operand(&cli, argc, argv);
    if (cli.in.by)
        sk_usage_error("--by is not used by sk-score");
    codebook_scale_finish(&sa, &cli.in, "score", min_items ? "--min-items" : NULL);
    cli.in.suggest_codebook = !sa.co.path;
    struct input *in = input_open_raw(&cli.in);
    size_t *items, n;
    struct codebook *cb = codebook_setup(co, in, &items, &n);

    /* The scales to write. */
    size_t nsc;
    size_t *sc = codebook_chosen_scales(cb, sa.scales, &nsc);
    const char *const *names = input_names(in);
    size_t ncols = input_ncols(in);
    for (size_t s = 0; s < nsc; s++)
        for (size_t c = 0; c < ncols; c++)
            if (strcmp(names[c], cb->scale[sc[s]].name) == 0) {
                if (cb->file)
                    sk_die("%s:%lu: scale '%s' has the name of a column of "
                           "%s", cb->file, cb->scale[sc[s]].line,
                           cb->scale[sc[s]].name, input_filename(in));
                sk_usage_error("--name: '%s' is already a column of %s",
                               cb->scale[sc[s]].name, input_filename(in));
            }

    /* Where each item's code is, and which column is which item. */
    size_t *pos = sk_xcalloc(cb->nitems, sizeof *pos);
    size_t *col_item = sk_xcalloc(ncols, sizeof *col_item);
    for (size_t c = 0; c < ncols; c++)
        col_item[c] = CODEBOOK_NONE;
    for (size_t i = 0; i < n; i++) {
        pos[items[i]] = i;
        col_item[cb->item[items[i]].column] = i;
    }

    struct codebook_data *d = codebook_data_open(cb, in, items, n, NULL);
    FILE *tmp = tmpfile();
    if (!tmp)
        sk_die("cannot make a temporary file: %s", strerror(errno));
    char delim = (char)input_delim(&cli.in);
    char mark = cli.in.decimal_comma ? ',' : '.';
    char *na_owned = NULL;
    const char *na = first_na(cli.in.na, &na_owned);
    if (cli.in.header) {
        for (size_t c = 0; c < ncols; c++)
            put_field(tmp, names[c], strlen(names[c]), delim, c == 0);
        for (size_t s = 0; s < nsc; s++) {
            const char *sn = cb->scale[sc[s]].name;
            put_field(tmp, sn, strlen(sn), delim, 0);
        }
        putc('\n', tmp);
    }

    double *code = sk_xcalloc(n, sizeof *code);
    double *keyed = sk_xcalloc(n, sizeof *keyed);
    double *vals = sk_xcalloc(n, sizeof *vals);
    struct input_row row;
    while (codebook_data_next(d, code, &row)) {
        for (size_t i = 0; i < n; i++)
            keyed[i] = codebook_keyed(cb, items[i], code[i]);
        for (size_t c = 0; c < row.nfields; c++) {
            size_t i = col_item[c];
            if (mode == ITEMS_ASIS || i == CODEBOOK_NONE || isnan(code[i]))
                put_field(tmp, row.field[c], row.field_len[c], delim, c == 0);
            else
                put_number(tmp, mode == ITEMS_KEYED ? keyed[i] : code[i],
                           cli.precision, na, delim, mark, c == 0);
        }
        for (size_t s = 0; s < nsc; s++) {
            const struct codebook_scale *S = &cb->scale[sc[s]];
            for (size_t j = 0; j < S->nitems; j++)
                vals[j] = keyed[pos[S->item[j]]];
            double score = likert_score(vals, S->nitems, S->sum,
                                        S->min_items);
            if (isinf(score))
                sk_die("%s:%lu: scale '%s': the %s of the items is beyond "
                       "the range of a double (about 1.8e308)",
                       input_filename(in), row.line, S->name,
                       S->sum ? "sum" : "mean");
            put_number(tmp, score, cli.precision, na, delim, mark, 0);
        }
        putc('\n', tmp);
    }
    if (fflush(tmp) != 0 || ferror(tmp))
        sk_die("write error on a temporary file: %s", strerror(errno));

    /* Everything read without error: now the output. */
    rewind(tmp);
    char buf[1 << 16];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, tmp)) > 0)
        if (fwrite(buf, 1, got, stdout) != got)
            break;
    if (ferror(tmp))
        sk_die("read error on a temporary file: %s", strerror(errno));
    fclose(tmp);

    free(code);
    free(keyed);
    free(vals);
    free(pos);
    free(col_item);
    free(sc);
    free(items);
    free(na_owned);
    codebook_data_close(d);
    codebook_free(cb);
    input_close(in);
    return SK_EXIT_OK;
}
