// The pages the benchmark reads: generated articles and non-articles, the test fixtures, and a sample of the real
// pages in ../shared/corpora when they are there. Each page is written under .tmp/bench/pages and served under
// a host name and path of its own.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import {
  generateArticle,
  generateDocs,
  generateForumThread,
  generateListing,
  generateSectionFront,
  random,
} from './generate.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = resolve(ROOT, 'tests/fixtures/pages');
const GENERATED_HOST = 'www.northern-courier.example';
const FIXTURE_HOST = 'www.harbor-gazette.example';

/**
 * @typedef {{ id: string, group: string, kind: 'article' | 'non-article', label?: string, words?: number,
 *   file: string, url: string }} BenchPage
 */

function write(dir, name, html) {
  const file = join(dir, name);
  writeFileSync(file, html);
  return file;
}

/** @returns {BenchPage[]} */
export function generatedPages(dir, sizes) {
  mkdirSync(dir, { recursive: true });
  const pages = [];
  for (const words of sizes) {
    const a = generateArticle(words);
    pages.push({
      id: `article-${words / 1000}k`,
      group: 'generated article',
      kind: 'article',
      words,
      file: write(dir, `article-${words}.html`, a.html),
      url: `http://${GENERATED_HOST}${a.path}`,
    });
  }
  // The 1,000-word article with scripts of its own at work after load, as on a real news site: what Gloss does when
  // a page changes itself. A clock ticks in the header, the body's class flips, advertisements are added beside the
  // story and an ad slot inside it changes its text, an ad frame reloads; once, a paragraph is added to the story
  // (the one change that alters the article's text). Twenty ticks 100 ms apart; the page says when it is done.
  {
    const a = generateArticle(sizes[0] ?? 1000);
    pages.push({
      id: 'article-live',
      group: 'generated live article',
      kind: 'article',
      words: a.words,
      file: write(dir, 'article-live.html', a.html.replace('</body>', `${LIVE_SCRIPT}</body>`)),
      url: `http://${GENERATED_HOST}${a.path.replace(/\/$/, '-live/')}`,
    });
  }
  for (const [id, make] of [
    ['section-front', generateSectionFront],
    ['forum-thread', generateForumThread],
    ['long-docs', generateDocs],
    ['shop-listing', generateListing],
  ]) {
    const p = make();
    pages.push({
      id,
      group: 'generated non-article',
      kind: 'non-article',
      file: write(dir, `${id}.html`, p.html),
      url: `http://${GENERATED_HOST}${p.path}`,
    });
  }
  return pages;
}

const LIVE_SCRIPT = `<script>
(() => {
  window.__benchPageBusy = true;
  const aside = document.querySelector('aside') || document.body;
  const story = document.querySelector('.article-body') || document.body;
  const clock = document.createElement('span');
  (document.querySelector('header') || document.body).append(clock);
  const slot = document.createElement('div');
  slot.className = 'ad-slot';
  (story.children[2] || story).after(slot);
  const frame = document.createElement('iframe');
  frame.title = 'Advertisement';
  aside.append(frame);
  let n = 0;
  const timer = setInterval(() => {
    n++;
    clock.textContent = 'Updated ' + n + ' s ago';
    document.body.classList.toggle('scrolled', n % 2 === 0);
    const ad = document.createElement('div');
    ad.className = 'ad';
    ad.textContent = 'Advertisement ' + n;
    aside.append(ad);
    slot.textContent = 'Sponsored: offer ' + n;
    frame.srcdoc = '<p>Ad ' + n + '</p>';
    if (n === 10) {
      const p = document.createElement('p');
      p.textContent = 'Late on Thursday the council added that the vote would be held again next month, after members asked for the full costs of the plan to be published first.';
      story.append(p);
    }
    if (n === 20) {
      clearInterval(timer);
      setTimeout(() => { window.__benchPageBusy = false; }, 600);
    }
  }, 100);
})();
</script>`;

/** An empty page: what Gloss costs a page on which it has nothing to read, beside the reference extensions. */
export function emptyPage(dir) {
  return {
    id: 'empty',
    group: 'empty',
    kind: 'non-article',
    file: write(
      dir,
      'blank.html',
      '<!doctype html><html lang="en"><head><title>blank</title></head><body></body></html>',
    ),
    url: 'http://blank.bench.example/',
  };
}

/** The test fixtures, at the addresses the end-to-end tests give them. */
export function fixturePages() {
  return [
    ['news-article', 'article', '/2026/03/12/council-passes-budget/'],
    ['home-page', 'non-article', '/'],
    ['docs', 'non-article', '/docs/queue/push'],
    ['encyclopedia', 'non-article', '/wiki/Gallium'],
    ['product', 'non-article', '/shop/tent'],
  ].map(([id, kind, path]) => ({
    id,
    group: kind === 'article' ? 'fixture article' : 'fixture non-article',
    kind,
    file: resolve(FIXTURES, `${id}.html`),
    url: `http://${FIXTURE_HOST}${path}`,
  }));
}

/**
 * A saved page as the benchmark serves it: its scripts removed (they would run differently on every load and
 * fetch what is not there) except structured data, and no refresh redirect.
 */
function quiet(html) {
  return html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<meta[^>]+http-equiv=["']?refresh["']?[^>]*>/gi, '');
}

/**
 * The address a saved page gives itself (canonical link, else og:url), served over http under a name of the
 * benchmark's own: "www.bbc.com" becomes "www-bbc-com.bench.example", because many real hosts are on the browser's
 * HTTPS-only list, which a local http server cannot answer for. Only the outlet note is lost by that.
 */
function ownUrl(html, fallback) {
  const head = html.slice(0, 200_000);
  const canonical = /<link[^>]+rel=["']?canonical["']?[^>]*>/i.exec(head)?.[0];
  const og = /<meta[^>]+property=["']?og:url["']?[^>]*>/i.exec(head)?.[0];
  const href =
    (canonical && /href=["']([^"']+)["']/i.exec(canonical)?.[1]) || (og && /content=["']([^"']+)["']/i.exec(og)?.[1]);
  try {
    if (href) {
      const u = new URL(href, fallback);
      if (u.hostname) return benchUrl(u);
    }
  } catch {
    /* the fallback */
  }
  return fallback;
}

function ownHost(html) {
  const u = ownUrl(html, 'http://none.bench.example/');
  return new URL(u).hostname.replace(/\.bench\.example$/, '').replace(/-/g, '.');
}

function benchUrl(u) {
  return `http://${u.hostname.replace(/\./g, '-')}.bench.example${u.pathname}`;
}

function shuffled(list, seed) {
  const r = random(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * A sample of the real pages: half from Readability's saved pages (news, other articles and non-articles; not its
 * synthetic fixtures), half from the article-extraction benchmark. `count` Infinity takes them all.
 * @returns {{ pages: BenchPage[], missing: string[] }}
 */
export function corpusPages(shared, dir, count) {
  const missing = [];
  const pages = [];
  mkdirSync(dir, { recursive: true });
  const rp = resolve(shared, 'corpora/readability-pages');
  const zyte = resolve(shared, 'corpora/zyte-articles');
  const readability = [];
  if (existsSync(resolve(rp, 'labels.json'))) {
    const labels = JSON.parse(readFileSync(resolve(rp, 'labels.json'), 'utf8'));
    for (const name of readdirSync(rp).sort()) {
      const label = labels[name];
      if (!label || label === 'synthetic' || !existsSync(resolve(rp, name, 'source.html'))) continue;
      readability.push({ name, label });
    }
  } else missing.push(rp);
  const extraction = [];
  if (existsSync(resolve(zyte, 'ground-truth.json')) && existsSync(resolve(zyte, 'html'))) {
    const truth = JSON.parse(readFileSync(resolve(zyte, 'ground-truth.json'), 'utf8'));
    for (const file of readdirSync(resolve(zyte, 'html')).sort()) {
      const id = file.replace(/\.html\.gz$/, '');
      if (truth[id]?.url) extraction.push({ id, file: resolve(zyte, 'html', file), url: truth[id].url });
    }
  } else missing.push(zyte);

  const both = readability.length && extraction.length;
  const fromReadability = Math.min(readability.length, both ? Math.ceil(count / 2) : count);
  const fromExtraction = Math.min(extraction.length, count - fromReadability);
  for (const { name, label } of shuffled(readability, 11).slice(0, fromReadability)) {
    const html = readFileSync(resolve(rp, name, 'source.html'), 'utf8');
    pages.push({
      id: `rp/${name}`,
      group: 'readability-pages',
      kind: label === 'not-article' ? 'non-article' : 'article',
      label,
      file: write(dir, `rp-${name}.html`, quiet(html)),
      url: ownUrl(html, `http://${name}.bench.example/${name}/`),
      servedFor: ownHost(html),
    });
  }
  for (const { id, file, url } of shuffled(extraction, 13).slice(0, fromExtraction)) {
    const html = gunzipSync(readFileSync(file)).toString('utf8');
    const u = new URL(url);
    pages.push({
      servedFor: u.hostname,
      id: `zyte/${id.slice(0, 10)}`,
      group: 'zyte-articles',
      kind: 'article',
      label: 'article',
      file: write(dir, `zyte-${id}.html`, quiet(html)),
      url: benchUrl(u),
    });
  }
  return { pages, missing };
}

/** Server routes ("host/path" to file) for the pages. */
export function routesFor(pages) {
  return Object.fromEntries(
    pages.map((p) => {
      const u = new URL(p.url);
      return [`${u.hostname}${u.pathname}`, p.file];
    }),
  );
}
