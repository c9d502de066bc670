/* fuzz-codebook.c - the codebook reader (codebook.h).
 *
 * Input: the codebook file. Invariants: an error names the file and is
 * one short line; in a codebook read, each level set's codes increase strictly
 * from min to max, each level's own label and its code (printed with
 * %.17g) match it, codebook_level_index finds it, a reverse-keyed item's
 * keyed codes are finite and within its range (up to rounding), and the
 * indexes between items, level sets and scales are in range. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "lib/codebook.h"

static void check_levels(const struct codebook_levels *l)
{
    FUZZ_ASSERT(l->n >= 1);
    FUZZ_ASSERT(l->min == l->level[0].code);
    FUZZ_ASSERT(l->max == l->level[l->n - 1].code);
    for (size_t i = 0; i < l->n; i++) {
        const struct codebook_level *lv = &l->level[i];
        double code;
        FUZZ_ASSERT(isfinite(lv->code));
        if (i)
            FUZZ_ASSERT(lv->code > l->level[i - 1].code);
        if (lv->label[0]) {
            FUZZ_ASSERT(codebook_match(l, lv->label, strlen(lv->label),
                                       &code) == CODEBOOK_OK);
            FUZZ_ASSERT(code == lv->code);
        }
        char printed[64];
        snprintf(printed, sizeof printed, "%.17g", lv->code);
        FUZZ_ASSERT(codebook_match(l, printed, strlen(printed), &code) ==
                    CODEBOOK_OK);
        FUZZ_ASSERT(code == lv->code);
        FUZZ_ASSERT(codebook_level_index(l, lv->code) == i);
    }
    char *text = codebook_levels_text(l);
    FUZZ_ASSERT(text != NULL);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_path(data, size);
    char *err = NULL;
    struct codebook *cb = codebook_read(path, &err);
    if (!cb) {
        FUZZ_ASSERT(err != NULL);
        FUZZ_ASSERT(strncmp(err, path, strlen(path)) == 0);
        /* One short line, whatever the fields it quotes (found by this
         * harness: codebook.c quoted fields raw, line breaks and all;
         * the regress/codebook cases with "newline" in their names). */
        FUZZ_ASSERT(strlen(err) < 4096);
        FUZZ_ASSERT(strchr(err, '\n') == NULL);
        free(err);
        return 0;
    }
    FUZZ_ASSERT(err == NULL);
    for (size_t i = 0; i < cb->nlevels; i++)
        check_levels(&cb->levels[i]);
    for (size_t i = 0; i < cb->nitems; i++) {
        const struct codebook_item *it = &cb->item[i];
        FUZZ_ASSERT(it->levels == CODEBOOK_NONE || it->levels < cb->nlevels);
        FUZZ_ASSERT(it->scale == CODEBOOK_NONE || it->scale < cb->nscales);
        if (it->reverse) {
            FUZZ_ASSERT(it->has_range);
            FUZZ_ASSERT(it->min < it->max);
            double lo = codebook_keyed(cb, i, it->max);
            double hi = codebook_keyed(cb, i, it->min);
            FUZZ_ASSERT(isfinite(lo) && isfinite(hi));
            double tol = 1e-12 * (fabs(it->min) + fabs(it->max));
            FUZZ_ASSERT(fabs(lo - it->min) <= tol);
            FUZZ_ASSERT(fabs(hi - it->max) <= tol);
        }
    }
    for (size_t s = 0; s < cb->nscales; s++) {
        const struct codebook_scale *sc = &cb->scale[s];
        FUZZ_ASSERT(sc->nitems >= 1);
        FUZZ_ASSERT(sc->min_items >= 1 && sc->min_items <= sc->nitems);
        for (size_t k = 0; k < sc->nitems; k++)
            FUZZ_ASSERT(sc->item[k] < cb->nitems &&
                        cb->item[sc->item[k]].scale == s);
        FUZZ_ASSERT(codebook_find_scale(cb, sc->name) == s);
    }
    codebook_free(cb);
    return 0;
}
