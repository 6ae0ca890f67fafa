#!/usr/bin/env node
// `npm run bench`: what Gloss costs a page, measured in Chromium with the built extension. See
// docs/design/performance.md for the method and the budgets.
//
//   npm run bench                         generated articles and non-articles, fixtures, 20 real pages
//   npm run -s bench -- --json            the same as JSON (for tracking); --out FILE writes the JSON beside
//   npm run bench -- --corpus all         every real page (about 120); --corpus 0 for none
//   npm run bench -- --runs 7             loads per generated article (default 5); --other-runs for the other
//                                         generated pages and the fixtures (3), --corpus-runs for real pages (1)
//   npm run bench -- --only 100k          pages whose id matches
//   npm run bench -- --no-trace           without the traced loads (where the time goes) and the clicks (what a
//                                         reader feels), which add about 25 s a page and a build with a source map
/* global chrome, performance -- named in functions that run in the page or the service worker */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import { startServer } from '../serve.mjs';
import { corpusPages, emptyPage, fixturePages, generatedPages, routesFor } from './pages.mjs';
import { CHROMIUM, launch as launchBrowser, metrics, referenceExtensions, settle, sleep } from './browser.mjs';
import {
  INPUT_PROBE,
  PARTS,
  CLICK_TIMES,
  breakdown,
  buildTraceable,
  clickDelays,
  clickHighlight,
  glossParts,
  plainParts,
  traced as withTrace,
  scriptMap,
  tracedLoad,
} from './trace.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILD = resolve(ROOT, '.output/chrome-mv3');
// Pages, the bundle and the extension's copy live in a temporary folder of this run's own, removed at the end.
const WORK = mkdtempSync(join(tmpdir(), 'gloss-bench-'));
process.on('exit', () => rmSync(WORK, { recursive: true, force: true }));
const SHARED = process.env.GLOSS_SHARED ?? resolve(ROOT, '../shared');
const SIZES = [1000, 10000, 100000];

// --- options ---------------------------------------------------------------------------------------------------
function usage(message) {
  if (message) process.stderr.write(`npm run bench: ${message}\n`);
  process.stderr.write(
    'Usage: npm run bench -- [--json] [--out FILE] [--runs N] [--other-runs N] [--corpus N|all] [--corpus-runs N] [--only REGEX] [--build] [--no-trace]\n',
  );
  process.exit(2);
}
const opts = {
  json: false,
  out: null,
  runs: 5,
  otherRuns: 3,
  corpus: 20,
  corpusRuns: 1,
  only: null,
  build: false,
  trace: true,
};
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    const count = (v) => (Number.isInteger(Number(v)) && Number(v) >= 0 ? Number(v) : usage(`${a}: not a count`));
    if (a === '--json') opts.json = true;
    else if (a === '--out') opts.out = resolve(value());
    else if (a === '--runs') opts.runs = Math.max(1, count(value()));
    else if (a === '--corpus') {
      const v = value();
      opts.corpus = v === 'all' ? Infinity : count(v);
    } else if (a === '--corpus-runs') opts.corpusRuns = Math.max(1, count(value()));
    else if (a === '--other-runs') opts.otherRuns = Math.max(1, count(value()));
    else if (a === '--only') opts.only = new RegExp(value(), 'i');
    else if (a === '--build') opts.build = true;
    else if (a === '--no-trace') opts.trace = false;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown option ${a}`);
  }
}
const log = (line) => process.stderr.write(`${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}\n`);
const started = Date.now();

// --- the extension and the pipeline bundle -----------------------------------------------------------------------
const built = () => existsSync(join(BUILD, 'manifest.json')) && existsSync(join(BUILD, 'content-scripts/content.js'));

/** A copy of the built extension, so that a rebuild during the run does not change what is measured. */
async function extension() {
  if (opts.build || !built()) {
    // A build in progress empties the folder for a few seconds: wait for it before building.
    for (let i = 0; i < 30 && !built() && !opts.build; i++) await sleep(2000);
    if (opts.build || !built()) {
      log('building the extension (npx wxt build)...');
      const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) throw new Error('npx wxt build failed');
    }
  }
  const copy = join(WORK, 'extension');
  for (let attempt = 0; ; attempt++) {
    try {
      rmSync(copy, { recursive: true, force: true });
      cpSync(BUILD, copy, { recursive: true });
      if (existsSync(join(copy, 'manifest.json')) && existsSync(join(copy, 'content-scripts/content.js'))) return copy;
    } catch {
      /* the build is being rewritten: try again */
    }
    if (attempt > 20) throw new Error(`${BUILD} is incomplete`);
    await sleep(2000);
  }
}

async function pipelineBundle() {
  const { build } = await import('vite');
  await build({
    configFile: resolve(import.meta.dirname, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: WORK },
  });
  return readFileSync(join(WORK, 'pipeline.js'), 'utf8');
}

// --- statistics --------------------------------------------------------------------------------------------------
const sorted = (xs) => xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
function median(xs) {
  const s = sorted(xs);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Nearest rank: with five runs, the largest. */
function p95(xs) {
  const s = sorted(xs);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] : null;
}
const stat = (xs) => ({ median: median(xs), p95: p95(xs), n: sorted(xs).length });

// --- one page load -----------------------------------------------------------------------------------------------
const LONGTASKS = `(() => {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

async function open(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // Thread time: what the page's main thread spent, not the time it waited for a core.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
  await pageDone(page);
  return { page, cdp };
}

/** A page with scripts of its own (the live article) says when they are done: wait for it. */
async function pageDone(page) {
  await page.waitForFunction(() => !window.__benchPageBusy, null, { timeout: 30_000, polling: 100 });
}

async function snapshot(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const m = await metrics(cdp);
  const extra = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    let highlights = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('gloss-')) highlights += h.size;
    return { longtasks: window.__benchLongTasks ?? [], dcl: nav ? nav.domContentLoadedEventEnd : 0, highlights };
  });
  const after = extra.longtasks.filter(([start]) => start >= extra.dcl);
  return {
    script: m.ScriptDuration * 1000,
    task: m.TaskDuration * 1000,
    layout: (m.LayoutDuration + m.RecalcStyleDuration) * 1000,
    heap: m.JSHeapUsedSize,
    longest: Math.max(0, ...extra.longtasks.map(([, d]) => d)),
    longestAfterDcl: Math.max(0, ...after.map(([, d]) => d)),
    highlights: extra.highlights,
  };
}

/** Runs `body` (a function, as source) in a task of its own in the page: its value and its thread time. */
async function inTask(page, cdp, body, arg = null) {
  const before = await metrics(cdp);
  // A timer task rather than the evaluation itself, so that the page's own ScriptDuration counts it too.
  const value = await page.evaluate(
    `new Promise((resolve, reject) => setTimeout(() => {
      try { Promise.resolve((${body.toString()})(${JSON.stringify(arg)})).then(resolve, reject); }
      catch (error) { reject(error); }
    }, 0))`,
  );
  const after = await metrics(cdp);
  return { value, cpu: (after.TaskDuration - before.TaskDuration) * 1000 };
}

// --- the browsers ------------------------------------------------------------------------------------------------
async function launch(profile, port, ext) {
  const context = await launchBrowser(profile, port, ext);
  await context.addInitScript({ content: LONGTASKS });
  await context.addInitScript({ content: INPUT_PROBE });
  return context;
}

/** What the background stored for the tab showing `url`, once the content script has reported. */
async function reported(context, url) {
  const start = Date.now();
  while (Date.now() - start < 20_000) {
    const worker = context.serviceWorkers()[0];
    if (worker) {
      const state = await worker
        .evaluate(async (u) => {
          const all = await chrome.storage.session.get(null);
          const hit = Object.values(all).find((s) => s && s.url === u);
          return hit
            ? {
                isArticle: !!hit.detection?.isArticle,
                findings: hit.findings?.length ?? 0,
                notes: hit.notes?.length ?? 0,
              }
            : null;
        }, url)
        .catch(() => null);
      if (state) return state;
    }
    await sleep(100);
  }
  return null;
}

// --- what runs in the pages --------------------------------------------------------------------------------------
/* eslint-disable no-undef -- these functions run in the page, where these names are defined */
const runStages = () => window.glossBench.run();
const warmPipeline = () => window.glossBench.warm();
const noop = () => 0;
const cloneDocument = () => {
  const t = performance.now();
  window.__benchClone = document.cloneNode(true);
  return performance.now() - t;
};
const readabilityParse = () => {
  const t = performance.now();
  const article = new Readability(window.__benchClone).parse();
  return { ms: performance.now() - t, chars: article?.textContent?.length ?? 0 };
};
const readerable = () => {
  const t = performance.now();
  const yes = isProbablyReaderable(document);
  return { ms: performance.now() - t, yes };
};
const markPhrases = ({ root, phrases }) =>
  new Promise((resolve) => {
    const el = (root && document.querySelector(root)) || document.body;
    let marks = 0;
    const t = performance.now();
    new Mark(el).mark(phrases, {
      separateWordSearch: false,
      acrossElements: true,
      each: () => marks++,
      done: () => {
        const marked = performance.now() - t;
        // The frame after: style and layout of the new elements.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ ms: marked, frame: performance.now() - t - marked, marks });
          channel.port2.postMessage(null);
        });
      },
    });
  });
/* eslint-enable no-undef */

// --- the run -----------------------------------------------------------------------------------------------------
const extDir = await extension();
const contentJs = readFileSync(join(extDir, 'content-scripts/content.js'));
const contentCss = existsSync(join(extDir, 'content-scripts/content.css'))
  ? readFileSync(join(extDir, 'content-scripts/content.css'))
  : Buffer.alloc(0);
const sizes = {
  contentScript: { raw: contentJs.length, gzip: gzipSync(contentJs, { level: 9 }).length },
  contentCss: { raw: contentCss.length, gzip: gzipSync(contentCss, { level: 9 }).length },
};
log(`content script: ${kb(sizes.contentScript.raw)} raw, ${kb(sizes.contentScript.gzip)} gzipped`);
// The traced loads use the extension built once more with a source map, so that a trace's samples name the source
// files: the same sources as the measured build when nobody changed them in between (said in the report).
let tracedExt = null;
let tracedSame = null;
if (opts.trace) {
  log('building the extension with a source map for the traces...');
  tracedExt = buildTraceable(join(WORK, 'traced'));
  tracedSame = readFileSync(join(tracedExt, 'content-scripts/content.js')).equals(contentJs);
}
log('building the pipeline bundle...');
const bundle = await pipelineBundle();
const readabilitySource = readFileSync(resolve(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');
const readerableSource = readFileSync(
  resolve(ROOT, 'node_modules/@mozilla/readability/Readability-readerable.js'),
  'utf8',
);
const markSource = readFileSync(resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

mkdirSync(WORK, { recursive: true });
let pages = [...generatedPages(join(WORK, 'pages'), SIZES), ...fixturePages()];
let corpusNote = null;
if (opts.corpus > 0) {
  const { pages: real, missing } = corpusPages(SHARED, join(WORK, 'corpus'), opts.corpus);
  if (missing.length) corpusNote = `real pages skipped: not found: ${missing.join(', ')}`;
  pages.push(...real);
} else corpusNote = 'real pages skipped (--corpus 0)';
if (corpusNote) log(corpusNote);
if (opts.only) pages = pages.filter((p) => opts.only.test(p.id));
// Two saved pages can claim the same address: the second gets one of its own.
{
  const seen = new Set();
  for (const p of pages) {
    const u = new URL(p.url);
    if (seen.has(u.hostname + u.pathname)) p.url = `http://${u.hostname}/bench/${encodeURIComponent(p.id)}/`;
    seen.add(new URL(p.url).hostname + new URL(p.url).pathname);
  }
}
const blank = emptyPage(WORK);
const routes = routesFor([...pages, blank]);
const server = await startServer(routes);
const { empty: EMPTY_EXTENSION, minimal: MINIMAL_EXTENSION } = referenceExtensions(WORK);
const profiles = [
  mkdtempSync(join(tmpdir(), 'gloss-bench-ext-')),
  mkdtempSync(join(tmpdir(), 'gloss-bench-')),
  mkdtempSync(join(tmpdir(), 'gloss-bench-empty-')),
  mkdtempSync(join(tmpdir(), 'gloss-bench-minimal-')),
];
const withExt = await launch(profiles[0], server.port, extDir);
const without = await launch(profiles[1], server.port, null);
const withEmpty = await launch(profiles[2], server.port, EMPTY_EXTENSION);
const withMinimal = await launch(profiles[3], server.port, MINIMAL_EXTENSION);
if (!withExt.serviceWorkers().length) await withExt.waitForEvent('serviceworker', { timeout: 30_000 });
const profileTraced = tracedExt ? mkdtempSync(join(tmpdir(), 'gloss-bench-traced-')) : null;
if (profileTraced) profiles.push(profileTraced);
const withTraced = tracedExt ? await launch(profileTraced, server.port, tracedExt) : null;
let tracedPrefix = null;
let where = null;
if (withTraced) {
  const worker =
    withTraced.serviceWorkers()[0] ?? (await withTraced.waitForEvent('serviceworker', { timeout: 30_000 }));
  tracedPrefix = `chrome-extension://${new URL(worker.url()).host}/`;
  where = scriptMap(tracedExt);
}

let serial = 0;
const unique = (url) => `${url}?bench=${++serial}`;

async function extensionLoad(url) {
  const u = unique(url);
  const { page, cdp } = await open(withExt, u);
  const state = await reported(withExt, u);
  await settle(cdp);
  const s = await snapshot(page, cdp);
  await page.close();
  return { ...s, state };
}

async function plainLoad(url, stages) {
  const { page, cdp } = await open(without, unique(url));
  await settle(cdp);
  const s = await snapshot(page, cdp);
  let run = null;
  if (stages) {
    await page.evaluate(bundle);
    const overhead = await inTask(page, cdp, noop);
    const r = await inTask(page, cdp, runStages);
    // A second read in the same page: the regular expressions compiled and the code optimised.
    const warm = await inTask(page, cdp, runStages);
    run = { ...r.value, cpu: r.cpu - overhead.cpu, warm: warm.value.times, warmCpu: warm.cpu - overhead.cpu };
  }
  await page.close();
  return { ...s, run };
}

async function toolsLoad(url, phrases, root) {
  const { page, cdp } = await open(without, unique(url));
  await settle(cdp, 0);
  await page.evaluate(readabilitySource);
  await page.evaluate(readerableSource);
  await page.evaluate(markSource);
  const overhead = (await inTask(page, cdp, noop)).cpu;
  const check = await inTask(page, cdp, readerable);
  const clone = await inTask(page, cdp, cloneDocument);
  const parse = await inTask(page, cdp, readabilityParse);
  const out = {
    readerable: { ms: check.value.ms, cpu: check.cpu - overhead, yes: check.value.yes },
    clone: { ms: clone.value, cpu: clone.cpu - overhead },
    parse: { ms: parse.value.ms, cpu: parse.cpu - overhead, chars: parse.value.chars },
    mark: null,
  };
  if (phrases.length) {
    const m = await inTask(page, cdp, markPhrases, { root, phrases });
    out.mark = { ...m.value, cpu: m.cpu - overhead };
  }
  await page.close();
  return out;
}

/** The heap the pipeline and the bundled dataset take once loaded and compiled, on an empty page. */
async function datasetHeap() {
  const { page, cdp } = await open(without, blank.url);
  await settle(cdp, 0);
  await cdp.send('HeapProfiler.collectGarbage');
  const before = (await metrics(cdp)).JSHeapUsedSize;
  await page.evaluate(bundle);
  const notes = (await inTask(page, cdp, warmPipeline)).value;
  await cdp.send('HeapProfiler.collectGarbage');
  const after = (await metrics(cdp)).JSHeapUsedSize;
  await page.close();
  return { bytes: after - before, notes };
}

// --- where the time goes, and what a reader feels ------------------------------------------------------------
/** Counts, in the traced extension's background, the messages each page sends it (each read sends one). */
async function countMessages() {
  const worker = withTraced.serviceWorkers()[0];
  await worker?.evaluate(() => {
    if (globalThis.__benchMessages) return;
    globalThis.__benchMessages = {};
    chrome.runtime.onMessage.addListener((message, sender) => {
      const key = `${sender.tab?.url ?? sender.url} ${message?.type}`;
      globalThis.__benchMessages[key] = (globalThis.__benchMessages[key] ?? 0) + 1;
    });
  });
}
async function messagesFrom(url) {
  const worker = withTraced.serviceWorkers()[0];
  const all = (await worker?.evaluate(() => globalThis.__benchMessages ?? {}).catch(() => ({}))) ?? {};
  const out = {};
  for (const [key, n] of Object.entries(all)) {
    const space = key.lastIndexOf(' ');
    if (key.slice(0, space) === url) out[key.slice(space + 1)] = n;
  }
  return out;
}

/** One traced load with the extension (built with a source map) and one without: the parts of the difference. */
async function tracedPair(url) {
  await countMessages();
  const u = unique(url);
  const a = await tracedLoad(withTraced, u, async (page, cdp) => {
    await reported(withTraced, u);
    await pageDone(page);
    await settle(cdp);
  });
  const b = await tracedLoad(without, unique(url), async (page, cdp) => {
    await pageDone(page);
    await settle(cdp);
  });
  const parts = breakdown(glossParts(a.events, tracedPrefix, where), plainParts(b.events));
  const messages = await messagesFrom(u);
  return { ...parts, messages, reads: (messages['gloss:read'] ?? 0) + (messages['gloss:not-article'] ?? 0) };
}

/**
 * A highlight clicked with a trace running, in a load of its own with the traced build: where the card's time goes
 * (Gloss's click handler, the card's code, style and layout forced in that task). Its own figures are slowed by the
 * tracing; the card's time a reader sees comes from interactionLoad.
 */
async function tracedCardClick(url) {
  const page = await withTraced.newPage();
  const cdp = await withTraced.newCDPSession(page);
  await page.goto(unique(url), { waitUntil: 'load', timeout: 90_000 });
  await pageDone(page);
  await settle(cdp);
  const { events, value } = await withTrace(cdp, () => clickHighlight(page, cdp, sleep).catch(() => null));
  await page.close();
  if (!value) return null;
  const g = glossParts(events, tracedPrefix, where);
  return { toCard: value.toCard, parts: g.parts, longestGlossTask: g.longestGloss, functions: g.functions.slice(0, 5) };
}

/** Clicks during the reading, then a click on a highlight, in a load of its own with the measured build. */
async function interactionLoad(url) {
  const page = await withExt.newPage();
  const cdp = await withExt.newCDPSession(page);
  await page.goto(unique(url), { waitUntil: 'load', timeout: 90_000 });
  await watchFirstHighlights(page);
  const clicks = await clickDelays(page, cdp, sleep);
  await settle(cdp);
  const highlighted = await page.evaluate(() => window.__benchHighlighted ?? null);
  const card = await clickHighlight(page, cdp, sleep).catch(() => null);
  await page.close();
  return { clicks, card, highlighted };
}

/**
 * When the first highlights are on screen after the page's load: a frame-by-frame look at CSS.highlights from the
 * main world, started as soon as the load has been reported (so at most a few ms late; an upper bound), for 10 s.
 */
async function watchFirstHighlights(page) {
  await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const loaded = nav?.loadEventEnd || performance.now();
    const stop = performance.now() + 10_000;
    const look = () => {
      for (const [name, h] of CSS.highlights)
        if (name.startsWith('gloss-') && h.size > 0) {
          window.__benchHighlighted = performance.now() - loaded;
          return;
        }
      if (performance.now() < stop) requestAnimationFrame(look);
    };
    look();
  });
}

// Warm both browsers (first renderer, first service worker start) before measuring.
log('warming up...');
for (const p of pages.slice(0, 1)) {
  await extensionLoad(p.url);
  await plainLoad(p.url, true);
  if (withTraced) await tracedPair(p.url);
}
const blankExt = [];
const blankPlain = [];
const blankEmpty = [];
const blankMinimal = [];
async function referenceLoad(context, url) {
  const { page, cdp } = await open(context, unique(url));
  await settle(cdp);
  const s = await snapshot(page, cdp);
  await page.close();
  return s;
}
for (let i = 0; i < 5; i++) {
  blankExt.push(await extensionLoad(blank.url));
  blankPlain.push(await plainLoad(blank.url, false));
  blankEmpty.push(await referenceLoad(withEmpty, blank.url));
  blankMinimal.push(await referenceLoad(withMinimal, blank.url));
}
await withEmpty.close();
await withMinimal.close();
const addedOn = (loads) => stat(loads.map((e, i) => e.task - blankPlain[i].task));
const dataset = await datasetHeap();

const results = [];
for (const [n, p] of pages.entries()) {
  const runs = p.label ? opts.corpusRuns : p.group === 'generated article' ? opts.runs : opts.otherRuns;
  const loads = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which browser goes first, so that drift in the machine's load falls on both.
    const ext = i % 2 ? null : await extensionLoad(p.url);
    const plain = await plainLoad(p.url, true);
    const e = ext ?? (await extensionLoad(p.url));
    const tools = await toolsLoad(p.url, plain.run?.phrases ?? [], plain.run?.root ?? null);
    loads.push({ ext: e, plain, tools });
  }
  const traced = withTraced ? await tracedPair(p.url) : null;
  const feel = withTraced ? await interactionLoad(p.url) : null;
  if (feel?.card) feel.card.traced = await tracedCardClick(p.url);
  const r = summarise(p, loads, traced, feel);
  results.push(r);
  log(`[${n + 1}/${pages.length}] ${p.id}: added ${fmt(r.added.task.median)} ms, ${r.decision}`);
}

await withTraced?.close();
await withExt.close();
await without.close();
await server.close();
for (const dir of profiles) rmSync(dir, { recursive: true, force: true });

function summarise(p, loads, traced, feel) {
  const stage = (k) => stat(loads.map((l) => l.plain.run?.times?.[k]));
  const runs = loads.map((l) => l.plain.run).filter(Boolean);
  const first = runs[0] ?? {};
  const state = loads.find((l) => l.ext.state)?.ext.state ?? null;
  return {
    id: p.id,
    group: p.group,
    kind: p.kind,
    label: p.label ?? null,
    url: p.url,
    servedFor: p.servedFor ?? null,
    runs: loads.length,
    decision: state ? (state.isArticle ? 'read as an article' : 'not an article') : 'no report from Gloss',
    isArticle: state?.isArticle ?? null,
    words: first.words ?? 0,
    findings: state?.findings ?? first.findings ?? 0,
    painted: stat(loads.map((l) => l.ext.highlights)).median,
    stages: {
      detect: stage('detect'),
      extract: stage('extract'),
      compile: stage('compile'),
      analyse: stage('analyse'),
      match: stage('match'),
      paint: stage('paint'),
      frame: stage('frame'),
      // The content script's longest own task: detection and extraction are separate tasks; analysis and
      // matching run in the background.
      firstTask: stat(runs.map((r) => Math.max(r.times.detect ?? 0, r.times.extract ?? 0))),
      totalCpu: stat(runs.map((r) => r.cpu)),
    },
    warm: Object.fromEntries(
      ['detect', 'extract', 'analyse', 'match', 'paint', 'frame'].map((k) => [k, stat(runs.map((r) => r.warm?.[k]))]),
    ),
    warmCpu: stat(runs.map((r) => r.warmCpu)),
    added: {
      task: stat(loads.map((l) => l.ext.task - l.plain.task)),
      script: stat(loads.map((l) => l.ext.script - l.plain.script)),
      layout: stat(loads.map((l) => l.ext.layout - l.plain.layout)),
      heap: stat(loads.map((l) => l.ext.heap - l.plain.heap)),
    },
    longest: {
      with: stat(loads.map((l) => l.ext.longestAfterDcl)),
      without: stat(loads.map((l) => l.plain.longestAfterDcl)),
      withAll: stat(loads.map((l) => l.ext.longest)),
    },
    readability: {
      readerable: stat(loads.map((l) => l.tools.readerable.cpu)),
      readerableMs: stat(loads.map((l) => l.tools.readerable.ms)),
      clone: stat(loads.map((l) => l.tools.clone.cpu)),
      parse: stat(loads.map((l) => l.tools.parse.cpu)),
      parseMs: stat(loads.map((l) => l.tools.parse.ms)),
    },
    trace: traced,
    feel: feel
      ? {
          clickDelays: feel.clicks.delays,
          clickDelayWorst: feel.clicks.worst,
          clickDelayMedian: median(feel.clicks.delays),
          card: feel.card,
          highlighted: feel.highlighted,
        }
      : null,
    mark: loads.some((l) => l.tools.mark)
      ? {
          phrases: first.phrases?.length ?? 0,
          marks: loads.find((l) => l.tools.mark)?.tools.mark.marks ?? 0,
          ms: stat(loads.map((l) => l.tools.mark?.ms)),
          frame: stat(loads.map((l) => l.tools.mark?.frame)),
          cpu: stat(loads.map((l) => l.tools.mark?.cpu)),
        }
      : null,
  };
}

// --- budgets -----------------------------------------------------------------------------------------------------
const byId = Object.fromEntries(results.map((r) => [r.id, r]));
const articles = results.filter((r) => r.kind === 'article' && r.isArticle);
const nonArticles = results.filter((r) => r.kind === 'non-article');
const big = byId['article-100k'];
const mid = byId['article-10k'];
const ratio = (a, b) => (a != null && b ? a / b : null);
const overReadability = articles.filter((r) => r.added.task.median > r.readability.parse.median);
const overHalf = articles.filter((r) => r.added.task.median > r.readability.parse.median / 2);
const nonArticleWorst = nonArticles.reduce((w, r) => (!w || r.added.task.median > w.added.task.median ? r : w), null);
const heapWorst = results.reduce((w, r) => (!w || r.added.heap.median > w.added.heap.median ? r : w), null);
// Issue 19's targets: the real news pages (zyte-articles, and readability-pages labelled news) read as articles.
const realNews = results.filter((r) => (r.label === 'news' || r.group === 'zyte-articles') && r.isArticle);
const newsRatios = realNews.map((r) => ratio(r.added.task.median, r.readability.parse.median));
/** Nearest rank. */
function pct(xs, q) {
  const s = sorted(xs);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] : null;
}
const felt = results.filter((r) => r.feel);
const delayWorst = felt.reduce((w, r) => (!w || r.feel.clickDelayWorst > w.feel.clickDelayWorst ? r : w), null);
const carded = results.filter((r) => r.feel?.card?.toCard != null);
const cardWorst = carded.reduce((w, r) => (!w || r.feel.card.toCard > w.feel.card.toCard ? r : w), null);
// Issue 15's: the first highlights on screen within 300 ms of the page's load, on the pages read as articles.
const lit = results.filter((r) => r.isArticle && r.feel?.highlighted != null);
const litWorst = lit.reduce((w, r) => (!w || r.feel.highlighted > w.feel.highlighted ? r : w), null);
const minimalOnBlank = median(blankMinimal.map((e, i) => e.task - blankPlain[i].task));
const budgets = [
  {
    name: 'content script gzipped',
    value: sizes.contentScript.gzip / 1024,
    unit: 'KB',
    budget: 60,
    aim: 30,
  },
  {
    name: 'news pages whose added main-thread time exceeds Readability’s parse',
    value: overReadability.length,
    of: articles.length,
    unit: 'pages',
    budget: 0,
    aim: 0,
    detail: `${overHalf.length} of ${articles.length} exceed half of it; median ratio ${fmt(median(articles.map((r) => ratio(r.added.task.median, r.readability.parse.median))), 2)}`,
  },
  {
    name: 'non-article page, added main-thread time (worst page)',
    value: nonArticleWorst?.added.task.median ?? null,
    unit: 'ms',
    budget: 5,
    aim: 1,
    detail: nonArticleWorst
      ? `${nonArticleWorst.id} (${nonArticleWorst.decision}); on the empty page Gloss adds ${fmt(addedOn(blankExt).median)} ms, an extension whose content script does nothing ${fmt(addedOn(blankEmpty).median)} ms, one whose script reads a setting and sends one message ${fmt(addedOn(blankMinimal).median)} ms`
      : undefined,
  },
  {
    name: '100,000-word article, longest task with Gloss',
    value: big?.longest.with.median ?? null,
    unit: 'ms',
    budget: 100,
    aim: 50,
    detail: big
      ? `without Gloss ${fmt(big.longest.without.median)} ms; Gloss's longest task in the page (detect or extract) ${fmt(big.stages.firstTask.median)} ms, paint ${fmt(big.stages.paint.median)} ms`
      : undefined,
  },
  {
    name: '100k words vs 10k words, added main-thread time',
    value: ratio(big?.added.task.median, mid?.added.task.median),
    unit: '×',
    budget: 11,
    aim: 11,
    detail:
      big && mid
        ? ['detect', 'extract', 'analyse', 'match', 'paint', 'frame']
            .map((k) => `${k} ${fmt(ratio(big.stages[k].median, mid.stages[k].median), 1)}×`)
            .join(', ')
        : undefined,
  },
  {
    name: 'real news pages: added ÷ Readability’s parse, median page',
    value: median(newsRatios),
    unit: '×',
    budget: 0.5,
    aim: 0.5,
    detail: `${realNews.length} pages; 90th percentile page ${fmt(pct(newsRatios, 0.9), 2)}× (target 1.5×)`,
  },
  {
    name: 'non-article page, added over the minimal reference extension (worst page)',
    value: nonArticleWorst && minimalOnBlank != null ? nonArticleWorst.added.task.median - minimalOnBlank : null,
    unit: 'ms',
    budget: 2,
    aim: 2,
    detail: nonArticleWorst
      ? `${nonArticleWorst.id}; the reference measured on the empty page: ${fmt(minimalOnBlank)} ms`
      : undefined,
  },
  {
    name: 'a click during reading: input delay (worst page, worst of its clicks)',
    value: delayWorst?.feel.clickDelayWorst ?? null,
    unit: 'ms',
    budget: 50,
    aim: 50,
    detail: delayWorst
      ? `${delayWorst.id}; clicks at ${CLICK_TIMES.join(', ')} ms after load; 100,000-word article ${fmt(big?.feel?.clickDelayWorst)} ms`
      : undefined,
  },
  {
    name: 'clicking a highlight: card painted (worst page)',
    value: cardWorst?.feel.card.toCard ?? null,
    unit: 'ms',
    budget: 100,
    aim: 100,
    detail: cardWorst
      ? `${cardWorst.id} of ${carded.length} pages; 100,000-word article ${fmt(big?.feel?.card?.toCard)} ms (Event Timing ${fmt(big?.feel?.card?.eventTiming, 0)} ms)`
      : undefined,
  },
  {
    name: "first highlights on screen after the page's load (worst article)",
    value: litWorst?.feel.highlighted ?? null,
    unit: 'ms',
    budget: 300,
    aim: 300,
    detail: litWorst
      ? `${litWorst.id} of ${lit.length} pages with highlights; median ${fmt(median(lit.map((r) => r.feel.highlighted)))} ms; 100,000-word article ${fmt(big?.feel?.highlighted)} ms`
      : undefined,
  },
  {
    name: 'JS heap added (worst page)',
    value: heapWorst ? heapWorst.added.heap.median / 2 ** 20 : null,
    unit: 'MB',
    budget: 10,
    aim: 10,
    detail: `${heapWorst?.id}; the pipeline with the bundled dataset (${dataset.notes} notes), loaded and compiled on an empty page: ${fmt(dataset.bytes / 2 ** 20, 2)} MB`,
  },
].map((b) => ({
  ...b,
  met: b.value == null ? null : b.value <= b.budget,
  aimMet: b.value == null ? null : b.value <= b.aim,
}));

const report = {
  date: new Date().toISOString(),
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  chromium: withExtVersion(),
  seconds: Math.round((Date.now() - started) / 1000),
  sizes,
  blank: {
    added: stat(blankExt.map((e, i) => e.task - blankPlain[i].task)),
    heap: stat(blankExt.map((e, i) => e.heap - blankPlain[i].heap)),
    // What an extension whose content script does nothing adds to the same page: the floor for any content script.
    reference: addedOn(blankEmpty),
    // One whose script reads a setting and sends its background one message: the least an extension like Gloss does.
    minimal: addedOn(blankMinimal),
  },
  dataset,
  corpus: corpusNote,
  traced: opts.trace
    ? {
        sameContentScript: tracedSame,
        parts: Object.fromEntries(PARTS),
        clickTimes: CLICK_TIMES,
      }
    : null,
  pages: results,
  groups: groups(results),
  budgets,
};
if (opts.out) writeFileSync(opts.out, JSON.stringify(report, null, 2));
if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else print(report);

function withExtVersion() {
  const r = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  return (r.stdout || '').trim();
}

/** Each group of pages: the median and p95 over its pages of each page's median. */
function groups(list) {
  const out = {};
  for (const g of [...new Set(list.map((r) => `${r.group}: ${r.isArticle ? 'read' : 'skipped'}`))]) {
    const rs = list.filter((r) => `${r.group}: ${r.isArticle ? 'read' : 'skipped'}` === g);
    const of = (f) => stat(rs.map(f));
    out[g] = {
      pages: rs.length,
      words: of((r) => r.words),
      detect: of((r) => r.stages.detect.median),
      extract: of((r) => r.stages.extract.median),
      analyse: of((r) => r.stages.analyse.median),
      match: of((r) => r.stages.match.median),
      paint: of((r) => r.stages.paint.median),
      added: of((r) => r.added.task.median),
      longest: of((r) => r.longest.with.median),
      heap: of((r) => r.added.heap.median / 2 ** 20),
      readabilityParse: of((r) => r.readability.parse.median),
      readerable: of((r) => r.readability.readerable.median),
      mark: of((r) => r.mark?.ms.median),
    };
  }
  return out;
}

// --- printing ----------------------------------------------------------------------------------------------------
function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
function fmt(x, digits = 1) {
  return x == null || !Number.isFinite(x) ? '–' : x.toFixed(digits);
}
function mp(s, d = 1) {
  return s && s.median != null ? `${fmt(s.median, d)}/${fmt(s.p95, d)}` : '–';
}
function table(head, rows) {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  return all
    .map((r, j) => {
      const line = r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
      return j === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

function print(r) {
  const out = [];
  out.push(`Gloss benchmark — ${r.chromium}, ${r.seconds} s (${r.command})`);
  out.push(
    `content script ${kb(r.sizes.contentScript.raw)} raw, ${kb(r.sizes.contentScript.gzip)} gzipped; css ${kb(r.sizes.contentCss.raw)}`,
  );
  out.push(
    `empty page: added ${mp(r.blank.added)} ms main thread (an extension whose content script does nothing: ${mp(r.blank.reference)} ms; one whose script reads a setting and sends one message: ${mp(r.blank.minimal)} ms), ${fmt(r.blank.heap.median / 2 ** 20, 2)} MB heap; pipeline + dataset loaded and compiled: ${fmt(r.dataset.bytes / 2 ** 20, 2)} MB heap`,
  );
  if (r.corpus) out.push(r.corpus);
  out.push('');
  out.push(
    'Stages (ms, median/p95 over loads; wall clock, one read per load). detect, extract and paint run in the page; analyse and match run in the background and are timed here in the page for comparison',
  );
  out.push(
    table(
      [
        'page',
        'words',
        'findings',
        'detect',
        'extract',
        'analyse',
        '(compile)',
        'match',
        'paint',
        'frame',
        'total cpu',
      ],
      r.pages.map((p) => [
        p.id,
        p.words || '',
        p.isArticle ? p.findings : '',
        mp(p.stages.detect),
        p.stages.extract.n ? mp(p.stages.extract) : '',
        p.stages.analyse.n ? mp(p.stages.analyse) : '',
        p.stages.compile.n ? mp(p.stages.compile) : '',
        p.stages.match.n ? mp(p.stages.match) : '',
        p.stages.paint.n ? mp(p.stages.paint) : '',
        p.stages.frame.n ? mp(p.stages.frame) : '',
        mp(p.stages.totalCpu),
      ]),
    ),
  );
  out.push('');
  out.push('The same, read a second time in the same page (ms, median/p95): the steady cost, without compilation');
  out.push(
    table(
      ['page', 'detect', 'extract', 'analyse', 'match', 'paint', 'frame', 'total cpu'],
      r.pages
        .filter((p) => p.isArticle)
        .map((p) => [
          p.id,
          ...['detect', 'extract', 'analyse', 'match', 'paint', 'frame'].map((k) => mp(p.warm[k])),
          mp(p.warmCpu),
        ]),
    ),
  );
  out.push('');
  out.push(
    'What the extension adds to the page (with minus without, same page, same browser; thread time, ms; median/p95)',
  );
  out.push(
    table(
      ['page', 'Gloss', 'task time', 'script', 'style+layout', 'longest task with', 'without', 'heap MB'],
      r.pages.map((p) => [
        p.id,
        p.decision,
        mp(p.added.task),
        mp(p.added.script),
        mp(p.added.layout),
        mp(p.longest.with, 0),
        mp(p.longest.without, 0),
        fmt(p.added.heap.median / 2 ** 20, 2),
      ]),
    ),
  );
  if (r.traced) {
    const traced = r.pages.filter((p) => p.trace);
    const keys = PARTS.map(([k]) => k);
    out.push('');
    out.push(
      `Where the added time goes: one traced load with Gloss and one without, thread time ms (tracing slows the page: compare the parts with each other, not with the table above)${r.traced.sameContentScript ? '' : '; NOTE: the traced build’s content script differs from the measured one (sources changed since .output was built)'}`,
    );
    out.push(
      table(
        [
          'page',
          'added',
          ...keys.flatMap((k) => (k === 'rendering' ? [k, '(style+layout)'] : [k])),
          'tasks',
          'reads',
          'observer calls',
        ],
        traced.map((p) => [
          p.id,
          fmt(p.trace.added),
          ...keys.flatMap((k) =>
            k === 'rendering' ? [fmt(p.trace.parts[k]), fmt(p.trace.renderingStyle)] : [fmt(p.trace.parts[k])],
          ),
          p.trace.glossTasks,
          p.trace.reads,
          p.trace.mutationCallbacks,
        ]),
      ),
    );
    out.push(PARTS.map(([k, what]) => `${k}: ${what}`).join('; '));
    const share = (k) =>
      median(traced.filter((p) => p.trace.added > 0).map((p) => Math.max(0, p.trace.parts[k]) / p.trace.added));
    out.push(
      `Median share of the added time, over the pages: ${keys
        .map((k) => `${k} ${fmt(100 * (share(k) ?? 0), 0)}%`)
        .join(', ')}`,
    );
    const twice = traced.filter((p) => p.trace.reads > 1);
    out.push(
      `Pages read more than once in the traced load: ${twice.length ? twice.map((p) => `${p.id} (${p.trace.reads})`).join(', ') : 'none'}`,
    );
    out.push('');
    out.push(
      'What a reader feels (the measured build; one load each): the delay before a click’s first handler, clicks at ' +
        `${r.traced.clickTimes.join(', ')} ms after load (target ≤ 50 ms); clicking a highlight until its card is painted (target ≤ 100 ms); ` +
        'the same click traced in another load, Gloss’s tasks in thread time ms',
    );
    out.push(
      table(
        [
          'page',
          'click delay median',
          'worst',
          'highlighted after load',
          'card painted',
          'Event Timing',
          'its delay',
          'verdict',
          'traced click: Gloss code',
          'style+layout forced',
          'rest of its tasks',
        ],
        r.pages
          .filter((p) => p.feel)
          .map((p) => {
            const c = p.feel.card;
            const ok = p.feel.clickDelayWorst <= 50 && (c?.toCard == null || c.toCard <= 100);
            return [
              p.id,
              fmt(p.feel.clickDelayMedian),
              fmt(p.feel.clickDelayWorst),
              p.feel.highlighted != null ? fmt(p.feel.highlighted) : '',
              c?.toCard != null ? fmt(c.toCard) : '',
              c?.eventTiming != null ? fmt(c.eventTiming, 0) : c ? '<16' : '',
              c?.delay != null ? fmt(c.delay) : '',
              ok ? 'within' : 'OVER',
              ...(c?.traced
                ? [
                    fmt(['card', 'paint', 'other', 'messaging'].reduce((a, k) => a + c.traced.parts[k], 0)),
                    fmt(c.traced.parts.styleInTask),
                    fmt(c.traced.parts.host + c.traced.parts.gcInTask),
                  ]
                : ['', '', '']),
            ];
          }),
      ),
    );
  }
  out.push('');
  out.push('Beside Readability.js and mark.js on the same page (thread time ms, median; mark.js wall ms)');
  out.push(
    table(
      [
        'page',
        'Gloss added',
        'Readability parse',
        'clone',
        'isProbablyReaderable',
        'mark.js',
        'its frame',
        'phrases→marks',
      ],
      r.pages.map((p) => [
        p.id,
        fmt(p.added.task.median),
        fmt(p.readability.parse.median),
        fmt(p.readability.clone.median),
        fmt(p.readability.readerable.median),
        p.mark ? fmt(p.mark.ms.median) : '',
        p.mark ? fmt(p.mark.frame.median) : '',
        p.mark ? `${p.mark.phrases}→${p.mark.marks}` : '',
      ]),
    ),
  );
  out.push('');
  out.push('Groups (median/p95 over the pages of each page’s median)');
  out.push(
    table(
      ['group', 'pages', 'words', 'detect', 'extract', 'analyse', 'match', 'paint', 'added', 'longest', 'Readability'],
      Object.entries(r.groups).map(([g, s]) => [
        g,
        s.pages,
        mp(s.words, 0),
        mp(s.detect),
        mp(s.extract),
        mp(s.analyse),
        mp(s.match),
        mp(s.paint),
        mp(s.added),
        mp(s.longest, 0),
        mp(s.readabilityParse),
      ]),
    ),
  );
  out.push('');
  out.push('Budgets');
  for (const b of r.budgets) {
    const verdict =
      b.met == null ? 'not measured' : b.met ? (b.aimMet ? 'met, and the aim' : 'met, not the aim') : 'OVER';
    const value = b.of != null ? `${b.value} of ${b.of}` : `${fmt(b.value, b.unit === '×' ? 2 : 1)} ${b.unit}`;
    out.push(`- ${b.name}: ${value} (budget ${b.budget}, aim ${b.aim}) — ${verdict}${b.detail ? `; ${b.detail}` : ''}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
