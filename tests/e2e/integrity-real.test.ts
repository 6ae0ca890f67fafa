/**
 * The same proof as integrity.test.ts on real saved pages (news, documentation, blogs) from ../shared/corpora:
 * with the pages' own scripts off, Gloss changes nothing in their DOM but its gloss-* elements, moves no
 * element, sends no request the page does not send without it, and adds nothing to the console. Skipped when
 * the corpora are not beside the checkout.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, type TestServer } from './server';
import { FIXTURES, SHARED } from './paths';
import { launchChromium, type ChromiumRun } from './harness';

const PAGES_DIR = resolve(SHARED, 'corpora/readability-pages');
// A spread of kinds, by the corpus's own labels: news articles, documentation and other pages, blog posts.
const NAMES = [
  'nytimes-1',
  'bbc-1',
  'lemonde-1',
  'heise',
  'mozilla-2',
  'mercurial',
  'ietf-1',
  'v8-blog',
  'daringfireball-1',
];
const available = NAMES.filter((n) => existsSync(resolve(PAGES_DIR, n, 'source.html')));

/** The address the page says it lives at, else one of its own. */
function addressOf(name: string, html: string): URL {
  const canonical = /<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)["']/i.exec(html)?.[1];
  const og = /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(html)?.[1];
  // Served under a host of its own with the page's real path: real hosts may be on the browser's HTTPS-only list.
  for (const candidate of [canonical, og]) {
    try {
      if (candidate) return new URL(`http://www.${name}.example${new URL(candidate).pathname}`);
    } catch {
      /* not a URL */
    }
  }
  return new URL(`http://www.${name}.example/${name}/`);
}

const pages = available.map((name) => {
  const file = resolve(PAGES_DIR, name, 'source.html');
  return { name, file, url: addressOf(name, readFileSync(file, 'utf8').slice(0, 200_000)) };
});
pages.push({
  name: 'encyclopedia entry (fixture)',
  file: resolve(FIXTURES, 'encyclopedia.html'),
  url: new URL('http://www.harbor-gazette.example/wiki/Gallium'),
});

let server: TestServer;
let bare: ChromiumRun;
let gloss: ChromiumRun;

beforeAll(async () => {
  if (!available.length) return;
  server = await startServer(Object.fromEntries(pages.map((p) => [`${p.url.hostname}${p.url.pathname}`, p.file])));
  bare = await launchChromium(server, { extension: false, javaScriptEnabled: false });
  gloss = await launchChromium(server, { extension: true, javaScriptEnabled: false });
}, 90_000);

afterAll(async () => {
  await gloss?.close();
  await bare?.close();
  await server?.close();
});

function dom(): string {
  const clone = document.documentElement.cloneNode(true) as Element;
  for (const el of [...clone.querySelectorAll('*')]) if (el.tagName.toLowerCase().startsWith('gloss-')) el.remove();
  return clone.outerHTML;
}

function boxes(): string[] {
  const out: string[] = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.tagName.toLowerCase().startsWith('gloss-') || el.getClientRects().length === 0) continue;
    const r = el.getBoundingClientRect();
    out.push(`${el.tagName} ${r.left.toFixed(1)} ${r.top.toFixed(1)} ${r.width.toFixed(1)} ${r.height.toFixed(1)}`);
  }
  return out;
}

async function load(run: ChromiumRun, url: string) {
  const page = await run.context.newPage();
  const messages: string[] = [];
  const requests = new Set<string>();
  // The page's own failures to fetch its subresources (they point at hosts that are not here) come and go
  // with timing; they are the page's, with or without Gloss.
  page.on('console', (m) => {
    if (!/^Failed to load resource/.test(m.text())) messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('request', (r) => requests.add(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  // Give the content script time to read the page (it runs at document idle).
  await page.waitForTimeout(1200);
  return { page, messages, requests: [...requests].sort() };
}

const painted = (page: Page) =>
  page.evaluate(() => [...CSS.highlights].filter(([n]) => n.startsWith('gloss-')).reduce((s, [, h]) => s + h.size, 0));

describe.skipIf(!available.length)('real saved pages, scripts off: the page after Gloss is the page without it', () => {
  for (const p of pages) {
    test(p.name, async () => {
      const before = await load(bare, p.url.href);
      const after = await load(gloss, p.url.href);
      expect(await painted(before.page)).toBe(0);
      expect(await after.page.evaluate(dom)).toBe(await before.page.evaluate(dom));
      expect(await after.page.evaluate(boxes)).toEqual(await before.page.evaluate(boxes));
      expect(after.requests, `${after.requests.join('\n')}\n---\n${before.requests.join('\n')}`).toEqual(
        before.requests,
      );
      expect(after.messages.filter((m) => /gloss/i.test(m))).toEqual([]);
      // The same console lines (resources the page itself fails to load), in whatever order they came.
      expect([...after.messages].sort()).toEqual([...before.messages].sort());
      await before.page.close();
      await after.page.close();
    });
  }
});
