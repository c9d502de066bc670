#!/bin/sh
# freq.sh - benchmark sk-freq against the libcsv parse floor, R
# (data.table's fread and table), pandas (value_counts) and GNU PSPP.
#
# Run by 'make bench' (tests/bench/run.sh) or by hand from the build dir:
#     cd build-dir && sh ../tests/bench/freq.sh
# Knobs: README.md (BENCH_SCALE, BENCH_QUICK, BENCH_REPS, BENCH_PEERS ...).
#
# Workload: 1,000,000 respondents x 20 five-point items (gendata groups):
#     sk-freq -c q1:q20 FILE
#     floor FILE                                   the libcsv parse alone
#     R:      fread, then table() of each item
#     pandas: read_csv, then value_counts() of each item
#     PSPP:   GET DATA, FREQUENCIES /VARIABLES=q1 TO q20
# (datamash makes one frequency table a run, sorting the file for it:
# 20 runs for this work, so it is left out.)
# Target: sk-freq within 2.5 x the parse floor. Checked: the count of
# answer 4 of q1 is the same in every tool.
set -eu

BENCH_NAME=freq.sh
BENCH_PROGRAMS=src/sk-freq
. "$(dirname "$0")/common.sh"
bench_init
bench_need R scipy pspp

ROWS=$(bench_rows 1000000)
DATA=$(bench_data groups "$ROWS")
WL="sk-freq, $(rows_label "$ROWS") x 20 items"
sk=$top_builddir/src/sk-freq

cat >"$work/freq.R" <<'EOF'
suppressMessages(library(data.table))
d <- fread(commandArgs(TRUE)[1])
t <- lapply(d[, paste0("q", 1:20), with = FALSE], table)
cat("q1_4", t$q1[["4"]], "\n")
EOF
cat >"$work/freq.py" <<'EOF'
import sys
import pandas as pd
d = pd.read_csv(sys.argv[1])
t = {c: d[c].value_counts().sort_index() for c in d.columns[1:]}
print("q1_4", t["q1"][4])
EOF
{ pspp_get "$DATA" "$(pspp_groups_items)"
  echo 'FREQUENCIES /VARIABLES=q1 TO q20.'
} >"$work/freq.sps"

peers=
usable R && peers="$peers R"
usable scipy && peers="$peers pandas"
usable pspp && peers="$peers pspp"

# one TOOL: one timed run of TOOL.
one() {
    case $1 in
        sk) bench_run "$WL" sk-freq "$work/sk.out" "$sk" -c q1:q20 "$DATA" ;;
        floor) bench_run "$WL" floor "$work/floor.out" "$floor" "$DATA" ;;
        R) bench_run "$WL" "R fread + table" "$work/R.out" -peer \
               Rscript "$work/freq.R" "$DATA" ;;
        pandas) bench_run "$WL" "pandas value_counts" "$work/pandas.out" -peer \
               "$BENCH_PYTHON" "$work/freq.py" "$DATA" ;;
        pspp) bench_run "$WL" "PSPP FREQUENCIES" "$work/pspp.out" -peer \
               pspp -o "$work/pspp.csv" "$work/freq.sps" ;;
    esac
}

bench_pin
# shellcheck disable=SC2086
bench_loop one sk floor $peers

bench_result "$WL" sk-freq
for p in $peers; do
    case $p in
        R) bench_result "$WL" "R fread + table" ;;
        pandas) bench_result "$WL" "pandas value_counts" ;;
        pspp) bench_result "$WL" "PSPP FREQUENCIES" ;;
    esac
done
s=$(secs "$WL" sk-freq)
fl=$(secs "$WL" floor)
bench_target "$WL" "<= 2.5 x the parse floor ($(ratio "$s" "$fl") x)" \
    "$(verdict "$(ratio "$s" "$fl")" '<=' 2.5)"

# The same numbers: how many answered 4 to q1.
skc=$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $(c["item"]) == "q1" && $(c["level"]) == 4 { print $(c["count"]); exit }' \
    "$work/sk.out")
pspc=
[ -s "$work/pspp.csv" ] &&
    pspc=$(awk -F, '$0 == "Table: q1" { on = 1; next }
        on && $2 == 4 { print $3; exit }' "$work/pspp.csv")
agree_all "$WL" "count of q1 = 4" "$skc" "R=$(kv_get "$work/R.out" q1_4)" \
    "pandas=$(kv_get "$work/pandas.out" q1_4)" "PSPP=$pspc"
bench_finish
