/* radix.c - LSD radix sort of doubles by their order-preserving keys. */
#include <config.h>

#include "radix.h"
#include "stats.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define RADIX_SMALL 64

static void insertion(double *x, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        double v = x[i];
        uint64_t k = stats_dkey(v);
        size_t j = i;
        while (j > 0 && stats_dkey(x[j - 1]) > k) {
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
    size_t (*cnt)[256] = sk_xcalloc(8, sizeof *cnt);
    for (size_t i = 0; i < n; i++) {
        uint64_t k = stats_dkey(x[i]);
        for (int b = 0; b < 8; b++)
            cnt[b][(k >> (8 * b)) & 0xff]++;
    }
    double *tmp = NULL, *src = x, *dst = NULL;
    for (int b = 0; b < 8; b++) {
        size_t *c = cnt[b];
        uint64_t first = (stats_dkey(x[0]) >> (8 * b)) & 0xff;
        if (c[first] == n)
            continue;           /* the same byte in every key */
        if (!tmp)
            tmp = sk_xcalloc(n, sizeof *tmp);
        dst = src == x ? tmp : x;
        size_t sum = 0;
        for (int v = 0; v < 256; v++) {
            size_t t = c[v];
            c[v] = sum;
            sum += t;
        }
        for (size_t i = 0; i < n; i++) {
            uint64_t k = stats_dkey(src[i]);
            dst[c[(k >> (8 * b)) & 0xff]++] = src[i];
        }
        src = dst;
    }
    if (src != x)
        memcpy(x, src, n * sizeof *x);
    free(tmp);
    free(cnt);
}
