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
# 2. Found a bug, fixed: values of about 1e300 gave sd and var 0 ('no
#    variation': the squares overflow), se Inf, dz and cor undefined; and
#    values of about 1e-320 (denormal) the same through underflow. The
#    features are now of (x - mean) 2^-e (exact) when |x - mean| is
#    beyond 2^+-300. Reference: the same data at ordinary scale (the
#    mantissas alone, whose intervals tests/boot-golden.sh checks against
#    R): with the same seed the replicates are the same resamples, so
#    mean, median, sd, mean-diff and every interval are 1e298 times the
#    ordinary ones (to 1e-12 relative), d_z, r and pct equal; var, whose
#    1e600 is out of range, is NA with a note. Denormal data (integers x
#    1e-320, rounded to multiples of 4.9e-324): the same within 1e-4.
# 3. The median of values near 1e308: (a + b) / 2 overflowed to Inf (now
#    finite, and the intervals, bias and se too).
# 4. The level column holds the level as given whatever --precision
#    (0.99999 at --precision 3, not 1).
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

## 2. Extreme scales: 1e300 and denormal values against ordinary ones
awk 'BEGIN { srand(11); print "a,b,q"
    for (i = 0; i < 30; i++) { a = 100 + int(rand() * 800); b = a + int(rand() * 400) - 100
        printf "%d,%d,%d\n", a, b, 1 + i % 5 } }' >"$work/int.csv"
awk -F , 'NR == 1 { print; next } { printf "%de298,%de298,%d\n", $1, $2, $3 }' \
    "$work/int.csv" >"$work/big.csv"
awk -F , 'NR == 1 { print; next } { printf "%de-320,%de-320,%d\n", $1, $2, $3 }' \
    "$work/int.csv" >"$work/tiny.csv"
# scale_cmp NAME FILE K TOL TOL1: sk-boot on FILE (int.csv's values times
# 10^-K) against int.csv: its scale-dependent columns times 10^K within
# TOL relative (to the value, bias and se), d_z, r and pct within TOL1
# (the numbers are scaled as text: awk has no denormals)
scale_cmp() {
    for f in int "$2"; do
        { sk-boot -c a -s mean,median,sd,var -m percentile,basic,normal,bca,student \
              -B 2000 --precision 17 "$work/$f.csv" &&
          sk-boot -c q -s pct:1,2 -m percentile,bca,student -B 2000 \
              --precision 17 "$work/$f.csv" | tail -n +2 &&
          sk-boot -p a:b -s mean-diff,dz,cor -m percentile,basic,normal,bca \
              -B 2000 --precision 17 "$work/$f.csv" | tail -n +2
        } >"$work/$f.out" 2>"$work/$f.err" || :
    done
    if [ ! -s "$work/$2.err" ] && awk -F '\t' -v K="$3" -v tol="$4" -v tol1="$5" '
        function abs(v) { return v < 0 ? -v : v }
        function up(x, k,   p) { if (split(x, p, "e") == 2) return p[1] * 10 ^ (p[2] + k)
                                 return x * 10 ^ k }
        FNR == 1 { next }
        FILENAME == ARGV[1] { row[FNR] = $0; next }
        { split(row[FNR], o, "\t"); st = $3
          if (st == "var") {
              if ($9 != "NA" || $12 != "NA" || $18 !~ /out of the range/) { print "var: " $0; bad = 1 }
              next }
          free = st == "dz" || st == "cor" || st ~ /^pct/
          k = free ? 0 : K; t = free ? tol1 : tol
          for (c = 9; c <= 13; c++) {
              if (o[c] == "NA" && $c == "NA") continue
              v = up($c, k)
              if ($c == "NA" || abs(v - o[c]) > t * (abs(o[c]) + abs(o[10]) + abs(o[11]))) {
                  print st " " $7 " column " c ": " $c " (" v "), ordinary " o[c]; bad = 1 } }
          if ($18 != o[18]) { print st " note: " $18 " vs " o[18]; bad = 1 } }
        END { exit bad }' "$work/int.out" "$work/$2.out" >"$work/why" 2>&1; then
        tap_ok "$1: mean, median, sd, mean-diff and their intervals scale, d_z, r and pct equal, var NA with a note"
    else
        cat "$work/$2.err" >>"$work/why"
        tap_fail "$1: as the ordinary data, scaled" "$work/why"
    fi
}
scale_cmp "values of 1e300 (integers x 1e298)" big -298 1e-12 1e-12
# 1e-320 spacing 4.9e-324: the data rounded by up to 2.5e-6 relative
scale_cmp "denormal values (integers x 1e-320)" tiny 320 1e-4 1e-4

## 3. The median near 1e308
printf 'x\n1.5e308\n1.7e308\n1.6e308\n1.4e308\n1.75e308\n1.3e308\n' >"$work/huge.csv"
printf 'x\n1.5\n1.7\n1.6\n1.4\n1.75\n1.3\n' >"$work/small.csv"
sk-boot -c x -s median -B 999 -m percentile,basic,normal,bca --precision 17 \
    "$work/huge.csv" >"$work/huge.out" 2>&1 || :
sk-boot -c x -s median -B 999 -m percentile,basic,normal,bca --precision 17 \
    "$work/small.csv" >"$work/small.out" 2>&1 || :
if awk -F '\t' 'function abs(v) { return v < 0 ? -v : v }
        FNR == 1 { next }
        FILENAME == ARGV[1] { row[FNR] = $0; next }
        { split(row[FNR], o, "\t")
          for (c = 9; c <= 13; c++)
              if ($c == "NA" || $c ~ /Inf/ || abs($c / 1e308 - o[c]) > 1e-12 * (abs(o[c]) + 0.1)) {
                  print $7 " column " c ": " $c " vs " o[c] " e308"; bad = 1 } }
        END { exit bad || FNR != 5 }' "$work/small.out" "$work/huge.out" \
        >"$work/why" 2>&1; then
    tap_ok "median of values near 1e308: estimate, bias, se and intervals 1e308 times those of the mantissas"
else
    cat "$work/huge.out" >>"$work/why"
    tap_fail "median of values near 1e308" "$work/why"
fi

## 4. The level column as given
printf 'a\n1\n2\n4\n' >"$work/l.csv"
if [ "$(sk-boot -c a --level 0.99999 -B 199999 -m percentile --precision 3 \
        "$work/l.csv" | cut -f 8 | tail -1)" = 0.99999 ]; then
    tap_ok "--level 0.99999 --precision 3: level column 0.99999"
else
    sk-boot -c a --level 0.99999 -B 199999 --precision 3 "$work/l.csv" \
        >"$work/why" 2>&1 || :
    tap_fail "--level 0.99999 --precision 3: level column 0.99999" "$work/why"
fi

tap_done
