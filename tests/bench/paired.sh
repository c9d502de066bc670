#!/bin/sh
# paired.sh - benchmark sk-paired against the libcsv parse floor, SciPy
# (pandas, ttest_rel, wilcoxon), R (fread, t.test and wilcox.test paired)
# and GNU PSPP (T-TEST PAIRS, NPAR TESTS /WILCOXON).
#
# Run by 'make bench' (tests/bench/run.sh) or by hand from the build dir:
#     cd build-dir && sh ../tests/bench/paired.sh
# Knobs: README.md (BENCH_SCALE, BENCH_QUICK, BENCH_REPS, BENCH_PEERS ...).
#
# Workload: 1,000,000 pairs (gendata paired: before, after):
#     sk-paired -p before:after FILE     (t test, Wilcoxon, HL, sign test)
#     floor FILE                                   the libcsv parse alone
#     SciPy: pandas.read_csv, ttest_rel(after, before), wilcoxon(after, before)
#     R:     fread, t.test(after, before, paired = TRUE), wilcox.test(...)
#     PSPP:  T-TEST PAIRS=before WITH after (PAIRED), NPAR TESTS /WILCOXON
# Target: SciPy's time at least 3 x sk-paired's. Checked: |t| of every tool.
set -eu

BENCH_NAME=paired.sh
BENCH_PROGRAMS=src/sk-paired
. "$(dirname "$0")/common.sh"
bench_init
bench_need scipy R pspp

ROWS=$(bench_rows 1000000)
DATA=$(bench_data paired "$ROWS")
WL="sk-paired, $(rows_label "$ROWS") pairs"
sk=$top_builddir/src/sk-paired

cat >"$work/paired.py" <<'EOF'
import sys
import pandas as pd
from scipy import stats
d = pd.read_csv(sys.argv[1])
t = stats.ttest_rel(d["after"], d["before"])
w = stats.wilcoxon(d["after"], d["before"])
print("t %.15g\np_w %.15g" % (t.statistic, w.pvalue))
EOF
cat >"$work/paired.R" <<'EOF'
suppressMessages(library(data.table))
d <- fread(commandArgs(TRUE)[1])
t <- t.test(d$after, d$before, paired = TRUE)
w <- wilcox.test(d$after, d$before, paired = TRUE)
cat("t", sprintf("%.15g", t$statistic), "\n")
EOF
{ pspp_get "$DATA" "before F12.4 after F12.4"
  echo 'T-TEST PAIRS=before WITH after (PAIRED).'
  echo 'NPAR TESTS /WILCOXON=before WITH after (PAIRED).'
} >"$work/paired.sps"

peers=
usable scipy && peers="$peers scipy"
usable R && peers="$peers R"
usable pspp && peers="$peers pspp"

# one TOOL: one timed run of TOOL.
one() {
    case $1 in
        sk) bench_run "$WL" sk-paired "$work/sk.out" "$sk" -p before:after \
                "$DATA" ;;
        floor) bench_run "$WL" floor "$work/floor.out" "$floor" "$DATA" ;;
        scipy) bench_run "$WL" "SciPy ttest_rel + wilcoxon" "$work/scipy.out" \
                   -peer "$BENCH_PYTHON" "$work/paired.py" "$DATA" ;;
        R) bench_run "$WL" "R t.test + wilcox.test" "$work/R.out" -peer \
               Rscript "$work/paired.R" "$DATA" ;;
        pspp) bench_run "$WL" "PSPP T-TEST + WILCOXON" "$work/pspp.out" -peer \
               pspp -o "$work/pspp.csv" "$work/paired.sps" ;;
    esac
}

bench_pin
# shellcheck disable=SC2086
bench_loop one sk floor $peers

bench_result "$WL" sk-paired
for p in $peers; do
    case $p in
        scipy) bench_result "$WL" "SciPy ttest_rel + wilcoxon" ;;
        R) bench_result "$WL" "R t.test + wilcox.test" ;;
        pspp) bench_result "$WL" "PSPP T-TEST + WILCOXON" ;;
    esac
done
s=$(secs "$WL" sk-paired)
sp=$(secs "$WL" "SciPy ttest_rel + wilcoxon")
bench_target "$WL" ">= 3 x SciPy's speed ($(ratio "$sp" "$s") x)" \
    "$(verdict "$(ratio "$sp" "$s")" '>=' 3)"

# The same numbers: |t| (PSPP reports before - after).
abs() { awk -v x="$1" 'BEGIN { if (x == "") exit; print (x < 0 ? substr(x, 2) : x) }'; }
skt=$(sk_get "$work/sk.out" before:after t)
pspt=
[ -s "$work/pspp.csv" ] &&
    pspt=$(awk -F, '$0 == "Table: Paired Samples Test" { on = 1; next }
        on && $1 == "Pair 1" { print $8; exit }' "$work/pspp.csv")
agree_all "$WL" "|t|" "$(abs "$skt")" \
    "SciPy=$(abs "$(kv_get "$work/scipy.out" t)")" \
    "R=$(abs "$(kv_get "$work/R.out" t)")" "PSPP=$(abs "$pspt")"
bench_finish
