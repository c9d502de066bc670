#!/usr/bin/env python3
"""colsel_closest.py - the expected "closest columns" lists and "did you
mean" suggestions of the unit tests (tests/unit/test-csvin.c), of
tests/hostile.sh and of the *-errors.tab tables, computed from the rules
documented in src/lib/colsel.c, written again here independently:
Levenshtein distance in ASCII lower case on the first 32 bytes of each
string plus one per byte beyond, then the longest common prefix (case
kept), then column order; at most 8 names. One name is suggested instead
of the list when it is the nearest and either differs only in case from
the item (distance 0) with no other name at 0, or is 1 or 2 edits away,
the item has at least 3 bytes per edit, and every other name is at least
2 edits further.

    python3 tests/ref/colsel_closest.py
"""

CMP_MAX = 32


def lev(a, b):
    # Wagner-Fischer, full matrix.
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
    return d[len(a)][len(b)]


def lower(s):
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in s)


def dist(item, name):
    extra = max(0, len(item) - CMP_MAX) + max(0, len(name) - CMP_MAX)
    return lev(lower(item[:CMP_MAX]), lower(name[:CMP_MAX])) + extra


def prefix(a, b):
    k = 0
    while k < len(a) and k < len(b) and a[k] == b[k]:
        k += 1
    return k


def closest(item, names):
    order = sorted(range(len(names)),
                   key=lambda i: (dist(item, names[i]),
                                  -prefix(item, names[i]), i))
    return [names[i] for i in order[:8]]


def shown(s):
    # As sk_shown: control characters escaped, at most 60 bytes then "...".
    out = ""
    for c in s[:60]:
        if c == "\n":
            out += "\\n"
        elif c == "\r":
            out += "\\r"
        elif c == "\t":
            out += "\\t"
        elif ord(c) < 0x20 or ord(c) == 0x7f:
            out += "\\x%02x" % ord(c)
        else:
            out += c
    return out + ("..." if len(s) > 60 else "")


def suggestion(item, names):
    d = sorted((dist(item, n), i) for i, n in enumerate(names))
    if not d:
        return None
    best, i = d[0]
    nxt = d[1][0] if len(d) > 1 else float("inf")
    if best == 0:
        return names[i] if nxt > 0 else None
    if best <= 2 and 3 * best <= len(item) and nxt >= best + 2:
        return names[i]
    return None


def message(item, names):
    s = suggestion(item, names)
    if s is not None:
        return "no column '%s'; did you mean '%s'?" % (shown(item), shown(s))
    if len(names) <= 8:
        return "no column '%s'; the columns are: %s" % (
            shown(item), ", ".join("'%s'" % shown(n) for n in names))
    return "no column '%s'; the closest columns are: %s, ... (%d columns in all)" % (
        shown(item), ", ".join("'%s'" % shown(n) for n in closest(item, names)),
        len(names))


if __name__ == "__main__":
    unit = ["id", "Q1", "Q2", "Q3", "Q4", "age", "dup", "dup", "x-y", "a:b", "10"]
    print("unit tests (test-csvin.c NAMES):")
    for item in ["nope", "q1", "Q7", "agee", "ag", "dupp", "x-yz", "q10"]:
        print("  " + message(item, unit))
    long = ["satisfaction_with_the_programme_overall_2023",
            "satisfaction_with_the_programme_overall_2024",
            "s1", "s2", "s3", "s4", "s5", "a\nb", "x" * 70]
    print("unit tests (test-csvin.c long names):")
    for item in ["satisfaction_with_programme_2024", "A\nB"]:
        print("  " + repr(message(item, long)))
    print("  " + repr(message("b\tc", long[6:])))
    wide = ["V%d" % i for i in range(1, 100001)]
    print("hostile.sh (V1 ... V100000):")
    for item in ["V0", "v77777x"]:
        print("  " + message(item, wide))
    print("*-errors.tab:")
    for item, names in [("z", ["a", "b"]), ("grp", ["a", "b"]),
                        ("meeting", ["id", "meetings", "goals"]),
                        ("Meetings", ["id", "meetings", "goals"]),
                        ("meeting", ["id", "meetings", "meeting_2"]),
                        ("q10", ["Q%d" % i for i in range(1, 10)]),
                        ("Q1", ["id", "q1", "Q1 "]),
                        ("pre_scroe", ["id", "pre_score", "post_score"])]:
        print("  " + message(item, names))
