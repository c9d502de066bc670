/* floor - the libcsv parse floor of the benchmarks of surveykit.
 *
 * Usage: floor FILE
 *
 * Reads FILE in 64 KiB chunks into libcsv's csv_parse with the options
 * surveykit's reader uses (CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)
 * and callbacks that only count fields and rows, then csv_fini, and prints
 * "ROWS FIELDS BYTES". No program that reads the file through libcsv can
 * be faster: the benchmarks give each program's time as a multiple of
 * this one's on the same file.
 *
 * Exit status: 0 success, 1 read or parse error, 2 bad usage.
 * Part of surveykit. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <csv.h>

struct counts {
    unsigned long long fields, rows;
};

static void on_field(void *s, size_t len, void *data)
{
    (void)s;
    (void)len;
    ((struct counts *)data)->fields++;
}

static void on_row(int c, void *data)
{
    (void)c;
    ((struct counts *)data)->rows++;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("Usage: floor FILE\n", stderr);
        return 2;
    }
    FILE *fp = fopen(argv[1], "rb");
    if (!fp) {
        fprintf(stderr, "floor: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
        fputs("floor: out of memory\n", stderr);
        return 1;
    }
    static char buf[1 << 16];
    struct counts c = { 0, 0 };
    unsigned long long bytes = 0;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        bytes += n;
        if (csv_parse(&p, buf, n, on_field, on_row, &c) != n) {
            fprintf(stderr, "floor: %s: %s\n", argv[1],
                    csv_strerror(csv_error(&p)));
            return 1;
        }
    }
    if (ferror(fp)) {
        fprintf(stderr, "floor: %s: read error\n", argv[1]);
        return 1;
    }
    if (csv_fini(&p, on_field, on_row, &c) != 0) {
        fprintf(stderr, "floor: %s: %s\n", argv[1],
                csv_strerror(csv_error(&p)));
        return 1;
    }
    csv_free(&p);
    fclose(fp);
    printf("%llu %llu %llu\n", c.rows, c.fields, bytes);
    return 0;
}
