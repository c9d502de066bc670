#!/usr/bin/python3
"""unit_textenc.py - the expected values of tests/unit/test-import.c's
UTF-8 cases: for each byte string, the length of its longest well-formed
UTF-8 prefix as Python's own decoder finds it (the start of the
UnicodeDecodeError, or the whole length), printed as the C table.

    python3 tests/ref/unit_textenc.py
"""
cases = [
    b"", b"abc", b"caf\xc3\xa9", b"caf\xe9", b"\xc3", b"a\xc3(",
    b"\xc0\xaf",          # overlong '/'
    b"\xe0\x80\xaf",      # overlong, 3 bytes
    b"\xed\xa0\x80",      # a surrogate, U+D800
    b"\xf4\x90\x80\x80",  # above U+10FFFF
    b"\xf0\x9f\x98\x80",  # U+1F600, well-formed
    b"\xe2\x80\x99s",     # U+2019 then s
    b"ok\xff",
    b"\xef\xbb\xbfid",    # a byte-order mark is well-formed UTF-8
    b"\xf0\x9f\x98",      # cut short
    b"x\xe2\x82\xacy",    # the euro sign
]


def valid_prefix(b):
    try:
        b.decode("utf-8")
        return len(b)
    except UnicodeDecodeError as e:
        return e.start


def c_string(b):
    return '"' + "".join("\\x%02x" % c for c in b) + '"'


for b in cases:
    print("    { %s, %d, %d }," % (c_string(b), len(b), valid_prefix(b)))
