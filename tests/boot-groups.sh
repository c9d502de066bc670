#!/bin/sh
# boot-groups.sh - sk-boot -g with many groups (TAP).
#
# Found a bug, fixed: 'sk-boot -g' scanned every row for every group
# (src/sk-boot.c: 'for (r = 0; r < nrows; r++) if (grp[r] != g)
# continue;') and started threads for every group, so its time grew with
# rows x groups: 1e4 groups 0.5 s, 1e5 groups 12.9 s, 1e6 groups (one row
# each) killed after 180 s. The rows of each group are now listed once (a
# counting sort) and a small bootstrap runs without starting threads.
#
# 1. 1e6 groups of one row (1e5 under a sanitizer, SK_SANITIZED=1): it
#    finishes (timeout 120 s guards against a hang), one row per group in
#    first-seen order, n = 1, and each group's interval is the point at its
#    value with the note 'no variation' (every row is checked).
# 2. 1e5 groups of 3 rows (1e4 under a sanitizer), the rows of a group far
#    apart in the file (all first rows, then all second rows, ...): one row
#    per group and method, n = 3, the estimate the group's mean (to
#    1e-12), its interval inside [min, max] around the estimate, a point
#    where the three values are equal.
# 3. With strata as well (1e4 groups, 2 strata that come and go): n, the
#    estimates, and the same output with 1 and 2 threads.
# Speed is not asserted (the times are printed as comments).
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"

if [ "${SK_SANITIZED:-0}" = 1 ]; then
    n1=100000 n3=10000
else
    n1=1000000 n3=100000
fi
ms() { date +%s%N | awk '{ printf "%.0f", $1 / 1000000 }'; }

# run NAME ARGS...: sk-boot under timeout 120 into $work/NAME.out, .err;
# a failed test NAME unless it exits 0 with nothing on stderr.
run() {
    _n=$1
    shift
    _rc=0
    _t0=$(ms)
    timeout 120 sk-boot "$@" >"$work/$_n.out" 2>"$work/$_n.err" </dev/null ||
        _rc=$?
    took=$(($(ms) - _t0))
    echo "# $_n: exit $_rc, $took ms"
    if [ "$_rc" = 0 ] && [ ! -s "$work/$_n.err" ]; then
        return 0
    fi
    { echo "exit $_rc (124: timed out); stderr:"; head "$work/$_n.err"; } \
        >"$work/$_n.why"
    tap_fail "$_n: sk-boot exits 0 without a message" "$work/$_n.why"
    return 1
}

## 1. n1 groups of one row: x = (i mod 1000) / 4, exact in decimal
awk -v n="$n1" 'BEGIN { print "g,x"
    for (i = 0; i < n; i++) printf "g%d,%.2f\n", i, (i % 1000) / 4 }' \
    >"$work/one.csv"
if run one -c x -g g -B 39 -m percentile "$work/one.csv"; then
    if awk -F '\t' -v n="$n1" '
        NR == 1 { next }
        { i = NR - 2; x = (i % 1000) / 4
          if ($2 != "g" i || $3 != "mean" || $4 != 1 || $7 != "percentile" ||
              $9 != x || $12 != x || $13 != x || $18 !~ /^no variation/) {
              print "row " NR ": " $0; if (++bad > 5) exit 1 } }
        END { if (NR - 1 != n) { print NR - 1 " rows, expected " n; bad = 1 }
              exit bad > 0 }' "$work/one.out" >"$work/why"; then
        tap_ok "$n1 groups of one row: $n1 rows in order, each the point at its value ($took ms)"
    else
        tap_fail "$n1 groups of one row: one point per group" "$work/why"
    fi
fi

## 2. n3 groups of 3 rows, the rows of a group n3 lines apart
awk -v n="$n3" 'BEGIN { print "x,g"
    for (j = 0; j < 3; j++)
        for (i = 0; i < n; i++)
            printf "%.3f,grp%d\n", i % 4 == 0 ? 2.5 : (i * 7 + j * 13) % 29 / 8, i }' \
    >"$work/three.csv"
if run three -c x -g g -B 199 -m percentile,bca "$work/three.csv"; then
    if awk -F '\t' -v n="$n3" '
        function abs(v) { return v < 0 ? -v : v }
        FILENAME == ARGV[1] { if (FNR > 1) { split($0, f, ",")
              i = substr(f[2], 4); v = f[1] + 0; s[i] += v
              mn[i] = (i in mn && mn[i] < v) ? mn[i] : v
              mx[i] = (i in mx && mx[i] > v) ? mx[i] : v }
            next }
        FNR == 1 { next }
        { k = FNR - 2; i = int(k / 2); m = k % 2 ? "bca" : "percentile"
          mean = s[i] / 3; eq = mn[i] == mx[i]
          if ($2 != "grp" i || $4 != 3 || $7 != m ||
              abs($9 - mean) > 1e-12 * (1 + abs(mean)) ||
              !($12 >= mn[i] - 1e-12 && $12 <= $9 + 1e-12 &&
                $13 >= $9 - 1e-12 && $13 <= mx[i] + 1e-12) ||
              (eq && !($12 == $9 && $13 == $9 && $18 ~ /no variation/))) {
              print "row " FNR ": " $0 " (mean " mean ", min " mn[i] ", max " mx[i] ")"
              if (++bad > 5) exit 1 } }
        END { if (FNR - 1 != 2 * n) { print FNR - 1 " rows, expected " 2 * n; bad = 1 }
              exit bad > 0 }' "$work/three.csv" "$work/three.out" \
            >"$work/why"; then
        tap_ok "$n3 groups of 3 rows far apart: $((2 * n3)) rows in order, n 3, the means, intervals inside [min, max] ($took ms)"
    else
        tap_fail "$n3 groups of 3 rows: rows, n, means, intervals" "$work/why"
    fi
fi

## 3. Groups and strata: 10000 groups of 2 to 4 rows, strata a and b
awk 'BEGIN { print "g,s,x"
    for (j = 0; j < 4; j++)
        for (i = 0; i < 10000; i++)
            if (j < 2 + i % 3)
                printf "%d,%s,%.2f\n", i, (i + j) % 3 ? "a" : "b", (i * 11 + j * 5) % 17 / 4 }' \
    >"$work/strata.csv"
if run strata1 -c x -g g --strata s -s mean,median -B 99 -m percentile,bca \
        --threads 1 "$work/strata.csv" &&
        run strata2 -c x -g g --strata s -s mean,median -B 99 \
            -m percentile,bca --threads 2 "$work/strata.csv"; then
    if cmp -s "$work/strata1.out" "$work/strata2.out" && awk -F '\t' '
        function abs(v) { return v < 0 ? -v : v }
        FILENAME == ARGV[1] { if (FNR > 1) { split($0, f, ",")
              c[f[1]]++; s[f[1]] += f[3] }; next }
        FNR == 1 { next }
        $3 == "mean" { g = $2; if ($4 != c[g] || abs($9 - s[g] / c[g]) > 1e-12) {
            print "row " FNR ": " $0 " (n " c[g] ", mean " s[g] / c[g] ")"; bad = 1 } }
        END { if (FNR - 1 != 40000) { print FNR - 1 " rows, expected 40000"; bad = 1 }
              exit bad }' "$work/strata.csv" "$work/strata1.out" >"$work/why"
    then
        tap_ok "10000 groups with strata: n and means per group, the same output with 1 and 2 threads"
    else
        diff "$work/strata1.out" "$work/strata2.out" | head >>"$work/why" || :
        tap_fail "10000 groups with strata" "$work/why"
    fi
fi

## 4. More groups than random streams (2^23 = 8388608): an error naming
##    the limit, exit 1, nothing on stdout (skipped under a sanitizer)
if [ "${SK_SANITIZED:-0}" = 1 ]; then
    tap_ok "# SKIP 8388609 groups: not under a sanitizer"
else
    awk 'BEGIN { print "g,x"; for (i = 0; i <= 8388608; i++) print i ",1" }' \
        >"$work/many.csv"
    rc=0
    timeout 300 sk-boot -c x -g g -B 39 -m percentile "$work/many.csv" \
        >"$work/many.out" 2>"$work/many.err" </dev/null || rc=$?
    want="sk-boot: $work/many.csv: 8388609 groups in column 'g': at most 8388608 can have independent random streams"
    if [ "$rc" = 1 ] && [ ! -s "$work/many.out" ] &&
       [ "$(cat "$work/many.err")" = "$want" ]; then
        tap_ok "8388609 groups: refused, naming the limit"
    else
        { echo "exit $rc"; head -3 "$work/many.err"; } >"$work/why"
        tap_fail "8388609 groups: refused, naming the limit" "$work/why"
    fi
    rm -f "$work/many.csv"
fi

tap_done
