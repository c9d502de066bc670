# unit-twogroup.py - scipy's Brunner-Munzel statistic and df on three of
# the sets of tests/unit/test-twogroup.c, the check of the hand-written R
# implementation in unit-twogroup.R (bm_t, bm_df, bm_p there).
# /usr/bin/python3 tests/ref/unit-twogroup.py   (SciPy 1.10.1)
from scipy.stats import brunnermunzel

sets = {
    "sleep": ([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0],
              [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]),
    "mtcars": ([21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3,
                15.2, 10.4, 10.4, 14.7, 21.5, 15.5, 15.2, 13.3, 19.2],
               [21, 21, 22.8, 32.4, 30.4, 33.9, 27.3, 26, 30.4, 15.8, 19.7,
                15, 21.4]),
    "likert": ([2, 3, 3, 1, 4, 2, 3, 2, 5, 3, 2, 1, 3],
               [4, 3, 5, 4, 2, 4, 3, 5, 4, 3, 4, 2, 5]),
}
for name, (a, b) in sets.items():
    # scipy's statistic is positive when its second sample (B) is larger
    res = brunnermunzel(a, b, distribution="t")
    # scipy returns t and p, not df: p agreeing to 1e-12 checks df too
    print(name, "%.17g %.17g" % (res.statistic, res.pvalue))
