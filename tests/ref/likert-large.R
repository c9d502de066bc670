# likert-large.R - expected outputs of tests/likert-large.sh: sk-alpha on
# many items (20,000 items x 2 rows, 2,000 items x 50 rows), where the old
# k x k computation took more than 300 s and 3 GB.
#
#     Rscript tests/ref/likert-large.R    # tests/likert/expected/large/*.tsv
#
# The data are made by a formula (the test writes the same with awk): row r,
# item i (1-based), t = 37 r mod 11, e = (7919 r + 104729 i + 31 r i) mod 97
# mod 5, answer 1 + floor((t + e) / 3). Every value is computed with base R
# from its definition (psych::alpha would need the 20,000 x 20,000
# matrix): alpha = k / (k - 1) (1 - sum(var(x_i)) / var(sum)), standardised
# alpha k / (k - 1) (1 - k / sum(cor)), mean_r (sum(cor) - k) / (k (k - 1)),
# r_drop = cor(x_i, rowSums(x[, -i])), raw_r = cor(x_i, rowSums(x)), and
# the same of x[, -i] for "if deleted"; Feldt's interval by
# psych::alpha.ci (df2 < 4e5 here, where R's qf is exact). A correlation
# with a constant item is NA, as in sk-alpha. Only some items are written
# (the test picks the same rows).
# Made with R 4.2.2 Patched (2022-11-10 r83330), psych 2.2.9.
suppressPackageStartupMessages(library(psych))
make <- function(n, k) {
    r <- rep(1:n, times = k)
    i <- rep(1:k, each = n)
    t <- (37 * r) %% 11
    e <- ((7919 * r + 104729 * i + 31 * r * i) %% 97) %% 5
    x <- matrix(1 + floor((t + e) / 3), n, k)
    colnames(x) <- paste0("q", 1:k)
    x
}
num <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
alpha_raw <- function(x) {
    k <- ncol(x)
    s <- var(rowSums(x))
    if (!(s > 0)) return(NA)
    k / (k - 1) * (1 - sum(apply(x, 2, var)) / s)
}
alpha_std <- function(x) {
    k <- ncol(x)
    if (any(apply(x, 2, var) == 0)) return(c(NA, NA))
    sr <- sum(cor(x))
    c(k / (k - 1) * (1 - k / sr), (sr - k) / (k * (k - 1)))
}
safe_cor <- function(a, b) if (var(a) > 0 && var(b) > 0) cor(a, b) else NA
write_case <- function(name, n, k, pick, std_drop = TRUE) {
    x <- make(n, k)
    raw <- alpha_raw(x)
    st <- alpha_std(x)
    ci <- psych::alpha.ci(raw, n, k, p.val = 0.05)
    score <- rowMeans(x)
    neg <- character(0)
    tot <- rowSums(x)
    for (i in 1:k) {
        rd <- safe_cor(x[, i], tot - x[, i])
        if (!is.na(rd) && rd < 0) neg <- c(neg, colnames(x)[i])
    }
    lines <- c(paste("scale", "k", "n", "dropped", "raw_alpha", "std_alpha",
                     "alpha_lo", "alpha_hi", "mean_r", "score_mean",
                     "score_sd", "negative_items", sep = "\t"),
               paste("scale", k, n, 0, num(raw), num(st[1]),
                     num(ci$lower.ci), num(ci$upper.ci), num(st[2]),
                     num(mean(score)), num(sd(score)),
                     if (length(neg)) paste(neg, collapse = ",") else "-",
                     sep = "\t"))
    writeLines(lines, file.path("tests/likert/expected/large",
                                paste0(name, ".tsv")))
    lines <- paste("scale", "item", "mean", "sd", "r_drop",
                   "alpha_if_deleted", "raw_r", "std_alpha_if_deleted",
                   "mean_r_if_deleted", "negative", sep = "\t")
    for (i in pick) {
        y <- x[, -i, drop = FALSE]
        rd <- safe_cor(x[, i], tot - x[, i])
        sd_ <- if (std_drop) alpha_std(y) else c(NA, NA)
        lines <- c(lines, paste("scale", colnames(x)[i], num(mean(x[, i])),
                                num(sd(x[, i])), num(rd), num(alpha_raw(y)),
                                num(safe_cor(x[, i], tot)), num(sd_[1]),
                                num(sd_[2]),
                                if (!is.na(rd) && rd < 0) "yes" else "no",
                                sep = "\t"))
    }
    writeLines(lines, file.path("tests/likert/expected/large",
                                paste0(name, "-items.tsv")))
    cat("wrote", name, "\n")
}
# 20,000 items x 2 rows: thousands of items are constant, so every
# standardised value is NA (std_drop = FALSE: no 20,000^2 matrix in R).
x <- make(2, 20000)
stopifnot(sum(apply(x, 2, var) == 0) > 1)
write_case("k20000-n2", 2, 20000, c(1, 2, 3, 4, 9999, 20000), std_drop = FALSE)
write_case("k2000-n50", 50, 2000, c(1, 2, 17, 1000, 2000))
