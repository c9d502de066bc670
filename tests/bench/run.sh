#!/bin/sh
# run.sh - 'make bench': runs the benchmark scripts and prints one table.
#
#     make bench                              # every script
#     make bench BENCH='describe freq'        # some of them
#     BENCH_QUICK=1 make bench                # 1% of the rows: a try-out
#     cd build-dir && sh ../tests/bench/run.sh [NAME...]
#
# NAME is describe, freq, alpha, paired, compare, boot or scale (the
# scripts tests/bench/NAME.sh). Each script appends its rows to one file
# (BENCH_TABLE; common.sh); table.awk makes the table, printed and written
# to tests/bench/results.md of the build directory with the date, the
# machine, its load and the commit. A script that fails is reported and
# the others still run; the exit status is then 1.
set -eu

LC_ALL=C
export LC_ALL
: "${top_builddir:=.}"
top_srcdir=$(cd "$(dirname "$0")/../.." && pwd)
top_builddir=$(cd "$top_builddir" && pwd)
export top_builddir
bench_dir=$top_srcdir/tests/bench

[ $# -gt 0 ] || set -- describe freq alpha paired compare boot scale
for name in "$@"; do
    [ -f "$bench_dir/$name.sh" ] ||
        { echo "run.sh: no benchmark '$name' (describe, freq, alpha, paired, compare, boot, scale)" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/sk-bench-run.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
BENCH_TABLE=$work/table
export BENCH_TABLE
: >"$BENCH_TABLE"

load() { cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?'; }
commit=$(git -C "$top_srcdir" describe --always --dirty 2>/dev/null || echo '?')
start=$(date +%s)
load0=$(load)
status=0
for name in "$@"; do
    echo "== $name.sh ($(date -u '+%H:%M:%S UTC'), load $(load))" >&2
    t0=$(date +%s)
    if sh "$bench_dir/$name.sh" >&2; then
        printf 'I\t%s.sh took %s s\n' "$name" $(($(date +%s) - t0)) >>"$BENCH_TABLE"
    else
        status=1
        printf 'I\t%s.sh FAILED (exit status above); its rows may be missing\n' \
            "$name" >>"$BENCH_TABLE"
    fi
done

out=$top_builddir/tests/bench/results.md
mkdir -p "$(dirname "$out")"
{
    echo "# surveykit benchmarks"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit;" \
        "$(env -u OMP_NUM_THREADS nproc) cores, $(uname -sm)," \
        "$(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
        "load average $load0 at the start, $(load) at the end;" \
        "$(($(date +%s) - start)) s in all." \
        "Scale ${BENCH_SCALE:-$( [ "${BENCH_QUICK:-0}" = 1 ] && echo 0.01 || echo 1)}," \
        "${BENCH_REPS:-3} interleaved runs of each tool, medians (seconds by wall clock," \
        "MiB of peak RSS); 'x floor' = surveykit's time / the libcsv parse of the same file;" \
        "'peer/sk' = the peer's time / surveykit's."
    echo
    awk -f "$bench_dir/table.awk" "$BENCH_TABLE"
} >"$out"
cat "$out"
echo >&2
echo "run.sh: written to $out" >&2
exit "$status"
