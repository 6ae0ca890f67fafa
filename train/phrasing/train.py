#!/usr/bin/env python3
"""Fits the phrasing model on the dumped candidates and exports it as dataset/models/phrasing.json.

    /usr/bin/python3 train/phrasing/train.py FEATURES.tsv VOCAB.json dataset/models/phrasing.json

Two logistic regressions over the hashed features (utils/analyze/model-features.ts): one scores rule matches,
one scores content words no rule matched. Only the `tune` half is fitted on. Calibration: five-fold cross-fitting
on the tune half, grouped by document, gives every tune candidate a score from a model that did not see its
document; an isotonic regression of the share of the candidate that annotators marked on that score, per
category, is the table that turns a score into the precision measured at it. The held-out half is never read
here except for the summary printed at the end (the figures to report come from `npm run eval:phrasing`).
Fixed seeds; about a minute on two cores. PHRASING_REPEATS, PHRASING_BAGS, PHRASING_MIN_STEP_RULE,
PHRASING_MIN_STEP_WORD and PHRASING_FOLD_SEED (environment; see below and train/phrasing/README.md) change how the
calibration's out-of-fold scores and the weights are made; their defaults give the single fit.
"""
import base64
import hashlib
import json
import os
import sys
import time
from collections import defaultdict

try:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
except ImportError:  # pragma: no cover
    sys.exit("needs numpy, scipy and scikit-learn: apt-get install -y python3-sklearn (then run /usr/bin/python3)")

BITS = 16
DIM = 1 << BITS
SEED = 20261207
# Weight of a candidate by the corpus it comes from: BASIL (mainstream news, sparse writer's-voice labels) is
# the kind of text Gloss reads most and the smallest set.
SET_WEIGHT = {"ptc": 1.0, "basil": 3.0, "babe": 1.0}
C = {"rule": 0.3, "word": 0.1}
MIN_CATEGORY = 40  # candidates a category needs for a calibration table of its own
# The categories the annotations speak to (PTC's loaded language, name calling and labelling, exaggeration and
# minimisation; BASIL's and BABE's lexical bias). The others (scare quotes, doubt, vague attribution, certainty,
# speculation, fear, unsupported claims) are about how a text sources and hedges, which none of these sets
# annotates as such: their rules keep their own confidence.
SCORED = {"loaded-language", "labeling", "exaggeration"}
CAL_SETS = set(os.environ.get("PHRASING_CAL_SETS", "ptc,basil,babe").split(","))
MIN_RULE = 20  # tune candidates a rule needs before the model's measured precision replaces its own confidence
# Steadiness (docs/design/phrasing.md, "A steadier model?"). BAGS models, each fitted on a bootstrap resample of
# the documents (fixed seeds), are averaged into one weight vector per kind; the out-of-fold scores for calibration
# are averaged over REPEATS five-fold splits with different fold seeds; the calibration pools the candidates, sorted
# by score, into runs of at least MIN_STEP (per kind) before the isotonic fit, so no step rests on a handful.
# BAGS=1, REPEATS=1, MIN_STEP=1 and FOLD_SEED=0 are the single fit on GroupKFold's folds that preceded them.
BAGS = int(os.environ.get("PHRASING_BAGS", "1"))
REPEATS = int(os.environ.get("PHRASING_REPEATS", "1"))
MIN_STEP = {
    "rule": int(os.environ.get("PHRASING_MIN_STEP_RULE", "1")),
    "word": int(os.environ.get("PHRASING_MIN_STEP_WORD", "1")),
}
FOLD_SEED = int(os.environ.get("PHRASING_FOLD_SEED", "0"))


def read(path):
    rows = []
    with open(path, encoding="utf8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 9:
                continue
            s, doc, split, kind, cat, rule, y, _word, feats = parts
            idx = [int(x) for x in feats.split()] if feats else []
            rows.append((s, doc, split, kind, cat, rule, float(y), idx))
    return rows


def matrix(rows):
    indptr = [0]
    indices = []
    for r in rows:
        indices.extend(r[7])
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return csr_matrix((data, np.array(indices, dtype=np.int32), np.array(indptr)), shape=(len(rows), DIM))


def fit_one(X, y, w, kind):
    m = LogisticRegression(C=C[kind], solver="liblinear", max_iter=200, random_state=SEED)
    m.fit(X, y, sample_weight=w)
    return m.coef_[0].astype(np.float64), float(m.intercept_[0])


def fit(X, y, w, groups, kind, seed):
    """One logistic regression, or the average of BAGS fitted on bootstrap resamples of the documents: a document
    drawn n times counts n times (its candidates' weights multiplied by n)."""
    if BAGS <= 1:
        return fit_one(X, y, w, kind)
    rng = np.random.RandomState(seed)
    names, inverse = np.unique(groups, return_inverse=True)
    coef = np.zeros(X.shape[1])
    bias = 0.0
    for _ in range(BAGS):
        drawn = np.bincount(rng.randint(0, len(names), len(names)), minlength=len(names))
        times = drawn[inverse]
        keep = np.flatnonzero(times > 0)
        c, b = fit_one(X[keep], y[keep], w[keep] * times[keep], kind)
        coef += c
        bias += b
    return coef / BAGS, bias / BAGS


def folds(groups, repeat):
    """Five folds grouped by document: GroupKFold's for the first split without a fold seed, else the documents
    shuffled by a seeded generator and dealt round-robin."""
    if FOLD_SEED == 0 and repeat == 0:
        yield from GroupKFold(n_splits=5).split(np.zeros(len(groups)), None, groups)
        return
    names, inverse = np.unique(groups, return_inverse=True)
    order = np.random.RandomState(SEED + FOLD_SEED * 1000 + repeat).permutation(len(names))
    fold_of = np.empty(len(names), dtype=np.int64)
    fold_of[order] = np.arange(len(names)) % 5
    per_row = fold_of[inverse]
    for k in range(5):
        yield np.flatnonzero(per_row != k), np.flatnonzero(per_row == k)


def quantize(model):
    w, intercept = model
    scale = float(np.abs(w).max() / 127) or 1.0
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    return q, scale, float(intercept)


def qscore(q, scale, bias, rows):
    z = np.array([bias + scale * int(q[r[7]].astype(np.int32).sum()) for r in rows])
    return 1 / (1 + np.exp(-z))


def fnv(data: bytes) -> int:
    h = 0x811C9DC5
    for b in data:
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def pool(scores, targets, weights, n):
    """The candidates sorted by score, pooled into runs of at least n (equal scores never split; a short last run
    joins the one before): each run is one point at its lowest score, with its weighted mean target and its total
    weight, so an isotonic step can start only where n candidates back it."""
    order = np.argsort(scores, kind="mergesort")
    s, t, w = scores[order], targets[order], weights[order]
    cuts = [0]
    i = 0
    while i < len(s):
        j = min(i + n, len(s))
        while j < len(s) and s[j] == s[j - 1]:
            j += 1
        cuts.append(j)
        i = j
    if len(cuts) > 2 and cuts[-1] - cuts[-2] < n:
        del cuts[-2]
    xs, ys, ws = [], [], []
    for a, b in zip(cuts, cuts[1:]):
        xs.append(s[a])
        ws.append(w[a:b].sum())
        ys.append(float(np.dot(t[a:b], w[a:b]) / ws[-1]))
    return np.array(xs), np.array(ys), np.array(ws)


def steps(scores, targets, weights, n=1):
    if n > 1:
        scores, targets, weights = pool(scores, targets, weights, n)
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0, y_max=1, increasing=True)
    iso.fit(scores, targets, sample_weight=weights)
    xs, ys = iso.X_thresholds_, iso.y_thresholds_
    out = []
    for x, y in zip(xs, ys):
        y = round(float(y), 4)
        if out and out[-1][1] == y:
            continue
        out.append([round(float(x), 6), y])
    if out:
        out[0][0] = 0.0
    return out


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    src, vocab_path, dst = argv[1], argv[2], argv[3]
    with open(vocab_path, encoding="utf8") as f:
        vocab = json.load(f)
    t0 = time.time()
    rows = read(src)
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(os.path.join(here, "..", ".."))
    scripts = [
        os.path.join(here, "train.py"),
        os.path.join(here, "vocab.py"),
        os.path.join(here, "dump-features.ts"),
        os.path.join(root, "utils", "analyze", "model-features.ts"),
        os.path.join(root, "utils", "analyze", "model.ts"),
    ]
    export = {
        "format": "gloss-phrasing-model",
        "version": 1,
        "featureSpec": "phrasing-features/3",
        "featureBits": BITS,
        "trained": time.strftime("%Y-%m-%d", time.gmtime()),
        "data": {
            "sha256": sha256(src),
            "sets": "PTC train (SemEval-2020 Task 11) span labels and their 2023 re-annotation; BASIL writer's-voice lexical spans; BABE biased words",
            "split": "tune half only (FNV-1a of the document id, as scripts/eval-phrasing.ts)",
            "candidates": sum(1 for r in rows if r[2] == "tune"),
        },
        "script": {os.path.relpath(p, root): sha256(p) for p in scripts if os.path.exists(p)},
        "models": {},
        "calibration": {},
        "vocab": {k: vocab[k] for k in ("source", "words", "cluster", "prior", "checksum")},
    }
    summary = []
    for kind in ("rule", "word"):
        tune = [r for r in rows if r[2] == "tune" and r[3] == kind]
        held = [r for r in rows if r[2] == "held-out" and r[3] == kind]
        X = matrix(tune)
        y = np.array([1 if r[6] >= 0.5 else 0 for r in tune])
        t = np.array([r[6] for r in tune])
        w = np.array([SET_WEIGHT[r[0]] for r in tune])
        groups = np.array([f"{r[0]}:{r[1]}" for r in tune])
        oof = np.zeros(len(tune))
        for rep in range(REPEATS):
            for k, (a, b) in enumerate(folds(groups, rep)):
                m = fit(X[a], y[a], w[a], groups[a], kind, SEED + 1000 * FOLD_SEED + 100 * rep + k + 1)
                q, scale, bias = quantize(m)
                oof[b] += qscore(q, scale, bias, [tune[i] for i in b])
        oof /= REPEATS
        model = fit(X, y, w, groups, kind, SEED + 1000 * FOLD_SEED)
        q, scale, bias = quantize(model)
        raw = q.tobytes()
        export["models"][kind] = {
            "bias": round(bias, 6),
            "scale": float(f"{scale:.8g}"),
            "weights": base64.b64encode(raw).decode("ascii"),
            "checksum": fnv(raw),
        }
        # Calibration tables from the out-of-fold scores: per category for rules (categories with few candidates
        # share the table of all rule candidates), one for words.
        # Calibrated on the sets named in CAL_SETS (all of them by default).
        cal = np.array([r[0] in CAL_SETS for r in tune])
        if kind == "word":
            export["calibration"]["word"] = steps(oof[cal], t[cal], w[cal], MIN_STEP["word"])
        else:
            by = defaultdict(list)
            for i, r in enumerate(tune):
                by[r[4]].append(i)
            for cat, ix in sorted(by.items()):
                ix = [i for i in ix if cal[i]]
                if cat in SCORED and len(ix) >= MIN_CATEGORY:
                    export["calibration"][cat] = steps(oof[ix], t[ix], w[ix], MIN_STEP["rule"])
            # The rules the calibration measured: a rule with few annotated candidates keeps its own confidence.
            per_rule = defaultdict(int)
            for r in tune:
                if r[4] in SCORED:
                    per_rule[r[5]] += 1
            export["measuredRules"] = sorted(k for k, n in per_rule.items() if n >= MIN_RULE)
        # Out of fold on the tune half: the candidates the calibration puts at 0.5 or more, and their annotated share.
        table = export["calibration"]["word"] if kind == "word" else None
        if table:
            xs = np.array([x for x, _ in table])
            ps = np.array([p for _, p in table])
            at = ps[np.clip(np.searchsorted(xs, oof, side="right") - 1, 0, None)]
            sel = at >= 0.5
            summary.append(
                f"  {kind}: tune out-of-fold candidates calibrated ≥ 0.5: {int(sel.sum())} of {len(tune)}, "
                f"annotated share {t[sel].mean() if sel.any() else float('nan'):.3f}"
            )
        # A summary on the held-out half: mean annotated share of the candidates above a few scores.
        hs = qscore(q, scale, bias, held)
        ht = np.array([r[6] for r in held])
        for thr in (0.3, 0.5, 0.7):
            sel = hs >= thr
            summary.append(
                f"  {kind}: held-out candidates scoring ≥ {thr}: {int(sel.sum())} of {len(held)}, "
                f"annotated share {ht[sel].mean() if sel.any() else float('nan'):.3f}"
            )
        summary.append(f"  {kind}: {len(tune)} tune candidates, {int(np.count_nonzero(q))} non-zero weights")
    os.makedirs(os.path.dirname(os.path.abspath(dst)), exist_ok=True)
    with open(dst, "w", encoding="utf8") as f:
        json.dump(export, f, separators=(",", ":"))
        f.write("\n")
    print("\n".join(summary))
    print(f"wrote {dst} ({os.path.getsize(dst)} bytes) in {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main(sys.argv)
