/* dist.c - distribution functions: GSL, and libRmath's noncentral t. */
#include <config.h>

#include "dist.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <stdio.h>

#define MATHLIB_STANDALONE 1
#include <Rmath.h>

/* libRmath's standalone build prints its warnings with printf: these
 * wrappers send them to stderr (glibc's stdout is an assignable
 * variable), so that nothing but results ever reaches standard output. */
#define RMATH_CALL(expr)                                                   \
    do {                                                                   \
        FILE *saved_stdout_ = stdout;                                      \
        stdout = stderr;                                                   \
        expr;                                                              \
        stdout = saved_stdout_;                                            \
    } while (0)

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

double dist_pnt(double t, double df, double ncp)
{
    if (isnan(t) || isnan(ncp) || !(df > 0))
        return NAN;
    double p;
    RMATH_CALL(p = pnt(t, df, ncp, 1, 0));
    return p;
}

struct nct_root {
    double t, df, p;
};

static double nct_f(double ncp, void *params)
{
    const struct nct_root *r = params;
    return dist_pnt(r->t, r->df, ncp) - r->p;
}

double dist_nct_ncp(double t, double df, double p)
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

double dist_pbinom_half(unsigned long k, unsigned long n)
{
    if (k >= n)
        return 1;
    return gsl_cdf_binomial_P((unsigned int)k, 0.5, (unsigned int)n);
}

double dist_pbinom_half_upper(unsigned long k, unsigned long n)
{
    if (k == 0)
        return 1;
    if (k > n)
        return 0;
    return gsl_cdf_binomial_Q((unsigned int)(k - 1), 0.5, (unsigned int)n);
}
