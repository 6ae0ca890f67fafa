/** The schema of a bundled note: dates that exist and are not in the future, sources with a publisher, a summary. */
import { describe, expect, test } from 'vitest';
import { isCalendarDate, isNotFuture, noteSchema, sentenceCount, importedClaimSchema } from '@/utils/dataset/schema';
import { auditNotes, isMirror, isOfficial } from '@/utils/dataset/audit';
import { resolve } from 'node:path';
import { loadNoteFiles } from '@/utils/dataset/load';
import { compileDataset } from '@/utils/dataset/compile';

const ROOT = resolve(import.meta.dirname, '../..');

const note = (change: Record<string, unknown> = {}) => ({
  id: 'claim/example',
  kind: 'claim',
  title: 'An example',
  summary: 'Investigators found one thing. The government denies it.',
  body: 'The body. This note does not cover what came after.',
  sources: [
    { title: 'The report', publisher: 'OPCW', date: '2017-06-29', url: 'https://www.opcw.org/report' },
    { title: 'A wire report', publisher: 'Reuters', date: '2017-06', url: 'https://www.reuters.com/x' },
  ],
  reviewed: '2026-12-01',
  lang: 'en',
  match: { claim: 'a claim', phrases: [['an', 'example']] },
  provenance: { author: 'Gloss contributors', license: 'CC-BY-4.0' },
  ...change,
});

const errors = (value: unknown) => {
  const parsed = noteSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('dates', () => {
  test.each([
    ['2017', true],
    ['2017-02', true],
    ['2017-02-28', true],
    ['2016-02-29', true],
    ['2000-02-29', true],
    ['2017-12-31', true],
    ['2017-02-31', false],
    ['2017-02-29', false],
    ['1900-02-29', false],
    ['2026-13-45', false],
    ['2026-13', false],
    ['2026-00', false],
    ['2026-04-31', false],
    ['2026-04-00', false],
    ['17-04-01', false],
    ['2017/04/01', false],
  ])('%s exists: %s', (value, ok) => {
    expect(isCalendarDate(value)).toBe(ok);
  });

  test.each([
    ['2026-12-07', '2026-12-07', true],
    ['2026-12-08', '2026-12-07', false],
    ['2026-12', '2026-12-07', true],
    ['2027-01', '2026-12-31', false],
    ['2026', '2026-01-01', true],
    ['2027', '2026-12-31', false],
  ])('%s is not after %s: %s', (value, today, ok) => {
    expect(isNotFuture(value, today)).toBe(ok);
  });

  test('a note with an impossible or future date is refused, naming the field', () => {
    expect(errors(note())).toEqual([]);
    expect(errors(note({ reviewed: '2026-13-45' }))).toContain(
      'reviewed: a date that exists (month 01-12, a day the month has)',
    );
    expect(errors(note({ reviewed: '2017-02-31' }))).toEqual([expect.stringMatching(/^reviewed: a date that exists/)]);
    expect(errors(note({ reviewed: '2999-01-01' }))).toEqual(['reviewed: a date not in the future']);
    const sources = note().sources.map((s, i) => (i === 1 ? { ...s, date: '2017-02-31' } : s));
    expect(errors(note({ sources }))).toEqual([expect.stringMatching(/^sources\.1\.date: a date that exists/)]);
    const future = note().sources.map((s, i) => (i === 0 ? { ...s, date: '2999-05' } : s));
    expect(errors(note({ sources: future }))).toEqual(['sources.0.date: a date not in the future']);
  });

  test('a living page may be dated by the day it was read: a day that exists, not in the future', () => {
    const read = (accessed: string) =>
      note().sources.map((s, i) => (i === 1 ? { title: s.title, publisher: s.publisher, accessed, url: s.url } : s));
    expect(errors(note({ sources: read('2026-11-30') }))).toEqual([]);
    expect(errors(note({ sources: read('2026-11') }))).toEqual([
      'sources.1.accessed: the day it was read, as YYYY-MM-DD',
    ]);
    expect(errors(note({ sources: read('2026-02-30') }))).toEqual([
      expect.stringMatching(/^sources\.1\.accessed: a date that exists/),
    ]);
    expect(errors(note({ sources: read('2999-01-01') }))).toEqual(['sources.1.accessed: a date not in the future']);
  });

  test('the audit counts a source as dated by its date or the day it was read, and a review before either', () => {
    const src = (extra: Record<string, string>) => ({
      title: 't',
      publisher: 'p',
      url: 'https://example.org/',
      ...extra,
    });
    const audit = auditNotes([
      note({ sources: [src({ date: '2017' }), src({ accessed: '2026-11-30' }), src({})] }),
      note({ id: 'claim/read-after', sources: [src({ date: '2017' }), src({ accessed: '2026-12-02' })] }),
    ] as never);
    expect(audit.undated).toEqual(['claim/example: t']);
    expect(audit.consulted).toBe(2);
    expect(audit.reviewedBeforeSource).toEqual(['claim/read-after']);
  });

  test('an imported review with an impossible date is refused too', () => {
    const imported = {
      ...note({ summary: undefined }),
      sources: [{ title: 'x', url: 'https://example.org/', date: '2019-02-30' }],
      match: { claim: 'x', phrases: [] },
      provenance: { author: 'x', license: 'x', importedFrom: 'x.json' },
    };
    expect(importedClaimSchema.safeParse(imported).success).toBe(false);
    imported.sources[0]!.date = '2019-02-28';
    expect(importedClaimSchema.safeParse(imported).success).toBe(true);
  });
});

describe('a claim on which no official body has ruled', () => {
  const reason = 'No court, agency or inquiry has examined this rumour; it rests on a misread interview.';
  const press = [
    { title: 'A fact check', publisher: 'PolitiFact', date: '2020-05-20', url: 'https://www.politifact.com/x' },
    { title: 'A wire report', publisher: 'Reuters', date: '2020-04', url: 'https://www.reuters.com/x' },
  ];

  test.each([
    ['takes a reason in a sentence', { noIssuingBody: reason }, true],
    ['takes no field at all', {}, true],
    ['refuses a reason too short to say why', { noIssuingBody: 'none' }, false],
    ['refuses an empty reason', { noIssuingBody: '   ' }, false],
  ])('the schema %s', (_, change, valid) => {
    const found = errors(note({ sources: press, ...change }));
    if (valid) expect(found).toEqual([]);
    else expect(found).toContainEqual(expect.stringMatching(/^noIssuingBody: /));
  });

  test('only a claim note can say so', () => {
    const technique = {
      ...note({ id: 'technique/example', kind: 'technique', match: { category: 'doubt' } }),
      noIssuingBody: reason,
    };
    expect(errors(technique)).toEqual([expect.stringMatching(/noIssuingBody|Unrecognized key/)]);
  });

  test('the reason is for reviewers: the compiled index that cards are drawn from leaves it out', () => {
    const parsed = noteSchema.parse(note({ id: 'claim/rumour', sources: press, noIssuingBody: reason }));
    const compiled = compileDataset([parsed], { version: '1', date: '2026-12-07', license: 'CC-BY-4.0' });
    expect(compiled.notes['claim/rumour']).toBeDefined();
    expect(compiled.notes['claim/rumour']).not.toHaveProperty('noIssuingBody');
  });

  test('the audit lists it apart instead of asking for an official record, and flags a contradiction', () => {
    const audit = auditNotes([
      note({ id: 'claim/rumour', sources: press, noIssuingBody: reason }),
      note({ id: 'claim/no-record', sources: press }),
      note({ id: 'claim/contradicted', noIssuingBody: reason }),
      note({ id: 'claim/recorded' }),
    ] as never);
    expect(audit.noOfficial).toEqual(['claim/no-record']);
    expect(audit.noIssuingBody).toEqual([`claim/rumour: ${reason}`, `claim/contradicted: ${reason}`]);
    expect(audit.issuingBodyContradicted).toEqual(['claim/contradicted']);
  });
});

describe('sources and summaries', () => {
  test('a bundled note’s source names its publisher; an imported one may not know it', () => {
    const sources = note().sources.map((s, i) => (i === 0 ? { title: s.title, url: s.url, date: s.date } : s));
    expect(errors(note({ sources }))).toEqual([expect.stringMatching(/^sources\.0\.publisher/)]);
    const blank = note().sources.map((s, i) => (i === 0 ? { ...s, publisher: '  ' } : s));
    expect(errors(note({ sources: blank }))).toEqual(['sources.0.publisher: must not be empty']);
  });

  test('a bundled note has a summary of at most two sentences and 300 characters', () => {
    expect(errors(note({ summary: undefined }))).toEqual([expect.stringMatching(/^summary/)]);
    expect(errors(note({ summary: 'One. Two. Three.' }))).toEqual(['summary: at most two sentences']);
    expect(errors(note({ summary: 'x'.repeat(301) }))).toEqual(['summary: at most 300 characters']);
    expect(errors(note({ summary: 'The <b>report</b> says so.' }))).toEqual(['summary: plain text, not HTML']);
  });

  test.each([
    ['One sentence.', 1],
    ['The U.S. government said so. Russia denies it.', 2],
    ['Dr. Smith and J. Doe wrote it on 4 April 2017. It was cited.', 2],
    ["It said 'no.' Then it changed its view. Again.", 3],
    ['Who did it? Nobody knows.', 2],
    ['At 3.5 percent, it rose. It fell.', 2],
  ])('%s has %i sentence(s)', (text, n) => {
    expect(sentenceCount(text)).toBe(n);
  });
});

describe('the audit of the bundled notes', () => {
  const files = loadNoteFiles(resolve(ROOT, 'dataset'));
  const audit = auditNotes(files);

  test('tells mirrors and official records by their address', () => {
    expect(isMirror('https://docslib.org/doc/1/x')).toBe(true);
    expect(isMirror('https://www.opcw.org/x')).toBe(false);
    expect(isOfficial('https://www.opcw.org/x')).toBe(true);
    expect(isOfficial('https://documents.un.org/doc/x')).toBe(true);
    expect(isOfficial('https://home.treasury.gov/news/press-releases/sm0056')).toBe(true);
    expect(isOfficial('https://www.reuters.com/x')).toBe(false);
  });

  test.each([
    ['https://www.aklagare.se/nyheter-press/pressmeddelanden/2024/februari/x/', true],
    ['http://www.bailii.org/eu/cases/ECHR/2013/1003.html', true],
    ['https://hansard.parliament.uk/commons/2023-10-23/debates/x/IsraelAndGaza', true],
    ['https://press.un.org/en/2023/db230105.doc.htm', true],
    ['https://portal.ct.gov/dcj/latest-news/x', true],
    ['https://www.aklagare.se.example.com/x', false],
    ['https://notbailii.org/x', false],
    ['https://www.huffpost.com/entry/x', false],
  ])('%s is an official or court record: %s', (url, official) => {
    expect(isOfficial(url)).toBe(official);
  });

  test('every source of a claim note is dated or was read on a given day', () => {
    expect(audit.undated.filter((s) => s.startsWith('claim/'))).toEqual([]);
  });

  test('every note has a summary and every claim note at least two publishers', () => {
    for (const n of files) expect(n.summary, n.id).toBeTruthy();
    expect(audit.fewPublishers).toEqual([]);
  });

  test('every claim note says what it does not cover', () => {
    expect(audit.noScope.filter((id) => id.startsWith('claim/'))).toEqual([]);
  });

  test('a copy is cited only as a copy', () => {
    expect(audit.unnamedCopies).toEqual([]);
  });

  test('no note is dated before a source it cites', () => {
    expect(audit.reviewedBeforeSource).toEqual([]);
  });

  test('every claim note cites the issuing body or an official record, or says why none exists', () => {
    expect(audit.noOfficial).toEqual([]);
  });

  test('no claim note says no official body has ruled while citing an official record', () => {
    expect(audit.issuingBodyContradicted).toEqual([]);
  });
});
