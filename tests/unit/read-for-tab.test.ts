/** The background's read of a tab's article: the same findings as the CLI's path, then only what will be shown. */
import { describe, expect, test } from 'vitest';
import { extractArticle } from '@/utils/extract';
import { analyzePhrasing, otherScript, readForTab, readText, shownFindings } from '@/utils/pipeline';
import type { Finding } from '@/utils/types';
import { HAS_SEED, SEED_HTML, SEED_URL, dataset, html, rules } from './helpers';

const finding = (category: Finding['category'], start: number, end: number): Finding => ({
  category,
  start,
  end,
  text: 'x'.repeat(end - start),
  noteId: `technique/${category}`,
  confidence: 0.7,
  ruleId: 'test',
  explain: 'test',
  sentence: 0,
});

describe('what the reader will see', () => {
  const findings = [finding('doubt', 0, 5), finding('labeling', 10, 20), finding('doubt', 30, 35)];

  test('all of it when nothing is off and nothing is unmarkable', () => {
    expect(shownFindings(findings)).toBe(findings);
  });

  test('none in a category switched off', () => {
    expect(shownFindings(findings, ['doubt']).map((f) => f.category)).toEqual(['labeling']);
  });

  test.each([
    [[[12, 14]], [0, 30]],
    [[[5, 10]], [0, 10, 30]],
    [[[4, 11]], [30]],
    [[[0, 40]], []],
  ] as const)('none touching text that is never marked: %j leaves %j', (unmarkable, starts) => {
    expect(shownFindings(findings, [], unmarkable).map((f) => f.start)).toEqual(starts);
  });
});

describe.skipIf(!HAS_SEED)('the seed article read as the background reads it', () => {
  const extraction = extractArticle(html(SEED_HTML), SEED_URL);
  const cli = readText(extraction.article, SEED_URL, rules, dataset.notes);

  test('gives the findings and notes the CLI gives', () => {
    const tab = readForTab({ article: extraction.article, url: SEED_URL }, rules, dataset.notes);
    expect(tab.findings).toEqual(cli.findings);
    expect(tab.notes.map((n) => n.id)).toEqual(cli.notes.map((n) => n.id));
    expect(tab.outlet).toEqual(cli.outlet);
  });

  test('leaves out the categories switched off, context notes included', () => {
    const tab = readForTab(
      { article: extraction.article, url: SEED_URL, hidden: ['doubt', 'claim-context'] },
      rules,
      dataset.notes,
    );
    expect(tab.findings.length).toBeGreaterThan(0);
    expect(tab.findings.some((f) => f.category === 'doubt' || f.category === 'claim-context')).toBe(false);
    expect(cli.findings.some((f) => f.category === 'doubt')).toBe(true);
    expect(cli.findings.some((f) => f.category === 'claim-context')).toBe(true);
  });

  test('a stricter sensitivity gives fewer findings', () => {
    const precise = readForTab(
      { article: extraction.article, url: SEED_URL, sensitivity: 'precise' },
      rules,
      dataset.notes,
    );
    const thorough = readForTab(
      { article: extraction.article, url: SEED_URL, sensitivity: 'thorough' },
      rules,
      dataset.notes,
    );
    expect(precise.findings.length).toBeLessThan(thorough.findings.length);
  });
});

describe('one finding per repeated term, among what the reader can see', () => {
  const text = 'The so-called draft is supposedly final. The plan had supposedly been inspected in the spring.';
  const article = {
    title: '',
    byline: null,
    publisher: null,
    originalPublisher: null,
    published: null,
    lang: 'en',
    url: null,
    text,
  };
  const supposedly = (unmarkable: [number, number][]) =>
    readForTab({ article, url: 'https://example.com/2026/story', unmarkable }, rules, dataset.notes)
      .findings.filter((f) => f.text === 'supposedly')
      .map((f) => f.start);

  test('the first use, when it can be shown', () => {
    expect(supposedly([])).toEqual([text.indexOf('supposedly')]);
  });

  test('the next use, when the first sits in text that is never marked (an editable box)', () => {
    const end = text.indexOf('.') + 1;
    expect(supposedly([[0, end]])).toEqual([text.lastIndexOf('supposedly')]);
  });
});

describe('a text in another script than its rules', () => {
  const chinese =
    '《口袋妖怪》的真人版电影，讲的是侦探皮卡丘的故事。“敌人”和“朋友”都在这里出现。'.repeat(12) +
    '他说：“这是一个“伟大”的时刻。”';
  test('a page that declares English but is written in Chinese gets no English phrasing', () => {
    const p = analyzePhrasing(chinese, 'en', rules, 'balanced');
    expect(p.findings).toEqual([]);
    expect(p.reasons.join(' ')).toMatch(/not written in the script/);
  });
  test('English with a few words in other scripts is read as English', () => {
    const text = `The “moderate” rebels, known in Arabic as المعارضة, left the town. ${'They were the opposition. '.repeat(20)}`;
    expect(otherScript(text, 'en')).toBe(false);
    expect(analyzePhrasing(text, 'en', rules, 'balanced').findings.map((f) => f.category)).toContain('scare-quotes');
  });
  test('the check is for Latin-script rules only', () => {
    expect(otherScript(chinese, 'en')).toBe(true);
    expect(otherScript(chinese, 'zh')).toBe(false);
  });
});
