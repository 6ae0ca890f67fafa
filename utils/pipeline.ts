/**
 * The reading pipeline, stage by stage, on plain data: detect -> extract -> analyse phrasing -> match notes.
 * The content script runs the first three in the page and asks the background for the notes; the CLI runs all
 * of them here.
 */
import type { ArticleInfo, Finding, Note, OutletContext, OutletRef, PageResult } from './types';
import type { Category } from './categories';
import { overlapsAny, type Interval } from './anchor';
import type { CompiledDataset } from './dataset/compile';
import { compileRuleSet, type CompiledRuleSet, type RuleSet } from './analyze/rules';
import { analyzeText, dedupe } from './analyze';
import { phrasingFindings, type LoadedModel } from './analyze/model';
import { sentences as splitSentences, spanAt, type Span } from './text/segment';
import { findQuotes } from './text/quotes';
import { readVoice } from './analyze/voice';
import type { Quote } from './text/quotes';
import type { Voice } from './analyze/voice';
import { detectArticle } from './detect';
import { extractArticle, type Extraction } from './extract';
import { matchClaims, matchTerms, outletContext, outletsByName, type ClaimSearch } from './notes/match';
import { thresholdFor, type Sensitivity } from './sensitivity';
import { unsupportedClaims, type ClaimsModel } from './claims/stage';
import { countTerms, onePerThing } from './analyze/repeats';
import { yieldToBrowser } from './dom/yield';

const reported = new Set<string>();

/** A stage that fails degrades to what the others give, and says so once per stage, quietly. */
export function reportOnce(stage: string, error: unknown): void {
  if (reported.has(stage)) return;
  reported.add(stage);
  console.debug(`[gloss] ${stage} failed; going on without it:`, error);
}

const compiledSets = new WeakMap<RuleSet[], CompiledRuleSet[]>();

export function compileRules(sets: RuleSet[]): CompiledRuleSet[] {
  let c = compiledSets.get(sets);
  if (!c) compiledSets.set(sets, (c = sets.map((set) => compileRuleSet(set))));
  return c;
}

/** The rule set for a language tag ("en-US" takes "en"), or null when no rules cover it. */
export function ruleSetFor(sets: CompiledRuleSet[], lang: string | null): CompiledRuleSet | null {
  // "en-US", "en_US" and "EN" all take the English rules.
  const primary = (lang ?? 'en').toLowerCase().split(/[-_]/)[0] || 'en';
  return sets.find((s) => s.lang === primary) ?? null;
}

// Languages written in the Latin script: their rules read words of that script only.
const LATIN_LANGS = new Set([
  'en',
  'fr',
  'de',
  'es',
  'it',
  'pt',
  'nl',
  'sv',
  'da',
  'no',
  'nb',
  'fi',
  'pl',
  'cs',
  'ro',
  'tr',
  'id',
]);

/**
 * Whether a text is mostly in another script than its rules' language: a page that declares English but is written in
 * Chinese would otherwise have every quotation read as a scare quote. Reads at most the first 20,000 characters.
 */
export function otherScript(text: string, lang: string): boolean {
  if (!LATIN_LANGS.has(lang)) return false;
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 200) return false;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return latin < letters / 2;
}

export interface PhrasingResult {
  sentences: Span[];
  findings: Finding[];
  reasons: string[];
  /** The quotations and voice the analysis read, for the stages after it. */
  read?: { quotes: Quote[]; voice: Voice };
}

/** Phrasing findings for an article's text, in the language its page declares. */
export function analyzePhrasing(
  text: string,
  lang: string | null,
  sets: CompiledRuleSet[],
  sensitivity?: Sensitivity,
  model?: LoadedModel,
  /** Whether a finding can be shown to the reader; one finding per repeated term is chosen among those. */
  shown?: (f: Finding) => boolean,
  /** One finding per repeated term (off for a slice of a long text: the choice is made over all slices). */
  perThing = true,
): PhrasingResult {
  const set = ruleSetFor(sets, lang);
  if (!set) {
    return {
      sentences: safeSentences(text, lang ?? 'en'),
      findings: [],
      reasons: [`phrasing: no rules yet for language "${lang}"; notes only`],
    };
  }
  if (otherScript(text, set.lang)) {
    return {
      sentences: safeSentences(text, set.lang),
      findings: [],
      reasons: [`phrasing: the text is not written in the script of the "${set.lang}" rules; notes only`],
    };
  }
  try {
    // The model scores every rule match (threshold 0) and turns the setting into a precision floor; without it
    // the rules' own confidences meet the same floor (utils/analyze/model.ts).
    const floor = thresholdFor(sensitivity);
    const analysis = analyzeText(text, set, { threshold: model?.model ? 0 : floor });
    const scored = phrasingFindings(text, analysis, model?.model ?? null, floor, shown, perThing);
    const reason = model?.reason ?? scored.reason;
    return {
      sentences: analysis.sentences,
      findings: scored.findings,
      reasons: reason ? [reason] : [],
      read: { quotes: analysis.quotes, voice: analysis.voice },
    };
  } catch (error) {
    reportOnce('phrasing', error);
    return {
      sentences: safeSentences(text, set.lang),
      findings: [],
      reasons: ['phrasing: the analysis failed on this page'],
    };
  }
}

/** Phrasing's result with the unsupported claims the check-worthiness model finds in its sentences added. */
function withClaims(
  text: string,
  phrasing: PhrasingResult,
  claims: ClaimsModel | undefined,
  sensitivity?: Sensitivity,
): PhrasingResult {
  if (claims === undefined) return phrasing;
  const found = unsupportedClaims(text, phrasing.sentences, claims, thresholdFor(sensitivity), phrasing.read);
  return {
    sentences: phrasing.sentences,
    findings: dedupe([...phrasing.findings, ...found.findings]),
    reasons: [...phrasing.reasons, ...found.reasons],
  };
}

function safeSentences(text: string, lang: string): Span[] {
  try {
    return splitSentences(text, lang);
  } catch {
    return text ? [{ start: 0, end: text.length }] : [];
  }
}

export interface ContextResult {
  findings: Finding[];
  notes: Note[];
  outlet: OutletContext | null;
  outlets: OutletRef[];
}

function hostnameOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/** Imported claims and their notes: matched by retrieval; a note not in `notes` is left for the caller to add. */
export type ImportedSearch = ClaimSearch & { notes?: (id: string) => Note | undefined };

/**
 * Context notes for an article: claims and terms in its text, the outlet of the page's own address (never of
 * what the page says about itself), and outlets that a syndicated piece credits.
 */
export function matchContext(
  text: string,
  sentences: Span[],
  article: Pick<ArticleInfo, 'byline' | 'originalPublisher'>,
  pageUrl: string | null,
  phrasing: Finding[],
  data: CompiledDataset,
  imported?: ImportedSearch,
): ContextResult {
  try {
    return matchAll(text, sentences, article, pageUrl, phrasing, data, imported);
  } catch (error) {
    // Without notes the phrasing findings still stand.
    reportOnce('notes', error);
    return { findings: phrasing, notes: [], outlet: null, outlets: [] };
  }
}

function matchAll(
  text: string,
  sentences: Span[],
  article: Pick<ArticleInfo, 'byline' | 'originalPublisher'>,
  pageUrl: string | null,
  phrasing: Finding[],
  data: CompiledDataset,
  imported?: ImportedSearch,
): ContextResult {
  const findings = dedupe([...phrasing, ...contextFindings(text, sentences, data, imported)]);
  return withNotes(findings, article, pageUrl, data, imported);
}

/** The claim and term findings of a text (the notes' matching, without the phrasing). */
function contextFindings(text: string, sentences: Span[], data: CompiledDataset, imported?: ImportedSearch) {
  return [...matchClaims(text, sentences, data, imported), ...matchTerms(text, sentences, data)];
}

/** The notes the findings and the page's outlets refer to. */
function withNotes(
  findings: Finding[],
  article: Pick<ArticleInfo, 'byline' | 'originalPublisher'>,
  pageUrl: string | null,
  data: CompiledDataset,
  imported?: ImportedSearch,
): ContextResult {
  const outlet = hostnameOf(pageUrl) ? outletContext(pageUrl, data) : null;
  const outlets = outletsByName([article.byline, article.originalPublisher], data, outlet?.noteId);
  const ids = new Set<string>();
  for (const o of [outlet, ...outlets]) if (o?.noteId) ids.add(o.noteId);
  for (const f of findings) ids.add(f.noteId);
  const notes = [...ids].map((id) => data.notes[id] ?? imported?.notes?.(id)).filter((n): n is Note => !!n);
  return { findings, notes, outlet, outlets };
}

/** What the reader will see of the findings: none in a category switched off, none in text that is never marked. */
export function shownFindings(
  findings: Finding[],
  hidden: readonly Category[] = [],
  unmarkable: readonly Interval[] = [],
): Finding[] {
  if (!hidden.length && !unmarkable.length) return findings;
  const off = new Set(hidden);
  return findings.filter((f) => !off.has(f.category) && !overlapsAny(unmarkable, f.start, f.end));
}

export interface TabRead {
  /** The article as the page's extraction gave it, text included. */
  article: ArticleInfo;
  url: string;
  sensitivity?: Sensitivity;
  hidden?: readonly Category[];
  unmarkable?: readonly Interval[];
}

/**
 * The pipeline after extraction, as the background runs it for a tab: phrasing and notes on the article's text,
 * then only what the reader will see. The page only detects, extracts and paints; the rules are compiled once
 * per background start rather than once per page.
 */
export function readForTab(
  read: TabRead,
  rules: CompiledRuleSet[],
  data: CompiledDataset,
  imported?: ImportedSearch,
  model?: LoadedModel,
  claims?: ClaimsModel,
): ContextResult & { reasons: string[] } {
  const { text, ...meta } = read.article;
  const phrasing = withClaims(
    text,
    analyzePhrasing(
      text,
      meta.lang,
      rules,
      read.sensitivity,
      model,
      (f) => shownFindings([f], read.hidden, read.unmarkable).length > 0,
    ),
    claims,
    read.sensitivity,
  );
  const findings = shownFindings(phrasing.findings, read.hidden, read.unmarkable);
  const context = matchContext(text, phrasing.sentences, meta, read.url, findings, data, imported);
  return {
    ...context,
    findings: shownFindings(context.findings, read.hidden, read.unmarkable),
    reasons: phrasing.reasons,
  };
}

/**
 * Texts up to four times this many characters (about 6,500 words: an analysis of 40–50 ms in one call once the
 * worker is warm) are read whole, as they always were: the model reads some of its evidence over the whole article
 * (how often a word recurs, how dense the rules' matches are), which in a longer text it reads over a slice and its
 * margins. Longer texts are read in slices, so that a book-length page never holds the worker for 50 ms at a time.
 */
export const SLICE_CHARS = 10_000;
/** How long one slice of a long article should take, ms; its first slice, and the bounds of any, in characters. */
export const SLICE_MS = 15;
const FIRST_SLICE_CHARS = 3_000;
const MAX_SLICE_CHARS = 30_000;
/** Text read before and after a slice, for the quotations, voices and claim windows that cross its edges. */
const MARGIN_CHARS = 2_000;
const OPENS_QUOTE = /["“‘'«»„‹›]/;

/**
 * The first place at or after `from` where a long text can be cut: the start of a paragraph that does not open with
 * a quotation mark (a quotation that runs over paragraphs reopens each one); in a paragraph with no break for
 * twice a slice, the start of a sentence. The text's length when there is none.
 */
export function breakAfter(text: string, from: number, within = 2 * SLICE_CHARS): number {
  if (from <= 0) return 0;
  if (from >= text.length) return text.length;
  const limit = Math.min(text.length, from + within);
  for (let p = text.indexOf('\n', from - 1); p >= 0 && p < limit; p = text.indexOf('\n', p + 1)) {
    let q = p + 1;
    while (q < text.length && /\s/.test(text[q]!)) q++;
    if (q >= text.length) return text.length;
    if (!OPENS_QUOTE.test(text[q]!)) return q;
  }
  const sentence = /[.!?]\s+(?=\p{Lu})/gu;
  sentence.lastIndex = from;
  const m = sentence.exec(text);
  if (m && m.index < limit) return m.index + m[0].length;
  const space = text.indexOf(' ', from);
  return space < 0 ? text.length : space + 1;
}

/** A text's slices of about `size` characters each, cut where `breakAfter` allows; one for up to four slices. */
export function sliceText(text: string, size = SLICE_CHARS): Span[] {
  if (text.length <= 4 * size) return [{ start: 0, end: text.length }];
  const out: Span[] = [];
  for (let start = 0; start < text.length; start = out[out.length - 1]!.end)
    out.push({ start, end: cutAfter(text, start, size) });
  return out;
}

/** The end of the slice of about `size` characters from `start`: the text's end when little more is left. */
function cutAfter(text: string, start: number, size: number): number {
  if (text.length - start <= size * 1.5) return text.length;
  const cut = breakAfter(text, start + size, size);
  return cut > start ? cut : text.length;
}

/**
 * `readForTab` for an article of any length without holding the caller for long: a text longer than four times
 * `SLICE_CHARS` is read slice by slice (each with the text around it, so that a quotation or a claim's source
 * across the cut is still seen), with a turn for other work between slices; one finding per repeated term and the
 * notes are then chosen over the whole text. A shorter text is read as `readForTab` reads it, in one call.
 */
export async function readForTabInSlices(
  read: TabRead,
  rules: CompiledRuleSet[],
  data: CompiledDataset,
  imported?: ImportedSearch,
  model?: LoadedModel,
  claims?: ClaimsModel,
  options: {
    /** Slices of this many characters; without it, sized as the reading goes (`SLICE_MS`). */
    size?: number;
    pause?: () => Promise<void>;
    /** What the first slice holds, when there are more: the top of the article, to show before the rest. */
    first?: (partial: ContextResult) => void;
    /** The clock slices are sized by. */
    now?: () => number;
  } = {},
): Promise<ContextResult & { reasons: string[] }> {
  const { text, ...meta } = read.article;
  if (text.length <= 4 * (options.size ?? SLICE_CHARS)) return readForTab(read, rules, data, imported, model, claims);
  const pause = options.pause ?? yieldToBrowser;
  const now = options.now ?? (() => performance.now());
  const margin = Math.min(MARGIN_CHARS, options.size ?? MARGIN_CHARS);
  // A worker's code runs slowly until the engine has optimised it: the first slices are short, and each next one
  // is sized from how fast the last was read, to take about SLICE_MS.
  let size = options.size ?? FIRST_SLICE_CHARS;
  const sentences: Span[] = [];
  const phrasing: Finding[] = [];
  const context: Finding[] = [];
  const reasons = new Set<string>();
  const terms = new Map<string, number>();
  const at = (f: Finding): Finding => ({ ...f, sentence: spanAt(sentences, f.start) });
  // What has been read so far as the reader will see it: one finding per term (with how often `counts` says it is
  // used), a term note at its first mention.
  const chosen = (counts: ReadonlyMap<string, number>): ContextResult => {
    const seen = new Set<string>();
    const notes = context.filter((f) => f.category !== 'term-context' || (!seen.has(f.noteId) && !!seen.add(f.noteId)));
    const once = shownFindings(onePerThing(text, dedupe(phrasing), counts), read.hidden, read.unmarkable);
    const findings = shownFindings(dedupe([...once, ...notes]).map(at), read.hidden, read.unmarkable);
    return withNotes(findings, meta, read.url, data, imported);
  };
  for (let start = 0; start < text.length;) {
    const t0 = now();
    const slice = { start, end: cutAfter(text, start, size) };
    const from = slice.start === 0 ? 0 : Math.min(slice.start, breakAfter(text, slice.start - margin, margin));
    const to = breakAfter(text, Math.min(text.length, slice.end + margin / 2), margin);
    const sub = text.slice(from, to);
    const inSlice = (start: number) => from + start >= slice.start && from + start < slice.end;
    const global = <T extends Span>(x: T): T => ({ ...x, start: x.start + from, end: x.end + from });
    const found = withClaims(
      sub,
      analyzePhrasing(
        sub,
        meta.lang,
        rules,
        read.sensitivity,
        model,
        (f) => shownFindings([global(f)], read.hidden, read.unmarkable).length > 0,
        false,
      ),
      claims,
      read.sensitivity,
    );
    for (const r of found.reasons) reasons.add(r);
    for (const s of found.sentences) if (inSlice(s.start)) sentences.push(global(s));
    for (const f of found.findings) if (inSlice(f.start)) phrasing.push(global(f));
    try {
      for (const f of contextFindings(sub, found.sentences, data, imported))
        if (inSlice(f.start)) context.push(global(f));
    } catch (error) {
      reportOnce('notes', error);
    }
    countTerms(text, slice.start, slice.end, terms);
    start = slice.end;
    if (slice.end >= text.length) break;
    if (options.size === undefined) {
      const rate = (slice.end - slice.start) / Math.max(1, now() - t0);
      size = Math.round(Math.min(1.5 * size, MAX_SLICE_CHARS, Math.max(FIRST_SLICE_CHARS, rate * SLICE_MS)));
    }
    if (slice.start === 0 && options.first) {
      // The first slice's choice of one finding per term is the whole text's (its first uses come first); how
      // often each is used is said once the whole text is read.
      options.first(chosen(new Map()));
    }
    await pause();
  }
  return { ...chosen(terms), reasons: [...reasons] };
}

/** Runs each rule set's start patterns once over `text`, as a read would first do (the engine compiles them then). */
function warmGates(sets: CompiledRuleSet[], text: string): void {
  const folded = text.toLowerCase();
  for (const set of sets)
    for (const gate of set.start ?? []) {
      gate.lastIndex = 0;
      gate.exec(set.mode === 'fast' ? folded : text);
    }
}

/** A short text that goes through every stage: quotations, reported speech, rule matches, a claim, a term. */
const WARM_TEXT =
  'The regime said on Monday that the shocking attack killed 40 people in Aleppo, according to officials. ' +
  'Critics called it a “lie”, and the so-called opposition will likely collapse next week because the army ' +
  'advanced.\n\n“We will win,” she said. Turkey’s army, allegedly backed by the SDF, has 2,000 troops there.';

/**
 * What a worker's first read would compile (the sentence segmenter, the quotation and voice patterns, the
 * rules', the models' first use, the notes' patterns), one stage per task with `pause` between: a worker woken by
 * a page then never holds one long task for it. Each step's time, ms.
 */
export async function warmUp(
  sets: RuleSet[],
  data: CompiledDataset,
  model?: LoadedModel,
  claims?: ClaimsModel,
  pause: () => Promise<void> = yieldToBrowser,
): Promise<{ step: string; ms: number }[]> {
  const text = WARM_TEXT;
  let rules: CompiledRuleSet[] = [];
  let spans: Span[] = [];
  let quotes: Quote[] = [];
  let phrasing: PhrasingResult | undefined;
  const steps: [string, () => unknown][] = [
    ['compile the rules', () => (rules = compileRules(sets))],
    ['sentences', () => (spans = splitSentences(text, 'en'))],
    ['quotations', () => (quotes = findQuotes(text))],
    ['voices', () => readVoice(text, quotes, spans)],
    // The rules' combined start patterns first (the largest expressions), then the rules themselves.
    ['rule gates', () => warmGates(rules, text)],
    ['rules', () => analyzePhrasing(text, 'en', rules, undefined, undefined)],
    ['phrasing model', () => (phrasing = analyzePhrasing(text, 'en', rules, undefined, model))],
    ['unsupported claims', () => phrasing && withClaims(text, phrasing, claims)],
    ['claim notes', () => matchClaims(text, spans, data)],
    ['term notes', () => matchTerms(text, spans, data)],
  ];
  const times: { step: string; ms: number }[] = [];
  for (const [step, run] of steps) {
    const t0 = performance.now();
    try {
      run();
    } catch (error) {
      reportOnce(step, error);
    }
    times.push({ step, ms: performance.now() - t0 });
    await pause();
  }
  return times;
}

export interface ReadOptions {
  sensitivity?: Sensitivity;
  /** Read the page as an article even when detection says it is not one. */
  force?: boolean;
  /** The phrasing model (utils/analyze/model.ts), loaded once; without it the rules run alone. */
  model?: LoadedModel;
  /** The check-worthiness model for unsupported claims (utils/claims/stage.ts), or why it is off. */
  claims?: ClaimsModel;
}

/** The whole pipeline on a document (the CLI's path). */
export function readDocument(
  doc: Document,
  url: string | null,
  rules: CompiledRuleSet[],
  data: CompiledDataset,
  options: ReadOptions = {},
): PageResult & { extraction: Extraction | null } {
  const detection = detectArticle(doc, url);
  if (!detection.isArticle && !options.force) {
    // Not an article: no notes, but the site's outlet context still stands (the contract's `outlet`).
    const outlet = url ? outletContext(url, data) : null;
    const note = outlet?.noteId ? data.notes[outlet.noteId] : undefined;
    const notes = note ? [note] : [];
    return { ...detection, article: null, findings: [], notes, outlet, outlets: [], extraction: null };
  }
  const extraction = extractArticle(doc, url);
  const result = readText(extraction.article, url, rules, data, options);
  return { ...result, ...detection, reasons: [...detection.reasons, ...result.reasons], extraction };
}

/** The pipeline after extraction: an article's text and metadata in, findings and notes out. */
export function readText(
  article: ArticleInfo,
  pageUrl: string | null,
  rules: CompiledRuleSet[],
  data: CompiledDataset,
  options: ReadOptions = {},
): PageResult {
  const phrasing = withClaims(
    article.text,
    analyzePhrasing(article.text, article.lang, rules, options.sensitivity, options.model),
    options.claims,
    options.sensitivity,
  );
  const context = matchContext(article.text, phrasing.sentences, article, pageUrl, phrasing.findings, data);
  return {
    isArticle: true,
    confidence: 1,
    reasons: phrasing.reasons,
    article,
    ...context,
  };
}
