/* fuzz-input.c - the input layer (input.h): columns, missing values,
 * numbers and keys of a table.
 *
 * Input: one option byte (bit 0: TSV, bit 1: a header row, bit 2: -c,
 * bit 3: -g, bit 4: --na, bit 5: --delimiter=';' (over bit 0), bit 6:
 * --decimal-comma, bit 7: labels suggest --codebook), then three NUL-terminated strings, the -c
 * list, the -g column and the --na list (used when their bit is set),
 * then the file. Invariants: an error has status 1 or 2 and a short
 * message naming the file, on one line but for "sk-NAME: hint: " lines
 * after it; a value read is finite, is what num_parse_mark (with the
 * decimal mark of bit 6) reads from its field, and its exact decimal (when there is one) is in
 * range; a missing value is a blank field or a token; a key has its
 * length and no NUL, "NA" when missing; the row's fields are the
 * file's; and input_drop_fields reads the same rows, cells, keys and
 * error, through input_try_next or input_try_each. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "lib/input.h"
#include "lib/numparse.h"
#include "lib/util.h"

static void check_message(const char *err, const char *path)
{
    FUZZ_ASSERT(err != NULL);
    FUZZ_ASSERT(strncmp(err, path, strlen(path)) == 0);
    FUZZ_ASSERT(strlen(err) < 4096);
    for (const char *nl = strchr(err, '\n'); nl; nl = strchr(nl + 1, '\n')) {
        const char *prog = sk_program_name();
        FUZZ_ASSERT(strncmp(nl + 1, prog, strlen(prog)) == 0);
        FUZZ_ASSERT(strncmp(nl + 1 + strlen(prog), ": hint: ", 8) == 0);
    }
}

static const char *take(const uint8_t **p, const uint8_t *end)
{
    const uint8_t *nul = memchr(*p, '\0', (size_t)(end - *p));
    if (!nul)
        return NULL;
    const char *s = (const char *)*p;
    *p = nul + 1;
    return s;
}

/* Is the field blank around, or one of the comma-separated TOKENS? */
static int is_token(const char *s, size_t len, const char *tokens)
{
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len == 0)
        return 1;
    for (const char *t = tokens;;) {
        const char *comma = strchr(t, ',');
        size_t tl = comma ? (size_t)(comma - t) : strlen(t);
        if (tl == len && memcmp(t, s, len) == 0)
            return 1;
        if (!comma)
            return 0;
        t = comma + 1;
    }
}

/* A row's line, cells and group into a hash (of input_try_each's rows or
 * input_try_next's). */
struct rows_hash {
    uint64_t h;
    size_t nvars, n;
};

static uint64_t mixh(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * UINT64_C(1099511628211);
    return h;
}

static void hash_row(void *ctx, const struct input_row *row)
{
    struct rows_hash *rh = ctx;
    rh->h = mixh(rh->h, &row->line, sizeof row->line);
    for (size_t i = 0; i < rh->nvars; i++) {
        const struct input_cell *c = &row->cell[i];
        rh->h = mixh(rh->h, &c->missing, sizeof c->missing);
        if (c->missing)
            continue;
        rh->h = mixh(rh->h, &c->v.x, sizeof c->v.x);
        rh->h = mixh(rh->h, &c->v.exact, sizeof c->v.exact);
        if (c->v.exact) {
            rh->h = mixh(rh->h, &c->v.mant, sizeof c->v.mant);
            rh->h = mixh(rh->h, &c->v.scale, sizeof c->v.scale);
        }
    }
    if (row->group)
        rh->h = mixh(rh->h, row->group, row->group_len + 1);
    rh->n++;
}

/* Two readings of the same input ended alike (the same message when they
 * failed, RC < 0); their messages freed, the inputs closed. */
static void same_end(int rc, char *erra, char *errb, struct input *a,
                     struct input *b)
{
    if (rc < 0)
        FUZZ_ASSERT(strcmp(erra, errb) == 0);
    free(erra);
    free(errb);
    input_close(a);
    input_close(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t *p = data + 1, *end = data + size;
    const char *columns = take(&p, end);
    const char *by = columns ? take(&p, end) : NULL;
    const char *na = by ? take(&p, end) : NULL;
    if (!na)
        return 0;
    struct input_opts o = { 0 };
    o.tsv = data[0] & 1;
    o.delim = (data[0] & 32) ? ';' : 0;
    o.decimal_comma = (data[0] >> 6) & 1;
    o.suggest_codebook = (data[0] >> 7) & 1;
    char mark = o.decimal_comma ? ',' : '.';
    o.header = (data[0] >> 1) & 1;
    o.columns = (data[0] & 4) ? columns : NULL;
    o.by = (data[0] & 8) ? by : NULL;
    o.na = (data[0] & 16) ? na : NULL;
    const char *tokens = o.na ? o.na : "NA";
    size_t fsize = (size_t)(end - p);
    o.path = fuzz_path(p, fsize);

    int status;
    char *err = NULL;
    struct input *in = input_try_open(&o, &status, &err);
    if (!in) {
        FUZZ_ASSERT(status == 1 || status == 2);
        check_message(err, o.path);
        free(err);
        return 0;
    }
    size_t nvars = input_nvars(in);
    FUZZ_ASSERT(nvars >= 1);
    for (size_t i = 0; i < nvars; i++)
        FUZZ_ASSERT(input_var_name(in, i) != NULL);
    FUZZ_ASSERT((input_group_name(in) != NULL) == (o.by != NULL));
    struct input_row row;
    int rc;
    while ((rc = input_try_next(in, &row, &err)) == 1) {
        FUZZ_ASSERT(row.nfields == input_ncols(in));
        for (size_t i = 0; i < row.nfields; i++)
            FUZZ_ASSERT(row.field_len[i] <= fsize &&
                        row.field[i][row.field_len[i]] == '\0');
        if (o.by) {
            FUZZ_ASSERT(row.group == row.key[0]);
            FUZZ_ASSERT(strlen(row.group) == row.group_len);
            if (row.key_missing[0])
                FUZZ_ASSERT(strcmp(row.group, "NA") == 0);
        }
        for (size_t i = 0; i < nvars; i++) {
            const struct input_cell *c = &row.cell[i];
            if (c->missing)
                continue;
            FUZZ_ASSERT(isfinite(c->v.x));
            if (c->v.exact)
                FUZZ_ASSERT(c->v.scale >= 0 && c->v.scale <= NUM_MAX_SCALE);
        }
    }
    if (rc < 0) {
        check_message(err, o.path);
        free(err);
        err = NULL;
    }
    input_close(in);

    /* Each value again, against its field: open a second time and read
     * the fields of the chosen columns through num_parse directly. */
    in = input_try_open(&o, &status, &err);
    FUZZ_ASSERT(in != NULL);
    const char *const *names = input_names(in);
    size_t ncols = input_ncols(in);
    while (input_try_next(in, &row, &err) == 1) {
        for (size_t i = 0; i < nvars; i++) {
            /* the column of variable i, by its name (first match) */
            const char *name = input_var_name(in, i);
            size_t c = 0;
            while (c < ncols && names[c] != name)
                c++;
            FUZZ_ASSERT(c < ncols);
            const char *s = row.field[c];
            size_t len = row.field_len[c];
            struct num_value v;
            enum num_status st = num_parse_mark(s, len, mark, &v);
            if (row.cell[i].missing)
                FUZZ_ASSERT(is_token(s, len, tokens));
            else {
                FUZZ_ASSERT(st == NUM_OK);
                FUZZ_ASSERT(memcmp(&v.x, &row.cell[i].v.x, sizeof v.x) == 0);
                FUZZ_ASSERT(v.exact == row.cell[i].v.exact);
            }
        }
    }
    free(err);
    input_close(in);

    /* The same rows without their fields (input_drop_fields), beside the
     * rows with them. */
    struct input *a = input_try_open(&o, &status, &err);
    struct input *b = input_try_open(&o, &status, &err);
    FUZZ_ASSERT(a != NULL && b != NULL);
    input_drop_fields(b);
    struct input_row rb;
    char *erra = NULL, *errb = NULL;
    int ra, rbc;
    do {
        ra = input_try_next(a, &row, &erra);
        rbc = input_try_next(b, &rb, &errb);
        FUZZ_ASSERT(ra == rbc);
        if (ra != 1)
            break;
        FUZZ_ASSERT(row.line == rb.line);
        FUZZ_ASSERT(rb.field == NULL && rb.nfields == row.nfields);
        for (size_t i = 0; i < nvars; i++) {
            const struct input_cell *x = &row.cell[i], *y = &rb.cell[i];
            FUZZ_ASSERT(x->missing == y->missing);
            if (x->missing)
                continue;
            FUZZ_ASSERT(memcmp(&x->v.x, &y->v.x, sizeof x->v.x) == 0);
            FUZZ_ASSERT(x->v.exact == y->v.exact);
            if (x->v.exact)
                FUZZ_ASSERT(x->v.mant == y->v.mant &&
                            x->v.scale == y->v.scale);
        }
        FUZZ_ASSERT((row.group == NULL) == (rb.group == NULL));
        if (row.group)
            FUZZ_ASSERT(row.group_len == rb.group_len &&
                        memcmp(row.group, rb.group, row.group_len) == 0 &&
                        rb.group[rb.group_len] == '\0');
    } while (1);
    same_end(ra, erra, errb, a, b);

    /* input_try_each, against input_try_next */
    struct rows_hash h1 = { 14695981039346656037u, nvars, 0 }, h2 = h1;
    a = input_try_open(&o, &status, &err);
    b = input_try_open(&o, &status, &err);
    FUZZ_ASSERT(a != NULL && b != NULL);
    input_drop_fields(b);
    erra = errb = NULL;
    while ((ra = input_try_next(a, &row, &erra)) == 1)
        hash_row(&h1, &row);
    rbc = input_try_each(b, hash_row, &h2, &errb);
    FUZZ_ASSERT(ra == rbc && h1.n == h2.n && h1.h == h2.h);
    same_end(ra, erra, errb, a, b);
    return 0;
}
