#!/bin/sh
# table-golden.sh - sk-table's layouts: each case of tests/table/cases.tab
# must exit 0, write nothing to stderr and print its expected file byte for
# byte. The expected files are the tables as reviewed (rendered by
# cmark-gfm, tidy, Chromium and pdflatex: tests/table-render.sh); the
# rounding in them is checked against Python's decimal module by the unit
# test of numfmt (tests/ref/numfmt.py). SK_TABLE_REGEN=1 rewrites them.
set -eu
. "$top_srcdir/tests/lib.sh"
exp=$top_srcdir/tests/table/expected
tab=$(printf '\t')
ext_of() {
    case $1 in markdown) echo md ;; latex) echo tex ;; html) echo html ;;
        text) echo txt ;; csv) echo csv ;; esac
}
one() {
    _name=$1 _format=$2
    shift 2
    _file=$_name.$(ext_of "$_format")
    _rc=0
    case $_format in md | tex | html | txt | csv | tsv) _file=$_name.$_format
        _format=default ;; esac
    if [ "$_format" = default ]; then
        (cd "$top_srcdir" && exec sk-table "$@") </dev/null \
            >"$work/out" 2>"$work/err" || _rc=$?
    else
        (cd "$top_srcdir" && exec sk-table --format="$_format" "$@") \
            </dev/null >"$work/out" 2>"$work/err" || _rc=$?
    fi
    if [ "${SK_TABLE_REGEN:-0}" = 1 ] && [ $_rc -eq 0 ]; then
        cp "$work/out" "$exp/$_file"
    fi
    echo "$_file" >>"$work/used"
    if [ $_rc -ne 0 ] || [ -s "$work/err" ]; then
        { echo "exit $_rc"; cat "$work/err"; } >"$work/detail"
        tap_fail "$_file: sk-table failed" "$work/detail"
    elif ! [ -f "$exp/$_file" ]; then
        tap_fail "$_file: no expected file (SK_TABLE_REGEN=1 makes it)"
    elif cmp -s "$work/out" "$exp/$_file"; then
        tap_ok "$_file"
    else
        diff "$exp/$_file" "$work/out" >"$work/detail" || :
        tap_fail "$_file: not as expected" "$work/detail"
    fi
}
: >"$work/used"
while IFS="$tab" read -r name formats args; do
    case $name in '#'* | '') continue ;; esac
    eval "set -- $args"
    if [ "$formats" = all ]; then
        for f in markdown latex html text csv; do one "$name" "$f" "$@"; done
    else
        one "$name" "$formats" "$@"
    fi
done <"$top_srcdir/tests/table/cases.tab"
# every expected file belongs to a case
stray=$(cd "$exp" && ls | sort | comm -23 - "$(sort "$work/used" >"$work/u"; echo "$work/u")")
if [ -z "$stray" ]; then tap_ok "every expected file belongs to a case"
else echo "$stray" >"$work/detail"; tap_fail "expected files of no case" "$work/detail"; fi
tap_done
