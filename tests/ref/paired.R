# paired.R - the expected output of the sk-paired golden tests, by R.
#
# Run it from the source root:
#
#     Rscript tests/ref/paired.R                 # tests/paired/expected/*.tsv
#     Rscript tests/ref/paired.R --make-inputs   # also rewrite the generated
#                                                # inputs (see make_inputs)
#
# Made with R 4.2.2 Patched (2022-11-10 r83330) and, for --zero=pratt,
# Python 3 with scipy 1.10.1 and numpy 1.24.2 (Debian packages
# r-base-core, python3-scipy; scipy is called by tests/ref/paired_pratt.py,
# run as /usr/bin/python3 or $PYTHON). 'make check' never runs R or
# Python: the expected files are kept in the tree; run this again only
# when a case or an input changes, and review the diff.
#
# For each line NAME<TAB>ARGUMENTS of tests/paired/cases.tab it parses the
# sk-paired arguments itself, reads the input as text with read.csv /
# read.delim as sk-paired reads it (check.names = FALSE, na.strings = the
# --na tokens and empty cells, strip.white, every column as text, then the
# compared columns by as.numeric), pairs the columns (wide form) or the rows
# (long form: rows at other levels of --within are not paired, but their
# groups get rows as in the wide form) and computes every output column
# independently of sk-paired, d = after - before over the complete pairs.
# The names (README, "Names and units"): variable BEFORE:AFTER of -p, the
# stem of --suffix and --prefix (conf of conf_pre, conf_post), the --value
# column in the long form; before and after the columns, or the two
# levels in the long form; difference "after - before" in those names.
# The statistics:
#   means, sds          mean(), sd()
#   t test              t.test(after, before, paired = TRUE, conf.level,
#                       alternative): mean_diff, se_diff (stderr), ci, t,
#                       df, p_t; sd_diff = sd(d)
#   dz, dz_lo, dz_hi    mean(d) / sd(d); the interval by uniroot (tol 1e-13)
#                       on pt(t, df, ncp) = 1 - alpha/2 (lower) and alpha/2
#                       (upper), one-sided: 1 - alpha, alpha; / sqrt(n)
#   V, p_w, hl_lo/hi    wilcox.test(after, before, paired = TRUE, conf.int =
#                       TRUE, exact = NULL (R's rule: exact when n < 50
#                       non-zero d, no ties, no zeros), correct, alternative,
#                       conf.level, tol.root = 1e-12); exact = FALSE for
#                       --approx. p_w_method is "exact" when R's method says
#                       exact. With --exact: R's exact test where R can
#                       (no ties, no zeros), else p from the exact
#                       conditional distribution by brute force over all
#                       2^m sign assignments of the doubled mid-ranks
#                       (m <= 16), and the interval of R's normal method
#                       (the normal method's ends, uniroot's roots, are
#                       written as the Walsh average each approximates:
#                       see snap_walsh)
#   hl                  median of the Walsh averages (d_i + d_j)/2, i <= j,
#                       of the non-zero d, computed here directly (R's
#                       normal-method estimate is a uniroot approximation)
#   r_rb                (T+ - T-) / (T+ + T-), ranks rank(abs(d)) of the
#                       non-zero d
#   p_sign              binom.test(npos, npos + nneg, alternative)
#   p_mcnemar           for 0/1 data binom.test(#(0->1), #discordant,
#                       alternative), else NA
#   p_t_adj, p_w_adj    p.adjust(method = "holm" / "BH") over all rows of the
#                       run (p.adjust leaves out the NA p)
#   d_av, g_av          mean_diff / ((sd_before + sd_after) / 2),
#                       d_av (1 - 3 / (8n - 9))
# --zero=pratt (no Pratt method in base R): V and p_w from
# scipy.stats.wilcoxon(d, zero_method = "pratt", correction, alternative,
# method = "approx") (V = scipy's r_plus, its statistic with alternative
# "greater"); with --exact from the brute force over Pratt's ranks. As
# sk-paired documents ("of the ranked d"), Pratt's HL estimate and
# interval use all the d, zeros too: the estimate directly, the interval by
# R's own procedure (wilcox_ci below, the code of R 4.2's wilcox.test for
# the normal method) on all d; r_rb from Pratt's ranks of the non-zero d.
#
# Where R stops or has no answer the values are set by hand (see
# paired_row): n = 0: everything NA but the counts (R: "not enough
# observations"); n = 1: means, mean_diff and the Wilcoxon and sign tests
# only (no sd, so no t, df, interval, dz); constant differences (sd 0,
# where t.test stops "data are essentially constant"): t = +-Inf, p_t = 0
# or 1 by pt(+-Inf), ci = [mean, mean] (one-sided: -Inf / Inf on the open
# side), dz = +-Inf, dz interval NA; all differences 0: t, p_t, dz NA (0/0),
# ci = [0, 0].
#
# The note column: its texts are sk-paired's own, copied after checking by
# hand that each is right for the row it is on: "no complete pairs" (n =
# 0), "one pair: no sd, t or interval" (n = 1), "all differences 0: t and
# d_z undefined (0/0)" and "differences constant (sd 0): t and d_z
# infinite" (sd 0), "HL interval: requested level not achievable" exactly
# when R's wilcox.test warns "requested conf.level not achievable" (for
# Pratt, when wilcox_ci's test does); several joined by "; ". Here they are
# derived from those conditions, not from sk-paired's output.
#
# Exact differences (issue 8): sk-paired takes d = after - before exactly
# when the values are decimals, so that 0.4 - 0.3 and 0.2 - 0.1 are the same
# difference. R's a - b is binary and can break such ties (or make a zero a
# tiny number), which changes V, the exact p and the interval wherever it
# happens: shoes (V = 52, p_w 0.014306 by R's default, 0.014116 exactly)
# and anorexia's CBT arm (V 303.5 -> 304.5). Here d is therefore the
# decimal difference: round(a - b, k) with k the decimals of the inputs
# (at most 10; see exact_d), which is the double nearest the exact
# decimal, and the Wilcoxon tests are run on that d. That ranks as R's
# wilcox.test(a, b, paired = TRUE, digits.rank = 7) does for these data
# (checked: same V and p on shoes and anorexia), but digits.rank also
# rounds x - d inside the interval's root search, which moves the roots
# by up to 1e-7 off the Walsh averages, so it is not used here.
#
# --exact with ties or zeros: the interval is exactRankTests::wilcox.exact's
# (the statistic at each Walsh average against the exact conditional
# distribution), computed on the integers d * 10^k so that its own binary
# arithmetic cannot break ties, then divided by 10^k.
#
# Numbers are written with sprintf("%.17g") (Inf, -Inf; NA for NA and NaN)
# so that the comparison tolerance (tests/tsvcmp.awk, 1e-9 relative in
# tests/paired-golden.sh), not R's rounding, decides.

options(warn = 2)    # an unparsable number must stop us, not become NA

cases_file <- "tests/paired/cases.tab"
input_dir <- "tests/paired/input"
expected_dir <- Sys.getenv("PAIRED_EXPECTED_DIR", "tests/paired/expected")
raw_roots <- Sys.getenv("PAIRED_RAW_ROOTS") == "1"
pratt_py <- "tests/ref/paired_pratt.py"
python <- Sys.getenv("PYTHON", "/usr/bin/python3")
if (!file.exists(cases_file))
    stop("run this from the source root: Rscript tests/ref/paired.R")

## The generated inputs (the small hand-made ones are in the tree as they
## are). Values have few decimals so that every difference is the same
## double in R and in sk-paired.
make_inputs <- function() {
    w <- function(lines, name) {
        path <- file.path(input_dir, name)
        con <- file(path, "wb")
        writeLines(lines, con)
        close(con)
        cat("wrote", path, "\n")
    }
    set.seed(20240611)
    ## exact.csv: n = 25, no ties, no zeros: |d| distinct multiples of .01
    n <- 25
    before <- round(rnorm(n, 50, 8), 1)
    d <- sample(1:900, n) / 100 * ifelse(runif(n) < 0.3, -1, 1)
    w(c("id,before,after",
        sprintf("%d,%.1f,%.2f", seq_len(n), before, before + d)), "exact.csv")
    ## large.csv: n = 80, no ties, no zeros; x moderate, y strong effect
    n <- 80
    xb <- round(rnorm(n, 100, 15), 1)
    xd <- sample(1:3000, n) / 100 * ifelse(runif(n) < 0.4, -1, 1)
    yb <- round(rnorm(n, 20, 3), 2)
    yd <- sample(100:900, n) / 100 * ifelse(runif(n) < 0.03, -1, 1)
    w(c("id,x_pre,x_post,y_pre,y_post",
        sprintf("%d,%.1f,%.2f,%.2f,%.2f", seq_len(n), xb, xb + xd, yb,
                yb + yd)), "large.csv")
    ## survey.csv: wide survey-like, 45 respondents at 3 sites, Likert
    ## items, a knowledge score, hours (decimals), a 0/1 item, an
    ## unmatched extra_pre and a free-text comment; some missing (NA and
    ## empty)
    n <- 45
    site <- sample(c("north", "south", "east"), n, replace = TRUE)
    lik <- function(p) sample(1:5, n, replace = TRUE, prob = p)
    conf_pre <- lik(c(.2, .3, .3, .15, .05))
    conf_post <- pmin(5, pmax(1, conf_pre + sample(-1:2, n, TRUE)))
    know_pre <- sample(4:16, n, TRUE)
    know_post <- pmin(20, know_pre + sample(-2:5, n, TRUE))
    sat_pre <- sample(1:7, n, TRUE)
    sat_post <- pmin(7, pmax(1, sat_pre + sample(-2:2, n, TRUE)))
    use_pre <- round(rexp(n, 1 / 3), 1)
    use_post <- round(use_pre + rnorm(n, 0.8, 1.5), 1)
    pass_pre <- rbinom(n, 1, 0.4)
    pass_post <- ifelse(pass_pre == 1, rbinom(n, 1, 0.85), rbinom(n, 1, 0.5))
    extra_pre <- sample(1:5, n, TRUE)
    comment <- sample(c("", "good", "\"too long, really\"", "ok"), n, TRUE)
    f <- function(x, miss) { x <- as.character(x); x[miss] <- "NA"; x }
    e <- function(x, miss) { x <- as.character(x); x[miss] <- ""; x }
    conf_post <- f(conf_post, c(3, 17))
    know_pre <- e(know_pre, 8)
    know_post <- f(know_post, c(8, 30))
    use_post <- e(use_post, c(5, 41))
    sat_pre <- f(sat_pre, 12)
    pass_post <- f(pass_post, 22)
    w(c("id,site,conf_pre,know_pre,pre_sat,pre_use,pass_pre,extra_pre,comment,conf_post,know_post,post_sat,post_use,pass_post",
        paste(seq_len(n), site, conf_pre, know_pre, sat_pre, use_pre,
              pass_pre, extra_pre, comment, conf_post, know_post, sat_post,
              use_post, pass_post, sep = ",")), "survey.csv")
    ## long.csv: 30 people, pre and post and follow-up rows, rows not in
    ## id order, some people seen at one level only, some scores missing
    ids <- sprintf("P%02d", 1:30)
    site <- sample(c("A", "B"), 30, TRUE)
    score_pre <- round(rnorm(30, 60, 12))
    score_post <- score_pre + round(rnorm(30, 4, 6))
    anx_pre <- round(rnorm(30, 40, 8), 1)
    anx_post <- round(anx_pre - rnorm(30, 2, 4), 1)
    rows <- c(sprintf("%s,pre,%s,%s,%s", ids, site, score_pre, anx_pre),
              sprintf("%s,post,%s,%s,%s", ids, site, score_post, anx_post))
    rows <- rows[sample(length(rows))]
    # the follow-up rows (ignored) after the tenth row: the first-seen
    # order of the sites is that of the pre and post rows
    fu <- sprintf("%s,follow,%s,%s,%s", ids[1:10], site[1:10],
                  score_post[1:10] + 1, anx_post[1:10])
    at <- sort(sample(11:length(rows), length(fu)))
    rows <- append(rows, fu[1], at[1])
    for (k in 2:length(fu)) rows <- append(rows, fu[k], at[k] + k - 1)
    drop <- grepl("^P05,post|^P11,pre|^P23,post", rows)
    rows <- rows[!drop]
    rows <- sub("^(P07,pre,[AB]),[0-9]+", "\\1,NA", rows)
    rows <- sub("^(P14,post,[AB],[0-9]+),[0-9.]+$", "\\1,", rows)
    w(c("id,time,site,score,anxiety", rows), "long.csv")
    ## dyad.csv: 24 couples, executive and partner, by industry; one
    ## couple without a partner row, one with a third role (ignored)
    k <- 24
    couple <- 1:k
    ind <- sample(c("finance", "health", "tech"), k, TRUE)
    se <- round(rnorm(k, 6, 1.5), 1)
    sp <- round(se + rnorm(k, -0.7, 1.4), 1)
    ae <- sample(1:7, k, TRUE)
    ap <- pmin(7, pmax(1, ae + sample(-2:2, k, TRUE)))
    rows <- c(sprintf("%d,executive,%s,%s,%s", couple, ind, se, ae),
              sprintf("%d,partner,%s,%s,%s", couple[-9], ind[-9], sp[-9],
                      ap[-9]),
              sprintf("%d,child,%s,3.0,4", 4, ind[4]))
    w(c("couple,role,industry,stress,satisfaction", rows[order(
        c(couple, couple[-9], 4), c(rep(1, k), rep(2, k - 1), 3))]),
      "dyad.csv")
}
if ("--make-inputs" %in% commandArgs(trailingOnly = TRUE))
    make_inputs()

## sk-paired's command line (only the forms used in cases.tab).
parse_args <- function(words) {
    o <- list(pairs = character(0), suffix = NULL, prefix = NULL, id = NULL,
              within = NULL, levels = NULL, value = NULL, by = NULL,
              tsv = FALSE, header = TRUE, na = "NA", level = 0.95,
              alt = "two.sided", exact = FALSE, approx = FALSE,
              correct = TRUE, zero = "wilcox", dav = FALSE, gav = FALSE,
              adjust = "none", file = NULL)
    i <- 1
    while (i <= length(words)) {
        w <- words[i]
        key <- sub("=.*", "", w)
        long <- switch(key, "-p" = , "--pair" = "pair", "--suffix" = "suffix",
                       "--prefix" = "prefix", "--id" = "id",
                       "--within" = "within", "--levels" = "levels",
                       "--value" = "value", "-g" = , "--by" = "by",
                       "--na" = "na", "--level" = "level",
                       "--alternative" = "alt", "--zero" = "zero",
                       "--effect" = "effect", "--adjust" = "adjust", NA)
        if (w %in% c("-t", "--tsv")) {
            o$tsv <- TRUE
        } else if (w == "--no-header") {
            o$header <- FALSE
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
                pair = o$pairs <- c(o$pairs, v),
                level = o$level <- as.numeric(v),
                na = o$na <- strsplit(v, ",", fixed = TRUE)[[1]],
                alt = o$alt <- switch(v, "two-sided" = "two.sided",
                                      less = "less", greater = "greater"),
                effect = {
                    e <- strsplit(v, ",", fixed = TRUE)[[1]]
                    o$dav <- o$dav || any(e %in% c("dav", "all"))
                    o$gav <- o$gav || any(e %in% c("gav", "all"))
                },
                adjust = o$adjust <- switch(v, none = "none", holm = "holm",
                                            bh = "BH"),
                o[[long]] <- v)
        } else if (startsWith(w, "-")) {
            stop("option not known to paired.R: ", w)
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
## a name wins over a number.
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
## --pair BEFORE:AFTER, split at the first ':' where both sides are columns.
resolve_pair <- function(spec, names) {
    colons <- gregexpr(":", spec, fixed = TRUE)[[1]]
    for (k in colons) {
        b <- resolve_col(substr(spec, 1, k - 1), names)
        a <- resolve_col(substring(spec, k + 1), names)
        if (!is.na(a) && !is.na(b)) return(c(b, a))
    }
    stop("bad --pair ", spec)
}
## --suffix / --prefix: every column with the first affix (and something
## more) paired with the first column that has the same stem and the second
## affix, in column order.
affix_pairs <- function(spec, names, prefix) {
    parts <- regmatches(spec, regexpr(":", spec, fixed = TRUE), invert = TRUE)
    s1 <- parts[[1]][1]
    s2 <- parts[[1]][2]
    out <- list()
    for (b in seq_along(names)) {
        nm <- names[b]
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
        a <- which(names == want & seq_along(names) != b)
        if (length(a))    # the variable: the stem
            out[[length(out) + 1]] <- structure(c(b, a[1]), var = stem)
    }
    if (!length(out)) stop("nothing matches ", spec)
    out
}

## The table, read as sk-paired reads it, every column as text.
read_input <- function(o) {
    args <- list(file = o$file, header = o$header, colClasses = "character",
                 na.strings = unique(c(o$na, "")), strip.white = TRUE,
                 check.names = FALSE, fileEncoding = "UTF-8-BOM",
                 comment.char = "", fill = FALSE, blank.lines.skip = TRUE,
                 stringsAsFactors = FALSE)
    do.call(if (o$tsv) utils::read.delim else utils::read.csv, args)
}

## Median of the Walsh averages (x_i + x_j) / 2, i <= j.
walsh_median <- function(x) {
    if (!length(x)) return(NA_real_)
    s <- outer(x, x, "+") / 2
    median(s[upper.tri(s, diag = TRUE)])
}

## The interval of R 4.2's wilcox.test, normal method (stats:::
## wilcox.test.default, the conf.int part after "x <- x + mu"), for a
## vector x that may hold zeros (Pratt's HL interval); warned is TRUE when
## R would warn "requested conf.level not achievable".
wilcox_ci <- function(x, correct, alternative, conf.level,
                      tol.root = 1e-12) {
    alpha <- 1 - conf.level
    warned <- FALSE
    mumin <- min(x)
    mumax <- max(x)
    W <- function(d) {
        xd <- x - d
        xd <- xd[xd != 0]
        nx <- length(xd)
        dr <- rank(abs(xd))
        zd <- sum(dr[xd > 0]) - nx * (nx + 1) / 4
        NTIES.CI <- table(dr)
        SIGMA.CI <- sqrt(nx * (nx + 1) * (2 * nx + 1) / 24 -
                         sum(NTIES.CI^3 - NTIES.CI) / 48)
        CORRECTION.CI <- if (correct) {
            switch(alternative, two.sided = sign(zd) * 0.5,
                   greater = 0.5, less = -0.5)
        } else 0
        (zd - CORRECTION.CI) / SIGMA.CI
    }
    Wmumin <- W(mumin)
    Wmumax <- if (!is.finite(Wmumin)) NA else W(mumax)
    if (!is.finite(Wmumax))
        return(list(ci = c(if (alternative == "less") -Inf else NaN,
                           if (alternative == "greater") Inf else NaN),
                    warned = FALSE))
    wdiff <- function(d, zq) W(d) - zq
    root <- function(zq) {
        uniroot(wdiff, lower = mumin, upper = mumax, f.lower = Wmumin - zq,
                f.upper = Wmumax - zq, tol = tol.root, zq = zq)$root
    }
    ci <- switch(alternative, two.sided = {
        repeat {
            mindiff <- Wmumin - qnorm(alpha / 2, lower.tail = FALSE)
            maxdiff <- Wmumax - qnorm(alpha / 2)
            if (mindiff < 0 || maxdiff > 0) alpha <- alpha * 2 else break
        }
        warned <- alpha >= 1 || 1 - conf.level < alpha * 0.75
        if (alpha < 1) {
            c(root(qnorm(alpha / 2, lower.tail = FALSE)),
              root(qnorm(alpha / 2)))
        } else rep(median(x), 2)
    }, greater = {
        repeat {
            mindiff <- Wmumin - qnorm(alpha, lower.tail = FALSE)
            if (mindiff < 0) alpha <- alpha * 2 else break
        }
        warned <- alpha >= 1 || 1 - conf.level < alpha * 0.75
        c(if (alpha < 1) root(qnorm(alpha, lower.tail = FALSE))
          else median(x), Inf)
    }, less = {
        repeat {
            maxdiff <- Wmumax - qnorm(alpha / 2)
            if (maxdiff > 0) alpha <- alpha * 2 else break
        }
        warned <- alpha >= 1 || 1 - conf.level < alpha * 0.75
        c(-Inf, if (alpha < 1) root(qnorm(alpha)) else median(x))
    })
    list(ci = ci, warned = warned)
}

## R's normal-method interval ends are uniroot's roots of a step function
## (tol.root = 1e-12 absolute): the exact root is the Walsh average where
## the step is, and that average is what is written (checked to be within
## 1e-9 of R's root), so that an end at or near 0 can be compared with a
## relative tolerance. PAIRED_RAW_ROOTS=1 writes R's roots as they are
## (with PAIRED_EXPECTED_DIR=elsewhere, to measure R's own error).
snap_walsh <- function(v, x) {
    if (raw_roots || !is.finite(v)) return(v)
    s <- outer(x, x, "+") / 2
    w <- s[upper.tri(s, diag = TRUE)]
    k <- which.min(abs(w - v))
    if (abs(w[k] - v) > 1e-9 * max(1, abs(x)))
        stop("interval end ", v, " is not near a Walsh average")
    w[k]
}

## The exact conditional p of the signed-rank statistic by brute force: all
## 2^m sign assignments of the doubled ranks w2; V2 the observed doubled
## statistic. Two-sided as R: twice the tail on the side of V, at most 1.
brute_p <- function(w2, V2, alternative) {
    m <- length(w2)
    if (m > 16) stop("brute force is for m <= 16, not ", m)
    s <- integer(2^m)
    for (j in seq_len(m)) {
        on <- bitwAnd(0:(2^m - 1), 2^(j - 1)) != 0
        s <- s + on * w2[j]
    }
    le <- sum(s <= V2) / 2^m
    ge <- sum(s >= V2) / 2^m
    switch(alternative,
           less = le, greater = ge,
           two.sided = min(1, 2 * (if (V2 > sum(w2) / 2) ge else le)))
}

## scipy's Pratt test: c(V, p).
pratt_scipy <- function(d, correct, alternative) {
    f <- tempfile()
    writeLines(sprintf("%.17g", d), f)
    out <- system2(python, c(pratt_py, if (correct) "1" else "0",
                             alternative, f), stdout = TRUE)
    unlink(f)
    as.numeric(strsplit(out, " ")[[1]])
}

## The noncentrality where pt(t, df, ncp) = p, by uniroot. The bracket is
## wide (t -+ (10 + |t|), widened until it brackets), so pt is also called
## far in its tails, where it warns that "full precision may not have been
## achieved": those warnings are muffled during the search, but pt must not
## warn at the root itself.
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

## The decimals of a numeric vector (the smallest k <= 10 at which
## every value times 10^k is an integer, to 1e-6 of a unit).
dec_k <- function(x) {
    for (k in 0:10)
        if (all(abs(x * 10^k - round(x * 10^k)) < 1e-6)) return(k)
    stop("more than 10 decimals: exact_d cannot recover the decimals")
}

## d = a - b as exact decimals (see the header).
exact_d <- function(a, b) {
    k <- max(dec_k(a), dec_k(b))
    round(a - b, k)
}

## exactRankTests' interval of the exact test, on integers (header).
exact_tied_ci <- function(d, alt, level) {
    k <- dec_k(d)
    di <- round(d * 10^k)
    w <- suppressWarnings(exactRankTests::wilcox.exact(di, conf.int = TRUE,
            conf.level = level, alternative = alt, exact = TRUE))
    as.numeric(w$conf.int) / 10^k
}

exact_tied_p <- function(d, alt) {
    k <- dec_k(d)
    di <- round(d * 10^k)
    suppressWarnings(exactRankTests::wilcox.exact(di, alternative = alt,
                                                  exact = TRUE))$p.value
}

## One comparison: before b, after a (complete pairs), dropped pairs.
paired_row <- function(b, a, dropped, o) {
    alt <- o$alt
    level <- o$level
    alpha <- 1 - level
    n <- length(b)
    d <- exact_d(a, b)
    s <- list(n = n, n_dropped = dropped,
              mean_before = NA, sd_before = NA, mean_after = NA,
              sd_after = NA, mean_diff = NA, sd_diff = NA, se_diff = NA,
              ci_lo = NA, ci_hi = NA, t = NA, df = NA, p_t = NA, dz = NA,
              dz_lo = NA, dz_hi = NA, V = NA, p_w = NA, p_w_method = NA,
              hl = NA, hl_lo = NA, hl_hi = NA, r_rb = NA, n_zero = 0,
              p_sign = NA, p_mcnemar = NA, d_av = NA, g_av = NA)
    notes <- character(0)
    if (n == 0) {
        # R's t.test and wilcox.test stop: not enough observations
        notes <- "no complete pairs"
        s$note <- notes
        return(s)
    }
    s$mean_before <- mean(b)
    s$mean_after <- mean(a)
    s$mean_diff <- mean(d)
    if (n == 1) {
        notes <- "one pair: no sd, t or interval"
    } else {
        s$sd_before <- sd(b)
        s$sd_after <- sd(a)
        s$sd_diff <- sd(d)
        s$df <- n - 1
        s$se_diff <- s$sd_diff / sqrt(n)
        if (s$sd_diff > 0) {
            tt <- t.test(a, b, paired = TRUE, conf.level = level,
                         alternative = alt)
            s$mean_diff <- unname(tt$estimate)
            s$se_diff <- tt$stderr
            s[c("ci_lo", "ci_hi")] <- as.list(as.numeric(tt$conf.int))
            s$t <- unname(tt$statistic)
            s$df <- unname(tt$parameter)
            s$p_t <- tt$p.value
            s$dz <- mean(d) / sd(d)
            tq <- s$t
            df <- s$df
            if (alt == "two.sided") {
                s$dz_lo <- nct_ncp(tq, df, 1 - alpha / 2) / sqrt(n)
                s$dz_hi <- nct_ncp(tq, df, alpha / 2) / sqrt(n)
            } else if (alt == "greater") {
                s$dz_lo <- nct_ncp(tq, df, 1 - alpha) / sqrt(n)
                s$dz_hi <- Inf
            } else {
                s$dz_lo <- -Inf
                s$dz_hi <- nct_ncp(tq, df, alpha) / sqrt(n)
            }
        } else {
            # t.test stops ("data are essentially constant"): by hand, t =
            # mean / 0 = +-Inf (NaN for 0/0), p from pt(+-Inf), the
            # interval the point (open side infinite), d_z as t, no d_z
            # interval
            m <- s$mean_diff
            s$t <- if (m == 0) NA else m / 0
            s$dz <- s$t
            s$p_t <- if (m == 0) NA else switch(alt,
                two.sided = 2 * pt(-abs(s$t), s$df),
                less = pt(s$t, s$df),
                greater = pt(s$t, s$df, lower.tail = FALSE))
            s$ci_lo <- if (alt == "less") -Inf else m
            s$ci_hi <- if (alt == "greater") Inf else m
            notes <- if (m == 0) "all differences 0: t and d_z undefined (0/0)"
                     else "differences constant (sd 0): t and d_z infinite"
        }
    }

    ## Wilcoxon, Hodges-Lehmann, rank-biserial
    s$n_zero <- sum(d == 0)
    nz <- d[d != 0]
    m <- length(nz)
    if (o$zero == "pratt" && s$n_zero > 0) {
        rall <- rank(abs(d))
        r <- rall[d != 0]
    } else {
        r <- rank(abs(nz))
    }
    tplus <- sum(r[nz > 0])
    tminus <- sum(r[nz < 0])
    s$r_rb <- if (tplus + tminus > 0) (tplus - tminus) / (tplus + tminus)
              else NA
    ties <- any(duplicated(r))
    warned <- FALSE
    if (o$zero == "pratt" && s$n_zero > 0) {
        # V, p: scipy (normal) or brute force (--exact); HL on all d
        if (o$exact && m >= 1) {
            s$V <- tplus
            s$p_w <- brute_p(round(2 * r), round(2 * tplus), alt)
            s$p_w_method <- "exact"
        } else if (m >= 1) {
            vp <- pratt_scipy(d, o$correct, alt)
            s$V <- vp[1]
            s$p_w <- vp[2]
            s$p_w_method <- "normal"
        } else {
            s$V <- 0
        }
        s$hl <- walsh_median(d)
        ci <- wilcox_ci(d, o$correct, alt, level)
        s$hl_lo <- snap_walsh(ci$ci[1], d)
        s$hl_hi <- snap_walsh(ci$ci[2], d)
        warned <- ci$warned
    } else {
        ex <- if (o$approx) FALSE
              else if (o$exact && !ties && s$n_zero == 0) TRUE
              else NULL
        wt <- with_warnings(wilcox.test(d, conf.int = TRUE,
                                        exact = ex, correct = o$correct,
                                        alternative = alt, conf.level = level,
                                        tol.root = 1e-12))
        w <- wt$value
        warned <- "requested conf.level not achievable" %in% wt$warnings
        s$V <- unname(w$statistic)
        s$p_w <- w$p.value
        s$p_w_method <- if (is.nan(w$p.value)) NA
                        else if (grepl("exact", w$method)) "exact"
                        else "normal"
        if (o$exact && m >= 1 && (ties || s$n_zero > 0)) {
            # the exact conditional distribution: brute force, or beyond
            # 2^16 sign vectors exactRankTests' (shift algorithm) on the
            # integers d * 10^k
            s$p_w <- if (m <= 16) brute_p(round(2 * r), round(2 * tplus), alt)
                     else exact_tied_p(nz, alt)
            s$p_w_method <- "exact"
        }
        s$hl <- walsh_median(nz)
        s$hl_lo <- snap_walsh(w$conf.int[1], nz)
        s$hl_hi <- snap_walsh(w$conf.int[2], nz)
        if (o$exact && m >= 1 && (ties || s$n_zero > 0)) {
            # exactRankTests' interval; R's warning about the normal
            # interval's level does not concern it
            ci <- exact_tied_ci(nz, alt, level)
            s$hl_lo <- ci[1]
            s$hl_hi <- ci[2]
            warned <- FALSE
        }
        if (s$V != tplus) stop("V differs from R's")
    }
    if (warned)
        notes <- c(notes, "HL interval: requested level not achievable")

    ## sign test, McNemar
    npos <- sum(d > 0)
    nneg <- sum(d < 0)
    if (npos + nneg > 0)
        s$p_sign <- binom.test(npos, npos + nneg, alternative = alt)$p.value
    if (all(c(a, b) %in% c(0, 1)) && npos + nneg > 0) {
        n01 <- sum(b == 0 & a == 1)
        n10 <- sum(b == 1 & a == 0)
        s$p_mcnemar <- binom.test(n01, n01 + n10, alternative = alt)$p.value
    }

    ## d_av, g_av
    s$d_av <- s$mean_diff / ((s$sd_before + s$sd_after) / 2)
    if (n >= 2) s$g_av <- s$d_av * (1 - 3 / (8 * n - 9))
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
    by <- if (is.null(o$by)) NA else {
        k <- resolve_col(o$by, names)
        if (is.na(k)) stop("no group column ", o$by)
        k
    }
    ## The comparisons: before and after column (wide) or value column (long)
    cmps <- list()
    long <- !is.null(o$id)
    if (!long) {
        for (p in o$pairs) {    # the variable: BEFORE:AFTER
            cm <- resolve_pair(p, names)
            cmps[[length(cmps) + 1]] <- structure(cm, var = paste0(
                names[cm[1]], ":", names[cm[2]]))
        }
        if (!is.null(o$suffix))
            cmps <- c(cmps, affix_pairs(o$suffix, names, FALSE))
        if (!is.null(o$prefix))
            cmps <- c(cmps, affix_pairs(o$prefix, names, TRUE))
    } else {
        lv <- strsplit(o$levels, ",", fixed = TRUE)[[1]]
        idc <- resolve_col(o$id, names)
        wc <- resolve_col(o$within, names)
        # rows at other levels, or with no level, are not paired; their
        # groups still get rows (n = 0 when no row is at either level), as
        # in the wide form
        if (!is.na(by)) {
            g_all <- chr[[by]]
            g_all[is.na(g_all)] <- "NA"
            groups_all <- unique(g_all)
        }
        chr <- chr[!is.na(chr[[wc]]) & chr[[wc]] %in% lv, , drop = FALSE]
        for (k in select_cols(o$value, names)) cmps[[length(cmps) + 1]] <- k
    }
    num <- lapply(chr, function(col) NULL)
    for (k in unique(unlist(cmps))) num[[k]] <- as.numeric(chr[[k]])

    if (!is.na(by)) {
        g <- chr[[by]]
        g[is.na(g)] <- "NA"
        groups <- if (long) groups_all else unique(g)    # first-seen order
    } else {
        g <- rep("", nrow(chr))
        groups <- ""
    }
    rows <- list()
    labels <- list()
    for (cm in cmps) {
        for (gr in groups) {
            sel <- g == gr
            if (!long) {
                b <- num[[cm[1]]][sel]
                a <- num[[cm[2]]][sel]
                lab <- c(attr(cm, "var"), names[cm])
            } else {
                ids <- chr[[idc]][sel]
                if (anyNA(ids)) stop("missing id")
                lvl <- chr[[wc]][sel]
                v <- num[[cm]][sel]
                uid <- unique(ids)
                b <- v[lvl == lv[1]][match(uid, ids[lvl == lv[1]])]
                a <- v[lvl == lv[2]][match(uid, ids[lvl == lv[2]])]
                lab <- c(names[cm], lv)    # the value column, the levels
            }
            ok <- !is.na(b) & !is.na(a)
            rows[[length(rows) + 1]] <- paired_row(b[ok], a[ok], sum(!ok), o)
            labels[[length(labels) + 1]] <- c(lab, if (!is.na(by)) gr)
        }
    }
    if (o$adjust != "none") {
        pt_adj <- p.adjust(vapply(rows, function(s) as.numeric(s$p_t), 0),
                           method = o$adjust)
        pw_adj <- p.adjust(vapply(rows, function(s) as.numeric(s$p_w), 0),
                           method = o$adjust)
    }
    head2 <- c("n", "n_dropped", "mean_before", "sd_before", "mean_after",
               "sd_after", "mean_diff", "sd_diff", "se_diff", "ci_lo",
               "ci_hi", "t", "df", "p_t", "dz", "dz_lo", "dz_hi", "V", "p_w",
               "p_w_method", "hl", "hl_lo", "hl_hi", "r_rb", "n_zero",
               "p_sign", "p_mcnemar")
    header <- c("variable", "before", "after", if (!is.na(by)) "group", head2,
                if (o$adjust != "none") c("p_t_adj", "p_w_adj"),
                if (o$dav) "d_av", if (o$gav) "g_av", "difference", "note")
    out <- paste(header, collapse = "\t")
    for (i in seq_along(rows)) {
        s <- rows[[i]]
        cells <- vapply(labels[[i]], text_cell, "")
        for (h in head2) {
            cells <- c(cells, switch(h,
                n = , n_dropped = , n_zero = sprintf("%d", as.integer(s[[h]])),
                p_w_method = text_cell(s[[h]]),
                fmt_num(s[[h]])))
        }
        if (o$adjust != "none")
            cells <- c(cells, fmt_num(pt_adj[i]), fmt_num(pw_adj[i]))
        if (o$dav) cells <- c(cells, fmt_num(s$d_av))
        if (o$gav) cells <- c(cells, fmt_num(s$g_av))
        lab <- labels[[i]]
        cells <- c(cells, text_cell(paste(lab[3], "-", lab[2])),
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
cat(sprintf("%d cases, R %s, scipy %s\n", length(seen),
            paste(R.version$major, R.version$minor, sep = "."), scipy))
