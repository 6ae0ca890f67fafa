import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, SETTINGS_VERSION, type Settings } from '@/utils/settings';
import {
  loadSettings,
  NOTICE_KEY,
  saveSettings,
  SETTINGS_KEY,
  takeNotice,
  watchSettings,
} from '@/utils/settings-store';

beforeEach(() => fakeBrowser.reset());

describe('watchSettings', () => {
  test('hears the settings change in sync storage, with the stored value read as settings', async () => {
    const heard: Settings[] = [];
    watchSettings((s) => heard.push(s));
    await saveSettings({ sensitivity: 'thorough' });
    expect(heard).toHaveLength(1);
    expect(heard[0]!.sensitivity).toBe('thorough');
    expect(heard[0]!.version).toBe(SETTINGS_VERSION);
  });

  // Every tab's content script watches the settings: the per-tab results the background keeps in session
  // storage, the feedback in local storage and other keys are not the settings changing.
  test('does not hear other storage areas or other keys', async () => {
    const heard: Settings[] = [];
    watchSettings((s) => heard.push(s));
    await fakeBrowser.storage.session.set({ 'tab:1': { url: 'https://example.org/' } });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { sensitivity: 'thorough' }, feedback: [] });
    await fakeBrowser.storage.sync.set({ somethingElse: 1 });
    expect(heard).toEqual([]);
  });

  test('stops hearing once unsubscribed', async () => {
    const heard: Settings[] = [];
    const stop = watchSettings((s) => heard.push(s));
    stop();
    await saveSettings({ sensitivity: 'precise' });
    expect(heard).toEqual([]);
  });

  test('a corrupt value arriving from another device is read as the defaults', async () => {
    const heard: Settings[] = [];
    watchSettings((s) => heard.push(s));
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: 'not settings' });
    expect(heard).toEqual([defaultSettings()]);
  });
});

describe('loadSettings', () => {
  test('nothing stored: the defaults, and nothing written', async () => {
    expect(await loadSettings()).toEqual(defaultSettings());
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  test('a corrupt value is reset, stored back, and leaves one notice for the popup', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: 42 });
    expect(await loadSettings()).toEqual(defaultSettings());
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(defaultSettings());
    expect(await takeNotice()).toMatch(/not an object/);
    expect(await takeNotice()).toBeNull();
    expect((await fakeBrowser.storage.local.get(NOTICE_KEY))[NOTICE_KEY]).toBeUndefined();
  });
});
