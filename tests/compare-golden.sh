#!/bin/sh
# compare-golden.sh - sk-compare against R: the golden tests.
#
# Each line NAME<TAB>ARGUMENTS of tests/compare/cases.tab runs
# 'sk-compare ARGUMENTS' in the source root; it must exit 0, write nothing
# to stderr, and print tests/compare/expected/NAME.tsv (computed by R, with
# coin for the exact rank-sum test with ties and scipy's Brunner-Munzel as
# a cross-check, by tests/ref/compare.R) within a relative tolerance of
# 1e-9: agreement with R to at least 9 significant digits (the loop is
# tests/golden.sh). The largest relative difference of each case, and over
# all cases, is printed as a TAP comment. Then the published values of R's
# ?wilcox.test two-sample example, as text.
#
# Run by 'make check', or by hand from the source root:
#   top_builddir=build-compare sh tests/compare-golden.sh
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)
# shellcheck source=tests/golden.sh
. "$top_srcdir/tests/golden.sh"

golden_report=1
golden_cases sk-compare "$top_srcdir/tests/compare/cases.tab" \
    "$top_srcdir/tests/compare/expected" 1e-9 tests/ref/compare.R

# published NAME WANT ARGS...: columns W, p_w and t, df, p_t of
# 'sk-compare ARGS' rounded as published must read WANT.
#   R's example(wilcox.test), Hollander & Wolfe (1973, p. 69): permeability
#   at term (x) against 12 to 26 weeks (y), wilcox.test(x, y, alternative =
#   "g"): W = 35, p-value = 0.1272; t.test(x, y, alternative = "g"):
#   t = 2.0414, df = 12.971, p-value = 0.03105.
#   sleep as two independent groups, R's example(t.test) (Welch):
#   t = -1.8608, df = 17.776, p-value = 0.07939 for group 1 - group 2.
published() {
    name=$1
    want=$2
    shift 2
    rc=0
    (cd "$top_srcdir" && exec sk-compare "$@") >"$work/$name.out" \
        2>"$work/$name.err" || rc=$?
    got=$(awk -F '\t' '
        NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        NR == 2 { printf "W = %g, p = %.4g; t = %.4f, df = %.3f, p = %.4g\n",
                  $col["W"], $col["p_w"], $col["t"], $col["df"], $col["p_t"] }' \
        "$work/$name.out")
    if [ $rc -eq 0 ] && [ ! -s "$work/$name.err" ] && [ "$got" = "$want" ]; then
        tap_ok "published values: $name"
    else
        printf 'exit status %s\nwant: %s\ngot:  %s\n' "$rc" "$want" "$got" \
            >"$work/$name.detail"
        cat "$work/$name.err" >>"$work/$name.detail"
        tap_fail "published values: $name" "$work/$name.detail"
    fi
}
published wilcox-example \
    'W = 35, p = 0.1272; t = 2.0414, df = 12.971, p = 0.03105' \
    --between=group --alternative=greater \
    tests/compare/input/wilcox-example.csv
published sleep \
    'W = 25.5, p = 0.06933; t = -1.8608, df = 17.776, p = 0.07939' \
    --between=group --levels=2,1 -c extra tests/compare/input/sleep.csv

tap_done
