#!/bin/sh
# table-errors.sh - every bad input of tests/table-errors.tab must give
# its exit status, exactly its message on stderr, and no stdout (the loop
# is tests/errors.sh).
set -eu
. "$top_srcdir/tests/lib.sh"
# shellcheck source=tests/errors.sh
. "$top_srcdir/tests/errors.sh"

error_table sk-table "$top_srcdir/tests/table-errors.tab"

# A write error is an error: exit 1, and a message.
error_write_full sk-table 'variable\tn\nA\t3\n'

tap_done
