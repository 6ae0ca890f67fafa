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
export function onePerThing(text: string, findings: readonly Finding[]): Finding[] {
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
  const terms = new Map<string, number>();
  for (const key of repeated) terms.set(key.slice(key.indexOf('\u0000') + 1), 0);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const s = stem(m[0]);
    const n = terms.get(s);
    if (n !== undefined) terms.set(s, n + 1);
  }
  return out.map((f) => {
    const key = `${f.category}\u0000${termOf(f)}`;
    if (!repeated.has(key)) return f;
    const n = terms.get(termOf(f)) ?? 0;
    if (n < 2) return f;
    return { ...f, explain: `${f.explain} Used ${n} times in this article; highlighted once, where it first appears.` };
  });
}
