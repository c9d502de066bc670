/* agree.c - agreement between ratings (agree.h). */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include "agree.h"
#include "dist.h"
#include "util.h"

/* ---- kappa ---------------------------------------------------------- */

static double kappa_weight(enum stats_kappa_weights w, size_t i, size_t j,
                           size_t c)
{
    if (w == STATS_KAPPA_NONE || c < 2)
        return i == j;
    double d = fabs((double)i - (double)j) / (double)(c - 1);
    return w == STATS_KAPPA_LINEAR ? 1 - d : 1 - d * d;
}

void stats_kappa(const unsigned long *t, size_t c,
                 enum stats_kappa_weights w, double level,
                 struct stats_kappa *r)
{
    *r = (struct stats_kappa){ NAN, NAN, NAN, NAN, NAN, NAN, 0 };
    double n = 0;
    for (size_t i = 0; i < c * c; i++)
        n += (double)t[i];
    if (!(n >= 1)) {
        r->flags |= STATS_AG_SMALL_N;
        return;
    }
    double *row = sk_xcalloc(c, sizeof *row), *col = sk_xcalloc(c, sizeof *col);
    for (size_t i = 0; i < c; i++)
        for (size_t j = 0; j < c; j++) {
            row[i] += (double)t[i * c + j] / n;
            col[j] += (double)t[i * c + j] / n;
        }
    double po = 0, pe = 0;
    double *wr = sk_xcalloc(c, sizeof *wr), *wc = sk_xcalloc(c, sizeof *wc);
    for (size_t i = 0; i < c; i++)
        for (size_t j = 0; j < c; j++) {
            double wij = kappa_weight(w, i, j, c);
            po += wij * (double)t[i * c + j] / n;
            pe += wij * row[i] * col[j];
            wr[i] += wij * col[j];      /* wbar_i. */
            wc[j] += wij * row[i];      /* wbar_.j */
        }
    r->po = po;
    r->pe = pe;
    if (!(pe < 1)) {
        r->flags |= STATS_AG_ONE_CATEGORY;
        goto done;
    }
    double k = (po - pe) / (1 - pe), s = 0;
    for (size_t i = 0; i < c; i++)
        for (size_t j = 0; j < c; j++) {
            double p = (double)t[i * c + j] / n;
            double e = kappa_weight(w, i, j, c) - (wr[i] + wc[j]) * (1 - k);
            s += p * e * e;
        }
    double q = k - pe * (1 - k);
    double v = (s - q * q) / ((1 - pe) * (1 - pe) * n);
    r->kappa = k;
    r->se = v > 0 ? sqrt(v) : 0;
    double z = dist_qnorm((1 + level) / 2);
    r->lo = fmax(-1, k - z * r->se);
    r->hi = fmin(1, k + z * r->se);
done:
    free(row);
    free(col);
    free(wr);
    free(wc);
}

/* ---- intraclass correlations ---------------------------------------- */

/* The mean squares of the two-way layout, each sum of squares taken
 * directly from centred values (no difference of large sums). */
static void mean_squares(const double *x, size_t n, size_t k,
                         struct stats_icc *r)
{
    long double *rm = sk_xcalloc(n, sizeof *rm), *cm = sk_xcalloc(k, sizeof *cm);
    long double gm = 0, dn = (long double)n, dk = (long double)k;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < k; j++) {
            rm[i] += x[i * k + j];
            cm[j] += x[i * k + j];
            gm += x[i * k + j];
        }
    gm /= dn * dk;
    for (size_t i = 0; i < n; i++)
        rm[i] /= dk;
    for (size_t j = 0; j < k; j++)
        cm[j] /= dn;
    long double ssb = 0, ssj = 0, sse = 0;
    for (size_t i = 0; i < n; i++)
        ssb += (rm[i] - gm) * (rm[i] - gm);
    for (size_t j = 0; j < k; j++)
        ssj += (cm[j] - gm) * (cm[j] - gm);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < k; j++) {
            long double e = x[i * k + j] - rm[i] - cm[j] + gm;
            sse += e * e;
        }
    ssb *= dk;
    ssj *= dn;
    r->msb = (double)(ssb / (dn - 1));
    r->msj = (double)(ssj / (dk - 1));
    r->mse = (double)(sse / ((dn - 1) * (dk - 1)));
    r->msw = (double)((ssj + sse) / (dn * (dk - 1)));
    free(rm);
    free(cm);
}

/* psych::ICC's interval of ICC(2,1) and ICC(2,k): Satterthwaite's df v
 * for the F bounds. */
static void icc2_interval(const struct stats_icc *r, double n, double k,
                          double alpha, double *lo, double *hi, int *imp)
{
    double icc = r->icc[1], fj = r->msj / r->mse;
    double a = n * (1 + (k - 1) * icc) - k * icc;
    double vn = (k - 1) * (n - 1) * (k * icc * fj + a) * (k * icc * fj + a);
    double vd = (n - 1) * k * k * icc * icc * fj * fj + a * a;
    double v = vn / vd;
    double fu = dist_qf(1 - alpha / 2, n - 1, v, imp);
    double fl = dist_qf(1 - alpha / 2, v, n - 1, imp);
    double base = k * r->msj + (k * n - k - n) * r->mse;
    *lo = n * (r->msb - fu * r->mse) / (fu * base + n * r->msb);
    *hi = n * (fl * r->msb - r->mse) / (base + n * fl * r->msb);
}

void stats_icc(const double *x, size_t n, size_t k, double level,
               struct stats_icc *r)
{
    for (int i = 0; i < 6; i++)
        r->icc[i] = r->lo[i] = r->hi[i] = NAN;
    r->msb = r->msj = r->mse = r->msw = NAN;
    r->flags = 0;
    if (n < 2 || k < 2) {
        r->flags |= STATS_AG_SMALL_N;
        return;
    }
    mean_squares(x, n, k, r);
    double dn = (double)n, dk = (double)k, alpha = 1 - level;
    double msb = r->msb, msj = r->msj, mse = r->mse, msw = r->msw;
    if (msb == 0 && msw == 0) {
        r->flags |= STATS_AG_NO_VARIANCE;
        return;
    }
    r->icc[0] = (msb - msw) / (msb + (dk - 1) * msw);
    r->icc[1] = (msb - mse) / (msb + (dk - 1) * mse + dk * (msj - mse) / dn);
    r->icc[2] = (msb - mse) / (msb + (dk - 1) * mse);
    r->icc[3] = (msb - msw) / msb;
    r->icc[4] = (msb - mse) / (msb + (msj - mse) / dn);
    r->icc[5] = (msb - mse) / msb;
    if (mse == 0 || msw == 0)
        r->flags |= STATS_AG_PERFECT;
    int imp = 0;
    double d1n = dn - 1, d1d = dn * (dk - 1), d3d = (dn - 1) * (dk - 1);
    double f1 = msb / msw, f3 = msb / mse;
    if (isfinite(f1)) {
        double fl = f1 / dist_qf(1 - alpha / 2, d1n, d1d, &imp);
        double fu = f1 * dist_qf(1 - alpha / 2, d1d, d1n, &imp);
        r->lo[0] = (fl - 1) / (fl + (dk - 1));
        r->hi[0] = (fu - 1) / (fu + dk - 1);
        r->lo[3] = 1 - 1 / fl;
        r->hi[3] = 1 - 1 / fu;
    }
    if (isfinite(f3)) {
        double fl = f3 / dist_qf(1 - alpha / 2, d1n, d3d, &imp);
        double fu = f3 * dist_qf(1 - alpha / 2, d3d, d1n, &imp);
        r->lo[2] = (fl - 1) / (fl + dk - 1);
        r->hi[2] = (fu - 1) / (fu + dk - 1);
        r->lo[5] = 1 - 1 / fl;
        r->hi[5] = 1 - 1 / fu;
        icc2_interval(r, dn, dk, alpha, &r->lo[1], &r->hi[1], &imp);
        r->lo[4] = r->lo[1] * dk / (1 + r->lo[1] * (dk - 1));
        r->hi[4] = r->hi[1] * dk / (1 + r->hi[1] * (dk - 1));
    }
    if (imp)
        r->flags |= STATS_AG_IMPRECISE;
}

/* ---- Pearson's r ---------------------------------------------------- */

void stats_cor_z(const double *a, const double *b, size_t n, double level,
                 double *r, double *lo, double *hi)
{
    *r = *lo = *hi = NAN;
    if (n < 2)
        return;
    long double ma = 0, mb = 0, saa = 0, sbb = 0, sab = 0;
    for (size_t i = 0; i < n; i++) {
        ma += a[i];
        mb += b[i];
    }
    ma /= (long double)n;
    mb /= (long double)n;
    for (size_t i = 0; i < n; i++) {
        long double da = a[i] - ma, db = b[i] - mb;
        saa += da * da;
        sbb += db * db;
        sab += da * db;
    }
    if (!(saa > 0 && sbb > 0))
        return;
    double rr = (double)(sab / sqrtl(saa * sbb));
    *r = fmax(-1, fmin(1, rr));
    if (n < 4)
        return;
    double z = atanh(*r), q = dist_qnorm((1 + level) / 2) / sqrt((double)n - 3);
    *lo = tanh(z - q);
    *hi = tanh(z + q);
}
