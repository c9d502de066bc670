# unit-twogroup.R - the R values of tests/unit/test-twogroup.c.
# Rscript tests/ref/unit-twogroup.R   (R 4.2.2, effectsize 0.8.3, coin 1.4.2,
# exactRankTests 0.8.35, MASS). Prints "key value" lines, %.17g.
# A is the reference group, B the comparison: every call is f(b, a).
suppressMessages({ library(MASS); library(effectsize); library(coin)
                   library(exactRankTests) })
out <- function(key, x) cat(sprintf("%s %.17g\n", key, x))

# Data: sleep (10 + 10, ties), mtcars mpg by am (19 + 13, ties), R's
# ?wilcox.test two-sample example (5 + 10, no ties), ToothGrowth len by
# supp (30 + 30, ties), MASS::anorexia weight change CBT vs Cont (26 + 29,
# one tie), and 13 + 13 Likert answers.
sets <- list(
  sleep = list(a = sleep$extra[sleep$group == 1], b = sleep$extra[sleep$group == 2]),
  mtcars = list(a = mtcars$mpg[mtcars$am == 0], b = mtcars$mpg[mtcars$am == 1]),
  wex = list(a = c(1.15, 0.88, 0.90, 0.74, 1.21),
             b = c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46)),
  tooth = list(a = ToothGrowth$len[ToothGrowth$supp == "VC"],
               b = ToothGrowth$len[ToothGrowth$supp == "OJ"]),
  anorexia = with(anorexia, list(a = (Postwt - Prewt)[Treat == "Cont"],
                                 b = (Postwt - Prewt)[Treat == "CBT"])),
  likert = list(a = c(2, 3, 3, 1, 4, 2, 3, 2, 5, 3, 2, 1, 3),
                b = c(4, 3, 5, 4, 2, 4, 3, 5, 4, 3, 4, 2, 5)))

# The d interval: the noncentralities by uniroot to 1e-14, pt's root.
# effectsize's .get_ncp_t finds them by optim (Nelder-Mead, abstol 1e-9 on
# the sum of the two probability errors), which leaves them about 1e-6
# off: the test holds the uniroot values, effectsize's only to 1e-5.
ncp <- function(t, df, p)
  uniroot(function(x) pt(t, df, ncp = x) - p, c(t - 50, t + 50),
          tol = 1e-15)$root

# Brunner-Munzel (Brunner & Munzel 2000; Neubert & Brunner 2007), by hand:
# placements R_ik - R^(i)_ik, their variances, se, t, df, and the interval.
bm <- function(a, b, level = 0.95, alt = "two.sided") {
  na <- length(a); nb <- length(b); r <- rank(c(a, b))
  pa <- r[1:na] - rank(a); pb <- r[na + 1:nb] - rank(b)
  Sa <- var(pa); Sb <- var(pb)
  theta <- (mean(r[na + 1:nb]) - (nb + 1) / 2) / na
  se <- sqrt(na * Sa + nb * Sb) / (na * nb)
  df <- (na * Sa + nb * Sb)^2 / ((na * Sa)^2 / (na - 1) + (nb * Sb)^2 / (nb - 1))
  t <- (theta - 0.5) / se
  q <- qt(if (alt == "two.sided") 1 - (1 - level) / 2 else level, df)
  p <- switch(alt, two.sided = 2 * min(pt(t, df), pt(t, df, lower.tail = FALSE)),
              greater = pt(t, df, lower.tail = FALSE), less = pt(t, df))
  c(theta = theta, se = se, t = t, df = df, p = p,
    lo = max(0, theta - q * se), hi = min(1, theta + q * se))
}

for (nm in names(sets)) {
  a <- sets[[nm]]$a; b <- sets[[nm]]$b
  k <- function(s) paste0(nm, "_", s)
  for (ve in c(FALSE, TRUE)) {
    tt <- t.test(b, a, var.equal = ve)
    v <- if (ve) "s" else "w"
    out(k(paste0(v, "diff")), mean(b) - mean(a))
    out(k(paste0(v, "se")), tt$stderr)
    out(k(paste0(v, "lo")), tt$conf.int[1]); out(k(paste0(v, "hi")), tt$conf.int[2])
    out(k(paste0(v, "t")), tt$statistic); out(k(paste0(v, "df")), tt$parameter)
    out(k(paste0(v, "p")), tt$p.value)
  }
  tg <- t.test(b, a, alternative = "greater", conf.level = 0.9)
  tl <- t.test(b, a, alternative = "less", conf.level = 0.9)
  out(k("wgp"), tg$p.value); out(k("wglo"), tg$conf.int[1])
  out(k("wlp"), tl$p.value); out(k("wlhi"), tl$conf.int[2])
  # d and g
  df <- length(a) + length(b) - 2; hn <- sqrt(1 / length(a) + 1 / length(b))
  d <- cohens_d(b, a); g <- hedges_g(b, a)
  t <- d$Cohens_d / hn
  J <- exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
  out(k("sdp"), sd_pooled(b, a))
  out(k("d"), d$Cohens_d); out(k("g"), g$Hedges_g)
  out(k("dlo"), ncp(t, df, 0.975) * hn); out(k("dhi"), ncp(t, df, 0.025) * hn)
  out(k("glo"), ncp(t, df, 0.975) * hn * J); out(k("ghi"), ncp(t, df, 0.025) * hn * J)
  out(k("eff_dlo"), d$CI_low); out(k("eff_dhi"), d$CI_high)
  out(k("eff_glo"), g$CI_low); out(k("eff_ghi"), g$CI_high)
  dg <- cohens_d(b, a, alternative = "greater", ci = 0.9)
  out(k("dglo"), ncp(t, df, 0.9) * hn); out(k("eff_dglo"), dg$CI_low)
  # rank-sum, R's default method, and without continuity correction
  w <- suppressWarnings(wilcox.test(b, a, conf.int = TRUE, tol.root = 1e-12))
  out(k("W"), w$statistic); out(k("wxp"), w$p.value)
  out(k("wcilo"), w$conf.int[1]); out(k("wcihi"), w$conf.int[2])
  out(k("hl"), median(outer(b, a, "-")))
  w <- suppressWarnings(wilcox.test(b, a, conf.int = TRUE, tol.root = 1e-12,
                                    correct = FALSE, exact = FALSE))
  out(k("ncp"), w$p.value)
  out(k("nccilo"), w$conf.int[1]); out(k("nccihi"), w$conf.int[2])
  for (alt in c("greater", "less")) {
    w <- suppressWarnings(wilcox.test(b, a, conf.int = TRUE, tol.root = 1e-12,
                                      alternative = alt, conf.level = 0.9))
    out(k(paste0(alt, "p")), w$p.value)
    out(k(paste0(alt, "ci")), if (alt == "greater") w$conf.int[1] else w$conf.int[2])
  }
  # exact conditional distribution with ties: coin and exactRankTests.
  # They differ on anorexia's two-sided p: exactRankTests' expectation
  # 29/55 * 1540 rounds to 811.99999999999989, and its tail misses the
  # mirror point 717, whose probability (dperm(717, rank(c(b, a)), 29))
  # is the difference; coin is right.
  g2 <- factor(rep(c("B", "A"), c(length(b), length(a))), levels = c("B", "A"))
  y <- c(b, a)
  for (alt in c("two.sided", "greater", "less")) {
    cp <- pvalue(wilcox_test(y ~ g2, distribution = "exact", alternative = alt))
    ep <- suppressWarnings(wilcox.exact(b, a, alternative = alt))$p.value
    out(k(paste0("coin_", alt)), cp); out(k(paste0("ert_", alt)), ep)
  }
  # dominance, Brunner-Munzel
  out(k("gt"), mean(outer(b, a, ">"))); out(k("eq"), mean(outer(b, a, "==")))
  out(k("lt"), mean(outer(b, a, "<")))
  r <- bm(a, b)
  for (s in names(r)) out(k(paste0("bm_", s)), r[[s]])
  r <- bm(a, b, 0.9, "greater")
  out(k("bmg_p"), r[["p"]]); out(k("bmg_lo"), r[["lo"]])
  # Fisher's exact test of the 2 x k table when k <= 10
  tab <- table(rep(c("A", "B"), c(length(a), length(b))), c(a, b))
  if (ncol(tab) <= 10) out(k("fisher"), fisher.test(tab)$p.value)
}

# Larger Likert groups (N = 740, 5 levels): exact tied p and Fisher.
ca <- c(40, 80, 120, 90, 30); cb <- c(30, 60, 110, 120, 60)
a <- rep(1:5, ca); b <- rep(1:5, cb)
g2 <- factor(rep(c("B", "A"), c(length(b), length(a))), levels = c("B", "A"))
out("big_coin", pvalue(wilcox_test(c(b, a) ~ g2, distribution = "exact")))
out("big_fisher", fisher.test(rbind(ca, cb), workspace = 2e8)$p.value)
out("big_W", wilcox.test(b, a, exact = FALSE)$statistic)
# a 2 x 7 table with small counts
ca <- c(3, 0, 5, 2, 7, 1, 4); cb <- c(1, 4, 2, 6, 0, 5, 3)
out("f7", fisher.test(rbind(ca, cb))$p.value)
# 2 x 10, 210 answers (about 2e8 tables)
ca <- c(12, 8, 15, 9, 11, 7, 14, 10, 6, 13); cb <- c(9, 14, 7, 12, 10, 15, 8, 11, 13, 6)
out("f10", fisher.test(rbind(ca, cb), workspace = 2e8)$p.value)
# many answers: a 2 x 2 of 4050 (one pass over the free count), and a 2 x 3
# of 6000 with few tables (computed although beyond 5000 answers)
out("f22", fisher.test(rbind(c(1200, 1100), c(800, 950)))$p.value)
out("f3big", fisher.test(rbind(c(2990, 1, 4), c(3000, 4, 1)))$p.value)
# one group of one: Student's t and the rank-sum test are defined
tt <- t.test(c(3.1), c(2.2, 4.5, 3.3), var.equal = TRUE)
out("one_t", tt$statistic); out("one_p", tt$p.value)
w <- wilcox.test(c(3.1), c(2.2, 4.5, 3.3))
out("one_W", w$statistic); out("one_wp", w$p.value)
# one group constant: Welch's df is the other group's n - 1
tt <- t.test(c(1, 2, 3.5), c(2, 2, 2))
out("c1_t", tt$statistic); out("c1_df", tt$parameter); out("c1_p", tt$p.value)
# the groups do not overlap: theta = 1, Brunner-Munzel's variance 0
w <- wilcox.test(c(5.5, 6, 7), c(1, 2, 2, 3))
out("sep_W", w$statistic); out("sep_p", w$p.value)
# The partially overlapping samples t test (Derrick, Russ, Toher & White
# 2017), by hand from the paper's formulas (the Partiallyoverlapping
# package is not installed here); its limits are R's own tests: no pairs
# gives t.test(b, a) (Welch, Student), only pairs the paired t.test.
partover <- function(x1, x2, x3, x4, var.equal = FALSE) {
  a <- c(x1, x3); b <- c(x2, x4); n1 <- length(x1); n2 <- length(x2)
  nc <- length(x3); na <- n1 + nc; nb <- n2 + nc
  # a constant side of the pairs: their covariance is 0, r taken as 0, as
  # Partover.test (Partiallyoverlapping 2.0) does
  r <- if (nc >= 2 && sd(x3) > 0 && sd(x4) > 0) cor(x3, x4) else 0
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
  t <- (mean(b) - mean(a)) / se
  c(t = t, df = df, p = 2 * pt(-abs(t), df), lo = mean(b) - mean(a) - qt(0.975, df) * se,
    hi = mean(b) - mean(a) + qt(0.975, df) * se)
}
s1 <- sleep$extra[1:10]; s2 <- sleep$extra[11:20]
for (ve in c(FALSE, TRUE)) {
  v <- partover(s1[8:10], s2[7:10], s1[1:6], s2[1:6], ve)
  for (s in names(v)) out(paste0("po", if (ve) "s" else "w", "_", s), v[[s]])
}
# The worked example of Derrick, Toher & White (2017, The Quantitative
# Methods for Psychology 13(2), 120-126), as Partover.test's help gives it:
# 8 unpaired and 8 paired in each sample; equal variances: p = 0.026.
# (Sample 1 is "a": B - A here is b - a, so t has the package's sign
# flipped; p and df are the same.)
au <- c(20, 21, 16, 18, 14, 12, 14, 17); ap <- c(14, 15, 18, 20, 11, 19, 14, 15)
bu <- c(10, 16, 18, 16, 15, 14, 13, 10); bp <- c(15, 10, 15, 17, 13, 19, 12, 13)
for (ve in c(FALSE, TRUE)) {
  v <- partover(au, bu, ap, bp, ve)
  for (s in names(v)) out(paste0("pex", if (ve) "s" else "w", "_", s), v[[s]])
}
v <- partover(s1[1:3], s2[1:3], c(2, 2, 2), s2[1:3], FALSE)
for (s in names(v)) out(paste0("pok_", s), v[[s]])
tt <- t.test(s2[1:6], s1[1:6], paired = TRUE)
out("po_paired_t", tt$statistic); out("po_paired_df", tt$parameter)
out("po_paired_p", tt$p.value)
