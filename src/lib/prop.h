/* prop.h - confidence intervals of a proportion x / n: Wilson's score
 * interval and Clopper-Pearson's. Proportions 0..1; knows nothing of
 * files or output. */
#ifndef SK_PROP_H
#define SK_PROP_H

#include <stddef.h>

/* The Wilson score interval of x successes in n trials at LEVEL (0..1),
 * as R's prop.test(x, n, conf.level = LEVEL, correct = FALSE)$conf.int:
 * proportions, lo = 0 when x = 0 and hi = 1 when x = n; NAN when n = 0. */
void prop_wilson(size_t x, size_t n, double level, double *lo, double *hi);

/* The Clopper-Pearson ("exact") interval, as R's binom.test(x, n,
 * conf.level = LEVEL)$conf.int: beta quantiles (libRmath's qbeta, as R);
 * NAN when n = 0, x > n or the level is not in (0, 1); NAN too, with
 * *imprecise set (when not NULL), when libRmath warns that a quantile may
 * be inaccurate. */
void prop_clopper_pearson(size_t x, size_t n, double level, double *lo,
                            double *hi, int *imprecise);

#endif
