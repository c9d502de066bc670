#!/bin/sh
# boot-undefined.sh - sk-boot never silently wrong: undefined replicates,
# extreme values, the level as given (TAP).
#
# Found a bug, fixed: 'sk-boot -s cor' gave a finite r for a replicate in
# which a column is constant (x = 1.1 eight times and 2.3 once, y = 1..9:
# percentile interval [0, 0.877] with a third of the replicates exactly
# 0, where R's boot has NA), and '-s dz' dropped infinite replicates
# without a count. Now such a replicate is undefined (src/lib/boot.c,
# flat()), counted in the column n_undefined, left out of the interval;
# when more than 1% of B are undefined the interval, bias and se are NA
# with a note (BOOT_MAX_UNDEFINED in src/lib/boot.h says why 1%).
#
# 1. Against R's boot (tests/boot/ref/undefined.R, its output
#    undefined.R.tsv: 400000 replicates, the undefined ones removed), on
#    tests/boot/input/undefined.csv at B = 20000: cor and d_z with about
#    0.5% undefined replicates: the estimate to 1e-12, n_undefined within
#    4.5 binomial standard errors of B times R's share, the percentile
#    ends inside R's Monte Carlo brackets; cor with a third undefined: NA
#    interval, bias and se with the note, n_undefined as R's share.
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)
ref=$top_srcdir/tests/boot/ref/undefined.R.tsv
input=$top_srcdir/tests/boot/input/undefined.csv
B=20000

## 1. Undefined replicates against R's boot
while read -r case args; do
    rc=0
    # shellcheck disable=SC2086 # the arguments are words
    sk-boot $args -B $B -m percentile "$input" >"$work/$case.out" \
        2>"$work/$case.err" || rc=$?
    if [ "$rc" != 0 ] || [ -s "$work/$case.err" ]; then
        { echo "exit $rc"; cat "$work/$case.err"; } >"$work/why"
        tap_fail "$case: sk-boot failed" "$work/why"
        continue
    fi
    if awk -F '\t' -v c="$case" -v B=$B '
        function abs(v) { return v < 0 ? -v : v }
        FILENAME == ARGV[1] { if ($1 == c) { pu = $3; est = $4; lo1 = $5
              lo2 = $6; hi1 = $7; hi2 = $8; found = 1 }; next }
        FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        { rows++; nu = $col["n_undefined"]; e = $col["estimate"]
          lo = $col["lo"]; hi = $col["hi"]; note = $col["note"]
          bias = $col["bias"]; se = $col["se"] }
        END {
          if (!found || rows != 1) { print "no reference or not one row"; exit 1 }
          tol = 4.5 * sqrt(B * pu * (1 - pu)) + 1
          if (abs(nu - B * pu) > tol) { print "n_undefined " nu ", R " B * pu " +- " tol; bad = 1 }
          if (abs(e - est) > 1e-12) { print "estimate " e ", R " est; bad = 1 }
          if (pu < 0.01) {
              if (!(lo >= lo1 && lo <= lo2)) { print "lo " lo " not in [" lo1 ", " lo2 "]"; bad = 1 }
              if (!(hi >= hi1 && hi <= hi2)) { print "hi " hi " not in [" hi1 ", " hi2 "]"; bad = 1 }
              if (note !~ /^[0-9]+ replicates not finite, left out$/) { print "note " note; bad = 1 }
          } else if (lo != "NA" || hi != "NA" || bias != "NA" || se != "NA" ||
                     note !~ /more than 1% of the replicates undefined/) {
              print "expected NA lo, hi, bias, se and a note: " lo " " hi " " bias " " se " " note; bad = 1 }
          printf "n_undefined %d (R %.1f), lo %s, hi %s\n", nu, B * pu, lo, hi
          exit bad }' "$ref" "$work/$case.out" >"$work/why" 2>&1; then
        tap_ok "$case: agrees with R's boot without its undefined replicates ($(cat "$work/why"))"
    else
        tap_fail "$case: differs from R's boot without its undefined replicates" \
            "$work/why"
    fi
done <<EOF
cor-few -p x:y -s cor
dz-few -p before:after -s dz
cor-third -p cx:cy -s cor
EOF

tap_done
