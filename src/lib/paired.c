/* paired.c - paired comparisons: t, signed-rank, Hodges-Lehmann, sign. */
#include <config.h>

#include "paired.h"
#include "describe.h"
#include "dist.h"
#include "util.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void stats_ttest(const double *d, size_t n, double level, enum stats_alt alt,
                 struct stats_ttest *r)
{
    r->n = n;
    r->mean = r->sd = r->se = r->lo = r->hi = NAN;
    r->t = r->df = r->p = r->dz = r->dz_lo = r->dz_hi = NAN;
    r->const_sd = 0;
    if (n == 0)
        return;
    double var;
    stats_mean_var(d, NULL, n, n, &r->mean, &var);
    if (n < 2)
        return;
    double df = (double)(n - 1), alpha = 1 - level, sqn = sqrt((double)n);
    r->df = df;
    r->sd = sqrt(var);
    r->se = r->sd / sqn;
    if (r->sd == 0) {
        /* Constant differences: R stops ("data are essentially
         * constant"); here t is infinite, or 0/0 when the mean is 0. */
        r->const_sd = 1;
        r->t = r->mean > 0 ? INFINITY : r->mean < 0 ? -INFINITY : NAN;
        r->dz = r->t;
    } else {
        r->t = r->mean / r->se;
        r->dz = r->mean / r->sd;
    }
    switch (alt) {
    case STATS_TWO_SIDED:
        r->p = 2 * dist_pt(-fabs(r->t), df);
        break;
    case STATS_LESS:
        r->p = dist_pt(r->t, df);
        break;
    case STATS_GREATER:
        r->p = dist_pt_upper(r->t, df);
        break;
    }
    if (r->p > 1)
        r->p = 1;
    /* CI of the mean as R computes it: (t -+ q) se */
    if (r->const_sd) {
        r->lo = alt == STATS_LESS ? -INFINITY : r->mean;
        r->hi = alt == STATS_GREATER ? INFINITY : r->mean;
    } else if (alt == STATS_TWO_SIDED) {
        double q = dist_qt(1 - alpha / 2, df);
        r->lo = (r->t - q) * r->se;
        r->hi = (r->t + q) * r->se;
    } else {
        double q = dist_qt(level, df);
        r->lo = alt == STATS_GREATER ? (r->t - q) * r->se : -INFINITY;
        r->hi = alt == STATS_LESS ? (r->t + q) * r->se : INFINITY;
    }
    /* d_z: invert the noncentral t at t for the noncentrality, / sqrt n */
    if (!r->const_sd) {
        if (alt == STATS_TWO_SIDED) {
            r->dz_lo = dist_nct_ncp(r->t, df, 1 - alpha / 2) / sqn;
            r->dz_hi = dist_nct_ncp(r->t, df, alpha / 2) / sqn;
        } else if (alt == STATS_GREATER) {
            r->dz_lo = dist_nct_ncp(r->t, df, 1 - alpha) / sqn;
            r->dz_hi = INFINITY;
        } else {
            r->dz_lo = -INFINITY;
            r->dz_hi = dist_nct_ncp(r->t, df, alpha) / sqn;
        }
    }
}

double *stats_signrank_dist(const unsigned long *w, size_t m, size_t *len)
{
    unsigned long total = 0;
    for (size_t i = 0; i < m; i++)
        total += w[i];
    double *prob = sk_xcalloc(total + 1, sizeof *prob);
    prob[0] = 1;
    unsigned long top = 0;        /* largest sum reached so far */
    for (size_t i = 0; i < m; i++) {
        unsigned long wi = w[i];
        for (unsigned long s = top + wi; s >= wi && s > 0; s--)
            prob[s] = 0.5 * prob[s] + 0.5 * prob[s - wi];
        for (unsigned long s = 0; s < wi && s <= top; s++)
            prob[s] *= 0.5;
        top += wi;
    }
    *len = total + 1;
    return prob;
}

/* Doubles in an order-preserving unsigned key, and back. */
static uint64_t dkey(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return (u >> 63) ? ~u : u | (UINT64_C(1) << 63);
}

static double unkey(uint64_t k)
{
    uint64_t u = (k >> 63) ? k & ~(UINT64_C(1) << 63) : ~k;
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

unsigned long long stats_walsh_count_le(const double *x, size_t n, double t)
{
    unsigned long long c = 0;
    size_t j = n;
    for (size_t i = 0; i < n; i++) {
        while (j > i && (x[i] + x[j - 1]) / 2 > t)
            j--;
        if (j <= i)
            break;
        c += j - i;
    }
    return c;
}

double stats_walsh_kth(const double *x, size_t n, unsigned long long k)
{
    /* Smallest double t with at least k Walsh averages <= t: a bisection
     * over the ordered doubles, so t is exactly a Walsh average. */
    uint64_t lo = dkey(x[0]), hi = dkey(x[n - 1]);
    while (lo < hi) {
        uint64_t mid = lo + (hi - lo) / 2;
        if (stats_walsh_count_le(x, n, unkey(mid)) >= k)
            hi = mid;
        else
            lo = mid + 1;
    }
    return unkey(lo);
}

static double walsh_median(const double *x, size_t n)
{
    unsigned long long N = (unsigned long long)n * (n + 1) / 2;
    if (N % 2)
        return stats_walsh_kth(x, n, (N + 1) / 2);
    return (stats_walsh_kth(x, n, N / 2) + stats_walsh_kth(x, n, N / 2 + 1)) / 2;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

struct absidx {
    double a;
    size_t i;
};

static int cmp_absidx(const void *p, const void *q)
{
    const struct absidx *a = p, *b = q;
    if (a->a != b->a)
        return (a->a > b->a) - (a->a < b->a);
    return (a->i > b->i) - (a->i < b->i);
}

/* The tie correction sum of (t^3 - t) over the runs of equal values of
 * sorted x[0..n). */
static double tie_sum(const double *x, size_t n)
{
    double ties = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && x[j] == x[i])
            j++;
        double t = (double)(j - i);
        ties += t * t * t - t;
        i = j;
    }
    return ties;
}

/* Average ranks of |x[0..n)| into rank[], as R's rank(); returns the tie
 * correction sum of (t^3 - t) over groups of tied values. */
static double avg_ranks(const double *x, size_t n, double *rank)
{
    struct absidx *a = sk_xcalloc(n, sizeof *a);
    for (size_t i = 0; i < n; i++) {
        a[i].a = fabs(x[i]);
        a[i].i = i;
    }
    qsort(a, n, sizeof *a, cmp_absidx);
    double ties = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && a[j].a == a[i].a)
            j++;
        double r = (double)(i + 1 + j) / 2, t = (double)(j - i);
        for (size_t k = i; k < j; k++)
            rank[a[k].i] = r;
        ties += t * t * t - t;
        i = j;
    }
    free(a);
    return ties;
}

/* R's W(d) of wilcox.test: the standardized signed-rank statistic of
 * x - d, zeros dropped; NAN when it has no spread. */
static double w_stat(const double *x, size_t n, double d, int correct,
                     enum stats_alt alt, double *scratch, double *rank)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (x[i] - d != 0)
            scratch[m++] = x[i] - d;
    double ties = avg_ranks(scratch, m, rank), v = 0, dm = (double)m;
    for (size_t i = 0; i < m; i++)
        if (scratch[i] > 0)
            v += rank[i];
    double z = v - dm * (dm + 1) / 4;
    double sigma = sqrt(dm * (dm + 1) * (2 * dm + 1) / 24 - ties / 48);
    double corr = 0;
    if (correct)
        corr = alt == STATS_TWO_SIDED ? (z > 0 ? 0.5 : z < 0 ? -0.5 : 0)
             : alt == STATS_GREATER ? 0.5 : -0.5;
    return (z - corr) / sigma;
}

/* Between two neighbouring Walsh averages of x (sorted, no zeros after
 * shifting), x - d has no zeros and no new ties, so W(d) depends on d only
 * through V(d) = N - #{Walsh averages <= d} (Tukey's identity); the tie
 * correction comes from repeated values of x alone. */
struct wctx {
    const double *x;
    size_t n;
    int correct;
    enum stats_alt alt;
    unsigned long long N;
    double sigma;
};

static double w_of_count(const struct wctx *c, unsigned long long k)
{
    double dm = (double)c->n;
    double z = (double)(c->N - k) - dm * (dm + 1) / 4, corr = 0;
    if (c->correct)
        corr = c->alt == STATS_TWO_SIDED ? (z > 0 ? 0.5 : z < 0 ? -0.5 : 0)
             : c->alt == STATS_GREATER ? 0.5 : -0.5;
    return (z - corr) / c->sigma;
}

/* The d where W(d) falls below zq, the root R's uniroot approximates (to
 * its tolerance, 1e-4 by default): the k-th Walsh average for the
 * smallest count k at which W < zq. */
static double w_root(const struct wctx *c, double zq)
{
    unsigned long long lo = 0, hi = c->N;
    while (lo < hi) {
        unsigned long long mid = lo + (hi - lo) / 2;
        if (w_of_count(c, mid) < zq)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo == 0 ? c->x[0] : stats_walsh_kth(c->x, c->n, lo);
}

/* R's qsignrank(p, n) from the distribution of the doubled statistic
 * (prob over even sums only for untied ranks 2, 4, ..., 2n). */
static unsigned long qsignrank(double x, const double *prob, unsigned long N)
{
    double p = 0;
    unsigned long q = 0;
    if (x <= 0.5) {
        x = x - 10 * DBL_EPSILON;
        for (;; q++) {
            p += prob[2 * q];
            if (p >= x || q == N)
                break;
        }
    } else {
        x = 1 - x + 10 * DBL_EPSILON;
        for (;; q++) {
            p += prob[2 * q];
            if (p > x || q == N) {
                q = N - q;
                break;
            }
        }
    }
    return q;
}

static void hl_interval(const double *x, size_t m, const double *prob,
                        const struct stats_signrank_opts *o,
                        struct stats_signrank *r)
{
    unsigned long long N = (unsigned long long)m * (m + 1) / 2;
    double alpha = 1 - o->level;
    if (prob) {
        /* exact (untied): order statistics of the Walsh averages */
        unsigned long qu = qsignrank(o->alt == STATS_TWO_SIDED ? alpha / 2
                                                               : alpha,
                                     prob, (unsigned long)N);
        if (qu == 0)
            qu = 1;
        unsigned long ql = (unsigned long)N - qu;
        double achieved = 0;
        for (unsigned long s = 0; s + 1 <= qu; s++)   /* P(V <= qu - 1) */
            achieved += prob[2 * s];
        if (o->alt == STATS_TWO_SIDED)
            achieved *= 2;
        r->level_not_achieved = achieved - alpha > alpha / 2;
        r->hl_lo = o->alt == STATS_LESS ? -INFINITY
                                        : stats_walsh_kth(x, m, qu);
        r->hl_hi = o->alt == STATS_GREATER ? INFINITY
                                           : stats_walsh_kth(x, m, ql + 1);
        r->hl_exact = 1;
        return;
    }
    /* normal approximation, by R's procedure with exact roots */
    struct wctx c = { x, m, o->correct, o->alt, N, 0 };
    double dm = (double)m, dup = tie_sum(x, m);
    c.sigma = sqrt(dm * (dm + 1) * (2 * dm + 1) / 24 - dup / 48);
    double *scratch = sk_xcalloc(m, sizeof *scratch);
    double *rank = sk_xcalloc(m, sizeof *rank);
    double wmin = w_stat(x, m, x[0], o->correct, o->alt, scratch, rank);
    double wmax = isfinite(wmin)
        ? w_stat(x, m, x[m - 1], o->correct, o->alt, scratch, rank) : NAN;
    /* as R: without a spread to invert, only the open side is known */
    r->hl_lo = o->alt == STATS_LESS ? -INFINITY : NAN;
    r->hl_hi = o->alt == STATS_GREATER ? INFINITY : NAN;
    if (isfinite(wmax)) {
        double lo = NAN, hi = NAN;
        if (o->alt == STATS_TWO_SIDED) {
            while (wmin - dist_qnorm(1 - alpha / 2) < 0 ||
                   wmax - dist_qnorm(alpha / 2) > 0)
                alpha *= 2;
        } else if (o->alt == STATS_GREATER) {
            while (wmin - dist_qnorm(1 - alpha) < 0)
                alpha *= 2;
        } else {
            while (wmax - dist_qnorm(alpha / 2) > 0)   /* as R */
                alpha *= 2;
        }
        r->level_not_achieved = alpha >= 1 || 1 - o->level < alpha * 0.75;
        if (alpha >= 1) {
            /* R: rep(median(x), 2) */
            lo = hi = m % 2 ? x[m / 2] : (x[m / 2 - 1] + x[m / 2]) / 2;
        } else if (o->alt == STATS_TWO_SIDED) {
            lo = w_root(&c, dist_qnorm(1 - alpha / 2));
            hi = w_root(&c, dist_qnorm(alpha / 2));
        } else if (o->alt == STATS_GREATER) {
            lo = w_root(&c, dist_qnorm(1 - alpha));
        } else {
            hi = w_root(&c, dist_qnorm(alpha));
        }
        r->hl_lo = o->alt == STATS_LESS ? -INFINITY : lo;
        r->hl_hi = o->alt == STATS_GREATER ? INFINITY : hi;
    }
    free(scratch);
    free(rank);
}

void stats_signrank(const double *d, size_t n,
                    const struct stats_signrank_opts *o,
                    struct stats_signrank *r)
{
    memset(r, 0, sizeof *r);
    r->V = r->p = r->r_rb = r->hl = r->hl_lo = r->hl_hi = NAN;

    double *rank_all = sk_xcalloc(n, sizeof *rank_all);
    double *used = sk_xcalloc(n, sizeof *used);
    double *rank = sk_xcalloc(n, sizeof *rank);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        r->n_zero += d[i] == 0;
    double ties;
    if (o->zero == STATS_ZERO_PRATT) {
        avg_ranks(d, n, rank_all);      /* zeros take the lowest ranks */
        for (size_t i = 0; i < n; i++)
            if (d[i] != 0) {
                used[m] = d[i];
                rank[m++] = rank_all[i];
            }
        /* ties among the ranks kept */
        double *tmp = sk_xcalloc(m, sizeof *tmp);
        memcpy(tmp, rank, m * sizeof *tmp);
        qsort(tmp, m, sizeof *tmp, cmp_double);
        ties = tie_sum(tmp, m);
        free(tmp);
    } else {
        for (size_t i = 0; i < n; i++)
            if (d[i] != 0)
                used[m++] = d[i];
        ties = avg_ranks(used, m, rank);
    }
    r->n_used = m;
    r->ties = ties > 0;
    double dm = (double)m, tplus = 0, tall = 0;
    for (size_t i = 0; i < m; i++) {
        tall += rank[i];
        if (used[i] > 0)
            tplus += rank[i];
    }
    r->V = tplus;
    r->r_rb = tall > 0 ? (tplus - (tall - tplus)) / tall : NAN;

    int exact = o->force_approx ? 0
              : o->force_exact ? (m >= 1 && m <= STATS_EXACT_MAX)
              : (m < 50 && !r->ties && r->n_zero == 0);
    double *prob = NULL;
    if (exact && m >= 1) {
        unsigned long *w = sk_xcalloc(m, sizeof *w);
        for (size_t i = 0; i < m; i++)
            w[i] = (unsigned long)llround(2 * rank[i]);
        size_t len;
        prob = stats_signrank_dist(w, m, &len);
        free(w);
        unsigned long v2 = (unsigned long)llround(2 * tplus);
        double le = 0, ge = 0;
        for (size_t s = 0; s < len; s++) {
            if (s <= v2)
                le += prob[s];
            if (s >= v2)
                ge += prob[s];
        }
        if (le > 1)
            le = 1;
        if (ge > 1)
            ge = 1;
        double mean = tall / 2;
        if (o->alt == STATS_GREATER)
            r->p = ge;
        else if (o->alt == STATS_LESS)
            r->p = le;
        else
            r->p = fmin(1, 2 * (tplus > mean ? ge : le));
        r->exact = 1;
    } else {
        double mean, var;
        if (o->zero == STATS_ZERO_PRATT) {
            double c = (double)n, z0 = (double)r->n_zero;
            mean = (c * (c + 1) - z0 * (z0 + 1)) / 4;
            var = (c * (c + 1) * (2 * c + 1) - z0 * (z0 + 1) * (2 * z0 + 1))
                  / 24 - ties / 48;
        } else {
            mean = dm * (dm + 1) / 4;
            var = dm * (dm + 1) * (2 * dm + 1) / 24 - ties / 48;
        }
        double z = tplus - mean, corr = 0;
        if (o->correct)
            corr = o->alt == STATS_TWO_SIDED ? (z > 0 ? 0.5 : z < 0 ? -0.5 : 0)
                 : o->alt == STATS_GREATER ? 0.5 : -0.5;
        z = (z - corr) / sqrt(var);
        if (o->alt == STATS_LESS)
            r->p = dist_pnorm(z);
        else if (o->alt == STATS_GREATER)
            r->p = dist_pnorm_upper(z);
        else
            r->p = 2 * fmin(dist_pnorm(z), dist_pnorm_upper(z));
        r->exact = 0;
    }

    /* Hodges-Lehmann: the differences the test ranked (R drops zeros);
     * with Pratt's method the zeros count too. */
    double *hx = used;
    size_t hm = m;
    if (o->zero == STATS_ZERO_PRATT) {
        memcpy(rank_all, d, n * sizeof *d);
        hx = rank_all;
        hm = n;
    }
    qsort(hx, hm, sizeof *hx, cmp_double);
    if (hm == 0) {
        /* as R: nothing to estimate; only the open side is known */
        if (o->alt == STATS_LESS)
            r->hl_lo = -INFINITY;
        if (o->alt == STATS_GREATER)
            r->hl_hi = INFINITY;
    } else {
        r->hl = walsh_median(hx, hm);
        int untied = exact && !r->ties && r->n_zero == 0;
        hl_interval(hx, hm, untied ? prob : NULL, o, r);
    }
    free(prob);
    free(rank_all);
    free(used);
    free(rank);
}

double stats_sign_test(size_t npos, size_t nneg, enum stats_alt alt)
{
    size_t n = npos + nneg;
    if (n == 0)
        return NAN;
    double le = dist_pbinom_half(npos, n), ge = dist_pbinom_half_upper(npos, n);
    if (alt == STATS_LESS)
        return le;
    if (alt == STATS_GREATER)
        return ge;
    if (2 * npos == n)
        return 1;
    return fmin(1, 2 * fmin(le, ge));
}

static int is_binary(const double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (x[i] != 0 && x[i] != 1)
            return 0;
    return n > 0;
}

void stats_paired(const double *before, const double *after, size_t n,
                  double level, enum stats_alt alt,
                  const struct stats_signrank_opts *wo,
                  struct stats_paired *r)
{
    r->n = n;
    r->mean_b = r->sd_b = r->mean_a = r->sd_a = NAN;
    r->p_sign = r->p_mcnemar = r->d_av = r->g_av = NAN;
    double *d = sk_xcalloc(n ? n : 1, sizeof *d);
    size_t npos = 0, nneg = 0;
    for (size_t i = 0; i < n; i++) {
        d[i] = after[i] - before[i];
        npos += d[i] > 0;
        nneg += d[i] < 0;
    }
    if (n > 0) {
        double vb, va;
        stats_mean_var(before, NULL, n, n, &r->mean_b, &vb);
        stats_mean_var(after, NULL, n, n, &r->mean_a, &va);
        r->sd_b = sqrt(vb);
        r->sd_a = sqrt(va);
    }
    stats_ttest(d, n, level, alt, &r->t);
    stats_signrank(d, n, wo, &r->w);
    r->p_sign = stats_sign_test(npos, nneg, alt);
    if (is_binary(before, n) && is_binary(after, n))
        r->p_mcnemar = r->p_sign;
    r->d_av = r->t.mean / ((r->sd_b + r->sd_a) / 2);
    if (n >= 2)
        r->g_av = r->d_av * (1 - 3.0 / (8.0 * (double)n - 9));
    free(d);
}

struct pidx {
    double p;
    size_t i;
};

static int cmp_pidx(const void *a, const void *b)
{
    const struct pidx *x = a, *y = b;
    if (x->p != y->p)
        return (x->p > y->p) - (x->p < y->p);
    return (x->i > y->i) - (x->i < y->i);     /* stable, as R's order() */
}

void stats_p_adjust(double *p, size_t n, enum stats_adjust method)
{
    if (method == STATS_ADJUST_NONE)
        return;
    struct pidx *o = sk_xcalloc(n ? n : 1, sizeof *o);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(p[i])) {
            o[m].p = p[i];
            o[m].i = i;
            m++;
        }
    qsort(o, m, sizeof *o, cmp_pidx);
    double dm = (double)m;
    if (method == STATS_ADJUST_HOLM) {
        /* pmin(1, cummax((n - i + 1) p[o])) */
        double run = 0;
        for (size_t k = 0; k < m; k++) {
            double v = (dm - (double)k) * o[k].p;
            run = fmax(run, v);
            p[o[k].i] = fmin(1, run);
        }
    } else {
        /* decreasing order: pmin(1, cummin(n / i * p[o])) */
        double run = INFINITY;
        for (size_t k = m; k-- > 0;) {
            double v = dm / (double)(k + 1) * o[k].p;
            run = fmin(run, v);
            p[o[k].i] = fmin(1, run);
        }
    }
    free(o);
}
