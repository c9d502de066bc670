# sk-report - the whole evaluation of a programme's survey in one command:
# response, respondents, item frequencies, reliability, before and after,
# the groups compared (with the dyad check), agreement within pairs,
# methods and limitations, and the pipelines that made every number.
# Every number comes from the sk- programs through sk-table and the
# sk-plot- scripts: this script only runs them and puts the report
# together (POSIX sh; make puts the version and data directory in).
# shellcheck shell=sh

me=${0##*/}
version="%SK_VERSION%"
datadir="%SK_DATADIR%"
srcdata="%SK_SRCDATA%"

die() {
    printf '%s: %s\n' "$me" "$*" >&2
    exit 1
}
usage_error() {
    printf '%s: %s\n' "$me" "$*" >&2
    printf "Try '%s --help' for more information.\n" "$me" >&2
    exit 2
}

usage() {
    cat <<EOF
Usage: $me [OPTION]... [SURVEY]
The whole evaluation of a programme's survey as a report: DIR/report.md
and DIR/report.html (standalone; its figures in DIR/figures), the tables
of every program in DIR/tables, and DIR/pipelines.sh, the commands that
made them (run it in DIR to make every table again).
SURVEY is a survey platform's export or a CSV (read by sk-import). With
no SURVEY, the bundled synthetic Parallel Learning Partnerships survey,
its roster and its codebook (datasets/plp), with the options it needs.

Input:
      --codebook=FILE   the survey's codebook (levels, scales, reverse
                        keying, wording): needed for labelled answers
      --roster=FILE     the invited (CSV): one row each; its column
                        --roster-id holds the id that the survey's --id
                        column gives, --roster-group the group
      --id=COLUMN       the survey's respondent id in the roster
      --roster-id=COL   the roster's id column (default: its first)
      --roster-group=COL  the roster's group column (default: --group)
      --group=COLUMN    the respondents' group (role): frequencies by
                        group and, with two groups, the groups compared;
                        with more, each against the reference (p
                        Holm-adjusted across the comparisons)
      --reference=LEVEL the reference group of --group (default: the
                        first found)
      --dyad=COLUMN     the pair id: members of one pair (one of each
                        group); agreement within the pairs, the dyad check
      --prefix=PRE:POST before and after items: PRE+NAME and POST+NAME
      --items=LIST      the Likert items of the frequency table and chart
                        (default: the items of the codebook's scales)
Report:
  -o, --output=DIR      where the report goes (default: sk-report); made
                        if missing, its report files replaced
      --title=TEXT      the report's title
      --min-cell=N      in breakdowns by group, counts and percentages of
                        fewer than N respondents are suppressed (shown as
                        a dash), with the cells that would give them away
                        from the totals, and the table note says so
                        (default 0: none)
      --seed=N          the bootstrap's seed (default 20240601)
      --replicates=B    bootstrap replicates (default 10000)
      --help            show this help and exit
      --version         show the version and exit

Exit status: 0 success, 1 a program failed (its message is shown), 2 bad
usage.
EOF
}

survey= codebook= roster= id= roster_id= roster_group= group= dyad=
prefix= items= outdir=sk-report title= min_cell=0 seed=20240601 reps=10000
reference=
defaults=1
while [ $# -gt 0 ]; do
    opt=$1
    case $opt in
    --*=*) val=${opt#*=}; opt=${opt%%=*}; have=1 ;;
    *) val=; have=0 ;;
    esac
    case $opt in
    --codebook | --roster | --id | --roster-id | --roster-group | --group | \
    --dyad | --prefix | --items | --output | -o | --title | --min-cell | \
    --seed | --replicates | --reference)
        if [ $have = 0 ]; then
            [ $# -ge 2 ] || usage_error "option '$opt' requires an argument"
            val=$2
            shift
        fi
        case $opt in
        --codebook) codebook=$val ;;
        --roster) roster=$val ;;
        --id) id=$val ;;
        --roster-id) roster_id=$val ;;
        --roster-group) roster_group=$val ;;
        --group) group=$val ;;
        --dyad) dyad=$val ;;
        --prefix) prefix=$val ;;
        --items) items=$val ;;
        -o | --output) outdir=$val ;;
        --title) title=$val ;;
        --min-cell) min_cell=$val ;;
        --seed) seed=$val ;;
        --replicates) reps=$val ;;
        --reference) reference=$val ;;
        esac ;;
    --help) usage; exit 0 ;;
    --version) echo "$me (surveykit) $version"; exit 0 ;;
    --) shift; break ;;
    -?*) usage_error "unrecognized option '$1'" ;;
    *) [ -z "$survey" ] || usage_error "extra operand '$1'"
       survey=$1 ;;
    esac
    shift
done
[ $# -le 1 ] || usage_error "extra operand '$2'"
[ $# = 1 ] && { [ -z "$survey" ] || usage_error "extra operand '$1'"; survey=$1; }
case $min_cell in *[!0-9]* | '') usage_error "--min-cell wants a count: '$min_cell'" ;; esac
case $seed in *[!0-9]* | '') usage_error "--seed wants a number: '$seed'" ;; esac
case $reps in *[!0-9]* | '' | 0) usage_error "--replicates wants a count: '$reps'" ;; esac
case $prefix in '' | *:*) ;; *) usage_error "--prefix wants PRE:POST: '$prefix'" ;; esac

# The bundled data: installed, or beside the sources (a build tree).
if [ -z "$survey" ]; then
    plp=
    for d in ${SK_DATADIR:+"$SK_DATADIR"} "$datadir" "$srcdata"; do
        [ -f "$d/plp/survey.csv" ] && { plp=$d/plp; break; }
    done
    [ -n "$plp" ] || die "the bundled PLP data is not installed (looked in ${SK_DATADIR:+$SK_DATADIR, }$datadir and $srcdata)"
    survey=$plp/survey.csv
    : "${codebook:=$plp/codebook.csv}" "${roster:=$plp/roster.csv}"
    : "${id:=PartnerID}" "${group:=Role}" "${dyad:=PairID}" "${prefix:=Q7_1_:Q7_2_}"
    : "${roster_group:=role}"
    : "${title:=Parallel Learning Partnerships: evaluation survey (synthetic data)}"
else
    defaults=0
fi
: "${title:=Evaluation survey}"
[ -f "$survey" ] || die "$survey: No such file"
[ -z "$codebook" ] || [ -f "$codebook" ] || die "$codebook: No such file"
[ -z "$roster" ] || [ -f "$roster" ] || die "$roster: No such file"
[ -z "$roster" ] || [ -n "$id" ] || usage_error "--roster needs --id (the survey's id column)"
: "${roster_group:=$group}"

# The programs: beside this script (the same installation), or on PATH.
here=$(cd "$(dirname "$0")" && pwd)
[ -x "$here/sk-freq" ] && PATH=$here:$PATH && export PATH
for p in sk-import sk-freq sk-alpha sk-paired sk-boot sk-compare sk-agree \
         sk-score sk-table sk-plot-likert sk-plot-forest; do
    command -v "$p" >/dev/null 2>&1 || die "$p is not on PATH"
done

mkdir -p "$outdir/input" "$outdir/data" "$outdir/tables" "$outdir/figures" ||
    die "cannot make $outdir"
outdir=$(cd "$outdir" && pwd)
# The inputs copied, so that DIR/pipelines.sh reruns from DIR alone.
cp "$survey" "$outdir/input/survey.csv" || die "cannot copy $survey"
cb=
[ -n "$codebook" ] && { cp "$codebook" "$outdir/input/codebook.csv"; cb=input/codebook.csv; }
[ -n "$roster" ] && cp "$roster" "$outdir/input/roster.csv"
cd "$outdir" || exit 1
rm -f tables/* figures/* pipelines.sh report.md report.html
cbopt=${cb:+--codebook=$cb}
# --min-cell's program, an input of the pipelines like the data
if [ "$min_cell" -gt 0 ]; then
    cat >input/suppress.awk <<'SUPPRESS_AWK'
# suppress.awk - small cells of sk-freq --summary by group (an item's
# answers, or the response: low = not responded, high = responded),
# written by sk-report (awk -v m=N -f suppress.awk TABLE). A count of 1 to
# N-1 of an item's low, neutral or high answers in a group is suppressed
# (NA), with
# its percentage and interval; a group of fewer than N loses all of its
# counts and statistics. Then complementary suppression, repeated until
# nothing changes, so that no suppressed count can be worked out from
# what is shown: a group's row with one suppressed count (its n is
# shown) loses its smallest other count too, and an item's answer with
# one group's count suppressed (the total is in the overall table) loses
# the smallest other group's count too.
BEGIN { FS = OFS = "\t"; split("low neutral high", k, " ") }
NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; head = $0; next }
{
    nr++; line[nr] = $0; item[nr] = $c["item"]
    small[nr] = $c["n"] < m
    for (j = 1; j <= 3; j++) {
        x[nr, j] = $c["n_" k[j]] + 0
        s[nr, j] = small[nr] || (x[nr, j] > 0 && x[nr, j] < m)
    }
}
# the unsuppressed cell of smallest count among CAND (a list of "r,j"),
# a zero only when no other is left (a zero may be a structural one, as
# the neutral answers of the response table)
function smallest(cand, n,    i, best, bx, p, v) {
    best = ""
    for (i = 1; i <= n; i++) {
        split(cand[i], p, ",")
        v = x[p[1], p[2]]
        if (!s[p[1], p[2]] && (best == "" || (v > 0 && (bx == 0 || v < bx)))) {
            best = cand[i]; bx = v
        }
    }
    return best
}
END {
    print head
    do {
        changed = 0
        for (r = 1; r <= nr; r++) {            # within a group's row
            if (small[r]) continue
            ns = 0; n = 0
            for (j = 1; j <= 3; j++) { ns += s[r, j]; cand[++n] = r "," j }
            if (ns == 1 && (b = smallest(cand, n)) != "") {
                split(b, p, ","); s[p[1], p[2]] = 1; changed = 1
            }
        }
        for (r = 1; r <= nr; r++) {            # within an item's answer
            if (r > 1 && item[r] == item[r - 1]) continue
            for (j = 1; j <= 3; j++) {
                ns = 0; n = 0
                for (t = r; t <= nr && item[t] == item[r]; t++) {
                    ns += s[t, j]; cand[++n] = t "," j
                }
                if (ns == 1 && (b = smallest(cand, n)) != "") {
                    split(b, p, ","); s[p[1], p[2]] = 1; changed = 1
                }
            }
        }
    } while (changed)
    for (r = 1; r <= nr; r++) {
        $0 = line[r]
        for (j = 1; j <= 3; j++)
            if (s[r, j]) {
                $c["n_" k[j]] = "NA"; $c["pct_" k[j]] = "NA"
                if ((k[j] "_lo") in c) { $c[k[j] "_lo"] = "NA"; $c[k[j] "_hi"] = "NA" }
            }
        if (small[r])
            for (f in c)
                if (f ~ /^(n|mean|sd|median)$/) $c[f] = "NA"
        print
    }
}
SUPPRESS_AWK
fi

# --- the pipelines: each one run, its command kept for the appendix ---
n_step=0
{
    echo "#!/bin/sh"
    echo "# pipelines.sh - the commands of $me $version that made every table"
    echo "# and figure of report.md; run in this directory (sh pipelines.sh)."
    echo "set -eu"
    echo "mkdir -p data tables figures"
} >pipelines.sh
# step NAME DESCRIPTION COMMAND: run COMMAND (a shell command line, in
# DIR) and keep it; its stderr in tables/NAME.err.
step() {
    n_step=$((n_step + 1))
    printf '\n# %s\n%s\n' "$2" "$3" >>pipelines.sh
    if ! sh -c "$3" 2>"tables/$1.err"; then
        cat "tables/$1.err" >&2
        die "the pipeline '$1' failed: $3"
    fi
}
q() {    # a word quoted for the shell
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

step import "the clean table (the export's previews and unfinished responses left out)" \
    "sk-import -o data/survey.csv input/survey.csv"
import_log=$(cat tables/import.err)

# The codebook as TSV (type, name, scale, text), read by libcsv through
# sk-table; and the awk program that names comparisons "A:B" (or items) by
# the wording of B, without a lead part such as "Now: ".
if [ -n "$cb" ]; then
    step codebook "the codebook's names and wording, as TSV" \
        "sk-table --csv --format=tsv --raw --na-as= -c type,name,scale,text $cb >data/codebook.tsv"
fi
label_awk='# label.awk (made by sk-report): the first column of a table named by the
# codebook'"'"'s wording of the item in column COL (of "A:B": of B).
NR == FNR { if ($1 == "item") { t = $4; sub(/^[^:]*: /, "", t); txt[$2] = t }; next }
FNR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; print; next }
{ k = $c; sub(/^.*:/, "", k); if (k in txt) $1 = txt[k]; print }'
printf '%s\n' "$label_awk" >data/label.awk
{
    echo
    echo "# the awk program that names rows by the codebook's wording"
    echo "cat >data/label.awk <<'END-OF-AWK'"
    printf '%s\n' "$label_awk"
    echo "END-OF-AWK"
} >>pipelines.sh
cbtext() {    # the text of item or scale $1, or $1
    [ -n "$cb" ] || { printf '%s' "$1"; return; }
    awk -F '\t' -v n="$1" '($1 == "item" || $1 == "scale") && $2 == n && $4 != "" { t = $4 }
        END { printf "%s", (t != "" ? t : n) }' data/codebook.tsv
}
# the survey's columns
columns=$(sk-table --csv --format=tsv --raw data/survey.csv 2>/dev/null | head -n 1 | tr '\t' '\n')
has_col() { printf '%s\n' "$columns" | grep -qxF "$1"; }
for c in "$id" "$group" "$dyad"; do
    [ -z "$c" ] || has_col "$c" || die "the survey has no column '$c'"
done

# The Likert items: --items, or the codebook's scales' items.
scales=
if [ -n "$cb" ]; then
    scales=$(awk -F '\t' '$1 == "scale" { printf "%s%s", s, $2; s = "," }' data/codebook.tsv)
    [ -n "$items" ] || items=$(awk -F '\t' '$1 == "item" && $3 != "" { printf "%s%s", s, $2; s = "," }' data/codebook.tsv)
fi

# --- 1. response ---
if [ -n "$roster" ]; then
    rid=${roster_id:-$(sk-table --csv --format=tsv --raw input/roster.csv 2>/dev/null | head -n 1 | cut -f 1)}
    # responded (1) or not (0), one row per invited, by the roster's group
    step response-data "who of the invited answered: the roster with a column responded (1: their id is in the survey)" \
        "sk-table --csv --format=tsv --raw -c $(q "$id") data/survey.csv | tail -n +2 >data/ids.txt && sk-table --csv --format=tsv --raw -c $(q "$rid")${roster_group:+,$(q "$roster_group")} input/roster.csv | awk -F '\t' 'NR == FNR { r[\$1] = 1; next } FNR == 1 { print \$0 \"\tresponded\"; next } { print \$0 \"\t\" ((\$1 in r) ? 1 : 0) }' data/ids.txt - >data/response.tsv"
    step response "the response rate (AAPOR RR1: respondents / invited) with its Wilson interval" \
        "sk-freq -t --levels=0:1 --top=1 -c responded data/response.tsv >tables/response.tsv"
    if [ -n "$roster_group" ]; then
        step response-group "the response rate by group" \
            "sk-freq -t --levels=0:1 --top=1 -c responded -g $(q "$roster_group") data/response.tsv >tables/response-group.tsv"
    fi
fi

# --- 2-3. items ---
if [ -n "$items" ]; then
    step items "item frequencies: n, % agree (the upper levels) with its Wilson interval, missing and set-aside answers" \
        "sk-freq $cbopt --summary -c $(q "$items") data/survey.csv >tables/items.tsv"
    step levels "the answers of every level of every item (the chart's data)" \
        "sk-freq $cbopt -c $(q "$items") data/survey.csv >tables/levels.tsv"
    step likert-figure "the diverging Likert chart" \
        "sk-plot-likert $cbopt --title='Answers to the items' -o figures/likert.png tables/levels.tsv"
    if [ -n "$group" ]; then
        step items-group "item frequencies by group" \
            "sk-freq $cbopt --summary -c $(q "$items") -g $(q "$group") data/survey.csv >tables/items-group.tsv"
        if [ "$min_cell" -gt 0 ]; then
            # small cells (a count of 1 to N-1, its percentage and
            # interval; every statistic of a group of fewer than N) and
            # the cells that would give them away, as NA
            step items-group-suppressed "the breakdown by group with the counts under $min_cell suppressed, and complementary cells" \
                "awk -v m=$min_cell -f input/suppress.awk tables/items-group.tsv >data/items-group-suppressed.tsv"
        fi
    fi
fi

# --- 4. reliability ---
if [ -n "$scales" ]; then
    step alpha "scale reliability: Cronbach's alpha with Feldt's interval" \
        "sk-alpha $cbopt data/survey.csv >tables/alpha.tsv"
    step alpha-items "item-rest correlations and alpha if an item is deleted" \
        "sk-alpha $cbopt --items data/survey.csv >tables/alpha-items.tsv"
    step scores "the scale scores, one column per scale appended" \
        "sk-score $cbopt data/survey.csv >data/scored.csv"
fi

# --- 5. before and after ---
pairs=
if [ -n "$prefix" ]; then
    pre=${prefix%%:*} post=${prefix#*:}
    for c in $columns; do
        case $c in "$pre"*) s=${c#"$pre"}; has_col "$post$s" && pairs="$pairs -p $c:$post$s" ;; esac
    done
    [ -n "$pairs" ] || die "--prefix=$prefix: no column pairs $pre... and $post..."
    step paired "before and after: the mean change with its t interval, d_z, the Wilcoxon signed-rank test (exact conditional distribution), Holm-adjusted p" \
        "sk-paired $cbopt$pairs --exact --adjust=holm data/survey.csv >tables/paired.tsv"
    step paired-boot "the mean change's bootstrap BCa interval" \
        "sk-boot $cbopt$pairs -s mean-diff --seed=$seed -B $reps data/survey.csv >tables/paired-boot.tsv"
    if [ -n "$cb" ]; then
        step paired-named "the outcomes named by their wording" \
            "awk -F '\t' -v OFS='\t' -v col=after -f data/label.awk data/codebook.tsv tables/paired.tsv >data/paired-named.tsv && awk -F '\t' 'NR == 1 || \$7 == \"bca\"' tables/paired-boot.tsv | awk -F '\t' -v OFS='\t' -v col=variable -f data/label.awk data/codebook.tsv - >data/boot-bca.tsv"
    else
        step paired-named "the BCa rows of the bootstrap" \
            "cp tables/paired.tsv data/paired-named.tsv && awk -F '\t' 'NR == 1 || \$7 == \"bca\"' tables/paired-boot.tsv >data/boot-bca.tsv"
    fi
    step forest-figure "the changes as a forest plot" \
        "sk-plot-forest --title='Mean change, after - before, with 95% CI' -o figures/forest.png data/paired-named.tsv"
    # one paired plot per outcome, from the answers as codes
    if [ -n "$cb" ]; then
        step codes "the answers as their codes (for the paired plots)" \
            "sk-score $cbopt --items=codes data/survey.csv >data/codes.csv"
        codes=data/codes.csv
    else
        codes=data/survey.csv
    fi
    # one vertical axis for every outcome: the range of all their answers
    pcols=$(printf '%s\n' $pairs | grep -v '^-p$' | tr ':' '\n' | paste -s -d, -)
    step paired-range "the range of the answers before and after (one axis for the paired plots)" \
        "sk-describe -c $(q "$pcols") $codes >tables/paired-range.tsv"
    yrange=$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
        $c["min"] != "NA" { if (lo == "" || $c["min"] + 0 < lo) lo = $c["min"] + 0
                            if (hi == "" || $c["max"] + 0 > hi) hi = $c["max"] + 0 }
        END { if (lo != "" && hi > lo) print lo ":" hi }' tables/paired-range.tsv)
    k=0 paired_figs=
    for pr in $pairs; do
        [ "$pr" = -p ] && continue
        k=$((k + 1))
        a=${pr%%:*} b=${pr#*:}
        t=$(cbtext "$b" | sed 's/^[^:]*: //')
        step "paired-figure-$k" "each respondent before and after: $t" \
            "sk-table --csv --format=csv --raw --na-as=NA -c $(q "$a"),$(q "$b") --rename=$(q "$a:Before") --rename=$(q "$b:After") $codes >data/pair-$k.csv && sk-plot-paired -p Before:After ${yrange:+--yrange=$yrange }--title=$(q "$t") -o figures/paired-$k.png data/pair-$k.csv"
        paired_figs="$paired_figs figures/paired-$k.png"
    done
fi

# --- 6. the groups compared ---
# two groups: compared; more: each against the first found (the reference)
ngroups=0
if [ -n "$group" ]; then
    glevels=$(sk-table --csv --format=tsv --raw --na-as= -c "$group" data/survey.csv |
        tail -n +2 | awk 'NF && $0 != "NA" && !s[$0]++')
    ngroups=$(printf '%s\n' "$glevels" | grep -c . || :)
fi
if [ "$ngroups" -gt 2 ]; then
    ref=${reference:-$(printf '%s\n' "$glevels" | head -n 1)}
    printf '%s\n' "$glevels" | grep -qxF "$ref" ||
        die "--reference=$ref: no such group of $group (the groups: $(printf '%s\n' "$glevels" | tr '\n' ' '))"
    k=0 vs_tables=
    printf '%s\n' "$glevels" | grep -vxF "$ref" >data/other-groups.txt
    vs_levels=$(printf '%s\n' "$ref" | cat - data/other-groups.txt | paste -s -d , -)
    # one run: every group against the reference, Holm across all the rows
    if [ -n "$scales" ]; then
        step compare-vs "every group against '$ref' on the scale scores, Holm-adjusted p across the comparisons" \
            "sk-compare --between=$(q "$group") --levels=$(q "$vs_levels") --adjust=holm -c $(q "$scales") data/scored.csv >tables/compare-vs.tsv"
    else
        step compare-vs "every group against '$ref' on each item, Holm-adjusted p across the comparisons" \
            "sk-compare $cbopt --between=$(q "$group") --levels=$(q "$vs_levels") --adjust=holm -c $(q "$items") data/survey.csv >tables/compare-vs.tsv"
    fi
    while IFS= read -r g; do
        k=$((k + 1))
        step "compare-vs-$k" "the rows of the group '$g' against '$ref'" \
            "awk -F '\t' -v b=$(q "$g") 'NR == 1 { for (i = 1; i <= NF; i++) if (\$i == \"level_b\") c = i; print; next } \$c == b' tables/compare-vs.tsv >tables/compare-vs-$k.tsv"
        vs_tables="$vs_tables tables/compare-vs-$k.tsv"
    done <data/other-groups.txt
    group=${group}    # frequencies by group stay; no pairs analysis
    dyad=
fi
if [ "$ngroups" = 2 ] && [ -n "$scales" ]; then
    step compare "the groups compared on the scale scores (Welch t, Hedges' g, rank-sum, probability of superiority)${dyad:+; the dyad check}" \
        "sk-compare --between=$(q "$group") ${dyad:+--dyad=$(q "$dyad") }-c $(q "$scales") data/scored.csv >tables/compare.tsv"
fi
if [ "$ngroups" = 2 ] && [ -n "$items" ]; then
    step compare-items "the groups compared on each item" \
        "sk-compare $cbopt --between=$(q "$group") ${dyad:+--dyad=$(q "$dyad") }-c $(q "$items") data/survey.csv >tables/compare-items.tsv"
fi

# --- 7. agreement within pairs ---
if [ -n "$dyad" ] && [ -n "$group" ] && [ -f tables/compare-items.tsv ]; then
    la=$(cut -f 2 tables/compare-items.tsv | sed -n 2p)
    lb=$(cut -f 3 tables/compare-items.tsv | sed -n 2p)
    if [ -n "$scales" ]; then
        step agree "agreement within the pairs in which both answered, on the scale scores (ICC)" \
            "sk-agree --id=$(q "$dyad") --within=$(q "$group") --levels=$(q "$la,$lb") --value=$(q "$scales") data/scored.csv >tables/agree.tsv"
    fi
    step agree-items "agreement within the pairs on each item: % exact and adjacent, weighted kappa" \
        "sk-agree $cbopt --id=$(q "$dyad") --within=$(q "$group") --levels=$(q "$la,$lb") --value=$(q "$items") data/survey.csv >tables/agree-items.tsv"
fi

# --- the report ---
md=report.md
n_tab=0
emit_table() {    # emit_table TITLE PRESET FILE [sk-table options]: a table
    n_tab=$((n_tab + 1))
    _t=$1 _p=$2 _f=$3
    shift 3
    if [ "$_p" = - ]; then _p=--style=apa; else _p=--preset=$_p; fi
    sk-table "$_p" $cbopt --number=$n_tab --title="$_t" "$@" "$_f" >>"$md" ||
        die "sk-table failed on $_f"
    echo >>"$md"
}
{
    echo "# $title"
    echo
    echo "Made by $me (surveykit $version) on $(date -u +%Y-%m-%d). Every number"
    echo "below comes from a surveykit program; the commands are in the"
    echo "appendix and in \`pipelines.sh\`."
    echo
} >"$md"

if [ -n "$roster" ]; then
    {
        echo "## 1. Response"
        echo
        printf 'Of the invited, %s answered: the response rate (AAPOR RR1,\n' \
            "$(sk-table --format=tsv --cell='r=%{n_high} of %{n}' tables/response.tsv | tail -n 1)"
        printf 'respondents over the invited of the roster) is %s.\n\n' \
            "$(sk-table --format=tsv --cell='r=%{pct_high:1}% (95% Wilson CI %{high_lo:1} to %{high_hi:1})' tables/response.tsv | tail -n 1)"
    } >>"$md"
    if [ -f tables/response-group.tsv ]; then
        response_cells() {
            emit_table "$1" - "$2" -c group --cell='Invited=%{n}' \
                --cell='Responded=%{n_high}' --cell='Rate, %=%{pct_high:1}' \
                --cell='95% CI=[%{high_lo:1}, %{high_hi:1}]' \
                --rename=group:Group --note="$3"
        }
        if [ "$min_cell" -gt 0 ]; then
            step response-group-suppressed "the response by group with the counts under $min_cell suppressed, and complementary cells" \
                "awk -v m=$min_cell -f input/suppress.awk tables/response-group.tsv >data/response-group-suppressed.tsv"
            response_cells "Response by group" data/response-group-suppressed.tsv \
                "Rate: respondents over invited (AAPOR RR1), with the Wilson score interval. A group with fewer than $min_cell respondents or non-respondents is suppressed (shown as a dash), and so is the smallest other group when one alone would be (complementary suppression: no suppressed count can be worked out from the totals)."
        else
            response_cells "Response by group" tables/response-group.tsv \
                "Rate: respondents over invited (AAPOR RR1), with the Wilson score interval."
        fi
    fi
    if [ -n "$dyad" ] && [ -f tables/compare.tsv ]; then
        printf 'Pairs in which both partners answered: %s.\n\n' \
            "$(sk-table --format=tsv --cell='n=%{n_pairs_both}' tables/compare.tsv | sed -n 2p)" >>"$md"
    fi
fi
if [ -n "$items" ]; then
    echo "## 2. Items" >>"$md"; echo >>"$md"
    emit_table "Item frequencies" summary tables/items.tsv
    # missing answers per item: empty (or --na) and, where the codebook
    # declares them, the non-substantive answers set aside
    if head -n 1 tables/items.tsv | tr '\t' '\n' | grep -qx aside; then
        emit_table "Missing answers per item" - tables/items.tsv -c item \
            --rename=item:Item --cell='Answered=%{n}' --cell='Missing=%{missing}' \
            --cell="Set aside=%{aside}" \
            --note="Missing: no answer. Set aside: a non-substantive answer (the codebook's missing=yes levels, such as Don't know), in no percentage's denominator and no statistic."
    else
        emit_table "Missing answers per item" - tables/items.tsv -c item \
            --rename=item:Item --cell='Answered=%{n}' --cell='Missing=%{missing}' \
            --note="Missing: no answer."
    fi
    echo "![Answers to the items](figures/likert.png)" >>"$md"; echo >>"$md"
    if [ -n "$group" ] && [ "$min_cell" -gt 0 ]; then
        emit_table "Item frequencies by group" summary \
            data/items-group-suppressed.tsv --note="Counts of fewer than $min_cell respondents, and their percentages, are suppressed (shown as a dash), as are the statistics of a group of fewer than $min_cell; so are the smallest other counts of a row or of an answer across the groups where one suppressed count could be worked out from the rest and the totals (complementary suppression)."
    elif [ -n "$group" ]; then
        emit_table "Item frequencies by group" summary tables/items-group.tsv
    fi
fi
if [ -n "$scales" ]; then
    echo "## 3. Reliability" >>"$md"; echo >>"$md"
    emit_table "Scale reliability" alpha tables/alpha.tsv
    emit_table "Items of the scales" items tables/alpha-items.tsv
fi
if [ -n "$pairs" ]; then
    echo "## 4. Before and after" >>"$md"; echo >>"$md"
    emit_table "Before and after" - data/paired-named.tsv -c variable \
        --rename=variable:Outcome --cell='*n*=%{n}' \
        --cell='Before, *M* (*SD*)=%{mean_before:2} (%{sd_before:2})' \
        --cell='After, *M* (*SD*)=%{mean_after:2} (%{sd_after:2})' \
        --cell='Change [95% CI]=%{mean_diff:2} [%{ci_lo:2}, %{ci_hi:2}]' \
        --cell='*d*_{z} [95% CI]=%{dz:2} [%{dz_lo:2}, %{dz_hi:2}]' \
        --cell='*p*, *t* (Holm)=%{p_t_adj:=}' \
        --cell='*p*, Wilcoxon (Holm)=%{p_w_adj:=}' \
        --note="Change: after - before, with the paired t interval. *d*_{z}: the mean change over the SD of the changes, with the noncentral t interval. Wilcoxon: the signed-rank test ($(sk-table --format=tsv --cell='m=%{p_w_method:raw}' tables/paired.tsv | sed -n 2p) distribution). p adjusted across the outcomes by Holm's method."
    emit_table "Bootstrap BCa intervals of the mean change" boot data/boot-bca.tsv
    echo "![Mean change](figures/forest.png)" >>"$md"; echo >>"$md"
    for f in $paired_figs; do
        printf '![Before and after](%s) ' "$f" >>"$md"
    done
    echo >>"$md"; echo >>"$md"
fi
if [ "$ngroups" -gt 2 ]; then
    {
        echo "## 5. The groups compared"
        echo
        echo "With $ngroups groups of $group, each is compared with the reference group '$ref'$( [ -z "$reference" ] && printf ' (the first found; --reference chooses)'); the p-values are adjusted across all these comparisons and variables by Holm's method (the columns *p*<sub>adj</sub> and *p*<sub>W,adj</sub>)."
        echo
    } >>"$md"
    for t in $vs_tables; do
        emit_table "$(sk-table --format=tsv --cell='t=%{level_b:raw} against %{level_a:raw}' "$t" | sed -n 2p)" compare "$t"
    done
fi
if [ -f tables/compare-items.tsv ]; then
    echo "## 5. The groups compared" >>"$md"; echo >>"$md"
    [ -f tables/compare.tsv ] &&
        emit_table "The groups compared on the scale scores" compare tables/compare.tsv
    emit_table "The groups compared on each item" compare tables/compare-items.tsv
fi
if [ -f tables/agree-items.tsv ]; then
    echo "## 6. Agreement within pairs" >>"$md"; echo >>"$md"
    [ -f tables/agree.tsv ] &&
        emit_table "Agreement within pairs on the scale scores" - \
            tables/agree.tsv -c variable --rename=variable:Scale \
            --cell='Pairs=%{n}' \
            --cell='ICC(A,1) [95% CI]=%{icc_a1:2} [%{icc_a1_lo:2}, %{icc_a1_hi:2}]' \
            --cell='ICC(C,1) [95% CI]=%{icc_c1:2} [%{icc_c1_lo:2}, %{icc_c1_hi:2}]' \
            --cell='*r* [95% CI]=%{r:2} [%{r_lo:2}, %{r_hi:2}]' \
            --cell='Mean difference=%{mean_diff:2}' \
            --note="Pairs in which both partners have a score. ICC(A,1), ICC(C,1): single-rater absolute agreement and consistency (McGraw & Wong, 1996); mean difference: $(sk-table --format=tsv --cell='d=%{difference:raw}' tables/agree.tsv | sed -n 2p)."
    emit_table "Agreement within pairs on each item" agree tables/agree-items.tsv
fi
{
    echo "## Limitations"
    echo
    [ "$defaults" = 1 ] && echo "- The data are synthetic (datasets/plp/README.md): the counts mirror the published evaluation, every answer is invented."
    [ -f tables/response.tsv ] &&
        printf -- '- Response: %s of the invited answered; those who did not may differ from those who did, and nothing here corrects for it.\n' \
            "$(sk-table --format=tsv --cell='r=%{pct_high:0}%' tables/response.tsv | tail -n 1)"
    [ -f tables/alpha.tsv ] &&
        printf -- '- Small numbers: the reliability rests on %s complete answers; every interval here is wide, and a difference that is not significant is not shown to be absent.\n' \
            "$(sk-table --format=tsv --cell='n=%{n}' tables/alpha.tsv | sed -n 2p)"
    [ -n "$pairs" ] &&
        echo "- Before and after: if the before ratings were given at the same time as the after ones (retrospective ratings), recall and a changed sense of the scale (response shift) bias the change; there is no comparison group, so the change is not shown to be caused by the programme."
    [ -n "$dyad" ] && [ -f tables/compare.tsv ] &&
        printf -- '- Non-independence: in %s pairs both partners answered; the t test of the groups is the partially overlapping samples test, but the rank tests and the item comparisons treat the groups as independent.\n' \
            "$(sk-table --format=tsv --cell='n=%{n_pairs_both}' tables/compare.tsv | sed -n 2p)"
    [ "$min_cell" -gt 0 ] &&
        echo "- Small cells: in breakdowns by group, counts of fewer than $min_cell are suppressed so that no respondent can be identified, with complementary suppression (the smallest other count of a row, or of an answer across the groups, where one suppressed count could be worked out from the rest and the totals)."
    echo
    echo "## Methods"
    echo
    echo "Programs: surveykit $version ($me). Bootstrap: $reps replicates, seed $seed."
    echo
    echo "Inputs (SHA-256):"
    echo
    for f in input/*; do
        printf -- '- `%s`: `%s`\n' "$f" "$(sha256sum "$f" | cut -d ' ' -f 1)"
    done
    echo
    echo "What sk-import did:"
    echo
    printf '%s\n' "$import_log" | sed 's/^/    /'
    echo
    echo "### Survey reporting checklist (CHERRIES)"
    echo
    echo "What this report states for the Checklist for Reporting Results of Internet E-Surveys (Eysenbach, 2004), and what the authors must add:"
    echo
    echo "| Item | Where |"
    echo "|:--|:--|"
    if [ -n "$roster" ]; then
        echo "| Design: target population, sample | Closed survey: the invited are the roster (section 1) |"
        echo "| Response (participation) rate | Section 1: AAPOR RR1 with its interval, by group |"
    else
        echo "| Design: target population, sample | To add: who was invited (no roster was given) |"
        echo "| Response (participation) rate | To add (no roster: the denominator is unknown) |"
    fi
    echo "| Completion rate; incomplete questionnaires | Methods, what sk-import did (unfinished responses left out, with their lines); missing answers per item (section 2) |"
    echo "| Preventing multiple entries | Methods, what sk-import did (duplicate response ids); previews and tests left out |"
    echo "| Analysis: statistical methods | The table notes; the pipelines (appendix) |"
    echo "| Ethics approval, informed consent, data protection | To add |"
    echo "| Development, pretesting, usability | To add |"
    echo "| Recruitment and contact; incentives; mode of administration | To add |"
    echo "| Time frame of the survey | To add (the export's dates are in the clean table) |"
    echo
    echo "### Survey reporting checklist (CROSS)"
    echo
    echo "The sections of the Consensus-Based Checklist for Reporting of Survey Studies (Sharma et al., 2021, *J Gen Intern Med* 36:3179-87): what this report states, and what the authors must add:"
    echo
    echo "| Section | Where |"
    echo "|:--|:--|"
    echo "| Title and abstract: the word survey and the design | To add |"
    echo "| Introduction: background, aims | To add |"
    echo "| Study design | To add$( [ -n "$pairs" ] && printf " (where ratings of before and now were given at one time, they are retrospective: Limitations)") |"
    printf '| Data collection: questionnaire, instruments, validity and reliability, pretesting | %s%s; pretesting: to add%s |\n' \
        "$( [ -n "$items" ] && printf 'The items and their wording: section 2' || printf 'To add: the questionnaire')" \
        "$( [ -n "$scales" ] && printf "; each scale's reliability (alpha with its interval): section 3")" \
        "$( [ -n "$cb" ] && printf '; the questionnaire (the codebook, input/codebook.csv) can be supplied in full')"
    if [ -n "$roster" ]; then
        echo "| Sample: population, sampling, sample size | The population is the roster (all invited, no sampling: section 1); a sample size calculation: to add, or say there was none |"
        echo "| Survey administration: mode, dates, contacts; response rate | The response rate (AAPOR RR1, the roster as the denominator) with its interval: section 1; the mode, dates and reminders: to add |"
    else
        echo "| Sample: population, sampling, sample size | To add (no roster was given: who was invited, and how) |"
        echo "| Survey administration: mode, dates, contacts; response rate | To add (no roster: the response rate's denominator is unknown) |"
    fi
    echo "| Study preparation | To add |"
    echo "| Ethical considerations: approval, consent, data protection | To add$( [ "$min_cell" -gt 0 ] && printf '; small cells are suppressed (Limitations)') |"
    echo "| Statistical analysis: methods, missing data, non-response | Methods and the table notes (every test, interval, adjustment and the bootstrap's B and seed); missing answers per item: section 2, each analysis on the answers it had; non-response bias: not assessed$( [ -n "$roster" ] && printf ' (Limitations)') |"
    echo "| Results: respondents, main findings with their precision | Respondents$( [ -n "$roster" ] && printf ' and response'): sections 1 and 2; every estimate with its 95% interval and every comparison with an effect size and its interval |"
    echo "| Discussion: limitations, interpretation, generalisability | Limitations (those that follow from the design and the data); interpretation and generalisability: to add |"
    echo "| Funding, conflicts of interest | To add |"
    echo
    echo "## Appendix: the pipelines"
    echo
    echo "Run in the report's directory, they make every table and figure again:"
    echo
    sed 's/^/    /' pipelines.sh
} >>"$md"

# HTML: standalone, the figures beside it
if command -v cmark-gfm >/dev/null 2>&1; then
    {
        echo '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        printf '<title>%s</title>\n' "$(printf '%s' "$title" | sed 's/&/\&amp;/g; s/</\&lt;/g')"
        echo '<style>body{font-family:sans-serif;max-width:75em;margin:2em auto;padding:0 1em;line-height:1.4}table{border-collapse:collapse;margin:1em 0;display:block;overflow-x:auto;max-width:100%}th,td{padding:.2em .6em;border-bottom:1px solid #ccc;white-space:nowrap}td:first-child{white-space:normal;min-width:14em}th{border-bottom:2px solid #333}img{max-width:100%}p img:not(:only-child){max-width:49%}pre{background:#f6f6f6;padding:.6em;white-space:pre-wrap;overflow-wrap:anywhere;font-size:85%}</style></head><body>'
        cmark-gfm -e table "$md"
        echo '</body></html>'
    } >report.html || die "cannot write report.html"
fi
printf '%s: the report is %s/report.md%s\n' "$me" "$outdir" \
    "$( [ -f report.html ] && printf ' (and report.html)')" >&2
