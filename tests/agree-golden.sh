#!/bin/sh
# agree-golden.sh - sk-agree against R: the golden tests.
#
# Each line NAME<TAB>ARGUMENTS of tests/agree/cases.tab runs
# 'sk-agree ARGUMENTS' in the source root; it must exit 0, write nothing
# to stderr, and print tests/agree/expected/NAME.tsv (computed by R, with
# vcd::Kappa for kappa and psych::ICC for the ICCs, by tests/ref/agree.R)
# within a relative tolerance of 1e-9: agreement with R to at least 9
# significant digits (the loop is tests/golden.sh). The largest relative
# difference of each case, and over all cases, is printed as a TAP
# comment. Then the published values of Shrout & Fleiss (1979), and the
# weighted kappa interval of bfi's C1 and C2, as text.
#
# Run by 'make check', or by hand from the source root:
#   top_builddir=build-agree sh tests/agree-golden.sh
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)
# shellcheck source=tests/golden.sh
. "$top_srcdir/tests/golden.sh"

golden_report=1
golden_cases sk-agree "$top_srcdir/tests/agree/cases.tab" \
    "$top_srcdir/tests/agree/expected" 1e-9 tests/ref/agree.R

# published NAME WANT FORMAT ARGS...: the first row of 'sk-agree ARGS'
# printed by the awk printf FORMAT, whose arguments are the columns named
# in it as {name} (each rounded by its own conversion), must read WANT.
#   Shrout & Fleiss (1979), Psychological Bulletin 86, 420-428, Table 2:
#   the 6 targets by 4 judges of their Table 1 give ICC(1,1) = .17,
#   ICC(2,1) = .29, ICC(3,1) = .71, ICC(1,4) = .44, ICC(2,4) = .62,
#   ICC(3,4) = .91 (also the example of ?psych::ICC).
#   bfi C1 and C2 (psych's bfi, 2755 complete pairs): the quadratically
#   weighted kappa 0.425, its 95% interval [0.387, 0.462] by the variance
#   of Fleiss, Cohen & Everitt (1969), as vcd::Kappa and confint give.
published() {
    name=$1
    want=$2
    format=$3
    shift 3
    rc=0
    (cd "$top_srcdir" && exec sk-agree "$@") >"$work/$name.out" \
        2>"$work/$name.err" || rc=$?
    got=$(awk -F '\t' -v format="$format" '
        NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        NR == 2 {
            f = format
            n = 0
            while (match(f, /\{[a-z_0-9]+\}/)) {
                name = substr(f, RSTART + 1, RLENGTH - 2)
                v[++n] = (name in col) ? $col[name] : "nocolumn"
                f = substr(f, 1, RSTART - 1) substr(f, RSTART + RLENGTH)
            }
            # at most six columns in one format
            printf f "\n", v[1], v[2], v[3], v[4], v[5], v[6]
        }' "$work/$name.out")
    if [ $rc -eq 0 ] && [ ! -s "$work/$name.err" ] && [ "$got" = "$want" ]; then
        tap_ok "published values: $name"
    else
        printf 'exit status %s\nwant: %s\ngot:  %s\n' "$rc" "$want" "$got" \
            >"$work/$name.detail"
        cat "$work/$name.err" >>"$work/$name.detail"
        tap_fail "published values: $name" "$work/$name.detail"
    fi
}
published shrout-fleiss \
    'ICC(1,1) = 0.17, ICC(2,1) = 0.29, ICC(3,1) = 0.71, ICC(1,4) = 0.44, ICC(2,4) = 0.62, ICC(3,4) = 0.91' \
    'ICC(1,1) = %.2f{icc1}, ICC(2,1) = %.2f{icc_a1}, ICC(3,1) = %.2f{icc_c1}, ICC(1,4) = %.2f{icc1k}, ICC(2,4) = %.2f{icc_ak}, ICC(3,4) = %.2f{icc_ck}' \
    -c J1,J2,J3,J4 tests/agree/input/shrout-fleiss.csv
published bfi-c1c2 \
    'n = 2755, wkappa = 0.425 [0.387, 0.462]' \
    'n = %d{n}, wkappa = %.3f{wkappa} [%.3f{wkappa_lo}, %.3f{wkappa_hi}]' \
    -p C1:C2 datasets/bfi.csv

tap_done
