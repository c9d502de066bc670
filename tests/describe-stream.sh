#!/bin/sh
# describe-stream.sh - sk-describe on files of many reads (100,000 rows,
# about 1.5 MB: the fields handed over as the reader parses them, see
# input_drop_fields and input_each), with values whose statistics are
# known exactly, and their errors late in the file, where the rows before
# them have been taken. Each file also has a quoted text column with a
# line break every 997 rows, so lines and rows part.
#
#   x = r % 10        n 100000, mean 4.5, min 0, median 4.5, max 9
#   y = r / 100       mean 500.005, min 0.01, median 500.005, max 1000
#   by g (r odd or even): 50000 each, x mean 5 (odd) and 4 (even)
#   rows 2500, 60001, 99999 missing (NA, empty, ' NA '): x's 0, 1, 9 out,
#   mean 449990 / 99997, median 5 (the 49999th of 9999 0s, 9999 1s, ...)
set -eu
# shellcheck source=tests/lib.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"

ROWS=100000

# make_data [ROW TEXT]...: the file, with field x of each ROW replaced by
# TEXT (a whole row when TEXT starts with '='); CRLF when EOL is set.
make_data() {
    subst=
    for a in "$@"; do subst="$subst$a|"; done
    awk -v rows=$ROWS -v eol="${EOL:-}" -v subst="$subst" 'BEGIN {
        n = split(subst, s, "|") - 1
        for (i = 1; i + 1 <= n; i += 2) bad[s[i]] = s[i + 1]
        printf "t,x,y,g%s\n", eol
        for (r = 1; r <= rows; r++) {
            t = r % 997 == 0 ? "\"two\nlines\"" : "w" r
            x = r % 10
            if (r in bad) {
                if (substr(bad[r], 1, 1) == "=") {
                    printf "%s%s\n", substr(bad[r], 2), eol
                    continue
                }
                x = bad[r]
            }
            printf "%s,%s,%.2f,%s%s\n", t, x, r / 100, r % 2 ? "odd" : "even", eol
        }
    }'
}

# The line of row R: the header, and a line break in every 997th row
# before it.
line_of() {
    echo $(( $1 + 1 + ($1 - 1) / 997 ))
}

# check_stats NAME FILE ARGS...: the rows as described in the header.
check_stats() {
    name=$1 file=$2
    shift 2
    rc=0
    sk-describe "$@" "$file" >"$work/out" 2>"$work/err" || rc=$?
    awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
        { k = $1 ($(c["group"]) != "" && c["group"] ? "/" $(c["group"]) : "")
          printf "%s %s %s %s %s %s %s\n", k, $(c["n"]), $(c["missing"]),
              $(c["mean"]), $(c["min"]), $(c["median"]), $(c["max"]) }' \
        "$work/out" >"$work/got"
    if [ $rc = 0 ] && [ ! -s "$work/err" ] &&
       cmp -s "$work/got" "$work/want"; then
        tap_ok "$name"
    else
        { echo "exit $rc"; cat "$work/err"; echo "want:"; cat "$work/want"
          echo "got:"; cat "$work/got"; } >"$work/why"
        tap_fail "$name" "$work/why"
    fi
}

# check_error NAME FILE MESSAGE ARGS...: exit 1, nothing on stdout, and
# the message "sk-describe: FILE:MESSAGE" (its first line) on stderr.
check_error() {
    name=$1 file=$2 msg=$3
    shift 3
    rc=0
    sk-describe "$@" "$file" >"$work/out" 2>"$work/err" || rc=$?
    if [ $rc = 1 ] && [ ! -s "$work/out" ] &&
       [ "$(head -n 1 "$work/err")" = "sk-describe: $file:$msg" ]; then
        tap_ok "$name"
    else
        { echo "exit $rc"; echo "want: sk-describe: $file:$msg"
          echo "got:"; cat "$work/err"; } >"$work/why"
        tap_fail "$name" "$work/why"
    fi
}

f=$work/plain.csv
make_data >"$f"
printf '%s\n' "x 100000 0 4.5 0 4.5 9" "y 100000 0 500.005 0.01 500.005 1000" \
    >"$work/want"
check_stats "every row, the statistics exact" "$f" -c x,y
EOL=$(printf '\r') make_data >"$work/crlf.csv"
check_stats "the same with CRLF" "$work/crlf.csv" -c x,y
printf '%s\n' "x/odd 50000 0 5 1 5 9" "x/even 50000 0 4 0 4 8" >"$work/want"
check_stats "by group" "$f" -c x --by g

make_data 2500 NA 60001 '' 99999 ' NA ' >"$work/na.csv"
printf '%s\n' "x 99997 3 4.50003500105003 0 5 9" >"$work/want"
check_stats "missing values late" "$work/na.csv" -c x

r=90001
make_data $r 4a >"$work/bad.csv"
check_error "an invalid number late" "$work/bad.csv" \
    "$(line_of $r): column 'x': invalid number '4a'" -c x,y
make_data $r 1e999 >"$work/range.csv"
check_error "a number out of range late" "$work/range.csv" \
    "$(line_of $r): column 'x': number out of range '1e999'" -c x,y
make_data $r 4a $((r + 1)) '=w,1' >"$work/two.csv"
check_error "an invalid number before a ragged row" "$work/two.csv" \
    "$(line_of $r): column 'x': invalid number '4a'" -c x,y
make_data $r '=w,1,2' >"$work/ragged.csv"
check_error "a ragged row late" "$work/ragged.csv" \
    "$(line_of $r): row has 3 fields, expected 4 (as in the header)" -c x
make_data $r '=w,1,2,3,4' >"$work/long.csv"
check_error "a long row late, its columns not chosen" "$work/long.csv" \
    "$(line_of $r): row has 5 fields, expected 4 (as in the header)" -c y
make_data $ROWS '=w,1,"3' >"$work/quote.csv"
check_error "an unterminated quote at the end" "$work/quote.csv" \
    "$(line_of $ROWS): unterminated quoted field at the end of the input" -c x
make_data $r '=w,1,2"x,odd' >"$work/malformed.csv"
check_error "a malformed quote late" "$work/malformed.csv" \
    "$(line_of $r): malformed quoted field (a quote inside quotes must be doubled, and a closing quote must end the field)" -c x
sed "$(line_of $r)s/,/,1\x00/" "$f" >"$work/nul.csv"
check_error "a NUL byte late" "$work/nul.csv" \
    "$(line_of $r): column 'x': embedded NUL byte" -c y

tap_done
