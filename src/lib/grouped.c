/* grouped.c - samples kept per (group, slot). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "grouped.h"
#include "util.h"

void group_table_init(struct group_table *t, size_t width, size_t size,
                      void (*init)(void *cell))
{
    *t = (struct group_table){ .width = width, .size = size, .init = init };
}

/* group_table_row for a group not yet in the table. */
void *group_table_grow(struct group_table *t, size_t g)
{
    size_t row = t->width * t->size;
    while (g >= t->ngroups) {
        if (t->ngroups == t->cap) {
            t->cap = t->cap ? 2 * t->cap : 8;
            t->cell = sk_xreallocarray(t->cell, t->cap, row ? row : 1);
        }
        char *r = (char *)t->cell + t->ngroups * row;
        memset(r, 0, row);
        for (size_t i = 0; t->init && i < t->width; i++)
            t->init(r + i * t->size);
        t->ngroups++;
    }
    return (char *)t->cell + g * row;
}

void grouped_init(struct grouped *g, size_t nslots, int nsides)
{
    memset(g, 0, sizeof *g);
    group_table_init(&g->t, nslots, sizeof(struct grouped_cell), NULL);
    g->nslots = nslots;
    g->nsides = nsides;
}

struct grouped_cell *grouped_at(struct grouped *g, size_t group, size_t slot)
{
    struct grouped_cell *row = group_table_row(&g->t, group);
    g->ngroups = g->t.ngroups;
    return &row[slot];
}

const struct grouped_cell *grouped_get(const struct grouped *g, size_t group,
                                       size_t slot)
{
    const struct grouped_cell *cell = g->t.cell;
    return &cell[group * g->nslots + slot];
}

void grouped_push(const struct grouped *g, struct grouped_cell *c,
                  const struct num_value *v)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 64;
        for (int k = 0; k < g->nsides; k++)
            c->side[k] = sk_xreallocarray(c->side[k], c->cap,
                                          sizeof *c->side[k]);
    }
    for (int k = 0; k < g->nsides; k++)
        c->side[k][c->n] = v[k];
    c->n++;
}

void grouped_free(struct grouped *g)
{
    struct grouped_cell *cell = g->t.cell;
    for (size_t i = 0; i < g->ngroups * g->nslots; i++)
        for (int k = 0; k < g->nsides; k++)
            free(cell[i].side[k]);
    free(g->t.cell);
    group_table_init(&g->t, g->nslots, sizeof *cell, NULL);
    g->ngroups = 0;
}
