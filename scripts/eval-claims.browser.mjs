#!/usr/bin/env node
// Imported fact-checks in the built Chrome extension (`npm run build` first), in Debian's Chromium:
//
//   node scripts/eval-claims.browser.mjs [N]      N synthetic ClaimReview objects (default 100000)
//
// Imports them through the background from the options page, reads an article whose first sentence makes one of
// the claims, stops the service worker (as the browser does when it is idle), wakes it and reads the article
// again, then removes the import. Prints how long each step took and whether the index was read back or rebuilt.
// Everything is generated in a temporary folder; no corpus is read.
/* global chrome */
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from './serve.mjs';

const root = resolve(import.meta.dirname, '..');
const build = resolve(root, '.output/chrome-mv3');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(build) || !existsSync(chromiumPath)) {
  process.stdout.write('eval-claims.browser: skipped: needs `npm run build` and Chromium\n');
  process.exit(0);
}
const n = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'gloss-claims-browser-'));

// Synthetic reviews: words drawn from a small vocabulary, seeded; one real-looking claim to find.
let seed = 20201;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const vocabulary = readFileSync(resolve(root, 'demo/article.html'), 'utf8')
  .replace(/<[^>]+>/g, ' ')
  .split(/[^A-Za-z]+/)
  .filter((w) => w.length > 2);
const words = (k) => Array.from({ length: k }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
const reviews = [
  {
    '@type': 'ClaimReview',
    url: 'https://factcheck.example/reviews/aldi',
    claimReviewed: 'ALDI offers free food to homeless people at their stores after 4 PM on Christmas Eve.',
    headline: 'Is ALDI Offering Homeless People Free Food on Christmas Eve?',
    author: { name: 'Example Fact Check' },
    reviewRating: { alternateName: 'False' },
  },
];
for (let i = 1; i < n; i++)
  reviews.push({
    '@type': 'ClaimReview',
    url: `https://factcheck.example/reviews/${i}`,
    claimReviewed: `${words(8 + Math.floor(random() * 12))}.`,
    headline: words(6),
    author: { name: 'Synthetic Checks' },
  });
const text = JSON.stringify(reviews);
const article = readFileSync(resolve(root, 'tests/fixtures/pages/news-article.html'), 'utf8').replace(
  /<article>\s*<p>/,
  '<article><p>ALDI is giving free food to homeless people at its stores on Christmas Eve, a viral post claims. ',
);
const page = join(dir, 'article.html');
writeFileSync(page, article);

const HOST = 'www.harbor-gazette.example';
const PATH = '/2026/12/01/free-food/';
const server = await startServer({ [`${HOST}${PATH}`]: page });
const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
  executablePath: chromiumPath,
  headless: true,
  args: [
    `--disable-extensions-except=${build}`,
    `--load-extension=${build}`,
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    `--host-resolver-rules=MAP ${HOST} 127.0.0.1:${server.port}`,
  ],
});
try {
  let worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  const send = (message) => options.evaluate((m) => chrome.runtime.sendMessage(m), message);

  const read = async () => {
    const tab = await context.newPage();
    const start = Date.now();
    await tab.goto(`http://${HOST}${PATH}`);
    let state = null;
    for (let i = 0; i < 200 && !state; i++) {
      await tab.waitForTimeout(50);
      state = await worker
        .evaluate(async (path) => {
          const all = await chrome.storage.session.get(null);
          return Object.values(all).find((s) => s?.url?.includes(path)) ?? null;
        }, PATH)
        .catch(() => null);
    }
    const ms = Date.now() - start;
    await tab.close();
    await worker.evaluate(() => chrome.storage.session.clear()).catch(() => null);
    const note = state?.notes?.find((x) => x.id.startsWith('claim/cr-'));
    return `${ms} ms to the page's notes; imported note: ${note ? `${note.title} (${note.sources[0]?.url})` : 'none'}`;
  };

  let start = Date.now();
  const added = await send({ type: 'gloss:imports-add', fileName: 'synthetic.json', text, license: 'CC0-1.0' });
  if (!added?.ok) throw new Error(`import failed: ${added?.error}`);
  process.stdout.write(
    `import of ${n} reviews (${(text.length / 1e6).toFixed(1)} MB): ${Date.now() - start} ms ` +
      `(${added.added.count} imported, ${added.added.skippedCount} skipped)\n`,
  );
  start = Date.now();
  const listed = await send({ type: 'gloss:imports-list' });
  process.stdout.write(
    `index in the service worker: ${listed.index.claims} claims, ${listed.index.restored ? 'read back' : 'built'} ` +
      `in ${listed.index.ms} ms\n`,
  );
  process.stdout.write(`article, first read: ${await read()}\n`);

  // Stop the service worker; the next message wakes a new one.
  await worker.evaluate(() => (globalThis.__glossMarker = 1));
  const cdp = await context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await options.waitForTimeout(500);
  const woken = context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => null);
  const after = await send({ type: 'gloss:imports-list' });
  worker = (await woken) ?? context.serviceWorkers()[0];
  const fresh = (await worker.evaluate(() => globalThis.__glossMarker).catch(() => undefined)) === undefined;
  process.stdout.write(
    `after stopping the service worker (${fresh ? 'a new worker' : 'the SAME worker: not stopped'}): index ` +
      `${after.index.restored ? 'read back' : 'rebuilt'} in ${after.index.ms} ms\n`,
  );
  process.stdout.write(`article, after the restart: ${await read()}\n`);
  const removed = await send({ type: 'gloss:imports-remove', id: added.added.id });
  process.stdout.write(`after removing the import: ${removed.imports.length} imports; article: ${await read()}\n`);
} finally {
  await context.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
