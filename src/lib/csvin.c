/* csvin.c - rows of a CSV or TSV file, read with libcsv. */
#include <config.h>

#include "csvin.h"
#include "textenc.h"
#include "util.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (1u << 16)

#define NO_NUL ((size_t)-1)

struct rowrec {
    size_t first;          /* index of its first field */
    size_t nfields;
    unsigned long line;
    size_t nul_field;      /* the first field with a NUL byte, or NO_NUL */
    unsigned long nul_line;    /* the line of that NUL byte */
};

struct csvin {
    FILE *fp;
    int own_fp;
    char *name;
    struct csv_parser parser;
    int parser_live;

    /* Fields parsed from the current chunk, as offsets into buf. */
    char *buf;
    size_t blen, bcap;
    size_t *foff, *flen;
    size_t nf, fcap;

    /* Completed rows waiting to be returned. */
    struct rowrec *rows;
    size_t nq, qcap, qpos;

    /* The row being parsed. */
    size_t cur_first, cur_nfields;
    unsigned long cur_newlines;   /* newlines inside its quoted fields */
    size_t cur_nul_field;         /* its first field with a NUL, or NO_NUL */
    unsigned long cur_nul_newlines;   /* newlines of the row before it */

    unsigned long line;           /* line where the next row starts */
    int after_cr;
    int at_start, eof;
    /* Chunks are numbered from 1 as they are read; dirty: the last one
     * with a quote or a NUL byte (0: none yet), term: the chunk of the
     * last field or row end. A field's bytes all come after that end, so
     * when no chunk since then is dirty the field is unquoted (it holds
     * no line break) and holds no NUL: on_field need not look at its
     * bytes. */
    unsigned long chunk_no, dirty, term;
    int utf16_bom;                /* the input starts with FF FE or FE FF */
    int pending_error;
    char *err;

    /* csvin_stream: its sink, and the columns it takes (0 once the
     * reading ends) */
    struct csvin_sink sink;
    size_t sink_ncols;
    size_t row_ncols;             /* ncols, or SIZE_MAX once it ends */
    int streaming, stopped;

    const char **fptrs;
    size_t fpcap;

    size_t ncols;
    char **names;
    unsigned long header_line;
    int peeked;                   /* first row kept as data (no header) */
    unsigned long ndata;
    char *chunk;
    size_t chunk_size;
};

static void set_error(struct csvin *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void set_error(struct csvin *r, const char *fmt, ...)
{
    va_list ap;
    char *msg;
    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0)
        sk_die("out of memory");
    va_end(ap);
    free(r->err);
    r->err = msg;
}

/* Line breaks inside a field (only quoted fields have them): LF, CRLF and
 * a lone CR each count one. *nul is set to the number of line breaks
 * before the first NUL byte of the field, or stays as it is without one
 * (a NUL would cut the field short wherever it is used as a string). */
static unsigned long count_newlines(const char *s, size_t n,
                                    unsigned long *nul)
{
    unsigned long k = 0;
    int seen_nul = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] <= '\r') {
            if (s[i] == '\n' ||
                (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n')))
                k++;
            else if (s[i] == '\0' && !seen_nul) {
                seen_nul = 1;
                *nul = k;
            }
        }
    return k;
}

/* memcpy of LEN bytes, with fixed-size copies (inlined) for the short
 * fields that are most of them: two that overlap cover 1 to 16 bytes,
 * never past either end. */
static inline __attribute__((always_inline)) void
copy_field(char *dst, const unsigned char *src, size_t len)
{
    if (len == 1)                     /* an answer code: first */
        dst[0] = (char)src[0];
    else if (len >= 4 && len < 8) {
        memcpy(dst, src, 4);
        memcpy(dst + len - 4, src + len - 4, 4);
    } else if (len >= 8 && len <= 16) {
        memcpy(dst, src, 8);
        memcpy(dst + len - 8, src + len - 8, 8);
    } else if (len >= 2 && len < 4) {
        memcpy(dst, src, 2);
        memcpy(dst + len - 2, src + len - 2, 2);
    } else if (len > 16)
        memcpy(dst, src, len);
}

/* The line breaks and the first NUL byte of the current row's field S
 * (LEN bytes; it has one of them): counted for the row's lines. */
static void field_lines(struct csvin *r, const char *s, size_t len)
{
    unsigned long nul = (unsigned long)-1;
    unsigned long k = count_newlines(s, len, &nul);
    if (nul != (unsigned long)-1 && r->cur_nul_field == NO_NUL) {
        r->cur_nul_field = r->cur_nfields - 1;
        r->cur_nul_newlines = r->cur_newlines + nul;
    }
    r->cur_newlines += k;
}

/* on_field's every other case: the buffers grown, a field longer than 16
 * bytes, or one that may hold a line break or a NUL byte. */
static void __attribute__((noinline))
on_field_slow(struct csvin *r, const void *data, size_t len)
{
    size_t blen = r->blen, nf = r->nf;
    if (blen + len + 1 > r->bcap) {
        while (blen + len + 1 > r->bcap)
            r->bcap = r->bcap ? 2 * r->bcap : CHUNK;
        r->buf = sk_xrealloc(r->buf, r->bcap);
    }
    if (nf == r->fcap) {
        r->fcap = r->fcap ? 2 * r->fcap : 1024;
        r->foff = sk_xreallocarray(r->foff, r->fcap, sizeof *r->foff);
        r->flen = sk_xreallocarray(r->flen, r->fcap, sizeof *r->flen);
    }
    r->foff[nf] = blen;
    r->flen[nf] = len;
    r->nf = nf + 1;
    r->blen = blen + len + 1;
    r->cur_nfields++;
    const unsigned char *src = data;
    char *dst = r->buf + blen;
    int clean = r->dirty < r->term;
    r->term = r->chunk_no;
    int ctl = 0;
    if (clean)
        copy_field(dst, src, len);
    else if (len <= 16)
        for (size_t i = 0; i < len; i++) {
            dst[i] = (char)src[i];
            ctl |= src[i] <= '\r';
        }
    else {
        memcpy(dst, src, len);
        ctl = memchr(src, '\n', len) || memchr(src, '\r', len) ||
              memchr(src, '\0', len);
    }
    dst[len] = '\0';
    if (ctl)
        field_lines(r, data, len);
}

/* Every field: its copy and its place. The common case (room in the
 * buffers, at most 16 bytes, no quote or NUL byte since the last field's
 * end: see term) makes no call, so it saves no registers; this runs for
 * every field, most of them a few bytes (an answer code). */
static void on_field(void *data, size_t len, void *ctx)
{
    struct csvin *r = ctx;
    size_t blen = r->blen, nf = r->nf;
    if (__builtin_expect(len > 16 || blen + len + 1 > r->bcap ||
                         nf == r->fcap || r->dirty >= r->term, 0)) {
        on_field_slow(r, data, len);
        return;
    }
    r->foff[nf] = blen;
    r->flen[nf] = len;
    r->nf = nf + 1;
    r->blen = blen + len + 1;
    r->cur_nfields++;
    r->term = r->chunk_no;
    char *dst = r->buf + blen;
    copy_field(dst, data, len);
    dst[len] = '\0';
}

/* A row of no fields ended by C: a blank line, or the LF of a CRLF
 * pair. */
static void blank_row(struct csvin *r, int c)
{
    if (c == '\n' && r->after_cr)
        r->after_cr = 0;
    else if (c != -1) {
        r->line++;
        r->after_cr = (c == '\r');
    }
}

static void on_row(int c, void *ctx)
{
    struct csvin *r = ctx;
    r->term = r->chunk_no;
    if (r->cur_nfields == 0) {
        blank_row(r, c);
        return;
    }
    if (r->nq == r->qcap) {
        r->qcap = r->qcap ? 2 * r->qcap : 256;
        r->rows = sk_xreallocarray(r->rows, r->qcap, sizeof *r->rows);
    }
    r->rows[r->nq].first = r->cur_first;
    r->rows[r->nq].nfields = r->cur_nfields;
    r->rows[r->nq].line = r->line;
    r->rows[r->nq].nul_field = r->cur_nul_field;
    r->rows[r->nq].nul_line = r->line + r->cur_nul_newlines;
    r->nq++;
    r->line += r->cur_newlines + (c != -1);
    r->after_cr = (c == '\r');
    r->cur_first = r->nf;
    r->cur_nfields = 0;
    r->cur_newlines = 0;
    r->cur_nul_field = NO_NUL;
}

/* Drop the returned rows, keeping the fields of the row in progress. */
static void compact(struct csvin *r)
{
    size_t keep = r->nf - r->cur_first;
    if (keep && r->cur_first) {
        size_t boff = r->foff[r->cur_first];
        memmove(r->buf, r->buf + boff, r->blen - boff);
        r->blen -= boff;
        for (size_t i = 0; i < keep; i++) {
            r->foff[i] = r->foff[r->cur_first + i] - boff;
            r->flen[i] = r->flen[r->cur_first + i];
        }
    } else if (!keep)
        r->blen = 0;
    r->nf = keep;
    r->cur_first = 0;
    r->nq = r->qpos = 0;
}

/* Read and parse the next chunk through the callbacks FIELD and ROW, or
 * at the end of the input finish the parse (eof set). Errors are left in
 * pending_error and err. */
static void parse_chunk(struct csvin *r, void (*field)(void *, size_t, void *),
                        void (*row)(int, void *))
{
    size_t n = fread(r->chunk, 1, r->chunk_size, r->fp);
    if (n > 0) {
        const char *p = r->chunk;
        if (r->at_start) {
            r->at_start = 0;
            if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
                p += 3;
                n -= 3;
            }
            r->utf16_bom = n >= 2 && (memcmp(p, "\xFF\xFE", 2) == 0 ||
                                      memcmp(p, "\xFE\xFF", 2) == 0);
        }
        r->chunk_no++;
        if (memchr(p, '"', n) || memchr(p, '\0', n))
            r->dirty = r->chunk_no;
        if (csv_parse(&r->parser, p, n, field, row, r) != n &&
            !r->pending_error) {
            r->pending_error = 1;
            if (csv_error(&r->parser) == CSV_ENOMEM)
                set_error(r, "%s:%lu: out of memory (reading a field of "
                          "more than %zu bytes)", r->name, r->line,
                          r->parser.entry_pos);
            else if (csv_error(&r->parser) == CSV_EPARSE)
                set_error(r, "%s:%lu: malformed quoted field (a quote "
                          "inside quotes must be doubled, and a closing "
                          "quote must end the field)", r->name, r->line);
            else
                set_error(r, "%s:%lu: %s", r->name, r->line,
                          csv_strerror(csv_error(&r->parser)));
        }
    } else {
        r->dirty = (unsigned long)-1;   /* csv_fini's field: look */
        if (ferror(r->fp)) {
            if (!r->pending_error)
                set_error(r, "%s: read error: %s", r->name, strerror(errno));
            r->pending_error = 1;
        } else if (csv_fini(&r->parser, field, row, r) != 0 &&
                   !r->pending_error) {
            set_error(r, "%s:%lu: unterminated quoted field at the end "
                      "of the input", r->name, r->line);
            r->pending_error = 1;
        }
        r->eof = 1;
    }
}

/* Make a row available at rows[qpos]: 1, or 0 at the end, -1 on error. */
static int fill(struct csvin *r)
{
    while (r->qpos == r->nq) {
        if (r->pending_error || r->eof)
            return r->pending_error ? -1 : 0;
        compact(r);
        parse_chunk(r, on_field, on_row);
    }
    return 1;
}

static inline void fill_row(struct csvin *r, const struct rowrec *rec,
                            struct csvin_row *row)
{
    if (rec->nfields > r->fpcap) {
        r->fpcap = rec->nfields;
        r->fptrs = sk_xreallocarray(r->fptrs, r->fpcap, sizeof *r->fptrs);
    }
    for (size_t i = 0; i < rec->nfields; i++)
        r->fptrs[i] = r->buf + r->foff[rec->first + i];
    row->nfields = rec->nfields;
    row->field = r->fptrs;
    row->len = r->flen + rec->first;
    row->line = rec->line;
}

/* "FILE:LINE: column 'b': embedded NUL byte", the column named by number
 * in the header (or past the last column of a longer row). A NUL in the
 * first line points to a UTF-16 file without a byte-order mark (one with
 * it is refused by csvin_open). */
static void nul_error(struct csvin *r, const struct rowrec *rec, int header)
{
    const char *hint = rec->nul_line == 1
                           ? " (is the file UTF-16? save it as UTF-8)" : "";
    if (header || rec->nul_field >= r->ncols)
        set_error(r, "%s:%lu: column %zu: embedded NUL byte%s", r->name,
                  rec->nul_line, rec->nul_field + 1, hint);
    else {
        char *name = sk_shown(r->names[rec->nul_field],
                              strlen(r->names[rec->nul_field]));
        set_error(r, "%s:%lu: column '%s': embedded NUL byte%s", r->name,
                  rec->nul_line, name, hint);
        free(name);
    }
    r->pending_error = 1;
    r->qpos = r->nq = 0;
}

static struct csvin *open_fp(FILE *fp, int own, const char *name,
                             const struct csvin_opts *opts, size_t chunk,
                             char **errmsg);

/* For keep_blanks: no byte is a blank to drop. */
static int no_blank(unsigned char c)
{
    (void)c;
    return 0;
}

struct csvin *csvin_open(const char *path, const struct csvin_opts *opts,
                         char **errmsg)
{
    return csvin_open_chunked(path, opts, CHUNK, errmsg);
}

struct csvin *csvin_open_chunked(const char *path,
                                 const struct csvin_opts *opts, size_t chunk,
                                 char **errmsg)
{
    *errmsg = NULL;
    if (!path || strcmp(path, "-") == 0)
        return open_fp(stdin, 0, "(standard input)", opts, chunk, errmsg);
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        if (asprintf(errmsg, "%s: %s", path, strerror(errno)) < 0)
            sk_die("out of memory");
        return NULL;
    }
    return open_fp(fp, 1, path, opts, chunk, errmsg);
}

struct csvin *csvin_open_stream(FILE *fp, const char *name,
                                const struct csvin_opts *opts, char **errmsg)
{
    *errmsg = NULL;
    return open_fp(fp, 0, name, opts, CHUNK, errmsg);
}

static struct csvin *open_fp(FILE *fp, int own, const char *name,
                             const struct csvin_opts *opts, size_t chunk,
                             char **errmsg)
{
    struct csvin *r = sk_xcalloc(1, sizeof *r);
    r->fp = fp;
    r->own_fp = own;
    r->name = sk_xstrdup(name);
    if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
        sk_die("out of memory");
    r->parser_live = 1;
    csv_set_delim(&r->parser, opts->delim);
    if (opts->keep_blanks)
        csv_set_space_func(&r->parser, no_blank);
    /* At least 8 bytes: the first read holds any byte-order mark whole. */
    r->chunk_size = chunk == 0 ? CHUNK : chunk < 8 ? 8 : chunk;
    r->chunk = sk_xmalloc(r->chunk_size);
    r->line = 1;
    r->at_start = 1;
    r->term = 1;
    r->cur_nul_field = NO_NUL;

    int rc = fill(r);
    if (r->utf16_bom) {
        *errmsg = sk_xasprintf("%s: is UTF-16 (Excel's 'Unicode text'): "
                               "convert it with sk-import or iconv -f UTF-16 "
                               "-t UTF-8", r->name);
        csvin_close(r);
        return NULL;
    }
    if (rc <= 0) {
        if (rc == 0 && asprintf(errmsg, "%s: empty input: no %s", r->name,
                                opts->header ? "header row" : "rows") < 0)
            sk_die("out of memory");
        if (rc < 0)
            *errmsg = sk_xstrdup(r->err);
        csvin_close(r);
        return NULL;
    }
    const struct rowrec *first = &r->rows[r->qpos];
    r->header_line = first->line;
    if (opts->header && first->nul_field != NO_NUL) {
        nul_error(r, first, 1);
        *errmsg = sk_xstrdup(r->err);
        csvin_close(r);
        return NULL;
    }
    struct csvin_row row;
    fill_row(r, first, &row);
    r->ncols = row.nfields;
    r->names = sk_xcalloc(r->ncols, sizeof *r->names);
    for (size_t i = 0; i < r->ncols; i++) {
        if (opts->header)
            r->names[i] = sk_xstrndup(row.field[i], row.len[i]);
        else if (asprintf(&r->names[i], "V%zu", i + 1) < 0)
            sk_die("out of memory");
    }
    for (size_t i = 0; opts->header && i < r->ncols; i++) {
        size_t bad = textenc_utf8_valid(row.field[i], row.len[i]);
        if (bad == row.len[i])
            continue;
        /* the 24 bytes before it at most: a message, not the header */
        size_t from = bad > 24 ? bad - 24 : 0;
        char *shown = sk_shown(row.field[i] + from, bad - from);
        char *where = bad ? sk_xasprintf("after '%s%s'", from ? "..." : "",
                                         shown)
                          : sk_xstrdup("at its start");
        *errmsg = sk_xasprintf(
            "%s:%lu: column %zu of the header is not UTF-8 (byte \\x%02x "
            "%s): is the file Latin-1 or Windows-1252? convert it with "
            "sk-import or iconv -f WINDOWS-1252 -t UTF-8", r->name,
            first->line, i + 1, (unsigned char)row.field[i][bad], where);
        free(shown);
        free(where);
        csvin_close(r);
        return NULL;
    }
    if (opts->header)
        r->qpos++;
    else
        r->peeked = 1;
    return r;
}

/* The error of a row that is not one to return: a NUL byte, or not as
 * many fields as the header. -1 with the error set, or 0. */
static int row_error(struct csvin *r, const struct rowrec *rec)
{
    if (rec->nul_field != NO_NUL) {
        nul_error(r, rec, 0);
        return -1;
    }
    if (rec->nfields != r->ncols) {
        set_error(r, "%s:%lu: row has %zu field%s, expected %zu%s", r->name,
                  rec->line, rec->nfields, rec->nfields == 1 ? "" : "s",
                  r->ncols, r->peeked ? " (as in the first row)"
                                      : " (as in the header)");
        r->pending_error = 1;
        r->qpos = r->nq = 0;
        return -1;
    }
    return 0;
}

int csvin_read(struct csvin *r, struct csvin_row *row)
{
    int rc = r->qpos < r->nq ? 1 : fill(r);    /* a row waiting: most calls */
    if (rc == 0 && r->ndata == 0) {
        set_error(r, "%s: no data rows after the header", r->name);
        return -1;
    }
    if (rc <= 0)
        return rc;
    const struct rowrec *rec = &r->rows[r->qpos];
    if (row_error(r, rec) != 0)
        return -1;
    fill_row(r, rec, row);
    r->qpos++;
    r->ndata++;
    return 1;
}

/* ---- the fields handed over (csvin_stream) ---- */

/* on_field_stream's field that may hold a line break or a NUL byte: the
 * row's count of line breaks, and its first NUL, as on_field_slow keeps
 * them. */
static void __attribute__((noinline))
scan_field(struct csvin *r, const char *s, size_t len)
{
    int ctl = 0;
    if (len <= 16)
        for (size_t i = 0; i < len; i++)
            ctl |= (unsigned char)s[i] <= '\r';
    else
        ctl = memchr(s, '\n', len) || memchr(s, '\r', len) ||
              memchr(s, '\0', len);
    if (ctl)
        field_lines(r, s, len);
}

/* on_field_stream's field after a quote or a NUL byte (see term). */
static void __attribute__((noinline))
on_field_stream_slow(struct csvin *r, void *data, size_t len, size_t c)
{
    if (len > 0)
        scan_field(r, data, len);
    r->term = r->chunk_no;
    if (c < r->sink_ncols && r->sink.want[c])
        r->sink.field(r->sink.ctx, c, data, len);
}

/* Every field: its column's handed over when it is chosen. sink_ncols is
 * 0 once the reading ends (an error, or the sink stopped it). Both calls
 * are the last thing done: no frame. */
static void on_field_stream(void *data, size_t len, void *ctx)
{
    struct csvin *r = ctx;
    size_t c = r->cur_nfields++;
    if (__builtin_expect(r->dirty >= r->term, 0)) {
        on_field_stream_slow(r, data, len, c);
        return;
    }
    r->term = r->chunk_no;
    if (c < r->sink_ncols && r->sink.want[c])
        r->sink.field(r->sink.ctx, c, data, len);
}

/* A row's end for the sink: it takes the row, or stops the reading. */
static inline void stream_give(struct csvin *r, unsigned long line)
{
    r->ndata++;
    if (r->sink.row(r->sink.ctx, line) != 0) {
        r->stopped = 1;
        r->sink_ncols = 0;
        r->row_ncols = (size_t)-1;
    }
}

/* on_row_stream's every other case: a blank line, the end of a row with
 * a line break or a NUL byte, of a ragged one, or after the end. */
static void __attribute__((noinline)) on_row_stream_slow(struct csvin *r,
                                                         int c)
{
    if (r->cur_nfields == 0) {
        blank_row(r, c);
        return;
    }
    struct rowrec rec = { 0, r->cur_nfields, r->line, r->cur_nul_field,
                          r->line + r->cur_nul_newlines };
    r->line += r->cur_newlines + (c != -1);
    r->after_cr = (c == '\r');
    r->cur_nfields = 0;
    r->cur_newlines = 0;
    r->cur_nul_field = NO_NUL;
    if (r->sink_ncols == 0)
        return;
    if (rec.nul_field != NO_NUL || rec.nfields != r->ncols) {
        row_error(r, &rec);
        r->sink_ncols = 0;
        r->row_ncols = (size_t)-1;
        return;
    }
    stream_give(r, rec.line);
}

/* A row's end: the common case (as many fields as the header, on one
 * line, no NUL byte, the reading on: row_ncols) without a call but the
 * sink's. */
static void on_row_stream(int c, void *ctx)
{
    struct csvin *r = ctx;
    r->term = r->chunk_no;
    if (__builtin_expect(r->cur_nfields == r->row_ncols &&
                         r->cur_newlines == 0 && c != -1 &&
                         r->cur_nul_field == NO_NUL, 1)) {
        unsigned long line = r->line++;
        r->after_cr = (c == '\r');
        r->cur_nfields = 0;
        stream_give(r, line);
        return;
    }
    on_row_stream_slow(r, c);
}

/* The first call: the rows read ahead as rows, then the fields of the
 * row in progress; the parse goes on from there with on_field_stream. */
static int stream_start(struct csvin *r, const struct csvin_sink *sink)
{
    r->sink = *sink;
    r->sink_ncols = r->ncols;
    r->row_ncols = r->ncols;
    r->streaming = 1;
    struct csvin_row row;
    while (r->qpos < r->nq) {
        if (csvin_read(r, &row) < 0) {
            r->sink_ncols = 0;
            r->row_ncols = (size_t)-1;
            return -1;
        }
        for (size_t c = 0; c < row.nfields; c++)
            if (sink->want[c])
                sink->field(sink->ctx, c, row.field[c], row.len[c]);
        if (sink->row(sink->ctx, row.line) != 0) {
            r->stopped = 1;
            r->sink_ncols = 0;
            r->row_ncols = (size_t)-1;
            return 1;
        }
    }
    for (size_t i = 0; i < r->cur_nfields && i < r->ncols; i++)
        if (sink->want[i])
            sink->field(sink->ctx, i, r->buf + r->foff[r->cur_first + i],
                        r->flen[r->cur_first + i]);
    return 1;
}

int csvin_stream(struct csvin *r, const struct csvin_sink *sink)
{
    if (!r->streaming)
        return stream_start(r, sink);
    if (r->pending_error)
        return -1;
    if (r->stopped)
        return 0;
    if (r->eof) {
        if (r->ndata == 0) {
            set_error(r, "%s: no data rows after the header", r->name);
            return -1;
        }
        return 0;
    }
    parse_chunk(r, on_field_stream, on_row_stream);
    return 1;
}

const char *csvin_errmsg(const struct csvin *r)
{
    return r->err ? r->err : "";
}

const char *csvin_filename(const struct csvin *r)
{
    return r->name;
}

size_t csvin_ncols(const struct csvin *r)
{
    return r->ncols;
}

const char *const *csvin_names(const struct csvin *r)
{
    return (const char *const *)r->names;
}

unsigned long csvin_header_line(const struct csvin *r)
{
    return r->header_line;
}

unsigned long csvin_nrows(const struct csvin *r)
{
    return r->ndata;
}

void csvin_close(struct csvin *r)
{
    if (!r)
        return;
    if (r->own_fp)
        fclose(r->fp);
    if (r->parser_live)
        csv_free(&r->parser);
    for (size_t i = 0; r->names && i < r->ncols; i++)
        free(r->names[i]);
    free(r->names);
    free(r->name);
    free(r->buf);
    free(r->foff);
    free(r->flen);
    free(r->rows);
    free(r->fptrs);
    free(r->err);
    free(r->chunk);
    free(r);
}
