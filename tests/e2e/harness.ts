/**
 * Shared set-up for the end-to-end suites that load the built extension in a real browser: launching Chromium
 * (with or without Gloss) and Firefox ESR, the hostile fixture pages and their routes, and a few probes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROME_BUILD, CHROMIUM, FIREFOX, FIREFOX_BUILD, ROOT } from './paths';
import type { Route, TestServer } from './server';

export const HOSTILE = resolve(ROOT, 'tests/fixtures/hostile');

/** The fictional outlet the hostile pages are served under, and a second site for cross-origin frames. */
export const SITE = 'www.tidewater-courier.example';
export const OTHER_SITE = 'www.elsewhere-post.example';

/** A strict policy: nothing but the document itself, and Trusted Types for any script sink. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'none'; style-src 'none'; img-src 'none'; font-src 'none'; connect-src 'none'; " +
  "frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

/** Each hostile page by name (the path segment it is served at on SITE) and its fixture file. */
export const HOSTILE_PAGES = {
  plain: 'plain.html',
  csp: 'csp.html',
  prototypes: 'prototypes.html',
  highlights: 'highlights.html',
  elements: 'custom-elements.html',
  unset: 'all-unset.html',
  big: 'big.html',
  deep: 'deep.html',
  frames: 'frames.html',
  editable: 'editable.html',
  markup: 'markup.html',
  rtl: 'rtl.html',
  unicode: 'unicode.html',
  shadow: 'shadow.html',
  lang: 'lang.html',
} as const;
export type HostilePage = keyof typeof HOSTILE_PAGES;

export function hostileUrl(page: HostilePage): string {
  return `http://${SITE}/2026/11/${page}/`;
}

/** Every hostile page and the frames they embed, keyed the way the test server wants them. */
export function hostileRoutes(): Record<string, Route | string> {
  const routes: Record<string, Route | string> = {};
  for (const [name, file] of Object.entries(HOSTILE_PAGES)) {
    const path = resolve(HOSTILE, file);
    routes[`${SITE}/2026/11/${name}/`] =
      name === 'csp' ? { file: path, headers: { 'content-security-policy': STRICT_CSP } } : path;
  }
  routes[`${SITE}/frames/same-origin/`] = resolve(HOSTILE, 'frame-article.html');
  routes[`${OTHER_SITE}/frames/cross-origin/`] = resolve(HOSTILE, 'frame-article.html');
  return routes;
}

export interface ChromiumRun {
  context: BrowserContext;
  /** Gloss's service worker, when the extension is loaded. */
  worker: Worker | null;
  extensionId: string | null;
  close(): Promise<void>;
}

/**
 * Chromium with a fresh profile. Every host name resolves to the test server, so any request from any context
 * reaches its log. Without `extension`, the same browser without Gloss (the baseline for comparisons).
 */
export async function launchChromium(
  server: TestServer,
  options: { extension?: boolean; javaScriptEnabled?: boolean } = {},
): Promise<ChromiumRun> {
  const extension = options.extension ?? true;
  const profile = mkdtempSync(join(tmpdir(), 'gloss-hostile-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-client-side-phishing-detection',
    '--disable-domain-reliability',
    '--no-pings',
    `--host-resolver-rules=MAP * 127.0.0.1:${server.port}, EXCLUDE localhost`,
  ];
  if (extension) args.unshift(`--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: 1200, height: 900 },
    args,
  });
  const worker = extension ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))) : null;
  return {
    context,
    worker,
    extensionId: worker ? new URL(worker.url()).host : null,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Firefox ESR with Gloss installed; the test server answers as the HTTP proxy for every host. */
export async function launchFirefox(server: TestServer): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': server.port,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return browser;
}

/** The state the background keeps for the tab showing `url` (read from the service worker), once there is one. */
export async function tabState(worker: Worker, url: string): Promise<StoredState> {
  let state: StoredState | null = null;
  await expect
    .poll(
      async () =>
        (state = await worker.evaluate(async (u) => {
          const all = (await chrome.storage.session.get(null)) as Record<string, StoredState & { url?: string }>;
          const key = Object.keys(all).find((k) => all[k]?.url === u);
          return key ? { ...all[key]!, tabId: Number(key.slice('tab:'.length)) } : null;
        }, url)),
      { timeout: 20_000 },
    )
    .not.toBeNull();
  return state!;
}

export interface StoredState {
  tabId: number;
  url: string;
  article: { title: string } | null;
  findings: { category: string; start: number; end: number; text: string; noteId: string }[];
  notes: { id: string }[];
}

/** Waits until Gloss has registered at least one highlight in the page. */
export async function waitForPaint(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')), null, {
    timeout,
  });
}

/** White space collapsed, as the extracted text has it. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** (category, text) pairs, sorted, for comparing what was found with what was painted. */
export function pairs(items: [string, string][]): string[] {
  return items.map(([c, t]) => `${c}\u0000${squash(t)}`).sort();
}

/** The highlights as (category, text) pairs. */
export async function paintedPairs(page: Page): Promise<[string, string][]> {
  return page.evaluate(() =>
    [...CSS.highlights]
      .filter(([name]) => name.startsWith('gloss-'))
      .flatMap(([name, h]) => [...h].map((r) => [name.slice('gloss-'.length), r.toString()] as [string, string])),
  );
}

/**
 * The note card's dialog wherever Gloss put it: under <gloss-card>, or under the fallback host it uses when the
 * page has taken that name. Evaluated in the page.
 */
export function openCard(): {
  tag: string;
  text: string;
  quoteHtml: string | null;
  elements: string[];
  box: { x: number; y: number; width: number; height: number };
  position: string;
  visible: boolean;
} | null {
  for (const host of document.querySelectorAll('*')) {
    if (!host.tagName.toLowerCase().startsWith('gloss-') || !host.shadowRoot) continue;
    const dialog = host.shadowRoot.querySelector<HTMLElement>('[role="dialog"]');
    if (!dialog) continue;
    const r = dialog.getBoundingClientRect();
    const style = getComputedStyle(dialog);
    const quote = dialog.querySelector('.quote');
    return {
      tag: host.tagName.toLowerCase(),
      text: dialog.textContent ?? '',
      quoteHtml: quote ? quote.innerHTML : null,
      elements: [...dialog.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()),
      box: { x: r.x, y: r.y, width: r.width, height: r.height },
      position: style.position,
      visible:
        r.width > 50 &&
        r.height > 30 &&
        style.visibility === 'visible' &&
        style.display !== 'none' &&
        Number(style.opacity) > 0.5 &&
        r.top >= 0 &&
        r.left >= 0 &&
        r.bottom <= innerHeight &&
        r.right <= innerWidth,
    };
  }
  return null;
}

/** The centre of the first box of the painted range with exactly this text, scrolled into view. */
export function pointOf(args: { name: string; text: string }): { x: number; y: number } | null {
  const h = CSS.highlights.get(args.name);
  if (!h) return null;
  for (const abstract of h) {
    const range = abstract as Range;
    if (range.toString() !== args.text) continue;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }
  return null;
}

/** What Gloss finds in the story the hostile pages share, as (category, text). */
export const STORY: [string, string][] = [
  ['doubt', 'supposedly'],
  ['doubt', 'so-called'],
  ['vague-attribution', 'Sources say'],
  ['scare-quotes', '“reform”'],
  ['unsupported-certainty', 'There is no doubt'],
];

/** Pages whose painted highlights are exactly those of the shared story. */
export const PAINTS_THE_STORY: HostilePage[] = [
  'plain',
  'csp',
  'prototypes',
  'elements',
  'unset',
  'big',
  'deep',
  'frames',
  'editable',
];

export const PAINTED_ELSEWHERE: Partial<Record<HostilePage, [string, string][]>> = {
  markup: [
    ['doubt', 'supposedly'],
    ['scare-quotes', '“<reform/>”'],
    ['vague-attribution', 'Sources say'],
    ['doubt', 'so-called'],
    ['scare-quotes', '“<svg/onload>”'],
    ['unsupported-certainty', 'There is no doubt'],
  ],
  rtl: [
    ['doubt', 'so-called'],
    ['scare-quotes', '«خطة الإصلاح»'],
    ['doubt', 'supposedly'],
    ['scare-quotes', '“reform”'],
    ['unsupported-certainty', 'There is no doubt'],
  ],
  unicode: [
    ['doubt', 'supposedly'],
    ['doubt', 'so-called'],
    ['vague-attribution', 'Sources say'],
    ['scare-quotes', '“re\u0301forme\u0301”'],
    ['unsupported-certainty', 'There is\u00a0no doubt'],
  ],
  shadow: [
    ['doubt', 'supposedly'],
    ['doubt', 'so-called'],
    ['vague-attribution', 'Sources say'],
  ],
};

/** Evaluated in the page: where each Gloss range sits (editable, code, form field, shadow root, frame). */
export function rangePlaces(): { text: string; editable: boolean; code: boolean; shadow: boolean }[] {
  const out: { text: string; editable: boolean; code: boolean; shadow: boolean }[] = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('gloss-')) continue;
    for (const abstract of h) {
      const r = abstract as Range;
      const nodes = [r.startContainer, r.endContainer, r.commonAncestorContainer];
      const els = nodes.map((n) => (n.nodeType === 1 ? (n as Element) : n.parentElement));
      out.push({
        text: r.toString(),
        editable: els.some((e) => !!e && ((e as HTMLElement).isContentEditable || !!e.closest('input, textarea'))),
        code: els.some((e) => !!e?.closest('code, pre, kbd, samp')),
        shadow: nodes.some((n) => n.getRootNode() !== document),
      });
    }
  }
  return out;
}

/**
 * Opens an extension page. A build that replaces the output folder while the browser runs makes the page
 * briefly missing (ERR_FILE_NOT_FOUND); it is there again within moments.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(url);
      return;
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('ERR_FILE_NOT_FOUND')) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
