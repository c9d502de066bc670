#!/bin/sh
# seeds.sh - a seed corpus for a fuzz harness, from the test suite's own
# inputs: the files of tests/*/input and the standard-input texts (and
# options) of the bad-input tables tests/*-errors.tab.
#
#   tests/fuzz/seeds.sh HARNESS OUTDIR
#
# HARNESS is csvin, input, numparse, codebook, colsel, cli or import; each seed is
# written in that harness's input format (see the comment at the top of
# tests/fuzz/fuzz-HARNESS.c). Existing files in OUTDIR are kept.
set -eu
harness=$1
out=$2
srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
mkdir -p "$out"
tab=$(printf '\t')
n=0

seed() {    # the next seed's file name, in $f
    n=$((n + 1))
    f=$out/seed-$n
}

# The fields of the texts in $out/.texts, one a line, for numparse.
fields() {
    tr ',\t\r"' '\n\n\n\n' <"$1" | awk 'length($0) <= 80 && !seen[$0]++'
}

# Each table row: its arguments (word by word: $args), stdin text ($input,
# printf %b) and program; run CALLBACK on it.
table_rows() {
    for t in "$srcdir"/tests/*-errors.tab; do
        while IFS= read -r line; do
            case $line in '#'* | '') continue ;; esac
            line=${line#*"$tab"}         # name
            line=${line#*"$tab"}         # exit
            args=${line%%"$tab"*}
            line=${line#*"$tab"}
            input=${line%%"$tab"*}
            "$1"
        done <"$t"
    done
}

# Options of a row for the input harness: flags, -c, -g, --na.
row_options() {
    flags=2 cols= by= na=
    eval "set -- $args"
    while [ $# -gt 0 ]; do
        case $1 in
        -t | --tsv) flags=$((flags | 1)) ;;
        --no-header) flags=$((flags & ~2)) ;;
        -c) [ $# -ge 2 ] && { cols=$2; flags=$((flags | 4)); shift; } ;;
        -c*) cols=${1#-c}; flags=$((flags | 4)) ;;
        --columns=*) cols=${1#*=}; flags=$((flags | 4)) ;;
        -g) [ $# -ge 2 ] && { by=$2; flags=$((flags | 8)); shift; } ;;
        --by=*) by=${1#*=}; flags=$((flags | 8)) ;;
        --na=*) na=${1#*=}; flags=$((flags | 16)) ;;
        esac
        shift
    done
}

row_csvin() {
    [ "$input" = - ] && return 0
    seed
    printf '\002' >"$f"
    printf '%b' "$input" >>"$f"
    seed
    printf '\046' >"$f"             # header, 9-byte reads
    printf '%b' "$input" >>"$f"
}

row_input() {
    [ "$input" = - ] && return 0
    row_options
    seed
    printf "\\$(printf '%03o' "$flags")" >"$f"
    printf '%s\000%s\000%s\000' "$cols" "$by" "$na" >>"$f"
    printf '%b' "$input" >>"$f"
}

row_colsel() {
    [ "$input" = - ] && return 0
    row_options
    header=$(printf '%b' "$input" | head -n 1 | tr ',\t' '\n\n')
    for item in "$cols" "$by"; do
        [ -n "$item" ] || continue
        seed
        printf '\000%s\n%s' "$item" "$header" >"$f"
        seed
        printf '\001%s\n%s' "$item" "$header" >"$f"
    done
}

row_cli() {
    eval "set -- $args"
    for a in "$@"; do
        case $a in
        --*=*) seed; printf '%s' "${a#*=}" >"$f" ;;
        esac
    done
}

row_texts() {
    [ "$input" = - ] || printf '%b\n' "$input" >>"$out/.texts"
}

row_codebook() {
    case $args in
    *--codebook=-* | *--codebook=in*)
        seed
        printf '%b' "$input" >"$f" ;;
    esac
}

inputs() {
    for file in "$srcdir"/tests/*/input/*; do
        [ -f "$file" ] && echo "$file"
    done
}

case $harness in
csvin)
    table_rows row_csvin
    for file in $(inputs); do
        case $file in *.tsv) flag='\003' ;; *) flag='\002' ;; esac
        seed
        printf "$flag" >"$f"
        cat "$file" >>"$f"
    done ;;
input)
    table_rows row_input
    for file in $(inputs); do
        case $file in *.tsv) flag='\003' ;; *) flag='\002' ;; esac
        seed
        printf "$flag" >"$f"
        printf '\000\000\000' >>"$f"
        cat "$file" >>"$f"
    done ;;
numparse)
    : >"$out/.texts"
    table_rows row_texts
    for file in $(inputs); do cat "$file" >>"$out/.texts"; done
    fields "$out/.texts" | while IFS= read -r v; do
        seed
        printf '%s' "$v" >"$f"
    done
    rm -f "$out/.texts" ;;
codebook)
    table_rows row_codebook
    for cb in "$srcdir"/tests/likert/input/*codebook*.csv \
              "$srcdir"/datasets/*codebook*.csv; do
        [ -f "$cb" ] || continue
        seed
        cp "$cb" "$f"
    done ;;
import)
    # the import errors' texts and the exports, each with option bytes
    # 0 (all found) and 0x18 (comma, --keep-unfinished)
    for t in "$srcdir"/tests/import-errors.tab; do
        while IFS= read -r line; do
            case $line in '#'* | '') continue ;; esac
            line=${line#*"$tab"}; line=${line#*"$tab"}; line=${line#*"$tab"}
            input=${line%%"$tab"*}
            [ "$input" = - ] && continue
            seed
            printf '\000' >"$f"
            printf '%b' "$input" >>"$f"
        done <"$t"
    done
    for file in "$srcdir"/tests/import/input/*; do
        [ -f "$file" ] || continue
        for flag in '\000' '\030'; do
            seed
            printf "$flag" >"$f"
            cat "$file" >>"$f"
        done
    done ;;
colsel) table_rows row_colsel ;;
cli) table_rows row_cli ;;
*) echo "seeds.sh: no harness '$harness'" >&2; exit 2 ;;
esac
