/* cli.h - the options every program shares, and strict option values.
 *
 * Each program's getopt_long table includes CLI_COMMON_LONGOPTS and its
 * short-option string CLI_COMMON_SHORTOPTS; cli_common() handles them. */
#ifndef SK_CLI_H
#define SK_CLI_H

#include <getopt.h>

#include "input.h"

enum {
    CLI_OPT_NO_HEADER = 0x100,
    CLI_OPT_NA,
    CLI_OPT_PRECISION,
    CLI_OPT_HELP,
    CLI_OPT_VERSION,
    CLI_OPT_DELIMITER,
    CLI_OPT_DECIMAL_COMMA,
    CLI_OPT_FIRST_PROGRAM_OPTION    /* programs number theirs from here */
};

#define CLI_COMMON_SHORTOPTS "c:tg:"

#define CLI_COMMON_LONGOPTS                                        \
    { "columns", required_argument, NULL, 'c' },                   \
    { "tsv", no_argument, NULL, 't' },                             \
    { "delimiter", required_argument, NULL, CLI_OPT_DELIMITER },   \
    { "decimal-comma", no_argument, NULL, CLI_OPT_DECIMAL_COMMA }, \
    { "by", required_argument, NULL, 'g' },                        \
    { "no-header", no_argument, NULL, CLI_OPT_NO_HEADER },         \
    { "na", required_argument, NULL, CLI_OPT_NA },                 \
    { "precision", required_argument, NULL, CLI_OPT_PRECISION },   \
    { "help", no_argument, NULL, CLI_OPT_HELP },                   \
    { "version", no_argument, NULL, CLI_OPT_VERSION }

/* The help text of the common options, for each program's --help. */
extern const char cli_common_help[];

/* The exit-status paragraph of --help. */
extern const char cli_exit_help[];

struct cli_common {
    struct input_opts in;
    int precision;
};

void cli_common_init(struct cli_common *c);

/* Handle a common option: 1 if OPT was one (--help and --version exit),
 * 0 if not. USAGE is printed by --help. */
int cli_common(struct cli_common *c, int opt, const char *arg,
               void (*usage)(void));

/* Take the one optional FILE operand after the options (argv[optind]),
 * and check the common options together: --decimal-comma with the comma
 * as the delimiter is a usage error. */
void cli_file_operand(struct cli_common *c, int argc, char **argv);

/* Start a program: its name for messages, stdout checked at exit, GSL's
 * aborting error handler off, the common options at their defaults. */
void cli_start(const char *argv0, struct cli_common *c);

/* The field delimiter of OPTION's ARG (--delimiter): one ASCII
 * punctuation character or a space ("';'", "|"), a tab (a literal one,
 * the two characters "\t", or "tab"), or the words "comma", "semicolon",
 * "pipe", "space"; a usage error otherwise (a quote, a letter or digit, a
 * line break, several characters). */
unsigned char cli_delimiter(const char *option, const char *arg);

/* A confidence level, 0 < level < 1, from OPTION's ARG; usage error else. */
double cli_level(const char *option, const char *arg);

/* Strict option values: the whole string, C locale; a usage error (exit 2)
 * naming OPTION otherwise. */
double cli_double(const char *option, const char *arg, double lo, double hi);
long cli_long(const char *option, const char *arg, long lo, long hi);

/* Their parsing without the exit (for fuzzing): CLI_VALUE_OK and *x, or
 * why ARG is not a value. */
enum cli_value {
    CLI_VALUE_OK = 0,
    CLI_VALUE_INVALID,     /* not a number (a long: not an integer in range) */
    CLI_VALUE_BLANKS       /* a blank at either end */
};
enum cli_value cli_parse_double(const char *arg, double *x);
enum cli_value cli_parse_long(const char *arg, long *x);

/* Named values of a choice option, as datamash's op-defs.c: a table of
 * rows { name, value, alias }, ended by { NULL }. An alias (alias = 1) is
 * accepted but not listed in messages: two-sided / two.sided. */
struct cli_name {
    const char *name;
    int value;
    int alias;
};

/* The value of ARG in NAMES; a usage error naming OPTION and listing the
 * names otherwise: "invalid value for --zero: 'x' (wilcox or pratt)". */
int cli_choice(const char *option, const char *arg,
               const struct cli_name *names);

/* The value of the list item ITEM (LEN bytes) of OPTION's value LIST; a
 * usage error otherwise: "unknown method 'x' in --method 'bca,x'
 * (percentile, basic, normal, bca or student)", WHAT naming the kind. */
int cli_choice_item(const char *option, const char *list, const char *what,
                    const char *item, size_t len,
                    const struct cli_name *names);

/* The names of NAMES (aliases left out) as "a, b or c", into BUF. */
void cli_names_text(const struct cli_name *names, char *buf, size_t size);

/* A comma-separated list, one rule for every option: the value must not be
 * empty and no item may be (a usage error "empty item in OPTION 'a,,b'",
 * or "no WHAT in OPTION ''"). Returns the number of items; item i is
 * (*item)[i], (*len)[i] bytes into LIST (not NUL-terminated); free() both
 * arrays. */
size_t cli_list(const char *option, const char *what, const char *list,
                const char ***item, size_t **len);

/* Split "BEFORE:AFTER" into two column indexes of IN, the same way in
 * every program: at the first ':' where both sides name columns (so that
 * a name may contain ':'), else at the first ':' to report the side that
 * names none. OPTION names the option in messages ("--pair"); a usage
 * error when there is no ':' or a side is empty. */
void cli_pair(const struct input *in, const char *option, const char *spec,
              size_t *before, size_t *after);

#endif
