/** One finding per thing: a repeated term is highlighted once, where it first appears, with its count. */
import { describe, expect, test } from 'vitest';
import type { Finding } from '@/utils/types';
import { onePerThing, stem, termOf } from '@/utils/analyze/repeats';
import { analyzePhrasing } from '@/utils/pipeline';
import { rules } from './helpers';

function finding(text: string, source: string, from = 0, category: Finding['category'] = 'loaded-language'): Finding {
  const start = source.indexOf(text, from);
  return {
    category,
    start,
    end: start + text.length,
    text,
    noteId: `technique/${category}`,
    confidence: 0.6,
    ruleId: `${category}.test`,
    explain: 'Why.',
    sentence: 0,
  };
}

describe('terms', () => {
  test.each([
    ['lies', 'lie'],
    ['Lies', 'lie'],
    ['elites', 'elite'],
    ['Trump’s', 'trump'],
    ['smugness', 'smugness'],
    ['allegedly', 'allegedly'],
    ['alleging', 'alleging'],
    ['press', 'press'],
    ['bias', 'bias'],
  ])('stem(%j) is %j', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  test.each([
    ['brazen lies', 'brazen'],
    ['the most corrupt', 'corrupt'],
    ['so brutal', 'brutal'],
    ['Shameless', 'shameless'],
  ])('termOf(%j) is %j', (text, expected) => {
    expect(termOf({ text })).toBe(expected);
  });
});

describe('one finding per thing', () => {
  const essay =
    'Smugness is everywhere. The smugness of the elites is a problem. Their smugness grows. Smugness again, and smugness.';

  test('a term the article repeats is highlighted once, at its first finding, with how often it is used', () => {
    const findings = [...essay.matchAll(/smugness/gi)].map((m) => finding(m[0], essay, m.index));
    const kept = onePerThing(essay, findings);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.start).toBe(findings[0]!.start);
    expect(kept[0]!.explain).toContain('Used 5 times in this article');
  });

  test('the first finding is kept even where an earlier use was not a finding (a speaker’s, say)', () => {
    const text = '“They are liars,” he said. The liars won. The liars lost.';
    const a = finding('liars', text, 20);
    const b = finding('liars', text, a.end);
    const kept = onePerThing(text, [b, a]);
    expect(kept.map((f) => f.start)).toEqual([a.start]);
    expect(kept[0]!.explain).toContain('Used 3 times');
  });

  test.each([
    ['different words stay apart', 'The brazen plan and the shameless plan.', ['brazen', 'shameless'], 2],
    ['one use says no count', 'A brazen plan.', ['brazen'], 1],
    ['allegedly and alleging are two findings', 'He allegedly lied, alleging fraud.', ['allegedly', 'alleging'], 2],
  ])('%s', (_name, text, words, n) => {
    const kept = onePerThing(
      text,
      words.map((w) => finding(w, text, 0, 'doubt')),
    );
    expect(kept).toHaveLength(n);
    for (const f of kept) expect(f.explain).toBe('Why.');
  });

  test('the same word in two categories is one finding in each', () => {
    const text = 'A disaster, a total disaster.';
    const kept = onePerThing(text, [
      finding('disaster', text, 0, 'loaded-language'),
      finding('disaster', text, 14, 'loaded-language'),
      finding('total disaster', text, 0, 'exaggeration'),
    ]);
    expect(kept.map((f) => `${f.category} ${f.start}`)).toEqual(['loaded-language 2', 'exaggeration 14']);
  });

  test.each([
    ['scare-quotes', 'The “experts” and the “experts” again.'],
    ['claim-context', 'The sarin attack. The sarin attack.'],
    ['unsupported-claim', 'They staged it. They staged it.'],
  ] as const)('%s: each one stands where it is', (category, text) => {
    const word = category === 'scare-quotes' ? '“experts”' : category === 'claim-context' ? 'sarin' : 'staged';
    const first = finding(word, text, 0, category);
    const second = finding(word, text, first.end, category);
    expect(onePerThing(text, [first, second])).toHaveLength(2);
  });

  test('through the pipeline: a repeated loaded word is one highlight', () => {
    const text =
      'The shameless plan was unveiled on Monday. Critics of the shameless plan met on Tuesday. The shameless plan failed.';
    const found = analyzePhrasing(text, 'en', rules, 'balanced').findings.filter((f) => /shameless/i.test(f.text));
    expect(found).toHaveLength(1);
    expect(found[0]!.start).toBe(text.indexOf('shameless'));
    expect(found[0]!.explain).toContain('Used 3 times');
  });
});
