# compare-dyad.R - the data and expected values of tests/compare-dyad.sh:
# sk-compare --dyad against the partially overlapping samples t test.
#
#   Rscript tests/ref/compare-dyad.R     (from the source root; R 4.2.2)
#
# The data are the worked example of Derrick, Toher & White (2017), "How
# to compare the means of two samples that include paired observations
# and independent observations", The Quantitative Methods for Psychology
# 13(2), 120-126, as the help of Partover.test (R package
# Partiallyoverlapping 2.0, by the test's authors) gives it: sample a has 8
# unpaired and 8 paired values, sample b 8 unpaired and the 8 partners;
# published: p = 0.026 with equal variances. Written as a survey table:
# one row per respondent, 'pair' the dyad id, 'role' a or b, x the
# answer; y is x with one paired b answer missing (that pair becomes an
# unpaired a answer) and z adds a constant side of the pairs (every paired
# a answer 15: r undefined, taken as 0 as Partover.test does); 'site'
# splits the rows in two subgroups for -g.
#
# The test's formulas are written out here from the paper (Welch form:
# T_new2; equal variances: T_new1), as Partover.test computes them, so
# that no package is needed. Direction: sk-compare's difference is B - A
# (b - a), the package's is a - b: t changes sign, p and df do not.
# Numbers: %.17g.
partover <- function(x1, x2, x3, x4, var.equal) {
  a <- c(x1, x3); b <- c(x2, x4); n1 <- length(x1); n2 <- length(x2)
  nc <- length(x3); na <- n1 + nc; nb <- n2 + nc
  const <- nc >= 2 && (sd(x3) == 0 || sd(x4) == 0)
  r <- if (nc >= 2 && !const) cor(x3, x4) else 0
  if (var.equal) {
    sp <- sqrt(((na - 1) * var(a) + (nb - 1) * var(b)) / (na + nb - 2))
    se <- sp * sqrt(1 / na + 1 / nb - 2 * r * nc / (na * nb))
    df <- (nc - 1) + (n1 + n2 + nc - 1) / (n1 + n2 + 2 * nc) * (n1 + n2)
  } else {
    se <- sqrt(var(a) / na + var(b) / nb - 2 * r * sd(a) * sd(b) * nc / (na * nb))
    g <- (var(a) / na + var(b) / nb)^2 /
         ((var(a) / na)^2 / (na - 1) + (var(b) / nb)^2 / (nb - 1))
    df <- (nc - 1) + (g - nc + 1) / (n1 + n2 + 2 * nc) * (n1 + n2)
  }
  d <- mean(b) - mean(a); t <- d / se; q <- qt(0.975, df)
  c(n_a = na, n_b = nb, n_pairs_both = nc, r_pairs = if (const) NA else r,
    mean_diff = d, se_diff = se, ci_lo = d - q * se, ci_hi = d + q * se,
    t = t, df = df, p_t = 2 * pt(-abs(t), df))
}
au <- c(20, 21, 16, 18, 14, 12, 14, 17); ap <- c(14, 15, 18, 20, 11, 19, 14, 15)
bu <- c(10, 16, 18, 16, 15, 14, 13, 10); bp <- c(15, 10, 15, 17, 13, 19, 12, 13)
d <- data.frame(
  id = 1:32,
  pair = c(sprintf("u%d", 1:16), sprintf("p%d", 1:8), sprintf("p%d", 1:8)),
  role = c(rep("a", 8), rep("b", 8), rep("a", 8), rep("b", 8)),
  site = rep(c("north", "south"), 16),
  x = c(au, bu, ap, bp))
d$y <- d$x; d$y[32] <- NA               # p8's b answer missing
d$z <- d$x; d$z[17:24] <- 15            # the paired a answers constant
## rows interleaved so that partners are far apart in the file
set.seed(20261202)
d <- d[sample(nrow(d)), ]
write.csv(d, "tests/compare/dyad/plp.csv", row.names = FALSE, quote = FALSE,
          na = "")
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
rows <- list()
for (ve in c(FALSE, TRUE)) {
  for (v in c("x", "y", "z")) {
    A <- d[d$role == "a", ]; B <- d[d$role == "b", ]
    A <- A[!is.na(A[[v]]), ]; B <- B[!is.na(B[[v]]), ]
    both <- intersect(A$pair, B$pair)
    x3 <- A[[v]][match(both, A$pair)]; x4 <- B[[v]][match(both, B$pair)]
    x1 <- A[[v]][!(A$pair %in% both)]; x2 <- B[[v]][!(B$pair %in% both)]
    r <- partover(x1, x2, x3, x4, ve)
    rows[[length(rows) + 1]] <- c(variable = v,
      t_method = if (ve) "overlap-student" else "overlap-welch", fmt(r))
  }
}
out <- do.call(rbind, rows)
write.table(out, "tests/compare/dyad/expected.tsv", sep = "\t",
            quote = FALSE, row.names = FALSE)
# Without --dyad the same rows are Welch's t.test(b, a): the dyad check
# must change only t, df, p_t, se_diff and the interval.
cat("wrote tests/compare/dyad/plp.csv and expected.tsv\n")
