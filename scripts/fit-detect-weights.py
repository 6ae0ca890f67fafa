#!/usr/bin/env python3
"""Fits the weights of article detection (utils/detect-weights.ts) on labelled pages.

    npm run eval:articles -- ../shared/corpora --features=/tmp/features.jsonl
    /usr/bin/python3 scripts/fit-detect-weights.py /tmp/features.jsonl [--write] [--verbose]

The rows are the named features detection computes on every labelled page (readability-pages, zyte-articles,
pages-more/detect), each as served and with nothing declared. Only pages of the "tune" split of the sets labelled
for news (readability-pages, pages-more/detect) are fitted on; zyte-articles labels articles, not news, and is
only measured on; the held-out pages are for `npm run eval:articles` to report on.

The model is a logistic regression whose prior is the weights the project set by hand before (the table's
previous version, scaled to a logistic): maximum a posteriori with a Gaussian prior of width SIGMA around them.
So a feature that the tune pages hardly show keeps its hand weight, and one they show often gets the weight the
pages give it. SIGMA is chosen by 5-fold cross-validation on the tune pages (log loss; the narrowest within 1%
of the best); then the bias is moved
to where, in the same cross-validation, a missed news page (counted MISS_COST times) and a page wrongly read as news cost
least. Needs numpy and
scipy (Debian: apt-get install -y python3-sklearn, which brings both).
"""
import hashlib
import json
import os
import re
import sys

try:
    import numpy as np
    from scipy.optimize import minimize
except ImportError:  # pragma: no cover
    sys.exit('fit-detect-weights: needs numpy and scipy: apt-get install -y python3-sklearn, then run it with /usr/bin/python3')

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(ROOT, 'utils', 'detect-weights.ts')
# The hand weights were summed against a threshold of 1.5 and turned into a confidence with a slope of 1.5.
HAND_SLOPE = 1.5
HAND_THRESHOLD = 1.5
BARE_WEIGHT = 0.5  # a page with its declarations taken away counts half: it is the same page
MISS_COST = 3


def read_table():
    src = open(TABLE, encoding='utf8').read()
    feats = re.findall(r"^  '([a-z_]+)',$", src.split('] as const')[0], re.M)
    prior_src = open(os.path.join(ROOT, 'scripts', 'detect-weights.prior.json'), encoding='utf8').read()
    prior = json.loads(prior_src)
    return feats, prior


def design(rows, feats):
    index = {f: i for i, f in enumerate(feats)}
    xs, ys, ws = [], [], []
    for r in rows:
        for key, weight in (('features', 1.0), ('bare', BARE_WEIGHT)):
            x = np.zeros(len(feats))
            for f in r[key]:
                x[index[f]] = 1.0
            xs.append(x)
            ys.append(1.0 if r['news'] else 0.0)
            ws.append(weight)
    return np.array(xs), np.array(ys), np.array(ws)


def fit(X, y, w, beta0, sigma):
    """MAP logistic regression: weighted log loss plus |beta - beta0|^2 / (2 sigma^2); beta[0] is the bias."""
    Xb = np.hstack([np.ones((len(X), 1)), X])

    def loss(beta):
        z = Xb @ beta
        p = 1 / (1 + np.exp(-z))
        ll = w * (np.logaddexp(0, z) - y * z)
        d = beta - beta0
        grad = Xb.T @ (w * (p - y)) + d / sigma**2
        return ll.sum() + (d @ d) / (2 * sigma**2), grad

    return minimize(loss, beta0.copy(), jac=True, method='L-BFGS-B').x


def folds(rows, k=5):
    """Folds by page, so a page and its bare copy stay together."""
    key = lambda r: int(hashlib.sha1(r['id'].encode()).hexdigest(), 16) % k
    return [[i for i, r in enumerate(rows) if key(r) == f] for f in range(k)]


def cross_validate(rows, feats, beta0, sigma):
    """Out-of-fold scores of every tune page as served, and the weighted log loss."""
    scores = np.zeros(len(rows))
    total = 0.0
    for fold in folds(rows):
        held = set(fold)
        train = [r for i, r in enumerate(rows) if i not in held]
        X, y, w = design(train, feats)
        beta = fit(X, y, w, beta0, sigma)
        Xt, yt, wt = design([rows[i] for i in fold], feats)
        z = np.hstack([np.ones((len(Xt), 1)), Xt]) @ beta
        total += (wt * (np.logaddexp(0, z) - yt * z)).sum()
        for j, i in enumerate(fold):
            scores[i] = z[2 * j]  # the page as served
    return scores, total


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if not args or not os.path.exists(args[0]):
        sys.exit('Usage: fit-detect-weights.py FEATURES.jsonl [--write]  (npm run eval:articles -- CORPORA --features=FILE writes it)')
    rows = [json.loads(l) for l in open(args[0], encoding='utf8') if l.strip()]
    feats, prior = read_table()
    # zyte-articles labels article pages, not news (its pages include blog posts and reviews): it is measured
    # on, not fitted on. Fitting on it taught the model that a blog post is news.
    tune = [r for r in rows if r['split'] == 'tune' and r['source'] != 'zyte-articles']
    beta0 = np.array([HAND_SLOPE * (prior['bias'] - HAND_THRESHOLD)] + [HAND_SLOPE * prior['weights'].get(f, 0.0) for f in feats])

    tried = []
    for sigma in (0.25, 0.5, 1.0, 1.5, 2.0, 3.0):
        scores, loss = cross_validate(tune, feats, beta0, sigma)
        print(f'sigma {sigma}: cross-validated log loss {loss:.2f}', file=sys.stderr)
        tried.append((sigma, loss, scores))
    # The narrowest prior (the one closest to the hand weights) whose loss is within 1% of the best: the losses of
    # neighbouring widths differ by less than the noise of 117 pages, and the narrower one moves fewer weights.
    least = min(loss for _, loss, _ in tried)
    sigma, loss, scores = next(t for t in tried if t[1] <= least * 1.01)
    X, y, w = design(tune, feats)
    beta = fit(X, y, w, beta0, sigma)

    # The bias moved to where the out-of-fold scores cost least, a news page missed counting MISS_COST times a
    # page wrongly read as news (a missed story loses its highlights; a page taken for news gets wrong ones).
    def cost(t):
        miss = sum(1 for s, r in zip(scores, tune) if r['news'] and s < t)
        wrong = sum(1 for s, r in zip(scores, tune) if not r['news'] and s >= t)
        return MISS_COST * miss + wrong
    shift = min((cost(t), abs(t), t) for t in np.arange(-2.0, 2.01, 0.25))[2]
    beta[0] -= shift
    z = scores - shift
    tp = sum(1 for s, r in zip(z, tune) if r['news'] and s >= 0)
    fp_not = sum(1 for s, r in zip(z, tune) if r['label'] == 'not-article' and s >= 0)
    fp_other = sum(1 for s, r in zip(z, tune) if r['label'] in ('other-article',) and s >= 0)
    n_news = sum(1 for r in tune if r['news'])
    n_not = sum(1 for r in tune if r['label'] == 'not-article')
    n_other = sum(1 for r in tune if r['label'] == 'other-article')
    summary = (
        f'sigma {sigma}, bias moved by {-shift:.2f}; out-of-fold on the tune pages: news {tp}/{n_news}, '
        f'not-article read as news {fp_not}/{n_not}, other-article {fp_other}/{n_other}'
    )
    print(summary, file=sys.stderr)
    if '--verbose' in sys.argv:
        # The tune pages decided wrongly out of fold, with their out-of-fold scores.
        for s, r in sorted(zip(z, tune), key=lambda x: x[0]):
            if (s >= 0) != bool(r['news']):
                print(f"  out of fold {s:+.2f} {r['label']:14} {r['id']}", file=sys.stderr)

    listing = '\n'.join(sorted(f"{r['id']}\t{r['label']}" for r in tune))
    digest = hashlib.sha256(listing.encode()).hexdigest()[:16]
    counts = {f: int(sum(1 for r in tune if f in r['features'])) for f in feats}
    for f, b in zip(feats, beta[1:]):
        print(f'  {f:22} {b:+.2f}  (hand {beta0[feats.index(f) + 1]:+.2f}, on {counts[f]} tune pages)', file=sys.stderr)
    print(f'  {"bias":22} {beta[0]:+.2f}', file=sys.stderr)
    if '--write' not in sys.argv:
        return
    src = open(TABLE, encoding='utf8').read()
    head = src[: src.index('export const DETECTION_BIAS')]
    head = re.sub(
        r'/\*\*\n \* The weights of article detection.*?\*/\n',
        '/**\n'
        ' * The weights of article detection (utils/detect.ts): one row per named feature, summed with the bias; a page\n'
        " * is taken for a news article when the sum is 0 or more, and the sum's logistic is the confidence.\n"
        ' *\n'
        ' * Fitted by scripts/fit-detect-weights.py (a logistic regression with the earlier hand weights as its prior)\n'
        f' * on the {len(tune)} tune-split pages of readability-pages and pages-more/detect, listed with\n'
        f' * their labels in sha256 {digest} (first 16 hex digits of the sorted "id<TAB>label" lines).\n'
        f' * {summary}.\n'
        ' * Do not edit by hand: fit again.\n'
        ' */\n',
        head,
        flags=re.S,
    )
    body = f'export const DETECTION_BIAS = {beta[0]:.2f};\n\nexport const DETECTION_WEIGHTS: Record<Feature, number> = {{\n'
    body += ''.join(f'  {f}: {b:.2f},\n' for f, b in zip(feats, beta[1:]))
    body += '};\n'
    open(TABLE, 'w', encoding='utf8').write(head + body)
    print(f'written {TABLE}', file=sys.stderr)


if __name__ == '__main__':
    main()
