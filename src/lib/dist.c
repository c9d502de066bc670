/* dist.c - distribution functions: GSL, and libRmath where GSL is
 * inaccurate, lacks one or does not terminate (each function says which). */
#include <config.h>

#include "dist.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#define MATHLIB_STANDALONE 1
#include <Rmath.h>

/* libRmath's standalone build prints its warnings ("full precision may
 * not have been achieved in 'pnt'") with printf, without the program's
 * name. RMATH_CALL points stdout at a scratch stream for the call, so that
 * nothing but results ever reaches standard output and no warning reaches
 * the user unannounced; RMATH_CALL_W also tells whether one was printed,
 * for the caller to turn into a note. (glibc's stdout is an assignable
 * variable. Not thread-safe: no libRmath call is made from a thread.) */
static FILE *rmath_sink(void)
{
    static FILE *sink;
    static char *buf;
    static size_t len;
    if (!sink)
        sink = open_memstream(&buf, &len);
    return sink;
}

static int rmath_begin(FILE **saved)
{
    FILE *sink = rmath_sink();
    *saved = stdout;
    if (sink) {
        rewind(sink);
        stdout = sink;
    } else {
        stdout = stderr;
    }
    return 0;
}

static int rmath_end(FILE *saved)
{
    FILE *sink = stdout;
    stdout = saved;
    if (sink == stderr)
        return 0;
    fflush(sink);
    return ftell(sink) > 0;
}

#define RMATH_CALL_W(expr, warned)                                         \
    do {                                                                   \
        FILE *saved_stdout_;                                               \
        rmath_begin(&saved_stdout_);                                       \
        expr;                                                              \
        int w_ = rmath_end(saved_stdout_);                                 \
        if (warned)                                                        \
            *(int *)(warned) |= w_;                                        \
    } while (0)
#define RMATH_CALL(expr) RMATH_CALL_W(expr, (int *)NULL)

/* Student's t comes from libRmath (R's pt and qt, incomplete beta by
 * TOMS 708): GSL's gsl_cdf_tdist_P/Q use a Cornish-Fisher expansion for
 * df > 30 (errors up to 1e-7 relative in the tail) and its incomplete
 * beta loses digits at large df (3e-13 at df = 1e5), where R is exact to
 * the last digits the tests ask for. */
double dist_qt(double p, double df)
{
    if (!(p > 0 && p < 1) || !(df > 0))
        return NAN;
    double t;
    RMATH_CALL(t = qt(p, df, 1, 0));
    return isfinite(t) ? t : NAN;
}

double dist_pt(double t, double df)
{
    if (isnan(t) || !(df > 0))
        return NAN;
    double p;
    RMATH_CALL(p = pt(t, df, 1, 0));
    return p;
}

double dist_pt_upper(double t, double df)
{
    if (isnan(t) || !(df > 0))
        return NAN;
    double p;
    RMATH_CALL(p = pt(t, df, 0, 0));
    return p;
}

static double pnt_w(double t, double df, double ncp, int *warned)
{
    if (isnan(t) || isnan(ncp) || !(df > 0))
        return NAN;
    double p;
    RMATH_CALL_W(p = pnt(t, df, ncp, 1, 0), warned);
    return p;
}

double dist_pnt(double t, double df, double ncp)
{
    return pnt_w(t, df, ncp, NULL);
}

struct nct_root {
    double t, df, p;
};

/* The bracketing and the solver only use the sign of f far from the
 * root, where pnt is near 0 or 1 and warns that its last digits are
 * uncertain: those warnings do not touch the root and are dropped. */
static double nct_f(double ncp, void *params)
{
    const struct nct_root *r = params;
    return dist_pnt(r->t, r->df, ncp) - r->p;
}

static double nct_ncp(double t, double df, double p);

double dist_nct_ncp_w(double t, double df, double p, int *imprecise)
{
    double root = nct_ncp(t, df, p);
    if (imprecise && isfinite(root)) {
        /* libRmath's warning at the root itself does concern it */
        int w = 0;
        double q = pnt_w(t, df, root, &w);
        if (w || !(fabs(q - p) <= 1e-9 * fmax(p, 1 - p)))
            *imprecise = 1;
    }
    return root;
}

double dist_nct_ncp(double t, double df, double p)
{
    return nct_ncp(t, df, p);
}

static double nct_ncp(double t, double df, double p)
{
    if (!isfinite(t) || !(df > 0) || !(p > 0 && p < 1))
        return NAN;
    struct nct_root r = { t, df, p };
    gsl_function F = { nct_f, &r };
    /* Bracket: f falls with ncp; widen from t by a growing step. */
    double step = 2 + fabs(dist_qnorm(p)) * 2;
    double lo = t - step, hi = t + step;
    for (int i = 0; i < 60 && nct_f(lo, &r) < 0; i++)
        lo -= (step *= 2);
    for (int i = 0; i < 60 && nct_f(hi, &r) > 0; i++)
        hi += (step *= 2);
    double flo = nct_f(lo, &r), fhi = nct_f(hi, &r);
    if (!(flo >= 0 && fhi <= 0))
        return NAN;
    if (flo == 0)
        return lo;
    if (fhi == 0)
        return hi;
    gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    if (!s)
        return NAN;
    double root = NAN;
    if (gsl_root_fsolver_set(s, &F, lo, hi) == GSL_SUCCESS) {
        for (int i = 0; i < 200; i++) {
            if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
                break;
            double a = gsl_root_fsolver_x_lower(s);
            double b = gsl_root_fsolver_x_upper(s);
            root = gsl_root_fsolver_root(s);
            if (gsl_root_test_interval(a, b, 1e-300, 1e-13) == GSL_SUCCESS)
                break;
        }
    }
    gsl_root_fsolver_free(s);
    return root;
}

double dist_pnorm(double z)
{
    return isnan(z) ? NAN : gsl_cdf_ugaussian_P(z);
}

double dist_pnorm_upper(double z)
{
    return isnan(z) ? NAN : gsl_cdf_ugaussian_Q(z);
}

double dist_qnorm(double p)
{
    if (!(p > 0 && p < 1))
        return p == 0 ? -INFINITY : p == 1 ? INFINITY : NAN;
    return gsl_cdf_ugaussian_Pinv(p);
}

/* The beta quantile comes from libRmath (R's qbeta): GSL's
 * gsl_cdf_beta_Pinv/Qinv (and so gsl_cdf_fdist_Pinv) never returns for
 * some large shapes (a = b = 2e6, Feldt's interval of 4e6 rows), fails
 * with NAN for others (p = 0.995, a = 1354, b = 5416) and stops short of
 * full precision; R's is robust and is the reference. (R's qf is not
 * used: above df2 = 4e5 it approximates F(df1, df2) by chi-square(df1) /
 * df1, 12% off in F - 1 at df1 = 4e6, df2 = 1.6e7.) */
double dist_qbeta(double p, double a, double b, int lower, int *imprecise)
{
    if (!(p >= 0 && p <= 1) || !(a > 0) || !(b > 0) || isinf(a) ||
        isinf(b))
        return NAN;
    double x;
    RMATH_CALL_W(x = qbeta(p, a, b, lower ? 1 : 0, 0), imprecise);
    return x >= 0 && x <= 1 ? x : NAN;
}

double dist_qf(double p, double d1, double d2, int *imprecise)
{
    if (!(p >= 0 && p <= 1) || !(d1 > 0) || !(d2 > 0))
        return NAN;
    if (p == 1)
        return INFINITY;
    double x = dist_qbeta(p, d1 / 2, d2 / 2, 1, imprecise);
    double y = dist_qbeta(p, d2 / 2, d1 / 2, 0, imprecise);   /* 1 - x */
    if (isnan(x) || isnan(y))
        return NAN;
    return y > 0 ? d2 / d1 * x / y : INFINITY;
}

/* Binomial(n, 1/2) tails: for n <= 63 exactly, the count sum of C(n, i)
 * over the tail in 64-bit integers divided by 2^n (one rounding, so 0.5,
 * 0.625 ... come out exact, where GSL's incomplete beta gives
 * 0.500000000000001); beyond, libRmath's pbinom (R's, as binom.test). */
static double binom_half_le(unsigned long k, unsigned long n)
{
    if (k >= n)
        return 1;
    if (n <= 63) {
        uint64_t c = 1, sum = 0;        /* c = C(n, i) */
        for (unsigned long i = 0; i <= k; i++) {
            sum += c;
            c = c / (i + 1) * (n - i) + c % (i + 1) * (n - i) / (i + 1);
        }
        return ldexp((double)sum, -(int)n);
    }
    double p;
    RMATH_CALL(p = pbinom((double)k, (double)n, 0.5, 1, 0));
    return p;
}

double dist_pbinom_half(unsigned long k, unsigned long n)
{
    return binom_half_le(k, n);
}

double dist_pbinom_half_upper(unsigned long k, unsigned long n)
{
    if (k == 0)
        return 1;
    if (k > n)
        return 0;
    /* P(X >= k) = P(X <= n - k) by symmetry */
    return binom_half_le(n - k, n);
}

double dist_pwilcox(double q, unsigned long m, unsigned long n, int lower)
{
    if (isnan(q) || m == 0 || n == 0)
        return NAN;
    double p;
    RMATH_CALL(p = pwilcox(q, (double)m, (double)n, lower ? 1 : 0, 0));
    return p;
}

double dist_qwilcox(double p, unsigned long m, unsigned long n)
{
    if (!(p >= 0 && p <= 1) || m == 0 || n == 0)
        return NAN;
    double q;
    RMATH_CALL(q = qwilcox(p, (double)m, (double)n, 1, 0));
    return q;
}

double dist_dhyper(unsigned long x, unsigned long m, unsigned long n,
                   unsigned long k)
{
    if (k > m + n)
        return NAN;
    double d;
    RMATH_CALL(d = dhyper((double)x, (double)m, (double)n, (double)k, 0));
    return d;
}
