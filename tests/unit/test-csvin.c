/* test-csvin.c - CUnit tests of csvin.h (reading CSV and TSV files) and
 * colsel.h (choosing columns). Each CSV test writes a small file into a
 * temporary file made by mkstemp and reads it back. */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/colsel.h"
#include "lib/csvin.h"
#include "unit.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* ------------------------------------------------------------ helpers */

static char tmp_path[4096];

/* Write LEN bytes to a new temporary file; its name is in tmp_path. */
static const char *write_tmp(const char *data, size_t len)
{
    const char *dir = getenv("TMPDIR");
    snprintf(tmp_path, sizeof tmp_path, "%s/sk-unit-csv-XXXXXX",
             dir && *dir ? dir : "/tmp");
    int fd = mkstemp(tmp_path);
    CU_ASSERT_FATAL(fd >= 0);
    FILE *fp = fdopen(fd, "wb");
    CU_ASSERT_FATAL(fp != NULL);
    CU_ASSERT_FATAL(fwrite(data, 1, len, fp) == len);
    CU_ASSERT_FATAL(fclose(fp) == 0);
    return tmp_path;
}

static const char *write_str(const char *s)
{
    return write_tmp(s, strlen(s));
}

/* A file read whole: its rows, each field joined by '|', and the line of
 * each row; rc is the last csvin_read result, err its message. */
struct got {
    size_t nrows;
    char *rows[64];
    unsigned long line[64];
    int rc;
    char *err;
    size_t ncols;
    char *names;
    unsigned long count;
};

static char *join(size_t n, const char *const *f, const size_t *len)
{
    size_t total = 1;
    for (size_t i = 0; i < n; i++)
        total += (len ? len[i] : strlen(f[i])) + 1;
    char *s = malloc(total), *p = s;
    for (size_t i = 0; i < n; i++) {
        size_t l = len ? len[i] : strlen(f[i]);
        if (i)
            *p++ = '|';
        memcpy(p, f[i], l);
        p += l;
    }
    *p = '\0';
    return s;
}

/* Read the file at PATH; returns 0 when csvin_open fails (message in
 * *openerr). */
static int read_all(const char *path, unsigned char delim, int header,
                    struct got *g, char **openerr)
{
    struct csvin_opts o = { delim, header, 0 };
    memset(g, 0, sizeof *g);
    char *err = NULL;
    struct csvin *r = csvin_open(path, &o, &err);
    if (!r) {
        *openerr = err;
        return 0;
    }
    CU_ASSERT(err == NULL);
    g->ncols = csvin_ncols(r);
    g->names = join(g->ncols, csvin_names(r), NULL);
    CU_ASSERT_STRING_EQUAL(csvin_filename(r), path);
    struct csvin_row row;
    for (;;) {
        g->rc = csvin_read(r, &row);
        if (g->rc != 1)
            break;
        CU_ASSERT_EQUAL(row.nfields, g->ncols);
        for (size_t i = 0; i < row.nfields; i++) {
            CU_ASSERT_EQUAL(strlen(row.field[i]), row.len[i]);
            CU_ASSERT_EQUAL(row.field[i][row.len[i]], '\0');
        }
        if (g->nrows < NELEM(g->rows)) {
            g->rows[g->nrows] = join(row.nfields, row.field, row.len);
            g->line[g->nrows] = row.line;
        }
        g->nrows++;
    }
    if (g->rc < 0)
        g->err = strdup(csvin_errmsg(r));
    g->count = csvin_nrows(r);
    csvin_close(r);
    return 1;
}

static void got_free(struct got *g)
{
    for (size_t i = 0; i < g->nrows && i < NELEM(g->rows); i++)
        free(g->rows[i]);
    free(g->names);
    free(g->err);
}

/* "PATH" + the rest, printf-style, compared with S. */
static void assert_msg(const char *s, const char *path, const char *fmt, ...)
{
    char want[8192], rest[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rest, sizeof rest, fmt, ap);
    va_end(ap);
    snprintf(want, sizeof want, "%s%s", path, rest);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_STRING_EQUAL(s, want);
    if (strcmp(s, want) != 0)
        fprintf(stderr, "\n  got  \"%s\"\n  want \"%s\"\n", s, want);
}

/* Read DATA as CSV with a header and expect NAMES and the rows ROWS[i]
 * starting on LINES[i], then the end. */
static void expect_csv(const char *data, size_t len, unsigned char delim,
                       int header, const char *names, size_t n,
                       const char *const *rows, const unsigned long *lines)
{
    struct got g;
    char *err = NULL;
    const char *path = write_tmp(data, len);
    int opened = read_all(path, delim, header, &g, &err);
    CU_ASSERT_FATAL(opened);
    CU_ASSERT_STRING_EQUAL(g.names, names);
    CU_ASSERT_EQUAL(g.rc, 0);
    if (g.rc)
        fprintf(stderr, "\n  error: %s\n", g.err ? g.err : "?");
    CU_ASSERT_EQUAL(g.nrows, n);
    CU_ASSERT_EQUAL(g.count, n);
    for (size_t i = 0; i < n && i < g.nrows; i++) {
        CU_ASSERT_STRING_EQUAL(g.rows[i], rows[i]);
        CU_ASSERT_EQUAL(g.line[i], lines[i]);
        if (g.line[i] != lines[i])
            fprintf(stderr, "\n  row %zu on line %lu, want %lu\n", i + 1,
                    g.line[i], lines[i]);
    }
    got_free(&g);
    unlink(path);
}

#define EXPECT(data, names, rows, lines)                                    \
    expect_csv(data, sizeof(data) - 1, ',', 1, names, NELEM(rows), rows,   \
               lines)

/* Read DATA and expect csvin_read to fail after NOK rows with MSG (after
 * the path). */
static void expect_read_error(const char *data, unsigned char delim,
                              int header, size_t nok, const char *msg)
{
    struct got g;
    char *err = NULL;
    const char *path = write_str(data);
    int opened = read_all(path, delim, header, &g, &err);
    CU_ASSERT_FATAL(opened);
    CU_ASSERT_EQUAL(g.rc, -1);
    CU_ASSERT_EQUAL(g.nrows, nok);
    if (g.rc == -1)
        assert_msg(g.err, path, "%s", msg);
    got_free(&g);
    unlink(path);
}

/* --------------------------------------------------------------- CSV */

static void test_simple(void)
{
    static const char *const rows[] = { "1|2.385|x", "4|5|y z" };
    static const unsigned long lines[] = { 2, 3 };
    EXPECT("a,b,c\n1,2.385,x\n4,5,y z\n", "a|b|c", rows, lines);
}

static void test_quoted(void)
{
    static const char *const rows[] = {
        "x, y|he said \"hi\"|",
        "multi\nline\nfield|z|\"",
        "last|,|\"\"",
    };
    static const unsigned long lines[] = { 2, 3, 6 };
    EXPECT("name,text,\"q,\"\"h\"\"\"\n"
           "\"x, y\",\"he said \"\"hi\"\"\",\"\"\n"
           "\"multi\nline\nfield\",z,\"\"\"\"\n"
           "last,\",\",\"\"\"\"\"\"\n",
           "name|text|q,\"h\"", rows, lines);
}

static void test_crlf(void)
{
    static const char *const rows[] = {
        "x, y|1", "multi\r\nline\r\nfield|2", "3|4", "5|6"
    };
    static const unsigned long lines[] = { 2, 3, 6, 8 };
    EXPECT("a,b\r\n"
           "\"x, y\",1\r\n"
           "\"multi\r\nline\r\nfield\",2\r\n"
           "3,4\r\n"
           "\r\n"
           "5,6\r\n",
           "a|b", rows, lines);
}

static void test_bom(void)
{
    static const char *const rows[] = { "1|2" };
    static const unsigned long lines[] = { 2 };
    EXPECT("\xEF\xBB\xBFid,v\n1,2\n", "id|v", rows, lines);
    EXPECT("\xEF\xBB\xBF\"id\",v\r\n1,2\r\n", "id|v", rows, lines);
}

static void test_blank_lines(void)
{
    static const char *const rows[] = { "1|2", "3|4", "5|6" };
    static const unsigned long lines[] = { 4, 7, 9 };
    EXPECT("\na,b\n\n1,2\n\n\n3,4\n\n5,6\n\n\n", "a|b", rows, lines);
    EXPECT("\r\na,b\r\n\r\n1,2\r\n\r\n\r\n3,4\r\n\r\n5,6\r\n\r\n",
           "a|b", rows, lines);
}

/* A row after a quoted field over 3 lines starts on the right line, with
 * LF, CRLF and lone CR line ends alike. */
static void test_line_numbers(void)
{
    static const char *const rows[] = {
        "1|a\nb\nc", "2|x", "3|\n", "4|y"
    };
    static const unsigned long lines[] = { 2, 5, 7, 10 };
    EXPECT("id,t\n1,\"a\nb\nc\"\n2,x\n\n3,\"\n\"\n\n4,y\n", "id|t", rows,
           lines);
    static const char *const rows2[] = {
        "1|a\r\nb\r\nc", "2|x", "3|\r\n", "4|y"
    };
    EXPECT("id,t\r\n1,\"a\r\nb\r\nc\"\r\n2,x\r\n\r\n3,\"\r\n\"\r\n\r\n4,y\r\n",
           "id|t", rows2, lines);
    static const char *const rows3[] = { "1|2", "3|4" };
    static const unsigned long lines3[] = { 2, 4 };
    EXPECT("a,b\r1,2\r\r3,4\r", "a|b", rows3, lines3);
}

/* A header over two lines; many columns. */
static void test_header_lines(void)
{
    static const char *const rows[] = { "1|2" };
    static const unsigned long lines[] = { 3 };
    EXPECT("a,\"b\nc\"\n1,2\n", "a|b\nc", rows, lines);

    enum { COLS = 3000 };
    struct { char *s; size_t len, cap; } b = { 0 };
    b.cap = COLS * 16;
    b.s = malloc(b.cap);
    for (int row = 0; row < 3; row++)
        for (int j = 0; j < COLS; j++)
            b.len += (size_t)sprintf(b.s + b.len, "%s%d%s", row ? "" : "c",
                                     row * COLS + j,
                                     j == COLS - 1 ? "\n" : ",");
    const char *path = write_tmp(b.s, b.len);
    struct csvin_opts o = { ',', 1, 0 };
    char *err;
    struct csvin *r = csvin_open(path, &o, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(csvin_ncols(r), COLS);
    CU_ASSERT_STRING_EQUAL(csvin_names(r)[COLS - 1], "c2999");
    struct csvin_row row;
    CU_ASSERT_EQUAL_FATAL(csvin_read(r, &row), 1);
    CU_ASSERT_STRING_EQUAL(row.field[0], "3000");
    CU_ASSERT_EQUAL_FATAL(csvin_read(r, &row), 1);
    CU_ASSERT_STRING_EQUAL(row.field[COLS - 1], "8999");
    CU_ASSERT_EQUAL(row.line, 3);
    CU_ASSERT_EQUAL(csvin_read(r, &row), 0);
    csvin_close(r);
    unlink(path);
    free(b.s);
}

static void test_no_final_newline(void)
{
    static const char *const rows[] = { "1|2", "3|4" };
    static const unsigned long lines[] = { 2, 3 };
    EXPECT("a,b\n1,2\n3,4", "a|b", rows, lines);
    static const char *const rows2[] = { "1|2", "3|x\ny" };
    EXPECT("a,b\r\n1,2\r\n3,\"x\ny\"", "a|b", rows2, lines);
}

static void test_empty_fields(void)
{
    static const char *const rows[] = { "||x", "||", "1||" };
    static const unsigned long lines[] = { 2, 3, 4 };
    EXPECT("a,b,c\n,\"\",x\n,,\n1,,\"\"\n", "a|b|c", rows, lines);
}

static void test_ragged(void)
{
    expect_read_error("a,b,c\n1,2,3\n4,5\n7,8,9\n", ',', 1, 1,
                      ":3: row has 2 fields, expected 3 (as in the header)");
    expect_read_error("a,b,c\n1,2,3\n\n4,5,6,7\n", ',', 1, 1,
                      ":4: row has 4 fields, expected 3 (as in the header)");
    expect_read_error("a,b\n\"x\ny\",1\n2\n", ',', 1, 1,
                      ":4: row has 1 field, expected 2 (as in the header)");
    expect_read_error("a,b\r\n\"x\r\ny\",1\r\n\r\n2,3,4\r\n", ',', 1, 1,
                      ":5: row has 3 fields, expected 2 (as in the header)");
    expect_read_error("1,2\n3,4\n5\n", ',', 0, 2,
                      ":3: row has 1 field, expected 2 (as in the first row)");

    /* a ragged row is the end: reading on gives -1 again */
    const char *path = write_str("a,b\n1\n2,3\n");
    struct csvin_opts o = { ',', 1, 0 };
    char *err;
    struct csvin *r = csvin_open(path, &o, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    struct csvin_row row;
    CU_ASSERT_EQUAL(csvin_read(r, &row), -1);
    CU_ASSERT_EQUAL(csvin_read(r, &row), -1);
    csvin_close(r);
    unlink(path);
}

/* A NUL byte anywhere: an error on the line of the NUL naming its column
 * (by number in the header), rows before it read; also when a read of
 * 8 bytes splits the row. */
static void test_nul(void)
{
    static const struct {
        const char *data;
        size_t len;
        int header;
        size_t nok;
        const char *msg;      /* NULL: csvin_open fails with OPENMSG */
        const char *openmsg;
    } cases[] = {
#define NUL_DATA(s) s, sizeof s - 1
        { NUL_DATA("a,b\n1,2\n3,4\0x\n"), 1, 1,
          ":3: column 'b': embedded NUL byte", NULL },
        { NUL_DATA("a,b\n1,\"x\ny\0\"\n"), 1, 0,
          ":3: column 'b': embedded NUL byte", NULL },
        { NUL_DATA("a,b\n\"\0\",2\n"), 1, 0,
          ":2: column 'a': embedded NUL byte", NULL },
        { NUL_DATA("a,b\n1,2,\0\n"), 1, 0,
          ":2: column 3: embedded NUL byte", NULL },
        { NUL_DATA("1,2\n3,\0\n"), 0, 1,
          ":2: column 'V2': embedded NUL byte", NULL },
        { NUL_DATA("a,b\0\n1,2\n"), 1, 0, NULL,
          ":1: column 2: embedded NUL byte (is the file UTF-16? save it as "
          "UTF-8)" },
        /* a UTF-16 byte-order mark: refused at once, NUL or not */
        { NUL_DATA("\xff\xfe" "a\0,\0b\0\n\0"), 1, 0, NULL,
          ": is UTF-16 (Excel's 'Unicode text'): convert it with sk-import "
          "or iconv -f UTF-16 -t UTF-8" },
        { NUL_DATA("\xff\xfe" "a,b\n1,\0\n"), 1, 0, NULL,
          ": is UTF-16 (Excel's 'Unicode text'): convert it with sk-import "
          "or iconv -f UTF-16 -t UTF-8" },
        { NUL_DATA("\xfe\xff" "\0a\0,\0b\0\n"), 0, 0, NULL,
          ": is UTF-16 (Excel's 'Unicode text'): convert it with sk-import "
          "or iconv -f UTF-16 -t UTF-8" },
        { NUL_DATA("\xef\xbb\xbf" "\xff\xfe" "a,b\n1,2\n"), 1, 0, NULL,
          ": is UTF-16 (Excel's 'Unicode text'): convert it with sk-import "
          "or iconv -f UTF-16 -t UTF-8" },
    };
#undef NUL_DATA
    for (size_t i = 0; i < NELEM(cases); i++)
        for (size_t chunk = 0; chunk <= 8; chunk += 8) {
            const char *path = write_tmp(cases[i].data, cases[i].len);
            struct csvin_opts o = { ',', cases[i].header, 0 };
            char *err = NULL;
            struct csvin *r = csvin_open_chunked(path, &o, chunk, &err);
            if (cases[i].openmsg) {
                CU_ASSERT_PTR_NULL(r);
                assert_msg(err, path, "%s", cases[i].openmsg);
            } else {
                CU_ASSERT_PTR_NOT_NULL_FATAL(r);
                struct csvin_row row;
                size_t nok = 0;
                int rc;
                while ((rc = csvin_read(r, &row)) == 1)
                    nok++;
                CU_ASSERT_EQUAL(rc, -1);
                CU_ASSERT_EQUAL(nok, cases[i].nok);
                assert_msg(csvin_errmsg(r), path, "%s", cases[i].msg);
                CU_ASSERT_EQUAL(csvin_read(r, &row), -1);
            }
            free(err);
            csvin_close(r);
            unlink(path);
        }
}

static void test_unterminated_quote(void)
{
    expect_read_error("a,b\n1,2\n3,\"abc\n", ',', 1, 1,
                      ":3: unterminated quoted field at the end of the input");
    expect_read_error("a,b\n1,2\n3,\"abc\ndef\n\n", ',', 1, 1,
                      ":3: unterminated quoted field at the end of the input");
    /* in the header itself: csvin_open fails */
    const char *path = write_str("a,\"b\n1,2\n");
    struct csvin_opts o = { ',', 1, 0 };
    char *err = NULL;
    struct csvin *r = csvin_open(path, &o, &err);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_PTR_NOT_NULL_FATAL(err);
    assert_msg(err, path, ":1: unterminated quoted field at the end of the "
               "input");
    free(err);
    csvin_close(r);
    unlink(path);
}

static void test_malformed_quote(void)
{
    expect_read_error("a,b\n1,2\n\"x\"y,3\n", ',', 1, 1,
                      ":3: malformed quoted field (a quote inside quotes "
                      "must be doubled, and a closing quote must end the "
                      "field)");
}

static void test_header_only(void)
{
    expect_read_error("a,b\n", ',', 1, 0, ": no data rows after the header");
    expect_read_error("a,b", ',', 1, 0, ": no data rows after the header");
    expect_read_error("a,b\r\n\r\n\n", ',', 1, 0,
                      ": no data rows after the header");
}

static void test_open_errors(void)
{
    static const char *const empties[] = { "", "\n", "\r\n\r\n\n",
                                           "\xEF\xBB\xBF", "\xEF\xBB\xBF\r\n" };
    struct csvin_opts o = { ',', 1, 0 };
    for (size_t i = 0; i < NELEM(empties); i++) {
        const char *path = write_str(empties[i]);
        char *err = NULL;
        struct csvin *r = csvin_open(path, &o, &err);
        CU_ASSERT_PTR_NULL(r);
        CU_ASSERT_PTR_NOT_NULL_FATAL(err);
        CU_ASSERT_NSTRING_EQUAL(err, path, strlen(path));
        CU_ASSERT_PTR_NOT_NULL(strstr(err, "empty input"));
        free(err);
        csvin_close(r);
        unlink(path);
    }
    char *err = NULL;
    struct csvin *r = csvin_open("/nonexistent/sk-unit/survey.csv", &o, &err);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_PTR_NOT_NULL_FATAL(err);
    CU_ASSERT_STRING_EQUAL(err, "/nonexistent/sk-unit/survey.csv: No such "
                           "file or directory");
    free(err);
}

static void test_tsv(void)
{
    static const char *const rows[] = {
        "1||3", "|x y|", "p\tq|r, s|\"t\"", "|x|"
    };
    static const unsigned long lines[] = { 2, 3, 4, 6 };
    static const char data[] =
        "a\tb\tc\n1\t\t3\n\tx y\t\n\"p\tq\"\tr, s\t\"\"\"t\"\"\"\n\n\tx\t\n";
    expect_csv(data, sizeof data - 1, '\t', 1, "a|b|c", NELEM(rows), rows,
               lines);
    expect_read_error("a\tb\n1\t2\n1,2\n", '\t', 1, 1,
                      ":3: row has 1 field, expected 2 (as in the header)");
}

static void test_no_header(void)
{
    static const char *const rows[] = { "1|2.5|x", "3|4|y" };
    static const unsigned long lines[] = { 1, 3 };
    static const char data[] = "1,2.5,x\n\n3,4,y\n";
    expect_csv(data, sizeof data - 1, ',', 0, "V1|V2|V3", NELEM(rows), rows,
               lines);
    static const char *const rows1[] = { "only" };
    static const unsigned long lines1[] = { 2 };
    static const char data1[] = "\nonly";
    expect_csv(data1, sizeof data1 - 1, ',', 0, "V1", 1, rows1, lines1);
    static const char *const rows12[] = { "1|2|3|4|5|6|7|8|9|10|11|12" };
    static const char data12[] = "1,2,3,4,5,6,7,8,9,10,11,12\n";
    expect_csv(data12, sizeof data12 - 1, ',', 0,
               "V1|V2|V3|V4|V5|V6|V7|V8|V9|V10|V11|V12", 1, rows12, lines);
}

/* --------------------------------------------- large files and chunks */

struct buf {
    char *s;
    size_t len, cap;
};

static void put(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = 2 * (b->len + n + 1);
        b->s = realloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void puts_(struct buf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* Fields longer than the 64 KiB chunk, quoted and not. */
static void test_long_field(void)
{
    enum { L = 100000, U = 70000 };
    struct buf b = { 0 };
    char *q = malloc(L + 1), *u = malloc(U + 1);
    for (size_t i = 0; i < L; i++)
        q[i] = i % 1000 == 999 ? '\n' : i % 7 == 0 ? ',' : (char)('a' + i % 26);
    q[L] = '\0';
    for (size_t i = 0; i < U; i++)
        u[i] = (char)('A' + i % 26);
    u[U] = '\0';
    puts_(&b, "id,text,more\n1,\"");
    puts_(&b, q);
    puts_(&b, "\",x\n2,");
    puts_(&b, u);
    puts_(&b, ",y\n3,\"\",z\n");

    const char *path = write_tmp(b.s, b.len);
    struct csvin_opts o = { ',', 1, 0 };
    char *err;
    struct csvin *r = csvin_open(path, &o, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    struct csvin_row row;
    CU_ASSERT_EQUAL_FATAL(csvin_read(r, &row), 1);
    CU_ASSERT_EQUAL(row.line, 2);
    CU_ASSERT_EQUAL(row.len[1], L);
    CU_ASSERT(memcmp(row.field[1], q, L) == 0);
    CU_ASSERT_STRING_EQUAL(row.field[2], "x");
    CU_ASSERT_EQUAL_FATAL(csvin_read(r, &row), 1);
    CU_ASSERT_EQUAL(row.line, 3 + L / 1000);   /* 2, and L / 1000 newlines */
    CU_ASSERT_EQUAL(row.len[1], U);
    CU_ASSERT_STRING_EQUAL(row.field[1], u);
    CU_ASSERT_STRING_EQUAL(row.field[0], "2");
    CU_ASSERT_STRING_EQUAL(row.field[2], "y");
    CU_ASSERT_EQUAL_FATAL(csvin_read(r, &row), 1);
    CU_ASSERT_EQUAL(row.line, 4 + L / 1000);
    CU_ASSERT_STRING_EQUAL(row.field[0], "3");
    CU_ASSERT_EQUAL(csvin_read(r, &row), 0);
    CU_ASSERT_EQUAL(csvin_nrows(r), 3);
    csvin_close(r);
    unlink(path);
    free(q);
    free(u);
    free(b.s);
}

static uint64_t rng_state = UINT64_C(0x853C49E6748FEA9B);

static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * UINT64_C(2685821657736338717);
}

/* The text of field J of row I of the big file (before quoting). */
static size_t big_field(size_t i, size_t j, char *out)
{
    uint64_t h = (i * 1000003u + j * 7919u) * UINT64_C(0x9E3779B97F4A7C15);
    size_t len = (size_t)(h >> 54) % (j == 2 ? 300 : 12);
    for (size_t k = 0; k < len; k++) {
        uint64_t c = (h >> (k % 50)) + k * 31;
        out[k] = (char)('a' + c % 26);
        if (j == 2 && c % 41 == 0)
            out[k] = ',';
        if (j == 2 && c % 97 == 0)
            out[k] = '\n';
        if (j == 2 && c % 89 == 0)
            out[k] = '"';
    }
    out[len] = '\0';
    if (j == 0)
        return (size_t)sprintf(out, "%zu", i);
    return len;
}

/* ~200 KiB (or more) of rows of varied length, some quoted over several
 * lines, blank lines now and then, with LF or CRLF ends: every row, its
 * fields and its line come back right across the chunk boundaries. */
static void big_file(const char *eol, int bom)
{
    enum { ROWS = 2500, COLS = 4 };
    struct buf b = { 0 };
    unsigned long *lines = malloc(ROWS * sizeof *lines);
    unsigned long line = 1;
    if (bom)
        puts_(&b, "\xEF\xBB\xBF");
    puts_(&b, "id,short,long,last");
    puts_(&b, eol);
    line++;
    for (size_t i = 0; i < ROWS; i++) {
        if (rng() % 13 == 0) {
            puts_(&b, eol);
            line++;
        }
        lines[i] = line;
        for (size_t j = 0; j < COLS; j++) {
            char f[400];
            size_t n = big_field(i, j, f);
            if (j)
                puts_(&b, ",");
            int quote = memchr(f, ',', n) || memchr(f, '\n', n) ||
                        memchr(f, '"', n) || (j == 1 && i % 5 == 0);
            if (quote)
                puts_(&b, "\"");
            for (size_t k = 0; k < n; k++) {
                if (f[k] == '"')
                    puts_(&b, "\"\"");
                else if (f[k] == '\n') {
                    puts_(&b, eol);
                    line++;
                } else
                    put(&b, &f[k], 1);
            }
            if (quote)
                puts_(&b, "\"");
        }
        puts_(&b, eol);
        line++;
    }
    CU_ASSERT(b.len > 200 * 1024);

    const char *path = write_tmp(b.s, b.len);
    struct csvin_opts o = { ',', 1, 0 };
    char *err;
    struct csvin *r = csvin_open(path, &o, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_STRING_EQUAL(csvin_names(r)[0], "id");
    CU_ASSERT_STRING_EQUAL(csvin_names(r)[3], "last");
    struct csvin_row row;
    size_t i = 0, bad_fields = 0, bad_lines = 0;
    int rc;
    while ((rc = csvin_read(r, &row)) == 1 && i < ROWS) {
        for (size_t j = 0; j < COLS; j++) {
            char f[400], g[800];
            size_t n = big_field(i, j, f), m = 0;
            for (size_t k = 0; k < n; k++) {
                if (f[k] == '\n' && eol[0] == '\r')
                    g[m++] = '\r';
                g[m++] = f[k];
            }
            if (row.len[j] != m || memcmp(row.field[j], g, m) != 0)
                bad_fields++;
        }
        if (row.line != lines[i] && bad_lines++ < 3)
            fprintf(stderr, "\n  row %zu on line %lu, want %lu\n", i + 1,
                    row.line, lines[i]);
        i++;
    }
    CU_ASSERT_EQUAL(rc, 0);
    CU_ASSERT_EQUAL(i, ROWS);
    CU_ASSERT_EQUAL(bad_fields, 0);
    CU_ASSERT_EQUAL(bad_lines, 0);
    CU_ASSERT_EQUAL(csvin_nrows(r), ROWS);
    csvin_close(r);
    unlink(path);
    free(lines);
    free(b.s);
}

static void test_big_lf(void)
{
    big_file("\n", 0);
}

static void test_big_crlf(void)
{
    big_file("\r\n", 1);
}

/* Long runs of plain rows (read without looking at the fields' bytes)
 * before a quoted field with a line break and before a NUL byte followed
 * by many blanks, at several chunk sizes: the field, the lines after it
 * and the NUL's line and column come out right. */
static void test_clean_chunks_then_quote_or_nul(void)
{
    static const size_t chunks[] = { 8, 13, 64, 4096, 0 };
    struct buf b = { 0 };
    puts_(&b, "a,b\n");
    for (int i = 0; i < 300; i++)
        puts_(&b, "1,2\n");
    puts_(&b, "\"x\ny\",3\n");              /* line 302-303 */
    for (int i = 0; i < 300; i++)
        puts_(&b, "1,2\n");                    /* lines 304-603 */
    puts_(&b, "4,5\n");                        /* line 604 */
    struct buf nb = { 0 };
    puts_(&nb, "a,b\n");
    for (int i = 0; i < 300; i++)
        puts_(&nb, "1,2\n");
    put(&nb, "7\0", 2);                         /* line 302 */
    for (int i = 0; i < 40; i++)
        puts_(&nb, " ");
    puts_(&nb, ",8\n");
    char *path = strdup(write_tmp(b.s, b.len));
    char *npath = strdup(write_tmp(nb.s, nb.len));
    struct csvin_opts o = { ',', 1, 0 };
    for (size_t c = 0; c < sizeof chunks / sizeof *chunks; c++) {
        char *err;
        struct csvin *r = csvin_open_chunked(path, &o, chunks[c], &err);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        struct csvin_row row;
        unsigned long n = 0, bad = 0;
        while (csvin_read(r, &row) == 1) {
            n++;
            unsigned long want = n <= 300 ? n + 1 : n == 301 ? 302 : n + 2;
            if (row.line != want)
                bad++;
            if (n == 301)
                CU_ASSERT(row.len[0] == 3 &&
                          memcmp(row.field[0], "x\ny", 3) == 0);
            if (n == 602)
                CU_ASSERT(strcmp(row.field[0], "4") == 0);
        }
        CU_ASSERT_EQUAL(n, 602);
        CU_ASSERT_EQUAL(bad, 0);
        csvin_close(r);

        r = csvin_open_chunked(npath, &o, chunks[c], &err);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        int rc;
        n = 0;
        while ((rc = csvin_read(r, &row)) == 1)
            n++;
        CU_ASSERT_EQUAL(rc, -1);
        CU_ASSERT_EQUAL(n, 300);
        CU_ASSERT_PTR_NOT_NULL(strstr(csvin_errmsg(r),
                                      ":302: column 'a': embedded NUL"));
        csvin_close(r);
    }
    unlink(path);
    unlink(npath);
    free(path);
    free(npath);
    free(b.s);
    free(nb.s);
}

/* A CRLF pair, a quoted CRLF, a doubled quote and a blank line each split
 * exactly by the 64 KiB read boundary (and 1..3 bytes before it). */
static void test_chunk_edges(void)
{
    enum { CHUNK = 65536 };
    /* the tail, and the offset in it of the byte to end the first chunk */
    static const struct {
        const char *s;
        size_t at;
    } tails[] = {
        { "\r\n", 0 }, { "\"a\r\nb\",c\r\n", 3 }, { "\"x\"\"y\",z\n", 2 },
        { "\n\n", 0 }, { "\r\n\r\n", 1 }, { "\"p\nq\",c\n", 2 }
    };
    for (size_t t = 0; t < NELEM(tails); t++)
        for (size_t shift = 0; shift < 4; shift++) {
            /* rows before: the tail ends row "2,qqq" or follows it */
            int own_row = tails[t].s[0] == '"';
            struct buf b = { 0 };
            size_t start = CHUNK - 1 - shift - tails[t].at, nrow = 0;
            puts_(&b, "k,v\n");
            while (start - b.len > 1100) {
                puts_(&b, "1,");
                for (int k = 0; k < 1000; k++)
                    put(&b, "p", 1);
                puts_(&b, "\n");
                nrow++;
            }
            puts_(&b, "2,");
            while (b.len + (size_t)own_row < start)
                put(&b, "q", 1);
            if (own_row)
                puts_(&b, "\n");
            CU_ASSERT_EQUAL_FATAL(b.len, start);
            puts_(&b, tails[t].s);
            puts_(&b, "3,end\n");

            const char *path = write_tmp(b.s, b.len);
            struct got g;
            char *err = NULL;
            CU_ASSERT_FATAL(read_all(path, ',', 1, &g, &err));
            CU_ASSERT_EQUAL(g.rc, 0);
            size_t expect = nrow + 2 + (size_t)own_row;
            CU_ASSERT_EQUAL(g.count, expect);
            /* the last row's line: count the line ends before it (CR LF
             * as one) */
            unsigned long lines = 1;
            const char *last = b.s + b.len - strlen("3,end\n");
            for (const char *p = b.s; p < last; p++)
                if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
                    lines++;
            if (g.count == expect && expect <= NELEM(g.rows)) {
                CU_ASSERT_STRING_EQUAL(g.rows[expect - 1], "3|end");
                CU_ASSERT_EQUAL(g.line[expect - 1], lines);
                if (own_row) {
                    static const char *const want[] = {
                        NULL, "a\r\nb|c", "x\"y|z", NULL, NULL, "p\nq|c"
                    };
                    CU_ASSERT_STRING_EQUAL(g.rows[expect - 2], want[t]);
                }
            }
            got_free(&g);
            unlink(path);
            free(b.s);
        }
}

/* ----------------------------------------------------------- colsel */

static const char *const NAMES[] = {
    "id", "Q1", "Q2", "Q3", "Q4", "age", "dup", "dup", "x-y", "a:b", "10"
};
#define NNAMES NELEM(NAMES)

static void expect_sel(const char *list, size_t n, const size_t *want)
{
    size_t *idx = NULL, got = 0;
    char *err = NULL;
    int rc = colsel_parse(list, NAMES, NNAMES, &idx, &got, &err);
    CU_ASSERT_EQUAL(rc, 0);
    if (rc) {
        fprintf(stderr, "\n  \"%s\": %s\n", list, err ? err : "?");
        free(err);
        return;
    }
    CU_ASSERT_EQUAL(got, n);
    for (size_t i = 0; i < n && i < got; i++)
        CU_ASSERT_EQUAL(idx[i], want[i]);
    free(idx);
}

static void expect_sel_error(const char *list, const char *msg)
{
    size_t *idx = NULL, got = 0;
    char *err = NULL;
    CU_ASSERT_EQUAL(colsel_parse(list, NAMES, NNAMES, &idx, &got, &err), -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(err);
    CU_ASSERT_STRING_EQUAL(err, msg);
    if (strcmp(err, msg) != 0)
        fprintf(stderr, "\n  \"%s\": got \"%s\"\n", list, err);
    free(err);
}

#define SEL(list, ...)                                                     \
    do {                                                                   \
        static const size_t w_[] = { __VA_ARGS__ };                        \
        expect_sel(list, NELEM(w_), w_);                                   \
    } while (0)

static void test_colsel(void)
{
    SEL("Q2", 2);
    SEL("1", 0);
    SEL("6", 5);
    SEL("age,id,Q2", 5, 0, 2);
    SEL("2-4", 1, 2, 3);
    SEL("3-3", 2);
    SEL("Q1:Q4", 1, 2, 3, 4);
    SEL("2:Q3", 1, 2, 3);
    SEL("Q3:6", 3, 4, 5);
    SEL("1:3", 0, 1, 2);
    SEL("id,Q1:Q3,age", 0, 1, 2, 3, 5);
    SEL("7", 6);            /* a duplicated name, by number */
    SEL("7-8", 6, 7);
    SEL("x-y", 8);          /* names come first */
    SEL("a:b", 9);
    SEL("10", 10);          /* the name "10" (column 11) */
    SEL("11", 10);
    SEL("x-y:10", 8, 9, 10);
    SEL("age:a:b", 5, 6, 7, 8, 9);
}

static void test_colsel_errors(void)
{
    expect_sel_error("dup", "column name 'dup' is ambiguous: it names 2 "
                     "columns; choose one by number");
    expect_sel_error("id,dup:age", "column name 'dup' is ambiguous: it names "
                     "2 columns; choose one by number");
    /* More than 8 columns: the 8 closest (tests/ref/colsel_closest.py). */
    expect_sel_error("nope", "no column 'nope'; the closest columns are: "
                     "'age', 'dup', 'dup', 'id', 'Q1', 'Q2', 'Q3', 'Q4', ... "
                     "(11 columns in all)");
    /* One name clearly nearest: suggested instead (colsel_closest.py). */
    expect_sel_error("id,q1", "no column 'q1'; did you mean 'Q1'?");
    expect_sel_error("agee", "no column 'agee'; did you mean 'age'?");
    expect_sel_error("x-yz", "no column 'x-yz'; did you mean 'x-y'?");
    /* ... but not among names as near as each other, or for short items */
    expect_sel_error("Q7", "no column 'Q7'; the closest columns are: "
                     "'Q1', 'Q2', 'Q3', 'Q4', 'id', '10', 'age', 'dup', ... "
                     "(11 columns in all)");
    expect_sel_error("q10", "no column 'q10'; the closest columns are: "
                     "'Q1', '10', 'Q2', 'Q3', 'Q4', 'id', 'age', 'dup', ... "
                     "(11 columns in all)");
    expect_sel_error("ag", "no column 'ag'; the closest columns are: "
                     "'age', 'a:b', 'id', 'Q1', 'Q2', 'Q3', 'Q4', '10', ... "
                     "(11 columns in all)");
    expect_sel_error("dupp", "no column 'dupp'; the closest columns are: "
                     "'dup', 'dup', 'id', 'Q1', 'Q2', 'Q3', 'Q4', 'age', ... "
                     "(11 columns in all)");
    expect_sel_error("0", "column number 0 is out of range: the input has 11 "
                     "columns");
    expect_sel_error("12", "column number 12 is out of range: the input has "
                     "11 columns");
    expect_sel_error("3-12", "column number 12 is out of range: the input has "
                     "11 columns");
    expect_sel_error("Q1:99", "column number 99 is out of range: the input "
                     "has 11 columns");
    expect_sel_error("4-2", "column range '4-2' runs backwards");
    expect_sel_error("Q3:Q1", "column range 'Q3:Q1' runs backwards");
    expect_sel_error("age:2", "column range 'age:2' runs backwards");
    expect_sel_error("", "empty column name in list ''");
    expect_sel_error("id,,Q1", "empty column name in list 'id,,Q1'");
    expect_sel_error("id,", "empty column name in list 'id,'");
    expect_sel_error(",id", "empty column name in list ',id'");

    /* one column */
    static const char *const one[] = { "n" };
    size_t *idx, n;
    char *err;
    CU_ASSERT_EQUAL(colsel_parse("2", one, 1, &idx, &n, &err), -1);
    CU_ASSERT_STRING_EQUAL(err, "column number 2 is out of range: the input "
                           "has 1 column");
    free(err);
}

static void test_colsel_one(void)
{
    size_t idx = 99;
    char *err = NULL;
    CU_ASSERT_EQUAL(colsel_one("Q3", NAMES, NNAMES, &idx, &err), 0);
    CU_ASSERT_EQUAL(idx, 3);
    CU_ASSERT_EQUAL(colsel_one("6", NAMES, NNAMES, &idx, &err), 0);
    CU_ASSERT_EQUAL(idx, 5);
    CU_ASSERT_EQUAL(colsel_one("x-y", NAMES, NNAMES, &idx, &err), 0);
    CU_ASSERT_EQUAL(idx, 8);
    CU_ASSERT_EQUAL(colsel_one("dup", NAMES, NNAMES, &idx, &err), -1);
    CU_ASSERT_STRING_EQUAL(err, "column name 'dup' is ambiguous: it names 2 "
                           "columns; choose one by number");
    free(err);
    CU_ASSERT_EQUAL(colsel_one("2-3", NAMES, NNAMES, &idx, &err), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "no column '2-3'"));
    free(err);
    CU_ASSERT_EQUAL(colsel_one("Q1,Q2", NAMES, NNAMES, &idx, &err), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "no column 'Q1,Q2'"));
    free(err);
    CU_ASSERT_EQUAL(colsel_one("0", NAMES, NNAMES, &idx, &err), -1);
    CU_ASSERT_STRING_EQUAL(err, "column number 0 is out of range: the input "
                           "has 11 columns");
    free(err);
}

/* Names longer than the 32 bytes compared, control characters and names
 * longer than 60 bytes in the list of the closest columns (the expected
 * messages: tests/ref/colsel_closest.py). */
static void test_colsel_closest(void)
{
    static const char *const names[] = {
        "satisfaction_with_the_programme_overall_2023",
        "satisfaction_with_the_programme_overall_2024",
        "s1", "s2", "s3", "s4", "s5", "a\nb",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    };
    static const struct { const char *item, *msg; size_t from; } cases[] = {
        { "satisfaction_with_programme_2024",
          "no column 'satisfaction_with_programme_2024'; the closest columns "
          "are: 'satisfaction_with_the_programme_overall_2023', "
          "'satisfaction_with_the_programme_overall_2024', 's2', 's4', 's1', "
          "'s3', 's5', 'a\\nb', ... (9 columns in all)", 0 },
        { "A\nB", "no column 'A\\nB'; did you mean 'a\\nb'?", 0 },
        { "b\tc",
          "no column 'b\\tc'; the columns are: 's5', 'a\\nb', "
          "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'", 6 },
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        size_t idx;
        char *err = NULL;
        CU_ASSERT_EQUAL(colsel_one(cases[i].item, names + cases[i].from,
                                   NELEM(names) - cases[i].from, &idx, &err),
                        -1);
        CU_ASSERT_PTR_NOT_NULL_FATAL(err);
        CU_ASSERT_STRING_EQUAL(err, cases[i].msg);
        if (strcmp(err, cases[i].msg) != 0)
            fprintf(stderr, "\n  got \"%s\"\n", err);
        free(err);
    }
}

/* A list of more than 16 items on more than 64 columns is resolved by
 * hash: the same columns, ranges and errors as by scanning. */
static void test_colsel_long_list(void)
{
    char *names[102], list[1024] = "";
    for (int i = 0; i < 100; i++)
        if (asprintf(&names[i], "c%d", i) < 0)
            CU_FAIL_FATAL("asprintf");
    names[100] = strdup("dup");
    names[101] = strdup("dup");
    const char *const *nm = (const char *const *)names;
    size_t want[40], nw = 0;
    for (int i = 99; i >= 70; i -= 3) {
        snprintf(list + strlen(list), sizeof list - strlen(list), "c%d,", i);
        want[nw++] = (size_t)i;
    }
    strcat(list, "c5:c9,3-4,101,c0");
    for (size_t i = 5; i <= 9; i++)
        want[nw++] = i;
    want[nw++] = 2;
    want[nw++] = 3;
    want[nw++] = 100;
    want[nw++] = 0;
    size_t *idx = NULL, n = 0;
    char *err = NULL;
    CU_ASSERT_EQUAL_FATAL(colsel_parse(list, nm, 102, &idx, &n, &err), 0);
    CU_ASSERT_EQUAL_FATAL(n, nw);
    for (size_t i = 0; i < n; i++)
        CU_ASSERT_EQUAL(idx[i], want[i]);
    free(idx);
    strcat(list, ",dup");
    CU_ASSERT_EQUAL(colsel_parse(list, nm, 102, &idx, &n, &err), -1);
    CU_ASSERT_STRING_EQUAL(err, "column name 'dup' is ambiguous: it names 2 "
                           "columns; choose one by number");
    free(err);
    list[strlen(list) - 4] = '\0';
    strcat(list, ",c100");
    CU_ASSERT_EQUAL(colsel_parse(list, nm, 102, &idx, &n, &err), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "no column 'c100'; the closest "
                                       "columns are: 'c10', "));
    free(err);
    for (int i = 0; i < 102; i++)
        free(names[i]);
}

/* "N-M: columns N to M by number" (colsel.h), even when some headers are
 * numbers themselves. */
static void test_colsel_numeric_names(void)
{
    static const char *const names[] = { "id", "1", "2", "3" };
    size_t *idx = NULL, n = 0;
    char *err = NULL;
    int rc = colsel_parse("1-2", names, 4, &idx, &n, &err);
    CU_ASSERT_EQUAL(rc, 0);
    if (rc == 0) {
        CU_ASSERT_EQUAL(n, 2);
        CU_ASSERT(n == 2 && idx[0] == 0 && idx[1] == 1);
        if (n != 2 || idx[0] != 0 || idx[1] != 1)
            fprintf(stderr, "\n  \"1-2\" chose %zu columns from index %zu\n",
                    n, n ? idx[0] : 0);
        free(idx);
    } else {
        fprintf(stderr, "\n  \"1-2\": %s\n", err);
        free(err);
    }
    /* a single item is a name first: "2" is the column named "2" */
    rc = colsel_parse("2", names, 4, &idx, &n, &err);
    CU_ASSERT(rc == 0 && n == 1 && idx[0] == 2);
    if (rc == 0)
        free(idx);
}

/* csvin_stream: what a sink got, "COL=TEXT|" for each field handed
 * over and "@LINE;" at each row's end; it stops after stop_after rows
 * (0: never). */
struct sunk {
    char text[1024];
    size_t len;
    unsigned long rows, stop_after;
};

static void sunk_field(void *ctx, size_t col, const char *s, size_t len)
{
    struct sunk *k = ctx;
    k->len += (size_t)snprintf(k->text + k->len, sizeof k->text - k->len,
                               "%zu=%.*s|", col, (int)len, s);
}

static int sunk_row(void *ctx, unsigned long line)
{
    struct sunk *k = ctx;
    k->len += (size_t)snprintf(k->text + k->len, sizeof k->text - k->len,
                               "@%lu;", line);
    return ++k->rows == k->stop_after;
}

/* Stream FILE with chunks of CHUNK bytes, columns WANT; the sink's text
 * and the last result (its message in *err when -1). */
static int stream_file(const char *data, size_t chunk,
                       const unsigned char *want, unsigned long stop_after,
                       struct sunk *k, char **err)
{
    const char *path = write_str(data);
    struct csvin_opts o = { ',', 1, 0 };
    char *oerr;
    struct csvin *r = csvin_open_chunked(path, &o, chunk, &oerr);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    memset(k, 0, sizeof *k);
    k->stop_after = stop_after;
    struct csvin_sink sink = { want, sunk_field, sunk_row, k };
    int rc;
    while ((rc = csvin_stream(r, &sink)) == 1)
        continue;
    CU_ASSERT_EQUAL(csvin_stream(r, &sink), rc);     /* it stays */
    *err = rc < 0 ? strdup(csvin_errmsg(r)) : NULL;
    if (rc < 0) {
        size_t n = strlen(path);
        CU_ASSERT_NSTRING_EQUAL(*err, path, n);
        memmove(*err, *err + n, strlen(*err + n) + 1);
    }
    csvin_close(r);
    unlink(path);
    return rc;
}

/* The first row "1,2,3" ended, and no other: the fields of the row in
 * error before it was found to be one may have come (to be dropped). */
static int only_first_row(const char *text)
{
    return strncmp(text, "0=1|2=3|@2;", 11) == 0 &&
           strchr(text + 11, '@') == NULL;
}

/* The fields of the chosen columns as csvin_read has them, the rows read
 * ahead by csvin_open included, over every split of the reads; the
 * errors of csvin_read after the rows before them; a sink that stops. */
static void test_stream(void)
{
    static const size_t chunks[] = { 8, 9, 13, 64, 0 };
    static const unsigned char want[] = { 1, 0, 1 };
    for (size_t c = 0; c < NELEM(chunks); c++) {
        struct sunk k;
        char *err;
        CU_ASSERT_EQUAL(stream_file("a,b,c\n1,2,3\n4,\"5\n5\",\"6\"\n\n"
                                    "7,8,99\r\n10,11,12", chunks[c], want,
                                    0, &k, &err), 0);
        CU_ASSERT_STRING_EQUAL(k.text, "0=1|2=3|@2;0=4|2=6|@3;0=7|2=99|@6;"
                                       "0=10|2=12|@7;");
        CU_ASSERT_EQUAL(stream_file("a,b,c\n1,2,3\n4,5\n7,8,9\n", chunks[c],
                                    want, 0, &k, &err), -1);
        CU_ASSERT(only_first_row(k.text));
        CU_ASSERT_STRING_EQUAL(err, ":3: row has 2 fields, expected 3 (as "
                                    "in the header)");
        free(err);
        CU_ASSERT_EQUAL(stream_file("a,b,c\n1,2,3\n4,\"x\"y,6\n", chunks[c],
                                    want, 0, &k, &err), -1);
        CU_ASSERT(only_first_row(k.text));
        CU_ASSERT_NSTRING_EQUAL(err, ":3: malformed quoted field", 26);
        free(err);
        CU_ASSERT_EQUAL(stream_file("a,b,c\n", chunks[c], want, 0, &k,
                                    &err), -1);
        CU_ASSERT_STRING_EQUAL(err, ": no data rows after the header");
        free(err);
        CU_ASSERT_EQUAL(stream_file("a,b,c\n1,2,3\n4,5,6\n7,8,9\n",
                                    chunks[c], want, 2, &k, &err), 0);
        CU_ASSERT_STRING_EQUAL(k.text, "0=1|2=3|@2;0=4|2=6|@3;");
    }
}

int register_csvin_tests(void)
{
    CU_pSuite s = CU_add_suite("csvin", NULL, NULL);
    if (!s ||
        !CU_add_test(s, "simple rows", test_simple) ||
        !CU_add_test(s, "quoted fields: commas, quotes, newlines",
                     test_quoted) ||
        !CU_add_test(s, "CRLF", test_crlf) ||
        !CU_add_test(s, "UTF-8 BOM", test_bom) ||
        !CU_add_test(s, "blank lines skipped and counted", test_blank_lines) ||
        !CU_add_test(s, "line numbers after multi-line fields",
                     test_line_numbers) ||
        !CU_add_test(s, "no final newline", test_no_final_newline) ||
        !CU_add_test(s, "multi-line header, 3000 columns", test_header_lines) ||
        !CU_add_test(s, "empty fields", test_empty_fields) ||
        !CU_add_test(s, "ragged rows", test_ragged) ||
        !CU_add_test(s, "NUL bytes", test_nul) ||
        !CU_add_test(s, "unterminated quote at EOF", test_unterminated_quote) ||
        !CU_add_test(s, "malformed quote", test_malformed_quote) ||
        !CU_add_test(s, "header only", test_header_only) ||
        !CU_add_test(s, "empty and missing files", test_open_errors) ||
        !CU_add_test(s, "TSV", test_tsv) ||
        !CU_add_test(s, "no header: V1..Vk", test_no_header) ||
        !CU_add_test(s, "fields longer than 64 KiB", test_long_field) ||
        !CU_add_test(s, "200 KiB file, LF", test_big_lf) ||
        !CU_add_test(s, "200 KiB file, CRLF and BOM", test_big_crlf) ||
        !CU_add_test(s, "CRLF, quotes and newlines at the chunk edge",
                     test_chunk_edges) ||
        !CU_add_test(s, "plain chunks, then a quoted line break or a NUL",
                     test_clean_chunks_then_quote_or_nul) ||
        !CU_add_test(s, "csvin_stream: chosen fields, errors, a stop",
                     test_stream))
        return CU_get_error();
    s = CU_add_suite("colsel", NULL, NULL);
    if (!s ||
        !CU_add_test(s, "names, numbers, ranges", test_colsel) ||
        !CU_add_test(s, "error messages", test_colsel_errors) ||
        !CU_add_test(s, "colsel_one", test_colsel_one) ||
        !CU_add_test(s, "the closest columns", test_colsel_closest) ||
        !CU_add_test(s, "long lists by hash", test_colsel_long_list) ||
        !CU_add_test(s, "N-M by number when headers are numbers",
                     test_colsel_numeric_names))
        return CU_get_error();
    return 0;
}
