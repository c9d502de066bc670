#!/bin/sh
# compare-errors.sh - every bad input of tests/compare-errors.tab must give
# its exit status, exactly its message on stderr, and no stdout (the loop
# is tests/errors.sh).
set -eu
. "$top_srcdir/tests/lib.sh"
# shellcheck source=tests/errors.sh
. "$top_srcdir/tests/errors.sh"

error_table sk-compare "$top_srcdir/tests/compare-errors.tab"

# A write error is an error: exit 1, and a message.
error_write_full sk-compare 'g,x\na,1\nb,2\n' --between g

tap_done
