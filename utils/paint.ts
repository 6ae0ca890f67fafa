/**
 * Painting with the CSS Custom Highlight API: one named highlight per category, so the page's DOM is never
 * touched. The look of each highlight is in entrypoints/content/highlights.css.
 */
import { CATEGORIES, highlightName, type Category } from './categories';

export interface Painted {
  index: number;
  category: Category;
  range: Range;
}

// Context underlines sit below phrasing colours where both cover the same words.
const PRIORITY: Partial<Record<Category, number>> = { 'claim-context': -2, 'term-context': -1 };

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

// What Gloss has registered, per category: each registry update makes the browser recompute styles, so a category
// whose ranges did not change is left as it is.
const registered = new Map<Category, Range[]>();

function sameRanges(a: readonly Range[] | undefined, b: readonly Range[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x !== y &&
      (x.startContainer !== y.startContainer ||
        x.startOffset !== y.startOffset ||
        x.endContainer !== y.endContainer ||
        x.endOffset !== y.endOffset)
    )
      return false;
  }
  return true;
}

/**
 * Registers one highlight per category, touching the registry only for the categories whose ranges changed. A range
 * the browser refuses is left out and the rest are still painted; the first such failure is reported once, quietly.
 */
export function paint(items: Painted[]): void {
  if (!supportsHighlights()) return;
  const by = new Map<Category, Range[]>();
  const itemsOf = new Map<Category, Painted[]>();
  for (const item of items) {
    const list = by.get(item.category) ?? [];
    list.push(item.range);
    by.set(item.category, list);
    const own = itemsOf.get(item.category) ?? [];
    own.push(item);
    itemsOf.set(item.category, own);
  }
  for (const category of CATEGORIES) {
    const ranges = by.get(category);
    const name = highlightName(category);
    try {
      if (!ranges?.length) {
        // The gloss-* names are Gloss's: one the page took for itself is cleared too.
        if (registered.delete(category) || CSS.highlights.has(name)) CSS.highlights.delete(name);
        continue;
      }
      // Still ours and unchanged: nothing to write. The items take the registered ranges, which are the ones the
      // highlight holds (a click is matched against those). A page may have cleared the registry meanwhile.
      const before = registered.get(category);
      if (before && sameRanges(before, ranges) && CSS.highlights.has(name)) {
        itemsOf.get(category)!.forEach((item, i) => (item.range = before[i]!));
        continue;
      }
      const highlight = build(ranges);
      if (!highlight.size) {
        if (registered.delete(category) || CSS.highlights.has(name)) CSS.highlights.delete(name);
        continue;
      }
      highlight.priority = PRIORITY[category] ?? 0;
      CSS.highlights.set(name, highlight);
      registered.set(category, ranges);
    } catch (error) {
      reportOnce(error);
    }
  }
}

function build(ranges: Range[]): Highlight {
  try {
    return new Highlight(...ranges);
  } catch (error) {
    reportOnce(error);
  }
  const highlight = new Highlight();
  for (const range of ranges) {
    try {
      highlight.add(range);
    } catch {
      // Left out; reported above.
    }
  }
  return highlight;
}

/** Takes down Gloss's highlights; a registry that holds none is not written to. */
export function unpaint(): void {
  if (!supportsHighlights()) return;
  for (const category of CATEGORIES) {
    const name = highlightName(category);
    try {
      if (registered.delete(category) || CSS.highlights.has(name)) CSS.highlights.delete(name);
    } catch (error) {
      reportOnce(error);
    }
  }
}

let reported = false;
function reportOnce(error: unknown) {
  if (reported) return;
  reported = true;
  console.debug('[gloss] could not paint every highlight:', error);
}

/**
 * Whether the item is still painted. A page may clear the highlight registry or replace a highlight; Gloss does
 * not fight it, and a mark that is no longer shown does not open a card either.
 */
function shown(item: Painted): boolean {
  try {
    return !!CSS.highlights.get(highlightName(item.category))?.has(item.range);
  } catch {
    return false;
  }
}

/** The painted items under a point of the viewport, innermost first. */
export function itemsAt(items: Painted[], x: number, y: number, doc: Document = document): Painted[] {
  const caret = caretAt(doc, x, y);
  const hits: Painted[] = [];
  if (!supportsHighlights()) return hits;
  for (const item of items) {
    if (!shown(item)) continue;
    if (caret && !safeInRange(item.range, caret[0], caret[1])) continue;
    // The caret sits at the nearest character; make sure the point is on the highlighted text itself.
    if (![...item.range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom))
      continue;
    hits.push(item);
  }
  return hits.sort(
    (a, b) =>
      (PRIORITY[b.category] ?? 0) - (PRIORITY[a.category] ?? 0) ||
      a.range.toString().length - b.range.toString().length,
  );
}

function safeInRange(range: Range, node: Node, offset: number): boolean {
  try {
    return range.isPointInRange(node, offset);
  } catch {
    return false;
  }
}

function caretAt(doc: Document, x: number, y: number): [Node, number] | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? [p.offsetNode, p.offset] : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? [r.startContainer, r.startOffset] : null;
}
