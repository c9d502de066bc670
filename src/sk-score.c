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
#include "lib/codebook.h"
#include "lib/input.h"
#include "lib/likert.h"
#include "lib/util.h"

enum {
    OPT_CODEBOOK = CLI_OPT_FIRST_PROGRAM_OPTION,
    OPT_SCALES,
    OPT_NAME,
    OPT_SCORING,
    OPT_MIN_ITEMS,
    OPT_REVERSE,
    OPT_RANGE,
    OPT_ITEMS
};

enum items_mode { ITEMS_ASIS, ITEMS_CODES, ITEMS_KEYED };

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
"The output has the input's delimiter (comma, or tab with -t) and header\n"
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

static void put_number(FILE *fp, double x, int precision, const char *na,
                       char delim, int first)
{
    char buf[64];
    if (isnan(x)) {
        put_field(fp, na, strlen(na), delim, first);
        return;
    }
    snprintf(buf, sizeof buf, "%.*g", precision, x == 0 ? 0 : x);
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
        { "codebook", required_argument, NULL, OPT_CODEBOOK },
        { "scales", required_argument, NULL, OPT_SCALES },
        { "name", required_argument, NULL, OPT_NAME },
        { "scoring", required_argument, NULL, OPT_SCORING },
        { "min-items", required_argument, NULL, OPT_MIN_ITEMS },
        { "reverse", required_argument, NULL, OPT_REVERSE },
        { "range", required_argument, NULL, OPT_RANGE },
        { "items", required_argument, NULL, OPT_ITEMS },
        { NULL, 0, NULL, 0 }
    };
    struct cli_common cli;
    struct codebook_opts co = { 0 };
    const char *scales = NULL, *name = NULL, *scoring = NULL;
    const char *min_items = NULL;
    enum items_mode mode = ITEMS_ASIS;
    int opt;

    cli_start(argv[0], &cli);

    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1) {
        if (cli_common(&cli, opt, optarg, usage))
            continue;
        switch (opt) {
        case OPT_CODEBOOK:
            co.path = optarg;
            break;
        case OPT_SCALES:
            scales = optarg;
            break;
        case OPT_NAME:
            name = optarg;
            break;
        case OPT_SCORING:
            scoring = optarg;
            if (strcmp(optarg, "mean") != 0 && strcmp(optarg, "sum") != 0)
                sk_usage_error("invalid value for --scoring: '%s' (mean or "
                               "sum)", optarg);
            co.sum = strcmp(optarg, "sum") == 0;
            break;
        case OPT_MIN_ITEMS:
            min_items = optarg;
            co.min_items = (size_t)cli_long("--min-items", optarg, 1,
                                            1000000);
            break;
        case OPT_REVERSE:
            co.reverse = optarg;
            break;
        case OPT_RANGE:
            co.range = optarg;
            break;
        case OPT_ITEMS:
            if (strcmp(optarg, "asis") == 0)
                mode = ITEMS_ASIS;
            else if (strcmp(optarg, "codes") == 0)
                mode = ITEMS_CODES;
            else if (strcmp(optarg, "keyed") == 0)
                mode = ITEMS_KEYED;
            else
                sk_usage_error("invalid value for --items: '%s' (asis, "
                               "codes or keyed)", optarg);
            break;
        default:
            sk_try_help();
        }
    }
    cli_file_operand(&cli, argc, argv);
    if (cli.in.by)
        sk_usage_error("--by is not used by sk-score");
    if (co.path) {
        const char *bad = cli.in.columns ? "-c" : name ? "--name"
            : scoring ? "--scoring" : min_items ? "--min-items"
            : co.reverse ? "--reverse" : co.range ? "--range" : NULL;
        if (bad)
            sk_usage_error("%s is for a scale without a codebook; the "
                           "codebook declares its scales", bad);
    } else {
        if (!cli.in.columns)
            sk_usage_error("no items: give --codebook=FILE, or -c with the "
                           "columns of one scale");
        if (scales)
            sk_usage_error("--scales chooses among the scales of a codebook");
        co.columns = cli.in.columns;
        co.scale = name ? name : "score";
    }

    co.data = cli.in.path;
    codebook_opts_check(&co);
    struct input *in = input_open_raw(&cli.in);
    size_t *items, n;
    struct codebook *cb = codebook_setup(&co, in, &items, &n);

    /* The scales to write. */
    size_t nsc = 0;
    size_t *sc = sk_xcalloc(cb->nscales ? cb->nscales : 1, sizeof *sc);
    if (scales) {
        char *list = sk_xstrdup(scales);
        for (char *p = list, *tok; (tok = strsep(&p, ",")) != NULL;) {
            size_t s = codebook_find_scale(cb, tok);
            if (s == CODEBOOK_NONE)
                sk_usage_error("--scales: no scale '%s' in %s", tok,
                               cb->file);
            sc = sk_xreallocarray(sc, nsc + 1, sizeof *sc);
            sc[nsc++] = s;
        }
        free(list);
    } else
        for (size_t s = 0; s < cb->nscales; s++)
            sc[nsc++] = s;
    if (nsc == 0)
        sk_die("%s: no scales (rows of type 'scale')", cb->file);
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
    char delim = cli.in.tsv ? '\t' : ',';
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
                           cli.precision, na, delim, c == 0);
        }
        for (size_t s = 0; s < nsc; s++) {
            const struct codebook_scale *S = &cb->scale[sc[s]];
            for (size_t j = 0; j < S->nitems; j++)
                vals[j] = keyed[pos[S->item[j]]];
            put_number(tmp, likert_score(vals, S->nitems, S->sum,
                                         S->min_items),
                       cli.precision, na, delim, 0);
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
