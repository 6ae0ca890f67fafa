import { describe, expect, test } from 'vitest';
import { importClaimReview } from '@/utils/dataset/claimreview';
import { buildClaimIndex, INDEX_VERSION, type ClaimIndexData } from '@/utils/notes/bm25';
import { claimDocs } from '@/utils/notes/claims';
import { ImportedClaims, MemoryBackend } from '@/utils/notes/imported-store';

const dataset = (n: number, tag: string) =>
  importClaimReview(
    JSON.stringify(
      Array.from({ length: n }, (_, i) => ({
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        url: `https://factcheck.example/${tag}/${i}`,
        claimReviewed: `Claim ${tag} number ${i} about ${tag}.`,
        author: { '@type': 'Organization', name: 'Example Fact Check' },
      })),
    ),
    { importedFrom: 'test.json', license: 'CC-BY-4.0', today: '2026-12-01' },
  ).dataset;

/** The index as version 1 stored it: no forward index, no grams, and a key without the layout version. */
function versionOne(data: ClaimIndexData): unknown {
  const { docStarts, forms, formIds, grams, gramStarts, gramIds, gramIdf, gramNorm, ...rest } = data;
  void [docStarts, forms, formIds, grams, gramStarts, gramIds, gramIdf, gramNorm];
  return { ...rest, version: 1 };
}

describe('the stored index across versions', () => {
  test('the key carries the index layout version', async () => {
    const backend = new MemoryBackend();
    const store = new ImportedClaims(backend);
    await store.add(dataset(3, 'tide'));
    await store.ready();
    expect(backend.index?.key.startsWith(`v${INDEX_VERSION}|`)).toBe(true);
    expect(backend.index?.data.version).toBe(INDEX_VERSION);
  });

  test.each([
    ['an old key and an old layout', (key: string) => key.replace(/^v\d+\|/, '')],
    ['the current key over an old layout', (key: string) => key],
  ])('%s: rebuilt, stored again, and matching as before', async (_, keyOf) => {
    const backend = new MemoryBackend();
    const first = new ImportedClaims(backend);
    await first.add(dataset(20, 'tide'));
    await first.ready();
    const { key, data } = backend.index!;
    // What an extension of the previous version left in IndexedDB.
    backend.index = { key: keyOf(key), data: versionOne(data) as ClaimIndexData };

    const woken = new ImportedClaims(backend);
    const state = await woken.ready();
    expect(state.restored).toBe(false);
    expect(state.retriever.data.version).toBe(INDEX_VERSION);
    expect(state.retriever.search('Claim tide number 7 about tide.')[0]?.url).toBe('https://factcheck.example/tide/7');
    // Rebuilt once: the next worker reads it back.
    expect(backend.index?.key).toBe(key);
    expect((await new ImportedClaims(backend).ready()).restored).toBe(true);
  });

  test('an index built for other imports is not read back', async () => {
    const backend = new MemoryBackend();
    const store = new ImportedClaims(backend);
    await store.add(dataset(5, 'moon'));
    await store.ready();
    // Another set of claims stored under the current key: a stale cache must lose to the key of the imports.
    backend.index = {
      key: `v${INDEX_VERSION}|import-other`,
      data: buildClaimIndex(claimDocs(dataset(5, 'sun').notes)),
    };
    const state = await new ImportedClaims(backend).ready();
    expect(state.restored).toBe(false);
    expect(state.retriever.search('Claim moon number 3 about moon.')[0]?.url).toBe('https://factcheck.example/moon/3');
  });
});
