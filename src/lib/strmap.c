/* strmap.c - strings to first-seen indexes, an open-addressing hash. */
#include <config.h>

#include "strmap.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A slot (32 bytes) holds the key's hash, its index + 1 (0: empty), its
 * length and, when it is at most STRMAP_INLINE bytes (a group name, a
 * short id), the key itself: a lookup reads one slot, not the key
 * arrays, so that with many groups in no order a row costs one cache
 * miss here, not four. */
#define STRMAP_INLINE 8

struct strmap_slot {
    uint64_t hash;
    size_t idx;
    size_t len;
    char key[STRMAP_INLINE];
};

struct strmap {
    struct strmap_slot *slots;
    size_t cap;
    char **keys;
    size_t n, kcap;
};

uint64_t strmap_hash(const char *s, size_t len)
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
    free(m->slots);
    free(m);
}

static void rehash(struct strmap *m)
{
    size_t ncap = 2 * m->cap;
    struct strmap_slot *ns = sk_xcalloc(ncap, sizeof *ns);
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].idx)
            continue;
        size_t j = m->slots[i].hash & (ncap - 1);
        while (ns[j].idx)
            j = (j + 1) & (ncap - 1);
        ns[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = ns;
    m->cap = ncap;
}

void strmap_prefetch(const struct strmap *m, uint64_t h)
{
    __builtin_prefetch(&m->slots[h & (m->cap - 1)]);
}

size_t strmap_intern(struct strmap *m, const char *s, size_t len, int *added)
{
    return strmap_intern_hashed(m, strmap_hash(s, len), s, len, added);
}

size_t strmap_intern_hashed(struct strmap *m, uint64_t h, const char *s,
                            size_t len, int *added)
{
    size_t j = h & (m->cap - 1);
    while (m->slots[j].idx) {
        const struct strmap_slot *e = &m->slots[j];
        if (e->hash == h && e->len == len &&
            memcmp(len <= STRMAP_INLINE ? e->key : m->keys[e->idx - 1], s,
                   len) == 0) {
            if (added)
                *added = 0;
            return e->idx - 1;
        }
        j = (j + 1) & (m->cap - 1);
    }
    if (m->n == m->kcap) {
        m->kcap = m->kcap ? 2 * m->kcap : 16;
        m->keys = sk_xreallocarray(m->keys, m->kcap, sizeof *m->keys);
    }
    m->keys[m->n] = sk_xstrndup(s, len);
    struct strmap_slot *e = &m->slots[j];
    e->hash = h;
    e->idx = ++m->n;
    e->len = len;
    if (len <= STRMAP_INLINE)
        memcpy(e->key, s, len);
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
