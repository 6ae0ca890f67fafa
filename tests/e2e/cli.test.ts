/** The built `gloss` command, as a user runs it. */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
    expect(result.findings.map((f: { text: string }) => f.text)).toContain('supposedly');
    for (const f of result.findings) expect(result.article.text.slice(f.start, f.end)).toBe(f.text);
  });

  test('a readable report without --json', () => {
    const run = gloss(['analyze', resolve(ROOT, 'demo/article.html')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^News article/);
    expect(run.stdout).toMatch(/Doubt-casting/);
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
    expect(gloss(['analyze', join(dir, 'missing.html')]).stderr).toMatch(/cannot read/);
    const usage = gloss(['analyze', '--bogus']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/unknown option --bogus/);
  });
});
