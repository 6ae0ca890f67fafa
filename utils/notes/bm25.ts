/**
 * Sentence-level claim retrieval: an Okapi BM25 index over claim texts (and the titles and key phrases that go
 * with them), kept in a handful of typed arrays so that it is small, quick to build, and can be stored as is
 * (IndexedDB clones typed arrays without copying them through JSON).
 *
 * Each posting carries its precomputed BM25 weight, so scoring a sentence is one pass over the postings of its
 * words. Besides the raw score, a match has a calibrated `score` in [0, 1]: the share of the claim's own weight
 * that the sentence covers, damped when the sentence covers only a small part of itself with the claim. The
 * extension's default threshold applies to that score.
 *
 * The best claims by BM25 are then re-ranked with the idf-weighted cosine of the character 4-grams of their words
 * and the sentence's (`RerankOptions`), computed from a forward index (each claim's words) and a table of each
 * word's grams, both stored in the index: a restarted worker reads them back with the rest.
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
  version: typeof INDEX_VERSION;
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
  /**
   * Each doc's words as written (lower case, not stemmed), in order: the forward index for re-ranking. Doc d has
   * formIds[docStarts[d] .. docStarts[d + 1]), indexing `forms`; 16-bit ids while there are few enough forms.
   */
  forms: string[];
  docStarts: Uint32Array;
  formIds: Uint16Array | Uint32Array;
  /** The character 4-grams of the forms: form f has gramIds[gramStarts[f] .. gramStarts[f + 1]), in `grams`. */
  grams: string[];
  gramStarts: Uint32Array;
  gramIds: Uint32Array;
  /** Inverse document frequency of each gram, and the length of each doc's idf-weighted gram vector. */
  gramIdf: Float32Array;
  gramNorm: Float32Array;
}

/** Bumped whenever the layout or the words it holds change (3: `SAME_STEM`), so that an older stored index is rebuilt. */
export const INDEX_VERSION = 3;

export interface RetrievalOptions {
  k1?: number;
  b?: number;
  /** Weight of a word of `extra` relative to a word of the claim. */
  extraWeight?: number;
}

export const DEFAULT_RETRIEVAL: Required<RetrievalOptions> = { k1: 1.2, b: 0.75, extraWeight: 0.5 };

/**
 * Re-ranking of the best claims by BM25: `bm25 / best bm25 + gram × cosine − cover × share of the claim covered`,
 * where the cosine is between the idf-weighted character 4-grams of the sentence's and the claim's words as written
 * (it meets "migrants" and "immigrants", which stemming keeps apart). `depth` is how many claims are re-ranked.
 */
export interface RerankOptions {
  depth?: number;
  gram?: number;
  cover?: number;
}

export const DEFAULT_RERANK: Required<RerankOptions> = { depth: 30, gram: 1.2, cover: 0.75 };

/** The padded 4-grams of a word: " vaccin " gives " vac", "vacc", "acci", "ccin", "cin ". */
export function gramsOf(term: string): string[] {
  const w = ` ${term} `;
  const out: string[] = [];
  for (let i = 0; i + 4 <= w.length; i++) out.push(w.slice(i, i + 4));
  return out;
}

/**
 * The default threshold on the calibrated score: below it a sentence is not shown a claim note. Chosen on the
 * CLEF-2020 train split and ordinary news sentences (docs/design/notes.md).
 */
export const DEFAULT_THRESHOLD = 0.58;

/** The id of `key` in `list`, which it joins if it is new. */
function intern(lookup: Map<string, number>, list: string[], key: string): number {
  let id = lookup.get(key);
  if (id === undefined) {
    id = list.length;
    lookup.set(key, id);
    list.push(key);
  }
  return id;
}

export function buildClaimIndex(claims: ClaimDoc[], options: RetrievalOptions = {}): ClaimIndexData {
  const { k1, b, extraWeight } = { ...DEFAULT_RETRIEVAL, ...options };
  const vocab = new Map<string, number>();
  const terms: string[] = [];
  // Per doc: term ids and their (weighted) frequencies.
  const docTerms: Uint32Array[] = [];
  const docFreqs: Float32Array[] = [];
  // Per doc: its forms (words as written), in order.
  const formLookup = new Map<string, number>();
  const forms: string[] = [];
  const docForms: number[][] = [];
  const lengths = new Float32Array(claims.length);
  const df: number[] = [];
  let total = 0;
  claims.forEach((c, d) => {
    const tf = new Map<number, number>();
    const sequence: number[] = [];
    const add = (text: string, w: number) => {
      for (const word of words(text)) {
        sequence.push(intern(formLookup, forms, word));
        const t = intern(vocab, terms, cachedStem(word));
        if (t === df.length) df.push(0);
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
    docForms.push(sequence);
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
  // The forward index of forms, and the 4-grams of every form with their idf over the docs.
  const docStarts = new Uint32Array(n + 1);
  for (let d = 0; d < n; d++) docStarts[d + 1] = docStarts[d]! + docForms[d]!.length;
  const formIds = forms.length <= 0x10000 ? new Uint16Array(docStarts[n]!) : new Uint32Array(docStarts[n]!);
  for (let d = 0; d < n; d++) formIds.set(docForms[d]!, docStarts[d]!);
  const gramLookup = new Map<string, number>();
  const grams: string[] = [];
  const gramStarts = new Uint32Array(forms.length + 1);
  const gramList: number[] = [];
  for (let t = 0; t < forms.length; t++) {
    for (const g of gramsOf(forms[t]!)) gramList.push(intern(gramLookup, grams, g));
    gramStarts[t + 1] = gramList.length;
  }
  const gramIds = Uint32Array.from(gramList);
  const gramDf = new Uint32Array(grams.length);
  const lastDoc = new Int32Array(grams.length).fill(-1);
  for (let d = 0; d < n; d++)
    for (let p = docStarts[d]!; p < docStarts[d + 1]!; p++) {
      const t = formIds[p]!;
      for (let q = gramStarts[t]!; q < gramStarts[t + 1]!; q++) {
        const g = gramIds[q]!;
        if (lastDoc[g] !== d) {
          lastDoc[g] = d;
          gramDf[g]!++;
        }
      }
    }
  const gramIdf = new Float32Array(grams.length);
  for (let g = 0; g < grams.length; g++) gramIdf[g] = Math.log(1 + n / (gramDf[g]! + 1));
  const gramNorm = new Float32Array(n);
  const vector = new Float32Array(grams.length);
  const used: number[] = [];
  for (let d = 0; d < n; d++) {
    for (let p = docStarts[d]!; p < docStarts[d + 1]!; p++) {
      const t = formIds[p]!;
      for (let q = gramStarts[t]!; q < gramStarts[t + 1]!; q++) {
        const g = gramIds[q]!;
        if (!vector[g]) used.push(g);
        vector[g] = vector[g]! + 1;
      }
    }
    let sum = 0;
    for (const g of used) {
      sum += (vector[g]! * gramIdf[g]!) ** 2;
      vector[g] = 0;
    }
    used.length = 0;
    gramNorm[d] = Math.sqrt(sum);
  }
  return {
    format: 'gloss-bm25',
    version: INDEX_VERSION,
    ids: claims.map((c) => c.id),
    urls: claims.map((c) => c.url ?? ''),
    terms,
    offsets,
    docs,
    weights,
    idf,
    self,
    forms,
    docStarts,
    formIds,
    grams,
    gramStarts,
    gramIds,
    gramIdf,
    gramNorm,
  };
}

export interface ClaimHit {
  /** Index of the claim in the index. */
  doc: number;
  id: string;
  url: string;
  /** Raw BM25 score (the first ranking of claims for one sentence). */
  bm25: number;
  /** Calibrated score in [0, 1] (compared with the threshold). */
  score: number;
  /** The re-ranking score (the order of the hits returned). */
  rank: number;
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
  private readonly gramLookup: Map<string, number>;
  private readonly formLookup: Map<string, number>;
  /** The words as written behind each `queryTokens` result, for re-ranking (see `searchTokens`). */
  private readonly written = new WeakMap<string[], string[]>();
  /** The sentence's gram counts, by gram id (reset after each query). */
  private readonly queryGrams: Float32Array;
  private readonly rerank: Required<RerankOptions>;

  constructor(data: ClaimIndexData, rerank: RerankOptions = {}) {
    this.data = data;
    this.rerank = { ...DEFAULT_RERANK, ...rerank };
    this.gramLookup = new Map(data.grams.map((g, i) => [g, i]));
    this.formLookup = new Map(data.forms.map((f, i) => [f, i]));
    this.queryGrams = new Float32Array(data.grams.length);
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
    const written = words(text);
    for (const word of written) {
      const s = cachedStem(word);
      if (word.length < 7 || this.lookup.has(s) || /\d/.test(word)) out.push(s);
      else out.push(...this.split(word, s));
    }
    this.written.set(out, written);
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
    const candidates: number[] = [];
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
    // A claim can clear the threshold only if `reach`, the most its score can still become, satisfies both
    // reach >= floor and reach × min(queryMass, 2 × reach) >= threshold² × self × queryMass (the calibrated score
    // with the claim's cover left uncapped: a necessary condition). A little slack absorbs float rounding.
    const slack = 1 - 1e-6;
    const lowest = floor * slack;
    const need = threshold * threshold * queryMass * slack;
    // Nor does a word found in more than 100 claims, or 0.2% of them in an index of more than 50,000, bring in new
    // claims when there is a threshold: the claims that clear it nearly always share something rarer with the
    // sentence (docs/design/notes.md has what this costs and saves).
    const common = threshold > 0 ? Math.max(100, 0.002 * ids.length) : Infinity;
    const essential: number[] = [];
    const others: number[] = [];
    for (const t of order) {
      (rest >= floor && offsets[t + 1]! - offsets[t]! <= common ? essential : others).push(t);
      rest -= maxWeight[t]!;
    }
    // What the words not yet read could still add to a claim, at their largest weights.
    let remaining = 0;
    for (const t of order) remaining += maxWeight[t]!;
    for (const t of essential) {
      remaining -= maxWeight[t]!;
      for (let p = offsets[t]!, end = offsets[t + 1]!; p < end; p++) {
        const d = docs[p]!;
        const w = weights[p]!;
        if (seen[d]) acc[d] = acc[d]! + w;
        else {
          // A claim first met here is taken in only if this word and the words left could lift it far enough.
          const reach = w + remaining;
          if (threshold > 0 && (reach < lowest || reach * Math.min(queryMass, 2 * reach) < need * self[d]!)) continue;
          seen[d] = 1;
          candidates.push(d);
          acc[d] = w;
        }
      }
    }
    // Drop the claims that the words not yet read could not lift to the threshold even at their largest weights;
    // done again after each of the other words, so that the long lists of the commonest words meet few claims.
    const prune = () => {
      let kept = 0;
      for (const d of candidates) {
        const reach = acc[d]! + remaining;
        if (reach >= lowest && reach * Math.min(queryMass, 2 * reach) >= need * self[d]!) candidates[kept++] = d;
        else {
          acc[d] = 0;
          seen[d] = 0;
        }
      }
      candidates.length = kept;
    };
    if (threshold > 0 && others.length) prune();
    for (const t of others) {
      if (threshold > 0) {
        if (!candidates.length) break;
        remaining -= maxWeight[t]!;
      }
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
      if (threshold > 0) prune();
    }
    const hits: ClaimHit[] = [];
    // Keep the best by raw score with a small insertion list: as many as are re-ranked.
    const keep = Math.max(top, this.rerank.depth);
    for (const d of candidates) {
      const bm25 = acc[d]!;
      acc[d] = 0;
      seen[d] = 0;
      if (bm25 < floor) continue;
      if (hits.length >= keep && bm25 <= hits[hits.length - 1]!.bm25) continue;
      const score = calibrate(bm25, self[d]!, queryMass);
      if (score < threshold) continue;
      const hit = { doc: d, id: ids[d]!, url: urls[d]!, bm25, score, rank: bm25 };
      let i = hits.length;
      while (i > 0 && hits[i - 1]!.bm25 < bm25) i--;
      hits.splice(i, 0, hit);
      if (hits.length > keep) hits.pop();
    }
    if (this.rerank.depth > 0 && hits.length > 1) this.rerankHits(tokens, hits);
    return hits.slice(0, top);
  }

  /**
   * Orders hits (best by BM25 first) by the re-ranking score; see `RerankOptions`. The grams are those of the words
   * as written when the tokens came from `queryTokens`, else of the tokens themselves.
   */
  private rerankHits(tokens: string[], hits: ClaimHit[]): void {
    const { gram, cover } = this.rerank;
    const { formIds, docStarts, gramStarts, gramIds, gramIdf, gramNorm, self } = this.data;
    const q = this.queryGrams;
    const used: number[] = [];
    const unknown = Math.log(1 + this.size);
    let norm = 0;
    for (const word of this.written.get(tokens) ?? tokens) {
      const f = this.formLookup.get(word);
      if (f !== undefined)
        for (let p = gramStarts[f]!; p < gramStarts[f + 1]!; p++) {
          const g = gramIds[p]!;
          if (!q[g]) used.push(g);
          q[g] = q[g]! + 1;
        }
      else
        for (const s of gramsOf(word)) {
          const g = this.gramLookup.get(s);
          if (g === undefined) norm += unknown * unknown;
          else {
            if (!q[g]) used.push(g);
            q[g] = q[g]! + 1;
          }
        }
    }
    for (const g of used) norm += (q[g]! * gramIdf[g]!) ** 2;
    norm = Math.sqrt(norm) || 1;
    const best = hits[0]!.bm25 || 1;
    for (const h of hits) {
      let dot = 0;
      for (let p = docStarts[h.doc]!; p < docStarts[h.doc + 1]!; p++) {
        const t = formIds[p]!;
        for (let r = gramStarts[t]!; r < gramStarts[t + 1]!; r++) {
          const g = gramIds[r]!;
          const f = q[g]!;
          if (f) dot += f * gramIdf[g]! * gramIdf[g]!;
        }
      }
      const cosine = gramNorm[h.doc]! > 0 ? dot / (norm * gramNorm[h.doc]!) : 0;
      h.rank = h.bm25 / best + gram * cosine - cover * Math.min(1, h.bm25 / (self[h.doc]! || 1));
    }
    for (const g of used) q[g] = 0;
    hits.sort((a, b) => b.rank - a.rank);
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
      d.docStarts.byteLength +
      d.formIds.byteLength +
      strings(d.forms) * 2 +
      d.gramStarts.byteLength +
      d.gramIds.byteLength +
      d.gramIdf.byteLength +
      d.gramNorm.byteLength +
      this.queryGrams.byteLength +
      strings(d.grams) * 2 +
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
    docStarts: Array.from(data.docStarts),
    formIds: Array.from(data.formIds),
    gramStarts: Array.from(data.gramStarts),
    gramIds: Array.from(data.gramIds),
    gramIdf: Array.from(data.gramIdf),
    gramNorm: Array.from(data.gramNorm),
  };
}

export function isClaimIndex(value: unknown): value is ClaimIndexData {
  const v = value as Partial<ClaimIndexData> | null;
  return (
    !!v &&
    v.format === 'gloss-bm25' &&
    v.version === INDEX_VERSION &&
    Array.isArray(v.ids) &&
    Array.isArray(v.terms) &&
    Array.isArray(v.grams) &&
    Array.isArray(v.forms) &&
    v.offsets instanceof Uint32Array &&
    v.docs instanceof Uint32Array &&
    v.weights instanceof Float32Array &&
    v.idf instanceof Float32Array &&
    v.self instanceof Float32Array &&
    v.docStarts instanceof Uint32Array &&
    (v.formIds instanceof Uint16Array || v.formIds instanceof Uint32Array) &&
    v.gramStarts instanceof Uint32Array &&
    v.gramIds instanceof Uint32Array &&
    v.gramIdf instanceof Float32Array &&
    v.gramNorm instanceof Float32Array &&
    v.offsets.length === v.terms.length + 1 &&
    v.self.length === v.ids.length &&
    v.docStarts.length === v.ids.length + 1 &&
    v.formIds.length === v.docStarts[v.ids.length] &&
    v.gramStarts.length === v.forms.length + 1 &&
    v.gramIdf.length === v.grams.length &&
    v.gramNorm.length === v.ids.length
  );
}
