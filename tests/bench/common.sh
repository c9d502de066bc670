# common.sh - what the benchmark scripts share; sourced, not run.
#
# A script sets BENCH_NAME (its file name), sources this file and calls
#     bench_init                      the folders, the programs, the knobs
#     bench_need PROGRAM...           installs the Debian packages of the
#                                     peers that are missing (and GNU time)
#     bench_rows N                    N scaled by BENCH_SCALE (at least 100)
#     bench_data KIND ROWS            the cached gendata file (its path)
#     bench_pin                       decides on taskset pinning, says so
#     bench_run WL TOOL OUT CMD...    one timed run (interleave the calls)
#     bench_result WL TOOL [NOTE]     the medians, as a table row
#     bench_target WL TEXT STATUS     a target and met / MISSED / n/a
#     bench_agree WL STATUS DETAIL    a cross-check of the tools' numbers
#     bench_info TEXT                 a line printed under the table
#     bench_finish                    prints this script's table (alone)
# Rows go to $BENCH_TABLE (tab-separated; table.awk formats them):
#     R  workload tool median_s median_MiB floor_s note
#     T  workload target status
#     A  workload status detail
#     I  text
# Knobs (environment): BENCH_SCALE, BENCH_QUICK, BENCH_REPS, BENCH_TIMEOUT,
# BENCH_PEER_MEM, BENCH_PIN, BENCH_PEERS, BENCH_INSTALL, BENCH_PYTHON,
# BENCH_THREADS: see README.md.

LC_ALL=C
export LC_ALL

SEED=20240601
TIME=/usr/bin/time

die() {
    echo "$BENCH_NAME: $*" >&2
    exit 1
}

say() {
    echo "$BENCH_NAME: $*" >&2
}

# is_num NAME VALUE: VALUE a positive number (integer or decimal).
is_num() {
    case $2 in
        '' | *[!0-9.]* | *.*.* | .) die "$1 must be a positive number: '$2'" ;;
    esac
    awk -v v="$2" 'BEGIN { exit !(v > 0) }' ||
        die "$1 must be a positive number: '$2'"
}

bench_init() {
    : "${top_builddir:=.}"
    : "${BENCH_QUICK:=0}"
    if [ "$BENCH_QUICK" = 1 ]; then
        : "${BENCH_SCALE:=0.01}"
    fi
    : "${BENCH_SCALE:=1}"
    : "${BENCH_REPS:=3}"
    : "${BENCH_TIMEOUT:=900}"
    : "${BENCH_PIN:=auto}"
    : "${BENCH_PEERS:=datamash R scipy pspp}"
    : "${BENCH_INSTALL:=1}"
    : "${BENCH_THREADS:=1}"
    : "${BENCH_PYTHON:=}"
    is_num BENCH_SCALE "$BENCH_SCALE"
    is_num BENCH_TIMEOUT "$BENCH_TIMEOUT"
    is_num BENCH_THREADS "$BENCH_THREADS"
    case $BENCH_REPS in
        '' | *[!0-9]* | 0) die "BENCH_REPS must be a positive integer: '$BENCH_REPS'" ;;
    esac
    top_srcdir=$(cd "$(dirname "$0")/../.." && pwd)
    top_builddir=$(cd "$top_builddir" && pwd)
    bench_dir=$top_srcdir/tests/bench
    gendata=$top_builddir/tests/bench/gendata
    # shellcheck disable=SC2034  # used by the scripts
    floor=$top_builddir/tests/bench/floor
    datadir=$top_builddir/tests/bench/data
    work=$(mktemp -d "${TMPDIR:-/tmp}/sk-bench.XXXXXX") || die "no mktemp"
    trap 'rm -rf "$work"' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    : >"$work/runs"
    : >"$work/failed"
    own_table=
    if [ -z "${BENCH_TABLE:-}" ]; then
        BENCH_TABLE=$work/table
        own_table=1
        : >"$BENCH_TABLE"
    fi
    # Single core, as the issue measures: the peers' thread pools too.
    OMP_NUM_THREADS=$BENCH_THREADS
    OPENBLAS_NUM_THREADS=$BENCH_THREADS
    MKL_NUM_THREADS=$BENCH_THREADS
    R_DATATABLE_NUM_THREADS=$BENCH_THREADS
    export OMP_NUM_THREADS OPENBLAS_NUM_THREADS MKL_NUM_THREADS \
        R_DATATABLE_NUM_THREADS
    if [ -z "$BENCH_PYTHON" ]; then
        # Debian's python3 has Debian's SciPy; a pyenv one usually not.
        BENCH_PYTHON=/usr/bin/python3
        [ -x "$BENCH_PYTHON" ] || BENCH_PYTHON=$(command -v python3 || echo python3)
    fi
    # A peer's address space: BENCH_PEER_MEM MiB, or 90% of what is free.
    avail=$(awk '/^MemAvailable:/ { printf "%d", $2 * 0.9 / 1024 }' \
        /proc/meminfo 2>/dev/null || echo 0)
    : "${BENCH_PEER_MEM:=20480}"
    [ "$avail" -gt 0 ] && [ "$avail" -lt "$BENCH_PEER_MEM" ] &&
        BENCH_PEER_MEM=$avail
    # The programs: made when the script is run by hand in a build dir.
    missing=
    for p in $BENCH_PROGRAMS tests/bench/gendata tests/bench/floor; do
        [ -x "$top_builddir/$p" ] || missing="$missing $p"
    done
    if [ -n "$missing" ] && [ -f "$top_builddir/Makefile" ]; then
        say "building$missing in $top_builddir"
        # shellcheck disable=SC2086
        make -C "$top_builddir" $missing >&2 || die "cannot build:$missing"
    fi
    for p in $BENCH_PROGRAMS tests/bench/gendata tests/bench/floor; do
        [ -x "$top_builddir/$p" ] ||
            die "no $top_builddir/$p: run 'make bench' in a configured build dir"
    done
    bench_need time
    [ -x "$TIME" ] && "$TIME" -f '%e %M' -o /dev/null true 2>/dev/null ||
        die "$TIME is not GNU time"
}

# peer_wanted NAME: NAME (datamash, R, scipy, pspp) is in BENCH_PEERS.
peer_wanted() {
    case " $BENCH_PEERS " in *" $1 "*) return 0 ;; esac
    return 1
}

# have PEER: the peer and what it needs are installed.
have() {
    case $1 in
        time) [ -x "$TIME" ] ;;
        datamash) command -v datamash >/dev/null 2>&1 ;;
        pspp) command -v pspp >/dev/null 2>&1 ;;
        R) command -v Rscript >/dev/null 2>&1 &&
            Rscript -e 'for (p in c("data.table", "psych", "boot"))
                            suppressMessages(library(p, character.only = TRUE))' \
                >/dev/null 2>&1 ;;
        scipy) "$BENCH_PYTHON" -c 'import scipy.stats, numpy, pandas' \
                >/dev/null 2>&1 ;;
        *) return 1 ;;
    esac
}

# bench_need PEER...: installs the missing ones' Debian packages (when
# BENCH_INSTALL=1); a peer that stays missing is reported, not fatal.
bench_need() {
    pkgs=
    for p in "$@"; do
        [ "$p" = time ] || peer_wanted "$p" || continue
        have "$p" && continue
        case $p in
            time) pkgs="$pkgs time" ;;
            datamash) pkgs="$pkgs datamash" ;;
            pspp) pkgs="$pkgs pspp" ;;
            R) pkgs="$pkgs r-base-core r-cran-data.table r-cran-psych r-cran-boot r-cran-coin r-cran-exactranktests" ;;
            scipy) pkgs="$pkgs python3-scipy python3-pandas" ;;
        esac
    done
    [ -n "$pkgs" ] || return 0
    [ "$BENCH_INSTALL" = 1 ] || { say "missing, not installed:$pkgs"; return 0; }
    if [ "$(id -u)" -eq 0 ]; then
        sudo=
    elif command -v sudo >/dev/null 2>&1; then
        sudo=sudo
    else
        say "need the Debian packages:$pkgs (not root, and no sudo)"
        return 0
    fi
    say "installing:$pkgs"
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y $pkgs >&2 ||
        { DEBIAN_FRONTEND=noninteractive $sudo apt-get update >&2 &&
          DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y $pkgs >&2; } ||
        say "cannot install:$pkgs"
}

# usable PEER: wanted and installed; else prints why not and fails.
usable() {
    peer_wanted "$1" || return 1
    have "$1" && return 0
    say "$1 is not installed: its rows say so"
    return 1
}

# bench_rows N: N x BENCH_SCALE, rounded, at least 100.
bench_rows() {
    awk -v n="$1" -v s="$BENCH_SCALE" 'BEGIN {
        r = int(n * s + 0.5); if (r < 100) r = 100; printf "%d\n", r }'
}

# bench_data KIND ROWS: the file of gendata ROWS SEED KIND, made once into
# the build dir's tests/bench/data/ (not in git) and reused.
bench_data() {
    mkdir -p "$datadir"
    f=$datadir/$1-$2-s$SEED.csv
    if [ ! -s "$f" ]; then
        say "making $f"
        "$gendata" "$2" "$SEED" "$1" >"$f.tmp" ||
            { rm -f "$f.tmp"; die "gendata failed"; }
        mv "$f.tmp" "$f"
    fi
    cat "$f" >/dev/null            # the page cache: no tool pays the read
    echo "$f"
}

# bench_pin: with two free cores nothing is pinned; otherwise every timed
# run is pinned with taskset to the core that was the most idle over one
# second (BENCH_PIN=auto), or to BENCH_PIN=N, or never (BENCH_PIN=none).
pin=
bench_pin() {
    # (GNU nproc would answer OMP_NUM_THREADS, set above.)
    ncpu=$(env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc 2>/dev/null ||
        getconf _NPROCESSORS_ONLN)
    load=$(cut -d ' ' -f 1 /proc/loadavg 2>/dev/null || echo 0)
    case $BENCH_PIN in
        none) pin_note="not pinned (BENCH_PIN=none); load $load on $ncpu cores" ;;
        auto)
            if awk -v l="$load" -v n="$ncpu" 'BEGIN { exit !(n - l >= 2) }'; then
                pin_note="not pinned: load $load on $ncpu cores leaves 2 free"
            elif command -v taskset >/dev/null 2>&1; then
                a=$(grep '^cpu[0-9]' /proc/stat)
                sleep 1
                b=$(grep '^cpu[0-9]' /proc/stat)
                core=$(printf '%s\n%s\n' "$a" "$b" | awk '
                    { idle = $5 + $6; if ($1 in first) { d = idle - first[$1]
                          if (best == "" || d > bestd) { best = $1; bestd = d } }
                      else first[$1] = idle }
                    END { sub(/^cpu/, "", best); print best }')
                pin="taskset -c $core"
                pin_note="pinned to core $core (taskset -c $core): load $load on $ncpu cores leaves fewer than 2 free"
            else
                pin_note="not pinned (no taskset): load $load on $ncpu cores"
            fi ;;
        *[!0-9]* | '') die "BENCH_PIN must be auto, none or a core number: '$BENCH_PIN'" ;;
        *) pin="taskset -c $BENCH_PIN"
           pin_note="pinned to core $BENCH_PIN (BENCH_PIN); load $load on $ncpu cores" ;;
    esac
    say "$pin_note"
    bench_info "$BENCH_NAME: $pin_note; $BENCH_THREADS thread(s) a tool"
}

# bench_run WL TOOL OUT [-peer] CMD...: runs CMD once under GNU time (and
# taskset, timeout), stdout to OUT; records the wall seconds (1 ms) and
# GNU time's peak RSS (KiB).
# A peer (-peer) gets ulimit -v BENCH_PEER_MEM; a failing peer is recorded
# and not run again; a failing surveykit program or floor is fatal.
bench_run() {
    wl=$1 tool=$2 out=$3
    shift 3
    peer=0
    if [ "$1" = -peer ]; then
        peer=1
        shift
    fi
    key="$wl	$tool"
    if grep -F -x -q "$key" "$work/failed.keys" 2>/dev/null; then
        return 0
    fi
    t=$work/time.out
    if [ "$peer" = 1 ]; then
        lim=$((BENCH_PEER_MEM * 1024))
    else
        lim=unlimited
    fi
    rc=0
    # The wall time from date's nanoseconds (GNU time's %e has 10 ms).
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    ( ulimit -v "$lim" 2>/dev/null || :
      exec $pin "$TIME" -o "$t" -f '%e %M' timeout "$BENCH_TIMEOUT" "$@" ) \
        >"$out" 2>"$work/err" || rc=$?
    t1=$(date +%s%N)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    kib=$(tail -n 1 "$t" | cut -d ' ' -f 2)
    if [ "$rc" -ne 0 ]; then
        if [ "$rc" -eq 124 ] || grep -q 'status 124' "$t"; then
            why="timeout after $BENCH_TIMEOUT s"
        elif grep -q -i 'memory\|cannot allocate' "$work/err"; then
            why="out of memory ($BENCH_PEER_MEM MiB) after $secs s"
        else
            why="exit $rc: $(grep -v '^Command exited' "$work/err" | tail -n 1 | cut -c 1-80)"
        fi
        [ "$peer" = 1 ] ||
            die "$tool failed on $wl: $why: $(tail -n 3 "$work/err")"
        say "  $wl: $tool FAILED: $why"
        printf '%s\n' "$key" >>"$work/failed.keys"
        printf '%s\t%s\n' "$key" "failed: $why" >>"$work/failed"
        return 0
    fi
    printf '%s\t%s\t%s\n' "$key" "$secs" "$kib" >>"$work/runs"
    say "  $wl: $tool $secs s, $((kib / 1024)) MiB"
}

# median_of WL TOOL FIELD: the median of field 3 (s) or 4 (KiB) of the runs.
median_of() {
    awk -F '\t' -v wl="$1" -v tool="$2" -v f="$3" '
        $1 == wl && $2 == tool { a[++n] = $f + 0 }
        END {
            if (n == 0) { print "-"; exit }
            for (i = 2; i <= n; i++)
                for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
                    t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
            print (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2)
        }' "$work/runs"
}

# bench_result WL TOOL [NOTE]: the row of TOOL on WL (after all its runs);
# the floor is the median of the runs of the tool 'floor' on WL, if any.
bench_result() {
    s=$(median_of "$1" "$2" 3)
    k=$(median_of "$1" "$2" 4)
    fl=$(median_of "$1" floor 3)
    note=${3:-}
    why=$(awk -F '\t' -v wl="$1" -v tool="$2" '$1 == wl && $2 == tool {
        print $3; exit }' "$work/failed")
    [ -n "$why" ] && note=$why
    mib=-
    [ "$k" = - ] || mib=$(awk -v k="$k" 'BEGIN { printf "%.1f", k / 1024 }')
    printf 'R\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$s" "$mib" "$fl" "$note" \
        >>"$BENCH_TABLE"
}

bench_target() {
    printf 'T\t%s\t%s\t%s\n' "$1" "$2" "$3" >>"$BENCH_TABLE"
}

bench_agree() {
    printf 'A\t%s\t%s\t%s\n' "$1" "$2" "$3" >>"$BENCH_TABLE"
    say "agreement, $1: $2 ($3)"
}

bench_info() {
    printf 'I\t%s\n' "$1" >>"$BENCH_TABLE"
}

# secs WL TOOL: the median seconds of TOOL on WL ('-' without a run).
secs() {
    median_of "$1" "$2" 3
}

# mib WL TOOL: the median peak MiB of TOOL on WL.
mib() {
    k=$(median_of "$1" "$2" 4)
    [ "$k" = - ] && { echo -; return; }
    awk -v k="$k" 'BEGIN { printf "%.1f\n", k / 1024 }'
}

# ratio A B: A / B to 2 decimals ('-' when either is missing or B is 0).
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN {
        if (a == "-" || b == "-" || a == "" || b == "" || b + 0 == 0) print "-"
        else printf "%.2f\n", a / b }'
}

# verdict A OP B: "met" when A OP B (OP <= or >=), "MISSED", or "n/a"
# when a figure is missing.
verdict() {
    awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN {
        if (a == "-" || b == "-" || a == "" || b == "") { print "n/a"; exit }
        ok = op == "<=" ? a + 0 <= b + 0 : a + 0 >= b + 0
        print (ok ? "met" : "MISSED") }'
}

# close_to A B: A agrees with B to the digits that B shows (half a unit of
# its last decimal) or to 1e-9 relative, whichever is looser.
close_to() {
    awk -v a="$1" -v b="$2" 'BEGIN {
        if (a == "" || b == "" || a == "NA" || b == "NA") exit 1
        d = 0; if (match(b, /\.[0-9]+/)) d = RLENGTH - 1
        if (b ~ /[eE]/) d = 0
        tol = 0.5 * 10 ^ -d; if (b ~ /[eE]/ || d > 9) tol = 0
        m = a < 0 ? -a : a; if (m * 1e-9 > tol) tol = m * 1e-9
        x = a - b; if (x < 0) x = -x
        exit !(x <= tol * (1 + 1e-9))
    }'
}

# agree_all WL NAME REF TOOL=VALUE...: VALUE of each tool close to REF.
agree_all() {
    wl=$1 what=$2 ref=$3
    shift 3
    ok=agree
    detail="$what: surveykit $ref"
    for tv in "$@"; do
        v=${tv#*=}
        [ -z "$v" ] && continue          # a peer not run or failed
        detail="$detail, ${tv%%=*} $v"
        close_to "$ref" "$v" || ok=DISAGREE
    done
    bench_agree "$wl" "$ok" "$detail"
}

bench_finish() {
    [ -n "$own_table" ] || return 0
    echo
    awk -f "$bench_dir/table.awk" "$BENCH_TABLE"
}

# sk_get FILE ROW COLUMN: the value in surveykit's tab-separated output
# FILE at the first row whose first field is ROW, column named COLUMN.
sk_get() {
    awk -F '\t' -v row="$2" -v col="$3" '
        NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
        $1 == row && (col in c) { print $(c[col]); exit }' "$1"
}

# kv_get FILE KEY: the second field of the first line "KEY VALUE" of FILE
# (the peers' scripts print their numbers so).
kv_get() {
    awk -v k="$2" '$1 == k { print $2; exit }' "$1" 2>/dev/null
}

# rows_label N: 5000000 -> 5M, 1000000 -> 1M, 50000 -> 50k, 123 -> 123.
rows_label() {
    awk -v n="$1" 'BEGIN {
        if (n >= 1e6 && n % 1e5 == 0) printf "%gM\n", n / 1e6
        else if (n >= 1e3 && n % 100 == 0) printf "%gk\n", n / 1e3
        else print n }'
}

# bench_loop FUNC TOKEN...: BENCH_REPS rounds of FUNC TOKEN for every
# TOKEN, interleaved; the order turns by one each round, so no tool is
# always first (or always after the same one).
bench_loop() {
    fn=$1
    shift
    r=1
    while [ "$r" -le "$BENCH_REPS" ]; do
        for tok in "$@"; do "$fn" "$tok"; done
        first=$1
        shift
        set -- "$@" "$first"
        r=$((r + 1))
    done
}

# pspp_get FILE VARS: the GET DATA command reading the CSV FILE.
pspp_get() {
    printf "GET DATA /TYPE=TXT /FILE='%s' /ARRANGEMENT=DELIMITED /DELCASE=LINE\n" "$1"
    printf '  /FIRSTCASE=2 /DELIMITERS="," /VARIABLES=%s.\n' "$2"
}

# pspp_groups_items: the VARIABLES of gendata's groups kind (role, q1..q20).
pspp_groups_items() {
    _v="role A1"
    _i=1
    while [ "$_i" -le 20 ]; do _v="$_v q$_i F1.0"; _i=$((_i + 1)); done
    printf '%s\n' "$_v"
}
