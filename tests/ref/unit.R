# unit.R - the reference values of the CUnit tests in tests/unit/test-stats.c.
#
# Run it from the source root:
#
#     Rscript tests/ref/unit.R > /tmp/unit-ref.c
#
# and paste its output over the block between the lines
# "BEGIN R REFERENCE VALUES" and "END R REFERENCE VALUES" of
# tests/unit/test-stats.c. Made with R 4.2.2 Patched (2022-11-10 r83330),
# psych 2.2.9, Rmpfr 0.9-1 and gmp 0.7-1 (Debian packages r-base-core,
# r-cran-psych, r-cran-rmpfr, r-cran-gmp). 'make check' never runs R: the
# values are kept in the C file.
#
# Every number is printed with sprintf("%.17g"), so the C compiler reads
# back the very double R computed. The data are printed too (or, for the
# long data sets, made by a formula that the C file repeats with the same
# IEEE operations: an integer divided by a power of ten, or sqrt(i)).
#
# What R computes here, independently of surveykit:
#   quantiles        quantile(x, p, type = 1..9)
#   mean, sd, se     mean(x), sd(x), sd(x) / sqrt(n)
#   ci               t.test(x, conf.level = L)$conf.int
#   skewness         psych::skew(x, type = 2)      (G1)
#   kurtosis         psych::kurtosi(x, type = 2)   (G2)
#   moments          m_k = mean((x - mean(x))^k)
#   t quantiles      qt((1 + L) / 2, df)
#   exact results    the mean, variance and sd of the decimals themselves
#                    (not of their doubles), from exact big-integer sums
#                    (gmp) and rounded once to the nearest double (Rmpfr);
#                    see exact_stats() below.

suppressPackageStartupMessages({
    library(psych)
    library(Rmpfr)    # and gmp: exact rationals, correctly rounded sqrt
})

# The exact mean, variance (n - 1) and sd of the decimals mant / 10^scale
# (with counts), each correctly rounded once to a double: the sums are exact
# big integers, the ratios exact big rationals, and sqrt is taken with 2048
# bits (and checked against 4096) before the one rounding to 53 bits.
exact_stats <- function(mant, scale, count = rep(1, length(mant))) {
    S <- max(scale)
    v <- as.bigz(mant) * as.bigz(10)^(S - scale)
    cnt <- as.bigz(count)
    n <- sum(cnt)
    s <- sum(v * cnt)
    ss <- sum(v * v * cnt)
    p10 <- as.bigz(10)^S
    mean_q <- as.bigq(s, n * p10)
    var_q <- as.bigq(n * ss - s * s, n * (n - 1) * p10 * p10)
    rnd <- function(q, bits) asNumeric(mpfr(q, bits))
    sq <- function(q, bits) asNumeric(sqrt(mpfr(q, bits)))
    r <- c(mean = rnd(mean_q, 2048), var = rnd(var_q, 2048),
           sd = sq(var_q, 2048))
    stopifnot(identical(r, c(mean = rnd(mean_q, 4096), var = rnd(var_q, 4096),
                             sd = sq(var_q, 4096))))
    r
}

f17 <- function(x) ifelse(is.na(x), "NAN", sprintf("%.17g", x))

# A C array of doubles, 3 a line.
cdbl <- function(name, x, comment = NULL) {
    if (!is.null(comment)) cat("/* ", comment, " */\n", sep = "")
    s <- f17(x)
    lines <- split(s, ceiling(seq_along(s) / 3))
    cat(sprintf("static const double %s[%d] = {\n", name, length(x)))
    cat(paste0("    ", sapply(lines, paste, collapse = ", "), collapse = ",\n"))
    cat("\n};\n")
}
cint <- function(name, x, type = "int", comment = NULL) {
    if (!is.null(comment)) cat("/* ", comment, " */\n", sep = "")
    s <- format(x, scientific = FALSE, trim = TRUE)
    lines <- split(s, ceiling(seq_along(s) / 10))
    cat(sprintf("static const %s %s[%d] = {\n", type, name, length(x)))
    cat(paste0("    ", sapply(lines, paste, collapse = ", "), collapse = ",\n"))
    cat("\n};\n")
}
cval <- function(name, x, comment = NULL) {
    cat(sprintf("#define %s %s%s\n", name, f17(x),
                if (is.null(comment)) "" else paste0("  /* ", comment, " */")))
}
ex <- function(prefix, mant, scale, count = rep(1, length(mant)), comment) {
    e <- exact_stats(mant, scale, count)
    cval(paste0(prefix, "_MEAN"), e[["mean"]], comment)
    cval(paste0(prefix, "_VAR"), e[["var"]])
    cval(paste0(prefix, "_SD"), e[["sd"]])
    invisible(e)
}
pow10 <- c(1, 10, 100, 1000, 10000, 1e5, 1e6)   # exact doubles

cat("/* BEGIN R REFERENCE VALUES: made by tests/ref/unit.R; do not edit. */\n")
cat(sprintf("/* %s, psych %s */\n\n", R.version.string, packageVersion("psych")))

## ---------------------------------------------------------------- quantiles
# (0.58, 0.56 and 0.95 make h a few ulps below 0 for n = 25, 8 and 13,
# types 5 and 8, where R keeps x(j))
probs <- c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1, 0.05, 1/3, 2/3, 0.95, 0.001,
           0.999, 0.37, 0.58, 0.56, 0.92)
cdbl("Q_PROBS", probs, "probabilities for every quantile test")

set.seed(20240607)
qdata <- list(
    Q_N1 = c(2.385),
    Q_N2 = c(7.125, -3.25),
    Q_ODD = c(3.7, 1.2, 3.7, 9.05, -2.4, 3.7, 5.5, 1.2, 8.85),
    Q_EVEN = c(2.385, 4.75, 2.385, 0.5, 6.125, 4.75, 4.75, 10.2, -1.3, 0.5),
    # 37 values, many ties, unsorted
    Q_TIES = sample(c(-1.75, 0.3, 2.385, 2.385, 3.1, 4.44, 4.44, 4.44, 7.0,
                      12.5), 37, replace = TRUE),
    # 50 distinct values, unsorted
    Q_CONT = round(rnorm(50, 10, 3), 4),
    Q_N8 = round(runif(8, -5, 20), 3),
    Q_N13 = round(runif(13, -5, 20), 3),
    Q_N25 = round(runif(25, -5, 20), 3)
)
for (nm in names(qdata)) {
    x <- qdata[[nm]]
    cdbl(nm, x, sprintf("data, n = %d", length(x)))
    u <- sort(unique(x))
    cdbl(paste0(nm, "_VALUES"), u, "its distinct values, increasing")
    cint(paste0(nm, "_COUNTS"), tabulate(match(x, u), length(u)), "size_t",
         "and their counts")
    m <- t(sapply(1:9, function(t) quantile(x, probs, type = t, names = FALSE)))
    cat(sprintf("/* quantile(%s, Q_PROBS, type = 1..9), a row per type */\n", nm))
    cat(sprintf("static const double %s_Q[9][%d] = {\n", nm, length(probs)))
    for (t in 1:9) {
        s <- f17(m[t, ])
        lines <- split(s, ceiling(seq_along(s) / 3))
        cat("    {", paste(sapply(lines, paste, collapse = ", "),
                           collapse = ",\n     "), "},\n", sep = "")
    }
    cat("};\n\n")
}

## ----------------------------------------------------- describe: data sets
desc <- function(prefix, x, qtypes = c(7, 6, 1)) {
    n <- length(x)
    cval(paste0(prefix, "_N"), n)
    cval(paste0(prefix, "_MEAN"), mean(x), "mean(x)")
    cval(paste0(prefix, "_SD"), sd(x), "sd(x)")
    cval(paste0(prefix, "_SE"), sd(x) / sqrt(n), "sd(x) / sqrt(n)")
    ci95 <- t.test(x, conf.level = 0.95)$conf.int
    ci90 <- t.test(x, conf.level = 0.90)$conf.int
    cval(paste0(prefix, "_CI95_LO"), ci95[1], "t.test(x)$conf.int")
    cval(paste0(prefix, "_CI95_HI"), ci95[2])
    cval(paste0(prefix, "_CI90_LO"), ci90[1], "t.test(x, conf.level = 0.9)$conf.int")
    cval(paste0(prefix, "_CI90_HI"), ci90[2])
    cval(paste0(prefix, "_SKEW"), skew(x, type = 2), "psych::skew(x, type = 2)")
    cval(paste0(prefix, "_KURT"), kurtosi(x, type = 2), "psych::kurtosi(x, type = 2)")
    mx <- mean(x)
    cval(paste0(prefix, "_M2"), mean((x - mx)^2), "mean((x - mean(x))^2)")
    cval(paste0(prefix, "_M3"), mean((x - mx)^3), "mean((x - mean(x))^3)")
    cval(paste0(prefix, "_M4"), mean((x - mx)^4), "mean((x - mean(x))^4)")
    for (t in qtypes) {
        q <- quantile(x, c(0, .25, .5, .75, 1), type = t, names = FALSE)
        cdbl(sprintf("%s_QT%d", prefix, t), c(q, q[4] - q[2]),
             sprintf("quantile(x, c(0, .25, .5, .75, 1), type = %d), then q3 - q1", t))
    }
    cat("\n")
}

# D_FEW: few distinct decimals (the frequency-table path), as mant/10^scale.
fmant <- c(2385, 35, 4125, 175, 5, 29, 625, -1125)
fscale <- c(3, 1, 3, 2, 0, 1, 3, 3)
set.seed(7)
fidx <- sample(seq_along(fmant), 41, replace = TRUE, prob = c(5, 4, 3, 3, 2, 2, 1, 1))
cint("D_FEW_IDX", fidx - 1, "int",
     "D_FEW: 41 values D_FEW_MANT[i] / 10^D_FEW_SCALE[i], i from this list")
cint("D_FEW_MANT", fmant, "int64_t")
cint("D_FEW_SCALE", fscale, "int")
x <- fmant[fidx] / pow10[fscale[fidx] + 1]
desc("D_FEW", x)
ex("D_FEW_X", fmant[fidx], fscale[fidx], comment = "exact decimal mean, var, sd")
cat("/* D_FEW2: the first 40 of D_FEW (even n) */\n")
desc("D_FEW2", x[1:40])
ex("D_FEW2_X", fmant[fidx[1:40]], fscale[fidx[1:40]],
   comment = "exact decimal mean, var, sd")

# D_MANY: more than ACC_MAX_DISTINCT (1024) distinct values (the array path):
# mant_i = (7919 i) mod 100003 - 50000, i = 1..3001, then i = 1..200 again;
# x = mant / 1000.
i <- c(1:3001, 1:200)
x <- ((7919 * i) %% 100003 - 50000) / 1000
cat("/* D_MANY: x = ((7919 i) mod 100003 - 50000) / 1000, i = 1..3001, 1..200 */\n")
desc("D_MANY", x, c(7, 2, 8))
ex("D_MANY_X", (7919 * i) %% 100003 - 50000, rep(3, length(i)),
   comment = "exact decimal mean, var, sd")
cat("/* D_MANY2: the same without the last value (even n) */\n")
desc("D_MANY2", x[-length(x)], c(7))

# D_SQRT: non-decimal values sqrt(i), i = 1..2000 (array path, not exact).
x <- sqrt(1:2000)
cat("/* D_SQRT: x = sqrt(i), i = 1..2000 */\n")
desc("D_SQRT", x, c(7))

# D_BIG: decimals with 18 decimal places whose exact sums overflow 128 bits
# after a few values; the doubles are printed and the test passes the mantissa.
bmant <- c("5123456789012345678", "7000000000000000001", "6250000000000000000",
           "8999999999999999999", "5500000000000000005", "7777777777777777777",
           "6000000000000000003", "8123456789098765432")
x <- as.numeric(sub("^(.)", "\\1.", bmant))
cat("/* D_BIG: x = BMANT / 10^18 (the mantissas are in test-stats.c) */\n")
cat(sprintf("static const int64_t D_BIG_MANT[%d] = {\n    %s\n};\n", length(bmant),
            paste0("INT64_C(", bmant, ")", collapse = ",\n    ")))
cdbl("D_BIG_X", x, "as.numeric(\"5.123456789012345678\") ...")
desc("D_BIG", x, c(7))

# Small n.
x <- c(2.385, 7.25, 4.125)
cdbl("D_N3_X", x)
desc("D_N3", x, c(7))
x <- c(2.385, 7.25, 4.125, -1.5)
cdbl("D_N4_X", x)
desc("D_N4", x, c(7))
x <- c(2.385, 7.25)
cdbl("D_N2_X", x)
cval("D_N2_MEAN", mean(x))
cval("D_N2_SD", sd(x))
cval("D_N2_CI95_LO", t.test(x)$conf.int[1], "t.test(x)$conf.int")
cval("D_N2_CI95_HI", t.test(x)$conf.int[2])
cat("\n")

## -------------------------------------------------------------- t quantile
tlev <- c(0.95, 0.90, 0.99, 0.5, 0.999)
tdf <- c(1, 2, 3, 4, 5, 7, 10, 29, 30, 100, 1000, 1e6, 2.5)
cdbl("T_LEVELS", tlev)
cdbl("T_DF", tdf)
cat(sprintf("/* qt((1 + T_LEVELS[i]) / 2, T_DF[j]) */\nstatic const double T_CRIT[%d][%d] = {\n",
            length(tlev), length(tdf)))
for (l in tlev) {
    s <- f17(qt((1 + l) / 2, tdf))
    lines <- split(s, ceiling(seq_along(s) / 3))
    cat("    {", paste(sapply(lines, paste, collapse = ", "),
                       collapse = ",\n     "), "},\n", sep = "")
}
cat("};\n\n")

## ------------------------------------------------- exact sums (exsum.h)
cat("/* exact decimal mean, variance (n - 1) and sd, each correctly rounded */\n")
e <- ex("EX_MIXED", c(1, 25, 325), c(0, 1, 2), comment = "1, 2.5, 3.25")
stopifnot(e[["mean"]] == 675 / 300, e[["var"]] == 1.3125)
e <- ex("EX_NEG", c(-25, 125, -75, 45, 25), c(1, 2, 2, 1, 1),
        comment = "-2.5, 1.25, -0.75, 4.5, 2.5")
stopifnot(e[["var"]] == 7.46875, e[["sd"]] == sqrt(7.46875))
e <- ex("EX_NEG2", c(-2385, 15, -125, 4), c(3, 1, 3, 0),
        comment = "-2.385, 1.5, -0.125, 4")
stopifnot(e[["mean"]] == 2990 / 4000, e[["var"]] == 86875300 / 12000000)
cval("EX_NEG2_NAIVE_SD", sqrt(86875300 / 12000000),
     "sqrt of the rounded var: one ulp off the exact sd")
e <- ex("EX_CNT", c(2385, 41, -5), c(3, 1, 1), c(1000, 3, 7),
        comment = "1000 x 2.385, 3 x 4.1, 7 x -0.5")
stopifnot(e[["mean"]] == 2393800 / 1010000,
          e[["var"]] == 67530610000 / 1019090000000)
e <- ex("EX_TENTHS", c(1, 2, 3), c(1, 1, 1), comment = "0.1, 0.2, 0.3")
cval("EX_TENTHS_NAIVE_MEAN", (0.1 + 0.2 + 0.3) / 3,
     "what naive double arithmetic gives (differs)")
# NIST StRD NumAcc1..4: the certified values, checked here, are in the C file.
stopifnot(all(exact_stats(c(10000001, 10000003, 10000002), 0) == c(10000002, 1, 1)),
          all(exact_stats(c(12, 11, 13), 1, c(1, 500, 500)) == c(1.2, 0.01, 0.1)),
          all(exact_stats(c(10000002, 10000001, 10000003), 1, c(1, 500, 500)) ==
              c(1000000.2, 0.01, 0.1)),
          all(exact_stats(c(100000002, 100000001, 100000003), 1, c(1, 500, 500)) ==
              c(10000000.2, 0.01, 0.1)))
cat("\n/* END R REFERENCE VALUES */\n")
