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
