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
  if (!Number.isFinite(offset)) return null;
  // An end offset belongs to the character before it.
  const i = runAt(runs, edge === 'end' ? offset - 1 : offset);
  if (i < 0) return null;
  const run = runs[i]!;
  if (run.length <= 0) return null;
  const within = Math.min(Math.max((edge === 'end' ? offset - 1 : offset) - run.start, 0), run.length - 1);
  return [run.node, run.nodeStart + within + (edge === 'end' ? 1 : 0)];
}

// Text the reader types or that is code is never marked, whatever the extraction made of it.
const UNMARKED = 'input, textarea, select, code, pre, kbd, samp, [role="textbox"]';

/** Whether text in this node is the reader's own typing (an editable region or a form field) or code. */
export function isUnmarkable(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return false;
  if (el.closest(UNMARKED)) return true;
  // Browsers answer for contenteditable (inherited, "false" islands, "plaintext-only") and designMode at once.
  const editable = (el as HTMLElement).isContentEditable;
  if (typeof editable === 'boolean') return editable;
  const host = el.closest('[contenteditable]');
  return !!host && host.getAttribute('contenteditable')?.toLowerCase() !== 'false';
}

/**
 * A range over the text between two offsets, or null when the text has left the page, the offsets do not fit
 * the runs, or any of the text is editable or code.
 */
export function rangeFor(doc: Document, runs: readonly TextRun[], start: number, end: number): Range | null {
  if (!(end > start) || start < 0) return null;
  const first = runAt(runs, start);
  const last = runAt(runs, end - 1);
  const a = domPoint(runs, start, 'start');
  const b = domPoint(runs, end, 'end');
  if (!a || !b || !a[0].isConnected || !b[0].isConnected) return null;
  const seen = new Set<Node>();
  for (let i = Math.max(first, 0); i <= last; i++) {
    const node = runs[i]!.node;
    if (seen.has(node)) continue;
    seen.add(node);
    if (isUnmarkable(node)) return null;
  }
  try {
    const range = doc.createRange();
    range.setStart(a[0], Math.min(a[1], a[0].length));
    range.setEnd(b[0], Math.min(b[1], b[0].length));
    return range.collapsed ? null : range;
  } catch {
    return null;
  }
}

/** A stretch of the extracted text, as offsets: [start, end). */
export type Interval = readonly [number, number];

/**
 * The stretches of the extracted text that lie in the reader's own typing or in code, merged and in order: the
 * background leaves out any finding that touches one, as `rangeFor` would refuse to paint it.
 */
export function unmarkableIntervals(runs: readonly TextRun[]): Interval[] {
  const out: [number, number][] = [];
  // Neighbouring runs usually share a parent element: ask once per element.
  let lastParent: Element | null = null;
  let lastAnswer = false;
  for (const run of runs) {
    if (run.length <= 0) continue;
    const parent = run.node.parentElement;
    const unmarkable: boolean = parent && parent === lastParent ? lastAnswer : isUnmarkable(run.node);
    lastParent = parent;
    lastAnswer = unmarkable;
    if (!unmarkable) continue;
    const end = run.start + run.length;
    const prev = out[out.length - 1];
    if (prev && prev[1] >= run.start) prev[1] = Math.max(prev[1], end);
    else out.push([run.start, end]);
  }
  return out;
}

/** Whether [start, end) overlaps one of the intervals (sorted, disjoint). */
export function overlapsAny(intervals: readonly Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = intervals.length;
  // The first interval that ends after `start`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  const candidate = intervals[lo];
  return !!candidate && candidate[0] < end;
}
