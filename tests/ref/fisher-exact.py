#!/usr/bin/env python3
"""fisher-exact.py - exact p-values of Fisher's test of 2 x k tables, in
integer arithmetic, for tests/unit/test-twogroup.c (test_fisher_exact).

R's fisher.test (FEXACT) sums in floating point and merges past paths;
it agrees with these to about 1e-11. Here every table's probability
numerator prod_l C(t_l, x_l) is an exact integer, a table counts when
its numerator is at most the observed's times (1 + 1e-7) (R's relative
tolerance, compared exactly: 10^7 v <= (10^7 + 1) v_obs), and p is the
exact rational sum / C(N, n_b), printed to 17 significant digits.

Small tables are enumerated whole. For the larger (the 2 x 5 of 1,000
answers) the last two columns are met in the middle: for each count r of
B in them, the products C(t_{k-2}, c) C(t_{k-1}, r - c) sorted with their
running sums, and a binary search for each table of the other columns;
exact all the same.

Run: python3 tests/ref/fisher-exact.py   (a few minutes)"""
from bisect import bisect_right
from itertools import product
from math import comb

CASES = [
    ("likert200", [4, 11, 22, 43, 30], [9, 12, 20, 35, 22]),
    ("apart", [2, 5, 15, 40, 38], [20, 25, 30, 15, 10]),
    ("mode", [5, 10, 20, 10, 5], [5, 10, 20, 10, 5]),
    ("ties", [10, 20, 20, 10], [20, 10, 10, 20]),
    ("seven", [3, 0, 5, 2, 7, 1, 4], [1, 4, 2, 6, 0, 5, 3]),
    ("three", [150, 90, 60], [120, 110, 70]),
    ("six", [5, 8, 12, 9, 6, 4], [3, 10, 8, 14, 7, 2]),
    ("unbalanced", [1, 2, 3, 2, 1], [30, 40, 50, 40, 30]),
    ("likert1000", [19, 43, 104, 217, 150], [35, 48, 94, 182, 108]),
]


def margins(a, b):
    t = [x + y for x, y in zip(a, b) if x + y > 0]
    bb = [y for x, y in zip(a, b) if x + y > 0]
    return t, bb, sum(bb)


def counts(t, x):
    v = 1
    for tl, xl in zip(t, x):
        v *= comb(tl, xl)
    return v


def whole(t, nb, vobs):
    """every table: the exact sum of the counting numerators"""
    total = 0
    ranges = [range(0, min(tl, nb) + 1) for tl in t[:-1]]
    for x in product(*ranges):
        last = nb - sum(x)
        if last < 0 or last > t[-1]:
            continue
        v = counts(t, list(x) + [last])
        if 10**7 * v <= (10**7 + 1) * vobs:
            total += v
    return total


def middle(t, nb, vobs):
    """the last two columns met in the middle"""
    t1, t2 = t[-2], t[-1]
    memo = {}
    for r in range(0, min(nb, t1 + t2) + 1):
        vals = sorted(comb(t1, c) * comb(t2, r - c)
                      for c in range(max(0, r - t2), min(t1, r) + 1))
        run, cum = 0, []
        for v in vals:
            run += v
            cum.append(run)
        memo[r] = (vals, cum)
    total = 0
    ranges = [range(0, min(tl, nb) + 1) for tl in t[:-2]]
    for x in product(*ranges):
        r = nb - sum(x)
        if r < 0 or r not in memo:
            continue
        head = counts(t[:-2], x)
        vals, cum = memo[r]
        # head * v <= vobs (1 + 1e-7): v <= floor(vobs (10^7 + 1) / (10^7 head))
        lim = (10**7 + 1) * vobs // (10**7 * head)
        i = bisect_right(vals, lim)
        if i:
            total += head * cum[i - 1]
    return total


def main():
    print("# name\tA counts\tB counts\tp (exact, 17 digits)")
    for name, a, b in CASES:
        t, bb, nb = margins(a, b)
        vobs = counts(t, bb)
        size = 1
        for tl in t[:-1]:
            size *= min(tl, nb) + 1
        total = whole(t, nb, vobs) if size <= 3_000_000 else \
            middle(t, nb, vobs)
        n = sum(t)
        p = total / comb(n, nb)     # int / int: correctly rounded
        print(f"{name}\t{a}\t{b}\t{p:.17g}")


if __name__ == "__main__":
    main()
