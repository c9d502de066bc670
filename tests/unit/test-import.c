/* test-import.c - CUnit tests of sk-import's library parts: textenc.h
 * (UTF-8 well-formedness, UTF-16 and named encodings converted), vocab.h
 * (labels put in order), csvout.h (RFC 4180 quoting) and the short names
 * of export.h.
 *
 * The UTF-8 expectations are Python's own decoder's (tests/ref/
 * unit_textenc.py, its output pasted between the BEGIN/END lines); the
 * converted bytes are Python's str.encode of the same text; the quoting is
 * RFC 4180's rule (a field with the delimiter, a quote or a line break is
 * quoted, its quotes doubled). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/csvin.h"
#include "lib/csvout.h"
#include "lib/export.h"
#include "lib/textenc.h"
#include "lib/vocab.h"
#include "unit.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

struct utf8_case {
    const char *s;
    size_t len, valid;
};

/* BEGIN PYTHON REFERENCE VALUES: made by tests/ref/unit_textenc.py. */
static const struct utf8_case UTF8[] = {
    { "", 0, 0 },
    { "\x61\x62\x63", 3, 3 },
    { "\x63\x61\x66\xc3\xa9", 5, 5 },
    { "\x63\x61\x66\xe9", 4, 3 },
    { "\xc3", 1, 0 },
    { "\x61\xc3\x28", 3, 1 },
    { "\xc0\xaf", 2, 0 },
    { "\xe0\x80\xaf", 3, 0 },
    { "\xed\xa0\x80", 3, 0 },
    { "\xf4\x90\x80\x80", 4, 0 },
    { "\xf0\x9f\x98\x80", 4, 4 },
    { "\xe2\x80\x99\x73", 4, 4 },
    { "\x6f\x6b\xff", 3, 2 },
    { "\xef\xbb\xbf\x69\x64", 5, 5 },
    { "\xf0\x9f\x98", 3, 0 },
    { "\x78\xe2\x82\xac\x79", 5, 5 },
};
/* END PYTHON REFERENCE VALUES */

static void test_utf8_valid(void)
{
    for (size_t i = 0; i < NELEM(UTF8); i++) {
        size_t got = textenc_utf8_valid(UTF8[i].s, UTF8[i].len);
        if (got != UTF8[i].valid)
            fprintf(stderr, "case %zu: %zu, expected %zu\n", i, got,
                    UTF8[i].valid);
        CU_ASSERT_EQUAL(got, UTF8[i].valid);
    }
}

/* "id,Q1\r\n1,Zoë\r\n" in UTF-8, and as Python's encode('utf-16-le'). */
static const char want_utf8[] = "id,Q1\r\n1,Zo\xc3\xab\r\n";
static const char le[] =
    "i\0d\0,\0Q\0" "1\0\r\0\n\0" "1\0,\0Z\0o\0\xeb\0\r\0\n\0";

static void check(const char *in, size_t len, const char *from,
                  const char *want, const char *what)
{
    char *out = NULL, *err = NULL;
    size_t outlen = 0;
    const char *found = NULL;
    int rc = textenc_to_utf8(in, len, from, &out, &outlen, &found, &err);
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    if (strcmp(out, want) != 0)
        fprintf(stderr, "%s: got '%s'\n", what, out);
    CU_ASSERT_EQUAL(outlen, strlen(want));
    CU_ASSERT_STRING_EQUAL(out, want);
    CU_ASSERT_PTR_NOT_NULL(strstr(found, what));
    free(out);
}

static void test_convert(void)
{
    size_t n = sizeof le - 1;
    char *buf = malloc(n + 2);
    /* little-endian with its mark */
    memcpy(buf, "\xff\xfe", 2);
    memcpy(buf + 2, le, n);
    check(buf, n + 2, NULL, want_utf8, "UTF-16LE (with a byte-order mark)");
    /* without a mark: found by its zero bytes */
    check(le, n, NULL, want_utf8, "UTF-16LE (no byte-order mark)");
    /* big-endian with its mark: the same bytes swapped */
    buf[0] = '\xfe';
    buf[1] = '\xff';
    for (size_t i = 0; i < n; i += 2) {
        buf[2 + i] = le[i + 1];
        buf[2 + i + 1] = le[i];
    }
    check(buf, n + 2, NULL, want_utf8, "UTF-16BE");
    free(buf);
    /* a UTF-8 byte-order mark is dropped */
    check("\xef\xbb\xbf" "a,b\n", 7, NULL, "a,b\n", "byte-order mark");
    /* latin-1, named */
    check("id,Q1\r\n1,Zo\xeb\r\n", 14, "latin1", want_utf8, "--encoding");
    /* named UTF-8 is checked, not converted */
    check("a\n", 2, "UTF-8", "a\n", "UTF-8");
}

static void test_convert_errors(void)
{
    char *out = NULL, *err = NULL;
    size_t outlen;
    const char *found;
    CU_ASSERT_EQUAL(textenc_to_utf8("a,b\n1,Zo\xeb\n", 10, NULL, &out,
                                    &outlen, &found, &err), -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(err);
    CU_ASSERT_EQUAL(strncmp(err, "2: not UTF-8: byte 0xEB in '1,Zo\\xEB'",
                            37), 0);
    free(err);
    err = NULL;
    CU_ASSERT_EQUAL(textenc_to_utf8("a\n", 2, "no-such-encoding", &out,
                                    &outlen, &found, &err), -1);
    CU_ASSERT_PTR_NOT_NULL(err && strstr(err, "unknown encoding"));
    free(err);
}

static void test_ascii(void)
{
    char *s = textenc_ascii("caf\xc3\xa9 Zo\xc3\xab Stra\xc3\x9f" "e");
    CU_ASSERT_STRING_EQUAL(s, "cafe Zoe Strasse");
    free(s);
    s = textenc_ascii("plain");
    CU_ASSERT_STRING_EQUAL(s, "plain");
    free(s);
}

static void test_vocab(void)
{
    static const char neither[] = "  Neither  Agree nor\tdisagree ";
    static const char dk[] = "Don\xe2\x80\x99t know";
    char *n = vocab_norm(neither, sizeof neither - 1);
    CU_ASSERT_STRING_EQUAL(n, "neither agree nor disagree");
    free(n);
    n = vocab_norm(dk, sizeof dk - 1);
    CU_ASSERT_STRING_EQUAL(n, "don't know");
    CU_ASSERT_TRUE(vocab_nonsubstantive(n));
    free(n);
    CU_ASSERT_FALSE(vocab_nonsubstantive("agree"));

    const char *five[] = { "agree", "strongly agree", "disagree" };
    const struct vocab *v = vocab_find(five, 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    /* the 5-point form, not the 4-point one: nobody chose the middle */
    CU_ASSERT_STRING_EQUAL(v->name, "agree5");
    CU_ASSERT_EQUAL(vocab_index(v, "strongly disagree"), 0);
    CU_ASSERT_EQUAL(vocab_index(v, "neutral"), 2);
    CU_ASSERT_EQUAL(vocab_index(v, "strongly agree"), 4);
    const char *seven[] = { "somewhat agree", "agree" };
    v = vocab_find(seven, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    CU_ASSERT_STRING_EQUAL(v->name, "agree7");
    CU_ASSERT_EQUAL(vocab_index(v, "somewhat agree"), 4);
    const char *amount[] = { "a little", "a great deal", "not at all" };
    v = vocab_find(amount, 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    CU_ASSERT_STRING_EQUAL(v->name, "amount5");
    const char *yesno[] = { "yes", "no" };
    CU_ASSERT_PTR_NULL(vocab_find(yesno, 2));
    CU_ASSERT_PTR_NULL(vocab_find(yesno, 0));
}

static void test_csvout(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    const char *f[] = { "a", "b,c", "say \"hi\"", "x\ny", "", " sp " };
    CU_ASSERT_EQUAL(csvout_row(fp, f, NELEM(f), ','), 0);
    const char *t[] = { "a,b", "c\td" };
    CU_ASSERT_EQUAL(csvout_row(fp, t, NELEM(t), '\t'), 0);
    fclose(fp);
    CU_ASSERT_STRING_EQUAL(buf, "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",, sp \n"
                                "a,b\t\"c\td\"\n");
    free(buf);
}

static void test_short_names(void)
{
    static const char *const cases[][2] = {
        { "My partner and I related to each other as equals",
          "partner_related_equals" },
        { "How much did COVID-19 affect your partnership?",
          "covid19_affect_partnership" },
        { "Average meeting length (hours)", "average_meeting_length" },
        { "Your partner ID (e.g. P07-E)", "partner_id" },
        { "2021 cohort", "q2021_cohort" },
        { "Is there any?", "is_there_any" },   /* no significant word */
        { "Caf\xc3\xa9 visits", "cafe_visits" },
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        char *s = export_short_name(cases[i][0], 3);
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        if (strcmp(s, cases[i][1]) != 0)
            fprintf(stderr, "'%s': '%s', expected '%s'\n", cases[i][0], s,
                    cases[i][1]);
        CU_ASSERT_STRING_EQUAL(s, cases[i][1]);
        free(s);
    }
    CU_ASSERT_PTR_NULL(export_short_name("?!", 3));
}

/* keep_blanks: " 5 " as written, for sk-import to report; without it
 * libcsv drops the blanks around an unquoted field (a quoted one keeps
 * them either way). */
static void test_keep_blanks(void)
{
    static char text[] = "a,b\n 5 ,\" 8 \"\n";
    for (int keep = 0; keep <= 1; keep++) {
        FILE *fp = fmemopen(text, sizeof text - 1, "r");
        struct csvin_opts o = { ',', 1, keep };
        char *err = NULL;
        struct csvin *r = csvin_open_stream(fp, "t", &o, &err);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        struct csvin_row row;
        CU_ASSERT_EQUAL_FATAL(csvin_read(r, &row), 1);
        CU_ASSERT_STRING_EQUAL(row.field[0], keep ? " 5 " : "5");
        CU_ASSERT_STRING_EQUAL(row.field[1], " 8 ");
        csvin_close(r);
        fclose(fp);
    }
}

int register_import_tests(void)
{
    CU_pSuite s = CU_add_suite("import", NULL, NULL);
    if (!s ||
        !CU_add_test(s, "textenc_utf8_valid against Python's decoder",
                     test_utf8_valid) ||
        !CU_add_test(s, "UTF-16 and latin-1 converted", test_convert) ||
        !CU_add_test(s, "encoding errors", test_convert_errors) ||
        !CU_add_test(s, "textenc_ascii transliterates", test_ascii) ||
        !CU_add_test(s, "vocabularies", test_vocab) ||
        !CU_add_test(s, "csvout quoting (RFC 4180)", test_csvout) ||
        !CU_add_test(s, "short names of question texts", test_short_names) ||
        !CU_add_test(s, "csvin keep_blanks", test_keep_blanks))
        return -1;
    return 0;
}
