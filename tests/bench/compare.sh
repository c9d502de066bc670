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
#
# Second workload: the exact rank-sum test with ties on 13 + 13 answers
# (7 distinct values among 26), BENCH_EXACT_RUNS runs (default 200):
#     sk-compare --between g --exact FILE   a new process each run, timed
#                                           by Perl around fork and exec
#     coin::wilcox_test(x ~ g, distribution = "exact")    calls in one R
#     exactRankTests::wilcox.exact(b, a)                  session, timed
#                                                         by batches of 20
# The table gives seconds a run (a call for R). Target: sk-compare under
# 10 ms a run, process start included. Checked: the exact p of all three.
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
{ pspp_get "$DATA" "$(pspp_groups_items)"
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
# ---- the exact rank-sum test on 13 + 13 answers with ties ----------
: "${BENCH_EXACT_RUNS:=200}"
WL2="sk-compare --exact, 13 + 13 answers with ties, a run"
EXACT=$work/exact.csv
A_ANS="2 3 3 1 4 2 3 2 5 3 2 1 3"
B_ANS="4 3 5 4 2 4 3 5 4 3 4 2 5"
{
    echo g,x
    for v in $A_ANS; do echo "a,$v"; done
    for v in $B_ANS; do echo "b,$v"; done
} >"$EXACT"
# sk-compare's runs: a new process each, timed by Perl around fork and
# exec (no shell between); prints the median and mean milliseconds.
cat >"$work/runs.pl" <<'PERL'
use strict;
use Time::HiRes qw(time);
my $n = shift @ARGV;
open(my $null, '>', '/dev/null') or die;
my @ms;
for my $i (1 .. $n) {
    my $t0 = time;
    my $pid = fork;
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        open(STDOUT, '>&', $null) or die;
        exec(@ARGV) or die "exec: $!";
    }
    waitpid($pid, 0);
    die "exit status $?" if $?;
    push @ms, 1000 * (time - $t0);
}
@ms = sort { $a <=> $b } @ms;
my $med = @ms % 2 ? $ms[$#ms / 2] : ($ms[@ms / 2 - 1] + $ms[@ms / 2]) / 2;
my $sum = 0;
$sum += $_ for @ms;
printf "ok %.4f %.4f\n", $med, $sum / @ms;
PERL
# R: "ok MEDIAN_MS MEAN_MS P"; the median is of batches of 20 calls
# (proc.time has 1 ms resolution), the mean of all the calls.
cat >"$work/exact.R" <<'RSCRIPT'
a <- commandArgs(TRUE)
which <- a[1]; N <- as.integer(a[2])
xa <- as.numeric(strsplit(a[3], " ")[[1]]); xb <- as.numeric(strsplit(a[4], " ")[[1]])
d <- data.frame(x = c(xa, xb), g = factor(rep(c("a", "b"), c(length(xa), length(xb)))))
if (which == "coin") {
    suppressMessages(library(coin))
    f <- function() coin::wilcox_test(x ~ g, data = d, distribution = "exact")
    res <- function(r) sprintf("%.17g", coin::pvalue(r))
} else {
    suppressMessages(library(exactRankTests))
    f <- function() exactRankTests::wilcox.exact(xb, xa)
    res <- function(r) sprintf("%.17g", r$p.value)
}
r <- f()                                 # warm-up, untimed
k <- 20; nb <- max(1L, N %/% k)
b <- numeric(nb)
for (j in seq_len(nb)) {
    t0 <- proc.time()[["elapsed"]]
    for (i in seq_len(k)) r <- f()
    b[j] <- (proc.time()[["elapsed"]] - t0) / k
}
cat(sprintf("ok %.4f %.4f %s\n", 1000 * median(b), 1000 * mean(b), res(r)))
RSCRIPT
"$sk" --between g --exact "$EXACT" >"$work/sk-exact.out" ||
    die "sk-compare --exact failed on $EXACT"
if perl -MTime::HiRes=time -e 1 2>/dev/null; then
    # shellcheck disable=SC2086
    line=$($pin perl "$work/runs.pl" "$BENCH_EXACT_RUNS" "$sk" --between g \
        --exact "$EXACT") || die "sk-compare --exact failed on $EXACT"
    ms=$(echo "$line" | cut -d ' ' -f 2)
    s=$(awk -v m="$ms" 'BEGIN { printf "%.5f", m / 1000 }')
    printf 'R\t%s\t%s\t%s\t%s\t%s\t%s\n' "$WL2" "sk-compare --exact" "$s" \
        - - "" >>"$BENCH_TABLE"
    say "  $WL2: sk-compare median $ms ms, mean $(echo "$line" | cut -d ' ' -f 3) ms ($BENCH_EXACT_RUNS processes)"
    coin_p= ert_p=
    if usable R; then
        for which in coin ert; do
            if [ "$which" = coin ]; then
                pkg=coin name="R coin::wilcox_test exact, a call"
            else
                pkg=exactRankTests name="R exactRankTests::wilcox.exact, a call"
            fi
            # shellcheck disable=SC2086
            if Rscript -e "suppressMessages(library($pkg))" >/dev/null 2>&1 &&
               rl=$($pin Rscript "$work/exact.R" "$which" "$BENCH_EXACT_RUNS" \
                   "$A_ANS" "$B_ANS" 2>/dev/null); then
                rs=$(echo "$rl" | awk '{ printf "%.5f", $2 / 1000 }')
                printf 'R\t%s\t%s\t%s\t%s\t%s\t%s\n' "$WL2" "$name" "$rs" \
                    - - "" >>"$BENCH_TABLE"
                if [ "$which" = coin ]; then
                    coin_p=$(echo "$rl" | cut -d ' ' -f 4)
                else
                    ert_p=$(echo "$rl" | cut -d ' ' -f 4)
                fi
            else
                printf 'R\t%s\t%s\t-\t-\t-\t%s\n' "$WL2" "$name" \
                    "failed ($pkg missing?)" >>"$BENCH_TABLE"
            fi
        done
    fi
    bench_target "$WL2" "< 10 ms a run ($ms ms)" \
        "$(verdict "$ms" '<=' 10)"
    agree_all "$WL2" "exact p" "$(sk_get "$work/sk-exact.out" x p_w)" \
        "coin=$coin_p" "wilcox.exact=$ert_p"
else
    say "  $WL2: skipped (no perl with Time::HiRes)"
fi
bench_finish
