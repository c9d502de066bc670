#!/bin/sh
# table-render.sh - sk-table's output read by the tools its readers use:
# every Markdown table of tests/table/expected rendered as a table by
# cmark-gfm (GitHub's renderer) or pandoc, the standalone HTML page clean
# under 'tidy -errors', and the LaTeX tables compiled by pdflatex with
# booktabs (each preset's table in a minimal document). Each check is
# skipped where its tool is not installed (scripts/setup.sh installs them).
set -eu
. "$top_srcdir/tests/lib.sh"
exp=$top_srcdir/tests/table/expected

# Markdown: one <table> per file, with as many rows as the source has.
if command -v cmark-gfm >/dev/null 2>&1; then
    md() { cmark-gfm -e table --unsafe "$1"; }
elif command -v pandoc >/dev/null 2>&1; then
    md() { pandoc -f gfm -t html "$1"; }
else
    md=
fi
for f in "$exp"/*.md; do
    n=$(basename "$f")
    if ! command -v cmark-gfm >/dev/null 2>&1 &&
        ! command -v pandoc >/dev/null 2>&1; then
        tap_ok "# SKIP $n: neither cmark-gfm nor pandoc"
        continue
    fi
    md "$f" >"$work/md.html"
    rows=$(grep -c '^|' "$f") || rows=0
    trs=$(grep -o '<tr>' "$work/md.html" | wc -l)
    if [ "$(grep -c '<table>' "$work/md.html")" -eq 1 ] &&
        [ "$trs" -eq $((rows - 1)) ]; then
        tap_ok "$n renders as a table of $trs rows"
    else
        tap_fail "$n: rendered $trs rows, the source has $((rows - 1))" \
            "$work/md.html"
    fi
done

# HTML: the standalone page passes tidy without errors or warnings.
if command -v tidy >/dev/null 2>&1; then
    for f in "$exp"/*.html; do
        n=$(basename "$f")
        case $n in standalone-*) page=$f ;;
            *) { printf '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>\n'
                 cat "$f"; printf '</body></html>\n'; } >"$work/page.html"
               page=$work/page.html ;;
        esac
        if tidy -errors -quiet "$page" >"$work/tidy" 2>&1; then
            tap_ok "$n passes tidy -errors"
        else
            tap_fail "$n: tidy reports" "$work/tidy"
        fi
    done
else
    tap_ok "# SKIP HTML: tidy is not installed"
fi

# LaTeX: each table compiles.
if command -v pdflatex >/dev/null 2>&1 &&
    kpsewhich booktabs.sty >/dev/null 2>&1; then
    for f in "$exp"/*.tex; do
        n=$(basename "$f" .tex)
        case $n in standalone-*) cp "$f" "$work/$n.tex" ;;
            *) { printf '\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n\\usepackage{booktabs}\n\\usepackage[landscape,margin=1cm]{geometry}\n\\begin{document}\n\\tiny\n'
                 cat "$f"; printf '\\end{document}\n'; } >"$work/$n.tex" ;;
        esac
        if (cd "$work" && pdflatex -interaction=nonstopmode -halt-on-error \
                "$n.tex" >"$n.log.out" 2>&1) && [ -s "$work/$n.pdf" ] &&
            ! grep -q '^! ' "$work/$n.log"; then
            tap_ok "$n.tex compiles with pdflatex"
        else
            tail -30 "$work/$n.log.out" >"$work/detail"
            tap_fail "$n.tex: pdflatex failed" "$work/detail"
        fi
    done
else
    tap_ok "# SKIP LaTeX: pdflatex or booktabs is not installed"
fi
tap_done
