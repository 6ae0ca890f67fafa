/** The built Chrome extension in Debian's Chromium, driven by playwright-core. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Worker } from 'playwright-core';
import { resolve } from 'node:path';
import { startServer, type TestServer } from './server';
import { launchChromium, tabState, type ChromiumRun } from './harness';
import { DEMO, FIXTURES, HAS_SEED, SEED_HOST, SEED_HTML, SEED_PATH, longArticlePage } from './paths';
import { cardState, highlightContainers, listHighlights, pointOfHighlight } from './page-helpers';

const NEWS = 'www.harbor-gazette.example';
const DEMO_HOST = 'www.meridian-ledger.example';
const DEMO_PATH = '/world/middle-east/2017/04/26/syrian-army-pushes-toward-lataminah/';

let server: TestServer;
let browser: ChromiumRun;
let worker: Worker;

beforeAll(async () => {
  server = await startServer({
    [`${SEED_HOST}${SEED_PATH}`]: SEED_HTML,
    [`${DEMO_HOST}${DEMO_PATH}`]: DEMO,
    [`${NEWS}/2026/03/12/council-passes-budget/`]: resolve(FIXTURES, 'news-article.html'),
    [`${NEWS}/2026/03/13/council-long-read/`]: longArticlePage(),
    [`${NEWS}/`]: resolve(FIXTURES, 'home-page.html'),
    [`${NEWS}/docs/queue/push`]: resolve(FIXTURES, 'docs.html'),
    [`${NEWS}/wiki/Gallium`]: resolve(FIXTURES, 'encyclopedia.html'),
    [`${NEWS}/shop/tent`]: resolve(FIXTURES, 'product.html'),
  });
  browser = await launchChromium(server);
  worker = browser.worker!;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string) {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

async function tabIdOf(url: string): Promise<number> {
  return (await tabState(worker, url)).tabId;
}

async function badge(tabId: number): Promise<string> {
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

async function waitForHighlights(page: Awaited<ReturnType<typeof open>>) {
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')), null, {
    timeout: 15_000,
  });
  return page.evaluate(listHighlights);
}

function allTexts(highlights: [string, string[]][]): string[] {
  return highlights.flatMap(([, texts]) => texts);
}

describe.skipIf(!HAS_SEED)('the seed article under www.globalresearch.ca', () => {
  const url = `http://${SEED_HOST}${SEED_PATH}`;

  test('highlights the contested phrasing of the body and nothing around it', async () => {
    const page = await open(url);
    const highlights = await waitForHighlights(page);
    const texts = allTexts(highlights);
    expect(texts).toContain('some unknown military sources');
    expect(texts).toContain('supposedly');
    expect(texts).toContain('There are no doubts');
    expect(texts).toContain('“opposition”');
    const byName = Object.fromEntries(highlights);
    expect(byName['gloss-doubt']).toContain('supposedly');
    expect(byName['gloss-scare-quotes']).toContain('“opposition”');
    expect(byName['gloss-unsupported-certainty']).toContain('There are no doubts');
    // Nothing in the donation appeal, disclaimer, menus or sidebar.
    for (const path of await page.evaluate(highlightContainers)) {
      expect(path).toMatch(/^div\.wrap > main > article\.post > (h1\.entry-title|div\.entry-content)/);
    }
    // The Mnuchin quotation is his words, not the writer's phrasing.
    expect(texts.some((t) => /relentlessly|atrocities|disregard/.test(t))).toBe(false);
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
    expect(card?.label).toMatch(/Doubt/);
    expect(card?.text).toMatch(/OPCW/);
    expect(card?.text).toMatch(/Joint Investigative Mechanism/);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(cardState)).toBeNull();
    await page.close();
  });

  test('the popup lists the outlet notes and the claim note; the badge counts the findings', async () => {
    const page = await open(url);
    await waitForHighlights(page);
    const tabId = await tabIdOf(url);
    expect(Number(await badge(tabId))).toBeGreaterThanOrEqual(5);
    const extensionId = browser.extensionId!;
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.group');
    const outlets = await popup.locator('.outlets').innerText();
    expect(outlets).toMatch(/Global Research/);
    expect(outlets).toMatch(/Centre for Research on Globalization/);
    expect(outlets).toMatch(/SouthFront/);
    // Context notes start collapsed, each under its title; opened, the summary comes first.
    const text = await popup.locator('main').innerText();
    expect(text).toMatch(/Khan Shaykhun sarin attack/);
    await popup.locator('details.context-note summary', { hasText: 'Khan Shaykhun' }).click();
    expect(await popup.locator('details.context-note[open] .note-summary').innerText()).toMatch(
      /Joint Investigative Mechanism/,
    );
    // Outlet notes come before the findings.
    expect(text.indexOf('SouthFront')).toBeLessThan(text.indexOf('Doubt-casting'));
    // A finding in the popup scrolls the page to its highlight and opens its card.
    await popup.locator('.group[data-category="doubt"] .finding', { hasText: 'supposedly' }).click();
    await page.waitForFunction(() => !!document.querySelector('gloss-card'));
    expect((await page.evaluate(cardState))?.text).toMatch(/OPCW/);
    await popup.close();
    await page.close();
  });
});

describe('pages of our own', () => {
  test('a long article, read in slices, is painted from its first paragraph to its last', async () => {
    const page = await open(`http://${NEWS}/2026/03/13/council-long-read/`);
    await page.waitForFunction(
      () => [...(CSS.highlights.get('gloss-loaded-language') ?? [])].some((r) => `${r}`.includes('bald-faced')),
      null,
      { timeout: 20_000 },
    );
    const found = allTexts(await waitForHighlights(page));
    expect(found).toContain('so-called');
    expect(found.some((t) => t.includes('bald-faced lies'))).toBe(true);
    await page.close();
  });

  test('the demo article is read and painted', async () => {
    const page = await open(`http://${DEMO_HOST}${DEMO_PATH}`);
    const texts = allTexts(await waitForHighlights(page));
    expect(texts).toContain('supposedly');
    expect(texts).toContain('“moderate”');
    expect(texts.some((t) => /relentlessly|atrocities/.test(t))).toBe(false);
    await page.close();
  });

  test('a news article gets highlights and a badge', async () => {
    const url = `http://${NEWS}/2026/03/12/council-passes-budget/`;
    const page = await open(url);
    const texts = allTexts(await waitForHighlights(page));
    expect(texts).toContain('so-called');
    expect(texts.some((t) => /disastrous/.test(t))).toBe(false);
    expect(Number(await badge(await tabIdOf(url)))).toBeGreaterThan(0);
    await page.close();
  });

  for (const [what, path] of [
    ['a home page', '/'],
    ['documentation', '/docs/queue/push'],
    ['an encyclopedia entry', '/wiki/Gallium'],
    ['a product page', '/shop/tent'],
  ]) {
    test(`${what} gets nothing`, async () => {
      const url = `http://${NEWS}${path}`;
      const page = await open(url);
      // The content script reports "not an article" to the background, which keeps it for the tab.
      const tabId = await tabIdOf(url);
      expect(await page.evaluate(listHighlights)).toEqual([]);
      expect(await badge(tabId)).toBe('');
      await page.close();
    });
  }
});
