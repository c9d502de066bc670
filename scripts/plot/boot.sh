# boot.sh - sk-plot-boot: the histogram of bootstrap replicates, with the
# estimate and each interval marked and named (the part after common.sh).
# shellcheck shell=sh

usage() {
    cat <<EOF
Usage: $plot_name [OPTION]... [FILE]
The histogram of one statistic's bootstrap replicates (the table that
sk-boot --replicates-out=FILE writes: variable, group, stat, replicate,
value), with the estimate and the ends of each interval drawn as lines and
named in the key, from sk-boot's own output (--intervals).
With no FILE, or when FILE is -, read standard input.

  sk-boot -p pre:post -s mean-diff --replicates-out=reps.tsv data.csv >boot.tsv
  $plot_name --intervals=boot.tsv -o replicates.png reps.tsv

Layout:
      --intervals=FILE sk-boot's output: the estimate and the intervals of
                       the same statistic are marked (without it, the
                       replicates alone, their mean marked)
      --variable=NAME, --stat=NAME, --group=NAME
                       which statistic, when the file holds more than one
      --bins=N         histogram bins (default 40)
$plot_common_help
EOF
}

intervals='' variable='' stat='' group='' bins=40
# The options of this script (plot_parse, common.sh).
part_flag() {
    case $1 in
    *) return 1 ;;
    esac
}
part_option() {
    case $1 in
    --intervals) intervals=$2 ;;
    --variable) variable=$2 ;;
    --stat) stat=$2 ;;
    --group) group=$2 ;;
    --bins)
        case $2 in
        '' | *[!0-9]*) usage_error "invalid value for --bins: '$2' (5 to 500)" ;;
        esac
        if [ "$2" -lt 5 ] || [ "$2" -gt 500 ]; then
            usage_error "invalid value for --bins: '$2' (5 to 500)"
        fi
        bins=$2 ;;
    *) return 1 ;;
    esac
}
plot_parse "$@"

plot_input
plot_need "the replicates of sk-boot --replicates-out=FILE (variable, group, stat, replicate, value)" \
    variable group stat replicate value
if [ -n "$intervals" ]; then
    [ -r "$intervals" ] || die "$intervals: cannot read it"
    cp -- "$intervals" "$plot_tmp/int" || die "$intervals: read error"
    awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = 1
        exit !("variable" in h && "stat" in h && "method" in h && "estimate" in h && "lo" in h && "hi" in h && "level" in h) }' \
        "$plot_tmp/int" ||
        die "$intervals: not sk-boot's output (variable, stat, method, level, estimate, lo, hi)"
else
    : >"$plot_tmp/int"
fi

title=$(plot_escape "$plot_title")
awk -F '\t' -v want_v="$variable" -v want_s="$stat" -v want_g="$group" \
    -v bins="$bins" -v title="$title" -v where="$plot_where" \
    -v iwhere="$intervals" -v prog="$plot_name" -v out="$plot_tmp/plot.gp" \
    -v sizes="$plot_tmp/size" -v ifile="$plot_tmp/int" '
function q(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
function fail(m) { print prog ": " m > "/dev/stderr"; bad = 1; exit 1 }
function num(s) { return s != "NA" && s != "" && s !~ /Inf/ }
# decimals by the spread of the replicates: 2 for a range of 1 to 10
function fmt(x,    s) { s = sprintf("%." dec "f", x); if (s ~ /^-0\.?0*$/) s = substr(s, 2); return s }
FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
{
    k = $c["variable"] SUBSEP $c["group"] SUBSEP $c["stat"]
    if (!(k in seen)) { seen[k] = 1; keys[++nk] = k }
    if ((want_v != "" && $c["variable"] != want_v) || (want_s != "" && $c["stat"] != want_s) ||
        (want_g != "" && $c["group"] != want_g)) next
    if (!(k in chosen)) { chosen[k] = 1; nchosen++; ck = k }
    if (num($c["value"])) v[++n] = $c["value"] + 0; else nundef++
}
END {
    if (bad) exit 1
    if (nchosen == 0) {
        list = ""; for (i = 1; i <= nk && i <= 12; i++) { split(keys[i], p, SUBSEP)
            list = list (i > 1 ? ", " : "") p[1] "/" p[2] "/" p[3] }
        fail(where ": no replicates of that --variable/--group/--stat (variable/group/stat: " list ")")
    }
    if (nchosen > 1) {
        list = ""; m = 0
        for (i = 1; i <= nk; i++) if (keys[i] in chosen && m < 12) { split(keys[i], p, SUBSEP)
            list = list (m++ ? ", " : "") p[1] "/" p[2] "/" p[3] }
        fail(where ": the replicates of " nchosen " statistics (variable/group/stat: " list "): choose one with --variable, --group, --stat")
    }
    if (n < 2) fail(where ": fewer than 2 defined replicates")
    split(ck, p, SUBSEP); var = p[1]; grp = p[2]; st = p[3]
    lo = v[1]; hi = v[1]; sum = 0
    for (i = 1; i <= n; i++) { if (v[i] < lo) lo = v[i]; if (v[i] > hi) hi = v[i]; sum += v[i] }
    if (hi == lo) { lo -= 0.5; hi += 0.5 }
    w = (hi - lo) / bins
    dec = 2 - int(log(hi - lo) / log(10) + (hi - lo < 1 ? -0.999999 : 0)); if (dec < 0) dec = 0; if (dec > 6) dec = 6
    for (i = 1; i <= n; i++) { b = int((v[i] - lo) / w); if (b >= bins) b = bins - 1; cnt[b]++ }
    # the intervals of the same statistic (sk-boot output)
    nm = 0
    while ((getline line < ifile) > 0) {
        nf = split(line, f, "\t")
        if (++il == 1) { for (i = 1; i <= nf; i++) ic[f[i]] = i; continue }
        g_ok = !("group" in ic) || f[ic["group"]] == grp
        if (f[ic["variable"]] == var && f[ic["stat"]] == st && g_ok) {
            est = f[ic["estimate"]]; lev = f[ic["level"]]
            m = f[ic["method"]]; mlo[++nm] = f[ic["lo"]]; mhi[nm] = f[ic["hi"]]; meth[nm] = m
        }
    }
    if (iwhere != "" && nm == 0)
        fail(iwhere ": no interval of " var "/" grp "/" st)
    colours["percentile"] = "#E69F00"; colours["bca"] = "#0072B2"; colours["basic"] = "#009E73"
    colours["normal"] = "#CC79A7"; colours["student"] = "#D55E00"
    names["percentile"] = "percentile"; names["bca"] = "BCa"; names["basic"] = "basic"
    names["normal"] = "normal"; names["student"] = "bootstrap-t"
    if (title != "") print "set title " q(title) > out
    else print "set title " q(var (grp != "all" ? " \342\200\224 " grp : "") ": " st ", " n " replicates" \
                              (nundef ? " (" nundef " undefined, left out)" : "")) > out
    print "set encoding utf8" > out
    print "set style fill solid 1.0 border lc rgb \"white\"" > out
    print "set boxwidth " w " absolute" > out
    print "set xlabel " q(st) > out
    print "set ylabel \"Replicates\"" > out
    print "set format x \"%h\"" > out
    print "set border 3 lc rgb \"#555555\"" > out
    print "set tics nomirror out" > out
    print "set yrange [0:*]" > out
    print "set key outside right top vertical Left reverse samplen 2" > out
    print "$h << EOD" > out
    for (b = 0; b < bins; b++) printf "%.12g %d\n", lo + (b + 0.5) * w, cnt[b] + 0 > out
    print "EOD" > out
    printf "plot $h using 1:2 with boxes fc rgb \"#bbbbbb\" title \"replicates\"" > out
    if (nm) {
        printf ", \\\n     NaN with lines lc rgb \"#000000\" lw 2 title %s", q("estimate " fmt(est)) > out
        arrows = "set arrow from " est ", graph 0 to " est ", graph 1 nohead lc rgb \"#000000\" lw 2 front\n"
        for (i = 1; i <= nm; i++) {
            cl = (meth[i] in colours) ? colours[meth[i]] : "#56B4E9"
            nmn = (meth[i] in names) ? names[meth[i]] : meth[i]
            lbl = (num(lev) ? lev * 100 "% " : "") nmn ": [" (num(mlo[i]) ? fmt(mlo[i]) : "NA") ", " (num(mhi[i]) ? fmt(mhi[i]) : "NA") "]"
            printf ", \\\n     NaN with lines lc rgb \"%s\" lw 2 dt %d title %s", cl, i + 1, q(lbl) > out
            if (num(mlo[i])) arrows = arrows "set arrow from " mlo[i] ", graph 0 to " mlo[i] ", graph 1 nohead lc rgb \"" cl "\" lw 2 dt " i + 1 " front\n"
            if (num(mhi[i])) arrows = arrows "set arrow from " mhi[i] ", graph 0 to " mhi[i] ", graph 1 nohead lc rgb \"" cl "\" lw 2 dt " i + 1 " front\n"
        }
        print "" > out
    } else {
        printf ", \\\n     NaN with lines lc rgb \"#000000\" lw 2 title %s\n", q("mean " fmt(sum / n)) > out
        arrows = "set arrow from " sum / n ", graph 0 to " sum / n ", graph 1 nohead lc rgb \"#000000\" lw 2 front\n"
    }
    # the arrows before the plot command
    close(out)
    while ((getline line < out) > 0) body = body line "\n"
    close(out)
    sub(/\$h << EOD/, arrows "$h << EOD", body)
    printf "%s", body > out
    print 1000, 480 > sizes
}' "$plot_tmp/in" || exit 1

read -r w h <"$plot_tmp/size"
plot_run "$plot_tmp/plot.gp" "$w" "$h"
