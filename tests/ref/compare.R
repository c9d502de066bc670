# compare.R - the expected output of the sk-compare golden tests, by R.
#
# Run it from the source root:
#
#     Rscript tests/ref/compare.R                # tests/compare/expected/*.tsv
#     Rscript tests/ref/compare.R --make-inputs  # also rewrite the inputs
#                                                # (see make_inputs)
#
# Made with R 4.2.2 Patched (2022-11-10 r83330), effectsize 0.8.3, coin
# 1.4.2, exactRankTests 0.8.35, MASS 7.3.58.2 (Debian packages
# r-base-core, r-cran-*), and Python 3 with scipy 1.10.1 and numpy 1.24.2
# (/usr/bin/python3 or $PYTHON; only to cross-check Brunner-Munzel). 'make
# check' never runs R or Python: the expected files are kept in the tree;
# run this again only when a case or an input changes, and review the diff.
#
# For each line NAME<TAB>ARGUMENTS of tests/compare/cases.tab it parses the
# sk-compare arguments itself, reads the input as text (read.csv /
# read.delim, check.names = FALSE, na.strings = the --na tokens and empty
# cells, strip.white, every column as text), keeps the rows whose --between
# value is level A or B (without --levels: the two distinct non-missing
# values in first-seen order), reads each compared column by as.numeric or,
# with --codebook, as the codes of its labels (a level's label, ASCII case
# and the blanks around it ignored, or its code; no reverse keying: the
# codebooks here declare every item reverse = no; without -c the
# variables are then the codebook's items, as sk-freq and sk-compare
# --help say), and computes every
# output column independently of sk-compare, a = the answers at level A,
# b = at level B (missing left out), every difference B - A:
#   n_*, missing_*     length(); the rows at the level with the value
#                      missing
#   mean_*, sd_*,      mean(), sd(), median()
#   median_*
#   mean_diff..p_t     t.test(b, a, var.equal, conf.level, alternative):
#                      estimate difference, stderr, conf.int, statistic,
#                      parameter, p.value
#   g, g_lo, g_hi      Hedges' g: d = (mean_b - mean_a) / s_pooled,
#                      J = exp(lgamma(df/2) - log(sqrt(df/2)) -
#                      lgamma((df-1)/2)), df = n_a + n_b - 2, g = J d; the
#                      interval J sqrt(1/n_a + 1/n_b) times the
#                      noncentralities where pt(t, df, ncp) = 1 - alpha/2
#                      and alpha/2 (one-sided 1 - alpha, alpha; the open
#                      end +-Inf), found by uniroot to 1e-13 (nct_ncp).
#                      Checked against effectsize::hedges_g(b, a, ci,
#                      alternative): g to 1e-12; the interval only to 1e-5,
#                      as effectsize finds the noncentralities by optim
#                      (Nelder-Mead, abstol 1e-9), about 1e-6 off the root
#                      (as tests/ref/unit-twogroup.R found): the root is
#                      right, and is what is written. A message when they
#                      differ by more than 1e-5: small-99, eleven (8 + 9,
#                      level 0.99): g_lo -1.2617367007925584 here, where
#                      pt(t, df, ncp) is 0.995 as it should; effectsize's
#                      -1.2663524283811236 is where it is 0.99514 (optim
#                      trades the two ends' errors), off by 4e-3.
#   W, p_w, hl_lo/hi   wilcox.test(b, a, conf.int = TRUE, exact = NULL (R's
#                      rule: exact when both groups < 50 and no ties),
#                      correct, alternative, conf.level, tol.root = 1e-12);
#                      exact = FALSE for --approx. The normal method's
#                      interval ends (uniroot's roots of a step function)
#                      are written as the pairwise difference b_j - a_i
#                      each approximates (snap_diff: checked to be within
#                      1e-9 of R's root). --exact: without ties R's exact
#                      test and interval (exact = TRUE); with ties p from
#                      coin::wilcox_test(distribution = "exact"), checked
#                      against exactRankTests::wilcox.exact(exact = TRUE)
#                      (a message when they differ), and R's normal
#                      interval (exact = FALSE, correct as asked),
#                      hl_method normal. They differ on bfi200-exact-holm,
#                      A3 (coin 0.00032735876251784209, exactRankTests
#                      0.00032657964952520182) and A5 (0.0083360771815738435,
#                      0.0083220635194160737); a third computation, the
#                      exact distribution of B's doubled mid-rank sum by
#                      dynamic programming over the distinct answers
#                      (multivariate hypergeometric counts; run once by
#                      hand, too slow to keep here), gives
#                      0.00032735876251784209 and 0.0083360771815739233:
#                      coin is right (exactRankTests' tail misses points
#                      at the mirror of the observed value, as
#                      tests/ref/unit-twogroup.R found on anorexia).
#   hl                 median(outer(b, a, "-")), directly (R's normal-method
#                      estimate is a uniroot approximation)
#   p_w_method         "exact" when R's method says exact or --exact,
#                      "normal" otherwise, NA when W is NA; hl_method
#                      "exact" / "normal" by the interval used, NA when no
#                      interval was computed
#   p_gt, p_eq, p_lt   mean(outer(b, a, ">")), "==", "<"; theta = p_gt +
#                      p_eq / 2; delta = p_gt - p_lt
#   theta_lo/hi, p_bm  Brunner-Munzel (Neubert & Brunner 2007) by hand (bm
#                      below): placements r - rank within group, S_i^2 their
#                      var(), se = sqrt(n_a S_a^2 + n_b S_b^2) / (n_a n_b),
#                      t = (theta - 1/2) / se, Welch-type df, theta -+
#                      qt(1 - alpha/2, df) se (one-sided qt(1 - alpha, df),
#                      the other end 0 or 1) cut to [0, 1]; p by pt(t, df)
#                      on the side asked. t and p cross-checked on every row
#                      against scipy.stats.brunnermunzel(a, b,
#                      alternative) (scipy's "less" is B stochastically
#                      greater) to 1e-9 (p to 1e-9 or 1e-15 absolute:
#                      scipy's tail on one side is 1 - cdf, which loses
#                      digits of a tiny p: chickwts-exact-greater, p_bm
#                      2.0755271766817046e-14 by R's pt(lower.tail =
#                      FALSE), 2.0761170560490427e-14 by scipy; R's is
#                      right); delta_lo/hi = 2 theta_lo/hi - 1
#   p_fisher           fisher.test(rbind(table(a), table(b)), workspace =
#                      2e8) over the distinct values when at most 10
#   p_t_adj, p_w_adj   p.adjust(method = "holm" / "BH") over all rows of the
#                      run (NA p left out)
#
# Where R stops or has no answer the values are set by hand (compare_row),
# as src/lib/twogroup.h documents: a group with no answers: only the counts
# and the other group's mean, sd, median (R: "not enough observations");
# Welch needs two answers in each group, Student one in each and three in
# all (else t, df, p_t, se_diff, ci NA; mean_diff is still written when
# both groups have answers); no spread (se 0, where t.test stops "data are
# essentially constant"): t = +-Inf (NA when the means are equal), p_t 0 or
# 1 by the side (as pt(+-Inf)), ci the point mean_diff (one-sided: -Inf /
# Inf on the open side), se_diff 0, Welch's df NA (0/0), Student's n_a +
# n_b - 2; g NA when n_a + n_b < 4 (effectsize gives 0 at df = 1), +-Inf
# or NA with no interval when s_pooled = 0; the rank test NA when a group is
# empty; all answers equal: W, p_w, the HL interval NA, hl = 0, p_fisher 1
# (a 2 x 1 table, where fisher.test stops; the only table with its margins);
# both groups constant (or one answer against a constant group) with
# different values: wilcox.test's normal interval stops (SIGMA 0 at the only
# shift), so hl_lo, hl_hi are NA (one-sided: the
# open end -Inf / Inf, as the lib); Brunner-Munzel with a group of one, or
# when S_a = S_b = 0 (the groups do not overlap, or all equal): theta only,
# p_bm and the interval NA (scipy gives p = nan there too).
#
# The note column is derived here from the conditions the brief states
# (texts copied from it), joined by "; ": "no answers at level 'X'",
# "one answer at level 'X': no sd", "no spread within the groups: t and g
# undefined (0/0)" / "... t and g infinite" (both n >= 2, both sds 0),
# "all answers equal: no rank test" (both groups with answers, every
# answer the same), "HL interval: requested level not
# achievable" exactly when R's wilcox.test warns "Requested conf.level not
# achievable" (R 4.2 warns only for the exact interval of two samples; its
# normal interval stops at the range of the differences without a
# warning), "K rows left out: 'COL' missing or another level" (K rows of
# the subgroup, or of the file without -g, whose --between value is
# missing or neither level).
#
# Numbers are written with sprintf("%.17g") (Inf, -Inf; NA for NA and NaN)
# so that the comparison tolerance (tests/tsvcmp.awk, 1e-9 relative in
# tests/compare-golden.sh), not R's rounding, decides.

options(warn = 2)    # an unparsable number must stop us, not become NA
suppressPackageStartupMessages({
    library(effectsize)
    library(coin)
    library(exactRankTests)
})

cases_file <- "tests/compare/cases.tab"
input_dir <- "tests/compare/input"
expected_dir <- Sys.getenv("COMPARE_EXPECTED_DIR", "tests/compare/expected")
python <- Sys.getenv("PYTHON", "/usr/bin/python3")
if (!file.exists(cases_file))
    stop("run this from the source root: Rscript tests/ref/compare.R")

## ---- the inputs ----------------------------------------------------------
## Public data from R's datasets and MASS, written as R has them (write.csv
## writes 15 significant digits, which is every value exactly), and small
## made-up files; their provenance is also in tests/compare/input/README.
make_inputs <- function() {
    w <- function(lines, name) {
        path <- file.path(input_dir, name)
        con <- file(path, "wb")
        writeLines(lines, con)
        close(con)
        cat("wrote", path, "\n")
    }
    wcsv <- function(df, name) {
        path <- file.path(input_dir, name)
        write.csv(df, path, row.names = FALSE, eol = "\n")
        cat("wrote", path, "\n")
    }
    dir.create(input_dir, showWarnings = FALSE, recursive = TRUE)
    ## datasets::mtcars (Henderson & Velleman 1981), the model from the row
    ## names
    wcsv(cbind(model = rownames(mtcars), mtcars), "mtcars.csv")
    ## datasets::ToothGrowth (Crampton 1947), datasets::InsectSprays (Beall
    ## 1942), datasets::chickwts (Anonymous 1948), datasets::sleep (Student
    ## 1908; long form: extra, group, ID)
    wcsv(ToothGrowth, "toothgrowth.csv")
    wcsv(InsectSprays, "insectsprays.csv")
    wcsv(chickwts, "chickwts.csv")
    wcsv(sleep, "sleep.csv")
    ## MASS::birthwt (Hosmer & Lemeshow 1989), MASS::survey (Venables &
    ## Ripley; NA in Sex, Pulse, Height and others)
    wcsv(MASS::birthwt, "birthwt.csv")
    wcsv(MASS::survey, "survey.csv")
    ## R's ?wilcox.test two-sample example (Hollander & Wolfe 1973, p. 69):
    ## permeability at 12 to 26 weeks (early, y: level A) and at term (term,
    ## x: level B); R's example wilcox.test(x, y, alternative = "g") is
    ## W = 35, p = 0.1272
    x <- c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46)
    y <- c(1.15, 0.88, 0.90, 0.74, 1.21)
    w(c("group,permeability", paste0("early,", format(y)),
        paste0("term,", format(x))), "wilcox-example.csv")
    ## likert.csv: 13 + 13 answers on 1..5 (q1: the Likert set of
    ## tests/ref/unit-twogroup.R), q2 and q3 made up (seed below) with
    ## missing answers (NA and empty); two sites for -g
    set.seed(20261202)
    qa <- c(2, 3, 3, 1, 4, 2, 3, 2, 5, 3, 2, 1, 3)
    qb <- c(4, 3, 5, 4, 2, 4, 3, 5, 4, 3, 4, 2, 5)
    arm <- rep(c("control", "treatment"), 13)
    q1 <- as.vector(rbind(qa, qb))
    q2 <- ifelse(arm == "control", sample(1:5, 26, TRUE, c(.1, .2, .4, .2, .1)),
                 sample(1:5, 26, TRUE, c(.05, .15, .3, .3, .2)))
    q3 <- ifelse(arm == "control", sample(1:5, 26, TRUE, c(.3, .3, .2, .1, .1)),
                 sample(1:5, 26, TRUE, c(.3, .3, .2, .1, .1)))
    site <- sample(c("north", "south"), 26, TRUE)
    q2c <- as.character(q2)
    q3c <- as.character(q3)
    q2c[c(5, 18)] <- "NA"
    q3c[c(2, 9, 20)] <- ""
    w(c("id,site,arm,q1,q2,q3",
        paste(seq_len(26), site, arm, q1, q2c, q3c, sep = ",")),
      "likert.csv")
    ## the same answers as agreement labels (case and blanks varied, a few
    ## answers as their codes), with a codebook; and as codes in a TSV with
    ## -99 for missing
    labs <- c("Strongly disagree", "Disagree", "Neither agree nor disagree",
              "Agree", "Strongly agree")
    lab <- function(v, k) {
        ok <- !(v %in% c("NA", ""))
        i <- seq_along(v)
        out <- v
        out[ok] <- labs[as.integer(v[ok])]
        up <- ok & i %% 5 == k
        out[up] <- toupper(out[up])
        low <- ok & i %% 7 == k
        out[low] <- paste0(" ", tolower(out[low]), "  ")
        code <- ok & i %% 11 == k
        out[code] <- v[code]
        out
    }
    w(c("id,site,arm,q1,q2,q3",
        paste(seq_len(26), site, arm, lab(as.character(q1), 1),
              lab(q2c, 2), lab(q3c, 3), sep = ",")), "likert-text.csv")
    w(c("type,name,code,label,levels,scale,reverse",
        sprintf("level,agreement,%d,%s,,,", 1:5, labs),
        sprintf("item,%s,,,agreement,,no", c("q1", "q2", "q3"))),
      "likert-codebook.csv")
    m99 <- function(v) ifelse(v %in% c("NA", ""), "-99", v)
    w(c("id\tsite\tarm\tq1\tq2\tq3",
        paste(seq_len(26), site, arm, q1, m99(q2c), m99(q3c), sep = "\t")),
      "likert-codes.tsv")
    ## edges.csv: made-up edge cases. grp A and B, and rows with grp empty,
    ## NA and C (left out); blk 1 and 2 for -g (blk 2: only level A rows).
    ##   e0  no answers at level B     e1  one answer at level B
    ##   eq  all answers 4             c1  level A constant (2)
    ##   cc  A all 1, B all 3          nn  no answers at all
    ##   ok  ordinary answers with a tie
    ## bfi200.csv: the first 200 respondents of datasets/bfi.csv (psych's
    ## bfi: Revelle, psych 2.2.9), the items A2..A5, C1..C3 (not reverse
    ## keyed) as the labels of datasets/bfi-codebook.csv, the others as
    ## codes
    bfi <- read.csv("datasets/bfi.csv", colClasses = "character",
                    na.strings = character(0))[1:200, ]
    acc <- c("Very Inaccurate", "Moderately Inaccurate",
             "Slightly Inaccurate", "Slightly Accurate",
             "Moderately Accurate", "Very Accurate")
    for (it in c("A2", "A3", "A4", "A5", "C1", "C2", "C3")) {
        v <- bfi[[it]]
        ok <- v != "NA"
        v[ok] <- acc[as.integer(v[ok])]
        bfi[[it]] <- v
    }
    w(c(paste(names(bfi), collapse = ","),
        do.call(paste, c(unname(as.list(bfi)), sep = ","))), "bfi200.csv")
    ## small.csv: made up, levels x (8 rows) and y (9 rows):
    ##   tiny   x 1, 1, 2; y 2, 3 (ties: the normal interval, whose ends
    ##          R stops at the range of the differences)
    ##   one    x 5 only; y 3, 3, 3 (Student: no spread; the interval
    ##          cannot be computed)
    ##   ten    10 distinct answers over both groups (Fisher computed)
    ##   eleven 11 distinct answers (p_fisher NA)
    ##   neg    decimals around 0, no ties
    w(c("g,tiny,one,ten,eleven,neg",
        "x,1,5,1,1,-0.35",
        "y,2,3,2,2,0.12",
        "x,1,,3,3,-1.05",
        "y,3,3,4,4,0.6",
        "x,2,,5,5,0.07",
        "y,,3,6,6,-0.2",
        "x,,,7,7,-0.61",
        "y,,,8,8,1.3",
        "x,,,9,9,0.25",
        "y,,,10,10,0.41",
        "x,,,1,11,-0.02",
        "y,,,2,1,0.95",
        "x,,,3,2,-0.44",
        "y,,,10,3,0.33",
        "x,,,4,4,",
        "y,,,9,5,-0.08",
        "y,,,8,6,0.74"), "small.csv")
    ## large.csv: made up (seed above), 60 + 70 answers with two decimals,
    ## no ties: R's normal method by default, exact with --exact
    old <- sample(1:900, 60)
    new <- sample(setdiff(60:980, old), 70)
    grp <- sample(rep(c("old", "new"), c(60, 70)))
    v <- numeric(130)
    v[grp == "old"] <- old / 100
    v[grp == "new"] <- new / 100
    w(c("grp,v", sprintf("%s,%.2f", grp, v)), "large.csv")
    hdr <- "grp,blk,e0,e1,eq,c1,cc,nn,ok"
    rows <- c("A,1,3,3,4,2,1,,2.5",
              "B,1,,7,4,1,3,,3.1",
              "A,1,5,5,4,2,1,NA,1.2",
              "B,1,NA,NA,4,3,3,,4.4",
              ",1,9,9,4,9,9,,9",
              "A,1,4,6,4,2,1,,2.5",
              "B,1,,,4,4,3,,5.0",
              "C,1,1,1,4,1,1,,1",
              "A,2,6,8,4,2,1,,0.7",
              "B,1,,,,2,3,,2.5",
              "A,2,2,9,4,2,1,,3.9",
              "NA,2,5,5,4,5,5,,5",
              "B,1,,,4,5,3,,6.2",
              "A,1,5,,,2,1,,1.8",
              "B,1,,,4,3,3,,3.3")
    w(c(hdr, rows), "edges.csv")
}
if ("--make-inputs" %in% commandArgs(trailingOnly = TRUE))
    make_inputs()

## ---- the command line ----------------------------------------------------
parse_args <- function(words) {
    o <- list(between = NULL, levels = NULL, columns = NULL, by = NULL,
              tsv = FALSE, na = "NA", level = 0.95, alt = "two.sided",
              var_equal = FALSE, exact = FALSE, approx = FALSE,
              correct = TRUE, adjust = "none", codebook = NULL, file = NULL)
    i <- 1
    while (i <= length(words)) {
        w <- words[i]
        key <- sub("=.*", "", w)
        long <- switch(key, "--between" = "between", "--levels" = "levels",
                       "-c" = , "--columns" = "columns", "-g" = ,
                       "--by" = "by", "--na" = "na", "--level" = "level",
                       "--alternative" = "alt", "--adjust" = "adjust",
                       "--codebook" = "codebook", NA)
        if (w %in% c("-t", "--tsv")) {
            o$tsv <- TRUE
        } else if (w == "--var-equal") {
            o$var_equal <- TRUE
        } else if (w == "--exact") {
            o$exact <- TRUE
        } else if (w == "--approx") {
            o$approx <- TRUE
        } else if (w == "--no-correct") {
            o$correct <- FALSE
        } else if (!is.na(long)) {
            if (grepl("=", w)) {
                v <- sub("^[^=]*=", "", w)
            } else {
                i <- i + 1
                v <- words[i]
            }
            if (is.na(v)) stop("option ", w, " needs a value")
            switch(long,
                level = o$level <- as.numeric(v),
                na = o$na <- strsplit(v, ",", fixed = TRUE)[[1]],
                levels = o$levels <- strsplit(v, ",", fixed = TRUE)[[1]],
                alt = o$alt <- switch(v, "two-sided" = "two.sided",
                                      less = "less", greater = "greater"),
                adjust = o$adjust <- switch(v, none = "none", holm = "holm",
                                            bh = "BH"),
                o[[long]] <- v)
        } else if (startsWith(w, "-")) {
            stop("option not known to compare.R: ", w)
        } else {
            if (!is.null(o$file)) stop("more than one file: ", w)
            o$file <- w
        }
        i <- i + 1
    }
    if (is.null(o$file)) stop("no input file")
    if (is.null(o$between)) stop("no --between")
    o
}

col_index <- function(item, names) {
    hit <- which(names == item)
    if (length(hit) != 1) stop("no single column ", item)
    hit
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

## ---- the codebook (as man/codebook.h2m documents; level sets and items) ---
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
    if (set$reverse) stop("compare.R does not reverse-key")
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

## ---- helpers -------------------------------------------------------------

## The noncentrality where pt(t, df, ncp) = p, by uniroot (as paired.R).
nct_ncp <- function(t, df, p) {
    f <- function(ncp) pt(t, df, ncp) - p
    quiet <- function(ncp) withCallingHandlers(f(ncp), warning = function(w)
        if (grepl("full precision", conditionMessage(w)))
            invokeRestart("muffleWarning"))
    step <- 10 + abs(t)
    lo <- t - step
    hi <- t + step
    while (quiet(lo) < 0) lo <- lo - step
    while (quiet(hi) > 0) hi <- hi + step
    root <- uniroot(quiet, c(lo, hi), tol = 1e-13, maxiter = 10000)$root
    f(root)    # with options(warn = 2), an imprecise pt here stops us
    root
}

## R's warnings, caught: the value and the texts of the warnings.
with_warnings <- function(expr) {
    texts <- character(0)
    value <- withCallingHandlers(expr, warning = function(w) {
        texts <<- c(texts, conditionMessage(w))
        invokeRestart("muffleWarning")
    })
    list(value = value, warnings = texts)
}

## A normal-method interval end (uniroot's root, tol 1e-12) as the pairwise
## difference b_j - a_i it approximates (the step of W(d) is there).
snap_diff <- function(v, a, b) {
    if (!is.finite(v)) return(v)
    d <- as.vector(outer(b, a, "-"))
    k <- which.min(abs(d - v))
    if (abs(d[k] - v) > 1e-9 * max(1, abs(c(a, b))))
        stop("interval end ", v, " is not near a pairwise difference")
    d[k]
}

## Brunner-Munzel by hand (Neubert & Brunner 2007), B against A.
bm <- function(a, b, level, alt) {
    na <- length(a)
    nb <- length(b)
    r <- rank(c(a, b))
    pa <- r[1:na] - rank(a)
    pb <- r[na + 1:nb] - rank(b)
    Sa <- var(pa)
    Sb <- var(pb)
    theta <- (mean(r[na + 1:nb]) - (nb + 1) / 2) / na
    v <- na * Sa + nb * Sb
    if (v == 0) return(NULL)
    se <- sqrt(v) / (na * nb)
    df <- v^2 / ((na * Sa)^2 / (na - 1) + (nb * Sb)^2 / (nb - 1))
    t <- (theta - 0.5) / se
    p <- switch(alt,
                two.sided = 2 * min(pt(t, df), pt(t, df, lower.tail = FALSE)),
                greater = pt(t, df, lower.tail = FALSE),
                less = pt(t, df))
    if (alt == "two.sided") {
        q <- qt(1 - (1 - level) / 2, df)
        lo <- max(0, theta - q * se)
        hi <- min(1, theta + q * se)
    } else {
        q <- qt(level, df)
        lo <- if (alt == "greater") max(0, theta - q * se) else 0
        hi <- if (alt == "less") min(1, theta + q * se) else 1
    }
    list(t = t, df = df, p = p, lo = lo, hi = hi)
}

## scipy's Brunner-Munzel t and p (scipy's alternative is about A's side).
bm_scipy <- function(a, b, alt) {
    salt <- switch(alt, two.sided = "two-sided", greater = "less",
                   less = "greater")
    code <- sprintf(paste0(
        "from scipy.stats import brunnermunzel\n",
        "r = brunnermunzel([%s], [%s], alternative='%s')\n",
        "print('%%.17g %%.17g' %% (r.statistic, r.pvalue))"),
        paste(sprintf("%.17g", a), collapse = ","),
        paste(sprintf("%.17g", b), collapse = ","), salt)
    f <- tempfile(fileext = ".py")
    writeLines(code, f)
    out <- system2(python, f, stdout = TRUE)
    unlink(f)
    as.numeric(strsplit(out, " ")[[1]])
}

relclose <- function(x, y, tol) abs(x - y) <= tol * max(abs(x), abs(y), 1e-300)

## The exact conditional p of the rank-sum test with ties: coin, checked
## against exactRankTests.
exact_tied_p <- function(a, b, alt) {
    g2 <- factor(rep(c("B", "A"), c(length(b), length(a))),
                 levels = c("B", "A"))
    y <- c(b, a)
    cp <- pvalue(wilcox_test(y ~ g2, distribution = "exact",
                             alternative = alt))
    ep <- suppressWarnings(wilcox.exact(b, a, alternative = alt,
                                        exact = TRUE))$p.value
    if (!relclose(cp, ep, 1e-9))
        message(sprintf("coin %.17g and exactRankTests %.17g differ", cp, ep))
    as.numeric(cp)
}

## ---- one comparison ------------------------------------------------------
compare_row <- function(a, b, o, lev) {
    alt <- o$alt
    level <- o$level
    alpha <- 1 - level
    na <- length(a)
    nb <- length(b)
    s <- list(n_a = na, n_b = nb, mean_a = NA, sd_a = NA, mean_b = NA,
              sd_b = NA, median_a = NA, median_b = NA, mean_diff = NA,
              se_diff = NA, ci_lo = NA, ci_hi = NA, t = NA, df = NA,
              p_t = NA, t_method = if (o$var_equal) "student" else "welch",
              g = NA, g_lo = NA, g_hi = NA, W = NA, p_w = NA,
              p_w_method = NA, theta = NA, theta_lo = NA, theta_hi = NA,
              delta = NA, hl = NA, hl_lo = NA, hl_hi = NA, p_fisher = NA,
              p_gt = NA, p_eq = NA, p_lt = NA, delta_lo = NA,
              delta_hi = NA, p_bm = NA, hl_method = NA)
    notes <- character(0)
    if (na >= 1) {
        s$mean_a <- mean(a)
        s$median_a <- median(a)
    }
    if (nb >= 1) {
        s$mean_b <- mean(b)
        s$median_b <- median(b)
    }
    if (na >= 2) s$sd_a <- sd(a)
    if (nb >= 2) s$sd_b <- sd(b)
    if (na == 0) notes <- c(notes, sprintf("no answers at level '%s'", lev[1]))
    if (nb == 0) notes <- c(notes, sprintf("no answers at level '%s'", lev[2]))
    if (na == 1)
        notes <- c(notes, sprintf("one answer at level '%s': no sd", lev[1]))
    if (nb == 1)
        notes <- c(notes, sprintf("one answer at level '%s': no sd", lev[2]))
    both <- na >= 1 && nb >= 1
    if (both) s$mean_diff <- mean(b) - mean(a)
    if (na >= 2 && nb >= 2 && sd(a) == 0 && sd(b) == 0)
        notes <- c(notes, if (mean(a) == mean(b))
            "no spread within the groups: t and g undefined (0/0)"
            else "no spread within the groups: t and g infinite")
    # (with one group empty, "no answers at level 'X'" says why there is
    # no rank test: sk-compare's choice, no second note)
    all_equal <- na >= 1 && nb >= 1 && length(unique(c(a, b))) == 1
    if (all_equal) notes <- c(notes, "all answers equal: no rank test")

    ## t test
    va <- if (na >= 2) var(a) else 0
    vb <- if (nb >= 2) var(b) else 0
    t_ok <- if (o$var_equal) na >= 1 && nb >= 1 && na + nb >= 3
            else na >= 2 && nb >= 2
    if (t_ok) {
        se <- if (o$var_equal)
                  sqrt(((na - 1) * va + (nb - 1) * vb) / (na + nb - 2) *
                       (1 / na + 1 / nb))
              else sqrt(va / na + vb / nb)
        if (se > 0) {
            tt <- t.test(b, a, var.equal = o$var_equal, conf.level = level,
                         alternative = alt)
            s$se_diff <- tt$stderr
            s[c("ci_lo", "ci_hi")] <- as.list(as.numeric(tt$conf.int))
            s$t <- unname(tt$statistic)
            s$df <- unname(tt$parameter)
            s$p_t <- tt$p.value
            if (!relclose(s$mean_diff, unname(tt$estimate[1] - tt$estimate[2]),
                          1e-14)) stop("mean_diff")
        } else {
            # t.test stops ("data are essentially constant"): by hand
            m <- s$mean_diff
            s$se_diff <- 0
            s$t <- if (m == 0) NA else m / 0
            s$df <- if (o$var_equal) na + nb - 2 else NA
            s$p_t <- if (m == 0) NA else switch(alt,
                two.sided = 0,
                less = if (m < 0) 0 else 1,
                greater = if (m > 0) 0 else 1)
            s$ci_lo <- if (alt == "less") -Inf else m
            s$ci_hi <- if (alt == "greater") Inf else m
        }
    }

    ## Hedges' g
    if (both && na + nb >= 4) {
        df <- na + nb - 2
        sp <- sqrt(((na - 1) * va + (nb - 1) * vb) / df)
        J <- exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
        m <- s$mean_diff
        if (sp == 0) {
            s$g <- if (m == 0) NA else m / 0
        } else {
            d <- m / sp
            hn <- sqrt(1 / na + 1 / nb)
            tq <- d / hn
            if (alt == "two.sided") {
                s$g_lo <- nct_ncp(tq, df, 1 - alpha / 2) * hn * J
                s$g_hi <- nct_ncp(tq, df, alpha / 2) * hn * J
            } else if (alt == "greater") {
                s$g_lo <- nct_ncp(tq, df, level) * hn * J
                s$g_hi <- Inf
            } else {
                s$g_lo <- -Inf
                s$g_hi <- nct_ncp(tq, df, alpha) * hn * J
            }
            s$g <- d * J
            if (na >= 2 && nb >= 2) {
                e <- suppressWarnings(hedges_g(b, a, ci = level,
                                               alternative = alt))
                if (!relclose(e$Hedges_g, s$g, 1e-12)) stop("g differs")
                for (k in c("lo", "hi")) {
                    ev <- e[[if (k == "lo") "CI_low" else "CI_high"]]
                    mv <- s[[paste0("g_", k)]]
                    if (is.finite(mv) && abs(ev - mv) > 1e-5 * max(1, abs(mv)))
                        message(sprintf(
                            "g_%s %.17g differs from effectsize's %.17g",
                            k, mv, ev))
                }
            }
        }
    }

    ## rank-sum test, Hodges-Lehmann
    if (both) {
        s$hl <- median(outer(b, a, "-"))
        if (!all_equal) {
            ties <- anyDuplicated(c(a, b)) > 0
            ex <- if (o$approx) FALSE
                  else if (o$exact) !ties
                  else NULL
            run <- function(ci) with_warnings(wilcox.test(b, a,
                conf.int = ci, exact = ex, correct = o$correct,
                alternative = alt, conf.level = level, tol.root = 1e-12))
            wt <- tryCatch(run(TRUE), error = function(e) NULL)
            if (is.null(wt)) {
                # both groups constant: the normal interval stops (SIGMA 0)
                if (length(unique(a)) > 1 || length(unique(b)) > 1)
                    stop("wilcox.test stopped")
                wt <- run(FALSE)
                w <- wt$value
                s$hl_lo <- if (alt == "less") -Inf else NA
                s$hl_hi <- if (alt == "greater") Inf else NA
                s$hl_method <- NA
            } else {
                w <- wt$value
                r_exact <- grepl("exact", w$method)
                if (r_exact) {
                    s$hl_lo <- w$conf.int[1]
                    s$hl_hi <- w$conf.int[2]
                    if (!relclose(w$estimate, s$hl, 1e-15)) stop("hl")
                } else {
                    s$hl_lo <- snap_diff(w$conf.int[1], a, b)
                    s$hl_hi <- snap_diff(w$conf.int[2], a, b)
                }
                s$hl_method <- if (r_exact) "exact" else "normal"
                if (any(grepl("requested conf.level not achievable",
                              wt$warnings, ignore.case = TRUE)))
                    notes <- c(notes,
                               "HL interval: requested level not achievable")
            }
            s$W <- unname(w$statistic)
            s$p_w <- w$p.value
            s$p_w_method <- if (grepl("exact", w$method)) "exact" else "normal"
            if (o$exact && ties) {
                s$p_w <- exact_tied_p(a, b, alt)
                s$p_w_method <- "exact"
            } else if (o$exact || identical(s$p_w_method, "exact")) {
                cp <- exact_tied_p(a, b, alt)    # coin agrees without ties
                if (!relclose(cp, s$p_w, 1e-9)) stop("coin differs from R")
            }
            if (s$W != sum(outer(b, a, ">")) + sum(outer(b, a, "==")) / 2)
                stop("W is not B's Mann-Whitney U")
        }

        ## dominance, Brunner-Munzel
        gt <- sum(outer(b, a, ">"))
        eq <- sum(outer(b, a, "=="))
        lt <- sum(outer(b, a, "<"))
        s$p_gt <- gt / (na * nb)
        s$p_eq <- eq / (na * nb)
        s$p_lt <- lt / (na * nb)
        s$theta <- (gt + eq / 2) / (na * nb)
        s$delta <- (gt - lt) / (na * nb)
        if (na >= 2 && nb >= 2) {
            r <- bm(a, b, level, alt)
            if (!is.null(r)) {
                s$p_bm <- r$p
                s$theta_lo <- r$lo
                s$theta_hi <- r$hi
                s$delta_lo <- 2 * r$lo - 1
                s$delta_hi <- 2 * r$hi - 1
                sp <- bm_scipy(a, b, alt)
                # scipy's upper tail is 1 - cdf for one of the sides: it
                # keeps only about 1e-16 absolute of a tiny p
                if (!relclose(sp[1], r$t, 1e-9) ||
                    abs(sp[2] - r$p) > max(1e-9 * r$p, 1e-15))
                    stop(sprintf("scipy's Brunner-Munzel %.17g %.17g, ours %.17g %.17g",
                                 sp[1], sp[2], r$t, r$p))
            }
        }

        ## Fisher
        u <- sort(unique(c(a, b)))
        if (length(u) == 1) {
            s$p_fisher <- 1    # a 2 x 1 table (fisher.test stops)
        } else if (length(u) <= 10) {
            tab <- rbind(table(factor(a, levels = u)),
                         table(factor(b, levels = u)))
            s$p_fisher <- fisher.test(tab, workspace = 2e8)$p.value
        }
    }
    s$notes <- notes
    s
}

fmt_num <- function(v) {
    if (is.null(v) || is.na(v)) return("NA")
    if (is.infinite(v)) return(if (v > 0) "Inf" else "-Inf")
    if (v == 0) v <- 0    # no "-0"
    sprintf("%.17g", v)
}
text_cell <- function(s) if (is.na(s)) "NA" else gsub("[\t\r\n]", " ", s)

head2 <- c("n_a", "n_b", "missing_a", "missing_b", "mean_a", "sd_a",
           "mean_b", "sd_b", "median_a", "median_b", "mean_diff", "se_diff",
           "ci_lo", "ci_hi", "t", "df", "p_t", "t_method", "g", "g_lo",
           "g_hi", "W", "p_w", "p_w_method", "theta", "theta_lo",
           "theta_hi", "delta", "hl", "hl_lo", "hl_hi", "p_fisher", "p_gt",
           "p_eq", "p_lt", "delta_lo", "delta_hi", "p_bm", "hl_method")

run_case <- function(name, argstr) {
    o <- parse_args(strsplit(trimws(argstr), "[ \t]+")[[1]])
    chr <- read_input(o)
    names <- colnames(chr)
    bc <- col_index(o$between, names)
    bv <- chr[[bc]]
    lev <- if (!is.null(o$levels)) o$levels else {
        u <- unique(bv[!is.na(bv)])
        if (length(u) != 2) stop("--between without --levels: not 2 values")
        u
    }
    gc <- if (is.null(o$by)) NA else col_index(o$by, names)
    cb <- if (is.null(o$codebook)) NULL else read_codebook(o$codebook)
    vars <- if (!is.null(o$columns)) {
        vapply(strsplit(o$columns, ",", fixed = TRUE)[[1]], col_index, 0L,
               names = names)
    } else if (!is.null(cb)) {
        # with a codebook, its items (in the codebook's order), as sk-freq
        vapply(names(cb), col_index, 0L, names = names)
    } else setdiff(seq_along(names), c(bc, gc[!is.na(gc)]))
    inlev <- !is.na(bv) & bv %in% lev
    if (!is.na(gc)) {
        g <- chr[[gc]]
        if (anyNA(g)) stop("missing -g value (not in these cases)")
        groups <- unique(g)
    } else {
        g <- rep("", nrow(chr))
        groups <- ""
    }
    rows <- list()
    labels <- list()
    # rows: variable, then each level against the first (--levels=A,B,C:
    # B - A, then C - A), then subgroup
    levb <- integer(0)
    for (k in vars) {
        x <- column_values(chr[[k]], if (is.null(cb)) NULL else cb[[names[k]]])
        for (lb in seq_along(lev)[-1])
        for (gr in groups) {
            sel <- g == gr
            ia <- sel & inlev & bv == lev[1]
            ib <- sel & inlev & bv == lev[lb]
            s <- compare_row(x[ia & !is.na(x)], x[ib & !is.na(x)], o,
                             lev[c(1, lb)])
            s$missing_a <- sum(ia & is.na(x))
            s$missing_b <- sum(ib & is.na(x))
            out <- sum(sel & !inlev)
            if (out > 0)
                s$notes <- c(s$notes, sprintf(
                    "%d rows left out: '%s' missing or another level", out,
                    names[bc]))
            s$note <- if (length(s$notes)) paste(s$notes, collapse = "; ")
                      else NA
            rows[[length(rows) + 1]] <- s
            labels[[length(labels) + 1]] <- c(names[k], if (!is.na(gc)) gr)
            levb <- c(levb, lb)
        }
    }
    if (o$adjust != "none") {
        pt_adj <- p.adjust(vapply(rows, function(s) as.numeric(s$p_t), 0),
                           method = o$adjust)
        pw_adj <- p.adjust(vapply(rows, function(s) as.numeric(s$p_w), 0),
                           method = o$adjust)
    }
    header <- c("variable", if (!is.na(gc)) "group", "level_a", "level_b",
                head2, if (o$adjust != "none") c("p_t_adj", "p_w_adj"),
                "difference", "note")
    out <- paste(header, collapse = "\t")
    for (i in seq_along(rows)) {
        s <- rows[[i]]
        cells <- c(vapply(labels[[i]], text_cell, ""), text_cell(lev[1]),
                   text_cell(lev[levb[i]]))
        for (h in head2) {
            cells <- c(cells, switch(h,
                n_a = , n_b = , missing_a = , missing_b =
                    sprintf("%d", as.integer(s[[h]])),
                t_method = , p_w_method = , hl_method = text_cell(s[[h]]),
                fmt_num(s[[h]])))
        }
        if (o$adjust != "none")
            cells <- c(cells, fmt_num(pt_adj[i]), fmt_num(pw_adj[i]))
        cells <- c(cells, text_cell(paste(lev[levb[i]], "-", lev[1])),
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
    cat(sprintf("%-26s %3d rows\n", name, nrows))
}
stale <- setdiff(old, paste0(seen, ".tsv"))
if (length(stale))
    message("expected files without a case (remove them): ",
            paste(stale, collapse = " "))
scipy <- system2(python, c("-c", shQuote("import scipy; print(scipy.__version__)")),
                 stdout = TRUE)
cat(sprintf("%d cases, R %s, effectsize %s, coin %s, exactRankTests %s, scipy %s\n",
            length(seen), paste(R.version$major, R.version$minor, sep = "."),
            packageVersion("effectsize"), packageVersion("coin"),
            packageVersion("exactRankTests"), scipy))
