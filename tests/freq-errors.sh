#!/bin/sh
# freq-errors.sh - every bad input of tests/freq-errors.tab must give its
# exit status, exactly its message on stderr, and no stdout (the loop is
# tests/errors.sh). The cases find in their folder the codebook cb.csv and
# the data data.csv (copies of tests/likert/input/errors-*.csv).
set -eu
. "$top_srcdir/tests/lib.sh"
# shellcheck source=tests/errors.sh
. "$top_srcdir/tests/errors.sh"

cp "$top_srcdir/tests/likert/input/errors-codebook.csv" "$work/cb.csv"
cp "$top_srcdir/tests/likert/input/errors-data.csv" "$work/data.csv"
error_table sk-freq "$top_srcdir/tests/freq-errors.tab"

# A write error is an error: exit 1, and a message.
error_write_full sk-freq 'id,Q1,Q2\n1,1,2\n' -c Q1,Q2

tap_done
