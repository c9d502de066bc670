# aside.R - the expected values of tests/aside.sh (issue 14: the codebook
# in every program, non-substantive levels, aliases), by R.
#
# Run it from the source root:
#
#     Rscript tests/ref/aside.R              # tests/aside/expected/*
#     Rscript tests/ref/aside.R --make-data  # also rewrite tests/aside/forms.csv
#
# Made with R 4.2.2 (r-base-core) with psych, vcd. 'make check' never runs
# R: the expected files are kept in the tree.
#
# The data, tests/aside/forms.csv, is a made-up Microsoft Forms export: the
# items' columns are headed by their question texts (the codebook's alias;
# one with a trailing blank), answers are labels in any case, codes, the
# non-substantive "Don't know", "Not applicable", "Prefer not to say" (as
# labels or their codes 9, 8, 0), empty or NA. The codebook is
# tests/aside/codebook.csv. This script reads both as text with read.csv,
# maps each answer to its level's code (label, case and blanks ignored, or
# code), takes the missing=yes levels as NA and counts them apart, and
# computes with base R, psych and vcd:
#   mapped.csv        the codes (NA for missing and aside answers) under the
#                     items' short names: tests/aside.sh runs sk-boot on it
#                     and on the labelled data through the codebook and
#                     needs the same output
#   describe.tsv      sk-describe -g team: n, missing, aside, mean, sd, se,
#                     t interval, quantile(type = 7), G1 and G2
#   freq.tsv          sk-freq: table(factor(x, levels)), the aside levels
#                     after with NA percentages; freq-summary.tsv: --summary
#                     -g team, prop.test(correct = FALSE) intervals
#   paired.tsv        sk-paired -p conf_pre:conf_post: t.test(paired),
#                     wilcox.test(paired, exact = FALSE, correct = TRUE)
#   agree.tsv         sk-agree -p equal:trust: vcd::Kappa over the levels 1..5
#   compare.tsv       sk-compare --between=team: t.test (Welch), wilcox.test
#   alpha.tsv         sk-alpha: psych::alpha of the complete keyed rows
#   score.tsv         sk-score: rowMeans(na.rm = TRUE) of the keyed items,
#                     NA under 2 answered
#   boot-alpha.tsv    the estimate of sk-boot -s alpha: psych::alpha's raw
#                     alpha of the complete keyed rows
suppressPackageStartupMessages({ library(psych); library(vcd) })
options(warn = 1)

dir <- "tests/aside"
if (!file.exists(file.path(dir, "codebook.csv")))
    stop("run this from the source root: Rscript tests/ref/aside.R")
args <- commandArgs(trailingOnly = TRUE)
exp_dir <- file.path(dir, "expected")
dir.create(exp_dir, showWarnings = FALSE)

headers <- c(equal = "My partner and I related to each other as equals ",
             trust = "We trusted each other")

make_data <- function() {
    set.seed(14)
    n <- 37
    agree_lab <- c("Strongly disagree", "disagree", "Neither agree nor disagree",
                   "Agree", "strongly agree")
    conf_lab <- c("Not confident", "somewhat confident", "Confident",
                  "Very confident")
    answer <- function(labels, aside, p) {
        k <- length(labels)
        what <- sample(c("label", "code", "aside", "aside_code", "empty", "NA"),
                       1, prob = p)
        lv <- sample(k, 1, prob = seq_len(k) + 1)
        switch(what,
               label = labels[lv],
               code = as.character(lv - (k == 4) * 0),
               aside = sample(names(aside), 1),
               aside_code = as.character(sample(aside, 1)),
               empty = "",
               "NA" = "NA")
    }
    agree_aside <- c("Don't know" = 9, "don't know " = 9, "Not applicable" = 8)
    conf_aside <- c("Prefer not to say" = 0, "prefer NOT to say" = 0)
    p <- c(0.55, 0.2, 0.1, 0.05, 0.05, 0.05)
    d <- data.frame(id = seq_len(n),
                    team = ifelse(seq_len(n) %% 3 == 0, "B", "A"),
                    check.names = FALSE, stringsAsFactors = FALSE)
    for (it in c("equal", "trust", "listen"))
        d[[if (it %in% names(headers)) headers[[it]] else it]] <-
            vapply(seq_len(n), function(i) answer(agree_lab, agree_aside, p), "")
    pre <- vapply(seq_len(n), function(i) answer(conf_lab, conf_aside, p), "")
    post <- vapply(seq_len(n), function(i) answer(conf_lab, conf_aside, p), "")
    d$conf_pre <- pre
    d$conf_post <- post
    write.csv(d, file.path(dir, "forms.csv"), row.names = FALSE,
              na = "", quote = TRUE)
    cat("wrote tests/aside/forms.csv\n")
}
if ("--make-data" %in% args)
    make_data()

## ---- the codebook and the mapping ----------------------------------------

blank_trim <- function(s) gsub("^[ \t]+|[ \t]+$", "", s)
cb <- read.csv(file.path(dir, "codebook.csv"), colClasses = "character",
               strip.white = TRUE, na.strings = character(0))
lv <- cb[cb$type == "level", ]
sets <- lapply(split(lv, lv$name), function(r) {
    o <- order(as.numeric(r$code))
    r <- r[o, ]
    list(code = as.numeric(r$code), label = r$label,
         aside = tolower(r$missing) == "yes")
})
it <- cb[cb$type == "item", ]
items <- it$name
item_set <- setNames(lapply(it$levels, function(s) sets[[s]]), items)
reverse <- setNames(tolower(it$reverse) == "yes", items)

raw <- read.csv(file.path(dir, "forms.csv"), colClasses = "character",
                check.names = FALSE, na.strings = character(0),
                strip.white = FALSE)
column_of <- function(name) {
    hit <- which(names(raw) == name)
    if (length(hit) == 1) return(hit)
    a <- it$alias[it$name == name]
    which(blank_trim(names(raw)) == a)
}

## code (NA when missing or aside), and whether aside, of each answer
map_item <- function(name) {
    s <- item_set[[name]]
    t <- blank_trim(raw[[column_of(name)]])
    miss <- t == "" | t == "NA"
    hit <- match(tolower(t), tolower(s$label))
    num <- suppressWarnings(as.numeric(t))
    code <- ifelse(is.na(hit), num, s$code[hit])
    stopifnot(all(miss | code %in% s$code))
    aside <- !miss & code %in% s$code[s$aside]
    code[miss | aside] <- NA
    list(code = code, aside = aside, missing = miss)
}
m <- setNames(lapply(items, map_item), items)
code <- as.data.frame(lapply(m, `[[`, "code"))
keyed <- code
for (nm in items[reverse]) {
    s <- item_set[[nm]]
    r <- range(s$code[!s$aside])       # the substantive levels only
    keyed[[nm]] <- (r[1] + r[2]) - code[[nm]]
}
team <- raw$team

fmt <- function(v) {
    if (is.character(v)) return(v)
    ifelse(is.na(v) | !is.finite(v), "NA", sprintf("%.17g", v))
}
write_tsv <- function(df, name) {
    con <- file(file.path(exp_dir, name), "wb")
    writeLines(paste(names(df), collapse = "\t"), con)
    cols <- lapply(df, fmt)
    writeLines(do.call(paste, c(cols, sep = "\t")), con)
    close(con)
    cat(sprintf("wrote %s (%d rows)\n", file.path(exp_dir, name), nrow(df)))
}

## mapped.csv: the codes under the short names, NA for missing and aside
mapped <- cbind(data.frame(id = raw$id, team = team), code)
con <- file(file.path(exp_dir, "mapped.csv"), "wb")
write.csv(mapped, con, row.names = FALSE, na = "NA", quote = FALSE)
close(con)

## ---- sk-describe -g team -------------------------------------------------

g1 <- function(x) {
    n <- length(x); if (n < 3) return(NA)
    d <- x - mean(x); m2 <- mean(d^2); m3 <- mean(d^3)
    if (m2 == 0) return(NA)
    m3 / m2^1.5 * sqrt(n * (n - 1)) / (n - 2)
}
g2 <- function(x) {
    n <- length(x); if (n < 4) return(NA)
    d <- x - mean(x); m2 <- mean(d^2); m4 <- mean(d^4)
    if (m2 == 0) return(NA)
    ((n + 1) * (m4 / m2^2 - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
}
rows <- list()
for (nm in items) for (g in unique(team)) {
    sel <- team == g
    x <- code[[nm]][sel]
    v <- x[!is.na(x)]
    n <- length(v)
    q <- quantile(v, c(0, .25, .5, .75, 1), type = 7, names = FALSE)
    se <- sd(v) / sqrt(n)
    tc <- qt(0.975, n - 1)
    rows[[length(rows) + 1]] <- data.frame(
        variable = nm, group = g, n = as.character(n),
        missing = as.character(sum(m[[nm]]$missing[sel])),
        aside = as.character(sum(m[[nm]]$aside[sel])),
        mean = mean(v), sd = sd(v), se = se, ci_lo = mean(v) - tc * se,
        ci_hi = mean(v) + tc * se, min = q[1], q1 = q[2], median = q[3],
        q3 = q[4], max = q[5], iqr = q[4] - q[2], skewness = g1(v),
        kurtosis = g2(v), stringsAsFactors = FALSE)
}
write_tsv(do.call(rbind, rows), "describe.tsv")

## ---- sk-freq -------------------------------------------------------------

rows <- list()
srows <- list()
for (nm in items) {
    s <- item_set[[nm]]
    sub <- s$code[!s$aside]
    asd <- s$code[s$aside]
    t <- blank_trim(raw[[column_of(nm)]])
    hit <- match(tolower(t), tolower(s$label))
    num <- suppressWarnings(as.numeric(t))
    all_code <- ifelse(is.na(hit), num, s$code[hit])   # aside codes kept
    x <- code[[nm]]
    v <- x[!is.na(x)]
    n <- length(v)
    cnt <- as.vector(table(factor(v, levels = sub)))
    acnt <- as.vector(table(factor(all_code[m[[nm]]$aside], levels = asd)))
    miss <- sum(m[[nm]]$missing)
    na <- sum(m[[nm]]$aside)
    rows[[length(rows) + 1]] <- data.frame(
        item = nm, level = c(sub, asd),
        label = c(s$label[!s$aside], s$label[s$aside]),
        count = as.character(c(cnt, acnt)),
        percent = c(100 * cnt / n, rep(NA, length(asd))),
        cum_percent = c(100 * cumsum(cnt) / n, rep(NA, length(asd))),
        n = as.character(n), missing = as.character(miss),
        aside = as.character(na), stringsAsFactors = FALSE)
    k <- length(sub)
    side <- ifelse(seq_len(k) <= k %/% 2, -1,
                   ifelse(seq_len(k) > k - k %/% 2, 1, 0))
    for (g in unique(team)) {
        sel <- team == g
        vg <- x[sel & !is.na(x)]
        ng <- length(vg)
        cg <- as.vector(table(factor(vg, levels = sub)))
        nl <- sum(cg[side == -1]); nn <- sum(cg[side == 0])
        nh <- sum(cg[side == 1])
        ci <- function(k) 100 * as.vector(suppressWarnings(
            prop.test(k, ng, correct = FALSE)$conf.int))
        srows[[length(srows) + 1]] <- data.frame(
            item = nm, group = g, n = as.character(ng),
            missing = as.character(sum(m[[nm]]$missing[sel])),
            aside = as.character(sum(m[[nm]]$aside[sel])),
            n_low = as.character(nl), n_neutral = as.character(nn),
            n_high = as.character(nh), pct_low = 100 * nl / ng,
            pct_neutral = 100 * nn / ng, pct_high = 100 * nh / ng,
            high_lo = ci(nh)[1], high_hi = ci(nh)[2], mean = mean(vg),
            sd = sd(vg), median = median(vg), low_lo = ci(nl)[1],
            low_hi = ci(nl)[2], stringsAsFactors = FALSE)
    }
}
write_tsv(do.call(rbind, rows), "freq.tsv")
write_tsv(do.call(rbind, srows), "freq-summary.tsv")

## ---- sk-paired -p conf_pre:conf_post ---------------------------------------

b <- code$conf_pre; a <- code$conf_post
pre_miss <- m$conf_pre$missing; post_miss <- m$conf_post$missing
dropped <- pre_miss | post_miss
aside <- !dropped & (m$conf_pre$aside | m$conf_post$aside)
ok <- !is.na(a) & !is.na(b)
tt <- t.test(a[ok], b[ok], paired = TRUE)
wt <- suppressWarnings(wilcox.test(a[ok], b[ok], paired = TRUE, exact = FALSE,
                                   correct = TRUE))
write_tsv(data.frame(variable = "conf_pre:conf_post",
                     n = as.character(sum(ok)),
                     n_dropped = as.character(sum(dropped)),
                     aside = as.character(sum(aside)),
                     mean_diff = mean(a[ok] - b[ok]), t = tt$statistic,
                     df = tt$parameter, p_t = tt$p.value, V = wt$statistic,
                     p_w = wt$p.value, stringsAsFactors = FALSE),
          "paired.tsv")

## ---- sk-agree -p equal:trust ----------------------------------------------

ea <- code$equal; eb <- code$trust
dropped <- m$equal$missing | m$trust$missing
aside <- !dropped & (m$equal$aside | m$trust$aside)
ok <- !is.na(ea) & !is.na(eb)
tab <- table(factor(ea[ok], levels = 1:5), factor(eb[ok], levels = 1:5))
k <- vcd::Kappa(tab)
write_tsv(data.frame(variable = "equal:trust", n = as.character(sum(ok)),
                     n_dropped = as.character(sum(dropped)),
                     aside = as.character(sum(aside)),
                     pct_exact = 100 * mean(ea[ok] == eb[ok]),
                     kappa = k$Unweighted[["value"]],
                     stringsAsFactors = FALSE), "agree.tsv")

## ---- sk-compare --between=team --levels=A,B -c equal,listen ---------------

rows <- list()
for (nm in c("equal", "listen")) {
    x <- code[[nm]]
    xa <- x[team == "A" & !is.na(x)]; xb <- x[team == "B" & !is.na(x)]
    tt <- t.test(xb, xa)
    wt <- suppressWarnings(wilcox.test(xb, xa, exact = FALSE, correct = TRUE))
    rows[[length(rows) + 1]] <- data.frame(
        variable = nm, n_a = as.character(length(xa)),
        n_b = as.character(length(xb)),
        missing_a = as.character(sum(m[[nm]]$missing[team == "A"])),
        missing_b = as.character(sum(m[[nm]]$missing[team == "B"])),
        aside_a = as.character(sum(m[[nm]]$aside[team == "A"])),
        aside_b = as.character(sum(m[[nm]]$aside[team == "B"])),
        mean_a = mean(xa), mean_b = mean(xb), t = tt$statistic,
        df = tt$parameter, p_t = tt$p.value, W = wt$statistic,
        p_w = wt$p.value, stringsAsFactors = FALSE)
}
write_tsv(do.call(rbind, rows), "compare.tsv")

## ---- sk-alpha, sk-score, sk-boot -s alpha: the scale 'relation' ------------

sc <- c("equal", "trust", "listen")
km <- as.matrix(keyed[, sc])
cc <- km[complete.cases(km), ]
al <- psych::alpha(as.data.frame(cc), check.keys = FALSE, warnings = FALSE)
any_missing <- Reduce(`|`, lapply(sc, function(nm) m[[nm]]$missing))
incomplete <- !complete.cases(km)
write_tsv(data.frame(scale = "relation", k = "3",
                     n = as.character(nrow(cc)),
                     dropped = as.character(sum(incomplete & any_missing)),
                     aside = as.character(sum(incomplete & !any_missing)),
                     raw_alpha = al$total$raw_alpha,
                     std_alpha = al$total$std.alpha,
                     mean_r = al$total$average_r, score_mean = al$total$mean,
                     score_sd = al$total$sd, stringsAsFactors = FALSE),
          "alpha.tsv")
answered <- rowSums(!is.na(km))
score <- rowMeans(km, na.rm = TRUE)
score[answered < 2] <- NA
write_tsv(data.frame(id = as.character(raw$id), relation = score,
                     stringsAsFactors = FALSE), "score.tsv")
write_tsv(data.frame(stat = "alpha", n = as.character(nrow(cc)),
                     estimate = al$total$raw_alpha, stringsAsFactors = FALSE),
          "boot-alpha.tsv")
