/**
 * `npm start -- --headless --screenshot FILE` on any page: the demo article with a card open, and a page that is
 * not an article shown beside the popup's "not an article" state; no stack trace, a picture either way.
 */
import { describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CHROME_BUILD, ROOT } from './paths';

const run = promisify(execFile);
const built = existsSync(join(CHROME_BUILD, 'manifest.json'));

/** A PNG's width and height, from its header. */
function size(file: string): [number, number] {
  const png = readFileSync(file);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

async function start(args: string[]) {
  try {
    const { stdout, stderr } = await run('node', [resolve(ROOT, 'scripts/start.mjs'), '--no-build', ...args], {
      cwd: ROOT,
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe.skipIf(!built)('npm start --headless --screenshot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-start-'));

  test('a page that is not an article: the page beside the popup', async () => {
    const file = join(dir, 'home.png');
    const home = resolve(ROOT, 'tests/fixtures/pages/home-page.html');
    const r = await start([
      home,
      '--host',
      'www.harbor-gazette.example',
      '--path',
      '/',
      '--headless',
      '--screenshot',
      file,
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/not read as a news article/);
    // The page (1280 wide) and the popup (380) side by side.
    expect(size(file)[0]).toBeGreaterThan(1280 + 380);
  }, 120_000);

  test('the demo article: its highlights and a card', async () => {
    const file = join(dir, 'demo.png');
    const r = await start(['--headless', '--screenshot', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ highlights; screenshot in/);
    expect(size(file)).toEqual([1280, 860]);
  }, 120_000);
});
