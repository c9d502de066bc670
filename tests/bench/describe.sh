#!/bin/sh
# describe.sh - benchmark sk-describe against GNU datamash.
#
# Run by 'make bench' from the build directory, or by hand:
#     cd build-dir && sh ../tests/bench/describe.sh
# Environment:
#     top_builddir  the build directory (default: the current directory)
#     BENCH_REPS    repetitions of each run (default 3)
#     BENCH_ROWS    rows of each data set (default 5000000)
#
# Measures wall seconds and peak RSS (GNU time's %e and %M) of
#     sk-describe -c x,y FILE
#     datamash -t, -H mean 1 sstdev 1 median 1 q1 1 q3 1 \
#                     mean 2 sstdev 2 median 2 q1 2 q3 2 < FILE
# on a continuous and a Likert data set made by gendata, interleaved, and
# prints the medians with the throughput ratio (datamash time / sk-describe
# time, target >= 5) and the memory ratio (sk-describe peak / datamash
# peak, target < 0.5). A missed target is reported, not an error: the
# script fails only when it cannot set up or run the measurement.
set -eu

LC_ALL=C
export LC_ALL

: "${top_builddir:=.}"
: "${BENCH_REPS:=3}"
: "${BENCH_ROWS:=5000000}"
SEED=20240601
TIME=/usr/bin/time
TARGET_SPEED=5
TARGET_MEM=0.5

die() {
    echo "describe.sh: $*" >&2
    exit 1
}

case $BENCH_REPS in
    '' | *[!0-9]* | 0) die "BENCH_REPS must be a positive integer: '$BENCH_REPS'" ;;
esac
case $BENCH_ROWS in
    '' | *[!0-9]* | 0) die "BENCH_ROWS must be a positive integer: '$BENCH_ROWS'" ;;
esac

# The source dir from this script's place (tests/bench/describe.sh).
top_srcdir=$(cd "$(dirname "$0")/../.." && pwd)
top_builddir=$(cd "$top_builddir" && pwd)
skd=$top_builddir/src/sk-describe
gendata=$top_builddir/tests/bench/gendata

# The programs: build them when run by hand in a configured build dir.
if [ ! -x "$skd" ] || [ ! -x "$gendata" ]; then
    if [ -f "$top_builddir/Makefile" ]; then
        echo "Building sk-describe and gendata in $top_builddir ..." >&2
        make -C "$top_builddir" src/sk-describe tests/bench/gendata >&2 ||
            die "cannot build the programs"
    fi
fi
[ -x "$skd" ] || die "no $skd: run 'make bench' in a configured build dir"
[ -x "$gendata" ] || die "no $gendata: run 'make bench' in a configured build dir"

# The peers: GNU datamash and GNU time, from Debian's packages.
have_time() {
    [ -x "$TIME" ] && "$TIME" -f '%e %M' -o /dev/null true 2>/dev/null
}
need=
command -v datamash >/dev/null 2>&1 || need="$need datamash"
have_time || need="$need time"
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
command -v datamash >/dev/null 2>&1 || die "datamash is not installed"
have_time || die "$TIME is not GNU time"

DM_OPS="mean 1 sstdev 1 median 1 q1 1 q3 1 mean 2 sstdev 2 median 2 q1 2 q3 2"
# shellcheck disable=SC2086
printf 'x,y\n1,2\n3,4\n' | datamash -t, -H $DM_OPS >/dev/null 2>&1 ||
    die "this datamash lacks one of the operations: $DM_OPS"

work=$(mktemp -d "${TMPDIR:-/tmp}/sk-bench.XXXXXX") || die "no mktemp"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The data, made once and kept in the build dir (not in git).
datadir=$top_builddir/tests/bench/data
mkdir -p "$datadir"
KINDS="continuous likert"
for kind in $KINDS; do
    f=$datadir/$kind-$BENCH_ROWS-s$SEED.csv
    if [ ! -s "$f" ]; then
        echo "Making $f ..." >&2
        "$gendata" "$BENCH_ROWS" "$SEED" "$kind" >"$f.tmp" ||
            { rm -f "$f.tmp"; die "gendata failed"; }
        mv "$f.tmp" "$f"
    fi
done

# run TOOL FILE OUT: one timed run; appends "TOOL KIND SECONDS KIB" to
# $work/runs.
run() {
    tool=$1 file=$2 out=$3
    t=$work/time
    case $tool in
        sk-describe)
            "$TIME" -o "$t" -f '%e %M' "$skd" -c x,y "$file" >"$out" ||
                die "sk-describe failed on $file: $(cat "$t")" ;;
        datamash)
            # shellcheck disable=SC2086
            "$TIME" -o "$t" -f '%e %M' datamash -t, -H $DM_OPS <"$file" \
                >"$out" || die "datamash failed on $file: $(cat "$t")" ;;
    esac
    read -r secs kib <<EOF
$(tail -n 1 "$t")
EOF
    echo "$tool $kind $secs $kib" >>"$work/runs"
    printf '  %-11s %-10s rep %s: %s s, %s KiB\n' "$tool" "$kind" "$rep" \
        "$secs" "$kib" >&2
}

echo "sk-describe: $("$skd" --version | head -n 1)"
echo "datamash:    $(datamash --version | head -n 1)"
echo "time:        $("$TIME" --version 2>&1 | head -n 1)" \
    "$(dpkg-query -W -f '(Debian ${Version})' time 2>/dev/null || :)"
echo "machine:     $(nproc) cores, $(uname -sm), $(date -u '+%Y-%m-%d %H:%M UTC')," \
    "load $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "data:        $BENCH_ROWS rows each, seed $SEED; $BENCH_REPS repetitions"
echo

: >"$work/runs"
for kind in $KINDS; do
    # Warm the page cache so that no tool pays for the first read.
    cat "$datadir/$kind-$BENCH_ROWS-s$SEED.csv" >/dev/null
done
rep=1
while [ "$rep" -le "$BENCH_REPS" ]; do
    for kind in $KINDS; do
        f=$datadir/$kind-$BENCH_ROWS-s$SEED.csv
        # Interleaved, and which tool goes first alternates.
        if [ $((rep % 2)) -eq 1 ]; then
            run sk-describe "$f" "$work/sk-$kind.out"
            run datamash "$f" "$work/dm-$kind.out"
        else
            run datamash "$f" "$work/dm-$kind.out"
            run sk-describe "$f" "$work/sk-$kind.out"
        fi
    done
    rep=$((rep + 1))
done
echo >&2

# Equal work: both tools' mean and median of x must agree.
# sk-describe: a header row, then one row per variable (tab-separated).
# datamash -H: a header row of op(x) names, then one row of values.
check() {
    kind=$1
    awk -v kind="$kind" '
        # sk-describe writes tabs, datamash -t, commas.
        { n = split($0, f, FILENAME == dm ? "," : "\t") }
        FNR == 1 { for (i = 1; i <= n; i++) col[FILENAME, f[i]] = i; next }
        FILENAME == sk && f[1] == "x" {
            skmean = f[col[sk, "mean"]]; skmed = f[col[sk, "median"]] }
        FILENAME == dm {
            dmmean = f[col[dm, "mean(x)"]]; dmmed = f[col[dm, "median(x)"]] }
        function agree(a, b,   d, m) {
            d = a - b; if (d < 0) d = -d
            m = a < 0 ? -a : a; if (b > m) m = b; if (-b > m) m = -b
            return d <= 1e-9 * m
        }
        END {
            ok = skmean != "" && dmmean != "" && skmed != "" && dmmed != "" &&
                agree(skmean, dmmean) && agree(skmed, dmmed)
            printf("%-10s x mean %s vs %s, median %s vs %s: %s\n", kind,
                skmean, dmmean, skmed, dmmed,
                (ok ? "agree (1e-9 relative)" : "DISAGREE"))
        }' sk="$work/sk-$kind.out" dm="$work/dm-$kind.out" \
        "$work/sk-$kind.out" "$work/dm-$kind.out"
}
echo "Agreement (sk-describe vs datamash):"
for kind in $KINDS; do
    check "$kind"
done
echo

# Medians of the runs, and the ratios.
awk -v speed="$TARGET_SPEED" -v mem="$TARGET_MEM" -v kinds="$KINDS" '
    function median(list,   a, n, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++)           # insertion sort, n is small
            for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) {
                t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
            }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { secs[$1, $2] = secs[$1, $2] " " $3; kib[$1, $2] = kib[$1, $2] " " $4 }
    END {
        nk = split(kinds, K, " ")
        printf "%-12s %-11s %10s %10s\n", "tool", "dataset", "median_s", \
            "peak_MiB"
        for (k = 1; k <= nk; k++)
            for (t = 1; t <= 2; t++) {
                tool = t == 1 ? "sk-describe" : "datamash"
                s[tool, K[k]] = median(secs[tool, K[k]])
                m[tool, K[k]] = median(kib[tool, K[k]]) / 1024
                printf "%-12s %-11s %10.2f %10.1f\n", tool, K[k], \
                    s[tool, K[k]], m[tool, K[k]]
            }
        printf "\n%-11s %-28s %-28s\n", "dataset", \
            "throughput dm/sk (>= " speed ")", "memory sk/dm (< " mem ")"
        for (k = 1; k <= nk; k++) {
            sk = s["sk-describe", K[k]]; dm = s["datamash", K[k]]
            mr = m["sk-describe", K[k]] / m["datamash", K[k]]
            # %e has 10 ms resolution: a 0.00 s run gives no ratio.
            if (sk > 0 && dm > 0) {
                tr = dm / sk
                trs = sprintf("%7.2f  %-19s", tr,
                    (tr >= speed ? "met" : "MISSED"))
            } else
                trs = sprintf("%7s  %-19s", "n/a", "(runs under 10 ms)")
            printf("%-11s %s %7.3f  %s\n", K[k], trs, mr,
                (mr < mem ? "met" : "MISSED"))
        }
    }' "$work/runs"
echo
echo "Recorded results and how to read them: $top_srcdir/tests/bench/README.md"
