/**
 * The phrasing analysis: runs every rule over the article's text and reads its quotation marks, keeping what
 * a speaker said apart from the writer's own wording.
 */
import type { Finding } from '../types';
import { sentences as splitSentences, spanAt, type Span } from '../text/segment';
import { findQuotes, insideSpeech, type Quote } from '../text/quotes';
import type { CompiledRuleSet } from './rules';
import { isAttributed } from './attribution';

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
  ruleSet: CompiledRuleSet,
  options: AnalyzeOptions = {},
  spans: Span[] = splitSentences(text, ruleSet.lang),
): Analysis {
  const threshold = options.threshold ?? 0;
  const noteFor = options.techniqueNote ?? ((c) => `technique/${c}`);
  const quotes = findQuotes(text);
  const findings: Finding[] = [];

  for (const q of quotes) {
    if (q.kind !== 'scare') continue;
    const confidence = q.words <= 2 ? 0.7 : 0.6;
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
  for (const compiled of ruleSet.rules) {
    const { rule } = compiled;
    if (rule.confidence < threshold) continue;
    const re = compiled.find;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      const si = spanAt(spans, start);
      if (si < 0) continue;
      const s = spans[si]!;
      if (end > s.end) continue;
      if (insideSpeech(quotes, start, end)) continue;
      const sentence = text.slice(s.start, s.end);
      if (compiled.unlessSentence?.test(sentence)) continue;
      if (compiled.requireSentence && !compiled.requireSentence.test(sentence)) continue;
      if (compiled.unlessBefore?.test(text.slice(s.start, start))) continue;
      if (compiled.unlessAfter?.test(text.slice(end, s.end))) continue;
      if (rule.unlessAttributed) {
        let a = attributed.get(si);
        if (a === undefined) attributed.set(si, (a = isAttributed(sentence)));
        if (a) continue;
      }
      findings.push({
        category: compiled.category,
        start,
        end,
        text: m[0],
        noteId: noteFor(compiled.category) ?? `technique/${compiled.category}`,
        confidence: rule.confidence,
        ruleId: rule.id,
        explain: rule.explain,
        sentence: si,
      });
    }
  }
  return { sentences: spans, quotes, findings: dedupe(findings) };
}

/** Sorts findings and keeps one of each overlapping pair in the same category: the surer, then the longer. */
export function dedupe(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort(
    (a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const f of sorted) {
    if (kept.some((k) => k.category === f.category && k.start < f.end && f.start < k.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
