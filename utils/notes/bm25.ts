/**
 * Sentence-level claim retrieval: an Okapi BM25 index over claim texts (and the titles and key phrases that go
 * with them), kept in a handful of typed arrays so that it is small, quick to build, and can be stored as is
 * (IndexedDB clones typed arrays without copying them through JSON).
 *
 * Each posting carries its precomputed BM25 weight, so scoring a sentence is one pass over the postings of its
 * words. Besides the raw score, a match has a calibrated `score` in [0, 1]: the share of the claim's own weight
 * that the sentence covers, damped when the sentence covers only a small part of itself with the claim. The
 * extension's default threshold applies to that score.
 */
import { cachedStem, words } from './tokenize';

export interface ClaimDoc {
  id: string;
  /** The claim as it is made. */
  claim: string;
  /** Title of the review or note, and key phrases: weighed lower than the claim itself. */
  extra?: string[];
  /** The fact-check's address, for `gloss match`. */
  url?: string;
}

/** A built index, in a form that survives structured cloning and JSON (via `toJSON`/`fromJSON`). */
export interface ClaimIndexData {
  format: 'gloss-bm25';
  version: 1;
  ids: string[];
  urls: string[];
  terms: string[];
  /** Postings of term t: docs[offsets[t] .. offsets[t + 1]). */
  offsets: Uint32Array;
  docs: Uint32Array;
  weights: Float32Array;
  /** Inverse document frequency of each term. */
  idf: Float32Array;
  /** A doc's score against itself: the most a sentence can reach. */
  self: Float32Array;
}

export interface RetrievalOptions {
  k1?: number;
  b?: number;
  /** Weight of a word of `extra` relative to a word of the claim. */
  extraWeight?: number;
}

export const DEFAULT_RETRIEVAL: Required<RetrievalOptions> = { k1: 1.2, b: 0.75, extraWeight: 0.5 };

/**
 * The default threshold on the calibrated score: below it a sentence is not shown a claim note. Chosen on the
 * CLEF-2020 train split and ordinary news sentences (docs/design/notes.md).
 */
export const DEFAULT_THRESHOLD = 0.58;

export function buildClaimIndex(claims: ClaimDoc[], options: RetrievalOptions = {}): ClaimIndexData {
  const { k1, b, extraWeight } = { ...DEFAULT_RETRIEVAL, ...options };
  const vocab = new Map<string, number>();
  const terms: string[] = [];
  // Per doc: term ids and their (weighted) frequencies.
  const docTerms: Uint32Array[] = [];
  const docFreqs: Float32Array[] = [];
  const lengths = new Float32Array(claims.length);
  const df: number[] = [];
  let total = 0;
  claims.forEach((c, d) => {
    const tf = new Map<number, number>();
    const add = (text: string, w: number) => {
      for (const tok of words(text).map(cachedStem)) {
        let t = vocab.get(tok);
        if (t === undefined) {
          t = terms.length;
          vocab.set(tok, t);
          terms.push(tok);
          df.push(0);
        }
        tf.set(t, (tf.get(t) ?? 0) + w);
        lengths[d] = lengths[d]! + w;
      }
    };
    add(c.claim, 1);
    for (const e of c.extra ?? []) add(e, extraWeight);
    const ids = new Uint32Array(tf.size);
    const freqs = new Float32Array(tf.size);
    let i = 0;
    for (const [t, f] of tf) {
      ids[i] = t;
      freqs[i++] = f;
      df[t]!++;
    }
    docTerms.push(ids);
    docFreqs.push(freqs);
    total += lengths[d]!;
  });
  const n = claims.length;
  const avg = n ? total / n || 1 : 1;
  const idf = new Float32Array(terms.length);
  for (let t = 0; t < terms.length; t++) idf[t] = Math.log(1 + (n - df[t]! + 0.5) / (df[t]! + 0.5));
  const offsets = new Uint32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t]! + df[t]!;
  const docs = new Uint32Array(offsets[terms.length]!);
  const weights = new Float32Array(docs.length);
  const fill = offsets.slice(0, terms.length);
  const self = new Float32Array(n);
  for (let d = 0; d < n; d++) {
    const ids = docTerms[d]!;
    const freqs = docFreqs[d]!;
    const norm = k1 * (1 - b + (b * lengths[d]!) / avg);
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i]!;
      const f = freqs[i]!;
      const w = (idf[t]! * (f * (k1 + 1))) / (f + norm);
      const at = fill[t]!++;
      docs[at] = d;
      weights[at] = w;
      self[d] = self[d]! + w;
    }
  }
  return {
    format: 'gloss-bm25',
    version: 1,
    ids: claims.map((c) => c.id),
    urls: claims.map((c) => c.url ?? ''),
    terms,
    offsets,
    docs,
    weights,
    idf,
    self,
  };
}

export interface ClaimHit {
  /** Index of the claim in the index. */
  doc: number;
  id: string;
  url: string;
  /** Raw BM25 score (ranks claims for one sentence). */
  bm25: number;
  /** Calibrated score in [0, 1] (compared with the threshold). */
  score: number;
}

/** An index ready for queries: the stored data plus a term lookup and a reusable accumulator. */
export class ClaimRetriever {
  readonly data: ClaimIndexData;
  private readonly lookup: Map<string, number>;
  private readonly acc: Float32Array;
  private readonly seen: Uint8Array;
  /** The largest weight in each term's postings. */
  private readonly maxWeight: Float32Array;
  private readonly unknownIdf: number;

  constructor(data: ClaimIndexData) {
    this.data = data;
    this.lookup = new Map(data.terms.map((t, i) => [t, i]));
    this.acc = new Float32Array(data.ids.length);
    this.seen = new Uint8Array(data.ids.length);
    this.maxWeight = new Float32Array(data.terms.length);
    for (let t = 0; t < data.terms.length; t++) {
      let m = 0;
      for (let p = data.offsets[t]!, end = data.offsets[t + 1]!; p < end; p++) m = Math.max(m, data.weights[p]!);
      this.maxWeight[t] = m;
    }
    this.unknownIdf = Math.log(1 + (data.ids.length + 0.5) / 0.5);
  }

  get size(): number {
    return this.data.ids.length;
  }

  /** Claims for one text (a sentence or a query), best first. */
  search(text: string, top = 5, threshold = 0): ClaimHit[] {
    return this.searchTokens(this.queryTokens(text), top, threshold);
  }

  /**
   * The stems of a sentence for this index: a word the index does not know that is two words it knows run
   * together (a hashtag such as "#stonemanshooting") counts as those two.
   */
  queryTokens(text: string): string[] {
    const out: string[] = [];
    for (const word of words(text)) {
      const s = cachedStem(word);
      if (word.length < 7 || this.lookup.has(s) || /\d/.test(word)) out.push(s);
      else out.push(...this.split(word, s));
    }
    return out;
  }

  private readonly splits = new Map<string, string[]>();

  private split(word: string, stemmed: string): string[] {
    let parts = this.splits.get(word);
    if (parts) return parts;
    parts = [stemmed];
    let bestLength = 0;
    for (let i = 3; i <= word.length - 3; i++) {
      const shorter = Math.min(i, word.length - i);
      if (shorter <= bestLength) continue;
      const left = cachedStem(word.slice(0, i));
      if (!this.lookup.has(left)) continue;
      const right = cachedStem(word.slice(i));
      if (!this.lookup.has(right)) continue;
      parts = [left, right];
      bestLength = shorter;
    }
    if (this.splits.size > 50_000) this.splits.clear();
    this.splits.set(word, parts);
    return parts;
  }

  searchTokens(tokens: string[], top = 5, threshold = 0): ClaimHit[] {
    const { offsets, docs, weights, idf, self, ids, urls } = this.data;
    const acc = this.acc;
    const seen = this.seen;
    const maxWeight = this.maxWeight;
    const touched: number[] = [];
    const unique = new Set<number>();
    let queryMass = 0;
    for (const tok of tokens) {
      const t = this.lookup.get(tok);
      if (t === undefined) {
        // A word no claim uses still counts towards what the sentence says.
        queryMass += this.unknownIdf;
        continue;
      }
      if (unique.has(t)) continue;
      unique.add(t);
      queryMass += idf[t]!;
    }
    // With a threshold, a claim needs at least this raw score (calibrate: score² <= 2 * bm25 / queryMass). The
    // words are taken by their largest weight; once the words left could not lift a claim not yet seen to that
    // score, they only add to the claims already seen (max-score pruning).
    const floor = threshold > 0 ? ((threshold * threshold) / 2) * queryMass : 0;
    const order = [...unique].sort((a, b) => maxWeight[b]! - maxWeight[a]!);
    let rest = 0;
    for (const t of order) rest += maxWeight[t]!;
    // Nor does a word found in more than one claim in a hundred bring in new claims when there is a threshold:
    // the claims that clear it share something rarer with the sentence.
    const common = threshold > 0 ? Math.max(100, 0.01 * ids.length) : Infinity;
    const essential: number[] = [];
    const others: number[] = [];
    for (const t of order) {
      (rest >= floor && offsets[t + 1]! - offsets[t]! <= common ? essential : others).push(t);
      rest -= maxWeight[t]!;
    }
    for (const t of essential) {
      for (let p = offsets[t]!, end = offsets[t + 1]!; p < end; p++) {
        const d = docs[p]!;
        if (!seen[d]) {
          seen[d] = 1;
          touched.push(d);
        }
        acc[d] = acc[d]! + weights[p]!;
      }
    }
    let candidates = touched;
    if (others.length && threshold > 0) {
      // Drop the claims that the other words could not lift to the threshold even at their largest weights.
      let most = 0;
      for (const t of others) most += maxWeight[t]!;
      const need = threshold * threshold;
      candidates = [];
      for (const d of touched) {
        const reach = acc[d]! + most;
        if (reach >= floor && reach >= need * self[d]!) candidates.push(d);
        else {
          acc[d] = 0;
          seen[d] = 0;
        }
      }
    }
    for (const t of others) {
      const begin = offsets[t]!;
      const end = offsets[t + 1]!;
      if (candidates.length * 16 < end - begin) {
        // Few claims left, a long list: look each one up (the postings are in claim order).
        for (const d of candidates) {
          let lo = begin;
          let hi = end;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (docs[mid]! < d) lo = mid + 1;
            else hi = mid;
          }
          if (lo < end && docs[lo] === d) acc[d] = acc[d]! + weights[lo]!;
        }
      } else {
        for (let p = begin; p < end; p++) {
          const d = docs[p]!;
          if (seen[d]) acc[d] = acc[d]! + weights[p]!;
        }
      }
    }
    const hits: ClaimHit[] = [];
    // Keep the best `top` by raw score with a small insertion list.
    for (const d of candidates) {
      const bm25 = acc[d]!;
      acc[d] = 0;
      seen[d] = 0;
      if (bm25 < floor) continue;
      if (hits.length >= top && bm25 <= hits[hits.length - 1]!.bm25) continue;
      const score = calibrate(bm25, self[d]!, queryMass);
      if (score < threshold) continue;
      const hit = { doc: d, id: ids[d]!, url: urls[d]!, bm25, score };
      let i = hits.length;
      while (i > 0 && hits[i - 1]!.bm25 < bm25) i--;
      hits.splice(i, 0, hit);
      if (hits.length > top) hits.pop();
    }
    return hits;
  }

  /** Approximate bytes held by the index's arrays (strings counted at two bytes a character). */
  bytes(): number {
    const d = this.data;
    const strings = (list: string[]) => list.reduce((n, s) => n + 2 * s.length + 16, 0);
    return (
      d.offsets.byteLength +
      d.docs.byteLength +
      d.weights.byteLength +
      d.idf.byteLength +
      d.self.byteLength +
      this.acc.byteLength +
      this.seen.byteLength +
      this.maxWeight.byteLength +
      strings(d.ids) +
      strings(d.urls) +
      strings(d.terms) * 2
    );
  }
}

/**
 * How well a sentence matches a claim, in [0, 1]: the share of the claim's weight it covers, scaled down when
 * the claim covers only a small share of the sentence (a long sentence that happens to share a few words).
 */
export function calibrate(bm25: number, self: number, queryMass: number): number {
  if (self <= 0) return 0;
  const cover = Math.min(1, bm25 / self);
  const focus = queryMass > 0 ? Math.min(1, bm25 / queryMass) : 0;
  return Math.sqrt(cover * Math.min(1, 2 * focus));
}

/** JSON has no typed arrays: plain arrays out, typed arrays back in. */
export function indexToJSON(data: ClaimIndexData): Record<string, unknown> {
  return {
    ...data,
    offsets: Array.from(data.offsets),
    docs: Array.from(data.docs),
    weights: Array.from(data.weights),
    idf: Array.from(data.idf),
    self: Array.from(data.self),
  };
}

export function isClaimIndex(value: unknown): value is ClaimIndexData {
  const v = value as Partial<ClaimIndexData> | null;
  return (
    !!v &&
    v.format === 'gloss-bm25' &&
    v.version === 1 &&
    Array.isArray(v.ids) &&
    Array.isArray(v.terms) &&
    v.offsets instanceof Uint32Array &&
    v.docs instanceof Uint32Array &&
    v.weights instanceof Float32Array &&
    v.idf instanceof Float32Array &&
    v.self instanceof Float32Array &&
    v.offsets.length === v.terms.length + 1 &&
    v.self.length === v.ids.length
  );
}
