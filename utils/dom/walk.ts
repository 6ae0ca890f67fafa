/** Small DOM helpers that work on the live page and on Node DOMs (linkedom) alike. */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * Elements whose text is never article prose. Inline code (`<code>`, `<kbd>`, `<samp>`) is read: it is part of a
 * sentence, and leaving it out cut words out of sentences (the highlighter never marks it; see utils/anchor.ts).
 */
export const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'BUTTON',
]);

export function tagOf(node: Node): string {
  return (node as Element).tagName?.toUpperCase() ?? '';
}

/**
 * Whitespace-collapsed text of an element, skipping script-like children. Iterative: deep pages are fine.
 * With `breaks`, a <br> stays a line break.
 */
export function textOf(root: Node, limit = Infinity, breaks = false): string {
  let out = '';
  const stack: Node[] = [root];
  while (stack.length && out.length < limit) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      out += (node as Text).data;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE || (node !== root && SKIPPED_TAGS.has(tagOf(node)))) continue;
    if (tagOf(node) === 'BR') {
      out += breaks ? '\n' : ' ';
      continue;
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return (breaks ? out.replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n') : out.replace(/\s+/g, ' ')).trim();
}

/** Length of the text inside links under `root`. */
export function linkTextLength(root: Element): number {
  let n = 0;
  for (const a of root.querySelectorAll('a')) n += textOf(a).length;
  return n;
}

export function metaContent(doc: Document, selector: string): string | null {
  const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return value ? value : null;
}

/**
 * Whether `b` comes after `a` in document order (and is not inside it). Computed from the tree itself, since
 * some Node DOMs (linkedom) answer `compareDocumentPosition` wrongly for nodes in different branches.
 */
export function comesAfter(a: Node, b: Node): boolean {
  const path = (n: Node) => {
    const p: Node[] = [];
    for (let x: Node | null = n; x; x = x.parentNode) p.unshift(x);
    return p;
  };
  const pa = path(a);
  const pb = path(b);
  if (pa[0] !== pb[0]) return false;
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  // One holds the other: `b` inside `a` is not after it; `a` inside `b` means `b` started first.
  if (i === pa.length || i === pb.length) return false;
  for (let x = pa[i]!.nextSibling; x; x = x.nextSibling) if (x === pb[i]) return true;
  return false;
}
