#!/bin/sh
# agree-errors.sh - every bad input of tests/agree-errors.tab must give
# its exit status, exactly its message on stderr, and no stdout (the loop
# is tests/errors.sh).
set -eu
. "$top_srcdir/tests/lib.sh"
# shellcheck source=tests/errors.sh
. "$top_srcdir/tests/errors.sh"

error_table sk-agree "$top_srcdir/tests/agree-errors.tab"

# A write error is an error: exit 1, and a message.
error_write_full sk-agree 'a,b\n1,2\n2,3\n' -p a:b

tap_done
