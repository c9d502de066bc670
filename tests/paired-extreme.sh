#!/bin/sh
# paired-extreme.sh - sk-paired on values near the ends of the double range
# (1e300, 1e308 whose differences overflow, denormals, 1e300 next to 0.4):
# the columns of tests/paired/extreme/NAME.tsv, extracted by name from
# 'sk-paired -p b:a NAME.csv', must agree within 1e-12 relative with the
# exact values computed by tests/ref/paired_extreme.py; exit 0 and an empty
# stderr.
set -eu
. "$top_srcdir/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)

for want in "$top_srcdir"/tests/paired/extreme/*.tsv; do
    name=$(basename "$want" .tsv)
    rc=0
    sk-paired -p b:a "$top_srcdir/tests/paired/extreme/$name.csv" \
        >"$work/$name.out" 2>"$work/$name.err" || rc=$?
    # the expected file's columns, in its order, from the output
    awk -F '\t' 'NR == FNR { if (FNR == 1) for (i = 1; i <= NF; i++) want[i] = $i
                             n = NF; next }
                 FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
                 { line = ""
                   for (i = 1; i <= n; i++)
                       line = line (i > 1 ? "\t" : "") (want[i] in col ? $col[want[i]] : "MISSING")
                   print line }' "$want" "$work/$name.out" >"$work/$name.got"
    {
        [ "$rc" = 0 ] || echo "exit status $rc"
        [ ! -s "$work/$name.err" ] || { echo "stderr:"; cat "$work/$name.err"; }
        awk -v tol=1e-12 -f "$top_srcdir/tests/tsvcmp.awk" "$want" \
            "$work/$name.got" || :
    } >"$work/$name.why" 2>&1
    if [ -s "$work/$name.why" ]; then
        tap_fail "extreme values: $name" "$work/$name.why"
    else
        tap_ok "extreme values: $name"
    fi
done
tap_done
