#!/bin/sh
# many-groups.sh - -g with thousands of groups in no order, where the rows
# go through a group_pipe (src/lib/grouppipe.h; sk-freq and sk-describe
# from 4,096 groups).
#
# 40,000 rows of 6,000 groups in a scrambled order, two items of codes
# 1..5 with blanks (made by the awk formula below): sk-freq -g's counts,
# n and missing of every group and level must be those that awk counts
# from the same file, the groups in the order first seen, every level of
# the item in each group (count 0 where the group has none); sk-describe
# -g's n, missing, min and max those awk finds, and its mean awk's sum / n
# to 1e-12 relative (awk's sum of small integers is exact).
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

# columns FILE NAME...: the named columns of a program's output, in order
columns() {
    f=$1
    shift
    awk -F '\t' -v names="$*" '
        NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i
                  n = split(names, want, " "); next }
        { line = $col[want[1]]
          for (j = 2; j <= n; j++) line = line "\t" $col[want[j]]
          print line }' "$f"
}

# verdict NAME SAME RC ERR WANT GOT: ok when the program exited 0 with
# nothing on standard error and SAME (0 or 1) says its numbers were awk's
verdict() {
    if [ "$3" -eq 0 ] && [ ! -s "$4" ] && [ "$2" -eq 1 ]; then
        tap_ok "$1"
    else
        { echo "exit $3"; cat "$4"; diff "$5" "$6" | head -20; } \
            >"$work/detail"
        tap_fail "$1" "$work/detail"
    fi
}

rc=0
sk-freq -g grp -c q1,q2 "$work/many.csv" >"$work/freq.out" \
    2>"$work/freq.err" || rc=$?
columns "$work/freq.out" item group level count n missing >"$work/got.tsv"
same=0
cmp -s "$work/want.tsv" "$work/got.tsv" && same=1
verdict "sk-freq -g, 6000 groups in no order: counts as awk's" $same $rc \
    "$work/freq.err" "$work/want.tsv" "$work/got.tsv"
# variable group n missing min max mean, as awk finds them
awk -F, 'NR > 1 {
    if (!($1 in seen)) { seen[$1] = ++ng; name[ng] = $1 }
    for (i = 2; i <= 3; i++) {
        k = i SUBSEP $1
        if ($i == "") { miss[k]++; continue }
        if (!(k in n) || $i < lo[k]) lo[k] = $i
        if (!(k in n) || $i > hi[k]) hi[k] = $i
        n[k]++; sum[k] += $i
    }
}
END {
    for (i = 2; i <= 3; i++)
        for (j = 1; j <= ng; j++) {
            k = i SUBSEP name[j]
            printf "q%d\t%s\t%d\t%d\t%s\t%s\t%.17g\n", i - 1, name[j],
                   n[k] + 0, miss[k] + 0, k in n ? lo[k] : "NA",
                   k in n ? hi[k] : "NA", k in n ? sum[k] / n[k] : "NA"
        }
}' "$work/many.csv" >"$work/dwant.tsv"

rc=0
sk-describe -g grp -c q1,q2 "$work/many.csv" >"$work/desc.out" \
    2>"$work/desc.err" || rc=$?
columns "$work/desc.out" variable group n missing min max mean \
    >"$work/dgot.tsv"
same=0
awk -F '\t' 'NR == FNR { want[FNR] = $0; nw = FNR; next }
    { split(want[FNR], w, "\t")
      for (i = 1; i <= 6; i++) if ($i != w[i]) exit 1
      if (w[7] == "NA") { if ($7 != "NA") exit 1 }
      else if ((d = $7 - w[7]) * d > 1e-24 * w[7] * w[7]) exit 1 }
    END { if (FNR != nw) exit 1 }' "$work/dwant.tsv" "$work/dgot.tsv" &&
    same=1
verdict "sk-describe -g, 6000 groups in no order: as awk finds them" \
    $same $rc "$work/desc.err" "$work/dwant.tsv" "$work/dgot.tsv"
tap_done
