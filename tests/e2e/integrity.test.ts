/**
 * Gloss leaves the page as it was. With the page's own scripts off (content scripts still run), the same pages
 * are loaded in a Chromium without Gloss and in one with it: the serialised DOM is the same apart from gloss-*
 * elements, every element's box is where it was, the page's global object has the same names, and nothing
 * appears in the page's console, before and after a note card is opened.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { startServer, type TestServer } from './server';
import { FIXTURES } from './paths';
import { hostileRoutes, hostileUrl, launchChromium, pointOf, type ChromiumRun, type HostilePage } from './harness';

const NEWS_URL = 'http://www.harbor-gazette.example/2026/03/12/council-passes-budget/';
const PAGES: [string, string][] = [
  ...(['plain', 'markup', 'unicode', 'rtl', 'editable', 'shadow', 'unset'] as HostilePage[]).map(
    (p) => [p, hostileUrl(p)] as [string, string],
  ),
  ['news article', NEWS_URL],
];

let server: TestServer;
let bare: ChromiumRun;
let gloss: ChromiumRun;

beforeAll(async () => {
  server = await startServer({
    ...hostileRoutes(),
    'www.harbor-gazette.example/2026/03/12/council-passes-budget/': resolve(FIXTURES, 'news-article.html'),
  });
  bare = await launchChromium(server, { extension: false, javaScriptEnabled: false });
  gloss = await launchChromium(server, { extension: true, javaScriptEnabled: false });
}, 90_000);

afterAll(async () => {
  await gloss?.close();
  await bare?.close();
  await server?.close();
});

interface Snapshot {
  html: string;
  boxes: string[];
  globals: string[];
  adopted: number;
}

/** Evaluated in the page: its DOM without gloss-* elements, every element's box in page coordinates, its globals. */
function snapshot(): Snapshot {
  const clone = document.documentElement.cloneNode(true) as Element;
  for (const el of [...clone.querySelectorAll('*')]) if (el.tagName.toLowerCase().startsWith('gloss-')) el.remove();
  const boxes: string[] = [];
  boxes.push(`scroll ${scrollX} ${scrollY}`);
  for (const el of document.querySelectorAll('*')) {
    if (el.tagName.toLowerCase().startsWith('gloss-') || el.getClientRects().length === 0) continue;
    const r = el.getBoundingClientRect();
    const f = (n: number) => n.toFixed(2);
    boxes.push(`${el.tagName} ${f(r.left + scrollX)} ${f(r.top + scrollY)} ${f(r.width)} ${f(r.height)}`);
  }
  return {
    html: clone.outerHTML,
    boxes,
    globals: Object.getOwnPropertyNames(window).sort(),
    adopted: document.adoptedStyleSheets.length,
  };
}

interface Loaded {
  page: Page;
  cdp: CDPSession;
  console: string[];
}

async function load(run: ChromiumRun, url: string): Promise<Loaded> {
  const page = await run.context.newPage();
  const cdp = await run.context.newCDPSession(page);
  const console: string[] = [];
  cdp.on('Runtime.consoleAPICalled', (e) =>
    console.push(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description ?? '').join(' ')}`),
  );
  cdp.on('Runtime.exceptionThrown', (e) => console.push(`exception: ${e.exceptionDetails.text}`));
  cdp.on('Log.entryAdded', (e) => {
    // The browser's note that the site has no favicon is neither the page's nor Gloss's.
    if (!e.entry.url?.endsWith('/favicon.ico')) console.push(`log.${e.entry.level}: ${e.entry.text}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  await page.goto(url, { waitUntil: 'load' });
  return { page, cdp, console };
}

async function painted(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...CSS.highlights].filter(([n]) => n.startsWith('gloss-')).flatMap(([, h]) => [...h].map(String)),
  );
}

describe('the page after Gloss is the page without it', () => {
  for (const [name, url] of PAGES) {
    test(name, async () => {
      const before = await load(bare, url);
      const after = await load(gloss, url);
      expect(await before.page.evaluate(() => document.scripts.length >= 0)).toBe(true);
      await expect.poll(() => painted(after.page), { timeout: 20_000 }).not.toEqual([]);
      expect(await painted(before.page)).toEqual([]);

      const a = await before.page.evaluate(snapshot);
      const b = await after.page.evaluate(snapshot);
      expect(b.html).toBe(a.html);
      expect(b.boxes).toEqual(a.boxes);
      expect(b.globals).toEqual(a.globals);
      // No style sheet is adopted while the pointer is not over a highlight.
      expect(b.adopted).toBe(a.adopted);

      // Open a note card on the first highlight; the page around it still does not change or move.
      const first = await after.page.evaluate(() => {
        for (const [n, h] of CSS.highlights)
          if (n.startsWith('gloss-')) for (const r of h) return { name: n, text: String(r) };
        return null;
      });
      const point = await after.page.evaluate(pointOf, first!);
      // The page without Gloss has no highlight to scroll to: it goes to the same place.
      const at = await after.page.evaluate(() => [scrollX, scrollY] as const);
      await before.page.evaluate(([x, y]) => scrollTo(x, y), at);
      await after.page.mouse.click(point!.x, point!.y);
      await expect
        .poll(() => after.page.evaluate(() => !!document.querySelector('gloss-card')), { timeout: 10_000 })
        .toBe(true);
      const c = await after.page.evaluate(snapshot);
      const d = await before.page.evaluate(snapshot);
      expect(c.html).toBe(d.html);
      expect(c.boxes).toEqual(d.boxes);
      await after.page.keyboard.press('Escape');
      expect(await after.page.evaluate(() => document.querySelector('gloss-card'))).toBeNull();

      // Nothing in the page's console, from the page or from Gloss.
      expect(after.console).toEqual(before.console);
      expect(after.console).toEqual([]);
      await before.page.close();
      await after.page.close();
    });
  }
});

test('positive control: a console message from the content script would be heard', async () => {
  const { page, cdp, console } = await load(gloss, hostileUrl('plain'));
  await expect.poll(() => painted(page), { timeout: 20_000 }).not.toEqual([]);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.disable');
  await cdp.send('Runtime.enable');
  const content = contexts.find((c) => c.auxData?.type === 'isolated' && !c.name.startsWith('__playwright'));
  expect(content, 'the content script world').toBeDefined();
  await cdp.send('Runtime.evaluate', { expression: "console.debug('[gloss] probe')", contextId: content!.id });
  await expect.poll(() => console).toContain('console.debug: [gloss] probe');
  await page.close();
});
