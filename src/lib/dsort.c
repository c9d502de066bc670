/* dsort.c - sorting doubles: an in-place MSD radix sort of their keys
 * (American flag sort: McIlroy, Bostic & McIlroy 1993, "Engineering
 * radix sort"). */
#include <config.h>

#include "dsort.h"
#include "stats.h"
#include "util.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SMALL 48    /* insertion sort below this */

static void insertion(uint64_t *a, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint64_t v = a[i];
        size_t j = i;
        for (; j > 0 && a[j - 1] > v; j--)
            a[j] = a[j - 1];
        a[j] = v;
    }
}

/* Sort a[0..n) by the bits below and including bit shift + 7. */
static void radix(uint64_t *a, size_t n, int shift)
{
    for (;;) {
        if (n < SMALL) {
            insertion(a, n);
            return;
        }
        size_t count[256] = { 0 };
        uint64_t diff = 0;
        for (size_t i = 0; i < n; i++) {
            count[(a[i] >> shift) & 255]++;
            diff |= a[i] ^ a[0];
        }
        /* all equal in the bits left (ties, as the replicates of a median
         * have by the thousand): sorted */
        if (shift < 56 ? !(diff & ((UINT64_C(1) << (shift + 8)) - 1))
                       : !diff)
            return;
        /* all in one bucket (the sign and exponent bits of data of one
         * magnitude): on to the next byte without moving anything */
        if (count[(a[0] >> shift) & 255] == n) {
            if (shift == 0)
                return;
            shift -= 8;
            continue;
        }
        size_t next[256], end[256], pos = 0;
        for (int b = 0; b < 256; b++) {
            next[b] = pos;
            pos += count[b];
            end[b] = pos;
        }
        for (int b = 0; b < 256; b++)
            while (next[b] < end[b]) {
                uint64_t v = a[next[b]];
                unsigned d = (unsigned)(v >> shift) & 255;
                while (d != (unsigned)b) {
                    uint64_t t = a[next[d]];
                    a[next[d]++] = v;
                    v = t;
                    d = (unsigned)(v >> shift) & 255;
                }
                a[next[b]++] = v;
            }
        if (shift == 0)
            return;
        for (size_t b = 0, lo = 0; b < 256; lo += count[b], b++)
            if (count[b] > 1)
                radix(a + lo, count[b], shift - 8);
        return;
    }
}

/* x[0..n) sorted by stats_dkey: keys in place of the values (the same 8
 * bytes), sorted, turned back. */
static void sort_by_key(double *x, size_t n)
{
    uint64_t *a = (uint64_t *)(void *)x;
    for (size_t i = 0; i < n; i++) {
        double v;
        memcpy(&v, &x[i], sizeof v);
        uint64_t k = stats_dkey(v);
        memcpy(&a[i], &k, sizeof k);
    }
    radix(a, n, 56);
    for (size_t i = 0; i < n; i++) {
        uint64_t k;
        memcpy(&k, &a[i], sizeof k);
        double v = stats_unkey(k);
        memcpy(&x[i], &v, sizeof v);
    }
}

void dsort_keys(double *x, size_t n)
{
    if (n >= 2)
        sort_by_key(x, n);
}

void dsort(double *x, size_t n)
{
    if (n < 2)
        return;
    /* the signs of the zeros in the order given, when both kinds occur */
    size_t nz = 0, nneg = 0;
    for (size_t i = 0; i < n; i++)
        if (x[i] == 0) {
            nz++;
            nneg += signbit(x[i]) != 0;
        }
    unsigned char *neg = NULL;
    if (nneg > 0 && nneg < nz) {
        neg = sk_xmalloc(nz);
        for (size_t i = 0, k = 0; i < n; i++)
            if (x[i] == 0)
                neg[k++] = signbit(x[i]) != 0;
    }
    sort_by_key(x, n);
    if (neg) {
        size_t z = stats_lower_bound(x, n, 0.0);   /* the first zero */
        for (size_t k = 0; k < nz; k++)
            x[z + k] = neg[k] ? -0.0 : 0.0;
        free(neg);
    }
}
