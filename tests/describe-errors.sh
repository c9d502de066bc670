#!/bin/sh
# describe-errors.sh - every bad input of tests/describe-errors.tab must
# give its exit status, exactly its message on stderr, and no stdout.
set -eu
. "$top_srcdir/tests/lib.sh"

table=$top_srcdir/tests/describe-errors.tab
tab=$(printf '\t')
# Split on single tabs: read's IFS splitting would merge empty fields.
next_field() { field=${line%%"$tab"*}; line=${line#*"$tab"}; }
while IFS= read -r line; do
    case $line in '#'* | '') continue ;; esac
    next_field; name=$field
    next_field; status=$field
    next_field; args=$field
    next_field; input=$field
    expected=$line
    eval "set -- $args"
    rc=0
    if [ "$input" = - ]; then
        (cd "$work" && sk-describe "$@" </dev/null >out 2>err) || rc=$?
    else
        printf '%b' "$input" >"$work/in"
        (cd "$work" && sk-describe "$@" <in >out 2>err) || rc=$?
    fi
    printf '%b' "$expected" >"$work/want"
    {
        [ "$rc" = "$status" ] || echo "exit status $rc, expected $status"
        [ ! -s "$work/out" ] || { echo "stdout not empty:"; cat "$work/out"; }
        cmp -s "$work/want" "$work/err" ||
            { echo "stderr differs:"; diff "$work/want" "$work/err" || :; }
    } >"$work/why"
    if [ -s "$work/why" ]; then
        tap_fail "$name" "$work/why"
    else
        tap_ok "$name"
    fi
done <"$table"

# A write error is an error: exit 1, and a message.
if [ -w /dev/full ]; then
    rc=0
    printf 'a\n1\n' | sk-describe >/dev/full 2>"$work/err" || rc=$?
    if [ "$rc" = 1 ] && grep -q 'write error' "$work/err"; then
        tap_ok "write error to /dev/full"
    else
        echo "exit $rc" >"$work/why"; cat "$work/err" >>"$work/why"
        tap_fail "write error to /dev/full" "$work/why"
    fi
fi

tap_done
