/* fuzz-cli.c - option values (cli.h's cli_parse_double and
 * cli_parse_long, the parsing under cli_double, cli_long and cli_level).
 *
 * Input: the option value (up to a NUL). Invariants: a value with a blank
 * (isspace) at either end is CLI_VALUE_BLANKS; a double accepted is
 * finite and is strtod's reading of the whole value; a long is accepted
 * exactly when the value is an optional sign and decimal digits whose
 * value fits a long (checked here digit by digit), and then is it. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "lib/cli.h"

/* 1 and *v when S is [+-]digits with a value that fits a long. */
static int ref_long(const char *s, long *v)
{
    int neg = 0;
    if (*s == '+' || *s == '-')
        neg = *s++ == '-';
    if (!*s)
        return 0;
    /* accumulate as a negative number: LONG_MIN has no positive twin */
    long acc = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return 0;
        int dgt = *s - '0';
        if (acc < (LONG_MIN + dgt) / 10)
            return 0;
        acc = acc * 10 - dgt;
    }
    if (!neg && acc == LONG_MIN)
        return 0;
    *v = neg ? acc : -acc;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char arg[4097];
    memcpy(arg, data, size);
    arg[size] = '\0';
    size_t len = strlen(arg);
    int blanks = len && (isspace((unsigned char)arg[0]) ||
                         isspace((unsigned char)arg[len - 1]));

    double x = 0;
    enum cli_value e = cli_parse_double(arg, &x);
    FUZZ_ASSERT((e == CLI_VALUE_BLANKS) == blanks);
    if (e == CLI_VALUE_OK) {
        static locale_t c;
        if (!c)
            c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
        char *end;
        double ref = strtod_l(arg, &end, c);
        FUZZ_ASSERT(len > 0 && *end == '\0');
        FUZZ_ASSERT(isfinite(x) && memcmp(&x, &ref, sizeof x) == 0);
    }

    long v = 0, rv = 0;
    e = cli_parse_long(arg, &v);
    FUZZ_ASSERT((e == CLI_VALUE_BLANKS) == blanks);
    if (!blanks) {
        int ok = ref_long(arg, &rv);
        FUZZ_ASSERT((e == CLI_VALUE_OK) == ok);
        if (ok)
            FUZZ_ASSERT(v == rv);
    }
    return 0;
}
