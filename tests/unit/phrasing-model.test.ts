/** The phrasing model: its committed weights pinned, calibration, bad model files, and the seed article with it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeText } from '@/utils/analyze';
import {
  applyModel,
  calibrated,
  loadPhrasingModel,
  phrasingCandidates,
  rawScore,
  type PhrasingModel,
} from '@/utils/analyze/model';
import { analyzePhrasing, readDocument } from '@/utils/pipeline';
import { featureIndex } from '@/utils/analyze/model-features';
import { SENSITIVITIES } from '@/utils/sensitivity';
import { HAS_SEED, ROOT, SEED_EXPECTED, SEED_HTML, SEED_URL, dataset, english, html, rules } from './helpers';

const MODEL_TEXT = readFileSync(resolve(ROOT, 'dataset/models/phrasing.json'), 'utf8');
const loaded = loadPhrasingModel(MODEL_TEXT);
const model = loaded.model as PhrasingModel;

/** Every candidate of a text with its raw score, as "kind text score". */
function scores(text: string): string[] {
  const a = analyzeText(text, english, { threshold: 0 });
  const { candidates } = phrasingCandidates(
    text,
    a.sentences,
    a.quotes,
    a.findings,
    (s, e) => a.voice.isWriter(s, e),
    model.vocab,
  );
  return candidates.map(
    (c) => `${c.kind} ${text.slice(c.start, c.end).toLowerCase()} ${rawScore(model, c.kind, c.features).toFixed(4)}`,
  );
}

const PINNED: [string, string[]][] = [
  [
    'The senator gave a brazen, shameless speech.',
    ['rule brazen 0.8844', 'rule shameless speech 0.9155', 'word senator 0.0281', 'word gave 0.0547'],
  ],
  [
    'The council approved the budget on Tuesday after a short debate.',
    ['word council 0.0061', 'word approved 0.0029', 'word budget 0.0028', 'word short 0.0063', 'word debate 0.0044'],
  ],
  [
    'Democrats tried to spin the numbers to cover their disastrous failures.',
    [
      'rule disastrous failures 0.6289',
      'word democrats 0.0184',
      'word tried 0.0501',
      'word spin 0.0736',
      'word numbers 0.0358',
      'word cover 0.0414',
    ],
  ],
  ['The minister said the plan was “reckless” and a disgrace.', ['word minister 0.0025']],
  [
    'Gun-grabbing leftists are pushing their radical agenda on our children.',
    [
      'rule gun-grabbing 0.4658',
      'rule leftists 0.5791',
      'rule radical agenda 0.3489',
      'word pushing 0.0635',
      'word children 0.1135',
    ],
  ],
  [
    'The so-called “experts” have been wrong about everything, as usual.',
    [
      'rule “experts” 0.1338',
      'word so-called 0.2295',
      'word wrong 0.4585',
      'word everything 0.3560',
      'word usual 0.1781',
    ],
  ],
];

describe('the committed model', () => {
  test('loads', () => {
    expect(loaded.reason).toBeUndefined();
    expect(model.calibration.has('word')).toBe(true);
    expect(model.vocab.index.size).toBeGreaterThan(10_000);
  });

  // Scores pinned to four decimals: an export that changes behaviour changes these. After retraining on purpose,
  // print `scores(sentence)` for each sentence and update the table (and the figures in docs/design/phrasing.md).
  test.each(PINNED)('%j', (sentence, expected) => {
    expect(scores(sentence)).toEqual(expected);
  });
});

describe('calibration', () => {
  test('every table is a step function of the score: non-decreasing, within 0..1', () => {
    for (const [key, { scores: xs, precision }] of model.calibration) {
      for (let i = 1; i < xs.length; i++) {
        expect(xs[i]!, key).toBeGreaterThan(xs[i - 1]!);
        expect(precision[i]!, key).toBeGreaterThanOrEqual(precision[i - 1]!);
      }
      for (const p of precision) expect(p >= 0 && p <= 1, key).toBe(true);
    }
  });

  test.each([0, 0.1, 0.3, 0.5, 0.7, 0.9, 1])('calibrated(%d) rises with the score in every table', (x) => {
    for (const key of model.calibration.keys()) {
      expect(calibrated(model, key, x)).toBeLessThanOrEqual(calibrated(model, key, Math.min(1, x + 0.1)));
    }
  });

  test('a finding’s confidence is the calibrated precision at its score, and at least the setting’s floor', () => {
    const text =
      'The senator gave a brazen, shameless speech. Critics say the disastrous plan is a sham and a disgrace.';
    for (const [name, floor] of Object.entries(SENSITIVITIES)) {
      const { findings } = analyzePhrasing(text, 'en', rules, name as keyof typeof SENSITIVITIES, loaded);
      for (const f of findings) expect(f.confidence, `${name} ${f.text}`).toBeGreaterThanOrEqual(floor);
    }
  });

  test('a higher floor keeps a subset of what a lower one keeps', () => {
    const text = readFileSync(resolve(ROOT, 'demo/article.html'), 'utf8').replace(/<[^>]+>/g, ' ');
    const at = (s: keyof typeof SENSITIVITIES) =>
      new Set(analyzePhrasing(text, 'en', rules, s, loaded).findings.map((f) => `${f.start}:${f.category}`));
    const [precise, balanced, thorough] = [at('precise'), at('balanced'), at('thorough')];
    for (const k of precise) expect(balanced.has(k) || thorough.has(k)).toBe(true);
    expect(precise.size).toBeLessThanOrEqual(balanced.size);
    expect(balanced.size).toBeLessThanOrEqual(thorough.size);
  });
});

describe('a model file that cannot be used', () => {
  const file = JSON.parse(MODEL_TEXT) as Record<string, unknown> & { models: { rule: { weights: string } } };
  const damaged = JSON.parse(MODEL_TEXT) as typeof file;
  const w = damaged.models.rule.weights;
  damaged.models.rule.weights = (w[10] === 'A' ? 'B' : 'A') + w.slice(1, 10) + w.slice(11) + 'A';
  test.each([
    ['missing', undefined, 'missing'],
    ['empty', '', 'missing'],
    ['cut short', MODEL_TEXT.slice(0, MODEL_TEXT.length >> 1), 'cut short'],
    ['not a model', '{"hello": 1}', 'not a phrasing model'],
    ['another version', JSON.stringify({ ...file, version: 99 }), 'version 99'],
    ['other features', JSON.stringify({ ...file, featureSpec: 'phrasing-features/0' }), 'features'],
    ['damaged weights', JSON.stringify(damaged), 'damaged'],
    [
      'no vocabulary',
      JSON.stringify({ ...file, vocab: { words: 'a', cluster: '', prior: '', checksum: 0 } }),
      'word vectors',
    ],
  ])('%s: the model is off, says why, and the rules still run', (_name, raw, why) => {
    const bad = loadPhrasingModel(raw);
    expect(bad.model).toBeNull();
    expect(bad.reason).toContain(why);
    const text = 'Anonymous sources said the brazen plan was a sham.';
    const result = analyzePhrasing(text, 'en', rules, 'balanced', bad);
    expect(result.reasons).toEqual([bad.reason]);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings).toEqual(analyzePhrasing(text, 'en', rules, 'balanced').findings);
  });

  test('text of any size, script or encoding never throws', () => {
    const texts = [
      '',
      ' ',
      '\u0000\uFFFF\uD800 lone surrogate \uDC00',
      'İstanbul’da “büyük” bir skandal! Ğ',
      'Москва заявила, что это «провокация».',
      '“'.repeat(5000),
      'word '.repeat(60_000),
      'The brazen, shameless, disgraceful sham. '.repeat(2000),
      '中文文本，没有空格。“可耻的”谎言。',
    ];
    for (const t of texts) expect(() => analyzePhrasing(t, 'en', rules, 'thorough', loaded)).not.toThrow();
  });
});

describe.skipIf(!HAS_SEED)('the seed article with the model', () => {
  const result = readDocument(html(SEED_HTML), SEED_URL, rules, dataset.notes, { model: loaded });
  const text = result.article!.text;
  const at = (phrase: string) => {
    const start = text.indexOf(phrase);
    const end = start + phrase.length;
    return new Set(result.findings.filter((f) => f.start < end && f.end > start).map((f) => f.category));
  };
  test.each(SEED_EXPECTED)('%j is marked as %s', (phrase, category) => {
    expect(at(phrase)).toContain(category);
  });

  test('nothing in the Mnuchin quotation is the writer’s phrasing', () => {
    const start = text.indexOf('“We take Syria’s');
    const end = text.indexOf('these atrocities”') + 'these atrocities”'.length;
    expect(
      result.findings.filter(
        (f) => f.start < end && f.end > start && f.category !== 'claim-context' && f.category !== 'term-context',
      ),
    ).toEqual([]);
  });
});

describe('what the model proposes and what it leaves alone (default setting)', () => {
  const found = (text: string) => analyzePhrasing(text, 'en', rules, 'balanced', loaded).findings;

  test.each([
    'The council approved the budget on Tuesday after a short debate.',
    'The company reported revenue of $4.2 billion for the quarter, up 3 percent from a year earlier.',
    'Police said the driver was taken to a hospital with minor injuries.',
    'The senator, a Republican from Ohio, voted against the measure.',
    'Officials expect the bridge to reopen in March, the transport ministry said.',
    'The court will hear arguments in the case next month.',
  ])('wire copy: nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  test.each([
    ['“This is a disgraceful, shameless lie,” the minister said.', 'a speaker’s words'],
    ['She called the ruling a “big victory” for the workers.', 'a partial quotation'],
  ])('speech is the speaker’s: nothing in %j (%s)', (text) => {
    expect(found(text).filter((f) => f.category === 'loaded-language')).toEqual([]);
  });

  test.each([
    ['The senator gave a brazen, shameless speech.', 'brazen'],
    ['Their hypocrisy so far has been hapless.', 'hypocrisy'],
  ])('loaded wording in the writer’s voice is marked: %j', (text, word) => {
    expect(found(text).some((f) => f.category === 'loaded-language' && f.text.toLowerCase().includes(word))).toBe(true);
  });

  test('words the model proposes: neighbours joined, said to be the model’s, with the precision at their score', () => {
    // A copy of the model whose word weights favour two words strongly, to see the proposal mechanics.
    const w = Int8Array.from(model.weights.word.w);
    for (const word of ['shabby', 'bluster']) {
      const own = [`wfirst:${word}`, `ww:${word}`, `wsuf:${word.slice(-3)}`, `wpre:${word.slice(0, 4)}`];
      const e = model.vocab.index.get(word);
      if (e !== undefined) own.push(`wclu:${model.vocab.cluster[e]!}|pri:${model.vocab.prior[e]!}`);
      for (const f of own) w[featureIndex(f)] = 127;
    }
    const strong: PhrasingModel = { ...model, weights: { ...model.weights, word: { ...model.weights.word, w } } };
    const text = 'The governor answered with shabby bluster. Nobody else spoke.';
    const a = analyzeText(text, english, { threshold: 0 });
    const words = applyModel(text, a.sentences, a.quotes, a.findings, strong, { floor: 0.5 }, (x, y) =>
      a.voice.isWriter(x, y),
    ).filter((f) => f.ruleId === 'model.loaded-word');
    expect(words.map((f) => f.text)).toEqual(['shabby bluster']);
    expect(words[0]!.category).toBe('loaded-language');
    expect(words[0]!.explain).toContain('model');
    expect(words[0]!.confidence).toBeGreaterThanOrEqual(0.5);
    // The same words inside a speaker's quotation are never proposed.
    const quoted = '“The governor answered with shabby bluster,” she said.';
    const q = analyzeText(quoted, english, { threshold: 0 });
    expect(
      applyModel(quoted, q.sentences, q.quotes, q.findings, strong, { floor: 0.5 }, (x, y) => q.voice.isWriter(x, y)),
    ).toEqual([]);
  });
});
