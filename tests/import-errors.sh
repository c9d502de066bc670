#!/bin/sh
# import-errors.sh - every bad input of tests/import-errors.tab must give
# its exit status, exactly its message on stderr, and no stdout (the loop
# is tests/errors.sh); and a failed run loses nothing: an existing output
# file is left as it was, no half-written file or temporary is left.
set -eu
. "$top_srcdir/tests/lib.sh"
# shellcheck source=tests/errors.sh
. "$top_srcdir/tests/errors.sh"

error_table sk-import "$top_srcdir/tests/import-errors.tab"
error_write_full sk-import 'a,b\n1,2\n' -q

# A failed run leaves -o's and --codebook-out's files as they were.
printf 'old table\n' >"$work/t.csv"
printf 'old codebook\n' >"$work/cb.csv"
rc=0
printf 'ResponseId,Finished,Q1\nText,Finished,Q1 text\nR_1,True,Agree\nR_1,True,No\n' |
    (cd "$work" && sk-import -q -o t.csv --codebook-out=cb.csv) 2>/dev/null ||
    rc=$?
if [ "$rc" = 1 ] && [ "$(cat "$work/t.csv")" = "old table" ] &&
   [ "$(cat "$work/cb.csv")" = "old codebook" ] &&
   [ -z "$(find "$work" -name '*.sk-import-tmp')" ]; then
    tap_ok "a failed run leaves the output files as they were"
else
    tap_fail "a failed run leaves the output files as they were"
fi

# A codebook that cannot be written: the table is not written either.
rc=0
printf 'a,b\n1,2\n' | (cd "$work" && sk-import -q -o t2.csv \
    --codebook-out=nodir/cb.csv) 2>/dev/null || rc=$?
if [ "$rc" = 1 ] && [ ! -e "$work/t2.csv" ]; then
    tap_ok "no table when the codebook cannot be written"
else
    tap_fail "no table when the codebook cannot be written"
fi
tap_done
