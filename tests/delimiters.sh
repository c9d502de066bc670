#!/bin/sh
# delimiters.sh - --delimiter, -t and --decimal-comma (issue 14): the same
# data written with semicolons and decimal commas (as Excel writes CSV in
# many European locales), with '|', or with tabs spelled four ways, must
# give every program byte-identical output to the comma-and-point file;
# sk-score writes its table back with the input's delimiter and decimal
# mark; a blank header is fine when its column is not used; sk-table
# reads a data file with --delimiter; labels under --codebook get no
# --codebook hint.
set -eu
. "$top_srcdir/tests/lib.sh"

d=$top_srcdir/datasets
tab=$(printf '\t')

# The datasets have no commas or points inside their text fields, so a
# character-wise translation is a faithful conversion.
for f in anorexia sleep shrout-fleiss; do
    sed 's/,/;/g; s/\./,/g' "$d/$f.csv" >"$work/$f.semi"
    sed 's/,/|/g; s/\./,/g' "$d/$f.csv" >"$work/$f.pipe"
    sed "s/,/$tab/g" "$d/$f.csv" >"$work/$f.tsv"
    sed "s/,/$tab/g; s/\\./,/g" "$d/$f.csv" >"$work/$f.tsvc"
done

# name | program and arguments | dataset
cases='describe|sk-describe -g Treat -c Prewt,Postwt|anorexia
paired|sk-paired -g Treat -p Prewt:Postwt|anorexia
compare|sk-compare --between Treat --levels Cont,CBT -c Prewt,Postwt|anorexia
boot|sk-boot -B 400 --seed 7 -g Treat -p Prewt:Postwt -s mean-diff|anorexia
agree|sk-agree -c judge1:judge4|shrout-fleiss
freq|sk-freq -c judge1,judge2|shrout-fleiss
alpha|sk-alpha -c judge1:judge4|shrout-fleiss
sleep|sk-paired -p drug1:drug2|sleep'

# Options split on spaces only, so that a literal tab stays in its word.
IFS=' '
while IFS='|' read -r name cmd data; do
    # shellcheck disable=SC2086 # cmd is words
    if ! $cmd "$d/$data.csv" >"$work/want" 2>"$work/err"; then
        tap_fail "$name: the CSV run failed" "$work/err"
        continue
    fi
    for v in "semi|--delimiter=; --decimal-comma" \
             "semi|--delimiter=semicolon --decimal-comma" \
             "pipe|--delimiter=| --decimal-comma" \
             "tsv|-t" "tsv|--delimiter=tab" "tsv|--delimiter=\\t" \
             "tsv|--delimiter=$tab" "tsvc|-t --decimal-comma"; do
        ext=${v%%|*}
        opts=${v#*|}
        # shellcheck disable=SC2086
        if $cmd $opts "$work/$data.$ext" >"$work/got" 2>"$work/err" &&
            cmp -s "$work/want" "$work/got"; then
            tap_ok "$name: $opts gives the CSV's output"
        else
            { cat "$work/err"; diff "$work/want" "$work/got" || :; } \
                >"$work/why"
            tap_fail "$name: $opts gives the CSV's output" "$work/why"
        fi
    done
done <<EOF
$cases
EOF

# sk-score: the table written back as it was read, the new numbers with
# the decimal comma too; converted back it is the CSV run's output.
printf 'id;a;b\n1;1,5;2\n2;3;4,25\n3;;2,5\n' >"$work/score.semi"
printf 'id;a;b;score\n1;1,5;2;1,75\n2;3;4,25;3,625\n3;;2,5;NA\n' \
    >"$work/score.want"
if sk-score --delimiter=';' --decimal-comma -c a,b "$work/score.semi" \
    >"$work/got" 2>"$work/err" && cmp -s "$work/score.want" "$work/got"; then
    tap_ok "sk-score: the input's delimiter and decimal mark"
else
    { cat "$work/err"; diff "$work/score.want" "$work/got" || :; } \
        >"$work/why"
    tap_fail "sk-score: the input's delimiter and decimal mark" "$work/why"
fi
sed 's/,/./g; s/;/,/g' "$work/score.semi" >"$work/score.csv"
sk-score -c a,b "$work/score.csv" >"$work/csv.out"
sed 's/,/./g; s/;/,/g' "$work/score.want" >"$work/csv.want"
if cmp -s "$work/csv.want" "$work/csv.out"; then
    tap_ok "sk-score: the same table from the CSV"
else
    diff "$work/csv.want" "$work/csv.out" >"$work/why" || :
    tap_fail "sk-score: the same table from the CSV" "$work/why"
fi

# A blank header name is refused only for a column that is used (R's
# write.csv writes "" over its row names).
printf '"",a,b\n"1",2,3\n"2",4,6\n' >"$work/rnames.csv"
if sk-describe -c a,b "$work/rnames.csv" >"$work/got" 2>"$work/err" &&
    [ "$(cut -f1,2,4 "$work/got" | tr '\n\t' ' :')" = \
      "variable:n:mean a:2:3 b:2:4.5 " ]; then
    tap_ok "a blank header over an unused column"
else
    cat "$work/err" "$work/got" >"$work/why" 2>/dev/null || :
    tap_fail "a blank header over an unused column" "$work/why"
fi

# sk-table reads a data file with --delimiter (as with --csv).
printf 'item;n\nQ1;10\n' >"$work/t.semi"
printf 'item,n\nQ1,10\n' >"$work/t.csv"
sk-table --csv --format=tsv "$work/t.csv" >"$work/want"
if sk-table --delimiter=';' --format=tsv "$work/t.semi" >"$work/got" \
    2>"$work/err" && cmp -s "$work/want" "$work/got"; then
    tap_ok "sk-table --delimiter=';' reads as --csv does"
else
    { cat "$work/err"; diff "$work/want" "$work/got" || :; } >"$work/why"
    tap_fail "sk-table --delimiter=';' reads as --csv does" "$work/why"
fi

# With --codebook, a label that is not the codebook's gets its message
# and no hint to give a codebook.
printf 'column,code,label\nQ1,1,Disagree\nQ1,2,Agree\n' >"$work/cb.csv"
printf 'Q1,Q2\nAgree,Yes\n' >"$work/lab.csv"
rc=0
sk-freq --codebook="$work/cb.csv" -c Q1,Q2 "$work/lab.csv" >"$work/got" \
    2>"$work/err" || rc=$?
if [ "$rc" != 0 ] && ! grep -q 'hint:' "$work/err"; then
    tap_ok "no --codebook hint when a codebook is given"
else
    { echo "exit $rc"; cat "$work/err"; } >"$work/why"
    tap_fail "no --codebook hint when a codebook is given" "$work/why"
fi

tap_done
