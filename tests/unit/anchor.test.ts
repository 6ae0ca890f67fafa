// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { domPoint, overlapsAny, unmarkableIntervals } from '@/utils/anchor';
import type { TextRun } from '@/utils/extract';

const node = (data: string) => ({ data, length: data.length, isConnected: true }) as unknown as Text;

describe('offsets back to DOM points', () => {
  const a = node('Hello   world');
  const b = node('again');
  // "Hello world\n\nagain": the collapsed space maps to the first space of the run of three.
  const runs: TextRun[] = [
    { node: a, start: 0, nodeStart: 0, length: 5 },
    { node: a, start: 5, nodeStart: 5, length: 1 },
    { node: a, start: 6, nodeStart: 8, length: 5 },
    { node: b, start: 13, nodeStart: 0, length: 5 },
  ];

  test.each([
    [0, 'start', a, 0],
    [6, 'start', a, 8],
    [11, 'end', a, 13],
    [13, 'start', b, 0],
    [18, 'end', b, 5],
    [5, 'end', a, 5],
  ] as const)('offset %i (%s)', (offset, edge, expectedNode, expectedOffset) => {
    expect(domPoint(runs, offset, edge)).toEqual([expectedNode, expectedOffset]);
  });

  test('no runs, no point', () => {
    expect(domPoint([], 3, 'start')).toBeNull();
  });
});

describe('text the reader types or that is code', () => {
  function runsOf(html: string) {
    document.body.innerHTML = html;
    const runs: TextRun[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let at = 0;
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      runs.push({ node: n, start: at, nodeStart: 0, length: n.length });
      at += n.length;
    }
    return runs;
  }

  test('is found, merged across neighbouring runs, and nothing else is', () => {
    const runs = runsOf(
      '<p>plain words</p><div contenteditable="true">typed <b>here</b></div><p>more</p><code>x = 1</code><p>end</p><pre>y</pre>',
    );
    const texts = runs.map((r) => r.node.data);
    expect(texts).toEqual(['plain words', 'typed ', 'here', 'more', 'x = 1', 'end', 'y']);
    const intervals = unmarkableIntervals(runs);
    // "typed " and "here" are one stretch (their runs touch); the code and the preformatted text are others.
    expect(intervals).toEqual([
      [runs[1]!.start, runs[1]!.start + 10],
      [runs[4]!.start, runs[4]!.start + 5],
      [runs[6]!.start, runs[6]!.start + 1],
    ]);
  });

  test('a page without any gives none', () => {
    expect(unmarkableIntervals(runsOf('<p>one</p><p>two</p>'))).toEqual([]);
  });

  test.each([
    [0, 5, false],
    [5, 10, true],
    [9, 12, true],
    [12, 20, false],
    [19, 21, true],
    [30, 40, false],
  ] as const)('[%i, %i) overlaps an interval: %s', (start, end, expected) => {
    expect(overlapsAny([[5, 12] as const, [20, 25] as const], start, end)).toBe(expected);
  });
});
