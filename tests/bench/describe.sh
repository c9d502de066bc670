#!/bin/sh
# describe.sh - benchmark sk-describe against the libcsv parse floor, GNU
# datamash, R (data.table's fread and base R), pandas and GNU PSPP.
#
# Run by 'make bench' (tests/bench/run.sh) or by hand from the build dir:
#     cd build-dir && sh ../tests/bench/describe.sh
# Knobs: README.md (BENCH_SCALE, BENCH_QUICK, BENCH_REPS, BENCH_PEERS ...).
#
# Workload: 5,000,000 rows x 2 continuous columns (gendata continuous):
#     sk-describe -c x,y FILE
#     floor FILE                                   the libcsv parse alone
#     datamash -t, -H mean 1 sstdev 1 median 1 q1 1 q3 1 (and column 2)
#     R:      fread, then mean, sd, quantile, min, max, skewness, kurtosis
#     pandas: read_csv, then the same
#     PSPP:   GET DATA, EXAMINE /STATISTICS=DESCRIPTIVES /PERCENTILES
# Target: sk-describe within 2 x the parse floor. Checked: every tool's
# mean and median of x agree with sk-describe's.
set -eu

BENCH_NAME=describe.sh
BENCH_PROGRAMS=src/sk-describe
. "$(dirname "$0")/common.sh"
bench_init
bench_need datamash R scipy pspp

ROWS=$(bench_rows 5000000)
DATA=$(bench_data continuous "$ROWS")
WL="sk-describe, $(rows_label "$ROWS") x 2"
skd=$top_builddir/src/sk-describe
DM_OPS="mean 1 sstdev 1 median 1 q1 1 q3 1 mean 2 sstdev 2 median 2 q1 2 q3 2"

cat >"$work/describe.R" <<'EOF'
suppressMessages(library(data.table))
d <- fread(commandArgs(TRUE)[1])
for (v in c("x", "y")) {
    x <- d[[v]]
    n <- length(x); m <- mean(x); s <- sd(x)
    q <- quantile(x, c(0.25, 0.5, 0.75), names = FALSE)
    m2 <- sum((x - m)^2) / n
    sk <- sum((x - m)^3) / n / m2^1.5
    ku <- sum((x - m)^4) / n / m2^2 - 3
    r <- c(m, s, q, min(x), max(x), sk, ku)
    if (v == "x") cat("mean", sprintf("%.15g", m), "\nmedian",
                      sprintf("%.15g", q[2]), "\n")
}
EOF
cat >"$work/describe.py" <<'EOF'
import sys
import pandas as pd
d = pd.read_csv(sys.argv[1])
for v in ("x", "y"):
    x = d[v]
    r = (x.mean(), x.std(), x.quantile([0.25, 0.5, 0.75]).tolist(),
         x.min(), x.max(), x.skew(), x.kurt())
    if v == "x":
        print("mean %.15g\nmedian %.15g" % (r[0], r[2][1]))
EOF
{ pspp_get "$DATA" "x F12.4 y F12.3"
  echo 'EXAMINE VARIABLES=x y /STATISTICS=DESCRIPTIVES /PERCENTILES(25,50,75) HAVERAGE.'
} >"$work/describe.sps"

peers=
usable datamash && peers="$peers datamash"
usable R && peers="$peers R"
usable scipy && peers="$peers pandas"
usable pspp && peers="$peers pspp"

# one TOOL: one timed run of TOOL.
# shellcheck disable=SC2086
one() {
    case $1 in
        sk) bench_run "$WL" sk-describe "$work/sk.out" "$skd" -c x,y "$DATA" ;;
        floor) bench_run "$WL" floor "$work/floor.out" "$floor" "$DATA" ;;
        datamash)
            bench_run "$WL" datamash "$work/datamash.out" -peer \
                sh -c 'exec datamash -t, -H "$@" <"$0"' "$DATA" $DM_OPS ;;
        R) bench_run "$WL" "R fread + base" "$work/R.out" -peer \
               Rscript "$work/describe.R" "$DATA" ;;
        pandas) bench_run "$WL" pandas "$work/pandas.out" -peer \
               "$BENCH_PYTHON" "$work/describe.py" "$DATA" ;;
        pspp) bench_run "$WL" "PSPP EXAMINE" "$work/pspp.out" -peer \
               pspp -o "$work/pspp.csv" "$work/describe.sps" ;;
    esac
}

bench_pin
# shellcheck disable=SC2086
bench_loop one sk floor $peers

bench_result "$WL" sk-describe
for p in $peers; do
    case $p in
        R) bench_result "$WL" "R fread + base" ;;
        pspp) bench_result "$WL" "PSPP EXAMINE" ;;
        *) bench_result "$WL" "$p" ;;
    esac
done
s=$(secs "$WL" sk-describe)
fl=$(secs "$WL" floor)
bench_target "$WL" "<= 2 x the parse floor ($(ratio "$s" "$fl") x)" \
    "$(verdict "$(ratio "$s" "$fl")" '<=' 2)"

# The same numbers: mean and median of x.
skmean=$(sk_get "$work/sk.out" x mean)
skmed=$(sk_get "$work/sk.out" x median)
dmmean='' dmmed='' pspmean='' pspmed=''
if [ -s "$work/datamash.out" ]; then
    dmmean=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
        NR == 2 { print $(c["mean(x)"]) }' "$work/datamash.out")
    dmmed=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
        NR == 2 { print $(c["median(x)"]) }' "$work/datamash.out")
fi
if [ -s "$work/pspp.csv" ]; then
    # EXAMINE's Descriptives: "x,Mean,,M,SE" then ",Median,,MED,".
    pspmean=$(awk -F, '$1 == "x" && $2 == "Mean" { print $4; exit }' "$work/pspp.csv")
    pspmed=$(awk -F, '$1 == "x" && $2 == "Mean" { on = 1 }
        on && $2 == "Median" { print $4; exit }' "$work/pspp.csv")
fi
agree_all "$WL" "mean of x" "$skmean" "datamash=$dmmean" \
    "R=$(kv_get "$work/R.out" mean)" "pandas=$(kv_get "$work/pandas.out" mean)" \
    "PSPP=$pspmean"
agree_all "$WL" "median of x" "$skmed" "datamash=$dmmed" \
    "R=$(kv_get "$work/R.out" median)" \
    "pandas=$(kv_get "$work/pandas.out" median)" "PSPP=$pspmed"
bench_finish
