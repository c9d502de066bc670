/* dist.c - distribution functions: GSL, and libRmath's noncentral t. */
#include <config.h>

#include "dist.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>
#include <stdio.h>

#define MATHLIB_STANDALONE 1
#include <Rmath.h>

double dist_qt(double p, double df)
{
    if (!(p > 0 && p < 1) || !(df > 0))
        return NAN;
    if (p < 0.5)
        return -dist_qt(1 - p, df);
    /* q = 1 - p is exact here (Sterbenz), and GSL's upper tail keeps
     * its relative precision where the lower one cannot. */
    double q = 1 - p;
    double t = gsl_cdf_tdist_Pinv(p, df);
    for (int i = 0; i < 4 && isfinite(t); i++) {
        double f = gsl_ran_tdist_pdf(t, df);
        if (!(f > 0))
            break;
        double step = (dist_pt_upper(t, df) - q) / f;
        t += step;
        if (fabs(step) <= 1e-16 * fabs(t))
            break;
    }
    return isfinite(t) ? t : NAN;
}

/* P(T > t) for t >= 0 from the incomplete beta function, which keeps full
 * precision in the tail (GSL's gsl_cdf_tdist_Q uses a Cornish-Fisher
 * expansion for df > 30 and loses up to 7 digits there):
 * P(T > t) = I_x(df/2, 1/2) / 2, x = df / (df + t^2); for small t the
 * complement I_{1-x}(1/2, df/2) is used, as R's pt does. */
static double upper_tail(double t, double df)
{
    double t2 = t * t;
    gsl_sf_result res;
    int status;
    double p;
    if (t2 < df) {
        status = gsl_sf_beta_inc_e(0.5, df / 2, t2 / (df + t2), &res);
        p = 0.5 * (1 - res.val);
    } else {
        status = gsl_sf_beta_inc_e(df / 2, 0.5, df / (df + t2), &res);
        p = 0.5 * res.val;
    }
    if (status != GSL_SUCCESS && status != GSL_EUNDRFLW)
        return t > 0 ? gsl_cdf_tdist_Q(t, df) : 0.5;
    return p;
}

double dist_pt(double t, double df)
{
    if (isnan(t) || !(df > 0))
        return NAN;
    if (isinf(t))
        return t < 0 ? 0 : 1;
    return t < 0 ? upper_tail(-t, df) : 1 - upper_tail(t, df);
}

double dist_pt_upper(double t, double df)
{
    if (isnan(t) || !(df > 0))
        return NAN;
    if (isinf(t))
        return t < 0 ? 1 : 0;
    return t < 0 ? 1 - upper_tail(-t, df) : upper_tail(t, df);
}

double dist_pnt(double t, double df, double ncp)
{
    if (isnan(t) || isnan(ncp) || !(df > 0))
        return NAN;
    /* libRmath's standalone build prints its warnings with printf: send
     * them to stderr (glibc's stdout is an assignable variable), so that
     * nothing but results ever reaches standard output. */
    FILE *saved = stdout;
    stdout = stderr;
    double p = pnt(t, df, ncp, 1, 0);
    stdout = saved;
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
