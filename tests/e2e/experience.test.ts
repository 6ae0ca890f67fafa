/**
 * The reader's experience in Chromium: the popup by keyboard, pausing, settings that take effect at once, the
 * card's controls and feedback, and pages that change themselves.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { resolve } from 'node:path';
import { startServer, type TestServer } from './server';
import { launchChromium, tabState, type ChromiumRun } from './harness';
import { HAS_SEED, ROOT, SEED_HOST, SEED_HTML, SEED_PATH } from './paths';
import { cardState, listHighlights, pointOfHighlight } from './page-helpers';

const SPA_HOST = 'www.coastline-courier.example';
const FIRST = '/2026/05/04/harbour-dredging-plan/';
const SECOND = '/2026/05/05/ferry-timetable-changes/';
const SPA = resolve(ROOT, 'tests/fixtures/spa/app.html');
const NEWS_HOST = 'www.harbor-gazette.example';
const NEWS_PATH = '/2026/03/12/council-passes-budget/';
const REVIEWS = resolve(ROOT, 'tests/fixtures/claimreview/harbor-fact-desk.json');
const BLOG_HOST = 'slipway-notes.blog.example';
const BLOG_PATH = '/2026/04/ten-years-of-rowing-on-the-harbour/';

let server: TestServer;
let browser: ChromiumRun;
let worker: Worker;
let extensionId: string;

beforeAll(async () => {
  server = await startServer({
    [`${SEED_HOST}${SEED_PATH}`]: SEED_HTML,
    [`${SPA_HOST}${FIRST}`]: SPA,
    [`${SPA_HOST}${SECOND}`]: SPA,
    [`${NEWS_HOST}${NEWS_PATH}`]: resolve(ROOT, 'tests/fixtures/pages/news-article.html'),
    [`${BLOG_HOST}${BLOG_PATH}`]: resolve(ROOT, 'tests/fixtures/pages/personal-blog.html'),
  });
  browser = await launchChromium(server);
  worker = browser.worker!;
  extensionId = browser.extensionId!;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const texts = (h: [string, string[]][]) => h.flatMap(([, t]) => t);

async function waitForHighlight(page: Page, text: string) {
  await page.waitForFunction(
    (t) => [...CSS.highlights].some(([n, h]) => n.startsWith('gloss-') && [...h].some((r) => r.toString() === t)),
    text,
    { timeout: 15_000 },
  );
}

async function tabIdOf(url: string): Promise<number> {
  return (await tabState(worker, url)).tabId;
}

async function resetSettings() {
  await worker.evaluate(() => chrome.storage.sync.clear());
}

describe.skipIf(!HAS_SEED)('on the seed article', () => {
  const url = `http://${SEED_HOST}${SEED_PATH}`;

  test('with the keyboard alone, the popup leads to the note on the chemical-attack claim; Escape closes it', async () => {
    await resetSettings();
    const page = await browser.context.newPage();
    await page.goto(url);
    await waitForHighlight(page, 'supposedly');
    const tabId = await tabIdOf(url);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.group[data-category="claim-context"]');
    // Tab through the popup until the claim-context finding on the chemical attack has focus.
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await popup.keyboard.press('Tab');
      found = await popup.evaluate(() => {
        const el = document.activeElement;
        return !!el?.closest('.group[data-category="claim-context"]') && /chemical attack/.test(el.textContent ?? '');
      });
    }
    expect(found).toBe(true);
    await popup.keyboard.press('Enter');
    await page.waitForFunction(() => !!document.querySelector('gloss-card'));
    const card = await page.evaluate(cardState);
    expect(card?.role).toBe('dialog');
    expect(card?.text).toMatch(/Khan Shaykhun/);
    expect(card?.text).toMatch(/Joint Investigative Mechanism/);
    // Opened from the keyboard: focus is in the card.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('GLOSS-CARD');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(cardState)).toBeNull();
    await popup.close();
    await page.close();
  });

  test('"Pause on this site" clears the highlights at once, and they stay gone after a reload until undone', async () => {
    await resetSettings();
    const page = await browser.context.newPage();
    await page.goto(url);
    await waitForHighlight(page, 'supposedly');
    const tabId = await tabIdOf(url);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Pause on this site' }).click();
    await page.waitForFunction(() => ![...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')));
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await page.evaluate(listHighlights)).toEqual([]);
    await popup.reload();
    await popup.getByRole('button', { name: 'Resume on this site' }).click();
    await waitForHighlight(page, 'supposedly');
    await popup.close();
    await page.close();
  });

  test('categories and sensitivity from the options page take effect at once on open pages', async () => {
    await resetSettings();
    const page = await browser.context.newPage();
    await page.goto(url);
    await waitForHighlight(page, 'supposedly');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.locator('input[name="category-doubt"]').uncheck();
    await page.waitForFunction(() => !CSS.highlights.has('gloss-doubt'));
    expect(texts(await page.evaluate(listHighlights))).toContain('There are no doubts');
    // "Precise" keeps only the surest findings: the mild "allegedly" goes.
    await options.locator('input[name="category-doubt"]').check();
    await waitForHighlight(page, 'allegedly');
    await options.locator('input[name="sensitivity"][value="precise"]').check();
    await page.waitForFunction(
      () => ![...(CSS.highlights.get('gloss-doubt') ?? [])].some((r) => r.toString() === 'allegedly'),
    );
    expect(texts(await page.evaluate(listHighlights))).toContain('supposedly');
    await options.close();
    await page.close();
    await resetSettings();
  });

  test('the card steps to the next finding and stores feedback on this device only', async () => {
    await resetSettings();
    await worker.evaluate(() => chrome.storage.local.remove('feedback'));
    const page = await browser.context.newPage();
    await page.goto(url);
    await waitForHighlight(page, 'supposedly');
    const point = await page.evaluate(pointOfHighlight, { name: 'gloss-doubt', text: 'supposedly' });
    await page.mouse.click(point!.x, point!.y);
    await page.waitForFunction(() => !!document.querySelector('gloss-card'));
    const shadowButton = (label: string) =>
      page.evaluate((l) => {
        const root = document.querySelector('gloss-card')!.shadowRoot!;
        const button = [...root.querySelectorAll('button')].find(
          (b) => b.textContent === l || b.getAttribute('aria-label') === l,
        );
        button?.click();
        return !!button;
      }, label);
    expect(await shadowButton('This highlight is wrong')).toBe(true);
    await page.waitForFunction(() =>
      /saved on this device/.test(document.querySelector('gloss-card')!.shadowRoot!.textContent ?? ''),
    );
    const stored = (await worker.evaluate(async () => (await chrome.storage.local.get('feedback')).feedback)) as {
      items: unknown[];
    };
    expect(stored.items).toHaveLength(1);
    expect(stored.items[0]).toMatchObject({ kind: 'wrong', ruleId: 'doubt.supposedly', text: 'supposedly' });
    const before = (await page.evaluate(cardState))!.text;
    expect(await shadowButton('Next finding')).toBe(true);
    await page.waitForFunction((b) => document.querySelector('gloss-card')?.shadowRoot?.textContent !== b, before);
    expect((await page.evaluate(cardState))!.text).not.toBe(before);
    await page.close();
  });

  test('keyboard commands step through the findings and hide the highlights; Tab stays inside the card', async () => {
    await resetSettings();
    const page = await browser.context.newPage();
    await page.goto(url);
    await waitForHighlight(page, 'supposedly');
    const tabId = await tabIdOf(url);
    // The background forwards each command to the active tab; the same message is sent here directly.
    const command = (name: string) =>
      worker.evaluate(([id, c]) => chrome.tabs.sendMessage(id as number, { type: 'gloss:command', command: c }), [
        tabId,
        name,
      ] as const);
    await command('next-finding');
    await page.waitForFunction(() => !!document.querySelector('gloss-card'));
    const first = (await page.evaluate(cardState))!.text;
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('GLOSS-CARD');
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('GLOSS-CARD');
    }
    await command('next-finding');
    await page.waitForFunction((t) => document.querySelector('gloss-card')?.shadowRoot?.textContent !== t, first);
    await command('previous-finding');
    await page.waitForFunction((t) => document.querySelector('gloss-card')?.shadowRoot?.textContent === t, first);
    await command('toggle-page');
    await page.waitForFunction(() => ![...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')));
    expect(await page.evaluate(cardState)).toBeNull();
    await command('toggle-page');
    await waitForHighlight(page, 'supposedly');
    await page.close();
  });

  test('each tab has its own badge, in several windows', async () => {
    await resetSettings();
    const counts = await worker.evaluate(async (u) => {
      const a = await chrome.windows.create({ url: u });
      const b = await chrome.windows.create({ url: 'chrome://version/' });
      const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const tabA = a!.tabs![0]!.id!;
      const tabB = b!.tabs![0]!.id!;
      let text = '';
      for (let i = 0; i < 50 && !text; i++) {
        await wait(200);
        text = await chrome.action.getBadgeText({ tabId: tabA });
      }
      const other = await chrome.action.getBadgeText({ tabId: tabB });
      await chrome.windows.remove(a!.id!);
      await chrome.windows.remove(b!.id!);
      return { text, other };
    }, url);
    expect(Number(counts.text)).toBeGreaterThanOrEqual(5);
    expect(counts.other).toBe('');
  });

  test('a corrupt stored setting is reset with a visible notice, never a crash', async () => {
    await worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, sensitivity: 42, theme: 'plaid' } }));
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForSelector('.notice');
    expect(await options.locator('.notice').innerText()).toMatch(/sensitivity.*theme/);
    expect(await options.locator('input[name="sensitivity"][value="balanced"]').isChecked()).toBe(true);
    await options.close();
    await resetSettings();
  });
});

describe('a single-page app', () => {
  test('an article inserted after load is read; after a client-side navigation the new one is, and the old highlights are gone', async () => {
    await resetSettings();
    const page = await browser.context.newPage();
    await page.goto(`http://${SPA_HOST}${FIRST}`);
    await waitForHighlight(page, 'so-called');
    await page.click('#next-story');
    await waitForHighlight(page, 'supposedly');
    expect(texts(await page.evaluate(listHighlights))).not.toContain('so-called');
    await page.close();
  });

  test('a navigation to a short story that declares nothing, the page’s title and meta tags left as they were, is highlighted', async () => {
    await resetSettings();
    const page = await browser.context.newPage();
    await page.goto(`http://${SPA_HOST}${SECOND}`);
    await waitForHighlight(page, 'supposedly');
    await page.click('#next-story');
    const t0 = Date.now();
    await waitForHighlight(page, 'so-called');
    // Read within a second or so of the story settling (the app renders at once; the content script waits for
    // the navigation to settle first).
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(texts(await page.evaluate(listHighlights))).not.toContain('supposedly');
    await page.close();
  });
});

describe('a page not read as news', () => {
  test('the popup says what it was read as, and “Read it anyway on this site” reads it at once', async () => {
    await resetSettings();
    const url = `http://${BLOG_HOST}${BLOG_PATH}`;
    const page = await browser.context.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(url);
    expect(await page.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')))).toBe(false);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('text=Read as a blog post');
    await popup.getByRole('button', { name: 'Read it anyway on this site' }).click();
    await waitForHighlight(page, 'so-called');
    await popup.close();
    await page.close();
    await resetSettings();
  });
});

describe('imported fact-checks', () => {
  test('a ClaimReview file imported in the options page gives a note beside the sentence it reviews; removing it takes the note away', async () => {
    await resetSettings();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.locator('input[type="file"]').setInputFiles(REVIEWS);
    await options.waitForSelector('text=Harbor Fact Desk');
    expect(await options.locator('.gloss-datasets').innerText()).toMatch(/1 entry skipped|skipped/);

    const page = await browser.context.newPage();
    await page.goto(`http://${NEWS_HOST}${NEWS_PATH}`);
    await page.waitForFunction(() => CSS.highlights.has('gloss-claim-context'), null, { timeout: 15_000 });
    const claim = (await page.evaluate(listHighlights)).find(([n]) => n === 'gloss-claim-context')![1];
    expect(claim.join(' ')).toMatch(/38 unfilled city jobs/);
    const point = await page.evaluate(pointOfHighlight, { name: 'gloss-claim-context', text: claim[0]! });
    await page.mouse.click(point!.x, point!.y);
    await page.waitForFunction(() => !!document.querySelector('gloss-card'));
    const card = (await page.evaluate(cardState))!.text;
    expect(card).toMatch(/Misleading/);
    expect(card).toMatch(/Harbor Fact Desk/);

    await options.getByRole('button', { name: /Remove/ }).click();
    await options.waitForSelector('text=No fact-checks imported yet.');
    await page.reload();
    await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')), null, {
      timeout: 15_000,
    });
    expect(await page.evaluate(() => CSS.highlights.has('gloss-claim-context'))).toBe(false);
    await page.close();
    await options.close();
  });
});
