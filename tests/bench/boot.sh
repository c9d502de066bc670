#!/bin/sh
# boot.sh - benchmark sk-boot: a large n against itself at n / 10 (its
# time linear in n, its memory per row), and a small n with a million
# replicates against R's boot and SciPy's bootstrap.
#
# Run by 'make bench' (tests/bench/run.sh) or by hand from the build dir:
#     cd build-dir && sh ../tests/bench/boot.sh
# Knobs: README.md (BENCH_SCALE, BENCH_QUICK, BENCH_REPS, BENCH_PEERS ...).
#
# Workload 1: n = 10,000,000 continuous values (x of gendata continuous),
# B = 1000, the defaults (mean; percentile and BCa):
#     sk-boot -c x -B 1000 --threads=BENCH_THREADS FILE
#     floor FILE                                   the libcsv parse alone
#     the same at n = 1,000,000 (for the time's growth with n)
# No peer: R's boot and SciPy's vectorized bootstrap hold a B x n index
# array (10^10 indexes, 40 to 80 GB) for this.
# Targets: time linear in n (time at n / time at n / 10 <= 12); peak
# memory <= 16 bytes a row.
# Workload 2: n = 26 (the first 26 x), B = 1,000,000, mean and median,
# percentile and BCa intervals:
#     sk-boot -c x -s mean,median -m percentile,bca -B 1000000 FILE
#     R:     boot(x, function(d, i) c(mean(d[i]), median(d[i])), R = B),
#            boot.ci(type = c("perc", "bca")) of each statistic
#     SciPy: bootstrap(..., vectorized=True), percentile and BCa of each
#            statistic (four calls: SciPy makes one interval a call)
# Target: sk-boot within 0.3 s. Checked: every tool's estimates (the mean
# and median of the 26) equal sk-boot's.
set -eu

BENCH_NAME=boot.sh
BENCH_PROGRAMS=src/sk-boot
. "$(dirname "$0")/common.sh"
bench_init
bench_need R scipy

ROWS=$(bench_rows 10000000)
SMALL=$(awk -v n="$ROWS" 'BEGIN { r = int(n / 10); if (r < 100) r = 100; print r }')
B2=$(awk -v s="$BENCH_SCALE" 'BEGIN { b = int(1e6 * s + 0.5); if (b < 1000) b = 1000; print b }')
sk=$top_builddir/src/sk-boot

# xcol N: the x column of gendata N continuous, cached beside it.
xcol() {
    x=$datadir/x-$1-s$SEED.csv
    if [ ! -s "$x" ]; then
        src=$(bench_data continuous "$1")
        cut -d, -f1 "$src" >"$x.tmp" && mv "$x.tmp" "$x"
    fi
    cat "$x" >/dev/null
    echo "$x"
}
DATA=$(xcol "$ROWS")
DATA_SMALL=$(xcol "$SMALL")
DATA26=$(xcol 26)
rm -f "$datadir/continuous-26-s$SEED.csv"
WL="sk-boot, n = $(rows_label "$ROWS"), B = 1000"
WL_SMALL="sk-boot, n = $(rows_label "$SMALL"), B = 1000"
WL2="sk-boot, n = 26, B = $(rows_label "$B2"), mean + median"

cat >"$work/boot.R" <<'EOF'
suppressMessages(library(boot))
a <- commandArgs(TRUE)
x <- read.csv(a[1])$x
set.seed(20240601)
b <- boot(x, function(d, i) c(mean(d[i]), median(d[i])), R = as.integer(a[2]))
ci1 <- boot.ci(b, type = c("perc", "bca"), index = 1)
ci2 <- boot.ci(b, type = c("perc", "bca"), index = 2)
cat("mean", sprintf("%.15g", b$t0[1]), "\nmedian", sprintf("%.15g", b$t0[2]),
    "\n")
EOF
cat >"$work/boot.py" <<'EOF'
import sys
import numpy as np
import pandas as pd
from scipy import stats
x = pd.read_csv(sys.argv[1])["x"].to_numpy()
B = int(sys.argv[2])
rng = np.random.default_rng(20240601)
for f in (np.mean, np.median):
    for m in ("percentile", "BCa"):
        stats.bootstrap((x,), f, n_resamples=B, method=m, vectorized=True,
                        axis=-1, random_state=rng, batch=100000)
print("mean %.15g\nmedian %.15g" % (np.mean(x), np.median(x)))
EOF

peers=
usable R && peers="$peers R"
usable scipy && peers="$peers scipy"

# one TOOL: one timed run of TOOL.
one() {
    case $1 in
        big) bench_run "$WL" sk-boot "$work/sk.out" "$sk" -c x -B 1000 \
                 --threads="$BENCH_THREADS" "$DATA" ;;
        small) bench_run "$WL_SMALL" sk-boot "$work/sk-small.out" "$sk" -c x \
                   -B 1000 --threads="$BENCH_THREADS" "$DATA_SMALL" ;;
        floor) bench_run "$WL" floor "$work/floor.out" "$floor" "$DATA" ;;
    esac
}
one2() {
    case $1 in
        sk) bench_run "$WL2" sk-boot "$work/sk26.out" "$sk" -c x \
                -s mean,median -m percentile,bca -B "$B2" \
                --threads="$BENCH_THREADS" "$DATA26" ;;
        R) bench_run "$WL2" "R boot + boot.ci" "$work/R.out" -peer \
               Rscript "$work/boot.R" "$DATA26" "$B2" ;;
        scipy) bench_run "$WL2" "SciPy bootstrap" "$work/scipy.out" -peer \
               "$BENCH_PYTHON" "$work/boot.py" "$DATA26" "$B2" ;;
    esac
}

bench_pin
bench_loop one big floor small
# shellcheck disable=SC2086
bench_loop one2 sk $peers

bench_result "$WL" sk-boot "no peer: a B x n index array"
s=$(secs "$WL" sk-boot)
ss=$(secs "$WL_SMALL" sk-boot)
bench_target "$WL" "linear in n (x $(ratio "$s" "$ss") from n / 10; <= 12)" \
    "$(verdict "$(ratio "$s" "$ss")" '<=' 12)"
m=$(mib "$WL" sk-boot)
bpr=$(awk -v m="$m" -v n="$ROWS" 'BEGIN { if (m == "-") print "-"; else printf "%.1f\n", m * 1048576 / n }')
bench_target "$WL" "<= 16 bytes a row ($bpr)" "$(verdict "$bpr" '<=' 16)"
bench_result "$WL_SMALL" sk-boot "for the linearity target above"

bench_result "$WL2" sk-boot
for p in $peers; do
    case $p in
        R) bench_result "$WL2" "R boot + boot.ci" ;;
        scipy) bench_result "$WL2" "SciPy bootstrap" ;;
    esac
done
s=$(secs "$WL2" sk-boot)
bench_target "$WL2" "<= 0.3 s" "$(verdict "$s" '<=' 0.3)"

# The same numbers: the estimates (the mean and median of the 26 values).
est() {
    awk -F '\t' -v st="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
        $(c["stat"]) == st { print $(c["estimate"]); exit }' "$1"
}
agree_all "$WL2" "mean" "$(est "$work/sk26.out" mean)" \
    "R=$(kv_get "$work/R.out" mean)" "SciPy=$(kv_get "$work/scipy.out" mean)"
agree_all "$WL2" "median" "$(est "$work/sk26.out" median)" \
    "R=$(kv_get "$work/R.out" median)" "SciPy=$(kv_get "$work/scipy.out" median)"
bench_finish
