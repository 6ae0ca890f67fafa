// @vitest-environment jsdom
/**
 * Painting touches the highlight registry as little as it can: every `CSS.highlights.set` or `delete` makes the
 * browser recompute styles for the page, so a category whose ranges did not change is left alone, and a page
 * Gloss never painted is never touched.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { paint, unpaint, type Painted } from '@/utils/paint';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super();
    for (const r of ranges) this.add(r);
  }
}

class CountingRegistry extends Map<string, FakeHighlight> {
  writes: string[] = [];
  override set(name: string, h: FakeHighlight) {
    this.writes.push(`set ${name}`);
    return super.set(name, h);
  }
  override delete(name: string) {
    this.writes.push(`delete ${name}`);
    return super.delete(name);
  }
}

let registry: CountingRegistry;
beforeEach(() => {
  unpaint();
  registry = new CountingRegistry();
  vi.stubGlobal('CSS', { highlights: registry });
  vi.stubGlobal('Highlight', FakeHighlight);
});
afterEach(() => {
  unpaint();
  vi.unstubAllGlobals();
});

function item(index: number, category: Painted['category'], text: string): Painted {
  const node = document.createTextNode(text);
  document.body.append(node);
  const range = document.createRange();
  range.setStart(node, 0);
  range.setEnd(node, text.length);
  return { index, category, range };
}

describe('registry updates', () => {
  test('one write per painted category, none for the others', () => {
    paint([item(0, 'doubt', 'supposedly'), item(1, 'doubt', 'allegedly'), item(2, 'labeling', 'regime')]);
    expect(registry.writes.sort()).toEqual(['set gloss-doubt', 'set gloss-labeling']);
  });

  test('painting the same findings again writes nothing', () => {
    const items = [item(0, 'doubt', 'supposedly'), item(1, 'labeling', 'regime')];
    paint(items);
    registry.writes = [];
    paint(items);
    // New Range objects over the same text are the same highlight too.
    paint(items.map((i) => ({ ...i, range: i.range.cloneRange() })));
    expect(registry.writes).toEqual([]);
  });

  test('painted again over the same words, the items hold the ranges the highlight holds (a click finds them)', () => {
    const items = [item(0, 'doubt', 'supposedly')];
    paint(items);
    const again = items.map((i) => ({ ...i, range: i.range.cloneRange() }));
    paint(again);
    expect(registry.get('gloss-doubt')!.has(again[0]!.range)).toBe(true);
  });

  test('a change writes only the category that changed', () => {
    const a = item(0, 'doubt', 'supposedly');
    const b = item(1, 'labeling', 'regime');
    paint([a, b]);
    registry.writes = [];
    paint([a, b, item(2, 'labeling', 'junta')]);
    expect(registry.writes).toEqual(['set gloss-labeling']);
    registry.writes = [];
    paint([b]);
    expect(registry.writes.sort()).toEqual(['delete gloss-doubt', 'set gloss-labeling']);
  });

  test('a page that cleared the registry is painted again', () => {
    const items = [item(0, 'doubt', 'supposedly')];
    paint(items);
    registry.clear();
    registry.writes = [];
    paint(items);
    expect(registry.writes).toEqual(['set gloss-doubt']);
  });

  test('a gloss-* name the page took for itself is cleared, with one write', () => {
    registry.set('gloss-doubt', new FakeHighlight());
    registry.writes = [];
    paint([item(0, 'labeling', 'regime')]);
    expect(registry.writes.sort()).toEqual(['delete gloss-doubt', 'set gloss-labeling']);
  });

  test('unpaint deletes only what was painted; a page never painted is never touched', () => {
    unpaint();
    expect(registry.writes).toEqual([]);
    paint([item(0, 'doubt', 'supposedly')]);
    registry.writes = [];
    unpaint();
    expect(registry.writes).toEqual(['delete gloss-doubt']);
    registry.writes = [];
    unpaint();
    expect(registry.writes).toEqual([]);
  });

  test('a highlight the page registered under another name is left alone', () => {
    registry.set('page-own', new FakeHighlight());
    paint([item(0, 'doubt', 'supposedly')]);
    unpaint();
    expect(registry.has('page-own')).toBe(true);
  });
});
