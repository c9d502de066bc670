# errors.sh - the bad-input table loop shared by the *-errors.sh tests;
# source it after tests/lib.sh.
#
#   error_table PROGRAM TABLE
#
# Each line of TABLE (blank lines and '#' comments skipped) has five
# tab-separated fields:
#   name  exit  arguments  stdin  expected-stderr
# arguments are shell words (quotes allowed); stdin and expected-stderr are
# printf %b strings (\n, \t, \r, \xHH); '-' as stdin means none. PROGRAM
# runs in the scratch folder $work, where the stdin text is also the file
# 'in' (so a case can name it as its input file). It must exit with the
# status given, print exactly the expected standard error and nothing on
# standard output; one TAP result per line.
#
#   error_write_full PROGRAM INPUT ARGS...
#
# A write error is an error: PROGRAM ARGS with the printf %b string INPUT
# on stdin and stdout on /dev/full must exit 1 with a 'write error'
# message (skipped where /dev/full is not writable).
# shellcheck shell=sh disable=SC2154 # top_srcdir, work: set by tests/lib.sh

error_table() {
    _eprog=$1
    _etable=$2
    _tab=$(printf '\t')
    while IFS= read -r line; do
        case $line in '#'* | '') continue ;; esac
        _next_field; _ename=$_field
        _next_field; _estatus=$_field
        _next_field; _eargs=$_field
        _next_field; _einput=$_field
        _eexpected=$line
        eval "set -- $_eargs"
        _erc=0
        rm -f "$work/in"
        if [ "$_einput" = - ]; then
            (cd "$work" && "$_eprog" "$@" </dev/null >out 2>err) || _erc=$?
        else
            printf '%b' "$_einput" >"$work/in"
            (cd "$work" && "$_eprog" "$@" <in >out 2>err) || _erc=$?
        fi
        printf '%b' "$_eexpected" >"$work/want"
        {
            [ "$_erc" = "$_estatus" ] ||
                echo "exit status $_erc, expected $_estatus"
            [ ! -s "$work/out" ] ||
                { echo "stdout not empty:"; cat "$work/out"; }
            cmp -s "$work/want" "$work/err" ||
                { echo "stderr differs:"; diff "$work/want" "$work/err" || :; }
        } >"$work/why"
        if [ -s "$work/why" ]; then
            tap_fail "$_ename" "$work/why"
        else
            tap_ok "$_ename"
        fi
    done <"$_etable"
}

# Split on single tabs: read's IFS splitting would merge empty fields.
_next_field() {
    _field=${line%%"$_tab"*}
    line=${line#*"$_tab"}
}

error_write_full() {
    _eprog=$1
    _einput=$2
    shift 2
    [ -w /dev/full ] || return 0
    _erc=0
    printf '%b' "$_einput" | "$_eprog" "$@" >/dev/full 2>"$work/err" ||
        _erc=$?
    if [ "$_erc" = 1 ] && grep -q 'write error' "$work/err"; then
        tap_ok "write error to /dev/full"
    else
        echo "exit $_erc" >"$work/why"
        cat "$work/err" >>"$work/why"
        tap_fail "write error to /dev/full" "$work/why"
    fi
}
