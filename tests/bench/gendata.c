/* gendata - synthetic CSV data for the benchmarks of surveykit.
 *
 * Usage: gendata ROWS SEED [KIND]
 *
 * Writes a CSV table with a header row and ROWS data rows to standard
 * output, from GSL's Mersenne Twister (gsl_rng_mt19937) seeded with SEED,
 * so a given ROWS, SEED and KIND always give byte-identical output.
 *
 * KIND is one of:
 *   continuous  (default) columns x,y: x ~ Normal(50, 10) with 4 decimals,
 *               y ~ Gamma(shape 2, scale 15) with 3 decimals (skewed right)
 *   likert      columns x,y: integer codes 1..5 with skewed probabilities,
 *               x leaning to agreement, y leaning to disagreement
 *   groups      columns role,q1..q20: role A or B (each with probability
 *               1/2), and twenty 5-point items, A's answers as x above,
 *               B's a little less positive (the likert x and y mixed
 *               85:15), for sk-compare, sk-freq and sk-alpha
 *   paired      columns before,after: before ~ Normal(50, 10), after =
 *               before + Normal(0.5, 5), both with 4 decimals, for
 *               sk-paired
 *   many        columns g,role,x,r,c: g one of max(1, ROWS / 100) groups
 *               g1, g2 ... (uniformly: about 100 rows a group, so their
 *               number grows with ROWS), role A or B, x ~ Normal(50, 10)
 *               with 4 decimals, r ~ Normal(50, 10) with 1 decimal (about
 *               a thousand distinct values) and c a code 1..5 as likert's
 *               x, for the scaling benchmark (scale.sh)
 *
 * Exit status: 0 success, 1 write error, 2 bad usage.
 * Part of surveykit. */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#define EXIT_USAGE 2

static const char *progname = "gendata";

static void usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

static void usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", progname);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nUsage: %s ROWS SEED "
            "[continuous|likert|groups|paired|many]\n", progname);
    exit(EXIT_USAGE);
}

/* A whole decimal number: digits only (no sign, no blanks), no overflow. */
static unsigned long parse_ulong(const char *what, const char *s)
{
    char *end;
    if (s[0] < '0' || s[0] > '9')
        usage_error("invalid %s '%s'", what, s);
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end != '\0')
        usage_error("invalid %s '%s'", what, s);
    return v;
}

/* Likert codes 1..5: P(code) for the two columns. */
static const double likert_x[5] = { 0.04, 0.08, 0.18, 0.42, 0.28 };
static const double likert_y[5] = { 0.31, 0.27, 0.22, 0.13, 0.07 };

int main(int argc, char **argv)
{
    if (argc > 0 && argv[0][0]) {
        const char *slash = strrchr(argv[0], '/');
        progname = slash ? slash + 1 : argv[0];
    }
    if (argc < 3 || argc > 4)
        usage_error("wrong number of arguments");
    unsigned long rows = parse_ulong("ROWS", argv[1]);
    unsigned long seed = parse_ulong("SEED", argv[2]);
    const char *kind = argc == 4 ? argv[3] : "continuous";
    int likert;
    if (strcmp(kind, "continuous") == 0)
        likert = 0;
    else if (strcmp(kind, "likert") == 0)
        likert = 1;
    else if (strcmp(kind, "groups") == 0)
        likert = 2;
    else if (strcmp(kind, "paired") == 0)
        likert = 3;
    else if (strcmp(kind, "many") == 0)
        likert = 4;
    else
        usage_error("unknown KIND '%s' (continuous, likert, groups, "
                    "paired or many)", kind);

    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    if (!r) {
        fprintf(stderr, "%s: out of memory\n", progname);
        return 1;
    }
    gsl_rng_set(r, seed);

    static char obuf[1 << 16];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    if (likert == 2) {
        double mix[5];
        for (int k = 0; k < 5; k++)
            mix[k] = 0.85 * likert_x[k] + 0.15 * likert_y[k];
        gsl_ran_discrete_t *da = gsl_ran_discrete_preproc(5, likert_x);
        gsl_ran_discrete_t *db = gsl_ran_discrete_preproc(5, mix);
        if (!da || !db) {
            fprintf(stderr, "%s: out of memory\n", progname);
            return 1;
        }
        fputs("role", stdout);
        for (int q = 1; q <= 20; q++)
            printf(",q%d", q);
        fputs("\n", stdout);
        for (unsigned long i = 0; i < rows; i++) {
            int b = gsl_rng_uniform(r) < 0.5;
            fputs(b ? "B" : "A", stdout);
            for (int q = 0; q < 20; q++)
                printf(",%d", 1 + (int)gsl_ran_discrete(r, b ? db : da));
            fputs("\n", stdout);
        }
        gsl_ran_discrete_free(da);
        gsl_ran_discrete_free(db);
    } else if (likert == 4) {
        gsl_ran_discrete_t *dc = gsl_ran_discrete_preproc(5, likert_x);
        if (!dc) {
            fprintf(stderr, "%s: out of memory\n", progname);
            return 1;
        }
        unsigned long ngroups = rows / 100 > 0 ? rows / 100 : 1;
        fputs("g,role,x,r,c\n", stdout);
        for (unsigned long i = 0; i < rows; i++) {
            unsigned long g = 1 + gsl_rng_uniform_int(r, ngroups);
            int b = gsl_rng_uniform(r) < 0.5;
            double x = 50 + gsl_ran_gaussian(r, 10);
            double v = 50 + gsl_ran_gaussian(r, 10);
            int c = 1 + (int)gsl_ran_discrete(r, dc);
            printf("g%lu,%s,%.4f,%.1f,%d\n", g, b ? "B" : "A", x, v, c);
        }
        gsl_ran_discrete_free(dc);
    } else if (likert == 3) {
        fputs("before,after\n", stdout);
        for (unsigned long i = 0; i < rows; i++) {
            double b = 50 + gsl_ran_gaussian(r, 10);
            double a = b + 0.5 + gsl_ran_gaussian(r, 5);
            printf("%.4f,%.4f\n", b, a);
        }
    } else
        fputs("x,y\n", stdout);
    if (likert == 1) {
        gsl_ran_discrete_t *dx = gsl_ran_discrete_preproc(5, likert_x);
        gsl_ran_discrete_t *dy = gsl_ran_discrete_preproc(5, likert_y);
        if (!dx || !dy) {
            fprintf(stderr, "%s: out of memory\n", progname);
            return 1;
        }
        for (unsigned long i = 0; i < rows; i++) {
            int a = 1 + (int)gsl_ran_discrete(r, dx);
            int b = 1 + (int)gsl_ran_discrete(r, dy);
            printf("%d,%d\n", a, b);
        }
        gsl_ran_discrete_free(dx);
        gsl_ran_discrete_free(dy);
    } else if (likert == 0) {
        for (unsigned long i = 0; i < rows; i++) {
            double x = 50 + gsl_ran_gaussian(r, 10);
            double y = gsl_ran_gamma(r, 2, 15);
            printf("%.4f,%.3f\n", x, y);
        }
    }
    gsl_rng_free(r);

    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: write error: %s\n", progname, strerror(errno));
        return 1;
    }
    return 0;
}
