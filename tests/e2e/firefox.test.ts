/** The built Firefox extension in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { resolve } from 'node:path';
import { startServer, type TestServer } from './server';
import { launchFirefox } from './harness';
import { DEMO, FIXTURES, HAS_SEED, SEED_HOST, SEED_HTML, SEED_PATH, longArticlePage } from './paths';
import { cardState, highlightContainers, listHighlights, pointOfHighlight } from './page-helpers';

const NEWS = 'www.harbor-gazette.example';
const SPA_HOST = 'www.coastline-courier.example';
const SPA_FIRST = '/2026/05/04/harbour-dredging-plan/';
const SPA_SECOND = '/2026/05/05/ferry-timetable-changes/';
const DEMO_HOST = 'www.meridian-ledger.example';
const DEMO_PATH = '/world/middle-east/2017/04/26/syrian-army-pushes-toward-lataminah/';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({
    [`${SEED_HOST}${SEED_PATH}`]: SEED_HTML,
    [`${DEMO_HOST}${DEMO_PATH}`]: DEMO,
    [`${NEWS}/2026/03/12/council-passes-budget/`]: resolve(FIXTURES, 'news-article.html'),
    [`${NEWS}/2026/03/13/council-long-read/`]: longArticlePage(),
    [`${NEWS}/`]: resolve(FIXTURES, 'home-page.html'),
    [`${NEWS}/wiki/Gallium`]: resolve(FIXTURES, 'encyclopedia.html'),
    [`${SPA_HOST}${SPA_FIRST}`]: resolve(FIXTURES, '../spa/app.html'),
    [`${SPA_HOST}${SPA_SECOND}`]: resolve(FIXTURES, '../spa/app.html'),
  });
  // Firefox has no host-resolver flag: the test server answers as an HTTP proxy for every host.
  browser = await launchFirefox(server);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  return page;
}

async function waitForHighlights(page: Page) {
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')), {
    timeout: 15_000,
  });
  return page.evaluate(listHighlights);
}

const texts = (h: [string, string[]][]) => h.flatMap(([, t]) => t);

describe.skipIf(!HAS_SEED)('the seed article under www.globalresearch.ca', () => {
  const url = `http://${SEED_HOST}${SEED_PATH}`;

  test('highlights the contested phrasing of the body and nothing around it', async () => {
    const page = await open(url);
    const found = texts(await waitForHighlights(page));
    for (const t of ['some unknown military sources', 'supposedly', 'There are no doubts', '“opposition”'])
      expect(found).toContain(t);
    for (const path of await page.evaluate(highlightContainers))
      expect(path).toMatch(/^div\.wrap > main > article\.post > (h1\.entry-title|div\.entry-content)/);
    expect(found.some((t) => /relentlessly|atrocities|disregard/.test(t))).toBe(false);
    await page.close();
  });

  test('a click on "supposedly" opens a card on the OPCW investigations; Escape closes it', async () => {
    const page = await open(url);
    await waitForHighlights(page);
    const point = await page.evaluate(pointOfHighlight, { name: 'gloss-doubt', text: 'supposedly' });
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await page.waitForFunction(() => !!document.querySelector('gloss-card'));
    const card = await page.evaluate(cardState);
    expect(card?.role).toBe('dialog');
    expect(card?.text).toMatch(/OPCW/);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(cardState)).toBeNull();
    await page.close();
  });
  // The popup and the badge are tested in Chromium: WebDriver BiDi in Firefox ESR refuses to navigate a tab to a
  // moz-extension:// page ("Navigation to moz-extension://... is not allowed in this context").
});

describe('pages of our own', () => {
  test('a long article, read in slices, is painted from its first paragraph to its last', async () => {
    const page = await open(`http://${NEWS}/2026/03/13/council-long-read/`);
    await page.waitForFunction(
      () => [...(CSS.highlights.get('gloss-loaded-language') ?? [])].some((r) => `${r}`.includes('bald-faced')),
      { timeout: 20_000 },
    );
    const found = texts(await waitForHighlights(page));
    expect(found).toContain('so-called');
    expect(found.some((t) => t.includes('bald-faced lies'))).toBe(true);
    await page.close();
  });

  test('the demo article is read and painted', async () => {
    const page = await open(`http://${DEMO_HOST}${DEMO_PATH}`);
    const found = texts(await waitForHighlights(page));
    expect(found).toContain('supposedly');
    expect(found.some((t) => /relentlessly|atrocities/.test(t))).toBe(false);
    await page.close();
  });

  test('a news article gets highlights', async () => {
    const page = await open(`http://${NEWS}/2026/03/12/council-passes-budget/`);
    const found = texts(await waitForHighlights(page));
    expect(found).toContain('so-called');
    expect(found.some((t) => /disastrous/.test(t))).toBe(false);
    await page.close();
  });

  for (const [what, path] of [
    ['a home page', '/'],
    ['an encyclopedia entry', '/wiki/Gallium'],
  ]) {
    test(`${what} gets nothing`, async () => {
      // The article on this site is painted once its content script has run; a page that is not one stays bare.
      const page = await open(`http://${NEWS}${path}`);
      const probe = await open(`http://${NEWS}/2026/03/12/council-passes-budget/`);
      await waitForHighlights(probe);
      expect(await page.evaluate(listHighlights)).toEqual([]);
      await probe.close();
      await page.close();
    });
  }

  test('a single-page app: the late article is read, and after a client-side navigation the new one replaces it', async () => {
    const page = await open(`http://${SPA_HOST}${SPA_FIRST}`);
    await page.waitForFunction(
      () => [...(CSS.highlights.get('gloss-doubt') ?? [])].some((r) => r.toString() === 'so-called'),
      { timeout: 15_000 },
    );
    await page.click('#next-story');
    await page.waitForFunction(
      () =>
        [...CSS.highlights].some(
          ([n, h]) => n.startsWith('gloss-') && [...h].some((r) => r.toString() === 'supposedly'),
        ),
      { timeout: 15_000 },
    );
    expect(texts(await page.evaluate(listHighlights))).not.toContain('so-called');
    await page.close();
  });
});
