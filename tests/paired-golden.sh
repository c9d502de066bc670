#!/bin/sh
# paired-golden.sh - sk-paired against R: the golden tests.
#
# Each line NAME<TAB>ARGUMENTS of tests/paired/cases.tab runs
# 'sk-paired ARGUMENTS' in the source root; it must exit 0, write nothing
# to stderr, and print tests/paired/expected/NAME.tsv (computed by R, and
# scipy for --zero=pratt, with tests/ref/paired.R) within a relative
# tolerance of 1e-9: agreement with R to at least 9 significant digits
# (the loop is tests/golden.sh). The largest relative difference of each
# case, and over all cases, is printed as a TAP comment. Then the
# published values of the sleep and shoes data, as text.
#
# Run by 'make check', or by hand from the source root:
#   top_builddir=build-paired sh tests/paired-golden.sh
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)
# shellcheck source=tests/golden.sh
. "$top_srcdir/tests/golden.sh"

golden_report=1
golden_cases sk-paired "$top_srcdir/tests/paired/cases.tab" \
    "$top_srcdir/tests/paired/expected" 1e-9 tests/ref/paired.R

# published NAME WANT ARGS...: columns t, df, p_t, ci_lo, ci_hi, V, p_w of
# 'sk-paired ARGS' rounded as published must read WANT.
#   sleep (Student 1908; Cushny & Peebles), R's example(t.test) and
#   example(wilcox.test): t = 4.0621, df = 9, p-value = 0.002833, 95 percent
#   CI 0.7001142 2.4598858; V = 45, p-value = 0.009091.
#   shoes (Box, Hunter & Hunter 1978; MASS::shoes): t = 3.3489, df = 9,
#   p-value = 0.008539, CI 0.1330461 0.6869539; V = 52, p-value = 0.01431
#   by R's default, which takes the differences in binary and so splits
#   the ties among equal decimal differences (0.3 and 0.3 differ in the
#   last bit); sk-paired takes them exactly, as R does with digits.rank =
#   7: p-value = 0.01412 (wilcox.test(B, A, paired = TRUE, digits.rank = 7)
#   gives 0.01411639).
published() {
    name=$1
    want=$2
    shift 2
    rc=0
    (cd "$top_srcdir" && exec sk-paired "$@") >"$work/$name.out" \
        2>"$work/$name.err" || rc=$?
    got=$(awk -F '\t' '
        NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        NR == 2 { printf "t = %.4f, df = %d, p = %.4g, CI %.7f %.7f, V = %d, p = %.4g\n",
                  $col["t"], $col["df"], $col["p_t"], $col["ci_lo"],
                  $col["ci_hi"], $col["V"], $col["p_w"] }' "$work/$name.out")
    if [ $rc -eq 0 ] && [ ! -s "$work/$name.err" ] && [ "$got" = "$want" ]; then
        tap_ok "published values: $name"
    else
        printf 'exit status %s\nwant: %s\ngot:  %s\n' "$rc" "$want" "$got" \
            >"$work/$name.detail"
        cat "$work/$name.err" >>"$work/$name.detail"
        tap_fail "published values: $name" "$work/$name.detail"
    fi
}
published sleep \
    't = 4.0621, df = 9, p = 0.002833, CI 0.7001142 2.4598858, V = 45, p = 0.009091' \
    -p drug1:drug2 datasets/sleep.csv
published shoes \
    't = 3.3489, df = 9, p = 0.008539, CI 0.1330461 0.6869539, V = 52, p = 0.01412' \
    -p A:B datasets/shoes.csv

tap_done
