import { describe, expect, test } from 'vitest';
import { importClaimReview, ImportError, ReviewCollector } from '@/utils/dataset/claimreview';
import { ReviewStream, streamFile, streamReviews } from '@/utils/dataset/review-stream';

const review = (n: number, over: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: `https://factcheck.example/reviews/${n}`,
  claimReviewed: `Claim number ${n} says ferry fares will double, with "quotes", a \\ backslash and ] [ } { inside.`,
  datePublished: '2024-03-02',
  author: { '@type': 'Organization', name: 'Example Fact Check' },
  reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
  ...over,
});
const item = (value: unknown) => ({ '@type': 'DataFeedItem', dateCreated: '2024-03-02', item: value });
const feed = (elements: unknown[]) => ({
  '@context': 'https://schema.org',
  '@type': 'DataFeed',
  name: 'Example feed',
  dataFeedElement: elements,
});

const options = { importedFrom: 'feed.json', license: 'CC-BY-4.0', today: '2026-12-01' };

/** The notes and skip reasons a streamed read gives, at a budget of `budget` characters a slice. */
function streamed(text: string, budget: number) {
  const stream = new ReviewStream(text);
  const collector = new ReviewCollector(options);
  do collector.add(stream.next(budget));
  while (!stream.done);
  return collector.result();
}

/** The same, read from a file `chunkBytes` at a time, as the options page reads it. */
async function fromFile(text: string, chunkBytes: number, budget = 64) {
  const collector = new ReviewCollector(options);
  for await (const { entries } of streamFile(new Blob([text]), { chunkBytes, budget, yieldTo: async () => {} }))
    collector.add(entries);
  return collector.result();
}

const ids = (r: ReturnType<typeof streamed>) => r.dataset.notes.map((n) => n.id);
const reasons = (r: ReturnType<typeof streamed>) => r.skipped.map((s) => s.reason);

const inputs: [string, string, number, string[]][] = [
  [
    'a DataFeed of DataFeedItems with one review each',
    JSON.stringify(feed([item(review(1)), item(review(2))]), null, 2),
    2,
    [],
  ],
  [
    'a DataFeed whose items hold lists of reviews',
    JSON.stringify(feed([item([review(1), review(2)]), item([review(3)])])),
    3,
    [],
  ],
  ['a DataFeed with reviews as its elements', JSON.stringify(feed([review(1), review(2)])), 2, []],
  [
    'a JSON-LD @graph',
    JSON.stringify({ '@context': 'https://schema.org', '@graph': [review(1), { '@type': 'WebPage' }, review(2)] }),
    2,
    [],
  ],
  ['an array', JSON.stringify([review(1), review(2), review(3)]), 3, []],
  ['one review', JSON.stringify(review(1), null, 2), 1, []],
  ['JSON Lines', [review(1), review(2), feed([item(review(3))])].map((r) => JSON.stringify(r)).join('\n'), 3, []],
  [
    'a feed with a review without a claim, a broken rating and an item without a review',
    JSON.stringify(
      feed([
        item(review(1)),
        item(review(2, { claimReviewed: undefined })),
        item(review(3, { reviewRating: 'five stars' })),
        item(review(4, { reviewRating: { ratingValue: 'high', alternateName: 'x' } })),
        { '@type': 'DataFeedItem', dateCreated: '2024-01-01' },
        item(review(5)),
      ]),
    ),
    2,
    [
      'no claimReviewed',
      'reviewRating is not an object',
      'reviewRating.ratingValue is not a number',
      'a feed item without a ClaimReview in its item',
    ],
  ],
  [
    'JSON Lines with a line that is not JSON and a number',
    [JSON.stringify(review(1)), '{"claimReviewed": ', '42', JSON.stringify(review(2))].join('\n'),
    2,
    ['not JSON', 'not an object'],
  ],
  [
    'an array with numbers and strings in it',
    `[${JSON.stringify(review(1))}, 7, "text", true, ${JSON.stringify(review(2))}, 8]`,
    2,
    ['not an object', 'not an object', 'not an object', 'not an object'],
  ],
];

describe('reading a ClaimReview file in slices', () => {
  test.each(inputs)('%s, from a file in chunks of any size', async (_, text, count, skipped) => {
    const whole = importClaimReview(text, options);
    for (const chunkBytes of [1, 5, 333, 1 << 20]) {
      const r = await fromFile(text, chunkBytes);
      expect(ids(r)).toEqual(ids(whole));
      expect(reasons(r)).toEqual(skipped);
      expect(r.dataset.notes.length).toBe(count);
    }
  });

  test('characters of several bytes split between chunks come out whole', async () => {
    const text = JSON.stringify(
      feed([item(review(1, { claimReviewed: 'Les “tarifs” du ferry doublent — é, ü, 日本, 🚢.' }))]),
    );
    const r = await fromFile(text, 3);
    expect(r.dataset.notes[0]!.match.claim).toBe('Les “tarifs” du ferry doublent — é, ü, 日本, 🚢.');
  });

  test.each([
    ['', 'the file is empty'],
    [JSON.stringify(feed([item(review(1)), item(review(2))])).slice(0, -40), 'ends in the middle'],
    ['hello there', 'not JSON'],
  ])('a file %j is refused as a whole: %s', async (text, words) => {
    await expect(fromFile(text, 7)).rejects.toThrow(words);
  });

  test.each(inputs)('%s', (_, text, count, skipped) => {
    const whole = importClaimReview(text, options);
    expect(whole.dataset.notes.length).toBe(count);
    expect(reasons(whole)).toEqual(skipped);
    // Whatever the slice size, the same notes and the same reasons as reading the file at once.
    for (const budget of [1, 7, 64, 100_000]) {
      const r = streamed(text, budget);
      expect(ids(r)).toEqual(ids(whole));
      expect(reasons(r)).toEqual(skipped);
    }
  });

  test('where a skipped entry sits: its line', () => {
    const text = JSON.stringify(feed([item(review(1)), item(review(2, { claimReviewed: '' }))]), null, 2);
    const r = streamed(text, 50);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.at).toMatch(/^#2 \(line \d+\)$/);
    const line = Number(/line (\d+)/.exec(r.skipped[0]!.at)![1]);
    expect(text.split('\n')[line - 1]).toMatch(/\{/);
  });

  test.each([
    ['', 'the file is empty'],
    ['   \n ', 'the file is empty'],
    [JSON.stringify(feed([item(review(1)), item(review(2))])).slice(0, -40), 'ends in the middle'],
    ['{"dataFeedElement": [}', 'does not match'],
    ['hello there', 'not JSON'],
    [JSON.stringify({ '@type': 'WebPage', name: 'x' }), 'no ClaimReview'],
  ])('%j is refused as a whole: %s', (text, words) => {
    expect(() => streamed(text, 16)).toThrow(ImportError);
    expect(() => streamed(text, 16)).toThrow(words);
  });

  test('a byte order mark is not part of the JSON', () => {
    expect(ids(streamed(`\uFEFF${JSON.stringify(feed([item(review(1))]))}`, 10))).toHaveLength(1);
  });

  test('streamReviews yields progress up to 1 and a turn between slices', async () => {
    const text = JSON.stringify(feed(Array.from({ length: 200 }, (_, i) => item(review(i)))));
    let turns = 0;
    const progress: number[] = [];
    const collector = new ReviewCollector(options);
    for await (const slice of streamReviews(text, { budget: 4096, yieldTo: async () => void turns++ })) {
      collector.add(slice.entries);
      progress.push(slice.progress);
    }
    expect(collector.result().dataset.notes).toHaveLength(200);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(turns).toBe(progress.length - 1);
    expect(turns).toBeGreaterThan(10);
  });
});
