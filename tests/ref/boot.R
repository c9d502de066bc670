# boot.R - reference intervals for the sk-boot tests, by R's boot package
# (and SciPy, through tests/ref/boot_scipy.py).
#
# Run it from the source root:
#
#     Rscript tests/ref/boot.R                  # every case
#     Rscript tests/ref/boot.R NAME...          # these cases only
#     Rscript tests/ref/boot.R --no-scipy ...   # R only
#     Rscript tests/ref/boot.R --make-inputs    # (re)write the generated
#                                               # inputs, then every case
#     SK_BOOT=BUILD/src/sk-boot Rscript tests/ref/boot.R --formulas
#                                               # tests/boot/formulas.tab
#
# Made with R 4.2.2 and boot 1.3-28.1 (Debian r-base-core, r-cran-boot),
# and Python 3 with scipy 1.10.1 and numpy 1.24.2 (python3-scipy, run as
# /usr/bin/python3 or $PYTHON). 'make check' never runs R or Python: the
# reference files are kept in the tree; run this again only when a case or
# an input changes, and review the diff. It takes about an hour.
#
# For every line NAME<TAB>ARGUMENTS of tests/boot/cases.tab (the golden
# cases, at the B they give) and of tests/boot/stats.tab (the agreement
# cases of tests/boot-stats.sh, at a large B) it parses the sk-boot
# arguments itself, reads the input as sk-boot does (na.strings = the --na
# tokens and empty cells; complete cases per statistic: each -c column on
# its own, all -c columns together for alpha, both columns of a -p pair;
# groups of -g, strata of --strata within them) and writes
#
#   tests/boot/ref/NAME.R.tsv      boot::boot(x, statistic, R = B_ref,
#                                  stype = "i", strata = the --strata
#                                  column), boot.ci(conf = --level)
#   tests/boot/ref/NAME.scipy.tsv  scipy.stats.bootstrap(n_resamples =
#                                  B_ref, method = 'percentile', 'basic',
#                                  'BCa'); not for --strata cases (SciPy has
#                                  no strata)
#
# with one row per variable, group, statistic and method, and what the
# tests need to compare sk-boot's output with them within Monte Carlo
# error (tests/boot/refcmp.awk): the estimate, bias, se, lo, hi, z0, a of
# the reference, and for each end its level p in the distribution of the
# replicates and its bracket values (below), and the MC coefficients c of
# the normal ends, bias, se and z0 (an estimate from B replicates has MC
# standard error c / sqrt(B)).
#
# The methods, as sk-boot defines them (sk-boot --help, src/lib/boot.h):
#   percentile, basic, normal, student   boot.ci(type = "perc", "basic",
#       "norm", "stud"); student only for the means (mean, pct,
#       mean-diff), the statistic returning c(mean, var / n) (sk-boot's
#       se = sd / sqrt(n)).
#   bca   z0 = qnorm((#{t* < t0} + #{t* = t0} / 2) / R) (ties count one
#       half, as SciPy; t* = t0 when |t* - t0| <= 1e-12 max(1, |t0|): the
#       ties of exact arithmetic), a = sum L^3 / (6 (sum L^2)^1.5) with the
#       jackknife L_j = (n_s - 1) (mean of the leave-one-out values of j's
#       stratum - the value without row j) (Efron & Tibshirani 1993, 14.15;
#       boot.h), the ends boot:::norm.inter(t*, pnorm(z0 + (z0 + z) / (1 -
#       a (z0 + z)))), as boot:::bca.ci does with its own z0 and a.
#   bca-R boot.ci(type = "bca", L = empinf(b, type = "jack")) itself: R's
#       z0 does not count ties (qnorm(#{t* < t0} / R)), and its jackknife
#       (boot:::usual.jack) centres on t0, not on the mean of the
#       leave-one-out values: L_j = (n_s - 1) (t0 - t(-j)). For a mean
#       without strata the two L are the same; otherwise R's a differs from
#       sk-boot's (and SciPy's). The row has check = yes when the two
#       definitions agree here (|a_R - a| <= 1e-9 |a| and z0 without ties
#       within half its MC error), else check = info: the test prints the
#       difference but does not fail on it.
# SciPy (boot_scipy.py): the intervals of scipy.stats.bootstrap itself (its
# BCa counts ties one half, exactly, and uses the jackknife above); its
# percentiles are np.percentile's (linear), not norm.inter: both lie
# within the brackets below.
#
# The tolerances (K = 4.5, B sk-boot's replicates, B_ref = 200000 for
# stats.tab, 50000 for cases.tab; refcmp.awk).
# - An end that is a quantile at level p of the bootstrap distribution
#   (percentile; basic, 2 t0 - the quantile at 1 - p; student, t0 - se0
#   times the quantile of z* = (t* - t0) / se*; BCa, the quantile at the
#   adjusted level p = pnorm(z0 + (z0 + z) / (1 - a (z0 + z)))): the
#   empirical CDF of B replicates at a value is within sqrt(p (1 - p) / B)
#   of the true one (one binomial s.e.), so the estimated end lies between
#   the true quantiles at p -+ K sqrt(p (1 - p) / B), and the reference's
#   own quantiles are off by the same with B_ref. The test accepts sk-boot's
#   end when it lies in [Q(p - D), Q(p + D)] (mapped as the end is), Q the
#   reference replicates' quantiles, D = K sqrt((1/B + 1/B_ref) (p (1 - p)
#   + g^2)), taken as the next value of the grid D_k = 0.0005 2^((k-1)/2)
#   (k = 1..17; beyond, the whole range). For BCa, g = dp/dz0 c_z0 adds the
#   MC error of z0 (dp/dz0 = dnorm(w) (1 + 1 / (1 - a (z0 + z))^2)); 0
#   otherwise. This is the MC error of a sample quantile (asymptotically
#   sqrt(p (1 - p) / B) dQ/dp, dQ/dp = se / dnorm(qnorm(p)) for a normal
#   distribution) without assuming a density: it also holds on the lumpy
#   distributions of discrete data and of medians, whose quantile can jump
#   between atoms.
# - normal, t0 - bias -+ z se: c = se sqrt(1 + z^2 (k - 1) / 4), k the
#   kurtosis of the replicates (var(se^) = se^2 (k - 1) / (4 B)); bias:
#   c = se; se: c = se sqrt((k - 1) / 4); z0: c_z0 = sqrt(p0 (1 - p0)) /
#   dnorm(z0), p0 = pnorm(z0) (a binomial share); tolerance K c sqrt(1/B +
#   1/B_ref).
#
# --formulas: for tests/boot/formulas.tab, R's interval formulas applied to
# sk-boot's own replicates (no Monte Carlo error; see run_formulas).
#
# Two groups (--between COLUMN [--levels A,B]; without --levels the
# column's two values in first-seen order): the sample is the matrix
# (value, side), side 0 for A and 1 for B, and boot(..., strata = side)
# resamples each group apart, its size fixed, as sk-boot. The statistics
# of B - A: mean-diff (with the variance var_A / n_A + var_B / n_B for
# student) and pct-diff:L (the same on the answers in L as 0 or 100),
# median-diff (R's median, type 7), g = J (mean_B - mean_A) / s_pooled
# with J = exp(lgamma(df / 2) - lgamma((df - 1) / 2)) / sqrt(df / 2)
# (here from lgamma, in sk-boot from GSL's lnpoch; the estimate is also
# checked against effectsize::hedges_g(b, a)), theta = (sum of B's
# midranks - n_B (n_B + 1) / 2) / (n_A n_B), i.e. P(B > A) + P(B = A) / 2
# (checked against effectsize::p_superiority(b, a, parametric = FALSE)).
# The jackknife for BCa (jack_a) leaves out one row at a time over both
# groups, L in the row's group, as boot:::usual.jack does with strata.
# No SciPy reference (its bootstrap has no strata).
#
# Generated inputs (--make-inputs): tests/boot/input/likert.csv, 400
# respondents (seed 20240601): role (staff/student, the strata), site
# (north/south/east, the groups), Likert items Q1..Q4 (1-5; Q4 with 15
# NA), yes/no items Y1..Y3 (0/1), score and score2 (two decimals; score2
# with 6 empty cells), time (lognormal, one decimal).

suppressPackageStartupMessages(library(boot))

B_REF <- 200000L    # per case file: see the main loop
REF_SEED <- 20240601
src_dir <- "tests/boot"
ref_dir <- file.path(src_dir, "ref")
input_dir <- file.path(src_dir, "input")
case_files <- file.path(src_dir, c("cases.tab", "stats.tab"))
if (!file.exists(case_files[1]))
    stop("run this from the source root: Rscript tests/ref/boot.R")
args <- commandArgs(trailingOnly = TRUE)
use_scipy <- !("--no-scipy" %in% args)
only <- args[!startsWith(args, "--")]
python <- Sys.getenv("PYTHON", "/usr/bin/python3")

make_inputs <- function() {
    set.seed(20240601)
    n <- 400
    role <- sample(c("staff", "student"), n, replace = TRUE, prob = c(.3, .7))
    site <- sample(c("north", "south", "east"), n, replace = TRUE,
                   prob = c(.5, .3, .2))
    lat <- rnorm(n) + ifelse(role == "staff", 0.5, 0)
    cuts <- c(-Inf, -1.6, -0.7, 0.2, 1.1, Inf)
    item <- function(shift, load = 0.8)
        cut(load * lat + rnorm(n, sd = 0.7) + shift, cuts, labels = FALSE)
    Q1 <- item(0.5); Q2 <- item(0.3); Q3 <- item(0, 0.6); Q4 <- item(0.6, 0.9)
    Y1 <- as.integer(lat + rnorm(n) > 0)
    Y2 <- as.integer(lat + rnorm(n) > -0.5)
    Y3 <- as.integer(lat + rnorm(n) > 0.4)
    score <- round(3 + lat + rnorm(n, sd = 0.6), 2)
    score2 <- round(score + 0.25 + rnorm(n, sd = 0.5), 2)
    time <- round(rlnorm(n, 2, 0.8), 1)
    Q4c <- as.character(Q4)
    Q4c[sample(n, 15)] <- "NA"
    sc2 <- sprintf("%.2f", score2)
    sc2[sample(n, 6)] <- ""
    lines <- c("id,role,site,Q1,Q2,Q3,Q4,Y1,Y2,Y3,score,score2,time",
               paste(seq_len(n), role, site, Q1, Q2, Q3, Q4c, Y1, Y2, Y3,
                     sprintf("%.2f", score), sc2, sprintf("%.1f", time),
                     sep = ","))
    path <- file.path(input_dir, "likert.csv")
    con <- file(path, "wb")
    writeLines(lines, con)
    close(con)
    cat("wrote", path, "\n")
}
if ("--make-inputs" %in% args)
    make_inputs()

## sk-boot's command line (only the forms used in the case files).
parse_args <- function(words) {
    o <- list(columns = NULL, pairs = character(0), stats = "mean",
              methods = c("percentile", "bca"), B = 10000, level = 0.95,
              strata = NULL, by = NULL, na = "NA", tsv = FALSE,
              header = TRUE, file = NULL, seed = 20240601, between = NULL,
              levels = NULL)
    i <- 1
    while (i <= length(words)) {
        w <- words[i]
        key <- sub("=.*", "", w)
        long <- switch(key, "-c" = , "--columns" = "columns",
                       "-p" = , "--pair" = "pair", "-s" = , "--stat" = "stat",
                       "-m" = , "--method" = "method",
                       "-B" = , "--replicates" = "B", "--seed" = "seed",
                       "--level" = "level", "--strata" = "strata",
                       "-g" = , "--by" = "by", "--threads" = "ignore",
                       "--precision" = "ignore", "--na" = "na",
                       "--replicates-out" = "ignore",
                       "--between" = "between", "--levels" = "levels", NA)
        if (w %in% c("-t", "--tsv")) {
            o$tsv <- TRUE
        } else if (w == "--no-header") {
            o$header <- FALSE
        } else if (!is.na(long)) {
            if (grepl("=", w)) {
                v <- sub("^[^=]*=", "", w)
            } else {
                i <- i + 1
                v <- words[i]
            }
            if (is.na(v)) stop("option ", w, " needs a value")
            switch(long,
                columns = o$columns <- v,
                pair = o$pairs <- c(o$pairs, v),
                stat = o$stats <- v,
                method = o$methods <- strsplit(v, ",", fixed = TRUE)[[1]],
                B = o$B <- as.numeric(v),
                seed = o$seed <- as.numeric(v),
                level = o$level <- as.numeric(v),
                strata = o$strata <- v,
                by = o$by <- v,
                na = o$na <- strsplit(v, ",", fixed = TRUE)[[1]],
                between = o$between <- v,
                levels = o$levels <- strsplit(v, ",", fixed = TRUE)[[1]],
                ignore = NULL)
        } else if (startsWith(w, "-")) {
            stop("option not known to boot.R: ", w)
        } else {
            if (!is.null(o$file)) stop("more than one file: ", w)
            o$file <- w
        }
        i <- i + 1
    }
    if (is.null(o$file)) stop("no input file")
    o$methods <- vapply(o$methods, function(m)
        switch(m, perc = "percentile", norm = "normal", stud = "student", m),
        "")
    o
}

## -s LIST: "pct:4,5" (and "pct-diff:4,5") takes the numbers after it
## as its levels; "prop:" and "prop-diff:" are their aliases, named pct:
## and pct-diff: as sk-boot prints them (README, "Names and units").
parse_stats <- function(s) {
    items <- strsplit(s, ",", fixed = TRUE)[[1]]
    out <- list()
    k <- 1
    while (k <= length(items)) {
        it <- items[k]
        pre <- if (startsWith(it, "pct:") || startsWith(it, "prop:")) "pct"
               else if (startsWith(it, "pct-diff:") ||
                        startsWith(it, "prop-diff:")) "pct-diff" else NULL
        if (!is.null(pre)) {
            rx <- "^[^:]*:"
            lv <- as.numeric(sub(rx, "", it))
            while (k < length(items) &&
                   !is.na(suppressWarnings(as.numeric(items[k + 1])))) {
                k <- k + 1
                lv <- c(lv, as.numeric(items[k]))
            }
            out[[length(out) + 1]] <- list(
                name = paste0(pre, ":", paste(sub(rx, "",
                    items[(k - length(lv) + 1):k]), collapse = ",")),
                kind = pre, levels = lv)
        } else {
            out[[length(out) + 1]] <- list(name = it, kind = it)
        }
        k <- k + 1
    }
    out
}

read_input <- function(o) {
    na <- c(o$na, "")
    if (o$tsv)
        read.delim(o$file, header = o$header, colClasses = "character",
                   na.strings = na, check.names = FALSE, strip.white = TRUE,
                   quote = "")
    else
        read.csv(o$file, header = o$header, colClasses = "character",
                 na.strings = na, check.names = FALSE, strip.white = TRUE)
}

## -c LIST: names and A:B ranges of names.
select_cols <- function(spec, names) {
    out <- character(0)
    for (it in strsplit(spec, ",", fixed = TRUE)[[1]]) {
        if (it %in% names) {
            out <- c(out, it)
        } else if (grepl(":", it, fixed = TRUE)) {
            ab <- strsplit(it, ":", fixed = TRUE)[[1]]
            out <- c(out, names[match(ab[1], names):match(ab[2], names)])
        } else stop("no column ", it)
    }
    out
}

## ---- statistics, as boot() statistics (stype "i") ----
alpha_of <- function(X) {
    k <- ncol(X)
    k / (k - 1) * (1 - sum(apply(X, 2, var)) / var(rowSums(X)))
}
stat_fun <- function(kind) {
    switch(kind,
        mean = , pct = , "mean-diff" = function(x, i) {
            y <- x[i]
            c(mean(y), var(y) / length(y))
        },
        median = function(x, i) median(x[i]),
        sd = function(x, i) sd(x[i]),
        var = function(x, i) var(x[i]),
        dz = function(x, i) { y <- x[i]; mean(y) / sd(y) },
        cor = function(x, i) cor(x[i, 1], x[i, 2]),
        alpha = function(x, i) alpha_of(x[i, , drop = FALSE]),
        "mean-diff2" = , "pct-diff" = function(x, i) {
            a <- x[i, 1][x[i, 2] == 0]
            b <- x[i, 1][x[i, 2] == 1]
            c(mean(b) - mean(a), var(a) / length(a) + var(b) / length(b))
        },
        "median-diff" = function(x, i)
            median(x[i, 1][x[i, 2] == 1]) - median(x[i, 1][x[i, 2] == 0]),
        g = function(x, i) {
            a <- x[i, 1][x[i, 2] == 0]
            b <- x[i, 1][x[i, 2] == 1]
            na <- length(a)
            nb <- length(b)
            sp <- sqrt(((na - 1) * var(a) + (nb - 1) * var(b)) / (na + nb - 2))
            hedges_J(na + nb - 2) * (mean(b) - mean(a)) / sp
        },
        theta = function(x, i) {
            s <- x[i, 2]
            r <- rank(x[i, 1])
            na <- sum(s == 0)
            nb <- sum(s == 1)
            (sum(r[s == 1]) - nb * (nb + 1) / 2) / (na * nb)
        },
        stop("unknown statistic ", kind))
}
hedges_J <- function(df)
    exp(lgamma(df / 2) - lgamma((df - 1) / 2)) / sqrt(df / 2)
## The estimates of g and theta against effectsize, once per sample.
check_between <- function(kind, x, t0) {
    if (!(kind %in% c("g", "theta"))) return(invisible())
    a <- x[x[, 2] == 0, 1]
    b <- x[x[, 2] == 1, 1]
    ref <- if (kind == "g") effectsize::hedges_g(b, a)$Hedges_g
           else effectsize::p_superiority(b, a, parametric = FALSE)[[1]]
    if (abs(ref - t0) > 1e-12 * max(1, abs(ref)))
        stop(kind, ": ", t0, " here, effectsize ", ref)
}

## The jackknife of boot.h: L_j = (n_s - 1) (mean_s t(-k) - t(-j)).
jack_a <- function(x, f, strata) {
    n <- NROW(x)
    tj <- vapply(seq_len(n), function(j) f(x, seq_len(n)[-j])[1], 0)
    L <- numeric(n)
    for (s in unique(strata)) {
        g <- strata == s
        L[g] <- (sum(g) - 1) * (mean(tj[g]) - tj[g])
    }
    if (!(sum(L^2) > 0)) return(NA)
    sum(L^3) / (6 * sum(L^2)^1.5)
}

## ---- Monte Carlo tolerances ----
## An end at level p of the replicates' distribution: the quantile
## function of the reference's replicates (type 1), and the end's values at
## the levels p -+ D_k, D_k = 0.0005 2^((k-1)/2), k = 1..17, and D_18 = 2
## (the whole range): the brackets of tests/boot/refcmp.awk.
qt1 <- function(ts, u) ts[max(1, min(length(ts), ceiling(u * length(ts))))]
DGRID <- c(0.0005 * 2^((0:16) / 2), 2)
bracket <- function(ts, p, f = identity) {
    if (!is.finite(p)) return("NA")
    v <- c(vapply(DGRID, function(d) f(qt1(ts, p - d)), 0),
           vapply(DGRID, function(d) f(qt1(ts, p + d)), 0))
    paste(vapply(v, fmt, ""), collapse = ",")
}
kurt <- function(t) { m <- mean(t); mean((t - m)^4) / mean((t - m)^2)^2 }
z0_ties <- function(t, t0) {
    eq <- abs(t - t0) <= 1e-12 * max(1, abs(t0))
    p0 <- (sum(t < t0 & !eq) + sum(eq) / 2) / length(t)
    list(z0 = qnorm(p0), p0 = p0, tie = mean(eq))
}
z0_coef <- function(z0) {
    p0 <- pnorm(z0)
    sqrt(p0 * (1 - p0)) / dnorm(z0)
}
## BCa: the adjusted level of an end and its sensitivity to z0 (times the
## MC coefficient of z0)
bca_level <- function(z0, a, z) pnorm(z0 + (z0 + z) / (1 - a * (z0 + z)))
bca_g <- function(z0, a, z) {
    w <- z0 + (z0 + z) / (1 - a * (z0 + z))
    dnorm(w) * (1 + 1 / (1 - a * (z0 + z))^2) * z0_coef(z0)
}

fmt <- function(v) {
    if (is.null(v) || length(v) == 0 || is.na(v)) return("NA")
    if (v == 0) v <- 0
    sprintf("%.10g", v)
}
ref_header <- c("variable", "group", "stat", "method", "level", "n",
                "B_ref", "estimate", "bias", "se", "lo", "hi", "z0", "a",
                "p_lo", "p_hi", "g_lo", "g_hi", "qb_lo", "qb_hi", "c_lo",
                "c_hi", "c_bias", "c_se", "c_z0", "check", "source")
## e: list(lo, hi, p_lo, p_hi, g_lo, g_hi, qb_lo, qb_hi, c_lo, c_hi)
ref_row <- function(key, method, level, n, r, e, z0 = NA, a = NA,
                    check = "yes", source = "R", c_z0 = NA) {
    g <- function(nm) if (is.null(e[[nm]])) NA else e[[nm]]
    qb <- function(nm) if (is.null(e[[nm]])) "NA" else e[[nm]]
    paste(c(key, method, fmt(level), n, B_REF, fmt(r$t0), fmt(r$bias),
            fmt(r$se), fmt(e$lo), fmt(e$hi), fmt(z0), fmt(a),
            fmt(g("p_lo")), fmt(g("p_hi")), fmt(g("g_lo")), fmt(g("g_hi")),
            qb("qb_lo"), qb("qb_hi"), fmt(g("c_lo")), fmt(g("c_hi")),
            fmt(r$se), fmt(r$se * sqrt((r$kurt - 1) / 4)), fmt(c_z0), check,
            source), collapse = "\t")
}
## The ends of each method, with their brackets.
ends_perc <- function(r, v, p)
    list(lo = v[1], hi = v[2], p_lo = p[1], p_hi = p[2], g_lo = 0, g_hi = 0,
         qb_lo = bracket(r$ts, p[1]), qb_hi = bracket(r$ts, p[2]))
ends_basic <- function(r, v, p) {
    f <- function(q) 2 * r$t0 - q
    list(lo = v[1], hi = v[2], p_lo = p[2], p_hi = p[1], g_lo = 0, g_hi = 0,
         qb_lo = bracket(r$ts, p[2], f), qb_hi = bracket(r$ts, p[1], f))
}
ends_normal <- function(r, v, zq) {
    cn <- r$se * sqrt(1 + zq[2]^2 * (r$kurt - 1) / 4)
    list(lo = v[1], hi = v[2], c_lo = cn, c_hi = cn)
}
ends_bca <- function(r, v, z0, a, zq) {
    pl <- bca_level(z0, a, zq)
    list(lo = v[1], hi = v[2], p_lo = pl[1], p_hi = pl[2],
         g_lo = bca_g(z0, a, zq[1]), g_hi = bca_g(z0, a, zq[2]),
         qb_lo = bracket(r$ts, pl[1]), qb_hi = bracket(r$ts, pl[2]))
}

## What R and SciPy share, from the replicates t and the estimate t0.
common <- function(t, t0) {
    ts <- sort(t[is.finite(t)])
    list(t0 = t0, ts = ts, nu = length(unique(signif(ts, 12))),
         bias = mean(ts) - t0, se = sd(ts), kurt = kurt(ts))
}

r_rows <- function(key, kind, x, strata, level, methods, n) {
    f <- stat_fun(kind)
    set.seed(REF_SEED)
    b <- if (is.null(strata)) boot(x, f, R = B_REF, stype = "i")
         else boot(x, f, R = B_REF, stype = "i", strata = factor(strata))
    t0 <- b$t0[1]
    check_between(kind, x, t0)
    r <- common(b$t[, 1], t0)
    ts <- r$ts
    if (r$nu < 2) {    # no variation: boot.ci cannot; no reference
        cat("    no variation: no reference rows\n")
        return(character(0))
    }
    alpha <- 1 - level
    p <- c(alpha / 2, 1 - alpha / 2)
    zq <- qnorm(p)
    out <- character(0)
    ci <- function(type, L = NULL) {
        suppressWarnings(tryCatch(
            boot.ci(b, conf = level, type = type, L = L,
                    index = if (type == "stud") 1:2 else 1),
            error = function(e) {
                message("boot.ci ", type, ": ", conditionMessage(e))
                NULL
            }))
    }
    st <- if (is.null(strata)) rep(1, n) else strata
    for (m in methods) {
        if (m == "percentile") {
            v <- ci("perc")$percent[4:5]
            if (is.null(v)) next
            out <- c(out, ref_row(key, m, level, n, r, ends_perc(r, v, p)))
        } else if (m == "basic") {
            v <- ci("basic")$basic[4:5]
            if (is.null(v)) next
            out <- c(out, ref_row(key, m, level, n, r, ends_basic(r, v, p)))
        } else if (m == "normal") {
            v <- ci("norm")$normal[2:3]
            if (is.null(v)) next
            out <- c(out, ref_row(key, m, level, n, r, ends_normal(r, v, zq)))
        } else if (m == "student") {
            if (!(kind %in% c("mean", "pct", "mean-diff", "mean-diff2",
                              "pct-diff"))) next
            v <- ci("stud")$student[4:5]
            if (is.null(v)) next
            se0 <- sqrt(b$t0[2])
            z <- (b$t[, 1] - t0) / sqrt(b$t[, 2])
            z <- sort(z[is.finite(z)])
            fz <- function(q) t0 - se0 * q
            e <- list(lo = v[1], hi = v[2], p_lo = p[2], p_hi = p[1],
                      g_lo = 0, g_hi = 0, qb_lo = bracket(z, p[2], fz),
                      qb_hi = bracket(z, p[1], fz))
            out <- c(out, ref_row(key, m, level, n, r, e))
        } else if (m == "bca") {
            a <- jack_a(x, f, st)
            zz <- z0_ties(ts, t0)
            if (is.na(a) || !is.finite(zz$z0)) next
            v <- boot:::norm.inter(ts, bca_level(zz$z0, a, zq))[, 2]
            out <- c(out, ref_row(key, m, level, n, r,
                                  ends_bca(r, v, zz$z0, a, zq), zz$z0, a,
                                  c_z0 = z0_coef(zz$z0)))
            # boot.ci's own BCa, with R's z0 and jackknife
            L <- empinf(b, type = "jack", index = 1)
            aR <- sum(L^3) / (6 * sum(L^2)^1.5)
            res <- ci("bca", L = L)
            if (is.null(res)) next
            v <- res$bca[4:5]
            zR <- qnorm(sum(ts < t0) / length(ts))
            same <- abs(aR - a) <= 1e-9 * abs(a) &&
                abs(zR - zz$z0) <= 0.5 * z0_coef(zz$z0) * sqrt(2 / B_REF)
            out <- c(out, ref_row(key, "bca-R", level, n, r,
                                  ends_bca(r, v, zR, aR, zq), zR, aR,
                                  check = if (same) "yes" else "info",
                                  c_z0 = z0_coef(zR)))
        }
    }
    out
}

## SciPy: boot_scipy.py on the sample; it returns its intervals, z0 and a
## and writes its replicates, from which the MC coefficients are computed
## as for R's.
scipy_rows <- function(key, kind, x, level, methods, n) {
    sm <- intersect(methods, c("percentile", "basic", "bca"))
    if (!length(sm)) return(character(0))
    din <- tempfile(fileext = ".tsv")
    dout <- tempfile(fileext = ".tsv")
    ddist <- tempfile(fileext = ".txt")
    write.table(as.matrix(x), din, sep = "\t", row.names = FALSE,
                col.names = FALSE)
    skind <- switch(kind, pct = , "mean-diff" = "mean", kind)
    rc <- system2(python, c("tests/ref/boot_scipy.py", skind, level,
                            sprintf("%d", B_REF),
                            REF_SEED, din, dout, ddist))
    if (rc != 0) stop("boot_scipy.py failed")
    res <- read.delim(dout, header = TRUE)
    t <- scan(ddist, quiet = TRUE)
    unlink(c(din, dout, ddist))
    r <- common(t, res$estimate)
    if (r$nu < 2) return(character(0))    # no variation
    alpha <- 1 - level
    p <- c(alpha / 2, 1 - alpha / 2)
    zq <- qnorm(p)
    out <- character(0)
    for (m in sm) {
        if (m == "percentile") {
            e <- ends_perc(r, c(res$perc_lo, res$perc_hi), p)
        } else if (m == "basic") {
            e <- ends_basic(r, c(res$basic_lo, res$basic_hi), p)
        } else {
            if (!is.finite(res$bca_lo) || !is.finite(res$z0)) next
            e <- ends_bca(r, c(res$bca_lo, res$bca_hi), res$z0, res$a, zq)
        }
        out <- c(out, ref_row(key, m, level, n, r, e,
                              z0 = if (m == "bca") res$z0 else NA,
                              a = if (m == "bca") res$a else NA,
                              source = "scipy",
                              c_z0 = if (m == "bca") z0_coef(res$z0) else NA))
    }
    out
}

## ---- one case ----
run_case <- function(name, argstr) {
    o <- parse_args(strsplit(trimws(argstr), "[ \t]+")[[1]])
    chr <- read_input(o)
    names <- colnames(chr)
    stats <- parse_stats(o$stats)
    kinds <- vapply(stats, function(s) s$kind, "")
    uni <- kinds %in% c("mean", "median", "sd", "var", "pct")
    cols <- if (is.null(o$columns)) character(0)
            else select_cols(o$columns, names)
    num <- function(col) as.numeric(chr[[col]])
    g <- if (is.null(o$by)) rep("all", nrow(chr)) else chr[[o$by]]
    groups <- unique(g)
    sv <- if (is.null(o$strata)) NULL else chr[[o$strata]]
    ## --between: the side of each row, 0 (A), 1 (B) or NA
    side <- NULL
    if (!is.null(o$between)) {
        bv <- chr[[o$between]]
        lv <- if (is.null(o$levels)) unique(bv[!is.na(bv)]) else o$levels
        if (length(lv) != 2 || !all(lv %in% bv)) stop("bad --between levels")
        side <- match(bv, lv) - 1
    }
    ## the analyses: label, kind of data, data columns
    an <- list()
    if (any(uni))
        for (cn in cols) an[[length(an) + 1]] <- list(label = cn, fam = "uni",
                                                      cols = cn)
    if ("alpha" %in% kinds)
        an[[length(an) + 1]] <- list(label = o$columns, fam = "alpha",
                                     cols = cols)
    ## the names (README, "Names and units"): variable the column, with
    ## --between too; BEFORE:AFTER of a -p pair (mean-diff, dz and cor)
    if (!is.null(side)) {
        an <- lapply(cols, function(cn)
            list(label = cn, fam = "between", cols = cn))
        kinds[kinds == "mean-diff"] <- "mean-diff2"
        for (k in seq_along(stats))
            if (stats[[k]]$kind == "mean-diff") stats[[k]]$kind <- "mean-diff2"
    }
    for (fam in c("paired", "cor")) {
        fk <- if (fam == "paired") c("mean-diff", "dz") else "cor"
        if (!any(kinds %in% fk)) next
        for (p in o$pairs) {
            ab <- strsplit(p, ":", fixed = TRUE)[[1]]
            an[[length(an) + 1]] <- list(label = paste0(ab[1], ":", ab[2]),
                                         fam = fam, cols = ab)
        }
    }
    famof <- function(kind) switch(kind, mean = , median = , sd = , var = ,
                                   pct = "uni", alpha = "alpha",
                                   "mean-diff" = , dz = "paired", cor = "cor",
                                   "between")
    rows_r <- character(0)
    rows_s <- character(0)
    for (A in an) {
        for (gr in groups) {
            sel <- g == gr
            X <- sapply(A$cols, function(cn) num(cn)[sel])
            if (!is.matrix(X)) X <- matrix(X, ncol = length(A$cols))
            ok <- complete.cases(X)
            if (A$fam == "between") ok <- ok & !is.na(side[sel])
            s <- if (A$fam == "between") side[sel][ok]
                 else if (is.null(sv)) NULL else sv[sel][ok]
            for (st in stats) {
                if (famof(st$kind) != A$fam) next
                x <- switch(A$fam,
                    uni = if (st$kind == "pct")    # 0 or 100
                              100 * as.numeric(X[ok, 1] %in% st$levels)
                          else X[ok, 1],
                    paired = X[ok, 2] - X[ok, 1],
                    between = cbind(if (st$kind == "pct-diff")
                                        100 * as.numeric(X[ok, 1] %in%
                                                         st$levels)
                                    else X[ok, 1], s),
                    X[ok, , drop = FALSE])
                n <- sum(ok)
                key <- c(A$label, gr, st$name)
                cat(sprintf("  %s %s %s n = %d\n", A$label, gr, st$name, n))
                rows_r <- c(rows_r, r_rows(key, st$kind, x, s, o$level,
                                           o$methods, n))
                if (use_scipy && is.null(sv) && A$fam != "between")
                    rows_s <- c(rows_s, scipy_rows(key, st$kind, x, o$level,
                                                   o$methods, n))
            }
        }
    }
    w <- function(rows, suffix) {
        path <- file.path(ref_dir, paste0(name, suffix))
        con <- file(path, "wb")
        writeLines(c(paste(ref_header, collapse = "\t"), rows), con)
        close(con)
    }
    w(rows_r, ".R.tsv")
    if (use_scipy && length(rows_s)) w(rows_s, ".scipy.tsv")
    length(rows_r) + length(rows_s)
}

## ---- the interval formulas on sk-boot's own replicates (--formulas) ----
## For each line NAME<TAB>ARGUMENTS of tests/boot/formulas.tab, run sk-boot
## ($SK_BOOT, a built sk-boot; the arguments must include --precision 17)
## with --replicates-out, and compute from its replicates t* and its
## estimate t0, independently of its code: percentile and basic with
## boot:::norm.inter; normal as boot:::norm.ci; bca with z0 = qnorm((#{t* <
## t0} + #{t* = t0} / 2) / R) (exact equality, as sk-boot) and a from the
## jackknife here (jack_a), the ends by boot:::norm.inter. Writes
## tests/boot/ref/NAME.formulas.tsv: variable group stat method lo hi z0 a.
## When every replicate equals t0, the interval is [t0, t0] with z0 = a = 0
## (sk-boot's documented output); a jackknife without variation gives a = 0.
## No Monte Carlo error: the test compares to 1e-9 (relative to se).
run_formulas <- function(name, argstr) {
    sk <- Sys.getenv("SK_BOOT")
    if (!nzchar(sk)) stop("--formulas needs SK_BOOT=path/to/sk-boot")
    words <- strsplit(trimws(argstr), "[ \t]+")[[1]]
    reps <- tempfile(fileext = ".tsv")
    outf <- tempfile(fileext = ".tsv")
    rc <- system2(sk, c(words, paste0("--replicates-out=", reps)),
                  stdout = outf)
    if (rc != 0) stop("sk-boot failed: ", name)
    out <- read.delim(outf, colClasses = "character", check.names = FALSE)
    rp <- read.delim(reps, colClasses = c("character", "character",
                                          "character", "integer", "numeric"))
    o <- parse_args(words)
    chr <- read_input(o)
    rows <- character(0)
    keys <- unique(out[, c("variable", "group", "stat")])
    for (r in seq_len(nrow(keys))) {
        k <- keys[r, ]
        sel <- rp$variable == k$variable & rp$group == k$group &
            rp$stat == k$stat
        t <- rp$value[sel]
        t <- sort(t[is.finite(t)])
        R <- length(t)
        o1 <- out[out$variable == k$variable & out$group == k$group &
                  out$stat == k$stat, ]
        t0 <- as.numeric(o1$estimate[1])
        level <- as.numeric(o1$level[1])
        alpha <- 1 - level
        zq <- qnorm(c(alpha / 2, 1 - alpha / 2))
        for (m in o1$method) {
            z0 <- NA
            a <- NA
            # ties: within 1e-9 of the larger of |t0| and the spread
            # (range / 4), as sk-boot (replicates equal in exact
            # arithmetic differ in their last bits)
            tol <- 1e-9 * max(abs(t0), (max(t) - min(t)) / 4)
            if (all(abs(t - t0) <= tol)) {    # no variation: a point
                v <- c(t0, t0)
                if (m == "bca") { z0 <- 0; a <- 0 }
            } else v <- switch(m,
                percentile = boot:::norm.inter(t, c(alpha / 2,
                                                    1 - alpha / 2))[, 2],
                basic = 2 * t0 - boot:::norm.inter(t, c(1 - alpha / 2,
                                                        alpha / 2))[, 2],
                normal = boot:::norm.ci(NULL, conf = level, t0 = t0,
                                        t = t)[2:3],
                bca = {
                    z0 <- qnorm((sum(t < t0 - tol) +
                                 sum(abs(t - t0) <= tol) / 2) / R)
                    a <- formula_a(chr, o, k)
                    if (is.na(a)) a <- 0    # sk-boot: "a = 0", a note
                    boot:::norm.inter(t, pnorm(z0 + (z0 + zq) /
                                               (1 - a * (z0 + zq))))[, 2]
                },
                c(NA, NA))
            rows <- c(rows, paste(k$variable, k$group, k$stat, m, fmt17(v[1]),
                                  fmt17(v[2]), fmt17(z0), fmt17(a),
                                  sep = "\t"))
        }
    }
    unlink(c(reps, outf))
    con <- file(file.path(ref_dir, paste0(name, ".formulas.tsv")), "wb")
    writeLines(c(paste("variable", "group", "stat", "method", "lo", "hi",
                       "z0", "a", sep = "\t"), rows), con)
    close(con)
    length(rows)
}
fmt17 <- function(v) if (is.na(v)) "NA" else sprintf("%.17g", v)
## a of one variable, group and statistic, from the data as run_case reads
## it (the jackknife of boot.h, jack_a)
formula_a <- function(chr, o, k) {
    st <- parse_stats(o$stats)
    st <- st[[which(vapply(st, function(s) s$name, "") == k$stat)]]
    g <- if (is.null(o$by)) rep("all", nrow(chr)) else chr[[o$by]]
    sel <- g == k$group
    num <- function(cn) as.numeric(chr[[cn]])[sel]
    if (!is.null(o$between)) {    # the column; the sample (value, side)
        bv <- chr[[o$between]]
        lv <- if (is.null(o$levels)) unique(bv[!is.na(bv)]) else o$levels
        side <- (match(bv, lv) - 1)[sel]
        v <- num(k$variable)
        ok <- !is.na(v) & !is.na(side)
        if (st$kind == "pct-diff") v <- 100 * as.numeric(v %in% st$levels)
        kind <- if (st$kind == "mean-diff") "mean-diff2" else st$kind
        return(jack_a(cbind(v[ok], side[ok]), stat_fun(kind), side[ok]))
    }
    if (st$kind %in% c("mean-diff", "dz", "cor")) {
        ab <- strsplit(k$variable, ":", fixed = TRUE)[[1]]    # BEFORE:AFTER
        X <- cbind(num(ab[1]), num(ab[2]))
    } else if (st$kind == "alpha") {
        X <- sapply(select_cols(k$variable, colnames(chr)), num)
    } else X <- cbind(num(k$variable))
    ok <- complete.cases(X)
    x <- switch(st$kind,
        pct = 100 * as.numeric(X[ok, 1] %in% st$levels),
        "mean-diff" = , dz = X[ok, 2] - X[ok, 1],
        cor = , alpha = X[ok, , drop = FALSE],
        X[ok, 1])
    s <- if (is.null(o$strata)) rep(1, sum(ok)) else chr[[o$strata]][sel][ok]
    jack_a(x, stat_fun(st$kind), s)
}

## Cases without references (reasons in cases.tab): no variation, n < 3,
## an undefined statistic.
no_ref <- function(name) grepl("^degenerate-", name)

dir.create(ref_dir, showWarnings = FALSE, recursive = TRUE)
tab_lines <- function(file) {
    lines <- readLines(file)
    lines <- lines[nzchar(lines) & !startsWith(lines, "#")]
    tab <- regexpr("\t", lines, fixed = TRUE)
    data.frame(name = substr(lines, 1, tab - 1),
               args = substr(lines, tab + 1, nchar(lines)))
}
if ("--formulas" %in% args) {
    fl <- tab_lines(file.path(src_dir, "formulas.tab"))
    for (i in seq_len(nrow(fl))) {
        if (length(only) && !(fl$name[i] %in% only)) next
        k <- run_formulas(fl$name[i], fl$args[i])
        cat(sprintf("%s: %d formula rows\n", fl$name[i], k))
    }
} else for (cf in case_files) {
    # the golden cases run sk-boot with B <= 10000 (one with 100000)
    B_REF <- if (basename(cf) == "cases.tab") 50000L else 200000L
    cl <- tab_lines(cf)
    for (i in seq_len(nrow(cl))) {
        name <- cl$name[i]
        if (no_ref(name) || (length(only) && !(name %in% only))) next
        cat(name, "\n")
        k <- run_case(name, cl$args[i])
        cat(sprintf("%s: %d reference rows\n", name, k))
    }
}
