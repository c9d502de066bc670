/* export.h - a survey platform's CSV export, read whole and understood:
 * which platform wrote it, its header rows, the question text and a short
 * name of each column, the responses to keep (not previews, spam or, by
 * default, unfinished ones), and what each column holds (labelled answers
 * in a known order, numbers, free text). sk-import writes the clean table
 * and the draft codebook from it (csvout.h, draftcb.h). Knows nothing of
 * statistics; its messages are returned, not printed. */
#ifndef SK_EXPORT_H
#define SK_EXPORT_H

#include <stddef.h>

#include "vocab.h"

enum export_platform {
    EXPORT_AUTO, EXPORT_CSV, EXPORT_QUALTRICS, EXPORT_SURVEYMONKEY,
    EXPORT_FORMS
};

struct export_opts {
    const char *path;          /* NULL or "-": standard input */
    int from;                  /* enum export_platform */
    unsigned char delim;       /* 0: found from the first line */
    int decimal_comma;         /* -1: found (only with a delimiter other
                                  than ','), 0 no, 1 yes */
    int keep_unfinished;
    const char *encoding;      /* --encoding, or NULL: found */
    const char *na;            /* --na: missing-value tokens, comma-
                                  separated (NULL: "NA"), besides empty */
};

enum export_kind {
    EXPORT_META,       /* the platform's own: dates, ids, status ... */
    EXPORT_LABELLED,   /* answers of a known ordered vocabulary */
    EXPORT_NUMSCALE,   /* integer codes, some labelled "10 - Very high" */
    EXPORT_NUMBER,     /* numbers (perhaps with free text: ntext) */
    EXPORT_NOMINAL,    /* a few repeated labels of no known order */
    EXPORT_TEXT,       /* free text */
    EXPORT_EMPTY       /* no answers at all */
};

struct export_col {
    char *id;          /* the first header row's field, as exported */
    char *text;        /* the question text, blanks collapsed */
    char *name;        /* the clean name: short, unique, [A-Za-z0-9_] */
    char *group;       /* the matrix question it belongs to, or NULL */
    char *group_text;  /* that question's text, or NULL */
    int kind;
    int identifying;   /* the platform's name, e-mail, IP address,
                          location of the respondent */
    /* EXPORT_LABELLED: the vocabulary and each of its levels' labels
     * (as answered, else the vocabulary's), lowest first; the
     * non-substantive labels answered. */
    const struct vocab *vocab;
    char **label;
    size_t nlabel;
    char **nslabel;
    size_t nns;
    /* EXPORT_NUMSCALE: codes lo..hi, endlabel[code - lo] a label or NULL;
     * EXPORT_NUMBER: the range, when every number is an integer. */
    long lo, hi;
    char **endlabel;
    int integer;
    long apart;        /* EXPORT_NUMBER: a code apart from the rest (9
                          after 1 to 5), or 0 */
    size_t ntext;      /* EXPORT_NUMBER: answers that are not numbers */
    size_t ndistinct;
    char **distinct;   /* EXPORT_NOMINAL: its answers, first seen first */
};

struct export {
    char *file;                /* the name in messages */
    int platform;
    size_t nheader;            /* header rows */
    const char *encoding;      /* what textenc found */
    unsigned char delim;
    int delim_found;           /* 1: found, 0: given */
    int decimal_comma;
    size_t ncols;
    struct export_col *col;
    size_t nrows;              /* responses kept */
    char ***row;               /* row[r][c] */
    unsigned long *line;       /* the line where each starts */
    size_t nread;              /* responses read, before leaving out */
    char **note;               /* messages for stderr, in order */
    int *warning;              /* 1: note[i] asks the user to decide */
    char **na;                 /* the missing-value tokens */
    size_t nna;
    size_t nnotes;
};

/* Read and understand the export: the export, or NULL with *err (to
 * free(), prefixed with the file name and line where known) and *status
 * 1 (bad data or I/O). */
struct export *export_read(const struct export_opts *o, char **err);
void export_free(struct export *e);

/* Leave out the columns that identify respondents; their number. */
size_t export_drop_identifying(struct export *e);

/* Up to MAX significant words of TEXT joined by '_' ("partner_related_
 * equals"), as column names are made; NULL when it has no words. */
char *export_short_name(const char *text, size_t max);

/* "Qualtrics" ... */
const char *export_platform_name(int platform);

#endif
