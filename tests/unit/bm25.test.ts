import { describe, expect, test } from 'vitest';
import {
  buildClaimIndex,
  calibrate,
  ClaimRetriever,
  DEFAULT_THRESHOLD,
  gramsOf,
  INDEX_VERSION,
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

  test('an index of an older layout is not taken for the current one', () => {
    const data = buildClaimIndex(claims);
    expect(data.version).toBe(INDEX_VERSION);
    expect(isClaimIndex({ ...data, version: INDEX_VERSION - 1 })).toBe(false);
    // Version 1 had no forward index and no grams.
    const { docStarts, forms, formIds, grams, gramStarts, gramIds, gramIdf, gramNorm, ...v1 } = data;
    expect([docStarts, forms, formIds, grams, gramStarts, gramIds, gramIdf, gramNorm]).toHaveLength(8);
    expect(isClaimIndex({ ...v1, version: 1 })).toBe(false);
    expect(isClaimIndex({ ...v1 })).toBe(false);
    // A damaged one (arrays that do not fit together) is not taken either.
    expect(isClaimIndex({ ...data, formIds: data.formIds.slice(1) })).toBe(false);
    expect(isClaimIndex({ ...data, formIds: Array.from(data.formIds) })).toBe(false);
    expect(isClaimIndex({ ...data, gramNorm: data.gramNorm.slice(1) })).toBe(false);
    expect(isClaimIndex({ ...data, gramStarts: data.gramStarts.slice(1) })).toBe(false);
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

describe('re-ranking by character 4-grams', () => {
  test('the grams of a word are padded', () => {
    expect(gramsOf('vaccin')).toEqual([' vac', 'vacc', 'acci', 'ccin', 'cin ']);
    expect(gramsOf('us')).toEqual([' us ']);
  });

  // The two claims tie on BM25 (the same words but one); only the grams tell "migrants" from "tourists".
  const tied: ClaimDoc[] = [
    { id: 'claim/tourists', claim: 'Tourists were photographed at the border crossing.' },
    { id: 'claim/immigrants', claim: 'Immigrants were photographed at the border crossing.' },
    { id: 'claim/other', claim: 'A bridge collapsed after heavy rain in the north.' },
  ];
  const data = buildClaimIndex(tied);

  test('a claim whose words share grams with the sentence moves up', () => {
    const query = 'Migrants photographed at the border crossing';
    const plain = new ClaimRetriever(data, { depth: 0 }).search(query, 2);
    expect(plain[0]!.bm25).toBeCloseTo(plain[1]!.bm25, 5);
    expect(plain[0]!.id).toBe('claim/tourists');
    const reranked = new ClaimRetriever(data).search(query, 2);
    expect(reranked.map((h) => h.id)).toEqual(['claim/immigrants', 'claim/tourists']);
    expect(reranked[0]!.rank).toBeGreaterThan(reranked[1]!.rank);
    // Tokens given directly (not from `queryTokens`): the grams of the stems stand in for the words as written.
    const stems = new ClaimRetriever(data).searchTokens(['migrant', 'photograph', 'border', 'cross'], 2);
    expect(stems.map((h) => h.id)).toEqual(['claim/immigrants', 'claim/tourists']);
  });

  test('re-ranking never brings in a claim below the threshold, and keeps the calibrated scores', () => {
    const retriever = new ClaimRetriever(data);
    const query = 'Migrants photographed at the border crossing';
    const all = retriever.search(query, 5);
    const hits = retriever.search(query, 5, 0.8);
    expect(all.map((h) => h.id)).toEqual(['claim/immigrants', 'claim/tourists']);
    // Both have the same calibrated score (the same BM25), below 0.8: re-ranking does not lift one over it.
    expect(all[0]!.score).toBeCloseTo(all[1]!.score, 5);
    expect(all[0]!.score).toBeLessThan(0.8);
    expect(hits).toEqual([]);
    expect(retriever.search('Immigrants were photographed at the border crossing.', 1, 0.8)[0]?.score).toBeGreaterThan(
      0.9,
    );
  });

  test('16-bit form ids while the forms fit, 32-bit beyond', () => {
    expect(data.formIds).toBeInstanceOf(Uint16Array);
    // 700 claims of 100 words each never seen elsewhere: 70,000 forms.
    const wide: ClaimDoc[] = Array.from({ length: 700 }, (_, i) => ({
      id: `claim/w${i}`,
      claim: Array.from({ length: 100 }, (_, j) => `w${i}x${j}`).join(' '),
    }));
    const big = buildClaimIndex(wide);
    expect(big.forms.length).toBe(70_000);
    expect(big.formIds).toBeInstanceOf(Uint32Array);
    const restored = structuredClone(big);
    expect(isClaimIndex(restored)).toBe(true);
    expect(new ClaimRetriever(restored).search('w699x5 w699x7 w699x99 w5x1', 2)[0]?.id).toBe('claim/w699');
  });

  test('survives structured cloning: the same order after a restart', () => {
    const query = 'Migrants photographed at the border crossing';
    const restored = new ClaimRetriever(structuredClone(data));
    expect(restored.search(query, 2).map((h) => h.id)).toEqual(['claim/immigrants', 'claim/tourists']);
  });
});

describe('at the default threshold', () => {
  const retriever = new ClaimRetriever(buildClaimIndex(claims));
  test.each([
    ['Joe Biden owns the largest mansion in his state, a viral post says.', 'claim/a'],
    ['@JoeBiden owns the largest mansion in the state?', 'claim/a'],
    ['More people watched the #StateOfTheUnion address than the Super Bowl', 'claim/b'],
    ['ALDI gives free food to homeless people on Christmas Eve', 'claim/c'],
    ['This video shows a crowd in London chanting for the president pic.twitter.com/abc', 'claim/d'],
  ])('%s -> %s', (sentence, id) => {
    expect(retriever.search(sentence, 1, DEFAULT_THRESHOLD)[0]?.id).toBe(id);
  });

  test.each([
    'The president met the mayor of London on Tuesday.',
    'Food prices rose in the state last year, the statistics office said.',
    'Homeless shelters in the city were full over the holidays, volunteers said, and more beds were needed.',
    'Tickets for the final sold out within minutes, the league said on Monday.',
    'A crowd gathered outside the stadium before the match.',
  ])('no claim for: %s', (sentence) => {
    expect(retriever.search(sentence, 1, DEFAULT_THRESHOLD)).toEqual([]);
  });
});

describe('pruning with a threshold', () => {
  // A seeded index small enough that no word counts as common: pruning must then be exact.
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const vocabulary = Array.from({ length: 60 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`);
  const pick = () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]!;
  const docs: ClaimDoc[] = Array.from({ length: 90 }, (_, i) => ({
    id: `claim/p${i}`,
    claim: Array.from({ length: 3 + Math.floor(random() * 8) }, pick).join(' '),
  }));
  const retriever = new ClaimRetriever(buildClaimIndex(docs));

  test('finds exactly the claims an exhaustive search finds above the threshold', () => {
    for (let i = 0; i < 200; i++) {
      const sentence = Array.from({ length: 2 + Math.floor(random() * 12) }, pick).join(' ');
      for (const threshold of [0.3, DEFAULT_THRESHOLD, 0.8]) {
        const exhaustive = retriever
          .search(sentence, docs.length)
          .filter((h) => h.score >= threshold)
          .map((h) => h.id)
          .sort();
        const pruned = retriever.search(sentence, docs.length, threshold);
        expect(pruned.map((h) => h.id).sort()).toEqual(exhaustive);
        for (const h of pruned) expect(h.score).toBeGreaterThanOrEqual(threshold);
      }
    }
  });

  test('with common words: exactly the claims above the threshold that share a rarer word with the sentence', () => {
    // 400 claims over 30 words: the first words are in far more than 100 claims, so they are read only for the
    // claims that rarer words brought in, and those are dropped as soon as they cannot reach the threshold.
    const words = Array.from({ length: 30 }, (_, i) => `term${String.fromCharCode(97 + (i % 26))}${i}`);
    const draw = () => words[Math.floor(random() ** 3 * words.length)]!;
    const many: ClaimDoc[] = Array.from({ length: 400 }, (_, i) => ({
      id: `claim/c${i}`,
      claim: Array.from({ length: 3 + Math.floor(random() * 6) }, draw).join(' '),
    }));
    const index = buildClaimIndex(many);
    const big = new ClaimRetriever(index);
    const postings = (w: string) => {
      const t = index.terms.indexOf(tokenize(w)[0]!);
      return t < 0 ? 0 : index.offsets[t + 1]! - index.offsets[t]!;
    };
    const rare = new Set(words.filter((w) => postings(w) <= 100).map((w) => tokenize(w)[0]!));
    expect(rare.size).toBeGreaterThan(0);
    expect(rare.size).toBeLessThan(words.length);
    for (let i = 0; i < 150; i++) {
      const sentence = Array.from({ length: 2 + Math.floor(random() * 8) }, draw).join(' ');
      const shared = new Set(tokenize(sentence).filter((s) => rare.has(s)));
      for (const threshold of [0.3, DEFAULT_THRESHOLD]) {
        const expected = big
          .search(sentence, many.length)
          .filter((h) => h.score >= threshold && tokenize(many[h.doc]!.claim).some((s) => shared.has(s)))
          .map((h) => `${h.id} ${h.score.toFixed(5)}`)
          .sort();
        const found = big.search(sentence, many.length, threshold).map((h) => `${h.id} ${h.score.toFixed(5)}`);
        expect(found.sort()).toEqual(expected);
      }
    }
  });

  test('a word found in more than 100 claims (or 0.2%) brings in no claim on its own', () => {
    const many: ClaimDoc[] = Array.from({ length: 300 }, (_, i) => ({
      id: `claim/m${i}`,
      claim: i < 150 ? `volcano erupted near village${i}` : `river flooded town${i} fields${i}`,
    }));
    const big = new ClaimRetriever(buildClaimIndex(many));
    // "volcano" and "erupted" are in 150 claims: without a rarer word shared, nothing is looked up.
    expect(big.search('volcano erupted', 1, 0.3)).toEqual([]);
    expect(big.search('volcano erupted', 1)[0]?.id).toMatch(/^claim\/m/);
    expect(big.search('volcano erupted near village7', 1, DEFAULT_THRESHOLD)[0]?.id).toBe('claim/m7');
  });
});
