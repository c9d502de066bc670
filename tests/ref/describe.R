# describe.R - the expected output of the sk-describe golden tests, by R.
#
# Run it from the source root:
#
#     Rscript tests/ref/describe.R                 # tests/describe/expected/*.tsv
#     Rscript tests/ref/describe.R --make-inputs   # also rewrite the generated
#                                                  # input continuous.csv
#
# Made with R 4.2.2 Patched (2022-11-10 r83330) and psych 2.2.9 (Debian
# packages r-base-core, r-cran-psych). 'make check' never runs R: the
# expected files are kept in the tree; run this again only when a case or
# an input changes, and review the diff.
#
# For each line NAME<TAB>ARGUMENTS of tests/describe/cases.tab it parses the
# sk-describe arguments itself, reads the input with read.csv/read.delim as
# sk-describe reads it (check.names = FALSE: header names unchanged;
# na.strings = the --na tokens, and empty cells, missing; strip.white; a
# UTF-8 BOM dropped; every column as text, colClasses = "character", so the
# group column stays text and quoted numbers are unquoted, then the
# described columns by as.numeric), and computes every output column with
# base R and psych, independently of sk-describe:
#   n, missing      sum(!is.na(x)), sum(is.na(x))
#   mean, sd        mean(x), sd(x)
#   se              sd(x) / sqrt(n)
#   ci_lo, ci_hi    t.test(x, conf.level = level)$conf.int; for constant
#                   data (where t.test stops) mean -/+ qt(.) * se, i.e. mean
#   min .. max      quantile(x, c(0, .25, .5, .75, 1), type = T)
#   iqr             q3 - q1
#   skewness        psych::skew(x, type = 2)      (G1), NA unless n >= 3, sd > 0
#   kurtosis        psych::kurtosi(x, type = 2)   (G2), NA unless n >= 4, sd > 0
# sd, se, ci are NA for n = 1; everything but n and missing is NA for n = 0.
# Numbers are written with sprintf("%.17g") so that the comparison
# tolerance (tests/tsvcmp.awk, 1e-12 relative), not R's rounding, decides;
# a case with --precision=N is written with "%.Ng", to be compared as text.

suppressPackageStartupMessages(library(psych))
options(warn = 2)    # an unparsable number must stop us, not become NA

cases_file <- "tests/describe/cases.tab"
input_dir <- "tests/describe/input"
expected_dir <- "tests/describe/expected"
if (!file.exists(cases_file))
    stop("run this from the source root: Rscript tests/ref/describe.R")

## The generated input: 3000 rows, with more than 1024 distinct values in
## x and y (sk-describe's array path) and fewer in xr, b1024 (its
## frequency-table path); b1025 has exactly 1025 distinct values.
make_inputs <- function() {
    set.seed(20240501)
    n <- 3000
    g <- sample(c("a", "b"), n, replace = TRUE)
    x <- rnorm(n, mean = 100, sd = 15)
    xr <- round(x, 1)
    y <- rlnorm(n, meanlog = 0, sdlog = 1)
    b1024 <- sample(rep_len(1:1024, n))
    b1025 <- sample(rep_len(1:1025, n))
    lines <- c("g,x,xr,y,b1024,b1025",
               sprintf("%s,%.17g,%.15g,%.17g,%d,%d", g, x, xr, y, b1024, b1025))
    path <- file.path(input_dir, "continuous.csv")
    writeLines(lines, path)
    cat(sprintf("wrote %s: distinct x %d, xr %d, y %d, b1024 %d, b1025 %d\n",
                path, length(unique(x)), length(unique(xr)),
                length(unique(y)), length(unique(b1024)),
                length(unique(b1025))))
}
if ("--make-inputs" %in% commandArgs(trailingOnly = TRUE))
    make_inputs()


## sk-describe's command line (only the forms used in cases.tab).
parse_args <- function(words) {
    o <- list(columns = NULL, by = NULL, tsv = FALSE, header = TRUE,
              na = "NA", level = 0.95, qtype = 7L, precision = NA, file = NULL)
    i <- 1
    value <- function(w, long) {
        if (startsWith(w, paste0(long, "="))) {
            return(list(v = substring(w, nchar(long) + 2), used = 1))
        }
        list(v = words[i + 1], used = 2)
    }
    while (i <= length(words)) {
        w <- words[i]
        key <- sub("=.*", "", w)
        long <- switch(key, "-c" = , "--columns" = "columns",
                       "-g" = , "--by" = "by", "--na" = "na",
                       "--level" = "level", "--quantile-type" = "qtype",
                       "--precision" = "precision", NA)
        if (w %in% c("-t", "--tsv")) {
            o$tsv <- TRUE
            i <- i + 1
        } else if (w == "--no-header") {
            o$header <- FALSE
            i <- i + 1
        } else if (!is.na(long)) {
            r <- value(w, key)
            if (is.na(r$v)) stop("option ", w, " needs a value")
            o[[long]] <- switch(long,
                level = as.numeric(r$v),
                qtype = as.integer(r$v),
                precision = as.integer(r$v),
                na = strsplit(r$v, ",", fixed = TRUE)[[1]],
                r$v)
            i <- i + r$used
        } else if (startsWith(w, "-")) {
            stop("option not known to describe.R: ", w)
        } else {
            if (!is.null(o$file)) stop("more than one file: ", w)
            o$file <- w
            i <- i + 1
        }
    }
    if (is.null(o$file)) stop("no input file")
    o
}

## Column selection as documented by sk-describe --help: names, 1-based
## numbers, N-M (numbers), A:B (names or numbers); a name wins over a number.
resolve_col <- function(item, names) {
    hit <- which(names == item)
    if (length(hit) == 1) return(hit)
    if (length(hit) > 1) stop("ambiguous column name ", item)
    if (grepl("^[0-9]+$", item)) {
        k <- as.integer(item)
        if (k < 1 || k > length(names)) stop("column out of range ", item)
        return(k)
    }
    NA_integer_
}
select_cols <- function(spec, names, by) {
    if (is.null(spec)) return(setdiff(seq_along(names), by))
    out <- integer(0)
    for (item in strsplit(spec, ",", fixed = TRUE)[[1]]) {
        k <- resolve_col(item, names)
        if (!is.na(k)) {
            out <- c(out, k)
            next
        }
        m <- regmatches(item, regexec("^([0-9]+)-([0-9]+)$", item))[[1]]
        if (length(m) == 0)
            m <- regmatches(item, regexec("^([^:]+):(.+)$", item))[[1]]
        if (length(m) == 0) stop("no column ", item)
        a <- resolve_col(m[2], names)
        b <- resolve_col(m[3], names)
        if (is.na(a) || is.na(b) || a > b) stop("bad column range ", item)
        out <- c(out, a:b)
    }
    out
}

## The table, read as sk-describe reads it, every column as text.
read_input <- function(o) {
    args <- list(file = o$file, header = o$header, colClasses = "character",
                 na.strings = o$na, strip.white = TRUE, check.names = FALSE,
                 fileEncoding = "UTF-8-BOM", comment.char = "", fill = FALSE,
                 blank.lines.skip = TRUE, stringsAsFactors = FALSE)
    do.call(if (o$tsv) utils::read.delim else utils::read.csv, args)
}

## One row of statistics, as numbers (NA where sk-describe prints NA).
describe1 <- function(x, level, type) {
    s <- c(n = sum(!is.na(x)), missing = sum(is.na(x)), mean = NA, sd = NA,
           se = NA, ci_lo = NA, ci_hi = NA, min = NA, q1 = NA, median = NA,
           q3 = NA, max = NA, iqr = NA, skewness = NA, kurtosis = NA)
    x <- x[!is.na(x)]
    n <- length(x)
    if (n == 0) return(s)
    s["mean"] <- mean(x)
    if (n >= 2) {
        s["sd"] <- sd(x)
        s["se"] <- sd(x) / sqrt(n)
        if (s["sd"] > 0) {
            s[c("ci_lo", "ci_hi")] <- t.test(x, conf.level = level)$conf.int
        } else {
            # t.test stops on constant data; the interval is the point
            half <- qt((1 + level) / 2, n - 1) * s[["se"]]
            s[c("ci_lo", "ci_hi")] <- s[["mean"]] + c(-half, half)
        }
    }
    q <- unname(quantile(x, c(0, .25, .5, .75, 1), type = type))
    s[c("min", "q1", "median", "q3", "max")] <- q
    s["iqr"] <- q[4] - q[2]
    if (n >= 3 && sd(x) > 0) s["skewness"] <- psych::skew(x, type = 2)
    if (n >= 4 && sd(x) > 0) s["kurtosis"] <- psych::kurtosi(x, type = 2)
    s
}

fmt_num <- function(v, precision) {
    if (is.na(v) || !is.finite(v)) return("NA")
    if (v == 0) v <- 0    # no "-0"
    sprintf("%.*g", if (is.na(precision)) 17L else precision, v)
}
text_cell <- function(s) gsub("[\t\r\n]", " ", s)

run_case <- function(name, argstr) {
    o <- parse_args(strsplit(trimws(argstr), "[ \t]+")[[1]])
    chr <- read_input(o)
    names <- colnames(chr)
    by <- if (is.null(o$by)) integer(0) else {
        k <- resolve_col(o$by, names)
        if (is.na(k)) stop("no group column ", o$by)
        k
    }
    cols <- select_cols(o$columns, names, by)
    # numbers from the text (scan() would not unquote a "numeric" column);
    # warn = 2 makes a field that is not a number an error
    num <- lapply(chr, function(col) NULL)
    for (k in unique(cols)) num[[k]] <- as.numeric(chr[[k]])

    if (length(by)) {
        g <- chr[[by]]
        g[is.na(g) | g == ""] <- "NA"
        groups <- unique(g)    # first-seen order
    } else {
        g <- rep("", nrow(chr))
        groups <- ""
    }
    header <- c("variable", if (length(by)) "group",
                names(describe1(1, 0.95, 7)))
    rows <- paste(header, collapse = "\t")
    for (k in cols) {
        for (gr in groups) {
            s <- describe1(num[[k]][g == gr], o$level, o$qtype)
            cells <- c(text_cell(names[k]),
                       if (length(by)) text_cell(gr),
                       sprintf("%d", as.integer(s[c("n", "missing")])),
                       vapply(s[-(1:2)], fmt_num, "", precision = o$precision))
            rows <- c(rows, paste(cells, collapse = "\t"))
        }
    }
    out <- file.path(expected_dir, paste0(name, ".tsv"))
    con <- file(out, "wb")    # LF line ends on every platform
    writeLines(rows, con)
    close(con)
    length(rows) - 1
}

lines <- readLines(cases_file)
lines <- lines[nzchar(lines) & !startsWith(lines, "#")]
dir.create(expected_dir, showWarnings = FALSE, recursive = TRUE)
old <- list.files(expected_dir, pattern = "\\.tsv$")
seen <- character(0)
for (line in lines) {
    tab <- regexpr("\t", line, fixed = TRUE)
    if (tab < 2) stop("bad line in ", cases_file, ": ", line)
    name <- substr(line, 1, tab - 1)
    if (name %in% seen) stop("duplicate case name ", name)
    seen <- c(seen, name)
    nrows <- run_case(name, substring(line, tab + 1))
    cat(sprintf("%-22s %3d rows\n", name, nrows))
}
## The dense cases: 40000 rows made by a formula (tests/describe-golden.sh
## makes the same file with awk, so it is not kept in the tree): short
## decimals (cents) with more than 4096 distinct values that fill their
## span, which sk-describe counts in its dense form, and the ways it
## leaves it: a far value late (b), one with more decimals (c), a spread
## that grows (e: the window widened), a second half of new values that
## makes them mostly distinct (f: the raw form), negative values and, late,
## one that is no short decimal (g); two groups (grp).
cents <- function(v) sprintf("%s%d.%02d", ifelse(v < 0, "-", ""),
                             abs(v) %/% 100, abs(v) %% 100)
dense_csv <- function(path) {
    i <- 1:40000
    s <- function(k) k + (k * k) %/% 20000   # skewed, one to one
    k <- (i * 7919) %% 5001
    w <- 2000 + i %/% 4
    a <- cents(s(k))
    b <- a; b[30000] <- "123456.78"
    c <- a; c[28000] <- "12.345"
    e <- cents(10000 + s((i * 7919) %% w) - w %/% 2)
    f <- cents(ifelse(i <= 18000, s(k), 6251 + i - 18000))
    g <- cents(-(s(k) + 1000)); g[35000] <- "-1.2345678901234567890123"
    grp <- ifelse((i * 31) %% 7 < 3, "p", "q")
    writeLines(c("grp,a,b,c,e,f,g", paste(grp, a, b, c, e, f, g, sep = ",")),
               path)
}
dense_path <- tempfile(fileext = ".csv")
dense_csv(dense_path)
dense_cases <- c("dense" = "-c a,b,c,e,f,g",
                 "dense-groups" = "-g grp -c a,f,g",
                 "dense-q1" = "--quantile-type=1 -c a,e,f,g")
for (name in names(dense_cases)) {
    seen <- c(seen, name)
    nrows <- run_case(name, paste(dense_cases[[name]], dense_path))
    cat(sprintf("%-22s %3d rows\n", name, nrows))
}
cat(sprintf("dense input md5 %s\n", tools::md5sum(dense_path)))
unlink(dense_path)

stale <- setdiff(old, paste0(seen, ".tsv"))
if (length(stale))
    message("expected files without a case (remove them): ",
            paste(stale, collapse = " "))
cat(sprintf("%d cases, R %s, psych %s\n", length(seen),
            paste(R.version$major, R.version$minor, sep = "."),
            packageVersion("psych")))
