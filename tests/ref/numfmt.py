#!/usr/bin/python3
"""numfmt.py - the reference values of the CUnit tests in
tests/unit/test-numfmt.c (numfmt_fixed and numfmt_p of src/lib/numfmt.h).

Run it from the source root:

    python3 tests/ref/numfmt.py > /tmp/numfmt-ref.c

and paste its output over the block between the lines
"BEGIN PYTHON REFERENCE VALUES" and "END PYTHON REFERENCE VALUES" of
tests/unit/test-numfmt.c. Python 3, standard library only; 'make check'
never runs Python: the values are kept in the C file.

What is computed here, independently of surveykit: the decimal text of
each input is read exactly by the decimal module (no double ever made) and
rounded with Decimal.quantize(ROUND_HALF_UP), which rounds half away from
zero (0.125 -> 0.13, -2.5 -> -3). Then, as numfmt.h documents:

  - a result that is zero has no sign (-0.001 at 2 decimals is 0.00);
  - digits -1 (any negative) is "as written", normalised: every
    significant digit, trailing zeros dropped, the exponent expanded
    (1.50 -> 1.5, 1e5 -> 100000, 1.2e-3 -> 0.0012);
  - no_lead_zero drops the 0 of a zero integer part (.34, -.34, .00);
  - thousands separates groups of three integer digits;
  - "Inf", "+Inf", "-Inf" are the infinity sign U+221E (with a minus);
  - anything else that is not a decimal number (blanks, hex, inf, nan, NA,
    an exponent beyond +-1000) gives NULL.

numfmt_p: digits < 1 means 3; a number that is (as written, before any
rounding) at least 0 and below 10^-digits is "< .001" ("< 0.001" with the
leading zero), zero included; one at least 0 that rounds to 1 or more is
"> .999"; any other, negative ones too, is rounded as numfmt_fixed.

Each case is printed as a C initialiser
    { input, digits, no_lead_zero, thousands, expected },
with '-' for the minus (the test compares numfmt_ascii() of the result)
and NULL when the result is NULL. Non-ASCII bytes are written as \\x
escapes, the string split after each so that a following hex digit is not
read into the escape."""
import re
import sys
from decimal import Decimal, Context, ROUND_HALF_UP, localcontext

# enough digits for 1e+-1000 at any decimals the tests use
CTX = Context(prec=5000, Emax=10000, Emin=-10000, rounding=ROUND_HALF_UP)

NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE]([+-]?[0-9]+))?")
MAX_EXP = 1000
INF = "\u221e"


def number(s):
    """The Decimal of S, or None when S is not a number numfmt reads."""
    m = NUMBER.fullmatch(s)
    if not m:
        return None
    if m.group(1) is not None and abs(int(m.group(1))) > MAX_EXP:
        return None
    return Decimal(s)


def fixed(s, digits, nlz, thousands):
    if s in ("Inf", "+Inf"):
        return INF
    if s == "-Inf":
        return "-" + INF
    x = number(s)
    if x is None:
        return None
    with localcontext(CTX):
        if digits < 0:
            q = x.normalize()
        else:
            q = x.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
        neg = q < 0          # -0 is not < 0: a zero result has no sign
        t = format(abs(q), "f")
    ip, _, fp = t.partition(".")
    if thousands:
        groups = []
        while len(ip) > 3:
            groups.insert(0, ip[-3:])
            ip = ip[:-3]
        ip = thousands.join([ip] + groups)
    if nlz and ip == "0" and fp:
        ip = ""
    return ("-" if neg else "") + ip + ("." + fp if fp else "")


def pvalue(s, digits, nlz):
    x = number(s)
    if x is None:
        return None
    d = digits if digits >= 1 else 3
    lead = "" if nlz else "0"
    with localcontext(CTX):
        if 0 <= x < Decimal(1).scaleb(-d):
            return "< " + lead + "." + "0" * (d - 1) + "1"
        q = x.quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
        if x >= 0 and q >= 1:
            return "> " + lead + "." + "9" * d
    return fixed(s, d, nlz, None)


def cstr(s):
    """S as a C string literal (or NULL)."""
    if s is None:
        return "NULL"
    out, hexed = ['"'], False
    for b in s.encode("utf-8"):
        c = chr(b)
        if hexed and c in "0123456789abcdefABCDEF":
            out.append('" "')
        hexed = False
        if c in '"\\':
            out.append("\\" + c)
        elif 0x20 <= b < 0x7f:
            out.append(c)
        else:
            out.append("\\x%02x" % b)
            hexed = True
    out.append('"')
    return "".join(out)


THIN = "\u2009"     # a separator of more than one byte

# (input, digits, no_lead_zero, thousands)
FIXED = [
    # ties: half away from zero, on the text (the doubles are below or above)
    ("0.125", 2, 0, None), ("0.135", 2, 0, None), ("0.145", 2, 0, None),
    ("2.5", 0, 0, None), ("-2.5", 0, 0, None), ("3.5", 0, 0, None),
    ("0.5", 0, 0, None), ("-0.5", 0, 0, None), ("1.5", 0, 0, None),
    ("0.0005", 3, 0, None), ("-0.0005", 3, 0, None), ("1.005", 2, 0, None),
    ("2.675", 2, 0, None), ("0.05", 1, 0, None), ("-0.05", 1, 0, None),
    ("0.45", 1, 0, None), ("0.4999999999", 0, 0, None),
    ("0.04999", 1, 0, None),
    # what the programs write: printf("%.15g")
    ("0.0349999999999999", 2, 0, None), ("0.0349999999999999", 3, 0, None),
    ("0.0349999999999999", 6, 0, None), ("0.0349999999999999", -1, 0, None),
    ("1.17322398149768e-19", 3, 0, None), ("1.17322398149768e-19", 6, 0, None),
    ("1.17322398149768e-19", -1, 0, None),
    ("2.33891935470003e-16", 2, 0, None),
    ("2.33891935470003e-16", -1, 0, None),
    ("681783", 0, 0, None), ("681783", 2, 0, None), ("681783", -1, 0, None),
    ("681783", 2, 0, ","),
    ("-8.28339325826079", 0, 0, None), ("-8.28339325826079", 1, 0, None),
    ("-8.28339325826079", 2, 0, None), ("-8.28339325826079", 3, 0, None),
    ("-8.28339325826079", 6, 0, None), ("-8.28339325826079", -1, 0, None),
    ("1762.96662318694", 0, 0, None), ("1762.96662318694", 1, 0, None),
    ("1762.96662318694", 2, 0, None), ("1762.96662318694", 4, 0, None),
    ("1762.96662318694", 5, 0, None), ("1762.96662318694", -1, 0, None),
    ("1762.96662318694", 2, 0, ","),
    ("0.999999999999999", 6, 0, None), ("0.999999999999999", -1, 0, None),
    ("-0.999999999999999", 3, 0, None),
    ("4.44089209850063e-16", 0, 0, None),
    ("-4.44089209850063e-16", 3, 0, None),
    # exponents both ways
    ("1e5", 0, 0, None), ("1e5", 2, 0, None), ("1E5", -1, 0, None),
    ("1e+5", 0, 0, ","), ("1.5e-3", 3, 0, None), ("1.5e-3", 2, 0, None),
    ("1.5e-3", -1, 0, None), ("-1.5e-3", 3, 0, None),
    ("5e-4", 3, 0, None), ("4.9999e-4", 3, 0, None),
    ("123.456e-2", 2, 0, None), ("0.000123e3", 3, 0, None),
    ("0.000123e3", -1, 0, None), ("1.2345e2", 1, 0, None),
    ("9.995", 2, 0, None), ("99.95", 1, 0, None), ("9.5", 0, 0, None),
    ("-9.995", 2, 0, None), ("999999.9995", 3, 0, None),
    ("1.5e20", 0, 0, None), ("1.5e20", 0, 0, ","), ("1e-20", 6, 0, None),
    ("-9.9999999999999e-7", 6, 0, None), ("-9.9999999999999e-7", 5, 0, None),
    ("1e3", 1, 0, None), ("-1e3", 0, 0, ","),
    # digits 0 to 6, and more
    ("3.14159265358979", 0, 0, None), ("3.14159265358979", 1, 0, None),
    ("3.14159265358979", 2, 0, None), ("3.14159265358979", 3, 0, None),
    ("3.14159265358979", 4, 0, None), ("3.14159265358979", 5, 0, None),
    ("3.14159265358979", 6, 0, None), ("0.1", 20, 0, None),
    ("2", 3, 0, None), ("-2", 3, 0, None),
    # digits -1: as written, normalised
    ("1.50", -1, 0, None), ("1200", -1, 0, None), ("0.000", -1, 0, None),
    ("-0.0", -1, 0, None), ("00012.500", -1, 0, None), ("+7", -1, 0, None),
    ("-1234.5", -1, 0, ","), (".5", -1, 0, None), ("5.", -1, 0, None),
    # zero and results that round to zero: no sign
    ("0", 2, 0, None), ("-0", 2, 0, None), ("0e10", 2, 0, None),
    ("-0.001", 2, 0, None), ("-0.004999", 2, 0, None),
    ("-0.4", 0, 0, None), ("-1e-19", 3, 0, None), ("-0.0004", 3, 0, None),
    # signs and the forms strtod reads
    ("+1.5", 0, 0, None), (".5", 0, 0, None), ("5.", 0, 0, None),
    ("-.25", 1, 0, None), ("00012.50", 1, 0, None),
    # no leading zero
    ("0.34", 2, 1, None), ("-0.34", 2, 1, None), ("0.0", 2, 1, None),
    ("0.0", 0, 1, None), ("0", -1, 1, None), ("0.34", -1, 1, None),
    ("0.996", 2, 1, None), ("-0.996", 2, 1, None), ("-0.004", 2, 1, None),
    ("1.34", 2, 1, None), ("0.5", 0, 1, None), ("0.4", 0, 1, None),
    ("0.5", 2, 1, ","),
    # thousands
    ("1234567.891", 2, 0, ","), ("-1234", 0, 0, ","), ("999.5", 0, 0, ","),
    ("999.4", 0, 0, ","), ("123", 0, 0, ","), ("1234", 2, 0, ","),
    ("-999999.5", 0, 0, ","), ("999999.9995", 3, 0, ","),
    ("12345", 0, 0, " "), ("1234567", 0, 0, THIN), ("-1234567.5", 1, 0, THIN),
    ("0.5", 2, 0, ","),
    # not numbers
    ("NA", 2, 0, None), ("", 2, 0, None), ("12a", 2, 0, None),
    ("1e", 2, 0, None), ("1e+", 2, 0, None), (" 1", 2, 0, None),
    ("1 ", 2, 0, None), ("0x10", 2, 0, None), ("inf", 2, 0, None),
    ("nan", 2, 0, None), ("NaN", 2, 0, None), ("-inf", 2, 0, None),
    ("Infinity", 2, 0, None), ("1e1001", 0, 0, None), ("1e-1001", 0, 0, None),
    (".", 2, 0, None), ("-", 2, 0, None), ("1.2.3", 2, 0, None),
    ("1,5", 2, 0, None), ("--1", 2, 0, None),
    # infinity
    ("Inf", 2, 0, None), ("+Inf", 2, 0, None), ("-Inf", 2, 0, None),
]

# (input, digits, no_lead_zero)
PVALUE = [
    ("0.0001", 3, 1), ("0.0001", 3, 0), ("0.034", 3, 1), ("0.034", 3, 0),
    ("0.0005", 3, 1), ("0.0005", 3, 0), ("0.00099999", 3, 1),
    ("0.001", 3, 1), ("0.0010", 3, 0), ("0.00149", 3, 1), ("0.0015", 3, 1),
    ("0.9996", 3, 1), ("0.9996", 3, 0), ("0.9995", 3, 1), ("0.99949", 3, 1),
    ("1", 3, 1), ("1", 3, 0), ("1.0", 2, 1), ("1.5", 3, 1),
    ("0.05", 3, 1), ("0.05", 2, 1), ("0.05", 2, 0), ("0.05", 0, 1),
    ("0.05", -1, 1), ("0.0349999999999999", 3, 1),
    ("0.0349999999999999", 2, 1), ("0.0449999999999999", 2, 0),
    ("1.17322398149768e-19", 3, 1), ("1.17322398149768e-19", 3, 0),
    ("2.33891935470003e-16", 6, 1), ("5e-4", 3, 1), ("1e-3", 3, 1),
    ("0.004", 2, 1), ("0.005", 2, 1), ("0.0099", 2, 1), ("0.01", 2, 1),
    ("0.995", 2, 1), ("0.994999", 2, 0),
    ("0.5", 6, 0), ("0.9999995", 6, 1), ("0.0000005", 6, 1),
    ("0.000001", 6, 0), ("0.125", 2, 1),
    # zero is below 10^-digits too
    ("0", 3, 1), ("0", 3, 0), ("-0", 3, 1), ("0.000", 2, 0), ("0e-5", 3, 1),
    # a negative p-value is not one: shown as numfmt_fixed would
    ("-0.0001", 3, 1), ("-0.5", 3, 1), ("-0.5", 3, 0), ("-1", 3, 1),
    # not numbers
    ("NA", 3, 1), ("", 3, 1), ("Inf", 3, 1), ("-Inf", 3, 1), ("12a", 3, 1),
    ("nan", 3, 0), ("1e1001", 3, 0),
]


def main():
    w = sys.stdout.write
    w("/* BEGIN PYTHON REFERENCE VALUES: made by tests/ref/numfmt.py; "
      "do not edit. */\n")
    w("/* Python %d.%d.%d, decimal ROUND_HALF_UP */\n\n"
      % sys.version_info[:3])
    w("/* numfmt_fixed: input, digits, no_lead_zero, thousands, expected */\n")
    w("static const struct fixed_case FIXED[] = {\n")
    for s, d, n, t in FIXED:
        w("    { %s, %d, %d, %s, %s },\n"
          % (cstr(s), d, n, cstr(t), cstr(fixed(s, d, n, t))))
    w("};\n\n")
    w("/* numfmt_p: input, digits, no_lead_zero, expected */\n")
    w("static const struct p_case PVALUE[] = {\n")
    for s, d, n in PVALUE:
        w("    { %s, %d, %d, %s },\n" % (cstr(s), d, n, cstr(pvalue(s, d, n))))
    w("};\n")
    w("/* END PYTHON REFERENCE VALUES */\n")


if __name__ == "__main__":
    main()
