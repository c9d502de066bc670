# unit-likert-sums.R - the R values of tests/unit/test-likert-sums.c.
# Rscript tests/ref/unit-likert-sums.R   (R 4.2.2, psych 2.2.9).
# Prints C initialisers (%.17g) to paste between the lines
# "BEGIN R REFERENCE VALUES" and "END R REFERENCE VALUES" of the C file.
#
# The data: 41 rows of 6 items on a 7-point scale, made by a formula that
# the C file repeats in integers (item 6 reverse-keyed, as sk-alpha keys
# it: 8 - code), so that the items correlate, some of them negatively.
suppressMessages(library(psych))
n <- 41; k <- 6
x <- matrix(0, n, k)
for (r in 0:(n - 1)) {
  t <- (r * 37) %% 13
  for (i in 0:(k - 1)) {
    e <- (r * 11 + i * i * 5 + r * i * 3) %% 7
    x[r + 1, i + 1] <- 1 + ((t + e) %/% 3) %% 7
  }
}
x[, 6] <- 8 - x[, 6]
a <- psych::alpha(x, warnings = FALSE, check.keys = FALSE)
ac <- psych::alpha(x, warnings = FALSE, check.keys = FALSE, cumulative = TRUE)
ci <- psych::alpha.ci(a$total$raw_alpha, n, k, p.val = 0.05)
v <- function(name, x, comment)
  cat(sprintf("/* %s */\nstatic const double %s[%d] = {\n    %s\n};\n",
              comment, name, length(x),
              paste(sprintf("%.17g", x), collapse = ",\n    ")))
v("LS_TOTAL", c(a$total$raw_alpha, a$total$std.alpha, ci$lower.ci,
                ci$upper.ci, a$total$average_r, a$total$mean, a$total$sd,
                ac$total$mean, ac$total$sd),
  "psych::alpha: raw, std, Feldt lo, hi (alpha.ci), average_r, mean, sd; mean, sd with cumulative = TRUE")
v("LS_MEAN", a$item.stats$mean, "item.stats$mean")
v("LS_SD", a$item.stats$sd, "item.stats$sd")
v("LS_RDROP", a$item.stats$r.drop, "item.stats$r.drop")
v("LS_RAWR", a$item.stats$raw.r, "item.stats$raw.r")
v("LS_DROP_RAW", a$alpha.drop$raw_alpha, "alpha.drop$raw_alpha")
v("LS_DROP_STD", a$alpha.drop$std.alpha, "alpha.drop$std.alpha")
v("LS_DROP_R", a$alpha.drop$average_r, "alpha.drop$average_r")
# the data, to check that the C formula makes the same codes
cat(sprintf("/* sum of the codes: %.17g, of their squares: %.17g */\n",
            sum(x), sum(x^2)))
