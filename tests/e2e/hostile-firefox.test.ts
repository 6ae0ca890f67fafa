/**
 * The hostile pages in Firefox ESR (puppeteer-core over WebDriver BiDi). Firefox's content scripts see the page
 * through Xray wrappers rather than in a separate world, so overridden built-ins, custom elements and the
 * highlight registry are worth checking here as well. Expected behaviour: docs/design/robustness.md.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { startServer, type TestServer } from './server';
import {
  PAINTED_ELSEWHERE,
  PAINTS_THE_STORY,
  STORY,
  hostileRoutes,
  hostileUrl,
  launchFirefox,
  openCard,
  pairs,
  pointOf,
  rangePlaces,
  type HostilePage,
} from './harness';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(hostileRoutes());
  browser = await launchFirefox(server);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(name: HostilePage): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(hostileUrl(name));
  return page;
}

/** Polls with plain expressions, which need none of the page's built-ins (the prototypes page replaces them). */
async function waitForPaint(page: Page, timeout = 20_000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (((await page.evaluate('CSS.highlights.size')) as number) > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no highlights');
}

/** Evaluated in the page: the Gloss highlights as (category, text). */
function painted(): [string, string][] {
  return [...CSS.highlights]
    .filter(([name]) => name.startsWith('gloss-'))
    .flatMap(([name, h]) => [...h].map((r) => [name.slice('gloss-'.length), r.toString()] as [string, string]));
}

async function clickHighlight(page: Page, name: string, text: string) {
  const point = await page.evaluate(pointOf, { name, text });
  expect(point, `a painted "${text}"`).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

async function cardOpens(page: Page) {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const card = await page.evaluate(openCard);
    if (card?.visible) return card;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no visible card: ${JSON.stringify(await page.evaluate(openCard))}`);
}

describe('pages that paint the shared story', () => {
  for (const name of PAINTS_THE_STORY) {
    test(`${name}: exactly the story's findings are painted`, async () => {
      const page = await open(name);
      await waitForPaint(page, name === 'big' ? 40_000 : 20_000);
      if (name === 'prototypes') {
        // Nothing Gloss did went through the page's replaced built-ins.
        expect(await page.evaluate('window.__trapLog.length')).toBe(0);
        // The traps are live: one call from the page's world is logged.
        expect(await page.evaluate("document.createElement('p'), window.__trapLog.length")).toBe(1);
        await page.evaluate('window.__restore()');
      }
      expect(pairs(await page.evaluate(painted))).toEqual(pairs(STORY));
      for (const place of await page.evaluate(rangePlaces)) {
        expect(place.editable, place.text).toBe(false);
        expect(place.code, place.text).toBe(false);
        expect(place.shadow, place.text).toBe(false);
      }
      await page.close();
    });
  }
});

describe('pages with text of their own kind', () => {
  for (const [name, expected] of Object.entries(PAINTED_ELSEWHERE) as [HostilePage, [string, string][]][]) {
    test(`${name}: each range is exactly its finding's text`, async () => {
      const page = await open(name);
      await waitForPaint(page);
      const found = await page.evaluate(painted);
      expect(found.map(([c, t]) => `${c} ${t}`).sort()).toEqual(expected.map(([c, t]) => `${c} ${t}`).sort());
      await page.close();
    });
  }
});

describe('the note card on hostile pages', () => {
  for (const name of ['csp', 'elements', 'unset', 'prototypes'] as const) {
    test(`${name}: a click opens a visible, styled card, and Escape closes it`, async () => {
      const page = await open(name);
      await waitForPaint(page);
      if (name === 'prototypes') await page.evaluate('window.__restore()');
      await clickHighlight(page, 'gloss-doubt', 'supposedly');
      const card = await cardOpens(page);
      expect(card.position).toBe('fixed');
      expect(card.text).toMatch(/supposedly/);
      if (name === 'elements') expect(card.tag).toMatch(/^gloss-card-[a-z0-9]+$/);
      else expect(card.tag).toBe('gloss-card');
      await page.keyboard.press('Escape');
      expect(await page.evaluate(openCard)).toBeNull();
      await page.close();
    });
  }

  test('markup: HTML- and script-like text is shown as text in the card', async () => {
    const page = await open('markup');
    await waitForPaint(page);
    await clickHighlight(page, 'gloss-scare-quotes', '“<reform/>”');
    const card = await cardOpens(page);
    expect(card.text).toContain('“<reform/>”');
    expect(card.quoteHtml).toBe('“&lt;reform/&gt;”');
    for (const tag of ['reform', 'script', 'img', 'svg', 'iframe']) expect(card.elements).not.toContain(tag);
    expect(await page.title()).not.toBe('pwned');
    await page.close();
  });
});

describe('a page that uses the highlight registry itself', () => {
  test('its own highlight survives, its use of a gloss-* name is replaced, and a later clear() wins', async () => {
    const page = await open('highlights');
    await waitForPaint(page);
    // The page's highlight is registered first; wait until Gloss's are there too.
    const until = Date.now() + 20_000;
    while (Date.now() < until && (await page.evaluate(painted)).length < STORY.length)
      await new Promise((r) => setTimeout(r, 100));
    expect(await page.evaluate(() => [...(CSS.highlights.get('page-search') ?? [])].map(String))).toEqual([
      'Tidewater',
    ]);
    expect(pairs(await page.evaluate(painted))).toEqual(pairs(STORY));
    const point = await page.evaluate(pointOf, { name: 'gloss-doubt', text: 'supposedly' });
    await page.evaluate(() => CSS.highlights.clear());
    await page.mouse.click(point!.x, point!.y);
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.evaluate(openCard)).toBeNull();
    expect(await page.evaluate(painted)).toEqual([]);
    await page.close();
  });
});

describe('frames', () => {
  test('only the top document is read; same-origin, cross-origin and srcdoc frames get nothing', async () => {
    const page = await open('frames');
    await waitForPaint(page);
    await new Promise((r) => setTimeout(r, 1000));
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    expect(frames).toHaveLength(3);
    for (const frame of frames) expect(await frame.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.close();
  });
});

describe('privacy in Firefox', () => {
  test('every request through the proxy was a page’s own: its document, its frames, its favicon', () => {
    const own = new Set(Object.keys(hostileRoutes()));
    const other = server.requests.filter((key) => !own.has(key) && !key.endsWith('/favicon.ico'));
    expect(server.requests.length).toBeGreaterThan(10);
    expect(other).toEqual([]);
  });
});
