#!/bin/sh
# compare-dyad.sh - sk-compare's dyad check (--dyad) against the
# partially overlapping samples t test (TAP).
#
# 1. The worked example of Derrick, Toher & White (2017), as a survey
#    table (tests/compare/dyad/plp.csv, made with its expected values by
#    tests/ref/compare-dyad.R from the paper's formulas): for x, for y (one
#    partner's answer missing: 7 pairs) and z (one side of the pairs
#    constant: r undefined, taken as 0), Welch and equal-variance forms,
#    the columns n_a n_b n_pairs_both r_pairs mean_diff se_diff ci_lo ci_hi
#    t df p_t within 1e-9 and t_method as text; the published p = 0.026
#    (equal variances) as printed to 2 digits; the dyad warning on stderr.
# 2. Pair ids that match no partner: every column but the dyad ones is
#    the output without --dyad (Welch's test), and stderr stays empty.
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)
dir=$top_srcdir/tests/compare/dyad

# pick COLUMNS < TSV: those columns, by header name, in that order.
pick() {
    awk -F '\t' -v want="$1" 'BEGIN { OFS = "\t"; n = split(want, w, " ") }
        NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i }
        { line = ""
          for (k = 1; k <= n; k++) {
              if (!(w[k] in at)) { print "no column " w[k]; exit 1 }
              line = line (k > 1 ? OFS : "") $(at[w[k]])
          }
          print line }'
}
cols="variable t_method n_a n_b n_pairs_both r_pairs mean_diff se_diff ci_lo ci_hi t df p_t"

: > "$work/all.tsv"
for ve in "" --var-equal; do
    # shellcheck disable=SC2086 # $ve: no option or one
    if sk-compare --between role --levels a,b --dyad pair -c x,y,z $ve \
            "$dir/plp.csv" > "$work/out" 2> "$work/err"; then
        tap_ok "--dyad ${ve:-(Welch form)} runs"
    else
        tap_fail "--dyad ${ve:-(Welch form)} runs" "$work/err"
    fi
    pick "$cols" < "$work/out" > "$work/picked"
    if [ -s "$work/all.tsv" ]; then
        sed 1d "$work/picked" >> "$work/all.tsv"
    else
        cat "$work/picked" > "$work/all.tsv"
    fi
    if grep -q "^sk-compare: the groups are not independent: up to 8 pairs \
(--dyad 'pair') in which both partners answered" "$work/err"; then
        tap_ok "the dyad warning on stderr ${ve:-(Welch form)}"
    else
        tap_fail "the dyad warning on stderr ${ve:-(Welch form)}" "$work/err"
    fi
done
if awk -v tol=1e-9 -f "$top_srcdir/tests/tsvcmp.awk" "$dir/expected.tsv" \
        "$work/all.tsv" > "$work/cmp" 2>&1; then
    tap_ok "partially overlapping t test: as the paper's formulas (1e-9)"
else
    tap_fail "partially overlapping t test: as the paper's formulas (1e-9)" \
        "$work/cmp"
fi
p=$(sk-compare --between role --levels a,b --dyad pair -c x --var-equal \
        --precision 2 "$dir/plp.csv" 2> /dev/null | pick p_t | sed 1d)
if [ "$p" = 0.026 ]; then
    tap_ok "the published p = 0.026 (equal variances)"
else
    echo "p_t = $p" > "$work/why"
    tap_fail "the published p = 0.026 (equal variances)" "$work/why"
fi

# 2. no partner answered: the dyad test is Welch's
awk -F, 'BEGIN { OFS = "," } NR > 1 { $2 = "solo" NR } { print }' \
    "$dir/plp.csv" > "$work/solo.csv"
sk-compare --between role --levels a,b -c x,y "$work/solo.csv" \
    > "$work/welch" 2> "$work/welch.err"
sk-compare --between role --levels a,b -c x,y --dyad pair "$work/solo.csv" \
    > "$work/dyad" 2> "$work/dyad.err"
rest=$(head -1 "$work/welch" | tr '\t' ' ' | sed 's/ t_method / /')
pick "$rest" < "$work/dyad" > "$work/d1"
pick "$rest" < "$work/welch" > "$work/w1"
if awk -v tol=1e-12 -f "$top_srcdir/tests/tsvcmp.awk" "$work/w1" "$work/d1" \
        > "$work/cmp2" 2>&1 && [ ! -s "$work/dyad.err" ] &&
        [ "$(pick 'n_pairs_both t_method' < "$work/dyad" | sed -n 2p)" = \
          "0	overlap-welch" ]; then
    tap_ok "no pairs in which both answered: Welch's test, no warning"
else
    cat "$work/dyad.err" >> "$work/cmp2"
    tap_fail "no pairs in which both answered: Welch's test, no warning" \
        "$work/cmp2"
fi
tap_done
