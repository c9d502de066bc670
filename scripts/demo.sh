#!/bin/sh
# demo.sh - the main job on the bundled data: builds what is needed, then
# runs the programs over the bundled datasets, as tab-separated tables on
# stdout: descriptive statistics and paired comparisons of the anorexia
# trial (weights before and after, per treatment) and the sleep data,
# bootstrap intervals of the weight gain, and the item table and
# reliability of psych's bfi Agreeableness and Conscientiousness scales.
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
"$srcdir/scripts/setup.sh" build
bin=$srcdir/build/src
cd "$srcdir"
run() {
    echo "# $*"
    "$bin/$@"
    echo
}
run sk-describe --precision=6 -g Treat -c Prewt,Postwt datasets/anorexia.csv
run sk-describe --precision=6 -c drug1,drug2 datasets/sleep.csv
run sk-paired --precision=6 -p drug1:drug2 datasets/sleep.csv
run sk-paired --precision=6 -g Treat -p Prewt:Postwt --adjust=holm \
    datasets/anorexia.csv
run sk-boot --precision=6 -g Treat -p Prewt:Postwt -s mean-diff,dz \
    datasets/anorexia.csv
run sk-freq --summary --precision=4 --codebook=datasets/bfi-codebook.csv \
    datasets/bfi.csv
run sk-alpha --precision=6 --codebook=datasets/bfi-codebook.csv \
    datasets/bfi.csv
