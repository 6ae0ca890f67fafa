#!/usr/bin/env node
// `npm start`: builds Gloss and opens Chromium with it on the demo article, served locally under its host name.
//
//   npm start                                   the demo article
//   npm start -- PAGE.html --host HOST [--path /story/]   any saved page, under the address you give it
//   npm start -- --headless --screenshot FILE.png         no window: a picture of the page with a note card open, or,
//                                                         where nothing is highlighted, of the page beside the popup
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { startServer } from './serve.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUILD = resolve(ROOT, '.output/chrome-mv3');
const DEMO = {
  file: resolve(ROOT, 'demo/article.html'),
  host: 'www.meridian-ledger.example',
  path: '/world/middle-east/2017/04/26/syrian-army-pushes-toward-lataminah/',
};

function usage(message) {
  if (message) process.stderr.write(`npm start: ${message}\n`);
  process.stderr.write(
    'Usage: npm start [-- PAGE.html --host HOST [--path PATH]] [--headless --screenshot FILE.png] [--no-build]\n',
  );
  process.exit(2);
}

function parse(argv) {
  const opts = { page: null, host: null, path: null, headless: false, screenshot: null, build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--host') opts.host = value();
    else if (a === '--path') opts.path = value();
    else if (a === '--headless') opts.headless = true;
    else if (a === '--screenshot') opts.screenshot = value();
    else if (a === '--no-build') opts.build = false;
    else if (a === '--help' || a === '-h') usage();
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else opts.page = a;
  }
  if (opts.screenshot) opts.headless = true;
  return opts;
}

/** The path the page says it lives at (its canonical link), else one made from the file name. */
function pathOf(file) {
  const html = readFileSync(file, 'utf8').slice(0, 20000);
  const canonical = /<link[^>]+rel=["']?canonical["']?[^>]*>/i.exec(html)?.[0];
  const href = canonical && /href=["']([^"']+)["']/i.exec(canonical)?.[1];
  if (href) {
    try {
      return new URL(href, 'http://localhost/').pathname;
    } catch {
      /* fall through */
    }
  }
  return `/${basename(file).replace(/\.html?$/i, '')}/`;
}

/** What the background keeps for the tab showing `pageUrl` (from its session storage), once it has read the page. */
async function tabState(worker, pageUrl, timeout) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const state = await worker
      .evaluate(async (u) => {
        const all = await globalThis.chrome.storage.session.get(null);
        const key = Object.keys(all).find((k) => k.startsWith('tab:') && all[k]?.url === u);
        return key ? { ...all[key], tabId: Number(key.slice(4)) } : null;
      }, pageUrl)
      .catch(() => null);
    if (state) return state;
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

/** The number of Gloss highlights once the page has painted them; 0 if it does not within `timeout`. */
async function waitForHighlights(tab, timeout) {
  const count = () =>
    tab.evaluate(() => [...CSS.highlights].filter(([n]) => n.startsWith('gloss-')).reduce((s, [, h]) => s + h.size, 0));
  await tab
    .waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')), null, { timeout })
    .catch(() => undefined);
  return count();
}

/** Opens the card on a doubt-casting highlight, which carries the claim note of its sentence (or on the first). */
async function openCard(tab) {
  const point = await tab.evaluate(() => {
    const names = ['gloss-doubt', 'gloss-claim-context', ...[...CSS.highlights.keys()]];
    for (const name of names) {
      const h = CSS.highlights.get(name);
      const ranges = h ? [...h] : [];
      const range = ranges.find((r) => /supposedly/i.test(r.toString())) ?? ranges[0];
      if (!range) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  });
  if (!point) return;
  await tab.mouse.click(point.x, point.y);
  await tab.waitForFunction(() => !!document.querySelector('gloss-card'), null, { timeout: 5000 }).catch(() => {});
}

/** One picture: the page, and beside it the popup as the toolbar button would show it for that tab. */
async function pageWithPopup(context, tab, popupUrl, file) {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 860 });
  await popup.goto(popupUrl);
  await popup.waitForFunction(() => !document.querySelector('.status')?.textContent?.endsWith('…'), null, {
    timeout: 5000,
  });
  const side = await popup.screenshot({ fullPage: false });
  await popup.close();
  const main = await tab.screenshot();
  const sheet = await context.newPage();
  await sheet.setViewportSize({ width: 1280 + 380 + 24, height: 860 + 16 });
  await sheet.setContent(
    `<body style="margin:0;padding:8px;background:#55565e;display:flex;gap:8px;align-items:flex-start">` +
      `<img alt="" src="data:image/png;base64,${main.toString('base64')}">` +
      `<img alt="" style="box-shadow:0 2px 12px #0008" src="data:image/png;base64,${side.toString('base64')}">`,
  );
  await sheet.screenshot({ path: file });
  await sheet.close();
}

const opts = parse(process.argv.slice(2));
const page = opts.page ? resolve(opts.page) : DEMO.file;
if (!existsSync(page)) usage(`no such file: ${page}`);
const host = opts.host ?? (opts.page ? 'www.example.com' : DEMO.host);
const path = opts.path ?? (opts.page ? pathOf(page) : DEMO.path);
if (!existsSync(CHROMIUM)) {
  process.stderr.write(
    `npm start: Chromium is not at ${CHROMIUM}. Install it (apt-get install chromium) or set CHROMIUM_PATH.\n`,
  );
  process.exit(1);
}

if (opts.build) {
  const built = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = await startServer({ [`${host}${path}`]: page });
const url = `http://${host}${path}`;
const profile = mkdtempSync(join(tmpdir(), 'gloss-start-'));
const args = [
  `--disable-extensions-except=${BUILD}`,
  `--load-extension=${BUILD}`,
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  `--host-resolver-rules=MAP ${host} 127.0.0.1:${server.port}`,
];
const cleanup = async () => {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
};

if (opts.headless) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [...args, '--no-sandbox', '--disable-gpu'],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10000 }));
    const extensionId = new URL(worker.url()).host;
    const tab = await context.newPage();
    await tab.goto(url, { waitUntil: 'domcontentloaded' });
    const state = await tabState(worker, tab.url(), 20000);
    const count = state?.findings.length ? await waitForHighlights(tab, 10000) : 0;
    if (count) await openCard(tab);
    let summary;
    if (count) summary = `${count} highlights`;
    else if (!state) summary = 'Gloss did not report on this page within 20 s (is it paused for this site?)';
    else if (!state.detection.isArticle) summary = 'not read as a news article (the popup says why)';
    else summary = 'read as an article, with nothing to highlight';
    if (opts.screenshot) {
      const file = resolve(opts.screenshot);
      // Without highlights, the picture is the page beside the popup, which says what Gloss made of it.
      if (count || !state) await tab.screenshot({ path: file });
      else await pageWithPopup(context, tab, `chrome-extension://${extensionId}/popup.html?tabId=${state.tabId}`, file);
      process.stdout.write(`Gloss on ${url}: ${summary}; screenshot in ${file}\n`);
    } else process.stdout.write(`Gloss on ${url}: ${summary}\n`);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`npm start: ${message}\n`);
    // A host on the browsers' HTTPS-only list cannot be served by the local (plain HTTP) server.
    if (/ERR_SSL_PROTOCOL_ERROR|ERR_CONNECTION_REFUSED/.test(message))
      process.stderr.write(`npm start: Chromium insists on HTTPS for ${host}; give the page another --host.\n`);
    process.exitCode = 1;
  } finally {
    await context.close();
    await cleanup();
  }
} else {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    process.stderr.write('npm start: no display here. Try `npm start -- --headless --screenshot gloss.png`.\n');
    await cleanup();
    process.exit(1);
  }
  process.stdout.write(`Opening ${url} in Chromium with Gloss. Close the window (or press Ctrl-C) to stop.\n`);
  const browser = spawn(CHROMIUM, [...args, `--user-data-dir=${profile}`, url], { stdio: 'ignore' });
  const stop = () => browser.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  browser.on('exit', async (code) => {
    await cleanup();
    process.exit(code ?? 0);
  });
}
