/**
 * The pages of `pages-more/` (see its README): 183 pages labelled news-article / other-article / not-article for
 * detection, and 400 pages with a gold main text or with snippets that a correct extraction must hold ("with") or
 * leave out ("without"), for extraction read "as an article" whatever detection says, beside Readability.js on
 * the same pages in the same run. Also writes the rows the detection weights are fitted on (`--features FILE`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { detectArticle, detectionFeatures } from '../utils/detect';
import { extractArticle } from '../utils/extract';
import { parseDocument, decodeHtml } from '../cli/analyze';
import { scoreOf, shingleMatch, splitOf, undeclared, type Split } from './eval-articles.metric';

export type MoreLabel = 'news-article' | 'other-article' | 'not-article';

export interface DetectPage {
  id: string;
  label: MoreLabel;
  kind: string;
  url: string | null;
  html: string;
  split: Split;
}

export interface ExtractPage {
  id: string;
  set: string;
  url: string | null;
  html: string;
  gold: string | null;
  with: string[];
  without: string[];
  split: Split;
}

const gz = (file: string) => {
  const raw = readFileSync(file);
  return decodeHtml(file.endsWith('.gz') ? gunzipSync(raw) : raw);
};

export function loadDetectPages(corpora: string): DetectPage[] {
  const dir = resolve(corpora, 'pages-more/detect');
  if (!existsSync(resolve(dir, 'labels.json'))) return [];
  const labels = JSON.parse(readFileSync(resolve(dir, 'labels.json'), 'utf8')) as Record<
    string,
    { label: MoreLabel; kind: string; url?: string }
  >;
  const out: DetectPage[] = [];
  for (const [id, l] of Object.entries(labels)) {
    const file = [`${id}.html.gz`, `${id}.html`].map((f) => resolve(dir, f)).find(existsSync);
    if (!file) continue;
    out.push({
      id,
      label: l.label,
      kind: l.kind,
      url: l.url ?? null,
      html: gz(file),
      split: splitOf(`pages-more/detect/${id}`),
    });
  }
  return out;
}

export function loadExtractPages(corpora: string): ExtractPage[] {
  const dir = resolve(corpora, 'pages-more/extract');
  if (!existsSync(resolve(dir, 'gold.json'))) return [];
  const gold = JSON.parse(readFileSync(resolve(dir, 'gold.json'), 'utf8')) as Record<
    string,
    { url?: string; html_file: string; set: string; gold_text?: string; with?: string[]; without?: string[] }
  >;
  const out: ExtractPage[] = [];
  for (const [id, g] of Object.entries(gold)) {
    const file = resolve(dir, g.html_file);
    if (!existsSync(file)) continue;
    out.push({
      id,
      set: g.set,
      url: g.url ?? null,
      html: gz(file),
      gold: g.gold_text ?? null,
      with: g.with ?? [],
      without: g.without ?? [],
      split: splitOf(`pages-more/extract/${id}`),
    });
  }
  return out;
}

/**
 * Text compared for snippets: quotes, apostrophes and dashes of one kind, lower case, and no white space at all
 * (a snippet may run over a paragraph break that one extractor writes as a blank line and the snippet's author
 * as nothing, as between Japanese sentences). The same for both extractors.
 */
export function snippetNorm(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201a\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00ad|\u200b/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

interface Extracted {
  page: ExtractPage;
  ours: string;
  oursBody: string;
  readability: string;
  readabilityTitle: string;
  tOurs: number;
  tReadability: number;
}

function readabilityOf(html: string, url: string | null): { text: string; title: string; t: number } {
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole(), ...(url ? { url } : {}) });
  const t0 = performance.now();
  let text = '';
  let title = '';
  try {
    const r = new Readability(dom.window.document).parse();
    text = r?.textContent ?? '';
    title = r?.title ?? '';
  } catch {
    // A page Readability cannot read counts as an empty extraction.
  }
  const t = performance.now() - t0;
  dom.window.close();
  return { text, title, t };
}

const pct = (n: number, d: number) => (d ? `${n}/${d} (${((100 * n) / d).toFixed(1)}%)` : 'n/a');
const SPLITS: (Split | 'all')[] = ['tune', 'held-out', 'all'];
const inSplit = (s: Split | 'all') => (p: { split: Split }) => s === 'all' || p.split === s;
function row(label: string, cells: string[], width = 28): string {
  return `  ${label.padEnd(54)}${cells.map((c) => c.padEnd(width)).join('')}`.trimEnd();
}

/** Detection on pages-more/detect; lines for the report. */
export function detectReport(
  pages: DetectPage[],
  verbose: boolean,
  /** Whether a page's address is a news outlet's (a published rating of the site), for the "unless from news sites". */
  newsSite?: (url: string | null) => boolean,
): string[] {
  const out: string[] = ['', `Detection on pages-more/detect (${pages.length} pages, each at its own address)`];
  const results = pages.map((page) => ({ page, d: detectArticle(parseDocument(page.html), page.url) }));
  const count = (label: MoreLabel) =>
    SPLITS.map((s) => {
      const g = results.filter((r) => r.page.label === label && inSplit(s)(r.page));
      return pct(g.filter((r) => r.d.isArticle).length, g.length);
    });
  out.push(row('news-article pages detected', count('news-article')));
  out.push(row('not-article pages read as news', count('not-article')));
  out.push(row('other-article pages read as news', count('other-article')));
  if (newsSite) {
    // Other single texts read as news, leaving out those a news outlet published (a recipe or an essay on a
    // newspaper's site): the pages the target is about.
    const off = SPLITS.map((s) => {
      const g = results.filter((r) => r.page.label === 'other-article' && inSplit(s)(r.page) && !newsSite(r.page.url));
      return pct(g.filter((r) => r.d.isArticle).length, g.length);
    });
    out.push(row('  of them not from a rated news site', off));
  }
  out.push('  Kinds told to the reader (all splits): ' + kindsOf(results.map((r) => [r.page.label, r.d.kind ?? ''])));
  if (verbose) {
    out.push('  Wrong decisions:');
    for (const r of results) {
      const wrong = r.d.isArticle !== (r.page.label === 'news-article');
      if (!wrong) continue;
      out.push(
        `    ${r.page.split.padEnd(9)}${r.page.label.padEnd(14)}${r.page.id.slice(0, 30).padEnd(32)}${r.page.kind}`,
        `      ${r.d.isArticle ? 'NEWS' : 'no'} ${r.d.kind} ${r.d.confidence}  ${r.d.reasons.join('; ')}`,
      );
    }
  }
  return out;
}

function kindsOf(pairs: [string, string][]): string {
  const counts = new Map<string, number>();
  for (const [label, kind] of pairs) counts.set(`${label}→${kind}`, (counts.get(`${label}→${kind}`) ?? 0) + 1);
  return [...counts.entries()]
    .sort()
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

/** Readability's result per page, kept between runs (its output on a page does not change). */
function readabilityCache(root: string) {
  const file = resolve(root, 'node_modules/.cache/gloss-eval/readability-more.json');
  const cache = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, { text: string; title: string; t: number }>)
    : {};
  return {
    get(page: ExtractPage, fresh: boolean) {
      const key = createHash('sha1').update(page.html).digest('hex');
      if (!fresh && cache[key]) return cache[key]!;
      return (cache[key] = readabilityOf(page.html, page.url));
    },
    save: () => writeFileSync(file, JSON.stringify(cache)),
  };
}

/** Extraction "as an article" on pages-more/extract, ours beside Readability.js; lines for the report. */
export function extractReport(pages: ExtractPage[], root: string, args: string[]): string[] {
  const verbose = args.includes('--verbose');
  const cache = readabilityCache(root);
  const fresh = args.includes('--fresh');
  const results: Extracted[] = [];
  for (const page of pages) {
    const doc = parseDocument(page.html);
    const t0 = performance.now();
    const x = extractArticle(doc, page.url);
    const tOurs = performance.now() - t0;
    const r = cache.get(page, fresh);
    results.push({
      page,
      ours: x.article.text,
      oursBody: x.article.text.slice(x.bodyStart),
      readability: r.text,
      readabilityTitle: r.title,
      tOurs,
      tReadability: r.t,
    });
  }
  cache.save();
  const out: string[] = [
    '',
    `Extraction read as an article, pages-more/extract (${pages.length} pages; Readability.js 0.6.0 on jsdom, same pages${fresh ? '' : ', its output cached by page hash: --fresh to run it again'})`,
  ];
  const fmt = (x: { p: number; r: number; f1: number }) =>
    `F1 ${x.f1.toFixed(3)} (P ${x.p.toFixed(3)} R ${x.r.toFixed(3)})`;
  const goldPages = results.filter((r) => r.page.gold);
  out.push(
    row(
      `gold-text pages (${goldPages.length}), shingle F1: Gloss`,
      SPLITS.map((s) =>
        fmt(scoreOf(goldPages.filter((r) => inSplit(s)(r.page)).map((r) => shingleMatch(r.page.gold!, r.oursBody)))),
      ),
    ),
  );
  out.push(
    row(
      '  Readability.js',
      SPLITS.map((s) =>
        fmt(scoreOf(goldPages.filter((r) => inSplit(s)(r.page)).map((r) => shingleMatch(r.page.gold!, r.readability)))),
      ),
    ),
  );
  const empty = (t: string) => t.trim().length < 50;
  out.push(
    row(
      '  empty extractions: Gloss / Readability',
      SPLITS.map((s) => {
        const g = results.filter((r) => inSplit(s)(r.page));
        return `${g.filter((r) => empty(r.oursBody)).length} / ${g.filter((r) => empty(r.readability)).length}`;
      }),
    ),
  );
  const snippets = (pick: (r: Extracted) => string, which: 'with' | 'without', set?: string) =>
    SPLITS.map((s) => {
      let n = 0;
      let found = 0;
      for (const r of results) {
        if (!inSplit(s)(r.page) || (set && !r.page.set.startsWith(set))) continue;
        const text = snippetNorm(pick(r));
        for (const snip of r.page[which]) {
          n++;
          if (text.includes(snippetNorm(snip))) found++;
        }
      }
      return pct(found, n);
    });
  const ours = (r: Extracted) => r.ours;
  const theirs = (r: Extracted) => `${r.readabilityTitle}\n${r.readability}`;
  for (const set of ['trafilatura', 'postlight']) {
    out.push(row(`"with" snippets found, ${set}: Gloss`, snippets(ours, 'with', set)));
    out.push(row('  Readability.js (its title and text)', snippets(theirs, 'with', set)));
  }
  out.push(row('"without" snippets leaked: Gloss', snippets(ours, 'without')));
  out.push(row('  Readability.js', snippets(theirs, 'without')));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
  out.push(
    row('time in Node, median ms: Gloss extract / Readability parse', [
      `${median(results.map((r) => r.tOurs)).toFixed(1)} / ${median(results.map((r) => r.tReadability)).toFixed(1)}`,
    ]),
  );
  if (verbose) {
    out.push('  Pages where Gloss does worse than Readability:');
    for (const r of results) {
      const f = r.page.gold ? scoreOf([shingleMatch(r.page.gold, r.oursBody)]).f1 : null;
      const g = r.page.gold ? scoreOf([shingleMatch(r.page.gold, r.readability)]).f1 : null;
      const missed = r.page.with.filter((s) => !snippetNorm(r.ours).includes(snippetNorm(s)));
      const theirMissed = r.page.with.filter((s) => !snippetNorm(theirs(r)).includes(snippetNorm(s)));
      const leaked = r.page.without.filter((s) => snippetNorm(r.ours).includes(snippetNorm(s)));
      if ((f !== null && g !== null && f < g - 0.05) || missed.length > theirMissed.length || leaked.length)
        out.push(
          `    ${r.page.split.padEnd(9)}${r.page.id.slice(0, 40).padEnd(42)}` +
            (f !== null ? `F1 ${f.toFixed(3)} vs ${g!.toFixed(3)} ` : '') +
            (missed.length ? `missed ${JSON.stringify(missed.map((s) => s.slice(0, 60)))} ` : '') +
            (leaked.length ? `leaked ${JSON.stringify(leaked.map((s) => s.slice(0, 60)))}` : ''),
        );
    }
  }
  return out;
}

/** One row per page for fitting the detection weights: its features as served and with nothing declared. */
export interface FeatureRow {
  id: string;
  source: string;
  label: string;
  news: boolean;
  split: Split;
  features: string[];
  bare: string[];
}

export function featureRows(
  pages: { id: string; source: string; label: string; news: boolean; html: string; url: string | null; split: Split }[],
): FeatureRow[] {
  return pages.map((p) => ({
    id: p.id,
    source: p.source,
    label: p.label,
    news: p.news,
    split: p.split,
    features: detectionFeatures(parseDocument(p.html), p.url),
    bare: detectionFeatures(undeclared(parseDocument(p.html)), null),
  }));
}
