#!/bin/sh
# compare.sh - benchmark sk-compare against R and SciPy.
#
# Run by 'make bench' from the build directory, or by hand:
#     cd build-dir && sh ../tests/bench/compare.sh
# Environment:
#     top_builddir     the build directory (default: the current directory)
#     BENCH_REPS       repetitions of each sk-compare run (default 3)
#     BENCH_PEER_REPS  repetitions of each peer run (default 1)
#     BENCH_ROWS       respondents of case 1 (default 1000000)
#     BENCH_RUNS       runs (sk-compare) and calls (R) per repetition of
#                      case 2 (default 200)
#     BENCH_TIMEOUT    seconds allowed to each peer process (default 900)
#     BENCH_PYTHON     the Python with SciPy (default /usr/bin/python3)
#
# Case 1: ROWS respondents in two groups, twenty 5-point items (gendata
# ROWS SEED groups):
#     sk-compare --between role --levels A,B FILE
#     R:     read.csv, then t.test(b, a) and wilcox.test(b, a) per item
#     SciPy: pandas.read_csv, then ttest_ind(b, a, equal_var=False) and
#            mannwhitneyu(b, a) per item
# wall seconds and peak RSS by GNU time (%e %M), and the statistics alone
# inside R (proc.time) and Python (time.perf_counter). Target: sk-compare
# at least 20 times R's throughput.
# Case 2: the exact rank-sum test with ties on 13 + 13 answers:
#     sk-compare --between g --exact FILE     (each run a new process)
#     coin::wilcox_test(x ~ g, distribution = "exact")
#     exactRankTests::wilcox.exact(b, a)
# Target: sk-compare under 10 ms a run, process start included.
# A missed target, a missing or failing peer is reported, not an error: the
# script fails only when it cannot set up or run sk-compare.
set -eu

LC_ALL=C
export LC_ALL

: "${top_builddir:=.}"
: "${BENCH_REPS:=3}"
: "${BENCH_PEER_REPS:=1}"
: "${BENCH_ROWS:=1000000}"
: "${BENCH_RUNS:=200}"
: "${BENCH_TIMEOUT:=900}"
: "${BENCH_PYTHON:=}"
SEED=20240601
TIME=/usr/bin/time
TARGET_SPEED=20
TARGET_MS=10
AGREE_ROWS=2000          # the untimed agreement check's respondents

die() {
    echo "compare.sh: $*" >&2
    exit 1
}

positive() {
    case $2 in
        '' | *[!0-9]* | 0) die "$1 must be a positive integer: '$2'" ;;
    esac
}
positive BENCH_REPS "$BENCH_REPS"
positive BENCH_PEER_REPS "$BENCH_PEER_REPS"
positive BENCH_ROWS "$BENCH_ROWS"
positive BENCH_RUNS "$BENCH_RUNS"
positive BENCH_TIMEOUT "$BENCH_TIMEOUT"

top_srcdir=$(cd "$(dirname "$0")/../.." && pwd)
top_builddir=$(cd "$top_builddir" && pwd)
skc=$top_builddir/src/sk-compare
gendata=$top_builddir/tests/bench/gendata

if [ ! -x "$skc" ] || [ ! -x "$gendata" ]; then
    if [ -f "$top_builddir/Makefile" ]; then
        echo "Building sk-compare and gendata in $top_builddir ..." >&2
        make -C "$top_builddir" src/sk-compare tests/bench/gendata >&2 ||
            die "cannot build the programs"
    fi
fi
[ -x "$skc" ] || die "no $skc: run 'make bench' in a configured build dir"
[ -x "$gendata" ] || die "no $gendata: run 'make bench' in a configured build dir"

# GNU time is needed (Debian's 'time'); the peers are optional.
have_time() {
    [ -x "$TIME" ] && "$TIME" -f '%e %M' -o /dev/null true 2>/dev/null
}
if ! have_time; then
    if [ "$(id -u)" -eq 0 ]; then
        sudo=
    elif command -v sudo >/dev/null 2>&1; then
        sudo=sudo
    else
        die "need the Debian package time (not root, and no sudo)"
    fi
    echo "Installing: time" >&2
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y time >&2 ||
        { $sudo apt-get update >&2 && $sudo apt-get install -y time >&2; } ||
        die "cannot install time"
fi
have_time || die "$TIME is not GNU time"
# Per-run wall clock of case 2: Perl's Time::HiRes (perl-base, libperl).
perl -MTime::HiRes=time -e 1 2>/dev/null ||
    die "need perl with Time::HiRes for case 2"

# The peers, each optional.
if [ -z "$BENCH_PYTHON" ]; then
    BENCH_PYTHON=/usr/bin/python3
    [ -x "$BENCH_PYTHON" ] || BENCH_PYTHON=$(command -v python3 || echo python3)
fi
python=$BENCH_PYTHON
have_scipy=0 have_pandas=0 have_r=0 have_coin=0 have_ert=0
"$python" -c 'import scipy.stats, numpy' 2>/dev/null && have_scipy=1
[ "$have_scipy" = 1 ] && "$python" -c 'import pandas' 2>/dev/null &&
    have_pandas=1
if command -v Rscript >/dev/null 2>&1; then
    have_r=1
    Rscript -e 'suppressMessages(library(coin))' >/dev/null 2>&1 && have_coin=1
    Rscript -e 'suppressMessages(library(exactRankTests))' >/dev/null 2>&1 &&
        have_ert=1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/sk-bench.XXXXXX") || die "no mktemp"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The data of case 1, made once and kept in the build dir (not in git).
datadir=$top_builddir/tests/bench/data
mkdir -p "$datadir"
DATA=$datadir/groups-$BENCH_ROWS-s$SEED.csv
if [ ! -s "$DATA" ]; then
    echo "Making $DATA ..." >&2
    "$gendata" "$BENCH_ROWS" "$SEED" groups >"$DATA.tmp" ||
        { rm -f "$DATA.tmp"; die "gendata failed"; }
    mv "$DATA.tmp" "$DATA"
fi
# Case 2's 13 + 13 answers, many ties (7 distinct ranks among 26).
EXACT=$work/exact.csv
A_ANS="2 3 3 1 4 2 3 2 5 3 2 1 3"
B_ANS="4 3 5 4 2 4 3 5 4 3 4 2 5"
{
    echo g,x
    for v in $A_ANS; do echo "a,$v"; done
    for v in $B_ANS; do echo "b,$v"; done
} >"$EXACT"

# The peers' programs. Case 1: each prints "ok STATS_SECONDS", then one
# line per item: ITEM t df p_t W p_w (SciPy: df is NA).
cat >"$work/cmp.R" <<'EOF'
a <- commandArgs(TRUE)
d <- read.csv(a[1])
t0 <- proc.time()[["elapsed"]]
ia <- d$role == "A"; ib <- d$role == "B"
out <- character(0)
for (v in setdiff(names(d), "role")) {
    x <- d[[v]]
    tt <- t.test(x[ib], x[ia])
    w <- wilcox.test(x[ib], x[ia])
    out <- c(out, sprintf("%s %.17g %.17g %.17g %.17g %.17g", v, tt$statistic,
                          tt$parameter, tt$p.value, w$statistic, w$p.value))
}
t1 <- proc.time()[["elapsed"]]
cat(sprintf("ok %.3f\n", t1 - t0))
writeLines(out)
EOF
cat >"$work/cmp.py" <<'EOF'
import sys, time
import numpy as np
import scipy.stats
path = sys.argv[1]
try:
    import pandas as pd
    d = pd.read_csv(path)
    names = [c for c in d.columns if c != "role"]
    g = d["role"].to_numpy()
    cols = {c: d[c].to_numpy(dtype=float) for c in names}
except ImportError:
    d = np.genfromtxt(path, delimiter=",", names=True, dtype=None,
                      encoding="ascii")
    names = [c for c in d.dtype.names if c != "role"]
    g = d["role"]
    cols = {c: d[c].astype(float) for c in names}
t0 = time.perf_counter()
ia = g == "A"; ib = g == "B"
out = []
for v in names:
    x = cols[v]
    t = scipy.stats.ttest_ind(x[ib], x[ia], equal_var=False)
    u = scipy.stats.mannwhitneyu(x[ib], x[ia])
    out.append("%s %.17g NA %.17g %.17g %.17g" % (v, t.statistic, t.pvalue,
                                                  u.statistic, u.pvalue))
t1 = time.perf_counter()
print("ok %.3f" % (t1 - t0))
print("\n".join(out))
EOF
# Case 2: "ok MEDIAN_MS MEAN_MS P [W]" per test; the median is of batches
# of 20 calls (proc.time has 1 ms resolution), the mean of all the calls.
cat >"$work/exact.R" <<'EOF'
a <- commandArgs(TRUE)
which <- a[1]; N <- as.integer(a[2])
xa <- as.numeric(strsplit(a[3], " ")[[1]]); xb <- as.numeric(strsplit(a[4], " ")[[1]])
d <- data.frame(x = c(xa, xb), g = factor(rep(c("a", "b"), c(length(xa), length(xb)))))
if (which == "coin") {
    suppressMessages(library(coin))
    f <- function() coin::wilcox_test(x ~ g, data = d, distribution = "exact")
    res <- function(r) sprintf("%.17g NA", coin::pvalue(r))
} else {
    suppressMessages(library(exactRankTests))
    f <- function() exactRankTests::wilcox.exact(xb, xa)
    res <- function(r) sprintf("%.17g %.17g", r$p.value, r$statistic)
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
EOF
# sk-compare's runs of case 2: a new process each, timed by Perl around
# fork and exec (no shell between); prints each run's milliseconds.
cat >"$work/runs.pl" <<'EOF'
use strict;
use Time::HiRes qw(time);
my $n = shift @ARGV;
open(my $null, '>', '/dev/null') or die;
for my $i (1 .. $n) {
    my $t0 = time;
    my $pid = fork;
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        open(STDOUT, '>&', $null) or die;
        exec(@ARGV) or die "exec: $!";
    }
    waitpid($pid, 0);
    die "run failed: $?\n" if $?;
    printf "%.4f\n", 1000 * (time - $t0);
}
EOF

# record CASE ID STATUS WALL KIB CALL: one run into $work/runs.
record() {
    echo "$*" >>"$work/runs"
    printf '  %-6s %-14s rep %s: %s, %s s wall, %s KiB, stats %s s\n' \
        "$1" "$2" "$rep" "$3" "$4" "$5" "$6" >&2
}

skrun() {
    t=$work/time
    "$TIME" -o "$t" -f '%e %M' "$skc" --between role --levels A,B "$DATA" \
        >"$work/sk.out" 2>"$work/sk.err" ||
        die "sk-compare failed on $DATA: $(cat "$work/sk.err" "$t")"
    read -r secs kib <<EOF
$(tail -n 1 "$t")
EOF
    record case1 sk-compare ok "$secs" "$kib" -
}

# peerrun ID CMD...: one timed peer run; its report goes to $work/ID.out.
peerrun() {
    id=$1
    shift
    t=$work/time
    rc=0
    "$TIME" -o "$t" -f '%e %M' timeout -k 10 "$BENCH_TIMEOUT" "$@" \
        >"$work/$id.out" 2>"$work/$id.err" || rc=$?
    secs=- kib=-
    if [ -s "$t" ]; then
        read -r secs kib <<EOF
$(grep -E '^[0-9.]+ [0-9]+$' "$t" | tail -n 1)
EOF
    fi
    call=$(awk '$1 == "ok" { print $2; exit }' "$work/$id.out")
    if [ "$rc" = 0 ] && [ -n "$call" ]; then
        status=ok
    elif [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
        status=timeout call=-
    else
        status=failed call=-
        { grep -v '^ *$' "$work/$id.err" | tail -n 1; } >"$work/$id.note" || :
    fi
    record case1 "$id" "$status" "$secs" "$kib" "$call"
}

peers1() {
    if [ "$have_r" = 1 ]; then
        peerrun r Rscript "$work/cmp.R" "$DATA"
    fi
    if [ "$have_scipy" = 1 ]; then
        peerrun scipy "$python" "$work/cmp.py" "$DATA"
    fi
}

# Case 2, sk-compare: BENCH_RUNS processes; each run's ms into $work/ms.
skexact() {
    perl "$work/runs.pl" "$BENCH_RUNS" "$skc" --between g --exact "$EXACT" \
        >>"$work/ms" || die "sk-compare --exact failed on $EXACT"
    printf '  %-6s %-14s rep %s: %s runs, median so far %s ms\n' case2 \
        sk-compare "$rep" "$BENCH_RUNS" \
        "$(sort -n "$work/ms" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')" >&2
}
peers2() {
    for which in coin ert; do
        case $which in coin) have=$have_coin ;; *) have=$have_ert ;; esac
        [ "$have" = 1 ] || continue
        line=$(Rscript "$work/exact.R" "$which" "$BENCH_RUNS" "$A_ANS" "$B_ANS" \
            2>"$work/$which.err" | grep '^ok ' || :)
        if [ -n "$line" ]; then
            echo "$which $line" >>"$work/exact-runs"
            printf '  %-6s %-14s rep %s: %s\n' case2 "$which" "$rep" "$line" >&2
        else
            echo "$which failed" >>"$work/exact-runs"
            printf '  %-6s %-14s rep %s: failed: %s\n' case2 "$which" "$rep" \
                "$(tail -n 1 "$work/$which.err")" >&2
        fi
    done
}

echo "sk-compare:  $("$skc" --version | head -n 1)"
if [ "$have_scipy" = 1 ]; then
    echo "SciPy:       $("$python" -c 'import scipy, numpy, sys
try:
    import pandas; p = "pandas " + pandas.__version__
except ImportError:
    p = "no pandas: numpy.genfromtxt"
print("scipy", scipy.__version__, "numpy", numpy.__version__, p, "python", sys.version.split()[0])') ($python)"
else
    echo "SciPy:       not found ($python): skipped"
fi
if [ "$have_r" = 1 ]; then
    echo "R:           $(Rscript -e 'v <- function(p) if (requireNamespace(p, quietly = TRUE)) format(packageVersion(p)) else "missing"; cat(R.version.string, "coin", v("coin"), "exactRankTests", v("exactRankTests"), "\n")' 2>/dev/null)"
else
    echo "R:           no Rscript: skipped"
fi
echo "time:        $("$TIME" --version 2>&1 | head -n 1)" \
    "$(dpkg-query -W -f '(Debian ${Version})' time 2>/dev/null || :)"
echo "machine:     $(nproc) cores, $(uname -sm), $(date -u '+%Y-%m-%d %H:%M UTC')," \
    "load $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "data:        case 1 $BENCH_ROWS rows, seed $SEED; sk-compare $BENCH_REPS" \
    "repetitions, peers $BENCH_PEER_REPS; case 2 $BENCH_RUNS runs a repetition"
echo

: >"$work/runs"
: >"$work/ms"
: >"$work/exact-runs"
cat "$DATA" >/dev/null              # warm the page cache
"$skc" --between g --exact "$EXACT" >"$work/sk-exact.out" ||
    die "sk-compare --exact failed on $EXACT"
reps=$BENCH_REPS
[ "$BENCH_PEER_REPS" -le "$reps" ] || reps=$BENCH_PEER_REPS
rep=1
while [ "$rep" -le "$reps" ]; do
    dopeers=0
    [ "$rep" -gt "$BENCH_PEER_REPS" ] || dopeers=1
    # Interleaved: the peers go first on even repetitions.
    if [ "$dopeers" = 1 ] && [ $((rep % 2)) -eq 0 ]; then
        peers1
        peers2
    fi
    if [ "$rep" -le "$BENCH_REPS" ]; then
        skrun
        skexact
    fi
    if [ "$dopeers" = 1 ] && [ $((rep % 2)) -eq 1 ]; then
        peers1
        peers2
    fi
    rep=$((rep + 1))
done
echo >&2
echo "load at the end: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo

# Equal work, case 1 (untimed): the first item on the full file (t, df, W;
# every p is 0 at this n), and every item on the first AGREE_ROWS
# respondents, where the p values are not 0. "agree": t, df, p within 1e-6
# relative, W equal.
head -n $((AGREE_ROWS + 1)) "$DATA" >"$work/small.csv"
"$skc" --between role --levels A,B "$work/small.csv" >"$work/sk-small.out" ||
    die "sk-compare failed on the first $AGREE_ROWS rows"
: >"$work/r-small.out"
: >"$work/scipy-small.out"
[ "$have_r" = 1 ] &&
    { Rscript "$work/cmp.R" "$work/small.csv" >"$work/r-small.out" 2>&1 || :; }
[ "$have_scipy" = 1 ] &&
    { "$python" "$work/cmp.py" "$work/small.csv" >"$work/scipy-small.out" 2>&1 || :; }
[ -f "$work/r.out" ] || : >"$work/r.out"
[ -f "$work/scipy.out" ] || : >"$work/scipy.out"
agree1() {
    awk -v what="$1" -v first="$2" '
        function abs(v) { return v < 0 ? -v : v }
        function rel(a, b,   m) {
            if (a == "NA" || b == "NA") return 0
            m = abs(a) > abs(b) ? abs(a) : abs(b)
            return m == 0 ? 0 : abs(a - b) / m
        }
        FNR == 1 { fi++ }
        fi == 1 {
            n = split($0, f, "\t")
            if (FNR == 1) { for (i = 1; i <= n; i++) c[f[i]] = i; next }
            v = f[c["variable"]]
            T[v] = f[c["t"]]; D[v] = f[c["df"]]; PT[v] = f[c["p_t"]]
            W[v] = f[c["W"]]; PW[v] = f[c["p_w"]]
            next
        }
        $1 == "ok" { next }
        fi >= 2 && ($1 in T) {
            id = fi == 2 ? "R" : "SciPy"; v = $1; seen[id]++
            e = rel(T[v], $2); if (e > et[id]) et[id] = e
            e = rel(D[v], $3); if (e > ed[id]) ed[id] = e
            e = rel(PT[v], $4); if (e > ept[id]) ept[id] = e
            e = rel(PW[v], $6); if (e > epw[id]) epw[id] = e
            if (W[v] + 0 != $5 + 0) wd[id]++
            if (v == first)
                line[id] = sprintf("  %-9s %-6s t %.12g df %s p_t %.6g W %.1f p_w %.6g", \
                    id, v, $2, ($3 == "NA" ? "-" : sprintf("%.10g", $3)), $4, $5, $6)
        }
        END {
            if (first in T)
                printf "  %-9s %-6s t %.12g df %.10g p_t %.6g W %.1f p_w %.6g\n", \
                    "sk-compare", first, T[first], D[first], PT[first], W[first], PW[first]
            for (k = 1; k <= 2; k++) {
                id = k == 1 ? "R" : "SciPy"
                if (!seen[id]) { printf "  %-9s (no result)\n", id; continue }
                print line[id]
                ok = et[id] <= 1e-6 && ed[id] <= 1e-6 && ept[id] <= 1e-6 && \
                    epw[id] <= 1e-6 && !wd[id]
                printf "  %-9s %d items: max rel diff t %.2g df %.2g p_t %.2g p_w %.2g; W differs on %d: %s\n", \
                    id, seen[id], et[id], ed[id], ept[id], epw[id], wd[id] + 0, \
                    (ok ? "agree" : "DISAGREE")
            }
        }' "$3" "$4" "$5"
}
echo "Agreement, case 1, all $BENCH_ROWS rows (from the timed runs):"
agree1 full q1 "$work/sk.out" "$work/r.out" "$work/scipy.out"
echo "Agreement, case 1, the first $AGREE_ROWS rows (untimed; p values not 0):"
agree1 small q1 "$work/sk-small.out" "$work/r-small.out" "$work/scipy-small.out"
echo

# Equal work, case 2: the exact p (and W) beside coin's and wilcox.exact's.
echo "Agreement, case 2 (a: $A_ANS; b: $B_ANS):"
awk '
    function abs(v) { return v < 0 ? -v : v }
    FNR == 1 { fi++ }
    fi == 1 {
        n = split($0, f, "\t")
        if (FNR == 1) { for (i = 1; i <= n; i++) c[f[i]] = i; next }
        p = f[c["p_w"]]; w = f[c["W"]]; m = f[c["p_w_method"]]
        next
    }
    $2 == "ok" && !($1 in pp) { pp[$1] = $5; ww[$1] = $6 }
    END {
        printf "  %-22s p %.15g W %s (%s)\n", "sk-compare --exact", p, w, m
        split("coin ert", K, " ")
        name["coin"] = "coin::wilcox_test"; name["ert"] = "wilcox.exact"
        for (k = 1; k <= 2; k++) {
            id = K[k]
            if (!(id in pp)) { printf "  %-22s (no result)\n", name[id]; continue }
            ok = abs(pp[id] - p) <= 1e-9 * abs(p) && \
                (ww[id] == "NA" || ww[id] + 0 == w + 0)
            printf "  %-22s p %.15g W %s: %s\n", name[id], pp[id], \
                (ww[id] == "NA" ? "-" : ww[id]), (ok ? "agree (1e-9 relative)" : "DISAGREE")
        }
    }' "$work/sk-exact.out" "$work/exact-runs"
echo

# Medians of the runs, and the ratios.
for id in r scipy; do
    [ -s "$work/$id.note" ] && printf '%s %s\n' "$id" "$(cat "$work/$id.note")"
done >"$work/notes" || :
awk -v speed="$TARGET_SPEED" -v tms="$TARGET_MS" -v notes="$work/notes" \
    -v msf="$work/ms" -v exf="$work/exact-runs" -v pandas="$have_pandas" '
    function median(list,   a, n, i, j, t) {
        n = split(list, a, " ")
        if (n == 0) return ""
        for (i = 2; i <= n; i++)
            for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) {
                t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
            }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    BEGIN {
        while ((getline line < notes) > 0) {
            id = line; sub(/ .*/, "", id); sub(/^[^ ]* /, "", line)
            note[id] = line
        }
    }
    {
        id = $2; runs[id]++
        if ($3 == "ok") {
            ok[id]++; wall[id] = wall[id] " " $4; kib[id] = kib[id] " " $5
            if ($6 != "-") call[id] = call[id] " " $6
        } else
            bad[id] = $3
    }
    function row(id, what) {
        if (!(id in runs)) { printf "%-11s %-34s not run (missing)\n", id, what; return }
        if (ok[id]) {
            W[id] = median(wall[id]); C[id] = median(call[id])
            printf "%-11s %-34s %2d/%-2d %8.2f %8s %9.1f\n", id, what, ok[id], \
                runs[id], W[id], (C[id] == "" ? "-" : sprintf("%.2f", C[id])), \
                median(kib[id]) / 1024
        } else
            printf "%-11s %-34s %2d/%-2d %s\n", id, what, 0, runs[id], bad[id]
        if (id in note) printf "%-11s   %s\n", "", substr(note[id], 1, 100)
    }
    function ratio(label, peer, sk, target) {
        if (peer == "" || sk <= 0) {
            printf "  %-40s %9s\n", label, "-"; return
        }
        r = peer / sk
        printf "  %-40s %9.2f %9s  %s\n", label, r, \
            (target ? ">= " target : ""), (target ? (r >= target ? "met" : "MISSED") : "")
    }
    END {
        print "Case 1: wall seconds (process) and peak RSS"
        printf "%-11s %-34s %-5s %8s %8s %9s\n", "run", "what", "ok", "wall_s", \
            "stats_s", "peak_MiB"
        row("sk-compare", "20 items, all its statistics")
        row("r", "read.csv + t.test + wilcox.test")
        row("scipy", (pandas ? "pandas" : "genfromtxt") " + ttest_ind + mannwhitneyu")
        print "(medians; stats_s: the tests alone, inside R or Python)"
        print ""
        sk = W["sk-compare"]
        printf "  %-40s %9s %9s  %s\n", "throughput ratio (peer s / sk-compare s)", \
            "measured", "target", "result"
        ratio("R whole process / sk-compare", ok["r"] ? W["r"] : "", sk, speed)
        ratio("R statistics alone / sk-compare", ok["r"] ? C["r"] : "", sk, speed)
        ratio("SciPy whole process / sk-compare", ok["scipy"] ? W["scipy"] : "", sk, 0)
        ratio("SciPy statistics alone / sk-compare", ok["scipy"] ? C["scipy"] : "", sk, 0)
        if (ok["r"] && ok["sk-compare"])
            printf "  %-40s %9.3f\n", "peak RSS sk-compare / R", \
                median(kib["sk-compare"]) / median(kib["r"])
        if (ok["scipy"] && ok["sk-compare"])
            printf "  %-40s %9.3f\n", "peak RSS sk-compare / SciPy", \
                median(kib["sk-compare"]) / median(kib["scipy"])
        print ""

        print "Case 2: exact rank-sum test, 13 + 13 answers with ties, ms"
        n = 0; l = ""; s = 0
        while ((getline v < msf) > 0) { l = l " " v; n++; s += v }
        printf "  %-40s %9s %9s\n", "run", "median", "mean"
        if (n) {
            skms = median(l)
            printf "  %-40s %9.2f %9.2f  (%d runs)\n", \
                "sk-compare --exact (a process each)", skms, s / n, n
        }
        name["coin"] = "coin::wilcox_test(exact), a call"
        name["ert"] = "exactRankTests::wilcox.exact, a call"
        short["coin"] = "coin"; short["ert"] = "wilcox.exact"
        while ((getline line < exf) > 0) {
            split(line, f, " ")
            if (f[2] == "ok") { med[f[1]] = med[f[1]] " " f[3]; mean[f[1]] = mean[f[1]] " " f[4] }
            else failed[f[1]] = 1
        }
        split("coin ert", K, " ")
        for (k = 1; k <= 2; k++) {
            id = K[k]
            if (id in med) {
                M[id] = median(med[id])
                printf "  %-40s %9.2f %9.2f\n", name[id], M[id], median(mean[id])
            } else
                printf "  %-40s %s\n", name[id], (id in failed ? "failed" : "not run (missing)")
        }
        print "  (sk-compare: median of its runs, process start included; R: median"
        print "   of batches of 20 calls in one R session, and the mean call)"
        print ""
        if (n)
            printf "  %-40s %9.2f %9s  %s\n", "sk-compare --exact ms a run", skms, \
                "< " tms, (skms < tms ? "met" : "MISSED")
        for (k = 1; k <= 2; k++)
            if (K[k] in M && skms > 0)
                printf "  %-40s %9.2f\n", short[K[k]] " call / sk-compare run", \
                    M[K[k]] / skms
    }' "$work/runs"
echo
echo "Recorded results and how to read them: $top_srcdir/tests/bench/README.md"
