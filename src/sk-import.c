/* sk-import - a survey platform's CSV export as a clean table: one header
 * row of short names, one row per response; and a draft codebook.
 * Part of surveykit. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cli.h"
#include "lib/csvout.h"
#include "lib/draftcb.h"
#include "lib/export.h"
#include "lib/util.h"

enum {
    OPT_FROM = CLI_OPT_FIRST_PROGRAM_OPTION,
    OPT_CODEBOOK_OUT, OPT_DELIMITER, OPT_DECIMAL_COMMA, OPT_KEEP_UNFINISHED,
    OPT_ENCODING, OPT_DROP_IDENTIFYING, OPT_NA
};

static void usage(void)
{
    printf("Usage: %s [OPTION]... [EXPORT]\n", sk_program_name());
    fputs(
"A survey platform's CSV export (Qualtrics, SurveyMonkey, Microsoft Forms\n"
"or a spreadsheet's CSV) as a clean CSV table: one header row of short,\n"
"unique, shell-friendly names, one row per response, in UTF-8, commas\n"
"between fields, decimal points; with --codebook-out, a draft codebook.\n"
"With no EXPORT, or when EXPORT is -, read standard input. What was found\n"
"and every response left out is reported on standard error.\n"
"\n"
"Options:\n"
"      --from=PLATFORM    auto (default), qualtrics, surveymonkey, forms or\n"
"                         csv (one header row)\n"
"  -o, --output=FILE      write the table to FILE (default: standard\n"
"                         output); written whole or not at all\n"
"      --codebook-out=FILE  write a draft codebook to FILE: every column\n"
"                         with its question text, the labelled items with\n"
"                         their levels in order, non-substantive answers\n"
"                         (Don't know, Not applicable) as missing=yes,\n"
"                         matrix questions as candidate scales\n"
"      --delimiter=C      the export's delimiter: one character (',', ';',\n"
"                         '|'), tab (or \\t), comma, semicolon, pipe or\n"
"                         space; default: the most frequent of ',', ';'\n"
"                         and tab in its first line\n"
"      --decimal-comma[=WHEN]  numbers such as 1,5 written as 1.5: yes\n"
"                         (the option alone), no, or auto (default: yes\n"
"                         when the delimiter is not ',' and no number has\n"
"                         a decimal point)\n"
"      --encoding=NAME    the export's encoding (an iconv name: latin1,\n"
"                         windows-1252, UTF-16); default: UTF-8, or\n"
"                         UTF-16 found by its byte-order mark or zero bytes\n"
"      --drop-identifying  leave out the columns in which the platform\n"
"                         identifies respondents: names, e-mail, IP\n"
"                         address, location, the panel's reference\n"
"                         (default: every column is kept)\n"
"      --na=LIST          tokens that mean a missing answer, comma-\n"
"                         separated (default NA); an empty field always\n"
"                         is one. They are written as they are.\n"
"      --keep-unfinished  keep Qualtrics' unfinished responses\n"
"                         (Finished = False); previews, tests and spam are\n"
"                         always left out\n"
"  -q, --quiet            report only what you must decide (free-text\n"
"                         numbers, codes apart from the rest), not what\n"
"                         was found and done\n"
"      --help             display this help and exit\n"
"      --version          output version information and exit\n"
"\n"
"Names: Qualtrics' column ids (Q5_1, Q7#1_2 as Q7_1_2); otherwise up to\n"
"three significant words of the question (\"My partner and I related to\n"
"each other as equals\": partner_related_equals), a part shared by several\n"
"questions (\"Before the programme: ...\") as a first word (before_...).\n"
"The draft codebook's alias column keeps each original header.\n"
"\n"
"Answers are written as exported: labels stay labels (the programs read\n"
"them through --codebook). A number column with free-text answers (about\n"
"8, 10+, a trailing blank) is reported, answer by answer with its line,\n"
"and left as it is: nothing is guessed. Responses with the same id and\n"
"answers are kept once; the same id with other answers is an error.\n"
"\n", stdout);
    fputs(cli_exit_help, stdout);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "from", required_argument, NULL, OPT_FROM },
        { "output", required_argument, NULL, 'o' },
        { "codebook-out", required_argument, NULL, OPT_CODEBOOK_OUT },
        { "delimiter", required_argument, NULL, OPT_DELIMITER },
        { "decimal-comma", optional_argument, NULL, OPT_DECIMAL_COMMA },
        { "encoding", required_argument, NULL, OPT_ENCODING },
        { "keep-unfinished", no_argument, NULL, OPT_KEEP_UNFINISHED },
        { "drop-identifying", no_argument, NULL, OPT_DROP_IDENTIFYING },
        { "na", required_argument, NULL, OPT_NA },
        { "quiet", no_argument, NULL, 'q' },
        { "help", no_argument, NULL, CLI_OPT_HELP },
        { "version", no_argument, NULL, CLI_OPT_VERSION },
        { NULL, 0, NULL, 0 }
    };
    static const struct cli_name froms[] = {
        { "auto", EXPORT_AUTO, 0 }, { "qualtrics", EXPORT_QUALTRICS, 0 },
        { "surveymonkey", EXPORT_SURVEYMONKEY, 0 },
        { "forms", EXPORT_FORMS, 0 }, { "csv", EXPORT_CSV, 0 },
        { NULL, 0, 0 }
    };
    static const struct cli_name whens[] = {
        { "auto", -1, 0 }, { "yes", 1, 0 }, { "no", 0, 0 }, { NULL, 0, 0 }
    };
    struct cli_common cli;
    struct export_opts eo = { .from = EXPORT_AUTO, .decimal_comma = -1 };
    const char *output = NULL, *cbout = NULL;
    int quiet = 0, drop = 0, opt;

    cli_start(argv[0], &cli);
    while ((opt = getopt_long(argc, argv, "o:q", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_FROM: eo.from = cli_choice("--from", optarg, froms); break;
        case 'o': output = optarg; break;
        case OPT_CODEBOOK_OUT: cbout = optarg; break;
        case OPT_DELIMITER:
            eo.delim = cli_delimiter("--delimiter", optarg);
            break;
        case OPT_DECIMAL_COMMA:
            eo.decimal_comma = optarg ? cli_choice("--decimal-comma", optarg,
                                                   whens) : 1;
            break;
        case OPT_ENCODING: eo.encoding = optarg; break;
        case OPT_KEEP_UNFINISHED: eo.keep_unfinished = 1; break;
        case OPT_DROP_IDENTIFYING: drop = 1; break;
        case OPT_NA:
            if (!*optarg || strstr(optarg, ",,") || optarg[0] == ',' ||
                optarg[strlen(optarg) - 1] == ',')
                sk_usage_error("empty item in --na '%s'", optarg);
            eo.na = optarg;
            break;
        case 'q': quiet = 1; break;
        default:
            if (!cli_common(&cli, opt, optarg, usage))
                sk_try_help();
        }
    }
    if (optind < argc)
        eo.path = argv[optind++];
    if (optind < argc)
        sk_usage_error("extra operand '%s'", argv[optind]);
    if (eo.decimal_comma == 1 && eo.delim == ',')
        sk_usage_error("--decimal-comma with --delimiter=',': a comma cannot "
                       "be both");
    if (output && cbout && strcmp(output, cbout) == 0)
        sk_usage_error("--output and --codebook-out name the same file '%s'",
                       output);

    char *err;
    struct export *e = export_read(&eo, &err);
    if (!e)
        sk_die("%s", err);
    if (!quiet)
        sk_error("%s: %s export (%zu header row%s), %s, delimiter %s%s",
                 e->file, export_platform_name(e->platform), e->nheader,
                 e->nheader > 1 ? "s" : "", e->encoding,
                 e->delim == ',' ? "','" : e->delim == ';' ? "';'"
                 : e->delim == '\t' ? "tab" : "given",
                 e->delim_found ? " (found; --delimiter chooses)" : "");
    for (size_t i = 0; i < e->nnotes; i++)
        if (!quiet || e->warning[i])
            sk_error("%s", e->note[i]);
    if (drop) {
        size_t n = export_drop_identifying(e);
        if (!quiet)
            sk_error("%s: left out %zu identifying column%s", e->file, n,
                     n == 1 ? "" : "s");
    }

    if (cbout && draftcb_nitems(e) == 0)
        sk_die("%s: no column holds answers of a known order or numbers "
               "only, so there is no codebook to draft (a codebook needs an "
               "item); without --codebook-out the table is written",
               e->file);

    /* both files opened before anything is written; each written whole
       (to FILE.sk-import-tmp, then renamed) or not at all */
    char *tmp = NULL, *cbtmp = NULL;
    FILE *fp = stdout, *cf = NULL;
    if (cbout) {
        cbtmp = sk_xasprintf("%s.sk-import-tmp", cbout);
        if (!(cf = fopen(cbtmp, "w")))
            sk_die("%s: %s", cbout, strerror(errno));
    }
    if (output && strcmp(output, "-") != 0) {
        tmp = sk_xasprintf("%s.sk-import-tmp", output);
        if (!(fp = fopen(tmp, "w"))) {
            int saved = errno;
            if (cf) {
                fclose(cf);
                remove(cbtmp);
            }
            sk_die("%s: %s", output, strerror(saved));
        }
    }
    const char **names = sk_xcalloc(e->ncols, sizeof *names);
    for (size_t c = 0; c < e->ncols; c++)
        names[c] = e->col[c].name;
    int bad = csvout_row(fp, names, e->ncols, ',') != 0;
    for (size_t r = 0; r < e->nrows && !bad; r++)
        bad = csvout_row(fp, (const char *const *)e->row[r], e->ncols,
                         ',') != 0;
    free(names);
    int cbbad = cf && draftcb_write(cf, e, PACKAGE_VERSION) != 0;
    if (cf && fclose(cf) != 0)
        cbbad = 1;
    if (tmp && fclose(fp) != 0)
        bad = 1;
    if (bad || cbbad) {
        int saved = errno;
        if (tmp)
            remove(tmp);
        if (cbtmp)
            remove(cbtmp);
        if (bad && !tmp)
            sk_die("write error: %s", strerror(saved));
        sk_die("%s: write error: %s", bad ? output : cbout, strerror(saved));
    }
    if (tmp && rename(tmp, output) != 0) {
        int saved = errno;
        remove(tmp);
        if (cbtmp)
            remove(cbtmp);
        sk_die("%s: %s", output, strerror(saved));
    }
    if (cbtmp && rename(cbtmp, cbout) != 0) {
        int saved = errno;
        remove(cbtmp);
        sk_die("%s: %s", cbout, strerror(saved));
    }
    free(tmp);
    free(cbtmp);
    if (!quiet)
        sk_error("%s: %zu of %zu responses written, %zu columns%s%s",
                 e->file, e->nrows, e->nread, e->ncols,
                 cbout ? "; draft codebook " : "", cbout ? cbout : "");
    export_free(e);
    return SK_EXIT_OK;
}
