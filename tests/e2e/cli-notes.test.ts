/** The built `gloss import` and `gloss match`, as a user runs them. */
import { afterAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './paths';

const gloss = (args: string[], input?: string) =>
  spawnSync(process.execPath, [resolve(ROOT, 'bin/gloss.mjs'), ...args], { input, encoding: 'utf8' });

const dir = mkdtempSync(join(tmpdir(), 'gloss-notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const reviews = {
  '@context': 'https://schema.org',
  '@graph': [
    {
      '@type': 'ClaimReview',
      url: 'https://factcheck.example/aldi',
      claimReviewed: 'ALDI offers free food to homeless people at its stores on Christmas Eve.',
      headline: 'Is ALDI offering homeless people free food on Christmas Eve?',
      author: { '@type': 'Organization', name: 'Example Fact Check' },
      reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 },
      datePublished: '2019-12-20',
    },
    { '@type': 'ClaimReview', url: 'https://factcheck.example/html', claimReviewed: '<img src=x onerror=alert(1)>' },
    { '@type': 'ClaimReview', url: 'https://factcheck.example/none' },
    { '@type': 'ClaimReview', url: 'https://factcheck.example/type', claimReviewed: ['not', 'a', 'string'] },
  ],
};

describe('gloss import claimreview', () => {
  const input = join(dir, 'reviews.json');
  const out = join(dir, 'dataset.json');
  writeFileSync(input, JSON.stringify(reviews));

  test('writes a dataset of claim notes and says what it skipped and why', () => {
    const run = gloss(['import', 'claimreview', input, '--out', out, '--license', 'CC-BY-4.0']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/1 claim note imported, 3 skipped/);
    expect(run.stderr).toMatch(/#2: claimReviewed contains HTML/);
    expect(run.stderr).toMatch(/#3: no claimReviewed/);
    expect(run.stderr).toMatch(/#4: claimReviewed is not a string/);
    const dataset = JSON.parse(readFileSync(out, 'utf8'));
    expect(dataset.format).toBe('gloss-imported-notes');
    expect(dataset.notes).toHaveLength(1);
    expect(dataset.notes[0].sources[0]).toMatchObject({ url: 'https://factcheck.example/aldi', date: '2019-12-20' });
    expect(dataset.notes[0].rating).toEqual({ name: 'False', value: 1, best: 5, worst: 1 });
    expect(dataset.notes[0].provenance).toEqual({
      author: 'Example Fact Check',
      license: 'CC-BY-4.0',
      importedFrom: 'reviews.json',
    });
  });

  test('a file with nothing to import fails and writes nothing', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"@type":"ClaimReview"}');
    const target = join(dir, 'nothing.json');
    const run = gloss(['import', 'claimreview', bad, '--out', target]);
    expect(run.status).toBe(1);
    expect(existsSync(target)).toBe(false);
  });

  test('usage mistakes exit with 2', () => {
    expect(gloss(['import', 'claimreview', input]).status).toBe(2);
    expect(gloss(['import', 'csv', input, '--out', out]).status).toBe(2);
  });

  test('gloss match: lines in, matches out, best first, with the review address', () => {
    const lines = [
      { id: 'a', text: 'ALDI is giving free food to homeless people on Christmas Eve, a post says.' },
      { id: 'b', text: 'The council approved the budget on Tuesday.' },
      { id: 'c', text: 'Sarin was released at Khan Shaykhun on 4 April.' },
    ];
    const run = gloss(
      ['match', '--dataset', out, '--jsonl'],
      `${lines.map((l) => JSON.stringify(l)).join('\n')}\n{oops\n`,
    );
    expect(run.status).toBe(0);
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows[0].id).toBe('a');
    expect(rows[0].matches[0]).toMatchObject({ url: 'https://factcheck.example/aldi' });
    expect(rows[0].matches[0].noteId).toMatch(/^claim\/cr-/);
    expect(rows[1]).toEqual({ id: 'b', matches: [] });
    expect(rows[2].matches[0].noteId).toBe('claim/khan-shaykhun-sarin-2017');
    expect(rows[3].error).toMatch(/not JSON/);
  });

  test('--top K gives the K best whatever their score, and reads ClaimReview directly', () => {
    const run = gloss(['match', '--dataset', input, '--top', '3', '--jsonl'], '{"id":1,"text":"free food"}\n');
    const [row] = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(row.matches.length).toBeGreaterThan(0);
    expect(row.matches.length).toBeLessThanOrEqual(3);
    for (const m of row.matches) expect(m.score).toBeGreaterThanOrEqual(0);
  });
});
