# unit-agree.R - the R values of tests/unit/test-agree.c.
# Rscript tests/ref/unit-agree.R   (R 4.2.2, psych 2.2.9, vcd 1.4-11).
# Prints "key value" lines, %.17g.
suppressMessages({ library(psych); library(vcd) })
out <- function(key, x) cat(sprintf("%s %.17g\n", key, x))
# Shrout & Fleiss (1979): 6 targets, 4 judges (?psych::ICC)
sf <- matrix(c(9,2,5,8, 6,1,3,2, 8,4,6,8, 7,1,2,6, 10,5,6,9, 6,2,4,7),
             ncol = 4, byrow = TRUE)
res <- ICC(sf, lmer = FALSE)$results
for (i in 1:6) {
  out(sprintf("sf_icc%d", i), res$ICC[i])
  out(sprintf("sf_lo%d", i), res[["lower bound"]][i])
  out(sprintf("sf_hi%d", i), res[["upper bound"]][i])
}
res <- ICC(sf, lmer = FALSE, alpha = 0.1)$results
out("sf90_lo2", res[["lower bound"]][2]); out("sf90_hi2", res[["upper bound"]][2])
# vcd's SexualFun: husband's (rows) and wife's (columns) rating, 4 x 4
t <- unclass(SexualFun)
for (w in c("Equal-Spacing", "Fleiss-Cohen")) {
  k <- Kappa(t, weights = w); ci <- confint(k)
  tag <- if (w == "Equal-Spacing") "lin" else "quad"
  out("sfun_k", k$Unweighted[1]); out("sfun_k_se", k$Unweighted[2])
  out("sfun_k_lo", ci[1, 1]); out("sfun_k_hi", ci[1, 2])
  out(paste0("sfun_", tag), k$Weighted[1]); out(paste0("sfun_", tag, "_se"), k$Weighted[2])
  out(paste0("sfun_", tag, "_lo"), ci[2, 1]); out(paste0("sfun_", tag, "_hi"), ci[2, 2])
}
print(as.vector(t(t)))
# Pearson's r with the Fisher z interval
a <- c(2.1, 3.4, 1.9, 5.0, 4.2, 3.3, 2.8); b <- c(2.5, 3.9, 2.2, 4.1, 4.8, 2.9, 3.0)
ct <- cor.test(a, b)
out("r", ct$estimate); out("r_lo", ct$conf.int[1]); out("r_hi", ct$conf.int[2])
