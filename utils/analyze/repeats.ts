/**
 * One finding per thing: a term the article repeats is highlighted once, where it first carries the writer's
 * judgement (the first finding of it that survived the voice stage, the rules' conditions and the model), and
 * that finding says how often the article uses the term. An essay about smugness gets one "smugness", not 99.
 */
import type { Finding } from '../types';

const PER_USE = new Set<Finding['category']>(['claim-context', 'term-context', 'unsupported-claim', 'scare-quotes']);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
const FUNCTION = new Set(['a', 'an', 'the', 'so', 'very', 'most', 'more', 'of', 'to', 'and', 'is', 'was', 'be']);

/**
 * A word as a term: lower case, without a possessive or a plural's -s ("lies" and "lie", "elites" and "elite");
 * other forms stay apart ("allegedly" and "alleging" are two words an editor reads differently).
 */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/[’']s?$/, '');
  return w.length >= 4 && /[^aisu]s$/.test(w) ? w.slice(0, -1) : w;
}

/** The term a finding is about: the stem of its first word that is not a function word. */
export function termOf(f: Pick<Finding, 'text'>): string {
  WORD.lastIndex = 0;
  let first: string | undefined;
  for (let m = WORD.exec(f.text); m; m = WORD.exec(f.text)) {
    const w = m[0].toLowerCase();
    first ??= w;
    if (!FUNCTION.has(w)) return stem(w);
  }
  return stem(first ?? f.text.trim());
}

/**
 * Keeps, for each category and term, the first finding; the kept one's explanation says how many times the
 * article uses the term (every use, the speakers' included) when it is more than once. Findings of the claim and
 * term notes are not phrasing and pass untouched.
 */
export function onePerThing(
  text: string,
  findings: readonly Finding[],
  /** How often a term occurs in the text, when the caller has counted already (`countTerms`). */
  counted?: ReadonlyMap<string, number>,
): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const seen = new Map<string, Finding>();
  const repeated = new Set<string>();
  const out: Finding[] = [];
  for (const f of sorted) {
    // Notes are not phrasing; each pair of scare quotes is the writer's act where it stands (the seed's
    // “opposition organizations” twice, once across a paragraph break, are two).
    if (PER_USE.has(f.category)) {
      out.push(f);
      continue;
    }
    const key = `${f.category}\u0000${termOf(f)}`;
    if (seen.has(key)) {
      repeated.add(key);
      continue;
    }
    seen.set(key, f);
    out.push(f);
  }
  if (!repeated.size) return out;
  // How often each repeated term occurs in the article, counted once over the text.
  let terms = counted;
  if (!terms) {
    const counts = new Map<string, number>();
    for (const key of repeated) counts.set(key.slice(key.indexOf('\u0000') + 1), 0);
    countTerms(text, 0, text.length, counts, true);
    terms = counts;
  }
  return out.map((f) => {
    const key = `${f.category}\u0000${termOf(f)}`;
    if (!repeated.has(key)) return f;
    const n = terms.get(termOf(f)) ?? 0;
    if (n < 2) return f;
    return { ...f, explain: `${f.explain} Used ${n} times in this article; highlighted once, where it first appears.` };
  });
}

/**
 * Adds the uses of each term in `text` from `start` to `end` to `counts` (a long text is counted slice by slice);
 * with `only`, just the terms already in `counts`.
 */
export function countTerms(text: string, start: number, end: number, counts: Map<string, number>, only = false): void {
  const word = new RegExp(WORD.source, WORD.flags);
  word.lastIndex = start;
  for (let m = word.exec(text); m && m.index < end; m = word.exec(text)) {
    const s = stem(m[0]);
    const n = counts.get(s);
    if (n !== undefined) counts.set(s, n + 1);
    else if (!only) counts.set(s, 1);
  }
}
