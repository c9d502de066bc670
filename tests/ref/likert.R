# likert.R - the expected outputs of the sk-freq, sk-score and sk-alpha
# golden tests, and the reference values of tests/unit/test-likert.c, by R.
#
# Run it from the source root:
#
#     Rscript tests/ref/likert.R               # tests/likert/expected/*/*.tsv
#     Rscript tests/ref/likert.R --make-data   # also rewrite datasets/bfi.csv
#                                              # and tests/likert/input/*
#     Rscript tests/ref/likert.R --unit > /tmp/likert-ref.c
#         then paste its output over the block between the lines "BEGIN R
#         REFERENCE VALUES" and "END R REFERENCE VALUES" of
#         tests/unit/test-likert.c
#
# Made with R 4.2.2 Patched (2022-11-10 r83330) and psych 2.2.9 (Debian
# packages r-base-core, r-cran-psych). 'make check' never runs R: the
# expected files are kept in the tree; run this again only when a case or
# an input changes, and review the diff.
#
# For each line NAME<TAB>ARGUMENTS of tests/likert/{freq,score,alpha}.tab
# it parses the program's arguments itself, reads the input and the
# codebook with read.csv (every column as text), maps answers to codes as
# documented (a level's label, case and surrounding blanks ignored, or its
# code), reverse-keys as (min + max) - code with the declared min and max,
# and computes every output column with base R and psych, independently
# of surveykit:
#   sk-freq     table(factor(x, levels = codes)); percent 100 count / n and
#               100 cumsum(count) / n; mean(), sd(), median(); intervals
#               prop.test(x, n, conf.level, correct = FALSE)$conf.int
#               (Wilson) or binom.test(x, n, conf.level = L)$conf.int
#               (Clopper-Pearson), times 100
#   sk-score    rowMeans / rowSums of the keyed items with na.rm = TRUE,
#               NA when fewer than min items are answered
#   sk-alpha    psych::alpha() of the complete rows of the keyed items
#               (cumulative = TRUE for sum scoring): raw_alpha, std.alpha,
#               average_r, mean, sd; item.stats r.drop, raw.r, mean, sd;
#               alpha.drop raw_alpha, std.alpha, average_r; the interval by
#               psych::alpha.ci(alpha, n, k, p.val = 1 - level) (Feldt)
# Where sk-alpha differs from psych on purpose: with 2 items psych's
# "alpha if deleted" is a regression slope of one item on the other;
# sk-alpha prints NA (alpha of one item is not defined), and so does this
# script.
# Numbers are written with sprintf("%.17g") so that the comparison
# tolerance (tests/tsvcmp.awk, 1e-10 relative), not R's rounding, decides;
# a case with --precision=N is written with "%.Ng", compared as text.

suppressPackageStartupMessages(library(psych))
options(warn = 1)

dir_cases <- "tests/likert"
if (!file.exists(file.path(dir_cases, "freq.tab")))
    stop("run this from the source root: Rscript tests/ref/likert.R")
args <- commandArgs(trailingOnly = TRUE)

## ---- the data -----------------------------------------------------------

## datasets/bfi.csv: psych's bfi (2800 respondents), the Agreeableness and
## Conscientiousness items, gender as text, education as its codes; and
## the small test inputs made from its first rows.
make_data <- function() {
    data(bfi, package = "psych", envir = environment())
    items <- c(paste0("A", 1:5), paste0("C", 1:5))
    d <- data.frame(id = rownames(bfi), bfi[, items],
                    gender = c("male", "female")[bfi$gender],
                    education = bfi$education, check.names = FALSE)
    write.csv(d, "datasets/bfi.csv", row.names = FALSE, quote = FALSE)
    cat("wrote datasets/bfi.csv:", nrow(d), "rows\n")

    # 13 respondents answering in words, as a survey tool exports them:
    # rows 1..13 of bfi, with two answers blanked; the labels in varying
    # case and with blanks around some of them.
    labels <- c("Very Inaccurate", "Moderately Inaccurate",
                "Slightly Inaccurate", "Slightly Accurate",
                "Moderately Accurate", "Very Accurate")
    s <- d[1:13, c("id", items, "gender")]
    s$A3[4] <- NA
    s$C2[9] <- NA
    for (j in items) {
        x <- s[[j]]
        t <- labels[x]
        i <- seq_along(t)
        t[i %% 3 == 1] <- tolower(t[i %% 3 == 1])
        t[i %% 4 == 2] <- paste0(" ", t[i %% 4 == 2], "  ")
        t[i %% 5 == 3] <- toupper(t[i %% 5 == 3])
        t[is.na(x)] <- ""
        s[[j]] <- t
    }
    write.csv(s, file.path(dir_cases, "input", "small-text.csv"),
              row.names = FALSE, quote = TRUE, na = "")
    # The same answers as codes, tab-separated, -99 for no answer.
    k <- d[1:13, c("id", items, "gender")]
    k$A3[4] <- -99
    k$C2[9] <- -99
    write.table(k, file.path(dir_cases, "input", "small-codes.tsv"),
                sep = "\t", row.names = FALSE, quote = FALSE)
    cat("wrote tests/likert/input/small-text.csv, small-codes.tsv\n")
}
if ("--make-data" %in% args)
    make_data()

## ---- reading as the programs read ---------------------------------------

parse_args <- function(words) {
    o <- list(codebook = NULL, columns = NULL, by = NULL, tsv = FALSE,
              header = TRUE, na = "NA", precision = NA, summary = FALSE,
              top = NULL, bottom = NULL, ci = "wilson", level = 0.95,
              scales = NULL, name = NULL, scoring = "mean", min_items = 0,
              reverse = NULL, range = NULL, levels = NULL, items = NULL,
              file = NULL)
    for (w in words) {
        key <- sub("=.*", "", w)
        val <- sub("^[^=]*=", "", w)
        switch(key,
            "--codebook" = o$codebook <- val,
            "--columns" = o$columns <- val,
            "--by" = o$by <- val,
            "-t" = , "--tsv" = o$tsv <- TRUE,
            "--no-header" = o$header <- FALSE,
            "--na" = o$na <- strsplit(val, ",", fixed = TRUE)[[1]],
            "--precision" = o$precision <- as.integer(val),
            "--summary" = o$summary <- TRUE,
            "--top" = { o$top <- as.numeric(strsplit(val, ",")[[1]])
                        o$summary <- TRUE },
            "--bottom" = { o$bottom <- as.numeric(strsplit(val, ",")[[1]])
                           o$summary <- TRUE },
            "--ci" = o$ci <- val,
            "--level" = o$level <- as.numeric(val),
            "--scales" = o$scales <- strsplit(val, ",")[[1]],
            "--name" = o$name <- val,
            "--scoring" = o$scoring <- val,
            "--min-items" = o$min_items <- as.integer(val),
            "--reverse" = o$reverse <- val,
            "--range" = o$range <- as.numeric(strsplit(val, ":")[[1]]),
            "--levels" = o$levels <- as.numeric(strsplit(val, ":")[[1]]),
            "--items" = o$items <- if (val == "--items") "yes" else val,
            {
                if (startsWith(w, "-c")) o$columns <- substring(w, 3)
                else if (startsWith(w, "-g")) o$by <- substring(w, 3)
                else if (startsWith(w, "-")) stop("option not known: ", w)
                else if (!is.null(o$file)) stop("two files: ", w)
                else o$file <- w
            })
    }
    o
}

## The words of a case; "-c X" and "-g X" are joined to "-cX", "-gX".
split_args <- function(s) {
    w <- strsplit(trimws(s), "[ \t]+")[[1]]
    out <- character(0)
    i <- 1
    while (i <= length(w)) {
        if (w[i] %in% c("-c", "-g")) {
            out <- c(out, paste0(w[i], w[i + 1]))
            i <- i + 2
        } else {
            out <- c(out, w[i])
            i <- i + 1
        }
    }
    out
}

## Columns: names, 1-based numbers, N-M, A:B (as colsel.h).
resolve_col <- function(item, names) {
    hit <- which(names == item)
    if (length(hit) == 1) return(hit)
    if (grepl("^[0-9]+$", item)) return(as.integer(item))
    NA_integer_
}
select_cols <- function(spec, names) {
    out <- integer(0)
    for (item in strsplit(spec, ",", fixed = TRUE)[[1]]) {
        k <- resolve_col(item, names)
        if (!is.na(k)) { out <- c(out, k); next }
        m <- regmatches(item, regexec("^([0-9]+)-([0-9]+)$", item))[[1]]
        if (length(m) == 0)
            m <- regmatches(item, regexec("^([^:]+):(.+)$", item))[[1]]
        if (length(m) == 0) stop("no column ", item)
        out <- c(out, resolve_col(m[2], names):resolve_col(m[3], names))
    }
    out
}

## The table, every field as its text (nothing is NA yet).
read_table_text <- function(o) {
    args <- list(file = o$file, header = o$header, colClasses = "character",
                 na.strings = character(0), strip.white = FALSE,
                 check.names = FALSE, fileEncoding = "UTF-8-BOM",
                 comment.char = "", blank.lines.skip = TRUE, quote = "\"")
    do.call(if (o$tsv) utils::read.delim else utils::read.csv, args)
}
blank_trim <- function(s) gsub("^[ \t]+|[ \t]+$", "", s)
is_missing <- function(s, na) blank_trim(s) == "" | blank_trim(s) %in% na

## The codebook: level sets, items, scales (as codebook.h documents).
read_codebook <- function(path) {
    cb <- read.csv(path, colClasses = "character", na.strings = character(0),
                   strip.white = TRUE, check.names = FALSE)
    names(cb) <- tolower(names(cb))
    for (f in c("code", "label", "levels", "scale", "reverse", "scoring",
                "min"))
        if (is.null(cb[[f]])) cb[[f]] <- ""
    cb$type <- tolower(cb$type)
    lv <- cb[cb$type == "level", ]
    lv$name <- paste0("set:", lv$name)    # R cannot index a list by ""
    sets <- list()
    for (s in unique(lv$name)) {
        r <- lv[lv$name == s, ]
        code <- as.numeric(r$code)
        lab <- ifelse(r$label == "", r$code, r$label)
        ord <- order(code)
        sets[[s]] <- list(code = code[ord], label = lab[ord])
    }
    it <- cb[cb$type == "item", ]
    items <- lapply(seq_len(nrow(it)), function(i) {
        set <- if (it$levels[i] == "") names(sets)[1]
               else paste0("set:", it$levels[i])
        list(name = it$name[i], set = sets[[set]],
             scale = it$scale[i],
             reverse = tolower(it$reverse[i]) %in% c("yes", "y", "true", "1"))
    })
    names(items) <- it$name
    sc <- cb[cb$type == "scale", ]
    scales <- lapply(seq_len(nrow(sc)), function(i) {
        its <- it$name[it$scale == sc$name[i]]
        list(name = sc$name[i], items = its,
             sum = tolower(sc$scoring[i]) == "sum",
             min = if (sc$min[i] == "") length(its) else as.integer(sc$min[i]))
    })
    names(scales) <- sc$name
    list(items = items, scales = scales)
}

## The codebook a program makes of its options without --codebook.
options_codebook <- function(o, names, scale_name) {
    cols <- names[select_cols(o$columns, names)]
    rev <- if (is.null(o$reverse)) character(0)
           else names[select_cols(o$reverse, names)]
    set <- if (is.null(o$range)) NULL
           else list(code = o$range, label = NULL, range_only = TRUE)
    items <- lapply(cols, function(nm)
        list(name = nm, set = set, scale = scale_name,
             reverse = nm %in% rev))
    names(items) <- cols
    k <- length(cols)
    scales <- list(list(name = scale_name, items = cols,
                        sum = o$scoring == "sum",
                        min = if (o$min_items == 0) k else o$min_items))
    names(scales) <- scale_name
    list(items = items, scales = scales, options = TRUE)
}

## Codes of one item's answers: labels or codes with a codebook's levels,
## numbers without.
item_codes <- function(text, item, na) {
    miss <- is_missing(text, na)
    out <- rep(NA_real_, length(text))
    t <- blank_trim(text[!miss])
    set <- item$set
    if (is.null(set) || isTRUE(set$range_only)) {
        out[!miss] <- as.numeric(t)
        return(out)
    }
    hit <- match(tolower(t), tolower(set$label))
    num <- suppressWarnings(as.numeric(t))
    code <- ifelse(is.na(hit), num, set$code[hit])
    if (any(is.na(code)) || any(!(code %in% set$code)))
        stop("answer not a level of ", item$name)
    out[!miss] <- code
    out
}

## (min + max) - code, min and max the declared ones.
keyed <- function(x, item) {
    if (!item$reverse) return(x)
    r <- range(item$set$code)
    (r[1] + r[2]) - x
}

groups_of <- function(o, chr) {
    if (is.null(o$by)) return(list(g = rep("", nrow(chr)), groups = ""))
    g <- chr[[resolve_col(o$by, colnames(chr))]]
    g[is_missing(g, o$na)] <- "NA"
    list(g = g, groups = unique(g))
}

fmt_num <- function(v, precision) {
    if (is.na(v) || !is.finite(v)) return("NA")
    if (v == 0) v <- 0
    sprintf("%.*g", if (is.na(precision)) 17L else precision, v)
}
fmt_nums <- function(v, precision) vapply(v, fmt_num, "", precision)
text_cell <- function(s) gsub("[\t\r\n]", " ", s)

write_rows <- function(rows, dir, name) {
    dir.create(dir, showWarnings = FALSE, recursive = TRUE)
    con <- file(file.path(dir, paste0(name, ".tsv")), "wb")
    writeLines(rows, con)
    close(con)
    length(rows) - 1
}

## ---- sk-freq -------------------------------------------------------------

freq_case <- function(o, chr) {
    names <- colnames(chr)
    if (!is.null(o$codebook)) {
        cb <- read_codebook(o$codebook)
        items <- if (is.null(o$columns)) names(cb$items)
                 else names[select_cols(o$columns, names)]
        its <- cb$items[items]
    } else {
        items <- names[select_cols(o$columns, names)]
        # --levels=LO:HI: the integer codes LO..HI, labelled by themselves
        set <- if (is.null(o$levels)) NULL
               else list(code = seq(o$levels[1], o$levels[2]),
                         label = sprintf("%.15g", seq(o$levels[1],
                                                      o$levels[2])))
        its <- lapply(items, function(nm) list(name = nm, set = set))
    }
    gr <- groups_of(o, chr)
    by <- !is.null(o$by)
    header <- c("item", if (by) "group",
                if (o$summary)
                    c("n", "missing", "n_low", "n_neutral", "n_high", "pct_low", "pct_neutral", "pct_high",
                      "high_lo", "high_hi", "mean", "sd", "median", "low_lo",
                      "low_hi")
                else c("level", "label", "count", "percent", "cum_percent",
                       "n", "missing"))
    rows <- paste(header, collapse = "\t")
    for (it in its) {
        x <- item_codes(chr[[it$name]], it, o$na)
        if (is.null(it$set)) {
            codes <- sort(unique(x[!is.na(x)]))
            labels <- sprintf("%.15g", codes)
        } else {
            codes <- it$set$code
            labels <- it$set$label
        }
        k <- length(codes)
        def <- ifelse(seq_len(k) <= k %/% 2, -1,
                      ifelse(seq_len(k) > k - k %/% 2, 1, 0))
        side <- if (!is.null(o$top) && !is.null(o$bottom))
                    ifelse(codes %in% o$top, 1,
                           ifelse(codes %in% o$bottom, -1, 0))
                else if (!is.null(o$top))
                    ifelse(codes %in% o$top, 1, ifelse(def == -1, -1, 0))
                else if (!is.null(o$bottom))
                    ifelse(codes %in% o$bottom, -1, ifelse(def == 1, 1, 0))
                else def
        for (g in gr$groups) {
            xg <- x[gr$g == g]
            miss <- sum(is.na(xg))
            v <- xg[!is.na(xg)]
            n <- length(v)
            count <- as.vector(table(factor(v, levels = codes)))
            pre <- c(text_cell(it$name), if (by) text_cell(g))
            if (!o$summary) {
                pct <- if (n) 100 * count / n else rep(NA, k)
                cum <- if (n) 100 * cumsum(count) / n else rep(NA, k)
                for (l in seq_len(k))
                    rows <- c(rows, paste(c(pre,
                        fmt_num(codes[l], o$precision),
                        text_cell(labels[l]), count[l],
                        fmt_num(pct[l], o$precision),
                        fmt_num(cum[l], o$precision), n, miss),
                        collapse = "\t"))
                next
            }
            nl <- sum(count[side == -1])
            nn <- sum(count[side == 0])
            nh <- sum(count[side == 1])
            ci <- function(x) {
                if (n == 0) return(c(NA, NA))
                r <- if (o$ci == "exact")
                         binom.test(x, n, conf.level = o$level)$conf.int
                     else suppressWarnings(prop.test(x, n,
                         conf.level = o$level, correct = FALSE)$conf.int)
                100 * as.vector(r)
            }
            pcts <- if (n) 100 * c(nl, nn, nh) / n else rep(NA, 3)
            s <- c(pcts, ci(nh),
                   if (n) mean(v) else NA, if (n > 1) sd(v) else NA,
                   if (n) median(v) else NA, ci(nl))
            rows <- c(rows, paste(c(pre, n, miss, nl, nn, nh,
                                    fmt_nums(s, o$precision)),
                                  collapse = "\t"))
        }
    }
    rows
}

## ---- sk-score -------------------------------------------------------------

score_case <- function(o, chr) {
    names <- colnames(chr)
    cb <- if (is.null(o$codebook))
              options_codebook(o, names, if (is.null(o$name)) "score"
                                         else o$name)
          else read_codebook(o$codebook)
    scales <- if (is.null(o$scales)) names(cb$scales) else o$scales
    na_out <- o$na[1]
    out <- chr
    codes <- list()
    for (it in cb$items) {
        codes[[it$name]] <- item_codes(chr[[it$name]], it, o$na)
    }
    if (!is.null(o$items) && o$items != "asis") {
        for (it in cb$items) {
            x <- codes[[it$name]]
            if (o$items == "keyed") x <- keyed(x, it)
            cell <- out[[it$name]]
            cell[!is.na(x)] <- fmt_nums(x[!is.na(x)], o$precision)
            out[[it$name]] <- cell
        }
    }
    for (s in cb$scales[scales]) {
        m <- sapply(s$items, function(nm) keyed(codes[[nm]], cb$items[[nm]]))
        m <- matrix(m, ncol = length(s$items))
        answered <- rowSums(!is.na(m))
        v <- if (s$sum) rowSums(m, na.rm = TRUE) else rowMeans(m, na.rm = TRUE)
        v[answered < s$min | answered == 0] <- NA
        cell <- fmt_nums(v, o$precision)
        cell[is.na(v)] <- na_out
        out[[s$name]] <- cell
    }
    rows <- if (o$header) paste(text_cell(colnames(out)), collapse = "\t")
    c(rows, apply(out, 1, function(r) paste(text_cell(r), collapse = "\t")))
}

## ---- sk-alpha -------------------------------------------------------------

alpha_case <- function(o, chr) {
    names <- colnames(chr)
    cb <- if (is.null(o$codebook))
              options_codebook(o, names, if (is.null(o$name)) "scale"
                                         else o$name)
          else read_codebook(o$codebook)
    scales <- if (is.null(o$scales)) names(cb$scales) else o$scales
    gr <- groups_of(o, chr)
    by <- !is.null(o$by)
    items_out <- !is.null(o$items)
    header <- c("scale", if (by) "group",
                if (items_out)
                    c("item", "mean", "sd", "r_drop", "alpha_if_deleted",
                      "raw_r", "std_alpha_if_deleted", "mean_r_if_deleted",
                      "negative")
                else c("k", "n", "dropped", "raw_alpha", "std_alpha",
                       "alpha_lo", "alpha_hi", "mean_r", "score_mean",
                       "score_sd", "negative_items"))
    rows <- paste(header, collapse = "\t")
    for (s in cb$scales[scales]) {
        m <- sapply(s$items, function(nm)
            keyed(item_codes(chr[[nm]], cb$items[[nm]], o$na),
                  cb$items[[nm]]))
        m <- matrix(m, ncol = length(s$items),
                    dimnames = list(NULL, s$items))
        k <- length(s$items)
        for (g in gr$groups) {
            mg <- m[gr$g == g, , drop = FALSE]
            cc <- mg[complete.cases(mg), , drop = FALSE]
            n <- nrow(cc)
            a <- psych::alpha(as.data.frame(cc), cumulative = s$sum,
                              check.keys = FALSE, warnings = FALSE)
            ci <- psych::alpha.ci(a$total$raw_alpha, n, k,
                                  p.val = 1 - o$level)
            st <- a$item.stats
            dr <- a$alpha.drop
            neg <- s$items[st$r.drop < 0]
            for (j in which(st$r.drop < 0))
                alpha_warnings <<- c(alpha_warnings, sprintf(paste0(
                    "sk-alpha: scale '%s'%s: item '%s' correlates ",
                    "negatively with the rest of the scale (r_drop = %.3g): ",
                    "is it keyed the right way?"), s$name,
                    if (by) sprintf(", group '%s'", g) else "", s$items[j],
                    st$r.drop[j]))
            pre <- c(text_cell(s$name), if (by) text_cell(g))
            if (items_out) {
                for (j in seq_len(k)) {
                    drop <- if (k >= 3)
                                c(dr$raw_alpha[j], dr$std.alpha[j],
                                  dr$average_r[j])
                            else c(NA, NA, NA)
                    v <- c(st$mean[j], st$sd[j], st$r.drop[j], drop[1],
                           st$raw.r[j], drop[2], drop[3])
                    rows <- c(rows, paste(c(pre, s$items[j],
                        fmt_nums(v, o$precision),
                        if (st$r.drop[j] < 0) "yes" else "no"),
                        collapse = "\t"))
                }
                next
            }
            v <- c(a$total$raw_alpha, a$total$std.alpha, ci$lower.ci,
                   ci$upper.ci, a$total$average_r, a$total$mean,
                   a$total$sd)
            rows <- c(rows, paste(c(pre, k, n, nrow(mg) - n,
                fmt_nums(v, o$precision),
                if (length(neg)) paste(neg, collapse = ",") else "-"),
                collapse = "\t"))
        }
    }
    rows
}

## ---- the cases ----------------------------------------------------------

alpha_warnings <- character(0)

run_cases <- function(program, fun, errors = FALSE) {
    cases_file <- file.path(dir_cases, paste0(program, ".tab"))
    expected <- file.path(dir_cases, "expected", program)
    lines <- readLines(cases_file)
    lines <- lines[nzchar(lines) & !startsWith(lines, "#")]
    seen <- character(0)
    for (line in lines) {
        tab <- regexpr("\t", line, fixed = TRUE)
        name <- substr(line, 1, tab - 1)
        if (name %in% seen) stop("duplicate case name ", name)
        seen <- c(seen, name)
        o <- parse_args(split_args(substring(line, tab + 1)))
        alpha_warnings <<- character(0)
        rows <- fun(o, read_table_text(o))
        n <- write_rows(rows, expected, name)
        if (errors) {
            con <- file(file.path(expected, paste0(name, ".err")), "wb")
            writeLines(alpha_warnings, con)
            close(con)
        }
        cat(sprintf("%-6s %-26s %4d rows\n", program, name, n))
    }
    stale <- setdiff(list.files(expected, pattern = "\\.(tsv|err)$"),
                     c(paste0(seen, ".tsv"), paste0(seen, ".err")))
    if (length(stale))
        message("expected files without a case (remove them): ",
                paste(stale, collapse = " "))
}

## ---- the unit tests' reference values -----------------------------------

c_doubles <- function(name, v, comment, per = 3) {
    cat(sprintf("/* %s */\n", comment))
    cat(sprintf("static const double %s[%d] = {\n", name, length(v)))
    s <- vapply(v, function(x) if (is.na(x)) "NAN" else sprintf("%.17g", x),
                "")
    lines <- split(s, ceiling(seq_along(s) / per))
    cat(paste0("    ", vapply(lines, paste, "", collapse = ", "),
               collapse = ",\n"))
    cat("\n};\n")
}
c_sizes <- function(name, v, comment) {
    cat(sprintf("/* %s */\n", comment))
    cat(sprintf("static const size_t %s[%d] = {\n    %s\n};\n", name,
                length(v), paste(v, collapse = ", ")))
}

unit_values <- function() {
    cat("/* BEGIN R REFERENCE VALUES: made by tests/ref/likert.R --unit; ",
        "do not edit. */\n", sep = "")
    cat(sprintf("/* %s, psych %s */\n\n", R.version.string,
                packageVersion("psych")))
    # proportions: x successes of n, at a level
    x <- c(0, 1, 7, 13, 13, 2, 1000, 2790, 5, 250)
    n <- c(13, 13, 13, 13, 20, 2800, 2800, 2800, 9, 251)
    lv <- c(0.95, 0.95, 0.95, 0.95, 0.9, 0.99, 0.95, 0.95, 0.8, 0.999)
    c_sizes("P_X", x, "successes")
    c_sizes("P_N", n, "trials")
    c_doubles("P_LEVEL", lv, "confidence levels")
    w <- t(mapply(function(x, n, l) suppressWarnings(prop.test(x, n,
                      conf.level = l, correct = FALSE))$conf.int, x, n, lv))
    e <- t(mapply(function(x, n, l) binom.test(x, n, conf.level = l)$conf.int,
                  x, n, lv))
    c_doubles("P_WILSON_LO", w[, 1],
              "prop.test(x, n, conf.level, correct = FALSE)$conf.int[1]")
    c_doubles("P_WILSON_HI", w[, 2], "and [2]")
    c_doubles("P_EXACT_LO", e[, 1],
              "binom.test(x, n, conf.level = L)$conf.int[1]")
    c_doubles("P_EXACT_HI", e[, 2], "and [2]")
    cat("\n")

    # Feldt intervals: alpha, n, k, level
    fa <- c(0.7037, 0.5, 0.912345, 0.2385, -0.15)
    fn <- c(2709, 13, 100, 7, 30)
    fk <- c(5, 3, 12, 2, 4)
    fl <- c(0.95, 0.9, 0.99, 0.95, 0.8)
    ci <- t(mapply(function(a, n, k, l) {
        r <- psych::alpha.ci(a, n, k, p.val = 1 - l)
        c(r$lower.ci, r$upper.ci)
    }, fa, fn, fk, fl))
    c_doubles("F_ALPHA", fa, "Feldt: alpha")
    c_sizes("F_N", fn, "rows")
    c_sizes("F_K", fk, "items")
    c_doubles("F_LEVEL", fl, "levels")
    c_doubles("F_LO", ci[, 1],
              "psych::alpha.ci(alpha, n, k, p.val = 1 - level)$lower.ci")
    c_doubles("F_HI", ci[, 2], "and $upper.ci")
    cat("\n")

    # frequency tables: codes and counts (a zero among them)
    codes <- c(-2, -1, 0, 1, 2, 3.5)
    counts <- c(3, 0, 7, 11, 2, 1)
    v <- rep(codes, counts)
    c_doubles("T_CODES", codes, "codes", 6)
    c_sizes("T_COUNTS", counts, "their counts")
    c_doubles("T_PCT", 100 * counts / sum(counts), "100 counts / n")
    c_doubles("T_CUM", 100 * cumsum(counts) / sum(counts),
              "100 cumsum(counts) / n")
    c_doubles("T_DESC", c(mean(v), sd(v), median(v)),
              "mean, sd, median of rep(codes, counts)")
    even <- c(4, 1, 0, 5, 0, 0)    # median between two codes
    ve <- rep(codes, even)
    c_sizes("T_EVEN", even, "other counts: an even n, median between codes")
    c_doubles("T_EVEN_DESC", c(mean(ve), sd(ve), median(ve)),
              "their mean, sd, median")
    cat("\n")

    # alpha: 9 respondents, 4 items (high-entropy codes, one item keyed
    # the wrong way), and a 2-item scale
    X <- matrix(c(3, 4, 2, 5,
                  2.5, 3, 1, 4,
                  4, 4, 5, 5,
                  1, 2, 4, 2,
                  5, 5, 3.25, 4,
                  2, 1, 2, 1,
                  3, 4, 1, 5,
                  4, 3, 2, 3,
                  1.5, 2, 5, 2), ncol = 4, byrow = TRUE)
    c_doubles("A_X", as.vector(t(X)), "9 rows of 4 items, row-major", 4)
    a <- psych::alpha(as.data.frame(X), check.keys = FALSE, warnings = FALSE)
    as <- psych::alpha(as.data.frame(X), cumulative = TRUE, check.keys = FALSE,
                       warnings = FALSE)
    ci <- psych::alpha.ci(a$total$raw_alpha, 9, 4)
    c_doubles("A_TOTAL", c(a$total$raw_alpha, a$total$std.alpha, ci$lower.ci,
                           ci$upper.ci, a$total$average_r, a$total$mean,
                           a$total$sd, as$total$mean, as$total$sd),
              paste("psych::alpha: raw, std, Feldt lo, hi, average_r, mean,",
                    "sd; mean, sd with cumulative = TRUE"))
    c_doubles("A_MEAN", a$item.stats$mean, "item.stats$mean")
    c_doubles("A_SD", a$item.stats$sd, "item.stats$sd")
    c_doubles("A_RDROP", a$item.stats$r.drop, "item.stats$r.drop")
    c_doubles("A_RAWR", a$item.stats$raw.r, "item.stats$raw.r")
    c_doubles("A_DROP_RAW", a$alpha.drop$raw_alpha, "alpha.drop$raw_alpha")
    c_doubles("A_DROP_STD", a$alpha.drop$std.alpha, "alpha.drop$std.alpha")
    c_doubles("A_DROP_R", a$alpha.drop$average_r, "alpha.drop$average_r")
    c_doubles("A_COV", as.vector(cov(X)), "cov(X)", 2)
    X2 <- X[, 1:2]
    a2 <- psych::alpha(as.data.frame(X2), check.keys = FALSE, warnings = FALSE)
    c_doubles("A2_TOTAL", c(a2$total$raw_alpha, a2$total$std.alpha,
                            a2$total$average_r, a2$item.stats$r.drop),
              "two items: raw, std, average_r, r.drop of each")
    cat("\n")

    # scores: rowMeans / rowSums with na.rm, NA below a minimum
    S <- c(4, NA, 2.5, 6, NA)
    c_doubles("S_CODES", S, "one respondent's keyed codes (NAN: missing)")
    c_doubles("S_RES", c(mean(S, na.rm = TRUE), sum(S, na.rm = TRUE)),
              "mean(x, na.rm = TRUE), sum(x, na.rm = TRUE)")
    cat("/* END R REFERENCE VALUES */\n")
}

if ("--unit" %in% args) {
    unit_values()
} else {
    run_cases("freq", freq_case)
    run_cases("score", score_case)
    run_cases("alpha", alpha_case)
    run_cases("warning", alpha_case, errors = TRUE)
    cat(sprintf("R %s, psych %s\n",
                paste(R.version$major, R.version$minor, sep = "."),
                packageVersion("psych")))
}
