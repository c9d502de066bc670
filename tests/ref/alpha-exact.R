# alpha-exact.R - exact integer sums of q1..q20 of a gendata "groups" file, for
# tests/ref/alpha_exact.py (which checks every number sk-alpha prints against
# the double nearest the exact value). Not run by make check.
# Rscript tests/ref/alpha-exact.R FILE.csv > sums.txt   (R 4.2.2, psych 2.2.9)
# crossprod of an integer-valued double matrix is exact while every partial
# sum stays below 2^53 (5-point codes: below 2.5e7 per 1e6 rows).
args <- commandArgs(TRUE)
d <- read.csv(args[1])
x <- as.matrix(d[, paste0("q", 1:20)])
storage.mode(x) <- "double"
cat(nrow(x), "\n")
cat(sprintf("%.0f", colSums(x)), "\n")
cp <- crossprod(x)
for (i in 1:20) cat(sprintf("%.0f", cp[i, ]), "\n")
suppressPackageStartupMessages(library(psych))
a <- psych::alpha(x, warnings = FALSE)
cat(sprintf("psych %.17g %.17g %.17g\n", a$total$raw_alpha, a$total$std.alpha, a$total$average_r))
cat(sprintf("psych_rdrop %.17g\n", a$item.stats$r.drop[c(4, 10, 15)]))
cat(sprintf("psych_meanr_drop %.17g\n", a$alpha.drop$average_r[c(4, 10, 15)]))
cat(sprintf("psych_rawr %.17g\n", a$item.stats$raw.r[c(4, 10, 15)]))
