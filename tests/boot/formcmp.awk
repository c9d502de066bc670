# formcmp.awk - sk-boot's intervals against R's formulas applied to sk-boot's own
# replicates (tests/boot/ref/NAME.formulas.tsv, made by tests/ref/boot.R
# --formulas; see tests/boot/formulas.tab): no Monte Carlo error.
#
#   awk -F '\t' -f formcmp.awk NAME.formulas.tsv OUTPUT.tsv
#
# Every row of each must have its match in the other (variable, group,
# stat, method), with lo, hi, z0 within 1e-9 max(1, |R|) and a within
# 1e-8 max(|R|, 1e-4) (NA only where R has NA). Prints the rows that differ
# and a summary line; exits 1 on a difference.
function abs(x) { return x < 0 ? -x : x }
FNR == 1 && NR == 1 { for (i = 1; i <= NF; i++) rc[$i] = i; next }
FNR == NR { ref[$1, $2, $3, $4] = $0; next }
FNR == 1 { for (i = 1; i <= NF; i++) oc[$i] = i; next }
{
    k = $oc["variable"] SUBSEP $oc["group"] SUBSEP $oc["stat"] SUBSEP $oc["method"]
    if (!(k in ref)) { print "no reference row: " $0; bad = 1; next }
    seen[k] = 1
    split(ref[k], r)
    for (q = 1; q <= 4; q++) {
        name = q == 1 ? "lo" : q == 2 ? "hi" : q == 3 ? "z0" : "a"
        e = r[rc[name]]; a = $oc[name]
        if (e == "NA" && a == "NA") continue
        if (e == "NA" || a == "NA") { d = 1e99 } else d = abs(a - e)
        tol = name == "a" ? 1e-8 * (abs(e) > 1e-4 ? abs(e) : 1e-4) : 1e-9 * (abs(e) > 1 ? abs(e) : 1)
        if (d > tol) { printf "%s/%s/%s/%s %s: R %s, sk-boot %s\n", $oc["variable"], $oc["group"], $oc["stat"], $oc["method"], name, e, a; bad = 1 }
        if (d != 1e99 && d / tol > maxr) maxr = d / tol
    }
    n++
}
END {
    for (k in ref) if (!(k in seen)) { print "not in the output: " k; bad = 1 }
    printf "%d rows, largest |difference| / tolerance %.3g\n", n, maxr
    exit bad
}
