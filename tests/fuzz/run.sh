#!/bin/sh
# run.sh - build the fuzz harnesses with clang's libFuzzer and run each.
#
#   tests/fuzz/run.sh SECONDS [HARNESS...]
#
# Default: every harness (csvin input numparse codebook colsel cli), one
# after the other, SECONDS each. 'make fuzz' runs it with the build's
# flags; run by hand, set top_builddir to a configured build directory
# (default: build). Everything goes under $top_builddir/tests/fuzz/:
#   libfuzzer/fuzz-NAME   the harness binaries (ASan and UBSan)
#   corpus/NAME/          the corpus, seeded from the test suite and kept
#                         between runs (tests/fuzz/seeds.sh)
#   findings/NAME/        inputs that crashed, hung or failed an invariant
#   logs/NAME.log         libFuzzer's log; one summary line per harness is
#                         printed (executions, corpus size, findings) and
#                         appended to logs/summary.log
# Exit status: 0 when no harness found anything, 1 when one did, 2 when
# the harnesses cannot be built (no clang with -fsanitize=fuzzer).
set -eu
srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
srcdir=$(cd "$srcdir" && pwd)
builddir=$(cd "${top_builddir:-$srcdir/build}" && pwd)
[ $# -ge 1 ] || { echo "usage: run.sh SECONDS [HARNESS...]" >&2; exit 2; }
seconds=$1
shift
[ $# -gt 0 ] || set -- csvin input numparse codebook colsel cli

cc=${FUZZ_CC:-clang}
cppflags=${FUZZ_CPPFLAGS:-"-I$builddir -I$srcdir/src $(pkg-config --cflags gsl libRmath)"}
libs=${FUZZ_LIBS:-"$(pkg-config --libs gsl libRmath) -lcsv -lmpfr -lgmp -lm -lpthread"}
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
cflags="-g -O1 -fno-omit-frame-pointer $san"

dir=$builddir/tests/fuzz
mkdir -p "$dir/libfuzzer/obj" "$dir/logs"
[ -f "$builddir/config.h" ] ||
    { echo "run.sh: $builddir is not configured (no config.h)" >&2; exit 2; }
echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' \
    >"$dir/libfuzzer/probe.c"
if ! $cc -fsanitize=fuzzer "$dir/libfuzzer/probe.c" \
        -o "$dir/libfuzzer/probe" 2>/dev/null; then
    echo "run.sh: '$cc' cannot build libFuzzer targets (clang is needed)" >&2
    exit 2
fi

# The library, instrumented for coverage, rebuilt where a source changed.
objs=
for src in "$srcdir"/src/lib/*.c; do
    obj=$dir/libfuzzer/obj/$(basename "$src" .c).o
    if [ ! -f "$obj" ] || [ -n "$(find "$srcdir/src/lib" -name '*.[ch]' \
            -newer "$obj" | head -1)" ]; then
        # shellcheck disable=SC2086
        $cc $cflags -fsanitize=fuzzer-no-link $cppflags -c "$src" -o "$obj"
    fi
    objs="$objs $obj"
done

found=0
for h in "$@"; do
    harness=$srcdir/tests/fuzz/fuzz-$h.c
    [ -f "$harness" ] || { echo "run.sh: no harness '$h'" >&2; exit 2; }
    bin=$dir/libfuzzer/fuzz-$h
    # shellcheck disable=SC2086
    $cc $cflags -fsanitize=fuzzer $cppflags "$harness" $objs -o "$bin" $libs
    corpus=$dir/corpus/$h
    if [ ! -d "$corpus" ]; then
        sh "$srcdir/tests/fuzz/seeds.sh" "$h" "$corpus"
    fi
    cp "$srcdir/tests/fuzz/regress/$h"/* "$corpus/" 2>/dev/null || :
    mkdir -p "$dir/findings/$h"
    case $h in numparse | cli) maxlen=-max_len=512 ;; *) maxlen= ;; esac
    dict=
    [ -f "$srcdir/tests/fuzz/$h.dict" ] &&
        dict=-dict=$srcdir/tests/fuzz/$h.dict
    log=$dir/logs/$h.log
    before=$(ls "$dir/findings/$h" | wc -l)
    rc=0
    # shellcheck disable=SC2086
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$dir/findings/$h/" \
        $maxlen $dict "$corpus" >"$log" 2>&1 || rc=$?
    after=$(ls "$dir/findings/$h" | wc -l)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    size=$(ls "$corpus" | wc -l)
    if [ "$rc" != 0 ] || [ "$after" -gt "$before" ]; then
        found=1
        what="FOUND $((after - before)) (exit $rc; see $log and $dir/findings/$h)"
    else
        what="nothing found"
    fi
    line="$(date '+%Y-%m-%d %H:%M') $h: ${execs:-?} executions in ${seconds} s, corpus $size inputs, $what"
    echo "$line"
    echo "$line" >>"$dir/logs/summary.log"
done
exit $found
