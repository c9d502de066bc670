/* strmap.c - strings to first-seen indexes, an open-addressing hash. */
#include <config.h>

#include "strmap.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct strmap {
    size_t *slots;        /* index + 1, 0 for empty */
    size_t cap;
    char **keys;
    size_t *lens;
    size_t n, kcap;
};

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = UINT64_C(1469598103934665603);    /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

struct strmap *strmap_new(void)
{
    struct strmap *m = sk_xcalloc(1, sizeof *m);
    m->cap = 64;
    m->slots = sk_xcalloc(m->cap, sizeof *m->slots);
    return m;
}

void strmap_free(struct strmap *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->lens);
    free(m->slots);
    free(m);
}

static void rehash(struct strmap *m)
{
    size_t ncap = 2 * m->cap;
    size_t *ns = sk_xcalloc(ncap, sizeof *ns);
    for (size_t i = 0; i < m->n; i++) {
        size_t j = hash_bytes(m->keys[i], m->lens[i]) & (ncap - 1);
        while (ns[j])
            j = (j + 1) & (ncap - 1);
        ns[j] = i + 1;
    }
    free(m->slots);
    m->slots = ns;
    m->cap = ncap;
}

size_t strmap_intern(struct strmap *m, const char *s, size_t len, int *added)
{
    size_t j = hash_bytes(s, len) & (m->cap - 1);
    while (m->slots[j]) {
        size_t i = m->slots[j] - 1;
        if (m->lens[i] == len && memcmp(m->keys[i], s, len) == 0) {
            if (added)
                *added = 0;
            return i;
        }
        j = (j + 1) & (m->cap - 1);
    }
    if (m->n == m->kcap) {
        m->kcap = m->kcap ? 2 * m->kcap : 16;
        m->keys = sk_xreallocarray(m->keys, m->kcap, sizeof *m->keys);
        m->lens = sk_xreallocarray(m->lens, m->kcap, sizeof *m->lens);
    }
    m->keys[m->n] = sk_xstrndup(s, len);
    m->lens[m->n] = len;
    m->slots[j] = ++m->n;
    if (added)
        *added = 1;
    if (2 * m->n > m->cap)
        rehash(m);
    return m->n - 1;
}

size_t strmap_intern2(struct strmap *m, const char *a, size_t alen,
                      const char *b, size_t blen, char **buf, size_t *cap,
                      int *added)
{
    size_t klen = alen + 1 + blen;
    if (klen > *cap) {
        *cap = 2 * klen;
        *buf = sk_xrealloc(*buf, *cap);
    }
    if (alen)
        memcpy(*buf, a, alen);
    (*buf)[alen] = '\0';
    memcpy(*buf + alen + 1, b, blen);
    return strmap_intern(m, *buf, klen, added);
}

size_t strmap_size(const struct strmap *m)
{
    return m->n;
}

const char *strmap_key(const struct strmap *m, size_t i)
{
    return m->keys[i];
}
