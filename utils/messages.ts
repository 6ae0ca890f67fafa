/** Messages between the extension's contexts, typed per direction. */
import type { ArticleInfo, Detection, Finding, Note, OutletContext, OutletRef, PageDetection } from './types';
import type { Category } from './categories';
import type { Interval } from './anchor';
import type { Sensitivity } from './sensitivity';
import type { ImportRecord } from './notes/imported-store';

/** What the background keeps for a tab and the popup shows. */
export interface TabState {
  url: string;
  detection: Detection;
  article: Omit<ArticleInfo, 'text'> | null;
  findings: Finding[];
  notes: Note[];
  /** The site's outlet note and its published rating, where either exists. */
  outlet: OutletContext | null;
  outlets: OutletRef[];
  /** Why Gloss is not reading this page although it could: switched off for the site, paused or snoozed. */
  inactive?: 'site' | 'paused' | 'snoozed';
}

/** Content script -> background. */
export type ContentToBackground =
  | {
      type: 'gloss:read';
      url: string;
      /** Detection's verdict and evidence, put into words by the background (`withReasons`). */
      detection: PageDetection;
      article: ArticleInfo;
      /** The reader's sensitivity setting and the categories switched off. */
      sensitivity: Sensitivity;
      hidden: Category[];
      /** Stretches of the text in editable regions or code, which are never marked. */
      unmarkable: Interval[];
    }
  | { type: 'gloss:not-article'; url: string; detection: PageDetection; inactive?: TabState['inactive'] }
  | { type: 'gloss:painted'; count: number };

/** Popup -> background. */
export type PopupToBackground = { type: 'gloss:get'; tabId: number };

/** Popup -> content script. */
export type PopupToContent = { type: 'gloss:focus'; index: number; keyboard: boolean };

/** Keyboard commands (manifest `commands`), forwarded by the background to the active tab. */
export type GlossCommand = 'toggle-page' | 'next-finding' | 'previous-finding';
export type CommandToContent = { type: 'gloss:command'; command: GlossCommand };

/**
 * Background -> content script, while a long article is read in slices: what the first slice holds (the top of
 * the article, the reader's first screen), to paint before the whole reply comes.
 */
export type FirstSliceToContent = { type: 'gloss:first-slice'; url: string; state: TabState };

export type BackgroundMessage = ContentToBackground | PopupToBackground;

export function isMessage<T extends { type: string }>(value: unknown, type: T['type']): value is T {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}

/** Options page -> background: the imported fact-check datasets. Every one is answered with an `ImportsReply`. */
export type OptionsToBackground =
  | { type: 'gloss:imports-list' }
  | {
      type: 'gloss:imports-add';
      /** The file's name, kept as the import's origin. */
      fileName: string;
      /** The file's content: ClaimReview JSON, JSON-LD or JSON Lines, or a file `gloss import` wrote. */
      text: string;
      /** The licence the user says the data is published under. */
      license?: string;
    }
  | { type: 'gloss:imports-remove'; id: string }
  /**
   * A ClaimReview file streamed in: begin (answered with a session), the reviews in batches as the options page
   * reads them, then commit (stored in one transaction, answered as an add) or abort. Nothing is stored before
   * the commit, so an import that fails halfway leaves nothing behind.
   */
  | { type: 'gloss:imports-begin'; fileName: string; license?: string }
  | { type: 'gloss:imports-batch'; session: string; entries: { value: unknown; at: string }[] }
  | { type: 'gloss:imports-commit'; session: string }
  | { type: 'gloss:imports-abort'; session: string };

/** One import as the options page lists it: the record the store keeps. */
export type ImportSummary = ImportRecord;

/** Background -> options page. */
export type ImportsReply =
  | {
      ok: true;
      imports: ImportSummary[];
      /** The retrieval index over all imports: how many claims, and whether it was read back or built. */
      index?: { claims: number; restored: boolean; ms: number };
      /** After an add: how many notes it brought and what was skipped, with a reason each. */
      added?: { id: string; count: number; skipped: { at: string; reason: string }[]; skippedCount: number };
      /** A streamed import: its session, and the reviews read, imported and skipped so far. */
      session?: string;
      progress?: { seen: number; imported: number; skipped: number };
    }
  | { ok: false; error: string; imports: ImportSummary[] };
