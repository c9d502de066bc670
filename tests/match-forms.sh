#!/bin/sh
# match-forms.sh - the forms of a comparison resolve the same way in every
# program that reads pairs (match.c; issue 9) (TAP).
#
# The same two comparisons given as -p pairs, as --suffix and as --prefix
# (the columns named both ways) must give the same output, byte for byte,
# in sk-paired and in sk-boot, but for the first column, variable: A:B of
# -p A:B, the stem of an affix (README, "Names and units"); and -p x:y
# must pick the same columns in both (a name with a colon in it: the first
# ':' where both sides are columns).
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"

cat > "$work/d.csv" <<'CSV'
id,conf_pre,conf_post,pre_conf,post_conf,voice_pre,voice_post,pre_voice,post_voice
1,2,4,2,4,3,3,3,3
2,3,4,3,4,2,4,2,4
3,3,3,3,3,1,2,1,2
4,1,3,1,3,4,5,4,5
5,2,5,2,5,3,4,3,4
6,4,4,4,4,2,2,2,2
7,2,3,2,3,3,5,3,5
CSV

# same NAME FILE-A FILE-B VARS-A VARS-B: one result, the outputs byte for
# byte but for their first column (variable), which must be VARS-A and
# VARS-B (the distinct values, blank-separated, in order).
same() {
    cut -f 2- "$2" > "$work/same-a"
    cut -f 2- "$3" > "$work/same-b"
    va=$(sed 1d "$2" | cut -f 1 | uniq | tr '\n' ' ')
    vb=$(sed 1d "$3" | cut -f 1 | uniq | tr '\n' ' ')
    if cmp -s "$work/same-a" "$work/same-b" && [ -s "$2" ] &&
        [ "$va" = "$4 " ] && [ "$vb" = "$5 " ]; then
        tap_ok "$1 (variable $4 / $5)"
    else
        { diff "$work/same-a" "$work/same-b"
          echo "variable: '$va' and '$vb', expected '$4 ' and '$5 '"; } \
            > "$work/diff" 2>&1 || :
        tap_fail "$1" "$work/diff"
    fi
}

# run NAME PROGRAM ARGS...: $work/NAME, exit 0 and an empty stderr.
run() {
    _n=$1
    shift
    if "$@" "$work/d.csv" > "$work/$_n" 2> "$work/$_n.err" &&
        [ ! -s "$work/$_n.err" ]; then
        :
    else
        echo "failed: $*" >> "$work/$_n.err"
        tap_fail "$_n runs" "$work/$_n.err"
    fi
}

run p-pair sk-paired -p conf_pre:conf_post -p voice_pre:voice_post
run p-suffix sk-paired --suffix _pre:_post
same "sk-paired: --suffix _pre:_post is the two -p pairs" \
    "$work/p-pair" "$work/p-suffix" "conf_pre:conf_post voice_pre:voice_post" \
    "conf voice"
run p-pair2 sk-paired -p pre_conf:post_conf -p pre_voice:post_voice
run p-prefix sk-paired --prefix pre_:post_
same "sk-paired: --prefix pre_:post_ is the two -p pairs" \
    "$work/p-pair2" "$work/p-prefix" "pre_conf:post_conf pre_voice:post_voice" \
    "conf voice"

for s in mean-diff dz cor; do
    run b-pair sk-boot -B 2000 -s $s -p conf_pre:conf_post \
        -p voice_pre:voice_post
    run b-suffix sk-boot -B 2000 -s $s --suffix _pre:_post
    same "sk-boot -s $s: --suffix _pre:_post is the two -p pairs" \
        "$work/b-pair" "$work/b-suffix" \
        "conf_pre:conf_post voice_pre:voice_post" "conf voice"
    run b-pair2 sk-boot -B 2000 -s $s -p pre_conf:post_conf \
        -p pre_voice:post_voice
    run b-prefix sk-boot -B 2000 -s $s --prefix pre_:post_
    same "sk-boot -s $s: --prefix pre_:post_ is the two -p pairs" \
        "$work/b-pair2" "$work/b-prefix" \
        "pre_conf:post_conf pre_voice:post_voice" "conf voice"
done

# a column name with a colon: 'a:b' and 'c' exist, 'a' does not
printf 'a:b,c,b:c\n1,2,3\n2,4,3\n3,3,5\n4,6,6\n' > "$work/colon.csv"
sk-paired -p a:b:c "$work/colon.csv" > "$work/pc" 2>&1 || :
sk-boot -B 999 -s mean-diff -p a:b:c "$work/colon.csv" > "$work/bc" 2>&1 || :
pv=$(awk -F '\t' 'NR == 2 { print $2 "|" $3 "|" $(NF - 1) }' "$work/pc")
bv=$(awk -F '\t' 'NR == 2 { print $1 "|" $17 }' "$work/bc")
if [ "$pv" = "a:b|c|c - a:b" ] && [ "$bv" = "a:b:c|c - a:b" ]; then
    tap_ok "-p a:b:c is a:b against c in sk-paired and sk-boot"
else
    printf 'sk-paired: %s\nsk-boot: %s\n' "$pv" "$bv" > "$work/why"
    tap_fail "-p a:b:c is a:b against c in sk-paired and sk-boot" "$work/why"
fi
tap_done
