# undefined.R - references for tests/boot-undefined.sh: R's boot on the
# data of tests/boot/input/undefined.csv, where some resamples have a
# constant column and the statistic is undefined (R: cor() of a constant
# column is NA, d_z = mean / sd is NaN or Inf when sd is 0). As the test
# wants: the replicates of R's boot with the undefined ones (NA, NaN,
# Inf) removed, their share, and for sk-boot's percentile ends at B = 20000
# the brackets [Q(p - d), Q(p + d)], Q the quantile of R's defined
# replicates, d = K sqrt(p (1 - p) (1 / B_def + 1 / Bref_def)), K = 4.5,
# B_def the defined replicates of sk-boot's B (expected), p = 0.025 and
# 0.975.
#   Rscript tests/boot/ref/undefined.R > tests/boot/ref/undefined.R.tsv
suppressMessages(library(boot))
d <- read.csv("tests/boot/input/undefined.csv")
set.seed(20240601)
Bref <- 400000
B <- 20000
K <- 4.5
cases <- list(
  list(name = "cor-few", f = function(d, i) suppressWarnings(cor(d$x[i], d$y[i]))),
  list(name = "dz-few", f = function(d, i) {
         z <- d$after[i] - d$before[i]; mean(z) / sd(z) }),
  list(name = "cor-third", f = function(d, i) suppressWarnings(cor(d$cx[i], d$cy[i]))))
cat("case\tBref\tp_undefined\testimate\tlo_min\tlo_max\thi_min\thi_max\n")
for (cs in cases) {
  b <- boot(d, cs$f, R = Bref)
  t <- b$t[, 1]
  ok <- is.finite(t)
  pu <- mean(!ok)
  td <- sort(t[ok])
  n <- length(td)
  q <- function(p) td[max(1, min(n, ceiling(p * n)))]
  br <- function(p) {
    dd <- K * sqrt(p * (1 - p) * (1 / (B * (1 - pu)) + 1 / n))
    c(q(p - dd), q(p + dd))
  }
  lo <- br(0.025)
  hi <- br(0.975)
  cat(sprintf("%s\t%d\t%.10g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", cs$name,
              Bref, pu, b$t0, lo[1], lo[2], hi[1], hi[2]))
}
