#!/usr/bin/python3
"""unit_xsum.py - the expected values of the xsum tests in
tests/unit/test-stats.c (test_xsum), in exact rational arithmetic: each
double as a Fraction, the results rounded to the nearest double (float of
a Fraction is correctly rounded, subnormals included; square roots with
60-digit decimal, or exact when they are rational)."""
import math
from decimal import Decimal, getcontext
from fractions import Fraction as F

getcontext().prec = 60


def sqrt(q):
    a, b = math.isqrt(q.numerator), math.isqrt(q.denominator)
    if a * a == q.numerator and b * b == q.denominator:
        return float(F(a, b))
    return float((Decimal(q.numerator) / Decimal(q.denominator)).sqrt())


def stats(xs, counts=None):
    counts = counts or [1] * len(xs)
    n = sum(counts)
    fx = [F(x) for x in xs]
    mean = sum(c * x for c, x in zip(counts, fx)) / n
    var = sum(c * (x - mean) ** 2 for c, x in zip(counts, fx)) / (n - 1)
    try:
        v = float(var)
    except OverflowError:
        v = math.inf
    return [float(mean), v, sqrt(var), sqrt(var / n)]


CASES = [
    ("1e300, -1e300, 0.4", [1e300, -1e300, 0.4], None),
    ("1e200, -1e200", [1e200, -1e200], None),
    ("1e-320, 3e-320, 2.5e-321", [1e-320, 3e-320, 2.5e-321], None),
    ("0.1 x 3000000, 1e308 x 2, -1e308 x 2", [0.1, 1e308, -1e308],
     [3000000, 2, 2]),
    ("DBL_MAX x 3, -DBL_MAX", [1.7976931348623157e308, -1.7976931348623157e308],
     [3, 1]),
]
for name, xs, counts in CASES:
    print(name, ["%r" % v for v in stats(xs, counts)])
