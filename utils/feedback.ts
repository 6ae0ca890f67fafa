/** The reader's feedback on highlights ("this highlight is wrong", "not helpful"): kept on this device only. */
import { browser } from 'wxt/browser';
import type { Finding } from './types';

export const FEEDBACK_KEY = 'feedback';
export const FEEDBACK_VERSION = 1;

export type FeedbackKind = 'wrong' | 'not-helpful';

export interface FeedbackItem {
  kind: FeedbackKind;
  category: Finding['category'];
  ruleId: string;
  noteId: string;
  text: string;
  /** The page it was given on, so the reader's export says where. */
  url: string;
  at: string;
}

interface Stored {
  version: typeof FEEDBACK_VERSION;
  items: FeedbackItem[];
}

const MAX_ITEMS = 5000;

/** Reads the stored list whatever state it is in; anything unreadable is dropped, never thrown. */
export function readFeedback(stored: unknown): FeedbackItem[] {
  const items = Array.isArray(stored)
    ? stored // before the list carried a version it was stored bare
    : (stored as Partial<Stored> | undefined)?.items;
  if (!Array.isArray(items)) return [];
  return items.filter(
    (i): i is FeedbackItem =>
      typeof i === 'object' &&
      i !== null &&
      (i.kind === 'wrong' || i.kind === 'not-helpful') &&
      typeof i.ruleId === 'string' &&
      typeof i.text === 'string',
  );
}

export async function loadFeedback(): Promise<FeedbackItem[]> {
  const stored = await browser.storage.local.get(FEEDBACK_KEY).catch(() => ({}) as Record<string, unknown>);
  return readFeedback(stored[FEEDBACK_KEY]);
}

export async function addFeedback(kind: FeedbackKind, finding: Finding, url: string): Promise<void> {
  const items = await loadFeedback();
  items.push({
    kind,
    category: finding.category,
    ruleId: finding.ruleId,
    noteId: finding.noteId,
    text: finding.text.slice(0, 500),
    url,
    at: new Date().toISOString(),
  });
  const value: Stored = { version: FEEDBACK_VERSION, items: items.slice(-MAX_ITEMS) };
  await browser.storage.local.set({ [FEEDBACK_KEY]: value });
}

export async function clearFeedback(): Promise<void> {
  await browser.storage.local.remove(FEEDBACK_KEY);
}
