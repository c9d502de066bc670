/* test-boot.c - CUnit tests of the bootstrap interval formulas, which the
 * golden tests reach only through random replicates: R's norm.inter (the
 * percentile ends interpolated on the normal scale), and the percentile,
 * basic, normal, BCa and studentized intervals of boot.ci on one fixed
 * replicate vector.
 *
 * Reference values: R 4.2.2 with boot 1.3.28.1 (tests/ref/unit-boot.R
 * makes the vector and prints them). */
#include <config.h>

#include <CUnit/CUnit.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef HAVE_SCHED_GETAFFINITY
#include <sched.h>
#endif

#include "lib/binv.h"
#include "lib/boot.h"
#include "lib/dsort.h"
#include "lib/rng.h"
#include "lib/util.h"
#include "unit.h"

#define R_REPS 49

/* rnorm(49, 3.2, 0.45) rounded to 4 decimals (set.seed(2385)) */
static const double reps[R_REPS] = {
    3.0565, 3.2195, 2.9409, 4.1701, 2.8313, 3.9931, 3.1939, 3.3472, 2.8847,
    2.7918, 2.9739, 3.0290, 3.7876, 2.7935, 2.4383, 2.4724, 2.2943, 3.2047,
    3.1630, 3.5500, 2.9939, 2.5035, 3.4861, 3.6839, 3.4432, 2.8123, 2.9783,
    2.8934, 2.8240, 2.7850, 3.5102, 2.9092, 4.0099, 2.4438, 3.3956, 2.7582,
    3.2007, 3.3190, 3.4603, 3.8105, 2.8703, 3.2932, 2.3815, 3.3355, 3.2269,
    2.3525, 3.3557, 3.4698, 2.5271
};
/* their standard errors, runif(49, 0.21, 0.34) rounded */
static const double reps_se[R_REPS] = {
    0.3146, 0.2853, 0.3072, 0.2812, 0.2618, 0.2506, 0.2608, 0.2408, 0.2441,
    0.3028, 0.2241, 0.2438, 0.2209, 0.2257, 0.2726, 0.2536, 0.2742, 0.2763,
    0.3023, 0.2432, 0.2727, 0.2277, 0.3101, 0.2452, 0.2464, 0.2964, 0.2619,
    0.2382, 0.2808, 0.3322, 0.2389, 0.3256, 0.3162, 0.2547, 0.2258, 0.2519,
    0.2435, 0.2522, 0.3320, 0.2122, 0.2581, 0.3376, 0.2175, 0.2910, 0.3346,
    0.2787, 0.2268, 0.2199, 0.2847
};
static const double T0 = 3.1807, SE0 = 0.2713;
/* sum(L^3) / (6 sum(L^2)^1.5) of the script's L */
static const double A = 0.057331087388466352;

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void sorted(double *t, double *z)
{
    for (size_t i = 0; i < R_REPS; i++) {
        t[i] = reps[i];
        z[i] = (reps[i] - T0) / reps_se[i];
    }
    qsort(t, R_REPS, sizeof *t, cmp);
    qsort(z, R_REPS, sizeof *z, cmp);
}

/* (R + 1) alpha = 1.25 and 48.75 (interpolated between order statistics
 * on the normal scale), 2.5 (interpolated), 45 (an order statistic). */
static void test_norm_inter(void)
{
    double t[R_REPS], z[R_REPS];
    sorted(t, z);
    int ext = 0;
    ASSERT_REL(boot_norm_inter(t, R_REPS, 0.025, &ext), 2.3123103991294793,
               1e-14);
    ASSERT_REL(boot_norm_inter(t, R_REPS, 0.975, &ext), 4.1205249838394735,
               1e-14);
    ASSERT_REL(boot_norm_inter(t, R_REPS, 0.05, &ext), 2.3681658776261605,
               1e-14);
    CU_ASSERT_EQUAL(boot_norm_inter(t, R_REPS, 0.9, &ext), 3.7876);
    CU_ASSERT_EQUAL(ext, 0);
    /* (R + 1) alpha = 0.5 and 49.5: the extreme order statistics, as R
     * (which warns) */
    CU_ASSERT_EQUAL(boot_norm_inter(t, R_REPS, 0.01, &ext), 2.2943);
    CU_ASSERT_EQUAL(ext, 1);
    ext = 0;
    CU_ASSERT_EQUAL(boot_norm_inter(t, R_REPS, 0.99, &ext), 4.1701);
    CU_ASSERT_EQUAL(ext, 1);
}

struct expect {
    enum boot_method m;
    double level, lo, hi;
    int extreme;
};

/* boot.ci's intervals: perc.ci, basic.ci, norm.ci (t0 - bias -+ z sd),
 * bca.ci (with L, so a as above), stud.ci (se0, and the replicates' se). */
static void test_intervals(void)
{
    static const struct expect ex[] = {
        { BOOT_PERC, 0.95, 2.3123103991294798, 4.1205249838394735, 0 },
        { BOOT_BASIC, 0.95, 2.2408750161605262, 4.0490896008705199, 0 },
        { BOOT_NORM, 0.95, 2.3626582907868747, 4.1491539541110845, 0 },
        { BOOT_BCA, 0.95, 2.3714236120845014, 4.1701, 1 },
        { BOOT_STUD, 0.95, 2.2493613074384804, 4.1404950539210894, 0 },
        { BOOT_PERC, 0.9, 2.3681658776261605, 4.0008245950303625, 0 },
        { BOOT_BASIC, 0.9, 2.3605754049696372, 3.9932341223738392, 0 },
        { BOOT_NORM, 0.9, 2.5062689111199439, 4.0055433337780144, 0 },
        { BOOT_BCA, 0.9, 2.440222348073708, 4.1348260337970189, 0 },
        { BOOT_STUD, 0.9, 2.3413311440462614, 4.0198273349263864, 0 },
    };
    double t[R_REPS], z[R_REPS];
    sorted(t, z);
    for (size_t i = 0; i < sizeof ex / sizeof ex[0]; i++) {
        struct boot_ci ci;
        CU_ASSERT_EQUAL_FATAL(boot_interval(ex[i].m, t, R_REPS, T0,
                                            ex[i].level, A, SE0, z, R_REPS,
                                            &ci), 0);
        ASSERT_REL(ci.lo, ex[i].lo, 1e-13);
        ASSERT_REL(ci.hi, ex[i].hi, 1e-13);
        CU_ASSERT_EQUAL(ci.extreme, ex[i].extreme);
        if (ex[i].m == BOOT_BCA) {
            /* qnorm(sum(t < t0) / R): no replicate equals t0 */
            ASSERT_REL(ci.z0, 0.076808975769408247, 1e-14);
            CU_ASSERT_EQUAL(ci.a, A);
        }
    }
}

/* Undefined intervals: fewer than 2 replicates, t0 not finite, BCa with
 * every replicate on one side of t0, student without se0. */
static void test_undefined(void)
{
    double t[R_REPS], z[R_REPS];
    sorted(t, z);
    struct boot_ci ci;
    CU_ASSERT_EQUAL(boot_interval(BOOT_PERC, t, 1, T0, 0.95, A, SE0, z,
                                  R_REPS, &ci), -1);
    CU_ASSERT(isnan(ci.lo) && isnan(ci.hi));
    CU_ASSERT_EQUAL(boot_interval(BOOT_NORM, t, R_REPS, NAN, 0.95, A, SE0,
                                  z, R_REPS, &ci), -1);
    CU_ASSERT_EQUAL(boot_interval(BOOT_BCA, t, R_REPS, 1.0, 0.95, A, SE0, z,
                                  R_REPS, &ci), -1);
    CU_ASSERT(isinf(ci.z0));
    CU_ASSERT_EQUAL(boot_interval(BOOT_STUD, t, R_REPS, T0, 0.95, A, 0, z,
                                  R_REPS, &ci), -1);
}

/* A value and its place, sorted by value then place: a stable sort. */
struct placed {
    double v;
    size_t i;
};

static int cmp_placed(const void *a, const void *b)
{
    const struct placed *x = a, *y = b;
    if (x->v != y->v)
        return x->v < y->v ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

/* dsort gives what a stable sort gives, bit for bit (the signs of -0 and
 * 0 in the order given): sizes about the insertion-sort cut and the
 * radix passes, ties, one magnitude, wide ranges, +-0 mixed, +-Inf. */
static void test_dsort(void)
{
    static const size_t sizes[] = { 0, 1, 2, 3, 47, 48, 49, 300, 4097,
                                    70000 };
    gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(g, 2385);
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++)
        for (int kind = 0; kind < 5; kind++) {
            size_t n = sizes[si];
            double *x = malloc((n ? n : 1) * sizeof *x);
            struct placed *ref = malloc((n ? n : 1) * sizeof *ref);
            for (size_t i = 0; i < n; i++) {
                double u = gsl_rng_uniform(g);
                switch (kind) {
                case 0:     /* 4 decimals about 50: one exponent or two */
                    x[i] = round((40 + 20 * u) * 1e4) / 1e4;
                    break;
                case 1:     /* few values, ties */
                    x[i] = (double)(long)(u * 5) - 2;
                    break;
                case 2:     /* -0 and 0 mixed among others */
                    x[i] = u < 0.3 ? -0.0 : u < 0.6 ? 0.0 : u - 0.8;
                    break;
                case 3:     /* wide: signs and exponents */
                    x[i] = (u - 0.5) * pow(10, (double)(i % 600) - 300);
                    break;
                default:    /* infinities and subnormals */
                    x[i] = u < 0.1 ? INFINITY : u < 0.2 ? -INFINITY
                         : u < 0.5 ? (u - 0.35) * 1e-310 : u;
                    break;
                }
                ref[i] = (struct placed){ x[i], i };
            }
            qsort(ref, n, sizeof *ref, cmp_placed);
            dsort(x, n);
            int same = 1;
            for (size_t i = 0; i < n; i++)
                same &= memcmp(&x[i], &ref[i].v, sizeof x[i]) == 0;
            CU_ASSERT(same);
            free(x);
            free(ref);
        }
    gsl_rng_free(g);
}

/* A GSL generator that gives the words of a list, as rng_gsl gives the
 * words of its stream (get_double: the word over 2^32), then 0s. */
struct queue {
    const uint32_t *w;
    size_t n, i;
};

static void queue_set(void *vs, unsigned long seed)
{
    (void)vs;
    (void)seed;
}

static unsigned long queue_get(void *vs)
{
    struct queue *q = vs;
    return q->i < q->n ? q->w[q->i++] : 0;
}

static double queue_get_double(void *vs)
{
    return (uint32_t)queue_get(vs) / 4294967296.0;
}

static const gsl_rng_type queue_type = {
    "queue", 0xffffffffUL, 0, sizeof(struct queue), &queue_set, &queue_get,
    &queue_get_double
};

/* gsl_ran_binomial(p, n) on the words k, then k2 (when it draws again) */
static unsigned gsl_on(gsl_rng *g, double p, unsigned n, uint32_t k,
                       uint32_t k2, size_t *used)
{
    uint32_t w[2] = { k, k2 };
    struct queue *q = g->state;
    *q = (struct queue){ w, 2, 0 };
    unsigned x = gsl_ran_binomial(g, p, n);
    *used = q->i;
    return x;
}

/* binv (the median's binomial draws) answers as gsl_ran_binomial, bit for
 * bit: for p = a / b, b <= 20 (the median's splits) and a few others,
 * n = 1 .. 60 and some larger, on the words at each threshold and
 * either side, the ends and words from a stream; with as many words
 * taken (one, or two when GSL draws again); BTPE's (p, n) refused; and a
 * stream of draws by binv_draw as by gsl_ran_binomial on rng_gsl. */
static void test_binv(void)
{
    gsl_rng *g = gsl_rng_alloc(&queue_type);
    gsl_rng *src = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(src, 2385);
    static const double odd[] = { 1e-9, 0.001, 0.0123, 0.3, 0.4999999,
                                  0.5000001, 0.7, 0.999, 1 - 1e-9 };
    size_t bad = 0, tables = 0, refused = 0, again = 0;
    for (unsigned b = 2; b <= 20; b++)
        for (unsigned a = 1; a < b + sizeof odd / sizeof odd[0]; a++) {
            double p = a < b ? (double)a / (double)b : odd[a - b];
            for (unsigned n = 1; n <= 260; n += n < 60 ? 1 : 50) {
                struct binv bv;
                double pm = p > 0.5 ? 1 - p : p;
                if (binv_make(p, n, &bv) != 0) {
                    refused++;
                    bad += n * pm < 14;
                    continue;
                }
                tables++;
                bad += !(n * pm < 14);
                uint32_t words[3 * BINV_MAX + 12];
                size_t nw = 0;
                for (unsigned i = 0; i < bv.nt; i++) {
                    words[nw++] = bv.T[i];
                    words[nw++] = bv.T[i] - 1;
                    words[nw++] = bv.T[i] + 1;
                }
                words[nw++] = 0;
                words[nw++] = UINT32_MAX;
                while (nw < sizeof words / sizeof words[0])
                    words[nw++] = (uint32_t)gsl_rng_get(src);
                for (size_t i = 0; i < nw; i++) {
                    uint32_t k = words[i], k2 = (uint32_t)gsl_rng_get(src);
                    size_t used;
                    unsigned want = gsl_on(g, p, n, k, k2, &used);
                    int ag1, ag2 = 0;
                    unsigned got = binv_pick(&bv, k, &ag1);
                    if (ag1) {
                        again++;
                        got = binv_pick(&bv, k2, &ag2);
                    }
                    if (ag2)
                        continue;       /* a third word: not queued */
                    bad += got != want || used != (size_t)(1 + ag1);
                }
            }
        }
    CU_ASSERT_EQUAL(bad, 0);
    /* (a word past every threshold, drawn again, is not met here: GSL's
     * f(x) add up to 1 within far less than 2^-32) */
    CU_ASSERT(tables > 1000 && refused > 100);
    (void)again;
    /* a stream: the same draws and the same words taken */
    gsl_rng *r1 = gsl_rng_alloc(rng_gsl), *r2 = gsl_rng_alloc(rng_gsl);
    rng_stream(r1, 20240601, 7);
    rng_stream(r2, 20240601, 7);
    struct binv bv;
    CU_ASSERT_EQUAL(binv_make(13.0 / 26.0, 26, &bv), 0);
    for (int i = 0; i < 10000; i++)
        bad += binv_draw(r1->state, &bv) != gsl_ran_binomial(r2, 0.5, 26);
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_EQUAL(gsl_rng_get(r1), gsl_rng_get(r2));
    gsl_rng_free(r1);
    gsl_rng_free(r2);
    gsl_rng_free(src);
    gsl_rng_free(g);
}

/* rng_streams_ahead: the same words as rng_stream and rng_next32, for
 * 1 to 19 streams (a part of RNG_LANES, one, two and more lanes' worth),
 * one block or two made ahead, streams with bit 63 set and not, and the
 * words after the blocks made ahead; rng_fill and rng_below_fill on them
 * as on streams made one block at a time. */
static void test_streams_ahead(void)
{
    enum { M = 19, WORDS = 40 };
    gsl_rng *a[M], *b[M];
    uint64_t st[M];
    size_t bad = 0;
    for (int i = 0; i < M; i++) {
        a[i] = gsl_rng_alloc(rng_gsl);
        b[i] = gsl_rng_alloc(rng_gsl);
        st[i] = (uint64_t)(i * 7919) << 3 | (i % 3 ? UINT64_C(1) << 63 : 0);
    }
    for (size_t m = 1; m <= M; m++)
        for (int nb = 1; nb <= 2; nb++) {
            uint64_t seed = 20240601 + m;
            rng_streams_ahead(a, m, seed, st, nb);
            for (size_t i = 0; i < m; i++) {
                rng_stream(b[i], seed, st[i]);
                for (int w = 0; w < WORDS; w++)
                    bad += gsl_rng_get(a[i]) != gsl_rng_get(b[i]);
            }
        }
    CU_ASSERT_EQUAL(bad, 0);
    /* bulk draws from a buffer of two blocks */
    uint32_t x[64], y[64];
    for (uint32_t n = 1; n <= 40; n++) {
        rng_streams_ahead(a, 2, 99, st, 2);
        rng_stream(b[0], 99, st[0]);
        rng_stream(b[1], 99, st[1]);
        size_t k = 1 + n % 30;
        (void)gsl_rng_get(a[0]);
        (void)gsl_rng_get(b[0]);
        rng_below_fill(a[0]->state, n, x, k);
        rng_below_fill(b[0]->state, n, y, k);
        bad += memcmp(x, y, k * sizeof *x) != 0;
        rng_fill(a[1]->state, x, 3 + n);
        rng_fill(b[1]->state, y, 3 + n);
        bad += memcmp(x, y, (3 + n) * sizeof *x) != 0;
        bad += gsl_rng_get(a[0]) != gsl_rng_get(b[0]);
        bad += gsl_rng_get(a[1]) != gsl_rng_get(b[1]);
    }
    CU_ASSERT_EQUAL(bad, 0);
    for (int i = 0; i < M; i++) {
        gsl_rng_free(a[i]);
        gsl_rng_free(b[i]);
    }
}

/* The default threads follow the CPU affinity: pinned to one processor,
 * sk_ncpus says 1; with the mask back, its count. */
static void test_ncpus(void)
{
    CU_ASSERT(sk_ncpus() >= 1);
#ifdef HAVE_SCHED_GETAFFINITY
    cpu_set_t old, one;
    if (sched_getaffinity(0, sizeof old, &old) != 0)
        return;
    CU_ASSERT_EQUAL(sk_ncpus(), (unsigned)CPU_COUNT(&old));
    int first = 0;
    while (first < CPU_SETSIZE && !CPU_ISSET(first, &old))
        first++;
    CPU_ZERO(&one);
    CPU_SET(first, &one);
    if (sched_setaffinity(0, sizeof one, &one) == 0) {
        CU_ASSERT_EQUAL(sk_ncpus(), 1);
        CU_ASSERT_EQUAL(sched_setaffinity(0, sizeof old, &old), 0);
    }
    CU_ASSERT_EQUAL(sk_ncpus(), (unsigned)CPU_COUNT(&old));
#endif
}

int register_boot_tests(void)
{
    CU_pSuite s = CU_add_suite("boot", NULL, NULL);
    if (!s ||
        !CU_add_test(s, "R's norm.inter", test_norm_inter) ||
        !CU_add_test(s, "boot.ci's five intervals", test_intervals) ||
        !CU_add_test(s, "undefined intervals", test_undefined) ||
        !CU_add_test(s, "dsort is a stable sort", test_dsort) ||
        !CU_add_test(s, "binv draws as gsl_ran_binomial", test_binv) ||
        !CU_add_test(s, "streams made ahead give the same words",
                     test_streams_ahead) ||
        !CU_add_test(s, "threads follow the CPU affinity", test_ncpus))
        return CU_get_error();
    return 0;
}
