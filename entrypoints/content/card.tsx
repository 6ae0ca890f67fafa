/**
 * Hosts the note card: a <gloss-card> element with the card in its shadow root, placed beside the highlight
 * and kept inside the viewport. Page styles cannot reach into the shadow root; `:host { all: initial }`
 * stops inherited ones.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NoteCard, type CardProps } from '@/components/NoteCard';
import cardCss from '@/components/card.css?inline';

type OpenProps = Omit<CardProps, 'onClose'>;

export class CardHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;
  private anchor: Range | null = null;
  private returnFocus: Element | null = null;

  constructor(ctx: ContentScriptContext) {
    ctx.addEventListener(window, 'keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && this.host) this.close();
    });
    ctx.addEventListener(window, 'scroll', () => this.place(), { passive: true, capture: true });
    ctx.addEventListener(window, 'resize', () => this.place());
  }

  contains(target: EventTarget | null): boolean {
    return !!this.host && target instanceof Node && this.host.contains(target);
  }

  open(props: OpenProps, anchor: Range) {
    this.returnFocus = props.focus ? document.activeElement : null;
    if (!this.host) {
      this.host = document.createElement('gloss-card');
      this.root = this.host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = cardCss;
      this.mount = document.createElement('div');
      this.root.append(style, this.mount);
      document.documentElement.append(this.host);
    }
    this.anchor = anchor;
    render(<NoteCard {...props} onClose={() => this.close()} />, this.mount!);
    this.place();
  }

  close() {
    if (!this.host) return;
    render(null, this.mount!);
    this.host.remove();
    this.host = this.root = this.mount = null;
    this.anchor = null;
    if (this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    this.returnFocus = null;
  }

  /**
   * Below the highlight, or above it when there is more room there; the card's height is held to that room, so
   * it never covers the words it explains. Kept inside the viewport horizontally.
   */
  private place() {
    const card = this.root?.querySelector<HTMLElement>('.card');
    if (!card || !this.anchor) return;
    const rect = this.anchor.getClientRects()[0] ?? this.anchor.getBoundingClientRect();
    const { innerWidth: vw, innerHeight: vh } = window;
    const margin = 8;
    const below = vh - rect.bottom - 2 * margin;
    const above = rect.top - 2 * margin;
    const room = Math.max(below, above, 160);
    card.style.maxHeight = `${Math.round(Math.min(room, 560))}px`;
    const height = card.offsetHeight;
    const top = below >= height || below >= above ? rect.bottom + margin : rect.top - margin - height;
    const left = Math.max(margin, Math.min(rect.left, vw - card.offsetWidth - margin));
    card.style.top = `${Math.round(Math.max(margin, Math.min(top, vh - height - margin)))}px`;
    card.style.left = `${Math.round(left)}px`;
  }
}
