/** From offsets in the extracted text back to DOM ranges in the live page. */
import type { TextRun } from './extract';

/** The run holding offset `offset`, or for an offset between runs the last run before it. */
function runAt(runs: readonly TextRun[], offset: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

export function domPoint(runs: readonly TextRun[], offset: number, edge: 'start' | 'end'): [Text, number] | null {
  // An end offset belongs to the character before it.
  const i = runAt(runs, edge === 'end' ? offset - 1 : offset);
  if (i < 0) return null;
  const run = runs[i]!;
  const within = Math.min(Math.max((edge === 'end' ? offset - 1 : offset) - run.start, 0), run.length - 1);
  return [run.node, run.nodeStart + within + (edge === 'end' ? 1 : 0)];
}

/** A range over the text between two offsets, or null when the text has left the page. */
export function rangeFor(doc: Document, runs: readonly TextRun[], start: number, end: number): Range | null {
  if (end <= start) return null;
  const a = domPoint(runs, start, 'start');
  const b = domPoint(runs, end, 'end');
  if (!a || !b || !a[0].isConnected || !b[0].isConnected) return null;
  try {
    const range = doc.createRange();
    range.setStart(a[0], Math.min(a[1], a[0].length));
    range.setEnd(b[0], Math.min(b[1], b[0].length));
    return range.collapsed ? null : range;
  } catch {
    return null;
  }
}
