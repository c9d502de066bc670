#!/bin/sh
# boot-paths.sh - sk-boot's two resampling paths beyond the small samples
# of the golden tests (TAP).
#
# src/lib/boot.c resamples by counts (one multinomial over the K distinct
# values) when K x 36 <= n, else row by row; at n <= 4096 by the rule of
# earlier versions, K x 16 <= n (the golden tests pin that one). The
# samples here put each rule on each side:
#     few    n = 20000, K = 200    n/K = 100  counts
#     mid    n = 20000, K = 1000   n/K = 20   rows (counts by the old rule)
#     many   n = 20000, 3 decimals n/K ~ 2    rows
#     small  n = 4000,  K = 200    n/K = 20   counts (n <= 4096: old rule)
# For each, with and without strata (a: the first 60% of the rows, b the
# rest):
# 1. the mean's bootstrap distribution has exact moments (mean x-bar,
#    variance sum_s n_s s_s^2 / n^2 with divisor n_s, third cumulant sum_s
#    n_s m3_s / n^3): bias, se and the percentile ends (Cornish-Fisher)
#    within K = 4.5 Monte Carlo standard errors, the estimate to 1e-12;
#    with -s mean and -s mean,sd (the two accumulation kernels);
# 2. the median's estimate is the sample's type 7 median (sort -n);
# 3. the output is byte-identical with --threads 1 and 3.
# Then --between s (two groups, each resampled apart) on mid and few:
# mean-diff's estimate, bias and se against mean_b - mean_a and sqrt(v_a /
# n_a + v_b / n_b) (divisors n), and --threads 1 and 3 identical for
# mean-diff, median-diff, g and theta.
#
# Run by 'make check', or by hand from the source root:
#   top_builddir=BUILD sh tests/boot-paths.sh
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)
K=4.5
B=4000

# run NAME ARGS...: sk-boot ARGS into $work/NAME.out; fails the test NAME
# (and returns 1) unless it exits 0 with empty stderr.
run() {
    _name=$1
    shift
    _rc=0
    sk-boot "$@" <"/dev/null" >"$work/$_name.out" 2>"$work/$_name.err" ||
        _rc=$?
    if [ "$_rc" -ne 0 ] || [ -s "$work/$_name.err" ]; then
        echo "exit status $_rc" >"$work/$_name.why"
        cat "$work/$_name.err" >>"$work/$_name.why"
        tap_fail "$_name: sk-boot failed" "$work/$_name.why"
        return 1
    fi
}

# make_data NAME ROWS LEVELS: ROWS rows of a skewed value (Park-Miller u,
# 10 u^2 on LEVELS equal steps, or to 3 decimals when LEVELS is 0), plus
# 20 in stratum b (the last 40% of the rows: no value in both strata, so
# the distinct values are as many with strata as without).
make_data() {
    awk -v rows="$2" -v levels="$3" 'BEGIN {
        s = 2385; print "s,x"
        for (i = 1; i <= rows; i++) {
            s = (s * 48271) % 2147483647
            u = s / 2147483647
            b = i > 0.6 * rows
            if (levels > 0)
                v = int(u * u * levels) * 10 / levels
            else
                v = sprintf("%.3f", 10 * u * u)
            printf "%s,%s\n", b ? "b" : "a", v + 20 * b
        }
    }' >"$work/$1.csv"
}
make_data few 20000 100
make_data mid 20000 500
make_data many 20000 0
make_data small 4000 100

# distinct NAME: the number of distinct (stratum, x) rows, and of x
distinct() {
    echo "$(tail -n +2 "$work/$1.csv" | sort -u | wc -l) $(tail -n +2 \
        "$work/$1.csv" | cut -d, -f2 | sort -u | wc -l)"
}

# moments NAME STRATA-FLAG: the exact mean, sd and skewness of the
# bootstrap distribution of the mean
moments() {
    awk -F , -v strat="$2" 'NR > 1 {
        g = strat ? $1 : "all"; n[g]++; x[g, n[g]] = $2; sum[g] += $2; N++
    }
    END {
        for (g in n) {
            m = sum[g] / n[g]; m2 = 0; m3 = 0
            for (i = 1; i <= n[g]; i++) {
                d = x[g, i] - m; m2 += d * d; m3 += d * d * d
            }
            m2 /= n[g]; m3 /= n[g]
            tot += sum[g]; v += n[g] * m2; k3 += n[g] * m3
        }
        v /= N * N; k3 /= N * N * N
        printf "%.17g %.17g %.17g\n", tot / N, sqrt(v), k3 / (v * sqrt(v))
    }' "$work/$1.csv"
}

# median NAME: the type 7 median of x
median() {
    tail -n +2 "$work/$1.csv" | cut -d, -f2 | sort -g | awk '
        { v[NR] = $1 }
        END {
            h = 1 + (NR - 1) / 2; lo = int(h)
            printf "%.17g\n", v[lo] + (h - lo) * (v[lo + 1 < NR ? lo + 1 : NR] - v[lo])
        }'
}

# same NAME ARGS...: --threads 1 and 3 give byte-identical output
same() {
    _same=$1
    shift
    run "$_same-t1" --threads 1 "$@" || return 0
    run "$_same-t3" --threads 3 "$@" || return 0
    if cmp -s "$work/$_same-t1.out" "$work/$_same-t3.out"; then
        tap_ok "$_same: the same output with 1 and 3 threads"
    else
        diff "$work/$_same-t1.out" "$work/$_same-t3.out" >"$work/why" || :
        tap_fail "$_same: output differs between 1 and 3 threads" \
            "$work/why"
    fi
}

for data in few mid many small; do
    echo "# $data: distinct (stratum, x) rows and x: $(distinct "$data")"
    for strat in 0 1; do
        for stats in mean mean,sd; do
            name=$data-strata$strat-$stats
            set -- -c x -s "$stats" -m percentile -B "$B" \
                "$work/$data.csv"
            [ "$strat" = 1 ] && set -- --strata s "$@"
            run "$name" "$@" || continue
            moments "$data" "$strat" >"$work/mom"
            awk -F '\t' -v K="$K" -v mom="$(cat "$work/mom")" '
                function abs(x) { return x < 0 ? -x : x }
                NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
                $c["stat"] == "mean" {
                    split(mom, M, " "); mu = M[1]; sd = M[2]; g = M[3]
                    B = $c["B"]
                    # z(0.975) and dnorm there
                    z = 1.959963984540054; phi = 0.05844094433345
                    qlo = mu + sd * (-z + g * (z * z - 1) / 6)
                    qhi = mu + sd * (z + g * (z * z - 1) / 6)
                    tq = K * sd * sqrt(0.025 * 0.975 / B) / phi
                    tb = K * sd / sqrt(B); ts = K * sd * sqrt(2 / (4 * B))
                    r1 = abs($c["estimate"] - mu) / (1e-12 * mu)
                    r2 = abs($c["bias"]) / tb; r3 = abs($c["se"] - sd) / ts
                    r4 = abs($c["lo"] - qlo) / tq
                    r5 = abs($c["hi"] - qhi) / tq
                    r = r1; if (r2 > r) r = r2; if (r3 > r) r = r3
                    if (r4 > r) r = r4; if (r5 > r) r = r5
                    printf "%s estimate %s (exact %.15g), bias %.3g, se %.6g (exact %.6g), lo %.6g (CF %.6g), hi %.6g (CF %.6g); largest |d|/tol %.2f\n",
                        r <= 1 ? "ok" : "FAIL", $c["estimate"], mu, \
                        $c["bias"], $c["se"], sd, $c["lo"], qlo, \
                        $c["hi"], qhi, r
                }' "$work/$name.out" >"$work/res"
            read -r verdict rest <"$work/res" || verdict=FAIL
            if [ "$verdict" = ok ]; then
                tap_ok "$name: exact moments of the mean"
                echo "#   $rest"
            else
                cat "$work/res" "$work/$name.out" >"$work/why"
                tap_fail "$name: exact moments of the mean" "$work/why"
            fi
        done
        set -- -c x -s mean,median,sd -m percentile,bca -B 1000 \
            "$work/$data.csv"
        [ "$strat" = 1 ] && set -- --strata s "$@"
        same "$data-strata$strat-threads" "$@"
        name=$data-strata$strat-median
        run "$name" "$@" || continue
        want=$(median "$data")
        got=$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
            NR > 1 && $c["stat"] == "median" { print $c["estimate"]; exit }' \
            "$work/$name.out")
        if awk -v a="$got" -v b="$want" 'BEGIN {
            d = a - b; exit !(d <= 1e-12 * b && -d <= 1e-12 * b) }'; then
            tap_ok "$name: the median estimate $got is the sample's"
        else
            echo "median $got, sort -g gives $want" >"$work/why"
            tap_fail "$name: the median estimate" "$work/why"
        fi
    done
done

## --between: two groups resampled apart
for data in few mid; do
    name=$data-between
    run "$name" -c x --between s --levels a,b -s mean-diff -m percentile \
        -B "$B" "$work/$data.csv" || continue
    awk -F , 'NR > 1 { n[$1]++; s[$1] += $2; q[$1] += $2 * $2 }
        END {
            for (g in n) { m[g] = s[g] / n[g]; v[g] = q[g] / n[g] - m[g] ^ 2 }
            printf "%.17g %.17g\n", m["b"] - m["a"], sqrt(v["a"] / n["a"] + v["b"] / n["b"])
        }' "$work/$data.csv" >"$work/mom"
    awk -F '\t' -v K="$K" -v mom="$(cat "$work/mom")" '
        function abs(x) { return x < 0 ? -x : x }
        NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
        {
            split(mom, M, " "); d = M[1]; sd = M[2]; B = $c["B"]
            r1 = abs($c["estimate"] - d) / (1e-9 * abs(d))
            r2 = abs($c["bias"]) / (K * sd / sqrt(B))
            r3 = abs($c["se"] - sd) / (K * sd * sqrt(2 / (4 * B)))
            r = r1; if (r2 > r) r = r2; if (r3 > r) r = r3
            printf "%s estimate %s (exact %.12g), bias %.3g, se %.6g (exact %.6g); largest |d|/tol %.2f\n",
                r <= 1 ? "ok" : "FAIL", $c["estimate"], d, $c["bias"], \
                $c["se"], sd, r
            exit
        }' "$work/$name.out" >"$work/res"
    read -r verdict rest <"$work/res" || verdict=FAIL
    if [ "$verdict" = ok ]; then
        tap_ok "$name: mean-diff against its exact moments"
        echo "#   $rest"
    else
        cat "$work/res" "$work/$name.out" >"$work/why"
        tap_fail "$name: mean-diff against its exact moments" "$work/why"
    fi
    same "$data-between-threads" -c x --between s -s \
        mean-diff,median-diff,g,theta -m percentile,bca -B 1000 \
        "$work/$data.csv"
done

tap_done
