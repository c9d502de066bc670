#!/bin/sh
# compare.sh - benchmark sk-compare against the libcsv parse floor, R
# (fread, t.test and wilcox.test), SciPy (pandas, ttest_ind and
# mannwhitneyu) and GNU PSPP (T-TEST /GROUPS, NPAR TESTS /M-W).
#
# Run by 'make bench' (tests/bench/run.sh) or by hand from the build dir:
#     cd build-dir && sh ../tests/bench/compare.sh
# Knobs: README.md (BENCH_SCALE, BENCH_QUICK, BENCH_REPS, BENCH_PEERS ...).
#
# Workload: 1,000,000 respondents in two groups x 20 five-point items
# (gendata groups), every item compared:
#     sk-compare --between role --levels A,B FILE
#     floor FILE                                   the libcsv parse alone
#     R:     fread, then t.test(b, a) and wilcox.test(b, a) of each item
#     SciPy: pandas.read_csv, then ttest_ind(b, a, equal_var=False) and
#            mannwhitneyu(b, a) of each item
#     PSPP:  T-TEST /GROUPS=role('A','B'), NPAR TESTS /M-W=q1 TO q20 BY role
# Target: R's time at least 20 x sk-compare's. Checked: q1's Welch |t| of
# every tool.
set -eu

BENCH_NAME=compare.sh
BENCH_PROGRAMS=src/sk-compare
. "$(dirname "$0")/common.sh"
bench_init
bench_need R scipy pspp

ROWS=$(bench_rows 1000000)
DATA=$(bench_data groups "$ROWS")
WL="sk-compare, $(rows_label "$ROWS") x 20 items, 2 groups"
sk=$top_builddir/src/sk-compare

cat >"$work/compare.R" <<'EOF'
suppressMessages(library(data.table))
d <- fread(commandArgs(TRUE)[1])
a <- d$role == "A"; b <- d$role == "B"
for (q in paste0("q", 1:20)) {
    x <- d[[q]]
    t <- t.test(x[b], x[a])
    w <- wilcox.test(x[b], x[a])
    if (q == "q1") cat("t", sprintf("%.15g", t$statistic), "\n")
}
EOF
cat >"$work/compare.py" <<'EOF'
import sys
import pandas as pd
from scipy import stats
d = pd.read_csv(sys.argv[1])
a = d[d["role"] == "A"]
b = d[d["role"] == "B"]
for q in ["q%d" % i for i in range(1, 21)]:
    t = stats.ttest_ind(b[q], a[q], equal_var=False)
    w = stats.mannwhitneyu(b[q], a[q])
    if q == "q1":
        print("t %.15g" % t.statistic)
EOF
vars="role A1"
i=1
while [ "$i" -le 20 ]; do vars="$vars q$i F1.0"; i=$((i + 1)); done
{ pspp_get "$DATA" "$vars"
  echo "T-TEST /VARIABLES=q1 TO q20 /GROUPS=role('A','B')."
  echo "NPAR TESTS /M-W=q1 TO q20 BY role('A','B')."
} >"$work/compare.sps"

peers=
usable R && peers="$peers R"
usable scipy && peers="$peers scipy"
usable pspp && peers="$peers pspp"

# one TOOL: one timed run of TOOL.
one() {
    case $1 in
        sk) bench_run "$WL" sk-compare "$work/sk.out" "$sk" --between role \
                --levels A,B "$DATA" ;;
        floor) bench_run "$WL" floor "$work/floor.out" "$floor" "$DATA" ;;
        R) bench_run "$WL" "R t.test + wilcox.test" "$work/R.out" -peer \
               Rscript "$work/compare.R" "$DATA" ;;
        scipy) bench_run "$WL" "SciPy ttest_ind + mannwhitneyu" \
                   "$work/scipy.out" -peer "$BENCH_PYTHON" "$work/compare.py" \
                   "$DATA" ;;
        pspp) bench_run "$WL" "PSPP T-TEST + M-W" "$work/pspp.out" -peer \
               pspp -o "$work/pspp.csv" "$work/compare.sps" ;;
    esac
}

bench_pin
# shellcheck disable=SC2086
bench_loop one sk floor $peers

bench_result "$WL" sk-compare
for p in $peers; do
    case $p in
        R) bench_result "$WL" "R t.test + wilcox.test" ;;
        scipy) bench_result "$WL" "SciPy ttest_ind + mannwhitneyu" ;;
        pspp) bench_result "$WL" "PSPP T-TEST + M-W" ;;
    esac
done
s=$(secs "$WL" sk-compare)
r=$(secs "$WL" "R t.test + wilcox.test")
bench_target "$WL" ">= 20 x R's speed ($(ratio "$r" "$s") x)" \
    "$(verdict "$(ratio "$r" "$s")" '>=' 20)"

# The same numbers: q1's Welch |t| (PSPP gives A - B, on its second row).
abs() { awk -v x="$1" 'BEGIN { if (x == "") exit; print (x < 0 ? substr(x, 2) : x) }'; }
pspt=
[ -s "$work/pspp.csv" ] &&
    pspt=$(awk -F, '$0 == "Table: Independent Samples Test" { on = 1; next }
        on && $1 == "q1" { on = 2; next }
        on == 2 { print $5; exit }' "$work/pspp.csv")
agree_all "$WL" "q1 Welch |t|" "$(abs "$(sk_get "$work/sk.out" q1 t)")" \
    "R=$(abs "$(kv_get "$work/R.out" t)")" \
    "SciPy=$(abs "$(kv_get "$work/scipy.out" t)")" "PSPP=$(abs "$pspt")"
bench_finish
