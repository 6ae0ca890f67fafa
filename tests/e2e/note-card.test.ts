/**
 * The seed's Khan Shaykhun card on a desktop window (1280×900) and a phone-sized one (360×640), in Chromium and
 * Firefox, opened from the words the claim note is attached to ("chemical attack supposedly conducted by ..."): its
 * category line, the claim note's summary, its sources' count and the card's buttons are all in view without
 * scrolling the page, and the card does not cover the words it explains. And the popup by keyboard: the
 * first finding within five Tab presses, Enter opens its card in the page as a dialog, Escape closes it.
 * Pictures of each card go to .tmp/screenshots/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page as PwPage } from 'playwright-core';
import type { Browser as FfBrowser } from 'puppeteer-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, type TestServer } from './server';
import { launchChromium, launchFirefox, tabState, type ChromiumRun } from './harness';
import { HAS_SEED, ROOT, SEED_HOST, SEED_HTML, SEED_PATH } from './paths';
import { cardState, pointOfHighlight } from './page-helpers';

const URL_ = `http://${SEED_HOST}${SEED_PATH}`;
const SHOTS = resolve(ROOT, '.tmp/screenshots');
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 360, height: 640 },
];

/** The claim the card explains: the marked words on the chemical attack (evaluated in the page). */
const CLAIM_TEXT = () =>
  [...(CSS.highlights.get('gloss-claim-context') ?? [])]
    .map((r) => r.toString())
    .find((t) => /^chemical attack/.test(t)) ?? null;
const CLAIM_MARKED = () =>
  [...(CSS.highlights.get('gloss-claim-context') ?? [])].some((r) => /^chemical attack/.test(r.toString()));

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
interface CardLayout {
  viewport: { width: number; height: number };
  scrollY: number;
  card: Box;
  highlight: Box;
  /** Each part that must show, with its box and whether it is clipped by the card's scrolling part. */
  parts: Record<string, { box: Box; clipped: boolean } | null>;
}

/** Evaluated in the page: where the open card and its parts are (self-contained). */
function measureCard(): CardLayout | null {
  const host = document.querySelector('gloss-card');
  const root = host?.shadowRoot;
  const card = root?.querySelector<HTMLElement>('.card');
  if (!root || !card) return null;
  const box = (el: Element): { top: number; bottom: number; left: number; right: number } => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  };
  const scroller = root.querySelector('.card-scroll');
  const inScroll = scroller ? box(scroller) : null;
  const part = (el: Element | null | undefined) => {
    if (!el) return null;
    const b = box(el);
    const clipped =
      !!inScroll && scroller!.contains(el) && (b.top < inScroll.top - 1 || b.bottom > inScroll.bottom + 1);
    return { box: b, clipped };
  };
  const claim = root.querySelector('.note[data-note-id="claim/khan-shaykhun-sarin-2017"]');
  // The marked words on the chemical attack, on every line they run over.
  let highlight = { top: 0, bottom: 0, left: 0, right: 0 };
  for (const r of CSS.highlights.get('gloss-claim-context') ?? []) {
    if (!/^chemical attack/.test((r as Range).toString())) continue;
    const rect = (r as Range).getBoundingClientRect();
    highlight = { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
  }
  const buttons = [...root.querySelectorAll('.card-foot button, .close')];
  return {
    viewport: { width: window.innerWidth, height: window.innerHeight },
    scrollY: window.scrollY,
    card: box(card),
    highlight,
    parts: {
      category: part(root.querySelector('.card-title')),
      summary: part(claim?.querySelector('.note-summary')),
      sources: part(claim?.querySelector('.note-sources-label')),
      readMore: part(claim?.querySelector('.note-more')),
      ...Object.fromEntries(buttons.map((b, i) => [`button ${i}: ${b.textContent?.trim()}`, part(b)])),
    },
  };
}

function expectWhole(layout: CardLayout | null) {
  expect(layout).not.toBeNull();
  const { viewport, card, highlight, parts } = layout!;
  const inside = (b: Box) =>
    b.top >= 0 && b.left >= 0 && b.bottom <= viewport.height + 0.5 && b.right <= viewport.width + 0.5;
  expect(inside(card), 'the card is inside the window').toBe(true);
  expect(Object.keys(parts).filter((k) => k.startsWith('button')).length).toBeGreaterThanOrEqual(3);
  for (const [name, p] of Object.entries(parts)) {
    expect(p, `${name} is there`).not.toBeNull();
    expect(inside(p!.box), `${name} is inside the window`).toBe(true);
    expect(p!.clipped, `${name} is not scrolled out of the card`).toBe(false);
  }
  const overlaps =
    card.top < highlight.bottom &&
    highlight.top < card.bottom &&
    card.left < highlight.right &&
    highlight.left < card.right;
  expect(highlight.bottom - highlight.top, 'the highlight was measured').toBeGreaterThan(0);
  expect(overlaps, 'the card does not cover its highlight').toBe(false);
}

describe.skipIf(!HAS_SEED)('the note card and the popup', () => {
  let server: TestServer;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer({ [`${SEED_HOST}${SEED_PATH}`]: SEED_HTML });
  }, 30_000);
  afterAll(async () => {
    await server?.close();
  });

  describe('in Chromium', () => {
    let browser: ChromiumRun;
    beforeAll(async () => {
      browser = await launchChromium(server);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    async function openSeed(viewport: { width: number; height: number }): Promise<PwPage> {
      const page = await browser.context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(URL_);
      await page.waitForFunction(CLAIM_MARKED, undefined, { timeout: 20_000 });
      return page;
    }

    test('from the popup, the first finding is at most five Tab presses away; Enter opens its card; Escape closes it', async () => {
      const page = await openSeed({ width: 1280, height: 900 });
      // The first page of this browser: the only tab with state kept for this address.
      const { tabId } = await tabState(browser.worker!, URL_);
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
      await popup.waitForSelector('.finding');
      const onFinding = () => popup.evaluate(() => !!document.activeElement?.classList.contains('finding'));
      let tabs = 0;
      while (tabs < 5 && !(await onFinding())) {
        await popup.keyboard.press('Tab');
        tabs++;
        // The skip link's own target is the first finding.
        if (await popup.evaluate(() => !!document.activeElement?.classList.contains('skip')))
          await popup.keyboard.press('Enter');
      }
      expect(await onFinding()).toBe(true);
      expect(tabs).toBeLessThanOrEqual(5);
      const first = await popup.evaluate(() => document.activeElement?.textContent ?? '');
      const firstButton = await popup.evaluate(() => document.querySelector('.finding')?.textContent ?? '');
      expect(first).toBe(firstButton);
      await popup.keyboard.press('Enter');
      await page.waitForFunction(() => !!document.querySelector('gloss-card'));
      const card = await page.evaluate(cardState);
      expect(card?.role).toBe('dialog');
      expect(card?.label).toBeTruthy();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('GLOSS-CARD');
      await page.keyboard.press('Escape');
      expect(await page.evaluate(cardState)).toBeNull();
      // The context notes start collapsed.
      expect(await popup.evaluate(() => [...document.querySelectorAll('details.context-note[open]')].length)).toBe(0);
      await popup.close();
      await page.close();
    });

    for (const viewport of VIEWPORTS)
      test(`at ${viewport.width}×${viewport.height} the Khan Shaykhun card shows its summary, sources and buttons`, async () => {
        const page = await openSeed(viewport);
        const text = await page.evaluate(CLAIM_TEXT);
        const point = await page.evaluate(pointOfHighlight, { name: 'gloss-claim-context', text: text! });
        expect(point).not.toBeNull();
        const scrolled = await page.evaluate(() => window.scrollY);
        await page.mouse.click(point!.x, point!.y);
        await page.waitForFunction(() => !!document.querySelector('gloss-card'));
        await page.waitForTimeout(200);
        const layout = await page.evaluate(measureCard);
        await page.screenshot({ path: resolve(SHOTS, `card-chromium-${viewport.width}x${viewport.height}.png`) });
        expectWhole(layout);
        expect(layout!.scrollY, 'opening the card does not scroll the page').toBe(scrolled);
        await page.close();
      });
  });

  describe('in Firefox', () => {
    let browser: FfBrowser;
    beforeAll(async () => {
      browser = await launchFirefox(server);
    }, 90_000);
    afterAll(async () => {
      await browser?.close();
    });

    for (const viewport of VIEWPORTS)
      test(`at ${viewport.width}×${viewport.height} the Khan Shaykhun card shows its summary, sources and buttons`, async () => {
        const page = await browser.newPage();
        await page.setViewport(viewport);
        await page.goto(URL_);
        await page.waitForFunction(CLAIM_MARKED, { timeout: 20_000 });
        const text = await page.evaluate(CLAIM_TEXT);
        const point = await page.evaluate(pointOfHighlight, { name: 'gloss-claim-context', text: text! });
        expect(point).not.toBeNull();
        const scrolled = await page.evaluate(() => window.scrollY);
        await page.mouse.click(point!.x, point!.y);
        await page.waitForFunction(() => !!document.querySelector('gloss-card'));
        await new Promise((r) => setTimeout(r, 200));
        const layout = await page.evaluate(measureCard);
        await page.screenshot({ path: resolve(SHOTS, `card-firefox-${viewport.width}x${viewport.height}.png`) });
        expectWhole(layout);
        expect(layout!.scrollY, 'opening the card does not scroll the page').toBe(scrolled);
        await page.close();
      });
  });
});
