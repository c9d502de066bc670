#!/bin/sh
# describe-errors.sh - every bad input of tests/describe-errors.tab must
# give its exit status, exactly its message on stderr, and no stdout (the
# loop is tests/errors.sh).
set -eu
. "$top_srcdir/tests/lib.sh"
# shellcheck source=tests/errors.sh
. "$top_srcdir/tests/errors.sh"

error_table sk-describe "$top_srcdir/tests/describe-errors.tab"

# A write error is an error: exit 1, and a message.
error_write_full sk-describe 'a\n1\n'

tap_done
