#!/bin/sh
# boot-errors.sh - every bad input of tests/boot-errors.tab must give its
# exit status, exactly its message on stderr, and no stdout (the loop is
# tests/errors.sh).
set -eu
. "$top_srcdir/tests/lib.sh"
# shellcheck source=tests/errors.sh
. "$top_srcdir/tests/errors.sh"

error_table sk-boot "$top_srcdir/tests/boot-errors.tab"

# A write error is an error: exit 1, and a message; also when the
# replicates go to a full device.
error_write_full sk-boot 'a,b\n1,2\n2,4\n' -c a -B 100
if [ -w /dev/full ]; then
    rc=0
    printf 'a,b\n1,2\n2,4\n' | sk-boot -c a -B 100 --replicates-out=/dev/full \
        >"$work/out" 2>"$work/err" || rc=$?
    if [ "$rc" = 1 ] && grep -q 'write error' "$work/err" &&
            [ ! -s "$work/out" ]; then
        tap_ok "--replicates-out=/dev/full: exit 1, write error, no stdout"
    else
        { echo "exit $rc"; cat "$work/err" "$work/out"; } >"$work/why"
        tap_fail "--replicates-out=/dev/full: exit 1, write error" "$work/why"
    fi
fi

tap_done
