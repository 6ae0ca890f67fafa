/**
 * The phrasing analysis: runs every rule over the article's text and reads its quotation marks, keeping what
 * a speaker said apart from the writer's own wording.
 */
import type { Finding } from '../types';
import { sentences as splitSentences, spanAt, type Span } from '../text/segment';
import { findQuotes, type Quote } from '../text/quotes';
import { readVoice, type Voice } from './voice';
import { countWords } from '../text/segment';
import { unicodeVariant, type CompiledRule, type CompiledRuleSet } from './rules';
import { fastEdgesHold } from './pattern';
import { isAttributed, isSourced } from './attribution';

export interface Analysis {
  sentences: Span[];
  quotes: Quote[];
  /** Who speaks where: phrasing findings are only made in the writer's own voice. */
  voice: Voice;
  findings: Finding[];
}

export interface AnalyzeOptions {
  /** Findings below this confidence are left out. */
  threshold?: number;
  /** The technique note for a category, so each finding names the note that explains it. */
  techniqueNote?: (category: Finding['category']) => string | undefined;
}

export const SCARE_QUOTE_RULE = {
  id: 'scare-quotes.unattributed-term',
  explain:
    'A short term in quotation marks that no speaker in the sentence is credited with: the marks distance the writer from the word instead of quoting someone.',
};

/**
 * Whether the word at `at` is capitalised mid-sentence right after another capitalised word that does not open the
 * sentence or follow a comma: a name's last part ("Rachel Crooks"), not a word in its ordinary sense.
 */
export function isSurname(text: string, sentenceStart: number, at: number): boolean {
  if (!/\p{Lu}\p{Ll}/u.test(text.slice(at, at + 2))) return false;
  const before = text.slice(Math.max(sentenceStart, at - 40), at);
  const m = /(^|[^\p{L}'’.-])(\p{Lu}\p{Ll}+)\s$/u.exec(before);
  // A nationality before a capitalised word is an adjective, not a first name ("American Leftist activists").
  if (!m || /^\p{Lu}\p{Ll}{3,}(?:ican|ian|ish|ese|ean|ic)$/u.test(m[2]!)) return false;
  const nameStart = at - m[0].length + m[1]!.length;
  // The first name must itself stand mid-sentence, after a word in lower case or a comma, not open it.
  const lead = text.slice(sentenceStart, nameStart);
  if (!/[\p{Ll},]\s+$/u.test(lead)) return false;
  // In a headline set in title case the words of four letters or more are all capitalised: there the capital says
  // nothing (a sentence that lists names has lower-case words among them).
  const lineEnd = text.indexOf('\n', at);
  const words = text.slice(sentenceStart, lineEnd < 0 ? text.length : lineEnd).match(/\p{L}[\p{L}'’-]{3,}/gu) ?? [];
  return words.filter((w) => /^\p{Lu}/u.test(w)).length < words.length * 0.75;
}

/** Hedges that are ordinary care when they stand alone ("allegedly" in a report of charges). */
const HEDGE_RULE = 'doubt.alleged';
/** Categories that show a writer casting doubt or keeping distance. */
const DISTANCE = new Set<Finding['category']>(['doubt', 'scare-quotes', 'vague-attribution', 'speculation']);
/** The confidence of a hedge in a text with no other sign of doubt or distance: under the default floor. */
export const LONE_HEDGE = 0.45;

/**
 * "Allegedly" or "ostensibly" in a text that casts no other doubt and keeps no other distance is a reporter's care
 * (a court case, a claim not yet proven), not doubt-casting: it waits for the thorough setting. With other signs
 * in the text (the seed's "supposedly", its scare quotes and unnamed sources) it stays.
 */
function loneHedges(findings: Finding[], threshold: number): Finding[] {
  if (!findings.some((f) => f.ruleId === HEDGE_RULE)) return findings;
  if (findings.some((f) => f.ruleId !== HEDGE_RULE && DISTANCE.has(f.category))) return findings;
  return findings
    .map((f) => (f.ruleId === HEDGE_RULE ? { ...f, confidence: Math.min(f.confidence, LONE_HEDGE) } : f))
    .filter((f) => f.confidence >= threshold);
}

/**
 * Quoted terms in a text where the writer shows no other judgement (no loaded word, label, overstatement, doubt or
 * unnamed source of theirs) are, in copy written to be neutral, terms of art ("the “sequester” cuts", "“pass-through”
 * businesses"), words of a speaker the text names elsewhere, or a word used as a word, far more often than the
 * writer's distance: they wait for the thorough setting. Beside other signs (the seed's "supposedly", its loaded
 * words and unnamed sources) they stay.
 */
export function loneScares(findings: Finding[], threshold: number, text: string): Finding[] {
  if (!findings.some((f) => f.category === 'scare-quotes')) return findings;
  if (countWords(text) < LONE_SCARE_WORDS) return findings;
  if (findings.some((f) => f.category !== 'scare-quotes' && f.confidence >= threshold)) return findings;
  return findings
    .map((f) => (f.category === 'scare-quotes' ? { ...f, confidence: Math.min(f.confidence, LONE_SCARE) } : f))
    .filter((f) => f.confidence >= threshold);
}

/** Below this length a text is too short for the absence of other signs to say anything (a 200-word post). */
export const LONE_SCARE_WORDS = 400;
/** Distinct terms the writer puts in marks before any is shown at the default setting. */
export const SCARE_HABIT = 2;
/** The confidence of a writer's quoted term when it is the only one in the text: under the default floor. */
export const LONE_SCARE = 0.4;

/** A quoted term as the same term wherever it stands: case, trailing punctuation and curly apostrophes aside. */
function termKey(inner: string): string {
  return inner
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[\s.,;:!?'"“”]+$/u, '')
    .replace(/^[\s'"“”]+/u, '');
}

export function analyzeText(
  text: string,
  rules: CompiledRuleSet,
  options: AnalyzeOptions = {},
  spans: Span[] = splitSentences(text, rules.lang),
): Analysis {
  // Fast rules read the lower-cased text; where lower-casing changes the text's length (a few letters such as
  // "İ" do), offsets would drift, so that text is read with the Unicode rules instead.
  let ruleSet = rules;
  let folded = text;
  if (rules.mode === 'fast') {
    folded = text.toLowerCase();
    if (folded.length !== text.length) {
      ruleSet = unicodeVariant(rules);
      folded = text;
    }
  }
  const threshold = options.threshold ?? 0;
  const noteFor = options.techniqueNote ?? ((c) => `technique/${c}`);
  const quotes = findQuotes(text);
  const voice = readVoice(text, quotes, spans);
  const findings: Finding[] = [];

  // The writer's own marks only: a short quote inside words the writer reports as someone's is that speaker's.
  const scares = quotes.filter((q) => q.kind === 'scare' && voice.howAt(q.start) === 'scare');
  // A writer who holds words at a distance does it more than once; a lone pair of marks in an article is as often a
  // term of art, a nickname or a partial quote whose speaker the text names elsewhere ("the “sequester” cuts",
  // "“herd immunity”", "an “alternative” slate"). So a lone quoted term waits for the thorough setting.
  const habit = new Set(scares.map((q) => termKey(text.slice(q.start + 1, q.end - 1)))).size >= SCARE_HABIT;
  for (const q of scares) {
    // One or two words are the typical scare quote; three or four are as often a fragment of someone's words.
    const confidence = !habit && q.words > 1 ? LONE_SCARE : q.words <= 1 ? 0.6 : q.words === 2 ? 0.55 : 0.45;
    if (confidence < threshold) continue;
    const sentence = spanAt(spans, q.start);
    findings.push({
      category: 'scare-quotes',
      start: q.start,
      end: q.end,
      text: text.slice(q.start, q.end),
      noteId: noteFor('scare-quotes') ?? 'technique/scare-quotes',
      confidence,
      ruleId: SCARE_QUOTE_RULE.id,
      explain: SCARE_QUOTE_RULE.explain,
      sentence,
    });
  }

  const attributed = new Map<number, boolean>();
  const sourced = (i: number) => {
    const span = spans[i];
    if (!span) return false;
    let a = attributed.get(i);
    if (a === undefined) attributed.set(i, (a = isAttributed(text.slice(span.start, span.end))));
    return a;
  };
  // A neighbouring sentence lends its source only when the source is one the reader could identify.
  const named = new Map<number, boolean>();
  const sourcedNearby = (i: number) => {
    const span = spans[i];
    if (!span) return false;
    let a = named.get(i);
    if (a === undefined) named.set(i, (a = isSourced(text.slice(span.start, span.end))));
    return a;
  };
  const fast = ruleSet.mode === 'fast';
  // Findings whose highlight takes in a head word or a clause, and where their own match ends.
  const coreEnd = new Map<Finding, number>();
  const consider = (compiled: CompiledRule, start: number, end: number) => {
    const { rule } = compiled;
    if (fast && !fastEdgesHold(folded, start, end)) return;
    const si = spanAt(spans, start);
    if (si < 0) return;
    const s = spans[si]!;
    if (end > s.end) return;
    // A speaker's words, a label someone else gave, a word named as a word: not the writer's phrasing.
    if (!voice.isWriter(start, end)) return;
    // A capitalised word after a first name, mid-sentence, is a surname ("Rachel Crooks", "Jim Rants").
    if (isSurname(text, s.start, start)) return;
    const sentence = folded.slice(s.start, s.end);
    if (compiled.unlessSentence?.test(sentence)) return;
    if (compiled.requireSentence && !compiled.requireSentence.test(sentence)) return;
    if (compiled.unlessBefore?.test(folded.slice(s.start, start))) return;
    if (compiled.unlessAfter?.test(folded.slice(end, s.end))) return;
    if (compiled.requireAfter && !compiled.requireAfter.test(folded.slice(end, s.end))) return;
    if (compiled.unlessWithin && within(compiled.unlessWithin, folded, s, start, end)) return;
    if (rule.unlessAttributed) {
      if (sourced(si)) return;
      // A factual claim may take its source from the sentence before or after it.
      if (compiled.category === 'unsupported-claim' && (sourcedNearby(si - 1) || sourcedNearby(si + 1))) return;
    }
    // A pattern that ends in `@head?` takes in the word it qualifies, and one that ends in `@clause?` the rest of
    // the clause, within the sentence.
    let to = end;
    if (compiled.head) {
      compiled.head.lastIndex = end;
      const h = compiled.head.exec(folded);
      if (
        h &&
        end + h[0].length <= s.end &&
        (!fast || fastEdgesHold(folded, end + 1, end + h[0].length)) &&
        !nameAfterLowercase(text, start, end)
      ) {
        to = end + h[0].length;
      }
    }
    const finding: Finding = {
      category: compiled.category,
      start,
      end: to,
      text: text.slice(start, to),
      noteId: noteFor(compiled.category) ?? `technique/${compiled.category}`,
      confidence: rule.confidence,
      ruleId: rule.id,
      explain: rule.explain,
      sentence: si,
    };
    findings.push(finding);
    if (to > end) coreEnd.set(finding, end);
  };

  const active = ruleSet.rules.filter((c) => c.rule.confidence >= threshold);
  const gates = ruleSet.start;
  if (gates?.length && active.length) {
    // Each start expression finds, in order, where one of its rules can start; their offsets are taken in order,
    // each once, and every rule is tried there, each rule's matches not overlapping one another (as a global
    // search of that rule alone would find them).
    const lastEnd = new Array<number>(active.length).fill(0);
    const next = gates.map((g) => {
      g.lastIndex = 0;
      return g.exec(folded)?.index ?? Infinity;
    });
    for (;;) {
      let at = Infinity;
      for (const n of next) if (n < at) at = n;
      if (at === Infinity) break;
      active.forEach((compiled, k) => {
        if (at < lastEnd[k]!) return;
        const re = compiled.at;
        re.lastIndex = at;
        const r = re.exec(folded);
        if (!r || r[0].length === 0) return;
        lastEnd[k] = at + r[0].length;
        consider(compiled, at, at + r[0].length);
      });
      gates.forEach((g, i) => {
        if (next[i] !== at) return;
        g.lastIndex = at + 1;
        next[i] = g.exec(folded)?.index ?? Infinity;
      });
    }
  } else {
    // Without the combined expression (an empty set, or a caller that wants each rule on its own): one global
    // search per rule.
    for (const compiled of active) {
      const re = new RegExp(compiled.at.source, compiled.at.flags.replace('y', 'g'));
      for (let m = re.exec(folded); m; m = re.exec(folded)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        consider(compiled, m.index, m.index + m[0].length);
      }
    }
  }
  if (coreEnd.size) trimHeads(findings, coreEnd);
  return { sentences: spans, quotes, voice, findings: loneHedges(dedupe(findings), threshold) };
}

/** Whether a match of `re` (global) in the sentence `s` covers the span from `start` to `end`. */
/**
 * A capitalised word after a match in lower case is not the word it qualifies but a name or the start of something
 * else: "fumed Weston", "is delusional Replay More Videos".
 */
function nameAfterLowercase(text: string, start: number, end: number): boolean {
  return /\p{Lu}/u.test(text[end + 1] ?? '') && !/\p{Lu}/u.test(text[start] ?? '');
}

function within(re: RegExp, text: string, s: Span, start: number, end: number): boolean {
  const sentence = text.slice(s.start, s.end);
  re.lastIndex = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const from = s.start + m.index;
    if (from > start) return false;
    if (from + m[0].length >= end) return true;
    if (m[0].length === 0) re.lastIndex++;
    else re.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * A head word that another finding of the same category starts on is that finding's, not this one's: the
 * highlight goes back to its own match, so that "brutal shameless lies" keeps its three findings.
 */
function trimHeads(findings: Finding[], coreEnd: Map<Finding, number>): void {
  const starts = new Map<string, number[]>();
  for (const f of findings) {
    const list = starts.get(f.category);
    if (list) list.push(f.start);
    else starts.set(f.category, [f.start]);
  }
  for (const list of starts.values()) list.sort((a, b) => a - b);
  for (const [f, core] of coreEnd) {
    const list = starts.get(f.category)!;
    // The first start after this finding's.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! <= f.start) lo = mid + 1;
      else hi = mid;
    }
    const next = list[lo];
    if (next !== undefined && next < f.end) {
      f.end = core;
      f.text = f.text.slice(0, core - f.start);
    }
  }
}

/** Sorts findings and keeps one of each overlapping pair in the same category: the surer, then the longer. */
export function dedupe(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort(
    (a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // Per category, the kept spans in order of start; they never overlap, so their ends are in order too and a
  // binary search finds the only neighbours a new span could overlap.
  const byCategory = new Map<string, Finding[]>();
  const kept: Finding[] = [];
  for (const f of sorted) {
    let list = byCategory.get(f.category);
    if (!list) byCategory.set(f.category, (list = []));
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start < f.start) lo = mid + 1;
      else hi = mid;
    }
    const before = list[lo - 1];
    const after = list[lo];
    if ((before && before.end > f.start) || (after && after.start < f.end)) continue;
    list.splice(lo, 0, f);
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
