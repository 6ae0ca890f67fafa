/**
 * The reader's preferences: what they are, how older stored shapes are brought up to date, and what happens
 * to a value that cannot be read (it is reset, and the reset is reported so the reader can be told).
 */
import { CATEGORIES, type Category } from './categories';
import { DEFAULT_SENSITIVITY, SENSITIVITIES, type Sensitivity } from './sensitivity';

export const SETTINGS_VERSION = 1;

export type Theme = 'auto' | 'light' | 'dark';
export type SiteMode = 'always' | 'never';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  sensitivity: Sensitivity;
  /** Categories shown; a category missing here is shown. */
  categories: Record<Category, boolean>;
  theme: Theme;
  /** Gloss is off everywhere until switched back on. */
  paused: boolean;
  /** Off everywhere until this time (ms since the epoch); 0 when not snoozed. */
  snoozeUntil: number;
  /** Per-site choice by hostname: "never" keeps Gloss off there, "always" reads pages detection would skip. */
  sites: Record<string, SiteMode>;
}

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    sensitivity: DEFAULT_SENSITIVITY,
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<Category, boolean>,
    theme: 'auto',
    paused: false,
    snoozeUntil: 0,
    sites: {},
  };
}

export interface Loaded {
  settings: Settings;
  /** Set when the stored value could not be used as it was: what was wrong. */
  reset?: string;
  /** The stored value was of an older version and was migrated. */
  migrated?: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a stored value of any version. Unknown or broken fields fall back to their defaults one by one; a value
 * that is not an object at all is reset whole. Never throws.
 */
export function readSettings(stored: unknown): Loaded {
  const settings = defaultSettings();
  if (stored === undefined || stored === null) return { settings };
  if (!isRecord(stored)) return { settings, reset: 'the stored settings were not an object' };
  const problems: string[] = [];
  let migrated = false;
  let value = stored;
  // Version 0: the settings before they carried a version kept sensitivity as "level" and a list of
  // categories switched off.
  if (value.version === undefined) {
    migrated = true;
    value = {
      ...value,
      sensitivity: value.sensitivity ?? value.level,
      categories:
        value.categories ??
        (Array.isArray(value.disabled)
          ? Object.fromEntries(
              (value.disabled as unknown[]).filter((c) => typeof c === 'string').map((c) => [c, false]),
            )
          : undefined),
    };
  } else if (value.version !== SETTINGS_VERSION) {
    if (typeof value.version === 'number' && value.version > SETTINGS_VERSION)
      return { settings, reset: `the stored settings are from a newer version (${value.version})` };
    problems.push(`unknown version ${String(value.version)}`);
  }
  if (value.sensitivity !== undefined) {
    if (typeof value.sensitivity === 'string' && value.sensitivity in SENSITIVITIES)
      settings.sensitivity = value.sensitivity as Sensitivity;
    else problems.push('sensitivity');
  }
  if (value.categories !== undefined) {
    if (isRecord(value.categories)) {
      for (const c of CATEGORIES) {
        const on = value.categories[c];
        if (typeof on === 'boolean') settings.categories[c] = on;
        else if (on !== undefined) problems.push(`categories.${c}`);
      }
    } else problems.push('categories');
  }
  if (value.theme !== undefined) {
    if (value.theme === 'auto' || value.theme === 'light' || value.theme === 'dark') settings.theme = value.theme;
    else problems.push('theme');
  }
  if (value.paused !== undefined) {
    if (typeof value.paused === 'boolean') settings.paused = value.paused;
    else problems.push('paused');
  }
  if (value.snoozeUntil !== undefined) {
    if (typeof value.snoozeUntil === 'number' && Number.isFinite(value.snoozeUntil) && value.snoozeUntil >= 0)
      settings.snoozeUntil = value.snoozeUntil;
    else problems.push('snoozeUntil');
  }
  if (value.sites !== undefined) {
    if (isRecord(value.sites)) {
      for (const [host, mode] of Object.entries(value.sites)) {
        if ((mode === 'always' || mode === 'never') && /^[a-z0-9.-]+$/i.test(host))
          settings.sites[host.toLowerCase()] = mode;
        else problems.push(`sites.${host}`);
      }
    } else problems.push('sites');
  }
  return problems.length
    ? { settings, reset: `some stored settings could not be read and were reset: ${problems.join(', ')}`, migrated }
    : { settings, migrated };
}

/** The per-site rule for a hostname: its own entry, else the nearest parent domain's. */
export function siteMode(settings: Settings, hostname: string): SiteMode | null {
  let host = hostname.toLowerCase();
  for (;;) {
    const mode = settings.sites[host];
    if (mode) return mode;
    const dot = host.indexOf('.');
    if (dot < 0) return null;
    host = host.slice(dot + 1);
  }
}

/** Whether Gloss runs on a page of this host now, and why not. */
export function activeOn(settings: Settings, hostname: string, now = Date.now()): { on: boolean; why?: string } {
  if (siteMode(settings, hostname) === 'never') return { on: false, why: 'site' };
  if (settings.paused) return { on: false, why: 'paused' };
  if (settings.snoozeUntil > now) return { on: false, why: 'snoozed' };
  return { on: true };
}
