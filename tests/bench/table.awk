# table.awk - the one table of the benchmarks, from the rows of common.sh
# (tab-separated: R workload tool s MiB floor_s note | T workload target
# status | A workload status detail | I text). Part of surveykit.
#
# One block of lines per workload, in the order first seen: surveykit's
# median seconds, peak MiB, the libcsv parse floor and its multiple of it
# on the first line; one peer and one target a line.
BEGIN { FS = "\t" }
function seen(w) {
    if (!(w in known)) { known[w] = 1; order[++nw] = w }
}
$1 == "R" {
    seen($2)
    if ($3 ~ /^sk-/ && !(($2) in sk)) {
        sk[$2] = $3; sks[$2] = $4; skm[$2] = $5; skf[$2] = $6; skn[$2] = $7
    } else {
        k = ++np[$2]; pt[$2, k] = $3; ps[$2, k] = $4; pm[$2, k] = $5
        pn[$2, k] = $7
    }
    next
}
$1 == "T" { seen($2); k = ++nt[$2]; tt[$2, k] = $3; tm[$2, k] = $4; next }
$1 == "A" { na++; agree[na] = $2 ": " $3 " (" $4 ")"; next }
$1 == "I" { ni++; info[ni] = $2; next }
function num(x, d) { return x == "-" || x == "" ? "-" : sprintf("%." d "f", x) }
# Seconds: 3 significant digits at least, never less than 1 ms.
function sec(x) {
    if (x == "-" || x == "") return "-"
    return sprintf(x >= 100 ? "%.0f" : x >= 10 ? "%.1f" : x >= 1 ? "%.2f" : "%.3f", x)
}
function div(a, b) {
    return (a == "-" || b == "-" || a == "" || b == "" || b + 0 == 0) ? "-" : \
        sprintf("%.2f", a / b)
}
END {
    print "| workload | surveykit s | MiB | floor s | x floor | peer | peer s | peer MiB | peer/sk | target | met? |"
    print "|---|--:|--:|--:|--:|---|--:|--:|--:|---|---|"
    for (i = 1; i <= nw; i++) {
        w = order[i]
        n = np[w] > nt[w] ? np[w] : nt[w]
        if (n < 1) n = 1
        for (j = 1; j <= n; j++) {
            if (j == 1) {
                s = sks[w]
                line = sprintf("| %s | %s | %s | %s | %s", w,
                    (skn[w] != "" && s == "-") ? skn[w] : sec(s),
                    skm[w] == "" ? "-" : skm[w], sec(skf[w]),
                    div(s, skf[w]))
            } else
                line = "| | | | |"
            if (j <= np[w]) {
                ptxt = ps[w, j] == "-" ? pn[w, j] : sec(ps[w, j])
                if (ps[w, j] != "-" && pn[w, j] != "")
                    ptxt = ptxt " (" pn[w, j] ")"
                line = line sprintf(" | %s | %s | %s | %s", pt[w, j], ptxt,
                    pm[w, j] == "" ? "-" : pm[w, j], div(ps[w, j], sks[w]))
            } else if (j == 1 && np[w] == 0 && skn[w] != "" && sks[w] != "-")
                line = line sprintf(" | (%s) | | |", skn[w])
            else
                line = line " | | | |"
            if (j <= nt[w])
                line = line sprintf(" | %s | %s |", tt[w, j], tm[w, j])
            else
                line = line " | | |"
            print line
        }
    }
    if (na) {
        print ""
        print "Agreement between the tools (untimed outputs of the timed runs):"
        for (i = 1; i <= na; i++) print "- " agree[i]
    }
    if (ni) {
        print ""
        for (i = 1; i <= ni; i++) print "- " info[i]
    }
}
