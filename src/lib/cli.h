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
    CLI_OPT_FIRST_PROGRAM_OPTION    /* programs number theirs from here */
};

#define CLI_COMMON_SHORTOPTS "c:tg:"

#define CLI_COMMON_LONGOPTS                                        \
    { "columns", required_argument, NULL, 'c' },                   \
    { "tsv", no_argument, NULL, 't' },                             \
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

/* Take the one optional FILE operand after the options (argv[optind]). */
void cli_file_operand(struct cli_common *c, int argc, char **argv);

/* Start a program: its name for messages, stdout checked at exit, GSL's
 * aborting error handler off, the common options at their defaults. */
void cli_start(const char *argv0, struct cli_common *c);

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

#endif
