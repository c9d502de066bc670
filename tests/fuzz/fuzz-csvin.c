/* fuzz-csvin.c - the CSV reader (csvin.h).
 *
 * Input: one option byte (bit 0: TSV, bit 1: a header row, bits 2-7: the
 * bytes per read, 1 to 63, or 0 for csvin_open's 64 KiB), then the file.
 * Invariants: every row has the header's number of fields; a field is
 * NUL-terminated at its length, holds no NUL, and is no longer than the
 * input; rows start on increasing lines, no later than the input's line
 * breaks allow; an error is sticky and its message short; and the rows,
 * their lines and the outcome do not depend on the size of the reads;
 * csvin_stream hands over the same fields, rows and outcome. */
#include <config.h>

#include <string.h>

#include "fuzz.h"
#include "lib/csvin.h"

struct outcome {
    uint64_t hash;       /* of the names, the rows and their lines */
    unsigned long nrows;
    int rc;              /* the last csvin_read, or 2: csvin_open failed */
    char err[512];
};

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * UINT64_C(1099511628211);
    return h;
}

static void keep_error(struct outcome *o, const char *msg)
{
    FUZZ_ASSERT(msg != NULL && msg[0] != '\0');
    FUZZ_ASSERT(strlen(msg) < 400);
    snprintf(o->err, sizeof o->err, "%s", msg);
}

/* The file opened for an outcome (O emptied), or NULL with the error in
 * it (rc 2). */
static struct csvin *open_outcome(const char *path,
                                  const struct csvin_opts *co, size_t chunk,
                                  struct outcome *o)
{
    char *err = NULL;
    memset(o, 0, sizeof *o);
    o->hash = UINT64_C(14695981039346656037);
    struct csvin *r = csvin_open_chunked(path, co, chunk, &err);
    if (!r) {
        keep_error(o, err);
        free(err);
        o->rc = 2;
    } else
        FUZZ_ASSERT(err == NULL);
    return r;
}

static void read_all(const char *path, const struct csvin_opts *co,
                     size_t chunk, size_t size, unsigned long nbreaks,
                     struct outcome *o)
{
    struct csvin *r = open_outcome(path, co, chunk, o);
    if (!r)
        return;
    size_t ncols = csvin_ncols(r);
    const char *const *names = csvin_names(r);
    FUZZ_ASSERT(ncols >= 1 && ncols <= size + 1);
    for (size_t i = 0; i < ncols; i++) {
        if (co->header)
            FUZZ_ASSERT(strlen(names[i]) <= size);
        o->hash = mix(o->hash, names[i], strlen(names[i]) + 1);
    }
    struct csvin_row row;
    unsigned long last = 0;
    int rc;
    while ((rc = csvin_read(r, &row)) == 1) {
        FUZZ_ASSERT(row.nfields == ncols);
        FUZZ_ASSERT(row.line > last);
        FUZZ_ASSERT(row.line <= nbreaks + 1);
        last = row.line;
        size_t total = 0;
        for (size_t i = 0; i < row.nfields; i++) {
            FUZZ_ASSERT(row.len[i] <= size);
            FUZZ_ASSERT(row.field[i][row.len[i]] == '\0');
            FUZZ_ASSERT(memchr(row.field[i], '\0', row.len[i]) == NULL);
            total += row.len[i];
            o->hash = mix(o->hash, row.field[i], row.len[i] + 1);
        }
        FUZZ_ASSERT(total <= size);
        o->hash = mix(o->hash, &row.line, sizeof row.line);
        o->nrows++;
    }
    FUZZ_ASSERT(csvin_nrows(r) == o->nrows);
    o->rc = rc;
    if (rc < 0) {
        keep_error(o, csvin_errmsg(r));
        FUZZ_ASSERT(csvin_read(r, &row) == -1);
    } else
        FUZZ_ASSERT(csvin_read(r, &row) == 0);
    csvin_close(r);
}

/* read_all through csvin_stream, every column handed over. */
struct stream_state {
    struct outcome *o;
    size_t ncols, next, size;
    uint64_t h;          /* o->hash with the fields of the row so far */
};

static void stream_field(void *ctx, size_t col, const char *s, size_t len)
{
    struct stream_state *st = ctx;
    FUZZ_ASSERT(col == st->next && col < st->ncols);
    FUZZ_ASSERT(len <= st->size);
    if (st->next++ == 0)
        st->h = st->o->hash;      /* a row's fields count once it ends */
    st->h = mix(st->h, s, len);
    st->h = mix(st->h, "", 1);
}

static int stream_row(void *ctx, unsigned long line)
{
    struct stream_state *st = ctx;
    FUZZ_ASSERT(st->next == st->ncols);
    st->next = 0;
    st->o->hash = mix(st->h, &line, sizeof line);
    st->o->nrows++;
    return 0;
}

static void stream_all(const char *path, const struct csvin_opts *co,
                       size_t chunk, size_t size, struct outcome *o)
{
    struct csvin *r = open_outcome(path, co, chunk, o);
    if (!r)
        return;
    size_t ncols = csvin_ncols(r);
    const char *const *names = csvin_names(r);
    for (size_t i = 0; i < ncols; i++)
        o->hash = mix(o->hash, names[i], strlen(names[i]) + 1);
    unsigned char *want = malloc(ncols);
    FUZZ_ASSERT(want != NULL);
    memset(want, 1, ncols);
    struct stream_state st = { o, ncols, 0, size, 0 };
    struct csvin_sink sink = { want, stream_field, stream_row, &st };
    int rc;
    while ((rc = csvin_stream(r, &sink)) == 1)
        continue;
    FUZZ_ASSERT(csvin_nrows(r) == o->nrows);
    o->rc = rc;
    if (rc < 0) {
        keep_error(o, csvin_errmsg(r));
        FUZZ_ASSERT(csvin_stream(r, &sink) == -1);
    } else
        FUZZ_ASSERT(csvin_stream(r, &sink) == 0);
    free(want);
    csvin_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    struct csvin_opts co = { (data[0] & 1) ? '\t' : ',', (data[0] >> 1) & 1, 0 };
    size_t chunk = data[0] >> 2;
    data++;
    size--;
    unsigned long nbreaks = 0;
    for (size_t i = 0; i < size; i++)
        nbreaks += data[i] == '\n' || data[i] == '\r';
    const char *path = fuzz_path(data, size);
    struct outcome a, b, c;
    read_all(path, &co, chunk, size, nbreaks, &a);
    read_all(path, &co, chunk ? 0 : 7, size, nbreaks, &b);
    FUZZ_ASSERT(a.rc == b.rc);
    FUZZ_ASSERT(a.nrows == b.nrows);
    FUZZ_ASSERT(a.hash == b.hash);
    FUZZ_ASSERT(strcmp(a.err, b.err) == 0);
    stream_all(path, &co, chunk, size, &c);
    FUZZ_ASSERT(a.rc == c.rc);
    FUZZ_ASSERT(a.nrows == c.nrows);
    FUZZ_ASSERT(a.hash == c.hash);
    FUZZ_ASSERT(strcmp(a.err, c.err) == 0);
    return 0;
}
