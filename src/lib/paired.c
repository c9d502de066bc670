/* paired.c - paired comparisons: t, signed-rank, Hodges-Lehmann, sign. */
#include <config.h>

#include "paired.h"
#include "dsort.h"
#include "describe.h"
#include "quantile.h"
#include "dist.h"
#include "stats.h"
#include "exsum.h"
#include "xsum.h"
#include "util.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void stats_ttest(const double *d, size_t n, double level, enum stats_alt alt,
                 struct stats_ttest *r)
{
    double mean = NAN, var = NAN;
    if (n > 0)
        stats_mean_var(d, NULL, n, n, &mean, &var);
    stats_ttest_summary(n, mean, n > 1 ? sqrt(var) : NAN, level, alt, r);
}

void stats_ttest_summary(size_t n, double mean, double sd, double level,
                         enum stats_alt alt, struct stats_ttest *r)
{
    r->n = n;
    r->mean = r->sd = r->se = r->lo = r->hi = NAN;
    r->t = r->df = r->p = r->dz = r->dz_lo = r->dz_hi = NAN;
    r->const_sd = r->dz_imprecise = 0;
    if (n == 0)
        return;
    r->mean = mean;
    if (n < 2)
        return;
    double df = (double)(n - 1), alpha = 1 - level, sqn = sqrt((double)n);
    r->df = df;
    r->sd = sd;
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
    r->p = stats_t_p(r->t, df, alt);
    /* CI of the mean as R computes it: (t -+ q) se */
    if (r->const_sd) {
        r->lo = alt == STATS_LESS ? -INFINITY : r->mean;
        r->hi = alt == STATS_GREATER ? INFINITY : r->mean;
    } else {
        stats_t_interval(r->t, r->se, df, level, alt, &r->lo, &r->hi);
    }
    /* d_z: invert the noncentral t at t for the noncentrality, / sqrt n */
    if (!r->const_sd) {
        int *w = &r->dz_imprecise;
        if (alt == STATS_TWO_SIDED) {
            r->dz_lo = dist_nct_ncp_w(r->t, df, 1 - alpha / 2, w) / sqn;
            r->dz_hi = dist_nct_ncp_w(r->t, df, alpha / 2, w) / sqn;
        } else if (alt == STATS_GREATER) {
            r->dz_lo = dist_nct_ncp_w(r->t, df, 1 - alpha, w) / sqn;
            r->dz_hi = INFINITY;
        } else {
            r->dz_lo = -INFINITY;
            r->dz_hi = dist_nct_ncp_w(r->t, df, alpha, w) / sqn;
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

/* One pass over the rows of Walsh averages w(i, j) = (x[i] + x[j]) / 2,
 * j >= i, of sorted x, at a value t: how many are < t and <= t, the
 * largest below t and the smallest above (-Inf, Inf when none). Each row
 * ascends in j and each column in i, so the first j of a row at or above
 * t moves only left: O(n). */
struct walsh_at {
    unsigned long long lt, le;
    double below, above;
};

static void walsh_at(const double *x, size_t n, double t, struct walsh_at *w)
{
    unsigned long long lt = 0, le = 0;
    double below = -INFINITY, above = INFINITY;
    size_t jl = n, ju = n;      /* first j of the row with w >= t, > t */
    for (size_t i = 0; i < n; i++) {
        if (jl < i)
            jl = i;
        if (ju < i)
            ju = i;
        while (jl > i && (x[i] + x[jl - 1]) / 2 >= t)
            jl--;
        while (ju > i && (x[i] + x[ju - 1]) / 2 > t)
            ju--;
        lt += jl - i;
        le += ju - i;
        if (jl > i && (x[i] + x[jl - 1]) / 2 > below)
            below = (x[i] + x[jl - 1]) / 2;
        if (ju < n && (x[i] + x[ju]) / 2 < above)
            above = (x[i] + x[ju]) / 2;
        if (ju == i)
            break;              /* this row and all below it are > t */
    }
    w->lt = lt;
    w->le = le;
    w->below = below;
    w->above = above;
}

/* The Walsh averages in [lo, hi] into out[], in no order; returns how
 * many. */
static size_t walsh_between(const double *x, size_t n, double lo, double hi,
                            double *out)
{
    size_t c = 0, jl = n, ju = n;
    for (size_t i = 0; i < n; i++) {
        if (jl < i)
            jl = i;
        if (ju < i)
            ju = i;
        while (jl > i && (x[i] + x[jl - 1]) / 2 >= lo)
            jl--;
        while (ju > i && (x[i] + x[ju - 1]) / 2 > hi)
            ju--;
        for (size_t j = jl; j < ju; j++)
            out[c++] = (x[i] + x[j]) / 2;
        if (ju == i)
            break;
    }
    return c;
}

/* The largest candidate set walsh_kth2 selects from directly. */
#define WALSH_SELECT_MIN 4096

/* The smallest of c[0..m), m >= 1. */
static double min_of(const double *c, size_t m)
{
    double v = c[0];
    for (size_t i = 1; i < m; i++)
        if (c[i] < v)
            v = c[i];
    return v;
}

/* The probes made so far on one sorted x: each later search for an order
 * statistic starts from the tightest bracket they give (the interval's
 * ends lie near the estimate). */
#define WALSH_MEMO 64
struct walsh_memo {
    const double *x;
    size_t n, np;
    double t[WALSH_MEMO];
    struct walsh_at w[WALSH_MEMO];
};

static void walsh_memo_init(struct walsh_memo *m, const double *x, size_t n)
{
    m->x = x;
    m->n = n;
    m->np = 0;
}

/* Two probes that likely bracket the k-th of the N Walsh averages of
 * x[0..n): the Walsh averages of an evenly spaced subsample of x at
 * ranks a little below and above k's fraction. */
#define WALSH_SAMPLE 256
static void walsh_guess(const double *x, size_t n, unsigned long long k,
                        unsigned long long N, double *lo, double *hi)
{
    double xs[WALSH_SAMPLE];
    size_t M = WALSH_SAMPLE * (WALSH_SAMPLE + 1) / 2, c = 0;
    for (size_t q = 0; q < WALSH_SAMPLE; q++)
        xs[q] = x[(size_t)((2 * q + 1) * (double)n / (2 * WALSH_SAMPLE))];
    double *w = sk_xcalloc(M, sizeof *w);
    for (size_t i = 0; i < WALSH_SAMPLE; i++)
        for (size_t j = i; j < WALSH_SAMPLE; j++)
            w[c++] = (xs[i] + xs[j]) / 2;
    double r = (double)k / (double)N * (double)M, d = (double)M / 128;
    size_t a = r - d > 0 ? (size_t)(r - d) : 0;
    size_t b = r + d < (double)(M - 1) ? (size_t)(r + d) : M - 1;
    stats_select(w, M, b);
    *hi = w[b];
    stats_select(w, b + 1, a);
    *lo = w[a];
    free(w);
}

/* The k-th and (k+1)-th smallest (1-based) of the computed averages
 * (x[i] + x[j]) / 2, i <= j, of sorted x[0..n), 1 <= k <= N; the second
 * only when NEXT is not NULL (then k < N). The k-th lies in [L, H], both
 * Walsh averages, with cl averages below L and ch at or below H. A probe
 * t between them (by interpolation of the counts, or halfway when that
 * did not halve the candidates) either is the k-th or moves an end past
 * itself to the nearest average; once few candidates are left they are
 * selected directly (Hoare). O(n) a probe. */
static void walsh_kth2(const double *x, size_t n, unsigned long long k,
                       double *kth, double *next, struct walsh_memo *memo)
{
    unsigned long long N = (unsigned long long)n * (n + 1) / 2;
    double L = x[0], H = x[n - 1];
    unsigned long long cl = 0, ch = N;
    for (size_t i = 0; memo && i < memo->np; i++) {
        const struct walsh_at *w = &memo->w[i];
        if (w->lt < k && k <= w->le) {
            *kth = memo->t[i];
            if (next)
                *next = k + 1 <= w->le ? memo->t[i] : w->above;
            return;
        }
        if (w->le < k && w->le > cl) {
            L = w->above;
            cl = w->le;
        }
        if (k <= w->lt && w->lt < ch) {
            H = w->below;
            ch = w->lt;
        }
    }
    size_t cap = n > WALSH_SELECT_MIN ? n : WALSH_SELECT_MIN;
    int bisect = 0, guesses = 0, failed = 0;
    double guess[2];
    if (ch - cl > cap) {
        walsh_guess(x, n, k, N, &guess[0], &guess[1]);
        guesses = 2;
    }
    for (;;) {
        if (ch - cl <= cap) {
            double *c = sk_xcalloc(ch - cl, sizeof *c);
            size_t m = walsh_between(x, n, L, H, c), p = k - cl - 1;
            stats_select(c, m, p);
            *kth = c[p];
            if (next) {
                if (p + 1 < m) {
                    *next = min_of(c + p + 1, m - p - 1);
                } else {
                    struct walsh_at w;
                    walsh_at(x, n, H, &w);
                    *next = w.above;
                }
            }
            free(c);
            return;
        }
        double t = NAN;
        int interp = guesses == 0 && !bisect;
        if (guesses > 0)
            t = guess[--guesses];
        else if (interp)
            t = L + (H - L) * ((double)(k - cl) / (double)(ch - cl));
        if (!(t >= L && t <= H)) {
            /* halfway: 0 between signs, then in the doubles' order
             * (halfway in the exponent) when L and H are far apart in
             * magnitude, else in value */
            if (L < 0 && H > 0) {
                t = 0;
            } else if ((L > 0 && H > 4 * L) || (H < 0 && L < 4 * H)) {
                uint64_t a = stats_dkey(L), b = stats_dkey(H);
                t = stats_unkey(a + (b - a) / 2);
            } else {
                t = L / 2 + H / 2;
            }
        }
        struct walsh_at w;
        walsh_at(x, n, t, &w);
        if (memo && memo->np < WALSH_MEMO) {
            memo->t[memo->np] = t;
            memo->w[memo->np++] = w;
        }
        unsigned long long before = ch - cl;
        if (w.lt < k && k <= w.le) {
            *kth = t;
            if (next)
                *next = k + 1 <= w.le ? t : w.above;
            return;
        }
        if (k <= w.lt) {
            H = w.below;
            ch = w.lt;
        } else {
            L = w.above;
            cl = w.le;
        }
        /* halve next when a probe did not halve the candidates; after
         * two such interpolations, always */
        int halved = ch - cl <= before / 2;
        failed += interp && !halved;
        bisect = failed >= 2 || (interp && !halved);
    }
}

/* A zero result with the sign the bisection over the doubles from x[0]
 * gave (the smallest double t with enough averages <= t). */
static double walsh_zero_sign(double v, const double *x)
{
    return v == 0 ? (signbit(x[0]) ? -0.0 : 0.0) : v;
}

double stats_walsh_kth(const double *x, size_t n, unsigned long long k)
{
    double v;
    walsh_kth2(x, n, k, &v, NULL, NULL);
    return walsh_zero_sign(v, x);
}

/* stats_walsh_kth of the memo's x, from its probes. */
static double walsh_kth_m(struct walsh_memo *m, unsigned long long k)
{
    double v;
    walsh_kth2(m->x, m->n, k, &v, NULL, m);
    return walsh_zero_sign(v, m->x);
}

static double walsh_median(struct walsh_memo *m)
{
    unsigned long long N = (unsigned long long)m->n * (m->n + 1) / 2;
    if (N % 2)
        return walsh_kth_m(m, (N + 1) / 2);
    double a, b;
    walsh_kth2(m->x, m->n, N / 2, &a, &b, m);
    return (walsh_zero_sign(a, m->x) + walsh_zero_sign(b, m->x)) / 2;
}

/* The signed ranks of x - d, x[0..m) sorted increasingly: |x - d| ranked
 * with mid-ranks for ties, the values equal to d (zeros) ranked lowest
 * when RANK_ZEROS (Pratt) and else dropped, never summed. The |x - d| of
 * the values below d ascend from just below d downwards and those above
 * d upwards: one merge, O(m), no sort. Sums of ranks are doubled, so
 * exact integers. */
struct shift_ranks {
    unsigned long long v2;      /* doubled sum of the ranks of x - d > 0 */
    unsigned long long t2;      /* doubled sum of the ranks of x - d != 0 */
    double ties;                /* sum of (t^3 - t) over tied |x - d| != 0,
                                   in increasing order of |x - d| */
    size_t nzero;               /* values equal to d */
};

static void shift_ranks(const double *x, size_t m, double d, int rank_zeros,
                        struct shift_ranks *s)
{
    size_t lo = stats_lower_bound(x, m, d);
    size_t neg = lo, pos = lo;      /* next below: neg - 1; next above */
    while (pos < m && x[pos] == d)
        pos++;
    s->nzero = pos - lo;
    unsigned long long v2 = 0, t2 = 0;
    unsigned long long rank0 = rank_zeros ? s->nzero : 0; /* ranks used */
    double ties = 0;
    while (neg > 0 || pos < m) {
        double a = neg > 0 ? d - x[neg - 1] : INFINITY;
        double b = pos < m ? x[pos] - d : INFINITY;
        double v = a < b ? a : b;
        size_t cn = 0, cp = 0;
        while (neg > 0 && d - x[neg - 1] == v) {
            neg--;
            cn++;
        }
        while (pos < m && x[pos] - d == v) {
            pos++;
            cp++;
        }
        /* positions rank0 + 1 .. rank0 + cn + cp: doubled mid-rank */
        unsigned long long t = cn + cp;
        v2 += cp * (2 * rank0 + t + 1);
        t2 += t * (2 * rank0 + t + 1);
        double td = (double)t;
        ties += td * td * td - td;
        rank0 += t;
    }
    s->v2 = v2;
    s->t2 = t2;
    s->ties = ties;
}

/* The signed-rank statistic V under H0, for n ranks of which the n0
 * smallest are zeros ranked and dropped (Pratt 1959; n0 = 0 otherwise),
 * with TIES the sum of (t^3 - t) over the tied runs: mean (n(n+1) -
 * n0(n0+1)) / 4 and variance (n(n+1)(2n+1) - n0(n0+1)(2n0+1)) / 24 -
 * TIES / 48 (Lehmann 1975, ch. 3; R's wilcox.test). */
static double signrank_mean(double n, double n0)
{
    return (n * (n + 1) - n0 * (n0 + 1)) / 4;
}

static double signrank_var(double n, double n0, double ties)
{
    return (n * (n + 1) * (2 * n + 1) - n0 * (n0 + 1) * (2 * n0 + 1)) / 24
           - ties / 48;
}

/* The continuity correction of the centred statistic z = V - mean: 1/2
 * toward the tail tested (both: toward 0), as R's wilcox.test. */
static double signrank_continuity(double z, int correct, enum stats_alt alt)
{
    if (!correct)
        return 0;
    if (alt == STATS_TWO_SIDED)
        return z > 0 ? 0.5 : z < 0 ? -0.5 : 0;
    return alt == STATS_GREATER ? 0.5 : -0.5;
}

/* The P-value of a standard normal statistic z for ALT. */
static double normal_p(double z, enum stats_alt alt)
{
    if (alt == STATS_LESS)
        return dist_pnorm(z);
    if (alt == STATS_GREATER)
        return dist_pnorm_upper(z);
    return 2 * fmin(dist_pnorm(z), dist_pnorm_upper(z));
}

/* R's W(d) of wilcox.test: the standardized signed-rank statistic of
 * x - d (x sorted), zeros dropped; NAN when it has no spread. */
static double w_stat(const double *x, size_t n, double d, int correct,
                     enum stats_alt alt)
{
    struct shift_ranks s;
    shift_ranks(x, n, d, 0, &s);
    double v = (double)s.v2 / 2, dm = (double)(n - s.nzero);
    double z = v - signrank_mean(dm, 0);
    double sigma = sqrt(signrank_var(dm, 0, s.ties));
    return (z - signrank_continuity(z, correct, alt)) / sigma;
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
    struct walsh_memo *memo;
};

static double w_of_count(const struct wctx *c, unsigned long long k)
{
    double dm = (double)c->n;
    double z = (double)(c->N - k) - signrank_mean(dm, 0);
    return (z - signrank_continuity(z, c->correct, c->alt)) / c->sigma;
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
    return lo == 0 ? c->x[0] : walsh_kth_m(c->memo, lo);
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

/* exactRankTests' statistic at a shift d: the doubled sum of the
 * mid-ranks of |x - d| over the positive x - d, the values equal to d
 * ranked too (lowest, as zeros) but not summed. */
static unsigned long long shifted_v2(const double *x, size_t m, double d)
{
    struct shift_ranks s;
    shift_ranks(x, m, d, 1, &s);
    return s.v2;
}

/* exactRankTests' qperm(p): the smallest doubled statistic s whose
 * cumulative probability reaches p. */
static unsigned long long qperm2(double p, const double *prob, size_t len)
{
    double cum = 0;
    for (size_t s = 0; s < len; s++) {
        cum += prob[s];
        if (!(cum < p))
            return s;
    }
    return len - 1;
}

/* The interval of the exact test with ties or zeros, by the rule of
 * exactRankTests::wilcox.exact (Hothorn & Hornik; its R code is the
 * reference): the statistic V(d) above at each Walsh average d of the
 * non-zero differences x, against the quantiles of the exact conditional
 * distribution of the observed mid-ranks: the lower end is the largest d
 * with V(d) > q(1 - alpha/2), the upper end the smallest d with V(d) <=
 * q(alpha/2) (the ends of the sample of Walsh averages when none is). The
 * distribution is that of the data at d = 0, not of x - d, so this is
 * exactRankTests' interval, not the set of shifts the exact test accepts
 * (with ties, that set need not be an interval). V(d) falls with d, so
 * each end is a bisection over the ranks of the Walsh averages. */
static void hl_interval_tied(struct walsh_memo *memo, const double *prob,
                             size_t len, const struct stats_signrank_opts *o,
                             struct stats_signrank *r)
{
    const double *x = memo->x;
    size_t m = memo->n;
    unsigned long long N = (unsigned long long)m * (m + 1) / 2;
    double alpha = 1 - o->level;
    double a2 = o->alt == STATS_TWO_SIDED ? alpha / 2 : alpha;
    r->hl_lo = -INFINITY;
    r->hl_hi = INFINITY;
    if (o->alt != STATS_LESS) {
        unsigned long long ql = qperm2(1 - a2, prob, len);
        double first = walsh_kth_m(memo, 1);
        if (ql >= shifted_v2(x, m, first)) {
            r->hl_lo = first;
        } else {
            /* the largest k with V(walsh_k) > ql; k = 1 qualifies */
            unsigned long long lo = 1, hi = N;
            while (lo < hi) {
                unsigned long long mid = lo + (hi - lo + 1) / 2;
                if (shifted_v2(x, m, walsh_kth_m(memo, mid)) > ql)
                    lo = mid;
                else
                    hi = mid - 1;
            }
            r->hl_lo = walsh_kth_m(memo, lo);
        }
    }
    if (o->alt != STATS_GREATER) {
        unsigned long long qu = qperm2(a2, prob, len);
        double last = walsh_kth_m(memo, N);
        if (qu <= shifted_v2(x, m, last)) {
            r->hl_hi = last;
        } else {
            /* the smallest k with V(walsh_k) <= qu; k = N qualifies */
            unsigned long long lo = 1, hi = N;
            while (lo < hi) {
                unsigned long long mid = lo + (hi - lo) / 2;
                if (shifted_v2(x, m, walsh_kth_m(memo, mid)) <= qu)
                    hi = mid;
                else
                    lo = mid + 1;
            }
            r->hl_hi = walsh_kth_m(memo, lo);
        }
    }
    r->hl_exact = r->hl_tied_exact = 1;
}

static void hl_interval(struct walsh_memo *memo, const double *prob,
                        const struct stats_signrank_opts *o,
                        struct stats_signrank *r)
{
    const double *x = memo->x;
    size_t m = memo->n;
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
                                        : walsh_kth_m(memo, qu);
        r->hl_hi = o->alt == STATS_GREATER ? INFINITY
                                           : walsh_kth_m(memo, ql + 1);
        r->hl_exact = 1;
        return;
    }
    /* normal approximation, by R's procedure with exact roots */
    struct wctx c = { x, m, o->correct, o->alt, N, 0, memo };
    double dm = (double)m, dup = stats_tie_sum(x, m);
    c.sigma = sqrt(signrank_var(dm, 0, dup));
    double wmin = w_stat(x, m, x[0], o->correct, o->alt);
    double wmax = isfinite(wmin)
        ? w_stat(x, m, x[m - 1], o->correct, o->alt) : NAN;
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
}

/* The first i in [0, n) with x[i] > v in increasing x, or n. */
static size_t upper_bound(const double *x, size_t n, double v)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x[mid] <= v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The mid-ranks of |d| of the nonzero d[0..n), in their order, into
 * rank[] (as R's rank()), from the sorted s[0..n): the zeros (NZERO of
 * them) ranked lowest when PRATT, else not ranked. */
static void nonzero_ranks(const double *d, size_t n, const double *s,
                          size_t nzero, int pratt, double *rank)
{
    size_t m = 0, off = pratt ? 0 : nzero;
    for (size_t i = 0; i < n; i++) {
        if (d[i] == 0)
            continue;
        double v = fabs(d[i]);
        size_t below = stats_lower_bound(s, n, v) - upper_bound(s, n, -v);
        size_t upto = upper_bound(s, n, v) - stats_lower_bound(s, n, -v);
        rank[m++] = (double)(below - off + 1 + upto - off) / 2;
    }
}

/* The exact P-value of V = TPLUS among the m ranks (sum TALL), from
 * their permutation distribution, which is returned (to free()) with its
 * length in *len. */
static double *signrank_exact_p(const double *rank, size_t m, double tplus,
                                double tall, enum stats_alt alt, double *p,
                                size_t *len)
{
    unsigned long *w = sk_xcalloc(m, sizeof *w);
    for (size_t i = 0; i < m; i++)
        w[i] = (unsigned long)llround(2 * rank[i]);
    double *prob = stats_signrank_dist(w, m, len);
    free(w);
    unsigned long v2 = (unsigned long)llround(2 * tplus);
    double le = 0, ge = 0;
    for (size_t s = 0; s < *len; s++) {
        if (s <= v2)
            le += prob[s];
        if (s >= v2)
            ge += prob[s];
    }
    if (le > 1)
        le = 1;
    if (ge > 1)
        ge = 1;
    if (alt == STATS_GREATER)
        *p = ge;
    else if (alt == STATS_LESS)
        *p = le;
    else
        *p = fmin(1, 2 * (tplus > tall / 2 ? ge : le));
    return prob;
}

/* The normal-approximation P-value of V = TPLUS (n ranks, n0 of them
 * zeros ranked by Pratt's method, tie sum TIES). */
static double signrank_normal_p(double tplus, double n, double n0,
                                double ties,
                                const struct stats_signrank_opts *o)
{
    double z = tplus - signrank_mean(n, n0);
    z = (z - signrank_continuity(z, o->correct, o->alt)) /
        sqrt(signrank_var(n, n0, ties));
    return normal_p(z, o->alt);
}

/* The Hodges-Lehmann estimate and interval of the hm differences HX
 * (sorted), with the exact distribution PROB when the test used it. */
static void signrank_hl(double *hx, size_t hm, const double *prob,
                        size_t len, int exact,
                        const struct stats_signrank_opts *o,
                        struct stats_signrank *r)
{
    if (hm == 0) {
        /* as R: nothing to estimate; only the open side is known */
        if (o->alt == STATS_LESS)
            r->hl_lo = -INFINITY;
        if (o->alt == STATS_GREATER)
            r->hl_hi = INFINITY;
        return;
    }
    struct walsh_memo *memo = sk_xmalloc(sizeof *memo);
    walsh_memo_init(memo, hx, hm);
    r->hl = walsh_median(memo);
    int untied = exact && !r->ties && r->n_zero == 0;
    if (prob && !untied && o->zero == STATS_ZERO_WILCOX)
        hl_interval_tied(memo, prob, len, o, r);
    else
        hl_interval(memo, untied ? prob : NULL, o, r);
    free(memo);
}

void stats_signrank(const double *d, size_t n,
                    const struct stats_signrank_opts *o,
                    struct stats_signrank *r)
{
    memset(r, 0, sizeof *r);
    r->V = r->p = r->r_rb = r->hl = r->hl_lo = r->hl_hi = NAN;

    /* one sort of d: the ranks of |d| by a merge of its two signs */
    double *sd = sk_xcalloc(n ? n : 1, sizeof *sd);
    memcpy(sd, d, n * sizeof *d);
    dsort_keys(sd, n);
    int pratt = o->zero == STATS_ZERO_PRATT;
    struct shift_ranks sr;
    shift_ranks(sd, n, 0, pratt, &sr);
    r->n_zero = sr.nzero;
    size_t m = n - sr.nzero;
    double ties = sr.ties;
    r->n_used = m;
    r->ties = ties > 0;
    double tplus = (double)sr.v2 / 2, tall = (double)sr.t2 / 2;
    r->V = tplus;
    r->r_rb = tall > 0 ? (tplus - (tall - tplus)) / tall : NAN;

    int exact = o->force_approx ? 0
              : o->force_exact ? (m >= 1 && m <= STATS_EXACT_MAX)
              : (m < 50 && !r->ties && r->n_zero == 0);
    double *prob = NULL;
    size_t len = 0;
    if (exact && m >= 1) {
        double *rank = sk_xcalloc(m, sizeof *rank);
        nonzero_ranks(d, n, sd, sr.nzero, pratt, rank);
        prob = signrank_exact_p(rank, m, tplus, tall, o->alt, &r->p, &len);
        free(rank);
    } else
        r->p = signrank_normal_p(tplus, pratt ? (double)n : (double)m,
                                 pratt ? (double)r->n_zero : 0, ties, o);
    r->exact = prob != NULL;

    /* Hodges-Lehmann: the differences the test ranked (R drops zeros);
     * with Pratt's method the zeros count too. */
    if (!pratt) {
        size_t z0 = stats_lower_bound(sd, n, 0);
        memmove(sd + z0, sd + z0 + sr.nzero,
                (n - z0 - sr.nzero) * sizeof *sd);
    }
    signrank_hl(sd, pratt ? n : m, prob, len, exact, o, r);
    free(prob);
    free(sd);
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

static int is_binary(const struct num_value *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (x[i].x != 0 && x[i].x != 1)
            return 0;
    return n > 0;
}

/* Mean and sd (n - 1) of the doubles x[0..n), from exact sums (xsum.h):
 * nothing is lost to cancellation or overflow (1e300, -1e300 and 0.4 have
 * the mean 0.4 / 3). For the values that are not short decimals (those
 * take exsum). */
static void mean_sd_exact(const double *x, size_t n, double *mean, double *sd)
{
    *mean = *sd = NAN;
    if (n == 0)
        return;
    struct xsum *xs = sk_xmalloc(sizeof *xs);
    xsum_init(xs);
    for (size_t i = 0; i < n; i++)
        xsum_add(xs, x[i], 1);
    xsum_results(xs, 0, mean, NULL, sd, NULL);
    free(xs);
}

static void mean_sd_binary(const struct num_value *x, size_t n, double *mean,
                       double *sd)
{
    double *v = sk_xcalloc(n ? n : 1, sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = x[i].x;
    mean_sd_exact(v, n, mean, sd);
    free(v);
}

/* Mean and sd of one side: correctly rounded from exact sums when every
 * value is an exact decimal, else mean_sd_ld. */
static void side_mean_sd(const struct num_value *x, size_t n, int exact,
                         double *mean, double *sd)
{
    *mean = *sd = NAN;
    if (n == 0)
        return;
    if (exact) {
        struct exsum e;
        exsum_init(&e);
        for (size_t i = 0; i < n; i++)
            exsum_add(&e, x[i].mant, x[i].scale);
        double var;
        if (exsum_results(&e, mean, &var, sd) == 0)
            return;
    }
    mean_sd_binary(x, n, mean, sd);
}

static const double pow10_d[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
    1e13, 1e14, 1e15, 1e16, 1e17, 1e18
};

/* The differences in working units: d[i] = (after - before) * div, where
 * div is 10^S for exact decimals at the common scale S (d are then exact
 * integers), 1, or (*binary set) d[i] = (after - before) 2^div. Returns 1 when d are the exact scaled
 * integers, with *ex holding their exact sums at scale S. */
#define EXACT_INT_MAX 1125899906842624.0    /* 2^50: sums of two stay exact */

static int differences(const struct num_value *b, const struct num_value *a,
                       size_t n, double *d, double *div, int *binary,
                       struct exsum *ex, int *flags)
{
    *binary = 0;
    int all_exact = 1, S = 0;
    for (size_t i = 0; i < n && all_exact; i++) {
        all_exact = b[i].exact && a[i].exact;
        S = b[i].scale > S ? b[i].scale : S;
        S = a[i].scale > S ? a[i].scale : S;
    }
    if (all_exact) {
        int fits = 1;
        exsum_init(ex);
        for (size_t i = 0; i < n; i++) {
            /* |mant| < 2^63, 10^18 < 2^60: no overflow in 128 bits */
            __int128 D = (__int128)a[i].mant * exsum_pow10[S - a[i].scale] -
                         (__int128)b[i].mant * exsum_pow10[S - b[i].scale];
            if (D > (__int128)EXACT_INT_MAX || D < -(__int128)EXACT_INT_MAX) {
                fits = 0;
                break;
            }
            d[i] = (double)D;
            exsum_add(ex, (int64_t)D, S);
        }
        if (fits) {
            *div = pow10_d[S];
            return ex->ok;
        }
        /* too long for exact integers in doubles: the exact difference,
         * rounded */
        for (size_t i = 0; i < n; i++) {
            __int128 D = (__int128)a[i].mant * exsum_pow10[S - a[i].scale] -
                         (__int128)b[i].mant * exsum_pow10[S - b[i].scale];
            d[i] = (double)((long double)D / (long double)exsum_pow10[S]);
        }
        *div = 1;
        return 0;
    }
    /* binary: scale by a power of two, 2^k, so that no difference or sum
     * of two differences overflows, and so that tiny values are normal */
    double M = 0;
    for (size_t i = 0; i < n; i++)
        M = fmax(M, fmax(fabs(b[i].x), fabs(a[i].x)));
    int k = 0;
    if (M >= 0x1p1020)
        k = -4;
    else if (M > 0 && M < 0x1p-1000)
        k = -ilogb(M);
    for (size_t i = 0; i < n; i++) {
        double bs = ldexp(b[i].x, k), as = ldexp(a[i].x, k);
        if (ldexp(bs, -k) != b[i].x || ldexp(as, -k) != a[i].x)
            *flags |= STATS_PAIRED_SCALE_LOSS;
        d[i] = as - bs;
    }
    *div = k;
    *binary = 1;
    return 0;
}

/* A location or scale result from working units back to the data's:
 * v / div, or v * 2^-div for binary differences. */
static double unscale(double v, double div, int binary, int *flags)
{
    if ((binary ? div == 0 : div == 1) || isnan(v))
        return v;
    double u = binary ? ldexp(v, -(int)div) : v / div;
    if (isinf(u) && isfinite(v)) {
        *flags |= STATS_PAIRED_OVERFLOW;    /* finite, but no double */
        return NAN;
    }
    return u;
}

void stats_paired(const struct num_value *before,
                  const struct num_value *after, size_t n, double level,
                  enum stats_alt alt, const struct stats_signrank_opts *wo,
                  struct stats_paired *r)
{
    r->n = n;
    r->mean_b = r->sd_b = r->mean_a = r->sd_a = NAN;
    r->p_sign = r->p_mcnemar = r->d_av = r->g_av = NAN;
    r->flags = 0;
    double *d = sk_xcalloc(n ? n : 1, sizeof *d), div = 1;
    struct exsum ex;
    int binary;
    int exact_sums = differences(before, after, n, d, &div, &binary, &ex,
                                 &r->flags);
    size_t npos = 0, nneg = 0;
    int sides_exact = 1;
    for (size_t i = 0; i < n; i++) {
        npos += d[i] > 0;
        nneg += d[i] < 0;
        sides_exact = sides_exact && before[i].exact && after[i].exact;
    }
    side_mean_sd(before, n, sides_exact, &r->mean_b, &r->sd_b);
    side_mean_sd(after, n, sides_exact, &r->mean_a, &r->sd_a);

    /* t test: from the exact sums, or in working units then scaled back */
    double mean = NAN, sd = NAN, var;
    if (exact_sums && exsum_results(&ex, &mean, &var, &sd) == 0) {
        stats_ttest_summary(n, mean, sd, level, alt, &r->t);
    } else {
        if (n > 0)
            mean_sd_exact(d, n, &mean, &sd);
        stats_ttest_summary(n, mean, sd, level, alt, &r->t);
        r->t.mean = unscale(r->t.mean, div, binary, &r->flags);
        r->t.sd = unscale(r->t.sd, div, binary, &r->flags);
        r->t.se = unscale(r->t.se, div, binary, &r->flags);
        r->t.lo = unscale(r->t.lo, div, binary, &r->flags);
        r->t.hi = unscale(r->t.hi, div, binary, &r->flags);
    }
    stats_signrank(d, n, wo, &r->w);
    r->w.hl = unscale(r->w.hl, div, binary, &r->flags);
    r->w.hl_lo = unscale(r->w.hl_lo, div, binary, &r->flags);
    r->w.hl_hi = unscale(r->w.hl_hi, div, binary, &r->flags);
    r->p_sign = stats_sign_test(npos, nneg, alt);
    if (is_binary(before, n) && is_binary(after, n))
        r->p_mcnemar = r->p_sign;
    /* halves first: the sum of two sds near the double maximum overflows */
    r->d_av = r->t.mean / (r->sd_b / 2 + r->sd_a / 2);
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
