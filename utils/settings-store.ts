/**
 * Preferences in `storage.sync` (they follow the reader between browsers), read through `readSettings` so
 * that an old or corrupt value never breaks anything: it is migrated or reset, and a reset leaves a notice in
 * `storage.local` for the popup and the options page to show.
 */
import { browser } from 'wxt/browser';
import { defaultSettings, readSettings, type Settings } from './settings';

export const SETTINGS_KEY = 'settings';
export const NOTICE_KEY = 'settingsNotice';

export async function loadSettings(): Promise<Settings> {
  let stored: unknown;
  try {
    stored = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    return defaultSettings();
  }
  const { settings, reset, migrated } = readSettings(stored);
  if (reset || migrated) {
    await browser.storage.sync.set({ [SETTINGS_KEY]: settings }).catch(() => undefined);
    if (reset)
      await browser.storage.local.set({ [NOTICE_KEY]: { message: reset, at: Date.now() } }).catch(() => undefined);
  }
  return settings;
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...change };
  await browser.storage.sync.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls back with the new settings whenever they change, in any context. Returns the unsubscribe function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (SETTINGS_KEY in changes) callback(readSettings(changes[SETTINGS_KEY]!.newValue).settings);
  };
  browser.storage.sync.onChanged.addListener(listener);
  return () => browser.storage.sync.onChanged.removeListener(listener);
}

export async function takeNotice(): Promise<string | null> {
  const stored = (await browser.storage.local.get(NOTICE_KEY).catch(() => ({}) as Record<string, unknown>))[
    NOTICE_KEY
  ] as { message?: string } | undefined;
  if (!stored?.message) return null;
  await browser.storage.local.remove(NOTICE_KEY).catch(() => undefined);
  return stored.message;
}
