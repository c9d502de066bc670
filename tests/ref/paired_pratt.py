# paired_pratt.py - the Wilcoxon signed-rank test with Pratt's treatment of
# zero differences, by scipy, for tests/ref/paired.R (base R has no Pratt
# method). Made with scipy 1.10.1.
#
#   python3 tests/ref/paired_pratt.py CORRECT ALTERNATIVE FILE
#
# CORRECT is 1 or 0 (continuity correction), ALTERNATIVE two.sided, less or
# greater, FILE the differences d = after - before, one a line. Prints
# "V p": V = the sum of Pratt's ranks of the positive d (scipy's r_plus,
# its statistic with alternative 'greater'), p from the normal
# approximation, both with repr() (17 significant digits or fewer, exact).
import sys
import warnings

from scipy.stats import wilcoxon

correct = sys.argv[1] == "1"
alternative = {"two.sided": "two-sided", "less": "less",
               "greater": "greater"}[sys.argv[2]]
with open(sys.argv[3]) as f:
    d = [float(line) for line in f if line.strip()]
with warnings.catch_warnings():
    warnings.simplefilter("ignore")     # "sample size too small" for n < 10
    v = wilcoxon(d, zero_method="pratt", correction=correct,
                 alternative="greater", method="approx").statistic
    p = wilcoxon(d, zero_method="pratt", correction=correct,
                 alternative=alternative, method="approx").pvalue
print(repr(float(v)), repr(float(p)))
