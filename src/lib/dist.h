/* dist.h - the distribution functions surveykit needs: the normal from
 * GSL; Student's t, the noncentral t, the binomial beyond n = 63, the
 * beta quantiles and the Wilcoxon and hypergeometric distributions from
 * R's standalone math library (libRmath), where GSL lacks them, is
 * inaccurate or does not terminate (see dist.c). Each returns NAN for
 * arguments out of its domain. */
#ifndef SK_DIST_H
#define SK_DIST_H

/* The p quantile of Student's t with df degrees of freedom (0 < p < 1). */
double dist_qt(double p, double df);

/* P(T <= t) and P(T > t) for Student's t. */
double dist_pt(double t, double df);
double dist_pt_upper(double t, double df);

/* P(T <= t) for the noncentral t with noncentrality ncp (R's pt(t, df,
 * ncp), algorithm AS 243, from libRmath). */
double dist_pnt(double t, double df, double ncp);

/* The noncentrality ncp such that dist_pnt(t, df, ncp) = p (0 < p < 1):
 * pnt falls as ncp grows, so the root is unique; found by GSL's Brent
 * solver to a relative tolerance of 1e-13. NAN when t or df is not
 * finite. */
double dist_nct_ncp(double t, double df, double p);
/* The same, setting *imprecise when libRmath warns that pnt may not have
 * reached full precision at the root, or the root does not reproduce p
 * to 1e-9 (warnings during the search, far from the root, are dropped). */
double dist_nct_ncp_w(double t, double df, double p, int *imprecise);

/* Standard normal P(Z <= z), P(Z > z) and the quantile. */
double dist_pnorm(double z);
double dist_pnorm_upper(double z);
double dist_qnorm(double p);

/* The p quantile of Beta(a, b) (R's qbeta(p, a, b, lower.tail = LOWER)):
 * with LOWER the x with P(X <= x) = p, else the x with P(X > x) = p, so
 * that neither loses digits to 1 - p. NAN out of the domain (a, b finite
 * and positive, 0 <= p <= 1); *imprecise (when not NULL) is set when
 * libRmath warns that the result may be inaccurate. */
double dist_qbeta(double p, double a, double b, int lower, int *imprecise);

/* The p quantile of F(d1, d2), from the beta quantiles: (d2/d1) x / (1 -
 * x) with x ~ Beta(d1/2, d2/2), 1 - x taken as the upper quantile of
 * Beta(d2/2, d1/2) so that it keeps its digits near 1. (R's qf is the
 * same below d2 = 4e5 and approximates above it.) NAN out of the domain;
 * *imprecise as dist_qbeta. */
double dist_qf(double p, double d1, double d2, int *imprecise);

/* P(X <= k) and P(X >= k) for X ~ Binomial(n, 1/2): exact (one
 * rounding) for n <= 63, libRmath's pbinom beyond. */
double dist_pbinom_half(unsigned long k, unsigned long n);
double dist_pbinom_half_upper(unsigned long k, unsigned long n);

/* The Wilcoxon rank-sum (Mann-Whitney) statistic of m and n values with no
 * ties, from libRmath (R's pwilcox and qwilcox): P(U <= q) (lower) or
 * P(U > q), and the smallest q with P(U <= q) >= p. */
double dist_pwilcox(double q, unsigned long m, unsigned long n, int lower);
double dist_qwilcox(double p, unsigned long m, unsigned long n);

/* P(X = x) for the hypergeometric count of white balls among k drawn
 * from m white and n black (R's dhyper, libRmath). */
double dist_dhyper(unsigned long x, unsigned long m, unsigned long n,
                   unsigned long k);

#endif
