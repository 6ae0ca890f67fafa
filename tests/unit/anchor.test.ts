import { describe, expect, test } from 'vitest';
import { domPoint } from '@/utils/anchor';
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
