#!/usr/bin/python3
"""paired_extreme.py - expected values of tests/paired-extreme.sh.

sk-paired on values near the ends of the double range, computed here in
exact rational arithmetic on the values as read (the nearest double of
each field, as an exact fractions.Fraction: these inputs are not short
decimals, so sk-paired takes them in binary), the square roots with the decimal module at 60 digits,
rounded to double once at the end; t's p-value by scipy.stats.t from the
exact t. R cannot be the reference here: its var() overflows to Inf for
values near 1e300 and its mean() loses 0.4 next to 1e300.

Run from the source root:  /usr/bin/python3 tests/ref/paired_extreme.py
Writes tests/paired/extreme/NAME.tsv for each input NAME.csv there: the
columns of COLUMNS below, as tests/paired-extreme.sh extracts them.
Made with Python 3.11 and scipy 1.10.1 (Debian python3-scipy).
"""
import csv
import decimal
import glob
import math
import os
from fractions import Fraction

from scipy import stats

decimal.getcontext().prec = 60
COLUMNS = ["n", "mean_before", "sd_before", "mean_after", "sd_after",
           "mean_diff", "sd_diff", "se_diff", "t", "df", "p_t", "dz"]
# The notes sk-paired must print, by case, checked by hand to be the right
# ones: with n = 3 to 5 the normal method's HL interval cannot reach 95%
# (R's wilcox.test warns alike), and the overflow case has a location
# result beyond the double range.
HL = "HL interval: requested level not achievable"
NOTES = {"big": HL, "denormal": HL, "mixed": HL,
         "overflow": HL + "; a location result beyond the double range is NA"}


def fsqrt(q):
    """sqrt of a Fraction, as a Fraction of 60 digits."""
    d = decimal.Decimal(q.numerator) / decimal.Decimal(q.denominator)
    return Fraction(d.sqrt())


def to_double(q):
    """The nearest double, or NA beyond the double range."""
    try:
        x = float(q)
    except OverflowError:
        return "NA"
    return "NA" if math.isinf(x) else x


def mean_sd(xs):
    n = len(xs)
    m = sum(xs, Fraction(0)) / n
    var = sum(((x - m) ** 2 for x in xs), Fraction(0)) / (n - 1)
    return m, fsqrt(var)


def fmt(v):
    if isinstance(v, str):
        return v
    return "%.17g" % v


def main():
    for path in sorted(glob.glob("tests/paired/extreme/*.csv")):
        name = os.path.basename(path)[:-4]
        with open(path, newline="") as f:
            rows = list(csv.DictReader(f))
        b = [Fraction(float(r["b"])) for r in rows]
        a = [Fraction(float(r["a"])) for r in rows]
        d = [y - x for x, y in zip(b, a)]
        n = len(d)
        mb, sb = mean_sd(b)
        ma, sa = mean_sd(a)
        md, sdd = mean_sd(d)
        se = sdd / fsqrt(Fraction(n))
        t = md / se
        df = n - 1
        p = 2 * stats.t.sf(abs(float(t)), df)
        out = {"n": n, "mean_before": to_double(mb), "sd_before": to_double(sb),
               "mean_after": to_double(ma), "sd_after": to_double(sa),
               "mean_diff": to_double(md), "sd_diff": to_double(sdd),
               "se_diff": to_double(se), "t": float(t), "df": df, "p_t": p,
               "dz": float(md / sdd)}
        with open("tests/paired/extreme/%s.tsv" % name, "w") as f:
            f.write("\t".join(COLUMNS + ["note"]) + "\n")
            f.write("\t".join([fmt(out[c]) for c in COLUMNS] +
                              [NOTES.get(name, "NA")]) + "\n")
        print(name)


if __name__ == "__main__":
    main()
