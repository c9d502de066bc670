/* radix.c - LSD radix sort of doubles by their order-preserving keys. */
#include <config.h>

#include "radix.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define RADIX_SMALL 64
#define RADIX_BITS 11
#define RADIX_BUCKETS (1u << RADIX_BITS)
#define RADIX_PASSES 6          /* 6 x 11 bits >= 64 */

/* stats_dkey (stats.h), inline: the bits of x, all flipped when
 * negative, else the sign bit set. */
static inline uint64_t key(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return (u >> 63) ? ~u : u | (UINT64_C(1) << 63);
}

static inline unsigned digit(uint64_t k, int p)
{
    return (unsigned)(k >> (RADIX_BITS * p)) & (RADIX_BUCKETS - 1);
}

static void insertion(double *x, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        double v = x[i];
        uint64_t k = key(v);
        size_t j = i;
        while (j > 0 && key(x[j - 1]) > k) {
            x[j] = x[j - 1];
            j--;
        }
        x[j] = v;
    }
}

void radix_sort_doubles(double *x, size_t n)
{
    if (n < RADIX_SMALL) {
        insertion(x, n);
        return;
    }
    size_t (*cnt)[RADIX_BUCKETS] = sk_xcalloc(RADIX_PASSES, sizeof *cnt);
    for (size_t i = 0; i < n; i++) {
        uint64_t k = key(x[i]);
        for (int p = 0; p < RADIX_PASSES; p++)
            cnt[p][digit(k, p)]++;
    }
    double *tmp = NULL, *src = x, *dst = NULL;
    uint64_t k0 = key(x[0]);
    for (int p = 0; p < RADIX_PASSES; p++) {
        size_t *c = cnt[p];
        if (c[digit(k0, p)] == n)
            continue;           /* the same digit in every key */
        if (!tmp)
            tmp = sk_xcalloc(n, sizeof *tmp);
        dst = src == x ? tmp : x;
        size_t sum = 0;
        for (unsigned v = 0; v < RADIX_BUCKETS; v++) {
            size_t t = c[v];
            c[v] = sum;
            sum += t;
        }
        for (size_t i = 0; i < n; i++)
            dst[c[digit(key(src[i]), p)]++] = src[i];
        src = dst;
    }
    if (src != x)
        memcpy(x, src, n * sizeof *x);
    free(tmp);
    free(cnt);
}
