# golden.sh - the golden-test loop shared by the *-golden.sh tests; source
# it after tests/lib.sh.
#
#   golden_cases PROGRAM CASES_FILE EXPECTED_DIR TOL [REFERENCE-SCRIPT]
#
# Each line NAME<TAB>ARGUMENTS of CASES_FILE (blank lines and '#' comments
# skipped) runs 'PROGRAM ARGUMENTS' in the source root with no standard
# input; it must exit 0, write nothing to stderr, and print
# EXPECTED_DIR/NAME.tsv within the relative tolerance TOL (tests/tsvcmp.awk;
# as text exactly when the case sets --precision). One TAP result per case,
# then one that every expected file belongs to a case. REFERENCE-SCRIPT
# only names, in the failure message of a missing expected file, the script
# that makes them.
#
# With golden_report=1 set, each case also prints, as a TAP comment, the
# largest relative difference from the expected output (tsvcmp.awk -v
# report=1), and at the end the largest over the cases that pass and over
# all cases; golden_maxrel_ok and golden_maxrel hold them afterwards.
#
# golden_extra: names of expected files whose cases a script runs itself
# (not in the table), so that they do not count as stale.
# With golden_exact=1 set, every case compares as text (tsvcmp.awk -v
# exact=1), and golden_source names what the expected files are in the
# failure message (default "R's").
# shellcheck shell=sh disable=SC2154 # top_srcdir, work: set by tests/lib.sh

golden_maxrel=0
golden_maxrel_ok=0

# golden_run PROGRAM NAME ARGS...: PROGRAM in the source root, into
# $work/NAME.out and $work/NAME.err; returns its exit status.
golden_run() {
    _prog=$1
    _name=$2
    shift 2
    _rc=0
    (cd "$top_srcdir" && exec "$_prog" "$@") \
        <"/dev/null" >"$work/$_name.out" 2>"$work/$_name.err" || _rc=$?
    return $_rc
}

# golden_check PROGRAM NAME EXACT RC EXPECTED_DIR TOL REF: exit 0, empty
# stderr, output as EXPECTED_DIR/NAME.tsv.
golden_check() {
    _prog=$1
    _name=$2
    _exact=$3
    _rc=$4
    _expected=$5
    _tol=$6
    _ref=$7
    _detail=$work/$_name.detail
    : >"$_detail"
    if [ "$_rc" -ne 0 ] || [ -s "$work/$_name.err" ]; then
        echo "exit status $_rc; stderr:" >"$_detail"
        cat "$work/$_name.err" >>"$_detail"
        tap_fail "$_name: $_prog failed" "$_detail"
    elif [ ! -f "$_expected/$_name.tsv" ]; then
        echo "no $_expected/$_name.tsv: run Rscript $_ref" >"$_detail"
        tap_fail "$_name: no expected output" "$_detail"
    elif awk -v tol="$_tol" -v exact="$_exact" \
            -v report="${golden_report:-0}" \
            -f "$top_srcdir/tests/tsvcmp.awk" \
            "$_expected/$_name.tsv" "$work/$_name.out" >"$_detail" 2>&1; then
        tap_ok "$_name"
        golden_note "$_name" "$_detail" 1
    else
        _what=${golden_source:-}
        [ -n "$_what" ] || _what="R's"
        tap_fail "$_name: output differs from $_what" "$_detail"
        golden_note "$_name" "$_detail" 0
    fi
}

# golden_note NAME DETAIL PASSED: with golden_report=1, the largest
# relative difference of the case as a TAP comment, and the running maxima
# (over all cases; over the cases that pass when PASSED is 1).
golden_note() {
    [ "${golden_report:-0}" = 1 ] || return 0
    _line=$(grep '^largest relative difference: ' "$2" | head -1) || :
    [ -n "$_line" ] || return 0
    echo "# $1: $_line"
    _rel=$(echo "$_line" | awk '{ print $4 }')
    _where="$1: ${_line#largest relative difference: }"
    if awk -v a="$golden_maxrel" -v b="$_rel" 'BEGIN { exit !(b + 0 > a + 0) }'
    then
        golden_maxrel=$_rel
        golden_maxwhere=$_where
    fi
    if [ "$3" = 1 ] && awk -v a="$golden_maxrel_ok" -v b="$_rel" \
            'BEGIN { exit !(b + 0 > a + 0) }'; then
        golden_maxrel_ok=$_rel
        golden_maxwhere_ok=$_where
    fi
}

golden_cases() {
    _gprog=$1
    _gcases=$2
    _gexpected=$3
    _gtol=$4
    _gref=${5:-tests/ref/}
    _tab=$(printf '\t')
    # The cases. Arguments are split at blanks; no globbing.
    set -f
    _ncases=0
    _names=
    while IFS=$_tab read -r _gname _gargs <&3 || [ -n "${_gname:-}" ]; do
        case $_gname in '' | '#'*) continue ;; esac
        _ncases=$((_ncases + 1))
        _names="$_names $_gname "
        _gexact=${golden_exact:-0}
        case " $_gargs " in *' --precision'*) _gexact=1 ;; esac
        _grc=0
        # shellcheck disable=SC2086 # word splitting of the arguments is wanted
        golden_run "$_gprog" "$_gname" $_gargs || _grc=$?
        golden_check "$_gprog" "$_gname" "$_gexact" "$_grc" "$_gexpected" \
            "$_gtol" "$_gref"
    done 3<"$_gcases"
    set +f

    # Every expected file belongs to a case.
    _stale=
    for _f in "$_gexpected"/*.tsv; do
        [ -f "$_f" ] || continue
        _n=$(basename "$_f" .tsv)
        case "$_names ${golden_extra:-} " in
        *" $_n "*) ;;
        *) _stale="$_stale $_n" ;;
        esac
    done
    _gbase=$(basename "$_gcases")
    if [ "$_ncases" -gt 0 ] && [ -z "$_stale" ]; then
        tap_ok "$_gbase: $_ncases cases, each with its expected output"
    else
        echo "cases: $_ncases; expected files without a case:$_stale" \
            >"$work/stale.detail"
        tap_fail "$_gbase and expected/ agree" "$work/stale.detail"
    fi
    if [ "${golden_report:-0}" = 1 ]; then
        echo "# largest relative difference over the cases that pass:" \
            "$golden_maxrel_ok (${golden_maxwhere_ok:-none})"
        echo "# largest relative difference over all cases: $golden_maxrel" \
            "(${golden_maxwhere:-none})"
    fi
}
