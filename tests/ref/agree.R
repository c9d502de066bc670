# agree.R - the expected output of the sk-agree golden tests, by R.
#
# Run it from the source root:
#
#     Rscript tests/ref/agree.R                # tests/agree/expected/*.tsv
#     Rscript tests/ref/agree.R --make-inputs  # also rewrite the inputs
#                                              # (see make_inputs)
#
# Made with R 4.2.2 Patched (2022-11-10 r83330), vcd 1.4.11, psych 2.2.9
# (Debian packages r-base-core, r-cran-vcd, r-cran-psych). 'make check'
# never runs R: the expected files are kept in the tree; run this again
# only when a case or an input changes, and review the diff.
#
# For each line NAME<TAB>ARGUMENTS of tests/agree/cases.tab it parses the
# sk-agree arguments itself, reads the input as text (read.csv /
# read.delim, check.names = FALSE, na.strings = the --na tokens and empty
# cells, strip.white, every column as text), reads the rated columns by
# as.numeric or, with --codebook, as the codes of their labels (a level's
# label, ASCII case and the blanks around it ignored, or its code), forms
# the n x k matrix of the complete targets and computes every output column
# independently of sk-agree:
#   the targets       wide form (-p A:B, --suffix, --prefix as sk-paired):
#                     one row per target, a = column A, b = column B;
#                     long form (--id, --within, --levels=A,B, --value):
#                     the ids (first-seen, within the -g group) of the rows
#                     at level A or B, a = the value at A, b = at B; an id
#                     with a side missing or absent is dropped; -c LIST:
#                     the k columns, rows with any rating missing dropped.
#                     n = complete targets, n_dropped = the others.
#   pct_exact         100 * mean(a == b); pct_adjacent 100 * mean(|a - b| <=
#                     --adjacent)
#   kappa, wkappa     vcd::Kappa(table(factor(a, cats), factor(b, cats)),
#                     weights = "Fleiss-Cohen" (quadratic) or
#                     "Equal-Spacing" (linear)); the intervals
#                     confint(K, level = --level): kappa -+ qnorm((1 +
#                     level) / 2) ASE (Fleiss, Cohen & Everitt 1969), cut
#                     to [-1, 1]. cats: the codebook's declared levels of
#                     the item, in order; without one every integer from
#                     the lowest to the highest code of either rating
#   icc*              psych::ICC(x, lmer = FALSE, alpha = 1 - level): ICC1,
#                     ICC2, ICC3, ICC1k, ICC2k, ICC3k and their "lower
#                     bound", "upper bound" (icc1 = ICC1, icc_a1 = ICC2,
#                     icc_c1 = ICC3, icc1k, icc_ak, icc_ck the k forms).
#                     The mean squares are also computed here by hand
#                     (two-way ANOVA without interaction) and psych's ICCs
#                     checked against the formulas to 1e-12
#   r, r_lo, r_hi     cor.test(a, b, conf.level = level): Pearson, Fisher z
#                     interval (n >= 4; NA for n = 3, where R gives none)
#   mean_diff         mean(b - a)
# With -c and k > 2 the pair statistics (pct_*, kappa, wkappa, r,
# mean_diff) are NA, rater_a and rater_b NA; with -c and k = 2 they are
# computed on the two columns, rater_a and rater_b still NA.
#
# Where R stops, or gives NaN, the values are set by hand (agree_row), by
# the definitions: n = 0: every statistic NA (the counts and k written);
# n >= 1: pct_exact, pct_adjacent, mean_diff and kappa (vcd works with one
# pair); ICCs need n >= 2 (psych's aov has no residual df with one target);
# r needs n >= 2 and both raters varying: for n = 2 cor.test stops ("not
# enough finite observations"), and r = cor(a, b) = +-1 by the definition
# is written, with no interval; with a rater constant r is NA (cor's 0/0).
# Every rating in one category: pe = 1, kappa 0/0 (vcd's NaN): kappa,
# wkappa and the intervals NA. A code that is not an integer (no
# codebook): kappa and wkappa NA. Residual mean square MSE = 0 exactly
# (each rater's column the first one's plus a constant; checked exactly,
# not on aov's rounded sums of squares) with MSB > 0: the ICCs by their
# formulas with MSE = 0 (icc_c1 = icc_ck = 1, and icc1 = icc_a1 = 1 when
# the raters also agree in level), the intervals whose F = MSB / MSE is
# infinite NA (psych's bounds NaN); ICC1's F = MSB / MSW is finite when the
# raters differ by a constant, and its bounds are psych's. Every rating the same
# value: every ICC and interval NA (0/0). vcd's ASE of a kappa of exactly
# 1 is sqrt of a rounding error around 0 (NaN when it is below): it is 0
# by the formula, and written as 0 (interval [1, 1]).
#
# The note column is derived here from the conditions (texts from the
# brief), joined by "; " in this order: "no complete pairs" (n = 0), "one
# pair" (n = 1), "kappa undefined: every rating in one category" (pe = 1),
# "kappa needs integer codes or a codebook", "no variance in rater 'X'"
# (rater_a then rater_b, when r is computed, i.e. k = 2 and n >= 2; X the
# level, the column, or with -c the column name), "perfect agreement: the
# ICC intervals are undefined" (MSE = 0 and MSW = 0, MSB > 0, n >= 2) or
# "the raters differ by a constant: the two-way ICC intervals are
# undefined" (MSE = 0, MSW > 0), "no variance at
# all: the ICCs are undefined" (n >= 2, every rating the same value).
#
# Where references disagree, and which is right:
#   weighted kappa's interval: psych::cohen.kappa (2.2.9) on bfi C1:C2
#     gives [0.3176, 0.5315] around 0.4245, vcd [0.3872, 0.4619] (the
#     issue's [0.387, 0.462]); vcd's ASE is the large-sample variance of
#     Fleiss, Cohen & Everitt (1969), psych's is not (it is too wide):
#     vcd is right and is used; the unweighted intervals agree.
#   MSE = 0: psych's aov leaves MSE at a rounding error (about 1e-32)
#     instead of 0, and then gives finite nonsense: on edges' shift pair
#     (b = a + 1) an ICC(2,1) interval [0.0057, 0.978] and an ICC(3,1)
#     interval [1, 1]. Here MSE = 0 is found exactly and the intervals
#     whose F (MSB / MSE) is infinite are NA, as the brief asks. The brief
#     asks NA for all six; but ICC(1,1)'s F = MSB / MSW is finite when the
#     raters differ by a constant (MSW > 0), and psych's ICC1 and ICC1k
#     bounds there ([0.40858, 0.96285], [0.58013, 0.98108]) are right.
#     They are written (the rule: NA for the intervals whose F is
#     infinite), and sk-agree writes them too.
#   ICC(A,k)'s lower bound (psych's Spearman-Brown of ICC(2,1)'s bound,
#     algebraically McGraw & Wong's own formula n (MSB - F MSE) / (F (MSJ -
#     MSE) + n MSB)) passes a pole when the denominator is 0: on edges'
#     three pair (n = 3, MSJ = 0, Satterthwaite df 2) it is 4.9 at level
#     0.95, above the estimate 0.889, and at level 0.9 qf(0.95, 2, 2) = 19
#     = n MSB / MSE exactly, so the bound is 1/0 (R 9.0e15, sk-agree
#     -2.3e15: rounding picks the sign). Both are what the formula gives;
#     the cases avoid the pole (edges-linear-80-adjacent0 is at level 0.8).
#   rater_a, rater_b with -c: NA, as the brief says, also when k = 2.
#   The names (README, "Names and units"): variable A:B for -p A:B, the
#     stem for --suffix and --prefix (mood of mood_pre, mood_post), the
#     --value column in the long form (the raters then the levels);
#     difference "rater_b - rater_a" in those names, NA with -c.
# The published anchor: Shrout & Fleiss (1979), Table 2 (the example of
# ?psych::ICC): ICC(1,1) .17, ICC(2,1) .29, ICC(3,1) .71, ICC(1,4) .44,
# ICC(2,4) .62, ICC(3,4) .91 (tests/agree-golden.sh checks them as text).
#
# Numbers are written with sprintf("%.17g") (Inf, -Inf; NA for NA and NaN)
# so that the comparison tolerance (tests/tsvcmp.awk, 1e-9 relative in
# tests/agree-golden.sh), not R's rounding, decides.

options(warn = 2)    # an unparsable number must stop us, not become NA
suppressPackageStartupMessages({
    library(vcd)
    library(psych)
})

cases_file <- "tests/agree/cases.tab"
input_dir <- "tests/agree/input"
expected_dir <- Sys.getenv("AGREE_EXPECTED_DIR", "tests/agree/expected")
if (!file.exists(cases_file))
    stop("run this from the source root: Rscript tests/ref/agree.R")

## ---- the inputs ----------------------------------------------------------
## Public data (vcd's tables expanded to one row per target, Shrout &
## Fleiss's example, rows of psych's bfi) and made-up edge cases; their
## provenance is also in tests/agree/input/README.
make_inputs <- function() {
    w <- function(lines, name) {
        path <- file.path(input_dir, name)
        con <- file(path, "wb")
        writeLines(lines, con)
        close(con)
        cat("wrote", path, "\n")
    }
    dir.create(input_dir, showWarnings = FALSE, recursive = TRUE)
    ## Shrout & Fleiss (1979), Table 1: 6 targets rated by 4 judges (the
    ## example of ?psych::ICC)
    sf <- matrix(c(9, 2, 5, 8, 6, 1, 3, 2, 8, 4, 6, 8, 7, 1, 2, 6,
                   10, 5, 6, 9, 6, 2, 4, 7), ncol = 4, byrow = TRUE)
    w(c("target,J1,J2,J3,J4", paste(1:6, sf[, 1], sf[, 2], sf[, 3], sf[, 4],
                                   sep = ",")), "shrout-fleiss.csv")
    ## vcd::SexualFun (Hout, Duncan & Sobel 1987): 91 couples, husband's
    ## and wife's rating of "sex is fun for me and my partner" (1 Never
    ## Fun, 2 Fairly Often, 3 Very Often, 4 Always fun), rows = husband;
    ## one row per couple (wide) and one row per partner (long, rows in a
    ## random order, seed below)
    sfun <- vcd::SexualFun
    h <- integer(0)
    wf <- integer(0)
    for (i in 1:4) for (j in 1:4) {
        h <- c(h, rep(i, sfun[i, j]))
        wf <- c(wf, rep(j, sfun[i, j]))
    }
    w(c("couple,husband,wife", paste(seq_along(h), h, wf, sep = ",")),
      "sexualfun.csv")
    set.seed(20261202)
    lng <- data.frame(couple = rep(seq_along(h), 2),
                      role = rep(c("husband", "wife"), each = length(h)),
                      fun = c(h, wf))
    lng <- lng[sample(nrow(lng)), ]
    w(c("couple,role,fun", paste(lng$couple, lng$role, lng$fun, sep = ",")),
      "sexualfun-long.csv")
    ## vcd::MSPatients (Landis & Koch 1977; Westlund & Kurland 1953): the
    ## diagnosis of multiple sclerosis (1 Certain, 2 Probable, 3 Possible,
    ## 4 Doubtful) by a New Orleans and a Winnipeg neurologist, for the
    ## patients of Winnipeg (149) and of New Orleans (69)
    ms <- vcd::MSPatients
    rows <- character(0)
    for (p in 1:2) for (i in 1:4) for (j in 1:4)
        rows <- c(rows, rep(sprintf("%s,%d,%d", dimnames(ms)[[3]][p], i, j),
                            ms[i, j, p]))
    w(c("patient,patients,new_orleans,winnipeg",
        paste(seq_along(rows), rows, sep = ",")), "mspatients.csv")
    ## bfi rows (datasets/bfi.csv, psych's bfi)
    bfi <- read.csv("datasets/bfi.csv", colClasses = "character",
                    na.strings = character(0))
    ## dyad.csv: the first 30 respondents as 15 pairs (respondents 2i - 1
    ## and 2i), "exec" and "partner" (pairs 4 and 9 with the partner's row
    ## first), items C1, C2, A2 as they answered (NA kept: some pairs have a
    ## side missing), one more missing answer made (pair 6's partner's C1),
    ## and pair 15's partner row left out (an id at one level only); made-up
    ## sites north (pairs 1-8) and south (9-15) for -g
    d <- bfi[1:30, c("C1", "C2", "A2")]
    d$pair <- rep(1:15, each = 2)
    d$role <- rep(c("exec", "partner"), 15)
    d$C1[12] <- "NA"
    d$site <- ifelse(d$pair <= 8, "north", "south")
    ord <- 1:30
    for (p in c(4, 9)) ord[2 * p - 1:0] <- ord[2 * p - 0:1]
    d <- d[ord, ]
    d <- d[!(d$pair == 15 & d$role == "partner"), ]
    w(c("pair,site,role,C1,C2,A2", paste(d$pair, d$site, d$role, d$C1,
                                         d$C2, d$A2, sep = ",")), "dyad.csv")
    ## bfi60: the first 60 respondents (from the top of bfi.csv) with
    ## neither C1 nor C2 nor C3 at 1 (Very Inaccurate: the level nobody
    ## chose), as codes and as the labels of datasets/bfi-codebook.csv
    ## (case and blanks varied, a few as codes; the other columns of bfi.csv
    ## as they are)
    keep <- which(bfi$C1 != "1" & bfi$C2 != "1" & bfi$C3 != "1")[1:60]
    b60 <- bfi[keep, c("id", "C1", "C2", "C3", "gender")]
    w(c("id,C1,C2,C3,gender", paste(b60$id, b60$C1, b60$C2, b60$C3,
                                    b60$gender, sep = ",")), "bfi60.csv")
    acc <- c("Very Inaccurate", "Moderately Inaccurate",
             "Slightly Inaccurate", "Slightly Accurate",
             "Moderately Accurate", "Very Accurate")
    lab <- function(v, k) {
        ok <- v != "NA"
        i <- seq_along(v)
        out <- v
        out[ok] <- acc[as.integer(v[ok])]
        up <- ok & i %% 5 == k
        out[up] <- toupper(out[up])
        low <- ok & i %% 7 == k
        out[low] <- paste0(" ", tolower(out[low]), " ")
        code <- ok & i %% 11 == k
        out[code] <- v[code]
        out
    }
    # every item of the codebook is a column (sk-agree requires it): the
    # other items as codes
    b60 <- bfi[keep, ]
    b60$C1 <- lab(b60$C1, 1)
    b60$C2 <- lab(b60$C2, 2)
    b60$C3 <- lab(b60$C3, 3)
    w(c(paste(names(b60), collapse = ","),
        do.call(paste, c(unname(as.list(b60)), sep = ","))),
      "bfi60-labels.csv")
    ## edges.csv: made up, 8 targets, pairs NAME_a:NAME_b (--suffix=_a:_b):
    ##   perf   perfect agreement (kappa 1, MSE = 0)
    ##   shift  b = a + 1 (MSE = 0, the raters differ by a constant)
    ##   const  rater a constant (3), b varies
    ##   same   every rating 4 (kappa paradox, no variance at all)
    ##   none   no complete pair
    ##   one    one complete pair (2, 3)
    ##   two    two complete pairs
    ##   three  three complete pairs (r without interval)
    ##   dec    a code that is not an integer
    ##   gap    codes 1, 2, 5 only (3 and 4 count as categories: the
    ##          weights are by code, not by rank among the codes seen)
    w(c(paste0("target,", paste(paste0(rep(c("perf", "shift", "const",
        "same", "none", "one", "two", "three", "dec", "gap"), each = 2),
        c("_a", "_b")), collapse = ",")),
        "1,1,1,1,2,3,1,4,4,,,2,3,1,2,1,1,1,1.5,1,1",
        "2,2,2,2,3,3,2,4,4,NA,,,1,3,3,2,3,2,2,1,2",
        "3,3,3,3,4,3,3,4,4,,2,,,,,4,3,2.5,3,2,2",
        "4,4,4,4,5,3,4,4,4,,,3,,,2,,,3,3,5,5",
        "5,5,5,5,6,3,5,4,4,1,,,,,,,,3,2.5,2,1",
        "6,2,2,2,3,3,2,4,4,,,NA,4,,,,,1,1,5,2",
        "7,3,3,5,6,3,3,4,4,,,,,,,,,2,2,1,1",
        "8,1,1,1,2,3,1,4,4,,,,,,,,,1,1,2,5"), "edges.csv")
    ## severity: made up (seed below), 20 targets rated by two raters on
    ## a scale coded 0 none, 1 mild, 2 moderate, 4 severe (3 unused): as
    ## the labels of severity-codebook.csv (kappa's categories its 4
    ## declared levels, weights by their position) and as codes
    ## (categories 0..4, weights by the code)
    set.seed(20261203)
    codes <- c(0, 1, 2, 4)
    labs <- c("none", "mild", "moderate", "severe")
    truth <- sample(1:4, 20, TRUE, c(.3, .3, .25, .15))
    r1 <- pmin(4, pmax(1, truth + sample(-1:1, 20, TRUE, c(.15, .7, .15))))
    r2 <- pmin(4, pmax(1, truth + sample(-1:1, 20, TRUE, c(.2, .6, .2))))
    w(c("target,r1,r2", paste(1:20, labs[r1], labs[r2], sep = ",")),
      "severity.csv")
    w(c("target,r1,r2", paste(1:20, codes[r1], codes[r2], sep = ",")),
      "severity-codes.csv")
    w(c("type,name,code,label,levels,scale,reverse",
        sprintf("level,severity,%d,%s,,,", codes, labs),
        sprintf("item,%s,,,severity,,no", c("r1", "r2"))),
      "severity-codebook.csv")
    ## edges.tsv: the pairs perf, const, two and gap of edges.csv as a TSV
    ## with -99 for missing
    e <- read.csv(file.path(input_dir, "edges.csv"), colClasses = "character",
                  na.strings = c("", "NA"))
    e <- e[, c("target", "perf_a", "perf_b", "const_a", "const_b", "two_a",
               "two_b", "gap_a", "gap_b")]
    e[is.na(e)] <- "-99"
    w(c(paste(names(e), collapse = "\t"), do.call(paste, c(unname(as.list(e)),
      sep = "\t"))), "edges.tsv")
}
if ("--make-inputs" %in% commandArgs(trailingOnly = TRUE))
    make_inputs()

## ---- the command line ----------------------------------------------------
parse_args <- function(words) {
    o <- list(pairs = character(0), suffix = NULL, prefix = NULL, id = NULL,
              within = NULL, levels = NULL, value = NULL, columns = NULL,
              by = NULL, tsv = FALSE, na = "NA", level = 0.95,
              weights = "Fleiss-Cohen", adjacent = 1, codebook = NULL,
              file = NULL)
    i <- 1
    while (i <= length(words)) {
        w <- words[i]
        key <- sub("=.*", "", w)
        long <- switch(key, "-p" = , "--pair" = "pair", "--suffix" = "suffix",
                       "--prefix" = "prefix", "--id" = "id",
                       "--within" = "within", "--levels" = "levels",
                       "--value" = "value", "-c" = , "--columns" = "columns",
                       "-g" = , "--by" = "by", "--na" = "na",
                       "--level" = "level", "--weights" = "weights",
                       "--adjacent" = "adjacent", "--codebook" = "codebook",
                       NA)
        if (w %in% c("-t", "--tsv")) {
            o$tsv <- TRUE
        } else if (!is.na(long)) {
            if (grepl("=", w)) {
                v <- sub("^[^=]*=", "", w)
            } else {
                i <- i + 1
                v <- words[i]
            }
            if (is.na(v)) stop("option ", w, " needs a value")
            switch(long,
                pair = o$pairs <- c(o$pairs, v),
                level = o$level <- as.numeric(v),
                adjacent = o$adjacent <- as.numeric(v),
                na = o$na <- strsplit(v, ",", fixed = TRUE)[[1]],
                levels = o$levels <- strsplit(v, ",", fixed = TRUE)[[1]],
                weights = o$weights <- switch(v, quadratic = "Fleiss-Cohen",
                                              linear = "Equal-Spacing"),
                o[[long]] <- v)
        } else if (startsWith(w, "-")) {
            stop("option not known to agree.R: ", w)
        } else {
            if (!is.null(o$file)) stop("more than one file: ", w)
            o$file <- w
        }
        i <- i + 1
    }
    if (is.null(o$file)) stop("no input file")
    o
}

## Column selection as sk-describe -c: names, 1-based numbers, N-M, A:B;
## a name wins over a number (as tests/ref/paired.R).
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
select_cols <- function(spec, names) {
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
## --pair A:B, split at the first ':' where both sides are columns.
resolve_pair <- function(spec, names) {
    colons <- gregexpr(":", spec, fixed = TRUE)[[1]]
    for (k in colons) {
        a <- resolve_col(substr(spec, 1, k - 1), names)
        b <- resolve_col(substring(spec, k + 1), names)
        if (!is.na(a) && !is.na(b)) return(c(a, b))
    }
    stop("bad --pair ", spec)
}
## --suffix / --prefix: every column with the first affix (and something
## more) paired with the first column that has the same stem and the second
## affix, in column order (as sk-paired).
affix_pairs <- function(spec, names, prefix) {
    parts <- regmatches(spec, regexpr(":", spec, fixed = TRUE), invert = TRUE)
    s1 <- parts[[1]][1]
    s2 <- parts[[1]][2]
    out <- list()
    for (a in seq_along(names)) {
        nm <- names[a]
        if (nchar(nm) <= nchar(s1)) next
        if (prefix) {
            if (!startsWith(nm, s1)) next
            stem <- substring(nm, nchar(s1) + 1)
            want <- paste0(s2, stem)
        } else {
            if (!endsWith(nm, s1)) next
            stem <- substr(nm, 1, nchar(nm) - nchar(s1))
            want <- paste0(stem, s2)
        }
        b <- which(names == want & seq_along(names) != a)
        if (length(b))    # the variable: the stem
            out[[length(out) + 1]] <- structure(c(a, b[1]), var = stem)
    }
    if (!length(out)) stop("nothing matches ", spec)
    out
}

## The table, every column as text, missing tokens (and empty cells) NA.
read_input <- function(o) {
    args <- list(file = o$file, header = TRUE, colClasses = "character",
                 na.strings = unique(c(o$na, "")), strip.white = TRUE,
                 check.names = FALSE, fileEncoding = "UTF-8-BOM",
                 comment.char = "", fill = FALSE, blank.lines.skip = TRUE,
                 stringsAsFactors = FALSE)
    do.call(if (o$tsv) utils::read.delim else utils::read.csv, args)
}

## ---- the codebook (as tests/ref/compare.R; level sets and items) ---------
read_codebook <- function(path) {
    cb <- read.csv(path, colClasses = "character", na.strings = character(0),
                   strip.white = TRUE, check.names = FALSE)
    names(cb) <- tolower(names(cb))
    for (f in c("code", "label", "levels", "reverse"))
        if (is.null(cb[[f]])) cb[[f]] <- ""
    cb$type <- tolower(cb$type)
    lv <- cb[cb$type == "level", ]
    sets <- list()
    for (s in unique(lv$name)) {
        r <- lv[lv$name == s, ]
        code <- as.numeric(r$code)
        lab <- ifelse(r$label == "", r$code, r$label)
        sets[[paste0("set:", s)]] <- list(code = code, label = lab)
    }
    it <- cb[cb$type == "item", ]
    items <- lapply(seq_len(nrow(it)), function(i) {
        set <- if (it$levels[i] == "") names(sets)[1]
               else paste0("set:", it$levels[i])
        c(sets[[set]], reverse = tolower(it$reverse[i]) %in%
              c("yes", "y", "true", "1"))
    })
    names(items) <- it$name
    items
}
trim <- function(s) gsub("^[ \t]+|[ \t]+$", "", s)
## Codes of one column's answers (text, NA missing): with a level set its
## labels (case and blanks ignored) or codes; without, numbers.
column_values <- function(text, set) {
    if (is.null(set)) return(as.numeric(text))
    if (set$reverse) stop("agree.R does not reverse-key")
    out <- rep(NA_real_, length(text))
    ok <- !is.na(text)
    t <- trim(text[ok])
    hit <- match(tolower(t), tolower(set$label))
    num <- suppressWarnings(as.numeric(t))
    code <- ifelse(is.na(hit), num, set$code[hit])
    if (anyNA(code) || !all(code %in% set$code))
        stop("an answer that is not a level")
    out[ok] <- code
    out
}

relclose <- function(x, y, tol) abs(x - y) <= tol * max(abs(x), abs(y), 1e-300)

## ---- one row -------------------------------------------------------------
## x: the n x k matrix of complete targets; dropped: the others; raters:
## the names for the notes (NULL with -c: the column names); cats: the
## codebook's codes or NULL.
stat_names <- c("pct_exact", "pct_adjacent", "kappa", "kappa_lo",
                "kappa_hi", "wkappa", "wkappa_lo", "wkappa_hi", "icc1",
                "icc1_lo", "icc1_hi", "icc_a1", "icc_a1_lo", "icc_a1_hi",
                "icc_c1", "icc_c1_lo", "icc_c1_hi", "r", "r_lo", "r_hi",
                "mean_diff")
icc_names <- c("icc1k", "icc1k_lo", "icc1k_hi", "icc_ak", "icc_ak_lo",
               "icc_ak_hi", "icc_ck", "icc_ck_lo", "icc_ck_hi")

agree_row <- function(x, dropped, raters, cats, o) {
    n <- nrow(x)
    k <- ncol(x)
    s <- as.list(setNames(rep(NA_real_, length(stat_names) + length(icc_names)),
                          c(stat_names, icc_names)))
    s$n <- n
    s$n_dropped <- dropped
    s$k <- k
    notes <- character(0)
    level <- o$level
    if (n == 0) notes <- c(notes, "no complete pairs")
    if (n == 1) notes <- c(notes, "one pair")
    if (k == 2 && n >= 1) {
        a <- x[, 1]
        b <- x[, 2]
        s$pct_exact <- 100 * mean(a == b)
        s$pct_adjacent <- 100 * mean(abs(a - b) <= o$adjacent)
        s$mean_diff <- mean(b - a)
        ## kappa
        if (is.null(cats) && any(c(a, b) != round(c(a, b)))) {
            kap_note <- "kappa needs integer codes or a codebook"
        } else {
            kap_note <- NULL
            cc <- if (is.null(cats)) seq(min(a, b), max(a, b)) else cats
            tab <- table(factor(a, levels = cc), factor(b, levels = cc))
            if (sum(tab) != n) stop("a code outside the categories")
            if (length(unique(c(a, b))) == 1) {
                # pe = 1: vcd gives NaN (0/0)
                notes <- c(notes,
                           "kappa undefined: every rating in one category")
            } else {
                K <- withCallingHandlers(
                    Kappa(unclass(tab), weights = o$weights),
                    warning = function(w)
                        if (grepl("NaNs produced", conditionMessage(w)))
                            invokeRestart("muffleWarning"))
                for (part in c("Unweighted", "Weighted")) {
                    # vcd's ASE of a kappa of 1 is sqrt of rounding error
                    # around 0: 0 by the formula
                    if (is.nan(K[[part]][2]) && K[[part]][1] == 1)
                        K[[part]][2] <- 0
                    if (!is.finite(K[[part]][2])) stop("vcd's ASE ", part)
                }
                ci <- confint(K, level = level)
                s$kappa <- unname(K$Unweighted[1])
                s$kappa_lo <- ci[1, 1]
                s$kappa_hi <- ci[1, 2]
                s$wkappa <- unname(K$Weighted[1])
                s$wkappa_lo <- ci[2, 1]
                s$wkappa_hi <- ci[2, 2]
                # a check of vcd's kappa against the definition
                p <- tab / n
                pe <- sum(rowSums(p) * colSums(p))
                if (!relclose((sum(diag(p)) - pe) / (1 - pe), s$kappa, 1e-12)
                    && abs(s$kappa) > 1e-15) stop("kappa")
            }
        }
        if (!is.null(kap_note)) notes <- c(notes, kap_note)
        ## r
        if (n >= 2) {
            if (sd(a) == 0)
                notes <- c(notes, sprintf("no variance in rater '%s'",
                                          raters[1]))
            if (sd(b) == 0)
                notes <- c(notes, sprintf("no variance in rater '%s'",
                                          raters[2]))
            if (sd(a) > 0 && sd(b) > 0) {
                if (n >= 3) {
                    ct <- cor.test(a, b, conf.level = level)
                    s$r <- unname(ct$estimate)
                    if (n >= 4) {
                        s$r_lo <- ct$conf.int[1]
                        s$r_hi <- ct$conf.int[2]
                    } else if (!is.null(ct$conf.int)) stop("cor.test n = 3")
                } else {
                    # n = 2: cor.test stops; r is +-1 by the definition
                    s$r <- cor(a, b)
                }
            }
        }
    }
    ## ICCs
    if (n >= 2) {
        gm <- mean(x)
        rm <- rowMeans(x)
        cm <- colMeans(x)
        MSB <- k * sum((rm - gm)^2) / (n - 1)
        MSJ <- n * sum((cm - gm)^2) / (k - 1)
        res <- x - outer(rm, rep(1, k)) - outer(rep(1, n), cm) + gm
        MSE <- sum(res^2) / ((n - 1) * (k - 1))
        MSW <- sum((x - rm)^2) / (n * (k - 1))
        additive <- all(x - outer(rep(1, n), x[1, ]) ==
                        outer(x[, 1] - x[1, 1], rep(1, k)))
        if (all(x == x[1, 1])) {
            notes <- c(notes, "no variance at all: the ICCs are undefined")
        } else if (additive && any(rm != rm[1])) {
            # MSE = 0 exactly: the formulas; psych's F infinite
            MSE <- 0
            notes <- c(notes, if (MSW == 0)
                       "perfect agreement: the ICC intervals are undefined"
                       else "the raters differ by a constant: the two-way ICC intervals are undefined")
            s$icc1 <- (MSB - MSW) / (MSB + (k - 1) * MSW)
            s$icc_a1 <- MSB / (MSB + k * MSJ / n)
            s$icc_c1 <- 1
            s$icc1k <- (MSB - MSW) / MSB
            s$icc_ak <- MSB / (MSB + MSJ / n)
            s$icc_ck <- 1
            # check against psych: its ICCs within 1e-9 of the formulas
            pr <- psych::ICC(x, lmer = FALSE, alpha = 1 - level)$results
            if (!relclose(pr$ICC[1], s$icc1, 1e-9) ||
                !relclose(pr$ICC[2], s$icc_a1, 1e-9))
                stop("psych's ICC with MSE = 0")
            # ICC(1,1)'s F = MSB / MSW is finite when MSW > 0 (raters a
            # constant apart): psych's ICC1 and ICC1k bounds are right
            if (MSW > 0) {
                s$icc1_lo <- pr[["lower bound"]][1]
                s$icc1_hi <- pr[["upper bound"]][1]
                s$icc1k_lo <- pr[["lower bound"]][4]
                s$icc1k_hi <- pr[["upper bound"]][4]
            }
        } else if (additive) {
            stop("MSE = 0 and MSB = 0: not in these cases")
        } else {
            pr <- psych::ICC(x, lmer = FALSE, alpha = 1 - level)$results
            keys <- c("icc1", "icc_a1", "icc_c1", "icc1k", "icc_ak",
                      "icc_ck")
            for (j in 1:6) {
                s[[keys[j]]] <- pr$ICC[j]
                s[[paste0(keys[j], "_lo")]] <- pr[["lower bound"]][j]
                s[[paste0(keys[j], "_hi")]] <- pr[["upper bound"]][j]
            }
            want <- c((MSB - MSW) / (MSB + (k - 1) * MSW),
                      (MSB - MSE) / (MSB + (k - 1) * MSE + k * (MSJ - MSE) / n),
                      (MSB - MSE) / (MSB + (k - 1) * MSE),
                      (MSB - MSW) / MSB,
                      (MSB - MSE) / (MSB + (MSJ - MSE) / n),
                      (MSB - MSE) / MSB)
            for (j in 1:6)
                if (abs(pr$ICC[j] - want[j]) > 1e-12 * max(1, abs(want[j])))
                    stop(sprintf("psych's %s %.17g, the formula %.17g",
                                 keys[j], pr$ICC[j], want[j]))
            if (anyNA(unlist(s[c(keys, paste0(keys, "_lo"),
                                 paste0(keys, "_hi"))])))
                stop("psych gave NA")
        }
    }
    s$note <- if (length(notes)) paste(notes, collapse = "; ") else NA
    s
}

fmt_num <- function(v) {
    if (is.null(v) || is.na(v)) return("NA")
    if (is.infinite(v)) return(if (v > 0) "Inf" else "-Inf")
    if (v == 0) v <- 0    # no "-0"
    sprintf("%.17g", v)
}
text_cell <- function(s) if (is.na(s)) "NA" else gsub("[\t\r\n]", " ", s)

run_case <- function(name, argstr) {
    o <- parse_args(strsplit(trimws(argstr), "[ \t]+")[[1]])
    chr <- read_input(o)
    names <- colnames(chr)
    cb <- if (is.null(o$codebook)) NULL else read_codebook(o$codebook)
    by <- if (is.null(o$by)) NA else {
        k <- resolve_col(o$by, names)
        if (is.na(k)) stop("no group column ", o$by)
        k
    }
    if (!is.na(by)) {
        g <- chr[[by]]
        if (anyNA(g)) stop("missing -g value (not in these cases)")
        groups <- unique(g)
    } else {
        g <- rep("", nrow(chr))
        groups <- ""
    }
    ## the comparisons: list(cols, variable, rater_a, rater_b, form)
    cmps <- list()
    long <- !is.null(o$id)
    if (!is.null(o$columns)) {
        cols <- select_cols(o$columns, names)
        cmps[[1]] <- list(cols = cols, variable = o$columns, ra = NA,
                          rb = NA, raters = names[cols])
    } else if (long) {
        lv <- o$levels
        idc <- resolve_col(o$id, names)
        wc <- resolve_col(o$within, names)
        for (k in select_cols(o$value, names))
            cmps[[length(cmps) + 1]] <- list(cols = k, variable = names[k],
                                             ra = lv[1], rb = lv[2],
                                             raters = lv)
    } else {
        prs <- lapply(o$pairs, resolve_pair, names = names)
        if (!is.null(o$suffix))
            prs <- c(prs, affix_pairs(o$suffix, names, FALSE))
        if (!is.null(o$prefix))
            prs <- c(prs, affix_pairs(o$prefix, names, TRUE))
        # the variable: A:B of -p, the stem of an affix (README, "Names
        # and units")
        for (p in prs)
            cmps[[length(cmps) + 1]] <- list(cols = p,
                variable = if (is.null(attr(p, "var")))
                               paste(names[p], collapse = ":")
                           else attr(p, "var"),
                ra = names[p[1]], rb = names[p[2]], raters = names[p])
    }
    num <- lapply(chr, function(col) NULL)
    for (k in unique(unlist(lapply(cmps, `[[`, "cols"))))
        num[[k]] <- column_values(chr[[k]],
                                  if (is.null(cb)) NULL else cb[[names[k]]])
    cats <- NULL
    if (!is.null(cb)) {
        sets <- lapply(cmps[[1]]$cols, function(k) cb[[names[k]]]$code)
        if (any(vapply(sets, function(s) !identical(s, sets[[1]]), TRUE)))
            stop("items with different level sets")
        cats <- sets[[1]]
    }
    rows <- list()
    labels <- list()
    for (cm in cmps) {
        for (gr in groups) {
            sel <- g == gr
            if (long) {
                at <- sel & !is.na(chr[[wc]]) & chr[[wc]] %in% lv
                ids <- chr[[idc]][at]
                if (anyNA(ids)) stop("missing id")
                lvl <- chr[[wc]][at]
                v <- num[[cm$cols]][at]
                for (l in lv) if (anyDuplicated(ids[lvl == l]))
                    stop("an id twice at one level")
                uid <- unique(ids)
                x <- cbind(v[lvl == lv[1]][match(uid, ids[lvl == lv[1]])],
                           v[lvl == lv[2]][match(uid, ids[lvl == lv[2]])])
            } else {
                x <- do.call(cbind, lapply(cm$cols, function(k) num[[k]][sel]))
            }
            ok <- rowSums(is.na(x)) == 0
            rows[[length(rows) + 1]] <- agree_row(x[ok, , drop = FALSE],
                                                  sum(!ok), cm$raters, cats, o)
            labels[[length(labels) + 1]] <- c(cm$variable, cm$ra, cm$rb,
                                              if (!is.na(by)) gr)
        }
    }
    header <- c("variable", "rater_a", "rater_b", if (!is.na(by)) "group",
                "n", "n_dropped", stat_names, "k", icc_names, "difference",
                "note")
    out <- paste(header, collapse = "\t")
    for (i in seq_along(rows)) {
        s <- rows[[i]]
        cells <- vapply(labels[[i]], text_cell, "")
        cells <- c(cells, sprintf("%d", as.integer(c(s$n, s$n_dropped))),
                   vapply(stat_names, function(h) fmt_num(s[[h]]), ""),
                   sprintf("%d", as.integer(s$k)),
                   vapply(icc_names, function(h) fmt_num(s[[h]]), ""),
                   # what mean_diff is the mean of: rater_b - rater_a
                   text_cell(if (is.na(labels[[i]][2])) NA
                             else paste(labels[[i]][3], "-", labels[[i]][2])),
                   text_cell(s$note))
        out <- c(out, paste(cells, collapse = "\t"))
    }
    path <- file.path(expected_dir, paste0(name, ".tsv"))
    con <- file(path, "wb")    # LF line ends on every platform
    writeLines(out, con)
    close(con)
    length(out) - 1
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
    cat(sprintf("%-32s %3d rows\n", name, nrows))
}
stale <- setdiff(old, paste0(seen, ".tsv"))
if (length(stale))
    message("expected files without a case (remove them): ",
            paste(stale, collapse = " "))
cat(sprintf("%d cases, R %s, vcd %s, psych %s\n", length(seen),
            paste(R.version$major, R.version$minor, sep = "."),
            packageVersion("vcd"), packageVersion("psych")))
