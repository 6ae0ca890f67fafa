import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { badUrl, count, fileError, formatSize } from '@/cli/errors';
import { tooLarge } from '@/cli/analyze';
import { main } from '@/cli/main';

// The bundles' virtual modules, from the dataset folder as the build serves them.
vi.mock('virtual:gloss/rules', async () => {
  const { dataset } = await import('./helpers');
  return { default: dataset.rules };
});
vi.mock('virtual:gloss/notes', async () => {
  const { dataset } = await import('./helpers');
  return { default: dataset.notes };
});
vi.mock('virtual:gloss/ratings', async () => {
  const { dataset } = await import('./helpers');
  return { default: dataset.notes.ratings ?? null };
});

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('file errors in words', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-cli-'));

  test.each([
    ['a missing file', () => readFileSync(join(dir, 'missing.html')), 'there is no such file'],
    ['a folder', () => readFileSync(dir), 'it is a folder, not a file'],
    [
      'a path through a file',
      () => (writeFileSync(join(dir, 'f'), 'x'), readFileSync(join(dir, 'f', 'g'))),
      'a part of the path is a file',
    ],
  ])('%s', (_, run, words) => {
    const message = fileError('page.html', errorOf(run));
    expect(message).toContain('cannot read page.html: ');
    expect(message).toContain(words);
    expect(message).not.toMatch(/\bE[A-Z]{3,}\b/);
  });

  test('writing into a folder that does not exist', () => {
    const message = fileError(
      'out.json',
      errorOf(() => writeFileSync(join(dir, 'no', 'out.json'), '')),
      'write',
    );
    expect(message).toBe('cannot write out.json: the folder it goes in does not exist');
  });

  test('an error without a code keeps its own message', () => {
    expect(fileError('x', new Error('something odd'))).toBe('cannot read x: something odd');
  });
});

describe('sizes in binary units', () => {
  test.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [20 * 1024 * 1024, '20 MiB'],
    [21 * 1024 * 1024 + 300 * 1024, '21.3 MiB'],
    [3 * 1024 ** 3, '3 GiB'],
  ])('%d bytes is %s', (bytes, text) => expect(formatSize(bytes)).toBe(text));

  test('the page size limit says MiB, never MB', () => {
    const message = tooLarge(25 * 1024 * 1024)!;
    expect(message).toBe('is 25 MiB; pages larger than 20 MiB are not read');
    expect(tooLarge(1024)).toBeNull();
  });
});

describe('counts', () => {
  test.each([
    [0, 'claim note', undefined, '0 claim notes'],
    [1, 'claim note', undefined, '1 claim note'],
    [2, 'claim note', undefined, '2 claim notes'],
    [1, 'entry', 'entries', '1 entry'],
    [12000, 'entry', 'entries', '12,000 entries'],
  ])('%d %s', (n, one, many, text) => expect(count(n, one, many)).toBe(text));
});

describe('--url', () => {
  test.each([['https://www.example.com/story/'], ['http://localhost:8080/a'], ['https://example.com']])(
    '%s is an address',
    (url) => expect(badUrl(url)).toBeNull(),
  );
  test.each([
    ['notaurl', 'is not an address'],
    ['www.example.com/story', 'is not an address'],
    ['ftp://example.com/x', 'is a ftp: address'],
    ['file:///tmp/page.html', 'is a file: address'],
    ['javascript:alert(1)', 'is a javascript: address'],
  ])('%s is refused', (url, words) => expect(badUrl(url)).toContain(words));
});

describe('the gloss command says what is wrong, in words', () => {
  let stderr = '';
  let dir: string;
  beforeEach(() => {
    stderr = '';
    dir = mkdtempSync(join(tmpdir(), 'gloss-cli-'));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  test('analyze --url notaurl is refused with the usage', async () => {
    writeFileSync(join(dir, 'a.txt'), 'It was supposedly done.');
    expect(await main(['analyze', '--url', 'notaurl', join(dir, 'a.txt')])).toBe(2);
    expect(stderr).toContain("gloss: --url takes a page's address");
    expect(stderr).toContain('Usage:');
  });

  test('analyze on a missing file and on a folder', async () => {
    expect(await main(['analyze', join(dir, 'missing.html')])).toBe(1);
    expect(stderr).toContain('there is no such file');
    expect(await main(['analyze', dir])).toBe(1);
    expect(stderr).toContain('it is a folder, not a file');
    expect(stderr).not.toMatch(/ENOENT|EISDIR|\n\s+at /);
  });

  test('import: one claim note is one, and an output folder that does not exist leaves nothing behind', async () => {
    const input = join(dir, 'reviews.json');
    writeFileSync(input, JSON.stringify({ '@type': 'ClaimReview', claimReviewed: 'Ferry fares will double.' }));
    const out = join(dir, 'out.json');
    expect(await main(['import', 'claimreview', input, '--out', out])).toBe(0);
    expect(stderr).toContain('1 claim note imported, 0 skipped');
    expect(existsSync(out)).toBe(true);
    stderr = '';
    expect(await main(['import', 'claimreview', input, '--out', join(dir, 'no', 'out.json')])).toBe(1);
    expect(stderr).toContain('the folder it goes in does not exist; nothing was written');
    expect(await main(['import', 'claimreview', dir, '--out', out])).toBe(1);
    expect(stderr).toContain('it is a folder, not a file');
    expect(stderr).not.toMatch(/ENOENT|EISDIR/);
  });

  test('match with a dataset that is not there', async () => {
    expect(await main(['match', '--dataset', join(dir, 'none.json'), '--jsonl'])).toBe(1);
    expect(stderr).toContain('there is no such file');
  });
});
