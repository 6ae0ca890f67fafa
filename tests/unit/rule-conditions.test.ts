/**
 * Two rule conditions: `unlessWithin` (a fixed phrase or the literal sense that holds the match) and `modelFloor`
 * (the measured precision a rule's match needs with the model at the default setting and above).
 */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '@/utils/analyze';
import { compileRuleSet } from '@/utils/analyze/rules';
import { analyzePhrasing } from '@/utils/pipeline';
import { bundledPhrasingModel } from '@/utils/analyze/model-file';
import type { Sensitivity } from '@/utils/sensitivity';
import { rules } from './helpers';

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

describe('modelFloor: loaded-language.derision needs a measured precision of 0.55 at the default setting', () => {
  const model = bundledPhrasingModel();
  const found = (text: string, sensitivity: Sensitivity) =>
    analyzePhrasing(text, 'en', rules, sensitivity, model).findings.filter(
      (f) => f.ruleId === 'loaded-language.derision',
    );
  test('a match the model rates just over the default floor is shown only at the thorough setting', () => {
    const text = 'This argument is absurd on its face.';
    const thorough = found(text, 'thorough');
    expect(thorough).toHaveLength(1);
    expect(thorough[0]!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(thorough[0]!.confidence).toBeLessThan(0.55);
    expect(found(text, 'balanced')).toEqual([]);
  });
  test('a match rated above the rule’s floor is shown at the default', () => {
    expect(found("It is a shameful episode in the city's history.", 'balanced')).toHaveLength(1);
  });
});
