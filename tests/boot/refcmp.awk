# refcmp.awk - sk-boot's output against a reference (R's boot or SciPy)
# within Monte Carlo error.
#
#   awk -v K=4.5 [-v estol=1e-9] -f refcmp.awk REF.tsv OUTPUT.tsv
#
# REF.tsv is a file of tests/boot/ref/ (made by tests/ref/boot.R, which
# documents its columns and derives the tolerances); OUTPUT.tsv is
# sk-boot's output. For each row of REF.tsv the row of OUTPUT.tsv with the
# same variable, group, stat and method (bca-R: the bca row) must exist, at
# the same level, and, with B sk-boot's replicates (its B column) and
# B_ref the reference's:
#   estimate   |d| <= estol max(1, |ref|)   (no randomness: the same data)
#   a (bca)    |d| <= 1e-8 max(|ref|, 1e-4) (the jackknife: no randomness;
#              at least estol |ref|: estol is 1e-5 for --precision 6)
#   lo, hi     an end at level p of the replicates' distribution
#              (percentile, basic, student, bca) must lie in the bracket
#              [Q(p - D), Q(p + D)] of the reference's replicates (as
#              mapped to the end), D = K sqrt((1/B + 1/B_ref) (p (1 - p) +
#              g^2)) rounded up to the grid of the bracket values (steps
#              of sqrt(2); g: the
#              MC error of BCa's z0 carried to its level). The MC error of
#              a sample quantile, on any distribution, lumpy ones too.
#              normal ends: |d| <= K c sqrt(1/B + 1/B_ref)
#   bias, se, z0  |d| <= K c sqrt(1/B + 1/B_ref)
# c: the MC coefficient of the reference row (an estimate from B replicates
# has MC standard error c / sqrt(B)). Both estimates have MC error, hence
# the two terms 1/B and 1/B_ref. K = 4.5 (a two-sided normal tail of
# 7e-6): the golden and agreement tests make about 2500 distinct such
# comparisons (1000 reference rows), so that a correct sk-boot fails one of
# them by chance with probability about 2% (Bonferroni); a 4-sigma bound
# would fail one in six runs with new seeds.
#
# The ratio of a quantity is |d| / tolerance (for a bracketed end, its
# distance from the reference's end over the bracket's half on that side):
# it passes when <= 1. Prints one line per reference row (the largest
# ratio and where), then lines "max SOURCE METHOD RATIO WHERE" (the largest
# per source and method). Rows whose check column is "info" (R's own BCa
# where its definitions of z0 or a differ from sk-boot's: see boot.R) are
# printed with "info" and never fail, nor count in the summary; their a
# (R's) is shown, not compared. Exits 1 when a checked ratio exceeds 1 or a row is missing, 2
# on bad usage.

BEGIN {
    FS = "\t"
    if (ARGC != 3) {
        print "usage: awk -v K=4.5 -f refcmp.awk REF OUTPUT" > "/dev/stderr"
        bad = 1
        exit 2
    }
    if (K == "") K = 4.5
    if (estol == "") estol = 1e-9
    K += 0
    estol += 0
    # the bracket grid of boot.R: D_k = 0.0005 2^((k-1)/2), k = 1..17;
    # D_18: the whole range
    NG = 18
    for (k = 1; k < NG; k++)
        grid[k] = 0.0005 * 2 ^ ((k - 1) / 2)
    grid[NG] = 2
    nref = 0
    while ((rc = (getline line < ARGV[1])) > 0) {
        if (nref++ == 0) {
            nh = split(line, h)
            for (i = 1; i <= nh; i++) rcol[h[i]] = i
            continue
        }
        refline[nref - 1] = line
    }
    if (rc < 0 || nref < 1) {
        print "refcmp.awk: cannot read " ARGV[1] > "/dev/stderr"
        bad = 1
        exit 2
    }
    nref--
    close(ARGV[1])
    ARGV[1] = ""
}

FNR == 1 {
    for (i = 1; i <= NF; i++) ocol[$i] = i
    next
}

{
    key = $ocol["variable"] SUBSEP $ocol["group"] SUBSEP $ocol["stat"] \
          SUBSEP $ocol["method"]
    out[key] = $0
}

function abs(x) { return x < 0 ? -x : x }
function isnum(s) { return s != "NA" && s != "" && s != "nan" }

# note WHAT RATIO TEXT: keep the largest ratio of the row
function note(what, ratio, text) {
    if (ratio > rowmax) {
        rowmax = ratio
        rowwhere = what ": " text
    }
}

# check WHAT REF OUT TOL: |OUT - REF| <= TOL
function check(what, r, o, tol,    d, ratio) {
    if (!isnum(r))
        return
    if (!isnum(o)) {
        note(what, 1e99, sprintf("ref %s, sk-boot NA", r))
        return
    }
    d = o - r
    ratio = tol > 0 ? abs(d) / tol : (d == 0 ? 0 : 1e99)
    note(what, ratio, sprintf("ref %s, sk-boot %s, diff %.3g, tol %.3g",
                              r, o, d, tol))
}

# bracket WHAT REF OUT P G QB: OUT within the bracket of QB (2 NG values:
# the end at p - D_1..D_NG, then at p + D_1..D_NG) for D >= the MC scale
function bracket(what, r, o, p, g, qb,    v, n, D, k, lo, hi, eps, ratio) {
    if (!isnum(r) || qb == "NA")
        return
    if (!isnum(o)) {
        note(what, 1e99, sprintf("ref %s, sk-boot NA", r))
        return
    }
    n = split(qb, v, ",")
    if (n != 2 * NG) {
        note(what, 1e99, "bad bracket in the reference")
        return
    }
    D = K * sqrt((1 / B + 1 / Bref) * (p * (1 - p) + g * g))
    for (k = 1; k < NG && grid[k] < D; k++)
        ;
    lo = v[k] < v[NG + k] ? v[k] : v[NG + k]
    hi = v[k] < v[NG + k] ? v[NG + k] : v[k]
    if (lo > r) lo = r
    if (hi < r) hi = r
    eps = 1e-9 * (abs(r) > 1 ? abs(r) : 1)
    if (o >= r)
        ratio = (o - r) / (hi - r + eps)
    else
        ratio = (r - o) / (r - lo + eps)
    note(what, ratio, sprintf("ref %s, sk-boot %s, bracket [%s, %s] (p %.4g -+ %.4g)",
                              r, o, lo, hi, p, grid[k]))
}

END {
    if (bad)
        exit 2
    failed = 0
    for (i = 1; i <= nref; i++) {
        split(refline[i], R)
        method = R[rcol["method"]]
        omethod = method == "bca-R" ? "bca" : method
        src = R[rcol["source"]]
        label = R[rcol["variable"]] "/" R[rcol["group"]] "/" \
                R[rcol["stat"]] "/" method
        key = R[rcol["variable"]] SUBSEP R[rcol["group"]] SUBSEP \
              R[rcol["stat"]] SUBSEP omethod
        info = R[rcol["check"]] == "info"
        if (!(key in out)) {
            printf "%s (%s): no such row in the output\n", label, src
            if (!info) failed = 1
            continue
        }
        split(out[key], O)
        B = O[ocol["B"]] + 0
        Bref = R[rcol["B_ref"]] + 0
        s = sqrt(1 / B + 1 / Bref)
        rowmax = 0
        rowwhere = "nothing to compare"
        if (abs(O[ocol["level"]] - R[rcol["level"]]) > 1e-12)
            check("level", R[rcol["level"]], O[ocol["level"]], 0)
        e = R[rcol["estimate"]]
        check("estimate", e, O[ocol["estimate"]],
              estol * (abs(e) > 1 ? abs(e) : 1))
        if (omethod == "normal") {
            check("lo", R[rcol["lo"]], O[ocol["lo"]], K * R[rcol["c_lo"]] * s)
            check("hi", R[rcol["hi"]], O[ocol["hi"]], K * R[rcol["c_hi"]] * s)
        } else {
            bracket("lo", R[rcol["lo"]], O[ocol["lo"]], R[rcol["p_lo"]],
                    R[rcol["g_lo"]], R[rcol["qb_lo"]])
            bracket("hi", R[rcol["hi"]], O[ocol["hi"]], R[rcol["p_hi"]],
                    R[rcol["g_hi"]], R[rcol["qb_hi"]])
        }
        check("bias", R[rcol["bias"]], O[ocol["bias"]],
              K * R[rcol["c_bias"]] * s)
        check("se", R[rcol["se"]], O[ocol["se"]], K * R[rcol["c_se"]] * s)
        extra = ""
        if (omethod == "bca") {
            a = R[rcol["a"]]
            if (info)    # R's jackknife: shown, not compared
                extra = sprintf("; a: R %s, sk-boot %s", a, O[ocol["a"]])
            else {
                ta = 1e-8 * (abs(a) > 1e-4 ? abs(a) : 1e-4)
                if (estol * abs(a) > ta)    # fewer digits printed
                    ta = estol * abs(a)
                check("a", a, O[ocol["a"]], ta)
            }
            check("z0", R[rcol["z0"]], O[ocol["z0"]],
                  K * R[rcol["c_z0"]] * s)
        }
        printf "%s (%s)%s: ratio %.3f (%s)%s\n", label, src,
               info ? " info" : "", rowmax, rowwhere, extra
        if (info)    # not compared: no summary line
            continue
        mk = src " " method
        if (!(mk in maxr) || rowmax > maxr[mk]) {
            maxr[mk] = rowmax
            maxw[mk] = label
        }
        if (!info && rowmax > 1)
            failed = 1
    }
    for (mk in maxr)
        printf "max %s %.3f %s\n", mk, maxr[mk], maxw[mk]
    exit failed
}
