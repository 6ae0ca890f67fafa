import { describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { detectArticle, urlEvidence } from '@/utils/detect';
import { HAS_SEED, ROOT, SEED_HTML, SEED_URL, fixture, html } from './helpers';

describe('article detection', () => {
  test.each([
    ['news-article.html', 'http://www.harbor-gazette.example/2026/03/12/council-passes-budget/', true],
    ['home-page.html', 'http://www.harbor-gazette.example/', false],
    ['encyclopedia.html', 'http://www.harbor-gazette.example/wiki/Gallium', false],
    ['docs.html', 'http://www.harbor-gazette.example/docs/queue/push', false],
    ['product.html', 'http://www.harbor-gazette.example/shop/tent', false],
    // Without a URL the page's own evidence decides.
    ['news-article.html', null, true],
    ['home-page.html', null, false],
    ['encyclopedia.html', null, false],
  ])('%s at %s: %s', (name, url, expected) => {
    const d = detectArticle(fixture(name), url);
    expect(d.isArticle).toBe(expected);
    expect(d.reasons.length).toBeGreaterThan(0);
    expect(d.confidence).toBeGreaterThanOrEqual(0);
    expect(d.confidence).toBeLessThanOrEqual(1);
  });

  test('the demo article is an article', () => {
    expect(detectArticle(html(resolve(ROOT, 'demo/article.html'))).isArticle).toBe(true);
  });

  test.skipIf(!HAS_SEED)('the seed article is an article', () => {
    const d = detectArticle(html(SEED_HTML), SEED_URL);
    expect(d.isArticle).toBe(true);
    expect(d.reasons.join(' ')).toMatch(/og:type article/);
  });

  test.each([
    ['https://example.com/2017/04/26/story/', 'dated'],
    ['https://example.com/world/syrian-army-advances-on-town', 'slug'],
    ['https://example.com/tag/syria/', 'tag'],
    ['https://example.com/', 'home'],
    ['https://en.wikipedia.org/wiki/Gallium', 'encyclopedia'],
    ['not a url', null],
  ])('url evidence for %s', (url, word) => {
    const e = urlEvidence(url);
    if (word === null) expect(e).toBeNull();
    else expect(e?.reason).toMatch(new RegExp(word));
  });
});
