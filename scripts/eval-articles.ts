/**
 * Detection and extraction measured on real pages (run through scripts/eval-articles.mjs).
 *
 * - readability-pages/: pages saved by Mozilla's Readability project, labelled news, other-article, not-article
 *   or synthetic (`labels.json`). Synthetic fixtures are not real pages and are left out.
 * - zyte-articles/: article pages with their true body (`ground-truth.json`), scored with the benchmark's own
 *   metric: token 4-gram shingles, precision and recall per page averaged over pages, F1 of the two averages.
 *
 * Every page falls in the "tune" or the "held-out" split by a hash of its name: rules were developed looking at
 * tune pages only, and figures are printed for both.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { build } from 'esbuild';
import { detectArticle } from '../utils/detect';
import { extractArticle } from '../utils/extract';
import { parseDocument, decodeHtml } from '../cli/analyze';
import { scoreOf, shingleMatch, splitOf, undeclared, type Split } from './eval-articles.metric';
import { detectReport, extractReport, featureRows, loadDetectPages, loadExtractPages } from './eval-articles.more';
import { loadRatings } from '../utils/dataset/load';
import { ratingForUrl } from '../utils/dataset/ratings';

/** Whether an address is a news outlet's: a site the bundled ratings (Lin et al. 2023) rate. */
function ratedNewsSite(root: string): (url: string | null) => boolean {
  const ratings = loadRatings(resolve(root, 'dataset'));
  return (url) => !!url && !!ratings && ratingForUrl(url, ratings) !== null;
}

type Label = 'news' | 'other-article' | 'not-article' | 'benchmark';

interface Page {
  set: 'readability-pages' | 'zyte-articles';
  id: string;
  label: Label;
  html: string;
  url: string | null;
  truth: string | null;
  split: Split;
}

function loadPages(corpora: string): Page[] {
  const pages: Page[] = [];
  const rp = resolve(corpora, 'readability-pages');
  if (existsSync(resolve(rp, 'labels.json'))) {
    const labels = JSON.parse(readFileSync(resolve(rp, 'labels.json'), 'utf8')) as Record<string, string>;
    for (const [id, label] of Object.entries(labels)) {
      if (label === 'synthetic') continue;
      const file = resolve(rp, id, 'source.html');
      if (!existsSync(file)) continue;
      pages.push({
        set: 'readability-pages',
        id,
        label: label as Label,
        html: decodeHtml(readFileSync(file)),
        // The saved pages carry no address of their own: detection sees what the page declares.
        url: null,
        truth: null,
        split: splitOf(`readability-pages/${id}`),
      });
    }
  }
  const zy = resolve(corpora, 'zyte-articles');
  if (existsSync(resolve(zy, 'ground-truth.json'))) {
    const truth = JSON.parse(readFileSync(resolve(zy, 'ground-truth.json'), 'utf8')) as Record<
      string,
      { url: string; articleBody: string }
    >;
    for (const name of readdirSync(resolve(zy, 'html')).sort()) {
      const id = name.replace(/\.html(\.gz)?$/, '');
      const t = truth[id];
      if (!t) continue;
      const raw = readFileSync(resolve(zy, 'html', name));
      pages.push({
        set: 'zyte-articles',
        id,
        label: 'benchmark',
        html: decodeHtml(name.endsWith('.gz') ? gunzipSync(raw) : raw),
        url: t.url,
        truth: t.articleBody,
        split: splitOf(`zyte-articles/${id}`),
      });
    }
  }
  return pages;
}

// --- helpers ----------------------------------------------------------------------------------------------

function jsdomOf(html: string, url: string | null): Document {
  return new JSDOM(html, { virtualConsole: new VirtualConsole(), ...(url ? { url } : {}) }).window.document;
}

function linkedomOf(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

const pct = (n: number, d: number) => (d ? `${n}/${d} (${((100 * n) / d).toFixed(1)}%)` : 'n/a');
const ms = (x: number) => (Number.isNaN(x) ? 'n/a' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const SPLITS: (Split | 'all')[] = ['tune', 'held-out', 'all'];
const inSplit = (s: Split | 'all') => (p: { split: Split }) => s === 'all' || p.split === s;

function row(label: string, cells: string[], width = 28): string {
  return `  ${label.padEnd(54)}${cells.map((c) => c.padEnd(width)).join('')}`.trimEnd();
}

async function gzipSize(code: string): Promise<number> {
  return gzipSync(code, { level: 9 }).length;
}

async function bundleSize(root: string, contents: string): Promise<number> {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return gzipSize(out.outputFiles[0]!.text);
}

type Generated = { html: string; path: string };
interface Generators {
  generateArticle(words: number): Generated;
  generateSectionFront(): Generated;
  generateForumThread(): Generated;
  generateDocs(): Generated;
  generateListing(): Generated;
}

/** Generated pages (scripts/bench/generate.mjs) at the addresses the benchmark serves them under. */
async function generatedPages(root: string): Promise<{ id: string; article: boolean; html: string; url: string }[]> {
  const g = (await import(pathToFileURL(resolve(root, 'scripts/bench/generate.mjs')).href)) as Generators;
  const at = (path: string) => `http://www.northern-courier.example${path}`;
  const pages = [300, 1500, 6000].map((words) => {
    const a = g.generateArticle(words);
    return { id: `article-${words}w`, article: true, html: a.html, url: at(a.path) };
  });
  for (const [id, make] of [
    ['section-front', g.generateSectionFront],
    ['forum-thread', g.generateForumThread],
    ['long-docs', g.generateDocs],
    ['shop-listing', g.generateListing],
  ] as const) {
    const p = make();
    pages.push({ id, article: false, html: p.html, url: at(p.path) });
  }
  return pages;
}

// --- in a real browser ------------------------------------------------------------------------------------

interface BrowserTiming {
  label: Label;
  isArticle: boolean;
  detect: number;
  extract: number;
  clone: number;
  readability: number;
}

/**
 * The content script's cost where it runs: each page loaded in headless Chromium with its own scripts and
 * network off, then detection, extraction and Readability (on a clone, since it rewrites the document it reads)
 * timed in the page, median of five runs each.
 */
async function browserTimings(pages: Page[], root: string): Promise<BrowserTiming[] | string> {
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
  if (!executablePath) return 'no Chromium found (apt-get install chromium)';
  const { chromium } = await import('playwright-core');
  const code = await build({
    stdin: {
      contents:
        "import { detectArticle } from './utils/detect'; import { extractArticle } from './utils/extract';" +
        "import { Readability } from '@mozilla/readability';" +
        '(globalThis as any).__glossEval = { detectArticle, extractArticle, Readability };',
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const out: BrowserTiming[] = [];
  const skipped: string[] = [];
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    const tab = await context.newPage();
    for (const page of pages) {
      try {
        await tab.setContent(page.html, { waitUntil: 'domcontentloaded', timeout: 20_000 });
        await tab.evaluate(code.outputFiles[0]!.text);
        // Each run is its own task, as in the content script: nothing is kept from one run to the next.
        const job = (name: 'detect' | 'read' | 'clone' | 'readability') =>
          tab.evaluate(
            ([name, url]) => {
              const g = (globalThis as unknown as { __glossEval: unknown }).__glossEval as {
                detectArticle: typeof detectArticle;
                extractArticle: typeof extractArticle;
                Readability: typeof Readability;
              };
              const t0 = performance.now();
              let isArticle = false;
              if (name === 'detect') isArticle = g.detectArticle(document, url).isArticle;
              else if (name === 'read') {
                isArticle = g.detectArticle(document, url).isArticle;
                g.extractArticle(document, url);
              } else if (name === 'clone') document.cloneNode(true);
              else new g.Readability(document.cloneNode(true) as Document).parse();
              return { t: performance.now() - t0, isArticle };
            },
            [name, page.url] as const,
          );
        const median = async (name: Parameters<typeof job>[0]) => {
          const xs: number[] = [];
          let isArticle = false;
          for (let i = 0; i < 5; i++) {
            const r = await job(name);
            xs.push(r.t);
            isArticle = r.isArticle;
          }
          return { t: xs.sort((a, b) => a - b)[2]!, isArticle };
        };
        const detect = await median('detect');
        const read = await median('read');
        const clone = await median('clone');
        const readability = await median('readability');
        const t = {
          isArticle: detect.isArticle,
          detect: detect.t,
          extract: read.t,
          clone: clone.t,
          readability: readability.t,
        };
        out.push({ label: page.label, ...t, readability: t.readability - t.clone });
      } catch (error) {
        // A page the browser cannot load in time is left out of the timings (and said so).
        skipped.push(
          `${page.id.slice(0, 16)}: ${String((error as Error).message ?? error)
            .split('\n')[0]!
            .slice(0, 120)}`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  if (skipped.length)
    process.stderr.write(
      `eval:articles: ${skipped.length} pages left out of the browser timings, first: ${skipped[0]}\n`,
    );
  return out;
}

/** The Chromium timings as report lines. */
async function browserReport(pages: Page[], root: string): Promise<string[]> {
  const out: string[] = [];
  const timings = await browserTimings(pages, root);
  out.push('', 'Time per page in headless Chromium, ms (median / 90th percentile over pages)');
  if (typeof timings === 'string') out.push(`  skipped: ${timings}`);
  else {
    const q = (xs: number[]) => `${ms(quantile(xs, 0.5))} / ${ms(quantile(xs, 0.9))}`;
    const articles = timings.filter((t) => t.label === 'news' || t.label === 'benchmark');
    const rejected = timings.filter((t) => !t.isArticle);
    out.push(row(`news and benchmark pages (${articles.length}): Gloss detect`, [q(articles.map((t) => t.detect))]));
    out.push(row('  Gloss detect + extract, as the content script runs', [q(articles.map((t) => t.extract))]));
    out.push(row('  Readability parse (clone time not counted)', [q(articles.map((t) => t.readability))]));
    out.push(row('  cloning the document for Readability', [q(articles.map((t) => t.clone))]));
    const ratio = articles.map((t) => t.extract / Math.max(t.readability, 0.1));
    out.push(row('  detect + extract over Readability parse, per page', [q(ratio)]));
    out.push(row(`pages detected as not articles (${rejected.length}): detect`, [q(rejected.map((t) => t.detect))]));
  }
  return out;
}

// --- the run ----------------------------------------------------------------------------------------------

interface Measured {
  page: Page;
  isArticle: boolean;
  /** The decision on the same page with its declarations taken away (see `undeclared`). */
  bare: { isArticle: boolean; reasons: string[] };
  confidence: number;
  reasons: string[];
  readerable: boolean | null;
  body: string;
  bodyJsdom: string | null;
  readability: string | null;
  tDetect: number;
  tExtract: number;
  tReadability: number;
  tDetectJsdom: number;
  tExtractJsdom: number;
}

export async function run(corpora: string, args: string[], root: string): Promise<number> {
  const verbose = args.includes('--verbose');
  // --quick: our code only, no jsdom and no Readability (for working on the rules).
  const quick = args.includes('--quick');
  const pages = loadPages(corpora);
  const more = loadDetectPages(corpora);
  const featuresAt = args.find((a) => a.startsWith('--features='))?.slice('--features='.length);
  if (featuresAt) {
    // The rows the detection weights are fitted on (scripts/fit-detect-weights.py): every labelled page.
    const rows = featureRows([
      ...pages.map((p) => ({
        id: `${p.set}/${p.id}`,
        source: p.set,
        label: p.label,
        news: p.label === 'news' || p.label === 'benchmark',
        html: p.html,
        url: p.url,
        split: p.split,
      })),
      ...more.map((p) => ({
        id: `pages-more/detect/${p.id}`,
        source: 'pages-more',
        label: p.label,
        news: p.label === 'news-article',
        html: p.html,
        url: p.url,
        split: p.split,
      })),
    ]);
    writeFileSync(featuresAt, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    process.stdout.write(`eval:articles: ${rows.length} feature rows written to ${featuresAt}\n`);
    return 0;
  }
  if (args.includes('--more')) {
    // pages-more/ only: detection, and extraction beside Readability.js.
    const lines = [row('', SPLITS), ...detectReport(more, args.includes('--verbose'), ratedNewsSite(root))];
    lines.push(...extractReport(loadExtractPages(corpora), root, args));
    if (args.includes('--browser')) lines.push(...(await browserReport(pages, root)));
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
  if (!pages.length) {
    process.stdout.write(`eval:articles: skipped, no pages found under ${corpora}\n`);
    return 0;
  }
  process.stdout.write(`Article detection and extraction on ${pages.length} real pages from ${corpora}\n`);
  process.stdout.write(
    'Split: each page is "tune" or "held-out" by a hash of its name; the rules were developed on tune pages\n' +
      'only, so the held-out column is the honest one.\n' +
      'Our code runs on the CLI’s DOM (parseDocument in cli/analyze.ts); Readability.js 0.6.0 runs on jsdom,\n' +
      'the DOM its own tests use. Saved readability-pages have no address: detection sees only the page.\n\n',
  );

  // Node DOMs: which parse every page, and how fast.
  const parsers = {
    linkedom: (html: string) => linkedomOf(html),
    jsdom: (html: string) => jsdomOf(html, null),
  };
  const parserStats: Record<string, { ok: number; crashed: string[]; times: number[] }> = {};
  for (const [name, parse] of Object.entries(parsers)) {
    if (quick) break;
    const st = (parserStats[name] = { ok: 0, crashed: [] as string[], times: [] as number[] });
    for (const page of pages) {
      const t0 = performance.now();
      try {
        const doc = parse(page.html);
        extractArticle(doc, page.url);
        st.times.push(performance.now() - t0);
        st.ok++;
        if (name === 'jsdom') doc.defaultView?.close();
      } catch (error) {
        st.crashed.push(`${page.id.slice(0, 12)}: ${String((error as Error).message).slice(0, 60)}`);
      }
    }
  }

  const measured: Measured[] = [];
  for (const page of pages) {
    const doc = parseDocument(page.html);
    let t0 = performance.now();
    const detection = detectArticle(doc, page.url);
    const tDetect = performance.now() - t0;
    t0 = performance.now();
    const extraction = extractArticle(doc, page.url);
    const tExtract = performance.now() - t0;
    const body = extraction.article.text.slice(extraction.bodyStart);
    const bareDetection = detectArticle(undeclared(parseDocument(page.html)), null);
    const bare = { isArticle: bareDetection.isArticle, reasons: bareDetection.reasons };

    if (quick) {
      measured.push({
        page,
        ...detection,
        bare,
        readerable: null,
        body,
        bodyJsdom: null,
        readability: null,
        tDetect,
        tExtract,
        tReadability: NaN,
        tDetectJsdom: NaN,
        tExtractJsdom: NaN,
      });
      continue;
    }
    // The same work on jsdom, beside Readability on a fresh jsdom document of the same page.
    const jdoc = jsdomOf(page.html, page.url);
    t0 = performance.now();
    detectArticle(jdoc, page.url);
    const tDetectJsdom = performance.now() - t0;
    t0 = performance.now();
    const jx = extractArticle(jdoc, page.url);
    const tExtractJsdom = performance.now() - t0;
    const bodyJsdom = jx.article.text.slice(jx.bodyStart);
    const readerable = isProbablyReaderable(jdoc);
    jdoc.defaultView?.close();
    const rdoc = jsdomOf(page.html, page.url);
    let readability: string | null;
    t0 = performance.now();
    try {
      readability = new Readability(rdoc).parse()?.textContent ?? '';
    } catch {
      readability = null;
    }
    const tReadability = performance.now() - t0;
    rdoc.defaultView?.close();
    measured.push({
      page,
      ...detection,
      bare,
      readerable,
      body,
      bodyJsdom,
      readability,
      tDetect,
      tExtract,
      tReadability,
      tDetectJsdom,
      tExtractJsdom,
    });
  }

  const out: string[] = [];
  out.push(row('', SPLITS));
  out.push('Detection');
  const count = (f: (m: Measured) => boolean, s: Split | 'all', g: (m: Measured) => boolean) => {
    const group = measured.filter((m) => inSplit(s)(m.page) && g(m));
    return pct(group.filter(f).length, group.length);
  };
  const news = (m: Measured) => m.page.label === 'news';
  const nonNews = (m: Measured) => m.page.label === 'other-article' || m.page.label === 'not-article';
  const notArticle = (m: Measured) => m.page.label === 'not-article';
  const otherArticle = (m: Measured) => m.page.label === 'other-article';
  const bench = (m: Measured) => m.page.label === 'benchmark';
  out.push(
    row(
      'news pages detected (readability-pages)',
      SPLITS.map((s) => count((m) => m.isArticle, s, news)),
    ),
  );
  out.push(
    row(
      'non-articles taken for articles (not-article)',
      SPLITS.map((s) => count((m) => m.isArticle, s, notArticle)),
    ),
  );
  out.push(
    row(
      'other-article pages taken for news (blogs...)',
      SPLITS.map((s) => count((m) => m.isArticle, s, otherArticle)),
    ),
  );
  out.push(
    row(
      'benchmark article pages detected (zyte)',
      SPLITS.map((s) => count((m) => m.isArticle, s, bench)),
    ),
  );
  out.push('  The same pages with nothing declared (no structured data, meta tags, canonical link or address):');
  out.push(
    row(
      '  news pages detected',
      SPLITS.map((s) => count((m) => m.bare.isArticle, s, news)),
    ),
  );
  out.push(
    row(
      '  non-articles taken for articles',
      SPLITS.map((s) => count((m) => m.bare.isArticle, s, notArticle)),
    ),
  );
  out.push(
    row(
      '  other-article pages taken for news',
      SPLITS.map((s) => count((m) => m.bare.isArticle, s, otherArticle)),
    ),
  );
  out.push(
    row(
      '  benchmark article pages detected',
      SPLITS.map((s) => count((m) => m.bare.isArticle, s, bench)),
    ),
  );
  if (!quick)
    out.push(
      row(
        'isProbablyReaderable: yes on news',
        SPLITS.map((s) => count((m) => !!m.readerable, s, news)),
      ),
    );
  if (!quick)
    out.push(
      row(
        'isProbablyReaderable: yes on not-article',
        SPLITS.map((s) => count((m) => !!m.readerable, s, notArticle)),
      ),
    );
  if (!quick)
    out.push(
      row(
        'isProbablyReaderable: yes on other-article',
        SPLITS.map((s) => count((m) => !!m.readerable, s, otherArticle)),
      ),
    );
  if (!quick)
    out.push(
      row(
        'isProbablyReaderable: yes on benchmark pages',
        SPLITS.map((s) => count((m) => !!m.readerable, s, bench)),
      ),
    );

  out.push('', 'Generated pages (scripts/bench/generate.mjs), as served / with nothing declared');
  for (const g of await generatedPages(root)) {
    const d = detectArticle(parseDocument(g.html), g.url);
    const b = detectArticle(undeclared(parseDocument(g.html)), null);
    const say = (x: { isArticle: boolean }) =>
      `${x.isArticle ? 'article' : 'not an article'}${x.isArticle === g.article ? '' : ' (wrong)'}`;
    out.push(row(`  ${g.id}${g.article ? '' : ' (not an article)'}`, [say(d), say(b)]));
    if (verbose) out.push(`      ${d.reasons.join('; ')}`, `      nothing declared: ${b.reasons.join('; ')}`);
  }

  if (more.length) out.push(...detectReport(more, verbose, ratedNewsSite(root)));

  out.push('', 'Extraction (zyte-articles; token 4-gram shingles: P, R averaged over pages, F1 of the two)');
  const fmt = (x: { p: number; r: number; f1: number }) =>
    `F1 ${x.f1.toFixed(3)} (P ${x.p.toFixed(3)} R ${x.r.toFixed(3)})`;
  const benchPages = measured.filter(bench);
  out.push(
    row(
      'Gloss extractArticle',
      SPLITS.map((s) =>
        fmt(scoreOf(benchPages.filter((m) => inSplit(s)(m.page)).map((m) => shingleMatch(m.page.truth!, m.body)))),
      ),
    ),
  );
  if (!quick)
    out.push(
      row(
        'Gloss extractArticle, on jsdom',
        SPLITS.map((s) =>
          fmt(
            scoreOf(
              benchPages.filter((m) => inSplit(s)(m.page)).map((m) => shingleMatch(m.page.truth!, m.bodyJsdom ?? '')),
            ),
          ),
        ),
      ),
    );
  if (!quick)
    out.push(
      row(
        'Readability.js 0.6.0 (textContent)',
        SPLITS.map((s) =>
          fmt(
            scoreOf(
              benchPages.filter((m) => inSplit(s)(m.page)).map((m) => shingleMatch(m.page.truth!, m.readability ?? '')),
            ),
          ),
        ),
      ),
    );
  const low = benchPages
    .map((m) => ({ m, f: scoreOf([shingleMatch(m.page.truth!, m.body)]).f1 }))
    .filter((x) => x.f < 0.8);
  out.push(
    row('pages with F1 below 0.8 (tune / held-out)', [
      `${low.filter((x) => x.m.page.split === 'tune').length} / ${low.filter((x) => x.m.page.split === 'held-out').length}`,
    ]),
  );

  if (!quick) out.push(...extractReport(loadExtractPages(corpora), root, args));

  out.push('', 'Time per page in Node, ms (median / 90th percentile; document parsing not included)');
  const timing = (label: string, group: Measured[], pick: (m: Measured) => number) =>
    out.push(row(label, [`${ms(quantile(group.map(pick), 0.5))} / ${ms(quantile(group.map(pick), 0.9))}`]));
  const newsLike = measured.filter((m) => news(m) || bench(m));
  timing('news pages: Gloss detect + extract, CLI DOM', newsLike, (m) => m.tDetect + m.tExtract);
  timing('news pages: Gloss detect + extract, jsdom', newsLike, (m) => m.tDetectJsdom + m.tExtractJsdom);
  timing('news pages: Readability parse, jsdom', newsLike, (m) => m.tReadability);
  const nonArticles = measured.filter((m) => nonNews(m) && !m.isArticle);
  timing('pages found not to be news: detect, CLI DOM', nonArticles, (m) => m.tDetect);
  timing('pages found not to be news: detect, jsdom', nonArticles, (m) => m.tDetectJsdom);

  if (args.includes('--browser')) out.push(...(await browserReport(pages, root)));

  out.push('', 'Bundle size (esbuild, minified, gzip -9)');
  const ours = await bundleSize(
    root,
    "export { detectArticle } from './utils/detect'; export { extractArticle } from './utils/extract';",
  );
  const theirs = await bundleSize(root, "export { Readability, isProbablyReaderable } from '@mozilla/readability';");
  out.push(row('utils/detect.ts + utils/extract.ts', [`${(ours / 1024).toFixed(1)} KB`]));
  out.push(row('@mozilla/readability 0.6.0 (Readability + readerable)', [`${(theirs / 1024).toFixed(1)} KB`]));
  const built = resolve(root, '.output/chrome-mv3/content-scripts/content.js');
  if (existsSync(built))
    out.push(
      row('built content script (.output/chrome-mv3)', [
        `${((await gzipSize(readFileSync(built, 'utf8'))) / 1024).toFixed(1)} KB`,
      ]),
    );

  out.push('', `Node DOMs on all ${pages.length} pages (parse + extract)`);
  for (const [name, st] of Object.entries(parserStats)) {
    out.push(
      row(name, [
        `${st.ok}/${pages.length} read, median ${ms(quantile(st.times, 0.5))} ms, 90th pct ${ms(quantile(st.times, 0.9))} ms` +
          (st.crashed.length ? `; crashed: ${st.crashed.join('; ')}` : ''),
      ]),
    );
  }

  if (verbose) {
    out.push('', 'Per page');
    for (const m of measured) {
      const f = m.page.truth ? scoreOf([shingleMatch(m.page.truth, m.body)]).f1.toFixed(3) : '';
      const r = m.page.truth ? scoreOf([shingleMatch(m.page.truth, m.readability ?? '')]).f1.toFixed(3) : '';
      out.push(
        `  ${m.page.split.padEnd(9)}${m.page.label.padEnd(14)}${m.page.id.slice(0, 28).padEnd(30)}` +
          `${m.isArticle ? 'ARTICLE' : 'no     '} ${m.confidence.toFixed(2)}  ${f} ${r}  ${m.reasons.join('; ')}`,
        `${' '.repeat(55)}nothing declared: ${m.bare.isArticle ? 'ARTICLE' : 'no'}  ${m.bare.reasons.join('; ')}`,
      );
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
