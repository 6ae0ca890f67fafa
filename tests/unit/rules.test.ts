/** Every rule's own examples: the sentences it must catch and the ones it must leave alone. */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '@/utils/analyze';
import { compileRuleSet, type CompiledRuleSet } from '@/utils/analyze/rules';
import { dataset } from './helpers';

/** What fired on a sentence, each rule with its category and the words it marked: what a failing example says. */
function fired(sentence: string, compiled: CompiledRuleSet): { ids: string[]; said: string } {
  const findings = analyzeText(sentence, compiled, { threshold: 0 }).findings;
  const said = findings.length
    ? findings.map((f) => `${f.ruleId} (${f.category}) on “${f.text}”`).join('; ')
    : 'no rule fired';
  return { ids: findings.map((f) => f.ruleId), said };
}

for (const set of dataset.rules) {
  const compiled = compileRuleSet(set);
  describe(`rules/${set.lang}.json`, () => {
    for (const rule of set.rules) {
      test.each(rule.examples.catch)(`${rule.id} catches %j`, (sentence) => {
        const { ids, said } = fired(sentence, compiled);
        expect(
          ids.includes(rule.id),
          `${rule.id} did not fire on ${JSON.stringify(sentence)}; what fired: ${said}`,
        ).toBe(true);
      });
      test.each(rule.examples.leave)(`${rule.id} leaves %j`, (sentence) => {
        const { ids, said } = fired(sentence, compiled);
        expect(ids.includes(rule.id), `${rule.id} fired on ${JSON.stringify(sentence)}; what fired: ${said}`).toBe(
          false,
        );
      });
    }
  });
}

describe('a failing example names the rules that fired', () => {
  const english = compileRuleSet(dataset.rules.find((s) => s.lang === 'en')!);
  test.each([
    ['It was supposedly done by the army.', /doubt\.[\w.-]+ \(doubt\) on “supposedly”/],
    ['The council met on Tuesday.', /^no rule fired$/],
  ])('%j', (sentence, said) => {
    expect(fired(sentence, english).said).toMatch(said);
  });

  test('the message of a failing example carries them', () => {
    let message = '';
    try {
      const { ids, said } = fired('It was supposedly done by the army.', english);
      expect(ids.includes('no.such-rule'), `no.such-rule did not fire; what fired: ${said}`).toBe(true);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/no\.such-rule did not fire; what fired: doubt\./);
  });
});
