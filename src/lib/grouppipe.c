/* grouppipe.c - rows delayed so that their groups' memory is fetched
 * meanwhile (grouppipe.h). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grouppipe.h"
#include "util.h"

/* DEPTH to be looked up, as many to be warmed, the rest waiting: a power
 * of two of at least 3 DEPTH */
#define RING (4 * GROUP_PIPE_DEPTH)

struct pipe_row {
    uint64_t hash;
    size_t group;
    char *key;                  /* a copy; NULL: no group */
    size_t len, cap;
    int has_key;
};

struct group_pipe {
    struct strmap *m;
    struct group_table *t;
    size_t payload;
    void (*warm)(void *ctx, const void *cells, const void *payload);
    void *ctx;
    struct pipe_row row[RING];
    unsigned char *data;        /* RING payloads */
    size_t head, n;             /* the oldest row, and how many */
    size_t looked, warmed;      /* of the n: looked up, warmed */
    int ended;
};

struct group_pipe *group_pipe_new(struct strmap *m, struct group_table *t,
                                  size_t payload,
                                  void (*warm)(void *ctx, const void *cells,
                                               const void *payload),
                                  void *ctx)
{
    struct group_pipe *p = sk_xcalloc(1, sizeof *p);
    p->m = m;
    p->t = t;
    p->payload = payload;
    p->warm = warm;
    p->ctx = ctx;
    p->data = sk_xcalloc(RING, payload ? payload : 1);
    return p;
}

void group_pipe_free(struct group_pipe *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < RING; i++)
        free(p->row[i].key);
    free(p->data);
    free(p);
}

static struct pipe_row *at(struct group_pipe *p, size_t i)
{
    return &p->row[(p->head + i) & (RING - 1)];
}

static void *payload_of(struct group_pipe *p, size_t i)
{
    return p->data + ((p->head + i) & (RING - 1)) * p->payload;
}

/* The row i of the pipe looked up: its group's cells fetched. */
static void look_up(struct group_pipe *p, size_t i)
{
    struct pipe_row *r = at(p, i);
    r->group = r->has_key && p->m
                   ? strmap_intern_hashed(p->m, r->hash, r->key, r->len,
                                          NULL)
                   : 0;
    if (r->group < p->t->ngroups) {
        /* every cache line of the row's cells (up to 32) */
        size_t bytes = p->t->width * p->t->size;
        uintptr_t at = (uintptr_t)p->t->cell + r->group * bytes;
        uintptr_t end = at + (bytes ? bytes - 1 : 0);
        for (uintptr_t b = at & ~(uintptr_t)63, k = 0; b <= end && k < 32;
             b += 64, k++)
            __builtin_prefetch((const void *)b);
    }
}

/* The row i warmed: its cells in the cache, the hook fetches beyond. */
static void warm_up(struct group_pipe *p, size_t i)
{
    struct pipe_row *r = at(p, i);
    if (p->warm && r->group < p->t->ngroups)
        p->warm(p->ctx,
                (char *)p->t->cell + r->group * p->t->width * p->t->size,
                payload_of(p, i));
}

void *group_pipe_push(struct group_pipe *p, const char *key, size_t len)
{
    /* the caller has popped what was due, so there is room */
    if (p->n == RING || p->ended)
        sk_die("group_pipe_push: %s", p->ended ? "after the end"
                                                : "rows not popped");
    struct pipe_row *r = at(p, p->n);
    r->has_key = key != NULL;
    r->len = len;
    if (key) {
        if (len + 1 > r->cap) {
            r->cap = 2 * (len + 1);
            r->key = sk_xrealloc(r->key, r->cap);
        }
        memcpy(r->key, key, len);
        r->hash = strmap_hash(key, len);
        if (p->m)
            strmap_prefetch(p->m, r->hash);
    }
    void *pl = payload_of(p, p->n);
    p->n++;
    /* the rows DEPTH places back and more are looked up, those 2 DEPTH
     * back and more warmed (the newest of each a step at a time) */
    size_t want = p->n > GROUP_PIPE_DEPTH ? p->n - GROUP_PIPE_DEPTH : 0;
    while (p->looked < want)
        look_up(p, p->looked++);
    want = p->n > 2 * GROUP_PIPE_DEPTH ? p->n - 2 * GROUP_PIPE_DEPTH : 0;
    while (p->warmed < want)
        warm_up(p, p->warmed++);
    return pl;
}

int group_pipe_pop(struct group_pipe *p, size_t *group, void **payload)
{
    if (p->n == 0)
        return 0;
    if (!p->ended && p->n < RING)
        return 0;
    if (p->looked == 0)             /* at the end: each as it leaves */
        look_up(p, p->looked++);
    if (p->warmed == 0)
        warm_up(p, p->warmed++);
    *group = at(p, 0)->group;
    *payload = payload_of(p, 0);
    /* the head leaves; its place (and key buffer) is the next push's */
    p->head = (p->head + 1) & (RING - 1);
    p->n--;
    p->looked--;
    p->warmed--;
    return 1;
}

void group_pipe_end(struct group_pipe *p)
{
    p->ended = 1;
}
