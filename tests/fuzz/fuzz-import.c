/* fuzz-import.c - an export read and understood (export.h), and its draft
 * codebook (draftcb.h).
 *
 * Input: one option byte (bits 0-2: --from, 0 auto to 4; bit 3:
 * --keep-unfinished; bits 4-5: the delimiter, found / ',' / ';' / tab;
 * bits 6-7: --decimal-comma auto / no / yes / yes), then the file.
 * Invariants: an error is one short line naming the file; in an export
 * read, every name is non-empty, unique, of [A-Za-z0-9_] only and starts
 * with no digit, every field and every text is well-formed UTF-8 without
 * a NUL, no more responses are kept than read, every row has every
 * column, and the draft codebook is one that codebook_read accepts (or,
 * without an item, is refused). */
#include <config.h>

#include <string.h>

#include "fuzz.h"
#include "lib/codebook.h"
#include "lib/draftcb.h"
#include "lib/export.h"
#include "lib/textenc.h"

static void check_text(const char *s)
{
    FUZZ_ASSERT(s != NULL);
    FUZZ_ASSERT(textenc_utf8_valid(s, strlen(s)) == strlen(s));
}

static void check_name(const struct export *e, size_t c)
{
    const char *n = e->col[c].name;
    FUZZ_ASSERT(n && n[0]);
    FUZZ_ASSERT(!(n[0] >= '0' && n[0] <= '9'));
    for (const char *p = n; *p; p++)
        FUZZ_ASSERT((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                    (*p >= '0' && *p <= '9') || *p == '_');
    for (size_t k = 0; k < c; k++)
        FUZZ_ASSERT(strcmp(e->col[k].name, n) != 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const unsigned char delims[] = { 0, ',', ';', '\t' };
    static const int dc[] = { -1, 0, 1, 1 };
    struct export_opts o = {
        .from = (data[0] & 7) % 5,
        .keep_unfinished = (data[0] >> 3) & 1,
        .delim = delims[(data[0] >> 4) & 3],
        .decimal_comma = dc[(data[0] >> 6) & 3],
    };
    if (o.decimal_comma == 1 && o.delim == ',')
        o.decimal_comma = 0;        /* a usage error of sk-import */
    o.path = fuzz_path(data + 1, size - 1);
    char *err = NULL;
    struct export *e = export_read(&o, &err);
    if (!e) {
        FUZZ_ASSERT(err && err[0]);
        FUZZ_ASSERT(strncmp(err, o.path, strlen(o.path)) == 0);
        FUZZ_ASSERT(strlen(err) < 600);
        FUZZ_ASSERT(strchr(err, '\n') == NULL);
        free(err);
        return 0;
    }
    FUZZ_ASSERT(e->ncols >= 1);
    FUZZ_ASSERT(e->nrows <= e->nread);
    for (size_t c = 0; c < e->ncols; c++) {
        check_name(e, c);
        check_text(e->col[c].text);
        check_text(e->col[c].id);
    }
    for (size_t r = 0; r < e->nrows; r++)
        for (size_t c = 0; c < e->ncols; c++)
            check_text(e->row[r][c]);
    for (size_t i = 0; i < e->nnotes; i++)
        FUZZ_ASSERT(e->note[i] && e->note[i][0] && !strchr(e->note[i], '\n'));

    /* the draft codebook reads back */
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    FUZZ_ASSERT(fp != NULL);
    int rc = draftcb_write(fp, e, "fuzz");
    FUZZ_ASSERT(fclose(fp) == 0);
    if (draftcb_nitems(e) == 0) {
        FUZZ_ASSERT(rc == -2 && len == 0);
        free(buf);
        export_free(e);
        return 0;
    }
    FUZZ_ASSERT(rc == 0);
    const char *cbpath = fuzz_path((const uint8_t *)buf, len);
    struct codebook *cb = codebook_read(cbpath, &err);
    if (!cb)
        fprintf(stderr, "draft codebook refused: %s\n", err);
    FUZZ_ASSERT(cb != NULL);
    codebook_free(cb);
    free(buf);
    export_free(e);
    return 0;
}
