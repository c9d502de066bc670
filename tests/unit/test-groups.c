/* test-groups.c - CUnit tests of strmap (strings to first-seen indexes)
 * and group_pipe (rows delayed while their groups are fetched): the
 * indexes against a plain search of the keys seen before, in order; the
 * pipe's rows, groups and payloads against the same rows handled at once. */
#include <config.h>

#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grouppipe.h"
#include "lib/strmap.h"
#include "unit.h"

/* The key of row i: one of m names in a scrambled order, short (inline
 * in the strmap's slot, 8 bytes) or long, many sharing their first 8 or
 * 12 bytes. */
static size_t row_key(size_t i, size_t m, char *buf, size_t cap)
{
    size_t k = (i * 7919 + (i >> 3)) % m;
    if (k % 3 == 0)
        return (size_t)snprintf(buf, cap, "g%zu", k);
    if (k % 3 == 1)
        return (size_t)snprintf(buf, cap, "a-long-prefix-%zu", k);
    return (size_t)snprintf(buf, cap, "twelve-bytes%zu", k);  /* 12 + */
}

/* The first-seen index of KEY among SEEN[0..*n), added when new. */
static size_t plain_index(char (*seen)[40], size_t *n, const char *key)
{
    for (size_t j = 0; j < *n; j++)
        if (strcmp(seen[j], key) == 0)
            return j;
    strcpy(seen[*n], key);
    return (*n)++;
}

#define M 3000
#define ROWS 20000

static void test_strmap(void)
{
    struct strmap *m = strmap_new();
    static char seen[M][40];
    size_t nseen = 0;
    char key[40];
    for (size_t i = 0; i < ROWS; i++) {
        size_t len = row_key(i, M, key, sizeof key);
        int added;
        size_t before = nseen;
        size_t want = plain_index(seen, &nseen, key);
        size_t got = strmap_intern(m, key, len, &added);
        CU_ASSERT_EQUAL(got, want);
        CU_ASSERT_EQUAL(added, nseen > before);
        CU_ASSERT_EQUAL(got, strmap_intern_hashed(m, strmap_hash(key, len),
                                                  key, len, NULL));
    }
    CU_ASSERT_EQUAL(strmap_size(m), nseen);
    for (size_t j = 0; j < nseen; j++)
        CU_ASSERT_STRING_EQUAL(strmap_key(m, j), seen[j]);
    /* keys that differ only past the inline bytes, or in length */
    size_t e7 = strmap_intern(m, "eight-b", 7, NULL);
    size_t e8 = strmap_intern(m, "eight-by", 8, NULL);
    size_t e9 = strmap_intern(m, "eight-byt", 9, NULL);
    CU_ASSERT(e7 != e8 && e8 != e9 && e7 != e9);
    CU_ASSERT_EQUAL(strmap_intern(m, "eight-by", 8, NULL), e8);
    CU_ASSERT_EQUAL(strmap_intern(m, "eight-byt", 9, NULL), e9);
    CU_ASSERT_STRING_EQUAL(strmap_key(m, e9), "eight-byt");
    size_t a = strmap_intern(m, "twelve-bytes", 12, NULL);
    size_t b = strmap_intern(m, "twelve-bytes!", 13, NULL);
    size_t c = strmap_intern(m, "twelve-byte", 11, NULL);
    CU_ASSERT(a != b && b != c && a != c);
    CU_ASSERT_EQUAL(strmap_intern(m, "twelve-bytes!", 13, NULL), b);
    CU_ASSERT_EQUAL(strmap_intern(m, "", 0, NULL),
                    strmap_intern(m, "", 0, NULL));
    strmap_free(m);
}

struct warm_log {
    size_t calls, bad;
    struct group_table *t;
};

/* The hook sees the cells of the row's group, which exist. */
static void warm(void *ctx, const void *cells, const void *payload)
{
    struct warm_log *w = ctx;
    const size_t *row = payload;
    w->calls++;
    if ((const char *)cells < (const char *)w->t->cell ||
        (const char *)cells >= (const char *)w->t->cell +
                                   w->t->ngroups * w->t->size * w->t->width)
        w->bad++;
    (void)row;
}

/* Rows through a pipe, handled as they come out: each row's group and
 * payload as handled at once; the rows in order; every row out. */
static void run_pipe(size_t rows, size_t groups)
{
    struct strmap *direct = strmap_new(), *m = strmap_new();
    struct group_table t;
    group_table_init(&t, 2, sizeof(size_t), NULL);
    struct warm_log w = { 0, 0, &t };
    struct group_pipe *p = group_pipe_new(m, &t, 2 * sizeof(size_t), warm,
                                          &w);
    char key[40];
    size_t next = 0, bad = 0, g;
    void *pl;
    for (size_t i = 0; i < rows; i++) {
        size_t len = row_key(i, groups, key, sizeof key);
        size_t *to = group_pipe_push(p, key, len);
        to[0] = i;
        to[1] = strmap_intern(direct, key, len, NULL);
        while (group_pipe_pop(p, &g, &pl)) {
            const size_t *r = pl;
            bad += r[0] != next++ || r[1] != g;
            size_t *cells = group_table_row(&t, g);
            cells[0]++;
        }
    }
    group_pipe_end(p);
    while (group_pipe_pop(p, &g, &pl)) {
        const size_t *r = pl;
        bad += r[0] != next++ || r[1] != g;
        size_t *cells = group_table_row(&t, g);
        cells[0]++;
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_EQUAL(next, rows);
    CU_ASSERT_EQUAL(strmap_size(m), strmap_size(direct));
    CU_ASSERT_EQUAL(w.bad, 0);
    CU_ASSERT(rows < 4 * GROUP_PIPE_DEPTH || w.calls > 0);
    size_t total = 0;
    for (size_t k = 0; k < t.ngroups; k++)
        total += ((size_t *)t.cell)[2 * k];
    CU_ASSERT_EQUAL(total, rows);
    group_pipe_free(p);
    free(t.cell);
    strmap_free(m);
    strmap_free(direct);
}

static void test_group_pipe(void)
{
    run_pipe(0, 5);
    run_pipe(1, 5);
    run_pipe(4 * GROUP_PIPE_DEPTH - 1, 7);  /* never full */
    run_pipe(4 * GROUP_PIPE_DEPTH, 7);
    run_pipe(ROWS, M);
    run_pipe(ROWS, 2);
}

int register_groups_tests(void)
{
    CU_pSuite s = CU_add_suite("groups", NULL, NULL);
    if (!s || !CU_add_test(s, "strmap against a plain search", test_strmap) ||
        !CU_add_test(s, "group_pipe as rows handled at once",
                     test_group_pipe))
        return CU_get_error();
    return 0;
}
