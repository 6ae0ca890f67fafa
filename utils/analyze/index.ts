/**
 * The phrasing analysis: runs every rule over the article's text and reads its quotation marks, keeping what
 * a speaker said apart from the writer's own wording.
 */
import type { Finding } from '../types';
import { sentences as splitSentences, spanAt, type Span } from '../text/segment';
import { findQuotes, insideSpeech, type Quote } from '../text/quotes';
import { unicodeVariant, type CompiledRule, type CompiledRuleSet } from './rules';
import { fastEdgesHold } from './pattern';
import { isAttributed, isSourced } from './attribution';

export interface Analysis {
  sentences: Span[];
  quotes: Quote[];
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
  const findings: Finding[] = [];

  for (const q of quotes) {
    if (q.kind !== 'scare') continue;
    // One or two words are the typical scare quote; three or four are as often a fragment of someone's words.
    const confidence = q.words <= 1 ? 0.6 : q.words === 2 ? 0.55 : 0.45;
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
  const consider = (compiled: CompiledRule, start: number, end: number) => {
    const { rule } = compiled;
    if (fast && !fastEdgesHold(folded, start, end)) return;
    const si = spanAt(spans, start);
    if (si < 0) return;
    const s = spans[si]!;
    if (end > s.end) return;
    if (insideSpeech(quotes, start, end)) return;
    const sentence = folded.slice(s.start, s.end);
    if (compiled.unlessSentence?.test(sentence)) return;
    if (compiled.requireSentence && !compiled.requireSentence.test(sentence)) return;
    if (compiled.unlessBefore?.test(folded.slice(s.start, start))) return;
    if (compiled.unlessAfter?.test(folded.slice(end, s.end))) return;
    if (rule.unlessAttributed) {
      if (sourced(si)) return;
      // A factual claim may take its source from the sentence before or after it.
      if (compiled.category === 'unsupported-claim' && (sourcedNearby(si - 1) || sourcedNearby(si + 1))) return;
    }
    findings.push({
      category: compiled.category,
      start,
      end,
      text: text.slice(start, end),
      noteId: noteFor(compiled.category) ?? `technique/${compiled.category}`,
      confidence: rule.confidence,
      ruleId: rule.id,
      explain: rule.explain,
      sentence: si,
    });
  };

  const active = ruleSet.rules.filter((c) => c.rule.confidence >= threshold);
  const gate = ruleSet.start;
  if (gate && active.length) {
    // One pass finds where some rule can start; every rule is tried there, each rule's matches not overlapping
    // one another (as a global search of that rule alone would find them).
    const lastEnd = new Array<number>(active.length).fill(0);
    gate.lastIndex = 0;
    for (let m = gate.exec(folded); m; m = gate.exec(folded)) {
      const at = m.index;
      active.forEach((compiled, k) => {
        if (at < lastEnd[k]!) return;
        const re = compiled.at;
        re.lastIndex = at;
        const r = re.exec(folded);
        if (!r || r[0].length === 0) return;
        lastEnd[k] = at + r[0].length;
        consider(compiled, at, at + r[0].length);
      });
      gate.lastIndex = at + 1;
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
  return { sentences: spans, quotes, findings: dedupe(findings) };
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
