// What `npm run bench` and scripts/bench/compare.mjs share: how Chromium is started, how a page's main-thread time
// is read, when a page counts as settled, and the two reference extensions every figure is set beside.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

/**
 * Chromium with the unpacked extension in `ext` (none when null) and a profile of its own. Every page is under
 * .example and answered by the local server on `port`; any other name (a real page's images and styles, the
 * browser's own requests) fails at once.
 */
export function launch(profile, port, ext) {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []),
      ...ARGS,
      `--host-resolver-rules=MAP *.example 127.0.0.1:${port}, MAP * ~NOTFOUND`,
    ],
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Waits until the main thread has been idle for two polls in a row (and at least `min` ms). */
export async function settle(cdp, min = 300) {
  const start = Date.now();
  let last = (await metrics(cdp)).TaskDuration;
  let quiet = 0;
  while (Date.now() - start < 20_000) {
    await sleep(120);
    const now = (await metrics(cdp)).TaskDuration;
    quiet = now - last < 0.0005 ? quiet + 1 : 0;
    last = now;
    if (quiet >= 2 && Date.now() - start >= min) return;
  }
}

function referenceExtension(dir, name, files, extra = {}) {
  const root = join(dir, `${name}-extension`);
  mkdirSync(root, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0',
    content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_idle' }],
    ...extra,
  };
  writeFileSync(join(root, 'manifest.json'), JSON.stringify(manifest));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
  return root;
}

/**
 * References for what any extension with a content script costs a page, written under `dir`: one whose script
 * does nothing, and one whose script does the least an extension like Gloss must (read a setting, tell its
 * background about the page).
 */
export function referenceExtensions(dir) {
  return {
    empty: referenceExtension(dir, 'empty', { 'content.js': 'void 0;\n' }),
    minimal: referenceExtension(
      dir,
      'minimal',
      {
        'content.js':
          'chrome.storage.sync.get("settings", () => chrome.runtime.sendMessage({ url: location.href }, () => void chrome.runtime.lastError));\n',
        'background.js': 'chrome.runtime.onMessage.addListener((message, sender, reply) => reply({ ok: true }));\n',
      },
      { permissions: ['storage'], background: { service_worker: 'background.js' } },
    ),
  };
}
