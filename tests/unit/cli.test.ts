import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeHtml, analyzeTextInput, decodeHtml, toJson, report } from '@/cli/analyze';
import { ROOT, dataset, rules } from './helpers';

describe('gloss analyze', () => {
  test('a text file is the article body as it is: offsets index the input', () => {
    const input = 'Fresh speculation has been circulating in the media.\r\n\r\nIt was supposedly done.';
    const result = toJson(analyzeTextInput(input, null, rules, dataset.notes));
    expect(result.article!.text).toBe(input);
    expect(result.findings.length).toBeGreaterThan(0);
    for (const f of result.findings) expect(input.slice(f.start, f.end)).toBe(f.text);
  });

  test('an html page through the whole pipeline, as the contract gives it', () => {
    const page = readFileSync(resolve(ROOT, 'demo/article.html'), 'utf8');
    const result = toJson(analyzeHtml(page, 'http://www.meridian-ledger.example/world/story/', rules, dataset.notes));
    expect(Object.keys(result)).toEqual([
      'isArticle',
      'confidence',
      'reasons',
      'article',
      'findings',
      'notes',
      'outlet',
      'outlets',
    ]);
    expect(Object.keys(result.article!)).toEqual([
      'title',
      'byline',
      'publisher',
      'originalPublisher',
      'published',
      'lang',
      'url',
      'text',
    ]);
    const f = result.findings[0]!;
    expect(Object.keys(f)).toEqual(['category', 'start', 'end', 'text', 'noteId', 'confidence', 'ruleId', 'explain']);
    for (const finding of result.findings) expect(result.notes.some((n) => n.id === finding.noteId)).toBe(true);
    expect(report(analyzeHtml(page, null, rules, dataset.notes))).toMatch(/^News article/);
  });

  test('a page that is not an article gets no findings', () => {
    const page = readFileSync(resolve(ROOT, 'tests/fixtures/pages/home-page.html'), 'utf8');
    const result = analyzeHtml(page, 'http://www.harbor-gazette.example/', rules, dataset.notes);
    expect(result.isArticle).toBe(false);
    expect(result.findings).toEqual([]);
  });

  test.each([
    [new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'hi'],
    [new TextEncoder().encode('<meta charset="utf-8"><p>é</p>'), '<meta charset="utf-8"><p>é</p>'],
    [
      new Uint8Array([...new TextEncoder().encode('<meta charset="iso-8859-1"><p>'), 0xe9]),
      '<meta charset="iso-8859-1"><p>é',
    ],
    [
      new Uint8Array([...new TextEncoder().encode('<meta charset="nonsense"><p>'), 0x41]),
      '<meta charset="nonsense"><p>A',
    ],
  ])('decodes the declared charset', (bytes, expected) => {
    expect(decodeHtml(bytes)).toBe(expected);
  });
});
