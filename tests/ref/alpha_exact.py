# alpha_exact.py - every number of sk-alpha's output (scale row, --items rows)
# for q1..q20 against the double nearest the exact value, at %.15g (the
# default --precision): exact integers M = n Sxy - Sx Sy from the sums of
# tests/ref/alpha-exact.R, then mpmath at 60 digits.
# python3 tests/ref/alpha_exact.py sums.txt OUT.tsv...
import sys
from mpmath import mp, mpf, sqrt
mp.dps = 60
L = open(sys.argv[1]).read().split("\n")
n = int(L[0]); S = [int(v) for v in L[1].split()]
C = [[int(v) for v in L[2 + i].split()] for i in range(20)]
k = 20
M = [[n * C[i][j] - S[i] * S[j] for j in range(k)] for i in range(k)]
r = [[mpf(M[i][j]) / sqrt(mpf(M[i][i]) * M[j][j]) for j in range(k)] for i in range(k)]
tr = sum(M[i][i] for i in range(k)); sc = sum(map(sum, M))
sr = sum(map(sum, r))
f = lambda v: "%.15g" % float(v)
tot = {"raw_alpha": f(mpf(k) / (k - 1) * (1 - mpf(tr) / sc)),
       "std_alpha": f(mpf(k) / (k - 1) * (1 - k / sr)),
       "mean_r": f((sr - k) / (k * (k - 1))),
       "score_mean": f(mpf(sum(S)) / (n * k)),
       "score_sd": f(sqrt(mpf(sc) / (n * (n - 1) * k * k)))}
items = []
for i in range(k):
    row = sum(M[i]); cr = row - M[i][i]; rr = sc - 2 * row + M[i][i]
    rest = [j for j in range(k) if j != i]
    srd = sum(r[a][b] for a in rest for b in rest)
    items.append({"mean": f(mpf(S[i]) / n), "sd": f(sqrt(mpf(M[i][i]) / (n * (n - 1)))),
                  "r_drop": f(cr / sqrt(mpf(M[i][i]) * rr)), "raw_r": f(row / sqrt(mpf(M[i][i]) * sc)),
                  "alpha_if_deleted": f(mpf(k - 1) / (k - 2) * (1 - mpf(tr - M[i][i]) / rr)),
                  "std_alpha_if_deleted": f(mpf(k - 1) / (k - 2) * (1 - (k - 1) / srd)),
                  "mean_r_if_deleted": f((srd - (k - 1)) / ((k - 1) * (k - 2)))})
for path in sys.argv[2:]:
    rows = [l.rstrip("\n").split("\t") for l in open(path) if "\t" in l]
    h = rows[0]; bad = tot_cells = 0
    for j, row in enumerate(rows[1:]):
        ref = tot if "raw_alpha" in h else items[j]
        for c, v in zip(h, row):
            if c in ref:
                tot_cells += 1
                if ref[c] != v:
                    bad += 1; print("  %s %s: %s, exact %s" % (path.split("/")[-1], c, v, ref[c]))
    print("%s: %d of %d numbers differ from the exact ones" % (path, bad, tot_cells))
