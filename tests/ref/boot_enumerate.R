# boot_enumerate.R - the exact bootstrap distributions of the mean, the
# median and a percentage (pct:4,5, 0-100) for the tiny samples of
# tests/boot-stats.sh.
#
# Run it from the source root:  Rscript tests/ref/boot_enumerate.R
# (R 4.2.2; a few seconds). 'make check' never runs R: it writes, and the
# tests read,
#   tests/boot/input/enum.csv    the samples: set, st (the stratum), x
#   tests/boot/ref/enum-pmf.tsv  set, stat, key, prob: the exact bootstrap
#                                distribution, value = key / scale
#   tests/boot/ref/enum.tsv      set, stat, n, scale, estimate, the exact
#                                mean, sd and kurtosis of the replicates,
#                                the exact quantiles q_lo, q_hi at alpha/2
#                                and 1 - alpha/2 and their brackets (below)
#
# The bootstrap distribution of a statistic of n values x_1..x_n is that
# of the statistic of n draws with replacement, i.e. over the compositions
# c of n into the K distinct values (multiplicities m_k) with multinomial
# probabilities dmultinom(c, n, m / n): all of them are enumerated for
# n <= 6 (within each stratum, the strata independent). Two larger sets
# are resampled by counts in sk-boot (n >= 16 distinct rows) and get the
# same exact distribution in closed form: the mean by convolving the
# distribution of one draw n times (per stratum, then the strata), the
# proportion as binomials, the median from the order statistics of n iid
# draws: P(X(k) <= v) = P(Bin(n, F(v)) >= k) (odd n; with strata, the
# convolution of the strata's binomials), and for even n the type-7 median
# (X(k) + X(k+1)) / 2, k = n / 2, from the joint law
#   P(X(k) = v_i, X(k+1) = v_j) = choose(n, k) (F_i^k - F_{i-1}^k)
#                                 (S_j^(n-k) - S_{j+1}^(n-k)),  i < j,
# F_i = P(X <= v_i), S_j = P(X >= v_j) (checked here against the
# enumeration on the small sets).
#
# The quantile: sk-boot's percentile end is R's norm.inter at (B + 1)
# alpha; as B grows it tends to the exact distribution's quantile Q(p) =
# min {v: F(v) >= p}. With B replicates the empirical CDF at a value is
# within 5 sqrt(p (1 - p) / B) + 2 / B = delta of F (5 binomial standard
# errors), so the end must lie in the bracket [Q(p - delta), Q(p + delta)]
# (q_lo_min, q_lo_max, q_hi_min, q_hi_max; a single value unless F is
# within delta of p at an atom). The tests run sk-boot with B = ENUM_B.

ENUM_B <- 200000L
LEVEL <- 0.95
src_dir <- "tests/boot"
if (!dir.exists(src_dir))
    stop("run this from the source root: Rscript tests/ref/boot_enumerate.R")

sets <- list(
    d3 = list(a = c(1, 2, 4)),
    d4 = list(a = c(1, 3, 4, 8)),
    d5 = list(a = c(1, 2, 4, 7, 11)),
    d6 = list(a = c(1, 2, 4, 7, 11, 16)),
    l4 = list(a = c(2, 3, 3, 5)),
    l5 = list(a = c(2, 4, 4, 4, 5)),
    l6 = list(a = c(1, 3, 3, 4, 5, 5)),
    s6 = list(a = c(1, 2, 5), b = c(3, 3, 4)),
    c80 = list(a = rep(1:5, c(12, 18, 20, 16, 14))),
    c161 = list(a = rep(1:5, c(5, 10, 20, 26, 20)),
                b = rep(1:5, c(15, 25, 20, 12, 8))))
props <- c(4, 5)    # pct:4,5

## Write the input: set, stratum, value; rows of a set in a fixed shuffled
## order (sk-boot sorts them anyway).
set.seed(1)
rows <- character(0)
for (s in names(sets)) {
    st <- rep(names(sets[[s]]), lengths(sets[[s]]))
    x <- unlist(sets[[s]], use.names = FALSE)
    o <- sample(length(x))
    rows <- c(rows, sprintf("%s,%s,%d", s, st[o], x[o]))
}
con <- file(file.path(src_dir, "input", "enum.csv"), "wb")
writeLines(c("set,st,x", rows), con)
close(con)

## All compositions of n into K parts.
compositions <- function(n, K) {
    if (K == 1) return(matrix(n, 1, 1))
    do.call(rbind, lapply(0:n, function(f)
        cbind(f, compositions(n - f, K - 1))))
}
## The exact distribution by enumeration: list of (key, prob) per stat.
enumerate <- function(strata) {
    parts <- lapply(strata, function(x) {
        v <- sort(unique(x))
        m <- as.vector(table(factor(x, levels = v)))
        C <- compositions(length(x), length(v))
        list(v = v, C = C, p = apply(C, 1, dmultinom, prob = m / length(x)))
    })
    # the product over strata
    idx <- expand.grid(lapply(parts, function(pt) seq_len(nrow(pt$C))))
    n <- sum(lengths(strata))
    keys <- list(mean = numeric(0), median = numeric(0), prop = numeric(0))
    prob <- numeric(nrow(idx))
    for (r in seq_len(nrow(idx))) {
        y <- numeric(0)
        pr <- 1
        for (s in seq_along(parts)) {
            pt <- parts[[s]]
            y <- c(y, rep(pt$v, pt$C[idx[r, s], ]))
            pr <- pr * pt$p[idx[r, s]]
        }
        keys$mean[r] <- sum(y)                 # n * mean
        keys$median[r] <- 2 * median(y)        # 2 * median
        keys$prop[r] <- sum(y %in% props)      # n * prop
        prob[r] <- pr
    }
    lapply(keys, function(k) {
        a <- tapply(prob, round(k), sum)
        data.frame(key = as.numeric(names(a)), prob = as.vector(a))
    })
}

## Closed forms (large sets).
conv <- function(p, q) {    # pmfs on 0..; the pmf of the sum
    r <- numeric(length(p) + length(q) - 1)
    for (i in seq_along(p)) r[i:(i + length(q) - 1)] <-
        r[i:(i + length(q) - 1)] + p[i] * q
    r
}
sum_pmf <- function(x) {    # the sum of length(x) draws from x
    v <- 0:max(x)
    p1 <- as.vector(table(factor(x, levels = v))) / length(x)
    p <- 1
    for (i in seq_along(x)) p <- conv(p, p1)
    data.frame(key = seq_along(p) - 1, prob = p)
}
combine <- function(a, b) {    # the sum of independent keys
    pa <- numeric(max(a$key) + 1); pa[a$key + 1] <- a$prob
    pb <- numeric(max(b$key) + 1); pb[b$key + 1] <- b$prob
    p <- conv(pa, pb)
    data.frame(key = seq_along(p) - 1, prob = p)
}
binom_pmf <- function(x) {
    n <- length(x)
    data.frame(key = 0:n, prob = dbinom(0:n, n, mean(x %in% props)))
}
median_closed <- function(strata) {
    x <- unlist(strata)
    n <- length(x)
    v <- sort(unique(x))
    K <- length(v)
    # P(X(k) <= v_i) for the k-th order statistic of all n draws
    cdf_k <- function(k) vapply(v, function(vi) {
        pm <- 1
        for (s in strata) {
            ns <- length(s)
            pm <- conv(pm, dbinom(0:ns, ns, mean(s <= vi)))
        }
        sum(pm[(k:n) + 1])
    }, 0)
    if (n %% 2 == 1) {
        k <- (n + 1) / 2
        Fk <- cdf_k(k)
        return(data.frame(key = 2 * v, prob = diff(c(0, Fk))))
    }
    if (length(strata) != 1) stop("even n with strata: not implemented")
    k <- n / 2
    Fv <- cumsum(as.vector(table(factor(x, levels = v)))) / n
    Fm <- c(0, Fv[-K])
    Sv <- 1 - Fm                     # P(X >= v_j)
    Sp <- c(Sv[-1], 0)               # P(X >= v_{j+1})
    P <- matrix(0, K, K)
    for (i in seq_len(K)) for (j in seq_len(K)) if (i < j)
        P[i, j] <- choose(n, k) * (Fv[i]^k - Fm[i]^k) *
                   (Sv[j]^(n - k) - Sp[j]^(n - k))
    pk <- diff(c(0, cdf_k(k)))       # P(X(k) = v_i)
    diag(P) <- pk - rowSums(P)
    key <- outer(v, v, "+")
    a <- tapply(as.vector(P), as.vector(key), sum)
    data.frame(key = as.numeric(names(a)), prob = as.vector(a))
}
closed <- function(strata) {
    m <- Reduce(combine, lapply(strata, sum_pmf))
    p <- Reduce(combine, lapply(strata, binom_pmf))
    list(mean = m[m$prob > 0, ], median = median_closed(strata),
         prop = p[p$prob > 0, ])
}

## The closed forms agree with the enumeration on the small sets.
for (s in c("d4", "d5", "l4", "l6", "d6")) {
    e <- enumerate(sets[[s]])
    cf <- closed(sets[[s]])
    for (st in names(e)) {
        a <- merge(e[[st]], cf[[st]], by = "key", all = TRUE)
        a[is.na(a)] <- 0
        if (max(abs(a$prob.x - a$prob.y)) > 1e-12)
            stop("closed form differs from the enumeration: ", s, " ", st)
    }
}

qexact <- function(d, p) d$key[which(cumsum(d$prob) >= p - 1e-12)[1]]
fmt <- function(v) sprintf("%.17g", v)
alpha <- 1 - LEVEL
pmf_rows <- character(0)
sum_rows <- character(0)
for (s in names(sets)) {
    strata <- sets[[s]]
    x <- unlist(strata)
    n <- length(x)
    big <- n > 6
    d <- if (big) closed(strata) else enumerate(strata)
    for (st in c("mean", "median", "prop")) {
        dd <- d[[st]]
        dd <- dd[dd$prob > 0, ]
        dd <- dd[order(dd$key), ]
        if (abs(sum(dd$prob) - 1) > 1e-9) stop("probabilities: ", s, st)
        # the percentage: key (a count) / (n / 100)
        scale <- if (st == "median") 2 else if (st == "prop") n / 100 else n
        name <- if (st == "prop") "pct:4,5" else st
        t0 <- switch(st, mean = mean(x), median = median(x),
                     prop = 100 * mean(x %in% props))
        val <- dd$key / scale
        m <- sum(dd$prob * val)
        v2 <- sum(dd$prob * (val - m)^2)
        k4 <- if (v2 > 0) sum(dd$prob * (val - m)^4) / v2^2 else NA
        q <- function(p) qexact(dd, p) / scale
        pl <- alpha / 2
        ph <- 1 - alpha / 2
        delta <- function(p) 5 * sqrt(p * (1 - p) / ENUM_B) + 2 / ENUM_B
        sum_rows <- c(sum_rows, paste(s, name, n, scale, fmt(t0), fmt(m),
            fmt(sqrt(v2)), fmt(k4), LEVEL, ENUM_B, fmt(q(pl)), fmt(q(ph)),
            fmt(q(pl - delta(pl))), fmt(q(pl + delta(pl))),
            fmt(q(ph - delta(ph))), fmt(q(ph + delta(ph))), sep = "\t"))
        pmf_rows <- c(pmf_rows, sprintf("%s\t%s\t%d\t%s", s, name,
                                        as.integer(dd$key), fmt(dd$prob)))
    }
}
w <- function(lines, file) {
    con <- file(file.path(src_dir, "ref", file), "wb")
    writeLines(lines, con)
    close(con)
}
w(c("set\tstat\tkey\tprob", pmf_rows), "enum-pmf.tsv")
w(c(paste("set", "stat", "n", "scale", "estimate", "mean", "sd", "kurt",
          "level", "B", "q_lo", "q_hi", "q_lo_min", "q_lo_max", "q_hi_min",
          "q_hi_max", sep = "\t"), sum_rows), "enum.tsv")
cat("wrote", file.path(src_dir, "ref", c("enum-pmf.tsv", "enum.tsv")), "\n")
