/* grouped.c - samples kept per (group, slot). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "grouped.h"
#include "util.h"

void grouped_init(struct grouped *g, size_t nslots, int nsides)
{
    memset(g, 0, sizeof *g);
    g->nslots = nslots;
    g->nsides = nsides;
}

struct grouped_cell *grouped_at(struct grouped *g, size_t group, size_t slot)
{
    while (group >= g->ngroups) {
        if (g->ngroups == g->gcap) {
            g->gcap = g->gcap ? 2 * g->gcap : 8;
            g->cell = sk_xreallocarray(g->cell, g->gcap * g->nslots,
                                       sizeof *g->cell);
        }
        memset(&g->cell[g->ngroups * g->nslots], 0,
               g->nslots * sizeof *g->cell);
        g->ngroups++;
    }
    return &g->cell[group * g->nslots + slot];
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
    for (size_t i = 0; i < g->ngroups * g->nslots; i++)
        for (int k = 0; k < g->nsides; k++)
            free(g->cell[i].side[k]);
    free(g->cell);
    g->cell = NULL;
    g->ngroups = g->gcap = 0;
}
