#!/usr/bin/env python3
"""numparse_comma.py - the exact decimals of test_comma_exact
(tests/unit/test-numparse.c): each field with a decimal comma, read by
Python's decimal module after the comma is made a point, as mant / 10^scale
with the trailing zeros of the fraction dropped and a scale in 0..18 (else
not exact), and the nearest double (float() of the decimal, correctly
rounded).

    python3 tests/ref/numparse_comma.py
"""
from decimal import Decimal

CASES = ["1,5", "2,385", "-2,385", ",5", "5,", "-,25", "10000000,1",
         "007,2500", "1,5e-3", "-2,385E+2", "0,000000000000000001",
         "922337203685477580,7", "0,123456789012345678",
         "0,1234567890123456789", "1,00000000000000000001", "0,1", "0,3",
         "2,675"]


def exact(d):
    sign, digits, exp = d.normalize().as_tuple()
    m = int("".join(map(str, digits))) if digits else 0
    if m == 0:
        return 1, 0, 0
    if exp > 0:
        m *= 10 ** exp
        exp = 0
    if -exp > 18 or m > 2 ** 63 - 1:
        return 0, 0, 0
    return 1, -m if sign else m, -exp


for s in CASES:
    d = Decimal(s.replace(",", "."))
    e, m, sc = exact(d)
    print("%-26s exact %d mant %d scale %d double %r" % (s, e, m, sc, float(d)))
