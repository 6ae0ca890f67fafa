#!/usr/bin/env node
// Builds of the extension side by side on the same pages: what each adds to a page's main thread (CDP
// TaskDuration, with the extension minus without it), the loads of all builds interleaved so that the machine's
// drift falls on each alike. For the questions `npm run bench` cannot settle: its figures move by several
// milliseconds between runs, more than most single changes do.
//
//   node scripts/bench/compare.mjs                            the built extension beside the two references
//   node scripts/bench/compare.mjs before=DIR after=DIR       unpacked builds (copies of .output/chrome-mv3)
//   node scripts/bench/compare.mjs --loads 30 --pages 'empty|forum'
//
// --loads N: loads of each page per build (default 20). --pages REGEX: the pages, by the ids `npm run bench` gives
// them (default: empty|forum-thread|news-article). --no-references: without the reference extensions (one whose
// content script does nothing, one that reads a setting and sends one message).
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../serve.mjs';
import { emptyPage, fixturePages, generatedPages, routesFor } from './pages.mjs';
import { launch as launchBrowser, metrics, referenceExtensions, settle } from './browser.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const WORK = mkdtempSync(join(tmpdir(), 'gloss-compare-'));
process.on('exit', () => rmSync(WORK, { recursive: true, force: true }));

function usage(message) {
  if (message) process.stderr.write(`compare: ${message}\n`);
  process.stderr.write(
    'Usage: node scripts/bench/compare.mjs [--loads N] [--pages REGEX] [--no-references] [NAME=EXTENSION_DIR ...]\n',
  );
  process.exit(2);
}
let loads = 20;
let only = /^(empty|forum-thread|news-article)$/;
let references = true;
const builds = [];
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--loads') loads = Math.max(4, Number(argv[++i]) || usage('--loads needs a number'));
    else if (a === '--pages') only = new RegExp(argv[++i] ?? usage('--pages needs a pattern'), 'i');
    else if (a === '--no-references') references = false;
    else if (a === '--help' || a === '-h') usage();
    else if (/^[^=-][^=]*=/.test(a)) {
      const [name, dir] = [a.slice(0, a.indexOf('=')), resolve(a.slice(a.indexOf('=') + 1))];
      if (!existsSync(join(dir, 'manifest.json'))) usage(`${dir} holds no manifest.json`);
      builds.push([name, dir]);
    } else usage(`unknown argument ${a}`);
  }
}
if (!builds.length) {
  const built = resolve(ROOT, '.output/chrome-mv3');
  if (!existsSync(join(built, 'manifest.json'))) usage('no build in .output/chrome-mv3: run `npx wxt build`');
  // A copy, so that a rebuild meanwhile does not change what is measured.
  cpSync(built, join(WORK, 'gloss'), { recursive: true });
  builds.push(['gloss', join(WORK, 'gloss')]);
}
if (references) {
  const { empty, minimal } = referenceExtensions(WORK);
  builds.push(['ref: does nothing', empty], ['ref: a setting and a message', minimal]);
}

const pages = [emptyPage(WORK), ...generatedPages(WORK, [1000]), ...fixturePages()].filter((p) => only.test(p.id));
if (!pages.length) usage(`no page matches ${only}`);
const server = await startServer(routesFor(pages));

const launch = (ext) => launchBrowser(mkdtempSync(join(WORK, 'profile-')), server.port, ext);

let serial = 0;
async function load(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(`${url}?compare=${++serial}`, { waitUntil: 'load', timeout: 60_000 });
  await settle(cdp);
  const task = (await metrics(cdp)).TaskDuration * 1000;
  await page.close();
  return task;
}

/** The mean of the middle half, and the spread of that half. */
function middle(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = Math.floor(s.length / 4);
  const m = s.slice(q, s.length - q);
  return { mean: m.reduce((a, b) => a + b, 0) / m.length, low: m[0], high: m[m.length - 1] };
}

const contexts = [['none', await launch(null)]];
for (const [name, dir] of builds) contexts.push([name, await launch(dir)]);
const started = Date.now();
const added = new Map(pages.map((p) => [p.id, new Map(builds.map(([n]) => [n, []]))]));
try {
  // One load of each page in each browser first: the first renderer and service worker starts are not a page's.
  for (const p of pages) for (const [, c] of contexts) await load(c, p.url);
  for (let round = 0; round < loads; round++) {
    for (const p of pages) {
      // Each round in another order, so that no build always comes first.
      const order = contexts.map((_, i) => contexts[(i + round) % contexts.length]);
      const times = new Map();
      for (const [name, c] of order) times.set(name, await load(c, p.url));
      for (const [name] of builds)
        added
          .get(p.id)
          .get(name)
          .push(times.get(name) - times.get('none'));
    }
    process.stderr.write(`\r${round + 1}/${loads} rounds`);
  }
} finally {
  process.stderr.write('\n');
  for (const [, c] of contexts) await c.close();
  await server.close();
}

const width = Math.max(...builds.map(([n]) => n.length), 8);
process.stdout.write(
  `Main-thread time added to a page load (ms; mean of the middle half of ${loads} interleaved loads, and that half's range), ` +
    `${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
for (const p of pages) {
  process.stdout.write(`\n${p.id}\n`);
  for (const [name] of builds) {
    const m = middle(added.get(p.id).get(name));
    process.stdout.write(
      `  ${name.padEnd(width)}  ${m.mean.toFixed(1).padStart(6)}   (${m.low.toFixed(1)} to ${m.high.toFixed(1)})\n`,
    );
  }
}
