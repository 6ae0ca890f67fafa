/**
 * A pointer cursor over highlights. Highlights cannot carry a cursor, so while the mouse is over one a
 * constructed stylesheet is adopted by the document: no element or attribute of the page changes.
 */
export class PointerCursor {
  private sheet: CSSStyleSheet | null = null;
  private on = false;

  set(on: boolean) {
    if (on === this.on) return;
    try {
      if (!this.sheet) {
        this.sheet = new CSSStyleSheet();
        this.sheet.replaceSync(':root, :root * { cursor: pointer !important; }');
      }
      const others = document.adoptedStyleSheets.filter((s) => s !== this.sheet);
      document.adoptedStyleSheets = on ? [...others, this.sheet] : others;
      this.on = on;
    } catch {
      // Some pages and browsers do not let a content script adopt sheets; the cursor stays as it is.
      this.on = on;
    }
  }
}
