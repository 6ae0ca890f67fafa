#!/usr/bin/env node
/* global chrome */
// Pictures of Gloss for the README: its main picture (the demo with the card on "supposedly" open, 1280×860) and
// the note card, the popup and the options page, in light and dark. tests/e2e/readme-pictures.test.ts makes them
// again and fails when the README's pictures no longer show what the build shows.
//   node scripts/screenshots.mjs [--out DIR]      (run `npx wxt build` first; DIR: docs/screenshots, and the main
//                                                  picture docs/screenshot.png; with --out, both go into DIR)
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const outIndex = process.argv.indexOf('--out');
const OUT = resolve(outIndex > 0 ? process.argv[outIndex + 1] : join(ROOT, 'docs/screenshots'));
const MAIN = outIndex > 0 ? join(OUT, 'screenshot.png') : join(ROOT, 'docs/screenshot.png');
const BUILD = resolve(ROOT, '.output/chrome-mv3');
const HOST = 'www.meridian-ledger.example';
const PATH = '/world/middle-east/2017/04/26/syrian-army-pushes-toward-lataminah/';
const URL_ = `http://${HOST}${PATH}`;

/** Opens the card on "supposedly", which carries the claim note of its sentence. */
async function openCard(page) {
  await page.waitForFunction(() => CSS.highlights.has('gloss-doubt'), null, { timeout: 15000 });
  const point = await page.evaluate(() => {
    const range = [...CSS.highlights.get('gloss-doubt')].find((r) => r.toString() === 'supposedly');
    range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(point.x, point.y);
  await page.waitForFunction(() => !!document.querySelector('gloss-card'));
  // The card settles (placement, fonts) before its picture.
  await page.waitForTimeout(300);
}

mkdirSync(OUT, { recursive: true });
const server = await startServer({ [`${HOST}${PATH}`]: resolve(ROOT, 'demo/article.html') });
try {
  for (const scheme of ['light', 'dark']) {
    const profile = mkdtempSync(join(tmpdir(), 'gloss-shots-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      colorScheme: scheme,
      viewport: { width: 1200, height: 820 },
      args: [
        `--disable-extensions-except=${BUILD}`,
        `--load-extension=${BUILD}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--host-resolver-rules=MAP ${HOST} 127.0.0.1:${server.port}`,
      ],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const id = new URL(worker.url()).host;
      const page = await context.newPage();
      await page.goto(URL_);
      await openCard(page);
      await page.screenshot({ path: join(OUT, `card-${scheme}.png`) });
      if (scheme === 'light') {
        // The README's main picture: what `npm start -- --headless --screenshot` shows.
        const main = await context.newPage();
        await main.setViewportSize({ width: 1280, height: 860 });
        await main.goto(URL_);
        await openCard(main);
        await main.screenshot({ path: MAIN });
        await main.close();
      }

      const tabId = await worker.evaluate(async (u) => {
        const all = await chrome.storage.session.get(null);
        const key = Object.keys(all).find((k) => all[k]?.url === u);
        return key ? Number(key.slice(4)) : null;
      }, URL_);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 380, height: 760 });
      await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
      await popup.waitForSelector('.group');
      await popup.screenshot({ path: join(OUT, `popup-${scheme}.png`) });

      const options = await context.newPage();
      await options.setViewportSize({ width: 900, height: 1100 });
      await options.goto(`chrome-extension://${id}/options.html`);
      await options.waitForSelector('h1');
      await options.waitForTimeout(300);
      await options.screenshot({ path: join(OUT, `options-${scheme}.png`), fullPage: true });
      process.stdout.write(`${scheme}: card, popup, options\n`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
}
process.stdout.write(`Screenshots in ${OUT}\n`);
