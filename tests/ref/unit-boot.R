# unit-boot.R - the expected values of tests/unit/test-boot.c: R's boot
# package (boot:::norm.inter, perc.ci, basic.ci, norm.ci, bca.ci, stud.ci)
# on a fixed replicate vector.  Run: Rscript tests/ref/unit-boot.R
suppressMessages(library(boot))
set.seed(2385)
t <- round(rnorm(49, 3.2, 0.45), 4)    # 4 decimals: exact in C literals
t0 <- 3.1807                           # equal to no replicate
se <- round(runif(49, 0.21, 0.34), 4)  # the replicates' standard errors
se0 <- 0.2713
L <- round(rexp(23, 0.6) - 1.6, 3)    # skewed jackknife values: BCa's a
a <- sum(L^3) / (6 * sum(L^2)^1.5)
p <- function(name, x) cat(sprintf("%-22s %s\n", name,
                                   paste(sprintf("%.17g", x), collapse = " ")))
cat("t =", paste(sprintf("%.4f", t), collapse = ", "), "\n")
cat("se =", paste(sprintf("%.4f", se), collapse = ", "), "\n")
p("a", a)
ts <- sort(t)
# norm.inter: (R+1) alpha = 1.25, 48.75 (interpolated), 2.5, 45 (exact)
p("norm.inter", boot:::norm.inter(ts, c(0.025, 0.975, 0.05, 0.9))[, 2])
for (conf in c(0.95, 0.9)) {
    cat("conf", conf, "\n")
    p("perc", boot:::perc.ci(t, conf)[4:5])
    p("basic", boot:::basic.ci(t0, t, conf)[4:5])
    p("norm", boot:::norm.ci(NULL, conf, t0 = t0, t = t)[2:3])
    p("bca", boot:::bca.ci(NULL, conf, t0 = t0, t = t, L = L)[4:5])
    p("bca z0", qnorm(sum(t < t0) / length(t)))
    p("stud", boot:::stud.ci(c(t0, se0^2), cbind(t, se^2), conf)[4:5])
}
