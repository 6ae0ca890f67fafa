import { describe, expect, test } from 'vitest';
import { importClaimReview, readImportFile, ImportError, parseInput } from '@/utils/dataset/claimreview';
import { importedDatasetSchema } from '@/utils/dataset/schema';
import { ImportedClaims, MemoryBackend } from '@/utils/notes/imported-store';

const review = (over: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://factcheck.example/reviews/mansion',
  claimReviewed: 'Joe Biden owns the largest mansion in his state.',
  headline: 'Does Joe Biden own the largest mansion in his state?',
  datePublished: '2019-10-02T10:00:00Z',
  author: { '@type': 'Organization', name: 'Example Fact Check', url: 'https://factcheck.example/' },
  reviewRating: { '@type': 'Rating', ratingValue: '1', bestRating: 5, worstRating: 1, alternateName: 'False' },
  itemReviewed: { '@type': 'Claim', author: { name: 'A social media post' }, datePublished: '2019-09-28' },
  ...over,
});

const run = (input: unknown) =>
  importClaimReview(typeof input === 'string' ? input : JSON.stringify(input), {
    importedFrom: 'test.json',
    license: 'CC-BY-4.0',
    today: '2026-12-01',
  });

describe('gloss import claimreview', () => {
  test('one review becomes a claim note keeping its url, author, rating and date', () => {
    const { dataset, skipped } = run(review());
    expect(skipped).toEqual([]);
    expect(importedDatasetSchema.safeParse(dataset).success).toBe(true);
    const [note] = dataset.notes;
    expect(note!.id).toMatch(/^claim\/cr-[0-9a-f]{16}$/);
    expect(note!.match.claim).toBe('Joe Biden owns the largest mansion in his state.');
    expect(note!.sources).toEqual([
      {
        title: 'Does Joe Biden own the largest mansion in his state?',
        publisher: 'Example Fact Check',
        date: '2019-10-02',
        url: 'https://factcheck.example/reviews/mansion',
      },
    ]);
    expect(note!.rating).toEqual({ name: 'False', value: 1, best: 5, worst: 1 });
    expect(note!.provenance).toEqual({
      author: 'Example Fact Check',
      license: 'CC-BY-4.0',
      importedFrom: 'test.json',
    });
    expect(note!.reviewed).toBe('2019-10-02');
    expect(note!.body).toMatch(/rated it: False/);
    expect(note!.body).toMatch(/Made by A social media post \(2019-09-28\)/);
  });

  test('the same review gets the same id on every import', () => {
    expect(run(review()).dataset.notes[0]!.id).toBe(run([review()]).dataset.notes[0]!.id);
  });

  test('an array, a JSON-LD @graph and JSON Lines', () => {
    const two = [review(), review({ url: 'https://factcheck.example/2', claimReviewed: 'Another claim here.' })];
    expect(run(two).dataset.notes).toHaveLength(2);
    expect(
      run({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage', name: 'x' }, ...two] }).dataset.notes,
    ).toHaveLength(2);
    expect(run(two.map((r) => JSON.stringify(r)).join('\n')).dataset.notes).toHaveLength(2);
  });

  test('bad entries are skipped with a reason each; the good ones still come in', () => {
    const { dataset, skipped } = run(
      [
        review(),
        review({ claimReviewed: undefined, url: 'https://factcheck.example/3' }),
        review({ claimReviewed: 42, url: 'https://factcheck.example/4' }),
        review({ claimReviewed: 'x'.repeat(5000), url: 'https://factcheck.example/5' }),
        review({ claimReviewed: 'A <script>alert(1)</script> claim', url: 'https://factcheck.example/6' }),
        review({ headline: 'Bold <b>headline</b>', url: 'https://factcheck.example/7' }),
        review({ url: 'javascript:alert(1)', claimReviewed: 'Script address.' }),
        review({ reviewRating: 'False', url: 'https://factcheck.example/8' }),
        review({ datePublished: 'yesterday', url: 'https://factcheck.example/9' }),
        'just a string',
        review(),
      ]
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n{not json',
    );
    expect(dataset.notes).toHaveLength(1);
    expect(skipped.map((s) => s.reason)).toEqual([
      'no claimReviewed',
      'claimReviewed is not a string',
      'claimReviewed is longer than 2000 characters',
      'claimReviewed contains HTML',
      'headline contains HTML',
      'url is not an http(s) address',
      'reviewRating is not an object',
      'datePublished is not a date',
      'not an object',
      'the same claim and address as an earlier review',
      'not JSON',
    ]);
    expect(skipped[0]!.at).toBe('#2 (line 2)');
  });

  test('HTML entities count as markup too', () => {
    expect(run(review({ claimReviewed: 'Fish &amp; chips' })).skipped[0]!.reason).toBe('claimReviewed contains HTML');
  });

  test('input that is not JSON at all is an error', () => {
    expect(() => run('hello')).toThrow(ImportError);
    expect(parseInput('[]')).toEqual([]);
  });

  test('a file gloss import wrote reads back as it is', () => {
    const { dataset } = run([review()]);
    const again = readImportFile(JSON.stringify(dataset), { importedFrom: 'other.json' });
    expect(again.dataset).toEqual(dataset);
    const broken = readImportFile(
      JSON.stringify({
        ...dataset,
        notes: [
          { ...dataset.notes[0], body: '<p>x</p>' },
          { ...dataset.notes[0], title: 'A <a href="javascript:x">link</a>' },
          { ...dataset.notes[0], reviewed: 'soon' },
          dataset.notes[0],
        ],
      }),
      { importedFrom: 'x' },
    );
    expect(broken.dataset.notes).toHaveLength(1);
    expect(broken.skipped.map((s) => s.reason)).toEqual([
      'body contains HTML',
      'title contains HTML',
      'reviewed: a date as YYYY-MM-DD (or YYYY-MM, YYYY)',
    ]);
    expect(() => readImportFile('{"format":"gloss-imported-notes","version":2}', { importedFrom: 'x' })).toThrow(
      ImportError,
    );
  });
});

describe('imported claims in storage', () => {
  const dataset = (n: number, tag: string) =>
    run(
      Array.from({ length: n }, (_, i) =>
        review({
          url: `https://factcheck.example/${tag}/${i}`,
          claimReviewed: `Claim ${tag} number ${i} about ${tag}.`,
        }),
      ),
    ).dataset;

  test('add, list with provenance and count, match, remove', async () => {
    const backend = new MemoryBackend();
    const store = new ImportedClaims(backend);
    expect((await store.ready()).retriever.size).toBe(0);
    const record = await store.add({ ...dataset(3, 'volcano'), name: 'Volcano checks' });
    expect(record).toMatchObject({ name: 'Volcano checks', license: 'CC-BY-4.0', count: 3 });
    expect(record.publishers).toEqual(['Example Fact Check']);
    expect(await store.list()).toHaveLength(1);
    const { retriever } = await store.ready();
    expect(retriever.size).toBe(3);
    const [hit] = retriever.search('Claim volcano number 2 about volcano.');
    expect((await store.notes([hit!.id]))[0]!.sources[0]!.url).toBe('https://factcheck.example/volcano/2');
    await store.remove(record.id);
    expect(await store.list()).toEqual([]);
    expect((await store.ready()).retriever.size).toBe(0);
  });

  test('the index is stored once built and read back by a new worker without a rebuild', async () => {
    const backend = new MemoryBackend();
    const first = new ImportedClaims(backend);
    await first.add(dataset(50, 'tide'));
    const built = await first.ready();
    expect(built.restored).toBe(false);
    // A stopped and restarted service worker: a new object over the same storage.
    const second = new ImportedClaims(backend);
    const restored = await second.ready();
    expect(restored.restored).toBe(true);
    expect(restored.retriever.search('Claim tide number 7 about tide.')[0]!.url).toBe(
      'https://factcheck.example/tide/7',
    );
  });

  test('an import that fails halfway leaves the previous data and index intact', async () => {
    const backend = new MemoryBackend();
    const store = new ImportedClaims(backend);
    await store.add(dataset(5, 'moon'));
    await store.ready();
    const index = backend.index;
    backend.failAfter = 3;
    await expect(store.add(dataset(10, 'sun'))).rejects.toThrow(/Quota/);
    expect(await store.list()).toHaveLength(1);
    expect(backend.stored.size).toBe(5);
    expect(backend.index).toBe(index);
    const again = new ImportedClaims(backend);
    expect((await again.ready()).restored).toBe(true);
    expect((await again.ready()).retriever.size).toBe(5);
  });
});
