/**
 * The phrasing model: scores every rule match in its context and proposes words the rules do not list, then
 * turns each score into the precision measured at that score on held-out annotated news, per category. A
 * finding's confidence is that precision; the sensitivity setting is a precision floor.
 *
 * Weights are data (`dataset/models/phrasing.json`, made by train/phrasing/): two logistic models over hashed
 * features (utils/analyze/model-features.ts), int8 with a scale, and the calibration tables. A model file that is
 * missing, cut short or made for other features is refused with a reason; the rules then run alone.
 */
import type { Finding } from '../types';
import type { Category } from '../categories';
import type { Span } from '../text/segment';
import { insideSpeech, type Quote } from '../text/quotes';
import {
  FEATURE_BITS,
  FEATURE_SPEC,
  articleFeatures,
  candidateFeatures,
  isContentWord,
  type ArticleFeatures,
  type CandidateKind,
  type Vocab,
} from './model-features';
import { onePerThing } from './repeats';
import { loneScares } from './index';

export const MODEL_FORMAT = 'gloss-phrasing-model';
export const MODEL_VERSION = 1;

/** The category and rule id of the findings the word model proposes. */
export const WORD_CATEGORY: Category = 'loaded-language';
export const WORD_RULE = {
  id: 'model.loaded-word',
  explain:
    'Not in a word list: a model trained on news that people annotated for loaded wording (PTC, BASIL, BABE) reads this word, in this sentence, as the writer’s judgement.',
};

export interface ModelFile {
  format: string;
  version: number;
  featureSpec: string;
  featureBits: number;
  trained?: string;
  data?: unknown;
  script?: unknown;
  models: Record<CandidateKind, { bias: number; scale: number; weights: string; checksum: number }>;
  /** Per category (and "word"): [score, precision] steps, scores ascending. */
  calibration: Record<string, [number, number][]>;
  /** The rules with enough annotated candidates for their measured precision to replace their own confidence. */
  measuredRules: string[];
  /** The pruned word vectors: words joined by newlines, and base64 bytes of each word's cluster and prior. */
  vocab: VocabFile;
}

export interface VocabFile {
  words: string;
  cluster: string;
  prior: string;
  checksum: number;
}

/** Reads the vocabulary section (also the intermediate file the training script writes); throws when damaged. */
export function readVocab(file: VocabFile): Vocab {
  const words = file.words.split('\n');
  const cluster = decodeBase64(file.cluster);
  const prior = decodeBase64(file.prior);
  if (cluster.length !== words.length || prior.length !== words.length) throw new Error('vocab lengths differ');
  if (byteChecksum(cluster) !== file.checksum) throw new Error('vocab checksum');
  const index = new Map<string, number>();
  words.forEach((w, i) => index.set(w, i));
  return { index, cluster, prior };
}

export interface PhrasingModel {
  version: number;
  vocab: Vocab;
  weights: Record<CandidateKind, { bias: number; scale: number; w: Int8Array }>;
  calibration: Map<string, { scores: Float64Array; precision: Float64Array }>;
  measuredRules: Set<string>;
}

export type LoadedModel = { model: PhrasingModel; reason?: undefined } | { model: null; reason: string };

/** FNV-1a over bytes: the checksum the export writes for each weight table, to catch a cut or altered file. */
export function byteChecksum(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function decodeBase64(s: string): Uint8Array {
  if (typeof atob === 'function') {
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  return new Uint8Array(Buffer.from(s, 'base64'));
}

/**
 * Reads a model file's text (or its parsed JSON). Never throws: a file that cannot be used gives a reason that
 * says why, for the popup and the CLI.
 */
export function loadPhrasingModel(raw: string | unknown | undefined | null): LoadedModel {
  const off = (why: string): LoadedModel => ({ model: null, reason: `phrasing model off: ${why}; rules only` });
  if (raw === undefined || raw === null || raw === '') return off('the model file is missing');
  let file: ModelFile;
  try {
    file = (typeof raw === 'string' ? JSON.parse(raw) : raw) as ModelFile;
  } catch {
    return off('the model file is cut short or not JSON');
  }
  if (!file || typeof file !== 'object' || file.format !== MODEL_FORMAT) return off('not a phrasing model file');
  if (file.version !== MODEL_VERSION) return off(`model version ${String(file.version)}, expected ${MODEL_VERSION}`);
  if (file.featureSpec !== FEATURE_SPEC || file.featureBits !== FEATURE_BITS)
    return off(`the model was made for features "${String(file.featureSpec)}", this build computes "${FEATURE_SPEC}"`);
  try {
    const weights = {} as PhrasingModel['weights'];
    for (const kind of ['rule', 'word'] as const) {
      const m = file.models?.[kind];
      if (!m || typeof m.weights !== 'string') return off(`no ${kind} weights`);
      const bytes = decodeBase64(m.weights);
      if (bytes.length !== 1 << FEATURE_BITS || byteChecksum(bytes) !== m.checksum)
        return off(`the ${kind} weights are damaged`);
      if (!Number.isFinite(m.bias) || !Number.isFinite(m.scale)) return off(`the ${kind} weights are damaged`);
      weights[kind] = { bias: m.bias, scale: m.scale, w: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
    }
    const calibration = new Map<string, { scores: Float64Array; precision: Float64Array }>();
    for (const [key, steps] of Object.entries(file.calibration ?? {})) {
      if (!Array.isArray(steps) || !steps.length) continue;
      calibration.set(key, {
        scores: Float64Array.from(steps.map((s) => s[0])),
        precision: Float64Array.from(steps.map((s) => s[1])),
      });
    }
    if (!calibration.has('word')) return off('no calibration table');
    let vocab: Vocab;
    try {
      vocab = readVocab(file.vocab);
    } catch {
      return off('the word vectors are damaged');
    }
    if (!Array.isArray(file.measuredRules)) return off('no list of measured rules');
    const measuredRules = new Set(file.measuredRules.filter((r) => typeof r === 'string'));
    return { model: { version: file.version, vocab, weights, calibration, measuredRules } };
  } catch {
    return off('the model file is damaged');
  }
}

/** The model's probability that a candidate is what annotators mark, from its hashed features. */
export function rawScore(model: PhrasingModel, kind: CandidateKind, features: Uint32Array): number {
  const { bias, scale, w } = model.weights[kind];
  let sum = 0;
  for (let i = 0; i < features.length; i++) sum += w[features[i]!]!;
  const z = bias + scale * sum;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The precision measured on held-out annotated news at this score, for the category (a step function: the
 * precision of the highest step at or below the score). A category without a table has no measured precision (0):
 * `applyModel` leaves such categories to their rules.
 */
export function calibrated(model: PhrasingModel, key: string, score: number): number {
  const table = model.calibration.get(key);
  if (!table) return 0;
  const { scores, precision } = table;
  let lo = 0;
  let hi = scores.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (scores[mid]! <= score) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : precision[lo - 1]!;
}

export interface Candidate {
  kind: CandidateKind;
  start: number;
  end: number;
  /** The rule's finding, for a rule candidate. */
  finding?: Finding;
  features: Uint32Array;
}

/**
 * Every candidate of an article: each rule match (all of them, before thresholds) and each content word in the
 * writer's voice that no rule match covers. Words inside a speaker's quotation, names (a capital inside a
 * sentence) and the headline's capitalised words are not candidates.
 */
export function phrasingCandidates(
  text: string,
  sentences: Span[],
  quotes: readonly Quote[],
  ruleFindings: readonly Finding[],
  isWriter?: (start: number, end: number) => boolean,
  vocab?: Vocab,
): { article: ArticleFeatures; candidates: Candidate[] } {
  const article = articleFeatures(text, sentences, ruleFindings.length, vocab);
  const candidates: Candidate[] = ruleFindings.map((f) => ({
    kind: 'rule',
    start: f.start,
    end: f.end,
    finding: f,
    features: candidateFeatures(article, 'rule', f.start, f.end, { id: f.ruleId, category: f.category }),
  }));
  const covered = [...ruleFindings].sort((a, b) => a.start - b.start);
  let c = 0;
  let sentence = -1;
  let firstOfSentence: boolean;
  const writer = isWriter ?? ((s: number, e: number) => !insideSpeech(quotes, s, e));
  for (const t of article.tokens) {
    // The first word of each sentence, whatever it is, is where a capital says nothing.
    firstOfSentence = false;
    while (sentence + 1 < sentences.length && sentences[sentence + 1]!.start <= t.start) {
      sentence++;
      firstOfSentence = true;
    }
    while (c < covered.length && covered[c]!.end <= t.start) c++;
    if (c < covered.length && covered[c]!.start < t.end) continue;
    if (!isContentWord(t)) continue;
    const first = text.charCodeAt(t.start);
    const capital = first >= 65 && first <= 90;
    // A capital inside a sentence is a name (or a title-case headline); at a sentence's start it is any word.
    if (capital && !firstOfSentence) continue;
    if (!writer(t.start, t.end)) continue;
    candidates.push({
      kind: 'word',
      start: t.start,
      end: t.end,
      features: candidateFeatures(article, 'word', t.start, t.end),
    });
  }
  return { article, candidates };
}

export interface ScoreOptions {
  /** The precision a finding must reach to be shown (the sensitivity setting's floor). */
  floor: number;
  /** Rule findings that are not scored (categories the model was not trained on keep their rule confidence). */
  keepUnscored?: (f: Finding) => boolean;
}

/**
 * The rule findings the model keeps, with their confidence set to the measured precision at their score, and the
 * words it proposes, merged into phrases where they are next to each other.
 */
export function applyModel(
  text: string,
  sentences: Span[],
  quotes: readonly Quote[],
  ruleFindings: readonly Finding[],
  model: PhrasingModel,
  options: ScoreOptions,
  isWriter?: (start: number, end: number) => boolean,
  noteFor: (c: Category) => string = (c) => `technique/${c}`,
): Finding[] {
  const { candidates } = phrasingCandidates(text, sentences, quotes, ruleFindings, isWriter, model.vocab);
  const out: Finding[] = [];
  const words: { start: number; end: number; p: number; sentence: number }[] = [];
  for (const cand of candidates) {
    if (cand.kind === 'rule') {
      const f = cand.finding!;
      // A category the annotations do not cover, or a rule they hardly ever saw, keeps the rule's confidence.
      if (!model.calibration.has(f.category) || !model.measuredRules.has(f.ruleId)) {
        if (options.keepUnscored?.(f) ?? f.confidence >= options.floor) out.push(f);
        continue;
      }
      const p = calibrated(model, f.category, rawScore(model, 'rule', cand.features));
      if (p >= options.floor) out.push({ ...f, confidence: round(p) });
    } else {
      const p = calibrated(model, 'word', rawScore(model, 'word', cand.features));
      if (p >= options.floor)
        words.push({ start: cand.start, end: cand.end, p, sentence: sentenceOf(sentences, cand.start) });
    }
  }
  // Neighbouring proposed words (nothing but spaces or hyphens between them) are one phrase.
  for (let i = 0; i < words.length;) {
    let j = i;
    let p = words[i]!.p;
    while (
      j + 1 < words.length &&
      words[j + 1]!.sentence === words[i]!.sentence &&
      /^[\s-]{1,2}$/.test(text.slice(words[j]!.end, words[j + 1]!.start))
    ) {
      j++;
      p = Math.min(p, words[j]!.p);
    }
    const { start } = words[i]!;
    const { end } = words[j]!;
    out.push({
      category: WORD_CATEGORY,
      start,
      end,
      text: text.slice(start, end),
      noteId: noteFor(WORD_CATEGORY),
      confidence: round(p),
      ruleId: WORD_RULE.id,
      explain: WORD_RULE.explain,
      sentence: words[i]!.sentence,
    });
    i = j + 1;
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

const round = (p: number) => Math.round(p * 1000) / 1000;

function sentenceOf(sentences: Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** What the pipeline gives the model step: the analysis of all rule matches (threshold 0). */
export interface RuleAnalysis {
  sentences: Span[];
  quotes: Quote[];
  findings: Finding[];
  /** The voice stage, when the analysis has one: which characters are the writer's. */
  voice?: { isWriter(start: number, end: number): boolean };
}

/**
 * The phrasing findings of an article at a precision floor: the model's when it is loaded, else the rules' own
 * at the floor; one finding per repeated term either way. Never throws: if scoring fails the rules' findings are
 * used and `reason` says so.
 */
export function phrasingFindings(
  text: string,
  analysis: RuleAnalysis,
  model: PhrasingModel | null,
  floor: number,
  shown: (f: Finding) => boolean = () => true,
  /** One finding per repeated term (the default); off when the caller reads a long text in slices and chooses over all of them. */
  perThing = true,
): { findings: Finding[]; reason?: string } {
  // A repeated term is highlighted at its first use the reader can see: findings that will not be shown (a
  // category switched off, words in an editable region) are left out before the uses are counted together.
  const once = (findings: Finding[]) =>
    perThing ? onePerThing(text, loneScares(findings, floor, text)) : loneScares(findings, floor, text);
  const rulesAlone = () => once(analysis.findings.filter((f) => f.confidence >= floor && shown(f)));
  if (!model) return { findings: rulesAlone() };
  try {
    const voice = analysis.voice;
    const scored = applyModel(
      text,
      analysis.sentences,
      analysis.quotes,
      analysis.findings,
      model,
      { floor },
      voice ? (s, e) => voice.isWriter(s, e) : undefined,
      (c) => analysis.findings.find((f) => f.category === c)?.noteId ?? `technique/${c}`,
    );
    return { findings: once(scored.filter(shown)) };
  } catch {
    return { findings: rulesAlone(), reason: 'phrasing model off: scoring failed on this page; rules only' };
  }
}
