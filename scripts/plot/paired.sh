# paired.sh - sk-plot-paired: before and after, one line per respondent,
# the mean (or median) of each side with its interval, the mean change in
# the caption (the part after common.sh). The numbers come from sk-describe
# and sk-paired on the complete pairs; this script only draws.
# shellcheck shell=sh

usage() {
    cat <<EOF
Usage: $plot_name [OPTION]... [FILE]
Before and after: one line per respondent from the data sk-paired reads,
identical pairs (Likert answers) drawn once, the wider the more respondents
gave them, with their count; the mean of each side and its interval on
top (sk-describe), and the mean change with its interval in the caption
(sk-paired). Pairs with a side missing are left out and counted.
With no FILE, or when FILE is -, read standard input.

  $plot_name -p pre:post -o change.png data.csv
  $plot_name --id=pair --within=time --levels=pre,post --value=score -o change.svg long.csv

Input:
  -p, --pair=BEFORE:AFTER  the two columns (wide form)
      --id=COL --within=COL --levels=A,B --value=COL
                       the long form: rows with the same id are one
                       respondent, --within says which side
  -t, --tsv            tab-separated input (default: CSV)
      --na=LIST        missing-value tokens, comma-separated (default NA;
                       an empty field is always missing)
      --center=WHAT    mean (default, with its CI) or median (with q1, q3)
      --level=P        the intervals' confidence level (default 0.95)
      --yrange=LO:HI   the vertical axis from LO to HI (default: the data's
                       range), so that figures of several outcomes on one
                       scale can be set side by side
$plot_common_help
EOF
}

pair='' id='' within='' levels='' value='' tsv='' center=mean level=0.95 na=NA
yrange=
# The options of this script (plot_parse, common.sh).
part_flag() {
    case $1 in
    -t | --tsv) tsv=1 ;;
    *) return 1 ;;
    esac
}
part_option() {
    case $1 in
    -p | --pair) pair=$2 ;;
    --id) id=$2 ;;
    --within) within=$2 ;;
    --levels) levels=$2 ;;
    --value) value=$2 ;;
    --center)
        case $2 in mean | median) center=$2 ;;
        *) usage_error "invalid value for --center: '$2' (mean or median)" ;;
        esac ;;
    --level) level=$2 ;;
    --na) na=$2 ;;
    --yrange)
        echo "$2" | awk -F: 'NF == 2 && $1 ~ /^-?[0-9]+([.][0-9]+)?$/ &&
            $2 ~ /^-?[0-9]+([.][0-9]+)?$/ && $1 + 0 < $2 + 0 { ok = 1 }
            END { exit !ok }' ||
            usage_error "invalid value for --yrange: '$2' (LO:HI, two numbers, LO below HI)"
        yrange=$2 ;;
    *) return 1 ;;
    esac
}
plot_parse "$@"
if [ -n "$pair" ]; then
    [ -z "$id$within$levels$value" ] ||
        usage_error "-p is the wide form; --id, --within, --levels, --value the long form: not both"
    case $pair in *:*) ;; *) usage_error "-p wants BEFORE:AFTER: '$pair'" ;; esac
    a=${pair%%:*} b=${pair#*:}
    if [ -z "$a" ] || [ -z "$b" ]; then
        usage_error "-p wants BEFORE:AFTER: '$pair'"
    fi
elif [ -n "$id$within$levels$value" ]; then
    if [ -z "$id" ] || [ -z "$within" ] || [ -z "$levels" ] || [ -z "$value" ]; then
        usage_error "the long form needs all of --id, --within, --levels=A,B and --value"
    fi
    case $levels in *,*,* | ,* | *, ) usage_error "--levels wants two levels, A,B: '$levels'" ;;
        *,*) ;; *) usage_error "--levels wants two levels, A,B: '$levels'" ;; esac
    a=${levels%%,*} b=${levels#*,}
else
    usage_error "give -p BEFORE:AFTER, or --id, --within, --levels and --value"
fi

plot_input
csv=--csv
[ -n "$tsv" ] && csv=
# the columns as TSV, read by libcsv through sk-table (quotes, CRLF, BOM)
if [ -n "$pair" ]; then
    plot_sk_table $csv --format=tsv --raw --na-as=NA -c "$a,$b" "$plot_tmp/in" \
        >"$plot_tmp/cols" || exit $?
else
    plot_sk_table $csv --format=tsv --raw --na-as=NA -c "$id,$within,$value" \
        "$plot_tmp/in" >"$plot_tmp/cols" || exit $?
fi
# the complete pairs, as a two-column table
awk -F '\t' -v long="${id:+1}" -v a="$a" -v b="$b" -v where="$plot_where" -v na="$na" \
    -v prog="$plot_name" -v drops="$plot_tmp/dropped" '
function isnum(s) { return !(s in missing) && s ~ /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/ }
NR == 1 { nm = split(na, t, ","); for (i = 1; i <= nm; i++) missing[t[i]] = 1; next }
!long { if (isnum($1) && isnum($2)) print $1 "\t" $2; else dropped++; next }
{
    if (!($1 in seen)) { seen[$1] = 1; ids[++n] = $1 }
    if ($2 == a) { if ($1 in va) { print prog ": " where ": id " $1 " has two rows at " a > "/dev/stderr"; bad = 1; exit 1 } va[$1] = $3 }
    else if ($2 == b) { if ($1 in vb) { print prog ": " where ": id " $1 " has two rows at " b > "/dev/stderr"; bad = 1; exit 1 } vb[$1] = $3 }
    else other++
    if ($2 == a || $2 == b) found[$2] = 1
}
END {
    if (bad) exit 1
    if (long) {
        if (!(a in found)) { print prog ": " where ": level " a " never occurs in --within" > "/dev/stderr"; exit 1 }
        if (!(b in found)) { print prog ": " where ": level " b " never occurs in --within" > "/dev/stderr"; exit 1 }
        for (i = 1; i <= n; i++) {
            k = ids[i]
            if ((k in va) && (k in vb) && isnum(va[k]) && isnum(vb[k])) print va[k] "\t" vb[k]
            else if ((k in va) || (k in vb)) dropped++
        }
    }
    print dropped + 0 > drops
}' "$plot_tmp/cols" >"$plot_tmp/pairs.body" || exit 1
[ -s "$plot_tmp/pairs.body" ] || die "$plot_where: no complete pairs of '$a' and '$b'"
{ printf 'before\tafter\n'; cat "$plot_tmp/pairs.body"; } >"$plot_tmp/pairs.tsv"

# the numbers: each side's centre and interval, the change and its CI
plot_sk() {
    _here=$(dirname -- "$0")
    _p=$1
    shift
    if [ -x "$_here/$_p" ]; then "$_here/$_p" "$@"; else "$_p" "$@"; fi
}
plot_sk sk-describe -t --level="$level" -c before,after "$plot_tmp/pairs.tsv" \
    >"$plot_tmp/desc" || exit 1
plot_sk sk-paired -t --level="$level" -p before:after "$plot_tmp/pairs.tsv" \
    >"$plot_tmp/paired" 2>/dev/null || exit 1
plot_sk_table --format=tsv --cell="c=%{mean_diff} [%{ci_lo}, %{ci_hi}]" \
    --cell="n=%{n}" "$plot_tmp/paired" | sed -n 2p >"$plot_tmp/change"

title=$(plot_escape "$plot_title")
dropped=$(cat "$plot_tmp/dropped")
awk -F '\t' -v a="$a" -v b="$b" -v ylab="${value:-}" -v title="$title" \
    -v center="$center" -v level="$level" -v dropped="$dropped" \
    -v yrange="$yrange" \
    -v out="$plot_tmp/plot.gp" -v sizes="$plot_tmp/size" \
    -v descf="$plot_tmp/desc" -v changef="$plot_tmp/change" '
function q(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
NR == 1 { next }
{ k = $1 SUBSEP $2; if (!(k in cnt)) { keys[++nk] = k }; cnt[k]++; n++
  if (cnt[k] > maxc) maxc = cnt[k] }
END {
    while ((getline line < descf) > 0) {
        nf = split(line, f, "\t")
        if (++dl == 1) { for (i = 1; i <= nf; i++) dc[f[i]] = i; continue }
        s = f[dc["variable"]] == "before" ? 1 : 2
        if (center == "mean") { cm[s] = f[dc["mean"]]; clo[s] = f[dc["ci_lo"]]; chi[s] = f[dc["ci_hi"]] }
        else { cm[s] = f[dc["median"]]; clo[s] = f[dc["q1"]]; chi[s] = f[dc["q3"]] }
    }
    getline line < changef; split(line, ch, "\t")
    gsub(/-/, "\342\210\222", ch[1])
    if (title != "") print "set title " q(title) > out
    print "set encoding utf8" > out
    print "set xrange [0.6:2.4]" > out
    print "set offsets 0, 0, graph 0.05, graph 0.05" > out
    if (yrange != "") {
        split(yrange, yr, ":")
        # the range padded by 5% as the offsets pad the data
        pad = (yr[2] - yr[1]) * 0.05
        printf "set yrange [%.15g:%.15g]\n", yr[1] - pad, yr[2] + pad > out
        print "set offsets 0, 0, 0, 0" > out
    }
    print "set xtics (" q(a) " 1, " q(b) " 2) nomirror scale 0" > out
    print "set ytics nomirror out" > out
    print "set format y \"%h\"" > out
    print "set border 3 lc rgb \"#555555\"" > out
    if (ylab != "") print "set ylabel " q(ylab) > out
    caption = "Mean change " ch[1] " (" level * 100 "% CI, " b " \342\210\222 " a "), n = " ch[2] \
              (dropped > 0 ? "\\n" dropped " incomplete pair" (dropped > 1 ? "s" : "") " left out" : "")
    caption = caption "\\nPoints: " (center == "mean" ? "the mean of each side and its " level * 100 "% CI" : "the median of each side, its bar from q1 to q3")
    if (maxc > 1) caption = caption "\\nLine width: the respondents who gave the same pair (widest: " maxc ")"
    print "set xlabel " q(caption) > out
    # room for the longest caption (four lines) always, so that figures
    # of several outcomes side by side have plots of one height
    print "set bmargin 7" > out
    print "unset key" > out
    distinct = nk < n
    print "$p << EOD" > out
    for (i = 1; i <= nk; i++) {
        split(keys[i], v, SUBSEP); c = cnt[keys[i]]
        printf "%s %s %d\n", v[1], v[2], c > out
    }
    print "EOD" > out
    print "$m << EOD" > out
    printf "1 %s %s %s\n2 %s %s %s\n", cm[1], clo[1], chi[1], cm[2], clo[2], chi[2] > out
    print "EOD" > out
    # one line per distinct pair: x 1 -> 2
    # one element per count (gnuplot has no variable width for vectors)
    nc = 0
    for (i = 1; i <= nk; i++) { c = cnt[keys[i]]; if (!(c in usedc)) { usedc[c] = 1; cl[++nc] = c } }
    for (j = 1; j <= nc; j++) {
        c = cl[j]
        printf "%s$p using (1):($3 == %d ? $1 : NaN):(1):($2 - $1) with vectors nohead lw %.2f lc rgb \"#66888888\"", \
            (j > 1 ? ", \\\n     " : "plot "), c, 0.8 + (maxc > 1 ? 6 * sqrt(c / maxc) : 0) > out
    }
    # the counts written on the lines only where they cannot collide: few
    # pairs, no two sharing a midpoint
    labels_ok = nk <= 15 && maxc > 1
    for (i = 1; i <= nk && labels_ok; i++) { split(keys[i], v, SUBSEP); mid = v[1] + v[2]
        if (mid in mids) labels_ok = 0; mids[mid] = 1 }
    if (labels_ok)
        printf ", \\\n     $p using (1.5):(($1 + $2) / 2):($3 == 1 ? \"\" : sprintf(\"%%d\", $3)) with labels font \",8\" tc rgb \"#555555\" offset 0, 0.5" > out
    printf ", \\\n     $m using 1:2 with lines lw 3 lc rgb \"#000000\"" > out
    printf ", \\\n     $m using 1:2:3:4 with yerrorbars pt 7 ps 1.4 lw 2.5 lc rgb \"#D55E00\"\n" > out
    print 700, 580 > sizes
}' "$plot_tmp/pairs.tsv" || exit 1

read -r w h <"$plot_tmp/size"
plot_run "$plot_tmp/plot.gp" "$w" "$h"
