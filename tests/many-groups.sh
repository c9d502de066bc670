#!/bin/sh
# many-groups.sh - -g with thousands of groups in no order, where the rows
# go through a group_pipe (src/lib/grouppipe.h; sk-freq from 4,096 groups).
#
# 40,000 rows of 6,000 groups in a scrambled order, two items of codes
# 1..5 with blanks (made by the awk formula below): sk-freq -g's counts,
# n and missing of every group and level must be those that awk counts
# from the same file, the groups in the order first seen, every level of
# the item in each group (count 0 where the group has none).
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"

awk 'BEGIN {
    print "grp,q1,q2"
    for (r = 0; r < 40000; r++) {
        g = (r * 7919 + int(r / 13)) % 6000
        a = (r * 31 + g) % 11; b = (r * 17 + 3 * g) % 7
        printf "g%d,%s,%s\n", g, a < 10 ? 1 + a % 5 : "", b < 6 ? 1 + b % 5 : ""
    }
}' >"$work/many.csv"

# item group level count n missing, as awk counts them
awk -F, 'NR > 1 {
    if (!($1 in seen)) { seen[$1] = ++ng; name[ng] = $1 }
    for (i = 2; i <= 3; i++) {
        if ($i == "") miss[i, $1]++
        else { c[i, $1, $i]++; n[i, $1]++; lev[i, $i] = 1 }
    }
}
END {
    for (i = 2; i <= 3; i++)
        for (k = 1; k <= ng; k++)
            for (v = 1; v <= 5; v++)
                if ((i, v) in lev)
                    printf "q%d\t%s\t%d\t%d\t%d\t%d\n", i - 1, name[k], v,
                           c[i, name[k], v] + 0, n[i, name[k]] + 0,
                           miss[i, name[k]] + 0
}' "$work/many.csv" >"$work/want.tsv"

rc=0
sk-freq -g grp -c q1,q2 "$work/many.csv" >"$work/freq.out" \
    2>"$work/freq.err" || rc=$?
awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { print $col["item"] "\t" $col["group"] "\t" $col["level"] "\t" \
            $col["count"] "\t" $col["n"] "\t" $col["missing"] }' \
    "$work/freq.out" >"$work/got.tsv"
if [ $rc -eq 0 ] && [ ! -s "$work/freq.err" ] &&
   cmp -s "$work/want.tsv" "$work/got.tsv"; then
    tap_ok "sk-freq -g, 6000 groups in no order: counts as awk's"
else
    { echo "exit $rc"; cat "$work/freq.err"
      diff "$work/want.tsv" "$work/got.tsv" | head -20; } >"$work/detail"
    tap_fail "sk-freq -g, 6000 groups in no order: counts as awk's" \
        "$work/detail"
fi
tap_done
