#!/bin/sh
# demo.sh - the main job on the bundled data: builds what is needed, runs
# the programs over the bundled datasets, as tab-separated tables on
# stdout, and ends with sk-report's evaluation report of the bundled
# (synthetic) PLP survey, in build/report/: descriptive statistics and paired comparisons of the anorexia
# trial (weights before and after, per treatment) and the sleep data,
# bootstrap intervals of the weight gain, and the item table and
# reliability of psych's bfi Agreeableness and Conscientiousness scales;
# first, a survey platform's export (Qualtrics) made into a clean table
# and a draft codebook by sk-import, and its partnership items and scale.
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
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sk-demo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
run sk-import --codebook-out="$tmp/codebook.csv" -o "$tmp/plp.csv" \
    datasets/exports/qualtrics_labels.csv
# the draft codebook leaves reverse keying to the user: Q5_3 and Q5_6 are
# worded against the others
sed -i '/^item,Q5_[36],/s/,Q5,no,/,Q5,yes,/' "$tmp/codebook.csv"
run sk-freq --summary --precision=4 --codebook="$tmp/codebook.csv" \
    -c Q5_1:Q5_8 "$tmp/plp.csv"
run sk-alpha --precision=4 --codebook="$tmp/codebook.csv" "$tmp/plp.csv"
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
# the whole evaluation of the bundled PLP survey
"$bin/sk-report" -o "$srcdir/build/report"
