# tsvcmp.awk - compare two tab-separated tables, EXPECTED and ACTUAL.
#
#   awk -v tol=1e-12 -f tsvcmp.awk EXPECTED ACTUAL
#
# The tables must have the same number of rows, and each row the same
# number of cells. A cell that is a number in EXPECTED must be a number in
# ACTUAL within the relative tolerance tol: |actual - expected| <= tol
# |expected| (absolute, |actual| <= tol, when expected is 0). Every other
# cell (text, "NA") must be equal exactly. With -v exact=1 every cell is
# compared as text. With -v report=1 the largest relative difference seen
# is printed on success too.
#
# Prints the first differences (row, column name from the header row of
# EXPECTED, expected, actual) and exits 1 on any difference, 2 on bad
# usage. Portable awk: runs with mawk, gawk and busybox awk.

BEGIN {
    FS = "\t"
    if (ARGC != 3) {
        print "usage: awk -v tol=T -f tsvcmp.awk EXPECTED ACTUAL" > "/dev/stderr"
        bad_usage = 1
        exit 2
    }
    if (tol == "")
        tol = 1e-12
    tol += 0
    maxshow = 10
    ndiff = 0
    nexp = 0
    nact = 0
    maxrel = 0
    maxwhere = ""
    # a decimal number as C's printf writes it (and inf/nan never)
    numre = "^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$"
    # EXPECTED here, ACTUAL by the main loop
    while ((rc = (getline line < ARGV[1])) > 0)
        exp_line[++nexp] = line
    if (rc < 0) {
        print "tsvcmp.awk: cannot read " ARGV[1] > "/dev/stderr"
        bad_usage = 1
        exit 2
    }
    close(ARGV[1])
    ARGV[1] = ""
}

{
    nact++
    act_line[nact] = $0
}

function absval(x) {
    return x < 0 ? -x : x
}

function colname(j) {
    return (j in head) ? head[j] : "column " j
}

function diff(row, what, e, a) {
    ndiff++
    if (ndiff <= maxshow)
        printf "row %d, %s: expected '%s', actual '%s'\n", row, what, e, a
}

# Compare one cell; returns nothing, records differences and the largest
# relative difference.
function cell(row, j, e, a,    de, da, d, rel) {
    if (e == a)
        return
    if (exact || e !~ numre || a !~ numre) {
        diff(row, colname(j), e, a)
        return
    }
    de = e + 0
    da = a + 0
    d = absval(da - de)
    rel = de == 0 ? d : d / absval(de)
    if (rel > maxrel) {
        maxrel = rel
        maxwhere = "row " row ", " colname(j) " (expected " e ", actual " a ")"
    }
    if (rel > tol)
        diff(row, colname(j), e, a)
}

END {
    if (bad_usage)
        exit 2
    if (nexp > 0)
        nhead = split(exp_line[1], head, "\t")
    n = nexp < nact ? nexp : nact
    for (i = 1; i <= n; i++) {
        if (exp_line[i] == act_line[i])
            continue
        ne = split(exp_line[i], ec, "\t")
        na = split(act_line[i], ac, "\t")
        if (ne != na) {
            diff(i, "number of cells", ne, na)
            continue
        }
        for (j = 1; j <= ne; j++)
            cell(i, j, ec[j], ac[j])
    }
    if (nexp != nact)
        diff(n + 1, "number of rows", nexp, nact)
    if (ndiff > maxshow)
        printf "... %d differences in all\n", ndiff
    if (!exact && (report || ndiff))
        printf "largest relative difference: %.3g%s\n", maxrel, \
            maxwhere == "" ? "" : " at " maxwhere
    exit ndiff ? 1 : 0
}
