/**
 * Functions evaluated in the page's main world (they must be self-contained). Highlights registered by the
 * content script are visible there through `CSS.highlights`.
 */

/** Every Gloss highlight: its name and the text of each range. */
export function listHighlights(): [string, string[]][] {
  return [...CSS.highlights]
    .filter(([name]) => name.startsWith('gloss-'))
    .map(([name, h]) => [name, [...h].map((r) => r.toString())] as [string, string[]]);
}

/** For each highlighted range, the selector-ish path of the element it sits in. */
export function highlightContainers(): string[] {
  const out: string[] = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('gloss-')) continue;
    for (const abstract of h) {
      const r = abstract as Range;
      let el: Element | null =
        r.commonAncestorContainer instanceof Element
          ? r.commonAncestorContainer
          : r.commonAncestorContainer.parentElement;
      const path: string[] = [];
      while (el && el !== document.body) {
        path.unshift(
          el.tagName.toLowerCase() +
            (el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''),
        );
        el = el.parentElement;
      }
      out.push(path.join(' > '));
    }
  }
  return out;
}

/** Scrolls the highlighted range with this exact text into view and returns the centre of its first box. */
export function pointOfHighlight(args: { name: string; text: string }): { x: number; y: number } | null {
  const h = CSS.highlights.get(args.name);
  if (!h) return null;
  for (const r of h) {
    if ((r as Range).toString() !== args.text) continue;
    const range = r as Range;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    if (!rect) return null;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

/** The open note card's dialog: its text and accessible name, or null. */
export function cardState(): { text: string; label: string | null; role: string | null } | null {
  const host = document.querySelector('gloss-card');
  const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
  if (!dialog) return null;
  const labelId = dialog.getAttribute('aria-labelledby');
  const label = labelId ? (host!.shadowRoot!.getElementById(labelId)?.textContent ?? null) : null;
  return { text: dialog.textContent ?? '', label, role: dialog.getAttribute('role') };
}
