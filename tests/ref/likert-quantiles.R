# likert-quantiles.R - reference values of the Clopper-Pearson and Feldt
# intervals at large n for tests/unit/test-likert.c (test_intervals_large),
# where GSL's beta quantile never returned (a = b = 2e6) or gave NA.
#
#     Rscript tests/ref/likert-quantiles.R > /tmp/q.c
#         then paste its output over the block between the lines "BEGIN R
#         LARGE-N VALUES" and "END R LARGE-N VALUES" of test-likert.c
#
# Clopper-Pearson: binom.test(x, n, conf.level)$conf.int, as sk-freq.
# Feldt: 1 - (1 - alpha) F(p; n - 1, (n - 1)(k - 1)), as psych::alpha.ci,
# but with the exact F quantile (df2 / df1) B / (1 - B), B the beta
# quantile qbeta(p, df1 / 2, df2 / 2): R's qf(), which psych calls, uses
# qchisq(p, df1) / df1 when df2 > 4e5, 12% off in F - 1 at these df (the
# script prints psych's values as comments to show it). SciPy's
# scipy.stats.f.ppf (Boost, independent of R) gives the same interval ends
# to 1.2e-12 relative, psych's are off by up to 1.4e-3 (checked by hand:
# /usr/bin/python3 -c 'from scipy.stats import f;
# print(1 - 0.1877 * f.ppf(0.975, 3999999, 15999996))').
# Made with R 4.2.2 Patched (2022-11-10 r83330), psych 2.2.9.
suppressPackageStartupMessages(library(psych))
num <- function(x) sprintf("%.17g", x)
arr <- function(type, name, v, comment) {
    cat("/* ", comment, " */\n", sep = "")
    cat("static const ", type, " ", name, "[", length(v), "] = {\n", sep = "")
    for (i in seq(1, length(v), by = 3))
        cat("    ", paste(v[i:min(i + 2, length(v))], collapse = ", "),
            if (i + 2 < length(v)) ",", "\n", sep = "")
    cat("};\n")
}
x <- c(2e6, 3, 3999999, 1234567, 0, 17, 5e8, 999999990, 1e9, 4e6)
n <- c(4e6, 4e6, 4e6, 1e7, 1e7, 1e9, 1e9, 1e9, 1e9, 4e6)
lev <- c(0.95, 0.95, 0.99, 0.95, 0.95, 0.95, 0.9, 0.95, 0.95, 0.999)
ci <- sapply(seq_along(x), function(i)
    binom.test(x[i], n[i], conf.level = lev[i])$conf.int)
cat("/* BEGIN R LARGE-N VALUES: made by tests/ref/likert-quantiles.R; do not edit. */\n")
cat("/* ", R.version.string, " */\n", sep = "")
arr("size_t", "L_X", sprintf("%.0f", x), "successes")
arr("size_t", "L_N", sprintf("%.0f", n), "trials")
arr("double", "L_LEVEL", num(lev), "levels")
arr("double", "L_EXACT_LO", num(ci[1, ]), "binom.test(x, n, conf.level = L)$conf.int[1]")
arr("double", "L_EXACT_HI", num(ci[2, ]), "and [2]")

fa <- c(0.8123, 0.35, 0.9, 0.7, 0.61)
fn <- c(4e6, 4e6, 1e7, 100001, 4e6)
fk <- c(5, 2, 20, 5, 3)
fl <- c(0.95, 0.99, 0.95, 0.95, 0.9)
qf_exact <- function(p, df1, df2) {
    b <- qbeta(p, df1 / 2, df2 / 2)
    df2 / df1 * b / (1 - b)
}
flo <- fhi <- plo <- phi <- numeric(length(fa))
for (i in seq_along(fa)) {
    df1 <- fn[i] - 1
    df2 <- df1 * (fk[i] - 1)
    a <- (1 - fl[i]) / 2
    flo[i] <- 1 - (1 - fa[i]) * qf_exact(1 - a, df1, df2)
    fhi[i] <- 1 - (1 - fa[i]) * qf_exact(a, df1, df2)
    ps <- psych::alpha.ci(fa[i], fn[i], fk[i], p.val = 1 - fl[i])
    plo[i] <- ps$lower.ci
    phi[i] <- ps$upper.ci
}
arr("double", "LF_ALPHA", num(fa), "Feldt: alpha")
arr("size_t", "LF_N", sprintf("%.0f", fn), "rows")
arr("size_t", "LF_K", sprintf("%.0f", fk), "items")
arr("double", "LF_LEVEL", num(fl), "levels")
arr("double", "LF_LO", num(flo), "1 - (1 - alpha) F(1 - a), F exact by qbeta")
arr("double", "LF_HI", num(fhi), "1 - (1 - alpha) F(a)")
cat("/* psych::alpha.ci (R's approximate qf) gives instead\n *   lo ",
    paste(num(plo), collapse = ", "), "\n *   hi ",
    paste(num(phi), collapse = ", "), " */\n", sep = "")
cat("/* END R LARGE-N VALUES */\n")
