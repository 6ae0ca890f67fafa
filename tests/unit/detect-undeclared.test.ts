/**
 * The evaluation's "nothing declared" diagnostic: a page stripped of what it says about itself, decided on its
 * shape alone. The stripping must leave no declared evidence behind, and the pages of the test fixtures must be
 * decided on their shape as a reader would expect.
 */
import { describe, expect, test } from 'vitest';
import { detectArticle } from '@/utils/detect';
import { undeclared } from '../../scripts/eval-articles.metric';
import { documentOf, fixture } from './helpers';

describe('a page with nothing declared', () => {
  test('keeps no structured data, meta tags or canonical link, and keeps its text', () => {
    const doc = undeclared(
      documentOf(
        '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
          '<meta property="og:type" content="article"><meta name="news_keywords" content="x">' +
          '<meta property="article:published_time" content="2026-03-12"><link rel="canonical" href="https://x.example/a/">' +
          '<script type="application/ld+json">{"@type":"NewsArticle"}</script></head>' +
          '<body><article itemscope itemtype="https://schema.org/NewsArticle"><p itemprop="articleBody">Text.</p></article></body></html>',
      ),
    );
    expect([...doc.querySelectorAll('meta')].map((m) => m.getAttribute('charset') ?? m.getAttribute('name'))).toEqual([
      'utf-8',
      'viewport',
    ]);
    expect(doc.querySelector('script, link, [itemscope], [itemtype], [itemprop]')).toBeNull();
    expect(doc.body.textContent).toBe('Text.');
    expect(detectArticle(doc).reasons.join(' ')).not.toMatch(/structured data|open graph|meta:|url:/);
  });

  test.each([
    ['news-article.html', true],
    ['home-page.html', false],
    ['encyclopedia.html', false],
    ['docs.html', false],
    ['product.html', false],
  ])('%s is decided on its shape: %s', (name, expected) => {
    const d = detectArticle(undeclared(fixture(name)));
    expect(d.isArticle, d.reasons.join('; ')).toBe(expected);
  });
});
