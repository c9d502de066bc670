#!/bin/sh
# agree-labels.sh - sk-agree reads answers given as labels through a
# codebook in every input form (long, -p, -c), and they give the output
# of the same answers given as codes, byte for byte (TAP). The answers:
# 20 pairs of bfi respondents (consecutive rows of datasets/bfi.csv as the
# two partners of one pair) on C1 and C2, as the codebook's labels.
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)

grep -v '^scale' "$top_srcdir/datasets/bfi-codebook.csv" |
    grep -E '^(type|level),|^item,C[12],' |
    sed 's/,conscientious,/,,/' > "$work/cb.csv"   # the items, no scale
awk -F, 'NR == 1 { print "pair,role,C1,C2"; next }
    NR <= 41 { print int(NR / 2) "," (NR % 2 ? "e" : "p") "," $7 "," $8 }' \
    "$top_srcdir/datasets/bfi.csv" > "$work/codes.csv"
awk -F, 'BEGIN { n = split("Very Inaccurate,Moderately Inaccurate," \
        "Slightly Inaccurate,Slightly Accurate,Moderately Accurate," \
        "Very Accurate", L, ",") }
    NR == 1 { print; next }
    { print $1 "," $2 "," ($3 == "NA" ? "NA" : L[$3]) "," \
            ($4 == "NA" ? "NA" : L[$4]) }' "$work/codes.csv" > "$work/labels.csv"

# same NAME ARGS...: the labels through the codebook give the codes' output
same() {
    _n=$1
    shift
    if sk-agree "$@" "$work/codes.csv" > "$work/c.out" 2> "$work/c.err" &&
        sk-agree --codebook "$work/cb.csv" "$@" "$work/labels.csv" \
            > "$work/l.out" 2> "$work/l.err" &&
        cmp -s "$work/c.out" "$work/l.out" && [ ! -s "$work/l.err" ] &&
        [ "$(wc -l < "$work/l.out")" -ge 2 ]; then
        tap_ok "$_n"
    else
        diff "$work/c.out" "$work/l.out" > "$work/d" 2>&1 || :
        cat "$work/c.err" "$work/l.err" >> "$work/d"
        tap_fail "$_n" "$work/d"
    fi
}
same "long form: labels as codes" --id pair --within role --levels e,p \
    --value C1,C2
same "-p: labels as codes" -p C1:C2
same "-c: labels as codes" -c C1,C2
same "-g with labels" -p C1:C2 -g role

# an answer that is not a level is a located error
printf 'pair,role,C1,C2\n1,e,Very Accurate,Often\n' > "$work/bad.csv"
if ! sk-agree --codebook "$work/cb.csv" -p C1:C2 "$work/bad.csv" \
        > "$work/b.out" 2> "$work/b.err" &&
    grep -q "bad.csv:2: column 'C2': invalid answer 'Often'" "$work/b.err" &&
    [ ! -s "$work/b.out" ]; then
    tap_ok "an answer not a level: located error, no output"
else
    tap_fail "an answer not a level: located error, no output" "$work/b.err"
fi
# two items with different level sets: kappa NA, said in the note
{ echo "type,name,code,label,levels"
  echo "level,five,1,one,"; echo "level,five,2,two,"; echo "level,five,5,five,"
  echo "level,three,1,one,"; echo "level,three,2,two,"
  echo "level,three,3,three,"
  echo "item,a,,,five"; echo "item,b,,,three"; } > "$work/cb2.csv"
printf 'a,b\none,one\ntwo,three\nfive,two\n' > "$work/two.csv"
if sk-agree --codebook "$work/cb2.csv" -p a:b "$work/two.csv" \
        > "$work/t.out" 2> "$work/t.err" &&
    awk -F '\t' 'NR == 2 && $8 == "NA" && $11 == "NA" &&
        $NF ~ /different levels/ { ok = 1 } END { exit !ok }' "$work/t.out"
then
    tap_ok "items with different levels: kappa NA, with a note"
else
    cat "$work/t.out" "$work/t.err" > "$work/why"
    tap_fail "items with different levels: kappa NA, with a note" "$work/why"
fi
tap_done
