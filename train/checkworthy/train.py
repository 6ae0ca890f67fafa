#!/usr/bin/env python3
"""Fits the check-worthiness model on ClaimBuster's tune half and exports it to dataset/models/checkworthy.json.

    /usr/bin/python3 train/checkworthy/train.py ../shared/corpora [--compare]

Reads the svmlight files scripts/dump-checkworthy.mjs writes (run by this script), chooses the regularisation by
5-fold cross-validation grouped by debate on the tune half, fits on the whole tune half, and measures on the
held-out half: the precision/recall curve, and the calibration table (the precision of the sentences whose score
falls in each band) that the extension shows as confidence. `--compare` also fits an MLP and boosted trees (on the
columns a logistic regression weighs most) and prints their figures. Fixed seeds throughout; runs in about a minute on 2 cores.
"""
import hashlib
import json
import os
import subprocess
import sys

try:
    import numpy as np
    from sklearn.datasets import load_svmlight_file
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score, precision_recall_curve
    from sklearn.model_selection import GroupKFold
    from sklearn.neural_network import MLPClassifier
    from sklearn.ensemble import HistGradientBoostingClassifier
except ImportError:
    sys.exit("needs scikit-learn: apt-get install -y python3-sklearn, and run with /usr/bin/python3")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(HERE, ".data")
OUT = os.path.join(ROOT, "dataset", "models", "checkworthy.json")
MODEL_VERSION = 2
SEED = 20261207
# The score from which a sentence counts as check-worthy: chosen on the tune half's cross-validated scores as the
# lowest score whose precision there is at least TARGET_PRECISION.
TARGET_PRECISION = 0.75


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def load(half, bits):
    # svmlight indices are 1-based: feature i is written as i + 1.
    X, y = load_svmlight_file(
        os.path.join(DATA, f"claimbuster-{half}.svm"), n_features=1 << bits, zero_based=False
    )
    with open(os.path.join(DATA, f"claimbuster-{half}.ids")) as f:
        ids = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    return X.tocsr(), y.astype(int), [i[1] for i in ids]


def threshold_for(y, s, target):
    p, r, t = precision_recall_curve(y, s)
    ok = [k for k in range(len(t)) if p[k] >= target]
    return float(t[ok[0]]) if ok else float(t[-1])


def pr_at(y, s, thr):
    flagged = s >= thr
    tp = int((flagged & (y == 1)).sum())
    fp = int((flagged & (y == 0)).sum())
    fn = int((~flagged & (y == 1)).sum())
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


class Pruned:
    """A logistic regression whose weights are cut to the `keep` largest in magnitude, then refitted on those
    features alone (so the kept weights make up for the dropped ones)."""

    def __init__(self, C, keep):
        self.C, self.keep = C, keep

    def fit(self, X, y):
        first = LogisticRegression(C=self.C, solver="liblinear", max_iter=2000, random_state=SEED).fit(X, y)
        w = first.coef_.ravel()
        self.cols = np.sort(np.argsort(-np.abs(w))[: self.keep])
        m = LogisticRegression(C=self.C, solver="liblinear", max_iter=2000, random_state=SEED).fit(X[:, self.cols], y)
        self.coef_ = np.zeros((1, X.shape[1]))
        self.coef_[0, self.cols] = m.coef_.ravel()
        self.intercept_ = m.intercept_
        return self

    def predict_proba(self, X):
        z = X @ self.coef_.ravel() + self.intercept_[0]
        p = 1 / (1 + np.exp(-z))
        return np.column_stack([1 - p, p])


class OnColumns:
    """Another learner on the columns an L2 logistic regression weighs most (the MLP and the boosted trees are
    too slow on all 2^18 hashed columns)."""

    def __init__(self, keep, make, dense=False):
        self.keep, self.make, self.dense = keep, make, dense

    def _cols(self, X):
        X = X[:, self.cols]
        return X.toarray() if self.dense else X

    def fit(self, X, y):
        first = LogisticRegression(C=4, solver="liblinear", max_iter=2000, random_state=SEED).fit(X, y)
        self.cols = np.sort(np.argsort(-np.abs(first.coef_.ravel()))[: self.keep])
        self.m = self.make().fit(self._cols(X), y)
        return self

    def predict_proba(self, X):
        return self.m.predict_proba(self._cols(X))


def cv_scores(make, X, y, groups):
    s = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=5).split(X, y, groups):
        m = make().fit(X[tr], y[tr])
        s[te] = m.predict_proba(X[te])[:, 1]
    return s


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    corpora = sys.argv[1]
    compare = "--compare" in sys.argv
    src = os.path.join(corpora, "checkworthy", "claimbuster-dev.jsonl")
    if not os.path.exists(src):
        print(f"skipped: {src} is not there")
        return
    subprocess.run(["node", os.path.join(ROOT, "scripts", "dump-checkworthy.mjs"), corpora, DATA], check=True)
    spec = json.load(open(os.path.join(DATA, "spec.json")))
    X, y, g = load("tune", spec["bits"])
    Xh, yh, _ = load("held-out", spec["bits"])
    print(f"tune {X.shape[0]} sentences ({y.mean():.3f} CFS), held-out {Xh.shape[0]} ({yh.mean():.3f} CFS)")

    candidates = {}
    for C in (1, 2, 4, 8):
        candidates[f"logreg-l2-C{C}"] = (lambda C=C: LogisticRegression(C=C, solver="liblinear", max_iter=2000, random_state=SEED))
    for C in (4, 16, 64):
        candidates[f"logreg-l1-C{C}"] = (
            lambda C=C: LogisticRegression(C=C, penalty="l1", solver="liblinear", max_iter=2000, random_state=SEED)
        )
    for K in (4000, 8000, 16000):
        candidates[f"logreg-l2-C4-top{K}"] = (lambda K=K: Pruned(4, K))
    if compare:
        candidates["mlp-32-on-top8000"] = lambda: OnColumns(
            8000,
            lambda: MLPClassifier(
                hidden_layer_sizes=(32,), alpha=1e-3, max_iter=80, early_stopping=True, random_state=SEED
            ),
        )
        candidates["gbm-on-top500"] = lambda: OnColumns(
            500,
            lambda: HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1, random_state=SEED),
            dense=True,
        )
    results = {}
    for name, make in candidates.items():
        s = cv_scores(make, X, y, g)
        ap = average_precision_score(y, s)
        thr = threshold_for(y, s, TARGET_PRECISION)
        p, r = pr_at(y, s, thr)
        results[name] = (ap, r)
        print(f"  cv tune  {name:18s} AP {ap:.3f}  at P>={TARGET_PRECISION}: P {p:.3f} R {r:.3f}")
        # Each candidate's held-out figures, for the design note; the choice below reads only the tune half.
        m = make().fit(X, y)
        sh = m.predict_proba(Xh)[:, 1]
        ph, rh = pr_at(yh, sh, thr)
        nz = int((np.abs(m.coef_) > 1e-4).sum()) if hasattr(m, "coef_") else -1
        print(f"  held-out {name:18s} AP {average_precision_score(yh, sh):.3f}  P {ph:.3f} R {rh:.3f}  nonzero {nz}")
    # Only a model whose file stays small (a few hundred KB: at most 16,000 weights) is chosen.
    linear = {k: v for k, v in results.items() if "-top" in k or k.startswith("logreg-l1")}
    best = max(linear, key=lambda k: (round(linear[k][0], 3), linear[k][1]))
    print(f"chosen by cross-validated AP on the tune half: {best}")
    make = candidates[best]
    s_cv = cv_scores(make, X, y, g)
    thr = threshold_for(y, s_cv, TARGET_PRECISION)
    model = make().fit(X, y)
    w = model.coef_.ravel()
    b = float(model.intercept_[0])
    # Weights are kept to 5 decimals and those under 1e-3 dropped: the file stays small and the scores change by
    # less than the 4 decimals the tests pin.
    keep = np.where(np.abs(w) >= 1e-3)[0]
    wq = np.round(w[keep], 5)
    full = np.zeros_like(w)
    full[keep] = wq

    def score(Xm):
        z = Xm @ full + round(b, 5)
        return 1 / (1 + np.exp(-z))

    sh = score(Xh)
    ap = average_precision_score(yh, sh)
    ph, rh = pr_at(yh, sh, thr)
    print(f"held-out: AP {ap:.3f}; at the threshold {thr:.4f} chosen on tune: P {ph:.3f} R {rh:.3f}")
    curve = []
    for t in [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]:
        p, r = pr_at(yh, sh, t)
        curve.append({"score": t, "precision": round(p, 3), "recall": round(r, 3)})
        print(f"  held-out score >= {t:.1f}: P {p:.3f} R {r:.3f}")
    # Calibration: the held-out precision of each band of scores, merged until each band has 40 sentences and
    # precision never falls as the score rises (pool adjacent violators).
    order = np.argsort(sh)
    bands = []
    for k in range(0, len(order), 40):
        idx = order[k : k + 40]
        bands.append([float(sh[idx[0]]), float(yh[idx].sum()), float(len(idx))])
    merged = []
    for band in bands:
        merged.append(band)
        while len(merged) > 1 and merged[-2][1] / merged[-2][2] >= merged[-1][1] / merged[-1][2]:
            last = merged.pop()
            merged[-1][1] += last[1]
            merged[-1][2] += last[2]
    calibration = [[round(lo, 4), round(pos / n, 3)] for lo, pos, n in merged]

    header = {
        "model": "checkworthy",
        "version": MODEL_VERSION,
        "kind": "logistic-regression",
        "chosen": best,
        "features": {"version": spec["version"], "bits": spec["bits"], "module": "utils/claims/features.ts"},
        "threshold": round(thr, 4),
        "trainedOn": {
            "claimbuster-dev.jsonl (tune half)": sha256(src),
        },
        "script": {"train/checkworthy/train.py": sha256(os.path.abspath(__file__)),
                   "utils/claims/features.ts": sha256(os.path.join(ROOT, "utils", "claims", "features.ts"))},
        "heldOut": {"ap": round(ap, 3), "precision": round(ph, 3), "recall": round(rh, 3), "curve": curve},
        "calibration": calibration,
        "seed": SEED,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    body = {"header": header, "bias": round(b, 5), "indices": [int(i) for i in keep],
            "weights": [float(v) for v in wq]}
    with open(OUT, "w") as f:
        json.dump(body, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {OUT}: {len(keep)} weights, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    np.random.seed(SEED)
    main()
