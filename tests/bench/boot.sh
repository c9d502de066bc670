#!/bin/sh
# boot.sh - benchmark sk-boot against SciPy's and R's bootstrap.
#
# Run by 'make bench' from the build directory, or by hand:
#     cd build-dir && sh ../tests/bench/boot.sh
# Environment:
#     top_builddir      the build directory (default: the current directory)
#     BENCH_REPS        repetitions of each sk-boot run (default 3)
#     BENCH_PEER_REPS   repetitions of each SciPy and R run (default 1)
#     BENCH_QUICK       1: sk-boot alone, without the slow peers (default 0)
#     BENCH_TIMEOUT     seconds allowed to each peer run (default 900)
#     BENCH_BCA_TIMEOUT seconds allowed to R's BCa jackknife (default 300)
#     BENCH_PEER_MEM    address-space cap of each peer run in MiB (default:
#                       20480, or 90% of MemAvailable when that is less)
#     BENCH_PYTHON      a python3 with SciPy (default: /usr/bin/python3, or
#                       the first python3 in PATH that imports scipy)
#
# Case 1, n = 100,000 Likert codes (1..5), B = 10,000:
#     sk-boot -c x -s mean -m bca -B 10000 FILE
#     scipy.stats.bootstrap((x,), np.mean, method=M, n_resamples=10000,
#                           vectorized=True), M = percentile, then BCa
#     R: boot(x, function(d, i) mean(d[i]), R = 10000) with
#        boot.ci(type = "perc"), then, timed apart, the jackknife
#        empinf(type = "jack") and boot.ci(type = "bca")
#   target: sk-boot's BCa in under 1% of SciPy's percentile time.
# Case 2, n = 1,000,000 continuous values, B = 10,000 (sk-boot alone):
#     sk-boot -c x -s mean -m percentile -B 10000 FILE
#   targets: under 30 s wall, peak RSS under 200 MiB.
# GNU time gives each process's wall seconds and peak RSS; the peers also
# report the time of the bootstrap call itself (without starting Python or
# R and reading the file), and the ratio uses that. A peer that runs out
# of memory or time is reported as such. A missed target is printed, not
# an error: the script fails only when it cannot set up or run the
# measurement (a tool missing that cannot be installed, sk-boot failing).
set -eu

LC_ALL=C
export LC_ALL

: "${top_builddir:=.}"
: "${BENCH_REPS:=3}"
: "${BENCH_PEER_REPS:=1}"
: "${BENCH_QUICK:=0}"
: "${BENCH_TIMEOUT:=900}"
: "${BENCH_BCA_TIMEOUT:=300}"
: "${BENCH_PEER_MEM:=}"
: "${BENCH_PYTHON:=}"
SEED=20240601
B=10000
N_LIKERT=100000
N_CONT=1000000
TIME=/usr/bin/time
TARGET_RATIO=0.01       # sk-boot BCa / SciPy percentile
TARGET_SECS=30          # continuous 1M percentile wall seconds
TARGET_MIB=200          # and its peak RSS

die() {
    echo "boot.sh: $*" >&2
    exit 1
}

posint() {
    case $2 in
        '' | *[!0-9]* | 0) die "$1 must be a positive integer: '$2'" ;;
    esac
}
posint BENCH_REPS "$BENCH_REPS"
posint BENCH_PEER_REPS "$BENCH_PEER_REPS"
posint BENCH_TIMEOUT "$BENCH_TIMEOUT"
posint BENCH_BCA_TIMEOUT "$BENCH_BCA_TIMEOUT"
[ -z "$BENCH_PEER_MEM" ] || posint BENCH_PEER_MEM "$BENCH_PEER_MEM"
case $BENCH_QUICK in
    0 | 1) ;;
    *) die "BENCH_QUICK must be 0 or 1: '$BENCH_QUICK'" ;;
esac

# The source dir from this script's place (tests/bench/boot.sh).
top_srcdir=$(cd "$(dirname "$0")/../.." && pwd)
top_builddir=$(cd "$top_builddir" && pwd)
skb=$top_builddir/src/sk-boot
gendata=$top_builddir/tests/bench/gendata

# The programs: build them when run by hand in a configured build dir.
if [ ! -x "$skb" ] || [ ! -x "$gendata" ]; then
    if [ -f "$top_builddir/Makefile" ]; then
        echo "Building sk-boot and gendata in $top_builddir ..." >&2
        make -C "$top_builddir" src/sk-boot tests/bench/gendata >&2 ||
            die "cannot build the programs"
    fi
fi
[ -x "$skb" ] || die "no $skb: run 'make bench' in a configured build dir"
[ -x "$gendata" ] || die "no $gendata: run 'make bench' in a configured build dir"

# The peers: GNU time, R with boot, Python 3 with SciPy (Debian packages).
have_time() {
    [ -x "$TIME" ] && "$TIME" -f '%e %M' -o /dev/null true 2>/dev/null
}
have_rboot() {
    command -v Rscript >/dev/null 2>&1 &&
        Rscript -e 'suppressMessages(library(boot))' >/dev/null 2>&1
}
find_python() {
    if [ -n "$BENCH_PYTHON" ]; then
        echo "$BENCH_PYTHON"
        return 0
    fi
    # /usr/bin/python3 first: a pyenv or venv python3 earlier in PATH
    # usually lacks Debian's python3-scipy.
    for p in /usr/bin/python3 $(command -v python3 2>/dev/null || :); do
        if [ -x "$p" ] && "$p" -c 'import scipy.stats' >/dev/null 2>&1; then
            echo "$p"
            return 0
        fi
    done
    return 1
}
need=
have_time || need="$need time"
command -v timeout >/dev/null 2>&1 || need="$need coreutils"
if [ "$BENCH_QUICK" = 0 ]; then
    command -v Rscript >/dev/null 2>&1 || need="$need r-base-core"
    have_rboot || need="$need r-cran-boot"
    find_python >/dev/null || need="$need python3-scipy"
fi
if [ -n "$need" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        sudo=
    elif command -v sudo >/dev/null 2>&1; then
        sudo=sudo
    else
        die "need the Debian packages:$need (not root, and no sudo)"
    fi
    echo "Installing:$need" >&2
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086
    $sudo apt-get install -y $need >&2 ||
        { $sudo apt-get update >&2 && $sudo apt-get install -y $need >&2; } ||
        die "cannot install:$need"
fi
have_time || die "$TIME is not GNU time"
command -v timeout >/dev/null 2>&1 || die "no timeout (coreutils)"
if [ "$BENCH_QUICK" = 0 ]; then
    have_rboot || die "R's boot package is not installed"
    python=$(find_python) || die "no python3 with scipy (set BENCH_PYTHON)"
    "$python" -c 'import scipy.stats' >/dev/null 2>&1 ||
        die "$python cannot import scipy.stats"
fi

# The peers' memory cap: SciPy asks for all B x n resample indexes at
# once (16 GiB here) and, for BCa, for an n x (n - 1) jackknife array.
if [ -z "$BENCH_PEER_MEM" ]; then
    BENCH_PEER_MEM=20480
    avail=$(awk '/^MemAvailable:/ { printf "%d", $2 * 0.9 / 1024 }' \
        /proc/meminfo 2>/dev/null || :)
    if [ -n "$avail" ] && [ "$avail" -lt "$BENCH_PEER_MEM" ]; then
        BENCH_PEER_MEM=$avail
    fi
fi

# ulimit -v is not POSIX, but dash, bash, busybox and ksh have it.
# shellcheck disable=SC3045
if [ "$BENCH_QUICK" = 0 ] && ! (ulimit -v $((BENCH_PEER_MEM * 1024))) 2>/dev/null
then
    die "this shell cannot cap the peers' memory (ulimit -v): run it with dash or bash, or BENCH_QUICK=1"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/sk-bench.XXXXXX") || die "no mktemp"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The data, made once and kept in the build dir (not in git): column x of
# gendata's files.
datadir=$top_builddir/tests/bench/data
mkdir -p "$datadir"
LIKERT=$datadir/likert-$N_LIKERT-s$SEED-x.csv
CONT=$datadir/continuous-$N_CONT-s$SEED-x.csv
make_data() {
    f=$1 rows=$2 kind=$3
    [ -s "$f" ] && return 0
    echo "Making $f ..." >&2
    "$gendata" "$rows" "$SEED" "$kind" >"$work/gen.csv" ||
        die "gendata failed"
    cut -d, -f1 "$work/gen.csv" >"$f.tmp" || { rm -f "$f.tmp"; die "cut failed"; }
    mv "$f.tmp" "$f"
    rm -f "$work/gen.csv"
}
make_data "$LIKERT" "$N_LIKERT" likert
make_data "$CONT" "$N_CONT" continuous

# The peers' programs. Each prints one line:
#     ok CALL_SECONDS ESTIMATE LO HI   or   oom CALL_SECONDS MESSAGE
cat >"$work/sk_bench_scipy.py" <<'EOF'
import sys, time
import numpy as np
import scipy.stats
path, method, B, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
x = np.loadtxt(path, skiprows=1, delimiter=",")
t = time.perf_counter()
try:
    r = scipy.stats.bootstrap((x,), np.mean, method=method, n_resamples=B,
                              vectorized=True, random_state=seed)
except MemoryError as e:
    print("oom %.3f %s" % (time.perf_counter() - t, " ".join(str(e).split())))
    sys.exit(0)
t = time.perf_counter() - t
ci = r.confidence_interval
print("ok %.3f %.17g %.17g %.17g" % (t, x.mean(), ci.low, ci.high))
EOF
# boot() and the percentile interval; saves the boot object for the BCa.
cat >"$work/rboot.R" <<'EOF'
suppressMessages(library(boot))
a <- commandArgs(TRUE)
x <- scan(a[1], skip = 1, quiet = TRUE)
set.seed(as.integer(a[4]))
t <- system.time({
    b <- boot(x, function(d, i) mean(d[i]), R = as.integer(a[3]))
    ci <- boot.ci(b, type = "perc")
})[["elapsed"]]
saveRDS(b, a[2])
cat(sprintf("ok %.3f %.17g %.17g %.17g\n", t, b$t0, ci$percent[4],
            ci$percent[5]))
EOF
# The BCa from the saved boot object: jackknife influence values (n calls
# of the statistic on n - 1 values), then the interval, as the issue timed
# it. (Without L, boot.ci would use empinf's default for a boot object,
# "reg": a regression of the replicates on the B x n frequency array.)
cat >"$work/rbca.R" <<'EOF'
suppressMessages(library(boot))
a <- commandArgs(TRUE)
b <- readRDS(a[1])
t <- system.time({
    L <- empinf(b, type = "jack")
    ci <- boot.ci(b, type = "bca", L = L)
})[["elapsed"]]
cat(sprintf("ok %.3f %.17g %.17g %.17g\n", t, b$t0, ci$bca[4], ci$bca[5]))
EOF

# record ID STATUS WALL KIB USER CALL SYS: one run into $work/runs.
record() {
    echo "$*" >>"$work/runs"
    printf '  %-16s rep %s: %s, %s s wall, %s KiB, %s s user, %s s sys, call %s s\n' \
        "$1" "$rep" "$2" "$3" "$4" "$5" "$7" "$6" >&2
}

# skrun ID METHOD FILE: one timed sk-boot run.
skrun() {
    id=$1 method=$2 file=$3
    t=$work/time
    "$TIME" -o "$t" -f '%e %M %U %S' "$skb" -c x -s mean -m "$method" \
        -B "$B" "$file" >"$work/$id.out" 2>"$work/$id.err" ||
        die "sk-boot failed on $file: $(cat "$work/$id.err" "$t")"
    read -r secs kib user sys <<EOF
$(tail -n 1 "$t")
EOF
    record "$id" ok "$secs" "$kib" "$user" - "$sys"
}

# peerrun ID TIMEOUT CMD...: one timed peer run under the memory cap and a
# timeout; its one-line report goes to $work/ID.out.
peerrun() {
    id=$1 limit=$2
    shift 2
    t=$work/time
    rc=0
    (
        # shellcheck disable=SC3045
        ulimit -v $((BENCH_PEER_MEM * 1024))
        exec "$TIME" -o "$t" -f '%e %M %U %S' timeout -k 10 "$limit" "$@"
    ) >"$work/$id.out" 2>"$work/$id.err" || rc=$?
    secs=- kib=- user=- sys=-
    if [ -s "$t" ]; then
        read -r secs kib user sys <<EOF
$(grep -E '^[0-9.]+ [0-9]+ [0-9.]+ [0-9.]+$' "$t" | tail -n 1)
EOF
    fi
    line=$(grep -E '^(ok|oom) ' "$work/$id.out" | tail -n 1 || :)
    call=$(echo "$line" | awk '{ print $2 }')
    case $rc:$line in
        0:ok\ *) status=ok ;;
        0:oom\ *) status=oom
            echo "$line" | cut -d ' ' -f 3- >"$work/$id.note" ;;
        124:* | 137:*) status=timeout call=$limit ;;
        *)
            if grep -q 'MemoryError\|cannot allocate\|Cannot allocate' \
                "$work/$id.err"; then
                status=oom
            else
                status=failed
            fi
            # the error's own line (R: "Error: cannot allocate ..."),
            # else the last line
            { grep -E -m 1 'Error|error:|cannot allocate' "$work/$id.err" ||
                grep -v '^ *$' "$work/$id.err" | tail -n 1; } \
                >"$work/$id.note" || : ;;
    esac
    [ -n "$call" ] || call=-
    record "$id" "$status" "$secs" "$kib" "$user" "$call" "$sys"
}

peers() {
    peerrun scipy-perc "$BENCH_TIMEOUT" "$python" "$work/sk_bench_scipy.py" \
        "$LIKERT" percentile "$B" "$SEED"
    peerrun scipy-bca "$BENCH_TIMEOUT" "$python" "$work/sk_bench_scipy.py" \
        "$LIKERT" BCa "$B" "$SEED"
    rm -f "$work/boot.rds"
    peerrun r-boot-perc "$BENCH_TIMEOUT" Rscript "$work/rboot.R" \
        "$LIKERT" "$work/boot.rds" "$B" "$SEED"
    if [ -s "$work/boot.rds" ]; then
        peerrun r-bca-jack "$BENCH_BCA_TIMEOUT" Rscript "$work/rbca.R" \
            "$work/boot.rds"
    else
        record r-bca-jack skipped - - - - -
        echo "no boot object: boot() did not finish" >"$work/r-bca-jack.note"
    fi
}

echo "sk-boot:     $("$skb" --version | head -n 1), $(nproc) threads"
if [ "$BENCH_QUICK" = 0 ]; then
    echo "SciPy:       $("$python" -c 'import scipy, numpy, sys; print("scipy", scipy.__version__, "numpy", numpy.__version__, "python", sys.version.split()[0])') ($python)"
    echo "R:           $(Rscript -e 'cat(R.version.string, "boot", format(packageVersion("boot")), "\n")' 2>/dev/null)"
    echo "peers:       at most ${BENCH_PEER_MEM} MiB of address space (ulimit -v)," \
        "$BENCH_TIMEOUT s each, R's BCa $BENCH_BCA_TIMEOUT s"
else
    echo "peers:       skipped (BENCH_QUICK=1)"
fi
echo "time:        $("$TIME" --version 2>&1 | head -n 1)" \
    "$(dpkg-query -W -f '(Debian ${Version})' time 2>/dev/null || :)"
echo "machine:     $(nproc) cores, $(uname -sm), $(date -u '+%Y-%m-%d %H:%M UTC')," \
    "load $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "data:        seed $SEED; B = $B; sk-boot $BENCH_REPS repetitions," \
    "peers $BENCH_PEER_REPS"
echo

: >"$work/runs"
cat "$LIKERT" "$CONT" >/dev/null      # warm the page cache
reps=$BENCH_REPS
[ "$BENCH_QUICK" = 1 ] || [ "$BENCH_PEER_REPS" -le "$reps" ] ||
    reps=$BENCH_PEER_REPS
rep=1
while [ "$rep" -le "$reps" ]; do
    dopeers=0
    [ "$BENCH_QUICK" = 1 ] || [ "$rep" -gt "$BENCH_PEER_REPS" ] || dopeers=1
    # Interleaved: the peers go first on even repetitions.
    if [ "$dopeers" = 1 ] && [ $((rep % 2)) -eq 0 ]; then
        peers
    fi
    if [ "$rep" -le "$BENCH_REPS" ]; then
        skrun sk-bca-likert bca "$LIKERT"
        skrun sk-perc-cont percentile "$CONT"
    fi
    if [ "$dopeers" = 1 ] && [ $((rep % 2)) -eq 1 ]; then
        peers
    fi
    rep=$((rep + 1))
done
echo >&2
echo "load at the end: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo

# Equal work (untimed): sk-boot's percentile and BCa intervals of the
# Likert mean beside the peers'. The generators differ, so the ends differ
# by Monte Carlo error (about 1% of the width at B = 10,000).
"$skb" -c x -s mean -m percentile,bca -B "$B" "$LIKERT" >"$work/sk-both.out" ||
    die "sk-boot failed on $LIKERT"
for id in scipy-perc scipy-bca r-boot-perc r-bca-jack; do
    [ -f "$work/$id.out" ] || : >"$work/$id.out"
done
echo "Agreement on the Likert mean (n $N_LIKERT, B $B; ends within 5% of the width):"
awk -v skf="$work/sk-both.out" '
    FILENAME == skf {
        n = split($0, f, "\t")
        if (FNR == 1) { for (i = 1; i <= n; i++) col[f[i]] = i; next }
        m = f[col["method"]]
        est = f[col["estimate"]]; lo[m] = f[col["lo"]]; hi[m] = f[col["hi"]]
        next
    }
    FNR == 1 {
        id = FILENAME; sub(/.*\//, "", id); sub(/\.out$/, "", id)
        name[id] = id; order[++nid] = id
    }
    $1 == "ok" { pe[id] = $3; pl[id] = $4; ph[id] = $5 }
    function abs(v) { return v < 0 ? -v : v }
    END {
        printf "  %-12s %-10s %-18s %-14s %-14s\n", "tool", "method", \
            "estimate", "lo", "hi"
        split("percentile bca", M, " ")
        for (k = 1; k <= 2; k++)
            if (M[k] in lo)
                printf "  %-12s %-10s %-18.10g %-14.8g %-14.8g\n", "sk-boot", \
                    M[k], est, lo[M[k]], hi[M[k]]
        for (k = 1; k <= nid; k++) {
            id = order[k]
            m = id ~ /perc/ ? "percentile" : "bca"
            if (!(id in pl)) {
                printf "  %-12s %-10s (no interval)\n", id, m
                continue
            }
            w = hi[m] - lo[m]
            ok = abs(pe[id] - est) <= 1e-9 * abs(est) && \
                abs(pl[id] - lo[m]) <= 0.05 * w && abs(ph[id] - hi[m]) <= 0.05 * w
            printf "  %-12s %-10s %-18.10g %-14.8g %-14.8g %s\n", id, m, \
                pe[id], pl[id], ph[id], (ok ? "agree" : "DIFFER")
        }
    }' "$work/sk-both.out" "$work/scipy-perc.out" "$work/scipy-bca.out" \
    "$work/r-boot-perc.out" "$work/r-bca-jack.out"
echo

# Medians of the runs, and the ratios.
for id in scipy-perc scipy-bca r-boot-perc r-bca-jack; do
    [ -s "$work/$id.note" ] && printf '%s %s\n' "$id" "$(cat "$work/$id.note")"
done >"$work/notes" || :
awk -v ratio="$TARGET_RATIO" -v tsecs="$TARGET_SECS" -v tmib="$TARGET_MIB" \
    -v quick="$BENCH_QUICK" -v notes="$work/notes" '
    function median(list,   a, n, i, j, t) {
        n = split(list, a, " ")
        if (n == 0) return ""
        for (i = 2; i <= n; i++)           # insertion sort, n is small
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
        id = $1; runs[id]++
        if ($2 == "ok") {
            ok[id]++
            wall[id] = wall[id] " " $3; kib[id] = kib[id] " " $4
            user[id] = user[id] " " $5; sys[id] = sys[id] " " $7
            if ($6 != "-") call[id] = call[id] " " $6
        } else {
            bad[id] = $2; badcall[id] = $6; badkib[id] = $4
        }
    }
    function row(id, what,   s) {
        if (!(id in runs)) return
        if (ok[id]) {
            W[id] = median(wall[id]); C[id] = median(call[id])
            printf "%-14s %-30s %2d/%-2d %8.2f %8s %8.2f %7.2f %9.1f\n", \
                id, what, ok[id], runs[id], W[id], \
                (C[id] == "" ? "-" : sprintf("%.2f", C[id])), \
                median(user[id]), median(sys[id]), median(kib[id]) / 1024
        } else {
            s = bad[id] == "oom" ? "failed: out of memory" : \
                bad[id] == "timeout" ? "timeout" : bad[id]
            if (badcall[id] != "-" && bad[id] != "skipped")
                s = s sprintf(" after %s s", badcall[id])
            if (badkib[id] != "-" && bad[id] == "oom")
                s = s sprintf(" (peak %.1f MiB)", badkib[id] / 1024)
            printf "%-14s %-30s %2d/%-2d %s\n", id, what, 0, runs[id], s
        }
        if (id in note)
            printf "%-14s   %s\n", "", substr(note[id], 1, 100)
    }
    END {
        printf "%-14s %-30s %-5s %8s %8s %8s %7s %9s\n", "run", "what", "ok", \
            "wall_s", "call_s", "user_s", "sys_s", "peak_MiB"
        row("sk-bca-likert", "likert 100k, BCa")
        row("scipy-perc", "likert 100k, percentile")
        row("scipy-bca", "likert 100k, BCa")
        row("r-boot-perc", "likert 100k, boot()+perc")
        row("r-bca-jack", "likert 100k, BCa jackknife+ci")
        row("sk-perc-cont", "continuous 1M, percentile")
        print "(medians; call_s: the bootstrap call alone, inside Python or R)"

        print ""
        printf "%-44s %12s %12s  %s\n", "target", "measured", "target", "result"
        sk = W["sk-bca-likert"]
        if (quick) {
            printf "%-44s %12s %12s  %s\n", "likert: sk-boot BCa / SciPy percentile", \
                "-", "< " ratio, "(not run: BENCH_QUICK=1)"
        } else if (ok["scipy-perc"] && C["scipy-perc"] > 0) {
            if (sk > 0) {
                r = sk / C["scipy-perc"]
                printf "%-44s %12.5f %12s  %s\n", \
                    "likert: sk-boot BCa / SciPy percentile", r, "< " ratio, \
                    (r < ratio ? "met" : "MISSED")
            } else {
                r = 0.01 / C["scipy-perc"]
                printf "%-44s %12s %12s  %s\n", \
                    "likert: sk-boot BCa / SciPy percentile", \
                    sprintf("< %.5f", r), "< " ratio, \
                    (r < ratio ? "met (sk-boot under 10 ms)" : "?")
            }
        } else
            printf "%-44s %12s %12s  %s\n", "likert: sk-boot BCa / SciPy percentile", \
                "-", "< " ratio, "(SciPy percentile did not finish)"
        w = W["sk-perc-cont"]; m = median(kib["sk-perc-cont"]) / 1024
        printf "%-44s %12.2f %12s  %s\n", "continuous 1M: sk-boot percentile wall s", \
            w, "< " tsecs, (w < tsecs ? "met" : "MISSED")
        printf "%-44s %12.1f %12s  %s\n", "continuous 1M: sk-boot peak MiB", \
            m, "< " tmib, (m < tmib ? "met" : "MISSED")
        if (!quick && sk > 0 && (ok["scipy-perc"] || ok["r-boot-perc"] || \
            ok["r-bca-jack"])) {
            print ""
            print "Other ratios (no target): peer time / sk-boot BCa wall"
            if (ok["scipy-perc"])
                printf "  SciPy percentile call   %10.0f x\n", C["scipy-perc"] / sk
            if (ok["r-boot-perc"])
                printf "  R boot()+perc call      %10.0f x\n", C["r-boot-perc"] / sk
            if (ok["r-bca-jack"])
                printf "  R BCa jackknife+ci call %10.0f x\n", C["r-bca-jack"] / sk
        }
    }' "$work/runs"
echo
echo "Recorded results and how to read them: $top_srcdir/tests/bench/README.md"
