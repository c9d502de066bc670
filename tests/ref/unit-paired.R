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
