#!/bin/sh
# likert-golden.sh - sk-freq, sk-score and sk-alpha against R: the golden
# tests.
#
# Each line NAME<TAB>ARGUMENTS of tests/likert/{freq,score,alpha}.tab runs
# the program with ARGUMENTS in the source root; it must exit 0, write
# nothing to stderr, and print tests/likert/expected/PROGRAM/NAME.tsv
# (computed by R with tests/ref/likert.R) within a relative tolerance of
# 1e-10 (as text exactly when the case sets --precision); the loop is
# tests/golden.sh. sk-score writes CSV: its commas are turned into tabs
# before the comparison (no case has a comma inside a field). Then the
# warning of an item keyed the wrong way, which goes to stderr.
#
# Run by 'make check', or by hand from the source root:
#   top_builddir=build-likert golden_report=1 sh tests/likert-golden.sh
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)

# shellcheck source=tests/golden.sh
. "$top_srcdir/tests/golden.sh"

cases=$top_srcdir/tests/likert
ref=tests/ref/likert.R
tol=1e-10

golden_cases sk-freq "$cases/freq.tab" "$cases/expected/freq" $tol $ref

cat >"$work/sk-score-tsv" <<WRAP
#!/bin/sh
"$bindir/sk-score" "\$@" >"$work/score.csv" || exit \$?
tr , '\t' <"$work/score.csv"
WRAP
chmod +x "$work/sk-score-tsv"
golden_cases "$work/sk-score-tsv" "$cases/score.tab" "$cases/expected/score" \
    $tol $ref

golden_cases sk-alpha "$cases/alpha.tab" "$cases/expected/alpha" $tol $ref

# Items keyed the wrong way (tests/likert/warning.tab): exit 0, the output
# as R's expected/warning/NAME.tsv, and on stderr exactly the warnings of
# expected/warning/NAME.err (made by R too: one per item with a negative
# item-rest correlation).
tab=$(printf '\t')
while IFS=$tab read -r name args <&3; do
    case $name in '' | '#'*) continue ;; esac
    rc=0
    set -f
    # shellcheck disable=SC2086 # word splitting of the arguments is wanted
    golden_run sk-alpha "$name" $args || rc=$?
    set +f
    detail=$work/$name.detail
    {
        [ "$rc" = 0 ] || echo "exit status $rc"
        cmp -s "$cases/expected/warning/$name.err" "$work/$name.err" || {
            echo "stderr differs:"
            diff "$cases/expected/warning/$name.err" "$work/$name.err" || :
        }
        awk -v tol=$tol -f "$top_srcdir/tests/tsvcmp.awk" \
            "$cases/expected/warning/$name.tsv" "$work/$name.out" || :
    } >"$detail" 2>&1
    if [ -s "$detail" ]; then
        tap_fail "warning $name: sk-alpha differs from R" "$detail"
    else
        tap_ok "warning $name: output as R's, and the warnings on stderr"
    fi
done 3<"$cases/warning.tab"

# sk-score writes the table back as it read it: quoted only where needed,
# the input's delimiter, LF line ends, no byte-order mark, blanks around an
# unquoted field dropped (as the CSV reader reads it); the scores here
# are plain arithmetic on the codebook tests/likert/input/errors-codebook.csv
# (scale s = mean of Q1 and Q2 reversed as 6 - Q2, both needed).
cp "$top_srcdir/tests/likert/input/errors-codebook.csv" "$work/cb.csv"
# score_case NAME INPUT EXPECTED ARGS...: printf %b strings
score_case() {
    _name=$1
    printf '%b' "$2" >"$work/$_name.in"
    printf '%b' "$3" >"$work/$_name.want"
    shift 3
    _rc=0
    (cd "$work" && sk-score "$@" <"$_name.in" >"$_name.got" 2>"$_name.err") ||
        _rc=$?
    if [ "$_rc" = 0 ] && [ ! -s "$work/$_name.err" ] &&
        cmp -s "$work/$_name.want" "$work/$_name.got"; then
        tap_ok "sk-score writes back: $_name"
    else
        {
            echo "exit status $_rc"
            cat "$work/$_name.err"
            diff "$work/$_name.want" "$work/$_name.got" || :
        } >"$work/$_name.detail"
        tap_fail "sk-score writes back: $_name" "$work/$_name.detail"
    fi
}
score_case quoting \
    'id,"Q1",Q2,note\n1,Agree,2,"a ""quoted"", text"\n2,Neutral,,"two\nlines"\n' \
    'id,Q1,Q2,note,s\n1,Agree,2,"a ""quoted"", text",4\n2,Neutral,,"two\nlines",NA\n' \
    --codebook=cb.csv
score_case bom-crlf \
    '\0357\0273\0277id,Q1,Q2\r\n1,agree ,"strongly DISAGREE "\r\n\r\n2, 1,3\r\n' \
    'id,Q1,Q2,s\n1,agree,strongly DISAGREE ,4.5\n2,1,3,2\n' \
    --codebook=cb.csv
score_case tsv \
    'id\tQ1\tQ2\tnote\n1\t5\t1\tcommas, stay\n2\t2\t4\t"a\ttab"\n' \
    'id\tQ1\tQ2\tnote\ts\n1\t5\t1\tcommas, stay\t5\n2\t2\t4\t"a\ttab"\t2\n' \
    -t --codebook=cb.csv
score_case no-header \
    '1,5,1\n2,3,\n' \
    '1,5,1,3\n2,3,,NA\n' \
    --no-header -c V2,V3
score_case na-empty \
    'id,Q1,Q2\n1,4,\n2,,5\n3,2,2\n' \
    'id,Q1,Q2,s\n1,4,,\n2,,5,\n3,2,2,3\n' \
    --na= --codebook=cb.csv
score_case na-token \
    'id,Q1,Q2\n1,-99,2\n2,NA,5\n3,4,4\n' \
    'id,Q1,Q2,s\n1,-99,2,-99\n2,NA,5,-99\n3,4,4,3\n' \
    --na=-99,NA --codebook=cb.csv
score_case items-keyed \
    'id,Q1,Q2\n1,Agree,Agree\n2,,Strongly agree\n' \
    'id,Q1,Q2,s\n1,4,2,3\n2,,1,NA\n' \
    --items=keyed --codebook=cb.csv
score_case min-items \
    'id,Q1,Q2\n1,4,\n2,,\n' \
    'id,Q1,Q2,both\n1,4,,4\n2,,,NA\n' \
    -c Q1,Q2 --name=both --min-items=1

tap_done
