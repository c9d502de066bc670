#!/bin/sh
# aside.sh - the codebook in every program (issue 14): answers given as
# labels, non-substantive levels (missing=yes: counted in 'aside', never a
# value) and items bound by an alias (a Microsoft Forms question text),
# against R (tests/ref/aside.R, whose outputs are tests/aside/expected/).
#
# The data is tests/aside/forms.csv, the codebook tests/aside/codebook.csv.
# sk-describe and sk-freq are compared whole; for the other programs the
# columns R computes (n, missing, dropped, aside, the statistics) are
# picked from the output by name and compared. sk-boot must print, through
# the codebook, what it prints of R's mapped codes (the same seed); its
# alpha estimate is psych::alpha's of the keyed items.
#
# Run by 'make check', or by hand from the source root:
#   top_builddir=build sh tests/aside.sh
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)
cd "$top_srcdir"

cb=--codebook=tests/aside/codebook.csv
data=tests/aside/forms.csv
exp=tests/aside/expected

# pick EXPECTED ACTUAL [FS]: the columns of ACTUAL named in EXPECTED's
# header, in that order, tab-separated (FS the separator of ACTUAL).
pick() {
    awk -v fs="${3:-	}" 'BEGIN { FS = "\t"; OFS = "\t" }
        NR == FNR { if (FNR == 1) { nw = NF; for (i = 1; i <= NF; i++) w[i] = $i }
                    next }
        FNR == 1 { FS = fs; $0 = $0; for (i = 1; i <= NF; i++) pos[$i] = i }
        { s = ""
          for (i = 1; i <= nw; i++)
              s = s (i > 1 ? "\t" : "") (w[i] in pos ? $(pos[w[i]]) : "(no " w[i] ")")
          print s }' "$1" "$2"
}

# check NAME EXPECTED PICK-FS PROGRAM ARGS...: exit 0, stderr as allowed
# by $allow_stderr (default: empty), the picked columns as EXPECTED.
check() {
    name=$1 expected=$2 fs=$3
    shift 3
    rc=0
    "$@" >"$work/$name.out" 2>"$work/$name.err" </dev/null || rc=$?
    if [ "$rc" -ne 0 ] || { [ -z "${allow_stderr:-}" ] && [ -s "$work/$name.err" ]; }; then
        { echo "exit $rc"; cat "$work/$name.err"; } >"$work/$name.detail"
        tap_fail "$name: $1 failed" "$work/$name.detail"
        return
    fi
    if [ "$fs" = whole ]; then
        cp "$work/$name.out" "$work/$name.pick"
    else
        pick "$expected" "$work/$name.out" "$fs" >"$work/$name.pick"
    fi
    if awk -v tol=1e-10 -f tests/tsvcmp.awk "$expected" "$work/$name.pick" \
            >"$work/$name.detail" 2>&1; then
        tap_ok "$name"
    else
        tap_fail "$name: differs from R's" "$work/$name.detail"
    fi
}

check describe $exp/describe.tsv whole sk-describe $cb -g team $data
check freq $exp/freq.tsv whole sk-freq $cb $data
check freq-summary $exp/freq-summary.tsv whole \
    sk-freq --summary -g team $cb $data
check paired $exp/paired.tsv '	' sk-paired $cb -p conf_pre:conf_post $data
check agree $exp/agree.tsv '	' sk-agree $cb -p equal:trust $data
check compare $exp/compare.tsv '	' \
    sk-compare $cb --between=team --levels=A,B -c equal,listen $data
allow_stderr=1    # the made-up items correlate negatively: warned
check alpha $exp/alpha.tsv '	' sk-alpha $cb $data
allow_stderr=
check score $exp/score.tsv , sk-score $cb $data
check boot-alpha $exp/boot-alpha.tsv '	' \
    sk-boot $cb -c equal,trust,listen -s alpha -m percentile -B 200 $data

# sk-boot through the codebook = sk-boot of R's codes, every path: -c,
# a pair, --between.
boot_same() {
    name=$1
    shift
    if sk-boot "$@" -B 300 $cb $data >"$work/$name.cb" 2>"$work/$name.err" &&
       sk-boot "$@" -B 300 $exp/mapped.csv >"$work/$name.num" 2>>"$work/$name.err" &&
       cmp -s "$work/$name.cb" "$work/$name.num"; then
        tap_ok "$name: through the codebook as of R's codes"
    else
        diff "$work/$name.num" "$work/$name.cb" >>"$work/$name.err" 2>&1 || :
        tap_fail "$name: through the codebook as of R's codes" "$work/$name.err"
    fi
}
boot_same boot-columns -c equal,trust,conf_pre -s mean,median,pct:4,5
boot_same boot-pair -p conf_pre:conf_post -s mean-diff,dz
boot_same boot-between --between=team --levels=A,B -c listen,conf_post \
    -s mean-diff,theta

# the items by their alias's header too (-c), and the aside column only
# with a codebook that declares missing=yes levels
if sk-describe $cb -c 'We trusted each other' $data | cut -f1 | tail -1 |
        grep -qx trust; then
    tap_ok "an item chosen by its column's header is reported by its name"
else
    tap_fail "an item chosen by its column's header is reported by its name"
fi
if sk-describe --codebook=datasets/bfi-codebook.csv -c A1 datasets/bfi.csv |
        head -1 | grep -q aside; then
    tap_fail "no aside column without missing=yes levels"
else
    tap_ok "no aside column without missing=yes levels"
fi

# an alias that heads two columns: a located error, exit 1, no stdout
printf 'id,We trusted each other, We trusted each other\n1,Agree,Agree\n' \
    >"$work/two.csv"
rc=0
sk-describe $cb -c 1 "$work/two.csv" >"$work/two.out" 2>"$work/two.err" || rc=$?
want="sk-describe: tests/aside/codebook.csv:16: item 'equal' is not a column of $work/two.csv, nor is its alias 'My partner and I related to each other as equals'"
if [ $rc = 1 ] && [ ! -s "$work/two.out" ] && [ "$(cat "$work/two.err")" = "$want" ]; then
    tap_ok "an item under neither its name nor its alias: located error"
else
    tap_fail "an item under neither its name nor its alias: located error" "$work/two.err"
fi
printf 'type,name,code,label,alias\nlevel,a,1,no,\nlevel,a,2,yes,\nitem,trust,,,We trusted each other\n' \
    >"$work/cb2.csv"
rc=0
sk-freq --codebook="$work/cb2.csv" "$work/two.csv" >"$work/two.out" 2>"$work/two.err" || rc=$?
want="sk-freq: $work/cb2.csv:4: item 'trust': its alias 'We trusted each other' names two columns of $work/two.csv"
if [ $rc = 1 ] && [ ! -s "$work/two.out" ] && [ "$(cat "$work/two.err")" = "$want" ]; then
    tap_ok "an alias that heads two columns (blanks trimmed): located error"
else
    tap_fail "an alias that heads two columns (blanks trimmed): located error" "$work/two.err"
fi

tap_done
