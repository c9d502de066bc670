#!/bin/sh
# setup.sh - make a build of surveykit ready, from a fresh Debian 12 machine.
#
#   scripts/setup.sh [BUILDDIR [CONFIGURE-OPTION...]]
#
# Installs the Debian packages that are missing (apt-get, as root or
# through sudo), bootstraps (autoreconf) when configure is missing or
# older than its sources, configures BUILDDIR (default: build) when it is
# not configured yet, and builds. A second run skips what is done.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-build}
[ $# -gt 0 ] && shift
case $builddir in /*) ;; *) builddir=$srcdir/$builddir ;; esac

# What the build and the test suite need (R and SciPy are not needed: the
# reference values are stored beside the tests). cmark-gfm, tidy and TeX
# are the renderers tests/table-render.sh reads sk-table's output with
# (lmodern: the fonts of a standalone LaTeX table); gnuplot-nox draws the
# sk-plot-* figures; headless chromium lays out sk-report's HTML page.
packages="gcc make autoconf automake pkg-config libgsl-dev libcsv-dev
libcunit1-dev libgmp-dev libmpfr-dev r-mathlib librandom123-dev help2man
cmark-gfm tidy texlive-latex-base texlive-latex-recommended lmodern
gnuplot-nox chromium"

missing=
for p in $packages; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || :)
    case $status in *" installed") ;; *) missing="$missing $p" ;; esac
done
if [ -n "$missing" ]; then
    echo "setup: installing:$missing" >&2
    if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    $sudo apt-get install -y -qq --no-install-recommends $missing >&2
fi

cd "$srcdir"
if [ ! -x configure ] || [ configure.ac -nt configure ] ||
   [ Makefile.am -nt Makefile.in ]; then
    echo "setup: autoreconf -fi" >&2
    autoreconf -fi >&2
fi

mkdir -p "$builddir"
cd "$builddir"
if [ ! -f Makefile ] || [ ! -f config.status ]; then
    echo "setup: configuring $builddir $*" >&2
    "$srcdir/configure" -q "$@" >&2
fi
make -j"$(nproc 2>/dev/null || echo 2)" >&2
