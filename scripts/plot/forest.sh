# forest.sh - sk-plot-forest: effect sizes with their intervals, one row
# per item or group, from sk-paired, sk-compare, sk-agree or sk-boot (the
# part after common.sh).
# shellcheck shell=sh

usage() {
    cat <<EOF
Usage: $plot_name [OPTION]... [FILE]
A forest plot: one row per comparison (and group) of sk-paired, sk-compare,
sk-agree or sk-boot, the estimate as a point, its interval as a line, a
dashed line at the reference (0), and the values printed at the right, as
sk-table rounds them. The program is recognised by its columns; by
default sk-paired and sk-compare plot mean_diff [ci_lo, ci_hi], sk-agree
icc_a1 [icc_a1_lo, icc_a1_hi] and sk-boot estimate [lo, hi].
With no FILE, or when FILE is -, read standard input.

  sk-paired -p pre:post data.csv | $plot_name -o forest.png
  sk-paired -p pre:post data.csv | $plot_name --estimate=dz --lo=dz_lo --hi=dz_hi -o dz.svg

Layout:
      --estimate=COL   the estimate's column (and --lo=COL, --hi=COL its
                       interval's ends); give all three for another table
      --label=LIST     the columns that name a row, comma-separated
                       (default: variable, and group, stat, method where
                       the table has them)
      --ref=X          where the reference line is (default 0; 1 for a
                       ratio); --ref=none for no line
      --xlabel=TEXT    the axis title (default: the estimate, and what the
                       difference is)
      --codebook=FILE  items named by their wording (the codebook's text)
$plot_common_help
EOF
}

est='' lo='' hi='' labels='' ref=0 xlabel=''
# The options of this script (plot_parse, common.sh).
part_flag() {
    case $1 in
    *) return 1 ;;
    esac
}
part_option() {
    case $1 in
    --estimate) est=$2 ;;
    --lo) lo=$2 ;;
    --hi) hi=$2 ;;
    --label) labels=$2 ;;
    --ref)
        case $2 in
        none) ref= ;;
        *) awk -v x="$2" 'BEGIN { exit !(x ~ /^-?([0-9]+\.?[0-9]*|\.[0-9]+)$/) }' ||
               usage_error "invalid value for --ref: '$2' (a number, or none)"
           ref=$2 ;;
        esac ;;
    --xlabel) xlabel=$2 ;;
    --codebook) codebook=$2 ;;
    *) return 1 ;;
    esac
}
plot_parse "$@"
if [ -n "$est$lo$hi" ] && { [ -z "$est" ] || [ -z "$lo" ] || [ -z "$hi" ]; }; then
    usage_error "--estimate, --lo and --hi go together: give all three"
fi

plot_input
has() {
    awk -F '\t' -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) exit 0; exit 1 }' \
        "$plot_tmp/in"
}
what="the output of sk-paired, sk-compare, sk-agree or sk-boot"
if [ -z "$est" ]; then
    if has mean_before || has level_a; then
        est=mean_diff lo=ci_lo hi=ci_hi
        [ -n "$xlabel" ] || xlabel="Mean difference"
    elif has rater_a; then
        est=icc_a1 lo=icc_a1_lo hi=icc_a1_hi
        [ -n "$xlabel" ] || xlabel="ICC(A,1), absolute agreement"
    elif has method && has estimate; then
        est=estimate lo=lo hi=hi
        [ -n "$xlabel" ] || xlabel="Bootstrap estimate"
    else
        die "$plot_where: not $what (give --estimate, --lo and --hi for another table)"
    fi
fi
plot_need "$what" "$est" "$lo" "$hi"
[ -n "$xlabel" ] || xlabel=$est
if [ -z "$labels" ]; then
    labels=variable
    for c in group stat method; do
        if has "$c"; then labels="$labels,$c"; fi
    done
    has variable || die "$plot_where: no column 'variable': give --label"
fi
# every label column is there
oldifs=$IFS
IFS=,
# shellcheck disable=SC2086
set -- $labels
IFS=$oldifs
plot_need "$what" "$@"

# the values as written (to draw) and as sk-table rounds them (to print)
plot_sk_table --format=tsv --raw ${codebook:+--codebook="$codebook"} \
    -c "$labels" --cell="sk_e=%{$est}" \
    --cell="sk_lo=%{$lo}" --cell="sk_hi=%{$hi}" "$plot_tmp/in" \
    >"$plot_tmp/raw" || exit $?
plot_sk_table --format=tsv --cell="sk_text=%{$est} [%{$lo}, %{$hi}]" \
    --na-as=NA "$plot_tmp/in" | cut -f 1 >"$plot_tmp/text" || exit 1
# what the difference is, on the axis, when every row says the same (not
# for an intraclass correlation, which has no direction)
diff_text=
if has difference && ! has rater_a; then
    diff_text=$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "difference") c = i; next }
        NR == 2 { d = $c } $c != d { d = ""; exit } END { if (d != "NA") print d }' "$plot_tmp/in")
fi

title=$(plot_escape "$plot_title")
paste "$plot_tmp/raw" "$plot_tmp/text" | awk -F '\t' -v title="$title" \
    -v xlabel="$xlabel" -v diff="$diff_text" -v ref="$ref" \
    -v out="$plot_tmp/plot.gp" -v sizes="$plot_tmp/size" '
function q(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
function num(s) { return s != "NA" && s != "" && s != "Inf" && s != "-Inf" }
NR == 1 { nl = NF - 4; next }
{
    n++
    name = $1; for (i = 2; i <= nl; i++) if ($i != "" && $i != "all") name = name " \342\200\224 " $i
    lab[n] = name; e[n] = $(nl + 1); l[n] = $(nl + 2); h[n] = $(nl + 3); txt[n] = $(nl + 4)
}
END {
    lo = ref != "" ? ref + 0 : ""; hi = lo
    for (r = 1; r <= n; r++) {
        if (num(l[r]) && (lo == "" || l[r] + 0 < lo)) lo = l[r] + 0
        if (num(h[r]) && (hi == "" || h[r] + 0 > hi)) hi = h[r] + 0
        if (num(e[r]) && (lo == "" || e[r] + 0 < lo)) lo = e[r] + 0
        if (num(e[r]) && (hi == "" || e[r] + 0 > hi)) hi = e[r] + 0
    }
    if (lo == "") { lo = -1; hi = 1 }
    if (hi == lo) { lo -= 1; hi += 1 }
    pad = (hi - lo) * 0.06
    if (title != "") print "set title " q(title) > out
    print "set encoding utf8" > out
    printf "set xrange [%.10g:%.10g]\n", lo - pad, hi + pad > out
    print "set yrange [0.4:" n + 0.6 "]" > out
    printf "set ytics (" > out
    for (r = 1; r <= n; r++) printf "%s%s %d", (r > 1 ? ", " : ""), q(lab[r]), n - r + 1 > out
    print ") nomirror scale 0" > out
    print "set xtics nomirror out" > out
    print "set format x \"%h\"" > out
    print "set border 1 lc rgb \"#555555\"" > out
    print "set grid xtics lc rgb \"#e5e5e5\" lt 1" > out
    print "set xlabel " q(xlabel (diff != "" ? " (" diff ")" : "")) > out
    print "set rmargin 24" > out
    print "unset key" > out
    if (ref != "")
        print "set arrow from " ref ", graph 0 to " ref ", graph 1 nohead lc rgb \"#555555\" dt 2 lw 1.2" > out
    for (r = 1; r <= n; r++) {
        t = txt[r]; gsub(/-/, "\342\210\222", t)
        if (t ~ /^NA/) t = "NA"
        print "set label " q(t) " at graph 1.03, first " n - r + 1 " left" > out
    }
    print "$d << EOD" > out
    m = 0
    for (r = 1; r <= n; r++)
        if (num(e[r]) && num(l[r]) && num(h[r])) { printf "%s %d %s %s\n", e[r], n - r + 1, l[r], h[r] > out; m++ }
    print "EOD" > out
    if (m)
        print "plot $d using 1:2:3:4 with xerrorbars pt 7 ps 1.1 lw 1.6 lc rgb \"#0072B2\"" > out
    else
        print "plot NaN notitle" > out
    print 900, 100 + 30 * n > sizes
}' || exit 1

read -r w h <"$plot_tmp/size"
plot_run "$plot_tmp/plot.gp" "$w" "$h"
