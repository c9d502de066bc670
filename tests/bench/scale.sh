#!/bin/sh
# scale.sh - how each program's time and memory grow with the rows: every
# workload below at n = 1k, 10k, 100k, 1M and 10M rows, its time per row
# and its peak memory per row above the smallest run, and a CLIFF where
# one of them grows faster than the rows (issue 16: "no cliff in any
# program between n = 1e3 and 1e7").
#
# Run by 'make bench' (tests/bench/run.sh) or by hand from the build dir:
#     cd build-dir && sh ../tests/bench/scale.sh
# Knobs: README.md (BENCH_SCALE, BENCH_QUICK, BENCH_REPS, BENCH_PIN ...).
# BENCH_SCALE scales the largest n (10M): the sizes are the powers of ten
# from 1k below it, and it (BENCH_QUICK: 1k, 10k, 100k). A run may take
# BENCH_TIMEOUT seconds (here 120 unless set); one that takes longer is a
# cliff, and the workload's larger sizes are not run.
#
# Workloads (gendata's kinds; 'many' has n / 100 groups, so about 100
# rows a group at every n):
#     sk-describe -c x,y          continuous (x, y)   and codes (likert)
#     sk-describe -c r            about 1000 distinct values (many: r)
#     sk-describe -g g -c x       n / 100 groups, continuous (many)
#     sk-describe -g g -c c       n / 100 groups, codes (many)
#     sk-freq -c q1:q20           20 items of codes (groups)
#     sk-freq -c x                nearly every value distinct (continuous)
#     sk-freq -c r                about 1000 distinct values (many)
#     sk-freq -g g -c c           n / 100 groups, codes (many)
#     sk-alpha -c q1:q20          20 items, one scale (groups)
#     sk-score -c q1:q20          the same, the table written back
#     sk-paired -p before:after   continuous pairs (paired)
#     sk-compare --between role --levels A,B         20 items (groups)
#     sk-compare --between role --levels A,B -c x    continuous (many)
#     sk-agree -p q1:q2           two items of codes: kappa (groups)
#     sk-agree -p before:after    continuous pairs: ICC, r (paired)
#     sk-boot -B 200 -c x         continuous: resampled by rows
#     sk-boot -B 200 -c x         codes (likert): by counts
#     sk-boot -B 200 -c r         about 1000 distinct: by rows at small n,
#                                 by counts at large (the cost decides)
#     sk-boot -B 200 -g g -c x    n / 100 groups, continuous (many)
# (sk-boot with --threads=BENCH_THREADS.)
#
# For each size: the median wall seconds and peak RSS of BENCH_REPS runs
# (interleaved over all workloads and sizes; stdout to /dev/null);
# ns/row = seconds / n; B/row = (RSS - the baseline) / n, the baseline
# being the least RSS of the sizes (the smallest n's, unless a larger n
# needs less: fixed start-up costs); each with its ratio to the size
# before. A CLIFF is a step where
#   - ns/row grows by more than 1.5 x, or
#   - B/row grows by more than 2 x (or from none) to at least 1 B/row and
#     1 MiB above the baseline, or
#   - the smaller n takes twice the seconds of the larger (and 50 ms more).
# Growth is judged from 100k up (below, the process start dominates the
# time and fixed buffers the memory), memory also on a step from a size
# already 1 MiB above the baseline; the ratio of a step not judged is in
# parentheses. The table is printed and written to tests/bench/scale.md of
# the build dir; 'make bench' gets one row a workload (its largest n) with
# whether it has a cliff.
set -eu

BENCH_NAME=scale.sh
BENCH_PROGRAMS="src/sk-describe src/sk-freq src/sk-alpha src/sk-score
src/sk-paired src/sk-compare src/sk-agree src/sk-boot"
: "${BENCH_TIMEOUT:=120}"
. "$(dirname "$0")/common.sh"
bench_init

# The workloads: ID|KIND|SHAPE|PROGRAM ARGS (the file is appended).
cat >"$work/workloads" <<'EOF'
describe-x|continuous|continuous, 2 columns|sk-describe -c x,y
describe-c|likert|codes 1..5, 2 columns|sk-describe -c x,y
describe-r|many|~1000 distinct values|sk-describe -c r
describe-gx|many|n/100 groups, continuous|sk-describe -g g -c x
describe-gc|many|n/100 groups, codes|sk-describe -g g -c c
freq-c|groups|20 items of codes|sk-freq -c q1:q20
freq-x|continuous|~every value distinct|sk-freq -c x
freq-r|many|~1000 distinct values|sk-freq -c r
freq-gc|many|n/100 groups, codes|sk-freq -g g -c c
alpha|groups|20 items, one scale|sk-alpha -c q1:q20
score|groups|20 items, one scale|sk-score -c q1:q20
paired|paired|continuous pairs|sk-paired -p before:after
compare-c|groups|20 items, 2 groups|sk-compare --between role --levels A,B
compare-x|many|continuous, 2 groups|sk-compare --between role --levels A,B -c x
agree-c|groups|2 items of codes|sk-agree -p q1:q2
agree-x|paired|continuous pairs|sk-agree -p before:after
boot-x|continuous|continuous: by rows|sk-boot -B 200 -c x
boot-c|likert|codes: by counts|sk-boot -B 200 -c x
boot-r|many|~1000 distinct: rows, counts|sk-boot -B 200 -c r
boot-gx|many|n/100 groups, continuous|sk-boot -B 200 -g g -c x
EOF

# BENCH_SCALE_ONLY: an extended regular expression; only the workloads
# whose ID matches it run (say 'describe-g|freq-g').
if [ -n "${BENCH_SCALE_ONLY:-}" ]; then
    grep -E "^(${BENCH_SCALE_ONLY})[^|]*\|" "$work/workloads" \
        >"$work/workloads.only" || die "BENCH_SCALE_ONLY matches no workload"
    mv "$work/workloads.only" "$work/workloads"
fi

# The sizes: 1000, 10000 ... below the largest (10M scaled), and it.
TOP=$(bench_rows 10000000)
SIZES=$(awk -v top="$TOP" 'BEGIN {
    for (n = 1000; n < top; n *= 10) printf "%d ", n; print top }')
JUDGE_FROM=100000
say "sizes: $SIZES"

# The data, made (or found) before any timing.
for kind in $(cut -d '|' -f 2 "$work/workloads" | sort -u); do
    for n in $SIZES; do
        bench_data "$kind" "$n" >/dev/null
    done
done

# one ID: the workload ID at every size, smallest first. A run that
# times out ends the workload there; any other failure is fatal.
one() {
    line=$(grep "^$1|" "$work/workloads")
    kind=$(echo "$line" | cut -d '|' -f 2)
    cmd=$(echo "$line" | cut -d '|' -f 4)
    prog=${cmd%% *}
    args=${cmd#* }
    [ "$prog" = sk-boot ] && args="$args --threads=$BENCH_THREADS"
    for n in $SIZES; do
        grep -q "^$1 " "$work/failed.keys" 2>/dev/null && return 0
        # stdout to /dev/null: sk-score's 10M rows are 450 MB, whose
        # writing back (and truncating) would be timed in the next runs
        # shellcheck disable=SC2086
        bench_run "$1 $n" "$prog" /dev/null -peer \
            "$top_builddir/src/$prog" $args "$datadir/$kind-$n-s$SEED.csv"
        why=$(awk -F '\t' -v wl="$1 $n" '$1 == wl { print $3 }' "$work/failed")
        case $why in
            '' | 'failed: timeout'*) ;;
            *) die "$prog $args failed at n = $n: $why" ;;
        esac
    done
}

bench_pin
# shellcheck disable=SC2046
bench_loop one $(cut -d '|' -f 1 "$work/workloads")

# The medians: ID SHAPE COMMAND n s KiB note, one line a run size.
: >"$work/rows"
while IFS='|' read -r id kind shape cmd; do
    prog=${cmd%% *}
    for n in $SIZES; do
        why=$(awk -F '\t' -v wl="$id $n" '$1 == wl { print $3 }' "$work/failed")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$shape" "$cmd" "$n" \
            "$(median_of "$id $n" "$prog" 3)" "$(median_of "$id $n" "$prog" 4)" \
            "$why" "$(rows_label "$n")" >>"$work/rows"
    done
done <"$work/workloads"

# The table (stdout, scale.md) and the rows of 'make bench' (BENCH_TABLE).
out=$top_builddir/tests/bench/scale.md
awk -F '\t' -v judge="$JUDGE_FROM" -v summary="$work/summary" '
function sec(x) {
    return sprintf(x >= 100 ? "%.0f" : x >= 10 ? "%.1f" : x >= 1 ? "%.2f" : "%.3f", x)
}
function perrow(x) { return sprintf(x >= 100 || x <= -100 ? "%.0f" : "%.1f", x) }
function bytes(x) { return sprintf(x >= 10 || x <= -10 ? "%.0f" : x >= 1 || x <= -1 ? "%.1f" : "%.2f", x) }
{
    if (!($1 in seen)) { seen[$1] = 1; order[++nw] = $1; shape[$1] = $2; cmd[$1] = $3 }
    k = ++ns[$1]; n[$1, k] = $4; s[$1, k] = $5; m[$1, k] = $6; why[$1, k] = $7
    lab[$1, k] = $8
}
END {
    print "| workload | n | s | ns/row | x | MiB | B/row | x | cliff? |"
    print "|---|--:|--:|--:|--:|--:|--:|--:|---|"
    for (i = 1; i <= nw; i++) {
        w = order[i]
        bad = ""; tx = ""; mx = ""; last = 0
        # the fixed costs: the least RSS of any size (that of the smallest n,
        # unless a larger n needs less)
        base = ""
        for (k = 1; k <= ns[w]; k++)
            if (m[w, k] != "-" && why[w, k] == "" && (base == "" || m[w, k] + 0 < base))
                base = m[w, k] + 0
        for (k = 1; k <= ns[w]; k++) {
            first = k == 1 ? sprintf("%s (%s)", cmd[w], shape[w]) : ""
            if (why[w, k] != "" || s[w, k] == "-") {
                if (why[w, k] == "") continue      # after a failure: not run
                note = "CLIFF: " why[w, k]
                printf "| %s | %s | - | - | - | - | - | - | %s |\n", first,
                    lab[w, k], note
                bad = bad (bad == "" ? "" : "; ") lab[w, k] ": " why[w, k]
                continue
            }
            last = k
            t[k] = s[w, k] / n[w, k] * 1e9
            extra = (m[w, k] - base) * 1024
            b[k] = extra / n[w, k]
            ex[k] = extra
            xt = "-"; xm = "-"; note = ""
            if (k > 1 && t[k - 1] > 0) {
                r = t[k] / t[k - 1]
                xt = sprintf("%.2f", r)
                if (n[w, k - 1] >= judge) {
                    tx = tx (tx == "" ? "" : ", ") xt
                    if (r > 1.5) note = "CLIFF: time x" xt
                } else
                    xt = "(" xt ")"
                # a smaller n much slower than this one (at any n)
                if (s[w, k - 1] >= 2 * s[w, k] && s[w, k - 1] - s[w, k] >= 0.05)
                    note = sprintf("CLIFF: %s takes x%.0f the time of %s",
                        lab[w, k - 1], s[w, k - 1] / s[w, k], lab[w, k])
            }
            if (k > 2) {
                if (b[k - 1] > 0)
                    xm = sprintf("%.2f", b[k] / b[k - 1])
                if (n[w, k - 1] >= judge || ex[k - 1] >= 1048576) {
                    if (b[k] >= 1 && extra >= 1048576 &&
                        (b[k - 1] <= 0 || b[k] / b[k - 1] > 2))
                        note = note (note == "" ? "CLIFF: " : ", ") "memory " \
                            (b[k - 1] > 0 ? "x" xm : "from none")
                } else if (xm != "-")
                    xm = "(" xm ")"
            }
            if (k > 1) mx = mx (mx == "" ? "" : ", ") bytes(b[k])
            if (note != "")
                bad = bad (bad == "" ? "" : "; ") lab[w, k - 1] " -> " lab[w, k] \
                    ": " substr(note, 8)
            printf "| %s | %s | %s | %s | %s | %.1f | %s | %s | %s |\n", first,
                lab[w, k], sec(s[w, k]), perrow(t[k]), xt, m[w, k] / 1024,
                extra == 0 ? "(base)" : bytes(b[k]), xm, note == "" ? "" : note
        }
        # the summary row: the largest n run, and the cliffs
        wl = "scale: " cmd[w] " (" shape[w] "), " lab[w, 1] " to " lab[w, ns[w]]
        if (last > 0)
            printf "R\t%s\t%s\t%s\t%.1f\t-\t\n", wl, substr(cmd[w], 1, index(cmd[w], " ") - 1),
                s[w, last], m[w, last] / 1024 >summary
        from = judge >= 1e6 ? judge / 1e6 "M" : judge / 1e3 "k"
        detail = "ns/row x " (tx == "" ? "- (none judged below " from ")" : tx) \
            "; B/row " (mx == "" ? "-" : mx)
        if (bad != "")
            txt = "CLIFF " bad " (" detail ")"
        else
            txt = "no cliff from " from " (" detail ")"
        printf "T\t%s\t%s\t%s\n", wl, txt, bad == "" ? (tx == "" ? "n/a" : "met") : "MISSED" >summary
    }
}' "$work/rows" >"$work/scale.md"

{
    echo "# surveykit scaling, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Sizes $SIZES; $BENCH_REPS interleaved runs a size, medians; $pin_note."
    echo
    cat "$work/scale.md"
} >"$out"
cat "$work/summary" >>"$BENCH_TABLE"
bench_info "scale.sh: the table by size is in $out"
echo
cat "$out"
