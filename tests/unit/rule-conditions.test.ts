/** `unlessWithin`: a match inside a fixed phrase, or inside the word's literal or technical sense, is left alone. */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '@/utils/analyze';
import { compileRuleSet } from '@/utils/analyze/rules';

describe('unlessWithin: the match inside a longer phrase of another sense', () => {
  const set = compileRuleSet({
    lang: 'en',
    rules: [
      {
        id: 'loaded-language.test',
        category: 'loaded-language',
        confidence: 0.7,
        pattern: '(blasts|blasted|reckless)',
        explain: 'test',
        unlessWithin: '(deadly|the) blasts|blast~ out|reckless (disregard|driving)',
      },
    ],
  });
  const marked = (text: string) => analyzeText(text, set).findings.map((f) => f.text);
  test.each([
    ['The senator blasts the plan.', ['blasts']],
    ['Churches were hit by deadly blasts on Sunday.', []],
    ['The blasts shook the city.', []],
    ['The campaign blasted out an email.', []],
    ['He was charged with reckless driving.', []],
    ['It was a reckless plan.', ['reckless']],
    // The phrase must hold the whole match: one that only touches it does not count.
    ['The reckless disregard and the reckless plan.', ['reckless']],
  ])('%j', (text, expected) => {
    expect(marked(text)).toEqual(expected);
  });
});
