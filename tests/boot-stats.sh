#!/bin/sh
# boot-stats.sh - sk-boot's intervals against references, within Monte
# Carlo error (TAP).
#
# 1. R and SciPy. Each line NAME<TAB>ARGUMENTS of tests/boot/stats.tab runs
#    sk-boot with a large B (100000) in the source root; its output must
#    agree with R's boot (tests/boot/ref/NAME.R.tsv) and SciPy
#    (NAME.scipy.tsv), both with 200000 replicates, within Monte Carlo
#    error (K = 4.5 standard errors): an interval end that is the quantile
#    at level p of the B replicates must lie between the reference's
#    quantiles at p -+ K sqrt(p (1 - p) (1/B + 1/B_ref)) (the MC error of a
#    sample quantile: asymptotically sqrt(p (1 - p) / B) dQ/dp, dQ/dp =
#    se / dnorm(qnorm(p)) when the distribution is normal; as brackets it
#    needs no density, and holds on lumpy discrete distributions; for BCa,
#    p is the adjusted level, widened by the MC error of z0); the normal
#    ends, bias, se and z0 within K c sqrt(1/B + 1/B_ref), c sqrt(1/B) their
#    MC standard errors (se sqrt(1 + z^2 (k - 1) / 4), se, se sqrt((k - 1) /
#    4), sqrt(p0 (1 - p0)) / dnorm(z0); k the kurtosis); the estimate and
#    BCa's a (no randomness) to 1e-9 and 1e-8. Formulas and their
#    derivation: tests/ref/boot.R; comparison: tests/boot/refcmp.awk. Each
#    reference file is one TAP result; the ratios |difference| / tolerance
#    are printed, and the largest per source and method at the end.
# 2. Exact enumeration. For the tiny samples of tests/boot/input/enum.csv
#    (n = 3 to 6: distinct values and Likert codes with ties, one with
#    strata; and two larger ones that sk-boot resamples by counts),
#    tests/ref/boot_enumerate.R computed the exact bootstrap distribution
#    of the mean, the median and pct:4,5 (all n^n resamples, as the
#    multinomial compositions with their probabilities; closed forms for
#    the larger). With B = 200000, sk-boot's percentile ends must lie in
#    [Q(p - delta), Q(p + delta)], Q the exact quantile, delta = 5 sqrt(p
#    (1 - p) / B) + 2 / B (the empirical CDF's MC error), bias and se
#    within K MC standard errors of the exact ones; and the replicates
#    (--replicates-out, B = 20000) must follow the exact distribution
#    (chi-square goodness of fit, cells with expected count < 5 merged;
#    fails when the Wilson-Hilferty z of the statistic exceeds 4.5, p <
#    4e-6), each replicate on the lattice of the exact distribution.
# 3. Large n, rows path in chunks (n = 20000 > 8192 rows a chunk, with and
#    without strata): the bootstrap distribution of the mean has exact
#    moments (mean x-bar, variance sum_s n_s s_s^2 / n^2, s_s^2 the
#    stratum's variance with divisor n_s, third cumulant sum_s n_s m3_s /
#    n^3); bias, se and the percentile ends (Cornish-Fisher: m + sd (z +
#    g (z^2 - 1) / 6), g the skewness) must agree within K MC standard
#    errors.
# 4. The interval formulas, without Monte Carlo error: for the runs of
#    tests/boot/formulas.tab, R's norm.inter, norm.ci and BCa applied to
#    sk-boot's own replicates of the same run (tests/ref/boot.R
#    --formulas) must give its printed lo, hi, z0 and a to 1e-9
#    (tests/boot/formcmp.awk). These references hold for the replicates of
#    the commit that made them (pinned by the golden tests).
#
# 'make check' never runs R or Python: the references are in the tree.
# Run by hand from the source root:
#   top_builddir=BUILD sh tests/boot-stats.sh
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)
dir=$top_srcdir/tests/boot
K=4.5
tab=$(printf '\t')
: >"$work/max"

# run NAME ARGS...: sk-boot ARGS in the source root into $work/NAME.out;
# fails the test NAME (and returns 1) unless it exits 0 with empty stderr.
run() {
    _name=$1
    shift
    _rc=0
    (cd "$top_srcdir" && exec sk-boot "$@") <"/dev/null" \
        >"$work/$_name.out" 2>"$work/$_name.err" || _rc=$?
    if [ "$_rc" -ne 0 ] || [ -s "$work/$_name.err" ]; then
        echo "exit status $_rc" >"$work/$_name.why"
        cat "$work/$_name.err" >>"$work/$_name.why"
        tap_fail "$_name: sk-boot failed" "$work/$_name.why"
        return 1
    fi
}

# refcheck NAME OUTPUT: OUTPUT against every reference file of NAME.
refcheck() {
    for _src in R scipy; do
        _ref=$dir/ref/$1.$_src.tsv
        [ -f "$_ref" ] || continue
        _rc=0
        awk -v K="$K" -f "$dir/refcmp.awk" "$_ref" "$2" \
            >"$work/cmp" 2>&1 || _rc=$?
        grep '^max ' "$work/cmp" | sed "s|\$| ($1)|" >>"$work/max" || :
        if [ "$_rc" -eq 0 ]; then
            tap_ok "$1: agrees with $_src within MC error"
            grep -v '^max ' "$work/cmp" | sed 's/^/# /'
        else
            grep -v '^max ' "$work/cmp" | grep -v ' info:' |
                awk '/no such row/ || $0 ~ /ratio/ && $0 !~ /ratio 0\./ &&
                     $0 !~ /ratio 1\.000/' >"$work/bad" || :
            tap_fail "$1: differs from $_src beyond MC error" "$work/bad"
            grep -v '^max ' "$work/cmp" | sed 's/^/# /'
        fi
    done
}

## 1. R and SciPy
set -f
while IFS=$tab read -r name args <&3 || [ -n "${name:-}" ]; do
    case $name in '' | '#'*) continue ;; esac
    if [ ! -f "$dir/ref/$name.R.tsv" ]; then
        echo "no $dir/ref/$name.R.tsv: run Rscript tests/ref/boot.R" \
            >"$work/why"
        tap_fail "$name: no reference" "$work/why"
        continue
    fi
    # shellcheck disable=SC2086 # word splitting of the arguments is wanted
    run "$name" $args || continue
    refcheck "$name" "$work/$name.out"
done 3<"$dir/stats.tab"
set +f

# The largest ratio per source and method over all cases.
echo "# largest |difference| / tolerance (K = $K) per source and method:"
sort -k2,2 -k3,3 -k4,4gr "$work/max" |
    awk '!seen[$2 " " $3]++ {
        w = $0; sub(/^max [^ ]+ [^ ]+ [^ ]+ /, "", w)    # labels have blanks
        printf "#   %-6s %-16s %s at %s\n", $2, $3, $4, w
    }'

## 2. Exact enumeration
enum=$dir/ref/enum.tsv
EB=$(awk -F '\t' 'NR == 2 { print $10 }' "$enum")
if run enum -c x -s mean,median,pct:4,5 -g set --strata st -m percentile \
        -B "$EB" tests/boot/input/enum.csv; then
    # one line per set and statistic: verdict, then the detail
    awk -F '\t' -v K="$K" '
        function abs(x) { return x < 0 ? -x : x }
        # the output first (columns oc[]), then enum.tsv (columns ec[])
        FNR == 1 && NR == 1 { for (i = 1; i <= NF; i++) oc[$i] = i; next }
        FNR == NR { row[$oc["group"], $oc["stat"]] = $0; next }
        FNR == 1 { for (i = 1; i <= NF; i++) ec[$i] = i; next }
        {
            what = $ec["set"] "/" $ec["stat"]
            if (!(($ec["set"], $ec["stat"]) in row)) {
                print "FAIL", what, "no output row"
                next
            }
            split(row[$ec["set"], $ec["stat"]], o)
            B = o[oc["B"]]; sd = $ec["sd"]; k4 = $ec["kurt"]
            lo = o[oc["lo"]]; hi = o[oc["hi"]]
            eps = 1e-9
            ok = lo >= $ec["q_lo_min"] - eps && lo <= $ec["q_lo_max"] + eps &&
                 hi >= $ec["q_hi_min"] - eps && hi <= $ec["q_hi_max"] + eps
            est = $ec["estimate"]
            dest = abs(o[oc["estimate"]] - est)
            ok = ok && dest <= 1e-12 * (abs(est) > 1 ? abs(est) : 1)
            bias = $ec["mean"] - est
            tb = K * sd / sqrt(B)
            db = abs(o[oc["bias"]] - bias)
            ts = (k4 == "NA") ? 0 : K * sd * sqrt((k4 - 1) / (4 * B))
            ds = abs(o[oc["se"]] - sd)
            ok = ok && db <= tb + 1e-12 && ds <= ts + 1e-12
            printf "%s %s lo %s in [%s, %s] (exact Q %s), hi %s in [%s, %s] (exact Q %s); bias %.3g vs exact %.3g (|d|/tol %.2f), se %.6g vs exact %.6g (|d|/tol %.2f)\n",
                (ok ? "ok" : "FAIL"), what,
                lo, $ec["q_lo_min"], $ec["q_lo_max"], $ec["q_lo"],
                hi, $ec["q_hi_min"], $ec["q_hi_max"], $ec["q_hi"],
                o[oc["bias"]], bias, (tb > 0 ? db / tb : 0),
                o[oc["se"]], sd, (ts > 0 ? ds / ts : 0)
        }' "$work/enum.out" "$enum" >"$work/enum.res"
    while read -r verdict what rest; do
        echo "$verdict $what $rest" >"$work/why"
        if [ "$verdict" = ok ]; then
            tap_ok "exact percentile ends, bias, se: $what"
            echo "#   $rest"
        else
            tap_fail "exact percentile ends, bias, se: $what" "$work/why"
        fi
    done <"$work/enum.res"
fi

# The replicates follow the exact distribution.
if run enum-reps -c x -s mean,median,pct:4,5 -g set --strata st \
        -m percentile -B 20000 --seed 7 --replicates-out="$work/reps.tsv" \
        tests/boot/input/enum.csv; then
    awk -F '\t' -v S="$enum" '
        BEGIN {
            while ((getline l < S) > 0)
                if (split(l, f, "\t") > 4 && f[1] != "set")
                    scale[f[1], f[2]] = f[4]
        }
        FILENAME == ARGV[1] {
            if (FNR > 1) { p[$1, $2, $3] = $4; keys[$1, $2] = keys[$1, $2] " " $3 }
            next
        }
        FNR == 1 { next }
        {
            sk = $2 SUBSEP $3
            v = $5 * scale[sk]
            k = int(v + 0.5)
            if (abs(v - k) > 1e-6 || !((sk SUBSEP k) in p)) offl[sk]++
            else cnt[sk, k]++
            tot[sk]++
        }
        function abs(x) { return x < 0 ? -x : x }
        END {
            for (sk in keys) {
                N = tot[sk]
                n = split(keys[sk], ks, " ")
                # merge adjacent cells (in key order) until expected >= 5
                X2 = 0; cells = 0; e = 0; o = 0
                for (i = 1; i <= n; i++) {
                    e += N * p[sk, ks[i]]; o += cnt[sk, ks[i]]
                    if (e >= 5 || i == n) {
                        if (e < 5 && cells > 0) {     # fold the tail in
                            e += le; o += lo; X2 -= ld; cells--
                        }
                        d = (o - e) * (o - e) / e
                        X2 += d; cells++
                        le = e; lo = o; ld = d; e = 0; o = 0
                    }
                }
                df = cells - 1
                split(sk, nm, SUBSEP)
                if (df < 1) {
                    z = 0
                } else {
                    a = 2 / (9 * df)
                    z = ((X2 / df) ^ (1 / 3) - (1 - a)) / sqrt(a)
                }
                printf "%s %s/%s %d replicates, %d off the lattice, chi-square %.2f on %d df, z %.2f\n",
                    (offl[sk] == 0 && z <= 4.5 && N > 0) ? "ok" : "FAIL",
                    nm[1], nm[2], N, offl[sk], X2, df, z
            }
        }' "$dir/ref/enum-pmf.tsv" "$work/reps.tsv" | sort -k2 >"$work/chi.res"
    while read -r verdict what rest; do
        echo "$verdict $what $rest" >"$work/why"
        if [ "$verdict" = ok ]; then
            tap_ok "exact distribution of the replicates: $what"
            echo "#   $rest"
        else
            tap_fail "exact distribution of the replicates: $what" "$work/why"
        fi
    done <"$work/chi.res"
fi

## 3. Large n: the rows path in chunks, exact moments of the mean.
# x: a deterministic skewed sample (Park-Miller, u^2 * 10, 3 decimals),
# stratum a for the first 12000 rows, b for the other 8000.
awk 'BEGIN {
    s = 12345; print "s,x"
    for (i = 1; i <= 20000; i++) {
        s = (s * 48271) % 2147483647
        printf "%s,%.3f\n", i <= 12000 ? "a" : "b", 10 * (s / 2147483647) ^ 2 + (i > 12000)
    }
}' >"$work/big.csv"
# moments NAME STRATA-FLAG: exact mean, sd and skewness of the bootstrap
# distribution of the mean of $work/big.csv, with (1) or without (0) strata
moments() {
    awk -F , -v strat="$1" 'NR > 1 {
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
    }' "$work/big.csv"
}
for strat in 0 1; do
    for stats in mean mean,sd; do
        name=big-strata$strat-$stats
        set -- -c x -s "$stats" -m percentile -B 20000 "$work/big.csv"
        [ "$strat" = 1 ] && set -- --strata s "$@"
        run "$name" "$@" || continue
        moments "$strat" >"$work/mom"
        awk -F '\t' -v K="$K" -v mom="$(cat "$work/mom")" '
            function abs(x) { return x < 0 ? -x : x }
            NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
            $c["stat"] == "mean" {
                split(mom, M, " "); mu = M[1]; sd = M[2]; g = M[3]
                B = $c["B"]
                # z(0.025) = -1.959963984540054; dnorm there 0.05844094433345
                z = 1.959963984540054; phi = 0.05844094433345
                qlo = mu + sd * (-z + g * (z * z - 1) / 6)
                qhi = mu + sd * (z + g * (z * z - 1) / 6)
                tq = K * sd * sqrt(0.025 * 0.975 / B) / phi
                tb = K * sd / sqrt(B); ts = K * sd * sqrt(2 / (4 * B))
                r1 = abs($c["estimate"] - mu) / (1e-12 * mu)
                r2 = abs($c["bias"]) / tb; r3 = abs($c["se"] - sd) / ts
                r4 = abs($c["lo"] - qlo) / tq; r5 = abs($c["hi"] - qhi) / tq
                r = r1; if (r2 > r) r = r2; if (r3 > r) r = r3
                if (r4 > r) r = r4; if (r5 > r) r = r5
                printf "%s estimate %s (exact %.15g), bias %.3g, se %.6g (exact %.6g), lo %.6g (CF %.6g), hi %.6g (CF %.6g); largest |d|/tol %.2f\n",
                    r <= 1 ? "ok" : "FAIL", $c["estimate"], mu, $c["bias"],
                    $c["se"], sd, $c["lo"], qlo, $c["hi"], qhi, r
            }' "$work/$name.out" >"$work/big.res"
        read -r verdict rest <"$work/big.res" || verdict=FAIL
        if [ "$verdict" = ok ]; then
            tap_ok "n = 20000 in chunks, $name: exact moments of the mean"
            echo "#   $rest"
        else
            cat "$work/big.res" >"$work/why"
            tap_fail "n = 20000 in chunks, $name: exact moments" "$work/why"
        fi
    done
done

## 4. The interval formulas on sk-boot's own replicates: R's norm.inter,
## norm.ci and BCa (ties one half, the jackknife of boot.h) applied to the
## replicates of the same run, to 1e-9 (tests/boot/formulas.tab).
set -f
while IFS=$tab read -r name args <&3 || [ -n "${name:-}" ]; do
    case $name in '' | '#'*) continue ;; esac
    ref=$dir/ref/$name.formulas.tsv
    if [ ! -f "$ref" ]; then
        echo "no $ref: run SK_BOOT=... Rscript tests/ref/boot.R --formulas" \
            >"$work/why"
        tap_fail "$name: no reference" "$work/why"
        continue
    fi
    # shellcheck disable=SC2086 # word splitting of the arguments is wanted
    run "$name" $args || continue
    if awk -F '\t' -f "$dir/formcmp.awk" "$ref" "$work/$name.out" \
            >"$work/why" 2>&1; then
        tap_ok "$name: R's formulas on sk-boot's replicates: $(tail -1 "$work/why")"
    else
        tap_fail "$name: R's formulas on sk-boot's replicates differ" \
            "$work/why"
    fi
done 3<"$dir/formulas.tab"
set +f

tap_done
