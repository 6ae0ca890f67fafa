/**
 * Properties of the reading pipeline over random texts and random pages: it never throws, every offset is in
 * bounds and points at the text it claims, findings are sorted and well nested, and the same input always gives
 * the same output. Texts mix the phrases the rules look for with quotation marks of every kind, paragraph
 * breaks, abbreviations, emoji, astral letters, combining marks and right-to-left script.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzePhrasing, matchContext } from '@/utils/pipeline';
import { detectArticle } from '@/utils/detect';
import { extractArticle, type TextRun } from '@/utils/extract';
import { domPoint, rangeFor } from '@/utils/anchor';
import { CATEGORIES } from '@/utils/categories';
import { SENSITIVITIES, type Sensitivity } from '@/utils/sensitivity';
import type { Finding } from '@/utils/types';
import type { Span } from '@/utils/text/segment';
import { dataset, rules } from './helpers';

const SEED = Number(process.env.GLOSS_PROPERTY_SEED ?? 20261201);
const RUNS = Number(process.env.GLOSS_PROPERTY_RUNS ?? 150);
const params = { seed: SEED, numRuns: RUNS };

// --- texts ----------------------------------------------------------------------------------------------------

const PHRASES = [
  'so-called',
  'supposedly',
  'allegedly',
  'There is no doubt',
  'there are no doubts',
  'Sources say',
  'some unknown military sources',
  'experts say',
  'it is believed that',
  'clearly shows',
  'everyone knows',
  'regime',
  'brutal',
  'mainstream media',
  'total collapse',
  'unprecedented',
  'this looks like another attempt',
  'al-Qaeda-style',
  'Al Qaeda militant stronghold',
  'the collapse of',
  'were behind the attack',
  'threaten our way of life',
  'said',
  'according to',
  'Mr.',
  'U.S.',
  'Gen.',
  'the OPCW',
  'Khan Shaykhun',
  'sarin',
  'White Helmets',
];
const MARKS = ['“', '”', '"', '«', '»', '„', "'", '’', '‘', '(', ')', '—', '-', ':', ';', ',', '.', '!', '?', '…'];
const ODD = [
  '👩‍👩‍👧‍👦',
  '🇳🇿',
  '😀',
  '𝒯𝒾𝒹𝑒',
  'e\u0301',
  'A\u030a',
  'Z\u0351\u0352',
  'خطة الإصلاح',
  'שלום',
  '\u200f',
  '\u202b',
  '\u202c',
  '\u00a0',
  '\u200b',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\udfff',
  '<b>',
  '</script>',
  '&amp;',
];
const SPACE = [' ', ' ', ' ', '  ', '\n', '\n\n', '\t', ' \n ', '', ''];

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z]{1,9}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const articleText = fc
  .array(fc.tuple(piece, fc.constantFrom(...SPACE)), { maxLength: 80 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));
const sensitivity = fc.constantFrom(...(Object.keys(SENSITIVITIES) as Sensitivity[]));

// --- invariants -----------------------------------------------------------------------------------------------

function checkSentences(text: string, spans: Span[]) {
  let last = 0;
  for (const s of spans) {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    last = s.end;
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function checkFindings(text: string, spans: Span[], findings: Finding[]) {
  let prev: Finding | null = null;
  for (const f of findings) {
    expect(CATEGORIES).toContain(f.category);
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.text).toBe(text.slice(f.start, f.end));
    expect(f.confidence).toBeGreaterThanOrEqual(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
    expect(f.noteId).toBeTruthy();
    // Never half of a surrogate pair at either edge.
    expect(isLow(text.charCodeAt(f.start)) && isHigh(text.charCodeAt(f.start - 1))).toBe(false);
    expect(isHigh(text.charCodeAt(f.end - 1)) && isLow(text.charCodeAt(f.end))).toBe(false);
    // Inside the sentence it names: it starts there, and (scare quotes may run on into the next paragraph) ends there.
    const s = spans[f.sentence];
    expect(s, `sentence ${f.sentence} of ${spans.length}`).toBeDefined();
    expect(f.start).toBeGreaterThanOrEqual(s!.start);
    expect(f.start).toBeLessThan(s!.end);
    if (f.category !== 'scare-quotes') expect(f.end).toBeLessThanOrEqual(s!.end);
    // Sorted by start, longer first.
    if (prev) expect(prev.start < f.start || (prev.start === f.start && prev.end >= f.end)).toBe(true);
    prev = f;
  }
  // Findings of one category never overlap.
  for (const category of CATEGORIES) {
    const same = findings.filter((f) => f.category === category);
    for (let i = 1; i < same.length; i++) expect(same[i]!.start).toBeGreaterThanOrEqual(same[i - 1]!.end);
  }
}

// --- texts: analysis and notes --------------------------------------------------------------------------------

describe('the phrasing analysis over random texts', () => {
  test('never throws; offsets in bounds and exact; findings sorted, inside their sentence, not overlapping', () => {
    fc.assert(
      fc.property(articleText, sensitivity, (text, sens) => {
        const result = analyzePhrasing(text, 'en', rules, sens);
        checkSentences(text, result.sentences);
        checkFindings(text, result.sentences, result.findings);
      }),
      params,
    );
  });

  test('findings begin and end between grapheme clusters: a combining mark stays with its letter', () => {
    const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
    // Marks that join the character before them: combining accents, a variation selector, a zero-width joiner.
    const joined = fc
      .tuple(
        articleText,
        fc.constantFrom(...PHRASES),
        fc.constantFrom('\u0301', '\u0308', '\ufe0f', '\u200d'),
        articleText,
      )
      .map(([a, phrase, mark, b]) => `${a} ${phrase}${mark} ${b}`);
    fc.assert(
      fc.property(fc.oneof(articleText, joined), (text) => {
        const bounds = new Set([...graphemes.segment(text)].map((g) => g.index));
        bounds.add(text.length);
        for (const f of analyzePhrasing(text, 'en', rules, 'thorough').findings) {
          expect(bounds.has(f.start), `${JSON.stringify(f.text)} starts inside a cluster`).toBe(true);
          expect(bounds.has(f.end), `${JSON.stringify(f.text)} ends inside a cluster`).toBe(true);
        }
      }),
      params,
    );
  });

  test('is deterministic', () => {
    fc.assert(
      fc.property(articleText, sensitivity, (text, sens) => {
        // The voice is compared by its spans: its methods are closures, new on every read.
        const read = (r: ReturnType<typeof analyzePhrasing>) => ({
          ...r,
          read: r.read && { quotes: r.read.quotes, spans: r.read.voice.spans },
        });
        expect(read(analyzePhrasing(text, 'en', rules, sens))).toEqual(read(analyzePhrasing(text, 'en', rules, sens)));
      }),
      { ...params, numRuns: Math.ceil(RUNS / 3) },
    );
  });

  test('any language tag is fine: unknown ones give sentences and no phrasing findings', () => {
    const lang = fc.oneof(
      // What a page's lang attribute may say: tags, odd tags and things that are not tags at all.
      fc.constantFrom(
        'en',
        'en-GB',
        'EN',
        'en_US',
        'ar',
        'he',
        'de-CH',
        'zh-Hant-TW',
        '',
        ' ',
        'x',
        'i-default',
        'english',
      ),
      fc.constant(null),
    );
    fc.assert(
      fc.property(articleText, lang, (text, tag) => {
        const result = analyzePhrasing(text, tag, rules);
        checkSentences(text, result.sentences);
        checkFindings(text, result.sentences, result.findings);
      }),
      { ...params, numRuns: Math.ceil(RUNS / 3) },
    );
  });

  test('with the notes: still well formed, every finding names a note that is there', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const phrasing = analyzePhrasing(text, 'en', rules);
        const context = matchContext(
          text,
          phrasing.sentences,
          { byline: null, originalPublisher: null },
          'https://www.example.com/2026/11/story/',
          phrasing.findings,
          dataset.notes,
        );
        checkFindings(text, phrasing.sentences, context.findings);
        const ids = new Set(context.notes.map((n) => n.id));
        for (const f of context.findings) expect(ids, f.noteId).toContain(f.noteId);
        expect(
          matchContext(
            text,
            phrasing.sentences,
            { byline: null, originalPublisher: null },
            'https://www.example.com/2026/11/story/',
            phrasing.findings,
            dataset.notes,
          ),
        ).toEqual(context);
      }),
      { ...params, numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

// --- pages: detection, extraction, anchoring --------------------------------------------------------------------

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const BLOCKS = ['p', 'div', 'h1', 'h2', 'blockquote', 'li', 'pre', 'section', 'article', 'aside', 'nav', 'figure'];
const INLINE = ['span', 'a', 'b', 'em', 'i', 'strong', 'q', 'code', 'bdi', 'sup'];
const VOID = ['br', 'img', 'input', 'wbr', 'hr'];
const RAW = ['script', 'style', 'textarea', 'template', 'noscript'];
const CLASSES = ['', 'content', 'entry-content', 'comments', 'share', 'byline', 'ad', 'related', 'caption', 'story'];

const attributes = fc
  .record(
    {
      class: fc.constantFrom(...CLASSES),
      hidden: fc.boolean(),
      dir: fc.constantFrom('rtl', 'ltr', 'auto'),
      contenteditable: fc.constantFrom('true', 'false', ''),
      role: fc.constantFrom('navigation', 'main', 'dialog', 'note'),
    },
    { requiredKeys: [] },
  )
  .map((attrs) =>
    Object.entries(attrs)
      .filter(([k, v]) => v !== false && !(k === 'class' && v === ''))
      .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${v}"`))
      .join(''),
  );

const { tree } = fc.letrec<{ tree: string; node: string }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    articleText.map(escape),
    tie('node'),
    fc.constantFrom(...VOID).map((t) => `<${t}>`),
    fc.tuple(fc.constantFrom(...RAW), articleText).map(([t, s]) => `<${t}>${escape(s)}</${t}>`),
  ),
  node: fc
    .tuple(fc.constantFrom(...BLOCKS, ...INLINE), attributes, fc.array(tie('tree'), { maxLength: 5 }))
    .map(([tag, attrs, kids]) => `<${tag}${attrs}>${kids.join('')}</${tag}>`),
}));

const head = fc.record({
  og: fc.boolean(),
  ld: fc.constantFrom(
    '',
    '{"@type":"NewsArticle","headline":"A story"}',
    '{"@type":["Article","NewsArticle"],"author":[{"name":1}]}',
    '{"@graph":[{"@type":"NewsArticle"},null,3]}',
    '{not json',
    '[]',
    'null',
  ),
  lang: fc.constantFrom('en', 'ar', '', 'en-US'),
  title: articleText.map((t) => t.slice(0, 80)),
});

const page = fc
  .tuple(head, fc.array(tree, { minLength: 1, maxLength: 6 }))
  .map(([h, body]) =>
    [
      `<!doctype html><html${h.lang ? ` lang="${h.lang}"` : ''}><head><title>${escape(h.title)}</title>`,
      h.og ? '<meta property="og:type" content="article"><meta property="article:published_time" content="2026">' : '',
      h.ld ? `<script type="application/ld+json">${h.ld}</script>` : '',
      `</head><body><main>${body.join('')}</main></body></html>`,
    ].join(''),
  );

function checkRuns(text: string, runs: TextRun[]) {
  const covered = new Uint8Array(text.length);
  let last = 0;
  for (const run of runs) {
    expect(run.length).toBeGreaterThan(0);
    expect(run.start).toBeGreaterThanOrEqual(last);
    expect(run.start + run.length).toBeLessThanOrEqual(text.length);
    expect(run.nodeStart + run.length).toBeLessThanOrEqual(run.node.data.length);
    last = run.start + run.length;
    const mine = text.slice(run.start, run.start + run.length);
    const theirs = run.node.data.slice(run.nodeStart, run.nodeStart + run.length);
    // A collapsed run of white space maps to its first character.
    if (mine === ' ' && /^\s$/.test(theirs)) continue;
    expect(theirs).toBe(mine);
    covered.fill(1, run.start, run.start + run.length);
  }
  // What no run covers is a space standing for white space, or the line breaks between and inside blocks.
  for (let i = 0; i < text.length; i++) if (!covered[i]) expect(' \n').toContain(text[i]);
}

describe('detection and extraction over random pages', () => {
  test('linkedom (the command line): never throws; every character maps back to its text node', () => {
    fc.assert(
      fc.property(page, (html) => {
        const doc = parseHTML(html).document as unknown as Document;
        const url = 'https://www.example.com/2026/11/18/some-story-about-things/';
        const detection = detectArticle(doc, url);
        expect(typeof detection.isArticle).toBe('boolean');
        expect(detection.confidence).toBeGreaterThanOrEqual(0);
        expect(detection.confidence).toBeLessThanOrEqual(1);
        const extraction = extractArticle(doc, url);
        checkRuns(extraction.article.text, extraction.runs);
        const again = extractArticle(doc, url);
        expect(again.article).toEqual(extraction.article);
        expect(again.runs.map((r) => [r.start, r.nodeStart, r.length])).toEqual(
          extraction.runs.map((r) => [r.start, r.nodeStart, r.length]),
        );
      }),
      { ...params, numRuns: Math.ceil(RUNS / 2) },
    );
  });

  test('jsdom (a full DOM): findings anchor to ranges over exactly their text, never in editable text or code', () => {
    fc.assert(
      fc.property(page, (html) => {
        // The random style sheets are not CSS; jsdom's complaints about them are not the test's business.
        const doc = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
        const extraction = extractArticle(doc, null);
        const text = extraction.article.text;
        checkRuns(text, extraction.runs);
        const { findings } = analyzePhrasing(text, 'en', rules, 'thorough');
        for (const f of findings) {
          const range = rangeFor(doc, extraction.runs, f.start, f.end);
          if (!range) continue;
          expect(range.collapsed).toBe(false);
          const nodes = [range.startContainer, range.endContainer];
          for (const n of nodes) {
            const el = n.parentElement!;
            expect(el.closest('code, kbd, samp, input, textarea, select')).toBeNull();
            const editable = el.closest('[contenteditable]');
            if (editable) expect(editable.getAttribute('contenteditable')).toBe('false');
          }
          if (range.startContainer === range.endContainer)
            expect(range.toString().replace(/\s+/g, ' ')).toBe(f.text.replace(/\s+/g, ' '));
        }
      }),
      { ...params, numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

describe('anchoring with any offsets', () => {
  const runsOf = (doc: Document): TextRun[] => {
    const a = doc.createTextNode('Hello   world');
    const b = doc.createTextNode('again 😀 e\u0301');
    doc.body.append(a, b);
    return [
      { node: a, start: 0, nodeStart: 0, length: 5 },
      { node: a, start: 5, nodeStart: 5, length: 1 },
      { node: a, start: 6, nodeStart: 8, length: 5 },
      { node: b, start: 13, nodeStart: 0, length: b.length },
    ];
  };
  const offset = fc.oneof(
    fc.integer({ min: -5, max: 40 }),
    fc.constantFrom(NaN, Infinity, -Infinity, 0.5, 2 ** 31, -(2 ** 31)),
  );

  test('never throws; a range is null or lies within the text nodes', () => {
    const doc = new JSDOM('<body></body>').window.document;
    const runs = runsOf(doc);
    fc.assert(
      fc.property(offset, offset, (start, end) => {
        for (const edge of ['start', 'end'] as const) {
          const point = domPoint(runs, start, edge);
          if (point) {
            expect(point[1]).toBeGreaterThanOrEqual(0);
            expect(point[1]).toBeLessThanOrEqual(point[0].length);
          }
        }
        const range = rangeFor(doc, runs, start, end);
        if (range) {
          expect(end).toBeGreaterThan(start);
          expect(range.collapsed).toBe(false);
          expect(range.startOffset).toBeLessThanOrEqual((range.startContainer as Text).length);
          expect(range.endOffset).toBeLessThanOrEqual((range.endContainer as Text).length);
        }
        expect(rangeFor(doc, [], start, end)).toBeNull();
      }),
      params,
    );
  });
});
