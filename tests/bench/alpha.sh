#!/bin/sh
# alpha.sh - benchmark sk-alpha against the libcsv parse floor, R
# (data.table's fread and psych::alpha), pandas (the covariance matrix)
# and GNU PSPP (RELIABILITY).
#
# Run by 'make bench' (tests/bench/run.sh) or by hand from the build dir:
#     cd build-dir && sh ../tests/bench/alpha.sh
# Knobs: README.md (BENCH_SCALE, BENCH_QUICK, BENCH_REPS, BENCH_PEERS ...).
#
# Workload: 1,000,000 respondents x 20 five-point items (gendata groups)
# as one scale:
#     sk-alpha -c q1:q20 FILE
#     floor FILE                                   the libcsv parse alone
#     R:      fread, then psych::alpha of the 20 items
#     pandas: read_csv, then alpha from DataFrame.cov()
#     PSPP:   GET DATA, RELIABILITY /VARIABLES=q1 TO q20 /MODEL=ALPHA
# and sk-alpha alone on the first tenth of the respondents (a file of its
# own), for its memory.
# Targets: sk-alpha within 3 x the parse floor; its peak memory the same
# at n and n / 10 (within 25%, 1 MiB). Checked: raw alpha of every tool.
set -eu

BENCH_NAME=alpha.sh
BENCH_PROGRAMS=src/sk-alpha
. "$(dirname "$0")/common.sh"
bench_init
bench_need R scipy pspp

ROWS=$(bench_rows 1000000)
SMALL=$(awk -v n="$ROWS" 'BEGIN { r = int(n / 10); if (r < 100) r = 100; print r }')
DATA=$(bench_data groups "$ROWS")
DATA_SMALL=$(bench_data groups "$SMALL")
WL="sk-alpha, $(rows_label "$ROWS") x 20 items"
WL_SMALL="sk-alpha, $(rows_label "$SMALL") x 20 items"
sk=$top_builddir/src/sk-alpha

cat >"$work/alpha.R" <<'EOF'
suppressMessages(library(data.table))
suppressMessages(library(psych))
d <- fread(commandArgs(TRUE)[1])
a <- suppressWarnings(psych::alpha(as.data.frame(d[, paste0("q", 1:20),
                                                   with = FALSE])))
cat("raw_alpha", sprintf("%.15g", a$total$raw_alpha), "\n")
EOF
cat >"$work/alpha.py" <<'EOF'
import sys
import pandas as pd
d = pd.read_csv(sys.argv[1])
c = d[["q%d" % i for i in range(1, 21)]].cov().to_numpy()
k = c.shape[0]
print("raw_alpha %.15g" % (k / (k - 1) * (1 - c.trace() / c.sum())))
EOF
{ pspp_get "$DATA" "$(pspp_groups_items)"
  echo 'RELIABILITY /VARIABLES=q1 TO q20 /MODEL=ALPHA.'
} >"$work/alpha.sps"

peers=
usable R && peers="$peers R"
usable scipy && peers="$peers pandas"
usable pspp && peers="$peers pspp"

# one TOOL: one timed run of TOOL.
one() {
    case $1 in
        sk) bench_run "$WL" sk-alpha "$work/sk.out" "$sk" -c q1:q20 "$DATA" ;;
        small) bench_run "$WL_SMALL" sk-alpha "$work/sk-small.out" "$sk" \
                   -c q1:q20 "$DATA_SMALL" ;;
        floor) bench_run "$WL" floor "$work/floor.out" "$floor" "$DATA" ;;
        R) bench_run "$WL" "R fread + psych::alpha" "$work/R.out" -peer \
               Rscript "$work/alpha.R" "$DATA" ;;
        pandas) bench_run "$WL" "pandas cov" "$work/pandas.out" -peer \
               "$BENCH_PYTHON" "$work/alpha.py" "$DATA" ;;
        pspp) bench_run "$WL" "PSPP RELIABILITY" "$work/pspp.out" -peer \
               pspp -o "$work/pspp.csv" "$work/alpha.sps" ;;
    esac
}

bench_pin
# shellcheck disable=SC2086
bench_loop one sk floor small $peers

bench_result "$WL" sk-alpha
for p in $peers; do
    case $p in
        R) bench_result "$WL" "R fread + psych::alpha" ;;
        pandas) bench_result "$WL" "pandas cov" ;;
        pspp) bench_result "$WL" "PSPP RELIABILITY" ;;
    esac
done
s=$(secs "$WL" sk-alpha)
fl=$(secs "$WL" floor)
bench_target "$WL" "<= 3 x the parse floor ($(ratio "$s" "$fl") x)" \
    "$(verdict "$(ratio "$s" "$fl")" '<=' 3)"
m=$(mib "$WL" sk-alpha)
ms=$(mib "$WL_SMALL" sk-alpha)
lim=$(awk -v m="$ms" 'BEGIN { x = m * 1.25; if (x < m + 1) x = m + 1; print x }')
bench_target "$WL" "memory independent of n ($m MiB; $ms at n / 10)" \
    "$(verdict "$m" '<=' "$lim")"
bench_result "$WL_SMALL" sk-alpha "for the memory target above"

# The same numbers: raw alpha.
skal=$(sk_get "$work/sk.out" scale raw_alpha)
pspal=
[ -s "$work/pspp.csv" ] &&
    pspal=$(awk -F, '$0 == "Table: Reliability Statistics" { on = 1; next }
        on == 1 { on = 2; next } on == 2 { print $1; exit }' "$work/pspp.csv")
agree_all "$WL" "raw alpha" "$skal" "R=$(kv_get "$work/R.out" raw_alpha)" \
    "pandas=$(kv_get "$work/pandas.out" raw_alpha)" "PSPP=$pspal"
bench_finish
