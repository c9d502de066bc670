# unit-describe-table.R - the R values of test_describe_table in
# tests/unit/test-stats.c: 30000 values with 5003 and with 1009 distinct
# values (mant / 1000), where acc keeps every value first and then a
# table of counts, merged (5003) or looked up (1009).
# Rscript tests/ref/unit-describe-table.R   (R 4.2.2)
G1 <- function(x) { n <- length(x); m <- mean(x); m2 <- mean((x - m)^2)
    mean((x - m)^3) / m2^1.5 * sqrt(n * (n - 1)) / (n - 2) }
G2 <- function(x) { n <- length(x); m <- mean(x); m2 <- mean((x - m)^2)
    g2 <- mean((x - m)^4) / m2^2 - 3; ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3)) }
for (mod in c(5003, 1009)) {
    i <- 1:30000
    x <- ((7919 * i) %% mod - (mod - 1) / 2) / 1000
    cat(sprintf("%d distinct: ", length(unique(x))))
    cat(paste(sprintf("%.17g", c(mean(x), sd(x), quantile(x, c(0, .25, .5, .75, 1), type = 7),
                                 quantile(x, c(.25, .5, .75), type = 6), G1(x), G2(x))),
              collapse = ", "), "\n")
}
# The exact means, rounded once (R's mean is an ulp off):
# python3 -c 'from fractions import Fraction as F; [print(repr(float(sum(F((7919*i)%m-(m-1)//2,1000) for i in range(1,30001))/30000))) for m in (5003,1009)]'
# 0.00019583333333333334 and 7.766666666666666e-06
