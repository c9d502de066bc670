#!/usr/bin/python3
"""report_response.py - the expected response rate of the bundled PLP data
in tests/report.sh: 26 respondents of 54 invited (datasets/plp), the
percentage and its Wilson score interval (as R's prop.test(26, 54,
correct = FALSE)), computed here from the formula.

    python3 tests/ref/report_response.py
"""
from math import sqrt
from statistics import NormalDist

x, n = 26, 54
z = NormalDist().inv_cdf(0.975)
p = x / n
centre = (p + z * z / (2 * n)) / (1 + z * z / n)
half = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
print("%.12g %.12g %.12g" % (100 * p, 100 * (centre - half),
                             100 * (centre + half)))
