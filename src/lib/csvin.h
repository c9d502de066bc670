/* csvin.h - rows of a CSV or TSV file, read with libcsv.
 *
 * RFC 4180 through libcsv in strict mode: quoted fields with embedded
 * delimiters, quotes and newlines, CRLF or LF line ends, a UTF-8
 * byte-order mark at the start. Blank lines are skipped (as R's read.csv
 * does). Every row must have as many fields as the first one. A NUL byte
 * anywhere is an error (it would cut a field short as a C string). The
 * reader knows nothing of numbers or statistics.
 *
 * Text must be UTF-8: a file that starts with a UTF-16 byte-order mark
 * (FF FE or FE FF, Excel's "Unicode text") is refused at once, and so is
 * a header whose names are not valid UTF-8 (a Latin-1 or Windows-1252
 * export), with a message saying what the file is and how to convert it.
 * Only the header is checked: data fields are numbers, or labels that
 * must match a codebook's. */
#ifndef SK_CSVIN_H
#define SK_CSVIN_H

#include <stddef.h>
#include <stdio.h>

struct csvin;

struct csvin_opts {
    unsigned char delim;   /* ',' for CSV, '\t' for TSV, or ';', '|' ... */
    int header;            /* 1: the first row names the columns */
    int keep_blanks;       /* 1: the blanks around an unquoted field are
                              kept (libcsv drops them by default) */
};

/* One row. The pointers are valid until the next csvin_read(). Fields are
 * NUL-terminated; len[i] is the length of field i. */
struct csvin_row {
    size_t nfields;
    const char *const *field;
    const size_t *len;
    unsigned long line;    /* physical line (1-based) where the row starts */
};

/* Open PATH ("-" or NULL for standard input) and read the header (or the
 * first row, which sets the number of columns). Returns NULL on failure
 * and sets *errmsg to a message to free(), already prefixed with the file
 * name: "survey.csv: No such file or directory". */
struct csvin *csvin_open(const char *path, const struct csvin_opts *opts,
                         char **errmsg);

/* csvin_open reading CHUNK bytes at a time (csvin_open: 64 KiB; 0 means
 * that; at least 8), so that tests and fuzzers reach rows split between
 * reads. */
struct csvin *csvin_open_chunked(const char *path,
                                 const struct csvin_opts *opts, size_t chunk,
                                 char **errmsg);

/* The same on an open stream FP (not closed by csvin_close), named NAME
 * in messages: sk-import's text after its conversion to UTF-8. */
struct csvin *csvin_open_stream(FILE *fp, const char *name,
                                const struct csvin_opts *opts, char **errmsg);

/* The next data row: 1 and *row filled; 0 at the end; -1 on error, with
 * the message ("FILE:LINE: ...") in csvin_errmsg(). A ragged row is an
 * error, and so is a file whose header has no data rows, and a NUL byte
 * ("FILE:LINE: column 'b': embedded NUL byte"; in the header the column
 * is named by number). Returned fields never hold a NUL byte. */
int csvin_read(struct csvin *r, struct csvin_row *row);

/* The fields of chosen columns, handed over as libcsv reads them instead
 * of rows: no copy of a row, and the other columns are not looked at.
 * field(ctx, COL, S, LEN): field COL of the row being read, S (LEN bytes,
 * not NUL-terminated) valid only during the call; then row(ctx, LINE)
 * once the row is complete and valid (as csvin_read would return it; a
 * ragged row or a NUL byte is an error instead, and its fields handed
 * over before are to be dropped). row returns 0, or nonzero to stop: no
 * further callbacks. */
struct csvin_sink {
    const unsigned char *want;    /* csvin_ncols() flags: hand column over */
    void (*field)(void *ctx, size_t col, const char *s, size_t len);
    int (*row)(void *ctx, unsigned long line);
    void *ctx;
};

/* Read on through SINK (the same one each call; csvin_read not called
 * after the first): the rows csvin_open read ahead, or the next chunk of
 * the input. Returns 1 (rows may have come, and the next call may report
 * an error found after them), 0 at the end or once the sink stopped, -1
 * on error with csvin_errmsg() (the messages of csvin_read). */
int csvin_stream(struct csvin *r, const struct csvin_sink *sink);

const char *csvin_errmsg(const struct csvin *r);

/* The name used in messages: the path, or "(standard input)". */
const char *csvin_filename(const struct csvin *r);

/* Number of columns and their names (header, or V1, V2 ... without one). */
size_t csvin_ncols(const struct csvin *r);
const char *const *csvin_names(const struct csvin *r);

/* The line of the header (1 unless blank lines come before it). */
unsigned long csvin_header_line(const struct csvin *r);

/* Number of data rows returned so far. */
unsigned long csvin_nrows(const struct csvin *r);

void csvin_close(struct csvin *r);

#endif
