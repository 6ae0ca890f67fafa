import { describe, expect, test } from 'vitest';
import {
  buildClaimIndex,
  calibrate,
  ClaimRetriever,
  DEFAULT_THRESHOLD,
  indexToJSON,
  isClaimIndex,
  type ClaimDoc,
} from '@/utils/notes/bm25';
import { stem, tokenize } from '@/utils/notes/tokenize';

const claims: ClaimDoc[] = [
  { id: 'claim/a', claim: 'Joe Biden owns the largest mansion in his state.', url: 'https://example.org/a' },
  { id: 'claim/b', claim: 'More people watched the State of the Union address than the Super Bowl.' },
  { id: 'claim/c', claim: 'ALDI offers free food to homeless people on Christmas Eve.', extra: ['ALDI free food'] },
  { id: 'claim/d', claim: 'A video shows a crowd in London chanting for the president.' },
];

describe('tokenize', () => {
  test('stems, folds case and accents, drops stop words, addresses and splits handles', () => {
    expect(tokenize('The Vaccines were vaccinated')).toEqual(['vaccin', 'vaccin']);
    expect(tokenize('Café at https://t.co/xyz pic.twitter.com/abc')).toEqual(['cafe']);
    expect(tokenize('@JoeBiden said #StateOfTheUnion')).toEqual(['joe', 'biden', 'said', 'state', 'union']);
  });

  test.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['hopping', 'hop'],
    ['relational', 'relat'],
    ['generalization', 'gener'],
    ['running', 'run'],
  ])('Porter: %s -> %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('the retrieval index', () => {
  const retriever = new ClaimRetriever(buildClaimIndex(claims));

  test('ranks the claim a sentence makes first, with its address', () => {
    const [best] = retriever.search('Biden lives in the biggest mansion in his state, they say.');
    expect(best?.id).toBe('claim/a');
    expect(best?.url).toBe('https://example.org/a');
    expect(retriever.search('The Super Bowl had fewer viewers than the State of the Union.')[0]?.id).toBe('claim/b');
  });

  test('the calibrated score is in [0, 1], high for the claim itself and nothing for an unrelated sentence', () => {
    const self = retriever.search(claims[2]!.claim)[0]!;
    expect(self.id).toBe('claim/c');
    expect(self.score).toBeGreaterThan(0.9);
    expect(self.score).toBeLessThanOrEqual(1);
    expect(retriever.search('The council approved the budget on Tuesday.', 5, DEFAULT_THRESHOLD)).toEqual([]);
    expect(calibrate(0, 1, 1)).toBe(0);
    expect(calibrate(5, 0, 1)).toBe(0);
  });

  test('a long sentence sharing a word or two stays below the threshold', () => {
    const long =
      'In London on Tuesday the mayor met transport officials, union leaders and residents to discuss fares, ' +
      'road closures and the new budget for the coming year.';
    expect(retriever.search(long, 5, DEFAULT_THRESHOLD)).toEqual([]);
  });

  test('top K keeps the best K by score, best first', () => {
    const hits = retriever.search('free food video crowd mansion Super Bowl', 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]!.bm25).toBeGreaterThanOrEqual(hits[1]!.bm25);
  });

  test('survives structured cloning (IndexedDB) and JSON', () => {
    const data = buildClaimIndex(claims);
    const cloned = structuredClone(data);
    expect(isClaimIndex(cloned)).toBe(true);
    expect(new ClaimRetriever(cloned).search(claims[0]!.claim)[0]?.id).toBe('claim/a');
    expect(isClaimIndex(JSON.parse(JSON.stringify(indexToJSON(data))))).toBe(false);
    expect(isClaimIndex({ format: 'gloss-bm25' })).toBe(false);
  });

  test('an empty index answers nothing', () => {
    expect(new ClaimRetriever(buildClaimIndex([])).search('anything at all here')).toEqual([]);
  });

  test('scales: 20,000 claims build in well under a few seconds and a query stays fast', () => {
    const words = 'vaccine border election mansion senator video photo crowd bank tweet police school fire'.split(' ');
    const many: ClaimDoc[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `claim/s${i}`,
      claim: `${words[i % 13]} ${words[(i * 7) % 13]} number${i} ${words[(i * 3) % 13]} item${i % 997}`,
    }));
    const start = performance.now();
    const big = new ClaimRetriever(buildClaimIndex(many));
    expect(performance.now() - start).toBeLessThan(5000);
    const q = performance.now();
    for (let i = 0; i < 50; i++) big.search(`the senator posted a video of the crowd number${i}`);
    expect((performance.now() - q) / 50).toBeLessThan(20);
    expect(big.search('number123 item123')[0]?.id).toBe('claim/s123');
  });
});
