#!/bin/sh
# demo.sh - the main job on the bundled data: builds what is needed, then
# describes the bundled anorexia trial (weights before and after, per
# treatment) and the sleep data, as tab-separated tables on stdout.
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
"$srcdir/scripts/setup.sh" build
bin=$srcdir/build/src
echo "# sk-describe -g Treat -c Prewt,Postwt datasets/anorexia.csv"
"$bin/sk-describe" --precision=6 -g Treat -c Prewt,Postwt \
    "$srcdir/datasets/anorexia.csv"
echo
echo "# sk-describe -c drug1,drug2 datasets/sleep.csv"
"$bin/sk-describe" --precision=6 -c drug1,drug2 "$srcdir/datasets/sleep.csv"
