// @vitest-environment jsdom
/**
 * A stage that fails costs only what it produces: a note the card cannot show (bad data) leaves the card with
 * why the words were marked, a range the browser refuses leaves the other ranges painted, a page that
 * clears the highlight registry leaves nothing clickable; each failure is reported once, quietly (console.debug).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import { act } from 'preact/test-utils';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CardHost } from '@/entrypoints/content/card';
import { itemsAt, paint, type Painted } from '@/utils/paint';
import type { Finding, Note } from '@/utils/types';

const SEED = Number(process.env.GLOSS_PROPERTY_SEED ?? 20261201);

const ctx = {
  addEventListener: (target: EventTarget, type: string, handler: EventListener, options?: AddEventListenerOptions) =>
    target.addEventListener(type, handler, options),
} as unknown as ContentScriptContext;

const finding: Finding = {
  category: 'doubt',
  start: 0,
  end: 10,
  text: 'supposedly',
  noteId: 'technique/doubt',
  confidence: 0.8,
  ruleId: 'doubt.supposedly',
  explain: 'Casts doubt without saying why.',
  sentence: 0,
};

const goodNote: Note = {
  id: 'technique/doubt',
  kind: 'technique',
  title: 'Doubt-casting',
  body: 'Words that cast doubt.\n\nWithout saying why.',
  sources: [{ title: 'A source', url: 'https://example.org/' }],
  reviewed: '2026-12-01',
  lang: 'en',
  provenance: { author: 'Gloss', license: 'CC BY 4.0' },
};

// Layout is not jsdom's business: give ranges a box.
const box = { x: 10, y: 10, left: 10, top: 10, right: 110, bottom: 30, width: 100, height: 20 } as DOMRect;

beforeEach(() => {
  Range.prototype.getClientRects = () => [box] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => box;
  document.body.textContent = 'It was supposedly done.';
});
afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.querySelectorAll('gloss-card').forEach((e) => e.remove());
});

function anchor(): Range {
  const range = document.createRange();
  range.setStart(document.body.firstChild!, 7);
  range.setEnd(document.body.firstChild!, 17);
  return range;
}

function dialog(): Element | null {
  return document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role="dialog"]') ?? null;
}

describe('the note card with bad notes', () => {
  test('whatever the notes hold, the card opens with why the words were marked; one quiet report', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const field = fc.oneof(fc.anything(), fc.string());
    const badNote = fc.record(
      {
        id: fc.constant('technique/doubt'),
        kind: fc.oneof(fc.constantFrom('technique', 'claim', 'outlet', 'term', 'nonsense'), fc.anything()),
        title: field,
        body: field,
        sources: fc.oneof(fc.anything(), fc.array(fc.record({ title: field, url: field }, { requiredKeys: [] }))),
        reviewed: field,
        lang: field,
        rating: fc.oneof(fc.constant(undefined), fc.anything()),
        provenance: fc.oneof(fc.anything(), fc.record({ author: field, license: field }, { requiredKeys: [] })),
      },
      { requiredKeys: ['id'] },
    );
    const host = new CardHost(ctx);
    fc.assert(
      fc.property(badNote, fc.array(fc.string(), { maxLength: 3 }), (note, related) => {
        const notes = { 'technique/doubt': note as unknown as Note };
        expect(() => host.open({ findings: [finding], notes, related, focus: false }, anchor())).not.toThrow();
        const shown = dialog();
        expect(shown, 'the card is open').not.toBeNull();
        expect(shown!.textContent).toContain('Casts doubt without saying why.');
        expect(shown!.querySelector('.quote')?.textContent).toBe('supposedly');
        host.close();
      }),
      { seed: SEED, numRuns: 120 },
    );
    // Bad data was met (the first run already has notes without sources), and it was said once, not per card.
    expect(debug).toHaveBeenCalledTimes(1);
    expect(String(debug.mock.calls[0]![0])).toMatch(/^\[gloss\]/);
    expect(error).not.toHaveBeenCalled();
  });

  test('good notes are shown in full', () => {
    const host = new CardHost(ctx);
    host.open({ findings: [finding], notes: { 'technique/doubt': goodNote }, related: [], focus: false }, anchor());
    const shown = dialog()!;
    expect(shown.textContent).toContain('Doubt-casting');
    expect(shown.textContent).toContain('Without saying why.');
    // The sources are one action away, behind their count.
    act(() => shown.querySelector<HTMLButtonElement>('button.note-sources-label')!.click());
    expect(shown.querySelector('a')?.getAttribute('href')).toBe('https://example.org/');
    host.close();
    expect(document.querySelector('gloss-card')).toBeNull();
  });

  test('a host the page removed is replaced on the next open', () => {
    const host = new CardHost(ctx);
    const props = { findings: [finding], notes: { 'technique/doubt': goodNote }, related: [], focus: false };
    host.open(props, anchor());
    document.querySelector('gloss-card')!.remove();
    host.open(props, anchor());
    expect(dialog()).not.toBeNull();
    host.close();
  });
});

describe('painting when the browser or the page gets in the way', () => {
  class FakeHighlight extends Set<AbstractRange> {
    priority = 0;
    constructor(...ranges: AbstractRange[]) {
      super();
      for (const r of ranges) this.add(r);
    }
    override add(r: AbstractRange) {
      if ((r as Range).toString() === 'refused') throw new Error('the browser refuses this range');
      return super.add(r);
    }
  }

  beforeEach(() => {
    vi.stubGlobal('CSS', { highlights: new Map<string, FakeHighlight>() });
    vi.stubGlobal('Highlight', FakeHighlight);
  });
  afterEach(() => vi.unstubAllGlobals());

  function item(index: number, category: Painted['category'], text: string): Painted {
    const node = document.createTextNode(text);
    document.body.append(node);
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, text.length);
    return { index, category, range };
  }

  test('a range the browser refuses is left out; the rest are painted; one quiet report', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const items = [
      item(0, 'doubt', 'supposedly'),
      item(1, 'doubt', 'refused'),
      item(2, 'labeling', 'refused'),
      item(3, 'speculation', 'seems'),
    ];
    paint(items);
    paint(items);
    const registry = (globalThis as unknown as { CSS: { highlights: Map<string, FakeHighlight> } }).CSS.highlights;
    expect([...registry.keys()].sort()).toEqual(['gloss-doubt', 'gloss-speculation']);
    expect([...registry.get('gloss-doubt')!].map(String)).toEqual(['supposedly']);
    expect(debug.mock.calls.length).toBeLessThanOrEqual(1);
  });

  test('after the page clears the registry, nothing is clickable', () => {
    const items = [item(0, 'doubt', 'supposedly')];
    paint(items);
    expect(itemsAt(items, 50, 20)).toHaveLength(1);
    (globalThis as unknown as { CSS: { highlights: Map<string, FakeHighlight> } }).CSS.highlights.clear();
    expect(itemsAt(items, 50, 20)).toEqual([]);
  });
});

describe('the pipeline with a broken note index', () => {
  test('matching notes fails: the phrasing findings are still there, with no notes, reported once', async () => {
    const { analyzePhrasing, readText } = await import('@/utils/pipeline');
    const { dataset, rules } = await import('./helpers');
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const broken = { ...dataset.notes, claims: null, terms: 7 } as unknown as typeof dataset.notes;
    const article = {
      title: 'A story',
      byline: null,
      publisher: null,
      originalPublisher: null,
      published: null,
      lang: 'en',
      url: null,
      text: 'The plan was supposedly final. There is no doubt that it will pass.',
    };
    const phrasing = analyzePhrasing(article.text, 'en', rules).findings;
    expect(phrasing.map((f) => f.text)).toEqual(['supposedly', 'There is no doubt']);
    let result: ReturnType<typeof readText> | null = null;
    expect(() => (result = readText(article, 'https://www.example.com/2026/11/story/', rules, broken))).not.toThrow();
    expect(result!.findings).toEqual(phrasing);
    expect(result!.notes).toEqual([]);
    readText(article, 'https://www.example.com/2026/11/story/', rules, broken);
    expect(debug.mock.calls.length).toBeLessThanOrEqual(1);
  });
});
