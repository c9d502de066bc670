# unit-paired.R - the R values of tests/unit/test-paired.c.
# Rscript tests/ref/unit-paired.R   (R 4.2.2, exactRankTests 0.8)
suppressMessages(library(exactRankTests))
f <- function(x) cat(sprintf("%.17g", x), "\n")
f(c(binom.test(2, 2)$p.value, binom.test(1, 4)$p.value))   # 0.5, 0.625 (+1 ulp)
# pbinom(30, 63, 0.5) is 3.5e-15 off the exact sum(choose(63, 0:30)) / 2^63,
# 0.40065324625203308 (python3 -c 'from fractions import Fraction; from
# math import comb; print(float(Fraction(sum(comb(63, i) for i in
# range(31)), 2**63)))'), which the test asserts
f(c(pbinom(30, 63, 0.5), pbinom(40, 100, 0.5),
    pbinom(59, 100, 0.5, lower.tail = FALSE), pbinom(480, 1000, 0.5)))
d1 <- sleep$extra[1:10] * 10
d2 <- sleep$extra[11:20] * 10
w <- suppressWarnings(wilcox.exact(d2, d1, paired = TRUE, conf.int = TRUE))
f(c(w$p.value, w$conf.int / 10))
for (alt in c("greater", "less"))
    f(suppressWarnings(wilcox.exact(d2, d1, paired = TRUE, conf.int = TRUE,
                                    alternative = alt,
                                    conf.level = 0.9))$conf.int / 10)
# the data as R reads them: exactRankTests' own binary ties
f(suppressWarnings(wilcox.exact(sleep$extra[11:20], sleep$extra[1:10],
                                paired = TRUE, conf.int = TRUE))$conf.int)
# stats_walsh_kth and stats_walsh_count_le: every Walsh average, sorted
x <- c(-2.385, -0.71, 0.3, 1.125, 1.9, 4.6, 7.05)
ij <- which(upper.tri(diag(7), diag = TRUE), arr.ind = TRUE)
wa <- sort((x[ij[, 1]] + x[ij[, 2]]) / 2)
f(wa)
f(sapply(c(-3, 0.3, 1.5125, 10), function(t) sum(wa <= t)))
# stats_signrank_dist: untied n = 6 and 10, doubled ranks 2, 4, ... 2n
f(dsignrank(0:21, 6))
f(psignrank(0:55, 10))
# stats_p_adjust with NA entries (not counted among the tests)
p <- c(0.012, NA, 0.04, 0.0031, 0.27, 0.049, NA, 0.0302)
f(p.adjust(p, "holm"))
f(p.adjust(p, "BH"))

# stats_walsh_kth on larger samples (its probing and selecting path):
# n = 300 quarters and n = 1000 thirds with many ties (median 0), and
# n = 700 skewed values with few ties; the k-th of the sorted averages
walsh <- function(x) { w <- outer(x, x, "+") / 2; sort(w[upper.tri(w, diag = TRUE)]) }
samples <- list(
    function(i) (((i * 37) %% 101) - 50) / 4,
    function(i) (((i * 37) %% 101) - 50) / 3,
    function(i) { v <- (((i * 37) %% 101) - 50) / 3 + (i %% 7) / 17; v * v / 10 - 20 })
ns <- c(300, 1000, 700)
for (s in 1:3) {
    x <- sort(samples[[s]](1:ns[s]))
    w <- walsh(x); N <- length(w)
    ks <- c(1, 2, floor(N / 4), N %/% 2, N %/% 2 + 1, floor(0.975 * N), N - 1, N)
    cat(sprintf("n = %d: k = %s\n", ns[s], paste(sprintf("%.0f", ks), collapse = ", ")))
    cat(paste(sprintf("%.17g", w[ks]), collapse = ", "), "\n")
}
# radix_sort_doubles: R's order of a vector with ties, subnormals, huge
# values (R's sort does not tell -0 from 0; the test puts -0 first)
x <- c(2.385, -1e300, 5e-324, -2.385, 0, 1e300, -5e-324, 7, 2.385, -0.5,
       1.5e-310, -7, 3)
cat(paste(sprintf("%.17g", sort(x)), collapse = ", "), "\n")
