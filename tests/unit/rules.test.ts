/** Every rule's own examples: the sentences it must catch and the ones it must leave alone. */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '@/utils/analyze';
import { compileRuleSet } from '@/utils/analyze/rules';
import { dataset } from './helpers';

for (const set of dataset.rules) {
  const compiled = compileRuleSet(set);
  describe(`rules/${set.lang}.json`, () => {
    for (const rule of set.rules) {
      const ids = (sentence: string) => analyzeText(sentence, compiled, { threshold: 0 }).findings.map((f) => f.ruleId);
      test.each(rule.examples.catch)(`${rule.id} catches %j`, (sentence) => {
        expect(ids(sentence)).toContain(rule.id);
      });
      test.each(rule.examples.leave)(`${rule.id} leaves %j`, (sentence) => {
        expect(ids(sentence)).not.toContain(rule.id);
      });
    }
  });
}
