/** The seed article end to end through the pipeline, against ../shared/seed/expectations.md. */
import { describe, expect, test } from 'vitest';
import { readDocument } from '@/utils/pipeline';
import { HAS_SEED, SEED_EXPECTED, SEED_HTML, SEED_URL, dataset, html, rules } from './helpers';

describe.skipIf(!HAS_SEED)('the seed article', () => {
  const result = readDocument(html(SEED_HTML), SEED_URL, rules, dataset.notes);
  const text = result.article!.text;
  // Findings that overlap the phrase's first occurrence.
  const at = (phrase: string) => {
    const start = text.indexOf(phrase);
    const end = start + phrase.length;
    return start < 0 ? [] : result.findings.filter((f) => f.start < end && f.end > start);
  };
  const categoriesOf = (phrase: string) => new Set(at(phrase).map((f) => f.category));

  test.each(SEED_EXPECTED)('%j is marked as %s', (phrase, category) => {
    expect(categoriesOf(phrase)).toContain(category);
  });

  test('the quote that closes in the next paragraph is one quote', () => {
    expect(
      result.findings.some((f) => f.category === 'scare-quotes' && f.text === '“opposition\n\norganizations”'),
    ).toBe(true);
  });

  test('nothing in the Mnuchin quotation is the writer’s phrasing', () => {
    const start = text.indexOf('“We take Syria’s');
    const end = text.indexOf('these atrocities”') + 'these atrocities”'.length;
    expect(start).toBeGreaterThan(0);
    expect(
      result.findings.filter(
        (f) => f.start < end && f.end > start && f.category !== 'claim-context' && f.category !== 'term-context',
      ),
    ).toEqual([]);
  });

  test('the claim note on Khan Shaykhun sits on the sentence with "supposedly"', () => {
    const supposedly = result.findings.find((f) => f.text === 'supposedly')!;
    const claim = result.findings.find((f) => f.noteId === 'claim/khan-shaykhun-sarin-2017')!;
    expect(claim.sentence).toBe(supposedly.sentence);
  });

  test('notes: both outlets, the three claims and the terms, with sources and review dates', () => {
    const ids = result.notes.map((n) => n.id);
    // The written note, and the site's published rating beside it.
    expect(result.outlet).toMatchObject({ noteId: 'outlet/global-research', domain: 'globalresearch.ca' });
    expect(result.outlet?.rating?.sets).toContain('Media Bias/Fact Check');
    expect(result.outlets.map((o) => o.noteId)).toEqual(['outlet/southfront']);
    for (const id of [
      'claim/khan-shaykhun-sarin-2017',
      'claim/shayrat-strike-2017',
      'claim/ofac-ssrc-sanctions-2017',
      'term/hayat-tahrir-al-sham',
      'term/tabqa',
      'outlet/global-research',
      'outlet/southfront',
    ])
      expect(ids).toContain(id);
    const khan = result.notes.find((n) => n.id === 'claim/khan-shaykhun-sarin-2017')!;
    expect(khan.body).toMatch(/Joint Investigative Mechanism/);
    expect(khan.body).toMatch(/OPCW/);
  });

  test('offsets index the extracted text', () => {
    for (const f of result.findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
});
