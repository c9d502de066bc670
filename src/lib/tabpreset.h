/* tabpreset.h - the standard paper table of each program's output, and
 * the APA sentences of its rows, as sk-table's column templates.
 *
 * A preset is data: the columns (tabbuild.h templates), the notes and the
 * columns that identify the program whose output it lays out. "{CI}" in
 * its text stands for the interval's label ("95% CI"), filled in by
 * tabpreset_get from the --level the caller was given. */
#ifndef SK_TABPRESET_H
#define SK_TABPRESET_H

#include <stddef.h>

#include "tabbuild.h"
#include "tabin.h"

struct tabpreset {
    const char *name;               /* describe, freq, ... */
    const char *program;            /* sk-describe ... */
    const char *const *needs;       /* columns its input must have */
    struct tabbuild_col *col;       /* after tabpreset_get: {CI} filled */
    size_t ncols;
    const char **notes;
    size_t nnotes;
    int blank_repeats;
};

/* The names of the presets, "describe, freq, ..." (static). */
const char *tabpreset_names(void);

/* Preset NAME (or, APA = 1, the APA sentences of NAME's program) with
 * "{CI}" as CI_LABEL; "auto" finds the program by IN's columns. NULL and
 * *err (to free()) when NAME is unknown or IN is not its program's
 * output. Free with tabpreset_free. */
struct tabpreset *tabpreset_get(const char *name, int apa,
                                const struct tabin *in,
                                const char *ci_label, char **err);

void tabpreset_free(struct tabpreset *p);

#endif
