#!/bin/sh
# likert-large.sh - sk-alpha on many items, and the notes of its NA values.
#
# 20,000 items x 2 rows and 2,000 items x 50 rows (the data made by the
# formula of tests/ref/likert-large.R, which computed the expected rows
# from the definitions in base R): each must finish (a timeout of 120 s
# guards against a hang; the k x k computation took more than 300 s and
# 3 GB, O(n k) takes well under a second), exit 0 and match
# tests/likert/expected/large/NAME.tsv and, for some items,
# NAME-items.tsv within 1e-10 relative. Then the notes on standard error
# that explain an NA made by the data (the r_drop of the warnings by R's
# cor(); with a sum without variance the correlation of c with a + b is NA).
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)
expected=$top_srcdir/tests/likert/expected/large
tol=1e-10
if command -v timeout >/dev/null 2>&1; then guard="timeout 120"; else guard=; fi

make_data() {
    awk -v n="$1" -v k="$2" 'BEGIN {
        for (i = 1; i <= k; i++) printf "%sq%d", (i > 1 ? "," : ""), i
        print ""
        for (r = 1; r <= n; r++) {
            t = (37 * r) % 11
            for (i = 1; i <= k; i++) {
                e = ((7919 * r + 104729 * i + 31 * r * i) % 97) % 5
                printf "%s%d", (i > 1 ? "," : ""), 1 + int((t + e) / 3)
            }
            print ""
        }
    }'
}

check() {    # NAME N K ITEMS-PICKED (awk pattern on the item column)
    name=$1
    make_data "$2" "$3" >"$work/$name.csv"
    rc=0
    $guard sk-alpha -c "1-$3" "$work/$name.csv" >"$work/$name.out" \
        2>"$work/$name.err" || rc=$?
    if [ $rc = 0 ] && awk -v tol=$tol -f "$top_srcdir/tests/tsvcmp.awk" \
        "$expected/$name.tsv" "$work/$name.out" >"$work/$name.detail" 2>&1
    then tap_ok "$name: alpha as R's"
    else echo "exit status $rc" >>"$work/$name.detail"
         tap_fail "$name: alpha as R's" "$work/$name.detail"
    fi
    rc=0
    $guard sk-alpha --items -c "1-$3" "$work/$name.csv" \
        >"$work/$name-items.all" 2>"$work/$name-items.err" || rc=$?
    awk -F '\t' "NR == 1 || $4" "$work/$name-items.all" >"$work/$name-items.out"
    rows=$(wc -l <"$work/$name-items.all")
    if [ $rc = 0 ] && [ "$rows" -eq $(($3 + 1)) ] &&
        awk -v tol=$tol -f "$top_srcdir/tests/tsvcmp.awk" \
        "$expected/$name-items.tsv" "$work/$name-items.out" \
        >"$work/$name-items.detail" 2>&1
    then tap_ok "$name: $3 item rows, some checked against R's"
    else echo "exit status $rc, $rows rows" >>"$work/$name-items.detail"
         tap_fail "$name: $3 item rows, some checked against R's" \
             "$work/$name-items.detail"
    fi
}

check k20000-n2 2 20000 \
    '$2 == "q1" || $2 == "q2" || $2 == "q3" || $2 == "q4" || $2 == "q9999" || $2 == "q20000"'
check k2000-n50 50 2000 \
    '$2 == "q1" || $2 == "q2" || $2 == "q17" || $2 == "q1000" || $2 == "q2000"'
if grep -q 'items have no variance' "$work/k20000-n2.err"
then tap_ok "k20000-n2: one note for the constant items"
else tap_fail "k20000-n2: one note for the constant items" "$work/k20000-n2.err"
fi

# Notes: NAME, ARGUMENTS, INPUT, the expected stderr. Exit 0; stdout is
# not checked here (the NA values follow from the definitions).
note() {
    printf '%b' "$3" >"$work/in.csv"
    printf '%b' "$4" >"$work/want"
    rc=0
    # shellcheck disable=SC2086 # word splitting of the arguments is wanted
    sk-alpha $2 "$work/in.csv" >"$work/out" 2>"$work/err" || rc=$?
    if [ $rc = 0 ] && cmp -s "$work/want" "$work/err"; then
        tap_ok "note: $1"
    else
        { echo "exit status $rc; stderr:"; diff "$work/want" "$work/err"; } \
            >"$work/detail" 2>&1 || :
        tap_fail "note: $1" "$work/detail"
    fi
}
p="sk-alpha: scale 'scale'"
note one-item '-c a' 'a,b\n1,2\n3,4\n' \
    "$p: one item: alpha is NA (it needs 2 or more)\n"
note one-row '-c a,b' 'a,b\n1,2\n' \
    "$p: 1 complete row (every item answered): alpha is NA (it needs 2 or more)\n"
note all-missing '-c a,b' 'a,b\nNA,2\n3,NA\n' \
    "$p: 0 complete rows (every item answered): alpha is NA (it needs 2 or more)\n"
note constant-item '-c a,b,c' 'a,b,c\n1,3,2\n2,3,4\n4,3,5\n' \
    "$p: item 'b' has no variance (every answer 3): its correlations, std_alpha and mean_r are NA\n"
note sum-constant '-c a,b' 'a,b\n1,5\n2,4\n4,2\n' \
    "$p: the sum of the items has no variance: raw_alpha is NA\n$p: item 'a' correlates negatively with the rest of the scale (r_drop = -1): is it keyed the right way?\n$p: item 'b' correlates negatively with the rest of the scale (r_drop = -1): is it keyed the right way?\n"
note rest-constant '-c a,b,c' 'a,b,c\n1,5,1\n2,4,2\n4,2,3\n' \
    "$p: without item 'c' the sum has no variance: its alpha_if_deleted is NA\n$p: item 'a' correlates negatively with the rest of the scale (r_drop = -0.945): is it keyed the right way?\n$p: item 'b' correlates negatively with the rest of the scale (r_drop = -0.997): is it keyed the right way?\n"

# Large codes: variances beyond the range of a double, sd within it
# (expected: R's sd(c(1, 2, 5)) * 1e200 and 1e308 / sqrt(2); R's own sd()
# gives Inf there); an sd beyond the range is NA with a note.
# (--summary needs the levels declared: a codebook of the large codes)
printf 'a,b\n1e200,3e200\n2e200,1e200\n5e200,4e200\n' >"$work/big.csv"
printf 'type,name,code\nlevel,big,1e200\nlevel,big,2e200\nlevel,big,5e200\nitem,a,\n' \
    >"$work/big-cb.csv"
sd=$(sk-freq --summary --codebook="$work/big-cb.csv" "$work/big.csv" | awk -F '\t' 'NR == 2 { print $13 }')
if [ "$sd" = 2.08166599946613e+200 ]; then tap_ok "sk-freq: sd of codes near 1e200"
else tap_fail "sk-freq: sd of codes near 1e200 (got $sd)"; fi
printf 'a,b\n1e308,1e308\n1.5,1.5\n' >"$work/big.csv"
sd=$(sk-alpha -c a,b "$work/big.csv" | awk -F '\t' 'NR == 2 { print $11 }')
if [ "$sd" = 7.07106781186548e+307 ]; then tap_ok "sk-alpha: score_sd near 1e308"
else tap_fail "sk-alpha: score_sd near 1e308 (got $sd)"; fi
printf 'a\n-1.7e308\n1.7e308\n' >"$work/big.csv"
printf 'type,name,code\nlevel,big,-1.7e308\nlevel,big,1.7e308\nitem,a,\n' \
    >"$work/big-cb.csv"
sk-freq --summary --codebook="$work/big-cb.csv" "$work/big.csv" >"$work/out" 2>"$work/err" || :
if [ "$(awk -F '\t' 'NR == 2 { print $13 }' "$work/out")" = NA ] &&
    [ "$(cat "$work/err")" = "sk-freq: item 'a': the sd of its codes is beyond the range of a double (about 1.8e308): NA" ]
then tap_ok "sk-freq: sd beyond the range of a double is NA with a note"
else tap_fail "sk-freq: sd beyond the range of a double is NA with a note" "$work/err"; fi
tap_done
