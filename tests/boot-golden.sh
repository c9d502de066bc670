#!/bin/sh
# boot-golden.sh - sk-boot at fixed seeds (TAP).
#
# 1. Golden: each line NAME<TAB>ARGUMENTS of tests/boot/cases.tab runs
#    'sk-boot ARGUMENTS' in the source root; it must exit 0, write nothing
#    to stderr and print tests/boot/expected/NAME.tsv exactly (as text:
#    the same seed gives the same output to the last digit). The expected
#    files are sk-boot's own output: regression tests, not references.
# 2. So each expected file is also checked against the references of the
#    case, R's boot (tests/boot/ref/NAME.R.tsv) and SciPy (NAME.scipy.tsv),
#    both with 50000 replicates, within Monte Carlo error at the case's B
#    (K = 4.5 standard errors; as in tests/boot-stats.sh: the tolerances and
#    their derivation are in tests/ref/boot.R, the comparison in
#    tests/boot/refcmp.awk); every case but the degenerate-* ones has an R
#    reference.
# 3. --replicates-out: the header, B rows per variable, group and
#    statistic, replicates 1..B in order, and their mean and sd give the
#    printed bias and se; the printed output is the same with and without
#    it.
# 4. Determinism: the same seed gives byte-identical output (and
#    replicates) with --threads 1, 2, 3 and 8, on both resampling paths,
#    with strata, groups, the median, alpha and two groups (--between);
#    another seed gives other intervals (and the same estimates); every
#    row names its seed and the generator.
# 5. Degenerate data (the degenerate-* cases): point intervals with a
#    note where there is no variation, no NaN or Inf anywhere.
# 6. The progress bar: nothing on stderr when it is not a terminal, even
#    on a run of more than a second; on a terminal (script(1), when it
#    works here) a progress line, and the same output.
#
# Run by 'make check', or by hand from the source root:
#   top_builddir=BUILD sh tests/boot-golden.sh
# To remake the expected files after a deliberate change (then review the
# diff):
#   BOOT_GOLDEN_UPDATE=1 top_builddir=BUILD sh tests/boot-golden.sh
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)
# shellcheck source=tests/golden.sh
. "$top_srcdir/tests/golden.sh"
dir=$top_srcdir/tests/boot
likert=tests/boot/input/likert.csv
tab=$(printf '\t')
K=4.5

# boot NAME ARGS...: sk-boot ARGS in the source root into $work/NAME.out
# and $work/NAME.err; returns its exit status.
boot() {
    _n=$1
    shift
    _rc=0
    (cd "$top_srcdir" && exec sk-boot "$@") <"/dev/null" \
        >"$work/$_n.out" 2>"$work/$_n.err" || _rc=$?
    return $_rc
}

# good NAME ARGS...: as boot; a failed test NAME unless exit 0, no stderr.
good() {
    _name=$1
    if boot "$@" && [ ! -s "$work/$_name.err" ]; then
        return 0
    fi
    { echo "exit status $_rc; stderr:"; cat "$work/$_name.err"; } \
        >"$work/$_name.why"
    tap_fail "$_name: sk-boot failed" "$work/$_name.why"
    return 1
}

## 0. Remaking the expected files
if [ "${BOOT_GOLDEN_UPDATE:-0}" = 1 ]; then
    set -f
    while IFS=$tab read -r name args <&3 || [ -n "${name:-}" ]; do
        case $name in '' | '#'*) continue ;; esac
        # shellcheck disable=SC2086 # word splitting of the arguments
        if boot "$name" $args && [ ! -s "$work/$name.err" ]; then
            cp "$work/$name.out" "$dir/expected/$name.tsv"
            tap_ok "$name: wrote tests/boot/expected/$name.tsv"
        else
            tap_fail "$name: sk-boot failed" "$work/$name.err"
        fi
    done 3<"$dir/cases.tab"
    set +f
    tap_done
fi

## 1. Golden
# shellcheck disable=SC2034 # read by golden_cases (tests/golden.sh)
golden_exact=1
# shellcheck disable=SC2034
golden_source="tests/boot/expected (sk-boot's own output at this seed)"
golden_cases sk-boot "$dir/cases.tab" "$dir/expected" 0 \
    "(none: BOOT_GOLDEN_UPDATE=1 sh tests/boot-golden.sh)"

## 2. The expected files against R and SciPy
: >"$work/max"
noref=
set -f
while IFS=$tab read -r name args <&3 || [ -n "${name:-}" ]; do
    case $name in '' | '#'*) continue ;; esac
    [ -f "$dir/expected/$name.tsv" ] || continue
    case $name in
    degenerate-*) continue ;;
    esac
    if [ ! -f "$dir/ref/$name.R.tsv" ]; then
        noref="$noref $name"
        continue
    fi
    estol=1e-9
    case " $args " in *' --precision'*) estol=1e-5 ;; esac
    for src in R scipy; do
        ref=$dir/ref/$name.$src.tsv
        [ -f "$ref" ] || continue
        rc=0
        awk -v K="$K" -v estol="$estol" -f "$dir/refcmp.awk" "$ref" \
            "$dir/expected/$name.tsv" >"$work/cmp" 2>&1 || rc=$?
        grep '^max ' "$work/cmp" | sed "s|\$| ($name)|" >>"$work/max" || :
        if [ "$rc" -eq 0 ]; then
            tap_ok "$name: expected output agrees with $src within MC error"
        else
            grep -v '^max ' "$work/cmp" | grep -v ' info:' |
                grep -v 'ratio 0\.' >"$work/bad" || :
            tap_fail "$name: expected output differs from $src beyond MC error" \
                "$work/bad"
        fi
    done
done 3<"$dir/cases.tab"
set +f
if [ -z "$noref" ]; then
    tap_ok "every golden case but degenerate-* has an R reference"
else
    echo "no reference (run Rscript tests/ref/boot.R):$noref" >"$work/why"
    tap_fail "every golden case but degenerate-* has an R reference" \
        "$work/why"
fi
echo "# golden cases, largest |difference| / tolerance (K = $K) per source and method:"
sort -k2,2 -k3,3 -k4,4gr "$work/max" |
    awk '!seen[$2 " " $3]++ { printf "#   %-6s %-16s %s at %s %s\n", $2, $3, $4, $5, $6 }'

## 3. --replicates-out
B=3000
set -- -c Q1,score -s mean,median,pct:4,5 -g site --strata role \
    -m percentile,normal -B $B --precision 17 "$likert"
if good reps "$@" --replicates-out="$work/reps.tsv" &&
        good noreps "$@"; then
    if cmp -s "$work/reps.out" "$work/noreps.out"; then
        tap_ok "--replicates-out: the same output as without it"
    else
        diff "$work/noreps.out" "$work/reps.out" >"$work/why" || :
        tap_fail "--replicates-out: the same output as without it" "$work/why"
    fi
    if [ "$(head -1 "$work/reps.tsv")" = \
         "variable${tab}group${tab}stat${tab}replicate${tab}value" ]; then
        tap_ok "--replicates-out: header variable group stat replicate value"
    else
        head -1 "$work/reps.tsv" >"$work/why"
        tap_fail "--replicates-out: header" "$work/why"
    fi
    # B rows for each variable, group and stat of the output, numbered
    # 1..B in order, five cells each; their mean - estimate and sd are the
    # printed bias and se (both to 1e-9, relative to se)
    awk -F '\t' -v B=$B '
        function abs(x) { return x < 0 ? -x : x }
        FNR == 1 { next }
        FILENAME == ARGV[1] {
            k = $1 SUBSEP $2 SUBSEP $3
            if (NF != 5) bad = bad "row " FNR ": " NF " cells\n"
            if ($4 != ++seq[k]) bad = bad "row " FNR ": replicate " $4 ", expected " seq[k] "\n"
            n[k]++; s[k] += $5; v[k, n[k]] = $5
            next
        }
        { k = $1 SUBSEP $2 SUBSEP $3; est[k] = $9; bias[k] = $10; se[k] = $11; nout++ }
        END {
            nk = 0
            for (k in est) {
                nk++
                if (n[k] != B) { bad = bad "not " B " rows: " k "\n"; continue }
                m = s[k] / B; ss = 0
                for (i = 1; i <= B; i++) ss += (v[k, i] - m) ^ 2
                sd = sqrt(ss / (B - 1))
                tol = 1e-9 * (se[k] > 0 ? se[k] : 1)
                if (abs(m - est[k] - bias[k]) > tol || abs(sd - se[k]) > tol)
                    bad = bad sprintf("%s: mean - estimate %.17g, bias %s; sd %.17g, se %s\n", k, m - est[k], bias[k], sd, se[k])
            }
            for (k in n) if (!(k in est)) bad = bad "replicates of no output row: " k "\n"
            printf "%d rows for %d variable/group/stat, %d output rows\n", NR - 2, nk, nout
            if (bad != "") { printf "%s", bad; exit 1 }
        }' "$work/reps.tsv" "$work/reps.out" >"$work/why" 2>&1 && rc=0 || rc=$?
    rows=$(($(wc -l <"$work/reps.tsv") - 1))
    want=$((B * 2 * 3 * 3))
    if [ "$rc" -eq 0 ] && [ "$rows" -eq "$want" ]; then
        tap_ok "--replicates-out: $rows rows = B x 2 variables x 3 groups x 3 stats; they give the printed bias and se"
    else
        echo "rows: $rows, expected $want" >>"$work/why"
        tap_fail "--replicates-out: rows, bias and se" "$work/why"
    fi
fi

## 4. Determinism across threads
det=0
while IFS=$tab read -r what args; do
    det=$((det + 1))
    set -f
    # shellcheck disable=SC2086 # word splitting of the arguments is wanted
    set -- $args
    set +f
    ok=1
    : >"$work/why"
    for t in 1 2 3 8; do
        if ! good "det$det-t$t" "$@" --threads=$t \
                --replicates-out="$work/det$det-t$t.reps"; then
            ok=0
            break
        fi
        if [ "$t" != 1 ] && { ! cmp -s "$work/det$det-t1.out" \
                "$work/det$det-t$t.out" || ! cmp -s "$work/det$det-t1.reps" \
                "$work/det$det-t$t.reps"; }; then
            echo "--threads=$t differs from --threads=1:" >>"$work/why"
            diff "$work/det$det-t1.out" "$work/det$det-t$t.out" \
                >>"$work/why" || :
            ok=0
        fi
    done
    if [ $ok = 1 ]; then
        tap_ok "threads 1, 2, 3, 8: identical output and replicates ($what)"
    elif [ -s "$work/why" ]; then
        tap_fail "threads 1, 2, 3, 8: identical output ($what)" "$work/why"
    fi
done <<EOF
rows, strata, median, student	-c score,time -s mean,median,sd -m percentile,bca,student -B 5001 --strata role $likert
counts, groups, pct	-c Q1,Q3 -s mean,median,pct:4,5 -g site -m percentile,normal,bca -B 5000 $likert
alpha (rows)	-c Q1,Q2,Q3,Q4 -s alpha -B 4999 $likert
two groups, counts	-c Q1,Q4 --between role -s mean-diff,median-diff,pct-diff:4,5,g,theta -m percentile,bca,student -B 20011 -g site $likert
two groups, rows	-c score,time --between role --levels staff,student -s mean-diff,median-diff,g,theta -m percentile,bca,student -B 4001 $likert
alpha with strata (counts)	-c Y1,Y2,Y3 -s alpha --strata role -B 3000 $likert
pairs, groups, strata	-p Q1:Q2 -p score:score2 -s mean-diff,dz,cor -g site --strata role -B 3000 $likert
median only, small B	-c drug1,drug2 -s median -B 39 datasets/sleep.csv
EOF

# Another seed: other intervals, the same estimates; the seed and the
# generator on every row.
set -- -c Q1,score -s mean,median,pct:4,5 -m percentile,bca -B 2000 "$likert"
if good seed1 "$@" --seed=1 && good seed2 "$@" --seed=2 &&
        good seeddef "$@"; then
    if ! cmp -s "$work/seed1.out" "$work/seed2.out" &&
            [ "$(cut -f 1-4,9 "$work/seed1.out")" = \
              "$(cut -f 1-4,9 "$work/seed2.out")" ] &&
            [ "$(cut -f 12,13 "$work/seed1.out")" != \
              "$(cut -f 12,13 "$work/seed2.out")" ]; then
        tap_ok "another seed: other intervals, the same estimates"
    else
        paste "$work/seed1.out" "$work/seed2.out" >"$work/why"
        tap_fail "another seed: other intervals, the same estimates" \
            "$work/why"
    fi
    if awk -F '\t' '
        FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i
                   if (!("seed" in c) || !("rng" in c)) exit 1; next }
        { want = FILENAME ~ /seed1/ ? 1 : FILENAME ~ /seed2/ ? 2 : 20240601
          if ($c["seed"] != want || $c["rng"] != "threefry4x64-20") exit 1 }
        ' "$work/seed1.out" "$work/seed2.out" "$work/seeddef.out"; then
        tap_ok "every row names its seed (1, 2, default 20240601) and the generator threefry4x64-20"
    else
        cat "$work/seed1.out" "$work/seeddef.out" >"$work/why"
        tap_fail "every row names its seed and the generator" "$work/why"
    fi
fi

# -p splits at the first ':' where both sides are columns (cli_pair, as in
# every program): with columns a:b, c, a and b:c, -p a:b:c is a and b:c
# (sk-boot used to split at the last ':' only: a:b and c); variable a:b:c,
# difference 'b:c - a'.
printf 'a:b,c,a,b:c\n1,2,3,4.5\n2,4,6,7.25\n3,3,8,9\n' >"$work/colon.csv"
if boot colon -p a:b:c -s mean-diff -m percentile -B 999 "$work/colon.csv" &&
    [ "$(cut -f 1,17 "$work/colon.out" | sed -n 2p)" = "a:b:c${tab}b:c - a" ]; then
    tap_ok "-p a:b:c with columns a:b, c, a, b:c: the pair a, b:c (first ':')"
else
    cat "$work/colon.out" "$work/colon.err" >"$work/why"
    tap_fail "-p a:b:c: the pair a, b:c (first ':')" "$work/why"
fi

# The old names prop:L and prop-diff:L are aliases of pct:L and
# pct-diff:L: the same output, named pct (README, "Names and units"); the
# percentage is 100 times the mean of the 0/1 answers (the same
# replicates, so every column but stat scales by 100 on the percentile and
# BCa ends and the student ends too).
set -- -m percentile,bca,student -B 999 "$likert"
if good alias-new -c Q1 -s pct:4,5 "$@" && good alias-old -c Q1 -s prop:4,5 "$@" &&
        good alias-01 -c Y1 -s mean "$@" &&
        good alias-pct01 -c Y1 -s pct:1 "$@"; then
    if cmp -s "$work/alias-new.out" "$work/alias-old.out" &&
            [ "$(cut -f 3 "$work/alias-new.out" | sed -n 2p)" = "pct:4,5" ]; then
        tap_ok "-s prop:4,5 is pct:4,5 (the same output, stat pct:4,5)"
    else
        diff "$work/alias-new.out" "$work/alias-old.out" >"$work/why" 2>&1 || :
        tap_fail "-s prop:4,5 is pct:4,5" "$work/why"
    fi
    # pct:1 of a 0/1 column Y1 is 100 times its mean (estimate, bias, se,
    # lo, hi: the same replicates, scaled)
    if awk -F '\t' 'function abs(v) { return v < 0 ? -v : v }
            FNR == 1 { next }
            FILENAME == ARGV[1] { if ($1 == "Y1") m[$7] = $0; next }
            $1 == "Y1" { split(m[$7], o, "\t"); n++
              for (c = 9; c <= 13; c++)
                  if (abs($c - 100 * o[c]) > 1e-9 * (abs($c) + 1)) {
                      print $7 " column " c ": " $c " vs 100 x " o[c]; bad = 1 } }
            END { exit bad || n != 3 }' "$work/alias-01.out" \
            "$work/alias-pct01.out" >"$work/why" 2>&1; then
        tap_ok "pct:1 of a 0/1 column: 100 x its mean (estimate, bias, se, percentile, BCa and student ends)"
    else
        tap_fail "pct:1 of a 0/1 column: 100 x its mean" "$work/why"
    fi
fi
set -- --between role -c Q1 -m percentile,bca,student -B 999 "$likert"
if good palias-new -s pct-diff:4,5 "$@" && good palias-old -s prop-diff:4,5 "$@"; then
    if cmp -s "$work/palias-new.out" "$work/palias-old.out" &&
            [ "$(cut -f 3 "$work/palias-new.out" | sed -n 2p)" = "pct-diff:4,5" ]; then
        tap_ok "-s prop-diff:4,5 is pct-diff:4,5 (the same output, stat pct-diff:4,5)"
    else
        diff "$work/palias-new.out" "$work/palias-old.out" >"$work/why" 2>&1 || :
        tap_fail "-s prop-diff:4,5 is pct-diff:4,5" "$work/why"
    fi
fi

## 5. Degenerate data, beyond the exact output of the cases
# point NAME VARIABLE-REGEX|all DESCRIPTION: every row of expected/NAME.tsv
# (of the matching variables) must have lo = hi = estimate, se 0 and the
# note 'no variation'.
point() {
    f=$dir/expected/$1.tsv
    if [ -f "$f" ] && awk -F '\t' -v cond="$2" '
        FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
        $c["method"] == "student" && $c["note"] ~ /no studentized/ { next }
        (cond == "all" || $c["variable"] ~ cond) {
            n++
            if (!($c["lo"] == $c["estimate"] && $c["hi"] == $c["estimate"] &&
                  $c["se"] == 0 && $c["estimate"] != "NA" &&
                  $c["note"] ~ /no variation/)) { print; bad = 1 }
        }
        END { exit bad || n == 0 }' "$f" >"$work/why"; then
        tap_ok "$3: point intervals at the estimate, note 'no variation'"
    else
        tap_fail "$3: point intervals with a note" "$work/why"
    fi
}
point degenerate-const all "all answers the same (mean, median, sd, var, pct 0 and 100, every method)"
point degenerate-prop01 '^zero$' "percentages 0 and 100"
# n = 1: the mean and median are points; sd is NA with a note
f=$dir/expected/degenerate-n1.tsv
if awk -F '\t' '
    FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["method"] == "student" && $c["note"] ~ /no studentized/ { next }
    $c["stat"] == "sd" { if ($c["estimate"] != "NA" || $c["note"] == "NA") bad = 1; next }
    { if ($c["lo"] != 4.5 || $c["hi"] != 4.5 || $c["note"] !~ /no variation/) bad = 1 }
    END { exit bad }' "$f"; then
    tap_ok "n = 1: mean and median [4.5, 4.5]; sd NA with a note"
else
    cp "$f" "$work/why"
    tap_fail "n = 1: mean and median points, sd NA with a note" "$work/why"
fi
# No NaN, Inf or -nan anywhere in any output, and every NA interval has a
# note.
if cat "$dir"/expected/*.tsv | grep -i -E '(^|'"$tab"')-?(nan|inf)('"$tab"'|$)' \
        >"$work/why"; then
    tap_fail "no NaN or Inf in any expected output" "$work/why"
else
    tap_ok "no NaN or Inf in any expected output"
fi
if awk -F '\t' 'FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
        ($c["lo"] == "NA" || $c["hi"] == "NA") && $c["note"] == "NA" { print FILENAME ": " $0; bad = 1 }
        END { exit bad }' "$dir"/expected/*.tsv >"$work/why"; then
    tap_ok "every NA interval has a note"
else
    tap_fail "every NA interval has a note" "$work/why"
fi

# Found a bug, fixed (now noted: 'N replicates with se 0 left out'):
# with n = 2 every finite studentized replicate is 0 (the resamples
# with se* = 0 give z* = -Inf or +Inf and are left out without a word), so
# the student interval of degenerate-n2 is [5.25, 5.25] while se is 0.53,
# with the note NA (src/sk-boot.c: zs[] keeps the finite z only, Rz < B
# is not noted). A zero-width studentized interval of a statistic that
# varies (se > 0) should say why.
if awk -F '\t' 'FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
        $c["method"] == "student" && $c["lo"] != "NA" &&
        $c["lo"] == $c["hi"] && $c["se"] > 0 &&
        $c["note"] == "NA" { print FILENAME ": " $0; bad = 1 }
        END { exit bad }' "$dir"/expected/*.tsv >"$work/why"; then
    tap_ok "every zero-width student interval of a varying statistic has a note"
else
    tap_fail "every zero-width student interval of a varying statistic has a note" \
        "$work/why"
fi

# Found a bug, fixed (now a row of NA with a note): '-s median -m
# student' printed the header and no row, exit 0 and
# nothing on stderr: student is for means only, and the other statistics
# are skipped without a word (src/sk-boot.c: 'if (m == BOOT_STUD &&
# !(stats[si] == BOOT_MEAN)) continue;'). A run that asks for nothing
# sk-boot can compute should be a usage error, or at least say so.
rc=0
(cd "$top_srcdir" && exec sk-boot -c drug1 -s median -m student -B 100 \
    datasets/sleep.csv) >"$work/stud.out" 2>"$work/stud.err" </dev/null ||
    rc=$?
if [ "$(wc -l <"$work/stud.out")" -gt 1 ] || [ "$rc" -ne 0 ] ||
        [ -s "$work/stud.err" ]; then
    tap_ok "-s median -m student: rows, or an error"
else
    { echo "exit $rc, stdout:"; cat "$work/stud.out"; } >"$work/why"
    tap_fail "-s median -m student: no row and no message" "$work/why"
fi

## 6. The progress bar: one thread, B large enough for a few seconds of
## replicates (the bar shows after one second): from B = 600000, scaled up
## to about 3.5 s when the first run is faster.
ms() { date +%s%N | awk '{ printf "%.0f", $1 / 1000000 }'; }
B=600000
set -- -c time -s mean -m percentile --threads 1 "$likert"
start=$(ms)
if good prog "$@" -B "$B"; then
    took=$(($(ms) - start))
    if [ "$took" -gt 0 ] && [ "$took" -lt 3000 ]; then
        B=$(awk -v b=$B -v t="$took" 'BEGIN { b = int(b * 3500 / t)
            print (b > 8000000 ? 8000000 : b) }')
        start=$(ms)
        good prog "$@" -B "$B" || :
        took=$(($(ms) - start))
    fi
    if [ ! -s "$work/prog.err" ]; then
        tap_ok "nothing on stderr when it is not a terminal (B = $B, $took ms)"
    fi
fi
set -- "$@" -B "$B"
if command -v script >/dev/null 2>&1 &&
        script -qc true /dev/null >/dev/null 2>&1 </dev/null; then
    # stdout to a file, stderr to the terminal
    (cd "$top_srcdir" && script -qc "sk-boot $* >'$work/tty.out'" \
        "$work/typescript" >/dev/null 2>&1 </dev/null) || :
    if grep -q 'sk-boot: time .*% .*s left' "$work/typescript" 2>/dev/null &&
            cmp -s "$work/tty.out" "$work/prog.out"; then
        tap_ok "on a terminal (script): a progress line on stderr, the same output"
    else
        { echo "typescript:"; cat -A "$work/typescript" | cut -c 1-300
          cmp "$work/tty.out" "$work/prog.out"; } >"$work/why" 2>&1
        tap_fail "on a terminal (script): a progress line" "$work/why"
    fi
else
    echo "ok $((tap_n + 1)) # SKIP progress on a terminal: no working script(1)"
    tap_n=$((tap_n + 1))
fi

tap_done
