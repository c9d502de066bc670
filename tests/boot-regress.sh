#!/bin/sh
# boot-regress.sh - sk-boot's output as before its set-up and replicates
# were made faster and leaner (TAP).
#
# Each line NAME<TAB>N<TAB>ARGUMENTS of tests/boot/regress.tab runs
# 'sk-boot ARGUMENTS' on N rows made by make_data below; it must exit 0,
# write nothing to stderr and print tests/boot/regress/NAME.tsv exactly:
# the output of the build before those changes (1dc1c09), whose numbers
# the golden tests (tests/boot-golden.sh) check against R and SciPy.
# The cases reach the code paths the changes touched: the jackknife
# visited by rows and by counts, with ties, strata and two groups, values
# near 1e307; the stored column sorted in place, or not when a later task
# reads it; the median's threshold draws with and without strata.
#
# Run by 'make check', or by hand from the source root:
#   top_builddir=BUILD sh tests/boot-regress.sh
# To remake the expected files (only to add a case: the point is that
# they do not change):
#   BOOT_REGRESS_UPDATE=1 top_builddir=BUILD sh tests/boot-regress.sh
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)
dir=$top_srcdir/tests/boot
tab=$(printf '\t')

# make_data N: N rows (Park-Miller, seed 2385) of a stratum s (a, b, c), a
# group b (A, B), x (10 u^2 to 2 decimals: ties, skewed), y = x + 3 v to 3
# decimals, Likert codes l, l2, l3, h (1e307 to 5e307) and z (-0, 0 or a
# tenth).
make_data() {
    awk -v rows="$1" 'function next_u() {
            seed = (seed * 48271) % 2147483647
            return seed / 2147483647
        }
        BEGIN {
        seed = 2385; print "s,b,x,y,l,l2,l3,h,z"
        for (i = 1; i <= rows; i++) {
            u = next_u(); v = next_u(); w = next_u()
            s = substr("abc", 1 + int(w * 3), 1)
            b = substr("AB", 1 + int(next_u() * 2), 1)
            x = sprintf("%.2f", 10 * u * u)
            y = sprintf("%.3f", x + 3 * v)
            l = 1 + int(u * 5); l2 = 1 + int((u + v) * 2.5)
            l3 = 1 + int(v * 5)
            h = (1 + int(v * 5)) "e307"
            z = w < 0.3 ? "-0" : w < 0.6 ? "0" : sprintf("%.1f", w - 0.6)
            print s "," b "," x "," y "," l "," l2 "," l3 "," h "," z
        }
    }' >"$work/data-$1.csv"
}

while IFS="$tab" read -r name rows args; do
    case $name in '#'* | '') continue ;; esac
    [ -f "$work/data-$rows.csv" ] || make_data "$rows"
    rc=0
    # shellcheck disable=SC2086
    sk-boot $args "$work/data-$rows.csv" </dev/null >"$work/$name.out" \
        2>"$work/$name.err" || rc=$?
    if [ "$rc" -ne 0 ] || [ -s "$work/$name.err" ]; then
        { echo "exit status $rc"; cat "$work/$name.err"; } >"$work/why"
        tap_fail "$name: sk-boot failed" "$work/why"
        continue
    fi
    if [ -n "${BOOT_REGRESS_UPDATE:-}" ]; then
        cp "$work/$name.out" "$dir/regress/$name.tsv"
    fi
    if cmp -s "$work/$name.out" "$dir/regress/$name.tsv"; then
        tap_ok "$name: as before"
    else
        diff "$dir/regress/$name.tsv" "$work/$name.out" >"$work/why" || :
        tap_fail "$name: output differs from regress/$name.tsv" "$work/why"
    fi
done <"$dir/regress.tab"
tap_done
