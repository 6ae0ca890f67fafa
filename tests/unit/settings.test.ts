import { describe, expect, test } from 'vitest';
import { activeOn, defaultSettings, readSettings, siteMode, SETTINGS_VERSION } from '@/utils/settings';
import { readFeedback } from '@/utils/feedback';

describe('reading stored settings', () => {
  test('nothing stored: the defaults, no notice', () => {
    expect(readSettings(undefined)).toEqual({ settings: defaultSettings() });
  });

  test('the current version is read as it is', () => {
    const stored = { ...defaultSettings(), sensitivity: 'precise', theme: 'dark', sites: { 'example.com': 'never' } };
    const { settings, reset } = readSettings(stored);
    expect(reset).toBeUndefined();
    expect(settings).toMatchObject({ sensitivity: 'precise', theme: 'dark', sites: { 'example.com': 'never' } });
  });

  test('version 0 (no version; "level" and a list of disabled categories) is migrated', () => {
    const { settings, migrated, reset } = readSettings({ level: 'thorough', disabled: ['labeling', 'doubt'] });
    expect(migrated).toBe(true);
    expect(reset).toBeUndefined();
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.sensitivity).toBe('thorough');
    expect(settings.categories.labeling).toBe(false);
    expect(settings.categories.doubt).toBe(false);
    expect(settings.categories['scare-quotes']).toBe(true);
  });

  test.each([
    ['a string', 'garbage', /not an object/],
    ['an array', [1, 2], /not an object/],
    ['a newer version', { version: 99 }, /newer version/],
  ])('%s is reset whole, with a notice', (_what, stored, message) => {
    const { settings, reset } = readSettings(stored);
    expect(settings).toEqual(defaultSettings());
    expect(reset).toMatch(message);
  });

  test('broken fields are reset one by one and named in the notice', () => {
    const { settings, reset } = readSettings({
      version: 1,
      sensitivity: 42,
      theme: 'plaid',
      categories: { doubt: false, labeling: 'yes' },
      snoozeUntil: -5,
      sites: { 'good.example': 'always', 'bad host!': 'never', 'x.example': 'sometimes' },
    });
    expect(settings.sensitivity).toBe('balanced');
    expect(settings.theme).toBe('auto');
    expect(settings.categories.doubt).toBe(false);
    expect(settings.categories.labeling).toBe(true);
    expect(settings.snoozeUntil).toBe(0);
    expect(settings.sites).toEqual({ 'good.example': 'always' });
    for (const field of [
      'sensitivity',
      'theme',
      'categories.labeling',
      'snoozeUntil',
      'sites.bad host!',
      'sites.x.example',
    ])
      expect(reset).toContain(field);
  });
});

describe('where Gloss runs', () => {
  const base = defaultSettings();
  test.each([
    [{}, 'www.example.com', true, undefined],
    [{ sites: { 'example.com': 'never' } }, 'www.example.com', false, 'site'],
    [{ sites: { 'www.example.com': 'never' } }, 'example.com', true, undefined],
    [{ paused: true }, 'www.example.com', false, 'paused'],
    [{ snoozeUntil: 2_000 }, 'www.example.com', false, 'snoozed'],
    [{ snoozeUntil: 500 }, 'www.example.com', true, undefined],
  ] as const)('%j on %s', (change, host, on, why) => {
    expect(activeOn({ ...base, ...change } as typeof base, host, 1_000)).toEqual(why ? { on, why } : { on });
  });

  test('the nearest rule wins', () => {
    const s = { ...base, sites: { 'example.com': 'never', 'news.example.com': 'always' } } as typeof base;
    expect(siteMode(s, 'news.example.com')).toBe('always');
    expect(siteMode(s, 'www.example.com')).toBe('never');
    expect(siteMode(s, 'other.org')).toBeNull();
  });
});

describe('reading stored feedback', () => {
  const item = {
    kind: 'wrong',
    category: 'doubt',
    ruleId: 'doubt.supposedly',
    noteId: 'technique/doubt',
    text: 'x',
    url: 'u',
    at: 't',
  };
  test.each([
    [undefined, 0],
    ['junk', 0],
    [{ version: 1, items: [item, { kind: 'bogus' }, null] }, 1],
    [[item], 1], // the list stored bare, before it had a version
  ])('%j', (stored, count) => {
    expect(readFeedback(stored)).toHaveLength(count);
  });
});
