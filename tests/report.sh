#!/bin/sh
# report.sh - sk-report on the bundled PLP data and on a second survey
# (bfi: no roster, no pairs): the report and its files are made; every
# table is the programs' own output (the appendix's pipelines, run again
# in an empty directory, make the same tables, byte for byte; alpha and
# the before/after table equal sk-alpha's and sk-paired's run here by
# hand); the response rate is the reference's (tests/ref/
# report_response.py: 26 of 54, Wilson interval); the HTML is valid
# (tidy, when installed); bad usage and missing files are refused.
set -eu
. "$top_srcdir/tests/lib.sh"
plp=$top_srcdir/datasets/plp

rc=0
sk-report -o "$work/r" >"$work/out" 2>"$work/err" || rc=$?
if [ "$rc" = 0 ] && [ ! -s "$work/out" ] &&
   grep -q "the report is $work/r/report.md" "$work/err"; then
    tap_ok "sk-report on the bundled data: exit 0, says where the report is"
else { echo "exit $rc"; cat "$work/err"; } >"$work/why"
     tap_fail "sk-report on the bundled data" "$work/why"; fi

# the files
miss=
for f in report.md pipelines.sh tables/items.tsv tables/alpha.tsv \
         tables/paired.tsv tables/paired-boot.tsv tables/compare.tsv \
         tables/agree-items.tsv tables/response.tsv figures/likert.png \
         figures/forest.png figures/paired-1.png figures/paired-4.png; do
    [ -s "$work/r/$f" ] || miss="$miss $f"
done
for f in figures/likert.png figures/forest.png figures/paired-1.png; do
    [ "$(od -An -c -N4 "$work/r/$f" 2>/dev/null | tr -d ' ')" = '211PNG' ] ||
        miss="$miss $f(not a PNG)"
done
if [ -z "$miss" ]; then tap_ok "the report's tables and figures are there"
else echo "missing:$miss" >"$work/why"; tap_fail "the report's files" "$work/why"; fi

# The appendix reproduces every table: pipelines.sh in an empty directory
# holding only the inputs.
mkdir "$work/again"
cp -R "$work/r/input" "$work/again/"
rc=0
(cd "$work/again" && sh "$work/r/pipelines.sh") >/dev/null 2>"$work/err" || rc=$?
: >"$work/why"
[ "$rc" = 0 ] || { echo "pipelines.sh: exit $rc"; cat "$work/err"; } >>"$work/why"
n=0
for f in "$work/r"/tables/*.tsv; do
    n=$((n + 1))
    cmp -s "$f" "$work/again/tables/${f##*/}" ||
        echo "differs: tables/${f##*/}" >>"$work/why"
done
for f in likert.png forest.png paired-1.png paired-4.png; do
    [ -s "$work/again/figures/$f" ] || echo "not made again: $f" >>"$work/why"
done
if [ ! -s "$work/why" ] && [ "$n" -ge 10 ]; then
    tap_ok "pipelines.sh makes the same $n tables again, and the figures"
else tap_fail "pipelines.sh makes the same tables again" "$work/why"; fi

# The tables are the programs' own output, run here by hand.
sk-import -q -o "$work/plp.csv" "$plp/survey.csv" 2>/dev/null
sk-alpha --codebook="$plp/codebook.csv" "$work/plp.csv" >"$work/alpha.tsv"
if cmp -s "$work/alpha.tsv" "$work/r/tables/alpha.tsv"; then
    tap_ok "the reliability table is sk-alpha's"
else tap_fail "the reliability table is sk-alpha's"; fi
sk-paired --codebook="$plp/codebook.csv" -p Q7_1_1:Q7_2_1 -p Q7_1_2:Q7_2_2 \
    -p Q7_1_3:Q7_2_3 -p Q7_1_4:Q7_2_4 --exact --adjust=holm "$work/plp.csv" \
    >"$work/paired.tsv"
if cmp -s "$work/paired.tsv" "$work/r/tables/paired.tsv"; then
    tap_ok "the before/after table is sk-paired's (exact Wilcoxon, Holm)"
else tap_fail "the before/after table is sk-paired's"; fi

# Each table of report.md is sk-table's layout of its program's table.
sk-table --preset=alpha --codebook="$plp/codebook.csv" "$work/alpha.tsv" |
    sed -n '/^|/p' >"$work/alpha.md"
if [ -s "$work/alpha.md" ] && grep -qxF "$(sed -n 3p "$work/alpha.md")" "$work/r/report.md"
then tap_ok "report.md shows sk-table's reliability table"
else tap_fail "report.md shows sk-table's reliability table" "$work/alpha.md"; fi

# The response rate: 26 of 54, as the reference computes it.
want="48.1481481481 35.3939727466 61.1482998019"  # report_response.py's
got=$(awk -F '\t' 'NR == 2 { print $2, $6, $9, $10, $11 }' "$work/r/tables/response.tsv")
if echo "$got $want" | awk '{ exit !($1 == 54 && $2 == 26 &&
        ($3 - $6) ^ 2 < 1e-18 && ($4 - $7) ^ 2 < 1e-18 && ($5 - $8) ^ 2 < 1e-18) }'
then tap_ok "response: 26 of 54, 48.1% with the Wilson interval [35.39, 61.15]"
else echo "got $got, want 54 26 $want" >"$work/why"
     tap_fail "response rate and interval" "$work/why"; fi
if grep -q '26 of 54 answered' "$work/r/report.md" &&
   grep -q '48\.1% (95% Wilson CI 35\.4 to 61\.1)' "$work/r/report.md"; then
    tap_ok "report.md states the response rate with its interval"
else tap_fail "report.md states the response rate with its interval"; fi
if grep -q 'Pairs in which both partners answered: 6\.' "$work/r/report.md"
then tap_ok "report.md counts the 6 pairs in which both answered"
else tap_fail "report.md counts the 6 pairs in which both answered"; fi
if grep -q '\*t\*: the partially overlapping samples \*t\* test (Derrick et al., 2017; Welch form)' "$work/r/report.md"
then tap_ok "the groups' table names the partially overlapping t test"
else tap_fail "the groups' table names the partially overlapping t test"; fi

# The same seed, the same report; the seed and B in the Methods.
if grep -q 'Bootstrap: 10000 replicates, seed 20240601' "$work/r/report.md"
then tap_ok "the Methods name B and the seed"
else tap_fail "the Methods name B and the seed"; fi

# The CHERRIES checklist: what the report states, what is left to add.
if grep -q '^### Survey reporting checklist (CHERRIES)' "$work/r/report.md" &&
   grep -q '^| Response (participation) rate | Section 1' "$work/r/report.md" &&
   grep -q '^| Ethics approval, informed consent, data protection | To add |' "$work/r/report.md"
then tap_ok "the CHERRIES checklist: stated items and those to add"
else tap_fail "the CHERRIES checklist"; fi

# report.html laid out by headless Chromium at a desktop and a narrow
# width: every figure loads, and no figure, table or line runs past the
# window (the page is a copy with a script that writes what it measured).
chrome=$(command -v chromium || command -v chromium-browser || :)
if [ -s "$work/r/report.html" ] && [ -n "$chrome" ]; then
    { cat "$work/r/report.html"
      cat <<'EOF'
<script>
window.addEventListener('load', function () {
  var d = document.documentElement, bad = [];
  document.querySelectorAll('img').forEach(function (i) {
    if (!i.complete || i.naturalWidth === 0) bad.push('unloaded:' + i.getAttribute('src'));
    else if (i.getBoundingClientRect().right > d.clientWidth + 1) bad.push('wide:' + i.getAttribute('src'));
  });
  document.querySelectorAll('table, pre, p').forEach(function (t, k) {
    if (t.getBoundingClientRect().right > d.clientWidth + 1) bad.push('wide:' + t.tagName + k);
  });
  var p = document.createElement('pre');
  p.textContent = 'SKCHECK images=' + document.images.length + ' scroll=' + d.scrollWidth +
    ' client=' + d.clientWidth + ' bad=' + bad.join(',') + ' END';
  document.body.appendChild(p);
});
</script>
EOF
    } >"$work/r/check.html"
    : >"$work/why"
    for w in 1200 700; do
        out=$(timeout 120 "$chrome" --headless --no-sandbox --disable-gpu \
            --window-size=$w,900 --virtual-time-budget=5000 --dump-dom \
            "file://$work/r/check.html" 2>/dev/null |
            grep -o 'SKCHECK images=[0-9]* scroll=[0-9]* client=[0-9]* bad=[^ ]* END' || :)
        echo "width $w: $out" >>"$work/why"
        case $out in
            "SKCHECK images=0 "*) echo "no images" >>"$work/why" ;;
            *" bad= END") ;;
            *) echo "FAILED" >>"$work/why" ;;
        esac
        # no horizontal scrolling
        echo "$out" | awk '{ split($3, s, "="); split($4, c, "=");
            exit !(s[2] != "" && s[2] + 0 <= c[2] + 0) }' ||
            echo "FAILED: scrolls" >>"$work/why"
    done
    if ! grep -q FAILED "$work/why" && ! grep -q 'no images' "$work/why" &&
       [ "$(grep -c 'SKCHECK' "$work/why")" = 2 ]; then
        tap_ok "report.html in headless Chromium at 1200 and 700 px: figures load, nothing wider than the window"
    else tap_fail "report.html in headless Chromium" "$work/why"; fi
else
    tap_ok "# SKIP report.html in headless Chromium: no chromium"
fi

# report.html: standalone, valid.
if [ -s "$work/r/report.html" ] && command -v tidy >/dev/null 2>&1; then
    rc=0
    tidy -q -e "$work/r/report.html" >"$work/tidy" 2>&1 || rc=$?
    if [ "$rc" -lt 2 ]; then tap_ok "report.html: tidy finds no errors"
    else tap_fail "report.html: tidy finds errors" "$work/tidy"; fi
else
    echo "ok $((tap_n + 1)) - # SKIP report.html or tidy missing"
    tap_n=$((tap_n + 1))
fi

# A second survey, not PLP: bfi, two groups, no roster, no pairs.
rc=0
sk-report --codebook="$top_srcdir/datasets/bfi-codebook.csv" --group=gender \
    --replicates=200 -o "$work/bfi" "$top_srcdir/datasets/bfi.csv" \
    >/dev/null 2>"$work/err" || rc=$?
if [ "$rc" = 0 ] && grep -q '^## 3. Reliability' "$work/bfi/report.md" &&
   grep -q '^## 5. The groups compared' "$work/bfi/report.md" &&
   ! grep -q '^## 1. Response' "$work/bfi/report.md" &&
   ! grep -q "is not a number" "$work/bfi/report.md"; then
    tap_ok "a second survey (bfi by gender): items, reliability, groups; no response section"
else { echo "exit $rc"; cat "$work/err"; } >"$work/why"
     tap_fail "a second survey (bfi by gender)" "$work/why"; fi

if grep -q '^### Survey reporting checklist (CROSS)' "$work/r/report.md" &&
   grep -q '^| Survey administration: mode, dates, contacts; response rate | The response rate (AAPOR RR1' "$work/r/report.md" &&
   grep -q "each scale's reliability (alpha with its interval): section 3" "$work/r/report.md" &&
   grep -q '^| Funding, conflicts of interest | To add |' "$work/r/report.md" &&
   grep -q '^| Survey administration: mode, dates, contacts; response rate | To add (no roster' "$work/bfi/report.md"
then tap_ok "the CROSS checklist: by section, stated or to add (with a roster and without)"
else tap_fail "the CROSS checklist"; fi

# --min-cell: no count of 1 to N-1 left in the breakdown by group, nor the
# interval of one; the note says so.
rc=0
sk-report --min-cell=3 --replicates=200 -o "$work/m" >/dev/null 2>"$work/err" || rc=$?
t=$work/m/data/items-group-suppressed.tsv
if [ "$rc" = 0 ] && [ -s "$t" ] && awk -F '\t' '
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { for (j = 1; j <= 3; j++) { k = j == 1 ? "low" : j == 2 ? "neutral" : "high"
        x = $c["n_" k]; if (x != "NA" && x > 0 && x < 3) bad = 1
        if (x == "NA" && $c["pct_" k] != "NA") bad = 1
        if (x == "NA" && k != "neutral" && $c[k "_lo"] != "NA") bad = 1 }
      if ($c["n_high"] == "NA") sup++ }
    END { exit bad || !sup }' "$t" &&
   grep -q 'Counts of fewer than 3 respondents, and their percentages, are suppressed' "$work/m/report.md"
then tap_ok "--min-cell=3: small counts, their percentages and intervals suppressed, and said"
else { echo "exit $rc"; cat "$work/err"; } >"$work/why"
     tap_fail "--min-cell=3" "$work/why"; fi
# complementary suppression: no row of a group (its n shown) and no
# answer of an item across the groups with one suppressed count alone
if [ "$rc" = 0 ] && [ -s "$t" ] && awk -F '\t' '
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { ns = 0
      for (j = 1; j <= 3; j++) { k = j == 1 ? "low" : j == 2 ? "neutral" : "high"
        s = $c["n_" k] == "NA"; ns += s; col[$c["item"], j] += s; any += s }
      if ($c["n"] != "NA" && ns == 1) bad = 1
      items[$c["item"]] = 1 }
    END { for (it in items) for (j = 1; j <= 3; j++) if (col[it, j] == 1) bad = 1
          exit bad || !any }' "$t" &&
   grep -q 'complementary suppression' "$work/m/report.md" &&
   [ -s "$work/m/input/suppress.awk" ]
then tap_ok "--min-cell=3: complementary suppression in rows and across groups, and said"
else { echo "exit $rc"; cat "$work/err"; } >"$work/why"
     tap_fail "--min-cell=3" "$work/why"; fi

# Three or more groups: each against the reference (bfi's education).
rc=0
sk-report --codebook="$top_srcdir/datasets/bfi-codebook.csv" --group=education \
    --reference=1 --replicates=200 -o "$work/edu" "$top_srcdir/datasets/bfi.csv" \
    >/dev/null 2>"$work/err" || rc=$?
if [ "$rc" = 0 ] && [ "$(ls "$work/edu/tables/" | grep -c '^compare-vs-.*tsv$')" = 4 ] &&
   grep -q "each is compared with the reference group '1'" "$work/edu/report.md" &&
   grep -q "adjusted across all these comparisons and variables by Holm's method" "$work/edu/report.md" &&
   head -n 1 "$work/edu/tables/compare-vs.tsv" | tr '\t' '\n' | grep -qx p_t_adj &&
   [ "$(tail -n +2 "$work/edu/tables/compare-vs.tsv" | wc -l)" = 8 ] &&
   [ "$(cat "$work/edu/tables/compare-vs-"[1-4].tsv | grep -cv '^variable')" = 8 ] &&
   ! grep -q '^## 6' "$work/edu/report.md"; then
    tap_ok "five groups: each compared with the reference in one run, Holm across the 8 rows, no pairs analysis"
else { echo "exit $rc"; cat "$work/err"; } >"$work/why"
     tap_fail "five groups: each compared with the reference" "$work/why"; fi

# Refusals: exit status and message (a fragment of it), nothing on stdout.
# Each case: STATUS|MESSAGE|ARGUMENTS (words).
while IFS='|' read -r want msg args; do
    # shellcheck disable=SC2086 # the words of the case
    set -- $args
    rc=0
    sk-report -o "$work/x" "$@" >"$work/out" 2>"$work/err" || rc=$?
    if [ "$rc" = "$want" ] && [ ! -s "$work/out" ] &&
       grep -qF -- "sk-report: $msg" "$work/err"; then
        tap_ok "refused with exit $want: $args"
    else { echo "exit $rc, expected $want and 'sk-report: $msg'"; cat "$work/err"; } >"$work/why"
         tap_fail "refused with exit $want: $args" "$work/why"; fi
done <<EOF
2|unrecognized option '--frobnicate'|--frobnicate
2|--min-cell wants a count: 'x'|--min-cell=x
2|--prefix wants PRE:POST: 'nocolon'|--prefix=nocolon
2|--seed wants a number: 'x'|--seed=x
2|--replicates wants a count: '0'|--replicates=0
2|option '--title' requires an argument|--title
2|extra operand 'b.csv'|a.csv b.csv
1|$work/nope.csv: No such file|$work/nope.csv
2|--roster needs --id (the survey's id column)|--roster=$plp/roster.csv $plp/survey.csv
1|$work/nope.csv: No such file|--codebook=$work/nope.csv
1|the survey has no column 'Nope'|--group=Nope --codebook=$plp/codebook.csv $plp/survey.csv
1|--reference=9: no such group of education|--group=education --reference=9 --codebook=$top_srcdir/datasets/bfi-codebook.csv $top_srcdir/datasets/bfi.csv
EOF
tap_done
