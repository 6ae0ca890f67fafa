/** The built `gloss` command, as a user runs it. */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HAS_SEED, ROOT, SEED_HOST, SEED_HTML, SEED_PATH } from './paths';

const gloss = (args: string[], input?: string) =>
  spawnSync(process.execPath, [resolve(ROOT, 'bin/gloss.mjs'), ...args], { input, encoding: 'utf8' });

describe('gloss analyze', () => {
  test.skipIf(!HAS_SEED)('--json on the seed page', () => {
    const run = gloss(['analyze', '--json', '--url', `http://${SEED_HOST}${SEED_PATH}`, SEED_HTML]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.isArticle).toBe(true);
    expect(result.outlet.noteId).toBe('outlet/global-research');
    // The written note, and the site's published rating beside it, as the contract gives it.
    expect(Object.keys(result.outlet.rating)).toEqual(['score', 'percentile', 'sets', 'source']);
    expect(result.outlet.rating.source).toContain('https://doi.org/10.1093/pnasnexus/pgad286');
    expect(result.findings.map((f: { text: string }) => f.text)).toContain('supposedly');
    for (const f of result.findings) expect(result.article.text.slice(f.start, f.end)).toBe(f.text);
  });

  test('--as-article and "asArticle": a page not read as news is read anyway, detection still says so', () => {
    const page = resolve(ROOT, 'tests/fixtures/pages/personal-blog.html');
    const url = 'https://slipway-notes.blog.example/2026/04/ten-years-of-rowing-on-the-harbour/';
    const plain = JSON.parse(gloss(['analyze', '--json', '--url', url, page]).stdout);
    expect(plain.isArticle).toBe(false);
    expect(plain.article).toBeNull();
    const anyway = JSON.parse(gloss(['analyze', '--json', '--as-article', '--url', url, page]).stdout);
    expect(anyway.isArticle).toBe(false);
    expect(anyway.findings.map((f: { text: string }) => f.text)).toContain('so-called');
    const html = readFileSync(page, 'utf8');
    const lines = [
      JSON.stringify({ id: 'anyway', html, url, asArticle: true }),
      JSON.stringify({ id: 'plain', html, url }),
    ].join('\n');
    const out = gloss(['analyze', '--jsonl'], lines)
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((r) => [r.id, r.isArticle, r.article !== null])).toEqual([
      ['anyway', false, true],
      ['plain', false, false],
    ]);
  });

  test('a readable report without --json', () => {
    const run = gloss(['analyze', resolve(ROOT, 'demo/article.html')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^News article/);
    expect(run.stdout).toMatch(/Doubt-casting/);
  });

  test('the outlet: a rated site with no note, and a site nobody rates', () => {
    const page = resolve(ROOT, 'demo/article.html');
    const rated = JSON.parse(gloss(['analyze', '--json', '--url', 'https://eu.usatoday.com/story/x/', page]).stdout);
    expect(rated.outlet.noteId).toBeUndefined();
    expect(rated.outlet.domain).toBe('usatoday.com');
    expect(rated.outlet.rating.score).toBeGreaterThan(0.5);
    const report = gloss(['analyze', '--url', 'https://eu.usatoday.com/story/x/', page]).stdout;
    expect(report).toMatch(/Rating: +usatoday\.com: 0\.\d\d on a 0-1 quality scale/);
    expect(report).toMatch(/not this article/);
    const unrated = JSON.parse(
      gloss(['analyze', '--json', '--url', 'https://www.meridian-ledger.example/x/', page]).stdout,
    );
    expect(unrated.outlet).toBeNull();
    expect(gloss(['analyze', '--url', 'https://www.meridian-ledger.example/x/', page]).stdout).toMatch(
      /no rating known for this site/,
    );
  });

  test('--jsonl: one line per input line, and a bad line gets an error line while the batch goes on', () => {
    const lines = [
      JSON.stringify({ id: 'a', text: 'It was supposedly done.' }),
      'this is not json',
      JSON.stringify({ id: 'c', html: '<html><body><p>Hello</p></body></html>', url: 'https://example.com/' }),
      JSON.stringify({ id: 'd' }),
    ].join('\n');
    const run = gloss(['analyze', '--jsonl'], lines);
    expect(run.status).toBe(0);
    const out = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[0].id).toBe('a');
    expect(out[0].findings[0].text).toBe('supposedly');
    expect(out[1].error).toMatch(/not JSON/);
    expect(out[2].isArticle).toBe(false);
    expect(out[3].error).toMatch(/html/);
  });

  test('bad input gets a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-cli-'));
    writeFileSync(join(dir, 'empty.html'), '');
    writeFileSync(join(dir, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    expect(gloss(['analyze', join(dir, 'empty.html')]).stderr).toMatch(/is empty/);
    expect(gloss(['analyze', join(dir, 'binary.html')]).stderr).toMatch(/binary/);
    const missing = gloss(['analyze', join(dir, 'missing.html')]).stderr;
    expect(missing).toMatch(/cannot read .*missing\.html: there is no such file/);
    expect(missing).not.toMatch(/ENOENT|\n\s+at /);
    expect(gloss(['analyze', dir]).stderr).toMatch(/it is a folder, not a file/);
    const notUrl = gloss(['analyze', '--url', 'notaurl', join(dir, 'empty.html')]);
    expect(notUrl.status).toBe(2);
    expect(notUrl.stderr).toMatch(/--url takes a page's address.*"notaurl" is not an address/);
    const usage = gloss(['analyze', '--bogus']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/unknown option --bogus/);
  });

  test('a page too large, a UTF-16 page and a page in windows-1251', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-cli-'));
    const big = join(dir, 'big.html');
    writeFileSync(big, '<html><body><p>');
    truncateSync(big, 50 * 1024 * 1024);
    const tooBig = gloss(['analyze', big]);
    expect(tooBig.status).toBe(1);
    expect(tooBig.stderr).toMatch(/50 MiB; pages larger than 20 MiB are not read/);

    const utf16 = join(dir, 'utf16.html');
    writeFileSync(utf16, Buffer.from('\ufeff<html><body><p>A page saved as UTF-16.</p></body></html>', 'utf16le'));
    expect(gloss(['analyze', '--json', utf16]).status).toBe(0);

    const para = 'Правительство объявило о новых мерах, заявив, что они необходимы, а оппозиция их раскритиковала.';
    const page =
      '<html lang="ru"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">' +
      '<meta property="og:type" content="article"><meta property="og:title" content="Новые меры">' +
      `</head><body><article><h1>Новые меры</h1>${`<p>${para}</p>`.repeat(5)}</article></body></html>`;
    const cp1251 = join(dir, 'cp1251.html');
    // windows-1251 bytes: Cyrillic letters sit at 0xC0-0xFF in alphabet order (Ё and ё apart).
    const bytes = [...page].map((c) => {
      const code = c.codePointAt(0)!;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (code > 0x7f) throw new Error(`no windows-1251 byte for ${c}`);
      return code;
    });
    writeFileSync(cp1251, Buffer.from(bytes));
    const run = gloss(['analyze', '--json', '--url', 'https://news.example/2026/03/12/new-measures-announced', cp1251]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.isArticle).toBe(true);
    expect(result.article.title).toBe('Новые меры');
    expect(result.article.text).toContain(para);
    expect(result.reasons.join(' ')).toMatch(/no rules yet for language "ru"/);
  });

  test('--jsonl: lines that are not objects, a broken line with its id, a fragment, and the batch goes on', () => {
    const lines = [
      '[1, 2]',
      '{"id": "broken", "html": "<p>unterminated',
      JSON.stringify({ id: 'frag', html: '<p>Hello there.</p>' }),
      JSON.stringify({ id: 'last', text: 'It was supposedly done.' }),
    ].join('\n');
    const run = gloss(['analyze', '--jsonl'], lines);
    expect(run.status).toBe(0);
    const out = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual([1, 'broken', 'frag', 'last']);
    expect(out[0].error).toMatch(/not a JSON object/);
    expect(out[1].error).toMatch(/not JSON/);
    expect(out[2].isArticle).toBe(false);
    expect(out[3].findings[0].text).toBe('supposedly');
  });
});
