#!/bin/sh
# codebook-errors.sh - every bad codebook of tests/codebook-errors.tab must
# give its exit status, exactly its message on stderr, and no stdout (the
# loop is tests/errors.sh). The cases find in their folder the codebook
# cb.csv and the data data.csv (copies of tests/likert/input/errors-*.csv).
set -eu
. "$top_srcdir/tests/lib.sh"
# shellcheck source=tests/errors.sh
. "$top_srcdir/tests/errors.sh"

cp "$top_srcdir/tests/likert/input/errors-codebook.csv" "$work/cb.csv"
cp "$top_srcdir/tests/likert/input/errors-data.csv" "$work/data.csv"
error_table sk-freq "$top_srcdir/tests/codebook-errors.tab"
tap_done
