/* likert.c - statistics of Likert items and scales. */
#include <config.h>

#include "likert.h"
#include "describe.h"
#include "quantile.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>

#include <float.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

size_t likert_percents(const size_t *count, size_t k, double *pct,
                       double *cum)
{
    size_t n = 0, c = 0;
    for (size_t i = 0; i < k; i++)
        n += count[i];
    for (size_t i = 0; i < k; i++) {
        c += count[i];
        pct[i] = n ? 100.0 * (double)count[i] / (double)n : NAN;
        cum[i] = n ? 100.0 * (double)c / (double)n : NAN;
    }
    return n;
}

void likert_describe(const double *code, const size_t *count, size_t k,
                     double *mean, double *sd, double *median)
{
    size_t n = 0;
    for (size_t i = 0; i < k; i++)
        n += count[i];
    *mean = *sd = *median = NAN;
    if (n == 0)
        return;
    double var;
    stats_mean_var(code, count, k, n, mean, &var);
    *sd = sqrt(var);
    const double half = 0.5;
    stats_quantiles_freq(code, count, k, &half, 1, 7, median);
}

void likert_wilson(size_t x, size_t n, double level, double *lo, double *hi)
{
    *lo = *hi = NAN;
    if (n == 0 || !(level > 0 && level < 1))
        return;
    double z = gsl_cdf_ugaussian_Pinv((1 + level) / 2);
    if (!isfinite(z))
        return;
    /* Wilson (1927), JASA 22:209-212, as written in R's prop.test:
     * (p + z^2/2n -+ z sqrt(p (1 - p) / n + z^2 / 4n^2)) / (1 + z^2 / n) */
    double dn = (double)n, p = (double)x / dn, z22n = z * z / (2 * dn);
    double root = z * sqrt(p * (1 - p) / dn + z22n / (2 * dn));
    *lo = x == 0 ? 0 : (p + z22n - root) / (1 + 2 * z22n);
    *hi = x == n ? 1 : (p + z22n + root) / (1 + 2 * z22n);
    if (*lo < 0)
        *lo = 0;
    if (*hi > 1)
        *hi = 1;
}

struct beta_q {
    double p, q, a, b;
};

/* Increasing in x, 0 at the quantile: on the lower tail for p <= 1/2 and
 * on the upper tail above, so that neither loses digits to 1 - p. */
static double beta_q_fn(double x, void *params)
{
    const struct beta_q *bq = params;
    if (bq->p <= 0.5)
        return gsl_cdf_beta_P(x, bq->a, bq->b) - bq->p;
    return bq->q - gsl_cdf_beta_Q(x, bq->a, bq->b);
}

/* The p quantile of Beta(a, b), with q = 1 - p. GSL's gsl_cdf_beta_Pinv
 * (and so gsl_cdf_fdist_Pinv) fails to converge for some large a and b
 * (NAN for p = 0.995, a = 1354, b = 5416) and stops at about 1e-13; its
 * answer is only the start of Brent's method (GSL's root solver) on GSL's
 * beta distribution function, to the last bits. NAN if that fails. */
static double beta_quantile(double p, double q, double a, double b)
{
    struct beta_q bq = { p, q, a, b };
    gsl_function F = { beta_q_fn, &bq };
    double x0 = p <= 0.5 ? gsl_cdf_beta_Pinv(p, a, b)
                         : gsl_cdf_beta_Qinv(q, a, b);
    double lo = 0, hi = 1;
    if (x0 > 0 && x0 < 1) {
        double d = x0 * 1e-9;
        for (int i = 0; i < 40 && x0 - d > 0 && beta_q_fn(x0 - d, &bq) > 0;
             i++)
            d *= 8;
        lo = x0 - d > 0 ? x0 - d : 0;
        d = x0 * 1e-9;
        for (int i = 0; i < 40 && x0 + d < 1 && beta_q_fn(x0 + d, &bq) < 0;
             i++)
            d *= 8;
        hi = x0 + d < 1 ? x0 + d : 1;
    }
    double flo = beta_q_fn(lo, &bq), fhi = beta_q_fn(hi, &bq);
    if (flo == 0)
        return lo;
    if (fhi == 0)
        return hi;
    if (!(flo < 0 && fhi > 0))
        return NAN;
    gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    if (!s || gsl_root_fsolver_set(s, &F, lo, hi) != GSL_SUCCESS) {
        if (s)
            gsl_root_fsolver_free(s);
        return NAN;
    }
    double x = NAN;
    for (int i = 0; i < 400; i++) {
        if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
            break;
        lo = gsl_root_fsolver_x_lower(s);
        hi = gsl_root_fsolver_x_upper(s);
        x = gsl_root_fsolver_root(s);
        if (gsl_root_test_interval(lo, hi, 0, 2 * DBL_EPSILON) == GSL_SUCCESS
            || beta_q_fn(x, &bq) == 0)
            break;
    }
    gsl_root_fsolver_free(s);
    return x;
}

void likert_clopper_pearson(size_t x, size_t n, double level, double *lo,
                            double *hi)
{
    *lo = *hi = NAN;
    if (n == 0 || !(level > 0 && level < 1))
        return;
    double a = (1 - level) / 2, dx = (double)x, dn = (double)n;
    /* Clopper & Pearson (1934), Biometrika 26:404-413: beta quantiles */
    double l = x == 0 ? 0 : beta_quantile(a, 1 - a, dx, dn - dx + 1);
    double h = x == n ? 1 : beta_quantile(1 - a, a, dx + 1, dn - dx);
    if (isfinite(l) && isfinite(h)) {
        *lo = l;
        *hi = h;
    }
}

double likert_score(const double *code, size_t k, int sum, size_t min_items)
{
    size_t m = 0;
    long double s = 0;
    for (size_t i = 0; i < k; i++)
        if (!isnan(code[i])) {
            s += code[i];
            m++;
        }
    if (m == 0 || m < min_items)
        return NAN;
    return sum ? (double)s : (double)(s / m);
}

void likert_cov(const double *x, size_t n, size_t k, double *mean,
                double *cov)
{
    for (size_t j = 0; j < k; j++) {
        long double s = 0;
        for (size_t r = 0; r < n; r++)
            s += x[r * k + j];
        mean[j] = n ? (double)(s / n) : NAN;
    }
    for (size_t i = 0; i < k; i++)
        for (size_t j = i; j < k; j++) {
            long double s = 0;
            for (size_t r = 0; r < n; r++)
                s += ((long double)x[r * k + i] - mean[i]) *
                     ((long double)x[r * k + j] - mean[j]);
            cov[i * k + j] = cov[j * k + i] =
                n > 1 ? (double)(s / (n - 1)) : NAN;
        }
}

void likert_alpha_cov(const double *cov, size_t k, size_t skip, double *raw,
                      double *std, double *mean_r)
{
    size_t m = 0;
    int constant = 0;
    long double tr = 0, sc = 0, sr = 0;
    for (size_t i = 0; i < k; i++) {
        if (i == skip)
            continue;
        m++;
        constant |= !(cov[i * k + i] > 0);
        tr += cov[i * k + i];
        for (size_t j = 0; j < k; j++)
            if (j != skip) {
                sc += cov[i * k + j];
                sr += cov[i * k + j] /
                      sqrt((long double)cov[i * k + i] * cov[j * k + j]);
            }
    }
    *raw = *std = *mean_r = NAN;
    if (m < 2)
        return;
    double dm = (double)m;
    /* Cronbach (1951), Psychometrika 16:297-334; psych::alpha's alpha.1 */
    *raw = (double)((1 - tr / sc) * (dm / (dm - 1)));
    *std = (double)((1 - dm / sr) * (dm / (dm - 1)));
    *mean_r = (double)((sr - dm) / (dm * (dm - 1)));
    if (constant)    /* a correlation with a constant item is undefined */
        *std = *mean_r = NAN;
}

void likert_feldt(double alpha, size_t n, size_t k, double level, double *lo,
                  double *hi)
{
    *lo = *hi = NAN;
    if (!isfinite(alpha) || n < 2 || k < 2 || !(level > 0 && level < 1))
        return;
    double df1 = (double)n - 1, df2 = df1 * ((double)k - 1);
    /* Feldt, Woodruff & Salih (1987), Appl. Psych. Meas. 11:93-103, as
     * psych::alpha.ci: 1 - (1 - alpha) qf(p, n - 1, (n - 1)(k - 1)) */
    double a = (1 - level) / 2;
    /* F = (df2 / df1) B / (1 - B) for B ~ Beta(df1 / 2, df2 / 2) */
    double bhi = beta_quantile(1 - a, a, df1 / 2, df2 / 2);
    double blo = beta_quantile(a, 1 - a, df1 / 2, df2 / 2);
    double fhi = df2 / df1 * bhi / (1 - bhi);
    double flo = df2 / df1 * blo / (1 - blo);
    if (isfinite(fhi) && isfinite(flo)) {
        *lo = 1 - (1 - alpha) * fhi;
        *hi = 1 - (1 - alpha) * flo;
    }
}

void likert_alpha(const double *x, size_t n, size_t k, int sum, double level,
                  struct likert_alpha *a, struct likert_alpha_item *item)
{
    double *mean = sk_xcalloc(k, sizeof *mean);
    double *cov = sk_xcalloc(k * k, sizeof *cov);
    likert_cov(x, n, k, mean, cov);
    a->k = k;
    a->n = n;
    likert_alpha_cov(cov, k, k, &a->raw, &a->std, &a->mean_r);
    if (n < 2)
        a->raw = a->std = a->mean_r = NAN;
    likert_feldt(a->raw, n, k, level, &a->lo, &a->hi);

    /* The scale score of each row, and its mean and sd. */
    double *score = sk_xcalloc(n, sizeof *score);
    for (size_t r = 0; r < n; r++)
        score[r] = likert_score(x + r * k, k, sum, k);
    a->mean = a->sd = NAN;
    if (n > 0) {
        double var;
        stats_mean_var(score, NULL, n, n, &a->mean, &var);
        a->sd = sqrt(var);
    }
    free(score);

    if (item) {
        long double total = 0;
        for (size_t i = 0; i < k; i++)
            for (size_t j = 0; j < k; j++)
                total += cov[i * k + j];
        for (size_t i = 0; i < k; i++) {
            struct likert_alpha_item *it = &item[i];
            long double row = 0, rest = 0, cii = cov[i * k + i];
            for (size_t j = 0; j < k; j++)
                row += cov[i * k + j];
            for (size_t p = 0; p < k; p++)
                for (size_t q = 0; q < k; q++)
                    if (p != i && q != i)
                        rest += cov[p * k + q];
            it->mean = n ? mean[i] : NAN;
            it->sd = sqrt(cov[i * k + i]);
            /* item-rest r = cov(x_i, rest) / sqrt(var x_i var rest), the
             * "corrected item-total correlation" (psych's r.drop) */
            it->r_drop = k >= 2 ? (double)((row - cii) / sqrtl(cii * rest))
                                : NAN;
            /* item-total r = cov(x_i, total) / sqrt(var x_i var total) */
            it->raw_r = (double)(row / sqrtl(cii * total));
            likert_alpha_cov(cov, k, i, &it->alpha_drop, &it->std_drop,
                             &it->mean_r_drop);
            if (k < 3 || n < 2)
                it->alpha_drop = it->std_drop = it->mean_r_drop = NAN;
        }
    }
    free(mean);
    free(cov);
}
