# common.sh - what every sk-plot-* script shares: the common options, the
# input, the run of gnuplot into a file that appears only when whole.
# Each installed script is this file followed by its own part (make
# concatenates them); POSIX sh, no bashisms.
# shellcheck shell=sh disable=SC2034 # the variables are the parts'

plot_name=${0##*/}
plot_version="%SK_VERSION%"
plot_output=
plot_title=
plot_size=
plot_font="Sans,10"
plot_gnuplot=0
plot_file=
plot_tmp=

plot_cleanup() {
    [ -n "$plot_tmp" ] && rm -rf "$plot_tmp"
    return 0
}
trap 'plot_cleanup' EXIT
trap 'plot_cleanup; exit 1' HUP INT TERM

die() {
    printf '%s: %s\n' "$plot_name" "$*" >&2
    exit 1
}

usage_error() {
    printf '%s: %s\n' "$plot_name" "$*" >&2
    printf "Try '%s --help' for more information.\n" "$plot_name" >&2
    exit 2
}

plot_common_help="\
Output:
  -o, --output=FILE    the figure; its extension chooses the format: .png
                       (pngcairo), .svg or .pdf (pdfcairo). Without -o the
                       figure is SVG on standard output, which must not be
                       a terminal.
      --title=TEXT     the figure's title
      --size=W,H       its size in pixels (PDF: 100 pixels an inch)
      --font=FONT      gnuplot's font, e.g. 'Sans,10' (the default)
      --gnuplot        print the gnuplot script instead of running it
      --help           show this help and exit
      --version        show the version and exit

Exit status: 0 success, 1 bad data, gnuplot missing or failing, or an
input/output error, 2 bad usage.
"

# plot_option NAME VALUE: 0 when NAME is a common option (VALUE taken).
plot_option() {
    case $1 in
    -o | --output) plot_output=$2 ;;
    --title) plot_title=$2 ;;
    --size)
        case $2 in
        *[!0-9,]* | ,* | *, | *,*,* | [!0-9]* | *[!0-9]) \
            usage_error "--size wants W,H in pixels: '$2'" ;;
        *,*) plot_size=$2 ;;
        *) usage_error "--size wants W,H in pixels: '$2'" ;;
        esac ;;
    --font) plot_font=$2 ;;
    *) return 1 ;;
    esac
    return 0
}

# plot_input: the input (FILE or standard input) copied to $plot_tmp/in,
# refused when empty.
plot_input() {
    plot_tmp=$(mktemp -d "${TMPDIR:-/tmp}/sk-plot.XXXXXX") ||
        die "cannot make a temporary folder"
    if [ -n "$plot_file" ] && [ "$plot_file" != - ]; then
        [ -r "$plot_file" ] || die "$plot_file: cannot read it"
        cat -- "$plot_file" >"$plot_tmp/in" || die "$plot_file: read error"
        plot_where=$plot_file
    else
        cat >"$plot_tmp/in" || die "read error on standard input"
        plot_where="(standard input)"
    fi
    [ -s "$plot_tmp/in" ] || die "$plot_where: empty input"
}

# plot_gnuplot_string S: S as a gnuplot double-quoted string's body.
# (awk scripts do the same for the data.)
plot_escape() {
    printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'
}

# plot_run SCRIPT W H: the gnuplot script SCRIPT (without terminal and
# output) into the figure, or printed with --gnuplot.
plot_run() {
    _script=$1 _w=$2 _h=$3
    if [ -n "$plot_size" ]; then
        _w=${plot_size%,*}
        _h=${plot_size#*,}
    fi
    _font=$(plot_escape "$plot_font")
    case $plot_output in
    *.png | *.PNG) _term="set terminal pngcairo size $_w,$_h font \"$_font\" noenhanced" ;;
    *.svg | *.SVG | '') _term="set terminal svg size $_w,$_h font \"$_font\" noenhanced background rgb 'white'" ;;
    *.pdf | *.PDF)
        _term="set terminal pdfcairo size $(awk -v w="$_w" -v h="$_h" \
            'BEGIN { printf "%.2fin,%.2fin", w / 100, h / 100 }') font \"$_font\" noenhanced" ;;
    *) usage_error "-o $plot_output: the extension chooses the format: .png, .svg or .pdf" ;;
    esac
    if [ "$plot_gnuplot" = 1 ]; then
        printf '%s\n' "$_term"
        if [ -n "$plot_output" ]; then
            printf 'set output "%s"\n' "$(plot_escape "$plot_output")"
        fi
        cat "$_script"
        return 0
    fi
    if [ -z "$plot_output" ] && [ -t 1 ]; then
        usage_error "no -o FILE, and standard output is a terminal: give -o figure.png (or .svg, .pdf), or --gnuplot for the script"
    fi
    command -v gnuplot >/dev/null 2>&1 ||
        die "gnuplot is not installed (Debian: apt-get install gnuplot-nox)"
    # into a file beside the figure, renamed when gnuplot succeeds
    if [ -n "$plot_output" ]; then
        _dir=$(dirname -- "$plot_output")
        if ! [ -d "$_dir" ] || ! [ -w "$_dir" ]; then
            die "$plot_output: cannot write in '$_dir'"
        fi
        _out=$(mktemp "$_dir/.sk-plot.XXXXXX") ||
            die "$plot_output: cannot write in '$_dir'"
    else
        _out=$plot_tmp/figure
    fi
    { printf '%s\n' "$_term"; printf 'set output "%s"\n' "$(plot_escape "$_out")"
      cat "$_script"; printf 'unset output\n'; } >"$plot_tmp/run.gp"
    if ! gnuplot "$plot_tmp/run.gp" >"$plot_tmp/gp.out" 2>&1 ||
        grep -q -i -E '^ *(line [0-9]+:|.*error)' "$plot_tmp/gp.out" ||
        [ ! -s "$_out" ]; then
        rm -f "$_out"
        sed 's/^/  /' "$plot_tmp/gp.out" | head -20 >&2
        die "gnuplot failed (the script: $plot_name --gnuplot ...)"
    fi
    if [ -n "$plot_output" ]; then
        chmod 644 "$_out"
        mv -f "$_out" "$plot_output" || { rm -f "$_out"; die "$plot_output: cannot write it"; }
    else
        cat "$_out" || die "write error"
    fi
}

# plot_columns NAME...: each named column is in the input's header, or a
# clear error that says which program's table is wanted.
plot_need() {
    _want=$1
    shift
    for _c in "$@"; do
        awk -F '\t' -v c="$_c" 'NR == 1 { for (i = 1; i <= NF; i++)
            if ($i == c) exit 0; exit 1 }' "$plot_tmp/in" ||
            die "$plot_where: no column '$_c': $plot_name reads $_want"
    done
}

# sk-table beside this script (the same installation), or on PATH; its
# errors as this script's, naming the input (not the temporary copy), and
# its exit status kept.
plot_sk_table() {
    _here=$(dirname -- "$0")
    _rc=0
    if [ -x "$_here/sk-table" ]; then
        "$_here/sk-table" "$@" 2>"$plot_tmp/sk.err" || _rc=$?
    else
        sk-table "$@" 2>"$plot_tmp/sk.err" || _rc=$?
    fi
    if [ -s "$plot_tmp/sk.err" ]; then
        awk -v tmp="$plot_tmp/in" -v where="$plot_where" -v me="$plot_name" '{
            while ((i = index($0, tmp)) > 0)
                $0 = substr($0, 1, i - 1) where substr($0, i + length(tmp))
            sub(/^sk-table:/, me ":"); sub(/Try .sk-table --help./, "Try '\''" me " --help'\''")
            print }' "$plot_tmp/sk.err" >&2
    fi
    return $_rc
}

# The options of every script: argument parsing helpers. plot_arg sets
# plot_opt (name) and plot_val (value) from "$1" "$2"; plot_shift is how
# many words were used.
plot_arg() {
    case $1 in
    --*=*) plot_opt=${1%%=*} plot_val=${1#*=} plot_shift=1 ;;
    -o?* | -p?*) plot_opt=${1%"${1#-?}"} plot_val=${1#-?} plot_shift=1 ;;
    *)
        plot_opt=$1 plot_shift=2
        [ $# -ge 2 ] || usage_error "option '$1' needs a value"
        plot_val=$2 ;;
    esac
}

# plot_parse "$@": the command line of every script. The script defines
# part_flag NAME (0 when NAME is one of its options without a value, which
# it takes) and part_option NAME VALUE (0 when NAME is one of its options
# with a value, which it takes; a usage error for a bad value); the
# common options are plot_option's; the one FILE operand is plot_file.
plot_parse() {
    while [ $# -gt 0 ]; do
        case $1 in
        --help) usage; exit 0 ;;
        --version) echo "$plot_name (surveykit) $plot_version"; exit 0 ;;
        --gnuplot) plot_gnuplot=1; shift; continue ;;
        --) shift; break ;;
        -) break ;;
        -*) if part_flag "$1"; then shift; continue; fi
            plot_arg "$@" ;;
        *) break ;;
        esac
        plot_option "$plot_opt" "$plot_val" ||
            part_option "$plot_opt" "$plot_val" ||
            usage_error "unrecognized option '$plot_opt'"
        shift "$plot_shift"
    done
    [ $# -le 1 ] || usage_error "extra operand '$2'"
    plot_file=${1:-}
}
