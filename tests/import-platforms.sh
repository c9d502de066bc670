#!/bin/sh
# import-platforms.sh - sk-import end to end (issue 14): each export of
# tests/import/input/ goes through sk-import, and the analyses of its clean
# table read through its draft codebook give the same numbers as the same
# analyses of the hand-cleaned table of tests/import/expected/ (made by
# tests/ref/import_clean.py, independently of sk-import) read through the
# hand codebook tests/import/hand-codebook.csv (TAP).
#
# For each of the three shared exports (qualtrics_labels, surveymonkey,
# forms_excel): sk-import exits 0 and says on stderr what it found (the
# platform, the responses left out with their lines, the free-text numbers
# with their lines); the reverse-worded items (seniority, holdback) are
# marked reverse=yes in the draft codebook with sed, as a user would; then
# sk-freq (the level table and --summary) on the agreement items and the
# COVID item, sk-alpha (and --items) on the partnership scale, sk-describe
# on the before/now ratings (and the meeting length of Forms), sk-paired
# --prefix before vs now: the outputs, sk-import's names mapped to the hand
# names through tests/import/names.tab, must be identical byte for byte
# (the codes are the same; sk-paired's first column, the prefix stem, is
# left out of the comparison: its before and after columns name the pair).
#
# The variants (tests/import/make-exports.py made them; tests/import/
# README.md): forms_semicolon (';', decimal commas) and forms_utf16 (UTF-16LE,
# tab) give forms_excel's clean table and draft codebook byte for byte;
# qualtrics_numeric gives the labelled export's numbers; qualtrics_dup keeps
# the repeated response once, with a note; qualtrics_dupconflict is an
# error naming both lines; latin1 is refused without --encoding and
# converted with --encoding=latin1; in qualtrics_dk a "Don't know" is a
# missing=yes level (code 99) of the draft codebook, counted apart (aside)
# and in no n, mean or percentage: with aside added to missing (dropped,
# n_dropped) the outputs are the hand table's, where Don't know is empty.
#
# A check of a known sk-import problem is a TAP TODO (not ok ... # TODO):
# it does not fail 'make check', and passes unexpectedly once it is fixed.
#
# Run by 'make check', or by hand:
#   top_srcdir=. top_builddir=build sh tests/import-platforms.sh
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)

d=$top_srcdir/tests/import
in=$d/input
exp=$d/expected
hand=$d/hand-codebook.csv

AGREE="equals honest seniority learned valued holdback meetings_use changed"
RATE="before_understanding before_confidence before_motivation"
RATE="$RATE before_inclusive"
RATE="$RATE now_understanding now_confidence now_motivation now_inclusive"

# known NAME REASON [DETAIL-FILE]: a check that fails for a known problem
known() {
    tap_n=$((tap_n + 1))
    printf 'not ok %d - %s # TODO %s\n' "$tap_n" "$1" "$2"
    if [ $# -ge 3 ] && [ -f "$3" ]; then
        sed 's/^/# /' "$3" | head -20
    fi
}

# check NAME DETAIL-FILE [TODO-REASON]: ok when DETAIL-FILE is empty
check() {
    if [ ! -s "$2" ]; then
        if [ $# -ge 3 ]; then
            tap_n=$((tap_n + 1))
            printf 'ok %d - %s # TODO %s\n' "$tap_n" "$1" "$3"
        else
            tap_ok "$1"
        fi
    elif [ $# -ge 3 ]; then
        known "$1" "$3" "$2"
    else
        tap_fail "$1" "$2"
    fi
}

# names PLATFORM 'HAND-NAME...': sk-import's names of them, comma-separated
names() {
    awk -F '\t' -v p="$1" -v want="$2" '
        $1 == p { m[$3] = $2 }
        END {
            n = split(want, w, " ")
            for (i = 1; i <= n; i++)
                printf "%s%s", (i > 1 ? "," : ""), (w[i] in m ? m[w[i]] : w[i])
            print ""
        }' "$d/names.tab"
}

# map PLATFORM FILE: FILE with every name of sk-import (a whole run of
# [A-Za-z0-9_]) replaced by its hand name
map() {
    awk -F '\t' -v p="$1" '
        FNR == NR { if ($1 == p) m[$2] = $3; next }
        {
            out = ""
            s = $0
            while (match(s, /[A-Za-z0-9_]+/)) {
                t = substr(s, RSTART, RLENGTH)
                out = out substr(s, 1, RSTART - 1) (t in m ? m[t] : t)
                s = substr(s, RSTART + RLENGTH)
            }
            print out s
        }' "$d/names.tab" "$2"
}

# fold FILE: the non-substantive answers (aside) counted as missing, as the
# hand table has them: aside added to missing, dropped or n_dropped, the
# aside column left out, and the level rows of code 99 (Don't know) too
fold() {
    awk -F '\t' -v OFS='\t' '
        NR == 1 {
            for (i = 1; i <= NF; i++) {
                if ($i == "aside") a = i
                if ($i == "missing" || $i == "dropped" || $i == "n_dropped")
                    m = i
                if ($i == "level") l = i
            }
        }
        NR > 1 && l && $l == 99 { next }
        {
            if (a) {
                if (NR > 1 && m) $m = $m + $a
                out = ""; sep = ""
                for (i = 1; i <= NF; i++)
                    if (i != a) { out = out sep $i; sep = OFS }
                print out
            } else
                print
        }' "$1"
}

# import NAME FILE ARGS...: sk-import FILE into $work/NAME.csv, the draft
# codebook $work/NAME.cb.csv, stderr $work/NAME.err; exit status in $rc
import() {
    _n=$1
    _f=$2
    shift 2
    rc=0
    sk-import "$@" -o "$work/$_n.csv" --codebook-out="$work/$_n.cb.csv" \
        "$_f" 2>"$work/$_n.err" || rc=$?
}

# says NAME ERR-FILE STRING...: every STRING (fixed) on stderr
says() {
    _t=$1
    _e=$2
    shift 2
    : >"$work/says"
    for _s in "$@"; do
        grep -F -e "$_s" "$_e" >/dev/null ||
            echo "stderr does not say: $_s" >>"$work/says"
    done
    [ -s "$work/says" ] && cat "$_e" >>"$work/says"
    check "$_t" "$work/says"
}

# reverse CODEBOOK NAME...: the items NAME marked reverse=yes, as a user
# would with sed; a line of detail in $work/rev when an item is not there
reverse() {
    _cb=$1
    shift
    for _i in "$@"; do
        sed "s/^\(item,$_i,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*\),no,/\1,yes,/" \
            "$_cb" >"$_cb.new"
        mv "$_cb.new" "$_cb"
        grep "^item,$_i,\([^,]*,\)\{5\}yes," "$_cb" >/dev/null ||
            echo "$_cb: no item $_i to reverse" >>"$work/rev"
    done
}

# analyse TAG PLATFORM DATA CODEBOOK: the analyses into $work/TAG.PROGRAM;
# PLATFORM 'hand' for the hand names; $work/TAG.fail lists what failed
analyse() {
    _t=$1
    _p=$2
    _data=$3
    _cb=$4
    if [ "$_p" = hand ]; then
        _ag=$(names none "$AGREE covid")
        _ra=$(names none "$RATE")
        _pre=before_:now_
    else
        _ag=$(names "$_p" "$AGREE covid")
        _ra=$(names "$_p" "$RATE")
        _pre=$(names "$_p" "before_ now_" | tr , :)
        [ "$_p" = qualtrics ] && _pre=Q7_1_:Q7_2_
    fi
    _all="freq summary alpha items describe paired"
    case $_data in
    *forms*) _all="$_all hours" ;;
    esac
    : >"$work/$_t.fail"
    for _a in $_all; do
        case $_a in
        freq) set -- sk-freq --codebook "$_cb" -c "$_ag" ;;
        summary) set -- sk-freq --summary --codebook "$_cb" -c "$_ag" ;;
        alpha) set -- sk-alpha --codebook "$_cb" ;;
        items) set -- sk-alpha --items --codebook "$_cb" ;;
        describe) set -- sk-describe --codebook "$_cb" -c "$_ra" ;;
        paired) set -- sk-paired --codebook "$_cb" --prefix "$_pre" ;;
        hours) set -- sk-describe -c "$(names "$_p" hours)" ;;
        esac
        if "$@" "$_data" >"$work/$_t.$_a" 2>"$work/$_t.$_a.err" &&
            [ ! -s "$work/$_t.$_a.err" ]; then
            :
        else
            { echo "$_t: $* $_data failed or warned:"
              cat "$work/$_t.$_a.err"; } >>"$work/$_t.fail"
        fi
        if [ "$_a" = paired ]; then
            cut -f 2- "$work/$_t.$_a" >"$work/$_t.$_a.cut"
            mv "$work/$_t.$_a.cut" "$work/$_t.$_a"
        fi
    done
}

# same LABEL TAG-A PLATFORM-A TAG-B [FOLD]: the analyses of A (names
# mapped from PLATFORM-A) as B's, one result each
same() {
    _all="freq summary alpha items describe paired"
    [ -e "$work/$4.hours" ] && _all="$_all hours"
    for _a in $_all; do
        map "$3" "$work/$2.$_a" >"$work/$2.$_a.mapped"
        if [ $# -ge 5 ]; then
            fold "$work/$2.$_a.mapped" >"$work/$2.$_a.folded"
            mv "$work/$2.$_a.folded" "$work/$2.$_a.mapped"
        fi
        {
            [ -s "$work/$4.$_a" ] || echo "no output"
            diff "$work/$4.$_a" "$work/$2.$_a.mapped" || :
        } >"$work/same" 2>&1
        check "$1: $_a as the hand-cleaned table's" "$work/same"
    done
}

hand_side() {
    analyse "$1.hand" hand "$exp/$1.csv" "$hand"
    check "$1: the analyses of the hand-cleaned table run" "$work/$1.hand.fail"
}

# --- the three shared exports --------------------------------------------
main_export() {
    me_n=$1
    me_p=$2
    shift 2
    import "$me_n" "$in/$me_n.csv"
    echo "exit status $rc" >"$work/rc"
    [ "$rc" = 0 ] && : >"$work/rc"
    check "$me_n: sk-import exits 0" "$work/rc"
    says "$me_n: stderr names what was found and left out" "$work/$me_n.err" \
        "$@"
    : >"$work/rev"
    me_r=$(names "$me_p" "seniority holdback" | tr , ' ')
    # shellcheck disable=SC2086 # the names are words
    reverse "$work/$me_n.cb.csv" $me_r
    check "$me_n: seniority and holdback marked reverse=yes in the draft" \
        "$work/rev"
    analyse "$me_n" "$me_p" "$work/$me_n.csv" "$work/$me_n.cb.csv"
    check "$me_n: the analyses of sk-import's table run" "$work/$me_n.fail"
    hand_side "$me_n"
    same "$me_n" "$me_n" "$me_p" "$me_n.hand"
}

q=qualtrics_labels.csv
main_export qualtrics_labels qualtrics \
    "$q: Qualtrics export (3 header rows)" \
    "$q: left out 1 preview or test response (line 12)" \
    "$q: left out 1 unfinished response (line 39" \
    "$q:15: column 'Q9': 'about 8' is not a number" \
    "$q:18: column 'Q9': '10+' is not a number" \
    "$q: 26 of 28 responses written"
main_export surveymonkey surveymonkey \
    "surveymonkey.csv: SurveyMonkey export (2 header rows)" \
    "surveymonkey.csv: 26 of 26 responses written"
main_export forms_excel forms \
    "forms_excel.csv: Microsoft Forms export (1 header row)" \
    "forms_excel.csv: 26 of 26 responses written"

# The free-text answer '5 ' (trailing blank) of qualtrics_labels.csv line 21
: >"$work/blank"
grep -F "qualtrics_labels.csv:21: column 'Q9'" "$work/qualtrics_labels.err" \
    >/dev/null || echo "no message for Q9 '5 ' on line 21" >"$work/blank"
check "qualtrics_labels: the free-text number '5 ' (unquoted, a trailing \
blank) reported with its line 21" "$work/blank"

# --- Forms as Excel in Europe saves it, and as Unicode text --------------
for v in forms_semicolon.csv forms_utf16.txt; do
    n=${v%.*}
    import "$n" "$in/$v"
    echo "exit status $rc" >"$work/rc"
    [ "$rc" = 0 ] && : >"$work/rc"
    check "$n: sk-import exits 0" "$work/rc"
    cmp "$work/forms_excel.csv" "$work/$n.csv" >"$work/cmp" 2>&1 || :
    check "$n: the clean table is forms_excel's, byte for byte" "$work/cmp"
    # the draft codebooks differ in the file named on their first comment
    # and in the reverse marks made above
    sed 2d "$work/$n.cb.csv" >"$work/$n.cb.body"
    : >"$work/rev"
    reverse "$work/$n.cb.body" differences_seniority_way felt_hold_back
    sed 2d "$work/forms_excel.cb.csv" >"$work/forms_excel.cb.body"
    diff "$work/forms_excel.cb.body" "$work/$n.cb.body" >"$work/cmp" 2>&1 || :
    cat "$work/rev" >>"$work/cmp"
    check "$n: the draft codebook is forms_excel's" "$work/cmp"
    cmp "$exp/forms_excel.csv" "$exp/$n.csv" >"$work/cmp" 2>&1 || :
    check "$n: the hand-cleaned table is forms_excel's" "$work/cmp"
done
says "forms_semicolon: stderr names the delimiter and the decimal commas" \
    "$work/forms_semicolon.err" \
    "forms_semicolon.csv: Microsoft Forms export (1 header row)" \
    "delimiter ';'" \
    "26 numbers with a decimal comma (1,5) written with a decimal point"
says "forms_utf16: stderr names UTF-16 and the tab" "$work/forms_utf16.err" \
    "forms_utf16.txt: Microsoft Forms export (1 header row), UTF-16LE" \
    "delimiter tab"

# --- Qualtrics' numeric values --------------------------------------------
n=qualtrics_numeric
import $n "$in/$n.csv"
echo "exit status $rc" >"$work/rc"
[ "$rc" = 0 ] && : >"$work/rc"
check "$n: sk-import exits 0" "$work/rc"
says "$n: stderr names what was found and left out" "$work/$n.err" \
    "$n.csv: Qualtrics export (3 header rows)" \
    "$n.csv: left out 1 preview or test response (line 12)" \
    "$n.csv: left out 1 unfinished response (line 39" \
    "$n.csv:15: column 'Q9': 'about 8' is not a number" \
    "$n.csv: 26 of 28 responses written"
# the matrix question Q5 is a candidate scale, as in the labelled export
awk -F , '$1 == "item" && $2 ~ /^Q5_[1-8]$/ { print $2 " " $7 }' \
    "$work/$n.cb.csv" >"$work/$n.scales"
: >"$work/why"
if [ "$(cut -d ' ' -f 2 "$work/$n.scales" | sort -u)" != Q5 ] ||
    [ "$(wc -l <"$work/$n.scales")" -ne 8 ]; then
    { echo "the items of Q5 and their scale:"; cat "$work/$n.scales"; } \
        >"$work/why"
fi
check "$n: the eight items of Q5 are one candidate scale in the draft" \
    "$work/why"
# its codes have no labels: sk-describe and sk-paired through its draft
# codebook; sk-freq and sk-alpha, which need the levels and the scale,
# through the hand codebook with its header renamed to the hand names
analyse $n qualtrics "$work/$n.csv" "$work/$n.cb.csv"
{ sed 1q "$work/$n.csv" >"$work/$n.head"
  map qualtrics "$work/$n.head"
  sed 1d "$work/$n.csv"; } >"$work/$n.renamed.csv"
analyse $n.renamed hand "$work/$n.renamed.csv" "$hand"
for a in describe paired; do
    map qualtrics "$work/$n.$a" >"$work/$n.$a.mapped"
    diff "$work/qualtrics_labels.hand.$a" "$work/$n.$a.mapped" \
        >"$work/same" 2>&1 || :
    grep -F "$a" "$work/$n.fail" >>"$work/same" || :
    check "$n: $a (its draft codebook) as the labelled export's" "$work/same"
done
for a in freq summary alpha items; do
    diff "$work/qualtrics_labels.hand.$a" "$work/$n.renamed.$a" \
        >"$work/same" 2>&1 || :
    grep -F "$a" "$work/$n.renamed.fail" >>"$work/same" || :
    check "$n: $a (the hand codebook) as the labelled export's" "$work/same"
done

# --- a response exported twice -------------------------------------------
n=qualtrics_dup
import $n "$in/$n.csv"
echo "exit status $rc" >"$work/rc"
[ "$rc" = 0 ] && : >"$work/rc"
check "$n: sk-import exits 0" "$work/rc"
says "$n: stderr notes the duplicate left out, with its line" "$work/$n.err" \
    "$n.csv: left out 1 duplicate response" "line 18" \
    "$n.csv: 26 of 29 responses written"
cmp "$work/qualtrics_labels.csv" "$work/$n.csv" >"$work/cmp" 2>&1 || :
check "$n: the clean table is qualtrics_labels', the response kept once" \
    "$work/cmp"
cmp "$exp/qualtrics_labels.csv" "$exp/$n.csv" >"$work/cmp" 2>&1 || :
check "$n: the hand-cleaned table is qualtrics_labels'" "$work/cmp"
: >"$work/both"
grep -F "line 14" "$work/$n.err" >/dev/null ||
    { echo "the note names only the copy (line 18), not line 14:"
      grep -F duplicate "$work/$n.err"; } >"$work/both"
check "$n: the note names the line of the response kept (14) too" \
    "$work/both"

n=qualtrics_dupconflict
import $n "$in/$n.csv"
: >"$work/why"
[ "$rc" = 1 ] || echo "exit status $rc, expected 1" >>"$work/why"
grep -F "$n.csv:18:" "$work/$n.err" | grep -F "line 14" >/dev/null ||
    { echo "the message does not name lines 18 and 14:"
      cat "$work/$n.err"; } >>"$work/why"
[ ! -e "$work/$n.csv" ] && [ ! -e "$work/$n.cb.csv" ] ||
    echo "an output file was written" >>"$work/why"
check "$n: the same id with other answers is an error naming both lines" \
    "$work/why"

# --- latin-1 --------------------------------------------------------------
n=latin1
import $n "$in/$n.csv"
: >"$work/why"
[ "$rc" = 1 ] || echo "exit status $rc, expected 1" >>"$work/why"
grep -F "$n.csv:2: not UTF-8" "$work/$n.err" | grep -F -e "--encoding=latin1" \
    >/dev/null || cat "$work/$n.err" >>"$work/why"
[ ! -e "$work/$n.csv" ] || echo "an output file was written" >>"$work/why"
check "$n: refused without --encoding, the line and --encoding named" \
    "$work/why"
import $n "$in/$n.csv" --encoding=latin1
: >"$work/why"
[ "$rc" = 0 ] || { echo "exit status $rc"; cat "$work/$n.err"; } >>"$work/why"
cut -d , -f 5 "$work/$n.csv" >"$work/$n.names"
cut -d , -f 2 "$exp/$n.csv" >"$work/$n.names.hand"
diff "$work/$n.names.hand" "$work/$n.names" >>"$work/why" 2>&1 || :
grep -F "café" "$work/$n.csv" >/dev/null ||
    echo "no 'café' (UTF-8) in the table" >>"$work/why"
check "$n: --encoding=latin1 converts it, the names as UTF-8" "$work/why"
: >"$work/why"
sk-freq --summary --codebook "$work/$n.cb.csv" \
    -c partner_related_equals,honest_partner_race "$work/$n.csv" \
    >"$work/$n.summary" 2>>"$work/why" || echo "sk-freq failed" >>"$work/why"
sk-freq --summary --levels=1:5 -c equals,honest "$exp/$n.csv" \
    >"$work/$n.hand.summary" 2>>"$work/why" ||
    echo "sk-freq on the hand table failed" >>"$work/why"
map forms "$work/$n.summary" | diff "$work/$n.hand.summary" - \
    >>"$work/why" 2>&1 || :
sk-describe -c average_meeting_length "$work/$n.csv" | cut -f 2- \
    >"$work/$n.describe" 2>>"$work/why" || :
sk-describe -c hours "$exp/$n.csv" | cut -f 2- >"$work/$n.hand.describe" \
    2>>"$work/why" || :
diff "$work/$n.hand.describe" "$work/$n.describe" >>"$work/why" 2>&1 || :
check "$n: sk-freq --summary and sk-describe as the hand-cleaned table's" \
    "$work/why"

# --- Don't know, and a number with a trailing blank ----------------------
n=qualtrics_dk
import $n "$in/$n.csv"
echo "exit status $rc" >"$work/rc"
[ "$rc" = 0 ] && : >"$work/rc"
check "$n: sk-import exits 0" "$work/rc"
: >"$work/blank"
grep -F "$n.csv:14: column 'Q9': '8 '" "$work/$n.err" >/dev/null ||
    { echo "no message for Q9 '8 ' on line 14:"; cat "$work/$n.err"; } \
        >"$work/blank"
check "$n: the free-text number \"8 \" (quoted, a trailing blank) reported \
with its line" "$work/blank"
: >"$work/why"
grep "^level,agree5[A-Za-z0-9_]*,99,Don't know,yes," "$work/$n.cb.csv" \
    >/dev/null || { echo "no Don't know level 99 missing=yes:"
                    grep '^level,agree' "$work/$n.cb.csv"; } >>"$work/why"
check "$n: Don't know is a missing=yes level, code 99, in the draft" \
    "$work/why"
# the eight Q5 items: one candidate scale
awk -F , '$1 == "item" && $2 ~ /^Q5_[1-8]$/ { print $2 " " $7 }' \
    "$work/$n.cb.csv" >"$work/$n.scales"
: >"$work/why"
if [ "$(wc -l <"$work/$n.scales")" -ne 8 ] ||
    [ "$(cut -d ' ' -f 2 "$work/$n.scales" | sort -u | wc -l)" -ne 1 ] ||
    grep ' $' "$work/$n.scales" >/dev/null; then
    { echo "the items of Q5 and their scale:"; cat "$work/$n.scales"; } \
        >"$work/why"
fi
check "$n: the eight items of Q5 are one candidate scale in the draft" \
    "$work/why"
: >"$work/rev"
reverse "$work/$n.cb.csv" Q5_3 Q5_6
check "$n: Q5_3 and Q5_6 marked reverse=yes in the draft" "$work/rev"
if sk-freq --help | grep -F 'missing=yes' >/dev/null; then
    analyse $n qualtrics "$work/$n.csv" "$work/$n.cb.csv"
    check "$n: the analyses of sk-import's table run" "$work/$n.fail"
    : >"$work/why"
    for i in Q5_2 Q5_3 Q5_4 Q5_7; do
        awk -F '\t' -v i="$i" '
            NR == 1 { for (c = 1; c <= NF; c++) h[$c] = c; next }
            $1 == i { found = 1
                      if ($h["aside"] != 1)
                          print i ": aside " $h["aside"] ", expected 1" }
            END { if (!found) print i ": no row" }' \
            "$work/$n.summary" >>"$work/why"
        awk -F '\t' -v i="$i" '
            $1 == i && $2 == 99 && ($5 != "NA" || $6 != "NA") {
                print i ": Don'"'"'t know has a percentage: " $0 }' \
            "$work/$n.freq" >>"$work/why"
    done
    [ -s "$work/why" ] && cat "$work/$n.summary" >>"$work/why"
    check "$n: each Don't know counted apart (aside 1), in no percentage" \
        "$work/why"
    hand_side $n
    same "$n (Don't know as missing)" $n qualtrics $n.hand fold
else
    for a in "analyses run" "aside counts" freq summary alpha items describe \
        paired; do
        tap_ok "$n: $a # SKIP the programs do not read missing=yes yet"
    done
fi

tap_done
