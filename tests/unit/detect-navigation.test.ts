/**
 * A single-page app's navigation to a short story that declares nothing (tests/fixtures/spa/app.html): the app
 * leaves the page's title and its home-page meta tags as they were. Read as a navigation, the stale tags do not
 * count and the story's own headline does; read as a fresh page, the same DOM is not taken for news.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { detectArticle } from '@/utils/detect';
import { extractArticle } from '@/utils/extract';
import { ROOT } from './helpers';

const HOST = 'http://www.coastline-courier.example';
const SHORT = '/2026/05/06/library-hours-extended/';

/** The fixture app run in jsdom at `path`, once its story has rendered. */
async function appAt(path: string): Promise<Document> {
  const html = readFileSync(resolve(ROOT, 'tests/fixtures/spa/app.html'), 'utf8');
  const dom = new JSDOM(html, {
    url: `${HOST}${path}`,
    runScripts: 'dangerously',
    virtualConsole: new VirtualConsole(),
  });
  const doc = dom.window.document;
  for (let i = 0; i < 40 && !doc.querySelector('article h1'); i++) await new Promise((r) => setTimeout(r, 50));
  return doc;
}

describe('a navigation in the page to a short story', () => {
  test('is read as news, with the stale tags left unread and the headline counted', async () => {
    const doc = await appAt(SHORT);
    const words = extractArticle(doc, `${HOST}${SHORT}`).article.text.split(/\s+/).length;
    expect(words).toBeGreaterThan(160);
    expect(words).toBeLessThan(200);
    const d = detectArticle(doc, `${HOST}${SHORT}`, { navigated: true });
    const reasons = d.reasons.join('; ');
    expect(d.isArticle, reasons).toBe(true);
    expect(reasons).not.toMatch(/og:type website/);
    expect(reasons).toMatch(/a headline over the prose/);
  });

  test('the same DOM loaded fresh, with its home-page tags, is not', async () => {
    const doc = await appAt(SHORT);
    const d = detectArticle(doc, `${HOST}${SHORT}`);
    expect(d.isArticle, d.reasons.join('; ')).toBe(false);
    expect(d.reasons.join('; ')).toMatch(/og:type website/);
  });

  test('a story that declares itself is news either way', async () => {
    const path = '/2026/05/04/harbour-dredging-plan/';
    const doc = await appAt(path);
    expect(detectArticle(doc, `${HOST}${path}`).isArticle).toBe(true);
    expect(detectArticle(doc, `${HOST}${path}`, { navigated: true }).isArticle).toBe(true);
  });
});
