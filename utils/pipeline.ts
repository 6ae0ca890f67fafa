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
import { sentences as splitSentences, type Span } from './text/segment';
import type { Quote } from './text/quotes';
import type { Voice } from './analyze/voice';
import { detectArticle } from './detect';
import { extractArticle, type Extraction } from './extract';
import { matchClaims, matchTerms, outletContext, outletsByName, type ClaimSearch } from './notes/match';
import { thresholdFor, type Sensitivity } from './sensitivity';
import { unsupportedClaims, type ClaimsModel } from './claims/stage';

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
): PhrasingResult {
  const set = ruleSetFor(sets, lang);
  if (!set) {
    return {
      sentences: safeSentences(text, lang ?? 'en'),
      findings: [],
      reasons: [`phrasing: no rules yet for language "${lang}"; notes only`],
    };
  }
  try {
    // The model scores every rule match (threshold 0) and turns the setting into a precision floor; without it
    // the rules' own confidences meet the same floor (utils/analyze/model.ts).
    const floor = thresholdFor(sensitivity);
    const analysis = analyzeText(text, set, { threshold: model?.model ? 0 : floor });
    const scored = phrasingFindings(text, analysis, model?.model ?? null, floor, shown);
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
  const context = [...matchClaims(text, sentences, data, imported), ...matchTerms(text, sentences, data)];
  const findings = dedupe([...phrasing, ...context]);
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
