/* strmap.h - a map from strings to their first-seen index 0, 1, 2 ... */
#ifndef SK_STRMAP_H
#define SK_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap;

struct strmap *strmap_new(void);
void strmap_free(struct strmap *m);

/* The index of the LEN bytes at S, adding them (a copy) when new;
 * *added tells which. */
size_t strmap_intern(struct strmap *m, const char *s, size_t len, int *added);

/* The same with the key's hash h = strmap_hash(S, LEN) known; and a hint
 * that the key of hash h is to be looked up soon (its slot is fetched
 * into the cache meanwhile: see group_pipe). */
uint64_t strmap_hash(const char *s, size_t len);
size_t strmap_intern_hashed(struct strmap *m, uint64_t h, const char *s,
                            size_t len, int *added);
void strmap_prefetch(const struct strmap *m, uint64_t h);

/* The same for the composite key A "\0" B (a pair or respondent id
 * within its group: "group\0id"), built in *BUF (grown, *CAP bytes; the
 * caller frees it), so that no row allocates. */
size_t strmap_intern2(struct strmap *m, const char *a, size_t alen,
                      const char *b, size_t blen, char **buf, size_t *cap,
                      int *added);

size_t strmap_size(const struct strmap *m);

/* The string of index i (NUL-terminated). */
const char *strmap_key(const struct strmap *m, size_t i);

#endif
