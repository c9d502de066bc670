#!/usr/bin/python3
"""boot_scipy.py - SciPy's bootstrap intervals of one sample, for
tests/ref/boot.R (which calls it; see there). Not run by 'make check'.

    boot_scipy.py STAT LEVEL B SEED DATA OUT DIST

DATA: the sample, tab-separated, one row per observation (one column, two
for cor, k items for alpha). STAT: mean (also prop on 0/1 and mean-diff on
the differences), median, sd, var, dz, cor, alpha. Writes OUT, one header
and one row: estimate, the percentile, basic and BCa ends of
scipy.stats.bootstrap(n_resamples = B, method = ..., random_state = SEED,
the same replicates for the three: the first call's bootstrap_result is
given to the others), z0 (ties count one half, SciPy's
_percentile_of_score) and a (SciPy's jackknife, from its private
_bca_interval, scipy 1.10); and DIST, the B replicates, one per line.
Made with scipy 1.10.1, numpy 1.24.2 (Debian python3-scipy).
"""
import sys

import numpy as np
from scipy import stats
from scipy.special import ndtri
from scipy.stats import _resampling


def alpha_stat(*items, axis=-1):
    """Cronbach's alpha of the items (each an array, observations on axis)."""
    X = np.stack(items, axis=0)
    k = X.shape[0]
    item_var = X.var(axis=axis, ddof=1).sum(axis=0)
    total_var = X.sum(axis=0).var(axis=axis, ddof=1)
    return k / (k - 1) * (1 - item_var / total_var)


def cor_stat(x, y, axis=-1):
    xm = x - x.mean(axis=axis, keepdims=True)
    ym = y - y.mean(axis=axis, keepdims=True)
    return (xm * ym).sum(axis=axis) / np.sqrt(
        (xm * xm).sum(axis=axis) * (ym * ym).sum(axis=axis))


ONE = {
    "mean": lambda x, axis=-1: np.mean(x, axis=axis),
    "median": lambda x, axis=-1: np.median(x, axis=axis),
    "sd": lambda x, axis=-1: np.std(x, axis=axis, ddof=1),
    "var": lambda x, axis=-1: np.var(x, axis=axis, ddof=1),
    "dz": lambda x, axis=-1: np.mean(x, axis=axis) / np.std(x, axis=axis,
                                                            ddof=1),
}


def main():
    kind, level, B, seed, data, out, dist = sys.argv[1:8]
    level, B, seed = float(level), int(B), int(seed)
    X = np.loadtxt(data, ndmin=2)
    if kind in ONE:
        samples, fun, paired = (X[:, 0],), ONE[kind], False
    elif kind == "cor":
        samples, fun, paired = (X[:, 0], X[:, 1]), cor_stat, True
    elif kind == "alpha":
        samples = tuple(X[:, j] for j in range(X.shape[1]))
        fun, paired = alpha_stat, True
    else:
        raise SystemExit("unknown statistic " + kind)
    common = dict(confidence_level=level, vectorized=True, paired=paired,
                  batch=max(1, 4000000 // (X.shape[0] * X.shape[1])))
    rng = np.random.default_rng(seed)
    res = stats.bootstrap(samples, fun, n_resamples=B, method="percentile",
                          random_state=rng, **common)
    dist_b = res.bootstrap_distribution
    again = dict(n_resamples=0, bootstrap_result=res, **common)
    basic = stats.bootstrap(samples, fun, method="basic", **again)
    bca = stats.bootstrap(samples, fun, method="BCa", **again)
    t0 = float(fun(*samples, axis=-1))
    z0 = float(ndtri(_resampling._percentile_of_score(dist_b, t0, axis=-1)))
    if paired:
        # as bootstrap(paired=True) does: resample the row numbers
        def jfun(i, axis=-1):
            return fun(*[s[..., i] for s in samples], axis=axis)
        jdata = (np.arange(X.shape[0]),)
    else:
        jfun, jdata = fun, samples
    _, _, a = _resampling._bca_interval(jdata, jfun, axis=-1,
                                        alpha=(1 - level) / 2,
                                        theta_hat_b=dist_b, batch=None)
    ci = res.confidence_interval
    with open(out, "w") as f:
        f.write("estimate\tperc_lo\tperc_hi\tbasic_lo\tbasic_hi\tbca_lo\t"
                "bca_hi\tz0\ta\n")
        vals = [t0, ci.low, ci.high, basic.confidence_interval.low,
                basic.confidence_interval.high, bca.confidence_interval.low,
                bca.confidence_interval.high, z0, float(a)]
        f.write("\t".join(repr(float(v)) for v in vals) + "\n")
    np.savetxt(dist, dist_b, fmt="%.17g")


if __name__ == "__main__":
    main()
