/** Messages between the extension's contexts, typed per direction. */
import type { ArticleInfo, Detection, Finding, Note, OutletRef } from './types';
import type { Span } from './text/segment';

/** What the background keeps for a tab and the popup shows. */
export interface TabState {
  url: string;
  detection: Detection;
  article: Omit<ArticleInfo, 'text'> | null;
  findings: Finding[];
  notes: Note[];
  outlet: OutletRef | null;
  outlets: OutletRef[];
}

/** Content script -> background. */
export type ContentToBackground =
  | {
      type: 'gloss:read';
      url: string;
      detection: Detection;
      article: ArticleInfo;
      sentences: Span[];
      findings: Finding[];
    }
  | { type: 'gloss:not-article'; url: string; detection: Detection }
  | { type: 'gloss:painted'; count: number };

/** Popup -> background. */
export type PopupToBackground = { type: 'gloss:get'; tabId: number };

/** Popup -> content script. */
export type PopupToContent = { type: 'gloss:focus'; index: number; keyboard: boolean };

export type BackgroundMessage = ContentToBackground | PopupToBackground;

export function isMessage<T extends { type: string }>(value: unknown, type: T['type']): value is T {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}
