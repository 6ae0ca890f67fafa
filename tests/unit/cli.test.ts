import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeHtml, analyzeTextInput, badInput, decodeHtml, toJson, tooLarge, report } from '@/cli/analyze';
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

  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

  test.each([
    [
      'windows-1251 by http-equiv',
      bytes(
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>',
        [0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8],
      ),
      /<p>Новости$/,
    ],
    ['shift_jis by meta charset', bytes('<meta charset="shift_jis"><p>', [0x93, 0xfa, 0x96, 0x7b]), /<p>日本$/],
    ['an XML declaration', bytes('<?xml version="1.0" encoding="iso-8859-2"?><p>', [0xb1]), /<p>ą$/],
    [
      'UTF-16 with a byte order mark',
      new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x70, 0, 0x3e, 0, 0x68, 0, 0x69, 0]),
      /^<p>hi$/,
    ],
    ['no declaration, not UTF-8: windows-1252', bytes('<p>caf', [0xe9]), /<p>café$/],
  ])('decodes %s', (_, input, expected) => {
    expect(decodeHtml(input)).toMatch(expected);
  });

  test('bad input is named: empty, binary, too large; UTF-16 is not binary', () => {
    expect(badInput(new Uint8Array())).toMatch(/empty/);
    expect(badInput(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]))).toMatch(/binary/);
    expect(badInput(new Uint8Array([0xff, 0xfe, 0x3c, 0]))).toBeNull();
    expect(tooLarge(50 * 1024 * 1024)).toBe('is 50 MiB; pages larger than 20 MiB are not read');
    expect(tooLarge(1024)).toBeNull();
  });

  test.each([
    [
      'malformed HTML',
      '<html><body><p>Unclosed <b>bold <i>x <table><tr><td>cell<p>para</td></table></div></span><<<>>><!-- open',
    ],
    [
      'deep nesting',
      `<html><body>${'<div>'.repeat(20000)}<p>deep, deep text.</p>${'</div>'.repeat(20000)}</body></html>`,
    ],
    ['no body at all', '<!doctype html><title>t</title>'],
    ['a fragment of text', 'just some words'],
  ])('%s is read without an error', (_, page) => {
    const result = analyzeHtml(page, null, rules, dataset.notes);
    expect(typeof result.isArticle).toBe('boolean');
    expect(analyzeHtml(page, null, rules, dataset.notes, { force: true }).article).not.toBeNull();
  });
});
