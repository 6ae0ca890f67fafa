/**
 * Gloss makes no network request, from any of its contexts. Chromium runs with every host name resolved to the
 * test server, so whatever any context asks for lands in the server's log; on top of that, Playwright's request
 * events and the CDP Network domain of every page (content scripts included) and of the service worker record
 * each request. After a run over several articles, a note card, the popup and the options page, the only
 * requests are the pages' own. Positive controls at the end make one request from each context and check that
 * every recorder sees it, so "nothing recorded" means "nothing sent".
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { startServer, type TestServer } from './server';
import { CHROME_BUILD, FIXTURES } from './paths';
import {
  gotoExtensionPage,
  SITE,
  OTHER_SITE,
  hostileRoutes,
  hostileUrl,
  launchChromium,
  pointOf,
  tabState,
  waitForPaint,
  type ChromiumRun,
  type HostilePage,
} from './harness';

const NEWS = 'www.harbor-gazette.example';
const NEWS_PATH = '/2026/03/12/council-passes-budget/';
/** Hosts Chromium's browser process talks to on its own (component and extension updates, network time). */
const BROWSER_SERVICES = ['update.googleapis.com', 'clients2.google.com', 'clients2.googleusercontent.com'];
const PAGES: HostilePage[] = ['plain', 'markup', 'unicode', 'rtl', 'frames'];

let server: TestServer;
let run: ChromiumRun;
/** Every request any recorder saw, as "recorder: URL". */
const seen: string[] = [];
const cdpSessions: CDPSession[] = [];

function record(source: string, url: string) {
  seen.push(`${source}: ${url}`);
}

/** CDP Network recording for a page (its content scripts' requests go through it too). */
async function recordPage(page: Page, label: string) {
  const cdp = await run.context.newCDPSession(page);
  cdpSessions.push(cdp);
  cdp.on('Network.requestWillBeSent', (e) => record(`cdp ${label}`, e.request.url));
  cdp.on('Network.webSocketCreated', (e) => record(`cdp ${label} websocket`, e.url));
  await cdp.send('Network.enable');
  return cdp;
}

/** The service worker's own Network domain, through the page session's Target domain. */
async function recordServiceWorker(via: CDPSession): Promise<boolean> {
  const { targetInfos } = await via.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://`));
  if (!sw) return false;
  const { sessionId } = await via.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  via.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const message = JSON.parse(e.message) as { method?: string; params?: { request?: { url: string } } };
    if (message.method === 'Network.requestWillBeSent') record('cdp service worker', message.params!.request!.url);
  });
  await via.send('Target.sendMessageToTarget', {
    sessionId,
    message: JSON.stringify({ id: 1, method: 'Network.enable', params: {} }),
  });
  return true;
}

/** The pages' own requests: their documents, their frames and the favicon the browser asks for. */
function ownRequest(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'chrome-extension:' || u.protocol === 'data:' || u.protocol === 'about:') return true;
  const key = `${u.hostname}${u.pathname}`;
  return (
    u.pathname === '/favicon.ico' ||
    key === `${NEWS}${NEWS_PATH}` ||
    key === `${SITE}/frames/same-origin/` ||
    key === `${OTHER_SITE}/frames/cross-origin/` ||
    PAGES.some((p) => url === hostileUrl(p))
  );
}

/** A blank page kept open for the whole file: its CDP session carries the service worker's recording. */
let anchorPage: Page;
let anchorCdp: CDPSession;

beforeAll(async () => {
  server = await startServer({ ...hostileRoutes(), [`${NEWS}${NEWS_PATH}`]: resolve(FIXTURES, 'news-article.html') });
  run = await launchChromium(server);
  run.context.on('request', (r) => record(r.serviceWorker() ? 'playwright service worker' : 'playwright', r.url()));
  run.context.on('requestfailed', (r) => record('playwright failed', r.url()));
  anchorPage = await run.context.newPage();
  anchorCdp = await run.context.newCDPSession(anchorPage);
}, 90_000);

afterAll(async () => {
  await run?.close();
  await server?.close();
});

describe('privacy', () => {
  test('a run over several articles, a note card, the popup and the options page sends nothing', async () => {
    expect(await recordServiceWorker(anchorCdp), 'the service worker is recorded').toBe(true);
    const first = await run.context.newPage();
    await recordPage(first, 'page');

    const urls = [...PAGES.map(hostileUrl), `http://${NEWS}${NEWS_PATH}`];
    const pages: Page[] = [first];
    for (const [i, url] of urls.entries()) {
      const page = i === 0 ? first : await run.context.newPage();
      if (i > 0) await recordPage(page, 'page');
      await page.goto(url);
      await waitForPaint(page);
      pages.push(page);
    }
    // A note card, with its notes and sources.
    const plain = pages[0]!;
    const point = await plain.evaluate(pointOf, { name: 'gloss-doubt', text: 'supposedly' });
    await plain.mouse.click(point!.x, point!.y);
    await plain.waitForFunction(() => !!document.querySelector('gloss-card'));

    // The popup for that tab, and the options page, if the build has one.
    const state = await tabState(run.worker!, hostileUrl('plain'));
    const popup = await run.context.newPage();
    await recordPage(popup, 'popup');
    await gotoExtensionPage(popup, `chrome-extension://${run.extensionId}/popup.html?tabId=${state.tabId}`);
    await popup.waitForSelector('.finding');
    const manifest = JSON.parse(readFileSync(resolve(CHROME_BUILD, 'manifest.json'), 'utf8')) as {
      options_ui?: { page: string };
      options_page?: string;
    };
    const optionsPath = manifest.options_ui?.page ?? manifest.options_page;
    if (optionsPath) {
      const options = await run.context.newPage();
      await recordPage(options, 'options');
      await gotoExtensionPage(options, `chrome-extension://${run.extensionId}/${optionsPath}`);
      await options.waitForLoadState('load');
      await options.waitForTimeout(500);
      await options.close();
    }
    // Time for anything deferred (a timer, an idle callback, a retry) to go out.
    await plain.waitForTimeout(1500);
    await popup.close();

    expect(seen.length, 'the recorders saw the pages load').toBeGreaterThan(urls.length);
    expect(seen.filter((s) => !ownRequest(s.slice(s.indexOf(': ') + 2)))).toEqual([]);
    // The server saw the pages' own requests and nothing else. The browser process's own update check (which a
    // Chromium without Gloss sends too) reaches the server as well; the recorders above, which cover every context
    // Gloss has, never see it.
    const browsersOwn = (key: string) => BROWSER_SERVICES.some((h) => key.startsWith(`${h}/`));
    expect(server.requests.filter((key) => !ownRequest(`http://${key}`) && !browsersOwn(key))).toEqual([]);
    for (const key of server.requests.filter(browsersOwn))
      expect(
        seen.some((s) => s.includes(`//${key}`)),
        key,
      ).toBe(false);
    for (const p of pages) await p.close();
  });

  test('positive controls: one request from each context is seen by every recorder', async () => {
    // The worker may have been restarted meanwhile: record whichever one runs now.
    expect(await recordServiceWorker(anchorCdp)).toBe(true);
    const page = await run.context.newPage();
    const cdp = await recordPage(page, 'page');
    await page.goto(hostileUrl('plain'));
    await waitForPaint(page);
    const before = server.requests.length;

    // The page's main world.
    await page.evaluate(() => fetch('http://probe-page.example/').catch(() => undefined));
    // The content script's isolated world.
    await cdp.send('Runtime.enable');
    const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.disable');
    await cdp.send('Runtime.enable');
    const content = contexts.find((c) => c.auxData?.type === 'isolated' && !c.name.startsWith('__playwright'));
    expect(content, 'the content script world').toBeDefined();
    await cdp.send('Runtime.evaluate', {
      expression: "fetch('http://probe-content.example/').catch(() => undefined)",
      contextId: content!.id,
      awaitPromise: true,
    });
    // The service worker.
    await run.worker!.evaluate(() => fetch('http://probe-worker.example/').catch(() => undefined));
    // The popup.
    const popup = await run.context.newPage();
    await recordPage(popup, 'popup');
    await gotoExtensionPage(popup, `chrome-extension://${run.extensionId}/popup.html`);
    await popup.evaluate(() => fetch('http://probe-popup.example/').catch(() => undefined));

    const probes = server.requests.slice(before).filter((k) => k.startsWith('probe-'));
    expect(probes.sort()).toEqual([
      'probe-content.example/',
      'probe-page.example/',
      'probe-popup.example/',
      'probe-worker.example/',
    ]);
    const by = (host: string) => seen.filter((s) => s.includes(`//${host}/`)).map((s) => s.split(':')[0]);
    expect(by('probe-page.example')).toEqual(expect.arrayContaining(['cdp page', 'playwright']));
    expect(by('probe-content.example')).toEqual(expect.arrayContaining(['cdp page']));
    expect(by('probe-worker.example')).toEqual(expect.arrayContaining(['cdp service worker']));
    expect(by('probe-popup.example')).toEqual(expect.arrayContaining(['cdp popup', 'playwright']));
    await popup.close();
    await page.close();
  });
});
