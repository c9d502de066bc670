#!/bin/sh
# describe-golden.sh - sk-describe against R: the golden tests.
#
# Each line NAME<TAB>ARGUMENTS of tests/describe/cases.tab runs
# 'sk-describe ARGUMENTS' in the source root; it must exit 0, write nothing
# to stderr, and print tests/describe/expected/NAME.tsv (computed by R with
# tests/ref/describe.R) within a relative tolerance of 1e-12 (as text
# exactly when the case sets --precision). Then the NIST StRD accuracy
# cases, which need the certified digits exactly, and the group order.
#
# Run by 'make check', or by hand from the source root:
#   top_builddir=build-golden sh tests/describe-golden.sh
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)

# shellcheck source=tests/golden.sh
. "$top_srcdir/tests/golden.sh"

tab=$(printf '\t')
# expected files of the cases run below, outside cases.tab
golden_extra="dense dense-groups dense-q1"
golden_cases sk-describe "$top_srcdir/tests/describe/cases.tab" \
    "$top_srcdir/tests/describe/expected" 1e-12 tests/ref/describe.R

# NIST StRD univariate summary statistics, lower (NumAcc1), average
# (NumAcc2, NumAcc3) and higher (NumAcc4) difficulty: data and certified
# values from https://www.itl.nist.gov/div898/strd/univ/homepage.html
# (NumAcc1.dat .. NumAcc4.dat). The data sets are built here:
#   NumAcc1: 10000001, 10000003, 10000002
#   NumAcc2: 1.2, then 500 pairs 1.1, 1.3          (1001 values)
#   NumAcc3: 1000000.2, then 500 pairs 1000000.1, 1000000.3
#   NumAcc4: 10000000.2, then 500 pairs 10000000.1, 10000000.3
# The certified mean and sd must print exactly with --precision=15, and
# with --precision=17 as the double nearest to the certified value.
numacc() {
    f=$work/$1.csv
    echo y >"$f"
    if [ "$1" = NumAcc1 ]; then
        printf '%s\n' 10000001 10000003 10000002 >>"$f"
        return
    fi
    echo "$2$4" >>"$f"
    i=0
    while [ $i -lt 500 ]; do
        echo "$2$3"
        echo "$2$5"
        i=$((i + 1))
    done >>"$f"
}

# nearest17 DECIMAL: the double nearest DECIMAL, printed with %.17g by awk
# (awk works in doubles; printf(1)'s %g may use long double).
nearest17() {
    awk -v s="$1" 'BEGIN { printf "%.17g\n", s + 0 }'
}

# strd NAME N CERTIFIED-MEAN CERTIFIED-SD
strd() {
    name=$1
    for p in 15 17; do
        if [ $p = 15 ]; then
            want="$2$tab$3$tab$4"
        else
            want="$2$tab$(nearest17 "$3")$tab$(nearest17 "$4")"
        fi
        detail=$work/$name.p$p.detail
        rc=0
        sk-describe --precision=$p "$work/$name.csv" >"$work/$name.out" \
            2>"$work/$name.err" || rc=$?
        got=$(sed -n 2p "$work/$name.out" | cut -f 2,4,5)
        if [ $rc -eq 0 ] && [ ! -s "$work/$name.err" ] && [ "$got" = "$want" ]
        then
            tap_ok "NIST StRD $name: n, mean and sd at --precision=$p"
        else
            {
                echo "exit status $rc; want n, mean, sd: $want; got: $got"
                cat "$work/$name.err" "$work/$name.out"
            } >"$detail"
            tap_fail "NIST StRD $name: mean and sd at --precision=$p" "$detail"
        fi
    done
}

numacc NumAcc1
numacc NumAcc2 "" "1.1" "1.2" "1.3"
numacc NumAcc3 1000000 .1 .2 .3
numacc NumAcc4 10000000 .1 .2 .3
strd NumAcc1 3 10000002 1
strd NumAcc2 1001 1.2 0.1
strd NumAcc3 1001 1000000.2 0.1
strd NumAcc4 1001 10000000.2 0.1

# Extreme values (issue 8): doubles near 1e300 and 1e308, subnormals, 1e300
# next to 0.4, a spread of 1e100, one value, equal huge values. The
# expected output (NAME.tsv, within 1e-12) and standard error (NAME.err,
# exactly: the statistics that are not doubles, printed as NA) come from
# exact rational arithmetic in tests/ref/describe_extreme.py, which also
# wrote the inputs NAME.csv.
for f in "$top_srcdir"/tests/describe/extreme/*.csv; do
    name=$(basename "$f" .csv)
    dir=$(dirname "$f")
    out=$work/extreme-$name.out
    err=$work/extreme-$name.err
    detail=$work/extreme-$name.detail
    rc=0
    sk-describe "$f" >"$out" 2>"$err" || rc=$?
    if [ $rc -eq 0 ] && cmp -s "$dir/$name.err" "$err" &&
        awk -v tol=1e-12 -f "$top_srcdir/tests/tsvcmp.awk" "$dir/$name.tsv" \
            "$out" >"$detail" 2>&1
    then
        tap_ok "extreme values: $name"
    else
        {
            echo "exit status $rc; standard error (want, got):"
            cat "$dir/$name.err" "$err"
        } >>"$detail"
        tap_fail "extreme values: $name" "$detail"
    fi
done

# 0e-99999 is zero, 4.9e-324 a subnormal: both are read, not refused.
printf 'a\n0e-99999\n4.9e-324\n-0.0e-400\n3e-324\n' >"$work/zeros.csv"
rc=0
sk-describe --precision=3 "$work/zeros.csv" >"$work/zeros.out" \
    2>"$work/zeros.err" || rc=$?
got=$(sed -n 2p "$work/zeros.out" | cut -f 2,9,13)
want="4${tab}0${tab}4.94e-324"
if [ $rc -eq 0 ] && [ "$got" = "$want" ]; then
    tap_ok "0e-99999 is 0 and 4.9e-324 a subnormal (n, min, max)"
else
    printf 'exit status %s\nwant: %s\ngot:  %s\n' "$rc" "$want" "$got" \
        >"$work/zeros.detail"
    cat "$work/zeros.err" >>"$work/zeros.detail"
    tap_fail "0e-99999 is 0 and 4.9e-324 a subnormal" "$work/zeros.detail"
fi

# Groups come out in the order first seen, not sorted, for every variable.
printf '%s\n' g,x,y b,1,2 a,2,3 c,3,4 a,4,5 ,5,6 b,6,7 c,7,8 >"$work/order.csv"
rc=0
sk-describe -g g "$work/order.csv" >"$work/order.out" 2>"$work/order.err" ||
    rc=$?
got=$(cut -f 1-3 "$work/order.out" | tr '\t\n' ' |')
want='variable group n|x b 2|x a 2|x c 2|x NA 1|y b 2|y a 2|y c 2|y NA 1|'
if [ $rc -eq 0 ] && [ ! -s "$work/order.err" ] && [ "$got" = "$want" ]; then
    tap_ok "-g: groups in first-seen order, variable-major"
else
    printf 'exit status %s\nwant: %s\ngot:  %s\n' "$rc" "$want" "$got" \
        >"$work/order.detail"
    cat "$work/order.err" >>"$work/order.detail"
    tap_fail "-g: groups in first-seen order, variable-major" \
        "$work/order.detail"
fi

# The dense form: 40000 rows of cents made by a formula (the same in
# tests/ref/describe.R, which prints the file's md5 beside the expected
# outputs dense*.tsv; checked here too): more than 4096 distinct values
# filling their span, counted in the dense form, and every way out of it
# (a far value, more decimals, no short decimal, mostly distinct values),
# a window that widens, negative values, two groups.
awk 'function cents(v, a) {
         a = v < 0 ? -v : v
         return sprintf("%s%d.%02d", v < 0 ? "-" : "", int(a / 100), a % 100)
     }
     function s(k) { return k + int(k * k / 20000) }
     BEGIN {
         print "grp,a,b,c,e,f,g"
         for (i = 1; i <= 40000; i++) {
             k = (i * 7919) % 5001
             w = 2000 + int(i / 4)
             a = cents(s(k))
             b = i == 30000 ? "123456.78" : a
             c = i == 28000 ? "12.345" : a
             e = cents(10000 + s((i * 7919) % w) - int(w / 2))
             f = cents(i <= 18000 ? s(k) : 6251 + i - 18000)
             g = i == 35000 ? "-1.2345678901234567890123" \
                            : cents(-(s(k) + 1000))
             grp = (i * 31) % 7 < 3 ? "p" : "q"
             print grp "," a "," b "," c "," e "," f "," g
         }
     }' >"$work/dense.csv"
sum=$(md5sum <"$work/dense.csv" | cut -d' ' -f1)
if [ "$sum" = c60c2218d06eac8c2c4b6c0093fab6a1 ]; then
    tap_ok "dense input: the file describe.R made (md5)"
else
    echo "md5 $sum, describe.R's c60c2218d06eac8c2c4b6c0093fab6a1" \
        >"$work/dense.detail"
    tap_fail "dense input: not the file describe.R made" "$work/dense.detail"
fi
for c in "dense|-c a,b,c,e,f,g" "dense-groups|-g grp -c a,f,g" \
         "dense-q1|--quantile-type=1 -c a,e,f,g"; do
    name=${c%%|*}
    rc=0
    # shellcheck disable=SC2086
    sk-describe ${c#*|} "$work/dense.csv" >"$work/$name.out" \
        2>"$work/$name.err" || rc=$?
    golden_check sk-describe "$name" 0 "$rc" \
        "$top_srcdir/tests/describe/expected" 1e-12 tests/ref/describe.R
done

tap_done
