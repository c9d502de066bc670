/* grouppipe.h - rows delayed a few places, so that their groups' memory
 * is fetched while other rows are read.
 *
 * With many groups in no order every row's group is a cache miss or
 * three: its slot in the strmap of group names, its row of cells in the
 * group_table, the allocations the cells point to. Each costs a trip to
 * memory (about 100 ns) and they come one after the other, so that a
 * program's time a row doubles or triples once the groups outgrow the
 * cache. A group_pipe takes a row's group name and a copy of what the
 * program needs of the row (its payload), and gives the rows back in the
 * same order, GROUP_PIPE_DEPTH rows later at each of three steps: the
 * name's slot is fetched at once and the name looked up one step later,
 * when it is in the cache; its row of cells is fetched then, and the
 * program's WARM hook (if any) called one step later, when the row is in
 * the cache, to fetch what the cells point to; one step later still the
 * row is given back. The rows are handled in the order read and their
 * groups numbered as strmap_intern would; only the time they are
 * handled moves. It knows nothing of files or statistics. */
#ifndef SK_GROUPPIPE_H
#define SK_GROUPPIPE_H

#include <stddef.h>

#include "grouped.h"
#include "strmap.h"

#define GROUP_PIPE_DEPTH 8

/* The groups beyond which a program's rows are worth a pipe: their cells
 * no longer fit in the cache (fewer, in the cache, need none, and the
 * copy of each row would only cost). */
#define GROUP_PIPE_FROM 4096

struct group_pipe;

/* A pipe whose groups are named in M (NULL: rows have no group; each is
 * group 0) and whose cells are in T, with PAYLOAD bytes a row. WARM(ctx,
 * cells of the row's group, payload), when not NULL, may prefetch what
 * the cells point to. */
struct group_pipe *group_pipe_new(struct strmap *m, struct group_table *t,
                                  size_t payload,
                                  void (*warm)(void *ctx, const void *cells,
                                               const void *payload),
                                  void *ctx);
void group_pipe_free(struct group_pipe *p);

/* Take a row of group KEY (LEN bytes; KEY NULL: group 0, not interned):
 * the space for its payload, to be filled before the next call. */
void *group_pipe_push(struct group_pipe *p, const char *key, size_t len);

/* The oldest row whose time has come (all of them after
 * group_pipe_end): 1 with its group index and payload (valid until the
 * next push or pop), 0 when none. */
int group_pipe_pop(struct group_pipe *p, size_t *group, void **payload);

/* The input has ended: pop gives every row left. */
void group_pipe_end(struct group_pipe *p);

#endif
