/**
 * What a batch of DOM mutations did to the text a reader sees. A page that is being read keeps changing for reasons
 * that have nothing to do with its story (ads and their iframes, timers, counters, lazy images, class flips), and
 * reading the page again for each of those is the largest cost Gloss could put on it. Only a change that adds or
 * removes readable text is worth another read.
 */

// Elements whose content is not text a reader reads.
const SILENT = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'svg',
  'SVG',
  'CANVAS',
  'IMG',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'SOURCE',
  'LINK',
  'META',
  'OBJECT',
  'EMBED',
]);

// A node added or removed with more text than this is counted as this much: the question is only whether a change
// reaches a threshold, and reading a whole large subtree's text to find out by how much would cost what we save.
const CAP = 4096;

function textOf(node: Node, ignore?: (node: Node) => boolean): number {
  if (ignore?.(node)) return 0;
  if (node.nodeType === 3 /* TEXT_NODE */) return (node as Text).data.trim().length;
  if (node.nodeType !== 1 /* ELEMENT_NODE */) return 0;
  const el = node as Element;
  if (SILENT.has(el.tagName) || el.tagName.toLowerCase().startsWith('gloss-')) return 0;
  // textContent also counts the text of scripts and styles inside; an element that is mostly markup around them is
  // rare in a story and common in an ad, so those are taken out when there are any.
  const text = el.textContent ?? '';
  if (text.length > CAP) return CAP;
  let n = text.trim().length;
  if (n && el.querySelector('script, style, noscript, template')) {
    for (const s of el.querySelectorAll('script, style, noscript, template')) n -= (s.textContent ?? '').trim().length;
  }
  return Math.max(0, n);
}

/**
 * How many characters of readable text the mutations added or removed (capped per node). `ignore` leaves out
 * nodes that are Gloss's own. Record `characterData` with `characterDataOldValue` for text edited in place to count.
 */
export function textChange(records: readonly MutationRecord[], ignore?: (node: Node) => boolean): number {
  let n = 0;
  for (const r of records) {
    if (r.type === 'childList') {
      if (ignore?.(r.target)) continue;
      for (const node of r.addedNodes) n += textOf(node, ignore);
      for (const node of r.removedNodes) n += textOf(node, ignore);
    } else if (r.type === 'characterData') {
      const now = (r.target as CharacterData).data ?? '';
      const before = r.oldValue ?? '';
      if (now !== before) n += Math.max(1, Math.abs(now.trim().length - before.trim().length));
    }
  }
  return n;
}
