import { describe, expect, test } from 'vitest';
import { matchClaims, matchTerms, outletForHost, outletsByName } from '@/utils/notes/match';
import { sentences } from '@/utils/text/segment';
import { importClaimReview } from '@/utils/dataset/claimreview';
import { buildClaimIndex, ClaimRetriever } from '@/utils/notes/bm25';
import { claimDocs } from '@/utils/notes/claims';
import { matchContext } from '@/utils/pipeline';
import { dataset } from './helpers';

const notes = dataset.notes;
const claims = (text: string) => matchClaims(text, sentences(text), notes).map((f) => f.noteId);
const terms = (text: string) => matchTerms(text, sentences(text), notes).map((f) => [f.text, f.noteId]);

describe('claim notes', () => {
  test.each([
    [
      'The US struck after an alleged chemical attack supposedly conducted by the government in the province of Idlib.',
      'claim/khan-shaykhun-sarin-2017',
    ],
    ['Sarin was released at Khan Shaykhun on 4 April.', 'claim/khan-shaykhun-sarin-2017'],
    ['The US launched 59 Tomahawk cruise missiles at the Ash Sha’irat military airfield.', 'claim/shayrat-strike-2017'],
    [
      'OFAC issued sanctions against 271 employees of Syria’s Scientific Studies and Research Center.',
      'claim/ofac-ssrc-sanctions-2017',
    ],
  ])('%j', (text, id) => {
    expect(claims(text)).toContain(id);
  });

  test.each([
    'Chemical weapons are banned by a 1993 convention.',
    'The governor of Idlib province spoke to reporters.',
    'The council approved the budget on Tuesday.',
  ])('an ordinary sentence on the topic matches nothing: %j', (text) => {
    expect(claims(text)).toEqual([]);
  });

  test('one finding per claim and sentence, spanning the phrases that matched', () => {
    const text = 'After the chemical attack in Idlib, more chemical attacks in Idlib were feared.';
    const found = matchClaims(text, sentences(text), notes).filter(
      (f) => f.noteId === 'claim/khan-shaykhun-sarin-2017',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.text.startsWith('chemical attack')).toBe(true);
  });
});

describe('term notes', () => {
  test('the first mention of each term, in any spelling', () => {
    expect(terms('Forces of Hayat Tahrir al-Sham held the town. HTS denied it.')).toEqual([
      ['Hayat Tahrir al-Sham', 'term/hayat-tahrir-al-sham'],
    ]);
    expect(terms('Fighting went on in Tabqah.')).toEqual([['Tabqah', 'term/tabqa']]);
  });

  test('acronyms match in capitals only', () => {
    expect(terms('The hts value was logged.')).toEqual([]);
    expect(terms('HTS fighters withdrew.')).toEqual([['HTS', 'term/hayat-tahrir-al-sham']]);
  });
});

describe('outlet notes', () => {
  test.each([
    ['www.globalresearch.ca', 'outlet/global-research'],
    ['globalresearch.ca', 'outlet/global-research'],
    ['GLOBALRESEARCH.CA.', 'outlet/global-research'],
    ['southfront.org', 'outlet/southfront'],
    ['notglobalresearch.ca', null],
    ['globalresearch.ca.example.com', null],
    ['www.meridian-ledger.example', null],
  ])('%s', (host, id) => {
    expect(outletForHost(host, notes)?.noteId ?? null).toBe(id);
  });

  test('syndication names find the original publisher, not the site itself again', () => {
    expect(outletsByName(['South Front'], notes).map((o) => o.noteId)).toEqual(['outlet/southfront']);
    expect(outletsByName(['Global Research'], notes, 'outlet/global-research')).toEqual([]);
    expect(outletsByName([null, 'Jane Doe'], notes)).toEqual([]);
  });
});

describe('imported claims, by retrieval', () => {
  const imported = importClaimReview(
    JSON.stringify([
      {
        '@type': 'ClaimReview',
        url: 'https://factcheck.example/aldi',
        claimReviewed: 'ALDI offers free food to homeless people at its stores on Christmas Eve.',
        headline: 'Is ALDI offering homeless people free food on Christmas Eve?',
        author: { name: 'Example Fact Check' },
        reviewRating: { alternateName: 'False' },
      },
      {
        '@type': 'ClaimReview',
        url: 'https://factcheck.example/mansion',
        claimReviewed: 'Joe Biden owns the largest mansion in his state.',
        author: { name: 'Example Fact Check' },
      },
    ]),
    { importedFrom: 'test.json', today: '2026-12-01' },
  ).dataset.notes;
  const retriever = new ClaimRetriever(buildClaimIndex(claimDocs(imported)));
  const byId = new Map(imported.map((n) => [n.id, n]));

  test('a sentence making the claim gets the imported note, spanning the sentence', () => {
    const text =
      'The council met on Monday. ALDI is offering free food to homeless people on Christmas Eve, posts say.';
    const found = matchClaims(text, sentences(text), notes, { retriever });
    expect(found).toHaveLength(1);
    expect(found[0]!.noteId).toBe(imported[0]!.id);
    expect(found[0]!.ruleId).toBe('claim-context.retrieval');
    expect(found[0]!.text).toBe('ALDI is offering free food to homeless people on Christmas Eve, posts say.');
    expect(found[0]!.sentence).toBe(1);
    expect(found[0]!.confidence).toBeLessThan(0.9);
  });

  test('ordinary sentences stay clear, and the bundled phrase matches still attach as before', () => {
    const text = 'The store opens at nine. Sarin was released at Khan Shaykhun on 4 April.';
    const found = matchClaims(text, sentences(text), notes, { retriever });
    expect(found.map((f) => f.noteId)).toEqual(['claim/khan-shaykhun-sarin-2017']);
  });

  test('matchContext returns the imported note beside the bundled ones', () => {
    const text = 'Joe Biden owns the biggest mansion in his state, a viral post said.';
    const result = matchContext(text, sentences(text), { byline: null, originalPublisher: null }, null, [], notes, {
      retriever,
      notes: (id) => byId.get(id),
    });
    expect(result.notes.map((n) => n.id)).toEqual([imported[1]!.id]);
    expect(result.notes[0]!.sources[0]!.url).toBe('https://factcheck.example/mansion');
  });

  test('a page calling itself another outlet does not outrank its hostname', () => {
    const text = 'A story.';
    const result = matchContext(
      text,
      sentences(text),
      { byline: 'Reuters', originalPublisher: 'Reuters' },
      'https://news.globalresearch.ca/story',
      [],
      notes,
    );
    expect(result.outlet?.noteId).toBe('outlet/global-research');
    expect(result.outlets.map((o) => o.noteId)).toEqual(['outlet/reuters']);
  });
});
