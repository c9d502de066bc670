/* twogroup.c - two independent groups: t tests, d and g, rank-sum test,
 * Hodges-Lehmann shift, dominance, Fisher's exact test. */
#include <config.h>

#include "twogroup.h"
#include "describe.h"
#include "dist.h"
#include "stats.h"
#include "util.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void mean_sd(const double *x, size_t n, double *mean, double *sd)
{
    double var = NAN;
    *mean = *sd = NAN;
    if (n == 0)
        return;
    stats_mean_var(x, NULL, n, n, mean, &var);
    if (n > 1)
        *sd = sqrt(var);
}

static void mean_sd_runs(const struct stats_runs *r, double *mean,
                         double *sd)
{
    double var = NAN;
    *mean = *sd = NAN;
    if (r->n == 0)
        return;
    stats_mean_var(r->v, r->c, r->k, r->n, mean, &var);
    if (r->n > 1)
        *sd = sqrt(var);
}

/* ---- t tests ------------------------------------------------------- */

void stats_ttest2_runs(const struct stats_runs *ra,
                       const struct stats_runs *rb, double level,
                       enum stats_alt alt, int var_equal,
                       struct stats_ttest2 *r)
{
    double ma, sa, mb, sb;
    mean_sd_runs(ra, &ma, &sa);
    mean_sd_runs(rb, &mb, &sb);
    stats_ttest2_summary(ra->n, ma, sa, rb->n, mb, sb, level, alt,
                         var_equal, r);
}

void stats_ttest2(const double *a, size_t na, const double *b, size_t nb,
                  double level, enum stats_alt alt, int var_equal,
                  struct stats_ttest2 *r)
{
    double ma, sa, mb, sb;
    mean_sd(a, na, &ma, &sa);
    mean_sd(b, nb, &mb, &sb);
    stats_ttest2_summary(na, ma, sa, nb, mb, sb, level, alt, var_equal, r);
}

void stats_ttest2_summary(size_t na, double mean_a, double sd_a, size_t nb,
                          double mean_b, double sd_b, double level,
                          enum stats_alt alt, int var_equal,
                          struct stats_ttest2 *r)
{
    r->n_a = na;
    r->n_b = nb;
    r->mean_a = na ? mean_a : NAN;
    r->mean_b = nb ? mean_b : NAN;
    r->sd_a = na > 1 ? sd_a : NAN;
    r->sd_b = nb > 1 ? sd_b : NAN;
    r->diff = r->mean_b - r->mean_a;
    r->se = r->lo = r->hi = r->t = r->df = r->p = NAN;
    r->flags = 0;
    double dna = (double)na, dnb = (double)nb;
    if (var_equal ? (na < 1 || nb < 1 || na + nb < 3) : (na < 2 || nb < 2)) {
        r->flags |= STATS_TG_SMALL_N;
        return;
    }
    double va = na > 1 ? sd_a * sd_a : 0, vb = nb > 1 ? sd_b * sd_b : 0;
    if (var_equal) {
        /* R: v = ((nx - 1) vx + (ny - 1) vy) / df, se = sqrt(v (1/nx + 1/ny)) */
        r->df = dna + dnb - 2;
        double v = ((dna - 1) * va + (dnb - 1) * vb) / r->df;
        r->se = sqrt(v * (1 / dna + 1 / dnb));
    } else {
        /* Welch-Satterthwaite: se^4 / (se_a^4 / (na - 1) + se_b^4 / (nb - 1)) */
        double ea = va / dna, eb = vb / dnb;
        r->se = sqrt(ea + eb);
        r->df = (ea + eb) * (ea + eb) /
                (ea * ea / (dna - 1) + eb * eb / (dnb - 1));
    }
    if (r->se == 0) {
        /* R stops ("data are essentially constant"); as sk-paired */
        r->flags |= STATS_TG_CONSTANT;
        r->t = r->diff > 0 ? INFINITY : r->diff < 0 ? -INFINITY : NAN;
        if (!var_equal)
            r->df = NAN;
        if (!isnan(r->t))
            r->p = alt == STATS_TWO_SIDED ? 0
                 : (alt == STATS_GREATER) == (r->t > 0) ? 0 : 1;
        r->lo = alt == STATS_LESS ? -INFINITY : r->diff;
        r->hi = alt == STATS_GREATER ? INFINITY : r->diff;
        return;
    }
    r->t = r->diff / r->se;
    r->p = stats_t_p(r->t, r->df, alt);
    /* CI as R computes it: (t -+ q) se */
    stats_t_interval(r->t, r->se, r->df, level, alt, &r->lo, &r->hi);
}

/* ---- Cohen's d, Hedges' g ------------------------------------------ */

double stats_hedges_j(double df)
{
    /* J = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2)): log of the
     * Pochhammer symbol ((df-1)/2)_(1/2), exact also at large df where
     * the difference of two lgammas loses digits */
    gsl_sf_result lp;
    if (!(df > 1) || gsl_sf_lnpoch_e((df - 1) / 2, 0.5, &lp) != GSL_SUCCESS)
        return NAN;
    return exp(lp.val - 0.5 * log(df / 2));
}

void stats_smd(const double *a, size_t na, const double *b, size_t nb,
               double level, enum stats_alt alt, struct stats_smd *r)
{
    double ma, sa, mb, sb;
    mean_sd(a, na, &ma, &sa);
    mean_sd(b, nb, &mb, &sb);
    stats_smd_summary(na, ma, sa, nb, mb, sb, level, alt, r);
}

void stats_smd_summary(size_t na, double mean_a, double sd_a, size_t nb,
                       double mean_b, double sd_b, double level,
                       enum stats_alt alt, struct stats_smd *r)
{
    r->sd_pooled = r->d = r->d_lo = r->d_hi = NAN;
    r->g = r->g_lo = r->g_hi = r->J = NAN;
    r->flags = 0;
    if (na < 1 || nb < 1 || na + nb < 4) {
        r->flags |= STATS_TG_SMALL_N;
        return;
    }
    double dna = (double)na, dnb = (double)nb, df = dna + dnb - 2;
    double va = na > 1 ? sd_a * sd_a : 0, vb = nb > 1 ? sd_b * sd_b : 0;
    r->sd_pooled = sqrt(((dna - 1) * va + (dnb - 1) * vb) / df);
    double diff = mean_b - mean_a;
    r->J = stats_hedges_j(df);
    if (r->sd_pooled == 0) {
        r->flags |= STATS_TG_CONSTANT;
        r->d = diff > 0 ? INFINITY : diff < 0 ? -INFINITY : NAN;
        r->g = r->d;
        return;
    }
    r->d = diff / r->sd_pooled;
    double hn = sqrt(1 / dna + 1 / dnb), t = r->d / hn, alpha = 1 - level;
    int w = 0;
    if (alt == STATS_TWO_SIDED) {
        r->d_lo = dist_nct_ncp_w(t, df, 1 - alpha / 2, &w) * hn;
        r->d_hi = dist_nct_ncp_w(t, df, alpha / 2, &w) * hn;
    } else if (alt == STATS_GREATER) {
        r->d_lo = dist_nct_ncp_w(t, df, level, &w) * hn;
        r->d_hi = INFINITY;
    } else {
        r->d_lo = -INFINITY;
        r->d_hi = dist_nct_ncp_w(t, df, alpha, &w) * hn;
    }
    if (w)
        r->flags |= STATS_TG_IMPRECISE;
    r->g = r->d * r->J;
    r->g_lo = r->d_lo * r->J;
    r->g_hi = r->d_hi * r->J;
}

/* ---- ranks by distinct values -------------------------------------- */

/* X in increasing order: X itself when it already is (the caller sorted
 * once for every test), else a sorted copy left in *own to free() (NULL
 * when X is used). */
static const double *sorted_view(const double *x, size_t n, double **own)
{
    size_t i = 1;
    *own = NULL;
    while (i < n && x[i - 1] <= x[i])
        i++;
    if (i >= n)
        return x;
    double *s = sk_xcalloc(n, sizeof *s);
    memcpy(s, x, n * sizeof *s);
    stats_sort(s, n);
    return *own = s;
}

/* The distinct values of sorted a and b merged: counts of each group at
 * each level (arrays of k, to free()). */
struct levels {
    size_t k;
    double *value;
    unsigned long *ca, *cb;
};

/* The levels of runs a and of runs b shifted by -db (b - db keeps b's
 * order), merged: O(runs). */
static void levels_of(const struct stats_runs *a, const struct stats_runs *b,
                      double db, struct levels *L)
{
    size_t cap = a->k + b->k ? a->k + b->k : 1;
    L->value = sk_xcalloc(cap, sizeof *L->value);
    L->ca = sk_xcalloc(cap, sizeof *L->ca);
    L->cb = sk_xcalloc(cap, sizeof *L->cb);
    size_t i = 0, j = 0, k = 0;
    while (i < a->k || j < b->k) {
        double bj = j < b->k ? b->v[j] - db : 0;
        double v = j >= b->k || (i < a->k && a->v[i] < bj) ? a->v[i] : bj;
        unsigned long ca = 0, cb = 0;
        if (i < a->k && a->v[i] == v)
            ca = (unsigned long)a->c[i++];
        if (j < b->k && b->v[j] - db == v)
            cb = (unsigned long)b->c[j++];
        L->value[k] = v;
        L->ca[k] = ca;
        L->cb[k] = cb;
        k++;
    }
    L->k = k;
}

static void levels_free(struct levels *L)
{
    free(L->value);
    free(L->ca);
    free(L->cb);
}

/* ---- exact conditional distribution of the mid-rank sum ------------ */

struct hentry {
    uint64_t key;       /* (j << 40) | s, +1 so that 0 is empty */
    double p;
};

struct hmap {
    struct hentry *e;
    size_t cap, used;
};

static void hmap_init(struct hmap *h, size_t cap)
{
    h->cap = 16;
    while (h->cap < 2 * cap)
        h->cap *= 2;
    h->e = sk_xcalloc(h->cap, sizeof *h->e);
    h->used = 0;
}

static void hmap_add(struct hmap *h, uint64_t key, double p);

static void hmap_grow(struct hmap *h)
{
    struct hmap n;
    hmap_init(&n, h->cap);
    for (size_t i = 0; i < h->cap; i++)
        if (h->e[i].key)
            hmap_add(&n, h->e[i].key - 1, h->e[i].p);
    free(h->e);
    *h = n;
}

static void hmap_add(struct hmap *h, uint64_t key, double p)
{
    if (2 * (h->used + 1) > h->cap)
        hmap_grow(h);
    uint64_t k1 = key + 1;
    size_t i = (size_t)((k1 * UINT64_C(0x9E3779B97F4A7C15)) >> 20) & (h->cap - 1);
    while (h->e[i].key && h->e[i].key != k1)
        i = (i + 1) & (h->cap - 1);
    if (!h->e[i].key) {
        h->e[i].key = k1;
        h->used++;
    }
    h->e[i].p += p;
}

/* Smallest and largest sum of the weights w[l..k) of r items placed in
 * levels l.. with capacities t (w increasing): fill from the bottom or
 * the top. cumT, cumTW: prefix sums of t and t w. */
struct rankctx {
    size_t k;
    const unsigned long *t;
    const unsigned long long *w, *cumT, *cumTW;
};

static unsigned long long rem_min(const struct rankctx *c, size_t l,
                                  unsigned long long r)
{
    /* smallest p >= l with cumT[p + 1] - cumT[l] >= r */
    size_t lo = l, hi = c->k - 1;
    if (r == 0)
        return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->cumT[mid + 1] - c->cumT[l] >= r)
            hi = mid;
        else
            lo = mid + 1;
    }
    return c->cumTW[lo] - c->cumTW[l] + (r - (c->cumT[lo] - c->cumT[l])) * c->w[lo];
}

static unsigned long long rem_max(const struct rankctx *c, size_t l,
                                  unsigned long long r)
{
    /* largest p >= l with cumT[k] - cumT[p] >= r */
    size_t lo = l, hi = c->k - 1;
    if (r == 0)
        return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        if (c->cumT[c->k] - c->cumT[mid] >= r)
            lo = mid;
        else
            hi = mid - 1;
    }
    unsigned long long above = c->cumT[c->k] - c->cumT[lo + 1];
    return c->cumTW[c->k] - c->cumTW[lo + 1] + (r - above) * c->w[lo];
}

static long long floor_div(long long a, long long b)     /* b > 0 */
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static long long ceil_div(long long a, long long b)
{
    return -floor_div(-a, b);
}

/* The last two levels: of the r B answers left, c fall in the lower
 * level (L values) and r - c in the upper (U values), c hypergeometric,
 * and T = s + r w_upper - c dw falls with c. So each question (T <= o,
 * T >= o, T <= m1 or T >= m2) is a tail of c, summed from its own end
 * (no cancellation), per r once. Returns 0 beyond work states. */
static int last_two(const struct hmap *cur, unsigned long L, unsigned long U,
                    unsigned long long dw, unsigned long long wup,
                    unsigned long nb, long long o, long long m1, long long m2,
                    unsigned long work, double *le, double *ge, double *two)
{
    double **lowc = sk_xcalloc(nb + 1, sizeof *lowc);
    double **upc = sk_xcalloc(nb + 1, sizeof *upc);
    long long d = (long long)dw;
    unsigned long done = 0;
    int ok = 1;
    for (size_t i = 0; i < cur->cap; i++) {
        if (!cur->e[i].key)
            continue;
        if (++done > work) {
            ok = 0;
            break;
        }
        uint64_t key = cur->e[i].key - 1;
        unsigned long long j = key >> 40, s = key & ((UINT64_C(1) << 40) - 1);
        unsigned long long r = nb - j;
        long long cmin = r > U ? (long long)(r - U) : 0;
        long long cmax = r < L ? (long long)r : (long long)L;
        if (!lowc[r]) {
            lowc[r] = sk_xcalloc(L + 1, sizeof **lowc);
            upc[r] = sk_xcalloc(L + 1, sizeof **upc);
            double run = 0;
            for (long long cc = cmin; cc <= cmax; cc++)
                lowc[r][cc] = run += dist_dhyper((unsigned long)cc, L, U, r);
            run = 0;
            for (long long cc = cmax; cc >= cmin; cc--)
                upc[r][cc] = run += dist_dhyper((unsigned long)cc, L, U, r);
        }
        long long base = (long long)(s + r * wup);
        double p = cur->e[i].p;
#define TAIL_GE(x) ((x) <= cmin ? 1 : (x) > cmax ? 0 : upc[r][x])
#define TAIL_LE(x) ((x) >= cmax ? 1 : (x) < cmin ? 0 : lowc[r][x])
        long long x = ceil_div(base - o, d);
        *le += p * TAIL_GE(x);
        x = floor_div(base - o, d);
        *ge += p * TAIL_LE(x);
        x = ceil_div(base - m1, d);
        double tw = TAIL_GE(x);
        if (m2 != m1) {
            x = floor_div(base - m2, d);
            tw += TAIL_LE(x);
        }
        *two += p * tw;
#undef TAIL_GE
#undef TAIL_LE
    }
    for (size_t r = 0; r <= nb; r++) {
        free(lowc[r]);
        free(upc[r]);
    }
    free(lowc);
    free(upc);
    return ok;
}

/* Long on purpose: the set-up of the recursion's tables (the reachable
 * rank sums of each suffix, the hypergeometric weights) and the
 * recursion itself share them, and the recursion is the hot loop of
 * --exact. */
int stats_ranksum_exact(const unsigned long *t, size_t k, unsigned long nb,
                        unsigned long long obs2, unsigned long work,
                        double *lower, double *upper, double *two)
{
    *lower = *upper = *two = NAN;
    if (k == 0)
        return -1;
    unsigned long long *w = sk_xcalloc(k, sizeof *w);
    unsigned long long *cumT = sk_xcalloc(k + 1, sizeof *cumT);
    unsigned long long *cumTW = sk_xcalloc(k + 1, sizeof *cumTW);
    for (size_t l = 0; l < k; l++) {
        w[l] = 2 * cumT[l] + t[l] + 1;      /* doubled mid-rank */
        cumT[l + 1] = cumT[l] + t[l];
        cumTW[l + 1] = cumTW[l] + t[l] * w[l];
    }
    unsigned long long N = cumT[k];
    if (nb > N || nb >= (1UL << 23) || 2 * N * (N + 1) >= (UINT64_C(1) << 40)) {
        free(w);
        free(cumT);
        free(cumTW);
        return -1;      /* beyond the keys (j, s) of the states */
    }
    struct rankctx c = { k, t, w, cumT, cumTW };
    /* E T2 = nb (N + 1); the mirror of obs2 about it */
    long long E2 = (long long)nb * (long long)(N + 1);
    long long o = (long long)obs2, mir = 2 * E2 - o;
    long long m1 = o < mir ? o : mir, m2 = o < mir ? mir : o;
    double acc_le = 0, acc_ge = 0, acc_two = 0;
    unsigned long done = 0;
    int ok = 1;
    struct hmap cur, next;
    hmap_init(&cur, 1);
    hmap_add(&cur, 0, 1);
    double **q = sk_xcalloc(nb + 1, sizeof *q);
    /* levels 0 .. k - 3 by transitions; the last two in closed form */
    for (size_t l = 0; l + 2 < k && ok; l++) {
        hmap_init(&next, cur.used);
        unsigned long long Rl = N - cumT[l];     /* values in levels l.. */
        for (size_t i = 0; i < cur.cap && ok; i++) {
            if (!cur.e[i].key)
                continue;
            uint64_t key = cur.e[i].key - 1;
            unsigned long long j = key >> 40, s = key & ((UINT64_C(1) << 40) - 1);
            unsigned long long r = nb - j;
            unsigned long long cmin = r > Rl - t[l] ? r - (Rl - t[l]) : 0;
            unsigned long long cmax = r < t[l] ? r : t[l];
            if (!q[r]) {
                /* P(c of the r remaining B in level l): hypergeometric */
                q[r] = sk_xcalloc(t[l] + 1, sizeof **q);
                for (unsigned long long cc = cmin; cc <= cmax; cc++)
                    q[r][cc] = dist_dhyper(cc, t[l], Rl - t[l], r);
            }
            for (unsigned long long cc = cmin; cc <= cmax; cc++) {
                if (++done > work) {
                    ok = 0;
                    break;
                }
                double p = cur.e[i].p * q[r][cc];
                unsigned long long s1 = s + cc * w[l], r1 = r - cc;
                long long lo = (long long)(s1 + rem_min(&c, l + 1, r1));
                long long hi = (long long)(s1 + rem_max(&c, l + 1, r1));
                int le = hi <= o ? 1 : lo > o ? 0 : -1;
                int ge = lo >= o ? 1 : hi < o ? 0 : -1;
                int tw = (hi <= m1 || lo >= m2) ? 1
                       : (lo > m1 && hi < m2) ? 0 : -1;
                if (le >= 0 && ge >= 0 && tw >= 0) {
                    acc_le += le * p;
                    acc_ge += ge * p;
                    acc_two += tw * p;
                } else {
                    hmap_add(&next, ((j + cc) << 40) | s1, p);
                }
            }
        }
        for (size_t r = 0; r <= nb; r++) {
            free(q[r]);
            q[r] = NULL;
        }
        free(cur.e);
        cur = next;
    }
    if (ok && k == 1)
        acc_le = acc_ge = acc_two = 1;
    else if (ok)
        ok = last_two(&cur, t[k - 2], t[k - 1], w[k - 1] - w[k - 2],
                      w[k - 1], nb, o, m1, m2, work - done,
                      &acc_le, &acc_ge, &acc_two);
    if (o == E2)
        acc_two = 1;
    free(cur.e);
    free(q);
    free(w);
    free(cumT);
    free(cumTW);
    if (!ok)
        return -1;
    *lower = fmin(1, acc_le);
    *upper = fmin(1, acc_ge);
    *two = fmin(1, acc_two);
    return 0;
}

/* ---- pairwise differences ------------------------------------------ */

unsigned long long stats_diff_count_le(const double *a, size_t na,
                                       const double *b, size_t nb,
                                       double t)
{
    /* for each b[j], the a[i] with b[j] - a[i] <= t are a suffix of a,
     * which grows as b[j] falls: one pointer, O(na + nb) */
    unsigned long long c = 0;
    size_t i = na;              /* a[i..na) qualify */
    for (size_t j = nb; j-- > 0;) {
        while (i > 0 && b[j] - a[i - 1] <= t)
            i--;
        c += na - i;
    }
    return c;
}

void stats_runs_make(const double *x, size_t n, struct stats_runs *r)
{
    double *own;
    x = sorted_view(x, n, &own);
    size_t cap = 16;
    r->v = sk_xcalloc(cap, sizeof *r->v);
    r->c = sk_xcalloc(cap, sizeof *r->c);
    r->k = 0;
    r->n = n;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && x[j] == x[i])
            j++;
        if (r->k == cap) {
            cap *= 2;
            r->v = sk_xreallocarray(r->v, cap, sizeof *r->v);
            r->c = sk_xreallocarray(r->c, cap, sizeof *r->c);
        }
        r->v[r->k] = x[i];
        r->c[r->k++] = j - i;
        i = j;
    }
    free(own);
}

void stats_runs_free(struct stats_runs *r)
{
    free(r->v);
    free(r->c);
    r->v = NULL;
    r->c = NULL;
    r->k = r->n = 0;
}

/* The runs of both groups, for the array forms of the tests. */
static void runs_both(const double *a, size_t na, const double *b,
                      size_t nb, struct stats_runs r[2])
{
    stats_runs_make(a, na, &r[0]);
    stats_runs_make(b, nb, &r[1]);
}

static void runs_both_free(struct stats_runs r[2])
{
    stats_runs_free(&r[0]);
    stats_runs_free(&r[1]);
}

/* stats_diff_count_le over runs: the same pointer walk, weighted. */
static unsigned long long runs_count_le(const struct stats_runs *a,
                                        const struct stats_runs *b, double t)
{
    unsigned long long c = 0, suffix = 0;    /* a's count in a[i..) */
    size_t i = a->k;
    for (size_t j = b->k; j-- > 0;) {
        while (i > 0 && b->v[j] - a->v[i - 1] <= t)
            suffix += a->c[--i];
        c += (unsigned long long)b->c[j] * suffix;
    }
    return c;
}

/* The k-th smallest of the differences b - a over runs (k in 1..na nb):
 * the smallest double t with at least k differences <= t, a bisection
 * over the ordered doubles, so t is one of the differences. */
static double runs_kth(const struct stats_runs *ra, const struct stats_runs *rb,
                       unsigned long long k)
{
    uint64_t lo = stats_dkey(rb->v[0] - ra->v[ra->k - 1]);
    uint64_t hi = stats_dkey(rb->v[rb->k - 1] - ra->v[0]);
    while (lo < hi) {
        uint64_t mid = lo + (hi - lo) / 2;
        if (runs_count_le(ra, rb, stats_unkey(mid)) >= k)
            hi = mid;
        else
            lo = mid + 1;
    }
    return stats_unkey(lo);
}

double stats_diff_kth(const double *a, size_t na, const double *b,
                      size_t nb, unsigned long long k)
{
    struct stats_runs r[2];
    runs_both(a, na, b, nb, r);
    double d = runs_kth(&r[0], &r[1], k);
    runs_both_free(r);
    return d;
}

/* R's W(d) of wilcox.test's interval: the standardized rank-sum
 * statistic of c(b - d, a), ties (also between b - d and a) corrected. */
static double w_at(const struct stats_runs *ra, const struct stats_runs *rb,
                   double d, int correct, enum stats_alt alt)
{
    size_t na = ra->n, nb = rb->n;
    struct levels L;
    levels_of(ra, rb, d, &L);    /* b - d: increasing */
    double u = 0, ties = 0, below = 0;
    for (size_t l = 0; l < L.k; l++) {
        double tl = (double)(L.ca[l] + L.cb[l]);
        u += (double)L.cb[l] * (below + 0.5 * (double)L.ca[l]);
        below += (double)L.ca[l];
        ties += tl * tl * tl - tl;
    }
    levels_free(&L);
    double dna = (double)na, dnb = (double)nb, N = dna + dnb;
    double dz = u - dna * dnb / 2;
    double corr = !correct ? 0
                : alt == STATS_TWO_SIDED ? (dz > 0 ? 0.5 : dz < 0 ? -0.5 : 0)
                : alt == STATS_GREATER ? 0.5 : -0.5;
    double sigma = sqrt(dna * dnb / 12 * ((N + 1) - ties / (N * (N - 1))));
    return (dz - corr) / sigma;
}

/* Between neighbouring differences D_(k) < d < D_(k+1), b - d and a have
 * no value in common, so W(d) depends on d only through k: U = nab - k,
 * the ties those within each group. */
struct wctx {
    const struct stats_runs *ra, *rb;
    unsigned long long nab;
    int correct;
    enum stats_alt alt;
    double sigma;
};

static double w_of_count(const struct wctx *c, unsigned long long k)
{
    double dz = (double)(c->nab - k) - (double)c->nab / 2;
    double corr = !c->correct ? 0
                : c->alt == STATS_TWO_SIDED ? (dz > 0 ? 0.5 : dz < 0 ? -0.5 : 0)
                : c->alt == STATS_GREATER ? 0.5 : -0.5;
    return (dz - corr) / c->sigma;
}

/* R's root(zq): mumin or mumax when W there is already past zq, else the
 * difference where W(d) falls below zq (uniroot's root, exact): the k-th
 * difference for the smallest k at which W < zq. */
static double w_root(const struct wctx *c, double wmin, double wmax,
                     double zq)
{
    if (wmin - zq <= 0)
        return c->rb->v[0] - c->ra->v[c->ra->k - 1];
    if (wmax - zq >= 0)
        return c->rb->v[c->rb->k - 1] - c->ra->v[0];
    unsigned long long lo = 1, hi = c->nab;
    while (lo < hi) {
        unsigned long long mid = lo + (hi - lo) / 2;
        if (w_of_count(c, mid) < zq)
            hi = mid;
        else
            lo = mid + 1;
    }
    return runs_kth(c->ra, c->rb, lo);
}

/* stats_tie_sum over runs: the same sum in the same order */
static double runs_tie_sum(const struct stats_runs *r)
{
    double s = 0;
    for (size_t i = 0; i < r->k; i++) {
        double t = (double)r->c[i];
        s += t * t * t - t;
    }
    return s;
}

static void hl_interval(const struct stats_runs *ra,
                        const struct stats_runs *rb, int exact,
                        const struct stats_ranksum_opts *o,
                        struct stats_ranksum *r)
{
    size_t na = ra->n, nb = rb->n;
    unsigned long long nab = (unsigned long long)na * nb;
    double alpha = 1 - o->level;
    r->hl_lo = o->alt == STATS_LESS ? -INFINITY : NAN;
    r->hl_hi = o->alt == STATS_GREATER ? INFINITY : NAN;
    if (exact) {
        /* R: qu = qwilcox(alpha/2 or alpha), at least 1; diffs[qu] and
         * diffs[nab - qu + 1] */
        double a2 = o->alt == STATS_TWO_SIDED ? alpha / 2 : alpha;
        double qu = dist_qwilcox(a2, nb, na);
        if (qu == 0)
            qu = 1;
        unsigned long long iq = (unsigned long long)qu, ql = nab - iq;
        double achieved = dist_pwilcox(qu - 1, nb, na, 1);
        if (o->alt == STATS_TWO_SIDED)
            achieved *= 2;
        if (achieved - alpha > alpha / 2)
            r->flags |= STATS_TG_LEVEL_NOT_ACHIEVED;
        if (o->alt != STATS_LESS)
            r->hl_lo = runs_kth(ra, rb, iq);
        if (o->alt != STATS_GREATER)
            r->hl_hi = runs_kth(ra, rb, ql + 1);
        r->hl_exact = 1;
        return;
    }
    double dna = (double)na, dnb = (double)nb, N = dna + dnb;
    struct wctx c = { ra, rb, nab, o->correct, o->alt, 0 };
    double ties = runs_tie_sum(ra) + runs_tie_sum(rb);
    c.sigma = sqrt(dna * dnb / 12 * ((N + 1) - ties / (N * (N - 1))));
    double mumin = rb->v[0] - ra->v[ra->k - 1];
    double mumax = rb->v[rb->k - 1] - ra->v[0];
    double wmin = w_at(ra, rb, mumin, o->correct, o->alt);
    double wmax = w_at(ra, rb, mumax, o->correct, o->alt);
    if (!isfinite(wmin) || !isfinite(wmax))
        return;     /* R: "cannot compute confidence interval when all
                       observations are tied" */
    if (o->alt == STATS_TWO_SIDED) {
        r->hl_lo = w_root(&c, wmin, wmax, dist_qnorm(1 - alpha / 2));
        r->hl_hi = w_root(&c, wmin, wmax, dist_qnorm(alpha / 2));
    } else if (o->alt == STATS_GREATER) {
        r->hl_lo = w_root(&c, wmin, wmax, dist_qnorm(1 - alpha));
    } else {
        r->hl_hi = w_root(&c, wmin, wmax, dist_qnorm(alpha));
    }
}

void stats_ranksum(const double *a, size_t na, const double *b, size_t nb,
                   const struct stats_ranksum_opts *o,
                   struct stats_ranksum *r)
{
    struct stats_runs ru[2];
    runs_both(a, na, b, nb, ru);
    stats_ranksum_runs(&ru[0], &ru[1], o, r);
    runs_both_free(ru);
}

void stats_ranksum_runs(const struct stats_runs *ra,
                        const struct stats_runs *rb,
                        const struct stats_ranksum_opts *o,
                        struct stats_ranksum *r)
{
    size_t na = ra->n, nb = rb->n;
    memset(r, 0, sizeof *r);
    r->n_a = na;
    r->n_b = nb;
    r->W = r->p = r->hl = r->hl_lo = r->hl_hi = NAN;
    r->method = STATS_W_NONE;
    if (na == 0 || nb == 0) {
        r->flags |= STATS_TG_SMALL_N;
        return;
    }
    struct levels L;
    levels_of(ra, rb, 0, &L);
    /* W = sum of B's mid-ranks - nb (nb + 1) / 2, from the doubled ranks */
    unsigned long long below = 0, w2 = 0;
    unsigned long *t = sk_xcalloc(L.k, sizeof *t);
    double ties = 0;
    for (size_t l = 0; l < L.k; l++) {
        t[l] = L.ca[l] + L.cb[l];
        w2 += (unsigned long long)L.cb[l] * (2 * below + t[l] + 1);
        below += t[l];
        double tl = (double)t[l];
        ties += tl * tl * tl - tl;
        r->ties |= t[l] > 1;
    }
    double dna = (double)na, dnb = (double)nb, N = dna + dnb;
    unsigned long long nab = (unsigned long long)na * nb;
    r->W = (double)w2 / 2 - dnb * (dnb + 1) / 2;
    if (nab % 2)
        r->hl = runs_kth(ra, rb, (nab + 1) / 2);
    else
        r->hl = runs_kth(ra, rb, nab / 2) / 2 +
                runs_kth(ra, rb, nab / 2 + 1) / 2;
    if (L.k == 1) {
        r->flags |= STATS_TG_ALL_EQUAL;
        r->W = NAN;
        goto out;
    }
    int exact = o->force_approx ? 0
              : o->force_exact ? 1
              : (na < 50 && nb < 50 && !r->ties);
    if (exact && !r->ties) {
        double q = r->W;
        if (o->alt == STATS_GREATER)
            r->p = dist_pwilcox(q - 1, nb, na, 0);
        else if (o->alt == STATS_LESS)
            r->p = dist_pwilcox(q, nb, na, 1);
        else
            r->p = fmin(1, 2 * (q > dna * dnb / 2
                                ? dist_pwilcox(q - 1, nb, na, 0)
                                : dist_pwilcox(q, nb, na, 1)));
        r->method = STATS_W_EXACT;
    } else if (exact) {
        double le, ge, two;
        r->method = STATS_W_EXACT_TIES;
        if (stats_ranksum_exact(t, L.k, (unsigned long)nb, w2,
                                STATS_RANKSUM_WORK, &le, &ge, &two) != 0)
            r->flags |= STATS_TG_TOO_BIG;
        else
            r->p = o->alt == STATS_LESS ? le
                 : o->alt == STATS_GREATER ? ge : two;
    } else {
        double z = r->W - dna * dnb / 2;
        double sigma = sqrt(dna * dnb / 12 * ((N + 1) - ties / (N * (N - 1))));
        double corr = !o->correct ? 0
                    : o->alt == STATS_TWO_SIDED ? (z > 0 ? 0.5 : z < 0 ? -0.5 : 0)
                    : o->alt == STATS_GREATER ? 0.5 : -0.5;
        z = (z - corr) / sigma;
        if (o->alt == STATS_LESS)
            r->p = dist_pnorm(z);
        else if (o->alt == STATS_GREATER)
            r->p = dist_pnorm_upper(z);
        else
            r->p = 2 * fmin(dist_pnorm(z), dist_pnorm_upper(z));
        r->method = STATS_W_NORMAL;
    }
    hl_interval(ra, rb, exact && !r->ties, o, r);
out:
    free(t);
    levels_free(&L);
}

/* ---- dominance ----------------------------------------------------- */

void stats_dominance(const double *a, size_t na, const double *b, size_t nb,
                     double level, enum stats_alt alt,
                     struct stats_dominance *r)
{
    struct stats_runs ru[2];
    runs_both(a, na, b, nb, ru);
    stats_dominance_runs(&ru[0], &ru[1], level, alt, r);
    runs_both_free(ru);
}

void stats_dominance_runs(const struct stats_runs *ra,
                          const struct stats_runs *rb, double level,
                          enum stats_alt alt, struct stats_dominance *r)
{
    size_t na = ra->n, nb = rb->n;
    r->p_gt = r->p_eq = r->p_lt = r->theta = r->delta = NAN;
    r->se = r->t_bm = r->df = r->p_bm = NAN;
    r->theta_lo = r->theta_hi = r->delta_lo = r->delta_hi = NAN;
    r->flags = 0;
    if (na == 0 || nb == 0) {
        r->flags |= STATS_TG_SMALL_N;
        return;
    }
    struct levels L;
    levels_of(ra, rb, 0, &L);
    /* placements: P_b = #{a < b} + #{a = b}/2 (doubled: integers) */
    unsigned long long gt = 0, eq = 0, ba = 0, bb = 0;
    for (size_t l = 0; l < L.k; l++) {
        gt += (unsigned long long)L.cb[l] * ba;
        eq += (unsigned long long)L.cb[l] * L.ca[l];
        ba += L.ca[l];
        bb += L.cb[l];
    }
    double nab = (double)na * (double)nb, dna = (double)na, dnb = (double)nb;
    unsigned long long lt = (unsigned long long)na * nb - gt - eq;
    r->p_gt = (double)gt / nab;
    r->p_eq = (double)eq / nab;
    r->p_lt = (double)lt / nab;
    r->theta = ((double)gt + (double)eq / 2) / nab;
    r->delta = ((double)gt - (double)lt) / nab;
    if (na < 2 || nb < 2) {
        r->flags |= STATS_TG_SMALL_N;
        goto out;
    }
    /* variances of the placements of each group among the other */
    double mb = ((double)gt + (double)eq / 2) / dnb;    /* mean P_b */
    double ma = ((double)lt + (double)eq / 2) / dna;    /* mean P_a */
    double ssa = 0, ssb = 0;
    ba = bb = 0;
    for (size_t l = 0; l < L.k; l++) {
        double pb = (double)ba + (double)L.ca[l] / 2;   /* of a b here */
        double pa = (double)bb + (double)L.cb[l] / 2;   /* of an a here */
        ssb += (double)L.cb[l] * (pb - mb) * (pb - mb);
        ssa += (double)L.ca[l] * (pa - ma) * (pa - ma);
        ba += L.ca[l];
        bb += L.cb[l];
    }
    double Sa = ssa / (dna - 1), Sb = ssb / (dnb - 1);
    double v = dna * Sa + dnb * Sb;
    if (v == 0) {
        r->flags |= L.k == 1 ? STATS_TG_ALL_EQUAL : STATS_TG_CONSTANT;
        goto out;
    }
    r->se = sqrt(v) / nab;
    r->t_bm = (r->theta - 0.5) / r->se;
    r->df = v * v / (dna * Sa * dna * Sa / (dna - 1) +
                     dnb * Sb * dnb * Sb / (dnb - 1));
    r->p_bm = stats_t_p(r->t_bm, r->df, alt);
    double alpha = 1 - level;
    if (alt == STATS_TWO_SIDED) {
        double q = dist_qt(1 - alpha / 2, r->df);
        r->theta_lo = fmax(0, r->theta - q * r->se);
        r->theta_hi = fmin(1, r->theta + q * r->se);
    } else {
        double q = dist_qt(level, r->df);
        r->theta_lo = alt == STATS_GREATER ? fmax(0, r->theta - q * r->se) : 0;
        r->theta_hi = alt == STATS_LESS ? fmin(1, r->theta + q * r->se) : 1;
    }
    r->delta_lo = 2 * r->theta_lo - 1;
    r->delta_hi = 2 * r->theta_hi - 1;
out:
    levels_free(&L);
}

/* ---- Fisher's exact test, 2 x k ------------------------------------ */

/* The network search for kk >= 3 columns. The tables are enumerated
 * column by column, B's count c in each; a node is (column l, r of B
 * left to place, past = the sum of log C(t_j, c_j) over the columns
 * before l), and the observed table's threshold is thr (R: a table
 * counts when its probability is at most the observed's, to the relative
 * tolerance 1e-7). With best[l][r], the largest sum of log C over the
 * columns l.. placing r (a max-plus convolution of the concave
 * sequences log C(t_j, .), itself concave, so made by merging their
 * slopes), g(c) = log C(t_l, c) + best[l + 1][r - c] is concave in c:
 * the children whose every completion counts are two tails of c, and
 * their whole mass is a hypergeometric tail (c of t_l against r - c of
 * the columns after), read from a table made once for each (l, r) met.
 * Only the children between the tails are visited; in the last but one
 * column every child is a single table, so a node there costs three
 * binary searches. */
struct fisher {
    size_t k;
    const unsigned long *t;         /* column totals */
    const unsigned long long *rem;  /* rem[l]: total of columns l.. */
    double **lc;                    /* lc[l][c] = log C(t[l], c) */
    double **lrem;                  /* lrem[l][j] = log C(rem[l], j) */
    double *best;                   /* [l * (nb + 1) + r] */
    struct fisher_tail **tail;      /* [l * (nb + 1) + r], made when met */
    unsigned long nb;
    double thr, lnorm, sum;
    unsigned long nodes, work;
    int over;
    /* the columns split.. enumerated once when they are few and small
     * (split = k when not): for each r, the log probabilities L of their
     * partial tables placing r, increasing (memo_L[start[r] ..
     * start[r + 1])), and cum = the running sums of exp(L - Lmax[r]) */
    size_t split;
    size_t *start;
    double *memo_L, *memo_cum, *Lmax;
};

/* For a node (l, r): the children c in [lo, lo + n), the log of the
 * mass of all its completions, log C(rem[l], r), and the hypergeometric
 * probabilities of c summed from either end: pre[i] of c = lo..lo + i,
 * suf[i] of c = lo + i..lo + n - 1 (summed from the small end, so that a
 * small tail keeps its digits). */
struct fisher_tail {
    unsigned long lo, n, mode;      /* mode: of g(c), below */
    double lmass;
    double *pre, *suf;
};

static double lchoose(unsigned long n, unsigned long k)
{
    gsl_sf_result res;
    if (k > n || gsl_sf_lnchoose_e(n, k, &res) != GSL_SUCCESS)
        return -INFINITY;
    return res.val;
}

struct rl {
    unsigned long r;
    double L;
};

static int cmp_rl(const void *p, const void *q)
{
    const struct rl *x = p, *y = q;
    if (x->r != y->r)
        return (x->r > y->r) - (x->r < y->r);
    return (x->L > y->L) - (x->L < y->L);
}

static void suffix_enum(const struct fisher *f, size_t l, unsigned long r,
                        double L, struct rl *out, size_t *n)
{
    if (l == f->k) {
        out[*n].r = r;
        out[*n].L = L;
        (*n)++;
        return;
    }
    for (unsigned long c = 0; c <= f->t[l]; c++)
        suffix_enum(f, l + 1, r + c, L + f->lc[l][c], out, n);
}

/* Build the memo of the columns split..k (size entries). */
static void suffix_memo(struct fisher *f, size_t size)
{
    struct rl *e = sk_xcalloc(size, sizeof *e);
    size_t n = 0;
    suffix_enum(f, f->split, 0, 0, e, &n);
    qsort(e, n, sizeof *e, cmp_rl);
    unsigned long nr = f->nb + 1;
    f->start = sk_xcalloc(nr + 1, sizeof *f->start);
    f->Lmax = sk_xcalloc(nr, sizeof *f->Lmax);
    f->memo_L = sk_xcalloc(n ? n : 1, sizeof *f->memo_L);
    f->memo_cum = sk_xcalloc(n ? n : 1, sizeof *f->memo_cum);
    size_t m = 0;               /* sorted by r: bucket r is e[m..j) */
    for (unsigned long r = 0; r < nr; r++) {
        f->start[r] = m;
        size_t j = m;
        while (j < n && e[j].r == r)
            j++;
        double lmax = j > m ? e[j - 1].L : -INFINITY, run = 0;
        for (size_t q = m; q < j; q++) {
            f->memo_L[q] = e[q].L;
            f->memo_cum[q] = run += exp(e[q].L - lmax);
        }
        f->Lmax[r] = lmax;
        m = j;
    }
    f->start[nr] = m;
    free(e);
}

/* The tail table of node (l, r), its children c in [lo, hi]: made the
 * first time the node is met, kept for the others. */
static const struct fisher_tail *fisher_tail(struct fisher *f, size_t l,
                                             unsigned long r,
                                             unsigned long lo,
                                             unsigned long hi)
{
    struct fisher_tail **slot = &f->tail[l * (f->nb + 1) + r];
    if (*slot)
        return *slot;
    struct fisher_tail *tl = sk_xcalloc(1, sizeof *tl);
    tl->lo = lo;
    tl->n = hi - lo + 1;
    tl->lmass = f->lrem[l][r];
    tl->pre = sk_xcalloc(2 * tl->n, sizeof *tl->pre);
    tl->suf = tl->pre + tl->n;
    const double *lc = f->lc[l], *lr = f->lrem[l + 1];
    for (unsigned long i = 0; i < tl->n; i++) {
        unsigned long c = lo + i;
        tl->suf[i] = exp(lc[c] + lr[r - c] - tl->lmass);
    }
    double run = 0;
    for (unsigned long i = 0; i < tl->n; i++)
        tl->pre[i] = run += tl->suf[i];
    run = 0;
    for (unsigned long i = tl->n; i-- > 0;)
        tl->suf[i] = run += tl->suf[i];
    /* the probabilities sum to 1 (Vandermonde): divided by their sum, a
     * node whose completions all count adds its mass exactly, and a p of
     * 1 is 1 */
    double total = tl->pre[tl->n - 1];
    for (unsigned long i = 0; i < 2 * tl->n; i++)
        tl->pre[i] /= total;
    /* the mode of g(c) = log C(t_l, c) + best[l + 1][r - c]: the first
     * c whose successor is no larger */
    const double *bn = f->best + (l + 1) * (f->nb + 1);
    unsigned long a = lo, b = hi;
    while (a < b) {
        unsigned long mid = a + (b - a) / 2;
        if (lc[mid + 1] + bn[r - mid - 1] > lc[mid] + bn[r - mid])
            a = mid + 1;
        else
            b = mid;
    }
    tl->mode = a;
    f->nodes += tl->n / 4;
    *slot = tl;
    return tl;
}

static void fisher_node(struct fisher *f, size_t l, unsigned long r,
                        double past)
{
    if (f->over)
        return;
    if (++f->nodes > f->work) {
        f->over = 1;
        return;
    }
    if (l == f->split) {
        /* the completions with past + L <= thr: a prefix of the memo */
        size_t lo = f->start[r], hi = f->start[r + 1];
        double lim = f->thr - past;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (f->memo_L[mid] <= lim)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo > f->start[r])
            f->sum += f->memo_cum[lo - 1] *
                      exp(past + f->Lmax[r] - f->lnorm);
        return;
    }
    size_t W = f->nb + 1;
    const double *lc = f->lc[l], *bn = f->best + (l + 1) * W;
    unsigned long long after = f->rem[l + 1];
    unsigned long cmin = r > after ? (unsigned long)(r - after) : 0;
    unsigned long cmax = r < f->t[l] ? r : f->t[l];
    double lim = f->thr - past;
#define G(c) (lc[c] + bn[r - (c)])
    const struct fisher_tail *tl = fisher_tail(f, l, r, cmin, cmax);
    unsigned long m = tl->mode, lo, hi;
    double scale = exp(past + tl->lmass - f->lnorm);
    if (G(m) <= lim) {          /* every completion counts: all its mass */
        f->sum += scale;
        return;
    }
    /* a: the first c of [cmin, m] with g(c) > lim (g increases there) */
    lo = cmin;
    hi = m;
    while (lo < hi) {
        unsigned long mid = lo + (hi - lo) / 2;
        if (G(mid) > lim)
            hi = mid;
        else
            lo = mid + 1;
    }
    unsigned long a = lo;
    /* b: the first c of (m, cmax + 1] with g(c) <= lim (g decreases) */
    lo = m + 1;
    hi = cmax + 1;
    while (lo < hi) {
        unsigned long mid = lo + (hi - lo) / 2;
        if (G(mid) <= lim)
            hi = mid;
        else
            lo = mid + 1;
    }
    unsigned long b = lo;
#undef G
    double tails = 0;
    if (a > cmin)
        tails += tl->pre[a - 1 - cmin];
    if (b <= cmax)
        tails += tl->suf[b - cmin];
    f->sum += scale * tails;
    if (l + 2 < f->k || l + 1 == f->split)  /* a..b-1 straddle or miss */
        for (unsigned long c = a; c < b; c++)
            fisher_node(f, l + 1, r - c, past + lc[c]);
}

/* An upper bound on the number of 2 x k tables with column totals
 * t[0..k) and nb in the second row: each column but the largest takes
 * one of min(t_l, nb) + 1 counts, and the largest is then determined. */
static double fisher_tables_bound(const unsigned long *t, size_t k,
                                  unsigned long nb)
{
    size_t big = 0;
    for (size_t l = 1; l < k; l++)
        if (t[l] > t[big])
            big = l;
    double n = 1;
    for (size_t l = 0; l < k; l++)
        if (l != big)
            n *= (double)(t[l] < nb ? t[l] : nb) + 1;
    return n;
}

/* A 2 x 2 table: one free count x of B in the first column; the sum of
 * the hypergeometric probabilities no larger than the observed's (R's
 * relative tolerance 1e-7), O(n). */
static double fisher_2x2(const unsigned long *t, unsigned long nb,
                         unsigned long xobs)
{
    double lnorm = lchoose(t[0] + t[1], nb);
    double thr = lchoose(t[0], xobs) + lchoose(t[1], nb - xobs) +
                 log1p(1e-7);
    unsigned long lo = nb > t[1] ? nb - t[1] : 0, hi = nb < t[0] ? nb : t[0];
    double sum = 0;
    for (unsigned long x = lo; x <= hi; x++) {
        double l = lchoose(t[0], x) + lchoose(t[1], nb - x);
        if (l <= thr)
            sum += exp(l - lnorm);
    }
    return fmin(1, sum);
}

/* The log choose tables lc[l][c] = log C(t_l, c) and lrem[l][j] =
 * log C(rem_l, j), j <= nb (l < k: no node is in the last column); and
 * best[l][r], the largest sum of log C
 * over the columns l.. placing r (-Inf when r does not fit): the
 * max-plus convolution of log C(t_l, .) and best[l + 1], both concave,
 * is their slopes merged in decreasing order. */
static void fisher_tables(struct fisher *f)
{
    size_t kk = f->k, W = f->nb + 1;
    const unsigned long *t = f->t;
    f->lc = sk_xcalloc(kk, sizeof *f->lc);
    for (size_t l = 0; l < kk; l++) {
        f->lc[l] = sk_xcalloc(t[l] + 1, sizeof **f->lc);
        for (unsigned long c = 0; c <= t[l]; c++)
            f->lc[l][c] = lchoose(t[l], c);
    }
    f->lrem = sk_xcalloc(kk, sizeof *f->lrem);
    for (size_t l = 0; l < kk; l++) {
        f->lrem[l] = sk_xcalloc(W, sizeof **f->lrem);
        for (unsigned long j = 0; j < W; j++)
            f->lrem[l][j] = lchoose((unsigned long)f->rem[l], j);
    }
    f->best = sk_xcalloc(kk * W, sizeof *f->best);
    for (size_t l = kk; l-- > 0;) {
        double *b = f->best + l * W;
        if (l == kk - 1) {
            for (unsigned long r = 0; r < W; r++)
                b[r] = r <= t[l] ? f->lc[l][r] : -INFINITY;
            continue;
        }
        const double *x = f->lc[l], *y = f->best + (l + 1) * W;
        unsigned long nx = t[l];
        unsigned long long ny = f->rem[l + 1] < f->nb ? f->rem[l + 1] : f->nb;
        unsigned long i = 0, j = 0;
        for (unsigned long r = 0; r < W; r++) {
            if (r > 0) {
                if (i < nx && (j >= ny || x[i + 1] - x[i] >= y[j + 1] - y[j]))
                    i++;
                else if (j < ny)
                    j++;
                else {
                    for (; r < W; r++)
                        b[r] = -INFINITY;
                    break;
                }
            }
            b[r] = x[i] + y[j];
        }
    }
}

/* The predicted work of the search, in nodes, before any table is made:
 * the tables met are those near the contour of the observed table's
 * probability, a section of the ellipsoid q(x) <= q_obs of the normal
 * approximation (q_obs = 2 (L_mode - L_obs), the mode approximated by the
 * expected counts); the nodes of column d are about its projection on
 * the counts of the columns before, the ball in a box of half-widths
 * sqrt(q_obs v_i) (v_i the variance of B's count in column i given the
 * columns before, hypergeometric; the box's edges one more count). Then
 * the tables of log C and the bounds, a quarter node a cell. T
 * increasing; the columns before SPLIT are enumerated. */
static double fisher_predict(const unsigned long *t, size_t kk, size_t split,
                             unsigned long na, unsigned long nb, double lobs)
{
    double N = (double)na + (double)nb, lmode = 0, cells = 0;
    unsigned long placed = 0;
    for (size_t l = 0; l < kk; l++) {
        /* B's expected count, what is left for the last column */
        unsigned long x = l + 1 < kk ? (unsigned long)floor(
                                           (double)t[l] * nb / N + 0.5)
                                     : nb - placed;
        if (x > nb - placed)
            x = nb - placed;
        if (x > t[l])
            x = t[l];
        placed += x;
        lmode += lchoose(t[l], x);
        cells += (double)t[l] + 1 + 2.0 * ((double)nb + 1);
    }
    double q = fmax(0, 2 * (lmode - lobs)) + 1;
    double c = (double)na * nb / (N - 1), S = 0, nodes = 0, box = 1;
    size_t depth = split < kk - 2 ? split : kk - 2;
    for (size_t i = 0; i < depth; i++) {
        double p = (double)t[i] / N;
        double v = c * p * (1 - S - p) / (1 - S);
        S += p;
        box *= 2 * sqrt(q * fmax(v, 0)) + 1;
        /* the ball in the box: pi^(d/2) / (2^d Gamma(d/2 + 1)) */
        double d = (double)(i + 1);
        nodes += box * exp(d / 2 * log(M_PI) - d * M_LN2 - lgamma(d / 2 + 1));
    }
    return nodes + cells / 4;
}

/* The network search (kk >= 3 columns t, nb of B, lobs the observed
 * table's sum of log C): the p-value, or NAN with *over set beyond WORK
 * nodes. The columns are taken in increasing size: the small ones are
 * enumerated, the largest two are the last. */
static double fisher_network(const unsigned long *t0, size_t kk,
                             unsigned long na, unsigned long nb, double lobs,
                             unsigned long work, int *over)
{
    unsigned long *t = sk_xcalloc(kk, sizeof *t);
    memcpy(t, t0, kk * sizeof *t);
    for (size_t i = 1; i < kk; i++)     /* insertion sort: kk <= 10 */
        for (size_t j = i; j > 0 && t[j - 1] > t[j]; j--) {
            unsigned long s = t[j];
            t[j] = t[j - 1];
            t[j - 1] = s;
        }
    unsigned long long *rem = sk_xcalloc(kk + 1, sizeof *rem);
    for (size_t l = kk; l-- > 0;)
        rem[l] = rem[l + 1] + t[l];
    struct fisher f = { .k = kk, .t = t, .rem = rem, .nb = nb, .work = work };
    /* the last columns, three or more, when they make at most
     * STATS_FISHER_MEMO partial tables, are enumerated once (meet in the
     * middle; two are met by the tails) ... */
    double size = 1;
    f.split = kk;
    while (f.split > 1 &&
           size * (double)(t[f.split - 1] + 1) <= STATS_FISHER_MEMO) {
        size *= (double)(t[f.split - 1] + 1);
        f.split--;
    }
    /* ... when that is cheaper: a memo's table costs about three nodes
     * (made, sorted), and the search without it visits more nodes */
    double predicted = fisher_predict(t, kk, kk, na, nb, lobs);
    double memo = kk - f.split >= 3
                      ? fisher_predict(t, kk, f.split, na, nb, lobs) + 3 * size
                      : INFINITY;
    if (memo < predicted)
        predicted = memo;
    else {
        f.split = kk;
        size = 0;
    }
    if (predicted > (double)work &&
        fisher_tables_bound(t, kk, nb < na ? nb : na) > (double)work) {
        free(rem);
        free(t);
        *over = 1;              /* out of reach: refused before starting */
        return NAN;
    }
    /* the prediction is within a few percent here; the search stops at
     * twice the work in case it is not */
    f.work = 2 * work;
    fisher_tables(&f);
    f.tail = sk_xcalloc(kk * (nb + 1), sizeof *f.tail);
    f.lnorm = lchoose(na + nb, nb);
    /* R: tables with probability <= the observed (1 + 1e-7) */
    f.thr = lobs + log1p(1e-7);
    f.nodes = (unsigned long)size;
    if (f.split < kk)
        suffix_memo(&f, (size_t)size);
    fisher_node(&f, 0, nb, 0);
    *over = f.over;
    for (size_t i = 0; i < kk * (nb + 1); i++)
        if (f.tail[i]) {
            free(f.tail[i]->pre);
            free(f.tail[i]);
        }
    free(f.tail);
    free(f.best);
    free(f.start);
    free(f.Lmax);
    free(f.memo_L);
    free(f.memo_cum);
    for (size_t l = 0; l < kk; l++)
        free(f.lc[l]);
    for (size_t l = 0; l < kk; l++)
        free(f.lrem[l]);
    free(f.lc);
    free(f.lrem);
    free(rem);
    free(t);
    return f.over ? NAN : fmin(1, f.sum);
}

double stats_fisher_2xk(const unsigned long *ca, const unsigned long *cb,
                        size_t k, unsigned long work, int *flags)
{
    unsigned long *t = sk_xcalloc(k ? k : 1, sizeof *t);
    unsigned long nb = 0, na = 0, x0 = 0;
    size_t kk = 0;
    double lobs = 0;
    for (size_t l = 0; l < k; l++) {
        if (ca[l] + cb[l] == 0)
            continue;           /* empty columns do not count */
        if (kk == 0)
            x0 = cb[l];
        t[kk] = ca[l] + cb[l];
        lobs += lchoose(t[kk++], cb[l]);
        na += ca[l];
        nb += cb[l];
    }
    double p = NAN;
    int over = 0;
    if (kk > STATS_FISHER_MAXK)
        *flags |= STATS_TG_MANY_VALUES;
    else if (kk <= 1 || na == 0 || nb == 0)
        p = 1;
    else if (kk == 2) {
        /* one pass over the counts of the smaller column */
        if (fisher_tables_bound(t, kk, nb < na ? nb : na) > (double)work)
            *flags |= STATS_TG_TOO_BIG;
        else
            p = fisher_2x2(t, nb, x0);
    } else {
        p = fisher_network(t, kk, na, nb, lobs, work, &over);
        if (over)
            *flags |= STATS_TG_TOO_BIG;
    }
    free(t);
    return p;
}

double stats_fisher_values(const double *a, size_t na, const double *b,
                           size_t nb, int *flags)
{
    struct stats_runs r[2];
    runs_both(a, na, b, nb, r);
    double p = stats_fisher_runs(&r[0], &r[1], flags);
    runs_both_free(r);
    return p;
}

double stats_fisher_runs(const struct stats_runs *ra,
                         const struct stats_runs *rb, int *flags)
{
    if (ra->n == 0 || rb->n == 0) {
        *flags |= STATS_TG_SMALL_N;
        return NAN;
    }
    struct levels L;
    levels_of(ra, rb, 0, &L);
    double p = stats_fisher_2xk(L.ca, L.cb, L.k, STATS_FISHER_WORK, flags);
    levels_free(&L);
    return p;
}

/* ---- partially overlapping samples --------------------------------- */

void stats_partover(const double *a_only, size_t n1, const double *b_only,
                    size_t n2, const double *pa, const double *pb, size_t nc,
                    double level, enum stats_alt alt, int var_equal,
                    struct stats_partover *r)
{
    r->diff = r->se = r->r = r->t = r->df = r->p = r->lo = r->hi = NAN;
    r->flags = 0;
    size_t na = n1 + nc, nb = n2 + nc;
    if (na < 2 || nb < 2 || nc == 1) {
        r->flags |= STATS_TG_SMALL_N;
        return;
    }
    double *xa = sk_xcalloc(na, sizeof *xa), *xb = sk_xcalloc(nb, sizeof *xb);
    if (n1)
        memcpy(xa, a_only, n1 * sizeof *xa);
    if (nc)
        memcpy(xa + n1, pa, nc * sizeof *xa);
    if (n2)
        memcpy(xb, b_only, n2 * sizeof *xb);
    if (nc)
        memcpy(xb + n2, pb, nc * sizeof *xb);
    double ma, sa, mb, sb;
    mean_sd(xa, na, &ma, &sa);
    mean_sd(xb, nb, &mb, &sb);
    free(xa);
    free(xb);
    r->diff = mb - ma;
    double rho = 0;
    if (nc >= 2) {
        /* Pearson's r of the pairs, from centred sums */
        double m3, s3, m4, s4, sxy = 0;
        mean_sd(pa, nc, &m3, &s3);
        mean_sd(pb, nc, &m4, &s4);
        if (s3 > 0 && s4 > 0) {
            for (size_t i = 0; i < nc; i++)
                sxy += (pa[i] - m3) * (pb[i] - m4);
            rho = sxy / ((double)(nc - 1) * s3 * s4);
            r->r = rho;
        } else          /* covariance 0: r undefined, taken as 0 */
            r->flags |= STATS_TG_PAIRS_CONSTANT;
    } else
        r->r = 0;
    double dna = (double)na, dnb = (double)nb, dnc = (double)nc;
    double nu = (double)(n1 + n2), va = sa * sa, vb = sb * sb;
    if (var_equal) {
        double sp = sqrt(((dna - 1) * va + (dnb - 1) * vb) / (dna + dnb - 2));
        r->se = sp * sqrt(1 / dna + 1 / dnb - 2 * rho * dnc / (dna * dnb));
        r->df = (dnc - 1) + (nu + dnc - 1) * nu / (nu + 2 * dnc);
    } else {
        double ea = va / dna, eb = vb / dnb;
        r->se = sqrt(ea + eb - 2 * rho * sa * sb * dnc / (dna * dnb));
        double gamma = (ea + eb) * (ea + eb) /
                       (ea * ea / (dna - 1) + eb * eb / (dnb - 1));
        r->df = (dnc - 1) + (gamma - dnc + 1) * nu / (nu + 2 * dnc);
    }
    if (!(r->se > 0)) {
        r->se = r->df = NAN;
        r->flags |= STATS_TG_CONSTANT;
        return;
    }
    r->t = r->diff / r->se;
    r->p = stats_t_p(r->t, r->df, alt);
    stats_t_interval(r->t, r->se, r->df, level, alt, &r->lo, &r->hi);
}
