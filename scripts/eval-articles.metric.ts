/**
 * The extraction benchmark's metric, the tune / held-out split and the page with nothing declared, kept apart
 * from scripts/eval-articles.ts so that tests can check them without loading jsdom or Readability.
 */

export type Split = 'tune' | 'held-out';

/** FNV-1a: a stable split that does not depend on the order files are listed in. */
export function splitOf(name: string): Split {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? 'tune' : 'held-out';
}

const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    if (key) out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Normalised true positives, false positives and false negatives of one page. */
export function shingleMatch(truth: string, predicted: string): [number, number, number] {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

const precisionOf = ([tp, fp, fn]: [number, number, number]) =>
  fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
const recallOf = ([tp, fp, fn]: [number, number, number]) =>
  fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn);

export function scoreOf(matches: [number, number, number][]): { p: number; r: number; f1: number } {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const p = mean(matches.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const r = mean(matches.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/**
 * The page with everything it declares about itself taken away: structured data (JSON-LD and microdata), every
 * meta tag but the charset and viewport, the canonical link; detection is then also given no address. What is
 * left is the page's shape alone, the evidence a page that declares nothing is decided on. Changes `doc`.
 */
export function undeclared(doc: Document): Document {
  for (const el of doc.querySelectorAll(
    'script[type="application/ld+json" i], link[rel~="canonical" i], link[rel~="amphtml" i]',
  ))
    el.remove();
  for (const m of doc.querySelectorAll('meta'))
    if (!m.hasAttribute('charset') && !/^viewport$/i.test(m.getAttribute('name') ?? '')) m.remove();
  for (const el of doc.querySelectorAll('[itemscope], [itemtype], [itemprop]'))
    for (const a of ['itemscope', 'itemtype', 'itemprop']) el.removeAttribute(a);
  return doc;
}
