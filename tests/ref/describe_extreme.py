#!/usr/bin/python3
"""describe_extreme.py - the reference values of sk-describe's extreme-value
tests (tests/describe/extreme/), in exact rational arithmetic.

Each input NAME.csv (written here) holds doubles at the edges of the
range: near 1e300 and 1e308, subnormals, 1e300 next to 0.4 (where a
floating-point sum loses the 0.4), a spread of 1e100 (whose fourth powers
are beyond the doubles). Every statistic is computed from the doubles the
text reads as, with fractions.Fraction (exact) and decimal (60 digits) for
the square roots, then rounded to the nearest double and printed with
%.15g as sk-describe prints it. A statistic whose exact value is beyond
DBL_MAX, or not zero but rounding to 0, is NA, and the expected standard
error names it (NAME.err), as sk-describe must. The t quantile of the
interval is R's qt() (R 4.2: scipy 1.10's t.ppf is off by 1e-10 for
few degrees of freedom). The quantiles are R's type 7: h from the index in
double arithmetic as R computes it, the interpolation exact.

Run from the source root:  /usr/bin/python3 tests/ref/describe_extreme.py
"""
import math
import os
import subprocess
import sys
from decimal import Decimal, getcontext
from fractions import Fraction as F

getcontext().prec = 60
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                   "describe", "extreme")

CASES = {
    # the case (true sd 1.29e300) and others near 1e300
    "big": {
        "a": ["1e300", "2e300", "3e300", "4e300"] * 2,
        "b": ["1e300", "-1e300", "2.5e300", "3e300", "-4e300", "1e300",
              "7e299", "6e300"],
        "c": ["1.5e300"] * 7 + ["-2e300"],
    },
    # 1e300 and -1e300 next to 0.4: the mean is 0.4 * 8 / 10 exactly
    "mixed": {
        "x": ["1e300", "-1e300"] + ["0.4"] * 8,
        "y": ["0.4", "1e300", "0.4", "-1e300", "0.4", "2.5", "0.4", "0.4",
              "-0.7", "0.4"],
    },
    # subnormals: sd 0 and a 1.5e-320 iqr before
    "denormal": {
        "x": ["1e-320", "2e-320", "3e-320", "1.5e-320", "4e-320"],
        "y": ["4.9e-324", "1e-323", "2e-323", "1e-322", "5e-324"],
    },
    # a spread of 1e100 (m4 = 1e400) and of 1e200 (m3 = 1e600)
    "spread": {
        "x": ["1e100", "3e100", "-2e100", "7e100", "1.5e100", "-4e100"],
        "y": ["1e200", "3e200", "-2e200", "7e200", "1.5e200", "-4e200"],
    },
    # 1e308 and -1e308 together: iqr 2e308 and the interval are not
    # doubles; the mean and sd are
    "huge": {
        "x": ["1e308", "-1e308", "1e308", "-1e308"],
        "y": ["1.7e308", "1.7e308", "-1.7e308", "1.6e308"],
        "z": ["1.7976931348623157e308"] * 3 + ["1.7976931348623155e308"],
    },
    # one value; all equal huge values
    "single": {"x": ["1e308"]},
    "equal": {"x": ["1.7e308"] * 5, "y": ["-1e-310"] * 5},
    # 0 and the smallest subnormal: mean, se, q1, median 2.5e-324 and
    # less, not doubles
    "tiny": {"x": ["0", "4.9e-324"]},
}

DBL_MAX = F(float.fromhex("0x1.fffffffffffffp+1023"))
COLS = ["n", "missing", "mean", "sd", "se", "ci_lo", "ci_hi", "min", "q1",
        "median", "q3", "max", "iqr", "skewness", "kurtosis"]
RANGE_COLS = ["mean", "sd", "se", "ci_lo", "ci_hi", "q1", "median", "q3",
              "iqr"]


def dec(q):
    return Decimal(q.numerator) / Decimal(q.denominator)


def sqrt(q):
    """The square root of the Fraction q: a Fraction when it is one (so
    that a tie between two doubles stays a tie), else a Decimal."""
    a, b = math.isqrt(q.numerator), math.isqrt(q.denominator)
    if a * a == q.numerator and b * b == q.denominator:
        return F(a, b)
    return dec(q).sqrt()


def to_double(v):
    """v (Fraction or Decimal) as the nearest double (Fraction to float is
    correctly rounded, subnormals included); 'over' or 'under' when the
    value is not a double."""
    try:
        d = float(v)
    except OverflowError:
        return "over"
    if math.isinf(d) or (isinstance(v, F) and abs(v) > DBL_MAX):
        return "over"
    if d == 0 and v != 0:
        return "under"
    return d


def qt(p, df):
    """R's qt(p, df), as the exact value of the double R prints."""
    out = subprocess.run(["Rscript", "-e", "cat(sprintf('%%.17g', qt(%r, %d)))"
                          % (p, df)], check=True, capture_output=True,
                         text=True).stdout
    return Decimal(out)


def quantile7(xs, p):
    n = len(xs)
    index = 1 + (n - 1) * p            # in double, as R
    lo = math.floor(index)
    hi = math.ceil(index)
    h = index - lo
    a, b = xs[lo - 1], xs[hi - 1]
    if h == 0 or a == b:
        return F(a)
    return F(1 - h) * F(a) + F(h) * F(b)


def describe(texts):
    xs = [float(s) for s in texts]
    n = len(xs)
    fx = [F(x) for x in xs]
    mean = sum(fx) / n
    r = {"n": n, "missing": 0, "mean": mean}
    var = sd = None
    if n > 1:
        var = sum((x - mean) ** 2 for x in fx) / (n - 1)
        sd = sqrt(var)
        se = sqrt(var / n)
        t = qt(0.975, n - 1)
        dse = se if isinstance(se, Decimal) else dec(se)
        r.update(sd=sd, se=se, ci_lo=dec(mean) - t * dse,
                 ci_hi=dec(mean) + t * dse)
    s = sorted(xs)
    q = [quantile7(s, p) for p in (0, .25, .5, .75, 1)]
    r.update(min=q[0], q1=q[1], median=q[2], q3=q[3], max=q[4],
             iqr=q[3] - q[1])
    m2 = sum((x - mean) ** 2 for x in fx) / n
    m3 = sum((x - mean) ** 3 for x in fx) / n
    m4 = sum((x - mean) ** 4 for x in fx) / n
    if n >= 3 and m2 > 0:
        g1 = dec(m3) / (dec(m2) * dec(m2).sqrt())    # 60 digits
        r["skewness"] = g1 * Decimal(n * (n - 1)).sqrt() / (n - 2)
    if n >= 4 and m2 > 0:
        g2 = m4 / m2 ** 2 - 3
        r["kurtosis"] = ((n + 1) * g2 + 6) * F(n - 1, (n - 2) * (n - 3))
    return r


def fmt(v):
    if isinstance(v, str):
        return "NA"
    if v == 0:
        v = 0.0
    return "%.15g" % v


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, cols in CASES.items():
        names = list(cols)
        rows = list(zip(*(cols[c] for c in names)))
        with open(os.path.join(OUT, name + ".csv"), "w") as f:
            f.write(",".join(names) + "\n")
            for row in rows:
                f.write(",".join(row) + "\n")
        lines = ["\t".join(["variable"] + COLS)]
        err = []
        for c in names:
            r = describe(cols[c])
            cells, over, under = [c], [], []
            for col in COLS:
                if col not in r:
                    cells.append("NA")
                    continue
                v = r[col]
                if col in ("n", "missing"):
                    cells.append(str(v))
                    continue
                d = to_double(v)
                if d == "over":
                    over.append(col)
                elif d == "under":
                    under.append(col)
                cells.append(fmt(d))
            lines.append("\t".join(cells))
            for lst, why in ((over, "beyond the range of a double (above "
                              "1.8e308 in magnitude)"),
                             (under, "not zero but nearer zero than any "
                              "double (below 2.5e-324 in magnitude)")):
                bad = [x for x in RANGE_COLS if x in lst]
                if bad:
                    err.append("sk-describe: column '%s': %s %s: NA"
                               % (c, ", ".join(bad), why))
        with open(os.path.join(OUT, name + ".tsv"), "w") as f:
            f.write("\n".join(lines) + "\n")
        with open(os.path.join(OUT, name + ".err"), "w") as f:
            f.write("".join(e + "\n" for e in err))
    return 0


if __name__ == "__main__":
    sys.exit(main())
