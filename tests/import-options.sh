#!/bin/sh
# import-options.sh - sk-import's options on the bundled exports
# (datasets/exports/): each does what --help says, checked on the table it
# writes (columns, responses) and on what it reports.
set -eu
. "$top_srcdir/tests/lib.sh"
ex=$(cd "$top_srcdir/datasets/exports" && pwd)   # absolute: some checks cd

# check NAME COMMAND...: COMMAND must succeed (its output in $work/o, its
# stderr in $work/e).
check() {
    name=$1
    shift
    if "$@" >"$work/o" 2>"$work/e"; then tap_ok "$name"
    else { echo "failed: $*"; cat "$work/e"; } >"$work/why"
         tap_fail "$name" "$work/why"; fi
}
rows() { awk 'END { print NR - 1 }' "$1"; }   # no line breaks in fields here

# --drop-identifying: the platform's identifying columns, and only they.
for f in qualtrics_labels surveymonkey forms_excel; do
    sk-import -q "$ex/$f.csv" >"$work/all.csv"
    sk-import -q --drop-identifying "$ex/$f.csv" >"$work/drop.csv"
    head -n 1 "$work/all.csv" | tr ',' '\n' | sort >"$work/a"
    head -n 1 "$work/drop.csv" | tr ',' '\n' | sort >"$work/d"
    gone=$(comm -23 "$work/a" "$work/d" | tr '\n' ' ')
    case $f in
    qualtrics_labels) want='ExternalReference IPAddress LocationLatitude LocationLongitude RecipientEmail RecipientFirstName RecipientLastName ' ;;
    surveymonkey) want='email_address first_name ip_address last_name ' ;;
    forms_excel) want='email name ' ;;
    esac
    if [ "$gone" = "$want" ] && [ -z "$(comm -13 "$work/a" "$work/d")" ]
    then tap_ok "--drop-identifying $f: $gone"
    else echo "left out: $gone; expected: $want" >"$work/why"
         tap_fail "--drop-identifying $f" "$work/why"; fi
done

# --keep-unfinished keeps the one unfinished response (line 39), never
# the preview (line 12).
check "--keep-unfinished" sk-import --keep-unfinished \
    "$ex/qualtrics_labels.csv"
if [ "$(rows "$work/o")" = 27 ] && grep -q 'R_partial000001' "$work/o" &&
   ! grep -q 'R_1dPreview0001' "$work/o" &&
   ! grep -q unfinished "$work/e" && grep -q 'line 12' "$work/e"; then
    tap_ok "--keep-unfinished: 27 responses, the preview still left out"
else
    tap_fail "--keep-unfinished: 27 responses, the preview still left out"
fi

# -q: nothing but what the user must decide (the free-text numbers,
# '5 ' with its trailing blank among them).
check "-q" sk-import -q "$ex/qualtrics_labels.csv"
if [ "$(grep -c . "$work/e")" = 3 ] && grep -q "'about 8'" "$work/e" &&
   grep -q "'10+'" "$work/e" && grep -q ":21: column 'Q9': '5 '" "$work/e"
then tap_ok "-q keeps the three warnings only"
else tap_fail "-q keeps the three warnings only" "$work/e"; fi

# --from given agrees with --from=auto.
for p in qualtrics:qualtrics_labels surveymonkey:surveymonkey \
         forms:forms_excel; do
    sk-import -q "$ex/${p#*:}.csv" >"$work/auto.csv" 2>/dev/null
    sk-import -q --from="${p%%:*}" "$ex/${p#*:}.csv" >"$work/given.csv" \
        2>/dev/null
    if cmp -s "$work/auto.csv" "$work/given.csv"; then
        tap_ok "--from=${p%%:*} is what auto finds"
    else tap_fail "--from=${p%%:*} is what auto finds"; fi
done

# --from=csv reads one header row: Qualtrics' second and third rows are
# then responses, and its ids are kept as names.
check "--from=csv" sk-import --from=csv "$ex/qualtrics_labels.csv"
if grep -q '30 of 30 responses written' "$work/e" &&
   grep -q 'CSV export (1 header row)' "$work/e"; then tap_ok "--from=csv: every row a response"
else tap_fail "--from=csv: every row a response" "$work/e"; fi

# A semicolon export: found and said; decimal commas converted unless
# --decimal-comma=no; --delimiter given is used as given.
printf 'id;hours;note\r\n1;1,5;ok\r\n2;2;fine\r\n' >"$work/semi.csv"
check "semicolon found" sk-import "$work/semi.csv"
if grep -q "delimiter ';' (found" "$work/e" &&
   [ "$(sed -n 2p "$work/o")" = "1,1.5,ok" ]; then
    tap_ok "semicolon and decimal comma found, 1,5 written 1.5"
else tap_fail "semicolon and decimal comma found, 1,5 written 1.5" "$work/o"
fi
check "--decimal-comma=no" sk-import -q --decimal-comma=no "$work/semi.csv"
if [ "$(sed -n 2p "$work/o")" = '1,"1,5",ok' ]; then
    tap_ok "--decimal-comma=no keeps 1,5 (quoted in the CSV)"
else tap_fail "--decimal-comma=no keeps 1,5 (quoted in the CSV)" "$work/o"
fi
check "--delimiter=';' given" sk-import --delimiter=';' "$work/semi.csv"
if grep -q "delimiter ';'$" "$work/e"; then tap_ok "--delimiter given, said"
else tap_fail "--delimiter given, said" "$work/e"; fi
# --na: its tokens (default NA) are missing answers, not free text.
printf 'id,score\n1,NA\n2,.\n3,4\n4,x\n5,6\n6,7\n' >"$work/na.csv"
check "--na default" sk-import -q "$work/na.csv"
if [ "$(grep -c 'is not a number' "$work/e")" = 2 ] &&
   grep -q "'\.' is not" "$work/e" && grep -q "'x' is not" "$work/e"; then
    tap_ok "NA is missing by default; . and x are free text"
else tap_fail "NA is missing by default; . and x are free text" "$work/e"; fi
check "--na=.,NA" sk-import -q --na=.,NA "$work/na.csv"
if [ "$(grep -c 'is not a number' "$work/e")" = 1 ] &&
   grep -q "'x' is not" "$work/e" && grep -q '^2,\.$' "$work/o"; then
    tap_ok "--na=.,NA: only x reported; . written as it is"
else tap_fail "--na=.,NA: only x reported; . written as it is" "$work/e"; fi

# A Qualtrics or SurveyMonkey table saved again with one header row is a
# plain CSV: its first response is a response, not a header row.
printf 'ResponseId,Finished,Q1\nR_1,True,Agree\nR_2,True,Disagree\n' >"$work/q1.csv"
check "Qualtrics columns, one header row" sk-import "$work/q1.csv"
if grep -q 'CSV export (1 header row)' "$work/e" && grep -q '^R_1,True,Agree$' "$work/o"
then tap_ok "Qualtrics columns with one header row: a CSV, R_1 kept"
else tap_fail "Qualtrics columns with one header row: a CSV, R_1 kept" "$work/e"; fi
printf 'Respondent ID,Collector ID,Q1\n11,22,Agree\n12,22,Disagree\n' >"$work/s1.csv"
check "SurveyMonkey columns, one header row" sk-import "$work/s1.csv"
if grep -q 'CSV export (1 header row)' "$work/e" && grep -q '^11,22,Agree$' "$work/o"
then tap_ok "SurveyMonkey columns with one header row: a CSV, 11 kept"
else tap_fail "SurveyMonkey columns with one header row: a CSV, 11 kept" "$work/e"; fi

# -o writes the table there and nothing on stdout; a second run replaces it.
(cd "$work" && sk-import -q -o t.csv "$ex/forms_excel.csv") >"$work/o" 2>/dev/null
sk-import -q "$ex/forms_excel.csv" >"$work/stdout.csv" 2>/dev/null
if [ ! -s "$work/o" ] && cmp -s "$work/t.csv" "$work/stdout.csv" &&
   [ -z "$(find "$work" -name '*.sk-import-tmp')" ]; then
    tap_ok "-o FILE: the same table, nothing on stdout, no temporary left"
else tap_fail "-o FILE: the same table, nothing on stdout, no temporary left"
fi
# Standard input.
sk-import -q <"$ex/forms_excel.csv" >"$work/stdin.csv" 2>/dev/null
if cmp -s "$work/stdin.csv" "$work/stdout.csv"; then
    tap_ok "standard input reads the same"
else tap_fail "standard input reads the same"; fi
tap_done
