/* cli.c - the options every program shares, and strict option values. */
#include <config.h>

#include "cli.h"
#include "colsel.h"
#include "numparse.h"
#include "out.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cli_common_help[] =
    "Input:\n"
    "  -c, --columns=LIST   the columns to use, comma-separated: names,\n"
    "                       1-based numbers, ranges N-M (by number) or A:B\n"
    "                       (from column A to column B, names or numbers);\n"
    "                       default: every column but the --by column\n"
    "  -g, --by=COLUMN      one result per group of COLUMN (name or number),\n"
    "                       groups in the order first seen\n"
    "  -t, --tsv            tab-separated input (default: CSV, RFC 4180);\n"
    "                       the same as --delimiter=tab\n"
    "      --delimiter=C    fields separated by the character C instead of\n"
    "                       commas: ';' (Excel in many European locales),\n"
    "                       '|', tab (also 'tab' or '\\t'), comma, semicolon\n"
    "      --decimal-comma  numbers with a decimal comma: 1,5 is 1.5 (then\n"
    "                       1.5 is an error); needs a --delimiter other than\n"
    "                       the comma\n"
    "      --no-header      the first row is data; columns are V1, V2 ...\n"
    "      --na=LIST        tokens that mean a missing value, comma-separated\n"
    "                       (default: NA); an empty field is always missing\n"
    "Output:\n"
    "      --precision=N    significant digits of numbers (default 15)\n"
    "      --help           show this help and exit\n"
    "      --version        show the version and exit\n";

const char cli_exit_help[] =
    "Exit status: 0 success, 1 bad data or an input/output error,\n"
    "2 bad usage (options, arguments or an unknown column).\n";

void cli_common_init(struct cli_common *c)
{
    memset(c, 0, sizeof *c);
    c->in.header = 1;
    c->precision = OUT_DEFAULT_PRECISION;
}

int cli_common(struct cli_common *c, int opt, const char *arg,
               void (*usage)(void))
{
    switch (opt) {
    case 'c':
        c->in.columns = arg;
        return 1;
    case 't':
        c->in.tsv = 1;
        c->in.delim = '\t';
        return 1;
    case CLI_OPT_DELIMITER:
        c->in.delim = cli_delimiter("--delimiter", arg);
        c->in.tsv = c->in.delim == '\t';
        return 1;
    case CLI_OPT_DECIMAL_COMMA:
        c->in.decimal_comma = 1;
        return 1;
    case 'g':
        c->in.by = arg;
        return 1;
    case CLI_OPT_NO_HEADER:
        c->in.header = 0;
        return 1;
    case CLI_OPT_NA:
        c->in.na = arg;
        return 1;
    case CLI_OPT_PRECISION:
        c->precision = (int)cli_long("--precision", arg, 1, 17);
        return 1;
    case CLI_OPT_HELP:
        usage();
        exit(SK_EXIT_OK);
    case CLI_OPT_VERSION:
        printf("%s (%s) %s\n"
               "Copyright (C) 2026 the surveykit authors.\n"
               "License GPLv3+: GNU GPL version 3 or later "
               "<https://gnu.org/licenses/gpl.html>.\n"
               "This is free software: you are free to change and "
               "redistribute it.\n"
               "There is NO WARRANTY, to the extent permitted by law.\n",
               sk_program_name(), PACKAGE_NAME, PACKAGE_VERSION);
        exit(SK_EXIT_OK);
    default:
        return 0;
    }
}

void cli_file_operand(struct cli_common *c, int argc, char **argv)
{
    if (optind < argc)
        c->in.path = argv[optind++];
    if (optind < argc)
        sk_usage_error("extra operand '%s'", argv[optind]);
    if (c->in.decimal_comma && input_delim(&c->in) == ',')
        sk_usage_error("--decimal-comma needs a field delimiter other than "
                       "the comma (e.g. --delimiter=';')");
}

unsigned char cli_delimiter(const char *option, const char *arg)
{
    static const struct cli_name words[] = {
        { "tab", '\t', 0 }, { "\\t", '\t', 1 }, { "comma", ',', 0 },
        { "semicolon", ';', 0 }, { "pipe", '|', 0 }, { "space", ' ', 0 },
        { NULL, 0, 0 }
    };
    unsigned char c = (unsigned char)arg[0];
    if (c && !arg[1] && (c == '\t' || c == ' ' ||
                         (c < 0x7f && ispunct(c) && c != '"')))
        return c;
    for (const struct cli_name *w = words; w->name; w++)
        if (strcmp(w->name, arg) == 0)
            return (unsigned char)w->value;
    char *shown = sk_shown(arg, strlen(arg));
    sk_usage_error("invalid value for %s: '%s' (one character such as ';' "
                   "or '|' but not '\"', or tab, comma, semicolon, pipe or "
                   "space)", option, shown);
}

void cli_start(const char *argv0, struct cli_common *c)
{
    sk_set_program_name(argv0);
    atexit(sk_close_stdout);
    sk_gsl_init();
    cli_common_init(c);
}

double cli_level(const char *option, const char *arg)
{
    double level = cli_double(option, arg, -HUGE_VAL, HUGE_VAL);
    if (level <= 0 || level >= 1)
        sk_usage_error("%s must be between 0 and 1, exclusive: '%s'", option,
                       arg);
    return level;
}

/* Does ARG start or end with a blank (space, tab, line break ...)? An
 * option value is the number alone, as every program reads it (strtol
 * would skip leading blanks, num_parse blanks on both sides). */
static int blank_edges(const char *arg)
{
    size_t len = strlen(arg);
    return len && (isspace((unsigned char)arg[0]) ||
                   isspace((unsigned char)arg[len - 1]));
}

enum cli_value cli_parse_double(const char *arg, double *x)
{
    struct num_value v;
    if (blank_edges(arg))
        return CLI_VALUE_BLANKS;
    if (arg[0] == '\0' || num_parse(arg, strlen(arg), &v) != NUM_OK)
        return CLI_VALUE_INVALID;
    *x = v.x;
    return CLI_VALUE_OK;
}

enum cli_value cli_parse_long(const char *arg, long *x)
{
    char *end;
    if (blank_edges(arg))
        return CLI_VALUE_BLANKS;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (errno || end == arg || *end)
        return CLI_VALUE_INVALID;
    *x = v;
    return CLI_VALUE_OK;
}

static void value_error(const char *option, const char *arg,
                        enum cli_value e) __attribute__((noreturn));

static void value_error(const char *option, const char *arg, enum cli_value e)
{
    if (e == CLI_VALUE_BLANKS)
        sk_usage_error("invalid value for %s: '%s' (blanks around the "
                       "number)", option, arg);
    sk_usage_error("invalid value for %s: '%s'", option, arg);
}

double cli_double(const char *option, const char *arg, double lo, double hi)
{
    double x = 0;
    enum cli_value e = cli_parse_double(arg, &x);
    if (e != CLI_VALUE_OK)
        value_error(option, arg, e);
    if (!(x >= lo && x <= hi))
        sk_usage_error("%s must be between %g and %g: '%s'", option, lo, hi,
                       arg);
    return x;
}

long cli_long(const char *option, const char *arg, long lo, long hi)
{
    long v = 0;
    enum cli_value e = cli_parse_long(arg, &v);
    if (e != CLI_VALUE_OK)
        value_error(option, arg, e);
    if (v < lo || v > hi)
        sk_usage_error("%s must be between %ld and %ld: '%s'", option, lo,
                       hi, arg);
    return v;
}

void cli_names_text(const struct cli_name *names, char *buf, size_t size)
{
    size_t n = 0, len = 0, k = 0;
    for (const struct cli_name *c = names; c->name; c++)
        n += !c->alias;
    buf[0] = '\0';
    for (const struct cli_name *c = names; c->name && len < size; c++) {
        if (c->alias)
            continue;
        k++;
        len += (size_t)snprintf(buf + len, size - len, "%s%s",
                                k == 1 ? "" : k == n ? " or " : ", ",
                                c->name);
    }
}

static const struct cli_name *choice_find(const struct cli_name *names,
                                          const char *s, size_t len)
{
    for (const struct cli_name *c = names; c->name; c++)
        if (strlen(c->name) == len && !memcmp(c->name, s, len))
            return c;
    return NULL;
}

int cli_choice(const char *option, const char *arg,
               const struct cli_name *names)
{
    const struct cli_name *c = choice_find(names, arg, strlen(arg));
    if (c)
        return c->value;
    char list[512], *shown = sk_shown(arg, strlen(arg));
    cli_names_text(names, list, sizeof list);
    sk_usage_error("invalid value for %s: '%s' (%s)", option, shown, list);
}

int cli_choice_item(const char *option, const char *list, const char *what,
                    const char *item, size_t len,
                    const struct cli_name *names)
{
    const struct cli_name *c = choice_find(names, item, len);
    if (c)
        return c->value;
    char text[512];
    char *i = sk_shown(item, len), *l = sk_shown(list, strlen(list));
    cli_names_text(names, text, sizeof text);
    sk_usage_error("unknown %s '%s' in %s '%s' (%s)", what, i, option, l,
                   text);
}

size_t cli_list(const char *option, const char *what, const char *list,
                const char ***item, size_t **len)
{
    char *shown = sk_shown(list, strlen(list));
    if (list[0] == '\0')
        sk_usage_error("no %s in %s ''", what, option);
    size_t n = 0;
    *item = NULL;
    *len = NULL;
    for (const char *p = list;;) {
        const char *comma = strchr(p, ',');
        size_t l = comma ? (size_t)(comma - p) : strlen(p);
        if (l == 0)
            sk_usage_error("empty item in %s '%s'", option, shown);
        *item = sk_xreallocarray(*item, n + 1, sizeof **item);
        *len = sk_xreallocarray(*len, n + 1, sizeof **len);
        (*item)[n] = p;
        (*len)[n] = l;
        n++;
        if (!comma)
            break;
        p = comma + 1;
    }
    free(shown);
    return n;
}

void cli_pair(const struct input *in, const char *option, const char *spec,
              size_t *before, size_t *after)
{
    const char *const *names = input_names(in);
    size_t ncols = input_ncols(in);
    for (const char *c = strchr(spec, ':'); c; c = strchr(c + 1, ':')) {
        char *left = sk_xstrndup(spec, (size_t)(c - spec)), *err = NULL;
        int ok = colsel_one(left, names, ncols, before, &err) == 0;
        free(err);
        err = NULL;
        ok = ok && colsel_one(c + 1, names, ncols, after, &err) == 0;
        free(err);
        free(left);
        if (ok)
            return;
    }
    const char *c = strchr(spec, ':');
    if (!c || c == spec || !c[1]) {
        char *shown = sk_shown(spec, strlen(spec));
        sk_usage_error("invalid %s '%s': expected BEFORE:AFTER", option,
                       shown);
    }
    /* Report the side that is not a column. */
    char *left = sk_xstrndup(spec, (size_t)(c - spec));
    *before = input_find(in, left);
    free(left);
    *after = input_find(in, c + 1);
}
