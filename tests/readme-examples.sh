#!/bin/sh
# readme-examples.sh - the examples in README.md are run, so the README
# cannot drift: each indented "$ COMMAND" line is run from the source root
# (standard error joined to standard output) and must print exactly the
# indented lines that follow it.
set -eu
. "$top_srcdir/tests/lib.sh"

awk -v dir="$work" '
    function flush() { if (n) close(dir "/want" n) }
    /^    \$ / { flush(); n++; cmd = substr($0, 7)
                print cmd > (dir "/cmd" n); close(dir "/cmd" n)
                printf "" > (dir "/want" n); inblock = 1; next }
    inblock && /^    / { print substr($0, 5) > (dir "/want" n); next }
    { inblock = 0 }
    END { flush(); print n + 0 > (dir "/count") }
' "$top_srcdir/README.md"

count=$(cat "$work/count")
i=1
while [ "$i" -le "$count" ]; do
    cmd=$(cat "$work/cmd$i")
    case $cmd in
    *sk-*)
        (cd "$top_srcdir" && sh -c "$cmd") >"$work/got$i" 2>&1 || :
        if cmp -s "$work/want$i" "$work/got$i"; then
            tap_ok "README: $cmd"
        else
            diff "$work/want$i" "$work/got$i" >"$work/why" || :
            tap_fail "README: $cmd" "$work/why"
        fi ;;
    esac
    i=$((i + 1))
done
tap_done
