/**
 * Unsupported claims: the check-worthiness model's features and pinned scores, the sentences the stage must
 * mark and must leave alone, attribution sentence by sentence, bad input, and the seed article.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { featureNames, featurize, shape, tokens, FEATURE_VERSION } from '@/utils/claims/features';
import { loadCheckworthy, type CheckworthyModel } from '@/utils/claims/model';
import { parseClaimsModel, bundledClaimsModel } from '@/utils/claims/model-file';
import { claimKind, findUnsupportedClaims } from '@/utils/claims';
import { unsupportedClaims } from '@/utils/claims/stage';
import { attributionOf } from '@/utils/analyze/attribution';
import { findQuotes } from '@/utils/text/quotes';
import { sentences } from '@/utils/text/segment';
import { readDocument, readText } from '@/utils/pipeline';
import type { ArticleInfo } from '@/utils/types';
import { HAS_SEED, ROOT, SEED_HTML, SEED_URL, dataset, html, rules } from './helpers';

const raw = JSON.parse(readFileSync(resolve(ROOT, 'dataset/models/checkworthy.json'), 'utf8')) as Record<
  string,
  unknown
>;
const model = loadCheckworthy(raw) as CheckworthyModel;

/** The findings in `text`, read as an article on its own. */
const claimsIn = (text: string) => findUnsupportedClaims(text, sentences(text), model);

describe('features', () => {
  test.each([
    ['1969', '<year>'],
    ['$4', '<money>'],
    ['3.5%', '<pct>'],
    ['2,000', '<num>'],
    ['21st', '<ord>'],
    ['Crime', 'crime'],
    ['don’t', "don't"],
  ])('%s reads as %s', (raw, shaped) => {
    expect(shape(raw)).toBe(shaped);
  });

  test('a sentence is its words, bigrams and cues', () => {
    const names = featureNames('Unemployment fell to 3.5 percent in 2019?');
    expect(tokens('Unemployment fell to 3.5 percent in 2019?')).toEqual([
      'unemployment',
      'fell',
      'to',
      '<num>',
      'percent',
      'in',
      '<year>',
    ]);
    for (const n of ['w:fell', 'b:to <num>', 'c:number', 'c:year', 'c:pct', 'c:comparative', 'c:question']) {
      expect(names).toContain(n);
    }
  });

  test('features are hashed into the spec’s buckets, sorted, and scaled by 1/√n', () => {
    const v = featurize('The city spent $4 million on the bridge.', { version: FEATURE_VERSION, bits: 18 });
    expect(v.indices.every((i) => i >= 0 && i < 1 << 18)).toBe(true);
    expect([...v.indices].sort((a, b) => a - b)).toEqual(v.indices);
    expect(v.values[0]).toBeCloseTo(1 / Math.sqrt(v.indices.length), 12);
  });
});

describe('the model file', () => {
  test('the committed model loads, with its header', () => {
    expect(typeof model).toBe('object');
    const header = raw.header as Record<string, unknown>;
    expect(header.model).toBe('checkworthy');
    expect(Object.keys(header.trainedOn as object)).toHaveLength(1);
    expect(JSON.stringify(header.script)).toMatch(/[0-9a-f]{64}/);
    expect(readFileSync(resolve(ROOT, 'dataset/models/checkworthy.json')).length).toBeLessThan(400_000);
    expect(typeof bundledClaimsModel()).toBe('object');
  });

  // Scores of the committed weights, to 4 decimals: a retrained model changes them, and this table with it.
  test.each([
    ['Unemployment fell to 3.5 percent last year, the lowest level since 1969.', 0.9848],
    ['The city spent $4 million on the new bridge in 2019.', 0.8108],
    ['The company laid off 2,000 workers after the merger.', 0.5782],
    ['The tax cut caused the deficit to triple.', 0.5801],
    ['Inflation will reach 10 percent by next year.', 0.8564],
    ['I think we need to do better for our children.', 0.0051],
    ['Thank you very much for having me tonight.', 0.0042],
    ['It was a sunny day.', 0.0973],
  ])('%j scores %d', (sentence, score) => {
    expect(model.score(sentence).toFixed(4)).toBe(score.toFixed(4));
  });

  // Which party or which candidate a sentence names is one shape to the model: the same sentence about the
  // other side scores the same.
  test.each([
    ['Democrats raised taxes on the middle class in 2010.', 'Republicans raised taxes on the middle class in 2010.'],
    ['Obama signed the bill into law in 2010.', 'Trump signed the bill into law in 2010.'],
    ["Clinton's plan would cost $1 trillion.", "Bush's plan would cost $1 trillion."],
    ['The Republican Party lost 63 seats.', 'The Democratic Party lost 63 seats.'],
  ])('%j scores as %j', (a, b) => {
    expect(model.score(a).toFixed(4)).toBe(model.score(b).toFixed(4));
  });

  test.each([
    ['Democrats', '<party>'],
    ["Republican's", '<party>'],
    ['Obama’s', '<leader>'],
    ['Trump', '<leader>'],
    ['democracy', 'democracy'],
    ['Senate', 'senate'],
  ])('the token %j reads as %j', (raw, form) => {
    expect(shape(raw)).toBe(form);
  });

  test('confidence is the calibration table’s precision, rising with the score', () => {
    const ps = [0.1, 0.3, 0.5, 0.7, 0.9, 0.99].map((s) => model.precisionAt(s));
    for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeGreaterThanOrEqual(ps[i - 1]!);
    expect(ps[5]!).toBeGreaterThan(0.9);
  });

  test.each([
    ['missing', undefined, /missing/],
    ['not a model', { header: { model: 'phrasing' } }, /not one/],
    ['another version', { ...raw, header: { ...(raw.header as object), version: 99 } }, /version 99/],
    ['truncated', { ...raw, weights: (raw.weights as number[]).slice(0, 10) }, /truncated/],
    ['a weight that is not a number', { ...raw, weights: ['x', ...(raw.weights as number[]).slice(1)] }, /truncated/],
  ])('a model file that is %s is refused with a reason', (_what, file, reason) => {
    expect(loadCheckworthy(file)).toMatch(reason);
  });

  test('a cut file is refused, and the stage is off with the reason, the rules still running', () => {
    const text = readFileSync(resolve(ROOT, 'dataset/models/checkworthy.json'), 'utf8');
    const cut = parseClaimsModel(text.slice(0, 1000));
    expect(cut).toMatch(/truncated/);
    const article: ArticleInfo = {
      title: '',
      byline: null,
      publisher: null,
      originalPublisher: null,
      published: null,
      lang: 'en',
      url: null,
      text: 'Unemployment fell to 3.5 percent last year. The plan is supposedly a success.',
    };
    const result = readText(article, null, rules, dataset.notes, { claims: cut });
    expect(result.reasons.join(' ')).toMatch(/unsupported claims: .*truncated/);
    expect(result.findings.some((f) => f.category === 'doubt')).toBe(true);
    expect(unsupportedClaims(article.text, sentences(article.text), cut, 0).findings).toEqual([]);
  });
});

describe('unsupported claims', () => {
  test.each([
    ['Unemployment fell to 3.5 percent last year, the lowest level since 1969.', 'number'],
    ['The city spent $4 million on the new bridge in 2019.', 'number'],
    ['Crime has doubled in the past ten years.', 'number'],
    ['The tax cut caused the deficit to triple.', 'causal'],
    ['Inflation will reach 10 percent by next year.', 'prediction'],
    ['Reports that the army controls the town are not confirmed by evidence.', 'event'],
    ['Current developments show that government forces will likely attempt to storm the town.', 'prediction'],
    ['The senator voted against the bill 14 times.', 'number'],
    // past tense in the main clause: news, not a caption, though it ends on a date
    ['Twelve people died when the bridge collapsed on November 1.', 'number'],
    // "Now that" and "Still" without a comma open the claim; they are not connectives to drop
    ['Now that the party controls the Senate, it has passed 12 bills in 2019.', 'number'],
  ])('%j is marked, as a claim of kind %s', (sentence, kind) => {
    const found = claimsIn(sentence);
    expect(found).toHaveLength(1);
    expect(found[0]!.category).toBe('unsupported-claim');
    expect(found[0]!.ruleId).toBe(`unsupported-claim.${kind}`);
    expect(found[0]!.explain).toMatch(/no source in this sentence or its paragraph/);
    expect(found[0]!.confidence).toBeGreaterThan(0.5);
    expect(found[0]!.confidence).toBeLessThanOrEqual(1);
  });

  test.each([
    // attributed
    ['Unemployment fell to 3.5 percent last year, the Labor Department said.'],
    ['According to the census, the city lost 40,000 residents between 2010 and 2020.'],
    ['Officials said the company laid off 2,000 workers after the merger.'],
    ['Police found no evidence of a break-in at the house.'],
    ['A court filing shows the company paid $3 million in fines in 2018.'],
    // a speaker's words
    ['“Crime has doubled in the past ten years,” the mayor said.'],
    ['“Unemployment fell to 3.5 percent last year, the lowest level since 1969.”'],
    // questions, opinions, courtesies, short lines
    ['Did crime double in the past ten years?'],
    ['Is unemployment at 3.5 percent, the lowest since 1969?'],
    ['I think we need to do better for our children.'],
    ['We should raise the minimum wage.'],
    ['Thank you very much for having me tonight.'],
    ['Up 4 percent.'],
    // captions
    ['Debris from the airliner is seen on November 1'],
    // page furniture and transcripts
    ['JUST WATCHED Obama: No evidence of 40 leaked files Replay More Videos'],
    ['He was handed a mess ... he kept it from getting worse ... 20 million jobs came back ... in 2012'],
    ['Hide Caption 3 of 9 Photos: Lautenberg meets with Sen. Tom Daschle on October 3, 2002'],
    // gallery captions whose past tense is in a clause of their own or a participle
    ['An item of clothing lies at the site where the plane crashed on October 31.'],
    ['Candles, toys, flowers and portraits are left at the airport outside St. Petersburg on November 1.'],
    // a cue of agreement or caution credits the claim
    ['Doctors at the city hospital concurred that the vaccine caused 3 deaths in 2019.'],
  ])('%j is left alone', (sentence) => {
    expect(claimsIn(sentence)).toEqual([]);
  });

  test('a source in the sentence before, in the same paragraph, covers the claim', () => {
    const text = 'The Labor Department reported on Friday that hiring slowed. Unemployment fell to 3.5 percent.';
    expect(claimsIn(text)).toEqual([]);
  });

  test('a source in the stretch around a claim covers it; one far away does not', () => {
    const filler = 'The weather was mild.';
    const claim = 'Unemployment fell to 3.5 percent last year, the lowest level since 1969.';
    const near = ['The minister said the figures were good.', filler, filler, claim].join('\n\n');
    expect(claimsIn(near)).toEqual([]);
    const far = ['The minister said the figures were good.', ...Array(14).fill(filler), claim].join('\n\n');
    expect(claimsIn(far).map((f) => f.text)).toEqual([claim.slice(0, -1)]);
  });

  test('a claim about the evidence needs its own source wherever it stands', () => {
    const text = [
      'The minister said the army was advancing.',
      'Reports that the army controls the town are not confirmed by evidence.',
    ].join('\n\n');
    expect(claimsIn(text).map((f) => f.ruleId)).toEqual(['unsupported-claim.event']);
  });

  test('a headline is a claim too; a headline that asks is not', () => {
    const body = '\n\nThe weather was mild.';
    expect(claimsIn('Unemployment Fell To 3.5 Percent, Lowest Since 1969' + body)).toHaveLength(1);
    expect(claimsIn('Did Unemployment Fall To 3.5 Percent?' + body)).toEqual([]);
  });

  test.each([
    ['Unemployment Fell To 3.5 Percent, Lowest Since 1969', 1],
    ["The city's 3 hospitals closed on Monday", 1],
    // a title that lists or invites asserts nothing
    ["The Tea Party's 5 biggest 2016 problems", 0],
    ['7 Policy Questions Ahead Of The 1st Democratic Presidential Debates', 0],
    ['Five takeaways from the Supreme Court announcement', 0],
    ['Meet The Candidates In 100 Words And 60 Seconds', 0],
  ])('the title %j: %i findings', (title, n) => {
    expect(claimsIn(title + '\n\nThe weather was mild.')).toHaveLength(n);
  });

  test('a sentence the page repeats (a headline, a gallery caption shown twice) is one finding', () => {
    const title = 'Unemployment Fell To 3.5 Percent, Lowest Since 1969';
    expect(claimsIn([title, title, 'The weather was mild.'].join('\n\n'))).toHaveLength(1);
  });

  test('a caption line followed by its photo credit is a caption; a paragraph before a credit is not', () => {
    const caption =
      'The chairman and the ranking member during the first public hearing held by the committee, November 13';
    expect(claimsIn([caption, '(Saul Loeb/Pool via Reuters)', 'The weather was mild.'].join('\n\n'))).toEqual([]);
    expect(claimsIn(`${caption}, 2019. (Saul Loeb/Pool via Reuters)\n\nThe weather was mild.`)).toEqual([]);
    const paragraph = 'Republicans won 63 seats in 2010, the largest swing since 1938. They took the House.';
    expect(claimsIn([paragraph, '(AP Photo/Evan Vucci)'].join('\n\n'))).toHaveLength(1);
  });

  test('a transcript laid out with speakers’ names on lines of their own is the speakers’ words', () => {
    const turn = 'Unemployment fell to 3.5 percent last year, the lowest level since 1969.';
    const transcript = [
      'How the tax bill passed',
      'The weather was mild.',
      'michael barbaro',
      'So what happened next?',
      'jim tankersley',
      turn,
      'archived recording (donald trump) We want a very big tax cut.',
      'michael barbaro',
      'Right.',
    ].join('\n\n');
    expect(claimsIn(transcript)).toEqual([]);
    // one lower-case line is no transcript
    expect(claimsIn(['The weather was mild.', 'what comes next', turn].join('\n\n'))).toHaveLength(1);
  });

  test('"for lack of evidence" reports why someone acted; a verdict on the evidence still needs its own source', () => {
    const said = 'The minister said the army was advancing.';
    expect(
      claimsIn([said, 'Prosecutors dropped charges against 14 officers for lack of evidence.'].join('\n\n')),
    ).toEqual([]);
    expect(
      claimsIn([said, 'There is no evidence that the mayor took $2 million from the fund.'].join('\n\n')).map(
        (f) => f.ruleId,
      ),
    ).toEqual(['unsupported-claim.number']);
  });

  test('the span is the claim, without its leading connective and closing stop, never the paragraph', () => {
    const text =
      'The weather was mild. But unemployment fell to 3.5 percent last year, the lowest since 1969. It rained.';
    const [f] = claimsIn(text);
    expect(f!.text).toBe('unemployment fell to 3.5 percent last year, the lowest since 1969');
    expect(text.slice(f!.start, f!.end)).toBe(f!.text);
  });

  test('the sensitivity floor leaves out findings below it', () => {
    const text = 'The company laid off 2,000 workers after the merger.';
    expect(findUnsupportedClaims(text, sentences(text), model, { threshold: 0.99 })).toEqual([]);
  });

  test.each([
    ['Prices will rise next year.', 'prediction'],
    ['The storm caused $2 billion in damage.', 'causal'],
    ['The mayor stole $2 million from the pension fund.', 'accusation'],
    ['The town has 4,000 residents.', 'number'],
    ['The bridge collapsed on Tuesday.', 'event'],
    // "lies" as "is located" is no accusation
    ['The town lies 40 miles north of the border.', 'number'],
    ['The minister lies to parliament about the contracts.', 'accusation'],
  ])('%j is a claim of kind %s', (sentence, kind) => {
    expect(claimKind(sentence)).toBe(kind);
  });
});

describe('attribution', () => {
  const read = (text: string) =>
    attributionOf(
      text,
      sentences(text),
      findQuotes(text).filter((q) => q.kind === 'speech'),
    ).map((a) => a.how);

  test.each([
    ['The minister said the army was advancing.', 'cue'],
    ['According to the report, 40 people died.', 'document'],
    ['Census data show the city lost 40,000 residents.', 'document'],
    ['Critics argue the plan will fail.', 'cue'],
    ['Trump fans insist the delegates are bound.', 'cue'],
    ['“We have no choice.”', 'quote'],
    ["We have no choice,'' he said.", 'cue'],
    ['The city lost 40,000 residents.', null],
    ['The bridge collapsed on Tuesday.', null],
  ])('%j: %s', (text, how) => {
    expect(read(text)).toEqual([how]);
  });

  test('a paraphrase that goes on from an attributed sentence is carried; a new paragraph is not', () => {
    expect(read('The report found 40 deaths. It also found 12 injuries.')).toEqual(['document', 'cue']);
    expect(read('The minister spoke on Monday. She also visited the port.')).toEqual([null, null]);
    expect(read('The minister told reporters the port was open. She also visited the port.')).toEqual([
      'cue',
      'carried',
    ]);
    expect(read('The minister told reporters the port was open.\n\nShe also visited the port.')).toEqual(['cue', null]);
  });

  test('a multi-sentence quotation is the speaker’s throughout', () => {
    expect(read('“We will win. We will rebuild. We will not back down,” she said.')).toEqual(['quote', 'quote', 'cue']);
  });

  test('a link in the sentence cites something', () => {
    const text = 'The city lost 40,000 residents. It rained.';
    expect(attributionOf(text, sentences(text), [], [{ start: 4, end: 8 }]).map((a) => a.how)).toEqual(['link', null]);
  });
});

describe('bad input', () => {
  const words = (n: number) =>
    Array.from({ length: n }, (_, i) => (i % 7 === 0 ? String(1900 + (i % 120)) : 'percent rose')).join(' ');
  test.each([
    ['a 5,000-word paragraph with no full stop', words(5000)],
    ['a list', '- 3 million jobs\n- 4 percent growth\n- 12 new bridges built in 2019\n- taxes cut by $2 billion'],
    ['a table', 'Year\tJobs\tGrowth\n2018\t3,000,000\t4%\n2019\t3,200,000\t3.5%\n2020\t2,100,000\t-3%'],
    ['a caption', 'Photo: Getty Images. Crowds gather in the square on Tuesday, March 3, 2020'],
    ['nothing', ''],
    ['white space', ' \n\n \t '],
    ['marks only', '“”“"‘’?!.'],
  ])('%s: never throws, never a span longer than a sentence', (_what, text) => {
    const spans = sentences(text);
    const found = findUnsupportedClaims(text, spans, model);
    for (const f of found) {
      const s = spans[f.sentence]!;
      expect(f.start).toBeGreaterThanOrEqual(s.start);
      expect(f.end).toBeLessThanOrEqual(s.end);
      expect(f.end - f.start).toBeLessThanOrEqual(1200);
    }
  });
});

describe.skipIf(!HAS_SEED)('the seed article', () => {
  const result = readDocument(html(SEED_HTML), SEED_URL, rules, dataset.notes, { claims: bundledClaimsModel() });
  const text = result.article!.text;
  const claims = result.findings.filter(
    (f) => f.category === 'unsupported-claim' && f.ruleId !== 'unsupported-claim.collapse',
  );
  const marked = (phrase: string) => {
    const start = text.indexOf(phrase);
    return start >= 0 && claims.some((f) => f.start <= start && f.end >= start + phrase.length);
  };

  test.each([
    'government forces will likely attempt to secure Buwaida and Markabah',
    'reports that the US-backed force is in control of over more than half of Tabqah are not confirmed by evidence',
  ])('the unsupported assertion %j is marked', (phrase) => {
    expect(marked(phrase)).toBe(true);
  });

  test('the attributed statements and the quotation are not', () => {
    for (const phrase of [
      'US Treasury Secretary Steven Mnuchin said',
      'We take Syria’s disregard',
      'alleging that the agency',
    ]) {
      const start = text.indexOf(phrase);
      expect(claims.some((f) => f.start < start + phrase.length && f.end > start)).toBe(false);
    }
  });
});
