/**
 * Hostile and odd pages in Chromium: strict CSP, overridden built-ins, a page that uses the highlight registry
 * or Gloss's element names itself, `all: unset`, huge and deep DOMs, frames, editable regions, markup-like text,
 * right-to-left text, astral and combining characters, shadow roots. What each case is expected to do is
 * written down in docs/design/robustness.md.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { startServer, type TestServer } from './server';
import {
  gotoExtensionPage,
  PAINTED_ELSEWHERE,
  PAINTS_THE_STORY,
  STORY,
  hostileRoutes,
  hostileUrl,
  launchChromium,
  openCard,
  paintedPairs,
  pairs,
  pointOf,
  rangePlaces,
  tabState,
  waitForPaint,
  type ChromiumRun,
  type HostilePage,
} from './harness';

let server: TestServer;
let run: ChromiumRun;

beforeAll(async () => {
  server = await startServer(hostileRoutes());
  run = await launchChromium(server);
}, 90_000);

afterAll(async () => {
  await run?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  cdp: CDPSession;
  /** Console calls and browser log entries of the page, from every context in it. */
  messages: string[];
}

/** Opens a page with a CDP session that records its console from the start. */
async function open(name: HostilePage): Promise<Opened> {
  const page = await run.context.newPage();
  const cdp = await run.context.newCDPSession(page);
  const messages: string[] = [];
  cdp.on('Runtime.consoleAPICalled', (e) =>
    messages.push(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description ?? '').join(' ')}`),
  );
  cdp.on('Log.entryAdded', (e) => {
    // The browser's own note that the site has no favicon is neither the page's nor Gloss's.
    if (!e.entry.url?.endsWith('/favicon.ico')) messages.push(`log.${e.entry.level}: ${e.entry.text}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  await page.goto(hostileUrl(name));
  return { page, cdp, messages };
}

/** A main-world expression evaluated by the browser itself, without any of the page's (possibly replaced) built-ins. */
async function raw<T>(cdp: CDPSession, expression: string): Promise<T> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value as T;
}

/** What was painted equals what the background holds for the tab, range for finding. */
async function paintedMatchesFindings(page: Page, name: HostilePage) {
  const state = await tabState(run.worker!, hostileUrl(name));
  const painted = await paintedPairs(page);
  expect(pairs(painted)).toEqual(pairs(state.findings.map((f) => [f.category, f.text])));
  return { state, painted };
}

async function clickHighlight(page: Page, name: string, text: string) {
  const point = await page.evaluate(pointOf, { name, text });
  expect(point, `a painted "${text}"`).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

describe('pages that paint the shared story', () => {
  for (const name of PAINTS_THE_STORY) {
    test(`${name}: exactly the story's findings are painted, and nothing reaches the console`, async () => {
      const { page, cdp, messages } = await open(name);
      if (name === 'prototypes') {
        // Probe through the browser itself, so that not even the test calls the page's replaced built-ins.
        await expect.poll(() => raw<number>(cdp, 'CSS.highlights.size'), { timeout: 20_000 }).toBeGreaterThan(0);
        expect(await raw<number>(cdp, 'window.__trapLog.length')).toBe(0);
        // The traps are live: one call from the page's world is logged.
        expect(await raw<number>(cdp, "document.createElement('p'), window.__trapLog.length")).toBe(1);
        await raw(cdp, 'window.__restore()');
      } else await waitForPaint(page, name === 'big' ? 40_000 : 20_000);
      expect(pairs(await paintedPairs(page))).toEqual(pairs(STORY));
      await paintedMatchesFindings(page, name);
      for (const place of await page.evaluate(rangePlaces)) {
        expect(place.editable, place.text).toBe(false);
        expect(place.code, place.text).toBe(false);
        expect(place.shadow, place.text).toBe(false);
      }
      if (name === 'big') {
        // The page really has 200,000 nodes, and the comments that use the same phrases are left alone.
        const nodes = await page.evaluate(() => {
          let n = 0;
          const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
          while (walker.nextNode()) n++;
          return n;
        });
        expect(nodes).toBeGreaterThanOrEqual(200_000);
      }
      if (name === 'deep')
        expect(await page.evaluate(() => (window as unknown as { __depth: number }).__depth)).toBeGreaterThan(5000);
      if (name === 'editable') {
        // Editable regions, form fields and code hold more of the same phrases; none of them is painted.
        const texts = (await page.evaluate(rangePlaces)).map((p) => p.text);
        expect(texts).not.toContain('“draft”');
        expect(texts.filter((t) => t === 'so-called')).toHaveLength(1);
      }
      // The page itself logs nothing, so anything here would be Gloss's.
      if (name === 'plain' || name === 'csp' || name === 'unset' || name === 'editable')
        expect(messages.join('\n')).toBe('');
      await page.close();
    });
  }
});

describe('pages with text of their own kind', () => {
  for (const [name, expected] of Object.entries(PAINTED_ELSEWHERE) as [HostilePage, [string, string][]][]) {
    test(`${name}: the expected findings are painted, each range exactly its finding's text`, async () => {
      const { page } = await open(name);
      await waitForPaint(page);
      const { painted } = await paintedMatchesFindings(page, name);
      // Exact texts, not just white space collapsed: an offset one code unit off would split a pair or a mark.
      for (const [category, text] of expected) expect(painted).toContainEqual([category, text]);
      expect(painted).toHaveLength(expected.length);
      for (const place of await page.evaluate(rangePlaces)) expect(place.shadow, place.text).toBe(false);
      await page.close();
    });
  }
});

describe('the note card on hostile pages', () => {
  for (const name of ['csp', 'elements', 'unset', 'prototypes'] as const) {
    test(`${name}: a click opens a visible, styled card, and Escape closes it`, async () => {
      const { page, cdp, messages } = await open(name);
      if (name === 'prototypes') {
        await expect.poll(() => raw<number>(cdp, 'CSS.highlights.size'), { timeout: 20_000 }).toBeGreaterThan(0);
        await raw(cdp, 'window.__restore()');
      } else await waitForPaint(page);
      await clickHighlight(page, 'gloss-doubt', 'supposedly');
      await expect.poll(() => page.evaluate(openCard).then((c) => c?.visible ?? false), { timeout: 10_000 }).toBe(true);
      const card = (await page.evaluate(openCard))!;
      expect(card.position).toBe('fixed');
      expect(card.text).toMatch(/supposedly/);
      if (name === 'elements') {
        // The page's element never got the card; Gloss used a name the page could not know.
        expect(card.tag).toMatch(/^gloss-card-[a-z0-9]+$/);
      } else expect(card.tag).toBe('gloss-card');
      await page.keyboard.press('Escape');
      expect(await page.evaluate(openCard)).toBeNull();
      if (name === 'csp') expect(messages).toEqual([]);
      await page.close();
    });
  }

  test('markup: HTML- and script-like text is shown as text in the card and the popup', async () => {
    const { page } = await open('markup');
    await waitForPaint(page);
    await clickHighlight(page, 'gloss-scare-quotes', '“<reform/>”');
    await expect.poll(() => page.evaluate(openCard).then((c) => c?.visible ?? false), { timeout: 10_000 }).toBe(true);
    const card = (await page.evaluate(openCard))!;
    expect(card.text).toContain('“<reform/>”');
    expect(card.quoteHtml).toBe('“&lt;reform/&gt;”');
    for (const tag of ['reform', 'script', 'img', 'svg', 'iframe']) expect(card.elements).not.toContain(tag);
    expect(await page.title()).not.toBe('pwned');

    const state = await tabState(run.worker!, hostileUrl('markup'));
    const popup = await run.context.newPage();
    await gotoExtensionPage(popup, `chrome-extension://${run.extensionId}/popup.html?tabId=${state.tabId}`);
    await popup.waitForSelector('.finding');
    const text = await popup.locator('body').innerText();
    expect(text).toContain('“<svg/onload>”');
    expect(await popup.locator('main svg, main img, main script, main reform').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('a page that uses the highlight registry itself', () => {
  test('its own highlight survives, its use of a gloss-* name is replaced, and a later clear() wins', async () => {
    const { page } = await open('highlights');
    await waitForPaint(page);
    const own = await page.evaluate(() => [...(CSS.highlights.get('page-search') ?? [])].map(String));
    expect(own).toEqual(['Tidewater']);
    await paintedMatchesFindings(page, 'highlights');
    const doubts = (await paintedPairs(page)).filter(([c]) => c === 'doubt').map(([, t]) => t);
    expect(doubts.sort()).toEqual(['so-called', 'supposedly']);

    const point = await page.evaluate(pointOf, { name: 'gloss-doubt', text: 'supposedly' });
    await page.evaluate(() => CSS.highlights.clear());
    // Gloss does not fight the page: no highlights come back, and a click where one was opens nothing.
    await page.mouse.click(point!.x, point!.y);
    await page.waitForTimeout(300);
    expect(await page.evaluate(openCard)).toBeNull();
    expect(await paintedPairs(page)).toEqual([]);
    await page.close();
  });
});

describe('a language tag that is not BCP 47', () => {
  test('lang="en_US": the story is still read and painted', async () => {
    const { page } = await open('lang');
    await waitForPaint(page, 8000);
    expect(pairs(await paintedPairs(page))).toEqual(pairs(STORY));
    await page.close();
  });
});

describe('frames and shadow roots', () => {
  test('frames: only the top document is read; same-origin, cross-origin and srcdoc frames get nothing', async () => {
    const { page } = await open('frames');
    await waitForPaint(page);
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    expect(frames).toHaveLength(3);
    for (const frame of frames) {
      await frame.waitForLoadState('load');
      expect(await frame.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
    }
    // Give a frame's content script, if there were one, time to paint.
    await page.waitForTimeout(1000);
    for (const frame of frames) expect(await frame.evaluate(() => CSS.highlights.size)).toBe(0);
    const texts = (await paintedPairs(page)).map(([, t]) => t);
    expect(texts).not.toContain('purportedly');
    await page.close();
  });
});
