# lib.sh - shared by the shell tests; source it after 'set -eu'.
#
# Tests speak TAP (Automake's tap-driver.sh): tap_ok / tap_fail print one
# result each, tap_done prints the plan. Each test gets a scratch folder
# $work, removed on exit. Programs are run from $top_builddir/src.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=.}"
LC_ALL=C
export LC_ALL
bindir=$(cd "$top_builddir/src" && pwd)
PATH=$bindir:$PATH
export PATH
work=$(mktemp -d "${TMPDIR:-/tmp}/sk-test.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
tap_n=0
tap_failed=0

tap_ok() {
    tap_n=$((tap_n + 1))
    printf 'ok %d - %s\n' "$tap_n" "$*"
}

# tap_fail NAME [DETAIL-FILE]: a failure, with the detail as TAP comments.
tap_fail() {
    tap_n=$((tap_n + 1))
    tap_failed=$((tap_failed + 1))
    printf 'not ok %d - %s\n' "$tap_n" "$1"
    if [ $# -ge 2 ] && [ -f "$2" ]; then
        sed 's/^/# /' "$2" | head -40
    fi
}

tap_done() {
    echo "1..$tap_n"
    [ "$tap_n" -gt 0 ] || exit 99
    exit 0
}
