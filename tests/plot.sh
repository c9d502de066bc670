#!/bin/sh
# plot.sh - the sk-plot-* scripts on the bundled data, drawn to SVG (each
# check reads what the picture must hold from the SVG's text: every item
# label with its n, the totals, the values, the axis), the data they hand
# to gnuplot (--gnuplot: the number of bars, segments and points), and
# their bad inputs. Skipped without gnuplot (scripts/setup.sh installs
# gnuplot-nox), but for the checks that need none.
set -eu
. "$top_srcdir/tests/lib.sh"
cd "$top_srcdir"
cb=datasets/bfi-codebook.csv
have_gnuplot=0
command -v gnuplot >/dev/null 2>&1 && have_gnuplot=1

check() {   # check NAME COMMAND...: COMMAND succeeds
    _n=$1
    shift
    if "$@" >"$work/check.out" 2>&1; then tap_ok "$_n"
    else tap_fail "$_n" "$work/check.out"; fi
}
svg_has() { grep -F -q -- "<text>$2</text>" "$1"; }
count_text() { grep -c -F -- "$2" "$1" || :; }
# lines of a data block of a gnuplot script
block_lines() { awk -v b="\$$2 << EOD" '$0 == b { on = 1; next }
    on && $0 == "EOD" { exit } on { n++ } END { print n + 0 }' "$1"; }

# ---- sk-plot-likert ----
sk-freq --codebook=$cb datasets/bfi.csv >"$work/freq.tsv"
sk-freq --summary --codebook=$cb datasets/bfi.csv >"$work/summary.tsv"
sk-plot-likert --codebook=$cb --gnuplot "$work/freq.tsv" >"$work/likert.gp"
# 10 items x 6 levels, every level chosen by someone: 60 segments, 10 bars
check "likert: 60 segments for 10 items of 6 levels" \
    test "$(block_lines "$work/likert.gp" seg)" -eq 60
check "likert: one pair of totals per bar" \
    test "$(block_lines "$work/likert.gp" tot)" -eq 10
# the totals are sk-freq --summary's pct_low and pct_high, rounded
awk -F '\t' 'NR > 1 { printf "\"%d%%\" \"%d%%\"\n", $7 + 0.5, $9 + 0.5 }' \
    "$work/summary.tsv" >"$work/want.tot"
awk -v b='$tot << EOD' '$0 == b { on = 1; next } on && $0 == "EOD" { exit }
    on { print $3, $5 }' "$work/likert.gp" >"$work/got.tot"
if cmp -s "$work/want.tot" "$work/got.tot"; then
    tap_ok "likert: the totals are sk-freq --summary's pct_low and pct_high"
else
    diff "$work/want.tot" "$work/got.tot" >"$work/d" || :
    tap_fail "likert: the totals are sk-freq --summary's pct_low and pct_high" "$work/d"
fi
check "likert: the neutral-free 6-point scale has zero between levels 3 and 4" \
    grep -q '^set xrange \[-114:114\]$' "$work/likert.gp"
# an odd scale: the middle level split across zero
printf 'item\tlevel\tlabel\tcount\tpercent\tcum_percent\tn\tmissing\nq\t1\tno\t2\t20\t20\t10\t0\nq\t2\tmaybe\t4\t40\t60\t10\t0\nq\t3\tyes\t4\t40\t100\t10\t0\n' >"$work/odd.tsv"
sk-plot-likert --gnuplot "$work/odd.tsv" >"$work/odd.gp"
check "likert: an odd scale's middle level is split across zero" \
    grep -q '^0.000000 1 -20.000000 20.000000 ' "$work/odd.gp"
check "likert: colour-blind-safe BrBG, neutral grey" \
    grep -q 'keyentry with boxes fc rgb "#cccccc" title "maybe"' "$work/odd.gp"
printf "item\tlevel\tlabel\tcount\tpercent\tcum_percent\tn\tmissing\nQ1\t1\tDisagree\t3\t0\t0\t26\t0\nQ1\t2\tNeutral\t5\t0\t0\t26\t0\nQ1\t3\tAgree\t16\t0\t0\t26\t0\nQ1\t9\tDon't know\t2\t0\t0\t26\t0\n" >"$work/dk.tsv"
sk-plot-likert --aside="Don't know" --gnuplot "$work/dk.tsv" >"$work/dk.gp"
check "likert: --aside leaves Don't know out of n and the percentages (n = 24, 67% high)" sh -c \
    "grep -q -F '(\"Q1 (n = 24)\" 1)' '$work/dk.gp' && grep -q -F '\"13%\"' '$work/dk.gp' && grep -q -F '\"67%\"' '$work/dk.gp'"
check "likert: --aside draws it at the side, 8% of all answers" \
    grep -q -F '"8%"' "$work/dk.gp"
# the codebook's missing=yes levels are the default --aside: the same
# figure as --aside given by hand (tests/aside: 3 Not applicable and 2
# Don't know of equal's 36 answers)
sk-freq --codebook=tests/aside/codebook.csv -c equal tests/aside/forms.csv \
    >"$work/forms.tsv"
sk-plot-likert --gnuplot "$work/forms.tsv" >"$work/forms.gp"
sk-plot-likert --aside="Not applicable,Don't know" --gnuplot "$work/forms.tsv" \
    >"$work/forms-hand.gp"
check "likert: the codebook's missing=yes levels are set aside by default (n = 31)" \
    sh -c "cmp -s '$work/forms.gp' '$work/forms-hand.gp' && grep -q -F '(\"equal (n = 31)\" 1)' '$work/forms.gp'"
sk-plot-likert --sort=agree --gnuplot "$work/freq.tsv" >"$work/sorted.gp"
check "likert: --sort=agree puts A2 (88% high) first" \
    grep -q '^set ytics ("A2 (n = 2773)" 10,' "$work/sorted.gp"

if [ $have_gnuplot = 1 ]; then
    sk-plot-likert --codebook=$cb --title='bfi items' -o "$work/likert.svg" \
        "$work/freq.tsv"
    n=$(count_text "$work/likert.svg" "(n = ")
    check "likert.svg: every item labelled with its n (10)" test "$n" -eq 10
    check "likert.svg: the wording, reverse-keyed marked" \
        svg_has "$work/likert.svg" "Am indifferent to the feelings of others. (R) (n = 2784)"
    check "likert.svg: A1's totals 77% and 23%" sh -c \
        "grep -q -F '<text>77%</text>' '$work/likert.svg' && grep -q -F '<text>23%</text>' '$work/likert.svg'"
    check "likert.svg: the axis runs from 100% to 100%" \
        svg_has "$work/likert.svg" "100%"
    check "likert.svg: the key names the six levels" sh -c \
        "for l in 'Very Inaccurate' 'Slightly Accurate' 'Very Accurate'; do grep -q -F \"<text>\$l</text>\" '$work/likert.svg' || exit 1; done"
    sk-freq --codebook=$cb -g gender -c A1,A2 datasets/bfi.csv |
        sk-plot-likert -o "$work/groups.png"
    check "likert: groups to PNG" sh -c "head -c 8 '$work/groups.png' | od -c | grep -q 'P   N   G'"
else
    tap_ok "# SKIP likert figures: gnuplot is not installed"
fi

# ---- sk-plot-forest ----
sk-paired -p Prewt:Postwt -g Treat datasets/anorexia.csv >"$work/paired.tsv"
sk-plot-forest --gnuplot "$work/paired.tsv" >"$work/forest.gp"
check "forest: three points for three groups" \
    test "$(block_lines "$work/forest.gp" d)" -eq 3
check "forest: the values at the right, rounded by sk-table" \
    grep -q -F 'set label "7.26 [3.58, 10.94]" at graph 1.03, first 1 left' "$work/forest.gp"
check "forest: the axis says what the difference is" \
    grep -q -F 'set xlabel "Mean difference (Postwt - Prewt)"' "$work/forest.gp"
check "forest: a reference line at 0" grep -q '^set arrow from 0, graph 0' "$work/forest.gp"
sk-agree -p C1:C2 -p A1:A2 datasets/bfi.csv >"$work/agree.tsv"
sk-plot-forest --gnuplot "$work/agree.tsv" >"$work/agree.gp"
check "forest: sk-agree's ICC(A,1)" \
    grep -q -F 'set label "0.42 [0.39, 0.46]"' "$work/agree.gp"
check "forest: no direction on the axis of an ICC" \
    grep -q -F 'set xlabel "ICC(A,1), absolute agreement"' "$work/agree.gp"
sk-paired -p Prewt:Postwt -p Postwt:Prewt datasets/anorexia.csv |
    sk-plot-forest --gnuplot >"$work/two.gp"
check "forest: rows with different differences: none on the axis" \
    grep -q -F 'set xlabel "Mean difference"' "$work/two.gp"
sk-boot -p Prewt:Postwt -s mean-diff,dz -B 500 datasets/anorexia.csv >"$work/boot.tsv"
sk-plot-forest --gnuplot "$work/boot.tsv" >"$work/boot.gp"
check "forest: sk-boot's rows named by statistic and interval" \
    grep -q -F '"Prewt:Postwt — dz — bca"' "$work/boot.gp"
if [ $have_gnuplot = 1 ]; then
    sk-plot-forest -o "$work/forest.svg" "$work/paired.tsv"
    check "forest.svg: every row and value" sh -c \
        "grep -q -F '<text>Prewt:Postwt — FT</text>' '$work/forest.svg' && grep -q -F '<text>7.26 [3.58, 10.94]</text>' '$work/forest.svg'"
    sk-plot-forest -o "$work/forest.pdf" "$work/paired.tsv"
    check "forest: PDF" sh -c "head -c 5 '$work/forest.pdf' | grep -q '%PDF-'"
else
    tap_ok "# SKIP forest figures: gnuplot is not installed"
fi

# ---- sk-plot-paired ----
sk-plot-paired -p Prewt:Postwt --gnuplot datasets/anorexia.csv >"$work/paired.gp"
sk-paired -p Prewt:Postwt datasets/anorexia.csv |
    sk-table --format=tsv --cell='c=%{mean_diff} [%{ci_lo}, %{ci_hi}]' |
    sed -n 2p | sed 's/-/\xe2\x88\x92/g' >"$work/change"
check "paired: the caption's mean change is sk-paired's ($(cat "$work/change"))" \
    grep -q -F "Mean change $(cat "$work/change") (95% CI, Postwt" "$work/paired.gp"
check "paired: one line per respondent (72)" sh -c \
    "awk -v b='\$p << EOD' '\$0 == b { on = 1; next } on && \$0 == \"EOD\" { exit } on { s += \$3 } END { exit s != 72 }' '$work/paired.gp'"
sk-plot-paired -p C1:C2 --gnuplot datasets/bfi.csv >"$work/c1c2.gp"
check "paired: identical Likert pairs drawn once (at most 36 lines, 2755 answers)" sh -c \
    "awk -v b='\$p << EOD' '\$0 == b { on = 1; next } on && \$0 == \"EOD\" { exit } on { s += \$3; k++ } END { exit !(s == 2755 && k <= 36) }' '$work/c1c2.gp'"
check "paired: the pairs left out counted" \
    grep -q -F "n = 2755\\n45 incomplete pairs left out" "$work/c1c2.gp"
printf 'pair,time,score\n1,pre,2\n1,post,4\n2,pre,3\n2,post,3\n3,pre,1\n3,post,4\n4,pre,5\n' >"$work/long.csv"
sk-plot-paired --id=pair --within=time --levels=pre,post --value=score --gnuplot \
    "$work/long.csv" >"$work/long.gp"
check "paired: the long form, an incomplete pair left out" \
    grep -q -F "Mean change 1.67 [" "$work/long.gp"
check "paired: ... and counted" grep -q -F "n = 3\\n1 incomplete pair left out" "$work/long.gp"
printf 'a,b\n1,2\n2,4\n-99,5\n3,3\n' >"$work/na.csv"
sk-plot-paired -p a:b --na=-99 --gnuplot "$work/na.csv" >"$work/na.gp"
check "paired: --na tokens are missing, not answers" \
    grep -q -F "n = 3\\n1 incomplete pair left out" "$work/na.gp"

sk-plot-paired -p a:b --yrange=1:5 --gnuplot "$work/na.csv" >"$work/yr.gp"
check "paired: --yrange=1:5 sets the axis (padded 5%)" \
    grep -q -F "set yrange [0.8:5.2]" "$work/yr.gp"

# ---- sk-plot-boot ----
sk-boot -p Prewt:Postwt -s mean-diff,dz -B 1000 -m percentile,bca,basic \
    --replicates-out="$work/reps.tsv" datasets/anorexia.csv >"$work/boot2.tsv"
sk-plot-boot --intervals="$work/boot2.tsv" --stat=mean-diff --gnuplot \
    "$work/reps.tsv" >"$work/hist.gp"
check "boot: 40 bins holding the 1000 replicates" sh -c \
    "awk -v b='\$h << EOD' '\$0 == b { on = 1; next } on && \$0 == \"EOD\" { exit } on { s += \$2; k++ } END { exit !(s == 1000 && k == 40) }' '$work/hist.gp'"
awk -F '\t' 'NR > 1 && $3 == "mean-diff" && $7 == "bca" { printf "95%% BCa: [%.2f, %.2f]\n", $12, $13 }' \
    "$work/boot2.tsv" >"$work/bca"
check "boot: the BCa interval named in the key ($(cat "$work/bca"))" \
    grep -q -F "$(cat "$work/bca")" "$work/hist.gp"
check "boot: an arrow at the estimate and at each end of three intervals" \
    test "$(grep -c '^set arrow' "$work/hist.gp")" -eq 7
if [ $have_gnuplot = 1 ]; then
    sk-plot-paired -p Prewt:Postwt -o "$work/paired.svg" datasets/anorexia.csv
    check "paired.svg: both sides named" sh -c \
        "grep -q -F '<text>Prewt</text>' '$work/paired.svg' && grep -q -F '<text>Postwt</text>' '$work/paired.svg'"
    sk-plot-boot --intervals="$work/boot2.tsv" --stat=dz -o "$work/hist.svg" "$work/reps.tsv"
    check "hist.svg: the key names the estimate" grep -q -F '<text>estimate 0.346</text>' "$work/hist.svg"
else
    tap_ok "# SKIP paired and boot figures: gnuplot is not installed"
fi

# ---- bad inputs and usage: the status, the message, no file left ----
fails() {   # fails NAME STATUS MESSAGE COMMAND...
    _n=$1 _s=$2 _m=$3
    shift 3
    _rc=0
    "$@" >"$work/f.out" 2>"$work/f.err" || _rc=$?
    if [ $_rc -eq "$_s" ] && grep -q -F -- "$_m" "$work/f.err" &&
        [ ! -s "$work/f.out" ]; then
        tap_ok "$_n"
    else
        { echo "exit $_rc"; cat "$work/f.err"; } >"$work/d"
        tap_fail "$_n" "$work/d"
    fi
}
sk-describe -c Prewt datasets/anorexia.csv >"$work/describe.tsv"
fails "likert: not sk-freq's table" 1 \
    "sk-plot-likert: $work/describe.tsv: no column 'item': sk-plot-likert reads sk-freq's table" \
    sk-plot-likert -o "$work/x.svg" "$work/describe.tsv"
fails "likert: sk-freq --summary is not the table" 1 "no column 'level'" \
    sk-plot-likert -o "$work/x.svg" "$work/summary.tsv"
fails "likert: an empty input" 1 "sk-plot-likert: (standard input): empty input" \
    sk-plot-likert -o "$work/x.svg" </dev/null
fails "likert: a bad --sort" 2 "invalid value for --sort: 'x' (input, agree, disagree or mean)" \
    sk-plot-likert --sort=x "$work/freq.tsv"
fails "likert: a bad extension" 2 "-o x.jpg: the extension chooses the format: .png, .svg or .pdf" \
    sk-plot-likert -o x.jpg "$work/freq.tsv"
fails "likert: a bad --size" 2 "--size wants W,H in pixels: '800'" \
    sk-plot-likert --size=800 -o "$work/x.svg" "$work/freq.tsv"
fails "likert: an unknown option" 2 "unrecognized option '--nosuch'" \
    sk-plot-likert --nosuch "$work/freq.tsv"
fails "likert: a missing file" 1 "nosuch.tsv: cannot read it" \
    sk-plot-likert -o "$work/x.svg" nosuch.tsv
printf 'item\tlevel\tlabel\tcount\tpercent\tcum_percent\tn\tmissing\nq\t1\tno\t2\t20\t20\t10\t0\nq\t2\tyes\t8\t80\t100\t10\t0\nr\t1\tno\t2\t20\t20\t10\t0\nr\t2\tmaybe\t4\t40\t60\t10\t0\nr\t3\tyes\t4\t40\t100\t10\t0\n' >"$work/mixed.tsv"
fails "likert: two scales in one figure" 1 \
    "item \"r\" has 3 levels and \"q\" 2: one scale per figure" \
    sk-plot-likert -o "$work/x.svg" "$work/mixed.tsv"
fails "likert: --aside names no level" 1 "--aside: no level is labelled or coded \"Nope\"" \
    sk-plot-likert --aside=Nope -o "$work/x.svg" "$work/dk.tsv"
fails "forest: not a comparison table" 1 \
    "not the output of sk-paired, sk-compare, sk-agree or sk-boot" \
    sk-plot-forest -o "$work/x.svg" "$work/describe.tsv"
fails "forest: --estimate without --lo and --hi" 2 \
    "--estimate, --lo and --hi go together: give all three" \
    sk-plot-forest --estimate=dz "$work/paired.tsv"
fails "forest: an unknown --estimate column" 1 "no column 'zz'" \
    sk-plot-forest --estimate=zz --lo=dz_lo --hi=dz_hi -o "$work/x.svg" "$work/paired.tsv"
fails "forest: a bad --ref" 2 "invalid value for --ref: 'x' (a number, or none)" \
    sk-plot-forest --ref=x "$work/paired.tsv"
fails "paired: no columns given" 2 "give -p BEFORE:AFTER, or --id, --within, --levels and --value" \
    sk-plot-paired datasets/anorexia.csv
fails "paired: a bad --yrange" 2 "invalid value for --yrange: '5:1' (LO:HI, two numbers, LO below HI)" \
    sk-plot-paired -p a:b --yrange=5:1 "$work/na.csv"
fails "paired: an unknown column" 2 "no column 'zz'" \
    sk-plot-paired -p Prewt:zz -o "$work/x.svg" datasets/anorexia.csv
fails "paired: a level that never occurs" 1 "level later never occurs in --within" \
    sk-plot-paired --id=pair --within=time --levels=pre,later --value=score -o "$work/x.svg" "$work/long.csv"
printf 'pair,time,score\n1,pre,2\n1,pre,4\n' >"$work/twice.csv"
fails "paired: an id twice at one level" 1 "id 1 has two rows at pre" \
    sk-plot-paired --id=pair --within=time --levels=pre,post --value=score -o "$work/x.svg" "$work/twice.csv"
printf 'a,b\n1,NA\n,2\n' >"$work/none.csv"
fails "paired: no complete pairs" 1 "no complete pairs of 'a' and 'b'" \
    sk-plot-paired -p a:b -o "$work/x.svg" "$work/none.csv"
fails "boot: two statistics, none chosen" 1 "choose one with --variable, --group, --stat" \
    sk-plot-boot -o "$work/x.svg" "$work/reps.tsv"
fails "boot: not the replicates" 1 "no column 'replicate'" \
    sk-plot-boot -o "$work/x.svg" "$work/boot2.tsv"
fails "boot: --intervals not sk-boot's output" 1 "not sk-boot's output" \
    sk-plot-boot --intervals="$work/paired.tsv" --stat=dz -o "$work/x.svg" "$work/reps.tsv"
fails "boot: a bad --bins" 2 "invalid value for --bins: '2' (5 to 500)" \
    sk-plot-boot --bins=2 "$work/reps.tsv"
check "no figure was left by the failures" test ! -e "$work/x.svg"

# gnuplot missing: a PATH with everything but gnuplot
mkdir "$work/bin"
for t in sh awk sed cat mktemp rm mv cp chmod dirname grep paste cut head od; do
    p=$(command -v "$t") && ln -s "$p" "$work/bin/$t"
done
fails "likert: gnuplot missing names the package" 1 \
    "gnuplot is not installed (Debian: apt-get install gnuplot-nox)" \
    env PATH="$work/bin" "$bindir/sk-plot-likert" -o "$work/x.svg" "$work/freq.tsv"
# gnuplot failing: no half-written figure, an old figure kept
printf '#!/bin/sh\necho "line 3: something broke" >&2\nexit 1\n' >"$work/bin/gnuplot"
chmod +x "$work/bin/gnuplot"
echo old >"$work/keep.svg"
fails "likert: a failing gnuplot is an error" 1 "gnuplot failed" \
    env PATH="$work/bin" "$bindir/sk-plot-likert" -o "$work/keep.svg" "$work/freq.tsv"
check "a failed plot leaves the old figure and no temporary file" sh -c \
    "[ \"\$(cat '$work/keep.svg')\" = old ] && ! ls -a '$work' | grep -q '^.sk-plot'"
tap_done
