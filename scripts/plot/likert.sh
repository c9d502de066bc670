# likert.sh - sk-plot-likert: diverging stacked bars of Likert items, from
# sk-freq's table (the part after common.sh).
# shellcheck shell=sh

usage() {
    cat <<EOF
Usage: $plot_name [OPTION]... [FILE]
Diverging stacked bars of Likert items from sk-freq's table (one row per
item, group and level): one bar per item (and group), the lower half of
the levels left of zero, the upper half right, the middle level of an odd
number split across zero; the % low and % high totals beside the bar ends
(sk-freq --summary's pct_low and pct_high), every segment of 5% or more
labelled with its whole percent, every item with its n.
With no FILE, or when FILE is -, read standard input.

  sk-freq --codebook=CB.csv DATA.csv | $plot_name --codebook=CB.csv -o fig.png

Layout:
      --codebook=FILE  items shown by their wording (the codebook's text),
                       reverse-keyed items marked (R)
      --sort=ORDER     the items' order: input (default: sk-freq's, which is
                       the codebook's), agree (most high first), disagree
                       (most low first) or mean (highest mean code first)
      --no-labels      no percentages inside the segments
      --aside=LIST     levels that are not answers on the scale ("Don't
                       know", "Not applicable"; labels or codes,
                       comma-separated): drawn as a grey bar at the side,
                       their percentage of all answers beside it, and left
                       out of the bars, their percentages and n. Default:
                       the codebook's missing=yes levels (sk-freq lists
                       them after the others, with NA percentages)
$plot_common_help
EOF
}

sort_by=input
aside=''
seg_labels=1
# The options of this script (plot_parse, common.sh).
part_flag() {
    case $1 in
    --no-labels) seg_labels=0 ;;
    *) return 1 ;;
    esac
}
part_option() {
    case $1 in
    --codebook) codebook=$2 ;;
    --aside) aside=$2 ;;
    --sort)
        case $2 in input | agree | disagree | mean) sort_by=$2 ;;
        *) usage_error "invalid value for --sort: '$2' (input, agree, disagree or mean)" ;;
        esac ;;
    *) return 1 ;;
    esac
}
plot_parse "$@"

plot_input
plot_need "sk-freq's table (item, level, label, count, n: sk-freq without --summary)" \
    item level label count n
if [ -n "${codebook:-}" ]; then
    plot_sk_table --format=tsv --raw --codebook="$codebook" "$plot_tmp/in" \
        >"$plot_tmp/cb" || exit $?
    mv "$plot_tmp/cb" "$plot_tmp/in"
fi
# Without --aside, the codebook's missing=yes levels: sk-freq then prints
# an 'aside' column and their rows with NA percentages of n > 0 answers.
if [ -z "$aside" ]; then
    aside=$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i
                                   if (!("aside" in c) || !("percent" in c)) exit
                                   next }
        $c["n"] > 0 && $c["percent"] == "NA" && !($c["label"] in seen) {
            seen[$c["label"]] = 1; s = s (s != "" ? "," : "") $c["label"] }
        END { print s }' "$plot_tmp/in")
fi

title=$(plot_escape "$plot_title")
awk -F '\t' -v sort_by="$sort_by" -v seg_labels="$seg_labels" -v aside="$aside" \
    -v title="$title" -v where="$plot_where" -v prog="$plot_name" \
    -v out="$plot_tmp/plot.gp" -v sizes="$plot_tmp/size" '
function q(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
function fail(m) { print prog ": " where ": " m > "/dev/stderr"; bad = 1; exit 1 }
# ColorBrewer BrBG for k levels, the neutral level #cccccc
function palette(k,    s, i, n, a) {
    if (k == 2) s = "#dfc27d #80cdc1"
    else if (k == 3) s = "#d8b365 #cccccc #5ab4ac"
    else if (k == 4) s = "#a6611a #dfc27d #80cdc1 #018571"
    else if (k == 5) s = "#a6611a #dfc27d #cccccc #80cdc1 #018571"
    else if (k == 6) s = "#8c510a #d8b365 #f6e8c3 #c7eae5 #5ab4ac #01665e"
    else if (k == 7) s = "#8c510a #d8b365 #f6e8c3 #cccccc #c7eae5 #5ab4ac #01665e"
    else if (k == 8) s = "#8c510a #bf812d #dfc27d #f6e8c3 #c7eae5 #80cdc1 #35978f #01665e"
    else if (k == 9) s = "#8c510a #bf812d #dfc27d #f6e8c3 #cccccc #c7eae5 #80cdc1 #35978f #01665e"
    else if (k == 10) s = "#543005 #8c510a #bf812d #dfc27d #f6e8c3 #c7eae5 #80cdc1 #35978f #01665e #003c30"
    else if (k == 11) s = "#543005 #8c510a #bf812d #dfc27d #f6e8c3 #cccccc #c7eae5 #80cdc1 #35978f #01665e #003c30"
    else fail("an item has " k " levels: diverging bars are drawn for 2 to 11")
    n = split(s, a, " ")
    for (i = 1; i <= n; i++) col[i] = a[i]
}
function hex(c,    h) { h = index("0123456789abcdef", tolower(c)) - 1; return h }
function dark(c,    r, g, b) {
    r = hex(substr(c, 2, 1)) * 16 + hex(substr(c, 3, 1))
    g = hex(substr(c, 4, 1)) * 16 + hex(substr(c, 5, 1))
    b = hex(substr(c, 6, 1)) * 16 + hex(substr(c, 7, 1))
    return 0.299 * r + 0.587 * g + 0.114 * b < 128
}
NR == 1 {
    na = split(aside, al, ",")
    for (i = 1; i <= na; i++) isaside[al[i]] = 1
    for (i = 1; i <= NF; i++) c[$i] = i
    hasg = ("group" in c)
    next
}
{
    key = $c["item"] (hasg ? SUBSEP $c["group"] : "")
    if (!(key in bar)) {
        bar[key] = ++nbars; bitem[nbars] = $c["item"]
        bgroup[nbars] = hasg ? $c["group"] : ""
        bn[nbars] = $c["n"]
        if (!($c["item"] in itemno)) { itemno[$c["item"]] = ++nitems; iname[nitems] = $c["item"] }
        bi[nbars] = itemno[$c["item"]]
    }
    b = bar[key]
    if ($c["count"] !~ /^[0-9]+$/) fail("line " NR ": count " q($c["count"]) " is not a count")
    if (($c["label"] in isaside) || ($c["level"] in isaside)) {
        acnt[b] += $c["count"]; found_aside[$c["label"]] = 1; found_aside[$c["level"]] = 1
        if (!($c["label"] in alab)) { alab[$c["label"]] = 1; anames = anames (anames != "" ? ", " : "") $c["label"] }
        next
    }
    nl[b]++; lab[b, nl[b]] = $c["label"]; cnt[b, nl[b]] = $c["count"]; code[b, nl[b]] = $c["level"]
}
END {
    if (bad) exit 1
    if (nbars == 0) fail("no rows after the header")
    for (i = 1; i <= na; i++) if (!(al[i] in found_aside))
        fail("--aside: no level is labelled or coded " q(al[i]))
    k = nl[1]
    for (b = 1; b <= nbars; b++) {
        if (nl[b] != k) fail("item " q(bitem[b]) " has " nl[b] " levels and " q(bitem[1]) " " k ": one scale per figure")
        for (l = 1; l <= k; l++) if (lab[b, l] != lab[1, l])
            fail("item " q(bitem[b]) " has level " q(lab[b, l]) " where " q(bitem[1]) " has " q(lab[1, l]) ": one scale per figure")
    }
    palette(k)
    half = int(k / 2); odd = k % 2
    for (b = 1; b <= nbars; b++) {
        n = 0; for (l = 1; l <= k; l++) n += cnt[b, l]
        tot[b] = n; low[b] = 0; high[b] = 0; neu[b] = 0; sum = 0
        for (l = 1; l <= k; l++) {
            p[b, l] = n ? 100 * cnt[b, l] / n : 0
            if (l <= half) low[b] += p[b, l]
            else if (l > k - half) high[b] += p[b, l]
            else neu[b] += p[b, l]
            sum += cnt[b, l] * code[b, l]
        }
        mean[b] = n ? sum / n : 0
        start[b] = -(low[b] + neu[b] / 2)
    }
    # the order of the items, then the bars of each item in input order
    for (i = 1; i <= nitems; i++) { ord[i] = i; ilow[i] = 0; ihigh[i] = 0; imean[i] = 0; in_[i] = 0 }
    for (b = 1; b <= nbars; b++) { i = bi[b]; ilow[i] += low[b] * tot[b]; ihigh[i] += high[b] * tot[b]
        imean[i] += mean[b] * tot[b]; in_[i] += tot[b] }
    for (i = 1; i <= nitems; i++) {
        w = in_[i] ? in_[i] : 1
        skey[i] = sort_by == "agree" ? -ihigh[i] / w : sort_by == "disagree" ? -ilow[i] / w : \
                  sort_by == "mean" ? -imean[i] / w : i
    }
    for (i = 2; i <= nitems; i++) for (j = i; j > 1 && skey[ord[j]] < skey[ord[j - 1]]; j--) {
        t = ord[j]; ord[j] = ord[j - 1]; ord[j - 1] = t }
    nb = 0
    for (r = 1; r <= nitems; r++) for (b = 1; b <= nbars; b++) if (bi[b] == ord[r]) row[++nb] = b
    maxl = 0; maxr = 0
    for (b = 1; b <= nbars; b++) { if (-start[b] > maxl) maxl = -start[b]
        if (start[b] + 100 > maxr) maxr = start[b] + 100 }
    xmin = -25 * int((maxl + 24.999) / 25) - 14; xmax = 25 * int((maxr + 24.999) / 25) + 14
    # the levels aside: a bar of their share of all answers, past the totals
    amax = 0
    for (b = 1; b <= nbars; b++) { pa[b] = (tot[b] + acnt[b]) ? 100 * acnt[b] / (tot[b] + acnt[b]) : 0
        if (pa[b] > amax) amax = pa[b] }
    if (anames != "") { ax = xmax + 4; xmax = ax + amax + 12 }
    if (title != "") print "set title \"" title "\"" > out
    print "set encoding utf8" > out
    print "set xrange [" xmin ":" xmax "]" > out
    print "set yrange [0.4:" nbars + 0.6 "]" > out
    printf "set xtics (" > out
    sep = ""
    for (x = -25 * int((maxl + 24.999) / 25); x <= 25 * int((maxr + 24.999) / 25); x += 25) {
        printf "%s\"%d%%%%\" %d", sep, (x < 0 ? -x : x), x > out; sep = ", " }
    print ") nomirror out" > out
    printf "set ytics (" > out
    for (r = 1; r <= nb; r++) {
        b = row[r]
        name = bitem[b] (hasg ? " \342\200\224 " bgroup[b] : "") " (n = " tot[b] ")"
        printf "%s%s %d", (r > 1 ? ", " : ""), q(name), nbars - r + 1 > out
    }
    print ") nomirror scale 0" > out
    print "set border 1 lc rgb \"#555555\"" > out
    print "set grid xtics lc rgb \"#e5e5e5\" lt 1" > out
    print "set xlabel \"Percent of answers\"" > out
    # the key under the axis, centred on the figure, in one row when the
    # labels fit in 1000 pixels (about 7 a character), else two
    kw = 0; for (l = 1; l <= k; l++) kw += 7 * length(lab[1, l]) + 45
    if (anames != "") kw += 7 * length(anames " (aside)") + 45
    keyrows = kw > 960 ? 2 : 1
    print "set key at screen 0.5, screen 0.01 center bottom horizontal Left reverse samplen 1.2 width 0 maxcols " int((k + (anames != "") + keyrows - 1) / keyrows) > out
    print "set bmargin " 4 + 1.4 * keyrows > out
    print "set style fill solid 1.0 border lc rgb \"white\"" > out
    print "set arrow from 0, graph 0 to 0, graph 1 nohead lc rgb \"#333333\" lw 1.2 front" > out
    print "$seg << EOD" > out
    nseg = 0
    for (r = 1; r <= nb; r++) {
        b = row[r]; y = nbars - r + 1; x = start[b]
        for (l = 1; l <= k; l++) {
            if (p[b, l] > 0)
                printf "%.6f %d %.6f %.6f %.2f %.2f 0x%s\n", x + p[b, l] / 2, y, x, x + p[b, l], y - 0.36, y + 0.36, substr(col[l], 2) > out
            x += p[b, l]; nseg++
        }
    }
    print "EOD" > out
    print "$lab << EOD" > out
    for (r = 1; r <= nb; r++) {
        b = row[r]; y = nbars - r + 1; x = start[b]
        for (l = 1; l <= k; l++) {
            if (seg_labels && p[b, l] >= 5)
                printf "%.6f %d \"%d\" 0x%s\n", x + p[b, l] / 2, y, int(p[b, l] + 0.5), dark(col[l]) ? "ffffff" : "222222" > out
            x += p[b, l]
        }
    }
    print "EOD" > out
    print "$tot << EOD" > out
    for (r = 1; r <= nb; r++) {
        b = row[r]; y = nbars - r + 1
        printf "%.6f %d \"%d%%\" %.6f \"%d%%\"\n", start[b] - 1.5, y, int(low[b] + 0.5), start[b] + 101.5, int(high[b] + 0.5) > out
    }
    print "EOD" > out
    if (anames != "") {
        print "$aside << EOD" > out
        for (r = 1; r <= nb; r++) {
            b = row[r]; y = nbars - r + 1
            printf "%.6f %d %.6f %.6f %.2f %.2f \"%d%%\" %.6f\n", ax + pa[b] / 2, y, ax, ax + pa[b], y - 0.36, y + 0.36, int(pa[b] + 0.5), ax + pa[b] + 1.5 > out
        }
        print "EOD" > out
        print "set arrow from " ax - 2 ", graph 0 to " ax - 2 ", graph 1 nohead lc rgb \"#bbbbbb\" dt 3" > out
    }
    printf "plot $seg using 1:2:3:4:5:6:7 with boxxyerror fc rgb variable notitle, \\\n" > out
    if (anames != "") {
        printf "     $aside using 1:2:3:4:5:6 with boxxyerror fc rgb \"#999999\" notitle, \\\n" > out
        printf "     $aside using 8:2:7 with labels left tc rgb \"#222222\" notitle, \\\n" > out
    }
    if (seg_labels) printf "     $lab using 1:2:3:4 with labels tc rgb variable font \",9\" notitle, \\\n" > out
    printf "     $tot using 1:2:3 with labels right tc rgb \"#222222\" notitle, \\\n" > out
    printf "     $tot using 4:2:5 with labels left tc rgb \"#222222\" notitle" > out
    for (l = 1; l <= k; l++)
        printf ", \\\n     keyentry with boxes fc rgb \"%s\" title %s", col[l], q(lab[1, l]) > out
    if (anames != "")
        printf ", \\\n     keyentry with boxes fc rgb \"#999999\" title %s", q(anames " (aside)") > out
    print "" > out
    # the size: a bar 30 pixels high, room for the key
    print 1000, 110 + 30 * nbars + 22 * keyrows > sizes
}' "$plot_tmp/in" || exit 1

read -r w h <"$plot_tmp/size"
plot_run "$plot_tmp/plot.gp" "$w" "$h"
