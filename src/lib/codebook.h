/* codebook.h - a survey's codebook: its items, their ordered response
 * levels and the scales they make up; and the reading of the items of a
 * table through it.
 *
 * The codebook is a CSV file with a header row; the columns are found by
 * name (in any order; other columns, such as the wording of an item, are
 * ignored) and each row declares one thing, by its 'type':
 *
 *   type   name        other columns
 *   level  LEVEL-SET   code (a number, required), label, missing (yes/no:
 *                      a non-substantive answer, e.g. Don't know)
 *   item   COLUMN      levels (a level set; may be empty when there is
 *                      only one; 'none': no levels, codes read as
 *                      numbers), scale (or empty), reverse (yes/no),
 *                      alias (the column's long header, when the data
 *                      names the item by it)
 *   scale  SCALE       scoring (mean or sum; default mean), min (answered
 *                      items needed for a score; default all)
 *
 * Any row may have a 'text': an item's wording, a scale's label (shown by
 * sk-table; empty: none).
 *
 * Rows whose type is empty or starts with '#' are comments. A level set's
 * levels are ordered by code; labels are matched without regard to case
 * (ASCII) and surrounding blanks. Every error names the codebook line.
 *
 * The model and the file reader only: the options that choose a program's
 * items are in codebook-cli.h, the reading of the data in codebook-data.h. */
#ifndef SK_CODEBOOK_H
#define SK_CODEBOOK_H

#include <math.h>
#include <stddef.h>


#define CODEBOOK_NONE ((size_t)-1)

/* The codebook's format, for each program's --help. */
extern const char codebook_help[];

struct codebook_level {
    double code;
    char *label;
    unsigned long line;
};

/* A level set: its substantive levels level[0..n), which alone are
 * values (statistics, kappa's categories, the declared range), and its
 * non-substantive ones (missing=yes: Don't know, Not applicable)
 * aside[0..naside), answers that are counted apart and are never a
 * value. */
struct codebook_levels {
    char *name;
    struct codebook_level *level;   /* in increasing order of code */
    size_t n;
    struct codebook_level *aside;   /* in increasing order of code */
    size_t naside;
    double min, max;                /* the lowest and highest substantive
                                       code */
    unsigned long line;             /* where it is first declared */
};

struct codebook_item {
    char *name;
    size_t levels;     /* index of its level set, or CODEBOOK_NONE: codes
                          are read as numbers, as they are */
    size_t scale;      /* index of its scale, or CODEBOOK_NONE */
    int reverse;       /* reverse-keyed */
    char *text;        /* its wording (the 'text' column), or NULL */
    char *alias;       /* the long column header it stands for, or NULL */
    int has_range;     /* min and max are declared (by levels or --range) */
    double min, max;
    size_t column;     /* its data column, or CODEBOOK_NONE until bound */
    unsigned long line;    /* 0 when not read from a file */
};

struct codebook_scale {
    char *name;
    char *text;        /* its label (the 'text' column), or NULL */
    int sum;           /* 1: sum of the items, 0: mean */
    size_t min_items;  /* answered items needed for a score (>= 1) */
    size_t *item;      /* its items (indexes), in codebook order */
    size_t nitems;
    unsigned long line;
};

struct codebook {
    char *file;        /* the codebook's name in messages, or NULL */
    struct codebook_levels *levels;
    size_t nlevels;
    struct codebook_item *item;
    size_t nitems;
    struct codebook_scale *scale;
    size_t nscales;
};

/* Read the codebook at PATH: the codebook, or NULL with *err set to a
 * message to free() ("codebook.csv:7: level 'Agree' has no code"). */
struct codebook *codebook_read(const char *path, char **err);

/* An empty codebook, to be filled by the functions below. */
struct codebook *codebook_new(void);
void codebook_free(struct codebook *cb);

/* Add an item (no levels, no scale, not reversed) or a scale; return its
 * index. */
size_t codebook_add_item(struct codebook *cb, const char *name, size_t column);
size_t codebook_add_scale(struct codebook *cb, const char *name, int sum,
                          size_t min_items);
void codebook_scale_add_item(struct codebook *cb, size_t scale, size_t item);

/* The index of the scale named NAME, or CODEBOOK_NONE. */
size_t codebook_find_scale(const struct codebook *cb, const char *name);
/* The level set and the item of NAME, or CODEBOOK_NONE. */
size_t codebook_find_levels(const struct codebook *cb, const char *name);
size_t codebook_find_item(const struct codebook *cb, const char *name);

/* The LEN bytes at *S without the blanks (space, tab) around them. */
void codebook_trim(const char **s, size_t *len);

enum codebook_match {
    CODEBOOK_OK = 0,
    CODEBOOK_NOT_LEVEL,        /* neither a label nor a declared code */
    CODEBOOK_OUT_OF_RANGE,     /* a number below the lowest or above the
                                  highest declared code */
    CODEBOOK_ASIDE             /* a non-substantive level (missing=yes):
                                  *code is its code, never a value */
};

/* The code of the answer at S (LEN bytes): a level's label (case and the
 * blanks around it ignored) or one of its codes as a number; CODEBOOK_OK
 * for a substantive level, CODEBOOK_ASIDE for a non-substantive one. */
enum codebook_match codebook_match(const struct codebook_levels *l,
                                   const char *s, size_t len, double *code);

/* The index of the level with code CODE, or CODEBOOK_NONE. */
size_t codebook_level_index(const struct codebook_levels *l, double code);
/* The index in l->aside of the non-substantive level CODE, or
 * CODEBOOK_NONE. */
size_t codebook_aside_index(const struct codebook_levels *l, double code);

/* Whether any level set of CB has a non-substantive level (then the
 * programs print their 'aside' columns). */
int codebook_has_aside(const struct codebook *cb);

/* A level set of the integer codes LO..HI, each labelled by itself, named
 * NAME (--levels=LO:HI); returns its index. */
size_t codebook_add_int_levels(struct codebook *cb, const char *name,
                               long lo, long hi);

/* "1=Strongly disagree, 2=Disagree, ..., 9=Don't know (missing)" for
 * messages; to free(). */
char *codebook_levels_text(const struct codebook_levels *l);

/* The code as scored: (min + max) - code for a reverse-keyed item, min
 * and max those declared; the code itself otherwise. The one place where
 * reverse keying is done. */
static inline double codebook_keyed(const struct codebook *cb, size_t item,
                                    double code)
{
    const struct codebook_item *it = &cb->item[item];
    if (!it->reverse || isnan(code))
        return code;
    /* (min - code) + max: never beyond the range of a double for a code
     * in [min, max], as (min + max) - code can be (min = 1e308) */
    return (it->min - code) + it->max;
}

/* Bind each item of a codebook read from a file to the data column of its
 * name, or else to the column whose header (blanks around it trimmed) is
 * its alias: 0, or -1 with *err (to free()) naming the codebook line of
 * an item that is not a column of DATAFILE under either, names two, or
 * whose name and alias are two different columns. */
int codebook_bind(struct codebook *cb, const char *const *names, size_t ncols,
                  const char *datafile, char **err);

#endif
