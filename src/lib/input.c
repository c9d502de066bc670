/* input.c - numeric columns of a CSV/TSV table, with missing values. */
#include <config.h>

#include "input.h"
#include "colsel.h"
#include "csvin.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct input {
    struct csvin *csv;
    size_t *col;           /* chosen numeric column indexes */
    size_t ncol;
    long by;               /* group column index (input_open), or -1 */
    size_t *keycol;        /* key column indexes */
    size_t nkey;
    const char **key;
    size_t *key_len;
    int *key_missing;
    char **na;             /* missing-value tokens */
    int na_numeric;        /* a token reads as a number (--na=-99) */
    size_t *na_len;
    size_t nna;
    struct input_cell *cells;
    unsigned char delim;
    char mark;             /* the decimal mark: '.' or ',' */
    int header;
    int suggest_codebook;
    int names_checked;     /* the chosen columns' names checked for blanks */

    /* input_drop_fields: rows read through csvin_stream into a queue */
    int drop_fields, stream;
    size_t nfields;        /* the file's columns */
    struct csvin_sink sink;
    unsigned char *want;   /* per column of the file: chosen */
    size_t *tfirst, *tgt;  /* column c's field goes to tgt[tfirst[c] ..
                              tfirst[c + 1]): cell i < ncol, key i - ncol */
    size_t *one;           /* per column: the one cell its field goes to
                              when it is a number first (no key, no
                              token that reads as a number), or NO_BAD */
    struct input_cell *q;  /* the queued rows' cells, ncol each */
    struct input_cell *qcur;   /* the cells of the row being read, at qn */
    unsigned long *qline;
    size_t qn, qpos, qcap;
    char *kbuf;            /* the queued rows' key texts, NUL-terminated */
    size_t kblen, kbcap, krow;    /* krow: where the texts of the row
                                     being read begin */
    size_t *qkoff, *qklen; /* nkey per queued row */
    int *qkmiss;
    size_t bad;            /* the row being read: its first cell (in column
                              order) that is no number, or NO_BAD */
    enum num_status badst;
    char *badtext;         /* that field's text */
    size_t badlen, badcap;
    char *qerr;            /* the error of the row after the queued ones */
    /* input_each: each row handed on as it ends, not queued */
    void (*each)(void *ctx, const struct input_row *row);
    void *each_ctx;
    struct input_row erow;     /* the row handed on: slot 0 */
};

#define NO_BAD ((size_t)-1)

unsigned char input_delim(const struct input_opts *o)
{
    return o->delim ? o->delim : o->tsv ? '\t' : ',';
}

static void parse_na(struct input *in, const char *list, char mark)
{
    if (!list)
        list = "NA";
    size_t cap = 1;
    for (const char *p = list; *p; p++)
        cap += (*p == ',');
    in->na = sk_xcalloc(cap, sizeof *in->na);
    in->na_len = sk_xcalloc(cap, sizeof *in->na_len);
    for (const char *p = list;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        struct num_value v;
        in->na[in->nna] = sk_xstrndup(p, len);
        in->na_len[in->nna++] = len;
        if (num_parse_mark(p, len, mark, &v) == NUM_OK)
            in->na_numeric = 1;
        if (!comma)
            break;
        p = comma + 1;
    }
}

/* Is the field a missing value: blank, or one of the tokens (compared
 * without the blanks around it)? */
static int is_missing(const struct input *in, const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len == 0)
        return 1;
    for (size_t i = 0; i < in->nna; i++)
        if (in->na_len[i] == len && memcmp(in->na[i], s, len) == 0)
            return 1;
    return 0;
}

char *input_shown(const char *s, size_t len)
{
    return sk_shown(s, len);
}

/* MSG followed by the line "sk-NAME: hint: HINT"; MSG is freed. */
static char *add_hint(char *msg, const char *hint)
{
    char *r = sk_xasprintf("%s\n%s: hint: %s", msg, sk_program_name(), hint);
    free(msg);
    return r;
}

/* A file of one column whose header (without one: the field S) holds
 * another common delimiter was probably read with the wrong one: the
 * hint, or NULL. Not the comma when it is the decimal mark. */
static const char *delimiter_hint(const struct input *in, const char *s,
                                  size_t len)
{
    static const struct {
        char c;
        const char *hint;
    } looks[] = {
        { ';', "the input has one column and looks semicolon-delimited: "
               "try --delimiter=';'" },
        { '\t', "the input has one column and looks tab-delimited: try -t" },
        { ',', "the input has one column and looks comma-delimited: try "
               "--delimiter=','" },
        { '|', "the input has one column and looks '|'-delimited: try "
               "--delimiter='|'" },
    };
    if (csvin_ncols(in->csv) != 1)
        return NULL;
    const char *name = csvin_names(in->csv)[0];
    if (!in->header) {
        name = NULL;
        if (!s)
            return NULL;
    }
    for (size_t k = 0; k < sizeof looks / sizeof looks[0]; k++) {
        char c = looks[k].c;
        if (c == (char)in->delim || (c == ',' && in->mark == ','))
            continue;
        if (name ? strchr(name, c) != NULL : memchr(s, c, len) != NULL)
            return looks[k].hint;
    }
    return NULL;
}

/* Is the field a word, as a label ('Agree', 'Strongly disagree', "Don't
 * know", 'Tout à fait') is, rather than a mistyped number or a missing
 * value marker: letters (any byte beyond ASCII counts as one), spaces,
 * apostrophes and hyphens, starting with a letter, two letters at least,
 * and not inf, nan or na in any case? */
static int is_word(const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    size_t letters = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     c >= 0x80;
        if (i == 0 && !letter)
            return 0;
        if (!letter && c != ' ' && c != '\'' && c != '-')
            return 0;
        letters += letter;
    }
    static const char *const not_labels[] = { "inf", "infinity", "nan",
                                              "na", NULL };
    for (const char *const *w = not_labels; *w; w++)
        if (strlen(*w) == len && strncasecmp(*w, s, len) == 0)
            return 0;
    return letters >= 2;
}

/* "FILE:LINE: column 'X': WHAT 'TEXT'", to free(), with a hint line when
 * the cause is likely: the wrong delimiter, the other decimal mark, or
 * labels without a codebook. */
static char *bad_number(const struct input *in, unsigned long line, size_t i,
                        const char *what, const char *s, size_t len)
{
    char *text = input_shown(s, len);
    const char *name = input_var_name(in, i);
    char *shown = input_shown(name, strlen(name));
    char *msg = sk_xasprintf("%s:%lu: column '%s': %s '%s'",
                             csvin_filename(in->csv), line, shown, what,
                             text);
    free(text);
    free(shown);
    struct num_value v;
    const char *hint = delimiter_hint(in, s, len);
    if (hint)
        msg = add_hint(msg, hint);
    else if (in->mark == '.' && in->delim != ',' &&
             num_parse_mark(s, len, ',', &v) == NUM_OK)
        msg = add_hint(msg, "a decimal comma? --decimal-comma reads 1,5 as "
                            "1.5");
    else if (in->mark == ',' && num_parse(s, len, &v) == NUM_OK)
        msg = add_hint(msg, "with --decimal-comma the decimal mark is ',' "
                            "(1,5); a '.' is neither a decimal mark nor a "
                            "thousands separator");
    else if (in->suggest_codebook && is_word(s, len))
        msg = add_hint(msg, "answers given as labels need --codebook=FILE "
                            "(see --help)");
    return msg;
}

static char *column_error(const struct input *in, char *err)
{
    char *msg = sk_xasprintf("%s: %s", csvin_filename(in->csv), err);
    free(err);
    const char *hint = delimiter_hint(in, NULL, 0);
    return hint ? add_hint(msg, hint) : msg;
}

/* A chosen column (numeric or key) with a blank name: the error, or NULL.
 * Its results would be unnamed, so it must be named or left out. */
static char *blank_name(const struct input *in)
{
    const char *const *names = csvin_names(in->csv);
    size_t n = in->ncol + in->nkey;
    for (size_t k = 0; k < n; k++) {
        size_t c = k < in->ncol ? in->col[k] : in->keycol[k - in->ncol];
        if (num_is_blank(names[c], strlen(names[c])))
            return sk_xasprintf("%s:%lu: column %zu has no name (a blank "
                                "header): name it, or choose other columns "
                                "with -c", csvin_filename(in->csv),
                                csvin_header_line(in->csv), c + 1);
    }
    return NULL;
}

struct input *input_try_open_raw(const struct input_opts *o, char **err)
{
    struct csvin_opts co = { input_delim(o), o->header, 0 };
    struct csvin *csv = csvin_open(o->path, &co, err);
    if (!csv)
        return NULL;
    struct input *in = sk_xcalloc(1, sizeof *in);
    in->csv = csv;
    in->delim = co.delim;
    in->mark = o->decimal_comma ? ',' : '.';
    in->header = o->header;
    in->suggest_codebook = o->suggest_codebook;
    parse_na(in, o->na, in->mark);
    in->by = -1;
    return in;
}

struct input *input_open_raw(const struct input_opts *o)
{
    char *err;
    struct input *in = input_try_open_raw(o, &err);
    if (!in)
        sk_die("%s", err);
    return in;
}

size_t input_ncols(const struct input *in)
{
    return csvin_ncols(in->csv);
}

const char *const *input_names(const struct input *in)
{
    return csvin_names(in->csv);
}

const char *input_filename(const struct input *in)
{
    return csvin_filename(in->csv);
}

int input_try_find(const struct input *in, const char *item, size_t *idx,
                   char **err)
{
    if (colsel_one(item, input_names(in), input_ncols(in), idx, err) != 0) {
        *err = column_error(in, *err);
        return -1;
    }
    return 0;
}

size_t input_find(const struct input *in, const char *item)
{
    size_t idx;
    char *err;
    if (input_try_find(in, item, &idx, &err) != 0)
        sk_usage_error("%s", err);
    return idx;
}

void input_set_columns(struct input *in, const size_t *idx, size_t n)
{
    free(in->col);
    free(in->cells);
    in->col = sk_xcalloc(n, sizeof *in->col);
    memcpy(in->col, idx, n * sizeof *idx);
    in->ncol = n;
    in->cells = sk_xcalloc(n, sizeof *in->cells);
}

int input_try_set_columns_list(struct input *in, const char *list, char **err)
{
    size_t *idx, n;
    if (colsel_parse(list, input_names(in), input_ncols(in), &idx, &n,
                     err) != 0) {
        *err = column_error(in, *err);
        return -1;
    }
    input_set_columns(in, idx, n);
    free(idx);
    return 0;
}

void input_set_columns_list(struct input *in, const char *list)
{
    char *err;
    if (input_try_set_columns_list(in, list, &err) != 0)
        sk_usage_error("%s", err);
}

void input_set_keys(struct input *in, const size_t *idx, size_t n)
{
    free(in->keycol);
    free(in->key);
    free(in->key_len);
    free(in->key_missing);
    in->keycol = sk_xcalloc(n, sizeof *in->keycol);
    memcpy(in->keycol, idx, n * sizeof *idx);
    in->nkey = n;
    in->key = sk_xcalloc(n, sizeof *in->key);
    in->key_len = sk_xcalloc(n, sizeof *in->key_len);
    in->key_missing = sk_xcalloc(n, sizeof *in->key_missing);
}

struct input *input_try_open(const struct input_opts *o, int *status,
                             char **err)
{
    struct input *in = input_try_open_raw(o, err);
    *status = SK_EXIT_DATA;
    if (!in)
        return NULL;
    *status = SK_EXIT_USAGE;
    size_t ncols = input_ncols(in);
    if (o->by) {
        size_t b;
        if (input_try_find(in, o->by, &b, err) != 0)
            goto fail;
        in->by = (long)b;
        input_set_keys(in, &b, 1);
    }
    if (o->columns) {
        if (input_try_set_columns_list(in, o->columns, err) != 0)
            goto fail;
    } else {
        size_t *idx = sk_xcalloc(ncols, sizeof *idx), n = 0;
        for (size_t i = 0; i < ncols; i++)
            if ((long)i != in->by)
                idx[n++] = i;
        if (n == 0) {
            free(idx);
            if (asprintf(err, "%s: no columns besides the group column",
                         csvin_filename(in->csv)) < 0)
                sk_die("out of memory");
            goto fail;
        }
        input_set_columns(in, idx, n);
        free(idx);
    }
    *status = SK_EXIT_OK;
    return in;
fail:
    input_close(in);
    return NULL;
}

struct input *input_open(const struct input_opts *o)
{
    int status;
    char *err;
    struct input *in = input_try_open(o, &status, &err);
    if (!in) {
        if (status == SK_EXIT_USAGE)
            sk_usage_error("%s", err);
        sk_die("%s", err);
    }
    return in;
}

size_t input_nvars(const struct input *in)
{
    return in->ncol;
}

const char *input_var_name(const struct input *in, size_t i)
{
    return csvin_names(in->csv)[in->col[i]];
}

const char *input_group_name(const struct input *in)
{
    return in->by < 0 ? NULL : csvin_names(in->csv)[in->by];
}

/* Field S (LEN bytes) into CELL: a number or a missing value, NUM_OK;
 * else the status of its parse. A field that is a number cannot be a
 * token unless a token is a number (NA_NUMERIC): then the tokens go
 * first; else the number does, and only a field that is not one is
 * looked up among the tokens. */
static inline enum num_status read_cell(const struct input *in,
                                        int na_numeric, char mark,
                                        const char *s, size_t len,
                                        struct input_cell *cell)
{
    enum num_status st = NUM_INVALID;
    if (!na_numeric)
        st = num_parse_mark(s, len, mark, &cell->v);
    if (st != NUM_OK && is_missing(in, s, len)) {
        cell->missing = 1;
        return NUM_OK;
    }
    cell->missing = 0;
    if (na_numeric)
        st = num_parse_mark(s, len, mark, &cell->v);
    return st;
}

static char *cell_error(const struct input *in, unsigned long line, size_t i,
                        enum num_status st, const char *s, size_t len)
{
    return bad_number(in, line, i, st == NUM_RANGE ? "number out of range"
                                                   : "invalid number",
                      s, len);
}

/* ---- input_drop_fields: the fields as csvin_stream hands them over ---- */

/* Room for one more queued row (the row being read is at qn). */
static void stream_grow(struct input *in)
{
    in->qcap = in->qcap ? 2 * in->qcap : 1024;
    size_t nc = in->ncol ? in->ncol : 1, nk = in->nkey ? in->nkey : 1;
    in->q = sk_xreallocarray(in->q, in->qcap * nc, sizeof *in->q);
    in->qline = sk_xreallocarray(in->qline, in->qcap, sizeof *in->qline);
    in->qkoff = sk_xreallocarray(in->qkoff, in->qcap * nk,
                                 sizeof *in->qkoff);
    in->qklen = sk_xreallocarray(in->qklen, in->qcap * nk,
                                 sizeof *in->qklen);
    in->qkmiss = sk_xreallocarray(in->qkmiss, in->qcap * nk,
                                  sizeof *in->qkmiss);
    in->qcur = in->q + in->qn * in->ncol;
}

static void __attribute__((noinline))
stream_key(struct input *in, size_t k, const char *s, size_t len)
{
    size_t j = in->qn * in->nkey + k;
    in->qkmiss[j] = is_missing(in, s, len);
    if (in->qkmiss[j])
        return;
    if (in->kblen + len + 1 > in->kbcap) {
        while (in->kblen + len + 1 > in->kbcap)
            in->kbcap = in->kbcap ? 2 * in->kbcap : 4096;
        in->kbuf = sk_xrealloc(in->kbuf, in->kbcap);
    }
    if (len)
        memcpy(in->kbuf + in->kblen, s, len);
    in->kbuf[in->kblen + len] = '\0';
    in->qkoff[j] = in->kblen;
    in->qklen[j] = len;
    in->kblen += len + 1;
}

/* A field that is no number: kept when it is the row's first in column
 * order, for the message. */
static void __attribute__((noinline))
stream_bad(struct input *in, size_t i, enum num_status st, const char *s,
           size_t len)
{
    if (i > in->bad)
        return;
    if (len + 1 > in->badcap) {
        in->badcap = len + 1;
        in->badtext = sk_xrealloc(in->badtext, in->badcap);
    }
    if (len)
        memcpy(in->badtext, s, len);
    in->badtext[len] = '\0';
    in->badlen = len;
    in->bad = i;
    in->badst = st;
}

static void __attribute__((noinline))
stream_field_slow(struct input *in, size_t c, const char *s, size_t len)
{
    const size_t ncol = in->ncol;
    struct input_cell *cells = in->qcur;
    for (size_t t = in->tfirst[c], end = in->tfirst[c + 1]; t < end; t++) {
        size_t i = in->tgt[t];
        if (i >= ncol)
            stream_key(in, i - ncol, s, len);
        else {
            enum num_status st = read_cell(in, in->na_numeric, in->mark, s,
                                           len, &cells[i]);
            if (__builtin_expect(st != NUM_OK, 0))
                stream_bad(in, i, st, s, len);
        }
    }
}

/* A field: the common case (a short decimal of a column read as one
 * number) inline and without a frame, the rest by stream_field_slow. */
static void stream_field(void *ctx, size_t c, const char *s, size_t len)
{
    struct input *in = ctx;
    size_t i = in->one[c];
    if (__builtin_expect(i != NO_BAD, 1)) {
        struct input_cell *cell = in->qcur + i;
        if (num_parse_short(s, len, in->mark, &cell->v)) {
            cell->missing = 0;
            return;
        }
    }
    stream_field_slow(in, c, s, len);
}

/* The keys of queued row Q. */
static inline void stream_keys(struct input *in, size_t q)
{
    for (size_t k = 0; k < in->nkey; k++) {
        size_t j = q * in->nkey + k;
        in->key_missing[k] = in->qkmiss[j];
        in->key[k] = in->qkmiss[j] ? "NA" : in->kbuf + in->qkoff[j];
        in->key_len[k] = in->qkmiss[j] ? 2 : in->qklen[j];
    }
}

/* Queued row Q into ROW. */
static inline void stream_fill(struct input *in, size_t q,
                               struct input_row *row)
{
    stream_keys(in, q);
    row->cell = in->q + q * in->ncol;
    row->key = in->key;
    row->key_len = in->key_len;
    row->key_missing = in->key_missing;
    row->line = in->qline[q];
    row->group = in->by >= 0 ? in->key[0] : NULL;
    row->group_len = in->by >= 0 ? in->key_len[0] : 0;
    row->field = NULL;
    row->field_len = NULL;
    row->nfields = in->nfields;
}

/* A complete row: queued, or its error kept (and the reading stopped). */
static int stream_row(void *ctx, unsigned long line)
{
    struct input *in = ctx;
    if (__builtin_expect(in->bad != NO_BAD, 0)) {
        in->qerr = cell_error(in, line, in->bad, in->badst, in->badtext,
                              in->badlen);
        return 1;
    }
    if (in->each) {
        /* input_each: at slot 0 (qn is 0), handed on at once; erow is
         * that slot's but for the line and the group */
        in->erow.line = line;
        if (in->nkey) {
            stream_keys(in, 0);
            if (in->by >= 0) {
                in->erow.group = in->key[0];
                in->erow.group_len = in->key_len[0];
            }
        }
        in->each(in->each_ctx, &in->erow);
        in->kblen = 0;
        return 0;
    }
    in->qline[in->qn] = line;
    in->krow = in->kblen;
    in->qcur += in->ncol;
    if (++in->qn == in->qcap)
        stream_grow(in);
    return 0;
}

/* The tables of where each column's field goes, and the first queue. */
static void stream_init(struct input *in)
{
    size_t ncols = csvin_ncols(in->csv), n = in->ncol + in->nkey;
    in->want = sk_xcalloc(ncols, sizeof *in->want);
    in->one = sk_xcalloc(ncols, sizeof *in->one);
    in->tfirst = sk_xcalloc(ncols + 1, sizeof *in->tfirst);
    in->tgt = sk_xcalloc(n ? n : 1, sizeof *in->tgt);
    size_t t = 0;
    for (size_t c = 0; c < ncols; c++) {
        in->tfirst[c] = t;
        for (size_t i = 0; i < in->ncol; i++)
            if (in->col[i] == c)
                in->tgt[t++] = i;
        for (size_t k = 0; k < in->nkey; k++)
            if (in->keycol[k] == c)
                in->tgt[t++] = in->ncol + k;
        in->want[c] = t > in->tfirst[c];
        in->one[c] = t == in->tfirst[c] + 1 && in->tgt[t - 1] < in->ncol &&
                     !in->na_numeric ? in->tgt[t - 1] : NO_BAD;
    }
    in->tfirst[ncols] = t;
    in->sink = (struct csvin_sink){ in->want, stream_field, stream_row, in };
    in->bad = NO_BAD;
    stream_grow(in);
    in->nfields = ncols;
    in->stream = 1;
}

/* The queue emptied, all rows returned: the row being read (its fields
 * so far) moved to its start. */
static void stream_restart(struct input *in)
{
    size_t qn = in->qn, nk = in->nkey;
    if (qn > 0) {
        memcpy(in->q, in->q + qn * in->ncol, in->ncol * sizeof *in->q);
        memcpy(in->qkmiss, in->qkmiss + qn * nk, nk * sizeof *in->qkmiss);
        memcpy(in->qklen, in->qklen + qn * nk, nk * sizeof *in->qklen);
        for (size_t k = 0; k < nk; k++)
            in->qkoff[k] = in->qkoff[qn * nk + k] - in->krow;
    }
    if (in->krow) {
        memmove(in->kbuf, in->kbuf + in->krow, in->kblen - in->krow);
        in->kblen -= in->krow;
        in->krow = 0;
    }
    in->qpos = in->qn = 0;
    in->qcur = in->q;
}

/* The next queued row into ROW. */
static inline void stream_take(struct input *in, struct input_row *row)
{
    stream_fill(in, in->qpos++, row);
}

/* The reader's error, with the delimiter hint when it fits. */
static char *stream_error(const struct input *in)
{
    const char *hint = delimiter_hint(in, NULL, 0);
    char *err = sk_xstrdup(csvin_errmsg(in->csv));
    return hint ? add_hint(err, hint) : err;
}

/* The reading stopped (csvin_stream's RC) with no row left: the error
 * of a row (-1), the reader's (-1), or the end (0). */
static int stream_end(const struct input *in, int rc, char **err)
{
    if (in->qerr) {
        *err = sk_xstrdup(in->qerr);
        return -1;
    }
    if (rc < 0) {
        *err = stream_error(in);
        return -1;
    }
    return 0;
}

/* The queue empty: refilled from the next chunks, or the end, or the
 * error after the rows queued. */
static int __attribute__((noinline))
stream_next(struct input *in, struct input_row *row, char **err)
{
    if (in->qerr) {
        *err = sk_xstrdup(in->qerr);
        return -1;
    }
    stream_restart(in);
    int rc = 1;
    while (in->qn == 0 && !in->qerr && rc > 0)
        rc = csvin_stream(in->csv, &in->sink);
    if (in->qn == 0)
        return stream_end(in, rc, err);
    stream_take(in, row);
    return 1;
}

int input_try_each(struct input *in,
                   void (*each)(void *ctx, const struct input_row *row),
                   void *ctx, char **err)
{
    struct input_row row;
    int rc;
    /* the rows read as rows, or queued (the read-ahead) */
    while (!in->stream || in->qpos < in->qn) {
        if ((rc = input_try_next(in, &row, err)) <= 0)
            return rc;
        each(ctx, &row);
    }
    stream_restart(in);
    stream_fill(in, 0, &in->erow);
    in->each = each;
    in->each_ctx = ctx;
    rc = 1;
    while (!in->qerr && rc > 0)
        rc = csvin_stream(in->csv, &in->sink);
    in->each = NULL;
    return stream_end(in, rc, err);
}

void input_each(struct input *in,
                void (*each)(void *ctx, const struct input_row *row),
                void *ctx)
{
    char *err;
    if (input_try_each(in, each, ctx, &err) < 0)
        sk_die("%s", err);
}

void input_drop_fields(struct input *in)
{
    in->drop_fields = 1;
}

static int __attribute__((noinline))
next_row(struct input *in, struct input_row *row, char **err);

int input_try_next(struct input *in, struct input_row *row, char **err)
{
    if (__builtin_expect(in->qpos < in->qn, 1)) {    /* a row queued */
        stream_take(in, row);
        return 1;
    }
    return next_row(in, row, err);
}

/* input_try_next's every other case: a row read as a row, or the queue
 * refilled. */
static int next_row(struct input *in, struct input_row *row, char **err)
{
    struct csvin_row r;
    if (!in->names_checked) {
        in->names_checked = 1;
        if ((*err = blank_name(in)) != NULL)
            return -1;
        if (in->drop_fields)
            stream_init(in);
    }
    if (in->stream)
        return stream_next(in, row, err);
    int rc = csvin_read(in->csv, &r);
    if (rc < 0) {
        /* a ragged or malformed row of a one-column file: the delimiter? */
        const char *hint = delimiter_hint(in, NULL, 0);
        *err = sk_xstrdup(csvin_errmsg(in->csv));
        if (hint)
            *err = add_hint(*err, hint);
        return -1;
    }
    if (rc == 0)
        return 0;
    /* in locals: the stores to the cells could alias them */
    const size_t *col = in->col, ncol = in->ncol;
    struct input_cell *cells = in->cells;
    const int na_numeric = in->na_numeric;
    const char mark = in->mark;
    for (size_t i = 0; i < ncol; i++) {
        size_t c = col[i];
        const char *s = r.field[c];
        size_t len = r.len[c];
        enum num_status st = read_cell(in, na_numeric, mark, s, len,
                                       &cells[i]);
        if (st != NUM_OK) {
            *err = cell_error(in, r.line, i, st, s, len);
            return -1;
        }
    }
    for (size_t k = 0; k < in->nkey; k++) {
        size_t c = in->keycol[k];
        in->key_missing[k] = is_missing(in, r.field[c], r.len[c]);
        in->key[k] = in->key_missing[k] ? "NA" : r.field[c];
        in->key_len[k] = in->key_missing[k] ? 2 : r.len[c];
    }
    row->cell = in->cells;
    row->key = in->key;
    row->key_len = in->key_len;
    row->key_missing = in->key_missing;
    row->line = r.line;
    row->group = in->by >= 0 ? in->key[0] : NULL;
    row->group_len = in->by >= 0 ? in->key_len[0] : 0;
    row->field = r.field;
    row->field_len = r.len;
    row->nfields = r.nfields;
    return 1;
}

int input_next(struct input *in, struct input_row *row)
{
    if (__builtin_expect(in->qpos < in->qn, 1)) {    /* a row queued */
        stream_take(in, row);
        return 1;
    }
    char *err;
    int rc = input_try_next(in, row, &err);
    if (rc < 0)
        sk_die("%s", err);
    return rc;
}

void input_close(struct input *in)
{
    if (!in)
        return;
    csvin_close(in->csv);
    for (size_t i = 0; i < in->nna; i++)
        free(in->na[i]);
    free(in->na);
    free(in->na_len);
    free(in->col);
    free(in->cells);
    free(in->keycol);
    free(in->key);
    free(in->key_len);
    free(in->key_missing);
    free(in->want);
    free(in->one);
    free(in->tfirst);
    free(in->tgt);
    free(in->q);
    free(in->qline);
    free(in->kbuf);
    free(in->qkoff);
    free(in->qklen);
    free(in->qkmiss);
    free(in->badtext);
    free(in->qerr);
    free(in);
}
