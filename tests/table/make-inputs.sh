#!/bin/sh
# make-inputs.sh - the sk- tables that tests/table-golden.sh lays out,
# written by the programs (themselves checked against R by their own golden
# tests) on the bundled datasets, and kept in the tree so that sk-table's
# tests do not move when another program gains a column. Run from the
# source root with the programs on PATH; review the diff.
set -eu
d=tests/table/input
cb=datasets/bfi-codebook.csv
sk-describe -g Treat -c Prewt,Postwt datasets/anorexia.csv >$d/describe.tsv
sk-freq --codebook=$cb -c A1,C4 datasets/bfi.csv >$d/freq.tsv
sk-freq --codebook=$cb -g gender -c A2 datasets/bfi.csv >$d/freq-gender.tsv
sk-freq --summary --codebook=$cb datasets/bfi.csv >$d/summary.tsv
sk-freq --summary --codebook=$cb -g gender -c A1,A2,C4 datasets/bfi.csv \
    >$d/summary-gender.tsv
sk-alpha --codebook=$cb datasets/bfi.csv >$d/alpha.tsv
sk-alpha --items --codebook=$cb datasets/bfi.csv >$d/items.tsv
sk-paired -p Prewt:Postwt -g Treat datasets/anorexia.csv >$d/paired.tsv
sk-paired -p drug1:drug2 datasets/sleep.csv >$d/paired-sleep.tsv
sk-compare --between gender -c A1,A2,C4 datasets/bfi.csv >$d/compare.tsv
sk-agree -p C1:C2 -p A1:A2 datasets/bfi.csv >$d/agree.tsv
sk-agree -c judge1:judge4 datasets/shrout-fleiss.csv >$d/agree-k.tsv
sk-boot -g Treat -p Prewt:Postwt -s mean-diff,dz -B 2000 \
    datasets/anorexia.csv >$d/boot.tsv
sk-boot --between=gender --levels=male,female -c A2 \
    -s mean-diff,pct-diff:5,6,theta -m bca -B 2000 datasets/bfi.csv \
    >$d/boot-between.tsv
