/**
 * `unlessWithin`: a match inside a fixed phrase, or inside the word's literal or technical sense, is left alone.
 * `requireAfter`: a match is kept only when the words after it decide its sense.
 */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '@/utils/analyze';
import { compileRuleSet, type RuntimeRule } from '@/utils/analyze/rules';

/** The texts that one rule (test id and explanation added) marks in a text. */
function markedBy(rule: Omit<RuntimeRule, 'id' | 'explain'>): (text: string) => string[] {
  const set = compileRuleSet({ lang: 'en', rules: [{ id: `${rule.category}.test`, explain: 'test', ...rule }] });
  return (text) => analyzeText(text, set).findings.map((f) => f.text);
}

describe('unlessWithin: the match inside a longer phrase of another sense', () => {
  const marked = markedBy({
    category: 'loaded-language',
    confidence: 0.7,
    pattern: '(blasts|blasted|reckless)',
    unlessWithin: '(deadly|the) blasts|blast~ out|reckless (disregard|driving)',
  });
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

describe('@head?: the word a modifier qualifies, and what is not one', () => {
  const marked = markedBy({
    category: 'loaded-language',
    confidence: 0.7,
    pattern: '(brutal|fumed|acrimonious|delusional) @head?',
  });
  test.each([
    ['The brutal crackdown went on.', ['brutal crackdown']],
    ['Brutal Crackdown Ends', ['Brutal Crackdown']],
    // A capitalised word after a match in lower case is a name or the start of something else.
    ['“Never,” fumed Weston on Monday.', ['fumed']],
    ['Their plan is delusional Monday through Friday.', ['delusional']],
    ['It was a brutal Trump rally.', ['brutal']],
    // A number in words counts the thing.
    ['After an acrimonious three-year dispute, they settled.', ['acrimonious']],
    ['It was a brutal second term.', ['brutal']],
    ['The brutal two months ended.', ['brutal']],
  ])('%j', (text, expected) => {
    expect(marked(text)).toEqual(expected);
  });
});

describe('requireAfter: the words after a match decide its sense', () => {
  const marked = markedBy({
    category: 'doubt',
    confidence: 0.7,
    pattern: 'so-called',
    requireAfter: '(expert~|moderate~) | _ (expert~|moderate~)',
  });
  test.each([
    ['The so-called experts were wrong.', ['so-called']],
    ['The so-called Republican moderates folded.', ['so-called']],
    ['The so-called fiscal cliff loomed.', []],
    ['He praised the so-called.', []],
  ])('%j', (text, expected) => {
    expect(marked(text)).toEqual(expected);
  });
});
