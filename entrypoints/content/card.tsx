/**
 * Hosts the note card: a <gloss-card> element with the card in its shadow root, placed beside the highlight
 * and kept inside the viewport. Page styles cannot reach into the shadow root, and the host's own box is pinned
 * with important `:host` rules, which win over anything the page says about the element (even `!important`).
 * A page that has taken the name gloss-card for an element of its own gets a host with a name it cannot know.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NoteCard, type CardProps } from '@/components/NoteCard';
import cardCss from '@/components/card.css?inline';
import { placeCard } from '@/utils/card-layout';

type OpenProps = Omit<CardProps, 'onClose'>;

// Whatever the page's style sheets or inline styles do to the host element, it stays a fixed, empty box on top.
// Written out minified: it is carried by the content script on every page.
const HOST_CSS =
  ':host{all:initial!important;display:block!important;position:fixed!important;top:0!important;left:0!important;' +
  'width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important;' +
  'visibility:visible!important;opacity:1!important;transform:none!important;filter:none!important;' +
  'pointer-events:auto!important;direction:ltr!important;unicode-bidi:isolate!important}';

let sheets: CSSStyleSheet[] | null = null;

/**
 * The card's styles as constructed style sheets, which a page's Content-Security-Policy does not govern (an
 * inline <style> it may refuse, with a message in the page's console). A <style> element only when the browser
 * will not adopt them.
 */
function style(root: ShadowRoot): void {
  try {
    if (!sheets) {
      sheets = [HOST_CSS, cardCss].map((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return sheet;
      });
    }
    root.adoptedStyleSheets = [...sheets];
    if (root.adoptedStyleSheets.length === sheets.length) return;
  } catch {
    // Fall through to an element.
  }
  const el = document.createElement('style');
  el.textContent = HOST_CSS + cardCss;
  root.append(el);
}

/** A host element with a fresh shadow root: gloss-card, or a gloss-card-… name if the page has claimed that one. */
function createHost(): { host: HTMLElement; root: ShadowRoot } | null {
  const names = ['gloss-card', `gloss-card-${Math.random().toString(36).slice(2, 10)}`];
  for (const name of names) {
    try {
      const host = document.createElement(name);
      // A custom element the page defined may already have a shadow root (attachShadow then throws) or may not
      // be a plain element at all.
      if (host.shadowRoot) continue;
      return { host, root: host.attachShadow({ mode: 'open' }) };
    } catch {
      // Try the next name.
    }
  }
  return null;
}

let reported = false;
function reportOnce(error: unknown) {
  if (reported) return;
  reported = true;
  console.debug('[gloss] the note card left out what it could not show:', error);
}

export class CardHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;
  /** The words the card explains: the first is the finding itself, the others the notes' words beside it. */
  private anchor: Range[] | null = null;
  private returnFocus: Element | null = null;

  private listening = false;

  constructor(private readonly ctx: ContentScriptContext) {}

  /** The keys, scrolls and resizes the card follows: heard from the first time it opens, never on other pages. */
  private listen() {
    if (this.listening) return;
    this.listening = true;
    this.ctx.addEventListener(window, 'keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && this.host) this.close();
    });
    this.ctx.addEventListener(window, 'scroll', () => this.place(), { passive: true, capture: true });
    this.ctx.addEventListener(window, 'resize', () => this.place());
  }

  contains(target: EventTarget | null): boolean {
    return !!this.host && target instanceof Node && this.host.contains(target);
  }

  /** The host element while the card is open. */
  get element(): HTMLElement | null {
    return this.host;
  }

  open(props: OpenProps, anchor: Range | Range[]) {
    this.listen();
    this.returnFocus = props.focus ? document.activeElement : null;
    if (!this.host || !this.host.isConnected) {
      if (this.host) this.discard();
      const made = createHost();
      if (!made) return;
      this.host = made.host;
      this.root = made.root;
      style(made.root);
      this.mount = document.createElement('div');
      this.root.append(this.mount);
      document.documentElement.append(this.host);
    }
    this.anchor = Array.isArray(anchor) ? anchor : [anchor];
    const onClose = () => this.close();
    try {
      render(<NoteCard {...props} onClose={onClose} />, this.mount!);
    } catch (error) {
      // A note that cannot be shown (bad data) costs the notes, not the card: why the words were marked stays.
      reportOnce(error);
      try {
        render(null, this.mount!);
        render(<NoteCard {...props} notes={{}} related={[]} onClose={onClose} />, this.mount!);
      } catch (again) {
        reportOnce(again);
        this.close();
        return;
      }
    }
    this.place();
  }

  close() {
    if (!this.host) return;
    this.discard();
    if (this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    this.returnFocus = null;
  }

  private discard() {
    try {
      if (this.mount) render(null, this.mount);
    } catch (error) {
      reportOnce(error);
    }
    this.host?.remove();
    this.host = this.root = this.mount = null;
    this.anchor = null;
  }

  /**
   * Below the highlight when the card fits there, above it when it fits there instead, otherwise on the side with
   * more room and no taller than that room (utils/card-layout.ts): it never covers the words it explains, and what
   * does not fit scrolls inside the card.
   */
  private place() {
    const card = this.root?.querySelector<HTMLElement>('.card');
    if (!card || !this.anchor?.length) return;
    // The whole of the marked words, on every line they run over; a range the page has since removed counts not.
    const rects = this.anchor.map((r) => r.getBoundingClientRect()).filter((r) => r.width || r.height);
    const first = this.anchor[0]!.getBoundingClientRect();
    const rect = rects.length
      ? {
          top: Math.min(...rects.map((r) => r.top)),
          bottom: Math.max(...rects.map((r) => r.bottom)),
          left: Math.min(...rects.map((r) => r.left)),
          right: Math.max(...rects.map((r) => r.right)),
        }
      : first;
    // The card's natural height: as tall as its content, before it is held to the room it gets. Measuring it
    // unclamps the scrolling part, so where the reader had scrolled to is put back afterwards.
    const scroller = card.querySelector<HTMLElement>('.card-scroll');
    const scrolled = scroller?.scrollTop ?? 0;
    card.style.maxHeight = 'none';
    card.style.top = '0px';
    card.style.bottom = 'auto';
    const natural = card.scrollHeight;
    const at = placeCard(
      { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right },
      { width: window.innerWidth, height: window.innerHeight },
      { height: natural, width: card.offsetWidth },
    );
    card.style.maxHeight = `${at.maxHeight}px`;
    card.style.left = `${at.left}px`;
    card.style.top = at.top === undefined ? 'auto' : `${at.top}px`;
    card.style.bottom = at.bottom === undefined ? 'auto' : `${at.bottom}px`;
    card.dataset.side = at.side;
    if (scroller && scrolled) scroller.scrollTop = scrolled;
  }
}
