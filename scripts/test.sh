#!/bin/sh
# test.sh - the whole test suite: builds what is needed (installing the
# missing Debian packages), runs 'make check' and prints one closing line
# "N passed, N failed".
#
#   scripts/test.sh [BUILDDIR [CONFIGURE-OPTION...]]   (default: build)
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-build}
case $builddir in /*) ;; *) builddir=$srcdir/$builddir ;; esac
"$srcdir/scripts/setup.sh" "$@"

rc=0
make -C "$builddir" -j"$(nproc 2>/dev/null || echo 2)" check || rc=$?
log=$builddir/test-suite.log
if [ -f "$log" ]; then
    [ $rc = 0 ] || cat "$log"
    pass=$(sed -n 's/^# PASS: *//p' "$log" | head -1)
    fail=$(sed -n 's/^# FAIL: *//p' "$log" | head -1)
    error=$(sed -n 's/^# ERROR: *//p' "$log" | head -1)
    pass=${pass:-0}
    fail=$(( ${fail:-0} + ${error:-0} ))
    # Count the CUnit tests one by one, not their program as one result.
    unit=$builddir/tests/unit/unit-tests.log
    if [ -f "$unit" ]; then
        set -- $(awk '$1 == "tests" { print $3, $4, $5 }' "$unit")
        if [ $# -eq 3 ]; then
            if [ "$3" -eq 0 ]; then pass=$((pass - 1 + $2))
            else fail=$((fail - 1 + $3)); pass=$((pass + $2)); fi
        fi
    fi
    echo "$pass passed, $fail failed"
fi
exit $rc
